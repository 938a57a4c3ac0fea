//! Questions generated from the catalogue and the shop policy, so quizzes stay
//! true when the data changes: 这款保温杯的容量是多少?, 身高175体重70选哪个码?,
//! 7天无理由退货的运费谁出? Distractors come from other products and plausible
//! neighbours, and are never equal to the right answer. Every question is
//! written in Chinese and in English (the quiz's language picks), under one id.

use super::question_id::GeneratedId;
use super::{ItemKind, QuizItem};
use crate::content::Course;
use crate::content::raw::{Lang, Material, Payer, Product, ReturnReason, ShopPolicy};
use crate::i18n::duration;
use crate::text::{Quantity, mention, normalize};

fn item(id: String, category: &str, prompt: String, kind: ItemKind, explain: String) -> QuizItem {
    QuizItem { id, bank: "generated".into(), category: category.into(), prompt, kind, explain }
}

/// The text for `lang`: each question is written in both languages, side by side.
fn tr<T>(lang: Lang, zh: T, en: T) -> T {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

/// Single choice with the right answer first; the draw shuffles options later.
fn single(right: String, wrong: Vec<String>) -> ItemKind {
    let mut options = vec![right.clone()];
    for option in wrong {
        if option != right && !options.contains(&option) {
            options.push(option);
        }
    }
    ItemKind::Single { options, right: 0 }
}

/// Nearby capacities that are plausible but wrong.
fn capacity_distractors(product: &Product, course: &Course) -> Vec<String> {
    let Some(capacity) = &product.specs.capacity else { return Vec::new() };
    let mut wrong: Vec<String> = course
        .products
        .values()
        .filter_map(|p| p.specs.capacity.as_ref())
        .filter(|c| !c.same_amount(capacity))
        .map(|c| c.text.clone())
        .collect();
    let ml = capacity.base_value;
    for factor in [0.8, 1.2, 1.5] {
        let value = (ml * factor / 50.0).round() * 50.0;
        if (value - ml).abs() > 1.0 {
            wrong.push(if value >= 1000.0 { format!("{} L", value / 1000.0) } else { format!("{value} ml") });
        }
    }
    wrong.sort();
    wrong.dedup();
    wrong.truncate(3);
    wrong
}

/// Text as compared for giving an answer away: widths, case, Traditional and
/// numerals folded (`normalize`), spaces gone.
fn folded(text: &str) -> String {
    normalize(text).text.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_lowercase()
}

/// Whether `text` says `answer`: as written (folded), or as the same amount
/// with its unit (`3 L` in "电饭煲3000ml").
pub fn gives_away(text: &str, answer: &str) -> bool {
    let answer_key = folded(answer);
    if !answer_key.is_empty() && folded(text).contains(&answer_key) {
        return true;
    }
    let Ok(amount) = Quantity::parse(answer) else { return false };
    mention::quantities(&normalize(text).text).iter().any(|m| m.quantity.dimension == amount.dimension && m.quantity.same_amount(&amount))
}

/// A product's name without its variant: words with digits dropped, and the
/// unit written apart after a number ("智能电饭煲 3L" → "智能电饭煲",
/// "Smart rice cooker 3 L" → "Smart rice cooker").
fn base_name(name: &str) -> String {
    let mut kept = Vec::new();
    let mut after_number = false;
    for word in name.split_whitespace() {
        let number = word.chars().any(|c| c.is_ascii_digit());
        let unit = after_number && word.len() <= 2 && word.chars().all(|c| c.is_ascii_alphabetic());
        if !number && !unit {
            kept.push(word);
        }
        after_number = number;
    }
    kept.join(" ")
}

/// How a question names the product without giving `answer` away: its name;
/// else its variant-free base name ("智能电饭煲 3L" → "智能电饭煲") when no
/// other product shares it; else its name with the answer taken out
/// ("大豆纤维冬被 200×230cm" asked for its material → "冬被 200×230cm");
/// `None` (the question is not asked) when none of these will do.
fn named(product: &Product, course: &Course, answer: &str, lang: Lang) -> Option<String> {
    let name = product.name.get(lang);
    if !gives_away(name, answer) {
        return Some(name.to_string());
    }
    let base = base_name(name);
    let shared = course.products.values().any(|other| other.id != product.id && base_name(other.name.get(lang)) == base);
    if !base.is_empty() && !shared && !gives_away(&base, answer) {
        return Some(base);
    }
    let without = name.replace(answer.trim(), "").trim().to_string();
    let usable = without.chars().any(|c| c.is_alphabetic()) && !gives_away(&without, answer);
    let taken = course.products.values().any(|other| other.id != product.id && other.name.get(lang).contains(&without));
    (usable && !taken).then_some(without)
}

/// A product's name inside an English sentence: "the vacuum thermos". The
/// capital a name starts with is kept for a name in capitals ("TPE yoga mat")
/// or a proper name ("West Lake Longjing": its next word has one too).
fn the(name: &str) -> String {
    let mut words = name.split_whitespace();
    let first = words.next().unwrap_or_default();
    let proper = first.chars().nth(1).is_some_and(char::is_uppercase) || words.next().is_some_and(|w| w.starts_with(char::is_uppercase));
    let mut chars = name.chars();
    match chars.next() {
        Some(c) if !proper => format!("the {}{}", c.to_lowercase(), chars.as_str()),
        _ => format!("the {name}"),
    }
}

/// The product whose size chart a generated size question (by its id) is
/// about, so a screen can show the chart the question needs.
// Only the app's quiz screen shows a size chart: unused without the GUI.
#[cfg_attr(not(feature = "gui"), allow(dead_code))]
pub fn size_question_product<'c>(course: &'c Course, id: &str) -> Option<&'c Product> {
    course
        .products
        .values()
        .find(|p| p.size_chart.iter().any(|row| GeneratedId::Size { product: &p.id, size: &row.size }.to_string() == id))
}

