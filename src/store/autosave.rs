//! Nothing is lost: the running session is saved after every reply and action
//! (atomically), so after a crash or a kill the next start can resume it with
//! everything already sent. What is saved is what the trainee did, with times;
//! resuming replays it through the engine, which is deterministic.

use crate::content::raw::Action;
use crate::engine::{Bundle, EngineError, Shift};
use serde::{Deserialize, Serialize};
use super::error::{StateFile, StoreError};
use super::state;
use std::path::Path;
use std::sync::Arc;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Input {
    Say(String),
    Act(Action),
    /// Typed without a pause from the input's time until `until`.
    Type { until: f64 },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Autosave {
    /// (scenario id, seed) per buyer: one for a normal session, several in rush mode.
    pub buyers: Vec<(String, u64)>,
    /// (buyer index, seconds since the start, input), in order.
    pub inputs: Vec<(usize, f64, Input)>,
}

const FILE: &str = "autosave.json";

impl Autosave {
    pub fn save(&self, data: &Path) -> Result<(), StoreError> {
        state::save(&data.join(FILE), self, false)
    }

    /// The session left by a crash, if any. An unreadable file is an error to
    /// show (`StoreError::SetAside`): it has been renamed, never deleted.
    pub fn load(data: &Path) -> Result<Option<Autosave>, StoreError> {
        state::load(&data.join(FILE), StateFile::Autosave)
    }

    pub fn clear(data: &Path) -> Result<(), StoreError> {
        super::remove_if_present(&data.join(FILE))
    }

    /// Notes typing to `buyer`: the engine's open stretch `(from, until)`
    /// extends the last saved stretch when it is the same one, or starts a new
    /// one. Returns whether the stretch is new (worth saving at once).
    pub fn note_typing(&mut self, buyer: usize, (from, until): (f64, f64)) -> bool {
        if let Some((last_buyer, at, Input::Type { until: saved })) = self.inputs.last_mut()
            && *last_buyer == buyer
            && *at == from
        {
            *saved = until;
            return false;
        }
        self.inputs.push((buyer, from, Input::Type { until }));
        true
    }

    /// Replays the saved inputs: the shift as it was at the last input, and that time.
    pub fn resume(&self, bundle: Arc<Bundle>) -> Result<(Shift, f64), EngineError> {
        let buyers: Vec<(&str, u64)> = self.buyers.iter().map(|(id, seed)| (id.as_str(), *seed)).collect();
        let (mut shift, _) = Shift::start(bundle, &buyers, 0.0)?;
        let mut now: f64 = 0.0;
        for (buyer, at, input) in &self.inputs {
            now = now.max(*at);
            if shift.sessions().get(*buyer).is_none_or(|s| s.is_ended()) {
                continue;
            }
            match input {
                Input::Say(text) => shift.reply(*buyer, text, now)?,
                Input::Act(action) => shift.act(*buyer, action.clone(), now)?,
                Input::Type { until } => {
                    let events = shift.typed(*buyer, now, until.max(now))?;
                    now = now.max(*until);
                    events
                }
            };
        }
        Ok((shift, now))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_autosave_round_trips_and_a_corrupt_one_is_kept_aside() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(Autosave::load(dir.path()).unwrap(), None);
        let saved = Autosave { buyers: vec![("wrong-colour-thermos".into(), 7)], inputs: vec![(0, 3.5, Input::Say("亲".into()))] };
        saved.save(dir.path()).unwrap();
        assert_eq!(Autosave::load(dir.path()).unwrap(), Some(saved));
        std::fs::write(dir.path().join(FILE), "{\"buyers\": [").unwrap();
        let error = Autosave::load(dir.path()).unwrap_err();
        assert!(matches!(error, StoreError::SetAside { file: StateFile::Autosave, .. }), "{error}");
        assert!(error.to_string().contains("no session to resume"), "{error}");
        assert_eq!(std::fs::read_to_string(state::kept_as(&error).unwrap()).unwrap(), "{\"buyers\": [");
        assert_eq!(Autosave::load(dir.path()).unwrap(), None);
    }
}
