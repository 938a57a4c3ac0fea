//! A quiz attempt, with the engine's event shape: answers come in with `now`,
//! events come out. Feedback is immediate (right answer and explanation after
//! each) or deferred (all at the end); an exam has a time limit and a pass mark.
//! Misuse is a typed error.

// One direction only: an attempt is built from a spec; the spec knows nothing of attempts.
use super::spec::{Feedback, QuizSpec};
use super::{Answer, Mark, QuizItem, mark};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuizResult {
    pub score_pct: f64,
    pub passed: bool,
    pub pass_mark_pct: f64,
    /// Per item, in order; `None` when unanswered.
    pub marks: Vec<Option<Mark>>,
    pub duration_secs: f64,
    pub timed_out: bool,
}

/// One answer as given, and when (seconds from the start of the attempt).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimedAnswer {
    pub answer: Answer,
    pub at: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub enum QuizEvent {
    /// Immediate feedback on one answer.
    Marked { index: usize, mark: Mark, explain: String },
    /// The exam's time ran out; unanswered questions score 0.
    TimeUp,
    Finished(QuizResult),
}

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum QuizError {
    #[error("the quiz is over")]
    Finished,
    #[error("question {0} does not exist")]
    NoSuchQuestion(usize),
    #[error("question {0} is already answered")]
    AlreadyAnswered(usize),
}

#[derive(Debug, Clone)]
pub struct QuizSession {
    pub items: Vec<QuizItem>,
    answers: Vec<Option<(TimedAnswer, Mark)>>,
    pub feedback: Feedback,
    pub time_limit_secs: Option<f64>,
    pub pass_mark_pct: f64,
    started: f64,
    result: Option<QuizResult>,
}

impl QuizSession {
    pub fn start(items: Vec<QuizItem>, feedback: Feedback, time_limit_secs: Option<f64>, pass_mark_pct: f64, now: f64) -> QuizSession {
        let answers = vec![None; items.len()];
        QuizSession { items, answers, feedback, time_limit_secs, pass_mark_pct, started: now, result: None }
    }

    /// An attempt at a spec's questions, with its feedback, time limit and pass mark.
    pub fn from_spec(items: Vec<QuizItem>, spec: &QuizSpec, now: f64) -> QuizSession {
        QuizSession::start(items, spec.feedback, spec.time_limit_secs, spec.pass_mark_pct, now)
    }

    /// What was answered so far, and when (`None` for unanswered questions).
    pub fn answers(&self) -> Vec<Option<TimedAnswer>> {
        self.answers.iter().map(|a| a.as_ref().map(|(given, _)| given.clone())).collect()
    }

    /// An attempt with recorded answers given again at their times, in time
    /// order (an answer after a time limit ends the exam there, as it did).
    pub fn with_answers(items: Vec<QuizItem>, spec: &QuizSpec, answers: &[Option<TimedAnswer>]) -> Result<QuizSession, QuizError> {
        let mut session = QuizSession::from_spec(items, spec, 0.0);
        let mut given: Vec<(usize, &TimedAnswer)> = answers.iter().enumerate().filter_map(|(i, a)| a.as_ref().map(|a| (i, a))).collect();
        given.sort_by(|a, b| a.1.at.total_cmp(&b.1.at).then(a.0.cmp(&b.0)));
        for (index, answer) in given {
            if session.result.is_some() {
                break;
            }
            session.answer(index, answer.answer.clone(), answer.at)?;
        }
        Ok(session)
    }

    /// Re-runs a recorded attempt: the answers at their times, then the end as
    /// it happened (time up, or handed in at `duration_secs`). Used by `verify`.
    pub fn replay(items: Vec<QuizItem>, spec: &QuizSpec, answers: &[Option<TimedAnswer>], timed_out: bool, duration_secs: f64) -> Result<QuizResult, QuizError> {
        let mut session = QuizSession::with_answers(items, spec, answers)?;
        if session.result.is_none() {
            if timed_out {
                session.tick(session.time_limit_secs.unwrap_or(duration_secs));
            } else {
                session.finish(duration_secs)?;
            }
        }
        session.result.clone().ok_or(QuizError::Finished)
    }

    pub fn result(&self) -> Option<&QuizResult> {
        self.result.as_ref()
    }

    /// Seconds left in a timed exam.
    pub fn time_left(&self, now: f64) -> Option<f64> {
        self.time_limit_secs.map(|limit| (self.started + limit - now).max(0.0))
    }

    pub fn answer(&mut self, index: usize, answer: Answer, now: f64) -> Result<Vec<QuizEvent>, QuizError> {
        let mut events = self.tick(now);
        if self.result.is_some() {
            return if events.is_empty() { Err(QuizError::Finished) } else { Ok(events) };
        }
        let item = self.items.get(index).ok_or(QuizError::NoSuchQuestion(index))?;
        // With immediate feedback the right answer is already shown: final.
        // Deferred (an exam): answers may change until it is handed in.
        if self.answers[index].is_some() && self.feedback == Feedback::Immediate {
            return Err(QuizError::AlreadyAnswered(index));
        }
        let result = mark(item, &answer);
        if self.feedback == Feedback::Immediate {
            events.push(QuizEvent::Marked { index, mark: result.clone(), explain: item.explain.clone() });
        }
        self.answers[index] = Some((TimedAnswer { answer, at: now }, result));
        // Practice ends with its last answer; an exam only when handed in (or timed out).
        if self.feedback == Feedback::Immediate && self.answers.iter().all(Option::is_some) {
            events.push(self.finish_at(now, false));
        }
        Ok(events)
    }

