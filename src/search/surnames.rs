//! The person facet's surname merge: articles that only name a surname ("Blair", resolved
//! within an article only when the full name also appears there) are counted under the full
//! name that ends with it ("Tony Blair") when that name, with the names that share its given
//! name ("George Bush" with "George W. Bush"), has at least 3/4 of such counts and the word is
//! not mostly a given name in the results ("Charles Kennedy" keeps "Charles" apart).
//!
//! Both merges name the surname they moved into each full name: an article can carry both
//! (a "Blair" it could not assign next to "Tony Blair" and "Cherie Blair"), so the search
//! counts those names' articles again rather than add the two counts.
//!
//! [`merge`] applies the rule to the names a search counted. [`merge_counted`] applies the same
//! rule to the counts of the facet tables, by id: which one-word name each longer name starts
//! and ends with is worked out once per table ([`WordLinks`]), so that a search only adds
//! counts (in a broad query, hashing every counted name's words was a fifth of the time of a
//! faceted search; BENCHMARKS.md, "Session 6: search latency").

use super::facet_count::{keep_top, top_counts, TopK};
use super::facet_table::FieldNames;
use super::{last_part, last_part_str, FacetValue};
use std::collections::HashMap;

/// A value of the person facet and the one-word name whose count [`merge`] added to it (at
/// most one: a full name takes only the one-word name equal to its last word).
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Merged {
    pub value: FacetValue,
    pub surname: Option<String>,
}

/// The merge on (name, count) pairs in facet order (names unique): the counts of one search.
/// Each value comes with the surnames merged into it.
pub(super) fn merge<S: AsRef<str>>(all: &[(S, u64)], top: usize) -> Vec<Merged> {
    // One pass to index the multi-word names by their first and last word, so that the
    // merge below costs O(names) and not O(names²) (a broad query counts thousands).
    #[derive(Default)]
    struct Word {
        /// Counts of the names ending with this word.
        as_last: u64,
        /// The index of the name ending with this word with the highest count (the last
        /// one on ties), and that count.
        best: Option<(usize, u64)>,
        /// Counts of the names starting with this word.
        as_first: u64,
        /// Counts of the names ending with this word that share `best`'s first word.
        group: u64,
    }
    let mut words: HashMap<&str, Word> = HashMap::new();
    for (i, (name, count)) in all.iter().enumerate() {
        let name = name.as_ref();
        let (Some((first, _)), Some((_, last))) = (name.split_once(' '), name.rsplit_once(' '))
        else {
            continue;
        };
        let w = words.entry(last).or_default();
        w.as_last += count;
        if w.best.is_none_or(|(_, c)| *count >= c) {
            w.best = Some((i, *count));
        }
        words.entry(first).or_default().as_first += count;
    }
    for (name, count) in all {
        let name = name.as_ref();
        let (Some((first, _)), Some((_, last))) = (name.split_once(' '), name.rsplit_once(' '))
        else {
            continue;
        };
        if let Some(w) = words.get_mut(last) {
            let best_first = w.best.and_then(|(b, _)| all[b].0.as_ref().split_once(' '));
            if best_first.is_some_and(|(f, _)| f == first) {
                w.group += count;
            }
        }
    }
    // Counts by index into `all`; `None` for a surname merged into its full name.
    let mut merged: Vec<Option<u64>> = all.iter().map(|(_, c)| Some(*c)).collect();
    // (target, surname) index pairs.
    let mut moved: Vec<(usize, usize)> = Vec::new();
    for (i, (name, count)) in all.iter().enumerate() {
        let name = name.as_ref();
        if name.contains(' ') {
            continue;
        }
        let Some(w) = words.get(name) else {
            continue;
        };
        if w.as_first * 2 > w.as_last {
            continue; // mostly a given name ("Charles", "David"): ambiguous
        }
        if let Some((target, _)) = w.best {
            if w.group * 4 >= w.as_last * 3 {
                if let Some(Some(c)) = merged.get_mut(target) {
                    *c += count;
                }
                merged[i] = None;
                moved.push((target, i));
            }
        }
    }
    let source = |value: &str| -> Option<String> {
        moved
            .iter()
            .find(|(t, _)| all[*t].0.as_ref() == value)
            .map(|(_, i)| all[*i].0.as_ref().to_string())
    };
    ranked(
        all.iter()
            .zip(merged)
            .filter_map(|((name, _), c)| Some((name.as_ref(), c?)))
            .collect(),
        top,
    )
    .into_iter()
    .map(|value| Merged {
        surname: source(&value.value),
        value,
    })
    .collect()
}

