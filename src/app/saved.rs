//! What the home and "my scorecards" screens show from the data folder, read
//! once per visit rather than on every frame (a trainee may have hundreds of
//! attempts), and who the trainee is.

use crate::engine::Bundle;
use crate::scorecard::csv::{RecordKind, Summary};
use crate::scorecard::{Record, RunMeta, Trainee, practice::Suggestion};
use crate::store::Settings;
use crate::store::review::Progress;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

#[derive(Debug, Default)]
pub struct SavedCache {
    /// Newest last: each scorecard file with its summary.
    pub summaries: Vec<(PathBuf, Summary)>,
    /// Scenario id → how this trainee has done at it, from `summaries`.
    pub progress: BTreeMap<String, ScenarioProgress>,
    /// Review questions due now.
    pub due: usize,
    /// What this trainee lost most points on across their scenario attempts.
    pub practice: Vec<Suggestion>,
}

impl SavedCache {
    /// Reads the trainee's records once, whole: summaries for the lists, findings for "practise next".
    pub fn read(data: &Path, bundle: &Bundle, trainee: &str, now_unix: i64) -> SavedCache {
        let mut summaries = Vec::new();
        let mut cards = Vec::new();
        for (path, record) in crate::store::trainee_records(data, trainee) {
            summaries.push((path, Summary::from(&record)));
            if let Record::Scenario(card) = record {
                cards.push(card);
            }
        }
        let mut progress: BTreeMap<String, ScenarioProgress> = BTreeMap::new();
        for (_, summary) in summaries.iter().filter(|(_, s)| s.kind == RecordKind::Scenario) {
            progress.entry(summary.activity.id.clone()).or_default().add(summary.total, summary.passed, summary.abandoned);
        }
        // A deck that cannot be read is set aside when the next attempt is recorded, and reported then.
        let due = Progress::load(data, trainee).map(|progress| progress.deck.due(now_unix).len()).unwrap_or(0);
        let practice = crate::scorecard::practice::suggest(&cards, &bundle.course, &bundle.grader, 3);
        SavedCache { summaries, progress, due, practice }
    }
}

/// One scenario's attempts by this trainee.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct ScenarioProgress {
    pub attempts: usize,
    /// The best total of any attempt.
    pub best: f64,
    /// The best total of a passing attempt: a high score that failed (a
    /// critical mistake) is not a pass, and "best" must not suggest it is.
    pub best_pass: Option<f64>,
}

impl ScenarioProgress {
    /// One attempt; a session ended early counts as an attempt but its total
    /// (of the replies so far) is no one's best.
    fn add(&mut self, total: f64, passed: bool, abandoned: bool) {
        self.attempts += 1;
        if abandoned {
            return;
        }
        self.best = self.best.max(total);
        if passed {
            self.best_pass = Some(self.best_pass.map_or(total, |best| best.max(total)));
        }
    }

    pub fn passed(&self) -> bool {
        self.best_pass.is_some()
    }
}

/// The trainee id scorecards are filed under: the id, else the name, else "anonymous".
pub fn trainee_id(settings: &Settings) -> String {
    let id = settings.trainee_id.trim();
    let name = settings.trainee_name.trim();
    if !id.is_empty() {
        id.to_string()
    } else if !name.is_empty() {
        name.to_string()
    } else {
        "anonymous".to_string()
    }
}

/// Who is training, and now (RFC 3339 UTC), for a scorecard.
pub fn run_meta(settings: &Settings, clock: &super::Clock) -> RunMeta {
    let name = settings.trainee_name.trim();
    RunMeta {
        trainee: Trainee { name: if name.is_empty() { "anonymous".into() } else { name.into() }, id: trainee_id(settings) },
        when_utc: Some(humantime::format_rfc3339_seconds(clock.wall()).to_string()),
    }
}
