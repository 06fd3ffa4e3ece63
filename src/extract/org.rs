//! Organisations: canonical names for the aliases news writes.

use super::tagger::{EntityKind, Span};
use super::Named;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::OnceLock;

/// (alias, canonical name). Aliases are matched case-sensitively for short acronyms
/// (so "who" is not the World Health Organization) and case-insensitively otherwise.
const ALIASES: &[(&str, &str)] = &[
    ("EU", "European Union"),
    ("E.U.", "European Union"),
    ("the European Union", "European Union"),
    ("EC", "European Community"),
    ("E.C.", "European Community"),
    ("E.E.C.", "European Community"),
    ("EEC", "European Community"),
    ("European Economic Community", "European Community"),
    // The EC's executive, as Reuters and the BBC name it.
    ("EC Commission", "European Commission"),
    ("E.C. Commission", "European Commission"),
    ("EEC Commission", "European Commission"),
    ("EC Executive Commission", "European Commission"),
    ("European Community Commission", "European Commission"),
    ("European Communities Commission", "European Commission"),
    (
        "Commission of the European Communities",
        "European Commission",
    ),
    (
        "Commission of the European Community",
        "European Commission",
    ),
    ("EU Commission", "European Commission"),
    ("UN", "United Nations"),
    ("U.N.", "United Nations"),
    ("the United Nations", "United Nations"),
    ("NATO", "NATO"),
    ("Nato", "NATO"),
    ("North Atlantic Treaty Organization", "NATO"),
    ("North Atlantic Treaty Organisation", "NATO"),
    ("IMF", "International Monetary Fund"),
    ("ECB", "European Central Bank"),
    ("Fed", "Federal Reserve"),
    ("the Fed", "Federal Reserve"),
    ("U.S. Federal Reserve", "Federal Reserve"),
    ("Federal Reserve Board", "Federal Reserve"),
    ("WTO", "World Trade Organization"),
    // British spellings of names written both ways (the BBC writes "Organisation").
    ("World Trade Organisation", "World Trade Organization"),
    ("World Health Organisation", "World Health Organization"),
    (
        "International Coffee Organisation",
        "International Coffee Organization",
    ),
    (
        "International Cocoa Organisation",
        "International Cocoa Organization",
    ),
    (
        "Strategic Defence Initiative",
        "Strategic Defense Initiative",
    ),
    ("GATT", "General Agreement on Tariffs and Trade"),
    ("WHO", "World Health Organization"),
    ("OPEC", "OPEC"),
    ("Opec", "OPEC"),
    ("Organization of Petroleum Exporting Countries", "OPEC"),
    ("Organisation of Petroleum Exporting Countries", "OPEC"),
    ("OECD", "OECD"),
    ("World Bank", "World Bank"),
    ("BoE", "Bank of England"),
    ("BOJ", "Bank of Japan"),
    ("BoJ", "Bank of Japan"),
    ("Bundesbank", "Deutsche Bundesbank"),
    ("SEC", "Securities and Exchange Commission"),
    // Halves of names that Reuters' headlines and line breaks split.
    (
        "Securities and Exchange",
        "Securities and Exchange Commission",
    ),
    ("Exchange Commission", "Securities and Exchange Commission"),
    ("Moody", "Moody's Investors Service"),
    ("Moody's Investors Service Inc", "Moody's Investors Service"),
    ("Moody's Investors Service", "Moody's Investors Service"),
    ("Standard and Poor's Corp", "Standard and Poor's"),
    // A trailing "'s" is gone before the table is read.
    ("Standard and Poor", "Standard and Poor's"),
    ("Standard & Poor", "Standard and Poor's"),
    ("S&P", "Standard and Poor's"),
    ("Poor's Corp", "Standard and Poor's"),
    ("Poor", "Standard and Poor's"),
    ("FBI", "FBI"),
    ("CIA", "CIA"),
    ("BBC", "BBC"),
    ("G7", "G7"),
    ("G-7", "G7"),
    ("Group of Seven", "G7"),
    ("G20", "G20"),
    ("G-20", "G20"),
    ("AU", "African Union"),
    ("ASEAN", "ASEAN"),
    ("Asean", "ASEAN"),
    ("IAEA", "International Atomic Energy Agency"),
    ("ICC", "International Criminal Court"),
    ("UNHCR", "UNHCR"),
    ("UNICEF", "UNICEF"),
    ("Unicef", "UNICEF"),
    ("Labour Party", "Labour"),
    ("Tory", "Conservative Party"),
    ("Tories", "Conservative Party"),
    ("Conservatives", "Conservative Party"),
    ("Lib Dems", "Liberal Democrats"),
    ("Pentagon", "Pentagon"),
    ("Kremlin", "Kremlin"),
    // Pairs that split the org facet of Reuters-21578 or BBC (both forms in the top 250).
    (
        "Organisation for Economic Cooperation and Development",
        "OECD",
    ),
    (
        "Organisation for Economic Co-operation and Development",
        "OECD",
    ),
    (
        "Organization for Economic Cooperation and Development",
        "OECD",
    ),
    ("U.S. Agriculture Department", "USDA"),
    ("U.S. Department of Agriculture", "USDA"),
    ("CFTC", "Commodity Futures Trading Commission"),
    ("FDA", "Food and Drug Administration"),
    (
        "U.S. Food and Drug Administration",
        "Food and Drug Administration",
    ),
    (
        "U.S. Securities and Exchange Commission",
        "Securities and Exchange Commission",
    ),
    ("U.S. Congress", "Congress"),
    ("U.S. House of Representatives", "House of Representatives"),
    ("U.S. House", "House of Representatives"),
    ("U.S. Senate", "Senate"),
    ("US Senate", "Senate"),
    ("US Congress", "Congress"),
    ("US House of Representatives", "House of Representatives"),
    ("CME", "Chicago Mercantile Exchange"),
    ("NYSE", "New York Stock Exchange"),
    ("ICCO", "International Cocoa Organization"),
    // Reuters' ICO is the coffee organisation (the cocoa one is ICCO).
    ("ICO", "International Coffee Organization"),
    ("MITI", "Ministry of International Trade and Industry"),
    ("LDP", "Liberal Democratic Party"),
    ("IADB", "Inter-American Development Bank"),
    ("CCC", "Commodity Credit Corporation"),
    // "Commodity Credit Corp" without its legal form.
    ("Commodity Credit", "Commodity Credit Corporation"),
    ("New China News Agency", "Xinhua"),
    ("International Business Machines", "IBM"),
    ("GM", "General Motors"),
    ("GE", "General Electric"),
    ("Ford", "Ford Motor"),
    ("VW", "Volkswagen"),
    ("British Petroleum", "BP"),
    ("American Telephone and Telegraph", "AT&T"),
    ("ATT", "AT&T"),
    ("TWA", "Trans World Airlines"),
    ("USAir Group", "USAir"),
    ("Goldman, Sachs", "Goldman Sachs"),
    ("Kidder, Peabody", "Kidder Peabody"),
    ("E.F. Hutton Group", "E.F. Hutton"),
    ("PaineWebber Group", "PaineWebber"),
    ("Morgan Guaranty Trust", "Morgan Guaranty"),
    ("Shearson", "Shearson Lehman Brothers"),
    ("Conservative", "Conservative Party"),
    ("Lib Dem", "Liberal Democrats"),
    ("UKIP", "UK Independence Party"),
    ("CES", "Consumer Electronics Show"),
    // Firms named after people, which the tagger reads as persons ("brokers James Capel
    // said"); see [`join_firm_names`].
    ("James Capel", "James Capel"),
    ("L.F. Rothschild", "L.F. Rothschild"),
    ("L.F. Rothschild, Unterberg, Towbin", "L.F. Rothschild"),
    ("Wagner and Brown", "Wagner and Brown"),
    ("Phillips and Drew", "Phillips and Drew"),
    ("Johnson and Johnson", "Johnson and Johnson"),
    ("Johnson/Johnson", "Johnson and Johnson"),
    ("Sallie Mae", "Sallie Mae"),
    ("Fannie Mae", "Fannie Mae"),
    ("Freddie Mac", "Freddie Mac"),
    ("Alex, Brown and Sons", "Alex. Brown and Sons"),
    ("Alex Brown and Sons", "Alex. Brown and Sons"),
    ("Alex. Brown", "Alex. Brown and Sons"),
    (
        "Donaldson, Lufkin and Jenrette",
        "Donaldson Lufkin and Jenrette",
    ),
    (
        "Donaldson, Lufkin and Jenrette Securities",
        "Donaldson Lufkin and Jenrette",
    ),
    (
        "Donaldson Lufkin and Jenrette Securities",
        "Donaldson Lufkin and Jenrette",
    ),
    ("Donaldson Lufkin", "Donaldson Lufkin and Jenrette"),
    ("Merrill Lynch, Pierce, Fenner and Smith", "Merrill Lynch"),
    ("Dillon, Read", "Dillon Read"),
    ("Bear, Stearns", "Bear Stearns"),
    ("J.P. Morgan", "J.P. Morgan"),
    ("H.J. Heinz", "H.J. Heinz"),
    ("H.F. Ahmanson", "H.F. Ahmanson"),
    ("A.E. Staley", "A.E. Staley"),
    ("F.O. Licht", "F.O. Licht"),
    ("E.D. and F. Man", "E.D. and F. Man"),
    ("F. Man", "E.D. and F. Man"),
    ("F Man", "E.D. and F. Man"),
    ("Stearns", "Bear Stearns"),
];

/// Legal forms that end company names ("Texaco Inc", "Siemens AG"): one company is named
/// with and without them, so the canonical name drops them (compared without case and a
/// final period).
const LEGAL_FORMS: &[&str] = &[
    "inc",
    "incorporated",
    "corp",
    "co",
    "cos",
    "ltd",
    "plc",
    "llc",
    "lp",
    "llp",
    "ag",
    "sa",
    "nv",
    "bv",
    "gmbh",
    "spa",
    "bhd",
    "pty",
];

/// Whether `word` (without case) is one of [`LEGAL_FORMS`].
fn is_legal_form(word: &str) -> bool {
    LEGAL_FORMS.iter().any(|f| f.eq_ignore_ascii_case(word))
}

/// Words other than legal forms that end a firm's name ("Alex. Brown and Sons").
const FIRM_WORDS: &[&str] = &[
    "sons",
    "brothers",
    "company",
    "securities",
    "associates",
    "partners",
];