/// The words of a `--person` value of several words, with the forms its last word may have
/// as a one-word person: as written and capitalised ("bush" → "Bush").
fn surname_forms(name: &str) -> Option<(String, Vec<String>)> {
    let words: Vec<&str> = name.split_whitespace().collect();
    let [_, .., surname] = words[..] else {
        return None;
    };
    let mut chars = surname.chars();
    let capitalised: String = chars
        .next()
        .into_iter()
        .flat_map(char::to_uppercase)
        .chain(chars.flat_map(char::to_lowercase))
        .collect();
    let mut forms = vec![surname.to_string()];
    if capitalised != surname {
        forms.push(capitalised);
    }
    Some((words.join(" "), forms))
}

/// Whether two names are equal without case and full stops ("George W. Bush", "george w
/// bush").
fn same_name(a: &str, b: &str) -> bool {
    let (a, b) = (a.replace('.', ""), b.replace('.', ""));
    a.eq_ignore_ascii_case(&b)
        || (!(a.is_ascii() && b.is_ascii()) && a.to_lowercase() == b.to_lowercase())
}

/// The one-word person that the person facet, over the whole index, counts under the full
/// name `name` ("Bush" under "George W. Bush"): a `--person` filter for that name also matches
/// the articles naming only the surname, so that it finds the articles the facet counts.
/// `name` is compared without case; the surname is looked up as written and capitalised.
/// Counts are the facet terms' document frequencies in `field`'s term dictionaries
/// (documents deleted since the last merge included), which are read whole: about a
/// microsecond per distinct person. [`surname_counted_under_tabled`] does the same with the
/// facet tables of a long-lived store.
pub(crate) fn surname_counted_under(
    searcher: &tantivy::Searcher,
    field: tantivy::schema::Field,
    name: &str,
) -> crate::Result<Option<String>> {
    let Some((_, forms)) = surname_forms(name) else {
        return Ok(None);
    };
    // The names that start or end with one of the forms, in facet order (the merge breaks
    // ties by it: the terms' byte order).
    let mut counts: std::collections::BTreeMap<String, u64> = std::collections::BTreeMap::new();
    for reader in searcher.segment_readers() {
        let index = reader.inverted_index(field)?;
        let mut terms = index
            .terms()
            .stream()
            .map_err(|e| crate::Error::Index(format!("person facet terms: {e}")))?;
        while terms.advance() {
            // A person is a facet of one level: its term is the name itself.
            let Ok(n) = std::str::from_utf8(terms.key()) else {
                continue;
            };
            let first = n.split(' ').next().unwrap_or(n);
            let last = n.rsplit(' ').next().unwrap_or(n);
            if forms.iter().any(|f| f == first || f == last) {
                *counts.entry(n.to_string()).or_default() += u64::from(terms.value().doc_freq);
            }
        }
    }
    // The same look-up as with the tables, on a table of these names.
    let names: Vec<String> = counts.keys().cloned().collect();
    let totals: Vec<u32> = counts
        .values()
        .map(|&c| u32::try_from(c).unwrap_or(u32::MAX))
        .collect();
    Ok(surname_counted_under_tabled(
        &FieldNames::from_names(&names),
        &totals,
        name,
    ))
}

/// [`surname_counted_under`] with the facet tables: the person field's names and their
/// counts over every live document, by id within the field.
pub(crate) fn surname_counted_under_tabled(
    names: &FieldNames,
    counts: &[u32],
    name: &str,
) -> Option<String> {
    let (wanted, forms) = surname_forms(name)?;
    let count = |id: u32| u64::from(counts.get(id as usize).copied().unwrap_or(0));
    let (one, id) = forms
        .into_iter()
        .find_map(|f| names.find(f.as_bytes()).map(|id| (f, id)))?;
    let target = surname_target(names.word_links(), id, count)?;
    same_name(&last_part_str(names.name(target)), &wanted).then_some(one)
}

/// The `top` names with the highest counts, highest first (ties by name; names unique).
fn ranked(mut counts: Vec<(&str, u64)>, top: usize) -> Vec<FacetValue> {
    keep_top(&mut counts, top, |a, b| {
        b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0))
    });
    counts
        .into_iter()
        .map(|(v, count)| FacetValue {
            value: v.to_string(),
            count,
            level: None,
        })
        .collect()
}

