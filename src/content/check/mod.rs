//! The check passes: each a small file with its own test, each adding located
//! diagnostics to one list, none stopping at the first problem.

mod branches;
mod examples;
mod facts;
mod graph;
mod ids;
mod lexicons;
mod paths;
mod policy_actions;
mod quiz;
mod references;
mod scenario_fields;

use super::diagnostic::{self, Diagnostic};
use super::load::{ContentSet, FileContent, FileKind};
use super::raw::{
    LexiconEntry, LexiconKind, Node, Product, QuizBank, Scenario, ShopPolicy,
};
use super::source::SourceFile;
use std::collections::BTreeMap;

/// A named pass. Names appear in `kefu check --list-passes` and in docs/authoring.md.
pub struct Pass {
    pub name: &'static str,
    pub about: &'static str,
    pub run: fn(&Context, &mut Vec<Diagnostic>),
}

/// Every pass, in the order they run. Passes read the whole content set, so
/// cross-file problems (a scenario naming a missing product) are found too.
pub const PASSES: &[Pass] = &[
    Pass { name: "ids", about: "duplicate and malformed ids", run: ids::run },
    Pass { name: "references", about: "ids that name no product, SKU, node, step, courier or policy", run: references::run },
    Pass { name: "graph", about: "unreachable nodes and nodes with no way to an ending", run: graph::run },
    Pass { name: "branches", about: "branches that can never fire", run: branches::run },
    Pass { name: "facts", about: "facts bound to fields a product or policy lacks", run: facts::run },
    Pass { name: "policy-actions", about: "expected actions the policy or the order does not allow", run: policy_actions::run },
    Pass { name: "scenario-fields", about: "ranges, timings, empty texts and placeholders in scenarios", run: scenario_fields::run },
    Pass { name: "lexicons", about: "empty, duplicate or gap-only phrases", run: lexicons::run },
    Pass { name: "quiz", about: "questions with no right answer, no tolerance, unknown category", run: quiz::run },
    Pass { name: "paths", about: "files and references that leave the content folder", run: paths::run },
    Pass { name: "examples", about: "pinned examples are well formed (running them is the grader's pass)", run: examples::run },
];

/// The content set with indexes every pass shares. The first occurrence of a
/// duplicated id wins; the `ids` pass reports the rest.
pub struct Context<'a> {
    pub set: &'a ContentSet,
    pub products: BTreeMap<&'a str, (&'a SourceFile, &'a Product)>,
    /// SKU → product id.
    pub skus: BTreeMap<&'a str, &'a str>,
    pub policies: Vec<(&'a SourceFile, &'a ShopPolicy)>,
    /// Policy id → the first policy with it (as `ids` keeps the first), so
    /// `policy_for` is a look-up, not a scan per scenario (scenarios × policies).
    pub policy_by_id: BTreeMap<&'a str, &'a ShopPolicy>,
    pub lexicon_entries: BTreeMap<&'a str, (LexiconKind, &'a LexiconEntry)>,
    pub lexicons: Vec<(&'a SourceFile, LexiconKind, &'a [LexiconEntry])>,
    pub scenarios: Vec<(&'a SourceFile, &'a Scenario)>,
    pub quiz_banks: Vec<(&'a SourceFile, &'a QuizBank)>,
}

