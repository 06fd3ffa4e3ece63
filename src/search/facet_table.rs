//! Decoded facet columns, built once per reader generation and shared by later searches.
//!
//! Counting facets straight from tantivy's columns costs several indirect calls per matching
//! document and field (optional-index rank, two bit-packed start offsets, one bit-packed
//! ordinal per value): most of a broad faceted search on a 1M-article index (BENCHMARKS.md,
//! "Session 3"). [`FacetTables`] holds every document's facet values of all four facet
//! fields as small integer ids, one row per document, so that counting is one slice walk
//! and an increment per value (about 30 bytes a document at 1M articles).
//!
//! The ids are *global*: they number the distinct children (one level below a root, as in
//! [`super::facet_count`]) over every segment of the reader, field by field, in facet order.
//! Counts of several segments therefore add up by id, and the order of ids is the order of
//! names, which gives the same tie order as the name-keyed counts.

use super::facet_count::child_of;
use super::surnames::WordLinks;
use std::sync::{Arc, Mutex, OnceLock};
use tantivy::index::SegmentId;
use tantivy::schema::Facet;
use tantivy::{DocId, Searcher, SegmentReader};

/// No child under any requested root.
const NONE: u32 = u32::MAX;

/// The values of some facet fields for every document of every segment of a searcher.
pub(crate) struct FacetTables {
    /// Names and id ranges of each field, in the order asked for.
    fields: Vec<FieldNames>,
    /// Per segment (searcher order): the values of each document, all fields together.
    segments: Vec<SegmentRows>,
    /// Child ids in all (the length of a count array).
    num_ids: usize,
    /// Count arrays of earlier searches, all zero again, for the next ones
    /// ([`FacetTables::recycle`]).
    spare: Mutex<Vec<Vec<u32>>>,
}

/// Most zeroed count arrays kept for later searches: one per search running at once.
const SPARE_MAX: usize = 4;

/// The children counted in one facet field.
pub(crate) struct FieldNames {
    /// Encoded children in facet order, concatenated; child `i` is `bytes[ends[i-1]..ends[i]]`.
    bytes: Vec<u8>,
    ends: Vec<u32>,
    /// The field's first id in the shared id space (its children are `offset..offset+len`).
    offset: u32,
    /// For each root (in the order asked for), the range of child ids below it, from 0.
    root_ranges: Vec<std::ops::Range<u32>>,
    /// Which one-word child each longer child starts and ends with, made on first use (the
    /// person facet's surname merge).
    links: OnceLock<WordLinks>,
    /// Each child's count over every live document when the tables were built (by id from
    /// 0); empty for a field made by [`FieldNames::from_names`].
    totals: Vec<u32>,
    /// The ids of each root's range, that range's positions here, highest total first, ties
    /// by id ([`FieldNames::ordered_by`]).
    by_total: Vec<u32>,
    /// For the surname merge of the person facet: the bound of each child's merged count
    /// ([`WordLinks::merged_bounds`]) and the ids of each root's range in the order of
    /// those bounds; made on first use.
    merge_order: OnceLock<(Vec<u64>, Vec<u32>)>,
}

impl FieldNames {
    /// The encoded child with id `id` (from 0 within this field).
    pub(crate) fn name(&self, id: u32) -> &[u8] {
        let i = id as usize;
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        &self.bytes[start..self.ends[i] as usize]
    }

    /// The number of children.
    pub(crate) fn len(&self) -> u32 {
        self.ends.len() as u32
    }

