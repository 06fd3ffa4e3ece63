//! Search latency on an index of real articles (the BBC corpus, built once into a temporary
//! directory with full extraction): keyword only, keyword plus one facet filter, and facet
//! counts over the whole index, next to a baseline measured in the same run: plain tantivy
//! top 10 plus a count for the same keyword query on the same index (what tantivy-cli's
//! `bench` times).
//!
//! Run: `cargo bench --bench search` (needs `../shared/data/bbc`). Every iteration checks its
//! result (hits found, facet counts present), so a bench cannot time an empty answer.

use criterion::{criterion_group, criterion_main, Criterion};
use newsdex::ingest::{self, IndexOptions, NoProgress};
use newsdex::query::{build, FacetKind, SearchRequest};
use newsdex::search;
use newsdex::store::Store;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;
use tantivy::collector::{Count, TopDocs};

/// Keyword queries that match in the BBC corpus, each with a different breadth.
const QUERIES: [&str; 4] = [
    "election",
    "economy growth",
    "\"prime minister\"",
    "film OR music",
];

fn corpus() -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/bbc");
    p.is_dir().then_some(p)
}

fn request(query: Option<&str>, facets: &[FacetKind]) -> SearchRequest {
    SearchRequest {
        query: query.map(str::to_string),
        facets: facets.to_vec(),
        top: 10,
        limit: 10,
        ..SearchRequest::default()
    }
}

fn bench(c: &mut Criterion) {
    let Some(root) = corpus() else {
        eprintln!("notice: ../shared/data/bbc is absent; nothing to benchmark");
        return;
    };
    let dir = tempfile::tempdir().expect("temporary directory");
    let store = Store::open_or_create(&dir.path().join("index")).expect("index");
    let opts = IndexOptions {
        roots: vec![root],
        jobs: 2,
        ..IndexOptions::default()
    };
    let report = ingest::run(&store, &opts, &NoProgress).expect("indexing the BBC corpus");
    assert!(report.documents > 2000, "{} documents", report.documents);

    let parsed: Vec<_> = QUERIES
        .iter()
        .map(|q| build::keyword_query(&store.index, &store.fields, q).expect("query"))
        .collect();
    let searcher = store.reader().expect("reader").searcher();
    let mut group = c.benchmark_group("search-bbc");
    group
        .sample_size(30)
        .measurement_time(Duration::from_secs(8));

    // Baseline: tantivy's own top 10 + count, query parsed outside the loop.
    let collector = (TopDocs::with_limit(10).order_by_score(), Count);
    group.bench_function("tantivy-top10-count", |b| {
        b.iter(|| {
            for q in &parsed {
                let (top, count) = searcher.search(q.as_ref(), &collector).expect("search");
                assert!(count > 0 && !top.is_empty());
                black_box(top);
            }
        })
    });

    let keyword: Vec<SearchRequest> = QUERIES.iter().map(|q| request(Some(q), &[])).collect();
    // Each request finds something and returns hits.
    let run_all = |b: &mut criterion::Bencher, reqs: &[SearchRequest]| {
        b.iter(|| {
            for req in reqs {
                let res = search::search(&store, req).expect("search");
                assert!(res.total > 0 && !res.hits.is_empty(), "{:?}", req.query);
                black_box(res);
            }
        })
    };
    group.bench_function("keyword", |b| run_all(b, &keyword));

    let filtered: Vec<SearchRequest> = QUERIES
        .iter()
        .map(|q| SearchRequest {
            places: vec!["United Kingdom".into()],
            ..request(Some(q), &[])
        })
        .collect();
    group.bench_function("keyword+place-filter", |b| run_all(b, &filtered));

    let faceted: Vec<SearchRequest> = QUERIES
        .iter()
        .map(|q| request(Some(q), &FacetKind::ALL))
        .collect();
    group.bench_function("keyword+4-facets", |b| {
        b.iter(|| {
            for req in &faceted {
                let res = search::search(&store, req).expect("search");
                assert!(res.total > 0 && !res.hits.is_empty());
                assert!(
                    res.facets.values().all(|v| !v.is_empty()),
                    "{:?}",
                    req.query
                );
                black_box(res);
            }
        })
    });

    // Facet counts over every article: the broadest (worst) case for counting.
    let everything = SearchRequest {
        limit: 0,
        ..request(None, &FacetKind::ALL)
    };
    group.bench_function("facets-whole-index", |b| {
        b.iter(|| {
            let res = search::search(&store, &everything).expect("search");
            assert_eq!(res.total, report.documents);
            assert!(res.facets.values().all(|v| !v.is_empty()));
            black_box(res);
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
