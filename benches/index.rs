//! Indexing throughput: the whole newsdex pipeline (read, extract, document, store) against
//! a baseline measured in the same run: plain tantivy indexing of the same articles' title
//! and body with no extraction (what tantivy-cli does).
//!
//! Run: `cargo bench --bench index` (needs `../shared/data/bbc`). The ratio printed at the
//! end is newsdex throughput / baseline throughput; the design target is ≥ 0.5.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use newsdex::ingest::{self, IndexOptions, NoProgress};
use newsdex::store::Store;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use tantivy::schema::{Schema, STORED, TEXT};
use tantivy::{doc, Index, IndexWriter};

fn corpus() -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/bbc");
    p.is_dir().then_some(p)
}

fn files(root: &Path) -> Vec<PathBuf> {
    walkdir::WalkDir::new(root)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .collect()
}

/// Plain tantivy: title + body, two indexing threads, no extraction.
fn baseline(paths: &[PathBuf]) -> u64 {
    let mut b = Schema::builder();
    let title = b.add_text_field("title", TEXT | STORED);
    let body = b.add_text_field("body", TEXT | STORED);
    let index = Index::create_in_ram(b.build());
    let mut writer: IndexWriter = index
        .writer_with_num_threads(2, 100_000_000)
        .expect("writer");
    for p in paths {
        let text = std::fs::read_to_string(p).expect("read");
        let (t, rest) = text.split_once('\n').unwrap_or((&text, ""));
        writer
            .add_document(doc!(title => t, body => rest))
            .expect("add");
    }
    writer.commit().expect("commit");
    index.reader().expect("reader").searcher().num_docs()
}

fn newsdex_pipeline(root: &Path) -> u64 {
    let store = Store::in_ram();
    let opts = IndexOptions {
        roots: vec![root.to_path_buf()],
        jobs: 2,
        ..IndexOptions::default()
    };
    let report = ingest::run(&store, &opts, &NoProgress).expect("index");
    report.documents
}

fn bench(c: &mut Criterion) {
    let Some(root) = corpus() else {
        eprintln!("notice: ../shared/data/bbc is absent; nothing to benchmark");
        return;
    };
    let paths = files(&root);
    let bytes: u64 = paths
        .iter()
        .map(|p| std::fs::metadata(p).map_or(0, |m| m.len()))
        .sum();
    let n = paths.len() as u64;
    let mut group = c.benchmark_group("index-bbc");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(20))
        .throughput(Throughput::Bytes(bytes));
    group.bench_function("tantivy-plain", |b| {
        b.iter(|| assert_eq!(baseline(&paths), n))
    });
    group.bench_function("newsdex-full", |b| {
        b.iter(|| assert_eq!(newsdex_pipeline(&root), n))
    });
    group.finish();

    // The ratio, from one more timed run of each, in this process.
    let time = |f: &dyn Fn() -> u64| {
        let best = (0..3)
            .map(|_| {
                let t = Instant::now();
                assert_eq!(f(), n);
                t.elapsed()
            })
            .min()
            .unwrap_or_default();
        best.as_secs_f64()
    };
    let plain = time(&|| baseline(&paths));
    let full = time(&|| newsdex_pipeline(&root));
    println!(
        "index-bbc: plain tantivy {:.2} s, newsdex {:.2} s; newsdex throughput = {:.2}x plain tantivy ({} articles, {:.1} MB)",
        plain,
        full,
        plain / full,
        n,
        bytes as f64 / 1e6
    );
}

criterion_group!(benches, bench);
criterion_main!(benches);
