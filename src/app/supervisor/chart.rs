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

/// How many attempts the trend line of one trainee's chart averages.
const TREND_OF: usize = 5;

/// The mean of the last `TREND_OF` scores (fewer at the start) as it stood at
/// the end of each day with attempts: one point per day, since attempts
/// minutes apart would make the line zig-zag on the spot.
fn trend(points: &[[f64; 2]]) -> Vec<[f64; 2]> {
    let mut out: Vec<[f64; 2]> = Vec::new();
    for (i, point) in points.iter().enumerate() {
        let window = &points[i.saturating_sub(TREND_OF - 1)..=i];
        let mean = window.iter().map(|p| p[1]).sum::<f64>() / window.len() as f64;
        match out.last_mut() {
            Some(last) if last[0].floor() == point[0].floor() => *last = [point[0], mean],
            _ => out.push([point[0], mean]),
        }
    }
    out
}

/// Score over time: `points` (x: day number, y: score) as dots. A daily mean
/// (`Series::Daily`) is joined by a line; single attempts (`Series::Attempts`)
/// are not (several on one day zig-zag into a blot) and get a line of the
/// mean of the last five instead. A note when there is nothing to draw.
pub fn scores(ui: &mut egui::Ui, lang: Lang, id: &str, title: Msg, points: &[[f64; 2]], series: Series, height: f32) {
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
        .legend(egui_plot::Legend::default())
        .show(ui, |plot| match series {
            Series::Daily => {
                plot.line(Line::new(name, PlotPoints::from(points.to_vec())).color(colour));
                plot.points(Points::new(name, PlotPoints::from(points.to_vec())).radius(3.0).color(colour));
            }
            Series::Attempts => {
                plot.points(Points::new(name, PlotPoints::from(points.to_vec())).radius(3.0).color(colour.gamma_multiply(0.6)));
                plot.line(Line::new(t(lang, Msg::ChartTrend), PlotPoints::from(trend(points))).color(egui::Color32::from_rgb(230, 126, 34)).width(2.0));
            }
        });
}

/// What a score chart's points are.
#[derive(Clone, Copy)]
pub enum Series {
    /// One point per day: the cohort's mean.
    Daily,
    /// One point per scenario session.
    Attempts,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_trend_is_the_mean_of_the_last_five_attempts() {
        let points: Vec<[f64; 2]> = [0.0, 100.0, 0.0, 100.0, 0.0, 100.0].iter().enumerate().map(|(i, y)| [i as f64, *y]).collect();
        let trend = trend(&points);
        assert_eq!(trend[0], [0.0, 0.0]);
        assert_eq!(trend[1], [1.0, 50.0]);
        assert_eq!(trend[4], [4.0, 40.0]);
        assert_eq!(trend[5], [5.0, 60.0], "only the last five count");
    }

    #[test]
    fn attempts_on_one_day_give_one_trend_point() {
        // Day 3 at 09:00 and 09:10, day 4 at 10:00.
        let points = [[3.375, 0.0], [3.38, 100.0], [4.41, 50.0]];
        assert_eq!(trend(&points), vec![[3.38, 50.0], [4.41, 50.0]]);
    }
}
