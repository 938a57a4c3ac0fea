//! Spaced repetition as a documented Leitner scheme (no FSRS crate fits: the
//! maintained one pulls in a machine-learning framework, the small one states no
//! licence). Each question sits in a box 1..=5; a right answer moves it up a box,
//! a wrong one back to box 1; it comes back after the box's interval:
//! 1, 2, 4, 8 and 16 days. Facts a trainee stated wrongly or left out in a
//! scenario enter box 1 as the matching generated question.

use super::question_id::GeneratedId;
use crate::content::raw::FactId;
use crate::grading::facts::FactStatus;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub const INTERVAL_DAYS: [i64; 5] = [1, 2, 4, 8, 16];
const DAY_SECS: i64 = 24 * 3600;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Card {
    /// 1..=5.
    pub leitner_box: u8,
    /// Unix seconds when it is due again.
    pub due: i64,
    pub reviews: u32,
    pub lapses: u32,
}

/// One trainee's review deck; the clock comes in as `now` (Unix seconds).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ReviewDeck {
    pub cards: BTreeMap<String, Card>,
}

impl ReviewDeck {
    /// Records an answer to question `id` at `now`.
    pub fn record(&mut self, id: &str, right: bool, now: i64) {
        let card = self.cards.entry(id.to_string()).or_insert(Card { leitner_box: 1, due: now, reviews: 0, lapses: 0 });
        card.reviews += 1;
        if right {
            card.leitner_box = (card.leitner_box + 1).min(5);
        } else {
            card.leitner_box = 1;
            card.lapses += 1;
        }
        card.due = now + INTERVAL_DAYS[usize::from(card.leitner_box) - 1] * DAY_SECS;
    }

    /// Questions due at `now`, most overdue first.
    pub fn due(&self, now: i64) -> Vec<&str> {
        let mut due: Vec<(&str, i64)> = self.cards.iter().filter(|(_, c)| c.due <= now).map(|(id, c)| (id.as_str(), c.due)).collect();
        due.sort_by_key(|(id, due)| (*due, *id));
        due.into_iter().map(|(id, _)| id).collect()
    }

    /// Facts missed or stated wrongly in a scenario come back as questions;
    /// returns the ids of the questions recorded (as answered wrong), in order.
    pub fn record_scenario(&mut self, facts: &[(FactId, FactStatus)], now: i64) -> Vec<String> {
        let mut recorded = Vec::new();
        for (rule, status) in facts {
            if *status != FactStatus::Correct
                && let Some(id) = question_for_fact(rule)
            {
                self.record(&id, false, now);
                recorded.push(id);
            }
        }
        recorded
    }
}

/// The generated question that drills a fact, e.g. `fact:thermos-500.capacity`
/// → `gen-thermos-500-capacity` (spelled by `quiz::question_id`).
pub fn question_for_fact(fact: &FactId) -> Option<String> {
    GeneratedId::for_fact(fact).map(|id| id.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    const DAY: i64 = 24 * 3600;

    #[test]
    fn a_missed_question_returns_on_schedule() {
        let mut deck = ReviewDeck::default();
        let t0 = 1_800_000_000;
        deck.record("kpi-response-time", false, t0);
        assert!(deck.due(t0 + DAY - 1).is_empty(), "not before a day has passed");
        assert_eq!(deck.due(t0 + DAY), ["kpi-response-time"]);
        deck.record("kpi-response-time", true, t0 + DAY);
        assert!(deck.due(t0 + 2 * DAY).is_empty());
        assert_eq!(deck.due(t0 + 3 * DAY), ["kpi-response-time"], "box 2: two days later");
        deck.record("kpi-response-time", false, t0 + 3 * DAY);
        assert_eq!(deck.cards["kpi-response-time"].leitner_box, 1);
        assert_eq!(deck.cards["kpi-response-time"].lapses, 2);
    }

    #[test]
    fn facts_missed_in_a_scenario_become_questions() {
        let mut deck = ReviewDeck::default();
        deck.record_scenario(
            &[
                (FactId::saved("fact:thermos-500.capacity"), FactStatus::Wrong),
                (FactId::saved("fact:policy.return_shipping_payer(WrongItem)"), FactStatus::Missing),
                (FactId::saved("fact:thermos-500.dispatch_time"), FactStatus::Correct),
            ],
            0,
        );
        let ids: Vec<&String> = deck.cards.keys().collect();
        assert_eq!(ids, ["gen-policy-return-shipping-wrongitem", "gen-thermos-500-capacity"]);
    }

    #[test]
    fn every_mapped_fact_names_a_question_that_exists() {
        let course = crate::content::Course::load(&[], std::path::Path::new(env!("CARGO_MANIFEST_DIR")));
        let generated: Vec<String> = crate::quiz::generate::generate(&course, crate::content::raw::Lang::En).into_iter().map(|q| q.id).collect();
        for (id, product) in &course.products {
            for field in ["capacity", "material", "dispatch_time", "not_included"] {
                if let Some(question) = question_for_fact(&FactId::saved(format!("fact:{id}.{field}"))) {
                    let exists = generated.contains(&question);
                    let has_field = match field {
                        "capacity" => product.specs.capacity.is_some(),
                        "material" => product.specs.material.as_ref().is_some_and(|m| !m.confused_with.is_empty()),
                        "dispatch_time" => product.specs.dispatch_time.is_some(),
                        _ => !product.not_included.is_empty(),
                    };
                    assert_eq!(exists, has_field, "{question}");
                }
            }
        }
    }
}
