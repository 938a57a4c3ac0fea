//! `kefu play`: a scenario driven by a file of timed replies (or one of its
//! pinned examples) to its end; prints the transcript with findings and the
//! grade (or the scorecard JSON), and records the attempt like the app does.

use crate::text::Quoted;
use super::args::expect_code;
use super::outputs::Outputs;
use super::{Cli, CliError, ExpectArg, Format, fail, output_failed};
use crate::content::raw::{Lang, TimedInput};
use crate::content::{self, Course};
use crate::engine::{Bundle, PlanResult, run_plan};
use crate::store::Attempt;
use std::io::Write;
use std::path::Path;
use std::sync::Arc;

/// Loads the course and finds the scenario by id, or loads a scenario file with the bundled shop.
fn scenario_bundle(cli: &Cli, scenario: &str) -> Result<(Arc<Bundle>, String), CliError> {
    let root = cli.content_root();
    let as_path = Path::new(scenario);
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
        return Err(if problems.is_empty() { CliError::NoScenario { id } } else { CliError::ScenarioHasErrors { id, problems } });
    }
    Ok((Arc::new(Bundle::new(course)), id))
}

/// Reads a replies file: a RON list of timed inputs, reporting errors with file:line:col.
fn read_replies(path: &Path) -> Result<Vec<TimedInput>, CliError> {
    let text = crate::store::read_capped(path, crate::store::REPLIES_LIMIT, "a replies file")?;
    let text = text.trim_start_matches('\u{feff}');
    let inputs: Vec<TimedInput> = content::load::ron_options().from_str(text).map_err(|e| CliError::ron(path, e))?;
    for (index, input) in inputs.iter().enumerate() {
        if input.say.is_some() == input.act.is_some() {
            return Err(CliError::SayOrAct { number: index + 1, path: path.to_path_buf() });
        }
    }
    Ok(inputs)
}

/// Where `kefu play` takes the trainee's inputs from.
pub(super) enum Replies<'a> {
    File(&'a Path),
    /// A pinned example of the scenario, numbered from 1.
    Example(usize),
}

#[allow(clippy::too_many_arguments)]
pub(super) fn run(
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
                None => return fail(format!("scenario {} has {} examples; --example takes 1 to {}", Quoted(&id), examples.len(), examples.len())),
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
        return fail(format!("scenario {} vanished from the course", Quoted(&id)));
    };
    if let Err(code) = outputs.deliver(Attempt::Session(std::slice::from_ref(&card))) {
        return code;
    }
    let written = match format {
        Format::Json => writeln!(stdout, "{}", card.to_json()),
        Format::Text => write_transcript(stdout, &result, bundle.course.scenario(&id).map(|s| s.lang).unwrap_or(Lang::Zh)),
    };
    if let Err(error) = written {
        return output_failed(error);
    }
    expect_code(expect, result.grade.passed)
}

fn write_transcript(out: &mut impl Write, result: &PlanResult, lang: Lang) -> std::io::Result<()> {
    use crate::engine::{EntryKind, Who};
    writeln!(out, "scenario {} (seed {}, buyer {})", result.scenario, result.draw.seed, result.draw.buyer_name)?;
    for (index, entry) in result.transcript.iter().enumerate() {
        let who = match (entry.who, entry.kind) {
            (_, EntryKind::Action) => "  [action]",
            (_, EntryKind::Nudge) => "  buyer (nudge)",
            (_, EntryKind::Typing | EntryKind::Abandoned) => {
                writeln!(out, "{:>7.1}s   agent {}", entry.at, entry.shown(lang))?;
                continue;
            }
            (Who::Buyer, _) => "  buyer",
            (Who::Agent, _) => "  agent",
            (Who::System, _) => "  --",
        };
        write!(out, "{:>7.1}s {who}: {}", entry.at, entry.shown(lang))?;
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
        writeln!(out, "reply at {}: {:.1}/100, tone {}", grade.node, grade.score, grade.tone_band)?;
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
        "total {:.1}/100 (pass mark {:.0}), outcome {}: {}",
        grade.total,
        grade.pass_mark,
        grade.outcome,
        match grade.standing() {
            crate::grading::Standing::Passed => "PASS",
            crate::grading::Standing::Failed => "FAIL",
            crate::grading::Standing::Abandoned => "ENDED EARLY",
        }
    )
}

