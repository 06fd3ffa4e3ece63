//! Places: the GeoNames gazetteer and resolution into continent / country / region / city.
//!
//! The gazetteer is compiled by `scripts/build_gazetteer.py` from GeoNames dumps into
//! `data/gazetteer.tsv.gz` (see `data/README.md`). `build.rs` turns that text into a
//! binary image (`place/compile.rs`, layout in `place/records.rs`), embedded in the
//! binary and read on first use ([`Gazetteer::global`]): the place tables are decoded,
//! and names are looked up in the image's own hash table, so loading takes a few
//! milliseconds instead of the text parse's 90.
//!
//! Ranking. Every candidate of a name gets a prior score, `log10(population)` plus a
//! bonus by kind: continents always first, countries +3, regions +0.5, national
//! capitals +2, admin seats +0.3 (both only under their own names), and -1 when a city only
//! matched through one of its GeoNames alternate names. A capital's +2 outweighs the +3 an
//! article about another country gives a town 100 times smaller: "Paris" in a story that
//! names the United States is still France's capital, not Paris, Texas. A city named like
//! the region it lies in ("New York", "Erbil"), or a national capital named like a region
//! of its country ("Washington"), ranks just above that region.
//!
//! Resolution. Within an article, [`resolve_places`] adds +3 to a candidate in a
//! country the article is otherwise about, +2 to one in a region it names, and +0.5 to
//! one on a continent it names. That evidence comes from the caller's
//! `evidence_countries` (country names, ISO codes, Reuters tags or demonyms), from the
//! dateline place (resolved first), and from the article's other unambiguous names:
//! those whose candidates all lie in one country, or whose best candidate leads every
//! candidate in another country by 2 or more. A name never counts as evidence for
//! itself. Historical states resolve to their main successor (USSR → Russia, West
//! Germany → Germany, Zaire → DR Congo; see `data/README.md`).
//!
//! Some readings stay unresolved rather than land in the wrong country, when the article's
//! evidence does not back them: a name known only as some city's alternate name, in an
//! article about another country ("Hunts Spring", once Huntsville's name, in a Scottish
//! story), or, for a town under a million, unlike the town's own name and without its region
//! named ("Google", listed for Topeka); a building or street reached through an alternate
//! name; a town under 100,000 that is no seat, in an article whose places
//! point to other countries only ("Foley", a rugby player, is not Foley, Alabama); and a
//! town under 500,000 that is no seat and that GeoNames names in fewer than 30 ways, in an
//! article whose places point to other continents only ("the Aurora", a cruise ship, in a
//! British story is not Aurora, Colorado).
//!
//! GeoNames' files have no second-level names: British counties and news regions ("Norfolk",
//! "the Midlands") come from the `UK_COUNTIES` table, and read as themselves within England,
//! Scotland, Wales or Northern Ireland in an article that points to the United Kingdom or to
//! no country ("Norfolk farmer Tony Martin" is not Norfolk, Virginia).
//!
//! A landmark that stands for its city in the news ("the White House said", "Downing
//! Street", "the Kremlin", "Villa Park") resolves as that city, located as the `LANDMARKS`
//! table says, unless the text places the name where the gazetteer has a town of that name
//! ("Villa Park, Ill.").
//!
//! A town with a far better known namesake abroad is read as that town only when the article
//! names its region: a namesake that is bigger, has at least 30 GeoNames alternate names and
//! 1.8 times the town's, and bears the name or a spelling of its own name overshadows it.
//! "Venice" in a story that names the United States is Venice, Italy (66 names), not Venice,
//! California (15); "Athens" in a marathon report that names New York is Greece's capital. A
//! city that has the name only as an alternate name is overshadowed by such a namesake even
//! when it is bigger. Country evidence does not lift an overshadowed town: US news names the United States
//! when it writes about the Venice summit. Cities that hold the name only as an unrelated
//! alternate name (Dayton, Ohio for "Venice") go with the overshadowed towns.
//!
//! A name followed by a comma and its region or country ("Cambridge, Mass.", "London,
//! Ontario", "Athens, Georgia", "Perth, Scotland") resolves among its readings there, and
//! that region counts as a place the article names. After a state's abbreviation
//! (`STATE_ABBREVIATIONS`, as Reuters and US papers write them) a name with no reading there
//! stays unresolved (the gazetteer has no Dayton, Tennessee); after a full name it keeps all
//! its readings when none lies there, since the full name may be the next item of a list
//! ("Washington, Tokyo and Bonn", "Mexico, Philippines, Indonesia"). A phrase counts only
//! where it ends, at a punctuation mark or before a lower-case word ("Paris, Texas
//! Instruments said" locates nothing).

#[cfg(test)]
mod compile;
mod image;
mod key;
mod records;
mod stoplist;
#[cfg(test)]
mod tests;

pub use key::normalize;

use rustc_hash::FxHashMap as HashMap;
use std::borrow::Cow;
use std::sync::OnceLock;

use records::{City, Country, Entry, Region, Seat, Target};

use super::{PlaceInfo, PlaceKind};

/// The gazetteer (GeoNames data, CC BY 4.0) as `build.rs` compiled it from
/// `data/gazetteer.tsv.gz`.
static IMAGE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/gazetteer.bin"));

/// The gazetteer text the image is compiled from (the tests compare the two).
#[cfg(test)]
static DATA: &[u8] = include_bytes!("../../data/gazetteer.tsv.gz");

/// Prior bonus of a country over a same-name region or city.
const COUNTRY_BONUS: f64 = 3.0;
/// Prior bonus of a region over a same-name city of equal population.
const REGION_BONUS: f64 = 0.5;
/// Prior bonus of a national capital.
const CAPITAL_BONUS: f64 = 2.0;
/// Prior bonus of the seat of a first-level region.
const ADMIN_SEAT_BONUS: f64 = 0.3;
/// Prior penalty of a city matched only through an alternate name.
const ALTERNATE_PENALTY: f64 = 1.0;
/// Context bonus for a candidate in a country the article is about.
const SAME_COUNTRY: f64 = 3.0;
/// Context bonus for a candidate in a region the article names.
const SAME_REGION: f64 = 2.0;
/// Context bonus for a candidate on a continent the article names.
const SAME_CONTINENT: f64 = 0.5;
/// A name whose best candidate leads every candidate in another country by this much
/// is unambiguous enough to serve as evidence for the other names of an article.
const ANCHOR_MARGIN: f64 = 2.0;
/// A city under this population, unless a capital or an administrative seat, resolves only
/// in a country the article points to, when it points to any (see `resolve_places`).
const SMALL_TOWN_POPULATION: u64 = 100_000;
/// So does a city under this population that GeoNames names in fewer than
/// [`OVERSHADOW_NAMES`] ways, when the article points to other continents only (Aurora,
/// Colorado for a cruise ship in a British article; not Hollywood or Berkeley, which the
/// world knows).
const LITTLE_KNOWN_POPULATION: u64 = 500_000;

