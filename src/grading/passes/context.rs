//! The per-turn context every grading pass reads (messages normalised and
//! matched once, the lexicon hits, the weights) and the draft grade they write.

use super::PASSES;
use crate::content::raw::{ActionKind, Lang, Rubric, Scenario, ToneBand};
use crate::grading::finding::{Dimension, Span};
use crate::grading::reply::{ReplyGrade, Turn};
use crate::grading::{Grader, UnaskedFacts};
use crate::text::matcher::PhraseHit;
use crate::text::mention::{Mention, quantities};
use crate::text::{Normalized, normalize};
use std::collections::{BTreeMap, BTreeSet};

/// One message, normalised once, with its lexicon hits and quantity mentions.
pub(crate) struct Prepared {
    pub normalized: Normalized,
    pub hits: Vec<PhraseHit>,
    pub mentions: Vec<Mention>,
}

impl Prepared {
    /// A span of the normalised text, mapped back to what the trainee typed.
    pub fn span(&self, message: usize, start: usize, end: usize) -> Span {
        let (start, end) = self.normalized.original_span(start, end);
        Span { message, start, end }
    }
}

/// What every pass may read about the turn. Built once per turn, so no pass
/// normalises or matches a message again.
pub(crate) struct TurnContext<'a> {
    pub grader: &'a Grader,
    pub scenario: &'a Scenario,
    pub rubric: &'a Rubric,
    pub turn: &'a Turn<'a>,
    pub lang: Lang,
    pub messages: Vec<Prepared>,
    /// The buyer is upset: the scenario's buyer is annoyed or worse, or the
    /// message the turn answers reads upset (`grading::upset`).
    pub upset: bool,
    /// The first span of each lexicon entry (by index) found in the turn.
    pub first_hit: BTreeMap<usize, Span>,
    /// The ids of those entries (steps, tone markers, platform rules).
    pub found: BTreeSet<String>,
    /// The agent sent something before the buyer's patience ran out.
    pub replied: bool,
    /// The shop policy the scenario's facts are checked against.
    pub policy: &'a str,
    /// The facts checked in every reply of this scenario, asked or not.
    pub unasked: Option<&'a UnaskedFacts>,
    /// The weighted dimensions that apply, rescaled to sum to 100.
    weights: Vec<(Dimension, f64)>,
    scale: f64,
}

impl<'a> TurnContext<'a> {
    pub fn new(grader: &'a Grader, scenario: &'a Scenario, rubric: &'a Rubric, turn: &'a Turn<'a>) -> TurnContext<'a> {
        let buyer = turn.asked.map(|asked| normalize(asked).text);
        let messages: Vec<Prepared> = turn
            .messages
            .iter()
            .map(|message| {
                let normalized = normalize(message);
                let hits = grader.lexicon.hits_answering(&normalized.text, buyer.as_deref());
                let mentions = quantities(&normalized.text);
                Prepared { normalized, hits, mentions }
            })
            .collect();
        let upset = scenario.buyer.mood >= crate::content::raw::Mood::Annoyed
            || crate::grading::upset::answering(turn.asked, buyer.as_deref());
        let mut first_hit: BTreeMap<usize, Span> = BTreeMap::new();
        for (index, message) in messages.iter().enumerate() {
            for hit in message.hits.iter().filter(|hit| grader.lexicon.entries[hit.group].heard_for(upset)) {
                first_hit.entry(hit.group).or_insert_with(|| message.span(index, hit.start, hit.end));
            }
        }
        let found = first_hit.keys().map(|g| grader.lexicon.entries[*g].id.clone()).collect();
        let mut cx = TurnContext {
            grader,
            scenario,
            rubric,
            turn,
            lang: scenario.lang,
            messages,
            upset,
            first_hit,
            found,
            replied: !turn.messages.is_empty() && !turn.timed_out,
            policy: scenario.policy.as_deref().or(grader.default_policy.as_deref()).unwrap_or(""),
            unasked: grader.unasked.get(&scenario.id),
            weights: Vec::new(),
            scale: 1.0,
        };
        // Dimensions that do not apply to this turn are left out and the rest rescaled to 100.
        cx.weights = PASSES.iter().filter_map(|pass| (pass.weight)(&cx)).collect();
        cx.scale = 100.0 / cx.weights.iter().map(|(_, w)| w).sum::<f64>();
        cx
    }

    /// A dimension's weight in this turn, out of 100 (0 when it does not apply).
    pub fn weight(&self, dimension: Dimension) -> f64 {
        self.weights.iter().find(|(d, _)| *d == dimension).map(|(_, w)| w * self.scale).unwrap_or(0.0)
    }

    /// What base weights are multiplied by in this turn.
    pub fn scale(&self) -> f64 {
        self.scale
    }

    /// Whether the span `start..end` of a message holds a value right for
    /// another fact of the scenario (3 days is the courier's transit), so it
    /// is not `rule` said wrongly.
    pub fn right_elsewhere(&self, rule: &str, message: &Prepared, start: usize, end: usize) -> bool {
        self.unasked.is_some_and(|u| {
            u.rights.iter().filter(|r| r.rule != *rule).any(|r| {
                r.right_spans(&message.normalized.text, &message.mentions).iter().any(|(s, e)| *s < end && start < *e)
            })
        })
    }

    /// The grade before any pass ran: what the turn is, not yet what it earned.
    pub fn empty_grade(&self, node_id: &str) -> ReplyGrade {
        let acted: BTreeSet<ActionKind> =
            self.turn.actions.iter().filter(|a| a.problem.is_none()).map(|a| a.action.kind()).collect();
        ReplyGrade {
            node: node_id.to_string(),
            weight: self.rubric.weight,
            score: 0.0,
            tone: 0.0,
            tone_band: ToneBand::Rude,
            response_secs: self.turn.response_secs.map(crate::grading::finding::round2),
            timed_out: self.turn.timed_out,
            findings: Vec::new(),
            facts: Vec::new(),
            found: self.found.clone(),
            acted,
            critical: false,
            volunteered: BTreeSet::new(),
        }
    }
}

/// The grade being built, and what passes tell later passes.
pub(crate) struct Draft {
    pub grade: ReplyGrade,
    /// Where each fact was stated wrongly, and what it should be: a step in
    /// that clause is not done.
    pub wrong_facts: Vec<(Span, String)>,
}
