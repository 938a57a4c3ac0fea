//! CSV exports: one summary row per record (for a spreadsheet to sort and
//! filter) and a detailed row per reply point. UTF-8 with a byte-order mark so
//! spreadsheet apps show Chinese; a text cell starting with `=`, `+`, `-` or `@`
//! is prefixed with `'` so it can never run as a formula; ids and seeds of
//! digits only are written `="0042"` so no digit is lost. Reviews and disputes
//! have rows of their own (`kind` review or dispute), in the same columns.

use super::review_state::ReviewStatus;
use super::{DisputeCard, QuizCard, Record, RecordRef, ReviewCard, ScenarioInfo, Scorecard, SessionMode, Trainee};
use crate::grading::Dimension;
use crate::grading::session::DimensionTotal;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::io::Write;

pub(crate) const BOM: &[u8] = b"\xef\xbb\xbf";

/// Neutralises a cell a spreadsheet could read as a formula. Plain numbers
/// (`-5`, `+3.2`) stay numbers so columns still sort.
pub fn neutralise(cell: &str) -> String {
    let risky = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if risky && cell.parse::<f64>().is_err() { format!("'{cell}") } else { cell.to_string() }
}

/// An id or a seed as a cell a spreadsheet keeps as text: all digits (an
/// employee number, a 19-digit seed) are written `="0012"`, a string formula of
/// digits only, so no leading zero or digit is lost; anything else is neutralised.
pub fn id_cell(id: &str) -> String {
    if !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit()) { format!("=\"{id}\"") } else { neutralise(id) }
}

/// Which member of the record family a summary row comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecordKind {
    Scenario,
    Quiz,
    /// A typing-drill phrase: `total` is the speed, no verdict.
    Typing,
}

/// What was practised: a scenario, or a quiz mode.
#[derive(Debug, Clone, PartialEq)]
pub struct Activity {
    pub id: String,
    pub title: crate::content::raw::Text,
    pub lang: crate::content::raw::Lang,
    /// A scenario's category (`PreSale`, ...) or `Quiz`.
    pub category: String,
    pub difficulty: Option<u8>,
}

/// What a summary row needs. Read without the transcript and findings: a
/// cohort of thousands is summarised at a fraction of a full read.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub kind: RecordKind,
    pub trainee: Trainee,
    pub when_utc: Option<String>,
    pub app_version: String,
    pub activity: Activity,
    pub seed: u64,
    /// 0..=100: the scenario's total, or the quiz's percentage.
    pub total: f64,
    pub passed: bool,
    /// A scenario the trainee ended early: no verdict (`has_verdict`).
    pub abandoned: bool,
    /// A quiz's mode; `None` for a scenario. Practice and review have no
    /// verdict: `passed` is kept but not shown (`has_verdict`).
    pub quiz_mode: Option<crate::quiz::spec::QuizMode>,
    /// A scenario's outcome; a quiz's `Completed` or `TimedOut`.
    pub outcome: String,
    pub critical_failures: Vec<String>,
    pub kpis: Vec<SummaryKpi>,
    pub content_total: String,
    /// The pass mark of a record with a verdict: a scenario's, an exam's.
    pub pass_mark: Option<f64>,
    /// A scenario's mode (single, rush); `None` for the other kinds.
    pub session_mode: Option<SessionMode>,
    /// `hash::seal_of` the record's saved seals: what reviews and disputes name
    /// it by (for an unedited record, its `seal()`; `verify` checks the rest).
    pub seal: String,
    /// A scenario's share of each of `SHARE_DIMENSIONS` (0 to 100; `None` where
    /// it had nothing to earn); all `None` for the other kinds. Kept in the
    /// summary so the dashboard's dimension chart needs no record read whole.
    pub shares: [Option<f32>; 5],
}

/// The dimensions a summary keeps a share of, in order (platform rules only
/// deduct: they have no share).
pub const SHARE_DIMENSIONS: [Dimension; 5] = [Dimension::Accuracy, Dimension::Steps, Dimension::Tone, Dimension::Speed, Dimension::Actions];

