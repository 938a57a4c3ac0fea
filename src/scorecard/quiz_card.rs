//! The scorecard of a quiz or exam attempt, in the same record family as a
//! scenario's: trainee, time, app version, content hashes, seed and per-field
//! seals, plus the spec it was drawn from, the questions as asked (options in
//! the order shown), every answer with its time, and the result. `verify`
//! re-draws the questions from the spec and re-marks the answers.

use super::{SCHEMA_VERSION, Trainee, hash};
use crate::content::Course;
use crate::content::raw::Text;
use crate::quiz::QuizItem;
use crate::quiz::session::{QuizResult, TimedAnswer};
use crate::quiz::spec::{QuizSpec, SpecError, pool};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The value of `kind` that tells a quiz record from a scenario's (which has no `kind`).
pub const QUIZ_KIND: &str = "quiz";

/// Bump when marking rules change in a way that changes marks.
pub const MARKER_VERSION: &str = "quiz-marking-1";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuizCard {
    pub schema_version: u32,
    /// Always `quiz`.
    pub kind: String,
    pub trainee: Trainee,
    /// RFC 3339, UTC; `None` for scripted runs.
    pub when_utc: Option<String>,
    pub app_version: String,
    pub quiz: QuizSpec,
    /// Part → SHA-256: `pool` (every question the spec could draw), `questions`
    /// (the ones drawn, as written), `marker` (marking rules), `total`.
    pub content: BTreeMap<String, String>,
    /// The questions as asked, options in the order shown.
    pub items: Vec<QuizItem>,
    /// Per item, the answer and when it was given; `None` when unanswered.
    pub answers: Vec<Option<TimedAnswer>>,
    pub result: QuizResult,
    pub digests: BTreeMap<String, String>,
}

/// Part → hash of the quiz content an attempt was drawn from and marked against.
/// `pool` is `quiz::spec::pool` of the attempt's spec.
pub fn content_hashes(pool: &[QuizItem], items: &[QuizItem]) -> BTreeMap<String, String> {
    let asked: Vec<Option<&QuizItem>> = items.iter().map(|item| pool.iter().find(|q| q.id == item.id)).collect();
    let mut parts = BTreeMap::new();
    parts.insert("pool".to_string(), hash::hash_of(pool));
    parts.insert("questions".to_string(), hash::hash_of(&asked));
    parts.insert("marker".to_string(), hash::hash_of(MARKER_VERSION));
    let total = hash::hash_of(&parts);
    parts.insert("total".to_string(), total);
    parts
}

impl QuizCard {
    /// The record of a finished attempt.
    pub fn from_attempt(
        course: &Course,
        spec: &QuizSpec,
        items: &[QuizItem],
        answers: Vec<Option<TimedAnswer>>,
        result: &QuizResult,
        meta: super::RunMeta,
    ) -> Result<QuizCard, SpecError> {
        let mut card = QuizCard {
            schema_version: SCHEMA_VERSION,
            kind: QUIZ_KIND.into(),
            trainee: meta.trainee,
            when_utc: meta.when_utc,
            app_version: env!("CARGO_PKG_VERSION").to_string(),
            quiz: spec.clone(),
            content: content_hashes(&pool(course, spec)?, items),
            items: items.to_vec(),
            answers,
            result: result.clone(),
            digests: BTreeMap::new(),
        };
        card.digests = card.field_digests();
        Ok(card)
    }

    /// "模拟考试" / "Exam": what people read. The banks it drew from are ids
    /// (`kpi`, `generated`), kept in the record's `quiz.sources`, not in the title.
    pub fn title(&self) -> Text {
        self.quiz.mode.title()
    }

    /// The activity id in exports: `quiz-exam`, `quiz-practice`, `quiz-review`.
    pub fn activity_id(&self) -> String {
        format!("quiz-{}", self.quiz.mode.name())
    }

    /// A stable file name: time, trainee, mode and seed.
    pub fn file_name(&self) -> String {
        super::file_name(self.when_utc.as_deref(), &self.trainee.id, &self.activity_id(), self.quiz.seed)
    }

    /// Digests of every field that matters, one per question and answer.
    pub fn field_digests(&self) -> BTreeMap<String, String> {
        hash::Seals::new()
            .field("kind", &self.kind)
            .field("trainee", &self.trainee)
            .field("when_utc", &self.when_utc)
            .field("app_version", &self.app_version)
            .field("quiz", &self.quiz)
            .field("content", &self.content)
            .field("result", &self.result)
            .list("items", &self.items)
            .list("answers", &self.answers)
            .done()
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}
