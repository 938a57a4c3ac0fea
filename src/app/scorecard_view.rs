//! After a session: the scorecard (total and pass/fail, KPIs against their
//! thresholds, the transcript with graded spans highlighted and each finding's
//! explanation on hover), retry, export; and "my scorecards", the list of past attempts.

use super::i18n::t;
use super::{KefuApp, Screen};
use crate::engine::{EntryKind, Who};
use crate::grading::Finding;
use crate::scorecard::csv::RecordKind;
use crate::scorecard::{Record, RecordRef, Scorecard};
use eframe::egui::{self, Color32, text::LayoutJob};

pub struct ScorecardView {
    pub cards: Vec<Scorecard>,
    pub selected: usize,
    /// The scenario's pinned passing example played through the engine, per
    /// card: the model answer shown beside the trainee's own (played once).
    models: Vec<Option<Option<crate::engine::PlanResult>>>,
}

impl ScorecardView {
    pub fn new(cards: Vec<Scorecard>) -> ScorecardView {
        let models = vec![None; cards.len()];
        ScorecardView { cards, selected: 0, models }
    }
}

/// The first passing example of `scenario`, played with its own seed: what a
/// good conversation at this scenario looks like.
fn model_answer(bundle: &std::sync::Arc<crate::engine::Bundle>, scenario: &str) -> Option<crate::engine::PlanResult> {
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
        job.append(
            &text[segment.start..segment.end],
            0.0,
            egui::TextFormat { font_id: font.clone(), color: ui.visuals().text_color(), background, ..Default::default() },
        );
    }
    job
}

