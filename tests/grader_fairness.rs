//! Property tests for the grader's fairness, over thousands of replies built
//! at random from our own phrases: a courteous reply is never accused of a
//! tone fault and never lands below Polite, however its parts are ordered,
//! punctuated, widened or sprinkled with invisible characters; and a reply
//! with a real brush-off or rebuke is never called polite, however much
//! courtesy is wrapped around it.

use kefu::content::Course;
use kefu::content::raw::{Lang, ToneBand};
use kefu::grading::Grader;
use proptest::prelude::*;
use std::path::Path;
use std::sync::OnceLock;

fn grader() -> &'static Grader {
    static GRADER: OnceLock<Grader> = OnceLock::new();
    GRADER.get_or_init(|| Grader::new(&Course::load(&[], Path::new(env!("CARGO_MANIFEST_DIR")))))
}

const ZH_OPENERS: &[&str] = &["亲,您好~", "您好", "亲亲", "亲爱的", "在的亲", "您好呀"];
const ZH_BODIES: &[&str] = &[
    "这款保温杯容量是500ml",
    "内胆是304不锈钢",
    "付款后48小时内发货",
    "支持七天无理由退货",
    "来回运费我们承担",
    "已经帮您备注好了",
    "我马上帮您联系快递核实一下",
    "这个我也不太清楚,我帮您问一下仓库",
    "非常抱歉给您添麻烦了",
    "麻烦您提供一下订单号",
    "白色款目前有货",
    "给您补发一个新的",
];
const ZH_CLOSERS: &[&str] = &["还有什么可以帮您的吗", "祝您购物愉快", "有问题随时找我哦", "感谢您的耐心", "谢谢亲"];
const EN_OPENERS: &[&str] = &["Hi Sam,", "Hello!", "Dear customer,", "Hi there -", "Hey Alex,"];
const EN_BODIES: &[&str] = &[
    "your order ships within 48 hours",
    "I'm resending the right colour today",
    "we've refunded the difference",
    "the cup holds 500 ml",
    "sorry for the mix-up",
    "I'm not sure yet, so I'll check with the warehouse for you",
    "could you send me your order number",
    "the SKU ships by EMS",
];
const EN_CLOSERS: &[&str] = &["Let us know if there's anything else!", "Have a great day.", "Thanks for your patience.", "Happy to help!"];
const SEPARATORS: &[&str] = &[",", ",", "。", " ", "~", "!", "，"];
const INVISIBLE: &[&str] = &["\u{200b}", "\u{200d}", "\u{2060}", "\u{feff}"];

/// A reply from an opener, one to three bodies and a closer, with random separators.
fn reply(openers: &'static [&'static str], bodies: &'static [&'static str], closers: &'static [&'static str]) -> impl Strategy<Value = String> {
    (
        prop::sample::select(openers),
        prop::collection::vec((prop::sample::select(bodies), prop::sample::select(SEPARATORS)), 1..4),
        prop::sample::select(closers),
    )
        .prop_map(|(opener, bodies, closer)| {
            let mut text = format!("{opener} ");
            for (body, separator) in bodies {
                text.push_str(body);
                text.push_str(separator);
            }
            text.push_str(closer);
            text
        })
}

/// Puts invisible characters at random character positions.
fn sprinkle(text: &str, at: &[usize], which: usize) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::new();
    for (i, c) in chars.iter().enumerate() {
        if at.iter().any(|a| a % chars.len().max(1) == i) {
            out.push_str(INVISIBLE[which % INVISIBLE.len()]);
        }
        out.push(*c);
    }
    out
}

fn faults(text: &str, lang: Lang) -> Vec<String> {
    let report = grader().grade_text(text, lang);
    report.hits.iter().filter(|h| !h.good && h.kind == "tone").map(|h| format!("{}«{}»", h.rule, h.matched)).collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, .. ProptestConfig::default() })]

    #[test]
    fn a_courteous_chinese_reply_is_never_accused(text in reply(ZH_OPENERS, ZH_BODIES, ZH_CLOSERS),
                                                  at in prop::collection::vec(any::<usize>(), 0..4), which in any::<usize>(),
                                                  wide in any::<bool>()) {
        let text = sprinkle(&text, &at, which);
        // Full-width digits and letters, as some IMEs type them.
        let text = if wide { text.replace("500ml", "５００ｍｌ").replace("48", "４８") } else { text };
        let report = grader().grade_text(&text, Lang::Zh);
        prop_assert!(faults(&text, Lang::Zh).is_empty(), "{text}: {:?}", faults(&text, Lang::Zh));
        prop_assert!(report.tone_band >= ToneBand::Polite, "{text}: {:?}", report.tone_band);
    }

    #[test]
    fn a_courteous_english_reply_is_never_accused(text in reply(EN_OPENERS, EN_BODIES, EN_CLOSERS),
                                                  at in prop::collection::vec(any::<usize>(), 0..4), which in any::<usize>()) {
        let text = sprinkle(&text, &at, which);
        let report = grader().grade_text(&text, Lang::En);
        prop_assert!(faults(&text, Lang::En).is_empty(), "{text}: {:?}", faults(&text, Lang::En));
        prop_assert!(report.tone_band >= ToneBand::Polite, "{text}: {:?}", report.tone_band);
    }

    #[test]
    fn courtesy_never_turns_a_rebuke_polite(
        opener in prop::sample::select(ZH_OPENERS),
        fault in prop::sample::select(&["这个我们也不知道", "您自己找快递去问吧", "不是跟您说过了吗", "说了多少遍了", "爱买不买", "您这人怎么回事", "这不归我们管"][..]),
        closer in prop::sample::select(&["哦", "呢亲", "亲~", "谢谢", "抱歉哈"][..]),
        separator in prop::sample::select(SEPARATORS),
    ) {
        let text = format!("{opener}{separator}{fault}{closer}");
        let report = grader().grade_text(&text, Lang::Zh);
        prop_assert!(report.tone_band <= ToneBand::Curt, "{text}: {:?} {:?}", report.tone_band, report.hits);
    }
}
