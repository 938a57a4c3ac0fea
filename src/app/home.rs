//! The home screen: who is practising, the course by category with difficulty,
//! best score and attempts, rush mode, quizzes, my scorecards, content
//! problems, "practise next", and resuming after a crash.

use super::{Command, View};
use crate::content::raw::{Category, Lang};
use crate::i18n::{Msg, t};
use crate::quiz::QuizMode;
use crate::store::Settings;
use eframe::egui;

/// The bar atop home and briefing: the trainee's name and employee number
/// (edited here, saved when the field loses focus), the role and the language switch.
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
            ui.add_space(12.0);
            super::role::switch(ui, lang, view.settings.role, commands);
            super::role::language_and_look(ui, view, commands);
        });
        super::role::end_bar(ui, view);
    }
}

pub struct HomeScreen {
    bar: TraineeBar,
    /// What the trainee asked to start while no name was set: the name is
    /// asked for first (a scorecard under "anonymous" helps nobody).
    waiting_for_name: Option<Command>,
}

/// Whether a command begins an attempt that is saved under the trainee's name.
fn starts_an_attempt(command: &Command) -> bool {
    matches!(command, Command::OpenBriefing { .. } | Command::StartRush | Command::StartQuiz { .. } | Command::OpenTypingDrill | Command::ResumeSession)
}

/// The scenarios in the order a new hire should take them: the UI language's
/// first, easiest first, then by category as the course lists them.
pub fn suggested_path(course: &crate::content::Course, lang: Lang) -> Vec<&crate::content::raw::Scenario> {
    let mut path: Vec<_> = course.scenarios.iter().collect();
    let category_rank = |c: Category| Category::ALL.iter().position(|x| *x == c).unwrap_or(usize::MAX);
    path.sort_by_key(|s| (s.lang != lang, s.difficulty, category_rank(s.category)));
    path
}

impl HomeScreen {
    pub fn new(settings: &Settings) -> HomeScreen {
        HomeScreen { bar: TraineeBar::new(settings), waiting_for_name: None }
    }

