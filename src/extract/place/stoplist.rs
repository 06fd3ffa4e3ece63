//! Words that name some town but are far more often something else in news text.
//!
//! Curated by hand from candidates found with the shared news data (the data itself is
//! not used at run time): single-word GeoNames city and region names that are
//! (a) frequent in the lower-case text of Reuters-21578 and BBC News (common English
//! words: "split", "police", "march"), or (b) tagged as a person, or written in lower
//! case, more often than tagged as a place in CoNLL-2003 and OntoNotes ("Gary",
//! "Florence", "Lincoln"), plus generic geographic words left over from region names
//! ("Central", "Northern", "Capital"), and US state abbreviations that are words ("Ill",
//! "Ark"). A name in this list counts as a place for
//! [`super::Gazetteer::is_place_name`] only when one of its readings is a continent, a
//! country, or a city of at least [`BIG_PLACE_POPULATION`] inhabitants by its main name.

/// Population from which a stoplisted name is still taken as a place.
pub const BIG_PLACE_POPULATION: u64 = 1_000_000;

/// Normalised keys (see [`super::key::normalize`]), sorted for binary search.
#[rustfmt::skip]
const STOPLIST: &[&str] = &[
    "abu", "acre", "adam", "addison", "adler", "adrian", "aga", "akashi", "aki", "ali", "alice",
    "allen", "alliance", "aloha", "along", "alot", "alvin", "amber", "ames", "ami", "anderson",
    "andreas", "ann", "anna", "anthem", "april", "ariel", "ark", "arnold", "atherton", "august",
    "aurora", "baldwin", "banda", "bank", "banning", "bar", "barking", "barry", "bartlett",
    "bath", "batman", "bay", "bear", "begun", "bell", "bend", "best", "billings", "boardman",
    "bono", "boom", "borne", "bow", "bra", "brad", "bradley", "brent", "brick", "bridge",
    "bright", "brody", "bryan", "bryant", "buckley", "burhanuddin", "burke", "burton", "bury",
    "bush", "butterfly", "buy", "cairns", "campana", "campbell", "can", "capital", "carey",
    "carmen", "carson", "cash", "castilla", "castro", "cela", "centennial", "center", "central",
    "centrale", "centre", "cesar", "champlin", "chandler", "charlotte", "chase", "chelsea",
    "chin", "city", "clay", "clayton", "clinton", "coast", "cocoa", "colo", "colon", "columbia",
    "commerce", "conn", "conway", "corcoran", "cork", "cranston", "crawley", "crystal", "dali",
    "dalton", "darwin", "date", "davenport", "david", "davis", "deal", "defiance", "delta",
    "derby", "diana", "dig", "dinar", "dixon", "dole", "dome", "donghai", "donna", "douglas",
    "dour", "downey", "downtown", "draper", "duncan", "eagan", "eagle", "east", "eastern",
    "edison", "edmond", "elizabeth", "ely", "enterprise", "erode", "espinosa", "eugene",
    "evans", "everett", "faith", "farah", "federal", "ferguson", "field", "findlay", "fleet",
    "florence", "foley", "ford", "forest", "fountain", "franklin", "frederick", "free", "fuji",
    "fukuyama", "futian", "gao", "gap", "garcia", "gardner", "garfield", "garner", "gary",
    "gay", "george", "gil", "gilbert", "goes", "gold", "golden", "goodyear", "grace", "graham",
    "grapevine", "greater", "green", "greenfield", "greer", "greve", "groves", "gulf", "guofu",
    "hale", "hammond", "hang", "harper", "harrison", "harvey", "hashimoto", "hassan",
    "hastings", "hatfield", "hayes", "hazel", "helena", "henderson", "herve", "hill", "hit",
    "hitachi", "ho", "holiday", "holt", "honda", "hook", "hoover", "hope", "horn", "howard",
    "hucheng", "humble", "hun", "hurricane", "hyde", "iida", "ill", "imperial", "ina",
    "independence", "industry", "iris", "irving", "islands", "ivy", "jackson", "jade", "jam",
    "jianchang", "joy", "june", "justice", "kadoorie", "kai", "katy", "keller", "kent", "kim",
    "konan", "kong", "kuna", "lai", "lakes", "lanka", "lawrence", "lawton", "leander", "leigh",
    "lend", "lens", "lentini", "leo", "leon", "leslie", "liang", "liberal", "liberty", "lily",
    "lincoln", "linda", "lindsay", "lira", "logan", "lopez", "lower", "lyman", "lynn",
    "machado", "madison", "magdalena", "magna", "male", "man", "manage", "mandela", "mantilla",
    "mao", "march", "marco", "mariano", "marion", "maritime", "marks", "marshall", "martin",
    "martinez", "mary", "mason", "may", "mcdonough", "mckinney", "mena", "mentor", "mercedes",
    "mesa", "metro", "michael", "middle", "midway", "mile", "milton", "mine", "minna",
    "mission", "mitchell", "mobile", "monroe", "mont", "montagu", "montgomery", "moore",
    "moreno", "mori", "morton", "moss", "most", "mountain", "much", "murphy", "murray",
    "nakamura", "nancy", "natal", "negara", "nelson", "nice", "nigel", "nikko", "nogales",
    "nord", "normal", "norman", "north", "northeast", "northeastern", "northern", "northwest",
    "norton", "ocean", "of", "officer", "oliveira", "olympic", "omran", "opportunity", "oral",
    "orange", "orchards", "orion", "pace", "paine", "palmer", "palo", "para", "paradise",
    "paramount", "pare", "park", "parker", "parole", "paterson", "patrick", "patterson", "paul",
    "peabody", "peace", "pearl", "peer", "pen", "penn", "perez", "perry", "pinto", "plantation",
    "plateau", "plum", "plunge", "police", "pool", "pop", "port", "prescott", "preston",
    "price", "prichard", "progress", "prosper", "punch", "ramon", "ramos", "reading", "redford",
    "redmond", "regina", "republic", "reservoir", "retreat", "rich", "richardson", "river",
    "rivers", "riverside", "robertson", "rock", "rodriguez", "rogers", "roman", "ron",
    "roosevelt", "rosales", "rose", "rosenberg", "roth", "roy", "ruby", "rugby", "rye",
    "sachin", "saga", "saito", "sake", "sala", "sale", "salinas", "salo", "salou", "salt",
    "same", "san", "sandy", "sanford", "santana", "santos", "savage", "say", "se", "sedan",
    "semi", "shaping", "shaw", "sherman", "shoreline", "shu", "silver", "simmering", "solana",
    "soriano", "sosa", "south", "southeastern", "southern", "sparks", "split", "spring",
    "stanley", "stanton", "state", "sterling", "stone", "store", "stuart", "sud", "sue",
    "sulphur", "summit", "sunset", "superior", "sur", "surprise", "sutton", "taft", "takahashi",
    "tamura", "tank", "taylor", "temple", "teresa", "tex", "thal", "than", "thomson", "time",
    "tire", "tours", "toyota", "tracy", "trinity", "troy", "tucker", "turbo", "tyler", "un",
    "union", "unity", "university", "upland", "upper", "valle", "valley", "van", "vaughan",
    "vic", "victory", "vincent", "vista", "vulcan", "wa", "wakefield", "wako", "waldorf",
    "walker", "warburg", "warren", "wayne", "wedding", "wei", "weir", "west", "western",
    "weston", "wheeling", "whitney", "wil", "wilson", "windsor", "wood", "woodbridge",
    "woodland", "worms", "wright", "ye", "yongjian", "yoshikawa", "youhao", "young", "zou",
];