    /// The id of the child written `name` (encoded), by binary search in facet order.
    pub(crate) fn find(&self, name: &[u8]) -> Option<u32> {
        let (mut lo, mut hi) = (0u32, self.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            match self.name(mid).cmp(name) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return Some(mid),
            }
        }
        None
    }

    /// The [`WordLinks`] of this field's children, made on the first call.
    pub(crate) fn word_links(&self) -> &WordLinks {
        self.links.get_or_init(|| WordLinks::build(self))
    }

    /// A field whose children are `names` (in facet order) under the root `"/"`.
    pub(crate) fn from_names(names: &[String]) -> FieldNames {
        let mut bytes = Vec::new();
        let mut ends = Vec::new();
        for n in names {
            bytes.extend_from_slice(n.as_bytes());
            ends.push(bytes.len() as u32);
        }
        let all = 0..names.len() as u32;
        FieldNames {
            bytes,
            ends,
            offset: 0,
            root_ranges: vec![all],
            links: OnceLock::new(),
            totals: Vec::new(),
            by_total: Vec::new(),
            merge_order: OnceLock::new(),
        }
    }

    /// The ids of `range` (a root's range), highest total first, ties by id, with every id's
    /// total; `None` when the tables hold no totals.
    pub(crate) fn by_total(&self, range: std::ops::Range<u32>) -> Option<(&[u32], &[u32])> {
        if self.totals.is_empty() {
            return None;
        }
        let ids = self
            .by_total
            .get(range.start as usize..range.end as usize)?;
        Some((ids, &self.totals))
    }

    /// The ids of `range` (a root's range) in order of the bound on their merged count, with
    /// every id's bound (see [`WordLinks::merged_bounds`]); `None` when the tables hold no
    /// totals.
    pub(crate) fn by_merged_bound(&self, range: std::ops::Range<u32>) -> Option<(&[u32], &[u64])> {
        if self.totals.is_empty() {
            return None;
        }
        let (bounds, order) = self.merge_order.get_or_init(|| {
            let bounds = self.word_links().merged_bounds(&self.totals);
            let order = self.ordered_by(|id| bounds[id as usize]);
            (bounds, order)
        });
        Some((order.get(range.start as usize..range.end as usize)?, bounds))
    }

    /// Each child's count over every live document when the tables were built, by id from
    /// 0 (empty for a field made by [`FieldNames::from_names`]).
    pub(crate) fn totals(&self) -> &[u32] {
        &self.totals
    }

    /// Sets the totals (by id from 0) and orders each root's ids by them.
    fn set_totals(&mut self, totals: Vec<u32>) {
        self.by_total = self.ordered_by(|id| totals.get(id as usize).copied().unwrap_or(0));
        self.totals = totals;
    }

    /// The field's ids with each root's range ordered by `key`, highest first, ties by id
    /// (which is facet order, the order ties of counts are broken in).
    fn ordered_by<K: Ord>(&self, key: impl Fn(u32) -> K) -> Vec<u32> {
        let mut order: Vec<u32> = (0..self.len()).collect();
        for range in &self.root_ranges {
            order[range.start as usize..range.end as usize]
                .sort_unstable_by(|&a, &b| key(b).cmp(&key(a)).then(a.cmp(&b)));
        }
        order
    }

    /// Child ids (from 0 within this field) below the `root`-th root.
    pub(crate) fn root_range(&self, root: usize) -> std::ops::Range<u32> {
        self.root_ranges.get(root).cloned().unwrap_or(0..0)
    }

    /// The field's first id in the ids of all fields.
    pub(crate) fn offset(&self) -> u32 {
        self.offset
    }

    /// This field's part of a count array over all fields.
    pub(crate) fn counts_of<'a>(&self, counts: &'a [u32]) -> &'a [u32] {
        let start = self.offset as usize;
        counts
            .get(start..start + self.ends.len())
            .unwrap_or_default()
    }
}

/// Compressed rows of one segment: document `d` has the ids `ids[starts[d]..starts[d+1]]`
/// (each field's children, the fields one after the other).
struct SegmentRows {
    starts: Vec<u32>,
    ids: Ids,
    /// Counts by id over the segment's live documents (when the tables were built).
    totals: Vec<u32>,
}

/// Ids in two bytes when they fit: counting is bound by memory traffic.
enum Ids {
    Small(Vec<u16>),
    Large(Vec<u32>),
}

impl SegmentRows {
    /// Adds the segment's counts over its live documents to `counts`.
    fn add_totals(&self, counts: &mut [u32]) {
        for (c, t) in counts.iter_mut().zip(&self.totals) {
            *c = c.wrapping_add(*t);
        }
    }

    /// Appends the ids of document `doc` to `out`.
    fn ids_of(&self, doc: DocId, out: &mut Vec<u32>) {
        let d = doc as usize;
        let (Some(&s), Some(&e)) = (self.starts.get(d), self.starts.get(d + 1)) else {
            return;
        };
        let (s, e) = (s as usize, e as usize);
        match &self.ids {
            Ids::Small(ids) => out.extend(
                ids.get(s..e)
                    .unwrap_or_default()
                    .iter()
                    .map(|&id| u32::from(id)),
            ),
            Ids::Large(ids) => out.extend_from_slice(ids.get(s..e).unwrap_or_default()),
        }
    }

