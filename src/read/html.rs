//! HTML pages: title, article text without navigation or scripts, and metadata.
//!
//! - Title: `og:title`, else `<title>` (or the first `<h1>` when `<title>` is that
//!   heading plus a site suffix), else the first `<h1>`.
//! - Text: from the longest `<article>`, else `<main>` (or `role="main"`), else
//!   `<body>`; `script`, `style`, `nav`, `header`, `footer`, `aside`, `form`,
//!   `noscript` and hidden elements are skipped; block elements become paragraphs,
//!   joined by blank lines. A leading heading equal to the title is dropped.
//! - Date: meta `article:published_time`, `og:published_time`, `date`, `pubdate`,
//!   `publishdate`, `datePublished`, `dc.date`, …; else `<time datetime>`; else
//!   JSON-LD `datePublished`.
//! - Author: meta `author` (or `article:author` when it is not a URL), else JSON-LD.
//! - Source: `og:site_name`, else JSON-LD `publisher`. URL: canonical link, else `og:url`.

use super::fields::{collapse_whitespace, Record};
use super::ReadOutput;
use crate::Article;
use scraper::{ElementRef, Html, Node, Selector};
use serde_json::Value;
use std::collections::HashMap;

/// Elements whose content is never article text.
const SKIP: [&str; 16] = [
    "script", "style", "nav", "header", "footer", "aside", "form", "noscript", "template", "svg",
    "iframe", "button", "select", "textarea", "object", "head",
];

/// Elements that start a new paragraph.
const BLOCKS: [&str; 30] = [
    "p",
    "div",
    "section",
    "article",
    "main",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "blockquote",
    "pre",
    "figure",
    "figcaption",
    "table",
    "tr",
    "dl",
    "dt",
    "dd",
    "hr",
    "br",
    "address",
    "details",
    "summary",
    "body",
    "center",
];

/// Reads an HTML page.
pub fn read(text: &str, path: &str) -> Result<ReadOutput, String> {
    let doc = Html::parse_document(text);
    let meta = meta_map(&doc);
    let ld = json_ld_article(&doc);
    let ld_rec = ld
        .as_ref()
        .and_then(|v| v.as_object())
        .map(Record::from_object);

    let first_h1 = first_text(&doc, "h1");
    let title = meta
        .get("og:title")
        .cloned()
        .or_else(|| {
            let t = first_text(&doc, "title")?;
            // `Headline | Site` when the page's own heading is `Headline`.
            match &first_h1 {
                Some(h1) if t.len() > h1.len() && t.starts_with(h1.as_str()) => Some(h1.clone()),
                _ => Some(t),
            }
        })
        .or_else(|| first_h1.clone())
        .or_else(|| ld_rec.as_ref().map(Record::title).filter(|t| !t.is_empty()))
        .unwrap_or_default();
    let title = match meta.get("og:site_name") {
        Some(site) => strip_site_suffix(&title, site).to_string(),
        None => title,
    };

    let mut blocks = main_blocks(&doc);
    if let Some(first) = blocks.first() {
        if !title.is_empty() && first.eq_ignore_ascii_case(&title)
            || first_h1.as_deref().is_some_and(|h| h == first)
        {
            blocks.remove(0);
        }
    }
    // A short `By …` paragraph at the top is a byline, not text.
    let mut byline = None;
    if let Some(first) = blocks.first() {
        let words = first.split_whitespace().count();
        if words <= 8
            && first
                .get(..3)
                .is_some_and(|p| p.eq_ignore_ascii_case("by "))
        {
            byline = Some(first[3..].trim().to_string());
            blocks.remove(0);
        }
    }
    let mut body = blocks.join("\n\n");
    if body.is_empty() {
        if let Some(rec) = &ld_rec {
            body = rec.text();
        }
    }
    if title.is_empty() && body.is_empty() {
        return Ok(ReadOutput {
            articles: Vec::new(),
            problems: vec!["no title or text".into()],
        });
    }

    let mut article = Article {
        id: path.to_string(),
        path: path.to_string(),
        title,
        body,
        ..Article::default()
    };
    if let Some(rec) = &ld_rec {
        rec.fill_metadata(&mut article);
    }
    let date_keys = [
        "article:published_time",
        "og:published_time",
        "published_time",
        "date",
        "pubdate",
        "publishdate",
        "datepublished",
        "dc.date",
        "dc.date.issued",
        "dcterms.created",
        "dcterms.date",
        "sailthru.date",
        "parsely-pub-date",
    ];
    let from_meta = date_keys.iter().find_map(|k| meta.get(*k).cloned());
    if let Some(date) = from_meta.or_else(|| time_datetime(&doc)) {
        article.date = Some(date);
    }
    let author = meta.get("author").cloned().or_else(|| {
        meta.get("article:author")
            .filter(|a| !a.starts_with("http"))
            .cloned()
    });
    if let Some(author) = author.or(byline) {
        article.authors = vec![author];
    }
    if let Some(site) = meta.get("og:site_name") {
        article.source = Some(site.clone());
    }
    if let Some(url) = canonical_link(&doc).or_else(|| meta.get("og:url").cloned()) {
        article.url = Some(url);
    }
    // The dateline opens the story, which may come after a line of page furniture
    // (`Published 5 March 2025`).
    if let Some(d) = blocks
        .iter()
        .take(3)
        .find_map(|b| super::text::find_dateline(b))
    {
        article.dateline = Some(d.text);
        article.dateline_place = Some(d.place);
    }
    Ok(ReadOutput {
        articles: vec![article],
        problems: Vec::new(),
    })
}

