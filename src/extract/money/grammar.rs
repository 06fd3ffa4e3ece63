//! The money grammar over scanner tokens.
//!
//! ```text
//! amount    := qualifier* core per-unit?
//! core      := prefix quantity (range-sep prefix? quantity)?          "$2-3bn", "€5m"
//!            | quantity (range-sep quantity)? "-"? suffix             "12 mln dlrs", "2-3 bln stg"
//!            | "between" core-lhs "and" core-rhs                        "between €5m and €7m"
//!            | vague-plurals "of" suffix                                "billions of dollars"
//!            | multi "-"? suffix                                        "multibillion-dollar"
//! prefix    := symbol | word"$" | "$"word | ISO-code | abbreviation   "$", "US$", "$A", "EUR", "Rs"
//! quantity  := (numeral fraction? | number-words) scale*              "1-1/2", "seven point one billion"
//! suffix    := adjective* currency-word | ISO-code                      "Canadian dlrs", "EUR"
//! per-unit  := ("a" | "an" | "per" | "/") unit                          "a barrel", "per share"
//! ```

use super::lex::{
    dollar_prefix, iso_code, lex_any_case, prefix_abbrev, resolve, symbol, Country, Family, Kind,
    Lex, Tok,
};

/// A parsed amount in token coordinates, before it becomes an [`crate::extract::Amount`].
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Parsed {
    /// First token of the span (qualifiers included).
    pub first: usize,
    /// One past the last token of the span (per-unit phrase excluded).
    pub last: usize,
    /// One past the last token consumed (per-unit phrase included).
    pub consumed: usize,
    pub value: f64,
    pub high: Option<f64>,
    pub code: &'static str,
    pub qualifier: Option<&'static str>,
    pub per_unit: Option<String>,
    /// The number token, when the amount is only a `$`-style prefix and a bare number
    /// (the OntoNotes annotators leave such a `$` out of the span).
    pub bare_dollar_prefix: Option<usize>,
}

/// A number with its scale, over tokens `[start, end)`.
#[derive(Debug, Clone, Copy)]
struct Quantity {
    value: f64,
    end: usize,
    scaled: bool,
    /// Written (partly) in words.
    words: bool,
}

/// Looks up every word token in the lexicon, into `out`.
pub(crate) fn lex_all(text: &str, toks: &[Tok], out: &mut Vec<Lex>) {
    out.clear();
    out.extend(toks.iter().map(|t| {
        if t.kind != Kind::Word {
            return Lex::Other;
        }
        lex_any_case(&text[t.start..t.end])
    }));
}

pub(crate) struct Grammar<'t> {
    text: &'t str,
    toks: &'t [Tok],
    lexes: &'t [Lex],
    dollar: &'static str,
    year: Option<i32>,
    home: Option<Country>,
}

impl<'t> Grammar<'t> {
    pub(crate) fn new(
        text: &'t str,
        toks: &'t [Tok],
        lexes: &'t [Lex],
        dollar: &'static str,
        year: Option<i32>,
        home: Option<Country>,
    ) -> Self {
        Grammar {
            text,
            toks,
            lexes,
            dollar,
            year,
            home,
        }
    }

    /// The code of a currency word: its adjective first, then the article's country, then
    /// the default of the family.
    fn resolve(&self, fam: Family, country: Option<Country>) -> Option<(&'static str, f64)> {
        if country.is_some() || matches!(fam, Family::Dollar | Family::Cent) {
            // a bare dollar is the article's dollar, already chosen from its country
            return resolve(fam, country, self.dollar, self.year);
        }
        self.home
            .and_then(|h| resolve(fam, Some(h), self.dollar, self.year))
            .or_else(|| resolve(fam, None, self.dollar, self.year))
    }

    /// The text of token `i` ("" past the end).
    /// "several hundred million", "a few billion": `base` times the scale words from `j`;
    /// None when no scale word follows.
    fn vague_scaled(&self, mut j: usize, base: f64) -> Option<Quantity> {
        let mut value = base;
        let mut scaled = false;
        while let Lex::Scale {
            mult,
            attached: false,
        } = self.lexi(j)
        {
            value *= mult;
            scaled = true;
            j += 1;
        }
        scaled.then_some(Quantity {
            value,
            end: j,
            scaled,
            words: true,
        })
    }