    /// Adds one to `counts[id]` for each id of each document in `docs` (`ADD`), or takes
    /// one off (not `ADD`). Counts wrap: taking off before the totals are added ends right.
    fn count<const ADD: bool>(&self, docs: &[DocId], counts: &mut [u32]) {
        match &self.ids {
            Ids::Small(ids) => count_rows::<ADD, u16>(&self.starts, ids, docs, counts),
            Ids::Large(ids) => count_rows::<ADD, u32>(&self.starts, ids, docs, counts),
        }
    }
}

fn count_rows<const ADD: bool, T: Copy + Into<u32>>(
    starts: &[u32],
    ids: &[T],
    docs: &[DocId],
    counts: &mut [u32],
) {
    for &doc in docs {
        let d = doc as usize;
        let (Some(&s), Some(&e)) = (starts.get(d), starts.get(d + 1)) else {
            continue;
        };
        for &id in ids.get(s as usize..e as usize).unwrap_or_default() {
            if let Some(c) = counts.get_mut(id.into() as usize) {
                *c = if ADD {
                    c.wrapping_add(1)
                } else {
                    c.wrapping_sub(1)
                };
            }
        }
    }
}

impl FacetTables {
    /// The names of the `i`-th field.
    pub(crate) fn field(&self, i: usize) -> Option<&FieldNames> {
        self.fields.get(i)
    }

    /// Counts by id over every live document of every segment (all fields).
    fn totals(&self) -> Vec<u32> {
        let mut out = vec![0u32; self.num_ids];
        for rows in &self.segments {
            rows.add_totals(&mut out);
        }
        out
    }

    /// Decodes the facet fields `specs` (field name, encoded roots: "" for `/`) for every
    /// segment of `searcher`. `None` when the roots of a field nest (one below another): a
    /// value would then count under two children, which one id per value cannot say.
    pub(crate) fn build(
        searcher: &Searcher,
        specs: &[(&str, Vec<String>)],
    ) -> tantivy::Result<Option<FacetTables>> {
        if specs.iter().any(|(_, roots)| nested(roots)) {
            return Ok(None);
        }
        let mut fields = Vec::with_capacity(specs.len());
        // Per field, per segment: each document's ids (from 0 within the field).
        let mut columns: Vec<Vec<Rows>> = Vec::with_capacity(specs.len());
        let mut offset = 0u32;
        for (field, roots) in specs {
            let (names, rows) = field_rows(searcher, field, roots, offset)?;
            offset = offset
                .checked_add(u32::try_from(names.ends.len()).map_err(too_big)?)
                .ok_or_else(too_big_msg)?;
            fields.push(names);
            columns.push(rows);
        }
        let num_ids = offset as usize;
        let mut segments = Vec::new();
        for (seg, segment) in searcher.segment_readers().iter().enumerate() {
            let max_doc = segment.max_doc() as usize;
            let total: usize = columns.iter().map(|c| c[seg].ids.len()).sum();
            let mut starts = Vec::with_capacity(max_doc + 1);
            let mut ids: Vec<u32> = Vec::with_capacity(total);
            starts.push(0u32);
            for doc in 0..max_doc {
                for (column, names) in columns.iter().zip(&fields) {
                    let rows = &column[seg];
                    let (s, e) = (rows.starts[doc] as usize, rows.starts[doc + 1] as usize);
                    ids.extend(rows.ids[s..e].iter().map(|id| id + names.offset));
                }
                starts.push(u32::try_from(ids.len()).map_err(too_big)?);
            }
            let ids = match u16::try_from(num_ids) {
                Ok(_) => Ids::Small(ids.iter().map(|&id| id as u16).collect()),
                Err(_) => Ids::Large(ids),
            };
            let mut rows = SegmentRows {
                starts,
                ids,
                totals: Vec::new(),
            };
            let live: Vec<DocId> = segment.doc_ids_alive().collect();
            let mut totals = vec![0u32; num_ids];
            rows.count::<true>(&live, &mut totals);
            rows.totals = totals;
            segments.push(rows);
        }
        let mut tables = FacetTables {
            fields,
            segments,
            num_ids,
            spare: Mutex::new(Vec::new()),
        };
        let totals = tables.totals();
        for names in &mut tables.fields {
            let own = names.counts_of(&totals).to_vec();
            names.set_totals(own);
        }
        Ok(Some(tables))
    }
}

