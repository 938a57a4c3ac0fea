//! A scenario as written: buyer persona, order context, the node graph with rubrics and branches, and pinned examples.

use super::common::{Lang, OrderedMap, Text};
use crate::text::quantity::{Duration, Money};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    pub id: String,
    pub title: Text,
    pub lang: Lang,
    pub category: Category,
    /// 1 (first day) to 5 (senior agent).
    pub difficulty: u8,
    /// What the trainee should learn; shown in the briefing (never the buyer's script).
    pub goals: Vec<String>,
    /// The shop policy in force; may be left out when the course has exactly one.
    #[serde(default)]
    pub policy: Option<String>,
    pub buyer: Buyer,
    /// Products the buyer is asking about (shown on the product card).
    #[serde(default)]
    pub products: Vec<String>,
    #[serde(default)]
    pub order: Option<Order>,
    /// The first node.
    pub start: String,
    pub nodes: OrderedMap<String, Node>,
    /// Scripted trainee replies with the result they must get; `kefu check` runs them.
    #[serde(default)]
    pub examples: Vec<Example>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
// Variant names are spelled out: records and content hashes hold them (see ids.rs).
pub enum Category {
    /// 售前: product questions, advice, price objections.
    #[serde(rename = "PreSale")]
    PreSale,
    /// 售中: order changes, address checks after ordering.
    #[serde(rename = "InSale")]
    InSale,
    /// 售后: returns, exchanges, quality problems, refunds.
    #[serde(rename = "AfterSale")]
    AfterSale,
    /// 催付: a placed order that is not paid.
    #[serde(rename = "PaymentReminder")]
    PaymentReminder,
    /// 物流: delays, lost parcels, courier coverage.
    #[serde(rename = "Logistics")]
    Logistics,
    /// 投诉: a furious buyer, bad-review threats, disputes.
    #[serde(rename = "Complaint")]
    Complaint,
    /// 信息安全: requests for other people's data, identity checks.
    #[serde(rename = "Privacy")]
    Privacy,
    /// 老客户维护.
    #[serde(rename = "RegularCustomer")]
    RegularCustomer,
}

impl Category {
    pub const ALL: [Category; 8] = [
        Category::PreSale,
        Category::InSale,
        Category::AfterSale,
        Category::PaymentReminder,
        Category::Logistics,
        Category::Complaint,
        Category::Privacy,
        Category::RegularCustomer,
    ];

    pub fn label(self) -> Text {
        let (zh, en) = match self {
            Category::PreSale => ("售前咨询", "Pre-sale"),
            Category::InSale => ("售中处理", "In-sale"),
            Category::AfterSale => ("售后服务", "After-sale"),
            Category::PaymentReminder => ("催付", "Payment reminder"),
            Category::Logistics => ("物流", "Logistics"),
            Category::Complaint => ("投诉纠纷", "Complaints"),
            Category::Privacy => ("信息安全", "Privacy"),
            Category::RegularCustomer => ("老客户维护", "Regular customers"),
        };
        Text { zh: zh.into(), en: en.into() }
    }
}

/// The simulated buyer.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Buyer {
    /// One is drawn per session from the recorded seed.
    pub names: Vec<String>,
    pub mood: Mood,
    /// The buyer nudges (在吗?) when the agent has been silent this long.
    pub nudge_after_secs: f64,
    /// The buyer gives up when the agent has been silent this long.
    pub leave_after_secs: f64,
    /// What leaving means for the shop.
    #[serde(default = "Outcome::lost")]
    pub on_leave: Outcome,
    /// Nudge lines; the language's defaults (在吗? / hello?) when empty.
    #[serde(default)]
    pub nudges: Vec<String>,
    /// The buyer reads and answers once the agent has sent something and then
    /// neither typed nor acted for this long (3 s unless set). Until then the
    /// agent may add messages and actions to the same answer.
    #[serde(default = "default_reads_after_secs", skip_serializing_if = "is_default_reads_after")]
    pub reads_after_secs: f64,
}

