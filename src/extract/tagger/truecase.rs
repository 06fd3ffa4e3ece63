//! The case of words in articles written wholly in capitals, restored before tagging, and of
//! names read only from capitals.
//!
//! Reuters sends some items as a headline alone, in capitals: "VOLCKER SEES NO CLEARCUT
//! EVIDENCE THAT U.S. TRADE DETERIORATION HAS YET BEEN REVERSED". With no other text to go
//! by, the tagger finds no name there; in the case the same words have inside a sentence of
//! ordinary text ("Volcker sees no clearcut evidence that U.S. trade deterioration has yet
//! been reversed") it finds Volcker. So such an article is read in that case
//! ([`CaseLexicon::restore_text`]):
//!
//! - a word the [`CaseLexicon`] knows gets its most frequent form ("sees", "U.S.", "GenCorp");
//! - a word it does not know is capitalised ("Volcker"): the lexicon lists the words most
//!   often written otherwise, and unknown words in capitals are mostly names; one with a
//!   period or without a vowel ("N.Z.", "NBC") keeps its capitals;
//! - a word of a name of several words on the tagger's lists is capitalised ("NEW YORK",
//!   "GENERAL MOTORS", though "new" and "general" are most often written in lower case);
//! - the first word of a sentence is capitalised; a stock ticker (`<ABEV>`) is left alone.
//!
//! Only lines that read as prose are restored: at least three words, of which at least two,
//! and a third, are words most often written in lower case, and at most one number to three
//! words; a shorter line right after such a line, in the same sentence, is its wrapped end. The lines of the price tables Reuters also sends in capitals ("CLOSE SETT PSETT",
//! "JUN7 6660H 6658L") stay as they are; a table's title line may read as prose. Every word
//! keeps its length in bytes, so offsets do not move; the extractor takes each mention's text
//! from the article as written.
//!
//! [`CaseLexicon::restore_name`] writes a name read only from capitals as names are written
//! ("TEXACO" → "Texaco", "BANK OF NEW YORK" → "Bank of New York"). The lexicon is learnt from
//! unlabelled news text by `newsdex train case` and ships in [`CASE_PATH`].

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::extract::token::{tokenize, Token};

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
    /// them, line by line; `None` when no line reads as prose. Every word keeps its byte
    /// offsets: a word whose restored form would change its length in bytes (a few
    /// non-ASCII letters) is left as it is, and so is a stock ticker (`<ABEV>`).
    pub fn restore_text(&self, text: &str) -> Option<String> {
        let tokens = tokenize(text);
        let mut out = text.to_string();
        let mut any = false;
        for sentence in split_sentences(text, &tokens) {
            let words: Vec<&str> = sentence.iter().map(|t| t.text).collect();
            let prose = self.prose_lines(text, sentence);
            if !prose.contains(&true) {
                continue;
            }
            any = true;
            let names = in_known_names(&words);
            let mut first = true;
            let mut in_ticker = false;
            for (i, t) in sentence.iter().enumerate() {
                in_ticker = match t.text {
                    "<" => true,
                    ">" => false,
                    _ => in_ticker,
                };
                if !prose[i] || in_ticker {
                    first &= !t.text.contains(char::is_alphanumeric);
                    continue;
                }
                let form = if names[i] {
                    self.name_word(t.text, first)
                } else {
                    self.word(t.text, first)
                };
                first &= !t.text.contains(char::is_alphanumeric);
                if form.len() == t.text.len() && form != t.text {
                    out.replace_range(t.start..t.end, &form);
                }
            }
        }
        any.then_some(out)
    }

    /// Which tokens of a sentence in capitals lie on a line that reads as prose rather than
    /// as a table: three words or more, at least two (and a third) of them most often
    /// written in lower case, and at most one number to three words ("LAWSON FORECASTS U.K.
    /// INFLATION 4.0 PCT AT END 1987", not "OPEN HIGH LOW 6660H 6658L"). A shorter line, with
    /// no more numbers, right after such a line of the same sentence is its wrapped end
    /// ("BALANCE U.S. BUDGET").
    fn prose_lines(&self, text: &str, sentence: &[Token<'_>]) -> Vec<bool> {
        let mut out = vec![false; sentence.len()];
        let mut start = 0;
        // Whether the line before had three words or more and read as prose.
        let mut previous = false;
        while start < sentence.len() {
            // The tokens up to the next line break.
            let end = (start + 1..sentence.len())
                .find(|&j| text[sentence[j - 1].end..sentence[j].start].contains('\n'))
                .unwrap_or(sentence.len());
            let line = &sentence[start..end];
            let words = line
                .iter()
                .filter(|t| t.text.contains(char::is_alphabetic))
                .count();
            let numbers = line
                .iter()
                .filter(|t| t.text.contains(|c: char| c.is_ascii_digit()))
                .count();
            let lower = line
                .iter()
                .filter(|t| {
                    self.forms
                        .get(&t.text.to_lowercase())
                        .is_some_and(|f| !f.contains(char::is_uppercase))
                })
                .count();
            let prose = numbers * 3 <= words
                && if words >= 3 {
                    lower >= 2 && lower * 3 >= words
                } else {
                    previous
                };
            out[start..end].fill(prose);
            previous = prose && words >= 3;
            start = end;
        }
        out
    }

    /// A word of a multi-word name the tagger's lists know ("NEW YORK", "GENERAL MOTORS"):
    /// capitalised, unless the lexicon lists it in capitals or mixed case ("U.S.") or it is a
    /// function word inside the name ("BANK OF NEW YORK").
    fn name_word(&self, word: &str, first: bool) -> String {
        if !word.contains(char::is_alphabetic) || word.contains(char::is_lowercase) {
            return word.to_string();
        }
        let key = word.to_lowercase();
        if !first && NAME_FUNCTION_WORDS.contains(&key.as_str()) {
            return key;
        }
        match self.forms.get(&key) {
            Some(form) if form.contains(char::is_uppercase) => form.to_string(),
            _ => capitalised_first(&key),
        }
    }

    /// A name written in capitals ("TEXACO", "BANK OF NEW YORK", "ALLIS-CHALMERS") as
    /// ordinary text writes it ("Texaco", "Bank of New York", "Allis-Chalmers"): a word the
    /// lexicon lists in capitals or mixed case takes that form ("U.S.", "GenCorp"), a function
    /// word after the first is in lower case, and every other word is capitalised (after
    /// each hyphen too, if the lexicon does not list it); `None` if a word holds any other
    /// sign ("AT&T").
    pub fn restore_name(&self, name: &str) -> Option<String> {
        // One word of four letters or fewer ("DEC", "AGIP"), or one the lexicon lists in
        // lower case ("POWER", "SEAT"), may be an acronym or a common word: it stays as it is.
        if !name.contains(' ')
            && (name.chars().filter(|c| c.is_alphabetic()).count() <= 4
                || self
                    .forms
                    .get(&name.to_lowercase())
                    .is_some_and(|f| !f.contains(char::is_uppercase)))
        {
            return None;
        }
        let mut words = Vec::new();
        for (i, w) in name.split(' ').enumerate() {
            if w.contains(|c: char| !(c.is_alphanumeric() || matches!(c, '.' | '-' | '\''))) {
                return None;
            }
            let key = w.to_lowercase();
            let restored = if self.forms.contains_key(&key)
                || (i > 0 && NAME_FUNCTION_WORDS.contains(&key.as_str()))
            {
                self.name_word(w, i == 0)
            } else if w.contains('-') {
                w.split('-')
                    .map(|part| self.word(part, true))
                    .collect::<Vec<_>>()
                    .join("-")
            } else {
                self.word(w, true)
            };
            words.push(restored);
        }
        Some(words.join(" "))
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

/// Words written in lower case inside a name ("Bank of New York", "Banco de Bilbao").
const NAME_FUNCTION_WORDS: &[&str] = &[
    "a", "an", "and", "at", "de", "del", "der", "des", "di", "du", "for", "in", "la", "le", "of",
    "on", "the", "to", "van", "von", "y",
];

/// `word` with its first letter in upper case ("'s" → "'S").
fn capitalised_first(word: &str) -> String {
    match word.char_indices().find(|(_, c)| c.is_alphabetic()) {
        Some((i, c)) => {
            let rest = &word[i + c.len_utf8()..];
            format!("{}{}{rest}", &word[..i], c.to_uppercase())
        }
        None => word.to_string(),
    }
}

/// Which words of a sentence belong to a name of two words or more on the tagger's lists
/// (places, and the persons, organisations and other names of its training data; not its
/// titles), matched case-blind.
fn in_known_names(words: &[&str]) -> Vec<bool> {
    use super::gazetteer::{GazList, GazMatch};
    let lws: Vec<u64> = words
        .iter()
        .map(|w| super::features::lower_hash(w))
        .collect();
    super::Tagger::global()
        .model
        .gazetteer
        .matches(&lws, None)
        .iter()
        .map(|row| {
            row.iter().enumerate().any(|(list, m)| {
                list != GazList::Title as usize
                    && matches!(m, GazMatch::Begin | GazMatch::Inside | GazMatch::Last)
            })
        })
        .collect()
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
        CaseLexicon::parse(
            "# test\nsees\nno\nthat\nU.S.\ntrade\nhas\nbeen\nGenCorp\n's\nsays\nof\nthe\n",
        )
    }

    #[test]
    fn known_words_take_their_form_and_unknown_ones_are_capitalised() {
        let lex = lexicon();
        for (caps, restored) in [
            (
                "VOLCKER SEES NO SIGN THAT U.S. TRADE HAS BEEN REVERSED\n\n",
                "Volcker sees no Sign that U.S. trade has been Reversed\n\n",
            ),
            (
                "GENCORP SAYS THAT TRADE ROSE",
                "GenCorp says that trade Rose",
            ),
            // A sentence's first word is capitalised; initials and vowel-less words stay.
            ("THAT NBC SAYS N.Z. TRADE", "That NBC says N.Z. trade"),
            // Possessives; a short line is the wrapped end of the prose line before it,
            // unless it has more than one number to three words.
            (
                "FED'S JOHNSON SAYS TRADE\nHAS EASED.",
                "Fed's Johnson says trade\nhas Eased.",
            ),
            (
                "FED'S JOHNSON SAYS TRADE\nUP 4.0 PCT.",
                "Fed's Johnson says trade\nUP 4.0 PCT.",
            ),
            // A stock ticker stays as it is.
            (
                "GENCORP <GY> SAYS TRADE HAS RISEN",
                "GenCorp <GY> says trade has Risen",
            ),
            // A word whose restored form would change its length keeps its capitals, so
            // every offset stays: "İ" lower-cases to two characters.
            (
                "İSTANBUL SAYS TRADE HAS RISEN",
                "İSTANBUL says trade has Risen",
            ),
        ] {
            assert_eq!(lex.restore_text(caps).as_deref(), Some(restored), "{caps}");
        }
    }

    #[test]
    fn names_in_capitals_are_written_as_ordinary_text_writes_them() {
        let lex = lexicon();
        for (caps, name) in [
            ("TEXACO", Some("Texaco")),
            ("U.S. TRADE BANK", Some("U.S. Trade Bank")),
            ("BANK OF THE U.S.", Some("Bank of the U.S.")),
            ("GENCORP", Some("GenCorp")),
            ("ALLIS-CHALMERS", Some("Allis-Chalmers")),
            ("NBC", None),
            ("DEC", None),
            ("AGIP", None),
            ("BANCO DE LA NACION", Some("Banco de la Nacion")),
            ("NBC NEWS", Some("NBC News")),
            ("AT&T", None),
        ] {
            assert_eq!(lex.restore_name(caps).as_deref(), name, "{caps}");
        }
    }

    #[test]
    fn tables_are_left_in_capitals() {
        let lex = lexicon();
        assert_eq!(lex.restore_text("CLOSE SETT PSETT"), None);
        assert_eq!(lex.restore_text("JUN7 6649H 6647L"), None);
        // A price row after a prose line is no wrapped end of it, nor is the row after.
        assert_eq!(
            lex.restore_text("VOLCKER SAYS TRADE HAS EASED\nUSD 2.0543-48\nDMK 112.85-87")
                .as_deref(),
            Some("Volcker says trade has Eased\nUSD 2.0543-48\nDMK 112.85-87")
        );
        // Two paragraphs: only the prose one is restored.
        assert_eq!(
            lex.restore_text("SETT PSETT MAY7\n\nVOLCKER SAYS TRADE HAS EASED")
                .as_deref(),
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
