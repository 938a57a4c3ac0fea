//! One exam at a time: a started exam is kept in the data folder
//! (`exam-in-progress.json`, written atomically after every answer) until it is
//! handed in or its time runs out. Closing the app does not stop the clock and
//! does not give a fresh draw: the next start resumes the same questions with
//! the time that is left, or hands the exam in if the time ran out meanwhile.

use crate::quiz::session::TimedAnswer;
use crate::quiz::spec::QuizSpec;
use serde::{Deserialize, Serialize};
use super::error::{StateFile, StoreError};
use super::state;
use std::path::Path;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExamInProgress {
    /// Whose exam it is (the trainee field may change before it is resumed).
    pub trainee: crate::scorecard::Trainee,
    pub spec: QuizSpec,
    /// Unix seconds when the exam started (wall clock: it keeps running while the app is closed).
    pub started_unix: f64,
    /// Per question, the answer and when (seconds from the start).
    pub answers: Vec<Option<TimedAnswer>>,
}

const FILE: &str = "exam-in-progress.json";

// Only the app runs an exam: unused without the GUI but for `clear`.
#[cfg_attr(not(feature = "gui"), allow(dead_code))]
impl ExamInProgress {
    pub fn save(&self, data: &Path) -> Result<(), StoreError> {
        state::save(&data.join(FILE), self, false)
    }

    /// The exam in progress, if any. An unreadable file is an error to show
    /// (`StoreError::SetAside`): it has been renamed, so a new exam can start.
    pub fn load(data: &Path) -> Result<Option<ExamInProgress>, StoreError> {
        state::load(&data.join(FILE), StateFile::ExamInProgress)
    }

    /// Called once the exam's scorecard is saved.
    pub fn clear(data: &Path) -> Result<(), StoreError> {
        super::remove_if_present(&data.join(FILE))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::raw::Lang;
    use crate::quiz::Answer;

    #[test]
    fn an_exam_in_progress_round_trips_and_clears() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(ExamInProgress::load(dir.path()).unwrap(), None);
        let exam = ExamInProgress {
            trainee: crate::scorecard::Trainee { name: "王小明".into(), id: "e1024".into() },
            spec: QuizSpec::exam(Lang::Zh, 5),
            started_unix: 1_795_424_400.0,
            answers: vec![Some(TimedAnswer { answer: Answer::Bool(true), at: 12.5 }), None],
        };
        exam.save(dir.path()).unwrap();
        assert_eq!(ExamInProgress::load(dir.path()).unwrap(), Some(exam));
        ExamInProgress::clear(dir.path()).unwrap();
        ExamInProgress::clear(dir.path()).unwrap();
        assert_eq!(ExamInProgress::load(dir.path()).unwrap(), None);
        std::fs::write(dir.path().join(FILE), "{ broken").unwrap();
        let error = ExamInProgress::load(dir.path()).unwrap_err();
        assert!(matches!(error, StoreError::SetAside { file: StateFile::ExamInProgress, .. }), "{error}");
        let message = error.to_string();
        assert!(message.contains("exam-in-progress.json") && message.contains("a new exam can be started"), "{message}");
        assert_eq!(std::fs::read_to_string(state::kept_as(&error).unwrap()).unwrap(), "{ broken");
        assert_eq!(ExamInProgress::load(dir.path()).unwrap(), None, "a new exam can start");
    }
}
