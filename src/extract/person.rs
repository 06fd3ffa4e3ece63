//! Person names: titles and possessives stripped, short mentions resolved to the
//! full name seen in the same article.

/// Words that precede a name but are not part of it (compared case-insensitively,
/// with a trailing period ignored).
const TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "mx",
    "dr",
    "prof",
    "professor",
    "sir",
    "dame",
    "lord",
    "lady",
    "president",
    "vice-president",
    "premier",
    "chancellor",
    "minister",
    "secretary",
    "senator",
    "sen",
    "rep",
    "representative",
    "congressman",
    "congresswoman",
    "gov",
    "governor",
    "mayor",
    "general",
    "gen",
    "col",
    "colonel",
    "lt",
    "capt",
    "captain",
    "admiral",
    "judge",
    "justice",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "rev",
    "reverend",
    "father",
    "sheikh",
    "ayatollah",
    "chairman",
    "chairwoman",
    "ceo",
    "coach",
    "manager",
    "striker",
    "midfielder",
    "defender",
    "prime",
    "foreign",
    "finance",
    "deputy",
    "former",
    "chief",
    "executive",
    "leader",
    "st",
    "shadow",
    "state",
    "home",
    "interior",
    "defence",
    "defense",
    "trade",
    "industry",
    "health",
];

/// Last words of names of streets and buildings, which news uses for the institutions in
/// them ("Downing Street", "Buckingham Palace") and taggers mistake for persons.
const FACILITY_WORDS: &[&str] = &[
    "Street", "Road", "Avenue", "Square", "Palace", "House", "Hall", "Castle",
];

/// True when a name is a street or a building ("Downing Street", "Elysee Palace", "WHITE
/// HOUSE"), in any case.
pub fn is_facility(name: &str) -> bool {
    let mut words = name.split_whitespace();
    let last = words.next_back();
    words.next().is_some()
        && last.is_some_and(|w| FACILITY_WORDS.iter().any(|f| f.eq_ignore_ascii_case(w)))
}

/// Nouns that, after "the Harry Potter", make the name a work's title: "the Harry Potter
/// films", "the James Bond films". The singular ("the Mike Leigh film") is as often a
/// director's work, so it counts only after an ordinal ([`WORK_ORDINALS`]); books, novels
/// and series are left out ("the Jane Austen novels", "the David Attenborough series").
const WORK_NOUNS: &[&str] = &[
    "films",
    "movies",
    "games",
    "sequels",
    "franchise",
    "trilogy",
];

/// The singular of [`WORK_NOUNS`], and works that count after an ordinal: "the first Harry
/// Potter film", "the third Harry Potter book".
const WORK_NOUN_SINGULARS: &[&str] = &["film", "movie", "game", "book", "novel", "sequel"];

/// Nouns that, after a name, make it a measure named after a person, not the person: "on the
/// Richter scale", "the open-ended Richter scale" (14 Reuters-21578 articles had Richter as a
/// person), "the Mercalli scale".
const EPONYM_NOUNS: &[&str] = &["scale"];

/// Kinds of work that, right before a name, make it the work's title: "the film Vera Drake",
/// "Clint Eastwood's boxing drama Million Dollar Baby", "the musical Billy Elliot". Not
/// "novel", which business news uses as an adjective ("NOVEL GMAC FINANCING").
const WORK_KINDS: &[&str] = &[
    "film", "films", "movie", "movies", "biopic", "drama", "comedy", "musical", "thriller",
    "sitcom", "album",
];

/// Ordinals before a work's title.
const WORK_ORDINALS: &[&str] = &["first", "second", "third", "fourth", "fifth", "sixth"];

/// Roles that, right after a name, make it a work's title: "Harry Potter author JK
/// Rowling", "Vera Drake star Imelda Staunton", "Superman actor Christopher Reeve".
const WORK_ROLES: &[&str] = &[
    "star", "co-star", "author", "director", "actor", "actress", "creator",
];

