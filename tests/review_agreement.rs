//! `kefu review agreement` on reviews made with `kefu review sign`: the rules
//! most overturned first, CSV with a BOM, and `--format eval` lines that
//! `kefu eval` reads back.

mod common;
use common::{kefu, stdout};
use std::path::{Path, PathBuf};

fn run(args: &[&str]) -> (String, String, Option<i32>) {
    let output = kefu(args);
    (stdout(&output), String::from_utf8_lossy(&output.stderr).into_owned(), output.status.code())
}

fn files(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        if entry.path().is_dir() { found.extend(files(&entry.path())) } else { found.push(entry.path()) }
    }
    found.sort();
    found
}

/// A failed attempt (example 2) reviewed by two supervisors who disagree about the apology.
fn reviewed(dir: &Path) {
    let data = dir.to_str().unwrap();
    let output = kefu(&["play", "wrong-colour-thermos", "--example", "2", "--trainee", "王小明", "--trainee-id", "e1", "--when", "2026-11-02T09:00:00Z", "--save", "--data-dir", data]);
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    let card = files(&dir.join("scorecards")).pop().unwrap();
    let card = card.to_str().unwrap();
    for (name, id, args) in [
        ("张主管", "s01", vec!["--agree", "1:apologise", "--disagree", "1:blame_customer#2=counted twice"]),
        ("李主管", "s02", vec!["--disagree", "1:apologise=其实道歉了"]),
    ] {
        let mut all = vec!["review", "sign", card, "--reviewer-name", name, "--reviewer-id", id, "--when", "2026-11-04T10:00:00Z"];
        all.extend(args);
        let (_, err, code) = run(&all);
        assert_eq!(code, Some(0), "{err}");
    }
}

#[test]
fn the_rules_reviewers_overturn_come_first_in_text_and_csv() {
    let dir = tempfile::tempdir().unwrap();
    reviewed(dir.path());
    let data = dir.path().to_str().unwrap();
    let (out, err, code) = run(&["review", "agreement", data, "--lang", "en"]);
    assert_eq!(code, Some(0), "{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines[0].starts_with("Grader agreement: 2 reviews, 2 rules"), "{out}");
    assert!(lines[2].contains("100.0%") && lines[2].contains("blame_customer"), "{out}");
    assert!(lines[3].contains("50.0%") && lines[3].contains("apologise (Apologise)"), "the lexicon's label beside the id: {out}");
    let (zh, _, _) = run(&["review", "agreement", data]);
    assert!(zh.starts_with("评分器一致性"), "{zh}");
    let (csv, _, code) = run(&["review", "agreement", data, "--format", "csv"]);
    assert_eq!(code, Some(0));
    assert!(csv.starts_with("\u{feff}rule,label,judged,agreed,overturned,added_missed,disagreement_pct\n"), "{csv}");
    assert!(csv.contains("\napologise,道歉,2,1,1,0,50.0\n"), "{csv}");
    let (_, err, code) = run(&["review", "agreement", "/no/such/folder"]);
    assert_eq!(code, Some(2), "{err}");
}

#[test]
fn the_eval_export_is_read_by_kefu_eval() {
    let dir = tempfile::tempdir().unwrap();
    reviewed(dir.path());
    let out = dir.path().join("labels.jsonl");
    let (_, err, code) = run(&["review", "agreement", dir.path().to_str().unwrap(), "--format", "eval", "--out", out.to_str().unwrap()]);
    assert_eq!(code, Some(0), "{err}");
    // s01 overturned a tone finding: that reply's politeness is unknown, so it is left out.
    assert!(err.contains("1 reviewed replies left out"), "{err}");
    let text = std::fs::read_to_string(&out).unwrap();
    let lines: Vec<serde_json::Value> = text.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 1, "{text}");
    // The grader found no apology (a required step missing); s02 overturned that, so the label has one.
    assert!(lines[0]["intents"].as_array().unwrap().iter().any(|i| i == "apologise"), "{text}");
    let (report, err, code) = run(&["eval", out.to_str().unwrap()]);
    assert_eq!(code, Some(0), "{err}");
    assert!(report.contains("1 labelled replies"), "{report}");
}
