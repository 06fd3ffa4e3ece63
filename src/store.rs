//! The index directory: opening or creating it, the writer, and the manifest of indexed files.
//!
//! The manifest lives inside the index: every document carries the size, mtime, hash and
//! extractor version of its file, and each commit's payload records the roots and the
//! extractor version. Documents and manifest are committed together, so a crash can never
//! leave them disagreeing.

use crate::bytes::ByteReader;
use crate::document::FileState;
use crate::pack::{Detail, Dict, Packer, Record, UnpackError, DICT_FILE};
use crate::schema::{register_tokenizers, Fields};
use crate::{Error, Result};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant, SystemTime};
use tantivy::directory::MmapDirectory;
use tantivy::index::SegmentId;
use tantivy::schema::Value;
use tantivy::store::StoreReader;
use tantivy::{
    DocAddress, Index, IndexReader, IndexWriter, ReloadPolicy, Searcher, TantivyDocument, Term,
};

/// File in the index directory naming the process that holds the writer lock.
pub const PID_FILE: &str = "newsdex-writer.pid";

/// What each commit records besides the documents.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Meta {
    /// Format version of this payload.
    pub version: u32,
    /// Absolute paths of every root that was indexed into this index.
    pub roots: Vec<String>,
    /// Extractor version of the last complete run.
    pub extractor_version: u64,
    /// Whether the last run finished (false while a run is in progress).
    pub complete: bool,
}

/// One indexed file in the manifest.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileEntry {
    /// Size and mtime when indexed (the hash is not read back for speed).
    pub state: FileState,
    /// Extractor version that produced its documents.
    pub extractor: u64,
    /// Number of live documents from this file.
    pub docs: u64,
}

/// An open newsdex index.
pub struct Store {
    /// The tantivy index.
    pub index: Index,
    /// Field handles.
    pub fields: Fields,
    /// Directory of the index.
    pub path: PathBuf,
    /// The reader of the last [`Store::reader`] call and the `meta.json` it saw.
    reader: Mutex<Option<SeenReader>>,
    /// Decoded facet columns of the reader's current segments (see `search`).
    pub(crate) facet_tables: crate::search::TableCache,
    /// Packs and unpacks the stored fields, with the index's dictionary once it has one.
    packer: RwLock<Packer>,
    /// A document store reader for each segment a search has shown hits from (see
    /// [`Store::hit`]).
    store_readers: Mutex<StoreReaders>,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("path", &self.path).finish()
    }
}

impl Store {
    /// Opens an existing index; a clear error if there is none.
    pub fn open(path: &Path) -> Result<Store> {
        if !path.join("meta.json").exists() {
            return Err(Error::Index(format!(
                "no index at {}: create one with `newsdex index DIR` (or point --index / NEWSDEX_INDEX at it)",
                path.display()
            )));
        }
        let dir = MmapDirectory::open(path)
            .map_err(|e| Error::Index(format!("{}: {e}", path.display())))?;
        let index = Index::open(dir)?;
        Self::wrap(index, path)
    }

    /// Opens the index at `path`, creating the directory and an empty index if needed.
    pub fn open_or_create(path: &Path) -> Result<Store> {
        if path.join("meta.json").exists() {
            return Self::open(path);
        }
        // A directory holding only tantivy's bookkeeping files is an index whose creation
        // was interrupted (say by a kill before its first meta.json): create it again.
        let leftover = |e: std::io::Result<std::fs::DirEntry>| {
            e.ok().is_some_and(|e| {
                let name = e.file_name();
                let name = name.to_string_lossy();
                matches!(
                    name.as_ref(),
                    ".managed.json"
                        | ".tantivy-meta.lock"
                        | ".tantivy-writer.lock"
                        | PID_FILE
                        | DICT_FILE
                ) || name.starts_with(".tmp")
            })
        };
        if path.exists()
            && path
                .read_dir()
                .map(|mut d| !d.all(leftover))
                .unwrap_or(true)
        {
            return Err(Error::Index(format!(
                "{} exists and is not a newsdex index; choose another --index path",
                path.display()
            )));
        }
        std::fs::create_dir_all(path).map_err(|source| Error::Io {
            path: path.to_owned(),
            source,
        })?;
        Self::create(path)
    }

    /// Creates an empty index in the existing directory `path`.
    fn create(path: &Path) -> Result<Store> {
        let (schema, _) = Fields::build();
        let dir = MmapDirectory::open(path)
            .map_err(|e| Error::Index(format!("{}: {e}", path.display())))?;
        let index = Index::create(dir, schema, index_settings())?;
        Self::wrap(index, path)
    }

    /// Opens the index at `path` for `newsdex index --full`: as [`Store::open_or_create`],
    /// except that an index made by a newsdex with another schema or store format is
    /// replaced by a new, empty one (its documents could not be read anyway).
    pub fn open_or_replace(path: &Path) -> Result<Store> {
        match Self::open_or_create(path) {
            Err(Error::Format(_)) => {}
            other => return other,
        }
        // Hold the old index's writer lock while its files go, so that a run still
        // writing to it is not pulled from under.
        let old = Index::open(
            MmapDirectory::open(path)
                .map_err(|e| Error::Index(format!("{}: {e}", path.display())))?,
        )?;
        let lock = old
            .writer_with_num_threads::<TantivyDocument>(1, 15_000_000)
            .map_err(|e| match e {
                tantivy::TantivyError::LockFailure(..) => Error::Locked(format!(
                    "another process is writing to {}; wait for it to finish",
                    path.display()
                )),
                other => Error::Tantivy(other),
            })?;
        let io = |source| Error::Io {
            path: path.to_owned(),
            source,
        };
        for entry in std::fs::read_dir(path).map_err(io)? {
            let entry = entry.map_err(io)?;
            let name = entry.file_name();
            let name = name.to_string_lossy();
            // The index's own files: tantivy's segment files, the dictionary and the pid
            // file; the lock files stay.
            if segment_id(&name).is_some()
                || matches!(name.as_ref(), ".managed.json" | DICT_FILE | PID_FILE)
            {
                std::fs::remove_file(entry.path()).map_err(io)?;
            }
        }
        // `meta.json` stays until creating the new index replaces it (atomically): a run
        // killed before then leaves an index that still opens as the old format, which a
        // second `--full` takes up again.
        let store = Self::create(path);
        drop(lock);
        drop(old);
        store
    }

