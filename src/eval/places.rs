//! Place resolution against the country tags of Reuters-21578.
//!
//! Reuters' editors tagged each article with the countries it concerns (`"places": ["usa",
//! "japan"]`). Nobody tagged which Springfield a story means, but a city or region that the
//! extractor places in a country none of the tags name is most often a wrong reading
//! ("Birmingham" in Alabama for a British story), sometimes a place mentioned in passing. So
//! the share of resolved cities and regions whose country is among the tags is a proxy for
//! resolution accuracy: it moves when resolution gets better or worse, without claiming to be
//! it. The text is extracted as plain text (title and body, no dateline, no tags), so the
//! tags are not used as evidence.

use crate::error::{Error, Result};
use crate::extract::place::Gazetteer;
use crate::extract::{self, Hints, PlaceKind};
use serde::Serialize;
use std::collections::{BTreeMap, HashSet};
use std::fmt;
use std::path::Path;

/// How the resolved cities and regions of the tagged articles agree with the tags.
#[derive(Debug, Default, Clone, Serialize)]
pub struct PlaceScores {
    /// The file scored.
    pub file: String,
    /// Articles with at least one country tag that the gazetteer knows.
    pub articles: usize,
    /// Distinct (article, city or region) pairs resolved.
    pub resolved: usize,
    /// Of those, the ones in a country among the article's tags.
    pub in_tagged_country: usize,
    /// Place names the extractor kept unresolved (distinct per article).
    pub unresolved: usize,
    /// The most frequent readings outside the tagged countries: "Birmingham → US", count.
    pub outside: Vec<(String, usize)>,
    /// The most frequent unresolved names, count (places the gazetteer lacks, and words or
    /// names taken for places: both are worth a look).
    pub unresolved_names: Vec<(String, usize)>,
}

impl PlaceScores {
    /// `in_tagged_country / resolved`.
    pub fn agreement(&self) -> f64 {
        self.in_tagged_country as f64 / self.resolved.max(1) as f64
    }
}

/// Scores place resolution on a Reuters-21578 JSON Lines file (`title`, `body`, `places`).
pub fn evaluate(path: &Path) -> Result<PlaceScores> {
    let text = std::fs::read_to_string(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let gazetteer = Gazetteer::global();
    let mut scores = PlaceScores {
        file: path.display().to_string(),
        ..PlaceScores::default()
    };
    let mut outside: BTreeMap<String, usize> = BTreeMap::new();
    let mut unresolved: BTreeMap<String, usize> = BTreeMap::new();
    for (n, line) in text.lines().enumerate() {
        let record: serde_json::Value = serde_json::from_str(line).map_err(|e| Error::Read {
            path: path.to_path_buf(),
            reason: format!("line {}: {e}", n + 1),
        })?;
        let field = |k: &str| record.get(k).and_then(|v| v.as_str()).unwrap_or("");
        let codes: HashSet<String> = record
            .get("places")
            .and_then(|p| p.as_array())
            .into_iter()
            .flatten()
            .filter_map(|t| t.as_str())
            .filter_map(|t| {
                gazetteer
                    .lookup(t)
                    .into_iter()
                    .find(|p| p.kind == PlaceKind::Country)
                    .and_then(|p| p.country_code)
            })
            .collect();
        if codes.is_empty() || field("body").is_empty() {
            continue;
        }
        scores.articles += 1;
        let text = format!("{}\n\n{}", field("title"), field("body"));
        let entities = extract::extract_with(&text, &Hints::default());
        for place in &entities.places {
            let Some(info) = &place.info else {
                scores.unresolved += 1;
                *unresolved.entry(place.named.canonical.clone()).or_default() += 1;
                continue;
            };
            if !matches!(info.kind, PlaceKind::City | PlaceKind::Region) {
                continue;
            }
            scores.resolved += 1;
            match &info.country_code {
                Some(code) if codes.contains(code) => scores.in_tagged_country += 1,
                code => {
                    let key = format!("{} → {}", info.name, code.as_deref().unwrap_or("?"));
                    *outside.entry(key).or_default() += 1;
                }
            }
        }
    }
    scores.outside = most_frequent(outside, 30);
    scores.unresolved_names = most_frequent(unresolved, 20);
    Ok(scores)
}

/// The `n` largest counts, ties by name.
fn most_frequent(counts: BTreeMap<String, usize>, n: usize) -> Vec<(String, usize)> {
    let mut list: Vec<(String, usize)> = counts.into_iter().collect();
    list.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    list.truncate(n);
    list
}

impl fmt::Display for PlaceScores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{}: {} articles with country tags",
            self.file, self.articles
        )?;
        writeln!(
            f,
            "cities and regions resolved: {}, in a tagged country: {} ({:.1} %); unresolved names: {}",
            self.resolved,
            self.in_tagged_country,
            100.0 * self.agreement(),
            self.unresolved
        )?;
        writeln!(f, "most frequent readings outside the tagged countries:")?;
        for (reading, count) in &self.outside {
            writeln!(f, "  {count:>5}  {reading}")?;
        }
        writeln!(f, "most frequent unresolved names:")?;
        for (name, count) in &self.unresolved_names {
            writeln!(f, "  {count:>5}  {name}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The Reuters file, where it is: skipped without it.
    #[test]
    fn reuters_cities_mostly_lie_in_tagged_countries() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../shared/data/reuters21578/reuters21578.jsonl");
        if !path.is_file() {
            eprintln!("skipped: {} not found", path.display());
            return;
        }
        let scores = evaluate(&path).unwrap();
        assert!(scores.articles > 10_000, "{scores}");
        assert!(scores.resolved > 8_000, "{scores}");
        // 0.820 when this test was written (BENCHMARKS.md, "Session 8"). Not an accuracy: a
        // floor that a resolution gone wrong across the board would break.
        assert!(scores.agreement() > 0.78, "{scores}");
        // Paris, Texas was the reading of 40 "Paris accord" stories, Venice, California of
        // the 1987 summit's, New Zealand's West Coast region of the US West Coast (session 9).
        for reading in [
            "Paris → US",
            "Venice → US",
            "West Coast → NZ",
            "Geneva → US",
        ] {
            assert!(
                !scores.outside.iter().any(|(r, n)| r == reading && *n > 5),
                "{reading}: {scores}"
            );
        }
        // "West German" (a nationality) and "D-Kan." (a senator's party and state) were
        // frequent unresolved places.
        assert!(
            scores
                .unresolved_names
                .iter()
                .all(|(name, _)| name != "West German" && name != "D Kan"),
            "{scores}"
        );
        assert!(!scores.unresolved_names.is_empty(), "{scores}");
    }

    #[test]
    fn a_bad_line_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.jsonl");
        std::fs::write(
            &path,
            "{\"places\": [\"usa\"], \"body\": \"x\"}\nnot json\n",
        )
        .unwrap();
        let err = evaluate(&path).unwrap_err().to_string();
        assert!(err.contains("line 2"), "{err}");
    }
}
