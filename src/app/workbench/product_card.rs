//! The product card: what the shop sells in this scenario, as the real
//! workbench's 商品 panel shows it (price, specs, stock per variant, selling
//! points, what is and is not in the box, the size chart).

use crate::app::View;
use crate::content::raw::Scenario;
use crate::i18n::{Msg, t};
use eframe::egui;

pub fn ui(view: &View, ui: &mut egui::Ui, scenario: &Scenario) {
    let lang = view.lang;
    let mut ids: Vec<&String> = scenario.products.iter().collect();
    if let Some(order) = &scenario.order {
        ids.extend(order.items.iter().map(|i| &i.product));
    }
    ids.dedup();
    for id in ids {
        let Some(product) = view.bundle.course.products.get(id) else { continue };
        egui::CollapsingHeader::new(format!("{}: {}", t(lang, Msg::Product), product.name.get(lang))).default_open(true).show(ui, |ui| {
            ui.label(format!("{}: {}", t(lang, Msg::Price), Msg::Yuan.fill(lang, &[("n", &crate::content::raw::trim_number(product.price.base_value))])));
            let specs = &product.specs;
            if let Some(v) = &specs.capacity {
                ui.label(format!("{}: {v}", t(lang, Msg::Capacity)));
            }
            if let Some(m) = &specs.material {
                ui.label(format!("{}: {}", t(lang, Msg::Material), m.name.get(lang)));
            }
            if let Some(d) = &specs.dimensions {
                ui.label(format!("{}: {} × {} × {}", t(lang, Msg::Size), d.length, d.width, d.height));
            }
            if let Some(w) = &specs.weight {
                ui.label(format!("{}: {w}", t(lang, Msg::Weight)));
            }
            if let Some(f) = &specs.ships_from {
                ui.label(format!("{}: {}", t(lang, Msg::ShipsFrom), f.get(lang)));
            }
            if let Some(d) = &specs.dispatch_time {
                ui.label(format!("{}: {}", t(lang, Msg::Dispatch), crate::i18n::duration(&d.to_string(), lang)));
            }
            for other in &specs.other {
                ui.label(format!("{}: {}", other.name.get(lang), other.value.get(lang)));
            }
            if let Some(w) = &product.warranty {
                ui.label(format!("{}: {} ({})", t(lang, Msg::Warranty), crate::i18n::duration(&w.length.to_string(), lang), w.covers.get(lang)));
            }
            ui.label(format!("{}:", t(lang, Msg::Stock)));
            for variant in &product.variants {
                let what = [variant.colour.as_ref().map(|c| c.get(lang).to_string()), variant.size.clone()].into_iter().flatten().collect::<Vec<_>>().join(" ");
                // The variant as the shop names it; SKU codes are the back office's business.
                let what = if what.is_empty() { product.name.get(lang).to_string() } else { what };
                ui.label(format!("  {what}: {}", variant.stock));
            }
            if !product.selling_points.is_empty() {
                ui.label(format!("{}:", t(lang, Msg::SellingPoints)));
                for point in &product.selling_points {
                    ui.label(format!("  • {}", point.text.get(lang)));
                }
            }
            if !product.included.is_empty() {
                ui.label(format!("{}: {}", t(lang, Msg::Included), product.included.iter().map(|i| i.get(lang)).collect::<Vec<_>>().join(t(lang, Msg::ListSeparator))));
            }
            if !product.not_included.is_empty() {
                ui.colored_label(ui.visuals().warn_fg_color, format!("{}: {}", t(lang, Msg::NotIncluded), product.not_included.iter().map(|i| i.get(lang)).collect::<Vec<_>>().join(t(lang, Msg::ListSeparator))));
            }
            for size in &product.size_chart {
                ui.label(format!("  {}: {}-{} cm, {}-{} kg", size.size, size.height_cm.0, size.height_cm.1, size.weight_kg.0, size.weight_kg.1));
            }
        });
    }
}
