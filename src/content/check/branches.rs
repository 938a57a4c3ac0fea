//! Pass `branches`: a branch that can never fire is a mistake: shadowed by an
//! earlier identical branch, a contradiction, a condition on something this
//! reply point cannot produce, or a timeout when the buyer never times out.
//!
//! Alternatives are compared through hash sets, never pairwise: a condition with
//! N alternatives (or a node with N branches) is checked in O(N), not O(N²).

use crate::text::Quoted;
use super::{Context, in_node};
use crate::content::diagnostic::Diagnostic;
use crate::content::raw::{Condition, Node, Rubric, Scenario, ToneBand};
use std::collections::HashSet;

pub fn run(context: &Context, out: &mut Vec<Diagnostic>) {
    for (source, scenario) in &context.scenarios {
        for (node_id, node) in scenario.nodes.iter() {
            let Node::Agent { rubric, branches, .. } = node else { continue };
            let mut earlier: HashSet<&Condition> = HashSet::new();
            // The first branch that always fires: everything after it is dead.
            let mut always: Option<&str> = None;
            for (index, branch) in branches.iter().enumerate() {
                let reason = if earlier.contains(&branch.when) {
                    Some("an earlier branch has the same condition, so this one is never reached".to_string())
                } else if let Some(goto) = always {
                    Some(format!("the earlier branch to {} always fires", Quoted(goto)))
                } else {
                    never_true(&branch.when, rubric, scenario)
                };
                earlier.insert(&branch.when);
                if always.is_none() && is_always_true(&branch.when) {
                    always = Some(&branch.goto);
                }
                if let Some(reason) = reason {
                    let at = locate_branch(source, node_id, index);
                    out.push(
                        source
                            .error("dead-branch", at, format!("in node {}, branch {} can never fire: {reason}", Quoted(node_id), index + 1))
                            .with_help("remove the branch or fix its condition"),
                    );
                }
            }
        }
    }
}

/// Byte offset of the `index`-th `when` after the node's `branches`.
fn locate_branch(source: &crate::content::source::SourceFile, node_id: &str, index: usize) -> usize {
    let mut at = in_node(source, node_id, "branches");
    for _ in 0..=index {
        at = source.find_from(at + 1, "when");
    }
    at
}

fn is_always_true(condition: &Condition) -> bool {
    match condition {
        Condition::ToneAtLeast(ToneBand::Rude) => true,
        Condition::Any(all) => all.iter().any(is_always_true) || has_complementary_pair(all),
        Condition::All(all) => !all.is_empty() && all.iter().all(is_always_true),
        Condition::Not(inner) => never_true_alone(inner),
        _ => false,
    }
}

/// Conditions that are false whatever the reply is.
fn never_true_alone(condition: &Condition) -> bool {
    match condition {
        Condition::ToneBelow(ToneBand::Rude) => true,
        Condition::All(all) => all.iter().any(never_true_alone) || has_complementary_pair(all),
        Condition::Any(all) => all.iter().all(never_true_alone),
        Condition::Not(inner) => is_always_true(inner),
        _ => false,
    }
}

/// Whether the list holds a condition and its opposite (`c` and `Not(c)`, or
/// `Did(x)` and `Missed(x)`): one of them always holds, and never both.
/// One set of the alternatives, then one look-up each: linear in the list.
fn has_complementary_pair(all: &[Condition]) -> bool {
    let present: HashSet<&Condition> = all.iter().collect();
    let missed: HashSet<&str> = all
        .iter()
        .filter_map(|c| match c {
            Condition::Missed(id) => Some(id.as_str()),
            _ => None,
        })
        .collect();
    all.iter().any(|c| match c {
        Condition::Not(inner) => present.contains(inner.as_ref()),
        Condition::Did(id) => missed.contains(id.as_str()),
        _ => false,
    })
}

