//! The library's error type.

use std::path::PathBuf;

/// Everything that can go wrong inside the library.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file could not be read or parsed as an article.
    #[error("{path}: {reason}")]
    Read {
        /// The file.
        path: PathBuf,
        /// Why it was rejected, in words a user understands.
        reason: String,
    },
    /// An I/O error with the path it happened on.
    #[error("{path}: {source}")]
    Io {
        /// The path.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// A search query or filter that does not parse.
    #[error("{0}")]
    Query(String),
    /// An error from the search engine.
    #[error("index error: {0}")]
    Tantivy(#[from] tantivy::TantivyError),
    /// Another process holds the index's writer lock.
    #[error("{0}")]
    Locked(String),
    /// The index exists but is not a newsdex index, or is missing.
    #[error("{0}")]
    Index(String),
    /// The index was made by a version of newsdex with another schema or store format.
    #[error("{0}")]
    Format(String),
}

/// The library's result alias.
pub type Result<T, E = Error> = std::result::Result<T, E>;
