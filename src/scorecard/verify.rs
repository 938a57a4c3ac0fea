//! `kefu verify`: is this scorecard what the trainee's session really earned?
//! Three checks: the per-field digests (a hand edit names its field), the
//! content hashes (graded against the content we have now?), and a re-grade
//! from the transcript compared field by field with what was saved. A quiz
//! record is checked the same way: seals, then its content hashes, then the
//! questions re-drawn from its spec and its answers re-marked at their times.
//! A review or a dispute is checked against the scorecard it names: its seals
//! first (an edit of the review itself), then that the scorecard is there as
//! it was (`SubjectChanged`, `SubjectMissing`: not an edit of the review), then
//! the rules a valid one keeps (`review_check`), the reviewed score included.

use crate::text::Quoted;
use super::hash::content_hashes;
use super::{QuizCard, Record, Scorecard, quiz_card};
use crate::content::Course;
use crate::quiz::session::QuizSession;
use crate::quiz::spec::{pick, pool};
use std::collections::BTreeMap;
use crate::engine::{Bundle, EntryKind, PlanInput, Who, run_plan_at};
use std::sync::Arc;

#[derive(Debug, Clone, PartialEq)]
pub enum Verdict {
    /// Digests match, content matches, and the re-grade gives the same record.
    Ok,
    /// Fields that differ from what their digests or the re-grade say.
    Edited(Vec<String>),
    /// The content it was graded against is not the content we have: which parts.
    ContentChanged(Vec<String>),
    /// An old record (schema 1) with no seals or content hash whose re-grade
    /// differs: an edit and a change of content or grader cannot be told apart.
    CannotVerify(Vec<String>),
    /// A review or dispute whose scorecard (or the dispute a review answers)
    /// has changed since it was written: it judged other content.
    SubjectChanged(Subject),
    /// A review or dispute whose scorecard (or dispute) was not found.
    SubjectMissing(Subject),
}

/// What a review or dispute is about: a scorecard, or the dispute a review answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subject {
    pub kind: SubjectKind,
    /// Its record id, as the review or dispute names it.
    pub id: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SubjectKind {
    Scorecard,
    Dispute,
}

impl Verdict {
    pub fn is_ok(&self) -> bool {
        matches!(self, Verdict::Ok)
    }
}

/// At most this many differing fields are named; more are summarised, so a
/// forged file with millions of differences still gets one short line.
pub const MAX_NAMED: usize = 12;

/// A named field or part is cut to this many characters: its path comes from
/// the record's own keys, which a forged file can make as long as it likes.
pub const MAX_NAME_CHARS: usize = 120;

/// `names` cut to `MAX_NAMED` (each to `MAX_NAME_CHARS`), and "and N more" when some were left out.
pub fn capped(mut names: Vec<String>) -> Vec<String> {
    let more = names.len().saturating_sub(MAX_NAMED);
    names.truncate(MAX_NAMED);
    for name in &mut names {
        *name = clip(name);
    }
    if more > 0 {
        names.push(format!("and {more} more"));
    }
    names
}

/// `text` cut to `MAX_NAME_CHARS` characters, with `…` when it was longer.
pub fn clip(text: &str) -> String {
    clip_chars(text, MAX_NAME_CHARS)
}

/// `text` cut to `max` characters, with `…` when it was longer.
pub fn clip_chars(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_string(),
    }
}

/// Either kind of record.
pub fn verify_record(record: &Record, bundle: &Arc<Bundle>) -> Verdict {
    match record {
        Record::Scenario(card) => verify(card, bundle),
        Record::Quiz(card) => verify_quiz(card, &bundle.course),
        Record::Typing(card) => verify_typing(card),
    }
}

/// Fields whose JSON no longer matches their seal, and fields with no seal.
fn broken_seals(saved: &BTreeMap<String, String>, now: &BTreeMap<String, String>) -> Vec<String> {
    let mut sealed: Vec<String> = saved.iter().filter(|(field, digest)| now.get(*field) != Some(digest)).map(|(f, _)| f.clone()).collect();
    sealed.extend(now.keys().filter(|field| !saved.contains_key(*field)).cloned());
    sealed
}

/// Parts whose hash now differs from the recorded one (`total` aside).
fn changed_parts(saved: &BTreeMap<String, String>, current: &BTreeMap<String, String>) -> Vec<String> {
    current.iter().filter(|(part, hash)| *part != "total" && saved.get(*part) != Some(*hash)).map(|(part, _)| part.clone()).collect()
}

