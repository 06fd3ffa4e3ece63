//! Facet counts from the decoded tables (the second faceted search of a store on) against
//! the direct count (the first one, and what every search did before): the same totals,
//! values, counts and order, on real data with several segments and deleted documents.
//!
//! With `NEWSDEX_FACET_INDEX=DIR` (an existing index, opened read-only) the same comparison
//! runs there too, e.g. on a 1M-article benchmark index.

mod util;

use newsdex::query::{FacetKind, SearchRequest};
use newsdex::search::{self, SearchResults};
use newsdex::store::Store;
use std::path::Path;
use tantivy::collector::Count;
use tantivy::query::{BooleanQuery, Query, TermQuery};
use tantivy::schema::{Facet, IndexRecordOption};
use tantivy::Term;
use util::{json, shared_data};

/// Search benchmark game queries (the first `n`), with a few broad ones.
fn queries(data: &Path, n: usize) -> Vec<Option<String>> {
    let text = std::fs::read_to_string(data.join("queries/search-benchmark-game.jsonl"))
        .expect("queries file");
    let mut out: Vec<Option<String>> = vec![
        None,
        Some("the".into()),
        Some("government OR market OR film OR game".into()),
        Some("blair".into()),
        Some("+bank -rates".into()),
    ];
    out.extend(
        text.lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .filter_map(|v| v["query"].as_str().map(String::from))
            .take(n)
            .map(Some),
    );
    out
}

/// The index at `index` has several segments and some deleted documents.
fn assert_several_segments_with_deletes(index: &Path) {
    let searcher = Store::open(index).unwrap().reader().unwrap().searcher();
    assert!(searcher.segment_readers().len() >= 2, "several segments");
    assert!(
        searcher
            .segment_readers()
            .iter()
            .any(|s| s.num_deleted_docs() > 0),
        "deleted documents"
    );
}

fn request(query: Option<String>, facets: Vec<FacetKind>) -> SearchRequest {
    SearchRequest {
        query,
        facets,
        top: 10,
        limit: 10,
        ..SearchRequest::default()
    }
}

fn same(a: &SearchResults, b: &SearchResults, what: &str) {
    assert_eq!(a.total, b.total, "{what}");
    assert_eq!(a.facets, b.facets, "{what}");
    let ids = |r: &SearchResults| r.hits.iter().map(|h| h.id.clone()).collect::<Vec<_>>();
    assert_eq!(ids(a), ids(b), "{what}");
}

/// Runs every query on a store whose tables are built (`warm`) and on a fresh store each
/// time (direct counts), and compares. Returns how many queries had facet values.
fn compare(index: &Path, queries: &[Option<String>], facet_sets: &[Vec<FacetKind>]) -> usize {
    let warm = Store::open(index).expect("open");
    for _ in 0..2 {
        search::search(&warm, &request(None, FacetKind::ALL.to_vec())).expect("warm-up");
    }
    let mut with_values = 0;
    for q in queries {
        for facets in facet_sets {
            let req = request(q.clone(), facets.clone());
            let Ok(direct) = search::search(&Store::open(index).expect("open"), &req) else {
                continue; // a query the parser refuses, on both paths
            };
            let tabled = search::search(&warm, &req).expect("tabled search");
            same(&direct, &tabled, &format!("{q:?} {facets:?}"));
            with_values += usize::from(direct.facets.values().any(|v| !v.is_empty()));
        }
    }
    with_values
}

