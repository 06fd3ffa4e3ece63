//! The stored fields of an article, packed into one zstd frame per document.
//!
//! tantivy compresses its document store in blocks of many documents, so showing one hit
//! decompresses the whole block around it: on a Reuters index that was about a third of the
//! time of a search that prints 10 hits. Here each article is compressed on its own, with
//! a dictionary trained on the index's own articles by the first `index` run that has enough
//! of them (see [`train`]); tantivy stores the frames as they are. A hit then costs the decompression of
//! its own few kilobytes, and the store is smaller than with blocks, because the dictionary
//! holds what articles of one corpus share (BENCHMARKS.md, "Session 12").
//!
//! The dictionary lives in the index directory as [`DICT_FILE`]. Frames record the id of
//! the dictionary they need (none for an index too small to train one), so an index that
//! gets its dictionary later still reads the documents stored before.

use crate::document::{StoredAmount, StoredEntities, StoredName, StoredPlace};
use rustc_hash::FxHashMap as HashMap;
use std::cell::RefCell;
use std::sync::{Arc, OnceLock};
use zstd_safe::{CCtx, CDict, DCtx, DDict};

/// The index directory's dictionary file (a leading dot: tantivy leaves it alone).
pub const DICT_FILE: &str = ".newsdex-store.dict";

/// zstd level of the frames: with a dictionary, level 3 stores Reuters in 0.42 of its size
/// and compresses at about 80 MB/s a core; level 7 saves 2 % more at a quarter of the speed.
const LEVEL: i32 = 3;

/// Largest dictionary trained, in bytes.
const DICT_BYTES: usize = 64 * 1024;

/// Training stops reading samples past this many bytes of headline, body and path. zstd
/// advises about 100 times the dictionary's size; 2 MiB (32 times) trains in about 50 ms,
/// and stores Reuters 0.4 % and BBC 1.0 % smaller than 1 MiB does.
pub const SAMPLE_BYTES: usize = 2 << 20;

/// Fewest sample bytes (encoded records) worth training on. Below this the corpus is small
/// enough that its size does not matter, and a dictionary trained on so little would stay
/// the index's for good, however large it grows: a later run with more articles trains it.
const MIN_SAMPLE_BYTES: usize = 512 * 1024;

/// Version of the record layout, the first byte of every decompressed record. Version 2
/// ends with [`CHECKSUM_BYTES`] of checksum; version 1 (newsdex before it) had none and is
/// still read.
const RECORD_VERSION: u8 = 2;

/// The checksum that ends a record: the low 32 bits of the xxh3 hash of the bytes before
/// it. zstd decodes a frame damaged in its literals to other text without an error, and
/// neither our frames nor tantivy's store said otherwise. Now `search` lists such an article
/// as unreadable, by its file, and `show` refuses it (4 bytes an article: 0.3 % of a Reuters
/// index).
const CHECKSUM_BYTES: usize = 4;

fn checksum(bytes: &[u8]) -> [u8; CHECKSUM_BYTES] {
    (xxhash_rust::xxh3::xxh3_64(bytes) as u32).to_le_bytes()
}

/// Largest record accepted when reading back (a damaged frame could claim any size). An
/// article is at most the size of its file (`--max-file-size`, 50 MB unless raised).
const MAX_RECORD_BYTES: u64 = 1 << 30;

/// The stored fields of one article.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Record {
    /// Article id.
    pub id: String,
    /// Path of the file it came from.
    pub file: String,
    /// Headline.
    pub title: String,
    /// Body text.
    pub body: String,
    /// Publication, when the input names it.
    pub source: Option<String>,
    /// Address of the article.
    pub url: Option<String>,
    /// Authors.
    pub authors: Vec<String>,
    /// The article's entities, for display.
    pub entities: StoredEntities,
}

impl Record {
    /// The record of an article read from `file`, with its entities for display.
    pub fn from_article(article: &crate::Article, file: &str, entities: StoredEntities) -> Record {
        Record {
            id: article.id.clone(),
            file: file.to_string(),
            title: article.title.clone(),
            body: article.body.clone(),
            source: article.source.clone(),
            url: article.url.clone(),
            authors: article.authors.clone(),
            entities,
        }
    }