/// Ranks and institutions, beside [`TITLES`], that "X and the ... of" names without a work's
/// title: "Tony Blair and the Chancellor of the Exchequer", "Mervyn King and the Bank of
/// England", "Prince Charles and the Duchess of Cornwall".
const NOT_TITLE_WORDS: &[&str] = &[
    "archbishop",
    "association",
    "bank",
    "bishop",
    "board",
    "chamber",
    "church",
    "city",
    "commission",
    "committee",
    "council",
    "countess",
    "court",
    "department",
    "director",
    "duchess",
    "duke",
    "earl",
    "federation",
    "head",
    "house",
    "institute",
    "ministry",
    "office",
    "republic",
    "speaker",
    "union",
    "university",
];

/// True when a person-like mention at `start..end` of `text` is written as the title of a
/// work: "the Harry Potter films", "the first Harry Potter film", "Harry Potter author JK
/// Rowling", "Harry Potter and the Goblet of Fire"; or as a measure named after a person:
/// "the Richter scale". Films, books, shows and bands named like people are tagged as
/// persons; the caller keeps a person the article also names another way ("Mike Leigh
/// said").
pub(crate) fn names_a_work(text: &str, start: usize, end: usize) -> bool {
    // "Harry Potter and the Prisoner of Azkaban": one capitalised word, not an office or an
    // institution, between "the" and "of" ("Mavis Staples and the Blind Boys of Alabama" is
    // a band's name).
    let title = text[end..]
        .strip_prefix(" and the ")
        .or(text[end..].strip_prefix(" and The "))
        .and_then(|rest| rest.split_once(' '))
        .is_some_and(|(word, rest)| {
            word.starts_with(|c: char| c.is_uppercase())
                && word.chars().all(char::is_alphabetic)
                && !is_title(word)
                && !in_list(NOT_TITLE_WORDS, word)
                && (rest.starts_with("of ") || rest.starts_with("Of "))
        });
    if title {
        return true;
    }
    // The next word, after a space or a line break (Reuters wraps lines: "the Richter\nscale");
    // not across a blank line or into an indented paragraph (a headline's last word and the
    // body's first).
    let after = &text[end..];
    let spaced = after.trim_start();
    let gap = &after[..after.len() - spaced.len()];
    let wrapped = gap == "\n" || gap.ends_with(' ') && !gap.contains('\n');
    let next_words = || spaced.split(|c: char| !(c.is_alphanumeric() || c == '-'));
    let next = next_words().next().filter(|_| wrapped).unwrap_or("");
    if in_list(WORK_ROLES, next) {
        return true;
    }
    let before = word_before(text, start);
    let the = before.eq_ignore_ascii_case("the");
    in_list(WORK_KINDS, before)
        || (in_list(WORK_NOUNS, next) && (the || in_list(WORK_ORDINALS, before)))
        || (in_list(EPONYM_NOUNS, next)
            // "Blair and Brown scale back their plans": a verb.
            && !next_words()
                .filter(|w| !w.is_empty())
                .nth(1)
                .is_some_and(|w| ["back", "down", "up"].contains(&w)))
        || (in_list(WORK_NOUN_SINGULARS, next) && in_list(WORK_ORDINALS, before))
}

/// The word before byte `start` of `text`, in the same paragraph (not a headline's last
/// word), without opening quotes or brackets.
fn word_before(text: &str, start: usize) -> &str {
    let head = &text[..start];
    let kept = head.trim_end();
    if head[kept.len()..].matches('\n').count() > 1 {
        return "";
    }
    kept.rsplit(char::is_whitespace)
        .next()
        .unwrap_or("")
        .trim_start_matches(['(', '"', '\'', '‘', '“'])
}

/// True when the name at byte `start` of `text` follows its kind of work: "the film The
/// Aviator", "boxing drama Million Dollar Baby".
pub(crate) fn after_a_work_kind(text: &str, start: usize) -> bool {
    in_list(WORK_KINDS, word_before(text, start))
}