    /// An index in memory, for tests and examples.
    pub fn in_ram() -> Store {
        let (schema, _) = Fields::build();
        let index = Index::builder()
            .schema(schema)
            .settings(index_settings())
            .create_in_ram()
            .expect("an index in memory");
        Self::wrap(index, Path::new(IN_RAM_PATH)).expect("the schema is newsdex's own")
    }

    fn wrap(index: Index, path: &Path) -> Result<Store> {
        register_tokenizers(index.tokenizers());
        let fields = Fields::of(&index)?;
        let dict = read_dict(&index, path)?;
        Ok(Store {
            index,
            fields,
            path: path.to_owned(),
            reader: Mutex::new(None),
            facet_tables: Default::default(),
            store_readers: Mutex::new(StoreReaders::default()),
            packer: RwLock::new(Packer::new(dict)),
        })
    }

    /// The packer of stored fields (cheap to clone: the dictionary is shared).
    pub fn packer(&self) -> Packer {
        self.packer
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// Gives the index its store dictionary, trained on `samples` (a few thousand of the
    /// articles about to be indexed), unless it has one already; written before any document
    /// that uses it is committed. Too few samples train none: documents are then compressed
    /// one by one without it, and a later run with more articles tries again.
    ///
    /// Called with the writer lock held (`_lock`), it checks the index directory itself: a
    /// dictionary another run wrote since this store was opened is taken, never replaced
    /// (documents stored with it could not be read otherwise).
    pub fn ensure_dict(&self, _lock: &Writer, samples: impl FnOnce() -> Vec<Record>) -> Result<()> {
        if self.packer().dict().is_some() {
            return Ok(());
        }
        if let Some(dict) = read_dict(&self.index, &self.path)? {
            self.set_packer(Packer::new(Some(dict)));
            return Ok(());
        }
        let Some(bytes) = crate::pack::train(&samples()) else {
            return Ok(());
        };
        let dict = Dict::new(bytes).map_err(Error::Index)?;
        tantivy::Directory::atomic_write(self.index.directory(), Path::new(DICT_FILE), &dict.bytes)
            .map_err(|source| Error::Io {
                path: self.path.join(DICT_FILE),
                source,
            })?;
        self.set_packer(Packer::new(Some(Arc::new(dict))));
        Ok(())
    }

    fn set_packer(&self, packer: Packer) {
        *self.packer.write().unwrap_or_else(|e| e.into_inner()) = packer;
    }

    /// The stored fields of a document read from this index.
    pub fn record(&self, doc: &TantivyDocument) -> Result<Record> {
        self.record_with(doc, Detail::All)
    }

    /// [`Store::record`], with as much of the entities as `detail` says.
    fn record_with(&self, doc: &TantivyDocument, detail: Detail) -> Result<Record> {
        let frame = doc
            .get_first(self.fields.stored)
            .and_then(|v| v.as_bytes())
            .ok_or_else(|| Error::Index("a document has no stored fields".into()))?;
        self.unpack(frame, detail)
    }

    fn unpack(&self, frame: &[u8], detail: Detail) -> Result<Record> {
        let unpacked = match self.packer().unpack_with(frame, detail) {
            // The index got its dictionary after this store was opened (another process
            // indexed into it): load it and try again.
            Err(UnpackError::NeedsDict(_)) => {
                let packer = Packer::new(read_dict(&self.index, &self.path)?);
                let r = packer.unpack_with(frame, detail);
                self.set_packer(packer);
                r
            }
            other => other,
        };
        unpacked.map_err(|e| Error::Index(e.to_string()))
    }

    /// What a search hit shows of a document: its record ([`Detail::Names`]) and its date
    /// (`YYYY-MM-DD`).
    ///
    /// The document's bytes are read from tantivy's store and only the two fields wanted
    /// are picked out of them ([`stored_fields`]), where `searcher.doc` built a whole
    /// `TantivyDocument` and copied the record one byte at a time. With the entities read by
    /// name only, that took a tenth off the instructions of a broad search with 10 hits and
    /// no facets (BENCHMARKS.md, "Session 18: search latency"). Bytes that do not read as
    /// expected take the old road still.
    pub(crate) fn hit(
        &self,
        searcher: &Searcher,
        addr: DocAddress,
    ) -> Result<(Record, Option<String>)> {
        let raw = self
            .store_reader(searcher, addr.segment_ord)?
            .get_document_bytes(addr.doc_id)?;
        match stored_fields(&raw, &self.fields) {
            Some((frame, date)) => Ok((
                self.unpack(frame, Detail::Names)?,
                date.and_then(crate::document::date_string),
            )),
            None => {
                let doc = searcher.doc::<TantivyDocument>(addr)?;
                let record = self.record_with(&doc, Detail::Names)?;
                Ok((record, crate::document::date_of(&doc, &self.fields)))
            }
        }
    }

    /// The document store reader of the searcher's segment `ord`, opened on first use and
    /// kept, with its cache of blocks, for later searches. Readers are kept for the segments
    /// of the last two searchers that opened one (searches of before and after a commit may
    /// run at once); the others are let go, so that the files of merged segments close.
    fn store_reader(&self, searcher: &Searcher, ord: u32) -> Result<Arc<StoreReader>> {
        let segment = searcher.segment_reader(ord);
        let id = segment.segment_id();
        let mut state = self.store_readers.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((_, r)) = state.readers.iter().find(|(s, _)| *s == id) {
            return Ok(r.clone());
        }
        let reader = segment
            .get_store_reader(STORE_CACHE_BLOCKS)
            .map_err(|e| Error::Index(format!("opening a segment's document store: {e}")))?;
        let reader = Arc::new(reader);
        let segments: Vec<SegmentId> = searcher
            .segment_readers()
            .iter()
            .map(|r| r.segment_id())
            .collect();
        if segments != state.current {
            state.previous = std::mem::replace(&mut state.current, segments);
            let StoreReaders {
                readers,
                current,
                previous,
            } = &mut *state;
            readers.retain(|(s, _)| current.contains(s) || previous.contains(s));
        }
        state.readers.push((id, reader.clone()));
        Ok(reader)
    }

    /// The payload of the last commit (default for a new index).
    pub fn meta(&self) -> Result<Meta> {
        let metas = self.index.load_metas()?;
        Ok(metas
            .payload
            .as_deref()
            .and_then(|p| serde_json::from_str(p).ok())
            .unwrap_or_default())
    }

    /// A reader that sees the last commit.
    ///
    /// The reader is opened once and kept, and reloaded only when `meta.json` changed (a
    /// commit by this process or another one). A one-shot CLI and a long-lived caller both
    /// see every commit made before the call, without a watcher thread.
    ///
    /// A later call reads `meta.json` and compares it with the bytes seen, unless the file's
    /// device, inode, size and times are those it had when it was last read, under a second
    /// ago: tantivy replaces the file on each commit, and reading it cost a search as much as
    /// building its query. A stamp is only trusted for a file last changed at least three
    /// seconds before it was read, so that a later commit cannot leave the same times
    /// behind, even on a file system that keeps times to two seconds.
    pub fn reader(&self) -> Result<IndexReader> {
        // Stamped before reading: a commit in between is seen at the next call.
        let stamped_at = SystemTime::now();
        let stamp = meta_stamp(&self.path);
        let settled = |stamp: &MetaStamp| settled(stamp, stamped_at);
        let mut cache = self.reader.lock().unwrap_or_else(|e| e.into_inner());
        if let (Some(now), Some(seen)) = (&stamp, cache.as_ref()) {
            if seen.stamp.as_ref() == Some(now) && seen.read_at.elapsed() < STAMP_TRUSTED_FOR {
                return Ok(seen.reader.clone());
            }
        }
        let meta =
            tantivy::Directory::atomic_read(self.index.directory(), Path::new("meta.json")).ok();
        match (meta, cache.as_mut()) {
            (Some(now), Some(seen)) => {
                if now != seen.meta {
                    seen.reader.reload()?;
                    seen.meta = now;
                }
                seen.stamp = stamp.filter(settled);
                seen.read_at = Instant::now();
                Ok(seen.reader.clone())
            }
            (meta, _) => {
                let reader: IndexReader = self
                    .index
                    .reader_builder()
                    .reload_policy(ReloadPolicy::Manual)
                    .try_into()?;
                if let Some(meta) = meta {
                    *cache = Some(SeenReader {
                        meta,
                        stamp: stamp.filter(settled),
                        read_at: Instant::now(),
                        reader: reader.clone(),
                    });
                }
                Ok(reader)
            }
        }
    }

    /// Reads the manifest: every indexed file with its state, from the fast fields.
    pub fn manifest(&self) -> Result<HashMap<String, FileEntry>> {
        let searcher = self.reader()?.searcher();
        let mut out: HashMap<String, FileEntry> = HashMap::new();
        let err = |e: std::io::Error| Error::Index(format!("reading the manifest: {e}"));
        for segment in searcher.segment_readers() {
            let ff = segment.fast_fields();
            let Some(files) = ff.str("file")? else {
                continue;
            };
            let sizes = ff.u64("file_size")?;
            let mtimes = ff.u64("file_mtime")?;
            let versions = ff.u64("extractor")?;
            // Each file's entry by the ordinal of its name, from its first live document.
            let mut by_ord: Vec<Option<FileEntry>> = vec![None; files.num_terms()];
            for doc in segment.doc_ids_alive() {
                let Some(slot) = files
                    .term_ords(doc)
                    .next()
                    .and_then(|ord| by_ord.get_mut(ord as usize))
                else {
                    continue;
                };
                match slot {
                    Some(e) => e.docs += 1,
                    None => {
                        *slot = Some(FileEntry {
                            state: FileState {
                                size: sizes.first(doc).unwrap_or(0),
                                mtime: mtimes.first(doc).unwrap_or(0),
                                hash: 0,
                            },
                            extractor: versions.first(doc).unwrap_or(0),
                            docs: 1,
                        })
                    }
                }
            }
            // The names in one pass over the dictionary: looking each ordinal up on its own
            // decompresses a dictionary block (and builds a zstd context) per file, which
            // was 70 % of a no-change reindex.
            let mut names = files.dictionary().stream().map_err(err)?;
            while names.advance() {
                let Some(entry) = by_ord
                    .get_mut(names.term_ord() as usize)
                    .and_then(Option::take)
                else {
                    continue;
                };
                let name = String::from_utf8_lossy(names.key());
                match out.get_mut(name.as_ref()) {
                    Some(e) => e.docs += entry.docs,
                    None => {
                        out.insert(name.into_owned(), entry);
                    }
                }
            }
        }
        Ok(out)
    }

    /// Takes the writer lock. A second writer on the same index gets a clear error.
    ///
    /// `threads` indexing threads share `heap_bytes`; fewer are started when the share of
    /// each would be under tantivy's least ([`MIN_HEAP_PER_THREAD`]), which it refuses.
    pub fn writer(&self, threads: usize, heap_bytes: usize) -> Result<Writer> {
        let threads = threads.clamp(1, (heap_bytes / MIN_HEAP_PER_THREAD).max(1));
        // One merge thread, not tantivy's four: on a small machine concurrent merges of large
        // segments add their memory up (the peak of a 1M-article run) for little speed.
        let options = tantivy::indexer::IndexWriterOptions::builder()
            .num_worker_threads(threads)
            .memory_budget_per_thread(heap_bytes / threads)
            .num_merge_threads(1)
            .build();
        let inner = self
            .index
            .writer_with_options(options)
            .map_err(|e| match e {
                tantivy::TantivyError::LockFailure(..) => Error::Locked(format!(
                    "another newsdex process ({}) is writing to {} (its writer lock is held); \
                     wait for it to finish, or pass --wait",
                    self.lock_holder(),
                    self.path.display()
                )),
                other => Error::Tantivy(other),
            })?;
        // A writer killed before its commit may have left files (a deletes file named by
        // an opstamp this run will reach again): remove what the last commit does not use.
        inner.garbage_collect_files().wait()?;
        if self.path != Path::new(IN_RAM_PATH) {
            self.sweep_orphans()?;
        }
        // The lock is an OS file lock, released when its process dies; the pid file only
        // names the holder for the message above, so a stale one is harmless.
        let pid_file = (self.path != Path::new(IN_RAM_PATH)).then(|| self.path.join(PID_FILE));
        if let Some(p) = &pid_file {
            let _ = std::fs::write(p, format!("{}\n", std::process::id()));
        }
        Ok(Writer {
            inner,
            fields: self.fields.clone(),
            pid_file,
        })
    }

    /// Deletes segment files that neither the last commit nor tantivy's list of the files
    /// it manages (`.managed.json`) names. tantivy's garbage collection only deletes files
    /// it lists, and a 1,078,900-article run that left merging to tantivy's policy ended
    /// with 10 segments' files that no list named (1.37 GB beside 1.37 GB of live index,
    /// BENCHMARKS.md "Session 12 at 1,078,900 articles"); how tantivy lost them was not
    /// found, and a Reuters run with background merges left none. Only with the writer lock
    /// held: every file a writer creates is listed in `.managed.json` before it is written.
    /// Best effort: without `.managed.json` (an index copied without its dot-files) nothing
    /// is swept, and a file that cannot be deleted is left for the next writer.
    fn sweep_orphans(&self) -> Result<()> {
        let io = |source| Error::Io {
            path: self.path.clone(),
            source,
        };
        let mut keep: HashSet<String> = self
            .index
            .load_metas()?
            .segments
            .iter()
            .map(|s| s.id().uuid_string())
            .collect();
        let Ok(managed) = std::fs::read(self.path.join(".managed.json")) else {
            return Ok(());
        };
        let managed: Vec<String> = serde_json::from_slice(&managed).map_err(|e| {
            Error::Index(format!(
                "{}: {e}",
                self.path.join(".managed.json").display()
            ))
        })?;
        keep.extend(
            managed
                .iter()
                .filter_map(|f| segment_id(f))
                .map(str::to_string),
        );
        for entry in std::fs::read_dir(&self.path).map_err(io)? {
            let entry = entry.map_err(io)?;
            let name = entry.file_name();
            let name = name.to_string_lossy();
            if segment_id(&name).is_some_and(|id| !keep.contains(id)) {
                let _ = std::fs::remove_file(entry.path());
            }
        }
        Ok(())
    }

    /// Names the process in the pid file ("pid 1234"), or says it is unknown.
    fn lock_holder(&self) -> String {
        std::fs::read_to_string(self.path.join(PID_FILE))
            .ok()
            .and_then(|s| s.trim().parse::<u32>().ok())
            .map_or_else(|| "pid unknown".to_string(), |pid| format!("pid {pid}"))
    }

    /// Finds a document by id.
    pub fn get(&self, id: &str) -> Result<Option<TantivyDocument>> {
        let searcher = self.reader()?.searcher();
        let query = tantivy::query::TermQuery::new(
            Term::from_field_text(self.fields.id, id),
            tantivy::schema::IndexRecordOption::Basic,
        );
        let top = searcher.search(
            &query,
            &tantivy::collector::TopDocs::with_limit(1).order_by_score(),
        )?;
        match top.first() {
            Some((_, addr)) => Ok(Some(searcher.doc(*addr)?)),
            None => Ok(None),
        }
    }

    /// Number of live documents in the last commit.
    pub fn num_docs(&self) -> Result<u64> {
        Ok(self.reader()?.searcher().num_docs())
    }
}

/// Settings of a new index: tantivy's document store does not compress.
///
/// Each document's stored fields are one zstd frame already, compressed with the index's
/// own dictionary ([`crate::pack`]): smaller than zstd over tantivy's 16 KiB blocks, and a
/// hit no longer decompresses the 15 or so articles around it (BENCHMARKS.md, "Session 12").
pub fn index_settings() -> tantivy::IndexSettings {
    tantivy::IndexSettings {
        docstore_compression: tantivy::store::Compressor::None,
        docstore_blocksize: DOCSTORE_BLOCK_BYTES,
        ..tantivy::IndexSettings::default()
    }
}

/// Size of one document-store block (what a hit copies out of the store).
const DOCSTORE_BLOCK_BYTES: usize = 16 * 1024;

/// The least indexing memory tantivy accepts for each writer thread (its
/// `MEMORY_BUDGET_NUM_BYTES_MIN`, not exported).
pub const MIN_HEAP_PER_THREAD: usize = 15_000_000;

/// The segment id a file of the index directory belongs to, if it is a segment file
/// (`<32 hex digits>.<extension>`, or `<id>.<opstamp>.del`).
fn segment_id(name: &str) -> Option<&str> {
    let (id, _) = name.split_once('.')?;
    (id.len() == 32 && id.bytes().all(|b| b.is_ascii_hexdigit())).then_some(id)
}

/// The dictionary in the index directory, if there is one.
fn read_dict(index: &Index, path: &Path) -> Result<Option<Arc<Dict>>> {
    match tantivy::Directory::atomic_read(index.directory(), Path::new(DICT_FILE)) {
        Ok(bytes) => Dict::new(bytes)
            .map(|d| Some(Arc::new(d)))
            .map_err(|e| Error::Index(format!("{}: {e}", path.join(DICT_FILE).display()))),
        Err(tantivy::directory::error::OpenReadError::FileDoesNotExist(_)) => Ok(None),
        Err(e) => Err(Error::Index(format!(
            "{}: {e}",
            path.join(DICT_FILE).display()
        ))),
    }
}

/// The single writer of an index.
pub struct Writer {
    inner: IndexWriter,
    fields: Fields,
    pid_file: Option<PathBuf>,
}

impl Writer {
    /// Deletes every document that came from `file` (applied at the next commit).
    pub fn delete_file(&mut self, file: &str) {
        self.inner
            .delete_term(Term::from_field_text(self.fields.file, file));
    }

