//! Facet counting that looks facet names up once per segment, in one ordered pass.
//!
//! tantivy's `FacetCollector` turns every counted facet ordinal into its name with a random
//! `ord_to_term` lookup, which decompresses a whole dictionary block (and builds a new zstd
//! context) each time: a query matching most of a 21,578-article index spent seconds there
//! (see BENCHMARKS.md). This collector counts ordinals into an array, then resolves the
//! non-zero ones in ascending order with `sorted_ords_to_term_cb`, which reads each block once.
//!
//! It counts documents per facet value at depth `root + 1` for each requested root, which is
//! what `FacetCollector` reports when every indexed facet sits exactly one level below a
//! requested root: true of all newsdex facet fields (`/Name`, `/country/Belgium`,
//! `/bucket/1m-10m`, `/currency/EUR`). A document with several deeper facets under the same
//! child would be counted once per facet here, once there.

use std::collections::btree_map;
use std::collections::BTreeMap;
use std::ops::Bound;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::fastfield::FacetReader;
use tantivy::schema::Facet;
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

/// Counts matching documents under each child of some root facets of one facet field.
pub(crate) struct FacetCount {
    field: String,
    /// Encoded roots ("" for `/`, "country" for `/country`).
    roots: Vec<String>,
}

impl FacetCount {
    /// Counts the children of each of `roots` in the facet field `field`.
    pub(crate) fn new(field: &str, roots: &[&str]) -> FacetCount {
        FacetCount {
            field: field.to_string(),
            roots: roots
                .iter()
                .map(|r| Facet::from(*r).encoded_str().to_string())
                .collect(),
        }
    }
}

/// Facet values with the number of matching documents, like tantivy's `FacetCounts`.
#[derive(Debug, Default, Clone)]
pub(crate) struct Counts {
    counts: BTreeMap<Facet, u64>,
}

impl Counts {
    /// Every counted facet strictly below `facet`, in facet order.
    pub(crate) fn get<T>(&self, facet: T) -> impl Iterator<Item = (&Facet, u64)>
    where
        Facet: From<T>,
    {
        let facet = Facet::from(facet);
        let upper = if facet.is_root() {
            Bound::Unbounded
        } else {
            let mut after = facet.encoded_str().as_bytes().to_vec();
            after.push(1);
            match Facet::from_encoded(after) {
                Ok(f) => Bound::Excluded(f),
                Err(_) => Bound::Unbounded,
            }
        };
        let range: btree_map::Range<'_, Facet, u64> =
            self.counts.range((Bound::Excluded(facet), upper));
        range.map(|(f, c)| (f, *c))
    }

    /// The `k` facets below `facet` with the highest counts, highest first (ties by name).
    pub(crate) fn top_k<T>(&self, facet: T, k: usize) -> Vec<(&Facet, u64)>
    where
        Facet: From<T>,
    {
        let order = |a: &(&Facet, u64), b: &(&Facet, u64)| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0));
        let mut all: Vec<(&Facet, u64)> = self.get(facet).collect();
        keep_top(&mut all, k, order);
        all
    }
}

/// Keeps the `k` first items of `items` in `order` (a total order), sorted. The k best are
/// selected first (linear), then only those are sorted: a broad query has thousands of
/// values, most of them tied at small counts.
pub(crate) fn keep_top<T>(
    items: &mut Vec<T>,
    k: usize,
    order: impl Fn(&T, &T) -> std::cmp::Ordering,
) {
    if k == 0 {
        items.clear();
        return;
    }
    if items.len() > k {
        items.select_nth_unstable_by(k - 1, &order);
        items.truncate(k);
    }
    items.sort_by(order);
}

/// The `k` (id, count) pairs with the highest counts, highest first, ties by lower id: the
/// order of [`keep_top`] by count then id, kept in a heap of `k` while the pairs stream by
/// (a broad query counts thousands of values, and only 10 are shown).
pub(crate) fn top_counts<C: Ord + Copy>(
    items: impl IntoIterator<Item = (u32, C)>,
    k: usize,
) -> Vec<(u32, C)> {
    let mut top = TopK::new(k);
    if k > 0 {
        for (id, count) in items {
            top.offer(id, count);
        }
    }
    top.into_sorted()
}

