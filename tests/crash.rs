//! Crash safety and concurrent use, tested like a database: `newsdex index` is SIGKILLed
//! at many points (by time, and on the index directory's own file events, which land in
//! commits), and after every kill the index must open, answer, and be completed exactly
//! by the next run. Needs `../shared/data/reuters21578`; skipped with a notice without it.
//!
//! Run: `cargo test --test crash -- --nocapture` (prints the figures quoted in
//! RELIABILITY.md).

mod util;

use serde_json::Value;
use std::collections::{BTreeSet, HashSet};
use std::path::{Path, PathBuf};
use std::process::Child;
use std::sync::Mutex;
use std::time::{Duration, Instant};
use util::{all_ids, json, newsdex, reuters_files, spawn};

/// Articles copied from Reuters-21578 for each test.
const FILES: usize = 800;
/// Commit often, so that kills land in and between many commits.
const COMMIT_EVERY: &str = "50";

/// The tests of this file time their kills: they run one at a time.
static SERIAL: Mutex<()> = Mutex::new(());

fn serial() -> std::sync::MutexGuard<'static, ()> {
    SERIAL.lock().unwrap_or_else(|e| e.into_inner())
}

fn s(p: &Path) -> &str {
    p.to_str().expect("UTF-8 temp path")
}

/// Ids of every document, checking that none is there twice.
fn unique_ids(index: &Path, what: &str) -> BTreeSet<String> {
    let ids = all_ids(index);
    let set: BTreeSet<String> = ids.iter().cloned().collect();
    assert_eq!(set.len(), ids.len(), "{what}: duplicate ids in the index");
    set
}

/// Runs `index DIR` to the end (exit 0, or 3 when some files were skipped).
fn index_to_end(index: &Path, args: &[&str]) -> Value {
    let out = newsdex(index)
        .args(args)
        .arg("--json")
        .output()
        .expect("runs");
    let code = out.status.code();
    assert!(
        code == Some(0) || code == Some(3),
        "newsdex {args:?} exited {code:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON report")
}

fn assert_same(got: &BTreeSet<String>, want: &BTreeSet<String>, what: &str) {
    if got != want {
        let missing: Vec<_> = want.difference(got).take(5).collect();
        let extra: Vec<_> = got.difference(want).take(5).collect();
        panic!(
            "{what}: {} documents, expected {}; missing {missing:?}, unexpected {extra:?}",
            got.len(),
            want.len()
        );
    }
}

/// Segment files on disk that the last commit does not reference: the kill came after
/// a segment was written and before (or while) a commit recorded it.
fn uncommitted_files(index: &Path) -> usize {
    let Ok(bytes) = std::fs::read(index.join("meta.json")) else {
        return 0;
    };
    let meta: Value = serde_json::from_slice(&bytes).expect("meta.json is whole JSON");
    let live: HashSet<String> = meta["segments"]
        .as_array()
        .expect("segments")
        .iter()
        .filter_map(|s| s["segment_id"].as_str())
        .map(|id| id.replace('-', ""))
        .collect();
    std::fs::read_dir(index)
        .expect("index dir")
        .filter_map(|e| e.ok())
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|name| {
            let stem = name.split('.').next().unwrap_or("");
            stem.len() == 32 && stem.bytes().all(|b| b.is_ascii_hexdigit()) && !live.contains(stem)
        })
        .count()
}

/// What a kill left: checks that the index opens and answers, returns its documents.
fn check_after_kill(index: &Path, what: &str) -> Option<u64> {
    if !index.join("meta.json").exists() {
        // Killed before the index was created: there is nothing to open, and the
        // rerun below must not be blocked by the directory left behind.
        return None;
    }
    let stats = json(index, &["stats", "--json"], 0);
    let docs = stats["documents"]
        .as_u64()
        .unwrap_or_else(|| panic!("{what}: {stats}"));
    let all = json(
        index,
        &["search", "--json", "--limit", "3", "--facets", "none"],
        0,
    );
    assert_eq!(
        all["total"].as_u64(),
        Some(docs),
        "{what}: search sees the last commit"
    );
    json(
        index,
        &["search", "oil prices", "--json", "--limit", "3"],
        0,
    );
    Some(docs)
}