    /// Lets time pass: a timed exam ends when its time is up.
    pub fn tick(&mut self, now: f64) -> Vec<QuizEvent> {
        match (self.result.is_none(), self.time_left(now)) {
            (true, Some(left)) if left <= 0.0 => vec![QuizEvent::TimeUp, self.finish_at(now, true)],
            _ => Vec::new(),
        }
    }

    /// Hands the quiz in (unanswered questions score 0).
    pub fn finish(&mut self, now: f64) -> Result<QuizEvent, QuizError> {
        if self.result.is_some() {
            return Err(QuizError::Finished);
        }
        Ok(self.finish_at(now, false))
    }

    fn finish_at(&mut self, now: f64, timed_out: bool) -> QuizEvent {
        let marks: Vec<Option<Mark>> = self.answers.iter().map(|a| a.as_ref().map(|(_, m)| m.clone())).collect();
        // A fold from +0.0: an empty float sum is -0.0, which would print as "-0".
        let total: f64 = marks.iter().flatten().fold(0.0, |sum, m| sum + m.score);
        let score_pct = if marks.is_empty() { 0.0 } else { (100.0 * total / marks.len() as f64 * 100.0).round() / 100.0 };
        let end = self.time_limit_secs.map(|limit| now.min(self.started + limit)).unwrap_or(now);
        let result = QuizResult {
            score_pct,
            passed: score_pct >= self.pass_mark_pct,
            pass_mark_pct: self.pass_mark_pct,
            marks,
            duration_secs: (end - self.started).max(0.0),
            timed_out,
        };
        self.result = Some(result.clone());
        QuizEvent::Finished(result)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::ItemKind;

    fn items() -> Vec<QuizItem> {
        (0..3)
            .map(|i| QuizItem {
                id: format!("q{i}"),
                bank: "b".into(),
                category: "c".into(),
                prompt: "?".into(),
                kind: ItemKind::TrueFalse { answer: true },
                explain: format!("why {i}"),
            })
            .collect()
    }

    #[test]
    fn immediate_feedback_explains_each_answer_and_deferred_waits() {
        let mut quiz = QuizSession::start(items(), Feedback::Immediate, None, 60.0, 0.0);
        let events = quiz.answer(0, Answer::Bool(false), 1.0).unwrap();
        assert!(matches!(&events[0], QuizEvent::Marked { index: 0, mark, explain } if !mark.right && explain == "why 0"));
        assert_eq!(quiz.answer(0, Answer::Bool(true), 2.0), Err(QuizError::AlreadyAnswered(0)));
        let mut deferred = QuizSession::start(items(), Feedback::Deferred, None, 60.0, 0.0);
        assert!(deferred.answer(0, Answer::Bool(true), 1.0).unwrap().is_empty());
        deferred.answer(1, Answer::Bool(false), 2.0).unwrap();
        deferred.answer(2, Answer::Bool(false), 3.0).unwrap();
        assert!(deferred.result().is_none(), "an exam waits to be handed in, answers can still change");
        // Changed before handing in: the last answer counts, at its time.
        assert!(deferred.answer(1, Answer::Bool(true), 4.0).unwrap().is_empty());
        let QuizEvent::Finished(result) = deferred.finish(5.0).unwrap() else { panic!() };
        assert!((result.score_pct - 66.67).abs() < 0.01 && result.passed);
        assert_eq!(deferred.answers()[1].as_ref().map(|a| a.at), Some(4.0));
    }

    #[test]
    fn a_timed_exam_ends_when_time_is_up() {
        let mut exam = QuizSession::start(items(), Feedback::Deferred, Some(60.0), 60.0, 0.0);
        exam.answer(0, Answer::Bool(true), 10.0).unwrap();
        let events = exam.tick(61.0);
        assert!(matches!(events.as_slice(), [QuizEvent::TimeUp, QuizEvent::Finished(r)] if r.timed_out && !r.passed && r.duration_secs == 60.0));
        assert_eq!(exam.answer(1, Answer::Bool(true), 62.0), Err(QuizError::Finished));
    }

    #[test]
    fn a_recorded_attempt_replays_to_the_same_result() {
        let spec = QuizSpec { time_limit_secs: Some(60.0), ..QuizSpec::exam(crate::content::raw::Lang::Zh, 0) };
        // Time up after two answers given out of order.
        let mut exam = QuizSession::from_spec(items(), &spec, 0.0);
        exam.answer(2, Answer::Bool(true), 5.0).unwrap();
        exam.answer(0, Answer::Bool(false), 30.0).unwrap();
        exam.tick(75.0);
        let result = exam.result().unwrap().clone();
        assert!(result.timed_out);
        assert_eq!(QuizSession::replay(items(), &spec, &exam.answers(), true, result.duration_secs), Ok(result.clone()));
        // Handing in early instead.
        let mut early = QuizSession::from_spec(items(), &spec, 0.0);
        early.answer(1, Answer::Bool(true), 4.0).unwrap();
        early.finish(9.5).unwrap();
        let handed_in = early.result().unwrap().clone();
        assert_eq!(QuizSession::replay(items(), &spec, &early.answers(), false, 9.5), Ok(handed_in.clone()));
        assert_ne!(handed_in, result);
    }
}
