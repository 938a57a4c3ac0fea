//! `kefu review agreement DIR...`: how often reviewers agreed with the grader,
//! per rule id, most disagreement first (`scorecard::grader_agreement`), as a
//! table in `--lang`, as CSV, or the reviewed replies as `kefu eval` labels.
//! The rule's label comes from the lexicon of the content folder.

use super::{LangArg, fail, output_failed};
use crate::content::Course;
use crate::content::raw::Lang;
use crate::i18n::Msg;
use crate::scorecard::grader_agreement::{self, RuleAgreement};
use crate::scorecard::{FamilyRecord, Record, ReviewCard, Scorecard};
use clap::ValueEnum;
use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AgreementFormat {
    /// A table in --lang.
    Text,
    /// One row per rule: UTF-8 with a BOM, formulas neutralised.
    Csv,
    /// The reviewed replies as JSON Lines for `kefu eval` ({"text", "politeness", "intents"}).
    Eval,
}

#[derive(Debug, clap::Args)]
pub struct AgreementArgs {
    /// Data folders (their scorecards and reviews), folders of records, or record files.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    #[arg(long, value_enum, default_value_t = AgreementFormat::Text)]
    pub format: AgreementFormat,
    #[arg(long, value_enum, default_value_t = LangArg::Zh)]
    pub lang: LangArg,
    /// Write here (atomically) instead of standard output.
    #[arg(long)]
    pub out: Option<PathBuf>,
}

/// The scenario scorecards and reviews under `paths`; unreadable record files are warned about.
fn read_all(paths: &[PathBuf]) -> (Vec<Scorecard>, Vec<ReviewCard>) {
    let (mut cards, mut reviews) = (Vec::new(), Vec::new());
    for (path, named) in crate::store::record_files(paths) {
        match crate::store::read_family(&path) {
            Ok(FamilyRecord::Attempt(Record::Scenario(card))) => cards.push(card),
            Ok(FamilyRecord::Review(review)) => reviews.push(review),
            Ok(_) => {}
            Err(_) if !named && !crate::store::looks_like_record(&path) => {}
            Err(error) => eprintln!("kefu: warning: {error}"),
        }
    }
    (cards, reviews)
}

pub(super) fn run(cli: &super::Cli, args: &AgreementArgs, stdout: &mut impl Write) -> u8 {
    if let Some(missing) = args.paths.iter().find(|p| !p.exists()) {
        return fail(format!("{}: no such file or folder", missing.display()));
    }
    let lang: Lang = args.lang.into();
    let (cards, reviews) = read_all(&args.paths);
    let card_refs: Vec<&Scorecard> = cards.iter().collect();
    let review_refs: Vec<&ReviewCard> = reviews.iter().collect();
    let counted = grader_agreement::counting(&review_refs, &card_refs);
    let course = Course::load(&[], &cli.content_root());
    let entries: Vec<_> = course.lexicons.values().flatten().collect();
    let label = |rule: &str| crate::scorecard::practice::rule_label(rule, &course, lang);
    let mut bytes = Vec::new();
    let written = match args.format {
        AgreementFormat::Csv => grader_agreement::write_csv(&mut bytes, &grader_agreement::tally(&counted), &label),
        AgreementFormat::Text => write_text(&mut bytes, counted.len(), &grader_agreement::tally(&counted), &label, lang),
        AgreementFormat::Eval => {
            let intents: BTreeMap<String, String> = entries.iter().filter_map(|e| e.intent.clone().map(|i| (e.id.clone(), i))).collect();
            let export = grader_agreement::eval_lines(&counted, &card_refs, &intents);
            if export.tone_unknown > 0 {
                eprintln!("kefu: note: {} reviewed replies left out: the reviewer changed their tone, so their politeness is unknown (docs/grading.md)", export.tone_unknown);
            }
            if export.no_scorecard > 0 {
                eprintln!("kefu: note: {} reviews left out: their scorecard is not among the files given", export.no_scorecard);
            }
            grader_agreement::write_eval(&mut bytes, &export.lines)
        }
    };
    if let Err(error) = written {
        return output_failed(error);
    }
    match &args.out {
        Some(path) => write_out(path, &bytes),
        None => match stdout.write_all(&bytes) {
            Ok(()) => 0,
            Err(error) => output_failed(error),
        },
    }
}

fn write_out(path: &Path, bytes: &[u8]) -> u8 {
    match crate::store::write_atomic(path, bytes) {
        Ok(()) => 0,
        Err(error) => {
            eprintln!("kefu: {error}");
            1
        }
    }
}

/// The table: one line per rule, its label beside its id, most disagreement first.
fn write_text(out: &mut impl Write, reviews: usize, rows: &[RuleAgreement], label: &dyn Fn(&str) -> Option<String>, lang: Lang) -> std::io::Result<()> {
    if rows.is_empty() {
        return writeln!(out, "{}", Msg::AgreementNone.get(lang));
    }
    writeln!(out, "{}", Msg::AgreementTitle.fill(lang, &[("reviews", &reviews), ("rules", &rows.len())]))?;
    writeln!(
        out,
        "{}  {}  {}  {}  {}  {}",
        Msg::AgreementRate.get(lang),
        Msg::AgreementJudged.get(lang),
        Msg::AgreementAgreed.get(lang),
        Msg::AgreementOverturned.get(lang),
        Msg::AgreementAdded.get(lang),
        Msg::AgreementRule.get(lang)
    )?;
    for row in rows {
        let named = label(&row.rule).map(|l| format!(" ({l})")).unwrap_or_default();
        writeln!(
            out,
            "{:>5.1}%  {:>4}  {:>4}  {:>4}  {:>4}  {}{named}",
            row.disagreement() * 100.0,
            row.judged,
            row.agreed,
            row.overturned,
            row.added,
            row.rule
        )?;
    }
    Ok(())
}
