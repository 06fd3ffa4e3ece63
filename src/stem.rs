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

/// Slots of a thread's memo: 2^14 of 32 bytes, 512 KiB, within the L2 cache of the 2-core
/// machine the figures come from. The words that make most of a text's tokens stay in it; a
/// rarer word whose slots are all taken replaces the first of them.
const SLOTS: usize = 1 << 14;
/// Slots a word may sit in: its hash's slot and the next ones.
const PROBES: usize = 4;
/// The longest word (and stem) kept in the memo, in bytes; longer ones are stemmed each time.
const INLINE: usize = 15;
/// The stem length of a word that is its own stem.
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

/// One remembered word and its stem: each is a length byte and up to [`INLINE`] bytes, zero
/// padded, so that a look-up compares one 16-byte key and reads one cache line.
#[derive(Clone, Copy)]
#[repr(C, align(32))]
struct Slot {
    /// Length, then the word; all zero for an empty slot.
    word: [u8; 16],
    /// Length ([`SAME`] when the word is its own stem, as most are), then the stem.
    stem: [u8; 16],
}

const EMPTY: Slot = Slot {
    word: [0; 16],
    stem: [0; 16],
};

/// `bytes` (at most [`INLINE`]) as a slot's key: its length, then the bytes, zero padded.
fn key_of(bytes: &[u8]) -> [u8; 16] {
    let mut key = [0; 16];
    key[0] = bytes.len() as u8;
    key[1..=bytes.len()].copy_from_slice(bytes);
    key
}

/// Recent words and their stems, in an open-addressed table.
struct Memo {
    stemmer: frostem::Stemmer,
    /// Allocated on first use: [`SLOTS`] slots.
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
            self.slots = vec![EMPTY; SLOTS];
        }
        let key = key_of(text.as_bytes());
        let home = xxhash_rust::xxh3::xxh3_64(text.as_bytes()) as usize;
        let mut free = None;
        for probe in 0..PROBES {
            let at = (home + probe) & (SLOTS - 1);
            let slot = &self.slots[at];
            if slot.word == key {
                if slot.stem[0] != SAME {
                    let stem = &slot.stem[1..=usize::from(slot.stem[0])];
                    text.clear();
                    // Copied whole from a `str`: still UTF-8.
                    text.push_str(std::str::from_utf8(stem).unwrap_or_default());
                }
                return;
            }
            if slot.word[0] == 0 {
                free = Some(at);
                break;
            }
        }
        let at = free.unwrap_or(home & (SLOTS - 1));
        let stem = match self.stemmer.stem(text) {
            std::borrow::Cow::Borrowed(s) if s == text.as_str() => [SAME; 16],
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
        self.slots[at] = Slot { word: key, stem };
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
    use tantivy::tokenizer::{Language, SimpleTokenizer, Stemmer, TextAnalyzer};

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

    #[test]
    fn gives_the_tokens_of_tantivys_english_stemmer_on_real_articles() {
        let memo = || {
            TextAnalyzer::builder(SimpleTokenizer::default())
                .filter(tantivy::tokenizer::LowerCaser)
                .filter(MemoStemmer)
                .build()
        };
        let plain = || {
            TextAnalyzer::builder(SimpleTokenizer::default())
                .filter(tantivy::tokenizer::LowerCaser)
                .filter(Stemmer::new(Language::English))
                .build()
        };
        let dir = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data/bbc"));
        if !dir.is_dir() {
            eprintln!("skipped: {} is absent", dir.display());
            return;
        }
        let mut files = 0;
        for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
            let entry = entry.unwrap();
            if !entry.file_type().is_file() || files >= 300 {
                continue;
            }
            let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
            // Twice: the second pass is served from the memo.
            for _ in 0..2 {
                assert_eq!(
                    tokens(memo(), &text),
                    tokens(plain(), &text),
                    "{:?}",
                    entry.path()
                );
            }
            files += 1;
        }
        assert!(files >= 300, "only {files} BBC files under {dir:?}");
    }

    #[test]
    fn a_full_memo_evicts_and_still_stems_right() {
        let mut memo = Memo::default();
        let words = [
            "running",
            "runs",
            "ponies",
            "dying",
            "news",
            "generously",
            "caf\u{e9}s",
        ];
        // More words than slots, each looked up twice, and the short list again after them.
        for i in 0..SLOTS + SLOTS / 2 {
            let word = format!("{}{i}s", words[i % words.len()]);
            for _ in 0..2 {
                let mut w = word.clone();
                memo.stem_in_place(&mut w);
                assert_eq!(w, stem_uncached(&word));
            }
        }
        let long = "internationalisationalisings";
        for word in words.iter().chain([&long]) {
            for _ in 0..2 {
                let mut w = word.to_string();
                memo.stem_in_place(&mut w);
                assert_eq!(w, stem_uncached(word), "{word}");
            }
        }
    }
}