/// Whether `text` is written without Chinese (an English spelling of a material).
fn latin(text: &str) -> bool {
    text.chars().all(|c| c.is_ascii() || !c.is_alphabetic())
}

/// A number or a share ("304", "90%"): a grade or blend one can swap for another.
fn grade_like(text: &str) -> bool {
    !text.is_empty() && text.chars().all(|c| c.is_ascii_digit() || c == '%' || c == '.')
}

/// A material's question options in `lang`: the right one and the look-alikes.
/// Chinese asks with the short spellings a buyer hears ("304" against "316");
/// English with the card's own words ("304 stainless steel liner" against
/// "316 stainless steel liner", "ceramic"), a look-alike grade put in place of
/// the card's grade, other look-alikes as written in English.
fn material_options(material: &Material, lang: Lang) -> (String, Vec<String>) {
    if lang == Lang::Zh {
        let wrong = material.confused_with.iter().take(3).cloned().collect();
        return (material.said_as.first().cloned().unwrap_or_else(|| material.name.zh.clone()), wrong);
    }
    let right = material.name.en.clone();
    let grade = material.said_as.iter().filter(|s| grade_like(s)).find(|s| right.contains(s.as_str()));
    let wrong = material
        .confused_with
        .iter()
        .filter(|c| latin(c))
        .map(|c| match grade {
            Some(grade) if grade_like(c) => right.replacen(grade.as_str(), c, 1),
            _ => c.clone(),
        })
        .take(3)
        .collect();
    (right, wrong)
}

