//! The scanner and the word lexicon of the money grammar.
//!
//! The scanner splits text into numbers, words and single symbols, remembering whether
//! whitespace came before each token, so that the grammar can tell `90bn` (attached)
//! from `90 bn` and `US$` from `US $`.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::OnceLock;

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// ASCII digits with inner `,` or `.` between digits (`1,234.5`).
    Num,
    /// Letters, possibly with inner periods of abbreviations (`U.S.`).
    Word,
    /// Any other single character.
    Sym,
}

/// A token with byte offsets into the scanned text.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// Whitespace (or the start of text) precedes the token.
    pub gap: bool,
}

/// Scans `text` into `out` (which is cleared first).
pub(crate) fn scan(text: &str, out: &mut Vec<Tok>) {
    out.clear();
    // About one token per five bytes of news text: reserved once instead of grown.
    out.reserve(text.len() / 5 + 4);
    let b = text.as_bytes();
    let n = b.len();
    let mut i = 0;
    let mut gap = true;
    while i < n {
        let c = b[i];
        if c.is_ascii_whitespace() {
            gap = true;
            i += 1;
            continue;
        }
        let start = i;
        let kind;
        if c.is_ascii_digit() {
            i += 1;
            loop {
                while i < n && b[i].is_ascii_digit() {
                    i += 1;
                }
                if i + 1 < n && (b[i] == b',' || b[i] == b'.') && b[i + 1].is_ascii_digit() {
                    i += 2;
                    continue;
                }
                break;
            }
            kind = Kind::Num;
        } else if c.is_ascii_alphabetic() {
            let mut seg = i;
            i += 1;
            loop {
                while i < n && b[i].is_ascii_alphabetic() {
                    i += 1;
                }
                // Abbreviations: short segments joined by periods (U.S., N.Z.).
                if i + 1 < n && b[i] == b'.' && b[i + 1].is_ascii_alphabetic() && i - seg <= 2 {
                    i += 1;
                    seg = i;
                    continue;
                }
                break;
            }
            if i < n && b[i] == b'.' && text[start..i].contains('.') {
                i += 1;
            }
            kind = Kind::Word;
        } else if c < 0x80 {
            i += 1;
            kind = Kind::Sym;
        } else {
            let ch = text[i..].chars().next().unwrap_or(' ');
            if ch.is_whitespace() {
                gap = true;
                i += ch.len_utf8();
                continue;
            }
            if ch.is_alphabetic() {
                i += ch.len_utf8();
                while i < n {
                    let d = match text[i..].chars().next() {
                        Some(d) => d,
                        None => break,
                    };
                    if !d.is_alphabetic() {
                        break;
                    }
                    i += d.len_utf8();
                }
                kind = Kind::Word;
            } else {
                i += ch.len_utf8();
                kind = Kind::Sym;
            }
        }
        out.push(Tok {
            start,
            end: i,
            kind,
            gap,
        });
        gap = false;
    }
}

/// A family of currency words; the code depends on the country adjective and context.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Family {
    Dollar,
    Cent,
    Euro,
    Pound,
    Pence,
    Sterling,
    Yen,
    Yuan,
    Franc,
    Mark,
    Pfennig,
    Markka,
    Lira,
    Guilder,
    Peseta,
    Escudo,
    Schilling,
    Drachma,
    Punt,
    Krona,
    Krone,
    Crown,
    Rupee,
    Rupiah,
    Ringgit,
    Baht,
    Peso,
    Rand,
    Naira,
    Shekel,
    Rouble,
    Hryvnia,
    Won,
    Zloty,
    Forint,
    Dinar,
    Riyal,
    Dirham,
    Real,
    Cruzado,
    Austral,
    Ecu,
    Sdr,
}

/// Country adjectives that pick a currency from a family.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Country {
    Us,
    Canada,
    Australia,
    NewZealand,
    HongKong,
    Singapore,
    Taiwan,
    Swiss,
    France,
    Belgium,
    Luxembourg,
    Germany,
    Italy,
    Netherlands,
    Spain,
    Portugal,
    Austria,
    Denmark,
    Norway,
    Sweden,
    Finland,
    Ireland,
    Turkey,
    Mexico,
    Philippines,
    Argentina,
    Chile,
    Colombia,
    Brazil,
    India,
    Pakistan,
    SriLanka,
    SouthAfrica,
    Egypt,
    Cyprus,
    Saudi,
    Kuwait,
    Iraq,
    Jordan,
    Bahrain,
    Qatar,
    Oman,
    Morocco,
    Emirates,
    Japan,
    China,
    Malaysia,
    Indonesia,
    Jamaica,
    Russia,
    Ukraine,
    Korea,
    Israel,
    Greece,
    Cfa,
    Britain,
    Iceland,
    Czech,
    Poland,
    Hungary,
    Yugoslavia,
    Zimbabwe,
    Barbados,
}

