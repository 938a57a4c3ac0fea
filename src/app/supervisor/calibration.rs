//! The 校准 / Calibration tab: the calibration rounds found in the folders,
//! each with its progress (n of m reviewers submitted) and, once every
//! reviewer has submitted, its report (per finding and dimension how the
//! grader and each reviewer judged it, agreement, Krippendorff's alpha).
//! The rounds are read on the loading thread (`read`); the tab only draws,
//! and its form asks `handle` to set up a new round over picked scorecards.

use crate::content::raw::Lang;
use crate::i18n::{Msg, t};
use crate::scorecard::Verdict;
use crate::scorecard::calibration::{CalibrationRound, Progress, verify_round, visible_reviews};
use crate::scorecard::calibration_export::{item_label, percent, rater_names, rating_label, scorecard_label, summary_lines};
use crate::scorecard::calibration_report::{RoundReport, report};
use crate::store::{FolderSource, RecordSource};
use super::Located;
use crate::app::Command;
use crate::scorecard::RecordKind;
use eframe::egui;
use std::collections::BTreeSet;
use std::path::PathBuf;

/// One round as the tab shows it.
#[derive(Debug, Clone)]
pub struct RoundView {
    pub round: CalibrationRound,
    pub progress: Progress,
    /// Only once every reviewer has submitted: until then the reviews are blind.
    pub report: Option<RoundReport>,
    /// The round's file fails its seals.
    pub edited: bool,
    /// Where each of the round's scorecards is (in the round's order), if found as it was.
    pub paths: Vec<Option<PathBuf>>,
    /// (reviewer index, scorecard index) of every review submitted in the round.
    pub submitted: BTreeSet<(usize, usize)>,
}

/// The rounds in the data folders the source reads (`<data>/calibration/`),
/// their scorecards read whole and the source's reviews, as the reader may see
/// them: the report is built only from the reviews visible to someone who is no
/// reviewer (`visible_reviews`), so it stays closed until everyone submitted.
pub fn read(source: &FolderSource) -> Vec<RoundView> {
    let reviews: Vec<_> = source.reviews().collect();
    let all: Vec<_> = reviews.iter().map(|(_, r)| *r).collect();
    let mut views = Vec::new();
    for root in source.roots() {
        for (_, round) in crate::store::calibration::rounds(root) {
            let progress = round.progress(&all);
            let visible: Vec<_> = visible_reviews(&[&round], None, &reviews).into_iter().map(|(_, r)| r).collect();
            let report = progress.complete().then(|| {
                let cards = crate::store::calibration::round_scorecards(root, &round);
                report(&round, &cards.iter().collect::<Vec<_>>(), &visible)
            });
            let edited = verify_round(&round) != Verdict::Ok;
            let found = crate::store::calibration::round_scorecards_at(root, &round);
            let paths = round.scorecards.iter().map(|s| found.iter().find(|(_, card)| s.names(card)).map(|(path, _)| path.clone())).collect();
            let submitted = round.latest_reviews(&all).into_keys().collect();
            views.push(RoundView { round, progress, report, edited, paths, submitted });
        }
    }
    views
}

/// What tells one reading of the rounds from the next (so a refresh that
/// changed only a round is still sent).
pub fn key(views: &[RoundView]) -> Vec<(String, usize)> {
    views.iter().map(|v| (v.round.seal(), v.progress.submitted)).collect()
}

/// The form that sets up a round: this screen's own state until it is sent.
#[derive(Debug, Default)]
pub struct RoundForm {
    name: String,
    organiser: String,
    /// One `name:id` a line.
    reviewers: String,
    picked: BTreeSet<PathBuf>,
}

/// The scenario sessions the form offers: the newest first, at most this many
/// (a round is a handful of scorecards; the list must stay quick to draw).
const OFFERED: usize = 200;

/// The tab: the rounds, then the form for a new one. Returns the command that creates it.
pub fn ui(ui: &mut egui::Ui, lang: Lang, rounds: &[RoundView], form: &mut RoundForm, records: &[Located]) -> Option<Command> {
    let mut command = None;
    egui::ScrollArea::vertical().id_salt("calibration").auto_shrink([false, false]).show(ui, |ui| {
        if rounds.is_empty() {
            ui.label(t(lang, Msg::CalibNoRounds));
        }
        for (index, view) in rounds.iter().enumerate() {
            if let Some(asked) = round_ui(ui, lang, index, view) {
                command = Some(asked);
            }
            ui.separator();
        }
        egui::CollapsingHeader::new(t(lang, Msg::CalibNew)).id_salt("calibration-new").show(ui, |ui| {
            command = form_ui(ui, lang, form, records);
        });
    });
    command
}

