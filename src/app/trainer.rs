//! The trainer's page: what a trainer does with the course's files (write RON
//! in an editor, run `kefu check`, reopen the app), where the course folder
//! is, and the content problems of the course loaded now. The app edits no
//! content: this page says so rather than pretend otherwise.

use super::{Command, View};
use crate::i18n::{Msg, t};
use eframe::egui;

#[derive(Debug, Default)]
pub struct TrainerScreen;

impl TrainerScreen {
    pub fn ui(&mut self, view: &View, content_root: &std::path::Path, ui: &mut egui::Ui) -> Vec<Command> {
        let lang = view.lang;
        let mut commands = Vec::new();
        super::role::bar(ui, view, Msg::TrainerTitle, &mut commands);
        let course = &view.bundle.course;
        let problems = &course.report.diagnostics;
        egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
            ui.label(t(lang, Msg::TrainerIntro));
            ui.add_space(6.0);
            ui.horizontal_wrapped(|ui| {
                ui.strong(t(lang, Msg::TrainerCourseFolder));
                ui.monospace(content_root.display().to_string());
            });
            ui.label(Msg::TrainerCourseNow.fill(lang, &[("scenarios", &course.scenarios.len()), ("banks", &course.quiz_banks.len()), ("problems", &problems.len())]));
            ui.add_space(6.0);
            for step in [Msg::TrainerStepWrite, Msg::TrainerStepCheck, Msg::TrainerStepReload, Msg::TrainerGuide] {
                ui.label(t(lang, step));
            }
            ui.add_space(6.0);
            ui.separator();
            if problems.is_empty() {
                ui.label(t(lang, Msg::TrainerNoProblems));
            } else {
                ui.strong(format!("{} ({})", t(lang, Msg::Problems), problems.len()));
                for diagnostic in problems {
                    ui.monospace(diagnostic.to_string());
                }
            }
        });
        commands
    }
}
