//! The home screen (who is practising, the course by category with difficulty,
//! best score and attempts, rush mode, my scorecards, content problems, resume
//! after a crash) and the briefing shown before a scenario starts.

use super::i18n::t;
use super::{KefuApp, Screen, Workbench};
use crate::content::raw::{Category, Lang};
use eframe::egui;

fn top_bar(app: &mut KefuApp, ui: &mut egui::Ui) {
    let lang = app.lang();
    ui.horizontal(|ui| {
        ui.heading(t(lang, "app"));
        ui.add_space(16.0);
        let label = ui.label(t(lang, "trainee"));
        let name = ui.add(egui::TextEdit::singleline(&mut app.settings.trainee_name).hint_text(t(lang, "name_hint")).desired_width(120.0)).labelled_by(label.id);
        let label = ui.label(t(lang, "trainee_id"));
        let id = ui.add(egui::TextEdit::singleline(&mut app.settings.trainee_id).hint_text(t(lang, "id_hint")).desired_width(90.0)).labelled_by(label.id);
        if name.lost_focus() || id.lost_focus() {
            app.save_settings();
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui.button(t(lang, "language")).clicked() {
                app.settings.ui_lang = if lang == Lang::Zh { Lang::En } else { Lang::Zh };
                app.save_settings();
            }
        });
    });
    if let Some(status) = &app.status {
        ui.colored_label(ui.visuals().warn_fg_color, status);
    }
    ui.separator();
}

pub fn home_ui(app: &mut KefuApp, ui: &mut egui::Ui) -> Option<Screen> {
    top_bar(app, ui);
    let lang = app.lang();
    let mut next = None;

    if let Some(saved) = app.resume.clone() {
        ui.horizontal(|ui| {
            if ui.button(t(lang, "resume")).clicked() {
                match Workbench::resume(app, &saved) {
                    Ok(workbench) => next = Some(Screen::Workbench(Box::new(workbench))),
                    Err(error) => app.status = Some(error),
                }
                app.resume = None;
            }
            if ui.button(t(lang, "discard")).clicked() {
                if let Err(error) = crate::store::Autosave::clear(&app.data) {
                    app.status = Some(error.to_string());
                }
                app.resume = None;
            }
        });
        ui.separator();
    }

    ui.horizontal(|ui| {
        if ui.button(t(lang, "rush")).clicked() {
            let picks = rush_picks(app);
            if !picks.is_empty() {
                match Workbench::start(app, &picks) {
                    Ok(workbench) => next = Some(Screen::Workbench(Box::new(workbench))),
                    Err(error) => app.status = Some(error),
                }
            }
        }
        if ui.button(t(lang, "my_scorecards")).clicked() {
            next = Some(Screen::Scorecards);
        }
    });
    ui.horizontal(|ui| {
        let due = app.saved().due;
        let mut start = None;
        if ui.button(t(lang, "quiz")).clicked() {
            start = Some(super::QuizMode::Practice);
        }
        practice_source_ui(app, ui);
        // One exam at a time: a started one is resumed, with the time it has left.
        let exam_label = match &app.exam {
            Some(exam) => {
                let limit = exam.spec.time_limit_secs.unwrap_or(0.0);
                let left = (limit - (app.clock.unix_secs() - exam.started_unix)).max(0.0);
                ui.ctx().request_repaint_after(std::time::Duration::from_secs(1));
                format!("{} ({} {:02}:{:02})", t(lang, "resume_exam"), t(lang, "time_left"), (left / 60.0) as u64, (left % 60.0) as u64)
            }
            None => t(lang, "exam").to_string(),
        };
        if ui.button(exam_label).clicked() {
            start = Some(super::QuizMode::Exam);
        }
        if ui.add_enabled(due > 0, egui::Button::new(format!("{} ({due})", t(lang, "review")))).clicked() {
            start = Some(super::QuizMode::Review);
        }
        if let Some(mode) = start {
            match super::QuizView::start(app, mode) {
                Some(mut view) => {
                    view.save_exam(app);
                    next = Some(Screen::Quiz(Box::new(view)));
                }
                None => app.status = Some(t(lang, "no_questions").to_string()),
            }
        }
        if ui.button(t(lang, "typing")).clicked() {
            next = Some(Screen::Typing(Box::new(super::TypingView::new(app))));
        }
    });

    let report = &app.bundle.course.report;
    if !report.diagnostics.is_empty() {
        egui::CollapsingHeader::new(format!("{} ({})", t(lang, "problems"), report.diagnostics.len())).show(ui, |ui| {
            for diagnostic in &report.diagnostics {
                ui.monospace(diagnostic.to_string());
            }
        });
    }

    // Practise next: what cost this trainee the most points, and a scenario that trains it.
    let practice = app.saved().practice.clone();
    if !practice.is_empty() {
        ui.add_space(4.0);
        ui.strong(t(lang, "practise_next"));
        for suggestion in &practice {
            ui.horizontal(|ui| {
                ui.label(suggestion.summary(lang));
                if let Some(scenario) = suggestion.scenarios.first().and_then(|id| app.bundle.course.scenario(id)) {
                    if ui.button(format!("{} · {}", t(lang, "practise"), scenario.title.get(lang))).clicked() {
                        next = Some(Screen::Briefing { scenario: scenario.id.clone() });
                    }
                }
            });
        }
    }

    let progress = app.saved().progress.clone();
    egui::ScrollArea::vertical().show(ui, |ui| {
        for category in Category::ALL {
            let scenarios: Vec<_> = app.bundle.course.scenarios.iter().filter(|s| s.category == category).collect();
            if scenarios.is_empty() {
                continue;
            }
            ui.add_space(6.0);
            ui.strong(category.label().get(lang));
            egui::Grid::new(("course", category as usize)).striped(true).num_columns(5).show(ui, |ui| {
                for scenario in scenarios {
                    ui.label(format!("{} [{}]", scenario.title.get(lang), if scenario.lang == Lang::Zh { "中" } else { "EN" }));
                    ui.label(format!("{} {}", t(lang, "difficulty"), "★".repeat(scenario.difficulty as usize)));
                    match progress.get(&scenario.id) {
                        Some((best, attempts)) => {
                            ui.label(format!("{} {best:.0}", t(lang, "best")));
                            ui.label(format!("{} {attempts}", t(lang, "attempts")));
                        }
                        None => {
                            ui.label("—");
                            ui.label("");
                        }
                    }
                    if ui.button(format!("{} · {}", t(lang, "start"), scenario.title.get(lang))).clicked() {
                        next = Some(Screen::Briefing { scenario: scenario.id.clone() });
                    }
                    ui.end_row();
                }
            });
        }
    });
    next
}

