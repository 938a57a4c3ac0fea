//! Pass `facts-unasked`: product and policy facts nobody asked about here.
//!
//! Why: "keeps hot 24 hours" said in passing, when the catalogue says 12, is
//! as misleading as a wrong answer to a question, so it costs points and shows
//! as a wrong fact wherever it is said. A fact said rightly is remembered
//! (`volunteered`), so a later reply point that asks for it credits it.

use crate::i18n::Msg;
use super::{Draft, TurnContext};
use crate::grading::facts::FactStatus;
use crate::grading::finding::{Dimension, Finding};
use crate::grading::reply::FactResult;
use crate::grading::rule_id::RuleId;

/// A fact stated wrongly where the rubric did not ask for it: about what a
/// wrong rubric fact costs (half a share), never more.
pub const UNASKED_WRONG_FACT_PENALTY: f64 = 10.0;

pub fn run(cx: &TurnContext, draft: &mut Draft) {
    let Some(unasked) = cx.unasked else { return };
    // Each message scanned once for every fact's phrases, not once per fact.
    let hits: Vec<Vec<Vec<_>>> = cx.messages.iter().map(|m| unasked.checks_batch.hits(&m.normalized.text)).collect();
    for (index, compiled) in unasked.checks.iter().enumerate() {
        if draft.grade.facts.iter().any(|f| f.rule == compiled.rule) {
            continue;
        }
        let checked: Vec<_> =
            cx.messages.iter().zip(&hits).map(|(m, each)| compiled.check_hits(&m.normalized.text, &m.mentions, &each[index])).collect();
        if checked.iter().any(|(status, _)| *status == FactStatus::Correct) {
            draft.grade.volunteered.insert(compiled.rule.clone());
            continue;
        }
        let wrong = checked.iter().enumerate().find_map(|(index, (status, at))| {
            let (start, end) = (*status == FactStatus::Wrong).then_some(*at).flatten()?;
            let message = &cx.messages[index];
            (!cx.right_elsewhere(&compiled.rule, message, start, end)).then(|| message.span(index, start, end))
        });
        let Some(span) = wrong else { continue };
        let expected = compiled.expected.get(cx.lang);
        draft.wrong_facts.push((span, expected.to_string()));
        draft.grade.findings.push(Finding {
            rule: RuleId::fact(&compiled.rule),
            dimension: Dimension::Accuracy,
            points: -UNASKED_WRONG_FACT_PENALTY,
            possible: 0.0,
            span: Some(span),
            explain: Msg::ExplainUnaskedFactWrong.fill(cx.lang, &[("expected", &expected)]),
            critical: false,
        });
        draft.grade.facts.push(FactResult {
            rule: compiled.rule.clone(),
            expected: expected.to_string(),
            status: FactStatus::Wrong,
            from_earlier: false,
            unasked: true,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::grade_at;
    use super::UNASKED_WRONG_FACT_PENALTY;

    #[test]
    fn a_wrong_fact_in_passing_costs_and_a_right_one_is_remembered() {
        // The greeting point of the thermos scenario asks for no capacity (500 ml).
        let wrong = grade_at("wrong-colour-thermos", "solution", &["非常抱歉,马上补发白色款,48小时内发出,这款杯子容量是300ml"]);
        let unasked = wrong.facts.iter().find(|f| f.unasked).expect("an unasked wrong fact");
        assert!(unasked.rule.ends_with(".capacity"), "{unasked:?}");
        let finding = wrong.findings.iter().find(|f| f.rule == unasked.rule).expect("its finding");
        assert_eq!(finding.points, -UNASKED_WRONG_FACT_PENALTY);
        let right = grade_at("wrong-colour-thermos", "solution", &["非常抱歉,马上补发白色款,48小时内发出,这款杯子容量是500ml"]);
        assert!(right.volunteered.iter().any(|f| f.ends_with(".capacity")), "{:?}", right.volunteered);
        assert!(!right.facts.iter().any(|f| f.unasked));
    }
}
