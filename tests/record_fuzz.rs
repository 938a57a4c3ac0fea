//! A record file is untrusted input: thousands of randomly mutated records
//! (lists lengthened, shortened and emptied, span offsets and message indices
//! out of range, huge and negative numbers, fields removed or retyped, hostile
//! text), from a scenario scorecard and a quiz record the code produced and the
//! schema-2 fixture, go through the reader, every exporter, the layout helpers
//! and verify. A reader may refuse a record; nothing may panic. Numbers JSON
//! cannot hold (NaN, infinities) are put into records in memory instead.

mod common;

use kefu::content::Course;
use kefu::content::raw::{Lang, TimedInput};
use kefu::engine::{Bundle, run_plan};
use kefu::quiz::{Answer, ItemKind, QuizSession, QuizSpec, TimedAnswer, build};
use kefu::scorecard::{self, QuizCard, Record, RunMeta, Scorecard, Trainee};
use proptest::prelude::*;
use serde_json::Value;
use std::path::Path;
use std::sync::{Arc, OnceLock};

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn bundle() -> Arc<Bundle> {
    static BUNDLE: OnceLock<Arc<Bundle>> = OnceLock::new();
    BUNDLE.get_or_init(|| Arc::new(Bundle::new(Course::load(&[], repo())))).clone()
}

fn meta() -> RunMeta {
    RunMeta { trainee: Trainee { name: "王小明".into(), id: "e1024".into() }, when_utc: Some("2026-11-23T10:00:00Z".into()) }
}

/// A scenario scorecard of today's content (so verify goes on to re-grade it).
fn scenario_card() -> Scorecard {
    let bundle = bundle();
    let plan = [TimedInput::say(3.0, "亲,非常抱歉给您添麻烦了,麻烦您提供一下订单号和照片"), TimedInput::say(5.0, "马上为您免费补发,48小时内发出")];
    let result = run_plan(bundle.clone(), "wrong-colour-thermos", 11, &plan).unwrap();
    Scorecard::from_run(&bundle.course, &result, meta()).unwrap()
}

/// An exam attempt: every question answered (right or not), one second apart.
pub fn quiz_card() -> QuizCard {
    let course = &bundle().course;
    let spec = QuizSpec::exam(Lang::Zh, 7);
    let items = build(course, &spec).unwrap();
    let answers: Vec<Option<TimedAnswer>> = items
        .iter()
        .enumerate()
        .map(|(index, item)| {
            let answer = match &item.kind {
                ItemKind::Single { options, .. } => Answer::Choice(options.first().cloned().unwrap_or_default()),
                ItemKind::Multiple { options, .. } => Answer::Choices(options.clone()),
                ItemKind::TrueFalse { .. } => Answer::Bool(true),
                ItemKind::FillIn { .. } => Answer::Text("=HYPERLINK(\"x\") <b>".into()),
                ItemKind::Numeric { answer, .. } => Answer::Number(*answer),
            };
            Some(TimedAnswer { answer, at: index as f64 + 1.0 })
        })
        .collect();
    let result = QuizSession::replay(items.clone(), &spec, &answers, false, items.len() as f64 + 1.0).unwrap();
    QuizCard::from_attempt(course, &spec, &items, answers, &result, meta()).unwrap()
}

/// The three records mutations start from, as JSON.
/// A typing-drill record whose typed text is hostile to every exporter.
fn typing_card() -> scorecard::TypingCard {
    let meta = scorecard::RunMeta { trainee: scorecard::Trainee { name: "=1+1".into(), id: "t<1>".into() }, when_utc: Some("2026-12-01T10:00:00Z".into()) };
    scorecard::TypingCard::from_attempt(Lang::Zh, kefu::quiz::typing_phrases(Lang::Zh)[0], "=HYPERLINK(\"x\") <script>", 7.5, meta)
}

fn bases() -> &'static [Value; 4] {
    static BASES: OnceLock<[Value; 4]> = OnceLock::new();
    BASES.get_or_init(|| {
        let fixture = std::fs::read_to_string(repo().join("tests/fixtures/scorecard-v2.json")).unwrap();
        [
            serde_json::from_str(&fixture).unwrap(),
            serde_json::to_value(scenario_card()).unwrap(),
            serde_json::to_value(quiz_card()).unwrap(),
            serde_json::to_value(typing_card()).unwrap(),
        ]
    })
}

/// Every path (object keys and array indices) in `value`, the root first.
fn paths(value: &Value, here: &mut Vec<PathPart>, out: &mut Vec<Vec<PathPart>>) {
    out.push(here.clone());
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                here.push(PathPart::Key(key.clone()));
                paths(child, here, out);
                here.pop();
            }
        }
        Value::Array(items) => {
            for (index, child) in items.iter().enumerate() {
                here.push(PathPart::Index(index));
                paths(child, here, out);
                here.pop();
            }
        }
        _ => {}
    }
}

