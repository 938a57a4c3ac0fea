//! The order panel for the selected buyer: the order as the shop sees it, and
//! the actions the agent may take on it (refund, resend, coupon, discount,
//! compensation, change address, cancel, escalate). Its inputs belong to that
//! buyer's desk; the actions go out as commands naming the buyer.

use super::OrderForm;
use crate::app::{Command, View};
use crate::content::raw::{Action, Lang, OrderStatus};
use crate::engine::Session;
use crate::i18n::{Msg, t};
use eframe::egui;

pub fn ui(view: &View, ui: &mut egui::Ui, buyer: usize, session: &Session, form: &mut OrderForm, commands: &mut Vec<Command>) {
    let lang = view.lang;
    let scenario = session.scenario();
    let course = &view.bundle.course;
    egui::CollapsingHeader::new(t(lang, Msg::Order)).default_open(true).show(ui, |ui| {
        let Some(order) = &scenario.order else {
            ui.label(t(lang, Msg::NoOrder));
            return;
        };
        let draw = session.draw();
        // The order as it is now: what the agent did to it shows at once.
        let now = session.order_now().unwrap_or_default();
        let money = |amount: f64| Msg::Yuan.fill(lang, &[("n", &crate::content::raw::trim_number(amount))]);
        ui.label(format!("{} {}", t(lang, Msg::OrderNo), draw.order_no));
        let status = if now.cancelled { t(lang, Msg::OrderCancelled) } else { t(lang, crate::i18n::order_status(order.status)) };
        ui.label(format!("{}: {status} · {}", t(lang, Msg::Status), money(now.amount)));
        if now.amount + 0.005 < order.amount.base_value {
            ui.weak(format!("  {} {}", t(lang, Msg::WasPrice), money(order.amount.base_value)));
        }
        for item in &order.items {
            ui.label(format!("  {} × {}", course.sku_label(&item.sku, lang), item.quantity));
        }
        let address = now.address.clone().unwrap_or_else(|| format!("{} {}", order.address.region, order.address.detail));
        ui.label(format!("{}: {address} ({})", t(lang, Msg::Address), order.address.phone));
        let done: Vec<String> = [
            (now.refunded > 0.0).then(|| format!("{} {}", t(lang, Msg::Refunded), money(now.refunded))),
            (now.compensated > 0.0).then(|| format!("{} {}", t(lang, Msg::Compensated), money(now.compensated))),
            (!now.coupons.is_empty()).then(|| format!("{} {}", t(lang, Msg::CouponsSent), now.coupons.iter().map(|c| money(*c)).collect::<Vec<_>>().join(t(lang, Msg::ListSeparator)))),
            (!now.resent.is_empty()).then(|| format!("{} {}", t(lang, Msg::Resent), now.resent.iter().map(|s| course.sku_label(s, lang)).collect::<Vec<_>>().join(t(lang, Msg::ListSeparator)))),
            now.escalated.then(|| t(lang, Msg::Escalated).to_string()),
        ]
        .into_iter()
        .flatten()
        .collect();
        for line in done {
            ui.colored_label(egui::Color32::from_rgb(40, 120, 200), format!("  ✓ {line}"));
        }
        if let Some(shipment) = &order.shipment {
            // The courier as the shop names it (中通快递), not its id in the policy file.
            let courier = course.policy_for(scenario).and_then(|p| p.couriers.iter().find(|c| c.id == shipment.courier)).map(|c| c.name.get(lang).to_string()).unwrap_or_else(|| shipment.courier.clone());
            ui.label(format!("{}: {courier} {}", t(lang, Msg::Tracking), draw.tracking_no));
            for event in &shipment.events {
                ui.weak(format!("  -{}: {}", crate::i18n::duration(&event.ago.to_string(), lang), event.text));
            }
        }
        ui.separator();
        let policy = course.policy_for(scenario);
        let mut action = None;
        // Amount boxes keep one width whatever their value ("1 元" or "200 元"),
        // so the buttons beside them never move under the pointer.
        ui.spacing_mut().interact_size.x = 96.0;
        ui.horizontal(|ui| {
            let label = ui.label(t(lang, Msg::Amount));
            ui.add(egui::DragValue::new(&mut form.refund).range(0.0..=order.amount.base_value).speed(1.0).prefix(currency_prefix(lang)).suffix(currency_suffix(lang))).labelled_by(label.id);
            let button = ui.add_enabled(form.refund > 0.0, egui::Button::new(t(lang, Msg::Refund))).on_disabled_hover_text(t(lang, Msg::EnterAmount));
            if button.clicked() {
                action = Some(Action::Refund { amount: form.refund });
            }
        });
        ui.horizontal(|ui| {
            let skus: Vec<String> = order.items.iter().chain(&order.received).filter_map(|i| course.products.get(&i.product)).flat_map(|p| p.variants.iter().map(|v| v.sku.clone())).collect();
            // The button comes first: a longer SKU name widens the dropdown,
            // and a button after it would move away from under the pointer.
            if ui.button(t(lang, Msg::Resend)).clicked() && !form.resend_sku.is_empty() {
                action = Some(Action::Resend { sku: form.resend_sku.clone() });
            }
            egui::ComboBox::new(("resend-sku", buyer), t(lang, Msg::Sku)).selected_text(course.sku_label(&form.resend_sku, lang)).show_ui(ui, |ui| {
                for sku in skus {
                    let label = course.sku_label(&sku, lang);
                    ui.selectable_value(&mut form.resend_sku, sku, label);
                }
            });
        });
        if let Some(policy) = policy {
            ui.horizontal(|ui| {
                if ui.button(t(lang, Msg::Coupon)).clicked() {
                    action = Some(Action::Coupon { value: form.coupon });
                }
                egui::ComboBox::new(("coupon", buyer), t(lang, Msg::CouponValue)).selected_text(money(form.coupon)).show_ui(ui, |ui| {
                    for value in &policy.agent_may_grant.coupons {
                        ui.selectable_value(&mut form.coupon, value.base_value, money(value.base_value));
                    }
                });
            });
        }
        if order.status == OrderStatus::Unpaid {
            ui.horizontal(|ui| {
                ui.add(egui::DragValue::new(&mut form.discount).range(1.0..=100.0).prefix(currency_prefix(lang)).suffix(currency_suffix(lang)));
                if ui.button(t(lang, Msg::Discount)).clicked() {
                    action = Some(Action::Discount { amount: form.discount });
                }
            });
        }
        ui.horizontal(|ui| {
            ui.add(egui::DragValue::new(&mut form.compensate).range(1.0..=200.0).prefix(currency_prefix(lang)).suffix(currency_suffix(lang)));
            if ui.button(t(lang, Msg::Compensate)).clicked() {
                action = Some(Action::Compensate { amount: form.compensate });
            }
        });
        ui.horizontal(|ui| {
            let label = ui.label(t(lang, Msg::NewAddress));
            ui.add(egui::TextEdit::singleline(&mut form.new_address).desired_width(140.0)).labelled_by(label.id);
            if ui.button(t(lang, Msg::ChangeAddress)).clicked() && !form.new_address.trim().is_empty() {
                action = Some(Action::ChangeAddress { to: form.new_address.clone() });
            }
        });
        ui.horizontal(|ui| {
            if ui.button(t(lang, Msg::CancelOrder)).clicked() {
                action = Some(Action::CancelOrder);
            }
            if ui.button(t(lang, Msg::Escalate)).clicked() {
                action = Some(Action::Escalate);
            }
        });
        if let Some(action) = action {
            commands.push(Command::Act { buyer, action });
        }
    });
}

/// Money as the UI language writes it: 10 元, ¥10.
fn currency_prefix(lang: Lang) -> &'static str {
    if lang == Lang::En { "¥" } else { "" }
}

fn currency_suffix(lang: Lang) -> &'static str {
    if lang == Lang::Zh { " 元" } else { "" }
}
