//! Readers: detect a file's format and parse its bytes into [`Article`]s.
//! Placeholder until the readers land.

use crate::Article;
use std::path::Path;

/// File formats.
pub enum Format {
    /// Plain text.
    Text,
}
impl Format {
    /// By extension.
    pub fn from_path(path: &Path) -> Option<Format> {
        path.extension()
            .is_some_and(|e| e == "txt")
            .then_some(Format::Text)
    }
}
/// Output.
pub struct ReadOutput {
    /// Articles.
    pub articles: Vec<Article>,
    /// Problems.
    pub problems: Vec<String>,
}

/// Parses one file's bytes into articles.
pub fn read_bytes(path: &Path, _bytes: &[u8]) -> crate::Result<ReadOutput> {
    Err(crate::Error::Read {
        path: path.to_owned(),
        reason: "not implemented".into(),
    })
}
