//! newsdex: an entity-faceted search engine for news corpora.
//!
//! The pipeline is `walk → read → extract → document → store` for indexing and
//! `query → search → render` for answering. Each stage lives in its own module;
//! only `schema`, `document`, `store`, `query::build` and `search` know tantivy.

pub mod article;
mod bytes;
pub mod document;
pub mod error;
pub mod eval;
pub mod extract;
pub mod ingest;
pub mod pack;
pub mod query;
pub mod read;
pub mod render;
pub mod schema;
pub mod search;
pub mod stem;
pub mod store;
pub mod walk;

#[cfg(test)]
mod test_texts;

pub use article::Article;
pub use error::{Error, Result};
