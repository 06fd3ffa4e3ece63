//! Tests of the gazetteer and of place resolution, on the embedded GeoNames data.

use super::*;
use std::io::Read;
use std::time::Instant;

fn path(info: &PlaceInfo) -> String {
    info.path().join("/")
}

fn top(name: &str) -> PlaceInfo {
    let found = Gazetteer::global().lookup(name);
    assert!(!found.is_empty(), "{name} not found");
    found[0].clone()
}

fn resolve_one(
    mentions: &[&str],
    dateline: Option<&str>,
    evidence: &[&str],
    which: usize,
) -> String {
    let resolved = resolve_places(mentions, dateline, evidence);
    assert_eq!(resolved.len(), mentions.len());
    path_of(&resolved, which)
}

/// The path of resolved mention `which`, or "<none>".
fn path_of(resolved: &[Option<PlaceInfo>], which: usize) -> String {
    resolved[which]
        .as_ref()
        .map(path)
        .unwrap_or_else(|| "<none>".to_string())
}

#[test]
fn loads_quickly_and_fully() {
    // Time a fresh load: `global()` may already have been initialised by another test.
    let start = Instant::now();
    let mut text = String::new();
    flate2::read::GzDecoder::new(DATA)
        .read_to_string(&mut text)
        .expect("embedded gazetteer decompresses");
    let decompressed = start.elapsed();
    let g = Gazetteer::parse(&text);
    let elapsed = start.elapsed();
    println!("gazetteer load: decompress {decompressed:?}, total {elapsed:?}");
    println!(
        "gazetteer: {} bytes compressed, {} continents, {} countries, {} regions, {} cities, {} names, loaded in {:?}",
        DATA.len(),
        g.continents.len(),
        g.countries.len(),
        g.regions.len(),
        g.cities.len(),
        g.index.len(),
        elapsed
    );
    // What a run does: read the image that build.rs compiled.
    let start = Instant::now();
    let image = Gazetteer::from_image(std::borrow::Cow::Borrowed(IMAGE)).expect("image reads");
    println!("gazetteer image read in {:?}", start.elapsed());
    assert_eq!(image.cities.len(), g.cities.len());
    assert_eq!(g.continents.len(), 7);
    assert!(g.countries.len() > 240);
    assert!(g.regions.len() > 3000);
    assert!(g.cities.len() > 30_000);
}

#[test]
fn brussels_is_a_city_in_belgium() {
    let b = top("Brussels");
    assert_eq!(path(&b), "Europe/Belgium/Brussels Capital/Brussels");
    assert_eq!(b.kind, PlaceKind::City);
    assert_eq!(b.country_code.as_deref(), Some("BE"));
    assert_eq!(b.city.as_deref(), Some("Brussels"));
}

#[test]
fn countries_continents_and_aliases() {
    let be = top("Belgium");
    assert_eq!(path(&be), "Europe/Belgium");
    assert_eq!(be.kind, PlaceKind::Country);
    let eu = top("Europe");
    assert_eq!(eu.kind, PlaceKind::Continent);
    assert_eq!(path(&eu), "Europe");
    // Reuters' "Republic of Ireland" and "Republic of Vietnam" were unresolved places.
    assert_eq!(path(&top("Republic of Ireland")), "Europe/Ireland");
    assert_eq!(path(&top("Republic of Vietnam")), "Asia/Vietnam");
    for us in [
        "U.S.",
        "US",
        "USA",
        "usa",
        "United States of America",
        "America",
    ] {
        assert_eq!(path(&top(us)), "North America/United States", "{us}");
    }
    for uk in ["Britain", "UK", "U.K.", "uk", "Great Britain"] {
        assert_eq!(path(&top(uk)), "Europe/United Kingdom", "{uk}");
    }
    assert_eq!(path(&top("Scotland")), "Europe/United Kingdom/Scotland");
    assert_eq!(top("Scotland").kind, PlaceKind::Region);
    assert_eq!(path(&top("Holland")), "Europe/Netherlands");
    assert_eq!(top("ussr").country_code.as_deref(), Some("RU"));
    assert_eq!(top("west-germany").country_code.as_deref(), Some("DE"));
    assert_eq!(top("Hong Kong").country_code.as_deref(), Some("HK"));
    assert_eq!(top("Taiwan").kind, PlaceKind::Country);
    assert_eq!(top("Kurdistan").country_code.as_deref(), Some("IQ"));
    assert_eq!(path(&top("el-salvador")), "North America/El Salvador");
    assert_eq!(path(&top("EL_SALVADOR")), "North America/El Salvador");
}