/// Each of `SHARE_DIMENSIONS`' share of a session: earned / possible in
/// percent, as the scorecard screen shows it.
pub fn dimension_shares(dimensions: &BTreeMap<Dimension, DimensionTotal>) -> [Option<f32>; 5] {
    SHARE_DIMENSIONS.map(|dimension| {
        dimensions.get(&dimension).filter(|t| t.possible > 0.0).map(|t| (100.0 * t.earned / t.possible).clamp(0.0, 100.0) as f32)
    })
}

/// The top-level fields `ScenarioFields` reads (kept beside it: a field added there belongs here).
const SCENARIO_FIELDS: [&str; 11] = ["schema_version", "kind", "trainee", "when_utc", "app_version", "scenario", "mode", "content", "seed", "grade", "digests"];

/// The fields of a current scenario scorecard that a row needs (the fast path).
#[derive(Deserialize)]
struct ScenarioFields {
    #[serde(default)]
    schema_version: Option<u32>,
    #[serde(default)]
    kind: Option<String>,
    trainee: Trainee,
    when_utc: Option<String>,
    app_version: String,
    scenario: ScenarioInfo,
    #[serde(default)]
    mode: SessionMode,
    content: std::collections::BTreeMap<String, String>,
    seed: u64,
    grade: SummaryGrade,
    #[serde(default)]
    digests: std::collections::BTreeMap<String, String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
struct SummaryGrade {
    total: f64,
    pass_mark: f64,
    passed: bool,
    #[serde(default)]
    abandoned: bool,
    outcome: crate::content::raw::Outcome,
    critical_failures: Vec<String>,
    kpis: Vec<SummaryKpi>,
    #[serde(default)]
    dimensions: BTreeMap<Dimension, DimensionTotal>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct SummaryKpi {
    pub id: String,
    pub value: Option<f64>,
}

fn scenario_activity(info: &ScenarioInfo) -> Activity {
    Activity {
        id: info.id.clone(),
        title: info.title.clone(),
        lang: info.lang,
        category: info.category.name().to_string(),
        difficulty: Some(info.difficulty),
    }
}

/// The summary KPI ids of a typing record: its speed (in the drill's unit) and
/// its accuracy in percent.
pub const TYPING_SPEED: &str = "typing_speed";
pub const TYPING_ACCURACY: &str = "typing_accuracy";

impl Summary {
    /// The value of the KPI `id`, when the record has one.
    pub fn kpi(&self, id: &str) -> Option<f64> {
        self.kpis.iter().find(|k| k.id == id).and_then(|k| k.value)
    }

    /// Whether the record passes or fails: every scenario run to its end and
    /// an exam; not practice, review, or a session the trainee ended early.
    pub fn has_verdict(&self) -> bool {
        self.kind != RecordKind::Typing && !self.abandoned && self.quiz_mode.is_none_or(|mode| mode.has_verdict())
    }

    /// The record's id: its file name without `.json` (`Scorecard::record_id` for a scenario).
    pub fn record_id(&self) -> String {
        super::record_id(&super::file_name(self.when_utc.as_deref(), &self.trainee.id, &self.activity.id, self.seed))
    }

