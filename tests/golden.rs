//! Golden plans: a scenario, a scripted trainee (timed replies and actions) and
//! the grade it must get. Two sources: every pinned example of every bundled
//! scenario, and the plans in tests/golden/*.ron that probe one behaviour each
//! (silence and nudges, wrong facts, order errors, platform rules,
//! Traditional Chinese...). All go through one `check()` helper, so the tests
//! do not depend on the engine's call details.

use kefu::content::Course;
use kefu::content::raw::{Outcome, TimedInput};
use kefu::engine::{Bundle, PlanResult, run_plan};
use kefu::scorecard::{RunMeta, Scorecard, Trainee};
use serde::Deserialize;
use std::path::Path;
use std::sync::{Arc, OnceLock};

fn bundle() -> Arc<Bundle> {
    static BUNDLE: OnceLock<Arc<Bundle>> = OnceLock::new();
    BUNDLE.get_or_init(|| Arc::new(Bundle::new(Course::load(&[], Path::new(env!("CARGO_MANIFEST_DIR")))))).clone()
}

/// What a plan must get. Every field left out is not checked.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Expect {
    passed: Option<bool>,
    outcome: Option<Outcome>,
    total_at_least: Option<f64>,
    total_at_most: Option<f64>,
    /// Rule ids (lexicon ids, fact rules, built-ins) that must be among the findings.
    #[serde(default)]
    found: Vec<String>,
    #[serde(default)]
    not_found: Vec<String>,
    /// Rule ids that must appear among the findings at all, earned or lost (e.g. `no_reply`).
    #[serde(default)]
    present: Vec<String>,
    /// Fact rules that must have been stated wrongly.
    #[serde(default)]
    wrong_facts: Vec<String>,
    #[serde(default)]
    critical: Vec<String>,
    nudges: Option<usize>,
    /// How many answers (reply points) were graded: one answer split over
    /// several messages and actions must stay one.
    answers: Option<usize>,
    /// KPI id → whether it must be met.
    #[serde(default)]
    kpis_met: Vec<(String, bool)>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct GoldenPlan {
    about: String,
    scenario: String,
    #[serde(default)]
    seed: u64,
    replies: Vec<TimedInput>,
    expect: Expect,
}

/// Runs a plan and lists every way the result differs from `expect`.
fn check(scenario: &str, seed: u64, replies: &[TimedInput], expect: &Expect) -> (PlanResult, Vec<String>) {
    let result = run_plan(bundle(), scenario, seed, replies).unwrap_or_else(|e| panic!("{scenario}: {e}"));
    let grade = &result.grade;
    let mut problems = Vec::new();
    let found: Vec<&str> = result
        .replies
        .iter()
        .flat_map(|r| r.found.iter().map(String::as_str).chain(r.findings.iter().filter(|f| f.points > 0.0 || f.possible == 0.0).map(|f| f.rule.as_str())))
        .collect();
    if let Some(passed) = expect.passed
        && grade.passed != passed
    {
        problems.push(format!("passed {} (total {}, outcome {:?}, critical {:?})", grade.passed, grade.total, grade.outcome, grade.critical_failures));
    }
    if let Some(outcome) = expect.outcome
        && grade.outcome != outcome
    {
        problems.push(format!("outcome {:?}, expected {outcome:?}", grade.outcome));
    }
    if let Some(min) = expect.total_at_least
        && grade.total < min
    {
        problems.push(format!("total {} < {min}", grade.total));
    }
    if let Some(max) = expect.total_at_most
        && grade.total > max
    {
        problems.push(format!("total {} > {max}", grade.total));
    }
    for id in &expect.found {
        if !found.contains(&id.as_str()) {
            problems.push(format!("{id} not found"));
        }
    }
    for id in &expect.not_found {
        if found.contains(&id.as_str()) {
            problems.push(format!("{id} found but must not be"));
        }
    }
    for id in &expect.present {
        if !result.replies.iter().flat_map(|r| &r.findings).any(|f| &f.rule == id) {
            problems.push(format!("{id} is not among the findings"));
        }
    }
    for rule in &expect.wrong_facts {
        let wrong = result.replies.iter().flat_map(|r| &r.facts).any(|f| &f.rule == rule && f.status == kefu::grading::FactStatus::Wrong);
        if !wrong {
            problems.push(format!("{rule} not graded wrong"));
        }
    }
    for id in &expect.critical {
        if !grade.critical_failures.iter().any(|c| c == id) {
            problems.push(format!("critical {id} missing from {:?}", grade.critical_failures));
        }
    }
    if let Some(nudges) = expect.nudges {
        let seen = result.transcript.iter().filter(|e| e.kind == kefu::engine::EntryKind::Nudge).count();
        if seen != nudges {
            problems.push(format!("{seen} nudges, expected {nudges}"));
        }
    }
    if let Some(answers) = expect.answers
        && result.replies.len() != answers
    {
        problems.push(format!("{} answers graded, expected {answers}", result.replies.len()));
    }
    for (id, met) in &expect.kpis_met {
        let kpi = grade.kpis.iter().find(|k| &k.id == id);
        if kpi.and_then(|k| k.met) != Some(*met) {
            problems.push(format!("KPI {id}: {:?}, expected met = {met}", kpi.map(|k| (k.value, k.met))));
        }
    }
    (result, problems)
}

