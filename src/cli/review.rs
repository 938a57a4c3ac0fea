//! `kefu review list|show`: the supervisor's view of reviews. `list` walks
//! data folders (`store::FolderSource`) and prints each scenario scorecard
//! with its review state, auto and reviewed score and its disputes; `show`
//! prints one scorecard's findings, each with its reference (`2:apologise`,
//! what `review sign` and `dispute open` take) and the review's judgement,
//! the auto score beside the reviewed one. Both in `--lang`.

use super::{CliError, LangArg, fail, output_failed};
use crate::content::raw::Lang;
use crate::grading::verdict::dimension_label;
use crate::i18n::Msg;
use crate::scorecard::review_card::Stance;
use crate::scorecard::{DisputeCard, DisputeEntry, FamilyRecord, Record, RecordKind, ReviewCard, ReviewIndex, ReviewState, Scorecard, finding_ref};
use crate::store::{Beside, FolderSource, RecordSource};
use clap::{Subcommand, ValueEnum};
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Debug, Subcommand)]
pub enum ReviewCommand {
    /// Scenario scorecards under data folders with their review state, auto and reviewed score, and disputes.
    List {
        /// Data folders (their scorecards/, reviews/ and disputes/ are read), folders of records, or record files.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// open: not signed off, or with an open dispute; signed: signed off; all.
        #[arg(long, value_enum, default_value_t = StateFilter::All)]
        state: StateFilter,
        /// Only this trainee (by id).
        #[arg(long)]
        trainee: Option<String>,
        #[arg(long, value_enum, default_value_t = LangArg::Zh)]
        lang: LangArg,
        /// Who is reading (a reviewer's id): reviews made in a calibration round count only once
        /// you have submitted yours (or every reviewer of the round has).
        #[arg(long, value_name = "ID")]
        viewer: Option<String>,
    },
    /// One scorecard's findings with the review's judgements, the auto and reviewed score side by side.
    Show {
        /// A scorecard, a review or a dispute file; its reviews and disputes are found in its data folder.
        file: PathBuf,
        #[arg(long, value_enum, default_value_t = LangArg::Zh)]
        lang: LangArg,
        /// Who is reading (a reviewer's id): in a calibration round, the other reviewers' reviews of
        /// this scorecard are shown only once you have submitted yours (or everyone has).
        #[arg(long, value_name = "ID")]
        viewer: Option<String>,
    },
    /// Review a scorecard: judge findings, add missed ones, override dimensions, comment, sign off,
    /// answer a dispute. Saves a sealed review record; the scorecard is never changed.
    Sign(Box<super::review_sign::SignArgs>),
    /// Per rule id, how often reviewers agreed with the grader, overturned a finding or added
    /// one it missed, most disagreement first; as a table, CSV, or `kefu eval` labels.
    Agreement(Box<super::review_agreement::AgreementArgs>),
}

/// Which scorecards `review list` shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StateFilter {
    /// Not signed off yet, or with a dispute still open: what needs a reviewer.
    Open,
    Signed,
    All,
}

pub(super) fn run(cli: &super::Cli, command: &ReviewCommand, stdout: &mut impl Write) -> u8 {
    match command {
        ReviewCommand::List { paths, state, trainee, lang, viewer } => list(paths, *state, trainee.as_deref(), (*lang).into(), viewer.as_deref(), stdout),
        ReviewCommand::Show { file, lang, viewer } => show(file, (*lang).into(), viewer.as_deref(), stdout),
        ReviewCommand::Sign(args) => super::review_sign::run(cli, args, stdout),
        ReviewCommand::Agreement(args) => super::review_agreement::run(cli, args, stdout),
    }
}

/// A verdict in the reader's words: 合格, 不合格, or ended early.
fn verdict_word(passed: Option<bool>, lang: Lang) -> &'static str {
    match passed {
        Some(true) => Msg::Passed.get(lang),
        Some(false) => Msg::Failed.get(lang),
        None => Msg::Abandoned.get(lang),
    }
}