/// For each one-word name of a facet field, the longer names that end with it and those that
/// start with it (ids from 0 within the field, ascending).
pub(crate) struct WordLinks {
    /// `enders[ends_at[id]..ends_at[id + 1]]` end with name `id`'s word.
    ends_at: Vec<u32>,
    enders: Vec<u32>,
    /// `starters[starts_at[id]..starts_at[id + 1]]` start with name `id`'s word.
    starts_at: Vec<u32>,
    starters: Vec<u32>,
    /// Each name's first word, numbered (`u32::MAX` for a one-word name).
    first: Vec<u32>,
    /// The one-word name each longer name ends with (`u32::MAX`: a one-word name, or a last
    /// word that is no name of the field).
    last: Vec<u32>,
}

impl WordLinks {
    /// The links of the names of a field.
    pub(crate) fn build(names: &FieldNames) -> WordLinks {
        let len = names.len();
        let name = |id: u32| last_part_str(names.name(id));
        let mut single: HashMap<String, u32> = HashMap::new();
        for id in 0..len {
            let n = name(id);
            if !n.contains(' ') {
                single.insert(n.into_owned(), id);
            }
        }
        let (mut ends, mut starts) = (Vec::new(), Vec::new());
        let mut first_words: HashMap<String, u32> = HashMap::new();
        let mut firsts = vec![u32::MAX; len as usize];
        let mut lasts = vec![u32::MAX; len as usize];
        for id in 0..len {
            let n = name(id);
            let (Some((first, _)), Some((_, last))) = (n.split_once(' '), n.rsplit_once(' '))
            else {
                continue;
            };
            let next = first_words.len() as u32;
            firsts[id as usize] = *first_words.entry(first.to_string()).or_insert(next);
            if let Some(&w) = single.get(last) {
                ends.push((w, id));
                lasts[id as usize] = w;
            }
            if let Some(&w) = single.get(first) {
                starts.push((w, id));
            }
        }
        let (ends_at, enders) = csr(ends, len);
        let (starts_at, starters) = csr(starts, len);
        WordLinks {
            ends_at,
            enders,
            starts_at,
            starters,
            first: firsts,
            last: lasts,
        }
    }

    /// A bound on each name's merged count over any search, from the counts over the whole
    /// index (by id): its own, plus its last word's when that is a one-word name, the only
    /// one that can move into it.
    pub(crate) fn merged_bounds(&self, totals: &[u32]) -> Vec<u64> {
        let total = |id: u32| u64::from(totals.get(id as usize).copied().unwrap_or(0));
        (0..self.last.len() as u32)
            .map(|id| match self.last[id as usize] {
                u32::MAX => total(id),
                word => total(id) + total(word),
            })
            .collect()
    }

    fn enders(&self, id: u32) -> &[u32] {
        let i = id as usize;
        &self.enders[self.ends_at[i] as usize..self.ends_at[i + 1] as usize]
    }

    fn starters(&self, id: u32) -> &[u32] {
        let i = id as usize;
        &self.starters[self.starts_at[i] as usize..self.starts_at[i + 1] as usize]
    }
}

/// (word id, name id) pairs, name ids ascending, as offsets by word id and the name ids.
fn csr(mut pairs: Vec<(u32, u32)>, len: u32) -> (Vec<u32>, Vec<u32>) {
    pairs.sort_by_key(|&(w, _)| w); // stable: name ids stay ascending
    let mut at = vec![0u32; len as usize + 1];
    for &(w, _) in &pairs {
        at[w as usize + 1] += 1;
    }
    for i in 1..at.len() {
        at[i] += at[i - 1];
    }
    (at, pairs.into_iter().map(|(_, id)| id).collect())
}

/// [`merge_counted`] over every counted name of `range` (the person facet's ids, in facet
/// order).
#[cfg(test)]
pub(super) fn merge_tabled(
    names: &FieldNames,
    range: std::ops::Range<u32>,
    counts: &[u32],
    top: usize,
) -> Vec<Merged> {
    merge_counted(names, super::nonzero(counts, range), counts, top)
}