/// What a word means to the grammar.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Lex {
    /// Not a lexicon word.
    Other,
    /// one … ninety.
    NumWord(f64),
    /// hundred, thousand, million, mln, bn, … (`attached`: only right after a number, `5m`).
    Scale { mult: f64, attached: bool },
    /// hundreds, thousands, millions, billions, tens: vague plurals.
    PluralScale(f64),
    /// multimillion, multibillion.
    Multi(f64),
    /// A currency word; `singular` for "dollar", "pound", "mark".
    Cur { fam: Family, singular: bool },
    /// A country adjective (or the second word of a two-word one).
    Adj(Country),
    /// The first word of a two-word country adjective ("Hong" Kong, "South" African).
    AdjHead,
    /// A, an.
    Article,
    /// And.
    And,
    /// To.
    To,
    /// Between.
    Between,
    /// Point (seven point one).
    Point,
    /// Half.
    Half,
    /// Of.
    Of,
    /// Per.
    Per,
    /// Several, few.
    Several,
    /// From.
    From,
    /// Words that announce a change, not a range ("rose $5 to $7").
    ChangeVerb,
    /// Nouns of change before "of" ("a gain of 5 cts to 95 cts").
    ChangeNoun,
}

/// The lexicon: lower-case word and what it means.
const LEXICON: &[(&str, Lex)] = {
    use Family as F;
    use Lex::*;
    &[
        ("one", NumWord(1.0)),
        ("two", NumWord(2.0)),
        ("three", NumWord(3.0)),
        ("four", NumWord(4.0)),
        ("five", NumWord(5.0)),
        ("six", NumWord(6.0)),
        ("seven", NumWord(7.0)),
        ("eight", NumWord(8.0)),
        ("nine", NumWord(9.0)),
        ("ten", NumWord(10.0)),
        ("eleven", NumWord(11.0)),
        ("twelve", NumWord(12.0)),
        ("thirteen", NumWord(13.0)),
        ("fourteen", NumWord(14.0)),
        ("fifteen", NumWord(15.0)),
        ("sixteen", NumWord(16.0)),
        ("seventeen", NumWord(17.0)),
        ("eighteen", NumWord(18.0)),
        ("nineteen", NumWord(19.0)),
        ("twenty", NumWord(20.0)),
        ("thirty", NumWord(30.0)),
        ("forty", NumWord(40.0)),
        ("fifty", NumWord(50.0)),
        ("sixty", NumWord(60.0)),
        ("seventy", NumWord(70.0)),
        ("eighty", NumWord(80.0)),
        ("ninety", NumWord(90.0)),
        (
            "hundred",
            Scale {
                mult: 1e2,
                attached: false,
            },
        ),
        (
            "thousand",
            Scale {
                mult: 1e3,
                attached: false,
            },
        ),
        (
            "k",
            Scale {
                mult: 1e3,
                attached: true,
            },
        ),
        (
            "million",
            Scale {
                mult: 1e6,
                attached: false,
            },
        ),
        (
            "mln",
            Scale {
                mult: 1e6,
                attached: false,
            },
        ),
        (
            "mn",
            Scale {
                mult: 1e6,
                attached: false,
            },
        ),
        (
            "mio",
            Scale {
                mult: 1e6,
                attached: false,
            },
        ),
        (
            "mil",
            Scale {
                mult: 1e6,
                attached: false,
            },
        ),
        (
            "m",
            Scale {
                mult: 1e6,
                attached: true,
            },
        ),
        (
            "billion",
            Scale {
                mult: 1e9,
                attached: false,
            },
        ),
        (
            "bln",
            Scale {
                mult: 1e9,
                attached: false,
            },
        ),
        (
            "bn",
            Scale {
                mult: 1e9,
                attached: false,
            },
        ),
        (
            "bil",
            Scale {
                mult: 1e9,
                attached: false,
            },
        ),
        (
            "b",
            Scale {
                mult: 1e9,
                attached: true,
            },
        ),
        (
            "trillion",
            Scale {
                mult: 1e12,
                attached: false,
            },
        ),
        (
            "tn",
            Scale {
                mult: 1e12,
                attached: false,
            },
        ),
        (
            "trn",
            Scale {
                mult: 1e12,
                attached: false,
            },
        ),
        (
            "tln",
            Scale {
                mult: 1e12,
                attached: false,
            },
        ),
        (
            "crore",
            Scale {
                mult: 1e7,
                attached: false,
            },
        ),
        (
            "crores",
            Scale {
                mult: 1e7,
                attached: false,
            },
        ),
        (
            "cr",
            Scale {
                mult: 1e7,
                attached: false,
            },
        ),
        (
            "lakh",
            Scale {
                mult: 1e5,
                attached: false,
            },
        ),
        (
            "lakhs",
            Scale {
                mult: 1e5,
                attached: false,
            },
        ),
        (
            "lac",
            Scale {
                mult: 1e5,
                attached: false,
            },
        ),
        (
            "lacs",
            Scale {
                mult: 1e5,
                attached: false,
            },
        ),
        ("hundreds", PluralScale(1e2)),
        ("thousands", PluralScale(1e3)),
        ("millions", PluralScale(1e6)),
        ("billions", PluralScale(1e9)),
        ("trillions", PluralScale(1e12)),
        ("tens", PluralScale(1e1)),
        ("multimillion", Multi(1e6)),
        ("multibillion", Multi(1e9)),
        ("multitrillion", Multi(1e12)),
        (
            "dollars",
            Cur {
                fam: F::Dollar,
                singular: false,
            },
        ),
        (
            "dlrs",
            Cur {
                fam: F::Dollar,
                singular: false,
            },
        ),
        (
            "dlr",
            Cur {
                fam: F::Dollar,
                singular: false,
            },
        ),
        (
            "dols",
            Cur {
                fam: F::Dollar,
                singular: false,
            },
        ),
        (
            "bucks",
            Cur {
                fam: F::Dollar,
                singular: false,
            },
        ),
        (
            "dollar",
            Cur {
                fam: F::Dollar,
                singular: true,
            },
        ),
        (
            "cents",
            Cur {
                fam: F::Cent,
                singular: false,
            },
        ),
        (
            "cts",
            Cur {
                fam: F::Cent,
                singular: false,
            },
        ),
        (
            "cent",
            Cur {
                fam: F::Cent,
                singular: false,
            },
        ),
        (
            "ct",
            Cur {
                fam: F::Cent,
                singular: false,
            },
        ),
        (
            "c",
            Cur {
                fam: F::Cent,
                singular: false,
            },
        ),
        (
            "euros",
            Cur {
                fam: F::Euro,
                singular: false,
            },
        ),
        (
            "euro",
            Cur {
                fam: F::Euro,
                singular: false,
            },
        ),
        (
            "pounds",
            Cur {
                fam: F::Pound,
                singular: false,
            },
        ),
        (
            "quid",
            Cur {
                fam: F::Pound,
                singular: false,
            },
        ),
        (
            "pound",
            Cur {
                fam: F::Pound,
                singular: true,
            },
        ),
        (
            "pence",
            Cur {
                fam: F::Pence,
                singular: false,
            },
        ),
        (
            "penny",
            Cur {
                fam: F::Pence,
                singular: false,
            },
        ),
        (
            "p",
            Cur {
                fam: F::Pence,
                singular: false,
            },
        ),
        (
            "pennies",
            Cur {
                fam: F::Cent,
                singular: false,
            },
        ),
        (
            "sterling",
            Cur {
                fam: F::Sterling,
                singular: false,
            },
        ),
        (
            "stg",
            Cur {
                fam: F::Sterling,
                singular: false,
            },
        ),
        (
            "yen",
            Cur {
                fam: F::Yen,
                singular: false,
            },
        ),
        (
            "yuan",
            Cur {
                fam: F::Yuan,
                singular: false,
            },
        ),
        (
            "renminbi",
            Cur {
                fam: F::Yuan,
                singular: false,
            },
        ),
        (
            "rmb",
            Cur {
                fam: F::Yuan,
                singular: false,
            },
        ),
        (
            "francs",
            Cur {
                fam: F::Franc,
                singular: false,
            },
        ),
        (
            "franc",
            Cur {
                fam: F::Franc,
                singular: false,
            },
        ),
        (
            "marks",
            Cur {
                fam: F::Mark,
                singular: false,
            },
        ),
        (
            "deutschemarks",
            Cur {
                fam: F::Mark,
                singular: false,
            },
        ),
        (
            "deutschmarks",
            Cur {
                fam: F::Mark,
                singular: false,
            },
        ),
        (
            "mark",
            Cur {
                fam: F::Mark,
                singular: true,
            },
        ),
        (
            "markka",
            Cur {
                fam: F::Markka,
                singular: false,
            },
        ),
        (
            "markkaa",
            Cur {
                fam: F::Markka,
                singular: false,
            },
        ),
        (
            "pfennigs",
            Cur {
                fam: F::Pfennig,
                singular: false,
            },
        ),
        (
            "pfennig",
            Cur {
                fam: F::Pfennig,
                singular: false,
            },
        ),
        (
            "lire",
            Cur {
                fam: F::Lira,
                singular: false,
            },
        ),
        (
            "lira",
            Cur {
                fam: F::Lira,
                singular: false,
            },
        ),
        (
            "liras",
            Cur {
                fam: F::Lira,
                singular: false,
            },
        ),
        (
            "guilders",
            Cur {
                fam: F::Guilder,
                singular: false,
            },
        ),
        (
            "guilder",
            Cur {
                fam: F::Guilder,
                singular: false,
            },
        ),
        (
            "pesetas",
            Cur {
                fam: F::Peseta,
                singular: false,
            },
        ),
        (
            "peseta",
            Cur {
                fam: F::Peseta,
                singular: false,
            },
        ),
        (
            "escudos",
            Cur {
                fam: F::Escudo,
                singular: false,
            },
        ),
        (
            "escudo",
            Cur {
                fam: F::Escudo,
                singular: false,
            },
        ),
        (
            "schillings",
            Cur {
                fam: F::Schilling,
                singular: false,
            },
        ),
        (
            "schilling",
            Cur {
                fam: F::Schilling,
                singular: false,
            },
        ),
        (
            "drachmas",
            Cur {
                fam: F::Drachma,
                singular: false,
            },
        ),
        (
            "drachmae",
            Cur {
                fam: F::Drachma,
                singular: false,
            },
        ),
        (
            "drachma",
            Cur {
                fam: F::Drachma,
                singular: false,
            },
        ),
        (
            "punts",
            Cur {
                fam: F::Punt,
                singular: false,
            },
        ),
        (
            "punt",
            Cur {
                fam: F::Punt,
                singular: false,
            },
        ),
        (
            "kronor",
            Cur {
                fam: F::Krona,
                singular: false,
            },
        ),
        (
            "krona",
            Cur {
                fam: F::Krona,
                singular: false,
            },
        ),
        (
            "kroner",
            Cur {
                fam: F::Krone,
                singular: false,
            },
        ),
        (
            "krone",
            Cur {
                fam: F::Krone,
                singular: false,
            },
        ),
        (
            "crowns",
            Cur {
                fam: F::Crown,
                singular: false,
            },
        ),
        (
            "crown",
            Cur {
                fam: F::Crown,
                singular: true,
            },
        ),
        (
            "korunas",
            Cur {
                fam: F::Crown,
                singular: false,
            },
        ),
        (
            "koruna",
            Cur {
                fam: F::Crown,
                singular: false,
            },
        ),
        (
            "kronur",
            Cur {
                fam: F::Crown,
                singular: false,
            },
        ),
        (
            "rupees",
            Cur {
                fam: F::Rupee,
                singular: false,
            },
        ),
        (
            "rupee",
            Cur {
                fam: F::Rupee,
                singular: false,
            },
        ),
        (
            "rupiah",
            Cur {
                fam: F::Rupiah,
                singular: false,
            },
        ),
        (
            "rupiahs",
            Cur {
                fam: F::Rupiah,
                singular: false,
            },
        ),
        (
            "ringgit",
            Cur {
                fam: F::Ringgit,
                singular: false,
            },
        ),
        (
            "ringgits",
            Cur {
                fam: F::Ringgit,
                singular: false,
            },
        ),
        (
            "baht",
            Cur {
                fam: F::Baht,
                singular: false,
            },
        ),
        (
            "pesos",
            Cur {
                fam: F::Peso,
                singular: false,
            },
        ),
        (
            "peso",
            Cur {
                fam: F::Peso,
                singular: false,
            },
        ),
        (
            "rand",
            Cur {
                fam: F::Rand,
                singular: false,
            },
        ),
        (
            "naira",
            Cur {
                fam: F::Naira,
                singular: false,
            },
        ),
        (
            "shekels",
            Cur {
                fam: F::Shekel,
                singular: false,
            },
        ),
        (
            "shekel",
            Cur {
                fam: F::Shekel,
                singular: false,
            },
        ),
        (
            "shekalim",
            Cur {
                fam: F::Shekel,
                singular: false,
            },
        ),
        (
            "roubles",
            Cur {
                fam: F::Rouble,
                singular: false,
            },
        ),
        (
            "rubles",
            Cur {
                fam: F::Rouble,
                singular: false,
            },
        ),
        (
            "rouble",
            Cur {
                fam: F::Rouble,
                singular: false,
            },
        ),
        (
            "ruble",
            Cur {
                fam: F::Rouble,
                singular: false,
            },
        ),
        (
            "hryvnias",
            Cur {
                fam: F::Hryvnia,
                singular: false,
            },
        ),
        (
            "hryvnia",
            Cur {
                fam: F::Hryvnia,
                singular: false,
            },
        ),
        (
            "hryvnas",
            Cur {
                fam: F::Hryvnia,
                singular: false,
            },
        ),
        (
            "hryvna",
            Cur {
                fam: F::Hryvnia,
                singular: false,
            },
        ),
        (
            "hryvnya",
            Cur {
                fam: F::Hryvnia,
                singular: false,
            },
        ),
        (
            "hryvnyas",
            Cur {
                fam: F::Hryvnia,
                singular: false,
            },
        ),
        (
            "won",
            Cur {
                fam: F::Won,
                singular: false,
            },
        ),
        (
            "zlotys",
            Cur {
                fam: F::Zloty,
                singular: false,
            },
        ),
        (
            "zloty",
            Cur {
                fam: F::Zloty,
                singular: false,
            },
        ),
        (
            "zlotych",
            Cur {
                fam: F::Zloty,
                singular: false,
            },
        ),
        (
            "forints",
            Cur {
                fam: F::Forint,
                singular: false,
            },
        ),
        (
            "forint",
            Cur {
                fam: F::Forint,
                singular: false,
            },
        ),
        (
            "dinars",
            Cur {
                fam: F::Dinar,
                singular: false,
            },
        ),
        (
            "dinar",
            Cur {
                fam: F::Dinar,
                singular: false,
            },
        ),
        (
            "riyals",
            Cur {
                fam: F::Riyal,
                singular: false,
            },
        ),
        (
            "riyal",
            Cur {
                fam: F::Riyal,
                singular: false,
            },
        ),
        (
            "rials",
            Cur {
                fam: F::Riyal,
                singular: false,
            },
        ),
        (
            "rial",
            Cur {
                fam: F::Riyal,
                singular: false,
            },
        ),
        (
            "dirhams",
            Cur {
                fam: F::Dirham,
                singular: false,
            },
        ),
        (
            "dirham",
            Cur {
                fam: F::Dirham,
                singular: false,
            },
        ),
        (
            "reais",
            Cur {
                fam: F::Real,
                singular: false,
            },
        ),
        (
            "reals",
            Cur {
                fam: F::Real,
                singular: false,
            },
        ),
        (
            "cruzados",
            Cur {
                fam: F::Cruzado,
                singular: false,
            },
        ),
        (
            "cruzado",
            Cur {
                fam: F::Cruzado,
                singular: false,
            },
        ),
        (
            "cruzeiros",
            Cur {
                fam: F::Cruzado,
                singular: false,
            },
        ),
        (
            "cruzeiro",
            Cur {
                fam: F::Cruzado,
                singular: false,
            },
        ),
        (
            "australs",
            Cur {
                fam: F::Austral,
                singular: false,
            },
        ),
        (
            "australes",
            Cur {
                fam: F::Austral,
                singular: false,
            },
        ),
        (
            "austral",
            Cur {
                fam: F::Austral,
                singular: false,
            },
        ),
        (
            "ecus",
            Cur {
                fam: F::Ecu,
                singular: false,
            },
        ),
        (
            "ecu",
            Cur {
                fam: F::Ecu,
                singular: false,
            },
        ),
        (
            "sdrs",
            Cur {
                fam: F::Sdr,
                singular: false,
            },
        ),
        (
            "sdr",
            Cur {
                fam: F::Sdr,
                singular: false,
            },
        ),
        ("us", Adj(Country::Us)),
        ("u.s.", Adj(Country::Us)),
        ("american", Adj(Country::Us)),
        ("u.s", Adj(Country::Us)),
        ("canadian", Adj(Country::Canada)),
        ("can", Adj(Country::Canada)),
        ("australian", Adj(Country::Australia)),
        ("aust", Adj(Country::Australia)),
        ("aus", Adj(Country::Australia)),
        ("zealand", Adj(Country::NewZealand)),
        ("nz", Adj(Country::NewZealand)),
        ("n.z.", Adj(Country::NewZealand)),
        ("n.z", Adj(Country::NewZealand)),
        ("kong", Adj(Country::HongKong)),
        ("hk", Adj(Country::HongKong)),
        ("singapore", Adj(Country::Singapore)),
        ("taiwan", Adj(Country::Taiwan)),
        ("taiwanese", Adj(Country::Taiwan)),
        ("nt", Adj(Country::Taiwan)),
        ("swiss", Adj(Country::Swiss)),
        ("french", Adj(Country::France)),
        ("belgian", Adj(Country::Belgium)),
        ("luxembourg", Adj(Country::Luxembourg)),
        ("german", Adj(Country::Germany)),
        ("deutsche", Adj(Country::Germany)),
        ("italian", Adj(Country::Italy)),
        ("dutch", Adj(Country::Netherlands)),
        ("spanish", Adj(Country::Spain)),
        ("portuguese", Adj(Country::Portugal)),
        ("austrian", Adj(Country::Austria)),
        ("danish", Adj(Country::Denmark)),
        ("norwegian", Adj(Country::Norway)),
        ("swedish", Adj(Country::Sweden)),
        ("finnish", Adj(Country::Finland)),
        ("finland", Adj(Country::Finland)),
        ("irish", Adj(Country::Ireland)),
        ("turkish", Adj(Country::Turkey)),
        ("mexican", Adj(Country::Mexico)),
        ("philippine", Adj(Country::Philippines)),
        ("argentine", Adj(Country::Argentina)),
        ("argentinian", Adj(Country::Argentina)),
        ("chilean", Adj(Country::Chile)),
        ("colombian", Adj(Country::Colombia)),
        ("brazilian", Adj(Country::Brazil)),
        ("indian", Adj(Country::India)),
        ("pakistani", Adj(Country::Pakistan)),
        ("pakistan", Adj(Country::Pakistan)),
        ("lankan", Adj(Country::SriLanka)),
        ("african", Adj(Country::SouthAfrica)),
        ("egyptian", Adj(Country::Egypt)),
        ("cyprus", Adj(Country::Cyprus)),
        ("cypriot", Adj(Country::Cyprus)),
        ("saudi", Adj(Country::Saudi)),
        ("kuwaiti", Adj(Country::Kuwait)),
        ("iraqi", Adj(Country::Iraq)),
        ("jordanian", Adj(Country::Jordan)),
        ("bahraini", Adj(Country::Bahrain)),
        ("qatari", Adj(Country::Qatar)),
        ("omani", Adj(Country::Oman)),
        ("moroccan", Adj(Country::Morocco)),
        ("uae", Adj(Country::Emirates)),
        ("emirati", Adj(Country::Emirates)),
        ("japanese", Adj(Country::Japan)),
        ("chinese", Adj(Country::China)),
        ("malaysian", Adj(Country::Malaysia)),
        ("indonesian", Adj(Country::Indonesia)),
        ("jamaican", Adj(Country::Jamaica)),
        ("russian", Adj(Country::Russia)),
        ("soviet", Adj(Country::Russia)),
        ("ukrainian", Adj(Country::Ukraine)),
        ("korean", Adj(Country::Korea)),
        ("israeli", Adj(Country::Israel)),
        ("greek", Adj(Country::Greece)),
        ("cfa", Adj(Country::Cfa)),
        ("british", Adj(Country::Britain)),
        ("icelandic", Adj(Country::Iceland)),
        ("czech", Adj(Country::Czech)),
        ("polish", Adj(Country::Poland)),
        ("hungarian", Adj(Country::Hungary)),
        ("yugoslav", Adj(Country::Yugoslavia)),
        ("zimbabwe", Adj(Country::Zimbabwe)),
        ("zimbabwean", Adj(Country::Zimbabwe)),
        ("barbados", Adj(Country::Barbados)),
        ("hong", AdjHead),
        ("new", AdjHead),
        ("south", AdjHead),
        ("west", AdjHead),
        ("sri", AdjHead),
        ("north", AdjHead),
        ("gain", ChangeNoun),
        ("loss", ChangeNoun),
        ("increase", ChangeNoun),
        ("decrease", ChangeNoun),
        ("rise", ChangeNoun),
        ("fall", ChangeNoun),
        ("drop", ChangeNoun),
        ("decline", ChangeNoun),
        ("jump", ChangeNoun),
        ("advance", ChangeNoun),
        ("a", Article),
        ("an", Article),
        ("and", And),
        ("to", To),
        ("between", Between),
        ("point", Point),
        ("half", Half),
        ("of", Of),
        ("per", Per),
        ("several", Several),
        ("few", Several),
        ("from", From),
        ("up", { ChangeVerb }),
        ("down", { ChangeVerb }),
        ("rose", { ChangeVerb }),
        ("fell", { ChangeVerb }),
        ("increased", { ChangeVerb }),
        ("decreased", { ChangeVerb }),
        ("raised", { ChangeVerb }),
        ("cut", { ChangeVerb }),
        ("lowered", { ChangeVerb }),
        ("lifted", { ChangeVerb }),
        ("reduced", { ChangeVerb }),
        ("boosted", { ChangeVerb }),
        ("gained", { ChangeVerb }),
        ("lost", { ChangeVerb }),
        ("jumped", { ChangeVerb }),
        ("climbed", { ChangeVerb }),
        ("dropped", { ChangeVerb }),
        ("slipped", { ChangeVerb }),
        ("declined", { ChangeVerb }),
        ("eased", { ChangeVerb }),
        ("widened", { ChangeVerb }),
        ("narrowed", { ChangeVerb }),
        ("by", { ChangeVerb }),
        ("rising", { ChangeVerb }),
        ("falling", { ChangeVerb }),
        ("rises", { ChangeVerb }),
        ("falls", { ChangeVerb }),
        ("soared", { ChangeVerb }),
        ("plunged", { ChangeVerb }),
        ("shed", { ChangeVerb }),
        ("firmed", { ChangeVerb }),
        ("advanced", { ChangeVerb }),
        ("tumbled", { ChangeVerb }),
        ("slid", { ChangeVerb }),
        ("surged", { ChangeVerb }),
        ("sank", { ChangeVerb }),
        ("rallied", { ChangeVerb }),
        ("added", { ChangeVerb }),
        ("dipped", { ChangeVerb }),
        ("edged", { ChangeVerb }),
        ("gaining", { ChangeVerb }),
        ("losing", { ChangeVerb }),
        ("skidded", { ChangeVerb }),
        ("recovered", { ChangeVerb }),
        ("improved", { ChangeVerb }),
        ("weakened", { ChangeVerb }),
        ("strengthened", { ChangeVerb }),
        ("lowering", { ChangeVerb }),
        ("raising", { ChangeVerb }),
        ("cutting", { ChangeVerb }),
        ("trimmed", { ChangeVerb }),
    ]
};

