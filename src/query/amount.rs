//! The `--amount` filter syntax.
//!
//! ```text
//! filter   := op value code?             ">=50bn", ">50bn", "<=1m", "<1m", "=2.5m", ">=50bn EUR"
//!           | value ".." value? code?    "1m..10m USD", "1m..", "€1m..€5m"
//!           | ".." value code?           "..10m"
//!           | value code?                "50bn": the amounts that would be written "50bn"
//! value    := currency? number magnitude? currency?
//! number   := digits with optional "," or "_" separators and one "."
//! magnitude:= k | thousand | m | mn | mln | million | b | bn | bln | billion | t | tn | trillion
//! currency := € £ ¥ $ ₹ ₽ ₴ ₩ ₺ ₪ | US$ C$ A$ NZ$ HK$ S$ | an ISO 4217 code in the rate table
//! ```
//!
//! Bounds are inclusive. `>` and `<` exclude the value itself (the bound moves to the next
//! representable number). A bare value means the values that round to it at the precision
//! written: `50bn` is 49.5bn–50.5bn, `2.5m` is 2.45m–2.55m. Without a currency, bounds are in
//! [`BASE_CURRENCY`](crate::extract::money::BASE_CURRENCY); with one (`>=50bn EUR`, `€1m..€5m`) they are in that currency and
//! [`AmountFilter::base_range`] converts them for comparison with base-currency values.

use std::fmt;

use crate::extract::money::RateTable;
use crate::extract::Amount;

/// A parsed `--amount` filter.
#[derive(Debug, Clone, PartialEq)]
pub struct AmountFilter {
    /// Inclusive lower bound, in `currency` if given, else in [`BASE_CURRENCY`](crate::extract::money::BASE_CURRENCY).
    pub min: Option<f64>,
    /// Inclusive upper bound, in `currency` if given, else in [`BASE_CURRENCY`](crate::extract::money::BASE_CURRENCY).
    pub max: Option<f64>,
    /// ISO 4217 code the bounds are written in, if any.
    pub currency: Option<String>,
    /// The filter as the user wrote it.
    pub text: String,
}

/// Why a filter does not parse: the message names the problem and its 1-based column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AmountFilterError {
    /// The filter as written.
    pub input: String,
    /// 1-based column (in characters) where the problem is.
    pub column: usize,
    /// What is wrong ("unknown magnitude 'zz'").
    pub problem: String,
}

impl fmt::Display for AmountFilterError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "amount filter '{}': {} at column {}",
            self.input, self.problem, self.column
        )
    }
}

impl std::error::Error for AmountFilterError {}

impl AmountFilter {
    /// The bounds converted to [`BASE_CURRENCY`](crate::extract::money::BASE_CURRENCY) with the rate table in use
    /// ([`RateTable::active`]: the embedded one unless `--rates FILE` installed another).
    pub fn base_range(&self) -> (Option<f64>, Option<f64>) {
        self.base_range_with(RateTable::active())
    }

    /// The bounds converted to [`BASE_CURRENCY`](crate::extract::money::BASE_CURRENCY) with `rates` (for `--rates FILE`). A
    /// currency the table does not know leaves the bounds unconverted.
    pub fn base_range_with(&self, rates: &RateTable) -> (Option<f64>, Option<f64>) {
        let conv = |v: Option<f64>| match (v, self.currency.as_deref()) {
            (Some(v), Some(c)) => Some(rates.to_base_on(v, c, None).unwrap_or(v)),
            (v, _) => v,
        };
        (conv(self.min), conv(self.max))
    }

    /// Whether a base-currency value lies within the filter.
    pub fn contains_base(&self, base_value: f64) -> bool {
        let (lo, hi) = self.base_range();
        lo.is_none_or(|lo| base_value >= lo) && hi.is_none_or(|hi| base_value <= hi)
    }

    /// Whether an extracted amount matches (by its base-currency value; a range amount
    /// matches when its low end does).
    pub fn matches(&self, amount: &Amount) -> bool {
        amount.base_value.is_some_and(|v| self.contains_base(v))
    }
}

/// A scanned value: number × magnitude, its currency, and its rounding half-step.
struct Value {
    value: f64,
    half_step: f64,
    currency: Option<&'static str>,
}

struct Scanner<'a> {
    input: &'a str,
    chars: Vec<(usize, char)>,
    pos: usize,
}

