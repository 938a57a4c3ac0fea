//! `kefu report DIR...`: the cohort table over one or more data folders (or
//! folders of records), as CSV (by trainee, or by scenario with `--by
//! scenario`) or as a printable HTML page in the reader's language; HTML with
//! `--trainee` is that trainee's 绩效档案 (`scorecard::performance_page`). Records are
//! read through `store::FolderSource`; a file that cannot be read is named on
//! standard error and listed in the page, never fatal.

use super::{CliError, LangArg, fail, output_failed};
use crate::scorecard::cohort::{self, Filter};
use crate::scorecard::performance_file::{self, Inputs};
use crate::scorecard::performance_page;
use crate::store::{FolderSource, RecordSource};
use clap::ValueEnum;
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Csv,
    Html,
}

/// The rows of a CSV report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportBy {
    Trainee,
    Scenario,
}

/// What `kefu report` was asked for.
pub(super) struct ReportOptions<'a> {
    pub format: ReportFormat,
    pub by: ReportBy,
    pub trainee: Option<&'a str>,
    pub since: Option<&'a str>,
    pub lang: LangArg,
    pub out: Option<&'a Path>,
}

/// `--since`: a date written `YYYY-MM-DD`.
fn since_date(text: &str) -> Result<String, CliError> {
    let bytes = text.as_bytes();
    let shaped = bytes.len() == 10
        && bytes.iter().enumerate().all(|(i, b)| if i == 4 || i == 7 { *b == b'-' } else { b.is_ascii_digit() });
    let month = text.get(5..7).and_then(|m| m.parse::<u8>().ok()).unwrap_or(0);
    let day = text.get(8..10).and_then(|d| d.parse::<u8>().ok()).unwrap_or(0);
    if shaped && (1..=12).contains(&month) && (1..=31).contains(&day) {
        Ok(text.to_string())
    } else {
        Err(CliError::BadSince { text: text.to_string() })
    }
}

pub(super) fn run(paths: &[PathBuf], options: ReportOptions, stdout: &mut impl Write) -> u8 {
    if let Some(missing) = paths.iter().find(|p| !p.exists()) {
        return fail(format!("{}: no such file or folder", missing.display()));
    }
    let since = match options.since.map(since_date).transpose() {
        Ok(since) => since,
        Err(error) => return fail(error),
    };
    let filter = Filter { trainee: options.trainee.map(str::to_string), since };
    let mut source = FolderSource::new(paths.to_vec());
    source.refresh();
    let mut unreadable = Vec::new();
    for error in source.unreadable() {
        eprintln!("kefu: warning: {error}");
        unreadable.push(error.path().map(|p| p.display().to_string()).unwrap_or_default());
    }
    let mut bytes = Vec::new();
    // One trainee's page is their 绩效档案 (performance file), read from their full records.
    if let (ReportFormat::Html, Some(trainee)) = (options.format, options.trainee) {
        let read = crate::store::performance_records(&source, trainee, filter.since.as_deref());
        for error in &read.unreadable {
            eprintln!("kefu: warning: {error}");
            unreadable.push(error.path().map(|p| p.display().to_string()).unwrap_or_default());
        }
        let inputs = Inputs { trainee_id: trainee, records: &read.records, reviews: &read.reviews, disputes: &read.disputes, since: filter.since.as_deref() };
        // The day it is made, in UTC as every record's time is.
        let today: String = humantime::format_rfc3339_seconds(std::time::SystemTime::now()).to_string().chars().take(10).collect();
        if let Err(error) = performance_page::write(&mut bytes, &performance_file::build(inputs), &today, &unreadable, options.lang.into()) {
            eprintln!("kefu: report failed: {error}");
            return 1;
        }
        return deliver(&bytes, options.out, stdout);
    }
    let table = cohort::table(source.summaries(), &filter);
    let written = match (options.format, options.by) {
        (ReportFormat::Csv, ReportBy::Trainee) => cohort::write_trainees_csv(&mut bytes, &table),
        (ReportFormat::Csv, ReportBy::Scenario) => cohort::write_scenarios_csv(&mut bytes, &table),
        (ReportFormat::Html, _) => cohort::write_html(&mut bytes, &table, &filter, &unreadable, options.lang.into()),
    };
    if let Err(error) = written {
        eprintln!("kefu: report failed: {error}");
        return 1;
    }
    deliver(&bytes, options.out, stdout)
}

/// Writes the report to `--out` (atomically) or standard output; the exit code.
fn deliver(bytes: &[u8], out: Option<&Path>, stdout: &mut impl Write) -> u8 {
    match out {
        Some(path) => match crate::store::write_atomic(path, bytes) {
            Ok(()) => 0,
            Err(error) => {
                eprintln!("kefu: {error}");
                1
            }
        },
        None => match stdout.write_all(bytes) {
            Ok(()) => 0,
            Err(error) => output_failed(error),
        },
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn since_is_a_calendar_date() {
        assert_eq!(super::since_date("2026-11-02").unwrap(), "2026-11-02");
        for bad in ["2026-13-01", "2026-1-02", "yesterday", "2026-11-02T00:00:00Z", ""] {
            assert!(super::since_date(bad).is_err(), "{bad}");
        }
    }
}
