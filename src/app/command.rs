//! What a screen asks the app to do. Screens read state and return these;
//! `KefuApp::handle` (handle.rs) is the one place that carries them out, so
//! every change of app state and every file the app writes starts here.

use crate::content::raw::{Action, Lang};
use crate::quiz::Answer;
use crate::quiz::spec::QuizMode;
use std::path::PathBuf;

#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    // Where the trainee goes.
    GoHome,
    /// The briefing of one scenario, before it starts.
    OpenBriefing { scenario: String },
    /// Start the scenarios, one buyer each (several: rush mode).
    StartScenarios { scenarios: Vec<String> },
    /// Three buyers at once, picked from the course in the UI language.
    StartRush,
    /// Take up the session a crash left.
    ResumeSession,
    /// Throw away the session a crash left.
    DiscardSession,
    OpenScorecards,
    /// A saved record from "my scorecards".
    OpenRecord { path: PathBuf },
    StartQuiz { mode: QuizMode },
    OpenTypingDrill,
    /// Who uses the app: each role opens on its own workspace.
    SetRole(crate::store::Role),

    // The supervisor's workspace.
    /// The folder dialogue, for a folder of records to read.
    PickCohortFolder,
    AddCohortFolder(PathBuf),
    RemoveCohortFolder(usize),
    /// Read the folders again (only new or changed files are read).
    RefreshCohort,
    /// Take what the reading thread sent (each frame on the dashboard).
    PollCohort,
    /// Where a scenario's points are lost (its newest sessions read whole, in the background).
    CohortLostPoints { scenario: String },
    /// A record the dashboard lists, opened read-only with the review panel beside it.
    OpenCohortRecord { path: PathBuf },
    /// A trainee's dispute from the queue: its scorecard opened with the panel set to decide it.
    AnswerDispute { scorecard: PathBuf, dispute: PathBuf },
    /// Seal the review in the panel and save it beside the scorecard (signed off, or not yet).
    SaveReview { signed_off: bool },
    /// A calibration round's scorecard opened for one of its reviewers to review blind.
    OpenRoundReview { round: String, scorecard: PathBuf, reviewer: crate::scorecard::Reviewer },
    /// A trainee's performance file (绩效档案), made in the background, then written as an export.
    PrintPerformanceFile { trainee: String },
    /// A calibration round over these scorecards, saved in the first one's data folder.
    /// The people as typed (`name:id`); handle reads them and says what is wrong.
    NewCalibrationRound { name: String, organiser: String, reviewers: Vec<String>, scorecards: Vec<PathBuf> },

    // What the app remembers.
    SetLanguage(Lang),
    SetTrainee { name: String, id: String },
    /// The dark look (true) or the light one.
    SetDarkTheme(bool),
    SetPracticeSource(Option<String>),
    /// A quick phrase for conversations in `lang`.
    AddQuickPhrase { lang: Lang, phrase: String },
    RemoveQuickPhrase { lang: Lang, index: usize },

    // The workbench; each names its buyer, so nothing of one buyer reaches another.
    SelectBuyer(usize),
    /// The buyer's reply box holds text or just changed: the trainee is typing.
    Typing { buyer: usize },
    /// Send what is in the buyer's reply box.
    Send { buyer: usize },
    /// An order action for the buyer's order.
    Act { buyer: usize, action: Action },
    /// Let the engine's clock catch up with now (each frame, before drawing).
    Tick,
    /// Leave the session now: every buyer still waiting waits in vain.
    EndSession,

    // Quizzes.
    QuizAnswer(Answer),
    /// On from the shown feedback to the next question.
    QuizNext,
    /// "Hand in" pressed: hands in, or asks first when questions are unanswered.
    QuizHandIn,
    /// Handing in with unanswered questions, confirmed.
    QuizHandInConfirmed,
    QuizKeepAnswering,
    /// The exam's rules were read: start it (the clock starts now).
    QuizBegin,
    /// An exam: show question N (to answer it or change its answer).
    QuizGoTo(usize),
    /// An exam: flag or unflag the question on show (to come back to it).
    QuizToggleFlag,

    // The typing drill.
    TypingDone,
    TypingNext,

    // Scorecards.
    SelectCard(usize),
    /// The same scenario again, from its briefing.
    Retry,
    /// The shown record as a file.
    Export(ExportFormat),
    /// The trainee disputes a finding of the scorecard on show, with a reason.
    FileDispute { finding: crate::scorecard::FindingRef, reason: String },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    Html,
    Csv,
    Json,
}

impl ExportFormat {
    pub const ALL: [ExportFormat; 3] = [ExportFormat::Html, ExportFormat::Csv, ExportFormat::Json];

    /// The file extension, also the button's label (HTML, CSV, JSON read the same in both languages).
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Html => "html",
            ExportFormat::Csv => "csv",
            ExportFormat::Json => "json",
        }
    }
}
