//! Pass `quiz`: every question can be answered right: choice questions have the
//! right number of right options, fill-ins have answers, numeric questions have a
//! tolerance, categories are declared, explanations are there.

use crate::text::Quoted;
use super::Context;
use crate::content::diagnostic::Diagnostic;
use crate::content::raw::Question;
use crate::content::source::quoted;
use std::collections::BTreeSet;

pub fn run(context: &Context, out: &mut Vec<Diagnostic>) {
    for (source, bank) in &context.quiz_banks {
        if bank.categories.is_empty() {
            out.push(source.error("unknown-category", source.find_from(0, "categories"), "the bank declares no categories"));
        }
        let mut used = BTreeSet::new();
        let declared: BTreeSet<&str> = bank.categories.iter().map(String::as_str).collect();
        for question in &bank.questions {
            let id = question.id();
            let mut problem = |code: &'static str, message: String| {
                let at = source.locate(&["questions", &quoted(id)]);
                out.push(source.error(code, at, format!("question {}: {message}", Quoted(id))));
            };
            used.insert(question.category());
            if !declared.contains(question.category()) {
                let categories = super::listing(bank.categories.iter().map(String::as_str));
                problem(
                    "unknown-category",
                    format!("category {} is not one of the bank's categories ({categories})", Quoted(question.category())),
                );
            }
            if question.prompt().trim().is_empty() {
                problem("empty-text", "the prompt is empty".into());
            }
            match question {
                Question::Single { options, explain, .. } | Question::Multiple { options, explain, .. } => {
                    let right = options.iter().filter(|o| o.is_right()).count();
                    let single = matches!(question, Question::Single { .. });
                    if options.len() < 2 {
                        problem("too-few-options", "a choice question needs at least 2 options".into());
                    }
                    if right == 0 {
                        problem("no-right-answer", "no option is marked Right(..)".into());
                    } else if single && right > 1 {
                        problem(
                            "several-right-answers",
                            format!("{right} options are Right(..) in a single-choice question; use Multiple"),
                        );
                    }
                    let mut texts = BTreeSet::new();
                    for option in options {
                        if !texts.insert(crate::text::fold_width(option.text().trim())) {
                            problem("duplicate-option", format!("option {} is listed twice", Quoted(option.text())));
                        }
                        if option.text().trim().is_empty() {
                            problem("empty-text", "an option is empty".into());
                        }
                    }
                    if explain.trim().is_empty() {
                        problem("empty-text", "the explanation is empty".into());
                    }
                }
                Question::TrueFalse { explain, .. } => {
                    if explain.trim().is_empty() {
                        problem("empty-text", "the explanation is empty".into());
                    }
                }
                Question::FillIn { answers, explain, .. } => {
                    if answers.iter().all(|a| a.trim().is_empty()) {
                        problem("no-right-answer", "a fill-in question needs at least one answer".into());
                    }
                    if explain.trim().is_empty() {
                        problem("empty-text", "the explanation is empty".into());
                    }
                }
                Question::Numeric { answer, tolerance, explain, .. } => {
                    if !answer.is_finite() {
                        problem("no-right-answer", "the answer is not a finite number".into());
                    }
                    match tolerance {
                        None => problem(
                            "missing-tolerance",
                            "a numeric question needs `tolerance` (use 0 for an exact answer, 0.01 for cents)".into(),
                        ),
                        Some(t) if !t.is_finite() || *t < 0.0 => {
                            problem("missing-tolerance", format!("tolerance {t} must be 0 or more"))
                        }
                        Some(_) => {}
                    }
                    if explain.trim().is_empty() {
                        problem("empty-text", "the explanation is empty".into());
                    }
                }
            }
        }
        for category in &bank.categories {
            if !used.contains(category.as_str()) {
                out.push(source.warning(
                    "unused-category",
                    source.locate(&["categories", &quoted(category)]),
                    format!("category {} has no questions", Quoted(category)),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;

    const BANK: &str = r#"QuizBank(
    id: "kpi",
    title: (zh: "考核指标", en: "KPIs"),
    lang: zh,
    categories: ["kpi"],
    questions: [
        Single(id: "q1", category: "kpi", prompt: "合格的平均响应时间?",
            options: [Wrong("10秒"), Right("5秒以内")], explain: "种子000: 平均低于5秒"),
        Numeric(id: "q2", category: "kpi", prompt: "CPC 0.8元, CTR 2%, 折合CPM?",
            answer: 16, tolerance: 0.01, unit: "元", explain: "0.8 × 0.02 × 1000"),
    ],
)"#;

    #[test]
    fn a_good_bank_is_clean() {
        let report = check_with(SCENARIO, &[("bank.ron", BANK)]);
        assert!(report.diagnostics.is_empty(), "{:#?}", report.diagnostics);
        assert_eq!(report.questions, 2);
    }

    #[test]
    fn no_right_answer_missing_tolerance_unknown_category() {
        let bank = BANK
            .replace("Right(\"5秒以内\")", "Wrong(\"5秒以内\")")
            .replace("tolerance: 0.01, ", "")
            .replace("Numeric(id: \"q2\", category: \"kpi\"", "Numeric(id: \"q2\", category: \"kpis\"");
        let report = check_with(SCENARIO, &[("bank.ron", &bank)]);
        let codes = codes(&report);
        for code in ["no-right-answer", "missing-tolerance", "unknown-category"] {
            assert!(codes.contains(&code), "{code} in {codes:?}");
        }
        let d = report.diagnostics.iter().find(|d| d.code == "missing-tolerance").unwrap();
        assert_eq!(d.line, bank.lines().position(|l| l.contains("\"q2\"")).unwrap() + 1);
    }

    #[test]
    fn duplicate_question_id_is_located() {
        let bank = BANK.replace("id: \"q2\"", "id: \"q1\"");
        let report = check_with(SCENARIO, &[("bank.ron", &bank)]);
        let d = report.diagnostics.iter().find(|d| d.code == "duplicate-id").expect("reported");
        assert_eq!(d.line, bank.lines().position(|l| l.contains("Numeric(id: \"q1\"")).unwrap() + 1);
    }
}
