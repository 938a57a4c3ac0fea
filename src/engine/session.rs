//! A conversation with one simulated buyer. The engine never reads a clock:
//! every call brings `now` (seconds since the session started) and returns the
//! events it caused. Misuse is a typed error, never a panic.

use crate::text::Quoted;
use crate::seeded::Draws;
use super::{Bundle, EntryKind, Event, TranscriptEntry, Who};
use crate::content::order_rules::action_problem;
use crate::content::raw::{Action, Lang, Node, Outcome, Scenario};
use crate::grading::session::{grade_abandoned, grade_session};
use crate::grading::{MAX_REPLY_CHARS, ReplyGrade, SessionGrade, TakenAction, Turn};
use serde::{Deserialize, Serialize};
use std::sync::Arc;

// The turn rule. The buyer reads once the agent has sent at least one message
// and then done nothing (no message, no accepted order action, no typing) for
// the buyer's `reads_after_secs`. So an order action alone never closes a turn
// (the trainee is still to explain it), a refused action changes nothing, and
// two short messages with typing between them are one answer.

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum EngineError {
    #[error("no scenario {} in the course", Quoted(.0))]
    UnknownScenario(String),
    #[error("the conversation has ended")]
    Ended,
    #[error("the reply is empty")]
    EmptyReply,
    #[error("the reply is too long: {chars} characters (the limit is {limit}); split it into several messages")]
    TooLong { chars: usize, limit: usize },
    #[error("time went backwards: {now} s is before {last} s")]
    TimeWentBackwards { now: f64, last: f64 },
    #[error("time must be a finite number of seconds, got {0}")]
    BadTime(f64),
    /// The order panel refuses it before anything happens (an amount of 0, an
    /// empty address): nothing is recorded and the turn is untouched.
    #[error("the order panel refused the action: {0}")]
    BadAction(String),
    #[error("typing cannot end before it starts: {from} s to {until} s")]
    BadTypingSpan { from: f64, until: f64 },
}

impl EngineError {
    /// The error in both languages, for the workbench's notice (the Display
    /// form is English, for logs and the CLI). Clock faults are one message:
    /// the trainee cannot fix them but by starting again.
    pub fn shown(&self) -> crate::content::raw::Text {
        use crate::i18n::Msg;
        let both = |say: &dyn Fn(Lang) -> String| crate::content::raw::Text { zh: say(Lang::Zh), en: say(Lang::En) };
        match self {
            EngineError::UnknownScenario(id) => both(&|lang| Msg::EngineUnknownScenario.fill(lang, &[("id", &Quoted(id))])),
            EngineError::Ended => both(&|lang| Msg::EngineEnded.get(lang).to_string()),
            EngineError::EmptyReply => both(&|lang| Msg::EngineEmptyReply.get(lang).to_string()),
            EngineError::TooLong { chars, limit } => both(&|lang| Msg::EngineTooLong.fill(lang, &[("chars", chars), ("limit", limit)])),
            EngineError::TimeWentBackwards { .. } | EngineError::BadTime(_) | EngineError::BadTypingSpan { .. } => {
                both(&|lang| Msg::EngineClock.get(lang).to_string())
            }
            // The refusal itself is already in the chat's language (order_rules words it).
            EngineError::BadAction(why) => both(&|lang| Msg::EngineBadAction.fill(lang, &[("why", why)])),
        }
    }
}

/// What was drawn for this session from its seed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Draw {
    pub seed: u64,
    pub buyer_name: String,
    pub order_no: String,
    pub tracking_no: String,
}

#[derive(Debug, Clone, Default)]
struct OpenTurn {
    /// Transcript indices of the agent's messages in this turn.
    messages: Vec<usize>,
    first_reply_at: Option<f64>,
    actions: Vec<TakenAction>,
    /// When the buyer reads and answers (closes the turn); set once a message is sent.
    due: Option<f64>,
}

