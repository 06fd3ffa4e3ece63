//! The case of words in articles written wholly in capitals, restored before tagging.
//!
//! Reuters sends some items as a headline alone, in capitals: "VOLCKER SEES NO CLEARCUT
//! EVIDENCE THAT U.S. TRADE DETERIORATION HAS YET BEEN REVERSED". With no other text to go
//! by, the tagger finds no name there; in the case the same words have inside a sentence of
//! ordinary text ("Volcker sees no clearcut evidence that U.S. trade deterioration has yet
//! been reversed") it finds Volcker. So the words of such an article are tagged in that case:
//!
//! - a word the [`CaseLexicon`] knows gets its most frequent form ("sees", "U.S.", "GenCorp");
//! - a word it does not know is capitalised ("Volcker"): the lexicon lists the words most
//!   often written otherwise, and unknown words in capitals are mostly names;
//! - the first word of a sentence is capitalised.
//!
//! Only sentences that read as prose are restored: at least three words, of which at least
//! two, and a third, are words most often written in lower case. The price tables Reuters
//! also sends in capitals ("CLOSE SETT PSETT") stay as they are. The text itself is not
//! changed: the tagger sees the restored words, and the entities keep the offsets and the
//! spelling of the text.
//!
//! The lexicon is learnt from unlabelled news text by `newsdex train case` and ships in
//! [`CASE_PATH`].

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::extract::token::tokenize;

use super::split_sentences;

/// The path of the shipped lexicon inside the repository.
pub const CASE_PATH: &str = "data/ner/case.txt.gz";

/// The shipped lexicon, gzipped.
static CASE_GZ: &[u8] = include_bytes!("../../../data/ner/case.txt.gz");

/// Words and the form they are most often written in inside a sentence, for the words whose
/// most frequent form is not the capitalised one: "sees", "U.S.", "GenCorp", "'s".
#[derive(Debug, Default)]
pub struct CaseLexicon {
    /// Lower-case word → its most frequent form.
    forms: HashMap<String, Box<str>>,
}

impl CaseLexicon {
    /// The shipped lexicon, read on first use; empty if it cannot be read (a test guards it).
    pub fn global() -> &'static CaseLexicon {
        static GLOBAL: OnceLock<CaseLexicon> = OnceLock::new();
        GLOBAL.get_or_init(|| {
            use std::io::Read;
            let mut text = String::new();
            flate2::read::GzDecoder::new(CASE_GZ)
                .read_to_string(&mut text)
                .map(|_| CaseLexicon::parse(&text))
                .unwrap_or_default()
        })
    }

    /// Reads a lexicon: one form a line; lines starting with `#` are comments.
    pub fn parse(text: &str) -> CaseLexicon {
        let forms = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(|form| (form.to_lowercase(), Box::from(form)))
            .collect();
        CaseLexicon { forms }
    }

    /// The number of words listed.
    pub fn len(&self) -> usize {
        self.forms.len()
    }

    /// Whether no word is listed.
    pub fn is_empty(&self) -> bool {
        self.forms.is_empty()
    }

    /// An article written wholly in capitals, its words in the case ordinary text would give
    /// them, sentence by sentence; `None` when no sentence reads as prose. Every word keeps
    /// its byte offsets: a word whose restored form would change its length in bytes (a
    /// few non-ASCII letters) is left as it is.
    pub fn restore_text(&self, text: &str) -> Option<String> {
        let tokens = tokenize(text);
        let mut out = text.to_string();
        let mut any = false;
        for sentence in split_sentences(text, &tokens) {
            let words: Vec<&str> = sentence.iter().map(|t| t.text).collect();
            if !self.reads_as_prose(&words) {
                continue;
            }
            any = true;
            let mut first = true;
            for t in sentence {
                let form = self.word(t.text, first);
                first &= !t.text.contains(char::is_alphanumeric);
                if form.len() == t.text.len() && form != t.text {
                    out.replace_range(t.start..t.end, &form);
                }
            }
        }
        any.then_some(out)
    }

    /// Whether a sentence in capitals is prose rather than a table: at least three words, at
    /// least two of them (and a third) most often written in lower case.
    fn reads_as_prose(&self, sentence: &[&str]) -> bool {
        let words = sentence
            .iter()
            .filter(|w| w.contains(char::is_alphabetic))
            .count();
        let lower = sentence
            .iter()
            .filter(|w| {
                self.forms
                    .get(&w.to_lowercase())
                    .is_some_and(|f| !f.contains(char::is_uppercase))
            })
            .count();
        words >= 3 && lower >= 2 && lower * 3 >= words
    }

    /// One word in the case ordinary text gives it (`first`: it starts a sentence).
    fn word(&self, word: &str, first: bool) -> String {
        if !word.contains(char::is_alphabetic) || word.contains(char::is_lowercase) {
            return word.to_string();
        }
        let key = word.to_lowercase();
        match self.forms.get(&key) {
            Some(form) if first => capitalised_first(form),
            Some(form) => form.to_string(),
            // "N.Z.", "NBC": initials and words without a vowel are kept in capitals.
            None if word.contains('.') || !key.contains(['a', 'e', 'i', 'o', 'u', 'y']) => {
                word.to_string()
            }
            None => capitalised_first(&key),
        }
    }
}

/// `word` with its first letter in upper case.
fn capitalised_first(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |c| {
        c.to_uppercase().chain(chars).collect::<String>()
    })
}

