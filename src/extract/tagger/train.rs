//! Training the tagger: reading CoNLL files, building the gazetteers, and the averaged
//! perceptron loop.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::time::Instant;

use serde::Serialize;

use super::features::{self, lower_hash, HashMap64, History, Sentence, TokenInfo};
use super::gazetteer::{phrase_hash, text_phrase_hash, GazList, Gazetteer};
use super::label::{iob_spans, spans_to_labels, EntityKind, Label, N_LABELS};
use super::model::{best_label, Model, Weights};
use super::Tagger;
use crate::extract::token::tokenize;
use crate::eval::ner::{score_documents, NerScores};
use crate::{Error, Result};

/// A sentence of a CoNLL file: tokens and their NER tags as written (IOB1 or IOB2).
#[derive(Debug, Clone, Default)]
pub struct ConllSentence {
    /// The tokens.
    pub tokens: Vec<String>,
    /// The NER tag of each token (last column).
    pub tags: Vec<String>,
}

/// A document of a CoNLL file (the text between `-DOCSTART-` lines).
#[derive(Debug, Clone, Default)]
pub struct ConllDocument {
    /// The sentences, in order.
    pub sentences: Vec<ConllSentence>,
}

/// Reads a CoNLL-2003 style file: one token a line, the token first and the NER tag last,
/// blank lines between sentences and `-DOCSTART-` lines between documents. A file without
/// `-DOCSTART-` lines is one document.
pub fn read_conll(path: &Path) -> Result<Vec<ConllDocument>> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::Io {
        path: path.to_path_buf(),
        source: e,
    })?;
    let mut docs = vec![ConllDocument::default()];
    let mut sent = ConllSentence::default();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end();
        if line.starts_with("-DOCSTART-") {
            flush(&mut docs, &mut sent);
            if docs.last().is_some_and(|d| !d.sentences.is_empty()) {
                docs.push(ConllDocument::default());
            }
            continue;
        }
        if line.is_empty() {
            flush(&mut docs, &mut sent);
            continue;
        }
        let cols: Vec<&str> = line.split_whitespace().collect();
        if cols.len() < 2 {
            return Err(Error::Read {
                path: path.to_path_buf(),
                reason: format!("line {}: expected `token ... tag`", n + 1),
            });
        }
        sent.tokens.push(cols[0].to_string());
        sent.tags.push(cols[cols.len() - 1].to_string());
    }
    flush(&mut docs, &mut sent);
    docs.retain(|d| !d.sentences.is_empty());
    Ok(docs)
}

fn flush(docs: &mut [ConllDocument], sent: &mut ConllSentence) {
    if !sent.tokens.is_empty() {
        if let Some(d) = docs.last_mut() {
            d.sentences.push(std::mem::take(sent));
        }
    }
}

/// What to train on and where to write the model.
#[derive(Debug, Clone, Serialize)]
pub struct TrainOptions {
    /// Training file (CoNLL-2003 format).
    pub train: PathBuf,
    /// Development file used to pick the epoch (optional).
    pub dev: Option<PathBuf>,
    /// The GeoNames folder with `countryInfo.tsv`, `regionInfo.tsv`, `cities15000.txt`.
    pub geonames: Option<PathBuf>,
    /// OntoNotes documents (`train.docs.jsonl`) whose PERSON, GPE/LOC, ORG and NORP entities
    /// become extra phrase lists.
    pub ontonotes: Option<PathBuf>,
    /// Word clusters: lines `bitpath<TAB>word[<TAB>count]` (Brown-cluster output format).
    pub clusters: Option<PathBuf>,
    /// Number of passes over the training data.
    pub epochs: usize,
    /// Seed of the document shuffle.
    pub seed: u64,
    /// Quantisation step of the stored weights.
    pub step: f32,
    /// Where to write the model.
    pub output: PathBuf,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            train: PathBuf::from("../shared/data/conll2003/eng.train"),
            dev: Some(PathBuf::from("../shared/data/conll2003/eng.testa")),
            geonames: Some(PathBuf::from("../shared/data/gazetteer/geonames_geobank")),
            ontonotes: Some(PathBuf::from(
                "../shared/data/ontonotes/train.docs.jsonl",
            )),
            clusters: None,
            epochs: 12,
            seed: 7,
            step: 0.05,
            output: PathBuf::from(super::MODEL_PATH),
        }
    }
}

