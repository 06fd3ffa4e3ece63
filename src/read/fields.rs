//! Field names that real dumps use, mapped onto [`Article`] in one place.
//!
//! Used by the JSON and JSON Lines readers and for Markdown front matter. Keys are
//! compared case-insensitively and without `_`, `-` or spaces, so `date_publish`,
//! `datePublish` and `Date-Publish` are the same key.

use crate::article::PreTagged;
use crate::Article;
use serde_json::{Map, Value};

/// Which [`Article`] field a key feeds, and its rank among the keys for that field
/// (lower wins when an object has several).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Slot {
    Title,
    Text,
    /// `description`, `summary`: the text only when there is no other.
    TextFallback,
    Date,
    Url,
    Authors,
    Source,
    Dateline,
    Persons,
    Places,
    Orgs,
    Amounts,
}

/// Normalised key → slot and rank.
fn slot(key: &str) -> Option<(Slot, u8)> {
    let k: String = key
        .chars()
        .filter(|c| !matches!(c, '_' | '-' | ' '))
        .flat_map(char::to_lowercase)
        .collect();
    let found = match k.as_str() {
        "title" => (Slot::Title, 0),
        "headline" => (Slot::Title, 1),
        "text" => (Slot::Text, 0),
        "body" => (Slot::Text, 1),
        "content" => (Slot::Text, 2),
        "maintext" => (Slot::Text, 3),
        "article" => (Slot::Text, 4),
        "articlebody" => (Slot::Text, 5),
        "fulltext" => (Slot::Text, 6),
        "description" => (Slot::TextFallback, 0),
        "summary" => (Slot::TextFallback, 1),
        "abstract" => (Slot::TextFallback, 2),
        "date" => (Slot::Date, 0),
        "published" => (Slot::Date, 1),
        "datepublish" => (Slot::Date, 2),
        "pubdate" => (Slot::Date, 3),
        "publishedat" => (Slot::Date, 4),
        "datepublished" => (Slot::Date, 5),
        "publishdate" => (Slot::Date, 6),
        "publicationdate" => (Slot::Date, 7),
        "datetime" => (Slot::Date, 8),
        "url" => (Slot::Url, 0),
        "link" => (Slot::Url, 1),
        "canonicalurl" => (Slot::Url, 2),
        "permalink" => (Slot::Url, 3),
        "author" => (Slot::Authors, 0),
        "authors" => (Slot::Authors, 1),
        "byline" => (Slot::Authors, 2),
        "source" => (Slot::Source, 0),
        "sourcedomain" => (Slot::Source, 1),
        "publisher" => (Slot::Source, 2),
        "sitename" => (Slot::Source, 3),
        "dateline" => (Slot::Dateline, 0),
        "persons" | "people" => (Slot::Persons, 0),
        "person" => (Slot::Persons, 1),
        "places" | "locations" => (Slot::Places, 0),
        "place" | "location" => (Slot::Places, 1),
        "organizations" | "organisations" | "orgs" => (Slot::Orgs, 0),
        "organization" | "organisation" | "org" => (Slot::Orgs, 1),
        "amounts" => (Slot::Amounts, 0),
        _ => return None,
    };
    Some(found)
}

