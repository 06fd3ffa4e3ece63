//! Snippets of the body around the query's terms.
//!
//! tantivy's [`SnippetGenerator`](tantivy::snippet::SnippetGenerator) runs the body's whole
//! tokenizer (lower case, ASCII folding, the English stemmer) over every word of every hit, and
//! then lower-cases each word once more into a new string to look it up. For a page of long
//! articles that was most of a search's time (BENCHMARKS.md, "Session 6: search latency").
//! [`Snippets`] picks the same passage with the same highlights (a test compares them on real
//! articles) and normalises only the words that can match a term:
//!
//! - A normalised word starts with its first character lower-cased and folded, because the
//!   English stemmer rewrites endings (even "dying" becomes "die", and "vying" "vie"; a test
//!   checks every word of BBC and Reuters).
//! - So a word whose first character is ASCII can match a term only if that character, in lower
//!   case, starts the term. Other words starting with an ASCII character are not looked up.
//! - A word that starts with two ASCII letters, the second not a `y`, normalises to something
//!   that starts with both in lower case, or to the first alone ("aed" becomes "a"): it is
//!   looked up only if a term starts so (see [`Heads`]).
//! - A word starting with any other character is normalised and looked up.
//!
//! The passage is chosen as tantivy chooses it: the text is cut into fragments of at most
//! [`MAX_CHARS`] bytes at word starts; a fragment scores the sum of its matched words' weights
//! (`1 / (1 + document frequency)` of the term); the best-scoring fragment wins, the earliest on
//! ties.

use crate::schema;
use std::collections::{BTreeSet, HashMap};
use std::ops::Range;
use tantivy::query::Query;
use tantivy::schema::{Field, Term};
use tantivy::tokenizer::{TextAnalyzer, TokenStream};
use tantivy::{Score, Searcher};

/// Longest snippet, in bytes of the body (tantivy's "characters").
pub const MAX_CHARS: usize = 220;

/// The snippet maker of one query.
pub struct Snippets {
    /// Each term of the query in the body field and its weight.
    weights: HashMap<String, Score>,
    /// Where each word may match (see [`Heads`]).
    heads: Heads,
    normalizer: TextAnalyzer,
}

/// A passage of a text and the words in it that matched.
pub struct Snippet {
    /// The passage, as written.
    pub fragment: String,
    /// Byte ranges of the matched words within `fragment`.
    pub highlighted: Vec<Range<usize>>,
}

/// A fragment being scored: byte offsets into the text.
struct Fragment {
    score: Score,
    start: usize,
    stop: usize,
    highlighted: Vec<Range<usize>>,
}

impl Fragment {
    fn at(start: usize) -> Fragment {
        Fragment {
            score: 0.0,
            start,
            stop: start,
            highlighted: Vec::new(),
        }
    }
}

impl Snippets {
    /// The snippet maker for `query`'s terms in `field` (a [`schema::TEXT_TOKENIZER`] field).
    pub fn new(searcher: &Searcher, query: &dyn Query, field: Field) -> tantivy::Result<Snippets> {
        let mut terms: BTreeSet<&Term> = BTreeSet::new();
        query.query_terms(&mut |term, _| {
            if term.field() == field {
                terms.insert(term);
            }
        });
        let mut weights = HashMap::new();
        for term in terms {
            let value = term.value();
            let Some(text) = value.as_str() else {
                continue;
            };
            let doc_freq = searcher.doc_freq(term)?;
            if doc_freq > 0 {
                weights.insert(text.to_string(), 1.0 / (1.0 + doc_freq as Score));
            }
        }
        let heads = Heads::of(weights.keys());
        Ok(Snippets {
            weights,
            heads,
            normalizer: schema::normalizer(),
        })
    }

    /// The best passage of `text`, or `None` when no term occurs in it.
    pub fn snippet(&mut self, text: &str) -> Option<Snippet> {
        let mut best: Option<Fragment> = None;
        let mut keep = |f: Fragment| {
            if f.score > 0.0 && best.as_ref().is_none_or(|b| f.score > b.score) {
                best = Some(f);
            }
        };
        let Snippets {
            weights,
            heads,
            normalizer,
        } = self;
        let mut fragment = Fragment::at(0);
        for range in schema::word_ranges(text) {
            if range.end - fragment.start > MAX_CHARS {
                keep(std::mem::replace(&mut fragment, Fragment::at(range.start)));
            }
            fragment.stop = range.end;
            let word = &text[range.clone()];
            let weight = may_match(heads, word)
                .then(|| weight(weights, normalizer, word))
                .flatten();
            if let Some(weight) = weight {
                fragment.score += weight;
                fragment.highlighted.push(range);
            }
        }
        keep(fragment);
        let best = best?;
        Some(Snippet {
            fragment: text[best.start..best.stop].to_string(),
            highlighted: best
                .highlighted
                .into_iter()
                .map(|r| r.start - best.start..r.end - best.start)
                .collect(),
        })
    }
}

