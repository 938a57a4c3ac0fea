//! xAPI statements (Experience API 1.0.3) for a learning record store: one per
//! scorecard, verb passed or failed, with the scaled score, success,
//! completion, the session's duration (ISO 8601) and its timestamp. A quiz
//! attempt is an assessment activity with the same result fields.

use super::{QuizCard, RecordRef, Scorecard};
use serde_json::{Value, json};
use std::io::Write;

/// Where activity and account IRIs live unless the caller names its own.
pub const DEFAULT_BASE: &str = "https://kefu-trainer.example";

/// `PT1M12.5S`-style duration from seconds.
pub fn iso_duration(secs: f64) -> String {
    let secs = secs.max(0.0);
    let hours = (secs / 3600.0).floor();
    let minutes = ((secs - hours * 3600.0) / 60.0).floor();
    let rest = ((secs - hours * 3600.0 - minutes * 60.0) * 100.0).round() / 100.0;
    let mut out = String::from("PT");
    if hours > 0.0 {
        out.push_str(&format!("{hours}H"));
    }
    if minutes > 0.0 {
        out.push_str(&format!("{minutes}M"));
    }
    out.push_str(&format!("{rest}S"));
    out
}

/// The statement for one scorecard.
pub fn statement(card: &Scorecard, base: &str) -> Value {
    let base = base.trim_end_matches('/');
    let (verb, display) = if card.grade.passed { ("passed", "passed") } else { ("failed", "failed") };
    let duration = card.transcript.last().map(|e| e.at).unwrap_or(0.0);
    let mut statement = json!({
        "actor": {
            "objectType": "Agent",
            "name": card.trainee.name,
            "account": { "homePage": base, "name": card.trainee.id },
        },
        "verb": {
            "id": format!("http://adlnet.gov/expapi/verbs/{verb}"),
            "display": { "en-US": display },
        },
        "object": {
            "objectType": "Activity",
            "id": format!("{base}/scenarios/{}", card.scenario.id),
            "definition": {
                "name": { "zh-CN": card.scenario.title.zh, "en-US": card.scenario.title.en },
                "type": "http://adlnet.gov/expapi/activities/simulation",
            },
        },
        "result": {
            "score": { "scaled": (card.grade.total / 100.0).clamp(0.0, 1.0), "raw": card.grade.total, "min": 0, "max": 100 },
            "success": card.grade.passed,
            "completion": true,
            "duration": iso_duration(duration),
        },
        "context": {
            "platform": "Kefu Trainer",
            "language": match card.scenario.lang { crate::content::raw::Lang::Zh => "zh-CN", crate::content::raw::Lang::En => "en-US" },
            "extensions": {
                format!("{base}/xapi/seed"): card.seed,
                format!("{base}/xapi/content-hash"): card.content.get("total").cloned().unwrap_or_default(),
                format!("{base}/xapi/outcome"): format!("{:?}", card.grade.outcome),
            },
        },
    });
    if let Some(when) = &card.when_utc {
        statement["timestamp"] = json!(when);
    }
    statement
}

/// The statement for one quiz or exam attempt: an assessment activity.
pub fn quiz_statement(card: &QuizCard, base: &str) -> Value {
    let base = base.trim_end_matches('/');
    let result = &card.result;
    let verb = if result.passed { "passed" } else { "failed" };
    let title = card.title();
    let mut statement = json!({
        "actor": {
            "objectType": "Agent",
            "name": card.trainee.name,
            "account": { "homePage": base, "name": card.trainee.id },
        },
        "verb": {
            "id": format!("http://adlnet.gov/expapi/verbs/{verb}"),
            "display": { "en-US": verb },
        },
        "object": {
            "objectType": "Activity",
            "id": format!("{base}/quizzes/{}", card.activity_id()),
            "definition": {
                "name": { "zh-CN": title.zh, "en-US": title.en },
                "type": "http://adlnet.gov/expapi/activities/assessment",
            },
        },
        "result": {
            "score": { "scaled": (result.score_pct / 100.0).clamp(0.0, 1.0), "raw": result.score_pct, "min": 0, "max": 100 },
            "success": result.passed,
            "completion": true,
            "duration": iso_duration(result.duration_secs),
        },
        "context": {
            "platform": "Kefu Trainer",
            "language": match card.quiz.lang { crate::content::raw::Lang::Zh => "zh-CN", crate::content::raw::Lang::En => "en-US" },
            "extensions": {
                format!("{base}/xapi/seed"): card.quiz.seed,
                format!("{base}/xapi/content-hash"): card.content.get("total").cloned().unwrap_or_default(),
                format!("{base}/xapi/questions"): card.items.len(),
            },
        },
    });
    if let Some(when) = &card.when_utc {
        statement["timestamp"] = json!(when);
    }
    statement
}

/// A JSON array of statements, one per record.
pub fn write<'a, R: Into<RecordRef<'a>>>(mut out: impl Write, cards: impl IntoIterator<Item = R>, base: &str) -> std::io::Result<()> {
    let statements: Vec<Value> = cards
        .into_iter()
        .map(|card| match card.into() {
            RecordRef::Scenario(card) => statement(card, base),
            RecordRef::Quiz(card) => quiz_statement(card, base),
        })
        .collect();
    serde_json::to_writer_pretty(&mut out, &statements)?;
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use super::iso_duration;

    #[test]
    fn durations_are_iso_8601() {
        assert_eq!(iso_duration(72.5), "PT1M12.5S");
        assert_eq!(iso_duration(3.0), "PT3S");
        assert_eq!(iso_duration(3725.25), "PT1H2M5.25S");
    }
}
