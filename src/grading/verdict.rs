//! Why a session passed or failed, in the trainee's words: the total against
//! the pass mark, every critical failure, and the buyer's outcome. A score of
//! 82 that fails must say why; the app and the reports show these lines.

use super::finding::Dimension;
use super::session::SessionGrade;
use crate::content::raw::{Lang, Outcome, Text};

/// One reason behind the verdict.
#[derive(Debug, Clone, PartialEq)]
pub enum Reason {
    /// The total against the pass mark (met or not).
    Total { total: f64, pass_mark: f64, met: bool },
    /// A critical finding (a platform rule or a rubric's critical condition), by its label.
    Critical(String),
    /// The buyer's outcome; only converted or resolved passes.
    Outcome { outcome: Outcome, met: bool },
}

impl Reason {
    /// Whether this reason counts against passing.
    pub fn fails(&self) -> bool {
        match self {
            Reason::Total { met, .. } | Reason::Outcome { met, .. } => !met,
            Reason::Critical(_) => true,
        }
    }

    /// The reason as a sentence in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        let pick = |zh: String, en: String| match lang {
            Lang::Zh => zh,
            Lang::En => en,
        };
        match self {
            Reason::Total { total, pass_mark, met: true } => {
                pick(format!("总分 {total:.1},达到合格线 {pass_mark:.0}"), format!("Total {total:.1}, at or above the pass mark of {pass_mark:.0}"))
            }
            Reason::Total { total, pass_mark, met: false } => {
                pick(format!("总分 {total:.1},低于合格线 {pass_mark:.0}"), format!("Total {total:.1}, below the pass mark of {pass_mark:.0}"))
            }
            Reason::Critical(label) => {
                pick(format!("关键项不合格:{label}(一票否决)"), format!("Critical failure: {label} (fails the session on its own)"))
            }
            Reason::Outcome { outcome, met: true } => {
                let name = outcome_label(*outcome);
                pick(format!("买家结果:{}", name.zh), format!("Outcome: {}", name.en))
            }
            Reason::Outcome { outcome, met: false } => {
                let name = outcome_label(*outcome);
                pick(
                    format!("买家结果:{}(需要成交或解决问题才算合格)", name.zh),
                    format!("Outcome: {} (a pass needs the buyer converted or the problem resolved)", name.en),
                )
            }
        }
    }
}

/// The buyer's outcome as the trainee reads it.
pub fn outcome_label(outcome: Outcome) -> Text {
    let (zh, en) = match outcome {
        Outcome::Converted => ("已成交", "converted"),
        Outcome::Resolved => ("已解决", "resolved"),
        Outcome::Lost => ("买家流失", "the buyer left"),
        Outcome::Escalated => ("升级投诉", "escalated"),
    };
    Text { zh: zh.into(), en: en.into() }
}

/// A dimension's name as the trainee reads it.
pub fn dimension_label(dimension: Dimension) -> Text {
    let (zh, en) = match dimension {
        Dimension::Accuracy => ("产品准确", "Product accuracy"),
        Dimension::Steps => ("服务步骤", "Service steps"),
        Dimension::Tone => ("语气", "Tone"),
        Dimension::Speed => ("响应速度", "Speed"),
        Dimension::Actions => ("订单操作", "Order actions"),
        Dimension::Rules => ("平台规则", "Platform rules"),
    };
    Text { zh: zh.into(), en: en.into() }
}

/// Every reason behind the verdict, failing ones first. `label` names a
/// critical rule (a lexicon label) in the trainee's language.
pub fn reasons(grade: &SessionGrade, label: impl Fn(&str) -> String) -> Vec<Reason> {
    let mut reasons = vec![Reason::Total { total: grade.total, pass_mark: grade.pass_mark, met: grade.total >= grade.pass_mark }];
    let mut seen = std::collections::BTreeSet::new();
    for rule in &grade.critical_failures {
        if seen.insert(rule.as_str()) {
            reasons.push(Reason::Critical(label(rule)));
        }
    }
    let outcome_met = matches!(grade.outcome, Outcome::Converted | Outcome::Resolved);
    reasons.push(Reason::Outcome { outcome: grade.outcome, met: outcome_met });
    reasons.sort_by_key(|r| !r.fails());
    reasons
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grading::session::grade_session;

    #[test]
    fn a_high_total_that_fails_says_why() {
        let mut grade = grade_session(&[], Outcome::Escalated, 0);
        grade.total = 82.0;
        grade.critical_failures = vec!["off_platform".into(), "off_platform".into()];
        let reasons = reasons(&grade, |rule| format!("«{rule}»"));
        let failing: Vec<String> = reasons.iter().filter(|r| r.fails()).map(|r| r.text(Lang::Zh)).collect();
        assert_eq!(failing.len(), 2, "{failing:?}");
        assert!(failing[0].contains("«off_platform»"), "{failing:?}");
        assert!(failing[1].contains("升级投诉"), "{failing:?}");
        let passing = reasons.iter().find(|r| !r.fails()).unwrap().text(Lang::En);
        assert!(passing.contains("82.0") && passing.contains("70"), "{passing}");
    }
}
