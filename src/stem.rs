//! English stemming with a per-thread memo of the words stemmed so far.
//!
//! The Snowball English stemmer costs about 1,300 instructions a word, and indexing stems every
//! word of every title and body: a sixth of the instructions of a BBC index run with the tagger,
//! and more than a quarter without it (BENCHMARKS.md, "Session 10"). News text repeats its
//! words, so [`MemoStemmer`] looks each word up in a table of the thread's earlier words first
//! and runs the stemmer only on a word it has not seen. Its tokens are those of tantivy's
//! `Stemmer` filter: on a miss it calls the same stemmer crate (`frostem`, the version tantivy
//! depends on), and a hit returns what that call returned before.

use std::cell::RefCell;
use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

/// Slots of a thread's memo: 2^14 of 32 bytes, 512 KiB, one core's L2 cache on the 2-core
/// machine the figures come from. A word whose slots are all taken replaces the first of
/// them; the words that make most of a text's tokens come back often enough to stay.
const SLOTS: usize = 1 << 14;
/// Slots a word may sit in: its hash's slot and the next ones.
const PROBES: usize = 4;
/// The longest word (and stem) kept in the memo, in bytes; longer ones are stemmed each time.
const INLINE: usize = 15;
/// The first byte of a stem's key when the word is its own stem (a real length is at most
/// [`INLINE`]).
const SAME: u8 = u8::MAX;

/// A token filter that stems English words like tantivy's `Stemmer::new(Language::English)`,
/// remembering each thread's stems.
#[derive(Clone, Copy, Debug, Default)]
pub struct MemoStemmer;

impl TokenFilter for MemoStemmer {
    type Tokenizer<T: Tokenizer> = MemoStemFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> MemoStemFilter<T> {
        MemoStemFilter { inner: tokenizer }
    }
}

/// The tokenizer made by [`MemoStemmer`].
#[derive(Clone, Debug)]
pub struct MemoStemFilter<T> {
    inner: T,
}

impl<T: Tokenizer> Tokenizer for MemoStemFilter<T> {
    type TokenStream<'a> = MemoStemStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        MemoStemStream {
            tail: self.inner.token_stream(text),
        }
    }
}

/// The token stream of [`MemoStemFilter`].
pub struct MemoStemStream<T> {
    tail: T,
}

impl<T: TokenStream> TokenStream for MemoStemStream<T> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let text = &mut self.tail.token_mut().text;
        // A thread being torn down has no memo left: stem without it.
        if STEMS
            .try_with(|memo| memo.borrow_mut().stem_in_place(text))
            .is_err()
        {
            *text = stem_uncached(text);
        }
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

thread_local! {
    static STEMS: RefCell<Memo> = RefCell::new(Memo::default());
}

/// The stem of `word` straight from the stemmer.
fn stem_uncached(word: &str) -> String {
    frostem::Stemmer::new(frostem::Algorithm::English)
        .stem(word)
        .into_owned()
}

/// One remembered word and its stem: the word's key, then the stem's ([`key_of`]; the stem's
/// first byte is [`SAME`] when the word is its own stem, as most are). Both are zero in an
/// empty slot. Integers rather than a struct, so that the table is allocated zeroed.
type Slot = [u128; 2];

/// `bytes` (at most [`INLINE`]) as a key: its length, then the bytes, zero padded, so that one
/// comparison of keys compares length and bytes.
fn key_of(bytes: &[u8]) -> u128 {
    let mut key = [0; 16];
    key[0] = bytes.len() as u8;
    key[1..=bytes.len()].copy_from_slice(bytes);
    u128::from_le_bytes(key)
}

/// Recent words and their stems, in an open-addressed table.
struct Memo {
    stemmer: frostem::Stemmer,
    /// [`SLOTS`] slots, allocated (zeroed) on first use.
    slots: Vec<Slot>,
}

impl Default for Memo {
    fn default() -> Memo {
        Memo {
            stemmer: frostem::Stemmer::new(frostem::Algorithm::English),
            slots: Vec::new(),
        }
    }
}

impl Memo {
    /// Replaces `text` with its stem.
    fn stem_in_place(&mut self, text: &mut String) {
        let len = text.len();
        if len == 0 || len > INLINE {
            self.stem_directly(text);
            return;
        }
        if self.slots.is_empty() {
            self.slots = vec![[0; 2]; SLOTS];
        }
        let key = key_of(text.as_bytes());
        let home = xxhash_rust::xxh3::xxh3_64(text.as_bytes()) as usize & (SLOTS - 1);
        let mut free = None;
        for probe in 0..PROBES {
            let at = (home + probe) & (SLOTS - 1);
            let [word, stem] = self.slots[at];
            if word == key {
                let stem = stem.to_le_bytes();
                if stem[0] != SAME {
                    text.clear();
                    // A whole `str` of at most INLINE bytes went in: it comes out whole.
                    let stem = std::str::from_utf8(&stem[1..=usize::from(stem[0])]);
                    text.push_str(stem.expect("a memo stem is the UTF-8 it was made from"));
                }
                return;
            }
            if word == 0 {
                free = Some(at);
                break;
            }
        }
        let stem = match self.stemmer.stem(text) {
            std::borrow::Cow::Borrowed(s) if s == text.as_str() => u128::from(SAME),
            stem if stem.len() <= INLINE => {
                let k = key_of(stem.as_bytes());
                *text = stem.into_owned();
                k
            }
            stem => {
                // Too long to keep: not remembered.
                *text = stem.into_owned();
                return;
            }
        };
        self.slots[free.unwrap_or(home)] = [key, stem];
    }

