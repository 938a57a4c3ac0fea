//! Pass `actions-taken`: order actions that were errors (差错): refused by the
//! order panel, forbidden at this reply point, or money nobody needed.
//!
//! Why: a refund on an order that needs none, or compensation nobody asked
//! for, is money the shop loses; each costs half the actions weight and counts
//! as an order error in the session's KPIs (`RuleId::is_order_error`).

use crate::i18n::Msg;
use super::{Draft, TurnContext};
use crate::content::raw::{Action, Node, Scenario};
use crate::grading::finding::{Dimension, Finding};
use crate::grading::rule_id::{Builtin, RuleId};
use super::actions_expected::ACTIONS_WEIGHT;

/// Money given back that the whole scenario never calls for (a refund on an
/// order that needs none, compensation nobody asked for): an order error.
/// Coupons and discounts are not: an agent may use them to close a sale. An
/// action some other reply point expects is not judged here (too early is
/// not "unneeded").
pub(crate) fn unneeded(scenario: &Scenario, action: &Action) -> bool {
    matches!(action, Action::Refund { .. } | Action::Compensate { .. })
        && !scenario.nodes.iter().any(|(_, node)| match node {
            Node::Agent { rubric, .. } => rubric.actions.expected.iter().any(|e| e.kind() == action.kind()),
            _ => false,
        })
}

pub fn run(cx: &TurnContext, draft: &mut Draft) {
    let (grader, lang) = (cx.grader, cx.lang);
    let penalty = cx.weight(Dimension::Actions).max(ACTIONS_WEIGHT * cx.scale()) / 2.0;
    for taken in cx.turn.actions {
        let kind = taken.action.kind();
        let (rule, explain) = if let Some(problem) = &taken.problem {
            (RuleId::builtin(Builtin::ActionError), Msg::ExplainActionError.fill(cx.lang, &[("problem", &problem)]))
        } else if cx.rubric.actions.forbidden.contains(&kind) {
            let described = grader.describe_action(&taken.action, lang);
            (RuleId::action_forbidden(kind), Msg::ExplainActionForbidden.fill(cx.lang, &[("action", &described)]))
        } else if unneeded(cx.scenario, &taken.action) {
            (
                RuleId::action_unneeded(kind),
                Msg::ExplainActionUnneeded.get(cx.lang).to_string(),
            )
        } else {
            continue;
        };
        draft.grade.findings.push(Finding { rule, dimension: Dimension::Actions, points: -penalty, possible: 0.0, span: None, explain, critical: false });
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::grade_with;
    use crate::content::raw::Action;
    use crate::grading::reply::{Earlier, TakenAction};

    fn rules(actions: &[TakenAction]) -> Vec<String> {
        let grade = grade_with("wrong-colour-thermos", "solution", &["非常抱歉"], actions, Some(3.0), &Earlier::default());
        grade.findings.iter().filter(|f| f.rule.is_order_error()).map(|f| f.rule.to_string()).collect()
    }

    #[test]
    fn refused_forbidden_and_unneeded_actions_are_order_errors() {
        let refused = TakenAction { action: Action::Refund { amount: 1000.0 }, problem: Some("more than paid".into()) };
        assert_eq!(rules(&[refused]), ["action_error"]);
        // The solution point forbids a discount.
        let forbidden = TakenAction { action: Action::Discount { amount: 5.0 }, problem: None };
        assert_eq!(rules(&[forbidden]), ["action_forbidden:Discount"]);
        // Nothing in the scenario calls for compensation.
        let unneeded = TakenAction { action: Action::Compensate { amount: 5.0 }, problem: None };
        assert_eq!(rules(&[unneeded]), ["action_unneeded:Compensate"]);
        let fine = TakenAction { action: Action::Resend { sku: "thermos-500-white".into() }, problem: None };
        assert!(rules(&[fine]).is_empty());
    }
}
