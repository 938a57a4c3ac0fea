//! Seed corpora, built from the repository as it is now: the bundled course
//! files, tests/fixtures, the tests/eval probes and records produced by the
//! code itself. Built, not committed, so seeds never drift from the formats.

use super::{bundle, repo};
use crate::content::raw::Lang;
use crate::engine::run_plan;
use crate::quiz::{Answer, QuizSession, QuizSpec, build};
use crate::scorecard::{AddedFinding, Decision, DimensionOverride, DisputeCard, FindingRef, Judgement, QuizCard, ReviewCard, ReviewDraft, Reviewer, RunMeta, Scorecard, Stance, Trainee};
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

/// A dispute of the fixture scorecard and a review answering it with every
/// kind of change (judgements both ways, an added finding, an override).
fn review_seeds(root: &Path) -> Vec<Seed> {
    let text = std::fs::read_to_string(root.join("tests/fixtures/scorecard-v2.json")).unwrap_or_default();
    let Ok(card) = crate::scorecard::read(&text) else { return Vec::new() };
    let finding = |text: &str| FindingRef::parse(text).ok();
    let (Some(fact), Some(apology)) = (finding("2:fact:policy.return_shipping_payer(WrongItem)"), finding("1:apologise")) else { return Vec::new() };
    let Ok(dispute) = DisputeCard::new(&card, fact.clone(), "我说了“我们承担运费”", Some("2026-12-02T04:00:00Z".into())) else { return Vec::new() };
    let draft = ReviewDraft {
        reviewer: Reviewer { name: "=主管".into(), id: "s<01>".into() },
        when_utc: Some("2026-12-02T05:00:00Z".into()),
        judgements: vec![
            Judgement { finding: apology, stance: Stance::Agree, reason: String::new() },
            Judgement { finding: fact, stance: Stance::Disagree, reason: "说对了".into() },
        ],
        added: vec![AddedFinding { reply: 2, message: Some(3), rule: "no thanks".into(), dimension: crate::grading::Dimension::Tone, points: -4.0, comment: "<b>".into() }],
        overrides: vec![DimensionOverride { dimension: crate::grading::Dimension::Speed, score_pct: 80.0, reason: "网络".into() }],
        comment: "整体不错".into(),
        signed_off: true,
        answers: Some((dispute.clone(), Decision::Accepted, String::new())),
    };
    let mut seeds = vec![("dispute.json".to_string(), dispute.to_json().into_bytes())];
    if let Ok(review) = ReviewCard::new(&card, draft) {
        seeds.push(("review.json".into(), review.to_json().into_bytes()));
    }
    seeds
}

/// The fixture scorecards (schema 1 and 2), a scorecard per pinned example,
/// quiz records (an exam with answers of every kind, a practice quiz left
/// blank), and a review and a dispute of the fixture scorecard.
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
    seeds.extend(review_seeds(&root));
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
