//! Money amounts: a grammar over tokens (symbol/code/word × number × magnitude).
//! Placeholder until the grammar lands.

use super::Amount;

/// The currency that every amount is converted to for filtering and sorting.
pub const BASE_CURRENCY: &str = "USD";

/// Context that changes how amounts are read (e.g. which dollar "dollar" means).
#[derive(Debug, Clone, Default)]
pub struct MoneyContext {
    /// ISO code that a bare "dollar"/"$" means in this article; `None` = USD.
    pub dollar: Option<String>,
    /// Publication date `YYYY-MM-DD`, used to pick the rate.
    pub date: Option<String>,
}

/// Finds every money amount in `text`.
pub fn find_amounts(_text: &str, _ctx: &MoneyContext) -> Vec<Amount> {
    Vec::new()
}
