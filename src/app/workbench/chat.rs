//! The chat in the middle of the workbench: the conversation with the selected
//! buyer, and below it the reply box (Enter sends, Shift+Enter adds a line,
//! Alt+1…9 inserts a quick phrase) with the cue saying when the buyer reads.

use super::{REPLY_ID, Workbench};
use crate::app::{Command, View};
use crate::content::Course;
use crate::content::raw::Lang;
use crate::engine::{EntryKind, Session, Who};
use crate::i18n::{Msg, t};
use eframe::egui;

/// `rush`: several buyers at once, whose scenarios stay unnamed (a real shift
/// does not announce what a buyer will ask).
pub fn chat_ui(session: &Session, course: &Course, ui: &mut egui::Ui, lang: Lang, now: f64, rush: bool) {
    // The title wraps on its own line: beside the patience bar it made the
    // header wider than the chat at 1024×600, and the chat's right-aligned
    // bubbles were pushed out of view.
    let name = &session.draw().buyer_name;
    ui.add(egui::Label::new(egui::RichText::new(if rush { name.clone() } else { format!("{name} · {}", session.scenario().title.get(lang)) }).heading()).wrap());
    ui.horizontal(|ui| {
        ui.label(format!("{}:", t(lang, Msg::Patience)));
        let used = session.patience_used(now);
        ui.add(egui::ProgressBar::new(1.0 - used).desired_width(120.0).fill(if used > 0.6 { egui::Color32::from_rgb(200, 80, 60) } else { egui::Color32::from_rgb(80, 160, 90) }));
    });
    ui.separator();
    egui::ScrollArea::vertical().stick_to_bottom(true).auto_shrink([false, false]).show(ui, |ui| {
        // Typing stretches are the record's business; the chat shows what was said.
        for entry in session.transcript().iter().filter(|e| e.kind != EntryKind::Typing) {
            let (align, fill) = match entry.who {
                Who::Agent => (egui::Align::Max, egui::Color32::from_rgb(0x2a, 0x6f, 0xdb).gamma_multiply(0.25)),
                _ => (egui::Align::Min, ui.visuals().faint_bg_color),
            };
            let text = match entry.kind {
                EntryKind::Action => format!("[{}] {}{}", t(lang, Msg::Action), crate::app::scorecard_view::shown_action(entry, course, lang), entry.problem.as_ref().map(|p| format!(" × {p}")).unwrap_or_default()),
                EntryKind::Nudge => format!("{} [{}]", entry.text, t(lang, Msg::Nudge)),
                _ => entry.shown(lang),
            };
            ui.with_layout(egui::Layout::top_down(align), |ui| {
                ui.weak(format!("{:.0}s", entry.at));
                egui::Frame::new().fill(fill).corner_radius(6.0).inner_margin(6.0).show(ui, |ui| {
                    ui.set_max_width(ui.available_width() * 0.7);
                    ui.label(text);
                });
            });
        }
    });
}