#[derive(Debug, Clone)]
pub struct Session {
    bundle: Arc<Bundle>,
    scenario: usize,
    draws: Draws,
    draw: Draw,
    /// The Agent node waiting for the trainee, when not ended.
    node: String,
    awaiting_since: f64,
    nudged: bool,
    turn: OpenTurn,
    last_now: f64,
    transcript: Vec<TranscriptEntry>,
    replies: Vec<ReplyGrade>,
    /// Steps and facts the trainee already gave: later turns credit them.
    earlier: crate::grading::Earlier,
    rounds: usize,
    refunded: f64,
    ended: Option<(Outcome, SessionGrade)>,
}

impl Session {
    /// Starts `scenario_id` with `seed` at time `now`; returns the opening events.
    pub fn start(bundle: Arc<Bundle>, scenario_id: &str, seed: u64, now: f64) -> Result<(Session, Vec<Event>), EngineError> {
        check_time(now)?;
        let scenario = bundle
            .course
            .scenarios
            .iter()
            .position(|s| s.id == scenario_id)
            .ok_or_else(|| EngineError::UnknownScenario(scenario_id.to_string()))?;
        let mut draws = Draws::new(seed);
        let (buyer_name, order_no, tracking_no) = {
            let s = &bundle.course.scenarios[scenario];
            let name = draws.pick(&s.buyer.names).cloned().unwrap_or_default();
            let courier = s.order.as_ref().and_then(|o| o.shipment.as_ref()).map(|sh| sh.courier.as_str()).unwrap_or("zto");
            (name, draws.order_number(), draws.tracking_number(courier))
        };
        let start = bundle.course.scenarios[scenario].start.clone();
        let mut session = Session {
            bundle,
            scenario,
            draws,
            draw: Draw { seed, buyer_name, order_no, tracking_no },
            node: String::new(),
            awaiting_since: now,
            nudged: false,
            turn: OpenTurn::default(),
            last_now: now,
            transcript: Vec::new(),
            replies: Vec::new(),
            earlier: crate::grading::Earlier::default(),
            rounds: 0,
            refunded: 0.0,
            ended: None,
        };
        let mut events = Vec::new();
        session.advance(&start, now, &mut events);
        Ok((session, events))
    }

    pub fn scenario(&self) -> &Scenario {
        &self.bundle.course.scenarios[self.scenario]
    }

    pub fn draw(&self) -> &Draw {
        &self.draw
    }

    pub fn transcript(&self) -> &[TranscriptEntry] {
        &self.transcript
    }

    pub fn replies(&self) -> &[ReplyGrade] {
        &self.replies
    }

    /// The order as it is now, with the accepted actions applied; `None` when the scenario has no order.
    pub fn order_now(&self) -> Option<super::OrderNow> {
        self.scenario().order.as_ref().map(|order| super::OrderNow::of(order, self.transcript()))
    }

    pub fn is_ended(&self) -> bool {
        self.ended.is_some()
    }

    /// The session's grade once it has ended.
    pub fn grade(&self) -> Option<&SessionGrade> {
        self.ended.as_ref().map(|(_, grade)| grade)
    }

    /// The finished session as a run result (what a scorecard is built from).
    pub fn result(&self) -> Option<super::PlanResult> {
        Some(super::PlanResult {
            scenario: self.scenario().id.clone(),
            draw: self.draw.clone(),
            transcript: self.transcript.clone(),
            replies: self.replies.clone(),
            grade: self.grade()?.clone(),
            events: Vec::new(),
        })
    }

    /// How far the buyer's patience has run at `now`: 0 fresh, 1 about to leave.
    pub fn patience_used(&self, now: f64) -> f32 {
        match self.waiting_secs(now) {
            Some(waited) => (waited / self.scenario().buyer.leave_after_secs.max(1.0)).clamp(0.0, 1.0) as f32,
            None => 0.0,
        }
    }

    /// The node waiting for the trainee (empty once ended).
    pub fn current_node(&self) -> &str {
        &self.node
    }

    /// Seconds the buyer has been waiting for a first reply at `now`, if waiting.
    pub fn waiting_secs(&self, now: f64) -> Option<f64> {
        (self.ended.is_none() && self.turn.messages.is_empty()).then(|| (now - self.awaiting_since).max(0.0))
    }

