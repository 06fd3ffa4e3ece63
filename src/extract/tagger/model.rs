//! The weights of the tagger, decoding, and the model file format.
//!
//! File format (gzip-compressed, little-endian): magic `NDXNER` + format version, the
//! number of labels, the quantisation step, then two weight tables (first and second stage;
//! each a count and rows of 64-bit feature hash, number of non-zero weights, and
//! `(label, i16)` pairs; an empty second table means one stage), the gazetteer (phrase hash,
//! 32-bit entry: list mask and prefix flag) and the word clusters (word hash, bit path).

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use super::features::{
    self, DocContext, HashMap64, History, Reach, Sentence, TokenInfo, Tokens, WordForm, N_SLOTS,
};
use super::gazetteer::{GazList, GazMatch, Gazetteer};
use super::label::{EntityKind, Label, Pos, N_LABELS};
use crate::bytes::ByteReader;
use crate::{Error, Result};

const MAGIC: &[u8; 6] = b"NDXNER";
const FORMAT_VERSION: u16 = 4;

/// Trained weights: one dense row of label scores per feature hash.
#[derive(Debug, Default, Clone)]
pub(crate) struct Weights {
    pub index: HashMap64<u32>,
    pub rows: Vec<[f32; N_LABELS]>,
}

impl Weights {
    /// Adds the rows of the given features into `scores`.
    #[inline]
    pub fn score(&self, feats: &[u64], scores: &mut [f32; N_LABELS]) {
        *scores = [0.0; N_LABELS];
        for f in feats {
            if let Some(&r) = self.index.get(f) {
                let row = &self.rows[r as usize];
                for (s, w) in scores.iter_mut().zip(row) {
                    *s += w;
                }
            }
        }
    }
}

/// Transition scores: `t[p][l]` scores label `l` after label `p`; row `N_LABELS` is the
/// sentence start. Forbidden transitions are negative infinity.
pub(crate) type Transitions = [[f32; N_LABELS]; N_LABELS + 1];

/// The transition scores of a weight table.
pub(crate) fn transitions(weights: &Weights) -> Transitions {
    let mut t = [[0.0f32; N_LABELS]; N_LABELS + 1];
    for (p, row) in t.iter_mut().enumerate() {
        let prev = (p < N_LABELS).then(|| Label::from_index(p));
        weights.score(&[features::transition_feature(prev)], row);
        for (l, s) in row.iter_mut().enumerate() {
            if !Label::from_index(l).may_follow(prev) {
                *s = f32::NEG_INFINITY;
            }
        }
    }
    t
}

/// Labels after which no entity is open (`O`, `L-*`, `U-*`): the possible predecessors of
/// `O`, `B-*` and `U-*`.
const CLOSED: [usize; 9] = [0, 3, 4, 7, 8, 11, 12, 15, 16];

/// The labels that may precede each label (first-order BILOU constraints): an `I-X` or `L-X`
/// follows `B-X` or `I-X`, anything else follows a closed label. Labels are `O`, then `B`,
/// `I`, `L`, `U` of each kind.
const PREDECESSORS: [&[usize]; N_LABELS] = [
    &CLOSED,
    &CLOSED,
    &[1, 2],
    &[1, 2],
    &CLOSED,
    &CLOSED,
    &[5, 6],
    &[5, 6],
    &CLOSED,
    &CLOSED,
    &[9, 10],
    &[9, 10],
    &CLOSED,
    &CLOSED,
    &[13, 14],
    &[13, 14],
    &CLOSED,
];

/// The labels that may precede label `l`.
#[inline]
fn predecessors(l: usize) -> &'static [usize] {
    PREDECESSORS[l]
}

/// The best label sequence (Viterbi) given per-token label scores; no entity is left open at
/// the end of the sentence.
pub(crate) fn viterbi(emissions: &[[f32; N_LABELS]], trans: &Transitions) -> Vec<Label> {
    viterbi_by(emissions.len(), |i| emissions[i], trans)
}

/// [`viterbi`] over scores given by a function of the position.
#[inline]
fn viterbi_by(
    n: usize,
    emission: impl Fn(usize) -> [f32; N_LABELS],
    trans: &Transitions,
) -> Vec<Label> {
    if n == 0 {
        return Vec::new();
    }
    let mut back = vec![[0u8; N_LABELS]; n];
    let mut cur = emission(0);
    for (l, c) in cur.iter_mut().enumerate() {
        *c += trans[N_LABELS][l];
    }
    for (i, bp) in back.iter_mut().enumerate().skip(1) {
        let e = emission(i);
        let mut next = [f32::NEG_INFINITY; N_LABELS];
        for (l, nx) in next.iter_mut().enumerate() {
            let mut best = f32::NEG_INFINITY;
            let mut arg = 0usize;
            for &p in predecessors(l) {
                let s = cur[p] + trans[p][l];
                if s > best {
                    best = s;
                    arg = p;
                }
            }
            *nx = best + e[l];
            bp[l] = arg as u8;
        }
        cur = next;
    }
    let mut out = vec![Label::O; n];
    backtrack(&cur, &back, &mut out);
    out
}