/// Longest word in [`LEXICON`] (longer words are not looked up).
const MAX_WORD: usize = 16;

/// FNV-1a: short keys, no DoS concern (the keys are the fixed lexicon).
#[derive(Default)]
struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type FnvMap = HashMap<&'static [u8], Lex, BuildHasherDefault<Fnv>>;

/// Looks up a word in any case: lower-cases it on the stack first, if it passes the
/// lookup's filter (which reads only its length and the low five bits of its first and last
/// bytes, the same in either case of an ASCII letter): most words of a text are not
/// lower-cased.
pub(crate) fn lex_any_case(w: &str) -> Lex {
    let b = w.as_bytes();
    let lookup = Lookup::get();
    if !lookup.may_hold(b) {
        return Lex::Other;
    }
    let mut buf = [0u8; MAX_WORD];
    for (d, s) in buf.iter_mut().zip(b) {
        *d = s.to_ascii_lowercase();
    }
    lookup.get_word(&buf[..b.len()])
}

/// The lexicon as a map, with a filter in front of it: for each word length and first byte
/// (low five bits), a bit per last byte (low five bits) that some lexicon word has. Most
/// words of a text ("the", "said") fail the filter and are never hashed.
struct Lookup {
    map: FnvMap,
    filter: [[u32; 32]; MAX_WORD + 1],
}

