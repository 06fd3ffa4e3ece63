//! Throughput of money-amount extraction over the Reuters-21578 articles.
//!
//! Reads `../shared/data/reuters21578/articles/*.txt` at start (skips with a notice if the
//! directory is absent), then measures, in MB/s of article text:
//!
//! - `find_amounts/reuters21578`: money-amount extraction over all the articles;
//! - `baseline_digit_scan/reuters21578`: a plain pass that only counts the ASCII digits of
//!   the same text (the least any amount finder must do);
//! - `baseline_whole_extractor/reuters-every-20th`: the whole entity extractor
//!   (`extract_text`: tagger, places, organisations and amounts) over every 20th article,
//!   so that the share of amount extraction in indexing can be read off as a ratio.
//!
//! Each loop asserts its result (amounts, digits, entities found) inside the timed loop so
//! that the work cannot be optimised away or silently change.

use std::path::{Path, PathBuf};

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use newsdex::extract::extract_text;
use newsdex::extract::money::{find_amounts, MoneyContext};

fn articles() -> Option<Vec<String>> {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = [
        here.join("../shared/data/reuters21578/articles"),
        PathBuf::from("/work/shared/data/reuters21578/articles"),
    ]
    .into_iter()
    .find(|d| d.is_dir())?;
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    Some(
        paths
            .iter()
            .filter_map(|p| std::fs::read(p).ok())
            .map(|b| String::from_utf8_lossy(&b).into_owned())
            .collect(),
    )
}

/// Benches `work` over `texts` as `money/NAME` in bytes per second, asserting inside the timed
/// loop that it counts what it counted once before the measurement. Returns that count.
fn bench_counted(
    c: &mut Criterion,
    name: &str,
    texts: &[String],
    work: impl Fn(&[String]) -> usize,
) -> usize {
    let bytes: usize = texts.iter().map(String::len).sum();
    let expected = work(texts);
    let mut group = c.benchmark_group("money");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    group.bench_function(name, |b| {
        b.iter(|| {
            let n = work(std::hint::black_box(texts));
            assert_eq!(n, expected);
            n
        })
    });
    group.finish();
    expected
}

fn bench(c: &mut Criterion) {
    let Some(texts) = articles() else {
        eprintln!("skipped: ../shared/data/reuters21578/articles is absent");
        return;
    };
    let bytes: usize = texts.iter().map(String::len).sum();
    let ctx = MoneyContext::default();
    let amounts = bench_counted(c, "find_amounts/reuters21578", &texts, |texts| {
        texts.iter().map(|t| find_amounts(t, &ctx).len()).sum()
    });
    eprintln!(
        "{} articles, {:.1} MB, {amounts} amounts",
        texts.len(),
        bytes as f64 / 1e6
    );
    bench_counted(c, "baseline_digit_scan/reuters21578", &texts, |texts| {
        texts
            .iter()
            .map(|t| t.bytes().filter(u8::is_ascii_digit).count())
            .sum()
    });
    // the whole extractor is much slower: every 20th article keeps a sample near a minute
    let sample: Vec<String> = texts.iter().step_by(20).cloned().collect();
    bench_counted(
        c,
        "baseline_whole_extractor/reuters-every-20th",
        &sample,
        |texts| {
            texts
                .iter()
                .map(|t| {
                    let e = extract_text(t);
                    e.persons.len() + e.places.len() + e.orgs.len() + e.amounts.len()
                })
                .sum()
        },
    );
}

criterion_group!(benches, bench);
criterion_main!(benches);