    /// Reads the summary of a record file's JSON; quiz records and old schemas go through the full reader.
    pub fn read(json: &str) -> Result<Summary, super::ReadError> {
        // The small fields skimmed out and parsed; the transcript and the
        // replies are passed over. What skimming cannot follow is read whole.
        let skimmed = super::skim::fields(json, &SCENARIO_FIELDS).and_then(|text| serde_json::from_str::<ScenarioFields>(&text).ok());
        match skimmed.map_or_else(|| serde_json::from_str::<ScenarioFields>(json), Ok) {
            Ok(fields) if fields.schema_version == Some(super::SCHEMA_VERSION) && fields.kind.is_none() && !fields.digests.is_empty() => Ok(Summary {
                kind: RecordKind::Scenario,
                trainee: fields.trainee,
                when_utc: fields.when_utc,
                app_version: fields.app_version,
                activity: scenario_activity(&fields.scenario),
                seed: fields.seed,
                total: fields.grade.total,
                passed: fields.grade.passed,
                abandoned: fields.grade.abandoned,
                quiz_mode: None,
                outcome: scenario_outcome(fields.grade.outcome, fields.grade.abandoned),
                critical_failures: fields.grade.critical_failures,
                kpis: fields.grade.kpis,
                content_total: fields.content.get("total").cloned().unwrap_or_default(),
                pass_mark: Some(fields.grade.pass_mark),
                session_mode: Some(fields.mode),
                seal: super::hash::seal_of(&fields.digests),
                shares: dimension_shares(&fields.grade.dimensions),
            }),
            _ => super::read_record(json).map(|record| Summary::from(&record)),
        }
    }
}

impl From<&Record> for Summary {
    fn from(record: &Record) -> Summary {
        match record {
            Record::Scenario(card) => Summary::from(card),
            Record::Quiz(card) => Summary::from(card),
            Record::Typing(card) => Summary::from(card),
        }
    }
}

impl From<&Scorecard> for Summary {
    fn from(card: &Scorecard) -> Summary {
        Summary {
            kind: RecordKind::Scenario,
            trainee: card.trainee.clone(),
            when_utc: card.when_utc.clone(),
            app_version: card.app_version.clone(),
            activity: scenario_activity(&card.scenario),
            seed: card.seed,
            total: card.grade.total,
            passed: card.grade.passed,
            abandoned: card.grade.abandoned,
            quiz_mode: None,
            outcome: scenario_outcome(card.grade.outcome, card.grade.abandoned),
            critical_failures: card.grade.critical_failures.clone(),
            kpis: card.grade.kpis.iter().map(|k| SummaryKpi { id: k.id.clone(), value: k.value }).collect(),
            content_total: card.content.get("total").cloned().unwrap_or_default(),
            pass_mark: Some(card.grade.pass_mark),
            session_mode: Some(card.mode),
            seal: saved_seal(&card.digests, || card.field_digests()),
            shares: dimension_shares(&card.grade.dimensions),
        }
    }
}

impl From<&super::TypingCard> for Summary {
    fn from(card: &super::TypingCard) -> Summary {
        Summary {
            kind: RecordKind::Typing,
            trainee: card.trainee.clone(),
            when_utc: card.when_utc.clone(),
            app_version: card.app_version.clone(),
            activity: Activity { id: card.activity_id(), title: card.title(), lang: card.lang, category: "Typing".into(), difficulty: None },
            seed: card.seed(),
            // The speed, in the drill's unit: what a supervisor follows over time.
            total: card.speed,
            passed: false,
            abandoned: false,
            quiz_mode: None,
            outcome: "Completed".into(),
            critical_failures: Vec::new(),
            kpis: vec![
                SummaryKpi { id: TYPING_SPEED.into(), value: Some(card.speed) },
                SummaryKpi { id: TYPING_ACCURACY.into(), value: Some((card.result.accuracy * 1000.0).round() / 10.0) },
            ],
            content_total: card.content.get("total").cloned().unwrap_or_default(),
            pass_mark: None,
            session_mode: None,
            seal: saved_seal(&card.digests, || card.field_digests()),
            shares: [None; 5],
        }
    }
}

impl From<&QuizCard> for Summary {
    fn from(card: &QuizCard) -> Summary {
        Summary {
            kind: RecordKind::Quiz,
            trainee: card.trainee.clone(),
            when_utc: card.when_utc.clone(),
            app_version: card.app_version.clone(),
            activity: Activity {
                id: card.activity_id(),
                title: card.title(),
                lang: card.quiz.lang,
                category: "Quiz".into(),
                difficulty: None,
            },
            seed: card.quiz.seed,
            total: card.result.score_pct,
            passed: card.result.passed,
            abandoned: false,
            quiz_mode: Some(card.quiz.mode),
            outcome: if card.result.timed_out { "TimedOut" } else { "Completed" }.into(),
            critical_failures: Vec::new(),
            kpis: Vec::new(),
            content_total: card.content.get("total").cloned().unwrap_or_default(),
            pass_mark: card.quiz.mode.has_verdict().then_some(card.result.pass_mark_pct),
            session_mode: None,
            seal: saved_seal(&card.digests, || card.field_digests()),
            shares: [None; 5],
        }
    }
}

/// The seal of a record's saved seals, or of its recomputed ones when it has
/// none saved (a schema-1 scorecard, migrated).
fn saved_seal(saved: &std::collections::BTreeMap<String, String>, now: impl FnOnce() -> std::collections::BTreeMap<String, String>) -> String {
    if saved.is_empty() { super::hash::seal_of(&now()) } else { super::hash::seal_of(saved) }
}

/// A scenario's outcome column: the buyer's outcome, or `Abandoned` for a
/// session the trainee ended early.
fn scenario_outcome(outcome: crate::content::raw::Outcome, abandoned: bool) -> String {
    if abandoned { "Abandoned".to_string() } else { outcome.name().to_string() }
}

fn kpi(card: &Summary, id: &str) -> String {
    card.kpi(id).map(|v| v.to_string()).unwrap_or_default()
}

/// The columns of older exports keep their places: `kind` was last, and the
/// columns added since follow it.
pub const SUMMARY_HEADER: [&str; 30] = [
    "trainee_name", "trainee_id", "when_utc", "scenario_id", "scenario_title_zh", "scenario_title_en", "lang",
    "category", "difficulty", "seed", "total", "passed", "outcome", "critical_failures", "product_accuracy_pct",
    "first_response_secs", "average_response_secs", "reply_ratio_pct", "order_errors", "content_hash", "app_version", "kind",
    "pass_mark", "mode", "review_state", "reviewed_total", "verified", "reviewer_id", "reviewer_name", "scorecard_id",
];

/// What a summary row says beyond its own record, known only with the records
/// around it: the reviews of a scorecard, a dispute's answer, and whether the
/// record verified. Empty cells when unknown.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct RowContext {
    /// A scorecard's review status (state and reviewed total).
    pub review: Option<ReviewStatus>,
    /// A dispute's state, from the reviews that answer it.
    pub dispute: Option<super::review_state::DisputeState>,
    pub verified: Option<bool>,
}

fn yes_no(value: Option<bool>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

fn kind_name(kind: RecordKind) -> &'static str {
    match kind {
        RecordKind::Scenario => "scenario",
        RecordKind::Quiz => "quiz",
        RecordKind::Typing => "typing",
    }
}

/// One attempt's row, every cell ready to write (neutralised, ids as text).
pub fn summary_row(card: &Summary, context: &RowContext) -> Vec<String> {
    let mode = match (card.session_mode, card.quiz_mode) {
        (Some(mode), _) => mode.name(),
        (None, Some(mode)) => mode.name(),
        (None, None) => "",
    };
    let scenario = card.kind == RecordKind::Scenario;
    let mut row: Vec<String> = [
        card.trainee.name.clone(),
        card.trainee.id.clone(),
        card.when_utc.clone().unwrap_or_default(),
        card.activity.id.clone(),
        card.activity.title.zh.clone(),
        card.activity.title.en.clone(),
        card.activity.lang.code().to_string(),
        card.activity.category.clone(),
        card.activity.difficulty.map(|d| d.to_string()).unwrap_or_default(),
        card.seed.to_string(),
        card.total.to_string(),
        // Empty for practice, review and a session ended early: no verdict.
        if card.has_verdict() { card.passed.to_string() } else { String::new() },
        card.outcome.clone(),
        card.critical_failures.join(" "),
        kpi(card, "product_accuracy"),
        kpi(card, "first_response"),
        kpi(card, "average_response"),
        kpi(card, "reply_ratio"),
        kpi(card, "order_errors"),
        card.content_total.clone(),
        card.app_version.clone(),
        kind_name(card.kind).to_string(),
        card.pass_mark.map(|p| p.to_string()).unwrap_or_default(),
        mode.to_string(),
        context.review.filter(|_| scenario).map(|r| r.state.name().to_string()).unwrap_or_default(),
        context.review.and_then(|r| r.reviewed_total).map(|t| t.to_string()).unwrap_or_default(),
        yes_no(context.verified),
        String::new(),
        String::new(),
        if scenario { card.record_id() } else { String::new() },
    ]
    .iter()
    .map(|cell| neutralise(cell))
    .collect();
    row[1] = id_cell(&card.trainee.id);
    row[9] = id_cell(&card.seed.to_string());
    row
}

/// A row in the summary's columns for a review or a dispute, every cell ready to write.
struct AboutRow<'a> {
    trainee: &'a Trainee,
    when_utc: Option<&'a str>,
    scenario: &'a ScenarioInfo,
    seed: u64,
    kind: &'static str,
    /// total, passed, pass mark: a review's reviewed score.
    score: Option<(f64, Option<bool>, f64)>,
    state: &'static str,
    reviewer: Option<&'a super::review_card::Reviewer>,
    scorecard_id: &'a str,
    app_version: &'a str,
}