#[test]
fn lookup_is_case_insensitive_and_ranked() {
    let paris = Gazetteer::global().lookup("PARIS");
    assert!(paris.len() >= 2, "{paris:?}");
    assert_eq!(paris[0].country_code.as_deref(), Some("FR"));
    assert!(paris.iter().any(|p| p.region.as_deref() == Some("Texas")));
    // The country before the US state.
    let georgia = Gazetteer::global().lookup("Georgia");
    assert_eq!(georgia[0].kind, PlaceKind::Country);
    assert_eq!(georgia[0].country_code.as_deref(), Some("GE"));
    assert!(georgia
        .iter()
        .any(|p| p.kind == PlaceKind::Region && p.country_code.as_deref() == Some("US")));
    // A city named like its region ranks first, with the region filled in.
    let erbil = top("Erbil");
    assert_eq!(erbil.kind, PlaceKind::City);
    assert_eq!(path(&erbil), "Asia/Iraq/Erbil/Erbil");
    assert_eq!(top("New York").kind, PlaceKind::City);
    // Diacritics and exonyms.
    assert_eq!(top("Zürich").country_code.as_deref(), Some("CH"));
    assert_eq!(top("Bombay").name, "Mumbai");
    assert_eq!(
        top("Washington").region.as_deref(),
        Some("District of Columbia")
    );
    assert!(Gazetteer::global().lookup("Xyzzyville").is_empty());
    assert!(Gazetteer::global().lookup("").is_empty());
}

#[test]
fn resolution_uses_article_context() {
    assert_eq!(
        resolve_one(&["Paris"], None, &[], 0),
        "Europe/France/Île-de-France/Paris"
    );
    assert_eq!(
        resolve_one(&["Paris", "Texas"], None, &["United States"], 0),
        "North America/United States/Texas/Paris"
    );
    assert_eq!(resolve_one(&["Georgia"], None, &[], 0), "Asia/Georgia");
    assert_eq!(
        resolve_one(&["Georgia", "Atlanta"], None, &[], 0),
        "North America/United States/Georgia"
    );
    assert_eq!(
        resolve_one(&["Atlanta", "Georgia"], None, &[], 1),
        "North America/United States/Georgia"
    );
    // The Reuters cocoa story: dateline SALVADOR, Bahia in the text, tagged el-salvador.
    assert_eq!(
        resolve_one(
            &["SALVADOR", "Bahia"],
            Some("SALVADOR"),
            &["el-salvador", "usa", "uruguay"],
            0
        ),
        "South America/Brazil/Bahia/Salvador"
    );
    assert_eq!(
        resolve_one(&["SALVADOR"], Some("SALVADOR, Feb 26 -"), &[], 0),
        "South America/Brazil/Bahia/Salvador"
    );
    assert_eq!(
        resolve_one(&["Erbil"], None, &[], 0),
        "Asia/Iraq/Erbil/Erbil"
    );
    let all = resolve_places(&["Brussels", "Nowhereville", "U.S."], None, &[]);
    assert_eq!(
        all[0].as_ref().map(path).as_deref(),
        Some("Europe/Belgium/Brussels Capital/Brussels")
    );
    assert!(all[1].is_none());
    assert_eq!(
        all[2].as_ref().map(|p| p.name.as_str()),
        Some("United States")
    );
    assert!(resolve_places(&[], None, &[]).is_empty());
}

#[test]
fn dateline_and_demonym_evidence() {
    // London, Ontario when the dateline is Toronto.
    assert_eq!(
        resolve_one(&["London"], Some("TORONTO"), &[], 0),
        "North America/Canada/Ontario/London"
    );
    assert_eq!(
        resolve_one(&["London"], None, &[], 0),
        "Europe/United Kingdom/England/London"
    );
    // Evidence given as a demonym or an ISO code.
    assert_eq!(
        resolve_one(&["Paris"], None, &["American", "Texas"], 0),
        "North America/United States/Texas/Paris"
    );
    assert_eq!(
        resolve_one(&["Georgia"], None, &["US"], 0),
        "North America/United States/Georgia"
    );
}

