//! The generator of hostile input files: every kind of bad file a crawl or an export can
//! leave in a news directory, each with what `newsdex index` must make of it.
//!
//! Used by `tests/hostile.rs`; `cargo run --example gen_hostile -- DIR` writes the same
//! files into DIR for manual runs.

#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};

/// One generated file (or directory) and what indexing it must give.
#[derive(Debug, Clone)]
pub struct Case {
    /// Short name of the case, for messages.
    pub name: &'static str,
    /// A substring of the stored path that identifies the case's file(s).
    pub key: String,
    /// Documents it must yield.
    pub docs: usize,
    /// Substrings (lower case) each of which must appear in a reason reported for it,
    /// e.g. `["line 2", "line 4"]`; empty = it must not be reported at all.
    pub reasons: Vec<&'static str>,
    /// A word that must find its document.
    pub find: Option<&'static str>,
    /// Words that must find nothing at all (text that must not be indexed).
    pub absent: Vec<&'static str>,
}

impl Case {
    fn new(name: &'static str, key: &str, docs: usize) -> Case {
        Case {
            name,
            key: key.to_string(),
            docs,
            reasons: Vec::new(),
            find: None,
            absent: Vec::new(),
        }
    }
    fn reason(mut self, r: &'static str) -> Case {
        self.reasons.push(r);
        self
    }
    fn find(mut self, w: &'static str) -> Case {
        self.find = Some(w);
        self
    }
    fn absent(mut self, w: &'static str) -> Case {
        self.absent.push(w);
        self
    }
}

/// Size of the sparse file that the size limit must skip unread.
pub const HUGE_FILE: u64 = 200 * 1024 * 1024;
/// Size of the file made of one line.
pub const LONG_LINE: usize = 10 * 1024 * 1024;
/// Nesting depth of the deeply nested JSON, YAML, TOML, HTML and Markdown files.
pub const DEPTH: usize = 100_000;

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).expect("write a hostile file");
    p
}

fn utf16(text: &str, big_endian: bool, bom: bool) -> Vec<u8> {
    let mut out = Vec::new();
    if bom {
        out.extend_from_slice(if big_endian {
            &[0xFE, 0xFF]
        } else {
            &[0xFF, 0xFE]
        });
    }
    for unit in text.encode_utf16() {
        out.extend_from_slice(&if big_endian {
            unit.to_be_bytes()
        } else {
            unit.to_le_bytes()
        });
    }
    out
}

/// Whether this process can read a file whose mode is 000 (true for root, where the
/// unreadable-file case cannot be made).
pub fn reads_mode_000(dir: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let p = dir.join(".probe-000");
        let _ = std::fs::write(&p, b"x");
        let _ = std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o000));
        let readable = std::fs::File::open(&p).is_ok();
        let _ = std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o600));
        let _ = std::fs::remove_file(&p);
        readable
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        true
    }
}