/// `Headline | Site` → `Headline` when `Site` is the page's site name.
fn strip_site_suffix<'a>(title: &'a str, site: &str) -> &'a str {
    let Some(head) = title.strip_suffix(site) else {
        return title;
    };
    for sep in [" | ", " - ", " — ", " – ", " · ", " :: ", ": "] {
        if let Some(h) = head.strip_suffix(sep) {
            if !h.trim().is_empty() {
                return h.trim();
            }
        }
    }
    title
}

/// The readable text of an HTML fragment (used for HTML inside JSON text fields).
pub fn fragment_text(html: &str) -> String {
    let frag = Html::parse_fragment(html);
    let mut blocks = Blocks::default();
    collect(frag.root_element(), &mut blocks);
    blocks.finish().join("\n\n")
}

fn selector(css: &str) -> Option<Selector> {
    Selector::parse(css).ok()
}

/// `name`/`property`/`itemprop` (lower-cased) → `content` of every `<meta>`; the first
/// one of each name wins.
fn meta_map(doc: &Html) -> HashMap<String, String> {
    let mut map = HashMap::new();
    let Some(sel) = selector("meta[content]") else {
        return map;
    };
    for el in doc.select(&sel) {
        let Some(content) = el.attr("content").map(str::trim).filter(|c| !c.is_empty()) else {
            continue;
        };
        for attr in ["property", "name", "itemprop"] {
            if let Some(key) = el.attr(attr) {
                map.entry(key.trim().to_ascii_lowercase())
                    .or_insert_with(|| content.to_string());
            }
        }
    }
    map
}

fn first_text(doc: &Html, css: &str) -> Option<String> {
    let sel = selector(css)?;
    doc.select(&sel)
        .map(|el| collapse_whitespace(&el.text().collect::<String>()))
        .find(|t| !t.is_empty())
}

fn time_datetime(doc: &Html) -> Option<String> {
    let sel = selector("time[datetime]")?;
    let times: Vec<ElementRef> = doc.select(&sel).collect();
    // Prefer an explicitly published time.
    let preferred = times.iter().find(|t| {
        t.attr("pubdate").is_some()
            || t.attr("itemprop")
                .is_some_and(|p| p.eq_ignore_ascii_case("datePublished"))
    });
    preferred
        .or(times.first())
        .and_then(|t| t.attr("datetime"))
        .map(|d| d.trim().to_string())
        .filter(|d| !d.is_empty())
}

fn canonical_link(doc: &Html) -> Option<String> {
    let sel = selector("link[rel][href]")?;
    doc.select(&sel)
        .find(|l| {
            l.attr("rel").is_some_and(|r| {
                r.split_whitespace()
                    .any(|x| x.eq_ignore_ascii_case("canonical"))
            })
        })
        .and_then(|l| l.attr("href"))
        .map(|h| h.trim().to_string())
        .filter(|h| !h.is_empty())
}

