//! What makes a review valid against its scorecard, written once for the
//! builder (which refuses a bad draft with a `ReviewError` saying what to fix)
//! and for `verify` (which names the field of a review that breaks a rule,
//! since a valid review never does). Pure: the review and the scorecard in,
//! the problems out.

use super::dispute_card::DisputeCard;
use super::finding_ref::FindingRef;
use super::review_card::{Decision, ReviewCard, Stance};
use super::reviewed_score::Changes;
use super::review_card::ReviewScore;
use super::Scorecard;
use crate::grading::Dimension;
use crate::text::Quoted;

/// The most points an added finding may give or take: a whole reply's score.
pub const MAX_ADDED_POINTS: f64 = 100.0;

/// Why a review cannot be made as drafted; each says what to do.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ReviewError {
    #[error("the reviewer's name and id are both required")]
    NoReviewer,
    #[error("finding {reference}: the scorecard has no such finding; `kefu review show` lists them")]
    NoSuchFinding { reference: FindingRef },
    #[error("finding {reference} is judged twice; give one judgement per finding")]
    JudgedTwice { reference: FindingRef },
    #[error("finding {reference}: say why you disagree (a reason is required)")]
    NoReason { reference: FindingRef },
    #[error("added finding {number}: the scorecard has answers 1 to {replies}, not {reply}")]
    NoSuchAnswer { number: usize, reply: usize, replies: usize },
    #[error("added finding {number}: the transcript has lines 1 to {lines}, not {line}")]
    NoSuchLine { number: usize, line: usize, lines: usize },
    #[error("added finding {number}: name the rule or describe what the grader missed")]
    NoRule { number: usize },
    #[error("added finding {number}: points must be a number from -{MAX_ADDED_POINTS} to {MAX_ADDED_POINTS}")]
    PointsOutOfRange { number: usize },
    #[error("override of {}: only accuracy, steps, tone, speed and actions can be overridden", .dimension.name())]
    NotOverridable { dimension: Dimension },
    #[error("override of {}: the scorecard has no points in this dimension to override", .dimension.name())]
    NothingToOverride { dimension: Dimension },
    #[error("override of {}: given twice; give one score per dimension", .dimension.name())]
    OverriddenTwice { dimension: Dimension },
    #[error("override of {}: the score must be a percentage from 0 to 100", .dimension.name())]
    ScoreOutOfRange { dimension: Dimension },
    #[error("override of {}: say why (a reason is required)", .dimension.name())]
    NoOverrideReason { dimension: Dimension },
    #[error("the dispute is about another scorecard ({}), not this one", Quoted(.other))]
    DisputeElsewhere { other: String },
    #[error("the dispute names finding {reference}, which this scorecard does not have")]
    DisputedFindingGone { reference: FindingRef },
    #[error("accepting the dispute of finding {reference} means disagreeing with it: add --disagree {reference}=REASON or give --accept REASON")]
    AcceptWithoutDisagreeing { reference: FindingRef },
    #[error("rejecting the dispute of finding {reference} needs a written answer for the trainee")]
    RejectWithoutAnswer { reference: FindingRef },
    #[error("rejecting the dispute of finding {reference} means the finding stands, but the review disagrees with it: accept the dispute instead, or drop --disagree {reference}")]
    RejectButDisagree { reference: FindingRef },
    #[error("the reviewed score does not follow from the review")]
    ScoreMismatch,
}

fn blank(text: &str) -> bool {
    text.trim().is_empty()
}

/// A dispute a review may answer: about this very scorecard, and a finding it has.
pub fn dispute_fits(card: &Scorecard, dispute: &DisputeCard) -> Result<(), ReviewError> {
    if !dispute.scorecard.names(card) {
        return Err(ReviewError::DisputeElsewhere { other: dispute.scorecard.id.clone() });
    }
    if dispute.finding.resolve(card).is_none() {
        return Err(ReviewError::DisputedFindingGone { reference: dispute.finding.clone() });
    }
    Ok(())
}

