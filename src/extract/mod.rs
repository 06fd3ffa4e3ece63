//! Entity extraction: pure functions from article text to [`Entities`].
//!
//! No I/O and no tantivy here. Offsets are byte offsets into the text that was
//! given to [`extract_with`]; `newsdex extract --jsonl` converts them to character
//! offsets on output.

pub mod date;
pub mod money;
pub mod org;
pub mod person;
pub mod place;
pub mod tagger;
pub mod token;

use serde::Serialize;

/// A span of text where an entity was mentioned (byte offsets, end exclusive).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Mention {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// The text as written.
    pub text: String,
}

/// A place resolved into the gazetteer hierarchy.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlaceInfo {
    /// Canonical English name ("Brussels", "Belgium", "Europe").
    pub name: String,
    /// What kind of place it is.
    pub kind: PlaceKind,
    /// Continent name ("Europe").
    pub continent: Option<String>,
    /// Country name ("Belgium").
    pub country: Option<String>,
    /// ISO 3166-1 alpha-2 code of the country ("BE").
    pub country_code: Option<String>,
    /// First-level administrative region ("Brussels Capital").
    pub region: Option<String>,
    /// City ("Brussels").
    pub city: Option<String>,
    /// Population, where known (used to break ties).
    pub population: u64,
}

impl PlaceInfo {
    /// The hierarchy from the continent down, e.g. `["Europe", "Belgium", "Brussels Capital", "Brussels"]`.
    /// Levels that are unknown are left out.
    pub fn path(&self) -> Vec<&str> {
        [&self.continent, &self.country, &self.region, &self.city]
            .into_iter()
            .filter_map(|s| s.as_deref())
            .collect()
    }
}

/// The level of a place in the hierarchy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PlaceKind {
    /// A continent.
    Continent,
    /// A country.
    Country,
    /// A first-level administrative region (state, province, ...).
    Region,
    /// A city or town.
    City,
}

/// A money amount: value and ISO 4217 currency.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Amount {
    /// The value in `currency` (for a range, its lower end).
    pub value: f64,
    /// Upper end of a range (`$2-3bn`), if the amount is one.
    pub value_high: Option<f64>,
    /// ISO 4217 code ("EUR", "USD", or historical codes such as "DEM").
    pub currency: String,
    /// The value converted to [`money::BASE_CURRENCY`] with the rate table, if the currency has a rate.
    pub base_value: Option<f64>,
    /// Qualifier as written and normalised ("about", "more than", "up to"), if any.
    pub qualifier: Option<String>,
    /// Per-unit amounts (`$35 a barrel`, `3.50 dlrs per share`): the unit ("barrel", "share").
    pub per_unit: Option<String>,
    /// Index (into the same `Vec<Amount>`) of the amount this one is an equivalent of, for
    /// `90 billion euros ($105 billion)`.
    pub equivalent_of: Option<usize>,
    /// Where it was written.
    pub mention: Mention,
}

/// A person, organisation or place entity with its canonical name and mentions.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Named {
    /// Canonical name ("Vladimir Putin", "European Union").
    pub canonical: String,
    /// Every mention in the text (may be empty for pre-tagged entities).
    pub mentions: Vec<Mention>,
}

/// A place entity: a [`Named`] plus, when the gazetteer knows it, its hierarchy.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Place {
    /// Canonical name and mentions.
    #[serde(flatten)]
    pub named: Named,
    /// The resolved place; `None` keeps an unresolved place rather than dropping it.
    pub info: Option<PlaceInfo>,
}

/// Everything extracted from one article.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Entities {
    /// Persons, one per canonical name.
    pub persons: Vec<Named>,
    /// Places, one per canonical name.
    pub places: Vec<Place>,
    /// Organisations, one per canonical name.
    pub orgs: Vec<Named>,
    /// Money amounts, in text order.
    pub amounts: Vec<Amount>,
}

/// Version of the extractor: bump it when extraction changes, so that a reindex
/// re-extracts every file indexed by an older version.
pub const EXTRACTOR_VERSION: u64 = 19;

/// Set in a document's stored extractor version when it was extracted without the tagger
/// (`newsdex index --no-tagger`), so that a later run with the tagger re-extracts it.
pub const NO_TAGGER_FLAG: u64 = 1 << 32;

/// The extractor version stored with each document: [`EXTRACTOR_VERSION`], with
/// [`NO_TAGGER_FLAG`] set when the tagger did not run.
pub fn stored_version(tagger: bool) -> u64 {
    if tagger {
        EXTRACTOR_VERSION
    } else {
        EXTRACTOR_VERSION | NO_TAGGER_FLAG
    }
}

/// What [`extract_article`] finds in one article.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Extracted {
    /// Persons, places, organisations and amounts.
    #[serde(flatten)]
    pub entities: Entities,
    /// Publication date.
    pub date: Option<chrono::NaiveDate>,
}

/// What an article tells the extractor besides its text.
#[derive(Debug, Clone, Default)]
pub struct Hints<'a> {
    /// The place named in the dateline ("BRUSSELS").
    pub dateline_place: Option<&'a str>,
    /// Publication date.
    pub date: Option<chrono::NaiveDate>,
    /// Entities the input already carries.
    pub pretagged: Option<&'a crate::article::PreTagged>,
    /// Do not run the entity tagger: persons, places and organisations then come only
    /// from `pretagged` and the dateline (amounts and dates are still found).
    pub skip_tagger: bool,
}

/// Extracts the entities and the date of one article. Offsets are into
/// `title + "\n\n" + body`.
pub fn extract_article(article: &crate::Article) -> Extracted {
    extract_article_mode(article, true)
}

/// [`extract_article`], with the entity tagger on (`tagger`) or off (see [`Hints::skip_tagger`]).
pub fn extract_article_mode(article: &crate::Article, tagger: bool) -> Extracted {
    let date = article.date.as_deref().and_then(date::parse_date);
    let text = if article.title.is_empty() {
        article.body.clone()
    } else {
        format!("{}\n\n{}", article.title, article.body)
    };
    let hints = Hints {
        dateline_place: article.dateline_place.as_deref(),
        date,
        pretagged: Some(&article.pretagged),
        skip_tagger: !tagger,
    };
    Extracted {
        entities: extract_with(&text, &hints),
        date,
    }
}

/// Extracts the entities of a bare text (no headline, no metadata).
pub fn extract_text(text: &str) -> Entities {
    extract_with(text, &Hints::default())
}

/// The distinct values of `items` in the order first seen, and for each item the index of
/// its value among them, so that work per value (resolving a name) is done once.
pub(crate) fn distinct<'a>(items: impl IntoIterator<Item = &'a str>) -> (Vec<&'a str>, Vec<usize>) {
    let mut values: Vec<&str> = Vec::new();
    let mut index: rustc_hash::FxHashMap<&str, usize> = rustc_hash::FxHashMap::default();
    let slots = items
        .into_iter()
        .map(|item| {
            *index.entry(item).or_insert_with(|| {
                values.push(item);
                values.len() - 1
            })
        })
        .collect();
    (values, slots)
}

/// How much of the text after a place name is read for its region ("…, British Columbia").
const QUALIFIER_BYTES: usize = 40;