/// Writes into `out` the path that ends in the best-scoring closed label (no entity left
/// open), following the back pointers; the first of equal scores wins.
fn backtrack<T: PartialOrd + Copy>(
    last: &[T; N_LABELS],
    back: &[[u8; N_LABELS]],
    out: &mut [Label],
) {
    let mut best = CLOSED[0];
    for &l in &CLOSED[1..] {
        if last[l] > last[best] {
            best = l;
        }
    }
    for i in (0..out.len()).rev() {
        out[i] = Label::from_index(best);
        best = back[i][best] as usize;
    }
}

/// Per-token label scores of a sentence; with `feats`, the features of each token are kept.
pub(crate) fn emissions(
    weights: &Weights,
    tokens: &Tokens,
    history: &History,
    stage2: Option<(&DocContext, &[Label])>,
    mut feats: Option<&mut Vec<Vec<u64>>>,
) -> Vec<[f32; N_LABELS]> {
    let sent = Sentence::with_forms(&tokens.infos, &tokens.forms);
    let mut buf = Vec::with_capacity(96);
    let mut out = vec![[0.0f32; N_LABELS]; tokens.infos.len()];
    for (i, scores) in out.iter_mut().enumerate() {
        features::extract(&sent, i, history, stage2, &mut buf);
        weights.score(&buf, scores);
        if let Some(f) = feats.as_deref_mut() {
            f.push(buf.clone());
        }
    }
    out
}

/// One feature's quantised weights for both stages.
type Row = [[i16; N_LABELS]; 2];

/// The largest quantised weight: any [`features::MAX_LEXICAL`] of them sum within `i16`, so
/// that a word's summed single-token weights fit a [`LexScores`].
const MAX_QUANTISED: i16 = i16::MAX / features::MAX_LEXICAL as i16;

/// Quantises a weight with step `step` (clamped to ±[`MAX_QUANTISED`] steps; the shipped
/// model's largest weight is about a third of that).
fn quantise(w: f32, step: f32) -> i16 {
    let m = f32::from(MAX_QUANTISED);
    (w / step).round().clamp(-m, m) as i16
}

/// A score no path through an allowed transition comes near: forbidden transitions and
/// impossible starts.
const FORBIDDEN: i32 = -(1 << 28);

/// Both stages' weights, quantised to 16 bits and stored inline in one hash table, so that
/// a feature costs one lookup for both stages; each stage's transition scores (in the same
/// quantised units); and the summed weights of the single-token features of a neighbour
/// outside the sentence.
#[derive(Debug, Default, Clone)]
pub(crate) struct Scorer {
    table: HashMap64<Row>,
    lattice: [Lattice; 2],
    padding: LexScores,
}

impl Scorer {
    fn new(first: &Weights, second: Option<&Weights>, step: f32) -> Scorer {
        let mut table: HashMap64<Row> = HashMap64::default();
        // Sized once, for at most every feature of both stages: growing it rehashed the whole
        // table several times per start.
        table.reserve(first.index.len() + second.map_or(0, |w| w.index.len()));
        for (stage, w) in [Some(first), second].into_iter().enumerate() {
            let Some(w) = w else { continue };
            for (&k, &r) in &w.index {
                let row = &w.rows[r as usize];
                let q: [i16; N_LABELS] = std::array::from_fn(|l| quantise(row[l], step));
                if q.iter().any(|&x| x != 0) {
                    table.entry(k).or_insert([[0; N_LABELS]; 2])[stage] = q;
                }
            }
        }
        let lattice = [
            Lattice::new(&transitions(first), step),
            second.map_or_else(Lattice::default, |w| Lattice::new(&transitions(w), step)),
        ];
        let mut scorer = Scorer {
            table,
            lattice,
            padding: [[[0; N_LABELS]; 2]; N_SLOTS],
        };
        let mut feats = Vec::new();
        for slot in 0..N_SLOTS {
            feats.clear();
            features::push_padding(slot, &mut feats);
            scorer.padding = scorer.lexical_slot(&feats, slot, scorer.padding);
        }
        scorer
    }

