//! Scoring the money extractor against OntoNotes `MONEY` entities.
//!
//! Input: `*.docs.jsonl`, one object per document part,
//! `{id, genre, text, entities: [{type, start, end, text}]}` with **character** offsets.
//! Each document is run through [`find_amounts`](crate::extract::money::find_amounts) and
//! the predicted spans are compared with the gold `MONEY` spans:
//!
//! - *exact*: same start and end;
//! - *overlap*: a predicted span counts as correct if it overlaps some gold span, and a
//!   gold span as found if some predicted span overlaps it.
//!
//! Documents without any entity annotation (of any type) are skipped: in OntoNotes they are
//! the parts that were never annotated for names (e.g. the `wb/sel` web text, `pt` Bible
//! text), where every amount found would count as a false alarm.
//!
//! Spans are scored under the OntoNotes convention for a `$`-style prefix before a bare
//! number (`$ 15,000`): the annotators leave the `$` out, so the predicted span starts at
//! the number (see `docs/amounts.md`). The scores of the spans as the extractor writes them
//! are reported too (`as_written`).

use std::collections::HashSet;
use std::fmt;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::extract::money::{find_with, MoneyContext, RateTable};
use crate::{Error, Result};

/// Precision, recall and F1 with the counts behind them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Prf {
    /// Correct predictions / predictions.
    pub precision: f64,
    /// Found gold spans / gold spans.
    pub recall: f64,
    /// Harmonic mean of precision and recall.
    pub f1: f64,
    /// Predictions counted correct.
    pub correct_predicted: usize,
    /// Gold spans counted found.
    pub found_gold: usize,
}

impl Prf {
    fn new(correct_predicted: usize, predicted: usize, found_gold: usize, gold: usize) -> Prf {
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        let precision = ratio(correct_predicted, predicted);
        let recall = ratio(found_gold, gold);
        let f1 = if precision + recall == 0.0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        };
        Prf {
            precision,
            recall,
            f1,
            correct_predicted,
            found_gold,
        }
    }
}

/// A span that was missed or falsely predicted, with its context.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SpanError {
    /// Document id.
    pub doc: String,
    /// Character offset of the first character.
    pub start: usize,
    /// Character offset one past the last character.
    pub end: usize,
    /// The span text.
    pub text: String,
    /// The text around it, with the span in `[[…]]`.
    pub context: String,
    /// For a false alarm or miss that overlaps a span of the other side: that span's text.
    pub overlaps: Option<String>,
}

/// The scores of the money extractor on one file.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct AmountScores {
    /// The file scored.
    pub file: String,
    /// Documents scored.
    pub documents: usize,
    /// Documents skipped because they carry no entity annotation of any type (parts of the
    /// corpus that were never annotated for names: every prediction there would count as a
    /// false alarm).
    pub unannotated: usize,
    /// Gold MONEY spans.
    pub gold: usize,
    /// Predicted amounts.
    pub predicted: usize,
    /// Exact-span scores (OntoNotes `$` convention).
    pub exact: Prf,
    /// Overlapping-span scores.
    pub overlap: Prf,
    /// Exact-span scores of the spans as the extractor writes them.
    pub as_written: Prf,
    /// Gold spans with no exact prediction.
    pub misses: Vec<SpanError>,
    /// Predictions that match no gold span exactly.
    pub false_alarms: Vec<SpanError>,
}

#[derive(Deserialize)]
struct Doc {
    id: String,
    text: String,
    #[serde(default)]
    entities: Vec<GoldEntity>,
}

#[derive(Deserialize)]
struct GoldEntity {
    #[serde(rename = "type")]
    kind: String,
    start: usize,
    end: usize,
}

