//! Grading, as pure functions over validated content: facts, steps, tone,
//! platform rules, speed and order actions for one turn (`grade_turn`), the
//! session's KPIs and total (`session`), and the findings for one loose text
//! (`grade_text`). Every point carries its rule id and the span behind it.
//! Knows nothing about the engine's clock, files or the UI.

pub(crate) mod eval;
pub(crate) mod facts;
pub(crate) mod finding;
pub(crate) mod lexicon;
pub(crate) mod passes;
pub(crate) mod reply;
pub(crate) mod rule_id;
pub(crate) mod session;
pub(crate) mod text_report;
pub(crate) mod tone;
pub(crate) mod upset;
// Only the app's scorecard screen explains a verdict: unused without the GUI.
#[cfg_attr(not(feature = "gui"), allow(dead_code))]
pub(crate) mod verdict;

pub use facts::FactStatus;
pub use finding::{Dimension, Finding, Span};
pub use reply::{Earlier, ReplyGrade, TakenAction, Turn};
pub use rule_id::{Builtin, RuleId};
pub use session::{Kpi, SessionGrade, Standing};

use crate::content::Course;
use crate::content::raw::{FactRef, Lang, Node};
use facts::CompiledFact;
use lexicon::CompiledLexicon;
use std::collections::BTreeMap;

/// The longest reply graded, in characters. Real chat messages are far shorter;
/// the limit keeps a pasted document from stalling the grader.
pub const MAX_REPLY_CHARS: usize = 2000;

/// Everything grading needs, compiled once from a course.
#[derive(Debug, Clone)]
pub struct Grader {
    pub lexicon: CompiledLexicon,
    /// (policy id, fact) → compiled check, for every fact any scenario grades.
    facts: BTreeMap<(String, FactRef), CompiledFact>,
    /// The policy of scenarios that name none (the course's only one).
    default_policy: Option<String>,
    /// Scenario id → the facts checked in every reply of it, asked or not.
    unasked: BTreeMap<String, UnaskedFacts>,
    /// SKU → its product and colour, for explanations.
    sku_labels: BTreeMap<String, crate::content::raw::Text>,
}

/// What a scenario's replies are checked against beyond their rubric: the
/// facts a trainee may state in passing (`checks`), and every right value of
/// the scenario's products and policy (`rights`), so a value right for one
/// fact (a courier's 3 days) is never called wrong for another.
#[derive(Debug, Clone, Default)]
pub(crate) struct UnaskedFacts {
    pub checks: Vec<CompiledFact>,
    /// `checks`' phrases in one set: one scan of a message for all of them.
    pub checks_batch: facts::FactBatch,
    pub rights: Vec<CompiledFact>,
}

impl UnaskedFacts {
    fn new(course: &Course, scenario: &crate::content::raw::Scenario) -> UnaskedFacts {
        use crate::content::raw::{PolicyField, ProductField};
        let policy = course.policy_for(scenario);
        let products: Vec<&crate::content::raw::Product> =
            scenario.products_used().into_iter().filter_map(|id| course.products.get(id)).collect();
        let product_of = |fact: &FactRef| match fact {
            FactRef::Spec { product, .. } => course.products.get(product),
            FactRef::Policy { .. } => None,
        };
        let checks: Vec<CompiledFact> = facts::unasked_facts(&products, policy)
            .iter()
            .filter_map(|fact| facts::compile_unasked(fact, product_of(fact), policy))
            .collect();
        let checks_batch = facts::FactBatch::new(&checks);
        let mut known: Vec<FactRef> = Vec::new();
        for product in &products {
            for field in [
                ProductField::Capacity,
                ProductField::Weight,
                ProductField::Dimensions,
                ProductField::Price,
                ProductField::Material,
                ProductField::DispatchTime,
                ProductField::Warranty,
            ] {
                known.push(FactRef::Spec { product: product.id.clone(), field, sku: None });
            }
            for other in &product.specs.other {
                known.push(FactRef::Spec { product: product.id.clone(), field: ProductField::Other(other.name.zh.clone()), sku: None });
            }
        }
        if let Some(policy) = policy {
            for field in [
                PolicyField::NoReasonDays,
                PolicyField::RefundWithin,
                PolicyField::CancellationRefundWithin,
                PolicyField::DispatchWithin,
                PolicyField::CouponValues,
                PolicyField::MaxDiscount,
                PolicyField::MaxCompensation,
            ] {
                known.push(FactRef::Policy { field, courier: None });
            }
            for courier in &policy.couriers {
                known.push(FactRef::Policy { field: PolicyField::CourierTransit, courier: Some(courier.id.clone()) });
            }
        }
        let rights = known.iter().filter_map(|fact| facts::compile(fact, product_of(fact), policy)).collect();
        UnaskedFacts { checks, checks_batch, rights }
    }
}

