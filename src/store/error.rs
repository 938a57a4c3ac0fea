//! StoreError: what went wrong in the data folder, always naming the path that
//! failed (not just the data folder) and, where there is one, what to do.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// An operation on `path` failed.
    #[error("{}: cannot {doing}: {source}", path.display())]
    Io { path: PathBuf, doing: &'static str, source: std::io::Error },
    /// A file sits where a folder must be (e.g. `scorecards/<trainee>` is a file).
    #[error("{} is a file, but a folder is needed there; move or rename that file (or choose another data folder with --data-dir)", path.display())]
    NotAFolder { path: PathBuf },
    /// A file over the limit for its kind, refused before it was read.
    #[error("{} is larger than the {limit_text} limit for {what} ({size} bytes or more); is it the right file?", path.display(), limit_text = mb(*limit))]
    TooLarge { path: PathBuf, what: &'static str, size: u64, limit: u64 },
    /// A data folder given as an empty string would mean the current folder.
    #[error("{source_name} is set but empty, which would save scorecards into the current folder ({}); set it to a folder (e.g. {source_name}={}) or unset it to use the default ({})", cwd.display(), example.display(), default.display())]
    EmptyDataDir { source_name: &'static str, cwd: PathBuf, example: PathBuf, default: PathBuf },
    /// Every candidate name for a record is taken by a different record.
    #[error("{}: cannot save: this name and the next {tries} with -2, -3 … are taken by other records; move some records out of that folder", path.display())]
    NoFreeName { path: PathBuf, tries: usize },
}

impl StoreError {
    pub(crate) fn io(path: impl Into<PathBuf>, doing: &'static str, source: std::io::Error) -> StoreError {
        StoreError::Io { path: path.into(), doing, source }
    }

    /// Whether the file was simply not there.
    pub fn is_not_found(&self) -> bool {
        matches!(self, StoreError::Io { source, .. } if source.kind() == std::io::ErrorKind::NotFound)
    }
}

/// A limit in the units people read: `8 MB`, `1 MB`, or bytes when smaller.
fn mb(bytes: u64) -> String {
    if bytes >= 1 << 20 && bytes % (1 << 20) == 0 { format!("{} MB", bytes >> 20) } else { format!("{bytes} bytes") }
}
