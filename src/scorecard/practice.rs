//! "Practise next": across a trainee's scorecards, the rules and facts that
//! cost the most points, each with the scenarios that train it (their rubric
//! requires the step, or forbids the fault), so the home screen can say what
//! to work on and start it.

use super::Scorecard;
use crate::content::Course;
use crate::content::raw::{Lang, Node, Text};
use crate::grading::{Builtin, Grader, RuleId};
use std::collections::BTreeMap;

/// One thing to practise.
#[derive(Debug, Clone, PartialEq)]
pub struct Suggestion {
    /// The rule id behind it (a lexicon id, `fact:…`, or a built-in rule).
    pub rule: RuleId,
    /// What it is, for the trainee.
    pub label: Text,
    /// Points lost on it over all attempts, and in how many findings.
    pub lost: f64,
    pub times: usize,
    /// Scenarios whose rubric trains it, easiest first.
    pub scenarios: Vec<String>,
}

/// Built-in rules as the trainee reads them.
fn builtin_label(rule: &RuleId) -> Option<Text> {
    let (zh, en) = match rule.as_builtin() {
        Some(Builtin::Speed) => ("回复速度", "Reply speed"),
        Some(Builtin::NoReply) => ("每句都要回复", "Answering every message"),
        Some(Builtin::ToneBelowMin) => ("语气达到要求", "Keeping the tone required"),
        Some(Builtin::ShoutingCaps) => ("不用全大写", "Not writing in capitals"),
        Some(Builtin::ActionError) => ("订单操作不出错", "Order actions without errors"),
        _ if rule.is_action() => ("按要求执行订单操作", "Taking the right order action"),
        _ => return None,
    };
    Some(Text { zh: zh.into(), en: en.into() })
}

/// Any rule id as a reader of `lang` reads it: a lexicon entry's label, a
/// built-in rule's name, or "a fact about <product>" for `fact:…` ids (the
/// supervisor's agreement table and CLI show this beside the id a trainer edits).
pub fn rule_label(rule: &str, course: &Course, lang: Lang) -> Option<String> {
    if let Some(entry) = course.lexicons.values().flatten().find(|entry| entry.id == rule) {
        return Some(entry.label.get(lang).to_string());
    }
    if let Some(fact) = rule.strip_prefix("fact:") {
        let subject = fact.split_once('.').map_or(fact, |(subject, _)| subject);
        return Some(match (subject, course.products.get(subject)) {
            ("policy", _) => Text { zh: "说准店铺政策".into(), en: "Getting the shop policy right".into() }.get(lang).to_string(),
            (_, Some(product)) => match lang {
                Lang::Zh => format!("说准事实:{}", product.name.get(lang)),
                Lang::En => format!("Getting a fact right: {}", product.name.get(lang)),
            },
            _ => Text { zh: "说准事实".into(), en: "Getting a fact right".into() }.get(lang).to_string(),
        });
    }
    builtin_label(&RuleId::saved(rule)).map(|text| text.get(lang).to_string())
}

/// What one rule cost across the scorecards.
#[derive(Default)]
struct Lost {
    points: f64,
    times: usize,
    /// The right value, when the rule is a fact.
    expected: Option<String>,
}