/// Kills `child` (SIGKILL); false if it had already finished.
fn kill(child: &mut Child) -> bool {
    let running = matches!(child.try_wait(), Ok(None));
    let _ = child.kill();
    let _ = child.wait();
    running
}

/// Kills `child` at the `nth` change of the set of files in `index` (a segment written,
/// a commit's meta.json, a merge, a garbage collection); false if it finished first.
fn kill_on_file_event(child: &mut Child, index: &Path, nth: usize) -> bool {
    let names = || -> BTreeSet<std::ffi::OsString> {
        std::fs::read_dir(index)
            .map(|d| d.filter_map(|e| e.ok()).map(|e| e.file_name()).collect())
            .unwrap_or_default()
    };
    let meta_mtime = || {
        std::fs::metadata(index.join("meta.json"))
            .and_then(|m| m.modified())
            .ok()
    };
    let (mut last, mut last_meta) = (names(), meta_mtime());
    let mut events = 0;
    let deadline = Instant::now() + Duration::from_secs(120);
    while Instant::now() < deadline {
        if !matches!(child.try_wait(), Ok(None)) {
            return false;
        }
        let (now, now_meta) = (names(), meta_mtime());
        if now != last || now_meta != last_meta {
            events += 1;
            if events >= nth {
                return kill(child);
            }
            last = now;
            last_meta = now_meta;
        }
        std::thread::sleep(Duration::from_micros(300));
    }
    kill(child)
}

struct Tally {
    kills: usize,
    before_create: usize,
    mid_commit: usize,
    finished_first: usize,
}

#[test]
fn sigkill_at_many_points_then_rerun_completes_exactly() {
    let _serial = serial();
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("news");
    if !reuters_files(&dir, 0..FILES) {
        return;
    }
    let index_args = ["index", s(&dir), "--commit-every", COMMIT_EVERY];

    // The reference: one uninterrupted run.
    let reference_index = tmp.path().join("reference");
    let started = Instant::now();
    index_to_end(&reference_index, &index_args);
    let run_time = started.elapsed();
    let reference = unique_ids(&reference_index, "reference run");
    assert!(reference.len() >= FILES * 9 / 10, "{}", reference.len());

    let mut tally = Tally {
        kills: 0,
        before_create: 0,
        mid_commit: 0,
        finished_first: 0,
    };
    let mut survive = |n: usize, killed: bool, index: &Path, what: &str| {
        if !killed {
            tally.finished_first += 1;
        }
        tally.kills += 1;
        if uncommitted_files(index) > 0 {
            tally.mid_commit += 1;
        }
        let docs = check_after_kill(index, what);
        if docs.is_none() {
            tally.before_create += 1;
        }
        // The rerun finishes the job: exactly the reference documents, each once.
        index_to_end(index, &index_args);
        assert_same(&unique_ids(index, what), &reference, what);
        eprintln!("kill {n:2} ({what}): {docs:?} documents at the kill; rerun complete");
    };

    // Kills spread in time over the whole run, from start-up to the last commit.
    let timed = 12;
    // A run can be faster than the reference one (warm page cache, a quieter machine): when
    // one finished before its kill, the point is tried again earlier on a fresh index, so
    // that the kills stay real however the machine's speed drifts.
    for i in 0..timed {
        let mut at = run_time.mul_f64(0.8 * (i as f64 + 0.3) / timed as f64);
        let mut attempt = 0;
        loop {
            let index = tmp.path().join(format!("timed{i}-{attempt}"));
            let mut child = spawn(&index, &index_args, false);
            std::thread::sleep(at);
            let killed = kill(&mut child);
            if killed || attempt == 3 {
                survive(i, killed, &index, &format!("after {} ms", at.as_millis()));
                break;
            }
            attempt += 1;
            at = at.mul_f64(0.6);
        }
    }
    // Kills on file events of the index directory: segment files being written, meta.json
    // being replaced, merges and garbage collection, i.e. inside commits.
    for (j, nth) in [1usize, 3, 6, 10, 15, 22, 30, 40, 55, 75]
        .into_iter()
        .enumerate()
    {
        let index = tmp.path().join(format!("event{j}"));
        let mut child = spawn(&index, &index_args, false);
        let killed = kill_on_file_event(&mut child, &index, nth);
        survive(timed + j, killed, &index, &format!("at file event {nth}"));
    }
    eprintln!(
        "crash figures: {} kills ({} before the index existed, {} with a segment written but \
         not committed, {} finished before the kill), {} documents each time, full run {} ms",
        tally.kills,
        tally.before_create,
        tally.mid_commit,
        tally.finished_first,
        reference.len(),
        run_time.as_millis()
    );
    assert!(
        tally.kills - tally.finished_first >= 20,
        "too few real kills"
    );
}

