//! A trainee's spaced-repetition deck and typing personal best, kept in the
//! data folder (`review/<trainee id>.json`), written atomically.

use crate::quiz::review::ReviewDeck;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Progress {
    pub deck: ReviewDeck,
    /// Best characters per minute in the typing drill at ≥ 95 % accuracy.
    pub typing_best_cpm: f64,
}

use crate::scorecard::names;

/// `review/<trainee id, encoded>.json`: one file per distinct id.
fn path(data: &Path, trainee_id: &str) -> PathBuf {
    data.join("review").join(format!("{}.json", names::encode(trainee_id, names::FOLDER_MAX)))
}

/// Where versions before this one kept it (ids differing in punctuation shared it).
fn legacy_path(data: &Path, trainee_id: &str) -> PathBuf {
    data.join("review").join(format!("{}.json", names::legacy(trainee_id)))
}

impl Progress {
    /// The trainee's progress; none yet (or an unreadable file, which is left in place) gives an empty one.
    pub fn load(data: &Path, trainee_id: &str) -> Progress {
        // A deck saved under the old name carries on until the first save under the new one.
        [path(data, trainee_id), legacy_path(data, trainee_id)]
            .iter()
            .find_map(|path| super::read_capped(path, super::SCORECARD_LIMIT, "a review deck").ok())
            .and_then(|t| serde_json::from_str(&t).ok())
            .unwrap_or_default()
    }

    pub fn save(&self, data: &Path, trainee_id: &str) -> Result<(), super::StoreError> {
        super::write_atomic(&path(data, trainee_id), serde_json::to_string_pretty(self).unwrap_or_default().as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_round_trips_per_trainee() {
        let dir = tempfile::tempdir().unwrap();
        let mut progress = Progress::default();
        progress.deck.record("kpi-response-time", false, 100);
        progress.typing_best_cpm = 62.5;
        progress.save(dir.path(), "e1024").unwrap();
        assert_eq!(Progress::load(dir.path(), "e1024"), progress);
        assert_eq!(Progress::load(dir.path(), "someone-else"), Progress::default());
    }
}
