//! Entity extraction: pure functions from article text to [`Entities`].
//!
//! No I/O and no tantivy here. Offsets are byte offsets into the text that was
//! given to [`extract`]; `newsdex extract --jsonl` converts them to character
//! offsets on output.

pub mod date;
pub mod money;
pub mod org;
pub mod place;
pub mod tagger;
pub mod token;

use serde::Serialize;

/// A span of text where an entity was mentioned (byte offsets, end exclusive).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Mention {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// The text as written.
    pub text: String,
}

/// A place resolved into the gazetteer hierarchy.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlaceInfo {
    /// Canonical English name ("Brussels", "Belgium", "Europe").
    pub name: String,
    /// What kind of place it is.
    pub kind: PlaceKind,
    /// Continent name ("Europe").
    pub continent: Option<String>,
    /// Country name ("Belgium").
    pub country: Option<String>,
    /// ISO 3166-1 alpha-2 code of the country ("BE").
    pub country_code: Option<String>,
    /// First-level administrative region ("Brussels Capital").
    pub region: Option<String>,
    /// City ("Brussels").
    pub city: Option<String>,
    /// Population, where known (used to break ties).
    pub population: u64,
}

impl PlaceInfo {
    /// The hierarchy from the continent down, e.g. `["Europe", "Belgium", "Brussels Capital", "Brussels"]`.
    /// Levels that are unknown are left out.
    pub fn path(&self) -> Vec<&str> {
        [&self.continent, &self.country, &self.region, &self.city]
            .into_iter()
            .filter_map(|s| s.as_deref())
            .collect()
    }
}

/// The level of a place in the hierarchy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PlaceKind {
    /// A continent.
    Continent,
    /// A country.
    Country,
    /// A first-level administrative region (state, province, ...).
    Region,
    /// A city or town.
    City,
}

/// A money amount: value and ISO 4217 currency.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Amount {
    /// The value in `currency` (for a range, its lower end).
    pub value: f64,
    /// Upper end of a range (`$2-3bn`), if the amount is one.
    pub value_high: Option<f64>,
    /// ISO 4217 code ("EUR", "USD", or historical codes such as "DEM").
    pub currency: String,
    /// The value converted to [`money::BASE_CURRENCY`] with the rate table, if the currency has a rate.
    pub base_value: Option<f64>,
    /// Qualifier as written and normalised ("about", "more than", "up to"), if any.
    pub qualifier: Option<String>,
    /// Per-unit amounts (`$35 a barrel`, `3.50 dlrs per share`): the unit ("barrel", "share").
    pub per_unit: Option<String>,
    /// Index (into the same `Vec<Amount>`) of the amount this one is an equivalent of, for
    /// `90 billion euros ($105 billion)`.
    pub equivalent_of: Option<usize>,
    /// Where it was written.
    pub mention: Mention,
}

/// A person, organisation or place entity with its canonical name and mentions.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Named {
    /// Canonical name ("Vladimir Putin", "European Union").
    pub canonical: String,
    /// Every mention in the text (may be empty for pre-tagged entities).
    pub mentions: Vec<Mention>,
}

/// A place entity: a [`Named`] plus, when the gazetteer knows it, its hierarchy.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Place {
    /// Canonical name and mentions.
    #[serde(flatten)]
    pub named: Named,
    /// The resolved place; `None` keeps an unresolved place rather than dropping it.
    pub info: Option<PlaceInfo>,
}

/// Everything extracted from one article.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Entities {
    /// Persons, one per canonical name.
    pub persons: Vec<Named>,
    /// Places, one per canonical name.
    pub places: Vec<Place>,
    /// Organisations, one per canonical name.
    pub orgs: Vec<Named>,
    /// Money amounts, in text order.
    pub amounts: Vec<Amount>,
}

/// Version of the extractor: bump it when extraction changes, so that a reindex
/// re-extracts every file indexed by an older version.
pub const EXTRACTOR_VERSION: u64 = 1;

/// What [`extract_article`] finds in one article.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Extracted {
    /// Persons, places, organisations and amounts.
    #[serde(flatten)]
    pub entities: Entities,
    /// Publication date.
    pub date: Option<chrono::NaiveDate>,
}

/// Extracts the entities and the date of one article.
pub fn extract_article(article: &crate::Article) -> Extracted {
    let _ = article;
    Extracted::default()
}

/// Extracts the entities of a bare text (no headline, no metadata).
pub fn extract_text(text: &str) -> Entities {
    let _ = text;
    Entities::default()
}
