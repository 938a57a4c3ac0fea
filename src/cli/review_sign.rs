//! `kefu review sign SCORECARD ...`: a supervisor's review as a sealed record
//! (`scorecard::ReviewCard`), saved in the data folder's `reviews/<reviewer>/`
//! beside the scorecard, which is never changed. Each option's value is read
//! here (`--disagree 2:apologise=REASON`, `--add 2@5:tone:-5:RULE=COMMENT`,
//! `--override tone=80:REASON`); what the scorecard must allow (the finding
//! exists, a reason is given, a dispute is about this scorecard) is the
//! core's rule (`review_check`), said with the scorecard's path.

use super::{Cli, CliError, LangArg, fail};
use crate::content::raw::Lang;
use crate::grading::Dimension;
use crate::i18n::Msg;
use crate::scorecard::{AddedFinding, Decision, DimensionOverride, FamilyRecord, FindingRef, Judgement, Record, ReviewCard, ReviewDraft, Reviewer, Scorecard, Stance};
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Debug, clap::Args)]
pub struct SignArgs {
    /// The scenario scorecard reviewed.
    pub scorecard: PathBuf,
    #[arg(long)]
    pub reviewer_name: String,
    /// The reviewer's id (employee number).
    #[arg(long)]
    pub reviewer_id: String,
    /// Agree with a finding (repeatable): ANSWER:RULE, e.g. 2:apologise (`kefu review show` lists them).
    #[arg(long = "agree", value_name = "REF")]
    pub agree: Vec<String>,
    /// Disagree with a finding, saying why (repeatable): REF=REASON, e.g. "2:curt=the buyer asked for brevity".
    #[arg(long = "disagree", value_name = "REF=REASON")]
    pub disagree: Vec<String>,
    /// Add a finding the grader missed (repeatable): ANSWER[@LINE]:DIMENSION:POINTS:RULE[=COMMENT],
    /// e.g. "2:tone:-5:no apology=the buyer waited a day"; DIMENSION is accuracy, steps, tone, speed,
    /// actions or rules; POINTS on the answer's 100-point scale; LINE as `review show` numbers the transcript.
    #[arg(long = "add", value_name = "SPEC")]
    pub add: Vec<String>,
    /// Override a dimension's share in percent (repeatable): DIMENSION=SCORE:REASON, e.g. "tone=80:polite throughout".
    #[arg(long = "override", value_name = "DIM=SCORE:REASON")]
    pub overrides: Vec<String>,
    #[arg(long, default_value = "")]
    pub comment: String,
    /// Save the review without signing the scorecard off (its state is then "reviewed").
    #[arg(long)]
    pub no_sign_off: bool,
    /// The trainee's dispute this review answers; decide it with --accept or --reject.
    #[arg(long, value_name = "FILE")]
    pub answer_dispute: Option<PathBuf>,
    /// Accept the dispute: the finding is judged wrong (REASON, or a --disagree of it, says why).
    #[arg(long, num_args = 0..=1, default_missing_value = "", conflicts_with = "reject", value_name = "REASON")]
    pub accept: Option<String>,
    /// Reject the dispute with the answer the trainee reads.
    #[arg(long, value_name = "REASON")]
    pub reject: Option<String>,
    /// When, RFC 3339 UTC (e.g. 2026-11-24T10:00:00Z), or now.
    #[arg(long, default_value = "now")]
    pub when: String,
    #[arg(long, value_enum, default_value_t = LangArg::Zh)]
    pub lang: LangArg,
    /// The calibration round this review is part of (its file, from `kefu calibrate new`): the
    /// round must name the reviewer and hold the scorecard; the others' reviews stay hidden until you submit.
    #[arg(long, value_name = "ROUND.json")]
    pub round: Option<PathBuf>,
}

