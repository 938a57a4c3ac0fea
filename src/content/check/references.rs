//! Pass `references`: every id a scenario names exists: policy, products, SKUs,
//! couriers, nodes, steps and other lexicon entries.
//!
//! Every look-up goes through a set built once (nodes per scenario, fact ids and
//! steps per run), so the pass is linear in the content, however many ids it names.

use crate::text::{Quoted, quoted_list};
use super::{Context, in_node, listing};
use crate::content::diagnostic::Diagnostic;
use crate::content::load::FileKind;
use crate::content::raw::{Action, Condition, FactRef, LexiconKind, Node, Scenario};
use crate::content::source::{SourceFile, quoted};
use std::collections::HashSet;

/// What the whole run looks ids up in, built once.
struct Known<'a> {
    policies: Vec<&'a str>,
    /// Every fact rule id a rubric could ask for (`fact:cup.capacity`, `fact:policy.refund_within`).
    facts: HashSet<String>,
    /// The help of an unknown step: the step ids, cut short.
    steps_help: String,
}

pub fn run(context: &Context, out: &mut Vec<Diagnostic>) {
    let steps = context.lexicon_entries.iter().filter(|(_, (kind, _))| *kind == LexiconKind::Steps).map(|(id, _)| *id);
    let known = Known {
        policies: context.policies.iter().map(|(_, p)| p.id.as_str()).collect(),
        facts: known_facts(context),
        steps_help: format!(
            "steps: {}{}",
            listing(steps),
            context.unreadable_note(FileKind::Lexicon)
        ),
    };
    for (source, scenario) in &context.scenarios {
        let mut found = Vec::new();
        check_policy(context, &known, source, scenario, &mut found);
        check_products(context, source, scenario, &mut found);
        check_nodes(context, &known, source, scenario, &mut found);
        collapse_cascade(context, &mut found, FileKind::Catalogue, &["unknown-product", "unknown-sku"]);
        collapse_cascade(context, &mut found, FileKind::Lexicon, &["unknown-step", "not-a-step"]);
        out.extend(found);
    }
}

/// When a catalogue (or lexicon) file could not be read, most unknown-product
/// (or unknown-step) errors are its consequence, and dozens of them would bury
/// the real cause. Keep the first per scenario, say how many more there are;
/// they stay errors, so the scenario is still left out of the course.
fn collapse_cascade(context: &Context, found: &mut Vec<Diagnostic>, kind: FileKind, codes: &[&str]) {
    if context.unreadable_note(kind).is_empty() {
        return;
    }
    let cascading = found.iter().filter(|d| codes.contains(&d.code)).count();
    if cascading <= 1 {
        return;
    }
    let mut kept = false;
    found.retain(|d| {
        if !codes.contains(&d.code) {
            return true;
        }
        let keep = !kept;
        kept = true;
        keep
    });
    if let Some(first) = found.iter_mut().find(|d| codes.contains(&d.code)) {
        first.message.push_str(&format!(" (and {} more like it in this file)", cascading - 1));
    }
}

fn check_policy(context: &Context, known: &Known, source: &SourceFile, scenario: &Scenario, out: &mut Vec<Diagnostic>) {
    let known = &known.policies;
    match &scenario.policy {
        Some(id) if !known.contains(&id.as_str()) => out.push(
            source
                .error("unknown-policy", source.locate(&["policy", &quoted(id)]), format!("no shop policy {}", Quoted(id)))
                .with_help(format!("known policies: {}{}", quoted_list(known.iter()), context.unreadable_note(FileKind::ShopPolicy))),
        ),
        None if known.len() > 1 => out.push(
            source
                .error("unknown-policy", 0, "this course has several shop policies; say which one applies")
                .with_help(format!("add `policy: \"...\"` with one of {}", quoted_list(known.iter()))),
        ),
        None if known.is_empty() => out.push(
            source
                .error("unknown-policy", 0, "no shop policy is loaded")
                .with_help(format!("add a ShopPolicy file to assets/{}", context.unreadable_note(FileKind::ShopPolicy))),
        ),
        _ => {}
    }
}

