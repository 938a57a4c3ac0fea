//! A trainee's dispute of one finding on their own scorecard (`"kind":
//! "dispute"`): a sealed record of the same family naming the scorecard (id and
//! seal), the finding (`FindingRef`, with the finding as the trainee saw it)
//! and the reason. A dispute is never rewritten: its state (open, accepted,
//! rejected) follows from the reviews that answer it (`review_state`), and
//! the answer the trainee reads is in that review.

use super::finding_ref::FindingRef;
use super::review_card::ScorecardRef;
use super::{SCHEMA_VERSION, Scorecard, Trainee, hash};
use crate::grading::Finding;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The value of `kind` that tells a dispute from the other records.
pub const DISPUTE_KIND: &str = "dispute";

/// Why a dispute cannot be opened as asked.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum DisputeError {
    #[error("finding {reference}: the scorecard has no such finding; `kefu review show` lists them")]
    NoSuchFinding { reference: FindingRef },
    #[error("say why you dispute finding {reference} (a reason is required)")]
    NoReason { reference: FindingRef },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DisputeCard {
    pub schema_version: u32,
    /// Always `dispute`.
    pub kind: String,
    /// Who disputes: the scorecard's own trainee.
    pub trainee: Trainee,
    /// RFC 3339, UTC; `None` for scripted runs.
    pub when_utc: Option<String>,
    pub app_version: String,
    pub scorecard: ScorecardRef,
    pub finding: FindingRef,
    /// The finding as the trainee saw it, so a queue can show it without the scorecard.
    pub disputed: Finding,
    pub reason: String,
    pub digests: BTreeMap<String, String>,
}

impl DisputeCard {
    /// The trainee of `card` disputes its finding `finding` because of `reason`.
    pub fn new(card: &Scorecard, finding: FindingRef, reason: &str, when_utc: Option<String>) -> Result<DisputeCard, DisputeError> {
        let Some(disputed) = finding.resolve(card).cloned() else { return Err(DisputeError::NoSuchFinding { reference: finding }) };
        if reason.trim().is_empty() {
            return Err(DisputeError::NoReason { reference: finding });
        }
        let mut dispute = DisputeCard {
            schema_version: SCHEMA_VERSION,
            kind: DISPUTE_KIND.into(),
            trainee: card.trainee.clone(),
            when_utc,
            app_version: env!("CARGO_PKG_VERSION").to_string(),
            scorecard: ScorecardRef::of(card),
            finding,
            disputed,
            reason: reason.trim().to_string(),
            digests: BTreeMap::new(),
        };
        dispute.digests = dispute.field_digests();
        Ok(dispute)
    }

    /// What a valid dispute of `card` must hold beyond its seals: its own
    /// trainee, a finding the scorecard has (as it is there), and a reason.
    /// The fields that break a rule, for `verify`.
    pub fn problems(&self, card: &Scorecard) -> Vec<String> {
        let mut fields = Vec::new();
        if self.trainee != card.trainee {
            fields.push("trainee".to_string());
        }
        match self.finding.resolve(card) {
            None => fields.push("finding".to_string()),
            Some(finding) if finding != &self.disputed => fields.push("disputed".to_string()),
            Some(_) => {}
        }
        if self.reason.trim().is_empty() {
            fields.push("reason".to_string());
        }
        fields
    }

    /// A number telling two disputes of one scorecard apart in a file name.
    pub fn seed(&self) -> u64 {
        u64::from_str_radix(&self.seal()[..15], 16).unwrap_or(0)
    }

    /// The activity part of the file name: `dispute-<scenario>`.
    pub fn activity_id(&self) -> String {
        format!("dispute-{}", self.scorecard.scenario.id)
    }

    /// A stable file name: time, trainee, `dispute-<scenario>`, and the seed above.
    pub fn file_name(&self) -> String {
        super::file_name(self.when_utc.as_deref(), &self.trainee.id, &self.activity_id(), self.seed())
    }

    /// The file name without `.json`: how a review answering it names it.
    pub fn record_id(&self) -> String {
        super::record_id(&self.file_name())
    }

    /// A SHA-256 over this dispute's seals, recomputed from its fields.
    pub fn seal(&self) -> String {
        hash::seal_of(&self.field_digests())
    }

    pub fn field_digests(&self) -> BTreeMap<String, String> {
        hash::Seals::new()
            .field("kind", &self.kind)
            .field("trainee", &self.trainee)
            .field("when_utc", &self.when_utc)
            .field("app_version", &self.app_version)
            .field("scorecard", &self.scorecard)
            .field("finding", &self.finding)
            .field("disputed", &self.disputed)
            .field("reason", &self.reason)
            .done()
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scorecard::verify::{Subject, SubjectKind, verify_dispute};
    use crate::scorecard::{FamilyRecord, Verdict, read_family};

    fn card() -> Scorecard {
        crate::scorecard::read(include_str!("../../tests/fixtures/scorecard-v2.json")).unwrap()
    }

    #[test]
    fn a_dispute_reads_back_verifies_and_an_edit_is_named() {
        let card = card();
        let dispute = DisputeCard::new(&card, FindingRef::parse("2:speed").unwrap(), " 网络卡了 ", Some("2026-11-23T12:00:00Z".into())).unwrap();
        assert_eq!((dispute.reason.as_str(), dispute.disputed.rule.as_str(), &dispute.trainee), ("网络卡了", "speed", &card.trainee));
        let Ok(FamilyRecord::Dispute(read)) = read_family(&dispute.to_json()) else { panic!("reads back") };
        assert_eq!(read, dispute);
        assert_eq!(verify_dispute(&read, &[&card]), Verdict::Ok);
        let mut edited = dispute.clone();
        edited.reason = "别的理由".into();
        assert_eq!(verify_dispute(&edited, &[&card]), Verdict::Edited(vec!["reason".into()]));
        // Another finding, resealed: the snapshot no longer matches it.
        let mut moved = dispute.clone();
        moved.finding = FindingRef::parse("1:speed").unwrap();
        moved.digests = moved.field_digests();
        assert_eq!(verify_dispute(&moved, &[&card]), Verdict::Edited(vec!["disputed".into()]));
        let subject = Subject { kind: SubjectKind::Scorecard, id: card.record_id() };
        assert_eq!(verify_dispute(&dispute, &[]), Verdict::SubjectMissing(subject));
    }

    #[test]
    fn a_dispute_needs_a_finding_the_scorecard_has_and_a_reason() {
        let card = card();
        let missing = DisputeCard::new(&card, FindingRef::parse("3:speed").unwrap(), "x", None).unwrap_err();
        assert!(matches!(missing, DisputeError::NoSuchFinding { .. }));
        let blank = DisputeCard::new(&card, FindingRef::parse("2:speed").unwrap(), "\n", None).unwrap_err();
        assert_eq!(blank.to_string(), "say why you dispute finding 2:speed (a reason is required)");
    }
}
