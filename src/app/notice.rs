//! The one-line notice under a screen's title: what was saved or exported, or
//! what went wrong. A typed message plus the detail (a path, the error), so it
//! is shown in the UI language of the moment, never in the other one.

use crate::content::raw::{Lang, Text};
use crate::i18n::Msg;
use eframe::egui;
use std::fmt::Display;

#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    pub msg: Msg,
    /// What the message is about: a file's path, or the error as the core
    /// words it; in both languages when the core words it in both.
    pub detail: Option<Text>,
    pub problem: bool,
}

/// A path or a name reads the same in either language.
fn same_in_both(detail: impl Display) -> Text {
    let detail = detail.to_string();
    Text { zh: detail.clone(), en: detail }
}

impl Notice {
    /// Something went as asked (saved, exported).
    pub fn done(msg: Msg, detail: impl Display) -> Notice {
        Notice { msg, detail: Some(same_in_both(detail)), problem: false }
    }

    /// Something went wrong; `detail` says what.
    pub fn problem(msg: Msg, detail: impl Display) -> Notice {
        Notice { msg, detail: Some(same_in_both(detail)), problem: true }
    }

    /// Something went wrong, said in each language (the engine's refusals).
    pub fn problem_in(msg: Msg, detail: Text) -> Notice {
        Notice { msg, detail: Some(detail), problem: true }
    }

    /// A problem the message says whole.
    pub fn plain(msg: Msg) -> Notice {
        Notice { msg, detail: None, problem: true }
    }

    pub fn text(&self, lang: Lang) -> String {
        match &self.detail {
            Some(detail) => format!("{}: {}", self.msg.get(lang), detail.get(lang)),
            None => self.msg.get(lang).to_string(),
        }
    }

    /// Draws the notice: warm colour for a problem, muted for news.
    pub fn show(&self, ui: &mut egui::Ui, lang: Lang) {
        if self.problem {
            ui.colored_label(ui.visuals().warn_fg_color, self.text(lang));
        } else {
            ui.weak(self.text(lang));
        }
    }
}
