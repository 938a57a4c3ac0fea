//! `kefu verify` and `kefu export`: the supervisor's commands over saved
//! records, reviews and disputes included. Pointed at a whole data folder,
//! both skip the files that are not records (settings, review decks, the
//! autosave) with a note; export warns about records that do not verify, or
//! refuses them with `--verified-only`. A review or dispute is checked against
//! its scorecard, given or found in the data folder it lives in (`related`).

use super::related::Related;
use super::{Cli, ExportFormat, fail, output_failed};
use crate::content::Course;
use crate::engine::Bundle;
use crate::scorecard::verify::{Subject, SubjectKind, Verdict, verify_record};
use crate::scorecard::{FamilyRecord, RecordRef, RowContext};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// A record file found, or a file under a folder that turned out not to be a record.
enum Found {
    Record(PathBuf, Box<FamilyRecord>),
    /// Given by name but unreadable: an error the user must see.
    Broken(crate::store::StoreError),
    /// Found while walking a folder and not a record at all: noted, not an error.
    NotARecord(PathBuf),
    /// A calibration round: verify checks its seals, export leaves it out.
    Round(PathBuf, crate::scorecard::Verdict),
}

/// Reads every record under `paths`. A file named on the command line must be a
/// record; a file found in a folder that is JSON of another kind is only noted.
fn find(paths: &[PathBuf]) -> Vec<Found> {
    crate::store::record_files(paths)
        .into_iter()
        .map(|(path, named)| match crate::store::read_family(&path) {
            Ok(record) => Found::Record(path, Box::new(record)),
            Err(error) => match crate::store::calibration::read_round(&path) {
                Ok(round) => Found::Round(path, crate::scorecard::calibration::verify_round(&round)),
                Err(_) => not_a_family_record(path, named, error),
            },
        })
        .collect()
}

/// A file `read_family` refused: a problem when named or when it looks like a record, else only noted.
fn not_a_family_record(path: PathBuf, named: bool, error: crate::store::StoreError) -> Found {
    match error {
        _ if !named && !crate::store::looks_like_record(&path) => Found::NotARecord(path),
        message => Found::Broken(message),
    }
}

/// One line saying whether `record` verifies, and whether it did.
fn verdict_line(path: &Path, record: &FamilyRecord, bundle: &Arc<Bundle>, related: &Related<'_>) -> (bool, String) {
    let verdict = match record {
        FamilyRecord::Attempt(attempt) => verify_record(attempt, bundle),
        other => related.verify(path, other).unwrap_or(Verdict::Ok),
    };
    let what = match record {
        FamilyRecord::Review(_) => "review",
        _ => "dispute",
    };
    let line = match verdict {
        Verdict::Ok => format!("OK {}", path.display()),
        Verdict::Edited(fields) => format!("EDITED {}: {}", path.display(), fields.join(", ")),
        Verdict::CannotVerify(fields) => format!(
            "CANNOT VERIFY {}: an old (schema 1) record without seals; its re-grade differs at {}",
            path.display(),
            fields.join(", ")
        ),
        Verdict::ContentChanged(parts) => format!(
            "CONTENT CHANGED {}: {} differ from the content it was graded against; cannot re-grade",
            path.display(),
            parts.join(", ")
        ),
        Verdict::SubjectChanged(Subject { kind: SubjectKind::Scorecard, id }) => format!(
            "SCORECARD CHANGED {}: the scorecard {id} this {what} is about has changed since it was written (its seal differs); the {what} judged other content: review it again",
            path.display()
        ),
        Verdict::SubjectMissing(Subject { kind: SubjectKind::Scorecard, id }) => format!(
            "SCORECARD MISSING {}: the scorecard {id} this {what} is about is neither among the files given nor in the data folder's scorecards/; verify it together with its scorecard",
            path.display()
        ),
        Verdict::SubjectChanged(Subject { kind: SubjectKind::Dispute, id }) => format!(
            "DISPUTE CHANGED {}: the dispute {id} this review answers has changed since (its seal differs); answer it again",
            path.display()
        ),
        Verdict::SubjectMissing(Subject { kind: SubjectKind::Dispute, id }) => format!(
            "DISPUTE MISSING {}: the dispute {id} this review answers is neither among the files given nor in the data folder's disputes/; verify it together with the dispute",
            path.display()
        ),
    };
    (line.starts_with("OK "), line)
}

fn skipped_note(path: &Path) -> String {
    format!("SKIPPED {}: not a scorecard (settings, a review deck or a session in progress)", path.display())
}

pub(super) fn verify(cli: &Cli, paths: &[PathBuf], stdout: &mut impl Write) -> u8 {
    let found = find(paths);
    if !found.iter().any(|f| !matches!(f, Found::NotARecord(_))) {
        return fail("no scorecard files found");
    }
    let bundle = Arc::new(Bundle::new(Course::load(&[], &cli.content_root())));
    let given: Vec<(&Path, &FamilyRecord)> =
        found.iter().filter_map(|f| if let Found::Record(path, record) = f { Some((path.as_path(), record.as_ref())) } else { None }).collect();
    let related = Related::new(given, paths);
    let mut all_ok = true;
    for item in &found {
        let (ok, line) = match item {
            Found::Record(path, record) => verdict_line(path, record, &bundle, &related),
            Found::Broken(message) => (false, format!("ERROR {message}")),
            Found::NotARecord(path) => (true, skipped_note(path)),
            Found::Round(path, Verdict::Ok) => (true, format!("OK {}", path.display())),
            Found::Round(path, Verdict::Edited(fields)) => (false, format!("EDITED {}: {}", path.display(), fields.join(", "))),
            Found::Round(path, _) => (false, format!("EDITED {}", path.display())),
        };
        all_ok &= ok;
        if let Err(error) = writeln!(stdout, "{line}") {
            return output_failed(error);
        }
    }
    if all_ok { 0 } else { 1 }
}

