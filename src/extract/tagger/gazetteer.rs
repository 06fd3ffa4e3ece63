//! Phrase lists (gazetteers) matched against token sequences.
//!
//! Phrases are stored as hashes of their lowercase tokens, so the shipped model holds
//! no strings: each entry is a 64-bit key and a bit mask of the lists it belongs to, plus
//! a flag ([`PREFIX`]) when the hashed words begin a longer phrase. Matching walks each
//! phrase up from its first word and stops at the first hash that is neither a phrase nor
//! a prefix, so most tokens cost one look-up rather than one per phrase length.

use super::features::{combine, lower_hash, HashMap64};
use crate::extract::token::tokenize;

/// The number of phrase lists.
pub(crate) const N_GAZ: usize = 16;

/// The phrase lists. GeoNames lists are built from the gazetteer files; the others from the
/// entities of the training data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum GazList {
    Country = 0,
    Region = 1,
    City = 2,
    TrainPerson = 3,
    TrainLocation = 4,
    TrainOrganization = 5,
    TrainMisc = 6,
    TrainFirstName = 7,
    TrainLastName = 8,
    OntoPerson = 9,
    OntoPlace = 10,
    OntoOrganization = 11,
    OntoNationality = 12,
    OntoFirstName = 13,
    OntoLastName = 14,
    Title = 15,
}

/// Titles, honorifics and roles that often precede a person's name. Written for the project;
/// matched case-insensitively like every list. Abbreviations are listed without their
/// period: [`super::Tagger::spans`] drops the period after a title before tagging.
pub(crate) const TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "messrs",
    "dr",
    "prof",
    "professor",
    "sir",
    "dame",
    "lord",
    "lady",
    "baroness",
    "baron",
    "president",
    "vice president",
    "vice-president",
    "prime minister",
    "premier",
    "minister",
    "foreign minister",
    "finance minister",
    "chancellor",
    "secretary",
    "secretary of state",
    "senator",
    "sen",
    "rep",
    "representative",
    "congressman",
    "congresswoman",
    "gov",
    "governor",
    "mayor",
    "king",
    "queen",
    "prince",
    "princess",
    "emperor",
    "sheikh",
    "sultan",
    "emir",
    "pope",
    "cardinal",
    "archbishop",
    "bishop",
    "rev",
    "reverend",
    "father",
    "rabbi",
    "imam",
    "ayatollah",
    "general",
    "gen",
    "colonel",
    "col",
    "major",
    "maj",
    "captain",
    "capt",
    "lieutenant",
    "lt",
    "sergeant",
    "sgt",
    "admiral",
    "adm",
    "marshal",
    "commander",
    "judge",
    "justice",
    "chief justice",
    "chairman",
    "chairwoman",
    "chief executive",
    "director",
    "ambassador",
    "envoy",
    "spokesman",
    "spokeswoman",
    "commissioner",
    "coach",
    "manager",
    "striker",
    "midfielder",
    "defender",
    "goalkeeper",
    "skipper",
    "inspector",
    "detective",
    "officer",
    "superintendent",
    "chief",
];

/// Where a token sits in a matched phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum GazMatch {
    #[default]
    None = 0,
    Begin = 1,
    Inside = 2,
    Last = 3,
    Unit = 4,
}

/// The longest phrase the matcher tries.
pub(crate) const MAX_PHRASE: usize = 6;

const SEED: u64 = 0x6a09_e667_f3bc_c908;

/// Hash of a phrase given the lowercase hashes of its tokens.
pub(crate) fn phrase_hash(lws: &[u64]) -> u64 {
    lws.iter().fold(SEED, |h, &w| combine(h, w))
}

/// The lowercase token hashes of a phrase given as text (tokenized with the shared
/// tokenizer), if it has 1 to [`MAX_PHRASE`] tokens.
pub(crate) fn text_phrase(text: &str) -> Option<Vec<u64>> {
    let toks = tokenize(text);
    if toks.is_empty() || toks.len() > MAX_PHRASE {
        return None;
    }
    Some(toks.iter().map(|t| lower_hash(t.text)).collect())
}