/// [`top_counts`] of the ids in `order` with a count in `counts`, where `order` lists ids
/// by their `totals` (highest first, ties by lower id) and no count exceeds its id's total.
///
/// The walk stops at the first id whose total is below the least count kept: no id after it
/// can enter. For a broad search that is a few dozen ids, where scanning every id's count
/// meant tens of thousands, and thousands of them non-zero.
pub(crate) fn top_by_total(
    counts: &[u32],
    totals: &[u32],
    order: &[u32],
    k: usize,
) -> Vec<(u32, u32)> {
    if k == 0 {
        return Vec::new();
    }
    let at = |v: &[u32], id: u32| v.get(id as usize).copied().unwrap_or(0);
    let mut top = TopK::new(k);
    for &id in order {
        if top.least().is_some_and(|least| at(totals, id) < least) {
            break;
        }
        let count = at(counts, id);
        if count > 0 {
            top.offer(id, count);
        }
    }
    top.into_sorted()
}

/// The `k` best (id, count) pairs offered so far: highest count first, ties by lower id.
/// Each pair may carry a payload `P` (ids are distinct, so it never decides an order).
pub(super) struct TopK<C, P = ()> {
    /// The greatest key is the worst pair kept: lowest count, then highest id.
    heap: std::collections::BinaryHeap<(std::cmp::Reverse<C>, u32, P)>,
    k: usize,
}

impl<C: Ord + Copy, P: Ord> TopK<C, P> {
    pub(super) fn new(k: usize) -> TopK<C, P> {
        TopK {
            heap: std::collections::BinaryHeap::with_capacity(k.saturating_add(1).min(1 << 16)),
            k,
        }
    }

    /// The least count kept, once `k` pairs are.
    pub(super) fn least(&self) -> Option<C> {
        let full = self.heap.len() == self.k;
        self.heap.peek().filter(|_| full).map(|(c, _, _)| c.0)
    }

    /// Offers the pair (`id`, `count`) with its payload.
    pub(super) fn offer_with(&mut self, id: u32, count: C, payload: P) {
        let entry = (std::cmp::Reverse(count), id, payload);
        if self.heap.len() < self.k {
            self.heap.push(entry);
        } else if self
            .heap
            .peek()
            .is_some_and(|worst| (&entry.0, entry.1) < (&worst.0, worst.1))
        {
            self.heap.pop();
            self.heap.push(entry);
        }
    }

    /// The pairs kept with their payloads, best first.
    pub(super) fn into_sorted_with(self) -> Vec<(u32, C, P)> {
        let mut out: Vec<(u32, C, P)> = self
            .heap
            .into_iter()
            .map(|(c, id, p)| (id, c.0, p))
            .collect();
        out.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        out
    }
}

impl<C: Ord + Copy> TopK<C> {
    fn offer(&mut self, id: u32, count: C) {
        self.offer_with(id, count, ());
    }

    fn into_sorted(self) -> Vec<(u32, C)> {
        self.into_sorted_with()
            .into_iter()
            .map(|(id, c, ())| (id, c))
            .collect()
    }
}

/// The per-segment part of [`FacetCount`].
pub(crate) struct SegmentFacetCount {
    reader: FacetReader,
    counts: Vec<u32>,
    roots: Vec<String>,
}

impl Collector for FacetCount {
    type Fruit = Counts;
    type Child = SegmentFacetCount;

