//! One trainee's page: their numbers, their scores over time, and every
//! record the filters keep, newest first (a virtualised table: a trainee with
//! thousands of attempts scrolls as smoothly as one with three); a scenario
//! or quiz record opens read-only. The performance file (绩效档案) is printed
//! from here.

use super::chart;
use super::loader::Located;
use super::model::TraineePage;
use crate::app::Command;
use crate::app::look::read_out_as;
use crate::content::raw::Lang;
use crate::i18n::{Msg, t, typing_unit};
use crate::scorecard::csv::{RecordKind, Summary};
use eframe::egui;
use egui_extras::{Column as Width, TableBuilder};

/// What the page asked for.
pub enum Asked {
    Back,
    /// Print the trainee's performance file (绩效档案).
    Print,
    Open(Command),
}

/// The score column: a session's total, a quiz's percentage, a typing speed in its unit.
fn score(summary: &Summary, lang: Lang) -> String {
    match summary.kind {
        RecordKind::Scenario => format!("{:.1}", summary.total),
        RecordKind::Quiz => format!("{:.1}%", summary.total),
        RecordKind::Typing => format!("{:.0} {}", summary.total, t(lang, typing_unit(summary.activity.lang))),
    }
}

/// The verdict column: pass, fail, ended early, or none (practice, review, typing).
fn verdict(summary: &Summary) -> Msg {
    if summary.abandoned {
        Msg::Abandoned
    } else if !summary.has_verdict() {
        Msg::NoVerdict
    } else if summary.passed {
        Msg::Passed
    } else {
        Msg::Failed
    }
}

/// The review column: the reviewed score beside the auto one, its state, open disputes.
fn review_cell(marks: &super::loader::Marks, lang: Lang) -> String {
    let mut parts = Vec::new();
    if let Some(total) = marks.reviewed_total {
        parts.push(format!("{total:.1}"));
    }
    if marks.state != crate::scorecard::ReviewState::None {
        parts.push(t(lang, marks.state.label()).to_string());
    }
    if marks.open_disputes > 0 {
        parts.push(Msg::ReviewOpenDisputes.fill(lang, &[("n", &marks.open_disputes)]));
    }
    if parts.is_empty() { "—".to_string() } else { parts.join(" · ") }
}

/// `printing`: the performance file is being made (the button waits).
pub fn ui(ui: &mut egui::Ui, lang: Lang, page: &TraineePage, records: &[Located], numbers: Option<String>, printing: bool) -> Option<Asked> {
    let mut asked = None;
    ui.horizontal(|ui| {
        if ui.button(format!("← {}", t(lang, Msg::BackToCohort))).clicked() {
            asked = Some(Asked::Back);
        }
        let name = if page.name.trim().is_empty() { page.id.as_str() } else { page.name.as_str() };
        ui.heading(Msg::TraineeRecords.fill(lang, &[("name", &name)]));
        ui.weak(format!("{} {}", t(lang, Msg::TraineeId), page.id));
        ui.add_space(12.0);
        if ui.add_enabled(!printing, egui::Button::new(t(lang, Msg::PrintPerformanceFile))).clicked() {
            asked = Some(Asked::Print);
        }
        if printing {
            // No spinner: it would ask for a frame at every frame.
            ui.weak(t(lang, Msg::PerfWriting));
        }
    });
    if let Some(numbers) = numbers {
        ui.label(numbers);
    }
    chart::scores(ui, lang, "trainee-scores", Msg::ChartTraineeScores, &page.scores, chart::Series::Attempts, 150.0);
    ui.add_space(4.0);
    let height = ui.available_height();
    TableBuilder::new(ui)
        .id_salt("trainee-records")
        .striped(true)
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .column(Width::initial(150.0))
        .column(Width::remainder().at_least(200.0).clip(true))
        .column(Width::initial(110.0))
        .column(Width::initial(110.0))
        .column(Width::initial(170.0))
        .column(Width::initial(70.0))
        .min_scrolled_height(0.0)
        .max_scroll_height(height - 30.0)
        .header(24.0, |mut row| {
            for title in [Msg::RecordWhen, Msg::RecordActivity, Msg::RecordScore, Msg::RecordVerdict, Msg::RecordReview] {
                row.col(|ui| {
                    ui.strong(t(lang, title));
                });
            }
            row.col(|_| {});
        })
        .body(|body| {
            body.rows(22.0, page.attempts.len(), |mut row| {
                let Some(record) = page.attempts.get(row.index()).and_then(|&i| records.get(i)) else { return };
                let summary = &record.summary;
                let when = crate::app::local_time::shown(summary.when_utc.as_deref(), lang);
                let title = summary.activity.title.get(lang);
                row.col(|ui| {
                    ui.label(&when);
                });
                row.col(|ui| {
                    ui.label(title);
                });
                row.col(|ui| {
                    ui.label(score(summary, lang));
                });
                row.col(|ui| {
                    ui.label(t(lang, verdict(summary)));
                });
                row.col(|ui| {
                    ui.label(review_cell(&record.marks, lang));
                });
                row.col(|ui| {
                    // A typing phrase is shown whole here (speed); it has no screen of its own.
                    if summary.kind != RecordKind::Typing {
                        let open = ui.button(t(lang, Msg::Open));
                        read_out_as(&open, &Msg::OpenAttempt.fill(lang, &[("title", &title), ("when", &when)]));
                        if open.clicked() {
                            asked = Some(Asked::Open(Command::OpenCohortRecord { path: record.path.clone() }));
                        }
                    }
                });
            });
        });
    asked
}
