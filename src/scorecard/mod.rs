//! Scorecards: the versioned record of one graded session, complete enough to
//! read anywhere and to re-grade. Built from a run, saved by `store`, checked
//! by `verify`, written by the exporters (json, csv, html, xapi) into any
//! `io::Write`. Per-field digests name a field edited by hand; re-grading
//! catches a grade that does not follow from its transcript. A quiz or exam
//! attempt is a `QuizCard` of the same family (`"kind": "quiz"`); `Record`
//! holds any attempt, and every reader, `verify` and exporter takes them all.
//! A supervisor's review (`"kind": "review"`) and a trainee's dispute
//! (`"kind": "dispute"`) are records of the family too, about a scorecard
//! rather than an attempt: `FamilyRecord` holds any of them.

use crate::text::Quoted;

pub(crate) mod calibration;
pub(crate) mod calibration_export;
pub(crate) mod calibration_report;
pub(crate) mod cohort;
pub(crate) mod csv;
pub(crate) mod dispute_card;
pub(crate) mod finding_ref;
pub(crate) mod grader_agreement;
pub(crate) mod hash;
pub(crate) mod html;
pub(crate) mod krippendorff;
pub(crate) mod layout;
pub(crate) mod migrate;
pub(crate) mod names;
pub(crate) mod performance_file;
pub(crate) mod performance_page;
pub(crate) mod practice;
pub(crate) mod quiz_card;
pub(crate) mod review_card;
pub(crate) mod review_check;
pub(crate) mod review_state;
pub(crate) mod reviewed_score;
pub(crate) mod skim;
pub(crate) mod typing_card;
pub(crate) mod verify;
pub(crate) mod xapi;

pub use csv::{RecordKind, RowContext, Summary, TYPING_ACCURACY, write_detail as write_csv_detail, write_summaries as write_csv_summaries, write_summary as write_csv_summary, write_summary_rows as write_csv_summary_rows};
pub use hash::{GRADER_VERSION, hash_of};
pub use html::write as write_html;
pub use layout::{findings_by_line, segments as message_segments, turn_ends};
pub use practice::suggest as suggest_practice;
pub use review_card::{AddedFinding, Decision, DimensionOverride, Judgement, ReviewDraft, Reviewer, ScorecardRef, Stance};
pub use review_check::ReviewError;
pub use review_state::{DisputeEntry, DisputeState, ReviewIndex, ReviewState, ReviewStatus};
pub use dispute_card::DisputeError;
pub use finding_ref::RefError;
pub use verify::{MAX_NAME_CHARS, MAX_NAMED, Subject, SubjectKind, Verdict, capped as capped_names, clip as clip_name, verify, verify_dispute, verify_record, verify_review};
pub use xapi::{DEFAULT_BASE as XAPI_DEFAULT_BASE, statement as xapi_statement, write as write_xapi};

use crate::content::raw::{Category, Lang, Text};
use crate::engine::{PlanResult, TranscriptEntry};
use crate::engine::session::Draw;
use crate::grading::{ReplyGrade, SessionGrade};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The current record layout. Schema 1 was the bare run of `kefu play --out`
/// (no trainee, no content hash, no digests); `migrate` reads it.
pub const SCHEMA_VERSION: u32 = 2;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Trainee {
    pub name: String,
    pub id: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScenarioInfo {
    pub id: String,
    pub title: Text,
    pub lang: Lang,
    pub category: Category,
    pub difficulty: u8,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Scorecard {
    pub schema_version: u32,
    pub trainee: Trainee,
    /// RFC 3339, UTC. `None` when the run was not tied to a moment (scripted
    /// runs stay byte-identical run after run).
    pub when_utc: Option<String>,
    pub app_version: String,
    pub scenario: ScenarioInfo,
    /// One buyer, or one of several in a rush shift. Left out for a single
    /// session (and then not sealed), so older records read and seal as before.
    #[serde(default, skip_serializing_if = "SessionMode::is_single")]
    pub mode: SessionMode,
    /// Part → SHA-256 of the content graded against (scenario, products, policy, lexicons, grader, total).
    pub content: BTreeMap<String, String>,
    pub seed: u64,
    pub draw: Draw,
    pub transcript: Vec<TranscriptEntry>,
    pub replies: Vec<ReplyGrade>,
    pub grade: SessionGrade,
    /// Field → SHA-256 prefix of its JSON, so an edit names the field it touched.
    pub digests: BTreeMap<String, String>,
}

/// How a scenario was played: alone, or as one buyer of a rush shift (多任务).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum SessionMode {
    #[default]
    #[serde(rename = "single")]
    Single,
    #[serde(rename = "rush")]
    Rush,
}

impl SessionMode {
    pub fn is_single(&self) -> bool {
        *self == SessionMode::Single
    }

    /// As records and exports spell it: `single`, `rush`.
    pub fn name(self) -> &'static str {
        match self {
            SessionMode::Single => "single",
            SessionMode::Rush => "rush",
        }
    }
}