    /// Deletes every document (for `--full`).
    pub fn delete_all(&mut self) -> Result<()> {
        self.inner.delete_all_documents()?;
        Ok(())
    }

    /// Adds a document (visible after the next commit).
    pub fn add(&mut self, doc: TantivyDocument) -> Result<()> {
        self.inner.add_document(doc)?;
        Ok(())
    }

    /// Commits atomically, recording `meta` as the commit payload.
    pub fn commit(&mut self, meta: &Meta) -> Result<()> {
        let mut prepared = self.inner.prepare_commit()?;
        prepared.set_payload(&serde_json::to_string(meta).unwrap_or_default());
        prepared.commit()?;
        Ok(())
    }

    /// Merges every segment of the last commit into one, and waits for it.
    ///
    /// Meant for the end of a full index run, after its last commit: a single segment makes
    /// facet counting and search cheaper (one dictionary per facet field, one posting list
    /// per term). It costs about one more pass over the index files, so an incremental run
    /// that changed a few files should not call it. Turn background merges off first
    /// ([`Writer::without_background_merges`]): a merge of tantivy's policy running at the
    /// same time could take some of the segments, and this merge would then fail.
    pub fn merge_all(&mut self) -> Result<()> {
        let ids = self.inner.index().searchable_segment_ids()?;
        if ids.len() > 1 {
            self.inner.merge(&ids).wait()?;
        }
        Ok(())
    }