    /// The next time at which `tick` will have something to do, if any.
    pub fn next_deadline(&self) -> Option<f64> {
        if self.ended.is_some() {
            return None;
        }
        if let Some(due) = self.turn.due {
            return Some(due);
        }
        let buyer = &self.scenario().buyer;
        if self.turn.messages.is_empty() {
            if !self.nudged {
                return Some(self.awaiting_since + buyer.nudge_after_secs);
            }
            return Some(self.awaiting_since + buyer.leave_after_secs);
        }
        None
    }

    /// The trainee sends a message at `now`.
    pub fn reply(&mut self, text: &str, now: f64) -> Result<Vec<Event>, EngineError> {
        let chars = text.chars().count();
        if chars > MAX_REPLY_CHARS {
            return Err(EngineError::TooLong { chars, limit: MAX_REPLY_CHARS });
        }
        if text.trim().is_empty() {
            return Err(EngineError::EmptyReply);
        }
        let mut events = self.tick(now)?;
        if self.ended.is_some() {
            return Ok(events);
        }
        self.transcript.push(TranscriptEntry::message(now, Who::Agent, &self.node, text));
        self.turn.messages.push(self.transcript.len() - 1);
        self.turn.first_reply_at.get_or_insert(now);
        self.turn.due = Some(now + self.reads_after());
        events.push(Event::AgentSaid { at: now, text: text.to_string() });
        Ok(events)
    }

    /// The trainee is typing at `now` (a key pressed, or text waiting in the
    /// reply box). Once something has been sent, the buyer waits while the
    /// agent types; before that there is nothing to read, and nothing changes.
    pub fn typing(&mut self, now: f64) -> Result<Vec<Event>, EngineError> {
        self.typed(now, now)
    }

    /// The trainee typed without a pause from `from` until `until` (a replay of
    /// a recorded typing entry, or a plan's `type_secs`).
    pub fn typed(&mut self, from: f64, until: f64) -> Result<Vec<Event>, EngineError> {
        check_time(until)?;
        if until < from {
            return Err(EngineError::BadTypingSpan { from, until });
        }
        let events = self.tick(from)?;
        if self.ended.is_some() || self.turn.due.is_none() {
            return Ok(events);
        }
        // The turn is open (tick would have closed it otherwise), and it stays
        // open for as long as the agent types: nothing else can happen to this
        // buyer in between, so jumping to `until` loses nothing.
        self.last_now = until;
        self.turn.due = Some(until + self.reads_after());
        // One entry per stretch of typing: extend it while it is the last thing
        // that happened, so the record stays small however often the app calls.
        match self.transcript.last_mut() {
            Some(last) if last.kind == super::EntryKind::Typing && last.node == self.node => last.until = Some(until),
            _ => self.transcript.push(TranscriptEntry::typing(from, until, &self.node)),
        }
        Ok(events)
    }

    /// The open stretch of typing, `(from, until)`, if typing is the last thing recorded.
    pub fn typing_span(&self) -> Option<(f64, f64)> {
        let last = self.transcript.last()?;
        (last.kind == super::EntryKind::Typing && self.ended.is_none()).then_some((last.at, last.until.unwrap_or(last.at)))
    }

    /// When the buyer will read what the agent has sent, unless the agent keeps going.
    pub fn reads_at(&self) -> Option<f64> {
        if self.ended.is_some() { None } else { self.turn.due }
    }

    fn reads_after(&self) -> f64 {
        self.scenario().buyer.reads_after_secs
    }

