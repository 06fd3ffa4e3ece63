//! `newsdex extract`: the extractor as a tool of its own.

use anyhow::Context;
use clap::Args;
use newsdex::extract::{self, Entities, Mention};
use serde::{Deserialize, Serialize};
use std::io::{BufRead, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

pub const EXTRACT_HELP: &str = "\
Examples:
  newsdex extract corpus/europe/eu-frozen-assets-loan.md
  cat article.txt | newsdex extract -
  echo '{\"id\":\"1\",\"text\":\"Putin met Macron in Brussels.\"}' | newsdex extract --jsonl

With --jsonl, each input line {\"id\",\"text\"} gives one output line
{\"id\",\"entities\":[{\"kind\",\"text\",\"start\",\"end\",\"canonical\",…}]} where start/end are
character offsets into text; amounts carry value and currency, places their hierarchy.";

/// Arguments of `newsdex extract`.
#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Article file (any supported format), or - for plain text on stdin.
    #[arg(value_name = "FILE", required_unless_present = "jsonl")]
    pub file: Option<PathBuf>,
    /// Read JSON Lines {"id","text"} on stdin, write one line of entities per input line.
    #[arg(long, conflicts_with = "file")]
    pub jsonl: bool,
}

/// Runs `newsdex extract`.
pub fn run(args: ExtractArgs) -> anyhow::Result<ExitCode> {
    if args.jsonl {
        return jsonl();
    }
    let file = args.file.unwrap_or_else(|| PathBuf::from("-"));
    let (path, bytes) = if file.as_os_str() == "-" {
        let mut b = Vec::new();
        std::io::stdin()
            .read_to_end(&mut b)
            .context("reading stdin")?;
        (Path::new("stdin.txt").to_path_buf(), b)
    } else {
        let b = std::fs::read(&file).with_context(|| format!("reading {}", file.display()))?;
        (file, b)
    };
    let read = newsdex::read::read_bytes(&path, &bytes)?;
    let mut out = std::io::stdout().lock();
    for p in &read.problems {
        eprintln!("newsdex: {}: {p}", path.display());
    }
    let results: Vec<serde_json::Value> = read
        .articles
        .iter()
        .map(|a| {
            let x = extract::extract_article(a);
            serde_json::json!({
                "id": a.id,
                "title": a.title,
                "date": x.date,
                "dateline": a.dateline,
                "persons": x.entities.persons,
                "places": x.entities.places,
                "orgs": x.entities.orgs,
                "amounts": x.entities.amounts,
            })
        })
        .collect();
    if results.len() == 1 {
        newsdex::render::json(&results[0], &mut out)?;
    } else {
        newsdex::render::json(&results, &mut out)?;
    }
    Ok(ExitCode::SUCCESS)
}

#[derive(Deserialize)]
struct InLine {
    id: serde_json::Value,
    text: String,
}

#[derive(Serialize)]
struct OutEntity<'a> {
    kind: &'static str,
    text: &'a str,
    start: usize,
    end: usize,
    canonical: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    value: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    value_high: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    currency: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    base_value: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    path: Option<Vec<&'a str>>,
}

fn jsonl() -> anyhow::Result<ExitCode> {
    let stdin = std::io::stdin().lock();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut bad = 0usize;
    for (n, line) in stdin.lines().enumerate() {
        let line = line.context("reading stdin")?;
        if line.trim().is_empty() {
            continue;
        }
        let input: InLine = match serde_json::from_str(&line) {
            Ok(v) => v,
            Err(e) => {
                eprintln!("newsdex: stdin line {}: {e}", n + 1);
                bad += 1;
                continue;
            }
        };
        let e = extract::extract_text(&input.text);
        let entities = flatten(&input.text, &e);
        serde_json::to_writer(
            &mut out,
            &serde_json::json!({"id": input.id, "entities": entities}),
        )?;
        writeln!(out)?;
    }
    out.flush()?;
    Ok(if bad == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(super::EXIT_SKIPPED)
    })
}

fn flatten<'a>(text: &str, e: &'a Entities) -> Vec<OutEntity<'a>> {
    let chars = CharIndex::new(text);
    let mut out = Vec::new();
    let mut plain =
        |kind: &'static str, m: &'a Mention, canonical: &'a str, path: Option<Vec<&'a str>>| {
            out.push(OutEntity {
                kind,
                text: &m.text,
                start: chars.of(m.start),
                end: chars.of(m.end),
                canonical,
                value: None,
                value_high: None,
                currency: None,
                base_value: None,
                path,
            })
        };
    for p in &e.persons {
        for m in &p.mentions {
            plain("person", m, &p.canonical, None);
        }
    }
    for p in &e.places {
        for m in &p.named.mentions {
            plain(
                "place",
                m,
                &p.named.canonical,
                p.info.as_ref().map(|i| i.path()),
            );
        }
    }
    for o in &e.orgs {
        for m in &o.mentions {
            plain("org", m, &o.canonical, None);
        }
    }
    for a in &e.amounts {
        out.push(OutEntity {
            kind: "money",
            text: &a.mention.text,
            start: chars.of(a.mention.start),
            end: chars.of(a.mention.end),
            canonical: &a.currency,
            value: Some(a.value),
            value_high: a.value_high,
            currency: Some(&a.currency),
            base_value: a.base_value,
            path: None,
        });
    }
    out.sort_by_key(|e| (e.start, e.end));
    out
}

/// Converts byte offsets to character offsets.
struct CharIndex {
    starts: Vec<usize>,
}

impl CharIndex {
    fn new(text: &str) -> Self {
        CharIndex {
            starts: text
                .char_indices()
                .map(|(i, _)| i)
                .chain([text.len()])
                .collect(),
        }
    }
    fn of(&self, byte: usize) -> usize {
        self.starts.partition_point(|&s| s < byte)
    }
}

#[cfg(test)]
mod tests {
    use super::CharIndex;

    #[test]
    fn byte_offsets_become_char_offsets() {
        let c = CharIndex::new("€90bn in Zürich");
        assert_eq!(c.of(0), 0);
        assert_eq!(c.of(3), 1); // after the 3-byte euro sign
        assert_eq!(c.of("€90bn in Zürich".len()), 15);
    }
}