/// Whether `word` ends a firm's name: a capitalised legal form or [`FIRM_WORDS`] ("Inc",
/// "Co.", "Sons").
fn is_firm_ending(word: &str) -> bool {
    let w = word.strip_suffix('.').unwrap_or(word);
    w.starts_with(|c: char| c.is_ascii_uppercase())
        && (is_legal_form(w) || FIRM_WORDS.iter().any(|f| f.eq_ignore_ascii_case(w)))
}

/// The end of the word right after a name ending at byte `end` of `text` that makes the name
/// a firm's ([`is_firm_word`]), after white space (a line break at most): "TORONTO DOMINION
/// BANK" (tagged a person "TORONTO DOMINION"), "Asher Edelman Group", "Salomon\nBrothers".
/// A sentence's period stays out ("sold to Nomura Securities."); "Co." keeps its own.
pub(crate) fn firm_word_after(text: &str, end: usize) -> Option<usize> {
    let (Joint::Space, start) = next_joint(text, end)? else {
        return None;
    };
    let word = word_at(text, start);
    let word_end = start + word.len();
    // "Co-Chairman", "Bank-led": a word that goes on after a hyphen ends no firm's name.
    if text[word_end..].starts_with('-') {
        return None;
    }
    is_firm_word(word).then_some(word_end)
}

/// Whether `word` makes the name before it a firm's: "Bank", "Group" or a firm's ending
/// ("Inc", "Co.", "Sons"), capitalised.
pub(crate) fn is_firm_word(word: &str) -> bool {
    let bare = word.strip_suffix('.').unwrap_or(word);
    (["Bank", "Group"]
        .iter()
        .any(|w| w.eq_ignore_ascii_case(bare))
        && bare.starts_with(|c: char| c.is_ascii_uppercase()))
        || is_firm_ending(word)
}

/// What separates two names of one firm.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gap {
    /// ", " ("Dillon, Read").
    Comma,
    /// " and " or " & " ("Wagner and Brown").
    And,
    /// ". " after a one-word abbreviation ("Alex. Brown").
    Period,
    /// "/" between the halves of a name in a capital headline ("JOHNSON/JOHNSON").
    Slash,
}

/// Abbreviated given names that a firm's name writes with a period ("Alex. Brown and Sons");
/// after any other word, ". " ends a sentence ("bought by Icahn. Texaco Inc said").
const ABBREVIATED_NAMES: &[&str] = &["Alex", "Wm", "Chas", "Geo", "Jas", "Thos", "Robt", "Benj"];

/// The [`Gap`] that `gap` is, if it can separate two names of one firm; `before` is the name
/// before it.
fn firm_gap(gap: &str, before: &str) -> Option<Gap> {
    let mut parts = gap.split_whitespace();
    let (Some(word), None) = (parts.next(), parts.next()) else {
        return None;
    };
    let spaced_before = gap.starts_with(char::is_whitespace);
    let spaced_after = gap.ends_with(char::is_whitespace);
    match word {
        "and" | "&" if spaced_before && spaced_after => Some(Gap::And),
        "," if !spaced_before && spaced_after => Some(Gap::Comma),
        "." if !spaced_before && spaced_after && ABBREVIATED_NAMES.contains(&before) => {
            Some(Gap::Period)
        }
        "/" if !spaced_before && !spaced_after => Some(Gap::Slash),
        _ => None,
    }
}

/// What joins a name to the next word of a firm's name: a comma, "and" or "&", or a space.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Joint {
    Comma,
    And,
    Space,
}

/// The [`Joint`] after byte `at` of `text` and where the next word starts: an optional comma,
/// then white space (a line break at most: Reuters wraps "Alex. Brown and\nSons"), then
/// optionally "and" or "&" and white space again.
fn next_joint(text: &str, at: usize) -> Option<(Joint, usize)> {
    let space = |from: usize| after_space(&text[from..]).map(|rest| text.len() - rest.len());
    let comma = text[at..].starts_with(',');
    let mut word = space(at + usize::from(comma))?;
    let mut joint = if comma { Joint::Comma } else { Joint::Space };
    for c in ["and", "&"] {
        if text[word..].starts_with(c) {
            if let Some(next) = space(word + c.len()) {
                word = next;
                joint = Joint::And;
                break;
            }
        }
    }
    Some((joint, word))
}

/// The word of `text` starting at byte `start`: letters, digits and periods, without a
/// sentence's final period ("Co." keeps its period; "Sons." ends a sentence).
fn word_at(text: &str, start: usize) -> &str {
    let len = text[start..]
        .find(|c: char| !(c.is_alphanumeric() || c == '.'))
        .unwrap_or(text.len() - start);
    let word = &text[start..start + len];
    match word.strip_suffix('.') {
        Some(bare) if !is_legal_form(bare) => bare,
        _ => word,
    }
}

/// The end of the firm endings that follow `end` in `text` ("and Sons Inc", ", Inc", " Co"),
/// if any.
fn firm_tail(text: &str, end: usize) -> Option<usize> {
    let mut at = end;
    let mut found = None;
    while let Some((_, start)) = next_joint(text, at) {
        let word = word_at(text, start);
        if !is_firm_ending(word) {
            break;
        }
        at = start + word.len();
        found = Some(at);
    }
    found
}

/// Whether `written` is nothing but firm endings ("Sons Inc", "and Co").
fn only_firm_endings(written: &str) -> bool {
    written
        .split_whitespace()
        .all(|w| w == "and" || w == "&" || is_firm_ending(w.trim_end_matches(',')))
}

/// Joins the tagger's spans that make up one firm's name into one organisation span:
/// partners' names ("Dillon, Read and Co", "Alex. Brown and Sons Inc", "Merrill Lynch,
/// Pierce, Fenner and Smith Inc"), a person's name with a firm's ending ("James Capel and
/// Co", "A.G. Edwards and Sons Inc"), the same name twice ("Johnson and Johnson") and the
/// firms of [`ALIASES`] that the tagger reads as persons ("Wagner and Brown", "James
/// Capel"). One-word persons that are a word of a joined firm ("Capel handled the deal")
/// are dropped: they name the firm. The tagger, trained on words, reads such names as a
/// person and an organisation, or as two persons: "Brown" was the 8th person of the
/// Reuters-21578 facet.
pub(crate) fn join_firm_names(text: &str, spans: Vec<Span>) -> Vec<Span> {
    use EntityKind::{Location, Organization, Person};
    let spans = join_bracketed_firms(text, spans);
    if !spans.iter().any(|s| s.kind == Person) {
        return spans;
    }
    let span_text = |s: &Span| &text[s.start..s.end];
    let words_of = |s: &Span| span_text(s).split_whitespace().count();
    let named = |kind| matches!(kind, Person | Organization | Location);
    // The last words of the persons named in full.
    let surnames: Vec<&str> = spans
        .iter()
        .filter(|s| s.kind == Person && words_of(s) > 1)
        .map(|s| last_word(text, *s))
        .collect();
    let mut out: Vec<Span> = Vec::with_capacity(spans.len());
    let mut firms: Vec<Span> = Vec::new();
    let mut i = 0;
    while i < spans.len() {
        // The longest run of names from `i` with firm gaps, "and" only as the last gap
        // ("Wagner and Brown and AFG Industries Inc" is two firms). A complete name ends
        // the run: one with a firm's ending ("Alex. Brown and Sons Inc, Bear, Stearns") or,
        // unless the whole run is a known firm ("Merrill Lynch, Pierce, Fenner and Smith"),
        // an organisation of the alias table ("SEC, Bilzerian and Bicoastal Financial
        // Corp" is a list).
        let run_from = |stop_at_known: bool| {
            let mut j = i;
            let mut gaps = Vec::new();
            while j + 1 < spans.len()
                && named(spans[j].kind)
                && named(spans[j + 1].kind)
                && spans[j].end <= spans[j + 1].start
                && gaps.last() != Some(&Gap::And)
                && !(spans[j].kind == Organization && is_firm_ending(last_word(text, spans[j])))
            {
                let gap = &text[spans[j].end..spans[j + 1].start];
                let Some(gap) = firm_gap(gap, span_text(&spans[j])) else {
                    break;
                };
                // Looked up only for names a firm's gap joins: most are far apart.
                if stop_at_known
                    && [spans[j], spans[j + 1]]
                        .iter()
                        .any(|s| s.kind == Organization && is_alias(text, *s))
                {
                    break;
                }
                gaps.push(gap);
                j += 1;
            }
            (j, gaps)
        };
        // (A run of one name is the same either way.)
        let (j, gaps) = match run_from(false) {
            (j, gaps) if j == i || is_known_firm(&text[spans[i].start..spans[j].end]) => (j, gaps),
            _ => run_from(true),
        };
        let run = &spans[i..=j];
        let last = spans[j];
        let (start, last_end) = (run[0].start, last.end);
        let written = &text[start..last_end];
        // A run without a person is left as it is: no need to look at what follows it.
        let has_person = run.iter().any(|s| s.kind == Person);
        let tail = if has_person {
            firm_tail(text, last_end)
        } else {
            None
        };
        let ends_as_firm = has_person && (tail.is_some() || is_firm_ending(last_word(text, last)));
        let joined = if !has_person {
            None
        } else if gaps.contains(&Gap::Slash) {
            // "JOHNSON/JOHNSON": the same name twice.
            (run.len() == 2 && span_text(&run[0]).eq_ignore_ascii_case(span_text(&last)))
                .then_some(last_end)
        } else if run.len() >= 2
            && ends_as_firm
            // One "and" per firm: "Merrill Lynch Capital Markets and Allen and Co" is a list.
            && !(gaps.last() == Some(&Gap::And)
                && matches!(next_joint(text, last_end), Some((Joint::And, _))))
            // Partners are named by surname ("Donaldson, Lufkin and Jenrette"): a full name
            // is more likely a list ("Lee Iacocca, Ford and GM Corp"), unless all that
            // follows it is the firm's ending ("A.G. Edwards and Sons Inc").
            && (run.iter().all(|s| s.kind == Organization || words_of(s) == 1)
                // A surname that the article also gives in full is a person ("Paul
                // Bilzerian ... Bilzerian and Bicoastal Financial Corp").
                && !run.iter().any(|s| s.kind == Person && surnames.contains(&span_text(s)))
                || (run.len() == 2 && last.kind == Organization && only_firm_endings(span_text(&last))))
        {
            Some(tail.unwrap_or(last_end))
        } else if gaps == [Gap::And]
            && run.iter().all(|s| s.kind == Person && words_of(s) == 1)
            && span_text(&run[0]).eq_ignore_ascii_case(span_text(&last))
        {
            Some(last_end)
        } else if is_known_firm(written) {
            Some(tail.unwrap_or(last_end))
        } else if run.len() == 1 && run[0].kind == Person {
            // A person's name with a firm's ending: "James Capel and Co", "Odlum Brown Ltd".
            tail.filter(|_| match next_joint(text, last_end) {
                Some((Joint::And, _)) => true,
                Some((Joint::Space, start)) => {
                    let word = word_at(text, start);
                    is_firm_ending(word) && is_legal_form(word.strip_suffix('.').unwrap_or(word))
                }
                _ => false,
            })
        } else {
            None
        };
        match joined {
            Some(end) => {
                // Reuters marks company names with angle brackets ("<Donaldson, Lufkin…").
                let start = if text[start..].starts_with('<') {
                    start + 1
                } else {
                    start
                };
                let firm = Span {
                    kind: Organization,
                    start,
                    end,
                };
                out.push(firm);
                firms.push(firm);
                i = j + 1;
            }
            None => {
                out.push(spans[i]);
                i += 1;
            }
        }
    }
    if !firms.is_empty() {
        out.retain(|s| {
            s.kind != Person
                || words_of(s) != 1
                || !firms.iter().any(|f| {
                    span_text(f)
                        .split(|c: char| !c.is_alphanumeric())
                        .any(|w| w.eq_ignore_ascii_case(span_text(s)))
                })
        });
    }
    out
}