    /// The trainee takes an order action at `now`. An action the order or the
    /// policy does not allow is recorded with its problem (an order error).
    pub fn act(&mut self, action: Action, now: f64) -> Result<Vec<Event>, EngineError> {
        if let Some(refused) = crate::content::order_rules::malformed(&action) {
            return Err(EngineError::BadAction(refused));
        }
        let mut events = self.tick(now)?;
        if self.ended.is_some() {
            return Ok(events);
        }
        let problem = self.action_problem(&action);
        if problem.is_none()
            && let Action::Refund { amount } = action
        {
            self.refunded += amount;
        }
        let text = self.action_text(&action);
        self.transcript.push(TranscriptEntry::action(now, &self.node, &action, &text, problem.clone()));
        self.turn.actions.push(TakenAction { action: action.clone(), problem: problem.clone() });
        // An accepted action is the agent still working: a buyer about to read
        // waits a little longer. It never starts the wait on its own (the
        // trainee has yet to explain it), and a refused one changes nothing.
        if problem.is_none()
            && let Some(due) = self.turn.due
        {
            self.turn.due = Some(due.max(now + self.reads_after()));
        }
        events.push(Event::ActionTaken { at: now, action, problem });
        Ok(events)
    }

    /// Why the order panel refuses `action`, in the chat's language.
    fn action_problem(&self, action: &Action) -> Option<String> {
        use crate::content::order_rules::ActionProblem;
        let scenario = self.scenario();
        let policy = self.bundle.course.policy_for(scenario)?;
        let problem = action_problem(action, scenario.order.as_ref(), policy).or_else(|| match (action, &scenario.order) {
            (Action::Refund { amount }, Some(order)) if self.refunded + amount > order.amount.base_value + 0.005 => {
                Some(ActionProblem::RefundedAlready { refunded: self.refunded, amount: *amount })
            }
            _ => None,
        });
        problem.map(|p| p.message(scenario.lang))
    }

    /// An action as the trainee and supervisor read it, a SKU named by its product and colour.
    fn action_text(&self, action: &Action) -> String {
        let course = &self.bundle.course;
        let lang = self.scenario().lang;
        action.describe(lang, |sku| course.sku_label(sku, lang))
    }

    /// Lets time run from `now` until the conversation is over: each deadline
    /// in turn (never earlier than `now`), so a buyer with no answer coming
    /// nudges and then leaves. The one way to end a session early (the app's
    /// "end session") or to finish a scripted run. Returns the events and the
    /// time the session ended at (`now` when it had already ended).
    pub fn drain_to_end(&mut self, now: f64) -> Result<(Vec<Event>, f64), EngineError> {
        check_time(now)?;
        let mut now = now;
        let mut events = Vec::new();
        while let Some(deadline) = self.next_deadline() {
            now = now.max(deadline);
            events.extend(self.tick(now)?);
        }
        Ok((events, now))
    }

    /// The trainee ends the session at `now` (结束会话): what happened until
    /// `now` happens first; then a reply the buyer has not read yet is graded
    /// as it stands, and unless that ends the conversation, the session ends
    /// with no verdict (`SessionGrade::abandoned`). Recorded in the transcript,
    /// so a replay ends at the same moment.
    pub fn abandon(&mut self, now: f64) -> Result<Vec<Event>, EngineError> {
        let mut events = self.tick(now)?;
        if self.ended.is_some() {
            return Ok(events);
        }
        self.transcript.push(TranscriptEntry::abandoned(now, &self.node));
        if !self.turn.messages.is_empty() || !self.turn.actions.is_empty() {
            self.close_turn(now, false, &mut events);
        }
        if self.ended.is_none() {
            self.end_with(grade_abandoned(&self.replies, self.rounds), now, &mut events);
        }
        Ok(events)
    }

    /// Lets time pass until `now`: the buyer answers, nudges or leaves.
    pub fn tick(&mut self, now: f64) -> Result<Vec<Event>, EngineError> {
        check_time(now)?;
        if self.ended.is_some() {
            return Err(EngineError::Ended);
        }
        if now < self.last_now {
            return Err(EngineError::TimeWentBackwards { now, last: self.last_now });
        }
        self.last_now = now;
        let mut events = Vec::new();
        while self.ended.is_none() {
            if let Some(due) = self.turn.due {
                if due > now {
                    break;
                }
                self.close_turn(due, false, &mut events);
                continue;
            }
            if !self.turn.messages.is_empty() {
                break;
            }
            let buyer = self.scenario().buyer.clone();
            let nudge_at = self.awaiting_since + buyer.nudge_after_secs;
            let leave_at = self.awaiting_since + buyer.leave_after_secs;
            if !self.nudged && nudge_at <= now && nudge_at < leave_at {
                self.nudged = true;
                let text = self.nudge_text();
                self.transcript.push(TranscriptEntry::nudge(nudge_at, &self.node, &text));
                events.push(Event::Nudge { at: nudge_at, text });
                continue;
            }
            if leave_at <= now {
                self.close_turn(leave_at, true, &mut events);
                continue;
            }
            break;
        }
        Ok(events)
    }

