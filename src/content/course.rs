//! The validated course: only content from files that passed every check, indexed
//! for the engine, the quiz runtime and the app. A bad file is left out, never
//! fatal, and its diagnostics travel with the course so the app can show them.

use super::check::{Report, check};
use super::load::{ContentSet, FileContent};
use super::raw::{LexiconEntry, LexiconKind, Product, QuizBank, Scenario, ShopPolicy};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Default)]
pub struct Course {
    pub products: BTreeMap<String, Product>,
    pub policies: BTreeMap<String, ShopPolicy>,
    pub lexicons: BTreeMap<LexiconKind, Vec<LexiconEntry>>,
    /// Sorted by category, difficulty, then id.
    pub scenarios: Vec<Scenario>,
    pub quiz_banks: Vec<QuizBank>,
    /// Every diagnostic found while loading, including those of files left out.
    pub report: Report,
}

impl Course {
    /// Loads, checks and keeps what is sound. See `content::load_course_paths` for `paths`.
    pub fn load(paths: &[PathBuf], root: &Path) -> Course {
        Course::from_set(&super::load_course_paths(paths, root))
    }

    pub fn from_set(set: &ContentSet) -> Course {
        let report = check(set);
        let broken: BTreeSet<&Path> =
            report.diagnostics.iter().filter(|d| d.is_error()).map(|d| d.path.as_path()).collect();
        let mut course = Course::default();
        for file in &set.files {
            if broken.contains(file.source.path()) {
                continue;
            }
            match &file.content {
                Some(FileContent::Catalogue(catalogue)) => {
                    for product in &catalogue.products {
                        course.products.insert(product.id.clone(), product.clone());
                    }
                }
                Some(FileContent::ShopPolicy(policy)) => {
                    course.policies.insert(policy.id.clone(), (**policy).clone());
                }
                Some(FileContent::Lexicon(lexicon)) => {
                    course.lexicons.entry(lexicon.kind).or_default().extend(lexicon.entries.iter().cloned());
                }
                Some(FileContent::Scenario(scenario)) => course.scenarios.push((**scenario).clone()),
                Some(FileContent::QuizBank(bank)) => course.quiz_banks.push(bank.clone()),
                None => {}
            }
        }
        course.scenarios.sort_by(|a, b| (a.category, a.difficulty, &a.id).cmp(&(b.category, b.difficulty, &b.id)));
        course.quiz_banks.sort_by(|a, b| a.id.cmp(&b.id));
        course.report = report;
        course
    }

    pub fn scenario(&self, id: &str) -> Option<&Scenario> {
        self.scenarios.iter().find(|s| s.id == id)
    }

    /// A SKU as people name it: "真空保温杯 500ml 白色" (the SKU itself when unknown).
    pub fn sku_label(&self, sku: &str, lang: crate::content::raw::Lang) -> String {
        self.products
            .values()
            .find_map(|product| {
                let variant = product.variants.iter().find(|v| v.sku == sku)?;
                let details: Vec<String> =
                    [variant.colour.as_ref().map(|c| c.get(lang).to_string()), variant.size.clone()].into_iter().flatten().collect();
                Some(format!("{} {}", product.name.get(lang), details.join(" ")).trim().to_string())
            })
            .unwrap_or_else(|| sku.to_string())
    }

    /// The policy a scenario plays under (the named one, or the only one).
    pub fn policy_for(&self, scenario: &Scenario) -> Option<&ShopPolicy> {
        match &scenario.policy {
            Some(id) => self.policies.get(id),
            None => self.policies.values().next().filter(|_| self.policies.len() == 1),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::check::test_support::*;
    use super::*;

    #[test]
    fn a_broken_scenario_is_left_out_and_the_rest_load() {
        let broken = SCENARIO.replace("goto: \"angry\"", "goto: \"nowhere\"").replace("wrong-colour", "broken");
        let set = crate::content::load_sources(&[
            ("catalogue.ron", CATALOGUE),
            ("policy.ron", POLICY),
            ("steps.ron", LEXICON),
            ("tone.ron", TONE),
            ("good.ron", SCENARIO),
            ("broken.ron", &broken),
        ]);
        let course = Course::from_set(&set);
        assert_eq!(course.scenarios.len(), 1);
        assert_eq!(course.scenarios[0].id, "wrong-colour");
        assert!(course.report.errors() > 0);
        assert!(course.report.diagnostics.iter().all(|d| d.path.to_str() == Some("broken.ron")));
        assert!(course.policy_for(&course.scenarios[0]).is_some());
    }
}
