//! The supervisor's review panel beside an opened scorecard: per finding agree
//! or disagree (a reason when disagreeing), findings the grader missed,
//! dimension overrides, a comment, the decision on a trainee's dispute, and
//! sign-off. The form is the screen's own state; saving returns
//! `Command::SaveReview` and `handle` seals the draft (`ReviewCard::new`) and
//! saves it beside the scorecard, which is never touched. What is missing is
//! said in the UI language before saving, so the core's checks never have to.

use super::Command;
use crate::content::raw::Lang;
use crate::grading::Dimension;
use crate::grading::verdict::dimension_label;
use crate::i18n::{Msg, t};
use crate::scorecard::reviewed_score::{self, Changes};
use crate::scorecard::{AddedFinding, Decision, DimensionOverride, DisputeCard, FindingRef, Judgement, ReviewCard, ReviewDraft, Reviewer, Scorecard, Stance};
use eframe::egui;

/// One grader finding and the reviewer's view of it.
struct FindingRow {
    reference: FindingRef,
    dimension: Dimension,
    points: f64,
    possible: f64,
    explain: String,
    stance: Option<Stance>,
    reason: String,
}

/// A finding the grader missed, as typed.
struct AddedRow {
    reply: usize,
    dimension: Dimension,
    points: String,
    what: String,
}

/// A dimension's score set by hand, as typed.
struct OverrideRow {
    dimension: Dimension,
    pct: String,
    reason: String,
}

/// The dispute this review answers.
struct Answering {
    dispute: DisputeCard,
    decision: Option<Decision>,
    answer: String,
}

pub struct ReviewForm {
    pub name: String,
    pub id: String,
    rows: Vec<FindingRow>,
    added: Vec<AddedRow>,
    overrides: Vec<OverrideRow>,
    comment: String,
    answering: Option<Answering>,
    /// The reviews already saved of this scorecard, newest last.
    earlier: Vec<ReviewCard>,
    replies: usize,
    /// Just saved: the panel says so instead of offering a blank form that a
    /// second click would save as another review.
    just_saved: bool,
    /// The calibration round this review is made in (its id and name): the
    /// reviewer is the round's, fixed, and the review is sealed with the round.
    round: Option<(String, String)>,
}

/// The dimensions a reviewer may override or add to (platform rules are deductions, not a share).
const OVERRIDABLE: [Dimension; 5] = [Dimension::Accuracy, Dimension::Steps, Dimension::Tone, Dimension::Speed, Dimension::Actions];

impl ReviewForm {
    /// A blank review of `card` by the named reviewer; `answering` is a
    /// trainee's dispute of it to decide, `earlier` the reviews saved so far.
    pub fn new(card: &Scorecard, name: &str, id: &str, answering: Option<DisputeCard>, earlier: Vec<ReviewCard>) -> ReviewForm {
        let rows = crate::scorecard::finding_ref::all(card)
            .into_iter()
            .map(|(reference, finding)| FindingRow {
                reference,
                dimension: finding.dimension,
                points: finding.points,
                possible: finding.possible,
                explain: finding.explain.clone(),
                stance: None,
                reason: String::new(),
            })
            .collect();
        ReviewForm {
            name: name.to_string(),
            id: id.to_string(),
            rows,
            added: Vec::new(),
            overrides: Vec::new(),
            comment: String::new(),
            answering: answering.map(|dispute| Answering { dispute, decision: None, answer: String::new() }),
            earlier,
            replies: card.replies.len(),
            just_saved: false,
            round: None,
        }
    }

    /// A blind review of `card` by one of `round`'s reviewers; `earlier` is
    /// what that reviewer may see (`visible_reviews`).
    pub fn in_round(card: &Scorecard, round: (String, String), reviewer: &crate::scorecard::Reviewer, earlier: Vec<ReviewCard>) -> ReviewForm {
        let mut form = ReviewForm::new(card, &reviewer.name, &reviewer.id, None, earlier);
        form.round = Some(round);
        form
    }

    /// The round's id, when the review is made in a calibration round.
    pub fn round(&self) -> Option<&str> {
        self.round.as_ref().map(|(id, _)| id.as_str())
    }