/// Who and when, supplied by the edge (the core reads no clock).
#[derive(Debug, Clone, PartialEq)]
pub struct RunMeta {
    pub trainee: Trainee,
    pub when_utc: Option<String>,
}

impl Scorecard {
    /// Builds the record of a finished run.
    pub fn from_run(course: &crate::content::Course, result: &PlanResult, meta: RunMeta) -> Option<Scorecard> {
        let scenario = course.scenario(&result.scenario)?;
        let mut card = Scorecard {
            schema_version: SCHEMA_VERSION,
            trainee: meta.trainee,
            when_utc: meta.when_utc,
            app_version: env!("CARGO_PKG_VERSION").to_string(),
            scenario: ScenarioInfo {
                id: scenario.id.clone(),
                title: scenario.title.clone(),
                lang: scenario.lang,
                category: scenario.category,
                difficulty: scenario.difficulty,
            },
            mode: SessionMode::Single,
            content: hash::content_hashes(course, scenario),
            seed: result.draw.seed,
            draw: result.draw.clone(),
            transcript: result.transcript.clone(),
            replies: result.replies.clone(),
            grade: result.grade.clone(),
            digests: BTreeMap::new(),
        };
        card.digests = card.field_digests();
        Some(card)
    }

    /// A stable file name: trainee, scenario, seed, and the time when there is one.
    pub fn file_name(&self) -> String {
        file_name(self.when_utc.as_deref(), &self.trainee.id, &self.scenario.id, self.seed)
    }

    /// The same record as one buyer of a rush shift, sealed again.
    pub fn in_rush(mut self) -> Scorecard {
        self.mode = SessionMode::Rush;
        self.digests = self.field_digests();
        self
    }

    /// The file name without `.json`: the id reviews and disputes name it by.
    pub fn record_id(&self) -> String {
        record_id(&self.file_name())
    }

    /// Digests of every field that matters, one per transcript line and reply.
    /// A rush session's mode is sealed too; a single one's is absent, as in
    /// records from before the mode was kept.
    pub fn field_digests(&self) -> BTreeMap<String, String> {
        let seals = hash::Seals::new()
            .field("trainee", &self.trainee)
            .field("when_utc", &self.when_utc)
            .field("app_version", &self.app_version)
            .field("scenario", &self.scenario)
            .field("content", &self.content)
            .field("seed", &self.seed)
            .field("draw", &self.draw)
            .field("grade", &self.grade);
        let seals = if self.mode.is_single() { seals } else { seals.field("mode", &self.mode) };
        seals.list("transcript", &self.transcript).list("replies", &self.replies).done()
    }

