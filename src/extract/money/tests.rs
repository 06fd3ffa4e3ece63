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
    let a = one("$1.13bn (£600m)");
    assert_eq!((a.value, a.currency.as_str()), (1.13e9, "USD"));
    let v = find("$1.13bn (£600m)");
    assert_eq!(
        (v[1].value, v[1].currency.as_str(), v[1].equivalent_of),
        (600e6, "GBP", Some(0))
    );
    assert_eq!(parse_amount("$1.13bn and more"), None);
}

/// Real amount phrases from Reuters-21578 and BBC News (241 phrases): value, currency,
/// per-unit.
const REAL_PHRASES: &[(&str, f64, &str, Option<&str>)] = &[
    ("$1 billion", 1000000000.0, "USD", None),
    ("$10.3m", 10300000.0, "USD", None),
    ("$100bn", 100000000000.0, "USD", None),
    ("$104m", 104000000.0, "USD", None),
    ("$125m", 125000000.0, "USD", None),
    ("$166bn", 166000000000.0, "USD", None),
    ("$175.6bn", 175600000000.0, "USD", None),
    ("$177,600", 177600.0, "USD", None),
    ("$2.48bn", 2480000000.0, "USD", None),
    ("$200", 200.0, "USD", None),
    ("$3.8m", 3800000.0, "USD", None),
    ("$36m", 36000000.0, "USD", None),
    ("$37bn", 37000000000.0, "USD", None),
    ("$40,000", 40000.0, "USD", None),
    ("$427bn", 427000000000.0, "USD", None),
    ("$434m", 434000000.0, "USD", None),
    ("$5.80", 5.8, "USD", None),
    ("$50,000", 50000.0, "USD", None),
    ("$51.15", 51.15, "USD", None),
    ("$76", 76.0, "USD", None),
    ("$761m", 761000000.0, "USD", None),
    ("$80bn", 80000000000.0, "USD", None),
    ("$850m", 850000000.0, "USD", None),
    ("$8m", 8000000.0, "USD", None),
    ("$90.3m", 90300000.0, "USD", None),
    ("0.30 euros", 0.3, "EUR", None),
    ("1.3040 euros", 1.304, "EUR", None),
    ("1.3187 euros", 1.3187, "EUR", None),
    ("104.16 yen", 104.16, "JPY", None),
    ("1130p", 11.3, "GBP", None),
    ("138p", 1.38, "GBP", None),
    ("14 euros", 14.0, "EUR", None),
    ("149 euros", 149.0, "EUR", None),
    ("150 euros", 150.0, "EUR", None),
    ("16.87 euros", 16.87, "EUR", None),
    ("17.58 euros", 17.58, "EUR", None),
    ("17.70 euros", 17.7, "EUR", None),
    ("1p", 0.01, "GBP", None),
    ("2.05 euros", 2.05, "EUR", None),
    ("20p", 0.2, "GBP", None),
    ("247p", 2.47, "GBP", None),
    ("25p", 0.25, "GBP", None),
    ("270 yen", 270.0, "JPY", None),
    ("28p", 0.28, "GBP", None),
    ("300 euros", 300.0, "EUR", None),
    ("300 million euros", 300000000.0, "EUR", None),
    ("3000 euros", 3000.0, "EUR", None),
    ("300p", 3.0, "GBP", None),
    ("31p", 0.31, "GBP", None),
    ("4 billion euros", 4000000000.0, "EUR", None),
    ("4p", 0.04, "GBP", None),
    ("50,000 euros", 50000.0, "EUR", None),
    ("50.50 euros", 50.5, "EUR", None),
    ("5000 yen", 5000.0, "JPY", None),
    ("50p", 0.5, "GBP", None),
    ("53p", 0.53, "GBP", None),
    ("548p", 5.48, "GBP", None),
    ("583p", 5.83, "GBP", None),
    ("5p", 0.05, "GBP", None),
    ("6.2 euros", 6.2, "EUR", None),
    ("600 euros", 600.0, "EUR", None),
    ("60p", 0.6, "GBP", None),
    ("70 euros", 70.0, "EUR", None),
    ("70p", 0.7, "GBP", None),
    ("740 yen", 740.0, "JPY", None),
    ("75p", 0.75, "GBP", None),
    ("797p", 7.97, "GBP", None),
    ("79p", 0.79, "GBP", None),
    ("7p", 0.07, "GBP", None),
    ("873p", 8.73, "GBP", None),
    ("9 euros", 9.0, "EUR", None),
    ("925p", 9.25, "GBP", None),
    ("97p", 0.97, "GBP", None),
    ("9p", 0.09, "GBP", None),
    ("£10.5 million", 10500000.0, "GBP", None),
    ("£111", 111.0, "GBP", None),
    ("£16bn", 16000000000.0, "GBP", None),
    ("£2,000", 2000.0, "GBP", None),
    ("£2.7m", 2700000.0, "GBP", None),
    ("£22.8m", 22800000.0, "GBP", None),
    ("£220m", 220000000.0, "GBP", None),
    ("£23bn", 23000000000.0, "GBP", None),
    ("£29,000", 29000.0, "GBP", None),
    ("£3.1bn", 3100000000.0, "GBP", None),
    ("£3.9bn", 3900000000.0, "GBP", None),
    ("£322m", 322000000.0, "GBP", None),
    ("£325m", 325000000.0, "GBP", None),
    ("£35.7m", 35700000.0, "GBP", None),
    ("£38.5m", 38500000.0, "GBP", None),
    ("£38.9m", 38900000.0, "GBP", None),
    ("£4 billion", 4000000000.0, "GBP", None),
    ("£450", 450.0, "GBP", None),
    ("£4bn", 4000000000.0, "GBP", None),
    ("£60,000", 60000.0, "GBP", None),
    ("£680", 680.0, "GBP", None),
    ("£80,000", 80000.0, "GBP", None),
    ("£85", 85.0, "GBP", None),
    ("£900m", 900000000.0, "GBP", None),
    ("£952m", 952000000.0, "GBP", None),
    ("0.10 stg", 0.1, "GBP", None),
    ("0.2 mln stg", 200000.0, "GBP", None),
    ("1,000 guilders", 1000.0, "NLG", None),
    ("1,000 rupees", 1000.0, "INR", None),
    ("1,319 stg", 1319.0, "GBP", None),
    ("1,337 stg", 1337.0, "GBP", None),
    ("1,375 dlrs per tonne", 1375.0, "USD", Some("tonne")),
    ("1,780 dlrs per tonne", 1780.0, "USD", Some("tonne")),
    ("1,800 yen", 1800.0, "JPY", None),
    ("1-3/4 dlrs", 1.75, "USD", None),
    ("1.1 billion stg", 1100000000.0, "GBP", None),
    ("1.16 billion dlrs", 1160000000.0, "USD", None),
    ("1.18 billion stg", 1180000000.0, "GBP", None),
    ("1.30 billion dlrs", 1300000000.0, "USD", None),
    ("1.35 dlrs a barrel", 1.35, "USD", Some("barrel")),
    ("1.45 billion ringgit", 1450000000.0, "MYR", None),
    ("1.75 dlrs per share", 1.75, "USD", Some("share")),
    ("1.80 marks", 1.8, "DEM", None),
    ("1.91 dlrs a share", 1.91, "USD", Some("share")),
    ("10 stg", 10.0, "GBP", None),
    ("10.75 mln dlrs", 10750000.0, "USD", None),
    ("106 mln crowns", 106000000.0, "SEK", None),
    ("11.16 billion francs", 11160000000.0, "FRF", None),
    ("111.5 mln stg", 111500000.0, "GBP", None),
    ("115.7 billion dlrs", 115700000000.0, "USD", None),
    ("12.2 mln dlrs", 12200000.0, "USD", None),
    ("120 dlrs per share", 120.0, "USD", Some("share")),
    ("126 pesos", 126.0, "MXN", None),
    ("13 billion marks", 13000000000.0, "DEM", None),
    ("13 mln stg", 13000000.0, "GBP", None),
    ("13-5/8 dlrs", 13.625, "USD", None),
    ("13-5/8 dlrs per share", 13.625, "USD", Some("share")),
    ("13.35 dlrs per barrel", 13.35, "USD", Some("barrel")),
    ("137 stg", 137.0, "GBP", None),
    ("138 dlrs a tonne", 138.0, "USD", Some("tonne")),
    ("147 billion yen", 147000000000.0, "JPY", None),
    ("147.50 yen", 147.5, "JPY", None),
    ("15 mln stg", 15000000.0, "GBP", None),
    ("15.22 billion crowns", 15220000000.0, "SEK", None),
    ("150 yen", 150.0, "JPY", None),
    ("156 mln dlrs", 156000000.0, "USD", None),
    ("159.6 mln francs", 159600000.0, "FRF", None),
    ("16.28 billion dlrs", 16280000000.0, "USD", None),
    ("17.50 dlrs per share", 17.5, "USD", Some("share")),
    ("176.87 billion dlrs", 176870000000.0, "USD", None),
    ("18 dlrs a barrel", 18.0, "USD", Some("barrel")),
    ("18.00 dlrs per share", 18.0, "USD", Some("share")),
    ("185 mln stg", 185000000.0, "GBP", None),
    ("19.40 dlrs a barrel", 19.4, "USD", Some("barrel")),
    ("195 rand", 195.0, "ZAR", None),
    ("195.1 mln stg", 195100000.0, "GBP", None),
    ("2,050 dlrs a tonne", 2050.0, "USD", Some("tonne")),
    ("2.21 dlrs per share", 2.21, "USD", Some("share")),
    ("2.5 billion stg", 2500000000.0, "GBP", None),
    ("2.75 dlrs a share", 2.75, "USD", Some("share")),
    ("21-3/4 dlrs", 21.75, "USD", None),
    ("230.4 mln dlrs", 230400000.0, "USD", None),
    ("25 cts a share", 0.25, "USD", Some("share")),
    ("25 mln marks", 25000000.0, "DEM", None),
    ("26.375 dlrs a share", 26.375, "USD", Some("share")),
    ("27 mln dlrs", 27000000.0, "USD", None),
    ("29 dlrs per share", 29.0, "USD", Some("share")),
    ("3.25 billion stg", 3250000000.0, "GBP", None),
    ("30.50 dlrs per share", 30.5, "USD", Some("share")),
    ("300 billion yen", 300000000000.0, "JPY", None),
    ("300 mln guilders", 300000000.0, "NLG", None),
    ("31-7/8 dlrs", 31.875, "USD", None),
    ("32-5/8 dlrs", 32.625, "USD", None),
    ("33 dlrs a share", 33.0, "USD", Some("share")),
    ("330 Ecus", 330.0, "XEU", None),
    ("335 mln stg", 335000000.0, "GBP", None),
    ("34 dlrs per share", 34.0, "USD", Some("share")),
    ("34.5 billion crowns", 34500000000.0, "SEK", None),
    ("345 rand", 345.0, "ZAR", None),
    ("380 mln dlrs", 380000000.0, "USD", None),
    ("381 mln dlrs", 381000000.0, "USD", None),
    ("39 mln stg", 39000000.0, "GBP", None),
    ("4.06 dlrs a share", 4.06, "USD", Some("share")),
    ("40 dlrs per share", 40.0, "USD", Some("share")),
    ("40-1/8 dlrs", 40.125, "USD", None),
    ("42.3 mln dlrs", 42300000.0, "USD", None),
    ("425 mln dlrs", 425000000.0, "USD", None),
    ("430 mln dlrs", 430000000.0, "USD", None),
    ("44.34 billion dlrs", 44340000000.0, "USD", None),
    ("450 mln stg", 450000000.0, "GBP", None),
    ("46.7 mln dlrs", 46700000.0, "USD", None),
    ("480 mln dlrs", 480000000.0, "USD", None),
    ("494 yen", 494.0, "JPY", None),
    ("5,719.4 billion francs", 5719400000000.0, "FRF", None),
    ("5.445 dlrs a share", 5.445, "USD", Some("share")),
    ("5.6 mln dlrs", 5600000.0, "USD", None),
    ("5.7 billion dlrs", 5700000000.0, "USD", None),
    ("500 mln pesos", 500000000.0, "MXN", None),
    ("53 mln stg", 53000000.0, "GBP", None),
    ("549 mln dlrs", 549000000.0, "USD", None),
    ("55.63 mln stg", 55630000.0, "GBP", None),
    ("57.8 billion francs", 57800000000.0, "FRF", None),
    ("6.5 billion yen", 6500000000.0, "JPY", None),
    ("60 dlrs per share", 60.0, "USD", Some("share")),
    ("61 billion dlrs", 61000000000.0, "USD", None),
    ("62.50 dlrs a share", 62.5, "USD", Some("share")),
    ("630 mln dlrs", 630000000.0, "USD", None),
    ("64-7/8 dlrs", 64.875, "USD", None),
    ("650 mln dlrs", 650000000.0, "USD", None),
    ("66.2 mln stg", 66200000.0, "GBP", None),
    ("66.5 mln stg", 66500000.0, "GBP", None),
    ("68 billion dlrs", 68000000000.0, "USD", None),
    ("68 mln stg", 68000000.0, "GBP", None),
    ("7.07 dlrs a share", 7.07, "USD", Some("share")),
    ("7.53 billion crowns", 7530000000.0, "SEK", None),
    ("70 dlrs a share", 70.0, "USD", Some("share")),
    ("73.65 mln stg", 73650000.0, "GBP", None),
    ("760 mln stg", 760000000.0, "GBP", None),
    ("79.3 mln stg", 79300000.0, "GBP", None),
    ("8-1/2 dlrs", 8.5, "USD", None),
    ("8.2 mln dlrs", 8200000.0, "USD", None),
    ("8.31 billion rand", 8310000000.0, "ZAR", None),
    ("80 mln stg", 80000000.0, "GBP", None),
    ("830.4 mln stg", 830400000.0, "GBP", None),
    ("84.24 billion dlrs", 84240000000.0, "USD", None),
    ("85 cts per bushel", 0.85, "USD", Some("bushel")),
    ("85.9 mln stg", 85900000.0, "GBP", None),
    ("9.4 mln dlrs", 9400000.0, "USD", None),
    ("9.9 billion marks", 9900000000.0, "DEM", None),
    ("9.93 mln dlrs", 9930000.0, "USD", None),
    ("92-1/4 dlrs", 92.25, "USD", None),
    ("978 mln stg", 978000000.0, "GBP", None),
    ("982.5 mln dlrs", 982500000.0, "USD", None),
    ("about 1.5 billion dlrs", 1.5e9, "USD", None),
    ("about 100 mln stg", 100e6, "GBP", None),
    ("15-20 billion dlrs", 15e9, "USD", None),
    ("1.5-2.0 billion dlrs", 1.5e9, "USD", None),
    ("$10-25m", 10e6, "USD", None),
    ("A$245", 245.0, "AUD", None),
    ("A$35.1", 35.1, "AUD", None),
    ("US$42", 42.0, "USD", None),
    ("half a billion dollars", 0.5e9, "USD", None),
    ("two billion dollars", 2e9, "USD", None),
    ("a billion dollars", 1e9, "USD", None),
    ("one billion dollars", 1e9, "USD", None),
    ("$1.13bn", 1.13e9, "USD", None),
    ("£600m", 600e6, "GBP", None),
];