    /// The form after a review was saved: blank, with that review among the
    /// earlier ones, showing what was saved until another is asked for.
    pub fn after_saving(&self, card: &Scorecard, saved: ReviewCard) -> ReviewForm {
        let (name, id) = (saved.reviewer.name.clone(), saved.reviewer.id.clone());
        let mut earlier = self.earlier.clone();
        earlier.push(saved);
        let mut form = ReviewForm::new(card, &name, &id, None, earlier);
        form.just_saved = true;
        form.round = self.round.clone();
        form
    }

    /// The reviews saved of this scorecard before this one.
    pub fn earlier(&self) -> &[ReviewCard] {
        &self.earlier
    }

    /// The dispute this review answers, if any.
    pub fn answering(&self) -> Option<&DisputeCard> {
        self.answering.as_ref().map(|a| &a.dispute)
    }

    /// Sets a finding's judgement (the panel's radio buttons; tests drive it too).
    pub fn judge(&mut self, reference: &FindingRef, stance: Stance, reason: &str) {
        if let Some(row) = self.rows.iter_mut().find(|row| row.reference == *reference) {
            row.stance = Some(stance);
            reason.clone_into(&mut row.reason);
        }
    }

    /// The first thing missing before the review can be saved, in words for the reviewer.
    pub fn missing(&self) -> Option<Msg> {
        if self.name.trim().is_empty() || self.id.trim().is_empty() {
            return Some(Msg::ReviewNeedReviewer);
        }
        if self.rows.iter().any(|row| row.stance == Some(Stance::Disagree) && row.reason.trim().is_empty()) {
            return Some(Msg::ReviewNeedReason);
        }
        if self.added.iter().any(|row| row.what.trim().is_empty() || added_points(&row.points).is_none()) {
            return Some(Msg::ReviewNeedAdded);
        }
        if self.overrides.iter().any(|row| row.reason.trim().is_empty() || override_pct(&row.pct).is_none()) {
            return Some(Msg::ReviewNeedOverride);
        }
        if let Some(answering) = &self.answering {
            match answering.decision {
                None => return Some(Msg::ReviewNeedDecision),
                Some(_) if answering.answer.trim().is_empty() => return Some(Msg::ReviewNeedAnswer),
                Some(_) => {}
            }
        }
        None
    }

    /// The judgements, added findings and overrides as they stand (what is
    /// typed but not yet valid is left out), with the dispute's decision
    /// folded in as the command line folds it: accepting disagrees with the
    /// disputed finding, rejecting agrees, unless the reviewer judged it.
    fn parts(&self) -> (Vec<Judgement>, Vec<AddedFinding>, Vec<DimensionOverride>) {
        let mut judgements: Vec<Judgement> = self
            .rows
            .iter()
            .filter_map(|row| row.stance.map(|stance| Judgement { finding: row.reference.clone(), stance, reason: row.reason.trim().to_string() }))
            .collect();
        if let Some(answering) = &self.answering
            && let Some(decision) = answering.decision
            && !judgements.iter().any(|j| j.finding == answering.dispute.finding)
        {
            let stance = if decision == Decision::Accepted { Stance::Disagree } else { Stance::Agree };
            judgements.push(Judgement { finding: answering.dispute.finding.clone(), stance, reason: answering.answer.trim().to_string() });
        }
        let added = self
            .added
            .iter()
            .filter_map(|row| {
                let points = added_points(&row.points)?;
                (!row.what.trim().is_empty()).then(|| AddedFinding {
                    reply: row.reply,
                    message: None,
                    rule: row.what.trim().to_string(),
                    dimension: row.dimension,
                    points,
                    comment: String::new(),
                })
            })
            .collect();
        let overrides = self
            .overrides
            .iter()
            .filter_map(|row| {
                let score_pct = override_pct(&row.pct)?;
                (!row.reason.trim().is_empty()).then(|| DimensionOverride { dimension: row.dimension, score_pct, reason: row.reason.trim().to_string() })
            })
            .collect();
        (judgements, added, overrides)
    }