    /// `into` with the summed weights of `feats` (at most [`features::MAX_LEXICAL`]) stored
    /// at `slot`.
    fn lexical_slot(&self, feats: &[u64], slot: usize, mut into: LexScores) -> LexScores {
        let (mut a, mut b) = ([0i32; N_LABELS], [0i32; N_LABELS]);
        self.add_both(feats, &mut a, &mut b);
        // Within i16 by MAX_QUANTISED; saturate rather than wrap all the same.
        let narrow = |x: i32| x.clamp(i32::from(i16::MIN), i32::from(i16::MAX)) as i16;
        into[slot] = [a.map(narrow), b.map(narrow)];
        into
    }

    /// The summed single-token weights of a word in every slot, for both stages.
    fn lexical(&self, info: &TokenInfo, form: &WordForm, feats: &mut Vec<u64>) -> LexScores {
        let mut out = [[[0; N_LABELS]; 2]; N_SLOTS];
        for slot in 0..N_SLOTS {
            feats.clear();
            features::push_lexical(info, form, slot, feats);
            out = self.lexical_slot(feats, slot, out);
        }
        out
    }

    /// Adds the rows of `feats` for one stage into `scores`.
    #[inline]
    fn add(&self, feats: &[u64], stage: usize, scores: &mut [i32; N_LABELS]) {
        for f in feats {
            if let Some(row) = self.table.get(f) {
                add_row(scores, &row[stage]);
            }
        }
    }

    /// Adds the rows of `feats` for both stages.
    #[inline]
    fn add_both(&self, feats: &[u64], a: &mut [i32; N_LABELS], b: &mut [i32; N_LABELS]) {
        for f in feats {
            if let Some([ra, rb]) = self.table.get(f) {
                add_row(a, ra);
                add_row(b, rb);
            }
        }
    }
}

/// Adds a row of quantised weights into label scores.
#[inline]
fn add_row(scores: &mut [i32; N_LABELS], row: &[i16; N_LABELS]) {
    for (s, &w) in scores.iter_mut().zip(row) {
        *s += i32::from(w);
    }
}

/// The labels that may follow a closed label (`O`, `B-*`, `U-*`), in index order.
const OPENING: [usize; 9] = [0, 1, 4, 5, 8, 9, 12, 13, 16];

/// The nine opening labels rounded up to a multiple of four lanes, for vector registers.
const LANES: usize = 12;

/// A stage's transition scores in quantised units, laid out for [`viterbi_i32`]: only the
/// 97 allowed pairs.
#[derive(Debug, Clone, Copy, Default)]
struct Lattice {
    /// Scores of the first label of a sentence (forbidden ones: [`FORBIDDEN`]).
    start: [i32; N_LABELS],
    /// Scores of a label right after `O` (forbidden ones: [`FORBIDDEN`]): the first label of a
    /// stretch after a token fixed to `O`.
    after_o: [i32; N_LABELS],
    /// `closed[m][j]`: `CLOSED[m]` → `OPENING[j]`, padded to [`LANES`] (the padding is never
    /// read back), so that [`viterbi_i32`] steps all nine opening labels at once.
    closed: [[i32; LANES]; 9],
    /// `inside[k][t][f]`: within an entity of kind `k`, from `B` (`f` = 0) or `I` (1) to `I`
    /// (`t` = 0) or `L` (1).
    inside: [[[i32; 2]; 2]; 4],
}

impl Lattice {
    fn new(t: &Transitions, step: f32) -> Lattice {
        let q = |x: f32| {
            if x.is_finite() {
                i32::from(quantise(x, step))
            } else {
                FORBIDDEN
            }
        };
        Lattice {
            start: t[N_LABELS].map(q),
            after_o: t[Label::O.index()].map(q),
            closed: CLOSED
                .map(|p| std::array::from_fn(|j| OPENING.get(j).map_or(0, |&l| q(t[p][l])))),
            inside: std::array::from_fn(|k| {
                let b = 1 + 4 * k;
                [
                    [q(t[b][b + 1]), q(t[b + 1][b + 1])],
                    [q(t[b][b + 2]), q(t[b + 1][b + 2])],
                ]
            }),
        }
    }
}

