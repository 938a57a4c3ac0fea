//! The JSON files the app keeps between runs (settings, review decks, the
//! autosave, the exam in progress): read, written, and, when one cannot be
//! read, set aside under a new name (`settings.json.corrupt-20261202T044456Z`)
//! and reported, so the next save never silently replaces what it held.

use super::error::{StateFile, StoreError};
use super::{SCORECARD_LIMIT, read_capped, write_atomic};
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::path::Path;
use std::time::SystemTime;

/// The state in `path`: `Ok(None)` when there is none yet. A file that cannot
/// be read or parsed is renamed out of the way and reported as
/// `StoreError::SetAside` (the caller goes on with the defaults and shows the
/// message), or `CannotSetAside` when even the rename failed.
pub(crate) fn load<T: DeserializeOwned>(path: &Path, file: StateFile) -> Result<Option<T>, StoreError> {
    let problem = match read_capped(path, SCORECARD_LIMIT, file.what()) {
        Err(error) if error.is_not_found() => return Ok(None),
        Err(error) => error,
        Ok(text) => match serde_json::from_str(&text) {
            Ok(value) => return Ok(Some(value)),
            Err(source) => StoreError::BadState { file, source, path: path.to_path_buf() },
        },
    };
    Err(set_aside(path, file, problem, SystemTime::now()))
}

/// Writes `value` to `path` as JSON, atomically (`pretty` for files people may open).
pub(crate) fn save<T: Serialize>(path: &Path, value: &T, pretty: bool) -> Result<(), StoreError> {
    let json = if pretty { serde_json::to_string_pretty(value) } else { serde_json::to_string(value) };
    let json = json.map_err(|source| StoreError::Encode { source, path: path.to_path_buf() })?;
    write_atomic(path, json.as_bytes())
}

/// How many `-2`, `-3` … suffixes are tried when the set-aside name is taken.
const ASIDE_TRIES: usize = 100;

/// Renames the unreadable file at `path` to `<name>.corrupt-<UTC time>` (the
/// first free one) and returns the error that says so.
fn set_aside(path: &Path, file: StateFile, problem: StoreError, now: SystemTime) -> StoreError {
    let problem = Box::new(problem);
    let stamp: String = humantime::format_rfc3339_seconds(now).to_string().chars().filter(|c| *c != '-' && *c != ':').collect();
    let base = format!("{}.corrupt-{stamp}", path.file_name().map(|n| n.to_string_lossy()).unwrap_or_default());
    let candidates = (1..=ASIDE_TRIES).map(|n| if n == 1 { base.clone() } else { format!("{base}-{n}") });
    // A name already taken (two corrupt files in one second) is never replaced.
    let Some(kept_as) = candidates.map(|name| path.with_file_name(name)).find(|candidate| !candidate.exists()) else {
        let source = std::io::Error::new(std::io::ErrorKind::AlreadyExists, format!("{ASIDE_TRIES} names like {base} are taken"));
        return StoreError::CannotSetAside { file, problem, source, path: path.to_path_buf() };
    };
    match std::fs::rename(path, &kept_as) {
        Ok(()) => StoreError::SetAside { file, problem, kept_as, path: path.to_path_buf() },
        Err(source) => StoreError::CannotSetAside { file, problem, source, path: path.to_path_buf() },
    }
}

/// Where a set-aside file went, for the tests.
#[cfg(test)]
pub(crate) fn kept_as(error: &StoreError) -> Option<&std::path::PathBuf> {
    match error {
        StoreError::SetAside { kept_as, .. } => Some(kept_as),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq, serde::Serialize, serde::Deserialize)]
    struct Thing {
        n: u32,
    }

    #[test]
    fn a_missing_file_is_none_and_a_good_one_reads() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("thing.json");
        assert_eq!(load::<Thing>(&path, StateFile::Settings).unwrap(), None);
        save(&path, &Thing { n: 3 }, false).unwrap();
        assert_eq!(load::<Thing>(&path, StateFile::Settings).unwrap(), Some(Thing { n: 3 }));
    }

    #[test]
    fn an_unreadable_file_is_renamed_and_reported_never_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("settings.json");
        std::fs::write(&path, "{ broken").unwrap();
        let error = load::<Thing>(&path, StateFile::Settings).unwrap_err();
        let kept = kept_as(&error).expect("set aside").clone();
        assert!(kept.file_name().unwrap().to_string_lossy().starts_with("settings.json.corrupt-2"), "{}", kept.display());
        assert_eq!(std::fs::read_to_string(&kept).unwrap(), "{ broken");
        assert!(!path.exists());
        let message = error.to_string();
        for part in ["settings.json", "the settings", "kept as", "default settings are used", "delete it"] {
            assert!(message.contains(part), "{part:?} missing from {message}");
        }
        // The next load finds nothing; a second bad file in the same second gets its own name.
        assert_eq!(load::<Thing>(&path, StateFile::Settings).unwrap(), None);
        std::fs::write(&path, "also broken").unwrap();
        let now = SystemTime::now();
        let first = set_aside(&path, StateFile::Settings, StoreError::NotAFolder { path: path.clone() }, now);
        std::fs::write(&path, "third").unwrap();
        let second = set_aside(&path, StateFile::Settings, StoreError::NotAFolder { path: path.clone() }, now);
        let (first, second) = (kept_as(&first).unwrap(), kept_as(&second).unwrap());
        assert_ne!(first, second);
        assert_eq!(std::fs::read_to_string(first).unwrap(), "also broken");
        assert_eq!(std::fs::read_to_string(second).unwrap(), "third");
    }

    #[test]
    fn a_file_too_large_is_set_aside_too() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("autosave.json");
        std::fs::write(&path, vec![b' '; (SCORECARD_LIMIT + 1) as usize]).unwrap();
        let error = load::<Thing>(&path, StateFile::Autosave).unwrap_err();
        assert!(matches!(&error, StoreError::SetAside { problem, .. } if matches!(**problem, StoreError::TooLarge { .. })), "{error}");
    }
}
