//! Plain text: headline on the first non-empty line, body after it; datelines.
//!
//! A dateline is an upper-case place at the very start of the body, optionally
//! followed by a comma and a date, optionally by a parenthesised agency, and then a
//! dash (`-`, `--`, `–` or `—`):
//! `ERBIL (Kurdistan24) —`, `SALVADOR, Feb 26 -`, `LONDON (Reuters) -`, `WASHINGTON —`.
//! It is stored in [`Article::dateline`] with its place in
//! [`Article::dateline_place`], and kept in the body (see the [`read`](super) module).
//!
//! A file may open with a header block of `Name: value` lines using known field names
//! (`Title:`, `Date:`, `Author:`, `Source:`, `URL:`, …) ended by a blank line; the
//! header then gives the metadata and the title.
//!
//! A file whose first line is a whole paragraph (over [`LONG_HEADLINE`] characters)
//! has no real headline: its first sentence becomes the title and the body keeps the
//! whole text, so that nothing is lost.

use super::fields::collapse_whitespace;
use super::ReadOutput;
use crate::Article;

/// A first line longer than this (in characters) is a paragraph, not a headline.
pub const LONG_HEADLINE: usize = 300;

/// Reads a plain-text article.
pub fn read(text: &str, path: &str) -> Result<ReadOutput, String> {
    let text = text.trim();
    if text.is_empty() {
        return Err("empty file".into());
    }
    let (header, text) = split_header(text);
    let rec = super::fields::Record::from_object(&header);
    let header_title = rec.title();
    let (title, body) = if !header_title.is_empty() {
        (header_title, text.to_string())
    } else {
        let (first, rest) = match text.split_once('\n') {
            Some((first, rest)) => (first.trim(), rest.trim()),
            None => (text, ""),
        };
        if first.chars().count() > LONG_HEADLINE {
            (first_sentence(first), text.to_string())
        } else {
            (collapse_whitespace(first), rest.to_string())
        }
    };
    let mut article = Article {
        id: path.to_string(),
        path: path.to_string(),
        title,
        body,
        ..Article::default()
    };
    rec.fill_metadata(&mut article);
    fill_dateline(&mut article);
    if article.title.is_empty() && article.body.is_empty() {
        return Err("no title or text".into());
    }
    Ok(ReadOutput {
        articles: vec![article],
        problems: Vec::new(),
    })
}

/// Field names that may open a plain-text file as `Name: value` header lines.
const HEADER_KEYS: [&str; 12] = [
    "title",
    "headline",
    "date",
    "published",
    "author",
    "authors",
    "byline",
    "source",
    "url",
    "link",
    "dateline",
    "publisher",
];

/// Splits a header block such as `Title: …` / `Date: …` / `Source: …` (known field
/// names only, at least one line, ended by a blank line) from the start of the text.
fn split_header(text: &str) -> (serde_json::Map<String, serde_json::Value>, &str) {
    let mut fields = serde_json::Map::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            if fields.is_empty() {
                break;
            }
            return (fields, text[offset + line.len()..].trim());
        }
        let Some((key, value)) = trimmed.split_once(':') else {
            break;
        };
        let key = key.trim().to_ascii_lowercase();
        let value = value.trim();
        if !HEADER_KEYS.contains(&key.as_str()) || value.is_empty() {
            break;
        }
        fields.insert(key, serde_json::Value::String(value.to_string()));
        offset += line.len();
    }
    (serde_json::Map::new(), text)
}

/// A dateline found at the start of a body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dateline {
    /// The dateline as written, up to and including its dash: `SALVADOR, Feb 26 -`.
    pub text: String,
    /// Its place: `SALVADOR`.
    pub place: String,
}

/// Sets the article's dateline from the start of its body when the source gave none.
pub fn fill_dateline(article: &mut Article) {
    if article.dateline.is_none() {
        if let Some(d) = find_dateline(&article.body) {
            article.dateline = Some(d.text);
            article.dateline_place = Some(d.place);
        }
    }
}

