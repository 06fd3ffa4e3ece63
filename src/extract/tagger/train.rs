//! Training the tagger: reading CoNLL files, building the gazetteers, and the averaged
//! perceptron loop.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::time::Instant;

use serde::Serialize;

use super::clusters::{self, Clusters};
use super::features::{
    self, lower_hash, transition_feature, DocContext, HashMap64, History, Tokens,
};
use super::gazetteer::{phrase_hash, text_phrase, GazList, Gazetteer};
use super::label::{iob_spans, spans_to_labels, EntityKind, Label, N_LABELS};
use super::model::{emissions, first_stage, transitions, viterbi, Model, Weights};
use super::Tagger;
use crate::eval::ner::{score_documents, NerScores};
use crate::extract::token::tokenize;
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
    /// Unlabelled text to learn word clusters from (folders of `.txt` files, JSON Lines files
    /// with a `text` field, or text files). Empty: no clusters.
    pub cluster_corpus: Vec<PathBuf>,
    /// Cache of the learnt clusters: read if it exists, else written after learning.
    pub clusters: Option<PathBuf>,
    /// Words rarer than this in the corpus get no cluster.
    pub cluster_min_count: u32,
    /// Exchange-algorithm passes per clustering.
    pub cluster_iterations: usize,
    /// Number of passes over the training data.
    pub epochs: usize,
    /// Seed of the document shuffle.
    pub seed: u64,
    /// Train a second stage that sees the first stage's labels across the whole document.
    pub two_stage: bool,
    /// Features whose averaged weights all stay within ±`min_weight` are dropped.
    pub min_weight: f32,
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
            ontonotes: Some(PathBuf::from("../shared/data/ontonotes/train.docs.jsonl")),
            cluster_corpus: [
                "../shared/data/reuters21578/articles",
                "../shared/data/bbc",
                "../shared/data/ontonotes/train.docs.jsonl",
            ]
            .into_iter()
            .map(PathBuf::from)
            .collect(),
            clusters: None,
            cluster_min_count: 3,
            cluster_iterations: 6,
            epochs: 8,
            seed: 7,
            two_stage: true,
            min_weight: 1.0,
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
    /// Whether the model has a second, document-level stage.
    pub two_stage: bool,
    /// Per-epoch progress (first stage, then second stage).
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

    fn update_one(&mut self, f: u64, label: Label, delta: f32) {
        let r = *self.w.index.entry(f).or_insert_with(|| {
            self.w.rows.push([0.0; N_LABELS]);
            self.u.push([0.0; N_LABELS]);
            (self.w.rows.len() - 1) as u32
        }) as usize;
        self.w.rows[r][label.index()] += delta;
        self.u[r][label.index()] += f64::from(delta) * self.c;
    }

    /// The averaged weights, keeping only features with some weight above `min_weight` in
    /// magnitude (smaller ones barely move a score but cost lookups and cache).
    fn averaged(&self, min_weight: f32) -> Weights {
        let mut out = Weights::default();
        let mut keys: Vec<(u64, u32)> = self.w.index.iter().map(|(&k, &r)| (k, r)).collect();
        keys.sort_unstable();
        for (k, r) in keys {
            let (w, u) = (&self.w.rows[r as usize], &self.u[r as usize]);
            let mut row = [0.0f32; N_LABELS];
            for l in 0..N_LABELS {
                row[l] = (f64::from(w[l]) - u[l] / self.c) as f32;
            }
            if row.iter().any(|x| x.abs() > min_weight) {
                out.index.insert(k, out.rows.len() as u32);
                out.rows.push(row);
            }
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
        if let Some(lws) = text_phrase(name.trim()) {
            gaz.insert(&lws, list);
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
            if let Some(lws) = text_phrase(name) {
                gaz.insert(&lws, list);
            }
            let words: Vec<&str> = tokenize(name).into_iter().map(|t| t.text).collect();
            if list == GazList::OntoPerson && words.len() >= 2 {
                for (w, l) in [
                    (words[0], GazList::OntoFirstName),
                    (words[words.len() - 1], GazList::OntoLastName),
                ] {
                    gaz.insert(&[lower_hash(w)], l);
                }
            }
        }
    }
    Ok(())
}

