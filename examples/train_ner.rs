//! Trains the entity tagger and writes `data/ner/model.bin.gz`.
//!
//! ```text
//! CARGO_PROFILE_DEV_OPT_LEVEL=3 cargo run --example train_ner -- [OPTIONS]
//!   --train FILE            CoNLL training file
//!   --dev FILE | --no-dev   development file (epoch choice, printed scores)
//!   --geonames DIR | --no-geonames
//!   --ontonotes FILE | --no-ontonotes      name lists from OntoNotes JSON Lines
//!   --clusters CACHE        read the word clusters from CACHE, or learn and write them there
//!   --cluster-corpus PATH   add unlabelled text (repeatable) | --no-cluster-corpus
//!   --cluster-iterations N  exchange passes per clustering
//!   --one-stage             no document-level second stage
//!   --epochs N  --seed N  --min-weight W  --step S  --out FILE
//! ```
//! Paths default to `../shared/data/...` relative to the repository root; see
//! `docs/tagger.md`.

use std::path::PathBuf;

use newsdex::extract::tagger::{train, TrainOptions};

fn main() -> anyhow::Result<()> {
    let mut opts = TrainOptions::default();
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let mut value = || {
            args.next()
                .ok_or_else(|| anyhow::anyhow!("{flag} needs a value"))
        };
        match flag.as_str() {
            "--train" => opts.train = PathBuf::from(value()?),
            "--dev" => opts.dev = Some(PathBuf::from(value()?)),
            "--no-dev" => opts.dev = None,
            "--geonames" => opts.geonames = Some(PathBuf::from(value()?)),
            "--no-geonames" => opts.geonames = None,
            "--ontonotes" => opts.ontonotes = Some(PathBuf::from(value()?)),
            "--no-ontonotes" => opts.ontonotes = None,
            "--clusters" => opts.clusters = Some(PathBuf::from(value()?)),
            "--cluster-corpus" => opts.cluster_corpus.push(PathBuf::from(value()?)),
            "--no-cluster-corpus" => opts.cluster_corpus.clear(),
            "--cluster-iterations" => opts.cluster_iterations = value()?.parse()?,
            "--one-stage" => opts.two_stage = false,
            "--epochs" => opts.epochs = value()?.parse()?,
            "--seed" => opts.seed = value()?.parse()?,
            "--min-weight" => opts.min_weight = value()?.parse()?,
            "--step" => opts.step = value()?.parse()?,
            "--out" => opts.output = PathBuf::from(value()?),
            other => anyhow::bail!("unknown option {other}"),
        }
    }
    let report = train(&opts)?;
    if let Some(dev) = &report.dev {
        println!("{dev}");
    }
    let mut report = report;
    report.dev = None;
    println!("{}", serde_json::to_string_pretty(&report)?);
    Ok(())
}
