//! `kefu grade-text`: the steps, tone markers and platform rules in one loose
//! reply, with spans, and the tone band. No rubric: for vetting quick phrases.

use super::Grader;
use super::rule_id::{Builtin, RuleId};
use super::tone;
use crate::content::raw::{Lang, LexiconKind, Polarity, Severity, ToneBand};
use crate::text::normalize;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TextHit {
    pub rule: RuleId,
    pub kind: &'static str,
    pub good: bool,
    pub severity: Option<Severity>,
    /// Byte range in the text as given.
    pub start: usize,
    pub end: usize,
    pub matched: String,
    pub label: String,
    pub explain: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TextReport {
    pub text: String,
    pub tone: f64,
    pub tone_band: ToneBand,
    pub hits: Vec<TextHit>,
}

impl Grader {
    /// Every lexicon hit in `text`, and its tone, explained in `lang`.
    pub fn grade_text(&self, text: &str, lang: Lang) -> TextReport {
        self.grade_text_answering(text, None, lang)
    }

    /// `grade_text` for a reply to the buyer's message `asked`, as a turn grades
    /// it: an order that answers "how do I…?" is an instruction, not a bare order.
    pub fn grade_text_answering(&self, text: &str, asked: Option<&str>, lang: Lang) -> TextReport {
        let normalized = normalize(text);
        let buyer = asked.map(|asked| normalize(asked).text);
        let upset = crate::grading::upset::answering(asked, buyer.as_deref());
        let mut hits = Vec::new();
        let mut marks = Vec::new();
        let mut seen = std::collections::BTreeSet::new();
        let capitals = tone::capitals_span(text);
        for hit in self.lexicon.hits_answering(&normalized.text, buyer.as_deref()) {
            let entry = &self.lexicon.entries[hit.group];
            if !entry.heard_for(upset) {
                continue;
            }
            let (start, end) = normalized.original_span(hit.start, hit.end);
            // The first hit of an entry moves the tone, as in a graded turn; a
            // courtesy word shouted in capitals lifts nothing.
            if let Some(marker) = entry.marker_for(upset)
                && seen.insert(hit.group)
                && !(marker == tone::Marker::Courtesy && capitals.is_some_and(|shout| tone::shouted(shout, start, end)))
            {
                marks.push((hit.group, marker));
            }
            hits.push(TextHit {
                rule: RuleId::lexicon(&entry.id),
                kind: match entry.kind {
                    LexiconKind::Steps => "step",
                    LexiconKind::Tone => "tone",
                    LexiconKind::PlatformRules => "platform_rule",
                },
                good: entry.polarity != Polarity::Bad,
                severity: (entry.polarity == Polarity::Bad).then_some(entry.severity_for(upset)),
                start,
                end,
                matched: text[start..end].to_string(),
                label: entry.label.get(lang).to_string(),
                explain: entry.explain_for(upset, lang),
            });
        }
        let shouts = capitals.map(|span| tone::shout_severity(text, span));
        if let (Some((start, end)), Some(severity)) = (capitals, shouts) {
            hits.push(TextHit {
                rule: RuleId::builtin(Builtin::ShoutingCaps),
                kind: "tone",
                good: false,
                severity: Some(severity),
                start,
                end,
                matched: text[start..end].to_string(),
                label: crate::i18n::Msg::CapitalsLabel.get(lang).into(),
                explain: tone::capitals_explain(lang).into(),
            });
        }
        let judged = tone::judge(&marks, shouts);
        let (score, tone_band) = (judged.score, judged.band);
        TextReport { text: text.to_string(), tone: score, tone_band, hits }
    }
}

#[cfg(test)]
mod tests {
    use crate::content::Course;
    use crate::content::raw::{Lang, ToneBand};
    use crate::grading::Grader;
    use std::path::Path;

    fn grader() -> Grader {
        Grader::new(&Course::load(&[], Path::new(env!("CARGO_MANIFEST_DIR"))))
    }

    fn rules(report: &super::TextReport) -> Vec<&str> {
        report.hits.iter().map(|h| h.rule.as_str()).collect()
    }

    #[test]
    fn blaming_and_forbidden_phrase_are_flagged_with_spans() {
        let text = "你自己没看清楚吧,爱买不买";
        let report = grader().grade_text(text, Lang::Zh);
        let found = rules(&report);
        assert!(found.contains(&"blame_customer") && found.contains(&"forbidden_phrase"), "{found:?}");
        let blames: Vec<&str> =
            report.hits.iter().filter(|h| h.rule == "blame_customer").map(|h| &text[h.start..h.end]).collect();
        assert!(blames.iter().any(|b| b.contains("没看清楚")), "{blames:?}");
        let forbidden = report.hits.iter().find(|h| h.rule == "forbidden_phrase").unwrap();
        assert_eq!(&text[forbidden.start..forbidden.end], "爱买不买");
        assert!(report.tone_band <= ToneBand::Curt, "{:?}", report.tone_band);
    }

    #[test]
    fn a_greeting_inside_a_name_the_buyer_used_greets_no_one() {
        let grader = grader();
        let asked = "Do you still stock the Hello Sunshine lunch box?";
        let report = grader.grade_text_answering("The Hello Sunshine lunch box is back next week.", Some(asked), Lang::En);
        assert!(!rules(&report).contains(&"greet"), "{:?}", rules(&report));
        assert_eq!(report.tone_band, ToneBand::Neutral);
        // the same words opening a reply to a buyer who never named them greet
        let report = grader.grade_text_answering("Hello Sunshine! The lunch box is back next week.", Some("Is the lunch box back?"), Lang::En);
        assert!(rules(&report).contains(&"greet"), "{:?}", rules(&report));
        let report = grader.grade_text_answering("你好呀水杯下周到货", Some("你们那款你好呀水杯还有吗"), Lang::Zh);
        assert!(!rules(&report).contains(&"greet"), "{:?}", rules(&report));
    }

    #[test]
    fn a_polite_apology_asking_for_the_order_number() {
        let report = grader().grade_text("亲,非常抱歉给您添麻烦了,麻烦您提供一下订单号", Lang::Zh);
        let found = rules(&report);
        assert!(found.contains(&"apologise") && found.contains(&"ask_order_info"), "{found:?}");
        assert!(report.tone_band >= ToneBand::Polite, "{:?}", report.tone_band);
    }

    #[test]
    fn a_refusal_is_not_a_disclosure_but_a_slip_is() {
        let grader = grader();
        let refusal = grader.grade_text("Sorry, I can't tell you what she ordered or her address is private.", Lang::En);
        assert!(!rules(&refusal).contains(&"disclose_buyer_data"), "{:?}", rules(&refusal));
        let slip = grader.grade_text("Well, she ordered the gift box.", Lang::En);
        assert!(rules(&slip).contains(&"disclose_buyer_data"));
        let zh = grader.grade_text("抱歉亲,我不能告诉您她的地址", Lang::Zh);
        assert!(!rules(&zh).contains(&"disclose_buyer_data"), "{:?}", rules(&zh));
    }

    #[test]
    fn sorry_before_a_breach_does_not_excuse_it_and_a_bare_particle_is_curt() {
        let grader = grader();
        let breach = grader.grade_text("不好意思亲加我微信吧", Lang::Zh);
        assert!(rules(&breach).contains(&"off_platform"), "{:?}", rules(&breach));
        let bare = grader.grade_text("哦", Lang::Zh);
        assert!(bare.tone_band <= ToneBand::Curt, "{:?}", bare.tone_band);
    }

    #[test]
    fn traditional_and_full_width_text_is_understood() {
        let report = grader().grade_text("親，非常抱歉給您添麻煩了，麻煩您提供一下訂單號", Lang::Zh);
        let found = rules(&report);
        assert!(found.contains(&"apologise") && found.contains(&"ask_order_info"), "{found:?}");
    }

    /// `max_chars` on bare_question: a clipped question alone is curt, a long
    /// troubleshooting message that asks 多少/什么 is engaged.
    #[test]
    fn only_a_short_unsoftened_question_is_bare() {
        for short in ["还剩多少", "灯亮没亮"] {
            let report = grader().grade_text(short, Lang::Zh);
            assert!(rules(&report).contains(&"bare_question") && report.tone_band < ToneBand::Neutral, "{short}: {:?}", rules(&report));
        }
        let long = grader().grade_text("你的打印机型号是多少?驱动装的是什么版本?换根数据线能不能打印", Lang::Zh);
        assert!(!rules(&long).contains(&"bare_question"), "{:?}", rules(&long));
        assert_eq!(long.tone_band, ToneBand::Neutral);
    }

    /// An order that answers the buyer's "how do I…?" is an instruction; the
    /// same order to a buyer who asked why is still a bare order.
    #[test]
    fn an_instruction_answering_how_is_no_bare_order() {
        let reply = "点击我们的头像发私信";
        let asked_how = grader().grade_text_answering(reply, Some("怎么发私信给你啊"), Lang::Zh);
        assert!(!rules(&asked_how).contains(&"bare_command"), "{:?}", rules(&asked_how));
        assert_eq!(asked_how.tone_band, ToneBand::Neutral);
        let asked_why = grader().grade_text_answering(reply, Some("怎么还没人理我?"), Lang::Zh);
        assert!(rules(&asked_why).contains(&"bare_command"), "{:?}", rules(&asked_why));
        assert_eq!(grader().grade_text(reply, Lang::Zh).tone_band, asked_why.tone_band);
    }

    /// An order that names itself the way to get something done ("…即可",
    /// "…可令它恢复") instructs; the same order alone bosses.
    #[test]
    fn an_order_given_as_the_way_to_an_end_is_no_bare_order() {
        let way = grader().grade_text("登录下单时用的账号查看即可", Lang::Zh);
        assert!(!rules(&way).contains(&"bare_command"), "{:?}", rules(&way));
        let purpose = grader().grade_text("清除应用数据,可令它回到初始状态", Lang::Zh);
        assert!(!rules(&purpose).contains(&"bare_command"), "{:?}", rules(&purpose));
        let alone = grader().grade_text("清除应用数据", Lang::Zh);
        assert!(rules(&alone).contains(&"bare_command"), "{:?}", rules(&alone));
        let bare = grader().grade_text("登录下单时用的账号查看", Lang::Zh);
        assert!(rules(&bare).contains(&"bare_command") && bare.tone_band < ToneBand::Neutral, "{:?}", rules(&bare));
        let step = grader().grade_text("Unplug the modem for the new settings to take effect.", Lang::En);
        assert!(!rules(&step).contains(&"bare_command"), "{:?}", rules(&step));
        let order = grader().grade_text("Unplug the modem.", Lang::En);
        assert!(rules(&order).contains(&"bare_command") && order.tone_band < ToneBand::Neutral, "{:?}", rules(&order));
    }

    /// A courtesy word shouted in capitals is part of the shouting: it lifts nothing.
    #[test]
    fn a_shouted_please_is_no_courtesy() {
        let shouted = grader().grade_text("PLEASE WAIT FOR OUR EMAIL. The ticket is open.", Lang::En);
        assert!(rules(&shouted).contains(&"shouting_caps"), "{:?}", rules(&shouted));
        assert!(shouted.tone_band < ToneBand::Neutral, "{:?} {:?}", shouted.tone_band, rules(&shouted));
        let asked = grader().grade_text("Please wait for our email. The ticket is open.", Lang::En);
        assert!(asked.tone > shouted.tone, "{} vs {}", asked.tone, shouted.tone);
    }

    /// A rude rhetorical question asks the buyer nothing, wherever in its
    /// sentence the question's pronoun or address sits.
    #[test]
    fn a_rhetorical_question_asks_for_no_facts() {
        for text in ["亲,说明书上印得明明白白,您没翻过吗?", "同样的话要我讲几遍您才记得住?"] {
            let report = grader().grade_text(text, Lang::Zh);
            assert!(!rules(&report).contains(&"ask_buyer_question"), "{text}: {:?}", rules(&report));
            assert!(report.tone_band < ToneBand::Neutral, "{text}: {:?}", report.tone_band);
        }
        let asks = grader().grade_text("亲,您收到的是哪个颜色呢?", Lang::Zh);
        assert!(rules(&asks).contains(&"ask_buyer_question"), "{:?}", rules(&asks));
    }

    /// Phrases the published service rules fault, in other wordings than theirs:
    /// each gives its finding with a span, whatever courtesy surrounds it.
    #[test]
    fn published_service_rule_faults_are_found_in_other_wordings() {
        let cases = [
            ("Thanks for calling, please hold.", Lang::En, "put_on_hold"),
            ("Did you even open the box before writing to us?", Lang::En, "contempt"),
            ("Honestly, a child could put this lamp together.", Lang::En, "contempt"),
            ("If you'd bothered to check the listing you would know.", Lang::En, "contempt"),
            ("Please stop wasting our time with this.", Lang::En, "impatience"),
            ("Kindly go over my earlier reply again.", Lang::En, "impatience"),
            ("We're certain it's how you stored it, madam.", Lang::En, "blame_customer"),
            ("Once delivered it's the carrier's problem, sir.", Lang::En, "pass_the_buck"),
            ("Thanks, but you'll have to get it repaired yourself.", Lang::En, "forbidden_phrase"),
            ("您自己送到维修点修一下吧", Lang::Zh, "forbidden_phrase"),
            ("一百块的东西还指望什么品质呢", Lang::Zh, "contempt"),
            ("您有没有一点常识", Lang::Zh, "contempt"),
            ("您都弄不明白就算了", Lang::Zh, "contempt"),
            ("和你解释多少遍了", Lang::Zh, "impatience"),
            ("Going forward, we'd rather touch base by email.", Lang::En, "office_jargon"),
            ("At the end of the day, the refund is processing.", Lang::En, "office_jargon"),
            ("What you must do, read the manual.", Lang::En, "rhetorical_blame"),
            ("Honestly this has never been an issue before.", Lang::En, "dismissive"),
            ("你刚刚不是已问过了吗", Lang::Zh, "rhetorical_blame"),
            ("你怎么这样烦", Lang::Zh, "rhetorical_blame"),
            ("再不说话我就挂了", Lang::Zh, "threat"),
            ("亲可以去论坛问问其他用户哦", Lang::Zh, "pass_the_buck"),
        ];
        for (text, lang, rule) in cases {
            let report = grader().grade_text(text, lang);
            let hit = report.hits.iter().find(|h| h.rule == rule);
            assert!(hit.is_some_and(|h| h.start < h.end && h.end <= text.len()), "{text}: {:?}", rules(&report));
        }
    }

    /// Advertising-law absolute claims are patterns over the percentage and
    /// "absolutely" forms too; a fibre content ("100%棉") is a fact, not a claim.
    #[test]
    fn percentage_and_absolutely_claims_are_absolute_claims_but_fibre_content_is_not() {
        for claim in ["这款面霜百分百纯天然", "我们家的蜂蜜绝对真实", "100%原装进口"] {
            let report = grader().grade_text(claim, Lang::Zh);
            assert!(rules(&report).contains(&"absolute_claim"), "{claim}: {:?}", rules(&report));
        }
        let fibre = grader().grade_text("面料是100%纯棉的哦", Lang::Zh);
        assert!(!rules(&fibre).contains(&"absolute_claim"), "{:?}", rules(&fibre));
    }

    #[test]
    fn a_rank_in_digits_is_a_claim_but_a_lower_rank_is_not() {
        for (text, claim) in [("这款销量全网第1", true), ("本店排名第1名", true), ("目前排名第15名", false)] {
            let report = grader().grade_text(text, Lang::Zh);
            assert_eq!(rules(&report).contains(&"absolute_claim"), claim, "{text}: {:?}", rules(&report));
        }
    }

    #[test]
    fn cheaper_on_another_platform_moves_the_buyer_but_asking_where_they_bought_does_not() {
        for (text, lang) in [("这款在闲鱼收二手的更划算", Lang::Zh), ("Order it from our eBay shop, it's cheaper there", Lang::En)] {
            let report = grader().grade_text(text, lang);
            assert!(rules(&report).contains(&"off_platform"), "{text}: {:?}", rules(&report));
        }
        let asking = grader().grade_text("您是在拼多多下的单吗?那边的订单这里查不到", Lang::Zh);
        assert!(!rules(&asking).contains(&"off_platform"), "{:?}", rules(&asking));
    }

    #[test]
    fn pushing_the_work_back_is_heard_only_by_an_upset_buyer_and_an_apology_anywhere_answers_it() {
        let reply = "会员续费这块得您自行退订哈";
        let calm = grader().grade_text_answering(reply, Some("优惠套餐怎么退订呀"), Lang::Zh);
        let upset = grader().grade_text_answering(reply, Some("又乱扣我钱!!你们到底怎么回事"), Lang::Zh);
        assert!(!rules(&calm).contains(&"burden_on_upset_buyer"), "it informs a calm buyer: {:?}", rules(&calm));
        assert!(calm.tone_band >= ToneBand::Polite, "{:?}", calm.tone_band);
        assert!(rules(&upset).contains(&"burden_on_upset_buyer"), "{:?}", rules(&upset));
        assert!(upset.tone_band <= ToneBand::Curt, "honorifics do not rescue it: {:?}", upset.tone_band);
        let sorry = grader().grade_text_answering("非常抱歉让您费心了,会员续费这块得您自行退订哈", Some("又乱扣我钱!!你们到底怎么回事"), Lang::Zh);
        assert!(!rules(&sorry).contains(&"burden_on_upset_buyer"), "an apology before it acknowledges the buyer: {:?}", rules(&sorry));
    }

    #[test]
    fn sending_an_upset_buyer_to_the_courier_is_a_major_fault_however_polite() {
        let reply = "亲,快递的事您直接找快递公司问问吧";
        let calm = grader().grade_text_answering(reply, Some("快递一般几天到呀"), Lang::Zh);
        let upset = grader().grade_text_answering(reply, Some("都五天了还没到!!到底怎么回事"), Lang::Zh);
        assert!(rules(&calm).contains(&"refer_elsewhere") && rules(&upset).contains(&"refer_elsewhere"), "{:?}", rules(&calm));
        assert_eq!(calm.tone_band, ToneBand::Polite, "a nudge to a calm buyer");
        assert!(upset.tone_band <= ToneBand::Curt, "honorifics do not rescue it: {:?}", upset.tone_band);
        let severity = |r: &super::TextReport| r.hits.iter().find(|h| h.rule.as_str() == "refer_elsewhere").and_then(|h| h.severity);
        assert_eq!(severity(&upset), Some(crate::content::raw::Severity::Major), "the finding shows what it cost");
        // Asking whether the buyer tried the seller sends them nowhere.
        let question = grader().grade_text_answering("您是否已经联系过商家了呢?", Some("都五天了还没到!!到底怎么回事"), Lang::Zh);
        assert!(!rules(&question).contains(&"refer_elsewhere"), "{:?}", rules(&question));
    }

    #[test]
    fn a_signature_tilde_softens_no_bare_order() {
        let signed = grader().grade_text("把发票拍照发过来 ~小周", Lang::Zh);
        assert!(rules(&signed).contains(&"bare_command") && !rules(&signed).contains(&"particle"), "{:?}", rules(&signed));
        assert_eq!(signed.tone_band, ToneBand::Curt);
        let soft = grader().grade_text("把发票拍照发过来哦~", Lang::Zh);
        assert_eq!(soft.tone_band, ToneBand::Neutral, "a courtesy tilde still softens");
    }

    /// Holding the other buyers up against one reporting a problem says the fault
    /// is theirs; the same words sell to a calm buyer.
    #[test]
    fn everyone_else_manages_is_a_fault_only_against_a_complaint() {
        let cases = [
            ("别的买家都用得好好的哦,您再试试", "这个加湿器根本不出雾", "这个加湿器好用吗", Lang::Zh),
            ("Everyone else seems to manage with it, so try the manual again.", "The blender lid won't close", "Is the blender easy to use?", Lang::En),
        ];
        for (reply, complaint, calm, lang) in cases {
            let against = grader().grade_text_answering(reply, Some(complaint), lang);
            assert!(rules(&against).contains(&"compared_with_others") && against.tone_band < ToneBand::Polite, "{reply}: {:?}", rules(&against));
            let selling = grader().grade_text_answering(reply, Some(calm), lang);
            assert!(!rules(&selling).contains(&"compared_with_others"), "{reply}: {:?}", rules(&selling));
        }
        // "Nobody else has complained" needs no complaint to hear: it only ever answers one.
        let nobody = grader().grade_text("亲,几百个买家都没反馈过这个问题哦", Lang::Zh);
        assert!(rules(&nobody).contains(&"belittle_complaint"), "{:?}", rules(&nobody));
    }

    /// A fault names the buyer with either pronoun: 是您的问题 blames as much as
    /// 是你的问题, and 您 cannot lift it back to polite. 你 in courtesy is no honorific.
    #[test]
    fn a_fault_is_heard_with_either_pronoun() {
        let heard = |text: &str| {
            let report = grader().grade_text(text, Lang::Zh);
            let faults: Vec<String> = report.hits.iter().filter(|h| !h.good && h.kind == "tone").map(|h| h.matched.clone()).collect();
            (faults, report.tone_band)
        };
        for (plain, honoured) in [("这是你的问题", "这是您的问题"), ("你自己处理吧", "您自己处理吧"), ("我说的你是不会理解的", "我说的您是不会理解的")] {
            let (plain_faults, plain_band) = heard(plain);
            let (honoured_faults, honoured_band) = heard(honoured);
            assert!(!plain_faults.is_empty() && !honoured_faults.is_empty(), "{plain}: {plain_faults:?} / {honoured}: {honoured_faults:?}");
            assert!(plain_band < ToneBand::Neutral && honoured_band < ToneBand::Neutral, "{plain}: {plain_band:?} / {honoured}: {honoured_band:?}");
            assert!(honoured_faults.iter().any(|f| f.contains('您')), "the span covers the honorific pronoun: {honoured_faults:?}");
        }
        let plain_thanks = grader().grade_text("谢谢你", Lang::Zh);
        assert!(!rules(&plain_thanks).contains(&"honorific"), "你 is no honorific: {:?}", rules(&plain_thanks));
    }

    /// "That's normal" to a buyer reporting a fault waves the fault away; the
    /// same words inform a buyer who only asked, and an apology or a remedy
    /// makes them an explanation.
    #[test]
    fn calling_a_reported_fault_normal_shrugs_it_off_only_when_it_was_reported() {
        for (reply, complaint, question, lang) in [
            ("亲，新买的包有点味道很正常的哦", "新买的包有股味道，太难闻了", "新包会有味道吗", Lang::Zh),
            ("Dear customer, some fading is to be expected with linen.", "My linen shirt faded after one wash!", "Will the linen fade over time?", Lang::En),
        ] {
            let against = grader().grade_text_answering(reply, Some(complaint), lang);
            assert!(rules(&against).contains(&"shrugs_off_complaint") && against.tone_band < ToneBand::Neutral, "{reply}: {:?}", rules(&against));
            let informing = grader().grade_text_answering(reply, Some(question), lang);
            assert!(!rules(&informing).contains(&"shrugs_off_complaint"), "{reply}: {:?}", rules(&informing));
        }
        let explained = grader().grade_text_answering("很抱歉给您带来不便，新包有点味道很正常的，我们给您换一个", Some("新买的包有股味道，太难闻了"), Lang::Zh);
        assert!(!rules(&explained).contains(&"shrugs_off_complaint"), "{:?}", rules(&explained));
    }

    /// A swear word masked with asterisks is still a swear word, with its span.
    #[test]
    fn masked_swearing_is_swearing() {
        let text = "Sorry, the f**king courier lost it again";
        let report = grader().grade_text(text, Lang::En);
        let hit = report.hits.iter().find(|h| h.rule == "profanity").expect("profanity");
        assert_eq!(hit.matched, "f**king");
        assert_eq!(report.tone_band, ToneBand::Rude);
        let grade = grader().grade_text("She got an A* in maths, prices* exclude VAT", Lang::En);
        assert!(!rules(&grade).contains(&"profanity"), "{:?}", rules(&grade));
    }

    #[test]
    fn shouting_in_a_run_of_capitals_is_a_finding_and_invites_nothing() {
        let report = grader().grade_text("Sorry, but STOP EMAILING US about this", Lang::En);
        let found = rules(&report);
        assert!(found.contains(&"shouting_caps") && found.contains(&"go_away"), "{found:?}");
        assert!(!found.contains(&"invite_questions"), "an order to stop writing invites nothing: {found:?}");
    }
}