    fn nudge_text(&mut self) -> String {
        let scenario = self.scenario();
        let defaults = match scenario.lang {
            Lang::Zh => vec!["在吗?".to_string(), "还在吗".to_string(), "人呢?".to_string()],
            Lang::En => vec!["hello?".to_string(), "anyone there?".to_string(), "hi??".to_string()],
        };
        let lines = if scenario.buyer.nudges.is_empty() { defaults } else { scenario.buyer.nudges.clone() };
        let line = self.draws.pick(&lines).cloned().unwrap_or_default();
        self.fill(&line)
    }

    /// Grades the open turn at `at` and moves the conversation on.
    fn close_turn(&mut self, at: f64, timed_out: bool, events: &mut Vec<Event>) {
        let turn = std::mem::take(&mut self.turn);
        let messages: Vec<String> = turn.messages.iter().map(|i| self.transcript[*i].text.clone()).collect();
        let scenario = &self.bundle.course.scenarios[self.scenario];
        let Some(Node::Agent { rubric, branches, otherwise }) = scenario.nodes.get(&self.node) else {
            self.finish(Outcome::Lost, at, events);
            return;
        };
        let response_secs = turn.first_reply_at.map(|first| first - self.awaiting_since);
        // The buyer's last message (not a nudge) before the turn: what the reply answers.
        let first = turn.messages.first().copied().unwrap_or(self.transcript.len());
        let asked = self.transcript[..first]
            .iter()
            .rev()
            .find(|e| e.who == Who::Buyer && e.kind == EntryKind::Message)
            .map(|e| e.text.as_str());
        let mut grade = self.bundle.grader.grade_turn(
            scenario,
            &self.node,
            rubric,
            &Turn { messages: &messages, response_secs, actions: &turn.actions, timed_out, earlier: &self.earlier, asked },
        );
        self.earlier.remember(&grade);
        self.earlier.remember_actions(&turn.actions);
        // Spans point at messages of the turn; make them point at the transcript.
        for finding in &mut grade.findings {
            if let Some(span) = &mut finding.span {
                span.message = turn.messages[span.message];
            }
        }
        let has_timeout_branch = branches.iter().any(|b| contains_timeout(&b.when));
        let next = branches.iter().find(|b| grade.holds(&b.when, &self.earlier)).map(|b| b.goto.clone());
        let next = next.unwrap_or_else(|| otherwise.clone());
        let on_leave = scenario.buyer.on_leave;
        self.replies.push(grade.clone());
        events.push(Event::ReplyGraded { at, grade });
        if timed_out && !has_timeout_branch {
            self.transcript.push(TranscriptEntry::system(at, &self.node, super::BUYER_LEFT));
            events.push(Event::BuyerLeft { at });
            self.finish(on_leave, at, events);
            return;
        }
        self.advance(&next, at, events);
    }

