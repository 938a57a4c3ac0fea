//! Pass `graph`: every node can be reached from the start, and every node has a way to an ending.

use crate::text::Quoted;
use super::{Context, node_position, successors};
use crate::content::diagnostic::Diagnostic;
use crate::content::raw::{Node, Scenario};
use std::collections::{BTreeMap, BTreeSet};

pub fn run(context: &Context, out: &mut Vec<Diagnostic>) {
    for (source, scenario) in &context.scenarios {
        let reachable = reachable_from_start(scenario);
        let can_end = can_reach_an_end(scenario);
        if !scenario.nodes.iter().any(|(_, node)| matches!(node, Node::End { .. })) {
            out.push(
                source
                    .error("no-ending", source.find_from(0, "nodes"), "this scenario has no End node")
                    .with_help("add a node like \"done\": End(outcome: Resolved)"),
            );
            continue;
        }
        for (node_id, _) in scenario.nodes.iter() {
            let at = || node_position(source, node_id);
            if !reachable.contains(node_id.as_str()) {
                out.push(
                    source
                        .error("unreachable-node", at(), format!("node {} can never be reached from the start", Quoted(node_id)))
                        .with_help("point a `then`, `goto` or `otherwise` at it, or delete it"),
                );
            } else if !can_end.contains(node_id.as_str()) {
                out.push(
                    source
                        .error("no-path-to-end", at(), format!("from node {} the conversation can never end", Quoted(node_id)))
                        .with_help("every path should lead to an End node; check for a loop with no way out"),
                );
            }
        }
    }
}

fn reachable_from_start(scenario: &Scenario) -> BTreeSet<&str> {
    // The first definition wins, as in the engine; a map, so the walk is not quadratic.
    let mut nodes: BTreeMap<&str, &Node> = BTreeMap::new();
    for (id, node) in scenario.nodes.iter() {
        nodes.entry(id.as_str()).or_insert(node);
    }
    let mut seen = BTreeSet::new();
    let mut stack = vec![scenario.start.as_str()];
    while let Some(id) = stack.pop() {
        if !seen.insert(id) {
            continue;
        }
        if let Some(node) = nodes.get(id) {
            stack.extend(successors(node));
        }
    }
    seen
}

/// Nodes from which some path reaches an End, found by walking edges backwards from the Ends.
fn can_reach_an_end(scenario: &Scenario) -> BTreeSet<&str> {
    let mut predecessors: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (id, node) in scenario.nodes.iter() {
        for next in successors(node) {
            predecessors.entry(next).or_default().push(id);
        }
    }
    let mut seen = BTreeSet::new();
    let mut stack: Vec<&str> = scenario
        .nodes
        .iter()
        .filter(|(_, node)| matches!(node, Node::End { .. }))
        .map(|(id, _)| id.as_str())
        .collect();
    while let Some(id) = stack.pop() {
        if seen.insert(id) {
            stack.extend(predecessors.get(id).into_iter().flatten());
        }
    }
    seen
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;

    #[test]
    fn an_orphan_node_is_unreachable() {
        let scenario = SCENARIO.replace(
            r#""done": End(outcome: Resolved),"#,
            "\"done\": End(outcome: Resolved),\n        \"orphan\": End(outcome: Lost),",
        );
        let report = check_with(&scenario, &[]);
        let d = report.diagnostics.iter().find(|d| d.code == "unreachable-node").expect("reported");
        assert!(d.message.contains("orphan"));
        assert_eq!(d.line, scenario.lines().position(|l| l.contains("\"orphan\"")).unwrap() + 1);
    }

    #[test]
    fn a_loop_with_no_exit_cannot_end() {
        let scenario = SCENARIO
            .replace("goto: \"angry\"", "goto: \"loop\"")
            .replace(
                r#""angry": End(outcome: Escalated),"#,
                "\"angry\": End(outcome: Escalated),\n        \"loop\": Buyer(say: [\"?\"], then: \"loop\"),",
            );
        let report = check_with(&scenario, &[]);
        let messages: Vec<_> = report.diagnostics.iter().filter(|d| d.code == "no-path-to-end").collect();
        assert_eq!(messages.len(), 1, "{:#?}", report.diagnostics);
        assert!(messages[0].message.contains("loop"));
    }
}
