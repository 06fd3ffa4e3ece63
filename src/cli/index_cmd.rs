//! `newsdex index`.

use super::{OutputArgs, EXIT_SKIPPED};
use anyhow::Context;
use clap::Args;
use indicatif::{ProgressBar, ProgressStyle};
use newsdex::ingest::{self, IndexOptions, Progress};
use newsdex::store::Store;
use newsdex::walk::WalkOptions;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Arguments of `newsdex index`.
#[derive(Debug, Args)]
pub struct IndexArgs {
    /// Directories (or single files) to index; none = every directory indexed before.
    #[arg(value_name = "DIR")]
    pub dirs: Vec<PathBuf>,
    /// Re-read and re-extract every file, even unchanged ones (also rebuilds an index that
    /// an older newsdex made in another format).
    #[arg(long)]
    pub full: bool,
    /// Worker threads for reading and extraction [default: number of cores]. The index is
    /// written by one more thread for every three of them, at least one.
    #[arg(long, short = 'j', value_name = "N")]
    pub jobs: Option<usize>,
    /// Skip files larger than this many megabytes.
    #[arg(long, value_name = "MB", default_value_t = 50)]
    pub max_file_size: u64,
    /// Follow symbolic links (loops are detected and reported).
    #[arg(long, short = 'L')]
    pub follow_links: bool,
    /// Also index hidden files and directories.
    #[arg(long)]
    pub hidden: bool,
    /// Commit after this many articles (what a crash can lose at most). Each commit ends the
    /// writing threads' segments; a run from scratch over up to 512 MiB merges them at its
    /// end.
    #[arg(long, value_name = "N", default_value_t = 50_000)]
    pub commit_every: usize,
    /// If another newsdex process is indexing into the same index, wait for it instead of failing.
    #[arg(long)]
    pub wait: bool,
    #[arg(long, value_name = "FILE", env = "NEWSDEX_RATES", help = super::RATES_HELP)]
    pub rates: Option<PathBuf>,
    /// Do not run the entity tagger: indexing takes under half the CPU time, but the
    /// person, place and organisation facets then hold only what the input itself tags
    /// (pre-tagged JSON fields and datelines), so `--person`, `--place` and `--org` find little
    /// in plain text; amounts and dates are still extracted. Files indexed this way are
    /// re-extracted by the next run without this flag.
    #[arg(long)]
    pub no_tagger: bool,
    #[command(flatten)]
    pub output: OutputArgs,
}

struct Bar(ProgressBar);

impl Progress for Bar {
    fn update(&self, done: u64, total: u64) {
        self.0.set_length(total);
        self.0.set_position(done);
    }
}

/// Runs `newsdex index`.
pub fn run(index: &Path, args: IndexArgs) -> anyhow::Result<ExitCode> {
    // Check the inputs before creating anything.
    if let Some(missing) = args.dirs.iter().find(|d| !d.exists()) {
        anyhow::bail!("{}: no such file or directory", missing.display());
    }
    super::install_rates(args.rates.as_deref())?;
    // --full also replaces an index that an older newsdex made in another format.
    let store = if args.full {
        Store::open_or_replace(index)?
    } else {
        Store::open_or_create(index)?
    };
    let opts = IndexOptions {
        roots: args.dirs.clone(),
        full: args.full,
        jobs: args.jobs.unwrap_or(IndexOptions::default().jobs).max(1),
        max_file_size: args.max_file_size.saturating_mul(1_000_000),
        walk: WalkOptions {
            follow_links: args.follow_links,
            hidden: args.hidden,
        },
        commit_every: args.commit_every.max(1),
        wait: args.wait,
        tagger: !args.no_tagger,
        ..IndexOptions::default()
    };
    let bar = if std::io::stderr().is_terminal() {
        let b = ProgressBar::new(0);
        b.set_style(
            ProgressStyle::with_template(
                "{spinner} indexing [{bar:40}] {pos}/{len} files ({per_sec}, eta {eta})",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> "),
        );
        b
    } else {
        ProgressBar::hidden()
    };
    let what = if args.dirs.is_empty() {
        "reindexing the known roots".to_string()
    } else {
        format!(
            "indexing {}",
            args.dirs
                .iter()
                .map(|d| d.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        )
    };
    let report = ingest::run(&store, &opts, &Bar(bar.clone())).with_context(|| what)?;
    bar.finish_and_clear();
    let mut out = std::io::stdout().lock();
    if args.output.json {
        newsdex::render::report_json(&report, &mut out)?;
    } else {
        newsdex::render::report_text(&report, &mut out)?;
    }
    if report.added + report.updated + report.unchanged == 0
        && report.skipped.is_empty()
        && report.deleted == 0
    {
        eprintln!(
            "newsdex: no article files found (looked for .txt .md .markdown .json .jsonl .ndjson .html .htm)"
        );
    }
    Ok(if report.skipped.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(EXIT_SKIPPED)
    })
}
