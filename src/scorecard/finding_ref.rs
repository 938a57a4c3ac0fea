//! `FindingRef`: how a review or a dispute names one finding of a scorecard,
//! `2:apologise` (the answer's number as the reports count it, from 1, and the
//! finding's rule id), with `#n` for the n-th finding of the same rule in that
//! answer (`2:apologise#2`). Built from what the record itself holds (the
//! reply's place and the saved rule id), never from `Debug` text or a
//! finding's explanation, so a reference means the same finding in every
//! language and version that reads the record.

use super::Scorecard;
use crate::grading::Finding;
use crate::text::Quoted;
use serde::{Deserialize, Serialize};
use std::fmt;

/// One finding of a scorecard: its answer (1-based), its rule id, and which
/// of that answer's findings of this rule (1-based; almost always 1).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct FindingRef {
    /// The answer's number, from 1, as the reports and `kefu review show` count them.
    pub reply: usize,
    /// The finding's rule id as the record spells it (`apologise`, `fact:thermos-500.capacity`).
    pub rule: String,
    /// The n-th finding of this rule in the answer, from 1.
    pub nth: usize,
}

/// Why a written reference cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RefError {
    #[error("finding {}: write it ANSWER:RULE, e.g. 2:apologise (`kefu review show` lists them)", Quoted(.0))]
    Shape(String),
    #[error("finding {}: the answer number must be 1 or more", Quoted(.0))]
    ZeroReply(String),
    #[error("finding {}: the scorecard has no such finding (`kefu review show` lists them)", Quoted(.0))]
    NotFound(String),
}

impl FindingRef {
    /// Reads `2:apologise` or `2:apologise#2`. The reply number ends at the
    /// first `:` (rule ids hold colons: `fact:x.y`); a trailing `#n` is the
    /// occurrence, so a rule id that itself ends in `#<digits>` is written with
    /// its occurrence spelled out (`2:odd#3#1`).
    pub fn parse(text: &str) -> Result<FindingRef, RefError> {
        let shape = || RefError::Shape(text.to_string());
        let (reply, rest) = text.trim().split_once(':').ok_or_else(shape)?;
        let reply: usize = reply.trim().parse().map_err(|_| shape())?;
        if reply == 0 {
            return Err(RefError::ZeroReply(text.to_string()));
        }
        let (rule, nth) = match rest.rsplit_once('#') {
            Some((rule, n)) if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => (rule, n.parse().map_err(|_| shape())?),
            _ => (rest, 1),
        };
        if rule.is_empty() || nth == 0 {
            return Err(shape());
        }
        Ok(FindingRef { reply, rule: rule.to_string(), nth })
    }

    /// The finding this names in `card`, if it has it.
    pub fn resolve<'a>(&self, card: &'a Scorecard) -> Option<&'a Finding> {
        let reply = card.replies.get(self.reply.checked_sub(1)?)?;
        reply.findings.iter().filter(|f| f.rule.as_str() == self.rule).nth(self.nth.checked_sub(1)?)
    }

    /// Whether `text` would be read back as this reference (a rule id ending
    /// in `#<digits>` needs its occurrence written).
    fn needs_nth(&self) -> bool {
        self.nth != 1 || self.rule.rsplit_once('#').is_some_and(|(_, n)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
    }
}

impl fmt::Display for FindingRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.reply, self.rule)?;
        if self.needs_nth() {
            write!(f, "#{}", self.nth)?;
        }
        Ok(())
    }
}

/// Every finding of `card` with its reference, in the record's order.
pub fn all(card: &Scorecard) -> Vec<(FindingRef, &Finding)> {
    let mut out = Vec::new();
    for (index, reply) in card.replies.iter().enumerate() {
        let mut seen: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
        for finding in &reply.findings {
            let nth = seen.entry(finding.rule.as_str()).or_insert(0);
            *nth += 1;
            out.push((FindingRef { reply: index + 1, rule: finding.rule.to_string(), nth: *nth }, finding));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn fixture() -> Scorecard {
        crate::scorecard::read(include_str!("../../tests/fixtures/scorecard-v2.json")).unwrap()
    }

    #[test]
    fn references_read_and_print_alike() {
        let r = FindingRef::parse("2:fact:thermos-500.capacity").unwrap();
        assert_eq!((r.reply, r.rule.as_str(), r.nth), (2, "fact:thermos-500.capacity", 1));
        assert_eq!(r.to_string(), "2:fact:thermos-500.capacity");
        let r = FindingRef::parse(" 1:apologise#2").unwrap();
        assert_eq!((r.reply, r.rule.as_str(), r.nth), (1, "apologise", 2));
        assert_eq!(r.to_string(), "1:apologise#2");
        let odd = FindingRef { reply: 1, rule: "odd#3".into(), nth: 1 };
        assert_eq!(odd.to_string(), "1:odd#3#1");
        assert_eq!(FindingRef::parse(&odd.to_string()).unwrap(), odd);
        for bad in ["apologise", "x:apologise", "1:", "1:#2", "1:a#0", ""] {
            assert!(matches!(FindingRef::parse(bad), Err(RefError::Shape(_))), "{bad}");
        }
        assert!(matches!(FindingRef::parse("0:a"), Err(RefError::ZeroReply(_))));
    }

    #[test]
    fn every_finding_of_a_scorecard_is_named_once_and_resolves_to_itself() {
        let card = fixture();
        let all = all(&card);
        assert_eq!(all.len(), card.replies.iter().map(|r| r.findings.len()).sum::<usize>());
        let distinct: std::collections::BTreeSet<&FindingRef> = all.iter().map(|(r, _)| r).collect();
        assert_eq!(distinct.len(), all.len());
        for (reference, finding) in &all {
            assert!(std::ptr::eq(reference.resolve(&card).unwrap(), *finding), "{reference}");
            assert_eq!(&FindingRef::parse(&reference.to_string()).unwrap(), reference);
        }
        assert!(FindingRef { reply: 99, rule: "apologise".into(), nth: 1 }.resolve(&card).is_none());
    }

    proptest! {
        #[test]
        fn any_reference_prints_to_text_that_reads_back(reply in 1usize..500, rule in "[^\\s]{1,20}", nth in 1usize..5) {
            let reference = FindingRef { reply, rule, nth };
            prop_assert_eq!(FindingRef::parse(&reference.to_string()).unwrap(), reference);
        }
    }
}
