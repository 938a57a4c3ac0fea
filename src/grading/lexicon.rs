//! The course's lexicons compiled into one phrase set: which steps, tone
//! markers and platform rules a message contains, with spans. A bad phrase
//! under a negation ("我不能告诉您她的地址", "can't move this to WeChat") is not held against the agent.

use crate::content::Course;
use crate::content::raw::{Lang, LexiconEntry, LexiconKind, Polarity, Severity, Text};
use crate::grading::tone::Marker;
use aho_corasick::AhoCorasick;
use crate::text::matcher::{PhraseHit, PhraseSet};
use std::collections::BTreeMap;

#[derive(Debug, Clone)]
pub struct EntryInfo {
    pub id: String,
    pub kind: LexiconKind,
    pub polarity: Polarity,
    pub severity: Severity,
    pub label: Text,
    pub explain: Text,
    /// The hand-label intent this entry counts as (`kefu eval`), from the lexicon file.
    pub intent: Option<String>,
    /// A negation in the hit's clause cancels it.
    pub negatable: bool,
    /// 别/不要/don't before the hit orders the buyer to stop: no excuse.
    pub stop_order_keeps: bool,
    /// A refusal (its hand-label intent is `refuse`): a remedy named inside
    /// its words is what is refused ("超过了退换周期" offers no exchange).
    pub refuses: bool,
    /// Asks the buyer for facts (its hand-label intent is `ask_order_info`):
    /// inside a rude phrase the question is rhetorical and asks nothing.
    pub asks: bool,
    /// Counts only inside a question sentence.
    pub in_question: bool,
    /// Counts only in plain statements (no question, no "if" clause).
    pub asserted_only: bool,
    /// No offer inside a question aimed at the buyer, unless the agent acts in it.
    pub not_in_question: bool,
    /// Counts only in a message no longer than this (letters, digits, characters).
    pub max_chars: Option<u16>,
    /// No fault in an answer to the buyer's how-to question.
    pub fine_as_instruction: bool,
    /// What a hit means for the tone, if anything (`marker_for` reads the buyer's mood).
    pub marker: Option<crate::grading::tone::Marker>,
    /// A minor fault that costs as a major one when the buyer is upset.
    pub major_when_upset: bool,
    /// Heard only when the buyer is upset (`heard_for`).
    pub only_when_upset: bool,
    /// Makes the question sentence it sits in rhetorical: no request for facts there.
    pub rhetorical: bool,
    /// Also hears words masked with asterisks ("f***").
    pub hears_masked: bool,
    /// Entries (by index) whose later hit in the same message cancels this one.
    cancelled_by: Vec<usize>,
}

impl EntryInfo {
    /// What a hit means for the tone in a reply to a buyer who is `upset` or
    /// not: a fault costs at `severity_for`.
    pub fn marker_for(&self, upset: bool) -> Option<Marker> {
        match self.marker {
            Some(Marker::Fault(_)) => Some(Marker::Fault(self.severity_for(upset))),
            Some(Marker::FirmFault(_)) => Some(Marker::FirmFault(self.severity_for(upset))),
            Some(Marker::BareFault(_)) => Some(Marker::BareFault(self.severity_for(upset))),
            marker => marker,
        }
    }

    /// Whether words of this entry set in quotation marks name something rather
    /// than say it: courtesy, and greeting, thanking or apologising.
    pub fn names_in_quotes(&self) -> bool {
        self.marker == Some(Marker::Courtesy) || matches!(self.intent.as_deref(), Some("greet" | "thank" | "apologise"))
    }

    /// Whether a hit counts at all in a reply to a buyer who is `upset` or not:
    /// an `only_when_upset` entry is heard only by an upset buyer.
    pub fn heard_for(&self, upset: bool) -> bool {
        upset || !self.only_when_upset
    }

    /// The severity a bad hit costs at in a reply to a buyer who is `upset` or
    /// not: a `major_when_upset` fault costs as a major one to an upset buyer.
    pub fn severity_for(&self, upset: bool) -> Severity {
        if upset && self.major_when_upset { self.severity.max(Severity::Major) } else { self.severity }
    }

    /// The entry's advice, and, when an upset buyer made it cost more, why.
    pub fn explain_for(&self, upset: bool, lang: Lang) -> String {
        let explain = self.explain.get(lang);
        if self.severity_for(upset) == self.severity {
            return explain.to_string();
        }
        let sep = if lang == Lang::Zh { "。" } else { ". " };
        format!("{explain}{sep}{}", crate::i18n::Msg::ExplainUpsetMajor.get(lang))
    }
}

#[derive(Debug, Clone)]
pub struct CompiledLexicon {
    pub entries: Vec<EntryInfo>,
    by_id: BTreeMap<String, usize>,
    phrases: PhraseSet,
}

/// Words that, just before a phrase in the same clause, negate it ("不能退款").
const NEGATORS: &[&str] = &[
    "不能", "不会", "不可以", "无法", "不方便", "不得", "禁止", "不要", "别", "不允许", "没法", "不好",
    "没办法", "没有办法", "不支持", "不参加", "不参与", "不予",
    // not daring to claim it: "我们不敢说是最好的"; a warning against it: "请勿添加个人微信"
    "不敢", "请勿", "切勿",
    // a denial: "我们没有说您无理取闹"
    "没有说", "没说", "不是说",
    "can't", "cannot", "can not", "won't", "will not", "not", "never", "don't", "do not", "unable to",
    // "…isn't allowed, and neither is a refund"
    "neither", "nor",
    // a prefix that negates the word it joins: "a non-refundable ticket"
    "non-",
];

/// Ordinary words that contain a negator but negate nothing: 不好意思 (sorry),
/// 别家 (other shops), 要不要 / 能不能 (questions). They are blanked before
/// looking for a negation, so "不好意思,加我微信吧" still counts as moving the buyer off the platform.
const NOT_NEGATIONS: &[&str] = &[
    "不好意思", "别家", "别人", "区别", "特别", "别的", "分别", "要不要", "能不能", "会不会", "可不可以", "好不好", "是不是",
    "不能不", "别担心", "别着急", "别急", "不用担心", "不要着急", "不要急", "不着急", "不要担心", "不用着急", "不好说", "not only", "whether or not", "don't worry", "do not worry",
    "don't hesitate", "do not hesitate", "not sure if", "never mind",
    // A suggestion, not a negation: "why don't you take your business elsewhere?"
    "why don't you", "why don't we", "why not",
];

/// The negators that, in front of something the buyer does, order them to
/// stop it ("别胡搅蛮缠", "don't pester us") rather than deny it.
const STOP_ORDERS: &[&str] = &["别", "不要", "don't", "do not"];

/// Words that, just after a phrase in the same clause, negate it ("退款是不行的", "refunds are not possible").
const AFTER_NEGATORS: &[&str] = &[
    "不行", "不可以", "不能", "不了", "不支持", "不允许", "无法", "没办法", "做不到", "办不到", "不接受", "办不了", "是不会",
    "是没有", "没有的", "不敢保证", "无法保证", "没法保证", "保证不了",
    // the promotion is over: "满三百减五十的活动昨天就结束啦", "满减昨晚就截止了"
    "结束了", "已结束", "就结束", "已经结束", "截止了", "已截止", "就截止",
    // "退货运费是没法帮您报销的"
    "是没法", "没法帮",
    "not possible", "isn't possible", "is not possible", "aren't possible", "are not possible", "not allowed", "isn't allowed",
    "not available", "isn't available", "aren't available", "isn't something", "is not something", "doesn't apply", "does not apply",
    "don't apply", "are not something", "aren't something", "not valid", "isn't valid", "aren't valid", "no longer apply", "no longer applies", "no longer available", "no longer valid",
];

/// How far forward (in characters, within the clause) a negation reaches.
const AFTER_REACH_CHARS: usize = 20;