/// Scores the extractor on an OntoNotes `*.docs.jsonl` file.
pub fn evaluate(path: &Path) -> Result<AmountScores> {
    let text = std::fs::read_to_string(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let mut scores = AmountScores {
        file: path.display().to_string(),
        ..AmountScores::default()
    };
    let (mut ex_ok, mut ov_pred_ok, mut ov_gold_ok, mut written_ok, mut ex_found) = (0, 0, 0, 0, 0);
    let mut toks = Vec::new();
    let ctx = MoneyContext::default();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let doc: Doc = serde_json::from_str(line).map_err(|e| Error::Read {
            path: path.to_path_buf(),
            reason: format!("line {}: {e}", n + 1),
        })?;
        if doc.entities.is_empty() {
            scores.unannotated += 1;
            continue;
        }
        scores.documents += 1;
        // byte offset -> char offset
        let mut char_of = vec![0usize; doc.text.len() + 1];
        let mut c = 0;
        for (b, ch) in doc.text.char_indices() {
            for slot in &mut char_of[b..b + ch.len_utf8()] {
                *slot = c;
            }
            c += 1;
        }
        char_of[doc.text.len()] = c;
        let chars: Vec<char> = doc.text.chars().collect();
        let gold: Vec<(usize, usize)> = doc
            .entities
            .iter()
            .filter(|e| e.kind == "MONEY" && e.start < e.end && e.end <= chars.len())
            .map(|e| (e.start, e.end))
            .collect();
        let found = find_with(&doc.text, &ctx, &mut toks, RateTable::embedded());
        let mut pred = Vec::with_capacity(found.len());
        let mut written = Vec::with_capacity(found.len());
        for (a, number_start) in &found {
            let end = char_of[a.mention.end];
            let start = char_of[a.mention.start];
            written.push((start, end));
            pred.push((number_start.map_or(start, |b| char_of[b]), end));
        }
        scores.gold += gold.len();
        scores.predicted += pred.len();
        let gold_set: HashSet<(usize, usize)> = gold.iter().copied().collect();
        let pred_set: HashSet<(usize, usize)> = pred.iter().copied().collect();
        let overlaps = |a: (usize, usize), b: (usize, usize)| a.0 < b.1 && b.0 < a.1;
        let span = |s: (usize, usize)| chars[s.0..s.1].iter().collect::<String>();
        let context = |s: (usize, usize)| {
            let lo = s.0.saturating_sub(40);
            let hi = (s.1 + 30).min(chars.len());
            let t =
                |a: usize, b: usize| chars[a..b].iter().collect::<String>().replace('\n', " | ");
            format!("{}[[{}]]{}", t(lo, s.0), t(s.0, s.1), t(s.1, hi))
        };
        for &p in &pred {
            if gold_set.contains(&p) {
                ex_ok += 1;
            } else {
                scores.false_alarms.push(SpanError {
                    doc: doc.id.clone(),
                    start: p.0,
                    end: p.1,
                    text: span(p),
                    context: context(p),
                    overlaps: gold.iter().find(|&&g| overlaps(g, p)).map(|&g| span(g)),
                });
            }
            if gold.iter().any(|&g| overlaps(g, p)) {
                ov_pred_ok += 1;
            }
        }
        written_ok += written.iter().filter(|w| gold_set.contains(w)).count();
        for &g in &gold {
            if pred_set.contains(&g) {
                ex_found += 1;
            } else {
                scores.misses.push(SpanError {
                    doc: doc.id.clone(),
                    start: g.0,
                    end: g.1,
                    text: span(g),
                    context: context(g),
                    overlaps: pred.iter().find(|&&p| overlaps(g, p)).map(|&p| span(p)),
                });
            }
            if pred.iter().any(|&p| overlaps(g, p)) {
                ov_gold_ok += 1;
            }
        }
    }
    scores.exact = Prf::new(ex_ok, scores.predicted, ex_found, scores.gold);
    scores.overlap = Prf::new(ov_pred_ok, scores.predicted, ov_gold_ok, scores.gold);
    scores.as_written = Prf::new(written_ok, scores.predicted, written_ok, scores.gold);
    Ok(scores)
}

