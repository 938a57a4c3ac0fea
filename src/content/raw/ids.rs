//! Stable names: `FactId`, and the spelled name of every content enum that
//! reaches a saved record, an id or a report.
//!
//! Records saved by earlier versions contain these spellings (rule ids such as
//! `fact:policy.return_shipping_payer(WrongItem)`, `action:Resend`, an outcome
//! `Resolved` in a CSV), so they are written out here by hand, never taken from
//! a Rust identifier through `Debug`: renaming a variant must not change saved
//! data. Each enum's `#[serde(rename)]` spells the same name; the tests below
//! pin both, and `tests/saved_records.rs` reads records written by earlier
//! versions.

use crate::text::Quoted;
use super::common::Lang;
use super::policy::ReturnReason;
use super::lexicon::LexiconKind;
use super::scenario::{Action, ActionKind, Category, Condition, FactRef, Outcome, PolicyField, ProductField, ToneBand};
use serde::{Deserialize, Serialize};
use std::fmt;

/// A fact's id in findings, fact results and conditions:
/// `fact:thermos-500.capacity`, `fact:thermos-500.other(保温时长)`,
/// `fact:policy.return_shipping_payer(WrongItem)`. Built from a `FactRef`
/// (`FactRef::id`) or read back from a record; saved as the plain string.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct FactId(String);