/// Whether the clause after byte `end` of `text` negates what precedes it.
/// A negator must begin within the reach but may run past it: "a price
/// adjustment after purchase is not something we offer".
pub fn negated_after(text: &str, end: usize) -> bool {
    let after = &text[end..];
    // English says in some forty letters what Chinese says in twenty characters:
    // "refunds for rentals that have been partly watched are not possible".
    let reach = if after.chars().take(AFTER_REACH_CHARS).all(|c| c.is_ascii()) { AFTER_REACH_ASCII_CHARS } else { AFTER_REACH_CHARS };
    let to = after.char_indices().nth(reach + AFTER_NEGATOR_CHARS).map(|(i, _)| i).unwrap_or(after.len());
    let clause = after[..to].split(ends_clause).next().unwrap_or(after);
    let limit = clause.char_indices().nth(reach).map(|(i, _)| i).unwrap_or(clause.len());
    holds_negator_from(clause, &finder().after, limit)
}

/// How far forward a negation reaches in English text, in characters.
const AFTER_REACH_ASCII_CHARS: usize = 48;

/// The longest word of `AFTER_NEGATORS`, in characters (a test holds it to that).
const AFTER_NEGATOR_CHARS: usize = 19;

/// Words that open an "if" clause: what follows is supposed, not said.
const CONDITIONS: &[&str] = &["如果", "如", "若", "要是", "假如", "万一", "假设", "倘若", "if", "unless", "in case"];
/// Words with 如 that open no condition.
const NOT_CONDITIONS: &[&str] = &["比如", "例如", "诸如", "如下", "如何", "如此", "如实", "如期", "如意", "如同", "如今"];

/// Words that close an "if" clause inside one clause and open what follows
/// from it: "如果没有的话就不行" supposes "没有" and says "不行".
const CONSEQUENCES: &[&str] = &["的话", "就", "则", "那么", "那就", "then"];

/// Whether the clause before byte `start` opens with an "if": "如果还是不行,…".
/// A hit after the condition's "的话/就/则" is its consequence, which is said.
pub fn in_condition(text: &str, start: usize) -> bool {
    let clause = clause_before(text, start);
    CONDITIONS.iter().any(|word| {
        crate::text::occurrences(clause, word).any(|at| {
            let rest = &clause[at + word.len()..];
            if CONSEQUENCES.iter().any(|c| crate::text::holds(rest, c)) {
                return false;
            }
            let whole_word = !word.is_ascii()
                || (!clause[..at].chars().next_back().is_some_and(|c| c.is_ascii_alphanumeric())
                    && !clause[at + word.len()..].chars().next().is_some_and(|c| c.is_ascii_alphanumeric()));
            let look_alike = NOT_CONDITIONS.iter().any(|n| {
                crate::text::occurrences(clause, n).any(|w| w <= at && at + word.len() <= w + n.len())
            });
            whole_word && !look_alike
        })
    })
}

/// Words that make a Chinese sentence a question without a question mark.
const QUESTION_WORDS: &[&str] = &[
    "什么", "哪", "几", "多少", "怎么", "如何", "为什么", "为何", "是否", "有没有", "是不是", "能不能", "可不可以", "会不会", "要不要",
    "多久", "多大", "多长",
    // colloquial question words: 为啥退 / 干嘛 / 咋回事 ask without a question mark
    "为啥", "干嘛", "干啥", "咋回事", "咋了", "咋办", "啥时候", "啥事",
];

/// Word lists searched in one automaton pass each rather than one search per
/// word: the question ones are asked of every question-bound hit (one search
/// per word had cost a tenth of a reply's work).
macro_rules! holds_any {
    ($name:ident, $words:expr) => {
        fn $name(text: &str) -> bool {
            static WORDS: std::sync::LazyLock<AhoCorasick> =
                std::sync::LazyLock::new(|| AhoCorasick::new($words).expect("plain words always compile"));
            WORDS.is_match(text)
        }
    };
}
fn holds_question_word(text: &str) -> bool {
    asking_words(text).next().is_some()
}

/// Words that hold a question word but ask nothing: 几乎 (almost), 过几天 (in a
/// few days), 哪怕 (even if), 多少会 (somewhat), 可能不能 (may not be able to),
/// 什么的 (and so on), the brand 去哪儿网; after a verb's 了, 几天/几次/几片
/// tell how much ("掉了几片叶子", "等了几天"), where 买了几个 still asks.
const NOT_QUESTION_WORDS: &[&str] = &[
    "几乎", "过几", "这几", "前几", "后几", "好几", "没几", "那几", "十几", "几十", "几百", "几千", "几万", "哪怕", "去哪儿网", "多少会",
    "了几天", "了几次", "了几片", "了几下", "了几遍", "了几句", "了几分钟", "了几个小时",
    "多少有", "多少也", "多少都", "多少能", "可能不能", "什么的", "没什么", "不怎么", "怎么也", "怎么都", "什么都",
];

/// The question words of `sentence` that ask, as (start, end), skipping look-alikes.
fn asking_words(sentence: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    static LOOK_ALIKES: std::sync::LazyLock<AhoCorasick> =
        std::sync::LazyLock::new(|| AhoCorasick::new(NOT_QUESTION_WORDS).expect("plain words always compile"));
    let mut look_alikes: Option<Vec<(usize, usize)>> = None;
    question_words().find_overlapping_iter(sentence).map(|m| (m.start(), m.end())).filter(move |(at, end)| {
        let spans = look_alikes.get_or_insert_with(|| LOOK_ALIKES.find_overlapping_iter(sentence).map(|m| (m.start(), m.end())).collect());
        !spans.iter().any(|(s, e)| s <= at && end <= e)
    })
}
holds_any!(holds_invitation, INVITATION_WORDS);
holds_any!(holds_agent_act, AGENT_ACTS);
holds_any!(holds_how_to, HOW_TO);
holds_any!(holds_way_mark, WAY_MARKS);

/// Words by which an order shows itself as the way to get something done
/// ("用下单的账号登录查看即可", "进入设置…清掉缓存,可令它恢复"): it is an
/// instruction, like an answer to "how do I…?", not bossing the buyer about.
/// In English: "unplug the modem for the new settings to take effect".
const WAY_MARKS: &[&str] = &[
    "即可", "就可以", "就行", "就好了", "便可", "就能", "可令", "可以让", "以便", "take effect", "in order to", "so that", "to fix", "to resolve", "to solve",
];

/// Whether the sentence around `start..end` gives its order as the way to an end (`WAY_MARKS`).
fn gives_a_way(text: &str, start: usize, end: usize) -> bool {
    let (from, to) = crate::text::matcher::sentence_around(text, start, end);
    holds_way_mark(&text[from..to])
}

/// How a buyer asks how or where to do something ("券去哪里领", "怎么发私信",
/// "how do I return it"): an order in reply is an instruction. Not 怎么还/怎么又,
/// which ask why something went wrong.
const HOW_TO: &[&str] = &[
    "如何", "怎样", "怎么样才", "怎么才", "有没有办法", "有什么办法", "有啥办法", "什么办法", "咋办", "咋弄", "咋整", "怎么办", "怎么弄",
    "怎么做", "怎么操作", "怎么处理", "怎么设置", "怎么用", "怎么使用", "怎么申请", "怎么退", "怎么换", "怎么改", "怎么更改", "怎么修改",
    "怎么取消", "怎么联系", "怎么发", "怎么领", "怎么买", "怎么下单", "怎么付", "怎么查", "怎么找", "怎么解决", "怎么证明", "怎么登", "怎么开",
    "怎么关", "怎么装", "怎么安装", "怎么下载", "怎么恢复", "怎么提交", "怎么填", "怎么拍", "怎么上传", "怎么兑换", "怎么使", "哪里领",
    "哪里买", "哪里找", "哪里看", "哪里申请", "哪里设置", "哪里点", "哪里下载", "在哪领", "在哪买", "在哪找", "在哪看", "在哪申请",
    "在哪设置", "在哪点", "在哪下载", "去哪领", "去哪买", "去哪找", "去哪看", "去哪申请",
    "how do i", "how can i", "how should i", "how to", "where do i", "where can i", "is there a way", "what do i do", "what should i do",
];