impl fmt::Display for AmountScores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{}: {} documents ({} without any entity annotation skipped), {} gold MONEY spans, {} predicted",
            self.file, self.documents, self.unannotated, self.gold, self.predicted
        )?;
        for (name, s) in [
            ("exact", &self.exact),
            ("overlap", &self.overlap),
            ("as written", &self.as_written),
        ] {
            writeln!(
                f,
                "{name:>10}: P {:.4}  R {:.4}  F1 {:.4}",
                s.precision, s.recall, s.f1
            )?;
        }
        writeln!(f, "misses ({}):", self.misses.len())?;
        for m in &self.misses {
            let o = m
                .overlaps
                .as_deref()
                .map(|o| format!("  (found: {o})"))
                .unwrap_or_default();
            writeln!(f, "  {}: {}{o}", m.doc, m.context)?;
        }
        writeln!(f, "false alarms ({}):", self.false_alarms.len())?;
        for m in &self.false_alarms {
            let o = m
                .overlaps
                .as_deref()
                .map(|o| format!("  (gold: {o})"))
                .unwrap_or_default();
            writeln!(f, "  {}: {}{o}", m.doc, m.context)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DEV: &str = "../shared/data/ontonotes/development.docs.jsonl";

    fn dev_path() -> Option<std::path::PathBuf> {
        let here = Path::new(env!("CARGO_MANIFEST_DIR"));
        [
            here.join(DEV),
            Path::new("/work/shared/data/ontonotes/development.docs.jsonl").to_path_buf(),
        ]
        .into_iter()
        .find(|p| p.exists())
    }

    #[test]
    fn scores_a_small_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("t.docs.jsonl");
        let doc = serde_json::json!({
            "id": "d1", "genre": "nw",
            "text": "It paid $ 15,000 and about $ 5 million , plus 3 pct .\nCosts rose 5 % .",
            "entities": [
                {"type": "MONEY", "start": 10, "end": 16, "text": "15,000"},
                {"type": "MONEY", "start": 21, "end": 38, "text": "about $ 5 million"},
                {"type": "PERCENT", "start": 46, "end": 51, "text": "3 pct"}
            ]
        });
        // a part never annotated for names: skipped, its amount is no false alarm
        let bare = serde_json::json!({
            "id": "d2", "genre": "wb", "text": "It cost $ 5 million .", "entities": []
        });
        std::fs::write(&path, format!("{doc}\n{bare}\n")).expect("write");
        let s = evaluate(&path).expect("evaluate");
        assert_eq!((s.documents, s.unannotated), (1, 1));
        assert_eq!((s.gold, s.predicted), (2, 2));
        assert_eq!(s.exact.f1, 1.0);
        assert_eq!(s.as_written.correct_predicted, 1);
        assert!(s.to_string().contains("F1 1.0000"));
    }

    /// Prints the scores on the file named by `NEWSDEX_AMOUNTS_FILE` (e.g. the train set).
    #[test]
    #[ignore]
    fn report_on_file() {
        let Some(path) = std::env::var_os("NEWSDEX_AMOUNTS_FILE") else {
            eprintln!("skipped: set NEWSDEX_AMOUNTS_FILE");
            return;
        };
        let s = evaluate(Path::new(&path)).expect("evaluate");
        println!("{s}");
    }

    #[test]
    fn ontonotes_development_floor() {
        let Some(path) = dev_path() else {
            eprintln!("skipped: {DEV} is absent");
            return;
        };
        let s = evaluate(&path).expect("evaluate");
        println!("{s}");
        // the targets; the extractor reaches exact 0.9351, overlap 0.9894
        assert!(s.exact.f1 >= 0.93, "exact F1 {}", s.exact.f1);
        assert!(s.overlap.f1 >= 0.97, "overlap F1 {}", s.overlap.f1);
    }
}
