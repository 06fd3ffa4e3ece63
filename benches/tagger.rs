//! Tagging speed of the entity tagger on real news text (BBC articles).
//!
//! `cargo bench --bench tagger` reports tokens per second (criterion "elements").

use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use newsdex::extract::tagger::Tagger;
use newsdex::extract::token::tokenize;

fn articles() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/bbc");
    let mut files: Vec<_> = walkdir::WalkDir::new(&root)
        .into_iter()
        .filter_map(|e| e.ok())
        .filter(|e| e.path().extension().is_some_and(|x| x == "txt"))
        .map(|e| e.into_path())
        .collect();
    files.sort();
    files
        .iter()
        .take(200)
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect()
}

fn bench(c: &mut Criterion) {
    let texts = articles();
    if texts.is_empty() {
        eprintln!("skipping tagger bench: ../shared/data/bbc is absent");
        return;
    }
    let tagger = Tagger::global();
    let tokens: usize = texts.iter().map(|t| tokenize(t).len()).sum();
    let mut group = c.benchmark_group("tagger");
    group.throughput(Throughput::Elements(tokens as u64));
    group.sample_size(10);
    group.bench_function("spans_200_bbc_articles", |b| {
        b.iter(|| texts.iter().map(|t| tagger.spans(t).len()).sum::<usize>())
    });
    group.bench_function("tokenize_only", |b| {
        b.iter(|| texts.iter().map(|t| tokenize(t).len()).sum::<usize>())
    });
    group.finish();

    let mut load = c.benchmark_group("tagger_load");
    load.sample_size(10);
    let bytes = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("data/ner/model.bin.gz"))
        .unwrap_or_default();
    load.bench_function("decode_model", |b| {
        b.iter(|| Tagger::from_bytes(&bytes, Path::new("model")).map(|t| t.n_features()))
    });
    load.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
