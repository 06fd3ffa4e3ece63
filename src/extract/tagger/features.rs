//! Feature extraction for the tagger.
//!
//! Every feature is a 64-bit hash of a template id and one or more values; nothing is
//! allocated per feature. Per-token hashes (word, lowercase, shape, affixes) are computed
//! once per sentence and then combined for the context-window templates.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::gazetteer::{GazMatch, Gazetteer, N_GAZ};
use super::label::{Label, N_KINDS, N_LABELS};

/// A hasher for keys that are already 64-bit hashes: it passes them through.
#[derive(Default, Clone, Copy)]
pub(crate) struct IdentityHasher(u64);

impl Hasher for IdentityHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) ^ u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// A `HashMap` keyed by precomputed 64-bit hashes.
pub(crate) type HashMap64<V> = HashMap<u64, V, BuildHasherDefault<IdentityHasher>>;

/// Mixes a 64-bit value (splitmix64 finaliser).
#[inline]
pub(crate) fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// Combines two hashes in an order-dependent way.
#[inline]
pub(crate) fn combine(a: u64, b: u64) -> u64 {
    mix(a.rotate_left(23) ^ b.wrapping_mul(0x9e37_79b9_7f4a_7c15))
}

/// Hashes a string.
#[inline]
pub(crate) fn hash_str(s: &str) -> u64 {
    xxhash_rust::xxh3::xxh3_64(s.as_bytes())
}

/// Hash of the lowercase form of a token: the key of the gazetteer and document history.
pub(crate) fn lower_hash(word: &str) -> u64 {
    if word.is_ascii() {
        let mut buf = [0u8; 48];
        if word.len() <= buf.len() {
            for (d, s) in buf.iter_mut().zip(word.bytes()) {
                *d = s.to_ascii_lowercase();
            }
            return xxhash_rust::xxh3::xxh3_64(&buf[..word.len()]);
        }
    }
    hash_str(&word.to_lowercase())
}

// Feature templates. The numbers only have to be distinct.
const T_BIAS: u64 = 1;
const T_W: u64 = 2;
const T_LW: u64 = 3;
const T_SHAPE: u64 = 4;
const T_SSHAPE: u64 = 5;
const T_PRE: u64 = 6;
const T_SUF: u64 = 7;
const T_LW_M1: u64 = 8;
const T_LW_P1: u64 = 9;
const T_LW_M2: u64 = 10;
const T_LW_P2: u64 = 11;
const T_W_M1: u64 = 12;
const T_W_P1: u64 = 13;
const T_SH_M1: u64 = 14;
const T_SH_P1: u64 = 15;
const T_BI_M1: u64 = 16;
const T_BI_P1: u64 = 17;
const T_SH3: u64 = 18;
const T_FIRST: u64 = 19;
const T_FLAGS: u64 = 20;
const T_Y1: u64 = 21;
const T_GAZ: u64 = 25;
const T_GAZ_M1: u64 = 26;
const T_GAZ_P1: u64 = 27;
const T_HIST: u64 = 28;
const T_HIST_SH: u64 = 29;
const T_CAPS_SENT: u64 = 30;
const T_SUF_M1: u64 = 31;
const T_SUF_P1: u64 = 32;
const T_CLUSTER: u64 = 33;
const T_CLUSTER_M1: u64 = 34;
const T_CLUSTER_P1: u64 = 35;
const T_HIST_NOW: u64 = 36;
const T_SSH_M2: u64 = 37;
const T_SSH_P2: u64 = 38;
const T_DOC_ALONE: u64 = 39;
const T_DOC_KIND: u64 = 40;
const T_DOC_SHARE: u64 = 41;
const T_DOC_LABEL: u64 = 42;
const T_S1: u64 = 43;
const T_S1_M1: u64 = 44;
const T_S1_P1: u64 = 45;
const T_S1_SPAN: u64 = 46;

