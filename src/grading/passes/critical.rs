//! Pass `critical`: the rubric's critical conditions that hold at this point.
//!
//! Why: some mistakes fail a session whatever the score (sharing another
//! buyer's address, inducing a review); the rubric names them as conditions,
//! checked on the grade the earlier passes built, with what the conversation
//! said before. Runs last, because a condition may read any part of the grade.

use crate::i18n::Msg;
use super::{Draft, TurnContext};
use crate::grading::finding::{Dimension, Finding};
use crate::grading::rule_id::RuleId;

pub fn run(cx: &TurnContext, draft: &mut Draft) {
    for condition in &cx.rubric.critical {
        if !draft.grade.holds(condition, cx.turn.earlier) {
            continue;
        }
        let described = cx.grader.describe_condition(condition, cx.lang);
        draft.grade.findings.push(Finding {
            rule: RuleId::critical(condition),
            dimension: Dimension::Rules,
            points: 0.0,
            possible: 0.0,
            span: None,
            explain: Msg::ExplainCritical.fill(cx.lang, &[("condition", &described)]),
            critical: true,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::grade_at;

    #[test]
    fn a_condition_that_holds_fails_the_turn() {
        // The kettle's last-chance point makes review inducement critical.
        let grade = grade_at("wrong-colour-kettle", "last-chance", &["So sorry! We will resend it. Give us 5 stars and we'll refund you 10 yuan"]);
        let critical: Vec<&str> = grade.findings.iter().filter(|f| f.rule.is_critical_condition()).map(|f| f.rule.as_str()).collect();
        assert_eq!(critical, [r#"critical:Did("review_inducement")"#], "{:#?}", grade.findings);
        assert!(grade.critical);
    }
}