/// [`merge`] on the counts by id of the person facet's names (`counts`), with the field's
/// [`WordLinks`]: `counted` lists the (id, count) pairs of the counted names in id order.
pub(super) fn merge_counted(
    names: &FieldNames,
    counted: impl Iterator<Item = (u32, u32)>,
    counts: &[u32],
    top: usize,
) -> Vec<Merged> {
    let links = names.word_links();
    let count = |id: u32| u64::from(counts.get(id as usize).copied().unwrap_or(0));
    let mut kept: Vec<(u32, u64)> = Vec::new();
    // (target, surname, count)
    let mut moved: Vec<(u32, u32, u64)> = Vec::new();
    for (id, c) in counted {
        let c = u64::from(c);
        match surname_target(links, id, count) {
            Some(target) => moved.push((target, id, c)),
            None => kept.push((id, c)),
        }
    }
    // `kept` is in id order, and every target is a counted name that was kept.
    for &(target, _, c) in &moved {
        if let Ok(i) = kept.binary_search_by_key(&target, |&(id, _)| id) {
            kept[i].1 += c;
        }
    }
    // Ids are in facet order: ties by id are ties by name.
    top_counts(kept, top)
        .into_iter()
        .map(|(id, count)| Merged {
            value: FacetValue {
                value: last_part(names.name(id)),
                count,
                level: None,
            },
            surname: moved
                .iter()
                .find(|(t, _, _)| *t == id)
                .map(|(_, s, _)| last_part(names.name(*s))),
        })
        .collect()
}

/// [`merge_counted`], walking the names of `order` (the ids of a root's range, highest `bounds`
/// first, ties by id) where `bounds` bounds each name's merged count: the walk stops at the
/// first name whose bound is below the least count kept. A broad search then works out the
/// merge for a few dozen names instead of every name it counted.
pub(super) fn merge_tabled_by_bound(
    names: &FieldNames,
    order: &[u32],
    bounds: &[u64],
    counts: &[u32],
    top: usize,
) -> Vec<Merged> {
    if top == 0 {
        return Vec::new();
    }
    let links = names.word_links();
    let count = |id: u32| u64::from(counts.get(id as usize).copied().unwrap_or(0));
    // Each kept name with the surname merged into it.
    let mut kept: TopK<u64, Option<u32>> = TopK::new(top);
    for &id in order {
        if kept
            .least()
            .is_some_and(|least| bounds.get(id as usize).copied().unwrap_or(0) < least)
        {
            break;
        }
        let own = count(id);
        if own == 0 {
            continue;
        }
        let (merged, word) = match links.last.get(id as usize).copied() {
            // A one-word name counted under a full name is no value of its own.
            _ if surname_target(links, id, count).is_some() => continue,
            Some(word)
                if word != u32::MAX
                    && count(word) > 0
                    && surname_target(links, word, count) == Some(id) =>
            {
                (own + count(word), Some(word))
            }
            _ => (own, None),
        };
        kept.offer_with(id, merged, word);
    }
    kept.into_sorted_with()
        .into_iter()
        .map(|(id, count, word)| Merged {
            value: FacetValue {
                value: last_part(names.name(id)),
                count,
                level: None,
            },
            surname: word.map(|w| last_part(names.name(w))),
        })
        .collect()
}