/// Token flags.
const F_INIT_CAP: u8 = 1;
const F_ALL_CAPS: u8 = 2;
const F_DIGIT: u8 = 4;
const F_HYPHEN: u8 = 8;
const F_PERIOD: u8 = 16;
const F_ALPHA: u8 = 32;

/// Precomputed per-token information that features across tokens read (the context, document
/// and gazetteer features); what only a token's own single-token features read is in its
/// [`WordForm`]. Kept small: the tagger copies one per token of a document.
#[derive(Debug, Clone, Default)]
pub(crate) struct TokenInfo {
    pub lw: u64,
    pub sshape: u64,
    pub flags: u8,
    pub gaz: [GazMatch; N_GAZ],
    pub cluster: [u64; 3],
    /// Whether the token has an uppercase or a caseless letter, i.e. may be (part of) a name
    /// (not a function word capitalised at a sentence start, see `SENTENCE_CAPITALS`).
    pub name_like: bool,
}

/// The parts of a token's information that only its single-token features
/// ([`push_lexical`]) read: the tagger sums those features once per word, so it keeps no form
/// per token.
#[derive(Debug, Clone, Default)]
pub(crate) struct WordForm {
    pub w: u64,
    pub shape: u64,
    pub pre: [u64; 4],
    pub suf: [u64; 4],
    pub n_affix: usize,
}

/// The token information and word forms of a sentence.
#[derive(Debug, Clone, Default)]
pub(crate) struct Tokens {
    pub infos: Vec<TokenInfo>,
    pub forms: Vec<WordForm>,
}

impl TokenInfo {
    /// Whether the token starts with an uppercase letter.
    pub fn is_cap(&self) -> bool {
        self.flags & F_INIT_CAP != 0
    }
}

/// Computes the per-token information of a sentence (without gazetteer matches).
pub(crate) fn token_infos(tokens: &[&str], clusters: &HashMap64<u32>) -> Tokens {
    let mut bufs = ShapeBuffers::default();
    let (infos, forms) = tokens
        .iter()
        .map(|&tok| token_info(tok, hash_str(tok), clusters, &mut bufs))
        .unzip();
    Tokens { infos, forms }
}

/// Scratch space for [`token_info`].
#[derive(Debug, Default)]
pub(crate) struct ShapeBuffers {
    shape: Vec<u8>,
    sshape: Vec<u8>,
}

/// Function words (lower case, sorted) that are written with a capital only because they
/// begin a sentence: such a word does not make itself or its neighbours name-like
/// ([`Reach`]). A name that begins with one ("The Hague") is still decoded whole, since
/// its other words are name-like.
const SENTENCE_CAPITALS: &[&str] = &[
    "a",
    "after",
    "also",
    "an",
    "and",
    "as",
    "at",
    "before",
    "but",
    "by",
    "for",
    "from",
    "he",
    "her",
    "his",
    "however",
    "i",
    "if",
    "in",
    "it",
    "its",
    "meanwhile",
    "of",
    "on",
    "or",
    "our",
    "she",
    "so",
    "that",
    "the",
    "their",
    "there",
    "these",
    "they",
    "this",
    "those",
    "to",
    "we",
    "when",
    "while",
    "with",
    "you",
];