    /// Turns off tantivy's background merges for the rest of this writer's life: a run that
    /// ends with [`Writer::merge_all`] would only redo their work.
    pub fn without_background_merges(&mut self) {
        self.inner
            .set_merge_policy(Box::new(tantivy::indexer::NoMergePolicy));
    }

    /// Waits for merges to finish and releases the lock.
    pub fn finish(self) -> Result<()> {
        // Removed while the lock is still ours, so it is never another writer's file.
        if let Some(p) = &self.pid_file {
            let _ = std::fs::remove_file(p);
        }
        self.inner.wait_merging_threads()?;
        Ok(())
    }
}

#[cfg(test)]
mod manifest_tests {
    use super::*;

    fn doc(fields: &Fields, file: &str, size: u64) -> TantivyDocument {
        let mut d = TantivyDocument::default();
        d.add_text(fields.id, format!("{file}#{size}"));
        d.add_text(fields.file, file);
        d.add_u64(fields.file_size, size);
        d.add_u64(fields.file_mtime, size * 10);
        d.add_u64(fields.extractor, 7);
        d
    }

    #[test]
    fn many_threads_share_the_heap_without_a_refusal() {
        // 200 MB over 64 threads is 3 MB a thread, which tantivy refuses: 13 threads start.
        let store = Store::in_ram();
        let mut w = store.writer(64, 200_000_000).expect("writer");
        w.add(doc(&store.fields, "/corpus/a.txt", 1)).unwrap();
        w.commit(&Meta::default()).unwrap();
        assert_eq!(store.num_docs().unwrap(), 1);
    }

