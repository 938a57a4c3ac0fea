//! `kefu play` and `kefu grade-text` as a user runs them: exit codes, the
//! scorecard written byte-identically run after run, located errors in a
//! replies file, a 1 MB reply refused clearly, and pinned examples that do not
//! grade as declared reported at their line by `kefu check`.

mod common;

use common::{kefu, stdout};

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

const GOOD: &str = "tests/fixtures/thermos-good.replies.ron";



#[test]
fn play_prints_the_transcript_and_writes_identical_scorecards() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.json"), dir.path().join("b.json"));
    for out in [&a, &b] {
        let output = kefu(&["play", "wrong-colour-thermos", "--replies", GOOD, "--seed", "5", "--out", out.to_str().unwrap(), "--expect", "pass"]);
        assert_eq!(output.status.code(), Some(0), "{}{}", stdout(&output), String::from_utf8_lossy(&output.stderr));
        let text = stdout(&output);
        assert!(text.contains("PASS") && text.contains("apologise") && text.contains("KPI"), "{text}");
    }
    let (first, second) = (std::fs::read(&a).unwrap(), std::fs::read(&b).unwrap());
    assert_eq!(first, second, "same scenario, seed and replies must give the same bytes");
    let json: serde_json::Value = serde_json::from_slice(&first).unwrap();
    assert_eq!(json["draw"]["seed"], 5);
    assert_eq!(json["grade"]["passed"], true);
}

#[test]
fn expect_fail_on_a_passing_run_exits_1() {
    assert_eq!(kefu(&["play", "wrong-colour-thermos", "--replies", GOOD, "--expect", "fail"]).status.code(), Some(1));
}

#[test]
fn a_pinned_example_can_be_played_by_number() {
    let output = kefu(&["play", "wrong-colour-thermos", "--example", "2", "--expect", "fail"]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert!(stdout(&output).contains("blame_customer"));
}

#[test]
fn a_broken_replies_file_is_bad_usage_with_its_position() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.ron");
    std::fs::write(&path, "[\n  (after_secs: 3, say: \"hi\"),\n  (after_secs: \"soon\", say: \"x\"),\n]").unwrap();
    let output = kefu(&["play", "wrong-colour-thermos", "--replies", path.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(err.contains("bad.ron:3:"), "{err}");
    assert_eq!(kefu(&["play", "no-such-scenario", "--replies", GOOD]).status.code(), Some(2));
}

#[test]
fn grade_text_flags_blame_and_forbidden_phrases_with_spans() {
    let output = kefu(&["grade-text", "你自己没看清楚吧,爱买不买"]);
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(0));
    assert!(text.contains("blame_customer") && text.contains("forbidden_phrase") && text.contains("«爱买不买»"), "{text}");
    let json = kefu(&["grade-text", "--format", "json", "亲,非常抱歉给您添麻烦了,麻烦您提供一下订单号"]);
    let report: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let rules: Vec<&str> = report["hits"].as_array().unwrap().iter().map(|h| h["rule"].as_str().unwrap()).collect();
    assert!(rules.contains(&"apologise") && rules.contains(&"ask_order_info"), "{rules:?}");
    // An honorific, an apology and 麻烦您: three courtesy markers make it warm.
    assert_eq!(report["tone_band"], "Warm");
}

#[test]
fn a_one_megabyte_reply_is_refused_clearly() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_kefu"))
        .args(["grade-text", "-"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all("好".repeat(350_000).as_bytes()).unwrap();
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(err.contains("too long") && err.contains("2000"), "{err}");
    assert!(!err.contains("panicked"));
}

#[test]
fn check_reports_a_pinned_example_that_does_not_grade_as_declared() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    for folder in ["assets", "scenarios"] {
        common::copy_dir(&repo.join(folder), &root.join(folder));
    }
    let file = root.join("scenarios/zh/after-sale/wrong-colour-thermos.ron");
    let text = std::fs::read_to_string(&file).unwrap();
    // Turn the good example rude: it must now fail, but it still says Pass.
    let broken = text.replacen("亲,非常抱歉给您添麻烦了!", "你自己没看清楚吧,", 1);
    std::fs::write(&file, &broken).unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_kefu"))
        .args(["check"])
        .current_dir(root)
        .env("KEFU_CONTENT_DIR", root)
        .output()
        .unwrap();
    let out = stdout(&output);
    assert_eq!(output.status.code(), Some(1), "{out}");
    let line = broken.lines().position(|l| l.contains("expect: Pass")).unwrap() + 1;
    let prefix = format!("scenarios/zh/after-sale/wrong-colour-thermos.ron:{line}:");
    assert!(out.lines().any(|l| l.starts_with(&prefix) && l.contains("example-mismatch")), "{out}");
}
