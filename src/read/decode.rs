//! Bytes to text: UTF-8, UTF-16 with a byte-order mark, or a detected legacy encoding.
//!
//! The order of the checks matters:
//! 1. a byte-order mark decides (UTF-8, UTF-16 LE, UTF-16 BE);
//! 2. NUL bytes mean binary data, unless their pattern is that of BOM-less UTF-16
//!    text (every other byte NUL, as in ASCII-range UTF-16);
//! 3. valid UTF-8 is borrowed as it is;
//! 4. anything else goes through `chardetng`, whose guess (Windows-1252 for most
//!    western European text) `encoding_rs` decodes.
//!
//! Text with more than [`MAX_CONTROL_RATIO`] control characters (other than tab,
//! newline, carriage return and form feed) is rejected as binary.

use crate::bytes::{each_byte, HIGH_BITS};
use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8};
use std::borrow::Cow;

/// Share of control characters above which a file is treated as binary.
pub const MAX_CONTROL_RATIO: f64 = 0.05;

/// Decodes a file's bytes into text.
///
/// Returns `Err` with a reason a user understands for binary data. An empty input
/// decodes to an empty string (the caller decides whether that is an error).
///
/// ```
/// use newsdex::read::decode;
/// assert_eq!(decode(b"caf\xe9").unwrap(), "café"); // Windows-1252
/// assert_eq!(decode(b"\xef\xbb\xbfnews").unwrap(), "news"); // UTF-8 BOM stripped
/// assert!(decode(b"\x00\x01\x02\x03binary").is_err());
/// ```
pub fn decode(bytes: &[u8]) -> Result<Cow<'_, str>, String> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let rest = &bytes[bom_len..];
        let text = encoding.decode_without_bom_handling(rest).0;
        return check_controls(text);
    }
    if bytes.contains(&0) {
        return match utf16_without_bom(bytes) {
            Some(encoding) => check_controls(encoding.decode_without_bom_handling(bytes).0),
            None => Err("binary file (NUL bytes)".into()),
        };
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => Cow::Borrowed(text),
        Err(_) => {
            let mut detector =
                chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
            detector.feed(bytes, true);
            let encoding = detector.guess(None, chardetng::Utf8Detection::Deny);
            // A guess of UTF-8 for invalid UTF-8 cannot decode cleanly: fall back to
            // Windows-1252, which maps every byte to a character.
            let encoding = if encoding == UTF_8 {
                encoding_rs::WINDOWS_1252
            } else {
                encoding
            };
            Cow::Owned(encoding.decode_without_bom_handling(bytes).0.into_owned())
        }
    };
    check_controls(text)
}

/// Rejects text that is mostly control characters.
fn check_controls(text: Cow<'_, str>) -> Result<Cow<'_, str>, String> {
    let (total, controls) = count_controls(&text);
    if total > 0 && controls as f64 > MAX_CONTROL_RATIO * total as f64 {
        return Err("binary file (control characters)".into());
    }
    Ok(text)
}

/// The characters of `text`, and how many of them are control characters other than tab,
/// newline, carriage return and form feed; counted on the bytes, which every file read
/// passes through (decoding each character was 1.9 % of a BBC index run's instructions).
///
/// In UTF-8 each character has one byte that is not a continuation byte (`10xxxxxx`). The
/// control characters are U+0000–U+001F and U+007F, one byte each, and U+0080–U+009F,
/// written `C2 80`–`C2 9F`.
fn count_controls(text: &str) -> (usize, usize) {
    const LOW7: u64 = !HIGH_BITS;
    // The number of bytes of `mask` (high bits only) that are set.
    let bytes_set = |mask: u64| ((mask >> 7).wrapping_mul(each_byte(1)) >> 56) as usize;
    let narrow = |b: u8| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c)) || b == 0x7f;
    let bytes = text.as_bytes();
    let (mut continuations, mut controls) = (0usize, 0usize);
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let mut eight = [0u8; 8];
        eight.copy_from_slice(chunk);
        let x = u64::from_le_bytes(eight);
        // Shifting left by one (two) brings bit 6 (5) of each byte to its bit 7:
        // continuation bytes are 10xxxxxx, bytes below a space 000xxxxx.
        continuations += bytes_set(x & !(x << 1) & HIGH_BITS);
        let below_space = !(x | x << 1 | x << 2) & HIGH_BITS;
        // Bytes equal to 7F: x ^ 7F is zero there (exact zero-byte test, no borrow).
        let z = x ^ LOW7;
        let delete = !(((z & LOW7) + LOW7) | z | LOW7);
        if below_space | delete != 0 {
            // A newline, a tab or a control: rare enough to look at one by one.
            controls += chunk.iter().filter(|&&b| narrow(b)).count();
        }
    }
    for &b in chunks.remainder() {
        continuations += usize::from(b & 0xC0 == 0x80);
        controls += usize::from(narrow(b));
    }
    // U+0080–U+009F: C2 then 80–9F (C2 is rare in text, and starts no other control).
    controls += memchr::memchr_iter(0xC2, bytes)
        .filter(|&at| bytes.get(at + 1).is_some_and(|b| (0x80..=0x9F).contains(b)))
        .count();
    (bytes.len() - continuations, controls)
}

