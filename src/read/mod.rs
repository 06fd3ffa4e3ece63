//! Readers: detect a file's format and parse its bytes into [`Article`]s.
//! Placeholder until the readers land.

use crate::Article;
use std::path::Path;

/// Parses one file's bytes into articles.
pub fn read_bytes(path: &Path, _bytes: &[u8]) -> crate::Result<Vec<Article>> {
    Err(crate::Error::Read {
        path: path.to_owned(),
        reason: "not implemented".into(),
    })
}
