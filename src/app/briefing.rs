//! The briefing shown before a scenario starts: its goals, the buyer's mood,
//! and how an answer works (when the buyer reads), with Start and Back.

use super::home::TraineeBar;
use super::{Command, View};
use crate::i18n::{Msg, t};
use eframe::egui;

pub struct BriefingScreen {
    pub scenario: String,
    bar: TraineeBar,
}

impl BriefingScreen {
    pub fn new(scenario: String, settings: &crate::store::Settings) -> BriefingScreen {
        BriefingScreen { scenario, bar: TraineeBar::new(settings) }
    }

    pub fn ui(&mut self, view: &View, ui: &mut egui::Ui) -> Vec<Command> {
        let mut commands = Vec::new();
        self.bar.ui(view, ui, &mut commands);
        let lang = view.lang;
        let Some(scenario) = view.bundle.course.scenario(&self.scenario) else {
            commands.push(Command::GoHome);
            return commands;
        };
        ui.heading(format!("{}: {}", t(lang, Msg::Briefing), scenario.title.get(lang)));
        ui.label(format!("{} · {} {}", scenario.category.label().get(lang), t(lang, Msg::Difficulty), "★".repeat(scenario.difficulty as usize)));
        ui.add_space(8.0);
        ui.strong(t(lang, Msg::Goals));
        for goal in &scenario.goals {
            ui.label(format!("• {goal}"));
        }
        ui.add_space(8.0);
        ui.label(format!("{}: {}", t(lang, Msg::BuyerMood), t(lang, crate::i18n::mood(scenario.buyer.mood))));
        ui.add_space(8.0);
        ui.strong(t(lang, Msg::TurnRuleTitle));
        ui.label(Msg::TurnRule.fill(lang, &[("secs", &scenario.buyer.reads_after_secs)]));
        ui.add_space(12.0);
        ui.horizontal(|ui| {
            if ui.button(t(lang, Msg::Start)).clicked() {
                commands.push(Command::StartScenarios { scenarios: vec![scenario.id.clone()] });
            }
            if ui.button(t(lang, Msg::Back)).clicked() {
                commands.push(Command::GoHome);
            }
        });
        commands
    }
}