/// Computes the information and the form of one token (without gazetteer matches); `w` is
/// [`hash_str`] of the token.
pub(crate) fn token_info(
    tok: &str,
    w: u64,
    clusters: &HashMap64<u32>,
    bufs: &mut ShapeBuffers,
) -> (TokenInfo, WordForm) {
    let mut info = TokenInfo::default();
    let mut form = WordForm {
        w,
        ..WordForm::default()
    };
    let ShapeBuffers { shape, sshape } = bufs;
    shape.clear();
    sshape.clear();
    let mut flags = 0u8;
    let mut all_upper = true;
    let mut any_alpha = false;
    let mut any_upper = false;
    for (i, c) in tok.chars().enumerate() {
        let s = if c.is_uppercase() {
            if i == 0 {
                flags |= F_INIT_CAP;
            }
            any_alpha = true;
            any_upper = true;
            b'X'
        } else if c.is_lowercase() {
            all_upper = false;
            any_alpha = true;
            b'x'
        } else if c.is_ascii_digit() {
            flags |= F_DIGIT;
            b'd'
        } else if c.is_alphabetic() {
            any_alpha = true;
            info.name_like = true;
            b'a'
        } else {
            match c {
                '-' => flags |= F_HYPHEN,
                '.' => flags |= F_PERIOD,
                _ => {}
            }
            if c.is_ascii() {
                c as u8
            } else {
                b'#'
            }
        };
        if shape.len() < 12 {
            shape.push(s);
        }
        if sshape.last() != Some(&s) {
            sshape.push(s);
        }
    }
    if any_alpha {
        flags |= F_ALPHA;
        if all_upper {
            flags |= F_ALL_CAPS;
        }
    }
    info.flags = flags;
    info.name_like |= any_upper;
    form.shape = xxhash_rust::xxh3::xxh3_64(shape);
    info.sshape = xxhash_rust::xxh3::xxh3_64(sshape);
    let lower;
    let lw: &str = if any_upper {
        lower = tok.to_lowercase();
        &lower
    } else {
        tok
    };
    info.lw = if any_upper { hash_str(lw) } else { w };
    // "The", "In", "He": capitalised because they start a sentence, not name-like.
    if flags & F_INIT_CAP != 0
        && tok.chars().skip(1).all(|c| !c.is_uppercase())
        && SENTENCE_CAPITALS.binary_search(&lw).is_ok()
    {
        info.name_like = false;
    }
    // Affixes of up to four characters, only for tokens long enough to have them.
    let n = lw.chars().count().saturating_sub(1).min(4);
    form.n_affix = n;
    for (k, (e, _)) in lw.char_indices().skip(1).take(n).enumerate() {
        form.pre[k] = hash_str(&lw[..e]);
    }
    for (k, (s, _)) in lw.char_indices().rev().take(n).enumerate() {
        form.suf[k] = hash_str(&lw[s..]);
    }
    if let Some(&packed) = clusters.get(&w) {
        // Three clusterings of increasing granularity, packed a byte or more each.
        for (k, slot) in info.cluster.iter_mut().enumerate() {
            let class = (packed >> (10 * k)) & 0x3ff;
            *slot = mix(((k as u64 + 1) << 32) | u64::from(class));
        }
    }
    (info, form)
}

/// Fills the gazetteer matches of a sentence.
pub(crate) fn add_gazetteer(
    infos: &mut [TokenInfo],
    gaz: &Gazetteer,
    exclude: Option<&HashMap64<u16>>,
) {
    add_gazetteer_from(infos, None, gaz, exclude);
}

/// [`add_gazetteer`], given each token's [`Gazetteer::word_entry`] when the caller keeps
/// them per word (the tagger's lexicon does).
pub(crate) fn add_gazetteer_from(
    infos: &mut [TokenInfo],
    first: Option<&[u32]>,
    gaz: &Gazetteer,
    exclude: Option<&HashMap64<u16>>,
) {
    let lws: Vec<u64> = infos.iter().map(|t| t.lw).collect();
    let matches = match first {
        Some(first) => gaz.matches_from(&lws, first, exclude),
        None => gaz.matches(&lws, exclude),
    };
    for (info, m) in infos.iter_mut().zip(matches) {
        info.gaz = m;
    }
}

/// Document-level memory: how earlier capitalised occurrences of a word were tagged.
#[derive(Debug, Default)]
pub(crate) struct History {
    counts: HashMap64<[u16; N_KINDS + 1]>,
}

impl History {
    /// Records the labels of a tagged sentence.
    pub fn record(&mut self, infos: &[TokenInfo], labels: &[Label]) {
        for (info, label) in infos.iter().zip(labels) {
            if info.is_cap() {
                let slot = label.kind().map_or(0, |k| k as usize + 1);
                let e = self.counts.entry(info.lw).or_default();
                e[slot] = e[slot].saturating_add(1);
            }
        }
    }