fn form_ui(ui: &mut egui::Ui, lang: Lang, form: &mut RoundForm, records: &[Located]) -> Option<Command> {
    for (label, text) in [(Msg::CalibName, &mut form.name), (Msg::CalibOrganiserField, &mut form.organiser)] {
        ui.horizontal(|ui| {
            let label = ui.label(t(lang, label));
            ui.add(egui::TextEdit::singleline(text).desired_width(240.0)).labelled_by(label.id);
        });
    }
    let label = ui.label(t(lang, Msg::CalibReviewersField));
    ui.add(egui::TextEdit::multiline(&mut form.reviewers).desired_rows(3).desired_width(240.0)).labelled_by(label.id);
    ui.label(t(lang, Msg::CalibPick));
    let mut sessions: Vec<&Located> = records.iter().filter(|r| r.summary.kind == RecordKind::Scenario).collect();
    sessions.sort_by(|a, b| b.summary.when_utc.cmp(&a.summary.when_utc).then_with(|| a.path.cmp(&b.path)));
    egui::ScrollArea::vertical().id_salt("calibration-pick").max_height(220.0).show(ui, |ui| {
        for record in sessions.into_iter().take(OFFERED) {
            let summary = &record.summary;
            let text = format!(
                "{} ({}) · {} · {} · {:.1}",
                summary.trainee.name,
                summary.trainee.id,
                summary.activity.title.get(lang),
                crate::app::local_time::shown(summary.when_utc.as_deref(), lang),
                summary.total
            );
            let mut on = form.picked.contains(&record.path);
            if ui.checkbox(&mut on, text).changed() {
                if on {
                    form.picked.insert(record.path.clone());
                } else {
                    form.picked.remove(&record.path);
                }
            }
        }
    });
    if ui.button(t(lang, Msg::CalibCreate)).clicked() {
        return Some(Command::NewCalibrationRound {
            name: form.name.clone(),
            organiser: form.organiser.clone(),
            reviewers: form.reviewers.lines().map(str::to_string).collect(),
            scorecards: form.picked.iter().cloned().collect(),
        });
    }
    None
}

fn round_ui(ui: &mut egui::Ui, lang: Lang, index: usize, view: &RoundView) -> Option<Command> {
    let round = &view.round;
    ui.heading(Msg::CalibReportTitle.fill(lang, &[("name", &round.name)]));
    if view.edited {
        ui.colored_label(ui.visuals().warn_fg_color, t(lang, Msg::CalibRoundEdited));
    }
    let Some(report) = &view.report else {
        ui.label(Msg::CalibProgress.fill(lang, &[("n", &view.progress.submitted), ("m", &view.progress.reviewers)]));
        ui.weak(t(lang, Msg::CalibWaiting));
        return blind_reviews_ui(ui, lang, index, view);
    };
    for line in summary_lines(round, report, lang) {
        ui.label(line);
    }
    let names = rater_names(round, lang);
    egui::Grid::new(("calibration-items", index)).striped(true).num_columns(names.len() + 3).spacing(egui::vec2(14.0, 4.0)).show(ui, |ui| {
        ui.strong(t(lang, Msg::ReviewScorecard));
        ui.strong(t(lang, Msg::CalibItem));
        for name in &names {
            ui.strong(name);
        }
        ui.strong(t(lang, Msg::CalibAgreement));
        ui.end_row();
        for item in &report.items {
            ui.label(scorecard_label(round, item.scorecard, lang));
            // The grader's explanation can run long: the first words say which finding it is.
            let label = item_label(item, lang);
            let short: String = label.chars().take(48).collect();
            let shown = ui.label(if short.len() < label.len() { format!("{short}…") } else { short });
            shown.on_hover_text(label);
            for rating in &item.ratings {
                ui.label(rating_label(*rating, lang));
            }
            let agreement = percent(item.agreement);
            if item.spread() > 1 {
                ui.colored_label(ui.visuals().warn_fg_color, agreement);
            } else {
                ui.label(agreement);
            }
            ui.end_row();
        }
    });
    ui.weak(t(lang, Msg::CalibAlphaNote));
    None
}

/// Each reviewer's part of a round still open: per scorecard, review it blind
/// (the panel shows none of the others' round reviews), or submitted.
fn blind_reviews_ui(ui: &mut egui::Ui, lang: Lang, index: usize, view: &RoundView) -> Option<Command> {
    let round = &view.round;
    let mut command = None;
    egui::Grid::new(("calibration-blind", index)).striped(true).num_columns(round.reviewers.len() + 1).show(ui, |ui| {
        ui.strong(t(lang, Msg::ReviewScorecard));
        for reviewer in &round.reviewers {
            ui.strong(format!("{} ({})", reviewer.name, reviewer.id));
        }
        ui.end_row();
        for (item, card) in round.scorecards.iter().enumerate() {
            // Two sessions of one trainee at one scenario differ by their time.
            let label = format!("{} · {}", scorecard_label(round, item, lang), crate::app::local_time::shown(card.when_utc.as_deref(), lang));
            ui.label(&label);
            for (rater, reviewer) in round.reviewers.iter().enumerate() {
                if view.submitted.contains(&(rater, item)) {
                    ui.label(t(lang, Msg::CalibSubmitted));
                    continue;
                }
                let Some(path) = &view.paths[item] else {
                    ui.weak(t(lang, Msg::CalibCardMissing));
                    continue;
                };
                let button = ui.push_id(("blind", index, item, rater), |ui| ui.button(t(lang, Msg::CalibReviewBlind))).inner;
                crate::app::look::read_out_as(&button, &format!("{} · {} · {label}", t(lang, Msg::CalibReviewBlind), reviewer.name));
                if button.clicked() {
                    command = Some(Command::OpenRoundReview { round: round.id(), scorecard: path.clone(), reviewer: reviewer.clone() });
                }
            }
            ui.end_row();
        }
    });
    command
}