/// The fields of one record, picked from an object by [`Record::from_object`].
#[derive(Debug, Default)]
pub(crate) struct Record<'a> {
    best: [Option<(u8, &'a Value)>; 12],
}

fn index(slot: Slot) -> usize {
    slot as usize
}

impl<'a> Record<'a> {
    /// Picks the known fields out of an object.
    pub(crate) fn from_object(obj: &'a Map<String, Value>) -> Record<'a> {
        let mut rec = Record::default();
        for (key, value) in obj {
            if value.is_null() {
                continue;
            }
            if let Some((slot, rank)) = slot(key) {
                let cell = &mut rec.best[index(slot)];
                if cell.is_none_or(|(r, _)| rank < r) {
                    *cell = Some((rank, value));
                }
            }
        }
        rec
    }

    fn get(&self, slot: Slot) -> Option<&'a Value> {
        self.best[index(slot)].map(|(_, v)| v)
    }

    /// The title, whitespace collapsed; empty if none.
    pub(crate) fn title(&self) -> String {
        self.get(Slot::Title)
            .and_then(scalar)
            .map(|t| collapse_whitespace(&t))
            .unwrap_or_default()
    }

    /// The text (`text`, `body`, …; `description` only as a last resort); empty if none.
    pub(crate) fn text(&self) -> String {
        let main = self.get(Slot::Text).and_then(paragraphs);
        let text = match main {
            Some(t) if !t.trim().is_empty() => t,
            _ => self
                .get(Slot::TextFallback)
                .and_then(paragraphs)
                .unwrap_or_default(),
        };
        let text = if looks_like_html(&text) {
            super::html::fragment_text(&text)
        } else {
            text
        };
        text.trim().to_string()
    }

    /// Fills the metadata fields of `article` (everything but id, path, title, body).
    pub(crate) fn fill_metadata(&self, article: &mut Article) {
        article.date = self.get(Slot::Date).and_then(date_string);
        article.url = self.get(Slot::Url).and_then(scalar);
        article.authors = self
            .get(Slot::Authors)
            .map(|v| {
                strings(v)
                    .into_iter()
                    .map(|a| strip_by(&a).to_string())
                    .filter(|a| !a.is_empty())
                    .collect()
            })
            .unwrap_or_default();
        article.source = self.get(Slot::Source).and_then(scalar);
        if let Some(dateline) = self.get(Slot::Dateline).and_then(scalar) {
            let place = super::text::dateline_place(&dateline);
            article.dateline = Some(dateline);
            article.dateline_place = place;
        }
        let list = |slot| self.get(slot).map(strings).unwrap_or_default();
        article.pretagged = PreTagged {
            persons: list(Slot::Persons),
            places: list(Slot::Places),
            orgs: list(Slot::Orgs),
            amounts: list(Slot::Amounts),
        };
    }
}

/// Builds an article from a JSON object, or says why the object is not one.
pub(crate) fn article_from_object(
    obj: &Map<String, Value>,
    path: &str,
    id: String,
) -> Result<Article, String> {
    let rec = Record::from_object(obj);
    let title = rec.title();
    let body = rec.text();
    if title.is_empty() && body.is_empty() {
        return Err("no title or text".into());
    }
    let mut article = Article {
        id,
        path: path.to_string(),
        title,
        body,
        ..Article::default()
    };
    rec.fill_metadata(&mut article);
    super::text::fill_dateline(&mut article);
    Ok(article)
}

/// A string-like value: strings, numbers, booleans, or an object's `name`/`text`/`value`.
fn scalar(v: &Value) -> Option<String> {
    let s = match v {
        Value::String(s) => s.trim().to_string(),
        Value::Number(n) => n.to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Object(o) => ["name", "text", "value", "title", "url", "href", "@id"]
            .iter()
            .find_map(|k| o.get(*k).and_then(scalar))?,
        Value::Array(items) => items.iter().find_map(scalar)?,
        Value::Null => return None,
    };
    (!s.is_empty()).then_some(s)
}

/// Text that may be split into paragraphs: a string, or an array of strings joined by
/// blank lines.
fn paragraphs(v: &Value) -> Option<String> {
    match v {
        Value::Array(items) => {
            let parts: Vec<String> = items.iter().filter_map(scalar).collect();
            (!parts.is_empty()).then(|| parts.join("\n\n"))
        }
        Value::String(s) => Some(s.clone()),
        other => scalar(other),
    }
}

/// A list of names: an array of strings (or of objects with a name), or a single string
/// (split on `;` so that `"A; B"` gives two names).
fn strings(v: &Value) -> Vec<String> {
    match v {
        Value::Array(items) => items.iter().filter_map(scalar).collect(),
        Value::String(s) => s
            .split(';')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect(),
        other => scalar(other).into_iter().collect(),
    }
}

/// A date as written; numbers are taken as Unix timestamps (seconds, or milliseconds
/// when too large for seconds) and written in RFC 3339.
fn date_string(v: &Value) -> Option<String> {
    if let Value::Number(n) = v {
        let secs = n.as_i64().or_else(|| n.as_f64().map(|f| f as i64))?;
        let secs = if secs.abs() > 100_000_000_000 {
            secs / 1000
        } else {
            secs
        };
        return chrono::DateTime::from_timestamp(secs, 0).map(|d| d.to_rfc3339());
    }
    scalar(v)
}

/// `By Jane Doe` → `Jane Doe`.
fn strip_by(author: &str) -> &str {
    let a = author.trim();
    match a.get(..3) {
        Some(p) if p.eq_ignore_ascii_case("by ") => a[3..].trim(),
        _ => a,
    }
}

/// Collapses runs of whitespace (including newlines) to one space.
pub(crate) fn collapse_whitespace(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Whether a text field holds HTML markup rather than plain text.
fn looks_like_html(text: &str) -> bool {
    let lower_has = |tag: &str| text.contains(tag);
    lower_has("</p>") || lower_has("<p>") || lower_has("<br") || lower_has("</div>")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn article(v: Value) -> Result<Article, String> {
        let Value::Object(obj) = v else {
            panic!("test input must be an object")
        };
        article_from_object(&obj, "x.json", "x.json".into())
    }

    #[test]
    fn field_names_and_priorities() {
        let a = article(json!({
            "Headline": "Second choice",
            "TITLE": "Budget  agreed\n in Rome",
            "description": "short teaser",
            "maintext": "The full text.",
            "date_publish": "2025-03-01 10:00:00",
            "link": "https://example.org/a",
            "authors": ["By Ada Byron", "Alan Turing"],
            "source_domain": "example.org",
            "people": ["Giorgia Meloni"],
            "locations": ["Rome", "Italy"],
            "orgs": ["EU"],
            "amounts": ["€2bn"]
        }))
        .unwrap();
        assert_eq!(a.title, "Budget agreed in Rome");
        assert_eq!(a.body, "The full text.");
        assert_eq!(a.date.as_deref(), Some("2025-03-01 10:00:00"));
        assert_eq!(a.url.as_deref(), Some("https://example.org/a"));
        assert_eq!(a.authors, ["Ada Byron", "Alan Turing"]);
        assert_eq!(a.source.as_deref(), Some("example.org"));
        assert_eq!(a.pretagged.persons, ["Giorgia Meloni"]);
        assert_eq!(a.pretagged.places, ["Rome", "Italy"]);
        assert_eq!(a.pretagged.orgs, ["EU"]);
        assert_eq!(a.pretagged.amounts, ["€2bn"]);
    }

    #[test]
    fn newsapi_shape() {
        let a = article(json!({
            "source": {"id": null, "name": "Example News"},
            "author": "Jane Doe",
            "title": "Markets rally",
            "description": "Stocks rose.",
            "content": null,
            "publishedAt": "2025-03-01T10:00:00Z",
            "url": "https://example.com/x"
        }))
        .unwrap();
        assert_eq!(a.source.as_deref(), Some("Example News"));
        assert_eq!(a.body, "Stocks rose.");
        assert_eq!(a.date.as_deref(), Some("2025-03-01T10:00:00Z"));
        assert_eq!(a.authors, ["Jane Doe"]);
    }

    #[test]
    fn paragraph_arrays_html_and_epoch_dates() {
        let a = article(json!({
            "title": "T",
            "body": ["First paragraph.", "Second paragraph."],
            "published": 1740823200
        }))
        .unwrap();
        assert_eq!(a.body, "First paragraph.\n\nSecond paragraph.");
        assert_eq!(a.date.as_deref(), Some("2025-03-01T10:00:00+00:00"));
        let b = article(json!({"title": "T", "content": "<p>One &amp; two.</p><p>Three.</p>"}))
            .unwrap();
        assert_eq!(b.body, "One & two.\n\nThree.");
    }

    #[test]
    fn dateline_field_and_body_dateline() {
        let a =
            article(json!({"title": "T", "body": "x", "dateline": "SALVADOR, Feb 26 -"})).unwrap();
        assert_eq!(a.dateline.as_deref(), Some("SALVADOR, Feb 26 -"));
        assert_eq!(a.dateline_place.as_deref(), Some("SALVADOR"));
        let b =
            article(json!({"title": "T", "text": "ERBIL (Kurdistan24) — Talks resumed."})).unwrap();
        assert_eq!(b.dateline.as_deref(), Some("ERBIL (Kurdistan24) —"));
        assert_eq!(b.dateline_place.as_deref(), Some("ERBIL"));
    }

    #[test]
    fn nothing_to_read() {
        assert_eq!(
            article(json!({"id": 1, "tags": ["x"]})).unwrap_err(),
            "no title or text"
        );
        assert_eq!(
            article(json!({"title": "  ", "body": ""})).unwrap_err(),
            "no title or text"
        );
        // Only a title, or only a text, is enough.
        assert!(article(json!({"title": "Only a title"})).is_ok());
        assert!(article(json!({"body": "Only a body"})).is_ok());
    }
}
