//! A calibration round (`"kind": "calibration"`): a supervisor picks
//! scorecards and names the reviewers; each reviews every scorecard blind, and
//! the round's report (`calibration_report`) shows how far they and the grader
//! agree. The round is a sealed record of its own (saved in
//! `<data>/calibration/`); a review made in it carries the round's id
//! (`ReviewCard::round`). Progress and blindness are derived from which
//! reviews exist, never stored.

use super::review_card::{ReviewCard, Reviewer, ScorecardRef};
use super::verify::Verdict;
use super::{SCHEMA_VERSION, Scorecard, hash};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// The value of `kind` that tells a round from the other records.
pub const CALIBRATION_KIND: &str = "calibration";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CalibrationRound {
    pub schema_version: u32,
    /// Always `calibration`.
    pub kind: String,
    /// What the organiser called it ("12 月校准").
    pub name: String,
    /// The supervisor who set it up.
    pub organiser: Reviewer,
    /// RFC 3339, UTC; `None` for scripted runs.
    #[serde(default)]
    pub when_utc: Option<String>,
    pub app_version: String,
    /// The scorecards every reviewer reviews, by record id and seal.
    pub scorecards: Vec<ScorecardRef>,
    pub reviewers: Vec<Reviewer>,
    pub digests: BTreeMap<String, String>,
}

/// Why a round cannot be made as asked.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RoundError {
    #[error("give the round a name")]
    NoName,
    #[error("name the organiser (a name and an id)")]
    NoOrganiser,
    #[error("a round needs at least two reviewers to compare")]
    TooFewReviewers,
    #[error("reviewer {0}: give a name and an id (NAME:ID)")]
    BlankReviewer(String),
    #[error("reviewer id {0} is named twice")]
    ReviewerTwice(String),
    #[error("pick at least one scorecard")]
    NoScorecards,
    #[error("scorecard {0} is picked twice")]
    ScorecardTwice(String),
}

impl RoundError {
    /// The problem in the reader's words (the app's notice).
    #[cfg_attr(not(feature = "gui"), allow(dead_code))] // only the app shows it
    pub fn label(&self) -> crate::i18n::Msg {
        use crate::i18n::Msg;
        match self {
            RoundError::NoName => Msg::CalibNeedName,
            RoundError::NoOrganiser => Msg::CalibNeedOrganiser,
            RoundError::TooFewReviewers | RoundError::BlankReviewer(_) | RoundError::ReviewerTwice(_) => Msg::CalibNeedReviewers,
            RoundError::NoScorecards | RoundError::ScorecardTwice(_) => Msg::CalibNeedScorecards,
        }
    }
}

/// A person written `NAME:ID` (the id after the last colon, so a name may
/// hold one), as the command line and the app's form take reviewers.
pub fn person(text: &str) -> Option<Reviewer> {
    let (name, id) = text.trim().rsplit_once([':', '：'])?;
    let (name, id) = (name.trim(), id.trim());
    (!name.is_empty() && !id.is_empty()).then(|| Reviewer { name: name.into(), id: id.into() })
}

/// How far a round has come: reviewers who reviewed every scorecard, of all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub submitted: usize,
    pub reviewers: usize,
}

impl Progress {
    pub fn complete(&self) -> bool {
        self.submitted == self.reviewers
    }
}