#[test]
fn place_names_for_a_heuristic_extractor() {
    let g = Gazetteer::global();
    for yes in [
        "Paris", "Belgium", "U.S.", "UK", "Europe", "Brussels", "Texas", "Georgia", "Bombay",
        "Erbil",
    ] {
        assert!(g.is_place_name(yes), "{yes}");
    }
    for no in [
        "March", "Bar", "Of", "Police", "Mobile", "Reading", "Split", "Nice", "Buy", "Best",
        "Union", "Man", "Van", "Gary", "Florence", "Xyzzy", "", "Bo",
    ] {
        assert!(!g.is_place_name(no), "{no}");
    }
}

#[test]
fn demonyms_and_currencies() {
    let g = Gazetteer::global();
    assert_eq!(g.demonym("French"), Some("France"));
    assert_eq!(g.demonym("Belgians"), Some("Belgium"));
    assert_eq!(g.demonym("belgian"), Some("Belgium"));
    assert_eq!(g.demonym("American"), Some("United States"));
    assert_eq!(g.demonym("Americans"), Some("United States"));
    assert_eq!(g.demonym("British"), Some("United Kingdom"));
    assert_eq!(g.demonym("Dutch"), Some("Netherlands"));
    assert_eq!(g.demonym("Frenchmen"), Some("France"));
    assert_eq!(g.demonym("West German"), Some("Germany"));
    assert_eq!(g.demonym("Swiss"), Some("Switzerland"));
    assert_eq!(g.demonym("Table"), None);
    assert_eq!(g.demonym(""), None);
    assert!(g.demonyms.len() > 190, "{} demonyms", g.demonyms.len());
    assert_eq!(g.country_currency("CA"), Some("CAD"));
    assert_eq!(g.country_currency("be"), Some("EUR"));
    assert_eq!(g.country_currency("GB"), Some("GBP"));
    assert_eq!(g.country_currency("AQ"), None);
    assert_eq!(g.country_currency("ZZ"), None);
}

#[test]
fn odd_input_does_not_panic() {
    let g = Gazetteer::global();
    for s in [
        "",
        " ",
        "-",
        "'s",
        "\u{0}",
        "日本",
        "ÆØÅ",
        "a\tb",
        "Paris, Texas, USA, Earth",
    ] {
        let _ = g.lookup(s);
        let _ = g.is_place_name(s);
        let _ = g.demonym(s);
        let _ = resolve_places(&[s], Some(s), &[s]);
    }
}

/// Every distinct Reuters-21578 `places` tag should resolve; tags with a known
/// country are checked against it.
#[test]
fn reuters_place_tags_resolve() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/data/reuters21578/reuters21578.jsonl"
    );
    let Ok(text) = std::fs::read_to_string(path) else {
        println!("skipped: {path} not found");
        return;
    };
    let mut tags = std::collections::BTreeSet::new();
    for line in text.lines() {
        let Ok(value) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        if let Some(places) = value.get("places").and_then(|p| p.as_array()) {
            tags.extend(places.iter().filter_map(|p| p.as_str()).map(str::to_string));
        }
    }
    assert!(tags.len() > 100, "only {} tags read", tags.len());
    let g = Gazetteer::global();
    let unresolved: Vec<&String> = tags.iter().filter(|t| g.lookup(t).is_empty()).collect();
    let rate = 1.0 - unresolved.len() as f64 / tags.len() as f64;
    println!(
        "reuters places tags: {} distinct, {} resolved ({:.1}%), unresolved: {:?}",
        tags.len(),
        tags.len() - unresolved.len(),
        rate * 100.0,
        unresolved
    );
    assert!(rate >= 0.95, "{:.1}% resolved", rate * 100.0);
    for (tag, code) in [
        ("usa", "US"),
        ("uk", "GB"),
        ("ussr", "RU"),
        ("west-germany", "DE"),
        ("east-germany", "DE"),
        ("el-salvador", "SV"),
        ("hong-kong", "HK"),
        ("ivory-coast", "CI"),
        ("trinidad-tobago", "TT"),
        ("uae", "AE"),
        ("burma", "MM"),
        ("zaire", "CD"),
        ("kampuchea", "KH"),
        ("yugoslavia", "RS"),
        ("czechoslovakia", "CZ"),
        ("yemen-arab-republic", "YE"),
        ("us-virgin-islands", "VI"),
        ("netherlands", "NL"),
        ("new-zealand", "NZ"),
        ("south-korea", "KR"),
        ("north-korea", "KP"),
        ("papua-new-guinea", "PG"),
        ("guinea", "GN"),
        ("niger", "NE"),
        ("china", "CN"),
        ("jordan", "JO"),
    ] {
        if tags.contains(tag) {
            let found = g.lookup(tag);
            assert_eq!(
                found.first().and_then(|p| p.country_code.as_deref()),
                Some(code),
                "{tag}"
            );
            assert_eq!(found[0].kind, PlaceKind::Country, "{tag}");
        }
    }
}