/// Words that Reuters writes in brackets between a firm's name and its legal form, and that
/// the firm's name drops with it: "Cheung Kong (Holdings) Ltd" is Cheung Kong.
const BRACKETED_FIRM_WORDS: &[&str] = &["(Holdings)", "(Holding)", "(Group)"];

/// Joins a name followed by a capitalised word in brackets and a legal form into one
/// organisation span: "Cheung Kong (Holdings) Ltd", "Man Pacific (Holdings) Ltd", unless
/// the tagger reads the bracketed word as a place. The tagger reads the name as a person or
/// a place and the bracketed word as an organisation of its own ("Cheung Kong" was a person
/// in 13 Reuters-21578 articles, "Holdings" an organisation in 17).
fn join_bracketed_firms(text: &str, spans: Vec<Span>) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::with_capacity(spans.len());
    let mut joined_until = 0;
    for (i, span) in spans.iter().enumerate() {
        // The bracketed word of the firm just joined is part of it.
        if span.start < joined_until {
            continue;
        }
        // A place in the brackets ("Chevron Petroleum (U.K.) Ltd") stays a place: it tells
        // where the article is set, and a national branch is not folded into its parent.
        let end = bracketed_firm_end(text, span.end).filter(|&end| {
            !spans
                .get(i + 1)
                .is_some_and(|next| next.start < end && next.kind == EntityKind::Location)
        });
        match end {
            Some(end) => {
                out.push(Span {
                    kind: EntityKind::Organization,
                    start: span.start,
                    end,
                });
                joined_until = end;
            }
            None => out.push(*span),
        }
    }
    out
}

/// What follows the white space `s` starts with, if it starts with some and it holds one
/// line break at most.
fn after_space(s: &str) -> Option<&str> {
    let rest = s.trim_start();
    let gap = &s[..s.len() - rest.len()];
    (!gap.is_empty() && gap.matches('\n').count() <= 1).then_some(rest)
}

/// The end of " (Word) Ltd" right after byte `end` of `text`, if that follows: one
/// capitalised word in brackets between white space (one line break at most on each side),
/// then a capitalised legal form.
fn bracketed_firm_end(text: &str, end: usize) -> Option<usize> {
    // White space on either side of the brackets: a space, or a line break (Reuters wraps
    // "Yamaichi International\n(Europe) Ltd" and "Cheung Kong (Holdings)\nLtd").
    let rest = after_space(&text[end..])?.strip_prefix('(')?;
    let len = rest.find(|c: char| !(c.is_alphanumeric() || c == '.'))?;
    let (word, after) = (&rest[..len], rest[len..].strip_prefix(')')?);
    if !word.starts_with(|c: char| c.is_ascii_uppercase()) {
        return None;
    }
    let form = after_space(after)?;
    let form_start = text.len() - form.len();
    let form = word_at(text, form_start);
    (is_firm_ending(form) && is_legal_form(form.strip_suffix('.').unwrap_or(form)))
        .then_some(form_start + form.len())
}

/// Whether a span names an organisation of [`ALIASES`] ("PaineWebber Group Inc").
fn is_alias(text: &str, span: Span) -> bool {
    let name = canonical(&crate::read::fields::collapse_whitespace(
        &text[span.start..span.end],
    ));
    alias_index().canonical.contains(name.as_str())
}

/// The last word of a span's text.
fn last_word(text: &str, span: Span) -> &str {
    text[span.start..span.end]
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("")
}

/// Whether `written` (whitespace collapsed), with or without its legal form, is a name of
/// several words in [`ALIASES`], as an alias or as a canonical name ("E.F. Hutton").
fn is_known_firm(written: &str) -> bool {
    // Most runs are one word: no copy for them.
    if !written.trim().contains(char::is_whitespace) {
        return false;
    }
    // Nor for most of the others: a name of the table begins with the same word.
    if !alias_index().begins_a_name(written) {
        return false;
    }
    let name = crate::read::fields::collapse_whitespace(written);
    let bare = without_legal_form(&name);
    name.contains(' ')
        && (alias(&name).is_some()
            || alias(bare).is_some()
            || alias_index().canonical.contains(bare))
}

/// `name` without its trailing legal forms and the connector or comma before them
/// ("Morgan Stanley & Co", "Acme, Inc."), if a name is left.
fn without_legal_form(name: &str) -> &str {
    let mut rest = name;
    loop {
        let Some((head, last)) = rest.rsplit_once(' ') else {
            return rest;
        };
        let word = last.strip_suffix('.').unwrap_or(last);
        if !is_legal_form(word) && !BRACKETED_FIRM_WORDS.contains(&last) {
            return rest;
        }
        let head = head.trim_end();
        let head = head
            .strip_suffix(" &")
            .or_else(|| head.strip_suffix(" and"))
            .unwrap_or(head)
            .trim_end_matches([',', ' ']);
        if !head.chars().any(char::is_alphabetic) {
            return rest;
        }
        rest = head;
    }
}

/// Whether an alias is a short acronym ("EU", "U.N."), matched only as written.
fn is_short(alias: &str) -> bool {
    alias.len() <= 5 && alias.chars().all(|c| c.is_ascii_uppercase() || c == '.')
}

/// [`ALIASES`] indexed once: short acronyms by their text, the other aliases by their ASCII
/// lower case, each to its first position in the table.
struct AliasIndex {
    exact: HashMap<&'static str, usize>,
    folded: HashMap<String, usize>,
    /// The canonical names.
    canonical: HashSet<&'static str>,
    /// The first word, in ASCII lower case, of every alias and canonical name.
    first_words: HashSet<String>,
}

impl AliasIndex {
    /// Whether the first word of `text` (ASCII case ignored, a trailing comma dropped) is
    /// the first word of an alias or a canonical name: if not, neither `text` nor what
    /// [`is_known_firm`] makes of it (`text` without its legal form: "Ford, Inc" is "Ford")
    /// is one.
    fn begins_a_name(&self, text: &str) -> bool {
        let word = text.split_whitespace().next().unwrap_or("");
        let word = word.trim_end_matches(',');
        let mut buf = [0u8; 32];
        match buf.get_mut(..word.len()) {
            Some(lower) => {
                lower.copy_from_slice(word.as_bytes());
                lower.make_ascii_lowercase();
                // ASCII lower-casing keeps UTF-8 valid.
                std::str::from_utf8(lower).is_ok_and(|w| self.first_words.contains(w))
            }
            None => self.first_words.contains(&word.to_ascii_lowercase()),
        }
    }
}

/// The index of [`ALIASES`], made on first use.
fn alias_index() -> &'static AliasIndex {
    static INDEX: OnceLock<AliasIndex> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut exact = HashMap::default();
        let mut folded = HashMap::default();
        for (i, (alias, _)) in ALIASES.iter().enumerate() {
            if is_short(alias) {
                exact.entry(*alias).or_insert(i);
            } else {
                folded.entry(alias.to_ascii_lowercase()).or_insert(i);
            }
        }
        let canonical = ALIASES.iter().map(|(_, c)| *c).collect();
        let first_words = ALIASES
            .iter()
            .flat_map(|(a, c)| [*a, *c])
            .map(|name| {
                let first = name.split_whitespace().next().unwrap_or("");
                first.trim_end_matches(',').to_ascii_lowercase()
            })
            .collect();
        AliasIndex {
            exact,
            folded,
            canonical,
            first_words,
        }
    })
}

/// The canonical name of the first alias in [`ALIASES`] that `name` matches.
fn alias(name: &str) -> Option<&'static str> {
    let index = alias_index();
    let exact = index.exact.get(name).copied();
    let folded = index.folded.get(&name.to_ascii_lowercase()).copied();
    let first = match (exact, folded) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    };
    first.map(|i| ALIASES[i].1)
}

/// The table's canonical name when `name` is an organisation the alias table knows, by an
/// alias ("Lib Dems") or by that name itself ("Liberal Democrats").
pub(crate) fn known(name: &str) -> Option<&'static str> {
    alias(name).or_else(|| alias_index().canonical.get(name).copied())
}

/// The canonical name of an organisation: the alias table, then "the " stripped, a
/// trailing possessive removed and trailing legal forms ("Inc", "Corp", "AG") dropped.
pub fn canonical(name: &str) -> String {
    let name = name.trim();
    let name = ["'s", "’s", "'S", "’S"]
        .iter()
        .find_map(|s| name.strip_suffix(s))
        .unwrap_or(name);
    let name = name.trim();
    if let Some(canonical) = alias(name) {
        return canonical.to_string();
    }
    let stripped = ["the ", "The "]
        .iter()
        .find_map(|p| name.strip_prefix(p))
        .unwrap_or(name);
    if stripped.len() != name.len() {
        return canonical(stripped);
    }
    let bare = without_legal_form(name);
    if bare.len() != name.len() {
        return canonical(bare);
    }
    // A name in a headline's capitals ("BANK OF FRANCE", "U.S. TREASURY") is written as in a
    // sentence, unless it could be an acronym ("TEXACO" stays for `fold_capitalised`).
    if let Some(cased) = sentence_cased(name).filter(|c| c != name) {
        return canonical(&cased);
    }
    // Reuters' lower-case tags ("imf", "ec", "opec"): retry the upper-cased acronym.
    if name.len() <= 5 && name.chars().all(|c| c.is_ascii_lowercase()) {
        let upper = name.to_ascii_uppercase();
        // Up to five capitals: a short acronym if it is an alias at all.
        if alias_index().exact.contains_key(upper.as_str()) {
            return canonical(&upper);
        }
    }
    name.to_string()
}