/// Set in an entry's value when its hash is that of the first words of a longer phrase.
pub(crate) const PREFIX: u32 = 1 << 16;

/// A set of phrases, each in one or more lists.
#[derive(Debug, Default, Clone)]
pub(crate) struct Gazetteer {
    /// Phrase hash → list mask (low 16 bits) and [`PREFIX`]. Every proper prefix of a
    /// phrase has an entry (with at least [`PREFIX`]); [`Gazetteer::matches`] relies on it.
    pub(crate) entries: HashMap64<u32>,
}

impl Gazetteer {
    /// Adds a phrase, given as its lowercase token hashes (1 to [`MAX_PHRASE`]), to a list.
    pub fn insert(&mut self, lws: &[u64], list: GazList) {
        self.insert_mask(lws, 1 << list as u16);
    }

    /// Adds a phrase to the lists of `mask`, and marks its first words as a prefix.
    pub fn insert_mask(&mut self, lws: &[u64], mask: u16) {
        if lws.is_empty() || lws.len() > MAX_PHRASE {
            return;
        }
        self.mark_prefixes(lws);
        *self.entries.entry(phrase_hash(lws)).or_default() |= u32::from(mask);
    }

    /// Marks the proper prefixes of a phrase (given as its lowercase token hashes), so that
    /// matching looks further; the phrase itself is not added to any list. Training uses
    /// it for phrases whose list membership it sets per document.
    pub fn mark_prefixes(&mut self, lws: &[u64]) {
        let mut h = SEED;
        for &w in lws.iter().take(lws.len().saturating_sub(1)) {
            h = combine(h, w);
            *self.entries.entry(h).or_default() |= PREFIX;
        }
    }

    /// Sets an entry as read from a model file.
    pub fn insert_raw(&mut self, hash: u64, value: u32) {
        *self.entries.entry(hash).or_default() |= value;
    }

    /// The entry of a phrase hash: list mask (low 16 bits) and [`PREFIX`]; 0 when absent.
    #[inline]
    fn entry(&self, hash: u64) -> u32 {
        self.entries.get(&hash).copied().unwrap_or(0)
    }

    /// The number of distinct phrases (prefix-only entries not counted).
    pub fn len(&self) -> usize {
        self.entries.values().filter(|&&e| e as u16 != 0).count()
    }

    /// Matches the phrases against a sentence given its lowercase token hashes. Within a list,
    /// the longest phrase starting leftmost wins. `exclude` removes lists from given phrases
    /// (used in training to hide an entity that only the current document contributed).
    pub fn matches(&self, lws: &[u64], exclude: Option<&HashMap64<u16>>) -> Vec<[GazMatch; N_GAZ]> {
        let first: Vec<u32> = lws.iter().map(|&w| self.word_entry(w)).collect();
        self.matches_from(lws, &first, exclude)
    }

    /// The entry of a word as a one-word phrase (what [`Gazetteer::matches`] looks up first
    /// at each token), for callers that cache it per word.
    #[inline]
    pub fn word_entry(&self, lw: u64) -> u32 {
        self.entry(combine(SEED, lw))
    }

    /// [`Gazetteer::matches`] given the [`Gazetteer::word_entry`] of each token in `first`.
    pub fn matches_from(
        &self,
        lws: &[u64],
        first: &[u32],
        exclude: Option<&HashMap64<u16>>,
    ) -> Vec<[GazMatch; N_GAZ]> {
        let n = lws.len().min(first.len());
        let mut out = vec![[GazMatch::None; N_GAZ]; n];
        if self.entries.is_empty() {
            return out;
        }
        let mut covered_until = [0usize; N_GAZ];
        // The phrases starting at `i`: (length, list mask), shortest first.
        let mut found = [(0usize, 0u16); MAX_PHRASE];
        for i in 0..n {
            let max = MAX_PHRASE.min(n - i);
            let mut h = SEED;
            let mut n_found = 0;
            for len in 1..=max {
                h = combine(h, lws[i + len - 1]);
                let e = if len == 1 { first[i] } else { self.entry(h) };
                let mask = e as u16;
                if mask != 0 {
                    let mask = mask & !exclude.and_then(|x| x.get(&h)).copied().unwrap_or(0);
                    found[n_found] = (len, mask);
                    n_found += 1;
                }
                if e & PREFIX == 0 {
                    break;
                }
            }
            // Longest first: within a list it covers the shorter ones.
            for &(len, mask) in found[..n_found].iter().rev() {
                cover(&mut out, &mut covered_until, i, len, mask);
            }
        }
        out
    }
}

