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
/// the field or entry it touched. Both record kinds seal this way.
pub fn field_digests<T: Serialize>(record: &T, fields: &[&str], lists: &[&str]) -> BTreeMap<String, String> {
    let short = |value: &serde_json::Value| hash_of(value)[..16].to_string();
    let json = serde_json::to_value(record).unwrap_or_default();
    let mut digests = BTreeMap::new();
    for field in fields {
        digests.insert(field.to_string(), short(&json[field]));
    }
    for list in lists {
        if let Some(entries) = json[list].as_array() {
            digests.insert(format!("{list}.len"), short(&serde_json::json!(entries.len())));
            for (index, entry) in entries.iter().enumerate() {
                digests.insert(format!("{list}[{index}]"), short(entry));
            }
        }
    }
    digests
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