/// How the terms start, for [`may_match`].
///
/// Beyond the first character: a word written with two ASCII letters first, the second not
/// a `y`, normalises to something that starts with those two letters in lower case, or to
/// the first letter alone. (A `y` can become an `i`: "dying" gives "die".) A test checks
/// every word of BBC and Reuters. Looking up only the words that pass on two letters, where
/// one let through every word with the first letter of a term, normalises two fifths as
/// many words (BENCHMARKS.md, "Session 18: search latency").
struct Heads {
    /// Whether a term starts with each ASCII character.
    first: [bool; 128],
    /// For each letter `a`–`z`, a bit for each letter `a`–`z` that follows it at the start of
    /// a term.
    pairs: [u32; 26],
    /// A bit for each letter `a`–`z` that is a term by itself.
    singles: u32,
}

impl Heads {
    fn of<'a>(terms: impl Iterator<Item = &'a String>) -> Heads {
        let mut heads = Heads {
            first: [false; 128],
            pairs: [0; 26],
            singles: 0,
        };
        for term in terms {
            let b = term.as_bytes();
            if let Some(&c) = b.first().filter(|c| c.is_ascii()) {
                heads.first[usize::from(c)] = true;
            }
            match b {
                [c] if c.is_ascii_lowercase() => heads.singles |= 1 << (c - b'a'),
                [c, d, ..] if c.is_ascii_lowercase() && d.is_ascii_lowercase() => {
                    heads.pairs[usize::from(c - b'a')] |= 1 << (d - b'a');
                }
                _ => {}
            }
        }
        heads
    }
}

/// Whether `word` (as written) can normalise to a term that starts as `heads` say.
fn may_match(heads: &Heads, word: &str) -> bool {
    match word.as_bytes() {
        [] => false,
        [c, ..] if !c.is_ascii() => true,
        [c, d, ..]
            if c.is_ascii_alphabetic()
                && d.is_ascii_alphabetic()
                && !d.eq_ignore_ascii_case(&b'y') =>
        {
            let (c, d) = (c.to_ascii_lowercase() - b'a', d.to_ascii_lowercase() - b'a');
            (heads.pairs[usize::from(c)] >> d) & 1 != 0 || (heads.singles >> c) & 1 != 0
        }
        [c, ..] => heads.first[usize::from(c.to_ascii_lowercase())],
    }
}