/// A city named like the region it lies in ranks above that region when its population is
/// at least the region's divided by this (see `candidates`).
const CITY_SHARE_OF_REGION: u64 = 7;

/// A city reached only through an alternate name counts for [`Gazetteer::is_place_name`]
/// from this population on, and resolves without its region named in the article (see
/// `resolve_places`).
const ALTERNATE_NAME_POPULATION: u64 = 1_000_000;

/// A city is overshadowed by a namesake in another country that is bigger and has at least
/// this many GeoNames alternate names ...
const OVERSHADOW_NAMES: u16 = 30;
/// ... and at least this many times as many as the city (as a ratio of tenths: 1.8×).
const OVERSHADOW_RATIO_TENTHS: u32 = 18;
/// A town (not a seat) is overshadowed by a province or state of its name abroad with at least
/// this many times its people.
const REGION_OVER_TOWN: u64 = 20;

/// Buildings, streets and grounds that stand for their city in the news ("the White House
/// said", "talks at Lansdowne Road"), with the city and where it lies, as a text would
/// locate it after a comma. The gazetteer lacks them, or has them only as some other town's
/// name ("White House" is one of Casablanca's alternate names). A mention resolves as the
/// city; its text stays in the mention. Only a span the tagger reads as a place comes here:
/// "Downing Street" read as a person is an organisation (`person::is_facility`).
const LANDMARKS: &[(&str, &str, &str)] = &[
    ("White House", "Washington", "D.C."),
    ("Capitol Hill", "Washington", "D.C."),
    ("Downing Street", "London", "England"),
    ("Buckingham Palace", "London", "England"),
    ("Kremlin", "Moscow", "Russia"),
    ("Elysee", "Paris", "France"),
    ("Elysee Palace", "Paris", "France"),
    ("Lansdowne Road", "Dublin", "Ireland"),
    ("Croke Park", "Dublin", "Ireland"),
    ("Old Trafford", "Manchester", "England"),
    ("Anfield", "Liverpool", "England"),
    ("Murrayfield", "Edinburgh", "Scotland"),
    ("Millennium Stadium", "Cardiff", "Wales"),
    ("Arms Park", "Cardiff", "Wales"),
    ("Twickenham", "London", "England"),
    ("Stamford Bridge", "London", "England"),
    ("Villa Park", "Birmingham", "England"),
    ("Goodison Park", "Liverpool", "England"),
    ("Ewood Park", "Blackburn", "England"),
    ("Fratton Park", "Portsmouth", "England"),
    ("Elland Road", "Leeds", "England"),
    ("Celtic Park", "Glasgow", "Scotland"),
    ("Hampden Park", "Glasgow", "Scotland"),
    ("Ibrox", "Glasgow", "Scotland"),
    ("Stade de France", "Saint-Denis", "France"),
];

/// Counties and regions of the United Kingdom that British news names, with the part of the
/// kingdom (a first-level region of the gazetteer) each lies in. GeoNames' files in
/// `../shared/data` have no second-level names, so without this table "Norfolk farmer Tony
/// Martin" could only be Norfolk, Virginia. A county resolves as itself within its part of the
/// kingdom, in an article that otherwise points to the United Kingdom or to no country.
const UK_COUNTIES: &[(&str, &str)] = &[
    ("Bedfordshire", "England"),
    ("Berkshire", "England"),
    ("Buckinghamshire", "England"),
    ("Cambridgeshire", "England"),
    ("Cheshire", "England"),
    ("Cornwall", "England"),
    ("Cumbria", "England"),
    ("Derbyshire", "England"),
    ("Devon", "England"),
    ("Dorset", "England"),
    ("East Anglia", "England"),
    ("East Midlands", "England"),
    ("East Sussex", "England"),
    ("Essex", "England"),
    ("Gloucestershire", "England"),
    ("Greater Manchester", "England"),
    ("Hampshire", "England"),
    ("Herefordshire", "England"),
    ("Hertfordshire", "England"),
    ("Isle of Wight", "England"),
    ("Kent", "England"),
    ("Lancashire", "England"),
    ("Leicestershire", "England"),
    ("Lincolnshire", "England"),
    ("Merseyside", "England"),
    ("Midlands", "England"),
    ("Norfolk", "England"),
    ("North Yorkshire", "England"),
    ("Northamptonshire", "England"),
    ("Northumberland", "England"),
    ("Nottinghamshire", "England"),
    ("Oxfordshire", "England"),
    ("Shropshire", "England"),
    ("Somerset", "England"),
    ("South Yorkshire", "England"),
    ("Staffordshire", "England"),
    ("Suffolk", "England"),
    ("Surrey", "England"),
    ("Sussex", "England"),
    ("Teesside", "England"),
    ("Tyneside", "England"),
    ("Warwickshire", "England"),
    ("West Midlands", "England"),
    ("West Sussex", "England"),
    ("West Yorkshire", "England"),
    ("Wiltshire", "England"),
    ("Worcestershire", "England"),
    ("Yorkshire", "England"),
    ("Aberdeenshire", "Scotland"),
    ("Ayrshire", "Scotland"),
    ("Fife", "Scotland"),
    ("Lanarkshire", "Scotland"),
    ("Lothian", "Scotland"),
    ("Perthshire", "Scotland"),
    ("South Lanarkshire", "Scotland"),
    ("West Lothian", "Scotland"),
    ("Anglesey", "Wales"),
    ("Carmarthenshire", "Wales"),
    ("Glamorgan", "Wales"),
    ("Gwent", "Wales"),
    ("Gwynedd", "Wales"),
    ("Pembrokeshire", "Wales"),
    ("Powys", "Wales"),
    ("County Antrim", "Northern Ireland"),
    ("County Armagh", "Northern Ireland"),
    ("County Down", "Northern Ireland"),
    ("County Durham", "England"),
    ("County Londonderry", "Northern Ireland"),
    ("County Tyrone", "Northern Ireland"),
    ("Fermanagh", "Northern Ireland"),
];

/// The county of [`UK_COUNTIES`] a normalised key names, with its part of the kingdom.
fn uk_county(key: &str) -> Option<(&'static str, &'static str)> {
    static INDEX: OnceLock<HashMap<String, (&'static str, &'static str)>> = OnceLock::new();
    INDEX
        .get_or_init(|| {
            UK_COUNTIES
                .iter()
                .map(|&(county, part)| (normalize(county), (county, part)))
                .collect()
        })
        .get(key)
        .copied()
}

