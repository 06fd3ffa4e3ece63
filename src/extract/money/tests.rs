use super::*;

fn one(s: &str) -> Amount {
    match parse_amount(s) {
        Some(a) => a,
        None => panic!(
            "no amount in {s:?}: found {:?}",
            find_amounts(s, &MoneyContext::default())
        ),
    }
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

#[test]
fn brief_examples() {
    for (s, v, c) in [
        ("€90bn", 90e9, "EUR"),
        ("90 billion euros", 90e9, "EUR"),
        ("$105 billion", 105e9, "USD"),
        ("£1.5m", 1.5e6, "GBP"),
        ("12 mln dlrs", 12e6, "USD"),
        ("US$3.2 million", 3.2e6, "USD"),
        ("¥500 billion", 500e9, "JPY"),
        ("1.5 billion marks", 1.5e9, "DEM"),
        ("20 mln stg", 20e6, "GBP"),
    ] {
        let a = one(s);
        assert!(close(a.value, v), "{s}: {} != {v}", a.value);
        assert_eq!(a.currency, c, "{s}");
        assert_eq!(a.mention.text, s);
    }
}