pub fn verify(card: &Scorecard, bundle: &Arc<Bundle>) -> Verdict {
    // 1. Digests: any field whose JSON no longer matches its seal. These name
    // the edit itself and are listed first; re-grade differences follow.
    let sealed = if card.digests.is_empty() { Vec::new() } else { broken_seals(&card.digests, &card.field_digests()) };
    let mut edited: Vec<String> = Vec::new();

    // 2. Content: the scenario must still exist and hash the same, part by part.
    let Some(scenario) = bundle.course.scenario(&card.scenario.id) else {
        return verdict(sealed, edited, vec![format!("scenario {} is no longer in the course", Quoted(&card.scenario.id))]);
    };
    let current = content_hashes(&bundle.course, scenario);
    let migrated = card.content.is_empty();
    if !migrated {
        let changed = changed_parts(&card.content, &current);
        if !changed.is_empty() {
            return verdict(sealed, edited, changed);
        }
    }

    // 3. Re-grade from what the trainee did, at the recorded times.
    let inputs: Vec<(f64, PlanInput)> = card
        .transcript
        .iter()
        .filter(|e| e.who == Who::Agent)
        .filter_map(|e| match (e.kind, &e.action) {
            (EntryKind::Message, _) => Some((e.at, PlanInput::Say(e.text.clone()))),
            (EntryKind::Action, Some(action)) => Some((e.at, PlanInput::Act(action.clone()))),
            (EntryKind::Typing, _) => Some((e.at, PlanInput::Type { until: e.until.unwrap_or(e.at) })),
            (EntryKind::Abandoned, _) => Some((e.at, PlanInput::Abandon)),
            _ => None,
        })
        .collect();
    match run_plan_at(bundle.clone(), &card.scenario.id, card.seed, &inputs) {
        Ok(result) => {
            diff_values("draw", &card.draw, &result.draw, &mut edited);
            diff_list("transcript", &card.transcript, &result.transcript, &mut edited);
            diff_list("replies", &card.replies, &result.replies, &mut edited);
            diff_values("grade", &card.grade, &result.grade, &mut edited);
        }
        Err(error) => edited.push(format!("transcript (cannot be replayed: {error})")),
    }
    if migrated && !edited.is_empty() {
        return Verdict::CannotVerify(capped(edited));
    }
    verdict(sealed, edited, Vec::new())
}

/// A quiz attempt: seals, content (the pool it was drawn from, the questions
/// asked, the marking rules), then re-draw and re-mark.
pub fn verify_quiz(card: &QuizCard, course: &Course) -> Verdict {
    let sealed = broken_seals(&card.digests, &card.field_digests());
    let mut edited = Vec::new();
    let pool = match pool(course, &card.quiz) {
        Ok(pool) => pool,
        Err(error) => return verdict(sealed, edited, vec![error.to_string()]),
    };
    let changed = changed_parts(&card.content, &quiz_card::content_hashes(&pool, &card.items));
    if !changed.is_empty() {
        return verdict(sealed, edited, changed);
    }
    let items = pick(&pool, &card.quiz);
    diff_list("items", &card.items, &items, &mut edited);
    if card.answers.len() != items.len() {
        edited.push(format!("answers (length {} vs {})", card.answers.len(), items.len()));
    } else {
        match QuizSession::replay(items, &card.quiz, &card.answers, card.result.timed_out, card.result.duration_secs) {
            Ok(result) => diff_values("result", &card.result, &result, &mut edited),
            Err(error) => edited.push(format!("answers (cannot be replayed: {error})")),
        }
    }
    verdict(sealed, edited, Vec::new())
}

/// A typing record: seals, content (the drill's phrases and scoring rules),
/// then the phrase is one the drill asks and the score follows from what was
/// typed in the time taken.
pub fn verify_typing(card: &super::TypingCard) -> Verdict {
    let sealed = broken_seals(&card.digests, &card.field_digests());
    let mut edited = Vec::new();
    let changed = changed_parts(&card.content, &super::typing_card::content_hashes(card.lang));
    if !changed.is_empty() {
        return verdict(sealed, edited, changed);
    }
    if !crate::quiz::typing::phrases(card.lang).contains(&card.phrase.as_str()) {
        edited.push("phrase".to_string());
    }
    let rescored = crate::quiz::typing::score(&card.phrase, &card.typed, card.secs);
    if rescored != card.result {
        edited.push("result".to_string());
    }
    if rescored.speed(card.lang) != card.speed {
        edited.push("speed".to_string());
    }
    verdict(sealed, edited, Vec::new())
}

/// The one of `candidates` with record id `id`: the one with `seal` if there
/// is one, else whether any had the id at all.
fn find<'a, T>(candidates: &[&'a T], id: &str, seal: &str, id_of: impl Fn(&T) -> String, seal_of: impl Fn(&T) -> String) -> Result<&'a T, bool> {
    let same_id: Vec<&'a T> = candidates.iter().copied().filter(|c| id_of(c) == id).collect();
    same_id.iter().copied().find(|c| seal_of(c) == seal).ok_or(!same_id.is_empty())
}

/// The scorecard a review or dispute names, among `scorecards`, or the verdict saying it is not there as it was.
fn subject<'a>(about: &super::review_card::ScorecardRef, scorecards: &[&'a Scorecard]) -> Result<&'a Scorecard, Verdict> {
    find(scorecards, &about.id, &about.seal, Scorecard::record_id, Scorecard::seal).map_err(|changed| {
        let subject = Subject { kind: SubjectKind::Scorecard, id: clip(&about.id) };
        if changed { Verdict::SubjectChanged(subject) } else { Verdict::SubjectMissing(subject) }
    })
}

