//! Quiz banks as written: questions of five types, each with an explanation.

use super::common::Lang;
use serde::{Deserialize, Serialize};

/// `QuizBank(id: ..., categories: [...], questions: [...])`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct QuizBank {
    pub id: String,
    pub title: super::common::Text,
    pub lang: Lang,
    /// The categories questions may use; a typo in a question's category is then an error, not a new category.
    pub categories: Vec<String>,
    pub questions: Vec<Question>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
pub enum Question {
    /// One right option.
    Single {
        id: String,
        category: String,
        prompt: String,
        options: Vec<Choice>,
        explain: String,
    },
    /// One or more right options.
    Multiple {
        id: String,
        category: String,
        prompt: String,
        options: Vec<Choice>,
        explain: String,
    },
    TrueFalse {
        id: String,
        category: String,
        prompt: String,
        answer: bool,
        explain: String,
    },
    /// A short typed answer; any of `answers` is right after normalisation (width, Traditional, numerals).
    FillIn {
        id: String,
        category: String,
        prompt: String,
        answers: Vec<String>,
        explain: String,
    },
    /// A number, right within `tolerance`, in `unit`.
    Numeric {
        id: String,
        category: String,
        prompt: String,
        answer: f64,
        #[serde(default)]
        tolerance: Option<f64>,
        unit: String,
        explain: String,
    },
}

/// An option marked right or wrong where it is written, so nobody counts indices.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub enum Choice {
    Right(String),
    Wrong(String),
}

impl Choice {
    pub fn text(&self) -> &str {
        match self {
            Choice::Right(text) | Choice::Wrong(text) => text,
        }
    }
    pub fn is_right(&self) -> bool {
        matches!(self, Choice::Right(_))
    }
}

impl Question {
    pub fn id(&self) -> &str {
        match self {
            Question::Single { id, .. }
            | Question::Multiple { id, .. }
            | Question::TrueFalse { id, .. }
            | Question::FillIn { id, .. }
            | Question::Numeric { id, .. } => id,
        }
    }
    pub fn category(&self) -> &str {
        match self {
            Question::Single { category, .. }
            | Question::Multiple { category, .. }
            | Question::TrueFalse { category, .. }
            | Question::FillIn { category, .. }
            | Question::Numeric { category, .. } => category,
        }
    }
    pub fn prompt(&self) -> &str {
        match self {
            Question::Single { prompt, .. }
            | Question::Multiple { prompt, .. }
            | Question::TrueFalse { prompt, .. }
            | Question::FillIn { prompt, .. }
            | Question::Numeric { prompt, .. } => prompt,
        }
    }
}
