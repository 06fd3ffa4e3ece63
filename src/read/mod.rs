//! Readers: detect a file's format and parse its bytes into [`Article`]s.
//!
//! One module per format ([`text`], [`markdown`], [`json`], [`jsonl`], [`html`]); all
//! of them go through [`decode()`] first, so text in a legacy encoding or UTF-16 is read
//! rather than dropped. Field names of JSON, JSON Lines and front matter are mapped in
//! one place (`fields`), so that every format accepts the same names.
//!
//! Conventions shared by all readers:
//! - `Article::id` is the path as given; `path#LINE` (1-based) for JSON Lines;
//!   `path#N` (0-based position in the array) for JSON arrays holding more than one
//!   article.
//! - A record is an article if it has a title or a text; a record with neither is
//!   reported in [`ReadOutput::problems`] (or, when the whole file yields nothing,
//!   as an [`Error::Read`]).
//! - A dateline at the start of the body (`LONDON (Reuters) - …`) is recognised and
//!   stored in `Article::dateline` and `Article::dateline_place`, and **kept in the
//!   body**: the body is the text as written, so entity offsets point into it and the
//!   dateline's place is also found by the place extractor.

pub mod decode;
pub(crate) mod fields;
pub mod html;
pub mod json;
pub mod jsonl;
pub mod markdown;
pub mod text;

pub use decode::decode;

use crate::{Article, Error};
use std::path::Path;

/// The file formats newsdex reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// Plain text: headline on the first non-empty line, body after it.
    Text,
    /// Markdown, with optional YAML (`---`) or TOML (`+++`) front matter.
    Markdown,
    /// JSON: one article object, an array of them, or an object holding such an array.
    Json,
    /// JSON Lines: one article object a line.
    JsonLines,
    /// An HTML page.
    Html,
}

impl Format {
    /// The format of a file, from its extension (case-insensitive): `txt` (and no
    /// extension at all), `md`/`markdown`, `json`, `jsonl`/`ndjson`, `html`/`htm`.
    /// `None` means the file is not an article file and should be ignored; that
    /// includes a folder's own documentation (`README`, `README.md`, `LICENSE.txt`,
    /// `CHANGELOG.md`, …), so that a corpus can describe itself.
    ///
    /// ```
    /// use newsdex::read::Format;
    /// use std::path::Path;
    /// assert_eq!(Format::from_path(Path::new("a/b.JSONL")), Some(Format::JsonLines));
    /// assert_eq!(Format::from_path(Path::new("wire/story-0042")), Some(Format::Text));
    /// assert_eq!(Format::from_path(Path::new("corpus/README.md")), None);
    /// assert_eq!(Format::from_path(Path::new("logo.png")), None);
    /// ```
    pub fn from_path(path: &Path) -> Option<Format> {
        if is_folder_documentation(path) {
            return None;
        }
        let Some(ext) = path.extension() else {
            // Hidden files such as `.gitignore` have no extension either; they are
            // not articles.
            let hidden = path
                .file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with('.'));
            return (!hidden).then_some(Format::Text);
        };
        let ext = ext.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "text" => Some(Format::Text),
            "md" | "markdown" => Some(Format::Markdown),
            "json" => Some(Format::Json),
            "jsonl" | "ndjson" => Some(Format::JsonLines),
            "html" | "htm" | "xhtml" => Some(Format::Html),
            _ => None,
        }
    }

    /// A short lower-case name ("text", "markdown", "json", "jsonl", "html").
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Markdown => "markdown",
            Format::Json => "json",
            Format::JsonLines => "jsonl",
            Format::Html => "html",
        }
    }
}

/// Whether a file is a folder's documentation rather than an article, by its name
/// before the extension: README, LICENSE/LICENCE, COPYING, CHANGELOG, NOTICE, AUTHORS,
/// CONTRIBUTING (case-insensitive).
fn is_folder_documentation(path: &Path) -> bool {
    let Some(stem) = path.file_stem().and_then(|s| s.to_str()) else {
        return false;
    };
    let stem = stem.to_ascii_uppercase();
    matches!(
        stem.as_str(),
        "README"
            | "LICENSE"
            | "LICENCE"
            | "COPYING"
            | "CHANGELOG"
            | "NOTICE"
            | "AUTHORS"
            | "CONTRIBUTING"
    )
}

/// What a file yielded: its articles, and the records that could not be read.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReadOutput {
    /// The articles, in file order.
    pub articles: Vec<Article>,
    /// Per-record problems that did not stop the file, e.g. `line 17: expected a JSON
    /// object` for JSON Lines or `item 3: no title or text` for a JSON array.
    pub problems: Vec<String>,
}

