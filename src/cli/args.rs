//! The argument types the commands share: value enums for clap, who did an
//! attempt and where its record goes (`RecordArgs`), and `--expect`.

use crate::content::raw::Lang;
use clap::ValueEnum;
use std::path::PathBuf;

/// Who did it, when, and where its scorecard goes (`play` and `quiz`).
#[derive(Debug, clap::Args)]
pub struct RecordArgs {
    /// Write the scorecard JSON here (atomically).
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// The trainee's name, recorded in the scorecard.
    #[arg(long, default_value = "anonymous")]
    pub trainee: String,
    /// The trainee's id (employee number); default: the name.
    #[arg(long)]
    pub trainee_id: Option<String>,
    /// When it happened, RFC 3339 UTC, or `now`; left out, the scorecard has no time
    /// (so the same run gives the same bytes).
    #[arg(long)]
    pub when: Option<String>,
    /// Also save the scorecard in the data folder (scorecards/<trainee id>/) and put
    /// what was missed into the trainee's review deck, as the app does.
    #[arg(long)]
    pub save: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum QuizModeArg {
    Practice,
    Exam,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Json,
    Csv,
    Html,
    Xapi,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExpectArg {
    Pass,
    Fail,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    Zh,
    En,
}

impl From<LangArg> for Lang {
    fn from(lang: LangArg) -> Lang {
        match lang {
            LangArg::Zh => Lang::Zh,
            LangArg::En => Lang::En,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
}

/// Exit 1 when the run did not pass (or fail) as `--expect` asked.
pub(super) fn expect_code(expect: Option<ExpectArg>, passed: bool) -> u8 {
    match expect {
        Some(ExpectArg::Pass) if !passed => 1,
        Some(ExpectArg::Fail) if passed => 1,
        _ => 0,
    }
}