impl<'a> Scanner<'a> {
    fn err(&self, at: usize, problem: impl Into<String>) -> AmountFilterError {
        AmountFilterError {
            input: self.input.to_string(),
            column: at + 1,
            problem: problem.into(),
        }
    }

    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).map(|c| c.1)
    }

    fn skip_ws(&mut self) {
        while self.peek().is_some_and(char::is_whitespace) {
            self.pos += 1;
        }
    }

    fn eat(&mut self, s: &str) -> bool {
        let rest: String = self.chars[self.pos..]
            .iter()
            .take(s.chars().count())
            .map(|c| c.1)
            .collect();
        if rest == s {
            self.pos += s.chars().count();
            true
        } else {
            false
        }
    }

    fn word(&mut self) -> (usize, String) {
        let start = self.pos;
        while self.peek().is_some_and(|c| c.is_ascii_alphabetic()) {
            self.pos += 1;
        }
        (
            start,
            self.chars[start..self.pos].iter().map(|c| c.1).collect(),
        )
    }

    /// A currency symbol, dollar prefix or ISO code at the current position.
    fn currency(&mut self) -> Result<Option<&'static str>, AmountFilterError> {
        let start = self.pos;
        let sym = match self.peek() {
            Some('€') => Some("EUR"),
            Some('£') => Some("GBP"),
            Some('¥') => Some("JPY"),
            Some('₹') => Some("INR"),
            Some('₽') => Some("RUB"),
            Some('₴') => Some("UAH"),
            Some('₩') => Some("KRW"),
            Some('₺') => Some("TRY"),
            Some('₪') => Some("ILS"),
            Some('$') => Some("USD"),
            _ => None,
        };
        if sym.is_some() {
            self.pos += 1;
            return Ok(sym);
        }
        if !self.peek().is_some_and(|c| c.is_ascii_uppercase()) {
            return Ok(None);
        }
        let (at, w) = self.word();
        if self.peek() == Some('$') {
            let code = match w.as_str() {
                "US" => "USD",
                "C" => "CAD",
                "A" => "AUD",
                "NZ" => "NZD",
                "HK" => "HKD",
                "S" => "SGD",
                "NT" => "TWD",
                _ => return Err(self.err(at, format!("unknown dollar '{w}$'"))),
            };
            self.pos += 1;
            return Ok(Some(code));
        }
        match known_code(&w) {
            Some(c) => Ok(Some(c)),
            None => {
                self.pos = start;
                Err(self.err(at, format!("unknown currency '{w}'")))
            }
        }
    }

    fn value(&mut self) -> Result<Value, AmountFilterError> {
        self.skip_ws();
        let pre = self.currency()?;
        self.skip_ws();
        let start = self.pos;
        let mut digits = String::new();
        let mut decimals: Option<i32> = None;
        while let Some(c) = self.peek() {
            if c.is_ascii_digit() {
                digits.push(c);
                if let Some(d) = decimals.as_mut() {
                    *d += 1;
                }
            } else if c == '.'
                && decimals.is_none()
                && self
                    .chars
                    .get(self.pos + 1)
                    .is_some_and(|n| n.1.is_ascii_digit())
            {
                digits.push('.');
                decimals = Some(0);
            } else if (c == ',' || c == '_') && !digits.is_empty() && decimals.is_none() {
                // thousands separator
            } else {
                break;
            }
            self.pos += 1;
        }
        if digits.is_empty() {
            let what = self
                .peek()
                .map_or("end of input".to_string(), |c| format!("'{c}'"));
            return Err(self.err(start, format!("expected a number, found {what}")));
        }
        let number: f64 = digits
            .parse()
            .map_err(|_| self.err(start, format!("'{digits}' is not a number")))?;
        let after_number = self.pos;
        self.skip_ws();
        let mag_at = self.pos;
        let (_, mag) = self.word();
        if mag.is_empty() {
            self.pos = after_number;
        }
        let mult = match mag.to_ascii_lowercase().as_str() {
            "" => 1.0,
            "k" | "thousand" => 1e3,
            "m" | "mn" | "mln" | "million" => 1e6,
            "b" | "bn" | "bln" | "billion" => 1e9,
            "t" | "tn" | "trillion" => 1e12,
            _ => {
                // "5EUR": a code written right after the number
                if known_code(&mag).is_some() {
                    self.pos = mag_at;
                    1.0
                } else {
                    return Err(self.err(mag_at, format!("unknown magnitude '{mag}'")));
                }
            }
        };
        self.skip_ws();
        let post = if self
            .peek()
            .is_some_and(|c| c.is_ascii_uppercase() || "€£¥₹₽₴₩₺₪".contains(c))
        {
            let at = self.pos;
            let c = self.currency()?;
            if let (Some(a), Some(b)) = (pre, c) {
                if a != b {
                    return Err(self.err(at, format!("currencies disagree: {a} and {b}")));
                }
            }
            c
        } else {
            None
        };
        let step = 10f64.powi(-decimals.unwrap_or(0)) * mult;
        Ok(Value {
            value: number * mult,
            half_step: step / 2.0,
            currency: pre.or(post),
        })
    }
}

