//! Whether the buyer's message, which a reply answers, is upset: angry,
//! complaining or out of patience. A referral to a third party that nudges a
//! calm buyer leaves an upset one to chase it alone (`major_when_upset`).
//!
//! Why words and marks, not a mood model: the labelling rules call shifting the
//! burden onto a third party impolite "against an angry customer", and anger in
//! shop chat shows itself in a few plain ways: doubled ! or ? (not beside joy or
//! thanks: "收到了!!太喜欢了" is delight), complaint words
//! (投诉, 差评, 垃圾, 骗), exasperation (到底, 凭什么, 怎么还), a report of goods that
//! came broken, dead or short (碎了, 死了一半, 少发, "arrived broken": sending that buyer
//! to the courier or the maker is leaving them to it), a fault told plainly or
//! one that keeps coming back (不能用, 松了, 老是识别不了, 才用了三次就…, "defective",
//! "keeps disconnecting", "don't fit"), and English shouted in capitals. A calm
//! question with one "?" is not upset, nor is one about what might happen
//! ("这款杯子洗了会掉色吗"): the marks are faults already there. A scenario turn also
//! counts its buyer upset when the scenario's mood is Annoyed or worse.

use crate::grading::tone::capitals_span;

/// Marks and words of an upset buyer, compared after normalising (full-width
/// marks fold to ASCII, Traditional to Simplified, English to lower case).
const UPSET_MARKS: &[&str] = &[
    // complaint and threat
    "投诉", "差评", "举报", "曝光", "消协", "工商",
    // insult of the shop or its goods
    "垃圾", "骗子", "骗人", "骗钱", "欺骗", "诈骗", "忽悠", "坑人", "坑爹", "无耻", "恶心", "太差", "什么破", "破玩意", "黑心",
    // demanding an account
    "讲道理", "讲点道理", "给个说法", "合理解释",
    // exasperation
    "到底", "凭什么", "怎么还", "怎么又", "还要等", "等了好久", "等了这么久", "几天了", "好几天", "太慢了", "什么鬼", "搞什么", "有没有搞错",
    "无语", "气死", "生气", "失望", "心寒", "受不了", "欺负", "太过分", "没人管", "不管了吗", "妈的", "tmd",
    "郁闷", "坑我", "踢皮球", "推来推去", "什么态度", "态度差", "态度恶劣", "傻逼", "卧槽", "你妹",
    "服了", "白问", "再也不买", "不在你家买", "不会再买",
    // demanding who answers for a loss: "快递丢了谁负责!"
    "谁负责", "谁来负责", "谁赔", "怎么办!", "怎么回事",
    // a complaint of damage or loss: the goods arrived broken, dead or short
    "断了", "坏了", "裂了", "裂开", "破了", "碎了", "死了", "漏了", "少了", "少发", "掉了", "破损", "不制冷", "点不亮", "用不了", "没反应",
    // English
    "worst", "terrible", "ridiculous", "unacceptable", "disappointed", "disgusted", "furious", "angry", "awful",
    "horrible", "useless", "pathetic", "rubbish", "garbage", "scam", "fed up", "sick of", "wtf", "still haven't",
    "still not", "still no ", "still waiting", "a joke", "waste of",
    "annoying", "annoyed", "bullshit", "sucks", "crap", "damn", "shit", "fuck", "frustrat", "unbelievable", "not happy", "the hell",
    // Kept waiting or left unanswered: "on hold for 3 hours", "no answer", "tried everything"
    "on hold", "no answer", "no response", "no reply", "tried everything", "for hours", "hours on", "abhorrent",
    // Demanding it be put right at once: "You charged me TWICE. Fix it now!"
    "never came", "never arrived", "never showed up", "still hasn't", "still has not", "still isn't",
    "arrived broken", "arrived damaged", "arrived cracked", "arrived dead", "is broken", "was broken", "are broken", "cracked", "smashed",
    "shattered", "leaking", "is missing", "are missing", "was missing", "were missing", "stopped working", "won't turn on",
    // "the strap broke on day two": damage told in the past tense
    " broke",
    // harm to the buyer: "the soap gave me a rash", 吃了过敏
    "a rash", "made me sick", "made me ill", "allergic reaction", "过敏了", "起疹子", "起红疹",
    // a report that the goods do not work or are not what was sold: "defective", "not even charging",
    // 发错了, 是假货. A question about what might happen ("会掉色吗") is no report: these are past or present facts
    "defective", "faulty", "not working", "doesn't work", "does not work", "isn't working", "won't work", "not even",
    "not charging", "stopped charging", "dead on arrival", "wrong item", "sent me the wrong", "not as described",
    "has been redeemed", "already been used", "fell apart", "came apart", "peeling", " torn", " ripped",
    "发错", "假货", "次品", "残次", "不能用", "没法用", "不好使", "开不了机", "充不进电", "充不了电", "掉色了", "褪色了", "开线了", "漏水",
    // a complaint that the goods fall short: 根本收不起来, 降噪效果好差, 颜色差好多, "the lenses sting my eyes"
    "根本", "好差", "很差", "质量差", "不好用", "连不上", "激活不了", "没收到", "烂了", "瘪了", "蔫了", "晃得厉害", "进水了",
    "拉肚子", "便秘", "头晕", "腰疼", "好疼", "好苦", "好酸", "差好多", "不对版", "色差", "划痕", "起球", "发霉", "过期", "不发芽", "超慢", "松了", "发红", "红肿", "红得", "黑点", "污渍", "裂了", "歪了", "不准了", "测得不准", "走时不准", "偏差", "有股", "发黄", "变色", "起皮", "脱胶", "开胶", "咔咔响", "吱吱响", "好慢", "这么慢", "还没到", "还没收到", "还没发货", "太难", "太小", "太硬", "跟不上", "看不清", "bitter",
    " sting", "is dying", "fell off", "came off", " tore", "won't lock", "won't close", "won't fit", "doesn't fit",
    "logged me out", "charged me", "past its", "expired", " stained", "scratched", " dented", "ran the first time",
    // a fault that keeps coming back or that came with use: "it keeps disconnecting", 指纹老是识别不了, 才用了三次就…
    "keeps ", "kept ", "stopped ", "snapped", "got worse", "getting worse", "making it worse", "locked me out", "locked out",
    "damp", "soggy", "mouldy", "moldy", "rotten", "leaks", "leaked", "rattles", "faded", "shrunk", "shrank", "didn't go off",
    "won't let me", "won't open", "won't load", "won't start", "won't connect", "won't play", "won't scan",
    "won't pair", "won't sync", "won't print", "won't stay",
    "don't fit", "didn't even", "taking on water", "cutting into", "split down", "split open", "has split", "for no reason", "sent the wrong", "the wrong size",
    "the wrong colour", "the wrong color", "wrong power",
    "老是", "总是坏", "一直不", "一直没", "一直显示", "一直卡", "一直闪", "一直响", "一直漏", "才用了", "第二天就", "识别不了", "打不开",
    "开不了", "关不了", "充不上", "装不上", "收不起来", "登不上", "登录不了", "启动不了", "漏馅", "滴水", "变形", "异响", "卡顿", "死机",
    "黑屏", "闪退",
    // a fault that came soon or shows on the goods: 才跑了两百公里就鼓包, 戴了一周就发黑, "went green in a week"
    "才跑了", "才穿了", "才戴了", "才洗了", "才开了", "才骑了", "才装了", "才充了", "鼓包", "发黑", "渗水", "生锈", "掉漆", "起泡", "没声音",
    "发烫", "烫手", "刺鼻", "异味", "脱落", "掉毛", "缩水", "糊的",
    "only had it", "only used it", "after one use", "after one wash", "first wash", "went green", "gone green", "is dead", "are dead", "dead after", " died",
    // thanks said in anger: "thanks for nothing!!" is no delight
    "for nothing", "谢个屁", "谢谢个屁",
    "fix it now", "fix this now", "fix it immediately", "sort it out now", "sort this out now", "want my money back",
];

