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
fn latest<K>(reviews: &[(K, &ReviewCard)], positions: impl Iterator<Item = usize>) -> Option<usize> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scorecard::review_card::tests::{card, draft};
    use crate::scorecard::{FindingRef, Scorecard};

    fn review(card: &Scorecard, when: &str, signed_off: bool) -> ReviewCard {
        let mut draft = draft();
        draft.when_utc = Some(when.into());
        draft.signed_off = signed_off;
        ReviewCard::new(card, draft).unwrap()
    }

    #[test]
    fn a_scorecard_is_unreviewed_then_reviewed_then_signed_off() {
        let card = card();
        let (id, seal) = (card.record_id(), card.seal());
        let none: ReviewIndex<'_, usize> = ReviewIndex::build([], []);
        assert_eq!(none.status(&id, &seal), ReviewStatus::default());
        let draft_review = review(&card, "2026-11-24T10:00:00Z", false);
        let reviewed = ReviewIndex::build([(0, &draft_review)], []);
        let status = reviewed.status(&id, &seal);
        assert_eq!((status.state, status.reviews), (ReviewState::Reviewed, 1));
        assert_eq!(status.reviewed_total, Some(draft_review.score.reviewed));
        let signed = review(&card, "2026-11-25T10:00:00Z", true);
        let both = ReviewIndex::build([(0, &draft_review), (1, &signed)], []);
        assert_eq!(both.status(&id, &seal).state, ReviewState::SignedOff);
        assert_eq!(both.deciding(&seal).map(|(key, _)| key), Some(1));
        // The scorecard changed since: its reviews are stale, it is unreviewed as it is now.
        let mut changed = card.clone();
        changed.grade.total = 50.0;
        let status = both.status(&changed.record_id(), &changed.seal());
        assert_eq!((status.state, status.stale_reviews), (ReviewState::None, 2));
    }

    #[test]
    fn a_dispute_is_open_until_a_review_of_its_scorecard_answers_it() {
        let card = card();
        let finding = FindingRef::parse("2:fact:policy.return_shipping_payer(WrongItem)").unwrap();
        let dispute = DisputeCard::new(&card, finding, "我说对了", Some("2026-11-23T12:00:00Z".into())).unwrap();
        let open = ReviewIndex::build([], [("d", &dispute)]);
        assert_eq!(open.status(&card.record_id(), &card.seal()).open_disputes, 1);
        assert_eq!(open.dispute_state(&dispute).map(|e| e.state), Some(DisputeState::Open));
        let answering = |decision, answer: &str, when: &str| {
            let mut draft = draft();
            draft.when_utc = Some(when.into());
            if decision == Decision::Rejected {
                draft.judgements.pop();
            }
            draft.answers = Some((dispute.clone(), decision, answer.into()));
            ReviewCard::new(&card, draft).unwrap()
        };
        let rejected = answering(Decision::Rejected, "运费由买家承担", "2026-11-24T10:00:00Z");
        let accepted = answering(Decision::Accepted, "", "2026-11-25T10:00:00Z");
        let index = ReviewIndex::build([("r1", &rejected)], [("d", &dispute)]);
        let entry = index.dispute_state(&dispute).unwrap();
        assert_eq!((entry.state, entry.answer().map(|a| a.answer.as_str())), (DisputeState::Rejected, Some("运费由买家承担")));
        assert_eq!(index.status(&card.record_id(), &card.seal()).open_disputes, 0);
        // The later answer decides, in whatever order the records come.
        let index = ReviewIndex::build([("r2", &accepted), ("r1", &rejected)], [("d", &dispute)]);
        assert_eq!(index.dispute_state(&dispute).map(|e| (e.state, e.answered_by.map(|(k, _)| k))), Some((DisputeState::Accepted, Some("r2"))));
        // A review of another version of the scorecard does not answer it.
        let mut other = accepted.clone();
        other.scorecard.seal = "0".repeat(64);
        let index = ReviewIndex::build([("r", &other)], [("d", &dispute)]);
        assert_eq!(index.dispute_state(&dispute).map(|e| e.state), Some(DisputeState::Open));
    }
}