    /// Forgets everything (keeps the memory, for the next document).
    pub fn clear(&mut self) {
        self.counts.clear();
    }

    /// The most frequent earlier type of a word (0 = outside), if it was seen.
    fn majority(&self, lw: u64) -> Option<usize> {
        let c = self.counts.get(&lw)?;
        // Prefer an entity type over "outside" when both were seen.
        let best_ent = (1..=N_KINDS).max_by_key(|&k| c[k]).filter(|&k| c[k] > 0);
        Some(best_ent.unwrap_or(0))
    }
}

/// Whole-document evidence from the first-stage tagger: how every capitalised occurrence of
/// each word was labelled anywhere in the document (later occurrences included).
#[derive(Debug, Default)]
pub(crate) struct DocContext {
    counts: HashMap64<[u16; N_LABELS]>,
}

impl DocContext {
    /// Builds the context from the first-stage labels of every sentence of a document.
    pub fn new<'a>(sentences: impl IntoIterator<Item = (&'a [TokenInfo], &'a [Label])>) -> Self {
        let mut ctx = DocContext::default();
        ctx.fill(sentences);
        ctx
    }

    /// [`DocContext::new`] in place: forgets the previous document, keeps the memory.
    pub fn fill<'a>(
        &mut self,
        sentences: impl IntoIterator<Item = (&'a [TokenInfo], &'a [Label])>,
    ) {
        self.counts.clear();
        for (infos, labels) in sentences {
            for (info, label) in infos.iter().zip(labels) {
                if info.is_cap() {
                    let e = self.counts.entry(info.lw).or_insert([0; N_LABELS]);
                    e[label.index()] = e[label.index()].saturating_add(1);
                }
            }
        }
    }

    /// Pushes the document features of a token whose own first-stage label was `own`.
    fn push(&self, info: &TokenInfo, own: Label, out: &mut Vec<u64>) {
        if !info.is_cap() {
            return;
        }
        let Some(c) = self.counts.get(&info.lw) else {
            return;
        };
        let mut kinds = [0u32; N_KINDS + 1];
        let mut labels = *c;
        labels[own.index()] = labels[own.index()].saturating_sub(1);
        for (l, &n) in labels.iter().enumerate() {
            let k = Label::from_index(l).kind().map_or(0, |k| k as usize + 1);
            kinds[k] += u32::from(n);
        }
        let total: u32 = kinds.iter().sum();
        if total == 0 {
            out.push(combine(T_DOC_ALONE, 1));
            return;
        }
        for (k, &n) in kinds.iter().enumerate() {
            if n > 0 {
                let share = (n * 4 / total).min(3);
                out.push(combine(T_DOC_KIND, k as u64));
                out.push(combine(T_DOC_SHARE, (k as u64) << 8 | u64::from(share)));
            }
        }
        if let Some((best, _)) = labels.iter().enumerate().max_by_key(|&(_, n)| *n) {
            out.push(combine(T_DOC_LABEL, best as u64));
        }
    }
}

/// How far from a name-like token (one with an uppercase or caseless letter) the tagger
/// decodes. Entities are capitalised words and the lowercase words between or just before
/// them ("Bank of the West", "Edwin van der Sar", "de Gaulle"): every such lowercase word is
/// next to a capitalised one, so a token further than this from every name-like token is
/// labelled `O` without being scored. With the model of session 3, `eng.testa` scored the
/// same to the last entity as with every token decoded, and 2 of 445 BBC articles differed
/// (a lone "van den" before a surname, a garbled "America&#" no longer an organisation);
/// training decodes the same way, so the shipped model is trained for it.
pub(crate) const REACH: usize = 1;

/// What decoding needs of a token (see [`REACH`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Reach {
    /// Within [`REACH`] of a name-like token: scored, any label.
    Free,
    /// Not free, next to a free token: its label is fixed to `O`, but it bounds a stretch
    /// of free tokens in decoding.
    Edge,
    /// Neither: labelled `O`, never scored.
    Far,
}

