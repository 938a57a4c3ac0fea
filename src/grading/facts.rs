//! Product and policy facts: is a value bound to the catalogue or the policy
//! stated correctly, not at all, or wrongly (400ml for a 500ml cup, 316 for 304
//! steel, 3天 for 48小时)? Each fact compiles once into quantities and phrases.

use super::lexicon::negated;
use crate::content::raw::{FactId, FactRef, Lang, Payer, PolicyField, Product, ProductField, ShopPolicy, Text};
use crate::text::{self, Dimension};
use crate::text::matcher::{PhraseHit, PhraseSet};
use crate::text::mention::Mention;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
// Variant names are spelled out: records hold them.
pub enum FactStatus {
    #[serde(rename = "correct")]
    Correct,
    #[serde(rename = "missing")]
    Missing,
    #[serde(rename = "wrong")]
    Wrong,
}

const RIGHT: usize = 0;
const WRONG: usize = 1;
const CONTEXT: usize = 2;
/// Words that put a time in the same clause on another clock: "单号2小时内发给您"
/// times a tracking number, "24小时在线" the service desk, not the goods.
const OTHER_CLOCK: usize = 3;
const OTHER_CLOCKS: &[&str] = &[
    "单号", "链接", "回复", "答复", "回电", "联系您", "通知您", "告诉您", "消息", "客服", "在线",
    "tracking number", "tracking no", "get back", "reply", "respond", "online", "open", "let you know", "update you",
    "contact you",
];

/// A quantity fact: which amounts are right, and near which words another amount counts as wrong.
#[derive(Debug, Clone)]
struct QuantityRule {
    dimension: Dimension,
    right: Vec<f64>,
    /// Amounts up to the largest right one are right too (an agent may give less than the maximum).
    at_most: bool,
    /// Without context words, any other amount of this dimension is wrong.
    has_context: bool,
    /// The number as the catalogue writes it ("500" of "500 ml"): the same number
    /// with a unit of another dimension ("500克" for a 500 ml cup) is a mix-up.
    written: Option<f64>,
}

impl QuantityRule {
    /// One of the right amounts (within 0.1%), or, for a limit, any positive
    /// amount up to the largest: what `check` and `right_spans` both accept.
    fn is_right(&self, value: f64) -> bool {
        let same = self.right.iter().any(|r| (r - value).abs() <= 0.001 * r.abs().max(1e-9));
        let max_right = self.right.iter().copied().fold(f64::MIN, f64::max);
        same || (self.at_most && value > 0.0 && value <= max_right + 1e-9)
    }
}

/// Physical dimensions a unit can be confused between; a price or a time next
/// to a capacity is another fact, not a wrong unit.
fn physical(dimension: Dimension) -> bool {
    matches!(dimension, Dimension::Volume | Dimension::Mass | Dimension::Length)
}

/// The first number in `text` ("500" in "500 ml", "1.5" in "1.5 L").
fn leading_number(text: &str) -> Option<f64> {
    let start = text.find(|c: char| c.is_ascii_digit())?;
    let end = text[start..].find(|c: char| !(c.is_ascii_digit() || c == '.')).map(|e| start + e).unwrap_or(text.len());
    text[start..end].parse().ok()
}

/// One fact, ready to check against a message.
#[derive(Debug, Clone)]
pub struct CompiledFact {
    /// `fact:thermos-500.capacity`, `fact:policy.refund_within`.
    pub rule: FactId,
    /// The right value, for explanations: "500 ml".
    pub expected: Text,
    quantity: Option<QuantityRule>,
    phrases: PhraseSet,
    /// What `phrases` was built from, so many facts can share one scan (`FactBatch`).
    source: PhraseSource,
    /// Checked in every reply, asked or not: a wrong value counts only next to
    /// a word naming the fact (see `compile_unasked`).
    wrong_needs_context: bool,
}

/// How near (in bytes of normalised text) a context word must be to an amount.
const CONTEXT_REACH: usize = 24;

impl CompiledFact {
    /// The status in one normalised message, and the span (normalised) that decided it.
    pub fn check(&self, text: &str, mentions: &[Mention]) -> (FactStatus, Option<(usize, usize)>) {
        self.check_hits(text, mentions, &self.phrases.find(text))
    }