    pub fn ui(&mut self, view: &View, ui: &mut egui::Ui) -> Vec<Command> {
        let mut commands = Vec::new();
        self.bar.ui(view, ui, &mut commands);
        let lang = view.lang;
        let empty = super::SavedCache::default();
        let saved = view.saved.unwrap_or(&empty);

        if let Some(resume) = view.resume {
            ui.horizontal(|ui| {
                let what = match resume.buyers.as_slice() {
                    [(scenario, _)] => {
                        let title = view.bundle.course.scenario(scenario).map(|s| s.title.get(lang).to_string()).unwrap_or_default();
                        Msg::ResumeNamed.fill(lang, &[("title", &title)])
                    }
                    buyers => Msg::ResumeRushNamed.fill(lang, &[("n", &buyers.len())]),
                };
                ui.label(what);
                if ui.button(t(lang, Msg::Resume)).clicked() {
                    commands.push(Command::ResumeSession);
                }
                if ui.button(t(lang, Msg::Discard)).clicked() {
                    commands.push(Command::DiscardSession);
                }
            });
            ui.separator();
        }

        start_here_ui(view, saved, ui, &mut commands);

        ui.add_space(6.0);
        ui.horizontal_wrapped(|ui| {
            ui.strong(t(lang, Msg::Activities));
            if ui.button(t(lang, Msg::Rush)).clicked() {
                commands.push(Command::StartRush);
            }
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
            if ui.button(t(lang, Msg::MyScorecards)).clicked() {
                commands.push(Command::OpenScorecards);
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

        ui.add_space(6.0);
        ui.separator();
        ui.strong(t(lang, Msg::CourseHeading));
        course_table(view, saved, ui, &mut commands);

        self.ask_name_first(view, ui, commands)
    }

    /// Holds back a command that starts an attempt while the trainee has no
    /// name, and asks for it in a dialog; the command goes ahead once given.
    fn ask_name_first(&mut self, view: &View, ui: &mut egui::Ui, mut commands: Vec<Command>) -> Vec<Command> {
        let lang = view.lang;
        let named = !view.settings.trainee_name.trim().is_empty();
        let mut opening = false;
        if !named && let Some(index) = commands.iter().position(starts_an_attempt) {
            self.waiting_for_name = Some(commands.remove(index));
            opening = true;
        }
        if self.waiting_for_name.is_none() {
            return commands;
        }
        let mut go = false;
        let mut cancel = false;
        let modal = egui::Modal::new(egui::Id::unique("ask-name")).show(ui.ctx(), |ui| {
            ui.set_width(360.0);
            ui.heading(t(lang, Msg::AskNameTitle));
            ui.label(t(lang, Msg::AskNameWhy));
            ui.add_space(6.0);
            egui::Grid::new("ask-name-fields").num_columns(2).show(ui, |ui| {
                let label = ui.label(t(lang, Msg::Trainee));
                let name = ui.add(egui::TextEdit::singleline(&mut self.bar.name).hint_text(t(lang, Msg::NameHint))).labelled_by(label.id);
                if opening {
                    name.request_focus();
                }
                ui.end_row();
                let label = ui.label(t(lang, Msg::TraineeId));
                ui.add(egui::TextEdit::singleline(&mut self.bar.id).hint_text(t(lang, Msg::IdHint))).labelled_by(label.id);
                ui.end_row();
            });
            ui.add_space(6.0);
            ui.horizontal(|ui| {
                let ready = !self.bar.name.trim().is_empty();
                go = ui.add_enabled(ready, egui::Button::new(t(lang, Msg::Start))).clicked()
                    || (ready && ui.input(|i| i.key_pressed(egui::Key::Enter)));
                cancel = ui.button(t(lang, Msg::Cancel)).clicked();
            });
        });
        if go {
            commands.push(Command::SetTrainee { name: self.bar.name.trim().to_string(), id: self.bar.id.trim().to_string() });
            commands.extend(self.waiting_for_name.take());
        } else if cancel || modal.should_close() {
            self.waiting_for_name = None;
        }
        commands
    }
}

/// "Start here": the easiest scenario not yet passed, and how far along the trainee is.
fn start_here_ui(view: &View, saved: &super::SavedCache, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
    let lang = view.lang;
    let course = &view.bundle.course;
    let passed = course.scenarios.iter().filter(|s| saved.progress.get(&s.id).is_some_and(|p| p.passed())).count();
    let next = suggested_path(course, lang).into_iter().find(|s| !saved.progress.get(&s.id).is_some_and(|p| p.passed()));
    egui::Frame::group(ui.style()).inner_margin(10.0).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal(|ui| {
            ui.strong(t(lang, Msg::StartHere));
            ui.weak(Msg::PassedCount.fill(lang, &[("n", &passed), ("total", &course.scenarios.len())]));
        });
        match next {
            Some(scenario) => {
                ui.horizontal(|ui| {
                    ui.label(egui::RichText::new(Msg::NextUp.fill(lang, &[("title", &scenario.title.get(lang))])).size(17.0));
                    ui.label(format!("{} {}", t(lang, Msg::Difficulty), "★".repeat(scenario.difficulty as usize)));
                    let start = ui.add(egui::Button::new(egui::RichText::new(t(lang, Msg::Start)).strong()).min_size(egui::vec2(80.0, 26.0)));
                    super::look::read_out_as(&start, &format!("{} · {}", t(lang, Msg::StartHere), scenario.title.get(lang)));
                    if start.clicked() {
                        commands.push(Command::OpenBriefing { scenario: scenario.id.clone() });
                    }
                });
            }
            None => {
                ui.label(t(lang, Msg::AllPassed));
            }
        }
    });
}

/// Every scenario in one table, grouped by category, with columns that line
/// up across the groups: marker, title, difficulty, result, a plain Start.
fn course_table(view: &View, saved: &super::SavedCache, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
    let lang = view.lang;
    let passed_colour = egui::Color32::from_rgb(40, 150, 70);
    let tried_colour = egui::Color32::from_rgb(200, 120, 30);
    egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
        egui::Grid::new("course").striped(true).num_columns(5).spacing(egui::vec2(14.0, 6.0)).show(ui, |ui| {
            for category in Category::ALL {
                let scenarios: Vec<_> = view.bundle.course.scenarios.iter().filter(|s| s.category == category).collect();
                if scenarios.is_empty() {
                    continue;
                }
                ui.label("");
                ui.strong(category.label().get(lang));
                ui.end_row();
                for scenario in scenarios {
                    let progress = saved.progress.get(&scenario.id);
                    match progress {
                        Some(p) if p.passed() => ui.colored_label(passed_colour, "✓"),
                        Some(_) => ui.colored_label(tried_colour, "•"),
                        None => ui.label(""),
                    };
                    // The conversation's language, named in the UI's language.
                    let chat_lang = if scenario.lang == Lang::Zh { Msg::ChatInChinese } else { Msg::ChatInEnglish };
                    ui.label(format!("{} [{}]", scenario.title.get(lang), t(lang, chat_lang)));
                    ui.label(format!("{} {}", t(lang, Msg::Difficulty), "★".repeat(scenario.difficulty as usize)));
                    match progress {
                        Some(p) => match p.best_pass {
                            Some(best) => ui.colored_label(passed_colour, Msg::ResultPassed.fill(lang, &[("best", &format!("{best:.0}"))])),
                            None => ui.colored_label(tried_colour, Msg::ResultTried.fill(lang, &[("best", &format!("{:.0}", p.best)), ("n", &p.attempts)])),
                        },
                        None => ui.weak(t(lang, Msg::NotTried)),
                    };
                    let start = ui.add(egui::Button::new(t(lang, Msg::Start)).min_size(egui::vec2(64.0, 0.0)));
                    super::look::read_out_as(&start, &format!("{} · {}", t(lang, Msg::Start), scenario.title.get(lang)));
                    if start.clicked() {
                        commands.push(Command::OpenBriefing { scenario: scenario.id.clone() });
                    }
                    ui.end_row();
                }
            }
        });
    });
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