impl Lookup {
    fn get() -> &'static Lookup {
        static LOOKUP: OnceLock<Lookup> = OnceLock::new();
        LOOKUP.get_or_init(|| {
            let mut filter = [[0u32; 32]; MAX_WORD + 1];
            for (word, _) in LEXICON {
                let b = word.as_bytes();
                if let (Some(&f), Some(&l), true) = (b.first(), b.last(), b.len() <= MAX_WORD) {
                    filter[b.len()][usize::from(f & 31)] |= 1 << (l & 31);
                }
            }
            Lookup {
                map: LEXICON.iter().map(|&(w, l)| (w.as_bytes(), l)).collect(),
                filter,
            }
        })
    }

    /// Whether a word of the lexicon may be `w`: `false` for an empty or too long word,
    /// and for most others.
    fn may_hold(&self, w: &[u8]) -> bool {
        let (Some(&first), Some(&last)) = (w.first(), w.last()) else {
            return false;
        };
        w.len() <= MAX_WORD
            && self.filter[w.len()][usize::from(first & 31)] & (1 << (last & 31)) != 0
    }

    /// The lexicon's entry for the lower-case word `w`.
    fn get_word(&self, w: &[u8]) -> Lex {
        self.map.get(w).copied().unwrap_or(Lex::Other)
    }
}

