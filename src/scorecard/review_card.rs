//! A supervisor's review of one scenario scorecard (`"kind": "review"`): a
//! record of the same family, saved apart from the scorecard, which it never
//! changes. It names the scorecard by its record id and its seal (so a
//! scorecard changed since is told apart from an edited review), carries the
//! reviewer and the time, per-finding judgements (agree, or disagree with a
//! reason), findings the grader missed, dimension overrides, a comment, the
//! sign-off, and, when it answers a trainee's dispute, the decision. Its
//! reviewed score (`reviewed_score`) is stored beside the auto score and
//! recomputed by `verify`; its own seals catch a hand edit.

use super::dispute_card::DisputeCard;
use super::finding_ref::FindingRef;
use super::review_check::{self, ReviewError};
use super::reviewed_score::{self, Changes};
use super::{SCHEMA_VERSION, ScenarioInfo, Scorecard, Trainee, hash};
use crate::grading::Dimension;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The value of `kind` that tells a review from the other records.
pub const REVIEW_KIND: &str = "review";

/// Who reviewed: a supervisor's name and id (employee number).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reviewer {
    pub name: String,
    pub id: String,
}

/// The scorecard a review or a dispute is about: its record id and seal, with
/// enough of it (trainee, scenario, time, seed) to list and export the review
/// without reading the scorecard again.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScorecardRef {
    /// The scorecard's record id: its file name without `.json`
    /// (`Scorecard::record_id`), the same however many copies there are.
    pub id: String,
    /// `Scorecard::seal`: a SHA-256 over the scorecard's seals, recomputed
    /// from its fields, so any change to it (even one resealed by hand) shows.
    pub seal: String,
    pub trainee: Trainee,
    pub when_utc: Option<String>,
    pub scenario: ScenarioInfo,
    pub seed: u64,
}

impl ScorecardRef {
    pub fn of(card: &Scorecard) -> ScorecardRef {
        ScorecardRef {
            id: card.record_id(),
            seal: card.seal(),
            trainee: card.trainee.clone(),
            when_utc: card.when_utc.clone(),
            scenario: card.scenario.clone(),
            seed: card.seed,
        }
    }

    /// Whether `card` is the very scorecard this names (same id, same seal).
    pub fn names(&self, card: &Scorecard) -> bool {
        self.id == card.record_id() && self.seal == card.seal()
    }
}

/// The reviewer's view of one finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Stance {
    #[serde(rename = "agree")]
    Agree,
    /// The grader was wrong here; a reason is required.
    #[serde(rename = "disagree")]
    Disagree,
}

impl Stance {
    pub fn name(self) -> &'static str {
        match self {
            Stance::Agree => "agree",
            Stance::Disagree => "disagree",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Judgement {
    pub finding: FindingRef,
    pub stance: Stance,
    /// Why; required (not blank) when disagreeing.
    pub reason: String,
}

/// A finding the grader missed, added by the reviewer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AddedFinding {
    /// The answer it belongs to, from 1.
    pub reply: usize,
    /// The transcript line it is about, from 0 as a finding's span counts it; `None` for the answer as a whole.
    pub message: Option<usize>,
    /// A rule id (`apologise`) or a short description ("grader missed the apology").
    pub rule: String,
    pub dimension: Dimension,
    /// Points on the reply's 100-point scale, as the grader's findings: negative for a fault missed.
    pub points: f64,
    pub comment: String,
}

/// A dimension's share set by the reviewer (accuracy, steps, tone, speed, actions).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DimensionOverride {
    pub dimension: Dimension,
    /// 0..=100, the dimension's share as the reports show it.
    pub score_pct: f64,
    pub reason: String,
}

/// A dispute's decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Decision {
    /// The trainee was right: the review disagrees with the disputed finding.
    #[serde(rename = "accepted")]
    Accepted,
    /// The finding stands; the answer says why.
    #[serde(rename = "rejected")]
    Rejected,
}

impl Decision {
    pub fn name(self) -> &'static str {
        match self {
            Decision::Accepted => "accepted",
            Decision::Rejected => "rejected",
        }
    }
}

