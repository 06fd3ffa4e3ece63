//! Queries: the [`SearchRequest`] shared by the CLI and HTTP, filter parsing and query building.

pub mod amount;
