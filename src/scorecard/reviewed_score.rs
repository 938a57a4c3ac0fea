//! The reviewed score: what a scorecard's total becomes under one review,
//! computed from the auto score and the review's changes, never blended into
//! the scorecard (whose total stays the grader's). Deterministic, so `verify`
//! recomputes it and a hand-made number is caught.
//!
//! The rule, in the grader's own units (a reply scores out of 100, the total is
//! the replies' scores weighted by their reply point's weight):
//! 1. A finding the reviewer disagrees with is judged the other way: one that
//!    lost points gives them back (its points become what it could earn, or 0
//!    for a penalty), one that earned points earns none; it no longer fails
//!    the session if it was critical.
//! 2. A finding the reviewer adds counts its points in its reply.
//! 3. Each reply's score is summed again and kept in 0..=100, as the grader
//!    does; the total moves by each reply's change times its weight share.
//! 4. A dimension override sets that dimension's share outright (e.g. tone
//!    80%): the total moves by the difference between the overridden share and
//!    the dimension's share after steps 1 and 2, so an override supersedes the
//!    finding-level changes in its dimension.
//! 5. The total is kept in 0..=100 and rounded to two decimals. With no
//!    changes it is the auto total exactly.

use super::Scorecard;
use super::review_card::{AddedFinding, DimensionOverride, Judgement, Stance};
use crate::content::raw::Outcome;
use crate::grading::{Dimension, Finding};
use std::collections::BTreeMap;

/// The review's changes, as the score needs them.
#[derive(Debug, Clone, Copy)]
pub struct Changes<'a> {
    pub judgements: &'a [Judgement],
    pub added: &'a [AddedFinding],
    pub overrides: &'a [DimensionOverride],
}

/// A scorecard's score beside its reviewed score.
#[derive(Debug, Clone, PartialEq)]
pub struct Scored {
    /// The reviewed total, 0..=100.
    pub total: f64,
    /// The verdict after the review; `None` for a session ended early (no verdict).
    pub passed: Option<bool>,
    /// Per dimension with points to earn: (auto share, reviewed share), in percent.
    pub dimensions: BTreeMap<Dimension, (f64, f64)>,
}

/// The points a finding gives once the reviewer judges it the other way.
pub fn overturned(finding: &Finding) -> f64 {
    if finding.points < finding.possible {
        finding.possible.max(0.0)
    } else if finding.possible > 0.0 {
        0.0
    } else {
        finding.points
    }
}

fn round2(value: f64) -> f64 {
    (value * 100.0).round() / 100.0
}

