//! StoreError: what went wrong in the data folder, always naming the path that
//! failed (not just the data folder) and, where there is one, what to do.

use crate::scorecard::ReadError;
use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// An operation on `path` failed.
    #[error("{}: cannot {doing}: {source}", path.display())]
    Io { doing: &'static str, source: std::io::Error, path: PathBuf },
    /// A file sits where a folder must be (e.g. `scorecards/<trainee>` is a file).
    #[error("{} is a file, but a folder is needed there; move or rename that file (or choose another data folder with --data-dir)", path.display())]
    NotAFolder { path: PathBuf },
    /// A file over the limit for its kind, refused before it was read.
    #[error("{} is larger than the {limit_text} limit for {what} ({size} bytes or more); is it the right file?", path.display(), limit_text = mb(*limit))]
    TooLarge { what: &'static str, size: u64, limit: u64, path: PathBuf },
    /// A data folder given as an empty string would mean the current folder.
    #[error("{source_name} is set but empty, which would save scorecards into the current folder ({}); set it to a folder (e.g. {source_name}={}) or unset it to use the default ({})", cwd.display(), example.display(), default.display())]
    EmptyDataDir { source_name: &'static str, cwd: PathBuf, example: PathBuf, default: PathBuf },
    /// Every candidate name for a record is taken by a different record.
    #[error("{}: cannot save: this name and the next {tries} with -2, -3 … are taken by other records; move some records out of that folder", path.display())]
    NoFreeName { tries: usize, path: PathBuf },
    /// A record file (scorecard or quiz card) this version cannot read.
    #[error("{}: {source}", path.display())]
    BadRecord { source: ReadError, path: PathBuf },
    /// A state file that is not the JSON its kind should be.
    #[error("{}: not readable as {}: {source}", path.display(), file.what())]
    BadState { file: StateFile, source: serde_json::Error, path: PathBuf },
    /// A value that could not be turned into JSON (nothing was written).
    #[error("{}: cannot save: {source}", path.display())]
    Encode { source: serde_json::Error, path: PathBuf },
    /// A state file could not be read, so it was renamed: the next save writes
    /// a fresh file and the old one stays for the trainee (or support) to look at.
    #[error("{problem}; it was kept as {} so that nothing overwrites it, and {}. Open that file to recover what it held, or delete it", kept_as.display(), file.instead())]
    SetAside { file: StateFile, problem: Box<StoreError>, kept_as: PathBuf, path: PathBuf },
    /// A state file could not be read, nor renamed out of the way.
    #[error("{problem}; it could not be moved aside either ({source}); move it away yourself, or the next save will replace it")]
    CannotSetAside { file: StateFile, problem: Box<StoreError>, source: std::io::Error, path: PathBuf },
}

/// The files the app keeps between runs, beside the records.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StateFile {
    Settings,
    ReviewDeck,
    Autosave,
    ExamInProgress,
}

impl StateFile {
    /// What the file holds, as a message names it.
    pub fn what(self) -> &'static str {
        match self {
            StateFile::Settings => "the settings",
            StateFile::ReviewDeck => "a review deck",
            StateFile::Autosave => "the autosaved session",
            StateFile::ExamInProgress => "the exam in progress",
        }
    }

    /// What happens instead, once the file is set aside.
    pub fn instead(self) -> &'static str {
        match self {
            StateFile::Settings => "the default settings are used",
            StateFile::ReviewDeck => "the review deck starts afresh",
            StateFile::Autosave => "there is no session to resume",
            StateFile::ExamInProgress => "a new exam can be started",
        }
    }
}

impl StoreError {
    pub(crate) fn io(path: impl Into<PathBuf>, doing: &'static str, source: std::io::Error) -> StoreError {
        StoreError::Io { doing, source, path: path.into() }
    }

    /// Whether the file was simply not there.
    pub fn is_not_found(&self) -> bool {
        matches!(self, StoreError::Io { source, .. } if source.kind() == std::io::ErrorKind::NotFound)
    }

    /// Why a record file could not be read, in words a supervisor reads in
    /// either language (the Display form is English, with the parser's detail).
    pub fn unreadable_reason(&self) -> crate::i18n::Msg {
        use crate::i18n::Msg;
        match self {
            StoreError::TooLarge { .. } => Msg::UnreadableTooLarge,
            StoreError::BadRecord { .. } | StoreError::BadState { .. } => Msg::UnreadableNotARecord,
            _ => Msg::UnreadableCannotRead,
        }
    }

    /// The file that failed (for a set-aside file, where it was).
    pub fn path(&self) -> Option<&std::path::Path> {
        match self {
            StoreError::Io { path, .. }
            | StoreError::NotAFolder { path }
            | StoreError::TooLarge { path, .. }
            | StoreError::NoFreeName { path, .. }
            | StoreError::BadRecord { path, .. }
            | StoreError::BadState { path, .. }
            | StoreError::Encode { path, .. }
            | StoreError::SetAside { path, .. }
            | StoreError::CannotSetAside { path, .. } => Some(path),
            StoreError::EmptyDataDir { .. } => None,
        }
    }
}

/// A limit in the units people read: `8 MB`, `1 MB`, or bytes when smaller.
fn mb(bytes: u64) -> String {
    if bytes >= 1 << 20 && bytes.is_multiple_of(1 << 20) { format!("{} MB", bytes >> 20) } else { format!("{bytes} bytes") }
}