impl CalibrationRound {
    /// A sealed round over `cards` for `reviewers`, or what is wrong with it.
    pub fn new(name: &str, organiser: Reviewer, when_utc: Option<String>, cards: &[&Scorecard], reviewers: Vec<Reviewer>) -> Result<CalibrationRound, RoundError> {
        let name = name.trim();
        if name.is_empty() {
            return Err(RoundError::NoName);
        }
        let organiser = Reviewer { name: organiser.name.trim().into(), id: organiser.id.trim().into() };
        if organiser.name.is_empty() || organiser.id.is_empty() {
            return Err(RoundError::NoOrganiser);
        }
        let mut ids = BTreeSet::new();
        let mut named = Vec::new();
        for reviewer in reviewers {
            let reviewer = Reviewer { name: reviewer.name.trim().into(), id: reviewer.id.trim().into() };
            if reviewer.name.is_empty() || reviewer.id.is_empty() {
                return Err(RoundError::BlankReviewer(format!("{}:{}", reviewer.name, reviewer.id)));
            }
            if !ids.insert(reviewer.id.clone()) {
                return Err(RoundError::ReviewerTwice(reviewer.id));
            }
            named.push(reviewer);
        }
        if named.len() < 2 {
            return Err(RoundError::TooFewReviewers);
        }
        if cards.is_empty() {
            return Err(RoundError::NoScorecards);
        }
        let mut seen = BTreeSet::new();
        for card in cards {
            if !seen.insert(card.record_id()) {
                return Err(RoundError::ScorecardTwice(card.record_id()));
            }
        }
        let mut round = CalibrationRound {
            schema_version: SCHEMA_VERSION,
            kind: CALIBRATION_KIND.into(),
            name: name.into(),
            organiser,
            when_utc,
            app_version: env!("CARGO_PKG_VERSION").to_string(),
            scorecards: cards.iter().map(|card| ScorecardRef::of(card)).collect(),
            reviewers: named,
            digests: BTreeMap::new(),
        };
        round.digests = round.field_digests();
        Ok(round)
    }

    /// Digests of every field, one per scorecard and reviewer.
    pub fn field_digests(&self) -> BTreeMap<String, String> {
        hash::Seals::new()
            .field("kind", &self.kind)
            .field("name", &self.name)
            .field("organiser", &self.organiser)
            .field("when_utc", &self.when_utc)
            .field("app_version", &self.app_version)
            .list("scorecards", &self.scorecards)
            .list("reviewers", &self.reviewers)
            .done()
    }

    pub fn seal(&self) -> String {
        hash::seal_of(&self.field_digests())
    }

    /// `<when>-<organiser>-calibration-<name>-<n>.json`, `n` from the seal.
    pub fn file_name(&self) -> String {
        let seed = u64::from_str_radix(self.seal().get(..15).unwrap_or("0"), 16).unwrap_or(0);
        super::file_name(self.when_utc.as_deref(), &self.organiser.id, &format!("calibration-{}", self.name), seed)
    }

    /// The round's id: its file name without `.json`, what its reviews carry.
    pub fn id(&self) -> String {
        super::record_id(&self.file_name())
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Whether the round has this reviewer and this scorecard (as it is now).
    pub fn admits(&self, reviewer_id: &str, card: &Scorecard) -> bool {
        self.reviewers.iter().any(|r| r.id == reviewer_id) && self.scorecards.iter().any(|s| s.names(card))
    }

    /// Each reviewer's latest review of each of the round's scorecards made in
    /// this round: (reviewer index, scorecard index) → review.
    pub fn latest_reviews<'a>(&self, reviews: &[&'a ReviewCard]) -> BTreeMap<(usize, usize), &'a ReviewCard> {
        let id = self.id();
        let mut latest: BTreeMap<(usize, usize), &'a ReviewCard> = BTreeMap::new();
        for review in reviews.iter().copied().filter(|r| r.round.as_deref() == Some(id.as_str())) {
            let Some(rater) = self.reviewers.iter().position(|r| r.id == review.reviewer.id) else { continue };
            let Some(item) = self.scorecards.iter().position(|s| s.id == review.scorecard.id && s.seal == review.scorecard.seal) else { continue };
            let later = |old: &ReviewCard| (&review.when_utc, review.record_id()) > (&old.when_utc, old.record_id());
            if latest.get(&(rater, item)).is_none_or(|old| later(old)) {
                latest.insert((rater, item), review);
            }
        }
        latest
    }

    /// Reviewers who reviewed every scorecard of the round, of all.
    pub fn progress(&self, reviews: &[&ReviewCard]) -> Progress {
        let latest = self.latest_reviews(reviews);
        let submitted = (0..self.reviewers.len()).filter(|rater| (0..self.scorecards.len()).all(|item| latest.contains_key(&(*rater, item)))).count();
        Progress { submitted, reviewers: self.reviewers.len() }
    }
}

