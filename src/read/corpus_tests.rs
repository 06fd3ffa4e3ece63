//! The sample corpus in `corpus/` reads completely and shows what it is meant to show.

use super::*;
use crate::extract::date::parse_date;
use std::collections::BTreeMap;

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus");

/// Every article of the corpus, with the format of its file.
fn corpus() -> Vec<(Format, Article)> {
    let mut out = Vec::new();
    for entry in walkdir::WalkDir::new(CORPUS).sort_by_file_name() {
        let entry = entry.unwrap();
        let path = entry.path();
        let Some(format) = Format::from_path(path) else {
            continue;
        };
        if !entry.file_type().is_file() {
            continue;
        }
        let bytes = std::fs::read(path).unwrap();
        let read = read_bytes(path, &bytes).unwrap();
        assert!(
            read.problems.is_empty(),
            "{}: {:?}",
            path.display(),
            read.problems
        );
        out.extend(read.articles.into_iter().map(|a| (format, a)));
    }
    out
}

#[test]
fn corpus_reads_completely() {
    let articles = corpus();
    assert_eq!(articles.len(), 30);
    assert_eq!(
        Format::from_path(Path::new(&format!("{CORPUS}/README.md"))),
        None
    );
    let mut per_format: BTreeMap<&str, usize> = BTreeMap::new();
    for (format, _) in &articles {
        *per_format.entry(format.name()).or_default() += 1;
    }
    let want: BTreeMap<&str, usize> = [
        ("html", 4),
        ("json", 6),
        ("jsonl", 5),
        ("markdown", 7),
        ("text", 8),
    ]
    .into();
    assert_eq!(per_format, want);

    let mut ids = std::collections::HashSet::new();
    for (format, a) in &articles {
        assert!(ids.insert(a.id.clone()), "duplicate id {}", a.id);
        let words = a.body.split_whitespace().count();
        assert!((80..=250).contains(&words), "{}: {words} words", a.id);
        assert!(!a.title.is_empty(), "{}: no title", a.id);
        assert!(a.dateline_place.is_some(), "{}: no dateline", a.id);
        // Only plain text carries no date metadata.
        if *format != Format::Text {
            let date = a.date.as_deref().and_then(parse_date);
            assert!(date.is_some(), "{}: date {:?}", a.id, a.date);
        }
        // Markup and page furniture do not leak into the text.
        for noise in [
            "**",
            "](",
            "<p>",
            "Subscribe",
            "Sign in",
            "analytics",
            "Advertisement",
            "cookies",
        ] {
            assert!(!a.body.contains(noise), "{}: {noise:?} in body", a.id);
        }
    }
}

#[test]
fn corpus_answers_the_design_example() {
    // Putin and Macron, set in Brussels, with an amount over €50bn.
    let hits: Vec<String> = corpus()
        .into_iter()
        .map(|(_, a)| a)
        .filter(|a| {
            let text = format!("{} {}", a.title, a.body);
            text.contains("Putin")
                && text.contains("Macron")
                && a.dateline_place.as_deref() == Some("BRUSSELS")
                && (text.contains("€90bn") || text.contains("€60bn"))
        })
        .map(|a| a.id)
        .collect();
    assert_eq!(hits.len(), 2, "{hits:?}");
}
