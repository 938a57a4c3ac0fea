//! A trainee's spaced-repetition deck and typing personal best, kept in the
//! data folder (`review/<trainee id>.json`), written atomically.

use crate::content::raw::Lang;
use crate::quiz::review::ReviewDeck;
use super::error::{StateFile, StoreError};
use super::state;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Progress {
    pub deck: ReviewDeck,
    /// Best characters per minute in the Chinese typing drill at ≥ 95 % accuracy.
    pub typing_best_cpm: f64,
    /// Best words per minute in the English typing drill at ≥ 95 % accuracy
    /// (kept apart: the units are not comparable). Older files have none.
    #[serde(default)]
    pub typing_best_wpm: f64,
}

impl Progress {
    /// The personal best of the typing drill in `lang`, in that drill's unit.
    pub fn typing_best(&self, lang: Lang) -> f64 {
        match lang {
            Lang::Zh => self.typing_best_cpm,
            Lang::En => self.typing_best_wpm,
        }
    }

    pub fn set_typing_best(&mut self, lang: Lang, best: f64) {
        match lang {
            Lang::Zh => self.typing_best_cpm = best,
            Lang::En => self.typing_best_wpm = best,
        }
    }
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
    /// The trainee's progress; an empty one when there is none yet. An
    /// unreadable deck is an error to show (`StoreError::SetAside`): it has
    /// been renamed, so going on with `Progress::default()` loses nothing.
    pub fn load(data: &Path, trainee_id: &str) -> Result<Progress, StoreError> {
        if let Some(progress) = state::load(&path(data, trainee_id), StateFile::ReviewDeck)? {
            return Ok(progress);
        }
        // A deck saved under the old name carries on until the first save under the new one.
        Ok(state::load(&legacy_path(data, trainee_id), StateFile::ReviewDeck)?.unwrap_or_default())
    }

    pub fn save(&self, data: &Path, trainee_id: &str) -> Result<(), StoreError> {
        state::save(&path(data, trainee_id), self, true)
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
        assert_eq!(Progress::load(dir.path(), "e1024").unwrap(), progress);
        assert_eq!(Progress::load(dir.path(), "someone-else").unwrap(), Progress::default());
    }

    /// A file saved before the English drill had its own best reads on, its
    /// Chinese best kept and no English one yet.
    #[test]
    fn an_older_file_without_the_english_best_reads() {
        let dir = tempfile::tempdir().unwrap();
        let file = path(dir.path(), "e1024");
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        std::fs::write(&file, r#"{"deck": {"cards": {}}, "typing_best_cpm": 71.5}"#).unwrap();
        let mut progress = Progress::load(dir.path(), "e1024").unwrap();
        assert_eq!((progress.typing_best(Lang::Zh), progress.typing_best(Lang::En)), (71.5, 0.0));
        progress.set_typing_best(Lang::En, 42.0);
        assert_eq!((progress.typing_best_cpm, progress.typing_best_wpm), (71.5, 42.0));
    }

    #[test]
    fn a_corrupt_deck_is_reported_and_kept_not_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let file = path(dir.path(), "e1024");
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        std::fs::write(&file, "{\"deck\": 42}").unwrap();
        let error = Progress::load(dir.path(), "e1024").unwrap_err();
        assert!(matches!(error, StoreError::SetAside { file: StateFile::ReviewDeck, .. }), "{error}");
        assert!(error.to_string().contains("review deck starts afresh"), "{error}");
        Progress::default().save(dir.path(), "e1024").unwrap();
        assert_eq!(std::fs::read_to_string(state::kept_as(&error).unwrap()).unwrap(), "{\"deck\": 42}");
        assert_eq!(Progress::load(dir.path(), "e1024").unwrap(), Progress::default());
    }
}
