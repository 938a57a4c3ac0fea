//! Property tests: arbitrary Unicode never panics the text layer, the grader or
//! the engine; normalisation is idempotent; spans stay in bounds and on
//! character boundaries of the original text.

use kefu::content::Course;
use kefu::content::raw::Lang;
use kefu::engine::{Bundle, EngineError, Session};
use kefu::text::{normalize, quantities};
use proptest::prelude::*;
use std::path::Path;
use std::sync::{Arc, OnceLock};

fn bundle() -> Arc<Bundle> {
    static BUNDLE: OnceLock<Arc<Bundle>> = OnceLock::new();
    BUNDLE.get_or_init(|| Arc::new(Bundle::new(Course::load(&[], Path::new(env!("CARGO_MANIFEST_DIR")))))).clone()
}

/// Text that looks like chat: CJK, numerals, units, full-width, emoji, punctuation, and any char.
fn chat_text() -> impl Strategy<Value = String> {
    let pieces = prop::collection::vec(
        prop_oneof![
            Just("亲".to_string()),
            Just("五百毫升".to_string()),
            Just("九块九".to_string()),
            Just("一点五".to_string()),
            Just("三零四".to_string()),
            Just("兩天內".to_string()),
            Just("ＭＬ".to_string()),
            Just("¥".to_string()),
            Just("48 h".to_string()),
            Just("！！".to_string()),
            Just("😀".to_string()),
            Just("e\u{301}".to_string()),
            Just("提供".to_string()),
            Just("订单号".to_string()),
            "[0-9.]{1,6}".prop_map(|s| s),
            any::<char>().prop_map(|c| c.to_string()),
            "\\PC{0,6}".prop_map(|s| s),
        ],
        0..24,
    );
    pieces.prop_map(|p| p.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, .. ProptestConfig::default() })]

    #[test]
    fn normalisation_is_idempotent(text in chat_text()) {
        let once = normalize(&text).text;
        let twice = normalize(&once).text;
        prop_assert_eq!(once, twice);
    }

    #[test]
    fn spans_stay_in_bounds_and_on_char_boundaries(text in chat_text(), a in 0usize..200, b in 0usize..200) {
        let normalized = normalize(&text);
        let len = normalized.text.len();
        let (start, end) = (a.min(len), b.min(len));
        let (start, end) = (start.min(end), start.max(end));
        let (s, e) = normalized.original_span(start, end);
        prop_assert!(s <= e && e <= text.len(), "{s}..{e} of {}", text.len());
        prop_assert!(text.is_char_boundary(s) && text.is_char_boundary(e));
        for mention in quantities(&normalized.text) {
            prop_assert!(mention.start <= mention.end && mention.end <= len);
        }
    }

    #[test]
    fn grading_any_text_never_panics_and_spans_fit(text in chat_text()) {
        let report = bundle().grader.grade_text(&text, Lang::Zh);
        for hit in &report.hits {
            prop_assert!(hit.start <= hit.end && hit.end <= text.len());
            prop_assert!(text.is_char_boundary(hit.start) && text.is_char_boundary(hit.end));
        }
        prop_assert!((0.0..=1.0).contains(&report.tone));
    }

    #[test]
    fn the_engine_takes_any_reply_without_panicking(text in chat_text(), seed in any::<u64>(), gap in 0.0f64..200.0) {
        let (mut session, _) = Session::start(bundle(), "wrong-colour-thermos", seed, 0.0).unwrap();
        match session.reply(&text, gap) {
            Ok(_) => {}
            Err(EngineError::EmptyReply) => prop_assert!(text.trim().is_empty()),
            Err(EngineError::TooLong { .. }) => prop_assert!(text.chars().count() > kefu::grading::MAX_REPLY_CHARS),
            Err(other) => prop_assert!(false, "unexpected error {other:?}"),
        }
        while let Some(deadline) = session.next_deadline() {
            session.tick(deadline).unwrap();
        }
        let grade = session.grade().expect("ended");
        prop_assert!((0.0..=100.0).contains(&grade.total));
        for reply in session.replies() {
            for finding in reply.findings.iter().filter_map(|f| f.span) {
                let entry = &session.transcript()[finding.message];
                prop_assert!(finding.end <= entry.text.len());
            }
        }
    }
}

/// One trainee move: a message, an order action (allowed or not) or a stretch of typing.
fn move_strategy() -> impl Strategy<Value = kefu::content::raw::TimedInput> {
    use kefu::content::raw::{Action, TimedInput};
    let action = prop_oneof![
        (1.0f64..300.0).prop_map(|amount| Action::Refund { amount }),
        (1.0f64..50.0).prop_map(|amount| Action::Compensate { amount }),
        Just(Action::Resend { sku: "thermos-500-white".into() }),
        Just(Action::Escalate),
    ];
    let say = prop::sample::select(vec!["亲,非常抱歉", "麻烦提供订单号", "马上补发,48小时内发出", "好的", "Sorry, resending today"]);
    (0.0f64..150.0, prop::option::of(0.0f64..10.0), prop::option::of(say), prop::option::of(action)).prop_map(|(after, typing, say, act)| TimedInput {
        after_secs: after,
        type_secs: typing,
        say: say.map(str::to_string),
        act,
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, .. ProptestConfig::default() })]

    /// The KPI table and the findings never contradict each other: the reply
    /// ratio is 100% exactly when no answer is a "no reply", and an answer is
    /// "no reply" exactly when the buyer's patience ran out with nothing sent.
    #[test]
    fn the_reply_ratio_and_the_no_reply_findings_always_agree(
        pick in any::<usize>(),
        seed in any::<u64>(),
        moves in prop::collection::vec(move_strategy(), 0..8),
    ) {
        let bundle = bundle();
        let scenario = &bundle.course.scenarios[pick % bundle.course.scenarios.len()];
        let Ok(result) = kefu::engine::run_plan(bundle.clone(), &scenario.id, seed, &moves) else { return Ok(()) };
        let silent = result.replies.iter().filter(|r| r.findings.iter().any(|f| f.rule == "no_reply")).count();
        for reply in &result.replies {
            let no_reply = reply.findings.iter().any(|f| f.rule == "no_reply");
            prop_assert_eq!(no_reply, reply.timed_out, "{}: {:?}", scenario.id, reply.findings.iter().map(|f| &f.rule).collect::<Vec<_>>());
        }
        let ratio = result.grade.kpis.iter().find(|k| k.id == "reply_ratio").unwrap();
        prop_assert_eq!(ratio.met == Some(true), silent == 0, "{}: ratio {:?} with {} silent answers", scenario.id, ratio.value, silent);
    }
}
