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
pub fn tokenize(text: &str) -> Vec<Token<'_>> {
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
                                    && text[start..i].chars().all(|x| x.is_uppercase() || x == '.')
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

#[cfg(test)]
mod tests {
    use super::*;

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
