//! Turns input paths into candidate files with their metadata, without opening them.

use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

/// How to walk.
#[derive(Debug, Clone, Default)]
pub struct WalkOptions {
    /// Follow symbolic links (loops are detected and reported, never followed twice).
    pub follow_links: bool,
    /// Include hidden files and directories (names starting with '.').
    pub hidden: bool,
}

/// A file found by the walk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// Absolute path.
    pub path: PathBuf,
    /// Size in bytes.
    pub size: u64,
    /// Modification time, nanoseconds since the Unix epoch.
    pub mtime: u64,
}

/// Something the walk could not look at, with the reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WalkProblem {
    /// The path (or the root) concerned.
    pub path: PathBuf,
    /// Why, in words.
    pub reason: String,
}

/// Walks `root` (a directory or a single file) and returns the candidate files, sorted by path,
/// and the problems met on the way. `accept` decides which file names are articles.
///
/// Depth first, each directory's entries in byte order of their names (so the files come
/// out sorted by path, component by component), hidden names skipped below the root unless
/// asked for. A file is looked at with one `stat` relative to its open directory, which
/// spares the kernel a lookup of every directory of the path (a third of the walk's time on
/// the 21,578 Reuters files).
pub fn walk(
    root: &Path,
    opts: &WalkOptions,
    accept: impl Fn(&Path) -> bool,
) -> (Vec<Candidate>, Vec<WalkProblem>) {
    let mut w = Walk {
        files: Vec::new(),
        problems: Vec::new(),
    };
    // The directories, from the root down to the current one, with the entries left to
    // look at in each.
    let mut stack: Vec<Level> = Vec::new();
    // The root is followed even when it is a symbolic link.
    match std::fs::metadata(root) {
        Err(err) => w.problem(root, &err),
        Ok(md) if md.is_dir() => {
            let id = opts.follow_links.then(|| identity(root, &md));
            stack.extend(w.open(root, id));
        }
        Ok(md) => {
            if md.is_file() && accept(root) {
                w.files.push(Candidate::new(root.to_owned(), &md));
            }
        }
    }
    while let Some(level) = stack.last_mut() {
        let Some(entry) = level.entries.next() else {
            stack.pop();
            continue;
        };
        if !opts.hidden && is_hidden(&entry.name) {
            continue;
        }
        let path = level.dir.join(&entry.name);
        let file_type = match entry.entry.file_type() {
            Ok(t) => t,
            Err(err) => {
                w.problem(&path, &err);
                continue;
            }
        };
        // A followed link stands for its target: its type and metadata are the target's.
        let followed = if file_type.is_symlink() && opts.follow_links {
            match std::fs::metadata(&path) {
                Ok(md) => Some(md),
                Err(err) => {
                    w.problem(&path, &err);
                    continue;
                }
            }
        } else {
            None
        };
        let is_dir = followed
            .as_ref()
            .map_or(file_type.is_dir(), |md| md.is_dir());
        let is_file = followed
            .as_ref()
            .map_or(file_type.is_file(), |md| md.is_file());
        if is_dir {
            let md = match followed {
                Some(md) => Some(md),
                // Only a walk that follows links needs a directory's identity.
                None if opts.follow_links => match entry.entry.metadata() {
                    Ok(md) => Some(md),
                    Err(err) => {
                        w.problem(&path, &err);
                        continue;
                    }
                },
                None => None,
            };
            let id = md.as_ref().map(|md| identity(&path, md));
            if let Some(id) = &id {
                if let Some(ancestor) = stack.iter().find(|l| l.id.as_ref() == Some(id)) {
                    w.problems.push(WalkProblem {
                        path,
                        reason: format!(
                            "symbolic link loop (points back to {})",
                            ancestor.dir.display()
                        ),
                    });
                    continue;
                }
            }
            if let Some(level) = w.open(&path, id) {
                stack.push(level);
            }
        } else if is_file && accept(&path) {
            let md = match followed {
                Some(md) => Ok(md),
                None => entry.entry.metadata(),
            };
            match md {
                Ok(md) => w.files.push(Candidate::new(path, &md)),
                Err(err) => w.problem(&path, &err),
            }
        }
    }
    (w.files, w.problems)
}

