//! Pass `tone-minimum`: a tone band below the rubric's minimum.
//!
//! Why: some reply points (an angry buyer, a complaint) need at least a polite
//! tone; falling short costs a fixed amount on top of the tone points, so a
//! curt answer there is never as good as a warm one elsewhere.

use crate::i18n::Msg;
use super::{Draft, TurnContext};
use crate::grading::finding::{Dimension, Finding};
use crate::grading::rule_id::{Builtin, RuleId};

/// Below the rubric's minimum tone costs this much on top.
pub const TONE_BELOW_MIN_PENALTY: f64 = 5.0;

pub fn run(cx: &TurnContext, draft: &mut Draft) {
    let band = draft.grade.tone_band;
    let Some(min) = cx.rubric.tone else { return };
    if !cx.replied || band >= min {
        return;
    }
    let lang = cx.lang;
    draft.grade.findings.push(Finding {
        rule: RuleId::builtin(Builtin::ToneBelowMin),
        dimension: Dimension::Tone,
        points: -TONE_BELOW_MIN_PENALTY,
        possible: 0.0,
        span: None,
        explain: Msg::ExplainToneBelowMinimum.fill(cx.lang, &[("band", &band.label(lang)), ("minimum", &min.label(lang))]),
        critical: false,
    });
}

#[cfg(test)]
mod tests {
    use super::super::test_support::grade_at;
    use super::TONE_BELOW_MIN_PENALTY;

    #[test]
    fn below_the_minimum_costs_a_fixed_amount() {
        // The solution point asks for at least Polite.
        let curt = grade_at("wrong-colour-thermos", "solution", &["补发白色款,48小时内发出"]);
        let below = curt.findings.iter().find(|f| f.rule == "tone_below_min").expect("below the minimum");
        assert_eq!(below.points, -TONE_BELOW_MIN_PENALTY);
        let polite = grade_at("wrong-colour-thermos", "solution", &["亲,非常抱歉给您添麻烦了,马上为您补发白色款,48小时内发出"]);
        assert!(!polite.findings.iter().any(|f| f.rule == "tone_below_min"));
    }
}
