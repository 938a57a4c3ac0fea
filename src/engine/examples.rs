//! The `pinned-examples` check: every scenario's examples run through the
//! engine and must grade as declared (Pass/Fail, with the findings listed).
//! Lives here, not in `content::check`, because it needs the grader.

use crate::text::{Quoted, quoted_list};
use super::{Bundle, run_plan};
use crate::content::diagnostic::{Diagnostic, Level};
use crate::content::raw::Expect;
use crate::content::load::{ContentSet, FileContent};
use std::sync::Arc;

/// What one example did, for `kefu check` and the tests.
#[derive(Debug, Clone)]
pub struct ExampleOutcome {
    pub scenario: String,
    pub name: String,
    pub index: usize,
    pub expected_pass: bool,
    pub passed: bool,
    pub missing_findings: Vec<String>,
    pub summary: String,
}

impl ExampleOutcome {
    pub fn as_declared(&self) -> bool {
        self.expected_pass == self.passed && self.missing_findings.is_empty()
    }
}

/// Runs every pinned example of every scenario in the bundle.
pub fn run_all(bundle: &Arc<Bundle>) -> Vec<ExampleOutcome> {
    let mut outcomes = Vec::new();
    for scenario in &bundle.course.scenarios {
        for (index, example) in scenario.examples.iter().enumerate() {
            let expected_pass = example.expect == Expect::Pass;
            match run_plan(bundle.clone(), &scenario.id, example.seed, &example.replies) {
                Ok(result) => {
                    let found: std::collections::BTreeSet<&str> = result
                        .replies
                        .iter()
                        .flat_map(|r| r.found.iter().map(String::as_str).chain(r.findings.iter().map(|f| f.rule.as_str())))
                        .collect();
                    let missing_findings: Vec<String> =
                        example.findings.iter().filter(|id| !found.contains(id.as_str())).cloned().collect();
                    let lost: Vec<String> = result
                        .replies
                        .iter()
                        .flat_map(|r| {
                            r.findings
                                .iter()
                                .filter(|f| f.lost() > 0.5 || f.points < 0.0 || f.critical)
                                .map(move |f| format!("{}:{} (-{:.1})", r.node, f.rule, f.lost().max(-f.points)))
                        })
                        .take(8)
                        .collect();
                    let summary = format!(
                        "total {:.1}/{:.0}, outcome {}{}; points lost: {}",
                        result.grade.total,
                        result.grade.pass_mark,
                        result.grade.outcome,
                        if result.grade.critical_failures.is_empty() {
                            String::new()
                        } else {
                            format!(", critical: {}", result.grade.critical_failures.join(", "))
                        },
                        if lost.is_empty() { "none".to_string() } else { lost.join("; ") },
                    );
                    outcomes.push(ExampleOutcome {
                        scenario: scenario.id.clone(),
                        name: example.name.clone(),
                        index,
                        expected_pass,
                        passed: result.grade.passed,
                        missing_findings,
                        summary,
                    });
                }
                Err(error) => outcomes.push(ExampleOutcome {
                    scenario: scenario.id.clone(),
                    name: example.name.clone(),
                    index,
                    expected_pass,
                    passed: !expected_pass,
                    missing_findings: Vec::new(),
                    summary: format!("could not run: {error}"),
                }),
            }
        }
    }
    outcomes
}

/// Loads a course and checks it fully: the content passes, then every pinned
/// example through the grader. The course's report carries both, so the app
/// shows what `kefu check` prints.
pub fn load_checked(paths: &[std::path::PathBuf], root: &std::path::Path, run_examples: bool) -> Bundle {
    let set = crate::content::load_course_paths(paths, root);
    let course = crate::content::Course::from_set(&set);
    let mut bundle = Bundle::new(course);
    if run_examples && !bundle.course.scenarios.is_empty() {
        let shared = Arc::new(bundle);
        let found = diagnostics(&run_all(&shared), &set);
        bundle = Arc::try_unwrap(shared).unwrap_or_else(|shared| (*shared).clone());
        bundle.course.report.diagnostics.extend(found);
        crate::content::diagnostic::sort(&mut bundle.course.report.diagnostics);
    }
    bundle
}

/// Diagnostics for examples that do not grade as declared, at the example's line.
pub fn diagnostics(outcomes: &[ExampleOutcome], set: &ContentSet) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for outcome in outcomes.iter().filter(|o| !o.as_declared()) {
        let source = set.files.iter().find_map(|file| match &file.content {
            Some(FileContent::Scenario(s)) if s.id == outcome.scenario => Some(&file.source),
            _ => None,
        });
        let Some(source) = source else { continue };
        let at = crate::content::check::example_position(source, outcome.index);
        let message = if outcome.expected_pass != outcome.passed {
            format!(
                "example {} should {} but {}: {}", Quoted(&outcome.name), if outcome.expected_pass { "pass" } else { "fail" }, if outcome.passed { "passes" } else { "fails" }, outcome.summary
            )
        } else {
            format!("example {} lacks expected findings {}: {}", Quoted(&outcome.name), quoted_list(&outcome.missing_findings), outcome.summary)
        };
        out.push(source.diagnostic(Level::Error, "example-mismatch", at, message));
    }
    out
}
