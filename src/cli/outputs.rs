//! Where the record of a `kefu play` or `kefu quiz` goes: `--out` (written
//! atomically), and with `--save` the data folder through
//! `store::record_attempt`, the same step the app takes when an attempt ends.

use super::{Cli, CliError, RecordArgs};
use crate::scorecard::{RecordRef, RunMeta, Trainee};
use crate::store::{Attempt, InProgress, record_attempt};
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

pub(super) struct Outputs<'a> {
    out: Option<&'a Path>,
    save_to: Option<PathBuf>,
    pub meta: RunMeta,
    /// When it happened, for the review deck: `--when`, else now.
    at: SystemTime,
}

/// `--when`: RFC 3339 (written back in UTC, to the second) or `now`, with the moment it names.
pub(super) fn when(text: &str) -> Result<(Option<String>, SystemTime), CliError> {
    let time = match text {
        "now" => SystemTime::now(),
        text => humantime::parse_rfc3339(text).map_err(|source| CliError::BadWhen { text: text.to_string(), source })?,
    };
    Ok((Some(humantime::format_rfc3339_seconds(time).to_string()), time))
}

impl<'a> Outputs<'a> {
    /// The outputs `record` asks for; the data folder is opened only with `--save`.
    pub fn new(record: &'a RecordArgs, cli: &Cli) -> Result<Outputs<'a>, CliError> {
        let (when_utc, at) = match record.when.as_deref() {
            None => (None, SystemTime::now()),
            Some(text) => when(text)?,
        };
        let id = record.trainee_id.clone().unwrap_or_else(|| record.trainee.clone());
        let meta = RunMeta { trainee: Trainee { name: record.trainee.clone(), id }, when_utc };
        let save_to = match record.save {
            true => Some(crate::store::open(cli.data_dir.as_deref())?),
            false => None,
        };
        Ok(Outputs { out: record.out.as_deref(), save_to, meta, at })
    }

    /// Writes the record to `--out` and, with `--save`, records the attempt in
    /// the data folder (saved, review deck fed); on failure says why and gives the exit code.
    pub fn deliver(&self, attempt: Attempt<'_>) -> Result<(), u8> {
        // The CLI's attempts hold one record each.
        let json: Vec<String> = attempt.records().iter().map(RecordRef::to_json).collect();
        if let Some(out) = self.out
            && let Err(error) = crate::store::write_atomic(out, json.join("\n").as_bytes())
        {
            eprintln!("kefu: {error}");
            return Err(1);
        }
        let Some(data) = &self.save_to else { return Ok(()) };
        let now_unix = self.at.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs() as i64);
        // A scripted run has no autosave or exam of its own: the app's stay untouched.
        match record_attempt(data, attempt, InProgress::Nothing, now_unix) {
            Ok(recorded) => {
                for path in &recorded.saved {
                    eprintln!("kefu: saved {}", path.display());
                }
                for warning in &recorded.warnings {
                    eprintln!("kefu: warning: {warning}");
                }
                let questions: std::collections::BTreeSet<&str> = recorded.reviewed.iter().map(|r| r.question.as_str()).collect();
                if !questions.is_empty() {
                    eprintln!("kefu: {} question(s) in the review deck", questions.len());
                }
                Ok(())
            }
            Err(error) => {
                eprintln!("kefu: cannot save the scorecard: {error}");
                Err(1)
            }
        }
    }
}
