//! Shared helpers for the integration tests: the real binary on a temporary index.

#![allow(dead_code)]

use assert_cmd::cargo::cargo_bin_cmd;
use assert_cmd::Command;
use serde_json::Value;
use std::path::{Path, PathBuf};

/// `../shared/data`, or None (with a printed notice) when it is absent.
pub fn shared_data() -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data");
    if p.is_dir() {
        Some(p)
    } else {
        eprintln!(
            "notice: {} is absent; skipping the tests on real data",
            p.display()
        );
        None
    }
}

/// The binary under test: cargo's own build of `newsdex`, or `$NEWSDEX_TEST_BIN` when set
/// (a private copy, for a target directory shared with other builds).
pub fn bin_path() -> PathBuf {
    std::env::var_os("NEWSDEX_TEST_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| assert_cmd::cargo::cargo_bin!("newsdex").to_owned())
}

/// The `newsdex` binary, with its index in `index`.
pub fn newsdex(index: &Path) -> Command {
    let mut cmd = match std::env::var_os("NEWSDEX_TEST_BIN") {
        Some(bin) => Command::new(bin),
        None => cargo_bin_cmd!("newsdex"),
    };
    cmd.env("NEWSDEX_INDEX", index).env_remove("NO_COLOR");
    cmd
}

/// Runs newsdex with `args`, expects exit status `code`, parses stdout as JSON.
pub fn json(index: &Path, args: &[&str], code: i32) -> Value {
    let out = newsdex(index).args(args).output().expect("runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(code),
        "newsdex {args:?}\nstdout: {stdout}\nstderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_str(&stdout)
        .unwrap_or_else(|e| panic!("newsdex {args:?}: not JSON ({e}): {stdout}"))
}

/// The `top` values of one facet (`person`, `place`, `org`, `amount`) over the whole index,
/// most frequent first.
pub fn facet_values(index: &Path, field: &str, top: usize) -> Vec<String> {
    let top = top.to_string();
    let v = json(
        index,
        &["facets", "--field", field, "--top", &top, "--json"],
        0,
    );
    v["facets"][field]
        .as_array()
        .unwrap_or_else(|| panic!("no {field} facet: {v}"))
        .iter()
        .map(|v| v["value"].as_str().unwrap().to_string())
        .collect()
}

/// Copies a directory tree.
pub fn copy_tree(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.expect("walk");
        let rel = entry.path().strip_prefix(from).expect("prefix");
        let dest = to.join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&dest).expect("mkdir");
        } else {
            std::fs::copy(entry.path(), &dest).expect("copy");
        }
    }
}

/// Every hit of a search (up to 10,000), as JSON.
pub fn all_hits(index: &Path, extra: &[&str]) -> Vec<Value> {
    let mut args = vec!["search", "--json", "--limit", "10000", "--facets", "none"];
    args.extend_from_slice(extra);
    json(index, &args, 0)["hits"]
        .as_array()
        .expect("hits")
        .clone()
}

/// Starts `newsdex ARGS` with its index in `index`, without waiting: stdin, stdout and
/// stderr are discarded unless `capture` (then stdout and stderr are piped, to be read
/// with `wait_with_output`).
pub fn spawn(index: &Path, args: &[&str], capture: bool) -> std::process::Child {
    use std::process::Stdio;
    let out = || {
        if capture {
            Stdio::piped()
        } else {
            Stdio::null()
        }
    };
    std::process::Command::new(bin_path())
        .env("NEWSDEX_INDEX", index)
        .env("RUST_BACKTRACE", "0")
        .args(args)
        .stdin(Stdio::null())
        .stdout(out())
        .stderr(out())
        .spawn()
        .expect("newsdex starts")
}

/// Copies the articles `range` (by position in name order) of the Reuters-21578 corpus
/// into `dest`, or returns false (with a printed notice) when the shared data is absent.
pub fn reuters_files(dest: &Path, range: std::ops::Range<usize>) -> bool {
    let Some(data) = shared_data() else {
        return false;
    };
    let src = data.join("reuters21578/articles");
    let Ok(entries) = std::fs::read_dir(&src) else {
        eprintln!("notice: {} is absent; skipping", src.display());
        return false;
    };
    let mut names: Vec<_> = entries
        .filter_map(|e| e.ok())
        .map(|e| e.file_name())
        .collect();
    names.sort();
    std::fs::create_dir_all(dest).expect("mkdir");
    for name in names.iter().skip(range.start).take(range.len()) {
        std::fs::copy(src.join(name), dest.join(name)).expect("copy");
    }
    true
}

/// The ids of every document (up to 10,000), in hit order.
pub fn all_ids(index: &Path) -> Vec<String> {
    all_hits(index, &[])
        .iter()
        .map(|h| h["id"].as_str().expect("id").to_string())
        .collect()
}