/// The first JSON-LD object that describes an article (`NewsArticle`, `Article`, …).
fn json_ld_article(doc: &Html) -> Option<Value> {
    let sel = selector("script[type]")?;
    for script in doc.select(&sel) {
        let is_ld = script
            .attr("type")
            .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
        if !is_ld {
            continue;
        }
        let text: String = script.text().collect();
        let Ok(value) = serde_json::from_str::<Value>(&text) else {
            continue;
        };
        if let Some(found) = find_article_object(value) {
            return Some(found);
        }
    }
    None
}

fn find_article_object(value: Value) -> Option<Value> {
    match value {
        Value::Array(items) => items.into_iter().find_map(find_article_object),
        Value::Object(mut obj) => {
            let is_article = match obj.get("@type") {
                Some(Value::String(t)) => t.ends_with("Article") || t == "BlogPosting",
                Some(Value::Array(ts)) => ts
                    .iter()
                    .filter_map(Value::as_str)
                    .any(|t| t.ends_with("Article") || t == "BlogPosting"),
                _ => false,
            };
            if is_article {
                return Some(Value::Object(obj));
            }
            obj.remove("@graph").and_then(find_article_object)
        }
        _ => None,
    }
}

/// The paragraphs of the main content: the longest `<article>`, else `<main>`, else
/// `<body>`.
fn main_blocks(doc: &Html) -> Vec<String> {
    let text_of = |el: ElementRef| {
        let mut blocks = Blocks::default();
        collect(el, &mut blocks);
        blocks.finish()
    };
    let len = |blocks: &Vec<String>| blocks.iter().map(String::len).sum::<usize>();
    for css in ["article", "main, [role=main]"] {
        if let Some(sel) = selector(css) {
            let best = doc
                .select(&sel)
                .map(text_of)
                .max_by_key(len)
                .filter(|b| len(b) > 0);
            if let Some(best) = best {
                return best;
            }
        }
    }
    match selector("body").and_then(|s| doc.select(&s).next()) {
        Some(body) => text_of(body),
        None => text_of(doc.root_element()),
    }
}

/// Paragraph accumulator with whitespace collapsing.
#[derive(Default)]
struct Blocks {
    done: Vec<String>,
    current: String,
    space: bool,
}

impl Blocks {
    fn push_text(&mut self, text: &str) {
        for c in text.chars() {
            if c.is_whitespace() {
                self.space = !self.current.is_empty();
            } else {
                if self.space {
                    self.current.push(' ');
                    self.space = false;
                }
                self.current.push(c);
            }
        }
    }

    fn separate(&mut self) {
        self.space = !self.current.is_empty();
    }

    fn flush(&mut self) {
        let block = std::mem::take(&mut self.current);
        self.space = false;
        if !block.is_empty() {
            self.done.push(block);
        }
    }

    fn finish(mut self) -> Vec<String> {
        self.flush();
        self.done
    }
}

/// Nesting depth below which the text of an element is taken as a whole (without
/// paragraph breaks or skipped elements), so that absurdly deep documents cannot
/// overflow the stack.
const MAX_DEPTH: usize = 200;

fn collect(el: ElementRef, blocks: &mut Blocks) {
    collect_at(el, blocks, 0);
}