fn list(paths: &[PathBuf], filter: StateFilter, trainee: Option<&str>, lang: Lang, viewer: Option<&str>, out: &mut impl Write) -> u8 {
    if let Some(missing) = paths.iter().find(|p| !p.exists()) {
        return fail(format!("{}: no such file or folder", missing.display()));
    }
    let mut source = FolderSource::new(paths.to_vec());
    source.refresh();
    for error in source.unreadable() {
        eprintln!("kefu: warning: {error}");
    }
    // Calibration rounds review blind: a round review counts only for those who may see it.
    let rounds: Vec<_> = paths.iter().flat_map(|path| crate::store::calibration::rounds(path)).map(|(_, round)| round).collect();
    let round_refs: Vec<&crate::scorecard::calibration::CalibrationRound> = rounds.iter().collect();
    let reviews: Vec<(&Path, &ReviewCard)> = source.reviews().collect();
    let index = ReviewIndex::build(crate::scorecard::calibration::visible_reviews(&round_refs, viewer, &reviews), source.disputes());
    let mut lines = Vec::new();
    for (path, summary) in source.keyed_summaries() {
        if summary.kind != RecordKind::Scenario || trainee.is_some_and(|id| summary.trainee.id != id) {
            continue;
        }
        let status = index.status_of(summary);
        let shown = match filter {
            StateFilter::All => true,
            StateFilter::Signed => status.state == ReviewState::SignedOff,
            StateFilter::Open => status.state != ReviewState::SignedOff || status.open_disputes > 0,
        };
        if !shown {
            continue;
        }
        let reviewed = status.reviewed_total.map(|t| format!(" → {}: {t:.1} {}", Msg::ReviewedScore.get(lang), verdict_word(status.reviewed_passed, lang))).unwrap_or_default();
        let auto_passed = summary.has_verdict().then_some(summary.passed);
        lines.push(format!(
            "{}  {}: {:.1} {}{reviewed}  {} ({})  {}  {}  {}",
            status.state.label().get(lang),
            Msg::AutoScore.get(lang),
            summary.total,
            verdict_word(auto_passed, lang),
            summary.trainee.name,
            summary.trainee.id,
            summary.activity.title.get(lang),
            summary.when_utc.as_deref().unwrap_or("—"),
            path.display()
        ));
        if status.stale_reviews > 0 {
            lines.push(format!("    ⚠ {}", Msg::ReviewStale.fill(lang, &[("n", &status.stale_reviews)])));
        }
        for entry in index.disputes_of(&summary.seal) {
            lines.push(dispute_line(&entry, lang));
        }
    }
    if lines.is_empty() {
        lines.push(Msg::ReviewNoScorecards.get(lang).to_string());
    }
    for line in lines {
        if let Err(error) = writeln!(out, "{line}") {
            return output_failed(error);
        }
    }
    0
}

/// `    申诉 待处理 2:apologise: <reason> <path>`, and the answer once decided.
fn dispute_line(entry: &DisputeEntry<'_, &Path>, lang: Lang) -> String {
    let dispute = entry.dispute;
    let mut line = format!(
        "    {} {} {}: {} ({})",
        Msg::DisputeTitle.get(lang),
        entry.state.label().get(lang),
        dispute.finding,
        dispute.reason,
        entry.key.display()
    );
    if let Some(answer) = entry.answer().filter(|a| !a.answer.is_empty()) {
        line.push_str(&format!("\n      {}: {}", Msg::DisputeAnswer.get(lang), answer.answer));
    }
    line
}

/// What `show` prints: a scorecard, its reviews and disputes, and the review
/// whose judgements stand beside the findings.
struct Shown<'a> {
    card: &'a Scorecard,
    index: ReviewIndex<'a, &'a Path>,
    /// The review asked for, else the deciding one.
    focus: Option<&'a ReviewCard>,
    /// Round reviews by others the viewer may not see yet.
    hidden: usize,
}