/// Recognises a dateline at the start of `body` (leading whitespace allowed).
///
/// ```
/// use newsdex::read::text::find_dateline;
/// let d = find_dateline("LONDON (Reuters) - Shares fell.").unwrap();
/// assert_eq!((d.text.as_str(), d.place.as_str()), ("LONDON (Reuters) -", "LONDON"));
/// assert!(find_dateline("The minister said - in London - that").is_none());
/// ```
pub fn find_dateline(body: &str) -> Option<Dateline> {
    let s = body.trim_start();
    let line = s.lines().next()?;
    // Look only at the head of the first line.
    let head = match line.char_indices().nth(160) {
        Some((i, _)) => &line[..i],
        None => line,
    };

    // 1. The place: one to six upper-case words.
    let mut pos = 0;
    let mut words = 0;
    let mut place_end = 0;
    loop {
        let rest = &head[pos..];
        let word_len = rest
            .find(|c: char| c.is_whitespace() || matches!(c, ',' | '(' | '—' | '–'))
            .unwrap_or(rest.len());
        let word = &rest[..word_len];
        if word.is_empty() || !is_place_word(word) {
            break;
        }
        words += 1;
        pos += word_len;
        place_end = pos;
        if words == 6 {
            break;
        }
        // Continue only over single spaces followed by another place word.
        let after = &head[pos..];
        if after.starts_with(' ') && !after[1..].starts_with(char::is_whitespace) {
            pos += 1;
        } else {
            break;
        }
    }
    if words == 0 {
        return None;
    }
    let place = head[..place_end].trim_end_matches(['.', '\'', '’']);
    if place.chars().filter(|c| c.is_alphabetic()).count() < 2 {
        return None;
    }
    let mut pos = place_end;

    // 2. Optional `, date` (a few words starting with a letter or digit).
    if head[pos..].starts_with(',') {
        let rest = &head[pos + 1..];
        let end = rest.find(['(', '—', '–']).unwrap_or(rest.len());
        let end = match rest[..end].find(" -") {
            Some(i) => i,
            None => end,
        };
        let extra = rest[..end].trim();
        let ok = !extra.is_empty()
            && extra.chars().count() <= 40
            && extra.split_whitespace().count() <= 5
            && extra.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit());
        if !ok {
            return None;
        }
        pos += 1 + end;
    }

    // 3. Optional `(Agency)`.
    let trimmed = head[pos..].trim_start();
    if trimmed.starts_with('(') {
        let close = trimmed.find(')')?;
        if !(2..=50).contains(&close) {
            return None;
        }
        pos = head.len() - trimmed.len() + close + 1;
    }

    // 4. The dash, then a space (an em or en dash may touch the next word).
    let before_dash = &head[pos..];
    let gap = before_dash.len() - before_dash.trim_start().len();
    let at = &before_dash[gap..];
    let dash_len = if at.starts_with("--") {
        2
    } else if at.starts_with('-') {
        1
    } else if at.starts_with('—') || at.starts_with('–') {
        3
    } else {
        return None;
    };
    let after = &at[dash_len..];
    let hyphen = dash_len < 3;
    if hyphen && (gap == 0 || !after.starts_with(char::is_whitespace)) {
        return None;
    }
    if after.trim().is_empty() && s.lines().nth(1).is_none() {
        // A dateline needs a story after it.
        return None;
    }
    let end = pos + gap + dash_len;
    Some(Dateline {
        text: head[..end].to_string(),
        place: place.to_string(),
    })
}

/// The place of a dateline given as a field (`SALVADOR, Feb 26 -` → `SALVADOR`).
///
/// Leading decoration (`****LONDON, March 5 -`) is skipped. A field that does not read
/// as a dateline gives the text before its first comma, parenthesis or dash when that
/// is a short run of capitalised words (`Paris, France` → `Paris`), else `None`
/// (`APRIL 7 -`, `--` and table debris have no place).
pub fn dateline_place(dateline: &str) -> Option<String> {
    let dateline = dateline.trim_start_matches(|c: char| !c.is_alphanumeric());
    if let Some(d) = find_dateline(&format!("{dateline} x")) {
        return Some(d.place);
    }
    let end = dateline
        .find([',', '(', '—', '–'])
        .or_else(|| dateline.find(" -"))
        .unwrap_or(dateline.len());
    let place = dateline[..end].trim();
    let words: Vec<&str> = place.split_whitespace().collect();
    let capitalised = |w: &&str| {
        w.starts_with(char::is_uppercase)
            && w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’'))
    };
    (!words.is_empty() && words.len() <= 5 && words.iter().all(capitalised))
        .then(|| words.join(" "))
}

