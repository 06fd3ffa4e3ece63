//! No input makes a reader panic: generated inputs built from the pieces the readers
//! look for (delimiters, markup, datelines, multi-byte characters), and raw bytes.

use super::*;
use crate::extract::date::parse_date;

const PIECES: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    "\"",
    "\"title\"",
    "\"body\"",
    "\"date\"",
    "\"people\"",
    ":",
    ",",
    "null",
    "1741075200",
    "-1e400",
    "---\n",
    "+++\n",
    "...\n",
    "# ",
    "## ",
    "===\n",
    "title: x\n",
    "title = \"x\"\n",
    "<p>",
    "</p>",
    "<article>",
    "</article>",
    "<main>",
    "<script>",
    "<!--",
    "-->",
    "<br>",
    "<meta property=\"og:title\" content=\"T\">",
    "<time datetime=\"",
    "](",
    ")",
    "![",
    "**",
    "__",
    "_",
    "*",
    "~~",
    "`",
    "```\n",
    "\\",
    "—",
    "–",
    " - ",
    "--",
    "LONDON",
    "SÃO PAULO",
    "(Reuters)",
    ", Feb 26",
    "By ",
    "\n",
    "\n\n",
    "\r\n",
    " ",
    "\t",
    "é",
    "€90bn",
    "🙂",
    "\u{0}",
    "\u{feff}",
    "\u{1}",
    "2025-03-01",
    "26-FEB-1987",
    "15:01:01.79",
    "Feb",
    "30",
    "T",
    "Z",
    "+0000",
    "#",
    "|",
    "|---|",
    "&amp;",
    "&#x0;",
    "\u{301}",
    "ǅ",
];

/// A small deterministic generator (xorshift), so that failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

#[test]
fn generated_inputs_never_panic() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let paths = ["a.txt", "a.md", "a.json", "a.jsonl", "a.html", "noext"];
    for round in 0..5000 {
        let mut s = String::new();
        for _ in 0..rng.below(40) {
            s.push_str(PIECES[rng.below(PIECES.len())]);
        }
        for path in paths {
            let _ = read_bytes(Path::new(path), s.as_bytes());
        }
        let _ = parse_date(&s);
        let _ = text::find_dateline(&s);
        let _ = text::dateline_place(&s);
        let _ = markdown::plain_text(&s);
        // Raw bytes, including invalid UTF-8 and lone UTF-16 halves.
        let bytes: Vec<u8> = (0..rng.below(64)).map(|_| rng.next() as u8).collect();
        let mut with_bom = if round % 2 == 0 {
            vec![0xFF, 0xFE]
        } else {
            vec![0xFE, 0xFF]
        };
        with_bom.extend_from_slice(&bytes);
        for path in paths {
            let _ = read_bytes(Path::new(path), &bytes);
            let _ = read_bytes(Path::new(path), &with_bom);
        }
    }
}

#[test]
fn deeply_nested_input_does_not_overflow() {
    let html = format!("<title>Deep</title>{}text", "<div><span>".repeat(3_000));
    let out = read_bytes(Path::new("deep.html"), html.as_bytes()).unwrap();
    assert_eq!(out.articles[0].body, "text");
    let json = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert!(read_bytes(Path::new("deep.json"), json.as_bytes()).is_err());
    let md = format!("# T\n\n{}x{}", "[".repeat(50_000), "](u)".repeat(50_000));
    assert!(read_bytes(Path::new("deep.md"), md.as_bytes()).is_ok());
}