/// Words that, right after a name (or after its "'s"), show it acting as an organisation:
/// "Sony said", "Warner Bros Inc", "Disney's spokesman".
const ORG_CUES: &[&str] = &[
    "said",
    "says",
    "Inc",
    "Ltd",
    "Corp",
    "plc",
    "spokesman",
    "spokeswoman",
    "shares",
];

/// True when the name ending at byte `end` of `text` is followed by one of [`ORG_CUES`].
pub(crate) fn followed_by_an_org_cue(text: &str, end: usize) -> bool {
    let tail = &text[end..];
    let tail = ["'s", "’s"]
        .iter()
        .find_map(|s| tail.strip_prefix(s))
        .unwrap_or(tail);
    let next = tail
        .split_whitespace()
        .next()
        .unwrap_or("")
        .trim_end_matches(['.', ',', ';', ':']);
    ORG_CUES.contains(&next)
}

/// Titles that only ever precede a person's name.
const PERSONAL_TITLES: &[&str] = &[
    "mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady",
];

/// Whether a word, lower-cased and without trailing periods, is in [`TITLES`].
pub(crate) fn is_title(word: &str) -> bool {
    in_list(TITLES, word.trim_end_matches('.'))
}

/// True when the text starts with a personal title ("Ms Hewitt", "Dr. No").
pub fn has_personal_title(text: &str) -> bool {
    let mut words = text.split_whitespace();
    let first = words.next().map(|w| w.trim_end_matches('.'));
    words.next().is_some() && first.is_some_and(|f| in_list(PERSONAL_TITLES, f))
}

/// Whether `word` lower-cased is in `list` (lower-case ASCII words); ASCII words (nearly all)
/// are compared without a lower-cased copy.
fn in_list(list: &[&str], word: &str) -> bool {
    if word.is_ascii() {
        list.iter().any(|t| t.eq_ignore_ascii_case(word))
    } else {
        list.contains(&word.to_lowercase().as_str())
    }
}

/// A person name cleaned of titles, possessives and stray punctuation; `None` if nothing
/// name-like is left.
pub fn clean(name: &str) -> Option<String> {
    clean_with(name, true)
}

/// [`clean`], with one-letter initials given a full stop if `initials`.
fn clean_with(name: &str, initials: bool) -> Option<String> {
    let mut words: Vec<&str> = name.split_whitespace().collect();
    if words.iter().all(|w| is_title(w)) {
        return None; // "Shadow Secretary", "Prime Minister": a post, not a name
    }
    while words.len() > 1 && is_title(words[0]) {
        words.remove(0);
    }
    if let Some(last) = words.last_mut() {
        *last = last
            .strip_suffix("'s")
            .or_else(|| last.strip_suffix("’s"))
            .or_else(|| last.strip_suffix('\''))
            .unwrap_or(last);
    }
    let words: Vec<String> = words
        .into_iter()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '.' && c != '\''))
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    // Re-case only names written wholly in capitals or wholly in lower case ("REAGAN",
    // "james baker"); "Ursula von der Leyen" keeps its particles.
    let letters = || {
        words
            .iter()
            .flat_map(|w| w.chars())
            .filter(|c| c.is_alphabetic())
    };
    let uniform = letters().all(|c| c.is_uppercase()) || letters().all(|c| c.is_lowercase());
    let words: Vec<String> = if uniform {
        words.iter().map(|w| fix_case(w)).collect()
    } else {
        words
    };
    let joined = if initials {
        dot_initials(&words)
    } else {
        words.join(" ")
    };
    let letters = joined.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 2 || joined.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    if !joined.chars().next().is_some_and(|c| c.is_uppercase()) {
        return None;
    }
    Some(joined)
}