/// Directions and landforms that GeoNames has as the whole name of some region or town
/// ("West" and "North" are regions of Cameroon, "Gulf" a province of Papua New Guinea,
/// "Northeast" a region of Iceland) but that news text uses for "the West", "the Gulf",
/// "North and South": even when the tagger marks one as a place, it resolves only to a
/// continent, a country or a big city. Sorted.
const GENERIC: &[&str] = &[
    "capital",
    "center",
    "central",
    "centre",
    "coast",
    "east",
    "eastern",
    "gulf",
    "midwest",
    "north",
    "northeast",
    "northern",
    "northwest",
    "south",
    "southeast",
    "southern",
    "southwest",
    "west",
    "western",
];

/// True when the normalised key is a direction or landform word, or made of them only
/// ("west coast", a region of New Zealand, is the US West Coast in Reuters; "north west", a
/// province of South Africa, England's North West in BBC news) (see [`GENERIC`]).
pub fn is_generic(key: &str) -> bool {
    !key.is_empty()
        && key
            .split(' ')
            .all(|word| GENERIC.binary_search(&word).is_ok())
}

/// True when the normalised key is on the stoplist.
pub fn is_stopword(key: &str) -> bool {
    STOPLIST.binary_search(&key).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stoplist_is_sorted_and_normalised() {
        for pair in STOPLIST.windows(2) {
            assert!(pair[0] < pair[1], "{} before {}", pair[0], pair[1]);
        }
        for w in STOPLIST {
            assert_eq!(super::super::key::normalize(w), *w);
        }
        assert!(is_stopword("split"));
        for pair in GENERIC.windows(2) {
            assert!(pair[0] < pair[1], "{} before {}", pair[0], pair[1]);
        }
        assert!(is_generic("gulf") && !is_generic("split"));
        assert!(is_generic("west coast") && is_generic("north west"));
        assert!(is_generic("northeast") && is_generic("southwest"));
        assert!(!is_generic("west bank") && !is_generic("gold coast") && !is_generic(""));
        assert!(!is_stopword("paris"));
    }
}
