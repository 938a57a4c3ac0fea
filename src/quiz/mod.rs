//! The quiz runtime (headless, deterministic): draw N questions from chosen
//! bank categories with a recorded seed, shuffle questions and options, and
//! mark answers of every type. Questions generated from the catalogue and
//! policy live in `generate`; attempts with feedback modes and timed exams in
//! `session`; spaced repetition in `review`; the typing drill in `typing`.

pub(crate) mod generate;
pub(crate) mod mark;
pub(crate) mod question_id;
pub(crate) mod review;
pub(crate) mod session;
pub(crate) mod spec;
// Only the app's typing drill scores: unused without the GUI.
#[cfg_attr(not(feature = "gui"), allow(dead_code))]
pub(crate) mod typing;

pub use mark::{Answer, Mark};
pub(crate) use mark::mark;
pub use question_id::GeneratedId;
pub use session::{QuizSession, TimedAnswer};
pub use spec::{QuizMode, QuizSpec, build};
pub use typing::phrases as typing_phrases;

use crate::content::raw::Question;
use crate::seeded::Draws;
use serde::{Deserialize, Serialize};

/// A question ready to ask: options already shuffled for this attempt.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuizItem {
    pub id: String,
    pub bank: String,
    pub category: String,
    pub prompt: String,
    pub kind: ItemKind,
    pub explain: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum ItemKind {
    Single { options: Vec<String>, right: usize },
    Multiple { options: Vec<String>, right: Vec<usize> },
    TrueFalse { answer: bool },
    FillIn { answers: Vec<String> },
    Numeric { answer: f64, tolerance: f64, unit: String },
}

fn shuffled<T: Clone>(items: &[T], draws: &mut Draws) -> Vec<T> {
    // Fisher–Yates over the seeded stream, so an attempt replays exactly.
    let mut items = items.to_vec();
    for i in (1..items.len()).rev() {
        let j = draws.index(i + 1);
        items.swap(i, j);
    }
    items
}

/// A bank question as an item with its options in the written order (the
/// canonical form that content hashes cover; attempts shuffle it).
pub fn canonical(bank: &str, question: &Question) -> QuizItem {
    let kind = match question {
        Question::Single { options, .. } | Question::Multiple { options, .. } => {
            let texts: Vec<String> = options.iter().map(|o| o.text().to_string()).collect();
            let right: Vec<usize> = options.iter().enumerate().filter(|(_, o)| o.is_right()).map(|(i, _)| i).collect();
            if matches!(question, Question::Single { .. }) {
                ItemKind::Single { options: texts, right: right.first().copied().unwrap_or(0) }
            } else {
                ItemKind::Multiple { options: texts, right }
            }
        }
        Question::TrueFalse { answer, .. } => ItemKind::TrueFalse { answer: *answer },
        Question::FillIn { answers, .. } => ItemKind::FillIn { answers: answers.clone() },
        Question::Numeric { answer, tolerance, unit, .. } => {
            ItemKind::Numeric { answer: *answer, tolerance: tolerance.unwrap_or(0.0), unit: unit.clone() }
        }
    };
    let explain = match question {
        Question::Single { explain, .. }
        | Question::Multiple { explain, .. }
        | Question::TrueFalse { explain, .. }
        | Question::FillIn { explain, .. }
        | Question::Numeric { explain, .. } => explain.clone(),
    };
    QuizItem {
        id: question.id().to_string(),
        bank: bank.to_string(),
        category: question.category().to_string(),
        prompt: question.prompt().to_string(),
        kind,
        explain,
    }
}

/// The item with its options in a seeded order (right answers follow their text).
pub(crate) fn shuffle_options(item: &QuizItem, draws: &mut Draws) -> QuizItem {
    let mut item = item.clone();
    let reorder = |options: &mut Vec<String>, draws: &mut Draws| -> Vec<usize> {
        let order = shuffled(&(0..options.len()).collect::<Vec<_>>(), draws);
        *options = order.iter().map(|&i| options[i].clone()).collect();
        order
    };
    match &mut item.kind {
        ItemKind::Single { options, right } => {
            let order = reorder(options, draws);
            *right = order.iter().position(|&i| i == *right).unwrap_or(0);
        }
        ItemKind::Multiple { options, right } => {
            let order = reorder(options, draws);
            *right = order.iter().enumerate().filter(|(_, i)| right.contains(i)).map(|(new, _)| new).collect();
        }
        _ => {}
    }
    item
}

/// Draws up to `count` distinct items of `pool` (canonical), from the given
/// categories (all when empty): questions and options shuffled with `draws`.
pub(crate) fn draw_from(pool: &[QuizItem], categories: &[String], count: usize, draws: &mut Draws) -> Vec<QuizItem> {
    let pool: Vec<&QuizItem> = pool.iter().filter(|q| categories.is_empty() || categories.contains(&q.category)).collect();
    let order = shuffled(&(0..pool.len()).collect::<Vec<_>>(), draws);
    order.into_iter().take(count).map(|i| shuffle_options(pool[i], draws)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Course;
    use crate::content::raw::QuizBank;
    use std::path::Path;

    /// Turns a bank question into an item, shuffling its options.
    fn item(bank: &str, question: &Question, draws: &mut Draws) -> QuizItem {
        shuffle_options(&canonical(bank, question), draws)
    }

    /// Draws up to `count` distinct questions from `banks`, from the given
    /// categories (all when empty), shuffled with `seed`.
    fn draw(banks: &[QuizBank], categories: &[String], count: usize, seed: u64) -> Vec<QuizItem> {
        let pool: Vec<QuizItem> = banks.iter().flat_map(|bank| bank.questions.iter().map(move |q| canonical(&bank.id, q))).collect();
        draw_from(&pool, categories, count, &mut Draws::new(seed))
    }

    fn banks() -> Vec<QuizBank> {
        Course::load(&[], Path::new(env!("CARGO_MANIFEST_DIR"))).quiz_banks
    }

    #[test]
    fn a_seeded_draw_replays_identically_and_never_repeats() {
        let banks = banks();
        let a = draw(&banks, &[], 30, 42);
        assert_eq!(a, draw(&banks, &[], 30, 42), "same seed, same questions and option order");
        assert_ne!(a, draw(&banks, &[], 30, 43));
        let mut ids: Vec<&str> = a.iter().map(|q| q.id.as_str()).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), 30, "no repeats within an attempt");
    }

    #[test]
    fn categories_filter_and_options_keep_their_right_answer() {
        let banks = banks();
        let items = draw(&banks, &["kpi".to_string()], 100, 1);
        assert!(!items.is_empty() && items.iter().all(|q| q.category == "kpi"));
        for bank in &banks {
            for question in &bank.questions {
                if let Question::Single { options, .. } = question {
                    let right_text = options.iter().find(|o| o.is_right()).unwrap().text().to_string();
                    let item = item(&bank.id, question, &mut Draws::new(9));
                    let ItemKind::Single { options, right } = item.kind else { panic!() };
                    assert_eq!(options[right], right_text, "{}", question.id());
                }
            }
        }
    }
}