/// Marks the phrase of `len` tokens at `i` in each list of `mask` that no longer phrase
/// already covers there (`covered_until`: per list, the end of the last phrase marked).
fn cover(
    out: &mut [[GazMatch; N_GAZ]],
    covered_until: &mut [usize; N_GAZ],
    i: usize,
    len: usize,
    mask: u16,
) {
    for (c, until) in covered_until.iter_mut().enumerate() {
        if mask & (1 << c) == 0 || *until > i {
            continue;
        }
        *until = i + len;
        if len == 1 {
            out[i][c] = GazMatch::Unit;
        } else {
            out[i][c] = GazMatch::Begin;
            for row in &mut out[i + 1..i + len - 1] {
                row[c] = GazMatch::Inside;
            }
            out[i + len - 1][c] = GazMatch::Last;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Matching as it was before prefix flags: every phrase length tried at every token.
    fn every_length(g: &Gazetteer, lws: &[u64]) -> Vec<[GazMatch; N_GAZ]> {
        let n = lws.len();
        let mut out = vec![[GazMatch::None; N_GAZ]; n];
        let mut covered_until = [0usize; N_GAZ];
        for i in 0..n {
            for len in (1..=MAX_PHRASE.min(n - i)).rev() {
                let mask = g.entry(phrase_hash(&lws[i..i + len])) as u16;
                cover(&mut out, &mut covered_until, i, len, mask);
            }
        }
        out
    }

    #[test]
    fn the_prefix_walk_finds_what_every_length_finds_in_real_text() {
        // The shipped gazetteer must flag every prefix of its phrases, or the walk would stop
        // short of a phrase that trying every length finds.
        let g = &crate::extract::tagger::Tagger::global().model.gazetteer;
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/bbc");
        let mut texts = vec!["He flew from New York City to the United Kingdom and              Papua New Guinea via Rio de Janeiro."
            .to_string()];
        for dir in ["politics", "business", "tech"] {
            for n in 1..=60 {
                if let Ok(t) = std::fs::read_to_string(root.join(dir).join(format!("{n:03}.txt"))) {
                    texts.push(t);
                }
            }
        }
        let mut multi_word = 0;
        for text in &texts {
            let lws: Vec<u64> = tokenize(text).iter().map(|t| lower_hash(t.text)).collect();
            let want = every_length(g, &lws);
            assert_eq!(g.matches(&lws, None), want, "{text}");
            multi_word += want
                .iter()
                .flatten()
                .filter(|m| **m == GazMatch::Begin)
                .count();
        }
        assert!(multi_word > 20, "only {multi_word} multi-word matches");
    }

    #[test]
    fn longest_match_wins() {
        let mut g = Gazetteer::default();
        for p in ["New York", "New York City", "York"] {
            g.insert(&text_phrase(p).unwrap(), GazList::City);
        }
        // "New" and "New York" are prefixes only: no list.
        assert_eq!(g.len(), 3);
        let toks = ["in", "new", "York", "City", "and", "York"];
        let lws: Vec<u64> = toks.iter().map(|t| lower_hash(t)).collect();
        let m = g.matches(&lws, None);
        let c = GazList::City as usize;
        let got: Vec<GazMatch> = m.iter().map(|r| r[c]).collect();
        assert_eq!(
            got,
            [
                GazMatch::None,
                GazMatch::Begin,
                GazMatch::Inside,
                GazMatch::Last,
                GazMatch::None,
                GazMatch::Unit
            ]
        );
    }
}