    /// A SHA-256 over this scorecard's seals, recomputed from its fields
    /// (`hash::seal_of`): what a review or dispute names it by.
    pub fn seal(&self) -> String {
        hash::seal_of(&self.field_digests())
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

/// `<when>-<trainee>-<activity>-<seed>.json`: the ids written by
/// `names::encode`, so distinct ids never share a name (`untimed` when there
/// is no time; the time, always made by the app, only loses its `:`).
fn file_name(when_utc: Option<&str>, trainee_id: &str, activity: &str, seed: u64) -> String {
    let when = when_utc
        .map(|s| s.chars().take(40).map(|c| if c.is_ascii_alphanumeric() || c == '-' { c } else { '_' }).collect::<String>())
        .unwrap_or_else(|| "untimed".into());
    format!("{}-{}-{}-{}.json", when, names::encode(trainee_id, names::PART_MAX), names::encode(activity, names::PART_MAX), seed)
}

/// A record's id: its file name without `.json`.
fn record_id(file_name: &str) -> String {
    file_name.strip_suffix(".json").unwrap_or(file_name).to_string()
}

/// Why a file is not a scorecard this version can read.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ReadError {
    #[error("not JSON at line {line}, column {column}: {message}")]
    NotJson { line: usize, column: usize, message: String },
    #[error("schema version {0} is newer than this app understands ({SCHEMA_VERSION}); update Kefu Trainer")]
    TooNew(u32),
    #[error("not a scorecard: {0}")]
    NotAScorecard(String),
    /// Parses, but its parts disagree (a quiz with more answers than questions):
    /// exporters would have nothing to lay them against.
    #[error("inconsistent record: {0}")]
    Inconsistent(String),
}

/// A parse error as a short message: serde quotes the offending value, and a
/// forged file can make that value megabytes long.
fn short_error(error: impl std::fmt::Display) -> String {
    verify::clip_chars(&error.to_string(), 400)
}

/// The checks a record's shape needs beyond its types, so that no reader or
/// exporter has to trust list lengths it indexes by.
fn consistent(record: Record) -> Result<Record, ReadError> {
    if let Record::Quiz(card) = &record {
        let questions = card.items.len();
        if card.answers.len() > questions {
            return Err(ReadError::Inconsistent(format!("{} answers for {questions} questions", card.answers.len())));
        }
        if card.result.marks.len() > questions {
            return Err(ReadError::Inconsistent(format!("{} marks for {questions} questions", card.result.marks.len())));
        }
    }
    Ok(record)
}

pub use dispute_card::DisputeCard;
pub use finding_ref::FindingRef;
pub use quiz_card::QuizCard;
pub use review_card::ReviewCard;
pub use typing_card::TypingCard;

/// Any record of the family: a scenario's scorecard or a quiz attempt's.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Record {
    Scenario(Scorecard),
    Quiz(QuizCard),
    Typing(TypingCard),
}

/// Any record of the family: a trainee's attempt, or a supervisor's review
/// or a trainee's dispute of a scorecard. Reviews and disputes are not
/// attempts: they have no summary row in the cohort table of their own, and
/// `read_record` refuses them; `read_family` reads them all.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum FamilyRecord {
    Attempt(Record),
    Review(ReviewCard),
    Dispute(DisputeCard),
}

impl FamilyRecord {
    pub fn to_json(&self) -> String {
        RecordRef::from(self).to_json()
    }
}

/// A borrowed record of any kind, so exporters take scorecards, quiz cards,
/// reviews or records alike.
#[derive(Debug, Clone, Copy)]
pub enum RecordRef<'a> {
    Scenario(&'a Scorecard),
    Quiz(&'a QuizCard),
    Typing(&'a TypingCard),
    Review(&'a ReviewCard),
    Dispute(&'a DisputeCard),
}

impl RecordRef<'_> {
    /// The trainee the record is about: an attempt's, or the reviewed or disputed scorecard's.
    pub fn trainee(&self) -> &Trainee {
        match self {
            RecordRef::Scenario(card) => &card.trainee,
            RecordRef::Quiz(card) => &card.trainee,
            RecordRef::Typing(card) => &card.trainee,
            RecordRef::Review(card) => &card.scorecard.trainee,
            RecordRef::Dispute(card) => &card.trainee,
        }
    }

    pub fn file_name(&self) -> String {
        match self {
            RecordRef::Scenario(card) => card.file_name(),
            RecordRef::Quiz(card) => card.file_name(),
            RecordRef::Typing(card) => card.file_name(),
            RecordRef::Review(card) => card.file_name(),
            RecordRef::Dispute(card) => card.file_name(),
        }
    }

    pub fn to_json(&self) -> String {
        match self {
            RecordRef::Scenario(card) => card.to_json(),
            RecordRef::Quiz(card) => card.to_json(),
            RecordRef::Typing(card) => card.to_json(),
            RecordRef::Review(card) => card.to_json(),
            RecordRef::Dispute(card) => card.to_json(),
        }
    }
}

impl Record {
    pub fn to_json(&self) -> String {
        RecordRef::from(self).to_json()
    }
}

impl<'a> From<&'a Scorecard> for RecordRef<'a> {
    fn from(card: &'a Scorecard) -> Self {
        RecordRef::Scenario(card)
    }
}

impl<'a> From<&'a QuizCard> for RecordRef<'a> {
    fn from(card: &'a QuizCard) -> Self {
        RecordRef::Quiz(card)
    }
}

impl<'a> From<&'a TypingCard> for RecordRef<'a> {
    fn from(card: &'a TypingCard) -> Self {
        RecordRef::Typing(card)
    }
}