fn show(file: &Path, lang: Lang, viewer: Option<&str>, out: &mut impl Write) -> u8 {
    let record = match crate::store::read_family(file) {
        Ok(record) => record,
        Err(error) => return fail(error),
    };
    let data = crate::store::data_folder_of(file);
    let beside = data.as_deref().map(Beside::read).unwrap_or_default();
    // The scorecard: the file itself, or the one the review or dispute names (given or in its data folder).
    let trainee = crate::scorecard::RecordRef::from(&record).trainee().id.clone();
    let scorecards = data.as_deref().map(|data| crate::store::reviews::trainee_scorecards(data, &trainee)).unwrap_or_default();
    let about = match &record {
        FamilyRecord::Attempt(Record::Scenario(card)) => Ok(card),
        FamilyRecord::Attempt(_) => return fail(CliError::NotReviewable { found: "a quiz or typing record", path: file.to_path_buf() }),
        FamilyRecord::Review(review) => scorecards.iter().map(|(_, c)| c).find(|c| review.scorecard.names(c)).ok_or(&review.scorecard),
        FamilyRecord::Dispute(dispute) => scorecards.iter().map(|(_, c)| c).find(|c| dispute.scorecard.names(c)).ok_or(&dispute.scorecard),
    };
    let card = match about {
        Ok(card) => card,
        Err(missing) => {
            eprintln!(
                "kefu: {}: the scorecard {} it is about is not in {} as it was (missing, or changed since); `kefu verify {}` says which",
                file.display(),
                missing.id,
                data.as_deref().map(|d| d.join("scorecards").display().to_string()).unwrap_or_else(|| "its data folder".into()),
                file.display()
            );
            return 1;
        }
    };
    let mut reviews: Vec<(&Path, &ReviewCard)> = beside.reviews.iter().map(|(p, r)| (p.as_path(), r)).collect();
    let mut disputes: Vec<(&Path, &DisputeCard)> = beside.disputes.iter().map(|(p, d)| (p.as_path(), d)).collect();
    let given_review = if let FamilyRecord::Review(review) = &record { Some(review) } else { None };
    match &record {
        FamilyRecord::Review(review) if !reviews.iter().any(|(_, r)| *r == review) => reviews.push((file, review)),
        FamilyRecord::Dispute(dispute) if !disputes.iter().any(|(_, d)| *d == dispute) => disputes.push((file, dispute)),
        _ => {}
    }
    // Calibration rounds review blind: the others' round reviews stay hidden until the viewer submitted.
    let rounds = data.as_deref().map(crate::store::calibration::rounds).unwrap_or_default();
    let round_refs: Vec<&crate::scorecard::calibration::CalibrationRound> = rounds.iter().map(|(_, r)| r).collect();
    let this_card = card.record_id();
    let of_this = |list: &[(&Path, &ReviewCard)]| list.iter().filter(|(_, r)| r.scorecard.id == this_card).count();
    let all = of_this(&reviews);
    let reviews = crate::scorecard::calibration::visible_reviews(&round_refs, viewer, &reviews);
    if given_review.is_some_and(|given| !reviews.iter().any(|(_, r)| *r == given)) {
        eprintln!("kefu: {}: {}", file.display(), Msg::CalibHidden.fill(lang, &[("n", &1)]));
        return 1;
    }
    let hidden = all.saturating_sub(of_this(&reviews));
    let index = ReviewIndex::build(reviews, disputes);
    let seal = card.seal();
    let focus = given_review.or_else(|| index.deciding(&seal).map(|(_, review)| review));
    let shown = Shown { card, index, focus, hidden };
    let mut text = String::new();
    if let Err(error) = write_shown(&mut text, &shown, lang) {
        return output_failed(std::io::Error::other(error));
    }
    match out.write_all(text.as_bytes()) {
        Ok(()) => 0,
        Err(error) => output_failed(error),
    }
}