fn unknown_product(context: &Context, source: &SourceFile, at: usize, id: &str) -> Diagnostic {
    source
        .error("unknown-product", at, format!("no product {} in the catalogue", Quoted(id)))
        .with_help(format!("check the id against assets/catalogue{}", context.unreadable_note(FileKind::Catalogue)))
}

/// A SKU must exist and belong to the product it is listed with.
fn check_sku(
    context: &Context,
    source: &SourceFile,
    at: impl Fn() -> usize,
    product: &str,
    sku: &str,
    out: &mut Vec<Diagnostic>,
) {
    match context.skus.get(sku) {
        None => out.push(
            source
                .error("unknown-sku", at(), format!("no SKU {} in the catalogue", Quoted(sku)))
                .with_help(format!("check the SKU against product {}", Quoted(product))),
        ),
        Some(owner) if *owner != product && context.products.contains_key(product) => out.push(source.error(
            "unknown-sku",
            at(),
            format!("SKU {} belongs to product {}, not {}", Quoted(sku), Quoted(owner), Quoted(product)),
        )),
        Some(_) => {}
    }
}

fn check_products(context: &Context, source: &SourceFile, scenario: &Scenario, out: &mut Vec<Diagnostic>) {
    for id in &scenario.products {
        if !context.products.contains_key(id.as_str()) {
            out.push(unknown_product(context, source, source.locate(&["products:", &quoted(id)]), id));
        }
    }
    let Some(order) = &scenario.order else { return };
    let order_at = || source.find_from(0, "order:");
    for item in order.items.iter().chain(&order.received) {
        if !context.products.contains_key(item.product.as_str()) {
            let at = source.find_from(order_at(), &quoted(&item.product));
            out.push(unknown_product(context, source, at, &item.product));
        }
        check_sku(context, source, || source.find_from(order_at(), &quoted(&item.sku)), &item.product, &item.sku, out);
    }
    if let (Some(shipment), Some(policy)) = (&order.shipment, context.policy_for(scenario))
        && !policy.couriers.iter().any(|c| c.id == shipment.courier)
    {
        let known: Vec<&str> = policy.couriers.iter().map(|c| c.id.as_str()).collect();
        out.push(
            source
                .error(
                    "unknown-courier",
                    source.find_from(order_at(), &quoted(&shipment.courier)),
                    format!("no courier {} in shop policy {}", Quoted(&shipment.courier), Quoted(&policy.id)),
                )
                .with_help(format!("known couriers: {}", quoted_list(known.iter()))),
        );
    }
}