    /// This fact's own phrase hits in `text` (what a `FactBatch` gives it).
    #[cfg(test)]
    pub fn phrase_hits(&self, text: &str) -> Vec<PhraseHit> {
        self.phrases.find(text)
    }

    /// `check` with this fact's phrase hits already found (by a `FactBatch`).
    pub fn check_hits(&self, text: &str, mentions: &[Mention], hits: &[PhraseHit]) -> (FactStatus, Option<(usize, usize)>) {
        if let Some(hit) = hits.iter().find(|h| h.group == RIGHT) {
            return (FactStatus::Correct, Some((hit.start, hit.end)));
        }
        let context: Vec<(usize, usize)> = hits.iter().filter(|h| h.group == CONTEXT).map(|h| (h.start, h.end)).collect();
        // A time on another clock (a tracking number's, the service desk's) is not this fact said wrongly.
        let other_clock = |start: usize, end: usize| {
            hits.iter().filter(|h| h.group == OTHER_CLOCK).any(|h| text::one_clause(text, h.start.min(start), h.end.max(end)))
        };
        // Near, and in the same clause: "保温12小时,给您发券" does not time the dispatch.
        let near_context = |start: usize, end: usize| {
            context.iter().any(|(s, e)| {
                (start.abs_diff(*e) <= CONTEXT_REACH || s.abs_diff(end) <= CONTEXT_REACH) && text::one_clause(text, start.min(*s), end.max(*e))
            })
        };
        let mut wrong_at = None;
        if let Some(rule) = &self.quantity {
            for mention in mentions.iter().filter(|m| m.quantity.dimension == rule.dimension) {
                if rule.is_right(mention.quantity.base_value) {
                    return (FactStatus::Correct, Some((mention.start, mention.end)));
                }
                let near = !rule.has_context || near_context(mention.start, mention.end);
                let elsewhere = rule.dimension == Dimension::Duration && other_clock(mention.start, mention.end);
                if near && wrong_at.is_none() && !negated(text, mention.start) && !elsewhere {
                    wrong_at = Some((mention.start, mention.end));
                }
            }
            // The right number with a unit of another physical dimension: a unit mix-up is a wrong fact.
            if wrong_at.is_none() && physical(rule.dimension) {
                for mention in mentions.iter().filter(|m| m.quantity.dimension != rule.dimension && physical(m.quantity.dimension)) {
                    let said = leading_number(&text[mention.start..mention.end]);
                    let mixed_up = rule.written.zip(said).is_some_and(|(w, s)| (w - s).abs() <= 1e-9);
                    let near = rule.has_context && near_context(mention.start, mention.end);
                    let attributed = if self.wrong_needs_context { near } else { mixed_up || near };
                    if attributed && !negated(text, mention.start) {
                        wrong_at = Some((mention.start, mention.end));
                        break;
                    }
                }
            }
        }
        if wrong_at.is_none()
            && let Some(hit) = hits
                .iter()
                .find(|h| {
                    h.group == WRONG
                        && !negated(text, h.start)
                        && !other_clock(h.start, h.end)
                        && (!self.wrong_needs_context || near_context(h.start, h.end))
                })
        {
            wrong_at = Some((hit.start, hit.end));
        }
        match wrong_at {
            Some(span) => (FactStatus::Wrong, Some(span)),
            None => (FactStatus::Missing, None),
        }
    }

    /// Every span of `text` that states this fact rightly: a value another
    /// fact would call wrong is not wrong when it is right for this one (2-3
    /// days is a courier's transit, not a wrong dispatch time).
    pub fn right_spans(&self, text: &str, mentions: &[Mention]) -> Vec<(usize, usize)> {
        let hits = self.phrases.find(text);
        let mut spans: Vec<(usize, usize)> = hits.iter().filter(|h| h.group == RIGHT).map(|h| (h.start, h.end)).collect();
        if let Some(rule) = &self.quantity {
            // An amount is about this fact only beside its words (24 h is a
            // cancellation refund beside 退款, not beside 保温).
            let about = |mention: &Mention| {
                !rule.has_context
                    || hits.iter().filter(|h| h.group == CONTEXT).any(|h| {
                        mention.start.abs_diff(h.end) <= CONTEXT_REACH || h.start.abs_diff(mention.end) <= CONTEXT_REACH
                    })
            };
            for mention in mentions.iter().filter(|m| m.quantity.dimension == rule.dimension && about(m)) {
                if rule.is_right(mention.quantity.base_value) {
                    spans.push((mention.start, mention.end));
                }
            }
        }
        spans
    }
}

