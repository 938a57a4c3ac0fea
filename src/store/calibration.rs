//! Calibration rounds in a data folder: `<data>/calibration/<round id>.json`,
//! saved new (never replacing another round), read back, and the round's
//! scorecards found again in the trainees' folders by record id and seal.

use super::{StoreError, read_capped, SCORECARD_LIMIT, write_new};
use crate::scorecard::calibration::{self, CalibrationRound};
use crate::scorecard::Scorecard;
use std::path::{Path, PathBuf};

/// The folder of a data folder that holds the rounds.
pub const CALIBRATION_FOLDER: &str = "calibration";

/// Saves `round` as `<data>/calibration/<round id>.json`; saving it again finds
/// it there and writes nothing.
pub fn save_round(data: &Path, round: &CalibrationRound) -> Result<PathBuf, StoreError> {
    let path = data.join(CALIBRATION_FOLDER).join(round.file_name());
    let json = round.to_json();
    if write_new(&path, json.as_bytes())? || std::fs::read(&path).is_ok_and(|there| there == json.as_bytes()) {
        return Ok(path);
    }
    Err(StoreError::NoFreeName { tries: 1, path })
}

/// Reads one round; the error says which file and why.
pub fn read_round(path: &Path) -> Result<CalibrationRound, StoreError> {
    let text = read_capped(path, SCORECARD_LIMIT, "a calibration round")?;
    calibration::read_round(&text).map_err(|source| StoreError::BadRecord { source, path: path.to_path_buf() })
}

/// Every readable round of a data folder, each with its path, sorted by path.
pub fn rounds(data: &Path) -> Vec<(PathBuf, CalibrationRound)> {
    super::scorecard_files(&[data.join(CALIBRATION_FOLDER)]).into_iter().filter_map(|path| read_round(&path).ok().map(|round| (path, round))).collect()
}

/// The round's scorecards found in the data folder as they were (same record id and seal).
pub fn round_scorecards(data: &Path, round: &CalibrationRound) -> Vec<Scorecard> {
    round_scorecards_at(data, round).into_iter().map(|(_, card)| card).collect()
}

/// The same, each with the file it was read from (the app opens them to review).
pub fn round_scorecards_at(data: &Path, round: &CalibrationRound) -> Vec<(std::path::PathBuf, Scorecard)> {
    let mut trainees: Vec<&str> = round.scorecards.iter().map(|s| s.trainee.id.as_str()).collect();
    trainees.sort();
    trainees.dedup();
    trainees
        .into_iter()
        .flat_map(|trainee| super::reviews::trainee_scorecards(data, trainee))
        .filter(|(_, card)| round.scorecards.iter().any(|s| s.names(card)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scorecard::Reviewer;

    fn card() -> Scorecard {
        crate::scorecard::read(include_str!("../../tests/fixtures/scorecard-v2.json")).unwrap()
    }

    #[test]
    fn a_round_is_saved_once_read_back_and_finds_its_scorecards() {
        let dir = tempfile::tempdir().unwrap();
        let card = card();
        crate::store::save_record(dir.path(), &card).unwrap();
        let person = |name: &str, id: &str| Reviewer { name: name.into(), id: id.into() };
        let round = CalibrationRound::new("校准", person("王", "m01"), None, &[&card], vec![person("张", "s01"), person("李", "s02")]).unwrap();
        let path = save_round(dir.path(), &round).unwrap();
        assert_eq!(path, dir.path().join("calibration").join(round.file_name()));
        assert_eq!(save_round(dir.path(), &round).unwrap(), path, "saved again: found, not copied");
        assert_eq!(read_round(&path).unwrap(), round);
        assert_eq!(rounds(dir.path()).len(), 1);
        assert_eq!(round_scorecards(dir.path(), &round), vec![card]);
        // Another round's bytes under its name are never replaced.
        std::fs::write(&path, "{}").unwrap();
        assert!(matches!(save_round(dir.path(), &round), Err(StoreError::NoFreeName { .. })));
        assert!(read_round(&path).is_err() && rounds(dir.path()).is_empty());
        // Not a record to the readers of attempts, reviews and disputes.
        assert!(!crate::store::text_looks_like_record(&path, &round.to_json()));
    }
}