/// Datelines of Reuters-21578 articles ("SALVADOR, Feb 26 -") resolved with and without
/// the article's `places` tags as evidence; the resolved country should be one of the tags.
#[test]
fn reuters_datelines_agree_with_tags() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/data/reuters21578/reuters21578.jsonl"
    );
    let Ok(text) = std::fs::read_to_string(path) else {
        println!("skipped: {path} not found");
        return;
    };
    let g = Gazetteer::global();
    let (mut total, mut unresolved, mut prior_ok, mut context_ok) =
        (0usize, 0usize, 0usize, 0usize);
    let mut misses: std::collections::BTreeMap<String, usize> = Default::default();
    let mut missing: std::collections::BTreeMap<String, usize> = Default::default();
    for line in text.lines() {
        let Ok(value) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        let Some(dateline) = value.get("dateline").and_then(|d| d.as_str()) else {
            continue;
        };
        let place = dateline.split(',').next().unwrap_or("").trim();
        let tags: Vec<&str> = value
            .get("places")
            .and_then(|p| p.as_array())
            .map(|a| a.iter().filter_map(|p| p.as_str()).collect())
            .unwrap_or_default();
        if place.is_empty() || tags.is_empty() {
            continue;
        }
        let tag_codes: Vec<String> = tags
            .iter()
            .filter_map(|t| g.lookup(t).first().and_then(|p| p.country_code.clone()))
            .collect();
        total += 1;
        let alone = resolve_places(&[place], None, &[]);
        let with_tags = resolve_places(&[place], None, &tags);
        let code = |r: &[Option<PlaceInfo>]| r[0].as_ref().and_then(|p| p.country_code.clone());
        match code(&with_tags) {
            None => {
                unresolved += 1;
                *missing.entry(place.to_string()).or_default() += 1;
            }
            Some(c) if tag_codes.contains(&c) => context_ok += 1,
            Some(c) => *misses.entry(format!("{place}->{c} {tags:?}")).or_default() += 1,
        }
        if code(&alone).is_some_and(|c| tag_codes.contains(&c)) {
            prior_ok += 1;
        }
    }
    let pct = |n: usize| 100.0 * n as f64 / total.max(1) as f64;
    let mut top: Vec<_> = misses.into_iter().collect();
    top.sort_by_key(|e| std::cmp::Reverse(e.1));
    top.truncate(25);
    let mut unknown: Vec<_> = missing.into_iter().collect();
    unknown.sort_by_key(|e| std::cmp::Reverse(e.1));
    unknown.truncate(25);
    println!("most frequent unresolved datelines: {unknown:?}");
    println!(
        "reuters datelines: {total}, unresolved {unresolved} ({:.1}%), country in tags: prior only {:.1}%, with tags as evidence {:.1}%; top disagreements: {top:?}",
        pct(unresolved),
        pct(prior_ok),
        pct(context_ok)
    );
    assert!(total > 10_000);
    assert!(pct(context_ok) >= 90.0);
}

#[test]
fn alternate_names_need_agreeing_evidence() {
    // Huntsville, Alabama was once called Twickenham; in an English rugby story it is not
    // (the ground is now a landmark of London, which settles it the same way).
    let r = resolve_places(&["Twickenham", "England"], None, &[]);
    assert!(
        r[0].as_ref().is_some_and(|p| p.name == "London"),
        "{:?}",
        r[0]
    );
    assert_eq!(r[1].as_ref().map(|p| p.name.as_str()), Some("England"));
    // Another of its old names, in a story naming Scotland.
    let r = resolve_places(&["Hunts Spring", "Scotland"], None, &[]);
    assert!(r[0].is_none(), "{:?}", r[0]);
}

