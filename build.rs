//! Compiles the place gazetteer text (`data/gazetteer.tsv.gz`) into the binary image that
//! `src/extract/place.rs` embeds: the same parser the library's tests check it with, run
//! once at build time instead of at every start (the text parse took about 90 ms). Also
//! inflates the tagger model (`data/ner/model.bin.gz`), so that a start does not spend
//! about 16 ms gunzipping it.

// The modules are the library's own files; the build uses only their compiling half.
#![allow(dead_code)]

use std::io::Read;
use std::path::PathBuf;

#[path = "src/extract/place/compile.rs"]
mod compile;
#[path = "src/extract/place/key.rs"]
mod key;
#[path = "src/extract/place/records.rs"]
mod records;

fn main() {
    for input in [
        "build.rs",
        "data/gazetteer.tsv.gz",
        "data/ner/model.bin.gz",
        "src/extract/place/compile.rs",
        "src/extract/place/key.rs",
        "src/extract/place/records.rs",
    ] {
        println!("cargo:rerun-if-changed={input}");
    }
    let gz = std::fs::read("data/gazetteer.tsv.gz").expect("read data/gazetteer.tsv.gz");
    let mut text = String::new();
    flate2::read::GzDecoder::new(gz.as_slice())
        .read_to_string(&mut text)
        .expect("data/gazetteer.tsv.gz is gzipped UTF-8 text");
    let image = compile::encode(&compile::parse_text(&text));
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out.join("gazetteer.bin"), image).expect("write the gazetteer image");
    let gz = std::fs::read("data/ner/model.bin.gz").expect("read data/ner/model.bin.gz");
    let mut model = Vec::new();
    flate2::read::GzDecoder::new(gz.as_slice())
        .read_to_end(&mut model)
        .expect("data/ner/model.bin.gz is gzipped");
    std::fs::write(out.join("model.bin"), model).expect("write the inflated tagger model");
}
