//! Every stated fact is checked: a product or policy fact said wrongly where no
//! rubric asked for it costs points and shows as a wrong fact; and over
//! thousands of replies built only from true statements and talk about other
//! things (tracking numbers within hours, a courier's days, coupons, service
//! hours), no fact is ever called wrong.

use kefu::content::Course;
use kefu::content::raw::{Node, TimedInput};
use kefu::engine::{Bundle, run_plan};
use kefu::grading::FactStatus;
use kefu::grading::{Earlier, Turn};
use proptest::prelude::*;
use std::path::Path;
use std::sync::{Arc, OnceLock};

fn bundle() -> Arc<Bundle> {
    static BUNDLE: OnceLock<Arc<Bundle>> = OnceLock::new();
    BUNDLE.get_or_init(|| Arc::new(Bundle::new(Course::load(&[], Path::new(env!("CARGO_MANIFEST_DIR")))))).clone()
}

/// Wrong facts (asked or not) when `messages` answer every reply point of `scenario`.
fn wrong_facts(scenario: &str, messages: &[String]) -> Vec<String> {
    let bundle = bundle();
    let scenario = bundle.course.scenario(scenario).unwrap();
    let earlier = Earlier::default();
    let mut wrong = Vec::new();
    for (id, node) in scenario.nodes.iter() {
        let Node::Agent { rubric, .. } = node else { continue };
        let turn = Turn { messages, response_secs: Some(3.0), actions: &[], timed_out: false, earlier: &earlier, asked: None };
        let grade = bundle.grader.grade_turn(scenario, id, rubric, &turn);
        wrong.extend(grade.facts.iter().filter(|f| f.status == FactStatus::Wrong).map(|f| format!("{id}: {}", f.rule)));
    }
    wrong
}

#[test]
fn a_wrong_keep_hot_time_nobody_asked_about_costs_points_wherever_it_is_said() {
    let good = [
        TimedInput::say(3.0, "亲,非常抱歉给您添麻烦了!麻烦您提供一下订单号和收到商品的照片,我马上为您核实~"),
        TimedInput::say(6.0, "核实好了,是我们发错了,非常抱歉!马上为您免费补发白色款,48小时内发出,运费由我们承担,黑色的不用寄回哦"),
        TimedInput::act(2.0, kefu::content::raw::Action::Resend { sku: "thermos-500-white".into() }),
    ];
    let mut wrong = good.to_vec();
    wrong[1] = TimedInput::say(6.0, "核实好了,是我们发错了,非常抱歉!马上为您免费补发白色款,48小时内发出,运费由我们承担,黑色的不用寄回哦,这款能保温24小时");
    let right = run_plan(bundle(), "wrong-colour-thermos", 3, &good).unwrap();
    let said = run_plan(bundle(), "wrong-colour-thermos", 3, &wrong).unwrap();
    let fact = said.replies.iter().flat_map(|r| &r.facts).find(|f| f.unasked).expect("the unasked fact is graded");
    assert_eq!((fact.rule.as_str(), fact.status), ("fact:thermos-500.other(保温时长)", FactStatus::Wrong));
    let finding = said.replies.iter().flat_map(|r| &r.findings).find(|f| f.rule == fact.rule).unwrap();
    let span = finding.span.expect("the wrong words are marked");
    assert_eq!(&said.transcript[span.message].text[span.start..span.end], "24小时");
    assert!(said.grade.total < right.grade.total, "{} vs {}", said.grade.total, right.grade.total);
    let accuracy = |r: &kefu::engine::PlanResult| r.grade.kpis.iter().find(|k| k.id == "product_accuracy").and_then(|k| k.value);
    assert!(accuracy(&said) < accuracy(&right), "{:?} vs {:?}", accuracy(&said), accuracy(&right));
}

#[test]
fn an_unasked_wrong_dispatch_time_spoils_the_step_it_carries() {
    // "7天内发出" when it ships within 48 h: the resend is offered, the time is wrong.
    let wrong = wrong_facts("wrong-colour-thermos", &["马上为您补发白色款,7天内发出".to_string()]);
    assert!(wrong.iter().any(|w| w.contains("dispatch")), "{wrong:?}");
}

#[test]
fn english_unasked_facts_are_checked_too() {
    let wrong = wrong_facts("wrong-colour-kettle", &["Sorry! We'll resend it, it ships within 7 days.".to_string()]);
    assert!(wrong.iter().any(|w| w.contains("dispatch")), "{wrong:?}");
}

const TRUE_ZH: &[&str] = &[
    "这款保温杯能保温12小时",
    "容量是500毫升",
    "内胆是304不锈钢",
    "付款后48小时内发货",
    "中通快递一般3天能到",
    "顺丰2天左右送达",
    "单号2小时内发给您",
    "给您补偿10元",
    "支持7天无理由退货",
    "退货到了以后48小时内退款",
    "订单金额是129元",
    "重量320克,很轻",
    "保修1年",
    "下午4点前付款当天发",
    "我们客服24小时在线",
    "我10分钟后回复您",
    "给您发一张5元优惠券",
    "杯子高24厘米",
    "已经为您备注好了",
    "收到后3天内确认一下哦",
];
const TRUE_EN: &[&str] = &[
    "It keeps drinks hot for 12 hours",
    "it holds 500 ml",
    "the liner is 304 stainless steel",
    "your order ships within 48 hours",
    "ZTO usually takes 3 days to arrive",
    "I'll send you the tracking number within 2 hours",
    "we can offer 10 yuan compensation",
    "you can return it within 7 days, no reason needed",
    "the refund arrives within 48 hours of the return",
    "our chat is open 24 hours a day",
    "I'll get back to you in 10 minutes",
];
const SEPARATORS: &[&str] = &[",", "。", " ", "~", "!", ","];

fn reply(pool: &'static [&'static str]) -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(
        prop::collection::vec((prop::sample::select(pool), prop::sample::select(SEPARATORS)), 1..5)
            .prop_map(|parts| parts.into_iter().map(|(p, s)| format!("{p}{s}")).collect::<String>()),
        1..3,
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1500, .. ProptestConfig::default() })]

    #[test]
    fn true_chinese_statements_are_never_called_wrong(messages in reply(TRUE_ZH), pick in 0usize..2) {
        let scenario = ["wrong-colour-thermos", "thermos-specs"][pick];
        let wrong = wrong_facts(scenario, &messages);
        prop_assert!(wrong.is_empty(), "{scenario}: {messages:?} → {wrong:?}");
    }

    #[test]
    fn true_english_statements_are_never_called_wrong(messages in reply(TRUE_EN)) {
        let wrong = wrong_facts("wrong-colour-kettle", &messages);
        // The kettle is not the thermos: only statements about the thermos are off-limits here.
        let wrong: Vec<_> = wrong.into_iter().filter(|w| !w.contains("kettle")).collect();
        prop_assert!(wrong.is_empty(), "{messages:?} → {wrong:?}");
    }
}
