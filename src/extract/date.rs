//! Publication dates: parsing the many forms real dumps use into a calendar date.
//!
//! Accepted, with an optional weekday, time, time zone and a few noise words
//! ("Published", "Updated", "on", "at"):
//! - ISO 8601 / RFC 3339: `2025-03-01`, `2025-03-01T10:15:00+01:00`, `2025-03-01 10:15`;
//! - compact `20250301`, slashes or dots: `2025/03/01`, `2025.03.01`;
//! - day.month.year with dots (`04.03.2025`, always day first);
//! - numbers with slashes only when unambiguous: a first number above 12 is a day
//!   (`26/02/2025`), a second number above 12 makes it month/day (`2/26/2025`);
//!   `01/03/2025` is refused rather than guessed;
//! - month names, full or abbreviated, in any order with the day: `Feb 26, 2025`,
//!   `26 February 2025`, `March 1 2025`, `1st of March, 2025`;
//! - RFC 2822: `Sat, 01 Mar 2025 10:00:00 +0000`;
//! - Reuters: `26-FEB-1987 15:01:01.79` (two-digit years only with a month name:
//!   `26-FEB-87`, 70–99 → 19xx, 00–69 → 20xx).
//!
//! The date is the one written, in the writer's time zone: `2025-03-01T23:30-05:00`
//! is 1 March. A month and year without a day is refused.

use chrono::NaiveDate;

/// Parses a publication date written in one of the forms listed in the module docs.
///
/// ```
/// use chrono::NaiveDate;
/// use newsdex::extract::date::parse_date;
/// let d = NaiveDate::from_ymd_opt(1987, 2, 26);
/// assert_eq!(parse_date("26-FEB-1987 15:01:01.79"), d);
/// assert_eq!(parse_date("Feb 26, 1987"), d);
/// assert_eq!(parse_date("not a date"), None);
/// ```
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    // A trailing comment (`… 00:00:00.00  # date added by hand`) is not part of it.
    let s = s.split_once(" #").map_or(s, |(date, _)| date).trim();
    if s.is_empty() || s.len() > 100 {
        return None;
    }
    let mut numeric: Option<NaiveDate> = None;
    let mut numbers: Vec<(u32, usize)> = Vec::new(); // (value, digit count)
    let mut month: Option<u32> = None;
    let mut seen_time = false;

    for raw in s.split(|c: char| c.is_whitespace() || c == ',') {
        if raw.is_empty() {
            continue;
        }
        // RFC 3339 joins date and time with a `T`.
        let (raw, _time) = split_iso_time(raw);
        if is_time_or_zone(raw) {
            seen_time = true;
            continue;
        }
        // Reuters appends desk codes after the time: `00:02:59.13E F`, `… RM`.
        if seen_time && raw.len() <= 3 && raw.chars().all(|c| c.is_ascii_uppercase()) {
            continue;
        }
        if let Some(date) = numeric_date(raw) {
            if numeric.is_some() {
                return None;
            }
            numeric = Some(date?);
            continue;
        }
        // Reuters `26-FEB-1987`: hyphenated parts are separate tokens.
        for part in raw.split('-').filter(|p| !p.is_empty()) {
            let part = part.trim_end_matches(['.', ':']);
            if let Some(n) = ordinal_number(part) {
                if numbers.len() == 3 {
                    return None;
                }
                numbers.push(n);
            } else if let Some(m) = month_number(part) {
                if month.is_some() {
                    return None;
                }
                month = Some(m);
            } else if !is_noise_word(part) {
                return None;
            }
        }
    }

    if let Some(date) = numeric {
        return (numbers.is_empty() && month.is_none()).then_some(date);
    }
    let month = month?;
    let (day, year) = match numbers.as_slice() {
        [(a, da), (b, db)] => {
            if *da == 4 && *db <= 2 {
                (*b, *a)
            } else if *db == 4 && *da <= 2 {
                (*a, *b)
            } else if *da <= 2 && *db == 2 {
                // Two short numbers: `26 FEB 87` or `Feb 26 87`; the day comes first
                // either way, the year is the last number.
                (*a, expand_year(*b))
            } else {
                return None;
            }
        }
        _ => return None,
    };
    make_date(year as i32, month, day)
}

/// Splits `2025-03-01T10:00:00Z` into the date part and the time part.
fn split_iso_time(token: &str) -> (&str, Option<&str>) {
    let bytes = token.as_bytes();
    if bytes.len() > 11 && bytes[..4].iter().all(u8::is_ascii_digit) {
        if let Some(pos) = token.find(['T', 't']) {
            if pos >= 8 {
                return (&token[..pos], Some(&token[pos + 1..]));
            }
        }
    }
    (token, None)
}