    fn for_segment(
        &self,
        _: SegmentOrdinal,
        segment: &SegmentReader,
    ) -> tantivy::Result<SegmentFacetCount> {
        let reader = segment.facet_reader(&self.field)?;
        Ok(SegmentFacetCount {
            counts: vec![0; reader.num_facets()],
            reader,
            roots: self.roots.clone(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, mut fruits: Vec<Counts>) -> tantivy::Result<Counts> {
        if fruits.len() == 1 {
            return Ok(fruits.pop().unwrap_or_default());
        }
        // Each segment's counts come in facet order: the concatenation is a few sorted runs,
        // which a stable sort merges, and the map is built in bulk from the sorted pairs.
        // Inserting them one by one into the largest map was a fifth of the instructions of
        // a one-shot faceted search on 1,078,900 articles in 8 segments (BENCHMARKS.md,
        // "Session 18: search latency").
        let mut all: Vec<(Facet, u64)> = fruits.into_iter().flat_map(|f| f.counts).collect();
        all.sort_by(|a, b| a.0.cmp(&b.0));
        sum_equal_neighbours(&mut all);
        Ok(Counts {
            counts: all.into_iter().collect(),
        })
    }
}

impl SegmentCollector for SegmentFacetCount {
    type Fruit = Counts;

    fn collect(&mut self, doc: DocId, _: Score) {
        let mut previous = u64::MAX;
        for ord in self.reader.facet_ords(doc) {
            if ord != previous {
                if let Some(c) = self.counts.get_mut(ord as usize) {
                    *c += 1;
                }
                previous = ord;
            }
        }
    }

    fn harvest(self) -> Counts {
        let (ords, found): (Vec<u64>, Vec<u64>) = self
            .counts
            .iter()
            .enumerate()
            .filter(|(_, c)| **c > 0)
            .map(|(ord, c)| (ord as u64, u64::from(*c)))
            .unzip();
        let mut found = found.into_iter();
        let roots = &self.roots;
        // Dictionary order is facet order, so the children arrive sorted for each root:
        // equal neighbours are summed here, and the map is built in bulk at the end.
        let mut by_root: Vec<Vec<(Vec<u8>, u64)>> = vec![Vec::new(); roots.len()];
        // A dictionary read error leaves the counts found so far; search still answers.
        let _ = self
            .reader
            .facet_dict()
            .sorted_ords_to_term_cb(&ords, |bytes| {
                let Some(count) = found.next() else {
                    return;
                };
                for (root, list) in roots.iter().zip(by_root.iter_mut()) {
                    if let Some(child) = child_of(bytes, root.as_bytes()) {
                        match list.last_mut() {
                            Some((last, c)) if last.as_slice() == child => *c += count,
                            _ => list.push((child.to_vec(), count)),
                        }
                    }
                }
            });
        let mut all: Vec<(Vec<u8>, u64)> = by_root.into_iter().flatten().collect();
        all.sort_by(|a, b| a.0.cmp(&b.0)); // a no-op for one root: already in order
        sum_equal_neighbours(&mut all);
        let counts = all
            .into_iter()
            .filter_map(|(bytes, count)| Some((Facet::from_encoded(bytes).ok()?, count)))
            .collect();
        Counts { counts }
    }
}

/// Folds each run of pairs with equal keys into its first pair, with the counts summed.
fn sum_equal_neighbours<K: PartialEq>(pairs: &mut Vec<(K, u64)>) {
    pairs.dedup_by(|later, kept| {
        let same = later.0 == kept.0;
        if same {
            kept.1 += later.1;
        }
        same
    });
}

/// The encoded facet one level below `root` on the path of `facet`, if `facet` is below it.
pub(crate) fn child_of<'a>(facet: &'a [u8], root: &[u8]) -> Option<&'a [u8]> {
    const SEP: u8 = 0;
    let start = if root.is_empty() {
        0
    } else if facet.len() > root.len() && facet.starts_with(root) && facet[root.len()] == SEP {
        root.len() + 1
    } else {
        return None;
    };
    if start >= facet.len() {
        return None;
    }
    let end = facet[start..]
        .iter()
        .position(|b| *b == SEP)
        .map_or(facet.len(), |p| start + p);
    Some(&facet[..end])
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic random number generator (a linear congruential one).
    fn lcg(mut seed: u64) -> impl FnMut() -> u32 {
        move || {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) as u32
        }
    }

