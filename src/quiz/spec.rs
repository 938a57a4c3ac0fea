//! What an attempt is drawn from, kept in its scorecard so the same questions
//! come back in the same order: the mode, the sources (banks or `generated`),
//! categories, the count, the seed, and for a review the exact question ids.
//! `build` is the one way the app, `kefu quiz` and `kefu verify` get questions.

use crate::text::Quoted;
use super::{QuizItem, draw_from, generate, shuffle_options};
use crate::content::Course;
use crate::content::raw::{Lang, Text};
use crate::i18n::Msg;
use crate::seeded::Draws;
use serde::{Deserialize, Serialize};

/// When the trainee sees whether an answer was right: after each, or at the end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Feedback {
    Immediate,
    Deferred,
}

/// Platform certification exams commonly pass at 60 %; a shop may set its own.
pub const DEFAULT_PASS_MARK_PCT: f64 = 60.0;

/// The source name of the questions made from the catalogue and policy.
pub const GENERATED: &str = "generated";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
// Variant names are spelled out: records hold them.
pub enum QuizMode {
    /// Immediate feedback, no time limit.
    #[serde(rename = "Practice")]
    Practice,
    /// Deferred feedback, a time limit and a pass mark (platform certification style).
    #[serde(rename = "Exam")]
    Exam,
    /// The trainee's due spaced-repetition questions.
    #[serde(rename = "Review")]
    Review,
}

impl QuizMode {
    /// As activity ids spell it: `quiz-practice`, `quiz-exam`, `quiz-review`.
    pub fn name(self) -> &'static str {
        match self {
            QuizMode::Practice => "practice",
            QuizMode::Exam => "exam",
            QuizMode::Review => "review",
        }
    }

    /// Whether an attempt passes or fails: only an exam has a verdict. Practice
    /// and review are for learning; their records keep `passed` (older records
    /// hold it too) but nobody is shown PASS or FAIL for them.
    pub fn has_verdict(self) -> bool {
        matches!(self, QuizMode::Exam)
    }

    /// What stands instead of PASS/FAIL for a mode without a verdict:
    /// "练习 · 得分 70%"; `None` for an exam.
    pub fn score_without_verdict(self, score_pct: f64, lang: Lang) -> Option<String> {
        let msg = match self {
            QuizMode::Exam => return None,
            QuizMode::Practice => Msg::PracticeScore,
            QuizMode::Review => Msg::ReviewScore,
        };
        let pct = (score_pct * 10.0).round() / 10.0;
        Some(msg.fill(lang, &[("pct", &pct)]))
    }

    pub fn title(self) -> Text {
        let (zh, en) = match self {
            QuizMode::Practice => ("练习测验", "Practice quiz"),
            QuizMode::Exam => ("模拟考试", "Exam"),
            QuizMode::Review => ("到期复习", "Review"),
        };
        Text { zh: zh.into(), en: en.into() }
    }
}

/// Practice and exam sizes in the app (`kefu quiz` takes `--count`).
pub const PRACTICE_QUESTIONS: usize = 10;
pub const EXAM_QUESTIONS: usize = 20;
pub const EXAM_MINUTES: f64 = 30.0;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuizSpec {
    pub mode: QuizMode,
    pub lang: Lang,
    /// Bank ids and/or `generated`; empty means every bank in `lang`, plus the
    /// generated questions (written in `lang`, as every source is).
    pub sources: Vec<String>,
    /// Only these categories; empty means all.
    #[serde(default)]
    pub categories: Vec<String>,
    /// A review asks exactly these questions, in this order (those that still exist).
    #[serde(default)]
    pub ids: Vec<String>,
    pub count: usize,
    pub seed: u64,
    pub feedback: Feedback,
    pub time_limit_secs: Option<f64>,
    pub pass_mark_pct: f64,
}

impl QuizSpec {
    pub fn practice(lang: Lang, seed: u64) -> QuizSpec {
        QuizSpec {
            mode: QuizMode::Practice,
            lang,
            sources: Vec::new(),
            categories: Vec::new(),
            ids: Vec::new(),
            count: PRACTICE_QUESTIONS,
            seed,
            feedback: Feedback::Immediate,
            time_limit_secs: None,
            pass_mark_pct: DEFAULT_PASS_MARK_PCT,
        }
    }

    pub fn exam(lang: Lang, seed: u64) -> QuizSpec {
        QuizSpec {
            mode: QuizMode::Exam,
            count: EXAM_QUESTIONS,
            feedback: Feedback::Deferred,
            time_limit_secs: Some(EXAM_MINUTES * 60.0),
            ..QuizSpec::practice(lang, seed)
        }
    }

    /// The due questions, most overdue first.
    pub fn review(lang: Lang, ids: Vec<String>, seed: u64) -> QuizSpec {
        QuizSpec { mode: QuizMode::Review, count: ids.len().min(EXAM_QUESTIONS), ids, ..QuizSpec::practice(lang, seed) }
    }
}

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum SpecError {
    #[error("no quiz bank {}; known: {}, {GENERATED}", Quoted(.name), known.join(", "))]
    UnknownSource { name: String, known: Vec<String> },
}