fn check_nodes(context: &Context, known: &Known, source: &SourceFile, scenario: &Scenario, out: &mut Vec<Diagnostic>) {
    let known_nodes: HashSet<&str> = scenario.nodes.keys().map(String::as_str).collect();
    let node_help = || format!("nodes in this scenario: {}", listing(scenario.nodes.keys().map(String::as_str)));
    if !known_nodes.contains(scenario.start.as_str()) {
        out.push(
            source
                .error(
                    "unknown-node",
                    source.locate(&["start", &quoted(&scenario.start)]),
                    format!("start node {} does not exist", Quoted(&scenario.start)),
                )
                .with_help(node_help()),
        );
    }
    for (node_id, node) in scenario.nodes.iter() {
        for next in super::successors(node) {
            if !known_nodes.contains(next) {
                out.push(
                    source
                        .error(
                            "unknown-node",
                            in_node(source, node_id, &quoted(next)),
                            format!("node {} goes to {}, which does not exist", Quoted(node_id), Quoted(next)),
                        )
                        .with_help(node_help()),
                );
            }
        }
        let Node::Agent { rubric, branches, .. } = node else { continue };
        let mut ids: Vec<(&str, bool)> = Vec::new();
        ids.extend(rubric.steps.required.iter().map(|id| (id.as_str(), true)));
        ids.extend(rubric.steps.forbidden.iter().map(|id| (id.as_str(), false)));
        for condition in rubric.critical.iter().chain(branches.iter().map(|b| &b.when)) {
            collect_condition_ids(condition, &mut ids);
        }
        for (id, must_be_step) in ids {
            check_lexicon_id(context, known, source, node_id, id, must_be_step, out);
        }
        let mut fact_ids = Vec::new();
        for condition in rubric.critical.iter().chain(branches.iter().map(|b| &b.when)) {
            collect_fact_ids(condition, &mut fact_ids);
        }
        for id in fact_ids {
            if !known.facts.contains(id) {
                out.push(
                    source
                        .error("unknown-fact", in_node(source, node_id, &quoted(id)), format!("{} names no fact of a known product or of the policy", Quoted(id)))
                        .with_help("write it as a rubric fact's rule id: fact:<product id>.<field>, e.g. fact:thermos-500.capacity, fact:thermos-500.other(保温时长), fact:policy.refund_within"),
                );
            }
        }
        for fact in &rubric.facts {
            if let FactRef::Spec { product, sku, .. } = fact {
                if !context.products.contains_key(product.as_str()) {
                    out.push(unknown_product(context, source, in_node(source, node_id, &quoted(product)), product));
                } else if let Some(sku) = sku {
                    check_sku(context, source, || in_node(source, node_id, &quoted(sku)), product, sku, out);
                }
            }
        }
        for action in &rubric.actions.expected {
            if let Action::Resend { sku } = action
                && !context.skus.contains_key(sku.as_str())
            {
                out.push(source.error(
                    "unknown-sku",
                    in_node(source, node_id, &quoted(sku)),
                    format!("no SKU {} in the catalogue", Quoted(sku)),
                ));
            }
        }
    }
    for example in &scenario.examples {
        for input in &example.replies {
            if let Some(Action::Resend { sku }) = &input.act
                && !context.skus.contains_key(sku.as_str())
            {
                out.push(source.error(
                    "unknown-sku",
                    source.locate(&["examples:", &quoted(sku)]),
                    format!("example {} resends SKU {}, which is not in the catalogue", Quoted(&example.name), Quoted(sku)),
                ));
            }
        }
    }
}

/// Collects `(id, must_be_step)`: `Missed` only makes sense for steps; `Did` may name any entry.
fn collect_condition_ids<'a>(condition: &'a Condition, ids: &mut Vec<(&'a str, bool)>) {
    match condition {
        Condition::Did(id) => ids.push((id, false)),
        // Facts are checked apart (see `known_fact`).
        Condition::Already(id) if !id.starts_with("fact:") => ids.push((id, false)),
        Condition::Missed(id) => ids.push((id, true)),
        Condition::All(all) | Condition::Any(all) => all.iter().for_each(|c| collect_condition_ids(c, ids)),
        Condition::Not(inner) => collect_condition_ids(inner, ids),
        _ => {}
    }
}

/// The `fact:` ids of `Already` conditions.
fn collect_fact_ids<'a>(condition: &'a Condition, ids: &mut Vec<&'a str>) {
    match condition {
        Condition::Already(id) if id.starts_with("fact:") => ids.push(id),
        Condition::All(all) | Condition::Any(all) => all.iter().for_each(|c| collect_fact_ids(c, ids)),
        Condition::Not(inner) => collect_fact_ids(inner, ids),
        _ => {}
    }
}

/// The rule id of every fact a rubric could ask for.
fn known_facts(context: &Context) -> HashSet<String> {
    use crate::content::raw::{PolicyField, ProductField, ReturnReason};
    let mut candidates: Vec<FactRef> = Vec::new();
    for (product_id, (_, product)) in &context.products {
        let mut fields = ProductField::FIXED.to_vec();
        fields.extend(product.specs.other.iter().flat_map(|o| [ProductField::Other(o.name.zh.clone()), ProductField::Other(o.name.en.clone())]));
        candidates.extend(fields.into_iter().map(|field| FactRef::Spec { product: product_id.to_string(), field, sku: None }));
    }
    let mut policy_fields = PolicyField::FIXED.to_vec();
    policy_fields.extend(ReturnReason::ALL.map(PolicyField::ReturnShippingPayer));
    candidates.extend(policy_fields.into_iter().map(|field| FactRef::Policy { field, courier: None }));
    candidates.iter().map(|fact| fact.id().to_string()).collect()
}