    /// Walks buyer nodes from `node_id`, saying their lines, until an Agent node or an End.
    fn advance(&mut self, node_id: &str, at: f64, events: &mut Vec<Event>) {
        let mut current = node_id.to_string();
        // Validated content has no endless buyer loops; this only guards against a bug.
        for _ in 0..10_000 {
            let scenario = &self.bundle.course.scenarios[self.scenario];
            match scenario.nodes.get(&current).cloned() {
                Some(Node::Buyer { say, then }) => {
                    let line = self.draws.pick(&say).cloned().unwrap_or_default();
                    let text = self.fill(&line);
                    self.transcript.push(TranscriptEntry::message(at, Who::Buyer, &current, &text));
                    events.push(Event::BuyerSays { at, node: current.clone(), text });
                    current = then;
                }
                Some(Node::Agent { .. }) => {
                    self.node = current;
                    self.awaiting_since = at;
                    self.nudged = false;
                    self.rounds += 1;
                    return;
                }
                Some(Node::End { outcome, say }) => {
                    if let Some(line) = self.draws.pick(&say).cloned() {
                        let text = self.fill(&line);
                        self.transcript.push(TranscriptEntry::message(at, Who::Buyer, &current, &text));
                        events.push(Event::BuyerSays { at, node: current.clone(), text });
                    }
                    self.finish(outcome, at, events);
                    return;
                }
                None => break,
            }
        }
        self.finish(Outcome::Lost, at, events);
    }

    fn finish(&mut self, outcome: Outcome, at: f64, events: &mut Vec<Event>) {
        self.end_with(grade_session(&self.replies, outcome, self.rounds), at, events);
    }

    /// Ends the session at `at` with `grade` (the buyer's outcome is the grade's).
    fn end_with(&mut self, grade: SessionGrade, at: f64, events: &mut Vec<Event>) {
        self.node.clear();
        self.turn = OpenTurn::default();
        events.push(Event::Ended { at, outcome: grade.outcome, grade: grade.clone() });
        self.ended = Some((grade.outcome, grade));
    }

    /// Fills `{buyer}`, `{order_no}`, `{tracking_no}`, `{product}`, `{shop}`.
    fn fill(&self, line: &str) -> String {
        let scenario = self.scenario();
        let course = &self.bundle.course;
        let lang = scenario.lang;
        let product = scenario
            .products
            .first()
            .or_else(|| scenario.order.as_ref().and_then(|o| o.items.first()).map(|i| &i.product))
            .and_then(|id| course.products.get(id))
            .map(|p| p.name.get(lang).to_string())
            .unwrap_or_default();
        let shop = course.policy_for(scenario).map(|p| p.shop_name.get(lang).to_string()).unwrap_or_default();
        line.replace("{buyer}", &self.draw.buyer_name)
            .replace("{order_no}", &self.draw.order_no)
            .replace("{tracking_no}", &self.draw.tracking_no)
            .replace("{product}", &product)
            .replace("{shop}", &shop)
    }
}

fn contains_timeout(condition: &crate::content::raw::Condition) -> bool {
    use crate::content::raw::Condition;
    match condition {
        Condition::Timeout => true,
        Condition::All(all) | Condition::Any(all) => all.iter().any(contains_timeout),
        Condition::Not(inner) => contains_timeout(inner),
        _ => false,
    }
}

fn check_time(now: f64) -> Result<(), EngineError> {
    if now.is_finite() { Ok(()) } else { Err(EngineError::BadTime(now)) }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The workbench shows a refusal in the UI language: no English frame in
    /// Chinese, no Chinese one in English (the Display form stays English).
    #[test]
    fn an_engine_refusal_is_shown_in_either_language() {
        let errors = [
            EngineError::UnknownScenario("x".into()),
            EngineError::Ended,
            EngineError::EmptyReply,
            EngineError::TooLong { chars: 2001, limit: 2000 },
            EngineError::TimeWentBackwards { now: 1.0, last: 2.0 },
            EngineError::BadTime(f64::NAN),
            EngineError::BadAction("退款金额必须大于 0".into()),
            EngineError::BadTypingSpan { from: 2.0, until: 1.0 },
        ];
        for error in errors {
            let shown = error.shown();
            assert!(shown.zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)), "{}", shown.zh);
            assert!(!shown.zh.chars().any(|c| c.is_ascii_alphabetic()) || matches!(error, EngineError::UnknownScenario(_)), "{}", shown.zh);
            assert!(shown.en.starts_with(|c: char| c.is_ascii_uppercase()), "{}", shown.en);
        }
        assert!(EngineError::TooLong { chars: 2001, limit: 2000 }.shown().zh.contains("2001 个字"));
    }
}
