//! The chat workbench (千牛-style): conversations on the left (one buyer, or
//! several in rush mode, with unread badges and waiting time), the chat in the
//! middle with the reply box (Enter sends, Shift+Enter adds a line), and on the
//! right quick phrases (常用语), the product card and the order panel. The
//! panels draw and return commands; the engine's shift changes only through
//! the methods below, which `KefuApp::handle` calls. Every input is autosaved.

mod chat;
mod order_panel;
mod product_card;
mod policy_panel;
mod quick_phrases;

use super::{Command, Notice, View};
use crate::content::raw::{Action, Scenario};
use crate::engine::{Event, Shift};
use crate::i18n::{Msg, t};
use crate::store::autosave::{Autosave, Input};
use eframe::egui;
use std::path::Path;
use std::time::Duration;

/// A running shift: the engine's sessions, the autosave, and one desk per buyer.
pub struct Workbench {
    pub shift: Shift,
    pub autosave: Autosave,
    /// The app clock's reading when the session's second 0 was.
    started_at: f64,
    pub selected: usize,
    /// Per buyer, in the shift's order: what is being typed and filled in for
    /// them, and their unread count. Nothing of one buyer's desk reaches another.
    pub desks: Vec<BuyerDesk>,
    new_phrase: String,
    /// An input method is composing (pinyin shown, not yet committed): Enter
    /// then belongs to the IME, to pick a candidate, and must not send.
    ime_composing: bool,
    /// The digit an Alt+digit shortcut also types, to drop if it arrives before the given input time.
    swallow_digit: Option<(String, f64)>,
    /// 结束会话 was pressed: asking to confirm, since it ends every buyer's conversation.
    confirm_end: bool,
    /// Where the saved typing stretch ended when it was last written to disk.
    typing_saved_at: f64,
}

/// One buyer's side of the workbench.
#[derive(Debug, Clone, PartialEq)]
pub struct BuyerDesk {
    pub draft: String,
    pub unread: usize,
    pub order: OrderForm,
}

/// The order panel's inputs for one buyer's order.
#[derive(Debug, Clone, PartialEq)]
pub struct OrderForm {
    pub refund: f64,
    pub discount: f64,
    pub compensate: f64,
    pub coupon: f64,
    /// The SKU 补发 sends: this buyer's ordered item until the trainee picks another.
    pub resend_sku: String,
    pub new_address: String,
}

impl OrderForm {
    fn for_scenario(scenario: &Scenario) -> OrderForm {
        let resend_sku = scenario.order.as_ref().and_then(|o| o.items.first()).map(|i| i.sku.clone()).unwrap_or_default();
        OrderForm { refund: 0.0, discount: 5.0, compensate: 10.0, coupon: 10.0, resend_sku, new_address: String::new() }
    }
}

/// The reply box's id, so Enter can be taken before the text box sees it.
const REPLY_ID: &str = "reply-box";

impl Workbench {
    /// Starts one session per scenario id (several = rush mode).
    pub fn start(bundle: &std::sync::Arc<crate::engine::Bundle>, scenarios: &[String], seed: u64, now: f64) -> Result<Workbench, crate::engine::EngineError> {
        let buyers: Vec<(String, u64)> = scenarios.iter().enumerate().map(|(i, id)| (id.clone(), seed.wrapping_add(i as u64 * 7919))).collect();
        let borrowed: Vec<(&str, u64)> = buyers.iter().map(|(id, seed)| (id.as_str(), *seed)).collect();
        let (shift, _) = Shift::start(bundle.clone(), &borrowed, 0.0)?;
        let autosave = Autosave { buyers, inputs: Vec::new() };
        Ok(Workbench::from_shift(shift, autosave, now))
    }

    /// Rebuilds the session left by a crash, everything already sent intact.
    pub fn resume(bundle: &std::sync::Arc<crate::engine::Bundle>, saved: &Autosave, now: f64) -> Result<Workbench, crate::engine::EngineError> {
        let (shift, at) = saved.resume(bundle.clone())?;
        Ok(Workbench::from_shift(shift, saved.clone(), now - at))
    }

