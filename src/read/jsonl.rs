//! JSON Lines: one article object a line; id `path#LINE` (1-based).
//!
//! Blank lines are ignored. A line that is not valid JSON, not an object, or has
//! neither title nor text becomes a problem (`line 17: expected a JSON object`) and
//! the other lines are still read.

use super::fields::article_from_object;
use super::json::json_error;
use super::ReadOutput;
use serde_json::Value;

/// Reads a JSON Lines file.
///
/// A `.jsonl` file that is really one JSON document spread over several lines (a
/// pretty-printed array or object, whose lines do not parse on their own) is read as
/// JSON when that yields more articles.
pub fn read(text: &str, path: &str) -> Result<ReadOutput, String> {
    let out = read_lines(text, path);
    if !out.problems.is_empty() {
        let first = text.trim_start();
        if first.starts_with('[') || first.starts_with('{') {
            if let Ok(doc) = super::json::read_document(text, path) {
                if doc.articles.len() > out.articles.len() {
                    return Ok(doc);
                }
            }
        }
    }
    Ok(out)
}

/// Reads a text line by line, without falling back to JSON.
pub(crate) fn read_lines(text: &str, path: &str) -> ReadOutput {
    let mut out = ReadOutput::default();
    for (i, line) in text.lines().enumerate() {
        let number = i + 1;
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let value: Value = match serde_json::from_str(line) {
            Ok(v) => v,
            Err(e) => {
                // The line number is ours; serde's is always 1.
                let msg = json_error(&e).replacen(" at line 1 column", " at column", 1);
                out.problems.push(format!("line {number}: {msg}"));
                continue;
            }
        };
        let Value::Object(obj) = value else {
            out.problems
                .push(format!("line {number}: expected a JSON object"));
            continue;
        };
        match article_from_object(&obj, path, format!("{path}#{number}")) {
            Ok(article) => out.articles.push(article),
            Err(reason) => out.problems.push(format!("line {number}: {reason}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn good_bad_and_blank_lines() {
        let text = "{\"title\": \"One\", \"body\": \"a\"}\n\n[1, 2]\n{\"title\": \n{\"id\": 5}\n{\"headline\": \"Six\"}\n";
        let out = read(text, "f.jsonl").unwrap();
        let ids: Vec<&str> = out.articles.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["f.jsonl#1", "f.jsonl#6"]);
        assert_eq!(out.problems.len(), 3);
        assert_eq!(out.problems[0], "line 3: expected a JSON object");
        assert!(
            out.problems[1].starts_with("line 4: invalid JSON at column"),
            "{}",
            out.problems[1]
        );
        assert_eq!(out.problems[2], "line 5: no title or text");
    }

    #[test]
    fn pretty_printed_json_named_jsonl() {
        let text = "[\n  {\"title\": \"A\"},\n  {\"title\": \"B\"}\n]\n";
        let out = read(text, "pretty.jsonl").unwrap();
        assert_eq!(out.articles.len(), 2);
        assert!(out.problems.is_empty());
        assert_eq!(out.articles[1].id, "pretty.jsonl#1");
    }

    #[test]
    fn crlf_lines() {
        let out = read("{\"title\": \"A\"}\r\n{\"title\": \"B\"}\r\n", "c.jsonl").unwrap();
        assert_eq!(out.articles.len(), 2);
        assert_eq!(out.articles[1].id, "c.jsonl#2");
    }
}
