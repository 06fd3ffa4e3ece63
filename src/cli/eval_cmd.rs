//! `newsdex eval` and `newsdex train`: scoring the extractors and retraining the tagger.

use super::OutputArgs;
use anyhow::Context;
use clap::{Args, Subcommand};
use newsdex::extract::tagger::{self, Tagger, TrainOptions};
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `newsdex eval`.
#[derive(Debug, Args)]
pub struct EvalArgs {
    #[command(subcommand)]
    pub what: EvalWhat,
}

/// What to evaluate.
#[derive(Debug, Subcommand)]
pub enum EvalWhat {
    /// Score money amounts against the gold MONEY entities of an OntoNotes *.docs.jsonl file:
    /// precision, recall and F1 on exact and on overlapping spans, with misses and false alarms.
    #[command(
        after_help = "Example:\n  newsdex eval amounts ../shared/data/ontonotes/development.docs.jsonl"
    )]
    Amounts {
        /// OntoNotes documents: {id, text, entities:[{type,start,end,text}]} a line.
        file: PathBuf,
        #[command(flatten)]
        output: OutputArgs,
    },
    /// Check place resolution against Reuters-21578's country tags: the share of resolved
    /// cities and regions that lie in a country the article is tagged with (a proxy for
    /// accuracy: nobody tagged the cities), the most frequent readings outside them, and the
    /// most frequent names left unresolved.
    #[command(
        after_help = "Example:\n  newsdex eval places ../shared/data/reuters21578/reuters21578.jsonl"
    )]
    Places {
        /// Reuters-21578 JSON Lines: {title, body, places:[country tags]} a line.
        file: PathBuf,
        #[command(flatten)]
        output: OutputArgs,
    },
    /// Score the entity tagger on a CoNLL-2003 file with conlleval rules (exact span and type),
    /// per type and overall.
    #[command(after_help = "Example:\n  newsdex eval ner ../shared/data/conll2003/eng.testa")]
    Ner {
        /// CoNLL file: `token POS chunk NER` a line, IOB tags, -DOCSTART- between documents.
        file: PathBuf,
        /// Score this model file instead of the shipped one.
        #[arg(long, value_name = "FILE")]
        model: Option<PathBuf>,
        #[command(flatten)]
        output: OutputArgs,
    },
}

/// Arguments of `newsdex train`.
#[derive(Debug, Args)]
pub struct TrainArgs {
    #[command(subcommand)]
    pub what: TrainWhat,
}

/// What to train.
#[derive(Debug, Subcommand)]
pub enum TrainWhat {
    /// Train the person/place/organisation tagger on CoNLL-2003 and write the model that
    /// newsdex ships (see docs/tagger.md). Bump EXTRACTOR_VERSION when the shipped model changes.
    #[command(
        after_help = "Example (from the repository root, a few minutes in release):\n  cargo run --release -- train ner"
    )]
    Ner(TrainNerArgs),
    /// Learn the case lexicon that restores the case of articles written wholly in capitals
    /// before tagging: the form each word most often has inside a sentence of ordinary text
    /// (see docs/tagger.md). The binary embeds the shipped lexicon: rebuild newsdex after
    /// writing a new one, and bump EXTRACTOR_VERSION.
    #[command(
        after_help = "Example (from the repository root, a few seconds in release; overwrites the shipped data/ner/case.txt.gz):\n  cargo run --release -- train case"
    )]
    Case(TrainCaseArgs),
}

/// Arguments of `newsdex train case`.
#[derive(Debug, Args)]
pub struct TrainCaseArgs {
    /// Unlabelled text: folders of `.txt` files, JSON Lines files (their `text` field) or
    /// text files [default: the Reuters-21578 articles, the BBC articles and OntoNotes train
    /// in ../shared/data].
    pub corpus: Vec<PathBuf>,
    /// Words seen fewer times inside sentences are not listed.
    #[arg(long, default_value_t = 3)]
    pub min_count: u32,
    /// Where to write the lexicon (gzipped, one form a line).
    #[arg(long, default_value = tagger::truecase::CASE_PATH)]
    pub out: PathBuf,
}

