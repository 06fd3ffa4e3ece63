//! Runs a [`SearchRequest`]: hits with snippets, total count and facet counts in one pass.

use crate::document::{StoredAmount, AMOUNT_BUCKETS};
use crate::query::{build, FacetKind, SearchRequest, Sort};
use crate::store::Store;
use crate::Result;
use facet_count::{top_by_total, top_counts, Counts as FacetCounts, FacetCount};
pub(crate) use facet_table::TableCache;
use facet_table::{encoded_root, DocIds, FacetTables, FieldNames};
use serde::Serialize;
use std::borrow::Cow;
use std::collections::BTreeMap;
use tantivy::collector::{Count, FruitHandle, MultiCollector, MultiFruit, TopDocs};
use tantivy::query::Query;
use tantivy::{DocAddress, Order, Searcher};

mod facet_count;
mod facet_table;
mod snippet;
mod surnames;

/// Most hits one request may ask for (a bound on work per query).
pub const MAX_LIMIT: usize = 10_000;

/// Deepest page a request may ask for; past it there are no hits (bounds the work per query).
pub const MAX_OFFSET: usize = 1_000_000;

/// One hit.
#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    /// Article id.
    pub id: String,
    /// Source file.
    pub path: String,
    /// Headline.
    pub title: String,
    /// Publication date `YYYY-MM-DD`.
    pub date: Option<String>,
    /// Relevance score (BM25; 0 for pure filters).
    pub score: f32,
    /// A passage of the body around the matched terms (plain text).
    pub snippet: String,
    /// Matched terms in `snippet` as `[start, end)` character offsets.
    pub highlights: Vec<[usize; 2]>,
    /// Canonical person names.
    pub persons: Vec<String>,
    /// Place names (the most specific level).
    pub places: Vec<String>,
    /// Canonical organisation names.
    pub orgs: Vec<String>,
    /// Money amounts.
    pub amounts: Vec<StoredAmount>,
}

/// One facet value and the number of matching articles that carry it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FacetValue {
    /// The value ("Vladimir Putin", "Belgium", "1bn-10bn", "EUR").
    pub value: String,
    /// Matching articles.
    pub count: u64,
    /// For places: continent, country, region or city. For amounts: bucket or currency.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level: Option<&'static str>,
}

/// Everything a search returns.
#[derive(Debug, Clone, Default, Serialize)]
pub struct SearchResults {
    /// Matching articles in all.
    pub total: u64,
    /// The requested page of hits.
    pub hits: Vec<Hit>,
    /// Facet counts over all matching articles, by facet name.
    pub facets: BTreeMap<&'static str, Vec<FacetValue>>,
    /// Time spent searching, in milliseconds.
    pub took_ms: f64,
}

const PLACE_LEVELS: [&str; 4] = ["continent", "country", "region", "city"];