/// The [`Reach`] of every token of a sentence, into `out`.
pub(crate) fn reach(infos: &[TokenInfo], out: &mut Vec<Reach>) {
    let n = infos.len();
    out.clear();
    out.resize(n, Reach::Far);
    for (i, info) in infos.iter().enumerate() {
        if info.name_like {
            for r in &mut out[i.saturating_sub(REACH)..(i + REACH + 1).min(n)] {
                *r = Reach::Free;
            }
        }
    }
    for i in 0..n {
        if out[i] == Reach::Far
            && ((i > 0 && out[i - 1] == Reach::Free) || out.get(i + 1) == Some(&Reach::Free))
        {
            out[i] = Reach::Edge;
        }
    }
}

/// Sentence-level context for feature extraction.
pub(crate) struct Sentence<'a> {
    pub infos: &'a [TokenInfo],
    /// The word forms, for [`extract_local`]; empty when only [`extract_context`] and
    /// [`extract_document`] are used (the tagger takes single-token features from its
    /// lexicon).
    pub forms: &'a [WordForm],
    pub all_caps: bool,
}

impl<'a> Sentence<'a> {
    /// Wraps the token information of a sentence, without word forms.
    pub fn new(infos: &'a [TokenInfo]) -> Self {
        Sentence::with_forms(infos, &[])
    }

    /// Wraps the token information and word forms of a sentence.
    pub fn with_forms(infos: &'a [TokenInfo], forms: &'a [WordForm]) -> Self {
        let alpha = infos.iter().filter(|t| t.flags & F_ALPHA != 0).count();
        let caps = infos.iter().filter(|t| t.flags & F_ALL_CAPS != 0).count();
        Sentence {
            infos,
            forms,
            all_caps: alpha >= 2 && caps * 10 >= alpha * 8,
        }
    }
}

const PAD_M: u64 = 0x5eed_0001;
const PAD_P: u64 = 0x5eed_0002;

/// The feature of a label transition: weights of this row score the next label.
pub(crate) fn transition_feature(prev: Option<Label>) -> u64 {
    combine(T_Y1, prev.map_or(100, |l| l.index() as u64))
}

/// Pushes the feature hashes of token `i` (label transitions are scored separately).
pub(crate) fn extract(
    sent: &Sentence<'_>,
    i: usize,
    history: &History,
    stage2: Option<(&DocContext, &[Label])>,
    out: &mut Vec<u64>,
) {
    out.clear();
    extract_local(sent, i, out);
    extract_document(sent, i, history, stage2, out);
}

/// The number of positions a single token's features are seen from: the token itself and
/// its neighbours at -1, -2, +1 and +2.
pub(crate) const N_SLOTS: usize = 5;
/// The token being scored.
pub(crate) const OWN: usize = 0;
/// The token one to the left of the scored one.
const PREV: usize = 1;
/// The token two to the left.
const PREV2: usize = 2;
/// The token one to the right.
const NEXT: usize = 3;
/// The token two to the right.
const NEXT2: usize = 4;

/// The most features [`push_lexical`] or [`push_padding`] push for one slot.
pub(crate) const MAX_LEXICAL: usize = 16;

/// The index of the token that sits in `slot` relative to token `i` of a sentence of `n`
/// tokens, if there is one.
#[inline]
pub(crate) fn neighbour(i: usize, n: usize, slot: usize) -> Option<usize> {
    let j = match slot {
        OWN => Some(i),
        PREV => i.checked_sub(1),
        PREV2 => i.checked_sub(2),
        NEXT => Some(i + 1),
        NEXT2 => Some(i + 2),
        _ => None,
    };
    j.filter(|&j| j < n)
}

