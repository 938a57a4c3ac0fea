//! `kefu quiz`: draws questions by seed from the banks (or the generated
//! questions), lists them, or marks a file of answers, prints the result and
//! records the attempt like the app does.

use super::args::expect_code;
use super::outputs::Outputs;
use super::{Cli, CliError, ExpectArg, QuizModeArg, fail, output_failed};
use crate::content::raw::Lang;
use crate::content::{self, Course};
use crate::quiz::spec::QuizSpec;
use crate::store::Attempt;
use std::io::Write;
use std::path::Path;

/// What the command line chose to draw.
pub(super) struct Choice<'a> {
    pub bank: &'a str,
    pub seed: u64,
    pub count: Option<usize>,
    pub categories: &'a [String],
    pub mode: QuizModeArg,
    pub lang: Lang,
    pub pass_mark: f64,
}

/// The spec the choice describes: `all` means every source, else the banks named.
pub(super) fn spec(choice: &Choice) -> QuizSpec {
    let mut spec = match choice.mode {
        QuizModeArg::Practice => QuizSpec::practice(choice.lang, choice.seed),
        QuizModeArg::Exam => QuizSpec::exam(choice.lang, choice.seed),
    };
    if choice.bank != "all" {
        spec.sources = choice.bank.split(',').map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect();
    }
    spec.categories = choice.categories.to_vec();
    spec.count = choice.count.unwrap_or(spec.count);
    spec.pass_mark_pct = choice.pass_mark;
    spec
}

/// Prints the questions a spec draws, options in the order shown.
pub(super) fn list(cli: &Cli, spec: &QuizSpec, stdout: &mut impl Write) -> u8 {
    use crate::quiz::ItemKind;
    let course = Course::load(&[], &cli.content_root());
    let items = match crate::quiz::spec::build(&course, spec) {
        Ok(items) => items,
        Err(error) => return fail(error),
    };
    let written = items.iter().try_for_each(|item| {
        writeln!(stdout, "{}  {}", item.id, item.prompt)?;
        if let ItemKind::Single { options, .. } | ItemKind::Multiple { options, .. } = &item.kind {
            for option in options {
                writeln!(stdout, "    - {option}")?;
            }
        }
        Ok(())
    });
    match written {
        Ok(()) => 0,
        Err(error) => output_failed(error),
    }
}

/// Marks a file of answers against the drawn questions and records the attempt
/// (answers count as given at the start, so a scripted exam never runs out of time).
pub(super) fn run(
    cli: &Cli,
    spec: &QuizSpec,
    answers: &Path,
    outputs: Outputs,
    expect: Option<ExpectArg>,
    stdout: &mut impl Write,
) -> u8 {
    use crate::quiz::session::QuizSession;
    let course = Course::load(&[], &cli.content_root());
    let items = match crate::quiz::spec::build(&course, spec) {
        Ok(items) => items,
        Err(error) => return fail(error),
    };
    let given = match read_answers(answers) {
        Ok(given) => given,
        Err(error) => return fail(error),
    };
    let mut session = QuizSession::from_spec(items.clone(), spec, 0.0);
    for (index, item) in items.iter().enumerate() {
        if let Some(answer) = given.get(&item.id)
            && let Err(error) = session.answer(index, answer.clone(), 0.0)
        {
            return fail(format!("{}: {error}", item.id));
        }
    }
    // Hands in: questions without an answer in the file score 0.
    if session.result().is_none()
        && let Err(error) = session.finish(0.0)
    {
        return fail(format!("the quiz did not finish: {error}"));
    }
    let Some(result) = session.result().cloned() else { return fail("the quiz did not finish") };
    if let Err(error) = write_result(stdout, spec, &items, &result) {
        return output_failed(error);
    }
    let card = match crate::scorecard::QuizCard::from_attempt(&course, spec, &items, session.answers(), &result, outputs.meta.clone()) {
        Ok(card) => card,
        Err(error) => return fail(error),
    };
    if let Err(code) = outputs.deliver(Attempt::Quiz(&card)) {
        return code;
    }
    expect_code(expect, result.passed)
}

/// A RON map of question id to answer, as `--answers` gives it.
fn read_answers(path: &Path) -> Result<std::collections::BTreeMap<String, crate::quiz::Answer>, CliError> {
    let text = crate::store::read_capped(path, crate::store::REPLIES_LIMIT, "an answers file")?;
    content::load::ron_options().from_str(text.trim_start_matches('\u{feff}')).map_err(|e| CliError::ron(path, e))
}

/// Each question with its mark, then the total against the pass mark.
fn write_result(stdout: &mut impl Write, spec: &QuizSpec, items: &[crate::quiz::QuizItem], result: &crate::quiz::session::QuizResult) -> std::io::Result<()> {
    for (item, mark) in items.iter().zip(&result.marks) {
        let line = match mark {
            Some(mark) => format!("{} {:.0}%  expected: {}", if mark.right { "RIGHT" } else { "WRONG" }, mark.score * 100.0, mark.expected),
            None => "UNANSWERED".to_string(),
        };
        writeln!(stdout, "{}  {}\n    {line}\n    {}", item.id, item.prompt, item.explain)?;
    }
    let total: f64 = result.marks.iter().flatten().fold(0.0, |sum, m| sum + m.score);
    // Practice and review have no verdict and no pass mark.
    let verdict = match (spec.mode.has_verdict(), result.passed) {
        (false, _) => format!("{}, no verdict", spec.mode.name()),
        (true, passed) => format!("pass mark {:.0}%: {}", result.pass_mark_pct, if passed { "PASS" } else { "FAIL" }),
    };
    writeln!(
        stdout,
        "quiz {} (seed {}): {total:.1}/{} = {:.1}% ({verdict})",
        if spec.sources.is_empty() { "all".to_string() } else { spec.sources.join(",") },
        spec.seed,
        items.len(),
        result.score_pct,
    )
}

