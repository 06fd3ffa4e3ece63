//! End-to-end tests of the `newsdex` binary: the sample corpus, bad input, errors.

mod util;

use predicates::str::contains;
use util::{json, newsdex};

fn corpus() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

#[test]
fn sample_corpus_answers_the_brief_example() {
    let tmp = tempfile::tempdir().unwrap();
    let index = tmp.path().join("index");
    let report = json(&index, &["index", corpus().to_str().unwrap(), "--json"], 0);
    assert!(report["added"].as_u64().unwrap() >= 20, "{report}");
    assert_eq!(report["skipped"].as_array().unwrap().len(), 0, "{report}");

    // "every article where Putin and Macron appear, set in Belgium, that mentions more than €50bn"
    let res = json(
        &index,
        &[
            "search",
            "--person",
            "putin",
            "--person",
            "macron",
            "--place",
            "Belgium",
            "--amount",
            ">50bn EUR",
            "--json",
        ],
        0,
    );
    assert!(res["total"].as_u64().unwrap() >= 2, "{res}");
    for hit in res["hits"].as_array().unwrap() {
        let persons = hit["persons"].to_string();
        assert!(
            persons.contains("Vladimir Putin") && persons.contains("Emmanuel Macron"),
            "{hit}"
        );
        assert!(hit["amounts"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a["base_value"].as_f64().unwrap_or(0.0) > 50e9));
    }
    // Every format of the corpus is indexed.
    let all = util::all_hits(&index, &[]);
    for ext in [".txt", ".md", ".json", ".jsonl#", ".html"] {
        assert!(
            all.iter().any(|h| h["id"].as_str().unwrap().contains(ext)),
            "no {ext} article"
        );
    }
}

#[test]
fn many_jobs_on_a_big_machine() {
    // 64 jobs spread the writer's 200 MB thinner than tantivy accepts for each of its
    // threads; the writer starts fewer threads instead of failing.
    let tmp = tempfile::tempdir().unwrap();
    let index = tmp.path().join("index");
    let corpus = corpus();
    let args = ["index", corpus.to_str().unwrap(), "--jobs", "64", "--json"];
    let report = json(&index, &args, 0);
    assert!(report["added"].as_u64().unwrap() >= 20, "{report}");
    assert_eq!(report["documents"], report["articles"], "{report}");
}

#[test]
fn json_contract_of_search() {
    let tmp = tempfile::tempdir().unwrap();
    let index = tmp.path().join("index");
    json(&index, &["index", corpus().to_str().unwrap(), "--json"], 0);
    let res = json(&index, &["search", "summit", "--json", "--limit", "3"], 0);
    assert!(res["total"].is_u64());
    for key in ["person", "place", "org", "amount"] {
        let values = res["facets"][key]
            .as_array()
            .unwrap_or_else(|| panic!("facet {key}: {res}"));
        for v in values {
            assert!(v["value"].is_string() && v["count"].is_u64(), "{v}");
        }
    }
    for hit in res["hits"].as_array().unwrap() {
        for key in ["id", "path", "title", "snippet"] {
            assert!(hit[key].is_string(), "{key} in {hit}");
        }
        assert!(hit["score"].is_number());
        for key in ["persons", "places", "orgs", "amounts", "highlights"] {
            assert!(hit[key].is_array(), "{key} in {hit}");
        }
    }
    let stats = json(&index, &["stats", "--json"], 0);
    assert!(stats["documents"].as_u64().unwrap() >= 20);
}