/// The city a landmark stands for ([`LANDMARKS`]), and where it lies, by normalised key.
fn landmark(key: &str) -> Option<(&'static str, &'static str)> {
    static INDEX: OnceLock<HashMap<String, (&'static str, &'static str)>> = OnceLock::new();
    INDEX
        .get_or_init(|| {
            LANDMARKS
                .iter()
                .map(|&(name, city, within)| (normalize(name), (city, within)))
                .collect()
        })
        .get(key)
        .copied()
}

/// Newspaper abbreviations of US states and Canadian provinces, read only right after a
/// place name and a comma ("Salem, Ore.", "Dayton, Tenn."). The gazetteer knows most of
/// them as aliases, but not those that are words or other places on their own ("Mass",
/// "Ore", "La"); and after a name, an abbreviation can only be its location, where a full
/// name may be the next item of a list ("Washington, Tokyo and Bonn").
const STATE_ABBREVIATIONS: &[(&str, &str)] = &[
    ("Ala", "Alabama"),
    ("Alta", "Alberta"),
    ("Ariz", "Arizona"),
    ("Ark", "Arkansas"),
    ("B.C", "British Columbia"),
    ("Calif", "California"),
    ("Colo", "Colorado"),
    ("Conn", "Connecticut"),
    ("D.C", "District of Columbia"),
    ("Del", "Delaware"),
    ("Fla", "Florida"),
    ("Ga", "Georgia"),
    ("Ill", "Illinois"),
    ("Ind", "Indiana"),
    ("Kan", "Kansas"),
    ("Kans", "Kansas"),
    ("Ky", "Kentucky"),
    ("La", "Louisiana"),
    ("Man", "Manitoba"),
    ("Mass", "Massachusetts"),
    ("Md", "Maryland"),
    ("Mich", "Michigan"),
    ("Minn", "Minnesota"),
    ("Miss", "Mississippi"),
    ("Mo", "Missouri"),
    ("Mont", "Montana"),
    ("N.B", "New Brunswick"),
    ("N.C", "North Carolina"),
    ("N.D", "North Dakota"),
    ("N.H", "New Hampshire"),
    ("N.J", "New Jersey"),
    ("N.M", "New Mexico"),
    ("N.S", "Nova Scotia"),
    ("N.Y", "New York"),
    ("Neb", "Nebraska"),
    ("Nebr", "Nebraska"),
    ("Nev", "Nevada"),
    ("Nfld", "Newfoundland and Labrador"),
    ("Okla", "Oklahoma"),
    ("Ont", "Ontario"),
    ("Ore", "Oregon"),
    ("P.E.I", "Prince Edward Island"),
    ("Pa", "Pennsylvania"),
    ("Penn", "Pennsylvania"),
    ("Que", "Quebec"),
    ("R.I", "Rhode Island"),
    ("S.C", "South Carolina"),
    ("S.D", "South Dakota"),
    ("Sask", "Saskatchewan"),
    ("Tenn", "Tennessee"),
    ("Tex", "Texas"),
    ("Va", "Virginia"),
    ("Vt", "Vermont"),
    ("W.Va", "West Virginia"),
    ("Wash", "Washington"),
    ("Wis", "Wisconsin"),
    ("Wyo", "Wyoming"),
];

/// The place gazetteer: continents, countries, first-level regions and cities of at
/// least 15,000 inhabitants from GeoNames, with news aliases and demonyms.
#[derive(Debug, Default)]
pub struct Gazetteer {
    continents: Vec<String>,
    countries: Vec<Country>,
    regions: Vec<Region>,
    cities: Vec<City>,
    index: image::NameIndex,
    demonyms: HashMap<String, u16>,
    country_by_code: HashMap<String, u16>,
}