fn product_questions(product: &Product, course: &Course, lang: Lang) -> Vec<QuizItem> {
    let full_name = product.name.get(lang);
    let mut items = Vec::new();
    if let Some(capacity) = &product.specs.capacity
        && let Some(name) = named(product, course, &capacity.text, lang)
    {
        items.push(item(
            GeneratedId::Capacity { product: &product.id }.to_string(),
            "product",
            tr(lang, format!("{name}的容量是多少?"), format!("What is the capacity of {}?", the(&name))),
            single(capacity.text.clone(), capacity_distractors(product, course)),
            tr(lang, format!("商品卡:容量 {}。", capacity.text), format!("Product card: capacity {}.", capacity.text)),
        ));
    }
    if let Some(material) = &product.specs.material {
        let (right, wrong) = material_options(material, lang);
        if !wrong.is_empty()
            && let Some(name) = named(product, course, &right, lang)
        {
            items.push(item(
                GeneratedId::Material { product: &product.id }.to_string(),
                "product",
                tr(lang, format!("{name}的材质是?"), format!("What is the material of {}?", the(&name))),
                single(right, wrong),
                tr(
                    lang,
                    format!("商品卡:{}。说错材质属于错误信息,比不说更糟。", material.name.zh),
                    format!("Product card: {}. Stating the wrong material is wrong information, which is worse than saying nothing.", material.name.en),
                ),
            ));
        }
    }
    if let Some(dispatch) = &product.specs.dispatch_time
        && let Some(name) = named(product, course, &dispatch.text, lang)
    {
        // Durations as the reader says them: "48 小时", "48 hours", never "48 h".
        let within = duration(&dispatch.text, lang);
        items.push(item(
            GeneratedId::Dispatch { product: &product.id }.to_string(),
            "product",
            tr(lang, format!("{name}付款后多少小时内发货?(填数字)"), format!("Within how many hours of payment is an order for {} dispatched? (Enter a number.)", the(&name))),
            ItemKind::Numeric { answer: dispatch.base_value, tolerance: 0.0, unit: tr(lang, "小时", "hours").into() },
            tr(lang, format!("商品卡:{within}内发货。"), format!("Product card: dispatched within {within} of payment.")),
        ));
    }
    for row in &product.size_chart {
        let height = (row.height_cm.0 + row.height_cm.1) / 2;
        let weight = (row.weight_kg.0 + row.weight_kg.1) / 2;
        let size = |size: &str| tr(lang, format!("{size}码"), format!("Size {size}"));
        let others: Vec<String> = product.size_chart.iter().filter(|r| r.size != row.size).map(|r| size(&r.size)).collect();
        let right = size(&row.size);
        let Some(name) = named(product, course, &right, lang).filter(|_| !others.is_empty()) else { continue };
        let (low_h, high_h, low_w, high_w) = (row.height_cm.0, row.height_cm.1, row.weight_kg.0, row.weight_kg.1);
        items.push(item(
            GeneratedId::Size { product: &product.id, size: &row.size }.to_string(),
            "product",
            tr(
                lang,
                format!("{name}:买家身高{height}cm、体重{weight}kg,建议选哪个码?"),
                format!("{name}: the buyer is {height} cm tall and weighs {weight} kg. Which size do you recommend?"),
            ),
            single(right, others),
            tr(
                lang,
                format!("尺码表:{}码适合身高{low_h}-{high_h}cm、体重{low_w}-{high_w}kg。", row.size),
                format!("Size chart: size {} fits {low_h}-{high_h} cm and {low_w}-{high_w} kg.", row.size),
            ),
        ));
    }
    if let Some(missing) = product.not_included.first() {
        // The thing itself, without its note in brackets ("杯套(主图中展示,需另购)" → "杯套").
        let thing = |text: &str| text.split(['(', '(']).next().unwrap_or(text).trim().to_string();
        items.push(item(
            GeneratedId::NotIncluded { product: &product.id }.to_string(),
            "attentiveness",
            tr(
                lang,
                format!("{full_name}:主图里的“{}”包含在商品内。", thing(&missing.zh)),
                format!("{full_name}: the buyer also receives “{}”, as shown in the main photo.", thing(&missing.en)),
            ),
            ItemKind::TrueFalse { answer: false },
            tr(
                lang,
                format!("不包含:{}。买家没问也要主动说明,这是客服的关切度。", missing.zh),
                format!("Not included: {}. Say so even when the buyer does not ask: that is attentiveness.", missing.en),
            ),
        ));
    }
    items
}