/// The `limit` rules that cost the most points across `cards`, most first.
pub fn suggest(cards: &[Scorecard], course: &Course, grader: &Grader, limit: usize) -> Vec<Suggestion> {
    let mut lost: BTreeMap<RuleId, Lost> = BTreeMap::new();
    for card in cards {
        for reply in &card.replies {
            for finding in reply.findings.iter().filter(|f| f.lost() > 0.0 && !f.rule.is_critical_condition()) {
                let entry = lost.entry(finding.rule.clone()).or_default();
                entry.points += finding.lost();
                entry.times += 1;
                if entry.expected.is_none() {
                    entry.expected = reply.facts.iter().find(|f| finding.rule == f.rule).map(|f| f.expected.clone());
                }
            }
        }
    }
    let mut ranked: Vec<(RuleId, Lost)> = lost.into_iter().collect();
    ranked.sort_by(|a, b| b.1.points.total_cmp(&a.1.points).then(a.0.cmp(&b.0)));
    ranked
        .into_iter()
        .filter_map(|(rule, Lost { points, times, expected })| {
            let label = if let Some(entry) = grader.lexicon.entry(&rule) {
                entry.label.clone()
            } else if let Some(expected) = expected {
                Text { zh: format!("说准事实:{expected}"), en: format!("Getting the fact right: {expected}") }
            } else {
                builtin_label(&rule)?
            };
            Some(Suggestion { scenarios: training_scenarios(course, &rule, cards), rule, label, lost: points, times })
        })
        .take(limit)
        .collect()
}

/// Scenarios whose rubric requires or forbids `rule`, easiest first; for a
/// fact or a built-in rule, the scenarios where it was lost.
fn training_scenarios(course: &Course, rule: &str, cards: &[Scorecard]) -> Vec<String> {
    let mut found: Vec<(u8, String)> = course
        .scenarios
        .iter()
        .filter(|scenario| {
            scenario.nodes.iter().any(|(_, node)| match node {
                Node::Agent { rubric, .. } => rubric.steps.required.iter().chain(&rubric.steps.forbidden).any(|id| id == rule),
                _ => false,
            })
        })
        .map(|s| (s.difficulty, s.id.clone()))
        .collect();
    if found.is_empty() {
        for card in cards.iter().filter(|c| c.replies.iter().any(|r| r.findings.iter().any(|f| f.rule == rule))) {
            if let Some(scenario) = course.scenario(&card.scenario.id) {
                found.push((scenario.difficulty, scenario.id.clone()));
            }
        }
    }
    found.sort();
    found.dedup();
    found.into_iter().map(|(_, id)| id).collect()
}

impl Suggestion {
    /// "推脱不管: 共失 45 分(3 次)" in `lang`.
    pub fn summary(&self, lang: Lang) -> String {
        crate::i18n::Msg::PracticeSummary.fill(lang, &[("label", &self.label.get(lang)), ("lost", &format!("{:.0}", self.lost)), ("times", &self.times)])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::raw::TimedInput;
    use crate::engine::{Bundle, run_plan};
    use crate::scorecard::{RunMeta, Trainee};
    use std::sync::Arc;

    #[test]
    fn the_rule_that_cost_most_comes_first_with_a_scenario_that_trains_it() {
        let bundle = Arc::new(Bundle::new(Course::load(&[], std::path::Path::new(env!("CARGO_MANIFEST_DIR")))));
        let say = |text: &str| TimedInput::say(3.0, text);
        let plan = [say("这个我们也不知道"), say("不知道,您找快递去问吧")];
        let cards: Vec<Scorecard> = (0..2)
            .map(|seed| {
                let result = run_plan(bundle.clone(), "wrong-colour-thermos", seed, &plan).unwrap();
                let meta = RunMeta { trainee: Trainee { name: "t".into(), id: "t".into() }, when_utc: None };
                Scorecard::from_run(&bundle.course, &result, meta).unwrap()
            })
            .collect();
        let suggestions = suggest(&cards, &bundle.course, &bundle.grader, 3);
        assert_eq!(suggestions.len(), 3);
        assert!(suggestions.windows(2).all(|w| w[0].lost >= w[1].lost), "{suggestions:?}");
        let brush_off = suggestions.iter().find(|s| s.rule == "brush_off").or_else(|| suggestions.first()).unwrap();
        assert!(!brush_off.scenarios.is_empty(), "{brush_off:?}");
        assert!(!brush_off.summary(Lang::Zh).contains("brush_off"), "no ids shown: {}", brush_off.summary(Lang::Zh));
    }
}
