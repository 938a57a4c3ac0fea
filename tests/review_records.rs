//! Reviews and disputes as verify sees them: thousands of random valid reviews
//! (random judgements with reasons in any script, findings added, dimension
//! overrides, sign-off, hostile reviewer names) of scorecards saved by earlier
//! versions are written, read back and verified against their scorecard, and
//! none is ever called EDITED; then one random leaf of each saved review (or
//! dispute) is changed, and every such edit is caught: the file no longer
//! reads, or verify names the field.

use kefu::grading::Dimension;
use kefu::scorecard::{
    AddedFinding, DimensionOverride, DisputeCard, FamilyRecord, FindingRef, Judgement, ReviewCard, ReviewDraft, Reviewer, Scorecard, Stance, Verdict,
    read, read_family, verify_dispute, verify_review,
};
use proptest::prelude::*;
use serde_json::Value;
use std::path::Path;
use std::sync::OnceLock;

/// Scorecards of several scenarios and both languages, saved by earlier versions.
fn scorecards() -> &'static [Scorecard] {
    static CARDS: OnceLock<Vec<Scorecard>> = OnceLock::new();
    CARDS.get_or_init(|| {
        let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
        ["scorecard-v2.json", "records-v2/thermos-mixed.json", "records-v2/kettle-example.json", "records-v2/yoga-mat-en.json"]
            .iter()
            .map(|name| read(&std::fs::read_to_string(fixtures.join(name)).unwrap()).unwrap())
            .collect()
    })
}

/// Every finding of `card` by its reference, as `kefu review show` lists them.
fn references(card: &Scorecard) -> Vec<FindingRef> {
    card.replies
        .iter()
        .enumerate()
        .flat_map(|(index, reply)| {
            let mut seen = std::collections::HashMap::new();
            reply.findings.iter().map(move |finding| {
                let nth = seen.entry(finding.rule.as_str().to_string()).or_insert(0);
                *nth += 1;
                FindingRef { reply: index + 1, rule: finding.rule.as_str().to_string(), nth: *nth }
            }).collect::<Vec<_>>()
        })
        .collect()
}

/// Text as people type it, and as attackers do: never blank (a reason is required).
fn text() -> impl Strategy<Value = String> {
    prop_oneof!["[a-zA-Z ,.=:#]{0,20}", "[一-龥,。“”]{0,12}", "\\PC{0,16}"].prop_map(|t| format!("x{t}"))
}

/// A valid review of scorecard `pick`, as a reviewer could make it.
fn draft() -> impl Strategy<Value = (usize, ReviewDraft)> {
    (0..scorecards().len()).prop_flat_map(|pick| {
        let card = &scorecards()[pick];
        let refs = references(card);
        let replies = card.replies.len();
        let lines = card.transcript.len();
        let scored: Vec<Dimension> = card
            .grade
            .dimensions
            .iter()
            .filter(|(d, total)| **d != Dimension::Rules && total.possible > 0.0)
            .map(|(d, _)| *d)
            .collect();
        let judgements = prop::sample::subsequence(refs.clone(), 0..=refs.len()).prop_flat_map(|chosen| {
            let n = chosen.len();
            (Just(chosen), prop::collection::vec((any::<bool>(), text()), n))
        });
        let added = prop::collection::vec(
            (1..=replies, prop::option::of(0..lines), text(), prop::sample::select(Dimension::ALL.to_vec()), -100.0f64..=100.0, text()),
            0..3,
        );
        let overrides = prop::sample::subsequence(scored.clone(), 0..=scored.len()).prop_flat_map(|dims| {
            let n = dims.len();
            (Just(dims), prop::collection::vec((0.0f64..=100.0, text()), n))
        });
        let when = prop::option::of((1u32..=28, 0u32..24).prop_map(|(day, hour)| format!("2026-11-{day:02}T{hour:02}:00:00Z")));
        (Just(pick), judgements, added, overrides, text(), text(), when, any::<bool>(), text()).prop_map(
            |(pick, (chosen, stances), added, (dims, scores), name, id, when_utc, signed_off, comment)| {
                let judgements = chosen
                    .into_iter()
                    .zip(stances)
                    .map(|(finding, (agree, reason))| Judgement { finding, stance: if agree { Stance::Agree } else { Stance::Disagree }, reason })
                    .collect();
                let added = added
                    .into_iter()
                    .map(|(reply, message, rule, dimension, points, comment)| AddedFinding { reply, message, rule, dimension, points, comment })
                    .collect();
                let overrides = dims.into_iter().zip(scores).map(|(dimension, (score_pct, reason))| DimensionOverride { dimension, score_pct, reason }).collect();
                let reviewer = Reviewer { name, id };
                (pick, ReviewDraft { reviewer, when_utc, judgements, added, overrides, comment, signed_off, answers: None })
            },
        )
    })
}

