//! The engine refuses misuse with typed errors, never a panic: replying after
//! the end, empty or over-long replies (a 1 MB paste), time running backwards,
//! an unknown scenario. Rush mode keeps several buyers apart; draining a
//! session or a shift runs it to its end.

use kefu::content::Course;
use kefu::content::raw::Action;
use kefu::engine::{Bundle, EngineError, Event, Session, Shift};
use std::path::Path;
use std::sync::{Arc, OnceLock};

fn bundle() -> Arc<Bundle> {
    static BUNDLE: OnceLock<Arc<Bundle>> = OnceLock::new();
    BUNDLE.get_or_init(|| Arc::new(Bundle::new(Course::load(&[], Path::new(env!("CARGO_MANIFEST_DIR")))))).clone()
}

#[test]
fn a_one_megabyte_reply_is_refused_as_too_long() {
    let (mut session, _) = Session::start(bundle(), "wrong-colour-thermos", 1, 0.0).unwrap();
    let huge = "亲".repeat(350_000);
    assert!(huge.len() >= 1_000_000);
    match session.reply(&huge, 2.0) {
        Err(error @ EngineError::TooLong { chars: 350_000, limit: 2000 }) => {
            assert!(error.to_string().contains("too long"), "{error}");
        }
        other => panic!("{other:?}"),
    }
    // The session is unharmed and still takes a normal reply.
    assert!(session.reply("亲,抱歉,请提供订单号", 3.0).is_ok());
}

#[test]
fn misuse_is_a_typed_error() {
    assert!(matches!(Session::start(bundle(), "no-such", 1, 0.0), Err(EngineError::UnknownScenario(_))));
    let (mut session, _) = Session::start(bundle(), "wrong-colour-thermos", 1, 0.0).unwrap();
    assert_eq!(session.reply("   ", 1.0), Err(EngineError::EmptyReply));
    session.tick(10.0).unwrap();
    assert!(matches!(session.tick(5.0), Err(EngineError::TimeWentBackwards { .. })));
    assert!(matches!(session.reply("亲", f64::NAN), Err(EngineError::BadTime(_))));
    // Let the buyer leave, then try to talk.
    session.tick(1000.0).unwrap();
    assert!(session.is_ended());
    assert_eq!(session.reply("在的", 1001.0), Err(EngineError::Ended));
    assert_eq!(session.act(Action::Escalate, 1001.0), Err(EngineError::Ended));
}

#[test]
fn the_buyer_nudges_then_leaves_in_real_time() {
    let (mut session, opening) = Session::start(bundle(), "wrong-colour-thermos", 5, 0.0).unwrap();
    assert!(matches!(opening[0], Event::BuyerSays { .. }));
    assert!(session.tick(29.0).unwrap().is_empty());
    let nudged = session.tick(31.0).unwrap();
    assert!(matches!(nudged.as_slice(), [Event::Nudge { at, .. }] if *at == 30.0));
    let left = session.tick(121.0).unwrap();
    assert!(left.iter().any(|e| matches!(e, Event::BuyerLeft { at } if *at == 120.0)));
    assert!(left.iter().any(|e| matches!(e, Event::Ended { .. })));
}

#[test]
fn rush_mode_keeps_three_buyers_apart() {
    let buyers = [("wrong-colour-thermos", 1), ("thermos-specs", 2), ("wrong-colour-kettle", 3)];
    let (mut shift, opening) = Shift::start(bundle(), &buyers, 0.0).unwrap();
    let openers: Vec<usize> = opening.iter().map(|(i, _)| *i).collect();
    assert!(openers.contains(&0) && openers.contains(&1) && openers.contains(&2));
    shift.reply(1, "亲,您好~这款容量是500ml,304不锈钢内胆哦", 4.0).unwrap();
    // Buyer 0 keeps waiting while buyer 1 is served: it nudges at 30 s.
    let events = shift.tick(31.0).unwrap();
    assert!(events.iter().any(|(i, e)| *i == 0 && matches!(e, Event::Nudge { .. })));
    assert!(events.iter().any(|(i, e)| *i == 1 && matches!(e, Event::ReplyGraded { .. })));
    assert_eq!(shift.sessions()[1].replies().len(), 1);
    assert!(shift.sessions()[0].replies().is_empty());
    let (drained, ended_at) = shift.drain_to_end(31.0).unwrap();
    assert!(shift.is_over());
    assert!(ended_at >= 31.0 && drained.iter().any(|(i, e)| *i == 0 && matches!(e, Event::BuyerLeft { .. })));
    // Drained events come in time order, all buyers on one clock.
    let times: Vec<f64> = drained.iter().filter_map(|(_, e)| match e {
        Event::BuyerLeft { at } | Event::Nudge { at, .. } | Event::Ended { at, .. } => Some(*at),
        _ => None,
    }).collect();
    assert!(times.windows(2).all(|w| w[0] <= w[1]), "{times:?}");
    // Draining what is over changes nothing.
    assert_eq!(shift.drain_to_end(ended_at).unwrap(), (Vec::new(), ended_at));
}