/// Dev-set score after one epoch.
#[derive(Debug, Clone, Serialize)]
pub struct EpochReport {
    /// Epoch number, from 1.
    pub epoch: usize,
    /// Training tokens whose predicted label was wrong during the epoch.
    pub train_errors: usize,
    /// Overall F1 on the development file, if one was given.
    pub dev_f1: Option<f64>,
}

/// What training did.
#[derive(Debug, Clone, Serialize)]
pub struct TrainReport {
    /// Training documents, sentences and tokens.
    pub documents: usize,
    /// Training sentences.
    pub sentences: usize,
    /// Training tokens.
    pub tokens: usize,
    /// Gazetteer phrases shipped with the model.
    pub gazetteer_phrases: usize,
    /// Word-cluster entries shipped with the model.
    pub cluster_words: usize,
    /// Per-epoch progress.
    pub epochs: Vec<EpochReport>,
    /// The epoch whose averaged weights were kept.
    pub best_epoch: usize,
    /// Scores of the kept model on the development file.
    pub dev: Option<NerScores>,
    /// Feature rows in the written model.
    pub features: usize,
    /// Size of the written model file in bytes.
    pub model_bytes: usize,
    /// Wall-clock seconds.
    pub seconds: f64,
}

/// A training sentence with precomputed token information and gold labels.
struct Example {
    infos: Vec<TokenInfo>,
    gold: Vec<Label>,
}

/// Averaged perceptron state: current weights plus the running sums for averaging.
struct Perceptron {
    w: Weights,
    u: Vec<[f64; N_LABELS]>,
    c: f64,
}

impl Perceptron {
    fn update(&mut self, feats: &[u64], gold: Label, pred: Label) {
        let (g, p) = (gold.index(), pred.index());
        for &f in feats {
            let r = *self.w.index.entry(f).or_insert_with(|| {
                self.w.rows.push([0.0; N_LABELS]);
                self.u.push([0.0; N_LABELS]);
                (self.w.rows.len() - 1) as u32
            }) as usize;
            self.w.rows[r][g] += 1.0;
            self.w.rows[r][p] -= 1.0;
            self.u[r][g] += self.c;
            self.u[r][p] -= self.c;
        }
    }

    fn averaged(&self) -> Weights {
        let mut out = Weights {
            index: self.w.index.clone(),
            rows: Vec::with_capacity(self.w.rows.len()),
        };
        for (w, u) in self.w.rows.iter().zip(&self.u) {
            let mut row = [0.0f32; N_LABELS];
            for l in 0..N_LABELS {
                row[l] = (f64::from(w[l]) - u[l] / self.c) as f32;
            }
            out.rows.push(row);
        }
        out
    }
}

/// Builds the GeoNames lists: countries, first-level regions and cities.
fn geonames_gazetteer(dir: &Path, gaz: &mut Gazetteer) -> Result<()> {
    let read = |name: &str| {
        let p = dir.join(name);
        std::fs::read_to_string(&p).map_err(|e| Error::Io { path: p, source: e })
    };
    let mut add = |name: &str, list: GazList| {
        if let Some(h) = text_phrase_hash(name.trim()) {
            gaz.insert(h, list);
        }
    };
    for line in read("countryInfo.tsv")?.lines() {
        if line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if let Some(name) = cols.get(4) {
            add(name, GazList::Country);
        }
    }
    for line in read("regionInfo.tsv")?.lines() {
        if line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        for c in [1, 2] {
            if let Some(name) = cols.get(c) {
                add(name, GazList::Region);
            }
        }
    }
    for line in read("cities15000.txt")?.lines() {
        let cols: Vec<&str> = line.split('\t').collect();
        for c in [1, 2] {
            if let Some(name) = cols.get(c) {
                add(name, GazList::City);
            }
        }
    }
    Ok(())
}