/// A currency code the embedded rate table knows.
fn known_code(w: &str) -> Option<&'static str> {
    let table = RateTable::embedded();
    if w.len() != 3 || !w.bytes().all(|b| b.is_ascii_uppercase()) || !table.knows(w) {
        return None;
    }
    // a 'static copy of the code
    const CODES: &[&str] = &[
        "USD", "EUR", "GBP", "JPY", "CHF", "CAD", "AUD", "NZD", "HKD", "SGD", "CNY", "INR", "RUB",
        "UAH", "KRW", "TRY", "ILS", "SEK", "NOK", "DKK", "PLN", "CZK", "HUF", "ZAR", "BRL", "MXN",
        "TWD", "IDR", "MYR", "THB", "PHP", "SAR", "AED", "KWD", "QAR", "EGP", "NGN", "PKR", "ARS",
        "CLP", "COP", "RON", "BGN", "ISK", "XEU", "XDR", "DEM", "FRF", "ITL", "NLG", "BEF", "LUF",
        "ESP", "PTE", "ATS", "FIM", "IEP", "GRD", "TRL", "MXP", "CYP", "XOF", "OMR", "BHD", "JOD",
        "BBD", "LKR", "MAD", "IQD", "JMD",
    ];
    CODES.iter().copied().find(|c| *c == w)
}