#[test]
fn alternate_names_unlike_the_name_need_the_region() {
    // GeoNames lists "Google" among Topeka's names; an article naming the US is not set in
    // Kansas. "Park City" (Bridgeport's nickname) in "Park City, Utah" is not Connecticut.
    assert_eq!(resolve_one(&["Google", "US"], None, &[], 0), "<none>");
    assert_eq!(resolve_one(&["Park City", "Utah"], None, &[], 0), "<none>");
    // With the region named, the alternate name resolves.
    assert!(resolve_one(&["Google", "Kansas"], None, &[], 0).ends_with("Kansas/Topeka"));
    // Spellings of the name itself need no region.
    assert!(resolve_one(&["Frankfurt", "Germany"], None, &[], 0).ends_with("Frankfurt am Main"));
    assert!(resolve_one(&["Basle", "Switzerland"], None, &[], 0).ends_with("Basel"));
    assert!(looks_alike("saragossa", "zaragoza") && looks_alike("oporto", "porto"));
    assert!(!looks_alike("google", "topeka") && !looks_alike("", ""));
}

#[test]
fn a_capital_outweighs_a_small_namesake_in_an_article_about_its_country() {
    // Reuters' 1987 "Paris accord" stories name the United States: Paris stays in France.
    assert!(resolve_one(&["Paris", "United States"], None, &[], 0)
        .ends_with("France/Île-de-France/Paris"));
    assert!(
        resolve_one(&["Vienna", "United States"], None, &[], 0).ends_with("Austria/Vienna/Vienna")
    );
    // Naming the region still picks the namesake.
    assert!(resolve_one(&["Paris", "Texas"], None, &[], 0).ends_with("Texas/Paris"));
    // A capital's standing does not go with an alternate name: ancient "Philadelphia" is
    // Amman's, the city is Philadelphia, Pennsylvania.
    assert!(resolve_one(&["Philadelphia"], None, &[], 0).ends_with("Pennsylvania/Philadelphia"));
}

#[test]
fn small_towns_need_the_articles_countries() {
    // "Foley" (a rugby player) next to Ireland and Italy is not Foley, Alabama.
    assert_eq!(
        resolve_one(&["Foley", "Ireland", "Italy"], None, &[], 0),
        "<none>"
    );
    // With nothing pointing elsewhere, or its own country named, the town resolves.
    assert!(resolve_one(&["Foley"], None, &[], 0).ends_with("Alabama/Foley"));
    assert!(resolve_one(&["Foley", "United States"], None, &[], 0).ends_with("Alabama/Foley"));
    // Capitals and administrative seats are exempt: the G-7 summit in Venice.
    assert!(resolve_one(&["Venice", "Uruguay"], None, &[], 0).ends_with("Veneto/Venice"));
    assert!(resolve_one(&["Mbabane", "Afghanistan"], None, &[], 0).ends_with("Mbabane"));
}

#[test]
fn little_known_towns_need_the_articles_countries() {
    // BBC: "the Aurora" (a cruise ship) and "Paterson" (a Scottish rugby player) are no
    // towns of Colorado and New Jersey; Reuters: Stockton in a story on Japan. (Norfolk, Kent
    // and the other British counties have readings of their own: see the next test.)
    for (name, elsewhere) in [
        ("Aurora", "England"),
        ("Paterson", "Scotland"),
        ("Stockton", "Japan"),
        ("Norfolk", "Japan"),
    ] {
        assert_eq!(
            resolve_one(&[name, elsewhere], None, &[], 0),
            "<none>",
            "{name}"
        );
    }
    // With their country named, or with their state written after them, they resolve.
    assert!(resolve_one(&["Norfolk", "United States"], None, &[], 0).ends_with("Virginia/Norfolk"));
    assert!(
        resolve_after(&["Norfolk", "London"], &[Some(", Nebraska"), None], 0)
            .ends_with("Nebraska/Norfolk")
    );
    // Cities the world knows by name (many GeoNames names) keep their reading: a British
    // film story names Hollywood, a science story Berkeley.
    assert!(resolve_one(&["Hollywood", "London"], None, &[], 0).ends_with("California/Hollywood"));
    assert!(resolve_one(&["Berkeley", "London"], None, &[], 0).ends_with("California/Berkeley"));
}

