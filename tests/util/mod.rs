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

/// The `newsdex` binary, with its index in `index`.
pub fn newsdex(index: &Path) -> Command {
    let mut cmd = cargo_bin_cmd!("newsdex");
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