/// Whether some root lies below another (or twice in the list).
fn nested(roots: &[String]) -> bool {
    roots.iter().enumerate().any(|(i, a)| {
        roots.iter().enumerate().any(|(j, b)| {
            i != j && (a.is_empty() || a == b || child_of(b.as_bytes(), a.as_bytes()).is_some())
        })
    })
}

fn too_big_msg() -> tantivy::TantivyError {
    tantivy::TantivyError::InternalError("facet table over 4 GiB".to_string())
}

fn too_big(_: std::num::TryFromIntError) -> tantivy::TantivyError {
    too_big_msg()
}

/// One field's values per document of one segment, as ids from 0 within the field.
struct Rows {
    starts: Vec<u32>,
    ids: Vec<u32>,
}

/// The children of `roots` in `field` over all segments, and each segment's rows.
fn field_rows(
    searcher: &Searcher,
    field: &str,
    roots: &[String],
    offset: u32,
) -> tantivy::Result<(FieldNames, Vec<Rows>)> {
    // Per segment: its distinct children in order and each ordinal's local child index.
    let mut locals: Vec<(Vec<Vec<u8>>, Vec<u32>)> = Vec::new();
    for segment in searcher.segment_readers() {
        locals.push(local_children(segment, field, roots)?);
    }
    // The global list: a merge of the sorted per-segment lists.
    let mut all: Vec<&[u8]> = locals
        .iter()
        .flat_map(|(children, _)| children.iter().map(Vec::as_slice))
        .collect();
    all.sort_unstable();
    all.dedup();
    let mut bytes = Vec::with_capacity(all.iter().map(|c| c.len()).sum());
    let mut ends = Vec::with_capacity(all.len());
    for child in &all {
        bytes.extend_from_slice(child);
        ends.push(u32::try_from(bytes.len()).map_err(too_big)?);
    }
    let root_ranges = roots
        .iter()
        .map(|root| {
            let below = |c: &&[u8]| {
                root.is_empty()
                    || (c.len() > root.len()
                        && c.starts_with(root.as_bytes())
                        && c[root.len()] == 0)
            };
            let start = all.partition_point(|c| *c < root.as_bytes());
            let len = all[start..].iter().take_while(|c| below(c)).count();
            start as u32..(start + len) as u32
        })
        .collect();
    let mut rows = Vec::with_capacity(locals.len());
    for (segment, (children, ord_to_local)) in searcher.segment_readers().iter().zip(&locals) {
        let to_global: Vec<u32> = children
            .iter()
            .map(|c| all.binary_search(&c.as_slice()).map_or(NONE, |i| i as u32))
            .collect();
        let ord_to_global: Vec<u32> = ord_to_local
            .iter()
            .map(|&l| to_global.get(l as usize).copied().unwrap_or(NONE))
            .collect();
        rows.push(segment_rows(segment, field, &ord_to_global)?);
    }
    drop(all);
    let names = FieldNames {
        bytes,
        ends,
        offset,
        root_ranges,
        links: OnceLock::new(),
        totals: Vec::new(),
        by_total: Vec::new(),
        merge_order: OnceLock::new(),
    };
    Ok((names, rows))
}

/// One segment's distinct children of `roots` in facet order, and for each ordinal of the
/// segment's facet dictionary the index of its child in that list (or [`NONE`]).
fn local_children(
    segment: &SegmentReader,
    field: &str,
    roots: &[String],
) -> tantivy::Result<(Vec<Vec<u8>>, Vec<u32>)> {
    let Some(column) = segment.fast_fields().str(field)? else {
        return Ok((Vec::new(), Vec::new()));
    };
    let mut children: Vec<Vec<u8>> = Vec::new();
    let mut ord_to_local = vec![NONE; column.num_terms()];
    let mut terms = column.dictionary().stream()?;
    while terms.advance() {
        let facet = terms.key();
        let Some(child) = roots
            .iter()
            .find_map(|root| child_of(facet, root.as_bytes()))
        else {
            continue;
        };
        // Dictionary order is facet order, so equal children are neighbours.
        if children.last().map(Vec::as_slice) != Some(child) {
            children.push(child.to_vec());
        }
        if let Some(slot) = ord_to_local.get_mut(terms.term_ord() as usize) {
            *slot = (children.len() - 1) as u32;
        }
    }
    Ok((children, ord_to_local))
}

