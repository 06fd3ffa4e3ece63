//! Tagging speed of the entity tagger on real news text (BBC articles).
//!
//! `cargo bench --bench tagger` prints two kinds of figures:
//!
//! * a load-independent one first: tokens per CPU-second of the benchmarking thread
//!   (`CLOCK_THREAD_CPUTIME_ID`) for `Tagger::spans` over every BBC article, next to the
//!   shared tokenizer alone over the same text, and their ratio; the best of several passes;
//! * then criterion's wall-clock throughput (tokens per second, "elements") on 200 articles,
//!   and the time to decode the shipped model.
//!
//! `TAGGER_BENCH_CPU_ONLY=1` stops after the CPU-time figures (for `perf record`), and
//! `TAGGER_BENCH_DIR=DIR` takes the `.txt` files under `DIR` instead of the BBC articles
//! (e.g. `../shared/data/reuters21578/articles`, whose larger vocabulary is what indexing sees).
//!
//! The machine this project is developed on is shared, so wall-clock figures move with the
//! load; the CPU-time figures move much less (only through cache and memory contention).

use std::path::Path;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use newsdex::extract::tagger::Tagger;
use newsdex::extract::token::tokenize;

/// The `.txt` files under `TAGGER_BENCH_DIR` (default: `../shared/data/bbc`), in path order.
fn articles() -> Vec<String> {
    let root = std::env::var_os("TAGGER_BENCH_DIR").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/bbc"),
        std::path::PathBuf::from,
    );
    let mut files: Vec<_> = walkdir::WalkDir::new(&root)
        .into_iter()
        .filter_map(|e| e.ok())
        .filter(|e| e.path().extension().is_some_and(|x| x == "txt"))
        .map(|e| e.into_path())
        .collect();
    files.sort();
    files
        .iter()
        .filter_map(|p| std::fs::read(p).ok())
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .collect()
}

/// CPU time consumed so far by the calling thread.
fn thread_cpu() -> Duration {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec and the clock id is a constant Linux knows.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    if rc != 0 {
        return Duration::ZERO;
    }
    Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}

/// The least thread CPU time of `passes` runs of `f` (the run least disturbed by other jobs),
/// and the median.
fn cpu_time(passes: usize, mut f: impl FnMut() -> usize) -> (Duration, Duration) {
    let mut times: Vec<Duration> = (0..passes)
        .map(|_| {
            let t0 = thread_cpu();
            std::hint::black_box(f());
            thread_cpu().saturating_sub(t0)
        })
        .collect();
    times.sort();
    (times[0], times[times.len() / 2])
}

fn per_cpu_second(tokens: usize, t: Duration) -> f64 {
    tokens as f64 / t.as_secs_f64().max(1e-9)
}

/// Prints tokens per CPU-second of the tagger and of the tokenizer alone, over all articles.
fn cpu_figures(texts: &[String], tagger: &Tagger) {
    let tokens: usize = texts.iter().map(|t| tokenize(t).len()).sum();
    let (tok_best, tok_med) = cpu_time(25, || texts.iter().map(|t| tokenize(t).len()).sum());
    let (tag_best, tag_med) = cpu_time(5, || texts.iter().map(|t| tagger.spans(t).len()).sum());
    let tag = per_cpu_second(tokens, tag_best);
    let base = per_cpu_second(tokens, tok_best);
    println!(
        "tagger cpu: {} articles, {tokens} tokens; best of 5 passes, of 25 for the tokenizer (median in brackets)",
        texts.len()
    );
    println!(
        "tagger cpu:   Tagger::spans   {:>12.0} tokens per CPU-second ({:.0}), {:.3} s",
        tag,
        per_cpu_second(tokens, tag_med),
        tag_best.as_secs_f64()
    );
    println!(
        "tagger cpu:   tokenize alone  {:>12.0} tokens per CPU-second ({:.0}), {:.3} s",
        base,
        per_cpu_second(tokens, tok_med),
        tok_best.as_secs_f64()
    );
    println!(
        "tagger cpu:   ratio tagger/tokenizer {:.4} (tagging costs {:.1}x tokenizing)",
        tag / base,
        base / tag
    );
    let bytes = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("data/ner/model.bin.gz"))
        .unwrap_or_default();
    // The model file (gunzip and tables), as `--model FILE` loads it, and the image compiled
    // into the binary (tables only), as every start loads it.
    let (file_best, file_med) = cpu_time(5, || {
        Tagger::from_bytes(&bytes, Path::new("model")).map_or(0, |t| t.n_features())
    });
    let (shipped_best, shipped_med) =
        cpu_time(5, || Tagger::shipped().map_or(0, |t| t.n_features()));
    for (what, best, med) in [
        ("model file load  ", file_best, file_med),
        ("shipped model load", shipped_best, shipped_med),
    ] {
        println!(
            "tagger cpu:   {what} {:>6.1} ms CPU (median {:.1} ms)",
            best.as_secs_f64() * 1e3,
            med.as_secs_f64() * 1e3
        );
    }
}

fn bench(c: &mut Criterion) {
    let all = articles();
    if all.is_empty() {
        eprintln!(
            "skipping tagger bench: no .txt articles (../shared/data/bbc or TAGGER_BENCH_DIR)"
        );
        return;
    }
    let tagger = Tagger::global();
    cpu_figures(&all, tagger);
    if std::env::var_os("TAGGER_BENCH_CPU_ONLY").is_some() {
        // For profiling (`perf record`): the CPU-time passes only.
        return;
    }

    let texts = &all[..all.len().min(200)];
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
