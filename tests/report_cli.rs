//! `kefu report` as a supervisor runs it: scenarios played with `kefu play
//! --save` into a data folder, then the cohort table as CSV (per trainee, per
//! scenario) and HTML, with `--trainee`, `--since` and an unreadable file that
//! is named but never fatal.

mod common;
use common::{kefu, stdout};
use std::path::Path;

/// Three sessions of one scenario: e1 passes (example 1) then fails (example 2),
/// e2 fails once; each at its own day.
fn data_folder(dir: &Path) {
    for (example, name, id, when) in [
        ("1", "王小明", "e1", "2026-11-01T09:00:00Z"),
        ("2", "王小明", "e1", "2026-11-02T09:00:00Z"),
        ("2", "李雷", "0042", "2026-11-03T09:00:00Z"),
    ] {
        let output = kefu(&[
            "play", "wrong-colour-thermos", "--example", example, "--trainee", name, "--trainee-id", id, "--when", when, "--save",
            "--data-dir", dir.to_str().unwrap(),
        ]);
        assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    }
}

/// The CSV's rows (without the BOM) as cells, by the header's names.
fn rows(csv: &str) -> Vec<std::collections::HashMap<String, String>> {
    let csv = csv.strip_prefix('\u{feff}').expect("a BOM");
    let mut lines = csv.lines();
    let header: Vec<String> = lines.next().unwrap().split(',').map(str::to_string).collect();
    lines.map(|line| header.iter().cloned().zip(line.split(',').map(str::to_string)).collect()).collect()
}

fn report(args: &[&str]) -> (String, String, Option<i32>) {
    let output = kefu(args);
    (stdout(&output), String::from_utf8_lossy(&output.stderr).into_owned(), output.status.code())
}

#[test]
fn the_cohort_table_counts_each_trainee_and_scenario() {
    let dir = tempfile::tempdir().unwrap();
    data_folder(dir.path());
    let data = dir.path().to_str().unwrap();
    let (out, err, code) = report(&["report", data, "--format", "csv"]);
    assert_eq!(code, Some(0), "{err}");
    let trainees = rows(&out);
    assert_eq!(trainees.len(), 2, "{out}");
    let e2 = &trainees[0];
    assert_eq!(e2["trainee_id"], "\"=\"\"0042\"\"\"", "a numeric id is kept as text");
    assert_eq!((e2["attempts"].as_str(), e2["passed"].as_str(), e2["pass_rate_pct"].as_str()), ("1", "0", "0"));
    let e1 = &trainees[1];
    assert_eq!(e1["trainee_id"], "e1");
    assert_eq!(e1["trainee_name"], "王小明");
    assert_eq!((e1["attempts"].as_str(), e1["verdicts"].as_str(), e1["passed"].as_str()), ("2", "2", "1"));
    assert_eq!(e1["pass_rate_pct"], "50");
    assert_eq!(e1["last_active_utc"], "2026-11-02T09:00:00Z");
    let best: f64 = e1["best_score"].parse().unwrap();
    let latest: f64 = e1["latest_score"].parse().unwrap();
    let mean: f64 = e1["mean_score"].parse().unwrap();
    assert!(best >= 70.0 && latest < 70.0, "the pass first, the fail latest: {out}");
    assert!((mean - (best + latest) / 2.0).abs() < 0.01, "{out}");
    assert_eq!(e1["order_errors"], "0");
    assert_eq!(e1["reply_ratio_pct"], "100");

    let (out, _, code) = report(&["report", data, "--format", "csv", "--by", "scenario"]);
    assert_eq!(code, Some(0));
    let scenarios = rows(&out);
    assert_eq!(scenarios.len(), 1, "{out}");
    assert_eq!((scenarios[0]["scenario_id"].as_str(), scenarios[0]["attempts"].as_str(), scenarios[0]["passed"].as_str()), ("wrong-colour-thermos", "3", "1"));
    assert_eq!(scenarios[0]["pass_rate_pct"], "33.33");
}

#[test]
fn trainee_and_since_narrow_the_table() {
    let dir = tempfile::tempdir().unwrap();
    data_folder(dir.path());
    let data = dir.path().to_str().unwrap();
    let (out, _, code) = report(&["report", data, "--format", "csv", "--trainee", "e1", "--since", "2026-11-02"]);
    assert_eq!(code, Some(0));
    let narrowed = rows(&out);
    assert_eq!(narrowed.len(), 1, "{out}");
    assert_eq!((narrowed[0]["attempts"].as_str(), narrowed[0]["passed"].as_str()), ("1", "0"), "only the fail on the 2nd");

    let (_, err, code) = report(&["report", data, "--format", "csv", "--since", "last week"]);
    assert_eq!(code, Some(2));
    assert!(err.contains("--since") && err.contains("YYYY-MM-DD"), "{err}");
}

#[test]
fn an_unreadable_file_is_named_and_the_page_still_printed_in_the_readers_language() {
    let dir = tempfile::tempdir().unwrap();
    data_folder(dir.path());
    std::fs::write(dir.path().join("scorecards").join("e1").join("broken.json"), "{\"schema_version\": 2").unwrap();
    let data = dir.path().to_str().unwrap();
    let (out, err, code) = report(&["report", data, "--format", "html"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(err.contains("broken.json"), "{err}");
    assert!(out.contains("学员成绩汇总") && out.contains("合格率") && out.contains("broken.json"), "{out}");
    assert!(out.contains("发错颜色的保温杯"));
    assert!(!out.contains("<script") && out.contains("size: A4"));
    let (out, _, _) = report(&["report", data, "--format", "html", "--lang", "en"]);
    assert!(out.contains("Cohort report") && out.contains("Pass rate") && !out.contains("合格率"), "{out}");
}