impl<'a> From<&'a ReviewCard> for RecordRef<'a> {
    fn from(card: &'a ReviewCard) -> Self {
        RecordRef::Review(card)
    }
}

impl<'a> From<&'a DisputeCard> for RecordRef<'a> {
    fn from(card: &'a DisputeCard) -> Self {
        RecordRef::Dispute(card)
    }
}

impl<'a> From<&'a FamilyRecord> for RecordRef<'a> {
    fn from(record: &'a FamilyRecord) -> Self {
        match record {
            FamilyRecord::Attempt(record) => RecordRef::from(record),
            FamilyRecord::Review(card) => RecordRef::Review(card),
            FamilyRecord::Dispute(card) => RecordRef::Dispute(card),
        }
    }
}

impl<'a> From<&'a Record> for RecordRef<'a> {
    fn from(record: &'a Record) -> Self {
        match record {
            Record::Scenario(card) => RecordRef::Scenario(card),
            Record::Quiz(card) => RecordRef::Quiz(card),
            Record::Typing(card) => RecordRef::Typing(card),
        }
    }
}

fn parse(json: &str) -> Result<serde_json::Value, ReadError> {
    serde_json::from_str(json).map_err(|e| ReadError::NotJson { line: e.line(), column: e.column(), message: short_error(&e) })
}

/// Reads any attempt: a quiz attempt (`"kind": "quiz"`), a typing phrase or a
/// scenario scorecard of any known schema. A review or a dispute is refused
/// (`read_family` reads those).
pub fn read_record(json: &str) -> Result<Record, ReadError> {
    read_any(json).and_then(consistent)
}

/// Reads any record of the family: an attempt, a review or a dispute.
pub fn read_family(json: &str) -> Result<FamilyRecord, ReadError> {
    serde_json::from_str::<serde::de::IgnoredAny>(json)
        .map_err(|e| ReadError::NotJson { line: e.line(), column: e.column(), message: short_error(&e) })?;
    let header = serde_json::from_str::<Header>(json).ok();
    let kind = header.as_ref().and_then(|h| h.kind.as_ref()).and_then(|k| k.as_str());
    let version = header.as_ref().and_then(|h| h.schema_version.as_ref()).and_then(|v| v.as_u64()).unwrap_or(0) as u32;
    let typed = |e: serde_json::Error| ReadError::NotAScorecard(short_error(e));
    match kind {
        Some(review_card::REVIEW_KIND | dispute_card::DISPUTE_KIND) if version > SCHEMA_VERSION => Err(ReadError::TooNew(version)),
        Some(review_card::REVIEW_KIND) => serde_json::from_str(json).map(FamilyRecord::Review).map_err(typed),
        Some(dispute_card::DISPUTE_KIND) => serde_json::from_str(json).map(FamilyRecord::Dispute).map_err(typed),
        _ => read_record(json).map(FamilyRecord::Attempt),
    }
}

/// The two fields that decide how the rest of a record is read. Read straight
/// from the text, skipping everything else without building it.
#[derive(Deserialize)]
struct Header {
    #[serde(default)]
    kind: Option<serde_json::Value>,
    #[serde(default)]
    schema_version: Option<serde_json::Value>,
}