    /// The uncompressed bytes of the record, its checksum last.
    fn encode(&self, out: &mut Vec<u8>) {
        self.encode_unsealed(out);
        let sum = checksum(out);
        out.extend_from_slice(&sum);
    }

    /// The uncompressed bytes of the record without its checksum.
    fn encode_unsealed(&self, out: &mut Vec<u8>) {
        out.clear();
        out.push(RECORD_VERSION);
        self.encode_fields(out);
    }

    /// Appends the fields (the record without its version and checksum).
    fn encode_fields(&self, out: &mut Vec<u8>) {
        for s in [&self.id, &self.file, &self.title, &self.body] {
            put_str(out, s);
        }
        for s in [&self.source, &self.url] {
            match s {
                Some(s) => {
                    put_len(out, s.len() + 1);
                    out.extend_from_slice(s.as_bytes());
                }
                None => put_len(out, 0),
            }
        }
        put_len(out, self.authors.len());
        for a in &self.authors {
            put_str(out, a);
        }
        put_entities(out, &self.entities);
    }

    /// Reads a record from its uncompressed bytes.
    #[cfg(test)]
    fn decode(bytes: &[u8]) -> Result<Record, String> {
        Record::decode_with(bytes, Detail::All)
    }

    /// Reads a record from its uncompressed bytes, with the entities' forms and place paths
    /// left empty unless `detail` is [`Detail::All`].
    fn decode_with(bytes: &[u8], detail: Detail) -> Result<Record, String> {
        let fields = match bytes.first() {
            None => return Err("record ends early".into()),
            Some(1) => &bytes[1..],
            Some(&RECORD_VERSION) => {
                let Some(at) = bytes.len().checked_sub(CHECKSUM_BYTES).filter(|&at| at > 0) else {
                    return Err("record ends early".into());
                };
                if bytes[at..] != checksum(&bytes[..at]) {
                    return Err("its checksum does not match".into());
                }
                &bytes[1..at]
            }
            Some(v) => return Err(format!("record version {v} is not one this newsdex reads")),
        };
        let mut r = Reader {
            bytes: fields,
            at: 0,
            copied: 0,
            detail,
        };
        let (id, file, title, body) = (r.str()?, r.str()?, r.str()?, r.str()?);
        let mut opt = || -> Result<Option<String>, String> {
            match r.len()? {
                0 => Ok(None),
                n => r.take(n - 1).map(Some),
            }
        };
        let (source, url) = (opt()?, opt()?);
        let n = r.len()?;
        let mut authors = Vec::with_capacity(n.min(64));
        for _ in 0..n {
            authors.push(r.str()?);
        }
        let entities = r.entities()?;
        if r.at != fields.len() {
            return Err("trailing bytes after the record".into());
        }
        Ok(Record {
            id,
            file,
            title,
            body,
            source,
            url,
            authors,
            entities,
        })
    }
}