/// [`viterbi`] over integer scores, into `out`, with `first` the scores of the first label
/// (in place of the sentence start's) and, when `to_o`, a last transition into `O`; `back`
/// is scratch space. With the sentence start's scores and no `to_o`, the same result as
/// [`viterbi`], ties included: predecessors are tried in index order and only a strictly
/// better one replaces the first.
fn viterbi_i32(
    em: &[[i32; N_LABELS]],
    first: &[i32; N_LABELS],
    to_o: bool,
    lat: &Lattice,
    out: &mut [Label],
    back: &mut Vec<[u8; N_LABELS]>,
) {
    let n = em.len();
    if n == 0 {
        return;
    }
    back.clear();
    back.resize(n, [0; N_LABELS]);
    let mut cur: [i32; N_LABELS] = std::array::from_fn(|l| em[0][l] + first[l]);
    for (e, bp) in em.iter().zip(back.iter_mut()).skip(1) {
        let mut next = [0i32; N_LABELS];
        // The best closed predecessor of every opening label, all lanes at once and without
        // branches (the compiler keeps the arrays in vector registers); the first of equal
        // scores wins, as in the reference decoder.
        let mut best: [i32; LANES] = std::array::from_fn(|j| cur[CLOSED[0]] + lat.closed[0][j]);
        let mut arg = [0i32; LANES];
        for (m, t) in lat.closed.iter().enumerate().skip(1) {
            let c = cur[CLOSED[m]];
            for j in 0..LANES {
                let s = c + t[j];
                let better = s > best[j];
                best[j] = if better { s } else { best[j] };
                arg[j] = if better { m as i32 } else { arg[j] };
            }
        }
        for (j, &l) in OPENING.iter().enumerate() {
            next[l] = best[j] + e[l];
            bp[l] = CLOSED[arg[j] as usize] as u8;
        }
        for (k, t) in lat.inside.iter().enumerate() {
            let b = 1 + 4 * k;
            for (d, t) in t.iter().enumerate() {
                let (from_b, from_i) = (cur[b] + t[0], cur[b + 1] + t[1]);
                let l = b + 1 + d;
                if from_i > from_b {
                    next[l] = from_i + e[l];
                    bp[l] = (b + 1) as u8;
                } else {
                    next[l] = from_b + e[l];
                    bp[l] = b as u8;
                }
            }
        }
        cur = next;
    }
    if to_o {
        // The transition into the `O` that follows (only closed labels may precede it).
        for (m, &l) in CLOSED.iter().enumerate() {
            cur[l] += lat.closed[m][0];
        }
    }
    backtrack(&cur, back, &mut out[..n]);
}

/// Decodes the sentence at `range` of `em` into `out` stretch by stretch: every maximal run of
/// [`Reach::Free`] tokens is decoded alone, the other tokens are labelled `O`.
///
/// This is the best path of a decoding of every run of tokens that are not [`Reach::Far`] (the
/// far tokens split the sentence's path there), with [`Reach::Edge`] tokens fixed to `O`.
/// Such a token splits the path again: the free tokens before it end where `O` may follow,
/// those after it start from `O`; a run at the sentence's start starts as a sentence does.
/// (A far token is never next to a free one: [`features::reach`] makes it an edge.)
fn decode_stretches(
    em: &[[i32; N_LABELS]],
    reach: &[Reach],
    range: &std::ops::Range<usize>,
    lat: &Lattice,
    out: &mut [Label],
    back: &mut Vec<[u8; N_LABELS]>,
) {
    let mut i = range.start;
    while i < range.end {
        if reach[i] != Reach::Free {
            out[i] = Label::O;
            i += 1;
            continue;
        }
        let start = i;
        while i < range.end && reach[i] == Reach::Free {
            i += 1;
        }
        let after_edge = start > range.start && reach[start - 1] == Reach::Edge;
        let first = if after_edge { &lat.after_o } else { &lat.start };
        let to_o = i < range.end && reach[i] == Reach::Edge;
        viterbi_i32(&em[start..i], first, to_o, lat, &mut out[start..i], back);
    }
}

/// The summed quantised weights of one word's single-token features
/// ([`features::push_lexical`]): `[slot][stage][label]`, so that the two stages' rows of a
/// slot share cache lines.
type LexScores = [[[i16; N_LABELS]; 2]; N_SLOTS];

/// The most words a thread's [`Lexicon`] holds before it starts afresh (about 29 MB: a
/// news corpus of 20,000 articles, Reuters-21578, has about 97,000 distinct words, split
/// between threads).
const LEXICON_CAP: usize = 1 << 16;

/// A per-thread cache of the words seen recently: their token information and their summed
/// single-token weights. Most tokens of news text are words seen shortly before, so a token
/// usually costs one lookup here instead of about thirty in the weight table.
#[derive(Debug, Default)]
struct Lexicon {
    /// The [`Model::id`] the entries were computed with.
    model: u64,
    index: HashMap64<u32>,
    infos: Vec<TokenInfo>,
    scores: Vec<LexScores>,
    /// Each word's [`Gazetteer::word_entry`].
    gaz: Vec<u32>,
    bufs: features::ShapeBuffers,
    feats: Vec<u64>,
    /// Per-document buffers, kept between documents so that tagging one allocates little.
    scratch: Scratch,
}