#[test]
fn real_phrases_table() {
    assert!(REAL_PHRASES.len() >= 150);
    let mut wrong = Vec::new();
    for &(s, v, c, unit) in REAL_PHRASES {
        match parse_amount(s) {
            Some(a) if close(a.value, v) && a.currency == c && a.per_unit.as_deref() == unit => {}
            other => wrong.push(format!("{s}: {other:?}")),
        }
    }
    assert!(
        wrong.is_empty(),
        "{} wrong:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

/// Prints table rows for the phrases in `NEWSDEX_PHRASES` (a helper for writing the table).
#[test]
#[ignore]
fn dump_phrases() {
    let Some(path) = std::env::var_os("NEWSDEX_PHRASES") else {
        return;
    };
    let text = std::fs::read_to_string(path).unwrap_or_default();
    for line in text.lines() {
        let phrase = line.split('\t').nth(1).unwrap_or(line);
        match parse_amount(phrase) {
            Some(a) => println!(
                "    ({phrase:?}, {:?}, {:?}, {:?}),",
                a.value, a.currency, a.per_unit
            ),
            None => println!("    NONE {phrase:?}"),
        }
    }
}

/// Phrases from the same corpora that carry numbers but no money.
const NOT_MONEY: &[&str] = &[
    "5 pct",
    "1-1/2 pct",
    "up 3.5 pct in January",
    "3,500 soldiers",
    "5 mln shares",
    "12.5 mln shares of common stock",
    "60,000 bags",
    "2.5 mln bags",
    "200,000 tonnes",
    "1.2 mln barrels per day",
    "in 1987",
    "Feb 26, 1987",
    "call 212-555-0100",
    "won 3-1",
    "a 2-0 victory",
    "the 100m final",
    "10,000 pounds or less",
    "weighing 700 pounds",
    "the 1,800 mark",
    "12 mln acres",
    "the T34C trainers",
    "about 245 million people",
    "50 pct of the dollar market",
    "the dollar fell",
    "rapper Fifty Cent said",
    "5,000 employees",
    "1.5 billion litres",
    "3.2 mln tonnes",
    "at 9.5 pct",
    "Section 301",
    "Boeing 747",
    "exported 65 million pounds of mushrooms",
    "both figures being expressed in 1977 dollars",
    "holders will receive 1.43 Crown shares",
    "4th quarter",
    "vs 1.25 dlrs",
];

#[test]
fn not_money_table() {
    for s in NOT_MONEY {
        let found: Vec<String> = find_amounts(s, &MoneyContext::default())
            .into_iter()
            .map(|a| a.mention.text)
            .collect();
        let allowed = s.contains("dlrs"); // "vs 1.25 dlrs" is money: only the number part
        if allowed {
            assert_eq!(found, ["1.25 dlrs"], "{s}");
        } else {
            assert!(found.is_empty(), "{s}: {found:?}");
        }
    }
}

fn find(s: &str) -> Vec<Amount> {
    find_amounts(s, &MoneyContext::default())
}

#[test]
fn ranges_give_low_and_high() {
    let a = one("$2-3bn");
    assert_eq!((a.value, a.value_high), (2e9, Some(3e9)));
    let a = one("between €5m and €7m");
    assert_eq!((a.value, a.value_high), (5e6, Some(7e6)));
    assert_eq!(a.qualifier.as_deref(), Some("between"));
    let a = one("5 to 7 mln dlrs");
    assert_eq!(
        (a.value, a.value_high, a.currency.as_str()),
        (5e6, Some(7e6), "USD")
    );
    let a = one("between 25 cents and 30 cents");
    assert!(close(a.value, 0.25) && close(a.value_high.unwrap_or(0.0), 0.30));
    let a = find("somewhere between one and two billion dollars").remove(0);
    assert_eq!((a.value, a.value_high), (1e9, Some(2e9)));
    // a change is not a range
    let v = find("profits rose $5 million to $7 million");
    assert_eq!(v.len(), 2);
    assert!(v.iter().all(|a| a.value_high.is_none()));
    let v = find("it cut the dividend from 20 cts to 15 cts");
    assert_eq!(v.len(), 2);
}

#[test]
fn qualifiers_are_kept_and_in_the_span() {
    for (s, q) in [
        ("about $5 million", "about"),
        ("more than 100 mln dlrs", "more than"),
        ("up to £3bn", "up to"),
        ("nearly 2 billion yen", "nearly"),
        ("an estimated $ 1.2 billion", "about"),
        ("as much as 40 mln stg", "up to"),
        ("at least 500,000 dlrs", "at least"),
    ] {
        let a = one(s);
        assert_eq!(a.qualifier.as_deref(), Some(q), "{s}");
        assert_eq!(a.mention.text, s);
    }
    // "in excess of" is kept as data but left out of the span
    let v = find("sales in excess of $10 million");
    assert_eq!(v[0].mention.text, "$10 million");
    assert_eq!(v[0].qualifier.as_deref(), Some("more than"));
}

#[test]
fn per_unit_amounts() {
    let v = find("oil at $35 a barrel and 3.50 dlrs per share");
    assert_eq!(v.len(), 2);
    assert_eq!(v[0].per_unit.as_deref(), Some("barrel"));
    assert_eq!(v[0].mention.text, "$35");
    assert_eq!(v[1].per_unit.as_deref(), Some("share"));
    assert_eq!(v[1].value, 3.5);
    assert_eq!(one("1.4 cts").value, 0.014);
    let v = find("15 cts a share");
    assert_eq!(
        (v[0].value, v[0].per_unit.as_deref()),
        (0.15, Some("share"))
    );
    let v = find("wheat rose to 110 dlrs per metric ton");
    assert_eq!(v[0].per_unit.as_deref(), Some("metric ton"));
}

#[test]
fn equivalents_are_linked() {
    let v = find("90 billion euros ($105 billion)");
    assert_eq!(v.len(), 2);
    assert_eq!((v[0].value, v[0].currency.as_str()), (90e9, "EUR"));
    assert_eq!((v[1].value, v[1].currency.as_str()), (105e9, "USD"));
    assert_eq!(v[1].equivalent_of, Some(0));
    let v = find("a deal worth $1.13bn (£600m) was signed");
    assert_eq!(v[1].equivalent_of, Some(0));
    assert_eq!(v[1].currency, "GBP");
    // OntoNotes tokenisation
    let v = find("100 million Canadian dollars -LRB- US$ 85.1 million -RRB-");
    assert_eq!(v[0].currency, "CAD");
    assert_eq!(
        (v[1].currency.as_str(), v[1].equivalent_of),
        ("USD", Some(0))
    );
    let v = find("7.5bn yen ($71.5m; £38.4m) and");
    assert_eq!((v[1].equivalent_of, v[2].equivalent_of), (Some(0), Some(0)));
    let v = find("sales of 3bn yuan a year earlier, $4.5bn trillion");
    assert_eq!(v[0].per_unit, None);
    assert_eq!(v[1].value, 4.5e9);
    assert_eq!(one("Rs 22-crore").value, 22e7);
    assert!(find("applications broke through the one million mark").is_empty());
    assert_eq!(find("a gain of 0.54 cent to 14.26 cents").len(), 2);
    let v = find("$5m and $6m");
    assert_eq!(v[1].equivalent_of, None);
}

#[test]
fn currencies_by_symbol_prefix_code_and_word() {
    for (s, c) in [
        ("₹500 crore", "INR"),
        ("Rs 500 crore", "INR"),
        ("₽10bn", "RUB"),
        ("₴2m", "UAH"),
        ("₩1.2tn", "KRW"),
        ("₺300m", "TRY"),
        ("₪40m", "ILS"),
        ("CHF 10 million", "CHF"),
        ("C$1.2 billion", "CAD"),
        ("NZ$50m", "NZD"),
        ("HK$3bn", "HKD"),
        ("S$10m", "SGD"),
        ("EUR 5m", "EUR"),
        ("5m EUR", "EUR"),
        ("40 mln pounds sterling", "GBP"),
        ("3 bln yuan", "CNY"),
        ("3 bln renminbi", "CNY"),
        ("20 billion roubles", "RUB"),
        ("20 billion rubles", "RUB"),
        ("1 bln hryvnias", "UAH"),
        ("500 mln rupees", "INR"),
        ("300 mln Swiss francs", "CHF"),
        ("300 mln French francs", "FRF"),
        ("300 mln Belgian francs", "BEF"),
        ("45 mln Australian dlrs", "AUD"),
        ("45 mln Canadian dollars", "CAD"),
        ("2 billion lire", "ITL"),
        ("2 billion Turkish lira", "TRY"),
        ("120 mln Hong Kong dlrs", "HKD"),
        ("50 mln Danish crowns", "DKK"),
        ("50 mln Norwegian crowns", "NOK"),
        ("9 mln ECUs", "XEU"),
        ("1.5 billion D-marks", "DEM"),
    ] {
        assert_eq!(one(s).currency, c, "{s}");
    }
}

#[test]
fn number_words_and_fractions() {
    for (s, v) in [
        ("two billion dollars", 2e9),
        ("half a million pounds", 0.5e6),
        ("seven point one billion dollar", 7.1e9),
        ("one hundred and twenty dollar", 120.0),
        ("forty - five cents", 0.45),
        ("forty-five cents", 0.45),
        ("1-1/2 dlrs", 1.5),
        ("8 3/4 dlrs", 8.75),
        ("twelve thousand dollars", 12_000.0),
        ("three hundred million yen", 300e6),
        ("billions of dollars", 2e9),
        ("hundreds of millions of dollars", 200e6),
        ("multibillion - dollar", 2e9),
    ] {
        let a = one(s);
        assert!(close(a.value, v), "{s}: {}", a.value);
    }
}

#[test]
fn context_picks_the_dollar_and_the_country() {
    let ctx = MoneyContext {
        country: Some("AU".into()),
        ..MoneyContext::default()
    };
    let v = find_amounts(
        "It raised 40 mln dlrs, or $40m, and 10 mln U.S. dlrs.",
        &ctx,
    );
    let codes: Vec<&str> = v.iter().map(|a| a.currency.as_str()).collect();
    assert_eq!(codes, ["AUD", "AUD", "USD"]);
    let ctx = MoneyContext {
        dollar: Some("CAD".into()),
        ..MoneyContext::default()
    };
    assert_eq!(find_amounts("$5 million", &ctx)[0].currency, "CAD");
    let ctx = MoneyContext {
        country: Some("DK".into()),
        ..MoneyContext::default()
    };
    assert_eq!(find_amounts("150 mln crowns", &ctx)[0].currency, "DKK");
    let ctx = MoneyContext {
        date: Some("1987-03-02".into()),
        ..MoneyContext::default()
    };
    assert_eq!(find_amounts("500 mln pesos", &ctx)[0].currency, "MXP");
    assert_eq!(find_amounts("2 bln Turkish lira", &ctx)[0].currency, "TRL");
}

#[test]
fn base_values_use_the_rate_table() {
    assert_eq!(to_base(5.0, "USD"), Some(5.0));
    let eur = to_base(1.0, "EUR").unwrap_or(0.0);
    assert!(eur > 0.5 && eur < 2.0, "{eur}");
    // legacy currencies go through their fixed euro rate
    let dem = to_base(1.95583, "DEM").unwrap_or(0.0);
    assert!((dem - eur).abs() < 1e-4, "{dem} vs {eur}");
    assert_eq!(to_base(1.0, "SUR"), None);
    let mine = RateTable::parse("EUR\t0.5\t2024-01-01\tmade up\n").expect("parses");
    let v = find_amounts_with_rates("€10m", &MoneyContext::default(), &mine);
    assert_eq!(v[0].base_value, Some(20e6));
    let a = one("€90bn");
    assert!(close(
        a.base_value.unwrap_or(0.0),
        to_base(90e9, "EUR").unwrap_or(1.0)
    ));
}

#[test]
fn byte_offsets_point_into_the_text() {
    let text = "Zürich: le coût est de 5 millions d'euros — €90bn (£1.5m), ¥500 billion.";
    for a in find(text) {
        assert_eq!(&text[a.mention.start..a.mention.end], a.mention.text);
    }
    assert_eq!(find(text).len(), 3);
}

#[test]
fn never_panics_on_odd_input() {
    for s in [
        "",
        "$",
        "$$$",
        "€",
        "1-",
        "1-1/",
        "1-1/0 dlrs",
        "between",
        "between $",
        "$ -",
        "0 dlrs",
        "1,2,3 dlrs",
        "99999999999999999999999999999 dlrs",
        "1.2.3.4 dlrs",
        "half a",
        "a",
        "US$",
        "$US",
        "point five dollars",
        "and and dollars",
        "( ( (",
        "-LRB- $",
        "¥ ¥ 5",
        "multi -",
        "hundreds of",
        "£1.5m (",
        "5 hong",
        "5 south",
        "5 new",
        "5 Hong Kong",
        "between 5 and",
        "5 to",
        "$5 to",
        "$5 -",
        "5 -",
        "D-",
        "5 D-",
        "a",
        "a few",
        "half",
        "multi",
        "#",
        "# 5",
        "5 #",
        "\u{0}$5",
        "$5\u{300}m",
    ] {
        let _ = find(s);
        let _ = parse_amount(s);
    }
}

/// Times the scanner and the whole extractor over `NEWSDEX_TIME_DIR` (a profiling aid).
#[test]
#[ignore]
fn time_stages() {
    let Some(dir) = std::env::var_os("NEWSDEX_TIME_DIR") else {
        return;
    };
    let mut texts = Vec::new();
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        if let Ok(b) = std::fs::read(e.path()) {
            texts.push(String::from_utf8_lossy(&b).into_owned());
        }
    }
    let bytes: usize = texts.iter().map(String::len).sum();
    let mut toks = Vec::new();
    let t = std::time::Instant::now();
    let mut n = 0;
    for s in &texts {
        lex::scan(s, &mut toks);
        n += toks.len();
    }
    let scan = t.elapsed();
    let t = std::time::Instant::now();
    let mut words = 0;
    for s in &texts {
        lex::scan(s, &mut toks);
        for tk in &toks {
            if tk.kind == lex::Kind::Word
                && lex::lex_any_case(&s[tk.start..tk.end]) != lex::Lex::Other
            {
                words += 1;
            }
        }
    }
    let lexing = t.elapsed();
    let t = std::time::Instant::now();
    let found: usize = texts
        .iter()
        .map(|s| find_amounts(s, &MoneyContext::default()).len())
        .sum();
    let all = t.elapsed();
    let mb = bytes as f64 / 1e6;
    println!(
        "{mb:.1} MB, {n} tokens, {words} lexicon words, {found} amounts; scan {:.0} MB/s, scan+lex {:.0} MB/s, all {:.0} MB/s",
        mb / scan.as_secs_f64(),
        mb / lexing.as_secs_f64(),
        mb / all.as_secs_f64()
    );
}

/// Every BBC article: no panic, offsets on the text, values finite and positive.
#[test]
fn runs_over_the_bbc_corpus() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/bbc");
    if !dir.is_dir() {
        eprintln!("skipped: {} is absent", dir.display());
        return;
    }
    let mut files = 0;
    let mut amounts = 0;
    for cat in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
        for f in std::fs::read_dir(cat.path())
            .into_iter()
            .flatten()
            .flatten()
        {
            let Ok(text) = std::fs::read_to_string(f.path()) else {
                continue;
            };
            files += 1;
            for a in find(&text) {
                amounts += 1;
                assert_eq!(&text[a.mention.start..a.mention.end], a.mention.text);
                assert!(a.value.is_finite() && a.value >= 0.0, "{a:?}");
                if let Some(h) = a.value_high {
                    assert!(h > a.value, "{a:?}");
                }
            }
        }
    }
    assert!(files > 2000, "{files} files");
    assert!(amounts > 3000, "{amounts} amounts");
}