/// Appends the entities. Names, forms and place paths repeat (a place's country is the
/// path of the next place too, a form is often the name): each distinct string is written
/// once and then referred to by number.
fn put_entities(out: &mut Vec<u8>, e: &StoredEntities) {
    let mut seen: HashMap<&str, usize> = HashMap::default();
    // A string: `2 × length` then its bytes the first time, `2 × number + 1` after (so an
    // empty string is 0, which also stands for "none" where a string is optional).
    fn put<'a>(out: &mut Vec<u8>, s: &'a str, seen: &mut HashMap<&'a str, usize>) {
        match seen.get(s) {
            Some(&i) => put_len(out, 2 * i + 1),
            None => {
                put_len(out, 2 * s.len());
                out.extend_from_slice(s.as_bytes());
                let n = seen.len();
                seen.insert(s, n);
            }
        }
    }
    // An optional string as a string with a leading `_` (absent: the empty string).
    let put_marked = |out: &mut Vec<u8>, s: &Option<String>| match s {
        Some(s) => {
            put_len(out, s.len() + 1);
            out.push(b'_');
            out.extend_from_slice(s.as_bytes());
        }
        None => put_len(out, 0),
    };
    for names in [&e.persons, &e.orgs] {
        put_len(out, names.len());
        for n in names {
            put(out, &n.name, &mut seen);
            put_len(out, n.forms.len());
            for f in &n.forms {
                put(out, f, &mut seen);
            }
            put_len(out, n.mentions);
        }
    }
    put_len(out, e.places.len());
    for p in &e.places {
        put(out, &p.name, &mut seen);
        // 0 is no kind (an empty kind, which newsdex never writes, reads back as none).
        match p.kind.as_deref() {
            Some(k) if !k.is_empty() => put(out, k, &mut seen),
            _ => put_len(out, 0),
        }
        put_len(out, p.path.len());
        for part in &p.path {
            put(out, part, &mut seen);
        }
        put_len(out, p.mentions);
    }
    put_len(out, e.amounts.len());
    for a in &e.amounts {
        put_str(out, &a.text);
        out.extend_from_slice(&a.value.to_le_bytes());
        let flags = u8::from(a.value_high.is_some()) | u8::from(a.base_value.is_some()) << 1;
        out.push(flags);
        for v in [a.value_high, a.base_value].into_iter().flatten() {
            out.extend_from_slice(&v.to_le_bytes());
        }
        put_str(out, &a.currency);
        put_marked(out, &a.qualifier);
        put_marked(out, &a.per_unit);
    }
}