impl FactId {
    /// An id as a record or a condition spells it (read back, not built).
    pub fn saved(id: impl Into<String>) -> FactId {
        FactId(id.into())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for FactId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::ops::Deref for FactId {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl std::borrow::Borrow<str> for FactId {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl PartialEq<str> for FactId {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl PartialEq<&str> for FactId {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

impl PartialEq<String> for FactId {
    fn eq(&self, other: &String) -> bool {
        &self.0 == other
    }
}

impl FactRef {
    /// The fact's id (the SKU or courier it is narrowed to is not part of it).
    pub fn id(&self) -> FactId {
        match self {
            FactRef::Spec { product, field, .. } => FactId(format!("fact:{product}.{}", field.name())),
            FactRef::Policy { field, .. } => FactId(format!("fact:policy.{}", field.name())),
        }
    }
}

impl ProductField {
    /// Every field but `Other(..)` (whose names come from each product's specs).
    pub const FIXED: [ProductField; 15] = [
        ProductField::Capacity,
        ProductField::Material,
        ProductField::Dimensions,
        ProductField::Weight,
        ProductField::Price,
        ProductField::Stock,
        ProductField::ShipsFrom,
        ProductField::DispatchTime,
        ProductField::Warranty,
        ProductField::Included,
        ProductField::NotIncluded,
        ProductField::SizeChart,
        ProductField::SellingPoints,
        ProductField::Colours,
        ProductField::Care,
    ];

    /// As content files and fact ids spell it: `dispatch_time`, `other(保温时长)`.
    pub fn name(&self) -> std::borrow::Cow<'static, str> {
        let name = match self {
            ProductField::Capacity => "capacity",
            ProductField::Material => "material",
            ProductField::Dimensions => "dimensions",
            ProductField::Weight => "weight",
            ProductField::Price => "price",
            ProductField::Stock => "stock",
            ProductField::ShipsFrom => "ships_from",
            ProductField::DispatchTime => "dispatch_time",
            ProductField::Warranty => "warranty",
            ProductField::Included => "included",
            ProductField::NotIncluded => "not_included",
            ProductField::SizeChart => "size_chart",
            ProductField::SellingPoints => "selling_points",
            ProductField::Colours => "colours",
            ProductField::Care => "care",
            ProductField::Other(spec) => return format!("other({spec})").into(),
        };
        name.into()
    }
}

impl PolicyField {
    /// Every field but `ReturnShippingPayer(..)` (one per `ReturnReason::ALL`).
    pub const FIXED: [PolicyField; 11] = [
        PolicyField::NoReasonDays,
        PolicyField::RefundWithin,
        PolicyField::DispatchWithin,
        PolicyField::SameDayCutoff,
        PolicyField::ShippingInsurance,
        PolicyField::CourierCoverage,
        PolicyField::CourierTransit,
        PolicyField::CancellationRefundWithin,
        PolicyField::CouponValues,
        PolicyField::MaxDiscount,
        PolicyField::MaxCompensation,
    ];

    /// As content files and fact ids spell it: `refund_within`,
    /// `return_shipping_payer(WrongItem)`.
    pub fn name(&self) -> std::borrow::Cow<'static, str> {
        let name = match self {
            PolicyField::NoReasonDays => "no_reason_days",
            PolicyField::ReturnShippingPayer(reason) => return format!("return_shipping_payer({})", reason.name()).into(),
            PolicyField::RefundWithin => "refund_within",
            PolicyField::DispatchWithin => "dispatch_within",
            PolicyField::SameDayCutoff => "same_day_cutoff",
            PolicyField::ShippingInsurance => "shipping_insurance",
            PolicyField::CourierCoverage => "courier_coverage",
            PolicyField::CourierTransit => "courier_transit",
            PolicyField::CancellationRefundWithin => "cancellation_refund_within",
            PolicyField::CouponValues => "coupon_values",
            PolicyField::MaxDiscount => "max_discount",
            PolicyField::MaxCompensation => "max_compensation",
        };
        name.into()
    }
}

impl ReturnReason {
    pub const ALL: [ReturnReason; 5] = [
        ReturnReason::NoReason,
        ReturnReason::WrongItem,
        ReturnReason::QualityProblem,
        ReturnReason::DamagedInTransit,
        ReturnReason::NotAsDescribed,
    ];

    /// As policies and fact ids spell it: `WrongItem`.
    pub fn name(self) -> &'static str {
        match self {
            ReturnReason::NoReason => "NoReason",
            ReturnReason::WrongItem => "WrongItem",
            ReturnReason::QualityProblem => "QualityProblem",
            ReturnReason::DamagedInTransit => "DamagedInTransit",
            ReturnReason::NotAsDescribed => "NotAsDescribed",
        }
    }

    /// The reason a name spells, as read back from a fact id.
    pub fn from_name(name: &str) -> Option<ReturnReason> {
        ReturnReason::ALL.into_iter().find(|r| r.name() == name)
    }
}

impl ActionKind {
    pub const ALL: [ActionKind; 8] = [
        ActionKind::Refund,
        ActionKind::Resend,
        ActionKind::ChangeAddress,
        ActionKind::Coupon,
        ActionKind::Discount,
        ActionKind::Compensate,
        ActionKind::CancelOrder,
        ActionKind::Escalate,
    ];

    /// As content files and action rule ids (`action:Resend`) spell it.
    pub fn name(self) -> &'static str {
        match self {
            ActionKind::Refund => "Refund",
            ActionKind::Resend => "Resend",
            ActionKind::ChangeAddress => "ChangeAddress",
            ActionKind::Coupon => "Coupon",
            ActionKind::Discount => "Discount",
            ActionKind::Compensate => "Compensate",
            ActionKind::CancelOrder => "CancelOrder",
            ActionKind::Escalate => "Escalate",
        }
    }
}

impl LexiconKind {
    /// As lexicon files spell it: `Steps`, `Tone`, `PlatformRules`.
    pub fn name(self) -> &'static str {
        match self {
            LexiconKind::Steps => "Steps",
            LexiconKind::Tone => "Tone",
            LexiconKind::PlatformRules => "PlatformRules",
        }
    }
}

/// An order action as a content file writes it: `Refund(amount: 59)`,
/// `Resend(sku: "thermos-500-white")`, `CancelOrder` (for diagnostics).
impl fmt::Display for Action {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = self.kind().name();
        match self {
            Action::Refund { amount } | Action::Discount { amount } | Action::Compensate { amount } => write!(f, "{name}(amount: {amount})"),
            Action::Coupon { value } => write!(f, "{name}(value: {value})"),
            Action::Resend { sku } => write!(f, "{name}(sku: {})", Quoted(sku)),
            Action::ChangeAddress { to } => write!(f, "{name}(to: {})", Quoted(to)),
            Action::CancelOrder | Action::Escalate => f.write_str(name),
        }
    }
}

impl Outcome {
    pub const ALL: [Outcome; 4] = [Outcome::Converted, Outcome::Resolved, Outcome::Lost, Outcome::Escalated];