/// Reads a round's JSON; anything else (another record kind, a newer schema)
/// is a `ReadError` that says what it is.
pub fn read_round(json: &str) -> Result<CalibrationRound, super::ReadError> {
    #[derive(Deserialize)]
    struct Header {
        #[serde(default)]
        kind: Option<serde_json::Value>,
        #[serde(default)]
        schema_version: Option<serde_json::Value>,
    }
    let header: Header = serde_json::from_str(json)
        .map_err(|e| super::ReadError::NotJson { line: e.line(), column: e.column(), message: super::verify::clip_chars(&e.to_string(), 400) })?;
    if header.kind.as_ref().and_then(|k| k.as_str()) != Some(CALIBRATION_KIND) {
        return Err(super::ReadError::NotAScorecard("not a calibration round".into()));
    }
    let version = header.schema_version.as_ref().and_then(|v| v.as_u64()).unwrap_or(0) as u32;
    if version > SCHEMA_VERSION {
        return Err(super::ReadError::TooNew(version));
    }
    serde_json::from_str(json).map_err(|e| super::ReadError::NotAScorecard(super::verify::clip_chars(&e.to_string(), 400)))
}

/// A round checked against its seals: `Edited` names the fields changed by hand.
pub fn verify_round(round: &CalibrationRound) -> Verdict {
    let now = round.field_digests();
    let mut edited: Vec<String> = round.digests.iter().filter(|(field, digest)| now.get(*field) != Some(digest)).map(|(f, _)| f.clone()).collect();
    edited.extend(now.keys().filter(|field| !round.digests.contains_key(*field)).cloned());
    if round.kind != CALIBRATION_KIND {
        edited.push("kind".into());
    }
    if edited.is_empty() { Verdict::Ok } else { Verdict::Edited(super::verify::capped(edited)) }
}

