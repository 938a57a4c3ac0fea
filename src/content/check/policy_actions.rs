//! Pass `policy-actions`: order actions a rubric expects, or an example takes,
//! must be possible on the scenario's order and within what the policy lets an agent grant.

use crate::text::Quoted;
use super::{Context, example_position, in_node};
use crate::content::diagnostic::Diagnostic;
use crate::content::order_rules::action_problem;
use crate::content::raw::Node;

pub fn run(context: &Context, out: &mut Vec<Diagnostic>) {
    for (source, scenario) in &context.scenarios {
        let Some(policy) = context.policy_for(scenario) else { continue };
        for (node_id, node) in scenario.nodes.iter() {
            let Node::Agent { rubric, .. } = node else { continue };
            for action in &rubric.actions.expected {
                if let Some(problem) = action_problem(action, scenario.order.as_ref(), policy) {
                    out.push(source.error(
                        "action-not-allowed",
                        in_node(source, node_id, "expected"),
                        format!("node {} expects {action}, but {problem}", Quoted(node_id)),
                    ));
                }
                if rubric.actions.forbidden.contains(&action.kind()) {
                    out.push(source.error(
                        "action-not-allowed",
                        in_node(source, node_id, "forbidden"),
                        format!("node {} both expects and forbids {}", Quoted(node_id), action.kind().name()),
                    ));
                }
            }
        }
        for (index, example) in scenario.examples.iter().enumerate() {
            for input in &example.replies {
                let Some(action) = &input.act else { continue };
                // A bad example may take a forbidden action on purpose; only a Pass example must stay within policy.
                if example.expect == crate::content::raw::Expect::Fail {
                    continue;
                }
                if let Some(problem) = action_problem(action, scenario.order.as_ref(), policy) {
                    out.push(source.error(
                        "action-not-allowed",
                        example_position(source, index),
                        format!("example {} takes {action}, but {problem}", Quoted(&example.name)),
                    ));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;

    #[test]
    fn a_coupon_outside_policy_and_a_refund_over_the_amount() {
        let scenario = SCENARIO.replace(
            "facts: [Spec(product: \"cup\", field: dispatch_time)]",
            "facts: [Spec(product: \"cup\", field: dispatch_time)], actions: (expected: [Coupon(value: 50), Refund(amount: 200)])",
        );
        let report = check_with(&scenario, &[]);
        let found: Vec<_> = report.diagnostics.iter().filter(|d| d.code == "action-not-allowed").collect();
        assert_eq!(found.len(), 2, "{found:#?}");
        assert!(found.iter().any(|d| d.message.contains("coupon")));
        assert!(found.iter().any(|d| d.message.contains("more than the 129")));
    }

    #[test]
    fn a_pass_example_may_not_discount_a_delivered_order() {
        let scenario = SCENARIO.replace(
            "(after_secs: 3, say: \"抱歉\")",
            "(after_secs: 3, say: \"抱歉\"), (after_secs: 2, act: Discount(amount: 5))",
        );
        let report = check_with(&scenario, &[]);
        assert!(report.diagnostics.iter().any(|d| d.code == "action-not-allowed" && d.message.contains("改价")));
    }
}
