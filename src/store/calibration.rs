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
    let mut trainees: Vec<&str> = round.scorecards.iter().map(|s| s.trainee.id.as_str()).collect();
    trainees.sort();
    trainees.dedup();
    trainees
        .into_iter()
        .flat_map(|trainee| super::reviews::trainee_scorecards(data, trainee))
        .map(|(_, card)| card)
        .filter(|card| round.scorecards.iter().any(|s| s.names(card)))
        .collect()
}
