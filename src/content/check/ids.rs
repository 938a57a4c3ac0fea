//! Pass `ids`: every id is unique where it must be (products, SKUs, scenarios,
//! nodes, lexicon entries, quiz banks and questions, policies, couriers) and well formed.
//!
//! Well formed means: ASCII letters and digits, `-`, `_` and `.`, starting with a
//! letter or digit. Ids end up in file names, record fields, URLs and command lines
//! (`kefu play <id>`): a `/` or `..` in one must never become a path.

use crate::text::{Quoted, QuotedChar};
use super::Context;
use crate::content::diagnostic::Diagnostic;
use crate::content::load::FileContent;
use crate::content::source::{SourceFile, quoted};
use std::collections::BTreeMap;
use std::path::PathBuf;

/// What an id may be made of, as the help of every `bad-id` says it.
pub const ID_RULE: &str = "ids use only ASCII letters, digits, '-', '_' and '.', and start with a letter or digit, like \"thermos-500\"";

/// Why `id` is not a well-formed id, if it is not (an empty id is reported apart).
pub fn id_problem(id: &str) -> Option<String> {
    let allowed = |c: char| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.');
    let mut bad: Vec<char> = id.chars().filter(|&c| !allowed(c)).collect();
    bad.sort_unstable();
    bad.dedup();
    if !bad.is_empty() {
        let shown: Vec<String> = bad.iter().map(|c| if c.is_whitespace() { "a space".into() } else { QuotedChar(*c).to_string() }).collect();
        return Some(format!("contains {}", shown.join(", ")));
    }
    match id.chars().next() {
        Some(first) if !first.is_ascii_alphanumeric() => Some(format!("starts with {}", QuotedChar(first))),
        _ => None,
    }
}

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
        if let Some(problem) = id_problem(id) {
            out.push(source.error("bad-id", here.position(id), format!("{what} id {} {problem}", Quoted(id))).with_help(ID_RULE));
        }
        match self.first.get(id) {
            Some(first) => {
                let line = first.source.line_col(first.position(id)).0;
                out.push(source.error(
                    "duplicate-id",
                    here.position(id),
                    format!("{what} id {} is already used at {}:{line}", Quoted(id), first.source.path.display()),
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
                // `kefu play <file>.ron` takes the id from the file name: it must be an id too.
                let stem = source.path.file_stem().map(|s| s.to_string_lossy()).unwrap_or_default();
                if let Some(problem) = id_problem(&stem) {
                    out.push(
                        source
                            .error("bad-id", source.locate(&[&quoted(&scenario.id)]), format!("scenario file name {} {problem}", Quoted(&stem)))
                            .with_help(format!("name the file after its id; {ID_RULE}")),
                    );
                }
                let mut seen_nodes: BTreeMap<&str, usize> = BTreeMap::new();
                let nodes_at = || source.find_from(0, "nodes");
                for node_id in scenario.nodes.keys() {
                    let nth = seen_nodes.entry(node_id).or_insert(0);
                    if *nth == 0
                        && let Some(problem) = id_problem(node_id)
                    {
                        let at = source.find_key(nodes_at(), node_id, 0).unwrap_or_else(nodes_at);
                        out.push(source.error("bad-id", at, format!("node id {} {problem}", Quoted(node_id))).with_help(ID_RULE));
                    }
                    if *nth > 0 {
                        let at = source.find_key(nodes_at(), node_id, *nth).unwrap_or_else(nodes_at);
                        out.push(source.error(
                            "duplicate-id",
                            at,
                            format!("node {} is defined more than once in this scenario", Quoted(node_id)),
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
    use crate::content::{check, load_sources};

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

    fn bad_ids(report: &crate::content::Report) -> Vec<(String, usize, String)> {
        report
            .diagnostics
            .iter()
            .filter(|d| d.code == "bad-id")
            .map(|d| (d.path.display().to_string(), d.line, d.message.clone()))
            .collect()
    }

    #[test]
    fn the_id_rule() {
        for good in ["thermos-500", "wrong_colour", "v1.2", "A9"] {
            assert_eq!(super::id_problem(good), None, "{good}");
        }
        for bad in ["a/b", "../x", "..", ".hidden", "-x", "保温杯", "a b", "a\\b", "a:b"] {
            assert!(super::id_problem(bad).is_some(), "{bad}");
        }
    }

    #[test]
    fn a_slash_in_any_id_is_reported_at_its_line_with_the_rule() {
        let scenario = SCENARIO.replace("id: \"wrong-colour\"", "id: \"../wrong/colour\"").replace("\"angry\"", "\"an/gry\"");
        let catalogue = CATALOGUE.replace("sku: \"cup-black\"", "sku: \"cup/black\"").replace("id: \"cup\"", "id: \"cup/x\"");
        let policy = POLICY.replace("id: \"shop\"", "id: \"shop/1\"");
        let lexicon = LEXICON.replace("id: \"apologise\"", "id: \"apolo/gise\"");
        let bank = r#"QuizBank(id: "bank/1", title: (zh: "题", en: "Q"), lang: zh, categories: ["c"], questions: [
    TrueFalse(id: "q/1", category: "c", prompt: "对吗?", answer: true, explain: "对"),
])"#;
        let report = check(&load_sources(&[
            ("catalogue.ron", &catalogue),
            ("policy.ron", &policy),
            ("steps.ron", &lexicon),
            ("tone.ron", TONE),
            ("scenario.ron", &scenario),
            ("bank.ron", bank),
        ]));
        let found = bad_ids(&report);
        let line_of = |text: &str, needle: &str| text.lines().position(|l| l.contains(needle)).unwrap() + 1;
        for (file, text, needle) in [
            ("scenario.ron", scenario.as_str(), "../wrong/colour"),
            ("scenario.ron", scenario.as_str(), "\"an/gry\": End"),
            ("catalogue.ron", catalogue.as_str(), "cup/x"),
            ("catalogue.ron", catalogue.as_str(), "cup/black"),
            ("policy.ron", policy.as_str(), "shop/1"),
            ("steps.ron", lexicon.as_str(), "apolo/gise"),
            ("bank.ron", bank, "bank/1"),
            ("bank.ron", bank, "q/1"),
        ] {
            let line = line_of(text, needle);
            assert!(found.iter().any(|(f, l, _)| f == file && *l == line), "{needle} at {file}:{line} in {found:#?}");
        }
        let d = report.diagnostics.iter().find(|d| d.code == "bad-id").unwrap();
        assert!(d.message.contains("'/'") && d.help.as_deref().unwrap().contains("ASCII letters, digits"), "{d}");
    }

    #[test]
    fn a_scenario_file_name_must_be_an_id_too() {
        let report = check(&load_sources(&[
            ("catalogue.ron", CATALOGUE),
            ("policy.ron", POLICY),
            ("steps.ron", LEXICON),
            ("tone.ron", TONE),
            ("scenarios/wrong colour.ron", SCENARIO),
        ]));
        let found = bad_ids(&report);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert!(found[0].2.contains("file name \"wrong colour\""), "{found:#?}");
        assert_eq!(found[0].1, 2);
    }
}
