//! `kefu eval` on our own labelled probes (tests/eval/probes_*.jsonl, written
//! in our own words under the labelling rules of shared/realdata): one class of
//! grading mistake per group of lines, Chinese and English. The thresholds are
//! what the grader reaches today; a change that loses agreement fails here.

mod common;
use common::{kefu, stdout};

fn eval(file: &str, lang: &str) -> serde_json::Value {
    let output = kefu(&["eval", "--format", "json", "--errors", "--lang", lang, file]);
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    serde_json::from_str(&stdout(&output)).unwrap()
}

fn confusion(report: &serde_json::Value, labelled: usize, graded: usize) -> u64 {
    report["politeness"]["confusion"][labelled][graded].as_u64().unwrap()
}

fn check(file: &str, lang: &str, politeness: f64, micro_f1: f64) {
    let report = eval(file, lang);
    let accuracy = report["politeness"]["accuracy"].as_f64().unwrap();
    let f1 = report["micro_f1_frequent"]["f1"].as_f64().unwrap();
    let wrong: Vec<String> = report["disagreements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| format!("{} {:?} missed {} extra {}", d["text"], d["politeness"], d["missed"], d["extra"]))
        .collect();
    // Never call a rude reply polite: that is the mistake a supervisor cannot forgive.
    assert_eq!(confusion(&report, 2, 0), 0, "an impolite probe graded polite:\n{}", wrong.join("\n"));
    assert!(accuracy >= politeness, "politeness {accuracy:.3} < {politeness}:\n{}", wrong.join("\n"));
    assert!(f1 >= micro_f1, "micro-F1 {f1:.3} < {micro_f1}:\n{}", wrong.join("\n"));
}

#[test]
fn chinese_probes_agree_with_their_labels() {
    check("tests/eval/probes_zh.jsonl", "zh", 0.97, 0.90);
}

#[test]
fn english_probes_agree_with_their_labels() {
    check("tests/eval/probes_en.jsonl", "en", 0.97, 0.95);
}

/// `kefu eval` on a labels file holding `lines`.
fn eval_lines(lines: &str) -> std::process::Output {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("labels.jsonl");
    std::fs::write(&path, lines).unwrap();
    kefu(&["eval", path.to_str().unwrap()])
}

#[test]
fn a_bad_labels_line_is_named_and_nothing_is_graded() {
    let output = eval_lines("{\"text\": \"亲\", \"politeness\": \"polite\"}\n{\"text\": \"x\", \"politeness\": \"rude\"}\n");
    assert_eq!(output.status.code(), Some(2));
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(err.contains("labels.jsonl:line 2:") && err.contains("polite|neutral|impolite"), "{err}");
}

#[test]
fn the_text_report_names_the_figures_and_each_disagreement() {
    let output = kefu(&["eval", "--errors", "tests/eval/probes_zh.jsonl"]);
    let text = stdout(&output);
    for needle in ["politeness: accuracy", "labelled \\ graded", "micro-F1, the six frequent intents", "disagreements:"] {
        assert!(text.contains(needle), "{needle} missing in:\n{text}");
    }
}

#[test]
fn figures_with_nothing_to_count_print_a_dash_not_zero() {
    // Labels with no intent at all, on replies that show none of the six either:
    // there is no F1 to report, and 0.000 would read as a grader that is always wrong.
    let output = eval_lines("{\"text\": \"这款是纯棉的\", \"politeness\": \"neutral\", \"intents\": []}\n");
    let text = stdout(&output);
    assert!(text.contains("micro-F1, every intent: — (precision —, recall —)"), "{text}");
}