fn collect_at(el: ElementRef, blocks: &mut Blocks, depth: usize) {
    if depth > MAX_DEPTH {
        for text in el.text() {
            blocks.push_text(text);
        }
        return;
    }
    let value = el.value();
    let name = value.name();
    if SKIP.contains(&name)
        || value.attr("hidden").is_some()
        || value.attr("aria-hidden") == Some("true")
        || value
            .attr("style")
            .is_some_and(|s| s.replace(' ', "").contains("display:none"))
    {
        return;
    }
    let block = BLOCKS.contains(&name);
    if block {
        blocks.flush();
    } else if matches!(name, "td" | "th") {
        blocks.separate();
    }
    for child in el.children() {
        match child.value() {
            Node::Text(t) => blocks.push_text(t),
            Node::Element(_) => {
                if let Some(child) = ElementRef::wrap(child) {
                    collect_at(child, blocks, depth + 1);
                }
            }
            _ => {}
        }
    }
    if block {
        blocks.flush();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!DOCTYPE html>
<html><head>
<title>Summit ends without deal | Example News</title>
<meta property="og:title" content="Summit ends without deal">
<meta property="og:site_name" content="Example News">
<meta property="og:url" content="https://example.org/og">
<link rel="canonical" href="https://example.org/summit">
<meta property="article:published_time" content="2025-03-01T09:30:00+01:00">
<meta name="author" content="Lena Vogt">
<style>body { color: red }</style>
<script>var tracking = "noise";</script>
</head><body>
<header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
<aside>Most read: something else</aside>
<article>
  <h1>Summit ends without deal</h1>
  <p>BRUSSELS (Newsdex) — Leaders left the summit <em>without</em> a deal.</p>
  <p>Talks will resume &amp; continue in April.<br>Officials said so.</p>
  <script>alert("x")</script>
  <form><input name="q"><button>Subscribe</button></form>
  <ul><li>First point</li><li>Second point</li></ul>
</article>
<footer>© Example News</footer>
</body></html>"#;

    #[test]
    fn article_page() {
        let out = read(PAGE, "p.html").unwrap();
        let a = &out.articles[0];
        assert_eq!(a.title, "Summit ends without deal");
        assert_eq!(
            a.body,
            "BRUSSELS (Newsdex) — Leaders left the summit without a deal.\n\nTalks will resume & continue in April.\n\nOfficials said so.\n\nFirst point\n\nSecond point"
        );
        assert_eq!(a.date.as_deref(), Some("2025-03-01T09:30:00+01:00"));
        assert_eq!(a.authors, ["Lena Vogt"]);
        assert_eq!(a.source.as_deref(), Some("Example News"));
        assert_eq!(a.url.as_deref(), Some("https://example.org/summit"));
        assert_eq!(a.dateline_place.as_deref(), Some("BRUSSELS"));
    }

    #[test]
    fn fallbacks_main_time_and_json_ld() {
        let page = r#"<html><head><title>Port strike spreads - Daily Wire</title>
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"x"},
{"@type":"NewsArticle","headline":"Port strike spreads","author":{"@type":"Person","name":"Sam Okafor"},
"publisher":{"@type":"Organization","name":"Daily Wire"},"datePublished":"2025-02-10"}]}</script></head>
<body><nav>Menu</nav><main><h1>Port strike spreads</h1><p>Dockers in <b>Rotterdam</b> walked out.</p>
<time datetime="2025-02-11">Feb 11</time></main><div class="cookie" hidden>Accept cookies</div></body></html>"#;
        let out = read(page, "q.html").unwrap();
        let a = &out.articles[0];
        assert_eq!(a.title, "Port strike spreads");
        assert_eq!(a.body, "Dockers in Rotterdam walked out.\n\nFeb 11");
        assert_eq!(a.date.as_deref(), Some("2025-02-11"));
        assert_eq!(a.authors, ["Sam Okafor"]);
        assert_eq!(a.source.as_deref(), Some("Daily Wire"));
    }

    #[test]
    fn body_only_page_and_empty_page() {
        let out = read("<p>By Ana Lima</p><p>Just a paragraph.</p>", "r.html").unwrap();
        assert_eq!(out.articles[0].title, "");
        assert_eq!(out.articles[0].authors, ["Ana Lima"]);
        assert_eq!(out.articles[0].body, "Just a paragraph.");
        let out = read("<html><body><script>x()</script></body></html>", "s.html").unwrap();
        assert!(out.articles.is_empty());
        assert_eq!(out.problems, ["no title or text"]);
    }

    #[test]
    fn site_suffix_is_stripped() {
        let page = r#"<html><head><title>Rates rise again | Daily Wire</title>
<meta property="og:site_name" content="Daily Wire"></head><body><p>Text.</p></body></html>"#;
        assert_eq!(
            read(page, "t.html").unwrap().articles[0].title,
            "Rates rise again"
        );
        assert_eq!(strip_site_suffix("Daily Wire", "Daily Wire"), "Daily Wire");
        assert_eq!(strip_site_suffix("Wire - Daily Wire", "Daily Wire"), "Wire");
        assert_eq!(
            strip_site_suffix("No suffix here", "Daily Wire"),
            "No suffix here"
        );
    }

    #[test]
    fn fragments() {
        assert_eq!(fragment_text("<p>A</p><p>B <i>c</i></p>"), "A\n\nB c");
    }
}
