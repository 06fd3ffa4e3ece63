//! The indexing pipeline's parts, one at a time, on real articles from `../shared/data`:
//!
//! - `read/*`: each input format (text, Markdown, JSON, JSON Lines, HTML). The text files are
//!   the BBC articles as they are; the other formats are written by the setup from the same
//!   articles (front matter, an object per file, 100 records per JSON Lines file, a small
//!   HTML page), into a temporary directory, and read back from memory in the loop.
//! - `extract/*`: persons, places and organisations (the whole extractor, whose tagger finds
//!   them), the extractor with the tagger off (`--no-tagger`), amounts alone, in MB/s and in
//!   tokens per second (`…-tokens` ids; a token is one word or punctuation mark of
//!   `newsdex::extract::token::tokenize`).
//! - `document/build`: an article and its entities to a tantivy document.
//! - `writer/*`: tantivy's own cost for newsdex's documents (all fields) against the same
//!   articles with title and body only, so the price of the entity fields shows.
//!
//! Run: `cargo bench --bench pipeline` (add a filter such as `-- read/` for one group). Each
//! benchmark checks its result inside the loop, so it cannot measure a loop that does nothing.

use criterion::{criterion_group, criterion_main, BenchmarkGroup, Criterion, Throughput};
use newsdex::document::{self, FileState};
use newsdex::extract::{self, money, Extracted};
use newsdex::read;
use newsdex::schema::Fields;
use newsdex::store::Store;
use newsdex::Article;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Articles used per corpus: enough for stable figures, few enough for a quick run.
const SAMPLE: usize = 400;

fn data(rel: &str) -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/data")
        .join(rel);
    p.is_dir().then_some(p)
}

/// Every `step`-th `.txt` file under `root`, up to `SAMPLE`, sorted.
fn sample_files(root: &Path) -> Vec<PathBuf> {
    let mut all: Vec<PathBuf> = walkdir::WalkDir::new(root)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "txt"))
        .map(|e| e.into_path())
        .collect();
    let step = (all.len() / SAMPLE).max(1);
    all = all.into_iter().step_by(step).take(SAMPLE).collect();
    all
}

/// A file's path and its bytes, read once in the setup.
struct Input {
    path: PathBuf,
    bytes: Vec<u8>,
}

fn load(paths: &[PathBuf]) -> Vec<Input> {
    paths
        .iter()
        .filter_map(|p| {
            Some(Input {
                path: p.clone(),
                bytes: std::fs::read(p).ok()?,
            })
        })
        .collect()
}

/// Reads every input; returns the number of articles.
fn read_all(inputs: &[Input]) -> usize {
    inputs
        .iter()
        .map(|i| {
            read::read_bytes(&i.path, &i.bytes)
                .map(|o| o.articles.len())
                .unwrap_or(0)
        })
        .sum()
}

fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Writes the articles in `format` under `dir`; returns the files written.
fn write_format(dir: &Path, format: &str, articles: &[Article]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut write = |name: String, text: String| {
        let p = dir.join(name);
        std::fs::write(&p, text).expect("write a temporary file");
        out.push(p);
    };
    match format {
        "markdown" => {
            for (i, a) in articles.iter().enumerate() {
                let body = a.body.replace("\n\n", "\n\n> ");
                write(
                    format!("{i:04}.md"),
                    format!(
                        "---\ntitle: \"{}\"\ndate: 2005-03-{:02}\n---\n\n# {}\n\n{}\n",
                        a.title.replace('"', "'"),
                        i % 28 + 1,
                        a.title,
                        body
                    ),
                );
            }
        }
        "json" => {
            for (i, a) in articles.iter().enumerate() {
                let v = serde_json::json!({
                    "title": a.title, "text": a.body, "date": "2005-03-01",
                    "authors": ["Staff"], "source": "BBC",
                });
                write(format!("{i:04}.json"), v.to_string());
            }
        }
        "jsonl" => {
            for (n, chunk) in articles.chunks(100).enumerate() {
                let lines: Vec<String> = chunk
                    .iter()
                    .map(|a| {
                        serde_json::json!({"title": a.title, "body": a.body, "date": "2005-03-01"})
                            .to_string()
                    })
                    .collect();
                write(format!("{n:02}.jsonl"), lines.join("\n") + "\n");
            }
        }
        "html" => {
            for (i, a) in articles.iter().enumerate() {
                let paras: String = a
                    .body
                    .split("\n\n")
                    .map(|p| format!("<p>{}</p>\n", html_escape(p)))
                    .collect();
                write(
                    format!("{i:04}.html"),
                    format!(
                        "<!doctype html><html><head><title>{t}</title>\
                         <meta property=\"article:published_time\" content=\"2005-03-01\">\
                         </head><body><nav><a href=\"/\">Home</a></nav><article><h1>{t}</h1>\n{paras}\
                         </article><footer>Copyright</footer></body></html>",
                        t = html_escape(&a.title)
                    ),
                );
            }
        }
        other => panic!("unknown format {other}"),
    }
    out
}

