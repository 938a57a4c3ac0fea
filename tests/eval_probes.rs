//! `kefu eval` on our own labelled probes (tests/eval/probes_*.jsonl, written
//! in our own words under the labelling rules of shared/realdata): one class of
//! grading mistake per group of lines, Chinese and English; and on blind probes
//! (tests/eval/blind_*.jsonl) written by raters who never saw the grader. The
//! thresholds are what the grader reaches today; a change that loses agreement fails here.

mod common;
use common::{kefu, stdout};
use kefu::content::Course;
use kefu::content::raw::Lang;
use kefu::grading::Grader;
use std::collections::BTreeSet;
use std::path::Path;

fn eval(file: &str, lang: &str) -> serde_json::Value {
    let output = kefu(&["eval", "--format", "json", "--errors", "--lang", lang, file]);
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    serde_json::from_str(&stdout(&output)).unwrap()
}

fn confusion(report: &serde_json::Value, labelled: usize, graded: usize) -> u64 {
    report["politeness"]["confusion"][labelled][graded].as_u64().unwrap()
}

fn check(file: &str, lang: &str, politeness: f64, micro_f1: f64) {
    check_with_rude_as_polite(file, lang, politeness, micro_f1, 0);
}

/// `check`, allowing at most `most` impolite probes graded polite: a ceiling
/// to bring down, for a batch the grader does not yet hear in full.
fn check_with_rude_as_polite(file: &str, lang: &str, politeness: f64, micro_f1: f64, most: u64) {
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
    assert!(confusion(&report, 2, 0) <= most, "impolite probes graded polite (at most {most}):\n{}", wrong.join("\n"));
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

/// Blind probes (tests/eval/blind_*.jsonl): cases of every class of issue 11
/// written by raters who never saw the grader, its lexicons or its tests, in
/// six independent batches per language, labelled by the realdata rules.
/// Each batch was graded at first sight, then its mistakes fixed by class,
/// before the next was drawn (docs/grading.md, "Blind probes"). The
/// thresholds are what the grader reaches today.
#[test]
fn chinese_blind_probes_agree_with_their_labels() {
    check("tests/eval/blind_zh.jsonl", "zh", 0.98, 0.95);
    platform_rules_agree("tests/eval/blind_zh.jsonl", Lang::Zh);
}

#[test]
fn english_blind_probes_agree_with_their_labels() {
    check("tests/eval/blind_en.jsonl", "en", 0.97, 0.91);
    platform_rules_agree("tests/eval/blind_en.jsonl", Lang::En);
}

/// Two later blind batches per language (tests/eval/blind_later_*.jsonl,
/// session 22): the seventh was graded at first sight and then fixed by
/// class; the eighth was graded at first sight after those fixes, to see how
/// far they carried, and then fixed by class too. They are harder than the
/// first six, and the grader does not yet reach those thresholds on them;
/// these floors are today's figures, so a change that loses agreement fails.
/// No rude probe may be graded polite here either.
#[test]
fn chinese_later_blind_probes_keep_todays_agreement() {
    check("tests/eval/blind_later_zh.jsonl", "zh", 0.88, 0.865);
}

#[test]
fn english_later_blind_probes_keep_todays_agreement() {
    check("tests/eval/blind_later_en.jsonl", "en", 0.875, 0.855);
}

/// A ninth blind batch per language (tests/eval/blind_rude_*.jsonl), rude
/// families only (burden-shifting and contempt wrapped in courtesy, counter
/// brush-offs, rhetorical impatience, curt orders), 70 % impolite with polite
/// and neutral look-alikes. At first sight the grader heard it badly (0.470
/// Chinese, 0.570 English, with 34 and 23 rude probes graded polite); after
/// fixing families, not sentences, it reads 0.730 and 0.740, with 8 and 6 left:
/// sarcasm that only the situation makes rude ("两百块请个人给您擦三个小时的地,
/// 这价格您自己擦都不亏吧"). Those counts are ceilings to bring down.
#[test]
fn chinese_rude_blind_probes_keep_todays_agreement() {
    check_with_rude_as_polite("tests/eval/blind_rude_zh.jsonl", "zh", 0.72, 0.80, 8);
}

#[test]
fn english_rude_blind_probes_keep_todays_agreement() {
    check_with_rude_as_polite("tests/eval/blind_rude_en.jsonl", "en", 0.76, 0.84, 6);
}

/// A bank of rude wordings per language (tests/eval/rude_bank_*.jsonl, session
/// 23): twelve families (do it yourself, everyone else manages, already told
/// you, pass the buck, if you don't like it, blame, impatience, counter
/// brush-offs, contempt, curt orders, threats, stonewalling), each some twelve
/// impolite wordings and four polite or neutral look-alikes, written by helpers
/// who never saw the grader. Families were added from it; the grader first read
/// it at 0.406 Chinese and 0.474 English with 65 and 38 rude lines graded polite.
#[test]
fn chinese_rude_bank_keeps_todays_agreement() {
    check_with_rude_as_polite("tests/eval/rude_bank_zh.jsonl", "zh", 0.78, 0.71, 6);
}

#[test]
fn english_rude_bank_keeps_todays_agreement() {
    check_with_rude_as_polite("tests/eval/rude_bank_en.jsonl", "en", 0.83, 0.75, 2);
}

/// Blind batches 10 to 15 (tests/eval/blind_batch1{0,1,2,3,4,5}_*.jsonl), every
/// class of issue 11, each drawn after the previous one's families were in,
/// so each was first graded unseen. Politeness at first sight, then rude
/// probes graded polite (of 56 to 58):
/// - batch 10: 0.762 zh / 0.717 en, 18 / 12 (before the rude bank's families;
///   with them, still unseen, 0.781 / 0.730, 17 / 10);
/// - batch 11: 0.762 / 0.693, 15 / 17;
/// - batch 12: 0.719 / 0.682, 20 / 16 (the session-start grader: 0.694 / 0.669,
///   21 / 15);
/// - batch 13 (session 24; 100 zh and 96 en probes, rude ones 37 / 36): 0.740 /
///   0.594, 16 / 16;
/// - batch 14 (98 zh, 96 en; rude 38 / 36): 0.653 / 0.698, 17 / 9, the same
///   with and without batch 13's families: they carried nothing to it;
/// - batch 15 (101 zh, 96 en; rude 38 / 35): 0.703 / 0.677, 13 / 12, again the
///   same as the session-start grader's.
///
/// After fixing each batch's families they read as held here; the rude probes
/// still graded polite are ceilings to bring down.
#[test]
fn chinese_blind_batches_ten_to_fifteen_keep_todays_agreement() {
    check_with_rude_as_polite("tests/eval/blind_batch10_zh.jsonl", "zh", 0.87, 0.87, 4);
    check_with_rude_as_polite("tests/eval/blind_batch11_zh.jsonl", "zh", 0.86, 0.81, 4);
    check_with_rude_as_polite("tests/eval/blind_batch12_zh.jsonl", "zh", 0.86, 0.80, 4);
    check_with_rude_as_polite("tests/eval/blind_batch13_zh.jsonl", "zh", 0.85, 0.80, 6);
    check_with_rude_as_polite("tests/eval/blind_batch14_zh.jsonl", "zh", 0.87, 0.78, 5);
    check_with_rude_as_polite("tests/eval/blind_batch15_zh.jsonl", "zh", 0.87, 0.77, 6);
}

#[test]
fn english_blind_batches_ten_to_fifteen_keep_todays_agreement() {
    check_with_rude_as_polite("tests/eval/blind_batch10_en.jsonl", "en", 0.78, 0.88, 5);
    check_with_rude_as_polite("tests/eval/blind_batch11_en.jsonl", "en", 0.83, 0.90, 5);
    check_with_rude_as_polite("tests/eval/blind_batch12_en.jsonl", "en", 0.83, 0.80, 4);
    check_with_rude_as_polite("tests/eval/blind_batch13_en.jsonl", "en", 0.83, 0.81, 4);
    check_with_rude_as_polite("tests/eval/blind_batch14_en.jsonl", "en", 0.82, 0.77, 4);
    check_with_rude_as_polite("tests/eval/blind_batch15_en.jsonl", "en", 0.86, 0.74, 3);
}

/// Every blind probe's platform-rule labels (`"platform"`: absolute claims,
/// moving the buyer off the platform, overpromising ...) are exactly the
/// platform rules the grader finds: none missed, none added.
fn platform_rules_agree(file: &str, lang: Lang) {
    let course = Course::load(&[], Path::new(env!("CARGO_MANIFEST_DIR")));
    let grader = Grader::new(&course);
    let mut wrong = Vec::new();
    for line in std::fs::read_to_string(file).unwrap().lines() {
        let row: serde_json::Value = serde_json::from_str(line).unwrap();
        let text = row["text"].as_str().unwrap();
        let expected: BTreeSet<String> = row["platform"].as_array().unwrap().iter().map(|v| v.as_str().unwrap().to_string()).collect();
        let report = grader.grade_text_answering(text, row["context"].as_str(), lang);
        let found: BTreeSet<String> = report.hits.iter().filter(|h| h.kind == "platform_rule").map(|h| h.rule.to_string()).collect();
        if found != expected {
            wrong.push(format!("{text}: labelled {expected:?}, found {found:?}"));
        }
    }
    assert!(wrong.is_empty(), "platform rules disagree:\n{}", wrong.join("\n"));
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

/// Plain probes of every class (tests/eval/plain_spec_*.jsonl and a second set,
/// plain_spec2_*, drawn after the first's families were in; session 24): the
/// short, typical wordings a specification's author tests first, written by
/// helpers who never saw the grader. At first sight: the first set zh 0.934, 3
/// of 29 rude probes graded polite, en 0.916, 2 of 25; the second zh 0.941, 3 of
/// 26, en 0.915, 5 of 24 (the same as the session-start grader's).
#[test]
fn plain_probes_of_every_class_keep_todays_agreement() {
    check_with_rude_as_polite("tests/eval/plain_spec_zh.jsonl", "zh", 0.98, 0.95, 0);
    check_with_rude_as_polite("tests/eval/plain_spec_en.jsonl", "en", 0.99, 0.95, 0);
    check_with_rude_as_polite("tests/eval/plain_spec2_zh.jsonl", "zh", 0.99, 0.94, 0);
    check_with_rude_as_polite("tests/eval/plain_spec2_en.jsonl", "en", 0.98, 0.92, 0);
}
