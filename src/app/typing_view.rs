//! The typing drill: copy a stock phrase as fast and as accurately as you can,
//! in the UI's language; speed in characters per minute (Chinese) or words per
//! minute (English), a personal best per language kept in the trainee's progress.

use super::{Command, View};
use crate::i18n::{Msg, t};
use crate::content::raw::Lang;
use crate::quiz::typing::{TypingScore, phrases};
use eframe::egui;

/// One phrase scored: the seconds it took and a new personal best, if any.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scored {
    pub secs: f64,
    pub new_best: Option<f64>,
}

pub struct TypingView {
    /// The drill's language: its phrases, its unit and which personal best.
    pub lang: Lang,
    pub phrase: usize,
    pub typed: String,
    /// When the first character was typed, on the app clock (IME pinyin is not committed text).
    pub started: Option<f64>,
    pub result: Option<TypingScore>,
    /// The personal best in this language, in its unit (`TypingScore::speed`).
    pub best: f64,
    /// Text arrived that was not typed (a paste, a drop): refused, and said so.
    pub paste_refused: bool,
}

impl TypingView {
    pub fn new(best: f64, lang: Lang) -> TypingView {
        TypingView { lang, phrase: 0, typed: String::new(), started: None, result: None, best, paste_refused: false }
    }

    /// The phrase to copy.
    pub fn target(&self) -> &'static str {
        let phrases = phrases(self.lang);
        phrases[self.phrase % phrases.len()]
    }

    // What `KefuApp::handle` calls.

    /// What was typed, as it will be recorded.
    pub fn typed(&self) -> &str {
        &self.typed
    }

    /// Scores what was typed: how long it took and the new personal best, if
    /// it is one (only an accurate copy counts: 95 % or better). `None` when
    /// nothing was typed or this phrase was scored already.
    pub(super) fn score(&mut self, now: f64) -> Option<Scored> {
        if self.typed.is_empty() || self.result.is_some() {
            return None;
        }
        let secs = self.started.map(|s| now - s).unwrap_or(0.0).max(0.5);
        let score = crate::quiz::typing::score(self.target(), &self.typed, secs);
        self.result = Some(score);
        let speed = score.speed(self.lang);
        let new_best = (score.accuracy >= crate::quiz::typing::BEST_MIN_ACCURACY && speed > self.best).then(|| {
            self.best = speed;
            self.best
        });
        Some(Scored { secs, new_best })
    }

    pub(super) fn next(&mut self) {
        self.phrase += 1;
        self.typed.clear();
        self.started = None;
        self.result = None;
        self.paste_refused = false;
    }

    pub fn ui(&mut self, view: &View, ui: &mut egui::Ui) -> Vec<Command> {
        let lang = view.lang;
        let mut commands = Vec::new();
        // The UI language changed: the drill starts again in it, with its own best.
        if lang != self.lang {
            commands.push(Command::OpenTypingDrill);
        }
        ui.horizontal(|ui| {
            ui.heading(t(lang, Msg::Typing));
            ui.label(format!("{}: {:.0}", t(lang, Msg::PersonalBest), self.best));
            if ui.button(t(lang, Msg::Home)).clicked() {
                commands.push(Command::GoHome);
            }
        });
        if let Some(notice) = view.notice {
            notice.show(ui, lang);
        }
        ui.separator();
        ui.label(t(lang, Msg::PhraseToCopy));
        ui.label(egui::RichText::new(self.target()).size(18.0));
        let label = ui.label(t(lang, Msg::Answer));
        let was_empty = self.typed.is_empty();
        let before = self.typed.clone();
        // Only typed, committed characters count: key presses and IME commits.
        // A paste, or more new characters than this frame typed, is refused.
        let (pasted, typed_now) = ui.input(|input| {
            let pasted = input.events.iter().any(|e| matches!(e, egui::Event::Paste(_)));
            let typed: usize = input
                .events
                .iter()
                .map(|e| match e {
                    egui::Event::Text(text) | egui::Event::Ime(egui::ImeEvent::Commit(text)) => text.chars().count(),
                    _ => 0,
                })
                .sum();
            (pasted, typed)
        });
        ui.add(egui::TextEdit::multiline(&mut self.typed).desired_rows(2).desired_width(600.0)).labelled_by(label.id);
        let grew = self.typed.chars().count().saturating_sub(before.chars().count());
        if self.typed != before && (pasted || grew > typed_now) {
            self.typed = before;
            self.paste_refused = true;
        }
        if self.paste_refused {
            ui.colored_label(egui::Color32::from_rgb(200, 120, 40), t(lang, Msg::PasteRefused));
        }
        // The clock starts at the first committed character.
        if self.started.is_none() && was_empty && !self.typed.is_empty() {
            self.started = Some(view.clock.now());
        }
        ui.horizontal(|ui| {
            if ui.button(t(lang, Msg::Done)).clicked() {
                commands.push(Command::TypingDone);
            }
            if ui.button(t(lang, Msg::Next)).clicked() {
                commands.push(Command::TypingNext);
            }
        });
        if let Some(score) = self.result {
            ui.label(format!("{}: {:.0} {} · {}: {:.0}%", t(lang, Msg::Speed), score.speed(self.lang), t(self.lang, Msg::PerMinute), t(lang, Msg::Accuracy), score.accuracy * 100.0));
        }
        commands
    }
}