/// The scenario scorecard in `path`, or why it is none.
pub(super) fn read_scorecard(path: &Path) -> Result<Scorecard, CliError> {
    match crate::store::read_family(path)? {
        FamilyRecord::Attempt(Record::Scenario(card)) => Ok(card),
        FamilyRecord::Attempt(Record::Quiz(_)) => Err(CliError::NotReviewable { found: "a quiz record", path: path.into() }),
        FamilyRecord::Attempt(Record::Typing(_)) => Err(CliError::NotReviewable { found: "a typing-drill record", path: path.into() }),
        FamilyRecord::Review(_) => Err(CliError::NotReviewable { found: "a review", path: path.into() }),
        FamilyRecord::Dispute(_) => Err(CliError::NotReviewable { found: "a dispute", path: path.into() }),
    }
}

/// Where a review or dispute of the record at `path` is saved: `--data-dir`
/// when given, else the data folder the record lives in (so it sits beside
/// the scorecard, where its trainee and verify find it), else the default one.
pub(super) fn data_folder(cli: &Cli, path: &Path) -> Result<PathBuf, CliError> {
    match (&cli.data_dir, crate::store::data_folder_of(path)) {
        (Some(dir), _) => Ok(crate::store::open(Some(dir))?),
        (None, Some(data)) => Ok(data),
        (None, None) => Ok(crate::store::open(None)?),
    }
}

/// A finding reference read, the error naming the scorecard.
fn reference(text: &str, scorecard: &Path) -> Result<FindingRef, CliError> {
    FindingRef::parse(text).map_err(|source| CliError::Reference { source, path: scorecard.into() })
}

fn spec_error(option: &'static str, text: &str, why: &'static str, shape: &'static str) -> CliError {
    CliError::BadSpec { option, text: text.to_string(), why, shape }
}

/// `--disagree REF=REASON`.
fn disagreement(text: &str, scorecard: &Path) -> Result<Judgement, CliError> {
    let Some((finding, reason)) = text.split_once('=') else {
        return Err(spec_error("--disagree", text, "no reason after `=`", "REF=REASON, e.g. \"2:curt=the buyer asked for brevity\""));
    };
    Ok(Judgement { finding: reference(finding, scorecard)?, stance: Stance::Disagree, reason: reason.trim().to_string() })
}

const ADD_SHAPE: &str = "ANSWER[@LINE]:DIMENSION:POINTS:RULE[=COMMENT], e.g. \"2:tone:-5:no apology=the buyer waited\"";

/// `--add ANSWER[@LINE]:DIMENSION:POINTS:RULE[=COMMENT]`.
fn added(text: &str) -> Result<AddedFinding, CliError> {
    let bad = |why| spec_error("--add", text, why, ADD_SHAPE);
    let mut parts = text.splitn(4, ':');
    let (Some(place), Some(dimension), Some(points), Some(rest)) = (parts.next(), parts.next(), parts.next(), parts.next()) else {
        return Err(bad("it needs four parts separated by `:`"));
    };
    let (reply, message) = match place.split_once('@') {
        Some((reply, line)) => (reply, Some(line.trim().parse::<usize>().ok().filter(|l| *l > 0).ok_or_else(|| bad("LINE is a number from 1"))? - 1)),
        None => (place, None),
    };
    let reply = reply.trim().parse::<usize>().map_err(|_| bad("ANSWER is a number from 1"))?;
    let dimension = Dimension::named(dimension.trim()).ok_or_else(|| bad("DIMENSION is accuracy, steps, tone, speed, actions or rules"))?;
    let points = points.trim().parse::<f64>().map_err(|_| bad("POINTS is a number, negative for a fault the grader missed"))?;
    let (rule, comment) = rest.split_once('=').unwrap_or((rest, ""));
    Ok(AddedFinding { reply, message, rule: rule.trim().to_string(), dimension, points, comment: comment.trim().to_string() })
}

const OVERRIDE_SHAPE: &str = "DIMENSION=SCORE:REASON, e.g. \"tone=80:polite throughout\"";