/// The largest char boundary of `s` at or below `at`.
fn floor_char_boundary(s: &str, at: usize) -> usize {
    let mut i = at.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Extracts entities from `text` using what `hints` tell about the article.
pub fn extract_with(text: &str, hints: &Hints<'_>) -> Entities {
    // An article written wholly in capitals (a Reuters headline sent alone) is read in the
    // case ordinary text would give it: the tagger finds no name in "VOLCKER SEES NO
    // CLEARCUT EVIDENCE…", and finds Volcker in "Volcker sees no clearcut evidence…". Every
    // offset stays; mentions keep the article's spelling ("TEXACO"), and names are written
    // as names are ("Texaco").
    let restored = (!hints.skip_tagger && tagger::truecase::in_capitals(text))
        .then(|| tagger::truecase::CaseLexicon::global().restore_text(text))
        .flatten();
    let original = text;
    let text = restored.as_deref().unwrap_or(text);
    let gazetteer = place::Gazetteer::global();
    let spans = if hints.skip_tagger {
        Vec::new()
    } else {
        org::join_firm_names(text, tagger::Tagger::global().spans(text))
    };

    let mut person_mentions: Vec<(String, Mention)> = Vec::new();
    let mut org_mentions: Vec<(String, Mention)> = Vec::new();
    let mut place_mentions: Vec<Mention> = Vec::new();
    let mut evidence: Vec<String> = Vec::new();
    let mut country_orgs: Vec<Mention> = Vec::new();
    let mut listed: Vec<Mention> = Vec::new();
    for span in &spans {
        let written = &text[span.start..span.end];
        // A name broken across a hard-wrapped line ("Securities and Exchange\nCommission")
        // is named with single spaces.
        let spaced;
        let raw = if written.contains(|c: char| c.is_whitespace() && c != ' ') {
            spaced = crate::read::fields::collapse_whitespace(written);
            spaced.as_str()
        } else {
            written
        };
        let name = raw.trim();
        // Case-blind: Reuters' article files sign off "REUTER", its JSON "Reuter".
        if NOT_NAMES.iter().any(|n| n.eq_ignore_ascii_case(name))
            || not_a_name(name)
            || is_ticker(text, span.start, span.end)
            // "Joe Barton (R-Texas)": read as a place, an organisation or a person.
            || is_party_and_state(text, span.start, name)
            // "Houma and Harvey, La., Alvin", "Schuykill County, Penn.": a state's
            // abbreviation after a town, which places the town, read as a person or a firm.
            || (span.kind != tagger::EntityKind::Location
                && state_abbreviation_after_a_town(gazetteer, text, span.start, name))
        {
            continue;
        }
        let mention = Mention {
            start: span.start,
            end: span.end,
            text: raw.to_string(),
        };
        // A person's name that a firm's word follows ("TORONTO DOMINION BANK"). Read here,
        // not in `org::join_firm_names`, which would also drop the article's one-word
        // mentions of the person ("Soros said" beside "SOROS GROUP").
        let firm_end = (span.kind == tagger::EntityKind::Person)
            .then(|| org::firm_word_after(text, span.end))
            .flatten();
        match span.kind {
            // "Downing Street" said something: a building speaking for an institution.
            tagger::EntityKind::Person if person::is_facility(raw) => {
                org_mentions.push((org::canonical(raw), mention));
            }
            // "TORONTO DOMINION BANK", "Asher Edelman Group": the tagger took the firm's
            // name for a person's and left its last word out.
            tagger::EntityKind::Person if firm_end.is_some() => {
                let end = firm_end.unwrap_or(span.end);
                // The firm's word may follow a line break ("Salomon\nBrothers").
                let firm = crate::read::fields::collapse_whitespace(&format!(
                    "{raw}{}",
                    &text[span.end..end]
                ));
                org_mentions.push((
                    org::canonical(&firm),
                    Mention {
                        end,
                        text: firm,
                        ..mention
                    },
                ));
            }
            // "WANG <WAN> ANNOUNCES…", "C.R. Bard <BCR>": a name right before a stock ticker
            // is the listed company's (Reuters' convention), not a person's.
            tagger::EntityKind::Person if ticker_follows(text, span.end) => listed.push(mention),
            tagger::EntityKind::Person => {
                // "Minister of Energy and Mines Subroto" is tagged "Mines Subroto".
                // (`raw` may have its line breaks collapsed: the mention's offset is counted in
                // the text as written.)
                let (raw, mention) =
                    match portfolio_word(text, span.start, raw).zip(second_word(written)) {
                        Some((skip, written_skip)) => (
                            &raw[skip..],
                            Mention {
                                start: span.start + written_skip,
                                text: raw[skip..].to_string(),
                                ..mention
                            },
                        ),
                        None => (raw, mention),
                    };
                if let Some(name) = person::clean(raw) {
                    person_mentions.push((name, mention));
                }
            }
            // "Ms Hewitt" tagged as an organisation is a person with a title.
            tagger::EntityKind::Organization if person::has_personal_title(raw) => {
                if let Some(name) = person::clean(raw) {
                    person_mentions.push((name, mention));
                }
            }
            // "Treasury Secretary James Baker", "Economics Minister Martin Bangemann": a name
            // of two or three words after an office, with no word of a body or a firm in it,
            // is a person's, though the tagger read it as an organisation's.
            tagger::EntityKind::Organization
                if after_office(text, span.start)
                    && written_like_a_persons_name(raw)
                    && !org::has_body_word(raw) =>
            {
                if let Some(name) = person::clean(raw) {
                    person_mentions.push((name, mention));
                }
            }
            // A country the tagger read as an organisation ("Liquidity in the Philippines
            // rose": the Reuters org facet had "Philippines" in 46 articles) is the country,
            // unless a firm of that name is in the article (below) or a plural verb follows,
            // as after a team ("Monaco are also in the race"). So is a country's initials
            // ("USSR BUYS U.S. CORN": an organisation in 43 Reuters articles).
            tagger::EntityKind::Organization
                if (gazetteer.is_country_or_continent(name)
                    || country_initials(gazetteer, name))
                    && !followed_by_plural_verb(text, span.end) =>
            {
                country_orgs.push(mention)
            }
            tagger::EntityKind::Organization => {
                let name = org::canonical(raw);
                if name.chars().any(|c| c.is_alphabetic()) {
                    org_mentions.push((name, mention));
                }
            }
            // "CHEYENNE <CHEY.O> TO…", "Creditanstalt-Bankverein <CABV.VI>": a place's name
            // right before a stock ticker is the listed company's, unless it is a country or
            // follows "of" ("Porsche AG of Germany <PSHG.F>", "Public Service Co of New Mexico
            // <PNM>"), where the place is named as the company's home.
            tagger::EntityKind::Location
                if ticker_follows(text, span.end)
                    && !after_of(text, span.start)
                    && !gazetteer.is_country_or_continent(name) =>
            {
                listed.push(mention)
            }
            // A stoplisted town name ("Mobile", "Reading") at the start of a sentence or
            // headline, or in a headline written in capitals ("SETS SPLIT, UPS PAYOUT"), is
            // most often the common word; elsewhere the tagger is trusted.
            tagger::EntityKind::Location
                if (sentence_initial(text, span.start) || in_capitals(raw))
                    && !raw.contains(' ')
                    && !gazetteer.is_place_name(raw)
                    && !gazetteer.lookup(raw).is_empty() => {}
            // A place that begins a company's name in a Reuters headline, right before its
            // ticker ("BURLINGTON <BNI>", "KANSAS GAS AND ELECTRIC CO <KGE>"), is the company;
            // after "of" it is the company's home, as above ("FIRST FEDERAL OF MICHIGAN").
            tagger::EntityKind::Location
                if !raw.chars().any(char::is_lowercase)
                    && names_a_listed_company(text, span.end)
                    && !after_of(text, span.start)
                    && !gazetteer.lookup(raw).first().is_some_and(|p| {
                        matches!(p.kind, PlaceKind::Country | PlaceKind::Continent)
                    }) => {}
            // A nationality tagged as a place ("West German", "Kuwaiti") is evidence, as the
            // other demonyms are, not a place.
            tagger::EntityKind::Location
                if gazetteer.lookup(name).is_empty() && gazetteer.demonym(name).is_some() =>
            {
                evidence.extend(gazetteer.demonym(name).map(str::to_string));
            }
            tagger::EntityKind::Location => place_mentions.push(mention),
            tagger::EntityKind::Misc => {
                if let Some(country) = gazetteer.demonym(raw.trim()) {
                    evidence.push(country.to_string());
                }
            }
        }
    }

    // A listed company's name before its ticker joins the article's one organisation so
    // named ("WANG <WAN>" and Wang Laboratories, "HUTTON <EFH>" and E.F. Hutton); or is one
    // of its own if written in mixed case ("C.R. Bard <BCR>"). The article's persons, cities
    // and unknown places of that name are the company too ("Cheyenne stock" below "CHEYENNE
    // <CHEY.O> TO…"). A headline's capitals with no such organisation and no mixed-case
    // spelling ("BAKER <BKO>" beside both Baker International and Baker Hughes) would make a
    // facet value of their own: dropped.
    if !listed.is_empty() {
        // "CONT'L ILLINOIS<CIL>", "Continental Illinois <CIL>": the tagged name is only the
        // end of the company's.
        let whole = |m: &Mention| {
            m.text.chars().any(char::is_lowercase) && !after_a_capitalised_word(text, m.start)
        };
        // The names that stand for the company elsewhere in the article: whole ones, and
        // capitals that begin their line ("CHEYENNE <CHEY.O> TO…"; not "PUBLIC SERVICE
        // COLORADO <PSR>", beside "the Colorado economy").
        let begins_line = |m: &Mention| word_before_on_its_line(text, m.start).is_none();
        let listed_names: Vec<String> = listed
            .iter()
            .filter(|m| whole(m) || begins_line(m))
            .map(|m| m.text.trim().to_string())
            .collect();
        let is_listed = |t: &str| {
            listed_names
                .iter()
                .any(|n| n.eq_ignore_ascii_case(t.trim()))
        };
        // A person named like the last word of a listed name ("Handelsbanken said" beside
        // "Svenska Handelsbanken <SHBS.ST>") is the company too.
        let ends_listed = |t: &str| {
            let t = t.trim();
            !t.contains(' ')
                && listed_names.iter().any(|n| {
                    n.rsplit(char::is_whitespace)
                        .next()
                        .is_some_and(|last| last != n && last.eq_ignore_ascii_case(t))
                })
        };
        let mut others: Vec<Mention> = Vec::new();
        person_mentions.retain(|(_, m)| {
            let listed = is_listed(&m.text) || ends_listed(&m.text);
            if listed {
                others.push(m.clone());
            }
            !listed
        });
        // Not a country or a region ("NEVADA <NVP> SEES…" above "demand in Nevada rose"),
        // whose name stands for itself far more often than a firm's.
        let region = |name: &str| {
            gazetteer.lookup(name).first().is_some_and(|p| {
                matches!(
                    p.kind,
                    PlaceKind::Country | PlaceKind::Continent | PlaceKind::Region
                )
            })
        };
        place_mentions.retain(|m| {
            let listed = is_listed(&m.text) && !region(m.text.trim());
            if listed {
                others.push(m.clone());
            }
            !listed
        });
        let spellings: Vec<String> = listed
            .iter()
            .chain(&others)
            .filter(|m| whole(m))
            .map(|m| org::canonical(&m.text))
            .collect();
        for mention in listed.into_iter().chain(others) {
            let name = org::canonical(&mention.text);
            let holder = {
                let mut holders: Vec<&String> = org_mentions
                    .iter()
                    .map(|(canonical, _)| canonical)
                    .filter(|c| c.eq_ignore_ascii_case(&name) || names_firm(c, &name))
                    .collect();
                holders.sort_unstable();
                holders.dedup();
                match holders.as_slice() {
                    [one] => Some((*one).clone()),
                    _ => None,
                }
            };
            let spelt = || {
                spellings
                    .iter()
                    .find(|s| s.eq_ignore_ascii_case(&name))
                    .cloned()
            };
            match holder {
                Some(holder) => org_mentions.push((holder, mention)),
                None if whole(&mention) => org_mentions.push((name, mention)),
                None => {
                    if let Some(spelt) = spelt() {
                        org_mentions.push((spelt, mention));
                    }
                }
            }
        }
    }

    // "Greenland" after "Greenland NV" is the firm again.
    for mention in country_orgs {
        let firm = org_mentions
            .iter()
            .any(|(name, _)| name.eq_ignore_ascii_case(mention.text.trim()));
        if firm {
            org_mentions.push((org::canonical(&mention.text), mention));
        } else {
            place_mentions.push(mention);
        }
    }

    // Persons: short mentions resolve to the full name seen in the article.
    let mut names: Vec<String> = person_mentions.iter().map(|(n, _)| n.clone()).collect();
    let pretagged_persons: Vec<String> = hints
        .pretagged
        .map(|p| {
            p.persons
                .iter()
                .filter_map(|t| person::from_tag(t))
                .collect()
        })
        .unwrap_or_default();
    names.extend(pretagged_persons.iter().cloned());
    let resolved = person::resolve_short_names(&names);
    let mut persons: Vec<Named> = Vec::new();
    for (i, canonical) in resolved.into_iter().enumerate() {
        let mention = person_mentions.get(i).map(|(_, m)| m.clone());
        add_named(&mut persons, canonical, mention);
    }

    // Organisations, with the input's own tags.
    let mut orgs: Vec<Named> = Vec::new();
    for (name, m) in org_mentions {
        add_named(&mut orgs, name, Some(m));
    }
    let mut pretagged_orgs: Vec<String> = Vec::new();
    if let Some(p) = hints.pretagged {
        for tag in &p.orgs {
            let name = org::canonical(&tag.replace('_', " "));
            pretagged_orgs.push(name.clone());
            add_named(&mut orgs, name, None);
        }
    }

    fold_capitalised(&mut persons);
    fold_capitalised(&mut orgs);
    fold_case_variants(&mut orgs);

    // A name the tagger called both a person and an organisation in one article
    // ("Chelsea") is the organisation. So is a person named like a firm of the article
    // without its last word ("TORONTO DOMINION ISSUES…" beside "Toronto Dominion Bank").
    let firm_of = |o: &Named, p: &Named| {
        o.canonical
            .strip_prefix(p.canonical.as_str())
            .and_then(|rest| rest.strip_prefix(' '))
            .is_some_and(org::is_firm_word)
    };
    // And a one-word person never given a title, named like a firm that the article writes in
    // full with more words or after initials: "Wang" beside Wang Laboratories, "Baker's
    // senior debt" beside Baker International, "Bard" beside C.R. Bard.
    let leads = |o: &Named, p: &Named| {
        !p.canonical.contains(' ')
            && firm_named_by(o, &p.canonical)
            && !p.mentions.iter().any(|m| after_title(text, m.start))
    };
    // Beside two such firms ("Hutton said" beside E.F. Hutton and Hutton LBO) it is a firm of
    // its own name.
    let mut own_firms: Vec<Named> = Vec::new();
    persons.retain(|p| {
        let same = orgs.iter().position(|o| o.canonical == p.canonical);
        let firm = || orgs.iter().position(|o| firm_of(o, p));
        let led = || {
            let mut named = orgs.iter().enumerate().filter(|(_, o)| leads(o, p));
            match (named.next(), named.next()) {
                (Some((i, _)), None) => Some(Some(i)),
                (Some(_), Some(_)) => Some(None),
                _ => None,
            }
        };
        match same.map(Some).or_else(|| firm().map(Some)).or_else(led) {
            Some(Some(i)) => {
                orgs[i].mentions.extend(p.mentions.iter().cloned());
                false
            }
            // In capitals only ("COMPLETES SMITH BARNEY TAKEOVER"), it is left to
            // `misread_in_capitals`.
            Some(None)
                if p.mentions
                    .iter()
                    .any(|m| m.text.chars().any(char::is_lowercase)) =>
            {
                own_firms.push(p.clone());
                false
            }
            _ => true,
        }
    });
    orgs.extend(own_firms);
    org::fold_acronyms(&mut orgs);
    org::fold_generic(&mut orgs, text);
    orgs.retain(|o| !org::is_currency(o, text));
    org::fold_short_forms(&mut orgs);
    // An "organisation" that the article names after its kind of work ("the film The
    // Aviator") is a work, not an entity newsdex keeps. One such mention written in mixed
    // case tells for the article ("his film Hide and Seek", then "In Hide and Seek"),
    // unless another mention acts as a firm ("Sony said"); an acronym needs every mention
    // ("a downloaded movie NEC is showing").
    let mut works: Vec<String> = Vec::new();
    orgs.retain(|o| {
        let after_kind = |m: &Mention| person::after_a_work_kind(text, m.start);
        let titled = |m: &Mention| after_kind(m) && m.text.chars().any(char::is_lowercase);
        let acts = |m: &Mention| person::followed_by_an_org_cue(text, m.end);
        let work = !pretagged_orgs.contains(&o.canonical)
            && (every_mention(o, after_kind)
                || (o.mentions.iter().any(titled) && !o.mentions.iter().any(acts)));
        if work {
            works.push(o.canonical.clone());
        }
        !work
    });
    // A "person" that every mention writes as a work's title ("the Harry Potter films").
    let a_work = |p: &Named| every_mention(p, |m| person::names_a_work(text, m.start, m.end));

    // A one-word person that is a big city's name, never given a title or a full name in
    // the article, is the city: the tagger reads "Denver" in "its Denver refinery" as a
    // person (18 articles of Reuters-21578). So is a person named like a country in several
    // words ("El Salvador"), which no one is called; one-word countries are also names
    // ("Jordan", "Chad"), and so are some big cities' names in several words ("João Pessoa").
    // Nor is anyone called "North Island", "Fort Myers" or "Mount Snow".
    persons.retain(|p| {
        let name = p.canonical.as_str();
        let place = if name.contains(' ') {
            gazetteer.is_country_or_continent(name)
                // "her book Small Island" is a book, dropped below.
                || (named_like_a_landform(name) && !a_work(p))
                // Nor "Nova Scotia", "Minas Gerais", "Sao Paulo" (the state): no one is called
                // by a big region's main name. Small ones are ("Saint George", a parish of
                // Barbados), and so are many cities ("Lázaro Cárdenas", "Vicente López").
                // ("Mary ." in pre-tokenised text is one word.)
                || (name.split(' ').filter(|w| w.contains(char::is_alphabetic)).count() > 1
                    && gazetteer.is_region_of(name, REGION_NOT_PERSON_POPULATION))
        } else {
            gazetteer.is_city_of(name, CITY_NOT_PERSON_POPULATION)
        };
        let is_place = place && every_mention(p, |m| !after_title(text, m.start));
        if is_place {
            place_mentions.extend(p.mentions.iter().cloned());
        }
        !is_place
    });

    // A "person" whose every mention reads as a work's title ("the Harry Potter films",
    // "Vera Drake star Imelda Staunton") is a film, a book, a show or a band: not an entity
    // newsdex keeps. The input's own tags are kept.
    persons.retain(|p| pretagged_persons.contains(&p.canonical) || !a_work(p));

    // Places: resolved together, with the dateline and demonyms as evidence.
    let mut place_texts: Vec<String> = place_mentions.iter().map(|m| m.text.clone()).collect();
    let mut place_refs: Vec<Option<Mention>> = place_mentions.into_iter().map(Some).collect();
    if let Some(p) = hints.pretagged {
        for tag in &p.places {
            place_texts.push(tag.clone());
            place_refs.push(None);
        }
    }
    if let Some(d) = hints.dateline_place {
        place_texts.push(d.to_string());
        place_refs.push(None);
    }
    // Resolve each distinct name once: an article repeats its places, and resolution
    // compares names with each other.
    let (distinct, slots) = distinct(place_texts.iter().map(String::as_str));
    // What follows each name, for "Salem, Ore." and "London, Ontario": the first mention of
    // a name that has such a tail gives it.
    let mut locations: Vec<Option<place::Location>> = vec![None; distinct.len()];
    for (&slot, mention) in slots.iter().zip(&place_refs) {
        if let (None, Some(m)) = (&locations[slot], mention) {
            let tail = &text[m.end..];
            locations[slot] =
                gazetteer.location_after(&tail[..floor_char_boundary(tail, QUALIFIER_BYTES)]);
        }
    }
    let evidence_refs: Vec<&str> = evidence.iter().map(String::as_str).collect();
    let resolved = place::resolve_places_qualified(
        &distinct,
        &locations,
        hints.dateline_place,
        &evidence_refs,
    );
    let infos: Vec<Option<PlaceInfo>> = slots.iter().map(|&i| resolved[i].clone()).collect();
    let mut places: Vec<Place> = Vec::new();
    // Unknown places that the input's tags, the dateline or a qualifier ("Dayton, Tenn.")
    // vouch for: what the article says of the name elsewhere does not overrule them.
    let mut vouched: Vec<String> = Vec::new();
    for (((text, mention), info), &slot) in
        place_texts.iter().zip(place_refs).zip(infos).zip(&slots)
    {
        let canonical = match &info {
            Some(i) => i.name.clone(),
            None => match person::unknown_place_name(text) {
                // An unknown one-word place seen once ("Family", "Election") is more often a
                // tagging slip than a place; several words, several mentions, or a place
                // a state's abbreviation or a region locates ("Dayton, Tenn.", which the
                // gazetteer lacks) are kept.
                Some(n) => {
                    let located = locations[slot]
                        .as_ref()
                        .is_some_and(place::Location::keeps_unknown);
                    let repeated = place_texts
                        .iter()
                        .filter(|t| t.eq_ignore_ascii_case(text))
                        .count()
                        > 1;
                    if !(n.contains(' ') || located || repeated) {
                        continue;
                    }
                    if located || mention.is_none() {
                        vouched.push(n.clone());
                    }
                    n
                }
                None => continue,
            },
        };
        let existing = places.iter_mut().find(|p| {
            p.named.canonical == canonical
                && p.info.as_ref().map(|i| i.path()) == info.as_ref().map(|i| i.path())
        });
        match existing {
            Some(p) => p.named.mentions.extend(mention),
            None => places.push(Place {
                named: Named {
                    canonical,
                    mentions: mention.into_iter().collect(),
                },
                info,
            }),
        }
    }

    persons.retain(|p| !misread_in_capitals(p, text, &places, &orgs) && !after_the(p, text));
    fold_unresolved_places(&mut places, &vouched, &works, &mut persons, &mut orgs, text);

    // Money: currency words without a country ("dollars", "crowns") are read by the
    // dateline's country; the date picks the rate row and era-specific currencies.
    // Names compare as place keys: "ZURICH" is the place "Zürich", "MONTREAL" "Montréal".
    let country = hints.dateline_place.and_then(|d| {
        let d = place::normalize(d);
        places
            .iter()
            .filter_map(|p| p.info.as_ref())
            .find(|i| {
                i.city.as_deref().is_some_and(|c| place::normalize(c) == d)
                    || place::normalize(&i.name) == d
            })
            .and_then(|i| i.country_code.clone())
    });
    let ctx = money::MoneyContext {
        dollar: None,
        date: hints.date.map(|d| d.to_string()),
        country,
    };
    let mut amounts = money::find_amounts(text, &ctx);
    if let Some(p) = hints.pretagged {
        for a in &p.amounts {
            if !amounts.iter().any(|x| x.mention.text == *a) {
                if let Some(parsed) = money::parse_amount(a) {
                    amounts.push(parsed);
                }
            }
        }
    }

    name_orgs_written_only_in_capitals(&mut orgs, original);
    if restored.is_some() {
        let mentions = persons
            .iter_mut()
            .chain(orgs.iter_mut())
            .chain(places.iter_mut().map(|p| &mut p.named))
            .flat_map(|n| n.mentions.iter_mut())
            .chain(amounts.iter_mut().map(|a| &mut a.mention));
        for m in mentions {
            spell_as_written(m, original);
        }
    }

    Entities {
        persons,
        places,
        orgs,
        amounts,
    }
}

/// A mention read from an article restored from capitals, with its text as the article
/// writes it ("TEXACO"): the restored text differs from it in letter case only.
fn spell_as_written(m: &mut Mention, written: &str) {
    let Some(as_written) = written.get(m.start..m.end) else {
        return;
    };
    let same = |a: &str| a.to_lowercase() == m.text.to_lowercase();
    if same(as_written) {
        m.text = as_written.to_string();
    } else {
        // A name broken across a line is named with single spaces.
        let spaced = crate::read::fields::collapse_whitespace(as_written);
        if same(&spaced) {
            m.text = spaced;
        }
    }
}

/// An organisation named only on lines written in capitals (a headline's "TEXACO", "U.S.
/// BANK"), which the article spells nowhere in mixed case, is named as names are written
/// ("Texaco", "U.S. Bank": see [`tagger::truecase::CaseLexicon::restore_name`]), so that it
/// is one facet value with the articles that spell it so. One also written in capitals on a
/// line in mixed case is an acronym ("the OPEC meeting") and keeps its capitals; so do the
/// words the case lexicon lists in capitals ("OPEC" in a headline). `text` is the article as
/// written. The name read from the capitals may already be in lower case ("Bankamerica", as
/// `org::canonical` writes a long word in capitals; "general Motors" from an article restored
/// from capitals); one with a capital inside a word ("PaineWebber", from the table of
/// organisation names) is spelt on purpose and stays.
fn name_orgs_written_only_in_capitals(orgs: &mut Vec<Named>, text: &str) {
    let on_a_line_in_capitals = |m: &Mention| {
        let (Some(before), Some(after)) = (text.get(..m.start), text.get(m.end..)) else {
            return false;
        };
        let start = before.rfind('\n').map_or(0, |i| i + 1);
        let end = after.find('\n').map_or(text.len(), |i| m.end + i);
        !text[start..end].contains(char::is_lowercase)
    };
    let spelt_on_purpose = |name: &str| {
        name.split(' ').any(|w| {
            w.chars()
                .zip(w.chars().skip(1))
                .any(|(a, b)| a.is_lowercase() && b.is_uppercase())
        })
    };
    let mut renamed = false;
    for org in orgs.iter_mut() {
        if spelt_on_purpose(&org.canonical)
            || org.mentions.is_empty()
            || !org.mentions.iter().all(on_a_line_in_capitals)
        {
            continue;
        }
        let lexicon = tagger::truecase::CaseLexicon::global();
        if let Some(name) = lexicon.restore_name(&org.canonical.to_uppercase()) {
            if name != org.canonical {
                org.canonical = name;
                renamed = true;
            }
        }
    }
    // Two spellings of one name in capitals ("U.S. BANK", "U.S BANK") may now be one.
    if renamed {
        let mut merged: Vec<Named> = Vec::with_capacity(orgs.len());
        for org in orgs.drain(..) {
            add_or_join(&mut merged, org);
        }
        *orgs = merged;
    }
}

/// Capitalised words that taggers trained on news keep mistaking for names: holidays,
/// awards and technology acronyms.
const NOT_NAMES: &[&str] = &[
    "Christmas",
    "Easter",
    "New Year",
    "Ramadan",
    "Oscar",
    "Oscars",
    "Grammy",
    "Grammys",
    "Bafta",
    "Baftas",
    "Emmy",
    "Emmys",
    "Golden Globe",
    "Golden Globes",
    "PC",
    "PCs",
    "DVD",
    "DVDs",
    "CD",
    "CDs",
    "TV",
    "MP3",
    "SMS",
    "MMS",
    "GPRS",
    "PDA",
    "PDAs",
    "Wi-Fi",
    "Internet",
    "Web",
    "GMT",
    // Reuters' sign-off at the end of every story.
    "Reuter",
    // "LITTLE CHANGED", "Little oil was lost": alone, the adjective at a headline's or
    // sentence's start (12 Reuters articles' persons). A full name ("Rich Little") stays.
    "Little",
    // "NOMINATED TO HEAD CIA", "QUEBECOR <PQB> HEAD SEES…" (9 Reuters articles' persons).
    "Head",
    // A legal form or a numeral alone ("Petroleos de Venezuela, S.A. said", "Reserves I, II
    // and III"): the end of a name or a list, no name.
    "S.A.",
    "II",
    "III",
    // Alone, the German currency ("Mark eurobonds", "the Lira/Mark rate") and an
    // exclamation ("Thank God"). ("Bill" is a name that `after_the` tells from a bill.)
    "Mark",
    "God",
];

/// Words of company results tables ("NINE MTHS", "SHR", "REVS", "N.Z. DLRS"): a span
/// holding one is a table heading or an amount, never a name. Lower case.
const TABLE_WORDS: &[&str] = &[
    "avg", "bln", "cts", "dlr", "dlrs", "mln", "mth", "mths", "oper", "pct", "qtr", "qtly", "revs",
    "shr", "shrs",
];

/// Words that are never a whole name, alone or together: legal forms and function words,
/// which the tagger keeps as an entity of their own in capitalised headlines ("XYZ CORP
/// <XYZ> SETS DIVIDEND" giving "CORP"; "AN" as a person). Lower case.
const NEVER_ALONE: &[&str] = &[
    "a", "ag", "an", "and", "co", "corp", "cos", "inc", "llc", "ltd", "nv", "of", "plc", "sa",
    "the",
];

/// Articles, which may precede a generic word ("The Bank"). Lower case.
const ARTICLES: &[&str] = &["a", "an", "the"];

/// Generic words of company names that are no name on their own ("Bank", "UNITED" from a
/// headline), though "Union Bank" is one. Lower case.
const GENERIC_ALONE: &[&str] = &["bank", "general", "national", "union", "united"];

/// True when a tagged span cannot be a name (see [`TABLE_WORDS`], [`NEVER_ALONE`] and
/// [`GENERIC_ALONE`]).
fn not_a_name(name: &str) -> bool {
    // One pass over the words, each lower-cased on the stack (a span is checked here for
    // every name the tagger finds; a `String` per word was 7 % of an index run's
    // allocations).
    let (mut table_word, mut all_never_alone) = (false, true);
    // The words after any leading article ("The Bank"): how many, and whether the first is
    // generic.
    let (mut leading, mut core, mut generic) = (true, 0, false);
    let mut buf = [0u8; LIST_WORD_MAX];
    let words = name
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
        .map(|w| w.trim_end_matches('.'));
    for w in words {
        let wide;
        let lower: &str = if !w.is_ascii() {
            wide = w.to_lowercase();
            &wide
        } else if let Some(buf) = buf.get_mut(..w.len()) {
            buf.copy_from_slice(w.as_bytes());
            buf.make_ascii_lowercase();
            std::str::from_utf8(buf).unwrap_or_default()
        } else {
            "" // longer than any listed word
        };
        table_word |= TABLE_WORDS.contains(&lower);
        all_never_alone &= NEVER_ALONE.contains(&lower);
        leading &= ARTICLES.contains(&lower);
        if !leading {
            core += 1;
            generic |= core == 1 && GENERIC_ALONE.contains(&lower);
        }
    }
    table_word || all_never_alone || (core == 1 && generic)
}

/// The longest word of [`TABLE_WORDS`], [`NEVER_ALONE`], [`ARTICLES`] and
/// [`GENERIC_ALONE`].
const LIST_WORD_MAX: usize = 8;

/// The least population of a first-level region whose main name, read as a person of
/// several words, is the region (the gazetteer's population of a region: the people of its
/// cities of 15,000 or more).
const REGION_NOT_PERSON_POPULATION: u64 = 100_000;

/// The least population of a city whose name, read as a one-word person, is the city.
const CITY_NOT_PERSON_POPULATION: u64 = 500_000;

/// Whether the word before byte offset `start` is a title ("Lord Hamilton", "Mr. Houston").
fn after_title(text: &str, start: usize) -> bool {
    last_word_before(text, start).is_some_and(person::is_title)
}

/// The word (white space apart) that ends `text` before `start`.
fn last_word_before(text: &str, start: usize) -> Option<&str> {
    text[..start].split_whitespace().next_back()
}

/// Whether a name of several words is built like a place's: "North Island", "Cayman
/// Islands", "Fort Myers", "Mount Snow" (persons of Reuters-21578's facet). Lakes, rivers
/// and capes are left out: they are surnames too ("Mike Lake", "Stephen Cape").
fn named_like_a_landform(name: &str) -> bool {
    match (name.split_once(' '), name.rsplit_once(' ')) {
        (Some((first, _)), Some((_, last))) => {
            matches!(last, "Island" | "Islands") || matches!(first, "Fort" | "Mount")
        }
        _ => false,
    }
}

/// Whether a name has mentions in the text and every one of them passes `test`.
fn every_mention(named: &Named, test: impl Fn(&Mention) -> bool) -> bool {
    !named.mentions.is_empty() && named.mentions.iter().all(test)
}

/// Last words of ministers' portfolios ("Energy and Mines", "Trade and Industry").
const PORTFOLIOS: &[&str] = &[
    "Mines",
    "Energy",
    "Industry",
    "Trade",
    "Finance",
    "Affairs",
    "Commerce",
    "Development",
    "Planning",
    "Resources",
    "Agriculture",
    "Fisheries",
    "Food",
    "Forestry",
    "Defence",
    "Defense",
    "Economy",
    "Transport",
    "Health",
    "Labour",
    "Labor",
    "Justice",
    "Education",
    "Petroleum",
    "Oil",
    "Treasury",
    "Telecommunications",
    "Communications",
    "Tourism",
    "Industries",
    "Cooperatives",
    "Works",
    "Housing",
    "Environment",
];

/// The byte offset of the second word of `s`, if it has one.
fn second_word(s: &str) -> Option<usize> {
    let first_len = s.find(char::is_whitespace)?;
    let rest = &s[first_len..];
    let second = first_len + (rest.len() - rest.trim_start().len());
    (second < s.len()).then_some(second)
}

/// Where the name starts in a person span of several words whose first word ends a
/// minister's portfolio ("Minister of Energy and Mines Subroto", "Minister for Trade and
/// Industry Lord Young"): the byte offset of its second word in `raw`.
fn portfolio_word(text: &str, start: usize, raw: &str) -> Option<usize> {
    let second = second_word(raw)?;
    if !PORTFOLIOS.contains(&raw[..second].trim_end()) {
        return None;
    }
    let connector = |w: &str| matches!(w, "of" | "for" | "and" | "&" | "the");
    let from = floor_char_boundary(text, start.saturating_sub(80));
    let words: Vec<&str> = text[from..start].split_whitespace().collect();
    let last = words.last()?;
    if !matches!(*last, "of" | "for" | "and" | "&") {
        return None;
    }
    for (k, w) in words.iter().enumerate().rev() {
        let w = w.trim_end_matches(',');
        if matches!(w, "Minister" | "Ministry" | "Secretary") {
            return matches!(words.get(k + 1), Some(&("of" | "for"))).then_some(second);
        }
        if !(connector(w) || w.starts_with(|c: char| c.is_uppercase())) {
            return None;
        }
    }
    None
}

/// True when the byte offset starts a sentence, a line or the text.
fn sentence_initial(text: &str, start: usize) -> bool {
    let before = text[..start].trim_end_matches([' ', '\t', '"', '\'', '“', '‘', '(']);
    before.is_empty() || before.ends_with(['.', '!', '?', '\n', ':'])
}

/// True when `name` is a word of three or more capital letters ("SPLIT"), not an
/// abbreviation ("N.J.", "MD", which name states in Reuters' datelines), nor a word of a
/// script without case ("習近平").
fn in_capitals(name: &str) -> bool {
    name.chars().count() >= 3 && name.chars().all(char::is_uppercase)
}

/// A one-word person named only in capitals (Reuters' headlines) that is not a person: a word
/// the article also writes in lower case ("LITTLE" next to "little"), or a word of a place or
/// organisation the article names in mixed case ("SMITH BARNEY" next to "Smith Barney", "PERRY
/// DRUG" next to "Perry Drug Stores"). A headline-only flash ("REAGAN SAYS HE WILL VETO…")
/// keeps its person.
fn misread_in_capitals(person: &Named, text: &str, places: &[Place], orgs: &[Named]) -> bool {
    let word = person.canonical.as_str();
    if word.contains(' ')
        || person.mentions.is_empty()
        || !person.mentions.iter().all(|m| in_capitals(&m.text))
    {
        return false;
    }
    let has_word = |name: &str| {
        name.split([' ', '-', '/'])
            .any(|w| w.eq_ignore_ascii_case(word))
    };
    let mixed = |name: &str| name.chars().any(char::is_lowercase);
    let elsewhere = places
        .iter()
        .flat_map(|p| p.named.mentions.iter().map(|m| m.text.as_str()))
        .chain(orgs.iter().map(|o| o.canonical.as_str()))
        .any(|name| mixed(name) && has_word(name));
    elsewhere || contains_word(text, &word.to_lowercase())
}

/// A one-word "person" that the article only ever writes as "the X" ending a noun phrase
/// ("the Bill would", "the Gunners,", "the Killers were") is a thing, not a person. "The
/// Reagan administration" keeps its person: a noun follows.
fn after_the(person: &Named, text: &str) -> bool {
    const NEXT: &[&str] = &[
        "are", "can", "could", "had", "has", "have", "is", "may", "might", "said", "says",
        "should", "was", "were", "will", "would",
    ];
    !person.canonical.contains(' ')
        && !person.mentions.is_empty()
        && person.mentions.iter().all(|m| {
            let before = text[..m.start].trim_end_matches(' ');
            let word = before
                .rsplit([' ', '\n', '\t', '(', '"'])
                .next()
                .unwrap_or("");
            let after = text[m.end..].trim_start_matches(' ');
            let ends = after.is_empty()
                || after.starts_with("'s ")
                || after.starts_with(|c: char| c.is_ascii_punctuation() && c != '\'' && c != '-')
                || NEXT.iter().any(|w| {
                    after.starts_with(w)
                        && !after[w.len()..].starts_with(|c: char| c.is_alphanumeric())
                });
            word.eq_ignore_ascii_case("the") && ends
        })
}

/// Whether `text[start..end]` is a stock ticker in Reuters' form: capitals in angle brackets,
/// perhaps with a market suffix ("<CSAI>", "<CGS.WS.P>"). A company without a ticker is named
/// in the brackets in full ("<Pantry Inc>") and stays a name.
fn is_ticker(text: &str, start: usize, end: usize) -> bool {
    let word = &text[start..end];
    text[..start].ends_with('<')
        && text[end..].starts_with(['>', '.'])
        && (1..=5).contains(&word.len())
        && word.bytes().all(|b| b.is_ascii_uppercase())
}

/// The end (one past its `>`) of a stock ticker in Reuters' form whose `<` is at `at`:
/// "<WAN>", "<CHEY.O>", "<CGS.WS.P>".
fn ticker_at(text: &str, at: usize) -> Option<usize> {
    let inner = text.get(at..)?.strip_prefix('<')?;
    let word = inner.bytes().take_while(u8::is_ascii_uppercase).count();
    if !is_ticker(text, at + 1, at + 1 + word) {
        return None;
    }
    // A market suffix is short: "<CGS.WS.P>" is the longest form in Reuters-21578.
    let close = inner[..floor_char_boundary(inner, 16)].find('>')?;
    inner[word..close]
        .bytes()
        .all(|b| b == b'.' || b.is_ascii_alphanumeric())
        .then_some(at + 1 + close + 1)
}

/// Whether the organisation name `org` is `name` and more words ("Wang Laboratories"), or
/// initials and `name` ("C.R. Bard", "N.V. Philips"), ignoring case.
fn names_firm(org: &str, name: &str) -> bool {
    let initials = |rest: &str| {
        rest.split(' ').all(|w| {
            (2..=4).contains(&w.len())
                && w.ends_with('.')
                && w.bytes().all(|b| b == b'.' || b.is_ascii_uppercase())
        })
    };
    begins_with_name(org, name)
        || (org.len() > name.len()
            && org.is_char_boundary(org.len() - name.len())
            && org[org.len() - name.len()..].eq_ignore_ascii_case(name)
            && org[..org.len() - name.len()]
                .strip_suffix(' ')
                .is_some_and(initials))
}

/// Last words of the institutions, prizes, laws and plans that take a person's name ("the
/// Clinton Foundation", "the Nobel Prize", "the Reagan administration"): a lone word like
/// their first one is still the person.
const EPONYMOUS: &[&str] = &[
    "Act",
    "Administration",
    "Award",
    "Awards",
    "Center",
    "Centre",
    "College",
    "Commission",
    "Committee",
    "Cup",
    "Doctrine",
    "Foundation",
    "Fund",
    "Government",
    "Hospital",
    "Institute",
    "Institution",
    "Library",
    "Memorial",
    "Museum",
    "Plan",
    "Prize",
    "Report",
    "School",
    "Society",
    "Stadium",
    "Trophy",
    "Trust",
    "University",
];

/// Whether the article names `org` in full, and by `name` ([`names_firm`]), and `org` is not
/// an institution named after someone ([`EPONYMOUS`]) unless written with a legal form.
fn firm_named_by(org: &Named, name: &str) -> bool {
    let full = |m: &Mention| m.text.trim().contains(char::is_whitespace);
    let eponymous = org
        .canonical
        .rsplit(' ')
        .next()
        .is_some_and(|last| EPONYMOUS.iter().any(|e| e.eq_ignore_ascii_case(last)));
    names_firm(&org.canonical, name)
        && org.mentions.iter().any(full)
        // "Gabelli Equity Trust Inc" is a firm, "the Clinton Foundation" is not.
        && (!eponymous || org.mentions.iter().any(|m| org::written_as_firm(&m.text)))
}

/// Whether `longer` is `name` and more words, ignoring case ("Wang Laboratories", "WANG").
fn begins_with_name(longer: &str, name: &str) -> bool {
    longer.len() > name.len()
        && longer.as_bytes()[name.len()] == b' '
        && longer[..name.len()].eq_ignore_ascii_case(name)
}

/// Offices whose title only ever comes before a person's name (not "manager", "chief" or
/// "former", which come before firms too: "lead manager Credit Suisse").
const OFFICES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "dr",
    "sir",
    "president",
    "premier",
    "chancellor",
    "minister",
    "secretary",
    "senator",
    "governor",
    "mayor",
    "king",
    "queen",
    "prince",
    "princess",
    "sheikh",
];

