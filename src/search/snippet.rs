//! Snippets of the body around the query's terms, stemming only the words that can match.
//!
//! tantivy's [`SnippetGenerator`] runs the body's whole tokenizer over every hit, and the
//! English stemmer is most of that work: for a page of long articles it was most of a
//! search's time (BENCHMARKS.md, "Session 6"). A stemmed word starts with the same character as
//! the word itself, because the English stemmer rewrites endings (even "dying" becomes "die",
//! and "vying" "vie"). So a word can stem to a query term only if it starts with that term's
//! first character, and every other word is left as it is: unstemmed, it cannot equal a query
//! term either, since it does not start the way the term does. The snippets are the ones tantivy's own generator makes
//! (a test compares them on real articles); the stemming is a small fraction.

use crate::schema;
use std::collections::{BTreeMap, BTreeSet};
use tantivy::query::Query;
use tantivy::schema::{Field, Term};
use tantivy::snippet::SnippetGenerator;
use tantivy::tokenizer::{TextAnalyzer, Token, TokenFilter, TokenStream, Tokenizer};
use tantivy::{Score, Searcher};

/// Longest snippet, in characters.
pub const MAX_CHARS: usize = 220;

/// A snippet generator for `field` (a [`schema::TEXT_TOKENIZER`] field) and `query`.
///
/// Terms are weighted as tantivy's [`SnippetGenerator::create`] weighs them: `1 / (1 + document
/// frequency)`, terms absent from the index left out.
pub fn generator(
    searcher: &Searcher,
    query: &dyn Query,
    field: Field,
) -> tantivy::Result<SnippetGenerator> {
    let mut terms: BTreeSet<&Term> = BTreeSet::new();
    query.query_terms(&mut |term, _| {
        if term.field() == field {
            terms.insert(term);
        }
    });
    let mut weights: BTreeMap<String, Score> = BTreeMap::new();
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
    let gate = StemGate::new(weights.keys().map(String::as_str));
    let analyzer = schema::words().filter(gate).build();
    Ok(SnippetGenerator::new(weights, analyzer, field, MAX_CHARS))
}

/// The first character of a stemmed term: a word that stems to the term starts with it.
fn head(term: &str) -> Option<char> {
    term.chars().next()
}

/// The stemming step of [`schema::TEXT_TOKENIZER`], applied only to words that start like one
/// of the terms (see the module's documentation).
#[derive(Clone)]
struct StemGate {
    heads: Vec<char>,
    stemmer: TextAnalyzer,
}

impl StemGate {
    fn new<'a>(terms: impl Iterator<Item = &'a str>) -> StemGate {
        let mut heads: Vec<char> = terms.filter_map(head).collect();
        heads.sort_unstable();
        heads.dedup();
        StemGate {
            heads,
            stemmer: schema::stemmer(),
        }
    }

    /// `token`'s text stemmed if it may stem to a term, else left as it is.
    fn apply(&mut self, token: &mut Token) {
        if !head(&token.text).is_some_and(|c| self.heads.contains(&c)) {
            return;
        }
        let mut stream = self.stemmer.token_stream(&token.text);
        if stream.advance() {
            let stemmed = std::mem::take(&mut stream.token_mut().text);
            drop(stream);
            token.text = stemmed;
        }
    }
}

impl TokenFilter for StemGate {
    type Tokenizer<T: Tokenizer> = Gated<T>;

    fn transform<T: Tokenizer>(self, inner: T) -> Gated<T> {
        Gated { inner, gate: self }
    }
}

/// A tokenizer followed by a [`StemGate`].
#[derive(Clone)]
pub struct Gated<T> {
    inner: T,
    gate: StemGate,
}

impl<T: Tokenizer> Tokenizer for Gated<T> {
    type TokenStream<'a> = GatedStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        GatedStream {
            tail: self.inner.token_stream(text),
            gate: &mut self.gate,
        }
    }
}

/// The token stream of [`Gated`].
pub struct GatedStream<'a, S> {
    tail: S,
    gate: &'a mut StemGate,
}

impl<S: TokenStream> TokenStream for GatedStream<'_, S> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        self.gate.apply(self.tail.token_mut());
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stem(word: &str) -> String {
        let mut s = schema::stemmer();
        let mut stream = s.token_stream(word);
        assert!(stream.advance());
        stream.token().text.clone()
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
        ] {
            let s = stem(word);
            assert_eq!(head(word), head(&s), "{word} -> {s}");
        }
    }

    /// Over every word of the BBC and Reuters corpora: a word's stem starts with its first
    /// character.
    #[test]
    fn stems_start_like_their_words_in_real_text() {
        let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data");
        let dirs = [data.join("bbc"), data.join("reuters21578/articles")];
        if !dirs.iter().all(|d| d.is_dir()) {
            eprintln!("skipped: {dirs:?} not found");
            return;
        }
        let mut words = schema::words().build();
        let mut seen = std::collections::HashSet::new();
        for entry in dirs.iter().flat_map(walkdir::WalkDir::new).flatten() {
            let Ok(text) = std::fs::read_to_string(entry.path()) else {
                continue;
            };
            let mut stream = words.token_stream(&text);
            while stream.advance() {
                seen.insert(stream.token().text.clone());
            }
        }
        assert!(seen.len() > 50_000, "{} distinct words", seen.len());
        for word in &seen {
            let s = stem(word);
            assert_eq!(head(word), head(&s), "{word} -> {s}");
        }
    }

    #[test]
    fn gate_stems_only_words_that_can_match() {
        let mut gate = StemGate::new(["econom", "die"].into_iter());
        let mut out = Vec::new();
        let mut analyzer = schema::words().filter(gate.clone()).build();
        let mut stream = analyzer.token_stream("Economies of the Dying stars");
        while stream.advance() {
            out.push(stream.token().text.clone());
        }
        assert_eq!(out, ["economi", "of", "the", "die", "stars"]);
        let mut token = Token {
            text: "stars".into(),
            ..Token::default()
        };
        gate.apply(&mut token);
        assert_eq!(
            token.text, "stars",
            "no term starts with 's': left unstemmed"
        );
    }

    /// On real articles and many query words, the snippets are the ones tantivy's own generator
    /// makes with the index's full tokenizer.
    #[test]
    fn snippets_equal_tantivys_on_real_articles() {
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
            let ours = generator(&searcher, query.as_ref(), f.body).unwrap();
            for body in &bodies {
                let (a, b) = (ours.snippet(body), theirs.snippet(body));
                assert_eq!(a.fragment(), b.fragment(), "query {q:?}");
                assert_eq!(a.highlighted(), b.highlighted(), "query {q:?}");
                compared += usize::from(!b.is_empty());
            }
        }
        assert!(
            compared > 1_000,
            "only {compared} non-empty snippets compared"
        );
    }
}