/// The trainee id scorecards are filed under: the id, else the name, else "anonymous".
/// Which questions a practice quiz draws from: every bank in the UI language,
/// one bank, or the questions generated from the catalogue and policy.
fn practice_source_ui(app: &mut KefuApp, ui: &mut egui::Ui) {
    let lang = app.lang();
    let generated = crate::quiz::spec::GENERATED;
    let mut choices: Vec<(Option<String>, String)> = vec![(None, t(lang, "all_banks").to_string())];
    for bank in app.bundle.course.quiz_banks.iter().filter(|b| b.lang == lang) {
        choices.push((Some(bank.id.clone()), bank.title.get(lang).to_string()));
    }
    if lang == Lang::Zh {
        choices.push((Some(generated.to_string()), t(lang, "generated_bank").to_string()));
    }
    let selected = choices.iter().find(|(id, _)| *id == app.practice_source).map(|(_, title)| title.clone()).unwrap_or_else(|| t(lang, "all_banks").to_string());
    let label = ui.label(t(lang, "practice_from"));
    let combo = egui::ComboBox::from_id_salt("practice-source").selected_text(selected).show_ui(ui, |ui| {
        for (id, title) in choices {
            ui.selectable_value(&mut app.practice_source, id, title);
        }
    });
    combo.response.labelled_by(label.id);
}

/// Who is training, and now (RFC 3339 UTC), for a scorecard.
pub fn run_meta(app: &KefuApp) -> crate::scorecard::RunMeta {
    let name = app.settings.trainee_name.trim();
    crate::scorecard::RunMeta {
        trainee: crate::scorecard::Trainee { name: if name.is_empty() { "anonymous".into() } else { name.into() }, id: trainee_id(app) },
        when_utc: Some(humantime::format_rfc3339_seconds(app.clock.wall()).to_string()),
    }
}

pub fn trainee_id(app: &KefuApp) -> String {
    let id = app.settings.trainee_id.trim();
    let name = app.settings.trainee_name.trim();
    if !id.is_empty() {
        id.to_string()
    } else if !name.is_empty() {
        name.to_string()
    } else {
        "anonymous".to_string()
    }
}

/// Three buyers for rush mode: scenarios in the UI language, spread over categories.
fn rush_picks(app: &KefuApp) -> Vec<String> {
    let lang = app.lang();
    let mut picks: Vec<String> = Vec::new();
    let mut categories = Vec::new();
    for scenario in app.bundle.course.scenarios.iter().filter(|s| s.lang == lang && s.difficulty <= 3) {
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

pub fn briefing_ui(app: &mut KefuApp, ui: &mut egui::Ui, scenario_id: &str) -> Option<Screen> {
    top_bar(app, ui);
    let lang = app.lang();
    let Some(scenario) = app.bundle.course.scenario(scenario_id).cloned() else { return Some(Screen::Home) };
    let mut next = None;
    ui.heading(format!("{}: {}", t(lang, "briefing"), scenario.title.get(lang)));
    ui.label(format!("{} · {} {}", scenario.category.label().get(lang), t(lang, "difficulty"), "★".repeat(scenario.difficulty as usize)));
    ui.add_space(8.0);
    ui.strong(t(lang, "goals"));
    for goal in &scenario.goals {
        ui.label(format!("• {goal}"));
    }
    ui.add_space(8.0);
    ui.label(format!("{}: {}", t(lang, "buyer_mood"), t(lang, &format!("{:?}", scenario.buyer.mood))));
    ui.add_space(8.0);
    ui.strong(t(lang, "turn_rule_title"));
    ui.label(t(lang, "turn_rule").replace("{secs}", &format!("{}", scenario.buyer.reads_after_secs)));
    ui.add_space(12.0);
    ui.horizontal(|ui| {
        if ui.button(t(lang, "start")).clicked() {
            match Workbench::start(app, &[scenario.id.clone()]) {
                Ok(workbench) => next = Some(Screen::Workbench(Box::new(workbench))),
                Err(error) => app.status = Some(error),
            }
        }
        if ui.button(t(lang, "back")).clicked() {
            next = Some(Screen::Home);
        }
    });
    next
}
