//! Content hashes: what a scorecard was graded against. One SHA-256 per part
//! (the scenario, the products it uses, the shop policy, the lexicons, and the
//! grader's own version), so `kefu verify` can say which part changed.

use crate::content::Course;
use crate::content::raw::Scenario;
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;

/// Bump when grading rules change in a way that changes grades: old scorecards
/// then report the grader as changed content instead of looking edited.
/// grading-3: the turn rule (an action alone never closes a turn; typing keeps
/// the buyer waiting; the buyer's `reads_after_secs`).
/// grading-4: amounts in explanations in the reader's units ("应为 48 小时",
/// "should be ¥10"), not as content writes them ("48 h", "10 元").
pub const GRADER_VERSION: &str = "grading-4";

pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// The hash of a value's canonical JSON (struct fields in declaration order, maps sorted).
pub fn hash_of<T: Serialize + ?Sized>(value: &T) -> String {
    sha256_hex(&serde_json::to_vec(value).unwrap_or_default())
}

/// Per-field seals of a record: a short hash of each named field's JSON, and of
/// each entry of each named list (with the list's length), so an edit names
/// the field or entry it touched. Every record kind seals this way.
///
/// Each field (and each list entry) goes through a JSON tree of its own, one
/// at a time: the hash is over the tree's canonical JSON (maps sorted), as it
/// always was, but the whole record is never one tree. That tree held about
/// five times an 8 MB record's size while `verify` checked the seals.
#[derive(Debug, Default)]
pub struct Seals(BTreeMap<String, String>);

impl Seals {
    pub fn new() -> Seals {
        Seals::default()
    }

    /// Seals one field.
    pub fn field<T: Serialize + ?Sized>(mut self, name: &str, value: &T) -> Seals {
        self.0.insert(name.to_string(), short_hash(value));
        self
    }

    /// Seals a list's length and each of its entries.
    pub fn list<T: Serialize>(mut self, name: &str, entries: &[T]) -> Seals {
        self.0.insert(format!("{name}.len"), short_hash(&entries.len()));
        for (index, entry) in entries.iter().enumerate() {
            self.0.insert(format!("{name}[{index}]"), short_hash(entry));
        }
        self
    }

    pub fn done(self) -> BTreeMap<String, String> {
        self.0
    }
}

/// The first 16 hex digits of the hash of a value's JSON tree.
fn short_hash<T: Serialize + ?Sized>(value: &T) -> String {
    let tree = serde_json::to_value(value).unwrap_or_default();
    hash_of(&tree)[..16].to_string()
}

/// A record's seal: one SHA-256 over its per-field seals (`field_digests`).
/// A review or dispute names the scorecard it is about by this, so any change
/// to that scorecard, resealed or not, is told apart from the same scorecard.
pub fn seal_of(digests: &BTreeMap<String, String>) -> String {
    hash_of(digests)
}

/// Part name → hash, plus `total` over all parts.
pub fn content_hashes(course: &Course, scenario: &Scenario) -> BTreeMap<String, String> {
    let products: BTreeMap<&str, _> =
        scenario.products_used().into_iter().map(|id| (id, course.products.get(id))).collect();
    let mut parts = BTreeMap::new();
    parts.insert("scenario".to_string(), hash_of(scenario));
    parts.insert("products".to_string(), hash_of(&products));
    parts.insert("policy".to_string(), hash_of(&course.policy_for(scenario)));
    parts.insert("lexicons".to_string(), hash_of(&course.lexicons));
    parts.insert("grader".to_string(), hash_of(GRADER_VERSION));
    let total = hash_of(&parts);
    parts.insert("total".to_string(), total);
    parts
}
