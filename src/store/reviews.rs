//! Where reviews and disputes live in a data folder, beside the scorecards
//! they are about and never inside their folders: a review in
//! `<data>/reviews/<reviewer id>/`, a dispute in `<data>/disputes/<trainee
//! id>/` (folder names from `scorecard::names`, one per distinct id), each
//! saved by `save_record` (atomic, never replacing another record). A
//! scorecard's reviews and disputes are found again through the data folder it
//! lives in (`data_folder_of`), so verify and `kefu review show` need only the
//! scorecard's path.

use super::{StoreError, read_capped, SCORECARD_LIMIT};
use crate::scorecard::names;
use crate::scorecard::{self, DisputeCard, FamilyRecord, Record, ReviewCard, Scorecard};
use std::path::{Path, PathBuf};

/// The folders of a data folder that hold records, in the order they are read.
pub const RECORD_FOLDERS: [&str; 3] = ["scorecards", "reviews", "disputes"];

/// `<data>/reviews/<reviewer id, encoded>`.
pub fn reviewer_folder(data: &Path, reviewer_id: &str) -> PathBuf {
    data.join("reviews").join(names::encode(reviewer_id, names::FOLDER_MAX))
}

/// `<data>/disputes/<trainee id, encoded>`.
pub fn disputes_folder(data: &Path, trainee_id: &str) -> PathBuf {
    data.join("disputes").join(names::encode(trainee_id, names::FOLDER_MAX))
}

/// The data folder a record file lives in: records are saved exactly at
/// `<data>/<scorecards|reviews|disputes>/<id folder>/<file>`, so it is the
/// folder two levels above the file's, when that one is named so (a trainee
/// whose id is `reviews` is not mistaken for a kind folder).
pub fn data_folder_of(path: &Path) -> Option<PathBuf> {
    let absolute = std::path::absolute(path).ok()?;
    let kind = absolute.parent()?.parent()?;
    let named = kind.file_name().is_some_and(|name| RECORD_FOLDERS.iter().any(|f| name == *f));
    if named { kind.parent().map(Path::to_path_buf) } else { None }
}

/// Reads one file as any record of the family; the error says which file and why.
pub fn read_family(path: &Path) -> Result<FamilyRecord, StoreError> {
    let text = read_capped(path, SCORECARD_LIMIT, "a scorecard")?;
    scorecard::read_family(&text).map_err(|source| StoreError::BadRecord { source, path: path.to_path_buf() })
}

/// The reviews and disputes of a data folder, each with its path, read
/// whole (they are small). Files that cannot be read are left out: verify
/// reports them when it is given them.
#[derive(Debug, Default)]
pub struct Beside {
    pub reviews: Vec<(PathBuf, ReviewCard)>,
    pub disputes: Vec<(PathBuf, DisputeCard)>,
}

impl Beside {
    /// Reads `<data>/reviews/` and `<data>/disputes/`.
    pub fn read(data: &Path) -> Beside {
        let mut beside = Beside::default();
        for path in super::scorecard_files(&[data.join("reviews"), data.join("disputes")]) {
            match read_family(&path) {
                Ok(FamilyRecord::Review(review)) => beside.reviews.push((path, review)),
                Ok(FamilyRecord::Dispute(dispute)) => beside.disputes.push((path, dispute)),
                _ => {}
            }
        }
        beside
    }
}

/// A trainee's scenario scorecards in a data folder, each with its path.
pub fn trainee_scorecards(data: &Path, trainee_id: &str) -> Vec<(PathBuf, Scorecard)> {
    super::trainee_records(data, trainee_id)
        .into_iter()
        .filter_map(|(path, record)| match record {
            Record::Scenario(card) => Some((path, card)),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_data_folder_of_a_record_is_above_its_kind_folder() {
        let data = std::path::absolute("/data/kefu").unwrap();
        for kind in RECORD_FOLDERS {
            assert_eq!(data_folder_of(&data.join(kind).join("e1").join("x.json")), Some(data.clone()), "{kind}");
        }
        assert_eq!(data_folder_of(Path::new("/elsewhere/x.json")), None);
        assert_eq!(data_folder_of(&data.join("scorecards").join("reviews").join("x.json")), Some(data.clone()), "a trainee named reviews");
        assert_eq!(reviewer_folder(&data, "s.1"), data.join("reviews").join("s_2e_1"));
        assert_eq!(disputes_folder(&data, "e/1"), data.join("disputes").join("e_2f_1"));
    }
}
