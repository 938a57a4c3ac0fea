//! The ids of generated questions, spelled in one place: `quiz::generate`
//! names the questions it makes with them, and the review deck finds the
//! question that drills a fact with them, so the two cannot drift.
//!
//! Review decks and quiz records hold these ids, so their spellings are
//! written out here (`gen-policy-return-shipping-wrongitem`), never taken
//! from a Rust identifier through `Debug`.

use crate::content::raw::{FactId, ReturnReason};
use std::fmt;

/// A question made from the catalogue or the policy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GeneratedId<'a> {
    /// `gen-thermos-500-capacity`.
    Capacity { product: &'a str },
    /// `gen-thermos-500-material`.
    Material { product: &'a str },
    /// `gen-thermos-500-dispatch`.
    Dispatch { product: &'a str },
    /// `gen-hoodie-fleece-size-l` (the size in lower case).
    Size { product: &'a str, size: &'a str },
    /// `gen-backpack-20l-not-included`.
    NotIncluded { product: &'a str },
    /// `gen-policy-no-reason-days`.
    NoReasonDays,
    /// `gen-policy-return-shipping-wrongitem`.
    ReturnShipping(ReturnReason),
}

/// A return reason in a question id: the reason's name in lower case, as
/// quiz records and review decks already hold it.
fn reason_slug(reason: ReturnReason) -> &'static str {
    match reason {
        ReturnReason::NoReason => "noreason",
        ReturnReason::WrongItem => "wrongitem",
        ReturnReason::QualityProblem => "qualityproblem",
        ReturnReason::DamagedInTransit => "damagedintransit",
        ReturnReason::NotAsDescribed => "notasdescribed",
    }
}

impl fmt::Display for GeneratedId<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            GeneratedId::Capacity { product } => write!(f, "gen-{product}-capacity"),
            GeneratedId::Material { product } => write!(f, "gen-{product}-material"),
            GeneratedId::Dispatch { product } => write!(f, "gen-{product}-dispatch"),
            GeneratedId::Size { product, size } => write!(f, "gen-{product}-size-{}", size.to_lowercase()),
            GeneratedId::NotIncluded { product } => write!(f, "gen-{product}-not-included"),
            GeneratedId::NoReasonDays => f.write_str("gen-policy-no-reason-days"),
            GeneratedId::ReturnShipping(reason) => write!(f, "gen-policy-return-shipping-{}", reason_slug(*reason)),
        }
    }
}

impl<'a> GeneratedId<'a> {
    /// The generated question that drills a fact, e.g. `fact:thermos-500.capacity`
    /// → `gen-thermos-500-capacity`; `None` for facts no question drills.
    pub fn for_fact(fact: &'a FactId) -> Option<GeneratedId<'a>> {
        let rest = fact.as_str().strip_prefix("fact:")?;
        let (owner, field) = rest.split_once('.')?;
        if owner == "policy" {
            if field == "no_reason_days" {
                return Some(GeneratedId::NoReasonDays);
            }
            let reason = field.strip_prefix("return_shipping_payer(")?.strip_suffix(')')?;
            return ReturnReason::from_name(reason).map(GeneratedId::ReturnShipping);
        }
        Some(match field {
            "capacity" => GeneratedId::Capacity { product: owner },
            "material" => GeneratedId::Material { product: owner },
            "dispatch_time" => GeneratedId::Dispatch { product: owner },
            "not_included" => GeneratedId::NotIncluded { product: owner },
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::raw::{FactRef, PolicyField};

    #[test]
    fn spellings_are_the_ones_decks_and_records_hold() {
        let product = "thermos-500";
        let ids: Vec<String> = [
            GeneratedId::Capacity { product },
            GeneratedId::Material { product },
            GeneratedId::Dispatch { product },
            GeneratedId::Size { product, size: "XL" },
            GeneratedId::NotIncluded { product },
            GeneratedId::NoReasonDays,
        ]
        .iter()
        .map(ToString::to_string)
        .collect();
        assert_eq!(
            ids,
            [
                "gen-thermos-500-capacity",
                "gen-thermos-500-material",
                "gen-thermos-500-dispatch",
                "gen-thermos-500-size-xl",
                "gen-thermos-500-not-included",
                "gen-policy-no-reason-days"
            ]
        );
        let reasons: Vec<String> = ReturnReason::ALL.iter().map(|r| GeneratedId::ReturnShipping(*r).to_string()).collect();
        assert_eq!(
            reasons,
            [
                "gen-policy-return-shipping-noreason",
                "gen-policy-return-shipping-wrongitem",
                "gen-policy-return-shipping-qualityproblem",
                "gen-policy-return-shipping-damagedintransit",
                "gen-policy-return-shipping-notasdescribed"
            ]
        );
    }

    #[test]
    fn a_fact_finds_its_question() {
        for reason in ReturnReason::ALL {
            let fact = FactRef::Policy { field: PolicyField::ReturnShippingPayer(reason), courier: None }.id();
            assert_eq!(GeneratedId::for_fact(&fact), Some(GeneratedId::ReturnShipping(reason)));
        }
        let fact = FactId::saved("fact:thermos-500.dispatch_time");
        assert_eq!(GeneratedId::for_fact(&fact).map(|q| q.to_string()).as_deref(), Some("gen-thermos-500-dispatch"));
        assert_eq!(GeneratedId::for_fact(&FactId::saved("fact:thermos-500.price")), None);
    }
}
