//! A tokenizer shared by the extractors: words, numbers and punctuation with byte offsets.

/// A token: a slice of the text with its byte offsets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token<'a> {
    /// The token text.
    pub text: &'a str,
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
}

/// Splits text into tokens. Words keep inner apostrophes, hyphens and periods of
/// abbreviations (`U.S.`, `O'Neill`, `Jean-Claude`); a trailing possessive `'s` is its
/// own token; numbers keep their separators (`1,234.5`); every other non-space
/// character is a token of its own.
///
/// ASCII bytes, nearly all of news text, are classified without decoding them into
/// characters (the tokenizer was 3 % of an index run's instructions).
pub fn tokenize(text: &str) -> Vec<Token<'_>> {
    // News text has a token every five to six bytes: sized once, the vector is not copied
    // as it grows.
    let mut out = Vec::with_capacity(text.len() / 5 + 4);
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(c) = char_at(text, i) {
        let start = i;
        let mut end = start + c.len_utf8();
        if c.is_whitespace() {
            i = end;
            continue;
        }
        if c.is_alphanumeric() {
            while end < bytes.len() {
                if bytes[end].is_ascii_alphanumeric() {
                    end += 1;
                    continue;
                }
                let Some(d) = char_at(text, end) else { break };
                if !(d.is_alphanumeric() || joins(text, start, c, end, d)) {
                    break;
                }
                end += d.len_utf8();
            }
            // Abbreviations such as "U.S." keep their final period.
            if end < bytes.len()
                && bytes[end] == b'.'
                && text[start..end].contains('.')
                && text[start..end]
                    .chars()
                    .all(|x| x.is_alphabetic() || x == '.')
            {
                end += 1;
            }
        } else if matches!(c, '\'' | '’') && possessive_s(&text[end..]) {
            // Possessive "'s".
            end += 1;
        }
        out.push(Token {
            text: &text[start..end],
            start,
            end,
        });
        i = end;
    }
    out
}

/// The character at byte `i` of `text` (a character boundary), if any; an ASCII byte is not
/// decoded.
#[inline]
pub(crate) fn char_at(text: &str, i: usize) -> Option<char> {
    match text.as_bytes().get(i) {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        Some(_) => text[i..].chars().next(),
        None => None,
    }
}

/// Whether `rest` starts with the `s` of a possessive: `s` or `S` not followed by a letter
/// or digit.
fn possessive_s(rest: &str) -> bool {
    (rest.starts_with('s') || rest.starts_with('S'))
        && !rest[1..]
            .chars()
            .next()
            .is_some_and(|n| n.is_alphanumeric())
}

