//! The weights of the tagger, decoding, and the model file format.
//!
//! File format (gzip-compressed, little-endian): magic `NDXNER` + format version, the
//! number of labels, the quantisation step, then the feature rows (64-bit feature hash,
//! number of non-zero weights, and `(label, i16)` pairs), the gazetteer (phrase hash, list
//! mask) and the word clusters (word hash, bit path).

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use super::features::{self, HashMap64, History, Sentence, TokenInfo};
use super::gazetteer::Gazetteer;
use super::label::{Label, N_LABELS};
use crate::{Error, Result};

const MAGIC: &[u8; 6] = b"NDXNER";
const FORMAT_VERSION: u16 = 2;

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

/// The best label allowed after `prev`; at the end of a sentence an entity must be closed.
#[inline]
pub(crate) fn best_label(scores: &[f32; N_LABELS], prev: Option<Label>, last: bool) -> Label {
    let mut best = Label::O;
    let mut best_score = f32::NEG_INFINITY;
    for (i, &s) in scores.iter().enumerate() {
        let l = Label::from_index(i);
        if s > best_score && l.may_follow(prev) && !(last && l.is_open()) {
            best = l;
            best_score = s;
        }
    }
    best
}

/// Everything the tagger needs at run time.
#[derive(Debug, Default, Clone)]
pub(crate) struct Model {
    pub weights: Weights,
    pub gazetteer: Gazetteer,
    pub clusters: HashMap64<u32>,
}

impl Model {
    /// Token information of a sentence, gazetteer matches included.
    pub fn infos(&self, tokens: &[&str]) -> Vec<TokenInfo> {
        let mut infos = features::token_infos(tokens, &self.clusters);
        features::add_gazetteer(&mut infos, &self.gazetteer, None);
        infos
    }

    /// Greedy left-to-right decoding of one sentence; records the result in `history`.
    pub fn decode(&self, infos: &[TokenInfo], history: &mut History) -> Vec<Label> {
        let sent = Sentence::new(infos);
        let mut labels = Vec::with_capacity(infos.len());
        let mut feats = Vec::with_capacity(64);
        let mut scores = [0.0; N_LABELS];
        for i in 0..infos.len() {
            features::extract(&sent, i, &labels, history, &mut feats);
            self.weights.score(&feats, &mut scores);
            let prev = labels.last().copied();
            labels.push(best_label(&scores, prev, i + 1 == infos.len()));
        }
        history.record(infos, &labels);
        labels
    }

    /// Serialises the model, quantising weights with step `step`; returns the compressed bytes.
    pub fn to_bytes(&self, step: f32) -> Result<Vec<u8>> {
        let mut raw = Vec::new();
        raw.extend_from_slice(MAGIC);
        raw.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        raw.extend_from_slice(&(N_LABELS as u32).to_le_bytes());
        raw.extend_from_slice(&step.to_le_bytes());
        let mut keys: Vec<(u64, u32)> = self.weights.index.iter().map(|(&k, &v)| (k, v)).collect();
        keys.sort_unstable();
        let mut rows = Vec::new();
        for (k, r) in keys {
            let row = &self.weights.rows[r as usize];
            let q: Vec<(u8, i16)> = row
                .iter()
                .enumerate()
                .map(|(l, &w)| (l as u8, (w / step).round().clamp(-32767.0, 32767.0) as i16))
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
        let mut gaz: Vec<(u64, u16)> = self
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

    /// Reads a model from its compressed bytes; `origin` names it in errors.
    pub fn from_bytes(bytes: &[u8], origin: &Path) -> Result<Model> {
        let bad = |reason: &str| Error::Read {
            path: origin.to_path_buf(),
            reason: format!("not a usable tagger model: {reason}"),
        };
        let mut raw = Vec::new();
        flate2::read::GzDecoder::new(bytes)
            .read_to_end(&mut raw)
            .map_err(|e| bad(&e.to_string()))?;
        let mut c = Cursor { buf: &raw, pos: 0 };
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
        let n = c.u32().ok_or_else(|| bad("truncated"))? as usize;
        let mut weights = Weights::default();
        weights.index.reserve(n.min(raw.len() / 9));
        weights.rows.reserve(n.min(raw.len() / 9));
        for _ in 0..n {
            let k = c.u64().ok_or_else(|| bad("truncated"))?;
            let nnz = c.u8().ok_or_else(|| bad("truncated"))?;
            let mut row = [0.0f32; N_LABELS];
            for _ in 0..nnz {
                let l = c.u8().ok_or_else(|| bad("truncated"))? as usize;
                let q = c.u16().ok_or_else(|| bad("truncated"))? as i16;
                *row.get_mut(l).ok_or_else(|| bad("label out of range"))? = f32::from(q) * step;
            }
            weights.index.insert(k, weights.rows.len() as u32);
            weights.rows.push(row);
        }
        let mut gazetteer = Gazetteer::default();
        let n = c.u32().ok_or_else(|| bad("truncated"))? as usize;
        gazetteer.entries.reserve(n.min(raw.len() / 10));
        for _ in 0..n {
            let k = c.u64().ok_or_else(|| bad("truncated"))?;
            let m = c.u16().ok_or_else(|| bad("truncated"))?;
            gazetteer.entries.insert(k, m);
        }
        let mut clusters = HashMap64::default();
        let n = c.u32().ok_or_else(|| bad("truncated"))? as usize;
        clusters.reserve(n.min(raw.len() / 12));
        for _ in 0..n {
            let k = c.u64().ok_or_else(|| bad("truncated"))?;
            let p = c.u32().ok_or_else(|| bad("truncated"))?;
            clusters.insert(k, p);
        }
        if c.pos != raw.len() {
            return Err(bad("trailing bytes"));
        }
        Ok(Model {
            weights,
            gazetteer,
            clusters,
        })
    }
}

struct Cursor<'a> {
    buf: &'a [u8],
    pos: usize,
}

impl<'a> Cursor<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let s = self.buf.get(self.pos..self.pos.checked_add(n)?)?;
        self.pos += n;
        Some(s)
    }
    fn u8(&mut self) -> Option<u8> {
        self.take(1).map(|b| b[0])
    }
    fn u16(&mut self) -> Option<u16> {
        self.take(2)?.try_into().ok().map(u16::from_le_bytes)
    }
    fn u32(&mut self) -> Option<u32> {
        self.take(4)?.try_into().ok().map(u32::from_le_bytes)
    }
    fn f32(&mut self) -> Option<f32> {
        self.take(4)?.try_into().ok().map(f32::from_le_bytes)
    }
    fn u64(&mut self) -> Option<u64> {
        self.take(8)?.try_into().ok().map(u64::from_le_bytes)
    }
}