/// The working memory of [`Model::tag_words`] for one document.
#[derive(Debug, Default)]
struct Scratch {
    ids: Vec<u32>,
    infos: Vec<TokenInfo>,
    first: Vec<u32>,
    /// Emission scores of each stage. Rows of tokens out of reach are never read, so the
    /// buffers are not cleared between documents.
    em1: Vec<[i32; N_LABELS]>,
    em2: Vec<[i32; N_LABELS]>,
    reach: Vec<Reach>,
    buf: Vec<Reach>,
    feats: Vec<u64>,
    back: Vec<[u8; N_LABELS]>,
    history: History,
    ctx: DocContext,
}

impl Lexicon {
    /// Prepares for a document tagged by `model`: forgets entries of another model, or all
    /// entries when full (never within a document, so ids stay valid while it is tagged).
    fn start(&mut self, model: &Model) {
        if self.model != model.id || self.infos.len() >= LEXICON_CAP {
            self.model = model.id;
            self.index.clear();
            self.infos.clear();
            self.scores.clear();
            self.gaz.clear();
        }
    }

    /// The entry of a token, computed if the word is new.
    fn id(&mut self, model: &Model, tok: &str) -> u32 {
        let w = features::hash_str(tok);
        if let Some(&id) = self.index.get(&w) {
            return id;
        }
        let (info, form) = features::token_info(tok, w, &model.clusters, &mut self.bufs);
        let id = self.infos.len() as u32;
        self.scores
            .push(model.scorer.lexical(&info, &form, &mut self.feats));
        self.gaz.push(model.gazetteer.word_entry(info.lw));
        self.infos.push(info);
        self.index.insert(w, id);
        id
    }
}

thread_local! {
    static LEXICON: std::cell::RefCell<Lexicon> = std::cell::RefCell::new(Lexicon::default());
}

/// Everything the tagger needs at run time.
#[derive(Debug, Default, Clone)]
pub(crate) struct Model {
    /// First stage: local, gazetteer and earlier-in-document features.
    pub weights: Weights,
    /// Second stage (optional): adds the first stage's labels across the whole document.
    pub second: Option<Weights>,
    pub gazetteer: Gazetteer,
    pub clusters: HashMap64<u32>,
    scorer: Scorer,
    /// Distinguishes models in the per-thread [`Lexicon`] (clones share it: same content).
    id: u64,
}

/// Viterbi decoding of one sentence with `weights`, tokens out of [`features::REACH`] of a
/// name-like token fixed to `O`; records the result in `history`.
pub(crate) fn decode_with(
    weights: &Weights,
    trans: &Transitions,
    tokens: &Tokens,
    history: &mut History,
    stage2: Option<(&DocContext, &[Label])>,
) -> Vec<Label> {
    let infos = &tokens.infos;
    let mut em = emissions(weights, tokens, history, stage2, None);
    let mut reach = Vec::new();
    features::reach(infos, &mut reach);
    for (e, r) in em.iter_mut().zip(&reach) {
        if *r != Reach::Free {
            for (l, x) in e.iter_mut().enumerate() {
                if l != Label::O.index() {
                    *x = f32::NEG_INFINITY;
                }
            }
        }
    }
    let mut labels = viterbi(&em, trans);
    trim_titles(infos, &mut labels);
    history.record(infos, &labels);
    labels
}

/// Takes one-word titles (`Mr`, `Dr`, `President`) off the front of person names, as the
/// CoNLL guidelines do: `B-PER(Mr) L-PER(Blair)` becomes `O U-PER(Blair)`.
pub(crate) fn trim_titles(infos: &[TokenInfo], labels: &mut [Label]) {
    let title = GazList::Title as usize;
    let mut i = 0;
    while i < labels.len() {
        let l = labels[i];
        if l.kind() == Some(EntityKind::Person)
            && l.pos() == Some(Pos::Begin)
            && infos[i].gaz[title] == GazMatch::Unit
        {
            labels[i] = Label::O;
            if let Some(next) = labels.get_mut(i + 1) {
                *next = match next.pos() {
                    Some(Pos::Last) => Label::new(Pos::Unit, EntityKind::Person),
                    _ => Label::new(Pos::Begin, EntityKind::Person),
                };
            }
        }
        i += 1;
    }
}