/// Writes every hostile file into `dir` (created if needed), with two good articles
/// among them, and returns the cases. Index it with `--follow-links` (`-L`).
pub fn generate(dir: &Path) -> Vec<Case> {
    std::fs::create_dir_all(dir).expect("mkdir");
    let mut cases = Vec::new();

    write(
        dir,
        "good-one.txt",
        b"Copper output rises\n\nLIMA (Reuters) - Zqxgoodone copper output rose 4 pct in March.",
    );
    cases.push(Case::new("good text", "good-one.txt", 1).find("zqxgoodone"));
    write(
        dir,
        "good-two.md",
        b"---\ntitle: Grain exports\n---\nZqxgoodtwo wheat exports from Rouen fell.\n",
    );
    cases.push(Case::new("good markdown", "good-two.md", 1).find("zqxgoodtwo"));

    // Binary data: a PNG-like header, NUL bytes and noise.
    let mut bin = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR".to_vec();
    let mut x: u32 = 2_463_534_242;
    for _ in 0..4096 {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        bin.push((x & 0xff) as u8);
    }
    write(dir, "binary.txt", &bin);
    cases.push(Case::new("binary data", "binary.txt", 0).reason("binary"));
    // Control characters without NUL.
    let ctl: Vec<u8> = (0..2000u32)
        .map(|i| [1u8, 2, 3, 0x1b, b'a'][i as usize % 5])
        .collect();
    write(dir, "controls.txt", &ctl);
    cases.push(Case::new("control characters", "controls.txt", 0).reason("binary"));

    // Truncated UTF-8: a multi-byte character cut at the end of the file.
    write(
        dir,
        "truncated-utf8.txt",
        b"Zqxtrunc prices in Z\xc3\xbcrich\n\nThe caf\xc3\xa9 in Z\xc3\xbcrich raised prices \xe2\x82",
    );
    cases.push(Case::new("truncated UTF-8", "truncated-utf8.txt", 1).find("zqxtrunc"));

    let article =
        "Zqxutfsixteen talks\n\nBRUSSELS (Reuters) - Ministers met in Brussels on Monday.";
    write(dir, "utf16le-bom.txt", &utf16(article, false, true));
    cases.push(Case::new("UTF-16 LE with BOM", "utf16le-bom.txt", 1));
    write(dir, "utf16be-bom.txt", &utf16(article, true, true));
    cases.push(Case::new("UTF-16 BE with BOM", "utf16be-bom.txt", 1));
    write(dir, "utf16le-nobom.txt", &utf16(article, false, false));
    cases.push(Case::new("UTF-16 LE without BOM", "utf16le-nobom.txt", 1));
    write(dir, "utf16be-nobom.txt", &utf16(article, true, false));
    cases.push(Case::new("UTF-16 BE without BOM", "utf16be-nobom.txt", 1));

    write(
        dir,
        "latin1.txt",
        b"Zqxlatin caf\xe9 owners protest\n\nOwners in Montr\xe9al said fees rose \xa3 5 mln.",
    );
    cases.push(Case::new("Latin-1", "latin1.txt", 1).find("zqxlatin"));

    write(dir, "empty.txt", b"");
    cases.push(Case::new("empty file", "empty.txt", 0).reason("empty"));
    write(dir, "blank.md", b" \n\t\r\n   \n");
    cases.push(Case::new("whitespace-only file", "blank.md", 0).reason("empty"));
    write(dir, "empty.json", b"");
    cases.push(Case::new("empty JSON file", "empty.json", 0).reason("empty"));

    // 200 MB, sparse: costs no disk, and must be skipped by size without being read.
    let huge = std::fs::File::create(dir.join("huge.txt")).expect("create");
    huge.set_len(HUGE_FILE).expect("sparse file");
    cases.push(Case::new("200 MB file", "huge.txt", 0).reason("limit"));

    // JSON with wrong types for every field.
    write(
        dir,
        "wrong-types.json",
        br#"{"title": 12345, "text": ["not", "a", "string"], "date": {"y": 1987}, "author": false, "id": null}"#,
    );
    cases
        // Numbers are taken as text (title "12345"); the array text and object date are
        // dropped.
        .push(Case::new("JSON with wrong types", "wrong-types.json", 1));
    write(
        dir,
        "wrong-types-array.json",
        br#"[{"title": "Zqxrightitem bonds", "text": "Bond yields fell."}, {"title": 7, "text": 8}, 42, "str", null]"#,
    );
    cases.push(
        Case::new("JSON array with wrong items", "wrong-types-array.json", 2)
            .find("zqxrightitem")
            .reason("item"),
    );

    // Nesting 100,000 deep, in every format that nests.
    let deep = |open: &str, close: &str| -> Vec<u8> {
        let mut v = Vec::with_capacity(DEPTH * (open.len() + close.len()));
        for _ in 0..DEPTH {
            v.extend_from_slice(open.as_bytes());
        }
        for _ in 0..DEPTH {
            v.extend_from_slice(close.as_bytes());
        }
        v
    };
    write(dir, "deep.json", &deep("[", "]"));
    cases.push(Case::new("JSON nested 100,000 deep", "deep.json", 0).reason("json"));
    write(dir, "deep-object.json", &deep("{\"a\":", "}"));
    cases.push(Case::new("JSON objects nested 100,000 deep", "deep-object.json", 0).reason("json"));
    let mut deep_line = b"{\"title\":\"Zqxdeepline ok\",\"text\":\"Fine.\"}\n".to_vec();
    deep_line.extend_from_slice(&deep("[", "]"));
    deep_line.push(b'\n');
    write(dir, "deep.jsonl", &deep_line);
    cases.push(Case::new("JSON Lines with a 100,000-deep line", "deep.jsonl", 1).reason("line 2"));
    let mut yaml = b"---\ntitle: Zqxdeepyaml\ntags: ".to_vec();
    yaml.extend_from_slice(&deep("[", "]"));
    yaml.extend_from_slice(b"\n---\nBody of the deep YAML article.\n");
    write(dir, "deep-yaml.md", &yaml);
    cases.push(
        Case::new("YAML front matter nested 100,000 deep", "deep-yaml.md", 1).reason("recursion"),
    );
    let mut toml = b"+++\ntitle = \"Zqxdeeptoml\"\ntags = ".to_vec();
    toml.extend_from_slice(&deep("[", "]"));
    toml.extend_from_slice(b"\n+++\nBody of the deep TOML article.\n");
    write(dir, "deep-toml.md", &toml);
    cases.push(
        Case::new("TOML front matter nested 100,000 deep", "deep-toml.md", 1)
            .reason("invalid toml"),
    );
    // JSON Lines: good lines index, bad ones are reported by number.
    write(
        dir,
        "mixed.jsonl",
        b"{\"title\":\"Zqxlineone\",\"text\":\"First good line.\"}\nnot json at all\n{\"title\":\"Zqxlinethree\",\"text\":\"Third good line.\"}\n[1,2,3]\n{\"title\": 5}\n\n{\"title\":\"Zqxlineseven\",\"text\":\"Seventh.\"}\n{\"title\":\"cut",
    );
    cases.push(
        Case::new("JSON Lines with bad lines", "mixed.jsonl", 4)
            .find("zqxlineseven")
            .reason("line 2")
            .reason("line 4")
            .reason("line 8"),
    );

    // HTML with scripts, styles and event handlers: none of their text is indexed.
    write(
        dir,
        "scripts.html",
        b"<html><head><title>Zqxhtmlpage rates</title><script>var zqxscriptvar = 'zqxscripttext';</script>\
          <style>.zqxstyletext { color: red }</style></head>\
          <body onload=\"zqxonload()\"><p onclick=\"alert('zqxhandlertext')\">Rates were cut in Frankfurt.</p>\
          <script type=\"text/javascript\">document.write('zqxwritten');</script>\
          <noscript>zqxnoscript</noscript><img src=x onerror=\"zqxonerror()\"></body></html>",
    );
    cases.push(
        Case::new("HTML with scripts and event handlers", "scripts.html", 1)
            .find("zqxhtmlpage")
            .absent("zqxscripttext")
            .absent("zqxscriptvar")
            .absent("zqxstyletext")
            .absent("zqxhandlertext")
            .absent("zqxonload")
            .absent("zqxwritten")
            .absent("zqxonerror"),
    );

    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        use std::os::unix::fs::PermissionsExt;
        // A symbolic link loop, and a dangling link.
        let loop_dir = dir.join("loop");
        std::fs::create_dir_all(&loop_dir).expect("mkdir");
        write(
            &loop_dir,
            "inside.txt",
            b"Zqxinsideloop\n\nAn article inside the loop.",
        );
        std::os::unix::fs::symlink("..", loop_dir.join("back")).expect("symlink");
        cases.push(Case::new("symbolic link loop", "loop", 1).reason("loop"));
        std::os::unix::fs::symlink("nowhere.txt", dir.join("dangling.txt")).expect("symlink");
        cases.push(Case::new("dangling symbolic link", "dangling.txt", 0).reason("dangling"));

        // A file name that is not UTF-8.
        let name = std::ffi::OsStr::from_bytes(b"nonutf8-\xff\xfe.txt");
        std::fs::write(
            dir.join(name),
            b"Zqxbadname\n\nA good article with a bad name.",
        )
        .expect("write");
        cases.push(
            Case::new("file name not UTF-8", "nonutf8-\u{fffd}\u{fffd}.txt", 0).reason("utf-8"),
        );

        // An unreadable file (skipped when running as root, where mode 000 still reads).
        if !reads_mode_000(dir) {
            let p = write(dir, "unreadable.txt", b"Zqxunreadable\n\nSecret.");
            std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o000)).expect("chmod");
            cases.push(Case::new("unreadable file", "unreadable.txt", 0).reason("permission"));
        }
    }
    cases
}