/// Appends a length as a LEB128 varint.
fn put_len(out: &mut Vec<u8>, mut n: usize) {
    while n >= 0x80 {
        out.push((n as u8) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

fn put_str(out: &mut Vec<u8>, s: &str) {
    put_len(out, s.len());
    out.extend_from_slice(s.as_bytes());
}

/// How much of a record's entities [`Packer::unpack_with`] reads back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Detail {
    /// Everything.
    All,
    /// Names, kinds, mention counts and amounts, without the forms of persons and
    /// organisations or the hierarchy of places: what a search hit shows. Making a `String`
    /// of every form and path part was a third of reading a hit's entities back. (The strings
    /// read past still have to be text, but they no longer count towards the bound on copies
    /// that refuses a forged record, since they are not copied.)
    Names,
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
    /// Bytes of entity strings produced so far (see [`Reader::shared_tagged`]).
    copied: usize,
    detail: Detail,
}

impl<'a> Reader<'a> {
    fn byte(&mut self) -> Result<u8, String> {
        let b = *self.bytes.get(self.at).ok_or("record ends early")?;
        self.at += 1;
        Ok(b)
    }

    fn len(&mut self) -> Result<usize, String> {
        let mut n: usize = 0;
        for shift in (0..usize::BITS).step_by(7) {
            let b = self.byte()?;
            n |= usize::from(b & 0x7f) << shift;
            if b < 0x80 {
                return Ok(n);
            }
        }
        Err("length too long".into())
    }

    fn take(&mut self, n: usize) -> Result<String, String> {
        self.take_str(n).map(str::to_string)
    }

    /// The next `n` bytes as text, borrowed from the record.
    fn take_str(&mut self, n: usize) -> Result<&'a str, String> {
        let bytes: &'a [u8] = self.bytes;
        let end = self.at.checked_add(n).filter(|&e| e <= bytes.len());
        let end = end.ok_or("record ends early")?;
        let s = std::str::from_utf8(&bytes[self.at..end])
            .map_err(|_| "text is not UTF-8".to_string())?;
        self.at = end;
        Ok(s)
    }

    fn str(&mut self) -> Result<String, String> {
        let n = self.len()?;
        self.take(n)
    }

    fn f64(&mut self) -> Result<f64, String> {
        let end = self.at + 8;
        let b = self.bytes.get(self.at..end).ok_or("record ends early")?;
        self.at = end;
        Ok(f64::from_le_bytes(b.try_into().expect("8 bytes")))
    }

    /// A string of [`put_entities`]: new, or one seen before.
    fn shared(&mut self, seen: &mut Vec<&'a str>) -> Result<String, String> {
        let tag = self.len()?;
        self.shared_tagged(tag, seen)
    }

    /// [`Reader::shared`] once its tag is read.
    fn shared_tagged(&mut self, tag: usize, seen: &mut Vec<&'a str>) -> Result<String, String> {
        let s = self.shared_ref(tag, seen)?.to_string();
        // Each reference copies a string: a damaged or forged record of many references to
        // a long string must not make gigabytes of copies. What newsdex writes stays far
        // below this (an article's places repeat short country and continent names).
        self.copied = self.copied.saturating_add(s.len());
        let budget = self.bytes.len().saturating_mul(16).saturating_add(64 << 10);
        if self.copied > budget {
            return Err("entity names repeat more than a record can hold".into());
        }
        Ok(s)
    }

    /// The string a tag of [`put_entities`] stands for, borrowed from the record.
    fn shared_ref(&mut self, tag: usize, seen: &mut Vec<&'a str>) -> Result<&'a str, String> {
        if tag % 2 == 1 {
            seen.get(tag / 2)
                .copied()
                .ok_or_else(|| "reference to a string not seen".to_string())
        } else {
            let s = self.take_str(tag / 2)?;
            seen.push(s);
            Ok(s)
        }
    }

    /// `n` strings of [`put_entities`] as a list, or read past and left out unless
    /// everything is wanted.
    fn shared_list(&mut self, seen: &mut Vec<&'a str>) -> Result<Vec<String>, String> {
        let n = self.count()?;
        if self.detail == Detail::All {
            (0..n).map(|_| self.shared(seen)).collect()
        } else {
            for _ in 0..n {
                let tag = self.len()?;
                self.shared_ref(tag, seen)?;
            }
            Ok(Vec::new())
        }
    }

    /// An optional string written with a leading `_` (absent: empty).
    fn marked(&mut self) -> Result<Option<String>, String> {
        let mut s = self.str()?;
        Ok(s.starts_with('_').then(|| {
            s.remove(0);
            s
        }))
    }

    /// A count of items, each at least one byte long.
    fn count(&mut self) -> Result<usize, String> {
        let n = self.len()?;
        if n > self.bytes.len() - self.at {
            return Err("count larger than the record".into());
        }
        Ok(n)
    }

    fn entities(&mut self) -> Result<StoredEntities, String> {
        let mut seen = Vec::new();
        let mut e = StoredEntities::default();
        for names in [&mut e.persons, &mut e.orgs] {
            for _ in 0..self.count()? {
                let name = self.shared(&mut seen)?;
                let forms = self.shared_list(&mut seen)?;
                let mentions = self.len()?;
                names.push(StoredName {
                    name,
                    forms,
                    mentions,
                });
            }
        }
        for _ in 0..self.count()? {
            let name = self.shared(&mut seen)?;
            let kind = match self.len()? {
                0 => None,
                tag => Some(self.shared_tagged(tag, &mut seen)?),
            };
            let path = self.shared_list(&mut seen)?;
            let mentions = self.len()?;
            e.places.push(StoredPlace {
                name,
                kind,
                path,
                mentions,
            });
        }
        for _ in 0..self.count()? {
            let text = self.str()?;
            let value = self.f64()?;
            let flags = self.byte()?;
            let value_high = if flags & 1 != 0 {
                Some(self.f64()?)
            } else {
                None
            };
            let base_value = if flags & 2 != 0 {
                Some(self.f64()?)
            } else {
                None
            };
            let currency = self.str()?;
            let qualifier = self.marked()?;
            let per_unit = self.marked()?;
            e.amounts.push(StoredAmount {
                text,
                value,
                value_high,
                currency,
                base_value,
                qualifier,
                per_unit,
            });
        }
        Ok(e)
    }
}

/// A trained dictionary, prepared for decompressing when it is read, and for compressing on
/// first use: preparing it to compress was 8 % of the instructions of a `newsdex search` on
/// Reuters (10 hits, four facets), which never compresses (BENCHMARKS.md, "Session 18:
/// search latency").
pub struct Dict {
    /// The dictionary as stored in [`DICT_FILE`].
    pub bytes: Vec<u8>,
    id: u32,
    cdict: OnceLock<CDict<'static>>,
    ddict: DDict<'static>,
}

impl std::fmt::Debug for Dict {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Dict")
            .field("id", &self.id)
            .field("bytes", &self.bytes.len())
            .finish()
    }
}

impl Dict {
    /// Prepares a dictionary read from [`DICT_FILE`] for decompressing; an error if it is
    /// not a zstd dictionary or zstd cannot load it (a damaged header).
    pub fn new(bytes: Vec<u8>) -> Result<Dict, String> {
        let damaged = "the store dictionary is damaged";
        let id = zstd_safe::get_dict_id_from_dict(&bytes)
            .ok_or(format!("{damaged} (no dictionary id)"))?
            .get();
        let ddict = DDict::try_create(&bytes).ok_or(format!("{damaged} (zstd cannot load it)"))?;
        Ok(Dict {
            id,
            cdict: OnceLock::new(),
            ddict,
            bytes,
        })
    }

    /// The dictionary prepared for compressing, on first use. zstd loaded the same bytes
    /// for decompressing in [`Dict::new`], so only a failed allocation can fail here.
    fn cdict(&self) -> &CDict<'static> {
        self.cdict.get_or_init(|| {
            CDict::try_create(&self.bytes, LEVEL)
                .expect("zstd could not prepare the store dictionary for compressing")
        })
    }

    /// The dictionary id frames compressed with it carry.
    pub fn id(&self) -> u32 {
        self.id
    }
}

