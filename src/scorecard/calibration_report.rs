//! A calibration round's report: per item (each grader finding and each
//! dimension of each scorecard of the round) how the grader and every reviewer
//! judged it, the item's percent agreement, the mean over items, and
//! Krippendorff's alpha for nominal data over all items (`krippendorff`); the
//! items with the widest spread first. Pure: built from the round, its
//! scorecards and the reviews found; written as CSV or HTML by
//! `calibration_export`.

use super::calibration::{CalibrationRound, Progress};
use super::finding_ref::{self, FindingRef};
use super::krippendorff::{alpha_nominal, percent_agreement};
use super::review_card::{ReviewCard, Stance};
use super::Scorecard;
use crate::grading::Dimension;

/// What one rater said of one item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Rating {
    /// The finding stands. The grader always agrees with itself, and a
    /// reviewer who left a finding unjudged let it stand as graded.
    Agree,
    Disagree,
    /// The dimension's share left as the grader gave it.
    NoOverride,
    /// The dimension's share overridden, in one of four bands (0–24, 25–49,
    /// 50–74, 75–100 %), so near overrides count as agreeing.
    Band(u8),
}

impl Rating {
    /// The band (0..=3) of an overridden share.
    pub fn band(score_pct: f64) -> Rating {
        Rating::Band(((score_pct.clamp(0.0, 100.0) / 25.0).floor() as u8).min(3))
    }

    /// As the CSV spells it: `agree`, `disagree`, `no_override`, `override_50_74`.
    pub fn name(self) -> String {
        match self {
            Rating::Agree => "agree".into(),
            Rating::Disagree => "disagree".into(),
            Rating::NoOverride => "no_override".into(),
            Rating::Band(band) => {
                let (from, to) = Rating::band_range(band);
                format!("override_{from}_{to}")
            }
        }
    }

    /// The percent range of a band: (0, 24), (25, 49), (50, 74), (75, 100).
    pub fn band_range(band: u8) -> (u32, u32) {
        let from = u32::from(band.min(3)) * 25;
        (from, if band >= 3 { 100 } else { from + 24 })
    }
}

/// What an item is about.
#[derive(Debug, Clone, PartialEq)]
pub enum ItemKind {
    /// A grader finding, with the grader's words for it (in the scenario's language).
    Finding { reference: FindingRef, explain: String },
    Dimension(Dimension),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    /// The scorecard's position in the round.
    pub scorecard: usize,
    pub kind: ItemKind,
    /// The grader's rating first, then each reviewer's in the round's order
    /// (`None`: that reviewer has not reviewed this scorecard in the round).
    pub ratings: Vec<Option<Rating>>,
    /// The share of agreeing pairs of raters (0..=1).
    pub agreement: Option<f64>,
}

