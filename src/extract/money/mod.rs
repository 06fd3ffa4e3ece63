//! Money amounts: a grammar over tokens (symbol/code/word × number × magnitude).
//!
//! [`find_amounts`] scans text into numbers, words and symbols, and tries the grammar
//! (see the `grammar` module) wherever an amount may start: a digit, a currency symbol, an
//! ISO code, a number word. Each amount gets its value, ISO 4217 code (historical codes
//! such as `DEM` are kept), range, qualifier, per-unit marker, equivalence link and a value
//! in [`BASE_CURRENCY`] through the dated rate table in `data/rates.tsv`.
//!
//! ```
//! use newsdex::extract::money::{find_amounts, MoneyContext};
//! let found = find_amounts("It paid 90 billion euros ($105 billion).", &MoneyContext::default());
//! assert_eq!(found.len(), 2);
//! assert_eq!(found[0].currency, "EUR");
//! assert_eq!(found[1].equivalent_of, Some(0));
//! ```

mod grammar;
mod lex;
pub mod rates;
#[cfg(test)]
mod tests;

use super::{Amount, Mention};
use grammar::Grammar;
pub use rates::RateTable;

/// The currency that every amount is converted to for filtering and sorting.
pub const BASE_CURRENCY: &str = "USD";

/// Context that changes how amounts are read (e.g. which dollar "dollar" means).
#[derive(Debug, Clone, Default)]
pub struct MoneyContext {
    /// ISO code that a bare "dollar"/"$" means in this article; `None` = USD.
    pub dollar: Option<String>,
    /// Publication date `YYYY-MM-DD`, used to pick the rate and to read words whose
    /// currency changed over time ("pesos" before 1993 are `MXP`).
    pub date: Option<String>,
    /// ISO 3166-1 alpha-2 code of the article's home country (from its dateline or places):
    /// resolves currency words written without a country ("dollars" in a Sydney story are
    /// `AUD`, "crowns" in a Copenhagen story `DKK`). `dollar`, when set, wins for dollars.
    pub country: Option<String>,
}

/// Finds every money amount in `text`, in text order, with byte offsets; base values use
/// [`RateTable::active`] (the embedded table unless `--rates FILE` installed another).
pub fn find_amounts(text: &str, ctx: &MoneyContext) -> Vec<Amount> {
    let mut toks = Vec::new();
    find_with(text, ctx, &mut toks, RateTable::active())
        .into_iter()
        .map(|(a, _)| a)
        .collect()
}

/// Like [`find_amounts`], converting base values with `rates` (for `--rates FILE`).
pub fn find_amounts_with_rates(text: &str, ctx: &MoneyContext, rates: &RateTable) -> Vec<Amount> {
    let mut toks = Vec::new();
    find_with(text, ctx, &mut toks, rates)
        .into_iter()
        .map(|(a, _)| a)
        .collect()
}

/// Like [`find_amounts`], with a scratch token buffer and a rate table; also returns, for
/// each amount that is only a `$`-style prefix and a bare number, the byte offset of the
/// number (OntoNotes leaves such a `$` out of its spans).
pub(crate) fn find_with(
    text: &str,
    ctx: &MoneyContext,
    toks: &mut Vec<lex::Tok>,
    rates: &RateTable,
) -> Vec<(Amount, Option<usize>)> {
    lex::scan(text, toks);

    let year = ctx
        .date
        .as_deref()
        .and_then(|d| d.get(..4))
        .and_then(|y| y.parse::<i32>().ok());
    let home = ctx.country.as_deref().and_then(lex::country_of_iso2);
    let dollar = match (ctx.dollar.as_deref(), home) {
        (Some(d), _) => lex::intern(d),
        (None, Some(h)) => {
            lex::resolve(lex::Family::Dollar, Some(h), "USD", None).map_or("USD", |r| r.0)
        }
        (None, None) => "USD",
    };
    let mut lexes = Vec::with_capacity(toks.len());
    grammar::lex_all(text, toks, &mut lexes);
    let g = Grammar::new(text, toks, &lexes, dollar, year, home);
    let mut out: Vec<(Amount, Option<usize>)> = Vec::new();
    let mut floor = 0;
    let mut prev_end: Option<usize> = None;
    let mut i = 0;
    while i < toks.len() {
        if !g.may_start(i) {
            i += 1;
            continue;
        }
        let Some(p) = g.parse_at(i, floor) else {
            i += 1;
            continue;
        };
        // "rose to 45.4 billion francs from 40.1 billion": the second number, in francs
        let elided = g.elided_after(&p);
        for p in std::iter::once(p).chain(elided) {
            let start = toks[p.first].start;
            let end = toks[p.last - 1].end;
            let equivalent_of = match (prev_end, out.last()) {
                (Some(pe), _) if g.parenthesised_after(pe, p.first) => Some(out.len() - 1),
                (Some(pe), Some((prev, _)))
                    if prev.equivalent_of.is_some() && g.listed_after(pe, p.first) =>
                {
                    prev.equivalent_of
                }
                _ => None,
            };
            let amount = Amount {
                value: p.value,
                value_high: p.high,
                currency: p.code.to_string(),
                base_value: rates.to_base_on(p.value, p.code, ctx.date.as_deref()),
                qualifier: p.qualifier.map(str::to_string),
                per_unit: p.per_unit.clone(),
                equivalent_of,
                mention: Mention {
                    start,
                    end,
                    text: text[start..end].to_string(),
                },
            };
            out.push((amount, p.bare_dollar_prefix.map(|k| toks[k].start)));
            prev_end = Some(p.consumed);
            floor = p.consumed;
            i = p.consumed.max(i + 1);
        }
    }
    out
}

/// Converts `value` in `currency` to [`BASE_CURRENCY`] with the newest rates of the
/// active table ([`RateTable::active`]); `None` if the currency has no rate.
pub fn to_base(value: f64, currency: &str) -> Option<f64> {
    RateTable::active().to_base_on(value, currency, None)
}

/// Parses one amount phrase (`"€90bn"`, `"12 mln dlrs"`, `"$35 a barrel"`,
/// `"$1.13bn (£600m)"`): the first amount, if it spans the whole phrase (surrounding
/// whitespace and punctuation, a per-unit phrase or a parenthesised equivalent aside).
pub fn parse_amount(s: &str) -> Option<Amount> {
    let trimmed = s.trim_matches(|c: char| c.is_whitespace() || matches!(c, '.' | ',' | ';' | ':'));
    let found = find_amounts(trimmed, &MoneyContext::default());
    let first = found.first()?;
    let rest = trimmed[first.mention.end..].trim();
    // "$1.13bn (£600m)": the phrase with its equivalent
    let equivalent_only = found.get(1).is_some_and(|b| {
        b.equivalent_of == Some(0)
            && trimmed[b.mention.end..]
                .trim()
                .trim_start_matches(')')
                .trim()
                .is_empty()
    });
    let covered = trimmed[..first.mention.start].trim().is_empty()
        && (rest.is_empty() || first.per_unit.is_some() || equivalent_only);
    covered.then(|| found.into_iter().next()).flatten()
}
