//! CliError: why a command could not do its work, with the file and place
//! where there is one. The dispatch prints it once (`kefu: …`) with exit code 2.

use crate::text::Quoted;
use crate::scorecard::calibration::RoundError;
use crate::scorecard::{DisputeError, RefError, ReviewError};
use crate::store::StoreError;
use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error(transparent)]
    Store(#[from] StoreError),
    /// `--when` is neither RFC 3339 nor `now`.
    #[error("--when {}: {source} (write e.g. 2026-11-23T09:30:00Z or now)", Quoted(.text))]
    BadWhen { text: String, source: humantime::TimestampError },
    /// `--since` is not a date.
    #[error("--since {}: not a date; write it as YYYY-MM-DD, e.g. 2026-11-01", Quoted(.text))]
    BadSince { text: String },
    #[error("no scenario {}; `kefu check` lists the course, ids are file names without .ron", Quoted(.id))]
    NoScenario { id: String },
    /// The scenario's file has errors, so the course left it out.
    #[error("scenario {} has errors:\n{}", Quoted(.id), problems.join("\n"))]
    ScenarioHasErrors { id: String, problems: Vec<String> },
    /// A replies or answers file that is not the RON it should be.
    #[error("{}:{line}:{col}: error[ron]: {source}", path.display())]
    Ron { line: usize, col: usize, source: ron::Error, path: PathBuf },
    /// An input in a replies file with neither or both of `say` and `act`.
    #[error("{}: input {number}: give either `say` or `act`", path.display())]
    SayOrAct { number: usize, path: PathBuf },
    /// A review or dispute asked of a record that is not a scenario's scorecard.
    #[error("{}: {found}, not a scenario's scorecard; only a scenario's scorecard has findings to review or dispute (`kefu review list DIR` lists them)", path.display())]
    NotReviewable { found: &'static str, path: PathBuf },
    /// `--answer-dispute` given a file that is not a dispute.
    #[error("{}: {found}, not a dispute; --answer-dispute takes a dispute file (`kefu review list DIR` shows them under their scorecards)", path.display())]
    NotADispute { found: &'static str, path: PathBuf },
    /// A review the scorecard does not allow (a reason missing, a finding it lacks ...).
    #[error("{}: {source}", path.display())]
    Review { source: ReviewError, path: PathBuf },
    #[error("{}: {source}", path.display())]
    Dispute { source: DisputeError, path: PathBuf },
    /// A finding reference that cannot be read or is not in the scorecard.
    #[error("{}: {source}", path.display())]
    Reference { source: RefError, path: PathBuf },
    /// An option's value not in its shape (`--add`, `--override`, `--disagree`).
    #[error("{option} {}: {why}; write it {shape}", Quoted(.text))]
    BadSpec { option: &'static str, text: String, why: &'static str, shape: &'static str },
    /// A calibration round that cannot be made as asked.
    #[error("kefu calibrate new: {source}")]
    Round { source: RoundError },
    /// `--reviewer` or `--organiser` not written NAME:ID.
    #[error("{option} {}: write it NAME:ID, e.g. 张主管:s01", Quoted(.text))]
    BadPerson { option: &'static str, text: String },
    /// A review in a round by someone the round does not name, or of a scorecard it does not hold.
    #[error("{}: the round does not name reviewer {} or does not hold this scorecard as it is (`kefu calibrate report` lists the round)", path.display(), Quoted(.reviewer))]
    NotInRound { reviewer: String, path: PathBuf },
    /// A round file whose seals do not match: edited by hand.
    #[error("{}: the round's file was edited ({fields}); ask its organiser for the round as saved", path.display())]
    RoundEdited { fields: String, path: PathBuf },
    #[error("--answer-dispute needs a decision: --accept [REASON] or --reject REASON")]
    NoDecision,
    #[error("{option} decides a dispute: name it with --answer-dispute FILE")]
    DecisionWithoutDispute { option: &'static str },
}

impl CliError {
    /// A ron parse error in `path`, at the place ron found it.
    pub(super) fn ron(path: &std::path::Path, error: ron::error::SpannedError) -> CliError {
        CliError::Ron { line: error.span.start.line, col: error.span.start.col, source: error.code, path: path.to_path_buf() }
    }
}