/// Whether one of the [`OFFICES`] comes right before `start`: "Treasury Secretary James
/// Baker".
fn after_office(text: &str, start: usize) -> bool {
    last_word_before(text, start).is_some_and(|w| {
        let bare = w.trim_end_matches('.');
        // "…denied by the chancellor. Lib Dem spokesman": a period ends a sentence there, not
        // an abbreviation ("Dr.").
        (bare.len() == w.len() || bare.len() <= 3)
            && OFFICES.iter().any(|o| o.eq_ignore_ascii_case(bare))
    })
}

/// Whether `name` is a country's initials in capitals that the gazetteer knows ("USSR",
/// "UAE", "U.S.A.").
fn country_initials(gazetteer: &place::Gazetteer, name: &str) -> bool {
    (2..=8).contains(&name.len())
        && name.bytes().all(|b| b.is_ascii_uppercase() || b == b'.')
        && gazetteer
            .lookup(name)
            .first()
            .is_some_and(|p| p.kind == PlaceKind::Country)
}

/// Whether `name` is two or three words written as a person's name is: each a capital and
/// then small letters ("James Baker", "Hans-Dietrich Genscher", "Paul O'Neill").
fn written_like_a_persons_name(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    (2..=3).contains(&words.len())
        && words.iter().all(|w| {
            let mut chars = w.chars();
            chars.next().is_some_and(char::is_uppercase)
                && chars.clone().any(char::is_lowercase)
                && chars.all(|c| c.is_alphabetic() || c == '-' || c == '\'')
        })
}

