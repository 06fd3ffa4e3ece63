//! Runs walk → read → extract → document → store, and reports what happened.

use crate::document::{self, FileState};
use crate::extract::{self, EXTRACTOR_VERSION};
use crate::read;
use crate::store::{Meta, Store, Writer};
use crate::walk::{self, WalkOptions};
use crate::{Error, Result};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Default size limit of one file: 50 MB.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 50 * 1024 * 1024;

/// What to index and how.
#[derive(Debug, Clone)]
pub struct IndexOptions {
    /// Directories or files to index; empty = every root the index knows.
    pub roots: Vec<PathBuf>,
    /// Re-extract every file even if unchanged.
    pub full: bool,
    /// Parser/extractor threads. The tantivy writer runs [`indexing_threads`] threads of its
    /// own.
    pub jobs: usize,
    /// Files larger than this are skipped.
    pub max_file_size: u64,
    /// Symlinks and hidden files.
    pub walk: WalkOptions,
    /// Commit after this many added documents (bounds what a crash can lose).
    pub commit_every: usize,
    /// Indexing memory budget of the tantivy writer, in bytes.
    pub writer_heap: usize,
    /// Wait for another process's writer lock instead of failing at once.
    pub wait: bool,
    /// Run the entity tagger (persons, places, organisations). Off, only amounts, dates,
    /// datelines and entities the input already carries are extracted; files indexed that
    /// way are re-extracted by a later run with the tagger.
    pub tagger: bool,
}

impl Default for IndexOptions {
    fn default() -> Self {
        IndexOptions {
            roots: Vec::new(),
            full: false,
            jobs: std::thread::available_parallelism().map_or(2, |n| n.get()),
            max_file_size: DEFAULT_MAX_FILE_SIZE,
            walk: WalkOptions::default(),
            commit_every: 50_000,
            writer_heap: 200_000_000,
            wait: false,
            tagger: true,
        }
    }
}

/// A file (or one record of a file) that was not indexed, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Skipped {
    /// The path, with `#LINE` for one record of a JSON Lines file.
    pub path: String,
    /// Why, in words.
    pub reason: String,
}

/// The summary of one `index` run.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Report {
    /// Files indexed for the first time.
    pub added: u64,
    /// Files re-indexed because they changed (or the extractor did).
    pub updated: u64,
    /// Files that left the index because they are gone from disk.
    pub deleted: u64,
    /// Files unchanged since the last run (not read).
    pub unchanged: u64,
    /// Files and records not indexed, with reasons.
    pub skipped: Vec<Skipped>,
    /// Articles written in this run.
    pub articles: u64,
    /// Bytes read and parsed in this run.
    pub bytes: u64,
    /// Wall time in seconds.
    pub seconds: f64,
    /// Documents in the index after the run.
    pub documents: u64,
    /// The roots that were walked.
    pub roots: Vec<String>,
}

impl Report {
    /// Files per second over the files that were read.
    pub fn files_per_second(&self) -> f64 {
        (self.added + self.updated) as f64 / self.seconds.max(1e-9)
    }
}

/// Receives progress: (files done, files to do).
pub trait Progress: Sync {
    /// Called after each batch of files.
    fn update(&self, done: u64, total: u64);
}

/// No progress output.
pub struct NoProgress;
impl Progress for NoProgress {
    fn update(&self, _: u64, _: u64) {}
}

struct FileJob {
    path: String,
    /// Over the size limit: not read; its old documents (if any) are deleted.
    oversize: bool,
    existed: bool,
    /// Size in bytes at walk time (bounds the bytes in flight per batch).
    size: u64,
}

struct FileResult {
    docs: Vec<tantivy::TantivyDocument>,
    skipped: Vec<Skipped>,
    bytes: u64,
    ok: bool,
}

/// Input size up to which a from-scratch run ends by merging the index into one segment.
pub const MERGE_ALL_MAX_BYTES: u64 = 512 * 1024 * 1024;

