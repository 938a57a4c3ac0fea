//! The data folder and every write to disk: atomic (temp file + rename), so a
//! crash or a full disk never leaves a half-written file where a good one was.
//! Scorecards live in `<data>/scorecards/<trainee id>/`; `settings.json` and
//! `autosave.json` and `exam-in-progress.json` beside them.

pub mod autosave;
pub mod exam;
pub mod review;
pub mod settings;

pub use autosave::Autosave;
pub use settings::Settings;

use crate::scorecard::{self, Record, RecordRef, Scorecard};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Writes `bytes` to `path` atomically: a temp file in the same folder, synced, then renamed over.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let folder = match path.parent() {
        Some(folder) if !folder.as_os_str().is_empty() => folder,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(folder)?;
    let mut temp = tempfile::NamedTempFile::new_in(folder)?;
    temp.write_all(bytes)?;
    // A temp file is private (0600); the result should have the permissions the
    // old file had, or ordinary ones for a new file, so reports can be shared.
    let permissions = match std::fs::metadata(path) {
        Ok(existing) => existing.permissions(),
        Err(_) => ordinary_permissions(temp.as_file())?,
    };
    temp.as_file().set_permissions(permissions)?;
    temp.as_file().sync_all()?;
    temp.persist(path).map_err(|error| error.error)?;
    Ok(())
}

#[cfg(unix)]
fn ordinary_permissions(_file: &std::fs::File) -> std::io::Result<std::fs::Permissions> {
    use std::os::unix::fs::PermissionsExt;
    Ok(std::fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
fn ordinary_permissions(file: &std::fs::File) -> std::io::Result<std::fs::Permissions> {
    Ok(file.metadata()?.permissions())
}

/// A JSON file the app keeps between runs, if there is one. An unreadable file
/// is reported with its path and left in place, never deleted.
pub(crate) fn load_json<T: serde::de::DeserializeOwned>(path: &Path) -> Result<Option<T>, String> {
    match std::fs::read_to_string(path) {
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(error) => Err(format!("{}: {error}", path.display())),
        Ok(text) => serde_json::from_str(&text).map(Some).map_err(|e| format!("{}: {e}", path.display())),
    }
}

/// Removes a file that may already be gone.
pub(crate) fn remove_if_present(path: &Path) -> std::io::Result<()> {
    match std::fs::remove_file(path) {
        Err(error) if error.kind() != std::io::ErrorKind::NotFound => Err(error),
        _ => Ok(()),
    }
}

/// The data folder: `explicit` (from `--data-dir`), else `KEFU_DATA_DIR`, else
/// the platform's data directory (e.g. `~/.local/share/kefu`), else `./kefu-data`.
pub fn data_dir(explicit: Option<&Path>) -> PathBuf {
    if let Some(dir) = explicit {
        return dir.to_path_buf();
    }
    if let Some(dir) = std::env::var_os("KEFU_DATA_DIR") {
        return PathBuf::from(dir);
    }
    dirs::data_dir().map(|d| d.join("kefu")).unwrap_or_else(|| PathBuf::from("kefu-data"))
}

/// Saves any record (scenario scorecard or quiz card) into `<data>/scorecards/<trainee id>/`.
pub fn save_record<'a>(data: &Path, card: impl Into<RecordRef<'a>>) -> std::io::Result<PathBuf> {
    let card = card.into();
    let path = data.join("scorecards").join(safe(&card.trainee().id)).join(card.file_name());
    write_atomic(&path, card.to_json().as_bytes())?;
    Ok(path)
}

/// A trainee id or name as a file name: letters, digits, `-` and `_` kept, the rest `_`.
pub(crate) fn safe(text: &str) -> String {
    let cleaned: String = text.chars().map(|c| if c.is_alphanumeric() || c == '-' || c == '_' { c } else { '_' }).collect();
    if cleaned.is_empty() { "anonymous".into() } else { cleaned }
}

/// Every `.json` file under the given files and folders, sorted.
pub fn scorecard_files(paths: &[PathBuf]) -> Vec<PathBuf> {
    record_files(paths).into_iter().map(|(path, _)| path).collect()
}

/// Every `.json` file under the given files and folders, sorted, each with
/// whether it was named itself (true) or found by walking a folder (false).
pub fn record_files(paths: &[PathBuf]) -> Vec<(PathBuf, bool)> {
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
pub fn looks_like_record(path: &Path) -> bool {
    let Ok(text) = std::fs::read_to_string(path) else { return true };
    match serde_json::from_str::<serde_json::Value>(&text) {
        Ok(serde_json::Value::Object(map)) => {
            map.contains_key("kind") || map.contains_key("transcript") || map.contains_key("schema_version")
        }
        // Not JSON, or JSON of another shape: only a record file would be named *.json
        // in the scorecards folder, so say what is wrong with it.
        Ok(_) => false,
        Err(_) => path.components().any(|c| c.as_os_str() == "scorecards"),
    }
}

/// Reads one scorecard file, with a message that says which file and why.
pub fn read_scorecard(path: &Path) -> Result<Scorecard, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
    scorecard::read(&text).map_err(|e| format!("{}: {e}", path.display()))
}

/// Reads one record file (scenario scorecard or quiz card), with a message that says which file and why.
pub fn read_record(path: &Path) -> Result<Record, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
    scorecard::read_record(&text).map_err(|e| format!("{}: {e}", path.display()))
}

/// A trainee's saved scorecards, newest file name last.
pub fn trainee_scorecards(data: &Path, trainee_id: &str) -> Vec<PathBuf> {
    scorecard_files(&[data.join("scorecards").join(safe(trainee_id))])
}

/// Reads just the summary of a scorecard file (for large exports).
pub fn read_summary(path: &Path) -> Result<scorecard::csv::Summary, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
    scorecard::csv::Summary::read(&text).map_err(|e| format!("{}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_replace_the_whole_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("card.json");
        write_atomic(&path, b"first, longer content").unwrap();
        write_atomic(&path, b"second").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"second");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1, "no temp file left behind");
    }

    #[cfg(unix)]
    #[test]
    fn new_files_are_readable_by_others_and_old_permissions_are_kept() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("report.html");
        write_atomic(&path, b"a").unwrap();
        assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o644);
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
        write_atomic(&path, b"b").unwrap();
        assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
    }

    #[test]
    fn the_data_folder_can_be_named() {
        assert_eq!(data_dir(Some(Path::new("/tmp/x"))), PathBuf::from("/tmp/x"));
    }
}