/// An upper-case word of a place name: `NEW`, `ST.`, `WINSTON-SALEM`, `SÃO`, `N'DJAMENA`.
fn is_place_word(word: &str) -> bool {
    let mut letters = 0;
    for c in word.chars() {
        if c.is_alphabetic() {
            if !c.is_uppercase() {
                return false;
            }
            letters += 1;
        } else if !matches!(c, '.' | '-' | '\'' | '’' | '&') {
            return false;
        }
    }
    letters >= 1 && !word.starts_with('-')
}

/// The first sentence of a long paragraph, cut at a word boundary if still too long.
fn first_sentence(paragraph: &str) -> String {
    let mut end = paragraph.len();
    for (i, c) in paragraph.char_indices() {
        if matches!(c, '.' | '!' | '?') && i > 20 {
            let next = paragraph[i + 1..].chars().next();
            if next.is_none_or(char::is_whitespace) {
                end = i + 1;
                break;
            }
        }
    }
    let sentence = &paragraph[..end];
    if sentence.chars().count() <= 200 {
        return collapse_whitespace(sentence);
    }
    let cut = sentence
        .char_indices()
        .nth(200)
        .map(|(i, _)| i)
        .unwrap_or(sentence.len());
    let cut = sentence[..cut].rfind(' ').unwrap_or(cut);
    format!("{}…", collapse_whitespace(&sentence[..cut]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headline_and_body() {
        let out = read(
            "\n\n  Ad sales boost profit \n\nFirst paragraph.\n\nSecond.\n",
            "a.txt",
        )
        .unwrap();
        let a = &out.articles[0];
        assert_eq!(a.id, "a.txt");
        assert_eq!(a.path, "a.txt");
        assert_eq!(a.title, "Ad sales boost profit");
        assert_eq!(a.body, "First paragraph.\n\nSecond.");
        assert_eq!(a.dateline, None);
    }

    #[test]
    fn header_block() {
        let text = "Title: Port strike spreads\nDate: 2025-02-10\nSource: Daily Wire\nURL: https://x.org/a\n\nROTTERDAM (Newsdex) - Dockers walked out.\n";
        let a = &read(text, "h.txt").unwrap().articles[0];
        assert_eq!(a.title, "Port strike spreads");
        assert_eq!(a.body, "ROTTERDAM (Newsdex) - Dockers walked out.");
        assert_eq!(a.date.as_deref(), Some("2025-02-10"));
        assert_eq!(a.source.as_deref(), Some("Daily Wire"));
        assert_eq!(a.url.as_deref(), Some("https://x.org/a"));
        assert_eq!(a.dateline_place.as_deref(), Some("ROTTERDAM"));
        // A header without a title: the headline follows it.
        let a = &read("Date: 2025-02-10\n\nHeadline here\n\nBody.", "i.txt")
            .unwrap()
            .articles[0];
        assert_eq!(
            (a.title.as_str(), a.body.as_str()),
            ("Headline here", "Body.")
        );
        assert_eq!(a.date.as_deref(), Some("2025-02-10"));
        // Not a header: an unknown key, or a headline with a colon.
        let a = &read("Brexit: what happens next\n\nBody.", "j.txt")
            .unwrap()
            .articles[0];
        assert_eq!(a.title, "Brexit: what happens next");
        assert_eq!(a.date, None);
        let a = &read("Date: 2025-02-10\nUpdate: more\n\nBody.", "k.txt")
            .unwrap()
            .articles[0];
        assert_eq!(a.title, "Date: 2025-02-10");
    }

    #[test]
    fn headline_only_and_crlf() {
        let out = read("Just a headline", "a.txt").unwrap();
        assert_eq!(out.articles[0].title, "Just a headline");
        assert_eq!(out.articles[0].body, "");
        let out = read("Title\r\n\r\nBody line.\r\n", "b.txt").unwrap();
        assert_eq!(out.articles[0].title, "Title");
        assert_eq!(out.articles[0].body, "Body line.");
    }

    #[test]
    fn long_first_line_is_not_a_headline() {
        let para = format!(
            "LONDON (Reuters) - The central bank raised rates today. {}",
            "More words follow here. ".repeat(20)
        );
        let out = read(&para, "p.txt").unwrap();
        let a = &out.articles[0];
        assert_eq!(
            a.title,
            "LONDON (Reuters) - The central bank raised rates today."
        );
        assert_eq!(a.body, para.trim());
        assert_eq!(a.dateline_place.as_deref(), Some("LONDON"));
    }

    #[test]
    fn datelines() {
        let table = [
            (
                "ERBIL (Kurdistan24) — Talks resumed.",
                Some(("ERBIL (Kurdistan24) —", "ERBIL")),
            ),
            (
                "SALVADOR, Feb 26 - Showers continued",
                Some(("SALVADOR, Feb 26 -", "SALVADOR")),
            ),
            (
                "LONDON (Reuters) - Shares fell",
                Some(("LONDON (Reuters) -", "LONDON")),
            ),
            (
                "WASHINGTON — The Senate voted",
                Some(("WASHINGTON —", "WASHINGTON")),
            ),
            (
                "WASHINGTON—The Senate voted",
                Some(("WASHINGTON—", "WASHINGTON")),
            ),
            (
                "NEW YORK, March 3 (AP) – Stocks",
                Some(("NEW YORK, March 3 (AP) –", "NEW YORK")),
            ),
            (
                "BRUSSELS (Newsdex) -- Ministers met",
                Some(("BRUSSELS (Newsdex) --", "BRUSSELS")),
            ),
            (
                "ST. PETERSBURG, Fla. - A storm",
                Some(("ST. PETERSBURG, Fla. -", "ST. PETERSBURG")),
            ),
            (
                "WINSTON-SALEM, N.C., April 2 - Firm",
                Some(("WINSTON-SALEM, N.C., April 2 -", "WINSTON-SALEM")),
            ),
            (
                "SÃO PAULO (Newsdex) — Brazil's",
                Some(("SÃO PAULO (Newsdex) —", "SÃO PAULO")),
            ),
            (
                "  LAGOS - Nigeria's central bank",
                Some(("LAGOS -", "LAGOS")),
            ),
            ("The minister said - in London - that", None),
            ("London (Reuters) - mixed case place", None),
            ("US-based firms grew", None),
            ("NATO-led forces", None),
            ("BRUSSELS, the capital of Belgium, said - x", None),
            ("BRUSSELS hosted a summit", None),
            ("A - B", None),
            ("", None),
            ("- - -", None),
            ("WASHINGTON -", None),
        ];
        for (input, want) in table {
            let got = find_dateline(input);
            let got = got.as_ref().map(|d| (d.text.as_str(), d.place.as_str()));
            assert_eq!(got, want, "input {input:?}");
        }
    }

    #[test]
    fn dateline_place_of_field() {
        assert_eq!(
            dateline_place("SALVADOR, Feb 26 -").as_deref(),
            Some("SALVADOR")
        );
        assert_eq!(
            dateline_place("NEW YORK, Oct 19 -").as_deref(),
            Some("NEW YORK")
        );
        assert_eq!(
            dateline_place("ERBIL (Kurdistan24) —").as_deref(),
            Some("ERBIL")
        );
        assert_eq!(dateline_place("Paris, France").as_deref(), Some("Paris"));
        assert_eq!(
            dateline_place("****SANTO DOMINGO, March 4 -").as_deref(),
            Some("SANTO DOMINGO")
        );
        for junk in [
            " - ",
            "--",
            "APRIL 7  -",
            "MAR8  --     --",
            "- Position of APR 6   -",
            "7  -",
        ] {
            assert_eq!(dateline_place(junk), None, "{junk:?}");
        }
    }

    #[test]
    fn dateline_is_kept_in_body() {
        let out = read("Headline\n\nLONDON (Reuters) - Shares fell.", "a.txt").unwrap();
        let a = &out.articles[0];
        assert_eq!(a.body, "LONDON (Reuters) - Shares fell.");
        assert_eq!(a.dateline.as_deref(), Some("LONDON (Reuters) -"));
        assert_eq!(a.dateline_place.as_deref(), Some("LONDON"));
    }
}
