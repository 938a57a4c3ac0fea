//! The session's grade: the weighted total of its replies, critical failures,
//! the pass mark, and the seed's KPIs (seed 000) against their thresholds.

use super::facts::FactStatus;
use super::finding::{Dimension, round2};
use super::reply::{ReplyGrade, TARGET_RESPONSE_SECS};
use crate::content::raw::{Outcome, Text};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A session passes at this total (out of 100), with no critical failure, and
/// only when the buyer's case ends converted or resolved: a buyer who leaves or
/// escalates is a failed conversation, however polite it was.
pub const PASS_MARK: f64 = 70.0;
/// Seed 000: 产品熟悉度 ≥ 80%.
pub const ACCURACY_TARGET_PCT: f64 = 80.0;
/// Seed 000: 应答比 100%.
pub const REPLY_RATIO_TARGET_PCT: f64 = 100.0;

/// One KPI against its threshold.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Kpi {
    pub id: String,
    pub label: Text,
    /// `None` when the session gave nothing to measure (no facts graded, no reply).
    pub value: Option<f64>,
    pub unit: String,
    /// e.g. "≥ 80", "< 5".
    pub target: String,
    pub met: Option<bool>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DimensionTotal {
    pub earned: f64,
    pub possible: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SessionGrade {
    /// 0..=100, the replies' scores weighted by their reply point's weight.
    pub total: f64,
    pub pass_mark: f64,
    pub passed: bool,
    /// Rule ids of critical findings; any one fails the session.
    pub critical_failures: Vec<String>,
    pub outcome: Outcome,
    pub dimensions: BTreeMap<Dimension, DimensionTotal>,
    pub kpis: Vec<Kpi>,
    /// The trainee ended the session before the buyer did (结束会话): it has no
    /// verdict, neither pass nor fail, and the replies so far keep their grades.
    /// Absent in records of sessions that ran to their end, so those records
    /// read and seal exactly as before.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub abandoned: bool,
}

/// How a session stands: what the trainee and the supervisor read first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    Passed,
    Failed,
    /// Ended by the trainee: not graded as a pass or a fail.
    Abandoned,
}

impl SessionGrade {
    pub fn standing(&self) -> Standing {
        match (self.abandoned, self.passed) {
            (true, _) => Standing::Abandoned,
            (false, true) => Standing::Passed,
            (false, false) => Standing::Failed,
        }
    }
}

/// Grades a session the trainee ended early: what was answered keeps its
/// grades, and the session has no verdict (`passed` is false, `abandoned` true).
pub fn grade_abandoned(replies: &[ReplyGrade], rounds: usize) -> SessionGrade {
    SessionGrade { passed: false, abandoned: true, ..grade_session(replies, Outcome::Lost, rounds) }
}

fn text(zh: &str, en: &str) -> Text {
    Text { zh: zh.into(), en: en.into() }
}

/// Grades a whole session from its reply grades. `rounds` counts buyer turns
/// that waited for an answer. Order errors are counted from the findings, so
/// the KPI and the findings can never disagree: a refused action, one the
/// reply point forbids, and money nobody needed (refund, compensation).
pub fn grade_session(replies: &[ReplyGrade], outcome: Outcome, rounds: usize) -> SessionGrade {
    let action_errors = replies.iter().flat_map(|r| &r.findings).filter(|f| f.rule.is_order_error()).count();
    let weight: f64 = replies.iter().map(|r| r.weight).sum();
    let total = if weight > 0.0 { replies.iter().map(|r| r.score * r.weight).sum::<f64>() / weight } else { 0.0 };
    let critical_failures: Vec<String> = replies
        .iter()
        .flat_map(|r| r.findings.iter().filter(|f| f.critical).map(|f| f.rule.to_string()))
        .collect();

    let mut dimensions: BTreeMap<Dimension, DimensionTotal> = BTreeMap::new();
    for reply in replies {
        for finding in &reply.findings {
            let entry = dimensions.entry(finding.dimension).or_insert(DimensionTotal { earned: 0.0, possible: 0.0 });
            entry.earned += finding.points * reply.weight;
            entry.possible += finding.possible * reply.weight;
        }
    }
    for total in dimensions.values_mut() {
        total.earned = round2(total.earned);
        total.possible = round2(total.possible);
    }

    let facts: Vec<FactStatus> = replies.iter().flat_map(|r| r.facts.iter().map(|f| f.status)).collect();
    let accuracy = (!facts.is_empty())
        .then(|| 100.0 * facts.iter().filter(|s| **s == FactStatus::Correct).count() as f64 / facts.len() as f64);
    let times: Vec<f64> = replies.iter().filter(|r| !r.timed_out).filter_map(|r| r.response_secs).collect();
    let first = times.first().copied();
    let average = (!times.is_empty()).then(|| times.iter().sum::<f64>() / times.len() as f64);
    let answered = replies.iter().filter(|r| !r.timed_out).count();
    let ratio = if rounds == 0 { 100.0 } else { 100.0 * answered.min(rounds) as f64 / rounds as f64 };
    let kpis = vec![
        Kpi {
            id: "product_accuracy".into(),
            label: text("产品熟悉度", "Product accuracy"),
            value: accuracy.map(round2),
            unit: "%".into(),
            target: "≥ 80".into(),
            met: accuracy.map(|a| a >= ACCURACY_TARGET_PCT),
        },
        Kpi {
            id: "first_response".into(),
            label: text("首次响应时间", "First response time"),
            value: first.map(round2),
            unit: "s".into(),
            target: "< 5".into(),
            met: first.map(|t| t < TARGET_RESPONSE_SECS),
        },
        Kpi {
            id: "average_response".into(),
            label: text("平均响应时间", "Average response time"),
            value: average.map(round2),
            unit: "s".into(),
            target: "< 5".into(),
            met: average.map(|t| t < TARGET_RESPONSE_SECS),
        },
        Kpi {
            id: "reply_ratio".into(),
            label: text("应答比", "Reply ratio"),
            value: Some(round2(ratio)),
            unit: "%".into(),
            target: "= 100".into(),
            met: Some(ratio >= REPLY_RATIO_TARGET_PCT),
        },
        Kpi {
            id: "order_errors".into(),
            label: text("订单差错", "Order errors"),
            value: Some(action_errors as f64),
            unit: "".into(),
            target: "= 0".into(),
            met: Some(action_errors == 0),
        },
    ];
    let total = round2(total);
    SessionGrade {
        total,
        pass_mark: PASS_MARK,
        passed: total >= PASS_MARK
            && critical_failures.is_empty()
            && matches!(outcome, Outcome::Converted | Outcome::Resolved),
        critical_failures,
        outcome,
        dimensions,
        kpis,
        abandoned: false,
    }
}
