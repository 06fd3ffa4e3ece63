//! Command-line arguments (clap derive) and one handler per subcommand.

mod eval_cmd;
mod extract_cmd;
mod index_cmd;
mod info_cmd;
mod search_cmd;

use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

/// Exit status: a usage or query error.
pub const EXIT_USAGE: u8 = 1;
/// Exit status: a fatal error.
pub const EXIT_FATAL: u8 = 2;
/// Exit status: finished, but some files were skipped.
pub const EXIT_SKIPPED: u8 = 3;

const AFTER_HELP: &str = "\
Exit status: 0 ok, 1 usage or query error, 2 fatal error, 3 finished but some files were skipped.

Examples:
  newsdex index corpus/
  newsdex search 'frozen assets' --person putin --place Belgium --amount '>=10bn EUR'
  newsdex facets --field place --top 20
  newsdex extract corpus/europe/eu-frozen-assets-loan.md";

/// newsdex: index a directory of news articles and search it by keyword, person, place,
/// organisation and money amount.
#[derive(Debug, Parser)]
#[command(name = "newsdex", version, about, after_help = AFTER_HELP)]
pub struct Cli {
    /// Index directory.
    #[arg(
        long,
        global = true,
        env = "NEWSDEX_INDEX",
        default_value = "index",
        value_name = "PATH"
    )]
    pub index: PathBuf,

    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Index or reindex directories of articles (.txt .md .json .jsonl .html).
    ///
    /// Only what changed since the last run is read again: new and edited files are
    /// (re)indexed, deleted files leave the index, unchanged files cost a stat.
    /// With no DIR, every directory indexed before is walked again.
    #[command(
        after_help = "Examples:\n  newsdex index ~/news\n  newsdex index            # reindex every known root\n  newsdex index corpus/ --full --json"
    )]
    Index(index_cmd::IndexArgs),
    /// Search articles by keyword, entity filters and amount ranges, with facet counts.
    #[command(after_help = search_cmd::SEARCH_HELP)]
    Search(search_cmd::SearchArgs),
    /// The top entities of one facet, over all articles or those matching a query.
    #[command(
        after_help = "Examples:\n  newsdex facets --field person --top 50\n  newsdex facets --field place 'oil prices'\n  newsdex facets --field amount --person putin --json"
    )]
    Facets(search_cmd::FacetsArgs),
    /// Show one article with its entities.
    Show(info_cmd::ShowArgs),
    /// Index statistics: documents, files, roots, size.
    Stats(info_cmd::StatsArgs),
    /// Print the entities found in one article file (or stdin), as JSON.
    #[command(after_help = extract_cmd::EXTRACT_HELP)]
    Extract(extract_cmd::ExtractArgs),
    /// Score the extractors against annotated data (OntoNotes money, CoNLL-2003 entities).
    Eval(eval_cmd::EvalArgs),
    /// Retrain the entity tagger from annotated data.
    Train(eval_cmd::TrainArgs),
}

/// Output options shared by several subcommands.
#[derive(Debug, Clone, Args)]
pub struct OutputArgs {
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

/// Runs a parsed command line.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Index(args) => index_cmd::run(&cli.index, args),
        Command::Search(args) => search_cmd::run_search(&cli.index, args),
        Command::Facets(args) => search_cmd::run_facets(&cli.index, args),
        Command::Show(args) => info_cmd::run_show(&cli.index, args),
        Command::Stats(args) => info_cmd::run_stats(&cli.index, args),
        Command::Extract(args) => extract_cmd::run(args),
        Command::Eval(args) => eval_cmd::run_eval(args),
        Command::Train(args) => eval_cmd::run_train(args),
    }
}

/// Exit status for an error: 1 for query/usage errors, 2 for the rest.
pub fn exit_code_for(err: &anyhow::Error) -> u8 {
    match err.downcast_ref::<newsdex::Error>() {
        Some(newsdex::Error::Query(_)) => EXIT_USAGE,
        _ if err.downcast_ref::<UsageError>().is_some() => EXIT_USAGE,
        _ => EXIT_FATAL,
    }
}

/// The one-line message of an error: it and its causes joined by ": ", leaving out a cause
/// whose text the message already ends with (the library's errors name their cause in their
/// own text: "scoring places on F: F: No such file or directory" said it twice).
pub fn error_message(err: &anyhow::Error) -> String {
    let mut out = String::new();
    for cause in err.chain() {
        let text = cause.to_string();
        if out.ends_with(&text) {
            continue;
        }
        if !out.is_empty() {
            out.push_str(": ");
        }
        out.push_str(&text);
    }
    out
}

/// Help text of `--rates FILE` (on `index`, `search` and `facets`).
pub const RATES_HELP: &str = "Exchange rates to use instead of the built-in table (data/rates.tsv format: \
CODE<TAB>units per 1 USD<TAB>YYYY-MM-DD). `index` stores each amount's USD value with them; \
`search`/`facets` convert the bounds of an --amount filter that names a currency (\">=50bn EUR\"). \
Values stored earlier keep the rates they were indexed with: reindex with --full after changing rates";

/// Reads `--rates FILE` and makes it the process's rate table; a bad file is a usage error
/// naming the file and the line.
pub fn install_rates(path: Option<&std::path::Path>) -> anyhow::Result<()> {
    let Some(path) = path else { return Ok(()) };
    let table = newsdex::extract::money::RateTable::from_file(path)
        .map_err(|e| UsageError(format!("--rates: {e}")))?;
    // a second install in the same process keeps the first table (only tests do this)
    let _ = newsdex::extract::money::RateTable::install(table);
    Ok(())
}

/// A usage error found after parsing (a bad filter value, say).
#[derive(Debug)]
pub struct UsageError(pub String);

impl std::fmt::Display for UsageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for UsageError {}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_definition_is_valid() {
        Cli::command().debug_assert();
    }

    #[test]
    fn exit_codes_are_distinct() {
        assert_eq!(
            exit_code_for(&anyhow::Error::new(newsdex::Error::Query("x".into()))),
            EXIT_USAGE
        );
        assert_eq!(exit_code_for(&anyhow::anyhow!("disk full")), EXIT_FATAL);
        assert_ne!(EXIT_SKIPPED, EXIT_FATAL);
    }

    #[test]
    fn error_messages_name_each_cause_once() {
        let io = newsdex::Error::Io {
            path: "f.jsonl".into(),
            source: std::io::Error::new(std::io::ErrorKind::NotFound, "no such file"),
        };
        let err = anyhow::Error::new(io).context("scoring places on f.jsonl");
        assert_eq!(
            error_message(&err),
            "scoring places on f.jsonl: f.jsonl: no such file"
        );
        let plain = anyhow::anyhow!("disk full").context("writing the index");
        assert_eq!(error_message(&plain), "writing the index: disk full");
    }
}
