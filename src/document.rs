//! Maps an [`Article`] and its [`Entities`] to a tantivy document, and back for display.

use crate::extract::{Entities, PlaceKind};
use crate::pack::{Packer, Record};
use crate::schema::Fields;
use crate::Article;
use serde::{Deserialize, Serialize};
use tantivy::schema::{Facet, Value};
use tantivy::{DateTime, TantivyDocument};

/// What the file looked like when its articles were indexed (the per-document manifest).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileState {
    /// Size in bytes.
    pub size: u64,
    /// Modification time, nanoseconds since the Unix epoch.
    pub mtime: u64,
    /// xxh3 hash of the content.
    pub hash: u64,
}

/// The log-scale buckets of the amount facet, smallest first: (label, upper bound in base currency).
pub const AMOUNT_BUCKETS: [(&str, f64); 7] = [
    ("under 1m", 1e6),
    ("1m-10m", 1e7),
    ("10m-100m", 1e8),
    ("100m-1bn", 1e9),
    ("1bn-10bn", 1e10),
    ("10bn-100bn", 1e11),
    ("over 100bn", f64::INFINITY),
];

/// The bucket label of a base-currency value.
pub fn amount_bucket(value: f64) -> &'static str {
    AMOUNT_BUCKETS
        .iter()
        .find(|(_, upper)| value < *upper)
        .map_or(AMOUNT_BUCKETS[6].0, |(label, _)| label)
}

/// The entities of one article as stored in the index and shown in results.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct StoredEntities {
    /// Persons: canonical name and the surface forms seen.
    pub persons: Vec<StoredName>,
    /// Places: canonical name, kind and hierarchy.
    pub places: Vec<StoredPlace>,
    /// Organisations: canonical name and the surface forms seen.
    pub orgs: Vec<StoredName>,
    /// Money amounts.
    pub amounts: Vec<StoredAmount>,
}

/// A person or organisation as stored.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct StoredName {
    /// Canonical name.
    pub name: String,
    /// Distinct surface forms as written.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub forms: Vec<String>,
    /// Number of mentions in the article.
    #[serde(default)]
    pub mentions: usize,
}

/// A place as stored.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct StoredPlace {
    /// Canonical name.
    pub name: String,
    /// continent, country, region or city; absent when the gazetteer does not know it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// Hierarchy from the continent down.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub path: Vec<String>,
    /// Number of mentions in the article.
    #[serde(default)]
    pub mentions: usize,
}

/// A money amount as stored.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct StoredAmount {
    /// As written.
    pub text: String,
    /// Value in `currency` (lower end of a range).
    pub value: f64,
    /// Upper end of a range.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value_high: Option<f64>,
    /// ISO 4217 code.
    pub currency: String,
    /// Value in the base currency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base_value: Option<f64>,
    /// "about", "more than", …
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<String>,
    /// Unit of a per-unit price ("barrel", "share").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per_unit: Option<String>,
}

impl StoredEntities {
    /// Condenses extracted entities for storage.
    pub fn from_entities(e: &Entities) -> StoredEntities {
        let forms = |mentions: &[crate::extract::Mention]| {
            let mut forms: Vec<String> = Vec::new();
            for m in mentions {
                if !forms.contains(&m.text) {
                    forms.push(m.text.clone());
                }
            }
            forms
        };
        let names = |list: &[crate::extract::Named]| -> Vec<StoredName> {
            list.iter()
                .map(|p| StoredName {
                    name: p.canonical.clone(),
                    forms: forms(&p.mentions),
                    mentions: p.mentions.len(),
                })
                .collect()
        };
        StoredEntities {
            persons: names(&e.persons),
            orgs: names(&e.orgs),
            places: e
                .places
                .iter()
                .map(|p| StoredPlace {
                    name: p.named.canonical.clone(),
                    kind: p.info.as_ref().map(|i| kind_name(i.kind).to_string()),
                    path: p
                        .info
                        .as_ref()
                        .map(|i| i.path().into_iter().map(str::to_string).collect())
                        .unwrap_or_default(),
                    mentions: p.named.mentions.len(),
                })
                .collect(),
            amounts: e
                .amounts
                .iter()
                .enumerate()
                // The same sum written the same way twice (headline and body) is shown once.
                .filter(|(i, a)| {
                    !e.amounts[..*i].iter().any(|b| {
                        b.mention.text == a.mention.text
                            && b.value == a.value
                            && b.currency == a.currency
                    })
                })
                .map(|(_, a)| StoredAmount {
                    // "10\ndlrs" in a wrapped Reuters line reads "10 dlrs".
                    text: a
                        .mention
                        .text
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" "),
                    value: a.value,
                    value_high: a.value_high,
                    currency: a.currency.clone(),
                    base_value: a.base_value,
                    qualifier: a.qualifier.clone(),
                    per_unit: a.per_unit.clone(),
                })
                .collect(),
        }
    }
}

fn kind_name(kind: PlaceKind) -> &'static str {
    match kind {
        PlaceKind::Continent => "continent",
        PlaceKind::Country => "country",
        PlaceKind::Region => "region",
        PlaceKind::City => "city",
    }
}

