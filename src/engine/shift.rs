//! Several buyers at once (rush mode, 多任务): one session per buyer, each
//! timed on its own, fed the same clock. Events carry the buyer's index.

use super::{Bundle, EngineError, Event, Session};
use crate::content::raw::Action;
use std::sync::Arc;

#[derive(Debug, Clone)]
pub struct Shift {
    sessions: Vec<Session>,
}

impl Shift {
    /// Starts one session per `(scenario id, seed)`, all at `now`.
    pub fn start(bundle: Arc<Bundle>, buyers: &[(&str, u64)], now: f64) -> Result<(Shift, Vec<(usize, Event)>), EngineError> {
        let mut sessions = Vec::new();
        let mut events = Vec::new();
        for (index, (scenario, seed)) in buyers.iter().enumerate() {
            let (session, opening) = Session::start(bundle.clone(), scenario, *seed, now)?;
            events.extend(opening.into_iter().map(|e| (index, e)));
            sessions.push(session);
        }
        Ok((Shift { sessions }, events))
    }

    /// Starts a shift from sessions already running (e.g. replayed from an autosave).
    pub fn from_sessions(sessions: Vec<Session>) -> Shift {
        Shift { sessions }
    }

    pub fn sessions(&self) -> &[Session] {
        &self.sessions
    }

    pub fn reply(&mut self, buyer: usize, text: &str, now: f64) -> Result<Vec<(usize, Event)>, EngineError> {
        let mut events = self.tick_others(buyer, now)?;
        events.extend(self.session(buyer)?.reply(text, now)?.into_iter().map(|e| (buyer, e)));
        Ok(events)
    }

    pub fn act(&mut self, buyer: usize, action: Action, now: f64) -> Result<Vec<(usize, Event)>, EngineError> {
        let mut events = self.tick_others(buyer, now)?;
        events.extend(self.session(buyer)?.act(action, now)?.into_iter().map(|e| (buyer, e)));
        Ok(events)
    }

    /// The trainee is typing to `buyer` at `now` (see `Session::typing`).
    pub fn typing(&mut self, buyer: usize, now: f64) -> Result<Vec<(usize, Event)>, EngineError> {
        self.typed(buyer, now, now)
    }

    /// The trainee typed to `buyer` without a pause from `from` until `until`.
    pub fn typed(&mut self, buyer: usize, from: f64, until: f64) -> Result<Vec<(usize, Event)>, EngineError> {
        let mut events = self.tick_others(buyer, from)?;
        events.extend(self.session(buyer)?.typed(from, until)?.into_iter().map(|e| (buyer, e)));
        Ok(events)
    }

    /// Lets time pass for every buyer still talking.
    pub fn tick(&mut self, now: f64) -> Result<Vec<(usize, Event)>, EngineError> {
        self.tick_others(usize::MAX, now)
    }

    /// Lets time run from `now` until every conversation is over (see
    /// `Session::drain_to_end`): ending a rush shift early means every buyer
    /// still waiting waits in vain. Returns the events and the time the last one ended.
    pub fn drain_to_end(&mut self, now: f64) -> Result<(Vec<(usize, Event)>, f64), EngineError> {
        // All buyers on one clock, deadline by deadline, so events come in time order.
        let mut events = Vec::new();
        let mut end = now;
        while let Some(deadline) = self.next_deadline() {
            end = end.max(deadline);
            events.extend(self.tick(end)?);
        }
        Ok((events, end))
    }

    /// The trainee ends the shift at `now` (结束会话): every conversation
    /// still going ends with no verdict (`Session::abandon`).
    pub fn abandon(&mut self, now: f64) -> Result<Vec<(usize, Event)>, EngineError> {
        let mut events = Vec::new();
        for (index, session) in self.sessions.iter_mut().enumerate() {
            if !session.is_ended() {
                events.extend(session.abandon(now)?.into_iter().map(|e| (index, e)));
            }
        }
        Ok(events)
    }

    pub fn next_deadline(&self) -> Option<f64> {
        self.sessions.iter().filter_map(Session::next_deadline).min_by(f64::total_cmp)
    }

    pub fn is_over(&self) -> bool {
        self.sessions.iter().all(Session::is_ended)
    }

    fn session(&mut self, buyer: usize) -> Result<&mut Session, EngineError> {
        let count = self.sessions.len();
        self.sessions.get_mut(buyer).ok_or(EngineError::UnknownScenario(format!("buyer {buyer} of {count}")))
    }

    fn tick_others(&mut self, except: usize, now: f64) -> Result<Vec<(usize, Event)>, EngineError> {
        let mut events = Vec::new();
        for (index, session) in self.sessions.iter_mut().enumerate() {
            if index != except && !session.is_ended() {
                events.extend(session.tick(now)?.into_iter().map(|e| (index, e)));
            }
        }
        Ok(events)
    }
}
