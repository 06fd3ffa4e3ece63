//! Markdown with optional YAML (`---`) or TOML (`+++`) front matter.
//!
//! The front matter is parsed by `gray_matter`'s YAML and TOML engines and its fields
//! are mapped like JSON fields (`title`, `date`, `author`, `persons`, …). The title is
//! the front matter's, else the first `# ` heading (or a `===` underlined heading),
//! else the first non-empty line. The body is the Markdown with its markup removed
//! enough to read well: heading `#`s, emphasis and code markers, list bullets, block
//! quote `>`s, rules and HTML tags go; `[text](url)` and `![alt](src)` keep their
//! text. Front matter that does not parse is reported as a problem and the article is
//! still read.

use super::fields::{collapse_whitespace, Record};
use super::ReadOutput;
use crate::Article;
use gray_matter::engine::{Engine, TOML, YAML};
use gray_matter::Pod;
use serde_json::{Map, Value};

/// Reads a Markdown file.
pub fn read(text: &str, path: &str) -> Result<ReadOutput, String> {
    let mut out = ReadOutput::default();
    let (front, content) = split_front_matter(text);
    let mut meta = Map::new();
    match front {
        FrontMatter::None => {}
        FrontMatter::Unclosed(delim) => out.problems.push(format!(
            "front matter: no closing `{delim}` line; read as text"
        )),
        FrontMatter::Yaml(src) => parse_front(YAML::parse(src), "YAML", &mut meta, &mut out),
        FrontMatter::Toml(src) => parse_front(TOML::parse(src), "TOML", &mut meta, &mut out),
    }
    let rec = Record::from_object(&meta);

    let mut title = rec.title();
    let mut lines: Vec<&str> = content.lines().collect();
    let heading = find_title_heading(&lines);
    match heading {
        Some((index, span, heading_text)) => {
            let heading_text = collapse_whitespace(&inline(&heading_text));
            // The heading is the title when the front matter has none, or a repeat of it.
            if title.is_empty() || heading_text.eq_ignore_ascii_case(&title) {
                if title.is_empty() {
                    title = heading_text;
                }
                lines.drain(index..index + span);
            }
        }
        None if title.is_empty() => {
            // No heading: the first non-empty line is the headline, as in plain text.
            if let Some(i) = lines.iter().position(|l| !l.trim().is_empty()) {
                title = collapse_whitespace(&inline(strip_block_markers(lines[i])));
                lines.remove(i);
            }
        }
        None => {}
    }
    // A leading heading of any level that repeats the title (`## Title` under front
    // matter) is not body text.
    if let Some(i) = lines.iter().position(|l| !l.trim().is_empty()) {
        let line = lines[i].trim_start();
        if line.starts_with('#') {
            let text = collapse_whitespace(&inline(strip_block_markers(line)));
            if !title.is_empty() && text.eq_ignore_ascii_case(&title) {
                lines.remove(i);
            }
        }
    }
    let mut body = plain_text(&lines.join("\n"));
    if body.is_empty() {
        body = rec.text();
    }
    if title.is_empty() && body.is_empty() {
        out.problems.push("no title or text".into());
        return Ok(out);
    }
    let mut article = Article {
        id: path.to_string(),
        path: path.to_string(),
        title,
        body,
        ..Article::default()
    };
    rec.fill_metadata(&mut article);
    super::text::fill_dateline(&mut article);
    out.articles.push(article);
    Ok(out)
}

enum FrontMatter<'a> {
    None,
    Unclosed(&'static str),
    Yaml(&'a str),
    Toml(&'a str),
}

/// Splits `---\n…\n---\n` (YAML; `...` also closes it) or `+++\n…\n+++\n` (TOML) from
/// the start of the text.
fn split_front_matter(text: &str) -> (FrontMatter<'_>, &str) {
    let text = text.trim_start_matches(['\n', '\r']);
    let (first, rest) = match text.split_once('\n') {
        Some(split) => split,
        None => return (FrontMatter::None, text),
    };
    let delim = match first.trim_end() {
        "---" => "---",
        "+++" => "+++",
        _ => return (FrontMatter::None, text),
    };
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        let t = line.trim_end();
        if t == delim || (delim == "---" && t == "...") {
            let src = &rest[..offset];
            let content = &rest[offset + line.len()..];
            let fm = if delim == "---" {
                FrontMatter::Yaml(src)
            } else {
                FrontMatter::Toml(src)
            };
            return (fm, content);
        }
        offset += line.len();
    }
    // Read the rest as Markdown, without the lone opening delimiter.
    (FrontMatter::Unclosed(delim), rest)
}

fn parse_front(
    parsed: gray_matter::Result<Pod>,
    kind: &str,
    meta: &mut Map<String, Value>,
    out: &mut ReadOutput,
) {
    match parsed {
        Ok(Pod::Hash(map)) => {
            for (k, v) in map {
                meta.insert(k, pod_to_json(v));
            }
        }
        Ok(Pod::Null) => {}
        Ok(_) => out
            .problems
            .push(format!("front matter: {kind} is not a table of fields")),
        Err(e) => out
            .problems
            .push(format!("front matter: invalid {kind}: {e}")),
    }
}

fn pod_to_json(pod: Pod) -> Value {
    match pod {
        Pod::Null => Value::Null,
        Pod::String(s) => Value::String(s),
        Pod::Integer(i) => Value::from(i),
        Pod::Float(f) => serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number),
        Pod::Boolean(b) => Value::Bool(b),
        Pod::Array(items) => Value::Array(items.into_iter().map(pod_to_json).collect()),
        Pod::Hash(map) => {
            Value::Object(map.into_iter().map(|(k, v)| (k, pod_to_json(v))).collect())
        }
    }
}

