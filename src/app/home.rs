//! The home screen: who is practising, the course by category with difficulty,
//! best score and attempts, rush mode, quizzes, my scorecards, content
//! problems, "practise next", and resuming after a crash.

use super::{Command, QuizMode, View};
use crate::content::raw::{Category, Lang};
use crate::i18n::{Msg, t};
use crate::store::Settings;
use eframe::egui;

/// The bar atop home and briefing: the trainee's name and employee number
/// (edited here, saved when the field loses focus) and the language switch.
pub struct TraineeBar {
    name: String,
    id: String,
}

impl TraineeBar {
    pub fn new(settings: &Settings) -> TraineeBar {
        TraineeBar { name: settings.trainee_name.clone(), id: settings.trainee_id.clone() }
    }

    pub fn ui(&mut self, view: &View, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        let lang = view.lang;
        ui.horizontal(|ui| {
            ui.heading(t(lang, Msg::App));
            ui.add_space(16.0);
            let label = ui.label(t(lang, Msg::Trainee));
            let name = ui.add(egui::TextEdit::singleline(&mut self.name).hint_text(t(lang, Msg::NameHint)).desired_width(120.0)).labelled_by(label.id);
            let label = ui.label(t(lang, Msg::TraineeId));
            let id = ui.add(egui::TextEdit::singleline(&mut self.id).hint_text(t(lang, Msg::IdHint)).desired_width(90.0)).labelled_by(label.id);
            if name.lost_focus() || id.lost_focus() {
                commands.push(Command::SetTrainee { name: self.name.clone(), id: self.id.clone() });
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui.button(t(lang, Msg::SwitchLanguage)).clicked() {
                    commands.push(Command::SetLanguage(if lang == Lang::Zh { Lang::En } else { Lang::Zh }));
                }
            });
        });
        if let Some(notice) = view.notice {
            notice.show(ui, lang);
        }
        ui.separator();
    }
}

pub struct HomeScreen {
    bar: TraineeBar,
}

impl HomeScreen {
    pub fn new(settings: &Settings) -> HomeScreen {
        HomeScreen { bar: TraineeBar::new(settings) }
    }