    /// The review to seal, once nothing is missing.
    pub fn draft(&self, when_utc: Option<String>, signed_off: bool) -> Option<ReviewDraft> {
        if self.missing().is_some() {
            return None;
        }
        let (judgements, added, overrides) = self.parts();
        let answers = self.answering.as_ref().and_then(|a| a.decision.map(|decision| (a.dispute.clone(), decision, a.answer.trim().to_string())));
        Some(ReviewDraft {
            reviewer: Reviewer { name: self.name.trim().to_string(), id: self.id.trim().to_string() },
            when_utc,
            judgements,
            added,
            overrides,
            comment: self.comment.trim().to_string(),
            signed_off,
            answers,
        })
    }

    /// Draws the panel; returns what was pressed.
    pub fn ui(&mut self, ui: &mut egui::Ui, lang: Lang, card: &Scorecard) -> Option<Command> {
        let mut pressed = None;
        ui.heading(t(lang, Msg::ReviewPanel));
        ui.weak(t(lang, Msg::ReviewPanelNote));
        if self.just_saved {
            if let Some(saved) = self.earlier.last() {
                ui.label(t(lang, Msg::ReviewSaved));
                ui.strong(review_line(saved, lang));
                if !saved.comment.is_empty() {
                    ui.weak(&saved.comment);
                }
            }
            if ui.button(t(lang, Msg::ReviewAnother)).clicked() {
                self.just_saved = false;
            }
            return None;
        }
        self.earlier_ui(ui, lang);
        if let Some((_, name)) = &self.round {
            ui.colored_label(ui.visuals().warn_fg_color, Msg::ReviewInRound.fill(lang, &[("name", name)]));
        }
        // In a round the reviewer is the round's, chosen in the 校准 tab.
        let fixed = self.round.is_some();
        egui::Grid::new("reviewer").num_columns(2).show(ui, |ui| {
            let label = ui.label(t(lang, Msg::ReviewerName));
            ui.add_enabled(!fixed, egui::TextEdit::singleline(&mut self.name).desired_width(180.0)).labelled_by(label.id);
            ui.end_row();
            let label = ui.label(t(lang, Msg::ReviewerId));
            ui.add_enabled(!fixed, egui::TextEdit::singleline(&mut self.id).desired_width(180.0)).labelled_by(label.id);
            ui.end_row();
        });
        self.dispute_ui(ui, lang);
        ui.separator();
        ui.strong(t(lang, Msg::ReviewJudgeFindings));
        if self.rows.is_empty() {
            ui.weak(t(lang, Msg::ReviewNoFindings));
        }
        for (index, row) in self.rows.iter_mut().enumerate() {
            ui.push_id(("finding", index), |ui| finding_ui(ui, lang, row));
        }
        ui.separator();
        self.added_ui(ui, lang);
        self.overrides_ui(ui, lang);
        ui.separator();
        let label = ui.label(t(lang, Msg::ReviewComment));
        ui.add(egui::TextEdit::multiline(&mut self.comment).hint_text(t(lang, Msg::ReviewCommentHint)).desired_rows(2).desired_width(f32::INFINITY)).labelled_by(label.id);
        // The reviewed score as judged so far, beside the auto score: never blended silently.
        let (judgements, added, overrides) = self.parts();
        let scored = reviewed_score::score(card, Changes { judgements: &judgements, added: &added, overrides: &overrides });
        ui.label(format!("{}: {:.1} · {}", t(lang, Msg::AutoScore), card.grade.total, Msg::ReviewLive.fill(lang, &[("score", &format!("{:.1}", scored.total))])));
        let missing = self.missing();
        if let Some(missing) = missing {
            ui.colored_label(ui.visuals().warn_fg_color, t(lang, missing));
        }
        ui.horizontal(|ui| {
            if ui.add_enabled(missing.is_none(), egui::Button::new(t(lang, Msg::ReviewSignOff))).clicked() {
                pressed = Some(Command::SaveReview { signed_off: true });
            }
            if ui.add_enabled(missing.is_none(), egui::Button::new(t(lang, Msg::ReviewSaveUnsigned))).clicked() {
                pressed = Some(Command::SaveReview { signed_off: false });
            }
        });
        pressed
    }

    fn earlier_ui(&self, ui: &mut egui::Ui, lang: Lang) {
        if self.earlier.is_empty() {
            return;
        }
        egui::CollapsingHeader::new(format!("{} ({})", t(lang, Msg::ReviewEarlier), self.earlier.len())).id_salt("earlier-reviews").show(ui, |ui| {
            for review in &self.earlier {
                ui.label(review_line(review, lang));
                if !review.comment.is_empty() {
                    ui.weak(&review.comment);
                }
            }
        });
    }

