//! JSON: one article object, an array of them, or an object holding such an array
//! under `articles`, `items`, `data`, `results`, `documents` or `records`.
//!
//! Field names are those of the `fields` module (shared with JSON Lines and front
//! matter). Ids: the path for a single article; `path#N` (0-based position in the
//! array) when the array holds more than one article.

use super::fields::article_from_object;
use super::ReadOutput;
use serde_json::{Map, Value};

/// Reads a JSON file.
///
/// A `.json` file that is really JSON Lines (one object a line, so that the parser
/// stops at `trailing characters` on line 2) is read as JSON Lines, with `path#LINE`
/// ids, when every line of it is an article.
pub fn read(text: &str, path: &str) -> Result<ReadOutput, String> {
    match read_document(text, path) {
        Err(e)
            if e.contains(": trailing characters") && !e.starts_with("invalid JSON at line 1 ") =>
        {
            let lines = super::jsonl::read_lines(text, path);
            if !lines.articles.is_empty() && lines.problems.is_empty() {
                Ok(lines)
            } else {
                Err(e)
            }
        }
        other => other,
    }
}

/// Reads a text that must be one JSON document.
pub(crate) fn read_document(text: &str, path: &str) -> Result<ReadOutput, String> {
    let value: Value = serde_json::from_str(text).map_err(|e| json_error(&e))?;
    let mut out = ReadOutput::default();
    match &value {
        Value::Array(items) => read_items(items, path, &mut out),
        Value::Object(obj) => match wrapped_array(obj) {
            Some(items) => read_items(items, path, &mut out),
            None => match article_from_object(obj, path, path.to_string()) {
                Ok(article) => out.articles.push(article),
                Err(reason) => out.problems.push(reason),
            },
        },
        _ => out
            .problems
            .push("expected a JSON object or an array of objects".into()),
    }
    Ok(out)
}

/// The array of articles inside a wrapper object such as `{"articles": […]}`, unless
/// the object is itself an article.
fn wrapped_array(obj: &Map<String, Value>) -> Option<&Vec<Value>> {
    const WRAPPERS: [&str; 6] = [
        "articles",
        "items",
        "data",
        "results",
        "documents",
        "records",
    ];
    let is_article = obj.keys().any(|k| {
        matches!(
            k.to_ascii_lowercase().as_str(),
            "title" | "headline" | "text" | "body" | "content" | "maintext"
        )
    });
    if is_article {
        return None;
    }
    WRAPPERS.iter().find_map(|w| {
        obj.iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(w))
            .and_then(|(_, v)| v.as_array())
    })
}

fn read_items(items: &[Value], path: &str, out: &mut ReadOutput) {
    let objects = items.iter().filter(|v| v.is_object()).count();
    for (i, item) in items.iter().enumerate() {
        let Value::Object(obj) = item else {
            out.problems
                .push(format!("item {i}: expected a JSON object"));
            continue;
        };
        let id = if objects > 1 {
            format!("{path}#{i}")
        } else {
            path.to_string()
        };
        match article_from_object(obj, path, id) {
            Ok(article) => out.articles.push(article),
            Err(reason) => out.problems.push(format!("item {i}: {reason}")),
        }
    }
}

/// `invalid JSON at line 3 column 5: expected `,` or `}``.
pub(crate) fn json_error(e: &serde_json::Error) -> String {
    let full = e.to_string();
    let msg = full
        .rsplit_once(" at line ")
        .map_or(full.as_str(), |(m, _)| m);
    format!(
        "invalid JSON at line {} column {}: {msg}",
        e.line(),
        e.column()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn single_object() {
        let out = read(
            r#"{"title": "Rates held", "body": "The bank held rates."}"#,
            "a.json",
        )
        .unwrap();
        assert_eq!(out.articles.len(), 1);
        assert_eq!(out.articles[0].id, "a.json");
        assert_eq!(out.articles[0].title, "Rates held");
    }

    #[test]
    fn array_ids_and_problems() {
        let text = r#"[{"title": "One", "text": "a"}, 7, {"headline": "Three"}, {"id": 4}]"#;
        let out = read(text, "arr.json").unwrap();
        let ids: Vec<&str> = out.articles.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["arr.json#0", "arr.json#2"]);
        assert_eq!(
            out.problems,
            ["item 1: expected a JSON object", "item 3: no title or text"]
        );
    }

    #[test]
    fn one_element_array_uses_the_path() {
        let out = read(r#"[{"title": "Only"}]"#, "one.json").unwrap();
        assert_eq!(out.articles[0].id, "one.json");
    }

    #[test]
    fn wrapped_arrays() {
        for key in ["articles", "Items", "data"] {
            let text =
                format!(r#"{{"status": "ok", "{key}": [{{"title": "A"}}, {{"title": "B"}}]}}"#);
            let out = read(&text, "w.json").unwrap();
            assert_eq!(out.articles.len(), 2, "{key}");
            assert_eq!(out.articles[1].id, "w.json#1");
        }
    }

    #[test]
    fn malformed_json_names_line_and_column() {
        let err = read("{\n  \"title\": \"x\",\n  oops\n}", "bad.json").unwrap_err();
        assert_eq!(err, "invalid JSON at line 3 column 3: key must be a string");
        let err = read("[{\"title\": \"x\"}", "cut.json").unwrap_err();
        assert!(
            err.starts_with("invalid JSON at line 1 column 15: EOF"),
            "{err}"
        );
    }

    #[test]
    fn json_lines_named_json() {
        let out = read("{\"title\": \"A\"}\n{\"title\": \"B\"}\n", "lines.json").unwrap();
        let ids: Vec<&str> = out.articles.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["lines.json#1", "lines.json#2"]);
        // Not every line an article: the JSON error stands.
        let err = read("{\"title\": \"A\"}\n{\"x\": 1}\n", "mixed.json").unwrap_err();
        assert!(
            err.starts_with("invalid JSON at line 2 column 1: trailing characters"),
            "{err}"
        );
    }

    #[test]
    fn scalar_json_is_a_problem() {
        let out = read("42", "n.json").unwrap();
        assert!(out.articles.is_empty());
        assert_eq!(out.problems.len(), 1);
    }
}