/// ISO 4217 codes (current and historical) accepted before or after a number when
/// written in capitals.
pub(crate) fn iso_code(w: &str) -> Option<&'static str> {
    if !(2..=3).contains(&w.len()) || !w.bytes().all(|b| b.is_ascii_uppercase()) {
        return None;
    }
    const CODES: &[&str] = &[
        "USD", "EUR", "GBP", "JPY", "CHF", "CAD", "AUD", "NZD", "HKD", "SGD", "CNY", "INR", "RUB",
        "UAH", "KRW", "TRY", "ILS", "SEK", "NOK", "DKK", "PLN", "CZK", "HUF", "ZAR", "BRL", "MXN",
        "TWD", "IDR", "MYR", "THB", "PHP", "SAR", "AED", "KWD", "QAR", "EGP", "NGN", "PKR", "ARS",
        "CLP", "COP", "RON", "BGN", "ISK", "XEU", "XDR", "DEM", "FRF", "ITL", "NLG", "BEF", "LUF",
        "ESP", "PTE", "ATS", "FIM", "IEP", "GRD", "TRL", "MXP",
    ];
    match w {
        "RMB" => Some("CNY"),
        "DM" => Some("DEM"),
        "SDR" => Some("XDR"),
        "ECU" => Some("XEU"),
        _ => CODES.iter().copied().find(|c| *c == w),
    }
}