impl Item {
    /// How many different ratings the item got.
    pub fn spread(&self) -> usize {
        let mut seen: Vec<Rating> = self.ratings.iter().flatten().copied().collect();
        seen.sort();
        seen.dedup();
        seen.len()
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct RoundReport {
    pub progress: Progress,
    /// The items, widest spread first (lowest agreement, then most distinct
    /// ratings), then in the round's order.
    pub items: Vec<Item>,
    /// The mean of the items' percent agreement.
    pub agreement: Option<f64>,
    /// Krippendorff's alpha (nominal) over every item, the grader a rater.
    pub alpha: Option<f64>,
    /// Positions of the round's scorecards that were not found as they were.
    pub missing: Vec<usize>,
}

/// The report of `round` from its scorecards (any of `cards`, matched by id and
/// seal) and every review found (only the round's count, each reviewer's latest).
pub fn report(round: &CalibrationRound, cards: &[&Scorecard], reviews: &[&ReviewCard]) -> RoundReport {
    let latest = round.latest_reviews(reviews);
    let mut items = Vec::new();
    let mut missing = Vec::new();
    for (position, wanted) in round.scorecards.iter().enumerate() {
        let Some(card) = cards.iter().find(|card| wanted.names(card)) else {
            missing.push(position);
            continue;
        };
        let by: Vec<Option<&ReviewCard>> = (0..round.reviewers.len()).map(|rater| latest.get(&(rater, position)).copied()).collect();
        for (reference, finding) in finding_ref::all(card) {
            let mut ratings = vec![Some(Rating::Agree)];
            ratings.extend(by.iter().map(|review| {
                review.map(|review| match review.judgement(&reference) {
                    Some(judgement) if judgement.stance == Stance::Disagree => Rating::Disagree,
                    _ => Rating::Agree,
                })
            }));
            items.push(Item { scorecard: position, kind: ItemKind::Finding { reference, explain: finding.explain.clone() }, ratings, agreement: None });
        }
        for dimension in card.grade.dimensions.keys().copied().filter(|d| *d != Dimension::Rules) {
            let mut ratings = vec![Some(Rating::NoOverride)];
            ratings.extend(by.iter().map(|review| {
                review.map(|review| match review.overrides.iter().find(|o| o.dimension == dimension) {
                    Some(o) => Rating::band(o.score_pct),
                    None => Rating::NoOverride,
                })
            }));
            items.push(Item { scorecard: position, kind: ItemKind::Dimension(dimension), ratings, agreement: None });
        }
    }
    for item in &mut items {
        item.agreement = percent_agreement(&item.ratings);
    }
    let alpha = alpha_nominal(&items.iter().map(|item| item.ratings.clone()).collect::<Vec<_>>());
    let shares: Vec<f64> = items.iter().filter_map(|item| item.agreement).collect();
    let agreement = (!shares.is_empty()).then(|| shares.iter().sum::<f64>() / shares.len() as f64);
    // Stable: equal items keep the round's order.
    items.sort_by(|a, b| {
        let key = |item: &Item| item.agreement.unwrap_or(2.0);
        key(a).total_cmp(&key(b)).then(b.spread().cmp(&a.spread()))
    });
    RoundReport { progress: round.progress(reviews), items, agreement, alpha, missing }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scorecard::calibration::tests::{review_by, round};
    use crate::scorecard::review_card::tests::card;
    use crate::scorecard::review_card::{DimensionOverride, Judgement};

    #[test]
    fn items_show_each_rater_and_the_widest_spread_comes_first() {
        let card = card();
        let round = round(&card);
        let mut a = review_by(&card, &round, "s01");
        let mut b = review_by(&card, &round, "s02");
        // s01 disagrees with the fact and overrides speed to 80; s02 agrees with all and overrides nothing.
        b.judgements = vec![Judgement { finding: FindingRef::parse("1:apologise").unwrap(), stance: Stance::Agree, reason: String::new() }];
        b.overrides.clear();
        a.overrides = vec![DimensionOverride { dimension: Dimension::Speed, score_pct: 80.0, reason: "网络".into() }];
        let report = report(&round, &[&card], &[&a, &b]);
        assert!(report.progress.complete());
        assert!(report.missing.is_empty());
        let findings = card.replies.iter().map(|r| r.findings.len()).sum::<usize>();
        assert_eq!(report.items.len(), findings + card.grade.dimensions.keys().filter(|d| **d != Dimension::Rules).count());
        let first = &report.items[0];
        assert_eq!(first.agreement, Some(1.0 / 3.0));
        let fact = report.items.iter().find(|i| matches!(&i.kind, ItemKind::Finding { reference, .. } if reference.rule.starts_with("fact:policy"))).unwrap();
        assert_eq!(fact.ratings, vec![Some(Rating::Agree), Some(Rating::Disagree), Some(Rating::Agree)]);
        let speed = report.items.iter().find(|i| i.kind == ItemKind::Dimension(Dimension::Speed)).unwrap();
        assert_eq!(speed.ratings, vec![Some(Rating::NoOverride), Some(Rating::Band(3)), Some(Rating::NoOverride)]);
        assert!(report.items.last().unwrap().agreement == Some(1.0));
        let alpha = report.alpha.unwrap();
        assert!(alpha > 0.0 && alpha < 1.0, "some disagreement, mostly agreement: {alpha}");
        // Without s02's review the item has two raters, and s02 is missing data.
        let half = super::report(&round, &[&card], &[&a]);
        assert_eq!(half.progress.submitted, 1);
        assert!(half.items.iter().all(|i| i.ratings[2].is_none()));
        // The scorecard not found: no items, and it is named.
        assert_eq!(super::report(&round, &[], &[&a, &b]).missing, vec![0]);
    }

    #[test]
    fn overrides_fall_in_quarter_bands() {
        assert_eq!(Rating::band(0.0), Rating::Band(0));
        assert_eq!(Rating::band(49.9), Rating::Band(1));
        assert_eq!(Rating::band(100.0), Rating::Band(3));
        assert_eq!(Rating::band(f64::NAN.max(0.0)), Rating::Band(0));
        assert_eq!(Rating::Band(2).name(), "override_50_74");
        assert_eq!(Rating::band_range(3), (75, 100));
    }
}