/// Times (`15:01:01.79`, `10:00`), zones (`+0000`, `-05:00`, `Z`, `GMT`) and am/pm.
fn is_time_or_zone(token: &str) -> bool {
    let t = token.trim_end_matches('.');
    // `15:01:01.79`, `10:00:00Z`, `10:00+01:00`, and Reuters' `00:02:59.13RM`.
    let clock = t.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    if clock.contains(':')
        && clock.starts_with(|c: char| c.is_ascii_digit())
        && clock
            .chars()
            .all(|c| c.is_ascii_digit() || ":.+-".contains(c))
    {
        return true;
    }
    if let Some(rest) = t.strip_prefix('+').or_else(|| t.strip_prefix('-')) {
        if (rest.len() == 4 || rest.len() == 2) && rest.chars().all(|c| c.is_ascii_digit()) {
            return true;
        }
    }
    // `10am`, `3.30pm`
    let lower = t.to_ascii_lowercase();
    if let Some(num) = lower
        .strip_suffix("am")
        .or_else(|| lower.strip_suffix("pm"))
    {
        if !num.is_empty()
            && num
                .chars()
                .all(|c| c.is_ascii_digit() || c == '.' || c == ':')
        {
            return true;
        }
    }
    matches!(
        lower.trim_matches(|c| c == '(' || c == ')'),
        "z" | "gmt"
            | "utc"
            | "bst"
            | "cet"
            | "cest"
            | "eet"
            | "eest"
            | "est"
            | "edt"
            | "cst"
            | "cdt"
            | "mst"
            | "mdt"
            | "pst"
            | "pdt"
            | "ist"
            | "jst"
            | "am"
            | "pm"
            | "a.m"
            | "p.m"
    )
}

/// Words that may surround a date without changing it.
fn is_noise_word(word: &str) -> bool {
    let lower = word.to_ascii_lowercase();
    weekday(&lower)
        || matches!(
            lower.as_str(),
            "on" | "at"
                | "of"
                | "the"
                | "published"
                | "updated"
                | "posted"
                | "modified"
                | "last"
                | "date"
                | "dated"
                | ":"
                | "|"
                | "-"
                | "—"
                | "–"
        )
}

fn weekday(lower: &str) -> bool {
    const DAYS: [&str; 7] = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    DAYS.iter().any(|d| {
        *d == lower || (lower.len() >= 3 && d.starts_with(lower) && matches!(lower.len(), 3..=5))
    })
}

/// A month name, full or abbreviated (`Feb`, `Sept`, `FEB`), to its number.
fn month_number(word: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    if word.len() < 3 || !word.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let lower = word.to_ascii_lowercase();
    MONTHS
        .iter()
        .position(|m| {
            *m == lower
                || (lower.len() == 3 && m.starts_with(&lower))
                || lower == "sept" && *m == "september"
        })
        .map(|i| i as u32 + 1)
}

/// `26`, `1st`, `2nd`, `23rd`, `4th`, `1987`: the value and its digit count.
fn ordinal_number(word: &str) -> Option<(u32, usize)> {
    let lower = word.to_ascii_lowercase();
    let digits = ["st", "nd", "rd", "th"]
        .iter()
        .find_map(|suffix| lower.strip_suffix(suffix))
        .unwrap_or(&lower);
    if digits.is_empty() || digits.len() > 4 || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    if digits.len() == 3 {
        return None;
    }
    Some((digits.parse().ok()?, digits.len()))
}

/// A date written only with numbers: `2025-03-01`, `2025/3/1`, `01.03.2025`, `20250301`.
/// `None` = not a numeric date at all; `Some(None)` = looks like one but is invalid or
/// ambiguous (the caller then rejects the whole input).
fn numeric_date(token: &str) -> Option<Option<NaiveDate>> {
    let token = token.trim_end_matches('.');
    if token.len() == 8 && token.chars().all(|c| c.is_ascii_digit()) {
        let y = token[..4].parse().ok()?;
        let m = token[4..6].parse().ok()?;
        let d = token[6..].parse().ok()?;
        return Some(make_date(y, m, d));
    }
    let sep = ['-', '/', '.'].into_iter().find(|c| token.contains(*c))?;
    let parts: Vec<&str> = token.split(sep).collect();
    if parts.len() != 3
        || !parts
            .iter()
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
    {
        return None;
    }
    let n: Vec<u32> = parts.iter().filter_map(|p| p.parse().ok()).collect();
    if n.len() != 3 {
        return Some(None);
    }
    let date = if parts[0].len() == 4 && parts[1].len() <= 2 && parts[2].len() <= 2 {
        make_date(n[0] as i32, n[1], n[2])
    } else if parts[2].len() == 4 && parts[0].len() <= 2 && parts[1].len() <= 2 {
        let (a, b) = (n[0], n[1]);
        if sep == '.' || (a > 12 && b <= 12) {
            // Dots are written day first (`04.03.2025`) wherever they are used.
            make_date(n[2] as i32, b, a)
        } else if (b > 12 && a <= 12) || a == b {
            make_date(n[2] as i32, a, b)
        } else {
            None
        }
    } else {
        None
    };
    Some(date)
}

