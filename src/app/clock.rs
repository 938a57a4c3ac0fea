//! Where the app's notion of "now" comes from: the real clock, or a hand-set
//! one in tests (so buyer patience and review schedules can be tested without waiting).

use std::sync::{Arc, Mutex};
use std::time::Instant;

#[derive(Debug, Clone)]
pub enum Clock {
    Real(Instant),
    Manual(Arc<Mutex<f64>>),
}

/// Where a hand-set clock's wall time starts: 2026-11-23T09:00:00Z.
pub const MANUAL_EPOCH_SECS: f64 = 1_795_424_400.0;

impl Clock {
    /// Seconds since the clock started.
    pub fn now(&self) -> f64 {
        match self {
            Clock::Real(origin) => origin.elapsed().as_secs_f64(),
            Clock::Manual(now) => *now.lock().unwrap_or_else(|e| e.into_inner()),
        }
    }

    /// The wall-clock time: real, or for a hand-set clock 2026-11-23 09:00 UTC
    /// plus its seconds, so tests can move days ahead (review schedules).
    pub fn wall(&self) -> std::time::SystemTime {
        match self {
            Clock::Real(_) => std::time::SystemTime::now(),
            Clock::Manual(_) => std::time::UNIX_EPOCH + std::time::Duration::from_secs_f64(MANUAL_EPOCH_SECS + self.now().max(0.0)),
        }
    }

    /// Unix seconds of `wall()`, with fractions.
    pub fn unix_secs(&self) -> f64 {
        self.wall().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs_f64()).unwrap_or(0.0)
    }

    /// Unix seconds of `wall()`.
    pub fn unix_now(&self) -> i64 {
        self.wall().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs() as i64).unwrap_or(0)
    }

    /// A seed for a new attempt: fresh from the real clock, fixed under a test
    /// clock so tests see the same draw every time.
    pub fn seed(&self, fixed: u64) -> u64 {
        match self {
            Clock::Real(_) => std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_nanos() as u64).unwrap_or(0),
            Clock::Manual(_) => fixed,
        }
    }
}