    #[test]
    fn manifest_over_segments_blocks_and_deletes() {
        let store = Store::in_ram();
        let f = store.fields.clone();
        let mut w = store.writer(2, 50_000_000).unwrap();
        let mut expected: HashMap<String, (u64, u64)> = HashMap::new();
        // Enough names for many dictionary blocks; every third file has two documents.
        for i in 0..6_000u64 {
            let name = format!("/corpus/dir-{:02}/file-{i:05}.txt", i % 17);
            w.add(doc(&f, &name, i)).unwrap();
            let docs = if i % 3 == 0 {
                w.add(doc(&f, &name, i)).unwrap();
                2
            } else {
                1
            };
            expected.insert(name, (i, docs));
            if i == 2_500 {
                w.commit(&Meta::default()).unwrap(); // a second segment
            }
        }
        w.commit(&Meta::default()).unwrap();
        for i in (0..6_000u64).step_by(7) {
            let name = format!("/corpus/dir-{:02}/file-{i:05}.txt", i % 17);
            w.delete_file(&name);
            expected.remove(&name);
        }
        w.commit(&Meta::default()).unwrap();
        w.finish().unwrap();

        let m = store.manifest().unwrap();
        assert_eq!(m.len(), expected.len());
        for (name, (size, docs)) in &expected {
            let e = m.get(name).unwrap_or_else(|| panic!("{name} missing"));
            assert_eq!(
                (e.state.size, e.state.mtime, e.extractor, e.docs),
                (*size, size * 10, 7, *docs),
                "{name}"
            );
        }
    }
}

/// The reader [`Store::reader`] keeps, with what it knows of the `meta.json` it matches.
struct SeenReader {
    /// The file's bytes.
    meta: Vec<u8>,
    /// The file's [`meta_stamp`] taken just before `meta` was read.
    stamp: Option<MetaStamp>,
    /// When `meta` was read.
    read_at: Instant,
    reader: IndexReader,
}

/// How long an unchanged [`MetaStamp`] stands for an unchanged `meta.json`: the bytes are
/// compared again at least this often.
const STAMP_TRUSTED_FOR: Duration = Duration::from_secs(1);

/// How long before a `meta.json` was read its last change must be for its [`MetaStamp`] to
/// be trusted. A commit replaces the file, and the new file can get the inode of one deleted
/// before; its times differ unless both changes fall within one tick of the file system's
/// clock (two seconds on the coarsest).
const STAMP_SETTLED: Duration = Duration::from_secs(3);

/// What `stat` says of a file that changes whenever a commit replaces it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct MetaStamp {
    dev: u64,
    ino: u64,
    size: u64,
    /// Modification time: seconds and nanoseconds since the epoch.
    mtime: (i64, i64),
    /// Change time: seconds and nanoseconds since the epoch.
    ctime: (i64, i64),
}

