//! `kefu grade-text`: one reply's steps, tone markers and platform-rule
//! findings with their spans, as text or JSON.

use super::{Cli, Format, fail, output_failed};
use crate::content::Course;
use crate::content::raw::Lang;
use crate::grading::MAX_REPLY_CHARS;
use std::io::Write;

pub(super) fn run(cli: &Cli, text: &str, asked: Option<&str>, lang: Lang, format: Format, stdout: &mut impl Write) -> u8 {
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
    let report = grader.grade_text_answering(text.trim_end_matches('\n'), asked, lang);
    let written = match format {
        Format::Json => serde_json::to_writer_pretty(&mut *stdout, &report).map_err(std::io::Error::from).and_then(|()| writeln!(stdout)),
        Format::Text => write_text(stdout, &report),
    };
    match written {
        Ok(()) => 0,
        Err(error) => output_failed(error),
    }
}

fn write_text(stdout: &mut impl Write, report: &crate::grading::text_report::TextReport) -> std::io::Result<()> {
    writeln!(stdout, "tone: {} ({:.2})", report.tone_band, report.tone)?;
    for hit in &report.hits {
        let sign = if hit.good { "+" } else { "-" };
        writeln!(stdout, "{sign} {:<14} {:<22} {}..{} «{}»  {}", hit.kind, hit.rule, hit.start, hit.end, hit.matched, hit.label)?;
    }
    Ok(())
}