/// Whether `name`, at `start` of `text`, is a state's abbreviation with its full stop right
/// after a town's name and a comma ("Harvey, La.", "Lake Charles,\nLa.").
fn state_abbreviation_after_a_town(
    gazetteer: &place::Gazetteer,
    text: &str,
    start: usize,
    name: &str,
) -> bool {
    let before = text[..start].trim_end();
    !name.contains(' ')
        && before.len() < start
        && before.ends_with(',')
        && gazetteer
            .location_after(&text[before.len() - 1..])
            .is_some_and(|l| l.is_abbreviated())
}

/// Whether "of " or "of the " (in any case) comes right before `start`.
fn after_of(text: &str, start: usize) -> bool {
    let ends = |tail: &str| {
        text[..start]
            .get(start.saturating_sub(tail.len())..)
            .is_some_and(|w| w.eq_ignore_ascii_case(tail))
    };
    ends("of ") || ends("of the ")
}

/// Whether a capitalised word comes right before `start` on the same line, as in a name
/// that goes on ("Continental Illinois", "CONT'L ILLINOIS").
fn after_a_capitalised_word(text: &str, start: usize) -> bool {
    word_before_on_its_line(text, start)
        // "Meanwhile, N.V. Philips <PGLO.AS>", "Sweden's L.M. Ericsson <ERIC.ST>": a name does
        // not go on over punctuation or a possessive.
        .is_some_and(|w| {
            w.starts_with(char::is_uppercase)
                && !w.ends_with([',', ';', ':', ')'])
                && !w.ends_with("'s")
                && !w.ends_with("’s")
        })
}

/// The word right before `start`, spaces apart, unless the name at `start` begins its line
/// (nothing before it, or a line break).
fn word_before_on_its_line(text: &str, start: usize) -> Option<&str> {
    let before = text[..start].trim_end_matches(' ');
    if before.is_empty() || before.ends_with(char::is_whitespace) {
        return None;
    }
    before.rsplit(char::is_whitespace).next()
}

/// Whether a stock ticker follows `end` at once or after one space ("Wang <WAN>", "CHEYENNE
/// <CHEY.O>"): the name before it is the listed company's.
fn ticker_follows(text: &str, end: usize) -> bool {
    ticker_at(text, end + usize::from(text[end..].starts_with(' '))).is_some()
}

/// Whether a capitals line goes on from `end` with at most four more capitalised words and
/// then a stock ticker ("… GAS AND ELECTRIC CO <KGE> …"): what precedes is a company's name.
fn names_a_listed_company(text: &str, end: usize) -> bool {
    let rest = &text[end..];
    // Headlines are short: the ticker is within a few dozen bytes.
    let rest = &rest[..floor_char_boundary(rest, 80)];
    let line = &rest[..rest.find('\n').unwrap_or(rest.len())];
    let Some(open) = line.find('<') else {
        return false;
    };
    let words = &line[..open];
    ticker_at(text, end + open).is_some()
        && words.split_whitespace().count() <= 4
        && words
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || " &.'-/".contains(c))
}