fn read_any(json: &str) -> Result<Record, ReadError> {
    // Well-formed JSON first (no allocation), so a broken file is NotJson with its position.
    serde_json::from_str::<serde::de::IgnoredAny>(json)
        .map_err(|e| ReadError::NotJson { line: e.line(), column: e.column(), message: short_error(&e) })?;
    // A current record is then read straight into its types: going through a
    // `serde_json::Value` first held several times the file's size (an 8 MB record
    // took about 57 MB in `kefu verify`). Anything else takes the general path.
    let Ok(header) = serde_json::from_str::<Header>(json) else { return read_any_value(parse(json)?) };
    let version = header.schema_version.as_ref().and_then(|v| v.as_u64());
    let typed = |e: serde_json::Error| ReadError::NotAScorecard(short_error(e));
    match header.kind.as_ref().and_then(|k| k.as_str()) {
        Some(quiz_card::QUIZ_KIND) => match version.unwrap_or(0) as u32 {
            newer if newer > SCHEMA_VERSION => Err(ReadError::TooNew(newer)),
            _ => serde_json::from_str(json).map(Record::Quiz).map_err(typed),
        },
        Some(typing_card::TYPING_KIND) => match version.unwrap_or(0) as u32 {
            newer if newer > SCHEMA_VERSION => Err(ReadError::TooNew(newer)),
            _ => serde_json::from_str(json).map(Record::Typing).map_err(typed),
        },
        Some(_) => read_any_value(parse(json)?),
        None => match version.unwrap_or(1) as u32 {
            SCHEMA_VERSION => serde_json::from_str(json).map(Record::Scenario).map_err(typed),
            _ => read_any_value(parse(json)?),
        },
    }
}

/// Reads a record from its JSON tree: old schemas to migrate, unknown kinds, odd shapes.
fn read_any_value(value: serde_json::Value) -> Result<Record, ReadError> {
    match value.get("kind").and_then(|k| k.as_str()) {
        Some(quiz_card::QUIZ_KIND) => {
            let version = value.get("schema_version").and_then(|v| v.as_u64()).unwrap_or(0) as u32;
            if version > SCHEMA_VERSION {
                return Err(ReadError::TooNew(version));
            }
            serde_json::from_value(value).map(Record::Quiz).map_err(|e| ReadError::NotAScorecard(short_error(e)))
        }
        Some(typing_card::TYPING_KIND) => {
            let version = value.get("schema_version").and_then(|v| v.as_u64()).unwrap_or(0) as u32;
            if version > SCHEMA_VERSION {
                return Err(ReadError::TooNew(version));
            }
            serde_json::from_value(value).map(Record::Typing).map_err(|e| ReadError::NotAScorecard(short_error(e)))
        }
        Some(kind @ (review_card::REVIEW_KIND | dispute_card::DISPUTE_KIND)) => {
            Err(ReadError::NotAScorecard(format!("a {kind} of a scorecard, not an attempt")))
        }
        Some(other) => Err(ReadError::NotAScorecard(format!("unknown record kind {}", Quoted(&verify::clip(other))))),
        None => scenario_from(value).map(Record::Scenario),
    }
}

/// Reads a scenario scorecard of any known schema version, migrating old ones.
pub fn read(json: &str) -> Result<Scorecard, ReadError> {
    match read_record(json)? {
        Record::Scenario(card) => Ok(card),
        Record::Quiz(_) => Err(ReadError::NotAScorecard("a quiz record, not a scenario scorecard".into())),
        Record::Typing(_) => Err(ReadError::NotAScorecard("a typing-drill record, not a scenario scorecard".into())),
    }
}

fn scenario_from(value: serde_json::Value) -> Result<Scorecard, ReadError> {
    let version = value.get("schema_version").and_then(|v| v.as_u64()).unwrap_or(1) as u32;
    match version {
        SCHEMA_VERSION => serde_json::from_value(value).map_err(|e| ReadError::NotAScorecard(short_error(e))),
        1 => migrate::from_v1(value),
        newer => Err(ReadError::TooNew(newer)),
    }
}
