//! `newsdex search` and `newsdex facets`.

use super::{OutputArgs, UsageError};
use clap::{Args, ValueEnum};
use newsdex::query::amount::parse_amount_filter;
use newsdex::query::{FacetKind, SearchRequest, Sort};
use newsdex::render::{self, Style};
use newsdex::store::Store;
use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;

pub const SEARCH_HELP: &str = "\
QUERY uses tantivy's query language over title and body:
  words (all must match), \"a phrase\", OR, -excluded, (groups), title:word,
  person:putin, place:belgium, org:nato.

Examples:
  newsdex search 'frozen assets' --person putin --place Belgium --amount '>=10bn EUR'
  newsdex search --person blair --place Europe --sort date --limit 5
  newsdex search 'oil OR crude' --amount '1m..10m USD' --from 1987-03-01 --json | jq '.hits[].title'";

/// Entity filters and query shared by `search` and `facets`.
#[derive(Debug, Clone, Args)]
pub struct FilterArgs {
    /// Keyword query (tantivy syntax); omit to match every article.
    #[arg(value_name = "QUERY")]
    pub query: Option<String>,
    /// Only articles mentioning this person (repeatable; a surname matches the full name, and a
    /// full name the articles naming only its surname when the person facet counts them under it).
    #[arg(long = "person", value_name = "NAME")]
    pub persons: Vec<String>,
    /// Only articles set in this place (repeatable; "Europe" matches every place in Europe).
    #[arg(long = "place", value_name = "PLACE")]
    pub places: Vec<String>,
    /// Only articles mentioning this organisation (repeatable; "EU" = "European Union"; an
    /// article naming it by an acronym and in full, counted in the facet under one of the two,
    /// is found by either)
    #[arg(long = "org", value_name = "ORG")]
    pub orgs: Vec<String>,
    /// Only articles with an amount in this range: ">=50bn", "<1m", "1m..10m USD", ">=10bn EUR".
    #[arg(long, value_name = "RANGE", allow_hyphen_values = true)]
    pub amount: Option<String>,
    /// Only articles with an amount written in this currency (ISO code: EUR, USD, GBP…).
    #[arg(long, value_name = "CODE")]
    pub currency: Option<String>,
    /// Only articles published on or after this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// Only articles published on or before this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    #[arg(long, value_name = "FILE", env = "NEWSDEX_RATES", help = super::RATES_HELP)]
    pub rates: Option<std::path::PathBuf>,
}

/// Hit ordering on the command line.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum SortArg {
    /// Best match first.
    Relevance,
    /// Newest first.
    Date,
    /// Largest amount first.
    Amount,
}

/// Arguments of `newsdex search`.
#[derive(Debug, Args)]
pub struct SearchArgs {
    #[command(flatten)]
    pub filters: FilterArgs,
    /// Facets to count, comma-separated: person,place,org,amount (or "none").
    #[arg(long, value_name = "LIST", default_value = "person,place,org,amount")]
    pub facets: String,
    /// Values shown per facet.
    #[arg(long, value_name = "N", default_value_t = 10)]
    pub top: usize,
    /// Hits to show.
    #[arg(long, short = 'n', value_name = "N", default_value_t = 10)]
    pub limit: usize,
    /// Hits to skip (for paging).
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub offset: usize,
    /// Order of hits.
    #[arg(long, value_enum, default_value = "relevance")]
    pub sort: SortArg,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// Arguments of `newsdex facets`.
#[derive(Debug, Args)]
pub struct FacetsArgs {
    /// The facet to list: person, place, org or amount.
    #[arg(long, value_name = "FACET")]
    pub field: String,
    /// Values to show.
    #[arg(long, value_name = "N", default_value_t = 20)]
    pub top: usize,
    #[command(flatten)]
    pub filters: FilterArgs,
    #[command(flatten)]
    pub output: OutputArgs,
}

fn request(f: &FilterArgs) -> anyhow::Result<SearchRequest> {
    super::install_rates(f.rates.as_deref())?;
    let date = |flag: &str, s: &Option<String>| -> Result<Option<chrono::NaiveDate>, UsageError> {
        s.as_deref()
            .map(|s| {
                chrono::NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").map_err(|e| {
                    UsageError(format!("{flag} '{s}': {e}; write the date as YYYY-MM-DD"))
                })
            })
            .transpose()
    };
    let amount = f
        .amount
        .as_deref()
        .map(|s| parse_amount_filter(s).map_err(|e| UsageError(format!("--amount: {e}"))))
        .transpose()?;
    Ok(SearchRequest {
        query: f.query.clone(),
        persons: f.persons.clone(),
        places: f.places.clone(),
        orgs: f.orgs.clone(),
        amount,
        currency: f.currency.clone(),
        from: date("--from", &f.from)?,
        to: date("--to", &f.to)?,
        top: 10,
        limit: 10,
        ..SearchRequest::default()
    })
}

fn facet_list(s: &str) -> Result<Vec<FacetKind>, UsageError> {
    if s.trim().eq_ignore_ascii_case("none") || s.trim().is_empty() {
        return Ok(Vec::new());
    }
    s.split(',')
        .map(|p| {
            p.parse::<FacetKind>()
                .map_err(|e| UsageError(format!("--facets: {e}")))
        })
        .collect()
}

fn style() -> Style {
    Style {
        color: std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    }
}

/// Runs `newsdex search`.
pub fn run_search(index: &Path, args: SearchArgs) -> anyhow::Result<ExitCode> {
    let mut req = request(&args.filters)?;
    req.facets = facet_list(&args.facets)?;
    req.top = args.top;
    req.limit = args.limit;
    req.offset = args.offset;
    req.sort = match args.sort {
        SortArg::Relevance => Sort::Relevance,
        SortArg::Date => Sort::Date,
        SortArg::Amount => Sort::Amount,
    };
    let store = Store::open(index)?;
    let results = newsdex::search::search(&store, &req)?;
    let mut out = std::io::stdout().lock();
    if args.output.json {
        render::json(&results, &mut out)?;
    } else {
        render::search_text(&results, req.offset, style(), &mut out)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Runs `newsdex facets`.
pub fn run_facets(index: &Path, args: FacetsArgs) -> anyhow::Result<ExitCode> {
    let mut req = request(&args.filters)?;
    req.facets = vec![args
        .field
        .parse::<FacetKind>()
        .map_err(|e| UsageError(format!("--field: {e}")))?];
    req.top = args.top;
    req.limit = 0;
    let store = Store::open(index)?;
    let results = newsdex::search::search(&store, &req)?;
    let mut out = std::io::stdout().lock();
    if args.output.json {
        render::json(
            &serde_json::json!({"total": results.total, "facets": results.facets}),
            &mut out,
        )?;
    } else {
        writeln_total(&mut out, results.total)?;
        render::facets_text(&results, style(), &mut out)?;
    }
    Ok(ExitCode::SUCCESS)
}

fn writeln_total(out: &mut impl std::io::Write, total: u64) -> std::io::Result<()> {
    writeln!(out, "{total} articles")
}