/// Arguments of `newsdex train ner`.
#[derive(Debug, Args)]
pub struct TrainNerArgs {
    /// Training file (CoNLL-2003 format).
    #[arg(long, default_value = "../shared/data/conll2003/eng.train")]
    pub train: PathBuf,
    /// Development file used to pick the epoch.
    #[arg(long, default_value = "../shared/data/conll2003/eng.testa")]
    pub dev: PathBuf,
    /// GeoNames folder (countryInfo.tsv, regionInfo.tsv, cities15000.txt) for gazetteer features.
    #[arg(long, default_value = "../shared/data/gazetteer/geonames_geobank")]
    pub geonames: PathBuf,
    /// OntoNotes documents whose PERSON, GPE/LOC, ORG and NORP entities become name lists.
    #[arg(long, default_value = "../shared/data/ontonotes/train.docs.jsonl")]
    pub ontonotes: PathBuf,
    /// Word clusters file (`bitpath<TAB>word[<TAB>count]` lines).
    #[arg(long)]
    pub clusters: Option<PathBuf>,
    /// Passes over the training data.
    #[arg(long)]
    pub epochs: Option<usize>,
    /// Where to write the model.
    #[arg(long, default_value = tagger::MODEL_PATH)]
    pub out: PathBuf,
}

/// Writes scores as JSON or as their text report.
fn write_scores<T: serde::Serialize + std::fmt::Display>(
    scores: &T,
    json: bool,
    out: &mut impl std::io::Write,
) -> anyhow::Result<()> {
    if json {
        newsdex::render::json(scores, out)?;
    } else {
        write!(out, "{scores}")?;
    }
    Ok(())
}

/// Runs `newsdex eval`.
pub fn run_eval(args: EvalArgs) -> anyhow::Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    match args.what {
        EvalWhat::Amounts { file, output } => {
            let scores = newsdex::eval::amounts::evaluate(&file)
                .with_context(|| format!("scoring amounts on {}", file.display()))?;
            write_scores(&scores, output.json, &mut out)?;
        }
        EvalWhat::Places { file, output } => {
            let scores = newsdex::eval::places::evaluate(&file)
                .with_context(|| format!("scoring places on {}", file.display()))?;
            write_scores(&scores, output.json, &mut out)?;
        }
        EvalWhat::Ner {
            file,
            model,
            output,
        } => {
            let loaded;
            let tagger = match &model {
                Some(path) => {
                    loaded = Tagger::load(path)?;
                    &loaded
                }
                None => Tagger::global(),
            };
            let scores = newsdex::eval::ner::evaluate(&file, tagger)
                .with_context(|| format!("scoring the tagger on {}", file.display()))?;
            write_scores(&scores, output.json, &mut out)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Runs `newsdex train`.
pub fn run_train(args: TrainArgs) -> anyhow::Result<ExitCode> {
    let a = match args.what {
        TrainWhat::Ner(a) => a,
        TrainWhat::Case(a) => return train_case(a),
    };
    let defaults = TrainOptions::default();
    let opts = TrainOptions {
        train: a.train,
        dev: Some(a.dev),
        geonames: Some(a.geonames),
        ontonotes: Some(a.ontonotes),
        clusters: a.clusters,
        epochs: a.epochs.unwrap_or(defaults.epochs),
        output: a.out,
        ..defaults
    };
    let report = tagger::train(&opts).context("training the tagger")?;
    if let Some(dev) = &report.dev {
        println!("{dev}");
    }
    println!("{}", serde_json::to_string_pretty(&report)?);
    eprintln!(
        "newsdex: model written to {}; bump EXTRACTOR_VERSION in src/extract/mod.rs if it is the shipped one",
        opts.output.display()
    );
    Ok(ExitCode::SUCCESS)
}

/// Runs `newsdex train case`.
fn train_case(a: TrainCaseArgs) -> anyhow::Result<ExitCode> {
    use std::io::Write;
    let corpus = if a.corpus.is_empty() {
        TrainOptions::default().cluster_corpus
    } else {
        a.corpus
    };
    let mut texts = Vec::new();
    for path in &corpus {
        tagger::clusters::read_corpus(path, &mut texts)
            .with_context(|| format!("reading {}", path.display()))?;
    }
    let forms = tagger::truecase::learn(&texts, a.min_count);
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    writeln!(
        gz,
        "# newsdex case lexicon: the form each word most often has inside a sentence, for the"
    )?;
    writeln!(
        gz,
        "# words not most often capitalised. Learnt by `newsdex train case` (min count {}) from:",
        a.min_count
    )?;
    for path in &corpus {
        writeln!(gz, "#   {}", path.display())?;
    }
    for form in &forms {
        writeln!(gz, "{form}")?;
    }
    let bytes = gz.finish()?;
    std::fs::write(&a.out, &bytes).with_context(|| format!("writing {}", a.out.display()))?;
    eprintln!(
        "newsdex: {} words from {} texts written to {} ({} bytes); bump EXTRACTOR_VERSION in src/extract/mod.rs if it is the shipped one",
        forms.len(),
        texts.len(),
        a.out.display(),
        bytes.len()
    );
    Ok(ExitCode::SUCCESS)
}