    fn from_shift(shift: Shift, autosave: Autosave, started_at: f64) -> Workbench {
        let desks = shift.sessions().iter().map(|s| BuyerDesk { draft: String::new(), unread: 0, order: OrderForm::for_scenario(s.scenario()) }).collect();
        Workbench { shift, autosave, started_at, selected: 0, desks, new_phrase: String::new(), ime_composing: false, swallow_digit: None, confirm_end: false, typing_saved_at: 0.0 }
    }

    /// Seconds into the session, on the app clock.
    pub fn now(&self, clock: &super::Clock) -> f64 {
        (clock.now() - self.started_at).max(0.0)
    }

    /// What passing time asks for before this frame is drawn: text waiting in
    /// the reply box is typing (the buyer does not read yet), then the engine's clock.
    pub fn logic(&self) -> Vec<Command> {
        let mut commands = Vec::new();
        if self.desks.get(self.selected).is_some_and(|d| !d.draft.trim().is_empty()) {
            commands.push(Command::Typing { buyer: self.selected });
        }
        commands.push(Command::Tick);
        commands
    }

    fn note_events(&mut self, events: &[(usize, Event)]) {
        for (buyer, event) in events {
            if *buyer != self.selected
                && matches!(event, Event::BuyerSays { .. } | Event::Nudge { .. })
                && let Some(desk) = self.desks.get_mut(*buyer)
            {
                desk.unread += 1;
            }
        }
    }

    // What `KefuApp::handle` calls: the only ways the shift changes.

    pub(super) fn select(&mut self, buyer: usize) {
        if let Some(desk) = self.desks.get_mut(buyer) {
            self.selected = buyer;
            desk.unread = 0;
        }
    }

    /// Sends the buyer's draft.
    pub(super) fn send(&mut self, buyer: usize, now: f64, data: &Path) -> Result<(), Notice> {
        let Some(desk) = self.desks.get(buyer) else { return Ok(()) };
        let text = desk.draft.trim_end().to_string();
        if text.trim().is_empty() {
            return Ok(());
        }
        let events = self.shift.reply(buyer, &text, now).map_err(|e| Notice::problem_in(Msg::NotDone, e.shown()))?;
        self.note_events(&events);
        self.desks[buyer].draft.clear();
        self.autosave.inputs.push((buyer, now, Input::Say(text)));
        self.save(data)
    }

    pub(super) fn act(&mut self, buyer: usize, action: Action, now: f64, data: &Path) -> Result<(), Notice> {
        let events = self.shift.act(buyer, action.clone(), now).map_err(|e| Notice::problem_in(Msg::NotDone, e.shown()))?;
        self.note_events(&events);
        self.autosave.inputs.push((buyer, now, Input::Act(action)));
        self.save(data)
    }

    /// The trainee is typing to the buyer (text waits in the reply box): a
    /// buyer about to read waits. The stretch is autosaved when it starts and
    /// about once a second, so a resumed session keeps it.
    pub(super) fn typing(&mut self, buyer: usize, now: f64, data: &Path) -> Result<(), Notice> {
        if self.shift.sessions().get(buyer).is_none_or(|s| s.is_ended()) {
            return Ok(());
        }
        let events = self.shift.typing(buyer, now).map_err(|e| Notice::problem_in(Msg::NotDone, e.shown()))?;
        self.note_events(&events);
        if let Some(span) = self.shift.sessions()[buyer].typing_span() {
            let new = self.autosave.note_typing(buyer, span);
            if new || span.1 - self.typing_saved_at >= 1.0 {
                self.typing_saved_at = span.1;
                self.save(data)?;
            }
        }
        Ok(())
    }

    pub(super) fn tick(&mut self, now: f64) {
        if let Ok(events) = self.shift.tick(now) {
            self.note_events(&events);
        }
    }

    /// Ends the shift now: every buyer still waiting waits in vain.
    pub(super) fn end_now(&mut self, now: f64) -> Result<(), Notice> {
        self.shift.abandon(now).map(|_| ()).map_err(|e| Notice::problem_in(Msg::NotDone, e.shown()))
    }

    fn save(&self, data: &Path) -> Result<(), Notice> {
        self.autosave.save(data).map_err(|e| Notice::problem(Msg::AutosaveFailed, e))
    }