/// How many tantivy indexing threads a run with `jobs` extraction threads uses: one for
/// every three jobs, at least one.
///
/// Reading and extracting an article with the tagger costs about twice what indexing it
/// does, so one indexing thread keeps up with two extraction threads. Each indexing thread
/// writes a segment of its own, which a run from scratch merges at its end. On two cores,
/// one thread instead of two (and one commit instead of two) took the Reuters index from
/// 8.07 to 6.80 CPU seconds with the tagger, and without it from 2.35 to 1.88 seconds of
/// wall time (`benches/index_ab.sh`; BENCHMARKS.md, "Session 15: one indexing thread").
pub fn indexing_threads(jobs: usize) -> usize {
    jobs.div_ceil(3).max(1)
}

/// Indexes or reindexes `opts.roots` into `store`.
pub fn run(store: &Store, opts: &IndexOptions, progress: &dyn Progress) -> Result<Report> {
    let started = Instant::now();
    // Load the tagger and the gazetteer now, in the background, while the writer opens and
    // the walk runs: a run with anything to extract needs them, and a run that finds
    // nothing changed exits without waiting for them (the tagger's model costs about
    // 30 ms of CPU on the other core, the gazetteer image 5 ms).
    warm_up(opts.tagger);
    // Take the writer lock first: a second `index` fails at once, and the manifest read
    // below is the one this run will build on.
    let mut writer = loop {
        match store.writer(indexing_threads(opts.jobs), opts.writer_heap) {
            Err(Error::Locked(_)) if opts.wait => {
                std::thread::sleep(std::time::Duration::from_millis(250))
            }
            other => break other?,
        }
    };
    let mut meta = store.meta()?;
    let roots = resolve_roots(&opts.roots, &meta)?;
    // The extractor version this run stores; a file is unchanged only if it was extracted
    // the same way. A run without the tagger keeps files already extracted with it.
    let version = extract::stored_version(opts.tagger);
    let up_to_date = |v: u64| v == version || (!opts.tagger && v == EXTRACTOR_VERSION);
    // One read of the manifest (a reader over the last commit): it says both which files
    // are unchanged and which ones have documents to delete. It is read on another thread
    // while this one walks every root (the two took 20 and 70 ms one after the other in a
    // 1 % reindex of the Reuters files).
    let (manifest, walked) = std::thread::scope(|s| {
        let manifest = s.spawn(|| store.manifest());
        let walked: Vec<_> = roots
            .iter()
            .map(|root| walk::walk(root, &opts.walk, |p| read::Format::from_path(p).is_some()))
            .collect();
        let manifest = manifest
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (manifest, walked)
    });
    let mut manifest = manifest?;
    let fresh = manifest.is_empty() || opts.full;
    let mut report = Report {
        roots: roots.iter().map(|r| path_string(r)).collect(),
        ..Report::default()
    };

    // What the walk found, root by root. A file found is taken out of `manifest`, so what
    // is left there at the end was not found; an unchanged file costs one lookup and no
    // allocation.
    let several_roots = roots.len() > 1;
    let mut seen: HashSet<String> = HashSet::new();
    let mut jobs: Vec<FileJob> = Vec::new();
    let mut unreadable_dirs: Vec<String> = Vec::new();
    for (files, problems) in walked {
        for p in problems {
            let path = path_string(&p.path);
            unreadable_dirs.push(path.clone());
            report.skipped.push(Skipped {
                path,
                reason: p.reason,
            });
        }
        for f in files {
            let Some(path) = f.path.to_str() else {
                report.skipped.push(Skipped {
                    path: path_string(&f.path),
                    reason: "file name is not valid UTF-8".into(),
                });
                continue;
            };
            // The same file under two roots (one root never yields a path twice).
            if several_roots && !seen.insert(path.to_string()) {
                continue;
            }
            let known = manifest.remove_entry(path);
            if f.size > opts.max_file_size {
                report.skipped.push(Skipped {
                    path: path.to_string(),
                    reason: format!(
                        "file is {} MB, over the {} MB limit (raise it with --max-file-size)",
                        f.size / 1_000_000,
                        opts.max_file_size / 1_000_000
                    ),
                });
                // Whatever was indexed from it before is stale now.
                if let Some((path, _)) = known {
                    jobs.push(FileJob {
                        path,
                        oversize: true,
                        existed: true,
                        size: 0,
                    });
                }
                continue;
            }
            match known {
                Some((_, e))
                    if !opts.full
                        && e.state.size == f.size
                        && e.state.mtime == f.mtime
                        && up_to_date(e.extractor) =>
                {
                    report.unchanged += 1;
                }
                known => jobs.push(FileJob {
                    existed: known.is_some(),
                    path: known.map_or_else(|| path.to_string(), |(path, _)| path),
                    oversize: false,
                    size: f.size,
                }),
            }
        }
    }

    // Files in the manifest, under a walked root, that the walk did not find.
    let root_prefixes: Vec<String> = roots.iter().map(|r| path_string(r)).collect();
    let gone: Vec<&String> = manifest
        .keys()
        .filter(|f| root_prefixes.iter().any(|r| is_under(f, r)))
        .filter(|f| !unreadable_dirs.iter().any(|d| is_under(f, d)))
        .filter(|f| !Path::new(f.as_str()).exists())
        .collect();

    if opts.full {
        writer.delete_all()?;
    }
    for f in &gone {
        writer.delete_file(f);
        report.deleted += 1;
    }
    meta.version = 1;
    meta.complete = false;
    for r in &root_prefixes {
        if !meta.roots.contains(r) {
            meta.roots.push(r.clone());
        }
    }
    meta.extractor_version = EXTRACTOR_VERSION;
    // A run that builds a small or mid-sized index from scratch ends with one merge into a
    // single segment (faster searches and facet counts), so tantivy's background merges
    // would only redo that work. Above `MERGE_ALL_MAX_BYTES` of input, that last merge
    // would need more memory than the whole run otherwise does (1.9 GiB peak at 1,078,900
    // articles, against under 0.5 GiB while indexing), so large runs keep tantivy's policy.
    let input_bytes: u64 = jobs.iter().map(|j| j.size).sum();
    let merge_at_end = fresh && input_bytes <= MERGE_ALL_MAX_BYTES;
    if merge_at_end {
        writer.without_background_merges();
    }

    // Parsers of hostile input (HTML nested 100,000 deep) recurse deeply: give the workers
    // room (address space only; untouched stack pages cost no memory).
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(opts.jobs.max(1))
        .stack_size(256 << 20)
        .build()
        .map_err(|e| Error::Index(format!("cannot start worker threads: {e}")))?;
    // An index without a store dictionary gets one first, trained on articles spread over
    // this run's files (about 0.1 s for the Reuters files, once per index). The samples are
    // read on a worker, whose stack hostile files need.
    if jobs.iter().any(|j| !j.oversize) {
        store.ensure_dict(&writer, || {
            pool.install(|| dict_samples(&jobs, opts.max_file_size))
        })?;
    }
    let ctx = Ctx {
        fields: store.fields.clone(),
        packer: store.packer(),
        max_size: opts.max_file_size,
        tagger: opts.tagger,
    };
    let total = jobs.len() as u64;
    progress.update(0, total);
    let chunk = (opts.jobs * 64).max(64);
    let extract_batch = |batch: &[FileJob]| -> Vec<FileResult> {
        pool.install(|| {
            batch
                .par_iter()
                .map(|job| process_guarded(job, &ctx))
                .collect()
        })
    };
    let mut sink = Sink {
        writer: &mut writer,
        report: &mut report,
        meta: &meta,
        commit_every: opts.commit_every,
        since_commit: 0,
        done: 0,
        total,
        progress,
    };
    // Batch N goes to the writer (and, every `commit_every` articles, is committed) while
    // batch N+1 is extracted: the extraction workers do not wait for a commit, and the
    // writer does not wait for the slowest file of a batch.
    let mut pending: Option<(&[FileJob], Vec<FileResult>)> = None;
    for batch in batches(&jobs, chunk, BATCH_BYTES) {
        let (results, stored) = std::thread::scope(|s| {
            let extraction = s.spawn(|| extract_batch(batch));
            let stored = match pending.take() {
                Some((b, r)) => sink.store(b, r),
                None => Ok(()),
            };
            (extraction.join(), stored)
        });
        stored?;
        // Panics in readers and extractors are caught per file; anything else is a bug.
        let results = results.unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        pending = Some((batch, results));
    }
    if let Some((b, r)) = pending {
        sink.store(b, r)?;
    }
    meta.complete = true;
    writer.commit(&meta)?;
    // A run that built the index from scratch leaves one segment: one posting list per
    // term and one facet dictionary make searches (and facet counts most of all) faster,
    // for 2-4 % of the indexing time. Small incremental runs keep tantivy's merge policy.
    if merge_at_end && report.articles > 0 {
        writer.merge_all()?;
    }
    writer.finish()?;
    // Counted first: the count reloads the store's reader, which then lets go of segments
    // merged away during the run.
    report.documents = store.num_docs()?;
    // A run that let tantivy merge in the background ended once with segment files that
    // tantivy no longer listed (1.37 GB at 1,078,900 articles; see `Store::sweep_orphans`).
    // One more writer, opened and closed, collects garbage and sweeps them. Best effort:
    // the run's work is committed, and the next writer tries again.
    if !merge_at_end {
        if let Ok(w) = store.writer(1, GC_WRITER_HEAP) {
            let _ = w.finish();
        }
    }
    report.seconds = started.elapsed().as_secs_f64();
    Ok(report)
}