    pub fn ui(&mut self, view: &View, ui: &mut egui::Ui) -> Vec<Command> {
        let mut commands = Vec::new();
        self.bar.ui(view, ui, &mut commands);
        let lang = view.lang;
        let empty = super::SavedCache::default();
        let saved = view.saved.unwrap_or(&empty);

        if view.resume.is_some() {
            ui.horizontal(|ui| {
                if ui.button(t(lang, Msg::Resume)).clicked() {
                    commands.push(Command::ResumeSession);
                }
                if ui.button(t(lang, Msg::Discard)).clicked() {
                    commands.push(Command::DiscardSession);
                }
            });
            ui.separator();
        }

        ui.horizontal(|ui| {
            if ui.button(t(lang, Msg::Rush)).clicked() {
                commands.push(Command::StartRush);
            }
            if ui.button(t(lang, Msg::MyScorecards)).clicked() {
                commands.push(Command::OpenScorecards);
            }
        });
        ui.horizontal(|ui| {
            if ui.button(t(lang, Msg::Quiz)).clicked() {
                commands.push(Command::StartQuiz { mode: QuizMode::Practice });
            }
            practice_source_ui(view, ui, &mut commands);
            // One exam at a time: a started one is resumed, with the time it has left.
            let exam_label = match view.exam {
                Some(exam) => {
                    let limit = exam.spec.time_limit_secs.unwrap_or(0.0);
                    let left = (limit - (view.clock.unix_secs() - exam.started_unix)).max(0.0);
                    ui.ctx().request_repaint_after(std::time::Duration::from_secs(1));
                    format!("{} ({} {:02}:{:02})", t(lang, Msg::ResumeExam), t(lang, Msg::TimeLeft), (left / 60.0) as u64, (left % 60.0) as u64)
                }
                None => t(lang, Msg::Exam).to_string(),
            };
            if ui.button(exam_label).clicked() {
                commands.push(Command::StartQuiz { mode: QuizMode::Exam });
            }
            let due = saved.due;
            if ui.add_enabled(due > 0, egui::Button::new(format!("{} ({due})", t(lang, Msg::Review)))).clicked() {
                commands.push(Command::StartQuiz { mode: QuizMode::Review });
            }
            if ui.button(t(lang, Msg::Typing)).clicked() {
                commands.push(Command::OpenTypingDrill);
            }
        });

        let report = &view.bundle.course.report;
        if !report.diagnostics.is_empty() {
            egui::CollapsingHeader::new(format!("{} ({})", t(lang, Msg::Problems), report.diagnostics.len())).show(ui, |ui| {
                for diagnostic in &report.diagnostics {
                    ui.monospace(diagnostic.to_string());
                }
            });
        }

        // Practise next: what cost this trainee the most points, and a scenario that trains it.
        if !saved.practice.is_empty() {
            ui.add_space(4.0);
            ui.strong(t(lang, Msg::PractiseNext));
            for suggestion in &saved.practice {
                ui.horizontal(|ui| {
                    ui.label(suggestion.summary(lang));
                    if let Some(scenario) = suggestion.scenarios.first().and_then(|id| view.bundle.course.scenario(id))
                        && ui.button(format!("{} · {}", t(lang, Msg::Practise), scenario.title.get(lang))).clicked()
                    {
                        commands.push(Command::OpenBriefing { scenario: scenario.id.clone() });
                    }
                });
            }
        }

        egui::ScrollArea::vertical().show(ui, |ui| {
            for category in Category::ALL {
                let scenarios: Vec<_> = view.bundle.course.scenarios.iter().filter(|s| s.category == category).collect();
                if scenarios.is_empty() {
                    continue;
                }
                ui.add_space(6.0);
                ui.strong(category.label().get(lang));
                egui::Grid::new(("course", category as usize)).striped(true).num_columns(5).show(ui, |ui| {
                    for scenario in scenarios {
                        // The conversation's language, named in the UI's language.
                        let chat_lang = if scenario.lang == Lang::Zh { Msg::ChatInChinese } else { Msg::ChatInEnglish };
                        ui.label(format!("{} [{}]", scenario.title.get(lang), t(lang, chat_lang)));
                        ui.label(format!("{} {}", t(lang, Msg::Difficulty), "★".repeat(scenario.difficulty as usize)));
                        match saved.progress.get(&scenario.id) {
                            Some((best, attempts)) => {
                                ui.label(format!("{} {best:.0}", t(lang, Msg::Best)));
                                ui.label(format!("{} {attempts}", t(lang, Msg::Attempts)));
                            }
                            None => {
                                ui.label("—");
                                ui.label("");
                            }
                        }
                        if ui.button(format!("{} · {}", t(lang, Msg::Start), scenario.title.get(lang))).clicked() {
                            commands.push(Command::OpenBriefing { scenario: scenario.id.clone() });
                        }
                        ui.end_row();
                    }
                });
            }
        });
        commands
    }
}

/// Which questions a practice quiz draws from: every bank in the UI language,
/// one bank, or the questions generated from the catalogue and policy.
fn practice_source_ui(view: &View, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
    let lang = view.lang;
    let generated = crate::quiz::spec::GENERATED;
    let mut choices: Vec<(Option<String>, String)> = vec![(None, t(lang, Msg::AllBanks).to_string())];
    for bank in view.bundle.course.quiz_banks.iter().filter(|b| b.lang == lang) {
        choices.push((Some(bank.id.clone()), bank.title.get(lang).to_string()));
    }
    if lang == Lang::Zh {
        choices.push((Some(generated.to_string()), t(lang, Msg::GeneratedBank).to_string()));
    }
    let current = view.practice_source.map(str::to_string);
    let selected = choices.iter().find(|(id, _)| *id == current).map(|(_, title)| title.clone()).unwrap_or_else(|| t(lang, Msg::AllBanks).to_string());
    let label = ui.label(t(lang, Msg::PracticeFrom));
    let mut chosen = current.clone();
    let combo = egui::ComboBox::from_id_salt("practice-source").selected_text(selected).show_ui(ui, |ui| {
        for (id, title) in choices {
            ui.selectable_value(&mut chosen, id, title);
        }
    });
    combo.response.labelled_by(label.id);
    if chosen != current {
        commands.push(Command::SetPracticeSource(chosen));
    }
}

/// Three buyers for rush mode: scenarios in the UI language, spread over categories.
pub fn rush_picks(view_lang: Lang, course: &crate::content::Course) -> Vec<String> {
    let mut picks: Vec<String> = Vec::new();
    let mut categories = Vec::new();
    for scenario in course.scenarios.iter().filter(|s| s.lang == view_lang && s.difficulty <= 3) {
        if !categories.contains(&scenario.category) {
            categories.push(scenario.category);
            picks.push(scenario.id.clone());
        }
        if picks.len() == 3 {
            break;
        }
    }
    picks
}