/// Runs a search.
pub fn search(store: &Store, req: &SearchRequest) -> Result<SearchResults> {
    let started = std::time::Instant::now();
    let reader = store.reader()?;
    let searcher = reader.searcher();
    let fields = &store.fields;
    let limit = req.limit.min(MAX_LIMIT);
    let top = TopDocs::with_limit(limit.max(1)).and_offset(req.offset.min(MAX_OFFSET));

    let kinds = dedup(&req.facets);
    // From the second faceted search on the same segments, counts come from decoded tables
    // (built then, kept by the store); a one-shot call counts from the columns directly.
    let tables = if kinds.is_empty() {
        None
    } else {
        let specs: Vec<(&str, Vec<String>)> = FacetKind::ALL
            .iter()
            .map(|k| {
                let (field, roots) = facet_spec(*k);
                (field, roots.iter().map(|r| encoded_root(r)).collect())
            })
            .collect();
        store.facet_tables.get(&searcher, &specs)?
    };
    // A `--person` filter also matches the articles naming only the surname that the person
    // facet counts under the name.
    let person_names = tables
        .as_ref()
        .filter(|_| !req.persons.is_empty())
        .and_then(|t| {
            let i = FacetKind::ALL
                .iter()
                .position(|k| *k == FacetKind::Person)?;
            t.field(i)
        });
    let surnames = req
        .persons
        .iter()
        .map(|p| match &person_names {
            Some(names) => Ok(surnames::surname_counted_under_tabled(
                names,
                names.totals(),
                p,
            )),
            None => surnames::surname_counted_under(&searcher, fields.person_facet, p),
        })
        .collect::<Result<Vec<_>>>()?;
    let query = build::build(&store.index, fields, req, &surnames)?;
    // Collectors in a tuple, not a `MultiCollector`: one indirect call less per document.
    let mut map_handles = Vec::new();
    let direct = (tables.is_none() && !kinds.is_empty()).then(|| {
        let mut multi = MultiCollector::new();
        for kind in &kinds {
            let (field, roots) = facet_spec(*kind);
            map_handles.push(multi.add_collector(FacetCount::new(field, roots)));
        }
        multi
    });
    let doc_ids = tables.is_some().then_some(DocIds);

    let (docs, total, matched, direct_fruits): (Vec<(f32, DocAddress)>, _, _, _) = match req.sort {
        Sort::Relevance => {
            searcher.search(&query, &(top.order_by_score(), Count, doc_ids, direct))?
        }
        Sort::Date => {
            let (d, c, m, f) = searcher.search(
                &query,
                &(
                    top.order_by_fast_field::<tantivy::DateTime>("date", Order::Desc),
                    Count,
                    doc_ids,
                    direct,
                ),
            )?;
            (d.into_iter().map(|(_, a)| (0.0, a)).collect(), c, m, f)
        }
        Sort::Amount => {
            let (d, c, m, f) = searcher.search(
                &query,
                &(
                    top.order_by_fast_field::<f64>("amount_max", Order::Desc),
                    Count,
                    doc_ids,
                    direct,
                ),
            )?;
            (d.into_iter().map(|(_, a)| (0.0, a)).collect(), c, m, f)
        }
    };
    let total = total as u64;
    let exact = ExactPersons {
        searcher: &searcher,
        query: &*query,
        field: fields.person_facet,
        // Collectors see a segment's documents in ascending order.
        matched: matched
            .as_ref()
            .filter(|m| m.iter().all(|(_, docs)| docs.is_sorted())),
    };
    let facets = facet_results(
        &searcher,
        &exact,
        req,
        kinds,
        tables.zip(matched.as_ref()),
        direct_fruits.map(|f| (map_handles, f)),
    );
    let hits = if limit == 0 {
        Vec::new()
    } else {
        hits(&searcher, store, &*query, req, &docs)?
    };
    Ok(SearchResults {
        total,
        hits,
        facets,
        took_ms: started.elapsed().as_secs_f64() * 1000.0,
    })
}

/// The facet values of a finished search, from the tables or from the direct counts.
fn facet_results(
    searcher: &Searcher,
    exact: &ExactPersons<'_>,
    req: &SearchRequest,
    kinds: Vec<FacetKind>,
    tabled: Option<(std::sync::Arc<FacetTables>, &facet_table::Matched)>,
    direct: Option<(Vec<FruitHandle<FacetCounts>>, MultiFruit)>,
) -> BTreeMap<&'static str, Vec<FacetValue>> {
    let mut facets = BTreeMap::new();
    if let Some((tables, matched)) = tabled {
        let counted = tables.count(searcher, matched);
        let counts = &counted.by_id;
        let n_matched: u64 = matched.iter().map(|(_, docs)| docs.len() as u64).sum();
        let touched = tables.touched(matched, TOUCHED_MAX);
        for kind in kinds {
            let i = FacetKind::ALL.iter().position(|k| *k == kind).unwrap_or(0);
            let Some(names) = tables.field(i) else {
                continue;
            };
            let roots: Vec<String> = facet_spec(kind).1.iter().map(|r| encoded_root(r)).collect();
            let fruit = Fruit::Table {
                names,
                roots: &roots,
                counts: names.counts_of(counts),
                matched: n_matched,
                touched: touched.as_deref(),
            };
            facets.insert(
                kind.name(),
                facet_values(kind, &fruit, req.top.max(1), exact),
            );
        }
        tables.recycle(counted, touched.as_deref());
    } else if let Some((handles, mut fruits)) = direct {
        for (kind, handle) in kinds.into_iter().zip(handles) {
            let fruit = Fruit::Map(handle.extract(&mut fruits));
            facets.insert(
                kind.name(),
                facet_values(kind, &fruit, req.top.max(1), exact),
            );
        }
    }
    facets
}