fn expand_year(y: u32) -> u32 {
    if y >= 70 {
        1900 + y
    } else {
        2000 + y
    }
}

fn make_date(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    if !(1800..=2200).contains(&year) {
        return None;
    }
    NaiveDate::from_ymd_opt(year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn passing_inputs() {
        let table: &[(&str, (i32, u32, u32))] = &[
            ("2025-03-01", (2025, 3, 1)),
            ("  2025-03-01  ", (2025, 3, 1)),
            ("2025-03-01T10:15:00Z", (2025, 3, 1)),
            ("2025-03-01T23:30:00-05:00", (2025, 3, 1)),
            ("2025-03-01T10:15:00.123+01:00", (2025, 3, 1)),
            ("2025-03-01 10:15", (2025, 3, 1)),
            ("2025-03-01 10:15:00 +0000", (2025, 3, 1)),
            ("2025-3-1", (2025, 3, 1)),
            ("20250301", (2025, 3, 1)),
            ("2025/03/01", (2025, 3, 1)),
            ("2025.03.01", (2025, 3, 1)),
            ("26.02.2025", (2025, 2, 26)),
            ("04.03.2025", (2025, 3, 4)),
            ("26/02/2025", (2025, 2, 26)),
            ("2/26/2025", (2025, 2, 26)),
            ("05/05/2025", (2025, 5, 5)),
            ("Sat, 01 Mar 2025 10:00:00 +0000", (2025, 3, 1)),
            ("Sat, 1 Mar 2025 10:00:00 GMT", (2025, 3, 1)),
            ("Thu, 26 Feb 1987 15:01:01 -0500", (1987, 2, 26)),
            ("26-FEB-1987 15:01:01.79", (1987, 2, 26)),
            (" 3-APR-1987 07:09:06.48", (1987, 4, 3)),
            ("27-MAR-1987 00:02:59.13RM", (1987, 3, 27)),
            ("27-MAR-1987 00:03:35.68E F", (1987, 3, 27)),
            (" 5-MAR-1987  09:10:11.12V RM", (1987, 3, 5)),
            (
                "9-APR-1987 00:00:00.00    # date added as a guess",
                (1987, 4, 9),
            ),
            ("26-FEB-87", (1987, 2, 26)),
            ("Feb 26, 2025", (2025, 2, 26)),
            ("Feb. 26, 2025", (2025, 2, 26)),
            ("February 26, 2025", (2025, 2, 26)),
            ("26 February 2025", (2025, 2, 26)),
            ("26 Feb 2025", (2025, 2, 26)),
            ("March 1 2025", (2025, 3, 1)),
            ("March 1st, 2025", (2025, 3, 1)),
            ("1st of March 2025", (2025, 3, 1)),
            ("Sept 9, 2024", (2024, 9, 9)),
            ("Tuesday, 4 March 2025", (2025, 3, 4)),
            ("Tuesday 4 March 2025 14:05 GMT", (2025, 3, 4)),
            ("Published on March 4, 2025 at 2:05pm", (2025, 3, 4)),
            ("Updated: 4 March 2025", (2025, 3, 4)),
            ("2025, March 4", (2025, 3, 4)),
            ("2024-02-29", (2024, 2, 29)),
        ];
        for (input, (y, m, d)) in table {
            assert_eq!(parse_date(input), ymd(*y, *m, *d), "input {input:?}");
        }
    }

    #[test]
    fn failing_inputs() {
        let table = [
            "",
            "   ",
            "yesterday",
            "not a date",
            "2025",
            "March 2025",
            "Feb 30, 2025",
            "2025-02-30",
            "2025-13-01",
            "2023-02-29",
            "01/03/2025",
            "13/13/2025",
            "2025-03",
            "2025-03-01-04",
            "Feb 26, 2025 and March 1, 2025",
            "2025-03-01 2025-03-02",
            "Feb 26",
            "26 Foo 2025",
            "0026-02-26",
            "March 1 2025 in Paris",
            "123 Main Street",
            "1 2 3",
            "12345678901",
            "€90bn",
            "26 Feb 2025 XYZ",
            "12:30",
        ];
        for input in table {
            assert_eq!(parse_date(input), None, "input {input:?}");
        }
    }
}