/// Where extracted batches go: the writer, the report and the progress bar.
struct Sink<'a> {
    writer: &'a mut Writer,
    report: &'a mut Report,
    meta: &'a Meta,
    commit_every: usize,
    since_commit: usize,
    done: u64,
    total: u64,
    progress: &'a dyn Progress,
}

impl Sink<'_> {
    /// Deletes the old documents of the batch's files, adds the new ones, and commits when
    /// `commit_every` articles have been added since the last commit.
    fn store(&mut self, batch: &[FileJob], results: Vec<FileResult>) -> Result<()> {
        let report = &mut *self.report;
        for (job, res) in batch.iter().zip(results) {
            if job.existed {
                self.writer.delete_file(&job.path);
            }
            report.bytes += res.bytes;
            report.skipped.extend(res.skipped);
            if res.ok {
                if job.existed {
                    report.updated += 1;
                } else {
                    report.added += 1;
                }
            } else if job.existed {
                // It was indexed before and now fails: its old documents are gone.
                report.deleted += 1;
            }
            for doc in res.docs {
                self.writer.add(doc)?;
                report.articles += 1;
                self.since_commit += 1;
            }
        }
        self.done += batch.len() as u64;
        self.progress.update(self.done, self.total);
        if self.since_commit >= self.commit_every {
            self.writer.commit(self.meta)?;
            self.since_commit = 0;
        }
        Ok(())
    }
}

