//! The shop's rules at the agent's elbow, as the real workbench's knowledge
//! base (知识库) shows them: returns and who pays the postage, what the agent
//! may grant without a supervisor, dispatch, and the couriers with where they
//! do not reach. Read from the scenario's shop policy, in the UI language.

use crate::app::View;
use crate::content::raw::{Lang, Payer, ReturnReason, ShopPolicy, trim_number};
use crate::i18n::{Msg, duration, t};
use eframe::egui;

/// Money as the UI writes it (10 元 / ¥10).
fn yuan(value: f64, lang: Lang) -> String {
    Msg::Yuan.fill(lang, &[("n", &trim_number(value))])
}

fn reason(reason: ReturnReason) -> Msg {
    match reason {
        ReturnReason::NoReason => Msg::ReasonNoReason,
        ReturnReason::WrongItem => Msg::ReasonWrongItem,
        ReturnReason::QualityProblem => Msg::ReasonQualityProblem,
        ReturnReason::DamagedInTransit => Msg::ReasonDamagedInTransit,
        ReturnReason::NotAsDescribed => Msg::ReasonNotAsDescribed,
    }
}

/// The lines of the panel, section by section: what the panel shows, kept
/// apart from drawing so a test can read it in both languages.
pub(crate) fn sections(policy: &ShopPolicy, lang: Lang) -> Vec<(Msg, Vec<String>)> {
    let returns = &policy.returns;
    let mut return_lines = vec![Msg::PolicyNoReasonDays.fill(lang, &[("days", &returns.no_reason_days)])];
    for payer in [Payer::Buyer, Payer::Shop] {
        let reasons: Vec<&str> = returns.return_shipping.iter().filter(|r| r.paid_by == payer).map(|r| t(lang, reason(r.reason))).collect();
        if !reasons.is_empty() {
            let msg = if payer == Payer::Buyer { Msg::PolicyBuyerPays } else { Msg::PolicyShopPays };
            return_lines.push(msg.fill(lang, &[("reasons", &reasons.join(t(lang, Msg::ListSeparator)))]));
        }
    }
    if returns.shipping_insurance {
        return_lines.push(t(lang, Msg::PolicyInsurance).to_string());
    }
    return_lines.push(Msg::PolicyRefundWithin.fill(lang, &[("within", &duration(&returns.refund_within.to_string(), lang))]));
    if let Some(within) = &returns.cancellation_refund_within {
        return_lines.push(Msg::PolicyCancelRefundWithin.fill(lang, &[("within", &duration(&within.to_string(), lang))]));
    }

    let grant = &policy.agent_may_grant;
    let coupons: Vec<String> = grant.coupons.iter().map(|c| yuan(c.base_value, lang)).collect();
    let grant_lines = vec![
        Msg::PolicyCoupons.fill(lang, &[("values", &coupons.join(t(lang, Msg::ListSeparator)))]),
        Msg::PolicyMaxDiscount.fill(lang, &[("amount", &yuan(grant.max_discount.base_value, lang))]),
        Msg::PolicyMaxCompensation.fill(lang, &[("amount", &yuan(grant.max_compensation.base_value, lang))]),
        t(lang, Msg::PolicyAboveLimit).to_string(),
    ];

    let dispatch = &policy.dispatch;
    let default_courier = policy.couriers.iter().find(|c| c.id == dispatch.default_courier).map(|c| c.name.get(lang).to_string());
    let mut dispatch_lines = vec![
        Msg::PolicyDispatchWithin.fill(lang, &[("within", &duration(&dispatch.within.to_string(), lang))]),
        Msg::PolicySameDayCutoff.fill(lang, &[("time", &dispatch.same_day_cutoff)]),
    ];
    if let Some(name) = default_courier {
        dispatch_lines.push(Msg::PolicyDefaultCourier.fill(lang, &[("courier", &name)]));
    }

    let courier_lines = policy
        .couriers
        .iter()
        .map(|courier| {
            let mut line = Msg::PolicyCourierTransit.fill(lang, &[("courier", &courier.name.get(lang)), ("transit", &duration(&courier.usual_transit.to_string(), lang))]);
            if !courier.does_not_reach.is_empty() {
                let places: Vec<&str> = courier.does_not_reach.iter().map(|p| p.get(lang)).collect();
                line.push_str(&Msg::PolicyDoesNotReach.fill(lang, &[("places", &places.join(t(lang, Msg::ListSeparator)))]));
            }
            line
        })
        .collect();

    vec![
        (Msg::PolicyReturns, return_lines),
        (Msg::PolicyAgentMayGrant, grant_lines),
        (Msg::PolicyDispatch, dispatch_lines),
        (Msg::PolicyCouriers, courier_lines),
    ]
}

pub fn ui(view: &View, ui: &mut egui::Ui, policy: Option<&ShopPolicy>) {
    let lang = view.lang;
    let Some(policy) = policy else { return };
    // Closed at first: the trainee opens it when a question needs it, as they
    // would open the knowledge base; the order panel stays in view.
    egui::CollapsingHeader::new(format!("{} · {}", t(lang, Msg::ShopPolicy), policy.shop_name.get(lang))).id_salt("shop-policy").default_open(false).show(ui, |ui| {
        for (heading, lines) in sections(policy, lang) {
            ui.label(egui::RichText::new(t(lang, heading)).strong());
            for line in lines {
                ui.label(format!("  • {line}"));
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Course;
    use std::path::Path;

    fn shop() -> ShopPolicy {
        let course = Course::load(&[], Path::new(env!("CARGO_MANIFEST_DIR")));
        course.policies.values().next().cloned().expect("the bundled shop policy")
    }

    /// Every rule of the bundled shop is on the panel, in each language's own words.
    #[test]
    fn the_panel_shows_the_shop_rules_in_the_ui_language() {
        let zh: Vec<String> = sections(&shop(), Lang::Zh).into_iter().flat_map(|(_, lines)| lines).collect();
        let zh = zh.join("\n");
        for expected in ["7 天无理由退货", "发错货", "运费险", "48 小时", "最多改价 10 元", "补偿最多 20 元", "16:00", "中通快递", "西藏"] {
            assert!(zh.contains(expected), "{expected} missing from:\n{zh}");
        }
        let en: Vec<String> = sections(&shop(), Lang::En).into_iter().flat_map(|(_, lines)| lines).collect();
        let en = en.join("\n");
        for expected in ["7 days", "wrong item", "48 hours", "¥10", "¥20", "ZTO Express", "Tibet"] {
            assert!(en.contains(expected), "{expected} missing from:\n{en}");
        }
        assert!(!en.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)), "Chinese in the English panel:\n{en}");
    }
}