/// The words of a name joined by spaces, with a full stop after each one-letter initial
/// between its first and last words ("George W Bush" → "George W. Bush"): the form most news
/// text writes, so that both spellings name one person. A one-letter first word is left as
/// written: it may be an honorific ("U Thant").
fn dot_initials<S: AsRef<str>>(words: &[S]) -> String {
    let mut out = String::new();
    for (i, w) in words.iter().enumerate() {
        let w = w.as_ref();
        if i > 0 {
            out.push(' ');
        }
        out.push_str(w);
        let mut chars = w.chars();
        let initial = chars.next().is_some_and(char::is_uppercase) && chars.next().is_none();
        if initial && i > 0 && i + 1 < words.len() {
            out.push('.');
        }
    }
    out
}

/// "REAGAN" → "Reagan", "james-baker" → "James Baker" style fixes for all-caps or
/// all-lowercase words; mixed-case words are kept as written ("McCain", "al-Assad").
fn fix_case(word: &str) -> String {
    let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    let all_upper = letters.len() > 1 && letters.iter().all(|c| c.is_uppercase());
    let all_lower = !letters.is_empty() && letters.iter().all(|c| c.is_lowercase());
    if !(all_upper || all_lower) {
        return word.to_string();
    }
    let mut out = String::with_capacity(word.len());
    let mut start = true;
    // Letters since the part began: after one letter and an apostrophe ("O'BRIEN",
    // "D'AMATO") a capital follows; after more ("DON'T") it does not.
    let mut letters = 0;
    for c in word.chars() {
        if start {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        start = (!c.is_alphabetic() && c != '\'') || (c == '\'' && letters == 1);
        letters = if c.is_alphabetic() { letters + 1 } else { 0 };
    }
    out
}

/// Title-cases a tag such as Reuters' "james-baker" into "James Baker".
pub fn from_tag(tag: &str) -> Option<String> {
    from_tag_with(tag, true)
}

/// The name of a place the gazetteer does not know, tidied as [`from_tag`] tidies a person's
/// name but with its one-letter words as written ("T Mobile", "X Men").
///
/// Connecting words ("Gulf of Mexico", "Isle of Man", "Rio de la Plata") stay in lower case
/// after the first word.
pub(crate) fn unknown_place_name(tag: &str) -> Option<String> {
    const CONNECTORS: &[&str] = &[
        "and", "da", "das", "de", "del", "der", "des", "do", "dos", "du", "la", "le", "les", "of",
        "on", "the", "upon", "y",
    ];
    let name = from_tag_with(tag, false)?;
    Some(
        name.split(' ')
            .enumerate()
            .map(|(i, word)| {
                let lower = word.to_lowercase();
                if i > 0 && CONNECTORS.contains(&lower.as_str()) {
                    lower
                } else {
                    word.to_string()
                }
            })
            .collect::<Vec<_>>()
            .join(" "),
    )
}

fn from_tag_with(tag: &str, initials: bool) -> Option<String> {
    let spaced = if tag.contains(' ') {
        tag.to_string()
    } else {
        tag.replace(['-', '_'], " ")
    };
    clean_with(
        &spaced
            .split_whitespace()
            .map(fix_case)
            .collect::<Vec<_>>()
            .join(" "),
        initials,
    )
}

/// For each name, the canonical name it resolves to within one article: the longest other
/// name of which it is the surname part (its words end the longer name), when that longer
/// name is unique; else, for a one-word name, the one longer name it is the given name of
/// (quotes call people by their first name: `"David has decided"` after `David Felgate`);
/// otherwise itself.
pub fn resolve_short_names(names: &[String]) -> Vec<String> {
    // The same name mentioned again resolves the same way and changes no other name's
    // resolution, so each distinct name is resolved once.
    let (distinct, slots) = super::distinct(names.iter().map(String::as_str));
    let resolved = resolve_distinct(&distinct);
    slots.into_iter().map(|k| resolved[k].clone()).collect()
}

/// [`resolve_short_names`] over names that are all different.
fn resolve_distinct(names: &[&str]) -> Vec<String> {
    let words: Vec<Vec<String>> = names
        .iter()
        .map(|n| n.split_whitespace().map(|w| w.to_lowercase()).collect())
        .collect();
    names
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let mine = &words[i];
            let mut best: Option<usize> = None;
            let mut tie = false;
            for (j, other) in words.iter().enumerate() {
                if other.len() <= mine.len() || !other.ends_with(mine) {
                    continue;
                }
                match best {
                    None => best = Some(j),
                    Some(b) if words[b].len() < other.len() => {
                        // "Putin" in "Vladimir Putin" and "Vladimir Vladimirovich Putin": the longer wins
                        // if it extends the shorter one.
                        tie = !other.ends_with(&words[b]);
                        best = Some(j);
                    }
                    Some(b) if words[b] != *other && words[b].len() == other.len() => tie = true,
                    _ => {}
                }
            }
            match best {
                Some(b) if !tie => names[b].to_string(),
                None if mine.len() == 1 => given_name_of(mine, &words)
                    .map_or_else(|| name.to_string(), |b| names[b].to_string()),
                _ => name.to_string(),
            }
        })
        .collect()
}

