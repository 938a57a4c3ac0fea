//! The chat workbench (千牛-style): conversations on the left (one buyer, or
//! several in rush mode, with unread badges and waiting time), the chat in the
//! middle with the reply box (Enter sends, Shift+Enter adds a line), and on the
//! right quick phrases (常用语), the product card and the order panel whose
//! actions go to the engine. Every reply and action is autosaved.

use super::i18n::t;
use super::{KefuApp, ScorecardView, Screen};
use crate::content::raw::{Action, Lang, OrderStatus, Scenario};
use crate::engine::{EntryKind, Event, Shift, Who};
use crate::scorecard::Scorecard;
use crate::store::autosave::{Autosave, Input};
use eframe::egui;
use std::time::Duration;

pub struct Workbench {
    pub shift: Shift,
    pub autosave: Autosave,
    /// The app clock's reading when the session's second 0 was.
    started_at: f64,
    pub selected: usize,
    pub drafts: Vec<String>,
    pub unread: Vec<usize>,
    refund: f64,
    discount: f64,
    compensate: f64,
    coupon: f64,
    resend_sku: String,
    new_address: String,
    new_phrase: String,
    /// An input method is composing (pinyin shown, not yet committed): Enter
    /// then belongs to the IME, to pick a candidate, and must not send.
    ime_composing: bool,
    /// Where the saved typing stretch ended when it was last written to disk.
    typing_saved_at: f64,
}

/// The reply box's id, so Enter can be taken before the text box sees it.
const REPLY_ID: &str = "reply-box";

impl Workbench {
    /// Starts one session per scenario id (several = rush mode).
    pub fn start(app: &KefuApp, scenarios: &[String]) -> Result<Workbench, String> {
        // A fresh seed per attempt from the real clock; a fixed one under a test clock.
        let base_seed = match &app.clock {
            super::Clock::Real(_) => std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_nanos() as u64).unwrap_or(0),
            super::Clock::Manual(_) => 7,
        };
        let buyers: Vec<(String, u64)> = scenarios.iter().enumerate().map(|(i, id)| (id.clone(), base_seed.wrapping_add(i as u64 * 7919))).collect();
        let borrowed: Vec<(&str, u64)> = buyers.iter().map(|(id, seed)| (id.as_str(), *seed)).collect();
        let (shift, _) = Shift::start(app.bundle.clone(), &borrowed, 0.0).map_err(|e| e.to_string())?;
        let autosave = Autosave { buyers, inputs: Vec::new() };
        Ok(Workbench::from_shift(shift, autosave, app.clock.now()))
    }

    /// Rebuilds the session left by a crash, everything already sent intact.
    pub fn resume(app: &KefuApp, saved: &Autosave) -> Result<Workbench, String> {
        let (shift, at) = saved.resume(app.bundle.clone()).map_err(|e| e.to_string())?;
        Ok(Workbench::from_shift(shift, saved.clone(), app.clock.now() - at))
    }

    fn from_shift(shift: Shift, autosave: Autosave, started_at: f64) -> Workbench {
        let buyers = shift.sessions().len();
        let resend_sku = shift.sessions()[0]
            .scenario()
            .order
            .as_ref()
            .and_then(|o| o.items.first())
            .map(|i| i.sku.clone())
            .unwrap_or_default();
        Workbench {
            shift,
            autosave,
            started_at,
            selected: 0,
            drafts: vec![String::new(); buyers],
            unread: vec![0; buyers],
            refund: 0.0,
            discount: 5.0,
            compensate: 10.0,
            coupon: 10.0,
            resend_sku,
            new_address: String::new(),
            new_phrase: String::new(),
            ime_composing: false,
            typing_saved_at: 0.0,
        }
    }

    fn now(&self, app: &KefuApp) -> f64 {
        (app.clock.now() - self.started_at).max(0.0)
    }

    fn note_events(&mut self, events: &[(usize, Event)]) {
        for (buyer, event) in events {
            if *buyer != self.selected && matches!(event, Event::BuyerSays { .. } | Event::Nudge { .. }) {
                self.unread[*buyer] += 1;
            }
        }
    }

    /// Sends the selected buyer's draft.
    pub fn send(&mut self, app: &mut KefuApp) {
        let text = self.drafts[self.selected].trim_end().to_string();
        if text.trim().is_empty() {
            return;
        }
        let now = self.now(app);
        match self.shift.reply(self.selected, &text, now) {
            Ok(events) => {
                self.note_events(&events);
                self.drafts[self.selected].clear();
                self.autosave.inputs.push((self.selected, now, Input::Say(text)));
                self.save(app);
            }
            Err(error) => app.status = Some(error.to_string()),
        }
    }

    pub fn act(&mut self, app: &mut KefuApp, action: Action) {
        let now = self.now(app);
        match self.shift.act(self.selected, action.clone(), now) {
            Ok(events) => {
                self.note_events(&events);
                self.autosave.inputs.push((self.selected, now, Input::Act(action)));
                self.save(app);
            }
            Err(error) => app.status = Some(error.to_string()),
        }
    }

    /// The trainee is typing to the selected buyer (text waits in the reply
    /// box): a buyer about to read waits. The stretch is autosaved when it
    /// starts and about once a second, so a resumed session keeps it.
    fn typing(&mut self, app: &mut KefuApp, now: f64) {
        let buyer = self.selected;
        if self.shift.sessions()[buyer].is_ended() {
            return;
        }
        match self.shift.typing(buyer, now) {
            Ok(events) => self.note_events(&events),
            Err(error) => {
                app.status = Some(error.to_string());
                return;
            }
        }
        if let Some(span) = self.shift.sessions()[buyer].typing_span() {
            let new = self.autosave.note_typing(buyer, span);
            if new || span.1 - self.typing_saved_at >= 1.0 {
                self.typing_saved_at = span.1;
                self.save(app);
            }
        }
    }

    fn save(&self, app: &mut KefuApp) {
        if let Err(error) = self.autosave.save(&app.data) {
            app.status = Some(format!("autosave: {error}"));
        }
    }

    /// Grades and saves every buyer's scorecard once all conversations are over.
    fn finish(&mut self, app: &mut KefuApp) -> Screen {
        let meta = super::home::run_meta(app);
        let cards: Vec<Scorecard> = self
            .shift
            .sessions()
            .iter()
            .filter_map(|session| Scorecard::from_run(&app.bundle.course, &session.result()?, meta.clone()))
            .collect();
        // Saved, missed facts into the review deck, the autosave cleared.
        let attempt = crate::store::Attempt::Session(&cards);
        match crate::store::record_attempt(&app.data, attempt, crate::store::InProgress::Autosave, app.clock.unix_now()) {
            Ok(recorded) => {
                let saved = recorded.saved.last().map(|p| p.display().to_string()).unwrap_or_default();
                let warnings = recorded.warnings.iter().map(|w| format!("; {w}")).collect::<String>();
                app.status = Some(format!("{}: {saved}{warnings}", t(app.lang(), "saved")));
            }
            Err(error) => app.status = Some(format!("scorecard: {error}")),
        }
        Screen::Scorecard(Box::new(ScorecardView::new(cards)))
    }
}