/// What follows 怎么 when it asks why or how things are, not how to do something:
/// 怎么还没到, 怎么又坏了, 怎么回事, 怎么样, 怎么会这样.
const WHY_AFTER_ZENME: &[&str] = &[
    "还", "又", "没", "不", "回事", "搞的", "这么", "那么", "会", "了", "样", "可能", "就", "都", "也", "说", "想", "看", "?", "!", ",", ".",
];

/// Whether the buyer's message (normalised) asks how or where to do
/// something: a phrase of `HOW_TO`, or 怎么 before anything but a why
/// (怎么给你们发私信).
fn asks_how(buyer: &str) -> bool {
    holds_how_to(buyer)
        || crate::text::occurrences(buyer, "怎么").any(|at| {
            let rest = &buyer[at + "怎么".len()..];
            !rest.is_empty() && !WHY_AFTER_ZENME.iter().any(|w| rest.starts_with(w)) && !reports_an_event(rest)
        })
}

/// Whether what follows 怎么 is a short verb closed by 了: something that has
/// happened ("流量怎么超了", "怎么坏了"), so the buyer asks why, not how to.
fn reports_an_event(rest: &str) -> bool {
    rest.chars().take(3).take_while(|c| !ends_clause(*c)).any(|c| c == '了')
}

/// Endings that make a question a proposal ("我送您5把可以吗"), not a request for facts.
const PROPOSAL_ENDINGS: &[&str] = &["可以吗", "好吗", "行吗", "怎么样", "可以么", "好么", "好不好", "行不行", "可以不"];

/// Words that make a question an invitation ("还有别的事要我帮忙的吗?"), not a request for facts.
const INVITATION_WORDS: &[&str] = &[
    "还有什么", "还有其他", "还有其它", "还有没有", "还有别的", "可以帮您", "可以帮你", "可以帮到您", "能帮您", "能帮你", "帮到您的", "帮助您", "帮助你", "帮到你",
    "为您效劳", "为你效劳", "为您服务", "为你服务", "需要帮助", "需要帮忙", "要帮忙", "什么需求", "帮点什么", "帮什么忙", "尽管说", "尽管联系", "随时联系", "随时找", "随时咨询", "尽管问", "随时问", "anything else", "how can i help", "how can we help", "how may i help", "what can i do for you", "what can we help", "what can i help",
];

/// Whether the sentence around `start..end` is a question: it ends in "?" or
/// 吗/么, or holds a question word (亲要什么颜色).
pub fn in_question(text: &str, start: usize, end: usize) -> bool {
    question_around(text, start, end, false)
}

/// Whether the sentence around `start..end` asks the buyer something: a
/// question (`in_question`), but a yes/no question the agent embeds in what
/// they will do ("问问今天能不能送到", "看是否能恢复") asks the buyer nothing.
pub fn asks_the_buyer(text: &str, start: usize, end: usize) -> bool {
    question_around(text, start, end, true)
}

fn question_around(text: &str, start: usize, end: usize, open_only: bool) -> bool {
    let (from, to) = crate::text::matcher::sentence_around(text, start, end);
    let sentence = without_closing_address(trim_trailing_filler(&text[from..to]));
    if PROPOSAL_ENDINGS.iter().any(|p| sentence.ends_with(p)) || holds_invitation(sentence) {
        return false;
    }
    if text[to..].starts_with('?') || sentence.ends_with('吗') || sentence.ends_with('么') {
        return true;
    }
    if !open_only {
        return holds_question_word(sentence) || holds_a_not_a(sentence, |_| true);
    }
    let open = |at: usize| !embedded_at(sentence, at);
    // A wh-word after the agent's own verb of finding out is what the agent will
    // look into ("我们这就查查到底是什么情况"); told to the buyer ("看说明书上写的是
    // 什么型号") or with the buyer named between ("我确认下您要什么颜色") it asks.
    let wh_open = |at: usize| !unknown_at(sentence, at) && (open(at) || !agent_speaks(sentence, at) || addressed_before(sentence, at));
    asking_words(sentence).any(|(at, end)| if YES_NO_WORDS.contains(&&sentence[at..end]) { open(at) } else { wh_open(at) })
        || holds_a_not_a(sentence, |at| open(at) && !unknown_after(sentence, at))
}

/// The sentence without a closing 亲 tag: "预约安装了吗亲" ends its question at 吗.
fn without_closing_address(sentence: &str) -> &str {
    ["亲爱的", "亲爱哒", "亲亲", "亲"]
        .iter()
        .find_map(|tag| sentence.strip_suffix(tag))
        .map_or(sentence, trim_trailing_filler)
}

/// `text` without the spaces, commas and tildes that trail a question ("好吗, ~").
fn trim_trailing_filler(text: &str) -> &str {
    text.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ',' | '~'))
}

/// The yes/no question words, which a verb of finding out can embed ("看是否…").
const YES_NO_WORDS: &[&str] = &["是否", "有没有", "是不是", "能不能", "可不可以", "会不会", "要不要"];

/// Verbs of finding out that take a yes/no question as their object: the
/// agent checking whether, not asking the buyer.
const EMBEDDING_VERBS: &[&str] = &[
    "看", "看下", "看一下", "看看", "查看", "查询", "问问", "问下", "问一下", "确认", "确认下", "确认一下", "核实", "核实下", "核实一下", "了解", "了解下",
    "了解一下", "查查", "查下", "查一下", "试试", "检查", "观察", "判断", "确定",
];

/// How far (in characters) a verb of finding out may stand before the question
/// it embeds: "问问今天能不能送到" puts a time between them, "检查蓝牙开关是否打开" an object.
const EMBEDDING_REACH_CHARS: usize = 8;

/// The clause of `sentence` that ends at byte `at`: back to the last , ; or :.
fn clause_up_to(sentence: &str, at: usize) -> &str {
    sentence[..at].rsplit([',', ';', ':']).next().unwrap_or("")
}

/// Whether the question word at byte `at` of `sentence` follows a verb of
/// finding out in its clause, but not 您看/你看, which ask the buyer's view.
/// The verbs are searched in one automaton pass, as the other word lists are:
/// this is asked of every yes/no word near a question-bound hit.
fn embedded_at(sentence: &str, at: usize) -> bool {
    static VERBS: std::sync::LazyLock<AhoCorasick> =
        std::sync::LazyLock::new(|| AhoCorasick::new(EMBEDDING_VERBS).expect("plain words always compile"));
    let clause = clause_up_to(sentence, at);
    let reach_from = clause.len() - within_reach(clause).len();
    VERBS.find_overlapping_iter(clause).any(|verb| {
        let asks_view = clause[verb.start()..].starts_with('看') && BUYER_ADDRESS.iter().any(|who| clause[..verb.start()].ends_with(who));
        verb.end() >= reach_from && !asks_view
    })
}

/// The end of `clause` that a verb of finding out may stand in and still
/// embed the question after it: its last `EMBEDDING_REACH_CHARS` characters.
fn within_reach(clause: &str) -> &str {
    clause.char_indices().rev().nth(EMBEDDING_REACH_CHARS - 1).map_or(clause, |(i, _)| &clause[i..])
}

/// The words that put a question to the buyer: 您, 你, 亲.
const BUYER_ADDRESS: &[&str] = &["您", "你", "亲"];

/// Who the agent is when they are the subject: 我(们), 这边, 小妹, or acting 帮您/为您.
const AGENT_SUBJECTS: &[&str] = &["我", "这边", "小妹", "小编", "妹子", "专员", "客服", "帮您", "为您", "给您", "帮你", "为你", "给你"];

/// Whether the agent is the subject of the clause before byte `at` of `sentence`.
fn agent_speaks(sentence: &str, at: usize) -> bool {
    let clause = clause_up_to(sentence, at);
    AGENT_SUBJECTS.iter().any(|agent| clause.contains(agent))
}

