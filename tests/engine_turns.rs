//! The turn rule, through the engine: the buyer reads once the agent has sent
//! something and then neither typed nor acted for the buyer's
//! `reads_after_secs`. An order action alone never closes a turn, a refused one
//! changes nothing, typing keeps the buyer waiting, and a malformed action
//! (0 元) is refused before anything is recorded.

use kefu::content::Course;
use kefu::content::raw::Action;
use kefu::engine::{Bundle, EngineError, EntryKind, Event, Session};
use std::path::Path;
use std::sync::{Arc, OnceLock};

fn bundle() -> Arc<Bundle> {
    static BUNDLE: OnceLock<Arc<Bundle>> = OnceLock::new();
    BUNDLE.get_or_init(|| Arc::new(Bundle::new(Course::load(&[], Path::new(env!("CARGO_MANIFEST_DIR")))))).clone()
}

fn graded(events: &[Event]) -> usize {
    events.iter().filter(|e| matches!(e, Event::ReplyGraded { .. })).count()
}

fn start() -> Session {
    Session::start(bundle(), "wrong-colour-thermos", 3, 0.0).unwrap().0
}

#[test]
fn an_order_action_alone_never_closes_the_turn() {
    let mut session = start();
    session.act(Action::Resend { sku: "thermos-500-white".into() }, 2.0).unwrap();
    // Long after the old 3-second rule, nothing has been graded: the buyer has nothing to read.
    assert_eq!(graded(&session.tick(10.0).unwrap()), 0);
    assert_eq!(session.reads_at(), None);
    // The explanation, when it comes, is graded together with the action.
    session.reply("亲,非常抱歉,已经为您补发白色款,48小时内发出", 12.0).unwrap();
    let events = session.tick(15.0).unwrap();
    assert_eq!(graded(&events), 1);
    let grade = &session.replies()[0];
    assert!(grade.found.contains("offer_resend"), "{:?}", grade.found);
    assert!(!grade.findings.iter().any(|f| f.rule == "no_reply"));
}

#[test]
fn an_action_and_no_message_ends_in_the_buyers_patience_not_a_silent_turn() {
    let mut session = start();
    session.act(Action::Resend { sku: "thermos-500-white".into() }, 2.0).unwrap();
    let leave = session.scenario().buyer.leave_after_secs;
    let events = session.tick(leave + 1.0).unwrap();
    assert!(events.iter().any(|e| matches!(e, Event::Nudge { .. })), "the buyer asks 在吗 meanwhile");
    let grade = &session.replies()[0];
    assert!(grade.timed_out && grade.findings.iter().any(|f| f.rule == "no_reply"));
}

#[test]
fn a_refused_action_does_not_move_the_moment_the_buyer_reads() {
    let mut session = start();
    session.reply("亲,非常抱歉给您添麻烦了!", 2.0).unwrap();
    assert_eq!(session.reads_at(), Some(5.0));
    // Over the amount paid: refused by the order panel, an order error.
    let events = session.act(Action::Refund { amount: 5000.0 }, 4.0).unwrap();
    assert!(events.iter().any(|e| matches!(e, Event::ActionTaken { problem: Some(_), .. })));
    assert_eq!(session.reads_at(), Some(5.0), "a refused action leaves the turn as it was");
    // An accepted action is the agent still working: the buyer waits a little longer.
    session.act(Action::Resend { sku: "thermos-500-white".into() }, 4.5).unwrap();
    assert_eq!(session.reads_at(), Some(7.5));
}

#[test]
fn a_zero_amount_is_refused_before_anything_is_recorded() {
    let mut session = start();
    session.reply("亲,您好", 2.0).unwrap();
    let before = session.transcript().to_vec();
    for action in [
        Action::Refund { amount: 0.0 },
        Action::Compensate { amount: -5.0 },
        Action::Coupon { value: f64::NAN },
        Action::ChangeAddress { to: "  ".into() },
        Action::Resend { sku: String::new() },
    ] {
        match session.act(action.clone(), 3.0) {
            Err(error @ EngineError::BadAction(_)) => assert!(error.to_string().contains("refused"), "{error}"),
            other => panic!("{action:?}: {other:?}"),
        }
    }
    assert_eq!(session.transcript(), before.as_slice());
    assert_eq!(session.reads_at(), Some(5.0));
    let grade = {
        session.tick(6.0).unwrap();
        session.replies()[0].clone()
    };
    assert!(!grade.findings.iter().any(|f| f.rule == "action_error"), "a typing slip is no order error");
}