/// `--override DIMENSION=SCORE:REASON`.
fn overridden(text: &str) -> Result<DimensionOverride, CliError> {
    let bad = |why| spec_error("--override", text, why, OVERRIDE_SHAPE);
    let (dimension, rest) = text.split_once('=').ok_or_else(|| bad("no `=` after the dimension"))?;
    let (score, reason) = rest.split_once(':').ok_or_else(|| bad("no `:` before the reason"))?;
    let dimension = Dimension::named(dimension.trim()).ok_or_else(|| bad("DIMENSION is accuracy, steps, tone, speed or actions"))?;
    let score_pct = score.trim().trim_end_matches('%').parse::<f64>().map_err(|_| bad("SCORE is a percentage from 0 to 100"))?;
    Ok(DimensionOverride { dimension, score_pct, reason: reason.trim().to_string() })
}

/// The review the options describe, checked against the scorecard and sealed.
fn review(card: &Scorecard, args: &SignArgs) -> Result<ReviewCard, CliError> {
    let path = args.scorecard.as_path();
    let mut judgements = Vec::new();
    for text in &args.agree {
        judgements.push(Judgement { finding: reference(text, path)?, stance: Stance::Agree, reason: String::new() });
    }
    for text in &args.disagree {
        judgements.push(disagreement(text, path)?);
    }
    let added = args.add.iter().map(|text| added(text)).collect::<Result<Vec<_>, _>>()?;
    let overrides = args.overrides.iter().map(|text| overridden(text)).collect::<Result<Vec<_>, _>>()?;
    let answers = match (&args.answer_dispute, &args.accept, &args.reject) {
        (None, None, None) => None,
        (None, Some(_), _) => return Err(CliError::DecisionWithoutDispute { option: "--accept" }),
        (None, _, Some(_)) => return Err(CliError::DecisionWithoutDispute { option: "--reject" }),
        (Some(_), None, None) => return Err(CliError::NoDecision),
        (Some(file), accept, reject) => {
            let dispute = match crate::store::read_family(file)? {
                FamilyRecord::Dispute(dispute) => dispute,
                FamilyRecord::Review(_) => return Err(CliError::NotADispute { found: "a review", path: file.clone() }),
                FamilyRecord::Attempt(_) => return Err(CliError::NotADispute { found: "a scorecard", path: file.clone() }),
            };
            let judged = judgements.iter().any(|j| j.finding == dispute.finding);
            let (decision, answer) = match (accept, reject) {
                (Some(reason), _) => {
                    // Accepting is disagreeing with the finding; the reason given says why.
                    if !judged && !reason.trim().is_empty() {
                        judgements.push(Judgement { finding: dispute.finding.clone(), stance: Stance::Disagree, reason: reason.trim().to_string() });
                    }
                    (Decision::Accepted, reason.clone())
                }
                (None, Some(answer)) => {
                    // Rejecting is agreeing with the grader, for the reason the trainee reads.
                    if !judged {
                        judgements.push(Judgement { finding: dispute.finding.clone(), stance: Stance::Agree, reason: answer.trim().to_string() });
                    }
                    (Decision::Rejected, answer.clone())
                }
                (None, None) => return Err(CliError::NoDecision),
            };
            Some((dispute, decision, answer))
        }
    };
    let (when_utc, _) = super::outputs::when(&args.when)?;
    let draft = ReviewDraft {
        reviewer: Reviewer { name: args.reviewer_name.clone(), id: args.reviewer_id.clone() },
        when_utc,
        judgements,
        added,
        overrides,
        comment: args.comment.clone(),
        signed_off: !args.no_sign_off,
        answers,
    };
    let made = match &args.round {
        Some(round_path) => {
            let (round, _) = super::calibrate::read_checked_round(round_path)?;
            if !round.admits(args.reviewer_id.trim(), card) {
                return Err(CliError::NotInRound { reviewer: args.reviewer_id.clone(), path: round_path.clone() });
            }
            ReviewCard::new_in_round(card, draft, round.id())
        }
        None => ReviewCard::new(card, draft),
    };
    made.map_err(|source| CliError::Review { source, path: path.into() })
}