/// First-stage labels of a document's sentences.
pub(crate) fn first_stage(weights: &Weights, doc: &[Tokens]) -> Vec<Vec<Label>> {
    let trans = transitions(weights);
    let mut history = History::default();
    doc.iter()
        .map(|tokens| decode_with(weights, &trans, tokens, &mut history, None))
        .collect()
}

/// Second-stage labels of a document given its first-stage labels (the reference for the
/// fused [`Model::decode_document`]).
#[cfg(test)]
pub(crate) fn second_stage(
    weights: &Weights,
    doc: &[Tokens],
    s1: &[Vec<Label>],
) -> Vec<Vec<Label>> {
    let ctx = DocContext::new(
        doc.iter()
            .map(|t| t.infos.as_slice())
            .zip(s1.iter().map(Vec::as_slice)),
    );
    let trans = transitions(weights);
    let mut history = History::default();
    doc.iter()
        .zip(s1)
        .map(|(tokens, l1)| decode_with(weights, &trans, tokens, &mut history, Some((&ctx, l1))))
        .collect()
}

impl Model {
    /// Token information of a sentence, gazetteer matches included.
    #[cfg(test)]
    pub fn infos(&self, tokens: &[&str]) -> Tokens {
        let mut out = features::token_infos(tokens, &self.clusters);
        features::add_gazetteer(&mut out.infos, &self.gazetteer, None);
        out
    }

    /// Assembles a model from trained parts.
    pub fn new(
        weights: Weights,
        second: Option<Weights>,
        gazetteer: Gazetteer,
        clusters: HashMap64<u32>,
        step: f32,
    ) -> Model {
        static NEXT_ID: AtomicU64 = AtomicU64::new(1);
        let scorer = Scorer::new(&weights, second.as_ref(), step);
        Model {
            weights,
            second,
            gazetteer,
            clusters,
            scorer,
            id: NEXT_ID.fetch_add(1, Ordering::Relaxed),
        }
    }

    /// Tags a document given as its words and the end (exclusive index into `words`) of
    /// each sentence; words after the last end form one more sentence. Returns one label
    /// per word: the result of [`first_stage`] followed by [`second_stage`], computed with
    /// the per-thread [`Lexicon`] and each feature shared by the stages looked up once.
    pub fn tag_words(&self, words: &[&str], ends: &[usize]) -> Vec<Label> {
        let run = |lex: &mut Lexicon| self.tag_words_with(lex, words, ends);
        LEXICON
            .try_with(|cell| match cell.try_borrow_mut() {
                Ok(mut lex) => run(&mut lex),
                Err(_) => run(&mut Lexicon::default()),
            })
            .unwrap_or_else(|_| run(&mut Lexicon::default()))
    }

    fn tag_words_with(&self, lex: &mut Lexicon, words: &[&str], ends: &[usize]) -> Vec<Label> {
        let n = words.len();
        let mut ranges = Vec::with_capacity(ends.len() + 1);
        let mut start = 0;
        for &e in ends.iter().chain(std::iter::once(&n)) {
            let e = e.min(n);
            if e > start {
                ranges.push(start..e);
                start = e;
            }
        }
        lex.start(self);
        let mut scratch = std::mem::take(&mut lex.scratch);
        let out = self.tag_words_in(lex, &mut scratch, words, &ranges);
        lex.scratch = scratch;
        out
    }

