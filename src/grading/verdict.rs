//! Why a session passed or failed, in the trainee's words: the total against
//! the pass mark, every critical failure, and the buyer's outcome. A score of
//! 82 that fails must say why; the app and the reports show these lines. A
//! session the trainee ended has no verdict and says so.

use super::finding::Dimension;
use super::session::{SessionGrade, Standing};
use crate::content::raw::{Lang, Outcome};
use crate::i18n::Msg;

/// One reason behind the verdict.
#[derive(Debug, Clone, PartialEq)]
pub enum Reason {
    /// The total against the pass mark (met or not).
    Total { total: f64, pass_mark: f64, met: bool },
    /// A critical finding (a platform rule or a rubric's critical condition), by its label.
    Critical(String),
    /// The buyer's outcome; only converted or resolved passes.
    Outcome { outcome: Outcome, met: bool },
    /// The trainee ended the session: no verdict, the one reason shown.
    Abandoned,
}

impl Reason {
    /// Whether this reason counts against passing.
    pub fn fails(&self) -> bool {
        match self {
            Reason::Total { met, .. } | Reason::Outcome { met, .. } => !met,
            Reason::Critical(_) => true,
            Reason::Abandoned => false,
        }
    }

    /// The reason as a sentence in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        match self {
            Reason::Total { total, pass_mark, met } => {
                let msg = if *met { Msg::ReasonTotalMet } else { Msg::ReasonTotalBelow };
                msg.fill(lang, &[("total", &format!("{total:.1}")), ("pass_mark", &format!("{pass_mark:.0}"))])
            }
            Reason::Critical(label) => Msg::ReasonCritical.fill(lang, &[("label", label)]),
            Reason::Outcome { outcome, met } => {
                let msg = if *met { Msg::ReasonOutcome } else { Msg::ReasonOutcomeNotMet };
                msg.fill(lang, &[("outcome", &crate::i18n::outcome(*outcome).get(lang))])
            }
            Reason::Abandoned => Msg::ReasonAbandoned.get(lang).to_string(),
        }
    }
}

/// A dimension's name as the trainee reads it.
pub fn dimension_label(dimension: Dimension) -> Msg {
    match dimension {
        Dimension::Accuracy => Msg::DimensionAccuracy,
        Dimension::Steps => Msg::DimensionSteps,
        Dimension::Tone => Msg::DimensionTone,
        Dimension::Speed => Msg::DimensionSpeed,
        Dimension::Actions => Msg::DimensionActions,
        Dimension::Rules => Msg::DimensionRules,
    }
}

/// The standing as a word: 合格, 不合格, 已中止.
pub fn standing_label(standing: Standing) -> Msg {
    match standing {
        Standing::Passed => Msg::Passed,
        Standing::Failed => Msg::Failed,
        Standing::Abandoned => Msg::Abandoned,
    }
}

/// The critical rules that failed, each once and in order: a rubric's
/// condition "did X" names the same failure as rule X, so it is left out when
/// X itself failed. The app's reasons and the report's list both use this, so
/// they never disagree on how many critical failures there were.
pub fn distinct_critical<'a>(rules: &[&'a str]) -> Vec<&'a str> {
    let restates = |rule: &str| rules.iter().any(|other| crate::grading::RuleId::critical(&crate::content::raw::Condition::Did(other.to_string())) == rule);
    let mut seen = std::collections::BTreeSet::new();
    rules.iter().copied().filter(|rule| !restates(rule) && seen.insert(*rule)).collect()
}

/// Every reason behind the verdict, failing ones first. `label` names a
/// critical rule (a lexicon label) in the trainee's language. A session the
/// trainee ended has one reason: it was ended, so it was not judged.
pub fn reasons(grade: &SessionGrade, label: impl Fn(&str) -> String) -> Vec<Reason> {
    if grade.abandoned {
        return vec![Reason::Abandoned];
    }
    let mut reasons = vec![Reason::Total { total: grade.total, pass_mark: grade.pass_mark, met: grade.total >= grade.pass_mark }];
    let rules: Vec<&str> = grade.critical_failures.iter().map(String::as_str).collect();
    reasons.extend(distinct_critical(&rules).into_iter().map(|rule| Reason::Critical(label(rule))));
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

    #[test]
    fn a_rubric_condition_that_restates_a_failed_rule_is_one_failure() {
        let did = crate::grading::RuleId::critical(&crate::content::raw::Condition::Did("off_platform".into())).to_string();
        assert_eq!(distinct_critical(&[&did, "off_platform", "off_platform", "review_inducement"]), vec!["off_platform", "review_inducement"]);
        // Alone, the rubric's condition is the failure and is kept.
        assert_eq!(distinct_critical(&[&did]), vec![did.as_str()]);
    }

    #[test]
    fn an_ended_session_is_neither_passed_nor_failed() {
        let grade = crate::grading::session::grade_abandoned(&[], 2);
        assert_eq!(grade.standing(), Standing::Abandoned);
        let reasons = reasons(&grade, |rule| rule.to_string());
        assert_eq!(reasons, vec![Reason::Abandoned]);
        assert!(!reasons[0].fails());
        assert!(reasons[0].text(Lang::Zh).contains("提前结束"), "{}", reasons[0].text(Lang::Zh));
    }
}
