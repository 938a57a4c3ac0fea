//! Grading one turn: the agent's messages (and order actions) at one reply
//! point, against that point's rubric. Pure: same inputs, same grade.

use super::facts::FactStatus;
use super::finding::{Dimension, Finding, Span, round2};
use super::{Grader, tone};
use crate::content::raw::{
    Action, ActionKind, Buyer, Condition, Lang, LexiconKind, Polarity, Rubric, Severity, ToneBand,
};
use crate::text::mention::quantities;
use crate::text::normalize;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// Base weights of the dimensions; those that do not apply are left out and the rest rescaled to 100.
pub const ACCURACY_WEIGHT: f64 = 30.0;
pub const STEPS_WEIGHT: f64 = 30.0;
pub const TONE_WEIGHT: f64 = 20.0;
pub const SPEED_WEIGHT: f64 = 10.0;
pub const ACTIONS_WEIGHT: f64 = 10.0;
/// Deductions for platform rules, outside the weighted dimensions.
pub const RULE_PENALTY: [f64; 3] = [5.0, 15.0, 30.0];
/// The response time a qualified agent keeps under (seed 000: 平均低于5秒).
pub const TARGET_RESPONSE_SECS: f64 = 5.0;
/// Below the rubric's minimum tone costs this much on top.
pub const TONE_BELOW_MIN_PENALTY: f64 = 5.0;
/// A product or policy fact stated wrongly where the rubric did not ask for
/// it: about what a wrong rubric fact costs (half a share), never more.
pub const UNASKED_WRONG_FACT_PENALTY: f64 = 10.0;

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
}

/// Steps found and facts stated rightly in earlier turns: the conversation
/// remembers them, so a buyer who asks again is not a reason to lose points
/// for something already said (unless the rubric's `repeat` insists).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Earlier {
    pub steps: BTreeSet<String>,
    pub facts: BTreeSet<String>,
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
    pub rule: String,
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
    pub volunteered: BTreeSet<String>,
}