    #[test]
    fn top_counts_equal_keep_top() {
        let mut next = lcg(3);
        for round in 0..200 {
            let n = next() % 300;
            let mut items: Vec<(u32, u32)> = (0..n).map(|id| (id * 3, next() % 7)).collect();
            // In any order: the tie-break by id must not rely on ids coming sorted.
            items.sort_by_cached_key(|_| next());
            for k in [0, 1, 3, 10, 500] {
                let mut expected = items.clone();
                keep_top(&mut expected, k, |a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
                assert_eq!(
                    top_counts(items.iter().copied(), k),
                    expected,
                    "round {round} k {k}"
                );
            }
        }
    }

    /// The walk by totals keeps what the scan of every count keeps, ties included: counts
    /// and totals are drawn from a few values so that many tie, at the cut as elsewhere.
    #[test]
    fn top_by_total_equals_top_counts() {
        let mut next = lcg(11);
        for round in 0..300 {
            let n = next() % 200;
            let totals: Vec<u32> = (0..n).map(|_| next() % 6).collect();
            let counts: Vec<u32> = totals
                .iter()
                .map(|&t| if t == 0 { 0 } else { next() % (t + 1) })
                .collect();
            let mut order: Vec<u32> = (0..n).collect();
            order.sort_by(|&a, &b| totals[b as usize].cmp(&totals[a as usize]).then(a.cmp(&b)));
            let nonzero = counts
                .iter()
                .enumerate()
                .filter(|(_, &c)| c > 0)
                .map(|(id, &c)| (id as u32, c));
            for k in [0, 1, 2, 3, 10, 500] {
                assert_eq!(
                    top_by_total(&counts, &totals, &order, k),
                    top_counts(nonzero.clone(), k),
                    "round {round} k {k}"
                );
            }
        }
    }

    use tantivy::collector::{FacetCollector, MultiCollector};
    use tantivy::query::AllQuery;
    use tantivy::schema::{FacetOptions, Schema};
    use tantivy::{doc, Index, IndexWriter};

    #[test]
    fn child_of_paths() {
        let f = Facet::from("/country/Belgium");
        let enc = f.encoded_str().as_bytes();
        assert_eq!(child_of(enc, b""), Some(&b"country"[..]));
        assert_eq!(child_of(enc, b"country"), Some(enc));
        assert_eq!(child_of(enc, b"count"), None);
        assert_eq!(child_of(b"country", b"country"), None);
        assert_eq!(child_of(b"", b""), None);
    }

    /// Same counts as tantivy's FacetCollector on facets one level below the roots, over
    /// several segments, with many values (several dictionary blocks).
    #[test]
    fn agrees_with_facet_collector() {
        let mut b = Schema::builder();
        let person = b.add_facet_field("person", FacetOptions::default());
        let level = b.add_facet_field("level", FacetOptions::default());
        let index = Index::create_in_ram(b.build());
        let mut w: IndexWriter = index.writer(15_000_000).expect("writer");
        for i in 0..3000u32 {
            let name = format!("/Person {}", (i * 7919) % 1201);
            let other = format!("/Person {}", (i * 31) % 97);
            let country = format!("/country/C{}", i % 13);
            let city = format!("/city/Town {}", (i * 13) % 401);
            w.add_document(doc!(
                person => Facet::from(name.as_str()),
                person => Facet::from(other.as_str()),
                level => Facet::from(country.as_str()),
                level => Facet::from(city.as_str()),
            ))
            .expect("add");
            if i % 1000 == 999 {
                w.commit().expect("commit");
            }
        }
        w.commit().expect("commit");
        let searcher = index.reader().expect("reader").searcher();
        assert!(searcher.segment_readers().len() >= 2);

        let mut multi = MultiCollector::new();
        let mut tp = FacetCollector::for_field("person");
        tp.add_facet("/");
        let mut tl = FacetCollector::for_field("level");
        tl.add_facet("/country");
        tl.add_facet("/city");
        let hp = multi.add_collector(tp);
        let hl = multi.add_collector(tl);
        let mp = multi.add_collector(FacetCount::new("person", &["/"]));
        let ml = multi.add_collector(FacetCount::new("level", &["/country", "/city"]));
        let mut fruits = searcher.search(&AllQuery, &multi).expect("search");
        let (tp, tl) = (hp.extract(&mut fruits), hl.extract(&mut fruits));
        let (mp, ml) = (mp.extract(&mut fruits), ml.extract(&mut fruits));

        let theirs: Vec<(String, u64)> = tp.get("/").map(|(f, c)| (f.to_string(), c)).collect();
        let ours: Vec<(String, u64)> = mp.get("/").map(|(f, c)| (f.to_string(), c)).collect();
        assert_eq!(theirs.len(), 1201);
        assert_eq!(theirs, ours);
        for root in ["/country", "/city"] {
            let theirs: Vec<(String, u64)> =
                tl.get(root).map(|(f, c)| (f.to_string(), c)).collect();
            let ours: Vec<(String, u64)> = ml.get(root).map(|(f, c)| (f.to_string(), c)).collect();
            assert!(!theirs.is_empty());
            assert_eq!(theirs, ours, "{root}");
            let t: Vec<(String, u64)> = tl
                .top_k(root, 5)
                .into_iter()
                .map(|(f, c)| (f.to_string(), c))
                .collect();
            let o: Vec<(String, u64)> = ml
                .top_k(root, 5)
                .into_iter()
                .map(|(f, c)| (f.to_string(), c))
                .collect();
            assert_eq!(t, o, "{root}");
        }
    }
}