/// Memory budget of the writer that only collects garbage at the end of a run (tantivy's
/// smallest; it adds no document).
const GC_WRITER_HEAP: usize = 15_000_000;

/// How many files [`dict_samples`] reads at most, spread over the run's files.
const DICT_SAMPLE_FILES: usize = 2_000;

/// The most bytes [`dict_samples`] reads of one file (a large JSON Lines file cut there
/// still gives its whole lines before the cut).
const DICT_SAMPLE_FILE_BYTES: u64 = 4 << 20;

/// Stored records (without entities) of articles spread over `jobs`, up to
/// [`pack::SAMPLE_BYTES`](crate::pack::SAMPLE_BYTES) of headline, body and path, to train
/// the store's dictionary on. Files that cannot be read are left out here and reported by
/// the run.
fn dict_samples(jobs: &[FileJob], max_size: u64) -> Vec<crate::pack::Record> {
    let files: Vec<&FileJob> = jobs.iter().filter(|j| !j.oversize).collect();
    let step = files.len().div_ceil(DICT_SAMPLE_FILES).max(1);
    let mut out = Vec::new();
    let mut bytes = 0;
    for job in files.into_iter().step_by(step) {
        if bytes >= crate::pack::SAMPLE_BYTES {
            break;
        }
        let path = Path::new(&job.path);
        let mut data = Vec::new();
        let read = std::fs::File::open(path).and_then(|f| {
            std::io::Read::read_to_end(
                &mut std::io::Read::take(f, max_size.min(DICT_SAMPLE_FILE_BYTES)),
                &mut data,
            )
        });
        if read.is_err() {
            continue;
        }
        // A reader's bug costs a sample here; the run reports the file when it reads it.
        let parsed = std::panic::catch_unwind(|| read::read_bytes(path, &data));
        let Ok(Ok(read)) = parsed else {
            continue;
        };
        for a in &read.articles {
            bytes += a.title.len() + a.body.len() + job.path.len();
            out.push(crate::pack::Record::from_article(
                a,
                &job.path,
                document::StoredEntities::default(),
            ));
            if bytes >= crate::pack::SAMPLE_BYTES {
                break;
            }
        }
    }
    out
}