/// Doubled marks (!!, ??): upset by themselves only when nothing in the message says joy.
const DOUBLED_MARKS: &[&str] = &["!!", "??", "?!", "!?"];

/// Joy and thanks: "终于啊终于!! 爱你们", "收到了!!太喜欢了", "Arrived!! Love it". Doubled
/// marks beside these are delight, not anger; a complaint word still reads upset.
/// Words that also threaten or scoff are not here: "不给好评了!!", "终于回复了??".
const JOY_MARKS: &[&str] = &[
    "爱你", "喜欢", "太好了", "太棒", "好棒", "哈哈", "谢谢", "感谢", "点赞", "给力", "开心",
    "love", "thank", "awesome", "amazing", "great", "brilliant", "perfect", "haha", "yay",
];

/// Whether the buyer's message reads upset: `buyer` as typed (capitals shout),
/// `normalized` as a turn normalises it once for all it reads there.
pub fn upset(buyer: &str, normalized: &str) -> bool {
    if capitals_span(buyer).is_some() {
        return true;
    }
    let compact: String = normalized.chars().filter(|c| !c.is_whitespace()).collect();
    let holds = |mark: &&str| if mark.is_ascii() && mark.chars().any(|c| c.is_ascii_alphabetic()) { normalized.contains(*mark) } else { compact.contains(*mark) };
    UPSET_MARKS.iter().any(holds) || DOUBLED_MARKS.iter().any(holds) && !JOY_MARKS.iter().any(holds)
}