impl Scenario {
    /// The products a scenario uses: on its card, in its order, and in its rubric facts.
    pub fn products_used(&self) -> std::collections::BTreeSet<&str> {
        let mut ids: std::collections::BTreeSet<&str> = self.products.iter().map(String::as_str).collect();
        if let Some(order) = &self.order {
            ids.extend(order.items.iter().chain(&order.received).map(|i| i.product.as_str()));
        }
        for (_, node) in self.nodes.iter() {
            if let Node::Agent { rubric, .. } = node {
                for fact in &rubric.facts {
                    if let FactRef::Spec { product, .. } = fact {
                        ids.insert(product);
                    }
                }
            }
        }
        ids
    }
}

/// How long a buyer waits after the agent's last activity before reading.
pub const DEFAULT_READS_AFTER_SECS: f64 = 3.0;

fn default_reads_after_secs() -> f64 {
    DEFAULT_READS_AFTER_SECS
}

// Kept out of the serialised scenario at its default, so the content hash of
// scenarios written before the setting existed does not change.
fn is_default_reads_after(secs: &f64) -> bool {
    *secs == DEFAULT_READS_AFTER_SECS
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize)]
pub enum Mood {
    Calm,
    Curious,
    Hesitant,
    Impatient,
    Annoyed,
    Angry,
    Furious,
}

/// The order the conversation is about, as the order panel shows it.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Order {
    pub status: OrderStatus,
    pub items: Vec<OrderItem>,
    /// What actually arrived, when it differs from what was ordered (发错货).
    #[serde(default)]
    pub received: Vec<OrderItem>,
    /// Paid, or due when unpaid.
    pub amount: Money,
    pub address: Address,
    #[serde(default)]
    pub shipment: Option<Shipment>,
    /// How long ago the order was placed, e.g. `"3 天"`.
    #[serde(default)]
    pub placed_ago: Option<Duration>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize)]