/// Adds the entity names of OntoNotes documents (JSON Lines with `entities: [{type, text}]`).
fn ontonotes_gazetteer(path: &Path, gaz: &mut Gazetteer) -> Result<()> {
    #[derive(serde::Deserialize)]
    struct Entity {
        #[serde(rename = "type")]
        kind: String,
        text: String,
    }
    #[derive(serde::Deserialize)]
    struct Doc {
        entities: Vec<Entity>,
    }
    let text = std::fs::read_to_string(path).map_err(|e| Error::Io {
        path: path.to_path_buf(),
        source: e,
    })?;
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let doc: Doc = serde_json::from_str(line).map_err(|e| Error::Read {
            path: path.to_path_buf(),
            reason: format!("line {}: {e}", n + 1),
        })?;
        for e in doc.entities {
            let list = match e.kind.as_str() {
                "PERSON" => GazList::OntoPerson,
                "GPE" | "LOC" => GazList::OntoPlace,
                "ORG" => GazList::OntoOrganization,
                "NORP" => GazList::OntoNationality,
                _ => continue,
            };
            let name = e.text.strip_prefix("the ").unwrap_or(&e.text);
            if let Some(h) = text_phrase_hash(name) {
                gaz.insert(h, list);
            }
            let words: Vec<&str> = tokenize(name).into_iter().map(|t| t.text).collect();
            if list == GazList::OntoPerson && words.len() >= 2 {
                for (w, l) in [
                    (words[0], GazList::OntoFirstName),
                    (words[words.len() - 1], GazList::OntoLastName),
                ] {
                    gaz.insert(phrase_hash(&[lower_hash(w)]), l);
                }
            }
        }
    }
    Ok(())
}

/// Reads word clusters (`bitpath<TAB>word...`), keyed by lowercase word hash.
fn read_clusters(path: &Path) -> Result<HashMap64<u32>> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::Io {
        path: path.to_path_buf(),
        source: e,
    })?;
    let mut out = HashMap64::default();
    for line in text.lines() {
        let mut cols = line.split('\t');
        let (Some(bits), Some(word)) = (cols.next(), cols.next()) else {
            continue;
        };
        // The path with a leading 1 bit so that its length survives.
        let mut v: u32 = 1;
        for b in bits.chars().take(31) {
            v = (v << 1) | u32::from(b == '1');
        }
        out.entry(lower_hash(word)).or_insert(v);
    }
    Ok(out)
}

fn train_list(kind: EntityKind) -> GazList {
    match kind {
        EntityKind::Person => GazList::TrainPerson,
        EntityKind::Location => GazList::TrainLocation,
        EntityKind::Organization => GazList::TrainOrganization,
        EntityKind::Misc => GazList::TrainMisc,
    }
}

/// The phrases (hash, list) that a training document contributes to the training-data lists.
fn doc_phrases(doc: &ConllDocument) -> HashSet<(u64, GazList)> {
    let mut out = HashSet::new();
    for s in &doc.sentences {
        let lws: Vec<u64> = s.tokens.iter().map(|t| lower_hash(t)).collect();
        for (kind, a, b) in iob_spans(&s.tags) {
            if b - a <= super::gazetteer::MAX_PHRASE {
                out.insert((phrase_hash(&lws[a..b]), train_list(kind)));
            }
            if kind == EntityKind::Person && b - a >= 2 {
                out.insert((phrase_hash(&lws[a..a + 1]), GazList::TrainFirstName));
                out.insert((phrase_hash(&lws[b - 1..b]), GazList::TrainLastName));
            }
        }
    }
    out
}

/// A small deterministic random generator for shuffling (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