/// Whether 您/你/亲 stands in the clause before byte `at` of `sentence`, within
/// the reach of a verb of finding out: the question is put to the buyer.
fn addressed_before(sentence: &str, at: usize) -> bool {
    let window = within_reach(clause_up_to(sentence, at));
    BUYER_ADDRESS.iter().any(|who| window.contains(who))
}

/// Words by which the agent says they cannot tell: a question word after one
/// names what is unknown ("暂时判断不了是哪里的问题"); it asks the buyer nothing.
const NOT_KNOWING: &[&str] = &["不知道", "不清楚", "不确定", "无法判断", "判断不了", "无法确定", "确定不了", "说不准", "说不好"];

/// Whether the question word at byte `at` of `sentence` names what the agent
/// cannot tell: a `NOT_KNOWING` phrase before it in its clause, with no 您/你/亲
/// between (不知道您要什么颜色 asks politely).
fn unknown_at(sentence: &str, at: usize) -> bool {
    let clause = clause_up_to(sentence, at);
    NOT_KNOWING.iter().filter_map(|phrase| clause.rfind(phrase).map(|found| &clause[found + phrase.len()..])).any(|between| {
        !["您", "你", "亲", "you"].iter().any(|who| between.contains(who))
    })
}

/// What, said after a yes/no question in its clause, makes it a question the
/// agent cannot answer rather than one put to the buyer: "改不改版我们这边无从得知",
/// "兼不兼容得看主板".
const UNKNOWN_AFTER: &[&str] = &["不知道", "不清楚", "不确定", "说不准", "说不好", "不好说", "无从得知", "得看", "要看", "取决于", "没数"];

/// Whether the clause after byte `at` of `sentence` says the answer is not known
/// or depends (`UNKNOWN_AFTER`), with no 您/你/亲 between the two, who would be
/// asked it; one after the phrase names whose it is ("得看你自己的主板").
fn unknown_after(sentence: &str, at: usize) -> bool {
    let clause = sentence[at..].split([',', ';', ':']).next().unwrap_or("");
    UNKNOWN_AFTER.iter().filter_map(|phrase| clause.find(phrase)).any(|found| !BUYER_ADDRESS.iter().any(|who| clause[..found].contains(who)))
}

fn question_words() -> &'static AhoCorasick {
    static WORDS: std::sync::LazyLock<AhoCorasick> =
        std::sync::LazyLock::new(|| AhoCorasick::new(QUESTION_WORDS).expect("plain words always compile"));
    &WORDS
}

/// The A-not-A question (满没满, 收没收到, 来不来): a character, 不 or 没, and the
/// same character again asks yes or no without any question word. Also its
/// clipped form, a verb and 没 closing the sentence (缓存清没, 设置没), but not
/// "not yet" (还没, 都没, 也没).
/// Only forms starting at a byte offset `counts` accepts are counted.
fn holds_a_not_a(sentence: &str, counts: impl Fn(usize) -> bool) -> bool {
    let chars: Vec<char> = sentence.chars().collect();
    if let [.., before, '没'] = chars.as_slice()
        && crate::text::is_han(*before)
        && !matches!(before, '还' | '都' | '也' | '并' | '从' | '就' | '可' | '又' | '才' | '却' | '真' | '确' | '早' | '刚' | '仍' | '尚' | '已' | '不' | '没')
    {
        return true;
    }
    // Not the concession "买不买都行" (whether or not) nor the idiom "爱买不买" (take it or leave it).
    chars.windows(3).enumerate().any(|(at, w)| {
        w[0] == w[2]
            && matches!(w[1], '不' | '没')
            && crate::text::is_han(w[0])
            && !matches!(w[0], '不' | '没')
            && !matches!(chars.get(at + 3), Some('都' | '也'))
            && !(at > 0 && chars[at - 1] == '爱')
            // 可能不能 is "may not be able to", not 能不能.
            && !(at > 0 && chars[at - 1] == '可' && w[0] == '能')
            // 好不好/行不行/可不可以 propose ("明天再联系您好不好嘛"); they ask for no facts.
            && !(w[1] == '不' && matches!(w[0], '好' | '行' | '可'))
            && counts(sentence.char_indices().nth(at).map_or(0, |(i, _)| i))
    })
}

/// Words by which the agent acts for the buyer inside a question: "需要帮您退款吗"
/// offers a refund, while "请问亲是因为什么想退货呀" asks about the buyer's own request.
const AGENT_ACTS: &[&str] = &["帮您", "帮你", "帮亲", "给您", "给你", "给亲", "为您", "为你", "替您", "需要", "要不要", "我帮", "我给", "我们帮", "我们给", "这边帮", "这边给", "可以", "shall we", "should we", "would you like", "do you want", "we can", "i can", "you can"];

/// Whether the clause around `start..end` (between commas or sentence ends)
/// asks the buyer something without the agent offering to act in it:
/// "您可以选择换货,也可以退货退款,您看哪种方便?" offers in its first clauses
/// and asks only in the last; "需要给您补发吗?" offers.
pub fn asks_without_offer(text: &str, start: usize, end: usize) -> bool {
    let is_stop = |c: char| ends_clause(c) || c == '\n';
    let from = text[..start].rfind(is_stop).map(|i| i + 1).unwrap_or(0);
    let to = text[end..].find(is_stop).map(|i| end + i).unwrap_or(text.len());
    // Two chat messages joined by a space are two clauses.
    let from = text[from..start].rfind(|c: char| c.is_whitespace()).filter(|i| text[..from + i].chars().next_back().is_some_and(crate::text::is_han)).map_or(from, |i| from + i + 1);
    let to = text[end..to].find(|c: char| c.is_whitespace()).filter(|i| text[..end + i].chars().next_back().is_some_and(crate::text::is_han)).map_or(to, |i| end + i);
    let clause = text[from..to].trim_end_matches(|c: char| c.is_whitespace() || c == '~');
    if holds_agent_act(clause) || PROPOSAL_ENDINGS.iter().any(|p| clause.ends_with(p)) {
        return false;
    }
    text[to..].starts_with('?')
        || clause.ends_with('吗')
        || clause.ends_with('么')
        || TAG_QUESTIONS.iter().any(|t| clause.ends_with(t))
        // "不清楚运费多少,先按八元收,多退少补" names what is unknown; it asks nothing.
        || asking_words(clause).any(|(at, _)| !unknown_at(clause, at))
}

/// Endings that turn a statement into a check with the buyer ("要退款是吧").
const TAG_QUESTIONS: &[&str] = &["是吧", "对吧", "是不", "对不"];

/// Negators and look-alikes compiled once (aho-corasick): negation is checked
/// for every bad hit and every amount a fact looks at.
struct NegationFinder {
    before: AhoCorasick,
    before_not_stop_orders: AhoCorasick,
    after: AhoCorasick,
    look_alikes: AhoCorasick,
}

fn finder() -> &'static NegationFinder {
    static FINDER: std::sync::LazyLock<NegationFinder> = std::sync::LazyLock::new(|| {
        let build = |words: &[&str]| AhoCorasick::builder().build(words).expect("plain words always compile");
        let not_stop_orders: Vec<&str> = NEGATORS.iter().copied().filter(|n| !STOP_ORDERS.contains(n)).collect();
        NegationFinder {
            before: build(NEGATORS),
            before_not_stop_orders: build(&not_stop_orders),
            after: build(AFTER_NEGATORS),
            look_alikes: build(NOT_NEGATIONS),
        }
    });
    &FINDER
}