#[derive(Debug, Clone)]
enum PathPart {
    Key(String),
    Index(usize),
}

fn at<'v>(value: &'v mut Value, path: &[PathPart]) -> &'v mut Value {
    path.iter().fold(value, |value, part| match part {
        PathPart::Key(key) => &mut value[key.as_str()],
        PathPart::Index(index) => &mut value[*index],
    })
}

/// What a mutation does at the path it picks.
#[derive(Debug, Clone)]
enum Mutation {
    Number(f64),
    Integer(u64),
    Negative(i64),
    Text(String),
    Null,
    Remove,
    /// Repeats one element of a list (or of the list holding this value) `n` times.
    Grow(usize),
    Truncate(usize),
    EmptyObject,
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        prop_oneof![Just(0.0), Just(1e300), Just(-1e300), Just(0.5), Just(-3.25), Just(f64::MAX), Just(1e-300), Just(9.999e15)]
            .prop_map(Mutation::Number),
        prop_oneof![Just(0u64), Just(1), Just(7), Just(100), Just(u64::from(u32::MAX)), Just(u64::MAX), any::<u64>()]
            .prop_map(Mutation::Integer),
        any::<i64>().prop_map(Mutation::Negative),
        prop_oneof![
            Just(String::new()),
            Just("亲".to_string()),
            Just("白色".repeat(50)),
            Just("=cmd|' /C calc'!A0 <script>x</script>\"'&".to_string()),
            "\\PC{0,40}",
        ]
        .prop_map(Mutation::Text),
        Just(Mutation::Null),
        Just(Mutation::Remove),
        (1usize..40).prop_map(Mutation::Grow),
        (0usize..4).prop_map(Mutation::Truncate),
        Just(Mutation::EmptyObject),
    ]
}

fn apply(value: &mut Value, path: &[PathPart], mutation: &Mutation) {
    let Some((last, parent_path)) = path.split_last() else {
        if let Mutation::EmptyObject = mutation {
            *value = Value::Object(Default::default());
        }
        return;
    };
    match mutation {
        Mutation::Number(n) => *at(value, path) = serde_json::json!(n),
        Mutation::Integer(n) => *at(value, path) = serde_json::json!(n),
        Mutation::Negative(n) => *at(value, path) = serde_json::json!(n),
        Mutation::Text(text) => *at(value, path) = serde_json::json!(text),
        Mutation::Null => *at(value, path) = Value::Null,
        Mutation::EmptyObject => *at(value, path) = Value::Object(Default::default()),
        Mutation::Remove => match (at(value, parent_path), last) {
            (Value::Object(map), PathPart::Key(key)) => {
                map.remove(key);
            }
            (Value::Array(items), PathPart::Index(index)) if *index < items.len() => {
                items.remove(*index);
            }
            _ => {}
        },
        Mutation::Grow(times) => match (at(value, parent_path), last) {
            (Value::Array(items), PathPart::Index(index)) if *index < items.len() => {
                let copy = items[*index].clone();
                items.extend(std::iter::repeat_n(copy, *times));
            }
            (_, _) => {
                if let Value::Array(items) = at(value, path)
                    && let Some(first) = items.first().cloned()
                {
                    items.extend(std::iter::repeat_n(first, *times));
                }
            }
        },
        Mutation::Truncate(keep) => {
            if let Value::Array(items) = at(value, path) {
                items.truncate(*keep);
            }
        }
    }
}

/// Everything that reads a record: each exporter, the summary reader, the
/// layout helpers and verify. Errors are fine; a panic fails the test.
fn read_and_export(json: &str) {
    let _ = scorecard::Summary::read(json);
    let Ok(record) = scorecard::read_record(json) else { return };
    exercise(&record);
}