/// Whether the file of a [`MetaStamp`] taken at `at` had last changed at least
/// [`STAMP_SETTLED`] before. A change time that cannot be read as a time (before 1970, or
/// out of range) or that lies ahead of `at` is not settled. (A file server whose clock runs
/// behind this machine's defeats the rule; the bytes are still compared every second.)
fn settled(stamp: &MetaStamp, at: SystemTime) -> bool {
    let (secs, nanos) = stamp.ctime;
    let (Ok(secs), Ok(nanos)) = (u64::try_from(secs), u64::try_from(nanos)) else {
        return false;
    };
    let changed = Duration::from_secs(secs)
        .checked_add(Duration::from_nanos(nanos))
        .and_then(|d| SystemTime::UNIX_EPOCH.checked_add(d));
    changed.is_some_and(|changed| {
        at.duration_since(changed)
            .is_ok_and(|age| age >= STAMP_SETTLED)
    })
}

/// The [`MetaStamp`] of the index's `meta.json` (`None` off Unix, or for an index in memory).
fn meta_stamp(index: &Path) -> Option<MetaStamp> {
    if index == Path::new(IN_RAM_PATH) {
        return None;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let m = std::fs::metadata(index.join("meta.json")).ok()?;
        Some(MetaStamp {
            dev: m.dev(),
            ino: m.ino(),
            size: m.size(),
            mtime: (m.mtime(), m.mtime_nsec()),
            ctime: (m.ctime(), m.ctime_nsec()),
        })
    }
    #[cfg(not(unix))]
    {
        let _ = index;
        None
    }
}

/// The document store readers [`Store::store_reader`] keeps.
#[derive(Default)]
struct StoreReaders {
    readers: Vec<(SegmentId, Arc<StoreReader>)>,
    /// The segments of the last searcher that opened a reader.
    current: Vec<SegmentId>,
    /// Those of the searcher before it (with other segments).
    previous: Vec<SegmentId>,
}

/// The path [`Store::in_ram`] gives its store.
const IN_RAM_PATH: &str = "<memory>";

/// Blocks of decompressed store each segment's reader keeps: tantivy's default for a
/// searcher's own readers.
const STORE_CACHE_BLOCKS: usize = 100;