/// Whether a text is written wholly in capitals: no lower-case letter, and at least four
/// upper-case ones.
pub fn in_capitals(text: &str) -> bool {
    !text.contains(char::is_lowercase) && text.chars().filter(|c| c.is_uppercase()).nth(3).is_some()
}

/// Learns the lexicon from ordinary text: every word inside a sentence (not its first), in
/// sentences that are not written in capitals, counts for the form it is written in. A word
/// seen at least `min_count` times whose most frequent form is not its capitalised one is
/// listed with that form. Sorted by lower-case word.
pub fn learn(texts: &[String], min_count: u32) -> Vec<String> {
    let mut counts: HashMap<String, HashMap<&str, u32>> = HashMap::new();
    for text in texts {
        let tokens = tokenize(text);
        for sentence in split_sentences(text, &tokens) {
            if !sentence.iter().any(|t| t.text.contains(char::is_lowercase)) {
                continue;
            }
            for t in sentence.iter().skip(1) {
                if t.text.contains(char::is_alphabetic) {
                    *counts
                        .entry(t.text.to_lowercase())
                        .or_default()
                        .entry(t.text)
                        .or_default() += 1;
                }
            }
        }
    }
    let mut out: Vec<(String, String)> = counts
        .into_iter()
        .filter_map(|(key, forms)| {
            let total: u32 = forms.values().sum();
            // The most frequent form; ties to the smaller (capitals sort first).
            let (form, _) = forms
                .into_iter()
                .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0)))?;
            (total >= min_count && form != capitalised_first(&key)).then(|| (key, form.to_string()))
        })
        .collect();
    out.sort();
    out.into_iter().map(|(_, form)| form).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lexicon() -> CaseLexicon {
        CaseLexicon::parse("# test\nsees\nno\nthat\nU.S.\ntrade\nhas\nbeen\nGenCorp\n's\nsays\n")
    }

    fn restored(lex: &CaseLexicon, text: &str) -> Option<String> {
        lex.restore_text(text)
    }

    #[test]
    fn known_words_take_their_form_and_unknown_ones_are_capitalised() {
        let lex = lexicon();
        assert_eq!(
            restored(
                &lex,
                "VOLCKER SEES NO SIGN THAT U.S. TRADE HAS BEEN REVERSED\n\n"
            )
            .as_deref(),
            Some("Volcker sees no Sign that U.S. trade has been Reversed\n\n")
        );
        assert_eq!(
            restored(&lex, "GENCORP SAYS THAT TRADE ROSE").as_deref(),
            Some("GenCorp says that trade Rose")
        );
        // A sentence's first word is capitalised; initials and vowel-less words stay.
        assert_eq!(
            restored(&lex, "THAT NBC SAYS N.Z. TRADE").as_deref(),
            Some("That NBC says N.Z. trade")
        );
        // Possessives, punctuation and numbers; a hard-wrapped line is one sentence.
        assert_eq!(
            restored(&lex, "FED'S JOHNSON SAYS TRADE\nUP 4.0 PCT.").as_deref(),
            Some("Fed's Johnson says trade\nUp 4.0 PCT.")
        );
        // A word whose restored form would change its length keeps its capitals, so every
        // offset stays: "İ" lower-cases to two characters.
        assert_eq!(
            restored(&lex, "İSTANBUL SAYS TRADE HAS RISEN").as_deref(),
            Some("İSTANBUL says trade has Risen")
        );
    }

    #[test]
    fn tables_are_left_in_capitals() {
        let lex = lexicon();
        assert_eq!(restored(&lex, "CLOSE SETT PSETT"), None);
        assert_eq!(restored(&lex, "JUN7 6649H 6647L"), None);
        // Two paragraphs: only the prose one is restored.
        assert_eq!(
            restored(&lex, "SETT PSETT MAY7\n\nVOLCKER SAYS TRADE HAS EASED").as_deref(),
            Some("SETT PSETT MAY7\n\nVolcker says trade has Eased")
        );
    }

    #[test]
    fn capitals_are_whole_texts_without_lower_case() {
        assert!(in_capitals("VOLCKER SEES NO EVIDENCE\n\n"));
        assert!(!in_capitals("VOLCKER SEES NO EVIDENCE\n\nVolcker said"));
        assert!(!in_capitals("U.S. 4"));
    }

    #[test]
    fn learning_counts_words_inside_sentences_of_ordinary_text() {
        let texts = [
            "Trade rose. The trade gap, said GenCorp, was wide at GenCorp.".to_string(),
            "Baker said trade rose. Baker and Baker sees trade.".to_string(),
            "TRADE TRADE TRADE IN CAPITALS.".to_string(),
        ];
        let forms = learn(&texts, 2);
        assert!(forms.contains(&"trade".to_string()), "{forms:?}");
        assert!(forms.contains(&"GenCorp".to_string()), "{forms:?}");
        // Capitalised most often: the default, not listed.
        assert!(!forms.iter().any(|f| f == "Baker"), "{forms:?}");
        // Seen once only.
        assert!(!forms.iter().any(|f| f == "gap"), "{forms:?}");
    }

    #[test]
    fn the_shipped_lexicon_reads_and_knows_common_words() {
        let lex = CaseLexicon::global();
        assert!(lex.len() > 10_000, "{}", lex.len());
        for (word, form) in [("SAYS", "says"), ("U.S.", "U.S."), ("PCT", "pct")] {
            assert_eq!(lex.word(word, false), form);
        }
        // Names are not listed: they are capitalised.
        for name in ["VOLCKER", "BAKER", "LAWSON"] {
            assert!(!lex.forms.contains_key(&name.to_lowercase()), "{name}");
        }
    }
}