/// Where a document comes from.
#[derive(Debug, Clone, Copy)]
pub struct Origin<'a> {
    /// The file the article was read from.
    pub file: &'a str,
    /// The file when it was read.
    pub state: FileState,
    /// The extractor version that found the entities ([`crate::extract::stored_version`]).
    pub extractor_version: u64,
}

/// Builds the tantivy document of one article; its stored fields are packed with `packer`.
pub fn build(
    fields: &Fields,
    packer: &Packer,
    article: &Article,
    entities: &Entities,
    date: Option<chrono::NaiveDate>,
    origin: Origin<'_>,
) -> TantivyDocument {
    let Origin {
        file,
        state,
        extractor_version,
    } = origin;
    let mut doc = TantivyDocument::default();
    doc.add_text(fields.id, &article.id);
    doc.add_text(fields.file, file);
    doc.add_text(fields.title, &article.title);
    doc.add_text(fields.body, &article.body);
    if let Some(ts) = date.and_then(|d| d.and_hms_opt(0, 0, 0)) {
        doc.add_date(
            fields.date,
            DateTime::from_timestamp_secs(ts.and_utc().timestamp()),
        );
    }
    if let Some(s) = &article.source {
        doc.add_text(fields.source, s);
    }
    for p in &entities.persons {
        doc.add_text(fields.person, &p.canonical);
        doc.add_facet(
            fields.person_facet,
            Facet::from_path([p.canonical.as_str()]),
        );
    }
    for o in &entities.orgs {
        doc.add_text(fields.org, &o.canonical);
        // A name folded into another in the article ("ICO" into the International Coffee
        // Organization, or the other way for the table's own acronyms) still finds it.
        let mut others: Vec<String> = Vec::new();
        for m in &o.mentions {
            let name = crate::extract::org::canonical(&m.text);
            if !name.eq_ignore_ascii_case(&o.canonical)
                && !others.iter().any(|n| n.eq_ignore_ascii_case(&name))
            {
                doc.add_text(fields.org, &name);
                others.push(name);
            }
        }
        doc.add_facet(fields.org_facet, Facet::from_path([o.canonical.as_str()]));
    }
    let mut level_facets: Vec<Facet> = Vec::new();
    for p in &entities.places {
        match &p.info {
            Some(info) => {
                let path = info.path();
                for name in &path {
                    doc.add_text(fields.place, name);
                }
                // A place below the hierarchy's levels (a British county, within England) is
                // found by its own name too.
                if !path.contains(&info.name.as_str()) {
                    doc.add_text(fields.place, &info.name);
                }
                doc.add_facet(fields.place_facet, Facet::from_path(path.iter().copied()));
                let levels = [
                    ("continent", &info.continent),
                    ("country", &info.country),
                    ("region", &info.region),
                    ("city", &info.city),
                ];
                for (level, name) in levels {
                    if let Some(name) = name {
                        let facet = Facet::from_path([level, name.as_str()]);
                        if !level_facets.contains(&facet) {
                            level_facets.push(facet);
                        }
                    }
                }
            }
            None => {
                doc.add_text(fields.place, &p.named.canonical);
                doc.add_facet(
                    fields.place_facet,
                    Facet::from_path(["unresolved", p.named.canonical.as_str()]),
                );
            }
        }
    }
    for f in level_facets {
        doc.add_facet(fields.place_level_facet, f);
    }
    let mut max: Option<f64> = None;
    let mut amount_facets: Vec<Facet> = Vec::new();
    let mut push_facet = |f: Facet| {
        if !amount_facets.contains(&f) {
            amount_facets.push(f);
        }
    };
    for a in &entities.amounts {
        push_facet(Facet::from_path(["currency", a.currency.as_str()]));
        if a.per_unit.is_some() {
            continue; // a price per barrel is not a sum; it does not enter the range filter
        }
        if let Some(v) = a.base_value.filter(|v| v.is_finite()) {
            doc.add_f64(fields.amount, v);
            max = Some(max.map_or(v, |m: f64| m.max(v)));
            push_facet(Facet::from_path(["bucket", amount_bucket(v)]));
        }
    }
    for a in &entities.amounts {
        doc.add_text(fields.currency, &a.currency);
    }
    for f in amount_facets {
        doc.add_facet(fields.amount_facet, f);
    }
    if let Some(m) = max {
        doc.add_f64(fields.amount_max, m);
    }
    let stored = StoredEntities::from_entities(entities);
    let record = Record::from_article(article, file, stored);
    doc.add_bytes(fields.stored, &packer.pack(&record));
    doc.add_u64(fields.file_size, state.size);
    doc.add_u64(fields.file_mtime, state.mtime);
    doc.add_u64(fields.file_hash, state.hash);
    doc.add_u64(fields.extractor, extractor_version);
    doc
}

/// Reads the publication date of a document as `YYYY-MM-DD`.
pub fn date_of(doc: &TantivyDocument, fields: &Fields) -> Option<String> {
    let dt = doc.get_first(fields.date)?.as_datetime()?;
    date_string(dt.into_timestamp_nanos())
}

/// A stored date (nanoseconds since the epoch) as `YYYY-MM-DD`.
pub(crate) fn date_string(nanos: i64) -> Option<String> {
    let secs = DateTime::from_timestamp_nanos(nanos).into_timestamp_secs();
    chrono::DateTime::from_timestamp(secs, 0).map(|d| d.date_naive().to_string())
}