/// Whether `clause` holds a negator of `negators` that is not part of a word
/// that only looks like one (不好意思, 能不能). Only negators that begin
/// before byte `limit` count: past it lies the hit's own opening, where a
/// negator may straddle it ("不可以退" negates the hit "可以退"), or what lies
/// beyond the forward reach.
fn holds_negator_from(clause: &str, negators: &AhoCorasick, limit: usize) -> bool {
    let look_alikes: Vec<(usize, usize)> =
        finder().look_alikes.find_overlapping_iter(clause).map(|m| (m.start(), m.end())).collect();
    negators.find_overlapping_iter(clause).any(|m| {
        let (at, end) = (m.start(), m.end());
        // An English negator must be a whole word: the "not" of "note" or
        // "notify" negates nothing. A prefix ("non-") joins the word after it.
        let word = &clause[at..end];
        let ascii = word.is_ascii();
        let starts_word = !clause[..at].chars().next_back().is_some_and(|c| c.is_ascii_alphanumeric());
        let ends_word = word.ends_with('-') || !clause[end..].chars().next().is_some_and(|c| c.is_ascii_alphanumeric());
        let word_ok = !ascii || starts_word && ends_word;
        at < limit && word_ok && !look_alikes.iter().any(|(s, e)| *s <= at && end <= *e)
    })
}

/// The marks that end a clause: , . ! ? ; and : (a match, not a search of a
/// string, since this runs for every character before every hit).
fn ends_clause(c: char) -> bool {
    matches!(c, ',' | '.' | '!' | '?' | ';' | ':')
}

/// How far back (in characters, within the clause) a negation reaches.
const NEGATION_REACH_CHARS: usize = 40;

/// The clause that ends at byte `start`: back to the last , . ! ? ; or :, and
/// at most `NEGATION_REACH_CHARS` characters.
fn clause_before(text: &str, start: usize) -> &str {
    let from = text[..start].char_indices().rev().nth(NEGATION_REACH_CHARS - 1).map(|(i, _)| i).unwrap_or(0);
    let before = &text[from..start];
    before.rsplit(ends_clause).next().unwrap_or(before)
}

/// How far (in characters) a negator beginning before a hit may run into it:
/// "不可以" runs two characters into "可以退".
const NEGATOR_OVERLAP_CHARS: usize = 3;

/// Whether the clause before byte `start` of `text` holds a negation.
pub fn negated(text: &str, start: usize) -> bool {
    negated_by(text, start, &finder().before)
}

/// `negated`, where an order to stop (别, 不要, don't) is no negation: "您别胡搅蛮缠"
/// still accuses, while "不是说您胡搅蛮缠" does not.
pub fn negated_not_by_stop_order(text: &str, start: usize) -> bool {
    negated_by(text, start, &finder().before_not_stop_orders)
}

fn negated_by(text: &str, start: usize, negators: &AhoCorasick) -> bool {
    let clause = clause_before(text, start);
    // Two chat messages joined by a space are two clauses ("您先不要着急 我帮您反馈").
    let clause = clause.rsplit_once(|c: char| c.is_whitespace()).filter(|(head, _)| head.chars().next_back().is_some_and(crate::text::is_han)).map_or(clause, |(_, tail)| tail);
    // A negator may run into the hit: "不可以退" holds the hit "可以退", whose
    // negation "不可以" starts one character before it. Look a few characters
    // into the hit, counting only negators that begin before it.
    let from = clause.as_ptr() as usize - text.as_ptr() as usize;
    let into = text[start..].char_indices().nth(NEGATOR_OVERLAP_CHARS).map(|(i, _)| start + i).unwrap_or(text.len());
    holds_negator_from(&text[from..into], negators, start - from)
}

impl CompiledLexicon {
    pub fn new(course: &Course) -> CompiledLexicon {
        let mut entries = Vec::new();
        let mut cancellers: Vec<Vec<String>> = Vec::new();
        let mut builder = PhraseSet::builder();
        for (kind, list) in &course.lexicons {
            for entry in list {
                cancellers.push(entry.cancelled_by.clone());
                let group = entries.len();
                add_entry(&mut builder, group, entry);
                entries.push(EntryInfo {
                    id: entry.id.clone(),
                    kind: *kind,
                    polarity: entry.polarity,
                    severity: entry.severity,
                    label: entry.label.clone(),
                    explain: entry.explain.clone(),
                    intent: entry.intent.clone(),
                    negatable: (entry.negatable || entry.polarity == Polarity::Bad) && !entry.never_negated,
                    stop_order_keeps: entry.stop_order_keeps,
                    refuses: entry.intent.as_deref() == Some("refuse"),
                    asks: entry.intent.as_deref() == Some("ask_order_info"),
                    in_question: entry.in_question,
                    asserted_only: entry.asserted_only,
                    not_in_question: entry.not_in_question,
                    max_chars: entry.max_chars,
                    fine_as_instruction: entry.fine_as_instruction,
                    cancelled_by: Vec::new(),
                    marker: tone_marker(*kind, entry),
                    major_when_upset: entry.major_when_upset,
                    only_when_upset: entry.only_when_upset,
                    rhetorical: entry.rhetorical,
                    hears_masked: entry.hears_masked,
                });
            }
        }
        let by_id: BTreeMap<String, usize> = entries.iter().enumerate().map(|(i, e)| (e.id.clone(), i)).collect();
        for (entry, ids) in entries.iter_mut().zip(cancellers) {
            // Unknown ids are reported by `kefu check` (references pass).
            entry.cancelled_by = ids.iter().filter_map(|id| by_id.get(id).copied()).collect();
        }
        CompiledLexicon { entries, by_id, phrases: builder.build() }
    }

    /// Adds a hit of every `hears_masked` entry at each word masked with
    /// asterisks ("f***"), keeping the hits in text order.
    fn add_masked(&self, text: &str, hits: &mut Vec<PhraseHit>) {
        if !text.contains('*') {
            return;
        }
        let masked = crate::text::masked::masked_words(text);
        if masked.is_empty() {
            return;
        }
        for (group, _) in self.entries.iter().enumerate().filter(|(_, entry)| entry.hears_masked) {
            hits.extend(masked.iter().map(|&(start, end)| PhraseHit { start, end, group }));
        }
        hits.sort();
        hits.dedup();
    }

    /// Drops each hit whose entry `inner` picks when it lies inside a hit whose
    /// entry `outer` picks.
    fn drop_inside(&self, hits: &mut Vec<PhraseHit>, outer: impl Fn(&EntryInfo) -> bool, inner: impl Fn(&EntryInfo) -> bool) {
        self.drop_within(hits, outer, inner, |hit| (hit.start, hit.end));
    }

    /// Drops each hit whose entry `inner` picks when its sentence holds a hit
    /// whose entry `outer` picks.
    fn drop_in_sentence(&self, text: &str, hits: &mut Vec<PhraseHit>, outer: impl Fn(&EntryInfo) -> bool, inner: impl Fn(&EntryInfo) -> bool) {
        self.drop_within(hits, outer, inner, |hit| crate::text::matcher::sentence_around(text, hit.start, hit.end));
    }

    /// Drops each hit whose entry `inner` picks when it lies inside the reach
    /// (`reach_of`) of a hit whose entry `outer` picks.
    fn drop_within(
        &self,
        hits: &mut Vec<PhraseHit>,
        outer: impl Fn(&EntryInfo) -> bool,
        inner: impl Fn(&EntryInfo) -> bool,
        reach_of: impl Fn(&PhraseHit) -> (usize, usize),
    ) {
        let reaches: Vec<(usize, usize)> = hits.iter().filter(|h| outer(&self.entries[h.group])).map(&reach_of).collect();
        self.drop_in_spans(hits, &reaches, inner);
    }

    /// Drops greetings that begin a name the buyer used ("Is the Good Morning
    /// mug dishwasher safe?" → "Good Morning mug is…", “亲亲宝贝”辅食碗), and
    /// the courtesy heard in the same words. Only greetings: thanks and
    /// apologies run on into ordinary words ("首先感谢您的回复" → "感谢您的建议").
    /// `buyer` is the buyer's message, normalised.
    fn drop_echoed_names(&self, text: &str, hits: &mut Vec<PhraseHit>, buyer: &str) {
        let names: Vec<(usize, usize)> = hits
            .iter()
            .filter(|hit| self.entries[hit.group].intent.as_deref() == Some("greet"))
            .filter_map(|hit| crate::text::titles::echoed_name_end(text, hit.start, hit.end, buyer).map(|end| (hit.start, end)))
            .collect();
        self.drop_in_spans(hits, &names, EntryInfo::names_in_quotes);
    }