/// Why a condition cannot hold at this reply point, if it cannot.
fn never_true(condition: &Condition, rubric: &Rubric, scenario: &Scenario) -> Option<String> {
    if never_true_alone(condition) {
        return Some("its condition contradicts itself".into());
    }
    match condition {
        Condition::WrongFact | Condition::MissingFact if rubric.facts.is_empty() => {
            Some("this reply point grades no facts (add `facts` to its rubric)".into())
        }
        Condition::Acted(_) if scenario.order.is_none() => {
            Some("this scenario has no order, so no order action can be taken".into())
        }
        Condition::Timeout if scenario.buyer.leave_after_secs <= 0.0 => {
            Some("the buyer never runs out of patience (leave_after_secs is 0)".into())
        }
        Condition::All(all) => all.iter().find_map(|c| never_true(c, rubric, scenario)),
        Condition::Any(all) => {
            let reasons: Vec<String> = all.iter().filter_map(|c| never_true(c, rubric, scenario)).collect();
            (!all.is_empty() && reasons.len() == all.len()).then(|| reasons.join("; "))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;

    fn with_branches(branches: &str) -> String {
        SCENARIO.replace(r#"branches: [(when: Did("blame_customer"), goto: "angry")],"#, &format!("branches: [{branches}],"))
    }

    #[test]
    fn a_repeated_condition_is_dead() {
        let scenario = with_branches(
            r#"(when: Did("blame_customer"), goto: "angry"), (when: Did("blame_customer"), goto: "done")"#,
        );
        let report = check_with(&scenario, &[]);
        let d = report.diagnostics.iter().find(|d| d.code == "dead-branch").expect("reported");
        assert!(d.message.contains("branch 2"));
    }

    #[test]
    fn did_and_missed_the_same_step_is_a_contradiction() {
        let scenario = with_branches(r#"(when: All([Did("apologise"), Missed("apologise")]), goto: "angry")"#);
        assert!(codes(&check_with(&scenario, &[])).contains(&"dead-branch"));
    }

    #[test]
    fn after_an_always_true_branch_nothing_fires() {
        let scenario = with_branches(
            r#"(when: Any([Did("apologise"), Missed("apologise")]), goto: "done"), (when: Did("blame_customer"), goto: "angry")"#,
        );
        let report = check_with(&scenario, &[]);
        assert!(report.diagnostics.iter().any(|d| d.code == "dead-branch" && d.message.contains("always fires")));
    }

    #[test]
    fn wrong_fact_needs_facts_in_the_rubric() {
        let scenario = with_branches(r#"(when: WrongFact, goto: "angry")"#)
            .replace(r#", facts: [Spec(product: "cup", field: dispatch_time)]"#, "");
        assert!(codes(&check_with(&scenario, &[])).contains(&"dead-branch"));
    }

    #[test]
    fn a_condition_and_its_negation_among_many_alternatives_always_fire() {
        let mut alternatives: Vec<String> = (0..50).map(|_| r#"Did("apologise")"#.to_string()).collect();
        alternatives.push(r#"Not(Did("blame_customer"))"#.into());
        alternatives.insert(7, r#"Did("blame_customer")"#.into());
        let scenario = with_branches(&format!(
            r#"(when: Any([{}]), goto: "done"), (when: Missed("apologise"), goto: "angry")"#,
            alternatives.join(", ")
        ));
        let report = check_with(&scenario, &[]);
        assert!(report.diagnostics.iter().any(|d| d.code == "dead-branch" && d.message.contains("branch 2")));
    }

    #[test]
    fn a_repeat_after_other_branches_is_still_dead() {
        let scenario = with_branches(
            r#"(when: Did("blame_customer"), goto: "angry"), (when: WrongFact, goto: "done"), (when: Did("blame_customer"), goto: "done")"#,
        );
        let report = check_with(&scenario, &[]);
        assert!(report.diagnostics.iter().any(|d| d.code == "dead-branch" && d.message.contains("branch 3")));
    }

    #[test]
    fn live_branches_pass() {
        let scenario = with_branches(r#"(when: WrongFact, goto: "angry"), (when: Missed("apologise"), goto: "angry")"#);
        assert!(!codes(&check_with(&scenario, &[])).contains(&"dead-branch"));
    }
}
