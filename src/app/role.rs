//! The role switch in the top bar (学员 / 主管 / 培训师): who uses the app,
//! remembered in the settings; each role opens on its own workspace.

use super::Command;
use crate::content::raw::Lang;
use crate::i18n::{Msg, t};
use crate::store::Role;
use eframe::egui;

/// A role's name in the UI language.
pub fn label(role: Role) -> Msg {
    match role {
        Role::Trainee => Msg::RoleTrainee,
        Role::Supervisor => Msg::RoleSupervisor,
        Role::Trainer => Msg::RoleTrainer,
    }
}

/// The three roles side by side, the current one selected; a click asks for the switch.
pub fn switch(ui: &mut egui::Ui, lang: Lang, current: Role, commands: &mut Vec<Command>) {
    ui.weak(t(lang, Msg::RoleLabel));
    for role in Role::ALL {
        let name = t(lang, label(role));
        let button = ui.selectable_label(role == current, name);
        // "学员" alone is also the trainee name field's label: the button says it is a role.
        super::look::read_out_as(&button, &Msg::RoleReadOut.fill(lang, &[("role", &name)]));
        if button.clicked() && role != current {
            commands.push(Command::SetRole(role));
        }
    }
}

/// The bar atop the supervisor's and the trainer's screens: heading, role,
/// language and look (the trainee's bar also holds their name).
pub fn bar(ui: &mut egui::Ui, view: &super::View, heading: Msg, commands: &mut Vec<Command>) {
    let lang = view.lang;
    ui.horizontal(|ui| {
        ui.heading(t(lang, heading));
        ui.add_space(16.0);
        switch(ui, lang, view.settings.role, commands);
        language_and_look(ui, view, commands);
    });
    end_bar(ui, view);
}

/// The right end of every top bar: the other language, and light or dark.
pub fn language_and_look(ui: &mut egui::Ui, view: &super::View, commands: &mut Vec<Command>) {
    let lang = view.lang;
    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
        if ui.button(t(lang, Msg::SwitchLanguage)).clicked() {
            commands.push(Command::SetLanguage(if lang == Lang::Zh { Lang::En } else { Lang::Zh }));
        }
        let dark = view.settings.dark_theme;
        if ui.button(t(lang, if dark { Msg::ThemeLight } else { Msg::ThemeDark })).clicked() {
            commands.push(Command::SetDarkTheme(!dark));
        }
    });
}

/// Under every top bar: the notice, if any, then a rule.
pub fn end_bar(ui: &mut egui::Ui, view: &super::View) {
    if let Some(notice) = view.notice {
        notice.show(ui, view.lang);
    }
    ui.separator();
}