    fn s(&self, i: usize) -> &'t str {
        match self.toks.get(i) {
            Some(t) => &self.text[t.start..t.end],
            None => "",
        }
    }

    fn kind(&self, i: usize) -> Option<Kind> {
        self.toks.get(i).map(|t| t.kind)
    }

    fn gap(&self, i: usize) -> bool {
        self.toks.get(i).is_none_or(|t| t.gap)
    }

    /// What token `i` means to the grammar (looked up once per token by [`lex_all`]).
    fn lexi(&self, i: usize) -> Lex {
        self.lexes.get(i).copied().unwrap_or(Lex::Other)
    }

    fn is_sym(&self, i: usize, c: &str) -> bool {
        self.kind(i) == Some(Kind::Sym) && self.s(i) == c
    }

    fn is_word(&self, i: usize, w: &str) -> bool {
        self.kind(i) == Some(Kind::Word) && self.s(i).eq_ignore_ascii_case(w)
    }

    /// Can an amount start at token `i`? A cheap test before trying the grammar.
    pub(crate) fn may_start(&self, i: usize) -> bool {
        match self.toks[i].kind {
            Kind::Num => self.toks[i].gap || i == 0 || self.toks[i - 1].kind == Kind::Sym,
            Kind::Sym => {
                let s = self.s(i);
                symbol(s).is_some() || s == "#"
            }
            Kind::Word => {
                let w = self.s(i);
                let b = w.as_bytes()[0];
                if b.is_ascii_uppercase()
                    && w.len() <= 4
                    && (self.is_sym(i + 1, "$")
                        || iso_code(w).is_some()
                        || prefix_abbrev(w).is_some()
                        || w == "Y")
                {
                    return true;
                }
                match self.lexi(i) {
                    Lex::NumWord(_)
                    | Lex::PluralScale(_)
                    | Lex::Multi(_)
                    | Lex::Several
                    | Lex::Scale {
                        attached: false, ..
                    } => true,
                    // "a billion", "a few million", "half a million", "a couple of hundred"
                    Lex::Article => {
                        matches!(
                            self.lexi(i + 1),
                            Lex::Scale {
                                attached: false,
                                ..
                            } | Lex::Several
                        ) || self.is_word(i + 1, "couple")
                    }
                    Lex::Half => {
                        matches!(
                            self.lexi(i + 1),
                            Lex::Scale {
                                attached: false,
                                ..
                            } | Lex::Article
                        ) || self.is_sym(i + 1, "-")
                    }
                    _ => w == "multi",
                }
            }
        }
    }

    /// A currency prefix at `i`: returns (code, next token, is a `$` form).
    fn prefix(&self, i: usize) -> Option<(&'static str, usize, bool)> {
        let t = self.toks.get(i)?;
        match t.kind {
            Kind::Sym => {
                let s = self.s(i);
                if s == "$" {
                    // "$US 5m", "$A5m"
                    if self.kind(i + 1) == Some(Kind::Word) && !self.gap(i + 1) {
                        if let Some(code) = dollar_prefix(self.s(i + 1)) {
                            return Some((code, i + 2, true));
                        }
                    }
                    return Some((self.dollar, i + 1, true));
                }
                if s == "#" {
                    // WSJ text in OntoNotes writes the pound sign as '#': accept it only
                    // before a scaled number or one with separators or decimals ("# 15
                    // billion", "# 20,000", "# 13.78"), not before "# 90" (a grade, a rank).
                    let q = self.quantity(i + 1)?;
                    let written =
                        self.kind(i + 1) == Some(Kind::Num) && self.s(i + 1).contains([',', '.']);
                    return (q.scaled || written).then_some(("GBP", i + 1, true));
                }
                symbol(s).map(|c| (c, i + 1, false))
            }
            Kind::Word => {
                let s = self.s(i);
                if self.is_sym(i + 1, "$") && !self.gap(i + 1) {
                    return dollar_prefix(s).map(|c| (c, i + 2, true));
                }
                if let Some(c) = iso_code(s).or_else(|| prefix_abbrev(s)) {
                    return Some((c, i + 1, false));
                }
                if s == "Y" && self.kind(i + 1) == Some(Kind::Num) && !self.gap(i + 1) {
                    return Some(("JPY", i + 1, false));
                }
                None
            }
            Kind::Num => None,
        }
    }

    /// A plain numeral at `i` (with a Reuters fraction), as (value, next token).
    fn numeral(&self, i: usize) -> Option<(f64, usize)> {
        if self.kind(i) != Some(Kind::Num) {
            return None;
        }
        let mut v = parse_numeral(self.s(i))?;
        let mut j = i + 1;
        // "1-1/2" (Reuters) or "8 3/4"
        let frac_at = |k: usize| -> Option<f64> {
            if self.kind(k) == Some(Kind::Num)
                && self.is_sym(k + 1, "/")
                && !self.gap(k + 1)
                && self.kind(k + 2) == Some(Kind::Num)
                && !self.gap(k + 2)
            {
                let a = parse_numeral(self.s(k))?;
                let b = parse_numeral(self.s(k + 2))?;
                if a >= 1.0 && b > a && b <= 64.0 && a.fract() == 0.0 && b.fract() == 0.0 {
                    return Some(a / b);
                }
            }
            None
        };
        if self.is_sym(j, "-") && !self.gap(j) && !self.gap(j + 1) {
            if let Some(f) = frac_at(j + 1) {
                v += f;
                j += 4;
                return Some((v, j));
            }
        }
        if self.gap(j) && !self.s(i).contains('.') {
            if let Some(f) = frac_at(j) {
                v += f;
                j += 3;
            }
        }
        Some((v, j))
    }

    /// Number words at `i` ("two", "seven point one", "one hundred and twenty", "a",
    /// "half a", "forty - five"); scales such as "billion" are included.
    fn number_words(&self, i: usize) -> Option<Quantity> {
        let mut total = 0.0f64;
        let mut cur = 0.0f64;
        let mut j = i;
        let mut seen = false;
        let mut scaled = false;
        let mut last_tens = false;
        // "a" / "an" / "half a" before a scale word
        match self.lexi(j) {
            Lex::Article => {
                if let Lex::Scale {
                    attached: false, ..
                } = self.lexi(j + 1)
                {
                    cur = 1.0;
                    seen = true;
                    j += 1;
                } else {
                    return None;
                }
            }
            Lex::Half => {
                // "half million", "half a million", "half-billion-dollar" (a compound)
                let (at, min) = if self.is_sym(j + 1, "-") && !self.gap(j + 1) && !self.gap(j + 2) {
                    (j + 2, 1e6)
                } else if self.lexi(j + 1) == Lex::Article {
                    (j + 2, 1e3)
                } else {
                    (j + 1, 1e3)
                };
                return match self.lexi(at) {
                    Lex::Scale {
                        mult,
                        attached: false,
                    } if mult >= min => Some(Quantity {
                        value: 0.5 * mult,
                        end: at + 1,
                        scaled: true,
                        words: true,
                    }),
                    _ => None,
                };
            }
            _ => {}
        }
        loop {
            match self.lexi(j) {
                Lex::NumWord(v) => {
                    if seen && cur.fract() == 0.0 && cur % 100.0 != 0.0 && !(last_tens && v < 10.0)
                    {
                        break; // "one two" is not a number
                    }
                    cur += v;
                    last_tens = v >= 20.0 && v % 10.0 == 0.0 && v < 100.0;
                    seen = true;
                    j += 1;
                }
                Lex::Scale {
                    mult,
                    attached: false,
                } if seen || cur > 0.0 => {
                    let m = mult;
                    if m == 100.0 {
                        cur = if cur == 0.0 { 100.0 } else { cur * 100.0 };
                    } else {
                        total += if cur == 0.0 { m } else { cur * m };
                        cur = 0.0;
                    }
                    scaled = true;
                    last_tens = false;
                    j += 1;
                }
                Lex::And
                    if seen
                        && (total > 0.0 && cur == 0.0
                            || cur > 0.0 && cur % 100.0 == 0.0
                            || cur > 0.0
                                && self.lexi(j + 1) == Lex::Article
                                && self.lexi(j + 2) == Lex::Half) =>
                {
                    // "one hundred and twenty", "one and a half million", "seven and a half"
                    if let (Lex::NumWord(_), true) = (self.lexi(j + 1), cur % 100.0 == 0.0) {
                        j += 1;
                    } else if self.lexi(j + 1) == Lex::Article && self.lexi(j + 2) == Lex::Half {
                        cur += 0.5;
                        j += 3;
                    } else {
                        break;
                    }
                }
                Lex::Point if seen => {
                    let mut k = j + 1;
                    let mut scale = 0.1;
                    let mut frac = 0.0;
                    while let Lex::NumWord(d) = self.lexi(k) {
                        if d >= 10.0 {
                            break;
                        }
                        frac += d * scale;
                        scale /= 10.0;
                        k += 1;
                    }
                    if k == j + 1 {
                        break;
                    }
                    cur += frac;
                    j = k;
                }
                _ => {
                    // "forty - five", "forty-five"
                    if last_tens && self.is_sym(j, "-") {
                        if let Lex::NumWord(v) = self.lexi(j + 1) {
                            if v < 10.0 {
                                cur += v;
                                last_tens = false;
                                j += 2;
                                continue;
                            }
                        }
                    }
                    break;
                }
            }
        }
        if !seen {
            return None;
        }
        Some(Quantity {
            value: total + cur,
            end: j,
            scaled,
            words: true,
        })
    }

    /// A quantity: numeral or number words, then scale words.
    fn quantity(&self, i: usize) -> Option<Quantity> {
        let mut decimals = 0;
        let mut q = if let Some((v, j)) = self.numeral(i) {
            if j == i + 1 {
                decimals = self
                    .s(i)
                    .rsplit_once('.')
                    .map_or(0, |(_, d)| d.len() as i32);
            }
            Quantity {
                value: v,
                end: j,
                scaled: false,
                words: false,
            }
        } else {
            self.number_words(i)?
        };
        let mut last_mult = 1.0;
        for _ in 0..3 {
            // "$ 2.06 billions": a plural scale right after a numeral reads as a scale
            let scale = match self.lexi(q.end) {
                Lex::Scale { mult, attached } => Some((mult, attached)),
                Lex::PluralScale(mult) if mult >= 1e6 && !q.words && last_mult == 1.0 => {
                    Some((mult, false))
                }
                _ => None,
            };
            match scale {
                None if self.is_sym(q.end, "-")
                    && self.gap(q.end) == self.gap(q.end + 1)
                    && matches!(self.lexi(q.end + 1), Lex::Scale { attached: false, mult }
                        if mult >= 1e5 && (mult >= 1e6 || !self.gap(q.end)))
                    && last_mult == 1.0 =>
                {
                    // "22-crore", and "125 - billion" in tokenised text: the scale is read
                    // on the next round
                    q.end += 1;
                    continue;
                }
                Some((mult, attached)) => {
                    if (attached && self.gap(q.end)) || last_mult >= 1e6 {
                        break; // "$4.5bn trillion" is a typo, not 4.5e21
                    }
                    last_mult = mult;
                    // "5 crore" fine; "5 hundred" fine.
                    // 16.28 * 1e9 computed as 1628 * 1e9 / 100, exact in f64
                    let p = 10f64.powi(decimals);
                    q.value = if decimals > 0 && decimals < 10 {
                        (q.value * p).round() * mult / p
                    } else {
                        q.value * mult
                    };
                    decimals = 0;
                    q.scaled = true;
                    q.end += 1;
                }
                None => break,
            }
        }
        Some(q)
    }

    /// A currency after a quantity at `i`: adjectives and a currency word, or an ISO code.
    /// Returns (code, divisor, next token).
    fn suffix(&self, i: usize, q: &Quantity) -> Option<(&'static str, f64, usize)> {
        let k = self.kind(i)?;
        if k == Kind::Word {
            let s = self.s(i);
            if let Some(code) = iso_code(s) {
                return Some((code, 1.0, i + 1));
            }
        }
        // "D-marks"
        if self.is_word(i, "D") && self.is_sym(i + 1, "-") && !self.gap(i + 1) {
            if let Lex::Cur {
                fam: Family::Mark, ..
            } = self.lexi(i + 2)
            {
                return Some(("DEM", 1.0, i + 3));
            }
        }
        let mut j = i;
        let mut country = None;
        // up to two adjective words: "Hong Kong", "New Zealand", "U.S.", "South African"
        for _ in 0..3 {
            match self.lexi(j) {
                Lex::Adj(c) => {
                    country = Some(c);
                    j += 1;
                }
                Lex::AdjHead if matches!(self.lexi(j + 1), Lex::Adj(_)) => {
                    j += 1;
                }
                _ => break,
            }
        }
        match self.lexi(j) {
            Lex::Cur { fam, singular } => {
                let w = self.s(j);
                let single_letter = w.len() == 1;
                if single_letter && (self.gap(j) || j != i) {
                    return None; // "50c", "20p" only when attached
                }
                if singular && fam != Family::Dollar && !q.scaled && q.value != 1.0 {
                    return None; // "the 1,800 mark", "a 10 pound bag"
                }
                if fam == Family::Pound && self.lexi(j + 1) == Lex::Of {
                    return None; // "65 million pounds of mushrooms": weight
                }
                if fam == Family::Pound
                    && !(q.scaled && q.value >= 1e3)
                    && country.is_none()
                    && self.lexi(j + 1)
                        != (Lex::Cur {
                            fam: Family::Sterling,
                            singular: false,
                        })
                {
                    return None; // "ninety pounds", "10,000 pounds or less": weight
                }
                if single_letter
                    && (!w.as_bytes()[0].is_ascii_lowercase()
                        || matches!(self.kind(j + 1), Some(Kind::Num | Kind::Word))
                            && !self.gap(j + 1))
                {
                    return None; // "T34C", "5cm"
                }
                // "won" is a verb unless scaled, Korean, or after a numeral with thousands
                // separators before punctuation ("as low as 80,000 won , or $ 120")
                let separated = j == i && i > 0 && self.s(i - 1).contains(',');
                if fam == Family::Won
                    && country.is_none()
                    && !q.scaled
                    && !(separated && matches!(self.kind(j + 1), None | Some(Kind::Sym)))
                {
                    return None;
                }
                // "penny pinching", "penny stocks": a noun compound, not a sum
                if w.eq_ignore_ascii_case("penny")
                    && (self.is_sym(j + 1, "-")
                        || matches!(
                            self.s(j + 1).to_ascii_lowercase().as_str(),
                            "pinching"
                                | "pincher"
                                | "pinchers"
                                | "stock"
                                | "stocks"
                                | "ante"
                                | "wise"
                                | "auction"
                                | "auctions"
                                | "arcade"
                                | "whistle"
                        ))
                {
                    return None;
                }
                let (code, div) = self.resolve(fam, country)?;
                let mut end = j + 1;
                if fam == Family::Pound
                    && self.lexi(end)
                        == (Lex::Cur {
                            fam: Family::Sterling,
                            singular: false,
                        })
                {
                    end += 1; // "pounds sterling"
                }
                // "500 million yuan RMB": a redundant code after the word
                if self.kind(end) == Some(Kind::Word) && iso_code(self.s(end)) == Some(code) {
                    end += 1;
                }
                Some((code, div, end))
            }
            _ => None,
        }
    }

    /// "Fifty Cent" in mid-sentence: capitalised number words and currency word form a name.
    fn title_case_name(&self, i: usize, end: usize) -> bool {
        let capital = |k: usize| {
            let b = self.s(k).as_bytes();
            b[0].is_ascii_uppercase() && b.get(1).is_some_and(|c| c.is_ascii_lowercase())
        };
        let sentence_start = i == 0
            || (self.kind(i - 1) == Some(Kind::Sym)
                && matches!(self.s(i - 1), "." | "!" | "?" | "\"" | "`"))
            || self.text[self.toks[i - 1].end..self.toks[i].start].contains('\n');
        !sentence_start && (i..end).all(|k| self.kind(k) != Some(Kind::Word) || capital(k))
    }

    /// Is the token before `i` a word that makes "X to Y" a change rather than a range?
    fn change_before(&self, i: usize) -> bool {
        // "rose by a nominal 38.5 billion francs to 5,719.4 billion", "cut it by about $37
        // billion to $134 billion": "by" up to three words before the first amount
        for back in 1..=3 {
            let Some(k) = i.checked_sub(back) else { break };
            if self.kind(k) != Some(Kind::Word) {
                break;
            }
            if self.is_word(k, "by") {
                return true;
            }
        }
        match i.checked_sub(1).map(|k| self.lexi(k)) {
            Some(Lex::ChangeVerb) => true,
            // "a gain of 0.54 cent to 14.26 cents"
            Some(Lex::Of) => i >= 2 && self.lexi(i - 2) == Lex::ChangeNoun,
            Some(Lex::From) => i >= 2 && self.lexi(i - 2) == Lex::ChangeVerb,
            _ => false,
        }
    }

    /// Tries the whole grammar at token `i`.
    pub(crate) fn parse_at(&self, i: usize, floor: usize) -> Option<Parsed> {
        let core = self.core(i)?;
        Some(self.finish(core, floor))
    }

    fn core(&self, i: usize) -> Option<Parsed> {
        let mk = |first, last, value, high, code, qualifier, bare| Parsed {
            first,
            last,
            consumed: last,
            value,
            high,
            code,
            qualifier,
            per_unit: None,
            bare_dollar_prefix: bare,
        };
        // prefix forms
        if let Some((code, j, is_dollar)) = self.prefix(i) {
            let q = self.quantity(j)?;
            if q.words && !q.scaled {
                return None; // "$ one" is odd; "€ a" is not money
            }
            let mut end = q.end;
            let mut high = None;
            let mut value = q.value;
            // range: "-", "to", "and" (after "between")
            let sep = end;
            let sep_ok = self.is_sym(sep, "-")
                || (self.lexi(sep) == Lex::To && !self.change_before(i))
                || (self.lexi(sep) == Lex::And && i > 0 && self.lexi(i - 1) == Lex::Between);
            if sep_ok {
                let mut k = sep + 1;
                if let Some((c2, k2, _)) = self.prefix(k) {
                    if c2 == code {
                        k = k2;
                    } else {
                        k = usize::MAX;
                    }
                }
                if k != usize::MAX {
                    if let Some(q2) = self.quantity(k) {
                        let (mut lo, mut hi) = (q.value, q2.value);
                        if !q.scaled && q2.scaled {
                            let m = q2.value / parse_numeral_from_q(self, k, &q2);
                            lo *= m;
                        } else if q.scaled && !q2.scaled {
                            let m = q.value / parse_numeral_from_q(self, j, &q);
                            hi *= m;
                        }
                        let is_to = self.lexi(sep) == Lex::To;
                        if hi > lo && (!is_to || hi <= lo * 1000.0) {
                            value = lo;
                            high = Some(hi);
                            end = q2.end;
                        }
                    }
                }
            }
            // "$5 million dollars" style redundancy is rare; not consumed.
            let bare = (is_dollar && !q.scaled && high.is_none() && !q.words).then_some(j);
            return Some(mk(i, end, value, high, code, None, bare));
        }
        // vague plurals: "billions of dollars", "hundreds of millions of dollars"
        let plural_at = if self.lexi(i) == Lex::Several {
            i + 1
        } else {
            i
        };
        if let Lex::PluralScale(m) = self.lexi(plural_at) {
            let mut value = 2.0 * m;
            let mut j = plural_at + 1;
            while self.lexi(j) == Lex::Of {
                if let Lex::PluralScale(m2) = self.lexi(j + 1) {
                    value *= m2;
                    j += 2;
                } else {
                    break;
                }
            }
            if self.lexi(j) != Lex::Of || value < 1e3 {
                return None;
            }
            let q = Quantity {
                value,
                end: j + 1,
                scaled: true,
                words: true,
            };
            let (code, div, end) = self.suffix(j + 1, &q)?;
            return Some(mk(
                i,
                end,
                ratio(value, div),
                None,
                code,
                Some("several"),
                None,
            ));
        }
        // "billion - dollar", "multi-million dollar"
        let multi = match (self.lexi(i), self.lexi(i + 2)) {
            (Lex::Multi(m), _) => Some((m, i + 1)),
            (
                Lex::Other,
                Lex::Scale {
                    mult,
                    attached: false,
                },
            ) if self.is_word(i, "multi") && self.is_sym(i + 1, "-") && mult >= 1e6 => {
                Some((mult, i + 3))
            }
            _ => None,
        };
        if let (
            Lex::Scale {
                mult,
                attached: false,
            },
            true,
        ) = (self.lexi(i), self.is_sym(i + 1, "-"))
        {
            if mult >= 1e6
                && !matches!(
                    i.checked_sub(1).map(|k| self.kind(k)),
                    Some(Some(Kind::Num))
                )
            {
                if let Lex::Cur { singular: true, .. } = self.lexi(i + 2) {
                    let q = Quantity {
                        value: mult,
                        end: i + 2,
                        scaled: true,
                        words: true,
                    };
                    let (code, div, end) = self.suffix(i + 2, &q)?;
                    return Some(mk(i, end, ratio(mult, div), None, code, None, None));
                }
            }
        }
        if let Some((m, after)) = multi {
            let mut j = after;
            if self.is_sym(j, "-") {
                j += 1;
            }
            let q = Quantity {
                value: 2.0 * m,
                end: j,
                scaled: true,
                words: true,
            };
            let (code, div, end) = self.suffix(j, &q)?;
            return Some(mk(
                i,
                end,
                ratio(q.value, div),
                None,
                code,
                Some("multi"),
                None,
            ));
        }
        // "several hundred million pounds"
        let (q, several) = if self.lexi(i) == Lex::Several {
            (self.vague_scaled(i + 1, 3.0)?, true)
        } else if self.is_word(i, "a") && self.is_word(i + 1, "few") {
            (self.vague_scaled(i + 2, 2.0)?, true)
        } else if self.is_word(i, "a")
            && self.is_word(i + 1, "couple")
            && self.lexi(i + 2) == Lex::Of
        {
            (self.vague_scaled(i + 3, 2.0)?, true) // "a couple of hundred dollars"
        } else {
            (self.quantity(i)?, false)
        };
        let qual = if several { Some("several") } else { None };
        let mut j = q.end;
        if self.is_sym(j, "-") && matches!(self.lexi(j + 1), Lex::Cur { .. }) {
            j += 1; // "2.85 million - dollar", "one-yen"
        }
        if let Some((code, div, end)) = self.suffix(j, &q) {
            if q.words && self.title_case_name(i, end) {
                return None;
            }
            // "a billion - dollar empire": the article belongs to the noun, not the sum
            let i = if self.lexi(i) == Lex::Article
                && matches!(self.lexi(end - 1), Lex::Cur { singular: true, .. })
            {
                i + 1
            } else {
                i
            };
            let year_like = !q.scaled
                && !q.words
                && self.s(i).len() == 4
                && (1900.0..=2100.0).contains(&q.value);
            if year_like && i > 0 && self.is_word(i - 1, "in") {
                return None; // "expressed in 1977 dollars": constant dollars, not an amount
            }
            if self.is_word(end - 1, "mark") && i > 0 && self.is_word(i - 1, "the") {
                return None; // "broke through the one million mark"
            }
            let sep = end;
            let sep_ok = (self.lexi(sep) == Lex::To && !self.change_before(i))
                || (self.lexi(sep) == Lex::And && i > 0 && self.lexi(i - 1) == Lex::Between);
            if sep_ok && !several {
                if let Some(q2) = self.quantity(sep + 1) {
                    if let Some((code2, div2, end2)) = self.suffix(q2.end, &q2) {
                        let (lo, hi) = (ratio(q.value, div), ratio(q2.value, div2));
                        if code2 == code && hi > lo && hi <= lo * 1000.0 {
                            return Some(mk(i, end2, lo, Some(hi), code, qual, None));
                        }
                    }
                }
            }
            return Some(mk(i, end, ratio(q.value, div), None, code, qual, None));
        }
        // range before the currency: "2-3 bln dlrs", "5 to 7 mln stg", "between 5 and 7 mln",
        // "five or six thousand dollars"
        let sep = q.end;
        let sep_ok = self.is_sym(sep, "-")
            || (self.is_word(sep, "or") && !q.scaled)
            || (self.lexi(sep) == Lex::To && !self.change_before(i))
            || (self.lexi(sep) == Lex::And && i > 0 && self.lexi(i - 1) == Lex::Between);
        if sep_ok && !several {
            let q2 = self.quantity(sep + 1)?;
            let (code, div, end) = self.suffix(q2.end, &q2)?;
            let (mut lo, hi) = (q.value, q2.value);
            let m = q2.value / parse_numeral_from_q(self, sep + 1, &q2);
            if !q.scaled && q2.scaled && lo * m < hi {
                lo *= m; // "2-3 bln", but "500,000 to 3.5 million" keeps its low end
            }
            let unscaled_low = !q.scaled && q2.scaled && lo == q.value;
            if hi > lo && (!unscaled_low || hi <= lo * 1000.0) {
                return Some(mk(
                    i,
                    end,
                    ratio(lo, div),
                    Some(ratio(hi, div)),
                    code,
                    None,
                    None,
                ));
            }
        }
        None
    }

    /// Adds qualifiers before the core (not crossing `floor`) and a per-unit phrase after it.
    fn finish(&self, mut p: Parsed, floor: usize) -> Parsed {
        // qualifiers, innermost first
        let mut first = p.first;
        let mut qual: Option<&'static str> = p.qualifier;
        for _ in 0..3 {
            match self.qualifier_before(first, floor) {
                Some((n, "")) => first -= n,
                Some((n, q)) => {
                    if qual.is_none() || matches!(qual, Some("only" | "record" | "additional")) {
                        qual = Some(q);
                    }
                    if OUTSIDE_SPAN.contains(&q) || (n == 3 && self.is_word(first - 3, "in")) {
                        break; // recorded, but not part of the span (OntoNotes convention)
                    }
                    first -= n;
                }
                None => break,
            }
        }
        if p.high.is_some() && first > floor && self.lexi(first - 1) == Lex::Between {
            first -= 1;
            qual = Some("between");
        }
        if first != p.first {
            p.bare_dollar_prefix = None;
        }
        p.first = first;
        p.qualifier = qual;
        // "$1-million-plus", "$ 1 billion - plus": an open upper end
        if self.is_sym(p.last, "-") && self.is_word(p.last + 1, "plus") && p.high.is_none() {
            p.last += 2;
            p.consumed = p.consumed.max(p.last);
            if p.qualifier.is_none() {
                p.qualifier = Some("more than");
            }
        }
        // per-unit
        let j = p.last;
        let unit_at = |k: usize| -> Option<(String, usize)> {
            let mut k = k;
            let mut words: Vec<&str> = Vec::new();
            if matches!(
                self.s(k).to_ascii_lowercase().as_str(),
                "metric" | "short" | "long" | "square" | "cubic" | "troy"
            ) {
                words.push(self.s(k));
                k += 1;
            }
            if self.kind(k) != Some(Kind::Word) {
                return None;
            }
            words.push(self.s(k));
            Some((words.join(" ").to_ascii_lowercase(), k + 1))
        };
        if j < self.toks.len() {
            match self.lexi(j) {
                Lex::Per => {
                    if let Some((u, e)) = unit_at(j + 1) {
                        p.per_unit = Some(u);
                        p.consumed = e;
                    }
                }
                Lex::Article
                    if !matches!(
                        self.s(j + 2).to_ascii_lowercase().as_str(),
                        "earlier" | "ago" | "before" | "later" | "previously" | "or"
                    ) =>
                {
                    if let Some((u, e)) = unit_at(j + 1) {
                        if is_unit(&u) {
                            p.per_unit = Some(u);
                            p.consumed = e;
                        }
                    }
                }
                _ if self.is_sym(j, "/") && !self.gap(j) => {
                    if let Some((u, e)) = unit_at(j + 1) {
                        if is_unit(&u) {
                            p.per_unit = Some(u);
                            p.consumed = e;
                        }
                    }
                }
                _ => {}
            }
        }
        p
    }

    /// "rose to 45.4 billion francs from 40.1 billion", "12.5 mln dlrs vs 10.2 mln", "fell 195
    /// mln dlrs to 65.06 billion": a scaled numeral right after "from"/"to"/"vs"/"versus"
    /// that follows an amount, with no word of its own after it ("from 1.03 billion shares"
    /// is a count), is in the amount's currency.
    pub(crate) fn elided_after(&self, p: &Parsed) -> Option<Parsed> {
        let j = p.consumed;
        if p.per_unit.is_some() || p.value < 1e5 || p.high.is_some() {
            return None;
        }
        // "fell 195 mln dlrs to 65.06 billion": after "to", the new level
        if !(matches!(self.lexi(j), Lex::From | Lex::To)
            || self.is_word(j, "vs")
            || self.is_word(j, "versus"))
        {
            return None;
        }
        let mut k = j + 1;
        if self.is_sym(k, ".") && !self.gap(k) {
            k += 1; // "vs."
        }
        if self.kind(k) != Some(Kind::Num) {
            return None;
        }
        let q = self.quantity(k)?;
        if !q.scaled || q.words {
            return None;
        }
        let follows_ok = match self.kind(q.end) {
            None | Some(Kind::Sym) => !self.is_sym(q.end, "%"),
            Some(Kind::Num) => false,
            Some(Kind::Word) => matches!(
                self.s(q.end).to_ascii_lowercase().as_str(),
                "a" | "an"
                    | "in"
                    | "the"
                    | "last"
                    | "earlier"
                    | "ago"
                    | "before"
                    | "previously"
                    | "during"
                    | "for"
                    | "at"
                    | "on"
                    | "and"
                    | "but"
                    | "while"
                    | "when"
                    | "as"
                    | "after"
                    | "reported"
                    | "posted"
                    | "respectively"
                    | "year"
            ),
        };
        follows_ok.then_some(Parsed {
            first: k,
            last: q.end,
            consumed: q.end,
            value: q.value,
            high: None,
            code: p.code,
            qualifier: None,
            per_unit: None,
            bare_dollar_prefix: None,
        })
    }

    /// A qualifier phrase ending right before token `i`: (number of tokens, normalised).
    fn qualifier_before(&self, i: usize, floor: usize) -> Option<(usize, &'static str)> {
        const PHRASES: &[(&[&str], &str)] = &[
            (&["no", "more", "than"], "up to"),
            (&["slightly", "more", "than"], "more than"),
            (&["slightly", "less", "than"], "less than"),
            (&["in", "excess", "of"], "more than"),
            (&["as", "high", "as"], "up to"),
            (&["as", "much", "as"], "up to"),
            (&["as", "little", "as"], "as little as"),
            (&["as", "low", "as"], "as little as"),
            (&["as", "many", "as"], "up to"),
            (&["more", "than"], "more than"),
            (&["less", "than"], "less than"),
            (&["fewer", "than"], "less than"),
            (&["up", "to"], "up to"),
            (&["at", "least"], "at least"),
            (&["at", "most"], "up to"),
            (&["close", "to"], "nearly"),
            (&["upwards", "of"], "more than"),
            (&["well", "over"], "more than"),
            (&["well", "above"], "more than"),
            (&["well", "under"], "less than"),
            (&["just", "over"], "more than"),
            (&["just", "under"], "nearly"),
            (&["an", "estimated"], "about"),
            (&["an", "additional"], "additional"),
            (&["a", "record"], "record"),
            (&["a", "further"], "additional"),
            (&["the", "estimated"], "about"),
            (&["a", "hefty"], ""),
            (&["a", "modest"], ""),
            (&["a", "whopping"], ""),
            (&["a", "mere"], ""),
            (&["a", "paltry"], ""),
            (&["a", "staggering"], ""),
            (&["a", "healthy"], ""),
            (&["an", "affordable"], ""),
            (&["about"], "about"),
            (&["around"], "about"),
            (&["approximately"], "about"),
            (&["roughly"], "about"),
            (&["some"], "about"),
            (&["circa"], "about"),
            (&["estimated"], "about"),
            (&["nearly"], "nearly"),
            (&["almost"], "nearly"),
            (&["over"], "more than"),
            (&["above"], "more than"),
            (&["under"], "less than"),
            (&["below"], "below"),
            (&["only"], "only"),
            (&["just"], "only"),
            (&["exactly"], "exactly"),
            (&["additional"], "additional"),
            (&["another"], "another"),
        ];
        'outer: for (words, norm) in PHRASES {
            let n = words.len();
            if i < floor + n {
                continue;
            }
            for (k, w) in words.iter().enumerate() {
                let t = i - n + k;
                if self.kind(t) != Some(Kind::Word) || !self.s(t).eq_ignore_ascii_case(w) {
                    continue 'outer;
                }
            }
            return Some((n, norm));
        }
        None
    }

    /// Is there only a `;` or `,` between token `prev_end` and `first` (a second equivalent
    /// in the same parenthesis: "($54.98m; £29.32m)")?
    pub(crate) fn listed_after(&self, prev_end: usize, first: usize) -> bool {
        first == prev_end + 1 && (self.is_sym(prev_end, ";") || self.is_sym(prev_end, ","))
    }

    /// If an amount starting at token `first` sits in an opening parenthesis right after
    /// token `prev_end`, it is an equivalent of the amount before.
    pub(crate) fn parenthesised_after(&self, prev_end: usize, first: usize) -> bool {
        (first == prev_end + 1 && self.is_sym(prev_end, "("))
            || (first == prev_end + 3
                && self.is_sym(prev_end, "-")
                && self.is_word(prev_end + 1, "LRB")
                && self.is_sym(prev_end + 2, "-"))
    }
}