fn about_row(about: AboutRow<'_>, verified: Option<bool>) -> Vec<String> {
    let info = about.scenario;
    let mut row: Vec<String> = [
        about.trainee.name.clone(),
        about.trainee.id.clone(),
        about.when_utc.unwrap_or_default().to_string(),
        info.id.clone(),
        info.title.zh.clone(),
        info.title.en.clone(),
        info.lang.code().to_string(),
        info.category.name().to_string(),
        info.difficulty.to_string(),
        about.seed.to_string(),
        about.score.map(|s| s.0.to_string()).unwrap_or_default(),
        yes_no(about.score.and_then(|s| s.1)),
    ]
    .into_iter()
    .chain(std::iter::repeat_n(String::new(), 8))
    .chain([
        about.app_version.to_string(),
        about.kind.to_string(),
        about.score.map(|s| s.2.to_string()).unwrap_or_default(),
        String::new(),
        about.state.to_string(),
        about.score.map(|s| s.0.to_string()).unwrap_or_default(),
        yes_no(verified),
        about.reviewer.map(|r| r.id.clone()).unwrap_or_default(),
        about.reviewer.map(|r| r.name.clone()).unwrap_or_default(),
        about.scorecard_id.to_string(),
    ])
    .map(|cell| neutralise(&cell))
    .collect();
    row[1] = id_cell(&about.trainee.id);
    row[9] = id_cell(&about.seed.to_string());
    if let Some(reviewer) = about.reviewer {
        row[27] = id_cell(&reviewer.id);
    }
    row
}