    /// As records, CSV, HTML and xAPI spell it: `Resolved`.
    pub fn name(self) -> &'static str {
        match self {
            Outcome::Converted => "Converted",
            Outcome::Resolved => "Resolved",
            Outcome::Lost => "Lost",
            Outcome::Escalated => "Escalated",
        }
    }
}

impl fmt::Display for Outcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl Category {
    /// As content files and the CSV summary spell it: `AfterSale`.
    pub fn name(self) -> &'static str {
        match self {
            Category::PreSale => "PreSale",
            Category::InSale => "InSale",
            Category::AfterSale => "AfterSale",
            Category::PaymentReminder => "PaymentReminder",
            Category::Logistics => "Logistics",
            Category::Complaint => "Complaint",
            Category::Privacy => "Privacy",
            Category::RegularCustomer => "RegularCustomer",
        }
    }
}

impl ToneBand {
    pub const ALL: [ToneBand; 5] = [ToneBand::Rude, ToneBand::Curt, ToneBand::Neutral, ToneBand::Polite, ToneBand::Warm];

    /// As records and the per-reply CSV spell it: `Polite`.
    pub fn name(self) -> &'static str {
        match self {
            ToneBand::Rude => "Rude",
            ToneBand::Curt => "Curt",
            ToneBand::Neutral => "Neutral",
            ToneBand::Polite => "Polite",
            ToneBand::Warm => "Warm",
        }
    }
}