#[test]
fn tables_match_direct_counts_on_bbc_segments_with_deletes() {
    let Some(data) = shared_data() else { return };
    let tmp = tempfile::tempdir().unwrap();
    let bbc = tmp.path().join("bbc");
    std::fs::create_dir_all(&bbc).unwrap();
    let index = tmp.path().join("index");
    // Three runs: a fresh index, then two incremental runs that add segments.
    for (i, part) in ["business", "politics", "tech"].iter().enumerate() {
        util::copy_tree(&data.join("bbc").join(part), &bbc.join(part));
        let out = json(&index, &["index", bbc.to_str().unwrap(), "--json"], 0);
        assert!(out["added"].as_u64().unwrap() > 300, "run {i}: {out}");
    }
    // Changed files: their old documents are deleted, new ones added.
    let mut changed = 0;
    for entry in std::fs::read_dir(bbc.join("business")).unwrap().take(40) {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(&path, format!("{text}\nGordon Brown visited Paris.\n")).unwrap();
        changed += 1;
    }
    json(&index, &["index", bbc.to_str().unwrap(), "--json"], 0);
    assert_eq!(changed, 40);
    assert_several_segments_with_deletes(&index);

    let qs = queries(&data, 120);
    let sets = [
        FacetKind::ALL.to_vec(),
        vec![FacetKind::Person],
        vec![FacetKind::Amount, FacetKind::Place],
    ];
    let with_values = compare(&index, &qs, &sets);
    assert!(with_values > 50, "{with_values} queries with facet values");

    // `--person` filters: the tables' surname look-up equals the term dictionaries' one, on the
    // top persons as the facet names them, in lower case, and by surname.
    let warm = Store::open(&index).unwrap();
    let top = request(None, vec![FacetKind::Person]);
    let persons: Vec<String> = search::search(&warm, &SearchRequest { top: 25, ..top })
        .unwrap()
        .facets["person"]
        .iter()
        .map(|v| v.value.clone())
        .collect();
    let mut widened = 0;
    for name in &persons {
        let surname = name.rsplit(' ').next().unwrap().to_string();
        for p in [name.clone(), name.to_lowercase(), surname] {
            let req = SearchRequest {
                persons: vec![p.clone()],
                ..request(Some("the".into()), vec![FacetKind::Person])
            };
            let direct = search::search(&Store::open(&index).unwrap(), &req).unwrap();
            let tabled = search::search(&warm, &req).unwrap();
            same(&direct, &tabled, &format!("--person {p}"));
            let phrase_only = search::search(
                &warm,
                &SearchRequest {
                    query: Some(format!("the AND person:\"{p}\"")),
                    persons: Vec::new(),
                    ..req.clone()
                },
            )
            .unwrap();
            widened += usize::from(tabled.total > phrase_only.total);
        }
    }
    assert!(
        widened >= 3,
        "{widened} person filters widened by a surname"
    );

    // The person facet counts what the `--person` filter finds: an article that names the
    // full name and also a surname it could not resolve ("Blair" next to "Tony Blair" and
    // "Cherie Blair") counts once, through the tables and through direct counts.
    let mut overlapping = 0;
    for store in [&warm, &Store::open(&index).unwrap()] {
        let facets = search::search(
            store,
            &SearchRequest {
                top: 25,
                ..request(Some("the".into()), vec![FacetKind::Person])
            },
        )
        .unwrap()
        .facets["person"]
            .clone();
        assert_eq!(facets.len(), 25);
        for v in &facets {
            let req = SearchRequest {
                persons: vec![v.value.clone()],
                limit: 0,
                ..request(Some("the".into()), Vec::new())
            };
            let filtered = search::search(&Store::open(&index).unwrap(), &req).unwrap();
            assert_eq!(filtered.total, v.count, "--person {:?}", v.value);
        }
        // The case this guards: articles of the search carrying both "Tony Blair" and a
        // "Blair" merged into it, which a sum of the two counts would count twice.
        let facet = |n: &str| -> Box<dyn Query> {
            Box::new(TermQuery::new(
                Term::from_facet(store.fields.person_facet, &Facet::from_path([n])),
                IndexRecordOption::Basic,
            ))
        };
        let both = BooleanQuery::intersection(vec![
            facet("Tony Blair"),
            facet("Blair"),
            Box::new(TermQuery::new(
                Term::from_field_text(store.fields.body, "the"),
                IndexRecordOption::Basic,
            )),
        ]);
        let searcher = store.reader().unwrap().searcher();
        overlapping += searcher.search(&both, &Count).unwrap();
    }
    assert!(
        overlapping > 0,
        "no article names both Tony Blair and a lone Blair"
    );
}

#[test]
fn tables_match_direct_counts_on_an_existing_index() {
    let (Some(data), Some(index)) = (shared_data(), std::env::var_os("NEWSDEX_FACET_INDEX")) else {
        return;
    };
    let qs = queries(&data, 300);
    let with_values = compare(Path::new(&index), &qs, &[FacetKind::ALL.to_vec()]);
    eprintln!("{with_values} queries with facet values agree");
}

