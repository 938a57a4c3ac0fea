//! Quiz and exam attempts are scorecards too: `kefu quiz --out/--save` writes
//! one, `kefu verify` passes it untouched, names a hand edit, catches a forged
//! mark even when the seals were recomputed, and says CONTENT CHANGED when a
//! question moved on; every exporter takes it beside scenario scorecards.

mod common;

use common::{kefu, stdout};
use kefu::content::Course;
use kefu::content::raw::Lang;
use kefu::quiz::{Answer, ItemKind, QuizItem, QuizSpec, build};
use kefu::scorecard::{self, Record};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

const SEED: u64 = 7;
const HOSTILE: &str = "=HYPERLINK(\"http://x\",\"y\") <script>alert(1)</script>";

/// The exam `kefu quiz all --seed 7` draws from the content in `root`.
fn exam_items(root: &Path) -> Vec<QuizItem> {
    build(&Course::load(&[], root), &QuizSpec::exam(Lang::Zh, SEED)).unwrap()
}

/// Answers: the first half right, the rest wrong (one of them hostile text), the last left out.
fn answers(items: &[QuizItem]) -> BTreeMap<String, Answer> {
    let half = items.len() / 2;
    let mut given = BTreeMap::new();
    for (index, item) in items.iter().enumerate().take(items.len() - 1) {
        let right = index < half;
        let answer = match &item.kind {
            ItemKind::Single { options, right: r } => Answer::Choice(options[if right { *r } else { (*r + 1) % options.len() }].clone()),
            ItemKind::Multiple { options, right: r } => {
                Answer::Choices(if right { r.iter().map(|i| options[*i].clone()).collect() } else { options.clone() })
            }
            ItemKind::TrueFalse { answer } => Answer::Bool(*answer == right),
            ItemKind::FillIn { answers } => Answer::Text(if right { answers[0].clone() } else { HOSTILE.into() }),
            ItemKind::Numeric { answer, .. } => Answer::Number(if right { *answer } else { answer + 1000.0 }),
        };
        given.insert(item.id.clone(), answer);
    }
    given
}

/// Takes the exam with `kefu quiz`, writing its scorecard; returns its path.
fn take_exam(dir: &Path, content: &Path) -> PathBuf {
    let items = exam_items(content);
    let answers_file = dir.join("answers.ron");
    std::fs::write(&answers_file, ron::to_string(&answers(&items)).unwrap()).unwrap();
    let out = dir.join("exam.json");
    let output = kefu(&[
        "--content", content.to_str().unwrap(), "quiz", "all", "--mode", "exam", "--seed", &SEED.to_string(),
        "--answers", answers_file.to_str().unwrap(), "--trainee", "王小明", "--trainee-id", "e1024",
        "--when", "2026-11-23T10:00:00Z", "--out", out.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(0), "{}{}", stdout(&output), String::from_utf8_lossy(&output.stderr));
    out
}

fn read_quiz(path: &Path) -> scorecard::QuizCard {
    match scorecard::read_record(&std::fs::read_to_string(path).unwrap()).unwrap() {
        Record::Quiz(card) => card,
        _ => panic!("a quiz record was read as another kind"),
    }
}

fn verify(path: &Path) -> (String, Option<i32>) {
    let output = kefu(&["verify", path.to_str().unwrap()]);
    (stdout(&output), output.status.code())
}

#[test]
fn an_exam_becomes_a_scorecard_that_verifies_and_replays_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let path = take_exam(dir.path(), repo());
    let card = read_quiz(&path);
    assert_eq!(card.kind, "quiz");
    assert_eq!((card.trainee.id.as_str(), card.quiz.seed, card.items.len()), ("e1024", SEED, 20));
    assert_eq!(card.items, exam_items(repo()), "the record holds the questions as asked, options in order");
    assert_eq!(card.result.marks.iter().filter(|m| m.is_none()).count(), 1, "one question left out");
    assert_eq!(card.quiz.time_limit_secs, Some(1800.0));
    assert!(!card.result.passed && card.result.score_pct < 60.0, "half right fails the 60% pass mark: {}", card.result.score_pct);
    let (out, code) = verify(&path);
    assert_eq!(code, Some(0), "{out}");
    assert!(out.starts_with("OK "), "{out}");
    let first = std::fs::read(&path).unwrap();
    let again = take_exam(dir.path(), repo());
    assert_eq!(std::fs::read(again).unwrap(), first, "the same seed and answers give the same bytes");
}

