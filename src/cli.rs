//! The headless command line: argument parsing and the commands that need no window.
//! Exit codes: 0 success, 1 the command found problems, 2 bad usage.

use crate::content::raw::{Lang, TimedInput};
use crate::content::{self, Course, Report, check::PASSES};
use crate::engine::{Bundle, PlanResult, run_plan};

use crate::grading::MAX_REPLY_CHARS;

mod eval;
mod records;
use std::sync::Arc;
use clap::{Parser, Subcommand, ValueEnum};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Parser)]
#[command(name = "kefu", version, about = "Kefu Trainer (客服训练器): practise online-shop customer service")]
pub struct Cli {
    /// The content folder (holding scenarios/ and assets/); default: the bundled course.
    #[arg(long, global = true, env = "KEFU_CONTENT_DIR")]
    pub content: Option<PathBuf>,
    /// The data folder for scorecards and settings; default: KEFU_DATA_DIR, else the platform's data folder.
    #[arg(long, global = true)]
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
    /// Re-grade saved scorecards from their transcripts: OK, EDITED (naming fields) or CONTENT CHANGED.
    Verify {
        /// Scorecard files or folders of them.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Export scorecards as JSON, CSV (summary, or one row per reply with --detail), HTML or xAPI.
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
        /// policy), or `all` (every bank in --lang, plus the generated questions in Chinese).
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
    /// Show the steps, tone markers and platform-rule findings of one reply, with spans.
    GradeText {
        /// The reply; `-` reads it from standard input.
        text: String,
        #[arg(long, value_enum, default_value_t = LangArg::Zh)]
        lang: LangArg,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
}

/// Who did it, when, and where its scorecard goes (`play` and `quiz`).
#[derive(Debug, clap::Args)]
pub struct RecordArgs {
    /// Write the scorecard JSON here (atomically).
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// The trainee's name, recorded in the scorecard.
    #[arg(long, default_value = "anonymous")]
    pub trainee: String,
    /// The trainee's id (employee number); default: the name.
    #[arg(long)]
    pub trainee_id: Option<String>,
    /// When it happened, RFC 3339 UTC, or `now`; left out, the scorecard has no time
    /// (so the same run gives the same bytes).
    #[arg(long)]
    pub when: Option<String>,
    /// Also save the scorecard in the data folder (scorecards/<trainee id>/).
    #[arg(long)]
    pub save: bool,
}

impl RecordArgs {
    /// The outputs, or the message for a --when that is not a time.
    fn outputs(&self, cli: &Cli) -> Result<Outputs<'_>, String> {
        let when = match self.when.as_deref() {
            None => None,
            Some("now") => Some(humantime::format_rfc3339_seconds(std::time::SystemTime::now()).to_string()),
            Some(text) => match humantime::parse_rfc3339(text) {
                Ok(time) => Some(humantime::format_rfc3339_seconds(time).to_string()),
                Err(error) => return Err(format!("--when {text:?}: {error} (write e.g. 2026-11-23T09:30:00Z or now)")),
            },
        };
        let meta = crate::scorecard::RunMeta {
            trainee: crate::scorecard::Trainee { name: self.trainee.clone(), id: self.trainee_id.clone().unwrap_or_else(|| self.trainee.clone()) },
            when_utc: when,
        };
        let save_to = match self.save {
            true => Some(crate::store::open(cli.data_dir.as_deref()).map_err(|e| e.to_string())?),
            false => None,
        };
        Ok(Outputs { out: self.out.as_deref(), save_to, meta })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum QuizModeArg {
    Practice,
    Exam,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Json,
    Csv,
    Html,
    Xapi,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExpectArg {
    Pass,
    Fail,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    Zh,
    En,
}

impl From<LangArg> for Lang {
    fn from(lang: LangArg) -> Lang {
        match lang {
            LangArg::Zh => Lang::Zh,
            LangArg::En => Lang::En,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
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
            if *list_passes {
                for pass in PASSES {
                    let _ = writeln!(stdout, "{:<16} {}", pass.name, pass.about);
                }
                let _ = writeln!(stdout, "{:<16} {}", "pinned-examples", "every scenario's examples grade as declared (run by the grader)");
                return Some(ExitCode::SUCCESS);
            }
            let report = check_with_examples(paths, &cli.content_root(), !*no_examples);
            let _ = write_report(&mut stdout, &report, *format);
            if report.errors() == 0 { 0 } else { 1 }
        }
        Command::Play { scenario, replies, example, seed, expect, format, record } => {
            let outputs = match record.outputs(cli) {
                Ok(outputs) => outputs,
                Err(message) => return Some(ExitCode::from(fail(message))),
            };
            let source = match (replies, example) {
                (Some(path), _) => Replies::File(path),
                (None, Some(number)) => Replies::Example(*number),
                (None, None) => return Some(ExitCode::from(fail("give --replies FILE or --example N"))),
            };
            play(cli, scenario, source, *seed, outputs, *expect, *format, &mut stdout)
        }
        Command::Verify { paths } => records::verify(cli, paths, &mut stdout),
        Command::Export { paths, format, out, detail, xapi_base, verified_only } => {
            let options = records::ExportOptions { format: *format, out: out.as_deref(), detail: *detail, xapi_base, verified_only: *verified_only };
            records::export(cli, paths, options, &mut stdout)
        }
        Command::Eval { file, lang, errors, format } => {
            eval::run(&cli.content_root(), file, (*lang).into(), *errors, *format, &mut stdout)
        }
        Command::GradeText { text, lang, format } => grade_text(cli, text, (*lang).into(), *format, &mut stdout),
        Command::Quiz { bank, answers, seed, count, categories, mode, lang, pass_mark, list, expect, record } => {
            let outputs = match record.outputs(cli) {
                Ok(outputs) => outputs,
                Err(message) => return Some(ExitCode::from(fail(message))),
            };
            let lang: Lang = (*lang).into();
            let mut spec = match mode {
                QuizModeArg::Practice => crate::quiz::spec::QuizSpec::practice(lang, *seed),
                QuizModeArg::Exam => crate::quiz::spec::QuizSpec::exam(lang, *seed),
            };
            if bank != "all" {
                spec.sources = bank.split(',').map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect();
            }
            spec.categories = categories.clone();
            spec.count = count.unwrap_or(spec.count);
            spec.pass_mark_pct = *pass_mark;
            match (list, answers) {
                (true, _) => quiz_list(cli, &spec, &mut stdout),
                (false, Some(answers)) => quiz(cli, &spec, answers, outputs, *expect, &mut stdout),
                (false, None) => fail("give --answers FILE, or --list to see the questions"),
            }
        }
    };
    Some(ExitCode::from(code))
}

/// `kefu check`: the content passes, then every pinned example through the grader.
pub fn check_with_examples(paths: &[PathBuf], root: &std::path::Path, examples: bool) -> Report {
    crate::engine::examples::load_checked(paths, root, examples).course.report
}

fn fail(message: impl std::fmt::Display) -> u8 {
    eprintln!("kefu: {message}");
    2
}

/// Loads the course and finds the scenario by id, or loads a scenario file with the bundled shop.
fn scenario_bundle(cli: &Cli, scenario: &str) -> Result<(Arc<Bundle>, String), String> {
    let root = cli.content_root();
    let as_path = std::path::Path::new(scenario);
    let course = if scenario.ends_with(".ron") && as_path.is_file() {
        Course::load(&[as_path.to_path_buf(), root.join("assets")], &root)
    } else {
        Course::load(&[], &root)
    };
    let id = if scenario.ends_with(".ron") {
        as_path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default()
    } else {
        scenario.to_string()
    };
    if course.scenario(&id).is_none() {
        let problems: Vec<String> = course
            .report
            .diagnostics
            .iter()
            .filter(|d| d.is_error() && d.path.to_string_lossy().contains(&id))
            .map(ToString::to_string)
            .collect();
        return Err(if problems.is_empty() {
            format!("no scenario {id:?}; `kefu check` lists the course, ids are file names without .ron")
        } else {
            format!("scenario {id:?} has errors:\n{}", problems.join("\n"))
        });
    }
    Ok((Arc::new(Bundle::new(course)), id))
}

/// Reads a replies file: a RON list of timed inputs, reporting errors with file:line:col.
fn read_replies(path: &std::path::Path) -> Result<Vec<TimedInput>, String> {
    let text = crate::store::read_capped(path, crate::store::REPLIES_LIMIT, "a replies file").map_err(|e| e.to_string())?;
    let text = text.trim_start_matches('\u{feff}');
    let inputs: Vec<TimedInput> = content::load::ron_options().from_str(text).map_err(|e| {
        format!("{}:{}:{}: error[ron]: {}", path.display(), e.span.start.line, e.span.start.col, e.code)
    })?;
    for (index, input) in inputs.iter().enumerate() {
        if input.say.is_some() == input.act.is_some() {
            return Err(format!("{}: input {}: give either `say` or `act`", path.display(), index + 1));
        }
    }
    Ok(inputs)
}

/// Where `kefu play` takes the trainee's inputs from.
enum Replies<'a> {
    File(&'a std::path::Path),
    /// A pinned example of the scenario, numbered from 1.
    Example(usize),
}

/// Where a played session's scorecard goes.
struct Outputs<'a> {
    out: Option<&'a std::path::Path>,
    save_to: Option<PathBuf>,
    meta: crate::scorecard::RunMeta,
}

impl Outputs<'_> {
    /// Writes the record to `--out` (atomically) and, with `--save`, into the
    /// data folder; on failure says why and gives the exit code.
    fn deliver(&self, card: crate::scorecard::RecordRef) -> Result<(), u8> {
        if let Some(out) = self.out
            && let Err(error) = crate::store::write_atomic(out, card.to_json().as_bytes())
        {
            eprintln!("kefu: {error}");
            return Err(1);
        }
        if let Some(data) = &self.save_to {
            match crate::store::save_record(data, card) {
                Ok(path) => eprintln!("kefu: saved {}", path.display()),
                Err(error) => {
                    eprintln!("kefu: cannot save the scorecard: {error}");
                    return Err(1);
                }
            }
        }
        Ok(())
    }
}

/// Exit 1 when the run did not pass (or fail) as `--expect` asked.
fn expect_code(expect: Option<ExpectArg>, passed: bool) -> u8 {
    match expect {
        Some(ExpectArg::Pass) if !passed => 1,
        Some(ExpectArg::Fail) if passed => 1,
        _ => 0,
    }
}

fn play(
    cli: &Cli,
    scenario: &str,
    replies: Replies,
    seed: u64,
    outputs: Outputs,
    expect: Option<ExpectArg>,
    format: Format,
    stdout: &mut impl Write,
) -> u8 {
    let (bundle, id) = match scenario_bundle(cli, scenario) {
        Ok(found) => found,
        Err(message) => return fail(message),
    };
    let inputs = match replies {
        Replies::File(path) => match read_replies(path) {
            Ok(inputs) => inputs,
            Err(message) => return fail(message),
        },
        Replies::Example(number) => {
            let examples = bundle.course.scenario(&id).map(|s| s.examples.clone()).unwrap_or_default();
            match number.checked_sub(1).and_then(|i| examples.get(i)) {
                Some(example) => example.replies.clone(),
                None => return fail(format!("scenario {id:?} has {} examples; --example takes 1 to {}", examples.len(), examples.len())),
            }
        }
    };
    let result = match run_plan(bundle.clone(), &id, seed, &inputs) {
        Ok(result) => result,
        Err(error) => {
            eprintln!("kefu: the scenario stopped: {error}");
            return 1;
        }
    };
    let Some(card) = crate::scorecard::Scorecard::from_run(&bundle.course, &result, outputs.meta.clone()) else {
        return fail(format!("scenario {id:?} vanished from the course"));
    };
    if let Err(code) = outputs.deliver((&card).into()) {
        return code;
    }
    let json = card.to_json();
    let _ = match format {
        Format::Json => writeln!(stdout, "{json}"),
        Format::Text => write_transcript(stdout, &result, bundle.course.scenario(&id).map(|s| s.lang).unwrap_or(Lang::Zh)),
    };
    expect_code(expect, result.grade.passed)
}

fn write_transcript(out: &mut impl Write, result: &PlanResult, lang: Lang) -> std::io::Result<()> {
    use crate::engine::{EntryKind, Who};
    writeln!(out, "scenario {} (seed {}, buyer {})", result.scenario, result.draw.seed, result.draw.buyer_name)?;
    for (index, entry) in result.transcript.iter().enumerate() {
        let who = match (entry.who, entry.kind) {
            (_, EntryKind::Action) => "  [action]",
            (_, EntryKind::Nudge) => "  buyer (nudge)",
            (_, EntryKind::Typing) => {
                writeln!(out, "{:>7.1}s   agent {}", entry.at, entry.typing_note(lang).unwrap_or_default())?;
                continue;
            }
            (Who::Buyer, _) => "  buyer",
            (Who::Agent, _) => "  agent",
            (Who::System, _) => "  --",
        };
        write!(out, "{:>7.1}s {who}: {}", entry.at, entry.text)?;
        if let Some(problem) = &entry.problem {
            write!(out, "  (refused: {problem})")?;
        }
        writeln!(out)?;
        for grade in &result.replies {
            for finding in grade.findings.iter().filter(|f| f.span.is_some_and(|s| s.message == index)) {
                let span = finding.span.expect("filtered on span");
                writeln!(
                    out,
                    "             {:+6.1}/{:<5.1} {:<24} «{}» {}",
                    finding.points,
                    finding.possible,
                    finding.rule,
                    entry.text.get(span.start..span.end).unwrap_or(""),
                    finding.explain
                )?;
            }
        }
    }
    for grade in &result.replies {
        writeln!(out, "reply at {}: {:.1}/100, tone {:?}", grade.node, grade.score, grade.tone_band)?;
        for finding in grade.findings.iter().filter(|f| f.span.is_none() && (f.lost() > 0.0 || f.points < 0.0)) {
            writeln!(out, "             {:+6.1}/{:<5.1} {:<24} {}", finding.points, finding.possible, finding.rule, finding.explain)?;
        }
    }
    let grade = &result.grade;
    for kpi in &grade.kpis {
        let value = kpi.value.map(|v| format!("{v}{}", kpi.unit)).unwrap_or_else(|| "n/a".into());
        let met = match kpi.met {
            Some(true) => "ok",
            Some(false) => "NOT MET",
            None => "",
        };
        writeln!(out, "KPI {:<22} {:>10}  target {:<6} {met}", kpi.label.get(lang), value, kpi.target)?;
    }
    if !grade.critical_failures.is_empty() {
        writeln!(out, "critical: {}", grade.critical_failures.join(", "))?;
    }
    writeln!(
        out,
        "total {:.1}/100 (pass mark {:.0}), outcome {:?}: {}",
        grade.total,
        grade.pass_mark,
        grade.outcome,
        if grade.passed { "PASS" } else { "FAIL" }
    )
}

/// Prints the questions a spec draws, options in the order shown.
fn quiz_list(cli: &Cli, spec: &crate::quiz::spec::QuizSpec, stdout: &mut impl Write) -> u8 {
    use crate::quiz::ItemKind;
    let course = Course::load(&[], &cli.content_root());
    let items = match crate::quiz::spec::build(&course, spec) {
        Ok(items) => items,
        Err(error) => return fail(error),
    };
    for item in &items {
        let _ = writeln!(stdout, "{}  {}", item.id, item.prompt);
        if let ItemKind::Single { options, .. } | ItemKind::Multiple { options, .. } = &item.kind {
            for option in options {
                let _ = writeln!(stdout, "    - {option}");
            }
        }
    }
    0
}

/// Marks a file of answers against the drawn questions and records the attempt
/// (answers count as given at the start, so a scripted exam never runs out of time).
fn quiz(
    cli: &Cli,
    spec: &crate::quiz::spec::QuizSpec,
    answers: &std::path::Path,
    outputs: Outputs,
    expect: Option<ExpectArg>,
    stdout: &mut impl Write,
) -> u8 {
    use crate::quiz::Answer;
    use crate::quiz::session::QuizSession;
    let course = Course::load(&[], &cli.content_root());
    let items = match crate::quiz::spec::build(&course, spec) {
        Ok(items) => items,
        Err(error) => return fail(error),
    };
    let text = match crate::store::read_capped(answers, crate::store::REPLIES_LIMIT, "an answers file") {
        Ok(text) => text,
        Err(error) => return fail(error.to_string()),
    };
    let given: std::collections::BTreeMap<String, Answer> = match content::load::ron_options().from_str(text.trim_start_matches('\u{feff}')) {
        Ok(given) => given,
        Err(e) => return fail(format!("{}:{}:{}: error[ron]: {}", answers.display(), e.span.start.line, e.span.start.col, e.code)),
    };
    let mut session = QuizSession::from_spec(items.clone(), spec, 0.0);
    for (index, item) in items.iter().enumerate() {
        if let Some(answer) = given.get(&item.id)
            && let Err(error) = session.answer(index, answer.clone(), 0.0)
        {
            return fail(format!("{}: {error}", item.id));
        }
    }
    if session.result().is_none() {
        // Hands in: questions without an answer in the file score 0.
        let _ = session.finish(0.0);
    }
    let Some(result) = session.result().cloned() else { return fail("the quiz did not finish") };
    for (item, mark) in items.iter().zip(&result.marks) {
        let line = match mark {
            Some(mark) => format!("{} {:.0}%  expected: {}", if mark.right { "RIGHT" } else { "WRONG" }, mark.score * 100.0, mark.expected),
            None => "UNANSWERED".to_string(),
        };
        let _ = writeln!(stdout, "{}  {}\n    {line}\n    {}", item.id, item.prompt, item.explain);
    }
    let total: f64 = result.marks.iter().flatten().fold(0.0, |sum, m| sum + m.score);
    let _ = writeln!(
        stdout,
        "quiz {} (seed {}): {total:.1}/{} = {:.1}% (pass mark {:.0}%): {}",
        if spec.sources.is_empty() { "all".to_string() } else { spec.sources.join(",") },
        spec.seed,
        items.len(),
        result.score_pct,
        result.pass_mark_pct,
        if result.passed { "PASS" } else { "FAIL" }
    );
    let card = match crate::scorecard::QuizCard::from_attempt(&course, spec, &items, session.answers(), &result, outputs.meta.clone()) {
        Ok(card) => card,
        Err(error) => return fail(error),
    };
    if let Err(code) = outputs.deliver((&card).into()) {
        return code;
    }
    expect_code(expect, result.passed)
}

fn grade_text(cli: &Cli, text: &str, lang: Lang, format: Format, stdout: &mut impl Write) -> u8 {
    let text = if text == "-" {
        let mut buffer = String::new();
        if let Err(error) = std::io::Read::read_to_string(&mut std::io::stdin(), &mut buffer) {
            return fail(format!("cannot read standard input: {error}"));
        }
        buffer
    } else {
        text.to_string()
    };
    let chars = text.chars().count();
    if chars > MAX_REPLY_CHARS {
        return fail(format!(
            "the text is too long: {chars} characters; a reply may have at most {MAX_REPLY_CHARS} (split long answers into several messages)"
        ));
    }
    let course = Course::load(&[], &cli.content_root());
    let grader = crate::grading::Grader::new(&course);
    let report = grader.grade_text(text.trim_end_matches('\n'), lang);
    let _ = match format {
        Format::Json => writeln!(stdout, "{}", serde_json::to_string_pretty(&report).unwrap_or_default()),
        Format::Text => {
            let _ = writeln!(stdout, "tone: {:?} ({:.2})", report.tone_band, report.tone);
            for hit in &report.hits {
                let sign = if hit.good { "+" } else { "-" };
                let _ = writeln!(
                    stdout,
                    "{sign} {:<14} {:<22} {}..{} «{}»  {}",
                    hit.kind, hit.rule, hit.start, hit.end, hit.matched, hit.label
                );
            }
            Ok(())
        }
    };
    0
}

/// Writes a check report as text (one diagnostic per entry, then the summary line) or JSON.
pub fn write_report(out: &mut impl Write, report: &Report, format: Format) -> std::io::Result<()> {
    match format {
        Format::Text => {
            for diagnostic in &report.diagnostics {
                writeln!(out, "{diagnostic}")?;
            }
            writeln!(out, "{}", report.summary())
        }
        Format::Json => {
            let json = serde_json::json!({
                "diagnostics": report.diagnostics,
                "summary": {
                    "scenarios": report.scenarios,
                    "products": report.products,
                    "questions": report.questions,
                    "errors": report.errors(),
                    "warnings": report.warnings(),
                    "text": report.summary(),
                },
            });
            serde_json::to_writer_pretty(&mut *out, &json)?;
            writeln!(out)
        }
    }
}