/// Trains a tagger and writes the model file. Returns what happened.
pub fn train(opts: &TrainOptions) -> Result<TrainReport> {
    let started = Instant::now();
    let docs = read_conll(&opts.train)?;
    let dev_docs = opts.dev.as_deref().map(read_conll).transpose()?;

    // Gazetteers: GeoNames plus the entities of the training data. A training-data phrase
    // that only the current document contributes is hidden while featurising that document,
    // so that the model learns how far to trust the lists on unseen text.
    let mut gazetteer = Gazetteer::default();
    if let Some(dir) = &opts.geonames {
        geonames_gazetteer(dir, &mut gazetteer)?;
    }
    if let Some(p) = &opts.ontonotes {
        ontonotes_gazetteer(p, &mut gazetteer)?;
    }
    let per_doc: Vec<HashSet<(u64, GazList)>> = docs.iter().map(doc_phrases).collect();
    let mut doc_counts: std::collections::HashMap<(u64, GazList), u32> = Default::default();
    for set in &per_doc {
        for &p in set {
            *doc_counts.entry(p).or_default() += 1;
        }
    }
    for &(h, list) in doc_counts.keys() {
        gazetteer.insert(h, list);
    }
    let clusters = match &opts.clusters {
        Some(p) => read_clusters(p)?,
        None => HashMap64::default(),
    };

    let mut examples: Vec<Vec<Example>> = Vec::with_capacity(docs.len());
    let mut n_tokens = 0;
    let mut n_sentences = 0;
    for (doc, set) in docs.iter().zip(&per_doc) {
        let mut exclude: HashMap64<u16> = HashMap64::default();
        for &(h, list) in set {
            if doc_counts.get(&(h, list)) == Some(&1) {
                *exclude.entry(h).or_default() |= 1 << list as u16;
            }
        }
        let mut doc_ex = Vec::with_capacity(doc.sentences.len());
        for s in &doc.sentences {
            let toks: Vec<&str> = s.tokens.iter().map(String::as_str).collect();
            let mut infos = features::token_infos(&toks, &clusters);
            features::add_gazetteer(&mut infos, &gazetteer, Some(&exclude));
            let gold = spans_to_labels(toks.len(), &iob_spans(&s.tags));
            n_tokens += toks.len();
            n_sentences += 1;
            doc_ex.push(Example { infos, gold });
        }
        examples.push(doc_ex);
    }

    let mut p = Perceptron {
        w: Weights::default(),
        u: Vec::new(),
        c: 1.0,
    };
    let mut rng = Rng(opts.seed.max(1));
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut epochs = Vec::new();
    let mut best: Option<(f64, usize, Weights, NerScores)> = None;
    let mut feats = Vec::with_capacity(64);
    let mut scores = [0.0f32; N_LABELS];
    for epoch in 1..=opts.epochs.max(1) {
        rng.shuffle(&mut order);
        let mut errors = 0;
        for &d in &order {
            let mut history = History::default();
            for ex in &examples[d] {
                let sent = Sentence::new(&ex.infos);
                let mut labels: Vec<Label> = Vec::with_capacity(ex.gold.len());
                for i in 0..ex.infos.len() {
                    features::extract(&sent, i, &labels, &history, &mut feats);
                    p.w.score(&feats, &mut scores);
                    let prev = labels.last().copied();
                    let pred = best_label(&scores, prev, i + 1 == ex.infos.len());
                    let gold = ex.gold[i];
                    if pred != gold {
                        errors += 1;
                        p.update(&feats, gold, pred);
                    }
                    p.c += 1.0;
                    labels.push(pred);
                }
                history.record(&ex.infos, &labels);
            }
        }
        let weights = p.averaged();
        let mut dev_f1 = None;
        if let Some(dev) = &dev_docs {
            let tagger = Tagger {
                model: Model {
                    weights,
                    gazetteer: gazetteer.clone(),
                    clusters: clusters.clone(),
                },
            };
            let s = score_documents(dev, &tagger);
            let f1 = s.overall.f1;
            dev_f1 = Some(f1);
            eprintln!(
                "epoch {epoch}: {errors} training errors, dev F1 {:.4} (PER {:.4} LOC {:.4} ORG {:.4} MISC {:.4})",
                f1, s.per.f1, s.loc.f1, s.org.f1, s.misc.f1
            );
            if best.as_ref().is_none_or(|b| f1 > b.0) {
                best = Some((f1, epoch, tagger.model.weights, s));
            }
        } else {
            eprintln!("epoch {epoch}: {errors} training errors");
            best = Some((0.0, epoch, weights, NerScores::default()));
        }
        epochs.push(EpochReport {
            epoch,
            train_errors: errors,
            dev_f1,
        });
    }
    let Some((_, best_epoch, weights, dev_scores)) = best else {
        return Err(Error::Read {
            path: opts.train.clone(),
            reason: "no training epoch ran".into(),
        });
    };
    let model = Model {
        weights,
        gazetteer,
        clusters,
    };
    let model_bytes = model.save(&opts.output, opts.step)?;
    let features = Tagger::load(&opts.output)?.n_features();
    Ok(TrainReport {
        documents: docs.len(),
        sentences: n_sentences,
        tokens: n_tokens,
        gazetteer_phrases: model.gazetteer.len(),
        cluster_words: model.clusters.len(),
        epochs,
        best_epoch,
        dev: dev_docs.is_some().then_some(dev_scores),
        features,
        model_bytes,
        seconds: started.elapsed().as_secs_f64(),
    })
}
