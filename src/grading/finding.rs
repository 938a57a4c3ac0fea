//! What grading says about a reply: findings, each with its rule id, the points
//! it earned out of the points it could earn, and the span of text behind it.

use super::rule_id::RuleId;
use serde::{Deserialize, Serialize};

/// The dimensions a reply is graded on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
// Variant names are spelled out: records hold them.
pub enum Dimension {
    /// Product and policy facts (产品熟悉度).
    #[serde(rename = "accuracy")]
    Accuracy,
    /// Procedure steps required and forbidden.
    #[serde(rename = "steps")]
    Steps,
    #[serde(rename = "tone")]
    Tone,
    /// Response time (响应时间).
    #[serde(rename = "speed")]
    Speed,
    /// Order actions (订单差错).
    #[serde(rename = "actions")]
    Actions,
    /// Platform rules; deductions outside the weighted dimensions.
    #[serde(rename = "rules")]
    Rules,
}

impl Dimension {
    pub const ALL: [Dimension; 6] =
        [Dimension::Accuracy, Dimension::Steps, Dimension::Tone, Dimension::Speed, Dimension::Actions, Dimension::Rules];

    /// The dimension's name as records and the command line spell it:
    /// `accuracy`, `steps`, `tone`, `speed`, `actions`, `rules` (the serde names).
    pub fn name(self) -> &'static str {
        match self {
            Dimension::Accuracy => "accuracy",
            Dimension::Steps => "steps",
            Dimension::Tone => "tone",
            Dimension::Speed => "speed",
            Dimension::Actions => "actions",
            Dimension::Rules => "rules",
        }
    }

    /// The dimension spelled `name` (see `name`).
    pub fn named(name: &str) -> Option<Dimension> {
        Dimension::ALL.into_iter().find(|d| d.name() == name)
    }

    /// The dimension's name in the HTML report's score row: `Accuracy`
    /// (records spell it in lower case, as serde writes it: `accuracy`).
    pub fn title(self) -> &'static str {
        match self {
            Dimension::Accuracy => "Accuracy",
            Dimension::Steps => "Steps",
            Dimension::Tone => "Tone",
            Dimension::Speed => "Speed",
            Dimension::Actions => "Actions",
            Dimension::Rules => "Rules",
        }
    }
}

/// Where in the agent's messages a finding comes from: the message's index in
/// the turn (or transcript, once the engine places it) and a byte range in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Span {
    pub message: usize,
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    /// A lexicon id (`apologise`), a fact (`fact:thermos-500.capacity`) or a
    /// built-in rule (`speed`, `curt`, `tone_baseline`, `action:expected` ...).
    pub rule: RuleId,
    pub dimension: Dimension,
    /// Points this finding contributes to the reply (negative for a penalty).
    pub points: f64,
    /// Points it could have contributed at best; `possible - points` were lost here.
    pub possible: f64,
    /// The text that caused it; `None` when it is about something missing.
    pub span: Option<Span>,
    /// A sentence for the trainee, in the scenario's language.
    pub explain: String,
    /// Fails the whole session.
    pub critical: bool,
}

impl Finding {
    pub fn lost(&self) -> f64 {
        (self.possible - self.points).max(0.0)
    }
}

/// Rounds to two decimals so saved grades do not carry float noise.
pub fn round2(value: f64) -> f64 {
    (value * 100.0).round() / 100.0
}

#[cfg(test)]
mod tests {
    use super::Dimension;

    /// The command line and the records spell a dimension alike.
    #[test]
    fn a_dimensions_name_is_its_saved_spelling() {
        for dimension in Dimension::ALL {
            assert_eq!(serde_json::to_value(dimension).unwrap(), serde_json::json!(dimension.name()));
            assert_eq!(Dimension::named(dimension.name()), Some(dimension));
        }
        assert_eq!(Dimension::named("Tone"), None);
    }
}
