//! Score over time (egui_plot): the cohort's mean per day, and each scenario
//! session of one trainee; days on the x axis written as dates, scores 0–100.

use super::filter::date_of;
use crate::content::raw::Lang;
use crate::i18n::{Msg, t};
use eframe::egui;
use egui_plot::{Line, Plot, PlotPoints, Points};

/// A line through `points` (x: day number, y: score) with a dot on each, or a
/// note when there is nothing to draw.
pub fn scores(ui: &mut egui::Ui, lang: Lang, id: &str, title: Msg, points: &[[f64; 2]], height: f32) {
    ui.strong(t(lang, title));
    if points.is_empty() {
        ui.weak(t(lang, Msg::ChartNoScores));
        return;
    }
    let name = t(lang, Msg::ChartScore);
    // One colour for the line and its dots: they are one series.
    let colour = ui.visuals().hyperlink_color;
    Plot::new(id)
        .height(height)
        .include_y(0.0)
        .include_y(100.0)
        .allow_scroll(false)
        .x_axis_label(t(lang, Msg::ChartDate))
        .y_axis_label(name)
        .x_axis_formatter(|mark, _| date_of(mark.value.floor() as i64))
        .label_formatter(move |hover| {
            let position = match hover {
                egui_plot::HoverPosition::NearDataPoint { position, .. } | egui_plot::HoverPosition::Elsewhere { position } => position,
            };
            Some(format!("{}\n{name} {:.1}", date_of(position.x.floor() as i64), position.y))
        })
        .show(ui, |plot| {
            plot.line(Line::new(name, PlotPoints::from(points.to_vec())).color(colour));
            plot.points(Points::new(name, PlotPoints::from(points.to_vec())).radius(3.0).color(colour));
        });
}