/// The reviewed score of `card` under `changes` (see the module's rule).
pub fn score(card: &Scorecard, changes: Changes<'_>) -> Scored {
    let grade = &card.grade;
    let weight: f64 = card.replies.iter().map(|r| r.weight).sum();
    let usable = weight.is_finite() && weight > 0.0;
    // Points moved per reply, and per dimension in the grade's weighted units.
    let mut moved: Vec<f64> = vec![0.0; card.replies.len()];
    let mut by_dimension: BTreeMap<Dimension, f64> = BTreeMap::new();
    let mut critical_overturned = 0usize;
    for judgement in changes.judgements.iter().filter(|j| j.stance == Stance::Disagree) {
        let Some(finding) = judgement.finding.resolve(card) else { continue };
        let index = judgement.finding.reply - 1;
        let delta = overturned(finding) - finding.points;
        moved[index] += delta;
        *by_dimension.entry(finding.dimension).or_default() += delta * card.replies[index].weight;
        critical_overturned += usize::from(finding.critical);
    }
    for added in changes.added {
        let Some(index) = added.reply.checked_sub(1).filter(|i| *i < card.replies.len()) else { continue };
        moved[index] += added.points;
        *by_dimension.entry(added.dimension).or_default() += added.points * card.replies[index].weight;
    }
    let mut total = grade.total;
    if usable {
        for (reply, delta) in card.replies.iter().zip(&moved) {
            if *delta != 0.0 {
                let raw: f64 = reply.findings.iter().map(|f| f.points).sum::<f64>() + delta;
                total += (raw.clamp(0.0, 100.0) - reply.score) * reply.weight / weight;
            }
        }
    }
    let mut dimensions = BTreeMap::new();
    for (dimension, auto) in &grade.dimensions {
        if auto.possible <= 0.0 {
            continue;
        }
        let earned = auto.earned + by_dimension.get(dimension).copied().unwrap_or(0.0);
        let share = |earned: f64| (100.0 * earned / auto.possible).clamp(0.0, 100.0);
        let reviewed = match changes.overrides.iter().find(|o| o.dimension == *dimension) {
            Some(over) => {
                if usable {
                    total += (over.score_pct / 100.0 * auto.possible - earned) / weight;
                }
                over.score_pct.clamp(0.0, 100.0)
            }
            None => share(earned),
        };
        dimensions.insert(*dimension, (round2(share(auto.earned)), round2(reviewed)));
    }
    let total = if total == grade.total { total } else { round2(total.clamp(0.0, 100.0)) };
    let critical_left = card.replies.iter().flat_map(|r| &r.findings).filter(|f| f.critical).count() > critical_overturned;
    let passed = (!grade.abandoned).then_some(total >= grade.pass_mark && !critical_left && matches!(grade.outcome, Outcome::Converted | Outcome::Resolved));
    Scored { total, passed, dimensions }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scorecard::FindingRef;

    fn card() -> Scorecard {
        crate::scorecard::read(include_str!("../../tests/fixtures/scorecard-v2.json")).unwrap()
    }

    fn disagree(reference: &str) -> Judgement {
        Judgement { finding: FindingRef::parse(reference).unwrap(), stance: Stance::Disagree, reason: "why".into() }
    }

    fn add(reply: usize, dimension: Dimension, points: f64) -> AddedFinding {
        AddedFinding { reply, message: None, rule: "missed".into(), dimension, points, comment: String::new() }
    }

    fn over(dimension: Dimension, score_pct: f64) -> DimensionOverride {
        DimensionOverride { dimension, score_pct, reason: "why".into() }
    }

    fn total(judgements: &[Judgement], added: &[AddedFinding], overrides: &[DimensionOverride]) -> Scored {
        score(&card(), Changes { judgements, added, overrides })
    }

    #[test]
    fn no_changes_is_the_auto_score_exactly() {
        let scored = total(&[], &[], &[]);
        assert_eq!(scored.total, card().grade.total);
        assert_eq!(scored.passed, Some(true));
        assert!(scored.dimensions.values().all(|(auto, reviewed)| auto == reviewed), "{scored:?}");
        let agreeing = [Judgement { stance: Stance::Agree, ..disagree("1:apologise") }];
        assert_eq!(total(&agreeing, &[], &[]).total, card().grade.total, "agreeing changes nothing");
    }

    /// The fixture: answer 1 (weight 2) scores 96.68, answer 2 (weight 3) 79; the total is 86.07.
    #[test]
    fn an_overturned_finding_moves_the_total_by_its_reply_weight() {
        // A fact judged wrong (0 of 15) was right: answer 2 gains 15, the total 15 × 3/5.
        let scored = total(&[disagree("2:fact:policy.return_shipping_payer(WrongItem)")], &[], &[]);
        assert_eq!(scored.total, 95.07);
        assert_eq!(scored.dimensions[&Dimension::Accuracy], (50.0, 100.0));
        // A step credited (25 of 25) was not done: answer 1 loses 25, the total 25 × 2/5; two such fail it.
        let scored = total(&[disagree("1:apologise")], &[], &[]);
        assert_eq!((scored.total, scored.passed), (76.07, Some(true)));
        let scored = total(&[disagree("1:apologise"), disagree("1:ask_order_info")], &[], &[]);
        assert_eq!((scored.total, scored.passed), (66.07, Some(false)));
    }

    #[test]
    fn added_findings_count_in_their_reply_which_stays_within_100() {
        assert_eq!(total(&[], &[add(1, Dimension::Tone, -10.0)], &[]).total, 82.07);
        // Answer 1 at 96.68 + 10 is kept at 100: the total gains 3.32 × 2/5.
        assert_eq!(total(&[], &[add(1, Dimension::Tone, 10.0)], &[]).total, 87.4);
    }

    #[test]
    fn an_override_sets_its_dimension_and_supersedes_finding_changes_there() {
        // Tone 100% → 50%: half of its 102.02 weighted points, over the weight 5.
        let scored = total(&[], &[], &[over(Dimension::Tone, 50.0)]);
        assert_eq!(scored.total, 75.87);
        assert_eq!(scored.dimensions[&Dimension::Tone], (100.0, 50.0));
        let with_finding = total(&[], &[add(1, Dimension::Tone, -10.0)], &[over(Dimension::Tone, 50.0)]);
        assert_eq!(with_finding.total, scored.total, "the override decides the tone, whatever was added there");
    }

    #[test]
    fn overturned_findings_give_back_or_take_their_points() {
        let finding = |points, possible| Finding { rule: crate::grading::RuleId::saved("x"), dimension: Dimension::Tone, points, possible, span: None, explain: String::new(), critical: false };
        assert_eq!(overturned(&finding(0.0, 15.0)), 15.0, "missed: earns it");
        assert_eq!(overturned(&finding(-5.0, 0.0)), 0.0, "a penalty: lifted");
        assert_eq!(overturned(&finding(25.0, 25.0)), 0.0, "credited: not earned");
        assert_eq!(overturned(&finding(0.0, 0.0)), 0.0, "nothing either way");
    }
}