/// Prints amounts with context for the files in `NEWSDEX_DUMP_DIR` (a review aid).
#[test]
#[ignore]
fn dump_corpus() {
    let Some(dir) = std::env::var_os("NEWSDEX_DUMP_DIR") else {
        return;
    };
    for f in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let Ok(text) = std::fs::read_to_string(f.path()) else {
            continue;
        };
        for a in find(&text) {
            let lo = text.floor_char_boundary(a.mention.start.saturating_sub(30));
            let hi = text.ceil_char_boundary((a.mention.end + 20).min(text.len()));
            println!(
                "{:>14} {} {:?} | {}[[{}]]{}",
                a.value,
                a.currency,
                a.per_unit,
                text[lo..a.mention.start].replace('\n', " "),
                a.mention.text,
                text[a.mention.end..hi].replace('\n', " ")
            );
        }
    }
}

#[test]
fn vague_and_compound_number_words() {
    for (s, v, hi) in [
        ("seven and a half billion dollars", 7.5e9, None),
        ("a couple of hundred dollars", 200.0, None),
        ("a couple of million pounds", 2e6, None),
        ("five or six thousand dollars", 5e3, Some(6e3)),
        ("2 or 3 mln dlrs", 2e6, Some(3e6)),
        (
            "500,000 to 3.5 million Australian dollars",
            5e5,
            Some(3.5e6),
        ),
    ] {
        let a = one(s);
        assert!(close(a.value, v), "{s}: {}", a.value);
        assert_eq!(a.value_high, hi, "{s}");
    }
    // the article before a compound adjective is not part of the sum
    let v = find("they have a billion dollar empire");
    assert_eq!(v.len(), 1);
    assert_eq!(
        (v[0].mention.text.as_str(), v[0].value),
        ("billion dollar", 1e9)
    );
    // but "a billion dollars" is the sum
    assert_eq!(
        find("worth a billion dollars")[0].mention.text,
        "a billion dollars"
    );
    // a decreasing "X to Y" with a scale only on Y is not a range
    assert!(find("cut from 30 to 25 mln dlrs")
        .iter()
        .all(|a| a.value_high.is_none()));
}