/// Parses one file's bytes into articles, choosing the reader by the path's extension
/// (a path without a known extension is read as plain text).
///
/// Fails with [`Error::Read`] when the file yields no article: binary data
/// (`binary file (NUL bytes)`), an empty or whitespace-only file (`empty file`),
/// malformed JSON (`invalid JSON at line 3 column 5: …`), or no article inside.
///
/// ```
/// use newsdex::read::read_bytes;
/// use std::path::Path;
/// let out = read_bytes(Path::new("a.txt"), b"Headline\n\nLONDON (Reuters) - Body.").unwrap();
/// assert_eq!(out.articles[0].title, "Headline");
/// assert_eq!(out.articles[0].dateline_place.as_deref(), Some("LONDON"));
/// ```
pub fn read_bytes(path: &Path, bytes: &[u8]) -> crate::Result<ReadOutput> {
    let fail = |reason: String| Error::Read {
        path: path.to_owned(),
        reason,
    };
    let text = decode(bytes).map_err(fail)?;
    if text.trim().is_empty() {
        return Err(fail("empty file".into()));
    }
    let path_str = path.to_string_lossy();
    let format = Format::from_path(path).unwrap_or(Format::Text);
    let out = match format {
        Format::Text => text::read(&text, &path_str),
        Format::Markdown => markdown::read(&text, &path_str),
        Format::Json => json::read(&text, &path_str),
        Format::JsonLines => jsonl::read(&text, &path_str),
        Format::Html => html::read(&text, &path_str),
    }
    .map_err(fail)?;
    if out.articles.is_empty() {
        let reason = match out.problems.first() {
            Some(first) if out.problems.len() == 1 => format!("no article in file ({first})"),
            Some(first) => format!(
                "no article in file ({} problems, first: {first})",
                out.problems.len()
            ),
            None => "no article in file".to_string(),
        };
        return Err(fail(reason));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_from_extension() {
        let cases = [
            ("a.txt", Some(Format::Text)),
            ("A.TXT", Some(Format::Text)),
            ("dir/no_extension", Some(Format::Text)),
            ("x.md", Some(Format::Markdown)),
            ("x.markdown", Some(Format::Markdown)),
            ("x.json", Some(Format::Json)),
            ("x.jsonl", Some(Format::JsonLines)),
            ("x.ndjson", Some(Format::JsonLines)),
            ("x.html", Some(Format::Html)),
            ("x.htm", Some(Format::Html)),
            ("x.png", None),
            ("x.pdf", None),
            ("x.tar.gz", None),
            (".gitignore", None),
            ("corpus/README.md", None),
            ("corpus/readme.txt", None),
            ("data/LICENSE", None),
            ("readme-notes.txt", Some(Format::Text)),
        ];
        for (path, want) in cases {
            assert_eq!(Format::from_path(Path::new(path)), want, "{path}");
        }
    }

    #[test]
    fn errors_name_the_reason() {
        let reason = |path: &str, bytes: &[u8]| match read_bytes(Path::new(path), bytes) {
            Err(Error::Read { reason, .. }) => reason,
            other => panic!("expected a read error, got {other:?}"),
        };
        assert_eq!(reason("a.txt", b""), "empty file");
        assert_eq!(reason("a.txt", b" \n\t\r\n "), "empty file");
        assert_eq!(
            reason("a.txt", b"\x00\x01\x02abc"),
            "binary file (NUL bytes)"
        );
        assert!(reason("a.json", b"{\n  \"title\": \"x\",\n  oops\n}")
            .starts_with("invalid JSON at line 3 column 3"));
        assert!(reason("a.json", b"{\"id\": 3}").starts_with("no article in file"));
        assert!(reason("a.jsonl", b"1\n2\n").contains("line 1: expected a JSON object"));
    }

    #[test]
    fn legacy_encodings_are_read() {
        let out = read_bytes(
            Path::new("a.txt"),
            b"Caf\xe9 prices\n\nThe caf\xe9 raised prices.",
        )
        .unwrap();
        assert_eq!(out.articles[0].title, "Café prices");
        let mut utf16 = vec![0xFF, 0xFE];
        for unit in "Tête\n\nCorps du texte.".encode_utf16() {
            utf16.extend_from_slice(&unit.to_le_bytes());
        }
        let out = read_bytes(Path::new("b.txt"), &utf16).unwrap();
        assert_eq!(out.articles[0].title, "Tête");
        assert_eq!(out.articles[0].body, "Corps du texte.");
    }
}

#[cfg(test)]
mod real_data_tests;

#[cfg(test)]
mod corpus_tests;

#[cfg(test)]
mod robustness_tests;
