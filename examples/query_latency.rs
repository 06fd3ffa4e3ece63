//! Query latency of newsdex, measured in-process so that process start-up does not count.
//!
//! ```text
//! cargo run --release --example query_latency -- INDEX_DIR QUERIES_FILE [REPEAT] [MODES]
//! ```
//!
//! `MODES` is a comma-separated subset of the modes below (default: all).
//!
//! `QUERIES_FILE` holds one query a line in newsdex's (tantivy's) query syntax. The index is
//! opened once; every query runs once untimed (warm-up), then `REPEAT` times (default 1) in
//! each mode:
//!
//! - `core`: the same work tantivy-cli's `bench` command times: one `searcher.search` with
//!   top 10 by score plus a count, on a searcher opened once, query parsed outside the timer;
//! - `reader`: opening an index reader (what `newsdex::search::search` does per call);
//! - `search`: `newsdex::search::search` with 10 hits (stored fields, snippets, entities), no
//!   facets, parsing included;
//! - `search_facets`: the same with all four facets counted (10 values each).
//!
//! It prints one JSON object a mode: `{"mode":…, "n":…, "p50_us":…, "p90_us":…, "p99_us":…,
//! "mean_us":…}` and, on stderr, queries that failed to parse. Percentiles are nearest-rank.

use newsdex::query::{build, FacetKind, SearchRequest};
use newsdex::search;
use newsdex::store::Store;
use std::path::PathBuf;
use std::time::Instant;
use tantivy::collector::{Count, TopDocs};

fn percentile(sorted: &[f64], q: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let rank = (q * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

fn report(mode: &str, mut us: Vec<f64>, hits: u64) {
    us.sort_by(f64::total_cmp);
    let mean = us.iter().sum::<f64>() / us.len().max(1) as f64;
    println!(
        "{}",
        serde_json::json!({
            "mode": mode,
            "n": us.len(),
            "p50_us": percentile(&us, 0.50),
            "p90_us": percentile(&us, 0.90),
            "p99_us": percentile(&us, 0.99),
            "mean_us": mean,
            "total_hits": hits,
        })
    );
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(index), Some(queries)) = (args.first(), args.get(1)) else {
        eprintln!("usage: query_latency INDEX_DIR QUERIES_FILE [REPEAT] [MODES]");
        std::process::exit(2);
    };
    let repeat: usize = args.get(2).map_or(Ok(1), |s| s.parse())?;
    let modes = args
        .get(3)
        .map_or("core,reader,search,search_facets", String::as_str);
    let wanted = |m: &str| modes.split(',').any(|x| x.trim() == m);
    let store = Store::open(&PathBuf::from(index))?;
    let text = std::fs::read_to_string(queries)?;

    // Parse once, keep only the queries newsdex accepts (the same list runs in every mode).
    let mut parsed = Vec::new();
    for q in text.lines().map(str::trim).filter(|q| !q.is_empty()) {
        match build::keyword_query(&store.index, &store.fields, q) {
            Ok(query) => parsed.push((q.to_string(), query)),
            Err(e) => eprintln!("skipped query {q:?}: {e}"),
        }
    }

    // core: the work tantivy-cli's bench times.
    let reader = store.reader()?;
    let searcher = reader.searcher();
    let collector = (TopDocs::with_limit(10).order_by_score(), Count);
    let mut core_hits = 0u64;
    for (_, query) in &parsed {
        let (top, count) = searcher.search(query.as_ref(), &collector)?;
        assert!(top.len() <= 10 && top.len() <= count);
        core_hits += count as u64;
    }
    let mut us = Vec::new();
    for _ in 0..repeat * usize::from(wanted("core")) {
        for (_, query) in &parsed {
            let t = Instant::now();
            let (top, count) = searcher.search(query.as_ref(), &collector)?;
            us.push(t.elapsed().as_secs_f64() * 1e6);
            assert!(top.len() <= count);
        }
    }
    if wanted("core") {
        report("core", us, core_hits);
    }

    // reader: opening a reader, once a query.
    let mut us = Vec::new();
    for _ in 0..repeat * usize::from(wanted("reader")) {
        for _ in &parsed {
            let t = Instant::now();
            let r = store.reader()?;
            us.push(t.elapsed().as_secs_f64() * 1e6);
            assert_eq!(r.searcher().num_docs(), searcher.num_docs());
        }
    }
    if wanted("reader") {
        report("reader", us, 0);
    }

    for (mode, facets) in [
        ("search", Vec::new()),
        ("search_facets", FacetKind::ALL.to_vec()),
    ] {
        if !wanted(mode) {
            continue;
        }
        let requests: Vec<SearchRequest> = parsed
            .iter()
            .map(|(q, _)| SearchRequest {
                query: Some(q.clone()),
                facets: facets.clone(),
                top: 10,
                limit: 10,
                ..SearchRequest::default()
            })
            .collect();
        let mut hits = 0u64;
        for req in &requests {
            hits += search::search(&store, req)?.total;
        }
        assert_eq!(hits, core_hits, "search and core disagree on hit counts");
        let mut us = Vec::new();
        for _ in 0..repeat {
            for req in &requests {
                let t = Instant::now();
                let res = search::search(&store, req)?;
                us.push(t.elapsed().as_secs_f64() * 1e6);
                assert!(res.hits.len() as u64 <= res.total);
                assert_eq!(res.facets.len(), req.facets.len());
            }
        }
        report(mode, us, hits);
    }
    Ok(())
}