/// Trains a dictionary on sample records; `None` when the samples are too few to be worth
/// it or zstd's trainer gives up.
pub fn train(samples: &[Record]) -> Option<Vec<u8>> {
    let mut buf = Vec::new();
    let mut joined = Vec::new();
    let mut sizes = Vec::with_capacity(samples.len());
    for r in samples {
        // Without the checksum, which is noise to the trainer.
        r.encode_unsealed(&mut buf);
        joined.extend_from_slice(&buf);
        sizes.push(buf.len());
    }
    if joined.len() < MIN_SAMPLE_BYTES {
        return None;
    }
    let n_samples = u32::try_from(sizes.len()).ok()?;
    // zstd's fastCover trainer with fixed parameters. Its plain entry point
    // (`ZDICT_trainFromBuffer`) tries four segment sizes `k` and keeps the best, which took
    // 0.2–0.3 s on this machine, on the critical path of a first index. On the Reuters and
    // BBC articles k = 200 (d = 8, f = 18) stores them within 0.02 % of what the search
    // finds (k = 537 and 50), in 50 ms (BENCHMARKS.md, "Session 12").
    // Zero is zstd's default for the others (one thread, dictionary id chosen at random).
    let params = zstd_sys::ZDICT_fastCover_params_t {
        k: 200,
        d: 8,
        f: 18,
        steps: 0,
        nbThreads: 0,
        splitPoint: 0.0,
        accel: 1,
        shrinkDict: 0,
        shrinkDictMaxRegression: 0,
        zParams: zstd_sys::ZDICT_params_t {
            compressionLevel: 0,
            notificationLevel: 0,
            dictID: 0,
        },
    };
    let mut dict: Vec<u8> = Vec::with_capacity(DICT_BYTES);
    // SAFETY: the dictionary buffer has room for DICT_BYTES bytes; `joined` holds exactly
    // the samples whose sizes `sizes` lists (n_samples of them); zstd writes at most
    // DICT_BYTES bytes and returns how many, or an error code.
    let written = unsafe {
        zstd_sys::ZDICT_trainFromBuffer_fastCover(
            dict.as_mut_ptr().cast(),
            DICT_BYTES,
            joined.as_ptr().cast(),
            sizes.as_ptr(),
            n_samples,
            params,
        )
    };
    // SAFETY: a pure function of the returned code.
    if unsafe { zstd_sys::ZDICT_isError(written) } != 0 || written > DICT_BYTES {
        return None;
    }
    // SAFETY: zstd initialised the first `written` bytes, within the capacity.
    unsafe { dict.set_len(written) };
    Some(dict)
}