/// Most bytes of files read and extracted in one batch: the batch's documents are all in
/// memory before they go to the writer, so without this bound a few large JSON Lines files
/// (a 215,780-article corpus in 44 files of 5,000 articles) were held whole (1.1 GiB peak).
const BATCH_BYTES: u64 = 32 * 1024 * 1024;

/// Splits `jobs` into consecutive batches of at most `max_files` files and at most
/// `max_bytes` bytes (a larger file gets a batch of its own).
fn batches(jobs: &[FileJob], max_files: usize, max_bytes: u64) -> Vec<&[FileJob]> {
    let mut out = Vec::new();
    let (mut start, mut bytes) = (0, 0u64);
    for (i, job) in jobs.iter().enumerate() {
        if i > start && (i - start >= max_files || bytes + job.size > max_bytes) {
            out.push(&jobs[start..i]);
            start = i;
            bytes = 0;
        }
        bytes += job.size;
    }
    if start < jobs.len() {
        out.push(&jobs[start..]);
    }
    out
}

/// Loads the tagger's model and the gazetteer on two background threads. Left to the
/// extraction workers, the first worker would load both one after the other while the
/// others wait for it.
fn warm_up(tagger: bool) {
    std::thread::spawn(|| {
        extract::place::Gazetteer::global();
    });
    if tagger {
        std::thread::spawn(|| {
            extract::tagger::Tagger::global();
        });
    }
}

/// What every file of a run is processed with.
struct Ctx {
    fields: crate::schema::Fields,
    /// Compresses each document's stored fields.
    packer: crate::pack::Packer,
    /// Files larger than this are not read.
    max_size: u64,
    /// Run the entity tagger (also says which extractor version is stored).
    tagger: bool,
}

/// Processes one file; a panic in a reader or extractor becomes a skipped file, not a crash.
fn process_guarded(job: &FileJob, ctx: &Ctx) -> FileResult {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| process(job, ctx))).unwrap_or_else(
        |panic| FileResult {
            docs: Vec::new(),
            skipped: vec![Skipped {
                path: job.path.clone(),
                reason: format!(
                    "internal error while reading this file (please report it): {}",
                    panic_message(panic.as_ref())
                ),
            }],
            bytes: 0,
            ok: false,
        },
    )
}

fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".into())
}