/// A name of seven letters or more written all in capitals, as a sentence would write it:
/// each word capitalised ("Mc" names as "McDonnell"), function words after the first in lower
/// case, and words with full stops or of up to two letters kept ("U.S. Treasury", "EC
/// Commission"). `None` for any other name; shorter ones may be acronyms ([`is_acronym`]
/// allows six letters).
fn sentence_cased(name: &str) -> Option<String> {
    let letters = name.chars().filter(|c| c.is_alphabetic());
    if letters.clone().count() < 7 || !letters.clone().all(|c| c.is_uppercase()) {
        return None;
    }
    let words: Vec<String> = name
        .split(' ')
        .enumerate()
        .map(|(i, word)| {
            let lower = word.to_lowercase();
            let n = word.chars().filter(|c| c.is_alphabetic()).count();
            if i > 0 && UNSPELT.contains(&lower.as_str()) {
                lower
            } else if word.contains('.') || n <= 2 {
                word.to_string()
            } else {
                let mut out = String::with_capacity(word.len());
                let mut start = true;
                for (j, c) in word.chars().enumerate() {
                    if start || (j == 2 && n >= 5 && out.starts_with("Mc")) {
                        out.extend(c.to_uppercase());
                    } else {
                        out.extend(c.to_lowercase());
                    }
                    start = !c.is_alphabetic() && c != '\'';
                }
                out
            }
        })
        .collect();
    Some(words.join(" "))
}

/// Whether a name is written as an acronym: two to six capital letters and nothing else but
/// full stops ("ICO", "U.N.", "FHLBB").
pub fn is_acronym(name: &str) -> bool {
    let letters = name.chars().filter(|&c| c != '.');
    (2..=6).contains(&letters.clone().count()) && letters.clone().all(|c| c.is_ascii_uppercase())
}

/// Words an acronym usually leaves out ("Organisation of Petroleum Exporting Countries").
const UNSPELT: &[&str] = &["of", "and", "for", "the", "on", "in", "at", "to", "de", "&"];

/// The acronyms a name spells: the capitals that start its words ("U.S." gives both, and a
/// capital after a hyphen counts: "Rio Tinto-Zinc" is RTZ, "Co-operation" C), without and with
/// the function words (`UNSPELT`), the latter as in "Bank of Japan" (BOJ). Empty for a
/// one-word name or one with a word in lower case that is not a function word.
fn spelt_acronyms(name: &str) -> Vec<String> {
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.len() < 2 {
        return Vec::new();
    }
    let (mut without, mut with) = (String::new(), String::new());
    for word in words {
        let first = word.chars().next().unwrap_or(' ');
        if UNSPELT.contains(&word.to_lowercase().as_str()) {
            with.push(first.to_ascii_uppercase());
        } else if first.is_ascii_uppercase() {
            let letters: String = if word.contains('.') && is_acronym(word) {
                word.chars().filter(char::is_ascii_uppercase).collect()
            } else {
                word.split('-')
                    .filter_map(|part| part.chars().next())
                    .enumerate()
                    .filter(|&(i, c)| i == 0 || c.is_ascii_uppercase())
                    .map(|(_, c)| c)
                    .collect()
            };
            without.push_str(&letters);
            with.push_str(&letters);
        } else {
            return Vec::new();
        }
    }
    if with == without {
        vec![without]
    } else {
        vec![without, with]
    }
}

/// Within one article, an organisation written as an acronym ("ICO") is the organisation the
/// article names in full whose words it spells ("International Coffee Organization"): its
/// mentions join that name's. An acronym that no full name in the article spells, or two do
/// ("ADB" next to both the Asian and the African Development Bank), stays as it is, and so
/// does one the input tagged without a mention in the text. A name whose acronym in
/// [`ALIASES`] is another one ("ICCO" for the International Cocoa Organization) takes no
/// other. An acronym that is the table's own name for an organisation ("OPEC") keeps it: the
/// full name's mentions join the acronym's.
pub(crate) fn fold_acronyms(orgs: &mut Vec<Named>) {
    if !orgs
        .iter()
        .any(|o| !o.mentions.is_empty() && is_acronym(&o.canonical))
    {
        return;
    }
    let spelt: Vec<Vec<String>> = orgs.iter().map(|o| spelt_acronyms(&o.canonical)).collect();
    let mut gone = vec![false; orgs.len()];
    for i in 0..orgs.len() {
        if gone[i] || orgs[i].mentions.is_empty() || !is_acronym(&orgs[i].canonical) {
            continue;
        }
        let letters: String = orgs[i].canonical.chars().filter(|&c| c != '.').collect();
        let named_otherwise = |full: &str| {
            ALIASES.iter().any(|&(alias, name)| {
                name == full && is_acronym(alias) && alias.replace('.', "") != letters
            })
        };
        let mut spellers = (0..orgs.len()).filter(|&j| {
            !gone[j]
                && !orgs[j].mentions.is_empty()
                && spelt[j].contains(&letters)
                && !named_otherwise(&orgs[j].canonical)
        });
        let (Some(j), None) = (spellers.next(), spellers.next()) else {
            continue;
        };
        let curated = ALIASES.iter().any(|&(_, name)| name == orgs[i].canonical);
        let (from, into) = if curated { (j, i) } else { (i, j) };
        let mentions = std::mem::take(&mut orgs[from].mentions);
        orgs[into].mentions.extend(mentions);
        gone[from] = true;
    }
    let mut keep = gone.iter().map(|g| !g);
    orgs.retain(|_| keep.next().unwrap_or(true));
}

/// One-word "organisations" that name a kind of body, not one body: "the Commission", "the
/// Fund", "the Board". Compared without case.
const BODY_NOUNS: &[&str] = &[
    "agency",
    "association",
    "authority",
    "bank",
    "board",
    "bureau",
    "cabinet",
    "city",
    "commission",
    "committee",
    "community",
    "company",
    "corporation",
    "council",
    "court",
    "department",
    "exchange",
    "federation",
    "fund",
    "government",
    "group",
    "house",
    "institute",
    "ministry",
    "office",
    "organisation",
    "organization",
    "party",
    "union",
];

/// One-word "organisations" that are a word the tagger cut off a name, a title or a term
/// ("Federal funds", "Finance Minister", "Electric output", "GNP growth"). Compared without
/// case.
const FRAGMENTS: &[&str] = &[
    "agriculture",
    "commerce",
    "defence",
    "defense",
    "electric",
    "energy",
    "federal",
    "finance",
    "gdp",
    "gnp",
    "interior",
    "news",
    "trade",
];

/// Whether a word of `name` names a kind of body or a firm ([`BODY_NOUNS`], [`FRAGMENTS`],
/// a firm's word or a legal form): "Martin Bangemann" has none, "Commerce Department" does.
pub(crate) fn has_body_word(name: &str) -> bool {
    name.split_whitespace()
        .any(|w| is_generic(w) || is_firm_word(w) || is_legal_form(w))
}

/// Whether `name` is one of the one-word [`BODY_NOUNS`] or [`FRAGMENTS`].
fn is_generic(name: &str) -> bool {
    let is = |list: &[&str]| list.iter().any(|g| g.eq_ignore_ascii_case(name));
    is(BODY_NOUNS) || is(FRAGMENTS)
}

/// Whether `name` is a body of the kind `noun` names: its last word, or the word before
/// "of" ("Ministry of Finance"), is `noun` ("EC Commission", not "Securities and Exchange
/// Commission" for "Exchange").
fn headed_by(name: &str, noun: &str) -> bool {
    let words: Vec<&str> = name_words(name).collect();
    words.len() >= 2
        && (words.last().is_some_and(|w| w.eq_ignore_ascii_case(noun)) || noun_of(&words, noun))
}

/// The words of an organisation's name, split at spaces, hyphens and slashes.
fn name_words(name: &str) -> impl Iterator<Item = &str> {
    name.split([' ', '-', '/']).filter(|w| !w.is_empty())
}

/// Whether `words` hold `noun` followed by "of" ("Ministry of Finance", "House of Lords").
fn noun_of(words: &[&str], noun: &str) -> bool {
    words
        .windows(2)
        .any(|p| p[0].eq_ignore_ascii_case(noun) && p[1] == "of")
}

/// Moves the mentions of each organisation `i` with `into[i] = Some(j)` to organisation `j`,
/// then removes the organisations marked in `gone`.
fn fold_into(orgs: &mut Vec<Named>, into: &[Option<usize>], gone: &[bool]) {
    for (i, j) in into.iter().enumerate() {
        if let Some(j) = *j {
            let mentions = std::mem::take(&mut orgs[i].mentions);
            orgs[j].mentions.extend(mentions);
        }
    }
    let mut keep = gone.iter().map(|g| !g);
    orgs.retain(|_| keep.next().unwrap_or(true));
}

/// Whether a mention is written with a legal form ("Union Corp", "Union Corp's"): then the
/// name, without it, is a firm's.
pub(crate) fn written_as_firm(text: &str) -> bool {
    let text = ["'s", "’s"]
        .iter()
        .find_map(|s| text.strip_suffix(s))
        .unwrap_or(text);
    let mut words = text.split_whitespace();
    words.next().is_some()
        && words
            .next_back()
            .is_some_and(|w| is_legal_form(w.trim_end_matches('.')))
}

/// The canonical name of the European Community's (and Union's) executive.
const EUROPEAN_COMMISSION: &str = "European Commission";

/// The canonical name of the lower house of the US Congress.
const HOUSE_OF_REPRESENTATIVES: &str = "House of Representatives";

/// The canonical name of the lower house of the British Parliament.
const HOUSE_OF_COMMONS: &str = "House of Commons";