#[test]
fn typing_after_sending_keeps_the_buyer_waiting_and_is_recorded_once() {
    let mut session = start();
    // Typing before anything was sent changes nothing and records nothing.
    session.typing(1.0).unwrap();
    assert!(session.transcript().iter().all(|e| e.kind != EntryKind::Typing));
    session.reply("亲,非常抱歉给您添麻烦了!", 2.0).unwrap();
    for at in [4.0, 6.0, 8.0, 10.0] {
        assert_eq!(graded(&session.typing(at).unwrap()), 0, "still typing at {at}");
    }
    assert_eq!(session.reads_at(), Some(13.0));
    let typing: Vec<_> = session.transcript().iter().filter(|e| e.kind == EntryKind::Typing).collect();
    assert_eq!(typing.len(), 1, "one entry per stretch of typing");
    assert_eq!((typing[0].at, typing[0].until), (4.0, Some(10.0)));
    session.reply("麻烦您提供一下订单号和照片", 11.0).unwrap();
    assert_eq!(graded(&session.tick(13.9).unwrap()), 0);
    assert_eq!(graded(&session.tick(14.0).unwrap()), 1);
    let grade = &session.replies()[0];
    assert!(grade.found.contains("apologise") && grade.found.contains("ask_order_info"), "{:?}", grade.found);
}

#[test]
fn a_pause_longer_than_the_buyers_wait_hands_over_the_turn() {
    let mut session = start();
    session.reply("亲,非常抱歉给您添麻烦了!", 2.0).unwrap();
    session.typing(3.0).unwrap();
    // The trainee stops for more than 3 s: the buyer reads at 6 and answers.
    let events = session.typing(9.0).unwrap();
    assert_eq!(graded(&events), 1);
    assert!(events.iter().any(|e| matches!(e, Event::BuyerSays { at, .. } if *at == 6.0)));
}

#[test]
fn each_buyer_has_its_own_reading_delay() {
    let mut course = bundle().course.clone();
    let scenario = course.scenarios.iter_mut().find(|s| s.id == "wrong-colour-thermos").unwrap();
    scenario.buyer.reads_after_secs = 8.0;
    let slow = Arc::new(Bundle::new(course));
    let (mut session, _) = Session::start(slow, "wrong-colour-thermos", 3, 0.0).unwrap();
    session.reply("亲,您好", 2.0).unwrap();
    assert_eq!(session.reads_at(), Some(10.0));
    assert_eq!(graded(&session.tick(9.0).unwrap()), 0);
    assert_eq!(graded(&session.tick(10.0).unwrap()), 1);
}

#[test]
fn typing_cannot_run_backwards() {
    let mut session = start();
    session.reply("亲,您好", 2.0).unwrap();
    assert!(matches!(session.typed(4.0, 3.0), Err(EngineError::BadTypingSpan { .. })));
    assert!(matches!(session.typing(f64::INFINITY), Err(EngineError::BadTime(_))));
}

/// The engine hands the grader the buyer's last message: an order that answers
/// "how do I…?" is an instruction, the same order to "why not yet?" is bare.
#[test]
fn an_instruction_answering_the_buyers_how_question_is_no_bare_order() {
    let bare_after = |asked: &str| {
        let mut course = bundle().course.clone();
        let scenario = course.scenarios.iter_mut().find(|s| s.id == "wrong-colour-thermos").unwrap();
        for (_, node) in scenario.nodes.0.iter_mut() {
            if let kefu::content::raw::Node::Buyer { say, .. } = node {
                *say = vec![asked.to_string()];
            }
        }
        let (mut session, _) = Session::start(Arc::new(Bundle::new(course)), "wrong-colour-thermos", 3, 0.0).unwrap();
        session.reply("点击我们的头像发私信", 2.0).unwrap();
        session.tick(30.0).unwrap();
        session.replies()[0].findings.iter().any(|f| f.rule == "bare_command")
    };
    assert!(!bare_after("怎么给你们发私信啊"));
    assert!(bare_after("怎么还没人理我?"));
}
