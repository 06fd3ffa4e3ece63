//! The `--amount` filter syntax. Placeholder until the grammar lands.

/// A parsed amount filter.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AmountFilter {
    /// Lower bound.
    pub min: Option<f64>,
    /// Upper bound.
    pub max: Option<f64>,
    /// Currency of the bounds.
    pub currency: Option<String>,
}
impl AmountFilter {
    /// Bounds in the base currency.
    pub fn base_range(&self) -> (Option<f64>, Option<f64>) {
        (self.min, self.max)
    }
}
/// Error.
#[derive(Debug)]
pub struct AmountFilterError(pub String);
impl std::fmt::Display for AmountFilterError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}
/// Parses a filter.
pub fn parse_amount_filter(s: &str) -> Result<AmountFilter, AmountFilterError> {
    Err(AmountFilterError(s.into()))
}