#[test]
fn british_counties_resolve_in_british_stories() {
    let one = |mentions: &[&str]| resolve_places(mentions, None, &[])[0].clone();
    // "Norfolk farmer Tony Martin" in a story that names London: the county, within England.
    let norfolk = one(&["Norfolk", "London"]).expect("resolved");
    assert_eq!(norfolk.name, "Norfolk");
    assert_eq!(norfolk.kind, PlaceKind::Region);
    assert_eq!(path(&norfolk), "Europe/United Kingdom/England");
    // Names the gazetteer lacks altogether, and one of Scotland.
    assert_eq!(
        path(&one(&["Merseyside", "England"]).unwrap()),
        "Europe/United Kingdom/England"
    );
    assert_eq!(
        path(&one(&["Fife", "Scotland"]).unwrap()),
        "Europe/United Kingdom/Scotland"
    );
    // "The Midlands" was Zimbabwe's Midlands Province.
    assert_eq!(one(&["Midlands", "London"]).unwrap().name, "Midlands");
    // So does a story that points nowhere else: the county is the bigger place. Counties'
    // namesakes abroad are no evidence: "Kent and Surrey" are both counties.
    assert_eq!(one(&["Norfolk"]).unwrap().name, "Norfolk");
    let both = resolve_places(&["Kent", "Surrey"], None, &[]);
    assert!(
        both.iter().all(|p| p
            .as_ref()
            .is_some_and(|p| path(p) == "Europe/United Kingdom/England")),
        "{both:?}"
    );
    // A story that names Britain but also Virginia speaks of Norfolk, Virginia.
    assert!(
        resolve_one(&["Norfolk", "United Kingdom", "Virginia"], None, &[], 0)
            .ends_with("Virginia/Norfolk")
    );
    // With another country in the story, or the text placing it elsewhere, the gazetteer's
    // readings stand.
    assert!(resolve_one(&["Norfolk", "Texas"], None, &[], 0).ends_with("Virginia/Norfolk"));
    assert!(
        resolve_after(&["Norfolk", "London"], &[Some(", Va."), None], 0)
            .ends_with("Virginia/Norfolk")
    );
}

#[test]
fn generic_words_tagged_as_places_stay_unresolved() {
    // Reuters' "the West", "the Gulf", "North" and "South" were Cameroon's and Papua New
    // Guinea's regions, which made both countries frequent facet values.
    // Names made of such words only: "West Coast" (a region of New Zealand) in US oil-price
    // stories, "South-West" (Cameroon) for England's South West in BBC news.
    for word in ["West", "Gulf", "North", "South", "West Coast", "South-West"] {
        assert_eq!(
            resolve_one(&[word, "Iran"], None, &[], 0),
            "<none>",
            "{word}"
        );
    }
    // Other stoplisted names that the tagger marks as places still resolve.
    assert!(
        resolve_one(&["Split", "Croatia"], None, &[], 0).ends_with("Croatia/Split-Dalmatia/Split")
    );
}

#[test]
fn landmarks_resolve_to_their_city_not_through_alternate_names() {
    // GeoNames lists "White House" among Casablanca's alternate names: Reuters' "WHITE
    // HOUSE'S BAKER SAYS..." headlines made Casablanca a top city. It is Washington's.
    let washington = "North America/United States/District of Columbia/Washington";
    assert_eq!(resolve_one(&["White House"], None, &[], 0), washington);
    assert_eq!(
        resolve_one(&["WHITE HOUSE", "Morocco"], None, &[], 0),
        washington
    );
    assert!(resolve_one(&["Casablanca"], None, &[], 0).ends_with("Casablanca"));
    // Every landmark is its city, whatever the text writes after it.
    for &(name, city, _) in LANDMARKS {
        let path = resolve_one(&[name], None, &[], 0);
        assert!(path.ends_with(&format!("/{city}")), "{name}: {path}");
        assert_eq!(resolve_after(&[name], &[Some(", Manchester")], 0), path);
    }
    assert!(resolve_one(&["Downing Street"], None, &[], 0).ends_with("England/London"));
    assert!(resolve_one(&["Kremlin"], None, &[], 0).ends_with("Russia/Moscow/Moscow"));
    // BBC: Villa Park was Villa Park, Illinois, and took the article's Birmingham to
    // Alabama with it.
    assert!(
        resolve_one(&["Villa Park", "Birmingham"], None, &[], 1).ends_with("England/Birmingham")
    );
    assert!(resolve_one(&["Twickenham", "Wales"], None, &[], 0).ends_with("England/London"));
    // Unless the text places it where the gazetteer has a town of that name.
    assert!(
        resolve_after(&["Villa Park"], &[Some(", Ill., said")], 0).ends_with("Illinois/Villa Park")
    );
}

