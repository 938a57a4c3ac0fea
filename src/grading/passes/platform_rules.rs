//! Pass `platform-rules`: platform rules broken (taking the buyer off the
//! platform, asking for a good review for money, sharing another buyer's data).
//!
//! Why: these are the marketplace's rules, not the shop's taste; a breach costs
//! the shop whatever the rest of the reply was worth, so it is a deduction by
//! severity outside the weighted dimensions, and a critical one fails the session.

use super::{Draft, TurnContext};
use crate::content::raw::{LexiconKind, Polarity, Severity};
use crate::grading::finding::{Dimension, Finding};
use crate::grading::rule_id::RuleId;

/// Deductions for minor, major and critical platform rules.
pub const RULE_PENALTY: [f64; 3] = [5.0, 15.0, 30.0];

pub fn run(cx: &TurnContext, draft: &mut Draft) {
    for (group, span) in &cx.first_hit {
        let entry = &cx.grader.lexicon.entries[*group];
        if entry.kind != LexiconKind::PlatformRules || entry.polarity != Polarity::Bad {
            continue;
        }
        draft.grade.findings.push(Finding {
            rule: RuleId::lexicon(&entry.id),
            dimension: Dimension::Rules,
            points: -RULE_PENALTY[entry.severity as usize],
            possible: 0.0,
            span: Some(*span),
            explain: format!("{}:{}", entry.label.get(cx.lang), entry.explain.get(cx.lang)),
            critical: entry.severity == Severity::Critical,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::grade_at;
    use crate::grading::Dimension;

    #[test]
    fn a_breach_is_a_deduction_outside_the_dimensions() {
        let grade = grade_at("wrong-colour-thermos", "solution", &["非常抱歉,加我微信,私下给您补发白色款,48小时内发出"]);
        let breach = grade.findings.iter().find(|f| f.dimension == Dimension::Rules).expect("a platform rule");
        assert!(breach.points < 0.0 && breach.possible == 0.0 && breach.span.is_some(), "{breach:?}");
    }
}
