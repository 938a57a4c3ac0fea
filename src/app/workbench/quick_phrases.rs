//! Quick phrases (常用语): one click puts a phrase into the reply box where
//! its cursor is; the
//! trainee adds and removes their own (kept in the settings). A conversation
//! offers the phrases of its own language (Chinese buyers, Chinese phrases).

use super::BuyerDesk;
use crate::app::{Command, View};
use crate::content::raw::Lang;
use crate::i18n::{Msg, t};
use eframe::egui;

/// How many characters of a phrase its button shows.
const SHOWN_CHARS: usize = 22;

pub fn ui(view: &View, ui: &mut egui::Ui, buyer: usize, chat_lang: Lang, desk: &mut BuyerDesk, new_phrase: &mut String, commands: &mut Vec<Command>) {
    let lang = view.lang;
    egui::CollapsingHeader::new(t(lang, Msg::QuickPhrases)).default_open(true).show(ui, |ui| {
        for (index, phrase) in view.settings.quick_phrases(chat_lang).iter().enumerate() {
            ui.horizontal(|ui| {
                if ui.small_button("×").on_hover_text(t(lang, Msg::Remove)).clicked() {
                    commands.push(Command::RemoveQuickPhrase { lang: chat_lang, index });
                }
                let shown: String = phrase.chars().take(SHOWN_CHARS).collect();
                let more = if phrase.chars().count() > SHOWN_CHARS { "…" } else { "" };
                if ui.button(format!("{}. {shown}{more}", index + 1)).on_hover_text(phrase).clicked() {
                    super::chat::insert_at_cursor(ui.ctx(), super::chat::reply_box_id(), &mut desk.draft, phrase);
                    commands.push(Command::Typing { buyer });
                }
            });
        }
        ui.horizontal(|ui| {
            let label = ui.label(t(lang, Msg::NewPhrase));
            ui.add(egui::TextEdit::singleline(new_phrase).desired_width(180.0)).labelled_by(label.id);
            if ui.button(t(lang, Msg::AddPhrase)).clicked() && !new_phrase.trim().is_empty() {
                commands.push(Command::AddQuickPhrase { lang: chat_lang, phrase: std::mem::take(new_phrase) });
            }
        });
    });
}