impl<'a> Context<'a> {
    pub fn new(set: &'a ContentSet) -> Context<'a> {
        let mut context = Context {
            set,
            products: BTreeMap::new(),
            skus: BTreeMap::new(),
            policies: Vec::new(),
            policy_by_id: BTreeMap::new(),
            lexicon_entries: BTreeMap::new(),
            lexicons: Vec::new(),
            scenarios: Vec::new(),
            quiz_banks: Vec::new(),
        };
        for file in &set.files {
            let source = &file.source;
            match &file.content {
                Some(FileContent::Catalogue(catalogue)) => {
                    for product in &catalogue.products {
                        context.products.entry(&product.id).or_insert((source, product));
                        for variant in &product.variants {
                            context.skus.entry(&variant.sku).or_insert(&product.id);
                        }
                    }
                }
                Some(FileContent::ShopPolicy(policy)) => {
                    context.policies.push((source, policy));
                    context.policy_by_id.entry(&policy.id).or_insert(policy);
                }
                Some(FileContent::Lexicon(lexicon)) => {
                    context.lexicons.push((source, lexicon.kind, &lexicon.entries));
                    for entry in &lexicon.entries {
                        context.lexicon_entries.entry(&entry.id).or_insert((lexicon.kind, entry));
                    }
                }
                Some(FileContent::Scenario(scenario)) => context.scenarios.push((source, scenario)),
                Some(FileContent::QuizBank(bank)) => context.quiz_banks.push((source, bank)),
                None => {}
            }
        }
        context
    }

    /// A note to add to "unknown X" messages when files of that kind could not be read,
    /// so the trainer fixes the root cause first.
    pub fn unreadable_note(&self, kind: FileKind) -> String {
        let unreadable = self.set.files.iter().filter(|f| f.kind == Some(kind) && f.content.is_none()).count();
        if unreadable == 0 {
            String::new()
        } else {
            format!(" ({unreadable} {} file(s) could not be read; fix those first)", kind.struct_name())
        }
    }

    /// The policy a scenario plays under: the named one, or the only one.
    pub fn policy_for(&self, scenario: &Scenario) -> Option<&'a ShopPolicy> {
        match &scenario.policy {
            Some(id) => self.policy_by_id.get(id.as_str()).copied(),
            None if self.policies.len() == 1 => Some(self.policies[0].1),
            None => None,
        }
    }

    pub fn is_step(&self, id: &str) -> bool {
        matches!(self.lexicon_entries.get(id), Some((LexiconKind::Steps, _)))
    }
}

/// At most this many names in a help list: the list is repeated in every diagnostic
/// that shows it, so an unbounded one would make the report quadratic in size.
const LISTED: usize = 20;

/// `a, b, c` — or the first few and `… and N more`.
pub fn listing<'s>(names: impl IntoIterator<Item = &'s str>) -> String {
    let mut names = names.into_iter();
    let shown: Vec<&str> = names.by_ref().take(LISTED).collect();
    match names.count() {
        0 => shown.join(", "),
        more => format!("{} … and {more} more", shown.join(", ")),
    }
}

/// Byte offset of a node's key in a scenario file.
pub fn node_position(source: &SourceFile, node_id: &str) -> usize {
    let nodes = source.find_from(0, "nodes");
    source.find_key(nodes, node_id, 0).unwrap_or(nodes)
}

/// Byte offset of the first `needle` inside a node (after its key).
pub fn in_node(source: &SourceFile, node_id: &str, needle: &str) -> usize {
    source.find_from(node_position(source, node_id), needle)
}

/// Byte offset of the `n`-th example's start.
pub fn example_position(source: &SourceFile, index: usize) -> usize {
    source.locate_nth(&["examples:"], "expect:", index)
}

/// The outcome of checking a content set.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Report {
    pub diagnostics: Vec<Diagnostic>,
    pub scenarios: usize,
    pub products: usize,
    pub questions: usize,
}

impl Report {
    pub fn errors(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }
    pub fn warnings(&self) -> usize {
        self.diagnostics.len() - self.errors()
    }
    /// `checked N scenarios, M products, Q questions: E errors, W warnings`.
    pub fn summary(&self) -> String {
        format!(
            "checked {} scenarios, {} products, {} questions: {} errors, {} warnings",
            self.scenarios,
            self.products,
            self.questions,
            self.errors(),
            self.warnings()
        )
    }
}

/// Runs every pass over a loaded content set and gathers all diagnostics, the
/// loader's included, sorted by file and position.
pub fn check(set: &ContentSet) -> Report {
    let context = Context::new(set);
    let mut diagnostics = set.diagnostics.clone();
    for pass in PASSES {
        (pass.run)(&context, &mut diagnostics);
    }
    diagnostic::sort(&mut diagnostics);
    diagnostics.dedup();
    let products = set
        .files
        .iter()
        .filter_map(|f| match &f.content {
            Some(FileContent::Catalogue(c)) => Some(c.products.len()),
            _ => None,
        })
        .sum();
    let questions = context.quiz_banks.iter().map(|(_, bank)| bank.questions.len()).sum();
    Report { diagnostics, scenarios: set.count_kind(FileKind::Scenario), products, questions }
}