/// Parses an `--amount` filter (see the module docs for the syntax).
pub fn parse_amount_filter(s: &str) -> Result<AmountFilter, AmountFilterError> {
    let mut sc = Scanner {
        input: s,
        chars: s.char_indices().collect(),
        pos: 0,
    };
    sc.skip_ws();
    if sc.peek().is_none() {
        return Err(sc.err(0, "empty filter"));
    }
    let mut currency: Option<&'static str> = None;
    let mut agree =
        |c: Option<&'static str>, at: usize, sc: &Scanner<'_>| -> Result<(), AmountFilterError> {
            match (currency, c) {
                (Some(a), Some(b)) if a != b => {
                    Err(sc.err(at, format!("currencies disagree: {a} and {b}")))
                }
                (None, Some(b)) => {
                    currency = Some(b);
                    Ok(())
                }
                _ => Ok(()),
            }
        };
    let (min, max);
    let op = ["<=", ">=", "<", ">", "="]
        .into_iter()
        .find(|op| sc.eat(op));
    if let Some(op) = op {
        let at = sc.pos;
        let v = sc.value()?;
        agree(v.currency, at, &sc)?;
        (min, max) = match op {
            ">=" => (Some(v.value), None),
            ">" => (Some(v.value.next_up()), None),
            "<=" => (None, Some(v.value)),
            "<" => (None, Some(v.value.next_down())),
            _ => (Some(v.value), Some(v.value)),
        };
    } else if sc.eat("..") {
        let at = sc.pos;
        let v = sc.value()?;
        agree(v.currency, at, &sc)?;
        (min, max) = (None, Some(v.value));
    } else {
        let at = sc.pos;
        let lo = sc.value()?;
        agree(lo.currency, at, &sc)?;
        sc.skip_ws();
        if sc.eat("..") {
            sc.skip_ws();
            if sc.peek().is_none() {
                (min, max) = (Some(lo.value), None);
            } else {
                let at = sc.pos;
                let hi = sc.value()?;
                agree(hi.currency, at, &sc)?;
                if hi.value < lo.value {
                    return Err(sc.err(at, "upper bound is below the lower bound"));
                }
                (min, max) = (Some(lo.value), Some(hi.value));
            }
        } else {
            (min, max) = (
                Some(lo.value - lo.half_step),
                Some((lo.value + lo.half_step).next_down()),
            );
        }
    }
    sc.skip_ws();
    if let Some(c) = sc.peek() {
        return Err(sc.err(sc.pos, format!("unexpected '{c}'")));
    }
    Ok(AmountFilter {
        min,
        max,
        currency: currency.map(str::to_string),
        text: s.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Filter, min, max, currency.
    type Case<'a> = (&'a str, Option<f64>, Option<f64>, Option<&'a str>);

    #[test]
    fn parses_the_documented_forms() {
        let cases: &[Case] = &[
            (">=50bn", Some(50e9), None, None),
            ("<=1m", None, Some(1e6), None),
            ("1m..10m USD", Some(1e6), Some(10e6), Some("USD")),
            ("1m..", Some(1e6), None, None),
            ("..10m", None, Some(10e6), None),
            (">=50bn EUR", Some(50e9), None, Some("EUR")),
            ("€1m..€5m", Some(1e6), Some(5e6), Some("EUR")),
            ("=2,500", Some(2500.0), Some(2500.0), None),
            (">= 1.5 billion", Some(1.5e9), None, None),
            ("£10k..£20k", Some(1e4), Some(2e4), Some("GBP")),
            ("US$5m..", Some(5e6), None, Some("USD")),
            ("5m EUR..6m EUR", Some(5e6), Some(6e6), Some("EUR")),
            ("1_000_000..", Some(1e6), None, None),
            ("  >=3tn  ", Some(3e12), None, None),
        ];
        for &(s, min, max, cur) in cases {
            let f = parse_amount_filter(s).unwrap_or_else(|e| panic!("{s}: {e}"));
            assert_eq!(
                (f.min, f.max, f.currency.as_deref()),
                (min, max, cur),
                "{s}"
            );
        }
    }

    #[test]
    fn strict_bounds_exclude_the_value() {
        let f = parse_amount_filter(">50bn").expect("parses");
        assert!(f.min.is_some_and(|m| m > 50e9 && m < 50.0001e9));
        assert!(!f.contains_base(50e9) && f.contains_base(51e9));
        let f = parse_amount_filter("<1m").expect("parses");
        assert!(f.contains_base(999_999.0) && !f.contains_base(1e6));
    }

    #[test]
    fn a_bare_value_matches_what_rounds_to_it() {
        let f = parse_amount_filter("50bn").expect("parses");
        assert!(f.contains_base(49.6e9) && f.contains_base(50.4e9));
        assert!(!f.contains_base(51e9) && !f.contains_base(49e9));
        let f = parse_amount_filter("2.5m").expect("parses");
        assert!(f.contains_base(2.46e6) && !f.contains_base(2.6e6));
    }

    #[test]
    fn base_range_converts_the_bounds() {
        let f = parse_amount_filter(">=50bn EUR").expect("parses");
        let (lo, hi) = f.base_range();
        let want = crate::extract::money::to_base(50e9, "EUR");
        assert_eq!((lo, hi), (want, None));
        assert_ne!(lo, Some(50e9));
        let f = parse_amount_filter(">=50bn").expect("parses");
        assert_eq!(f.base_range(), (Some(50e9), None));
    }

    #[test]
    fn errors_name_the_problem_and_the_column() {
        let cases = [
            (
                ">=5zz",
                "amount filter '>=5zz': unknown magnitude 'zz' at column 4",
            ),
            ("", "amount filter '': empty filter at column 1"),
            (
                ">=",
                "amount filter '>=': expected a number, found end of input at column 3",
            ),
            (
                ">=abc",
                "amount filter '>=abc': expected a number, found 'a' at column 3",
            ),
            (
                ">=5m XYZ",
                "amount filter '>=5m XYZ': unknown currency 'XYZ' at column 6",
            ),
            (
                "€1m..£5m",
                "amount filter '€1m..£5m': currencies disagree: EUR and GBP at column 6",
            ),
            (
                "10m..1m",
                "amount filter '10m..1m': upper bound is below the lower bound at column 6",
            ),
            (
                ">=5m !",
                "amount filter '>=5m !': unexpected '!' at column 6",
            ),
            (
                "5m..10m..",
                "amount filter '5m..10m..': unexpected '.' at column 8",
            ),
            (
                "Q$5",
                "amount filter 'Q$5': unknown dollar 'Q$' at column 1",
            ),
        ];
        for (s, want) in cases {
            match parse_amount_filter(s) {
                Ok(f) => panic!("{s} parsed: {f:?}"),
                Err(e) => assert_eq!(e.to_string(), want),
            }
        }
    }

    #[test]
    fn matches_extracted_amounts() {
        let found = crate::extract::money::find_amounts(
            "It paid 90 billion euros ($105 billion) and 12 mln dlrs.",
            &Default::default(),
        );
        let f = parse_amount_filter(">=100bn").expect("parses");
        let hits: Vec<&str> = found
            .iter()
            .filter(|a| f.matches(a))
            .map(|a| a.mention.text.as_str())
            .collect();
        assert!(hits.contains(&"$105 billion"));
        assert!(!hits.contains(&"12 mln dlrs"));
    }
}
