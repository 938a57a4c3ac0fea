//! Score over time (egui_plot): the cohort's mean per day, and each scenario
//! session of one trainee; days on the x axis written as dates, scores 0–100.
//! Beside it, the kept sessions' mean share per dimension (a bar chart) and
//! each KPI's mean against its target; all computed once per change (`model::derive`).

use super::filter::date_of;
use crate::content::raw::Lang;
use crate::i18n::{Msg, t};
use eframe::egui;
use crate::grading::verdict::dimension_label;
use crate::scorecard::csv::SHARE_DIMENSIONS;
use egui_plot::{Bar, BarChart, Line, Plot, PlotPoints, Points};

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

/// The mean share of each dimension as a bar, 0–100, a dimension with no share left out.
pub fn dimensions(ui: &mut egui::Ui, lang: Lang, means: &[Option<f64>; 5], height: f32) {
    ui.strong(t(lang, Msg::ChartDimensions));
    if means.iter().all(Option::is_none) {
        ui.weak(t(lang, Msg::ChartNoScores));
        return;
    }
    let labels: Vec<&'static str> = SHARE_DIMENSIONS.iter().map(|d| t(lang, dimension_label(*d))).collect();
    let bars: Vec<Bar> = means
        .iter()
        .enumerate()
        .filter_map(|(index, mean)| mean.map(|mean| Bar::new(index as f64, mean).name(labels[index]).width(0.6)))
        .collect();
    let share = t(lang, Msg::ChartShare);
    let colour = ui.visuals().hyperlink_color;
    let names = labels.clone();
    Plot::new("cohort-dimensions")
        .height(height)
        .include_y(0.0)
        .include_y(100.0)
        .include_x(-0.5)
        .include_x(SHARE_DIMENSIONS.len() as f64 - 0.5)
        .allow_scroll(false)
        .allow_drag(false)
        .allow_zoom(false)
        .y_axis_label(share)
        // Only whole positions are dimensions; the ticks between them say nothing.
        .x_axis_formatter(move |mark, _| {
            let index = mark.value.round();
            if (mark.value - index).abs() < 1e-6 && index >= 0.0 { names.get(index as usize).map(|n| n.to_string()).unwrap_or_default() } else { String::new() }
        })
        .show(ui, |plot| {
            plot.bar_chart(BarChart::new(share, bars).color(colour));
        });
}

/// How each KPI in `cohort::KPI_IDS` reads and what it is held to.
struct Target {
    label: Msg,
    unit: &'static str,
    target: String,
    met: fn(f64) -> bool,
}

fn targets() -> [Target; 5] {
    use crate::grading::passes::TARGET_RESPONSE_SECS;
    use crate::grading::session::{ACCURACY_TARGET_PCT, REPLY_RATIO_TARGET_PCT};
    [
        Target { label: Msg::KpiProductAccuracy, unit: "%", target: format!("≥ {ACCURACY_TARGET_PCT}%"), met: |v| v >= ACCURACY_TARGET_PCT },
        Target { label: Msg::KpiFirstResponse, unit: "s", target: format!("< {TARGET_RESPONSE_SECS}s"), met: |v| v < TARGET_RESPONSE_SECS },
        Target { label: Msg::KpiAverageResponse, unit: "s", target: format!("< {TARGET_RESPONSE_SECS}s"), met: |v| v < TARGET_RESPONSE_SECS },
        Target { label: Msg::KpiReplyRatio, unit: "%", target: format!("= {REPLY_RATIO_TARGET_PCT}%"), met: |v| v >= REPLY_RATIO_TARGET_PCT },
        Target { label: Msg::KpiOrderErrors, unit: "", target: "= 0".into(), met: |v| v <= 0.0 },
    ]
}

/// Each KPI's mean over the kept sessions with a verdict, its target, and whether the mean meets it.
pub fn kpis(ui: &mut egui::Ui, lang: Lang, means: &[Option<f64>; 5]) {
    ui.strong(t(lang, Msg::ChartKpis));
    egui::Grid::new("cohort-kpis").striped(true).num_columns(4).show(ui, |ui| {
        for title in [Msg::ChartKpi, Msg::ChartKpiMean, Msg::ChartKpiTarget] {
            ui.strong(t(lang, title));
        }
        ui.label("");
        ui.end_row();
        for (target, mean) in targets().iter().zip(means) {
            ui.label(t(lang, target.label));
            ui.label(mean.map_or("—".into(), |m| format!("{m:.1}{}", target.unit)));
            ui.label(&target.target);
            match mean.map(target.met) {
                Some(true) => ui.colored_label(egui::Color32::from_rgb(40, 150, 70), format!("✓ {}", t(lang, Msg::ChartKpiMet))),
                Some(false) => ui.colored_label(ui.visuals().warn_fg_color, format!("× {}", t(lang, Msg::ChartKpiMissed))),
                None => ui.label(""),
            };
            ui.end_row();
        }
    });
}