/// Every node id a node can lead to, in the order written.
pub fn successors(node: &Node) -> Vec<&str> {
    match node {
        Node::Buyer { then, .. } => vec![then.as_str()],
        Node::Agent { branches, otherwise, .. } => {
            branches.iter().map(|b| b.goto.as_str()).chain(std::iter::once(otherwise.as_str())).collect()
        }
        Node::End { .. } => Vec::new(),
    }
}

#[cfg(test)]
pub(crate) mod test_support {
    //! Small valid content that pass tests break one thing at a time.
    use crate::content::{Report, check, load_sources};

    pub const CATALOGUE: &str = r#"Catalogue(products: [
    Product(
        id: "cup",
        name: (zh: "保温杯", en: "Thermos"),
        category: (zh: "杯具", en: "Cups"),
        price: "129 元",
        variants: [
            Variant(sku: "cup-white", colour: (zh: "白色", en: "white"), stock: 10),
            Variant(sku: "cup-black", colour: (zh: "黑色", en: "black"), stock: 0),
        ],
        specs: (capacity: "500 ml", dispatch_time: "48 h"),
    ),
])"#;

    pub const POLICY: &str = r#"ShopPolicy(
    id: "shop",
    shop_name: (zh: "小店", en: "Shop"),
    returns: (
        no_reason_days: 7,
        return_shipping: [(reason: NoReason, paid_by: Buyer), (reason: WrongItem, paid_by: Shop)],
        refund_within: "48 h",
    ),
    agent_may_grant: (coupons: ["5 元", "10 元"], max_discount: "10 元", max_compensation: "20 元"),
    couriers: [Courier(id: "zto", name: (zh: "中通", en: "ZTO"), usual_transit: "3 天")],
    dispatch: (within: "48 h", same_day_cutoff: "16:00", default_courier: "zto"),
)"#;

    pub const LEXICON: &str = r#"Lexicon(kind: Steps, entries: [
    LexiconEntry(id: "apologise", label: (zh: "道歉", en: "Apologise"), explain: (zh: "先道歉", en: "Say sorry"),
        zh: ["抱歉", "对不起"], en: ["sorry"]),
    LexiconEntry(id: "ask_order_info", label: (zh: "问订单", en: "Ask order"), explain: (zh: "问", en: "Ask"),
        zh: ["订单号"], en: ["order number"]),
])"#;

    pub const TONE: &str = r#"Lexicon(kind: Tone, entries: [
    LexiconEntry(id: "blame_customer", label: (zh: "指责", en: "Blame"), explain: (zh: "不指责", en: "No blame"),
        polarity: Bad, severity: Major, zh: ["你自己"], en: ["your fault"]),
])"#;

    pub const SCENARIO: &str = r#"Scenario(
    id: "wrong-colour",
    title: (zh: "发错颜色", en: "Wrong colour"),
    lang: zh,
    category: AfterSale,
    difficulty: 2,
    goals: ["先道歉"],
    buyer: (names: ["小王"], mood: Annoyed, nudge_after_secs: 30, leave_after_secs: 120),
    products: ["cup"],
    order: (
        status: Delivered,
        items: [(product: "cup", sku: "cup-white")],
        received: [(product: "cup", sku: "cup-black")],
        amount: "129 元",
        address: (phone: "138****0000", region: "浙江 杭州", detail: "文三路 1 号"),
    ),
    start: "complain",
    nodes: {
        "complain": Buyer(say: ["颜色发错了"], then: "answer"),
        "answer": Agent(
            rubric: (steps: (required: ["apologise"]), facts: [Spec(product: "cup", field: dispatch_time)]),
            branches: [(when: Did("blame_customer"), goto: "angry")],
            otherwise: "done",
        ),
        "angry": End(outcome: Escalated),
        "done": End(outcome: Resolved),
    },
    examples: [
        (name: "good", expect: Pass, replies: [(after_secs: 3, say: "抱歉")]),
        (name: "bad", expect: Fail, replies: [(after_secs: 3, say: "你自己看错了")]),
    ],
)"#;

    /// Checks the base content with `scenario` (and optionally a quiz bank) as the scenario file.
    pub fn check_with(scenario: &str, extra: &[(&str, &str)]) -> Report {
        let mut sources = vec![
            ("catalogue.ron", CATALOGUE),
            ("policy.ron", POLICY),
            ("steps.ron", LEXICON),
            ("tone.ron", TONE),
            ("scenario.ron", scenario),
        ];
        sources.extend_from_slice(extra);
        check(&load_sources(&sources))
    }

    /// Checks the base content with one base file replaced by `text`, or left out when `text` is `None`.
    pub fn check_replacing(name: &str, text: Option<&str>) -> Report {
        let base = [
            ("catalogue.ron", CATALOGUE),
            ("policy.ron", POLICY),
            ("steps.ron", LEXICON),
            ("tone.ron", TONE),
            ("scenario.ron", SCENARIO),
        ];
        assert!(base.iter().any(|(n, _)| *n == name), "no base file {name}");
        let sources: Vec<(&str, &str)> = base
            .into_iter()
            .filter_map(|(n, t)| if n == name { text.map(|t| (n, t)) } else { Some((n, t)) })
            .collect();
        check(&load_sources(&sources))
    }

    /// The codes of all diagnostics, for compact assertions.
    pub fn codes(report: &Report) -> Vec<&'static str> {
        report.diagnostics.iter().map(|d| d.code).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::test_support::*;

    #[test]
    fn the_base_content_is_clean() {
        let report = check_with(SCENARIO, &[]);
        assert!(report.diagnostics.is_empty(), "{:#?}", report.diagnostics);
        assert_eq!((report.scenarios, report.products), (1, 1));
    }

    #[test]
    fn long_help_lists_are_cut_short() {
        let names: Vec<String> = (0..25).map(|i| format!("n{i}")).collect();
        let listed = super::listing(names.iter().map(String::as_str));
        assert!(listed.starts_with("n0, n1") && listed.ends_with("n19 … and 5 more"), "{listed}");
        assert_eq!(super::listing(["a", "b"]), "a, b");
    }

    #[test]
    fn policy_for_looks_up_the_named_policy_and_the_first_of_a_duplicate() {
        let other = POLICY.replace("id: \"shop\"", "id: \"other\"");
        let duplicate = POLICY.replace("(zh: \"小店\", en: \"Shop\")", "(zh: \"二店\", en: \"Second\")");
        let named = |id: &str| SCENARIO.replace("difficulty: 2,", &format!("difficulty: 2, policy: Some({id:?}),"));
        let (to_other, to_missing) = (named("other"), named("missing"));
        let set = crate::content::load_sources(&[
            ("policy.ron", POLICY),
            ("other.ron", &other),
            ("again.ron", &duplicate),
            ("a.ron", SCENARIO),
            ("b.ron", &to_other),
            ("c.ron", &to_missing),
        ]);
        let context = super::Context::new(&set);
        let policy = |file: &str| {
            let (_, scenario) = context.scenarios.iter().find(|(source, _)| source.path().ends_with(file)).expect(file);
            context.policy_for(scenario).map(|p| (p.id.as_str(), p.shop_name.en.as_str()))
        };
        assert_eq!(policy("b.ron"), Some(("other", "Shop")));
        assert_eq!(policy("c.ron"), None);
        // No name and three policies: none is "the only one".
        assert_eq!(policy("a.ron"), None);
        let first = SCENARIO.replace("difficulty: 2,", "difficulty: 2, policy: Some(\"shop\"),");
        let set = crate::content::load_sources(&[("policy.ron", POLICY), ("again.ron", &duplicate), ("a.ron", &first)]);
        let context = super::Context::new(&set);
        assert_eq!(context.policy_for(context.scenarios[0].1).map(|p| p.shop_name.en.as_str()), Some("Shop"));
    }

    #[test]
    fn summary_line_has_the_documented_shape() {
        let report = check_with(SCENARIO, &[]);
        assert_eq!(report.summary(), "checked 1 scenarios, 1 products, 0 questions: 0 errors, 0 warnings");
    }
}