/// Abbreviations written before a number (`Rs 500 crore`, `SFr 10m`), case as written.
pub(crate) fn prefix_abbrev(w: &str) -> Option<&'static str> {
    match w {
        "Rs" | "Rs." => Some("INR"),
        "Rmb" => Some("CNY"),
        "SFr" | "Sfr" | "SFR" => Some("CHF"),
        "FFr" | "FFR" => Some("FRF"),
        "BFr" | "BFR" => Some("BEF"),
        "Dfl" | "DFL" | "Dfls" => Some("NLG"),
        "Skr" | "SKr" => Some("SEK"),
        "Nkr" | "NKr" => Some("NOK"),
        "Dkr" | "DKr" => Some("DKK"),
        "Lit" => Some("ITL"),
        _ => None,
    }
}

/// The word directly before a `$` that names the dollar (`US$`, `C$`, `NT$`).
pub(crate) fn dollar_prefix(w: &str) -> Option<&'static str> {
    match w {
        "US" | "U.S." | "U.S" => Some("USD"),
        "C" | "Can" | "CA" | "CAN" => Some("CAD"),
        "A" | "Aus" | "AU" | "AUS" => Some("AUD"),
        "NZ" => Some("NZD"),
        "HK" => Some("HKD"),
        "S" | "SG" => Some("SGD"),
        "NT" => Some("TWD"),
        "R" => Some("BRL"),
        "Z" => Some("ZWD"),
        "M" => Some("MXN"),
        _ => None,
    }
}