/// The stored record and the date (as tantivy stores it: nanoseconds since the epoch) in a
/// document's bytes as tantivy 0.27 writes them to its store: the number of values (a
/// variable-length integer), then each value's field id (4 bytes, little-endian), type
/// code (one byte) and value. newsdex stores three fields: the date (type 5, 8 bytes of
/// nanoseconds), the record (type 4: length, then the bytes) and the file hash (type 1, 8
/// bytes). `None` for anything else, so that a tantivy writing another layout falls back to
/// `searcher.doc` (the tests compare both on real articles). The document stores of tantivy
/// before 0.22 wrote dates in microseconds in the same layout; newsdex has never used one.
fn stored_fields<'a>(raw: &'a [u8], fields: &Fields) -> Option<(&'a [u8], Option<i64>)> {
    const U64: u8 = 1;
    const I64: u8 = 2;
    const BYTES: u8 = 4;
    const DATE: u8 = 5;
    const F64: u8 = 6;
    // tantivy's variable-length integer: 7 bits a byte, low bits first, the last byte
    // marked by its high bit.
    fn vint(r: &mut ByteReader<'_>) -> Option<u64> {
        let mut n = 0u64;
        for shift in (0..64).step_by(7) {
            let b = r.u8()?;
            n |= u64::from(b & 0x7f) << shift;
            if b & 0x80 != 0 {
                return Some(n);
            }
        }
        None
    }
    let mut r = ByteReader::new(raw);
    let (mut record, mut date) = (None, None);
    for _ in 0..vint(&mut r)? {
        let field = r.u32()?;
        match r.u8()? {
            BYTES => {
                let len = usize::try_from(vint(&mut r)?).ok()?;
                let bytes = r.take(len)?;
                if field == fields.stored.field_id() {
                    record = Some(bytes);
                }
            }
            DATE => {
                let nanos = i64::from_le_bytes(r.u64()?.to_le_bytes());
                if field == fields.date.field_id() {
                    date = Some(nanos);
                }
            }
            U64 | I64 | F64 => {
                r.u64()?;
            }
            _ => return None,
        }
    }
    r.at_end().then_some(())?;
    Some((record?, date))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cached_reader_sees_each_commit() {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = Store::open_or_create(&dir.path().join("idx")).expect("create");
        assert_eq!(store.num_docs().expect("count"), 0);
        let first = store.reader().expect("reader");
        let mut w = store.writer(1, 15_000_000).expect("writer");
        for round in 1..=2u64 {
            let mut doc = TantivyDocument::default();
            doc.add_text(store.fields.id, format!("doc{round}"));
            w.add(doc).expect("add");
            w.commit(&Meta::default()).expect("commit");
            assert_eq!(store.num_docs().expect("count"), round);
            assert!(store.get(&format!("doc{round}")).expect("get").is_some());
        }
        w.finish().expect("finish");
        // The reader handed out first is the cached one, reloaded in place.
        assert_eq!(first.searcher().num_docs(), 2);
        let mut w = store.writer(1, 15_000_000).expect("writer");
        w.merge_all().expect("merge");
        w.finish().expect("finish");
        let searcher = store.reader().expect("reader").searcher();
        assert_eq!(searcher.segment_readers().len(), 1);
        assert_eq!(searcher.num_docs(), 2);
        assert!(store.get("doc1").expect("get").is_some());
    }

    /// What a search hit reads of each document, its two fields picked out of tantivy's
    /// bytes, is what the whole document gives: on the sample corpus (every input format,
    /// with and without dates) and, when `../shared/data` is there, BBC's business news.
    #[test]
    fn hits_read_from_store_bytes_equal_whole_documents() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open_or_create(&dir.path().join("idx")).unwrap();
        let here = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut roots = vec![here.join("corpus")];
        let bbc = here.join("../shared/data/bbc/business");
        if bbc.is_dir() {
            roots.push(bbc);
        }
        let opts = crate::ingest::IndexOptions {
            roots,
            jobs: 2,
            ..Default::default()
        };
        crate::ingest::run(&store, &opts, &crate::ingest::NoProgress).unwrap();
        let searcher = store.reader().unwrap().searcher();
        let (mut docs, mut dated, mut with_forms) = (0, 0, 0);
        for (ord, segment) in searcher.segment_readers().iter().enumerate() {
            for doc_id in segment.doc_ids_alive() {
                let raw = store
                    .store_reader(&searcher, ord as u32)
                    .unwrap()
                    .get_document_bytes(doc_id)
                    .unwrap();
                assert!(stored_fields(&raw, &store.fields).is_some(), "doc {doc_id}");
                let addr = DocAddress::new(ord as u32, doc_id);
                let (record, date) = store.hit(&searcher, addr).unwrap();
                let doc: TantivyDocument = searcher.doc(addr).unwrap();
                assert_eq!(record, store.record_with(&doc, Detail::Names).unwrap());
                assert_eq!(date, crate::document::date_of(&doc, &store.fields));
                let all = store.record(&doc).unwrap();
                assert_eq!((record.id, record.body), (all.id, all.body));
                docs += 1;
                dated += usize::from(date.is_some());
                with_forms += usize::from(all.entities.persons.iter().any(|p| !p.forms.is_empty()));
            }
        }
        eprintln!("{docs} documents, {dated} dated, {with_forms} with forms");
        assert!(docs >= 20, "{docs} documents");
        assert!(dated > 0 && dated < docs, "{dated} of {docs} dated");
        assert!(
            with_forms > 0,
            "no person with forms: the names-only read shows nothing"
        );
    }

    /// A stamp is settled three seconds after the file's change time, not before, and never
    /// for a time it cannot read; a reader keeps a settled stamp and drops one that is not.
    #[test]
    fn only_a_settled_meta_json_is_trusted_by_its_stamp() {
        let at = |secs: u64| SystemTime::UNIX_EPOCH + Duration::from_secs(secs);
        let changed = |secs: i64, nanos: i64| MetaStamp {
            dev: 1,
            ino: 2,
            size: 3,
            mtime: (0, 0),
            ctime: (secs, nanos),
        };
        assert!(settled(&changed(1_000, 0), at(1_003)));
        assert!(!settled(&changed(1_000, 1), at(1_003)));
        assert!(!settled(&changed(1_000, 0), at(1_002)));
        assert!(
            !settled(&changed(1_010, 0), at(1_003)),
            "a change time ahead"
        );
        assert!(!settled(&changed(-5, 0), at(1_003)), "before 1970");
        assert!(!settled(&changed(1_000, -1), at(1_003)));

        let dir = tempfile::tempdir().unwrap();
        let store = Store::open_or_create(&dir.path().join("idx")).unwrap();
        let seen_stamp = |store: &Store| {
            let cached = store.reader.lock().unwrap();
            cached.as_ref().and_then(|seen| seen.stamp)
        };
        // Just written: the next call reads the file again, both when the reader is opened
        // and when it is kept.
        store.reader().unwrap();
        assert_eq!(seen_stamp(&store), None);
        store.reader().unwrap();
        assert_eq!(seen_stamp(&store), None);
        // Settled: the stamp is kept, and stands for the file while it is unchanged.
        std::thread::sleep(STAMP_SETTLED + Duration::from_millis(100));
        store.reader().unwrap();
        let stamp = meta_stamp(&store.path).expect("a stamp on Unix");
        assert_eq!(seen_stamp(&store), Some(stamp));
        // A commit replaces the file: the next call sees it.
        commit_one(&store, "doc1").finish().unwrap();
        assert_ne!(meta_stamp(&store.path), Some(stamp));
        assert_eq!(store.num_docs().unwrap(), 1);
        assert_eq!(meta_stamp(Path::new(IN_RAM_PATH)), None);
    }

    /// Store readers are kept for the segments of the last two searchers: a merge's old
    /// segments are let go one generation later.
    #[test]
    fn store_readers_are_kept_for_two_generations_of_segments() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open_or_create(&dir.path().join("idx")).unwrap();
        let mut generations = Vec::new();
        for round in 0..3 {
            let mut w = commit_one(&store, &format!("doc{round}"));
            w.merge_all().unwrap();
            w.finish().unwrap();
            let searcher = store.reader().unwrap().searcher();
            assert_eq!(searcher.segment_readers().len(), 1, "round {round}");
            store.store_reader(&searcher, 0).unwrap();
            store.store_reader(&searcher, 0).unwrap();
            generations.push(searcher.segment_reader(0).segment_id());
        }
        let state = store.store_readers.lock().unwrap();
        let kept: Vec<SegmentId> = state.readers.iter().map(|(s, _)| *s).collect();
        assert_eq!(kept, generations[1..]);
    }

    /// A writer that has added and committed one document with the id `id`.
    fn commit_one(store: &Store, id: &str) -> Writer {
        let mut w = store.writer(1, 15_000_000).unwrap();
        let mut doc = TantivyDocument::default();
        doc.add_text(store.fields.id, id);
        w.add(doc).unwrap();
        w.commit(&Meta::default()).unwrap();
        w
    }

    /// The names of the files in `dir`, sorted.
    fn file_names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn a_writer_sweeps_segment_files_that_tantivy_lost_track_of() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("idx");
        let store = Store::open_or_create(&path).unwrap();
        commit_one(&store, "kept").finish().unwrap();
        let before = file_names(&path);
        // What a merge that ended as a writer closed leaves: files of a segment that no
        // commit and no entry of `.managed.json` names.
        let orphan = "0123456789abcdef0123456789abcdef";
        for ext in ["store", "idx", "pos", "7.del"] {
            std::fs::write(path.join(format!("{orphan}.{ext}")), "lost").unwrap();
        }
        std::fs::write(path.join("notes.txt"), "mine").unwrap();
        let w = store.writer(1, 15_000_000).unwrap();
        w.finish().unwrap();
        let mut expected = before.clone();
        expected.push("notes.txt".into());
        expected.sort();
        assert_eq!(file_names(&path), expected);
        assert!(store.get("kept").unwrap().is_some());
    }

    /// An index at `path` with `fields` (name, stored?) as its text fields.
    fn foreign_index(path: &Path, fields: &[&str]) {
        std::fs::create_dir_all(path).unwrap();
        let mut b = tantivy::schema::Schema::builder();
        for f in fields {
            b.add_text_field(f, tantivy::schema::STRING | tantivy::schema::STORED);
        }
        let index = Index::create_in_dir(path, b.build()).unwrap();
        let mut w = index.writer_with_num_threads(1, 15_000_000).unwrap();
        w.add_document(TantivyDocument::default()).unwrap();
        w.commit().unwrap();
    }

    #[test]
    fn full_replaces_an_older_newsdex_index_and_never_a_foreign_one() {
        let dir = tempfile::tempdir().unwrap();
        // What an older newsdex left: its manifest fields, in another layout.
        let old = dir.path().join("old");
        foreign_index(
            &old,
            &["id", "file", "file_mtime", "extractor", "person_facet"],
        );
        std::fs::write(old.join("notes.txt"), "mine").unwrap();
        std::fs::write(old.join(DICT_FILE), "an old dictionary").unwrap();
        std::fs::write(old.join(PID_FILE), "1\n").unwrap();
        let old_segment_files: Vec<String> = file_names(&old)
            .into_iter()
            .filter(|n| segment_id(n).is_some())
            .collect();
        assert!(!old_segment_files.is_empty());
        let err = Store::open(&old).unwrap_err();
        assert!(matches!(err, Error::Format(_)), "{err}");
        assert!(err.to_string().contains("newsdex index --full"), "{err}");
        assert!(matches!(Store::open_or_create(&old), Err(Error::Format(_))));
        let store = Store::open_or_replace(&old).expect("replaced");
        assert_eq!(store.num_docs().unwrap(), 0);
        // The index's own files went (segments, dictionary, pid file); the user's stayed.
        let now = file_names(&old);
        assert!(
            old_segment_files.iter().all(|f| !now.contains(f)),
            "{now:?}"
        );
        assert!(!now.contains(&DICT_FILE.to_string()) && !now.contains(&PID_FILE.to_string()));
        assert_eq!(
            std::fs::read_to_string(old.join("notes.txt")).unwrap(),
            "mine"
        );
        drop(store);
        Store::open(&old).expect("a newsdex index now");

        // Some other program's index is an error, with or without --full, and stays.
        let other = dir.path().join("other");
        foreign_index(&other, &["title", "body"]);
        let before = std::fs::read_dir(&other).unwrap().count();
        for err in [
            Store::open(&other).unwrap_err(),
            Store::open_or_replace(&other).unwrap_err(),
        ] {
            assert!(matches!(err, Error::Index(_)), "{err}");
            assert!(err.to_string().contains("not made by newsdex"), "{err}");
        }
        assert_eq!(std::fs::read_dir(&other).unwrap().count(), before);
        assert_eq!(
            Index::open_in_dir(&other)
                .unwrap()
                .reader()
                .unwrap()
                .searcher()
                .num_docs(),
            1
        );
    }

    #[test]
    fn a_store_opened_before_the_dictionary_reads_documents_packed_with_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("idx");
        let early = Store::open_or_create(&path).unwrap();
        let writer_side = Store::open(&path).unwrap();
        let record = |i: usize| Record {
            id: format!("a{i}"),
            title: format!("Record {i} of a corpus"),
            body: format!("Shares of {i} companies rose on the London Stock Exchange. ").repeat(8),
            ..Record::default()
        };
        let mut w = writer_side.writer(1, 15_000_000).unwrap();
        writer_side
            .ensure_dict(&w, || (0..2000).map(record).collect())
            .unwrap();
        assert!(writer_side.packer().dict().is_some());
        assert!(path.join(DICT_FILE).exists());
        let mut doc = TantivyDocument::default();
        doc.add_text(writer_side.fields.id, "a7");
        doc.add_bytes(
            writer_side.fields.stored,
            &writer_side.packer().pack(&record(7)),
        );
        w.add(doc).unwrap();
        w.commit(&Meta::default()).unwrap();
        // `early` loaded no dictionary; it finds the new one when a document needs it.
        assert!(early.packer().dict().is_none());
        let doc = early.get("a7").unwrap().expect("committed");
        assert_eq!(early.record(&doc).unwrap(), record(7));
        // A store that loaded none before the dictionary was written takes it from the
        // directory rather than training (and overwriting) its own.
        let late = Store::open(&path).unwrap();
        *late.packer.write().unwrap() = Packer::default();
        late.ensure_dict(&w, || panic!("the index has a dictionary"))
            .unwrap();
        assert_eq!(
            late.packer().dict().map(|d| d.id()),
            writer_side.packer().dict().map(|d| d.id())
        );
        w.finish().unwrap();
        // A reopened store has it from the start.
        assert!(Store::open(&path).unwrap().packer().dict().is_some());
    }
}