/// A record a review answers (a dispute): its record id and seal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordLink {
    pub id: String,
    pub seal: String,
}

/// A review's answer to a trainee's dispute.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DisputeAnswer {
    pub dispute: RecordLink,
    /// The finding disputed (the dispute's own reference, kept for lists).
    pub finding: FindingRef,
    pub decision: Decision,
    /// What the trainee reads; required when rejecting.
    pub answer: String,
}

/// The auto score beside the reviewed one. The auto numbers are the
/// scorecard's, copied for lists; the reviewed ones follow from the review.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReviewScore {
    pub auto: f64,
    pub auto_passed: Option<bool>,
    pub pass_mark: f64,
    pub reviewed: f64,
    pub reviewed_passed: Option<bool>,
}

impl ReviewScore {
    pub fn of(card: &Scorecard, changes: Changes<'_>) -> ReviewScore {
        let scored = reviewed_score::score(card, changes);
        let grade = &card.grade;
        ReviewScore {
            auto: grade.total,
            auto_passed: (!grade.abandoned).then_some(grade.passed),
            pass_mark: grade.pass_mark,
            reviewed: scored.total,
            reviewed_passed: scored.passed,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReviewCard {
    pub schema_version: u32,
    /// Always `review`.
    pub kind: String,
    pub reviewer: Reviewer,
    /// RFC 3339, UTC; `None` for scripted runs.
    pub when_utc: Option<String>,
    pub app_version: String,
    pub scorecard: ScorecardRef,
    pub judgements: Vec<Judgement>,
    pub added: Vec<AddedFinding>,
    pub overrides: Vec<DimensionOverride>,
    pub comment: String,
    pub signed_off: bool,
    /// The dispute this review answers, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answers: Option<DisputeAnswer>,
    /// The calibration round this review was made in (the round's id), if
    /// any: its reviewers review blind (`calibration::visible_reviews`). Left
    /// out when there is none, and then not sealed, so reviews written before
    /// rounds existed read, re-serialise and seal as they did.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub round: Option<String>,
    pub score: ReviewScore,
    pub digests: BTreeMap<String, String>,
}

/// What a reviewer decided, before it is checked against the scorecard and sealed.
#[derive(Debug, Clone, PartialEq)]
pub struct ReviewDraft {
    pub reviewer: Reviewer,
    pub when_utc: Option<String>,
    pub judgements: Vec<Judgement>,
    pub added: Vec<AddedFinding>,
    pub overrides: Vec<DimensionOverride>,
    pub comment: String,
    pub signed_off: bool,
    /// The dispute answered, its decision, and the answer.
    pub answers: Option<(DisputeCard, Decision, String)>,
}

impl ReviewCard {
    /// The sealed review of `card`, or the first thing wrong with the draft
    /// (a reason missing, a finding the scorecard does not have, ...).
    pub fn new(card: &Scorecard, draft: ReviewDraft) -> Result<ReviewCard, ReviewError> {
        ReviewCard::build(card, draft, None)
    }

    /// The same, made in the calibration round `round` (its id).
    pub fn new_in_round(card: &Scorecard, draft: ReviewDraft, round: String) -> Result<ReviewCard, ReviewError> {
        ReviewCard::build(card, draft, Some(round))
    }

    fn build(card: &Scorecard, draft: ReviewDraft, round: Option<String>) -> Result<ReviewCard, ReviewError> {
        let answers = match &draft.answers {
            Some((dispute, decision, answer)) => {
                review_check::dispute_fits(card, dispute)?;
                Some(DisputeAnswer {
                    dispute: RecordLink { id: dispute.record_id(), seal: dispute.seal() },
                    finding: dispute.finding.clone(),
                    decision: *decision,
                    answer: answer.trim().to_string(),
                })
            }
            None => None,
        };
        let changes = Changes { judgements: &draft.judgements, added: &draft.added, overrides: &draft.overrides };
        let mut review = ReviewCard {
            schema_version: SCHEMA_VERSION,
            kind: REVIEW_KIND.into(),
            reviewer: Reviewer { name: draft.reviewer.name.trim().into(), id: draft.reviewer.id.trim().into() },
            when_utc: draft.when_utc,
            app_version: env!("CARGO_PKG_VERSION").to_string(),
            scorecard: ScorecardRef::of(card),
            score: ReviewScore::of(card, changes),
            judgements: draft.judgements,
            added: draft.added,
            overrides: draft.overrides,
            comment: draft.comment.trim().to_string(),
            signed_off: draft.signed_off,
            answers,
            round,
            digests: BTreeMap::new(),
        };
        if let Some((_, error)) = review_check::problems(card, &review).into_iter().next() {
            return Err(error);
        }
        review.digests = review.field_digests();
        Ok(review)
    }

    /// The review's changes, for the reviewed score.
    pub fn changes(&self) -> Changes<'_> {
        Changes { judgements: &self.judgements, added: &self.added, overrides: &self.overrides }
    }

    /// The judgement on `finding`, if the review has one.
    pub fn judgement(&self, finding: &FindingRef) -> Option<&Judgement> {
        self.judgements.iter().find(|j| &j.finding == finding)
    }

    /// A number telling two reviews of one scorecard apart in a file name.
    pub fn seed(&self) -> u64 {
        u64::from_str_radix(&self.seal()[..15], 16).unwrap_or(0)
    }

    /// The activity part of the file name: `review-<scenario>`.
    pub fn activity_id(&self) -> String {
        format!("review-{}", self.scorecard.scenario.id)
    }

    /// A stable file name: time, the reviewed trainee, `review-<scenario>`, and the seed above.
    pub fn file_name(&self) -> String {
        super::file_name(self.when_utc.as_deref(), &self.scorecard.trainee.id, &self.activity_id(), self.seed())
    }

    /// The file name without `.json`: how other records name this one.
    pub fn record_id(&self) -> String {
        super::record_id(&self.file_name())
    }

    /// A SHA-256 over this review's seals, recomputed from its fields.
    pub fn seal(&self) -> String {
        hash::seal_of(&self.field_digests())
    }

    /// Digests of every field that matters, one per judgement, added finding and override.
    /// The round is sealed only when there is one, as a rush scorecard's mode.
    pub fn field_digests(&self) -> BTreeMap<String, String> {
        let seals = match &self.round {
            Some(round) => hash::Seals::new().field("round", round),
            None => hash::Seals::new(),
        };
        seals
            .field("kind", &self.kind)
            .field("reviewer", &self.reviewer)
            .field("when_utc", &self.when_utc)
            .field("app_version", &self.app_version)
            .field("scorecard", &self.scorecard)
            .field("comment", &self.comment)
            .field("signed_off", &self.signed_off)
            .field("answers", &self.answers)
            .field("score", &self.score)
            .list("judgements", &self.judgements)
            .list("added", &self.added)
            .list("overrides", &self.overrides)
            .done()
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::scorecard::verify::{Subject, SubjectKind, verify_review};
    use crate::scorecard::{DisputeCard, Verdict};

    pub(crate) fn card() -> Scorecard {
        crate::scorecard::read(include_str!("../../tests/fixtures/scorecard-v2.json")).unwrap()
    }

    fn reference(text: &str) -> FindingRef {
        FindingRef::parse(text).unwrap()
    }

    pub(crate) fn draft() -> ReviewDraft {
        ReviewDraft {
            reviewer: Reviewer { name: "张主管".into(), id: "s01".into() },
            when_utc: Some("2026-11-24T10:00:00Z".into()),
            judgements: vec![
                Judgement { finding: reference("1:apologise"), stance: Stance::Agree, reason: String::new() },
                Judgement { finding: reference("2:fact:policy.return_shipping_payer(WrongItem)"), stance: Stance::Disagree, reason: "说了“我们承担运费”".into() },
            ],
            added: vec![AddedFinding { reply: 2, message: Some(3), rule: "没有致谢".into(), dimension: Dimension::Tone, points: -4.0, comment: "结尾没有感谢".into() }],
            overrides: vec![DimensionOverride { dimension: Dimension::Speed, score_pct: 80.0, reason: "网络延迟".into() }],
            comment: "整体不错".into(),
            signed_off: true,
            answers: None,
        }
    }

    #[test]
    fn a_review_is_sealed_reads_back_and_verifies_against_its_scorecard() {
        let card = card();
        let review = ReviewCard::new(&card, draft()).unwrap();
        assert_eq!(review.scorecard, ScorecardRef::of(&card));
        assert_eq!((review.score.auto, review.score.auto_passed), (card.grade.total, Some(true)));
        assert_ne!(review.score.reviewed, review.score.auto);
        let Ok(crate::scorecard::FamilyRecord::Review(read)) = crate::scorecard::read_family(&review.to_json()) else { panic!("reads back") };
        assert_eq!(read, review);
        assert_eq!(verify_review(&read, &[&card], &[]), Verdict::Ok);
        assert!(crate::scorecard::read_record(&review.to_json()).unwrap_err().to_string().contains("a review of a scorecard, not an attempt"));
        assert!(review.file_name().starts_with("2026-11-24T10_00_00Z-e1024-review-wrong-colour-thermos-"), "{}", review.file_name());
    }

    #[test]
    fn an_edit_is_named_and_a_changed_or_missing_scorecard_is_not_an_edit() {
        let card = card();
        let review = ReviewCard::new(&card, draft()).unwrap();
        let mut edited = review.clone();
        edited.comment = "很差".into();
        assert_eq!(verify_review(&edited, &[&card], &[]), Verdict::Edited(vec!["comment".into()]));
        // A better reviewed score, resealed by hand: it does not follow from the review.
        let mut forged = review.clone();
        forged.score.reviewed = 99.0;
        forged.digests = forged.field_digests();
        assert_eq!(verify_review(&forged, &[&card], &[]), Verdict::Edited(vec!["score".into()]));
        let mut changed = card.clone();
        changed.grade.total = 99.0;
        let subject = Subject { kind: SubjectKind::Scorecard, id: card.record_id() };
        assert_eq!(verify_review(&review, &[&changed], &[]), Verdict::SubjectChanged(subject.clone()));
        // Resealed by hand, the scorecard's seal still differs from the one reviewed.
        changed.digests = changed.field_digests();
        assert_eq!(verify_review(&review, &[&changed], &[]), Verdict::SubjectChanged(subject.clone()));
        assert_eq!(verify_review(&review, &[], &[]), Verdict::SubjectMissing(subject));
        assert_eq!(verify_review(&review, &[&changed, &card], &[]), Verdict::Ok, "the one with its seal is found");
    }

    /// A review written before rounds existed (tests/fixtures/review-v2.json)
    /// reads, re-serialises to the same bytes and keeps its seals.
    #[test]
    fn an_old_review_still_verifies_and_a_round_is_sealed() {
        let old = include_str!("../../tests/fixtures/review-v2.json");
        let Ok(crate::scorecard::FamilyRecord::Review(review)) = crate::scorecard::read_family(old) else { panic!("reads") };
        assert_eq!(review.round, None);
        assert_eq!(review.to_json(), old.trim_end());
        assert_eq!(review.field_digests(), review.digests);
        assert_eq!(verify_review(&review, &[&card()], &[]), Verdict::Ok);
        let mut in_round = ReviewCard::new_in_round(&card(), draft(), "r1".into()).unwrap();
        assert!(in_round.to_json().contains("\"round\": \"r1\""));
        assert_eq!(verify_review(&in_round, &[&card()], &[]), Verdict::Ok);
        in_round.round = Some("r2".into());
        assert_eq!(verify_review(&in_round, &[&card()], &[]), Verdict::Edited(vec!["round".into()]));
    }

    #[test]
    fn a_bad_draft_says_what_to_fix() {
        let card = card();
        let with = |change: &dyn Fn(&mut ReviewDraft)| {
            let mut draft = draft();
            change(&mut draft);
            ReviewCard::new(&card, draft).unwrap_err()
        };
        assert!(matches!(with(&|d| d.reviewer.id = " ".into()), ReviewError::NoReviewer));
        assert!(matches!(with(&|d| d.judgements[0].finding = reference("1:nothing")), ReviewError::NoSuchFinding { .. }));
        assert!(matches!(with(&|d| d.judgements[1].finding = reference("1:apologise")), ReviewError::JudgedTwice { .. }));
        let no_reason = with(&|d| d.judgements[1].reason = "  ".into());
        assert_eq!(no_reason.to_string(), "finding 2:fact:policy.return_shipping_payer(WrongItem): say why you disagree (a reason is required)");
        assert!(matches!(with(&|d| d.added[0].reply = 3), ReviewError::NoSuchAnswer { reply: 3, replies: 2, .. }));
        assert!(matches!(with(&|d| d.added[0].message = Some(999)), ReviewError::NoSuchLine { .. }));
        assert!(matches!(with(&|d| d.added[0].rule = String::new()), ReviewError::NoRule { .. }));
        assert!(matches!(with(&|d| d.added[0].points = f64::NAN), ReviewError::PointsOutOfRange { .. }));
        assert!(matches!(with(&|d| d.added[0].points = 101.0), ReviewError::PointsOutOfRange { .. }));
        assert!(matches!(with(&|d| d.overrides[0].dimension = Dimension::Rules), ReviewError::NotOverridable { .. }));
        assert!(matches!(with(&|d| d.overrides[0].score_pct = 120.0), ReviewError::ScoreOutOfRange { .. }));
        assert!(matches!(with(&|d| d.overrides[0].reason = String::new()), ReviewError::NoOverrideReason { .. }));
        assert!(matches!(with(&|d| d.overrides.push(d.overrides[0].clone())), ReviewError::OverriddenTwice { .. }));
        let mut other = card.clone();
        other.grade.dimensions.remove(&Dimension::Actions);
        let mut draft = draft();
        draft.overrides[0].dimension = Dimension::Actions;
        assert!(matches!(ReviewCard::new(&other, draft).unwrap_err(), ReviewError::NothingToOverride { .. }));
    }

    #[test]
    fn a_dispute_is_answered_by_a_review_of_its_scorecard() {
        let card = card();
        let disputed = reference("2:fact:policy.return_shipping_payer(WrongItem)");
        let dispute = DisputeCard::new(&card, disputed.clone(), "我说对了运费", Some("2026-11-23T12:00:00Z".into())).unwrap();
        let answer = |decision, text: &str| {
            let mut draft = draft();
            draft.answers = Some((dispute.clone(), decision, text.to_string()));
            draft
        };
        // Accepting: the review disagrees with the finding (the draft does).
        let accepted = ReviewCard::new(&card, answer(Decision::Accepted, "")).unwrap();
        assert_eq!(accepted.answers.as_ref().map(|a| (a.decision, &a.finding)), Some((Decision::Accepted, &disputed)));
        assert_eq!(verify_review(&accepted, &[&card], &[&dispute]), Verdict::Ok);
        let missing = Subject { kind: SubjectKind::Dispute, id: dispute.record_id() };
        assert_eq!(verify_review(&accepted, &[&card], &[]), Verdict::SubjectMissing(missing));
        // Rejecting needs an answer, and cannot disagree with the finding at once.
        assert!(matches!(ReviewCard::new(&card, answer(Decision::Rejected, " ")).unwrap_err(), ReviewError::RejectWithoutAnswer { .. }));
        assert!(matches!(ReviewCard::new(&card, answer(Decision::Rejected, "运费由买家承担")).unwrap_err(), ReviewError::RejectButDisagree { .. }));
        let mut agreeing = answer(Decision::Accepted, "");
        agreeing.judgements[1].stance = Stance::Agree;
        assert!(matches!(ReviewCard::new(&card, agreeing).unwrap_err(), ReviewError::AcceptWithoutDisagreeing { .. }));
        // A dispute of another scorecard.
        let mut other = card.clone();
        other.seed += 1;
        other.digests = other.field_digests();
        let elsewhere = DisputeCard::new(&other, disputed, "x", None).unwrap();
        let mut draft = draft();
        draft.answers = Some((elsewhere, Decision::Accepted, String::new()));
        assert!(matches!(ReviewCard::new(&card, draft).unwrap_err(), ReviewError::DisputeElsewhere { .. }));
    }
}
