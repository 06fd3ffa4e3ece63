//! The dated exchange-rate table (`data/rates.tsv`, embedded; a file can replace it).
//!
//! Each row is `CODE <tab> units per 1 USD <tab> YYYY-MM-DD <tab> note`; `#` starts a
//! comment. A code may have rows for several dates: a conversion on a date uses the row whose
//! date is nearest to it; without a date, the newest row.

use std::collections::HashMap;
use std::sync::OnceLock;

/// The table embedded at build time.
const EMBEDDED: &str = include_str!("../../../data/rates.tsv");

/// Exchange rates: for each currency, dated values of units per 1 USD.
#[derive(Debug, Clone, Default)]
pub struct RateTable {
    rates: HashMap<String, Vec<(String, f64)>>,
}

/// A line of a rate table that does not parse.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("rate table line {line}: {reason}")]
pub struct RateError {
    /// 1-based line number.
    pub line: usize,
    /// What is wrong with it.
    pub reason: String,
}

/// The table installed for this process (`--rates FILE`), if any.
static INSTALLED: OnceLock<RateTable> = OnceLock::new();

impl RateTable {
    /// The table shipped in `data/rates.tsv`.
    pub fn embedded() -> &'static RateTable {
        static TABLE: OnceLock<RateTable> = OnceLock::new();
        TABLE.get_or_init(|| RateTable::parse(EMBEDDED).unwrap_or_default())
    }

    /// Makes `table` the one [`RateTable::active`] returns for the rest of the process: what
    /// `--rates FILE` does before indexing or searching. The first call wins; a later call
    /// gives its table back as the error.
    pub fn install(table: RateTable) -> Result<(), RateTable> {
        INSTALLED.set(table)
    }

    /// The table in use: the one given to [`RateTable::install`], else the embedded one.
    /// [`find_amounts`](super::find_amounts) converts with it, and so do the `--amount`
    /// filters that name a currency.
    pub fn active() -> &'static RateTable {
        INSTALLED.get().unwrap_or_else(|| RateTable::embedded())
    }

    /// Parses a table in the `data/rates.tsv` format.
    pub fn parse(text: &str) -> Result<RateTable, RateError> {
        let mut rates: HashMap<String, Vec<(String, f64)>> = HashMap::new();
        for (n, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let err = |reason: String| RateError {
                line: n + 1,
                reason,
            };
            let mut cols = line.split('\t');
            let code = cols.next().unwrap_or("").trim();
            let rate = cols
                .next()
                .ok_or_else(|| err("missing rate".into()))?
                .trim();
            let date = cols
                .next()
                .ok_or_else(|| err("missing date".into()))?
                .trim();
            if code.len() != 3 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
                return Err(err(format!("'{code}' is not a three-letter currency code")));
            }
            let rate: f64 = rate
                .parse()
                .map_err(|_| err(format!("'{rate}' is not a number")))?;
            if !(rate.is_finite() && rate > 0.0) {
                return Err(err(format!("rate {rate} must be positive")));
            }
            if date.len() != 10 || date.as_bytes()[4] != b'-' || date.as_bytes()[7] != b'-' {
                return Err(err(format!("'{date}' is not a YYYY-MM-DD date")));
            }
            rates
                .entry(code.to_string())
                .or_default()
                .push((date.to_string(), rate));
        }
        for v in rates.values_mut() {
            v.sort_by(|a, b| a.0.cmp(&b.0));
        }
        Ok(RateTable { rates })
    }

    /// Reads a table from a file (for `--rates FILE`).
    pub fn from_file(path: &std::path::Path) -> crate::Result<RateTable> {
        let text = std::fs::read_to_string(path).map_err(|source| crate::Error::Io {
            path: path.to_path_buf(),
            source,
        })?;
        RateTable::parse(&text).map_err(|e| crate::Error::Read {
            path: path.to_path_buf(),
            reason: e.to_string(),
        })
    }

    /// Units of `code` per 1 USD on `date` (`YYYY-MM-DD`, or a prefix such as `YYYY`): the
    /// row whose date is nearest; without a date (or one that does not parse), the newest row.
    pub fn rate(&self, code: &str, date: Option<&str>) -> Option<f64> {
        if code == "USD" {
            return Some(1.0);
        }
        let rows = self.rates.get(code)?;
        let row = match date.and_then(day_number) {
            None => rows.last(),
            Some(d) => rows
                .iter()
                .min_by_key(|(rd, _)| day_number(rd).map_or(i64::MAX, |r| (r - d).abs())),
        };
        row.map(|r| r.1)
    }

    /// Converts `value` in `code` to USD on `date`.
    pub fn to_base_on(&self, value: f64, code: &str, date: Option<&str>) -> Option<f64> {
        self.rate(code, date).map(|r| value / r)
    }

    /// Converts `value` from USD to `code` on `date`.
    pub fn from_base_on(&self, value: f64, code: &str, date: Option<&str>) -> Option<f64> {
        self.rate(code, date).map(|r| value * r)
    }

    /// The dated rows of a currency, oldest first.
    pub fn rows(&self, code: &str) -> &[(String, f64)] {
        self.rates.get(code).map_or(&[], Vec::as_slice)
    }

    /// Whether the table knows the currency.
    pub fn knows(&self, code: &str) -> bool {
        code == "USD" || self.rates.contains_key(code)
    }
}

