//! Pass `tone`: the reply's tone, from the one tone tally (`grading::tone::judge`,
//! which `kefu grade-text` uses too), or no reply at all.
//!
//! Why: every reply starts from a neutral tone; courtesy and softeners lift
//! it, faults (a brush-off, contempt, shouting in capitals) pull it down, each
//! shown as its own finding with the words behind it. A buyer who got no
//! reply gets no tone points and the band `Rude`.

use crate::i18n::Msg;
use super::{Draft, TurnContext};
use crate::content::raw::{Polarity, Severity};
use crate::grading::finding::{Dimension, Finding, Span, round2};
use crate::grading::rule_id::{Builtin, RuleId};
use crate::grading::tone;

/// The share of tone in every turn.
pub const TONE_WEIGHT: f64 = 20.0;

pub fn weight(_: &TurnContext) -> Option<(Dimension, f64)> {
    Some((Dimension::Tone, TONE_WEIGHT))
}

pub fn run(cx: &TurnContext, draft: &mut Draft) {
    let tone_weight = cx.weight(Dimension::Tone);
    if !cx.replied {
        draft.grade.findings.push(Finding {
            rule: RuleId::builtin(Builtin::NoReply),
            dimension: Dimension::Tone,
            points: 0.0,
            possible: tone_weight,
            span: None,
            explain: Msg::ExplainToneNoReply.get(cx.lang).to_string(),
            critical: false,
        });
        return;
    }
    draft.grade.findings.push(Finding {
        rule: RuleId::builtin(Builtin::ToneBaseline),
        dimension: Dimension::Tone,
        points: tone_weight * tone::BASELINE,
        possible: tone_weight * tone::BASELINE,
        span: None,
        explain: Msg::ExplainToneNeutral.get(cx.lang).to_string(),
        critical: false,
    });
    let entries = &cx.grader.lexicon.entries;
    let capitals = cx
        .turn
        .messages
        .iter()
        .enumerate()
        .find_map(|(i, m)| tone::capitals_span(m).map(|(s, e)| Span { message: i, start: s, end: e }));
    // A courtesy word shouted in capitals lifts nothing ("PLEASE STOP SENDING…").
    let shouted = |span: &Span| capitals.is_some_and(|c| c.message == span.message && tone::shouted((c.start, c.end), span.start, span.end));
    let marks: Vec<(usize, tone::Marker)> = cx
        .first_hit
        .iter()
        .filter_map(|(g, span)| entries[*g].marker_for(cx.upset).filter(|m| !(*m == tone::Marker::Courtesy && shouted(span))).map(|m| (*g, m)))
        .collect();
    let shouts = capitals.map(|c| tone::shout_severity(&cx.turn.messages[c.message], (c.start, c.end)));
    let judged = tone::judge(&marks, shouts);
    for effect in &judged.effects {
        let points = tone_weight * effect.effect;
        let possible = tone_weight * effect.effect.max(0.0);
        draft.grade.findings.push(match effect.cause {
            tone::Cause::Entry(group) => {
                let entry = &entries[group];
                Finding {
                    rule: RuleId::lexicon(&entry.id),
                    dimension: Dimension::Tone,
                    points,
                    possible,
                    span: cx.first_hit.get(&group).copied(),
                    explain: format!("{}:{}", entry.label.get(cx.lang), entry.explain_for(cx.upset, cx.lang)),
                    critical: entry.polarity == Polarity::Bad && entry.severity == Severity::Critical,
                }
            }
            tone::Cause::Capitals => Finding {
                rule: RuleId::builtin(Builtin::ShoutingCaps),
                dimension: Dimension::Tone,
                points,
                possible,
                span: capitals,
                explain: tone::capitals_explain(cx.lang).into(),
                critical: false,
            },
        });
    }
    draft.grade.tone = round2(judged.score);
    draft.grade.tone_band = tone::band(judged.score);
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{grade_at, grade_with, grader};
    use crate::content::raw::Lang;
    use crate::grading::finding::round2;
    use crate::content::raw::ToneBand;
    use crate::grading::reply::Earlier;

    #[test]
    fn courtesy_lifts_faults_pull_down_and_silence_is_rude() {
        let polite = grade_at("wrong-colour-thermos", "solution", &["亲,非常抱歉给您添麻烦了,马上为您补发白色款,48小时内发出"]);
        assert!(polite.findings.iter().any(|f| f.rule == "tone_baseline"));
        assert!(polite.tone_band >= ToneBand::Polite, "{:?}", polite.tone_band);
        let rude = grade_at("wrong-colour-thermos", "solution", &["你自己没看清楚吧,爱要不要"]);
        assert!(rude.tone < polite.tone && rude.tone_band < ToneBand::Polite);
        let silent = grade_with("wrong-colour-thermos", "solution", &[], &[], None, &Earlier::default());
        assert_eq!((silent.tone, silent.tone_band), (0.0, ToneBand::Rude));
        assert!(silent.findings.iter().any(|f| f.rule == "no_reply" && f.points == 0.0 && f.possible > 0.0));
    }

    /// One tone tally: a reply graded in a turn and the same text in
    /// `kefu grade-text` get the same tone and band.
    #[test]
    fn replies_and_grade_text_share_the_tally() {
        for text in [
            "亲,非常抱歉给您添麻烦了,马上为您补发白色款,48小时内发出",
            "你自己没看清楚吧,爱要不要",
            "补发白色款,48小时内发出",
            "您好,请提供订单号,谢谢亲",
            "不好意思哈,这个真没办法,你找快递吧",
        ] {
            let turn = grade_at("wrong-colour-thermos", "solution", &[text]);
            let loose = grader().grade_text(text, Lang::Zh);
            assert_eq!((turn.tone, turn.tone_band), (round2(loose.tone), loose.tone_band), "{text}");
        }
    }

    /// A referral nudges a buyer who is only impatient, but costs as a major
    /// fault, and says why, when the scenario's buyer is annoyed.
    #[test]
    fn a_referral_costs_more_when_the_scenario_buyer_is_annoyed() {
        let referral = "亲,这个您直接问下快递公司吧";
        let cost = |scenario: &str, node: &str| {
            let grade = grade_at(scenario, node, &[referral]);
            let finding = grade.findings.into_iter().find(|f| f.rule == "refer_elsewhere").expect("the referral is a finding");
            (finding.points, finding.explain)
        };
        let (impatient, calm_why) = cost("parcel-stuck-three-days", "first-answer");
        let (annoyed, upset_why) = cost("wrong-colour-thermos", "solution");
        assert!(annoyed < impatient && impatient < 0.0, "{annoyed} vs {impatient}");
        assert!(upset_why.contains("买家已经不满") && !calm_why.contains("买家已经不满"), "{upset_why} / {calm_why}");
    }

    #[test]
    fn pushing_the_work_back_is_a_finding_only_for_an_annoyed_scenario_buyer() {
        let reply = "颜色以厂家公布的为准哦";
        let heard = |scenario: &str, node: &str| grade_at(scenario, node, &[reply]).findings.iter().any(|f| f.rule == "burden_on_upset_buyer");
        assert!(heard("wrong-colour-thermos", "solution"), "the annoyed buyer is left to sort it out");
        assert!(!heard("parcel-stuck-three-days", "first-answer"), "a buyer who is not upset is only informed");
    }
}
