//! Throughput of money-amount extraction over the Reuters-21578 articles.
//!
//! Reads `../shared/data/reuters21578/articles/*.txt` at start (skips with a notice if the
//! directory is absent), then measures `find_amounts` over all of them in MB/s. The number
//! of amounts found is asserted inside the timed loop so that the work cannot be optimised
//! away or silently change.

use std::path::{Path, PathBuf};

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
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

fn bench(c: &mut Criterion) {
    let Some(texts) = articles() else {
        eprintln!("skipped: ../shared/data/reuters21578/articles is absent");
        return;
    };
    let bytes: usize = texts.iter().map(String::len).sum();
    let ctx = MoneyContext::default();
    let count =
        |texts: &[String]| -> usize { texts.iter().map(|t| find_amounts(t, &ctx).len()).sum() };
    let expected = count(&texts);
    eprintln!(
        "{} articles, {:.1} MB, {} amounts",
        texts.len(),
        bytes as f64 / 1e6,
        expected
    );
    let mut group = c.benchmark_group("money");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    group.bench_function("find_amounts/reuters21578", |b| {
        b.iter(|| {
            let n = count(&texts);
            assert_eq!(n, expected);
            n
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