fn dedup(kinds: &[FacetKind]) -> Vec<FacetKind> {
    let mut out: Vec<FacetKind> = Vec::new();
    for k in kinds {
        if !out.contains(k) {
            out.push(*k);
        }
    }
    out
}

/// The facet field and the roots whose children are counted for `kind`.
fn facet_spec(kind: FacetKind) -> (&'static str, &'static [&'static str]) {
    match kind {
        FacetKind::Person => ("person_facet", &["/"]),
        FacetKind::Org => ("org_facet", &["/"]),
        FacetKind::Place => (
            "place_level_facet",
            &["/continent", "/country", "/region", "/city"],
        ),
        FacetKind::Amount => ("amount_facet", &["/bucket", "/currency"]),
    }
}

/// The counts of one facet field, from either way of counting.
enum Fruit<'a> {
    Map(FacetCounts),
    Table {
        names: &'a FieldNames,
        /// Encoded roots, in the table's order.
        roots: &'a [String],
        /// By child id.
        counts: &'a [u32],
        /// Documents the search matched.
        matched: u64,
        /// The ids (of all fields) the matching documents carry, when they are few
        /// ([`FacetTables::touched`]).
        touched: Option<&'a [u32]>,
    },
}

/// Most matching documents whose ids are listed for the facet values
/// ([`FacetTables::touched`]) instead of scanning every name's count.
const TOUCHED_MAX: usize = 64;

/// Fewest matching documents for which the top values are found by walking the names in
/// order of their counts over the whole index ([`top_by_total`]) rather than by scanning
/// every name's count. Below it few counts are not zero, and the scan passes over runs of
/// zeros quickly; above it the walk stops after a few names.
const TOP_BY_TOTAL_MIN: u64 = 500;

impl Fruit<'_> {
    /// The `k` children of `root` with the highest counts as (last path part, count),
    /// highest first, ties in facet order.
    fn top_k(&self, root: &str, k: usize) -> Vec<(String, u64)> {
        match self {
            Fruit::Map(counts) => counts
                .top_k(root, k)
                .into_iter()
                .map(|(f, c)| (last_part(f.encoded_str().as_bytes()), c))
                .collect(),
            Fruit::Table {
                names,
                counts,
                matched,
                ..
            } => {
                let range = self.range(root);
                // Ids are in facet order: ties by id are ties by name.
                let top = match names.by_total(range.clone()) {
                    Some((order, totals)) if *matched >= TOP_BY_TOTAL_MIN => {
                        top_by_total(counts, totals, order, k)
                    }
                    _ => match self.touched_in(range.clone()) {
                        Some(touched) => top_counts(touched, k),
                        None => top_counts(nonzero(counts, range), k),
                    },
                };
                top.into_iter()
                    .map(|(id, c)| (last_part(names.name(id)), u64::from(c)))
                    .collect()
            }
        }
    }

    /// Every counted child of `root` as (last path part, count), in facet order.
    fn children(&self, root: &str) -> Vec<(Cow<'_, str>, u64)> {
        match self {
            Fruit::Map(counts) => counts
                .get(root)
                .map(|(f, c)| (last_part_str(f.encoded_str().as_bytes()), c))
                .collect(),
            Fruit::Table { names, counts, .. } => {
                let range = self.range(root);
                let named = |(id, c): (u32, u32)| (last_part_str(names.name(id)), u64::from(c));
                match self.touched_in(range.clone()) {
                    Some(touched) => touched.map(named).collect(),
                    None => nonzero(counts, range).map(named).collect(),
                }
            }
        }
    }

    /// The (id, count) pairs of the counted children in `range`, in id order, from the ids
    /// the matching documents carry, when they were listed (table counts only). Callers scan
    /// the counts ([`nonzero`]) otherwise: one iterator type for both ways cost searches
    /// matching 65–499 articles 5 %.
    fn touched_in(
        &self,
        range: std::ops::Range<u32>,
    ) -> Option<impl Iterator<Item = (u32, u32)> + '_> {
        let Fruit::Table {
            names,
            counts,
            touched: Some(touched),
            ..
        } = self
        else {
            return None;
        };
        let (start, end) = (names.offset() + range.start, names.offset() + range.end);
        let from = touched.partition_point(|&id| id < start);
        let to = touched.partition_point(|&id| id < end);
        Some(
            touched[from..to.max(from)]
                .iter()
                .map(move |&id| {
                    let id = id - names.offset();
                    (id, counts.get(id as usize).copied().unwrap_or(0))
                })
                .filter(|&(_, count)| count > 0),
        )
    }

    /// Child ids below `root` (table counts only).
    fn range(&self, root: &str) -> std::ops::Range<u32> {
        match self {
            Fruit::Map(_) => 0..0,
            Fruit::Table { names, roots, .. } => {
                let root = encoded_root(root);
                roots
                    .iter()
                    .position(|r| *r == root)
                    .map_or(0..0, |i| names.root_range(i))
            }
        }
    }
}