/// A return reason as a question names it: "7天无理由退货", "a 7-day no-reason return".
fn reason_text(reason: ReturnReason, days: u32, lang: Lang) -> String {
    match reason {
        ReturnReason::NoReason => tr(lang, format!("{days}天无理由退货"), format!("a {days}-day no-reason return")),
        ReturnReason::WrongItem => tr(lang, "发错货退回", "an item sent in error").into(),
        ReturnReason::QualityProblem => tr(lang, "质量问题退货", "an item with a quality problem").into(),
        ReturnReason::DamagedInTransit => tr(lang, "运输破损退货", "an item damaged in transit").into(),
        ReturnReason::NotAsDescribed => tr(lang, "描述不符退货", "an item not as described").into(),
    }
}

fn policy_questions(policy: &ShopPolicy, lang: Lang) -> Vec<QuizItem> {
    let days = policy.returns.no_reason_days;
    let mut items = vec![item(
        GeneratedId::NoReasonDays.to_string(),
        "policy",
        tr(lang, "本店无理由退货的期限是签收后几天?(填数字)", "Within how many days of delivery may a buyer return an item without giving a reason? (Enter a number.)").into(),
        ItemKind::Numeric { answer: f64::from(days), tolerance: 0.0, unit: tr(lang, "天", "days").into() },
        tr(lang, format!("本店政策:签收后{days}天内无理由退货。"), format!("Shop policy: returns with no reason given within {days} days of delivery.")),
    )];
    for rule in &policy.returns.return_shipping {
        let (shop, buyer) = (tr(lang, "店铺承担", "The shop"), tr(lang, "买家承担", "The buyer"));
        let (right, wrong) = match rule.paid_by {
            Payer::Shop => (shop, buyer),
            Payer::Buyer => (buyer, shop),
        };
        let reason = reason_text(rule.reason, days, lang);
        items.push(item(
            GeneratedId::ReturnShipping(rule.reason).to_string(),
            "policy",
            tr(lang, format!("{reason}的运费谁出?"), format!("Who pays the return shipping for {reason}?")),
            single(right.into(), vec![wrong.into(), tr(lang, "平台承担", "The platform").into()]),
            tr(
                lang,
                format!("本店政策:{reason}的退货运费由{right}。"),
                format!("Shop policy: the return shipping for {reason} is paid by {}.", right.to_lowercase()),
            ),
        ));
    }
    items
}

