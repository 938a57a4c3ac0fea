//! Questions generated from the catalogue and the shop policy, so quizzes stay
//! true when the data changes: 这款保温杯的容量是多少?, 身高175体重70选哪个码?,
//! 7天无理由退货的运费谁出? Distractors come from other products and plausible
//! neighbours, and are never equal to the right answer.

use super::question_id::GeneratedId;
use super::{ItemKind, QuizItem};
use crate::content::Course;
use crate::content::raw::{Payer, Product, ReturnReason, ShopPolicy};
use crate::text::{Quantity, mention, normalize};

fn item(id: String, category: &str, prompt: String, kind: ItemKind, explain: String) -> QuizItem {
    QuizItem { id, bank: "generated".into(), category: category.into(), prompt, kind, explain }
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

/// A product's name without its variant: words with digits dropped
/// ("智能电饭煲 3L" → "智能电饭煲").
fn base_name(name: &str) -> String {
    name.split_whitespace().filter(|word| !word.chars().any(|c| c.is_ascii_digit())).collect::<Vec<_>>().join(" ")
}

/// How a question names the product without giving `answer` away: its name;
/// else its variant-free base name ("智能电饭煲 3L" → "智能电饭煲") when no
/// other product shares it; else its name with the answer taken out
/// ("大豆纤维冬被 200×230cm" asked for its material → "冬被 200×230cm");
/// `None` (the question is not asked) when none of these will do.
fn named(product: &Product, course: &Course, answer: &str) -> Option<String> {
    let name = &product.name.zh;
    if !gives_away(name, answer) {
        return Some(name.clone());
    }
    let base = base_name(name);
    let shared = course.products.values().any(|other| other.id != product.id && base_name(&other.name.zh) == base);
    if !base.is_empty() && !shared && !gives_away(&base, answer) {
        return Some(base);
    }
    let without = name.replace(answer.trim(), "").trim().to_string();
    let usable = without.chars().any(|c| c.is_alphabetic()) && !gives_away(&without, answer);
    let taken = course.products.values().any(|other| other.id != product.id && other.name.zh.contains(&without));
    (usable && !taken).then_some(without)
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

fn product_questions(product: &Product, course: &Course) -> Vec<QuizItem> {
    let full_name = &product.name.zh;
    let mut items = Vec::new();
    if let Some(capacity) = &product.specs.capacity
        && let Some(name) = named(product, course, &capacity.text)
    {
        items.push(item(
            GeneratedId::Capacity { product: &product.id }.to_string(),
            "product",
            format!("{name}的容量是多少?"),
            single(capacity.text.clone(), capacity_distractors(product, course)),
            format!("商品卡:容量 {}。", capacity.text),
        ));
    }
    if let Some(material) = &product.specs.material {
        let wrong: Vec<String> = material.confused_with.iter().take(3).cloned().collect();
        let right = material.said_as.first().cloned().unwrap_or_else(|| material.name.zh.clone());
        if !wrong.is_empty()
            && let Some(name) = named(product, course, &right)
        {
            items.push(item(
                GeneratedId::Material { product: &product.id }.to_string(),
                "product",
                format!("{name}的材质是?"),
                single(right, wrong),
                format!("商品卡:{}。说错材质属于错误信息,比不说更糟。", material.name.zh),
            ));
        }
    }
    if let Some(dispatch) = &product.specs.dispatch_time
        && let Some(name) = named(product, course, &dispatch.text)
    {
        items.push(item(
            GeneratedId::Dispatch { product: &product.id }.to_string(),
            "product",
            format!("{name}付款后多少小时内发货?(填数字)"),
            ItemKind::Numeric { answer: dispatch.base_value, tolerance: 0.0, unit: "小时".into() },
            format!("商品卡:{}内发货。", dispatch.text),
        ));
    }
    for row in &product.size_chart {
        let height = (row.height_cm.0 + row.height_cm.1) / 2;
        let weight = (row.weight_kg.0 + row.weight_kg.1) / 2;
        let others: Vec<String> = product.size_chart.iter().filter(|r| r.size != row.size).map(|r| format!("{}码", r.size)).collect();
        let right = format!("{}码", row.size);
        let Some(name) = named(product, course, &right).filter(|_| !others.is_empty()) else { continue };
        items.push(item(
            GeneratedId::Size { product: &product.id, size: &row.size }.to_string(),
            "product",
            format!("{name}:买家身高{height}cm、体重{weight}kg,建议选哪个码?"),
            single(right, others),
            format!("尺码表:{}码适合身高{}-{}cm、体重{}-{}kg。", row.size, row.height_cm.0, row.height_cm.1, row.weight_kg.0, row.weight_kg.1),
        ));
    }
    if let Some(missing) = product.not_included.first() {
        items.push(item(
            GeneratedId::NotIncluded { product: &product.id }.to_string(),
            "attentiveness",
            format!("{full_name}:主图里的“{}”包含在商品内。", missing.zh.split(['(', '(']).next().unwrap_or(&missing.zh)),
            ItemKind::TrueFalse { answer: false },
            format!("不包含:{}。买家没问也要主动说明,这是客服的关切度。", missing.zh),
        ));
    }
    items
}

fn reason_zh(reason: ReturnReason) -> &'static str {
    match reason {
        ReturnReason::NoReason => "7天无理由退货",
        ReturnReason::WrongItem => "发错货退回",
        ReturnReason::QualityProblem => "质量问题退货",
        ReturnReason::DamagedInTransit => "运输破损退货",
        ReturnReason::NotAsDescribed => "描述不符退货",
    }
}

fn policy_questions(policy: &ShopPolicy) -> Vec<QuizItem> {
    let mut items = vec![item(
        GeneratedId::NoReasonDays.to_string(),
        "policy",
        "本店无理由退货的期限是签收后几天?(填数字)".into(),
        ItemKind::Numeric { answer: f64::from(policy.returns.no_reason_days), tolerance: 0.0, unit: "天".into() },
        format!("本店政策:签收后{}天内无理由退货。", policy.returns.no_reason_days),
    )];
    for rule in &policy.returns.return_shipping {
        let (right, wrong) = match rule.paid_by {
            Payer::Shop => ("店铺承担", "买家承担"),
            Payer::Buyer => ("买家承担", "店铺承担"),
        };
        items.push(item(
            GeneratedId::ReturnShipping(rule.reason).to_string(),
            "policy",
            format!("{}的运费谁出?", reason_zh(rule.reason)),
            single(right.into(), vec![wrong.into(), "平台承担".into()]),
            format!("本店政策:{}的退货运费由{}。", reason_zh(rule.reason), right),
        ));
    }
    items
}

/// Every question the course's data yields.
pub fn generate(course: &Course) -> Vec<QuizItem> {
    let mut items: Vec<QuizItem> = course.products.values().flat_map(|p| product_questions(p, course)).collect();
    for policy in course.policies.values() {
        items.extend(policy_questions(policy));
    }
    items
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::{Answer, mark};
    use std::path::Path;

    #[test]
    fn generated_questions_are_right_for_every_bundled_product() {
        let course = Course::load(&[], Path::new(env!("CARGO_MANIFEST_DIR")));
        let items = generate(&course);
        assert!(items.len() >= 30, "{}", items.len());
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
        // The right answers are the catalogue's values.
        let thermos = items.iter().find(|i| i.id == "gen-thermos-500-capacity").expect("generated");
        assert!(matches!(&thermos.kind, ItemKind::Single { options, right } if options[*right] == "500 ml"));
        let size = items.iter().find(|i| i.id == "gen-hoodie-fleece-size-l").expect("generated");
        assert!(matches!(&size.kind, ItemKind::Single { options, right } if options[*right] == "L码"));
        let shipping = items.iter().find(|i| i.id == "gen-policy-return-shipping-noreason").expect("generated");
        assert!(matches!(&shipping.kind, ItemKind::Single { options, right } if options[*right] == "买家承担"));
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
        let items = generate(&course);
        let cooker = items.iter().find(|i| i.id == "gen-rice-cooker-3l-capacity").expect("still asked");
        assert_eq!(cooker.prompt, "智能电饭煲的容量是多少?");
        let thermos = items.iter().find(|i| i.id == "gen-thermos-500-capacity").expect("still asked");
        assert_eq!(thermos.prompt, "真空保温杯的容量是多少?");
        let duvet = items.iter().find(|i| i.id == "gen-duvet-insert-200-material").expect("still asked");
        assert_eq!(duvet.prompt, "冬被 200×230cm的材质是?");
    }

    #[test]
    fn giving_away_counts_widths_and_amounts() {
        assert!(gives_away("智能电饭煲 3L的容量", "3 L"));
        assert!(gives_away("智能电饭煲３Ｌ", "3 L"));
        assert!(gives_away("电饭煲 3000ml", "3 L"));
        assert!(!gives_away("智能电饭煲的容量", "3 L"));
        assert!(!gives_away("保温杯 500ml", "400 ml"));
        assert_eq!(base_name("纯棉四件套 1.8m床"), "纯棉四件套");
    }
}