/// The first level-1 heading (`# Title`, or `Title` underlined with `===`) outside
/// code blocks: its line index, how many lines it spans, and its text.
fn find_title_heading(lines: &[&str]) -> Option<(usize, usize, String)> {
    let mut in_code = false;
    for (i, line) in lines.iter().enumerate() {
        let t = line.trim();
        if t.starts_with("```") || t.starts_with("~~~") {
            in_code = !in_code;
            continue;
        }
        if in_code {
            continue;
        }
        if let Some(rest) = t.strip_prefix("# ") {
            return Some((i, 1, rest.trim().trim_end_matches('#').trim().to_string()));
        }
        if !t.is_empty() && !t.starts_with('#') {
            if let Some(next) = lines.get(i + 1) {
                let n = next.trim();
                if n.len() >= 2 && n.chars().all(|c| c == '=') {
                    return Some((i, 2, t.to_string()));
                }
            }
        }
    }
    None
}

/// Markdown → readable text (see the module docs). Paragraphs stay separated by
/// blank lines.
pub fn plain_text(markdown: &str) -> String {
    let markdown = remove_html_comments(markdown);
    let mut out: Vec<String> = Vec::new();
    let mut in_code = false;
    let lines: Vec<&str> = markdown.lines().collect();
    for (i, line) in lines.iter().enumerate() {
        let t = line.trim();
        if t.starts_with("```") || t.starts_with("~~~") {
            in_code = !in_code;
            out.push(String::new());
            continue;
        }
        if in_code {
            out.push(line.trim_end().to_string());
            continue;
        }
        if is_table_separator(t) {
            continue;
        }
        if is_rule(t) || is_reference_definition(t) {
            out.push(String::new());
            continue;
        }
        // Setext underline of the previous line.
        if t.len() >= 2 && t.chars().all(|c| c == '=')
            || (t.len() >= 2
                && t.chars().all(|c| c == '-')
                && i > 0
                && !lines[i - 1].trim().is_empty())
        {
            continue;
        }
        let mut s = strip_block_markers(line).to_string();
        if s.starts_with('|') {
            s = s
                .trim_matches('|')
                .split('|')
                .map(str::trim)
                .collect::<Vec<_>>()
                .join("  ");
        }
        out.push(inline(&s).trim_end().to_string());
    }
    // Collapse runs of blank lines.
    let mut text = String::with_capacity(markdown.len());
    let mut blank = true;
    for line in out {
        if line.trim().is_empty() {
            if !blank {
                text.push('\n');
            }
            blank = true;
            continue;
        }
        if !text.is_empty() && !text.ends_with("\n\n") && blank {
            text.push('\n');
        }
        text.push_str(&line);
        text.push('\n');
        blank = false;
    }
    text.trim().to_string()
}

/// Removes heading `#`s, block-quote `>`s and list bullets from the start of a line.
fn strip_block_markers(line: &str) -> &str {
    let mut s = line.trim();
    loop {
        if let Some(rest) = s.strip_prefix('>') {
            s = rest.trim_start();
            continue;
        }
        break;
    }
    if s.starts_with('#') {
        let hashes = s.chars().take_while(|&c| c == '#').count();
        let rest = &s[hashes..];
        if hashes <= 6 && (rest.is_empty() || rest.starts_with(' ')) {
            return rest.trim().trim_end_matches('#').trim_end();
        }
    }
    for bullet in ["- ", "* ", "+ "] {
        if let Some(rest) = s.strip_prefix(bullet) {
            return rest.trim_start();
        }
    }
    s
}

