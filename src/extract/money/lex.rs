//! The scanner and the word lexicon of the money grammar.
//!
//! The scanner splits text into numbers, words and single symbols, remembering whether
//! whitespace came before each token, so that the grammar can tell `90bn` (attached)
//! from `90 bn` and `US$` from `US $`.

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

/// Lower-cases an ASCII word into `buf`; `None` for long or non-ASCII words (which are
/// never lexicon words except the currency symbols, handled elsewhere).
pub(crate) fn lower<'b>(word: &str, buf: &'b mut [u8; 24]) -> Option<&'b str> {
    let w = word.as_bytes();
    if w.len() > buf.len() || !word.is_ascii() {
        return None;
    }
    for (d, s) in buf.iter_mut().zip(w) {
        *d = s.to_ascii_lowercase();
    }
    std::str::from_utf8(&buf[..w.len()]).ok()
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
}

/// Looks up a lower-cased word.
pub(crate) fn lex(w: &str) -> Lex {
    use Family as F;
    use Lex::*;
    let cur = |fam, singular| Cur { fam, singular };
    match w {
        "one" => NumWord(1.0),
        "two" => NumWord(2.0),
        "three" => NumWord(3.0),
        "four" => NumWord(4.0),
        "five" => NumWord(5.0),
        "six" => NumWord(6.0),
        "seven" => NumWord(7.0),
        "eight" => NumWord(8.0),
        "nine" => NumWord(9.0),
        "ten" => NumWord(10.0),
        "eleven" => NumWord(11.0),
        "twelve" => NumWord(12.0),
        "thirteen" => NumWord(13.0),
        "fourteen" => NumWord(14.0),
        "fifteen" => NumWord(15.0),
        "sixteen" => NumWord(16.0),
        "seventeen" => NumWord(17.0),
        "eighteen" => NumWord(18.0),
        "nineteen" => NumWord(19.0),
        "twenty" => NumWord(20.0),
        "thirty" => NumWord(30.0),
        "forty" => NumWord(40.0),
        "fifty" => NumWord(50.0),
        "sixty" => NumWord(60.0),
        "seventy" => NumWord(70.0),
        "eighty" => NumWord(80.0),
        "ninety" => NumWord(90.0),
        "hundred" => Scale {
            mult: 1e2,
            attached: false,
        },
        "thousand" => Scale {
            mult: 1e3,
            attached: false,
        },
        "k" => Scale {
            mult: 1e3,
            attached: true,
        },
        "million" | "mln" | "mn" | "mio" | "mil" => Scale {
            mult: 1e6,
            attached: false,
        },
        "m" => Scale {
            mult: 1e6,
            attached: true,
        },
        "billion" | "bln" | "bn" | "bil" => Scale {
            mult: 1e9,
            attached: false,
        },
        "b" => Scale {
            mult: 1e9,
            attached: true,
        },
        "trillion" | "tn" | "trn" | "tln" => Scale {
            mult: 1e12,
            attached: false,
        },
        "crore" | "crores" | "cr" => Scale {
            mult: 1e7,
            attached: false,
        },
        "lakh" | "lakhs" | "lac" | "lacs" => Scale {
            mult: 1e5,
            attached: false,
        },
        "hundreds" => PluralScale(1e2),
        "thousands" => PluralScale(1e3),
        "millions" => PluralScale(1e6),
        "billions" => PluralScale(1e9),
        "trillions" => PluralScale(1e12),
        "tens" => PluralScale(1e1),
        "multimillion" => Multi(1e6),
        "multibillion" => Multi(1e9),
        "multitrillion" => Multi(1e12),
        "dollars" | "dlrs" | "dlr" | "dols" | "bucks" => cur(F::Dollar, false),
        "dollar" => cur(F::Dollar, true),
        "cents" | "cts" | "cent" | "ct" | "c" => cur(F::Cent, false),
        "euros" | "euro" => cur(F::Euro, false),
        "pounds" | "quid" => cur(F::Pound, false),
        "pound" => cur(F::Pound, true),
        "pence" | "penny" | "p" => cur(F::Pence, false),
        "pennies" => cur(F::Cent, false),
        "sterling" | "stg" => cur(F::Sterling, false),
        "yen" => cur(F::Yen, false),
        "yuan" | "renminbi" | "rmb" => cur(F::Yuan, false),
        "francs" | "franc" => cur(F::Franc, false),
        "marks" | "deutschemarks" | "deutschmarks" => cur(F::Mark, false),
        "mark" => cur(F::Mark, true),
        "markka" | "markkaa" => cur(F::Markka, false),
        "pfennigs" | "pfennig" => cur(F::Pfennig, false),
        "lire" | "lira" | "liras" => cur(F::Lira, false),
        "guilders" | "guilder" => cur(F::Guilder, false),
        "pesetas" | "peseta" => cur(F::Peseta, false),
        "escudos" | "escudo" => cur(F::Escudo, false),
        "schillings" | "schilling" => cur(F::Schilling, false),
        "drachmas" | "drachmae" | "drachma" => cur(F::Drachma, false),
        "punts" | "punt" => cur(F::Punt, false),
        "kronor" | "krona" => cur(F::Krona, false),
        "kroner" | "krone" => cur(F::Krone, false),
        "crowns" | "crown" | "korunas" | "koruna" | "kronur" => cur(F::Crown, false),
        "rupees" | "rupee" => cur(F::Rupee, false),
        "rupiah" | "rupiahs" => cur(F::Rupiah, false),
        "ringgit" | "ringgits" => cur(F::Ringgit, false),
        "baht" => cur(F::Baht, false),
        "pesos" | "peso" => cur(F::Peso, false),
        "rand" => cur(F::Rand, false),
        "naira" => cur(F::Naira, false),
        "shekels" | "shekel" | "shekalim" => cur(F::Shekel, false),
        "roubles" | "rubles" | "rouble" | "ruble" => cur(F::Rouble, false),
        "hryvnias" | "hryvnia" | "hryvnas" | "hryvna" | "hryvnya" | "hryvnyas" => {
            cur(F::Hryvnia, false)
        }
        "won" => cur(F::Won, false),
        "zlotys" | "zloty" | "zlotych" => cur(F::Zloty, false),
        "forints" | "forint" => cur(F::Forint, false),
        "dinars" | "dinar" => cur(F::Dinar, false),
        "riyals" | "riyal" | "rials" | "rial" => cur(F::Riyal, false),
        "dirhams" | "dirham" => cur(F::Dirham, false),
        "reais" | "reals" => cur(F::Real, false),
        "cruzados" | "cruzado" | "cruzeiros" | "cruzeiro" => cur(F::Cruzado, false),
        "australs" | "australes" | "austral" => cur(F::Austral, false),
        "ecus" | "ecu" => cur(F::Ecu, false),
        "sdrs" | "sdr" => cur(F::Sdr, false),
        "us" | "u.s." | "american" | "u.s" => Adj(Country::Us),
        "canadian" | "can" => Adj(Country::Canada),
        "australian" | "aust" | "aus" => Adj(Country::Australia),
        "zealand" | "nz" => Adj(Country::NewZealand),
        "kong" | "hk" => Adj(Country::HongKong),
        "singapore" => Adj(Country::Singapore),
        "taiwan" | "taiwanese" | "nt" => Adj(Country::Taiwan),
        "swiss" => Adj(Country::Swiss),
        "french" => Adj(Country::France),
        "belgian" => Adj(Country::Belgium),
        "luxembourg" => Adj(Country::Luxembourg),
        "german" | "deutsche" => Adj(Country::Germany),
        "italian" => Adj(Country::Italy),
        "dutch" => Adj(Country::Netherlands),
        "spanish" => Adj(Country::Spain),
        "portuguese" => Adj(Country::Portugal),
        "austrian" => Adj(Country::Austria),
        "danish" => Adj(Country::Denmark),
        "norwegian" => Adj(Country::Norway),
        "swedish" => Adj(Country::Sweden),
        "finnish" | "finland" => Adj(Country::Finland),
        "irish" => Adj(Country::Ireland),
        "turkish" => Adj(Country::Turkey),
        "mexican" => Adj(Country::Mexico),
        "philippine" => Adj(Country::Philippines),
        "argentine" | "argentinian" => Adj(Country::Argentina),
        "chilean" => Adj(Country::Chile),
        "colombian" => Adj(Country::Colombia),
        "brazilian" => Adj(Country::Brazil),
        "indian" => Adj(Country::India),
        "pakistani" | "pakistan" => Adj(Country::Pakistan),
        "lankan" => Adj(Country::SriLanka),
        "african" => Adj(Country::SouthAfrica),
        "egyptian" => Adj(Country::Egypt),
        "cyprus" | "cypriot" => Adj(Country::Cyprus),
        "saudi" => Adj(Country::Saudi),
        "kuwaiti" => Adj(Country::Kuwait),
        "iraqi" => Adj(Country::Iraq),
        "jordanian" => Adj(Country::Jordan),
        "bahraini" => Adj(Country::Bahrain),
        "qatari" => Adj(Country::Qatar),
        "omani" => Adj(Country::Oman),
        "moroccan" => Adj(Country::Morocco),
        "uae" | "emirati" => Adj(Country::Emirates),
        "japanese" => Adj(Country::Japan),
        "chinese" => Adj(Country::China),
        "malaysian" => Adj(Country::Malaysia),
        "indonesian" => Adj(Country::Indonesia),
        "jamaican" => Adj(Country::Jamaica),
        "russian" | "soviet" => Adj(Country::Russia),
        "ukrainian" => Adj(Country::Ukraine),
        "korean" => Adj(Country::Korea),
        "israeli" => Adj(Country::Israel),
        "greek" => Adj(Country::Greece),
        "cfa" => Adj(Country::Cfa),
        "british" => Adj(Country::Britain),
        "icelandic" => Adj(Country::Iceland),
        "czech" => Adj(Country::Czech),
        "polish" => Adj(Country::Poland),
        "hungarian" => Adj(Country::Hungary),
        "yugoslav" => Adj(Country::Yugoslavia),
        "zimbabwe" | "zimbabwean" => Adj(Country::Zimbabwe),
        "barbados" => Adj(Country::Barbados),
        "a" | "an" => Article,
        "and" => And,
        "to" => To,
        "between" => Between,
        "point" => Point,
        "half" => Half,
        "of" => Of,
        "per" => Per,
        "several" | "few" => Several,
        "from" => From,
        "up" | "down" | "rose" | "fell" | "increased" | "decreased" | "raised" | "cut"
        | "lowered" | "lifted" | "reduced" | "boosted" | "gained" | "lost" | "jumped"
        | "climbed" | "dropped" | "slipped" | "declined" | "eased" | "widened" | "narrowed"
        | "by" | "rising" | "falling" | "rises" | "falls" | "soared" | "plunged" | "shed"
        | "firmed" | "advanced" | "tumbled" | "slid" | "surged" | "sank" | "rallied" | "added"
        | "dipped" | "edged" | "gaining" | "losing" | "skidded" | "recovered" | "improved"
        | "weakened" | "strengthened" | "lowering" | "raising" | "cutting" | "trimmed" => {
            ChangeVerb
        }
        _ => Other,
    }
}

/// ISO 4217 codes (current and historical) accepted before or after a number when
/// written in capitals.
pub(crate) fn iso_code(w: &str) -> Option<&'static str> {
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
