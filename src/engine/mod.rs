//! The conversation runtime: `Session` (one buyer), `Shift` (several at once),
//! seeded variants, buyer patience, branching on the grade, order actions,
//! and `run_plan` to drive a session from scripted, timed inputs.
//! Returns events; never calls back, never reads a clock, never touches files.

pub(crate) mod examples;
pub(crate) mod order_now;
pub(crate) mod plan;
pub(crate) mod session;
pub(crate) mod shift;

pub use plan::{PlanInput, PlanResult, run_plan, run_plan_at};
pub use session::{EngineError, Session};
pub use shift::Shift;
pub use order_now::OrderNow;
pub use examples::load_checked;
/// The seeded draws live below the engine, shared with the quiz.
pub use crate::seeded as variants;

use crate::content::Course;
use crate::content::raw::{Action, Outcome};
use crate::grading::{Grader, ReplyGrade, SessionGrade};
use crate::i18n::Msg;
use serde::{Deserialize, Serialize};

/// The note recorded when a buyer gives up waiting (saved as written, in records).
pub(crate) const BUYER_LEFT: &str = "buyer left";

/// A validated course with its compiled grader: what sessions share.
#[derive(Debug, Clone)]
pub struct Bundle {
    pub course: Course,
    pub grader: Grader,
}

impl Bundle {
    pub fn new(course: Course) -> Bundle {
        let grader = Grader::new(&course);
        Bundle { course, grader }
    }
}

/// Something that happened, for the UI or CLI to render.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "event", rename_all = "snake_case")]
pub enum Event {
    BuyerSays { at: f64, node: String, text: String },
    AgentSaid { at: f64, text: String },
    ActionTaken { at: f64, action: Action, problem: Option<String> },
    /// 在吗? after a silence.
    Nudge { at: f64, text: String },
    ReplyGraded { at: f64, grade: ReplyGrade },
    BuyerLeft { at: f64 },
    Ended { at: f64, outcome: Outcome, grade: SessionGrade },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Who {
    Buyer,
    Agent,
    System,
}

/// One line of the transcript.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TranscriptEntry {
    pub at: f64,
    pub who: Who,
    /// The node it belongs to.
    pub node: String,
    pub kind: EntryKind,
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action: Option<Action>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub problem: Option<String>,
    /// For a typing entry: the agent typed without a pause from `at` until this time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<f64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntryKind {
    Message,
    Nudge,
    Action,
    Note,
    /// The agent was typing (keys pressed, or text waiting in the reply box)
    /// after sending something: the buyer waited to read. Recorded so a replay
    /// keeps the buyer waiting exactly as long.
    Typing,
    /// The trainee ended the session here (结束会话), before the buyer did.
    /// Recorded so a replay ends it at the same moment.
    Abandoned,
}

impl TranscriptEntry {
    /// How long a typing entry's stretch of typing lasted.
    pub fn typing_secs(&self) -> Option<f64> {
        (self.kind == EntryKind::Typing).then(|| (self.until.unwrap_or(self.at) - self.at).max(0.0))
    }

    /// What a reader is told about a typing entry, in the report's language.
    pub fn typing_note(&self, lang: crate::content::raw::Lang) -> Option<String> {
        let secs = self.typing_secs()?;
        Some(Msg::TypingNote.fill(lang, &[("secs", &format!("{secs:.1}"))]))
    }

    /// The entry as a reader sees it in `lang`: what was said or done as
    /// written, and the engine's own notes (the buyer left, the trainee ended
    /// the session, typing) in the reader's language.
    pub fn shown(&self, lang: crate::content::raw::Lang) -> String {
        match self.kind {
            EntryKind::Typing => self.typing_note(lang).unwrap_or_default(),
            EntryKind::Abandoned => Msg::NoteEndedByTrainee.get(lang).to_string(),
            EntryKind::Note if self.text == BUYER_LEFT => Msg::NoteBuyerLeft.get(lang).to_string(),
            _ => self.text.clone(),
        }
    }

    fn message(at: f64, who: Who, node: &str, text: &str) -> TranscriptEntry {
        TranscriptEntry { at, who, node: node.into(), kind: EntryKind::Message, text: text.into(), action: None, problem: None, until: None }
    }
    fn nudge(at: f64, node: &str, text: &str) -> TranscriptEntry {
        TranscriptEntry { at, who: Who::Buyer, node: node.into(), kind: EntryKind::Nudge, text: text.into(), action: None, problem: None, until: None }
    }
    fn action(at: f64, node: &str, action: &Action, text: &str, problem: Option<String>) -> TranscriptEntry {
        TranscriptEntry {
            at,
            who: Who::Agent,
            node: node.into(),
            kind: EntryKind::Action,
            text: text.to_string(),
            action: Some(action.clone()),
            problem,
            until: None,
        }
    }
    fn typing(from: f64, until: f64, node: &str) -> TranscriptEntry {
        TranscriptEntry {
            at: from,
            who: Who::Agent,
            node: node.into(),
            kind: EntryKind::Typing,
            text: String::new(),
            action: None,
            problem: None,
            until: Some(until),
        }
    }
    fn abandoned(at: f64, node: &str) -> TranscriptEntry {
        TranscriptEntry { at, who: Who::Agent, node: node.into(), kind: EntryKind::Abandoned, text: String::new(), action: None, problem: None, until: None }
    }
    fn system(at: f64, node: &str, text: &str) -> TranscriptEntry {
        TranscriptEntry { at, who: Who::System, node: node.into(), kind: EntryKind::Note, text: text.into(), action: None, problem: None, until: None }
    }
}
