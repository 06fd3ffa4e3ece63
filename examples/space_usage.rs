//! Where an index's bytes go, by part (postings, positions, term dictionaries, fast fields,
//! field norms, the document store) and by field, from tantivy's own accounting.
//!
//!     cargo run --release --example space_usage -- INDEX_DIR [ROWS]
//!
//! Prints the largest (part, field) pairs (ROWS of them, 25 unless given), then each part's
//! total and the index's.

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let dir = args.next().ok_or("usage: space_usage INDEX_DIR [ROWS]")?;
    let rows_wanted: usize = args.next().map_or(Ok(25), |n| n.parse())?;
    let index = tantivy::Index::open_in_dir(&dir)?;
    let usage = index.reader()?.searcher().space_usage()?;
    // The accounting types are read through their serialised form: it names every part.
    let json = serde_json::to_value(&usage)?;
    let mut rows: Vec<(u64, String, String)> = Vec::new();
    let mut parts: std::collections::BTreeMap<String, u64> = Default::default();
    for segment in json["segments"].as_array().into_iter().flatten() {
        for (part, value) in segment["components"].as_object().into_iter().flatten() {
            if let Some(fields) = value["PerField"]["fields"].as_object() {
                for field in fields.values() {
                    let bytes = field["num_bytes"].as_u64().unwrap_or(0);
                    let name = field["field_name"].as_str().unwrap_or("?");
                    *parts.entry(part.clone()).or_default() += bytes;
                    match rows.iter_mut().find(|(_, p, n)| p == part && n == name) {
                        Some(row) => row.0 += bytes,
                        None => rows.push((bytes, part.clone(), name.to_string())),
                    }
                }
            } else if let Some(store) = value["Store"].as_object() {
                let bytes: u64 = store.values().filter_map(|v| v.as_u64()).sum();
                *parts.entry(part.clone()).or_default() += bytes;
            }
        }
    }
    rows.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    for (bytes, part, name) in rows.iter().take(rows_wanted) {
        println!("{bytes:>12}  {part:<12} {name}");
    }
    println!();
    for (part, bytes) in &parts {
        println!("{bytes:>12}  {part}");
    }
    println!("{:>12}  total", usage.total().get_bytes());
    Ok(())
}