#[test]
fn bad_input_is_reported_and_the_rest_indexed() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("news");
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(
        dir.join("good.txt"),
        "Markets rally\n\nShares rose in Paris on Monday.",
    )
    .unwrap();
    std::fs::write(
        dir.join("binary.txt"),
        [0u8, 159, 146, 150, 0, 1, 2, 3, 0, 0],
    )
    .unwrap();
    std::fs::write(dir.join("empty.txt"), "  \n\n ").unwrap();
    std::fs::write(dir.join("broken.json"), "{\"title\": \"x\", ").unwrap();
    std::fs::write(
        dir.join("latin1.txt"),
        b"Caf\xe9 owners protest\n\nOwners in Montr\xe9al said fees rose.",
    )
    .unwrap();
    std::fs::write(
        dir.join("mixed.jsonl"),
        "{\"title\":\"One\",\"text\":\"First good line.\"}\nnot json\n{\"title\":\"Three\",\"text\":\"Third good line.\"}\n",
    )
    .unwrap();
    let index = tmp.path().join("index");
    let report = json(&index, &["index", dir.to_str().unwrap(), "--json"], 3);
    let skipped = report["skipped"].as_array().unwrap();
    let reason = |name: &str| {
        skipped
            .iter()
            .find(|s| s["path"].as_str().unwrap().contains(name))
            .map(|s| s["reason"].as_str().unwrap().to_string())
            .unwrap_or_else(|| panic!("{name} not reported: {report}"))
    };
    assert!(reason("binary.txt").contains("binary"));
    assert!(reason("empty.txt").contains("empty"));
    assert!(reason("broken.json").to_lowercase().contains("json"));
    assert!(
        reason("mixed.jsonl").contains('2'),
        "the bad line is named by its number"
    );
    let stats = json(&index, &["stats", "--json"], 0);
    assert_eq!(
        stats["documents"], 4,
        "good.txt, latin1.txt and two good JSON lines: {stats}"
    );
    let hits = util::all_hits(&index, &["caf\u{e9}"]);
    assert_eq!(hits.len(), 1, "Latin-1 text is decoded, not dropped");
}

#[test]
fn errors_are_one_clear_line() {
    let tmp = tempfile::tempdir().unwrap();
    let index = tmp.path().join("index");
    newsdex(&index)
        .args(["search", "x"])
        .assert()
        .code(2)
        .stderr(contains("no index at"));
    newsdex(&index)
        .args(["index", tmp.path().join("missing").to_str().unwrap()])
        .assert()
        .code(2)
        .stderr(contains("no such file or directory"));
    // A cause the message already names is not repeated.
    let out = newsdex(&index)
        .args([
            "eval",
            "places",
            tmp.path().join("missing.jsonl").to_str().unwrap(),
        ])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert_eq!(stderr.matches("os error 2").count(), 1, "{stderr}");
    json(&index, &["index", corpus().to_str().unwrap(), "--json"], 0);
    newsdex(&index)
        .args(["search", "\"frozen assets"])
        .assert()
        .code(1)
        .stderr(contains("column 1"));
    newsdex(&index)
        .args(["search", "nosuchfield:x"])
        .assert()
        .code(1)
        .stderr(contains("no field 'nosuchfield'"));
    newsdex(&index)
        .args(["search", "--amount", ">=5zz"])
        .assert()
        .code(1)
        .stderr(contains("--amount"));
    newsdex(&index)
        .args(["search", "--from", "yesterday"])
        .assert()
        .code(1)
        .stderr(contains("YYYY-MM-DD"));
    newsdex(&index).args(["search", "--bogus"]).assert().code(1);
    newsdex(&index)
        .arg("--help")
        .assert()
        .code(0)
        .stdout(contains("Exit status"));
}