impl Gazetteer {
    /// The gazetteer compiled into the binary, read on first use.
    pub fn global() -> &'static Gazetteer {
        static GLOBAL: OnceLock<Gazetteer> = OnceLock::new();
        // The image is checked by the tests; a damaged one gives an empty gazetteer rather
        // than a panic.
        GLOBAL.get_or_init(|| Gazetteer::from_image(Cow::Borrowed(IMAGE)).unwrap_or_default())
    }

    /// The gazetteer of a compiled image (see `place/records.rs`); `None` if it is damaged.
    fn from_image(bytes: Cow<'static, [u8]>) -> Option<Gazetteer> {
        let (records, index) = image::read(bytes)?;
        let country_by_code = records
            .countries
            .iter()
            .enumerate()
            .filter_map(|(i, c)| Some((c.code.clone(), u16::try_from(i).ok()?)))
            .collect();
        Some(Gazetteer {
            continents: records.continents,
            countries: records.countries,
            regions: records.regions,
            cities: records.cities,
            index,
            demonyms: records.demonyms.into_iter().collect(),
            country_by_code,
        })
    }

    /// Parses the gazetteer text, by way of its image as `build.rs` makes it.
    #[cfg(test)]
    fn parse(text: &str) -> Gazetteer {
        let image = compile::encode(&compile::parse_text(text));
        Gazetteer::from_image(Cow::Owned(image)).unwrap_or_default()
    }

    /// Candidates for a name as written ("Paris", "PARIS", "U.S.", "Brussels",
    /// "el-salvador"), best prior first: countries and regions before same-name small
    /// cities, bigger population first. Case-insensitive, tolerant of hyphens,
    /// underscores, dots and diacritics. Unknown names give an empty list.
    pub fn lookup(&self, name: &str) -> Vec<PlaceInfo> {
        self.candidates(&normalize(name))
            .into_iter()
            .map(|(e, _)| self.info(e.target))
            .collect()
    }

    /// True when `name` should be treated as a place by a heuristic extractor that sees a
    /// capitalised word sequence: the gazetteer knows it, and it is not a common word or
    /// first name that happens to be a small town. Rules: a name on the stoplist
    /// ("March", "Split", "Nice", "Gary"…), or a demonym ("German", a parish of the Isle of
    /// Man), counts only when it names a continent, a
    /// country, or a city of at least 1,000,000 inhabitants by its main name; a name of one or
    /// two letters counts only for a continent or country ("US", "UK"); a city reached
    /// only through a GeoNames alternate name counts from 1,000,000 inhabitants.
    pub fn is_place_name(&self, name: &str) -> bool {
        let key = normalize(name);
        let Some(entries) = self.index.get(&key) else {
            return false;
        };
        if stoplist::is_stopword(&key) || self.demonyms.contains_key(&key) {
            return entries.iter().any(|e| self.is_big(&e));
        }
        if key.chars().count() <= 2 {
            return entries
                .iter()
                .any(|e| matches!(e.target, Target::Continent(_) | Target::Country(_)));
        }
        entries.iter().any(|e| match e.target {
            Target::City(c) if !e.primary => {
                self.cities[c as usize].population >= ALTERNATE_NAME_POPULATION
            }
            _ => true,
        })
    }

    /// Whether `name`, but for ASCII case, is the name of a country or a continent as
    /// [`Gazetteer::lookup`] would give it ("Philippines", "Africa"), without building the
    /// readings.
    pub fn is_country_or_continent(&self, name: &str) -> bool {
        self.index.get(&normalize(name)).is_some_and(|entries| {
            entries.iter().any(|e| match e.target {
                Target::Continent(i) => self.continents[i as usize].eq_ignore_ascii_case(name),
                Target::Country(i) => self.countries[i as usize].name.eq_ignore_ascii_case(name),
                _ => false,
            })
        })
    }

    /// Whether `name` is the main name of a first-level region of at least `population`
    /// inhabitants ("Nova Scotia"; "Sao Paulo" for "São Paulo").
    pub fn is_region_of(&self, name: &str, population: u64) -> bool {
        self.is_main_name_of(name, |t| match t {
            Target::Region(r) => self.regions[r as usize].population >= population,
            _ => false,
        })
    }

    /// Whether `name` is the main name of a city of at least `population` inhabitants
    /// ("Denver").
    pub fn is_city_of(&self, name: &str, population: u64) -> bool {
        self.is_main_name_of(name, |t| match t {
            Target::City(c) => self.cities[c as usize].population >= population,
            _ => false,
        })
    }

    /// Whether `name` is the main name of a place that `wanted` accepts.
    fn is_main_name_of(&self, name: &str, wanted: impl Fn(Target) -> bool) -> bool {
        self.index
            .get(&normalize(name))
            .is_some_and(|entries| entries.iter().any(|e| e.primary && wanted(e.target)))
    }

    /// Whether an entry names a continent, a country, or a city of at least
    /// [`stoplist::BIG_PLACE_POPULATION`] inhabitants by its main name: the only readings
    /// a stoplisted name ("Split", "Gary") is given when seen untagged, and a generic one
    /// ("West", "Gulf") at all.
    fn is_big(&self, e: &Entry) -> bool {
        match e.target {
            Target::Continent(_) | Target::Country(_) => true,
            Target::City(c) => {
                e.primary && self.cities[c as usize].population >= stoplist::BIG_PLACE_POPULATION
            }
            Target::Region(_) => false,
        }
    }

    /// Demonym or nationality adjective → country name: "French" → "France",
    /// "Belgians" → "Belgium", "West German" → "Germany". Case-insensitive.
    pub fn demonym(&self, word: &str) -> Option<&str> {
        let key = normalize(word);
        let country = self.demonyms.get(&key).or_else(|| {
            key.strip_suffix('s')
                .and_then(|singular| self.demonyms.get(singular))
        })?;
        Some(self.countries[*country as usize].name.as_str())
    }

    /// ISO 4217 currency of a country by ISO 3166-1 alpha-2 code ("CA" → "CAD").
    pub fn country_currency(&self, country_code: &str) -> Option<&str> {
        let i = *self
            .country_by_code
            .get(&country_code.trim().to_ascii_uppercase())?;
        let currency = self.countries[i as usize].currency.as_str();
        (!currency.is_empty()).then_some(currency)
    }

    /// Resolves every mention of one article together; see [`resolve_places`].
    pub fn resolve(
        &self,
        mentions: &[&str],
        locations: &[Option<Location>],
        dateline_place: Option<&str>,
        evidence_countries: &[&str],
    ) -> Vec<Option<PlaceInfo>> {
        // A landmark is read as its city, located as the table says: what the text writes
        // after it locates the building ("Old Trafford, Manchester"), not the city. Unless
        // it locates a town of that name: "Villa Park, Ill." is Villa Park, Illinois.
        // The caller's locations are copied only for an article that names a landmark.
        let mut mentions: Vec<&str> = mentions.to_vec();
        let mut locations: Cow<'_, [Option<Location>]> = Cow::Borrowed(locations);
        let mut keys: Vec<String> = Vec::with_capacity(mentions.len());
        for (i, m) in mentions.iter_mut().enumerate() {
            let key = normalize(m);
            let a_town_there = |key: &str| {
                locations
                    .get(i)
                    .and_then(Option::as_ref)
                    .is_some_and(|loc| self.located(loc, &self.candidates(key)).is_some())
            };
            match landmark(&key).filter(|_| !a_town_there(&key)) {
                Some((city, within)) => {
                    *m = city;
                    let locs = locations.to_mut();
                    if locs.len() <= i {
                        locs.resize(i + 1, None);
                    }
                    locs[i] = self.location_after(&format!(", {within}"));
                    keys.push(normalize(city));
                }
                None => keys.push(key),
            }
        }
        // A direction or landform word that the tagger took for a place ("the West", "the
        // Gulf", "North") keeps only its big readings, and stays unresolved without one:
        // "West" is not Cameroon's West Region, nor evidence for Cameroon.
        let candidates: Vec<Vec<(Entry, f64)>> = keys
            .iter()
            .map(|k| {
                let mut c = self.candidates(k);
                if stoplist::is_generic(k) {
                    c.retain(|(e, _)| self.is_big(e));
                }
                c
            })
            .collect();
        // A name followed by its region or country ("Cambridge, Mass.", "Perth, Scotland")
        // keeps only its readings there (see `Gazetteer::located`).
        let qualified: Vec<Option<Located>> = candidates
            .iter()
            .enumerate()
            .map(|(i, cands)| self.located(locations.get(i)?.as_ref()?, cands))
            .collect();
        // A British county's namesakes abroad (Kent, Washington; Surrey, British Columbia)
        // are no evidence: "Kent and Surrey" must not point each other abroad.
        let anchors: Vec<Option<Target>> = candidates
            .iter()
            .zip(&qualified)
            .zip(&keys)
            .map(|((c, q), key)| match (q, uk_county(key)) {
                (None, Some(_)) => None,
                _ => self.anchor(q.as_ref().map_or(c.as_slice(), |(_, kept)| kept)),
            })
            .collect();

        let mut base = Evidence::default();
        for name in evidence_countries {
            if let Some(t) = self.evidence_target(name) {
                base.add(self, t);
            }
        }
        // The regions and countries that locate names are places the article names (those
        // that locate nothing may be the next item of a list: "the Carolinas, Georgia and
        // Alabama").
        for (t, _) in qualified.iter().flatten() {
            base.add(self, *t);
        }
        let with_anchors = |base: &Evidence, skip_key: Option<&str>| {
            let mut ev = base.clone();
            for (key, anchor) in keys.iter().zip(&anchors) {
                if let Some(t) = anchor {
                    if Some(key.as_str()) != skip_key {
                        ev.add(self, *t);
                    }
                }
            }
            ev
        };
        if let Some(dateline) = dateline_place {
            let dateline_candidates = self.candidates_loose(dateline);
            let ev = with_anchors(&base, None);
            if let Some(best) = self.best(&dateline_candidates, &ev) {
                base.add(self, best);
            }
        }
        keys.iter()
            .zip(&candidates)
            .zip(mentions)
            .zip(&qualified)
            .map(|(((key, cands), mention), qualified)| {
                let ev = with_anchors(&base, Some(key.as_str()));
                // The article says where the place is: no guard below applies.
                if let Some((_, kept)) = qualified {
                    return self.best(kept, &ev).map(|t| self.info(t));
                }
                // A British county in an article that points to the United Kingdom or nowhere.
                if let Some(info) = self.county_info(key, cands, &ev) {
                    return Some(info);
                }
                // A town whose namesake abroad is bigger and far better known (Venice,
                // California against Venice, Italy; Athens, Georgia against Athens) is read
                // as that town only when the article names its region: a US news story that
                // mentions "the Venice summit" is not set in California.
                let kept = self.unshadowed(key, cands, &ev);
                let overshadowing = kept.is_some();
                let target = self.best(kept.as_deref().unwrap_or(cands), &ev)?;
                // A name known only as some city's alternate name ("Hunts Spring" for
                // Huntsville, Alabama) in an article whose other places point elsewhere is
                // more likely a place the gazetteer lacks: keep it unresolved.
                let alternate_only = cands.iter().all(|(e, _)| !e.primary);
                let bonus = ev.bonus(self, target);
                let city = match target {
                    Target::City(c) => Some(&self.cities[c as usize]),
                    _ => None,
                };
                if alternate_only && !ev.countries.is_empty() && bonus < SAME_COUNTRY {
                    return None;
                }
                // Nor is a town under a million inhabitants reached only through an
                // alternate name that looks nothing like its name, unless the article names
                // its region: GeoNames lists "Google" among the names of Topeka, Kansas
                // (after a 2010 stunt), and an article naming only the United States is not
                // set there. Spellings of the name itself ("Frankfurt", "Saragossa",
                // "Basle") resolve as before.
                if alternate_only
                    && city.is_some_and(|c| {
                        c.population < ALTERNATE_NAME_POPULATION
                            && !looks_alike(key, &key::normalize(&c.name))
                    })
                    && bonus < SAME_COUNTRY + SAME_REGION
                {
                    return None;
                }
                // A small town (not a capital or administrative seat) in a country nothing
                // else in the article points to, when the article's other places point
                // elsewhere, is more likely a word or a name the tagger took for a place
                // ("Foley", a rugby player, was a town in Alabama in Irish match reports).
                // So is a bigger town that few languages name, when nothing else in the
                // article is even on its continent (see `LITTLE_KNOWN_POPULATION`).
                if city.is_some_and(|c| {
                    c.seat == Seat::Other
                        && (c.population < SMALL_TOWN_POPULATION
                            || (c.population < LITTLE_KNOWN_POPULATION
                                && c.names < OVERSHADOW_NAMES
                                && bonus < SAME_CONTINENT))
                }) && !overshadowing
                    && !ev.countries.is_empty()
                    && bonus < SAME_COUNTRY
                {
                    return None;
                }
                // A building or street is not the city that has it as an alternate name
                // (before `LANDMARKS`, "White House", one of Casablanca's, made Casablanca a
                // top city of the Reuters facet).
                if alternate_only && crate::extract::person::is_facility(mention) {
                    return None;
                }
                Some(self.info(target))
            })
            .collect()
    }

    /// The reading of a key of [`UK_COUNTIES`], in an article whose evidence includes the
    /// United Kingdom or no country, and not the region of one of the name's readings abroad
    /// (`cands`): the county, within its part of the kingdom.
    fn county_info(&self, key: &str, cands: &[(Entry, f64)], ev: &Evidence) -> Option<PlaceInfo> {
        let (county, part) = uk_county(key)?;
        let gb = *self.country_by_code.get("GB")?;
        // An article that points nowhere else is read as British too: the county is the
        // bigger place (Norfolk has about 900,000 people, Norfolk, Virginia 240,000).
        if !ev.countries.is_empty() && !ev.countries.contains(&gb) {
            return None;
        }
        // A story that also names Britain, but Virginia too, speaks of Norfolk, Virginia.
        // (Only a region counts: a country's evidence can come from a reading the article
        // does not keep, "Google" for Topeka.)
        let abroad = cands.iter().any(|(e, _)| {
            self.country_of(e.target).is_some_and(|c| c != gb)
                && self
                    .region_of(e.target)
                    .is_some_and(|r| ev.regions.contains(&r))
        });
        if abroad {
            return None;
        }
        let region = self
            .regions
            .iter()
            .position(|r| r.country == gb && r.name == part)?;
        let mut info = self.info(Target::Region(u32::try_from(region).ok()?));
        info.name = county.to_string();
        // Its people are not counted: the region's would mislead a tie-break.
        info.population = 0;
        Some(info)
    }

    /// Candidates for a normalised key with their prior scores, best first.
    fn candidates(&self, key: &str) -> Vec<(Entry, f64)> {
        let Some(entries) = self.index.get(key) else {
            return Vec::new();
        };
        let mut scored: Vec<(Entry, f64)> = entries.iter().map(|e| (e, self.prior(e))).collect();
        // A city named like the region it lies in ("New York", "Erbil"), or a national
        // capital named like a region of its country ("Washington"), ranks just above
        // that region.
        let region_scores: Vec<(u32, f64)> = scored
            .iter()
            .filter_map(|(e, s)| match e.target {
                Target::Region(r) => Some((r, *s)),
                _ => None,
            })
            .collect();
        for (e, s) in scored.iter_mut() {
            if let (Target::City(c), true) = (e.target, e.primary) {
                let city = &self.cities[c as usize];
                // Only a city that holds a good part of its region's people: "Quebec" is
                // the province (Québec city has a fifteenth of its people), "New York" the
                // city (nearly half of the state).
                let outranks = |r: u32| {
                    let region = &self.regions[r as usize];
                    (city.region == Some(r)
                        && city.population.saturating_mul(CITY_SHARE_OF_REGION)
                            >= region.population)
                        || (city.seat == Seat::Capital && region.country == city.country)
                };
                for &(r, rs) in &region_scores {
                    if outranks(r) {
                        *s = s.max(rs + 0.01);
                    }
                }
            }
        }
        scored.sort_by(|a, b| {
            b.1.total_cmp(&a.1)
                .then_with(|| rank(a.0.target).cmp(&rank(b.0.target)))
        });
        scored
    }

    /// Candidates of a written name, retrying with the part before a comma
    /// ("SALVADOR, Feb 26" → "SALVADOR").
    fn candidates_loose(&self, name: &str) -> Vec<(Entry, f64)> {
        let found = self.candidates(&normalize(name));
        if found.is_empty() {
            if let Some((head, _)) = name.split_once(',') {
                return self.candidates(&normalize(head));
            }
        }
        found
    }

    /// Prior score of one reading of a name (see the module docs).
    fn prior(&self, e: Entry) -> f64 {
        let log_pop = |p: u64| ((p as f64) + 10.0).log10();
        match e.target {
            Target::Continent(_) => 100.0,
            Target::Country(i) => log_pop(self.countries[i as usize].population) + COUNTRY_BONUS,
            Target::Region(i) => log_pop(self.regions[i as usize].population) + REGION_BONUS,
            Target::City(i) => {
                let city = &self.cities[i as usize];
                // A seat's standing goes with its own name: ancient "Philadelphia" does not
                // make Amman outrank Philadelphia, Pennsylvania.
                let seat = match city.seat {
                    _ if !e.primary => 0.0,
                    Seat::Capital => CAPITAL_BONUS,
                    Seat::Admin => ADMIN_SEAT_BONUS,
                    Seat::Other => 0.0,
                };
                let alternate = if e.primary { 0.0 } else { ALTERNATE_PENALTY };
                log_pop(city.population) + seat - alternate
            }
        }
    }

    /// The location that the text right after a place name gives it (see [`Location`]):
    /// `tail` starts after the name and must start with a comma ("…, Mass., said" gives Massachusetts; "…, British Columbia" the
    /// province; "…, England" the region). Up to three capitalised words are tried, longest
    /// first, and the abbreviations of `STATE_ABBREVIATIONS` ("W. Va." too). A phrase is
    /// taken only where it ends: at a punctuation mark, before a lower-case word or at the end
    /// of the text ("Paris, Texas Instruments said" names no location).
    pub fn location_after(&self, tail: &str) -> Option<Location> {
        let rest = tail.strip_prefix(',')?.trim_start();
        let words: Vec<&str> = rest
            .split(char::is_whitespace)
            .filter(|w| !w.is_empty())
            .take(4)
            .collect();
        let capitalised = words
            .iter()
            .take(3)
            .take_while(|w| w.starts_with(|c: char| c.is_uppercase()))
            .count();
        (1..=capitalised).rev().find_map(|n| {
            let mut phrase = words[..n].join(" ");
            let ends = phrase.ends_with(['.', ',', ';', ':', ')'])
                || words
                    .get(n)
                    .is_none_or(|next| !next.starts_with(|c: char| c.is_uppercase()));
            if !ends {
                return None;
            }
            // A trailing comma or full stop ends the phrase; "N.Y." keeps its inner stops.
            while phrase.ends_with([',', ';', ':', ')']) {
                phrase.pop();
            }
            let bare = phrase.trim_end_matches('.').replace(' ', "");
            let state = STATE_ABBREVIATIONS
                .iter()
                .find(|(abbr, _)| n <= 2 && bare.len() < phrase.len() && *abbr == bare)
                .map(|(_, state)| *state);
            let abbreviated = state.is_some();
            let name = state.unwrap_or(phrase.as_str());
            // A state abbreviation names a region ("Ga." is not the country Georgia).
            let readings: Vec<Target> = self
                .candidates(&normalize(name))
                .into_iter()
                .map(|(e, _)| e.target)
                .filter(|t| match t {
                    Target::Region(_) => true,
                    Target::Country(_) => !abbreviated,
                    _ => false,
                })
                .collect();
            (!readings.is_empty()).then_some(Location {
                readings,
                abbreviated,
            })
        })
    }

    /// A name's readings at `location`, and the region or country that holds them (the first
    /// of the location's readings that holds any), or `None` when the location is to be
    /// ignored: a list rather than a location ("Mexico, Philippines", "Minn, N.D., S.D."), or
    /// a full name that holds none of the name's readings. After a state's abbreviation the
    /// readings may be none: the name is not in the gazetteer there.
    fn located(&self, location: &Location, cands: &[(Entry, f64)]) -> Option<Located> {
        let within = |t: Target| -> Vec<(Entry, f64)> {
            cands
                .iter()
                .filter(|(e, _)| self.lies_in(e.target, t))
                .copied()
                .collect()
        };
        let (within, kept) = location
            .readings
            .iter()
            .map(|&t| (t, within(t)))
            .find(|(_, kept)| !kept.is_empty())
            .unwrap_or((location.readings[0], Vec::new()));
        let strict = location.abbreviated;
        if !strict
            && cands
                .iter()
                .any(|(e, _)| matches!(e.target, Target::Country(_)))
        {
            return None; // "Mexico, Philippines, Indonesia"
        }
        // Regions of one country in a row are a list ("Minn, N.D., S.D."); Spain's Andalusia
        // is not in Alabama, but "Andalusia, Ala." is.
        let country = self.country_of(within);
        if !cands.is_empty()
            && cands
                .iter()
                .all(|(e, _)| !matches!(e.target, Target::City(_)))
            && cands
                .iter()
                .any(|(e, _)| self.country_of(e.target) == country)
        {
            return None;
        }
        (strict || !kept.is_empty()).then_some((within, kept))
    }

    /// Whether `t` lies in the region or country `within` (and is not `within` itself).
    fn lies_in(&self, t: Target, within: Target) -> bool {
        t != within
            && match within {
                Target::Region(r) => self.region_of(t) == Some(r),
                Target::Country(c) => self.country_of(t) == Some(c),
                _ => false,
            }
    }

    /// The reading of an unambiguous name, to be used as evidence for the others: all
    /// candidates lie in one country, or the best leads the rest by [`ANCHOR_MARGIN`].
    fn anchor(&self, candidates: &[(Entry, f64)]) -> Option<Target> {
        let (top, top_score) = candidates.first()?;
        let country = self.country_of(top.target);
        let rival = candidates
            .iter()
            .skip(1)
            .find(|(e, _)| self.country_of(e.target) != country || country.is_none());
        match rival {
            None => Some(top.target),
            Some((_, s)) if top_score - s >= ANCHOR_MARGIN => Some(top.target),
            Some(_) => None,
        }
    }

    /// The candidates left when some are overshadowed (see [`Gazetteer::overshadowed`]) and
    /// their region is not named in the article, `None` when none is. Cities that have the
    /// name only as an alternate name that is not a spelling of theirs go too: they are no
    /// likelier than the towns left out (Dayton, Ohio for "Venice"; Independence, Missouri
    /// for "Bristol").
    fn unshadowed(
        &self,
        key: &str,
        candidates: &[(Entry, f64)],
        ev: &Evidence,
    ) -> Option<Vec<(Entry, f64)>> {
        let named_region = |t: Target| self.region_of(t).is_some_and(|r| ev.regions.contains(&r));
        // A region and its city of one name that give way to a far better known city abroad
        // (Saint-Louis, Senegal, before St. Louis, Missouri) stand when the article names
        // their country too.
        let named_country = |e: &Entry| {
            self.country_of(e.target)
                .is_some_and(|c| ev.countries.contains(&c))
        };
        let dropped: Vec<bool> = candidates
            .iter()
            .map(|(e, _)| {
                !named_region(e.target)
                    && (self.overshadowed(key, e, candidates)
                        || (self.gives_way_with_its_region(e, candidates) && !named_country(e)))
            })
            .collect();
        if !dropped.contains(&true) {
            return None;
        }
        let borrowed = |e: &Entry| match e.target {
            Target::City(c) => {
                !e.primary
                    && !spelling_of(key, &key::normalize(&self.cities[c as usize].name))
                    && !named_region(e.target)
            }
            _ => false,
        };
        Some(
            candidates
                .iter()
                .zip(&dropped)
                .filter(|((e, _), &dropped)| !dropped && !borrowed(e))
                .map(|(c, _)| *c)
                .collect(),
        )
    }

    /// Whether `e` reads the name `key` as a city that has a far better known namesake in
    /// another country among `candidates` (see [`OVERSHADOW_NAMES`]), bigger than it or with
    /// the name as its own (Dayton, Ohio has "Venice" among its alternate names). The
    /// namesake bears the name, or a spelling of its own name ("Geneva" for Genève), not a
    /// former or biblical name ("San Miguel" for San Diego, "Salem" for Jerusalem). A town
    /// that is no seat is also overshadowed by a province or state of its name abroad with
    /// [`REGION_OVER_TOWN`] times its people (Ontario, California, by Ontario).
    fn overshadowed(&self, key: &str, e: &Entry, candidates: &[(Entry, f64)]) -> bool {
        let Target::City(i) = e.target else {
            return false;
        };
        let city = &self.cities[i as usize];
        candidates.iter().any(|(other, _)| match other.target {
            Target::City(j) => {
                let rival = &self.cities[j as usize];
                rival.country != city.country
                    && (rival.population > city.population || !e.primary)
                    && (other.primary || spelling_of(key, &key::normalize(&rival.name)))
                    && rival.names >= OVERSHADOW_NAMES
                    && u32::from(rival.names) * 10
                        >= u32::from(city.names) * OVERSHADOW_RATIO_TENTHS
            }
            // A town named like a far bigger province or state abroad ("northwestern
            // Ontario" is not Ontario, California), unless it is a seat.
            Target::Region(r) => {
                let region = &self.regions[r as usize];
                other.primary
                    && e.primary
                    && city.seat == Seat::Other
                    && region.country != city.country
                    && region.population >= city.population.saturating_mul(REGION_OVER_TOWN)
            }
            _ => false,
        })
    }

    /// Whether `e` is a region named like a city of its own among `candidates`, and like a
    /// far better known city abroad (at least [`OVERSHADOW_NAMES`] names, and at least half
    /// the region's people), or that region's city before such a rival that is bigger and has
    /// more names than it: "St. Louis" is not Senegal's region of Saint-Louis, nor its city
    /// (32 names against St. Louis, Missouri's 51). A national capital is well known wherever
    /// it is (San José, Costa Rica); a province with no city of its name stays (Munster
    /// against Münster).
    fn gives_way_with_its_region(&self, e: &Entry, candidates: &[(Entry, f64)]) -> bool {
        // The foreign cities of the name that a region `r` gives way to.
        let rivals_of = |r: u32| {
            let region = &self.regions[r as usize];
            let has_its_city = candidates.iter().any(|(c, _)| {
                matches!(c.target, Target::City(k) if self.cities[k as usize].region == Some(r))
            });
            candidates
                .iter()
                .filter_map(move |(other, _)| match other.target {
                    Target::City(j) if has_its_city && other.primary && region.population > 0 => {
                        let rival = &self.cities[j as usize];
                        (rival.country != region.country
                            && rival.names >= OVERSHADOW_NAMES
                            && rival.population.saturating_mul(2) >= region.population)
                            .then_some(j)
                    }
                    _ => None,
                })
        };
        match e.target {
            Target::Region(r) => rivals_of(r).next().is_some(),
            Target::City(i) => {
                let city = &self.cities[i as usize];
                let Some(r) = city.region else {
                    return false;
                };
                city.seat != Seat::Capital
                    && candidates
                        .iter()
                        .any(|(c, _)| c.target == Target::Region(r))
                    && rivals_of(r).any(|j| {
                        let rival = &self.cities[j as usize];
                        rival.population > city.population && rival.names > city.names
                    })
            }
            _ => false,
        }
    }

    /// The best candidate given the article's evidence.
    fn best(&self, candidates: &[(Entry, f64)], ev: &Evidence) -> Option<Target> {
        candidates
            .iter()
            .map(|(e, prior)| (e.target, prior + ev.bonus(self, e.target)))
            .fold(None, |best: Option<(Target, f64)>, (t, s)| match best {
                Some((_, bs)) if bs >= s => best,
                _ => Some((t, s)),
            })
            .map(|(t, _)| t)
    }

    /// The place an evidence string ("United States", "usa", "Texas", "French") stands for.
    fn evidence_target(&self, name: &str) -> Option<Target> {
        let trimmed = name.trim();
        if trimmed.len() == 2 && trimmed.chars().all(|c| c.is_ascii_uppercase()) {
            if let Some(&c) = self.country_by_code.get(trimmed) {
                return Some(Target::Country(c));
            }
        }
        let candidates = self.candidates(&normalize(name));
        let country = candidates
            .iter()
            .find(|(e, _)| matches!(e.target, Target::Country(_)));
        if let Some((e, _)) = country.or(candidates.first()) {
            return Some(e.target);
        }
        let country = self.demonyms.get(&normalize(name))?;
        Some(Target::Country(*country))
    }

    fn country_of(&self, t: Target) -> Option<u16> {
        match t {
            Target::Continent(_) => None,
            Target::Country(i) => Some(i),
            Target::Region(i) => Some(self.regions[i as usize].country),
            Target::City(i) => Some(self.cities[i as usize].country),
        }
    }

    fn region_of(&self, t: Target) -> Option<u32> {
        match t {
            Target::Region(i) => Some(i),
            Target::City(i) => self.cities[i as usize].region,
            _ => None,
        }
    }

    fn continent_of(&self, t: Target) -> Option<u8> {
        match t {
            Target::Continent(i) => Some(i),
            t => self
                .country_of(t)
                .and_then(|c| self.countries[c as usize].continent),
        }
    }

    fn population(&self, t: Target) -> u64 {
        match t {
            Target::Continent(_) => 0,
            Target::Country(i) => self.countries[i as usize].population,
            Target::Region(i) => self.regions[i as usize].population,
            Target::City(i) => self.cities[i as usize].population,
        }
    }

    /// Builds the public description of a place, every known level filled in.
    fn info(&self, t: Target) -> PlaceInfo {
        let continent = self
            .continent_of(t)
            .map(|c| self.continents[c as usize].clone());
        let country = self.country_of(t).map(|c| &self.countries[c as usize]);
        let region = self
            .region_of(t)
            .map(|r| self.regions[r as usize].name.clone());
        let (name, kind, city) = match t {
            Target::Continent(i) => (
                self.continents[i as usize].clone(),
                PlaceKind::Continent,
                None,
            ),
            Target::Country(i) => (
                self.countries[i as usize].name.clone(),
                PlaceKind::Country,
                None,
            ),
            Target::Region(i) => (
                self.regions[i as usize].name.clone(),
                PlaceKind::Region,
                None,
            ),
            Target::City(i) => {
                let name = self.cities[i as usize].name.clone();
                (name.clone(), PlaceKind::City, Some(name))
            }
        };
        PlaceInfo {
            name,
            kind,
            continent,
            country: country.map(|c| c.name.clone()),
            country_code: country.map(|c| c.code.clone()),
            region,
            city,
            population: self.population(t),
        }
    }
}

