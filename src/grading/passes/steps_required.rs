//! Pass `steps-required`: the procedure steps the rubric requires.
//!
//! Why: the steps are the shop's procedure (apologise, offer the resend, give
//! the dispatch time); each earns its share. A step done earlier in the
//! conversation counts unless the rubric's `repeat` insists, and a step carried
//! by a wrong fact ("7天内发货" when it ships in 48 h) is not done: a wrong
//! answer must score below saying nothing.

use crate::i18n::Msg;
use super::{Draft, TurnContext};
use crate::grading::finding::{Dimension, Finding, Span};
use crate::grading::rule_id::RuleId;

/// The share of steps in a turn that requires steps (or said a forbidden one).
pub const STEPS_WEIGHT: f64 = 30.0;

/// Steps weigh when the rubric requires some, or when a forbidden one was
/// said (its penalty needs a dimension to come out of).
pub fn weight(cx: &TurnContext) -> Option<(Dimension, f64)> {
    let steps = &cx.rubric.steps;
    let forbidden_hit = steps.forbidden.iter().any(|id| cx.found.contains(id));
    (!steps.required.is_empty() || forbidden_hit).then_some((Dimension::Steps, STEPS_WEIGHT))
}

/// Whether two spans of one message sit in the same clause (no sentence end
/// or comma between them): "补发白色款,7天内发货" offers the resend rightly and
/// gives the dispatch time wrongly.
fn same_clause(message: &str, a: &Span, b: &Span) -> bool {
    crate::text::one_clause(message, a.start.min(b.start), a.end.max(b.end))
}

pub fn run(cx: &TurnContext, draft: &mut Draft) {
    let required = &cx.rubric.steps.required;
    if required.is_empty() {
        return;
    }
    let (grader, lang) = (cx.grader, cx.lang);
    let share = cx.weight(Dimension::Steps) / required.len() as f64;
    for id in required {
        let label = grader.label(id, lang);
        let span = grader.lexicon_index(id).and_then(|g| cx.first_hit.get(&g).copied());
        let wrong_with = span.and_then(|step| {
            draft
                .wrong_facts
                .iter()
                .find(|(fact, _)| fact.message == step.message && same_clause(&cx.turn.messages[step.message], fact, &step))
        });
        let (points, explain) = match (span, wrong_with) {
            (Some(_), Some((_, expected))) => {
                (0.0, Msg::ExplainStepWrongFact.fill(cx.lang, &[("label", &label), ("expected", &expected)]))
            }
            (Some(_), None) => (share, Msg::ExplainStepDone.fill(cx.lang, &[("label", &label)])),
            (None, _) if cx.turn.earlier.steps.contains(id) && !cx.rubric.steps.repeat.contains(id) => {
                (share, Msg::ExplainStepDoneEarlier.fill(cx.lang, &[("label", &label)]))
            }
            (None, _) => {
                let why = grader.why(id, lang);
                (0.0, Msg::ExplainStepMissing.fill(cx.lang, &[("label", &label), ("why", &why)]))
            }
        };
        draft.grade.findings.push(Finding { rule: RuleId::lexicon(id), dimension: Dimension::Steps, points, possible: share, span, explain, critical: false });
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{grade_at, grade_with};
    use crate::grading::reply::Earlier;

    fn points(grade: &crate::grading::ReplyGrade, rule: &str) -> f64 {
        grade.findings.iter().find(|f| f.rule == rule).map(|f| f.points).expect(rule)
    }

    #[test]
    fn done_missing_earlier_and_done_with_a_wrong_fact() {
        let done = grade_at("wrong-colour-thermos", "solution", &["非常抱歉,马上为您补发白色款,48小时内发出"]);
        assert!(points(&done, "offer_resend") > 0.0 && points(&done, "give_dispatch_time") > 0.0);
        let missing = grade_at("wrong-colour-thermos", "solution", &["非常抱歉"]);
        assert_eq!(points(&missing, "offer_resend"), 0.0);
        let earlier = Earlier { steps: ["offer_resend".to_string()].into(), ..Earlier::default() };
        let remembered = grade_with("wrong-colour-thermos", "solution", &["非常抱歉"], &[], Some(3.0), &earlier);
        assert!(points(&remembered, "offer_resend") > 0.0);
        let wrong = grade_at("wrong-colour-thermos", "solution", &["非常抱歉,马上为您补发白色款,7天内发货"]);
        assert_eq!(points(&wrong, "give_dispatch_time"), 0.0, "{:#?}", wrong.findings);
    }
}