/// `upset` for the buyer's message a reply answers, if any: `asked` as typed and
/// `normalized` as the turn normalised it. No message, no upset.
pub fn answering(asked: Option<&str>, normalized: Option<&str>) -> bool {
    asked.zip(normalized).is_some_and(|(asked, normalized)| upset(asked, normalized))
}

#[cfg(test)]
mod tests {
    fn upset(buyer: &str) -> bool {
        super::upset(buyer, &crate::text::normalize(buyer).text)
    }

    #[test]
    fn complaints_exasperation_and_shouting_are_upset() {
        for buyer in [
            "快递三天没动了,到底怎么回事!",
            "怎么还没发货？？",
            "再不处理我就投诉了",
            "什么破东西,一用就坏",
            "等了好几天了还没到",
            "This is ridiculous, I've been waiting a week",
            "WHERE IS MY ORDER, YOU SAID FRIDAY",
            "Still not delivered!!",
            "谢谢个屁!!东西都坏了",
            "Thanks for nothing!!",
            "再不处理就不给好评了!!",
            "终于回复了??",
            "I've been on hold for 3 hours and still can't log in",
            "寄来的杯子碎了",
            "蟹到了死了一半",
            "The lamp arrived broken",
            "The strap broke on day two",
            "This cream gave me a rash",
            "Got a defective charger, it's not even charging",
            "收到的是次品,根本不能用",
            "The VPN keeps disconnecting every ten minutes",
            "门锁指纹老是识别不了",
            "换的轮胎才跑了两百公里，侧面鼓包了",
            "The new hot tub water went green within a week",
        ] {
            assert!(upset(buyer), "{buyer}");
        }
    }

    #[test]
    fn calm_questions_are_not_upset() {
        for buyer in [
            "请问这款保温杯能装多少毫升?",
            "什么时候发货呀",
            "换货要怎么申请啊",
            "我想改一下地址",
            "Do you ship to Canada?",
            "Is the XL in stock?",
            "这款杯子洗了会掉色吗",
            "Will the frame break if I drop it?",
            "终于啊终于!!爱你们",
            "收到了！！太喜欢了！！",
            "Arrived today!! Love it",
            "Thanks! When will it arrive?",
            "这双鞋尺码准不准?",
            "能只买一半吗?",
            "Can I split the payment?",
            "Is the grip easy to keep clean?",
        ] {
            assert!(!upset(buyer), "{buyer}");
        }
    }
}