fn configure(group: &mut BenchmarkGroup<'_, criterion::measurement::WallTime>) {
    group
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4));
}

fn articles_of(inputs: &[Input]) -> Vec<Article> {
    inputs
        .iter()
        .filter_map(|i| read::read_bytes(&i.path, &i.bytes).ok())
        .flat_map(|o| o.articles)
        .collect()
}

fn text_bytes(articles: &[Article]) -> u64 {
    articles
        .iter()
        .map(|a| (a.title.len() + a.body.len()) as u64)
        .sum()
}

fn tokens(articles: &[Article]) -> u64 {
    articles
        .iter()
        .map(|a| {
            (extract::token::tokenize(&a.title).len() + extract::token::tokenize(&a.body).len())
                as u64
        })
        .sum()
}

fn bench_read(c: &mut Criterion, bbc: &Path) {
    let inputs = load(&sample_files(bbc));
    let articles = articles_of(&inputs);
    assert!(articles.len() >= 100, "too few BBC articles read");
    let dir = tempfile::tempdir().expect("temporary directory");
    let mut group = c.benchmark_group("read");
    configure(&mut group);
    let mut formats: Vec<(&str, Vec<Input>)> = vec![("text", inputs)];
    for f in ["markdown", "json", "jsonl", "html"] {
        let sub = dir.path().join(f);
        std::fs::create_dir(&sub).expect("temporary directory");
        formats.push((f, load(&write_format(&sub, f, &articles))));
    }
    for (name, inputs) in &formats {
        let bytes: u64 = inputs.iter().map(|i| i.bytes.len() as u64).sum();
        let expected = articles.len();
        assert_eq!(read_all(inputs), expected, "{name}: every article read");
        group.throughput(Throughput::Bytes(bytes));
        group.bench_function(*name, |b| b.iter(|| assert_eq!(read_all(inputs), expected)));
    }
    group.finish();
}

/// Entities found over all articles: (persons, places, orgs, amounts).
fn extract_all(articles: &[Article], tagger: bool) -> (usize, usize, usize, usize) {
    articles.iter().fold((0, 0, 0, 0), |acc, a| {
        let e = extract::extract_article_mode(a, tagger).entities;
        (
            acc.0 + e.persons.len(),
            acc.1 + e.places.len(),
            acc.2 + e.orgs.len(),
            acc.3 + e.amounts.len(),
        )
    })
}

fn amounts_all(articles: &[Article]) -> usize {
    let ctx = money::MoneyContext::default();
    articles
        .iter()
        .map(|a| {
            money::find_amounts(&a.title, &ctx).len() + money::find_amounts(&a.body, &ctx).len()
        })
        .sum()
}