    /// Drops each hit whose entry `inner` picks when it lies wholly inside one of `spans`.
    fn drop_in_spans(&self, hits: &mut Vec<PhraseHit>, spans: &[(usize, usize)], inner: impl Fn(&EntryInfo) -> bool) {
        if !spans.is_empty() {
            hits.retain(|hit| !inner(&self.entries[hit.group]) || !crate::text::titles::inside_any(spans, hit.start, hit.end));
        }
    }

    pub fn entry(&self, id: &str) -> Option<&EntryInfo> {
        self.by_id.get(id).map(|i| &self.entries[*i])
    }

    /// Hits in normalised `text`. Dropped: hits of negatable entries whose
    /// clause is negated (before or after), and hits cancelled by a later hit
    /// of an entry in their `cancelled_by` list.
    pub fn hits(&self, text: &str) -> Vec<PhraseHit> {
        self.hits_answering(text, None)
    }

    /// `hits`, for a reply to the buyer's message `buyer` (normalised, once a
    /// turn, by the caller): when the buyer asked how or where to do something
    /// (`asks_how`), orders that are `fine_as_instruction` drop, and greeting
    /// words that begin a name the buyer used greet no one.
    pub fn hits_answering(&self, text: &str, buyer: Option<&str>) -> Vec<PhraseHit> {
        let answers_how = buyer.is_some_and(asks_how);
        let mut hits = self.phrases.find(text);
        self.add_masked(text, &mut hits);
        if answers_how {
            hits.retain(|hit| !self.entries[hit.group].fine_as_instruction);
        }
        if hits.iter().any(|hit| self.entries[hit.group].max_chars.is_some()) {
            let length = text.chars().filter(|c| c.is_alphanumeric()).count();
            hits.retain(|hit| self.entries[hit.group].max_chars.is_none_or(|max| length <= usize::from(max)));
        }
        hits.retain(|hit| {
            let entry = &self.entries[hit.group];
            if !entry.negatable {
                return true;
            }
            let before = if entry.stop_order_keeps { negated_not_by_stop_order(text, hit.start) } else { negated(text, hit.start) };
            !(before || negated_after(text, hit.end))
        });
        // A greeting, thanks or courtesy set in quotation or title marks names a card,
        // a product or a phrase ("'Sorry I Missed You' cards", “谢谢惠顾”卡片): it is not said to the buyer.
        self.drop_in_spans(&mut hits, &crate::text::titles::title_spans(text), EntryInfo::names_in_quotes);
        if let Some(buyer) = buyer {
            self.drop_echoed_names(text, &mut hits, buyer);
        }
        // A question inside a rude phrase (not a bare question, which softening may yet excuse) is rhetorical ("不是已经告诉你了吗", "did you even read it?"): it asks nothing.
        // Nor is an offer or an invitation named inside one extended: "DO NOT CONTACT US AGAIN"
        // invites no questions. (A refusal or an apology inside one is still said.)
        // A fault heard only by an upset buyer may not apply at all: what it holds is still said.
        self.drop_inside(&mut hits, |outer| matches!(outer.marker, Some(Marker::Fault(_) | Marker::FirmFault(_))) && !outer.only_when_upset, |inner| {
            inner.asks || inner.kind == LexiconKind::Steps && matches!(inner.intent.as_deref(), Some("invite_more_questions" | "offer_solution"))
        });
        // A rhetorical jab makes its whole question rhetorical: the 您 of "要我说几遍您才明白?"
        // and the opening 亲 of "亲,详情页写得清清楚楚,您没看吗?" ask for nothing.
        self.drop_in_sentence(text, &mut hits, |outer| outer.rhetorical, |inner| inner.asks);
        // An offer or a question inside an invitation's own words is the invitation
        // ("有啥我能帮您办的吗" offers nothing yet and asks for no facts).
        self.drop_inside(&mut hits, |outer| outer.kind == LexiconKind::Steps && outer.intent.as_deref() == Some("invite_more_questions"), |inner| {
            inner.asks || inner.kind == LexiconKind::Steps && inner.intent.as_deref() == Some("offer_solution")
        });
        // A remedy named inside a refusal's own words is what is refused ("超过了退换周期").
        self.drop_inside(&mut hits, |outer| outer.refuses, |inner| inner.negatable && inner.polarity == Polarity::Good);
        hits.retain(|hit| {
            let entry = &self.entries[hit.group];
            if entry.fine_as_instruction && gives_a_way(text, hit.start, hit.end) {
                return false;
            }
            if entry.in_question {
                return asks_the_buyer(text, hit.start, hit.end);
            }
            if entry.not_in_question && asks_without_offer(text, hit.start, hit.end) {
                return false;
            }
            !entry.asserted_only || !(in_question(text, hit.start, hit.end) || in_condition(text, hit.start))
        });
        let cancelled: Vec<bool> = hits
            .iter()
            .map(|hit| {
                let entry = &self.entries[hit.group];
                // Acknowledging an upset buyer first ("很抱歉让您着急了,请按说明…")
                // takes the sting out as well as an offer after: for an entry heard
                // only by an upset buyer, a canceller anywhere in the message counts.
                // Either way the canceller is something else said: "建议您致电热线详询"
                // suggests nothing beyond the referral it is.
                // So does acknowledging a complaint before a correction ("抱歉,图片仅供参考…"):
                // a contradiction that outweighs courtesy is cancelled anywhere too.
                let anywhere = entry.only_when_upset || matches!(entry.marker, Some(Marker::FirmFault(_)));
                !entry.cancelled_by.is_empty()
                    && hits.iter().any(|other| {
                        (other.start >= hit.end || anywhere && other.end <= hit.start) && entry.cancelled_by.contains(&other.group)
                    })
            })
            .collect();
        let mut keep = cancelled.into_iter().map(|c| !c);
        hits.retain(|_| keep.next().unwrap_or(true));
        // "~阿杰" or "~Mike" closing a message signs it; it softens nothing.
        hits.retain(|hit| self.entries[hit.group].marker != Some(Marker::Softener) || !signs_off(text, hit.start, hit.end));
        // A bare order or bare question is only one when nothing softens the text.
        let softened = hits.iter().any(|h| matches!(self.entries[h.group].marker, Some(Marker::Courtesy | Marker::Softener)));
        if softened {
            hits.retain(|h| !matches!(self.entries[h.group].marker, Some(Marker::BareFault(_))));
        }
        merge_overlaps(hits)
    }
}

/// Whether the mark at `start..end` is a tilde that signs the message off: it
/// follows a space and only a short name follows it ("请发一下照片 ~阿杰",
/// "The update is live. ~KM"), where a courtesy tilde ends a phrase ("好的呢~").
fn signs_off(text: &str, start: usize, end: usize) -> bool {
    let (Some(before), Some(after)) = (text.get(..start), text.get(end..)) else { return false };
    if &text[start..end] != "~" || !before.ends_with(char::is_whitespace) {
        return false;
    }
    let name = after.trim_end();
    let han = name.chars().filter(|c| crate::text::is_han(*c)).count();
    let latin = name.chars().filter(|c| c.is_ascii_alphabetic()).count();
    let only_name = name.chars().all(|c| crate::text::is_han(c) || c.is_ascii_alphabetic() || c == ' ' || c == '.');
    only_name && ((1..=4).contains(&han) && latin == 0 || han == 0 && (1..=20).contains(&latin))
}