struct Spec {
    expected: Text,
    quantity: Option<QuantityRule>,
    right: Vec<String>,
    wrong: Vec<String>,
    context: Vec<String>,
    /// (group, phrase): a hit of that group inside the phrase does not count.
    exceptions: Vec<(usize, String)>,
}

impl Spec {
    fn phrases(right: Vec<String>, wrong: Vec<String>, expected: Text) -> Spec {
        Spec { expected, quantity: None, right, wrong, context: Vec::new(), exceptions: Vec::new() }
    }

    fn amount(dimension: Dimension, right: Vec<f64>, expected: String, context: &[&str]) -> Spec {
        let written = leading_number(&expected);
        Spec {
            expected: Text { zh: amount_in(dimension, &expected, Lang::Zh), en: amount_in(dimension, &expected, Lang::En) },
            quantity: Some(QuantityRule {
                dimension,
                right,
                at_most: false,
                has_context: !context.is_empty(),
                written,
            }),
            right: Vec::new(),
            wrong: Vec::new(),
            context: context.iter().map(|c| c.to_string()).collect(),
            exceptions: Vec::new(),
        }
    }
}

const DISPATCH_WORDS: &[&str] = &["发货", "发出", "寄出", "出库", "发", "ship", "dispatch", "send", "sent"];
const WARRANTY_WORDS: &[&str] = &["保修", "质保", "保", "warranty", "guarantee"];
const REFUND_WORDS: &[&str] = &["退款", "退回", "到账", "退", "refund"];
const IN_STOCK: &[&str] = &["有货", "现货", "有库存", "库存充足", "能发", "in stock", "available"];
const OUT_OF_STOCK: &[&str] =
    &["没货", "没有货", "缺货", "售罄", "无货", "卖完", "断货", "卖光", "没库存", "没有库存", "sold out", "out of stock", "not available"];
const SHOP_PAYS: &[&str] = &[
    "运费我们承担", "运费由我们承担", "运费我们出", "我们承担运费", "我们出运费", "运费由店铺承担", "店铺承担",
    "运费我们来出", "我们来承担", "来回运费*我们", "不用您出运费", "您不用承担", "免费退", "运费*我们承担", "包运费",
    "we cover", "we'll cover", "we will cover", "we pay the return", "we'll pay", "free return", "at our cost",
    "our expense", "on us",
];
const BUYER_PAYS: &[&str] = &[
    "运费*您承担", "运费需要您", "您承担运费", "您自己承担", "买家承担", "运费自理", "自付运费", "您出运费",
    "运费*您自己", "you pay the return", "you'll need to pay", "at your own cost", "at your expense", "buyer pays",
    "you cover the",
];
const INSURANCE: &[&str] = &["运费险", "退货险", "shipping insurance", "return insurance"];

/// The core of an item name: "杯套(主图中展示,需另购)" → "杯套".
fn core(text: &str) -> String {
    text.split(['(', '(']).next().unwrap_or(text).trim().to_string()
}

fn both(text: &Text) -> Vec<String> {
    vec![core(&text.zh), core(&text.en)].into_iter().filter(|t| t.chars().count() >= 2).collect()
}

