//! xAPI statements (Experience API 1.0.3) for a learning record store: one per
//! scorecard, verb passed or failed, with the scaled score, success,
//! completion, the session's duration (ISO 8601) and its timestamp. A quiz
//! attempt is an assessment activity with the same result fields. The seed is
//! written as a string: seeds reach 19 digits, past the integers JSON readers
//! keep exactly (2^53), and a rounded seed would replay another session.
//!
//! Reviews and disputes have no statement: xAPI records what a learner did,
//! and neither a supervisor's judgement of an attempt nor a trainee's
//! objection to a finding has an ADL verb that says it (a review is not a
//! second attempt). `write` leaves them out; `kefu export` says how many.

use super::{QuizCard, RecordRef, Scorecard};
use crate::content::raw::{Lang, Text};
use std::collections::BTreeMap;
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

/// What a statement says about one attempt, whichever kind it was.
struct Attempt<'a> {
    trainee: &'a super::Trainee,
    when_utc: Option<&'a str>,
    /// Under the base IRI: `scenarios/<id>` or `quizzes/<id>`.
    activity: String,
    title: Text,
    activity_type: &'static str,
    score: f64,
    /// `None`: no verdict (a session the trainee ended early).
    passed: Option<bool>,
    duration_secs: f64,
    lang: Lang,
    seed: u64,
    content: &'a BTreeMap<String, String>,
    /// One more context extension (under `<base>/xapi/`) and its value.
    extra: (&'static str, Value),
}

fn build(attempt: Attempt, base: &str) -> Value {
    let base = base.trim_end_matches('/');
    // A session ended early is cmi5's "abandoned" (no success, not completed).
    let (verb_id, verb) = match attempt.passed {
        Some(true) => ("http://adlnet.gov/expapi/verbs/passed".to_string(), "passed"),
        Some(false) => ("http://adlnet.gov/expapi/verbs/failed".to_string(), "failed"),
        None => ("https://w3id.org/xapi/adl/verbs/abandoned".to_string(), "abandoned"),
    };
    let (extra_key, extra_value) = attempt.extra;
    let mut statement = json!({
        "actor": {
            "objectType": "Agent",
            "name": attempt.trainee.name,
            "account": { "homePage": base, "name": attempt.trainee.id },
        },
        "verb": {
            "id": verb_id,
            "display": { "en-US": verb },
        },
        "object": {
            "objectType": "Activity",
            "id": format!("{base}/{}", attempt.activity),
            "definition": {
                "name": { "zh-CN": attempt.title.zh, "en-US": attempt.title.en },
                "type": attempt.activity_type,
            },
        },
        "result": {
            "score": { "scaled": (attempt.score / 100.0).clamp(0.0, 1.0), "raw": attempt.score, "min": 0, "max": 100 },
            "completion": attempt.passed.is_some(),
            "duration": iso_duration(attempt.duration_secs),
        },
        "context": {
            "platform": "Kefu Trainer",
            "language": match attempt.lang { Lang::Zh => "zh-CN", Lang::En => "en-US" },
            "extensions": {
                format!("{base}/xapi/seed"): attempt.seed.to_string(),
                format!("{base}/xapi/content-hash"): attempt.content.get("total").cloned().unwrap_or_default(),
                format!("{base}/xapi/{extra_key}"): extra_value,
            },
        },
    });
    if let Some(passed) = attempt.passed {
        statement["result"]["success"] = json!(passed);
    }
    if let Some(when) = attempt.when_utc {
        statement["timestamp"] = json!(when);
    }
    statement
}

/// The statement for one scorecard: a simulation activity.
pub fn statement(card: &Scorecard, base: &str) -> Value {
    let attempt = Attempt {
        trainee: &card.trainee,
        when_utc: card.when_utc.as_deref(),
        activity: format!("scenarios/{}", card.scenario.id),
        title: card.scenario.title.clone(),
        activity_type: "http://adlnet.gov/expapi/activities/simulation",
        score: card.grade.total,
        passed: (!card.grade.abandoned).then_some(card.grade.passed),
        duration_secs: card.transcript.last().map(|e| e.at).unwrap_or(0.0),
        lang: card.scenario.lang,
        seed: card.seed,
        content: &card.content,
        extra: ("outcome", json!(card.grade.outcome.name())),
    };
    build(attempt, base)
}