#[test]
fn tokenised_forms_and_plus() {
    // OntoNotes tokenisation: "$125-billion" becomes "$ 125 - billion"
    let a = find("The $ 125 - billion - a - year economy").remove(0);
    assert_eq!(
        (a.value, a.mention.text.as_str()),
        (125e9, "$ 125 - billion")
    );
    let a = find("Sales : $ 2.06 billions Net loss").remove(0);
    assert!(close(a.value, 2.06e9), "{}", a.value);
    let a = find("a $1-million-plus gas well").remove(0);
    assert_eq!(
        (a.value, a.qualifier.as_deref(), a.mention.text.as_str()),
        (1e6, Some("more than"), "$1-million-plus")
    );
    // WSJ's '#' for the pound sign: with a scale, separators or decimals only
    for (s, v) in [
        ("# 20,000", 20_000.0),
        ("# 13.78", 13.78),
        ("# 6 billion", 6e9),
    ] {
        let a = find(&format!("he paid {s} for it")).remove(0);
        assert_eq!((a.value, a.currency.as_str()), (v, "GBP"), "{s}");
    }
    assert!(find("reconditioning of # 90 unleaded").is_empty());
    // "won" after a numeral with separators, before punctuation
    let a = find("payments as low as 80,000 won , or $ 120 .").remove(0);
    assert_eq!((a.value, a.currency.as_str()), (80_000.0, "KRW"));
    assert!(find("Team 1,000 won the game").is_empty());
    assert!(find("how one penny pinching motorist").is_empty());
}

