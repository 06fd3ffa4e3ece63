//! Queries: the [`SearchRequest`] shared by the CLI and HTTP, filter parsing and query building.

pub mod amount;
pub mod build;

use amount::AmountFilter;
use chrono::NaiveDate;
use serde::Serialize;

/// A facet that search can count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FacetKind {
    /// Persons.
    Person,
    /// Places (counted at every level of the hierarchy).
    Place,
    /// Organisations.
    Org,
    /// Amounts: log-scale buckets and currencies.
    Amount,
}

impl FacetKind {
    /// Every facet kind, in display order.
    pub const ALL: [FacetKind; 4] = [
        FacetKind::Person,
        FacetKind::Place,
        FacetKind::Org,
        FacetKind::Amount,
    ];

    /// The name used on the command line and in JSON.
    pub fn name(self) -> &'static str {
        match self {
            FacetKind::Person => "person",
            FacetKind::Place => "place",
            FacetKind::Org => "org",
            FacetKind::Amount => "amount",
        }
    }
}

impl std::str::FromStr for FacetKind {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s.trim().to_ascii_lowercase().as_str() {
            "person" | "persons" | "people" => Ok(FacetKind::Person),
            "place" | "places" => Ok(FacetKind::Place),
            "org" | "orgs" | "organisation" | "organization" | "organisations"
            | "organizations" => Ok(FacetKind::Org),
            "amount" | "amounts" | "money" => Ok(FacetKind::Amount),
            other => Err(format!(
                "unknown facet '{other}': expected person, place, org or amount"
            )),
        }
    }
}

/// How hits are ordered.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Sort {
    /// Best match first (BM25).
    #[default]
    Relevance,
    /// Newest first.
    Date,
    /// Largest amount (in the base currency) first.
    Amount,
}

/// A search: keyword query, entity filters, facets to count and the page of hits wanted.
#[derive(Debug, Clone, Default)]
pub struct SearchRequest {
    /// Query in tantivy's syntax over title and body (plus `person:`, `place:`, `org:` fields).
    pub query: Option<String>,
    /// Every one of these persons must appear (a surname matches the full name; a full name
    /// also matches the articles naming only its surname when the person facet counts that
    /// surname under it).
    pub persons: Vec<String>,
    /// Every one of these places must appear (a continent or country matches all places below it).
    pub places: Vec<String>,
    /// Every one of these organisations must appear (aliases such as "EU" are understood).
    pub orgs: Vec<String>,
    /// At least one amount must fall in this range.
    pub amount: Option<AmountFilter>,
    /// At least one amount must be written in this currency (ISO code).
    pub currency: Option<String>,
    /// Published on or after this date.
    pub from: Option<NaiveDate>,
    /// Published on or before this date.
    pub to: Option<NaiveDate>,
    /// Facets to count.
    pub facets: Vec<FacetKind>,
    /// How many values per facet.
    pub top: usize,
    /// Hits per page.
    pub limit: usize,
    /// Hits to skip.
    pub offset: usize,
    /// Order of hits.
    pub sort: Sort,
}
