//! Pass `speed`: how fast the agent answered.
//!
//! Why: response time is a KPI shops are ranked on (seed 000: 平均低于5秒).
//! Full marks within 5 s, half by the buyer's nudge, none once the buyer
//! would leave; no reply at all earns nothing.

use crate::i18n::Msg;
use super::{Draft, TurnContext};
use crate::content::raw::Buyer;
use crate::grading::finding::{Dimension, Finding};
use crate::grading::rule_id::{Builtin, RuleId};

/// The share of speed in a turn with a response time (or no reply).
pub const SPEED_WEIGHT: f64 = 10.0;
/// The response time a qualified agent keeps under (seed 000: 平均低于5秒).
pub const TARGET_RESPONSE_SECS: f64 = 5.0;

pub fn weight(cx: &TurnContext) -> Option<(Dimension, f64)> {
    (cx.turn.response_secs.is_some() || !cx.replied).then_some((Dimension::Speed, SPEED_WEIGHT))
}

/// Speed as a fraction: full marks within 5 s, half by the nudge, none once the buyer would leave.
pub fn speed_fraction(response_secs: f64, buyer: &Buyer) -> f64 {
    let nudge = buyer.nudge_after_secs.max(TARGET_RESPONSE_SECS + 1.0);
    let leave = buyer.leave_after_secs.max(nudge + 1.0);
    if response_secs <= TARGET_RESPONSE_SECS {
        1.0
    } else if response_secs <= nudge {
        1.0 - 0.5 * (response_secs - TARGET_RESPONSE_SECS) / (nudge - TARGET_RESPONSE_SECS)
    } else if response_secs <= leave {
        0.5 - 0.5 * (response_secs - nudge) / (leave - nudge)
    } else {
        0.0
    }
}

pub fn run(cx: &TurnContext, draft: &mut Draft) {
    let speed_weight = cx.weight(Dimension::Speed);
    let (points, explain) = match (cx.turn.response_secs, cx.replied) {
        (Some(secs), true) => (
            speed_weight * speed_fraction(secs, &cx.scenario.buyer),
            Msg::ExplainSpeed.fill(cx.lang, &[("secs", &format!("{secs:.1}"))]),
        ),
        (_, false) => (0.0, Msg::ExplainNoReply.get(cx.lang).to_string()),
        (None, true) => return,
    };
    draft.grade.findings.push(Finding {
        rule: RuleId::builtin(Builtin::Speed),
        dimension: Dimension::Speed,
        points,
        possible: speed_weight,
        span: None,
        explain,
        critical: false,
    });
}

#[cfg(test)]
mod tests {
    use super::super::test_support::grade_with;
    use super::*;
    use crate::grading::reply::Earlier;

    #[test]
    fn full_within_five_seconds_half_by_the_nudge_none_after_leaving() {
        let buyer = Buyer {
            names: vec![],
            mood: crate::content::raw::Mood::Calm,
            nudge_after_secs: 30.0,
            leave_after_secs: 90.0,
            on_leave: crate::content::raw::Outcome::Lost,
            nudges: vec![],
            reads_after_secs: 3.0,
        };
        assert_eq!(speed_fraction(4.0, &buyer), 1.0);
        assert_eq!(speed_fraction(30.0, &buyer), 0.5);
        assert_eq!(speed_fraction(120.0, &buyer), 0.0);
    }

    #[test]
    fn no_response_time_no_finding_and_no_reply_earns_nothing() {
        let untimed = grade_with("wrong-colour-thermos", "solution", &["非常抱歉"], &[], None, &Earlier::default());
        assert!(!untimed.findings.iter().any(|f| f.rule == "speed"));
        let silent = grade_with("wrong-colour-thermos", "solution", &[], &[], None, &Earlier::default());
        let speed = silent.findings.iter().find(|f| f.rule == "speed").expect("speed");
        assert!(speed.points == 0.0 && speed.possible > 0.0);
    }
}