fn is_rule(t: &str) -> bool {
    let marks: String = t.chars().filter(|c| !c.is_whitespace()).collect();
    marks.len() >= 3
        && (marks.chars().all(|c| c == '-')
            || marks.chars().all(|c| c == '*')
            || marks.chars().all(|c| c == '_'))
}

fn is_reference_definition(t: &str) -> bool {
    t.starts_with('[')
        && t.find("]:")
            .is_some_and(|i| i > 1 && !t[1..i].contains(']'))
}

fn is_table_separator(t: &str) -> bool {
    t.starts_with('|') && t.contains('-') && t.chars().all(|c| matches!(c, '|' | '-' | ':' | ' '))
}

fn remove_html_comments(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(start) = rest.find("<!--") {
        out.push_str(&rest[..start]);
        match rest[start..].find("-->") {
            Some(end) => rest = &rest[start + end + 3..],
            None => {
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// Inline markup → text: links and images keep their text, emphasis, strike-through
/// and code markers go, HTML tags go, backslash escapes are resolved.
fn inline(s: &str) -> String {
    inline_at(s, 0)
}

/// Links nested deeper than this keep their brackets (no recursion beyond it).
const MAX_LINK_DEPTH: usize = 4;
/// How far (in characters) a link's `]` or `)` is looked for.
const MAX_LINK_LEN: usize = 2000;

fn inline_at(s: &str, depth: usize) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let prev = if i > 0 { Some(chars[i - 1]) } else { None };
        match c {
            '\\' if chars.get(i + 1).is_some_and(|n| n.is_ascii_punctuation()) => {
                out.push(chars[i + 1]);
                i += 2;
            }
            '!' if depth < MAX_LINK_DEPTH && chars.get(i + 1) == Some(&'[') => {
                match link_at(&chars, i + 1) {
                    Some((text, end)) => {
                        out.push_str(&inline_at(&text, depth + 1));
                        i = end;
                    }
                    None => {
                        out.push(c);
                        i += 1;
                    }
                }
            }
            '[' if depth < MAX_LINK_DEPTH => match link_at(&chars, i) {
                Some((text, end)) => {
                    out.push_str(&inline_at(&text, depth + 1));
                    i = end;
                }
                None => {
                    out.push(c);
                    i += 1;
                }
            },
            '<' => {
                let close = chars[i..].iter().take(500).position(|&x| x == '>');
                match close {
                    Some(len) if len > 1 => {
                        let inner: String = chars[i + 1..i + len].iter().collect();
                        if inner.starts_with("http://") || inner.starts_with("https://") {
                            out.push_str(&inner);
                            i += len + 1;
                        } else if inner.starts_with(|c: char| c.is_ascii_alphabetic() || c == '/')
                            && !inner.contains(' ')
                            || inner.contains('=')
                        {
                            // An HTML tag.
                            i += len + 1;
                        } else {
                            out.push(c);
                            i += 1;
                        }
                    }
                    _ => {
                        out.push(c);
                        i += 1;
                    }
                }
            }
            '`' => {
                i += 1;
            }
            '*' | '~' => {
                let run = chars[i..].iter().take_while(|&&x| x == c).count();
                let before_space = prev.is_none_or(char::is_whitespace);
                let after_space = chars.get(i + run).is_none_or(|n| n.is_whitespace());
                let marker = if c == '~' { run >= 2 } else { true };
                if !marker || (before_space && after_space) {
                    out.extend(std::iter::repeat_n(c, run));
                }
                i += run;
            }
            '_' => {
                let run = chars[i..].iter().take_while(|&&x| x == '_').count();
                let before_word = prev.is_some_and(char::is_alphanumeric);
                let after_word = chars.get(i + run).is_some_and(|n| n.is_alphanumeric());
                if before_word == after_word {
                    // Inside a word (snake_case) or standing alone: not emphasis.
                    out.extend(std::iter::repeat_n('_', run));
                }
                i += run;
            }
            _ => {
                out.push(c);
                i += 1;
            }
        }
    }
    out
}

/// A link or image starting at `[` at `start`: `[text](url)`, `[text][ref]` or
/// `[text][]`. Returns its text and the index after it.
fn link_at(chars: &[char], start: usize) -> Option<(String, usize)> {
    let mut depth = 0;
    let mut close = None;
    for (j, &c) in chars.iter().enumerate().skip(start).take(MAX_LINK_LEN) {
        match c {
            '[' => depth += 1,
            ']' => {
                depth -= 1;
                if depth == 0 {
                    close = Some(j);
                    break;
                }
            }
            _ => {}
        }
    }
    let close = close?;
    let text: String = chars[start + 1..close].iter().collect();
    match chars.get(close + 1) {
        Some('(') => {
            let mut depth = 0;
            for (j, &c) in chars.iter().enumerate().skip(close + 1).take(MAX_LINK_LEN) {
                match c {
                    '(' => depth += 1,
                    ')' => {
                        depth -= 1;
                        if depth == 0 {
                            return Some((text, j + 1));
                        }
                    }
                    _ => {}
                }
            }
            None
        }
        Some('[') => {
            let end = chars[close + 1..]
                .iter()
                .take(MAX_LINK_LEN)
                .position(|&c| c == ']')?;
            Some((text, close + 1 + end + 1))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_front_matter() {
        let md = "---\ntitle: \"Ministers meet in Brussels\"\ndate: 2025-03-01\nauthor: [Ana Lima, Tom Berg]\npersons:\n  - Emmanuel Macron\ntags: [eu]\n---\n\n# Ministers meet in Brussels\n\nBRUSSELS (Newsdex) — The **European Union** agreed on [new rules](https://example.org).\n";
        let out = read(md, "a.md").unwrap();
        assert!(out.problems.is_empty(), "{:?}", out.problems);
        let a = &out.articles[0];
        assert_eq!(a.title, "Ministers meet in Brussels");
        assert_eq!(
            a.body,
            "BRUSSELS (Newsdex) — The European Union agreed on new rules."
        );
        assert_eq!(a.date.as_deref(), Some("2025-03-01"));
        assert_eq!(a.authors, ["Ana Lima", "Tom Berg"]);
        assert_eq!(a.pretagged.persons, ["Emmanuel Macron"]);
        assert_eq!(a.dateline_place.as_deref(), Some("BRUSSELS"));
    }

    #[test]
    fn toml_front_matter() {
        let md = "+++\ntitle = \"Yen slides\"\ndate = 2025-03-04T09:00:00Z\nsource = \"Newsdex Wire\"\n+++\n### Yen  slides\nTOKYO (Newsdex) — The yen fell.\n";
        let out = read(md, "b.md").unwrap();
        let a = &out.articles[0];
        assert_eq!(a.title, "Yen slides");
        assert_eq!(a.date.as_deref(), Some("2025-03-04T09:00:00Z"));
        assert_eq!(a.source.as_deref(), Some("Newsdex Wire"));
        assert_eq!(a.body, "TOKYO (Newsdex) — The yen fell.");
    }

    #[test]
    fn heading_title_without_front_matter() {
        let md = "Intro line\n\n# Real *title*\n\nText with `code`, a ![chart](c.png) and _emphasis_ in snake_case.\n";
        let out = read(md, "c.md").unwrap();
        let a = &out.articles[0];
        assert_eq!(a.title, "Real title");
        assert_eq!(
            a.body,
            "Intro line\n\nText with code, a chart and emphasis in snake_case."
        );
    }

    #[test]
    fn setext_heading_and_blocks() {
        let md = "Budget day\n==========\n\n## Key points\n\n- Spending *up*\n* Taxes __down__\n\n> A quote\n\n---\n\n[ref]: https://example.org\n| a | b |\n|---|---|\n| 1 | 2 |\n";
        let out = read(md, "d.md").unwrap();
        let a = &out.articles[0];
        assert_eq!(a.title, "Budget day");
        assert_eq!(
            a.body,
            "Key points\n\nSpending up\nTaxes down\n\nA quote\n\na  b\n1  2"
        );
    }

    #[test]
    fn broken_front_matter_is_a_problem_not_a_loss() {
        let md = "---\ntitle: [unclosed\n---\n# Heading\n\nBody.\n";
        let out = read(md, "e.md").unwrap();
        assert_eq!(out.articles[0].title, "Heading");
        assert_eq!(out.articles[0].body, "Body.");
        assert!(
            out.problems[0].starts_with("front matter: invalid YAML"),
            "{:?}",
            out.problems
        );
        let out = read("---\ntitle: x\nno end\n", "f.md").unwrap();
        assert!(out.problems[0].contains("no closing"));
        assert_eq!(out.articles[0].title, "title: x");
    }

    #[test]
    fn inline_markup() {
        assert_eq!(
            inline("**bold** and *it* and ~~gone~~"),
            "bold and it and gone"
        );
        assert_eq!(inline("5 * 3 = 15"), "5 * 3 = 15");
        assert_eq!(
            inline("[a [nested] link](http://x.org/(y)) end"),
            "a [nested] link end"
        );
        assert_eq!(
            inline("see [the report][1] or <https://x.org>"),
            "see the report or https://x.org"
        );
        assert_eq!(inline("a <span class=\"x\">b</span> c<br/>"), "a b c");
        assert_eq!(
            inline("1 < 2 and \\*not emphasis\\*"),
            "1 < 2 and *not emphasis*"
        );
        assert_eq!(inline("[sic] stays"), "[sic] stays");
    }
}