fn process(job: &FileJob, ctx: &Ctx) -> FileResult {
    let max_size = ctx.max_size;
    let mut res = FileResult {
        docs: Vec::new(),
        skipped: Vec::new(),
        bytes: 0,
        ok: false,
    };
    if job.oversize {
        return res; // reported by the walk
    }
    let path = Path::new(&job.path);
    // Size and mtime come from the same open file as the bytes, so an edit between
    // walk and read is recorded as what was actually read.
    // The read is bounded by the size limit: a file that grew after the walk is not
    // read whole into memory.
    let read = std::fs::File::open(path).and_then(|f| {
        let md = f.metadata()?;
        let mut bytes = Vec::with_capacity(md.len().min(max_size) as usize);
        std::io::Read::read_to_end(
            &mut std::io::Read::take(f, max_size.saturating_add(1)),
            &mut bytes,
        )?;
        Ok((md, bytes))
    });
    let (md, bytes) = match read {
        Ok((md, bytes)) if md.len() > max_size || bytes.len() as u64 > max_size => {
            res.skipped.push(Skipped {
                path: job.path.clone(),
                reason: format!(
                    "file grew over the {} MB limit while being indexed",
                    max_size / 1_000_000
                ),
            });
            return res;
        }
        Ok(b) => b,
        Err(e) => {
            let reason = match e.kind() {
                std::io::ErrorKind::NotFound => "file disappeared before it could be read".into(),
                std::io::ErrorKind::PermissionDenied => "permission denied".into(),
                std::io::ErrorKind::IsADirectory => "not a file any more (now a directory)".into(),
                _ => e.to_string(),
            };
            res.skipped.push(Skipped {
                path: job.path.clone(),
                reason,
            });
            return res;
        }
    };
    res.bytes = bytes.len() as u64;
    let state = FileState {
        size: md.len(),
        mtime: walk::mtime_nanos(&md),
        hash: xxhash_rust::xxh3::xxh3_64(&bytes),
    };
    match read::read_bytes(path, &bytes) {
        Ok(out) => {
            for problem in out.problems {
                res.skipped.push(Skipped {
                    path: job.path.clone(),
                    reason: problem,
                });
            }
            // Articles of one file (a JSON Lines dump) are extracted in parallel; a bug in an
            // extractor costs one article, not the whole file.
            let built: Vec<Result<tantivy::TantivyDocument, Skipped>> = out
                .articles
                .par_iter()
                .map(|article| {
                    std::panic::catch_unwind(|| extract::extract_article_mode(article, ctx.tagger))
                        .map(|x| {
                            document::build(
                                &ctx.fields,
                                &ctx.packer,
                                article,
                                &x.entities,
                                x.date,
                                document::Origin {
                                    file: &job.path,
                                    state,
                                    extractor_version: extract::stored_version(ctx.tagger),
                                },
                            )
                        })
                        .map_err(|panic| Skipped {
                            path: article.id.clone(),
                            reason: format!(
                                "internal error while extracting entities (please report it): {}",
                                panic_message(panic.as_ref())
                            ),
                        })
                })
                .collect();
            for b in built {
                match b {
                    Ok(doc) => res.docs.push(doc),
                    Err(s) => res.skipped.push(s),
                }
            }
            res.ok = true;
        }
        Err(e) => {
            let reason = match e {
                Error::Read { reason, .. } => reason,
                other => other.to_string(),
            };
            res.skipped.push(Skipped {
                path: job.path.clone(),
                reason,
            });
        }
    }
    res
}

fn resolve_roots(given: &[PathBuf], meta: &Meta) -> Result<Vec<PathBuf>> {
    if given.is_empty() {
        if meta.roots.is_empty() {
            return Err(Error::Index(
                "no directory given and the index knows no roots yet: run `newsdex index DIR`"
                    .into(),
            ));
        }
        return Ok(meta.roots.iter().map(PathBuf::from).collect());
    }
    given
        .iter()
        .map(|r| {
            std::fs::canonicalize(r).map_err(|e| {
                Error::Index(match e.kind() {
                    std::io::ErrorKind::NotFound => {
                        format!("{}: no such file or directory", r.display())
                    }
                    _ => format!("{}: {e}", r.display()),
                })
            })
        })
        .collect()
}

fn is_under(file: &str, root: &str) -> bool {
    file == root
        || (file.starts_with(root)
            && (root.ends_with(std::path::MAIN_SEPARATOR)
                || file[root.len()..].starts_with(std::path::MAIN_SEPARATOR)))
}

/// The path as stored in the index (lossy for names that are not UTF-8).
pub fn path_string(p: &Path) -> String {
    p.to_string_lossy().into_owned()
}

#[cfg(test)]
mod reliability_tests {
    use super::*;

