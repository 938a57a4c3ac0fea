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
    /// Scenario id → (best total, attempts), from `summaries`.
    pub progress: BTreeMap<String, (f64, usize)>,
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
        let mut progress = BTreeMap::new();
        for (_, summary) in summaries.iter().filter(|(_, s)| s.kind == RecordKind::Scenario) {
            let entry = progress.entry(summary.activity.id.clone()).or_insert((0.0_f64, 0));
            entry.0 = entry.0.max(summary.total);
            entry.1 += 1;
        }
        // A deck that cannot be read is set aside when the next attempt is recorded, and reported then.
        let due = Progress::load(data, trainee).map(|progress| progress.deck.due(now_unix).len()).unwrap_or(0);
        let practice = crate::scorecard::practice::suggest(&cards, &bundle.course, &bundle.grader, 3);
        SavedCache { summaries, progress, due, practice }
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