#[test]
fn elided_currency_after_from_and_vs() {
    let v = find("Revenue climbed 13 % to 45.4 billion francs from 40.1 billion .");
    assert_eq!(v.len(), 2);
    assert_eq!(
        (
            v[1].value,
            v[1].currency.as_str(),
            v[1].mention.text.as_str()
        ),
        (40.1e9, "FRF", "40.1 billion")
    );
    let v = find("Net profit 12.5 mln dlrs vs 10.2 mln");
    assert_eq!((v.len(), v[1].value), (2, 10.2e6));
    // a count after "from" is not money
    let v = find("volume rose to 1.2 billion dlrs from 1.03 billion shares");
    assert_eq!(v.len(), 1);
    let v = find("rose to 12 mln dlrs from 10 mln in 1986");
    assert_eq!(v.len(), 2);
    let v = find("rose to 12 mln dlrs from 10 pct");
    assert_eq!(v.len(), 1);
    let v = find("loans fell 195 mln dlrs to 65.06 billion in the week");
    assert_eq!(
        (v.len(), v[1].value, v[1].currency.as_str()),
        (2, 65.06e9, "USD")
    );
    let a = find("Assets rose to 17.18 billion N.Z. Dlrs in January").remove(0);
    assert_eq!(a.currency, "NZD");
}

