//! After a session: the scorecard (total and pass/fail with the reasons, the
//! score by dimension, KPIs against their thresholds, the model answer, and
//! the transcript with graded spans highlighted and each finding's
//! explanation on hover), with retry and export.

use crate::grading::Standing;
use crate::grading::verdict::standing_label;
use super::dispute_form::DisputeForm;
use super::review_form::ReviewForm;
use super::{Command, ExportFormat, View};
use crate::content::raw::Lang;
use crate::content::Course;
use crate::engine::{Bundle, EntryKind, PlanResult, TranscriptEntry, Who};
use crate::grading::Finding;
use crate::i18n::{Msg, t};
use crate::scorecard::Scorecard;
use eframe::egui::{self, Color32, text::LayoutJob};
use std::sync::Arc;

pub struct ScorecardView {
    pub cards: Vec<Scorecard>,
    pub selected: usize,
    /// Per card, the scenario's pinned passing example played through the
    /// engine: the model answer shown beside the trainee's own.
    models: Vec<Option<PlanResult>>,
    /// A supervisor's review of the card on show, beside it (a record opened from the dashboard).
    pub review: Option<ReviewForm>,
    /// Where the card on show was read from: its review is saved in the same data folder.
    pub source: Option<std::path::PathBuf>,
    /// The trainee's disputes of the card on show (their own scorecard).
    pub disputes: Option<DisputeForm>,
}

impl ScorecardView {
    pub fn new(cards: Vec<Scorecard>, bundle: &Arc<Bundle>) -> ScorecardView {
        let models = cards.iter().map(|card| model_answer(bundle, &card.scenario.id)).collect();
        ScorecardView { cards, selected: 0, models, review: None, source: None, disputes: None }
    }

    pub(super) fn select(&mut self, index: usize) {
        if index < self.cards.len() {
            self.selected = index;
        }
    }

    /// The card on show.
    pub fn card(&self) -> Option<&Scorecard> {
        self.cards.get(self.selected)
    }

