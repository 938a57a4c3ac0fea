//! Pass `steps-forbidden`: steps, tone markers or platform rules the reply
//! point forbids ("blame the buyer", "promise what the shop cannot keep").
//!
//! Why: some things are wrong at one point and fine at another (a refund offer
//! before the policy is checked); each one said costs half the steps weight,
//! as if half the procedure were missed.

use crate::i18n::Msg;
use super::steps_required::STEPS_WEIGHT;
use super::{Draft, TurnContext};
use crate::grading::finding::{Dimension, Finding};
use crate::grading::rule_id::RuleId;

pub fn run(cx: &TurnContext, draft: &mut Draft) {
    let (grader, lang) = (cx.grader, cx.lang);
    let steps_weight = cx.weight(Dimension::Steps);
    for id in &cx.rubric.steps.forbidden {
        let Some(span) = grader.lexicon_index(id).and_then(|g| cx.first_hit.get(&g).copied()) else { continue };
        let label = grader.label(id, lang);
        let why = grader.why(id, lang);
        draft.grade.findings.push(Finding {
            rule: RuleId::lexicon(id),
            dimension: Dimension::Steps,
            points: -steps_weight.max(STEPS_WEIGHT * cx.scale()) / 2.0,
            possible: 0.0,
            span: Some(span),
            explain: Msg::ExplainStepForbidden.fill(cx.lang, &[("label", &label), ("why", &why)]),
            critical: false,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::grade_at;

    #[test]
    fn a_forbidden_step_costs_half_the_steps_weight() {
        let grade = grade_at("wrong-colour-thermos", "solution", &["是你自己没看清楚吧,给你补发白色款,48小时内发出"]);
        let blame = grade.findings.iter().find(|f| f.rule == "blame_customer").expect("forbidden step found");
        let steps: f64 = grade.findings.iter().filter(|f| f.dimension == crate::grading::Dimension::Steps).map(|f| f.possible).sum();
        assert!(blame.points < 0.0 && (blame.points * 2.0 + steps).abs() < 0.05, "{blame:?} of {steps}");
        assert!(blame.span.is_some());
    }
}
