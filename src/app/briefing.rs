//! The briefing shown before a scenario starts: its goals, the buyer's mood,
//! and how an answer works (when the buyer reads), with Start and Back. Rush
//! mode has its own: how a shift with several buyers works, without telling
//! what each buyer will ask (a real shift does not either).

use super::home::TraineeBar;
use super::{Command, View};
use crate::i18n::{Msg, t};
use eframe::egui;

pub struct BriefingScreen {
    /// One scenario, or the buyers of a rush shift.
    pub scenarios: Vec<String>,
    bar: TraineeBar,
}

impl BriefingScreen {
    pub fn new(scenario: String, settings: &crate::store::Settings) -> BriefingScreen {
        BriefingScreen { scenarios: vec![scenario], bar: TraineeBar::new(settings) }
    }

    /// The briefing of a rush shift with these buyers' scenarios.
    pub fn rush(scenarios: Vec<String>, settings: &crate::store::Settings) -> BriefingScreen {
        BriefingScreen { scenarios, bar: TraineeBar::new(settings) }
    }

    pub fn ui(&mut self, view: &View, ui: &mut egui::Ui) -> Vec<Command> {
        let mut commands = Vec::new();
        self.bar.ui(view, ui, &mut commands);
        if self.scenarios.len() > 1 {
            self.rush_ui(view, ui, &mut commands);
            return commands;
        }
        let lang = view.lang;
        let Some(scenario) = self.scenarios.first().and_then(|id| view.bundle.course.scenario(id)) else {
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

    fn rush_ui(&self, view: &View, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        let lang = view.lang;
        let buyers = self.scenarios.len();
        ui.heading(t(lang, Msg::RushBriefing));
        ui.add_space(8.0);
        ui.strong(t(lang, Msg::Goals));
        for goal in [Msg::RushGoalEveryone, Msg::RushGoalOrder, Msg::RushGoalOwnOrder] {
            ui.label(format!("• {}", Msg::fill(goal, lang, &[("n", &buyers)])));
        }
        ui.add_space(8.0);
        ui.strong(t(lang, Msg::TurnRuleTitle));
        let reads_after = self.scenarios.iter().filter_map(|id| view.bundle.course.scenario(id)).map(|s| s.buyer.reads_after_secs).fold(0.0_f64, f64::max);
        ui.label(Msg::TurnRule.fill(lang, &[("secs", &reads_after)]));
        ui.add_space(12.0);
        ui.horizontal(|ui| {
            if ui.button(t(lang, Msg::Start)).clicked() {
                commands.push(Command::StartScenarios { scenarios: self.scenarios.clone() });
            }
            if ui.button(t(lang, Msg::Back)).clicked() {
                commands.push(Command::GoHome);
            }
        });
    }
}