/// Overlapping hits of one entry become one hit over their union: "说了多少遍了"
/// is one impatient phrase, not two findings. `hits` is sorted by start.
fn merge_overlaps(hits: Vec<PhraseHit>) -> Vec<PhraseHit> {
    let mut merged: Vec<PhraseHit> = Vec::with_capacity(hits.len());
    // The last merged hit of each group, by index into `merged`.
    let mut open: BTreeMap<usize, usize> = BTreeMap::new();
    for hit in hits {
        if let Some(&at) = open.get(&hit.group)
            && hit.start < merged[at].end
        {
            merged[at].end = merged[at].end.max(hit.end);
            continue;
        }
        open.insert(hit.group, merged.len());
        merged.push(hit);
    }
    merged
}

/// Tone entries mark by polarity; a courteous step counts as courtesy; other steps and platform rules do not touch the tone.
fn tone_marker(kind: LexiconKind, entry: &LexiconEntry) -> Option<crate::grading::tone::Marker> {
    match (kind, entry.polarity) {
        (LexiconKind::Tone, Polarity::Good) => Some(Marker::Courtesy),
        (LexiconKind::Tone, Polarity::Soft) => Some(Marker::Softener),
        (LexiconKind::Tone, Polarity::Bad) if entry.bare_only => Some(Marker::BareFault(entry.severity)),
        (LexiconKind::Tone, Polarity::Bad) if entry.outweighs_courtesy => Some(Marker::FirmFault(entry.severity)),
        (LexiconKind::Tone, Polarity::Bad) => Some(Marker::Fault(entry.severity)),
        (LexiconKind::Steps, _) if entry.courteous => Some(Marker::Courtesy),
        _ => None,
    }
}

fn add_entry(builder: &mut crate::text::matcher::PhraseSetBuilder, group: usize, entry: &LexiconEntry) {
    let either_you = entry.polarity == Polarity::Bad;
    for phrase in entry.zh.iter().chain(&entry.en) {
        for each in pronoun_variants(phrase, either_you) {
            builder.add(group, &each);
        }
    }
    for exception in &entry.except {
        for each in pronoun_variants(exception, either_you) {
            builder.except(group, &each);
        }
    }
}