fn exercise(record: &Record) {
    let records = std::slice::from_ref(record);
    let _ = scorecard::write_csv_detail(std::io::sink(), records);
    let _ = scorecard::write_csv_summary(std::io::sink(), records);
    let _ = scorecard::write_html(std::io::sink(), records);
    let _ = scorecard::write_xapi(std::io::sink(), records, scorecard::XAPI_DEFAULT_BASE);
    let _ = scorecard::Summary::read(&record.to_json());
    if let Record::Scenario(card) = record {
        let by_line = scorecard::findings_by_line(card);
        let _ = scorecard::turn_ends(card);
        for (entry, findings) in card.transcript.iter().zip(&by_line) {
            for segment in scorecard::message_segments(&entry.text, findings) {
                let _ = &entry.text[segment.start..segment.end];
                let _ = segment.lost();
            }
        }
        let bundle = bundle();
        let _ = scorecard::suggest_practice(std::slice::from_ref(card), &bundle.course, &bundle.grader, 3);
    }
    let verdict = scorecard::verify_record(record, &bundle());
    if let scorecard::Verdict::Edited(names) | scorecard::Verdict::CannotVerify(names) = &verdict {
        assert!(names.len() <= scorecard::MAX_NAMED + 1, "{} names", names.len());
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, failure_persistence: None, .. ProptestConfig::default() })]
    #[test]
    fn a_mutated_record_is_refused_or_exported_never_a_panic(
        base in 0usize..4,
        mutations in prop::collection::vec((any::<prop::sample::Index>(), mutation()), 1..5),
    ) {
        let mut value = bases()[base].clone();
        for (pick, mutation) in &mutations {
            let mut all = Vec::new();
            paths(&value, &mut Vec::new(), &mut all);
            let path = pick.get(&all).clone();
            apply(&mut value, &path, mutation);
        }
        read_and_export(&value.to_string());
    }
}

proptest! {
    // Fewer: every one of these reads, so every one is re-graded by verify.
    #![proptest_config(ProptestConfig { cases: 1000, failure_persistence: None, .. ProptestConfig::default() })]
    #[test]
    fn numbers_json_cannot_hold_are_exported_never_a_panic(
        base in 0usize..4,
        picks in prop::collection::vec((any::<prop::sample::Index>(), prop_oneof![Just(f64::NAN), Just(f64::INFINITY), Just(f64::NEG_INFINITY), Just(-0.0), Just(1e308)]), 1..6),
    ) {
        let Ok(mut record) = scorecard::read_record(&bases()[base].to_string()) else { panic!("the bases read") };
        for (pick, number) in picks {
            match &mut record {
                Record::Scenario(card) => {
                    let mut slots: Vec<&mut f64> = vec![&mut card.grade.total, &mut card.grade.pass_mark];
                    slots.extend(card.grade.kpis.iter_mut().filter_map(|k| k.value.as_mut()));
                    slots.extend(card.transcript.iter_mut().map(|e| &mut e.at));
                    for reply in &mut card.replies {
                        slots.extend([&mut reply.score, &mut reply.weight]);
                        slots.extend(reply.response_secs.as_mut());
                        for finding in &mut reply.findings {
                            slots.extend([&mut finding.points, &mut finding.possible]);
                        }
                    }
                    let index = pick.index(slots.len());
                    *slots[index] = number;
                }
                Record::Typing(card) => {
                    let mut slots: Vec<&mut f64> = vec![&mut card.secs, &mut card.speed, &mut card.result.chars_per_min, &mut card.result.accuracy];
                    let index = pick.index(slots.len());
                    *slots[index] = number;
                }
                Record::Quiz(card) => {
                    let mut slots: Vec<&mut f64> = vec![&mut card.result.score_pct, &mut card.result.pass_mark_pct, &mut card.result.duration_secs];
                    slots.extend(card.answers.iter_mut().flatten().map(|a| &mut a.at));
                    slots.extend(card.result.marks.iter_mut().flatten().map(|m| &mut m.score));
                    let index = pick.index(slots.len());
                    *slots[index] = number;
                }
            }
        }
        exercise(&record);
    }
}

/// The case of issue 13: a quiz record with more answers than questions used
/// to make `kefu export --format csv --detail` panic (exit 101).
#[test]
fn a_quiz_record_with_extra_answers_is_refused_naming_the_file() {
    let mut value = serde_json::to_value(quiz_card()).unwrap();
    let answers = value["answers"].as_array_mut().unwrap();
    let first = answers[0].clone();
    answers.extend([first.clone(), first]);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("forged-quiz.json");
    std::fs::write(&file, value.to_string()).unwrap();
    for args in [&["export", "--format", "csv", "--detail"][..], &["export", "--format", "html"], &["verify"]] {
        let mut args = args.to_vec();
        args.push(file.to_str().unwrap());
        let output = common::kefu(&args);
        let stderr = String::from_utf8_lossy(&output.stderr);
        let all = format!("{}{stderr}", common::stdout(&output));
        assert_eq!(output.status.code(), Some(1), "{args:?}: {all}");
        assert!(all.contains("forged-quiz.json") && all.contains("answers"), "{args:?}: {all}");
    }
    // The exporter itself, handed such a record in memory, writes rows for the questions only.
    let mut card = quiz_card();
    card.answers.extend(card.answers.clone());
    let mut csv = Vec::new();
    scorecard::write_csv_detail(&mut csv, [&card]).unwrap();
    assert_eq!(String::from_utf8(csv).unwrap().lines().count(), card.items.len() + 1);
}