fn check_lexicon_id(
    context: &Context,
    known: &Known,
    source: &SourceFile,
    node_id: &str,
    id: &str,
    must_be_step: bool,
    out: &mut Vec<Diagnostic>,
) {
    let at = || in_node(source, node_id, &quoted(id));
    match context.lexicon_entries.get(id) {
        None => out.push(
            source
                .error("unknown-step", at(), format!("no step, tone or rule {} in the lexicons", Quoted(id)))
                .with_help(known.steps_help.clone()),
        ),
        Some((kind, _)) if must_be_step && *kind != LexiconKind::Steps => out.push(
            source
                .error("not-a-step", at(), format!("{} is a {} entry, not a step", Quoted(id), kind.name()))
                .with_help("`required` and `Missed(..)` take step ids; use `forbidden` or `Did(..)` for tone and rules"),
        ),
        Some(_) => {}
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;

    #[test]
    fn unknown_goto_is_reported_inside_its_node() {
        let scenario = SCENARIO.replace("goto: \"angry\"", "goto: \"furious\"");
        let report = check_with(&scenario, &[]);
        let d = report.diagnostics.iter().find(|d| d.code == "unknown-node").expect("reported");
        let line = scenario.lines().position(|l| l.contains("\"furious\"")).unwrap() + 1;
        assert_eq!(d.line, line);
        assert!(d.help.as_deref().unwrap().contains("angry"));
    }

    #[test]
    fn unknown_product_sku_and_step() {
        let scenario = SCENARIO
            .replace("products: [\"cup\"]", "products: [\"mug\"]")
            .replace("sku: \"cup-black\"", "sku: \"cup-red\"")
            .replace("required: [\"apologise\"]", "required: [\"apologize\"]");
        let codes = codes(&check_with(&scenario, &[]));
        for code in ["unknown-product", "unknown-sku", "unknown-step"] {
            assert!(codes.contains(&code), "{code} in {codes:?}");
        }
    }

    #[test]
    fn missed_must_name_a_step() {
        let scenario = SCENARIO.replace("Did(\"blame_customer\")", "Missed(\"blame_customer\")");
        assert!(codes(&check_with(&scenario, &[])).contains(&"not-a-step"));
    }

    #[test]
    fn already_may_name_a_fact_but_only_a_real_one() {
        let known = SCENARIO.replace("Did(\"blame_customer\")", "Already(\"fact:policy.refund_within\")");
        assert!(!codes(&check_with(&known, &[])).contains(&"unknown-fact"));
        let unknown = SCENARIO.replace("Did(\"blame_customer\")", "Already(\"fact:no-such-cup.capacity\")");
        let report = check_with(&unknown, &[]);
        let found = report.diagnostics.iter().find(|d| d.code == "unknown-fact").expect("reported");
        assert!(found.help.as_deref().unwrap().contains("fact:<product id>.<field>"));
    }

    #[test]
    fn an_unreadable_catalogue_gives_one_error_per_scenario_not_a_cascade() {
        let report = check_replacing("catalogue.ron", Some("Catalogue(products: [Product(id: \"cup\",)])"));
        let in_scenario: Vec<_> = report.diagnostics.iter().filter(|d| d.path.to_str() == Some("scenario.ron")).collect();
        assert_eq!(in_scenario.len(), 1, "{in_scenario:#?}");
        assert!(in_scenario[0].message.contains("more like it"), "{}", in_scenario[0].message);
        assert!(in_scenario[0].help.as_deref().unwrap().contains("could not be read"));
    }

    #[test]
    fn a_scenario_without_any_policy_says_so() {
        let report = check_replacing("policy.ron", None);
        assert!(codes(&report).contains(&"unknown-policy"));
    }
}
