//! A calibration round made and run with `kefu`: `calibrate new` over two
//! played scorecards, reviews signed `--round` by two reviewers, blindness in
//! `review show --viewer` and `review list --viewer`, the report (text, CSV, HTML) and `verify` on the
//! round.

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

fn s(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// Two scorecards of e1 (examples 1 and 2) and a round over them for s01 and s02.
pub fn round(dir: &Path) -> (Vec<PathBuf>, PathBuf) {
    for (example, when) in [("1", "2026-11-01T09:00:00Z"), ("2", "2026-11-02T09:00:00Z")] {
        let output = kefu(&["play", "wrong-colour-thermos", "--example", example, "--trainee", "王小明", "--trainee-id", "e1", "--when", when, "--save", "--data-dir", s(dir)]);
        assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    }
    let cards = files(&dir.join("scorecards"));
    let (out, err, code) = run(&[
        "calibrate", "new", "--name", "12 月校准", "--organiser", "王经理:m01", "--reviewer", "张主管:s01", "--reviewer", "李主管:s02",
        "--when", "2026-12-01T09:00:00Z", s(&cards[0]), s(&cards[1]),
    ]);
    assert_eq!(code, Some(0), "{err}");
    let round = PathBuf::from(out.trim());
    assert!(round.starts_with(dir.join("calibration")), "{}", round.display());
    (cards, round)
}

fn sign(card: &Path, round: &Path, name: &str, id: &str, extra: &[&str]) -> (String, String, Option<i32>) {
    let mut args = vec!["review", "sign", s(card), "--reviewer-name", name, "--reviewer-id", id, "--round", s(round), "--when", "2026-12-02T10:00:00Z"];
    args.extend_from_slice(extra);
    run(&args)
}

#[test]
fn a_round_is_reviewed_blind_and_reported() {
    let dir = tempfile::tempdir().unwrap();
    let (cards, round) = round(dir.path());
    // Someone the round does not name cannot review in it.
    let (_, err, code) = sign(&cards[0], &round, "赵", "s09", &[]);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("does not name reviewer \"s09\""), "{err}");
    for card in &cards {
        let (_, err, code) = sign(card, &round, "张主管", "s01", &["--disagree", "1:apologise=其实道歉了", "--override", "speed=80:网络慢"]);
        assert_eq!(code, Some(0), "{err}");
    }
    // s02 has not submitted: s01's reviews are hidden from them, not from s01.
    let (out, _, code) = run(&["review", "show", s(&cards[1]), "--viewer", "s02", "--lang", "en"]);
    assert_eq!(code, Some(0));
    assert!(out.contains("stay hidden until you submit yours") && !out.contains("张主管"), "{out}");
    let (out, _, _) = run(&["review", "show", s(&cards[1]), "--viewer", "s01", "--lang", "en"]);
    assert!(out.contains("张主管") && !out.contains("stay hidden"), "{out}");
    let data = dir.path().to_str().unwrap();
    let (out, _, _) = run(&["review", "list", data, "--viewer", "s02", "--lang", "en"]);
    assert!(out.lines().all(|l| l.starts_with("Not reviewed")), "blind in the list too: {out}");
    let (out, _, _) = run(&["review", "list", data, "--viewer", "s01", "--lang", "en"]);
    assert_eq!(out.lines().filter(|l| l.starts_with("Signed off")).count(), 2, "{out}");
    let (out, err, code) = run(&["calibrate", "report", s(&round), "--lang", "en"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("1 of 2 reviewers submitted") && out.contains("Not submitted"), "{out}");
    for card in &cards {
        let (_, err, code) = sign(card, &round, "李主管", "s02", &["--agree", "1:apologise"]);
        assert_eq!(code, Some(0), "{err}");
    }
    let (out, _, _) = run(&["review", "show", s(&cards[1]), "--lang", "en"]);
    assert!(out.contains("张主管") && out.contains("李主管"), "everyone submitted: the round is open: {out}");
    let (out, err, code) = run(&["calibrate", "report", s(&round), "--lang", "en"]);
    assert_eq!(code, Some(0), "{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "Calibration report: 12 月校准", "{out}");
    assert!(out.contains("2 of 2 reviewers submitted") && out.contains("Krippendorff's alpha: 0."), "{out}");
    // The widest spread first: an item where s01 and s02 differ (agreement 33.3%).
    let first = lines.iter().position(|l| l.contains("[Agreement:")).unwrap();
    assert!(lines[first].ends_with("[Agreement: 33.3%]"), "{out}");
    assert!(lines[first + 1].starts_with("  Grader: "), "{out}");
    let (csv, _, code) = run(&["calibrate", "report", s(&round), "--format", "csv"]);
    assert_eq!(code, Some(0));
    assert!(csv.starts_with("\u{feff}scorecard,trainee_id,item,label,grader,reviewer:s01,reviewer:s02,agreement_pct\n"), "{csv}");
    assert!(csv.contains("dimension:speed,") && csv.contains(",no_override,override_75_100,no_override,33.3"), "{csv}");
    let html_path = dir.path().join("round.html");
    let (_, err, code) = run(&["calibrate", "report", s(&round), "--format", "html", "--out", s(&html_path)]);
    assert_eq!(code, Some(0), "{err}");
    let html = std::fs::read_to_string(&html_path).unwrap();
    assert!(html.contains("<h1>校准报告:12 月校准</h1>") && !html.contains("<script"), "{html}");
    // verify knows the round; an edit of it is caught, and the report refuses it.
    let (out, _, code) = run(&["verify", s(&round)]);
    assert_eq!((code, out.starts_with("OK ")), (Some(0), true), "{out}");
    let text = std::fs::read_to_string(&round).unwrap().replace("李主管", "王五");
    std::fs::write(&round, text).unwrap();
    let (out, _, code) = run(&["verify", s(&round)]);
    assert_eq!(code, Some(1));
    assert!(out.starts_with("EDITED ") && out.contains("reviewers[1]"), "{out}");
    let (_, err, code) = run(&["calibrate", "report", s(&round)]);
    assert_eq!(code, Some(2));
    assert!(err.contains("the round's file was edited"), "{err}");
}

#[test]
fn a_round_needs_two_reviewers_and_well_written_names() {
    let dir = tempfile::tempdir().unwrap();
    let output = kefu(&["play", "wrong-colour-thermos", "--example", "1", "--trainee-id", "e1", "--save", "--data-dir", s(dir.path())]);
    assert_eq!(output.status.code(), Some(0));
    let card = files(&dir.path().join("scorecards")).pop().unwrap();
    let (_, err, code) = run(&["calibrate", "new", "--name", "x", "--organiser", "王:m01", "--reviewer", "张:s01", s(&card)]);
    assert_eq!(code, Some(2));
    assert!(err.contains("at least two reviewers"), "{err}");
    let (_, err, code) = run(&["calibrate", "new", "--name", "x", "--organiser", "王", "--reviewer", "张:s01", "--reviewer", "李:s02", s(&card)]);
    assert_eq!(code, Some(2));
    assert!(err.contains("--organiser \"王\": write it NAME:ID"), "{err}");
}