    fn dispute_ui(&mut self, ui: &mut egui::Ui, lang: Lang) {
        let Some(answering) = &mut self.answering else { return };
        ui.separator();
        let dispute = &answering.dispute;
        ui.strong(Msg::ReviewDisputeFrom.fill(lang, &[("name", &dispute.trainee.name)]));
        ui.label(format!("{} · {:+.1}/{:.1} · {}", Msg::ReviewAnswerN.fill(lang, &[("n", &dispute.finding.reply)]), dispute.disputed.points, dispute.disputed.possible, dispute.disputed.explain));
        ui.label(format!("{}: {}", t(lang, Msg::DisputeReason), dispute.reason));
        ui.horizontal(|ui| {
            ui.radio_value(&mut answering.decision, Some(Decision::Accepted), t(lang, Msg::ReviewAccept));
            ui.radio_value(&mut answering.decision, Some(Decision::Rejected), t(lang, Msg::ReviewReject));
        });
        let label = ui.label(t(lang, Msg::DisputeAnswer));
        ui.add(egui::TextEdit::multiline(&mut answering.answer).hint_text(t(lang, Msg::ReviewAnswerHint)).desired_rows(2).desired_width(f32::INFINITY)).labelled_by(label.id);
    }

    fn added_ui(&mut self, ui: &mut egui::Ui, lang: Lang) {
        let replies = self.replies;
        let mut remove = None;
        for (index, row) in self.added.iter_mut().enumerate() {
            ui.push_id(("added", index), |ui| {
                ui.horizontal_wrapped(|ui| {
                    egui::ComboBox::from_id_salt("reply")
                        .selected_text(Msg::ReviewAnswerN.fill(lang, &[("n", &row.reply)]))
                        .show_ui(ui, |ui| {
                            for n in 1..=replies {
                                ui.selectable_value(&mut row.reply, n, Msg::ReviewAnswerN.fill(lang, &[("n", &n)]));
                            }
                        });
                    dimension_combo(ui, lang, "dimension", &mut row.dimension);
                    let label = ui.label(t(lang, Msg::ReviewAddedPoints));
                    ui.add(egui::TextEdit::singleline(&mut row.points).desired_width(48.0)).labelled_by(label.id);
                    if ui.small_button(t(lang, Msg::ReviewRemove)).clicked() {
                        remove = Some(index);
                    }
                });
                let label = ui.label(t(lang, Msg::ReviewAddedWhat));
                ui.add(egui::TextEdit::singleline(&mut row.what).desired_width(f32::INFINITY)).labelled_by(label.id);
            });
        }
        if let Some(index) = remove {
            self.added.remove(index);
        }
        if replies > 0 && ui.button(t(lang, Msg::ReviewAddMissed)).clicked() {
            self.added.push(AddedRow { reply: 1, dimension: Dimension::Steps, points: String::new(), what: String::new() });
        }
    }

    fn overrides_ui(&mut self, ui: &mut egui::Ui, lang: Lang) {
        let mut remove = None;
        for (index, row) in self.overrides.iter_mut().enumerate() {
            ui.push_id(("override", index), |ui| {
                ui.horizontal_wrapped(|ui| {
                    dimension_combo(ui, lang, "dimension", &mut row.dimension);
                    let label = ui.label(t(lang, Msg::ReviewOverridePct));
                    ui.add(egui::TextEdit::singleline(&mut row.pct).desired_width(48.0)).labelled_by(label.id);
                    if ui.small_button(t(lang, Msg::ReviewRemove)).clicked() {
                        remove = Some(index);
                    }
                });
                let label = ui.label(t(lang, Msg::ReviewReason));
                ui.add(egui::TextEdit::singleline(&mut row.reason).hint_text(t(lang, Msg::ReviewRequiredReason)).desired_width(f32::INFINITY)).labelled_by(label.id);
            });
        }
        if let Some(index) = remove {
            self.overrides.remove(index);
        }
        // One override per dimension: offer the next dimension not yet overridden.
        let free = OVERRIDABLE.into_iter().find(|d| !self.overrides.iter().any(|row| row.dimension == *d));
        if let Some(dimension) = free
            && ui.button(t(lang, Msg::ReviewAddOverride)).clicked()
        {
            self.overrides.push(OverrideRow { dimension, pct: String::new(), reason: String::new() });
        }
    }
}