/// A fault said to the buyer is one whichever "you" it uses: 是您的问题 blames
/// as much as 是你的问题, and an honorific cannot turn it into courtesy. So a
/// fault's phrase (and its exceptions) that names the buyer as 你 or 您 is also
/// heard with the other pronoun. A phrase that already names both, as in
/// "(你|您)自己", is left as written, and so are courtesy and steps (你 is no
/// honorific).
fn pronoun_variants(phrase: &str, either_you: bool) -> Vec<std::borrow::Cow<'_, str>> {
    use std::borrow::Cow;
    let (plain, honoured) = (phrase.contains('你'), phrase.contains('您'));
    match (either_you, plain, honoured) {
        (true, true, false) => vec![Cow::Borrowed(phrase), Cow::Owned(phrase.replace('你', "您"))],
        (true, false, true) => vec![Cow::Borrowed(phrase), Cow::Owned(phrase.replace('您', "你"))],
        _ => vec![Cow::Borrowed(phrase)],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_order_to_stop_is_no_excuse_where_the_entry_says_so() {
        let at = |text: &str, hit: &str| text.find(hit).expect("the hit is in the text");
        for (text, hit) in [("您别胡搅蛮缠", "胡搅蛮缠"), ("你不要再催", "催"), ("don't be difficult", "difficult")] {
            assert!(negated(text, at(text, hit)), "{text}: 别/不要/don't negate in general");
            assert!(!negated_not_by_stop_order(text, at(text, hit)), "{text}: but an order to stop keeps the fault");
        }
        for (text, hit) in [("不是说您胡搅蛮缠", "胡搅蛮缠"), ("我们不会催", "催"), ("we can't call you difficult", "difficult")] {
            assert!(negated_not_by_stop_order(text, at(text, hit)), "{text}: a denial still excuses");
        }
    }

    #[test]
    fn a_tilde_before_a_closing_name_signs_off() {
        let tilde = |text: &str| {
            let at = text.rfind('~').expect("a tilde");
            signs_off(text, at, at + 1)
        };
        for text in ["把收据拍照发过来 ~阿杰", "The update is live now. ~KM", "Send a photo please ~Mike T."] {
            assert!(tilde(text), "{text}: a signature");
        }
        for text in ["好的呢~", "亲~您好", "稍等哦 ~马上为您查询", "ok ~ ", "好的 ~"] {
            assert!(!tilde(text), "{text}: a courtesy tilde");
        }
    }

    #[test]
    fn negation_looks_back_within_the_clause() {
        assert!(negated("我不能告诉您她的地址", "我不能告诉您".len()));
        assert!(!negated("不能退,她的地址", "不能退,".len()));
        assert!(negated("sorry, we can't move this to wechat", "sorry, we can't move this to ".len()));
        assert!(!negated("knot wechat", "knot ".len()));
        assert!(!negated("不好意思亲加我微信吧", "不好意思亲".len()), "sorry is not a negation");
        assert!(!negated("要不要加个微信", "要不要".len()));
        assert!(!negated("区别就是这款全网最低价", "区别就是这款".len()));
        assert!(!negated("别担心我们给您补发", "别担心我们给您".len()), "don't worry is no negation");
        assert!(!negated("这个不行 我帮您补发", "这个不行 我帮您".len()), "a space after Chinese starts another message");
        assert!(negated("这双鞋是不可以退的呢", "这双鞋是不".len()), "a negator that runs into the hit (不可以 | 可以退)");
        assert!(negated("这款不能退", "这款不".len()), "不能 | 能退");
        assert!(!negated("why don't you take your business elsewhere", "why don't you ".len()), "a suggestion negates nothing");
        assert!(!negated("这款可以退", "这款".len()));
        assert!(!negated("不能就是不能", 0), "a negator at the hit's own start is the hit");
    }

    #[test]
    fn questions_are_told_by_mark_particle_or_question_word() {
        let at = |text: &str, word: &str| {
            let start = text.find(word).unwrap();
            in_question(text, start, start + word.len())
        };
        assert!(at("您好,请问您手机的系统版本是?", "您手机"));
        assert!(at("亲要什么颜色", "亲"));
        assert!(at("您现在还能正常开机吗", "您"));
        assert!(at("电池充没充满", "电池"), "A-not-A asks without a question word");
        assert!(at("缓存清没", "缓存"), "so does its clipped form");
        assert!(!at("快递还没", "快递"), "还没 is 'not yet'");
        assert!(!at("您买不买都行", "您"), "A-not-A before 都 concedes: whether or not");
        assert!(!at("你爱买不买", "你"), "爱X不X is the idiom, not a question");
        assert!(!at("明天您保持手机畅通好不好嘛", "您"), "好不好 proposes");
        assert!(!at("好的,您稍等.请问还有其他问题吗?", "您稍等"), "only the sentence around the hit counts");
        assert!(!at("已经给您发货了", "您"));
        assert!(at("请问您手机当前系统版本是2.5.3么?", "您"), "a version number does not end the sentence");
        assert!(!at("您要30把的话我送您5把可以吗", "您"), "a proposal is no request for facts");
        assert!(!at("亲爱哒,这边还有没有别的能帮您做的呀?", "亲"), "an invitation is no request for facts");
        assert!(!at("亲爱的 稍等一下呢 一般3天发货呢 请问有什么问题吗?", "亲"), "a space after Chinese joins two messages");
        assert!(!at("亲,过几天就到了哦", "亲"), "过几天 is 'in a few days'");
        assert!(!at("这款几乎不会掉色", "这款"), "几乎 is 'almost'");
        assert!(!at("晚上值班的同事少,留言可能不能马上回", "留言"), "可能不能 is 'may not be able to'");
        assert!(!at("哪怕晚一点也没关系", "晚"), "哪怕 is 'even if'");
        assert!(!at("穿久了多少会有点变形", "穿"), "多少会 is 'somewhat'");
        assert!(at("您要几个", "您"), "几 before a measure word still asks");
        assert!(at("预约安装了吗亲", "预约"), "a closing 亲 after 吗 still leaves a question");
        assert!(!at("您要5把的话送您1把可以吗亲", "您要"), "so a proposal tagged with 亲 stays a proposal");
        assert!(at("是3.x的还是2.x的呢?", "还是"), "a version such as 3.x does not end the sentence");
    }

    /// An offer in a clause that only names what the agent does not know
    /// ("不知道多少钱,…多退少补") is no offer asked as a question.
    #[test]
    fn naming_what_is_unknown_does_not_turn_an_offer_into_a_question() {
        let asks = |text: &str, word: &str| {
            let start = text.find(word).unwrap();
            asks_without_offer(text, start, start + word.len())
        };
        assert!(!asks("这边不清楚运费多少所以先按八元收,多退少补", "多退少补"));
        assert!(!asks("我也不知道要补多少所以先收二十多退少补", "多退少补"));
        assert!(asks("要退多少差价呢", "退"), "a question word the agent does not say they lack still asks");
        assert!(asks("不知道您要退多少", "退"), "不知道您… asks the buyer politely");
    }

    /// A yes/no question the agent embeds in their own finding out asks the
    /// buyer nothing, though the sentence is still no plain statement.
    #[test]
    fn an_embedded_yes_no_question_asks_the_buyer_nothing() {
        let asks = |text: &str, word: &str| {
            let start = text.find(word).unwrap();
            (asks_the_buyer(text, start, start + word.len()), in_question(text, start, start + word.len()))
        };
        assert_eq!(asks("我这边联系站点,问问今天能不能给您送到", "能不能"), (false, true));
        assert_eq!(asks("建议您把路由器断电重开,看是否能连上", "是否"), (false, true));
        assert_eq!(asks("我帮您核实一下有没有发出", "有没有"), (false, true));
        assert_eq!(asks("您的手机有没有摔过", "有没有"), (true, true), "no verb of finding out: it asks");
        assert_eq!(asks("您看今天能不能在家签收", "能不能"), (true, true), "您看 asks the buyer's view");
        assert_eq!(asks("看说明书上写的是什么型号", "什么"), (true, true), "told to the buyer, a wh-question asks");
        assert_eq!(asks("我们这就查查到底是什么情况", "什么"), (false, true), "the agent's own looking into asks nothing");
        assert_eq!(asks("我确认下您要什么颜色", "什么"), (true, true), "the buyer named between: it asks");
        assert_eq!(asks("查一下物流,然后您那边能不能收货", "能不能"), (true, true), "a verb in another clause embeds nothing");
        assert_eq!(asks("暂时判断不了是哪里的问题", "哪里"), (false, true), "what the agent cannot tell is no question to the buyer");
        assert_eq!(asks("不知道您要什么颜色", "什么"), (true, true), "不知道您… asks politely");
        assert_eq!(asks("改不改版我们这边无从得知", "改不改"), (false, true), "a yes/no the agent says is unknown asks nothing");
        assert_eq!(asks("兼不兼容得看你自己的主板", "兼不兼"), (false, true), "nor one that depends on something named");
    }

    #[test]
    fn if_clauses_suppose_rather_than_say() {
        let at = |text: &str, word: &str| in_condition(text, text.find(word).unwrap());
        assert!(at("如果还是不行,请您重装", "不行"));
        assert!(at("如仍无法解决可添加公众号", "无法"));
        assert!(!at("if that doesn't work, we can't refund it", "can't"), "a new clause after the comma");
        assert!(at("if it can't be fixed", "can't"));
        assert!(!at("比如不能退的商品", "不能"), "比如 is 'for example'");
        assert!(!at("这款不能退", "不能"));
    }

    #[test]
    fn an_if_clause_ends_where_its_consequence_begins() {
        let at = |text: &str, word: &str| in_condition(text, text.find(word).unwrap());
        assert!(!at("如果是没有的话就不行的呢", "不行"), "after 的话/就 the consequence is said");
        assert!(!at("要是过了七天则不能退", "不能"));
        assert!(at("如果没有的话", "没有"), "the supposition itself");
        assert!(at("如果还是不行,请您重装", "不行"));
    }

    #[test]
    fn a_question_about_the_buyers_own_request_offers_nothing() {
        let at = |text: &str, word: &str| {
            let start = text.find(word).unwrap();
            asks_without_offer(text, start, start + word.len())
        };
        assert!(at("请问亲是因为什么想退货呀", "退货"));
        assert!(at("已经退款了?", "退款"));
        assert!(at("单号发一下 您想退款对吧", "退款"), "a tag question checks with the buyer");
        assert!(!at("需要给您补发吗?", "补发"), "the agent offers to act");
        assert!(!at("您可以选择换货,也可以退货退款,您看哪种方便?", "换货"), "only the last clause asks");
        assert!(!at("已经给您退款了", "退款"));
        assert!(at("did you get the refund?", "refund"));
        assert!(!at("would you like a refund?", "refund"));
    }

    #[test]
    fn refusal_words_negate_a_remedy_that_follows_or_precedes() {
        assert!(negated("订单已经超过售后期了 没办法退款", "订单已经超过售后期了 没办法".len()));
        assert!(negated("这款不参加满减", "这款不参加".len()));
        assert!(negated_after("赔偿是没有的", "赔偿".len()));
    }

    #[test]
    fn overlapping_hits_of_one_entry_merge() {
        let hit = |start, end, group| PhraseHit { start, end, group };
        let merged = merge_overlaps(vec![hit(0, 15, 1), hit(0, 18, 1), hit(3, 6, 2), hit(20, 24, 1)]);
        assert_eq!(merged, [hit(0, 18, 1), hit(3, 6, 2), hit(20, 24, 1)]);
    }

    #[test]
    fn how_to_questions_are_told_from_why_questions() {
        let asks_how = |buyer: &str| asks_how(&crate::text::normalize(buyer).text);
        for why in ["流量怎么超了", "耳机怎么坏了?", "包裹怎么丢了"] {
            assert!(!asks_how(why), "{why}");
        }
        for buyer in ["券去哪里领", "怎么发私信给你啊", "怎么给你们发私信", "有没有办法退回原来的版本", "how do i return it?", "怎样证明呢"] {
            assert!(asks_how(buyer), "{buyer}");
        }
        for buyer in ["我的快递怎么还没到?", "怎么又坏了", "怎么回事", "这个怎么样", "what's taking so long?", "发货了吗"] {
            assert!(!asks_how(buyer), "{buyer}");
        }
    }

    #[test]
    fn negation_also_reaches_forward_within_the_clause() {
        assert!(negated_after("退款是不行的", "退款".len()));
        assert!(negated_after("a refund is not possible here", "a refund".len()));
        assert!(!negated_after("退款,不行的话再换货", "退款".len()), "the next clause is not negated");
        assert!(!negated_after("退款马上到账", "退款".len()));
        assert!(!negated_after("不清楚能不能到", "不清楚".len()), "a question is no negation");
        // A negator that begins within the reach counts even where it runs past it.
        assert!(negated_after("a price match after the order is not something we offer", "a price match".len()));
        assert!(negated_after("refunds for rentals that were partly streamed are not possible", "refunds".len()));
        assert!(!negated_after("a price match for any order you placed with us in the last month or so is not possible", "a price match".len()), "beyond the reach");
        assert!(!negated_after("退款会在一到三个工作日内原路退回您的支付账户里面不能再等了", "退款".len()), "Chinese reaches twenty characters");
    }

    #[test]
    fn after_negator_chars_is_the_longest_after_negator() {
        assert_eq!(AFTER_NEGATORS.iter().map(|w| w.chars().count()).max(), Some(AFTER_NEGATOR_CHARS));
    }

    #[test]
    fn an_english_negator_is_a_whole_word() {
        assert!(!negated("kindly note that we refund", "kindly note that we ".len()));
        assert!(!negated("we'll notify you and refund", "we'll notify you and ".len()));
        assert!(negated("we do not refund", "we do not ".len()));
    }

    #[test]
    fn a_negating_prefix_negates_the_word_it_joins() {
        assert!(negated("this is a non-refundable fare", "this is a non-".len()));
    }
}
