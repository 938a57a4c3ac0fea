//! `kefu eval FILE.jsonl`: reads hand-labelled replies, grades each, and prints
//! politeness accuracy with its confusion matrix, per-intent precision, recall
//! and F1, micro-F1, and (with `--errors`) every disagreement with its findings.

use super::{Format, fail};
use crate::content::Course;
use crate::content::raw::Lang;
use crate::grading::Grader;
use crate::grading::eval::{Counts, EvalReport, FREQUENT_INTENTS, Politeness, evaluate, parse_labels};
use std::io::Write;
use std::path::Path;

/// A labels file larger than this is refused: hand labels run to thousands of lines, not millions.
const MAX_LABELS_BYTES: u64 = 64 * 1024 * 1024;

pub(super) fn run(content_root: &Path, file: &Path, lang: Lang, errors: bool, format: Format, out: &mut impl Write) -> u8 {
    match std::fs::metadata(file) {
        Ok(meta) if meta.len() > MAX_LABELS_BYTES => {
            return fail(format!("{}: {} bytes is more than the {MAX_LABELS_BYTES} a labels file may have", file.display(), meta.len()));
        }
        _ => {}
    }
    let text = match std::fs::read_to_string(file) {
        Ok(text) => text,
        Err(error) => return fail(format!("cannot read {}: {error}", file.display())),
    };
    let items = match parse_labels(&text) {
        Ok(items) => items,
        Err(bad) => {
            for error in bad.iter().take(20) {
                eprintln!("kefu: {}:{error}", file.display());
            }
            if bad.len() > 20 {
                eprintln!("kefu: … and {} more bad lines", bad.len() - 20);
            }
            return 2;
        }
    };
    if items.is_empty() {
        return fail(format!("{}: no labelled replies in the file", file.display()));
    }
    let course = Course::load(&[], content_root);
    // A lexicon with an error is left out of the course; grading without it would
    // report figures for a grader nobody uses, so refuse instead.
    let broken: Vec<String> = course
        .report
        .diagnostics
        .iter()
        .filter(|d| d.is_error() && d.path.components().any(|c| c.as_os_str() == "lexicons"))
        .map(|d| d.to_string())
        .collect();
    if !broken.is_empty() {
        for line in broken.iter().take(20) {
            eprintln!("{line}");
        }
        return fail("the lexicons have errors (above), so the grader is incomplete; fix them (`kefu check`) and run eval again");
    }
    let grader = Grader::new(&course);
    let report = evaluate(&grader, &items, lang);
    let written = match format {
        Format::Json => write_json(out, &report, errors),
        Format::Text => write_text(out, &report, errors, file),
    };
    if let Err(error) = written {
        return fail(format!("cannot write the report: {error}"));
    }
    0
}

/// Precision, recall and F1 as printed: "—" where nothing was counted (no
/// reply graded or labelled with the intent), since 0.000 would read as a
/// grader that is always wrong.
fn shown(counts: Counts) -> (String, String, String) {
    let figure = |value: f64, defined: bool| if defined { format!("{value:.3}") } else { "—".to_string() };
    let Counts { true_positive, false_positive, false_negative } = counts;
    (
        figure(counts.precision(), true_positive + false_positive > 0),
        figure(counts.recall(), true_positive + false_negative > 0),
        figure(counts.f1(), true_positive + false_positive + false_negative > 0),
    )
}

fn write_text(out: &mut impl Write, report: &EvalReport, errors: bool, file: &Path) -> std::io::Result<()> {
    writeln!(out, "{}: {} labelled replies", file.display(), report.replies)?;
    writeln!(
        out,
        "politeness: accuracy {:.3} (always \"polite\" would score {:.3})",
        report.politeness_accuracy(),
        report.always_polite_accuracy()
    )?;
    writeln!(out, "  labelled \\ graded   polite  neutral  impolite")?;
    for (row, label) in Politeness::ALL.iter().enumerate() {
        let cells = report.confusion[row];
        writeln!(out, "  {:<18} {:>7}  {:>7}  {:>8}", label.name(), cells[0], cells[1], cells[2])?;
    }
    writeln!(out, "intents:            precision  recall     F1  labelled")?;
    for (name, counts) in &report.intents {
        let (precision, recall, f1) = shown(*counts);
        writeln!(out, "  {name:<22} {precision:>6}  {recall:>6} {f1:>6}  {:>8}", counts.support())?;
    }
    let line = |counts: Counts| {
        let (precision, recall, f1) = shown(counts);
        format!("{f1} (precision {precision}, recall {recall})")
    };
    writeln!(out, "micro-F1, the six frequent intents ({}): {}", FREQUENT_INTENTS.join(", "), line(report.micro(&FREQUENT_INTENTS)))?;
    writeln!(out, "micro-F1, every intent: {}", line(report.micro_all()))?;
    if errors {
        writeln!(out, "\ndisagreements: {}", report.disagreements.len())?;
        for d in &report.disagreements {
            writeln!(out, "#{} {}", d.item, d.text.replace('\n', " "))?;
            if d.politeness.0 != d.politeness.1 {
                writeln!(out, "   politeness: labelled {}, graded {} (tone {:.2})", d.politeness.0.name(), d.politeness.1.name(), d.report.tone)?;
            }
            if !d.missed.is_empty() {
                writeln!(out, "   missed: {}", d.missed.iter().cloned().collect::<Vec<_>>().join(", "))?;
            }
            if !d.extra.is_empty() {
                writeln!(out, "   extra: {}", d.extra.iter().cloned().collect::<Vec<_>>().join(", "))?;
            }
            let findings: Vec<String> = d.report.hits.iter().map(|h| format!("{}«{}»", h.rule, h.matched)).collect();
            writeln!(out, "   findings: {}", if findings.is_empty() { "none".to_string() } else { findings.join(" ") })?;
        }
    }
    Ok(())
}

fn write_json(out: &mut impl Write, report: &EvalReport, errors: bool) -> std::io::Result<()> {
    let scores = |c: &Counts| {
        serde_json::json!({
            "precision": c.precision(), "recall": c.recall(), "f1": c.f1(), "labelled": c.support(),
            "true_positive": c.true_positive, "false_positive": c.false_positive, "false_negative": c.false_negative,
        })
    };
    let intents: serde_json::Map<String, serde_json::Value> =
        report.intents.iter().map(|(name, counts)| (name.clone(), scores(counts))).collect();
    let mut json = serde_json::json!({
        "replies": report.replies,
        "politeness": {
            "accuracy": report.politeness_accuracy(),
            "always_polite_accuracy": report.always_polite_accuracy(),
            "labels": Politeness::ALL.map(Politeness::name),
            "confusion": report.confusion,
        },
        "intents": intents,
        "micro_f1_frequent": scores(&report.micro(&FREQUENT_INTENTS)),
        "frequent_intents": FREQUENT_INTENTS,
        "micro_f1_all": scores(&report.micro_all()),
    });
    if errors {
        json["disagreements"] = serde_json::to_value(&report.disagreements).map_err(std::io::Error::from)?;
    }
    serde_json::to_writer_pretty(&mut *out, &json)?;
    writeln!(out)
}