#[test]
fn draining_a_session_ends_it_as_waiting_in_real_time_would() {
    // "End session" in the app and the end of a scripted run: the buyer nudges, then leaves.
    let (mut drained, _) = Session::start(bundle(), "wrong-colour-thermos", 5, 0.0).unwrap();
    let (events, ended_at) = drained.drain_to_end(3.0).unwrap();
    assert_eq!(ended_at, 120.0);
    assert!(matches!(events.first(), Some(Event::Nudge { at, .. }) if *at == 30.0));
    assert!(matches!(events.last(), Some(Event::Ended { .. })));
    let (mut waited, _) = Session::start(bundle(), "wrong-colour-thermos", 5, 0.0).unwrap();
    waited.tick(1000.0).unwrap();
    assert_eq!(drained.grade(), waited.grade());
    assert_eq!(drained.transcript(), waited.transcript());
    assert!(matches!(drained.drain_to_end(f64::NAN), Err(EngineError::BadTime(_))));
}

#[test]
fn ending_a_session_early_has_no_verdict_and_keeps_what_was_graded() {
    use kefu::engine::EntryKind;
    use kefu::grading::Standing;
    // The buyer waits for an answer: ended at 10 s, nobody pretends they left.
    let (mut waiting, _) = Session::start(bundle(), "wrong-colour-thermos", 5, 0.0).unwrap();
    let events = waiting.abandon(10.0).unwrap();
    let grade = waiting.grade().expect("ended");
    assert_eq!(grade.standing(), Standing::Abandoned);
    assert!(!events.iter().any(|e| matches!(e, Event::BuyerLeft { .. } | Event::Nudge { .. })), "{events:?}");
    assert!(matches!(events.last(), Some(Event::Ended { at, .. }) if *at == 10.0));
    assert!(waiting.replies().is_empty(), "an unanswered turn is not graded as missed");
    assert_eq!(waiting.transcript().last().map(|e| e.kind), Some(EntryKind::Abandoned));

    // A reply the buyer has not read yet is graded as it stands.
    let (mut unread, _) = Session::start(bundle(), "wrong-colour-thermos", 5, 0.0).unwrap();
    unread.reply("亲,非常抱歉给您添麻烦了!麻烦您提供一下订单号和照片", 3.0).unwrap();
    unread.abandon(4.0).unwrap();
    assert_eq!(unread.replies().len(), 1);
    assert!(unread.grade().unwrap().abandoned);

    // Once over, it stays over; a session the buyer ended keeps its verdict.
    assert!(matches!(unread.abandon(5.0), Err(EngineError::Ended)));
    let (mut left, _) = Session::start(bundle(), "wrong-colour-thermos", 5, 0.0).unwrap();
    left.tick(1000.0).unwrap();
    let before = left.grade().cloned();
    assert!(matches!(left.abandon(1001.0), Err(EngineError::Ended)));
    assert_eq!(left.grade().cloned(), before);
    assert_eq!(before.map(|g| g.standing()), Some(Standing::Failed));

    // In a shift, only the conversations still going end early.
    let buyers = [("wrong-colour-thermos", 1), ("thermos-specs", 2)];
    let (mut shift, _) = Shift::start(bundle(), &buyers, 0.0).unwrap();
    shift.tick(200.0).unwrap();
    let first = shift.sessions()[0].grade().cloned();
    shift.abandon(200.0).unwrap();
    assert!(shift.is_over());
    assert_eq!(shift.sessions()[0].grade().cloned(), first, "already over at 200 s: untouched");
}
