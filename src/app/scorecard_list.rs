//! "My scorecards": the trainee's past attempts, newest first, each opening
//! its scorecard (scenario) or its marked answers (quiz).

use super::{Command, View};
use crate::i18n::{Msg, t};
use crate::scorecard::csv::RecordKind;
use eframe::egui;

#[derive(Debug, Default)]
pub struct ScorecardList;

impl ScorecardList {
    pub fn ui(&mut self, view: &View, ui: &mut egui::Ui) -> Vec<Command> {
        let lang = view.lang;
        let mut commands = Vec::new();
        ui.horizontal(|ui| {
            ui.heading(t(lang, Msg::MyScorecards));
            if ui.button(t(lang, Msg::Back)).clicked() {
                commands.push(Command::GoHome);
            }
        });
        if let Some(notice) = view.notice {
            notice.show(ui, lang);
        }
        ui.separator();
        let empty = super::SavedCache::default();
        let saved = view.saved.unwrap_or(&empty);
        if saved.summaries.is_empty() {
            ui.label(t(lang, Msg::NoScorecards));
        }
        egui::ScrollArea::vertical().show(ui, |ui| {
            egui::Grid::new("scorecards").striped(true).show(ui, |ui| {
                for (path, summary) in saved.summaries.iter().rev() {
                    let title = summary.activity.title.get(lang);
                    ui.label(super::local_time::shown(summary.when_utc.as_deref(), lang));
                    ui.label(title);
                    if summary.kind == RecordKind::Typing {
                        // A typing phrase: its speed in the drill's own unit and its accuracy; nothing more to open.
                        let accuracy = summary.kpi(crate::scorecard::TYPING_ACCURACY).unwrap_or(0.0);
                        ui.label(format!("{:.0} {}", summary.total, t(lang, crate::i18n::typing_unit(summary.activity.lang))));
                        ui.label(format!("{} {accuracy:.0}%", t(lang, Msg::Accuracy)));
                        ui.label("");
                        ui.end_row();
                        continue;
                    }
                    match summary.quiz_mode.and_then(|mode| mode.score_without_verdict(summary.total, lang)) {
                        // Practice and review: "练习 · 得分 70%", no PASS or FAIL.
                        Some(score) => {
                            ui.label(score);
                            ui.label("");
                        }
                        None => {
                            ui.label(match summary.kind {
                                RecordKind::Scenario => format!("{:.1}", summary.total),
                                RecordKind::Quiz | RecordKind::Typing => format!("{:.1}%", summary.total),
                            });
                            ui.label(t(lang, if summary.abandoned { Msg::Abandoned } else if summary.passed { Msg::Passed } else { Msg::Failed }));
                        }
                    }
                    let open = ui.button(t(lang, Msg::Open));
                    super::look::read_out_as(&open, &format!("{} · {title}", t(lang, Msg::Open)));
                    if open.clicked() {
                        commands.push(Command::OpenRecord { path: path.clone() });
                    }
                    ui.end_row();
                }
            });
        });
        commands
    }
}