fn product_spec(product: &Product, field: &ProductField, sku: Option<&str>) -> Option<Spec> {
    let specs = &product.specs;
    Some(match field {
        ProductField::Capacity => {
            let v = specs.capacity.as_ref()?;
            Spec::amount(Dimension::Volume, vec![v.base_value], v.text.clone(), &[])
        }
        ProductField::Weight => {
            let v = specs.weight.as_ref()?;
            Spec::amount(Dimension::Mass, vec![v.base_value], v.text.clone(), &["重", "净重", "weigh"])
        }
        ProductField::Dimensions => {
            let d = specs.dimensions.as_ref()?;
            let expected = format!("{} × {} × {}", d.length, d.width, d.height);
            Spec::amount(Dimension::Length, vec![d.length.base_value, d.width.base_value, d.height.base_value], expected, &[])
        }
        ProductField::Price => {
            let mut right = vec![product.price.base_value];
            right.extend(product.variants.iter().filter_map(|v| v.price.as_ref().map(|p| p.base_value)));
            Spec::amount(Dimension::Money, right, product.price.text.clone(), &["价", "售价", "卖", "price", "costs"])
        }
        ProductField::DispatchTime => {
            let v = specs.dispatch_time.as_ref()?;
            Spec::amount(Dimension::Duration, vec![v.base_value], v.text.clone(), DISPATCH_WORDS)
        }
        ProductField::Warranty => {
            let w = product.warranty.as_ref()?;
            Spec::amount(Dimension::Duration, vec![w.length.base_value], w.length.text.clone(), WARRANTY_WORDS)
        }
        ProductField::Material => {
            let m = specs.material.as_ref()?;
            Spec::phrases(m.said_as.clone(), m.confused_with.clone(), m.name.clone())
        }
        ProductField::Other(name) => {
            let o = specs.other_named(name)?;
            Spec::phrases(o.said_as.clone(), o.confused_with.clone(), o.value.clone())
        }
        ProductField::ShipsFrom => {
            let place = specs.ships_from.as_ref()?;
            let mut right = vec![place.zh.clone(), place.en.clone()];
            let chars: Vec<char> = place.zh.chars().collect();
            if chars.len() >= 4 {
                right.push(chars[chars.len() - 2..].iter().collect());
            }
            right.extend(place.en.split(',').map(|p| p.trim().to_string()).filter(|p| p.len() >= 3));
            Spec::phrases(right, Vec::new(), place.clone())
        }
        ProductField::Stock => {
            let variant = match sku {
                Some(sku) => product.variants.iter().find(|v| v.sku == sku)?,
                None => product.variants.first()?,
            };
            let in_stock = variant.stock > 0;
            let (right, wrong) = if in_stock { (IN_STOCK, OUT_OF_STOCK) } else { (OUT_OF_STOCK, IN_STOCK) };
            let expected = if in_stock {
                Text { zh: format!("有货({})", variant.stock), en: format!("in stock ({})", variant.stock) }
            } else {
                Text { zh: "缺货".into(), en: "out of stock".into() }
            };
            let mut spec = Spec::phrases(owned(right), owned(wrong), expected);
            // "没有货" must not count as "有货": the in-stock group ignores hits inside out-of-stock phrases.
            let in_stock_group = if in_stock { RIGHT } else { WRONG };
            spec.exceptions = OUT_OF_STOCK
                .iter()
                .filter(|out| IN_STOCK.iter().any(|inside| out.contains(inside)))
                .map(|out| (in_stock_group, out.to_string()))
                .collect();
            spec
        }
        ProductField::Included | ProductField::NotIncluded => {
            let items = if matches!(field, ProductField::Included) { &product.included } else { &product.not_included };
            let right: Vec<String> = items.iter().flat_map(both).collect();
            let expected = Text {
                zh: items.iter().map(|t| t.zh.clone()).collect::<Vec<_>>().join("、"),
                en: items.iter().map(|t| t.en.clone()).collect::<Vec<_>>().join(", "),
            };
            Spec::phrases(right, Vec::new(), expected)
        }
        ProductField::SizeChart => {
            let sizes: Vec<String> = product.size_chart.iter().map(|row| row.size.to_lowercase()).collect();
            let wanted = sku.and_then(|sku| product.variants.iter().find(|v| v.sku == sku)).and_then(|v| v.size.clone());
            let spell = |size: &str| vec![format!("{size}码"), format!("{size}号"), format!("size {size}")];
            match wanted {
                Some(size) => {
                    let size = size.to_lowercase();
                    let wrong = sizes.iter().filter(|s| **s != size).flat_map(|s| spell(s)).collect();
                    Spec::phrases(spell(&size), wrong, Text { zh: format!("{size}码"), en: format!("size {size}") })
                }
                None => Spec::phrases(sizes.iter().flat_map(|s| spell(s)).collect(), Vec::new(), same(sizes.join("/"))),
            }
        }
        ProductField::SellingPoints => {
            let right: Vec<String> = product.selling_points.iter().flat_map(|p| p.keywords.clone()).collect();
            let expected = Text {
                zh: product.selling_points.iter().map(|p| p.text.zh.clone()).collect::<Vec<_>>().join(";"),
                en: product.selling_points.iter().map(|p| p.text.en.clone()).collect::<Vec<_>>().join("; "),
            };
            Spec::phrases(right, Vec::new(), expected)
        }
        ProductField::Colours => {
            let right: Vec<String> = product.variants.iter().filter_map(|v| v.colour.as_ref()).flat_map(both).collect();
            let colours = |lang: crate::content::raw::Lang| {
                product.variants.iter().filter_map(|v| v.colour.as_ref()).map(|c| c.get(lang).to_string()).collect::<Vec<_>>().join("/")
            };
            let expected = Text { zh: colours(crate::content::raw::Lang::Zh), en: colours(crate::content::raw::Lang::En) };
            Spec::phrases(right, Vec::new(), expected)
        }
        ProductField::Care => {
            // Agents paraphrase care instructions, so any four characters in a row
            // of an instruction (three words in English) count as stating it.
            let mut right: Vec<String> = Vec::new();
            for care in &product.care {
                for clause in care.zh.split([',', '，', '、', ';', '；', '。']) {
                    let chars: Vec<char> = clause.trim().chars().collect();
                    if chars.len() <= 4 {
                        right.push(chars.iter().collect());
                    } else {
                        right.extend(chars.windows(4).map(|w| w.iter().collect::<String>()));
                    }
                }
                let words: Vec<&str> = care.en.split_whitespace().collect();
                right.extend(words.windows(3).map(|w| w.join(" ")));
            }
            right.retain(|phrase| phrase.chars().count() >= 2);
            let expected = Text {
                zh: product.care.iter().map(|c| c.zh.clone()).collect::<Vec<_>>().join(";"),
                en: product.care.iter().map(|c| c.en.clone()).collect::<Vec<_>>().join("; "),
            };
            Spec::phrases(right, Vec::new(), expected)
        }
    })
}