    fn ctx(fields: crate::schema::Fields, max_size: u64) -> Ctx {
        Ctx {
            fields,
            packer: crate::pack::Packer::default(),
            max_size,
            tagger: true,
        }
    }

    fn job(path: &Path) -> FileJob {
        FileJob {
            path: path.to_str().expect("UTF-8 temp path").to_string(),
            oversize: false,
            existed: false,
            size: 0,
        }
    }

    #[test]
    fn a_file_deleted_between_walk_and_read_is_reported() {
        let (_, fields) = crate::schema::Fields::build();
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("gone.txt");
        std::fs::write(&p, "Title\n\nBody text of the article.").unwrap();
        let (files, _) = walk::walk(dir.path(), &WalkOptions::default(), |_| true);
        assert_eq!(files.len(), 1, "the walk saw it");
        std::fs::remove_file(&p).unwrap();
        let res = process_guarded(&job(&p), &ctx(fields, DEFAULT_MAX_FILE_SIZE));
        assert!(!res.ok && res.docs.is_empty());
        assert_eq!(
            res.skipped[0].reason,
            "file disappeared before it could be read"
        );
    }

    #[test]
    fn a_file_that_grew_past_the_limit_is_not_read_whole() {
        let (_, fields) = crate::schema::Fields::build();
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("grew.txt");
        std::fs::write(&p, format!("Title\n\n{}", "word ".repeat(2_000))).unwrap();
        // The walk saw it small; it is now over a 1,000-byte limit.
        let res = process_guarded(&job(&p), &ctx(fields.clone(), 1_000));
        assert!(!res.ok && res.docs.is_empty());
        assert!(res.skipped[0].reason.contains("grew"), "{:?}", res.skipped);
        assert_eq!(res.bytes, 0);
        // At the limit exactly, it is read.
        let res = process_guarded(&job(&p), &ctx(fields, 10_007));
        assert!(res.ok, "{:?}", res.skipped);
    }
}

#[cfg(test)]
mod batch_tests {
    use super::*;

    fn job(size: u64) -> FileJob {
        FileJob {
            path: String::new(),
            oversize: false,
            existed: false,
            size,
        }
    }

    #[test]
    fn batches_bound_files_and_bytes() {
        let jobs: Vec<FileJob> = [10, 10, 10, 50, 200, 1, 1, 1, 1, 1].map(job).into();
        let sizes: Vec<Vec<u64>> = batches(&jobs, 3, 60)
            .iter()
            .map(|b| b.iter().map(|j| j.size).collect())
            .collect();
        assert_eq!(
            sizes,
            vec![
                vec![10, 10, 10],
                vec![50],
                vec![200],
                vec![1, 1, 1],
                vec![1, 1]
            ]
        );
        assert!(batches(&[], 3, 60).is_empty());
    }
}

#[cfg(test)]
mod thread_tests {
    use super::*;

    #[test]
    fn one_indexing_thread_per_three_jobs() {
        let threads: Vec<usize> = [0, 1, 2, 3, 4, 6, 7, 8].map(indexing_threads).into();
        assert_eq!(threads, vec![1, 1, 1, 1, 2, 2, 3, 3]);
    }
}

#[cfg(test)]
mod tagger_mode_tests {
    use super::*;

    fn index(store: &Store, root: &Path, tagger: bool) -> Report {
        let opts = IndexOptions {
            roots: vec![root.to_path_buf()],
            jobs: 2,
            tagger,
            ..IndexOptions::default()
        };
        run(store, &opts, &NoProgress).expect("index")
    }

    /// The only live document of the index.
    fn only_doc(store: &Store) -> tantivy::TantivyDocument {
        let searcher = store.reader().expect("reader").searcher();
        let live: Vec<tantivy::DocAddress> = searcher
            .segment_readers()
            .iter()
            .enumerate()
            .flat_map(|(i, s)| {
                s.doc_ids_alive()
                    .map(move |d| tantivy::DocAddress::new(i as u32, d))
            })
            .collect();
        assert_eq!(live.len(), 1);
        searcher.doc(live[0]).expect("stored document")
    }

