//! `kefu calibrate new|report`: a supervisor's calibration round. `new` picks
//! scorecards and names the reviewers, and saves the sealed round in the data
//! folder (`calibration/`); each reviewer then reviews every scorecard with
//! `kefu review sign --round ROUND.json`. `report` shows how the reviewers and
//! the grader judged each finding and dimension, percent agreement and
//! Krippendorff's alpha, widest spread first, as text, CSV or printable HTML.

use super::{Cli, CliError, LangArg, fail, output_failed};
use crate::content::raw::Lang;
use crate::i18n::Msg;
use crate::scorecard::calibration::{CalibrationRound, verify_round};
use crate::scorecard::calibration_export::{self, item_label, percent, rater_names, rating_label, scorecard_label};
use crate::scorecard::calibration_report::{RoundReport, report};
use crate::scorecard::{Reviewer, Scorecard, Verdict};
use clap::{Subcommand, ValueEnum};
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Debug, Subcommand)]
pub enum CalibrateCommand {
    /// Start a round: the scorecards every reviewer reviews blind, and the reviewers.
    New {
        /// The round's name, e.g. "12 月校准".
        #[arg(long)]
        name: String,
        /// Who organises it: NAME:ID.
        #[arg(long, value_name = "NAME:ID")]
        organiser: String,
        /// A reviewer (two or more): NAME:ID, e.g. 张主管:s01.
        #[arg(long = "reviewer", value_name = "NAME:ID", required = true)]
        reviewers: Vec<String>,
        /// When, RFC 3339 UTC, or now.
        #[arg(long, default_value = "now")]
        when: String,
        /// The scenario scorecards of the round.
        #[arg(required = true)]
        scorecards: Vec<PathBuf>,
    },
    /// The round's report: how each reviewer and the grader judged every finding and dimension.
    Report {
        /// The round file (in a data folder's calibration/); its scorecards and reviews are read there.
        round: PathBuf,
        #[arg(long, value_enum, default_value_t = RoundFormat::Text)]
        format: RoundFormat,
        #[arg(long, value_enum, default_value_t = LangArg::Zh)]
        lang: LangArg,
        /// Write here (atomically) instead of standard output.
        #[arg(long)]
        out: Option<PathBuf>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RoundFormat {
    Text,
    Csv,
    Html,
}

pub(super) fn run(cli: &Cli, command: &CalibrateCommand, stdout: &mut impl Write) -> u8 {
    match command {
        CalibrateCommand::New { name, organiser, reviewers, when, scorecards } => match new(cli, name, organiser, reviewers, when, scorecards) {
            Ok(path) => match writeln!(stdout, "{}", path.display()) {
                Ok(()) => 0,
                Err(error) => output_failed(error),
            },
            Err(error) => fail(error),
        },
        CalibrateCommand::Report { round, format, lang, out } => report_command(round, *format, (*lang).into(), out.as_deref(), stdout),
    }
}

/// `NAME:ID`, or why it is not.
fn person(option: &'static str, text: &str) -> Result<Reviewer, CliError> {
    crate::scorecard::calibration::person(text).ok_or_else(|| CliError::BadPerson { option, text: text.into() })
}

fn new(cli: &Cli, name: &str, organiser: &str, reviewers: &[String], when: &str, paths: &[PathBuf]) -> Result<PathBuf, CliError> {
    let organiser = person("--organiser", organiser)?;
    let reviewers = reviewers.iter().map(|r| person("--reviewer", r)).collect::<Result<Vec<_>, _>>()?;
    let cards = paths.iter().map(|path| super::review_sign::read_scorecard(path)).collect::<Result<Vec<Scorecard>, _>>()?;
    let (when_utc, _) = super::outputs::when(when)?;
    let refs: Vec<&Scorecard> = cards.iter().collect();
    let round = CalibrationRound::new(name, organiser, when_utc, &refs, reviewers).map_err(|source| CliError::Round { source })?;
    let data = super::review_sign::data_folder(cli, &paths[0])?;
    let path = crate::store::calibration::save_round(&data, &round)?;
    eprintln!("kefu: saved the round; each reviewer reviews every scorecard with `kefu review sign CARD --round {}`", path.display());
    Ok(path)
}

/// The round read and checked, with the data folder it lives in.
pub(super) fn read_checked_round(path: &Path) -> Result<(CalibrationRound, Option<PathBuf>), CliError> {
    let round = crate::store::calibration::read_round(path)?;
    if let Verdict::Edited(fields) = verify_round(&round) {
        return Err(CliError::RoundEdited { fields: fields.join(", "), path: path.into() });
    }
    // `<data>/calibration/<file>`: the data folder is two levels up.
    let data = std::path::absolute(path).ok().and_then(|p| p.parent().filter(|f| f.ends_with(crate::store::calibration::CALIBRATION_FOLDER)).and_then(Path::parent).map(Path::to_path_buf));
    Ok((round, data))
}

fn report_command(path: &Path, format: RoundFormat, lang: Lang, out: Option<&Path>, stdout: &mut impl Write) -> u8 {
    let (round, data) = match read_checked_round(path) {
        Ok(read) => read,
        Err(error) => return fail(error),
    };
    let (cards, beside) = match &data {
        Some(data) => (crate::store::calibration::round_scorecards(data, &round), crate::store::Beside::read(data)),
        None => (Vec::new(), crate::store::Beside::default()),
    };
    let cards: Vec<&Scorecard> = cards.iter().collect();
    let reviews: Vec<_> = beside.reviews.iter().map(|(_, r)| r).collect();
    let report = report(&round, &cards, &reviews);
    let mut bytes = Vec::new();
    let written = match format {
        RoundFormat::Csv => calibration_export::write_csv(&mut bytes, &round, &report, lang),
        RoundFormat::Html => calibration_export::write_html(&mut bytes, &round, &report, lang),
        RoundFormat::Text => write_text(&mut bytes, &round, &report, lang),
    };
    if let Err(error) = written {
        return output_failed(error);
    }
    let code = match out {
        Some(path) => match crate::store::write_atomic(path, &bytes) {
            Ok(()) => 0,
            Err(error) => {
                eprintln!("kefu: {error}");
                1
            }
        },
        None => match stdout.write_all(&bytes) {
            Ok(()) => 0,
            Err(error) => output_failed(error),
        },
    };
    if code == 0 && !report.progress.complete() {
        eprintln!("kefu: note: {} of {} reviewers have submitted; the others are left blank", report.progress.submitted, report.progress.reviewers);
    }
    code
}

/// The report as text: the summary, then one block per item (widest spread first).
fn write_text(out: &mut impl Write, round: &CalibrationRound, report: &RoundReport, lang: Lang) -> std::io::Result<()> {
    writeln!(out, "{}", Msg::CalibReportTitle.fill(lang, &[("name", &round.name)]))?;
    for line in calibration_export::summary_lines(round, report, lang) {
        writeln!(out, "{line}")?;
    }
    let names = rater_names(round, lang);
    for item in &report.items {
        writeln!(out, "\n{} · {}  [{}: {}]", scorecard_label(round, item.scorecard, lang), item_label(item, lang), Msg::CalibAgreement.get(lang), percent(item.agreement))?;
        let ratings: Vec<String> = names.iter().zip(&item.ratings).map(|(name, rating)| format!("{name}: {}", rating_label(*rating, lang))).collect();
        writeln!(out, "  {}", ratings.join(" · "))?;
    }
    writeln!(out, "\n{}", Msg::CalibAlphaNote.get(lang))
}