/// Tie-break order of kinds: bigger units first.
fn rank(t: Target) -> u8 {
    match t {
        Target::Continent(_) => 0,
        Target::Country(_) => 1,
        Target::Region(_) => 2,
        Target::City(_) => 3,
    }
}

/// A name's readings within the region or country that locates it, and that place (see
/// [`Gazetteer::resolve`]).
type Located = (Target, Vec<(Entry, f64)>);

/// Where the text right after a place name says the place is ("…, Mass.", "…, Georgia"):
/// the region and country readings of the phrase, best first ("Georgia" is the country and
/// the US state), and whether it was a state's abbreviation (`STATE_ABBREVIATIONS`).
#[derive(Debug, Clone)]
pub struct Location {
    readings: Vec<Target>,
    abbreviated: bool,
}

impl Location {
    /// Whether the location was written as a state's abbreviation ("Tenn.", "N.M.").
    pub fn is_abbreviated(&self) -> bool {
        self.abbreviated
    }

    /// Whether a name the gazetteer lacks is still a place when so located: after a state's
    /// abbreviation, which only a location follows ("Dayton, Tenn."), or a region ("Hemlo,
    /// Ontario"); not after a country, often the next item of a list ("Zorbtown, France and
    /// Spain").
    pub fn keeps_unknown(&self) -> bool {
        self.abbreviated || matches!(self.readings.first(), Some(Target::Region(_)))
    }
}