impl ReplyGrade {
    /// Whether a branch or critical condition holds for this turn, given what
    /// the conversation said and did before it (`earlier`).
    pub fn holds(&self, condition: &Condition, earlier: &Earlier) -> bool {
        match condition {
            // A step or marker, or a fact (`fact:thermos-500.capacity`) stated rightly.
            Condition::Already(id) => {
                self.found.contains(id)
                    || self.volunteered.contains(id)
                    || self.facts.iter().any(|f| &f.rule == id && f.status == FactStatus::Correct)
                    || earlier.steps.contains(id)
                    || earlier.facts.contains(id)
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

/// Picks the zh or en sentence.
fn say(lang: Lang, zh: String, en: String) -> String {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

/// Speed as a fraction: full marks within 5 s, half by the nudge, none once the buyer would leave.
pub fn speed_fraction(response_secs: f64, buyer: &Buyer) -> f64 {
    let nudge = buyer.nudge_after_secs.max(TARGET_RESPONSE_SECS + 1.0);
    let leave = buyer.leave_after_secs.max(nudge + 1.0);
    if response_secs <= TARGET_RESPONSE_SECS {
        1.0
    } else if response_secs <= nudge {
        1.0 - 0.5 * (response_secs - TARGET_RESPONSE_SECS) / (nudge - TARGET_RESPONSE_SECS)
    } else if response_secs <= leave {
        0.5 - 0.5 * (response_secs - nudge) / (leave - nudge)
    } else {
        0.0
    }
}

fn same_action(expected: &Action, taken: &Action) -> bool {
    let close = |a: f64, b: f64| (a - b).abs() < 0.005;
    // A discount, coupon or compensation in the rubric is the most the trainee
    // may give ("不超过10元"): less is within the goal. A refund is owed in full.
    let within = |limit: f64, given: f64| given > 0.0 && given <= limit + 0.005;
    match (expected, taken) {
        (Action::Refund { amount: a }, Action::Refund { amount: b }) => close(*a, *b),
        (Action::Discount { amount: a }, Action::Discount { amount: b })
        | (Action::Compensate { amount: a }, Action::Compensate { amount: b })
        | (Action::Coupon { value: a }, Action::Coupon { value: b }) => within(*a, *b),
        (Action::Resend { sku: a }, Action::Resend { sku: b }) => a == b,
        // The new address is typed by the trainee; any change counts as the action.
        (Action::ChangeAddress { .. }, Action::ChangeAddress { .. }) => true,
        (a, b) => a.kind() == b.kind(),
    }
}

/// Whether two spans of one message sit in the same clause (no sentence end
/// or comma between them): "补发白色款,7天内发货" offers the resend rightly and
/// gives the dispatch time wrongly.
fn same_clause(message: &str, a: &Span, b: &Span) -> bool {
    crate::text::one_clause(message, a.start.min(b.start), a.end.max(b.end))
}

/// Money given back that the whole scenario never calls for (a refund on an
/// order that needs none, compensation nobody asked for): an order error.
/// Coupons and discounts are not: an agent may use them to close a sale. An
/// action some other reply point expects is not judged here (too early is
/// not "unneeded").
fn unneeded(scenario: &crate::content::raw::Scenario, action: &Action) -> bool {
    matches!(action, Action::Refund { .. } | Action::Compensate { .. })
        && !scenario.nodes.iter().any(|(_, node)| match node {
            crate::content::raw::Node::Agent { rubric, .. } => rubric.actions.expected.iter().any(|e| e.kind() == action.kind()),
            _ => false,
        })
}

/// One message, normalised once, with its lexicon hits and quantity mentions.
struct Prepared {
    normalized: crate::text::Normalized,
    hits: Vec<crate::text::matcher::PhraseHit>,
    mentions: Vec<crate::text::mention::Mention>,
}

impl Prepared {
    fn span(&self, message: usize, start: usize, end: usize) -> Span {
        let (start, end) = self.normalized.original_span(start, end);
        Span { message, start, end }
    }
}

impl Grader {
    /// Grades a turn at `node_id` of a scenario against `rubric`.
    pub fn grade_turn(
        &self,
        scenario: &crate::content::raw::Scenario,
        node_id: &str,
        rubric: &Rubric,
        turn: &Turn,
    ) -> ReplyGrade {
        let lang = scenario.lang;
        let prepared: Vec<Prepared> = turn
            .messages
            .iter()
            .map(|message| {
                let normalized = normalize(message);
                let hits = self.lexicon.hits(&normalized.text);
                let mentions = quantities(&normalized.text);
                Prepared { normalized, hits, mentions }
            })
            .collect();
        // The first span of each lexicon entry found in the turn.
        let mut first_hit: BTreeMap<usize, Span> = BTreeMap::new();
        for (index, message) in prepared.iter().enumerate() {
            for hit in &message.hits {
                first_hit.entry(hit.group).or_insert_with(|| message.span(index, hit.start, hit.end));
            }
        }
        let found: BTreeSet<String> = first_hit.keys().map(|g| self.lexicon.entries[*g].id.clone()).collect();
        let replied = !turn.messages.is_empty() && !turn.timed_out;
        let acted: BTreeSet<ActionKind> =
            turn.actions.iter().filter(|a| a.problem.is_none()).map(|a| a.action.kind()).collect();

        let forbidden_hit = rubric.steps.forbidden.iter().any(|id| found.contains(id));
        let actions_apply = !rubric.actions.expected.is_empty()
            || turn.actions.iter().any(|a| {
                a.problem.is_some() || rubric.actions.forbidden.contains(&a.action.kind()) || unneeded(scenario, &a.action)
            });
        let mut weights: Vec<(Dimension, f64)> = vec![(Dimension::Tone, TONE_WEIGHT)];
        if !rubric.facts.is_empty() {
            weights.push((Dimension::Accuracy, ACCURACY_WEIGHT));
        }
        if !rubric.steps.required.is_empty() || forbidden_hit {
            weights.push((Dimension::Steps, STEPS_WEIGHT));
        }
        if turn.response_secs.is_some() || !replied {
            weights.push((Dimension::Speed, SPEED_WEIGHT));
        }
        if actions_apply {
            weights.push((Dimension::Actions, ACTIONS_WEIGHT));
        }
        let scale = 100.0 / weights.iter().map(|(_, w)| w).sum::<f64>();
        let weight_of = |d: Dimension| weights.iter().find(|(dim, _)| *dim == d).map(|(_, w)| w * scale).unwrap_or(0.0);

        let mut findings = Vec::new();
        let mut facts = Vec::new();
        // Where each fact was stated wrongly, and what it should be: a step in that clause is not done.
        let mut wrong_spans: Vec<(Span, String)> = Vec::new();
        let policy = scenario.policy.as_deref().or(self.default_policy.as_deref()).unwrap_or("");

        // A value right for another fact of the scenario (3 days is the
        // courier's transit) is not this fact said wrongly.
        let unasked = self.unasked.get(&scenario.id);
        let right_elsewhere = |rule: &str, message: &Prepared, start: usize, end: usize| {
            unasked.is_some_and(|u| {
                u.rights.iter().filter(|r| r.rule != rule).any(|r| {
                    r.right_spans(&message.normalized.text, &message.mentions).iter().any(|(s, e)| *s < end && start < *e)
                })
            })
        };

        // Accuracy: right earns its share, missing earns nothing, wrong costs half a share.
        if !rubric.facts.is_empty() {
            let share = weight_of(Dimension::Accuracy) / rubric.facts.len() as f64;
            for fact in &rubric.facts {
                let Some(compiled) = self.facts.get(&(policy.to_string(), fact.clone())) else { continue };
                let mut status = FactStatus::Missing;
                let mut span = None;
                for (index, message) in prepared.iter().enumerate() {
                    let (mut found_status, at) = compiled.check(&message.normalized.text, &message.mentions);
                    if found_status == FactStatus::Wrong
                        && let Some((start, end)) = at
                        && right_elsewhere(&compiled.rule, message, start, end)
                    {
                        found_status = FactStatus::Missing;
                    }
                    if found_status == FactStatus::Correct || (found_status == FactStatus::Wrong && status == FactStatus::Missing) {
                        status = found_status;
                        span = at.map(|(s, e)| message.span(index, s, e));
                    }
                    if status == FactStatus::Correct {
                        break;
                    }
                }
                // Said rightly earlier in the conversation: it still counts here.
                let from_earlier = status == FactStatus::Missing && turn.earlier.facts.contains(&compiled.rule);
                if from_earlier {
                    status = FactStatus::Correct;
                }
                let (points, explain) = match status {
                    FactStatus::Correct if from_earlier => (
                        share,
                        say(lang, format!("前面已经说对了:{}", compiled.expected.get(lang)), format!("Already stated correctly earlier: {}", compiled.expected.get(lang))),
                    ),
                    FactStatus::Correct => (share, say(lang, format!("说对了:{}", compiled.expected.get(lang)), format!("Stated correctly: {}", compiled.expected.get(lang)))),
                    FactStatus::Missing => (0.0, say(lang, format!("没有说明:应为 {}", compiled.expected.get(lang)), format!("Not stated: should be {}", compiled.expected.get(lang)))),
                    FactStatus::Wrong => (-share / 2.0, say(lang, format!("说错了:应为 {}(说错比不说更糟)", compiled.expected.get(lang)), format!("Stated wrongly: should be {} (a wrong fact is worse than none)", compiled.expected.get(lang)))),
                };
                if let (FactStatus::Wrong, Some(at)) = (status, span) {
                    wrong_spans.push((at, compiled.expected.get(lang).to_string()));
                }
                findings.push(Finding { rule: compiled.rule.clone(), dimension: Dimension::Accuracy, points, possible: share, span, explain, critical: false });
                facts.push(FactResult { rule: compiled.rule.clone(), expected: compiled.expected.get(lang).to_string(), status, from_earlier, unasked: false });
            }
        }

        // Facts nobody asked about here, stated wrongly in passing ("keeps hot
        // 24 hours" when the catalogue says 12): they cost points and show as
        // wrong facts wherever they are said.
        let mut volunteered = BTreeSet::new();
        if let Some(unasked) = unasked {
            for compiled in &unasked.checks {
                if facts.iter().any(|f| f.rule == compiled.rule) {
                    continue;
                }
                let checked: Vec<_> = prepared.iter().map(|m| compiled.check(&m.normalized.text, &m.mentions)).collect();
                if checked.iter().any(|(status, _)| *status == FactStatus::Correct) {
                    volunteered.insert(compiled.rule.clone());
                    continue;
                }
                let wrong = checked.iter().enumerate().find_map(|(index, (status, at))| {
                    let (start, end) = (*status == FactStatus::Wrong).then_some(*at).flatten()?;
                    let message = &prepared[index];
                    (!right_elsewhere(&compiled.rule, message, start, end)).then(|| message.span(index, start, end))
                });
                let Some(span) = wrong else { continue };
                wrong_spans.push((span, compiled.expected.get(lang).to_string()));
                findings.push(Finding {
                    rule: compiled.rule.clone(),
                    dimension: Dimension::Accuracy,
                    points: -UNASKED_WRONG_FACT_PENALTY,
                    possible: 0.0,
                    span: Some(span),
                    explain: say(
                        lang,
                        format!("说错了:应为 {}(没被问到也要说对)", compiled.expected.get(lang)),
                        format!("Stated wrongly: should be {} (unasked facts must be right too)", compiled.expected.get(lang)),
                    ),
                    critical: false,
                });
                facts.push(FactResult {
                    rule: compiled.rule.clone(),
                    expected: compiled.expected.get(lang).to_string(),
                    status: FactStatus::Wrong,
                    from_earlier: false,
                    unasked: true,
                });
            }
        }

        // Steps: each required step earns its share; each forbidden one costs half the dimension.
        let steps_weight = weight_of(Dimension::Steps);
        if !rubric.steps.required.is_empty() {
            let share = steps_weight / rubric.steps.required.len() as f64;
            for id in &rubric.steps.required {
                let label = self.label(id, lang);
                let span = self.lexicon_index(id).and_then(|g| first_hit.get(&g).copied());
                // A step carried by a wrong fact ("7天内发货" when it ships in 48 h) is not done:
                // a wrong answer must score below saying nothing.
                let wrong_with = span.and_then(|step| {
                    wrong_spans.iter().find(|(fact, _)| fact.message == step.message && same_clause(&turn.messages[step.message], fact, &step))
                });
                let (points, explain) = match (span, wrong_with) {
                    (Some(_), Some((_, expected))) => (
                        0.0,
                        say(lang, format!("这一步说错了:{label},应为 {expected}"), format!("Done with a wrong fact: {label}; it should be {expected}")),
                    ),
                    (Some(_), None) => (share, say(lang, format!("做到了:{label}"), format!("Done: {label}"))),
                    (None, _) if turn.earlier.steps.contains(id) && !rubric.steps.repeat.contains(id) => {
                        (share, say(lang, format!("前面已经做到:{label}"), format!("Done earlier in the conversation: {label}")))
                    }
                    (None, _) => (0.0, say(lang, format!("缺少这一步:{label}。{}", self.why(id, lang)), format!("Missing step: {label}. {}", self.why(id, lang)))),
                };
                findings.push(Finding { rule: id.clone(), dimension: Dimension::Steps, points, possible: share, span, explain, critical: false });
            }
        }
        for id in &rubric.steps.forbidden {
            if let Some(span) = self.lexicon_index(id).and_then(|g| first_hit.get(&g).copied()) {
                let label = self.label(id, lang);
                findings.push(Finding {
                    rule: id.clone(),
                    dimension: Dimension::Steps,
                    points: -steps_weight.max(STEPS_WEIGHT * scale) / 2.0,
                    possible: 0.0,
                    span: Some(span),
                    explain: say(lang, format!("这里不该出现:{label}。{}", self.why(id, lang)), format!("Should not be here: {label}. {}", self.why(id, lang))),
                    critical: false,
                });
            }
        }

        // Tone.
        let tone_weight = weight_of(Dimension::Tone);
        let tone_score;
        if replied {
            findings.push(Finding {
                rule: "tone_baseline".into(),
                dimension: Dimension::Tone,
                points: tone_weight * tone::BASELINE,
                possible: tone_weight * tone::BASELINE,
                span: None,
                explain: say(lang, "每条回复从中性语气起评".into(), "Every reply starts from a neutral tone".into()),
                critical: false,
            });
            let marks: Vec<(usize, tone::Marker)> =
                first_hit.keys().filter_map(|g| self.lexicon.entries[*g].marker.map(|m| (*g, m))).collect();
            let capitals = turn.messages.iter().enumerate().find_map(|(i, m)| tone::capitals_span(m).map(|(s, e)| Span { message: i, start: s, end: e }));
            let judged = tone::judge(&marks, capitals.is_some());
            tone_score = judged.score;
            for effect in &judged.effects {
                let points = tone_weight * effect.effect;
                let possible = tone_weight * effect.effect.max(0.0);
                findings.push(match effect.cause {
                    tone::Cause::Entry(group) => {
                        let entry = &self.lexicon.entries[group];
                        Finding {
                            rule: entry.id.clone(),
                            dimension: Dimension::Tone,
                            points,
                            possible,
                            span: first_hit.get(&group).copied(),
                            explain: format!("{}:{}", entry.label.get(lang), entry.explain.get(lang)),
                            critical: entry.polarity == Polarity::Bad && entry.severity == Severity::Critical,
                        }
                    }
                    tone::Cause::Capitals => Finding {
                        rule: "shouting_caps".into(),
                        dimension: Dimension::Tone,
                        points,
                        possible,
                        span: capitals,
                        explain: tone::capitals_explain(lang).into(),
                        critical: false,
                    },
                });
            }
        } else {
            tone_score = 0.0;
            findings.push(Finding {
                rule: "no_reply".into(),
                dimension: Dimension::Tone,
                points: 0.0,
                possible: tone_weight,
                span: None,
                explain: say(lang, "买家等不到回复(应答比要求100%)".into(), "The buyer got no reply (reply ratio must be 100%)".into()),
                critical: false,
            });
        }
        let tone_band = if replied { tone::band(tone_score) } else { ToneBand::Rude };
        if let Some(min) = rubric.tone
            && replied
            && tone_band < min
        {
            findings.push(Finding {
                rule: "tone_below_min".into(),
                dimension: Dimension::Tone,
                points: -TONE_BELOW_MIN_PENALTY,
                possible: 0.0,
                span: None,
                explain: say(
                    lang,
                    format!("语气{},这里至少要{}", tone_band.label(lang), min.label(lang)),
                    format!("Tone was {}; this point needs at least {}", tone_band.label(lang), min.label(lang)),
                ),
                critical: false,
            });
        }

        // Platform rules: deductions by severity; critical ones fail the session.
        for (group, span) in &first_hit {
            let entry = &self.lexicon.entries[*group];
            if entry.kind != LexiconKind::PlatformRules || entry.polarity != Polarity::Bad {
                continue;
            }
            let penalty = RULE_PENALTY[entry.severity as usize];
            findings.push(Finding {
                rule: entry.id.clone(),
                dimension: Dimension::Rules,
                points: -penalty,
                possible: 0.0,
                span: Some(*span),
                explain: format!("{}:{}", entry.label.get(lang), entry.explain.get(lang)),
                critical: entry.severity == Severity::Critical,
            });
        }

        // Speed.
        let speed_weight = weight_of(Dimension::Speed);
        match (turn.response_secs, replied) {
            (Some(secs), true) => {
                let fraction = speed_fraction(secs, &scenario.buyer);
                findings.push(Finding {
                    rule: "speed".into(),
                    dimension: Dimension::Speed,
                    points: speed_weight * fraction,
                    possible: speed_weight,
                    span: None,
                    explain: say(lang, format!("{secs:.1} 秒后回复(合格线:5秒内)"), format!("Replied after {secs:.1} s (target: within 5 s)")),
                    critical: false,
                });
            }
            _ if !replied => findings.push(Finding {
                rule: "speed".into(),
                dimension: Dimension::Speed,
                points: 0.0,
                possible: speed_weight,
                span: None,
                explain: say(lang, "没有回复".into(), "No reply".into()),
                critical: false,
            }),
            _ => {}
        }

        // Actions.
        let actions_weight = weight_of(Dimension::Actions);
        if !rubric.actions.expected.is_empty() {
            let share = actions_weight / rubric.actions.expected.len() as f64;
            for expected in &rubric.actions.expected {
                let taken_now = turn.actions.iter().any(|t| t.problem.is_none() && same_action(expected, &t.action));
                // Done at an earlier reply point (补发 clicked before the buyer asked): it counts.
                let taken_before = !taken_now && turn.earlier.actions.iter().any(|a| same_action(expected, a));
                let taken = taken_now || taken_before;
                findings.push(Finding {
                    rule: format!("action:{:?}", expected.kind()),
                    dimension: Dimension::Actions,
                    points: if taken { share } else { 0.0 },
                    possible: share,
                    span: None,
                    explain: if taken_before {
                        say(lang, format!("前面已经执行:{}", self.describe_action(expected, lang)), format!("Done earlier: {}", self.describe_action(expected, lang)))
                    } else if taken {
                        say(lang, format!("已执行:{}", self.describe_action(expected, lang)), format!("Done: {}", self.describe_action(expected, lang)))
                    } else {
                        say(
                            lang,
                            format!("应在订单面板执行:{}", self.describe_action(expected, lang)),
                            format!("Expected order action: {}", self.describe_action(expected, lang)),
                        )
                    },
                    critical: false,
                });
            }
        }
        for taken in turn.actions {
            let penalty = actions_weight.max(ACTIONS_WEIGHT * scale) / 2.0;
            if let Some(problem) = &taken.problem {
                findings.push(Finding {
                    rule: "action_error".into(),
                    dimension: Dimension::Actions,
                    points: -penalty,
                    possible: 0.0,
                    span: None,
                    explain: say(lang, format!("订单操作出错:{problem}"), format!("Order action error: {problem}")),
                    critical: false,
                });
            } else if rubric.actions.forbidden.contains(&taken.action.kind()) {
                findings.push(Finding {
                    rule: format!("action_forbidden:{:?}", taken.action.kind()),
                    dimension: Dimension::Actions,
                    points: -penalty,
                    possible: 0.0,
                    span: None,
                    explain: say(
                        lang,
                        format!("这里不该执行:{}", self.describe_action(&taken.action, lang)),
                        format!("Wrong action here: {}", self.describe_action(&taken.action, lang)),
                    ),
                    critical: false,
                });
            } else if unneeded(scenario, &taken.action) {
                findings.push(Finding {
                    rule: format!("action_unneeded:{:?}", taken.action.kind()),
                    dimension: Dimension::Actions,
                    points: -penalty,
                    possible: 0.0,
                    span: None,
                    explain: say(
                        lang,
                        "这里没人需要退款或补偿:多给的钱是订单差错,店铺要承担".into(),
                        "Nobody needed a refund or compensation here: money given away is an order error the shop pays for".into(),
                    ),
                    critical: false,
                });
            }
        }

        let mut grade = ReplyGrade {
            node: node_id.to_string(),
            weight: rubric.weight,
            score: 0.0,
            tone: round2(tone_score),
            tone_band,
            response_secs: turn.response_secs.map(round2),
            timed_out: turn.timed_out,
            findings,
            facts,
            found,
            acted,
            critical: false,
            volunteered,
        };
        for condition in &rubric.critical {
            if grade.holds(condition, turn.earlier) {
                grade.findings.push(Finding {
                    rule: format!("critical:{condition:?}"),
                    dimension: Dimension::Rules,
                    points: 0.0,
                    possible: 0.0,
                    span: None,
                    explain: say(
                        lang,
                        format!("关键项不合格:{}", self.describe_condition(condition, lang)),
                        format!("Critical item failed: {}", self.describe_condition(condition, lang)),
                    ),
                    critical: true,
                });
            }
        }
        for finding in &mut grade.findings {
            finding.points = round2(finding.points);
            finding.possible = round2(finding.possible);
        }
        grade.critical = grade.findings.iter().any(|f| f.critical);
        grade.score = round2(grade.findings.iter().map(|f| f.points).sum::<f64>().clamp(0.0, 100.0));
        grade
    }
}