pub enum OrderStatus {
    /// 拍下未付款.
    Unpaid,
    /// 已付款, not yet shipped.
    Paid,
    Shipped,
    Delivered,
    /// 交易成功: delivered and confirmed.
    Completed,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct OrderItem {
    pub product: String,
    pub sku: String,
    #[serde(default = "one")]
    pub quantity: u32,
}

fn one() -> u32 {
    1
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Address {
    /// Shown masked, as the workbench shows it, e.g. `"138****5678"`.
    pub phone: String,
    pub region: String,
    pub detail: String,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Shipment {
    /// A courier id from the shop policy.
    pub courier: String,
    /// Tracking events, newest last.
    pub events: Vec<TrackingEvent>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct TrackingEvent {
    pub ago: Duration,
    pub text: String,
}

/// One node of the conversation graph.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub enum Node {
    /// The buyer says one of `say` (drawn from the seed), then the conversation moves to `then`.
    Buyer { say: Vec<String>, then: String },
    /// The trainee answers here; the answer is graded by `rubric`; the first branch
    /// whose `when` holds decides where the buyer goes next, else `otherwise`.
    Agent {
        #[serde(default)]
        rubric: Rubric,
        #[serde(default)]
        branches: Vec<Branch>,
        otherwise: String,
    },
    /// The conversation is over; the buyer may say a last line.
    End {
        outcome: Outcome,
        #[serde(default)]
        say: Vec<String>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
// Variant names are spelled out: records and content hashes hold them (see ids.rs).
pub enum Outcome {
    /// The buyer ordered or paid.
    #[serde(rename = "Converted")]
    Converted,
    /// The problem was solved.
    #[serde(rename = "Resolved")]
    Resolved,
    /// The buyer left.
    #[serde(rename = "Lost")]
    Lost,
    /// The case went to a supervisor, a platform dispute or a bad review.
    #[serde(rename = "Escalated")]
    Escalated,
}

impl Outcome {
    fn lost() -> Outcome {
        Outcome::Lost
    }
}

/// What a reply point grades.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Rubric {
    /// Product and policy facts the answer must state correctly.
    #[serde(default)]
    pub facts: Vec<FactRef>,
    #[serde(default)]
    pub steps: Steps,
    /// The lowest acceptable tone.
    #[serde(default)]
    pub tone: Option<ToneBand>,
    #[serde(default)]
    pub actions: Actions,
    /// Conditions that fail the whole session if they hold at this point.
    #[serde(default)]
    pub critical: Vec<Condition>,
    /// How much this reply point counts against the others (default 1).
    #[serde(default = "default_weight")]
    pub weight: f64,
}

fn default_weight() -> f64 {
    1.0
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Steps {
    /// Step ids from the steps lexicon that the answer must contain.
    #[serde(default)]
    pub required: Vec<String>,
    /// Step, tone or platform-rule ids the answer must not contain.
    #[serde(default)]
    pub forbidden: Vec<String>,
    /// Required steps that must be said again here even if said earlier in the
    /// conversation (otherwise a step or fact already given counts).
    #[serde(default)]
    pub repeat: Vec<String>,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Actions {
    /// Order actions the agent should take at this point, with their exact values.
    #[serde(default)]
    pub expected: Vec<Action>,
    /// Kinds of order action that are wrong here.
    #[serde(default)]
    pub forbidden: Vec<ActionKind>,
}

/// A fact bound to a catalogue or policy field, so the grade follows the data.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
pub enum FactRef {
    /// A product spec; `sku` is needed for per-SKU fields (stock, a SKU's own price).
    Spec {
        product: String,
        field: ProductField,
        #[serde(default)]
        sku: Option<String>,
    },
    /// A shop-policy value; `courier` picks the courier for `courier_transit`
    /// (the default courier when left out).
    Policy {
        field: PolicyField,
        #[serde(default)]
        courier: Option<String>,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
// Variant names are spelled out: records and content hashes hold them (see ids.rs).
pub enum ProductField {
    #[serde(rename = "capacity")]
    Capacity,
    #[serde(rename = "material")]
    Material,
    #[serde(rename = "dimensions")]
    Dimensions,
    #[serde(rename = "weight")]
    Weight,
    #[serde(rename = "price")]
    Price,
    #[serde(rename = "stock")]
    Stock,
    #[serde(rename = "ships_from")]
    ShipsFrom,
    #[serde(rename = "dispatch_time")]
    DispatchTime,
    #[serde(rename = "warranty")]
    Warranty,
    #[serde(rename = "included")]
    Included,
    #[serde(rename = "not_included")]
    NotIncluded,
    #[serde(rename = "size_chart")]
    SizeChart,
    #[serde(rename = "selling_points")]
    SellingPoints,
    #[serde(rename = "colours")]
    Colours,
    #[serde(rename = "care")]
    Care,
    /// An extra spec by its zh or en name, e.g. `other("保温时长")`.
    #[serde(rename = "other")]
    Other(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
// Variant names are spelled out: records and content hashes hold them (see ids.rs).
pub enum PolicyField {
    #[serde(rename = "no_reason_days")]
    NoReasonDays,
    #[serde(rename = "return_shipping_payer")]
    ReturnShippingPayer(super::policy::ReturnReason),
    #[serde(rename = "refund_within")]
    RefundWithin,
    #[serde(rename = "dispatch_within")]
    DispatchWithin,
    #[serde(rename = "same_day_cutoff")]
    SameDayCutoff,
    #[serde(rename = "shipping_insurance")]
    ShippingInsurance,
    #[serde(rename = "courier_coverage")]
    CourierCoverage,
    /// A courier's usual door-to-door time.
    #[serde(rename = "courier_transit")]
    CourierTransit,
    /// How soon a cancelled, paid order is refunded.
    #[serde(rename = "cancellation_refund_within")]
    CancellationRefundWithin,
    /// The coupon values an agent may send.
    #[serde(rename = "coupon_values")]
    CouponValues,
    #[serde(rename = "max_discount")]
    MaxDiscount,
    #[serde(rename = "max_compensation")]
    MaxCompensation,
}

/// A branch: `(when: Missed("apologise"), goto: "still-angry")`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Branch {
    pub when: Condition,
    pub goto: String,
}

/// What the trainee did at a reply point, as the grade sees it.
/// `Eq + Hash` so the checker can compare alternatives through a set, not pairwise.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Deserialize, Serialize)]
pub enum Condition {
    /// A step, tone marker or platform rule (by lexicon id) was found in the reply.
    Did(String),
    /// A step (by lexicon id) was not found in the reply.
    Missed(String),
    /// A fact of the rubric was stated wrongly.
    WrongFact,
    /// A fact of the rubric was not stated.
    MissingFact,
    ToneBelow(ToneBand),
    ToneAtLeast(ToneBand),
    /// The agent did not answer before the buyer's patience ran out.
    Timeout,
    /// The agent took this kind of order action at this point.
    Acted(ActionKind),
    /// A step, tone marker or platform rule was found in this reply or in any
    /// earlier one: the conversation remembers what was already said.
    Already(String),
    /// The agent took this kind of order action in this turn or any earlier one.
    AlreadyActed(ActionKind),
    All(Vec<Condition>),
    Any(Vec<Condition>),
    Not(Box<Condition>),
}

/// Tone bands, worst to best.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
// Variant names are spelled out: records and content hashes hold them (see ids.rs).
pub enum ToneBand {
    #[serde(rename = "Rude")]
    Rude,
    #[serde(rename = "Curt")]
    Curt,
    #[serde(rename = "Neutral")]
    Neutral,
    #[serde(rename = "Polite")]
    Polite,
    #[serde(rename = "Warm")]
    Warm,
}

impl ToneBand {
    /// The band as a trainee reads it: 礼貌 / Polite.
    pub fn label(self, lang: Lang) -> &'static str {
        let (zh, en) = match self {
            ToneBand::Rude => ("失礼", "Rude"),
            ToneBand::Curt => ("生硬", "Curt"),
            ToneBand::Neutral => ("平淡", "Neutral"),
            ToneBand::Polite => ("礼貌", "Polite"),
            ToneBand::Warm => ("热情", "Warm"),
        };
        if lang == Lang::Zh { zh } else { en }
    }
}

/// An order action the agent takes in the order panel (or in a replies file).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub enum Action {
    /// Refund this many yuan.
    Refund { amount: f64 },
    /// Send (again) this SKU, free of charge.
    Resend { sku: String },
    ChangeAddress { to: String },
    /// Send a coupon of this face value (元).
    Coupon { value: f64 },
    /// Lower the price of an unpaid order by this many yuan (改价).
    Discount { amount: f64 },
    /// Goodwill compensation (补偿) in yuan.
    Compensate { amount: f64 },
    CancelOrder,
    /// Hand the case to a supervisor.
    Escalate,
}

impl Action {
    /// What a trainee or supervisor reads: "补发 白色 (thermos-500-white)",
    /// "Refund 59 元". `item` names a SKU for people (the product and colour).
    pub fn describe(&self, lang: Lang, item: impl Fn(&str) -> String) -> String {
        let money = |amount: &f64| format!("{} 元", trim_number(*amount));
        match (lang, self) {
            (Lang::Zh, Action::Refund { amount }) => format!("退款 {}", money(amount)),
            (Lang::Zh, Action::Resend { sku }) => format!("补发 {}", item(sku)),
            (Lang::Zh, Action::ChangeAddress { to }) => format!("修改收货地址为 {to}"),
            (Lang::Zh, Action::Coupon { value }) => format!("发送 {} 优惠券", money(value)),
            (Lang::Zh, Action::Discount { amount }) => format!("改价优惠 {}", money(amount)),
            (Lang::Zh, Action::Compensate { amount }) => format!("补偿 {}", money(amount)),
            (Lang::Zh, Action::CancelOrder) => "取消订单".into(),
            (Lang::Zh, Action::Escalate) => "转交主管".into(),
            (Lang::En, Action::Refund { amount }) => format!("Refund {}", money(amount)),
            (Lang::En, Action::Resend { sku }) => format!("Resend {}", item(sku)),
            (Lang::En, Action::ChangeAddress { to }) => format!("Change the address to {to}"),
            (Lang::En, Action::Coupon { value }) => format!("Send a {} coupon", money(value)),
            (Lang::En, Action::Discount { amount }) => format!("Discount {}", money(amount)),
            (Lang::En, Action::Compensate { amount }) => format!("Compensate {}", money(amount)),
            (Lang::En, Action::CancelOrder) => "Cancel the order".into(),
            (Lang::En, Action::Escalate) => "Escalate to a supervisor".into(),
        }
    }

    pub fn kind(&self) -> ActionKind {
        match self {
            Action::Refund { .. } => ActionKind::Refund,
            Action::Resend { .. } => ActionKind::Resend,
            Action::ChangeAddress { .. } => ActionKind::ChangeAddress,
            Action::Coupon { .. } => ActionKind::Coupon,
            Action::Discount { .. } => ActionKind::Discount,
            Action::Compensate { .. } => ActionKind::Compensate,
            Action::CancelOrder => ActionKind::CancelOrder,
            Action::Escalate => ActionKind::Escalate,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
// Variant names are spelled out: records and content hashes hold them (see ids.rs).
pub enum ActionKind {
    #[serde(rename = "Refund")]
    Refund,
    #[serde(rename = "Resend")]
    Resend,
    #[serde(rename = "ChangeAddress")]
    ChangeAddress,
    #[serde(rename = "Coupon")]
    Coupon,
    #[serde(rename = "Discount")]
    Discount,
    #[serde(rename = "Compensate")]
    Compensate,
    #[serde(rename = "CancelOrder")]
    CancelOrder,
    #[serde(rename = "Escalate")]
    Escalate,
}

impl ActionKind {
    /// The order panel's name for it.
    pub fn label(self, lang: Lang) -> &'static str {
        let (zh, en) = match self {
            ActionKind::Refund => ("退款", "Refund"),
            ActionKind::Resend => ("补发", "Resend"),
            ActionKind::ChangeAddress => ("修改地址", "Change address"),
            ActionKind::Coupon => ("发优惠券", "Send a coupon"),
            ActionKind::Discount => ("改价", "Discount"),
            ActionKind::Compensate => ("补偿", "Compensate"),
            ActionKind::CancelOrder => ("取消订单", "Cancel order"),
            ActionKind::Escalate => ("转交主管", "Escalate"),
        };
        if lang == Lang::Zh { zh } else { en }
    }
}

/// 59 → "59", 9.9 → "9.9", 0.1 + 0.2 → "0.3": money as people write it.
pub fn trim_number(value: f64) -> String {
    let text = format!("{value:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// A pinned example: a scripted trainee and the result it must get.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Example {
    pub name: String,
    pub expect: Expect,
    /// The seed for the buyer's variants; 0 when left out.
    #[serde(default)]
    pub seed: u64,
    pub replies: Vec<TimedInput>,
    /// Rule ids (steps, tone, platform rules) that must appear among the findings.
    #[serde(default)]
    pub findings: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
pub enum Expect {
    Pass,
    Fail,
}

/// One scripted trainee input: after waiting `after_secs`, optionally type for
/// `type_secs` (the buyer waits while the agent types), then say something or
/// take an action.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct TimedInput {
    pub after_secs: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub type_secs: Option<f64>,
    #[serde(default)]
    pub say: Option<String>,
    #[serde(default)]
    pub act: Option<Action>,
}

impl TimedInput {
    /// Says `text` after `after_secs`.
    pub fn say(after_secs: f64, text: &str) -> TimedInput {
        TimedInput { after_secs, type_secs: None, say: Some(text.into()), act: None }
    }

    /// Takes `action` after `after_secs`.
    pub fn act(after_secs: f64, action: Action) -> TimedInput {
        TimedInput { after_secs, type_secs: None, say: None, act: Some(action) }
    }
}