/// The weight of the term that `word` (as written) normalises to, if it is one of `weights`.
/// Like tantivy, the normalised word is looked up lower-cased: folding can leave capitals
/// ("ʀoad" folds to "Road").
fn weight(
    weights: &HashMap<String, Score>,
    normalizer: &mut TextAnalyzer,
    word: &str,
) -> Option<Score> {
    let mut stream = normalizer.token_stream(word);
    if !stream.advance() {
        return None;
    }
    let text = &stream.token().text;
    if text
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
    {
        weights.get(text).copied()
    } else {
        weights.get(&text.to_lowercase()).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The first character of a word.
    fn head(word: &str) -> Option<char> {
        word.chars().next()
    }

    fn normalize(word: &str) -> String {
        let mut s = schema::normalizer();
        let mut stream = s.token_stream(word);
        assert!(stream.advance());
        stream.token().text.clone()
    }

    /// A word written with an ASCII first character normalises to something that starts with
    /// that character in lower case; one written with two ASCII letters, the second not a
    /// `y`, to something that starts with both in lower case or to the first alone (what
    /// `may_match` relies on).
    fn starts_like(word: &str) {
        let Some(c) = head(word).filter(char::is_ascii) else {
            return;
        };
        let n = normalize(word);
        assert_eq!(head(&n), Some(c.to_ascii_lowercase()), "{word} -> {n}");
        if let [a, b, ..] = word.as_bytes() {
            if a.is_ascii_alphabetic() && b.is_ascii_alphabetic() && !b.eq_ignore_ascii_case(&b'y')
            {
                let two = [a.to_ascii_lowercase(), b.to_ascii_lowercase()];
                assert!(
                    n.as_bytes().starts_with(&two) || n.len() == 1,
                    "{word} -> {n}"
                );
            }
        }
    }

    #[test]
    fn heads_are_first_characters() {
        assert_eq!(head("econom"), Some('e'));
        assert_eq!(head("été"), Some('é'));
        assert_eq!(head(""), None);
    }

    /// The English stemmer's exceptions and its shortest outputs keep the word's head.
    #[test]
    fn stems_start_like_their_words() {
        for word in [
            "skies",
            "dying",
            "lying",
            "tying",
            "vying",
            "idly",
            "gently",
            "ugly",
            "early",
            "only",
            "news",
            "aed",
            "ties",
            "yield",
            "eyeing",
            "generously",
            "communism",
            "1987",
            "zoë",
            "Dying",
            "YIELD",
        ] {
            starts_like(word);
        }
    }

    /// Over every word of the BBC and Reuters corpora, as written: `starts_like` holds.
    #[test]
    fn stems_start_like_their_words_in_real_text() {
        let texts = crate::test_texts::bbc_and_reuters();
        if texts.is_empty() {
            eprintln!("skipped: ../shared/data not found");
            return;
        }
        let mut words = schema::split().build();
        let mut seen = std::collections::HashSet::new();
        for text in &texts {
            let mut stream = words.token_stream(text);
            while stream.advance() {
                seen.insert(stream.token().text.clone());
            }
        }
        assert!(seen.len() > 50_000, "{} distinct words", seen.len());
        for word in &seen {
            starts_like(word);
        }
    }

    /// `word_ranges` cuts every BBC and Reuters file, and odd text, into the words the
    /// tokenizer's split finds.
    #[test]
    fn word_ranges_are_the_split_tokens() {
        let mut texts: Vec<String> = [
            "",
            "  ",
            "a",
            "Zürich’s ÉTÉ, 1,234.5 dlrs; 東京 and naïve café-au-lait.",
            "x\u{0}y\u{85}z\u{a0}w\u{2028}v",
            "ʀoad ⅻ ² ½ ٣ x",
            &"n".repeat(39),
            &format!("{} ok {}", "n".repeat(40), "é".repeat(20)),
            &format!("{}é {}", "n".repeat(37), "é".repeat(19)),
        ]
        .map(String::from)
        .to_vec();
        texts.extend(crate::test_texts::bbc_and_reuters());
        let mut words = 0;
        for text in &texts {
            let want = split_ranges(text);
            words += want.len();
            assert_eq!(
                schema::word_ranges(text).collect::<Vec<_>>(),
                want,
                "{text:?}"
            );
        }
        eprintln!("{} texts, {words} words", texts.len());
    }

    /// The split tokenizer's words of `text`, as byte ranges.
    fn split_ranges(text: &str) -> Vec<std::ops::Range<usize>> {
        let mut split = schema::split().build();
        let mut stream = split.token_stream(text);
        let mut out = Vec::new();
        while stream.advance() {
            let t = stream.token();
            out.push(t.offset_from..t.offset_to);
        }
        out
    }

    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config {
            cases: 2048,
            failure_persistence: None,
            rng_seed: proptest::test_runner::RngSeed::Fixed(0x776f_7264),
            ..proptest::test_runner::Config::default()
        })]
        /// Eight bytes at a time or one by one, over ASCII letters, digits and punctuation,
        /// bytes next to the letter and digit ranges, and wider letters, digits and spaces
        /// falling anywhere in a chunk; and runs long enough to be no word.
        #[test]
        fn word_ranges_are_the_split_tokens_of_any_text(
            text in r"([aZz09/:@\[`{ .-]|é|٣|\x{a0}|€|n{36,44}){0,48}"
        ) {
            proptest::prop_assert_eq!(
                schema::word_ranges(&text).collect::<Vec<_>>(),
                split_ranges(&text)
            );
        }
    }

    #[test]
    fn only_words_that_can_match_are_looked_up() {
        let weights: HashMap<String, Score> = [("economi".to_string(), 0.5), ("die".into(), 0.25)]
            .into_iter()
            .collect();
        let heads = Heads::of(weights.keys());
        let mut normalizer = schema::normalizer();
        let mut w = |word: &str| {
            may_match(&heads, word)
                .then(|| weight(&weights, &mut normalizer, word))
                .flatten()
        };
        assert_eq!(w("Economies"), Some(0.5));
        assert_eq!(w("Dying"), Some(0.25));
        assert_eq!(w("dies"), Some(0.25));
        assert_eq!(w("Evening"), None);
        assert!(!may_match(&heads, "stars"));
        assert!(
            !may_match(&heads, "Evening"),
            "e, then v: no term starts so"
        );
        assert!(!may_match(&heads, "data"));
        assert!(
            may_match(&heads, "DYING"),
            "a y second: the first letter decides"
        );
        assert!(
            may_match(&heads, "d2"),
            "a digit second: the first letter decides"
        );
        assert!(may_match(&heads, "Évian"), "not ASCII: looked up");
        let single = Heads::of([String::from("a")].iter());
        assert!(may_match(&single, "aed"), "\"aed\" stems to \"a\"");
        assert!(!may_match(&single, "bed"));
    }

    #[test]
    fn snippet_of_a_short_text() {
        let store = crate::store::Store::in_ram();
        let f = &store.fields;
        let mut writer: tantivy::IndexWriter = store.index.writer(15_000_000).unwrap();
        let mut doc = tantivy::TantivyDocument::new();
        doc.add_text(f.body, "Economies grew.");
        writer.add_document(doc).unwrap();
        writer.commit().unwrap();
        let searcher = store.index.reader().unwrap().searcher();
        let query = crate::query::build::keyword_query(&store.index, f, "economy").unwrap();
        let mut snippets = Snippets::new(&searcher, query.as_ref(), f.body).unwrap();
        let s = snippets.snippet("The Economies of Europe grew.").unwrap();
        assert_eq!(s.fragment, "The Economies of Europe grew");
        assert_eq!(s.highlighted.len(), 1);
        assert_eq!((s.highlighted[0].start, s.highlighted[0].end), (4, 13));
        assert!(snippets.snippet("Nothing here.").is_none());
    }

    /// On real articles and many query words, the snippets are the ones tantivy's own generator
    /// makes with the index's full tokenizer.
    #[test]
    fn snippets_equal_tantivys_on_real_articles() {
        use tantivy::snippet::SnippetGenerator;
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/bbc");
        if !dir.is_dir() {
            eprintln!("skipped: {} not found", dir.display());
            return;
        }
        let mut bodies = Vec::new();
        for entry in walkdir::WalkDir::new(&dir).sort_by_file_name() {
            let entry = entry.unwrap();
            if entry.file_type().is_file() && bodies.len() < 150 {
                if let Ok(text) = std::fs::read_to_string(entry.path()) {
                    bodies.push(text);
                }
            }
        }
        // Letters that ASCII folding turns into capitals ("ʀ" → "R"): tantivy lower-cases the
        // normalised word before the look-up.
        let road = format!("road {}ʀoad ʀoad, the bʀidge", "word ".repeat(50));
        bodies.extend(["ʀoad closed; the road reopened".to_string(), road]);
        let store = crate::store::Store::in_ram();
        let f = &store.fields;
        let mut writer: tantivy::IndexWriter = store.index.writer(50_000_000).unwrap();
        for body in &bodies {
            let mut doc = tantivy::TantivyDocument::new();
            doc.add_text(f.body, body);
            writer.add_document(doc).unwrap();
        }
        writer.commit().unwrap();
        let searcher = store.index.reader().unwrap().searcher();

        // Query words: every 7th word of the articles in their written form ("Economies",
        // "rising", "Dying"), so that inflected words and their stems are both exercised.
        let mut queries: Vec<String> = [
            "economy OR growth",
            "die OR lie",
            "road OR bridge",
            "ʀoad",
            "news",
            "\"prime minister\"",
        ]
        .map(String::from)
        .to_vec();
        for body in bodies.iter().step_by(5) {
            let words: Vec<&str> = body
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| w.len() > 2)
                .collect();
            for pair in words.chunks(2).step_by(7).take(4) {
                queries.push(pair.join(" OR "));
            }
        }
        let mut compared = 0;
        for q in &queries {
            let query = crate::query::build::keyword_query(&store.index, f, q).unwrap();
            let mut theirs = SnippetGenerator::create(&searcher, query.as_ref(), f.body).unwrap();
            theirs.set_max_num_chars(MAX_CHARS);
            let mut ours = Snippets::new(&searcher, query.as_ref(), f.body).unwrap();
            for body in &bodies {
                let b = theirs.snippet(body);
                match ours.snippet(body) {
                    Some(a) => {
                        assert_eq!(a.fragment, b.fragment(), "query {q:?}");
                        assert_eq!(a.highlighted, b.highlighted(), "query {q:?}");
                        compared += 1;
                    }
                    None => assert!(b.is_empty(), "query {q:?}: {:?}", b.fragment()),
                }
            }
        }
        assert!(
            compared > 1_000,
            "only {compared} non-empty snippets compared"
        );
    }
}