/// A currency symbol.
pub(crate) fn symbol(s: &str) -> Option<&'static str> {
    match s {
        "$" => Some("$"),
        "€" => Some("EUR"),
        "£" => Some("GBP"),
        "¥" => Some("JPY"),
        "₹" => Some("INR"),
        "₽" => Some("RUB"),
        "₴" => Some("UAH"),
        "₩" => Some("KRW"),
        "₺" => Some("TRY"),
        "₪" => Some("ILS"),
        _ => None,
    }
}

/// The code for a currency word family, given a country adjective, the article's
/// dollar and its year.
pub(crate) fn resolve(
    fam: Family,
    country: Option<Country>,
    dollar: &str,
    year: Option<i32>,
) -> Option<(&'static str, f64)> {
    use Country as C;
    use Family as F;
    let before = |y: i32| year.is_some_and(|x| x < y);
    let code: &'static str = match fam {
        F::Dollar | F::Cent => {
            let code = match country {
                None => intern(dollar),
                Some(C::Us) => "USD",
                Some(C::Canada) => "CAD",
                Some(C::Australia) => "AUD",
                Some(C::NewZealand) => "NZD",
                Some(C::HongKong) => "HKD",
                Some(C::Singapore) => "SGD",
                Some(C::Taiwan) => "TWD",
                Some(C::Malaysia) => "MYR",
                Some(C::Jamaica) => "JMD",
                Some(C::Zimbabwe) => "ZWD",
                Some(C::Barbados) => "BBD",
                Some(_) => return None,
            };
            if fam == F::Cent {
                return Some((code, 100.0));
            }
            code
        }
        F::Euro => "EUR",
        F::Pound | F::Pence | F::Sterling => {
            let code = match country {
                None | Some(C::Britain) => "GBP",
                Some(C::Egypt) => "EGP",
                Some(C::Cyprus) => "CYP",
                Some(C::Ireland) => "IEP",
                Some(_) => return None,
            };
            if fam == F::Pence {
                return Some((code, 100.0));
            }
            code
        }
        F::Yen => "JPY",
        F::Yuan => "CNY",
        F::Franc => match country {
            Some(C::Swiss) => "CHF",
            Some(C::France) => "FRF",
            Some(C::Belgium) => "BEF",
            Some(C::Luxembourg) => "LUF",
            Some(C::Cfa) => "XOF",
            None if year.is_some_and(|y| y >= 2002) => "CHF",
            None => "FRF",
            Some(_) => return None,
        },
        F::Mark => match country {
            Some(C::Finland) => "FIM",
            None | Some(C::Germany) => "DEM",
            Some(_) => return None,
        },
        F::Pfennig => return Some(("DEM", 100.0)),
        F::Markka => "FIM",
        F::Lira => match country {
            Some(C::Turkey) if before(2005) => "TRL",
            Some(C::Turkey) => "TRY",
            None | Some(C::Italy) => "ITL",
            Some(_) => return None,
        },
        F::Guilder => "NLG",
        F::Peseta => "ESP",
        F::Escudo => "PTE",
        F::Schilling => "ATS",
        F::Drachma => "GRD",
        F::Punt => "IEP",
        F::Krona => match country {
            Some(C::Iceland) => "ISK",
            _ => "SEK",
        },
        F::Krone => match country {
            Some(C::Norway) => "NOK",
            _ => "DKK",
        },
        F::Crown => match country {
            Some(C::Sweden) => "SEK",
            Some(C::Norway) => "NOK",
            Some(C::Denmark) => "DKK",
            Some(C::Czech) => "CZK",
            Some(C::Iceland) => "ISK",
            None => "SEK",
            _ => return None,
        },
        F::Rupee => match country {
            Some(C::Pakistan) => "PKR",
            Some(C::SriLanka) => "LKR",
            _ => "INR",
        },
        F::Rupiah => "IDR",
        F::Ringgit => "MYR",
        F::Baht => "THB",
        F::Peso => match country {
            Some(C::Philippines) => "PHP",
            Some(C::Argentina) => "ARS",
            Some(C::Chile) => "CLP",
            Some(C::Colombia) => "COP",
            None | Some(C::Mexico) if before(1993) => "MXP",
            None | Some(C::Mexico) => "MXN",
            Some(_) => return None,
        },
        F::Rand => "ZAR",
        F::Naira => "NGN",
        F::Shekel => "ILS",
        F::Rouble => {
            if before(1992) {
                "SUR"
            } else {
                "RUB"
            }
        }
        F::Hryvnia => "UAH",
        F::Won => "KRW",
        F::Zloty => "PLN",
        F::Forint => "HUF",
        F::Dinar => match country {
            Some(C::Kuwait) => "KWD",
            Some(C::Iraq) => "IQD",
            Some(C::Jordan) => "JOD",
            Some(C::Bahrain) => "BHD",
            Some(C::Yugoslavia) => "YUD",
            _ => return None,
        },
        F::Riyal => match country {
            Some(C::Qatar) => "QAR",
            Some(C::Oman) => "OMR",
            _ => "SAR",
        },
        F::Dirham => match country {
            Some(C::Morocco) => "MAD",
            _ => "AED",
        },
        F::Real => "BRL",
        F::Cruzado => "BRC",
        F::Austral => "ARA",
        F::Ecu => "XEU",
        F::Sdr => "XDR",
    };
    Some((code, 1.0))
}