pub fn workbench_ui(app: &mut KefuApp, ui: &mut egui::Ui) -> Option<Screen> {
    let Screen::Workbench(mut wb) = std::mem::replace(&mut app.screen, Screen::Home) else { return None };
    let now = wb.now(app);
    // Text waiting in the reply box is typing: the buyer does not read yet.
    let typing = !wb.drafts[wb.selected].trim().is_empty();
    if typing {
        wb.typing(app, now);
    }
    if let Ok(events) = wb.shift.tick(now) {
        wb.note_events(&events);
    }
    if wb.shift.is_over() {
        return Some(wb.finish(app));
    }
    // Repaint only when something will change: the next buyer event, or the
    // counters once a second while a buyer waits or the trainee types (each
    // frame then tells the engine the typing goes on).
    let waiting = typing || wb.shift.sessions().iter().any(|s| s.waiting_secs(now).is_some());
    let until = wb.shift.next_deadline().map(|d| d - now).unwrap_or(f64::MAX).min(if waiting { 1.0 } else { f64::MAX });
    if until < f64::MAX {
        ui.ctx().request_repaint_after(Duration::from_secs_f64(until.clamp(0.02, 60.0)));
    }

    let lang = app.lang();
    let mut next = None;
    egui::Panel::left("conversations").resizable(false).exact_size(190.0).show(ui, |ui| {
        ui.strong(t(lang, "conversations"));
        for index in 0..wb.shift.sessions().len() {
            let session = &wb.shift.sessions()[index];
            let name = session.draw().buyer_name.clone();
            let state = if session.is_ended() {
                t(lang, "ended").to_string()
            } else {
                match session.waiting_secs(now) {
                    Some(secs) => format!("{} {secs:.0}s", t(lang, "waiting")),
                    None => String::new(),
                }
            };
            let badge = if wb.unread[index] > 0 { format!(" ({})", wb.unread[index]) } else { String::new() };
            let label = format!("{name}{badge}\n{}  {state}", session.scenario().title.get(lang));
            if ui.selectable_label(wb.selected == index, label).clicked() {
                wb.selected = index;
                wb.unread[index] = 0;
            }
        }
        ui.add_space(12.0);
        if ui.button(t(lang, "end_session")).clicked() {
            // Ending early means the buyers wait in vain: time runs out for each.
            if let Err(error) = wb.shift.drain_to_end(now) {
                app.status = Some(error.to_string());
            }
        }
    });
    side_panel(app, &mut wb, ui, lang);
    input_panel(app, &mut wb, ui, lang, now);
    egui::CentralPanel::default().show(ui, |ui| chat_ui(&wb, ui, lang, now));
    if wb.shift.is_over() {
        next = Some(wb.finish(app));
    }
    if next.is_none() {
        app.screen = Screen::Workbench(wb);
    }
    next
}

