//! Marking one answer. Choices are answered by their text (so a shuffled order
//! cannot confuse a scripted answers file). Fill-ins are compared after the same
//! normalisation as replies (width, Traditional, numerals), ignoring spaces and
//! punctuation; numbers within the tolerance, with or without the unit.
//!
//! Multiple choice earns partial credit: (right options picked − wrong options
//! picked) / right options, never below 0. Picking everything earns nothing extra.

use super::{ItemKind, QuizItem};
use crate::text::normalize;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Answer {
    /// The text of the chosen option (single choice).
    Choice(String),
    /// The texts of the chosen options (multiple choice).
    Choices(Vec<String>),
    Bool(bool),
    /// Typed text: a fill-in, or a number with or without its unit ("16", "16元", "十六元").
    Text(String),
    Number(f64),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mark {
    /// 0..=1.
    pub score: f64,
    pub right: bool,
    /// The right answer, for feedback.
    pub expected: String,
}

/// An answer as a person reads it: the option texts, true/false, the typed text.
pub fn answer_text(answer: &Answer) -> String {
    match answer {
        Answer::Choice(text) | Answer::Text(text) => text.clone(),
        Answer::Choices(texts) => texts.join(" / "),
        Answer::Bool(value) => value.to_string(),
        Answer::Number(value) => value.to_string(),
    }
}

/// An answer or expected value as shown to a person in `lang`: true/false
/// become 对/错 (True/False); everything else is already text.
pub fn shown(item: &QuizItem, text: &str, lang: crate::content::raw::Lang) -> String {
    use crate::content::raw::Lang;
    if !matches!(item.kind, ItemKind::TrueFalse { .. }) {
        return text.to_string();
    }
    match (text, lang) {
        ("true", Lang::Zh) => "对".into(),
        ("false", Lang::Zh) => "错".into(),
        ("true", Lang::En) => "True".into(),
        ("false", Lang::En) => "False".into(),
        _ => text.to_string(),
    }
}

/// Text as compared for fill-ins: normalised, without spaces and punctuation
/// (a dot stays only as a decimal point, before a digit).
fn key(text: &str) -> String {
    let normalized = normalize(text).text;
    let chars: Vec<char> = normalized.chars().collect();
    chars
        .iter()
        .enumerate()
        .filter(|(i, c)| c.is_alphanumeric() || **c == '%' || (**c == '.' && chars.get(i + 1).is_some_and(|n| n.is_ascii_digit())))
        .map(|(_, c)| *c)
        .collect()
}

/// The first number in typed text, after numerals became digits.
fn number_in(text: &str) -> Option<f64> {
    let normalized = normalize(text).text;
    let start = normalized.find(|c: char| c.is_ascii_digit() || c == '-')?;
    let rest = &normalized[start..];
    let end = rest
        .char_indices()
        .skip(1)
        .find(|(_, c)| !(c.is_ascii_digit() || *c == '.'))
        .map(|(i, _)| i)
        .unwrap_or(rest.len());
    rest[..end].trim_end_matches('.').parse().ok()
}

/// The right answer as text: the right option(s), true/false, the first
/// accepted fill-in, or the number with its unit.
pub fn expected(item: &QuizItem) -> String {
    match &item.kind {
        ItemKind::Single { options, right } => options.get(*right).cloned().unwrap_or_default(),
        ItemKind::Multiple { options, right } => right.iter().filter_map(|i| options.get(*i).cloned()).collect::<Vec<_>>().join(" / "),
        ItemKind::TrueFalse { answer } => answer.to_string(),
        ItemKind::FillIn { answers } => answers.first().cloned().unwrap_or_default(),
        ItemKind::Numeric { answer, unit, .. } => format!("{answer} {unit}"),
    }
}

pub fn mark(item: &QuizItem, answer: &Answer) -> Mark {
    let score = match (&item.kind, answer) {
        (ItemKind::Single { options, right }, Answer::Choice(text)) => {
            options.get(*right).is_some_and(|expected| key(text) == key(expected)) as u8 as f64
        }
        (ItemKind::Multiple { options, right }, Answer::Choices(picked)) => {
            let right_texts: Vec<String> = right.iter().filter_map(|i| options.get(*i)).map(|o| key(o)).collect();
            let picked: std::collections::BTreeSet<String> = picked.iter().map(|p| key(p)).collect();
            let hits = picked.iter().filter(|p| right_texts.contains(p)).count() as f64;
            let misses = picked.len() as f64 - hits;
            ((hits - misses) / right_texts.len().max(1) as f64).clamp(0.0, 1.0)
        }
        (ItemKind::TrueFalse { answer: truth }, Answer::Bool(given)) => (truth == given) as u8 as f64,
        (ItemKind::FillIn { answers }, Answer::Text(text)) => {
            let given = key(text);
            (!given.is_empty() && answers.iter().any(|a| key(a) == given)) as u8 as f64
        }
        (ItemKind::Numeric { answer, tolerance, .. }, given) => {
            let value = match given {
                Answer::Number(n) => Some(*n),
                Answer::Text(text) => number_in(text),
                _ => None,
            };
            value.is_some_and(|v| (v - answer).abs() <= tolerance + 1e-9) as u8 as f64
        }
        // An answer of the wrong kind (a scripted file's mistake) scores nothing.
        _ => 0.0,
    };
    Mark { score, right: score >= 1.0 - 1e-9, expected: expected(item) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(kind: ItemKind) -> QuizItem {
        QuizItem { id: "q".into(), bank: "b".into(), category: "c".into(), prompt: "?".into(), kind, explain: String::new() }
    }

    #[test]
    fn fill_ins_survive_width_traditional_numerals_and_punctuation() {
        let q = item(ItemKind::FillIn { answers: vec!["5秒".into()] });
        for given in ["5秒", "５秒", "五秒", " 5 秒。"] {
            assert!(mark(&q, &Answer::Text(given.into())).right, "{given}");
        }
        assert!(!mark(&q, &Answer::Text("6秒".into())).right);
        let q = item(ItemKind::FillIn { answers: vec!["运费险".into()] });
        assert!(mark(&q, &Answer::Text("運費險".into())).right);
    }

    #[test]
    fn numbers_within_tolerance_with_or_without_units() {
        let q = item(ItemKind::Numeric { answer: 54.09, tolerance: 0.01, unit: "元".into() });
        for given in ["54.09", "54.1元", "¥54.09"] {
            assert!(mark(&q, &Answer::Text(given.into())).right, "{given}");
        }
        assert!(mark(&q, &Answer::Number(54.085)).right);
        assert!(!mark(&q, &Answer::Text("54.2元".into())).right);
        let q = item(ItemKind::Numeric { answer: 16.0, tolerance: 0.0, unit: "元".into() });
        assert!(mark(&q, &Answer::Text("十六元".into())).right);
        // Rates as said aloud: 千分之二 is 2 ‰, 百分之五 is 5 %.
        let q = item(ItemKind::Numeric { answer: 2.0, tolerance: 0.0, unit: "‰".into() });
        for given in ["千分之二", "2‰", "千分之2", "２"] {
            assert!(mark(&q, &Answer::Text(given.into())).right, "{given}");
        }
        let q = item(ItemKind::Numeric { answer: 5.0, tolerance: 0.0, unit: "%".into() });
        assert!(mark(&q, &Answer::Text("百分之五".into())).right);
    }

    #[test]
    fn multiple_choice_partial_credit() {
        let q = item(ItemKind::Multiple { options: vec!["a".into(), "b".into(), "c".into(), "d".into()], right: vec![0, 1] });
        let score = |picked: &[&str]| mark(&q, &Answer::Choices(picked.iter().map(|s| s.to_string()).collect())).score;
        assert_eq!(score(&["a", "b"]), 1.0);
        assert_eq!(score(&["a"]), 0.5);
        assert_eq!(score(&["a", "c"]), 0.0);
        assert_eq!(score(&["a", "b", "c", "d"]), 0.0, "picking everything earns nothing");
    }

    #[test]
    fn true_and_false_are_shown_in_words_only_for_true_false_questions() {
        use crate::content::raw::Lang;
        let truth = item(ItemKind::TrueFalse { answer: false });
        assert_eq!(shown(&truth, &mark(&truth, &Answer::Bool(true)).expected, Lang::Zh), "错");
        assert_eq!(shown(&truth, "true", Lang::En), "True");
        let typed = item(ItemKind::FillIn { answers: vec!["true".into()] });
        assert_eq!(shown(&typed, "true", Lang::Zh), "true");
    }
}
