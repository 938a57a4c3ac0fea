//! Reading files with a size limit checked before the whole file is read, so a
//! wrong or hostile file (a disk image named *.json) cannot exhaust memory.

use super::StoreError;
use std::io::Read;
use std::path::Path;

/// The largest scorecard or quiz card file read (a long session is ~200 KB).
pub const SCORECARD_LIMIT: u64 = 8 << 20;
/// The largest `--replies` or `--answers` file read by the CLI.
pub const REPLIES_LIMIT: u64 = 1 << 20;

/// Reads `path` as UTF-8 text of at most `limit` bytes; `what` names the kind
/// of file in the message ("a scorecard", "a replies file").
pub fn read_capped(path: &Path, limit: u64, what: &'static str) -> Result<String, StoreError> {
    let file = std::fs::File::open(path).map_err(|e| StoreError::io(path, "read", e))?;
    let size = file.metadata().map_err(|e| StoreError::io(path, "read", e))?.len();
    if size > limit {
        return Err(StoreError::TooLarge { path: path.into(), what, size, limit });
    }
    // The length can lie (a file still growing, a device, /proc): read one
    // byte past the limit to know.
    let mut bytes = Vec::with_capacity(size as usize);
    file.take(limit + 1).read_to_end(&mut bytes).map_err(|e| StoreError::io(path, "read", e))?;
    if bytes.len() as u64 > limit {
        return Err(StoreError::TooLarge { path: path.into(), what, size: bytes.len() as u64, limit });
    }
    String::from_utf8(bytes).map_err(|e| {
        StoreError::io(path, "read", std::io::Error::new(std::io::ErrorKind::InvalidData, format!("not UTF-8 text ({e})")))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_over_the_limit_is_refused_naming_it_and_the_limit() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.json");
        std::fs::write(&path, vec![b' '; (2 << 20) + 1]).unwrap();
        let message = read_capped(&path, 2 << 20, "a scorecard").unwrap_err().to_string();
        assert!(message.contains("big.json") && message.contains("2 MB") && message.contains("a scorecard"), "{message}");
        std::fs::write(&path, vec![b' '; 2 << 20]).unwrap();
        assert_eq!(read_capped(&path, 2 << 20, "a scorecard").unwrap().len(), 2 << 20, "the limit itself is allowed");
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_file_whose_length_lies_is_still_capped() {
        // /dev/zero reports length 0 and never ends.
        let error = read_capped(Path::new("/dev/zero"), 1024, "a replies file").unwrap_err();
        assert!(matches!(error, StoreError::TooLarge { .. }), "{error}");
    }

    #[test]
    fn a_missing_file_is_named() {
        let error = read_capped(Path::new("/nonexistent/kefu.json"), 10, "a scorecard").unwrap_err();
        assert!(error.is_not_found() && error.to_string().contains("/nonexistent/kefu.json"));
    }
}