/// Recognises UTF-16 text without a byte-order mark by its NUL pattern: in text of
/// the Latin range, one byte of each pair is NUL and the other is not.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    if bytes.len() < 4 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let pairs = bytes.len() / 2;
    let (mut le, mut be) = (0usize, 0usize);
    for pair in bytes.chunks_exact(2) {
        match (pair[0], pair[1]) {
            (a, 0) if a != 0 => le += 1,
            (0, b) if b != 0 => be += 1,
            _ => {}
        }
    }
    if le * 10 >= pairs * 9 {
        Some(UTF_16LE)
    } else if be * 10 >= pairs * 9 {
        Some(UTF_16BE)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`count_controls`] one character at a time.
    fn count_controls_by_char(text: &str) -> (usize, usize) {
        let controls = text
            .chars()
            .filter(|&c| c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0c'))
            .count();
        (text.chars().count(), controls)
    }

    #[test]
    fn controls_are_counted_on_bytes_as_on_characters() {
        for text in [
            "",
            "plain text\r\n\twith\x0c allowed controls",
            "\0\x01\x1f\x7f \u{80}\u{9f}\u{a0}\u{85} é€😀 \u{7ff}\u{800}",
            "\u{c2}\u{80}", // U+00C2 then U+0080: C3 82 C2 80
        ] {
            assert_eq!(
                count_controls(text),
                count_controls_by_char(text),
                "{text:?}"
            );
        }
        for text in &crate::test_texts::bbc_and_reuters() {
            assert_eq!(count_controls(text), count_controls_by_char(text));
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config {
            cases: 1024,
            failure_persistence: None,
            rng_seed: proptest::test_runner::RngSeed::Fixed(0x6374_726c),
            ..proptest::test_runner::Config::default()
        })]
        #[test]
        fn controls_are_counted_on_bytes_in_any_text(text in "(\\PC|\\pC|\\x00|\\x{85}){0,40}") {
            proptest::prop_assert_eq!(count_controls(&text), count_controls_by_char(&text));
        }
    }

    fn utf16le_with_bom(s: &str) -> Vec<u8> {
        let mut out = vec![0xFF, 0xFE];
        for unit in s.encode_utf16() {
            out.extend_from_slice(&unit.to_le_bytes());
        }
        out
    }

    #[test]
    fn utf8_is_borrowed() {
        let bytes = "Zürich — news".as_bytes();
        let text = decode(bytes).unwrap();
        assert!(matches!(text, Cow::Borrowed(_)));
        assert_eq!(text, "Zürich — news");
    }

    #[test]
    fn utf8_bom_is_stripped() {
        assert_eq!(decode(b"\xef\xbb\xbfHello").unwrap(), "Hello");
    }

    #[test]
    fn windows_1252() {
        assert_eq!(decode(b"caf\xe9").unwrap(), "café");
        // Curly quotes, the euro sign and the em dash live in 0x80..0x9f in Windows-1252.
        let text = decode(b"\x93Le caf\xe9 co\xfbte 5 \x80\x97 d\xe9j\xe0 vu\x94").unwrap();
        assert_eq!(text, "“Le café coûte 5 €— déjà vu”");
    }

    #[test]
    fn longer_latin1_texts() {
        for text in [
            "Grüße aus München: Die Bürger zahlen für Straßen und Brücken mehr als geplant.",
            "Le président a déclaré à Bruxelles que l'économie française résistait à la crise.",
            "El Gobierno de España aprobó un plan de vivienda en Málaga y Cádiz el miércoles.",
        ] {
            let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(text);
            assert_eq!(decode(&bytes).unwrap(), text);
        }
    }

    #[test]
    fn utf16_le_and_be_with_bom() {
        let le = utf16le_with_bom("Déjà vu in Zürich");
        assert_eq!(decode(&le).unwrap(), "Déjà vu in Zürich");
        let mut be = vec![0xFE, 0xFF];
        for unit in "São Paulo".encode_utf16() {
            be.extend_from_slice(&unit.to_be_bytes());
        }
        assert_eq!(decode(&be).unwrap(), "São Paulo");
    }

    #[test]
    fn utf16_le_without_bom() {
        let le = utf16le_with_bom("Plain headline\n\nBody text here.");
        assert_eq!(
            decode(&le[2..]).unwrap(),
            "Plain headline\n\nBody text here."
        );
    }

    #[test]
    fn binary_is_rejected() {
        let err = decode(b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x03\x00>\x00")
            .unwrap_err();
        assert_eq!(err, "binary file (NUL bytes)");
        // Control characters without NULs.
        let junk: Vec<u8> = (1u8..32).cycle().take(400).collect();
        assert_eq!(
            decode(&junk).unwrap_err(),
            "binary file (control characters)"
        );
        // A PNG header contains NUL bytes.
        assert!(decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR").is_err());
    }

    #[test]
    fn empty_is_ok_here() {
        assert_eq!(decode(b"").unwrap(), "");
    }
}
