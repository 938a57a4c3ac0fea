//! The data folder and every write to disk: atomic (temp file + rename, both
//! synced), so a crash or a full disk never leaves a half-written file where a
//! good one was. Scorecards live in `<data>/scorecards/<trainee id, encoded>/`
//! (`scorecard::names`: one folder per distinct id), reviews in
//! `<data>/reviews/<reviewer id>/` and disputes in `<data>/disputes/<trainee
//! id>/` (`reviews`); `settings.json`,
//! `autosave.json` and `exam-in-progress.json` beside them (`state`: one that
//! cannot be read is set aside and reported, never overwritten). A save never
//! replaces another record; reads are size-capped (`read`); a finished attempt
//! is recorded in one step (`attempt::record_attempt`). Every error is a `StoreError`.

pub(crate) mod attempt;
pub(crate) mod autosave;
pub(crate) mod calibration;
pub(crate) mod error;
pub(crate) mod exam;
pub(crate) mod performance;
pub(crate) mod read;
pub(crate) mod review;
pub(crate) mod reviews;
pub(crate) mod settings;
pub(crate) mod source;
pub(crate) mod state;
pub(crate) mod sweep;
pub(crate) mod write;

pub use autosave::{Autosave, Input as AutosaveInput};
pub use error::{StateFile, StoreError};
pub use read::{REPLIES_LIMIT, SCORECARD_LIMIT};
pub use review::Progress;
pub use settings::{Role, Settings};
pub(crate) use attempt::{Attempt, InProgress, record_attempt};
pub(crate) use performance::performance_records;
pub(crate) use read::read_capped;
pub(crate) use reviews::{Beside, data_folder_of, read_family};
pub use source::{FolderSource, Opener, ReadCount, RecordSource, Refresh};
pub(crate) use sweep::sweep_temp_files;
pub(crate) use write::{write_atomic, write_new};

use crate::scorecard::names;
use crate::scorecard::{self, Record, RecordRef, Scorecard};
use std::path::{Path, PathBuf};

/// Removes a file that may already be gone.
pub(crate) fn remove_if_present(path: &Path) -> Result<(), StoreError> {
    match std::fs::remove_file(path) {
        Err(error) if error.kind() != std::io::ErrorKind::NotFound => Err(StoreError::io(path, "remove", error)),
        _ => Ok(()),
    }
}

/// The data folder: `explicit` (from `--data-dir`), else `KEFU_DATA_DIR`, else
/// the platform's data directory (e.g. `~/.local/share/kefu`), else `./kefu-data`.
/// An empty value is refused: it would quietly mean the current folder.
pub(crate) fn data_dir(explicit: Option<&Path>) -> Result<PathBuf, StoreError> {
    data_dir_from(explicit, std::env::var_os("KEFU_DATA_DIR").as_deref())
}

fn data_dir_from(explicit: Option<&Path>, env: Option<&std::ffi::OsStr>) -> Result<PathBuf, StoreError> {
    let (given, source_name) = match (explicit, env) {
        (Some(dir), _) => (dir.as_os_str(), "--data-dir"),
        (None, Some(dir)) => (dir, "KEFU_DATA_DIR"),
        (None, None) => return Ok(default_data_dir()),
    };
    if given.is_empty() {
        let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
        let example = dirs::home_dir().map(|home| home.join("kefu-data")).unwrap_or_else(|| PathBuf::from("/path/to/kefu-data"));
        return Err(StoreError::EmptyDataDir { source_name, cwd, example, default: default_data_dir() });
    }
    Ok(PathBuf::from(given))
}

fn default_data_dir() -> PathBuf {
    dirs::data_dir().map(|d| d.join("kefu")).unwrap_or_else(|| PathBuf::from("kefu-data"))
}

/// The data folder, opened for use by the app or a saving command: resolved as
/// `data_dir` does, with temp files of interrupted saves cleaned away.
pub fn open(explicit: Option<&Path>) -> Result<PathBuf, StoreError> {
    let data = data_dir(explicit)?;
    sweep_temp_files(&data, std::time::SystemTime::now());
    Ok(data)
}

/// How many names `save_record` tries (`name.json`, `name-2.json` …) before giving up.
const NAME_TRIES: usize = 1000;

/// Saves any record into its folder of the data folder (an attempt in
/// `<data>/scorecards/<trainee folder>/`, a review in `reviews/<reviewer>/`, a
/// dispute in `disputes/<trainee>/`) and returns where. Never replaces a
/// different record: when the name is taken by other content, the next free
/// `-2`, `-3` … is used; saving the same record again finds it and writes nothing.
pub(crate) fn save_record<'a>(data: &Path, card: impl Into<RecordRef<'a>>) -> Result<PathBuf, StoreError> {
    let card = card.into();
    let folder = match card {
        RecordRef::Review(review) => reviews::reviewer_folder(data, &review.reviewer.id),
        RecordRef::Dispute(dispute) => reviews::disputes_folder(data, &dispute.trainee.id),
        _ => trainee_folder(data, &card.trainee().id),
    };
    let name = card.file_name();
    let stem = name.strip_suffix(".json").unwrap_or(&name);
    let json = card.to_json();
    for n in 1..=NAME_TRIES {
        let path = if n == 1 { folder.join(&name) } else { folder.join(format!("{stem}-{n}.json")) };
        if write_new(&path, json.as_bytes())? {
            return Ok(path);
        }
        // Taken: ours already (a save repeated) or another record's, kept as it is.
        if std::fs::read(&path).is_ok_and(|there| there == json.as_bytes()) {
            return Ok(path);
        }
    }
    Err(StoreError::NoFreeName { path: folder.join(name), tries: NAME_TRIES })
}

