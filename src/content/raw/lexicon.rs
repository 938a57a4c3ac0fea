//! Lexicons as written: the phrases that show a step was done, a tone was used, or a platform rule was broken.

use super::common::Text;
use serde::{Deserialize, Serialize};

/// `Lexicon(kind: Steps, entries: [...])`. Several files of the same kind add up.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Lexicon {
    pub kind: LexiconKind,
    pub entries: Vec<LexiconEntry>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
pub enum LexiconKind {
    /// Procedure steps / intents: greet, apologise, ask for the order number ...
    Steps,
    /// Tone markers: honorifics, empathy, 服务禁语, blaming ...
    Tone,
    /// Platform rules: advertising-law absolute claims, off-platform contact, review inducement.
    PlatformRules,
}

// PartialEq: the content fuzz target reuses the bundled lexicon's compiled form when an input leaves the lexicons as they are.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct LexiconEntry {
    /// The id scenarios use in rubrics and branches, e.g. `"apologise"`.
    pub id: String,
    pub label: Text,
    /// Why this matters; shown beside every finding it produces.
    pub explain: Text,
    /// Good (earns points) or bad (costs points). Steps are always good to do;
    /// whether a step is wanted at a reply point is the scenario's call.
    #[serde(default = "Polarity::good")]
    pub polarity: Polarity,
    #[serde(default)]
    pub severity: Severity,
    /// Chinese phrases. `*` stands for a short gap of up to 8 characters (24 of
    /// English text), e.g. `"提供*订单号"`.
    #[serde(default)]
    pub zh: Vec<String>,
    /// English phrases, matched case-insensitively on word boundaries.
    #[serde(default)]
    pub en: Vec<String>,
    /// Phrases that contain a pattern but must not count, e.g. `"最近"` for the absolute-claim `"最"`.
    #[serde(default)]
    pub except: Vec<String>,
    /// The hand-label intent this entry is heard as by `kefu eval` (`greet`,
    /// `ask_order_info`, `offer_solution`, `refuse` ...). Several entries may
    /// share one intent; an entry without one is graded but never compared.
    #[serde(default)]
    pub intent: Option<String>,
    /// A step that is itself courteous (greeting, thanks, apology, empathy,
    /// inviting questions) also lifts the tone like an honorific.
    #[serde(default)]
    pub courteous: bool,
    /// Ids of entries that, found later in the same message, cancel this one:
    /// "不清楚" followed by "我帮您问一下" is no brush-off.
    #[serde(default)]
    pub cancelled_by: Vec<String>,
    /// Whether a negation in the same clause, before or after ("不能退款",
    /// "退款是不行的"), cancels a good entry's hit: set it for remedies such as
    /// a refund. Bad entries are always negatable (a refusal is not a breach).
    #[serde(default)]
    pub negatable: bool,
    /// A bad entry that no negation excuses: swearing is swearing in "don't
    /// fucking rush me" (not for insults: "it's not a stupid question" is
    /// kind, and needs its negation). Left out when false, so
    /// the content hash a saved record carries is unchanged for every entry
    /// that does not set it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub never_negated: bool,
    /// Also hears a word masked with asterisks ("f***", "sh*t": `text::masked`),
    /// which no phrase can spell since a phrase's `*` is a gap. Left out when
    /// false, like `never_negated`.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub hears_masked: bool,
    /// A bad entry naming something the buyer does, where 别/不要/don't in front
    /// tells them to stop it, which is the fault again ("您别胡搅蛮缠", "stop
    /// pestering"); other negations still excuse it ("不是说您胡搅蛮缠"). Left
    /// out when false, like `never_negated`.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub stop_order_keeps: bool,
    /// A bad entry that counts only when nothing in the reply softens it (no
    /// courtesy, no 哦/呢): a bare order such as "把订单号发过来".
    #[serde(default)]
    pub bare_only: bool,
    /// Counts only inside a question (a sentence ending in ? or 吗, or holding
    /// 什么/哪/几/是否 ...): "您" in "您手机的系统版本是?" asks the buyer.
    #[serde(default)]
    pub in_question: bool,
    /// Counts only in a plain statement, not in a question or an "if" clause:
    /// "也不能调整吗?" asks and "如果还是不行,…" supposes; neither refuses anything.
    #[serde(default)]
    pub asserted_only: bool,
    /// A remedy that is no offer inside a question aimed at the buyer:
    /// "请问亲是因为什么想退货呀" and "已经退款了?" ask about the buyer's own
    /// request. A question where the agent acts for the buyer ("需要帮您退款吗")
    /// still offers.
    // Skipped when false, so adding the field left the content hash of every
    // lexicon that does not use it unchanged (saved records still verify OK).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub not_in_question: bool,
    /// Counts only in a message of at most this many letters, digits and
    /// characters (spaces and punctuation not counted): "还有多少" alone is
    /// curt, while a long troubleshooting question that asks 多少 is engaged.
    /// Skipped when absent, so the content hash of other lexicons is unchanged.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_chars: Option<u16>,
    /// A bare order that is no fault when it answers the buyer's question of
    /// how or where to do something: "点击头像发私信" answers "怎么发私信?"; it
    /// instructs, it does not boss. Skipped when false (content hash unchanged).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub fine_as_instruction: bool,
    /// A minor fault that costs as a major one when the buyer's message is
    /// upset (`grading::upset`): "您问下快递公司吧" answers a calm question with
    /// a nudge, but leaves a buyer who wrote "三天没动了,到底怎么回事!" to chase
    /// a third party alone. Skipped when false (content hash unchanged).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub major_when_upset: bool,
    /// Heard only in a reply to a buyer whose message is upset: "以厂家参数为准"
    /// or "需要您自行退订" informs a calm buyer, but leaves one who wrote
    /// "这什么破规定!!" to do the work alone, which the labelling rules call
    /// impolite. Skipped when false (content hash unchanged).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub only_when_upset: bool,
    /// A rude phrase that makes the question it sits in rhetorical: "要我说几遍您才明白?"
    /// and "did you even read it?" ask the buyer for nothing, so a request for
    /// facts heard anywhere in that sentence does not count. Skipped when false
    /// (content hash unchanged).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub rhetorical: bool,
    /// A fault that courtesy cannot buy back beyond one marker's worth,
    /// however small its cost, as with a major fault: the labelling rules
    /// downgrade a flat contradiction in polite words ("您好,您收到的数量是对的",
    /// "Sir, the bill is correct") from polite to neutral. Skipped when false
    /// (content hash unchanged).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub outweighs_courtesy: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
pub enum Polarity {
    /// Courteous: lifts the tone (an honorific, thanks, good wishes).
    Good,
    /// Costs tone points by severity (服务禁语, blaming, insults).
    Bad,
    /// A softener (哦, 呢, 哈, ~): keeps a terse answer from sounding like an
    /// order, so it reads as neutral; it lifts nothing on its own.
    Soft,
}

impl Polarity {
    fn good() -> Polarity {
        Polarity::Good
    }
}

/// How much a bad finding costs. `Critical` fails the whole session.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize)]
pub enum Severity {
    #[default]
    Minor,
    Major,
    Critical,
}
