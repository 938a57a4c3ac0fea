//! `kefu verify` and `kefu export`: the supervisor's commands over saved
//! records. Pointed at a whole data folder, both skip the files that are not
//! records (settings, review decks, the autosave) with a note; export warns
//! about records that do not verify, or refuses them with `--verified-only`.

use super::{Cli, ExportFormat, fail, output_failed};
use crate::content::Course;
use crate::engine::Bundle;
use crate::scorecard::Record;
use crate::scorecard::verify::{Verdict, verify_record};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// A record file found, or a file under a folder that turned out not to be a record.
enum Found {
    Record(PathBuf, Box<Record>),
    /// Given by name but unreadable: an error the user must see.
    Broken(crate::store::StoreError),
    /// Found while walking a folder and not a record at all: noted, not an error.
    NotARecord(PathBuf),
}

/// Reads every record under `paths`. A file named on the command line must be a
/// record; a file found in a folder that is JSON of another kind is only noted.
fn find(paths: &[PathBuf]) -> Vec<Found> {
    crate::store::record_files(paths)
        .into_iter()
        .map(|(path, named)| match crate::store::read_record(&path) {
            Ok(record) => Found::Record(path, Box::new(record)),
            Err(_) if !named && !crate::store::looks_like_record(&path) => Found::NotARecord(path),
            Err(message) => Found::Broken(message),
        })
        .collect()
}

/// One line saying whether `record` verifies, and whether it did.
fn verdict_line(path: &Path, record: &Record, bundle: &Arc<Bundle>) -> (bool, String) {
    let line = match verify_record(record, bundle) {
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
    let mut all_ok = true;
    for item in &found {
        let (ok, line) = match item {
            Found::Record(path, record) => verdict_line(path, record, &bundle),
            Found::Broken(message) => (false, format!("ERROR {message}")),
            Found::NotARecord(path) => (true, skipped_note(path)),
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
        }
    }
    if cards.is_empty() {
        return fail("no scorecard files found");
    }
    // A supervisor must know when a number in the export is not the grader's.
    let bundle = Arc::new(Bundle::new(Course::load(&[], &cli.content_root())));
    let mut unverified = 0;
    for (path, card) in files.iter().zip(&cards) {
        let (ok, line) = verdict_line(path, card, &bundle);
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
        ExportFormat::Csv => crate::scorecard::csv::write_summary(&mut bytes, &cards),
        ExportFormat::Html => crate::scorecard::html::write(&mut bytes, &cards),
        ExportFormat::Xapi => crate::scorecard::xapi::write(&mut bytes, &cards, options.xapi_base),
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
