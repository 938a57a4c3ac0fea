//! CSV exports: one summary row per scorecard (for a spreadsheet to sort and
//! filter) and a detailed row per reply point. UTF-8 with a byte-order mark so
//! spreadsheet apps show Chinese; a text cell starting with `=`, `+`, `-` or `@`
//! is prefixed with `'` so it can never run as a formula.

use super::{ScenarioInfo, Scorecard, Trainee};
use serde::Deserialize;
use std::io::Write;

const BOM: &[u8] = b"\xef\xbb\xbf";

/// Neutralises a cell a spreadsheet could read as a formula. Plain numbers
/// (`-5`, `+3.2`) stay numbers so columns still sort.
pub fn neutralise(cell: &str) -> String {
    let risky = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if risky && cell.parse::<f64>().is_err() { format!("'{cell}") } else { cell.to_string() }
}

/// What a summary row needs, read without the transcript and findings: a
/// cohort of thousands is summarised at a fraction of a full read.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Summary {
    /// Read in the same pass; anything but the current schema goes through the full reader.
    #[serde(default)]
    pub schema_version: Option<u32>,
    pub trainee: Trainee,
    pub when_utc: Option<String>,
    pub app_version: String,
    pub scenario: ScenarioInfo,
    pub content: std::collections::BTreeMap<String, String>,
    pub seed: u64,
    pub grade: SummaryGrade,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct SummaryGrade {
    pub total: f64,
    pub passed: bool,
    pub outcome: crate::content::raw::Outcome,
    pub critical_failures: Vec<String>,
    pub kpis: Vec<SummaryKpi>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct SummaryKpi {
    pub id: String,
    pub value: Option<f64>,
}

impl Summary {
    /// Reads the summary of a scorecard file's JSON; old schemas go through the full reader.
    pub fn read(json: &str) -> Result<Summary, super::ReadError> {
        match serde_json::from_str::<Summary>(json) {
            Ok(summary) if summary.schema_version == Some(super::SCHEMA_VERSION) => Ok(summary),
            _ => super::read(json).map(|card| Summary::from(&card)),
        }
    }
}

impl From<&Scorecard> for Summary {
    fn from(card: &Scorecard) -> Summary {
        Summary {
            schema_version: Some(card.schema_version),
            trainee: card.trainee.clone(),
            when_utc: card.when_utc.clone(),
            app_version: card.app_version.clone(),
            scenario: card.scenario.clone(),
            content: card.content.clone(),
            seed: card.seed,
            grade: SummaryGrade {
                total: card.grade.total,
                passed: card.grade.passed,
                outcome: card.grade.outcome,
                critical_failures: card.grade.critical_failures.clone(),
                kpis: card.grade.kpis.iter().map(|k| SummaryKpi { id: k.id.clone(), value: k.value }).collect(),
            },
        }
    }
}

fn kpi(card: &Summary, id: &str) -> String {
    card.grade.kpis.iter().find(|k| k.id == id).and_then(|k| k.value).map(|v| v.to_string()).unwrap_or_default()
}

pub const SUMMARY_HEADER: [&str; 21] = [
    "trainee_name", "trainee_id", "when_utc", "scenario_id", "scenario_title_zh", "scenario_title_en", "lang",
    "category", "difficulty", "seed", "total", "passed", "outcome", "critical_failures", "product_accuracy_pct",
    "first_response_secs", "average_response_secs", "reply_ratio_pct", "order_errors", "content_hash", "app_version",
];

pub fn summary_row(card: &Summary) -> Vec<String> {
    vec![
        card.trainee.name.clone(),
        card.trainee.id.clone(),
        card.when_utc.clone().unwrap_or_default(),
        card.scenario.id.clone(),
        card.scenario.title.zh.clone(),
        card.scenario.title.en.clone(),
        format!("{:?}", card.scenario.lang).to_lowercase(),
        format!("{:?}", card.scenario.category),
        card.scenario.difficulty.to_string(),
        card.seed.to_string(),
        card.grade.total.to_string(),
        card.grade.passed.to_string(),
        format!("{:?}", card.grade.outcome),
        card.grade.critical_failures.join(" "),
        kpi(card, "product_accuracy"),
        kpi(card, "first_response"),
        kpi(card, "average_response"),
        kpi(card, "reply_ratio"),
        kpi(card, "order_errors"),
        card.content.get("total").cloned().unwrap_or_default(),
        card.app_version.clone(),
    ]
}

/// One row per scorecard.
pub fn write_summary<'a>(out: impl Write, cards: impl IntoIterator<Item = &'a Scorecard>) -> std::io::Result<()> {
    write_summaries(out, cards.into_iter().map(Summary::from))
}

/// One row per summary (from `Summary::read`, for large cohorts).
pub fn write_summaries(out: impl Write, summaries: impl IntoIterator<Item = Summary>) -> std::io::Result<()> {
    let mut out = out;
    out.write_all(BOM)?;
    let mut writer = ::csv::Writer::from_writer(out);
    writer.write_record(SUMMARY_HEADER)?;
    for summary in summaries {
        writer.write_record(summary_row(&summary).iter().map(|c| neutralise(c)))?;
    }
    writer.flush()
}

pub const DETAIL_HEADER: [&str; 14] = [
    "trainee_id", "when_utc", "scenario_id", "seed", "reply", "node", "weight", "score", "tone_band", "response_secs",
    "agent_text", "facts_right", "facts_wrong", "findings",
];

/// One row per reply point: what the agent wrote there and every finding.
pub fn write_detail<'a>(out: impl Write, cards: impl IntoIterator<Item = &'a Scorecard>) -> std::io::Result<()> {
    let mut out = out;
    out.write_all(BOM)?;
    let mut writer = ::csv::Writer::from_writer(out);
    writer.write_record(DETAIL_HEADER)?;
    for card in cards {
        for (index, reply) in card.replies.iter().enumerate() {
            let text: Vec<&str> = card
                .transcript
                .iter()
                .filter(|e| e.who == crate::engine::Who::Agent && e.node == reply.node && e.kind == crate::engine::EntryKind::Message)
                .map(|e| e.text.as_str())
                .collect();
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
                format!("{:?}", reply.tone_band),
                reply.response_secs.map(|s| s.to_string()).unwrap_or_default(),
                text.join(" / "),
                right.to_string(),
                wrong.to_string(),
                findings.join("; "),
            ];
            writer.write_record(row.iter().map(|c| neutralise(c)))?;
        }
    }
    writer.flush()
}

#[cfg(test)]
mod tests {
    use super::neutralise;

    #[test]
    fn formulas_are_neutralised_numbers_are_not() {
        assert_eq!(neutralise("=HYPERLINK(\"http://x\",\"y\")"), "'=HYPERLINK(\"http://x\",\"y\")");
        assert_eq!(neutralise("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(neutralise("+cmd"), "'+cmd");
        assert_eq!(neutralise("-5.5"), "-5.5");
        assert_eq!(neutralise("亲,您好"), "亲,您好");
    }
}