    pub fn ui(&mut self, view: &View, ui: &mut egui::Ui) -> Vec<Command> {
        let lang = view.lang;
        let mut commands = Vec::new();
        ui.horizontal(|ui| {
            ui.heading(t(lang, Msg::Scorecard));
            for (index, card) in self.cards.iter().enumerate() {
                if self.cards.len() > 1 && ui.selectable_label(self.selected == index, &card.draw.buyer_name).clicked() {
                    commands.push(Command::SelectCard(index));
                }
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                // A supervisor reads a trainee's record: back to the dashboard, nothing to retry.
                let trainee = view.settings.role == crate::store::Role::Trainee;
                if ui.button(t(lang, if trainee { Msg::Home } else { Msg::Back })).clicked() {
                    commands.push(Command::GoHome);
                }
                if trainee && ui.button(t(lang, Msg::Retry)).clicked() {
                    commands.push(Command::Retry);
                }
                for format in ExportFormat::ALL {
                    if ui.button(format!("{} {}", t(lang, Msg::Export), format.extension().to_uppercase())).clicked() {
                        commands.push(Command::Export(format));
                    }
                }
            });
        });
        if let Some(notice) = view.notice {
            notice.show(ui, lang);
        }
        ui.separator();
        let Some(card) = self.cards.get(self.selected) else {
            commands.push(Command::GoHome);
            return commands;
        };
        if let Some(form) = &mut self.review {
            egui::Panel::right("review-panel").resizable(true).default_size(400.0).show(ui, |ui| {
                egui::ScrollArea::vertical().id_salt("review-scroll").auto_shrink([false, false]).show(ui, |ui| {
                    commands.extend(form.ui(ui, lang, card));
                });
            });
            egui::CentralPanel::default().show(ui, |ui| self.card_ui(view, ui, &mut commands));
        } else {
            self.card_ui(view, ui, &mut commands);
        }
        commands
    }

    /// The scorecard itself: verdict, reasons, dimensions and KPIs, the
    /// trainee's disputes, the model answer, the transcript.
    fn card_ui(&mut self, view: &View, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        // One scroll for the whole card: the disputes and the transcript both
        // grow, and a small window must still reach every line.
        egui::ScrollArea::vertical().id_salt(("card", self.selected)).auto_shrink([false, false]).show(ui, |ui| self.card_body(view, ui, commands));
    }

    fn card_body(&mut self, view: &View, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        let lang = view.lang;
        let Some(card) = self.cards.get(self.selected) else { return };
        let grade = &card.grade;
        ui.horizontal(|ui| {
            let standing = grade.standing();
            let colour = match standing {
                Standing::Passed => GOOD,
                Standing::Failed => BAD,
                Standing::Abandoned => ui.visuals().weak_text_color(),
            };
            ui.label(egui::RichText::new(t(lang, standing_label(standing))).color(colour).strong().size(22.0));
            let total = if standing == Standing::Abandoned { Msg::PartialTotal } else { Msg::Total };
            ui.label(egui::RichText::new(format!("{}: {:.1}/100", t(lang, total), grade.total)).size(20.0));
            if standing == Standing::Abandoned {
                ui.label(card.scenario.title.get(lang));
            } else {
                ui.label(format!("{} · {}", t(lang, crate::i18n::outcome(grade.outcome)), card.scenario.title.get(lang)));
            }
        });
        // Why it passed or failed: the total against the pass mark, critical failures, the outcome.
        let content_lang = card.scenario.lang;
        let rule_label = |rule: &str| view.bundle.grader.critical_label(rule, content_lang).unwrap_or_else(|| t(lang, Msg::CriticalCondition).to_string());
        // Critical failures come once each (verdict::distinct_critical); two rules
        // an author labelled alike are shown once too.
        let mut shown = std::collections::BTreeSet::new();
        for reason in crate::grading::verdict::reasons(grade, rule_label).into_iter().filter(|r| shown.insert(r.text(lang))) {
            let (mark, colour) = match reason {
                _ if reason.fails() => ("×", BAD),
                // Ended early: neither met nor missed, said plainly.
                crate::grading::verdict::Reason::Abandoned => ("•", ui.visuals().text_color()),
                _ => ("✓", GOOD),
            };
            ui.colored_label(colour, format!("{mark} {}", reason.text(lang)));
        }
        ui.horizontal_top(|ui| {
            ui.vertical(|ui| {
                ui.strong(t(lang, Msg::Dimensions));
                egui::Grid::new("dimensions").striped(true).show(ui, |ui| {
                    for (dimension, total) in &grade.dimensions {
                        ui.label(crate::grading::verdict::dimension_label(*dimension).get(lang));
                        // Points earned of those possible in this dimension, over all reply points.
                        let share = if total.possible > 0.0 { (total.earned / total.possible * 100.0).clamp(0.0, 100.0) } else { 0.0 };
                        ui.label(format!("{share:.0}%"));
                        ui.end_row();
                    }
                });
            });
            ui.add_space(24.0);
            ui.vertical(|ui| kpi_table(ui, lang, grade));
        });
        if let Some(form) = &mut self.disputes {
            commands.extend(form.ui(ui, lang));
        }
        if let Some(Some(model)) = self.models.get(self.selected) {
            egui::CollapsingHeader::new(t(lang, Msg::ModelAnswer)).id_salt(("model", self.selected)).show(ui, |ui| {
                ui.weak(format!("{} {:.1}/100", t(lang, Msg::ModelAnswerNote), model.grade.total));
                for entry in model.transcript.iter().filter(|e| e.kind == EntryKind::Message) {
                    ui.label(format!("{:.0}s {}: {}", entry.at, who(lang, entry.who), entry.text));
                }
            });
        }
        transcript_ui(ui, lang, card, &view.bundle.course);
    }
}

const GOOD: Color32 = Color32::from_rgb(40, 150, 70);
const BAD: Color32 = Color32::from_rgb(200, 60, 50);

fn who(lang: Lang, who: Who) -> &'static str {
    match who {
        Who::Buyer => t(lang, Msg::Buyer),
        Who::Agent => t(lang, Msg::Agent),
        Who::System => "—",
    }
}

