//! The `--amount` filter syntax (`>=50bn`, `1m..10m USD`). Placeholder until it lands.
