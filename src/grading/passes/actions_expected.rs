//! Pass `actions-expected`: the order actions the rubric expects (补发 this
//! SKU, refund this amount), taken now or at an earlier reply point.
//!
//! Why: saying "I'll resend it" without clicking 补发 leaves the buyer with
//! nothing; each expected action earns its share when the order panel took it.
//! A discount, coupon or compensation in the rubric is the most the trainee may
//! give; a refund is owed in full.

use crate::i18n::Msg;
use super::{Draft, TurnContext};
use crate::content::raw::Action;
use crate::grading::finding::{Dimension, Finding};
use crate::grading::rule_id::RuleId;

/// The share of order actions in a turn that expects or takes any.
pub const ACTIONS_WEIGHT: f64 = 10.0;

/// Actions weigh when the rubric expects one, or when an action taken here is
/// refused, forbidden or unneeded (its penalty needs a dimension).
pub fn weight(cx: &TurnContext) -> Option<(Dimension, f64)> {
    let actions = &cx.rubric.actions;
    let applies = !actions.expected.is_empty()
        || cx.turn.actions.iter().any(|a| {
            a.problem.is_some() || actions.forbidden.contains(&a.action.kind()) || super::actions_taken::unneeded(cx.scenario, &a.action)
        });
    applies.then_some((Dimension::Actions, ACTIONS_WEIGHT))
}

/// Whether `taken` does what `expected` asks.
pub(crate) fn same_action(expected: &Action, taken: &Action) -> bool {
    let close = |a: f64, b: f64| (a - b).abs() < 0.005;
    // A discount, coupon or compensation in the rubric is the most the trainee
    // may give ("不超过10元"): less is within the goal. A refund is owed in full.
    let within = |limit: f64, given: f64| given > 0.0 && given <= limit + 0.005;
    match (expected, taken) {
        (Action::Refund { amount: a }, Action::Refund { amount: b }) => close(*a, *b),
        (Action::Discount { amount: a }, Action::Discount { amount: b })
        | (Action::Compensate { amount: a }, Action::Compensate { amount: b })
        | (Action::Coupon { value: a }, Action::Coupon { value: b }) => within(*a, *b),
        (Action::Resend { sku: a }, Action::Resend { sku: b }) => a == b,
        // The new address is typed by the trainee; any change counts as the action.
        (Action::ChangeAddress { .. }, Action::ChangeAddress { .. }) => true,
        (a, b) => a.kind() == b.kind(),
    }
}

pub fn run(cx: &TurnContext, draft: &mut Draft) {
    let expected_actions = &cx.rubric.actions.expected;
    if expected_actions.is_empty() {
        return;
    }
    let (grader, lang) = (cx.grader, cx.lang);
    let share = cx.weight(Dimension::Actions) / expected_actions.len() as f64;
    for expected in expected_actions {
        let taken_now = cx.turn.actions.iter().any(|t| t.problem.is_none() && same_action(expected, &t.action));
        // Done at an earlier reply point (补发 clicked before the buyer asked): it counts.
        let taken_before = !taken_now && cx.turn.earlier.actions.iter().any(|a| same_action(expected, a));
        let taken = taken_now || taken_before;
        let described = grader.describe_action(expected, lang);
        let explain = if taken_before {
            Msg::ExplainActionDoneEarlier.fill(cx.lang, &[("action", &described)])
        } else if taken {
            Msg::ExplainActionDone.fill(cx.lang, &[("action", &described)])
        } else {
            Msg::ExplainActionExpected.fill(cx.lang, &[("action", &described)])
        };
        draft.grade.findings.push(Finding {
            rule: RuleId::action_expected(expected.kind()),
            dimension: Dimension::Actions,
            points: if taken { share } else { 0.0 },
            possible: share,
            span: None,
            explain,
            critical: false,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::grade_with;
    use super::same_action;
    use crate::content::raw::Action;
    use crate::grading::reply::{Earlier, TakenAction};

    #[test]
    fn limits_are_the_most_a_refund_is_owed_in_full() {
        assert!(same_action(&Action::Coupon { value: 10.0 }, &Action::Coupon { value: 5.0 }));
        assert!(!same_action(&Action::Coupon { value: 10.0 }, &Action::Coupon { value: 20.0 }));
        assert!(!same_action(&Action::Refund { amount: 59.0 }, &Action::Refund { amount: 30.0 }));
        assert!(same_action(&Action::ChangeAddress { to: "a".into() }, &Action::ChangeAddress { to: "b".into() }));
    }

    #[test]
    fn taken_now_or_earlier_earns_the_share() {
        let resend = Action::Resend { sku: "thermos-500-white".into() };
        let rule = |g: &crate::grading::ReplyGrade| g.findings.iter().find(|f| f.rule == "action:Resend").cloned().expect("action:Resend");
        let none = grade_with("wrong-colour-thermos", "solution", &["非常抱歉"], &[], Some(3.0), &Earlier::default());
        assert_eq!(rule(&none).points, 0.0);
        let now = [TakenAction { action: resend.clone(), problem: None }];
        let taken = grade_with("wrong-colour-thermos", "solution", &["非常抱歉"], &now, Some(3.0), &Earlier::default());
        assert!(rule(&taken).points > 0.0);
        let earlier = Earlier { actions: vec![resend], ..Earlier::default() };
        let before = grade_with("wrong-colour-thermos", "solution", &["非常抱歉"], &[], Some(3.0), &earlier);
        assert_eq!(rule(&before).points, rule(&taken).points);
    }
}