/// The index of the one longer name (in `words`, lowercased) that starts with the one-word
/// name `mine`, if exactly one distinct name does.
fn given_name_of(mine: &[String], words: &[Vec<String>]) -> Option<usize> {
    let mut found: Option<usize> = None;
    for (j, other) in words.iter().enumerate() {
        if other.len() > 1 && other[0] == mine[0] {
            match found {
                Some(f) if words[f] != *other => return None,
                Some(_) => {}
                None => found = Some(j),
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Names in capitals or lower case are title-cased; after one letter and an apostrophe a
    /// capital follows ("O'Brien": Reuters had "O'brien" in 3 articles beside "O'Brien").
    #[test]
    fn capitals_and_lower_case_are_title_cased() {
        for (word, want) in [
            ("REAGAN", "Reagan"),
            ("O'BRIEN", "O'Brien"),
            ("o'brien", "O'Brien"),
            ("D'AMATO", "D'Amato"),
            ("LEIGH-PEMBERTON", "Leigh-Pemberton"),
            ("DON'T", "Don't"),
            ("McCain", "McCain"),
            ("al-Assad", "al-Assad"),
        ] {
            assert_eq!(fix_case(word), want, "{word}");
        }
    }

    #[test]
    fn a_title_after_its_kind_of_work() {
        let at = |text: &str, name: &str| after_a_work_kind(text, text.find(name).unwrap());
        assert!(at("his film Hide and Seek opened", "Hide"));
        assert!(at("the movie The Aviator", "The Aviator"));
        assert!(!at("nominated for The Aviator", "Aviator"));
        // A title's "The" outside the tagged name is not looked past: "the drama The
        // Guardian called gripping" names a newspaper.
        assert!(!at("the drama The Guardian called gripping", "Guardian"));
        assert!(!at("a film\n\nAviator won", "Aviator"));
    }

    #[test]
    fn organisations_speak_and_trade() {
        let cue = |text: &str, name: &str| {
            followed_by_an_org_cue(text, text.find(name).unwrap() + name.len())
        };
        assert!(cue("Sony said on Monday", "Sony"));
        assert!(cue("a Disney's spokesman", "Disney"));
        assert!(cue("a Disney’s spokesman", "Disney"));
        assert!(cue("Warner Bros Inc. reported", "Warner Bros"));
        assert!(!cue("Hide and Seek opened", "Hide and Seek"));
        assert!(!cue("Scrubs", "Scrubs"));
    }

    #[test]
    fn films_books_and_games_named_after_their_hero() {
        let work = |text: &str, name: &str| {
            let start = text.find(name).unwrap();
            names_a_work(text, start, start + name.len())
        };
        for (text, name) in [
            ("the Harry Potter films were", "Harry Potter"),
            ("the third Harry Potter film", "Harry Potter"),
            ("Harry Potter author JK Rowling", "Harry Potter"),
            ("Vera Drake star Imelda Staunton", "Vera Drake"),
            ("Harry Potter and the Goblet of Fire", "Harry Potter"),
            ("Harry Potter and The Prisoner Of Azkaban", "Harry Potter"),
            // "The" at a sentence's start, after a quote.
            ("The Harry Potter films", "Harry Potter"),
            ("\"the James Bond films", "James Bond"),
            ("the film Vera Drake, by Mike Leigh", "Vera Drake"),
            ("boxing drama Million Dollar Baby", "Million Dollar Baby"),
            ("6.5 on the Richter scale", "Richter"),
            ("6.9 on the Richter\nscale", "Richter"),
            ("the open-ended Richter scale", "Richter"),
        ] {
            assert!(work(text, name), "{text}");
        }
        for (text, name) in [
            // People: a director's film, a verb, a band after "and the", a possessive.
            ("in the Mike Leigh film", "Mike Leigh"),
            ("Vince Vaughn stars in", "Vince Vaughn"),
            (
                "Mavis Staples and the Blind Boys of Alabama",
                "Mavis Staples",
            ),
            ("Robbie Williams and the Sugababes", "Robbie Williams"),
            ("Harry Potter's sixth year", "Harry Potter"),
            ("New Bruce Willis movie Hostage", "Bruce Willis"),
            // Offices and institutions after "and the"; authors' and presenters' works.
            (
                "Tony Blair and the Chancellor of the Exchequer",
                "Tony Blair",
            ),
            ("Mervyn King and the Bank of England", "Mervyn King"),
            (
                "Prince Charles and the Duchess of Cornwall",
                "Prince Charles",
            ),
            ("the Jane Austen novels", "Jane Austen"),
            ("the David Attenborough series", "David Attenborough"),
            ("film director Mike Leigh", "Mike Leigh"),
            ("Shrek 2 best film\n\nYoung fans voted", "Young"),
            // Not across a paragraph, nor the verb.
            (
                "Career honour for actor DiCaprio\n\nActor Leonardo",
                "DiCaprio",
            ),
            ("Harry Potter\n    author", "Harry Potter"),
            ("Blair and Brown scale back their plans", "Brown"),
            ("Richter scaled the wall", "Richter"),
        ] {
            assert!(!work(text, name), "{text}");
        }
    }

    #[test]
    fn unknown_place_names_keep_connecting_words_in_lower_case() {
        for (raw, name) in [
            ("GULF OF MEXICO", "Gulf of Mexico"),
            ("Gulf of Mexico", "Gulf of Mexico"),
            ("STRAIT OF HORMUZ", "Strait of Hormuz"),
            ("Rio de la Plata", "Rio de la Plata"),
            ("The Hague Road", "The Hague Road"),
            ("T Mobile", "T Mobile"),
        ] {
            assert_eq!(unknown_place_name(raw).as_deref(), Some(name), "{raw}");
        }
    }

    #[test]
    fn titles_and_possessives_are_stripped() {
        for (raw, clean_name) in [
            ("President Vladimir Putin", "Vladimir Putin"),
            ("Putin's", "Putin"),
            ("Mr Blair", "Blair"),
            ("Mr. Blair", "Blair"),
            ("Prime Minister Narendra Modi", "Narendra Modi"),
            ("REAGAN", "Reagan"),
            ("Ursula von der Leyen", "Ursula von der Leyen"),
            ("John McCain", "John McCain"),
            // One-letter initials take a full stop, so that both spellings are one name.
            ("George W Bush", "George W. Bush"),
            ("George W. Bush's", "George W. Bush"),
            ("JOHN M HENSKE", "John M. Henske"),
            ("Recep Ö Pamuk", "Recep Ö. Pamuk"),
            ("U Thant", "U Thant"),
            ("J Hugh Liedtke", "J Hugh Liedtke"),
            ("Anthony J.P. Farris", "Anthony J.P. Farris"),
            ("Malcolm X", "Malcolm X"),
            ("José Ortega y Gasset", "José Ortega y Gasset"),
        ] {
            assert_eq!(clean(raw).as_deref(), Some(clean_name), "{raw}");
        }
        assert_eq!(clean("1990s"), None);
        assert_eq!(clean("Shadow Secretary"), None);
        assert!(
            is_facility("Downing Street") && is_facility("Elysee Palace") && !is_facility("Street")
        );
        assert!(!is_facility("Tony Blair"));
        assert!(
            has_personal_title("Ms Hewitt")
                && !has_personal_title("Mr")
                && !has_personal_title("Labour")
        );
        assert_eq!(clean("'s"), None);
        assert_eq!(from_tag("james-baker").as_deref(), Some("James Baker"));
        assert_eq!(from_tag("reagan").as_deref(), Some("Reagan"));
    }

    fn owned(names: &[&str]) -> Vec<String> {
        names.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn short_mentions_resolve_to_the_full_name() {
        let names = owned(&["Vladimir Putin", "Putin", "Tony Blair", "Blair", "Macron"]);
        assert_eq!(
            resolve_short_names(&names),
            [
                "Vladimir Putin",
                "Vladimir Putin",
                "Tony Blair",
                "Tony Blair",
                "Macron"
            ]
        );
        // Two different Smiths: "Smith" stays ambiguous.
        let names = owned(&["John Smith", "Jane Smith", "Smith"]);
        assert_eq!(resolve_short_names(&names)[2], "Smith");
        // A first name alone: the one person of that first name, if only one.
        let names = owned(&["David Felgate", "David", "Felgate", "Tim Henman", "Tim"]);
        assert_eq!(
            resolve_short_names(&names),
            [
                "David Felgate",
                "David Felgate",
                "David Felgate",
                "Tim Henman",
                "Tim Henman"
            ]
        );
        let names = owned(&["David Davis", "David Blunkett", "David"]);
        assert_eq!(resolve_short_names(&names)[2], "David");
    }

    #[test]
    fn list_words_match_in_any_case() {
        // `in_list` relies on the lists being lower case.
        assert!(TITLES
            .iter()
            .chain(PERSONAL_TITLES)
            .all(|t| *t == t.to_lowercase()));
        assert!(is_title("PRESIDENT") && is_title("President.") && is_title("mr"));
        assert!(!is_title("Presidents") && !is_title("Putin"));
        // Non-ASCII words are lower-cased the Unicode way.
        assert!(in_list(&["école", "mr"], "ÉCOLE") && !in_list(&["école"], "ECOLE"));
        assert!(has_personal_title("Ms. Hewitt") && !has_personal_title("Ms"));
    }

    #[test]
    fn repeated_mentions_resolve_as_the_first_one_does() {
        // Every mention is passed, so names repeat. `resolve_distinct` on the list with its
        // repeats is the rule as it was, every mention against every other one.
        for names in [
            &[
                "Smith",
                "John Smith",
                "Putin",
                "John Smith",
                "Jane Smith",
                "Vladimir Putin",
                "Smith",
                "Putin",
                "Vladimir Vladimirovich Putin",
            ][..],
            &[
                "David",
                "David Felgate",
                "David",
                "Felgate",
                "David Felgate",
                "Tim",
                "Tim Henman",
            ],
            &[
                "Blair",
                "Blair",
                "Tony Blair",
                "Cherie Blair",
                "Tony Blair",
                "Blair",
            ],
        ] {
            assert_eq!(
                resolve_short_names(&owned(names)),
                resolve_distinct(names),
                "{names:?}"
            );
        }
        let names = owned(&["Putin", "Vladimir Putin", "Putin", "Vladimir Putin"]);
        assert_eq!(resolve_short_names(&names), ["Vladimir Putin"; 4]);
    }
}