/// A hand edit of a record's JSON.
type Edit = Box<dyn Fn(&mut serde_json::Value)>;

#[test]
fn hand_edits_are_named_and_a_forged_mark_is_caught_even_with_fresh_seals() {
    let dir = tempfile::tempdir().unwrap();
    let path = take_exam(dir.path(), repo());
    let cases: Vec<(&str, Edit)> = vec![
        ("result", Box::new(|j| j["result"]["score_pct"] = 95.0.into())),
        ("answers[0]", Box::new(|j| j["answers"][0]["at"] = 99.0.into())),
        ("items[3]", Box::new(|j| j["items"][3]["prompt"] = "一道更容易的题".into())),
        ("trainee", Box::new(|j| j["trainee"]["id"] = "e2048".into())),
    ];
    for (field, edit) in cases {
        let mut json: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        edit(&mut json);
        let edited = dir.path().join("edited.json");
        std::fs::write(&edited, serde_json::to_string_pretty(&json).unwrap()).unwrap();
        let (out, code) = verify(&edited);
        assert_eq!(code, Some(1), "{field}: {out}");
        assert!(out.starts_with("EDITED ") && out.contains(field), "{field} not named in: {out}");
    }
    // A forger who marks a wrong answer right and recomputes every seal is
    // still caught: re-marking the answers gives a different result.
    let mut card = read_quiz(&path);
    let wrong = card.result.marks.iter().position(|m| m.as_ref().is_some_and(|m| !m.right)).unwrap();
    let mark = card.result.marks[wrong].as_mut().unwrap();
    (mark.score, mark.right) = (1.0, true);
    card.result.score_pct += 5.0;
    card.digests = card.field_digests();
    let forged = dir.path().join("forged.json");
    std::fs::write(&forged, card.to_json()).unwrap();
    let (out, code) = verify(&forged);
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains(&format!("result.marks[{wrong}].right")) && out.contains("result.score_pct"), "{out}");
}

/// Generated questions are written in the quiz's language: a record of them
/// taken in either language verifies OK (re-drawn in the language it was taken in).
#[test]
fn generated_questions_verify_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    for (lang, name) in [(Lang::Zh, "zh"), (Lang::En, "en")] {
        let spec = QuizSpec { sources: vec!["generated".into()], count: 30, ..QuizSpec::exam(lang, SEED) };
        let items = build(&Course::load(&[], repo()), &spec).unwrap();
        assert_eq!(items.len(), 30);
        let english = items.iter().all(|q| !q.prompt.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)));
        assert_eq!(english, lang == Lang::En, "{name}: the questions are in the quiz's language");
        let answers_file = dir.path().join(format!("answers-{name}.ron"));
        std::fs::write(&answers_file, ron::to_string(&answers(&items)).unwrap()).unwrap();
        let out = dir.path().join(format!("generated-{name}.json"));
        let output = kefu(&[
            "quiz", "generated", "--lang", name, "--count", "30", "--mode", "exam", "--seed", &SEED.to_string(),
            "--answers", answers_file.to_str().unwrap(), "--trainee-id", "e1024", "--out", out.to_str().unwrap(),
        ]);
        assert_eq!(output.status.code(), Some(0), "{}{}", stdout(&output), String::from_utf8_lossy(&output.stderr));
        assert_eq!(read_quiz(&out).items, items, "{name}: the record holds the questions as asked");
        let (verdict, code) = verify(&out);
        assert_eq!(code, Some(0), "{name}: {verdict}");
        assert!(verdict.starts_with("OK "), "{name}: {verdict}");
    }
}