    /// [`Model::tag_words_with`] given the sentence ranges, with the document's buffers.
    fn tag_words_in(
        &self,
        lex: &mut Lexicon,
        scratch: &mut Scratch,
        words: &[&str],
        ranges: &[std::ops::Range<usize>],
    ) -> Vec<Label> {
        let n = words.len();
        let Scratch {
            ids,
            infos,
            first,
            em1,
            em2,
            reach,
            buf,
            feats,
            back,
            history,
            ctx,
        } = scratch;
        ids.clear();
        ids.extend(words.iter().map(|w| lex.id(self, w)));
        infos.clear();
        infos.extend(ids.iter().map(|&id| lex.infos[id as usize].clone()));
        first.clear();
        first.extend(ids.iter().map(|&id| lex.gaz[id as usize]));
        for r in ranges {
            features::add_gazetteer_from(
                &mut infos[r.clone()],
                Some(&first[r.clone()]),
                &self.gazetteer,
                None,
            );
        }
        let lex = &*lex;
        let sc = &self.scorer;
        let two = self.second.is_some();
        if em1.len() < n {
            em1.resize(n, [0; N_LABELS]);
        }
        if two && em2.len() < n {
            em2.resize(n, [0; N_LABELS]);
        }
        let mut s1 = vec![Label::O; n];
        reach.clear();
        reach.resize(n, Reach::Far);
        for r in ranges {
            features::reach(&infos[r.clone()], buf);
            reach[r.clone()].copy_from_slice(buf);
        }
        history.clear();
        for r in ranges {
            let sent = Sentence::new(&infos[r.clone()]);
            let ids = &ids[r.clone()];
            let len = ids.len();
            for i in 0..len {
                let at = r.start + i;
                if reach[at] != Reach::Free {
                    continue;
                }
                // Summed in locals (kept in vector registers), stored once.
                let (mut e1, mut e2) = ([0i32; N_LABELS], [0i32; N_LABELS]);
                for slot in 0..N_SLOTS {
                    let lexical = match features::neighbour(i, len, slot) {
                        Some(j) => &lex.scores[ids[j] as usize],
                        None => &sc.padding,
                    };
                    add_row(&mut e1, &lexical[slot][0]);
                    if two {
                        add_row(&mut e2, &lexical[slot][1]);
                    }
                }
                feats.clear();
                features::extract_context(&sent, i, feats);
                if two {
                    sc.add_both(feats, &mut e1, &mut e2);
                    em2[at] = e2;
                } else {
                    sc.add(feats, 0, &mut e1);
                }
                feats.clear();
                features::extract_document(&sent, i, history, None, feats);
                sc.add(feats, 0, &mut e1);
                em1[at] = e1;
            }
            decode_stretches(em1, reach, r, &sc.lattice[0], &mut s1, back);
            let labels = &mut s1[r.clone()];
            trim_titles(sent.infos, labels);
            history.record(sent.infos, labels);
        }
        if !two {
            return s1;
        }
        ctx.fill(ranges.iter().map(|r| (&infos[r.clone()], &s1[r.clone()])));
        history.clear();
        let mut out = vec![Label::O; n];
        for r in ranges {
            let sent = Sentence::new(&infos[r.clone()]);
            let l1 = &s1[r.clone()];
            for i in 0..r.len() {
                if reach[r.start + i] != Reach::Free {
                    continue;
                }
                feats.clear();
                features::extract_document(&sent, i, history, Some((ctx, l1)), feats);
                let mut e2 = em2[r.start + i]; // in a local, as in the first stage
                sc.add(feats, 1, &mut e2);
                em2[r.start + i] = e2;
            }
            decode_stretches(em2, reach, r, &sc.lattice[1], &mut out, back);
            let labels = &mut out[r.clone()];
            trim_titles(sent.infos, labels);
            history.record(sent.infos, labels);
        }
        out
    }

    /// Serialises the model, quantising weights with step `step`; returns the compressed bytes.
    pub fn to_bytes(&self, step: f32) -> Result<Vec<u8>> {
        let mut raw = Vec::new();
        raw.extend_from_slice(MAGIC);
        raw.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        raw.extend_from_slice(&(N_LABELS as u32).to_le_bytes());
        raw.extend_from_slice(&step.to_le_bytes());
        write_weights(&mut raw, &self.weights, step);
        match &self.second {
            Some(w) => write_weights(&mut raw, w, step),
            None => raw.extend_from_slice(&0u32.to_le_bytes()),
        }
        let mut gaz: Vec<(u64, u32)> = self
            .gazetteer
            .entries
            .iter()
            .map(|(&k, &v)| (k, v))
            .collect();
        gaz.sort_unstable();
        raw.extend_from_slice(&(gaz.len() as u32).to_le_bytes());
        for (k, m) in gaz {
            raw.extend_from_slice(&k.to_le_bytes());
            raw.extend_from_slice(&m.to_le_bytes());
        }
        let mut cl: Vec<(u64, u32)> = self.clusters.iter().map(|(&k, &v)| (k, v)).collect();
        cl.sort_unstable();
        raw.extend_from_slice(&(cl.len() as u32).to_le_bytes());
        for (k, p) in cl {
            raw.extend_from_slice(&k.to_le_bytes());
            raw.extend_from_slice(&p.to_le_bytes());
        }
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        let io = |e| Error::Io {
            path: PathBuf::from("<model>"),
            source: e,
        };
        enc.write_all(&raw).map_err(io)?;
        enc.finish().map_err(io)
    }

