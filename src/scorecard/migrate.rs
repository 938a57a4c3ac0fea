//! Older scorecards, read into the current record. Schema 1 is the bare run
//! that `kefu play --out` wrote before scorecards had a trainee, content hashes
//! and digests: it migrates with an unknown trainee and no hashes, and verify
//! can still re-grade it from its transcript.

use super::{ReadError, SCHEMA_VERSION, ScenarioInfo, Scorecard, Trainee};
use crate::content::raw::{Category, Lang, Text};
use serde::Deserialize;
use std::collections::BTreeMap;

/// Schema 1, as written.
#[derive(Debug, Deserialize)]
struct V1 {
    scenario: String,
    draw: crate::engine::session::Draw,
    transcript: Vec<crate::engine::TranscriptEntry>,
    replies: Vec<crate::grading::ReplyGrade>,
    grade: crate::grading::SessionGrade,
}

pub fn from_v1(value: serde_json::Value) -> Result<Scorecard, ReadError> {
    let v1: V1 = serde_json::from_value(value).map_err(|e| ReadError::NotAScorecard(format!("schema 1: {}", super::verify::clip(&e.to_string()))))?;
    Ok(Scorecard {
        schema_version: SCHEMA_VERSION,
        trainee: Trainee { name: "unknown".into(), id: "unknown".into() },
        when_utc: None,
        app_version: "schema-1".into(),
        scenario: ScenarioInfo {
            id: v1.scenario.clone(),
            title: Text { zh: v1.scenario.clone(), en: v1.scenario },
            lang: Lang::Zh,
            category: Category::PreSale,
            difficulty: 0,
        },
        mode: super::SessionMode::Single,
        content: BTreeMap::new(),
        seed: v1.draw.seed,
        draw: v1.draw,
        transcript: v1.transcript,
        replies: v1.replies,
        grade: v1.grade,
        // No digests: a schema-1 record was never sealed; verify relies on re-grading.
        digests: BTreeMap::new(),
    })
}