/// A review: its seals; its scorecard, among `scorecards`, as it was; the
/// dispute it answers, among `disputes`, as it was and about the same
/// scorecard; then every rule a valid review keeps, its reviewed score included.
pub fn verify_review(review: &super::ReviewCard, scorecards: &[&Scorecard], disputes: &[&super::DisputeCard]) -> Verdict {
    let sealed = broken_seals(&review.digests, &review.field_digests());
    if !sealed.is_empty() {
        return verdict(sealed, Vec::new(), Vec::new());
    }
    let card = match subject(&review.scorecard, scorecards) {
        Ok(card) => card,
        Err(verdict) => return verdict,
    };
    let mut edited: Vec<String> = super::review_check::problems(card, review).into_iter().map(|(field, _)| field).collect();
    if let Some(answer) = &review.answers {
        match find(disputes, &answer.dispute.id, &answer.dispute.seal, super::DisputeCard::record_id, super::DisputeCard::seal) {
            Ok(dispute) if dispute.scorecard.seal != review.scorecard.seal || dispute.finding != answer.finding => edited.push("answers".into()),
            Ok(_) => {}
            Err(changed) => {
                let subject = Subject { kind: SubjectKind::Dispute, id: clip(&answer.dispute.id) };
                if edited.is_empty() {
                    return if changed { Verdict::SubjectChanged(subject) } else { Verdict::SubjectMissing(subject) };
                }
            }
        }
    }
    verdict(Vec::new(), edited, Vec::new())
}

/// A dispute: its seals; its scorecard, among `scorecards`, as it was; then
/// its own trainee, a finding the scorecard has (as the trainee saw it) and a reason.
pub fn verify_dispute(dispute: &super::DisputeCard, scorecards: &[&Scorecard]) -> Verdict {
    let sealed = broken_seals(&dispute.digests, &dispute.field_digests());
    if !sealed.is_empty() {
        return verdict(sealed, Vec::new(), Vec::new());
    }
    match subject(&dispute.scorecard, scorecards) {
        Ok(card) => verdict(Vec::new(), dispute.problems(card), Vec::new()),
        Err(verdict) => verdict,
    }
}

/// Sealed fields first (they name the edit), then what the re-grade disagrees with.
fn verdict(mut sealed: Vec<String>, mut regraded: Vec<String>, changed: Vec<String>) -> Verdict {
    sealed.sort();
    sealed.dedup();
    regraded.sort();
    regraded.dedup();
    // A set, not `contains` per field: a forged record can break thousands of seals.
    let seen: std::collections::BTreeSet<&String> = sealed.iter().collect();
    regraded.retain(|field| !seen.contains(field));
    sealed.extend(regraded);
    // One cap over both lists (sealed ones first): each alone was bounded before
    // only for the re-grade, and a file with every seal broken printed megabytes.
    if !sealed.is_empty() {
        Verdict::Edited(capped(sealed))
    } else if !changed.is_empty() {
        Verdict::ContentChanged(capped(changed))
    } else {
        Verdict::Ok
    }
}

/// Collects the paths of leaves that differ between two JSON values.
/// Compares a saved field with the re-graded one through their JSON trees, so
/// a difference is named by its path ("grade.total").
fn diff_values<T: serde::Serialize>(path: &str, saved: &T, fresh: &T, out: &mut Vec<String>) {
    diff(path, &serde_json::to_value(saved).unwrap_or_default(), &serde_json::to_value(fresh).unwrap_or_default(), out);
}

/// Compares two lists entry by entry, one pair of small JSON trees at a time
/// (a whole 8 MB transcript as one tree held several times its size).
fn diff_list<T: serde::Serialize>(path: &str, saved: &[T], fresh: &[T], out: &mut Vec<String>) {
    if saved.len() != fresh.len() {
        out.push(format!("{path} (length {} vs {})", saved.len(), fresh.len()));
    }
    for (index, (x, y)) in saved.iter().zip(fresh).enumerate() {
        diff_values(&format!("{path}[{index}]"), x, y, out);
    }
}

fn diff(path: &str, saved: &serde_json::Value, fresh: &serde_json::Value, out: &mut Vec<String>) {
    use serde_json::Value;
    match (saved, fresh) {
        (Value::Object(a), Value::Object(b)) => {
            for key in a.keys().chain(b.keys().filter(|k| !a.contains_key(*k))) {
                diff(&format!("{path}.{key}"), a.get(key).unwrap_or(&Value::Null), b.get(key).unwrap_or(&Value::Null), out);
            }
        }
        (Value::Array(a), Value::Array(b)) => {
            if a.len() != b.len() {
                out.push(format!("{path} (length {} vs {})", a.len(), b.len()));
            }
            for (index, (x, y)) in a.iter().zip(b).enumerate() {
                diff(&format!("{path}[{index}]"), x, y, out);
            }
        }
        (a, b) if a != b => out.push(path.to_string()),
        _ => {}
    }
}