/// Pushes the features that token `x` (of form `f`) contributes to the token it is in `slot`
/// of: they depend on `x` alone, so a word's weights per slot can be summed once and reused.
pub(crate) fn push_lexical(x: &TokenInfo, f: &WordForm, slot: usize, out: &mut Vec<u64>) {
    match slot {
        OWN => {
            out.push(combine(T_W, f.w));
            out.push(combine(T_LW, x.lw));
            out.push(combine(T_SHAPE, f.shape));
            out.push(combine(T_SSHAPE, x.sshape));
            for k in 0..f.n_affix {
                out.push(combine(T_PRE, f.pre[k]));
                out.push(combine(T_SUF, f.suf[k]));
            }
            out.push(combine(T_FLAGS, u64::from(x.flags)));
            for k in 0..3 {
                if x.cluster[k] != 0 {
                    out.push(combine(T_CLUSTER, x.cluster[k]));
                }
            }
        }
        PREV | NEXT => {
            let prev = slot == PREV;
            let t = |a, b| if prev { a } else { b };
            out.push(combine(t(T_LW_M1, T_LW_P1), x.lw));
            out.push(combine(t(T_W_M1, T_W_P1), f.w));
            out.push(combine(t(T_SH_M1, T_SH_P1), x.sshape));
            if f.n_affix >= 3 {
                out.push(combine(t(T_SUF_M1, T_SUF_P1), f.suf[2]));
            }
            if x.cluster[1] != 0 {
                out.push(combine(t(T_CLUSTER_M1, T_CLUSTER_P1), x.cluster[1]));
            }
        }
        PREV2 => {
            out.push(combine(T_LW_M2, x.lw));
            out.push(combine(T_SSH_M2, x.sshape));
        }
        NEXT2 => {
            out.push(combine(T_LW_P2, x.lw));
            out.push(combine(T_SSH_P2, x.sshape));
        }
        _ => {}
    }
}

/// Pushes the features of a neighbour slot that falls outside the sentence.
pub(crate) fn push_padding(slot: usize, out: &mut Vec<u64>) {
    match slot {
        PREV => {
            out.push(combine(T_LW_M1, PAD_M));
            out.push(combine(T_W_M1, PAD_M));
            out.push(combine(T_SH_M1, PAD_M));
        }
        NEXT => {
            out.push(combine(T_LW_P1, PAD_P));
            out.push(combine(T_W_P1, PAD_P));
            out.push(combine(T_SH_P1, PAD_P));
        }
        PREV2 => {
            out.push(combine(T_LW_M2, PAD_M));
            out.push(combine(T_SSH_M2, PAD_M));
        }
        NEXT2 => {
            out.push(combine(T_LW_P2, PAD_P));
            out.push(combine(T_SSH_P2, PAD_P));
        }
        _ => {}
    }
}

/// Pushes the features of token `i` that depend on the sentence only.
pub(crate) fn extract_local(sent: &Sentence<'_>, i: usize, out: &mut Vec<u64>) {
    extract_context(sent, i, out);
    for slot in 0..N_SLOTS {
        match neighbour(i, sent.infos.len(), slot) {
            Some(j) => push_lexical(&sent.infos[j], &sent.forms[j], slot, out),
            None => push_padding(slot, out),
        }
    }
}