/// Why a stored record could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UnpackError {
    /// The frame needs a dictionary other than the one at hand (the index got its
    /// dictionary after this reader loaded it).
    NeedsDict(u32),
    /// The bytes are not a record.
    Damaged(String),
}

impl std::fmt::Display for UnpackError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            UnpackError::NeedsDict(id) => write!(
                f,
                "a stored article needs store dictionary {id}, which the index directory does \
                 not hold ({DICT_FILE} is missing or was replaced)"
            ),
            UnpackError::Damaged(why) => write!(f, "a stored article is damaged: {why}"),
        }
    }
}

thread_local! {
    /// Each thread's compression context, its record buffer and its decompression context:
    /// making a context costs more than compressing a short article.
    static CCTX: RefCell<(Option<CCtx<'static>>, Vec<u8>)> = const { RefCell::new((None, Vec::new())) };
    static DCTX: RefCell<Option<DCtx<'static>>> = const { RefCell::new(None) };
}

/// Packs and unpacks records, with the index's dictionary when it has one.
#[derive(Debug, Clone, Default)]
pub struct Packer {
    dict: Option<Arc<Dict>>,
}

impl Packer {
    /// A packer using `dict` (none: frames without a dictionary).
    pub fn new(dict: Option<Arc<Dict>>) -> Packer {
        Packer { dict }
    }

    /// The dictionary, if any.
    pub fn dict(&self) -> Option<&Arc<Dict>> {
        self.dict.as_ref()
    }

    /// The compressed frame of a record.
    pub fn pack(&self, record: &Record) -> Vec<u8> {
        CCTX.with(|cell| {
            let mut cell = cell.borrow_mut();
            let (cctx, buf) = &mut *cell;
            record.encode(buf);
            let cctx = cctx.get_or_insert_with(CCtx::create);
            let mut out = Vec::with_capacity(zstd_safe::compress_bound(buf.len()));
            let res = match &self.dict {
                Some(d) => cctx.compress_using_cdict(&mut out, buf, d.cdict()),
                None => cctx.compress(&mut out, buf, LEVEL),
            };
            // The output buffer has the bound's room, so zstd cannot run out of it; a
            // context left in a bad state by some other error is dropped.
            if res.is_err() {
                *cell = (None, Vec::new());
                panic!("zstd failed to compress a record: {res:?}");
            }
            out
        })
    }

    /// Reads a record back from its frame.
    pub fn unpack(&self, frame: &[u8]) -> Result<Record, UnpackError> {
        self.unpack_with(frame, Detail::All)
    }

    /// [`Packer::unpack`], reading back as much of the entities as `detail` says.
    pub fn unpack_with(&self, frame: &[u8], detail: Detail) -> Result<Record, UnpackError> {
        let damaged = |why: &str| UnpackError::Damaged(why.to_string());
        let size = zstd_safe::get_frame_content_size(frame)
            .map_err(|_| damaged("not a zstd frame"))?
            .ok_or_else(|| damaged("frame without its size"))?;
        if size > MAX_RECORD_BYTES {
            return Err(damaged("frame claims an impossible size"));
        }
        let wanted = zstd_safe::get_dict_id_from_frame(frame).map(|id| id.get());
        let dict = match (wanted, &self.dict) {
            (None, _) => None,
            (Some(id), Some(d)) if d.id == id => Some(d),
            (Some(id), _) => return Err(UnpackError::NeedsDict(id)),
        };
        let mut out = Vec::with_capacity(size as usize);
        DCTX.with(|cell| {
            let mut cell = cell.borrow_mut();
            let dctx = cell.get_or_insert_with(DCtx::create);
            let res = match dict {
                Some(d) => dctx.decompress_using_ddict(&mut out, frame, &d.ddict),
                None => dctx.decompress(&mut out, frame),
            };
            if res.is_err() {
                *cell = None;
            }
            res.map_err(|code| damaged(zstd_safe::get_error_name(code)))
        })?;
        Record::decode_with(&out, detail).map_err(UnpackError::Damaged)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Entities with every kind of value: shared strings, absent kinds, ranges.
    fn entities(i: usize) -> StoredEntities {
        let name = |n: &str, forms: &[&str], mentions| StoredName {
            name: n.into(),
            forms: forms.iter().map(|f| f.to_string()).collect(),
            mentions,
        };
        StoredEntities {
            persons: vec![name("Tony Blair", &["Blair", "Tony Blair"], i)],
            orgs: vec![name("Barclays", &["Barclays"], 1), name("FTSE", &[], 0)],
            places: vec![
                StoredPlace {
                    name: "London".into(),
                    kind: Some("city".into()),
                    path: ["Europe", "United Kingdom", "England", "London"]
                        .map(String::from)
                        .to_vec(),
                    mentions: 2,
                },
                StoredPlace {
                    name: "England".into(),
                    kind: Some("region".into()),
                    path: ["Europe", "United Kingdom", "England"]
                        .map(String::from)
                        .to_vec(),
                    mentions: 1,
                },
                StoredPlace {
                    name: "Narnia".into(),
                    ..StoredPlace::default()
                },
            ],
            amounts: vec![
                StoredAmount {
                    text: format!("£{i}bn"),
                    value: i as f64 * 1e9,
                    currency: "GBP".into(),
                    base_value: Some(i as f64 * 1.3e9),
                    ..StoredAmount::default()
                },
                StoredAmount {
                    text: "between $2 and $3 a barrel".into(),
                    value: 2.0,
                    value_high: Some(3.0),
                    currency: "USD".into(),
                    qualifier: Some(String::new()),
                    per_unit: Some("barrel".into()),
                    ..StoredAmount::default()
                },
            ],
        }
    }

    fn record(i: usize) -> Record {
        Record {
            id: format!("/corpus/news/{i:05}.txt"),
            file: format!("/corpus/news/{i:05}.txt"),
            title: format!("Markets rise for the {i}th day"),
            body: format!(
                "Shares in London rose on {i} March as investors bought banks, said analysts at \
                 Barclays. The FTSE 100 index gained {} points to close at a record high.",
                i % 97
            ),
            source: i.is_multiple_of(2).then(|| "Reuters".to_string()),
            url: None,
            authors: (0..i % 3).map(|a| format!("Author {a}")).collect(),
            entities: entities(i),
        }
    }

    #[test]
    fn records_come_back_as_packed_with_and_without_a_dictionary() {
        let samples: Vec<Record> = (0..3000).map(record).collect();
        let dict = Dict::new(train(&samples).expect("enough samples")).unwrap();
        let with = Packer::new(Some(Arc::new(dict)));
        let without = Packer::default();
        for i in [0, 1, 2, 2999, 5000] {
            let r = record(i);
            assert_eq!(with.unpack(&with.pack(&r)).unwrap(), r);
            assert_eq!(without.unpack(&without.pack(&r)).unwrap(), r);
            // A packer with the dictionary reads frames made without one.
            assert_eq!(with.unpack(&without.pack(&r)).unwrap(), r);
        }
        // The dictionary is what makes a short record small.
        let r = record(7);
        assert!(with.pack(&r).len() * 2 < without.pack(&r).len());
        // A frame that needs the dictionary is refused by a packer without it.
        let id = with.dict().unwrap().id();
        assert_eq!(
            without.unpack(&with.pack(&r)),
            Err(UnpackError::NeedsDict(id))
        );
    }

    /// Names only: the record less the forms and place paths, whose strings later names
    /// still refer back to ("England" is a path part before it is a place's name).
    #[test]
    fn names_only_is_the_record_without_forms_and_paths() {
        let p = Packer::default();
        for i in [0, 1, 2, 7] {
            let r = record(i);
            let mut names = r.clone();
            for n in names
                .entities
                .persons
                .iter_mut()
                .chain(&mut names.entities.orgs)
            {
                n.forms.clear();
            }
            for place in &mut names.entities.places {
                place.path.clear();
            }
            assert_ne!(names, r);
            assert_eq!(p.unpack_with(&p.pack(&r), Detail::Names).unwrap(), names);
        }
    }

    #[test]
    fn empty_fields_unicode_and_long_texts_survive() {
        let p = Packer::default();
        let r = Record {
            body: "é".repeat(100_000),
            title: "Zürich – 東京".into(),
            source: Some(String::new()),
            ..Record::default()
        };
        assert_eq!(p.unpack(&p.pack(&r)).unwrap(), r);
    }

    #[test]
    fn damaged_frames_are_errors_not_panics() {
        let p = Packer::default();
        let frame = p.pack(&record(3));
        assert!(matches!(p.unpack(b""), Err(UnpackError::Damaged(_))));
        assert!(matches!(
            p.unpack(b"not zstd at all"),
            Err(UnpackError::Damaged(_))
        ));
        assert!(matches!(
            p.unpack(&frame[..frame.len() - 3]),
            Err(UnpackError::Damaged(_))
        ));
        // A record whose lengths run past its end (version 1, which has no checksum to
        // stop it first).
        let mut bytes = vec![1u8];
        record(3).encode_fields(&mut bytes);
        bytes.truncate(bytes.len() - 1);
        assert_eq!(Record::decode(&bytes).unwrap_err(), "record ends early");
        assert!(Record::decode(&[9]).is_err());
        // Version 2 records too short to hold their checksum, or nothing but it.
        for short in [&[2u8][..], &[2, 0, 0, 0], &[2, 0, 0, 0, 0], &[]] {
            assert!(Record::decode(short).is_err(), "{short:?}");
        }
        // A forged record: one long person name, then a million references to it.
        let mut forged = vec![RECORD_VERSION];
        Record::default().encode_fields(&mut forged);
        forged.truncate(forged.len() - 4); // the four empty entity counts
        put_len(&mut forged, 1); // one person
        put_len(&mut forged, 2 * 100_000);
        forged.extend(std::iter::repeat_n(b'x', 100_000));
        put_len(&mut forged, 1_000_000); // forms: references to string 0
        forged.extend(std::iter::repeat_n(1u8, 1_000_000));
        put_len(&mut forged, 1);
        for _ in 0..3 {
            put_len(&mut forged, 0);
        }
        let sum = checksum(&forged);
        forged.extend_from_slice(&sum);
        let err = Record::decode(&forged).unwrap_err();
        assert!(err.contains("repeat"), "{err}");
    }

    #[test]
    fn a_damaged_record_fails_its_checksum() {
        let r = record(5);
        let mut bytes = Vec::new();
        r.encode(&mut bytes);
        assert_eq!(Record::decode(&bytes).unwrap(), r);
        // One letter of the body changed: the record still parses, but is not what was
        // stored.
        let at = bytes.len() / 2;
        bytes[at] ^= 0x01;
        let err = Record::decode(&bytes).unwrap_err();
        assert!(err.contains("checksum"), "{err}");
        // Every single-bit flip in a compressed frame is an error or changes nothing.
        let p = Packer::default();
        let frame = p.pack(&r);
        let mut silent = 0;
        for i in 0..frame.len() {
            for bit in 0..8 {
                let mut f = frame.clone();
                f[i] ^= 1 << bit;
                match p.unpack(&f) {
                    Ok(got) if got != r => silent += 1,
                    _ => {}
                }
            }
        }
        assert_eq!(silent, 0, "damaged frames read back as other text");
    }

    #[test]
    fn records_without_a_checksum_are_still_read() {
        // Version 1, as newsdex wrote it before records had a checksum.
        let r = record(4);
        let mut bytes = vec![1u8];
        r.encode_fields(&mut bytes);
        assert_eq!(Record::decode(&bytes).unwrap(), r);
        // And from its frame, as an older index holds it.
        let mut frame = Vec::with_capacity(zstd_safe::compress_bound(bytes.len()));
        zstd_safe::compress(&mut frame, &bytes, LEVEL).unwrap();
        assert_eq!(Packer::default().unpack(&frame).unwrap(), r);
    }

    #[test]
    fn too_few_samples_train_no_dictionary() {
        let samples: Vec<Record> = (0..10).map(record).collect();
        assert!(train(&samples).is_none());
    }
}