#[test]
fn a_city_named_like_its_region_wins_only_with_a_good_share_of_its_people() {
    // Reuters' "Quebec" (the province's government, its asbestos) was Québec city 71 times.
    assert!(resolve_one(&["Quebec"], None, &[], 0).ends_with("Canada/Quebec"));
    assert!(resolve_one(&["New York"], None, &[], 0).ends_with("New York City"));
    assert!(resolve_one(&["Bern"], None, &[], 0).ends_with("Bern/Bern"));
}

#[test]
fn a_far_better_known_namesake_abroad_needs_no_region() {
    // Reuters' 1987 stories on "the Venice summit" name the United States; Venice,
    // California and Venice, Florida (15 and 11 GeoNames names) are overshadowed by Venice,
    // Italy (66), and so is Dayton, Ohio, which has "Venice" as an alternate name.
    assert!(resolve_one(&["Venice", "United States"], None, &[], 0).ends_with("Veneto/Venice"));
    assert!(resolve_one(&["Geneva", "United States"], None, &[], 0).contains("Switzerland"));
    assert!(resolve_one(&["Athens", "New York"], None, &[], 0).ends_with("Attica/Athens"));
    assert!(resolve_one(&["Melbourne", "Philadelphia"], None, &[], 0).contains("Australia"));
    // With its region named, the town is read as before.
    assert!(resolve_one(&["Venice", "California"], None, &[], 0).ends_with("California/Venice"));
    assert!(resolve_one(&["Athens", "Ohio"], None, &[], 0).ends_with("Ohio/Athens"));
    // A namesake that has the name only as a former or biblical name overshadows nothing:
    // "San Miguel" is not San Diego, "Salem" is not Jerusalem.
    assert!(resolve_one(&["San Miguel", "Philippines"], None, &[], 0).contains("Philippines"));
    assert!(resolve_one(&["Salem", "United States"], None, &[], 0).contains("United States/Oregon"));
    // A bigger town is not overshadowed by a smaller one: Valencia, Venezuela in an article
    // naming Venezuela.
    assert!(resolve_one(&["Valencia", "Venezuela"], None, &[], 0).contains("Venezuela"));
    // Once the towns are overshadowed, a city that has the name only as an unrelated
    // alternate name does not take their place (Independence, Missouri lists "Bristol").
    assert!(resolve_one(&["Bristol", "United States"], None, &[], 0).ends_with("England/Bristol"));
    assert!(spelling_of("geneva", "geneve") && spelling_of("clermont", "clermont ferrand"));
    assert!(!spelling_of("salem", "jerusalem") && !spelling_of("san miguel", "san diego"));
}

#[test]
fn a_region_and_its_city_named_like_a_far_better_known_city_abroad_give_way() {
    // Reuters: "its St. Louis hub" (TWA) was Saint-Louis, Senegal, in 8 articles: the
    // Senegalese region outweighed St. Louis, Missouri (51 GeoNames names) by its people, and
    // its city (32 names) by its seat.
    assert!(resolve_one(&["St. Louis"], None, &[], 0).ends_with("Missouri/St. Louis"));
    // An article that points to Senegal keeps its city.
    assert!(resolve_one(&["Saint-Louis", "Senegal"], None, &[], 0)
        .ends_with("Senegal/Saint-Louis/Saint-Louis"));
    assert!(resolve_one(&["Saint-Louis", "Dakar"], None, &[], 0)
        .ends_with("Senegal/Saint-Louis/Saint-Louis"));
    // A province with no city of its name stays (Munster against Münster); so does a national
    // capital (San José, Costa Rica, against San Jose, California).
    assert!(resolve_one(&["Munster", "Ireland"], None, &[], 0).contains("Ireland/Munster"));
    assert!(resolve_one(&["San Jose"], None, &[], 0).contains("Costa Rica"));
}

