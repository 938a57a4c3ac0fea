//! `kefu check`: the content passes, then every scenario's pinned examples
//! through the grader; diagnostics as text or JSON; exit 1 on any error.

use super::{Cli, Format, output_failed};
use crate::content::Report;
use crate::content::check::PASSES;
use std::io::Write;
use std::path::{Path, PathBuf};

pub(super) fn run(cli: &Cli, paths: &[PathBuf], format: Format, list_passes: bool, no_examples: bool, stdout: &mut impl Write) -> u8 {
    if list_passes {
        return match write_passes(stdout) {
            Ok(()) => 0,
            Err(error) => output_failed(error),
        };
    }
    let report = check_with_examples(paths, &cli.content_root(), !no_examples);
    if let Err(error) = write_report(stdout, &report, format) {
        return output_failed(error);
    }
    if report.errors() == 0 { 0 } else { 1 }
}

/// `--list-passes`: each pass with what it finds.
fn write_passes(out: &mut impl Write) -> std::io::Result<()> {
    for pass in PASSES {
        writeln!(out, "{:<16} {}", pass.name, pass.about)?;
    }
    writeln!(out, "{:<16} every scenario's examples grade as declared (run by the grader)", "pinned-examples")
}

/// `kefu check`: the content passes, then every pinned example through the grader.
pub fn check_with_examples(paths: &[PathBuf], root: &Path, examples: bool) -> Report {
    crate::engine::examples::load_checked(paths, root, examples).course.report
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
