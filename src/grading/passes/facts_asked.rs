//! Pass `facts-asked`: the product and policy facts the rubric asks for.
//!
//! Why: a wrong fact misleads a buyer (the shop pays for it), so right earns
//! the fact's share, missing earns nothing, and wrong costs half a share: a
//! wrong answer must score below saying nothing. A fact said rightly earlier
//! in the conversation still counts, so a buyer asking again costs nothing.

use crate::i18n::Msg;
use super::{Draft, TurnContext};
use crate::grading::facts::FactStatus;
use crate::grading::finding::{Dimension, Finding};
use crate::grading::reply::FactResult;
use crate::grading::rule_id::RuleId;

/// The share of accuracy in a turn whose rubric asks for facts.
pub const ACCURACY_WEIGHT: f64 = 30.0;

pub fn weight(cx: &TurnContext) -> Option<(Dimension, f64)> {
    (!cx.rubric.facts.is_empty()).then_some((Dimension::Accuracy, ACCURACY_WEIGHT))
}

pub fn run(cx: &TurnContext, draft: &mut Draft) {
    if cx.rubric.facts.is_empty() {
        return;
    }
    let share = cx.weight(Dimension::Accuracy) / cx.rubric.facts.len() as f64;
    for fact in &cx.rubric.facts {
        let Some(compiled) = cx.grader.facts.get(&(cx.policy.to_string(), fact.clone())) else { continue };
        let mut status = FactStatus::Missing;
        let mut span = None;
        for (index, message) in cx.messages.iter().enumerate() {
            let (mut found_status, at) = compiled.check(&message.normalized.text, &message.mentions);
            if found_status == FactStatus::Wrong
                && let Some((start, end)) = at
                && cx.right_elsewhere(&compiled.rule, message, start, end)
            {
                found_status = FactStatus::Missing;
            }
            if found_status == FactStatus::Correct || (found_status == FactStatus::Wrong && status == FactStatus::Missing) {
                status = found_status;
                span = at.map(|(s, e)| message.span(index, s, e));
            }
            if status == FactStatus::Correct {
                break;
            }
        }
        // Said rightly earlier in the conversation: it still counts here.
        let from_earlier = status == FactStatus::Missing && cx.turn.earlier.facts.contains(compiled.rule.as_str());
        if from_earlier {
            status = FactStatus::Correct;
        }
        let expected = compiled.expected.get(cx.lang);
        let (points, explain) = match status {
            FactStatus::Correct if from_earlier => {
                (share, Msg::ExplainFactRightEarlier.fill(cx.lang, &[("expected", &expected)]))
            }
            FactStatus::Correct => (share, Msg::ExplainFactRight.fill(cx.lang, &[("expected", &expected)])),
            FactStatus::Missing => (0.0, Msg::ExplainFactMissing.fill(cx.lang, &[("expected", &expected)])),
            FactStatus::Wrong => (
                -share / 2.0,
                Msg::ExplainFactWrong.fill(cx.lang, &[("expected", &expected)]),
            ),
        };
        if let (FactStatus::Wrong, Some(at)) = (status, span) {
            draft.wrong_facts.push((at, expected.to_string()));
        }
        draft.grade.findings.push(Finding {
            rule: RuleId::fact(&compiled.rule),
            dimension: Dimension::Accuracy,
            points,
            possible: share,
            span,
            explain,
            critical: false,
        });
        draft.grade.facts.push(FactResult { rule: compiled.rule.clone(), expected: expected.to_string(), status, from_earlier, unasked: false });
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::grade_at;
    use crate::grading::facts::FactStatus;

    #[test]
    fn right_earns_the_share_wrong_costs_half_and_earlier_counts() {
        // The wrong-colour thermos ships in 48 hours.
        let right = grade_at("wrong-colour-thermos", "solution", &["非常抱歉,马上为您补发白色款,48小时内发出"]);
        let fact = right.findings.iter().find(|f| f.rule.starts_with("fact:")).expect("a fact finding");
        assert!(fact.points > 0.0 && fact.points == fact.possible, "{fact:?}");
        let wrong = grade_at("wrong-colour-thermos", "solution", &["非常抱歉,马上为您补发白色款,7天内发货"]);
        let fact = wrong.findings.iter().find(|f| f.rule.starts_with("fact:")).expect("a fact finding");
        assert!(fact.points < 0.0 && (fact.points * 2.0 + fact.possible).abs() < 0.02, "{fact:?}");
        assert!(wrong.facts.iter().any(|f| f.status == FactStatus::Wrong && !f.unasked));
        let missing = grade_at("wrong-colour-thermos", "solution", &["非常抱歉"]);
        assert!(missing.facts.iter().any(|f| f.status == FactStatus::Missing));
    }
}
