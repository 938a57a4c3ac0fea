//! The grader graded, in the supervisor's workspace: per rule, how often the
//! reviews in the folders agreed with the grader, overturned a finding, or
//! added one it missed, most disagreement first, so a trainer sees which
//! lexicon entries mislead. Counted once per reading of the folders
//! (`grader_agreement`: each reviewer's latest review of a scorecard, none of
//! a scorecard changed since), never per frame.

use super::Located;
use crate::content::Course;
use crate::content::raw::Lang;
use crate::i18n::{Msg, t};
use crate::scorecard::ReviewCard;
use crate::scorecard::grader_agreement::{self, RuleAgreement};
use crate::store::Beside;
use eframe::egui;
use std::collections::HashMap;

/// The table and how many reviews it counts.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Agreement {
    pub reviews: usize,
    pub rows: Vec<RuleAgreement>,
}

/// Counts the reviews in `beside`, leaving out those of a scorecard in the
/// folders whose seal has changed since it was reviewed.
pub fn count(beside: &Beside, records: &[Located]) -> Agreement {
    let seals: HashMap<String, &str> = records.iter().map(|r| (r.summary.record_id(), r.summary.seal.as_str())).collect();
    let current: Vec<&ReviewCard> =
        beside.reviews.iter().map(|(_, review)| review).filter(|review| seals.get(&review.scorecard.id).is_none_or(|seal| *seal == review.scorecard.seal)).collect();
    let counted = grader_agreement::counting(&current, &[]);
    Agreement { reviews: counted.len(), rows: grader_agreement::tally(&counted) }
}

/// The rule's label in the reader's language, when the course's lexicon has it.
fn label(course: &Course, rule: &str, lang: Lang) -> Option<String> {
    crate::scorecard::practice::rule_label(rule, course, lang)
}

pub fn ui(ui: &mut egui::Ui, lang: Lang, agreement: &Agreement, course: &Course) {
    if agreement.rows.is_empty() {
        ui.label(t(lang, Msg::AgreementNone));
        return;
    }
    ui.label(Msg::AgreementTitle.fill(lang, &[("reviews", &agreement.reviews), ("rules", &agreement.rows.len())]));
    egui::ScrollArea::vertical().id_salt("agreement").auto_shrink([false, false]).show(ui, |ui| {
        egui::Grid::new("agreement-rows").striped(true).num_columns(6).show(ui, |ui| {
            for title in [Msg::AgreementRule, Msg::AgreementRate, Msg::AgreementJudged, Msg::AgreementAgreed, Msg::AgreementOverturned, Msg::AgreementAdded] {
                ui.strong(t(lang, title));
            }
            ui.end_row();
            for row in &agreement.rows {
                // The rule's id is what a trainer edits in the lexicon; its label says what it is.
                match label(course, &row.rule, lang) {
                    Some(label) => ui.label(format!("{label} ({})", row.rule)),
                    None => ui.label(&row.rule),
                };
                let rate = format!("{:.1}%", row.disagreement() * 100.0);
                if row.disagreement() >= 0.5 {
                    ui.colored_label(ui.visuals().warn_fg_color, rate);
                } else {
                    ui.label(rate);
                }
                for n in [row.judged, row.agreed, row.overturned, row.added] {
                    ui.label(n.to_string());
                }
                ui.end_row();
            }
        });
    });
}