/// What an article is otherwise about: countries, regions and continents.
/// Each list holds a value once; an article names a handful, so a list beats a hash set
/// (the evidence is copied for every place of the article).
#[derive(Debug, Clone, Default)]
struct Evidence {
    countries: Vec<u16>,
    regions: Vec<u32>,
    continents: Vec<u8>,
}

impl Evidence {
    fn add(&mut self, g: &Gazetteer, t: Target) {
        fn insert<T: PartialEq>(set: &mut Vec<T>, x: T) {
            if !set.contains(&x) {
                set.push(x);
            }
        }
        if let Some(c) = g.country_of(t) {
            insert(&mut self.countries, c);
        }
        if let Some(r) = g.region_of(t) {
            insert(&mut self.regions, r);
        }
        if let Some(c) = g.continent_of(t) {
            insert(&mut self.continents, c);
        }
    }

    fn bonus(&self, g: &Gazetteer, t: Target) -> f64 {
        let mut bonus = 0.0;
        if g.country_of(t).is_some_and(|c| self.countries.contains(&c)) {
            bonus += SAME_COUNTRY;
        }
        if g.region_of(t).is_some_and(|r| self.regions.contains(&r)) {
            bonus += SAME_REGION;
        }
        if g.continent_of(t)
            .is_some_and(|c| self.continents.contains(&c))
        {
            bonus += SAME_CONTINENT;
        }
        bonus
    }
}