/// What one walk found.
struct Walk {
    files: Vec<Candidate>,
    problems: Vec<WalkProblem>,
}

/// A directory being walked: its path, its identity (when links are followed), and its
/// entries not yet looked at, in name order.
struct Level {
    dir: PathBuf,
    id: Option<FileId>,
    entries: std::vec::IntoIter<Named>,
}

/// A directory entry with its name (read once, for sorting and for the path).
struct Named {
    name: std::ffi::OsString,
    entry: std::fs::DirEntry,
}

impl Walk {
    /// Reads a directory's entries, sorted by name; a problem if it cannot be read.
    fn open(&mut self, dir: &Path, id: Option<FileId>) -> Option<Level> {
        let read = std::fs::read_dir(dir).and_then(|entries| {
            entries
                .map(|e| {
                    e.map(|entry| Named {
                        name: entry.file_name(),
                        entry,
                    })
                })
                .collect::<std::io::Result<Vec<Named>>>()
        });
        match read {
            Ok(mut entries) => {
                entries.sort_unstable_by(|a, b| a.name.cmp(&b.name));
                Some(Level {
                    dir: dir.to_owned(),
                    id,
                    entries: entries.into_iter(),
                })
            }
            Err(err) => {
                self.problem(dir, &err);
                None
            }
        }
    }

    fn problem(&mut self, path: &Path, err: &std::io::Error) {
        self.problems.push(WalkProblem {
            path: path.to_owned(),
            reason: describe(path, err),
        });
    }
}

impl Candidate {
    fn new(path: PathBuf, md: &std::fs::Metadata) -> Candidate {
        Candidate {
            path,
            size: md.len(),
            mtime: mtime_nanos(md),
        }
    }
}

/// What tells two directories apart, to find symbolic link loops.
#[cfg(unix)]
type FileId = (u64, u64);
#[cfg(not(unix))]
type FileId = PathBuf;

#[cfg(unix)]
fn identity(_: &Path, md: &std::fs::Metadata) -> FileId {
    use std::os::unix::fs::MetadataExt;
    (md.dev(), md.ino())
}

#[cfg(not(unix))]
fn identity(path: &Path, _: &std::fs::Metadata) -> FileId {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned())
}

/// Modification time in nanoseconds since the Unix epoch (0 if unknown).
pub fn mtime_nanos(md: &std::fs::Metadata) -> u64 {
    md.modified()
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos() as u64)
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    // Most names do not start with a dot: that answers without a UTF-8 check.
    name.as_encoded_bytes().first() == Some(&b'.')
        && name
            .to_str()
            .is_some_and(|s| s.starts_with('.') && s != "." && s != "..")
}

/// The reason given for a path the walk could not look at.
fn describe(path: &Path, err: &std::io::Error) -> String {
    match err.kind() {
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        std::io::ErrorKind::NotFound if path.is_symlink() => {
            "dangling symbolic link (its target does not exist)".into()
        }
        _ => err.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_files_skips_hidden_and_reports_loops() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("a")).unwrap();
        std::fs::write(dir.path().join("a/one.txt"), "x").unwrap();
        std::fs::write(dir.path().join(".hidden.txt"), "x").unwrap();
        std::fs::write(dir.path().join("b.png"), "x").unwrap();
        #[cfg(unix)]
        std::os::unix::fs::symlink(dir.path(), dir.path().join("a/loop")).unwrap();
        let opts = WalkOptions {
            follow_links: true,
            hidden: false,
        };
        let (files, problems) = walk(dir.path(), &opts, |p| {
            p.extension().is_some_and(|e| e == "txt")
        });
        assert_eq!(files.len(), 1, "{files:?}");
        assert!(files[0].path.ends_with("a/one.txt"));
        #[cfg(unix)]
        assert!(
            problems.iter().any(|p| p.reason.contains("loop")),
            "{problems:?}"
        );
    }
}

/// The walk as it was written on `walkdir` (sorted by file name, `stat` by full path): the
/// new walk must find the same files, in the same order, with the same problems.
#[cfg(test)]
mod same_as_walkdir {
    use super::*;