/// Copies a directory of regular files (an index between runs).
fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
    }
}

#[test]
fn sigkill_during_reindex_with_edits_and_deletes() {
    let _serial = serial();
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("news");
    if !reuters_files(&dir, 0..FILES) {
        return;
    }
    let base = tmp.path().join("base");
    index_to_end(&base, &["index", s(&dir)]);
    let before = unique_ids(&base, "first run");

    // The changes: every 30th file edited, the next-but-14 deleted, 40 new files.
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    let mut edited = BTreeSet::new();
    let mut deleted = BTreeSet::new();
    for (i, f) in files.iter().enumerate() {
        let id = f.to_str().unwrap().to_string();
        if i % 30 == 0 && before.contains(&id) {
            let mut text = std::fs::read(f).unwrap();
            text.extend_from_slice(b"\nLater edit: zqxedited figures were revised.\n");
            std::fs::write(f, text).unwrap();
            edited.insert(id);
        } else if i % 30 == 14 {
            std::fs::remove_file(f).unwrap();
            deleted.insert(id);
        }
    }
    assert!(reuters_files(&dir, FILES..FILES + 40));

    // What the index must hold in the end: a fresh run over the changed directory.
    let reference_index = tmp.path().join("reference");
    index_to_end(&reference_index, &["index", s(&dir)]);
    let reference = unique_ids(&reference_index, "reference run");
    // Files on disk that were indexed before: at no kill point may one be missing.
    let kept: BTreeSet<String> = before.difference(&deleted).cloned().collect();

    let delays_ms = [0u64, 60, 120, 200, 300, 450, 650];
    for (i, ms) in delays_ms.into_iter().enumerate() {
        let index = tmp.path().join(format!("cycle{i}"));
        copy_dir(&base, &index);
        // No DIR: reindex every root the index knows, committing every 10 articles.
        let mut child = spawn(&index, &["index", "--commit-every", "10"], false);
        std::thread::sleep(Duration::from_millis(ms));
        let killed = kill(&mut child);
        let what = format!("reindex killed after {ms} ms");
        check_after_kill(&index, &what).expect("the index existed before");
        let now = unique_ids(&index, &what);
        let lost: Vec<_> = kept.difference(&now).take(5).collect();
        assert!(
            lost.is_empty(),
            "{what}: files still on disk left the index: {lost:?}"
        );

        index_to_end(&index, &["index", "--commit-every", "10"]);
        let after = unique_ids(&index, &what);
        assert_same(&after, &reference, &what);
        let stale: Vec<_> = deleted.intersection(&after).collect();
        assert!(stale.is_empty(), "{what}: deleted files left: {stale:?}");
        let marked: BTreeSet<String> = util::all_hits(&index, &["zqxedited"])
            .iter()
            .map(|h| h["id"].as_str().unwrap().to_string())
            .collect();
        assert_same(&marked, &edited, &format!("{what}: edited files"));
        eprintln!(
            "reindex kill {i} after {ms} ms ({}): {} documents, edits and deletes applied",
            if killed { "killed" } else { "had finished" },
            after.len()
        );
    }
}