/// `<data>/scorecards/<trainee id, encoded>`: one folder per distinct id.
pub(crate) fn trainee_folder(data: &Path, trainee_id: &str) -> PathBuf {
    data.join("scorecards").join(names::encode(trainee_id, names::FOLDER_MAX))
}

/// Every `.json` file under the given files and folders, sorted.
pub fn scorecard_files(paths: &[PathBuf]) -> Vec<PathBuf> {
    record_files(paths).into_iter().map(|(path, _)| path).collect()
}

/// Every `.json` file under the given files and folders, sorted, each with
/// whether it was named itself (true) or found by walking a folder (false).
pub(crate) fn record_files(paths: &[PathBuf]) -> Vec<(PathBuf, bool)> {
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            for entry in walkdir::WalkDir::new(path).sort_by_file_name().into_iter().flatten() {
                if entry.file_type().is_file() && entry.path().extension().is_some_and(|e| e == "json") {
                    files.push((entry.path().to_path_buf(), false));
                }
            }
        } else {
            files.push((path.clone(), true));
        }
    }
    files
}

/// Whether a file is meant as a record (it names a record kind or carries a
/// transcript), so a broken one is reported while settings, review decks and
/// autosaves found in the same folder are passed over.
pub(crate) fn looks_like_record(path: &Path) -> bool {
    let Ok(text) = read_capped(path, SCORECARD_LIMIT, "a scorecard") else { return true };
    text_looks_like_record(path, &text)
}

/// `looks_like_record` on a file's text already read.
pub(crate) fn text_looks_like_record(path: &Path, text: &str) -> bool {
    match serde_json::from_str::<serde_json::Value>(text) {
        // A calibration round is no attempt, review or dispute: its own readers take it.
        Ok(serde_json::Value::Object(map)) if map.get("kind").and_then(|k| k.as_str()) == Some(scorecard::calibration::CALIBRATION_KIND) => false,
        Ok(serde_json::Value::Object(map)) => {
            map.contains_key("kind") || map.contains_key("transcript") || map.contains_key("schema_version")
        }
        // Not JSON, or JSON of another shape: only a record file would be named *.json
        // in the scorecards folder, so say what is wrong with it.
        Ok(_) => false,
        Err(_) => path.components().any(|c| c.as_os_str() == "scorecards"),
    }
}

/// Reads one scorecard file; the error says which file and why.
pub fn read_scorecard(path: &Path) -> Result<Scorecard, StoreError> {
    let text = read_capped(path, SCORECARD_LIMIT, "a scorecard")?;
    scorecard::read(&text).map_err(|source| StoreError::BadRecord { source, path: path.to_path_buf() })
}

/// Reads one record file (scenario scorecard or quiz card); the error says which file and why.
pub fn read_record(path: &Path) -> Result<Record, StoreError> {
    let text = read_capped(path, SCORECARD_LIMIT, "a scorecard")?;
    scorecard::read_record(&text).map_err(|source| StoreError::BadRecord { source, path: path.to_path_buf() })
}

/// A trainee's saved records, sorted by path, each read once: those in the
/// trainee's folder and in the folder older versions named (where `e.1` and
/// `e_1` shared one), keeping only records whose own trainee id is this one.
pub(crate) fn trainee_records(data: &Path, trainee_id: &str) -> Vec<(PathBuf, Record)> {
    let mut folders = vec![trainee_folder(data, trainee_id), data.join("scorecards").join(names::legacy(trainee_id))];
    folders.dedup();
    let mut found: Vec<(PathBuf, Record)> = scorecard_files(&folders)
        .into_iter()
        .filter_map(|path| read_record(&path).ok().map(|record| (path, record)))
        .filter(|(_, record)| RecordRef::from(record).trainee().id == trainee_id)
        .collect();
    found.sort_by(|a, b| a.0.cmp(&b.0));
    found
}

/// The paths of a trainee's saved records (see `trainee_records`).
pub fn trainee_scorecards(data: &Path, trainee_id: &str) -> Vec<PathBuf> {
    trainee_records(data, trainee_id).into_iter().map(|(path, _)| path).collect()
}

/// Reads just the summary of a scorecard file (for large exports).
pub fn read_summary(path: &Path) -> Result<scorecard::csv::Summary, StoreError> {
    let text = read_capped(path, SCORECARD_LIMIT, "a scorecard")?;
    scorecard::csv::Summary::read(&text).map_err(|source| StoreError::BadRecord { source, path: path.to_path_buf() })
}

#[cfg(test)]
mod tests;
