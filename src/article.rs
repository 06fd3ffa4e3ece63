//! [`Article`]: the record that each pipeline stage passes on.

use serde::{Deserialize, Serialize};

/// One news article, as read from a file, before entity extraction.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Stable id: the file path, or `path#LINE` for JSON Lines, `path#INDEX` for JSON arrays.
    pub id: String,
    /// Path of the file the article came from.
    pub path: String,
    /// Headline.
    pub title: String,
    /// Article text without the headline.
    pub body: String,
    /// Publication date as written in the source (parsed later by `extract::date`).
    pub date: Option<String>,
    /// Dateline such as `ERBIL (Kurdistan24) —` or `SALVADOR, Feb 26 -`, if one was recognised.
    pub dateline: Option<String>,
    /// The place named in the dateline (`ERBIL`, `SALVADOR`).
    pub dateline_place: Option<String>,
    /// Source URL.
    pub url: Option<String>,
    /// Authors.
    pub authors: Vec<String>,
    /// Publisher or source domain.
    pub source: Option<String>,
    /// Entities tagged in the input itself (kept and merged with extracted ones).
    pub pretagged: PreTagged,
}

/// Entities that the input file already carries (e.g. Reuters' `people`, `places`, `orgs`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PreTagged {
    /// Persons.
    pub persons: Vec<String>,
    /// Places.
    pub places: Vec<String>,
    /// Organisations.
    pub orgs: Vec<String>,
    /// Money amounts as written.
    pub amounts: Vec<String>,
}