#[test]
fn every_pinned_example_of_every_bundled_scenario() {
    let bundle = bundle();
    assert!(bundle.course.scenarios.len() >= 26);
    let mut failures = Vec::new();
    for scenario in &bundle.course.scenarios {
        for example in &scenario.examples {
            let expect = Expect {
                passed: Some(example.expect == kefu::content::raw::Expect::Pass),
                found: example.findings.clone(),
                ..Expect::default()
            };
            let (result, problems) = check(&scenario.id, example.seed, &example.replies, &expect);
            // A good answer must also get the buyer to a good ending.
            let good_end = matches!(result.grade.outcome, Outcome::Converted | Outcome::Resolved);
            if example.expect == kefu::content::raw::Expect::Pass && !good_end {
                failures.push(format!("{} / {}: Pass example ends {:?}", scenario.id, example.name, result.grade.outcome));
            }
            failures.extend(problems.into_iter().map(|p| format!("{} / {}: {p}", scenario.id, example.name)));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn golden_plans_in_tests_golden() {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let mut paths: Vec<_> = std::fs::read_dir(&folder).unwrap().map(|e| e.unwrap().path()).collect();
    paths.sort();
    assert!(paths.len() >= 8, "golden plans: {}", paths.len());
    let mut failures = Vec::new();
    for path in paths {
        let text = std::fs::read_to_string(&path).unwrap();
        let plan: GoldenPlan = kefu::content::ron_options()
            .from_str(&text)
            .unwrap_or_else(|e| panic!("{}:{}:{}: {}", path.display(), e.span.start.line, e.span.start.col, e.code));
        let (_, problems) = check(&plan.scenario, plan.seed, &plan.replies, &plan.expect);
        failures.extend(problems.into_iter().map(|p| format!("{} ({}): {p}", path.display(), plan.about)));
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn same_scenario_seed_and_replies_give_byte_identical_scorecards() {
    let card = |bundle: &Arc<Bundle>, seed: u64| {
        let scenario = &bundle.course.scenarios[0];
        let result = run_plan(bundle.clone(), &scenario.id, seed, &scenario.examples[0].replies).unwrap();
        let meta = RunMeta { trainee: Trainee { name: "王小明".into(), id: "e1024".into() }, when_utc: None };
        Scorecard::from_run(&bundle.course, &result, meta).unwrap().to_json()
    };
    let first = card(&bundle(), 99);
    let fresh = Arc::new(Bundle::new(Course::load(&[], Path::new(env!("CARGO_MANIFEST_DIR")))));
    assert_eq!(first, card(&fresh, 99));
    assert_ne!(first, card(&bundle(), 100), "the seed must matter (order number, buyer name)");
}

/// A step carried by a wrong fact earns nothing, and answering wrongly scores
/// below leaving that fact out: "7天内发货" when the shop ships within 48 hours.
#[test]
fn a_wrong_answer_scores_below_saying_nothing() {
    let plan = |second: &str| -> Vec<TimedInput> {
        let say = |after_secs: f64, text: &str| TimedInput::say(after_secs, text);
        vec![
            say(3.0, "亲,非常抱歉给您添麻烦了!麻烦您提供一下订单号和照片~"),
            say(5.0, second),
            TimedInput::act(2.0, kefu::content::raw::Action::Resend { sku: "thermos-500-white".into() }),
        ]
    };
    let solution = |replies: &[TimedInput]| {
        let result = run_plan(bundle(), "wrong-colour-thermos", 0, replies).unwrap();
        result.replies.into_iter().find(|r| r.node == "solution").expect("the solution point is graded")
    };
    let wrong = solution(&plan("亲,给您免费补发白色款,7天内发货哦"));
    let silent = solution(&plan("亲,给您免费补发白色款哦"));
    let step = wrong.findings.iter().find(|f| f.rule == "give_dispatch_time").unwrap();
    assert_eq!(step.points, 0.0, "{step:?}");
    let resend = wrong.findings.iter().find(|f| f.rule == "offer_resend").unwrap();
    assert_eq!(resend.points, resend.possible, "the resend itself was offered rightly: {resend:?}");
    assert!(wrong.score < silent.score, "wrong {} must be below silent {}", wrong.score, silent.score);
}

/// The conversation remembers: a fact stated rightly in one turn counts when
/// the buyer asks again, so the trainee need not repeat it to keep the points.
#[test]
fn a_fact_said_earlier_counts_when_the_buyer_asks_again() {
    let say = |after_secs: f64, text: &str| TimedInput::say(after_secs, text);
    let replies = [say(4.0, "亲,您好~这款容量是500ml的哦"), say(6.0, "内胆是304不锈钢的,做工很好哦")];
    let result = run_plan(bundle(), "thermos-specs", 0, &replies).unwrap();
    let again = result.replies.iter().find(|r| r.node == "answer-again").expect("the buyer asked again");
    let capacity = again.findings.iter().find(|f| f.rule == "fact:thermos-500.capacity").unwrap();
    assert_eq!(capacity.points, capacity.possible, "{capacity:?}");
    assert!(capacity.explain.contains("前面已经说对了"), "{capacity:?}");
    assert!(again.facts.iter().all(|f| f.status == kefu::grading::FactStatus::Correct), "{:?}", again.facts);
}