/// Whether the punctuation `d` at byte `at` joins the word that started at `start` with
/// character `c` to what follows: O'Neill, 1,234, U.S, Jean-Claude.
fn joins(text: &str, start: usize, c: char, at: usize, d: char) -> bool {
    if !matches!(d, '\'' | '’' | '-' | '.' | ',') {
        return false;
    }
    let rest = &text[at + d.len_utf8()..];
    let next = rest.chars().next();
    let next_alnum = next.is_some_and(|n| n.is_alphanumeric());
    match d {
        ',' => next_alnum && c.is_ascii_digit() && next.is_some_and(|n| n.is_ascii_digit()),
        // Split possessive 's so that "Putin's" -> "Putin", "'s".
        '\'' | '’' => next_alnum && !possessive_s(rest),
        '.' => {
            next_alnum
                || (c.is_uppercase()
                    && text[start..at]
                        .chars()
                        .all(|x| x.is_uppercase() || x == '.')
                    && text[start..at].contains('.'))
        }
        _ => next_alnum,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tokenizer as first written, character by character: the reference for
    /// [`tokenize`], which must cut every text the same way.
    fn tokenize_by_chars(text: &str) -> Vec<Token<'_>> {
        // News text has a token every five to six bytes: sized once, the vector is not copied
        // as it grows.
        let mut out = Vec::with_capacity(text.len() / 5 + 4);
        let bytes = text.as_bytes();
        let mut iter = text.char_indices().peekable();
        while let Some((start, c)) = iter.next() {
            if c.is_whitespace() {
                continue;
            }
            let mut end = start + c.len_utf8();
            if c.is_alphanumeric() {
                while let Some(&(i, d)) = iter.peek() {
                    let joins = if d.is_alphanumeric() {
                        true
                    } else if matches!(d, '\'' | '’' | '-' | '.' | ',') {
                        // Join only when followed by an alphanumeric (O'Neill, 1,234, U.S).
                        let next = text[i + d.len_utf8()..].chars().next();
                        let next_alnum = next.is_some_and(|n| n.is_alphanumeric());
                        match d {
                            ',' => {
                                next_alnum
                                    && c.is_ascii_digit()
                                    && next.is_some_and(|n| n.is_ascii_digit())
                            }
                            '\'' | '’' => {
                                // Split possessive 's so that "Putin's" -> "Putin", "'s".
                                let rest = &text[i + d.len_utf8()..];
                                let possessive = (rest.starts_with('s') || rest.starts_with('S'))
                                    && !rest[1..]
                                        .chars()
                                        .next()
                                        .is_some_and(|n| n.is_alphanumeric());
                                next_alnum && !possessive
                            }
                            '.' => {
                                next_alnum
                                    || (c.is_uppercase()
                                        && text[start..i]
                                            .chars()
                                            .all(|x| x.is_uppercase() || x == '.')
                                        && text[start..i].contains('.'))
                            }
                            _ => next_alnum,
                        }
                    } else {
                        false
                    };
                    if !joins {
                        break;
                    }
                    end = i + d.len_utf8();
                    iter.next();
                }
                // Abbreviations such as "U.S." keep their final period.
                if end < bytes.len()
                    && bytes[end] == b'.'
                    && text[start..end].contains('.')
                    && text[start..end]
                        .chars()
                        .all(|x| x.is_alphabetic() || x == '.')
                {
                    end += 1;
                    iter.next();
                }
            } else if matches!(c, '\'' | '’') {
                // Possessive "'s".
                if let Some(&(i, d)) = iter.peek() {
                    if (d == 's' || d == 'S')
                        && !text[i + 1..]
                            .chars()
                            .next()
                            .is_some_and(|n| n.is_alphanumeric())
                    {
                        end = i + 1;
                        iter.next();
                    }
                }
            }
            out.push(Token {
                text: &text[start..end],
                start,
                end,
            });
        }
        out
    }

    /// The byte-level tokenizer gives the tokens of the character-by-character one on every
    /// BBC and Reuters file and on odd text.
    #[test]
    fn same_tokens_as_the_reference() {
        let mut texts: Vec<String> = [
            "",
            "U.S. U.S.A. u.s. A.B.c. Mr. e.g. 1.5. x.",
            "Putin's O'Neill's '90s 's 'S 'st rock'n'roll ’s Zürich’s",
            "1,234 a,b 1,a ,5 12,345,678.9 x-y - -- a- -b 3.5% .5",
            "ÉTÉ É.T. Ü.S. 東京。 naïve café-au-lait x\u{a0}y\u{2028}z\u{85}w",
            "a.\nb. C.D.\u{e9} end.",
        ]
        .map(String::from)
        .to_vec();
        texts.extend(crate::test_texts::bbc_and_reuters());
        for text in &texts {
            assert_eq!(tokenize(text), tokenize_by_chars(text), "{text:?}");
        }
    }

    fn words(s: &str) -> Vec<&str> {
        tokenize(s).into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn splits_words_numbers_and_punctuation() {
        assert_eq!(
            words("Putin's visit, 1,234.5 dlrs."),
            ["Putin", "'s", "visit", ",", "1,234.5", "dlrs", "."]
        );
        assert_eq!(
            words("the U.S. and Jean-Claude O'Neill"),
            ["the", "U.S.", "and", "Jean-Claude", "O'Neill"]
        );
        assert_eq!(words("€90bn (£1.5m)"), ["€", "90bn", "(", "£", "1.5m", ")"]);
        assert_eq!(words("end. Next"), ["end", ".", "Next"]);
    }

    #[test]
    fn offsets_point_into_the_text() {
        let text = "Zürich’s bank";
        for t in tokenize(text) {
            assert_eq!(&text[t.start..t.end], t.text);
        }
    }
}