    /// Writes the model file.
    pub fn save(&self, path: &Path, step: f32) -> Result<usize> {
        let bytes = self.to_bytes(step)?;
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| Error::Io {
                path: dir.to_path_buf(),
                source: e,
            })?;
        }
        std::fs::write(path, &bytes).map_err(|e| Error::Io {
            path: path.to_path_buf(),
            source: e,
        })?;
        Ok(bytes.len())
    }

    /// Reads a model from its compressed bytes (a model file); `origin` names it in errors.
    pub fn from_bytes(bytes: &[u8], origin: &Path) -> Result<Model> {
        let mut raw = Vec::new();
        flate2::read::GzDecoder::new(bytes)
            .read_to_end(&mut raw)
            .map_err(|e| Error::Read {
                path: origin.to_path_buf(),
                reason: format!("not a usable tagger model: {e}"),
            })?;
        Model::from_raw(&raw, origin)
    }

    /// Reads a model from the inflated bytes of a model file; `origin` names it in errors.
    pub fn from_raw(raw: &[u8], origin: &Path) -> Result<Model> {
        let bad = |reason: &str| Error::Read {
            path: origin.to_path_buf(),
            reason: format!("not a usable tagger model: {reason}"),
        };
        let mut c = ByteReader::new(raw);
        if c.take(6).ok_or_else(|| bad("truncated"))? != MAGIC {
            return Err(bad("wrong magic"));
        }
        let version = c.u16().ok_or_else(|| bad("truncated"))?;
        if version != FORMAT_VERSION {
            return Err(bad(&format!("format version {version}")));
        }
        let n_labels = c.u32().ok_or_else(|| bad("truncated"))? as usize;
        if n_labels != N_LABELS {
            return Err(bad(&format!("{n_labels} labels")));
        }
        let step = c.f32().ok_or_else(|| bad("truncated"))?;
        let weights = read_weights(&mut c, step).ok_or_else(|| bad("truncated weights"))?;
        let second = read_weights(&mut c, step).ok_or_else(|| bad("truncated weights"))?;
        let second = (!second.rows.is_empty()).then_some(second);
        let mut gazetteer = Gazetteer::default();
        let n = c.u32().ok_or_else(|| bad("truncated"))? as usize;
        gazetteer.entries.reserve(n.min(raw.len() / 10));
        for _ in 0..n {
            let k = c.u64().ok_or_else(|| bad("truncated"))?;
            let m = c.u32().ok_or_else(|| bad("truncated"))?;
            gazetteer.insert_raw(k, m);
        }
        let mut clusters = HashMap64::default();
        let n = c.u32().ok_or_else(|| bad("truncated"))? as usize;
        clusters.reserve(n.min(raw.len() / 12));
        for _ in 0..n {
            let k = c.u64().ok_or_else(|| bad("truncated"))?;
            let p = c.u32().ok_or_else(|| bad("truncated"))?;
            clusters.insert(k, p);
        }
        if !c.at_end() {
            return Err(bad("trailing bytes"));
        }
        Ok(Model::new(weights, second, gazetteer, clusters, step))
    }
}

/// Appends a weight table: rows with no weight left after quantisation are dropped.
fn write_weights(raw: &mut Vec<u8>, weights: &Weights, step: f32) {
    let mut keys: Vec<(u64, u32)> = weights.index.iter().map(|(&k, &v)| (k, v)).collect();
    keys.sort_unstable();
    let mut rows = Vec::new();
    for (k, r) in keys {
        let row = &weights.rows[r as usize];
        let q: Vec<(u8, i16)> = row
            .iter()
            .enumerate()
            .map(|(l, &w)| (l as u8, quantise(w, step)))
            .filter(|&(_, q)| q != 0)
            .collect();
        if !q.is_empty() {
            rows.push((k, q));
        }
    }
    raw.extend_from_slice(&(rows.len() as u32).to_le_bytes());
    for (k, q) in rows {
        raw.extend_from_slice(&k.to_le_bytes());
        raw.push(q.len() as u8);
        for (l, w) in q {
            raw.push(l);
            raw.extend_from_slice(&w.to_le_bytes());
        }
    }
}

fn read_weights(c: &mut ByteReader<'_>, step: f32) -> Option<Weights> {
    let n = c.u32()? as usize;
    let mut weights = Weights::default();
    let cap = n.min(c.remaining() / 9);
    weights.index.reserve(cap);
    weights.rows.reserve(cap);
    for _ in 0..n {
        let k = c.u64()?;
        let nnz = c.u8()?;
        let mut row = [0.0f32; N_LABELS];
        for _ in 0..nnz {
            let l = c.u8()? as usize;
            let q = c.u16()? as i16;
            *row.get_mut(l)? = f32::from(q) * step;
        }
        weights.index.insert(k, weights.rows.len() as u32);
        weights.rows.push(row);
    }
    Some(weights)
}