#[test]
fn changes_by_an_amount_and_half_compounds() {
    // "by X to Y" is a change and a new level, not a range
    for s in [
        "public debt rose in April by a nominal 38.5 billion francs to 5,719.4 billion francs",
        "It would cut the deficit by about $37 billion to $134 billion.",
    ] {
        let v = find(s);
        assert_eq!(v.len(), 2, "{s}: {v:?}");
        assert!(v.iter().all(|a| a.value_high.is_none()), "{s}");
    }
    let a = find("the half-billion-dollar damage estimate").remove(0);
    assert_eq!(
        (a.value, a.mention.text.as_str()),
        (0.5e9, "half-billion-dollar")
    );
}

/// Issue #3's list of forms, one line each: phrase, value, currency.
#[test]
fn issue_checklist_of_forms() {
    let cases: &[(&str, f64, &str)] = &[
        // symbols
        ("$5m", 5e6, "USD"),
        ("€5m", 5e6, "EUR"),
        ("£5m", 5e6, "GBP"),
        ("¥500m", 500e6, "JPY"),
        ("₹500 crore", 5e9, "INR"),
        ("₽1.5bn", 1.5e9, "RUB"),
        ("₴200m", 200e6, "UAH"),
        ("₩3tn", 3e12, "KRW"),
        ("₺40m", 40e6, "TRY"),
        ("₪12m", 12e6, "ILS"),
        ("CHF 5m", 5e6, "CHF"),
        // prefixed dollars
        ("US$3.2 million", 3.2e6, "USD"),
        ("C$4m", 4e6, "CAD"),
        ("A$4m", 4e6, "AUD"),
        ("NZ$4m", 4e6, "NZD"),
        ("HK$4m", 4e6, "HKD"),
        ("S$4m", 4e6, "SGD"),
        // ISO code before or after
        ("EUR 5m", 5e6, "EUR"),
        ("5m EUR", 5e6, "EUR"),
        // currency words
        ("90 billion euros", 90e9, "EUR"),
        ("40 million dollars", 40e6, "USD"),
        ("40 million pounds sterling", 40e6, "GBP"),
        ("300 million yen", 300e6, "JPY"),
        ("5 billion yuan", 5e9, "CNY"),
        ("5 billion renminbi", 5e9, "CNY"),
        ("5 billion roubles", 5e9, "RUB"),
        ("5 billion rubles", 5e9, "RUB"),
        ("5 billion hryvnias", 5e9, "UAH"),
        ("5 billion rupees", 5e9, "INR"),
        ("5 billion Swiss francs", 5e9, "CHF"),
        ("5 billion marks", 5e9, "DEM"),
        ("5 billion lire", 5e9, "ITL"),
        // newswire abbreviations and scales
        ("12 mln dlrs", 12e6, "USD"),
        ("20 mln stg", 20e6, "GBP"),
        ("3 bln dlrs", 3e9, "USD"),
        ("$3bn", 3e9, "USD"),
        ("$5mn", 5e6, "USD"),
        ("$50k", 50e3, "USD"),
        ("$1tn", 1e12, "USD"),
        ("$1 trillion", 1e12, "USD"),
        ("Rs 5 crore", 50e6, "INR"),
        ("Rs 3 lakh", 300e3, "INR"),
        // fractions and number words
        ("1-1/2 billion dlrs", 1.5e9, "USD"),
        ("two billion dollars", 2e9, "USD"),
        ("half a million pounds", 0.5e6, "GBP"),
        // per-unit, cents and pence
        ("$35 a barrel", 35.0, "USD"),
        ("3.50 dlrs per share", 3.5, "USD"),
        ("50 cents a share", 0.5, "USD"),
        ("20 pence a share", 0.2, "GBP"),
    ];
    for &(s, v, c) in cases {
        let a = one(s);
        assert!(close(a.value, v), "{s}: {} != {v}", a.value);
        assert_eq!(a.currency, c, "{s}");
    }
    // ranges, qualifiers, per-unit markers, equivalents
    assert_eq!(one("$2-3bn").value_high, Some(3e9));
    assert_eq!(one("between €5m and €7m").value_high, Some(7e6));
    for (s, q) in [
        ("about $5m", "about"),
        ("more than $5m", "more than"),
        ("up to $5m", "up to"),
    ] {
        assert_eq!(one(s).qualifier.as_deref(), Some(q), "{s}");
    }
    assert_eq!(one("$35 a barrel").per_unit.as_deref(), Some("barrel"));
    assert_eq!(one("50 cents a share").per_unit.as_deref(), Some("share"));
    let v = find("90 billion euros ($105 billion)");
    assert_eq!((v[1].equivalent_of, v[1].value), (Some(0), 105e9));
    // which dollar: the adjective, else the article's country
    assert_eq!(one("5 mln Canadian dollars").currency, "CAD");
    let sydney = MoneyContext {
        country: Some("AU".into()),
        ..MoneyContext::default()
    };
    assert_eq!(
        find_amounts("It paid 5 mln dlrs.", &sydney)[0].currency,
        "AUD"
    );
    // historical currencies keep their codes in 1987 news
    let y1987 = MoneyContext {
        date: Some("1987-03-02".into()),
        ..MoneyContext::default()
    };
    for (s, c) in [
        ("1.5 billion marks", "DEM"),
        ("2 billion French francs", "FRF"),
        ("900 billion lire", "ITL"),
    ] {
        assert_eq!(find_amounts(s, &y1987)[0].currency, c, "{s}");
    }
}

#[test]
fn datelines_with_accented_places_pick_the_currency() {
    use crate::extract::{extract_with, Hints};
    for (dateline, text, code) in [
        (
            "ZURICH",
            "ZURICH, March 23 - Swiss sight deposits rose 743.7 mln francs in the week.",
            "CHF",
        ),
        (
            "MONTREAL",
            "MONTREAL, March 2 - The company said it earned 12 mln dlrs in the year.",
            "CAD",
        ),
    ] {
        let hints = Hints {
            dateline_place: Some(dateline),
            date: chrono::NaiveDate::from_ymd_opt(1987, 3, 2),
            pretagged: None,
            ..Default::default()
        };
        let e = extract_with(text, &hints);
        assert_eq!(e.amounts.len(), 1, "{text}");
        assert_eq!(e.amounts[0].currency, code, "{text}");
    }
}