/// Every question the course's data yields, written in `lang`. Both languages
/// ask the same questions under the same ids (review decks and records hold
/// them); only the words differ.
pub fn generate(course: &Course, lang: Lang) -> Vec<QuizItem> {
    let mut items: Vec<QuizItem> = course.products.values().flat_map(|p| product_questions(p, course, lang)).collect();
    for policy in course.policies.values() {
        items.extend(policy_questions(policy, lang));
    }
    items
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::{Answer, mark};
    use std::path::Path;

    fn course() -> Course {
        Course::load(&[], Path::new(env!("CARGO_MANIFEST_DIR")))
    }

    #[test]
    fn generated_questions_are_right_for_every_bundled_product() {
        let course = course();
        for lang in [Lang::Zh, Lang::En] {
            let items = generate(&course, lang);
            assert!(items.len() >= 30, "{lang:?}: {}", items.len());
            for item in &items {
                match &item.kind {
                    ItemKind::Single { options, right } => {
                        assert!(options.len() >= 2, "{}: needs distractors", item.id);
                        let answer = &options[*right];
                        assert_eq!(options.iter().filter(|o| *o == answer).count(), 1, "{}: a distractor equals the answer", item.id);
                        assert!(mark(item, &Answer::Choice(answer.clone())).right);
                        for wrong in options.iter().filter(|o| *o != answer) {
                            assert!(!mark(item, &Answer::Choice(wrong.clone())).right, "{}: {wrong}", item.id);
                        }
                    }
                    ItemKind::Numeric { answer, .. } => assert!(mark(item, &Answer::Number(*answer)).right),
                    ItemKind::TrueFalse { answer } => assert!(mark(item, &Answer::Bool(*answer)).right),
                    _ => {}
                }
            }
        }
        // The right answers are the catalogue's values.
        let items = generate(&course, Lang::Zh);
        let thermos = items.iter().find(|i| i.id == "gen-thermos-500-capacity").expect("generated");
        assert!(matches!(&thermos.kind, ItemKind::Single { options, right } if options[*right] == "500 ml"));
        let size = items.iter().find(|i| i.id == "gen-hoodie-fleece-size-l").expect("generated");
        assert!(matches!(&size.kind, ItemKind::Single { options, right } if options[*right] == "L码"));
        let shipping = items.iter().find(|i| i.id == "gen-policy-return-shipping-noreason").expect("generated");
        assert!(matches!(&shipping.kind, ItemKind::Single { options, right } if options[*right] == "买家承担"));
    }

    /// Review decks and records hold generated ids: both languages ask the
    /// same questions under the same ids, of the same kind, with the same answers.
    #[test]
    fn both_languages_ask_the_same_questions_under_the_same_ids() {
        let course = course();
        let (zh, en) = (generate(&course, Lang::Zh), generate(&course, Lang::En));
        let ids = |items: &[QuizItem]| items.iter().map(|i| i.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(&zh), ids(&en));
        for (zh, en) in zh.iter().zip(&en) {
            assert_eq!(zh.category, en.category, "{}", zh.id);
            match (&zh.kind, &en.kind) {
                (ItemKind::Single { options: a, .. }, ItemKind::Single { options: b, .. }) => assert!(b.len() >= 2 && a.len() >= 2, "{}", zh.id),
                (ItemKind::Numeric { answer: a, .. }, ItemKind::Numeric { answer: b, .. }) => assert_eq!(a, b, "{}", zh.id),
                (ItemKind::TrueFalse { answer: a }, ItemKind::TrueFalse { answer: b }) => assert_eq!(a, b, "{}", zh.id),
                (a, b) => panic!("{}: {a:?} vs {b:?}", zh.id),
            }
        }
    }

    /// Each language reads as itself: no Chinese in an English question, its
    /// options or its explanation; no "48 h" in a Chinese one.
    #[test]
    fn generated_questions_read_in_their_language() {
        let course = course();
        let cjk = |text: &str| text.chars().any(|c| ('\u{3000}'..='\u{9fff}').contains(&c) || ('\u{ff00}'..='\u{ffef}').contains(&c));
        for item in generate(&course, Lang::En) {
            let mut texts = vec![item.prompt.clone(), item.explain.clone()];
            match &item.kind {
                ItemKind::Single { options, .. } => texts.extend(options.iter().cloned()),
                ItemKind::Numeric { unit, .. } => texts.push(unit.clone()),
                _ => {}
            }
            for text in texts {
                assert!(!cjk(&text), "{}: {text:?}", item.id);
            }
        }
        let zh = generate(&course, Lang::Zh);
        let dispatch = zh.iter().find(|i| i.id == "gen-thermos-500-dispatch").expect("generated");
        assert_eq!(dispatch.explain, "商品卡:48 小时内发货。");
        let en = generate(&course, Lang::En);
        let dispatch = en.iter().find(|i| i.id == "gen-thermos-500-dispatch").expect("generated");
        assert_eq!(dispatch.explain, "Product card: dispatched within 48 hours of payment.");
        let material = en.iter().find(|i| i.id == "gen-thermos-500-material").expect("generated");
        assert_eq!(material.prompt, "What is the material of the vacuum thermos 500 ml?");
        assert!(matches!(&material.kind, ItemKind::Single { options, .. } if options.contains(&"316 stainless steel liner".to_string())), "{material:?}");
    }

    /// Text as a reader compares it: full width folded, lower case, no spaces.
    fn plain(text: &str) -> String {
        crate::text::fold_width(text).chars().filter(|c| !c.is_whitespace()).collect()
    }

    /// The texts that are the right answer: the right option(s), the accepted
    /// fill-ins, the number with its unit.
    fn right_texts(item: &QuizItem) -> Vec<String> {
        match &item.kind {
            ItemKind::Single { options, right } => options.get(*right).cloned().into_iter().collect(),
            ItemKind::Multiple { options, right } => right.iter().filter_map(|i| options.get(*i).cloned()).collect(),
            ItemKind::FillIn { answers } => answers.clone(),
            ItemKind::Numeric { answer, unit, .. } => vec![format!("{answer}{unit}")],
            ItemKind::TrueFalse { .. } => Vec::new(),
        }
    }

    /// "智能电饭煲 3L的容量是多少?" answered itself. Every generated question
    /// of the bundled course, in every language's pool: the prompt holds
    /// none of the right answers, compared plainly (width, case, spaces) and
    /// as an amount with its unit (3 L = 3000 ml).
    #[test]
    fn no_generated_question_gives_its_answer_away() {
        use crate::content::raw::Lang;
        use crate::quiz::spec::{GENERATED, QuizSpec, pool};
        let course = Course::load(&[], Path::new(env!("CARGO_MANIFEST_DIR")));
        let mut checked = 0;
        for lang in [Lang::Zh, Lang::En] {
            let spec = QuizSpec::practice(lang, 0);
            let all = pool(&course, &spec).unwrap();
            for item in all.iter().filter(|i| i.bank == GENERATED) {
                let prompt = plain(&item.prompt);
                let amounts = crate::text::mention::quantities(&crate::text::normalize(&item.prompt).text);
                for right in right_texts(item) {
                    assert!(!prompt.contains(&plain(&right)), "{}: {:?} says its answer {right:?}", item.id, item.prompt);
                    if let Ok(amount) = crate::text::Quantity::parse(&right) {
                        assert!(!amounts.iter().any(|m| m.quantity.same_amount(&amount)), "{}: {:?} says its answer {right:?}", item.id, item.prompt);
                    }
                }
                checked += 1;
            }
        }
        assert!(checked >= 30, "only {checked} generated questions checked");
        // The products named with their spec are asked about by their base name.
        let items = generate(&course, Lang::Zh);
        let cooker = items.iter().find(|i| i.id == "gen-rice-cooker-3l-capacity").expect("still asked");
        assert_eq!(cooker.prompt, "智能电饭煲的容量是多少?");
        let thermos = items.iter().find(|i| i.id == "gen-thermos-500-capacity").expect("still asked");
        assert_eq!(thermos.prompt, "真空保温杯的容量是多少?");
        let duvet = items.iter().find(|i| i.id == "gen-duvet-insert-200-material").expect("still asked");
        assert_eq!(duvet.prompt, "冬被 200×230cm的材质是?");
        let items = generate(&course, Lang::En);
        let cooker = items.iter().find(|i| i.id == "gen-rice-cooker-3l-capacity").expect("still asked");
        assert_eq!(cooker.prompt, "What is the capacity of the smart rice cooker?");
        let thermos = items.iter().find(|i| i.id == "gen-thermos-500-capacity").expect("still asked");
        assert_eq!(thermos.prompt, "What is the capacity of the vacuum thermos?");
    }

    #[test]
    fn giving_away_counts_widths_and_amounts() {
        assert!(gives_away("智能电饭煲 3L的容量", "3 L"));
        assert!(gives_away("智能电饭煲３Ｌ", "3 L"));
        assert!(gives_away("电饭煲 3000ml", "3 L"));
        assert!(!gives_away("智能电饭煲的容量", "3 L"));
        assert!(!gives_away("保温杯 500ml", "400 ml"));
        assert_eq!(base_name("纯棉四件套 1.8m床"), "纯棉四件套");
        assert_eq!(base_name("Smart rice cooker 3 L"), "Smart rice cooker");
        assert_eq!(base_name("Vacuum thermos 500 ml"), "Vacuum thermos");
    }
}