/// The same words in both languages (an amount: "48 h", "129 元").
/// An amount as its reader writes it, in the explanation a trainee reads
/// ("应为 48 小时", "should be 48 hours", "should be ¥10"): content writes
/// amounts one way for both languages ("48 h", "10 元", "5 元/10 元").
fn amount_in(dimension: Dimension, text: &str, lang: Lang) -> String {
    match dimension {
        Dimension::Duration => crate::i18n::duration(text, lang),
        Dimension::Money if lang == Lang::En => yuan_as_symbol(text),
        _ => text.to_string(),
    }
}

/// Every "N 元" (or "N元") as "¥N"; everything around it ("≤ ", "/") stays.
fn yuan_as_symbol(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut index = 0;
    while index < chars.len() {
        if !chars[index].is_ascii_digit() {
            out.push(chars[index]);
            index += 1;
            continue;
        }
        let start = index;
        while index < chars.len() && (chars[index].is_ascii_digit() || chars[index] == '.') {
            index += 1;
        }
        let number: String = chars[start..index].iter().collect();
        let mut unit = index;
        while unit < chars.len() && chars[unit] == ' ' {
            unit += 1;
        }
        if chars.get(unit) == Some(&'元') {
            out.push('¥');
            out.push_str(&number);
            index = unit + 1;
        } else {
            out.push_str(&number);
        }
    }
    out
}

fn same(text: String) -> Text {
    Text { zh: text.clone(), en: text }
}