/// A review's row: the reviewed trainee and scenario, the reviewed score and
/// verdict, the reviewer, and the scorecard it reviews.
fn review_row(review: &ReviewCard, context: &RowContext) -> Vec<String> {
    let about = &review.scorecard;
    let state = if review.signed_off { super::review_state::ReviewState::SignedOff } else { super::review_state::ReviewState::Reviewed };
    let row = AboutRow {
        trainee: &about.trainee,
        when_utc: review.when_utc.as_deref(),
        scenario: &about.scenario,
        seed: about.seed,
        kind: "review",
        score: Some((review.score.reviewed, review.score.reviewed_passed, review.score.pass_mark)),
        state: state.name(),
        reviewer: Some(&review.reviewer),
        scorecard_id: &about.id,
        app_version: &review.app_version,
    };
    about_row(row, context.verified)
}

/// A dispute's row: the trainee, the scenario, its state when known, and the disputed scorecard.
fn dispute_row(dispute: &DisputeCard, context: &RowContext) -> Vec<String> {
    let about = &dispute.scorecard;
    let row = AboutRow {
        trainee: &dispute.trainee,
        when_utc: dispute.when_utc.as_deref(),
        scenario: &about.scenario,
        seed: about.seed,
        kind: "dispute",
        score: None,
        state: context.dispute.map(|d| d.name()).unwrap_or_default(),
        reviewer: None,
        scorecard_id: &about.id,
        app_version: &dispute.app_version,
    };
    about_row(row, context.verified)
}

/// One row per record (scenario scorecards, quiz cards, reviews, disputes alike), with no context.
pub fn write_summary<'a, R: Into<RecordRef<'a>>>(out: impl Write, cards: impl IntoIterator<Item = R>) -> std::io::Result<()> {
    write_summary_rows(out, cards.into_iter().map(|card| (card.into(), RowContext::default())))
}

/// One row per record, each with what is known around it (`RowContext`).
pub fn write_summary_rows<'a>(out: impl Write, rows: impl IntoIterator<Item = (RecordRef<'a>, RowContext)>) -> std::io::Result<()> {
    let mut out = out;
    out.write_all(BOM)?;
    let mut writer = ::csv::Writer::from_writer(out);
    writer.write_record(SUMMARY_HEADER)?;
    for (card, context) in rows {
        let row = match card {
            RecordRef::Scenario(card) => summary_row(&Summary::from(card), &context),
            RecordRef::Quiz(card) => summary_row(&Summary::from(card), &context),
            RecordRef::Typing(card) => summary_row(&Summary::from(card), &context),
            RecordRef::Review(card) => review_row(card, &context),
            RecordRef::Dispute(card) => dispute_row(card, &context),
        };
        writer.write_record(&row)?;
    }
    writer.flush()
}

