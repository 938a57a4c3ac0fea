//! Drives a session from scripted, timed trainee inputs (a replies file or a
//! pinned example) to its end: the one helper golden tests, `kefu play` and
//! `kefu check` use, so none of them depends on the engine's call details.

use super::{Bundle, EngineError, Event, Session, TranscriptEntry};
use super::session::Draw;
use crate::content::raw::TimedInput;
use crate::grading::{ReplyGrade, SessionGrade};
use serde::Serialize;
use std::sync::Arc;

/// Everything a scripted run produced: the basis of a scorecard.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlanResult {
    pub scenario: String,
    pub draw: Draw,
    pub transcript: Vec<TranscriptEntry>,
    pub replies: Vec<ReplyGrade>,
    pub grade: SessionGrade,
    #[serde(skip)]
    pub events: Vec<Event>,
}

/// What the trainee does at one moment of a plan.
#[derive(Debug, Clone, PartialEq)]
pub enum PlanInput {
    Say(String),
    Act(crate::content::raw::Action),
    /// Typing without a pause from the input's time until this time.
    Type { until: f64 },
    /// The trainee ends the session (结束会话).
    Abandon,
}

/// Runs `inputs` (each `after_secs` after the previous one) and then lets time
/// run until the buyer ends the conversation.
pub fn run_plan(bundle: Arc<Bundle>, scenario_id: &str, seed: u64, inputs: &[TimedInput]) -> Result<PlanResult, EngineError> {
    let mut now = 0.0;
    let mut timed = Vec::with_capacity(inputs.len() * 2);
    for input in inputs {
        now += input.after_secs.max(0.0);
        if let Some(secs) = input.type_secs.filter(|s| *s > 0.0) {
            timed.push((now, PlanInput::Type { until: now + secs }));
            now += secs;
        }
        if let Some(text) = &input.say {
            timed.push((now, PlanInput::Say(text.clone())));
        }
        if let Some(action) = &input.act {
            timed.push((now, PlanInput::Act(action.clone())));
        }
    }
    run_plan_at(bundle, scenario_id, seed, &timed)
}

/// Runs inputs at absolute times (seconds since the start), as a transcript
/// records them, then lets time run to the end. Re-grading uses this, so the
/// times are exactly the recorded ones, with no sums of differences.
pub fn run_plan_at(bundle: Arc<Bundle>, scenario_id: &str, seed: u64, inputs: &[(f64, PlanInput)]) -> Result<PlanResult, EngineError> {
    let (mut session, mut events) = Session::start(bundle, scenario_id, seed, 0.0)?;
    let mut now: f64 = 0.0;
    for (at, input) in inputs {
        if session.is_ended() {
            break;
        }
        now = now.max(*at);
        events.extend(match input {
            PlanInput::Say(text) => session.reply(text, now)?,
            PlanInput::Act(action) => session.act(action.clone(), now)?,
            PlanInput::Type { until } => {
                let events = session.typed(now, until.max(now))?;
                now = now.max(*until);
                events
            }
            PlanInput::Abandon => session.abandon(now)?,
        });
    }
    events.extend(session.drain_to_end(now)?.0);
    let grade = session.grade().cloned().ok_or(EngineError::Ended)?;
    Ok(PlanResult {
        scenario: scenario_id.to_string(),
        draw: session.draw().clone(),
        transcript: session.transcript().to_vec(),
        replies: session.replies().to_vec(),
        grade,
        events,
    })
}
