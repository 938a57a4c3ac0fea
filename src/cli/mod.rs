//! The headless command line: the arguments (clap) and the dispatch to one
//! file per command. Exit codes: 0 success, 1 the command found problems, 2 bad usage.

mod args;
mod calibrate;
mod check;
mod dispute;
mod error;
mod eval;
mod grade_text;
mod outputs;
mod play;
mod quiz;
mod records;
mod related;
mod report;
mod review;
mod review_agreement;
mod review_sign;

pub(crate) use args::{ExpectArg, ExportFormat, Format, LangArg, QuizModeArg, RecordArgs};
pub(crate) use error::CliError;

use crate::content;
use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Parser)]
#[command(name = "kefu", version, about = "Kefu Trainer (客服训练器): practise online-shop customer service")]
pub struct Cli {
    /// The content folder (holding scenarios/ and assets/); default: the bundled course.
    #[arg(long, global = true, env = "KEFU_CONTENT_DIR")]
    pub content: Option<PathBuf>,
    /// The data folder for scorecards and settings; default: KEFU_DATA_DIR, else the platform's data folder
    /// (for a review or dispute: the data folder its scorecard is in).
    #[arg(long, global = true, visible_alias = "data")]
    pub data_dir: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Load content and report every problem as path:line:col (exit 1 if any error).
    Check {
        /// Files or folders to check; default: the bundled scenarios/ and assets/.
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// List the check passes and exit.
        #[arg(long)]
        list_passes: bool,
        /// Skip running the scenarios' pinned examples through the grader.
        #[arg(long)]
        no_examples: bool,
    },
    /// Play a scenario headless from a file of timed replies; print the transcript and grade.
    Play {
        /// A scenario id from the course, or the path of a scenario file.
        scenario: String,
        /// RON list of timed inputs: [(after_secs: 3.5, say: "..."), (after_secs: 2, act: Refund(amount: 59.0))]
        #[arg(long, required_unless_present = "example", conflicts_with = "example")]
        replies: Option<PathBuf>,
        /// Play the scenario's own pinned example number N (from 1) instead of a replies file.
        #[arg(long)]
        example: Option<usize>,
        /// The seed for the buyer's name, order number and line variants.
        #[arg(long, default_value_t = 0)]
        seed: u64,
        /// Exit 1 unless the session grades this way.
        #[arg(long, value_enum)]
        expect: Option<ExpectArg>,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        #[command(flatten)]
        record: RecordArgs,
    },
    /// Re-grade saved scorecards from their transcripts: OK, EDITED (naming fields) or CONTENT CHANGED;
    /// check reviews and disputes against their scorecards (SCORECARD CHANGED, SCORECARD MISSING).
    Verify {
        /// Record files or folders of them (a data folder: scorecards, reviews and disputes).
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Export records as JSON, CSV (summary, or one row per reply with --detail), HTML or xAPI
    /// (reviews and disputes have CSV rows and HTML sections, and no xAPI statement).
    Export {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        #[arg(long, value_enum)]
        format: ExportFormat,
        /// Write here (atomically) instead of standard output.
        #[arg(long)]
        out: Option<PathBuf>,
        /// CSV: one row per reply point instead of one per scorecard.
        #[arg(long)]
        detail: bool,
        /// xAPI: the base IRI for activities and accounts.
        #[arg(long, default_value = crate::scorecard::xapi::DEFAULT_BASE)]
        xapi_base: String,
        /// Refuse to export (exit 1, nothing written) when any record does not verify;
        /// without it, each such record is exported with a warning.
        #[arg(long)]
        verified_only: bool,
    },
    /// Take a quiz headless: draw questions with a seed, mark a file of answers, print the result.
    Quiz {
        /// Bank ids separated by commas, `generated` (questions made from the catalogue and
        /// policy), or `all` (every bank in --lang, plus the generated questions, written in --lang).
        bank: String,
        /// RON map of question id to answer: {"kpi-response-time": Choice("低于5秒"), "q2": Number(16), "q3": Text("五秒")}
        #[arg(long, required_unless_present = "list")]
        answers: Option<PathBuf>,
        #[arg(long, default_value_t = 0)]
        seed: u64,
        /// How many questions to draw; default 20 (10 for --mode practice).
        #[arg(long)]
        count: Option<usize>,
        /// Only these categories (repeatable); default: all.
        #[arg(long = "category")]
        categories: Vec<String>,
        /// Practice (no time limit) or exam (30 minutes; the scorecard records it).
        #[arg(long, value_enum, default_value_t = QuizModeArg::Exam)]
        mode: QuizModeArg,
        /// The language of the banks `all` draws from.
        #[arg(long, value_enum, default_value_t = LangArg::Zh)]
        lang: LangArg,
        /// The pass mark in percent.
        #[arg(long, default_value_t = crate::quiz::spec::DEFAULT_PASS_MARK_PCT)]
        pass_mark: f64,
        /// Print the drawn questions (with their options in order) and exit.
        #[arg(long)]
        list: bool,
        /// Exit 1 unless the attempt passes (or fails) this way.
        #[arg(long, value_enum)]
        expect: Option<ExpectArg>,
        #[command(flatten)]
        record: RecordArgs,
    },
    /// The grader's agreement with hand labels: a JSON Lines file of {"text", "politeness", "intents"}.
    Eval {
        /// The labelled replies, one JSON object per line.
        file: PathBuf,
        #[arg(long, value_enum, default_value_t = LangArg::Zh)]
        lang: LangArg,
        /// Also list every reply where the grader and the label disagree, with the grader's findings.
        #[arg(long)]
        errors: bool,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// The cohort table over data folders: per trainee (attempts, scores, pass rate, KPI means,
    /// exams) and per scenario, as CSV or a printable HTML page. Unreadable files are named, never fatal.
    Report {
        /// Data folders (their scorecards/ is read), folders of records, or record files.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        #[arg(long, value_enum)]
        format: report::ReportFormat,
        /// CSV: one row per trainee or per scenario (HTML shows both).
        #[arg(long, value_enum, default_value_t = report::ReportBy::Trainee)]
        by: report::ReportBy,
        /// Only this trainee (by id).
        #[arg(long)]
        trainee: Option<String>,
        /// Only records from this date on (YYYY-MM-DD, UTC).
        #[arg(long)]
        since: Option<String>,
        /// The language of the HTML page.
        #[arg(long, value_enum, default_value_t = LangArg::Zh)]
        lang: LangArg,
        /// Write here (atomically) instead of standard output.
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Supervisors' reviews of scenario scorecards: list (with review state and disputes), show, sign.
    Review {
        #[command(subcommand)]
        command: review::ReviewCommand,
    },
    /// Calibration rounds: reviewers review the same scorecards blind; the report shows their agreement.
    Calibrate {
        #[command(subcommand)]
        command: calibrate::CalibrateCommand,
    },
    /// A trainee's dispute of one finding on their own scorecard.
    Dispute {
        #[command(subcommand)]
        command: dispute::DisputeCommand,
    },
    /// Show the steps, tone markers and platform-rule findings of one reply, with spans.
    GradeText {
        /// The reply; `-` reads it from standard input.
        text: String,
        /// The buyer's message the reply answers: an order that answers "how do I…?" is an instruction, not a bare order.
        #[arg(long)]
        asked: Option<String>,
        #[arg(long, value_enum, default_value_t = LangArg::Zh)]
        lang: LangArg,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
}

impl Cli {
    pub fn content_root(&self) -> PathBuf {
        self.content.clone().unwrap_or_else(content::default_content_root)
    }
}

/// Runs a headless command. `None` means no command was given (open the app).
pub fn run(cli: &Cli) -> Option<ExitCode> {
    let command = cli.command.as_ref()?;
    let mut stdout = std::io::stdout().lock();
    let code = match command {
        Command::Check { paths, format, list_passes, no_examples } => {
            check::run(cli, paths, *format, *list_passes, *no_examples, &mut stdout)
        }
        Command::Play { scenario, replies, example, seed, expect, format, record } => {
            let outputs = match outputs::Outputs::new(record, cli) {
                Ok(outputs) => outputs,
                Err(error) => return Some(ExitCode::from(fail(error))),
            };
            let source = match (replies, example) {
                (Some(path), _) => play::Replies::File(path),
                (None, Some(number)) => play::Replies::Example(*number),
                (None, None) => return Some(ExitCode::from(fail("give --replies FILE or --example N"))),
            };
            play::run(cli, scenario, source, *seed, outputs, *expect, *format, &mut stdout)
        }
        Command::Verify { paths } => records::verify(cli, paths, &mut stdout),
        Command::Export { paths, format, out, detail, xapi_base, verified_only } => {
            let options = records::ExportOptions { format: *format, out: out.as_deref(), detail: *detail, xapi_base, verified_only: *verified_only };
            records::export(cli, paths, options, &mut stdout)
        }
        Command::Report { paths, format, by, trainee, since, lang, out } => {
            let options = report::ReportOptions {
                format: *format,
                by: *by,
                trainee: trainee.as_deref(),
                since: since.as_deref(),
                lang: *lang,
                out: out.as_deref(),
            };
            report::run(paths, options, &mut stdout)
        }
        Command::Review { command } => review::run(cli, command, &mut stdout),
        Command::Dispute { command } => dispute::run(cli, command, &mut stdout),
        Command::Calibrate { command } => calibrate::run(cli, command, &mut stdout),
        Command::Eval { file, lang, errors, format } => {
            eval::run(&cli.content_root(), file, (*lang).into(), *errors, *format, &mut stdout)
        }
        Command::GradeText { text, asked, lang, format } => grade_text::run(cli, text, asked.as_deref(), (*lang).into(), *format, &mut stdout),
        Command::Quiz { bank, answers, seed, count, categories, mode, lang, pass_mark, list, expect, record } => {
            let outputs = match outputs::Outputs::new(record, cli) {
                Ok(outputs) => outputs,
                Err(error) => return Some(ExitCode::from(fail(error))),
            };
            let choice = quiz::Choice { bank, seed: *seed, count: *count, categories, mode: *mode, lang: (*lang).into(), pass_mark: *pass_mark };
            let spec = quiz::spec(&choice);
            match (list, answers) {
                (true, _) => quiz::list(cli, &spec, &mut stdout),
                (false, Some(answers)) => quiz::run(cli, &spec, answers, outputs, *expect, &mut stdout),
                (false, None) => fail("give --answers FILE, or --list to see the questions"),
            }
        }
    };
    Some(ExitCode::from(code))
}

/// Bad usage: says why on standard error and gives exit code 2.
fn fail(message: impl std::fmt::Display) -> u8 {
    eprintln!("kefu: {message}");
    2
}

/// Output that could not be written (a closed pipe, a full disk): said once, exit code 1.
fn output_failed(error: std::io::Error) -> u8 {
    eprintln!("kefu: cannot write the output: {error}");
    1
}
