//! Removing temp files left by saves that were interrupted (a crash, a power
//! cut): only ours, by their exact name pattern, and only old ones, so a save
//! running in another window at the same moment is never touched.

use super::write::{TEMP_PREFIX, TEMP_RANDOM, TEMP_SUFFIX};
use std::path::Path;
use std::time::{Duration, SystemTime};

/// A temp file younger than this may belong to a save still running.
pub const TEMP_MAX_AGE: Duration = Duration::from_secs(60 * 60);

/// Removes our temp files older than `TEMP_MAX_AGE` at `now` from the data
/// folder and the folders it holds (scorecards/<trainee>, review, exports);
/// returns how many went. Best effort: a file that cannot be removed stays.
pub fn sweep_temp_files(data: &Path, now: SystemTime) -> usize {
    let mut removed = 0;
    // Depth 3 reaches <data>/scorecards/<trainee>/<file>; symlinks are not followed.
    for entry in walkdir::WalkDir::new(data).max_depth(3).into_iter().flatten() {
        let Some(name) = entry.file_name().to_str() else { continue };
        if !entry.file_type().is_file() || !is_our_temp_name(name) {
            continue;
        }
        let old = entry.metadata().ok().and_then(|m| m.modified().ok()).and_then(|t| now.duration_since(t).ok()).is_some_and(|age| age > TEMP_MAX_AGE);
        if old && std::fs::remove_file(entry.path()).is_ok() {
            removed += 1;
        }
    }
    removed
}

/// `.kefu-XXXXXX.tmp` (ours now), or `.tmpXXXXXX` (the `tempfile` default our
/// saves used before): exactly six letters or digits in the middle.
fn is_our_temp_name(name: &str) -> bool {
    let random = |middle: &str| middle.len() == TEMP_RANDOM && middle.bytes().all(|b| b.is_ascii_alphanumeric());
    let current = name.strip_prefix(TEMP_PREFIX).and_then(|rest| rest.strip_suffix(TEMP_SUFFIX)).is_some_and(random);
    let legacy = name.strip_prefix(".tmp").is_some_and(random);
    current || legacy
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_our_old_temp_files_go() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("scorecards").join("e1024");
        std::fs::create_dir_all(&folder).unwrap();
        for name in [".kefu-a1B2c3.tmp", ".tmpZ9y8X7", ".kefu-short.tmp", ".tmp-notours", "card.json", ".kefu-a1B2c3.tmp.keep"] {
            std::fs::write(folder.join(name), b"x").unwrap();
        }
        std::fs::write(dir.path().join(".tmpAAAAAA"), b"x").unwrap();
        let now = SystemTime::now();
        assert_eq!(sweep_temp_files(dir.path(), now), 0, "young temp files may belong to a save in progress");
        assert_eq!(sweep_temp_files(dir.path(), now + Duration::from_secs(2 * 3600)), 3);
        let mut left: Vec<_> = std::fs::read_dir(&folder).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
        left.sort();
        assert_eq!(left, [".kefu-a1B2c3.tmp.keep", ".kefu-short.tmp", ".tmp-notours", "card.json"]);
        assert!(!dir.path().join(".tmpAAAAAA").exists());
    }

    #[test]
    fn an_interrupted_save_leaves_a_file_the_sweep_recognises() {
        let dir = tempfile::tempdir().unwrap();
        // What write_atomic creates before the rename.
        let temp = tempfile::Builder::new().prefix(TEMP_PREFIX).suffix(TEMP_SUFFIX).rand_bytes(TEMP_RANDOM).tempfile_in(dir.path()).unwrap();
        let (_, path) = temp.keep().unwrap();
        assert!(is_our_temp_name(path.file_name().unwrap().to_str().unwrap()), "{}", path.display());
    }
}