#[test]
fn concurrent_search_second_writer_wait_and_stale_lock() {
    let _serial = serial();
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("news");
    if !reuters_files(&dir, 0..FILES) {
        return;
    }
    let index = tmp.path().join("index");
    let pid_file = index.join(newsdex::store::PID_FILE);
    let mut first = spawn(
        &index,
        &["index", s(&dir), "--commit-every", COMMIT_EVERY],
        false,
    );

    // Wait until it holds the lock (it writes its pid file then).
    let deadline = Instant::now() + Duration::from_secs(60);
    while !pid_file.exists() {
        assert!(Instant::now() < deadline, "the pid file never appeared");
        assert!(matches!(first.try_wait(), Ok(None)), "finished too soon");
        std::thread::sleep(Duration::from_millis(2));
    }

    // A second writer fails at once, naming the first.
    let started = Instant::now();
    let out = newsdex(&index).args(["index", s(&dir)]).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains(&format!("pid {}", first.id())), "{stderr}");
    assert!(stderr.contains("--wait"), "{stderr}");
    let refused_in = started.elapsed();
    assert!(refused_in < Duration::from_secs(10), "not at once");

    // A waiting writer queues behind the first.
    let mut waiter = spawn(&index, &["index", s(&dir), "--wait", "--json"], true);

    // Searches during the run see the last commit: between two stats calls.
    let mut searches = 0;
    let mut seen_partial = false;
    while matches!(first.try_wait(), Ok(None)) {
        if !index.join("meta.json").exists() {
            std::thread::sleep(Duration::from_millis(5));
            continue;
        }
        let n1 = json(&index, &["stats", "--json"], 0)["documents"]
            .as_u64()
            .unwrap();
        let res = json(
            &index,
            &["search", "--json", "--limit", "1", "--facets", "none"],
            0,
        );
        let n2 = json(&index, &["stats", "--json"], 0)["documents"]
            .as_u64()
            .unwrap();
        let total = res["total"].as_u64().unwrap();
        assert!(n1 <= total && total <= n2, "{n1} <= {total} <= {n2}");
        json(&index, &["search", "oil", "--json", "--limit", "2"], 0);
        seen_partial |= total > 0 && total < FILES as u64 * 9 / 10;
        searches += 1;
        if matches!(first.try_wait(), Ok(None)) {
            assert!(
                matches!(waiter.try_wait(), Ok(None)),
                "--wait finished while the first writer still ran"
            );
        }
    }
    let first_status = first.wait().unwrap();
    assert!(matches!(first_status.code(), Some(0) | Some(3)));
    let out = waiter.wait_with_output().unwrap();
    assert!(
        matches!(out.status.code(), Some(0) | Some(3)),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        report["added"], 0,
        "the waiter found everything done: {report}"
    );
    let docs = report["documents"].as_u64().unwrap();
    assert_eq!(unique_ids(&index, "after both").len() as u64, docs);
    eprintln!("concurrency: {searches} searches during the run (partial commit seen: {seen_partial}); second writer refused in {} ms; --wait succeeded", refused_in.as_millis());

    // A SIGKILLed writer leaves no lock that blocks the next run.
    let mut doomed = spawn(
        &index,
        &["index", "--full", "--commit-every", COMMIT_EVERY],
        false,
    );
    let deadline = Instant::now() + Duration::from_secs(60);
    while !pid_file.exists() {
        assert!(Instant::now() < deadline, "the pid file never appeared");
        std::thread::sleep(Duration::from_millis(2));
    }
    std::thread::sleep(Duration::from_millis(300));
    assert!(kill(&mut doomed), "killed while running");
    assert!(
        pid_file.exists(),
        "a stale pid file is left: the case under test"
    );
    let started = Instant::now();
    let out = newsdex(&index).args(["index", "--json"]).output().unwrap();
    assert!(
        matches!(out.status.code(), Some(0) | Some(3)),
        "blocked by a stale lock: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(started.elapsed() < Duration::from_secs(60));
    assert_eq!(
        unique_ids(&index, "after the stale lock").len() as u64,
        docs
    );
    assert!(
        !pid_file.exists(),
        "the pid file is removed by a clean finish"
    );
}