/// One row per summary (from `Summary::read`, for large cohorts).
pub fn write_summaries(out: impl Write, summaries: impl IntoIterator<Item = Summary>) -> std::io::Result<()> {
    let mut out = out;
    out.write_all(BOM)?;
    let mut writer = ::csv::Writer::from_writer(out);
    writer.write_record(SUMMARY_HEADER)?;
    for summary in summaries {
        writer.write_record(summary_row(&summary, &RowContext::default()))?;
    }
    writer.flush()
}

pub const DETAIL_HEADER: [&str; 14] = [
    "trainee_id", "when_utc", "scenario_id", "seed", "reply", "node", "weight", "score", "tone_band", "response_secs",
    "agent_text", "facts_right", "facts_wrong", "findings",
];

/// One row per reply point (what the agent wrote there and every finding), or
/// per quiz question (the answer, its mark and the expected answer).
pub fn write_detail<'a, R: Into<RecordRef<'a>>>(out: impl Write, cards: impl IntoIterator<Item = R>) -> std::io::Result<()> {
    let mut out = out;
    out.write_all(BOM)?;
    let mut writer = ::csv::Writer::from_writer(out);
    writer.write_record(DETAIL_HEADER)?;
    for card in cards {
        let card = match card.into() {
            RecordRef::Scenario(card) => card,
            RecordRef::Quiz(card) => {
                quiz_detail(&mut writer, card)?;
                continue;
            }
            RecordRef::Typing(card) => {
                typing_detail(&mut writer, card)?;
                continue;
            }
            RecordRef::Review(card) => {
                review_detail(&mut writer, card)?;
                continue;
            }
            RecordRef::Dispute(card) => {
                dispute_detail(&mut writer, card)?;
                continue;
            }
        };
        let texts = reply_texts(card);
        for (index, reply) in card.replies.iter().enumerate() {
            let text = texts.get(index).map(Vec::as_slice).unwrap_or_default();
            let right = reply.facts.iter().filter(|f| f.status == crate::grading::facts::FactStatus::Correct).count();
            let wrong = reply.facts.iter().filter(|f| f.status == crate::grading::facts::FactStatus::Wrong).count();
            let findings: Vec<String> =
                reply.findings.iter().map(|f| format!("{} {:+.1}/{:.1}", f.rule, f.points, f.possible)).collect();
            let row = [
                card.trainee.id.clone(),
                card.when_utc.clone().unwrap_or_default(),
                card.scenario.id.clone(),
                card.seed.to_string(),
                (index + 1).to_string(),
                reply.node.clone(),
                reply.weight.to_string(),
                reply.score.to_string(),
                reply.tone_band.name().to_string(),
                reply.response_secs.map(|s| s.to_string()).unwrap_or_default(),
                text.join(" / "),
                right.to_string(),
                wrong.to_string(),
                findings.join("; "),
            ];
            writer.write_record(detail_cells(row))?;
        }
    }
    writer.flush()
}

/// A detail row ready to write: every cell neutralised, the trainee id and
/// the seed as text.
fn detail_cells(row: [String; 14]) -> Vec<String> {
    let mut cells: Vec<String> = row.iter().map(|c| neutralise(c)).collect();
    cells[0] = id_cell(&row[0]);
    cells[3] = id_cell(&row[3]);
    cells
}

