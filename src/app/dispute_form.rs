//! The trainee's side of a dispute, on their own scorecard: the findings that
//! cost points, each with a button to dispute it with a reason, and the
//! disputes already filed with their state and the supervisor's answer.
//! Submitting returns `Command::FileDispute`; `handle` seals the dispute
//! (`DisputeCard::new`) and saves it in the trainee's data folder.

use super::Command;
use crate::content::raw::Lang;
use crate::i18n::{Msg, t};
use crate::scorecard::{DisputeCard, DisputeState, FindingRef, ReviewCard, ReviewIndex, Scorecard};
use eframe::egui;

/// A finding the trainee may dispute.
struct Disputable {
    reference: FindingRef,
    points: f64,
    possible: f64,
    explain: String,
}

/// A dispute already filed on this scorecard.
#[derive(Debug, Clone, PartialEq)]
pub struct Filed {
    pub finding: FindingRef,
    pub explain: String,
    pub reason: String,
    pub state: DisputeState,
    /// Who answered, and the answer.
    pub answer: Option<(String, String)>,
}

pub struct DisputeForm {
    rows: Vec<Disputable>,
    /// The row whose reason is being written, and the reason.
    writing: Option<usize>,
    reason: String,
    filed: Vec<Filed>,
}

impl DisputeForm {
    /// The form for `card`, with the disputes and reviews found in the trainee's data folder.
    pub fn new(card: &Scorecard, disputes: &[DisputeCard], reviews: &[ReviewCard]) -> DisputeForm {
        let rows = crate::scorecard::finding_ref::all(card)
            .into_iter()
            .filter(|(_, finding)| finding.lost() > 0.0 || finding.points < 0.0)
            .map(|(reference, finding)| Disputable { reference, points: finding.points, possible: finding.possible, explain: finding.explain.clone() })
            .collect();
        DisputeForm { rows, writing: None, reason: String::new(), filed: filed(card, disputes, reviews) }
    }

    /// The disputes filed on this scorecard.
    pub fn filed(&self) -> &[Filed] {
        &self.filed
    }

    /// After a dispute was saved: the form closes and the list is read again.
    pub fn refresh(&mut self, card: &Scorecard, disputes: &[DisputeCard], reviews: &[ReviewCard]) {
        self.writing = None;
        self.reason.clear();
        self.filed = filed(card, disputes, reviews);
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, lang: Lang) -> Option<Command> {
        let mut pressed = None;
        if !self.filed.is_empty() {
            ui.strong(t(lang, Msg::DisputeMine));
            for filed in &self.filed {
                ui.horizontal_wrapped(|ui| {
                    ui.label(format!("{} · {}", Msg::ReviewAnswerN.fill(lang, &[("n", &filed.finding.reply)]), filed.explain));
                    ui.strong(t(lang, filed.state.label()));
                });
                ui.weak(format!("{}: {}", t(lang, Msg::DisputeReason), filed.reason));
                if let Some((name, answer)) = &filed.answer {
                    ui.label(format!("{}: {answer}", Msg::DisputeAnswerFrom.fill(lang, &[("name", name)])));
                }
                ui.add_space(4.0);
            }
        }
        if self.rows.is_empty() {
            return None;
        }
        egui::CollapsingHeader::new(t(lang, Msg::DisputeSection)).id_salt("dispute-section").show(ui, |ui| {
            for (index, row) in self.rows.iter().enumerate() {
                let already = self.filed.iter().any(|f| f.finding == row.reference);
                ui.push_id(("disputable", index), |ui| {
                    ui.horizontal_wrapped(|ui| {
                        ui.weak(Msg::ReviewAnswerN.fill(lang, &[("n", &row.reference.reply)]));
                        ui.label(format!("{:+.1}/{:.1}", row.points, row.possible));
                        ui.label(&row.explain);
                        if already {
                            ui.weak(t(lang, Msg::DisputeAlready));
                        } else if self.writing != Some(index) && ui.small_button(t(lang, Msg::DisputeThis)).clicked() {
                            self.writing = Some(index);
                            self.reason.clear();
                        }
                    });
                    if self.writing == Some(index) {
                        let label = ui.label(t(lang, Msg::DisputeReason));
                        ui.add(egui::TextEdit::multiline(&mut self.reason).hint_text(t(lang, Msg::DisputeReasonHint)).desired_rows(2).desired_width(f32::INFINITY)).labelled_by(label.id);
                        ui.horizontal(|ui| {
                            let ready = !self.reason.trim().is_empty();
                            if ui.add_enabled(ready, egui::Button::new(t(lang, Msg::DisputeSubmit))).clicked() {
                                pressed = Some(Command::FileDispute { finding: row.reference.clone(), reason: self.reason.trim().to_string() });
                            }
                            if ui.button(t(lang, Msg::DisputeCancel)).clicked() {
                                self.writing = None;
                            }
                        });
                    }
                });
            }
        });
        pressed
    }
}

/// The disputes of `card` (by its seal), each with its state and answer.
fn filed(card: &Scorecard, disputes: &[DisputeCard], reviews: &[ReviewCard]) -> Vec<Filed> {
    let index = ReviewIndex::build(reviews.iter().map(|r| ((), r)), disputes.iter().map(|d| ((), d)));
    index
        .disputes_of(&card.seal())
        .into_iter()
        .map(|entry| Filed {
            finding: entry.dispute.finding.clone(),
            explain: entry.dispute.disputed.explain.clone(),
            reason: entry.dispute.reason.clone(),
            state: entry.state,
            answer: entry.answered_by.and_then(|(_, review)| review.answers.as_ref().map(|a| (review.reviewer.name.clone(), a.answer.clone()))),
        })
        .collect()
}