/// The page `show` prints, into a String (writing to one cannot fail; the
/// result is passed up rather than dropped all the same).
fn write_shown(text: &mut String, shown: &Shown<'_>, lang: Lang) -> std::fmt::Result {
    use std::fmt::Write as _;
    let card = shown.card;
    let seal = card.seal();
    writeln!(
        text,
        "{} [{}] · {} ({}) · {}\n{}: {}",
        card.scenario.title.get(lang),
        card.scenario.id,
        card.trainee.name,
        card.trainee.id,
        card.when_utc.as_deref().unwrap_or("—"),
        Msg::ReviewScorecard.get(lang),
        card.record_id()
    )?;
    let grade = &card.grade;
    let auto = format!("{}: {:.1} {}", Msg::AutoScore.get(lang), grade.total, verdict_word((!grade.abandoned).then_some(grade.passed), lang));
    match shown.focus {
        Some(review) => {
            let state = if review.signed_off { ReviewState::SignedOff } else { ReviewState::Reviewed };
            writeln!(
                text,
                "{auto} · {}: {:.1} {} · {}: {:.0}\n{}: {} ({}) · {} · {}",
                Msg::ReviewedScore.get(lang),
                review.score.reviewed,
                verdict_word(review.score.reviewed_passed, lang),
                Msg::ReportPassMark.get(lang),
                grade.pass_mark,
                Msg::Reviewer.get(lang),
                review.reviewer.name,
                review.reviewer.id,
                review.when_utc.as_deref().unwrap_or("—"),
                state.label().get(lang)
            )?;
        }
        None => {
            writeln!(text, "{auto} · {}: {:.0}\n{}", Msg::ReportPassMark.get(lang), grade.pass_mark, Msg::ReviewNone.get(lang))?;
        }
    }
    if shown.hidden > 0 {
        writeln!(text, "{}", Msg::CalibHidden.fill(lang, &[("n", &shown.hidden)]))?;
    }
    let status = shown.index.status(&card.record_id(), &seal);
    if status.stale_reviews > 0 {
        writeln!(text, "⚠ {}", Msg::ReviewStale.fill(lang, &[("n", &status.stale_reviews)]))?;
    }
    let findings = finding_ref::all(card);
    for (number, reply) in card.replies.iter().enumerate().map(|(i, r)| (i + 1, r)) {
        writeln!(text, "\n{} · {:.1}/100", Msg::ReportAnswerN.fill(lang, &[("n", &number)]), reply.score)?;
        for (reference, finding) in findings.iter().filter(|(r, _)| r.reply == number) {
            let judged = match shown.focus.and_then(|review| review.judgement(reference)) {
                Some(j) if j.stance == Stance::Agree => Msg::ReviewAgree.get(lang).to_string(),
                Some(j) => format!("{}: {}", Msg::ReviewDisagree.get(lang), j.reason),
                None if shown.focus.is_some() => Msg::ReviewNotJudged.get(lang).to_string(),
                None => String::new(),
            };
            let judged = if judged.is_empty() { judged } else { format!("  [{judged}]") };
            writeln!(text, "  {reference}  {:+.1}/{:.1}  {}{judged}", finding.points, finding.possible, finding.explain)?;
        }
        for added in shown.focus.map(|r| r.added.as_slice()).unwrap_or_default().iter().filter(|a| a.reply == number) {
            let place = added.message.map(|line| Msg::ReviewLine.fill(lang, &[("n", &(line + 1))])).unwrap_or_else(|| Msg::ReviewWholeAnswer.get(lang).into());
            writeln!(
                text,
                "  + {}: {} · {} · {:+.1} · {} · {}",
                Msg::ReviewAdded.get(lang),
                added.rule,
                dimension_label(added.dimension).get(lang),
                added.points,
                place,
                added.comment
            )?;
        }
    }
    if let Some(review) = shown.focus {
        let shares = crate::scorecard::reviewed_score::score(card, review.changes()).dimensions;
        writeln!(text, "\n{} ({} → {})", Msg::Dimensions.get(lang), Msg::AutoScore.get(lang), Msg::ReviewedScore.get(lang))?;
        for (dimension, (auto, reviewed)) in shares {
            let reason = review.overrides.iter().find(|o| o.dimension == dimension).map(|o| format!("  ({}: {})", Msg::ReviewOverrides.get(lang), o.reason)).unwrap_or_default();
            writeln!(text, "  {}: {auto:.0}% → {reviewed:.0}%{reason}", dimension_label(dimension).get(lang))?;
        }
        if !review.comment.is_empty() {
            writeln!(text, "\n{}: {}", Msg::ReviewComment.get(lang), review.comment)?;
        }
    }
    let disputes = shown.index.disputes_of(&seal);
    if !disputes.is_empty() {
        writeln!(text, "\n{}", Msg::DisputeTitle.get(lang))?;
        for entry in disputes {
            writeln!(text, "{}", dispute_line(&entry, lang))?;
        }
    }
    let others: Vec<_> = shown.index.reviews_of(&seal).into_iter().filter(|(_, r)| shown.focus.is_none_or(|f| !std::ptr::eq(f, *r))).collect();
    if !others.is_empty() {
        writeln!(text, "\n{}", Msg::ReviewTitle.get(lang))?;
        for (path, review) in others {
            let state = if review.signed_off { ReviewState::SignedOff } else { ReviewState::Reviewed };
            writeln!(
                text,
                "  {} ({}) · {} · {} · {}: {:.1} ({})",
                review.reviewer.name,
                review.reviewer.id,
                review.when_utc.as_deref().unwrap_or("—"),
                state.label().get(lang),
                Msg::ReviewedScore.get(lang),
                review.score.reviewed,
                path.display()
            )?;
        }
    }
    Ok(())
}