#[test]
fn a_changed_question_says_content_changed() {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    for folder in ["assets", "scenarios"] {
        common::copy_dir(&repo().join(folder), &content.join(folder));
    }
    let path = take_exam(dir.path(), &content);
    assert!(verify(&path).0.starts_with("OK "));
    // The shop's return window changes: a question made from the policy changes with it.
    let policy = content.join("assets/policy/shop.ron");
    let text = std::fs::read_to_string(&policy).unwrap();
    assert!(text.contains("no_reason_days: 7"), "the test edits the 7-day window");
    std::fs::write(&policy, text.replacen("no_reason_days: 7", "no_reason_days: 15", 1)).unwrap();
    let output = kefu(&["--content", content.to_str().unwrap(), "verify", path.to_str().unwrap()]);
    let out = stdout(&output);
    assert_eq!(output.status.code(), Some(1), "{out}");
    assert!(out.starts_with("CONTENT CHANGED") && out.contains("pool"), "{out}");
}

#[test]
fn every_exporter_takes_quiz_cards_beside_scenario_scorecards() {
    let dir = tempfile::tempdir().unwrap();
    let quiz = take_exam(dir.path(), repo());
    let scenario = repo().join("tests/fixtures/scorecard-v2.json");
    let (quiz, scenario) = (quiz.to_str().unwrap(), scenario.to_str().unwrap());

    let summary = stdout(&kefu(&["export", scenario, quiz, "--format", "csv"]));
    let mut reader = csv::Reader::from_reader(summary.trim_start_matches('\u{feff}').as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 2);
    let headers = reader.headers().unwrap().clone();
    let column = |row: &csv::StringRecord, name: &str| row[headers.iter().position(|h| h == name).unwrap()].to_string();
    assert_eq!(column(&rows[1], "kind"), "quiz");
    assert_eq!(column(&rows[1], "scenario_id"), "quiz-exam");
    assert_eq!(column(&rows[1], "passed"), "false");
    assert_eq!(column(&rows[0], "kind"), "scenario");

    let detail = stdout(&kefu(&["export", quiz, "--format", "csv", "--detail"]));
    let rows: Vec<csv::StringRecord> =
        csv::Reader::from_reader(detail.trim_start_matches('\u{feff}').as_bytes()).records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 20, "one row per question");
    // The one formula a cell may hold is ours: an id or seed of digits kept as text (`="0042"`).
    let digits_as_text = |cell: &str| cell.strip_prefix("=\"").and_then(|c| c.strip_suffix('"')).is_some_and(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()));
    assert!(rows.iter().all(|r| !r.iter().any(|cell| cell.starts_with('=') && !digits_as_text(cell))), "formulas are neutralised");

    let html = stdout(&kefu(&["export", quiz, scenario, "--format", "html"]));
    assert!(html.contains("模拟考试") && html.contains("王小明") && html.contains("发错颜色的保温杯"));
    assert!(!html.contains("<script>alert(1)</script>"), "typed answers are escaped");

    let xapi: serde_json::Value = serde_json::from_str(&stdout(&kefu(&["export", quiz, scenario, "--format", "xapi"]))).unwrap();
    assert_eq!(xapi[0]["object"]["definition"]["type"], "http://adlnet.gov/expapi/activities/assessment");
    assert_eq!(xapi[0]["verb"]["id"], "http://adlnet.gov/expapi/verbs/failed");
    assert_eq!(xapi[1]["object"]["definition"]["type"], "http://adlnet.gov/expapi/activities/simulation");

    let json = stdout(&kefu(&["export", quiz, "--format", "json"]));
    assert_eq!(scorecard::read_record(&json).unwrap(), Record::Quiz(read_quiz(Path::new(quiz))));
}

#[test]
fn save_puts_the_quiz_card_with_the_trainees_other_scorecards() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let answers = dir.path().join("answers.ron");
    std::fs::write(&answers, "{}").unwrap();
    let output = kefu(&[
        "--data-dir", data.to_str().unwrap(), "quiz", "kpi", "--mode", "practice", "--answers", answers.to_str().unwrap(),
        "--trainee-id", "e1024", "--when", "now", "--save", "--expect", "fail",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    let saved = kefu::store::trainee_scorecards(&data, "e1024");
    assert_eq!(saved.len(), 1);
    let summary = kefu::store::read_summary(&saved[0]).unwrap();
    assert_eq!((summary.kind, summary.activity.id.as_str(), summary.total), (scorecard::RecordKind::Quiz, "quiz-practice", 0.0));
    assert!(verify(&saved[0]).0.starts_with("OK "));
}