fn chat_ui(wb: &Workbench, ui: &mut egui::Ui, lang: Lang, now: f64) {
    let session = &wb.shift.sessions()[wb.selected];
    ui.horizontal(|ui| {
        ui.heading(format!("{} · {}", session.draw().buyer_name, session.scenario().title.get(lang)));
        ui.label(format!("{}:", t(lang, "patience")));
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
                EntryKind::Action => format!("[{}] {}{}", t(lang, "action"), entry.text, entry.problem.as_ref().map(|p| format!(" × {p}")).unwrap_or_default()),
                EntryKind::Nudge => format!("{} [{}]", entry.text, t(lang, "nudge")),
                _ => entry.text.clone(),
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

fn input_panel(app: &mut KefuApp, wb: &mut Workbench, ui: &mut egui::Ui, lang: Lang, now: f64) {
    egui::Panel::bottom("reply").show(ui, |ui| {
        reads_cue(wb, ui, lang, now);
        let id = egui::Id::unique(REPLY_ID);
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
        let enter = focused
            && plain_enter
            && ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Enter))
            && !wb.ime_composing;
        // Alt+1..9 inserts quick phrase 1..9.
        for (index, key) in [egui::Key::Num1, egui::Key::Num2, egui::Key::Num3, egui::Key::Num4, egui::Key::Num5, egui::Key::Num6, egui::Key::Num7, egui::Key::Num8, egui::Key::Num9].into_iter().enumerate() {
            if ui.input_mut(|i| i.consume_key(egui::Modifiers::ALT, key))
                && let Some(phrase) = app.settings.quick_phrases.get(index)
            {
                wb.drafts[wb.selected].push_str(phrase);
            }
        }
        ui.horizontal(|ui| {
            let label = ui.label(t(lang, "message"));
            let edit = egui::TextEdit::multiline(&mut wb.drafts[wb.selected])
                .id(id)
                .desired_rows(3)
                .desired_width(ui.available_width() - 90.0)
                .hint_text(t(lang, "enter_hint"));
            let response = ui.add(edit).labelled_by(label.id);
            // A keystroke that empties the box still counts as typing.
            if response.changed() {
                let now = wb.now(app);
                wb.typing(app, now);
            }
            if ui.button(t(lang, "send")).clicked() || enter {
                wb.send(app);
                ui.memory_mut(|m| m.request_focus(id));
            }
        });
    });
}

/// The small cue above the reply box: when the buyer will read what was sent,
/// or that they wait because the trainee is still typing.
fn reads_cue(wb: &Workbench, ui: &mut egui::Ui, lang: Lang, now: f64) {
    let session = &wb.shift.sessions()[wb.selected];
    let Some(reads_at) = session.reads_at() else { return };
    let text = if wb.drafts[wb.selected].trim().is_empty() {
        t(lang, "reads_in").replace("{secs}", &format!("{:.0}", (reads_at - now).max(0.0).ceil()))
    } else {
        t(lang, "reads_waiting").to_string()
    };
    ui.weak(text);
}

fn side_panel(app: &mut KefuApp, wb: &mut Workbench, ui: &mut egui::Ui, lang: Lang) {
    egui::Panel::right("side").resizable(true).default_size(330.0).show(ui, |ui| {
        egui::ScrollArea::vertical().show(ui, |ui| {
            egui::CollapsingHeader::new(t(lang, "quick_phrases")).default_open(true).show(ui, |ui| {
                let mut remove = None;
                for (index, phrase) in app.settings.quick_phrases.iter().enumerate() {
                    ui.horizontal(|ui| {
                        if ui.small_button("×").on_hover_text("remove").clicked() {
                            remove = Some(index);
                        }
                        let shown: String = phrase.chars().take(22).collect();
                        let more = if phrase.chars().count() > 22 { "…" } else { "" };
                        if ui.button(format!("{}. {shown}{more}", index + 1)).on_hover_text(phrase).clicked() {
                            wb.drafts[wb.selected].push_str(phrase);
                        }
                    });
                }
                if let Some(index) = remove {
                    app.settings.quick_phrases.remove(index);
                    app.save_settings();
                }
                ui.horizontal(|ui| {
                    let label = ui.label(t(lang, "new_phrase"));
                    ui.add(egui::TextEdit::singleline(&mut wb.new_phrase).desired_width(180.0)).labelled_by(label.id);
                    if ui.button(t(lang, "add_phrase")).clicked() && !wb.new_phrase.trim().is_empty() {
                        app.settings.quick_phrases.push(std::mem::take(&mut wb.new_phrase));
                        app.save_settings();
                    }
                });
            });
            let scenario = wb.shift.sessions()[wb.selected].scenario().clone();
            product_card(app, ui, lang, &scenario);
            order_panel(app, wb, ui, lang, &scenario);
        });
    });
}

fn product_card(app: &KefuApp, ui: &mut egui::Ui, lang: Lang, scenario: &Scenario) {
    let mut ids: Vec<&String> = scenario.products.iter().collect();
    if let Some(order) = &scenario.order {
        ids.extend(order.items.iter().map(|i| &i.product));
    }
    ids.dedup();
    for id in ids {
        let Some(product) = app.bundle.course.products.get(id) else { continue };
        egui::CollapsingHeader::new(format!("{}: {}", t(lang, "product"), product.name.get(lang))).default_open(true).show(ui, |ui| {
            ui.label(format!("{}: {}", t(lang, "price"), product.price));
            let specs = &product.specs;
            if let Some(v) = &specs.capacity { ui.label(format!("容量 capacity: {v}")); }
            if let Some(m) = &specs.material { ui.label(format!("材质 material: {}", m.name.get(lang))); }
            if let Some(d) = &specs.dimensions { ui.label(format!("尺寸 size: {} × {} × {}", d.length, d.width, d.height)); }
            if let Some(w) = &specs.weight { ui.label(format!("重量 weight: {w}")); }
            if let Some(f) = &specs.ships_from { ui.label(format!("发货地 ships from: {}", f.get(lang))); }
            if let Some(d) = &specs.dispatch_time { ui.label(format!("发货 dispatch: {d}")); }
            for other in &specs.other {
                ui.label(format!("{}: {}", other.name.get(lang), other.value.get(lang)));
            }
            if let Some(w) = &product.warranty { ui.label(format!("保修 warranty: {} ({})", w.length, w.covers.get(lang))); }
            ui.label(format!("{}:", t(lang, "stock")));
            for variant in &product.variants {
                let what = [variant.colour.as_ref().map(|c| c.get(lang).to_string()), variant.size.clone()].into_iter().flatten().collect::<Vec<_>>().join(" ");
                ui.label(format!("  {what} [{}]: {}", variant.sku, variant.stock));
            }
            if !product.selling_points.is_empty() {
                ui.label(format!("{}:", t(lang, "selling_points")));
                for point in &product.selling_points { ui.label(format!("  • {}", point.text.get(lang))); }
            }
            if !product.included.is_empty() {
                ui.label(format!("{}: {}", t(lang, "included"), product.included.iter().map(|i| i.get(lang)).collect::<Vec<_>>().join("、")));
            }
            if !product.not_included.is_empty() {
                ui.colored_label(ui.visuals().warn_fg_color, format!("{}: {}", t(lang, "not_included"), product.not_included.iter().map(|i| i.get(lang)).collect::<Vec<_>>().join("、")));
            }
            for size in &product.size_chart {
                ui.label(format!("  {}: {}-{} cm, {}-{} kg", size.size, size.height_cm.0, size.height_cm.1, size.weight_kg.0, size.weight_kg.1));
            }
        });
    }
}

fn order_panel(app: &mut KefuApp, wb: &mut Workbench, ui: &mut egui::Ui, lang: Lang, scenario: &Scenario) {
    egui::CollapsingHeader::new(t(lang, "order")).default_open(true).show(ui, |ui| {
        let Some(order) = &scenario.order else {
            ui.label(t(lang, "no_order"));
            return;
        };
        let draw = wb.shift.sessions()[wb.selected].draw().clone();
        ui.label(format!("No. {}", draw.order_no));
        ui.label(format!("{}: {} · {}", t(lang, "status"), t(lang, &format!("{:?}", order.status)), order.amount));
        for item in &order.items {
            ui.label(format!("  {} × {}", item.sku, item.quantity));
        }
        ui.label(format!("{}: {} {} ({})", t(lang, "address"), order.address.region, order.address.detail, order.address.phone));
        if let Some(shipment) = &order.shipment {
            ui.label(format!("{}: {} {}", t(lang, "tracking"), shipment.courier, draw.tracking_no));
            for event in &shipment.events {
                ui.weak(format!("  -{}: {}", event.ago, event.text));
            }
        }
        ui.separator();
        let policy = app.bundle.course.policy_for(scenario).cloned();
        let mut action = None;
        ui.horizontal(|ui| {
            let label = ui.label(t(lang, "amount"));
            ui.add(egui::DragValue::new(&mut wb.refund).range(0.0..=order.amount.base_value).speed(1.0).suffix(" 元")).labelled_by(label.id);
            let button = ui.add_enabled(wb.refund > 0.0, egui::Button::new(t(lang, "refund"))).on_disabled_hover_text(t(lang, "enter_amount"));
            if button.clicked() {
                action = Some(Action::Refund { amount: wb.refund });
            }
        });
        ui.horizontal(|ui| {
            let skus: Vec<String> = order.items.iter().chain(&order.received).filter_map(|i| app.bundle.course.products.get(&i.product)).flat_map(|p| p.variants.iter().map(|v| v.sku.clone())).collect();
            egui::ComboBox::new("resend-sku", t(lang, "sku")).selected_text(wb.resend_sku.clone()).show_ui(ui, |ui| {
                for sku in skus {
                    ui.selectable_value(&mut wb.resend_sku, sku.clone(), sku);
                }
            });
            if ui.button(t(lang, "resend")).clicked() && !wb.resend_sku.is_empty() {
                action = Some(Action::Resend { sku: wb.resend_sku.clone() });
            }
        });
        if let Some(policy) = &policy {
            ui.horizontal(|ui| {
                egui::ComboBox::new("coupon", t(lang, "coupon_value")).selected_text(format!("{} 元", wb.coupon)).show_ui(ui, |ui| {
                    for value in &policy.agent_may_grant.coupons {
                        ui.selectable_value(&mut wb.coupon, value.base_value, value.text.clone());
                    }
                });
                if ui.button(t(lang, "coupon")).clicked() {
                    action = Some(Action::Coupon { value: wb.coupon });
                }
            });
        }
        if order.status == OrderStatus::Unpaid {
            ui.horizontal(|ui| {
                ui.add(egui::DragValue::new(&mut wb.discount).range(1.0..=100.0).suffix(" 元"));
                if ui.button(t(lang, "discount")).clicked() {
                    action = Some(Action::Discount { amount: wb.discount });
                }
            });
        }
        ui.horizontal(|ui| {
            ui.add(egui::DragValue::new(&mut wb.compensate).range(1.0..=200.0).suffix(" 元"));
            if ui.button(t(lang, "compensate")).clicked() {
                action = Some(Action::Compensate { amount: wb.compensate });
            }
        });
        ui.horizontal(|ui| {
            let label = ui.label(t(lang, "new_address"));
            ui.add(egui::TextEdit::singleline(&mut wb.new_address).desired_width(140.0)).labelled_by(label.id);
            if ui.button(t(lang, "change_address")).clicked() && !wb.new_address.trim().is_empty() {
                action = Some(Action::ChangeAddress { to: wb.new_address.clone() });
            }
        });
        ui.horizontal(|ui| {
            if ui.button(t(lang, "cancel_order")).clicked() {
                action = Some(Action::CancelOrder);
            }
            if ui.button(t(lang, "escalate")).clicked() {
                action = Some(Action::Escalate);
            }
        });
        if let Some(action) = action {
            wb.act(app, action);
        }
    });
}