    /// Replaces `text` with its stem without the memo.
    fn stem_directly(&self, text: &mut String) {
        if let std::borrow::Cow::Owned(stem) = self.stemmer.stem(text) {
            *text = stem;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use tantivy::tokenizer::{
        Language, LowerCaser, RawTokenizer, SimpleTokenizer, Stemmer, TextAnalyzer,
    };

    fn tokens(mut analyzer: TextAnalyzer, text: &str) -> Vec<String> {
        let mut stream = analyzer.token_stream(text);
        let mut out = Vec::new();
        while let Some(t) = stream.next() {
            out.push(format!(
                "{}@{}-{}#{}",
                t.text, t.offset_from, t.offset_to, t.position
            ));
        }
        out
    }

    /// Words as the `news` analyzer splits them, without its length limit and folding, so
    /// that long and non-ASCII words reach the stemmer too.
    fn words_memo() -> TextAnalyzer {
        TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(LowerCaser)
            .filter(MemoStemmer)
            .build()
    }

    fn words_tantivy() -> TextAnalyzer {
        TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(LowerCaser)
            .filter(Stemmer::new(Language::English))
            .build()
    }

    /// Each text whole as one token.
    fn whole(memo: bool) -> TextAnalyzer {
        let b = TextAnalyzer::builder(RawTokenizer::default());
        if memo {
            b.filter(MemoStemmer).build()
        } else {
            b.filter(Stemmer::new(Language::English)).build()
        }
    }

    #[test]
    fn gives_the_tokens_of_tantivys_english_stemmer_on_real_articles() {
        let dir = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data/bbc"));
        if !dir.is_dir() {
            eprintln!("skipped: {} is absent", dir.display());
            return;
        }
        // Every seventh file, so that all five sections are read.
        let paths: Vec<_> = walkdir::WalkDir::new(dir)
            .sort_by_file_name()
            .into_iter()
            .map(|e| e.unwrap())
            .filter(|e| e.file_type().is_file())
            .step_by(7)
            .take(300)
            .map(|e| e.into_path())
            .collect();
        assert_eq!(paths.len(), 300, "BBC files under {dir:?}");
        for path in &paths {
            let text = std::fs::read_to_string(path).expect("BBC files are UTF-8");
            // Twice: the second pass is served from the memo.
            for _ in 0..2 {
                assert_eq!(
                    tokens(words_memo(), &text),
                    tokens(words_tantivy(), &text),
                    "{path:?}"
                );
            }
        }
    }

    #[test]
    fn gives_tantivys_stems_of_hand_picked_words() {
        let words = [
            "running",
            "ponies",
            "dying",
            "news",
            "generously",
            "caf\u{e9}s",
            "skies",
            "happy",
            "sky",
            "a",
            "\u{0}",
            "a\u{0}",
            "internationalisations",
            "fifteen-letters",
            "sixteen-letters!",
            "\u{1f600}\u{1f600}\u{1f600}\u{1f600}",
            "\u{ff}",
            "\u{2}s",
        ];
        for word in words {
            for _ in 0..2 {
                assert_eq!(
                    tokens(whole(true), word),
                    tokens(whole(false), word),
                    "{word:?}"
                );
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig {
            cases: 512,
            failure_persistence: None,
            rng_seed: proptest::test_runner::RngSeed::Fixed(0x7374_656d),
            ..ProptestConfig::default()
        })]
        #[test]
        fn gives_tantivys_stems_of_any_text(text in "(\\PC|\\x00){0,20}") {
            for _ in 0..2 {
                prop_assert_eq!(tokens(whole(true), &text), tokens(whole(false), &text));
            }
        }
    }

    #[test]
    fn a_full_memo_evicts_and_still_stems_right() {
        let mut memo = Memo::default();
        let stems = [
            "running",
            "runs",
            "ponies",
            "dying",
            "news",
            "generously",
            "caf\u{e9}s",
        ];
        let word = |i: usize| format!("{}{i}s", stems[i % stems.len()]);
        // More words than slots, each looked up twice, then all of them again: the earlier
        // ones have been evicted or overwritten by then.
        let n = SLOTS + SLOTS / 2;
        for round in 0..2 {
            for i in 0..n {
                let reps = if round == 0 { 2 } else { 1 };
                for _ in 0..reps {
                    let mut w = word(i);
                    memo.stem_in_place(&mut w);
                    assert_eq!(w, stem_uncached(&word(i)), "round {round}");
                }
            }
        }
    }
}
