//! Readers on real files from `../shared/data` (skipped with a notice when absent).

use super::*;
use crate::extract::date::parse_date;
use std::path::PathBuf;
use std::time::Instant;

const SHARED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data");

/// The path of a shared data file, or `None` (with a printed notice) when the shared
/// data is not there.
fn shared(rel: &str) -> Option<PathBuf> {
    let path = Path::new(SHARED).join(rel);
    if path.exists() {
        Some(path)
    } else {
        eprintln!("skipped: {} is absent", path.display());
        None
    }
}

fn read_file(path: &Path) -> crate::Result<ReadOutput> {
    let bytes = std::fs::read(path).map_err(|source| crate::Error::Io {
        path: path.to_owned(),
        source,
    })?;
    read_bytes(path, &bytes)
}

#[test]
fn bbc_text_file() {
    let Some(path) = shared("bbc/business/001.txt") else {
        return;
    };
    let out = read_file(&path).unwrap();
    assert_eq!(out.articles.len(), 1);
    let a = &out.articles[0];
    assert_eq!(a.id, path.to_string_lossy());
    assert_eq!(a.title, "Ad sales boost Time Warner profit");
    assert!(a
        .body
        .starts_with("Quarterly profits at US media giant TimeWarner jumped 76%"));
    assert!(a.body.contains("$1.13bn (£600m)"));
    assert_eq!(a.dateline, None);
}

#[test]
fn every_bbc_file_reads() {
    let Some(root) = shared("bbc") else { return };
    let start = Instant::now();
    let mut files = 0;
    for entry in walkdir::WalkDir::new(root) {
        let entry = entry.unwrap();
        if entry.file_type().is_file() && Format::from_path(entry.path()) == Some(Format::Text) {
            let out = read_file(entry.path()).unwrap();
            assert_eq!(out.articles.len(), 1);
            assert!(
                !out.articles[0].title.is_empty(),
                "{}",
                entry.path().display()
            );
            assert!(
                !out.articles[0].body.is_empty(),
                "{}",
                entry.path().display()
            );
            files += 1;
        }
    }
    eprintln!(
        "read {files} bbc files in {:.3} s (file reading included)",
        start.elapsed().as_secs_f64()
    );
    assert_eq!(files, 2225);
}

#[test]
fn reuters_article_files() {
    let Some(path) = shared("reuters21578/articles/00001.txt") else {
        return;
    };
    let a = &read_file(&path).unwrap().articles[0];
    assert_eq!(a.title, "BAHIA COCOA REVIEW");
    assert!(a
        .body
        .starts_with("Showers continued throughout the week in\nthe Bahia cocoa zone"));
    // The one whitespace-only file of the set is an error, not an empty article.
    let empty = shared("reuters21578/articles/12793.txt").unwrap();
    match read_file(&empty) {
        Err(crate::Error::Read { reason, .. }) => assert_eq!(reason, "empty file"),
        other => panic!("expected an empty-file error, got {other:?}"),
    }
}

#[test]
fn reuters_json_lines() {
    let Some(path) = shared("reuters21578/reuters21578.jsonl") else {
        return;
    };
    let bytes = std::fs::read(&path).unwrap();
    let start = Instant::now();
    let out = read_bytes(&path, &bytes).unwrap();
    let secs = start.elapsed().as_secs_f64();
    eprintln!(
        "read {} articles ({:.1} MB) in {:.3} s: {:.0} articles/s, {:.1} MB/s",
        out.articles.len(),
        bytes.len() as f64 / 1e6,
        secs,
        out.articles.len() as f64 / secs,
        bytes.len() as f64 / 1e6 / secs
    );
    // 21,578 lines: every one is an article except line 12793, which has no title and
    // an empty body (as its `articles/12793.txt` twin), reported as a problem.
    assert_eq!(out.articles.len() + out.problems.len(), 21_578);
    assert_eq!(out.articles.len(), 21_577);
    assert_eq!(out.problems, ["line 12793: no title or text"]);

    let p = path.to_string_lossy();
    let first = &out.articles[0];
    assert_eq!(first.id, format!("{p}#1"));
    assert_eq!(first.path, p);
    assert_eq!(first.title, "BAHIA COCOA REVIEW");
    assert_eq!(first.dateline.as_deref(), Some("SALVADOR, Feb 26 -"));
    assert_eq!(first.dateline_place.as_deref(), Some("SALVADOR"));
    assert_eq!(first.pretagged.places, ["el-salvador", "usa", "uruguay"]);
    assert_eq!(
        first.date.as_deref().and_then(parse_date),
        chrono::NaiveDate::from_ymd_opt(1987, 2, 26)
    );
    let last = out.articles.last().unwrap();
    assert_eq!(last.id, format!("{p}#21578"));
    assert_eq!(last.dateline_place.as_deref(), Some("NEW YORK"));

    let with_people = out
        .articles
        .iter()
        .filter(|a| !a.pretagged.persons.is_empty())
        .count();
    let with_orgs = out
        .articles
        .iter()
        .filter(|a| !a.pretagged.orgs.is_empty())
        .count();
    let untitled = out.articles.iter().filter(|a| a.title.is_empty()).count();
    let no_body = out.articles.iter().filter(|a| a.body.is_empty()).count();
    eprintln!("people tags on {with_people}, orgs on {with_orgs}; {untitled} without title, {no_body} without body");
    assert!(with_people > 1000, "{with_people}");
    assert!(with_orgs > 500, "{with_orgs}");
    assert_eq!(untitled, 736);
    assert_eq!(no_body, 1798);
    // Every article's date parses.
    let undated: Vec<&str> = out
        .articles
        .iter()
        .filter(|a| a.date.as_deref().and_then(parse_date).is_none())
        .map(|a| a.id.as_str())
        .collect();
    assert!(
        undated.is_empty(),
        "{} undated, e.g. {:?}",
        undated.len(),
        &undated[..undated.len().min(3)]
    );
    // Datelines: nearly all that Reuters gives have a place; the rest are table debris
    // (`MAR8  --     --`, `APRIL 7  -`).
    let datelines = out.articles.iter().filter(|a| a.dateline.is_some()).count();
    let places = out
        .articles
        .iter()
        .filter(|a| a.dateline_place.is_some())
        .count();
    eprintln!("{datelines} datelines, {places} with a place");
    assert!(places * 100 >= datelines * 99, "{places} of {datelines}");
}