impl fmt::Display for ToneBand {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl Lang {
    /// `zh` or `en`: records, CSV and xAPI language tags.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A condition as a critical-item rule id spells it after `critical:`, in the
/// shape content files write it: `Did("off_platform")`, `ToneBelow(Polite)`,
/// `All([Missed("apologise"), WrongFact])`. Lexicon ids are quoted as Rust
/// quotes a string (ids are limited to a plain charset by `kefu check`).
impl fmt::Display for Condition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let list = |f: &mut fmt::Formatter<'_>, name: &str, all: &[Condition]| {
            write!(f, "{name}([")?;
            for (index, condition) in all.iter().enumerate() {
                if index > 0 {
                    f.write_str(", ")?;
                }
                write!(f, "{condition}")?;
            }
            f.write_str("])")
        };
        match self {
            Condition::Did(id) => write!(f, "Did({})", Quoted(id)),
            Condition::Missed(id) => write!(f, "Missed({})", Quoted(id)),
            Condition::WrongFact => f.write_str("WrongFact"),
            Condition::MissingFact => f.write_str("MissingFact"),
            Condition::ToneBelow(band) => write!(f, "ToneBelow({band})"),
            Condition::ToneAtLeast(band) => write!(f, "ToneAtLeast({band})"),
            Condition::Timeout => f.write_str("Timeout"),
            Condition::Acted(kind) => write!(f, "Acted({})", kind.name()),
            Condition::Already(id) => write!(f, "Already({})", Quoted(id)),
            Condition::AlreadyActed(kind) => write!(f, "AlreadyActed({})", kind.name()),
            Condition::All(all) => list(f, "All", all),
            Condition::Any(any) => list(f, "Any", any),
            Condition::Not(inner) => write!(f, "Not({inner})"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The name serde writes for a unit variant (or a newtype's tag).
    fn serde_name(value: &impl Serialize) -> String {
        match serde_json::to_value(value).expect("serialises") {
            serde_json::Value::String(name) => name,
            serde_json::Value::Object(map) => map.keys().next().cloned().unwrap_or_default(),
            other => other.to_string(),
        }
    }

    #[test]
    fn names_are_pinned_and_serde_agrees() {
        let kinds: Vec<&str> = ActionKind::ALL.iter().map(|k| k.name()).collect();
        assert_eq!(kinds, ["Refund", "Resend", "ChangeAddress", "Coupon", "Discount", "Compensate", "CancelOrder", "Escalate"]);
        let outcomes: Vec<&str> = Outcome::ALL.iter().map(|o| o.name()).collect();
        assert_eq!(outcomes, ["Converted", "Resolved", "Lost", "Escalated"]);
        let bands: Vec<&str> = ToneBand::ALL.iter().map(|b| b.name()).collect();
        assert_eq!(bands, ["Rude", "Curt", "Neutral", "Polite", "Warm"]);
        let reasons: Vec<&str> = ReturnReason::ALL.iter().map(|r| r.name()).collect();
        assert_eq!(reasons, ["NoReason", "WrongItem", "QualityProblem", "DamagedInTransit", "NotAsDescribed"]);
        let categories: Vec<&str> = Category::ALL.iter().map(|c| c.name()).collect();
        assert_eq!(
            categories,
            ["PreSale", "InSale", "AfterSale", "PaymentReminder", "Logistics", "Complaint", "Privacy", "RegularCustomer"]
        );
        for kind in ActionKind::ALL {
            assert_eq!(serde_name(&kind), kind.name());
        }
        for outcome in Outcome::ALL {
            assert_eq!(serde_name(&outcome), outcome.name());
        }
        for band in ToneBand::ALL {
            assert_eq!(serde_name(&band), band.name());
        }
        for reason in ReturnReason::ALL {
            assert_eq!(serde_name(&reason), reason.name());
            assert_eq!(ReturnReason::from_name(reason.name()), Some(reason));
        }
        for category in Category::ALL {
            assert_eq!(serde_name(&category), category.name());
        }
        for lang in [Lang::Zh, Lang::En] {
            assert_eq!(serde_name(&lang), lang.code());
        }
    }

    #[test]
    fn field_names_match_the_content_files() {
        for field in &ProductField::FIXED {
            assert_eq!(serde_name(field), field.name());
        }
        for field in &PolicyField::FIXED {
            assert_eq!(serde_name(field), field.name());
        }
        assert_eq!(ProductField::Other("保温时长".into()).name(), "other(保温时长)");
        assert_eq!(serde_name(&ProductField::Other("x".into())), "other");
        assert_eq!(serde_name(&PolicyField::ReturnShippingPayer(ReturnReason::WrongItem)), "return_shipping_payer");
    }

    #[test]
    fn fact_ids_keep_the_spellings_records_hold() {
        let spec = |field| FactRef::Spec { product: "thermos-500".into(), field, sku: Some("thermos-500-white".into()) };
        assert_eq!(spec(ProductField::Capacity).id(), "fact:thermos-500.capacity");
        assert_eq!(spec(ProductField::DispatchTime).id(), "fact:thermos-500.dispatch_time");
        assert_eq!(spec(ProductField::Other("保温时长".into())).id(), "fact:thermos-500.other(保温时长)");
        let policy = |field| FactRef::Policy { field, courier: Some("sf".into()) };
        assert_eq!(policy(PolicyField::RefundWithin).id(), "fact:policy.refund_within");
        assert_eq!(
            policy(PolicyField::ReturnShippingPayer(ReturnReason::WrongItem)).id(),
            "fact:policy.return_shipping_payer(WrongItem)"
        );
    }

    #[test]
    fn actions_are_spelled_as_content_writes_them() {
        for action in [Action::Refund { amount: 59.0 }, Action::Coupon { value: 9.9 }, Action::Resend { sku: "cup-white".into() }, Action::CancelOrder] {
            let read: Action = ron::from_str(&action.to_string()).expect("content syntax");
            assert_eq!(read, action);
        }
        assert_eq!(Action::Refund { amount: 59.0 }.to_string(), "Refund(amount: 59)");
        for kind in [LexiconKind::Steps, LexiconKind::Tone, LexiconKind::PlatformRules] {
            assert_eq!(serde_name(&kind), kind.name());
        }
    }

    #[test]
    fn conditions_are_spelled_as_content_writes_them() {
        let condition = Condition::All(vec![
            Condition::Missed("apologise".into()),
            Condition::WrongFact,
            Condition::Not(Box::new(Condition::AlreadyActed(ActionKind::Resend))),
            Condition::Any(vec![Condition::ToneBelow(ToneBand::Polite), Condition::Timeout]),
        ]);
        let spelled = r#"All([Missed("apologise"), WrongFact, Not(AlreadyActed(Resend)), Any([ToneBelow(Polite), Timeout])])"#;
        assert_eq!(condition.to_string(), spelled);
        // The spelling records hold is also what a content file says.
        let read: Condition = ron::from_str(spelled).expect("content syntax");
        assert_eq!(read, condition);
    }
}