/// The statement for one quiz or exam attempt: an assessment activity.
pub fn quiz_statement(card: &QuizCard, base: &str) -> Value {
    let attempt = Attempt {
        trainee: &card.trainee,
        when_utc: card.when_utc.as_deref(),
        activity: format!("quizzes/{}", card.activity_id()),
        title: card.title(),
        activity_type: "http://adlnet.gov/expapi/activities/assessment",
        score: card.result.score_pct,
        passed: Some(card.result.passed),
        duration_secs: card.result.duration_secs,
        lang: card.quiz.lang,
        seed: card.quiz.seed,
        content: &card.content,
        extra: ("questions", json!(card.items.len())),
    };
    let statement = build(attempt, base);
    // Practice and review have no verdict: completed, like the app and the other exports say.
    if card.quiz.mode.has_verdict() { statement } else { completed(statement) }
}

/// A statement for an activity done to its end with no pass or fail: the
/// verb `completed`, no `success`.
fn completed(mut statement: Value) -> Value {
    statement["verb"] = json!({ "id": "http://adlnet.gov/expapi/verbs/completed", "display": { "en-US": "completed" } });
    statement["result"]["completion"] = json!(true);
    if let Some(result) = statement["result"].as_object_mut() {
        result.remove("success");
    }
    statement
}

/// The statement for one typing phrase: a performance activity, completed
/// with no verdict; the score is the accuracy, the speed an extension.
pub fn typing_statement(card: &super::TypingCard, base: &str) -> Value {
    let attempt = Attempt {
        trainee: &card.trainee,
        when_utc: card.when_utc.as_deref(),
        activity: format!("typing/{}", card.lang.code()),
        title: card.title(),
        activity_type: "http://adlnet.gov/expapi/activities/performance",
        score: card.result.accuracy * 100.0,
        passed: None,
        duration_secs: card.secs,
        lang: card.lang,
        seed: card.seed(),
        content: &card.content,
        extra: ("speed", json!(card.speed)),
    };
    // Not ended early: a phrase typed to its end is completed, with no pass or fail.
    completed(build(attempt, base))
}

/// Whether a record has an xAPI statement (reviews and disputes have none).
pub fn has_statement(record: RecordRef<'_>) -> bool {
    !matches!(record, RecordRef::Review(_) | RecordRef::Dispute(_))
}

/// A JSON array of statements, one per attempt; reviews and disputes are left out.
pub fn write<'a, R: Into<RecordRef<'a>>>(mut out: impl Write, cards: impl IntoIterator<Item = R>, base: &str) -> std::io::Result<()> {
    let statements: Vec<Value> = cards
        .into_iter()
        .filter_map(|card| match card.into() {
            RecordRef::Scenario(card) => Some(statement(card, base)),
            RecordRef::Quiz(card) => Some(quiz_statement(card, base)),
            RecordRef::Typing(card) => Some(typing_statement(card, base)),
            RecordRef::Review(_) | RecordRef::Dispute(_) => None,
        })
        .collect();
    serde_json::to_writer_pretty(&mut out, &statements)?;
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use super::iso_duration;

    /// A seed past 2^53 would be rounded by a JSON reader that reads numbers as
    /// doubles (JavaScript, most learning record stores): it is a string.
    #[test]
    fn a_large_seed_is_kept_exactly() {
        let mut card = crate::scorecard::read(include_str!("../../tests/fixtures/scorecard-v2.json")).unwrap();
        card.seed = u64::MAX;
        let statement = super::statement(&card, super::DEFAULT_BASE);
        let seed = &statement["context"]["extensions"][format!("{}/xapi/seed", super::DEFAULT_BASE)];
        assert_eq!(seed, &serde_json::json!("18446744073709551615"));
    }

    #[test]
    fn durations_are_iso_8601() {
        assert_eq!(iso_duration(72.5), "PT1M12.5S");
        assert_eq!(iso_duration(3.0), "PT3S");
        assert_eq!(iso_duration(3725.25), "PT1H2M5.25S");
    }
}
