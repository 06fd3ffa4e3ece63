//! Word clusters learnt from unlabelled text with the exchange algorithm.
//!
//! The exchange algorithm (Kneser & Ney 1993; Martin, Liermann & Ney 1998) maximises the
//! likelihood of a class bigram model: each word in turn moves to the class that most
//! increases `sum N(c1,c2) log N(c1,c2) - 2 sum N(c) log N(c)`. It yields flat classes, so the
//! tagger uses several clusterings of different granularity where Brown clusters would offer
//! prefixes of one hierarchy.

use std::collections::HashMap;
use std::path::Path;

use crate::extract::token::tokenize;
use crate::{Error, Result};

/// Cluster granularities (number of classes) learnt by [`learn`].
pub const GRANULARITIES: [usize; 3] = [32, 128, 512];

/// Word → class of each clustering (indices into [`GRANULARITIES`]).
pub type Clusters = HashMap<String, [u16; 3]>;

#[inline]
fn xlogx(x: f64) -> f64 {
    if x > 0.0 {
        x * x.ln()
    } else {
        0.0
    }
}

/// The unlabelled text of a corpus path: a folder (every `.txt` file in it), a JSON Lines
/// file (the `text` field of each line) or a plain text file.
pub fn read_corpus(path: &Path, out: &mut Vec<String>) -> Result<()> {
    let io = |p: &Path, e| Error::Io {
        path: p.to_path_buf(),
        source: e,
    };
    if path.is_dir() {
        let mut files: Vec<_> = walkdir::WalkDir::new(path)
            .into_iter()
            .filter_map(|e| e.ok())
            .filter(|e| e.path().extension().is_some_and(|x| x == "txt"))
            .map(|e| e.into_path())
            .collect();
        files.sort();
        for f in files {
            let bytes = std::fs::read(&f).map_err(|e| io(&f, e))?;
            out.push(String::from_utf8_lossy(&bytes).into_owned());
        }
    } else if path.extension().is_some_and(|x| x == "jsonl") {
        let text = std::fs::read_to_string(path).map_err(|e| io(path, e))?;
        for line in text.lines() {
            if let Ok(v) = serde_json::from_str::<serde_json::Value>(line) {
                if let Some(t) = v.get("text").and_then(|t| t.as_str()) {
                    out.push(t.to_string());
                }
            }
        }
    } else {
        let bytes = std::fs::read(path).map_err(|e| io(path, e))?;
        out.push(String::from_utf8_lossy(&bytes).into_owned());
    }
    Ok(())
}

/// Learns clusterings of the words that occur at least `min_count` times in `texts`, at each
/// of the [`GRANULARITIES`], with `iterations` exchange passes each.
pub fn learn(texts: &[String], min_count: u32, iterations: usize) -> Clusters {
    learn_at(texts, min_count, iterations, &GRANULARITIES)
}

/// [`learn`] with the given granularities (at most three).
fn learn_at(
    texts: &[String],
    min_count: u32,
    iterations: usize,
    granularities: &[usize],
) -> Clusters {
    // Vocabulary, with rare words mapped to one "rare" word (id 0) and documents separated by
    // a boundary word (id 1).
    let mut counts: HashMap<&str, u32> = HashMap::new();
    let tokenized: Vec<Vec<&str>> = texts
        .iter()
        .map(|t| tokenize(t).into_iter().map(|t| t.text).collect())
        .collect();
    for doc in &tokenized {
        for &w in doc {
            *counts.entry(w).or_default() += 1;
        }
    }
    let mut words: Vec<(&str, u32)> = counts
        .into_iter()
        .filter(|&(_, n)| n >= min_count)
        .collect();
    words.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let ids: HashMap<&str, u32> = words
        .iter()
        .enumerate()
        .map(|(i, &(w, _))| (w, i as u32 + 2))
        .collect();
    let n_words = words.len() + 2;
    let mut bigrams: HashMap<(u32, u32), u32> = HashMap::new();
    for doc in &tokenized {
        let mut prev = 1u32;
        for &w in doc {
            let id = ids.get(w).copied().unwrap_or(0);
            *bigrams.entry((prev, id)).or_default() += 1;
            prev = id;
        }
        *bigrams.entry((prev, 1)).or_default() += 1;
    }
    let mut unigram = vec![0f64; n_words];
    let mut left: Vec<Vec<(u32, f64)>> = vec![Vec::new(); n_words];
    let mut right: Vec<Vec<(u32, f64)>> = vec![Vec::new(); n_words];
    let mut selfloop = vec![0f64; n_words];
    for (&(a, b), &n) in &bigrams {
        let n = f64::from(n);
        unigram[a as usize] += n;
        if a == b {
            selfloop[a as usize] += n;
        } else {
            right[a as usize].push((b, n));
            left[b as usize].push((a, n));
        }
    }
    for l in left.iter_mut().chain(right.iter_mut()) {
        l.sort_unstable_by_key(|&(w, _)| w);
    }

    let mut out: Clusters = HashMap::new();
    for (g, &n_classes) in granularities.iter().enumerate().take(3) {
        let classes = exchange(&unigram, &left, &right, &selfloop, n_classes, iterations);
        for (i, &(w, _)) in words.iter().enumerate() {
            out.entry(w.to_string()).or_insert([0; 3])[g] = classes[i + 2] as u16;
        }
    }
    out
}