/// Every document's children as ids, with repeated ordinals of one document (neighbours)
/// kept once, as [`super::facet_count`] counts them.
fn segment_rows(
    segment: &SegmentReader,
    field: &str,
    ord_to_global: &[u32],
) -> tantivy::Result<Rows> {
    let max_doc = segment.max_doc();
    let mut starts = Vec::with_capacity(max_doc as usize + 1);
    starts.push(0u32);
    let Some(column) = segment.fast_fields().str(field)? else {
        starts.resize(max_doc as usize + 1, 0);
        return Ok(Rows {
            starts,
            ids: Vec::new(),
        });
    };
    let ords = column.ords();
    // All ordinals in one sequential decode (cheap), then cut by each document's row range.
    let num_rows = ords.values.num_vals() as usize;
    let mut values = vec![0u64; num_rows];
    const CHUNK: usize = 1 << 16;
    for (i, chunk) in values.chunks_mut(CHUNK).enumerate() {
        ords.values.get_range((i * CHUNK) as u64, chunk);
    }
    let mut ids: Vec<u32> = Vec::with_capacity(num_rows);
    for doc in 0..max_doc {
        let mut previous = u64::MAX;
        for row in ords.index.value_row_ids(doc) {
            let Some(&ord) = values.get(row as usize) else {
                continue;
            };
            if ord == previous {
                continue;
            }
            previous = ord;
            let id = ord_to_global.get(ord as usize).copied().unwrap_or(NONE);
            if id != NONE {
                ids.push(id);
            }
        }
        starts.push(u32::try_from(ids.len()).map_err(too_big)?);
    }
    Ok(Rows { starts, ids })
}

/// The tables of the reader's current segments.
#[derive(Default)]
pub(crate) struct TableCache {
    inner: Mutex<CacheState>,
}

#[derive(Default)]
struct CacheState {
    /// The segments the tables were built for (searcher order), with their deleted-document
    /// counts (the totals hold live documents only).
    segments: Vec<(SegmentId, u32)>,
    tables: Option<Arc<FacetTables>>,
    /// Faceted searches seen for these segments (the tables are built on the second one).
    searches: u32,
}

impl TableCache {
    /// The tables of `specs` for `searcher`, from the second faceted search on the same
    /// segments on (built then, kept until the segments change); `None` before, so that a
    /// one-shot CLI call never pays for them, and `None` if `specs` cannot be tabled. The
    /// specs must be the same on every call.
    pub(crate) fn get(
        &self,
        searcher: &Searcher,
        specs: &[(&str, Vec<String>)],
    ) -> tantivy::Result<Option<Arc<FacetTables>>> {
        {
            let mut state = self.inner.lock().unwrap_or_else(|e| e.into_inner());
            state.reset_if_changed(searcher);
            if let Some(t) = &state.tables {
                return Ok(Some(t.clone()));
            }
            state.searches = state.searches.saturating_add(1);
            if state.searches < 2 {
                return Ok(None);
            }
        }
        // Built outside the lock; racing builders make the same tables.
        let Some(tables) = FacetTables::build(searcher, specs)? else {
            return Ok(None);
        };
        let tables = Arc::new(tables);
        let mut state = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        state.reset_if_changed(searcher);
        state.tables = Some(tables.clone());
        Ok(Some(tables))
    }
}

impl CacheState {
    fn reset_if_changed(&mut self, searcher: &Searcher) {
        let now = searcher
            .segment_readers()
            .iter()
            .map(|s| (s.segment_id(), s.num_deleted_docs()));
        if !self.segments.iter().copied().eq(now.clone()) {
            self.segments = now.collect();
            self.tables = None;
            self.searches = 0;
        }
    }
}

/// Encodes a root facet (`"/country"` → `"country"`, `"/"` → `""`).
pub(crate) fn encoded_root(root: &str) -> String {
    Facet::from(root).encoded_str().to_string()
}

/// The matching documents of each segment, by segment ordinal, ascending.
pub(crate) type Matched = Vec<(u32, Vec<DocId>)>;

/// Collects the matching documents of each segment (for counting with tables afterwards).
pub(crate) struct DocIds;

/// The per-segment part of [`DocIds`].
pub(crate) struct SegmentDocIds {
    segment: u32,
    docs: Vec<DocId>,
}

impl tantivy::collector::Collector for DocIds {
    type Fruit = Matched;
    type Child = SegmentDocIds;