/// An approximate day number for `YYYY[-MM[-DD]]` (months of 31 days: only for nearness).
fn day_number(date: &str) -> Option<i64> {
    let mut parts = date.get(..10.min(date.len()))?.split('-');
    let y: i64 = parts.next()?.parse().ok()?;
    let m: i64 = parts.next().map_or(Some(6), |m| m.parse().ok())?;
    let d: i64 = parts.next().map_or(Some(15), |d| d.parse().ok())?;
    Some(y * 372 + (m - 1) * 31 + (d - 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picks_the_nearest_dated_row() {
        let t = RateTable::parse(
            "# c\nJPY\t145\t1987-03-01\tx\nJPY\t157\t2024-12-31\ty\nEUR\t0.96\t2024-12-31\tz\n",
        )
        .expect("parses");
        assert_eq!(t.rate("JPY", Some("1987-04-10")), Some(145.0));
        assert_eq!(t.rate("JPY", Some("2025-06-01")), Some(157.0));
        assert_eq!(t.rate("JPY", None), Some(157.0));
        assert_eq!(t.rate("JPY", Some("garbage")), Some(157.0));
        assert_eq!(t.rate("EUR", Some("1987-03-01")), Some(0.96));
        assert_eq!(t.rate("USD", None), Some(1.0));
        assert_eq!(t.to_base_on(290.0, "JPY", Some("1987")), Some(2.0));
    }

    #[test]
    fn rejects_bad_lines_with_their_number() {
        let e =
            RateTable::parse("EUR\t0.9\t2024-12-31\nEURO\t1\t2024-12-31\n").expect_err("bad code");
        assert_eq!(e.line, 2);
        assert!(RateTable::parse("EUR\t-1\t2024-12-31").is_err());
        assert!(RateTable::parse("EUR\tx\t2024-12-31").is_err());
        assert!(RateTable::parse("EUR\t1\t31/12/2024").is_err());
        assert!(RateTable::parse("EUR\t1").is_err());
    }

    #[test]
    fn the_embedded_table_covers_1987_and_legacy_currencies() {
        let t = RateTable::embedded();
        for code in [
            "EUR", "GBP", "JPY", "DEM", "FRF", "ITL", "NLG", "BEF", "ESP", "CHF", "CAD", "AUD",
        ] {
            assert!(t.knows(code), "{code}");
        }
        assert!(t.rows("DEM").len() == 2 && t.rows("EUR").len() == 1);
        let dem87 = t.rate("DEM", Some("1987-03-26")).unwrap_or(0.0);
        assert!((1.7..1.9).contains(&dem87), "{dem87}");
    }
}