/// `自动评分: 86.1 合格 → 复核后得分: 90.0 合格 · 已签核`.
pub(super) fn score_line(review: &ReviewCard, lang: Lang) -> String {
    let word = |passed: Option<bool>| match passed {
        Some(true) => Msg::Passed.get(lang),
        Some(false) => Msg::Failed.get(lang),
        None => Msg::Abandoned.get(lang),
    };
    let state = if review.signed_off { Msg::ReviewStateSignedOff } else { Msg::ReviewStateReviewed };
    format!(
        "{}: {:.1} {} → {}: {:.1} {} · {}",
        Msg::AutoScore.get(lang),
        review.score.auto,
        word(review.score.auto_passed),
        Msg::ReviewedScore.get(lang),
        review.score.reviewed,
        word(review.score.reviewed_passed),
        state.get(lang)
    )
}

pub(super) fn run(cli: &Cli, args: &SignArgs, stdout: &mut impl Write) -> u8 {
    let made = read_scorecard(&args.scorecard)
        .inspect(|card| warn_unless_verified(cli, card, &args.scorecard))
        .and_then(|card| review(&card, args))
        .and_then(|review| Ok((review, data_folder(cli, &args.scorecard)?)));
    let (review, data) = match made {
        Ok(made) => made,
        Err(error) => return fail(error),
    };
    match crate::store::save_record(&data, &review) {
        Ok(path) => eprintln!("kefu: saved {}", path.display()),
        Err(error) => {
            eprintln!("kefu: cannot save the review: {error}");
            return 1;
        }
    }
    match writeln!(stdout, "{}", score_line(&review, args.lang.into())) {
        Ok(()) => 0,
        Err(error) => super::output_failed(error),
    }
}

/// A reviewer should know when the scorecard under review does not verify
/// (edited by hand, or graded against other content): the review is still
/// saved, since judging a doubtful record is part of the job, but not blindly.
fn warn_unless_verified(cli: &Cli, card: &Scorecard, path: &Path) {
    let bundle = std::sync::Arc::new(crate::engine::Bundle::new(crate::content::Course::load(&[], &cli.content_root())));
    let verdict = crate::scorecard::verify(card, &bundle);
    if verdict != crate::scorecard::Verdict::Ok {
        eprintln!("kefu: warning: {} does not verify (edited, or graded against other content); run `kefu verify` on it before relying on this review", path.display());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn added_findings_and_overrides_read_their_parts() {
        let add = added("2@5:tone:-5:fact:x.y=missed it: twice").unwrap();
        assert_eq!((add.reply, add.message, add.dimension, add.points), (2, Some(4), Dimension::Tone, -5.0));
        assert_eq!((add.rule.as_str(), add.comment.as_str()), ("fact:x.y", "missed it: twice"));
        let plain = added("1:steps:3:greeting").unwrap();
        assert_eq!((plain.message, plain.rule.as_str(), plain.comment.as_str()), (None, "greeting", ""));
        for bad in ["1:tone:-5", "x:tone:1:r", "1@0:tone:1:r", "1:loudness:1:r", "1:tone:many:r"] {
            let message = added(bad).unwrap_err().to_string();
            assert!(message.starts_with("--add ") && message.contains("e.g."), "{message}");
        }
        let over = overridden("tone=80%:polite throughout").unwrap();
        assert_eq!((over.dimension, over.score_pct, over.reason.as_str()), (Dimension::Tone, 80.0, "polite throughout"));
        for bad in ["tone:80", "tone=80", "volume=80:x", "tone=high:x"] {
            assert!(overridden(bad).is_err(), "{bad}");
        }
        let judgement = disagreement("2:fact:a.b=wrong: the buyer = right", Path::new("s.json")).unwrap();
        assert_eq!((judgement.finding.rule.as_str(), judgement.reason.as_str()), ("fact:a.b", "wrong: the buyer = right"));
        assert!(disagreement("2:curt", Path::new("s.json")).unwrap_err().to_string().contains("REF=REASON"));
    }
}