/// A review's detail rows in the reply columns: one per judgement (`findings`
/// = `agree 2:apologise` or `disagree …`, `agent_text` = the reason), per added
/// finding (`added <dimension> <rule>`, its points as `score`, the comment),
/// per override (`override <dimension>`, the share as `score`, the reason),
/// and the overall comment.
fn review_detail<W: Write>(writer: &mut ::csv::Writer<W>, review: &ReviewCard) -> std::io::Result<()> {
    let about = &review.scorecard;
    let row = |reply: String, score: String, text: &str, what: String| {
        detail_cells([
            about.trainee.id.clone(),
            review.when_utc.clone().unwrap_or_default(),
            about.scenario.id.clone(),
            about.seed.to_string(),
            reply,
            String::new(),
            String::new(),
            score,
            String::new(),
            String::new(),
            text.to_string(),
            String::new(),
            String::new(),
            what,
        ])
    };
    for judgement in &review.judgements {
        let what = format!("{} {}", judgement.stance.name(), judgement.finding);
        writer.write_record(row(judgement.finding.reply.to_string(), String::new(), &judgement.reason, what))?;
    }
    for added in &review.added {
        let what = format!("added {} {}", added.dimension.name(), added.rule);
        writer.write_record(row(added.reply.to_string(), added.points.to_string(), &added.comment, what))?;
    }
    for over in &review.overrides {
        let what = format!("override {}", over.dimension.name());
        writer.write_record(row(String::new(), over.score_pct.to_string(), &over.reason, what))?;
    }
    if let Some(answer) = &review.answers {
        let what = format!("dispute {} {}", answer.decision.name(), answer.finding);
        writer.write_record(row(answer.finding.reply.to_string(), String::new(), &answer.answer, what))?;
    }
    if !review.comment.is_empty() {
        writer.write_record(row(String::new(), String::new(), &review.comment, "comment".into()))?;
    }
    Ok(())
}

/// A dispute's detail row: the finding disputed (`findings` = `dispute 2:apologise`,
/// its points as `score`) and the trainee's reason as `agent_text`.
fn dispute_detail<W: Write>(writer: &mut ::csv::Writer<W>, dispute: &DisputeCard) -> std::io::Result<()> {
    let about = &dispute.scorecard;
    writer.write_record(detail_cells([
        dispute.trainee.id.clone(),
        dispute.when_utc.clone().unwrap_or_default(),
        about.scenario.id.clone(),
        about.seed.to_string(),
        dispute.finding.reply.to_string(),
        String::new(),
        String::new(),
        dispute.disputed.points.to_string(),
        String::new(),
        String::new(),
        dispute.reason.clone(),
        String::new(),
        String::new(),
        format!("dispute {}", dispute.finding),
    ]))
    .map_err(std::io::Error::from)
}

/// For each reply, the agent's messages of its own turn, from one pass over the
/// transcript. Every message at the reply's node went into every row before, so a
/// node visited again repeated the other visit's words, and a forged record of n
/// replies at one node made n² text (8 MB gave a 290 MB CSV).
pub(crate) fn reply_texts(card: &Scorecard) -> Vec<Vec<&str>> {
    use crate::engine::{EntryKind, Who};
    let mut texts: Vec<Vec<&str>> = vec![Vec::new(); card.replies.len()];
    let mut turn: Vec<&super::TranscriptEntry> = Vec::new();
    for (entry, end) in card.transcript.iter().zip(super::layout::turn_ends(card)) {
        if entry.who == Who::Agent && entry.kind == EntryKind::Message {
            turn.push(entry);
        } else if entry.who != Who::Agent && entry.kind != EntryKind::Nudge {
            turn.clear();
        }
        if let Some(reply) = end {
            if let Some(slot) = texts.get_mut(reply) {
                let node = &card.replies[reply].node;
                slot.extend(turn.iter().filter(|e| &e.node == node).map(|e| e.text.as_str()));
            }
            turn.clear();
        }
    }
    texts
}

/// A quiz's detail rows in the reply columns: the question number and id, its
/// mark (0–100), seconds since the previous answer, the answer as given, 1 or 0
/// right, and the expected answer.
/// One row for a typing record: the phrase typed, its accuracy as the score,
/// the time it took, and the speed in the drill's unit.
fn typing_detail<W: Write>(writer: &mut ::csv::Writer<W>, card: &super::TypingCard) -> std::io::Result<()> {
    let row = [
        card.trainee.id.clone(),
        card.when_utc.clone().unwrap_or_default(),
        card.activity_id(),
        card.seed().to_string(),
        "1".into(),
        "phrase".into(),
        "1".into(),
        ((card.result.accuracy * 1000.0).round() / 10.0).to_string(),
        String::new(),
        card.secs.to_string(),
        card.typed.clone(),
        String::new(),
        String::new(),
        format!("speed: {} {}", card.speed, typing_unit(card.lang)),
    ];
    writer.write_record(detail_cells(row))?;
    Ok(())
}

/// The typing speed's unit in exports, as a spreadsheet header would say it.
fn typing_unit(lang: crate::content::raw::Lang) -> &'static str {
    match lang {
        crate::content::raw::Lang::Zh => "chars/min",
        crate::content::raw::Lang::En => "wpm",
    }
}