fn owned(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

fn policy_spec(policy: &ShopPolicy, field: PolicyField, courier: Option<&str>) -> Option<Spec> {
    let returns = &policy.returns;
    let grant = &policy.agent_may_grant;
    Some(match field {
        PolicyField::NoReasonDays => {
            let days = f64::from(returns.no_reason_days);
            Spec::amount(Dimension::Duration, vec![days * 24.0], format!("{} 天", returns.no_reason_days), &["无理由", "退", "return"])
        }
        PolicyField::ReturnShippingPayer(reason) => {
            let payer = returns.return_shipping.iter().find(|r| r.reason == reason)?.paid_by;
            let (mut right, wrong) = match payer {
                Payer::Shop => (owned(SHOP_PAYS), owned(BUYER_PAYS)),
                Payer::Buyer => (owned(BUYER_PAYS), owned(SHOP_PAYS)),
            };
            if payer == Payer::Buyer && returns.shipping_insurance {
                right.extend(owned(INSURANCE));
            }
            let expected = match payer {
                Payer::Shop => Text { zh: "运费由店铺承担".into(), en: "the shop pays the return postage".into() },
                Payer::Buyer => Text {
                    zh: "运费由买家承担(运费险可抵)".into(),
                    en: "the buyer pays the return postage (shipping insurance covers it)".into(),
                },
            };
            Spec::phrases(right, wrong, expected)
        }
        PolicyField::RefundWithin => {
            Spec::amount(Dimension::Duration, vec![returns.refund_within.base_value], returns.refund_within.text.clone(), REFUND_WORDS)
        }
        PolicyField::CancellationRefundWithin => {
            let within = returns.cancellation_refund_within.as_ref()?;
            Spec::amount(Dimension::Duration, vec![within.base_value], within.text.clone(), REFUND_WORDS)
        }
        PolicyField::DispatchWithin => {
            let within = &policy.dispatch.within;
            Spec::amount(Dimension::Duration, vec![within.base_value], within.text.clone(), DISPATCH_WORDS)
        }
        PolicyField::SameDayCutoff => {
            let cutoff = &policy.dispatch.same_day_cutoff;
            let hour: u32 = cutoff.split(':').next()?.trim().parse().ok()?;
            let mut right = vec![cutoff.clone(), format!("{hour}点"), format!("{hour}:00")];
            if hour > 12 {
                let pm = hour - 12;
                right.extend([format!("下午{pm}点"), format!("{pm}pm"), format!("{pm} pm"), format!("{pm}:00 pm")]);
            }
            Spec::phrases(right, Vec::new(), same(cutoff.clone()))
        }
        PolicyField::ShippingInsurance => {
            let (right, wrong) = if returns.shipping_insurance { (owned(INSURANCE), Vec::new()) } else { (Vec::new(), owned(INSURANCE)) };
            let expected = if returns.shipping_insurance {
                Text { zh: "有运费险".into(), en: "shipping insurance included".into() }
            } else {
                Text { zh: "没有运费险".into(), en: "no shipping insurance".into() }
            };
            Spec::phrases(right, wrong, expected)
        }
        PolicyField::CourierCoverage => {
            let mut right: Vec<String> = owned(&["偏远", "送不到", "到不了", "不派送", "不能派送", "不到", "can't deliver", "doesn't deliver", "does not reach", "doesn't reach"]);
            for courier in &policy.couriers {
                for region in &courier.does_not_reach {
                    right.extend(region.zh.split(['、', ',', ',']).map(|r| r.chars().take(2).collect::<String>()));
                }
            }
            Spec::phrases(right, Vec::new(), Text { zh: "部分偏远地区快递不到".into(), en: "the courier does not reach some remote areas".into() })
        }
        PolicyField::CourierTransit => {
            let id = courier.unwrap_or(&policy.dispatch.default_courier);
            let courier = policy.couriers.iter().find(|c| c.id == id)?;
            Spec::amount(
                Dimension::Duration,
                vec![courier.usual_transit.base_value],
                courier.usual_transit.text.clone(),
                &["到", "送达", "运输", "路上", "arrive", "deliver", "transit"],
            )
        }
        PolicyField::CouponValues => {
            let right = grant.coupons.iter().map(|c| c.base_value).collect();
            let expected = grant.coupons.iter().map(|c| c.text.clone()).collect::<Vec<_>>().join("/");
            Spec::amount(Dimension::Money, right, expected, &["券", "coupon", "voucher"])
        }
        PolicyField::MaxDiscount | PolicyField::MaxCompensation => {
            let (limit, context): (&crate::text::quantity::Money, &[&str]) = if field == PolicyField::MaxDiscount {
                (&grant.max_discount, &["改价", "便宜", "优惠", "减", "discount", "off"])
            } else {
                (&grant.max_compensation, &["补偿", "赔", "compensat"])
            };
            let mut spec = Spec::amount(Dimension::Money, vec![limit.base_value], format!("≤ {}", limit), context);
            if let Some(rule) = &mut spec.quantity {
                rule.at_most = true;
            }
            spec
        }
    })
}

/// Compiles a fact of a scenario. `None` when the data is missing (`kefu check` reports that).
pub fn compile(fact: &FactRef, product: Option<&Product>, policy: Option<&ShopPolicy>) -> Option<CompiledFact> {
    let spec = match fact {
        FactRef::Spec { field, sku, .. } => product_spec(product?, field, sku.as_deref())?,
        FactRef::Policy { field, courier } => policy_spec(policy?, *field, courier.as_deref())?,
    };
    let rule = fact.id();
    Some(build(rule, spec))
}

/// The facts of a scenario checked in every reply, asked or not: what a
/// trainee states in passing about the product or the policy. Only facts a
/// wrong value of which can be told from other talk are here; the price, stock,
/// sizes and who pays return postage depend on what is being discussed and are
/// checked only where a rubric asks for them.
pub fn unasked_facts(products: &[&Product], policy: Option<&ShopPolicy>) -> Vec<FactRef> {
    let mut facts = Vec::new();
    for product in products {
        let spec = |field: ProductField| FactRef::Spec { product: product.id.clone(), field, sku: None };
        let specs = &product.specs;
        if specs.capacity.is_some() {
            facts.push(spec(ProductField::Capacity));
        }
        if specs.weight.is_some() {
            facts.push(spec(ProductField::Weight));
        }
        if specs.material.is_some() {
            facts.push(spec(ProductField::Material));
        }
        if specs.dispatch_time.is_some() {
            facts.push(spec(ProductField::DispatchTime));
        }
        if product.warranty.is_some() {
            facts.push(spec(ProductField::Warranty));
        }
        for other in &specs.other {
            facts.push(spec(ProductField::Other(other.name.zh.clone())));
        }
    }
    if policy.is_some() {
        for field in [PolicyField::NoReasonDays, PolicyField::RefundWithin, PolicyField::DispatchWithin, PolicyField::MaxCompensation] {
            facts.push(FactRef::Policy { field, courier: None });
        }
    }
    facts
}

/// Words that name a fact, so a value beside them is about it. Deliberately
/// narrower than the rubric's context words (发 alone also sends a tracking
/// number; 到 also arrives): an unasked fact must never be read into talk
/// about something else.
fn naming_words(fact: &FactRef, product: Option<&Product>) -> Vec<String> {
    let words: &[&str] = match fact {
        FactRef::Spec { field, .. } => match field {
            ProductField::Capacity => &["容量", "能装", "装多少", "capacity", "holds"],
            ProductField::Weight => &["重量", "净重", "多重", "weighs", "weight"],
            ProductField::Material => &["材质", "不锈钢", "内胆", "面料", "成分", "material", "stainless", "steel", "liner", "fabric"],
            ProductField::DispatchTime => &["发货", "发出", "出库", "寄出", "ship", "dispatch"],
            ProductField::Warranty => &["保修", "质保", "warranty", "guarantee"],
            ProductField::Other(name) => {
                let Some(other) = product.and_then(|p| p.specs.other_named(name)) else { return Vec::new() };
                let zh: Vec<char> = other.name.zh.chars().collect();
                let mut words = vec![other.name.zh.clone(), other.name.en.to_lowercase()];
                if zh.len() > 2 {
                    words.push(zh[..2].iter().collect());
                }
                return words.into_iter().filter(|w| w.chars().count() >= 2).collect();
            }
            _ => &[],
        },
        FactRef::Policy { field, .. } => match field {
            PolicyField::NoReasonDays => &["无理由", "no reason", "no-reason", "no questions"],
            PolicyField::RefundWithin => &["退款", "到账", "refund"],
            PolicyField::DispatchWithin => &["发货", "发出", "出库", "寄出", "ship", "dispatch"],
            PolicyField::MaxCompensation => &["补偿", "赔偿", "赔付", "compensat"],
            _ => &[],
        },
    };
    owned(words)
}

/// Compiles a fact to check in every reply (see `unasked_facts`): a wrong
/// value counts only beside a word naming the fact. `None` when the data is
/// missing or nothing names the fact.
pub fn compile_unasked(fact: &FactRef, product: Option<&Product>, policy: Option<&ShopPolicy>) -> Option<CompiledFact> {
    let naming = naming_words(fact, product);
    if naming.is_empty() {
        return None;
    }
    let mut spec = match fact {
        FactRef::Spec { field, sku, .. } => product_spec(product?, field, sku.as_deref())?,
        FactRef::Policy { field, courier } => policy_spec(policy?, *field, courier.as_deref())?,
    };
    let rule = fact.id();
    spec.context = naming;
    if let Some(quantity) = &mut spec.quantity {
        quantity.has_context = true;
    }
    let mut compiled = build(rule, spec);
    compiled.wrong_needs_context = true;
    Some(compiled)
}

/// A fact's phrases by group, kept with the compiled fact.
#[derive(Debug, Clone, Default)]
struct PhraseSource {
    right: Vec<String>,
    wrong: Vec<String>,
    context: Vec<String>,
    exceptions: Vec<(usize, String)>,
}

/// How many groups one fact uses (RIGHT, WRONG, CONTEXT, OTHER_CLOCK).
const GROUPS: usize = 4;

impl PhraseSource {
    /// Adds the phrases, their groups offset by `base`.
    fn add_to(&self, builder: &mut crate::text::matcher::PhraseSetBuilder, base: usize) {
        for phrase in &self.right {
            builder.add(base + RIGHT, phrase);
        }
        for phrase in &self.wrong {
            builder.add(base + WRONG, phrase);
        }
        for phrase in &self.context {
            builder.add(base + CONTEXT, phrase);
        }
        for (group, phrase) in &self.exceptions {
            builder.except(base + *group, phrase);
        }
        for phrase in OTHER_CLOCKS {
            builder.add(base + OTHER_CLOCK, phrase);
        }
    }
}

fn build(rule: FactId, spec: Spec) -> CompiledFact {
    let source = PhraseSource { right: spec.right, wrong: spec.wrong, context: spec.context, exceptions: spec.exceptions };
    let mut builder = PhraseSet::builder();
    source.add_to(&mut builder, 0);
    CompiledFact { rule, expected: spec.expected, quantity: spec.quantity, phrases: builder.build(), source, wrong_needs_context: false }
}

/// Many facts' phrases in one set: a reply is scanned once for all of them,
/// not once per fact (a scenario checks a dozen facts in every reply, asked or
/// not). Hits are the same as each fact's own `find`: every hit comes from one
/// pattern, and exceptions only cancel hits of their own fact and group.
#[derive(Debug, Clone)]
pub struct FactBatch {
    phrases: PhraseSet,
    facts: usize,
}

impl Default for FactBatch {
    fn default() -> FactBatch {
        FactBatch::new(&[])
    }
}

impl FactBatch {
    pub fn new(facts: &[CompiledFact]) -> FactBatch {
        let mut builder = PhraseSet::builder();
        for (index, fact) in facts.iter().enumerate() {
            fact.source.add_to(&mut builder, index * GROUPS);
        }
        FactBatch { phrases: builder.build(), facts: facts.len() }
    }

    /// Each fact's hits in `text` (in the order the batch was built from), as its own `find` gives them.
    pub fn hits(&self, text: &str) -> Vec<Vec<PhraseHit>> {
        let mut each = vec![Vec::new(); self.facts];
        for hit in self.phrases.find(text) {
            each[hit.group / GROUPS].push(PhraseHit { group: hit.group % GROUPS, ..hit });
        }
        each
    }
}

#[cfg(test)]
mod amount_tests {
    use super::*;

    #[test]
    fn amounts_read_in_the_explanations_language() {
        assert_eq!(amount_in(Dimension::Money, "5 元/10 元/20 元", Lang::En), "¥5/¥10/¥20");
        assert_eq!(amount_in(Dimension::Money, "≤ 10 元", Lang::En), "≤ ¥10");
        assert_eq!(amount_in(Dimension::Money, "129元", Lang::En), "¥129");
        assert_eq!(amount_in(Dimension::Money, "≤ 10 元", Lang::Zh), "≤ 10 元");
        assert_eq!(amount_in(Dimension::Duration, "48 h", Lang::Zh), "48 小时");
        assert_eq!(amount_in(Dimension::Duration, "48 h", Lang::En), "48 hours");
        assert_eq!(amount_in(Dimension::Duration, "7 天", Lang::En), "7 days");
        assert_eq!(amount_in(Dimension::Volume, "500 ml", Lang::Zh), "500 ml");
    }
}