/// Whether `name`, at byte `start` of `text`, is a US legislator's party and state as
/// Reuters writes them after the name: ", D-Kan.", "(R-Minn.)", ", I-Vt.".
fn is_party_and_state(text: &str, start: usize, name: &str) -> bool {
    let before = text[..start].trim_end();
    let mut parts = name.splitn(2, '-');
    (before.ends_with(',') || before.ends_with('('))
        && matches!(parts.next(), Some("D" | "R" | "I"))
        && parts.next().is_some_and(|state| {
            state.starts_with(|c: char| c.is_ascii_uppercase())
                && state.len() <= 6
                && state.chars().all(|c| c.is_ascii_alphabetic() || c == '.')
        })
}

/// Whether `text` holds `word` (lower case) as a whole word, written as it is.
fn contains_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// Merges names written the same but for case ("Banponce" from a headline's "BANPONCE" and
/// "BanPonce"): the one with the most mentions stays, the one with more capitals on a tie.
fn fold_case_variants(list: &mut Vec<Named>) {
    let mut i = 0;
    while i < list.len() {
        let same = (0..list.len())
            .find(|&j| j != i && list[j].canonical.eq_ignore_ascii_case(&list[i].canonical));
        let Some(j) = same else {
            i += 1;
            continue;
        };
        let rank = |n: &Named| {
            let caps = n.canonical.chars().filter(char::is_ascii_uppercase).count();
            (n.mentions.len(), caps)
        };
        let (keep, drop) = if rank(&list[j]) > rank(&list[i]) {
            (j, i)
        } else {
            (i, j)
        };
        let dropped = list.remove(drop);
        let keep = if keep > drop { keep - 1 } else { keep };
        list[keep].mentions.extend(dropped.mentions);
        // `i` now holds the next name if it was dropped; look at it again either way.
    }
}

/// Whether the word after `end` is a plural verb ("are", "were", "have"): a team or a band,
/// not a country or a single body.
fn followed_by_plural_verb(text: &str, end: usize) -> bool {
    let next = text[end..].split_whitespace().next().unwrap_or("");
    ["are", "were", "have"].contains(&next)
}

/// Folds a name written in capitals ("TELECOM CORP", from a headline) into the same name
/// written in mixed case in the article ("Telecom Corp"), so that a facet lists it once.
fn fold_capitalised(list: &mut Vec<Named>) {
    let caps = |n: &str| {
        n.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !n.chars().any(char::is_lowercase)
    };
    let mut i = 0;
    while i < list.len() {
        let into = caps(&list[i].canonical)
            .then(|| {
                let lower = list[i].canonical.to_lowercase();
                list.iter()
                    .position(|o| !caps(&o.canonical) && o.canonical.to_lowercase() == lower)
            })
            .flatten();
        match into {
            Some(j) => {
                let folded = list.remove(i);
                let j = if j > i { j - 1 } else { j };
                list[j].mentions.extend(folded.mentions);
            }
            None => i += 1,
        }
    }
}

/// Drops the places the gazetteer does not know that the article itself shows to be
/// something else, and gives their mentions to what they are:
/// - a person of the same name: the tagger read the singer Usher twice as a place and once
///   as a person ("Usher's other victory"). The gazetteer does not know the place, so the
///   person is the likelier reading whatever the counts;
/// - an organisation of the same name, named so more often than the place: "Manchester
///   United" once as a place, three times as a club. An article that reads "Bass Strait"
///   once as a firm and once as a place is about the place;
/// - a one-word place that is the surname of a person of the article ("the Tomlinson
///   report" beside Mike Tomlinson);
/// - a place every mention of which follows its kind of work ("Hayao Miyazaki's previous
///   film Spirited Away"), or named like one of the article's `works`, dropped as the same
///   rules drop such persons and organisations;
/// - an organisation of the alias table ("Lib Dems"), which joins the organisations;
/// - a competition, a festival, a show, a holiday, a plan, a band or a crude oil, told by
///   its last word ([`names_an_event`]), unless a person or an organisation of the article
///   takes it first ("Robin Day").
///
/// Kept: places the gazetteer resolved ("Chelsea" may be the club and the district), the
/// `vouched` names, and names of streets, buildings and open places ("Leicester Square",
/// "Hylands Park"), where the tagger's other reading is the slip.
fn fold_unresolved_places(
    places: &mut Vec<Place>,
    vouched: &[String],
    works: &[String],
    persons: &mut [Named],
    orgs: &mut Vec<Named>,
    text: &str,
) {
    let mut known_orgs: Vec<Named> = Vec::new();
    places.retain_mut(|place| {
        let name = place.named.canonical.as_str();
        if place.info.is_some()
            || vouched.iter().any(|v| v == name)
            || person::is_facility(name)
            || is_open_place(name)
        {
            return true;
        }
        if works.iter().any(|w| w.eq_ignore_ascii_case(name)) {
            return false;
        }
        let same = |n: &&mut Named| n.canonical.eq_ignore_ascii_case(name);
        let firm = |o: &&mut Named| same(o) && o.mentions.len() > place.named.mentions.len();
        let surname = |p: &&mut Named| {
            !name.contains(' ')
                && p.canonical
                    .rsplit_once(' ')
                    .is_some_and(|(_, last)| last.eq_ignore_ascii_case(name))
        };
        let owner = match persons.iter_mut().find(same) {
            Some(p) => Some(p),
            None => match orgs.iter_mut().find(firm) {
                Some(o) => Some(o),
                None => persons.iter_mut().find(surname),
            },
        };
        if let Some(owner) = owner {
            join_mentions(owner, std::mem::take(&mut place.named.mentions));
            return false;
        }
        // An organisation of the alias table ("Lib Dems") is that organisation.
        if let Some(org) = org::known(name) {
            known_orgs.push(Named {
                canonical: org.to_string(),
                mentions: std::mem::take(&mut place.named.mentions),
            });
            return false;
        }
        !names_an_event(name)
            && !every_mention(&place.named, |m| person::after_a_work_kind(text, m.start))
    });
    for known in known_orgs {
        add_or_join(orgs, known);
    }
}

/// Adds `named` to `list`, or gives its mentions to the entry of the same canonical name.
fn add_or_join(list: &mut Vec<Named>, named: Named) {
    match list.iter_mut().find(|n| n.canonical == named.canonical) {
        Some(to) => join_mentions(to, named.mentions),
        None => list.push(named),
    }
}

/// Gives `mentions` to `to`, keeping its mentions in text order.
fn join_mentions(to: &mut Named, mentions: Vec<Mention>) {
    to.mentions.extend(mentions);
    to.mentions.sort_by_key(|m| m.start);
}

/// Last words of the names of competitions, festivals, shows, holidays, plans and bands that
/// the tagger reads as places: "Champions League", "Berlin Film Festival", "Boxing Day",
/// "the Marshall Plan", "Beastie Boys", "West Texas Intermediate" (a crude oil).
const EVENT_WORDS: &[&str] = &[
    "League",
    "Premiership",
    "Cup",
    "Trophy",
    "Championship",
    "Championships",
    "Festival",
    "Awards",
    "Prize",
    "Show",
    "Hour",
    "Day",
    "Plan",
    "Boys",
    "Intermediate",
];

/// True when the last word of a name is one of [`EVENT_WORDS`], in any case.
fn names_an_event(name: &str) -> bool {
    last_word_in(name, EVENT_WORDS)
}

/// Whether the last word of `name` (the whole name if one word) is one of `words`, in any
/// case.
fn last_word_in(name: &str, words: &[&str]) -> bool {
    let last = name.rsplit(' ').next().unwrap_or(name);
    words.iter().any(|w| w.eq_ignore_ascii_case(last))
}

/// Last words of names of open places and grounds: "Hyde Park", "Turf Moor".
const OPEN_PLACE_WORDS: &[&str] = &["Park", "Moor", "Stadium", "Arena", "Gardens", "Common"];

/// True when a name of several words is an open place or a ground ("Hylands Park", "Turf
/// Moor", "Olympic Stadium").
fn is_open_place(name: &str) -> bool {
    name.contains(' ') && last_word_in(name, OPEN_PLACE_WORDS)
}

