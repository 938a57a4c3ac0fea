//! `kefu report --format html --trainee ID` as a supervisor runs it: the
//! trainee's 绩效档案 over a data folder of `kefu play --save` sessions, one
//! disputed and reviewed with `kefu dispute open` and `kefu review sign`:
//! every attempt, the chart, the weakest rules by the grader's explanation,
//! the review's comment and the dispute's answer; `--since`, `--out`, English,
//! an unreadable file named and never fatal, and nothing of another trainee.

mod common;
use common::{kefu, stdout};
use std::path::{Path, PathBuf};

fn run(args: &[&str]) -> (String, String, Option<i32>) {
    let output = kefu(args);
    (stdout(&output), String::from_utf8_lossy(&output.stderr).into_owned(), output.status.code())
}

fn s(path: &Path) -> &str {
    path.to_str().unwrap()
}

fn files(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for entry in entries.flatten() {
            if entry.path().is_dir() { found.extend(files(&entry.path())) } else { found.push(entry.path()) }
        }
    }
    found.sort();
    found
}

/// e1 passes on the 1st and fails on the 2nd (under a hostile name), 0042
/// fails on the 3rd; e1's failed session disputed, then reviewed with a comment.
fn data_folder(dir: &Path) {
    for (example, name, id, when) in [
        ("1", "王小明", "e1", "2026-11-01T09:00:00Z"),
        ("2", "<script>alert(1)</script>", "e1", "2026-11-02T09:00:00Z"),
        ("2", "李雷", "0042", "2026-11-03T09:00:00Z"),
    ] {
        let (_, err, code) = run(&[
            "play", "wrong-colour-thermos", "--example", example, "--trainee", name, "--trainee-id", id, "--when", when, "--save", "--data-dir", s(dir),
        ]);
        assert_eq!(code, Some(0), "{err}");
    }
    let card = files(&dir.join("scorecards")).into_iter().find(|p| p.to_string_lossy().contains("2026-11-02T")).unwrap();
    let (_, err, code) = run(&["dispute", "open", s(&card), "--finding", "1:tone_below_min", "--reason", "我没有失礼", "--when", "2026-11-03T10:00:00Z"]);
    assert_eq!(code, Some(0), "{err}");
    let dispute = files(&dir.join("disputes")).pop().unwrap();
    let (_, err, code) = run(&[
        "review", "sign", s(&card), "--reviewer-name", "张主管", "--reviewer-id", "s01", "--disagree", "1:blame_customer#2=重复计了一次",
        "--comment", "语气还要再练", "--answer-dispute", s(&dispute), "--reject", "语气确实生硬", "--when", "2026-11-04T10:00:00Z",
    ]);
    assert_eq!(code, Some(0), "{err}");
}

#[test]
fn the_performance_file_holds_every_attempt_the_trends_the_weakest_rules_and_the_review() {
    let dir = tempfile::tempdir().unwrap();
    data_folder(dir.path());
    std::fs::write(dir.path().join("scorecards").join("e1").join("broken.json"), "{\"schema_version\": 2").unwrap();
    let (page, err, code) = run(&["report", s(dir.path()), "--format", "html", "--trainee", "e1"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(err.contains("broken.json") && page.contains("broken.json"), "{err}");
    for part in ["绩效档案", "工号", "e1", "每次练习", "发错颜色的保温杯", "<svg", "stroke-dasharray", "失分最多的规则", "复核与申诉", "张主管", "语气还要再练", "重复计了一次", "我没有失礼", "语气确实生硬", "已驳回", "size: A4"] {
        assert!(page.contains(part), "{part} missing from the page");
    }
    // The latest record's name, escaped; no script, no rule ids, no other trainee.
    assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && !page.contains("<script"));
    assert!(!page.contains("blame_customer") && !page.contains("tone_below_min") && !page.contains("fact:"));
    assert!(!page.contains("李雷") && !page.contains("0042"));
    let rows = page.matches("<tr><td>2026-11-0").count();
    assert_eq!(rows, 2, "one row per session of e1");

    // --since keeps the later session only; --out writes the page; English reads English.
    let out = dir.path().join("e1.html");
    let (_, err, code) = run(&["report", s(dir.path()), "--format", "html", "--trainee", "e1", "--since", "2026-11-02", "--lang", "en", "--out", s(&out)]);
    assert_eq!(code, Some(0), "{err}");
    let page = std::fs::read_to_string(&out).unwrap();
    assert!(page.contains("Performance file") && page.contains("Every attempt") && page.contains("Since 2026-11-02"), "{page}");
    assert!(!page.contains("绩效档案") && !page.contains("每次练习"));
    assert_eq!(page.matches("<tr><td>2026-11-0").count(), 1);
    assert!(page.contains("Thermos shipped in the wrong colour"));
}

#[test]
fn csv_with_a_trainee_is_still_the_cohort_row() {
    let dir = tempfile::tempdir().unwrap();
    data_folder(dir.path());
    let (out, err, code) = run(&["report", s(dir.path()), "--format", "csv", "--trainee", "e1"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.starts_with('\u{feff}') && out.contains("trainee_id") && !out.contains("<svg"), "{out}");
}