#[test]
fn extract_jsonl_gives_character_offsets() {
    let tmp = tempfile::tempdir().unwrap();
    let input = "{\"id\":\"a\",\"text\":\"Zürich: Vladimir Putin offered €90bn to Emmanuel Macron in Brussels.\"}\n";
    let out = newsdex(&tmp.path().join("i"))
        .args(["extract", "--jsonl"])
        .write_stdin(input)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let line: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let text: Vec<char> = "Zürich: Vladimir Putin offered €90bn to Emmanuel Macron in Brussels."
        .chars()
        .collect();
    let entities = line["entities"].as_array().unwrap();
    let money = entities
        .iter()
        .find(|e| e["kind"] == "money")
        .expect("an amount");
    assert_eq!(money["value"].as_f64(), Some(90e9));
    assert_eq!(money["currency"], "EUR");
    for e in entities {
        let (s, end) = (
            e["start"].as_u64().unwrap() as usize,
            e["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(
            text[s..end].iter().collect::<String>(),
            e["text"].as_str().unwrap(),
            "{e}"
        );
    }
    assert!(entities
        .iter()
        .any(|e| e["kind"] == "person" && e["canonical"] == "Vladimir Putin"));
    assert!(entities
        .iter()
        .any(|e| e["kind"] == "place" && e["canonical"] == "Brussels"));
}

#[test]
fn rates_file_replaces_the_builtin_table() {
    let tmp = tempfile::tempdir().unwrap();
    let docs = tmp.path().join("docs");
    std::fs::create_dir(&docs).unwrap();
    std::fs::write(
        docs.join("fund.txt"),
        "Fund grows\n\nThe fund now holds €30bn in assets, its managers said.\n",
    )
    .unwrap();
    // 0.5 euros per dollar: €30bn is $60bn with these rates, about $31bn with the built-in ones
    let rates = tmp.path().join("rates.tsv");
    std::fs::write(&rates, "# test rates\nEUR\t0.5\t2024-12-31\tmade up\n").unwrap();
    let rates = rates.to_str().unwrap();
    let total = |index: &std::path::Path, args: &[&str]| {
        let mut all = vec!["search", "--json"];
        all.extend_from_slice(args);
        json(index, &all, 0)["total"].as_u64().unwrap()
    };

    let builtin = tmp.path().join("builtin");
    json(&builtin, &["index", docs.to_str().unwrap(), "--json"], 0);
    assert_eq!(total(&builtin, &["--amount", ">=50bn"]), 0);

    let custom = tmp.path().join("custom");
    json(
        &custom,
        &["index", docs.to_str().unwrap(), "--rates", rates, "--json"],
        0,
    );
    let res = json(&custom, &["search", "--amount", ">=50bn", "--json"], 0);
    assert_eq!(res["total"], 1, "{res}");
    let base = res["hits"][0]["amounts"][0]["base_value"].as_f64().unwrap();
    assert!((base - 60e9).abs() < 1.0, "{base}");
    // bounds in euros are converted with the search's rates: 25bn EUR = $50bn here
    assert_eq!(
        total(&custom, &["--amount", ">=25bn EUR", "--rates", rates]),
        1
    );
    assert_eq!(
        total(&custom, &["--amount", ">=35bn EUR", "--rates", rates]),
        0
    );
    // with the built-in rates 35bn EUR is about $36bn: the stored $60bn passes
    assert_eq!(total(&custom, &["--amount", ">=35bn EUR"]), 1);

    // a bad file: one clear line naming the file and the line
    let bad = tmp.path().join("bad.tsv");
    std::fs::write(
        &bad,
        "# rates\nEUR\t0.9\t2024-12-31\nGBP\tabc\t2024-12-31\n",
    )
    .unwrap();
    for args in [
        vec![
            "index",
            docs.to_str().unwrap(),
            "--rates",
            bad.to_str().unwrap(),
        ],
        vec![
            "search",
            "--amount",
            ">=1m EUR",
            "--rates",
            bad.to_str().unwrap(),
        ],
        vec![
            "facets",
            "--field",
            "amount",
            "--rates",
            bad.to_str().unwrap(),
        ],
    ] {
        newsdex(&custom)
            .args(&args)
            .assert()
            .code(1)
            .stderr(contains("bad.tsv"))
            .stderr(contains("line 3"))
            .stderr(contains("'abc' is not a number"));
    }
    newsdex(&custom)
        .args([
            "search",
            "--rates",
            tmp.path().join("nope.tsv").to_str().unwrap(),
        ])
        .assert()
        .code(1)
        .stderr(contains("nope.tsv"));
}

/// A `--person` filter finds the articles its facet value counts: the person facet counts
/// articles that only name "Bush" under "George W. Bush", so `--person "George W Bush"` matches
/// them too, in any case; a surname counted apart ("Smith": no name dominates) is not added.
#[test]
fn person_filter_matches_what_the_person_facet_counts() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("corpus");
    std::fs::create_dir_all(&dir).unwrap();
    let people: &[&[&str]] = &[
        &["George W Bush"],
        &["George W Bush"],
        &["George W Bush"],
        &["George W Bush"],
        &["George Bush"],
        &["Bush"],
        &["Bush"],
        &["Kate Bush"],
        &["Anna Smith"],
        &["Smith"],
        &["John Smith"],
    ];
    for (i, names) in people.iter().enumerate() {
        let article = serde_json::json!({
            "title": format!("Report number {i}"),
            "body": "The committee met on Tuesday and adjourned without a vote.",
            "people": names,
        });
        std::fs::write(dir.join(format!("{i:02}.json")), article.to_string()).unwrap();
    }
    let index = tmp.path().join("index");
    util::json(&index, &["index", dir.to_str().unwrap(), "--json"], 0);
    let facets = util::json(&index, &["facets", "--field", "person", "--json"], 0);
    let count = |name: &str| {
        facets["facets"]["person"]
            .as_array()
            .unwrap()
            .iter()
            .find(|v| v["value"] == name)
            .and_then(|v| v["count"].as_u64())
    };
    assert_eq!(count("George W. Bush"), Some(6), "{facets}");
    assert_eq!(count("Bush"), None, "{facets}");
    let total = |person: &str| {
        let out = util::json(
            &index,
            &["search", "--person", person, "--json", "-n", "0"],
            0,
        );
        out["total"].as_u64().unwrap()
    };
    assert_eq!(total("George W Bush"), 6);
    assert_eq!(total("george w bush"), 6);
    assert_eq!(total("Kate Bush"), 1);
    assert_eq!(total("George Bush"), 1);
    assert_eq!(total("bush"), 8);
    assert_eq!(count("Smith"), Some(1), "{facets}");
    assert_eq!(total("John Smith"), 1);
}

