//! What the reviews and disputes say about each scorecard, derived, never
//! stored: sealed records are not rewritten, so a scorecard's review state
//! (none, reviewed, signed off) and a dispute's state (open, accepted,
//! rejected) follow from which records exist. A review counts for the
//! scorecard it names by seal; one naming an older seal of the same record id
//! is stale (the scorecard changed since). A dispute is answered by a review
//! naming it (record id and seal) about the same scorecard; the latest such
//! review decides. `ReviewIndex` builds this once over a cohort (hash maps, so
//! 100,000 scorecards cost one pass) and answers per scorecard.

use super::Summary;
use super::dispute_card::DisputeCard;
use super::review_card::{Decision, DisputeAnswer, ReviewCard};
use std::collections::HashMap;

/// A scorecard's review state.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
pub enum ReviewState {
    /// No review names this scorecard as it is now.
    #[default]
    None,
    /// Reviewed, not signed off.
    Reviewed,
    /// At least one review signed it off.
    SignedOff,
}

impl ReviewState {
    /// As the CSV and the command line spell it: `none`, `reviewed`, `signed_off`.
    pub fn name(self) -> &'static str {
        match self {
            ReviewState::None => "none",
            ReviewState::Reviewed => "reviewed",
            ReviewState::SignedOff => "signed_off",
        }
    }

    pub fn label(self) -> crate::i18n::Msg {
        match self {
            ReviewState::None => crate::i18n::Msg::ReviewStateNone,
            ReviewState::Reviewed => crate::i18n::Msg::ReviewStateReviewed,
            ReviewState::SignedOff => crate::i18n::Msg::ReviewStateSignedOff,
        }
    }
}

/// A dispute's state, from the reviews that answer it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum DisputeState {
    Open,
    Accepted,
    Rejected,
}

impl DisputeState {
    /// As the CSV and the command line spell it: `open`, `accepted`, `rejected`.
    pub fn name(self) -> &'static str {
        match self {
            DisputeState::Open => "open",
            DisputeState::Accepted => "accepted",
            DisputeState::Rejected => "rejected",
        }
    }

    pub fn label(self) -> crate::i18n::Msg {
        match self {
            DisputeState::Open => crate::i18n::Msg::DisputeOpen,
            DisputeState::Accepted => crate::i18n::Msg::DisputeAccepted,
            DisputeState::Rejected => crate::i18n::Msg::DisputeRejected,
        }
    }
}

/// What the index knows of one scorecard.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct ReviewStatus {
    pub state: ReviewState,
    /// Reviews naming the scorecard as it is now.
    pub reviews: usize,
    /// Reviews of the same record id with another seal: the scorecard changed since.
    pub stale_reviews: usize,
    pub disputes: usize,
    pub open_disputes: usize,
    /// The deciding review's reviewed total and verdict (the latest signed-off
    /// review, else the latest one), shown beside the auto score.
    pub reviewed_total: Option<f64>,
    pub reviewed_passed: Option<bool>,
}

/// One dispute with its derived state and the review that decided it.
#[derive(Debug, Clone, Copy)]
pub struct DisputeEntry<'a, K> {
    pub key: K,
    pub dispute: &'a DisputeCard,
    pub state: DisputeState,
    /// The deciding review and its key, if any answers the dispute.
    pub answered_by: Option<(K, &'a ReviewCard)>,
}

impl<'a, K: Copy> DisputeEntry<'a, K> {
    /// The answer the trainee reads, once the dispute is decided.
    pub fn answer(&self) -> Option<&'a DisputeAnswer> {
        self.answered_by.and_then(|(_, review)| review.answers.as_ref())
    }
}

/// Reviews and disputes of a cohort, indexed by the scorecard they name.
/// `K` is how the caller finds a record again (a path for a data folder).
#[derive(Debug, Clone)]
pub struct ReviewIndex<'a, K> {
    reviews: Vec<(K, &'a ReviewCard)>,
    /// Scorecard seal → reviews (positions in `reviews`).
    by_seal: HashMap<&'a str, Vec<usize>>,
    /// Scorecard record id → the seals its reviews name.
    seals_by_id: HashMap<&'a str, Vec<&'a str>>,
    disputes: Vec<DisputeEntry<'a, K>>,
    /// Scorecard seal → disputes (positions in `disputes`).
    disputes_by_seal: HashMap<&'a str, Vec<usize>>,
}

/// Reviews in the order "later decides": by time (an untimed one first), then
/// as given.
fn latest<'a, K>(reviews: &[(K, &'a ReviewCard)], positions: impl Iterator<Item = usize>) -> Option<usize> {
    positions.max_by(|a, b| reviews[*a].1.when_utc.cmp(&reviews[*b].1.when_utc).then(a.cmp(b)))
}