/// The full name that the one-word name `id` is counted under, if the rule of [`merge`] moves
/// it (`None` for a longer name).
fn surname_target(links: &WordLinks, id: u32, count: impl Fn(u32) -> u64) -> Option<u32> {
    let (mut as_last, mut best) = (0u64, None::<(u32, u64)>);
    for &e in links.enders(id) {
        let c = count(e);
        if c > 0 {
            as_last += c;
            if best.is_none_or(|(_, b)| c >= b) {
                best = Some((e, c));
            }
        }
    }
    let (target, _) = best?;
    let first = links.first[target as usize];
    let group: u64 = links
        .enders(id)
        .iter()
        .filter(|&&e| links.first[e as usize] == first)
        .map(|&e| count(e))
        .sum();
    let as_first: u64 = links.starters(id).iter().map(|&s| count(s)).sum();
    (as_first * 2 <= as_last && group * 4 >= as_last * 3).then_some(target)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    /// [`super::merge`]'s values alone.
    fn merge<S: AsRef<str>>(all: &[(S, u64)], top: usize) -> Vec<FacetValue> {
        super::merge(all, top)
            .into_iter()
            .map(|m| m.value)
            .collect()
    }

    /// [`super::merge_tabled`]'s values alone.
    fn merge_tabled(
        names: &FieldNames,
        range: std::ops::Range<u32>,
        counts: &[u32],
        top: usize,
    ) -> Vec<FacetValue> {
        super::merge_tabled(names, range, counts, top)
            .into_iter()
            .map(|m| m.value)
            .collect()
    }

    #[test]
    fn merged_surnames_are_named_with_their_full_name() {
        let all: Vec<(String, u64)> = [
            ("Blair", 9),
            ("Cherie Blair", 2),
            ("Gordon Brown", 7),
            ("Tony Blair", 30),
        ]
        .into_iter()
        .map(|(n, c)| (n.to_string(), c))
        .collect();
        let names: Vec<String> = all.iter().map(|(n, _)| n.clone()).collect();
        let counts: Vec<u32> = all.iter().map(|(_, c)| *c as u32).collect();
        let table = FieldNames::from_names(&names);
        let by_id = super::merge_tabled(&table, 0..names.len() as u32, &counts, 10);
        for merged in [super::merge(&all, 10), by_id] {
            let blair = &merged[0];
            assert_eq!(
                (blair.value.value.as_str(), blair.value.count),
                ("Tony Blair", 39)
            );
            assert_eq!(blair.surname.as_deref(), Some("Blair"));
            assert!(merged[1..].iter().all(|m| m.surname.is_none()));
            assert_eq!(merged.len(), 3);
        }
    }

    /// The surname rule written the direct way (every name against every other one).
    fn merge_slow(all: &[(String, u64)], top: usize) -> Vec<FacetValue> {
        let mut merged: BTreeMap<&str, u64> = all.iter().map(|(n, c)| (n.as_str(), *c)).collect();
        for (name, count) in all {
            if name.contains(' ') {
                continue;
            }
            let (suffix, prefix) = (format!(" {name}"), format!("{name} "));
            let full: Vec<&(String, u64)> =
                all.iter().filter(|(n, _)| n.ends_with(&suffix)).collect();
            let total: u64 = full.iter().map(|(_, c)| c).sum();
            let as_given: u64 = all
                .iter()
                .filter(|(n, _)| n.starts_with(&prefix))
                .map(|(_, c)| c)
                .sum();
            if as_given * 2 > total {
                continue;
            }
            if let Some((target, _)) = full.iter().max_by_key(|(_, c)| *c) {
                let given = |n: &str| n.split(' ').next().map(str::to_string);
                let group: u64 = full
                    .iter()
                    .filter(|(n, _)| given(n) == given(target))
                    .map(|(_, c)| c)
                    .sum();
                if group * 4 >= total * 3 {
                    *merged.entry(target.as_str()).or_default() += count;
                    merged.remove(name.as_str());
                }
            }
        }
        // Every name sorted, then cut (what `ranked` selects in linear time).
        let mut values: Vec<FacetValue> = merged
            .into_iter()
            .map(|(v, count)| FacetValue {
                value: v.to_string(),
                count,
                level: None,
            })
            .collect();
        values.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
        values.truncate(top);
        values
    }

    /// A small deterministic random number generator (a linear congruential one).
    fn random(mut seed: u64) -> impl FnMut() -> u64 {
        move || {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            seed >> 33
        }
    }

    #[test]
    fn surname_merge_matches_the_direct_rule() {
        let given = ["Tony", "Charles", "David", "Anna", "Blair", "Tony W"];
        let family = ["Blair", "Kennedy", "Charles", "Brown", "Smith", "David"];
        for seed in 0..60 {
            let mut all: Vec<(String, u64)> = Vec::new();
            let mut next = random(seed);
            for g in given {
                for f in family {
                    if !next().is_multiple_of(3) {
                        all.push((format!("{g} {f}"), 1 + next() % 9));
                    }
                }
            }
            for w in given.iter().chain(&family) {
                if !next().is_multiple_of(4) {
                    all.push((w.to_string(), 1 + next() % 20));
                }
            }
            all.sort();
            all.dedup_by(|a, b| a.0 == b.0);
            for top in [3, 10, 100] {
                assert_eq!(
                    merge(&all, top),
                    merge_slow(&all, top),
                    "seed {seed}, top {top}"
                );
            }
        }
        let plain = |v: &[(&str, u64)]| -> Vec<(String, u64)> {
            v.iter().map(|(n, c)| (n.to_string(), *c)).collect()
        };
        let merged = merge(
            &plain(&[("Blair", 12), ("Cherie Blair", 3), ("Tony Blair", 40)]),
            10,
        );
        assert_eq!(merged[0].value, "Tony Blair");
        assert_eq!(merged[0].count, 52);
        assert_eq!(merged.len(), 2);
        // The BBC's person facet: "George Bush" counts with "George W Bush" for the 3/4
        // ("George W Bush" alone has 25 of 34).
        let bush = plain(&[
            ("Bush", 17),
            ("End Bush", 1),
            ("George Bush", 5),
            ("George W Bush", 25),
            ("George W. Bush", 1),
            ("Kate Bush", 2),
        ]);
        let merged = merge(&bush, 10);
        assert_eq!(
            (merged[0].value.as_str(), merged[0].count),
            ("George W Bush", 42)
        );
        assert!(merged.iter().all(|v| v.value != "Bush"));
        assert_eq!(merge(&bush, 10), merge_slow(&bush, 10));
        // "Charles" is mostly a given name here: it stays apart.
        let kept = merge(
            &plain(&[
                ("Charles", 5),
                ("Charles Kennedy", 9),
                ("Prince Charles", 2),
            ]),
            10,
        );
        assert!(kept.iter().any(|v| v.value == "Charles" && v.count == 5));
    }

    /// The by-id merge of the facet tables equals the merge on names, on counts drawn at
    /// random over a list of names with shared first and last words.
    #[test]
    fn tabled_merge_equals_the_merge_on_names() {
        let given = [
            "Tony", "Charles", "David", "Anna", "Blair", "George", "George W",
        ];
        let family = [
            "Blair", "Kennedy", "Charles", "Brown", "Smith", "David", "Bush",
        ];
        let names = full_and_single_names(&given, &family);
        let table = FieldNames::from_names(&names);
        let mut next = random(11);
        let mut moved = 0;
        for round in 0..300 {
            let counts: Vec<u32> = names
                .iter()
                .map(|_| match next() % 6 {
                    0 | 1 => 0,
                    2 => 10 + next() as u32 % 30,
                    _ => 1 + next() as u32 % 3,
                })
                .collect();
            let all: Vec<(&str, u64)> = names
                .iter()
                .zip(&counts)
                .filter(|(_, c)| **c > 0)
                .map(|(n, c)| (n.as_str(), u64::from(*c)))
                .collect();
            let top = [3, 10, 100][round % 3];
            let by_name = merge(&all, top);
            let by_id = merge_tabled(&table, 0..names.len() as u32, &counts, top);
            assert_eq!(by_id, by_name, "round {round}");
            let every = merge_tabled(&table, 0..names.len() as u32, &counts, names.len());
            if every.len() < all.len() {
                moved += 1;
                let total: u64 = every.iter().map(|f| f.count).sum();
                assert_eq!(total, all.iter().map(|(_, c)| c).sum::<u64>());
            }
        }
        assert!(moved > 20, "only {moved} rounds merged a surname");
    }

    /// Every given name with every family name, and each word alone, sorted (facet order).
    fn full_and_single_names(given: &[&str], family: &[&str]) -> Vec<String> {
        let mut names: Vec<String> = given
            .iter()
            .flat_map(|g| family.iter().map(move |f| format!("{g} {f}")))
            .chain(given.iter().chain(family).map(|w| w.to_string()))
            .collect();
        names.sort();
        names.dedup();
        names
    }

    /// The walk by bounds keeps what the merge of every counted name keeps, surnames and
    /// ties included, whatever the totals the bounds come from (at least the counts).
    #[test]
    fn merge_by_bound_equals_the_tabled_merge() {
        let given = ["Tony", "Charles", "David", "Blair", "George"];
        let family = ["Blair", "Kennedy", "Charles", "Brown", "David", "Bush"];
        let names = full_and_single_names(&given, &family);
        let table = FieldNames::from_names(&names);
        let all = 0..names.len() as u32;
        let mut next = random(5);
        for round in 0..400 {
            let counts: Vec<u32> = names
                .iter()
                .map(|_| match next() % 5 {
                    0 | 1 => 0,
                    2 => 5 + next() as u32 % 10,
                    _ => 1 + next() as u32 % 2,
                })
                .collect();
            let totals: Vec<u32> = counts
                .iter()
                .map(|&c| c + [0, 0, 1, 7][next() as usize % 4])
                .collect();
            let bounds = table.word_links().merged_bounds(&totals);
            let mut order: Vec<u32> = all.clone().collect();
            order.sort_by(|&a, &b| bounds[b as usize].cmp(&bounds[a as usize]).then(a.cmp(&b)));
            for top in [1, 2, 3, 10, 100] {
                assert_eq!(
                    merge_tabled_by_bound(&table, &order, &bounds, &counts, top),
                    super::merge_tabled(&table, all.clone(), &counts, top),
                    "round {round} top {top}"
                );
            }
        }
    }
}
