//! Phrase lists (gazetteers) matched against token sequences.
//!
//! Phrases are stored as hashes of their lowercase tokens, so the shipped model holds
//! no strings: each entry is a 64-bit key and a bit mask of the lists it belongs to.

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

/// Hash of a phrase given as text (tokenized with the shared tokenizer).
pub(crate) fn text_phrase_hash(text: &str) -> Option<u64> {
    let toks = tokenize(text);
    if toks.is_empty() || toks.len() > MAX_PHRASE {
        return None;
    }
    let lws: Vec<u64> = toks.iter().map(|t| lower_hash(t.text)).collect();
    Some(phrase_hash(&lws))
}

/// A set of phrases, each in one or more lists.
#[derive(Debug, Default, Clone)]
pub(crate) struct Gazetteer {
    pub(crate) entries: HashMap64<u16>,
}

impl Gazetteer {
    /// Adds a phrase (by hash) to a list.
    pub fn insert(&mut self, hash: u64, list: GazList) {
        self.insert_mask(hash, 1 << list as u16);
    }

    /// Adds a phrase (by hash) to the lists of `mask`.
    pub fn insert_mask(&mut self, hash: u64, mask: u16) {
        *self.entries.entry(hash).or_default() |= mask;
    }

    /// The lists of a phrase hash (0: none).
    #[inline]
    fn lists(&self, hash: u64) -> u16 {
        self.entries.get(&hash).copied().unwrap_or(0)
    }

    /// The number of distinct phrases.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Matches the phrases against a sentence given its lowercase token hashes. Within a list,
    /// the longest phrase starting leftmost wins. `exclude` removes lists from given phrases
    /// (used in training to hide an entity that only the current document contributed).
    pub fn matches(&self, lws: &[u64], exclude: Option<&HashMap64<u16>>) -> Vec<[GazMatch; N_GAZ]> {
        let n = lws.len();
        let mut out = vec![[GazMatch::None; N_GAZ]; n];
        if self.entries.is_empty() {
            return out;
        }
        let mut covered_until = [0usize; N_GAZ];
        let mut hashes = [0u64; MAX_PHRASE];
        for i in 0..n {
            let max = MAX_PHRASE.min(n - i);
            let mut h = SEED;
            for (k, slot) in hashes.iter_mut().enumerate().take(max) {
                h = combine(h, lws[i + k]);
                *slot = h;
            }
            for len in (1..=max).rev() {
                let h = hashes[len - 1];
                let mask = self.lists(h);
                if mask == 0 {
                    continue;
                }
                let mask = mask & !exclude.and_then(|e| e.get(&h)).copied().unwrap_or(0);
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
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_match_wins() {
        let mut g = Gazetteer::default();
        for p in ["New York", "New York City", "York"] {
            g.insert(text_phrase_hash(p).unwrap(), GazList::City);
        }
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