impl<'a, K: Copy> ReviewIndex<'a, K> {
    pub fn build(reviews: impl IntoIterator<Item = (K, &'a ReviewCard)>, disputes: impl IntoIterator<Item = (K, &'a DisputeCard)>) -> Self {
        let reviews: Vec<(K, &'a ReviewCard)> = reviews.into_iter().collect();
        let mut by_seal: HashMap<&'a str, Vec<usize>> = HashMap::new();
        let mut seals_by_id: HashMap<&'a str, Vec<&'a str>> = HashMap::new();
        // A dispute's (record id, seal) → the reviews answering it.
        let mut answering: HashMap<(&'a str, &'a str), Vec<usize>> = HashMap::new();
        for (position, (_, review)) in reviews.iter().enumerate() {
            by_seal.entry(review.scorecard.seal.as_str()).or_default().push(position);
            seals_by_id.entry(review.scorecard.id.as_str()).or_default().push(review.scorecard.seal.as_str());
            if let Some(answer) = &review.answers {
                answering.entry((answer.dispute.id.as_str(), answer.dispute.seal.as_str())).or_default().push(position);
            }
        }
        let mut entries = Vec::new();
        let mut disputes_by_seal: HashMap<&'a str, Vec<usize>> = HashMap::new();
        for (key, dispute) in disputes {
            let (id, seal) = (dispute.record_id(), dispute.seal());
            // Only a review of the same scorecard answers it.
            let answers = answering
                .get(&(id.as_str(), seal.as_str()))
                .into_iter()
                .flatten()
                .copied()
                .filter(|p| reviews[*p].1.scorecard.seal == dispute.scorecard.seal);
            let decided = latest(&reviews, answers);
            let state = match decided.and_then(|p| reviews[p].1.answers.as_ref()).map(|a| a.decision) {
                None => DisputeState::Open,
                Some(Decision::Accepted) => DisputeState::Accepted,
                Some(Decision::Rejected) => DisputeState::Rejected,
            };
            disputes_by_seal.entry(dispute.scorecard.seal.as_str()).or_default().push(entries.len());
            entries.push(DisputeEntry { key, dispute, state, answered_by: decided.map(|p| reviews[p]) });
        }
        ReviewIndex { reviews, by_seal, seals_by_id, disputes: entries, disputes_by_seal }
    }

    /// The reviews of the scorecard with this seal, in the order given.
    pub fn reviews_of(&self, seal: &str) -> Vec<(K, &'a ReviewCard)> {
        self.by_seal.get(seal).into_iter().flatten().map(|p| self.reviews[*p]).collect()
    }

    /// The review that decides the reviewed score shown: the latest signed-off
    /// one, else the latest one.
    pub fn deciding(&self, seal: &str) -> Option<(K, &'a ReviewCard)> {
        let positions = self.by_seal.get(seal)?;
        let signed = latest(&self.reviews, positions.iter().copied().filter(|p| self.reviews[*p].1.signed_off));
        signed.or_else(|| latest(&self.reviews, positions.iter().copied())).map(|p| self.reviews[p])
    }

    /// The disputes of the scorecard with this seal, with their states.
    pub fn disputes_of(&self, seal: &str) -> Vec<DisputeEntry<'a, K>> {
        self.disputes_by_seal.get(seal).into_iter().flatten().map(|p| self.disputes[*p]).collect()
    }

    /// Every dispute with its state, in the order given (the supervisor's queue).
    pub fn disputes(&self) -> &[DisputeEntry<'a, K>] {
        &self.disputes
    }

    /// Every review, in the order given.
    pub fn reviews(&self) -> &[(K, &'a ReviewCard)] {
        &self.reviews
    }

    /// The status of the scorecard with this record id and seal.
    pub fn status(&self, id: &str, seal: &str) -> ReviewStatus {
        let reviews = self.by_seal.get(seal).map_or(0, Vec::len);
        let signed = self.by_seal.get(seal).into_iter().flatten().any(|p| self.reviews[*p].1.signed_off);
        let stale_reviews = self.seals_by_id.get(id).into_iter().flatten().filter(|s| **s != seal).count();
        let disputes = self.disputes_of(seal);
        let deciding = self.deciding(seal).map(|(_, review)| review);
        ReviewStatus {
            state: match (reviews, signed) {
                (0, _) => ReviewState::None,
                (_, false) => ReviewState::Reviewed,
                (_, true) => ReviewState::SignedOff,
            },
            reviews,
            stale_reviews,
            disputes: disputes.len(),
            open_disputes: disputes.iter().filter(|d| d.state == DisputeState::Open).count(),
            reviewed_total: deciding.map(|r| r.score.reviewed),
            reviewed_passed: deciding.and_then(|r| r.score.reviewed_passed),
        }
    }

    /// The status of a scorecard from its summary (`Summary::seal`, `Summary::record_id`).
    pub fn status_of(&self, summary: &Summary) -> ReviewStatus {
        self.status(&summary.record_id(), &summary.seal)
    }

    /// The derived state of one dispute (found by its record id and seal).
    pub fn dispute_state(&self, dispute: &DisputeCard) -> Option<DisputeEntry<'a, K>> {
        let seal = dispute.seal();
        self.disputes_of(&dispute.scorecard.seal).into_iter().find(|entry| entry.dispute.seal() == seal)
    }
}