/// The (id, count) pairs of `ids` whose count is not zero, in id order. A search counts
/// a few of the index's tens of thousands of names: runs of 32 zero counts are passed over
/// with one test (the scan was a tenth of a search with four facets, BENCHMARKS.md
/// "Session 12").
fn nonzero(counts: &[u32], ids: std::ops::Range<u32>) -> impl Iterator<Item = (u32, u32)> + '_ {
    const RUN: usize = 32;
    let start = (ids.start as usize).min(counts.len());
    let end = (ids.end as usize).clamp(start, counts.len());
    counts[start..end]
        .chunks(RUN)
        .enumerate()
        .filter(|(_, run)| run.iter().fold(0, |any, &c| any | c) != 0)
        .flat_map(move |(i, run)| {
            let first = (start + i * RUN) as u32;
            run.iter()
                .enumerate()
                .filter(|(_, &c)| c > 0)
                .map(move |(j, &c)| (first + j as u32, c))
        })
}

/// The last part of an encoded facet path ("country\0Belgium" → "Belgium").
fn last_part(encoded: &[u8]) -> String {
    last_part_str(encoded).into_owned()
}

/// [`last_part`], borrowed.
fn last_part_str(encoded: &[u8]) -> Cow<'_, str> {
    String::from_utf8_lossy(encoded.rsplit(|b| *b == 0).next().unwrap_or_default())
}

fn facet_values(
    kind: FacetKind,
    counts: &Fruit,
    top: usize,
    exact: &ExactPersons<'_>,
) -> Vec<FacetValue> {
    let values = |root: &str, level: Option<&'static str>| {
        counts
            .top_k(root, top)
            .into_iter()
            .map(move |(value, count)| FacetValue {
                value,
                count,
                level,
            })
    };
    match kind {
        FacetKind::Person => person_values(counts, top, exact),
        FacetKind::Org => values("/", None).collect(),
        FacetKind::Place => PLACE_LEVELS
            .iter()
            .flat_map(|level| values(&format!("/{level}"), Some(*level)).collect::<Vec<_>>())
            .collect(),
        FacetKind::Amount => {
            let buckets = counts.children("/bucket");
            let mut out: Vec<FacetValue> = AMOUNT_BUCKETS
                .iter()
                .filter_map(|(label, _)| {
                    buckets
                        .iter()
                        .find(|(name, _)| name == label)
                        .map(|(_, count)| FacetValue {
                            value: label.to_string(),
                            count: *count,
                            level: Some("bucket"),
                        })
                })
                .collect();
            out.extend(values("/currency", Some("currency")));
            out
        }
    }
}