/// Every question the spec may draw from, canonical (options as written), in a
/// stable order: banks by id, then the generated questions.
pub fn pool(course: &Course, spec: &QuizSpec) -> Result<Vec<QuizItem>, SpecError> {
    for name in &spec.sources {
        if name != GENERATED && !course.quiz_banks.iter().any(|b| &b.id == name) {
            let known = course.quiz_banks.iter().map(|b| b.id.clone()).collect();
            return Err(SpecError::UnknownSource { name: name.clone(), known });
        }
    }
    // A review looks in every source and language, so a question missed anywhere can come back.
    let review = !spec.ids.is_empty();
    let wanted = |name: &str, lang: Lang| {
        if review {
            true
        } else if spec.sources.is_empty() {
            lang == spec.lang
        } else {
            spec.sources.iter().any(|s| s == name)
        }
    };
    let mut items: Vec<QuizItem> = course
        .quiz_banks
        .iter()
        .filter(|bank| wanted(&bank.id, bank.lang))
        .flat_map(|bank| bank.questions.iter().map(|q| super::canonical(&bank.id, q)))
        .collect();
    // Generated questions are written in the spec's language, a review's too:
    // the same ids in either, so a fact missed in any language comes back in the reader's.
    if wanted(GENERATED, spec.lang) {
        items.extend(generate::generate(course, spec.lang));
    }
    Ok(items)
}

/// The questions of an attempt, shuffled by the spec's seed: the same spec on
/// the same content gives the same questions with the same option order.
pub fn build(course: &Course, spec: &QuizSpec) -> Result<Vec<QuizItem>, SpecError> {
    Ok(pick(&pool(course, spec)?, spec))
}

/// The attempt's questions from an already built `pool` (so `verify` builds it once).
pub fn pick(pool: &[QuizItem], spec: &QuizSpec) -> Vec<QuizItem> {
    let mut draws = Draws::new(spec.seed);
    if spec.ids.is_empty() {
        return draw_from(pool, &spec.categories, spec.count, &mut draws);
    }
    spec.ids
        .iter()
        .filter_map(|id| pool.iter().find(|q| &q.id == id))
        .take(spec.count)
        .map(|q| shuffle_options(q, &mut draws))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::ItemKind;
    use std::path::Path;

    fn course() -> Course {
        Course::load(&[], Path::new(env!("CARGO_MANIFEST_DIR")))
    }

    #[test]
    fn a_seeded_exam_replays_identically() {
        let course = course();
        let spec = QuizSpec::exam(Lang::Zh, 2026);
        let a = build(&course, &spec).unwrap();
        assert_eq!(a.len(), EXAM_QUESTIONS);
        assert_eq!(a, build(&course, &spec).unwrap(), "same questions, same option order");
        assert_ne!(a, build(&course, &QuizSpec { seed: 2027, ..spec.clone() }).unwrap());
        assert!(a.iter().all(|q| q.bank == GENERATED || course.quiz_banks.iter().any(|b| b.id == q.bank && b.lang == Lang::Zh)));
    }

    #[test]
    fn generated_questions_have_their_options_shuffled_too() {
        let course = course();
        let spec = QuizSpec { sources: vec![GENERATED.into()], count: 1000, ..QuizSpec::practice(Lang::Zh, 3) };
        let items = build(&course, &spec).unwrap();
        let firsts = items.iter().filter(|q| matches!(q.kind, ItemKind::Single { right: 0, .. })).count();
        let singles = items.iter().filter(|q| matches!(q.kind, ItemKind::Single { .. })).count();
        assert!(singles > 10 && firsts < singles, "the right answer is not always first: {firsts}/{singles}");
    }

    #[test]
    fn a_review_asks_the_listed_questions_in_order_and_skips_vanished_ones() {
        let course = course();
        let ids = vec!["gen-thermos-500-capacity".to_string(), "no-longer-there".into(), "kpi-response-time".into()];
        let items = build(&course, &QuizSpec::review(Lang::Zh, ids, 1)).unwrap();
        let got: Vec<&str> = items.iter().map(|q| q.id.as_str()).collect();
        assert_eq!(got, ["gen-thermos-500-capacity", "kpi-response-time"]);
    }

    #[test]
    fn only_an_exam_has_a_verdict() {
        assert!(QuizMode::Exam.has_verdict());
        assert!(!QuizMode::Practice.has_verdict() && !QuizMode::Review.has_verdict());
        assert_eq!(QuizMode::Practice.score_without_verdict(70.0, Lang::Zh).as_deref(), Some("练习 · 得分 70%"));
        assert_eq!(QuizMode::Review.score_without_verdict(66.67, Lang::En).as_deref(), Some("Review · score 66.7%"));
        assert_eq!(QuizMode::Exam.score_without_verdict(70.0, Lang::Zh), None);
    }

    #[test]
    fn an_unknown_bank_is_named_with_the_known_ones() {
        let spec = QuizSpec { sources: vec!["kpj".into()], ..QuizSpec::practice(Lang::Zh, 0) };
        let error = build(&course(), &spec).unwrap_err().to_string();
        assert!(error.contains("\"kpj\"") && error.contains("kpi") && error.contains(GENERATED), "{error}");
    }
}