fn quiz_detail<W: Write>(writer: &mut ::csv::Writer<W>, card: &QuizCard) -> std::io::Result<()> {
    let mut previous = 0.0;
    let mut times: Vec<(usize, f64)> = card.answers.iter().enumerate().filter_map(|(i, a)| a.as_ref().map(|a| (i, a.at))).collect();
    times.sort_by(|a, b| a.1.total_cmp(&b.1));
    let mut took = vec![None; card.items.len()];
    for (index, at) in times {
        // A record is untrusted: answers beyond its questions have no row to go in.
        if let Some(slot) = took.get_mut(index) {
            *slot = Some(((at - previous) * 10.0).round() / 10.0);
        }
        previous = at;
    }
    for (index, item) in card.items.iter().enumerate() {
        let mark = card.result.marks.get(index).and_then(Option::as_ref);
        let answer = card.answers.get(index).and_then(Option::as_ref).map(|a| crate::quiz::mark::answer_text(&a.answer)).unwrap_or_default();
        let right = mark.is_some_and(|m| m.right);
        let row = [
            card.trainee.id.clone(),
            card.when_utc.clone().unwrap_or_default(),
            card.activity_id(),
            card.quiz.seed.to_string(),
            (index + 1).to_string(),
            item.id.clone(),
            "1".into(),
            mark.map(|m| (m.score * 100.0).to_string()).unwrap_or_else(|| "0".into()),
            String::new(),
            took.get(index).copied().flatten().map(|s: f64| s.to_string()).unwrap_or_default(),
            answer,
            (right as u8).to_string(),
            (!right as u8).to_string(),
            mark.map(|m| format!("expected: {}", m.expected)).unwrap_or_else(|| "unanswered".into()),
        ];
        writer.write_record(detail_cells(row))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::neutralise;

    /// The fast reader and the full one give a scenario the same dimension shares.
    #[test]
    fn a_summary_keeps_each_dimensions_share() {
        let json = include_str!("../../tests/fixtures/scorecard-v2.json");
        let fast = super::Summary::read(json).unwrap();
        let full = super::Summary::from(&crate::scorecard::read(json).unwrap());
        assert_eq!(fast.shares, full.shares);
        // accuracy 45/90, steps 190/190, and the rest earned in full.
        assert_eq!(fast.shares, [Some(50.0), Some(100.0), Some(100.0), Some(100.0), Some(100.0)]);
    }

    #[test]
    fn formulas_are_neutralised_numbers_are_not() {
        assert_eq!(neutralise("=HYPERLINK(\"http://x\",\"y\")"), "'=HYPERLINK(\"http://x\",\"y\")");
        assert_eq!(neutralise("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(neutralise("+cmd"), "'+cmd");
        assert_eq!(neutralise("-5.5"), "-5.5");
        assert_eq!(neutralise("亲,您好"), "亲,您好");
    }

    fn fixture() -> super::Scorecard {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/scorecard-v2.json");
        super::super::read(&std::fs::read_to_string(path).unwrap()).unwrap()
    }

    fn detail(card: &super::Scorecard) -> String {
        let mut out = Vec::new();
        super::write_detail(&mut out, [card]).unwrap();
        String::from_utf8(out).unwrap()
    }

    /// A row holds its own turn's words; a record repeated k times gives k times the CSV (it was k²).
    #[test]
    fn each_row_has_its_own_turns_words_and_the_size_grows_linearly() {
        let card = fixture();
        let texts = super::reply_texts(&card);
        assert_eq!(texts.len(), card.replies.len());
        assert!(texts.iter().all(|t| !t.is_empty()), "{texts:?}");
        let mut repeated = card.clone();
        for _ in 0..39 {
            repeated.transcript.extend(card.transcript.iter().cloned());
            repeated.replies.extend(card.replies.iter().cloned());
        }
        let texts_again = super::reply_texts(&repeated);
        assert_eq!(texts_again[card.replies.len()..2 * card.replies.len()], texts[..], "the second copy's rows carry only its own words");
        let (one, forty) = (detail(&card).len(), detail(&repeated).len());
        assert!(forty < one * 41, "{one} bytes for one copy, {forty} for forty");
    }
}