impl Grader {
    pub fn new(course: &Course) -> Grader {
        let default_policy = (course.policies.len() == 1).then(|| course.policies.keys().next().cloned()).flatten();
        let mut facts = BTreeMap::new();
        for scenario in &course.scenarios {
            let policy = course.policy_for(scenario);
            let policy_id = policy.map(|p| p.id.clone()).unwrap_or_default();
            for (_, node) in scenario.nodes.iter() {
                let Node::Agent { rubric, .. } = node else { continue };
                for fact in &rubric.facts {
                    let key = (policy_id.clone(), fact.clone());
                    if facts.contains_key(&key) {
                        continue;
                    }
                    let product = match fact {
                        FactRef::Spec { product, .. } => course.products.get(product),
                        FactRef::Policy { .. } => None,
                    };
                    if let Some(compiled) = facts::compile(fact, product, policy) {
                        facts.insert(key, compiled);
                    }
                }
            }
        }
        let unasked = course.scenarios.iter().map(|s| (s.id.clone(), UnaskedFacts::new(course, s))).collect();
        let sku_labels = course
            .products
            .values()
            .flat_map(|p| &p.variants)
            .map(|v| {
                let label = crate::content::raw::Text { zh: course.sku_label(&v.sku, Lang::Zh), en: course.sku_label(&v.sku, Lang::En) };
                (v.sku.clone(), label)
            })
            .collect();
        Grader { lexicon: CompiledLexicon::new(course), facts, default_policy, unasked, sku_labels }
    }

    fn lexicon_index(&self, id: &str) -> Option<usize> {
        self.lexicon.entries.iter().position(|e| e.id == id)
    }

    fn label(&self, id: &str, lang: Lang) -> String {
        self.lexicon.entry(id).map(|e| e.label.get(lang).to_string()).unwrap_or_else(|| id.to_string())
    }

    /// An order action as people read it (a SKU by its product and colour).
    fn describe_action(&self, action: &crate::content::raw::Action, lang: Lang) -> String {
        action.describe(lang, |sku| self.sku_labels.get(sku).map(|t| t.get(lang).to_string()).unwrap_or_else(|| sku.to_string()))
    }

    /// A rubric condition in words, for a critical failure's explanation.
    fn describe_condition(&self, condition: &crate::content::raw::Condition, lang: Lang) -> String {
        use crate::content::raw::Condition::*;
        let zh = lang == Lang::Zh;
        let join = |all: &[crate::content::raw::Condition], zh_word: &str, en_word: &str| {
            let parts: Vec<String> = all.iter().map(|c| self.describe_condition(c, lang)).collect();
            parts.join(if zh { zh_word } else { en_word })
        };
        match condition {
            Did(id) | Already(id) => self.label(id, lang),
            Missed(id) => format!("{}{}", if zh { "缺少:" } else { "missing: " }, self.label(id, lang)),
            WrongFact => (if zh { "说错了产品或政策事实" } else { "a product or policy fact stated wrongly" }).into(),
            MissingFact => (if zh { "漏说了该说的事实" } else { "a fact that had to be given was left out" }).into(),
            ToneBelow(band) => format!("{}{}", if zh { "语气低于" } else { "tone below " }, band.label(lang)),
            ToneAtLeast(band) => format!("{}{}", if zh { "语气至少" } else { "tone at least " }, band.label(lang)),
            Timeout => (if zh { "买家等不到回复" } else { "the buyer got no reply in time" }).into(),
            Acted(kind) | AlreadyActed(kind) => kind.label(lang).into(),
            All(all) => join(all, " 且 ", " and "),
            Any(any) => join(any, " 或 ", " or "),
            Not(inner) => format!("{}{}", if zh { "没有" } else { "not " }, self.describe_condition(inner, lang)),
        }
    }

    /// What a critical failure was, in words, from the rule id a record keeps:
    /// a lexicon rule by its label (`诱导好评`), a rubric's condition
    /// (`critical:Did("review_inducement")`) read back and described; `None`
    /// when the id names nothing this course knows.
    pub fn critical_label(&self, rule: &str, lang: Lang) -> Option<String> {
        if let Some(condition) = rule.strip_prefix("critical:") {
            let condition: crate::content::raw::Condition = crate::content::load::ron_options().from_str(condition).ok()?;
            return Some(self.describe_condition(&condition, lang));
        }
        self.lexicon.entry(rule).map(|e| e.label.get(lang).to_string())
    }

    fn why(&self, id: &str, lang: Lang) -> String {
        self.lexicon.entry(id).map(|e| e.explain.get(lang).to_string()).unwrap_or_default()
    }
}

#[cfg(test)]
mod batch_tests {
    use super::*;
    use crate::text::normalize;
    use std::path::Path;

    /// One scan for all unasked facts finds exactly what each fact's own scan
    /// finds, over thousands of replies mixed from fact words and amounts.
    #[test]
    fn a_batch_of_facts_hits_what_each_fact_hits_alone() {
        let course = Course::load(&[], Path::new(env!("CARGO_MANIFEST_DIR")));
        let pieces = [
            "保温", "12小时", "24小时", "500ml", "五百毫升", "48小时内发货", "3天", "七天无理由", "退款", "运费", "顺丰", "不是", "没有",
            "亲,", "重量", "1.2kg", "一斤半", "材质是304不锈钢", "保修一年", "2年", "元", "129元", "优惠券5元", "最多补偿10元", "发出", "快递单号",
            "keeps hot", "12 hours", "refund", "within 7 days", "ships in 48 hours", ",", "。", " ",
        ];
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        let mut compared = 0;
        for scenario in &course.scenarios {
            let unasked = UnaskedFacts::new(&course, scenario);
            for _ in 0..60 {
                let text: String = (0..1 + next(12)).map(|_| pieces[next(pieces.len())]).collect();
                let text = normalize(&text).text;
                let batch = unasked.checks_batch.hits(&text);
                for (fact, hits) in unasked.checks.iter().zip(&batch) {
                    assert_eq!(*hits, fact.phrase_hits(&text), "{} in {text}", fact.rule);
                    compared += 1;
                }
            }
        }
        assert!(compared > 1000, "only {compared} comparisons");
    }
}