/// An order action as the UI's reader reads it, its item named by the
/// catalogue ("Refund ¥89", not the chat language's "退款 89 元").
pub(super) fn shown_action(entry: &TranscriptEntry, course: &Course, lang: Lang) -> String {
    match &entry.action {
        Some(action) => crate::i18n::action(action, lang, |sku| course.sku_label(sku, lang)),
        None => entry.shown(lang),
    }
}

/// The first passing example of `scenario`, played with its own seed: what a
/// good conversation at this scenario looks like.
fn model_answer(bundle: &Arc<Bundle>, scenario: &str) -> Option<PlanResult> {
    let example = bundle.course.scenario(scenario)?.examples.iter().find(|e| e.expect == crate::content::raw::Expect::Pass)?.clone();
    crate::engine::run_plan(bundle.clone(), scenario, example.seed, &example.replies).ok()
}

/// The message with each graded span coloured: green earned, red lost.
fn highlighted(ui: &egui::Ui, text: &str, findings: &[&Finding]) -> LayoutJob {
    let mut job = LayoutJob::default();
    let font = egui::TextStyle::Body.resolve(ui.style());
    for segment in crate::scorecard::layout::segments(text, findings) {
        let background = if segment.covering.is_empty() {
            Color32::TRANSPARENT
        } else if segment.lost() {
            Color32::from_rgba_unmultiplied(230, 90, 70, 90)
        } else {
            Color32::from_rgba_unmultiplied(80, 190, 110, 80)
        };
        job.append(&text[segment.start..segment.end], 0.0, egui::TextFormat { font_id: font.clone(), color: ui.visuals().text_color(), background, ..Default::default() });
    }
    job
}

fn kpi_table(ui: &mut egui::Ui, lang: Lang, grade: &crate::grading::SessionGrade) {
    ui.strong(t(lang, Msg::Kpis));
    egui::Grid::new("kpis").striped(true).show(ui, |ui| {
        for kpi in &grade.kpis {
            ui.label(kpi.label.get(lang));
            ui.label(kpi.value.map(|v| format!("{v}{}", kpi.unit)).unwrap_or_else(|| "—".into()));
            ui.label(&kpi.target);
            ui.label(match kpi.met {
                Some(true) => "✓",
                Some(false) => "×",
                None => "",
            });
            ui.end_row();
        }
    });
}

/// The transcript with graded spans, and what was missing at each reply point.
fn transcript_ui(ui: &mut egui::Ui, lang: Lang, card: &Scorecard, course: &Course) {
    ui.separator();
    ui.strong(t(lang, Msg::Transcript));
    let turn_ends = crate::scorecard::layout::turn_ends(card);
    // Indexed once per frame: a scan of every finding per line was quadratic.
    let by_line = crate::scorecard::layout::findings_by_line(card);
    for (index, entry) in card.transcript.iter().enumerate() {
        let findings = by_line.get(index).cloned().unwrap_or_default();
        ui.horizontal_wrapped(|ui| {
            ui.weak(format!("{:.0}s {}", entry.at, who(lang, entry.who)));
            if entry.kind == EntryKind::Message {
                let response = ui.label(highlighted(ui, &entry.text, &findings));
                if !findings.is_empty() {
                    response.on_hover_ui(|ui| {
                        for f in &findings {
                            ui.label(format!("{:+.1}/{:.1}: {}", f.points, f.possible, f.explain));
                        }
                    });
                }
            } else if matches!(entry.kind, EntryKind::Typing | EntryKind::Note | EntryKind::Abandoned) {
                // The engine's own notes, in the reader's language.
                ui.weak(entry.shown(lang));
            } else if entry.kind == EntryKind::Action {
                ui.label(shown_action(entry, course, lang));
            } else {
                // Nudges as the buyer wrote them; the engine's notes in the reader's language.
                ui.label(entry.shown(lang));
            }
        });
        // What was missing at a reply point, after its last message.
        if let Some(reply) = turn_ends.get(index).copied().flatten().and_then(|i| card.replies.get(i)) {
            for f in reply.findings.iter().filter(|f| f.span.is_none() && (f.lost() > 0.0 || f.points < 0.0)) {
                ui.colored_label(BAD, format!("   − ({:+.1}/{:.1}): {}", f.points, f.possible, f.explain));
            }
        }
    }
}