fn bench_extract(c: &mut Criterion, name: &str, articles: &[Article]) {
    let bytes = text_bytes(articles);
    let toks = tokens(articles);
    let mut group = c.benchmark_group(format!("extract-{name}"));
    configure(&mut group);
    for (unit, throughput) in [
        ("", Throughput::Bytes(bytes)),
        ("-tokens", Throughput::Elements(toks)),
    ] {
        group.throughput(throughput);
        group.bench_function(format!("entities{unit}"), |b| {
            b.iter(|| {
                let (persons, places, orgs, _) = extract_all(articles, true);
                assert!(persons > 0 && places > 0 && orgs > 0);
            })
        });
        group.bench_function(format!("no-tagger{unit}"), |b| {
            b.iter(|| {
                let (persons, _, _, amounts) = extract_all(articles, false);
                assert!(amounts > 0);
                // Plain text carries no pre-tagged persons.
                assert_eq!(persons, 0);
            })
        });
        group.bench_function(format!("amounts{unit}"), |b| {
            b.iter(|| assert!(amounts_all(articles) > 0))
        });
    }
    group.finish();
}

fn bench_document(c: &mut Criterion, articles: &[Article]) {
    let (_, fields) = Fields::build();
    let extracted: Vec<Extracted> = articles.iter().map(extract::extract_article).collect();
    let state = FileState::default();
    // A dictionary trained on these articles, as an index run trains one on its own.
    let samples: Vec<newsdex::pack::Record> = articles
        .iter()
        .map(|a| newsdex::pack::Record {
            id: a.id.clone(),
            file: a.path.clone(),
            title: a.title.clone(),
            body: a.body.clone(),
            ..Default::default()
        })
        .collect();
    let packer = newsdex::pack::Packer::new(
        newsdex::pack::train(&samples)
            .and_then(|d| newsdex::pack::Dict::new(d).ok())
            .map(std::sync::Arc::new),
    );
    let build_all = || -> Vec<tantivy::TantivyDocument> {
        articles
            .iter()
            .zip(&extracted)
            .map(|(a, x)| {
                document::build(
                    &fields,
                    &packer,
                    a,
                    &x.entities,
                    x.date,
                    document::Origin {
                        file: &a.path,
                        state,
                        extractor_version: extract::EXTRACTOR_VERSION,
                    },
                )
            })
            .collect()
    };
    let mut group = c.benchmark_group("document");
    configure(&mut group);
    group.throughput(Throughput::Bytes(text_bytes(articles)));
    group.bench_function("build", |b| {
        b.iter(|| {
            let docs = build_all();
            assert_eq!(docs.len(), articles.len());
            assert!(docs.iter().all(|d| d.get_first(fields.stored).is_some()));
        })
    });

    // tantivy's cost for these documents, against title + body only.
    let full = build_all();
    let plain: Vec<tantivy::TantivyDocument> = articles
        .iter()
        .map(|a| {
            let mut d = tantivy::TantivyDocument::default();
            d.add_text(fields.id, &a.id);
            d.add_text(fields.title, &a.title);
            d.add_text(fields.body, &a.body);
            d
        })
        .collect();
    let index_all = |docs: &[tantivy::TantivyDocument]| -> u64 {
        let store = Store::in_ram();
        let mut w = store.writer(1, 50_000_000).expect("writer");
        for d in docs {
            w.add(d.clone()).expect("add");
        }
        w.commit(&Default::default()).expect("commit");
        w.finish().expect("finish");
        store.num_docs().expect("count")
    };
    let n = articles.len() as u64;
    group.finish();
    let mut group = c.benchmark_group("writer");
    configure(&mut group);
    group.throughput(Throughput::Bytes(text_bytes(articles)));
    group.bench_function("all-fields", |b| b.iter(|| assert_eq!(index_all(&full), n)));
    group.bench_function("title-body-only", |b| {
        b.iter(|| assert_eq!(index_all(&plain), n))
    });
    group.finish();
}

fn bench(c: &mut Criterion) {
    let (Some(bbc), reuters) = (data("bbc"), data("reuters21578/articles")) else {
        eprintln!("notice: ../shared/data/bbc is absent; nothing to benchmark");
        return;
    };
    bench_read(c, &bbc);
    let bbc_articles = articles_of(&load(&sample_files(&bbc)));
    bench_extract(c, "bbc", &bbc_articles);
    if let Some(r) = reuters {
        let articles = articles_of(&load(&sample_files(&r)));
        bench_extract(c, "reuters", &articles);
    }
    bench_document(c, &bbc_articles);
}

criterion_group!(benches, bench);
criterion_main!(benches);