/// The cases that currently take minutes or abort the process (see RELIABILITY.md,
/// "Known problems"); written apart so that the main suite stays fast.
pub fn generate_slow(dir: &Path) -> Vec<Case> {
    std::fs::create_dir_all(dir).expect("mkdir");
    let mut cases = Vec::new();
    let deep = |open: &str, close: &str| -> Vec<u8> {
        let mut v = Vec::with_capacity(DEPTH * (open.len() + close.len()));
        for _ in 0..DEPTH {
            v.extend_from_slice(open.as_bytes());
        }
        for _ in 0..DEPTH {
            v.extend_from_slice(close.as_bytes());
        }
        v
    };
    // 10 MB on one line, no newline at all.
    let mut line = Vec::with_capacity(LONG_LINE + 64);
    line.extend_from_slice(b"Zqxlongline ");
    let words: [&[u8]; 6] = [b"oil ", b"prices ", b"rose ", b"in ", b"Paris ", b"today "];
    let mut i = 0;
    while line.len() < LONG_LINE {
        line.extend_from_slice(words[i % words.len()]);
        i += 1;
    }
    write(dir, "long-line.txt", &line);
    cases.push(Case::new("10 MB single line", "long-line.txt", 1).find("zqxlongline"));

    let mut html = b"<html><head><title>Zqxdeephtml</title></head><body>".to_vec();
    html.extend_from_slice(&deep("<div>", "</div>"));
    html.extend_from_slice(b"<p>Deep page body.</p></body></html>");
    write(dir, "deep.html", &html);
    cases.push(Case::new("HTML nested 100,000 deep", "deep.html", 1).find("zqxdeephtml"));
    let mut md = b"Zqxdeepmd quotes\n\n".to_vec();
    md.extend_from_slice(&">".repeat(DEPTH).into_bytes());
    md.extend_from_slice(b" quoted text\n");
    md.extend_from_slice(&"[".repeat(DEPTH).into_bytes());
    md.extend_from_slice(b"x\n");
    write(dir, "deep.md", &md);
    cases.push(Case::new("Markdown nested 100,000 deep", "deep.md", 1));

    cases
}

/// Makes the generated files writable and removable again (the unreadable one).
pub fn cleanup(dir: &Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = std::fs::set_permissions(
            dir.join("unreadable.txt"),
            std::fs::Permissions::from_mode(0o600),
        );
    }
    let _ = std::io::stderr().flush();
}