/// `newsdex train case` learns the lexicon from a folder of text files and writes it
/// gzipped; a corpus path that does not exist is an error that names it.
#[test]
fn train_case_writes_the_lexicon_it_learns() {
    use std::io::Read;
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("news");
    std::fs::create_dir(&dir).unwrap();
    for i in 0..3 {
        std::fs::write(
            dir.join(format!("{i}.txt")),
            "Trade rose\n\nThe trade gap of GenCorp grew, said Baker. Then Baker left.",
        )
        .unwrap();
    }
    let out = tmp.path().join("case.txt.gz");
    newsdex(&tmp.path().join("index"))
        .args(["train", "case", dir.to_str().unwrap(), "--out"])
        .arg(&out)
        .assert()
        .success()
        .stderr(contains("words from 3 texts"));
    let mut text = String::new();
    flate2::read::GzDecoder::new(std::fs::File::open(&out).unwrap())
        .read_to_string(&mut text)
        .unwrap();
    let forms: Vec<&str> = text.lines().filter(|l| !l.starts_with('#')).collect();
    for form in ["trade", "GenCorp", "gap", "said"] {
        assert!(forms.contains(&form), "{form}: {forms:?}");
    }
    // Most often capitalised inside a sentence: not listed.
    assert!(!forms.contains(&"Baker"), "{forms:?}");
    assert!(text.starts_with("# newsdex case lexicon"), "{text}");

    newsdex(&tmp.path().join("index"))
        .args(["train", "case", "no/such/corpus", "--out"])
        .arg(&out)
        .assert()
        .failure()
        .stderr(contains("no/such/corpus"));
}