    fn reference(
        root: &Path,
        opts: &WalkOptions,
        accept: impl Fn(&Path) -> bool,
    ) -> (Vec<Candidate>, Vec<WalkProblem>) {
        let mut files = Vec::new();
        let mut problems = Vec::new();
        let walker = walkdir::WalkDir::new(root)
            .follow_links(opts.follow_links)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| opts.hidden || e.depth() == 0 || !is_hidden(e.file_name()));
        for entry in walker {
            match entry {
                Ok(e) => {
                    if !e.file_type().is_file() || !accept(e.path()) {
                        continue;
                    }
                    match e.metadata() {
                        Ok(md) => files.push(Candidate::new(e.path().to_owned(), &md)),
                        Err(err) => problems.push(WalkProblem {
                            path: e.path().to_owned(),
                            reason: err.to_string(),
                        }),
                    }
                }
                Err(err) => {
                    let path = err.path().map_or_else(|| root.to_owned(), Path::to_owned);
                    let reason = match (err.loop_ancestor(), err.io_error()) {
                        (Some(a), _) => {
                            format!("symbolic link loop (points back to {})", a.display())
                        }
                        (None, Some(io)) => describe(&path, io),
                        (None, None) => err.to_string(),
                    };
                    problems.push(WalkProblem { path, reason });
                }
            }
        }
        (files, problems)
    }

    fn txt(p: &Path) -> bool {
        p.extension().is_some_and(|e| e == "txt")
    }

    fn assert_same(root: &Path) -> usize {
        let mut found = 0;
        for follow_links in [false, true] {
            for hidden in [false, true] {
                let opts = WalkOptions {
                    follow_links,
                    hidden,
                };
                let new = walk(root, &opts, txt);
                assert_eq!(new, reference(root, &opts, txt), "{opts:?}");
                found += new.0.len();
            }
        }
        found
    }

    #[test]
    fn on_a_tree_of_awkward_names_links_and_loops() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        // Names that sort differently by path bytes and by component: "a" < "a b" <
        // "a-c" < "a.b" < "a0", with "a/…" between "a" and "a b" only component-wise.
        for d in [
            "a",
            "a b",
            "a-c",
            "a.b",
            "a0",
            "A",
            "é",
            ".h",
            "a/deep/er",
            "a/.h2",
        ] {
            std::fs::create_dir_all(root.join(d)).unwrap();
        }
        for f in [
            "a/x.txt",
            "a/deep/er/y.txt",
            "a/.h2/z.txt",
            "a b/x.txt",
            "a-c/x.txt",
            "a.b/x.txt",
            "a0/x.txt",
            "A/x.txt",
            "é/x.txt",
            ".h/x.txt",
            ".top.txt",
            "top.txt",
            "top.md",
            "Top.txt",
        ] {
            std::fs::write(root.join(f), f).unwrap();
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::symlink;
            symlink(root.join("top.txt"), root.join("link-to-file.txt")).unwrap();
            symlink(root.join("a/deep"), root.join("link-to-dir")).unwrap();
            symlink(root, root.join("a/deep/loop")).unwrap();
            symlink(root.join("missing.txt"), root.join("dangling.txt")).unwrap();
        }
        assert!(assert_same(root) > 0);
        // A file as the root, a missing root.
        assert_eq!(assert_same(&root.join("top.txt")), 4);
        assert_eq!(assert_same(&root.join("nothing-here")), 0);
        let (_, problems) = walk(&root.join("nothing-here"), &WalkOptions::default(), txt);
        assert_eq!(problems.len(), 1);
        #[cfg(unix)]
        {
            let opts = WalkOptions {
                follow_links: true,
                hidden: false,
            };
            let (files, problems) = walk(root, &opts, txt);
            let reasons: Vec<&str> = problems.iter().map(|p| p.reason.as_str()).collect();
            assert!(reasons.iter().any(|r| r.contains("loop")), "{reasons:?}");
            assert!(
                reasons.iter().any(|r| r.contains("dangling")),
                "{reasons:?}"
            );
            assert!(files
                .iter()
                .any(|f| f.path.ends_with("link-to-dir/er/y.txt")));
        }
    }

    #[test]
    fn on_the_reuters_files() {
        let root =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/reuters21578/articles");
        if !root.is_dir() {
            eprintln!("skipped: {} is not there", root.display());
            return;
        }
        assert!(assert_same(&root) >= 4 * 21_000);
    }
}