/// Gives each one-word name of a kind of body ([`BODY_NOUNS`]) to the body of the article it
/// stands for, and drops the other generic names ([`FRAGMENTS`], and body nouns with no such
/// body): the mentions of "Board" join "Iowa Utilities Board", those of "Fund" the
/// "International Monetary Fund". The body is an organisation of the article headed by the
/// noun ([`headed_by`]); of several, the one named last before the word's first mention, else
/// the one named most (then first). "The Commission" with no commission named, in an article
/// that names the European Community or Union, is the European Commission. "The House" with
/// no house named ("House of …") is the House of Representatives in an article whose
/// organisations include Congress, the Senate or one of their committees, else the House of
/// Commons in one that writes "Commons" or "MPs", else the House of Representatives again in
/// one that writes "Congress", "Senate", "congressional", "Rep." or "Sen.". With none ("the
/// Cabinet"), or for a fragment ("Federal funds", "Finance Minister"), the name says nothing
/// a facet could use, and it goes. A name written with a legal form ("Union Corp") is a firm's
/// and stays, and so does one the input tagged without a mention in the text.
pub(crate) fn fold_generic(orgs: &mut Vec<Named>, text: &str) {
    let generic = |o: &Named| {
        !o.canonical.contains(' ')
            && is_generic(&o.canonical)
            && !o.mentions.is_empty()
            && !o.mentions.iter().any(|m| written_as_firm(&m.text))
    };
    if !orgs.iter().any(generic) {
        return;
    }
    // Where each organisation was named, before any mentions move.
    let starts: Vec<Vec<usize>> = orgs
        .iter()
        .map(|o| o.mentions.iter().map(|m| m.start).collect())
        .collect();
    let mut into: Vec<Option<usize>> = vec![None; orgs.len()];
    let mut gone = vec![false; orgs.len()];
    // Bodies that a generic name stands for without the article naming them in full.
    let mut implied: Vec<(usize, &str)> = Vec::new();
    for i in 0..orgs.len() {
        if !generic(&orgs[i]) {
            continue;
        }
        gone[i] = true;
        let word = &orgs[i].canonical;
        if !BODY_NOUNS.iter().any(|g| g.eq_ignore_ascii_case(word)) {
            continue;
        }
        let first = starts[i].iter().min().copied().unwrap_or(0);
        // A house is one named "House of …": "Trafalgar House" (a firm) or "New York House"
        // (from "a New York House Democrat") is not the article's House.
        let holds = |name: &str| {
            if word.eq_ignore_ascii_case("house") {
                noun_of(&name_words(name).collect::<Vec<_>>(), word)
            } else {
                headed_by(name, word)
            }
        };
        let holders = (0..orgs.len())
            .filter(|&j| j != i && !starts[j].is_empty() && holds(&orgs[j].canonical));
        let last_before = |j: usize| starts[j].iter().filter(|&&s| s < first).max().copied();
        let before = holders
            .clone()
            .filter_map(|j| Some((last_before(j)?, j)))
            .max();
        let most = holders
            .map(|j| {
                (
                    starts[j].len(),
                    std::cmp::Reverse(starts[j].iter().min().copied()),
                    j,
                )
            })
            .max();
        into[i] = before.map(|(_, j)| j).or(most.map(|(_, _, j)| j));
        // "The Commission" of an article about the European Community or Union, which
        // names no other commission, is its executive.
        let names_a_commission = |o: &Named| {
            o.canonical.contains(' ')
                && name_words(&o.canonical).any(|w| w.eq_ignore_ascii_case("commission"))
        };
        if into[i].is_none()
            && word.eq_ignore_ascii_case("commission")
            && orgs
                .iter()
                .any(|o| o.canonical == "European Community" || o.canonical == "European Union")
            && !orgs.iter().any(names_a_commission)
        {
            implied.push((i, EUROPEAN_COMMISSION));
        }
        // "The House" of a Reuters story on Congress ("the House Ways and Means Committee",
        // "the Senate") is its lower house, that of a BBC story on MPs the Commons. No house
        // is named here: one would hold the word.
        if into[i].is_none() && word.eq_ignore_ascii_case("house") {
            let of_congress = |o: &Named| {
                let c = o.canonical.as_str();
                let committee = c.contains("ommittee");
                !o.mentions.is_empty()
                    && (c == "Congress"
                        || c == "Senate"
                        || (committee && (c.starts_with("House ") || c.starts_with("Senate "))))
            };
            let says = |words: &[&str]| words.iter().any(|w| super::contains_word(text, w));
            let house = if orgs.iter().any(of_congress) {
                Some(HOUSE_OF_REPRESENTATIVES)
            } else if says(&["Commons", "MPs"]) {
                Some(HOUSE_OF_COMMONS)
            } else if says(&["Congress", "Senate", "congressional", "Rep.", "Sen."]) {
                Some(HOUSE_OF_REPRESENTATIVES)
            } else {
                None
            };
            implied.extend(house.map(|h| (i, h)));
        }
    }
    for (i, body) in implied {
        let j = orgs
            .iter()
            .position(|o| o.canonical == body)
            .unwrap_or_else(|| {
                orgs.push(Named {
                    canonical: body.to_string(),
                    mentions: Vec::new(),
                });
                gone.push(false);
                into.push(None);
                orgs.len() - 1
            });
        into[i] = Some(j);
    }
    fold_into(orgs, &into, &gone);
}

/// Words that make a longer name a part, an office or a product of the body a short name is,
/// not the body itself: "Senate Agriculture Committee" is not the Senate, "Sky Sports" not
/// Sky, "Labour MP" not Labour. Compared without case.
const PART_WORDS: &[&str] = &[
    "balances",
    "committee",
    "division",
    "mp",
    "mps",
    "news",
    "one",
    "online",
    "panel",
    "radio",
    "sport",
    "sports",
    "subcommittee",
    "tv",
    "two",
    "unit",
];

/// Legislatures, which no longer name of an article stands for: those are their committees
/// ("Senate Agriculture", "House Energy"), firms ("Congress Financial") or slips ("Reuters
/// Congress"). "US Senate" and the like are aliases instead.
const LEGISLATURES: &[&str] = &["Assembly", "Congress", "House", "Parliament", "Senate"];

/// Within one article, a one-word organisation is the longer name of the article that begins
/// or ends with it ("Salomon" after "Salomon Brothers", "Disney" after "Walt Disney", "Real"
/// after "Real Madrid"): its mentions join that name's. Only when the longer name is written
/// in full before the short one first appears: an article that writes "Sony" before "Sony
/// PlayStation" speaks of the firm and of its product. It stays when two longer names have it
/// ("Standard" next to Standard Oil and Standard and Poor's; "Sony" next to the Sony Walkman
/// and the Sony Net Minidisc), when the longer name is a part of it ([`PART_WORDS`]) or a
/// national branch ("Texaco Canada", "Ford New Zealand"), for a legislature
/// ([`LEGISLATURES`]), for an acronym written in capitals ("BBC"), for a name
/// written with a legal form ("Coca-Cola Co" after "Coca-Cola Enterprises" is the parent), and
/// for a name the input tagged without a mention in the text; nor does a longer name the text
/// never writes take one.
pub(crate) fn fold_short_forms(orgs: &mut Vec<Named>) {
    let short = |o: &Named| {
        !o.canonical.contains(' ')
            && !o.mentions.is_empty()
            && o.canonical.chars().any(char::is_lowercase)
            && !LEGISLATURES.contains(&o.canonical.as_str())
            && !o.mentions.iter().any(|m| written_as_firm(&m.text))
    };
    if !orgs.iter().any(short) {
        return;
    }
    // The longer names by their first and by their last word, split once.
    let words: Vec<Vec<&str>> = orgs
        .iter()
        .map(|o| o.canonical.split(' ').filter(|w| !w.is_empty()).collect())
        .collect();
    let mut by_end: HashMap<&str, Vec<usize>> = HashMap::default();
    for (j, w) in words.iter().enumerate() {
        if let [first, .., last] = w.as_slice() {
            by_end.entry(first).or_default().push(j);
            if last != first {
                by_end.entry(last).or_default().push(j);
            }
        }
    }
    let gazetteer = super::place::Gazetteer::global();
    // The words a longer name adds to `word`, if it begins or ends with it.
    let rest_of = |j: usize, word: &str| -> Option<&[&str]> {
        match words[j].as_slice() {
            [first, rest @ ..] if *first == word && !rest.is_empty() => Some(rest),
            [rest @ .., last] if *last == word && !rest.is_empty() => Some(rest),
            _ => None,
        }
    };
    let part_or_branch = |rest: &[&str]| {
        rest.iter().any(|w| {
            let w = w.trim_end_matches(['.', ',']);
            PART_WORDS.iter().any(|p| p.eq_ignore_ascii_case(w))
                || gazetteer.is_country_or_continent(w)
        }) || gazetteer.is_country_or_continent(&rest.join(" "))
    };
    // Where a name is first written in full (a several-word mention): mentions that earlier
    // passes gave it ("the Bank") do not count.
    let first_full = |o: &Named| {
        o.mentions
            .iter()
            .filter(|m| m.text.trim().contains(char::is_whitespace))
            .map(|m| m.start)
            .min()
    };
    let first = |o: &Named| o.mentions.iter().map(|m| m.start).min();
    let mut into: Vec<Option<usize>> = vec![None; orgs.len()];
    for i in 0..orgs.len() {
        if !short(&orgs[i]) {
            continue;
        }
        let word = orgs[i].canonical.as_str();
        let Some(candidates) = by_end.get(word) else {
            continue;
        };
        let mut holders = candidates
            .iter()
            .copied()
            .filter(|&j| rest_of(j, word).is_some_and(|rest| !part_or_branch(rest)));
        if let (Some(j), None) = (holders.next(), holders.next()) {
            if first_full(&orgs[j]).is_some_and(|at| Some(at) < first(&orgs[i])) {
                into[i] = Some(j);
            }
        }
    }
    let gone: Vec<bool> = into.iter().map(Option::is_some).collect();
    fold_into(orgs, &into, &gone);
}

/// Currencies the tagger reads as organisations when a sentence starts with one ("Sterling
/// rose to 1.6186 dlrs"), lower case.
const CURRENCIES: &[&str] = &["sterling", "dollar", "yen"];

