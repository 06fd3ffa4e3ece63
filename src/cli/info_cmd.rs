//! `newsdex show` and `newsdex stats`.

use super::OutputArgs;
use clap::Args;
use newsdex::document;
use newsdex::store::Store;
use serde::Serialize;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

/// Arguments of `newsdex show`.
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// Article id, as printed by `search` (a path, or path#LINE for JSON Lines).
    pub id: String,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// Arguments of `newsdex stats`.
#[derive(Debug, Args)]
pub struct StatsArgs {
    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Serialize)]
struct Shown {
    id: String,
    path: String,
    title: String,
    date: Option<String>,
    source: Option<String>,
    url: Option<String>,
    authors: Vec<String>,
    entities: document::StoredEntities,
    body: String,
}

/// Runs `newsdex show`.
pub fn run_show(index: &Path, args: ShowArgs) -> anyhow::Result<ExitCode> {
    let store = Store::open(index)?;
    let id = match store.get(&args.id)? {
        Some(_) => args.id.clone(),
        // Accept a relative path too: ids are absolute paths.
        None => std::fs::canonicalize(args.id.split('#').next().unwrap_or(&args.id))
            .ok()
            .map(|p| {
                let mut s = p.to_string_lossy().into_owned();
                if let Some((_, frag)) = args.id.split_once('#') {
                    s.push('#');
                    s.push_str(frag);
                }
                s
            })
            .unwrap_or_else(|| args.id.clone()),
    };
    let Some(doc) = store.get(&id)? else {
        anyhow::bail!(
            "no article with id '{}' in {}",
            args.id,
            store.path.display()
        );
    };
    let record = store.record(&doc)?;
    let shown = Shown {
        date: document::date_of(&doc, &store.fields),
        entities: record.entities,
        id: record.id,
        path: record.file,
        title: record.title,
        source: record.source,
        url: record.url,
        authors: record.authors,
        body: record.body,
    };
    let mut out = std::io::stdout().lock();
    if args.output.json {
        newsdex::render::json(&shown, &mut out)?;
        return Ok(ExitCode::SUCCESS);
    }
    writeln!(
        out,
        "{}\n{}",
        shown.title,
        "=".repeat(shown.title.chars().count().min(80))
    )?;
    writeln!(out, "id:      {}", shown.id)?;
    if let Some(d) = &shown.date {
        writeln!(out, "date:    {d}")?;
    }
    for (label, v) in [("source:", &shown.source), ("url:", &shown.url)] {
        if let Some(v) = v {
            writeln!(out, "{label:<8} {v}")?;
        }
    }
    if !shown.authors.is_empty() {
        writeln!(out, "authors: {}", shown.authors.join(", "))?;
    }
    let e = &shown.entities;
    let names = |v: &[document::StoredName]| {
        v.iter()
            .map(|p| p.name.clone())
            .collect::<Vec<_>>()
            .join(", ")
    };
    writeln!(out, "persons: {}", names(&e.persons))?;
    writeln!(
        out,
        "places:  {}",
        e.places
            .iter()
            .map(|p| match p.path.last() {
                None => p.name.clone(),
                // A county is below the levels of the path ("… / England / Norfolk").
                Some(last) if *last != p.name => format!("{} / {}", p.path.join(" / "), p.name),
                Some(_) => p.path.join(" / "),
            })
            .collect::<Vec<_>>()
            .join("; ")
    )?;
    writeln!(out, "orgs:    {}", names(&e.orgs))?;
    writeln!(
        out,
        "amounts: {}",
        e.amounts
            .iter()
            .map(|a| format!(
                "{} = {} {}",
                a.text,
                newsdex::render::human_amount(a.value),
                a.currency
            ))
            .collect::<Vec<_>>()
            .join("; ")
    )?;
    writeln!(out, "\n{}", shown.body)?;
    Ok(ExitCode::SUCCESS)
}

#[derive(Serialize)]
struct Stats {
    index: String,
    documents: u64,
    files: usize,
    roots: Vec<String>,
    extractor_version: u64,
    last_run_complete: bool,
    segments: usize,
    size_bytes: u64,
}

/// Runs `newsdex stats`.
pub fn run_stats(index: &Path, args: StatsArgs) -> anyhow::Result<ExitCode> {
    let store = Store::open(index)?;
    let meta = store.meta()?;
    let size_bytes = std::fs::read_dir(index)?
        .filter_map(|e| e.ok()?.metadata().ok())
        .filter(|m| m.is_file())
        .map(|m| m.len())
        .sum();
    let stats = Stats {
        index: store.path.display().to_string(),
        documents: store.num_docs()?,
        files: store.manifest()?.len(),
        roots: meta.roots,
        extractor_version: meta.extractor_version,
        last_run_complete: meta.complete,
        segments: store.index.searchable_segment_metas()?.len(),
        size_bytes,
    };
    let mut out = std::io::stdout().lock();
    if args.output.json {
        newsdex::render::json(&stats, &mut out)?;
    } else {
        writeln!(out, "index:      {}", stats.index)?;
        writeln!(out, "documents:  {}", stats.documents)?;
        writeln!(out, "files:      {}", stats.files)?;
        writeln!(out, "roots:      {}", stats.roots.join(", "))?;
        writeln!(out, "extractor:  version {}", stats.extractor_version)?;
        writeln!(out, "segments:   {}", stats.segments)?;
        writeln!(out, "size:       {:.1} MB", stats.size_bytes as f64 / 1e6)?;
        if !stats.last_run_complete {
            writeln!(
                out,
                "note:       the last index run did not finish; run `newsdex index` to complete it"
            )?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