    /// Draws the workbench; returns what the trainee asked for.
    pub fn ui(&mut self, view: &View, ui: &mut egui::Ui) -> Vec<Command> {
        let now = self.now(view.clock);
        let lang = view.lang;
        // Repaint only when something will change: the next buyer event, or the
        // counters once a second while a buyer waits or the trainee types (each
        // frame then tells the engine the typing goes on).
        let typing = !self.desks[self.selected].draft.trim().is_empty();
        let waiting = typing || self.shift.sessions().iter().any(|s| s.waiting_secs(now).is_some());
        let until = self.shift.next_deadline().map(|d| d - now).unwrap_or(f64::MAX).min(if waiting { 1.0 } else { f64::MAX });
        if until < f64::MAX {
            ui.ctx().request_repaint_after(Duration::from_secs_f64(until.clamp(0.02, 60.0)));
        }

        let mut commands = Vec::new();
        self.conversations_ui(ui, lang, now, &mut commands);
        let Workbench { shift, selected, desks, new_phrase, .. } = self;
        let buyer = *selected;
        let session = &shift.sessions()[buyer];
        let desk = &mut desks[buyer];
        egui::Panel::right("side").resizable(true).default_size(330.0).show(ui, |ui| {
            // At 1024×600 the order actions sit below the fold: the scrollbar says so.
            egui::ScrollArea::vertical().scroll_bar_visibility(egui::scroll_area::ScrollBarVisibility::AlwaysVisible).show(ui, |ui| {
                quick_phrases::ui(view, ui, buyer, session.scenario().lang, desk, new_phrase, &mut commands);
                product_card::ui(view, ui, session.scenario());
                order_panel::ui(view, ui, buyer, session, &mut desk.order, &mut commands);
                policy_panel::ui(view, ui, view.bundle.course.policy_for(session.scenario()));
            });
        });
        chat::input_panel(self, view, ui, now, &mut commands);
        egui::CentralPanel::default().show(ui, |ui| chat::chat_ui(&self.shift.sessions()[self.selected], &view.bundle.course, ui, lang, now, self.desks.len() > 1));
        commands
    }

    fn conversations_ui(&mut self, ui: &mut egui::Ui, lang: crate::content::raw::Lang, now: f64, commands: &mut Vec<Command>) {
        egui::Panel::left("conversations").resizable(false).exact_size(190.0).show(ui, |ui| {
            ui.strong(t(lang, Msg::Conversations));
            for (index, session) in self.shift.sessions().iter().enumerate() {
                let name = &session.draw().buyer_name;
                let state = if session.is_ended() {
                    t(lang, Msg::Ended).to_string()
                } else {
                    match session.waiting_secs(now) {
                        Some(secs) => format!("{} {secs:.0}s", t(lang, Msg::Waiting)),
                        None => String::new(),
                    }
                };
                let unread = self.desks[index].unread;
                let badge = if unread > 0 { format!(" ({unread})") } else { String::new() };
                // One buyer: the scenario's title, as on the briefing. In rush mode the
                // title would tell what the buyer is about to ask: their last line instead.
                let about = if self.desks.len() == 1 {
                    session.scenario().title.get(lang).to_string()
                } else {
                    session.transcript().iter().rev().find(|e| e.who == crate::engine::Who::Buyer && e.kind == crate::engine::EntryKind::Message).map(|e| preview(&e.text)).unwrap_or_default()
                };
                let label = format!("{name}{badge}\n{about}  {state}");
                if ui.selectable_label(self.selected == index, label).clicked() {
                    commands.push(Command::SelectBuyer(index));
                }
            }
            ui.add_space(12.0);
            // Ending early is final for every buyer still waiting: ask first.
            if !self.confirm_end {
                if ui.button(t(lang, Msg::EndSession)).clicked() {
                    self.confirm_end = true;
                }
            } else {
                ui.colored_label(ui.visuals().warn_fg_color, t(lang, Msg::ConfirmEndSession));
                if ui.button(t(lang, Msg::EndNow)).clicked() {
                    self.confirm_end = false;
                    commands.push(Command::EndSession);
                }
                if ui.button(t(lang, Msg::KeepServing)).clicked() {
                    self.confirm_end = false;
                }
            }
        });
    }
}

/// The first characters of a buyer's line, for the conversation list.
fn preview(text: &str) -> String {
    const SHOWN: usize = 14;
    let line = text.lines().next().unwrap_or_default();
    let mut shown: String = line.chars().take(SHOWN).collect();
    if line.chars().count() > SHOWN || text.lines().count() > 1 {
        shown.push('…');
    }
    shown
}
