//! Real text for tests: the article files of the shared corpora, when they are there.

use std::path::PathBuf;

/// The text of every BBC and Reuters-21578 article file in `../shared/data`; none when that
/// directory is not there.
pub(crate) fn bbc_and_reuters() -> Vec<String> {
    let data = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data");
    [data.join("bbc"), data.join("reuters21578/articles")]
        .iter()
        .flat_map(walkdir::WalkDir::new)
        .flatten()
        .filter_map(|entry| std::fs::read_to_string(entry.path()).ok())
        .collect()
}