/// Pushes the features of token `i` that combine several tokens or the sentence: everything
/// of [`extract_local`] but the single-token features of [`push_lexical`] and
/// [`push_padding`].
pub(crate) fn extract_context(sent: &Sentence<'_>, i: usize, out: &mut Vec<u64>) {
    let t = sent.infos;
    let cur = &t[i];
    let m1 = i.checked_sub(1).map(|j| &t[j]);
    let p1 = t.get(i + 1);
    let lw = |x: Option<&TokenInfo>, pad| x.map_or(pad, |x| x.lw);
    let sh = |x: Option<&TokenInfo>, pad| x.map_or(pad, |x| x.sshape);
    let caps = u64::from(sent.all_caps);

    out.push(T_BIAS);
    out.push(combine(T_CAPS_SENT, combine(cur.sshape, caps)));
    out.push(combine(T_BI_M1, combine(lw(m1, PAD_M), cur.lw)));
    out.push(combine(T_BI_P1, combine(cur.lw, lw(p1, PAD_P))));
    out.push(combine(
        T_SH3,
        combine(combine(sh(m1, PAD_M), cur.sshape), sh(p1, PAD_P)),
    ));
    out.push(combine(T_FIRST, combine(u64::from(i == 0), cur.sshape)));

    // Gazetteers.
    let cap = u64::from(cur.is_cap());
    for c in 0..N_GAZ {
        if cur.gaz[c] != GazMatch::None {
            out.push(combine(
                T_GAZ,
                combine((c as u64) << 8 | cur.gaz[c] as u64, cap),
            ));
        }
        if let Some(x) = m1 {
            if x.gaz[c] != GazMatch::None {
                out.push(combine(T_GAZ_M1, (c as u64) << 8 | x.gaz[c] as u64));
            }
        }
        if let Some(x) = p1 {
            if x.gaz[c] != GazMatch::None {
                out.push(combine(T_GAZ_P1, (c as u64) << 8 | x.gaz[c] as u64));
            }
        }
    }
}

/// Pushes the features of token `i` that depend on the rest of the document: how earlier
/// occurrences were tagged, and (second stage) the first stage's labels.
pub(crate) fn extract_document(
    sent: &Sentence<'_>,
    i: usize,
    history: &History,
    stage2: Option<(&DocContext, &[Label])>,
    out: &mut Vec<u64>,
) {
    let cur = &sent.infos[i];
    // Document history.
    if cur.is_cap() {
        if let Some(k) = history.majority(cur.lw) {
            out.push(combine(T_HIST, k as u64));
            out.push(combine(T_HIST_SH, combine(k as u64, cur.sshape)));
            out.push(combine(T_HIST_NOW, combine(k as u64, u64::from(i == 0))));
        }
    }

    // Second stage: the first stage's labels here and around, and across the document.
    if let Some((doc, s1)) = stage2 {
        let own = s1.get(i).copied().unwrap_or(Label::O);
        out.push(combine(T_S1, own.index() as u64));
        let m = i
            .checked_sub(1)
            .and_then(|j| s1.get(j))
            .map_or(100, |l| l.index() as u64);
        let p = s1.get(i + 1).map_or(100, |l| l.index() as u64);
        out.push(combine(T_S1_M1, m));
        out.push(combine(T_S1_P1, p));
        out.push(combine(
            T_S1_SPAN,
            combine(m, combine(own.index() as u64, p)),
        ));
        doc.push(cur, own, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reach_of(text: &str) -> String {
        let toks: Vec<&str> = text.split(' ').collect();
        let infos = token_infos(&toks, &HashMap64::default());
        let mut out = Vec::new();
        reach(&infos.infos, &mut out);
        out.iter()
            .map(|r| match r {
                Reach::Free => 'F',
                Reach::Edge => 'e',
                Reach::Far => '.',
            })
            .collect()
    }

    #[test]
    fn only_tokens_next_to_name_like_ones_are_decoded() {
        // Capitalised words and their neighbours are free; the next ones bound the stretch.
        assert_eq!(
            reach_of("profits at the Bank of the West rose by a third , analysts said"),
            ".eFFFFFFe....."
        );
        assert_eq!(reach_of("Edwin van der Sar saved"), "FFFFF");
        assert_eq!(reach_of("prices rose 3 % in the year to june"), ".........");
        // Stretches that share an edge token, and caseless scripts count as name-like.
        assert_eq!(
            reach_of("Blair and then also Brown met 東京 today"),
            "FFeFFFFF"
        );
        let mut out = vec![Reach::Free];
        reach(&[], &mut out);
        assert!(out.is_empty());
        // A function word capitalised at the start of a sentence is not name-like; one in a
        // name is still decoded with it, and capitals elsewhere ("IT", "US") stay name-like.
        assert_eq!(reach_of("The company said it would"), ".....");
        assert_eq!(reach_of("The Hague said"), "FFF");
        assert_eq!(reach_of("In IT and US markets"), "FFFFF");
    }
}