/// Every leaf of a JSON value with its path, in order.
fn leaves(value: &Value, path: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
    match value {
        Value::Object(map) => {
            for (key, inner) in map {
                path.push(key.clone());
                leaves(inner, path, out);
                path.pop();
            }
        }
        Value::Array(items) => {
            for (index, inner) in items.iter().enumerate() {
                path.push(index.to_string());
                leaves(inner, path, out);
                path.pop();
            }
        }
        _ => out.push(path.clone()),
    }
}

/// `json` with the leaf at `index` (of `leaves`) changed to another value of its kind.
fn edit_one_leaf(json: &str, index: prop::sample::Index) -> (String, String) {
    let mut value: Value = serde_json::from_str(json).unwrap();
    let mut all = Vec::new();
    leaves(&value, &mut Vec::new(), &mut all);
    let path = index.get(&all).clone();
    let mut leaf = &mut value;
    for key in &path {
        leaf = match leaf {
            Value::Object(map) => map.get_mut(key).unwrap(),
            Value::Array(items) => &mut items[key.parse::<usize>().unwrap()],
            _ => unreachable!(),
        };
    }
    *leaf = match leaf.take() {
        Value::String(text) => Value::String(format!("{text}x")),
        Value::Bool(flag) => Value::Bool(!flag),
        Value::Number(n) if n.is_u64() => Value::from(n.as_u64().unwrap() + 1),
        Value::Number(n) => Value::from(n.as_f64().unwrap() + 0.5),
        _ => Value::String("x".into()),
    };
    (serde_json::to_string_pretty(&value).unwrap(), path.join("."))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, .. ProptestConfig::default() })]

    #[test]
    fn a_valid_review_always_verifies_and_any_single_edit_is_caught((pick, draft) in draft(), index in any::<prop::sample::Index>()) {
        let card = &scorecards()[pick];
        let review = ReviewCard::new(card, draft).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let json = review.to_json();
        let Ok(FamilyRecord::Review(read_back)) = read_family(&json) else { return Err(TestCaseError::fail("does not read back")) };
        prop_assert_eq!(&read_back, &review);
        let verdict = verify_review(&read_back, &[card], &[]);
        prop_assert!(verdict == Verdict::Ok, "{:?}", verdict);

        let (edited, path) = edit_one_leaf(&json, index);
        if let Ok(FamilyRecord::Review(edited)) = read_family(&edited) {
            let verdict = verify_review(&edited, &[card], &[]);
            prop_assert!(matches!(&verdict, Verdict::Edited(fields) if !fields.is_empty()), "{path}: {verdict:?}");
        }
    }

    #[test]
    fn a_valid_dispute_always_verifies_and_any_single_edit_is_caught(pick in 0..4usize, finding in any::<prop::sample::Index>(), reason in text(), index in any::<prop::sample::Index>()) {
        let card = &scorecards()[pick % scorecards().len()];
        let refs = references(card);
        let dispute = DisputeCard::new(card, finding.get(&refs).clone(), &reason, Some("2026-11-23T12:00:00Z".into())).unwrap();
        let json = dispute.to_json();
        let Ok(FamilyRecord::Dispute(read_back)) = read_family(&json) else { return Err(TestCaseError::fail("does not read back")) };
        prop_assert!(verify_dispute(&read_back, &[card]) == Verdict::Ok);
        let (edited, path) = edit_one_leaf(&json, index);
        if let Ok(FamilyRecord::Dispute(edited)) = read_family(&edited) {
            let verdict = verify_dispute(&edited, &[card]);
            prop_assert!(matches!(&verdict, Verdict::Edited(fields) if !fields.is_empty()), "{path}: {verdict:?}");
        }
    }
}