/// Packs a word's classes for the model: 10 bits per clustering.
fn pack_classes(c: [u16; 3]) -> u32 {
    c.iter().enumerate().fold(0u32, |acc, (k, &x)| {
        acc | (u32::from(x) & 0x3ff) << (10 * k)
    })
}

/// Reads a clusters file written by [`write_clusters`] (`word<TAB>c1<TAB>c2<TAB>c3`).
fn read_clusters(path: &Path) -> Result<Clusters> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::Io {
        path: path.to_path_buf(),
        source: e,
    })?;
    let mut out = Clusters::new();
    for line in text.lines() {
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 4 {
            continue;
        }
        let mut c = [0u16; 3];
        for (k, slot) in c.iter_mut().enumerate() {
            *slot = cols[k + 1].parse().unwrap_or(0);
        }
        out.insert(cols[0].to_string(), c);
    }
    Ok(out)
}

/// Writes clusters as `word<TAB>c1<TAB>c2<TAB>c3` lines, sorted.
fn write_clusters(path: &Path, clusters: &Clusters) -> Result<()> {
    let mut lines: Vec<String> = clusters
        .iter()
        .map(|(w, c)| format!("{w}\t{}\t{}\t{}", c[0], c[1], c[2]))
        .collect();
    lines.sort();
    std::fs::write(path, lines.join("\n") + "\n").map_err(|e| Error::Io {
        path: path.to_path_buf(),
        source: e,
    })
}

/// The clusters for training: read from the cache file if it exists, else learnt from the
/// corpus (and the training file's own text), then cached if a cache path is set.
fn get_clusters(opts: &TrainOptions, train_docs: &[ConllDocument]) -> Result<HashMap64<u32>> {
    let clusters = match &opts.clusters {
        Some(p) if p.exists() => read_clusters(p)?,
        _ if opts.cluster_corpus.is_empty() => Clusters::new(),
        cache => {
            let started = Instant::now();
            let mut texts = Vec::new();
            for p in &opts.cluster_corpus {
                clusters::read_corpus(p, &mut texts)?;
            }
            for d in train_docs {
                let sents: Vec<String> = d.sentences.iter().map(|s| s.tokens.join(" ")).collect();
                texts.push(sents.join("\n"));
            }
            let learnt = clusters::learn(&texts, opts.cluster_min_count, opts.cluster_iterations);
            eprintln!(
                "learnt clusters of {} words from {} texts in {:.1} s",
                learnt.len(),
                texts.len(),
                started.elapsed().as_secs_f64()
            );
            if let Some(p) = cache {
                write_clusters(p, &learnt)?;
            }
            learnt
        }
    };
    Ok(clusters
        .iter()
        .map(|(w, &c)| (features::hash_str(w), pack_classes(c)))
        .collect())
}

fn train_list(kind: EntityKind) -> GazList {
    match kind {
        EntityKind::Person => GazList::TrainPerson,
        EntityKind::Location => GazList::TrainLocation,
        EntityKind::Organization => GazList::TrainOrganization,
        EntityKind::Misc => GazList::TrainMisc,
    }
}