/// Person counts, with articles that only name a surname counted under the full name that
/// ends with it: see [`surnames`].
///
/// Adding the surname's count to the full name's would count twice an article that names
/// both, one that could not tell which of two people the surname meant ("Tony Blair",
/// "Cherie Blair" and "Blair"). So a name with a merged surname is counted again: the
/// articles matching the search that carry either name. That is what a `--person` filter
/// for the name finds among them when it adds the same surname (the filter decides over the
/// whole index, the facet over the search's results; over the whole index both agree).
fn person_values(counts: &Fruit, top: usize, exact: &ExactPersons<'_>) -> Vec<FacetValue> {
    // As the merge ranks: highest count first, ties by name.
    let order =
        |a: &FacetValue, b: &FacetValue| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value));
    let mut wider = top.saturating_add(EXACT_MARGIN);
    loop {
        let candidates = match counts {
            Fruit::Table {
                names,
                counts: c,
                matched,
                ..
            } => match names.by_merged_bound(counts.range("/")) {
                Some((order, bounds)) if *matched >= TOP_BY_TOTAL_MIN => {
                    surnames::merge_tabled_by_bound(names, order, bounds, c, wider)
                }
                _ => {
                    let range = counts.range("/");
                    match counts.touched_in(range.clone()) {
                        Some(touched) => surnames::merge_counted(names, touched, c, wider),
                        None => surnames::merge_counted(names, nonzero(c, range), c, wider),
                    }
                }
            },
            Fruit::Map(_) => surnames::merge(&counts.children("/"), wider),
        };
        let all = candidates.len() < wider;
        // Counts only go down: once `top` values are counted again, a candidate ranked
        // below the last of them by its summed count cannot pass it, nor can the ones after.
        let mut values: Vec<FacetValue> = Vec::new();
        let mut settled = all;
        for m in candidates {
            if values.len() >= top {
                values.sort_by(order);
                if order(&m.value, &values[top - 1]).is_gt() {
                    settled = true;
                    break;
                }
            }
            let mut value = m.value;
            if let Some(surname) = &m.surname {
                if let Some(count) = exact.count(&value.value, surname, value.count) {
                    value.count = count;
                }
            }
            values.push(value);
        }
        if settled {
            values.sort_by(order);
            values.truncate(top);
            return values;
        }
        // Every candidate was lowered below a name not yet counted: look further.
        wider = wider.saturating_mul(2);
    }
}

/// How many more person names than asked for are first ranked again after
/// [`ExactPersons`] lowers the counts of some.
const EXACT_MARGIN: usize = 10;

/// Counts the articles of a search that carry one of some person names.
struct ExactPersons<'a> {
    searcher: &'a Searcher,
    query: &'a dyn Query,
    field: tantivy::schema::Field,
    /// The search's matching documents, when it collected them (for the facet tables).
    matched: Option<&'a facet_table::Matched>,
}

impl ExactPersons<'_> {
    /// The articles matching the search that carry `name` or `surname`, whose counts add up
    /// to `summed` (`None` if the count fails: the caller keeps the summed count).
    fn count(&self, name: &str, surname: &str, summed: u64) -> Option<u64> {
        let (name, surname) = (
            build::person_term(self.field, name),
            build::person_term(self.field, surname),
        );
        self.matched
            .and_then(|matched| self.both_in(matched, &name, &surname))
            .map(|both| summed.saturating_sub(both))
            .or_else(|| self.count_by_query(&[name, surname]))
    }

    /// The matching documents that carry both names: the two postings walked together
    /// (each skips ahead to the other's document), which at a million articles costs a
    /// fraction of reading them whole (BENCHMARKS.md, "Session 8").
    fn both_in(
        &self,
        matched: &facet_table::Matched,
        name: &tantivy::Term,
        surname: &tantivy::Term,
    ) -> Option<u64> {
        use tantivy::DocSet;
        let mut both = 0u64;
        for (segment, docs) in matched.iter().filter(|(_, docs)| !docs.is_empty()) {
            let reader = self.searcher.segment_readers().get(*segment as usize)?;
            let index = reader.inverted_index(self.field).ok()?;
            let basic = tantivy::schema::IndexRecordOption::Basic;
            let (Some(mut a), Some(mut b)) = (
                index.read_postings(name, basic).ok()?,
                index.read_postings(surname, basic).ok()?,
            ) else {
                continue;
            };
            let mut doc = a.doc();
            while doc != tantivy::TERMINATED {
                // `seek` goes forward only.
                let other = if b.doc() < doc { b.seek(doc) } else { b.doc() };
                if other == doc {
                    // Deleted documents have postings but are never matched.
                    both += u64::from(docs.binary_search(&doc).is_ok());
                    doc = a.advance();
                } else if other == tantivy::TERMINATED {
                    break;
                } else {
                    doc = a.seek(other);
                }
            }
        }
        Some(both)
    }

    /// The search's query and the names, counted.
    fn count_by_query(&self, names: &[tantivy::Term]) -> Option<u64> {
        use tantivy::query::{BooleanQuery, TermQuery};
        let names: Vec<Box<dyn Query>> = names
            .iter()
            .map(|term| {
                Box::new(TermQuery::new(
                    term.clone(),
                    tantivy::schema::IndexRecordOption::Basic,
                )) as Box<dyn Query>
            })
            .collect();
        let both = BooleanQuery::intersection(vec![
            self.query.box_clone(),
            Box::new(BooleanQuery::union(names)),
        ]);
        self.searcher.search(&both, &Count).ok().map(|c| c as u64)
    }
}