pub fn input_panel(wb: &mut Workbench, view: &View, ui: &mut egui::Ui, now: f64, commands: &mut Vec<Command>) {
    let lang = view.lang;
    let buyer = wb.selected;
    egui::Panel::bottom("reply").show(ui, |ui| {
        reads_cue(wb, ui, lang, now);
        let id = reply_box_id();
        ui.input(|i| {
            for event in &i.events {
                match event {
                    egui::Event::Ime(egui::ImeEvent::Preedit { text, .. }) => wb.ime_composing = !text.is_empty(),
                    egui::Event::Ime(egui::ImeEvent::Commit(_)) => wb.ime_composing = false,
                    _ => {}
                }
            }
        });
        // Take Enter before the text box turns it into a new line; Shift+Enter still adds one.
        // While an IME composes, Enter is the IME's (it picks a candidate): some
        // platforms still pass it on, so swallow it rather than send or break the line.
        // consume_key ignores an extra Shift, so look for a plain Enter first.
        let focused = ui.memory(|m| m.has_focus(id));
        let plain_enter = ui.input(|i| {
            i.events.iter().any(|e| {
                matches!(e, egui::Event::Key { key: egui::Key::Enter, pressed: true, modifiers, .. }
                    if !modifiers.shift && !modifiers.alt && !modifiers.ctrl && !modifiers.command)
            })
        });
        let enter = focused && plain_enter && ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Enter)) && !wb.ime_composing;
        let draft = &mut wb.desks[buyer].draft;
        // Alt+1..9 puts quick phrase 1..9 where the cursor is.
        for (index, key) in DIGIT_KEYS.into_iter().enumerate() {
            if ui.input_mut(|i| i.consume_key(egui::Modifiers::ALT, key))
                && let Some(phrase) = view.settings.quick_phrases(wb.shift.sessions()[buyer].scenario().lang).get(index)
            {
                wb.swallow_digit = Some(((index + 1).to_string(), ui.input(|i| i.time) + SWALLOW_SECS));
                insert_at_cursor(ui.ctx(), id, draft, phrase);
                commands.push(Command::Typing { buyer });
            }
        }
        // Alt+1..9 also types its digit, in this frame or a later one: drop it.
        if let Some((digit, until)) = wb.swallow_digit.take() {
            // Kept armed until the digit comes, other typing comes first, or time is up.
            let mut done = false;
            ui.input_mut(|i| {
                i.events.retain(|e| match e {
                    egui::Event::Text(text) if !done => {
                        done = true;
                        *text != digit
                    }
                    egui::Event::Key { pressed: true, .. } | egui::Event::Paste(_) => {
                        done = true;
                        true
                    }
                    _ => true,
                })
            });
            if !done && ui.input(|i| i.time) < until {
                wb.swallow_digit = Some((digit, until));
            }
        }
        ui.horizontal(|ui| {
            let label = ui.label(t(lang, Msg::Message));
            let edit = egui::TextEdit::multiline(draft).id(id).desired_rows(3).desired_width(ui.available_width() - 90.0).hint_text(t(lang, Msg::EnterHint));
            let response = ui.add(edit).labelled_by(label.id);
            // A keystroke that empties the box still counts as typing.
            if response.changed() {
                commands.push(Command::Typing { buyer });
            }
            if ui.button(t(lang, Msg::Send)).clicked() || enter {
                commands.push(Command::Send { buyer });
                ui.memory_mut(|m| m.request_focus(id));
            }
        });
    });
}

/// How long after Alt+digit its typed digit may still arrive: platforms send
/// it with the key or a few frames later (the test harness a second later).
const SWALLOW_SECS: f64 = 1.5;

const DIGIT_KEYS: [egui::Key; 9] = [egui::Key::Num1, egui::Key::Num2, egui::Key::Num3, egui::Key::Num4, egui::Key::Num5, egui::Key::Num6, egui::Key::Num7, egui::Key::Num8, egui::Key::Num9];

/// The reply box's id, so Enter can be taken before the text box sees it and
/// quick phrases go where its cursor is.
pub fn reply_box_id() -> egui::Id {
    egui::Id::unique(REPLY_ID)
}

/// Puts `phrase` where the reply box's cursor is (replacing a selection; at
/// the end if the box was never focused), and the cursor right after it.
pub fn insert_at_cursor(ctx: &egui::Context, id: egui::Id, draft: &mut String, phrase: &str) {
    use egui::text::{CCursor, CCursorRange};
    let mut state = egui::text_edit::TextEditState::load(ctx, id).unwrap_or_default();
    let total = draft.chars().count();
    let (start, end) = match state.cursor.char_range() {
        Some(range) => {
            let (a, b) = (range.primary.index.0.min(total), range.secondary.index.0.min(total));
            (a.min(b), a.max(b))
        }
        None => (total, total),
    };
    let byte = |chars: usize| draft.char_indices().nth(chars).map(|(at, _)| at).unwrap_or(draft.len());
    let (from, to) = (byte(start), byte(end));
    draft.replace_range(from..to, phrase);
    state.cursor.set_char_range(Some(CCursorRange::one(CCursor::new(start + phrase.chars().count()))));
    state.store(ctx, id);
}

/// The small cue above the reply box: when the buyer will read what was sent,
/// or that they wait because the trainee is still typing.
fn reads_cue(wb: &Workbench, ui: &mut egui::Ui, lang: Lang, now: f64) {
    let session = &wb.shift.sessions()[wb.selected];
    let Some(reads_at) = session.reads_at() else { return };
    let text = if wb.desks[wb.selected].draft.trim().is_empty() {
        Msg::ReadsIn.fill(lang, &[("secs", &format!("{:.0}", (reads_at - now).max(0.0).ceil()))])
    } else {
        t(lang, Msg::ReadsWaiting).to_string()
    };
    ui.weak(text);
}
