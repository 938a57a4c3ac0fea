//! `kefu quiz` as a user runs it: a seeded draw replays identically, answers
//! are marked by question id with explanations, and a missing bank is bad usage.

mod common;

use common::kefu;


#[test]
fn a_seeded_quiz_replays_identically() {
    let a = kefu(&["quiz", "all", "--seed", "5", "--count", "12", "--list", "--answers", "/dev/null"]);
    let b = kefu(&["quiz", "all", "--seed", "5", "--count", "12", "--list", "--answers", "/dev/null"]);
    assert_eq!(a.status.code(), Some(0));
    assert_eq!(a.stdout, b.stdout, "same seed, same questions and option order");
    let c = kefu(&["quiz", "all", "--seed", "6", "--count", "12", "--list", "--answers", "/dev/null"]);
    assert_ne!(a.stdout, c.stdout);
}

#[test]
fn answers_are_marked_with_explanations() {
    let dir = tempfile::tempdir().unwrap();
    let answers = dir.path().join("answers.ron");
    std::fs::write(&answers, r#"{"kpi-response-time": Choice("低于5秒"), "kpi-reply-ratio": Bool(true)}"#).unwrap();
    let output = kefu(&["quiz", "kpi", "--answers", answers.to_str().unwrap(), "--count", "100"]);
    let out = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(0), "{out}");
    let block = |id: &str| out.split(&format!("{id}  ")).nth(1).unwrap_or_default().lines().nth(1).unwrap_or_default().to_string();
    assert!(block("kpi-response-time").contains("RIGHT"), "{out}");
    assert!(block("kpi-reply-ratio").contains("WRONG"), "{out}");
    let course = kefu::content::Course::load(&[], std::path::Path::new(env!("CARGO_MANIFEST_DIR")));
    let explain = course.quiz_banks.iter().flat_map(|b| &b.questions).find(|q| q.id() == "kpi-response-time").map(|q| kefu::quiz::canonical("kpi", q).explain).unwrap();
    assert!(out.contains(&explain), "explanations are shown");
}

#[test]
fn generated_questions_and_a_missing_bank() {
    let output = kefu(&["quiz", "generated", "--count", "5", "--list", "--answers", "/dev/null"]);
    assert_eq!(output.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&output.stdout).contains("gen-"));
    assert_eq!(kefu(&["quiz", "no-such-bank", "--answers", "/dev/null"]).status.code(), Some(2));
}
