//! The one-line notice under a screen's title: what was saved or exported, or
//! what went wrong. A typed message plus the detail (a path, the error), so it
//! is shown in the UI language of the moment, never in the other one.

use crate::content::raw::Lang;
use crate::i18n::Msg;
use eframe::egui;
use std::fmt::Display;

#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    pub msg: Msg,
    /// What the message is about: a file's path, or the error as the core words it.
    pub detail: Option<String>,
    pub problem: bool,
}

impl Notice {
    /// Something went as asked (saved, exported).
    pub fn done(msg: Msg, detail: impl Display) -> Notice {
        Notice { msg, detail: Some(detail.to_string()), problem: false }
    }

    /// Something went wrong; `detail` says what.
    pub fn problem(msg: Msg, detail: impl Display) -> Notice {
        Notice { msg, detail: Some(detail.to_string()), problem: true }
    }

    /// A problem the message says whole.
    pub fn plain(msg: Msg) -> Notice {
        Notice { msg, detail: None, problem: true }
    }

    pub fn text(&self, lang: Lang) -> String {
        match &self.detail {
            Some(detail) => format!("{}: {detail}", self.msg.get(lang)),
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