/// "张主管 · 2026年11月2日 09:28 · 自动评分: 0.0 → 复核后得分: 5.0 · 已签核".
fn review_line(review: &ReviewCard, lang: Lang) -> String {
    let state = if review.signed_off { Msg::ReviewStateSignedOff } else { Msg::ReviewStateReviewed };
    format!(
        "{} · {} · {}: {:.1} → {}: {:.1} · {}",
        review.reviewer.name,
        super::local_time::shown(review.when_utc.as_deref(), lang),
        t(lang, Msg::AutoScore),
        review.score.auto,
        t(lang, Msg::ReviewedScore),
        review.score.reviewed,
        t(lang, state)
    )
}

fn finding_ui(ui: &mut egui::Ui, lang: Lang, row: &mut FindingRow) {
    ui.horizontal_wrapped(|ui| {
        ui.weak(Msg::ReviewAnswerN.fill(lang, &[("n", &row.reference.reply)]));
        ui.label(format!("{:+.1}/{:.1}", row.points, row.possible));
        ui.label(&row.explain);
    });
    ui.horizontal(|ui| {
        ui.label(dimension_label(row.dimension).get(lang));
        // Each radio is read out with its finding: the rows' buttons would otherwise all be "同意".
        let about = format!("{} · {}", Msg::ReviewAnswerN.fill(lang, &[("n", &row.reference.reply)]), row.explain);
        for (stance, word) in [(Stance::Agree, Msg::ReviewAgree), (Stance::Disagree, Msg::ReviewDisagree)] {
            let chosen = row.stance == Some(stance);
            let radio = ui.radio(chosen, t(lang, word));
            radio.widget_info(|| egui::WidgetInfo::selected(egui::Role::RadioButton, true, chosen, format!("{} · {about}", t(lang, word))));
            if radio.clicked() {
                row.stance = Some(stance);
            }
        }
        if row.stance.is_some() && ui.small_button(t(lang, Msg::ReviewClearJudgement)).clicked() {
            row.stance = None;
        }
    });
    if row.stance == Some(Stance::Disagree) {
        let label = ui.label(t(lang, Msg::ReviewReason));
        ui.add(egui::TextEdit::singleline(&mut row.reason).hint_text(t(lang, Msg::ReviewDisagreeHint)).desired_width(f32::INFINITY)).labelled_by(label.id);
    }
    ui.add_space(4.0);
}

fn dimension_combo(ui: &mut egui::Ui, lang: Lang, salt: &str, dimension: &mut Dimension) {
    egui::ComboBox::from_id_salt(salt).selected_text(dimension_label(*dimension).get(lang)).show_ui(ui, |ui| {
        for choice in OVERRIDABLE {
            ui.selectable_value(dimension, choice, dimension_label(choice).get(lang));
        }
    });
}

/// Points typed for an added finding: a number within the core's bounds.
fn added_points(text: &str) -> Option<f64> {
    let limit = crate::scorecard::review_check::MAX_ADDED_POINTS;
    text.trim().replace('+', "").parse::<f64>().ok().filter(|p| p.is_finite() && p.abs() <= limit)
}

/// A dimension's score typed as a percentage (a trailing % is allowed).
fn override_pct(text: &str) -> Option<f64> {
    text.trim().trim_end_matches(['%', '%']).trim().parse::<f64>().ok().filter(|p| (0.0..=100.0).contains(p))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_numbers_are_read_within_their_bounds() {
        assert_eq!(added_points(" -5 "), Some(-5.0));
        assert_eq!(added_points("+3"), Some(3.0));
        for bad in ["", "many", "101", "NaN", "inf"] {
            assert_eq!(added_points(bad), None, "{bad}");
        }
        assert_eq!(override_pct("80%"), Some(80.0));
        assert_eq!(override_pct("75"), Some(75.0));
        for bad in ["-1", "100.5", "", "x%"] {
            assert_eq!(override_pct(bad), None, "{bad}");
        }
    }
}