    fn for_segment(
        &self,
        segment: tantivy::SegmentOrdinal,
        _: &SegmentReader,
    ) -> tantivy::Result<SegmentDocIds> {
        Ok(SegmentDocIds {
            segment,
            docs: Vec::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<Matched>) -> tantivy::Result<Matched> {
        Ok(fruits.into_iter().flatten().collect())
    }
}

impl tantivy::collector::SegmentCollector for SegmentDocIds {
    type Fruit = Matched;

    fn collect(&mut self, doc: DocId, _: tantivy::Score) {
        self.docs.push(doc);
    }

    fn collect_block(&mut self, docs: &[DocId]) {
        self.docs.extend_from_slice(docs);
    }

    fn harvest(self) -> Self::Fruit {
        vec![(self.segment, self.docs)]
    }
}

impl FacetTables {
    /// The ids (of all fields, ascending, each once) that the documents `docs` carry: the
    /// ids [`FacetTables::count`] counts. `None` for more than `limit` documents.
    ///
    /// Most searches match a handful of articles. Their facet values are then these few
    /// ids, where scanning the counts of every name of the index (tens of thousands) was a
    /// tenth of such a search (BENCHMARKS.md, "Session 18: search latency").
    pub(crate) fn touched(&self, docs: &[(u32, Vec<DocId>)], limit: usize) -> Option<Vec<u32>> {
        if docs.iter().map(|(_, d)| d.len()).sum::<usize>() > limit {
            return None;
        }
        let mut out = Vec::new();
        for (seg, docs) in docs {
            let rows = self.segments.get(*seg as usize)?;
            for &doc in docs {
                rows.ids_of(doc, &mut out);
            }
        }
        out.sort_unstable();
        out.dedup();
        Some(out)
    }
}

/// Fewest documents to count for which counting is split over two threads (a thread
/// costs some tens of microseconds; counting a document some nanoseconds).
const PARALLEL_MIN_DOCS: usize = 50_000;

impl FacetTables {
    /// Counts the values of the matching documents `docs` (per segment ordinal of
    /// `searcher`), on two threads when there are many: one count by id over all fields.
    ///
    /// A segment where most live documents match is counted the other way round: its
    /// totals, less the live documents that do not match. A query matching the whole index
    /// then costs next to nothing, and the worst case is half the segment.
    pub(crate) fn count(&self, searcher: &Searcher, docs: &[(u32, Vec<DocId>)]) -> IdCounts {
        // (segment, documents, add or take off)
        let mut work: Vec<(usize, &[DocId], bool)> = Vec::new();
        let mut complements: Vec<(usize, Vec<DocId>)> = Vec::new();
        for (seg, matched) in docs {
            let seg = *seg as usize;
            let Some(segment) = searcher.segment_readers().get(seg) else {
                continue;
            };
            if matched.len() * 2 > segment.num_docs() as usize && matched.is_sorted() {
                complements.push((seg, not_matched(segment, matched)));
            } else {
                work.push((seg, matched, true));
            }
        }
        work.extend(
            complements
                .iter()
                .map(|(seg, d)| (*seg, d.as_slice(), false)),
        );
        let count = |part: &[(usize, &[DocId], bool)]| -> Vec<u32> {
            let mut counts = self.zeroed();
            for (seg, d, add) in part {
                let Some(rows) = self.segments.get(*seg) else {
                    continue;
                };
                if *add {
                    rows.count::<true>(d, &mut counts);
                } else {
                    rows.count::<false>(d, &mut counts);
                }
            }
            counts
        };
        let total: usize = work.iter().map(|(_, d, _)| d.len()).sum();
        let mut out = if total < PARALLEL_MIN_DOCS {
            count(&work)
        } else {
            // Two halves by document count; a segment's list may be cut in two.
            let (mut first, mut second) = (Vec::new(), Vec::new());
            let mut left = total / 2;
            for (seg, d, add) in work {
                if left >= d.len() {
                    left -= d.len();
                    first.push((seg, d, add));
                } else if left > 0 {
                    let (a, b) = d.split_at(left);
                    first.push((seg, a, add));
                    second.push((seg, b, add));
                    left = 0;
                } else {
                    second.push((seg, d, add));
                }
            }
            let (mut a, b) = std::thread::scope(|s| {
                let other = s.spawn(|| count(&second));
                let mine = count(&first);
                (mine, other.join())
            });
            // The helper does not panic on valid tables; if it did, its half is counted here.
            let b = b.unwrap_or_else(|_| count(&second));
            for (c, d) in a.iter_mut().zip(b) {
                *c = c.wrapping_add(d);
            }
            a
        };
        for (seg, _) in &complements {
            if let Some(rows) = self.segments.get(*seg) {
                rows.add_totals(&mut out);
            }
        }
        IdCounts {
            by_id: out,
            matched_only: complements.is_empty(),
        }
    }
}

/// The counts of one search by id, from [`FacetTables::count`].
pub(crate) struct IdCounts {
    pub(crate) by_id: Vec<u32>,
    /// Every count was added up from the matched documents' ids (no segment was counted as
    /// its totals less the documents that did not match), so no other count is non-zero.
    matched_only: bool,
}

impl FacetTables {
    /// A count array of zeros: a spare one when there is one.
    fn zeroed(&self) -> Vec<u32> {
        let spare = self.spare.lock().ok().and_then(|mut s| s.pop());
        spare.unwrap_or_else(|| vec![0u32; self.num_ids])
    }

    /// Takes back the count array of a search for later ones, zeroing it: only at the ids
    /// `touched` ([`FacetTables::touched`]: every id of the matched documents) when the
    /// counts were added up from those documents alone, else all of it.
    ///
    /// A search matching a handful of articles then neither allocates nor clears the whole
    /// array (28,000 counts on Reuters, 113 KB): that was most of the facet work of such a
    /// search (BENCHMARKS.md, "Session 19: a count array per search, snippets eight bytes at
    /// a time, cheaper reading").
    pub(crate) fn recycle(&self, counts: IdCounts, touched: Option<&[u32]>) {
        let IdCounts {
            by_id: mut counts,
            matched_only,
        } = counts;
        if counts.len() != self.num_ids {
            return;
        }
        match touched.filter(|_| matched_only) {
            Some(ids) => {
                for &id in ids {
                    if let Some(c) = counts.get_mut(id as usize) {
                        *c = 0;
                    }
                }
            }
            None => counts.fill(0),
        }
        debug_assert!(
            counts.iter().all(|&c| c == 0),
            "a count outside the touched ids"
        );
        if let Ok(mut spare) = self.spare.lock() {
            if spare.len() < SPARE_MAX {
                spare.push(counts);
            }
        }
    }
}

/// The live documents of `segment` missing from `matched` (ascending).
fn not_matched(segment: &SegmentReader, matched: &[DocId]) -> Vec<DocId> {
    let alive = segment.alive_bitset();
    let mut out = Vec::with_capacity((segment.num_docs() as usize).saturating_sub(matched.len()));
    let mut next = matched.iter().copied().peekable();
    for doc in 0..segment.max_doc() {
        if next.peek() == Some(&doc) {
            next.next();
            continue;
        }
        if alive.is_none_or(|a| a.is_alive(doc)) {
            out.push(doc);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::collector::{FacetCollector, MultiCollector};
    use tantivy::query::{AllQuery, Query, TermQuery};
    use tantivy::schema::{FacetOptions, IndexRecordOption, Schema, STRING};
    use tantivy::{doc, Index, IndexWriter, Term};

    /// Counts from tables, over several segments with deleted documents, a sparse query, a
    /// query matching most documents (counted as totals less the rest) and one large
    /// enough for two threads, against tantivy's `FacetCollector`.
    #[test]
    fn agrees_with_facet_collector() {
        let mut b = Schema::builder();
        let person = b.add_facet_field("person", FacetOptions::default());
        let level = b.add_facet_field("level", FacetOptions::default());
        let tag = b.add_text_field("tag", STRING);
        let index = Index::create_in_ram(b.build());
        let mut w: IndexWriter = index.writer(50_000_000).expect("writer");
        let n = PARALLEL_MIN_DOCS as u32 * 4;
        for i in 0..n {
            let t = match i {
                _ if i % 7 == 0 => "gone",
                _ if i % 9 == 0 => "rare",
                _ => "common",
            };
            let mut d = doc!(tag => t);
            if i % 5 < 2 {
                d.add_text(tag, "part"); // 40 %: two threads, counted directly
            }
            // Some documents without values, some with a repeated value.
            if i % 11 != 0 {
                let name = format!("/Person {}", (i * 7919) % 1201);
                d.add_facet(person, Facet::from(name.as_str()));
                d.add_facet(person, Facet::from(name.as_str()));
                d.add_facet(person, Facet::from(format!("/P{}", i % 97).as_str()));
            }
            d.add_facet(level, Facet::from(format!("/country/C{}", i % 13).as_str()));
            d.add_facet(
                level,
                Facet::from(format!("/city/Town {}", (i * 13) % 401).as_str()),
            );
            d.add_facet(level, Facet::from("/other/x"));
            w.add_document(d).expect("add");
            if i % (n / 3) == n / 3 - 1 {
                w.commit().expect("commit");
            }
        }
        w.commit().expect("commit");
        w.delete_term(Term::from_field_text(tag, "gone"));
        w.commit().expect("commit");
        let searcher = index.reader().expect("reader").searcher();
        assert!(searcher.segment_readers().len() >= 2);
        assert!(searcher
            .segment_readers()
            .iter()
            .any(|s| s.num_deleted_docs() > 0));

        let specs: Vec<(&str, Vec<String>)> = vec![
            ("person", vec![encoded_root("/")]),
            (
                "level",
                vec![encoded_root("/country"), encoded_root("/city")],
            ),
        ];
        let tables = FacetTables::build(&searcher, &specs)
            .expect("build")
            .expect("roots do not nest");
        assert!(matches!(tables.segments[0].ids, Ids::Small(_)));
        let common = TermQuery::new(
            Term::from_field_text(tag, "common"),
            IndexRecordOption::Basic,
        );
        let sparse = TermQuery::new(Term::from_field_text(tag, "rare"), IndexRecordOption::Basic);
        let part = TermQuery::new(Term::from_field_text(tag, "part"), IndexRecordOption::Basic);
        let queries: [&dyn Query; 4] = [&AllQuery, &common, &sparse, &part];
        // Twice, each search's count array taken back for the next ones: zeroed at the
        // listed ids in the first round, wholly in the second.
        for (round, query) in queries.iter().chain(&queries).enumerate() {
            let mut multi = MultiCollector::new();
            let mut tp = FacetCollector::for_field("person");
            tp.add_facet("/");
            let mut tl = FacetCollector::for_field("level");
            tl.add_facet("/country");
            tl.add_facet("/city");
            let hp = multi.add_collector(tp);
            let hl = multi.add_collector(tl);
            let hd = multi.add_collector(DocIds);
            let mut fruits = searcher.search(*query, &multi).expect("search");
            let (tp, tl) = (hp.extract(&mut fruits), hl.extract(&mut fruits));
            let matched = hd.extract(&mut fruits);
            let counted = tables.count(&searcher, &matched);
            let counts = &counted.by_id;
            let check = |names: &FieldNames, root: usize, theirs: Vec<(String, u64)>| {
                let ours: Vec<(String, u64)> = names
                    .root_range(root)
                    .filter_map(|id| {
                        let c = *names.counts_of(counts).get(id as usize)?;
                        let f = Facet::from_encoded(names.name(id).to_vec()).ok()?;
                        (c > 0).then(|| (f.to_string(), u64::from(c)))
                    })
                    .collect();
                assert_eq!(ours, theirs);
            };
            let (p, l) = (
                tables.field(0).expect("person"),
                tables.field(1).expect("level"),
            );
            let theirs = |fc: &tantivy::collector::FacetCounts, root: &str| {
                fc.get(root)
                    .map(|(f, c)| (f.to_string(), c))
                    .collect::<Vec<_>>()
            };
            assert!(theirs(&tp, "/").len() > 1000);
            check(p, 0, theirs(&tp, "/"));
            check(l, 0, theirs(&tl, "/country"));
            check(l, 1, theirs(&tl, "/city"));
            let touched = tables.touched(&matched, usize::MAX);
            assert!(touched.as_ref().is_some_and(|t| !t.is_empty()));
            // `recycle` asserts that the array is all zero again.
            tables.recycle(
                counted,
                touched.as_deref().filter(|_| round < queries.len()),
            );
        }
        assert!(!tables.spare.lock().expect("spare").is_empty());
    }

    #[test]
    fn nested_roots_are_refused() {
        let roots = |r: &[&str]| r.iter().map(|x| encoded_root(x)).collect::<Vec<_>>();
        assert!(nested(&roots(&["/", "/country"])));
        assert!(nested(&roots(&["/country", "/country/Belgium"])));
        assert!(nested(&roots(&["/city", "/city"])));
        assert!(!nested(&roots(&["/country", "/countryside", "/city"])));
        assert!(!nested(&roots(&["/"])));
    }
}
