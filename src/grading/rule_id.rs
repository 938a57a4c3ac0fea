//! `RuleId`: the id a finding carries, built only by the typed constructors
//! below, so every spelling saved in a record is written out here.
//!
//! Records keep rule ids as plain strings and `verify` re-grades and compares
//! them, so a spelling must never change: `action:Resend` comes from
//! `ActionKind::name`, not from `Debug`, and renaming a Rust variant changes
//! nothing saved (`tests/saved_records.rs` holds records from earlier versions).

use crate::content::raw::{ActionKind, Condition, FactId};
use serde::{Deserialize, Serialize};
use std::fmt;

/// A finding's rule: a lexicon entry id (`apologise`), a fact id
/// (`fact:thermos-500.capacity`), a built-in rule (`speed`, `tone_baseline`),
/// an order action (`action:Resend`, `action_forbidden:Refund`,
/// `action_unneeded:Compensate`) or a critical item (`critical:Did("off_platform")`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct RuleId(String);

/// The rules the grader itself defines (no lexicon entry behind them).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Builtin {
    /// Every reply starts from a neutral tone.
    ToneBaseline,
    /// The buyer got no reply.
    NoReply,
    /// A run of capital letters (shouting).
    ShoutingCaps,
    /// Below the rubric's minimum tone band.
    ToneBelowMin,
    /// Response time.
    Speed,
    /// An order action the panel refused.
    ActionError,
}

impl Builtin {
    pub const ALL: [Builtin; 6] =
        [Builtin::ToneBaseline, Builtin::NoReply, Builtin::ShoutingCaps, Builtin::ToneBelowMin, Builtin::Speed, Builtin::ActionError];

    pub fn name(self) -> &'static str {
        match self {
            Builtin::ToneBaseline => "tone_baseline",
            Builtin::NoReply => "no_reply",
            Builtin::ShoutingCaps => "shouting_caps",
            Builtin::ToneBelowMin => "tone_below_min",
            Builtin::Speed => "speed",
            Builtin::ActionError => "action_error",
        }
    }
}

const ACTION: &str = "action:";
const ACTION_FORBIDDEN: &str = "action_forbidden:";
const ACTION_UNNEEDED: &str = "action_unneeded:";
const CRITICAL: &str = "critical:";

impl RuleId {
    /// A lexicon entry's id, as its file writes it.
    pub fn lexicon(id: &str) -> RuleId {
        RuleId(id.to_string())
    }

    pub fn fact(id: &FactId) -> RuleId {
        RuleId(id.to_string())
    }

    pub fn builtin(rule: Builtin) -> RuleId {
        RuleId(rule.name().to_string())
    }

    /// An order action the rubric expects: `action:Resend`.
    pub fn action_expected(kind: ActionKind) -> RuleId {
        RuleId(format!("{ACTION}{}", kind.name()))
    }

    /// An order action this reply point forbids: `action_forbidden:Refund`.
    pub fn action_forbidden(kind: ActionKind) -> RuleId {
        RuleId(format!("{ACTION_FORBIDDEN}{}", kind.name()))
    }

    /// Money given back that nobody needed: `action_unneeded:Compensate`.
    pub fn action_unneeded(kind: ActionKind) -> RuleId {
        RuleId(format!("{ACTION_UNNEEDED}{}", kind.name()))
    }

    /// A rubric's critical condition that held: `critical:Did("off_platform")`.
    pub fn critical(condition: &Condition) -> RuleId {
        RuleId(format!("{CRITICAL}{condition}"))
    }

    /// An id as a record spells it (read back, not built).
    pub fn saved(id: impl Into<String>) -> RuleId {
        RuleId(id.into())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// An order error (差错): refused, forbidden here, or unneeded.
    pub fn is_order_error(&self) -> bool {
        self.0 == Builtin::ActionError.name() || self.0.starts_with(ACTION_FORBIDDEN) || self.0.starts_with(ACTION_UNNEEDED)
    }

    /// The built-in rule this id spells, if it is one.
    pub fn as_builtin(&self) -> Option<Builtin> {
        Builtin::ALL.into_iter().find(|b| self.0 == b.name())
    }

    /// About an order action: expected, forbidden, unneeded or refused.
    pub fn is_action(&self) -> bool {
        [ACTION, ACTION_FORBIDDEN, ACTION_UNNEEDED].iter().any(|p| self.0.starts_with(p)) || self.0 == Builtin::ActionError.name()
    }

    /// A rubric's critical condition (not a rule to practise).
    pub fn is_critical_condition(&self) -> bool {
        self.0.starts_with(CRITICAL)
    }
}

impl fmt::Display for RuleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::ops::Deref for RuleId {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl std::borrow::Borrow<str> for RuleId {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl PartialEq<str> for RuleId {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl PartialEq<&str> for RuleId {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

impl PartialEq<String> for RuleId {
    fn eq(&self, other: &String) -> bool {
        &self.0 == other
    }
}

impl PartialEq<FactId> for RuleId {
    fn eq(&self, other: &FactId) -> bool {
        self.0 == other.as_str()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::raw::{FactRef, PolicyField, ReturnReason, ToneBand};

    #[test]
    fn spellings_are_the_ones_records_hold() {
        let names: Vec<String> = Builtin::ALL.iter().map(|b| RuleId::builtin(*b).to_string()).collect();
        assert_eq!(names, ["tone_baseline", "no_reply", "shouting_caps", "tone_below_min", "speed", "action_error"]);
        assert_eq!(RuleId::action_expected(ActionKind::ChangeAddress), "action:ChangeAddress");
        assert_eq!(RuleId::action_forbidden(ActionKind::Refund), "action_forbidden:Refund");
        assert_eq!(RuleId::action_unneeded(ActionKind::Compensate), "action_unneeded:Compensate");
        let fact = FactRef::Policy { field: PolicyField::ReturnShippingPayer(ReturnReason::WrongItem), courier: None };
        assert_eq!(RuleId::fact(&fact.id()), "fact:policy.return_shipping_payer(WrongItem)");
        let held = Condition::Any(vec![Condition::Did("off_platform".into()), Condition::ToneBelow(ToneBand::Neutral)]);
        assert_eq!(RuleId::critical(&held), r#"critical:Any([Did("off_platform"), ToneBelow(Neutral)])"#);
        assert_eq!(serde_json::to_string(&RuleId::action_expected(ActionKind::Resend)).unwrap(), "\"action:Resend\"");
    }

    #[test]
    fn order_errors_and_critical_items_are_told_apart() {
        assert!(RuleId::builtin(Builtin::ActionError).is_order_error());
        assert!(RuleId::action_forbidden(ActionKind::Refund).is_order_error());
        assert!(RuleId::action_unneeded(ActionKind::Refund).is_order_error());
        assert!(!RuleId::action_expected(ActionKind::Refund).is_order_error());
        assert!(RuleId::critical(&Condition::Timeout).is_critical_condition());
        assert!(!RuleId::lexicon("apologise").is_critical_condition());
        assert!(RuleId::action_expected(ActionKind::Refund).is_action() && !RuleId::lexicon("apologise").is_action());
        assert_eq!(RuleId::saved("speed").as_builtin(), Some(Builtin::Speed));
    }
}