/// Every rule `review` breaks against `card`, each with the field it is in
/// (`judgements[2]`, `overrides[0]`, `score`), in the record's order.
pub fn problems(card: &Scorecard, review: &ReviewCard) -> Vec<(String, ReviewError)> {
    let mut found = Vec::new();
    if blank(&review.reviewer.name) || blank(&review.reviewer.id) {
        found.push(("reviewer".to_string(), ReviewError::NoReviewer));
    }
    let mut judged = std::collections::BTreeSet::new();
    for (index, judgement) in review.judgements.iter().enumerate() {
        let field = format!("judgements[{index}]");
        let reference = judgement.finding.clone();
        if judgement.finding.resolve(card).is_none() {
            found.push((field, ReviewError::NoSuchFinding { reference }));
        } else if !judged.insert(&judgement.finding) {
            found.push((field, ReviewError::JudgedTwice { reference }));
        } else if judgement.stance == Stance::Disagree && blank(&judgement.reason) {
            found.push((field, ReviewError::NoReason { reference }));
        }
    }
    for (index, added) in review.added.iter().enumerate() {
        let (field, number) = (format!("added[{index}]"), index + 1);
        if added.reply == 0 || added.reply > card.replies.len() {
            found.push((field, ReviewError::NoSuchAnswer { number, reply: added.reply, replies: card.replies.len() }));
        } else if let Some(line) = added.message.filter(|line| *line >= card.transcript.len()) {
            found.push((field, ReviewError::NoSuchLine { number, line: line + 1, lines: card.transcript.len() }));
        } else if blank(&added.rule) {
            found.push((field, ReviewError::NoRule { number }));
        } else if !added.points.is_finite() || added.points.abs() > MAX_ADDED_POINTS {
            found.push((field, ReviewError::PointsOutOfRange { number }));
        }
    }
    let mut overridden = std::collections::BTreeSet::new();
    for (index, over) in review.overrides.iter().enumerate() {
        let (field, dimension) = (format!("overrides[{index}]"), over.dimension);
        let scored = card.grade.dimensions.get(&dimension).is_some_and(|total| total.possible > 0.0);
        let error = if dimension == Dimension::Rules {
            Some(ReviewError::NotOverridable { dimension })
        } else if !scored {
            Some(ReviewError::NothingToOverride { dimension })
        } else if !overridden.insert(dimension) {
            Some(ReviewError::OverriddenTwice { dimension })
        } else if !(0.0..=100.0).contains(&over.score_pct) {
            Some(ReviewError::ScoreOutOfRange { dimension })
        } else if blank(&over.reason) {
            Some(ReviewError::NoOverrideReason { dimension })
        } else {
            None
        };
        found.extend(error.map(|error| (field, error)));
    }
    if let Some(answer) = &review.answers {
        let reference = answer.finding.clone();
        let disagrees = review.judgement(&reference).is_some_and(|j| j.stance == Stance::Disagree);
        if answer.finding.resolve(card).is_none() {
            found.push(("answers".into(), ReviewError::DisputedFindingGone { reference }));
        } else if answer.decision == Decision::Accepted && !disagrees {
            found.push(("answers".into(), ReviewError::AcceptWithoutDisagreeing { reference }));
        } else if answer.decision == Decision::Rejected && blank(&answer.answer) {
            found.push(("answers".into(), ReviewError::RejectWithoutAnswer { reference }));
        } else if answer.decision == Decision::Rejected && disagrees {
            found.push(("answers".into(), ReviewError::RejectButDisagree { reference }));
        }
    }
    let changes = Changes { judgements: &review.judgements, added: &review.added, overrides: &review.overrides };
    if ReviewScore::of(card, changes) != review.score {
        found.push(("score".into(), ReviewError::ScoreMismatch));
    }
    found
}