/// How `kefu export` writes, and whether it accepts records that do not verify.
pub(super) struct ExportOptions<'a> {
    pub format: ExportFormat,
    pub out: Option<&'a Path>,
    pub detail: bool,
    pub xapi_base: &'a str,
    pub verified_only: bool,
}

pub(super) fn export(cli: &Cli, paths: &[PathBuf], options: ExportOptions, stdout: &mut impl Write) -> u8 {
    let found = find(paths);
    let mut cards = Vec::new();
    let mut files = Vec::new();
    for item in found {
        match item {
            Found::Record(path, record) => {
                files.push(path);
                cards.push(*record);
            }
            // A record that cannot be read is a problem found (1), not bad usage (2).
            Found::Broken(message) => {
                eprintln!("kefu: {message}");
                return 1;
            }
            Found::NotARecord(path) => eprintln!("kefu: {}", skipped_note(&path)),
            Found::Round(path, _) => eprintln!("kefu: SKIPPED {}: a calibration round (`kefu calibrate report` shows it)", path.display()),
        }
    }
    if cards.is_empty() {
        return fail("no scorecard files found");
    }
    // A supervisor must know when a number in the export is not the grader's.
    let bundle = Arc::new(Bundle::new(Course::load(&[], &cli.content_root())));
    let related = Related::new(files.iter().map(PathBuf::as_path).zip(&cards).collect(), paths);
    let mut unverified = 0;
    let mut verified = Vec::with_capacity(cards.len());
    for (path, card) in files.iter().zip(&cards) {
        let (ok, line) = verdict_line(path, card, &bundle, &related);
        verified.push(ok);
        if !ok {
            unverified += 1;
            eprintln!("kefu: warning: {line}");
        }
    }
    if unverified > 0 && options.verified_only {
        eprintln!("kefu: {unverified} record(s) do not verify (above); nothing exported (--verified-only)");
        return 1;
    }
    let mut bytes = Vec::new();
    let written = match options.format {
        ExportFormat::Json if cards.len() == 1 => writeln!(bytes, "{}", cards[0].to_json()),
        ExportFormat::Json => serde_json::to_writer_pretty(&mut bytes, &cards).map_err(std::io::Error::other),
        ExportFormat::Csv if options.detail => crate::scorecard::csv::write_detail(&mut bytes, &cards),
        ExportFormat::Csv => crate::scorecard::csv::write_summary_rows(&mut bytes, summary_rows(&cards, &verified, &related)),
        ExportFormat::Html => crate::scorecard::html::write(&mut bytes, &cards),
        ExportFormat::Xapi => {
            let left_out = cards.iter().filter(|card| !crate::scorecard::xapi::has_statement(RecordRef::from(*card))).count();
            if left_out > 0 {
                eprintln!(
                    "kefu: note: {left_out} review or dispute record(s) left out: xAPI records what a learner did, and a review or a dispute is not an attempt (their CSV and HTML exports carry them)"
                );
            }
            crate::scorecard::xapi::write(&mut bytes, &cards, options.xapi_base)
        }
    };
    if let Err(error) = written {
        eprintln!("kefu: export failed: {error}");
        return 1;
    }
    if unverified > 0 {
        eprintln!("kefu: exported {} record(s), {unverified} of them not verified", cards.len());
    }
    finish_export(options.out, &bytes, stdout)
}

/// Each record with what is known around it: a scorecard's review state and
/// reviewed score, a dispute's state, and whether it verified.
fn summary_rows<'a>(cards: &'a [FamilyRecord], verified: &[bool], related: &Related<'_>) -> Vec<(RecordRef<'a>, RowContext)> {
    let index = related.index();
    cards
        .iter()
        .zip(verified)
        .map(|(card, ok)| {
            let record = RecordRef::from(card);
            let mut context = RowContext { verified: Some(*ok), ..RowContext::default() };
            match card {
                FamilyRecord::Attempt(crate::scorecard::Record::Scenario(scorecard)) => {
                    context.review = Some(index.status(&scorecard.record_id(), &scorecard.seal()));
                }
                FamilyRecord::Dispute(dispute) => context.dispute = index.dispute_state(dispute).map(|entry| entry.state),
                _ => {}
            }
            (record, context)
        })
        .collect()
}

fn finish_export(out: Option<&Path>, bytes: &[u8], stdout: &mut impl Write) -> u8 {
    match out {
        Some(path) => match crate::store::write_atomic(path, bytes) {
            Ok(()) => 0,
            Err(error) => {
                eprintln!("kefu: {error}");
                1
            }
        },
        None => {
            match stdout.write_all(bytes) {
                Ok(()) => 0,
                Err(error) => output_failed(error),
            }
        }
    }
}
