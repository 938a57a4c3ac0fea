//! Grading one turn: the agent's messages (and order actions) at one reply
//! point, against that point's rubric. Pure: same inputs, same grade.

use super::Grader;
use super::facts::FactStatus;
use super::finding::{Finding, round2};
use super::passes::{Draft, PASSES, TurnContext};
use crate::content::raw::{Action, ActionKind, Condition, FactId, Rubric, Scenario, ToneBand};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

// The response-time target, defined by the speed pass (the session's KPI uses it too).
pub use super::passes::TARGET_RESPONSE_SECS;

/// An order action the agent took, and why it was not allowed, if it was not.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TakenAction {
    pub action: Action,
    pub problem: Option<String>,
}

/// What the agent did at one reply point.
#[derive(Debug, Clone, Copy)]
pub struct Turn<'a> {
    pub messages: &'a [String],
    /// Seconds from the buyer's message to the agent's first reply.
    pub response_secs: Option<f64>,
    pub actions: &'a [TakenAction],
    /// The buyer's patience ran out before any reply.
    pub timed_out: bool,
    /// What the trainee already said earlier in the conversation.
    pub earlier: &'a Earlier,
    /// The buyer's last message before the turn, which the reply answers: an
    /// order in answer to "how do I…?" is an instruction (`fine_as_instruction`),
    /// and an upset message makes some minor faults major (`major_when_upset`).
    pub asked: Option<&'a str>,
}

/// Steps found and facts stated rightly in earlier turns: the conversation
/// remembers them, so a buyer who asks again is not a reason to lose points
/// for something already said (unless the rubric's `repeat` insists).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Earlier {
    pub steps: BTreeSet<String>,
    pub facts: BTreeSet<FactId>,
    pub acted: BTreeSet<ActionKind>,
    /// Order actions the panel accepted, for a later reply point that expects one.
    pub actions: Vec<Action>,
}

impl Earlier {
    /// Adds the accepted order actions of a closed turn.
    pub fn remember_actions(&mut self, actions: &[TakenAction]) {
        self.actions.extend(actions.iter().filter(|a| a.problem.is_none()).map(|a| a.action.clone()));
    }

    /// Adds what a graded turn said.
    pub fn remember(&mut self, grade: &ReplyGrade) {
        self.steps.extend(grade.found.iter().cloned());
        self.acted.extend(grade.acted.iter().copied());
        self.facts.extend(grade.volunteered.iter().cloned());
        self.facts.extend(grade.facts.iter().filter(|f| f.status == FactStatus::Correct && !f.from_earlier).map(|f| f.rule.clone()));
    }
}

/// The fact results of a turn, for branching and the accuracy KPI.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FactResult {
    pub rule: FactId,
    pub expected: String,
    pub status: FactStatus,
    /// Right because it was stated in an earlier turn, not in this one.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub from_earlier: bool,
    /// Not asked for at this reply point, but stated (wrongly) anyway.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub unasked: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReplyGrade {
    pub node: String,
    pub weight: f64,
    /// 0..=100.
    pub score: f64,
    pub tone: f64,
    pub tone_band: ToneBand,
    pub response_secs: Option<f64>,
    pub timed_out: bool,
    pub findings: Vec<Finding>,
    pub facts: Vec<FactResult>,
    /// Lexicon ids found in the turn (steps, tone markers, platform rules).
    pub found: BTreeSet<String>,
    pub acted: BTreeSet<ActionKind>,
    pub critical: bool,
    /// Facts stated rightly in this turn that its rubric did not ask for
    /// (12 hours of keeping hot, volunteered): remembered, so a later reply
    /// point that asks for them credits what was already said.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub volunteered: BTreeSet<FactId>,
}

impl ReplyGrade {
    /// Whether a branch or critical condition holds for this turn, given what
    /// the conversation said and did before it (`earlier`).
    pub fn holds(&self, condition: &Condition, earlier: &Earlier) -> bool {
        match condition {
            // A step or marker, or a fact (`fact:thermos-500.capacity`) stated rightly.
            Condition::Already(id) => {
                self.found.contains(id)
                    || self.volunteered.contains(id.as_str())
                    || self.facts.iter().any(|f| f.rule == *id && f.status == FactStatus::Correct)
                    || earlier.steps.contains(id)
                    || earlier.facts.contains(id.as_str())
            }
            Condition::AlreadyActed(kind) => self.acted.contains(kind) || earlier.acted.contains(kind),
            Condition::Did(id) => self.found.contains(id),
            Condition::Missed(id) => !self.found.contains(id),
            Condition::WrongFact => self.facts.iter().any(|f| f.status == FactStatus::Wrong),
            Condition::MissingFact => self.facts.iter().any(|f| f.status == FactStatus::Missing),
            Condition::ToneBelow(band) => self.tone_band < *band,
            Condition::ToneAtLeast(band) => self.tone_band >= *band,
            Condition::Timeout => self.timed_out,
            Condition::Acted(kind) => self.acted.contains(kind),
            Condition::All(all) => all.iter().all(|c| self.holds(c, earlier)),
            Condition::Any(any) => any.iter().any(|c| self.holds(c, earlier)),
            Condition::Not(inner) => !self.holds(inner, earlier),
        }
    }
}

impl Grader {
    /// Grades a turn at `node_id` of a scenario against `rubric`: every pass
    /// of `grading::passes::PASSES` in order over one shared context, then
    /// the points rounded and summed. Pure: same inputs, same grade.
    pub fn grade_turn(&self, scenario: &Scenario, node_id: &str, rubric: &Rubric, turn: &Turn) -> ReplyGrade {
        let cx = TurnContext::new(self, scenario, rubric, turn);
        let mut draft = Draft { grade: cx.empty_grade(node_id), wrong_facts: Vec::new() };
        for pass in PASSES {
            (pass.run)(&cx, &mut draft);
        }
        let mut grade = draft.grade;
        for finding in &mut grade.findings {
            finding.points = round2(finding.points);
            finding.possible = round2(finding.possible);
        }
        grade.critical = grade.findings.iter().any(|f| f.critical);
        grade.score = round2(grade.findings.iter().map(|f| f.points).sum::<f64>().clamp(0.0, 100.0));
        grade
    }
}