/// The reviews `viewer` (a reviewer's id; `None` for someone who is no
/// reviewer, such as a report) may see. A review made in a round is blind: it
/// is hidden from everyone but its own reviewer until the viewer has submitted
/// their own review of that scorecard in that round, or every reviewer of the
/// round has (then the round's report is open to all). A review of no round is
/// always visible; one of a round not among `rounds` stays hidden from others
/// until the viewer has submitted in it.
pub fn visible_reviews<'a, K: Copy>(rounds: &[&CalibrationRound], viewer: Option<&str>, reviews: &[(K, &'a ReviewCard)]) -> Vec<(K, &'a ReviewCard)> {
    // (round id, reviewer id, scorecard seal) of every round review.
    let submitted: BTreeSet<(&str, &str, &str)> = reviews
        .iter()
        .filter_map(|(_, r)| r.round.as_deref().map(|round| (round, r.reviewer.id.as_str(), r.scorecard.seal.as_str())))
        .collect();
    let ids: Vec<(String, &CalibrationRound)> = rounds.iter().map(|round| (round.id(), *round)).collect();
    let everyone_in = |round_id: &str, seal: &str| {
        ids.iter().find(|(id, _)| id == round_id).is_some_and(|(_, round)| round.reviewers.iter().all(|r| submitted.contains(&(round_id, r.id.as_str(), seal))))
    };
    reviews
        .iter()
        .copied()
        .filter(|(_, review)| match review.round.as_deref() {
            None => true,
            Some(round) => {
                let seal = review.scorecard.seal.as_str();
                viewer == Some(review.reviewer.id.as_str())
                    || viewer.is_some_and(|v| submitted.contains(&(round, v, seal)))
                    || everyone_in(round, seal)
            }
        })
        .collect()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::scorecard::review_card::tests::{card, draft};

    pub(crate) fn reviewer(name: &str, id: &str) -> Reviewer {
        Reviewer { name: name.into(), id: id.into() }
    }

    pub(crate) fn round(card: &Scorecard) -> CalibrationRound {
        let reviewers = vec![reviewer("张主管", "s01"), reviewer("李主管", "s02")];
        CalibrationRound::new("12 月校准", reviewer("王经理", "m01"), Some("2026-12-01T09:00:00Z".into()), &[card], reviewers).unwrap()
    }

    pub(crate) fn review_by(card: &Scorecard, round: &CalibrationRound, id: &str) -> ReviewCard {
        let mut draft = draft();
        draft.reviewer = reviewer(id, id);
        ReviewCard::new_in_round(card, draft, round.id()).unwrap()
    }

    #[test]
    fn a_round_is_sealed_named_and_checked() {
        let card = card();
        let round = round(&card);
        assert_eq!(verify_round(&round), Verdict::Ok);
        assert!(round.id().starts_with("2026-12-01T09_00_00Z-m01-calibration-12_20_月校准-"), "{}", round.id());
        assert_eq!(read_round(&round.to_json()), Ok(round.clone()));
        assert!(read_round(include_str!("../../tests/fixtures/review-v2.json")).is_err(), "a review is no round");
        assert!(matches!(read_round("{"), Err(crate::scorecard::ReadError::NotJson { .. })));
        let mut edited = round.clone();
        edited.reviewers.pop();
        assert_eq!(verify_round(&edited), Verdict::Edited(vec!["reviewers.len".into(), "reviewers[1]".into()]));
        let one = vec![reviewer("张主管", "s01")];
        assert_eq!(CalibrationRound::new("x", reviewer("a", "m"), None, &[&card], one.clone()), Err(RoundError::TooFewReviewers));
        let twice = vec![reviewer("张主管", "s01"), reviewer("张", "s01")];
        assert_eq!(CalibrationRound::new("x", reviewer("a", "m"), None, &[&card], twice), Err(RoundError::ReviewerTwice("s01".into())));
        let both = vec![reviewer("张主管", "s01"), reviewer("李", "s02")];
        assert_eq!(CalibrationRound::new(" ", reviewer("a", "m"), None, &[&card], both.clone()), Err(RoundError::NoName));
        assert_eq!(CalibrationRound::new("x", reviewer("a", "m"), None, &[], both.clone()), Err(RoundError::NoScorecards));
        assert!(matches!(CalibrationRound::new("x", reviewer("a", "m"), None, &[&card, &card], both), Err(RoundError::ScorecardTwice(_))));
        assert!(round.admits("s01", &card) && !round.admits("s09", &card));
        assert_eq!(person(" 张主管：s01 "), Some(reviewer("张主管", "s01")), "a full-width colon, as a Chinese IME types it");
        assert_eq!(person("a:b:c"), Some(reviewer("a:b", "c")));
        assert_eq!(person("张主管"), None);
        assert_eq!(person(":s01"), None);
    }

    #[test]
    fn reviews_stay_blind_until_the_viewer_has_submitted() {
        let card = card();
        let round = round(&card);
        let (a, b) = (review_by(&card, &round, "s01"), review_by(&card, &round, "s02"));
        let plain = ReviewCard::new(&card, draft()).unwrap();
        let seen = |viewer: Option<&str>, reviews: &[(usize, &ReviewCard)]| -> Vec<usize> {
            visible_reviews(&[&round], viewer, reviews).into_iter().map(|(k, _)| k).collect()
        };
        // Only s01 has submitted: s02 and the organiser see none of the round's reviews.
        let only_a = [(0, &a), (2, &plain)];
        assert_eq!(seen(Some("s01"), &only_a), vec![0, 2]);
        assert_eq!(seen(Some("s02"), &only_a), vec![2]);
        assert_eq!(seen(None, &only_a), vec![2]);
        assert_eq!(round.progress(&[&a]), Progress { submitted: 1, reviewers: 2 });
        // Both submitted: everyone sees both.
        let both = [(0, &a), (1, &b), (2, &plain)];
        assert_eq!(seen(Some("s02"), &both), vec![0, 1, 2]);
        assert_eq!(seen(None, &both), vec![0, 1, 2]);
        assert!(round.progress(&[&a, &b]).complete());
        // A round not known: hidden from others until they submit in it.
        assert_eq!(visible_reviews(&[], None, &both).len(), 1);
        assert_eq!(visible_reviews(&[], Some("s02"), &both).len(), 3);
    }
}