fn add_named(list: &mut Vec<Named>, canonical: String, mention: Option<Mention>) {
    match list.iter_mut().find(|n| n.canonical == canonical) {
        Some(n) => n.mentions.extend(mention),
        None => list.push(Named {
            canonical,
            mentions: mention.into_iter().collect(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether the tagger reads `name` in `text` as an entity of `kind`.
    fn tagged(text: &str, name: &str, kind: tagger::EntityKind) -> bool {
        tagger::Tagger::global()
            .spans(text)
            .iter()
            .any(|s| s.kind == kind && &text[s.start..s.end] == name)
    }

    #[test]
    fn a_person_named_like_a_landform_is_a_place() {
        let text = "Heavy rain flooded parts of North Island on Monday, Prime Minister David \
                    Lange said in Wellington.";
        // The tagger reads it as a person; the extractor makes it a place.
        assert!(tagged(text, "North Island", tagger::EntityKind::Person));
        let e = extract_text(text);
        assert_eq!(canonicals(&e.persons), ["David Lange"]);
        assert!(place_names(&e.places).contains(&"North Island"));
        for name in ["Cayman Islands", "Fort Myers", "Mount Snow", "Ellis Island"] {
            assert!(named_like_a_landform(name), "{name}");
        }
        for name in [
            "Island",
            "Fort",
            "Mike Lake",
            "Stephen Cape",
            "Islands Trust Fund",
        ] {
            assert!(!named_like_a_landform(name), "{name}");
        }
    }

    #[test]
    fn a_work_named_like_a_person_is_no_person() {
        let text = "The Harry Potter films made millions for Warner Bros. Harry Potter author \
                    JK Rowling was there, said Tony Blair.";
        assert_eq!(canonicals(&extract_text(text).persons), ["Tony Blair"]);
        // A title after its kind of work is neither a person nor an organisation.
        let films = "Hollywood studios backed the romantic comedy Sideways and the film Shall \
                     We Dance, the BBC said.";
        assert!(tagged(films, "Sideways", tagger::EntityKind::Person));
        assert!(tagged(
            films,
            "Shall We Dance",
            tagger::EntityKind::Organization
        ));
        let e = extract_text(films);
        assert!(e.persons.is_empty(), "{:?}", e.persons);
        assert_eq!(canonicals(&e.orgs), ["BBC"]);
        // Named another way too, it stays a person.
        let text = format!("{text} Harry Potter waved his wand.");
        assert!(canonicals(&extract_text(&text).persons).contains(&"Harry Potter"));
    }

    #[test]
    fn names_written_the_same_but_for_case_are_one() {
        let named = |c: &str, n: usize| Named {
            canonical: c.to_string(),
            mentions: (0..n)
                .map(|i| Mention {
                    start: i,
                    end: i + 1,
                    text: c.to_string(),
                })
                .collect(),
        };
        // A headline's "BANPONCE" (sentence-cased "Banponce") and the body's "BanPonce".
        let mut orgs = vec![
            named("Banponce", 1),
            named("Dillon Read", 1),
            named("BanPonce", 2),
        ];
        fold_case_variants(&mut orgs);
        let names: Vec<(&str, usize)> = orgs
            .iter()
            .map(|o| (o.canonical.as_str(), o.mentions.len()))
            .collect();
        assert_eq!(names, [("Dillon Read", 1), ("BanPonce", 3)]);
        // A tie goes to the one with more capitals.
        let mut orgs = vec![named("Rjr Nabisco", 1), named("RJR Nabisco", 1)];
        fold_case_variants(&mut orgs);
        assert_eq!(canonicals(&orgs), ["RJR Nabisco"]);
    }

    #[test]
    fn unknown_places_go_to_what_the_article_names_them() {
        let text = "Usher sang. Usher's win. The Tomlinson report. Mike Tomlinson spoke. \
                    Man Utd, Man Utd, Man Utd. Bass Strait, Bass Strait. \
                    The film Spirited Away. In Spirited Away. Hylands Park, Hylands Park. \
                    Dayton, Tenn. Mark Dayton. Robin Day, Robin Day. Green Day played. \
                    Hide opened. The Lib Dems won.";
        // Every occurrence of `name` in the text, from the `from`-th on, `n` of them.
        let named = |name: &str, from: usize, n: usize| Named {
            canonical: name.to_string(),
            mentions: text
                .match_indices(name)
                .skip(from)
                .take(n)
                .map(|(start, m)| Mention {
                    start,
                    end: start + m.len(),
                    text: m.to_string(),
                })
                .collect(),
        };
        // Each unknown place: the name's first occurrence.
        let mut places: Vec<Place> = [
            "Usher",
            "Tomlinson",
            "Man Utd",
            "Bass Strait",
            "Spirited Away",
            "Hylands Park",
            "Dayton",
            "Robin Day",
            "Green Day",
            "Hide",
            "Lib Dems",
        ]
        .map(|name| Place {
            named: named(name, 0, 1),
            info: None,
        })
        .into();
        let mut persons = vec![
            named("Usher", 1, 1),
            named("Mike Tomlinson", 0, 1),
            named("Hylands Park", 1, 1),
            named("Mark Dayton", 0, 1),
            named("Robin Day", 1, 1),
        ];
        // Two mentions as a club against one as a place; one as a firm against one.
        let mut orgs = vec![named("Man Utd", 1, 2), named("Bass Strait", 1, 1)];
        let vouched = vec!["Dayton".to_string()];
        // "his film Hide and Seek" made the organisation "Hide" a work.
        let works = vec!["Hide".to_string()];
        fold_unresolved_places(&mut places, &vouched, &works, &mut persons, &mut orgs, text);
        let kept: Vec<&str> = places.iter().map(|p| p.named.canonical.as_str()).collect();
        assert_eq!(kept, ["Bass Strait", "Hylands Park", "Dayton"]);
        let count = |list: &[Named], name: &str| {
            list.iter()
                .find(|n| n.canonical == name)
                .unwrap()
                .mentions
                .len()
        };
        assert_eq!(count(&persons, "Usher"), 2);
        assert_eq!(count(&persons, "Mike Tomlinson"), 2);
        assert_eq!(count(&persons, "Mark Dayton"), 1);
        // A person named like an event ("Day") still takes the place's mentions.
        assert_eq!(count(&persons, "Robin Day"), 2);
        assert_eq!(count(&orgs, "Man Utd"), 3);
        assert_eq!(count(&orgs, "Bass Strait"), 1);
        // An organisation of the alias table joins the organisations.
        assert_eq!(count(&orgs, "Liberal Democrats"), 1);
        // The moved mentions are in text order.
        let usher: Vec<usize> = persons[0].mentions.iter().map(|m| m.start).collect();
        assert_eq!(usher, [0, 12]);

        // A place the gazetteer resolved is never folded.
        let mut resolved = vec![Place {
            named: named("Usher", 0, 1),
            info: Some(PlaceInfo {
                name: "Usher".into(),
                kind: PlaceKind::City,
                continent: None,
                country: None,
                country_code: None,
                region: None,
                city: Some("Usher".into()),
                population: 1,
            }),
        }];
        fold_unresolved_places(&mut resolved, &[], &[], &mut persons, &mut orgs, text);
        assert_eq!(resolved.len(), 1);
    }

    #[test]
    fn events_are_told_by_their_last_word() {
        assert!(names_an_event("Champions League"));
        assert!(names_an_event("Berlin Film Festival"));
        assert!(names_an_event("boxing day"));
        assert!(names_an_event("Premiership"));
        assert!(!names_an_event("Leicester Square"));
        assert!(!names_an_event("Daytona"));
    }

    #[test]
    fn open_places_are_told_by_their_last_word() {
        assert!(is_open_place("Hylands Park"));
        assert!(is_open_place("Turf Moor"));
        assert!(is_open_place("olympic stadium"));
        assert!(!is_open_place("Park"));
        assert!(!is_open_place("Park Chung-hee"));
        assert!(!is_open_place("Bass Strait"));
    }

    #[test]
    fn table_words_and_legal_forms_are_not_names() {
        let mut orgs = vec![
            Named {
                canonical: "TELECOM CORP".into(),
                mentions: vec![],
            },
            Named {
                canonical: "IBM".into(),
                mentions: vec![],
            },
            Named {
                canonical: "Telecom Corp".into(),
                mentions: vec![],
            },
        ];
        fold_capitalised(&mut orgs);
        let names: Vec<&str> = orgs.iter().map(|n| n.canonical.as_str()).collect();
        assert_eq!(names, ["IBM", "Telecom Corp"]);
        for name in [
            "NINE MTHS",
            "N.Z. Dlrs",
            "INC",
            "Inc.",
            "Corp",
            "AN",
            "The",
            "UNITED",
            "The Bank",
            "the NATIONAL",
        ] {
            assert!(not_a_name(name), "{name}");
        }
        for name in [
            "General Motors Corp",
            "Co-operative Bank",
            "Inco",
            "Ann Smith",
            "Union Bank",
            "The Union Bank",
            "Société Générale",
            "A",
        ] {
            assert_eq!(not_a_name(name), name == "A", "{name}");
        }
        let longest = [TABLE_WORDS, NEVER_ALONE, ARTICLES, GENERIC_ALONE]
            .concat()
            .iter()
            .map(|w| w.len())
            .max();
        assert_eq!(longest, Some(LIST_WORD_MAX));
        // A Reuters-21578 heading (00027.txt is this shape): company, ticker, results.
        let e = extract_with(
            "TELECOM CORP <TCOM> 4TH QTR NET\nShr 32 cts vs 26 cts\nNine mths shr 1.05 dlrs \
             vs 90 cts\nTelecom Corp said its results rose. INC said so.\n",
            &Hints::default(),
        );
        let names: Vec<&str> = e
            .persons
            .iter()
            .chain(&e.orgs)
            .map(|n| n.canonical.as_str())
            .collect();
        assert!(
            names.iter().all(|n| !not_a_name(n)),
            "{names:?} holds a table word or a bare legal form"
        );
    }

    #[test]
    fn names_broken_across_wrapped_lines_are_one_name() {
        // Reuters-21578 wraps its lines at 70 columns (06900.txt: "said Robert\nPollack").
        let text = "Oncogene Science Inc said Robert\nPollack resigned, and the Securities and \
                    Exchange\nCommission was told.\n";
        let e = extract_with(text, &Hints::default());
        let persons: Vec<&str> = e.persons.iter().map(|p| p.canonical.as_str()).collect();
        let orgs: Vec<&str> = e.orgs.iter().map(|p| p.canonical.as_str()).collect();
        assert_eq!(persons, ["Robert Pollack"]);
        assert!(
            orgs.contains(&"Securities and Exchange Commission"),
            "{orgs:?}"
        );
    }

    /// The entities of a Reuters-21578 article file, or `None` (with a notice) without the data.
    fn reuters_article(file: &str) -> Option<Extracted> {
        shared_article("reuters21578/articles", file)
    }

    /// What the extractor finds in `../shared/data/DIR/FILE`; `None` (skipped with a notice)
    /// without the data.
    fn shared_article(dir: &str, file: &str) -> Option<Extracted> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../shared/data")
            .join(dir);
        if !dir.is_dir() {
            eprintln!("skipped: {} not found", dir.display());
            return None;
        }
        let path = dir.join(file);
        let bytes = std::fs::read(&path).unwrap();
        let article = crate::read::read_bytes(&path, &bytes)
            .unwrap()
            .articles
            .remove(0);
        Some(extract_article(&article))
    }

    /// The canonical names of persons or organisations.
    fn canonicals(list: &[Named]) -> Vec<&str> {
        list.iter().map(|n| n.canonical.as_str()).collect()
    }

    /// The canonical names of places.
    fn place_names(list: &[Place]) -> Vec<&str> {
        list.iter().map(|p| p.named.canonical.as_str()).collect()
    }

    /// "Liquidity in the Philippines rose": the tagger reads the country as an organisation;
    /// it is the article's place. A firm named after a country stays a firm.
    #[test]
    fn a_country_read_as_an_organisation_is_a_place() {
        for file in ["06970.txt", "05235.txt"] {
            if let Some(e) = reuters_article(file) {
                let places = place_names(&e.entities.places);
                assert!(places.contains(&"Philippines"), "{file}: {places:?}");
                let orgs = canonicals(&e.entities.orgs);
                assert!(
                    orgs.iter().all(|o| !o.eq_ignore_ascii_case("Philippines")),
                    "{file}: {orgs:?}"
                );
            }
        }
        // "Greenland" after "Greenland NV" in the same article is the firm.
        if let Some(e) = reuters_article("18545.txt") {
            assert!(canonicals(&e.entities.orgs).contains(&"Greenland"), "{e:?}");
            let places = place_names(&e.entities.places);
            assert!(!places.contains(&"Greenland"), "{places:?}");
        }
        // A team: "Monaco are".
        if let Some(e) = shared_article("bbc/sport", "272.txt") {
            let places = place_names(&e.entities.places);
            assert!(!places.contains(&"Monaco"), "{places:?}");
        }
    }

    /// "Guatemala, El Salvador, Costa Rica": a country in several words read as a person is
    /// the country.
    #[test]
    fn a_country_read_as_a_person_is_a_place() {
        for file in ["07406.txt", "08105.txt"] {
            if let Some(e) = reuters_article(file) {
                let persons = canonicals(&e.entities.persons);
                assert!(!persons.contains(&"El Salvador"), "{file}: {persons:?}");
                let places = place_names(&e.entities.places);
                assert!(places.contains(&"El Salvador"), "{file}: {places:?}");
            }
        }
    }

    /// The same without the files of `../shared/data`: a region read as a person, and a
    /// headline sent alone in capitals.
    #[test]
    fn regions_and_headlines_in_capitals_without_the_shared_data() {
        let e = extract_text(
            "Payments are being made to Newfoundland, Prince Edward\nIsland, Nova Scotia, New \
             Brunswick, Quebec, Manitoba and\nSaskatchewan.",
        );
        assert!(
            !canonicals(&e.persons).contains(&"Nova Scotia"),
            "{:?}",
            e.persons
        );
        assert!(
            place_names(&e.places).contains(&"Nova Scotia"),
            "{:?}",
            e.places
        );

        let text = "U.S. TREASURY'S BAKER SAYS PARIS PACT ONLY A START TO GREATER COOPERATION\n\n";
        let e = extract_text(text);
        assert_eq!(canonicals(&e.persons), ["Baker"]);
        assert_eq!(canonicals(&e.orgs), ["U.S. Treasury"]);
        // Mentions keep the article's spelling and offsets.
        let m = &e.persons[0].mentions[0];
        assert_eq!((m.text.as_str(), &text[m.start..m.end]), ("BAKER", "BAKER"));

        // An organisation only a headline in capitals names is named as names are written;
        // an acronym the article also writes in capitals in mixed case keeps them.
        let e = extract_text(
            "TEXACO INC <TX> 84.1 MLN DLR DEFENSE CONTRACT\n\nTexaco Refining and Marketing \
             Inc is\nbeing awarded a 84.1 mln dlr Defense Logistics Agency contract\nfor jet \
             fuel, the Defense Department said. OPEC ministers met in Vienna.\n",
        );
        let orgs = canonicals(&e.orgs);
        assert!(orgs.contains(&"Texaco"), "{orgs:?}");
        assert!(orgs.contains(&"OPEC"), "{orgs:?}");
    }

    /// A Reuters item sent as a headline alone, in capitals, is read in the case ordinary text
    /// gives it: the tagger found no name in any of these. Its names are written as names are
    /// ("Texaco", as in the articles written in mixed case). A price table in capitals stays
    /// without names.
    #[test]
    fn headlines_sent_alone_in_capitals_have_their_names() {
        let cases: [(&str, &[&str], &[&str]); 4] = [
            ("04480.txt", &["Volcker"], &[]),
            ("02263.txt", &["Johnson"], &["Federal Reserve"]),
            ("02600.txt", &["Baker"], &["U.S. Treasury"]),
            ("10957.txt", &[], &["Texaco", "Pennzoil"]),
        ];
        for (file, persons, orgs) in cases {
            if let Some(e) = reuters_article(file) {
                assert_eq!(canonicals(&e.entities.persons), persons, "{file}");
                assert_eq!(canonicals(&e.entities.orgs), orgs, "{file}");
            }
        }
        if let Some(e) = reuters_article("14421.txt") {
            assert!(e.entities.persons.is_empty(), "{:?}", e.entities.persons);
            assert!(e.entities.orgs.is_empty(), "{:?}", e.entities.orgs);
        }
    }

    /// "Prince Edward Island, Nova Scotia, New Brunswick", "southwestern Minas Gerais", "in
    /// Cordoba, ... in La Pampa": a first-level region read as a person is the region.
    #[test]
    fn a_region_read_as_a_person_is_a_place() {
        for (file, region) in [
            ("03962.txt", "Nova Scotia"),
            ("11532.txt", "Minas Gerais"),
            ("01582.txt", "La Pampa"),
        ] {
            if let Some(e) = reuters_article(file) {
                let persons = canonicals(&e.entities.persons);
                assert!(!persons.contains(&region), "{file}: {persons:?}");
                let places = place_names(&e.entities.places);
                assert!(places.contains(&region), "{file}: {places:?}");
            }
        }
    }

    /// "Sterling opened at 2.951/955 marks": the currency, not an organisation; Sterling Inc
    /// and the Sterling car stay.
    #[test]
    fn currencies_are_not_organisations() {
        for file in ["13379.txt", "13487.txt", "14780.txt"] {
            if let Some(e) = reuters_article(file) {
                let orgs = canonicals(&e.entities.orgs);
                assert!(!orgs.contains(&"Sterling"), "{file}: {orgs:?}");
            }
        }
        for file in ["10595.txt", "01430.txt"] {
            if let Some(e) = reuters_article(file) {
                let orgs = canonicals(&e.entities.orgs);
                assert!(orgs.contains(&"Sterling"), "{file}: {orgs:?}");
            }
        }
    }

    /// "The White House said": the building stands for Washington, and the place keeps the
    /// words the article wrote.
    #[test]
    fn landmarks_are_their_city() {
        if let Some(e) = shared_article("bbc/politics", "194.txt") {
            let washington = e
                .entities
                .places
                .iter()
                .find(|p| p.named.canonical == "Washington")
                .expect("Washington");
            let path = washington.info.as_ref().map(|i| i.path());
            assert_eq!(
                path,
                Some(vec![
                    "North America",
                    "United States",
                    "District of Columbia",
                    "Washington"
                ])
            );
            assert!(washington
                .named
                .mentions
                .iter()
                .any(|m| m.text == "White House"));
            assert!(place_names(&e.entities.places)
                .iter()
                .all(|p| *p != "White House"));
        }
    }

    /// "The Commission", "the Fund" and "the Cabinet" name no body on their own: they join
    /// the article's full name, or go.
    #[test]
    fn generic_one_word_organisations_join_the_full_name_or_go() {
        let orgs_of = |e: &Extracted| -> Vec<String> {
            canonicals(&e.entities.orgs)
                .into_iter()
                .map(String::from)
                .collect()
        };
        // "the EC Commission ... and the Commission has adopted": both the European
        // Commission.
        if let Some(e) = reuters_article("05786.txt") {
            let orgs = orgs_of(&e);
            assert!(!orgs.contains(&"Commission".to_string()), "{orgs:?}");
            let ec = e
                .entities
                .orgs
                .iter()
                .find(|o| o.canonical == "European Commission");
            let texts: Vec<&str> = ec
                .unwrap()
                .mentions
                .iter()
                .map(|m| m.text.as_str())
                .collect();
            assert!(texts.contains(&"Commission"), "{texts:?}");
        }
        // "The Fund suggested" after "International Monetary Fund (IMF)".
        if let Some(e) = reuters_article("00950.txt") {
            let orgs = orgs_of(&e);
            assert!(!orgs.contains(&"Fund".to_string()), "{orgs:?}");
            assert!(
                orgs.contains(&"International Monetary Fund".to_string()),
                "{orgs:?}"
            );
        }
        // "the front bench and the Cabinet": no cabinet named, so no organisation.
        if let Some(e) = shared_article("bbc/politics", "041.txt") {
            let orgs = orgs_of(&e);
            assert!(orgs.iter().all(|o| o != "Cabinet"), "{orgs:?}");
        }
        // "Union Corp said": a firm called Union.
        if let Some(e) = reuters_article("06767.txt") {
            assert!(orgs_of(&e).contains(&"Union".to_string()), "{e:?}");
        }
    }

    /// Reuters-21578 headlines are in capitals: "SPLIT" there is a stock split, not the
    /// Croatian city (it was the 27th city of the Reuters place facet).
    #[test]
    fn stoplisted_town_names_in_capital_headlines_are_words() {
        // "WASTE MANAGEMENT <WMX> VOTES SPLIT, UPS PAYOUT", "SAFECARD SERVICES <SFCD> SETS
        // SPLIT, UPS PAYOUT", "SOUTHWESTERN BELL<SBC> VOTES SPLIT, UPS PAYOUT".
        for file in ["00404.txt", "02308.txt", "10547.txt"] {
            let Some(e) = reuters_article(file) else {
                return;
            };
            let places = place_names(&e.entities.places);
            assert!(places.iter().all(|p| *p != "Split"), "{file}: {places:?}");
        }
        let text = "PARIS AND SPLIT TALKS\n\nFrance and Croatia met in Split on Monday.\n";
        let e = extract_with(text, &Hints::default());
        let places = place_names(&e.places);
        assert!(
            places.contains(&"Split"),
            "written in mixed case: {places:?}"
        );
    }

    /// Reuters locates US towns by state abbreviation ("Salem, Ore."): the town resolves in
    /// that state, or stays an unresolved place when the gazetteer lacks it there.
    #[test]
    fn towns_followed_by_their_state_resolve_there() {
        let e = extract_text(
            "It will close its Dayton, Tenn., plant. Then, Family, it was. Delegates from \
             Zorbtown, France and Spain met.",
        );
        let places = place_names(&e.places);
        assert!(places.contains(&"Dayton"), "{places:?}");
        assert!(e
            .places
            .iter()
            .all(|p| p.named.canonical != "Dayton" || p.info.is_none()));
        // A country after a comma may be the next item of a list: it keeps no name the
        // gazetteer lacks.
        assert!(
            !places.contains(&"Family") && !places.contains(&"Zorbtown"),
            "{places:?}"
        );
        let region = |e: &Extracted, name: &str| -> Option<String> {
            let place = e.entities.places.iter().find(|p| p.named.canonical == name);
            let place = place.unwrap_or_else(|| panic!("no {name}: {:?}", e.entities.places));
            place.info.as_ref().and_then(|i| i.region.clone())
        };
        for (file, name, state) in [
            ("01666.txt", "Salem", Some("Oregon")), // was Salem, Virginia
            ("11883.txt", "Vancouver", Some("Washington")), // was British Columbia
            ("18138.txt", "Wilmington", Some("Delaware")), // was California
            ("08260.txt", "Berlin", None),          // "Berlin, N.J.", was Germany
            ("09920.txt", "LaFayette", None),       // "LaFayette, Ga.", was Louisiana
            ("09920.txt", "Georgia", Some("Georgia")), // the state, by "Ga."
        ] {
            let Some(e) = reuters_article(file) else {
                return;
            };
            assert_eq!(region(&e, name).as_deref(), state, "{file}: {name}");
        }
    }

    /// A name right before a stock ticker is the listed company's: "BAKER <BKO>" (Baker
    /// International) had been a person in 9 Reuters articles, and Cheyenne Software a city in
    /// Wyoming. A country, or a place after "of", stays a place: it names the firm's home.
    #[test]
    fn names_right_before_a_ticker_are_companies() {
        let t = "Wang <WAN>, CHEYENNE <CHEY.O>, x<CGS.WS.P>, <Pantry Inc>, <AB CD>, <ABC";
        let at = |w: &str| t.find(w).unwrap();
        assert_eq!(ticker_at(t, at("<WAN>")), Some(at("<WAN>") + 5));
        assert_eq!(ticker_at(t, at("<CHEY")), Some(at("<CHEY") + 8));
        assert_eq!(ticker_at(t, at("<CGS")), Some(at("<CGS") + 10));
        for w in ["<Pantry", "<AB CD>", "<ABC", "Wang"] {
            assert_eq!(ticker_at(t, at(w)), None, "{w}");
        }
        assert!(ticker_follows(t, 4) && ticker_follows(t, at("CHEYENNE") + 8));
        assert!(!ticker_follows("Wang  <WAN>", 4) && !ticker_follows("Wang", 4));
        assert!(after_of("Co of New Mexico", 6) && after_of("CORP OF AMERICA", 8));
        assert!(!after_of("Co New Mexico", 3) && !after_of("", 0));

        // A market suffix of several bytes a character does not split a character.
        assert_eq!(ticker_at("<AB.ééééééééé> said", 0), None);
        assert!(!after_a_capitalised_word("Sweden's L.M.", 9));
        assert!(after_a_capitalised_word("CONT'L ILLINOIS", 7));
        assert!(!after_a_capitalised_word("Meanwhile, N.V.", 11));
        assert!(!after_a_capitalised_word("said\nWang", 5));

        // Countries and places after "of" name the company's home and stay places.
        let e = extract_text(
            "Public Service Co of New Mexico <PNM> and Porsche AG of Germany <PSHG.F> and Total \
             France <RAFF.PA> said.",
        );
        assert!(
            place_names(&e.places).contains(&"New Mexico"),
            "{:?}",
            e.places
        );
        assert!(
            place_names(&e.places).contains(&"Germany"),
            "{:?}",
            e.places
        );
        assert!(place_names(&e.places).contains(&"France"), "{:?}", e.places);
        // A region keeps its other mentions; a person named like a listed name's last word
        // is the company.
        let e = extract_text(
            "NEVADA <NVP> SEES HIGHER EARNINGS\n\nNevada Power Co said demand in Nevada rose. \
             Las Vegas, Nevada grew.\n\nSvenska Handelsbanken <SHBS.ST> bought. Handelsbanken \
             said so.",
        );
        let nevada = e.places.iter().find(|p| p.named.canonical == "Nevada");
        assert!(
            nevada.is_some_and(|p| p.named.mentions.len() == 2),
            "{:?}",
            e.places
        );
        assert!(canonicals(&e.persons).is_empty(), "{:?}", e.persons);

        // A possessive before the name does not make it the end of a longer one ("Sweden's
        // L.M. Ericsson <ERIC.ST>").
        let e = extract_text("Sweden's L.M. Ericsson <ERIC.ST> said it would sell.");
        assert!(canonicals(&e.persons).is_empty(), "{:?}", e.persons);
        assert!(
            canonicals(&e.orgs).contains(&"L.M. Ericsson"),
            "{:?}",
            e.orgs
        );

        // The headline's name is no person or place, and neither are the body's mentions of
        // it: "Baker's senior debt" (a firm of its own name beside Baker International and
        // Baker Hughes), "Cheyenne stock" beside "CHEYENNE <CHEY.O> TO…", a lone "Wang".
        for (file, name) in [
            ("02668.txt", "Baker"),
            ("13193.txt", "Baker"),
            ("20875.txt", "Cheyenne"),
            ("21304.txt", "Wang"),
        ] {
            let Some(e) = reuters_article(file) else {
                return;
            };
            let e = &e.entities;
            let found = |list: &[Named]| list.iter().any(|n| n.canonical.starts_with(name));
            assert!(!found(&e.persons), "{file}: {:?}", e.persons);
            assert!(
                !place_names(&e.places).contains(&name),
                "{file}: {:?}",
                e.places
            );
            assert!(found(&e.orgs), "{file}: {:?}", e.orgs);
        }
    }

    /// A lone word the tagger called a person, named like a firm the article writes in full,
    /// is the firm: Google beside Google News, Nintendo beside the Nintendo DS, Diageo beside
    /// Diageo Chateau & Estate Wines, "Hutton said" beside E.F. Hutton. Not with a title, and
    /// not before a government named after its leader.
    #[test]
    fn lone_words_named_like_a_firm_of_the_article_are_the_firm() {
        let e = extract_text(
            "E.F. Hutton Group Inc said on Monday it would sell. Hutton said the price was fair.",
        );
        assert!(canonicals(&e.persons).is_empty(), "{:?}", e.persons);
        let e = extract_text(
            "A Reagan Administration official met Mr Hutton. E.F. Hutton Group Inc said so. \
             Reagan said nothing.",
        );
        let persons = canonicals(&e.persons);
        assert!(
            persons.contains(&"Hutton") && persons.contains(&"Reagan"),
            "{persons:?}"
        );
        // A foundation named after someone leaves the person alone.
        let e = extract_text(
            "The Clinton Foundation said on Monday it would give money. Clinton said more \
             would follow.",
        );
        assert!(
            canonicals(&e.persons).contains(&"Clinton"),
            "{:?}",
            e.persons
        );
        // A trust written with a legal form is a firm ("Gabelli's board" beside Gabelli Equity
        // Trust Inc).
        let e = extract_text(
            "Gabelli Equity Trust Inc said on Monday it would sell. Gabelli's board agreed.",
        );
        assert!(canonicals(&e.persons).is_empty(), "{:?}", e.persons);
        // Beside two firms of that name, the lone word is a firm of its own name.
        let e = extract_text(
            "E.F. Hutton Group Inc and Hutton LBO Inc said they would merge. Hutton said the \
             price was fair.",
        );
        assert!(canonicals(&e.persons).is_empty(), "{:?}", e.persons);
        assert!(canonicals(&e.orgs).contains(&"Hutton"), "{:?}", e.orgs);
        for (file, name) in [
            ("tech/337.txt", "Google"),
            ("tech/238.txt", "Nintendo"),
            ("business/321.txt", "Diageo"),
        ] {
            let Some(e) = shared_article("bbc", file) else {
                return;
            };
            let persons = canonicals(&e.entities.persons);
            assert!(!persons.contains(&name), "{file}: {persons:?}");
            assert!(
                canonicals(&e.entities.orgs).contains(&name) || {
                    e.entities
                        .orgs
                        .iter()
                        .any(|o| o.canonical.starts_with(name))
                }
            );
        }
    }

    /// A name after an office ("Treasury Secretary James Baker", "Economics Minister Martin
    /// Bangemann") is a person's, though the tagger read it as an organisation's: James
    /// Baker had been an organisation in 3 Reuters articles. Not after "manager" or "chief"
    /// ("lead manager Credit Suisse"), nor across a sentence's end, nor with a body's word.
    #[test]
    fn names_after_an_office_are_persons() {
        assert!(after_office("Treasury Secretary ", 19) && after_office("said Mr. ", 9));
        assert!(!after_office("by the chancellor. ", 19) && !after_office("lead manager ", 13));
        assert!(written_like_a_persons_name("Hans-Dietrich Genscher"));
        assert!(written_like_a_persons_name("Paul O'Neill"));
        for name in [
            "James",
            "Kiichi Miyazawa Tanaka Jr",
            "BAKER HUGHES",
            "Mobil 2000",
        ] {
            assert!(!written_like_a_persons_name(name), "{name}");
        }
        for (dir, file, name) in [
            ("reuters21578/articles", "02452.txt", "James Baker"),
            ("reuters21578/articles", "12414.txt", "Martin Bangemann"),
            ("bbc", "politics/175.txt", "Oliver Letwin"),
        ] {
            let Some(e) = shared_article(dir, file) else {
                return;
            };
            assert!(canonicals(&e.entities.persons).contains(&name), "{file}");
            assert!(!canonicals(&e.entities.orgs).contains(&name), "{file}");
        }
    }

    /// A country's initials that the tagger read as an organisation are the country: "USSR"
    /// was an organisation in 43 Reuters articles. Initials the gazetteer does not know stay.
    #[test]
    fn country_initials_read_as_organisations_are_the_country() {
        let g = place::Gazetteer::global();
        for name in ["USSR", "UAE", "U.S.A.", "GDR"] {
            assert!(country_initials(g, name), "{name}");
        }
        for name in ["USDA", "OPEC", "Ussr", "U", "Russia"] {
            assert!(!country_initials(g, name), "{name}");
        }
        let Some(e) = reuters_article("00856.txt") else {
            return;
        };
        assert!(!canonicals(&e.entities.orgs).contains(&"USSR"));
        assert!(place_names(&e.entities.places).contains(&"Russia"));
    }

    /// A state's abbreviation after a town ("Harvey, La.", "Schuykill County, Penn.") is no
    /// person or firm: "La" was a person in 8 Reuters articles and "Penn" in 6 (6 and 5 of
    /// them are such abbreviations).
    #[test]
    fn state_abbreviations_after_a_town_are_no_names() {
        let g = place::Gazetteer::global();
        let t = "Houma and Harvey, La., Alvin; Los Alamos, N.M. installed; Ms La said; Lake \
                 Charles,\nLa., APS";
        let at = |w: &str| t.find(w).unwrap();
        assert!(state_abbreviation_after_a_town(g, t, at("La.,"), "La"));
        assert!(state_abbreviation_after_a_town(g, t, at("N.M."), "N.M."));
        assert!(!state_abbreviation_after_a_town(g, t, at("La said"), "La"));
        assert!(state_abbreviation_after_a_town(g, t, at("La., APS"), "La"));
        assert!(!state_abbreviation_after_a_town(g, t, at("Alvin"), "Alvin"));
        for file in ["18906.txt", "19663.txt"] {
            let Some(e) = reuters_article(file) else {
                return;
            };
            let persons = canonicals(&e.entities.persons);
            assert!(
                !persons.contains(&"La") && !persons.contains(&"Penn"),
                "{file}"
            );
        }
    }

    /// "Head", "S.A." and numerals alone are no names: "NOMINATED TO HEAD CIA" had made a
    /// person of "Head" in 9 Reuters articles, "Petroleos de Venezuela, S.A. said" of "S.A."
    /// in 7.
    #[test]
    fn common_words_legal_forms_and_numerals_alone_are_no_names() {
        let e = extract_text(
            "WEBSTER NOMINATED TO HEAD CIA\n\nPetroleos de Venezuela, S.A. said Reserves I, \
             II and III have matured. Judge Edward Head spoke. Mark eurobonds eased. \"Thank \
             God,\" Mark Hughes said.",
        );
        let names: Vec<&str> = canonicals(&e.persons)
            .into_iter()
            .chain(canonicals(&e.orgs))
            .collect();
        for word in ["Head", "S.A.", "II", "III", "Ii", "Mark", "God"] {
            assert!(!names.contains(&word), "{word}: {names:?}");
        }
        assert!(names.contains(&"Edward Head"), "{names:?}");
        assert!(names.contains(&"Mark Hughes"), "{names:?}");
    }

    /// A place that begins a company's name before its ticker in a Reuters headline is the
    /// company: Burlington Northern was Burlington, Ontario, Bethlehem Steel Belém (Brazil,
    /// "Bethlehem" in GeoNames), Carolina Power and Light Carolina, Puerto Rico.
    #[test]
    fn places_in_company_names_before_a_ticker_are_not_places() {
        assert!(names_a_listed_company(
            "KANSAS GAS AND ELECTRIC CO <KGE> SETS",
            6
        ));
        assert!(!names_a_listed_company(
            "TEXAS SAYS OUTPUT FELL SHARPLY TODAY <XON>",
            5
        ));
        assert!(!names_a_listed_company("KANSAS\nGAS <KGE>", 6));
        assert!(!names_a_listed_company("Kansas Gas <KGE>", 6));
        let e = extract_text("EXXON <XON> SAYS TEXAS OUTPUT FALLS\n\nOutput fell in Texas.");
        assert!(place_names(&e.places).contains(&"Texas"), "{:?}", e.places);
        for file in ["13030.txt", "07430.txt", "06683.txt"] {
            let Some(e) = reuters_article(file) else {
                return;
            };
            assert!(
                e.entities.places.is_empty(),
                "{file}: {:?}",
                e.entities.places
            );
        }
        // "HONG KONG FIRM UPS WRATHER <WCO> STAKE": a country stays, and so does a place
        // after the ticker.
        let Some(e) = reuters_article("00125.txt") else {
            return;
        };
        assert!(place_names(&e.entities.places).contains(&"Hong Kong"));
    }

    /// A legislator's party and state ("D-Kan.") is no name of the story (the tagger reads
    /// it as a place, an organisation or a person), and a nationality the tagger marks as a
    /// place ("West German") is not a place.
    #[test]
    fn party_tags_and_nationalities_are_not_places() {
        for (text, party) in [
            ("Dan Glickman, D-Kan., said", true),
            ("Rep. Arland Stangeland (R-Minn.) is", true),
            ("Senator Leahy, I-Vt, said", true),
            ("the D-Day landings", false),
            ("the county of I-Lan", false),
            ("Smith, R-Massachusetts, said", false),
            ("in Dar-es-Salaam", false),
        ] {
            let name = text
                .split([' ', ',', '(', ')'])
                .find(|w| w.contains('-'))
                .unwrap()
                .trim_end_matches('.');
            let start = text.find(name).unwrap();
            assert_eq!(is_party_and_state(text, start, name), party, "{text}");
        }
        let e = extract_text("West German officials met Dan Glickman, D-Kan., in Bonn.");
        let places = place_names(&e.places);
        assert!(
            !places.contains(&"West German") && !places.contains(&"D Kan"),
            "{places:?}"
        );
        // 02367.txt: "Dan Glickman, D-Kan.", "Rep. Arland Stangeland (R-Minn.)"; 04724.txt
        // has "West German" as a place.
        for file in ["02367.txt", "04724.txt"] {
            let Some(e) = reuters_article(file) else {
                return;
            };
            let places = place_names(&e.entities.places);
            assert!(
                places
                    .iter()
                    .all(|p| !p.starts_with("D ") && !p.starts_with("R ") && *p != "West German"),
                "{file}: {places:?}"
            );
        }
        // "Joe Barton (R-Texas)" was an organisation: no kind of name at all.
        if let Some(e) = reuters_article("17408.txt") {
            let orgs = canonicals(&e.entities.orgs);
            assert!(orgs.iter().all(|o| !o.starts_with("R-")), "{orgs:?}");
            assert!(canonicals(&e.entities.persons).contains(&"Joe Barton"));
        }
    }

    /// "The Bill would…" (a parliamentary bill) and "the Gunners," are not persons; "the
    /// Reagan administration" keeps Reagan.
    #[test]
    fn one_word_persons_only_written_after_the_are_things() {
        let persons = |text: &str| -> Vec<String> {
            extract_text(text)
                .persons
                .into_iter()
                .map(|p| p.canonical)
                .collect()
        };
        let bill =
            persons("The Bill would give ministers new powers. MPs said the Bill's aim was good.");
        assert!(!bill.iter().any(|p| p == "Bill"), "{bill:?}");
        let reagan = persons("Officials of the Reagan administration met on Monday.");
        assert!(reagan.iter().any(|p| p == "Reagan"), "{reagan:?}");
        let bill = persons("Bill said the plan would work.");
        assert!(bill.iter().any(|p| p == "Bill"), "{bill:?}");
        // BBC politics/068.txt and 133.txt: "the Bill would", "the Bill is".
        for file in ["068.txt", "133.txt"] {
            let Some(e) = shared_article("bbc/politics", file) else {
                return;
            };
            let persons = canonicals(&e.entities.persons);
            assert!(persons.iter().all(|p| *p != "Bill"), "{file}: {persons:?}");
        }
    }

    /// One-word persons read from Reuters' capital headlines: tickers and words of company
    /// names go, a headline-only flash keeps its person.
    #[test]
    fn one_word_persons_in_capital_headlines() {
        for (file, expected) in [
            ("00605.txt", vec![]), // COGNITIVE SYSTEMS INC <CSAI> 4TH QTR NOV 30 LOSS
            ("19331.txt", vec![]), // PRIMERICA <PA> COMPLETES SMITH BARNEY TAKEOVER
            ("07751.txt", vec!["Reagan"]), // REAGAN SAYS HE WILL VETO HIGHWAY AND TRANSIT BILL
        ] {
            let Some(e) = reuters_article(file) else {
                return;
            };
            assert_eq!(canonicals(&e.entities.persons), expected, "{file}");
        }
        assert!(contains_word("sales were little changed", "little"));
        assert!(in_capitals("SPLIT") && in_capitals("ZÜRICH"));
        assert!(!in_capitals("N.J.") && !in_capitals("MD") && !in_capitals("習近平"));
        let t = "Cognitive Systems Inc <CSAI> and <Pantry Inc> and <CGS.WS.P>";
        let at = |w: &str| t.find(w).map(|i| (i, i + w.len())).unwrap();
        for (w, ticker) in [
            ("CSAI", true),
            ("CGS", true),
            ("Pantry Inc", false),
            ("Cognitive", false),
        ] {
            let (start, end) = at(w);
            assert_eq!(is_ticker(t, start, end), ticker, "{w}");
        }
        assert!(!contains_word("littleton", "little"));
    }

    /// Firms named after people are organisations, not persons: "Brown" (of "Alex. Brown
    /// and Sons") was the 8th person of the Reuters-21578 facet, "Wagner" (of "Wagner and
    /// Brown") the 29th.
    #[test]
    fn firms_named_after_people_are_organisations() {
        for (file, firm, not_persons) in [
            ("10507.txt", "Alex. Brown and Sons", &["Brown"][..]), // "Alex, Brown and Sons Inc"
            ("06410.txt", "Wagner and Brown", &["Wagner", "Brown"]),
            ("13966.txt", "Phillips and Drew", &["Drew"]),
            ("03577.txt", "Johnson and Johnson", &["Johnson"]), // JOHNSON/JOHNSON headline
            ("02374.txt", "James Capel", &["James Capel", "Capel"]), // "Capel handled the deal"
            ("11408.txt", "Donaldson Lufkin and Jenrette", &["Donaldson"]), // "<Donaldson, …"
            ("11408.txt", "A.G. Edwards and Sons", &["A.G. Edwards"]),
            ("10595.txt", "Prescott, Ball and Turben", &["Prescott"]),
            ("18578.txt", "Sallie Mae", &["Sallie Mae"]),
        ] {
            let Some(e) = reuters_article(file) else {
                return;
            };
            let (orgs, persons) = (
                canonicals(&e.entities.orgs),
                canonicals(&e.entities.persons),
            );
            assert!(orgs.contains(&firm), "{file}: {orgs:?}");
            assert!(
                not_persons.iter().all(|n| !persons.contains(n)),
                "{file}: {persons:?}"
            );
        }
        // A list of firms is several firms: "Alex. Brown and Sons Inc, Bear, Stearns and Co
        // Inc and Prescott, Ball and Turben Inc".
        let Some(e) = reuters_article("10595.txt") else {
            return;
        };
        let orgs = canonicals(&e.entities.orgs);
        assert!(orgs.contains(&"Bear Stearns"), "{orgs:?}");
        assert!(orgs.iter().all(|o| !o.contains("Sons Inc")), "{orgs:?}");
    }

    /// "Minister of Energy and Mines Subroto" is Subroto; "Denver" and "Peking" read as
    /// persons ("its Denver refinery", "said Peking itself") are the cities.
    #[test]
    fn portfolio_words_and_city_names_are_not_persons() {
        for (file, person, place) in [
            ("13281.txt", Some("Subroto"), None),
            ("12590.txt", None, Some("Denver")),
            ("15995.txt", None, Some("Denver")),
            ("01022.txt", None, Some("Beijing")),
        ] {
            let Some(e) = reuters_article(file) else {
                return;
            };
            let (persons, places) = (
                canonicals(&e.entities.persons),
                place_names(&e.entities.places),
            );
            if let Some(person) = person {
                assert_eq!(persons, [person], "{file}");
            }
            if let Some(place) = place {
                assert!(
                    persons.iter().all(|p| *p != place && *p != "Peking"),
                    "{file}: {persons:?}"
                );
                assert!(places.contains(&place), "{file}: {places:?}");
            }
        }
        // A title keeps the person ("Lord Hamilton": Hamilton, Ontario has 569,000 people).
        let text = "Lord Hamilton ruled on Monday. Hamilton said the appeal failed.";
        let e = extract_with(text, &Hints::default());
        assert!(
            e.persons.iter().any(|p| p.canonical.ends_with("Hamilton")),
            "{:?}",
            e.persons
        );
        // A portfolio word after "and" with no minister before it: a name ("prices of oil
        // and Energy Smith" is not a portfolio), nor after a lower-case word in between.
        for text in [
            "prices of oil and Energy Smith said",
            "the Minister said that oil and Energy Smith fell",
        ] {
            let at = text.find("Energy").unwrap();
            assert_eq!(portfolio_word(text, at, "Energy Smith"), None, "{text}");
        }
        let text = "Indonesia's Minister of Energy and Mines Subroto said";
        let at = text.find("Mines").unwrap();
        assert_eq!(portfolio_word(text, at, "Mines Subroto"), Some(6));
        // White space other than one space after the portfolio: the mention still starts at
        // the name.
        let text = "Indonesia's Minister of Energy and Mines \tSubroto said OPEC faces a choice.";
        let e = extract_with(text, &Hints::default());
        let p = e.persons.iter().find(|p| p.canonical == "Subroto");
        let m = &p.expect("Subroto").mentions[0];
        assert_eq!(&text[m.start..m.end], "Subroto", "{m:?}");
    }

    #[test]
    fn reuters_sign_off_is_not_a_person_in_any_case() {
        // The ending of a Reuters-21578 article file (05184.txt) and of its JSON form.
        for sign_off in ["REUTER", "Reuter"] {
            let text = format!(
                "Saudi Arabia's economy is showing signs of picking up after problems last \
                 year, Commerce Minister Suleiman Abdulaziz al-Salim said.\n {sign_off}\n"
            );
            let e = extract_with(&text, &Hints::default());
            assert!(
                e.persons
                    .iter()
                    .all(|p| !p.canonical.eq_ignore_ascii_case("reuter")),
                "{sign_off}: {:?}",
                e.persons
            );
        }
    }
}