/// Whether a one-word organisation is a currency of the article ("Sterling opened at 2.951
/// marks"): a currency's name in [`CURRENCIES`], in an article that also writes it in lower
/// case, abbreviates sterling "stg" or speaks of currencies. A name written with a legal form
/// ("Sterling Inc") is a firm, and so is one in an article about something else ("Shearman and
/// Sterling", the Sterling car); one the input tagged without a mention stays as tagged.
pub(crate) fn is_currency(org: &Named, text: &str) -> bool {
    // Every organisation of every article comes here: compare before allocating.
    let Some(&lower) = CURRENCIES
        .iter()
        .find(|c| c.eq_ignore_ascii_case(&org.canonical))
    else {
        return false;
    };
    !org.mentions.is_empty()
        && !org.mentions.iter().any(|m| written_as_firm(&m.text))
        && (super::contains_word(text, lower)
            || (lower == "sterling" && super::contains_word(text, "stg"))
            || speaks_of_currencies(text))
}

/// Whether `text` has a word starting "currenc" in any case ("currency", "Currencies"), other
/// than in "European Currency Unit", which EC reports name whatever they are about.
fn speaks_of_currencies(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    lower.match_indices("currenc").any(|(i, _)| {
        !lower[..i]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
            && !lower[..i].ends_with("european ")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_firm_word_after_a_name() {
        fn after<'a>(text: &'a str, name: &str) -> Option<&'a str> {
            let start = text.find(name).unwrap();
            firm_word_after(text, start + name.len()).map(|end| &text[start..end])
        }
        assert_eq!(
            after("TORONTO DOMINION BANK BUYS SEAT", "TORONTO DOMINION"),
            Some("TORONTO DOMINION BANK")
        );
        assert_eq!(
            after("the Asher Edelman Group said", "Asher Edelman"),
            Some("Asher Edelman Group")
        );
        assert_eq!(
            after("E.F. Hutton Inc. said", "E.F. Hutton"),
            Some("E.F. Hutton Inc.")
        );
        // A sentence's last word keeps its period out of the name.
        assert_eq!(
            after("money from Morgan Bank. Then", "Morgan"),
            Some("Morgan Bank")
        );
        assert_eq!(
            after("sold to Nomura Securities. Then", "Nomura"),
            Some("Nomura Securities")
        );
        assert_eq!(
            after("by Salomon\nBrothers Inc", "Salomon"),
            Some("Salomon\nBrothers")
        );
        assert_eq!(after("Conservative Party Co-Chairman", "Party"), None);
        assert_eq!(after("Mr Brown banked it", "Mr Brown"), None);
        assert_eq!(after("Mr Brown group leader", "Mr Brown"), None);
        assert_eq!(after("Mr Brown", "Mr Brown"), None);
    }

    #[test]
    fn a_bracketed_word_and_a_legal_form_end_a_firm() {
        let text =
            "Cheung Kong (Holdings)\nLtd and Bache Securities\n(Japan) Ltd. met Tony (Blair).";
        let span = |kind, name: &str| {
            let start = text.find(name).unwrap();
            Span {
                kind,
                start,
                end: start + name.len(),
            }
        };
        let spans = vec![
            span(EntityKind::Person, "Cheung Kong"),
            span(EntityKind::Organization, "Holdings"),
            span(EntityKind::Organization, "Bache Securities"),
            span(EntityKind::Location, "Japan"),
            span(EntityKind::Person, "Tony"),
        ];
        let named: Vec<(EntityKind, &str)> = join_bracketed_firms(text, spans)
            .iter()
            .map(|s| (s.kind, &text[s.start..s.end]))
            .collect();
        assert_eq!(
            named,
            [
                (EntityKind::Organization, "Cheung Kong (Holdings)\nLtd"),
                // The place in the brackets stays.
                (EntityKind::Organization, "Bache Securities"),
                (EntityKind::Location, "Japan"),
                (EntityKind::Person, "Tony"),
            ]
        );
        assert_eq!(canonical("Cheung Kong (Holdings) Ltd"), "Cheung Kong");
        // Not a firm: text that ends at or after the bracket, a paragraph between, no form.
        for tail in [
            " (Holdings)",
            " (Holdings) ",
            " (Holdings)\n\nLtd",
            " (Holdings) said",
        ] {
            let text = format!("Cheung Kong{tail}");
            assert_eq!(
                bracketed_firm_end(&text, "Cheung Kong".len()),
                None,
                "{text:?}"
            );
        }
        assert_eq!(
            canonical("Bache Securities (Japan) Ltd."),
            "Bache Securities (Japan)"
        );
    }

    #[test]
    fn the_first_word_filter_passes_every_known_firm() {
        let index = alias_index();
        // Every name of the table passes, whatever its case and spacing.
        for (alias, canonical) in ALIASES {
            for name in [alias, canonical] {
                assert!(index.begins_a_name(name), "{name}");
                assert!(index.begins_a_name(&name.to_ascii_uppercase()), "{name}");
                assert!(index.begins_a_name(&format!("  {name}")), "{name}");
            }
        }
        assert!(is_known_firm("Merrill Lynch, Pierce, Fenner and Smith"));
        assert!(is_known_firm("MERRILL  LYNCH,\nPIERCE, FENNER AND SMITH"));
        // A run whose first word begins no name is not looked up further.
        assert!(!index.begins_a_name("Tony Blair, Gordon Brown"));
        assert!(!is_known_firm("Tony Blair, Gordon Brown"));
        // Words longer than the buffer, and not ASCII, are compared all the same.
        assert!(!index.begins_a_name(&"Ö".repeat(40)));
        // A one-word name with a legal form after a comma is the name.
        assert!(is_known_firm("EU, Ltd"));
        assert!(is_known_firm("IBM, Corp"));
        assert!(!index.begins_a_name("Zürich AG"));
        assert!(!index.begins_a_name("Zürich-Versicherungs-Gesellschaft AG"));
    }

    #[test]
    fn aliases_map_to_one_name() {
        for (alias, expected) in [
            ("EU", "European Union"),
            ("the European Union", "European Union"),
            ("U.N.", "United Nations"),
            ("imf", "International Monetary Fund"),
            ("ec", "European Community"),
            ("Nato", "NATO"),
            ("North Atlantic Treaty Organisation", "NATO"),
            ("World Trade Organisation", "World Trade Organization"),
            (
                "International Coffee Organisation",
                "International Coffee Organization",
            ),
            ("the Fed", "Federal Reserve"),
            ("BANK OF FRANCE", "Bank of France"),
            ("U.S. TREASURY", "U.S. Treasury"),
            ("EC COMMISSION", "European Commission"),
            ("E.C.", "European Community"),
            ("European Community Commission", "European Commission"),
            ("MCDONNELL DOUGLAS", "McDonnell Douglas"),
            ("FEDERAL RESERVE BOARD", "Federal Reserve"),
            ("TEXACO", "TEXACO"),
            ("U.S. AND U.K.", "U.S. and U.K."),
            // Nothing to change: no endless retry.
            ("U.S.A. U.K. E.E.C.", "U.S.A. U.K. E.E.C."),
            (
                "INTERNATIONAL COFFEE ORGANIZATION",
                "International Coffee Organization",
            ),
            ("Gazprom's", "Gazprom"),
            ("The Bank of England", "Bank of England"),
            ("MOODY'S", "Moody's Investors Service"),
            ("Moody's Investors Service Inc", "Moody's Investors Service"),
            ("Standard and Poor's", "Standard and Poor's"),
            ("Poor's Corp", "Standard and Poor's"),
            (
                "Securities and Exchange",
                "Securities and Exchange Commission",
            ),
            ("Goldman, Sachs and Co", "Goldman Sachs"),
            ("Commodity Credit Corp", "Commodity Credit Corporation"),
            ("International Business Machines Corp", "IBM"),
            ("Ford Motor Co", "Ford Motor"),
            ("cftc", "Commodity Futures Trading Commission"),
            ("U.S. Agriculture Department", "USDA"),
        ] {
            assert_eq!(canonical(alias), expected, "{alias}");
        }
        assert_eq!(canonical("Who"), "Who", "acronyms are case-sensitive");
    }

    /// The spans of `text` at the given words, in order.
    fn spans(text: &str, names: &[(&str, EntityKind)]) -> Vec<Span> {
        let mut from = 0;
        names
            .iter()
            .map(|(name, kind)| {
                let start = from + text[from..].find(name).unwrap();
                from = start + name.len();
                Span {
                    kind: *kind,
                    start,
                    end: from,
                }
            })
            .collect()
    }

    /// The names of the joined spans, as (kind, text).
    fn joined(text: &str, names: &[(&str, EntityKind)]) -> Vec<(EntityKind, String)> {
        join_firm_names(text, spans(text, names))
            .into_iter()
            .map(|s| (s.kind, text[s.start..s.end].to_string()))
            .collect()
    }

    /// The names as given, as (kind, text): what [`joined`] gives when nothing is joined.
    fn as_given(names: &[(&str, EntityKind)]) -> Vec<(EntityKind, String)> {
        names.iter().map(|(w, k)| (*k, w.to_string())).collect()
    }

    #[test]
    fn firm_names_are_joined_and_lists_are_not() {
        use EntityKind::{Location, Organization as Org, Person};
        // Joined into one organisation (Reuters wraps lines inside names).
        for (t, n, firm) in [
            (
                "Merrill Lynch, Pierce, Fenner and Smith Inc said.",
                &[
                    ("Merrill Lynch", Org),
                    ("Pierce", Person),
                    ("Fenner and Smith Inc", Org),
                ][..],
                "Merrill Lynch, Pierce, Fenner and Smith Inc",
            ),
            (
                "led by Donaldson, Lufkin and Jenrette Securities Corp.",
                &[
                    ("Donaldson", Person),
                    ("Lufkin", Location),
                    ("Jenrette", Org),
                ],
                "Donaldson, Lufkin and Jenrette Securities Corp.",
            ),
            (
                "brokers Alex. Brown and Sons Inc.",
                &[("Alex", Org), ("Brown", Person), ("Sons Inc", Org)],
                "Alex. Brown and Sons Inc",
            ),
            (
                "led by Dayton Hudson\nCorp, the retailer",
                &[("Dayton Hudson", Person)],
                "Dayton Hudson\nCorp",
            ),
            (
                "through James Capel and Co. Capel said",
                &[("James Capel", Person), ("Capel", Person)],
                "James Capel and Co.",
            ),
        ] {
            assert_eq!(joined(t, n), vec![(Org, firm.to_string())], "{t}");
        }
        // Two people, the same name in two sentences, a first name, a person named in full,
        // a sentence break, a blank line before a legal form: kept.
        for (t, n) in [
            (
                "said Dayton Hudson\n\nCorp",
                &[("Dayton Hudson", Person)][..],
            ),
            (
                "Reagan and Thatcher met.",
                &[("Reagan", Person), ("Thatcher", Person)],
            ),
            (
                "said Reagan. Reagan added",
                &[("Reagan", Person), ("Reagan", Person)],
            ),
            ("Drew Smith said", &[("Drew Smith", Person)]),
            (
                "Sarah Brown, Sons and Daughters",
                &[("Sarah Brown", Person)],
            ),
            // A surname the article gives in full elsewhere is a person, not a partner.
            (
                "Paul Bilzerian told the Securities and Exchange Commission, Bilzerian and \
                 Bicoastal Financial Corp said.",
                &[
                    ("Paul Bilzerian", Person),
                    ("Securities and Exchange Commission", Org),
                    ("Bilzerian", Person),
                    ("Bicoastal Financial", Org),
                ],
            ),
            // ". " after a word that is not an abbreviated given name ends a sentence.
            (
                "The stock was bought by Icahn. Texaco Inc said",
                &[("Icahn", Person), ("Texaco Inc", Org)],
            ),
        ] {
            assert_eq!(joined(t, n), as_given(n), "{t}");
        }
        // Lists: only the firm at the end is joined.
        for (t, n, expected) in [
            (
                "said Tony Blair and Gordon Brown Ltd",
                &[("Tony Blair", Person), ("Gordon Brown", Person)][..],
                [(Person, "Tony Blair"), (Org, "Gordon Brown Ltd")],
            ),
            (
                "Wagner and Brown and AFG Industries Inc",
                &[
                    ("Wagner", Person),
                    ("Brown", Person),
                    ("AFG Industries Inc", Org),
                ],
                [(Org, "Wagner and Brown"), (Org, "AFG Industries Inc")],
            ),
            (
                "led by Merrill Lynch Capital Markets and Allen and Co.",
                &[("Merrill Lynch Capital Markets", Org), ("Allen", Person)],
                [
                    (Org, "Merrill Lynch Capital Markets"),
                    (Org, "Allen and Co."),
                ],
            ),
        ] {
            assert_eq!(
                joined(t, n),
                as_given(&expected.map(|(k, w)| (w, k))),
                "{t}"
            );
        }
    }

    #[test]
    fn legal_forms_are_dropped_while_a_name_is_left() {
        for (written, expected) in [
            ("Texaco Inc", "Texaco"),
            ("TEXACO INC", "TEXACO"),
            ("Standard Oil Co", "Standard Oil"),
            ("Exxon Corp.", "Exxon"),
            ("Morgan Stanley & Co", "Morgan Stanley"),
            ("Sears, Roebuck and Co", "Sears, Roebuck"),
            (
                "Ministry of Economy, Trade and Industry",
                "Ministry of Economy, Trade and Industry",
            ),
            ("Acme, Inc.", "Acme"),
            ("Broken Hill Pty Co Ltd", "Broken Hill"),
            ("Deutsche Bank AG's", "Deutsche Bank"),
            ("The Coca-Cola Co", "Coca-Cola"),
            // Nothing but a legal form, or a form inside the name: kept.
            ("Co", "Co"),
            ("& Co", "& Co"),
            ("Co-operative Bank", "Co-operative Bank"),
            ("Inc Magazine", "Inc Magazine"),
        ] {
            assert_eq!(canonical(written), expected, "{written}");
        }
    }

    fn named(canonical: &str, forms: &[&str]) -> Named {
        Named {
            canonical: canonical.to_string(),
            mentions: forms
                .iter()
                .enumerate()
                .map(|(i, f)| super::super::Mention {
                    start: i * 100,
                    end: i * 100 + f.len(),
                    text: f.to_string(),
                })
                .collect(),
        }
    }

    fn folded(list: &[(&str, &[&str])]) -> Vec<(String, Vec<String>)> {
        let mut orgs: Vec<Named> = list.iter().map(|(c, f)| named(c, f)).collect();
        fold_acronyms(&mut orgs);
        orgs.into_iter()
            .map(|o| {
                (
                    o.canonical,
                    o.mentions.into_iter().map(|m| m.text).collect(),
                )
            })
            .collect()
    }

    #[test]
    fn names_spell_their_acronyms() {
        let spelt = |n: &str| spelt_acronyms(n);
        assert_eq!(spelt("International Coffee Organization"), ["ICO"]);
        assert_eq!(
            spelt("Organisation of Petroleum Exporting Countries"),
            ["OPEC", "OOPEC"]
        );
        assert_eq!(spelt("Bank of Japan"), ["BJ", "BOJ"]);
        assert_eq!(spelt("U.S. Department of Agriculture"), ["USDA", "USDOA"]);
        assert_eq!(spelt("Freeport-McMoran Gold"), ["FMG"]);
        assert_eq!(spelt("Rio Tinto-Zinc"), ["RTZ"]);
        assert_eq!(spelt("Gulf Co-operation Council"), ["GCC"]);
        // One word, or a word in lower case that is not a function word: no acronym.
        assert!(spelt("Reuters").is_empty());
        assert!(spelt("Bank of the wild West").is_empty());
        assert!(is_acronym("ICO") && is_acronym("U.N.") && is_acronym("FHLBB"));
        assert!(!is_acronym("I") && !is_acronym("Nato") && !is_acronym("ABCDEFG"));
    }

    /// `named` with each mention placed at the given byte offset.
    fn named_at(canonical: &str, mentions: &[(&str, usize)]) -> Named {
        Named {
            canonical: canonical.to_string(),
            mentions: mentions
                .iter()
                .map(|&(f, start)| super::super::Mention {
                    start,
                    end: start + f.len(),
                    text: f.to_string(),
                })
                .collect(),
        }
    }

    /// An organisation and its mentions (text, byte offset), as a test writes it.
    type Org<'a> = (&'a str, &'a [(&'a str, usize)]);

    /// The organisations after `pass`, with where each one's mentions are.
    fn after(pass: impl Fn(&mut Vec<Named>), list: &[Org<'_>]) -> Vec<(String, Vec<usize>)> {
        let mut orgs: Vec<Named> = list.iter().map(|(c, m)| named_at(c, m)).collect();
        pass(&mut orgs);
        orgs.into_iter()
            .map(|o| (o.canonical, o.mentions.iter().map(|m| m.start).collect()))
            .collect()
    }

    #[test]
    fn a_short_name_joins_the_full_name_written_before_it() {
        let fold = |list: &[Org<'_>]| after(fold_short_forms, list);
        let s = |n: &str, at: &[usize]| (n.to_string(), at.to_vec());
        // Reuters: "Salomon Brothers Inc ... Salomon said"; "Walt Disney Co ... Disney".
        assert_eq!(
            fold(&[
                ("Salomon Brothers", &[("Salomon Brothers Inc", 0)]),
                ("Salomon", &[("Salomon", 90), ("Salomon", 200)]),
            ]),
            [s("Salomon Brothers", &[0, 90, 200])]
        );
        assert_eq!(
            fold(&[
                ("Walt Disney", &[("Walt Disney Co", 5)]),
                ("Disney", &[("Disney", 50)]),
            ]),
            [s("Walt Disney", &[5, 50])]
        );
        // The short name written first is the firm, the longer one its product.
        let sony = fold(&[
            ("Sony", &[("Sony", 0)]),
            ("Sony PlayStation", &[("Sony PlayStation", 40)]),
        ]);
        assert_eq!(sony.len(), 2);
        // Two longer names have it: it stays.
        assert_eq!(
            fold(&[
                ("Standard Oil", &[("Standard Oil", 0)]),
                ("Standard and Poor's", &[("Standard and Poor's", 30)]),
                ("Standard", &[("Standard", 60)]),
            ])
            .len(),
            3
        );
        // A part, an office or a branch is not the body; an acronym in capitals stays.
        for (long, short) in [
            ("Senate Agriculture Committee", "Senate"),
            ("Senate Agriculture", "Senate"),
            ("Labour MP", "Labour"),
            ("Sky Sports", "Sky"),
            ("Texaco Canada", "Texaco"),
            ("Ford New Zealand", "Ford"),
            ("BBC Worldwide", "BBC"),
        ] {
            let got = fold(&[(long, &[(long, 0)]), (short, &[(short, 50)])]);
            assert_eq!(got.len(), 2, "{short} into {long}");
        }
        // A word that is a part of a legislature's name elsewhere is a firm's here.
        assert_eq!(
            fold(&[
                (
                    "Westinghouse Electric",
                    &[("Westinghouse Electric Corp", 0)]
                ),
                ("Westinghouse", &[("Westinghouse", 60)]),
            ]),
            [s("Westinghouse Electric", &[0, 60])]
        );
        // A name written with a legal form is a firm of its own: the parent after its bottler.
        assert_eq!(
            fold(&[
                ("Coca-Cola Enterprises", &[("Coca-Cola Enterprises", 0)]),
                ("Coca-Cola", &[("Coca-Cola Co", 80)]),
            ])
            .len(),
            2
        );
        // A name the input tagged without a mention is left alone, and one the text never
        // writes takes nothing.
        assert_eq!(
            fold(&[
                ("Salomon Brothers", &[("Salomon Brothers", 0)]),
                ("Salomon", &[])
            ])
            .len(),
            2
        );
        assert_eq!(
            fold(&[("Sony PlayStation", &[]), ("Sony", &[("Sony", 10)])]).len(),
            2
        );
        // A one-word mention an earlier pass gave the longer name ("the Bank") does not make
        // it written first: "Deutsche" comes before "Deutsche Bank" is written in full.
        assert_eq!(
            fold(&[
                ("Deutsche Bank", &[("Bank", 0), ("Deutsche Bank", 90)]),
                ("Deutsche", &[("Deutsche", 40)]),
            ])
            .len(),
            2
        );
    }

    #[test]
    fn the_house_is_the_one_the_article_speaks_of() {
        let fold = |list: &[Org<'_>], text: &str| -> Vec<(String, usize)> {
            after(|orgs| fold_generic(orgs, text), list)
                .into_iter()
                .map(|(name, at)| (name, at.len()))
                .collect()
        };
        let house: &[(&str, usize)] = &[("House", 40)];
        // Reuters: "the House Ways and Means Committee ... the House" (the tagger read the
        // second alone).
        assert_eq!(
            fold(
                &[
                    (
                        "House Ways and Means Committee",
                        &[("House Ways and Means Committee", 0)]
                    ),
                    ("House", house)
                ],
                ""
            ),
            [
                ("House Ways and Means Committee".to_string(), 1),
                (HOUSE_OF_REPRESENTATIVES.to_string(), 1)
            ]
        );
        let text = "Rep. Jim Wright spoke before the House session.";
        assert_eq!(
            fold(&[("House", house)], text),
            [(HOUSE_OF_REPRESENTATIVES.to_string(), 1)]
        );
        // BBC: a chancellor's statement to MPs.
        let text = "Mr Brown told MPs that ... Mr Brown told the House that fuel duty would rise.";
        assert_eq!(
            fold(&[("House", house)], text),
            [(HOUSE_OF_COMMONS.to_string(), 1)]
        );
        // A house the article names takes the word, whatever else it says.
        assert_eq!(
            fold(
                &[
                    ("House of Lords", &[("House of Lords", 0)]),
                    ("House", house)
                ],
                "MPs and peers"
            ),
            [("House of Lords".to_string(), 2)]
        );
        // Nothing says which house: "Bless This House" in a story about an actress, and
        // "Liberal Democrat" is no sign of Congress.
        assert!(fold(&[("House", house)], "She starred in Bless This House.").is_empty());
        assert!(fold(&[("House", house)], "the Liberal Democrat leader").is_empty());
        // A name ending in "House" is no house the word stands for: "a New York House
        // Democrat" in a story on Congress.
        assert_eq!(
            fold(
                &[
                    ("New York House", &[("New York House", 0)]),
                    ("Congress", &[("Congress", 10)]),
                    ("House", house)
                ],
                ""
            ),
            [
                ("New York House".to_string(), 1),
                ("Congress".to_string(), 1),
                (HOUSE_OF_REPRESENTATIVES.to_string(), 1)
            ]
        );
    }

    #[test]
    fn a_generic_word_joins_the_body_it_stands_for_or_goes() {
        let generic = |list: &[Org<'_>]| after(|orgs| fold_generic(orgs, ""), list);
        let s = |n: &str, at: &[usize]| (n.to_string(), at.to_vec());
        // The one body headed by the word, found without case (a headline's "COMMISSION").
        assert_eq!(
            generic(&[
                ("COMMISSION", &[("COMMISSION", 0), ("Commission", 300)]),
                ("EC Commission", &[("EC Commission", 100)]),
            ]),
            [s("EC Commission", &[100, 0, 300])]
        );
        // A word that only qualifies the name is not its head: "Exchange" is not the
        // Securities and Exchange Commission, and with no exchange in the article it goes.
        assert_eq!(
            generic(&[
                ("Exchange", &[("Exchange", 200)]),
                (
                    "Securities and Exchange Commission",
                    &[("Securities and Exchange Commission", 0)]
                ),
            ]),
            [s("Securities and Exchange Commission", &[0])]
        );
        // Several bodies: the one named last before the word; "Ministry of Finance" is
        // headed by "Ministry".
        let ministries: &[Org<'_>] = &[
            ("Ministry", &[("Ministry", 500)]),
            (
                "Finance Ministry",
                &[("Finance Ministry", 0), ("Finance Ministry", 50)],
            ),
            ("Ministry of Trade", &[("Ministry of Trade", 400)]),
        ];
        assert_eq!(
            generic(ministries),
            [
                s("Finance Ministry", &[0, 50]),
                s("Ministry of Trade", &[400, 500])
            ]
        );
        // None named before it: the one named most, then the one named first.
        let after: &[Org<'_>] = &[
            ("Board", &[("Board", 0)]),
            ("Wheat Board", &[("Wheat Board", 100)]),
            (
                "Utilities Board",
                &[("Utilities Board", 200), ("Utilities Board", 300)],
            ),
        ];
        assert_eq!(
            generic(after),
            [
                s("Wheat Board", &[100]),
                s("Utilities Board", &[200, 300, 0])
            ]
        );
        let tie: &[Org<'_>] = &[
            ("Board", &[("Board", 0)]),
            ("Wheat Board", &[("Wheat Board", 100)]),
            ("Utilities Board", &[("Utilities Board", 200)]),
        ];
        assert_eq!(
            generic(tie),
            [s("Wheat Board", &[100, 0]), s("Utilities Board", &[200])]
        );
        // No body, or a fragment: it goes, even next to a name that holds the word.
        assert_eq!(
            generic(&[
                ("Cabinet", &[("Cabinet", 0)]),
                ("Federal", &[("Federal", 100)]),
                ("Federal Reserve", &[("Federal Reserve", 50)]),
                ("Reuters", &[("Reuters", 200)]),
            ]),
            [s("Federal Reserve", &[50]), s("Reuters", &[200])]
        );
        // "The Commission" in an article about the European Community, which names no
        // commission, is the European Commission.
        assert_eq!(
            generic(&[
                ("European Community", &[("European Community", 0)]),
                ("Commission", &[("Commission", 100)]),
            ]),
            [
                s("European Community", &[0]),
                s("European Commission", &[100])
            ]
        );
        assert_eq!(
            generic(&[
                ("European Union", &[("EU", 0)]),
                ("Commission", &[("Commission", 100)]),
            ]),
            [s("European Union", &[0]), s("European Commission", &[100])]
        );
        assert_eq!(generic(&[("Commission", &[("Commission", 0)])]), []);
        // Another commission named, even one the noun does not head: not the EC's.
        assert_eq!(
            generic(&[
                ("European Union", &[("EU", 0)]),
                (
                    "Commission for Racial Equality",
                    &[("Commission for Racial Equality", 50)]
                ),
                ("Commission", &[("Commission", 100)]),
            ]),
            [
                s("European Union", &[0]),
                s("Commission for Racial Equality", &[50])
            ]
        );
        // Written with a legal form, possessive or not: a firm of that name. Tagged by the
        // input with no mention: kept as the input has it.
        let firms: &[Org<'_>] = &[
            ("Union", &[("Union Corp's", 0)]),
            ("Union Flonetics", &[("Union Flonetics", 100)]),
            ("Fund", &[]),
            (
                "International Monetary Fund",
                &[("International Monetary Fund", 200)],
            ),
        ];
        assert_eq!(generic(firms).len(), 4);
    }

    #[test]
    fn currencies_read_as_organisations() {
        let org = |name: &str, written: &str| named_at(name, &[(written, 0)]);
        let sterling = org("Sterling", "Sterling");
        // Each sign on its own: the word in lower case, "stg", "currency" in any case.
        assert!(is_currency(&sterling, "Sterling rose. Buy sterling now."));
        assert!(is_currency(&sterling, "Sterling rose to 1,319 stg."));
        assert!(is_currency(
            &sterling,
            "Sterling rose. Other currencies fell."
        ));
        assert!(is_currency(&sterling, "CURRENCY MARKETS: Sterling rose."));
        assert!(is_currency(
            &org("Dollar", "Dollar"),
            "Dollar 9.0, the dollar basket"
        ));
        assert!(is_currency(
            &org("Yen", "Yen"),
            "Yen firmed against the yen's peers"
        ));
        // None of them, or only "European Currency Units", or a firm: not a currency.
        assert!(!is_currency(
            &sterling,
            "Sterling said it filed a registration statement."
        ));
        assert!(!is_currency(
            &sterling,
            "Sterling said sales rose. The EC budget is in European Currency Units."
        ));
        assert!(!is_currency(
            &org("Sterling", "Sterling Inc"),
            "Sterling Inc. Buy sterling."
        ));
        assert!(!is_currency(&named_at("Sterling", &[]), "sterling"));
        assert!(!is_currency(&org("Reuters", "Reuters"), "currency"));
        // "Eurocurrency" does not start a word with "currenc".
        assert!(!is_currency(
            &sterling,
            "Sterling said. Eurocurrency deposits rose."
        ));
    }

    #[test]
    fn an_acronym_joins_the_one_name_it_spells_in_the_article() {
        assert_eq!(
            folded(&[
                ("ICO", &["ICO"]),
                (
                    "International Coffee Organization",
                    &["International Coffee Organization"]
                ),
                ("Reuters", &["Reuters"]),
            ]),
            [
                (
                    "International Coffee Organization".to_string(),
                    vec![
                        "International Coffee Organization".to_string(),
                        "ICO".to_string()
                    ]
                ),
                ("Reuters".to_string(), vec!["Reuters".to_string()]),
            ]
        );
        // Two names spell "ADB": which one is meant is not known, so nothing moves.
        let two: &[(&str, &[&str])] = &[
            ("ADB", &["ADB"]),
            ("Asian Development Bank", &["Asian Development Bank"]),
            ("African Development Bank", &["African Development Bank"]),
        ];
        assert_eq!(folded(two).len(), 3);
        // No name spells it: it stays.
        assert_eq!(folded(&[("BP", &["BP"]), ("Shell", &["Shell"])]).len(), 2);
        // Dotted, and spelt with a hyphenated word.
        assert_eq!(
            folded(&[
                ("Gulf Co-operation Council", &["Gulf Co-operation Council"]),
                ("G.C.C.", &["G.C.C."]),
            ])
            .len(),
            1
        );
        // A name the table gives another acronym ("ICCO") takes no other ("ICO" would be the
        // coffee organisation), and an acronym the input tagged without a mention stays.
        let cocoa: &[(&str, &[&str])] = &[
            ("ICO", &["ICO"]),
            (
                "International Cocoa Organization",
                &["International Cocoa Organization"],
            ),
        ];
        assert_eq!(folded(cocoa).len(), 2);
        let tagged: &[(&str, &[&str])] = &[
            ("UNCTAD", &[]),
            (
                "United Nations Conference on Trade and Development",
                &["United Nations Conference on Trade and Development"],
            ),
        ];
        assert_eq!(folded(tagged).len(), 2);
        // The table's own acronym keeps its name; the spelt-out variant joins it.
        assert_eq!(
            folded(&[
                (
                    "Organisation of the Petroleum Exporting Countries",
                    &["Organisation of the Petroleum Exporting Countries"]
                ),
                ("OPEC", &["OPEC", "OPEC"]),
            ]),
            [(
                "OPEC".to_string(),
                vec![
                    "OPEC".to_string(),
                    "OPEC".to_string(),
                    "Organisation of the Petroleum Exporting Countries".to_string()
                ]
            )]
        );
    }
}
