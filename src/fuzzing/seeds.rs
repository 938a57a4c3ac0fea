//! Seed corpora, built from the repository as it is now: the bundled course
//! files, tests/fixtures, the tests/eval probes and records produced by the
//! code itself. Built, not committed, so seeds never drift from the formats.

use super::{bundle, repo};
use crate::content::raw::Lang;
use crate::engine::run_plan;
use crate::quiz::{Answer, QuizSession, QuizSpec, build};
use crate::scorecard::{QuizCard, RunMeta, Scorecard, Trainee};
use std::path::Path;

/// One seed: a file name for `fuzz/corpus/TARGET/` and its bytes.
pub type Seed = (String, Vec<u8>);

/// The seeds of the target called `name` (empty for an unknown name).
pub fn for_target(name: &str) -> Vec<Seed> {
    match name {
        "content" => content(),
        "grading" => grading(),
        "records" => records(),
        _ => Vec::new(),
    }
}

/// Every `.ron` file under scenarios/ and assets/, and one few-file input
/// (a scenario and a lexicon joined by NUL, as the content target splits them).
fn content() -> Vec<Seed> {
    let root = repo();
    let mut seeds = Vec::new();
    for folder in ["scenarios", "assets"] {
        for entry in walkdir::WalkDir::new(root.join(folder)).sort_by_file_name().into_iter().flatten() {
            let path = entry.path();
            if path.extension().is_some_and(|ext| ext == "ron") {
                seeds.push((name_of(&root, path), std::fs::read(path).unwrap_or_default()));
            }
        }
    }
    let scenario = seeds.iter().find(|(name, _)| name.starts_with("scenarios")).map(|s| s.1.clone());
    let lexicon = seeds.iter().find(|(name, _)| name.contains("lexicons")).map(|s| s.1.clone());
    if let (Some(mut joined), Some(lexicon)) = (scenario, lexicon) {
        joined.push(0);
        joined.extend(lexicon);
        seeds.push(("few-files-scenario-and-lexicon.ron".into(), joined));
    }
    seeds
}

/// Every eval probe's text, every pinned example's replies, the fixture replies files.
fn grading() -> Vec<Seed> {
    let root = repo();
    let mut seeds = Vec::new();
    for file in ["probes_zh.jsonl", "probes_en.jsonl"] {
        let text = std::fs::read_to_string(root.join("tests/eval").join(file)).unwrap_or_default();
        for (line, probe) in text.lines().enumerate() {
            let value: serde_json::Value = serde_json::from_str(probe).unwrap_or_default();
            if let Some(reply) = value.get("text").and_then(|t| t.as_str()) {
                seeds.push((format!("eval-{file}-{line}.txt"), reply.as_bytes().to_vec()));
            }
        }
    }
    for scenario in &bundle().course.scenarios {
        for example in &scenario.examples {
            let said: Vec<&str> = example.replies.iter().filter_map(|r| r.say.as_deref()).collect();
            // All the replies of an example as one multi-message turn.
            seeds.push((format!("example-{}-{}.txt", scenario.id, slug(&example.name)), said.join("\n").into_bytes()));
        }
    }
    for entry in std::fs::read_dir(root.join("tests/fixtures")).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.to_string_lossy().ends_with(".replies.ron") {
            seeds.push((name_of(&root, &path), std::fs::read(&path).unwrap_or_default()));
        }
    }
    seeds
}

/// The fixture scorecards (schema 1 and 2), a scorecard per pinned example and
/// quiz records (an exam with answers of every kind, a practice quiz left blank).
fn records() -> Vec<Seed> {
    let root = repo();
    let mut seeds = Vec::new();
    for entry in std::fs::read_dir(root.join("tests/fixtures")).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.extension().is_some_and(|ext| ext == "json") {
            seeds.push((name_of(&root, &path), std::fs::read(&path).unwrap_or_default()));
        }
    }
    let bundle = bundle();
    let meta = || RunMeta {
        trainee: Trainee { name: "Fuzz 测试".into(), id: "t-001".into() },
        when_utc: Some("2026-12-02T03:00:00Z".into()),
    };
    for scenario in &bundle.course.scenarios {
        for example in &scenario.examples {
            let Ok(result) = run_plan(bundle.clone(), &scenario.id, example.seed, &example.replies) else { continue };
            if let Some(card) = Scorecard::from_run(&bundle.course, &result, meta()) {
                seeds.push((format!("scorecard-{}-{}.json", scenario.id, slug(&example.name)), card.to_json().into_bytes()));
            }
        }
    }
    for (spec, answered) in [(QuizSpec::exam(Lang::Zh, 3), true), (QuizSpec::practice(Lang::En, 5), false)] {
        let Ok(items) = build(&bundle.course, &spec) else { continue };
        let mut session = QuizSession::from_spec(items.clone(), &spec, 0.0);
        if answered {
            let kinds = [Answer::Text("16元".into()), Answer::Number(129.0), Answer::Bool(true), Answer::Choices(vec![])];
            for index in 0..items.len() {
                // A wrong kind of answer is refused: try the next kind.
                for answer in kinds.iter().cycle().skip(index).take(kinds.len()) {
                    if session.answer(index, answer.clone(), 5.0 + index as f64).is_ok() {
                        break;
                    }
                }
            }
        }
        let _ = session.finish(600.0);
        let Some(result) = session.result() else { continue };
        if let Ok(card) = QuizCard::from_attempt(&bundle.course, &spec, &items, session.answers(), result, meta()) {
            seeds.push((format!("quiz-{}.json", if answered { "exam" } else { "practice" }), card.to_json().into_bytes()));
        }
    }
    seeds
}

fn name_of(root: &Path, path: &Path) -> String {
    path.strip_prefix(root).unwrap_or(path).to_string_lossy().replace(['/', '\\'], "-")
}

/// A file-name-safe form of an example's name (which may be Chinese).
fn slug(name: &str) -> String {
    let slug: String = name.chars().map(|c| if c.is_alphanumeric() { c } else { '-' }).collect();
    slug.chars().take(40).collect()
}