/// The country of an ISO 3166-1 alpha-2 code, for the article's home country.
pub(crate) fn country_of_iso2(code: &str) -> Option<Country> {
    use Country as C;
    Some(match code.to_ascii_uppercase().as_str() {
        "US" => C::Us,
        "CA" => C::Canada,
        "AU" => C::Australia,
        "NZ" => C::NewZealand,
        "HK" => C::HongKong,
        "SG" => C::Singapore,
        "TW" => C::Taiwan,
        "CH" => C::Swiss,
        "FR" => C::France,
        "BE" => C::Belgium,
        "LU" => C::Luxembourg,
        "DE" => C::Germany,
        "IT" => C::Italy,
        "NL" => C::Netherlands,
        "ES" => C::Spain,
        "PT" => C::Portugal,
        "AT" => C::Austria,
        "DK" => C::Denmark,
        "NO" => C::Norway,
        "SE" => C::Sweden,
        "FI" => C::Finland,
        "IE" => C::Ireland,
        "TR" => C::Turkey,
        "MX" => C::Mexico,
        "PH" => C::Philippines,
        "AR" => C::Argentina,
        "CL" => C::Chile,
        "CO" => C::Colombia,
        "BR" => C::Brazil,
        "IN" => C::India,
        "PK" => C::Pakistan,
        "LK" => C::SriLanka,
        "ZA" => C::SouthAfrica,
        "EG" => C::Egypt,
        "CY" => C::Cyprus,
        "SA" => C::Saudi,
        "KW" => C::Kuwait,
        "IQ" => C::Iraq,
        "JO" => C::Jordan,
        "BH" => C::Bahrain,
        "QA" => C::Qatar,
        "OM" => C::Oman,
        "MA" => C::Morocco,
        "AE" => C::Emirates,
        "JP" => C::Japan,
        "CN" => C::China,
        "MY" => C::Malaysia,
        "ID" => C::Indonesia,
        "JM" => C::Jamaica,
        "RU" => C::Russia,
        "UA" => C::Ukraine,
        "KR" => C::Korea,
        "IL" => C::Israel,
        "GR" => C::Greece,
        "GB" | "UK" => C::Britain,
        "IS" => C::Iceland,
        "CZ" => C::Czech,
        "PL" => C::Poland,
        "HU" => C::Hungary,
        "ZW" => C::Zimbabwe,
        "BB" => C::Barbados,
        _ => return None,
    })
}

/// Turns a context dollar code into a static string (unknown codes fall back to USD).
pub(crate) fn intern(code: &str) -> &'static str {
    match code {
        "CAD" => "CAD",
        "AUD" => "AUD",
        "NZD" => "NZD",
        "HKD" => "HKD",
        "SGD" => "SGD",
        "TWD" => "TWD",
        "ZWD" => "ZWD",
        "JMD" => "JMD",
        "BBD" => "BBD",
        "MYR" => "MYR",
        _ => "USD",
    }
}