pub fn scorecard_ui(app: &mut KefuApp, ui: &mut egui::Ui) -> Option<Screen> {
    let Screen::Scorecard(view) = &mut app.screen else { return None };
    let lang = app.settings.ui_lang;
    let mut next = None;
    let mut export = None;
    ui.horizontal(|ui| {
        ui.heading(t(lang, "scorecard"));
        for (index, card) in view.cards.iter().enumerate() {
            if view.cards.len() > 1 && ui.selectable_label(view.selected == index, &card.draw.buyer_name).clicked() {
                view.selected = index;
            }
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui.button(t(lang, "home")).clicked() {
                next = Some(Screen::Home);
            }
            if ui.button(t(lang, "retry")).clicked() {
                let ids: Vec<String> = view.cards.iter().map(|c| c.scenario.id.clone()).collect();
                next = Some(RetryRequest(ids).into_screen());
            }
            for format in ["html", "csv", "json"] {
                if ui.button(format!("{} {}", t(lang, "export"), format.to_uppercase())).clicked() {
                    export = Some(format);
                }
            }
        });
    });
    if let Some(status) = &app.status {
        ui.weak(status);
    }
    ui.separator();
    let Some(card) = view.cards.get(view.selected) else { return Some(Screen::Home) };
    let grade = &card.grade;
    ui.horizontal(|ui| {
        let (text, colour) = if grade.passed { (t(lang, "passed"), Color32::from_rgb(40, 150, 70)) } else { (t(lang, "failed"), Color32::from_rgb(200, 60, 50)) };
        ui.label(egui::RichText::new(text).color(colour).strong().size(22.0));
        ui.label(egui::RichText::new(format!("{}: {:.1}/100", t(lang, "total"), grade.total)).size(20.0));
        ui.label(format!("{} · {}", t(lang, &format!("{:?}", grade.outcome)), card.scenario.title.get(lang)));
    });
    // Why it passed or failed: the total against the pass mark, critical failures, the outcome.
    let content_lang = card.scenario.lang;
    let rule_label = |rule: &str| {
        let id = rule.strip_prefix("critical:").unwrap_or(rule);
        app.bundle.grader.lexicon.entry(id).map(|e| e.label.get(content_lang).to_string()).unwrap_or_else(|| t(lang, "critical_condition").to_string())
    };
    for reason in crate::grading::verdict::reasons(grade, rule_label) {
        let colour = if reason.fails() { Color32::from_rgb(200, 60, 50) } else { Color32::from_rgb(40, 150, 70) };
        ui.colored_label(colour, format!("{} {}", if reason.fails() { "×" } else { "✓" }, reason.text(lang)));
    }
    ui.horizontal_top(|ui| {
        ui.vertical(|ui| {
            ui.strong(t(lang, "dimensions"));
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
    let selected = view.selected;
    let model = view.models.get_mut(selected).map(|slot| slot.get_or_insert_with(|| model_answer(&app.bundle, &card.scenario.id)));
    if let Some(Some(model)) = model {
        egui::CollapsingHeader::new(t(lang, "model_answer")).id_salt(("model", selected)).show(ui, |ui| {
            ui.weak(format!("{} {:.1}/100", t(lang, "model_answer_note"), model.grade.total));
            for entry in &model.transcript {
                let who = match entry.who {
                    Who::Buyer => t(lang, "buyer"),
                    Who::Agent => t(lang, "agent"),
                    Who::System => "—",
                };
                if entry.kind == EntryKind::Message {
                    ui.label(format!("{:.0}s {who}: {}", entry.at, entry.text));
                }
            }
        });
    }
    transcript_ui(ui, lang, card);
    if let Some(format) = export {
        let message = export_card(app, format);
        if !message.is_empty() {
            app.status = Some(message);
        }
    }
    next
}

fn kpi_table(ui: &mut egui::Ui, lang: crate::content::raw::Lang, grade: &crate::grading::SessionGrade) {
    ui.strong(t(lang, "kpis"));
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
fn transcript_ui(ui: &mut egui::Ui, lang: crate::content::raw::Lang, card: &Scorecard) {
    ui.separator();
    ui.strong(t(lang, "transcript"));
    let turn_ends = crate::scorecard::layout::turn_ends(card);
    // Indexed once per frame: a scan of every finding per line was quadratic.
    let by_line = crate::scorecard::layout::findings_by_line(card);
    egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
        for (index, entry) in card.transcript.iter().enumerate() {
            let findings = by_line.get(index).cloned().unwrap_or_default();
            let who = match entry.who {
                Who::Buyer => t(lang, "buyer"),
                Who::Agent => t(lang, "agent"),
                Who::System => "—",
            };
            ui.horizontal_wrapped(|ui| {
                ui.weak(format!("{:.0}s {who}", entry.at));
                if entry.kind == EntryKind::Message {
                    let response = ui.label(highlighted(ui, &entry.text, &findings));
                    if !findings.is_empty() {
                        response.on_hover_ui(|ui| {
                            for f in &findings {
                                ui.label(format!("{:+.1}/{:.1}: {}", f.points, f.possible, f.explain));
                            }
                        });
                    }
                } else if let Some(note) = entry.typing_note(lang) {
                    ui.weak(note);
                } else {
                    ui.label(&entry.text);
                }
            });
            // What was missing at a reply point, after its last message.
            if let Some(reply) = turn_ends[index].and_then(|i| card.replies.get(i)) {
                for f in reply.findings.iter().filter(|f| f.span.is_none() && (f.lost() > 0.0 || f.points < 0.0)) {
                    ui.colored_label(Color32::from_rgb(200, 60, 50), format!("   − ({:+.1}/{:.1}): {}", f.points, f.possible, f.explain));
                }
            }
        }
    });
}

/// Exports the shown scorecard through the native save dialogue, or, where
/// there is none (no desktop session bus, e.g. under Xvfb), into
/// `<data>/exports/`, and says where it went.
fn export_card(app: &KefuApp, format: &str) -> String {
    let Screen::Scorecard(view) = &app.screen else { return String::new() };
    let Some(card) = view.cards.get(view.selected) else { return String::new() };
    export_record(app, card.into(), format)
}

/// Exports one record (scenario or quiz) as html, csv or json; says where it went.
pub fn export_record(app: &KefuApp, card: RecordRef, format: &str) -> String {
    let mut bytes = Vec::new();
    let written = match format {
        "html" => crate::scorecard::html::write(&mut bytes, [card]),
        "csv" => crate::scorecard::csv::write_summary(&mut bytes, [card]),
        _ => {
            bytes.extend(card.to_json().as_bytes());
            Ok(())
        }
    };
    if let Err(error) = written {
        return format!("export: {error}");
    }
    let file_name = card.file_name().replace(".json", &format!(".{format}"));
    let path = if std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some() {
        match rfd::FileDialog::new().set_file_name(&file_name).add_filter(format, &[format]).save_file() {
            Some(path) => path,
            None => return String::new(), // cancelled
        }
    } else {
        app.data.join("exports").join(&file_name)
    };
    match crate::store::write_atomic(&path, &bytes) {
        Ok(()) => format!("{} {}", t(app.settings.ui_lang, "exported"), path.display()),
        Err(error) => format!("export: {error}"),
    }
}

/// Retrying needs the app (for the clock and bundle), which the screen closure
/// cannot borrow; the home screen starts it.
struct RetryRequest(Vec<String>);

impl RetryRequest {
    fn into_screen(self) -> Screen {
        match self.0.as_slice() {
            [one] => Screen::Briefing { scenario: one.clone() },
            _ => Screen::Home,
        }
    }
}

pub fn list_ui(app: &mut KefuApp, ui: &mut egui::Ui) -> Option<Screen> {
    let lang = app.settings.ui_lang;
    let mut next = None;
    ui.horizontal(|ui| {
        ui.heading(t(lang, "my_scorecards"));
        if ui.button(t(lang, "back")).clicked() {
            next = Some(Screen::Home);
        }
    });
    ui.separator();
    let now = app.clock.now();
    let mut problem = None;
    let saved = app.saved();
    if saved.summaries.is_empty() {
        ui.label(t(lang, "no_scorecards"));
    }
    egui::ScrollArea::vertical().show(ui, |ui| {
        egui::Grid::new("scorecards").striped(true).show(ui, |ui| {
            for (path, summary) in saved.summaries.iter().rev() {
                ui.label(summary.when_utc.clone().unwrap_or_default());
                ui.label(summary.activity.title.get(lang));
                ui.label(match summary.kind {
                    RecordKind::Scenario => format!("{:.1}", summary.total),
                    RecordKind::Quiz => format!("{:.1}%", summary.total),
                });
                ui.label(if summary.passed { t(lang, "passed") } else { t(lang, "failed") });
                if ui.button(format!("{} {}", t(lang, "open"), summary.activity.id)).clicked() {
                    match crate::store::read_record(path) {
                        Ok(Record::Scenario(card)) => next = Some(Screen::Scorecard(Box::new(super::ScorecardView::new(vec![card])))),
                        Ok(Record::Quiz(card)) => next = Some(Screen::Quiz(Box::new(super::QuizView::from_card(card, now)))),
                        Err(error) => problem = Some(error.to_string()),
                    }
                }
                ui.end_row();
            }
        });
    });
    if let Some(message) = problem {
        app.status = Some(message);
    }
    next
}