/// The phrases (hash, list) that a training document contributes to the training-data lists;
/// their prefixes are marked in `prefixes`.
fn doc_phrases(doc: &ConllDocument, prefixes: &mut Gazetteer) -> HashSet<(u64, GazList)> {
    let mut out = HashSet::new();
    for s in &doc.sentences {
        let lws: Vec<u64> = s.tokens.iter().map(|t| lower_hash(t)).collect();
        for (kind, a, b) in iob_spans(&s.tags) {
            if b - a <= super::gazetteer::MAX_PHRASE {
                prefixes.mark_prefixes(&lws[a..b]);
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

/// Runs the averaged perceptron over the documents `ids` for `epochs` passes. With `stage2`
/// (first-stage labels of every training document) the second-stage features are on.
/// `eval` scores the averaged weights after each epoch; the best-scoring epoch's weights
/// are returned (the last epoch's when there is no score).
fn run_perceptron(
    data: &[DocData],
    ids: &[usize],
    stage2: Option<&[Vec<Vec<Label>>]>,
    run: Run,
    label: &str,
    mut eval: impl FnMut(&Weights) -> Option<NerScores>,
) -> (Weights, usize, Option<NerScores>, Vec<EpochReport>) {
    let ctxs: Option<Vec<DocContext>> = stage2.map(|s1| {
        data.iter()
            .zip(s1)
            .map(|(d, l)| {
                DocContext::new(
                    d.sentences
                        .iter()
                        .map(|t| t.infos.as_slice())
                        .zip(l.iter().map(Vec::as_slice)),
                )
            })
            .collect()
    });
    let mut p = Perceptron {
        w: Weights::default(),
        u: Vec::new(),
        c: 1.0,
    };
    let Run {
        epochs,
        seed,
        min_weight,
    } = run;
    let mut rng = Rng(seed.max(1));
    let mut order = ids.to_vec();
    let mut reports = Vec::new();
    let mut best: Option<(f64, usize, Weights, Option<NerScores>)> = None;
    let mut feats: Vec<Vec<u64>> = Vec::new();
    let mut trans = transitions(&p.w);
    for epoch in 1..=epochs.max(1) {
        rng.shuffle(&mut order);
        let mut errors = 0;
        for &d in &order {
            let doc = &data[d];
            let mut history = History::default();
            for (si, (tokens, gold)) in doc.sentences.iter().zip(&doc.gold).enumerate() {
                let st2 = match (&ctxs, stage2) {
                    (Some(c), Some(s1)) => Some((&c[d], s1[d][si].as_slice())),
                    _ => None,
                };
                feats.clear();
                let em = emissions(&p.w, tokens, &history, st2, Some(&mut feats));
                let labels = viterbi(&em, &trans);
                if labels != *gold {
                    let mut prev_g = None;
                    let mut prev_p = None;
                    for (i, (&g, &l)) in gold.iter().zip(&labels).enumerate() {
                        if g != l {
                            errors += 1;
                            p.update(&feats[i], g, l);
                        }
                        if g != l || prev_g != prev_p {
                            p.update_one(transition_feature(prev_g), g, 1.0);
                            p.update_one(transition_feature(prev_p), l, -1.0);
                        }
                        prev_g = Some(g);
                        prev_p = Some(l);
                    }
                    trans = transitions(&p.w);
                }
                p.c += 1.0;
                history.record(&tokens.infos, &labels);
            }
        }
        let weights = p.averaged(min_weight);
        let scored = eval(&weights);
        let f1 = scored.as_ref().map(|s| s.overall.f1);
        match &scored {
            Some(s) => eprintln!(
                "{label} epoch {epoch}: {errors} training errors, dev F1 {:.4} (PER {:.4} LOC {:.4} ORG {:.4} MISC {:.4})",
                s.overall.f1, s.per.f1, s.loc.f1, s.org.f1, s.misc.f1
            ),
            None => eprintln!("{label} epoch {epoch}: {errors} training errors"),
        }
        let score = f1.unwrap_or(epoch as f64);
        if best.as_ref().is_none_or(|b| score > b.0) {
            best = Some((score, epoch, weights, scored));
        }
        reports.push(EpochReport {
            epoch,
            train_errors: errors,
            dev_f1: f1,
        });
    }
    match best {
        Some((_, e, w, s)) => (w, e, s, reports),
        None => (Weights::default(), 0, None, reports),
    }
}

/// Passes, shuffle seed and pruning of one perceptron run.
#[derive(Clone, Copy)]
struct Run {
    epochs: usize,
    seed: u64,
    min_weight: f32,
}

/// The featurised training documents.
struct DocData {
    sentences: Vec<Tokens>,
    gold: Vec<Vec<Label>>,
}

/// Number of folds for the first-stage predictions that the second stage trains on.
const FOLDS: usize = 5;

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
    for t in super::gazetteer::TITLES {
        if let Some(lws) = text_phrase(t) {
            gazetteer.insert(&lws, GazList::Title);
        }
    }
    let per_doc: Vec<HashSet<(u64, GazList)>> = docs
        .iter()
        .map(|d| doc_phrases(d, &mut gazetteer))
        .collect();
    let mut doc_counts: std::collections::HashMap<(u64, GazList), u32> = Default::default();
    for set in &per_doc {
        for &p in set {
            *doc_counts.entry(p).or_default() += 1;
        }
    }
    for &(h, list) in doc_counts.keys() {
        gazetteer.insert_raw(h, 1 << list as u16);
    }
    let clusters = get_clusters(opts, &docs)?;

    let mut data: Vec<DocData> = Vec::with_capacity(docs.len());
    let mut n_tokens = 0;
    let mut n_sentences = 0;
    for (doc, set) in docs.iter().zip(&per_doc) {
        let mut exclude: HashMap64<u16> = HashMap64::default();
        for &(h, list) in set {
            if doc_counts.get(&(h, list)) == Some(&1) {
                *exclude.entry(h).or_default() |= 1 << list as u16;
            }
        }
        let mut d = DocData {
            sentences: Vec::with_capacity(doc.sentences.len()),
            gold: Vec::with_capacity(doc.sentences.len()),
        };
        for s in &doc.sentences {
            let toks: Vec<&str> = s.tokens.iter().map(String::as_str).collect();
            let mut tokens = features::token_infos(&toks, &clusters);
            features::add_gazetteer(&mut tokens.infos, &gazetteer, Some(&exclude));
            d.gold
                .push(spans_to_labels(toks.len(), &iob_spans(&s.tags)));
            n_tokens += toks.len();
            n_sentences += 1;
            d.sentences.push(tokens);
        }
        data.push(d);
    }

    let make_tagger = |weights: Weights, second: Option<Weights>| Tagger {
        model: Model::new(
            weights,
            second,
            gazetteer.clone(),
            clusters.clone(),
            opts.step,
        ),
    };
    let all: Vec<usize> = (0..data.len()).collect();
    let run = Run {
        epochs: opts.epochs,
        seed: opts.seed,
        min_weight: opts.min_weight,
    };

    // Stage one on everything.
    let (w1, e1, dev1, mut epochs) = run_perceptron(&data, &all, None, run, "stage 1", |w| {
        dev_docs
            .as_ref()
            .map(|dev| score_documents(dev, &make_tagger(w.clone(), None)))
    });
    let mut best_epoch = e1;
    let mut dev_scores = dev1;
    let mut second = None;

    if opts.two_stage {
        // First-stage labels for every training document from a model that did not see it.
        let mut s1: Vec<Vec<Vec<Label>>> = vec![Vec::new(); data.len()];
        for fold in 0..FOLDS {
            let train_ids: Vec<usize> = all.iter().copied().filter(|d| d % FOLDS != fold).collect();
            let (wf, _, _, _) = run_perceptron(
                &data,
                &train_ids,
                None,
                Run {
                    epochs: e1,
                    seed: opts.seed + fold as u64 + 1,
                    ..run
                },
                &format!("fold {}", fold + 1),
                |_| None,
            );
            for d in all.iter().copied().filter(|d| d % FOLDS == fold) {
                s1[d] = first_stage(&wf, &data[d].sentences);
            }
        }
        let (w2, e2, dev2, epochs2) = run_perceptron(&data, &all, Some(&s1), run, "stage 2", |w| {
            dev_docs
                .as_ref()
                .map(|dev| score_documents(dev, &make_tagger(w1.clone(), Some(w.clone()))))
        });
        // Keep the second stage only if it helps on the development data.
        let better = match (&dev_scores, &dev2) {
            (Some(a), Some(b)) => b.overall.f1 > a.overall.f1,
            _ => true,
        };
        if better {
            second = Some(w2);
            best_epoch = e2;
            dev_scores = dev2;
        }
        epochs.extend(epochs2);
    }

    let model = Model::new(w1, second, gazetteer, clusters, opts.step);
    let model_bytes = model.save(&opts.output, opts.step)?;
    let features = Tagger::load(&opts.output)?.n_features();
    Ok(TrainReport {
        documents: docs.len(),
        sentences: n_sentences,
        tokens: n_tokens,
        gazetteer_phrases: model.gazetteer.len(),
        cluster_words: model.clusters.len(),
        two_stage: model.second.is_some(),
        epochs,
        best_epoch,
        dev: dev_scores,
        features,
        model_bytes,
        seconds: started.elapsed().as_secs_f64(),
    })
}