    fn entities(store: &Store) -> document::StoredEntities {
        store
            .record(&only_doc(store))
            .expect("stored record")
            .entities
    }

    fn persons(store: &Store) -> Vec<String> {
        entities(store)
            .persons
            .into_iter()
            .map(|p| p.name)
            .collect()
    }

    #[test]
    fn a_run_with_the_tagger_re_extracts_files_indexed_without_it() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("a.txt"),
            "Blair meets Brown\n\nPrime Minister Tony Blair met Gordon Brown in London on \
             Monday to discuss a $5 million grant.",
        )
        .unwrap();
        let store = Store::in_ram();

        let r = index(&store, dir.path(), false);
        assert_eq!((r.added, r.updated), (1, 0));
        let m = store.manifest().unwrap();
        let entry = m.values().next().expect("one file");
        assert_eq!(entry.extractor, extract::stored_version(false));
        assert_ne!(entry.extractor, EXTRACTOR_VERSION);
        assert!(persons(&store).is_empty(), "no tagger, no persons");
        assert_eq!(
            entities(&store).amounts.len(),
            1,
            "amounts are still extracted"
        );

        // Without the tagger again: nothing to do.
        let r = index(&store, dir.path(), false);
        assert_eq!((r.unchanged, r.updated), (1, 0));

        // With the tagger: the file is extracted again, and now has its persons.
        let r = index(&store, dir.path(), true);
        assert_eq!((r.unchanged, r.updated), (0, 1));
        assert_eq!(
            store.manifest().unwrap().values().next().unwrap().extractor,
            EXTRACTOR_VERSION
        );
        let names = persons(&store);
        assert!(names.iter().any(|n| n == "Tony Blair"), "{names:?}");

        // A later run without the tagger keeps what the tagger found.
        let r = index(&store, dir.path(), false);
        assert_eq!((r.unchanged, r.updated), (1, 0));
        assert!(!persons(&store).is_empty());
    }
}

#[cfg(test)]
mod reindex_tests {
    use super::*;

    fn index(store: &Store, roots: &[&Path], max_file_size: u64) -> Report {
        let opts = IndexOptions {
            roots: roots.iter().map(|r| r.to_path_buf()).collect(),
            jobs: 2,
            max_file_size,
            ..IndexOptions::default()
        };
        run(store, &opts, &NoProgress).expect("index")
    }

    #[test]
    fn overlapping_roots_changes_deletions_and_oversize_files() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().canonicalize().unwrap();
        let sub = root.join("sub");
        std::fs::create_dir(&sub).unwrap();
        std::fs::write(root.join("a.txt"), "Alpha\n\nThe first article.").unwrap();
        std::fs::write(sub.join("b.txt"), "Beta\n\nThe second article.").unwrap();
        std::fs::write(sub.join("c.txt"), "Gamma\n\nThird.").unwrap();
        let store = Store::in_ram();
        let max = DEFAULT_MAX_FILE_SIZE;

        // A file under both roots is indexed once.
        let r = index(&store, &[&root, &sub], max);
        assert_eq!((r.added, r.unchanged, r.documents), (3, 0, 3));
        let r = index(&store, &[&root, &sub], max);
        assert_eq!((r.added, r.updated, r.unchanged), (0, 0, 3));

        // One file edited, one removed; the run over the known roots sees both.
        std::fs::write(root.join("a.txt"), "Alpha\n\nThe first article, edited.").unwrap();
        std::fs::remove_file(sub.join("b.txt")).unwrap();
        let r = index(&store, &[], max);
        assert_eq!(
            (r.updated, r.deleted, r.unchanged, r.documents),
            (1, 1, 1, 2)
        );

        // A file now over the size limit is skipped, and its old document leaves the index.
        let r = index(&store, &[&root], 20);
        assert_eq!((r.deleted, r.unchanged, r.documents), (1, 1, 1), "{r:?}");
        assert!(r.skipped.iter().any(|s| s.path.ends_with("a.txt")));
        assert!(store
            .manifest()
            .unwrap()
            .keys()
            .all(|f| f.ends_with("c.txt")));
    }
}