/// Whether two place keys share at least a third of their letter pairs (Dice's coefficient
/// on bigrams): "saragossa" and "zaragoza" do (0.53), "oporto" and "porto" do, "google" and
/// "topeka" share none.
fn looks_alike(a: &str, b: &str) -> bool {
    let pairs = |s: &str| -> Vec<(char, char)> {
        let chars: Vec<char> = s.chars().filter(|c| c.is_alphanumeric()).collect();
        chars.windows(2).map(|w| (w[0], w[1])).collect()
    };
    let (pa, mut pb) = (pairs(a), pairs(b));
    let total = pa.len() + pb.len();
    let mut shared = 0;
    for p in &pa {
        if let Some(i) = pb.iter().position(|q| q == p) {
            pb.swap_remove(i);
            shared += 1;
        }
    }
    total > 0 && shared * 2 * 3 >= total
}

/// Whether the place key `alt` reads as a spelling of the name `name`: it begins with the
/// same two letters and [`looks_alike`] it ("geneva" and "geneve", "clermont" and
/// "clermont ferrand"; not "salem" and "jerusalem").
fn spelling_of(alt: &str, name: &str) -> bool {
    alt.chars().take(2).eq(name.chars().take(2)) && looks_alike(alt, name)
}

/// Resolves every mention of one article together, in order: ambiguous names pick the
/// most likely candidate using population, the countries, regions and continents of the
/// article's other (unambiguous) places, the dateline place, and the countries in
/// `evidence_countries` (names, codes or Reuters tags such as "usa", e.g. the countries
/// named by demonyms). Unresolvable names give `None`.
pub fn resolve_places(
    mentions: &[&str],
    dateline_place: Option<&str>,
    evidence_countries: &[&str],
) -> Vec<Option<PlaceInfo>> {
    Gazetteer::global().resolve(mentions, &[], dateline_place, evidence_countries)
}

/// [`resolve_places`], with the location the text gives each mention (`locations`, parallel
/// to `mentions`, from [`Gazetteer::location_after`]; `None` where there is none): a name
/// followed by a comma and its region or country ("Cambridge, Mass.", "London, Ontario")
/// resolves within it when it can.
pub fn resolve_places_qualified(
    mentions: &[&str],
    locations: &[Option<Location>],
    dateline_place: Option<&str>,
    evidence_countries: &[&str],
) -> Vec<Option<PlaceInfo>> {
    Gazetteer::global().resolve(mentions, locations, dateline_place, evidence_countries)
}
