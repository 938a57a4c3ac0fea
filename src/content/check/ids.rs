//! Pass `ids`: every id is unique where it must be (products, SKUs, scenarios,
//! nodes, lexicon entries, quiz banks and questions, policies, couriers) and well formed.

use super::Context;
use crate::content::diagnostic::Diagnostic;
use crate::content::load::FileContent;
use crate::content::source::{SourceFile, quoted};
use std::collections::BTreeMap;
use std::path::PathBuf;

/// Tracks where each id was first seen, and how often it appeared in each file,
/// so a duplicate is pointed at its own occurrence, not the first one. Positions
/// are worked out only when something is reported: clean content is not searched.
#[derive(Default)]
struct Seen<'a> {
    first: BTreeMap<String, Occurrence<'a>>,
    per_file: BTreeMap<(PathBuf, String), usize>,
}

/// The `nth` occurrence of a quoted id after `anchors` in `source`.
struct Occurrence<'a> {
    source: &'a SourceFile,
    anchors: &'static [&'static str],
    nth: usize,
}

impl Occurrence<'_> {
    fn position(&self, id: &str) -> usize {
        self.source.locate_nth(self.anchors, &quoted(id), self.nth)
    }
}

impl<'a> Seen<'a> {
    fn add(
        &mut self,
        source: &'a SourceFile,
        what: &str,
        id: &str,
        anchors: &'static [&'static str],
        out: &mut Vec<Diagnostic>,
    ) {
        let key = (source.path.clone(), id.to_string());
        let nth = *self.per_file.get(&key).unwrap_or(&0);
        self.per_file.insert(key, nth + 1);
        let here = Occurrence { source, anchors, nth };
        if id.trim().is_empty() {
            out.push(source.error("empty-id", here.position(id), format!("this {what} has an empty id")));
            return;
        }
        if id.trim() != id || id.contains(char::is_whitespace) {
            out.push(
                source
                    .error("bad-id", here.position(id), format!("{what} id {id:?} contains spaces"))
                    .with_help("ids are written like \"thermos-500\": letters, digits, '-' and '_'"),
            );
        }
        match self.first.get(id) {
            Some(first) => {
                let line = first.source.line_col(first.position(id)).0;
                out.push(source.error(
                    "duplicate-id",
                    here.position(id),
                    format!("{what} id {id:?} is already used at {}:{line}", first.source.path.display()),
                ))
            }
            None => {
                self.first.insert(id.to_string(), here);
            }
        }
    }
}

pub fn run(context: &Context, out: &mut Vec<Diagnostic>) {
    let mut products = Seen::default();
    let mut skus = Seen::default();
    let mut scenarios = Seen::default();
    let mut entries = Seen::default();
    let mut banks = Seen::default();
    let mut questions = Seen::default();
    let mut policies = Seen::default();
    for file in &context.set.files {
        let source = &file.source;
        match &file.content {
            Some(FileContent::Catalogue(catalogue)) => {
                for product in &catalogue.products {
                    products.add(source, "product", &product.id, &[], out);
                    for variant in &product.variants {
                        skus.add(source, "SKU", &variant.sku, &[], out);
                    }
                }
            }
            Some(FileContent::ShopPolicy(policy)) => {
                policies.add(source, "policy", &policy.id, &[], out);
                let mut couriers = Seen::default();
                for courier in &policy.couriers {
                    couriers.add(source, "courier", &courier.id, &["couriers"], out);
                }
            }
            Some(FileContent::Lexicon(lexicon)) => {
                for entry in &lexicon.entries {
                    entries.add(source, "lexicon entry", &entry.id, &[], out);
                }
            }
            Some(FileContent::QuizBank(bank)) => {
                banks.add(source, "quiz bank", &bank.id, &[], out);
                for question in &bank.questions {
                    questions.add(source, "question", question.id(), &["questions"], out);
                }
            }
            Some(FileContent::Scenario(scenario)) => {
                scenarios.add(source, "scenario", &scenario.id, &[], out);
                let mut seen_nodes: BTreeMap<&str, usize> = BTreeMap::new();
                let nodes_at = || source.find_from(0, "nodes");
                for node_id in scenario.nodes.keys() {
                    let nth = seen_nodes.entry(node_id).or_insert(0);
                    if *nth > 0 {
                        let at = source.find_key(nodes_at(), node_id, *nth).unwrap_or_else(nodes_at);
                        out.push(source.error(
                            "duplicate-id",
                            at,
                            format!("node {node_id:?} is defined more than once in this scenario"),
                        ));
                    }
                    *nth += 1;
                }
            }
            None => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;

    #[test]
    fn duplicate_node_is_reported_at_the_second_definition() {
        let scenario = SCENARIO.replace(
            r#""done": End(outcome: Resolved),"#,
            "\"done\": End(outcome: Resolved),\n        \"done\": End(outcome: Lost),",
        );
        let report = check_with(&scenario, &[]);
        let d = report.diagnostics.iter().find(|d| d.code == "duplicate-id").expect("reported");
        let second_line = scenario.lines().position(|l| l.contains("outcome: Lost")).unwrap() + 1;
        assert_eq!(d.line, second_line);
    }

    #[test]
    fn duplicate_scenario_id_across_files() {
        let report = check_with(SCENARIO, &[("copy.ron", SCENARIO)]);
        let d = report.diagnostics.iter().find(|d| d.code == "duplicate-id").expect("reported");
        assert_eq!(d.path.to_str(), Some("copy.ron"));
        assert!(d.message.contains("already used at scenario.ron:2"), "{}", d.message);
    }

    #[test]
    fn ids_with_spaces_are_flagged() {
        let report = check_with(&SCENARIO.replace("id: \"wrong-colour\"", "id: \"wrong colour\""), &[]);
        assert!(codes(&report).contains(&"bad-id"));
    }
}
