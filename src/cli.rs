//! The headless command line: argument parsing and the commands that need no window.
//! Exit codes: 0 success, 1 the command found problems, 2 bad usage.

use crate::content::{self, Report, check::PASSES};
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
    },
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
        Command::Check { paths, format, list_passes } => {
            if *list_passes {
                for pass in PASSES {
                    let _ = writeln!(stdout, "{:<16} {}", pass.name, pass.about);
                }
                return Some(ExitCode::SUCCESS);
            }
            let set = content::load_course_paths(paths, &cli.content_root());
            let report = content::check(&set);
            let _ = write_report(&mut stdout, &report, *format);
            if report.errors() == 0 { 0 } else { 1 }
        }
    };
    Some(ExitCode::from(code))
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
