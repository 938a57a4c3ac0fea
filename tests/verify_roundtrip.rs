//! `kefu verify` must never accuse an untouched scorecard: thousands of random
//! sessions (random scenarios, seeds, timings to the microsecond, texts in
//! Chinese and English, order actions) are saved as JSON, read back and
//! verified, and every one must say OK. Before `float_roundtrip`, a time such
//! as 6.123456789012 s could read back one ulp off and break its seal.

use kefu::content::Course;
use kefu::content::raw::{Action, TimedInput};
use kefu::engine::{Bundle, PlanInput, run_plan, run_plan_at};
use kefu::scorecard::{RunMeta, Scorecard, Trainee, Verdict, read_record, verify_record};
use proptest::prelude::*;
use std::path::Path;
use std::sync::{Arc, OnceLock};

fn bundle() -> Arc<Bundle> {
    static BUNDLE: OnceLock<Arc<Bundle>> = OnceLock::new();
    BUNDLE.get_or_init(|| Arc::new(Bundle::new(Course::load(&[], Path::new(env!("CARGO_MANIFEST_DIR")))))).clone()
}

const SAYINGS: &[&str] = &[
    "亲,您好~非常抱歉给您添麻烦了",
    "麻烦您提供一下订单号和照片",
    "马上为您免费补发,48小时内发出",
    "这款容量是五百毫升,304不锈钢内胆哦",
    "不知道",
    "Hi, so sorry about that! Could you send me your order number?",
    "I'm resending the right one today, it ships within 48 hours.",
    "好的",
];

fn input() -> impl Strategy<Value = TimedInput> {
    let action = prop_oneof![
        (0.0f64..200.0).prop_map(|amount| Action::Refund { amount }),
        (0.0f64..50.0).prop_map(|amount| Action::Compensate { amount }),
        (0.0f64..30.0).prop_map(|value| Action::Coupon { value }),
        Just(Action::Resend { sku: "thermos-500-white".into() }),
    ];
    let typing = prop::option::of(0.0f64..12.0);
    (0.0f64..40.0, typing, prop::option::of(prop::sample::select(SAYINGS)), prop::option::of(action), any::<u32>()).prop_map(
        |(secs, type_secs, say, act, noise)| TimedInput {
            // Times with many digits after the point, as a real clock gives them.
            after_secs: secs + f64::from(noise % 1_000_000) * 1e-9,
            // Typing stretches (the buyer waits) are recorded and replayed too.
            type_secs: type_secs.map(|t| t + f64::from(noise % 977) * 1e-7),
            say: say.map(str::to_string).or_else(|| act.is_none().then(|| "亲".to_string())),
            act,
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, .. ProptestConfig::default() })]

    #[test]
    fn a_saved_untouched_scorecard_always_verifies(
        pick in any::<usize>(),
        seed in any::<u64>(),
        inputs in prop::collection::vec(input(), 1..8),
    ) {
        let bundle = bundle();
        let scenario = &bundle.course.scenarios[pick % bundle.course.scenarios.len()];
        // A plan the engine refuses (e.g. a message after the end) is not a session to save.
        let Ok(result) = run_plan(bundle.clone(), &scenario.id, seed, &inputs) else { return Ok(()) };
        let meta = RunMeta { trainee: Trainee { name: "测试".into(), id: "t-1".into() }, when_utc: Some("2026-12-01T10:00:00Z".into()) };
        let Some(card) = Scorecard::from_run(&bundle.course, &result, meta) else { return Ok(()) };
        let saved = card.to_json();
        let read = read_record(&saved).expect("our own file reads back");
        let verdict = verify_record(&read, &bundle);
        prop_assert!(verdict == Verdict::Ok, "{}: {verdict:?}", scenario.id);
    }

    /// A session the trainee ended early (结束会话, at any moment: while the
    /// buyer waits, while a reply is unread, after the buyer has left) verifies
    /// too: the replay ends it at the recorded moment.
    #[test]
    fn a_saved_session_ended_early_always_verifies(
        pick in any::<usize>(),
        seed in any::<u64>(),
        steps in prop::collection::vec((0.0f64..30.0, prop::sample::select(SAYINGS), any::<u32>()), 0..5),
        end_after in 0.0f64..60.0,
    ) {
        let bundle = bundle();
        let scenario = &bundle.course.scenarios[pick % bundle.course.scenarios.len()];
        let mut now = 0.0;
        let mut inputs = Vec::new();
        for (gap, say, noise) in steps {
            now += gap + f64::from(noise % 1_000_000) * 1e-9;
            inputs.push((now, PlanInput::Say(say.to_string())));
        }
        inputs.push((now + end_after, PlanInput::Abandon));
        let Ok(result) = run_plan_at(bundle.clone(), &scenario.id, seed, &inputs) else { return Ok(()) };
        let ended_by_trainee = result.transcript.iter().any(|e| e.kind == kefu::engine::EntryKind::Abandoned);
        // Ended early only by the trainee, and never a pass; a session the buyer
        // had already ended (or ended on reading the last reply) is graded as usual.
        prop_assert!(!result.grade.abandoned || (ended_by_trainee && !result.grade.passed), "{:?}", result.grade);
        let meta = RunMeta { trainee: Trainee { name: "测试".into(), id: "t-1".into() }, when_utc: Some("2026-12-01T10:00:00Z".into()) };
        let Some(card) = Scorecard::from_run(&bundle.course, &result, meta) else { return Ok(()) };
        let read = read_record(&card.to_json()).expect("our own file reads back");
        let verdict = verify_record(&read, &bundle);
        prop_assert!(verdict == Verdict::Ok, "{}: {verdict:?}", scenario.id);
    }

    /// A typing-drill record of anything typed in any time verifies too.
    #[test]
    fn a_saved_typing_record_always_verifies(
        english in any::<bool>(),
        pick in any::<usize>(),
        typed in "[亲您好,a-zA-Z ~!?0-9\\u{3000}\\u{200b}]{0,80}",
        secs in 0.5f64..600.0,
    ) {
        let lang = if english { kefu::content::raw::Lang::En } else { kefu::content::raw::Lang::Zh };
        let phrases = kefu::quiz::typing_phrases(lang);
        let meta = RunMeta { trainee: Trainee { name: "测试".into(), id: "t-1".into() }, when_utc: Some("2026-12-01T10:00:00Z".into()) };
        let card = kefu::scorecard::TypingCard::from_attempt(lang, phrases[pick % phrases.len()], &typed, secs, meta);
        let read = read_record(&card.to_json()).expect("our own file reads back");
        let verdict = verify_record(&read, &bundle());
        prop_assert!(verdict == Verdict::Ok, "{verdict:?}");
    }
}
