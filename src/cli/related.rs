//! The records a review or a dispute is checked against, and the reviews a
//! scorecard has: those named on the command line, and those in the data
//! folder each record lives in (`store::data_folder_of`), read once per data
//! folder (reviews, disputes) or per data folder and trainee (scorecards), and
//! not at all when the whole data folder was given. Shared by `kefu verify`,
//! `kefu export` and `kefu review`.

use crate::scorecard::{DisputeCard, FamilyRecord, Record, RecordRef, ReviewCard, ReviewIndex, Scorecard, Verdict, verify_dispute, verify_review};
use crate::store::Beside;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Records given on the command line, and what their data folders hold.
pub(super) struct Related<'a> {
    given: Vec<(&'a Path, &'a FamilyRecord)>,
    /// Data folder → its reviews and disputes.
    beside: BTreeMap<PathBuf, Beside>,
    /// (data folder, trainee id) → the trainee's scorecards there.
    scorecards: BTreeMap<(PathBuf, String), Vec<(PathBuf, Scorecard)>>,
}

fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

impl<'a> Related<'a> {
    /// The records `given` (found under `roots`), with the data folders around
    /// them read where the roots did not already hold them whole.
    pub fn new(given: Vec<(&'a Path, &'a FamilyRecord)>, roots: &[PathBuf]) -> Related<'a> {
        let roots: Vec<PathBuf> = roots.iter().filter(|root| root.is_dir()).map(|root| absolute(root)).collect();
        let covered = |data: &Path| roots.iter().any(|root| data.starts_with(root));
        let mut related = Related { given, beside: BTreeMap::new(), scorecards: BTreeMap::new() };
        for (path, record) in &related.given {
            let Some(data) = crate::store::data_folder_of(path).filter(|data| !covered(data)) else { continue };
            related.beside.entry(data.clone()).or_insert_with(|| Beside::read(&data));
            // A review or dispute is checked against the trainee's scorecards there.
            if matches!(record, FamilyRecord::Review(_) | FamilyRecord::Dispute(_)) {
                let trainee = RecordRef::from(*record).trainee().id.clone();
                related.scorecards.entry((data.clone(), trainee.clone())).or_insert_with(|| crate::store::reviews::trainee_scorecards(&data, &trainee));
            }
        }
        related
    }

    /// Every scorecard of `trainee` given, or beside `path` in its data folder.
    pub fn scorecards(&self, path: &Path, trainee: &str) -> Vec<&Scorecard> {
        let mut cards: Vec<&Scorecard> = self
            .given
            .iter()
            .filter_map(|(_, record)| match record {
                FamilyRecord::Attempt(Record::Scenario(card)) if card.trainee.id == trainee => Some(card),
                _ => None,
            })
            .collect();
        if let Some(data) = crate::store::data_folder_of(path) {
            cards.extend(self.scorecards.get(&(data, trainee.to_string())).into_iter().flatten().map(|(_, card)| card));
        }
        cards
    }

    /// Every dispute given, or beside `path` in its data folder.
    pub fn disputes(&self, path: &Path) -> Vec<&DisputeCard> {
        let mut disputes: Vec<&DisputeCard> = self
            .given
            .iter()
            .filter_map(|(_, record)| match record {
                FamilyRecord::Dispute(card) => Some(card),
                _ => None,
            })
            .collect();
        if let Some(beside) = crate::store::data_folder_of(path).and_then(|data| self.beside.get(&data)) {
            disputes.extend(beside.disputes.iter().map(|(_, card)| card));
        }
        disputes
    }

    /// A review or dispute checked against what it is about; `None` for an attempt.
    pub fn verify(&self, path: &Path, record: &FamilyRecord) -> Option<Verdict> {
        match record {
            FamilyRecord::Attempt(_) => None,
            FamilyRecord::Review(review) => {
                Some(verify_review(review, &self.scorecards(path, &review.scorecard.trainee.id), &self.disputes(path)))
            }
            FamilyRecord::Dispute(dispute) => Some(verify_dispute(dispute, &self.scorecards(path, &dispute.trainee.id))),
        }
    }

    /// Every review and dispute given or found beside the records given, each
    /// once (by path), indexed by the scorecard it names.
    pub fn index(&self) -> ReviewIndex<'_, &Path> {
        let mut reviews: Vec<(&Path, &ReviewCard)> = Vec::new();
        let mut disputes: Vec<(&Path, &DisputeCard)> = Vec::new();
        for (path, record) in &self.given {
            match record {
                FamilyRecord::Review(review) => reviews.push((path, review)),
                FamilyRecord::Dispute(dispute) => disputes.push((path, dispute)),
                FamilyRecord::Attempt(_) => {}
            }
        }
        for beside in self.beside.values() {
            reviews.extend(beside.reviews.iter().map(|(path, review)| (path.as_path(), review)));
            disputes.extend(beside.disputes.iter().map(|(path, dispute)| (path.as_path(), dispute)));
        }
        let mut seen = BTreeSet::new();
        reviews.retain(|(path, _)| seen.insert(absolute(path)));
        disputes.retain(|(path, _)| seen.insert(absolute(path)));
        ReviewIndex::build(reviews, disputes)
    }
}