/// The exchange algorithm proper: returns each word's class.
fn exchange(
    unigram: &[f64],
    left: &[Vec<(u32, f64)>],
    right: &[Vec<(u32, f64)>],
    selfloop: &[f64],
    n_classes: usize,
    iterations: usize,
) -> Vec<usize> {
    let n_words = unigram.len();
    let c = n_classes;
    // Initial classes: by frequency rank, round robin (ids are in frequency order).
    let mut class: Vec<usize> = (0..n_words).map(|w| w % c).collect();
    let mut nc = vec![0f64; c];
    let mut ncc = vec![0f64; c * c];
    for w in 0..n_words {
        nc[class[w]] += unigram[w];
        ncc[class[w] * c + class[w]] += selfloop[w];
        for &(v, n) in &right[w] {
            ncc[class[w] * c + class[v as usize]] += n;
        }
    }
    let mut lc = vec![0f64; c];
    let mut rc = vec![0f64; c];
    let mut l_touched: Vec<usize> = Vec::new();
    let mut r_touched: Vec<usize> = Vec::new();
    for _ in 0..iterations {
        let mut moved = 0usize;
        for w in 0..n_words {
            // Context class counts of w.
            for &t in &l_touched {
                lc[t] = 0.0;
            }
            for &t in &r_touched {
                rc[t] = 0.0;
            }
            l_touched.clear();
            r_touched.clear();
            for &(u, n) in &left[w] {
                let k = class[u as usize];
                if lc[k] == 0.0 {
                    l_touched.push(k);
                }
                lc[k] += n;
            }
            for &(v, n) in &right[w] {
                let k = class[v as usize];
                if rc[k] == 0.0 {
                    r_touched.push(k);
                }
                rc[k] += n;
            }
            let s = selfloop[w];
            let nw = unigram[w];
            // Take w out of its class.
            let a = class[w];
            for &k in &l_touched {
                ncc[k * c + a] -= lc[k];
            }
            for &k in &r_touched {
                ncc[a * c + k] -= rc[k];
            }
            ncc[a * c + a] -= s;
            nc[a] -= nw;
            // The best class to put it in.
            let mut best = a;
            let mut best_gain = f64::NEG_INFINITY;
            for b in 0..c {
                let mut gain = 0.0;
                for &k in &l_touched {
                    if k != b {
                        let x = ncc[k * c + b];
                        gain += xlogx(x + lc[k]) - xlogx(x);
                    }
                }
                for &k in &r_touched {
                    if k != b {
                        let x = ncc[b * c + k];
                        gain += xlogx(x + rc[k]) - xlogx(x);
                    }
                }
                let bb = ncc[b * c + b];
                gain += xlogx(bb + lc[b] + rc[b] + s) - xlogx(bb);
                gain -= 2.0 * (xlogx(nc[b] + nw) - xlogx(nc[b]));
                if gain > best_gain + 1e-9 || (b == a && gain >= best_gain - 1e-9) {
                    best_gain = gain;
                    best = b;
                }
            }
            if best != a {
                moved += 1;
            }
            for &k in &l_touched {
                ncc[k * c + best] += lc[k];
            }
            for &k in &r_touched {
                ncc[best * c + k] += rc[k];
            }
            ncc[best * c + best] += s;
            nc[best] += nw;
            class[w] = best;
        }
        if moved == 0 {
            break;
        }
    }
    class
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_in_the_same_contexts_share_a_class() {
        let mut texts = Vec::new();
        for i in 0..200 {
            let day = ["Monday", "Tuesday", "Friday"][i % 3];
            let city = ["Paris", "London", "Tokyo"][i % 3];
            texts.push(format!(
                "He arrived in {city} on {day} . She left {city} on {day} ."
            ));
        }
        let cl = learn_at(&texts, 3, 10, &[5]);
        let g = 0;
        assert_eq!(cl["Monday"][g], cl["Friday"][g]);
        assert_eq!(cl["Paris"][g], cl["Tokyo"][g]);
        assert_ne!(cl["Paris"][g], cl["Monday"][g]);
    }
}