/// Without the real data: an article that names "Tony Blair", "Euan Blair" and a "Blair" it
/// cannot assign counts once under "Tony Blair" (the surname merges into him), through the
/// direct counts and through the tables, in an index of two segments with a deleted
/// document; the count is what `--person "Tony Blair"` finds.
#[test]
fn a_full_name_and_its_merged_surname_count_an_article_once() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("corpus");
    std::fs::create_dir_all(&dir).unwrap();
    let index = tmp.path().join("index");
    let write = |i: usize, people: &[&str], text: &str| {
        let article = serde_json::json!({
            "title": format!("Report number {i}"),
            "body": text,
            "people": people,
        });
        std::fs::write(dir.join(format!("{i:02}.json")), article.to_string()).unwrap();
    };
    let body = "The committee met on Tuesday and adjourned without a vote.";
    write(0, &["Tony Blair", "Euan Blair", "Blair"], body);
    for i in 1..4 {
        write(i, &["Tony Blair"], body);
    }
    json(&index, &["index", dir.to_str().unwrap(), "--json"], 0);
    // A second segment, and a changed file whose old document is deleted.
    write(4, &["Blair"], body);
    write(5, &["Blair"], body);
    write(1, &["Tony Blair"], "The committee met again on Wednesday.");
    json(&index, &["index", dir.to_str().unwrap(), "--json"], 0);

    let store = Store::open(&index).unwrap();
    let searcher = store.reader().unwrap().searcher();
    assert!(searcher.segment_readers().len() >= 2, "several segments");
    let carrying = |names: &[&str]| {
        let terms: Vec<Box<dyn Query>> = names
            .iter()
            .map(|n| {
                Box::new(TermQuery::new(
                    Term::from_facet(store.fields.person_facet, &Facet::from_path([*n])),
                    IndexRecordOption::Basic,
                )) as Box<dyn Query>
            })
            .collect();
        searcher
            .search(&BooleanQuery::intersection(terms), &Count)
            .unwrap()
    };
    // The case itself: one article carries both values, so their counts sum to 7.
    assert_eq!((carrying(&["Tony Blair"]), carrying(&["Blair"])), (4, 3));
    assert_eq!(carrying(&["Tony Blair", "Blair"]), 1);

    let req = request(None, vec![FacetKind::Person]);
    let warm = Store::open(&index).unwrap();
    for _ in 0..2 {
        search::search(&warm, &req).unwrap(); // builds the tables
    }
    for (path, s) in [("direct", &store), ("tables", &warm)] {
        let facets = search::search(s, &req).unwrap().facets["person"].clone();
        let blair = facets.iter().find(|v| v.value == "Tony Blair");
        assert_eq!(blair.map(|v| v.count), Some(6), "{path}: {facets:?}");
        assert!(
            facets.iter().all(|v| v.value != "Blair"),
            "{path}: {facets:?}"
        );
    }
    let filtered = SearchRequest {
        persons: vec!["Tony Blair".into()],
        limit: 0,
        ..request(None, Vec::new())
    };
    assert_eq!(search::search(&store, &filtered).unwrap().total, 6);
}

/// Without the real data: searches matching a few articles take their facet values from the
/// ids those articles carry (`FacetTables::touched`); on an index of two segments with
/// deleted documents they equal the direct counts, for every facet and for queries matching
/// from one article to all of them.
#[test]
fn few_matching_articles_count_as_the_direct_counts_do() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("corpus");
    std::fs::create_dir_all(&dir).unwrap();
    let index = tmp.path().join("index");
    let people = [
        "Tony Blair",
        "Blair",
        "Gordon Brown",
        "Angela Merkel",
        "Merkel",
        "Jacques Chirac",
    ];
    let places = ["France", "Paris", "Germany", "Berlin", "Japan", "Tokyo"];
    let orgs = ["European Union", "World Bank", "NATO", "Reuters"];
    let words = ["alpha", "beta", "gamma", "delta", "epsilon"];
    let write = |i: usize, extra: &str| {
        let pick = |list: &[&str], step: usize| -> Vec<String> {
            (0..1 + i % 3)
                .map(|k| list[(i * step + k) % list.len()].to_string())
                .collect()
        };
        let body = format!(
            "The {} talks ended with a loan of ${} billion and {} million euros. {extra}",
            words[i % words.len()],
            1 + i % 7,
            10 * (1 + i % 4),
        );
        let article = serde_json::json!({
            "title": format!("Report {i} on {}", words[(i / 2) % words.len()]),
            "body": body,
            "people": pick(&people, 5),
            "places": pick(&places, 7),
            "orgs": pick(&orgs, 3),
        });
        std::fs::write(dir.join(format!("{i:02}.json")), article.to_string()).unwrap();
    };
    for i in 0..40 {
        write(i, "");
    }
    json(&index, &["index", dir.to_str().unwrap(), "--json"], 0);
    // A second segment, and changed files whose old documents are deleted.
    for i in 40..50 {
        write(i, "");
    }
    for i in [3, 7, 11] {
        write(i, "Gordon Brown spoke later.");
    }
    json(&index, &["index", dir.to_str().unwrap(), "--json"], 0);
    assert_several_segments_with_deletes(&index);
    let mut qs: Vec<Option<String>> = vec![None, Some("report".into())];
    qs.extend(words.iter().map(|w| Some(w.to_string())));
    qs.extend(
        [
            "alpha AND report",
            "\"report 7\"",
            "loan AND beta",
            "gamma OR delta",
            "spoke",
        ]
        .map(|q| Some(q.to_string())),
    );
    let sets = [
        FacetKind::ALL.to_vec(),
        vec![FacetKind::Person],
        vec![FacetKind::Amount, FacetKind::Place, FacetKind::Org],
    ];
    let with_values = compare(&index, &qs, &sets);
    assert!(
        with_values >= 30,
        "{with_values} searches with facet values"
    );
}