fn hits(
    searcher: &Searcher,
    store: &Store,
    query: &dyn Query,
    req: &SearchRequest,
    docs: &[(f32, DocAddress)],
) -> Result<Vec<Hit>> {
    let fields = &store.fields;
    let mut snippets = if req.query.as_deref().is_some_and(|q| !q.trim().is_empty()) {
        Some(snippet::Snippets::new(searcher, query, fields.body)?)
    } else {
        None
    };
    let mut out = Vec::with_capacity(docs.len());
    for (score, addr) in docs {
        // An article whose stored fields cannot be read (damaged on disk: its checksum
        // fails) does not fail the search: it is listed by its file, which the fast fields
        // hold apart from the store, with what is wrong in place of its headline.
        let read = store.hit(searcher, *addr);
        let (mut record, date) = match read {
            Ok(r) => r,
            Err(e) => {
                let file = file_of(searcher, *addr).unwrap_or_default();
                let record = crate::pack::Record {
                    id: file.clone(),
                    file,
                    title: format!(
                        "[unreadable: {e}; rebuild the index with `newsdex index --full`]"
                    ),
                    ..Default::default()
                };
                (record, None)
            }
        };
        let body = &record.body;
        let (snippet, highlights) = match snippets.as_mut().and_then(|g| g.snippet(body)) {
            Some(s) => {
                let frag = s.fragment;
                let hl = s
                    .highlighted
                    .iter()
                    .map(|r| {
                        [
                            frag[..r.start].chars().count(),
                            frag[..r.end].chars().count(),
                        ]
                    })
                    .collect();
                (frag, hl)
            }
            None => (lead(body, snippet::MAX_CHARS), Vec::new()),
        };
        let e = std::mem::take(&mut record.entities);
        out.push(Hit {
            date,
            score: *score,
            snippet,
            highlights,
            persons: e.persons.into_iter().map(|p| p.name).collect(),
            places: e.places.into_iter().map(|p| p.name).collect(),
            orgs: e.orgs.into_iter().map(|p| p.name).collect(),
            amounts: e.amounts,
            id: record.id,
            path: record.file,
            title: record.title,
        });
    }
    Ok(out)
}

/// The file a document came from, read from the `file` fast field.
fn file_of(searcher: &Searcher, addr: DocAddress) -> Option<String> {
    let column = searcher
        .segment_reader(addr.segment_ord)
        .fast_fields()
        .str("file")
        .ok()??;
    let ord = column.term_ords(addr.doc_id).next()?;
    let mut out = String::new();
    column.ord_to_str(ord, &mut out).ok()?.then_some(out)
}

/// The first sentence-ish part of a text, cut at a word boundary.
fn lead(text: &str, max_chars: usize) -> String {
    let text = text.trim();
    if text.chars().count() <= max_chars {
        return text.split_whitespace().collect::<Vec<_>>().join(" ");
    }
    let cut: String = text.chars().take(max_chars).collect();
    let cut = cut
        .rsplit_once(char::is_whitespace)
        .map_or(cut.as_str(), |(a, _)| a);
    format!("{}…", cut.split_whitespace().collect::<Vec<_>>().join(" "))
}

#[cfg(test)]
mod tests {
    use super::nonzero;

    #[test]
    fn nonzero_counts_are_every_counted_id_of_the_range_in_order() {
        // Sparse runs, dense runs, a count at each run edge, and ranges cut anywhere.
        let mut counts = vec![0u32; 200];
        for id in [0, 31, 32, 33, 63, 64, 100, 101, 102, 150, 199] {
            counts[id] = id as u32 + 1;
        }
        counts[110..140].iter_mut().for_each(|c| *c = 7);
        for (start, end) in [
            (0, 200),
            (1, 200),
            (31, 65),
            (33, 33),
            (100, 101),
            (150, 300),
            (250, 300),
        ] {
            let expected: Vec<(u32, u32)> = (start..end.min(200))
                .filter(|&id| counts[id as usize] > 0)
                .map(|id| (id, counts[id as usize]))
                .collect();
            assert_eq!(
                nonzero(&counts, start..end).collect::<Vec<_>>(),
                expected,
                "{start}..{end}"
            );
        }
    }
}