#[test]
fn a_town_named_like_a_far_bigger_province_abroad_needs_its_region() {
    // Reuters: "its Golden Patricia gold property in northwestern Ontario", in an article
    // that names US places, was Ontario, California (171,214 people) in 5 articles.
    assert!(resolve_one(&["Ontario", "Nevada"], None, &[], 0).ends_with("Canada/Ontario"));
    // With its state named, the town stays.
    assert!(resolve_one(&["Ontario", "California"], None, &[], 0).ends_with("California/Ontario"));
    // A seat is well known at home: Victoria, British Columbia, is not overshadowed by the
    // Australian state.
    assert!(resolve_one(&["Victoria", "Canada"], None, &[], 0).contains("British Columbia"));
}

#[test]
fn westminster_is_in_london_unless_the_article_says_otherwise() {
    // BBC politics: "Westminster" is Parliament's district, not Westminster, Colorado.
    assert!(resolve_one(&["Westminster"], None, &[], 0).ends_with("England/City of Westminster"));
    assert!(resolve_one(&["Whitehall", "Ireland"], None, &[], 0).ends_with("City of Westminster"));
    assert!(
        resolve_one(&["Westminster", "Colorado"], None, &[], 0).ends_with("Colorado/Westminster")
    );
}

/// The path of mention `which` resolved with the text after each mention.
fn resolve_after(mentions: &[&str], after: &[Option<&str>], which: usize) -> String {
    let g = Gazetteer::global();
    let locations: Vec<Option<Location>> = after
        .iter()
        .map(|tail| tail.and_then(|t| g.location_after(t)))
        .collect();
    path_of(
        &resolve_places_qualified(mentions, &locations, None, &[]),
        which,
    )
}

#[test]
fn a_name_followed_by_its_state_resolves_there() {
    // Reuters writes "Salem, Ore.", "Cambridge, Mass.": abbreviations that the gazetteer
    // leaves out elsewhere ("Ore", "Mass" are words) locate the name here.
    assert!(resolve_after(&["Salem"], &[Some(", Ore. were sold")], 0).ends_with("Oregon/Salem"));
    assert!(resolve_after(&["Cambridge"], &[Some(", Mass., said")], 0)
        .ends_with("Massachusetts/Cambridge"));
    assert!(resolve_after(&["Atlanta"], &[Some(", Ga., said")], 0).ends_with("Georgia/Atlanta"));
    assert!(resolve_after(&["London"], &[Some(", Ontario last year")], 0).contains("Canada"));
    // After an abbreviation, a name with no reading there stays unresolved: the gazetteer
    // lacks Dayton, Tennessee, and Spain's Andalusia is not "Andalusia, Ala.".
    assert_eq!(
        resolve_after(&["Dayton"], &[Some(", Tenn., plant")], 0),
        "<none>"
    );
    assert_eq!(
        resolve_after(&["Andalusia"], &[Some(", Ala.")], 0),
        "<none>"
    );
    // A full name after a comma may be the next item of a list: it only picks among the
    // name's own readings.
    assert!(
        resolve_after(&["Washington"], &[Some(", Tokyo and Bonn")], 0)
            .ends_with("District of Columbia/Washington")
    );
    assert!(
        resolve_after(&["Mexico"], &[Some(", Philippines, Indonesia")], 0).ends_with("/Mexico")
    );
    assert!(resolve_after(&["Minn"], &[Some(", N.D., S.D.")], 0).ends_with("Minnesota"));
    assert!(resolve_after(&["Salem"], &[Some(", a town")], 0).contains("India"));
    // The US state when the name lies there, though "Georgia" reads as the country first.
    assert!(resolve_after(&["Athens"], &[Some(", Georgia, said")], 0).ends_with("Georgia/Athens"));
    // A phrase counts only where it ends: "Texas Instruments" is a company.
    assert!(resolve_after(&["Paris"], &[Some(", Texas Instruments said")], 0).contains("France"));
    assert!(resolve_after(&["Charleston"], &[Some(", W. Va., said")], 0)
        .ends_with("West Virginia/Charleston"));
    assert!(resolve_after(&["Winnipeg"], &[Some(", Man., said")], 0).contains("Manitoba"));
    // The region that locates one name is evidence for the others: "LaFayette, Ga." (not in
    // the gazetteer) makes "northeast Georgia" the state, not the country.
    assert!(
        resolve_after(&["LaFayette", "Georgia"], &[Some(", Ga., for"), None], 1)
            .ends_with("United States/Georgia")
    );
    assert_eq!(resolve_after(&["Georgia"], &[None], 0), "Asia/Georgia");
}