/// Qualifiers kept as data but left out of the span, as OntoNotes annotators mostly do.
const OUTSIDE_SPAN: &[&str] = &["below"];

/// The numeral part of a scaled quantity (value ÷ the numeral = the scale).
fn parse_numeral_from_q(g: &Grammar<'_>, i: usize, q: &Quantity) -> f64 {
    let base = g.numeral(i).map(|(v, _)| v).unwrap_or(1.0);
    if base == 0.0 || q.words {
        // for words, the scale is the value of the last scale word
        let mut m = 1.0;
        for k in i..q.end {
            if let Lex::Scale { mult, .. } = g.lexi(k) {
                m = mult.max(m);
            }
        }
        return q.value / m;
    }
    base
}

/// `v / div` for cents and pence, without binary noise: 1.4 cts is 14 / 1000, not 0.01399….
fn ratio(v: f64, div: f64) -> f64 {
    if div == 1.0 {
        return v;
    }
    let mut p = 1.0;
    for _ in 0..7 {
        let scaled = v * p;
        if (scaled - scaled.round()).abs() < 1e-9 * scaled.abs().max(1.0) {
            return scaled.round() / (div * p);
        }
        p *= 10.0;
    }
    v / div
}

/// Parses `1,234.5` (or European `1.234.567`).
pub(crate) fn parse_numeral(s: &str) -> Option<f64> {
    if s.contains(',') {
        let mut groups = s.split(',');
        let head = groups.next()?;
        if head.is_empty() || head.len() > 3 || head.contains('.') {
            return None;
        }
        let mut out = String::with_capacity(s.len());
        out.push_str(head);
        for g in groups {
            let int = g.split('.').next()?;
            if int.len() != 3 {
                return None;
            }
            out.push_str(g);
        }
        return out.parse().ok();
    }
    if s.matches('.').count() > 1 {
        let parts: Vec<&str> = s.split('.').collect();
        if parts[1..].iter().all(|p| p.len() == 3) && parts[0].len() <= 3 {
            return parts.concat().parse().ok();
        }
        return None;
    }
    s.parse().ok()
}

/// Units that "a"/"an" may introduce as a per-unit amount.
fn is_unit(u: &str) -> bool {
    let last = u.rsplit(' ').next().unwrap_or(u);
    matches!(
        last,
        "share"
            | "barrel"
            | "bbl"
            | "ounce"
            | "oz"
            | "tonne"
            | "ton"
            | "pound"
            | "lb"
            | "kilo"
            | "kg"
            | "kilogram"
            | "bushel"
            | "bag"
            | "gallon"
            | "litre"
            | "liter"
            | "hour"
            | "day"
            | "week"
            | "month"
            | "year"
            | "head"
            | "unit"
            | "person"
            | "car"
            | "bottle"
            | "case"
            | "box"
            | "gram"
            | "minute"
            | "night"
            | "seat"
            | "ticket"
            | "copy"
            | "piece"
            | "acre"
            | "foot"
            | "metre"
            | "meter"
            | "mile"
            | "hectare"
            | "subscriber"
            | "household"
            | "employee"
            | "worker"
            | "student"
            | "visit"
            | "dozen"
            | "contract"
            | "megawatt"
            | "kilowatt"
            | "watt"
            | "therm"
            | "cwt"
            | "quarter"
    )
}
