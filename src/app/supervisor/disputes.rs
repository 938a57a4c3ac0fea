//! The supervisor's dispute queue: every trainee's dispute in the folders with
//! its state (open → accepted / rejected, derived from the reviews that answer
//! it), filtered by trainee, scenario, finding, state and how long it has
//! waited. "Handle" opens the scorecard with the review panel set to decide
//! the dispute; a decided one opens to be read. Rows are built once per
//! reading of the folders, never per frame.

use crate::app::Command;
use crate::content::raw::{Lang, Text};
use crate::i18n::{Msg, t};
use crate::scorecard::{DisputeState, ReviewIndex};
use crate::store::Beside;
use eframe::egui;
use std::collections::HashMap;
use std::path::PathBuf;
use std::time::SystemTime;

use super::Located;

/// One dispute as the queue lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct DisputeRow {
    pub dispute: PathBuf,
    /// The scorecard disputed, if it is in the folders read (with the same seal).
    pub scorecard: Option<PathBuf>,
    pub trainee_name: String,
    pub trainee_id: String,
    pub scenario_id: String,
    pub scenario: Text,
    pub rule: String,
    pub explain: String,
    pub reason: String,
    pub state: DisputeState,
    /// Whole days since it was filed (none for an untimed one).
    pub waited_days: Option<u64>,
}

/// The queue's filters; a new queue shows the open disputes.
#[derive(Debug, Clone, PartialEq)]
pub struct QueueFilter {
    pub state: Option<DisputeState>,
    pub trainee: String,
    pub scenario: Option<String>,
    pub rule: String,
    pub min_days: String,
}

impl Default for QueueFilter {
    fn default() -> QueueFilter {
        QueueFilter { state: Some(DisputeState::Open), trainee: String::new(), scenario: None, rule: String::new(), min_days: String::new() }
    }
}

impl QueueFilter {
    pub fn keeps(&self, row: &DisputeRow) -> bool {
        let contains = |hay: &str, needle: &str| needle.trim().is_empty() || hay.to_lowercase().contains(&needle.trim().to_lowercase());
        let min_days = self.min_days.trim().parse::<u64>().ok();
        self.state.is_none_or(|state| state == row.state)
            && (contains(&row.trainee_name, &self.trainee) || contains(&row.trainee_id, &self.trainee))
            && self.scenario.as_ref().is_none_or(|id| *id == row.scenario_id)
            && (contains(&row.rule, &self.rule) || contains(&row.explain, &self.rule))
            && min_days.is_none_or(|min| row.waited_days.is_some_and(|days| days >= min))
    }
}

/// Every dispute in `beside`, oldest first, each with its state and the scorecard it names.
pub fn rows(beside: &Beside, records: &[Located], now: SystemTime) -> Vec<DisputeRow> {
    let index = ReviewIndex::build(beside.reviews.iter().map(|(p, r)| (p, r)), beside.disputes.iter().map(|(p, d)| (p, d)));
    let by_seal: HashMap<&str, &PathBuf> = records.iter().map(|r| (r.summary.seal.as_str(), &r.path)).collect();
    let mut rows: Vec<DisputeRow> = index
        .disputes()
        .iter()
        .map(|entry| {
            let dispute = entry.dispute;
            let card = &dispute.scorecard;
            DisputeRow {
                dispute: entry.key.clone(),
                scorecard: by_seal.get(card.seal.as_str()).map(|p| (*p).clone()),
                trainee_name: dispute.trainee.name.clone(),
                trainee_id: dispute.trainee.id.clone(),
                scenario_id: card.scenario.id.clone(),
                scenario: card.scenario.title.clone(),
                rule: dispute.finding.rule.clone(),
                explain: dispute.disputed.explain.clone(),
                reason: dispute.reason.clone(),
                state: entry.state,
                waited_days: dispute.when_utc.as_deref().and_then(|when| days_since(when, now)),
            }
        })
        .collect();
    rows.sort_by(|a, b| b.waited_days.cmp(&a.waited_days).then_with(|| a.dispute.cmp(&b.dispute)));
    rows
}

fn days_since(when_utc: &str, now: SystemTime) -> Option<u64> {
    let filed = humantime::parse_rfc3339_weak(when_utc).ok()?;
    Some(now.duration_since(filed).map_or(0, |d| d.as_secs() / 86_400))
}

/// The filters and the table; returns the command of a row's button.
pub fn ui(ui: &mut egui::Ui, lang: Lang, rows: &[DisputeRow], filter: &mut QueueFilter, scenarios: &[(String, Text)]) -> Option<Command> {
    filter_bar(ui, lang, filter, scenarios);
    let kept: Vec<&DisputeRow> = rows.iter().filter(|row| filter.keeps(row)).collect();
    if kept.is_empty() {
        ui.label(t(lang, Msg::DisputeQueueEmpty));
        return None;
    }
    let mut pressed = None;
    // The finding and the reason share what the fixed columns leave (truncated, whole on hover).
    let free = (ui.available_width() - 560.0).max(240.0);
    let (finding_width, reason_width) = (free * 0.55, free * 0.45);
    egui::ScrollArea::vertical().id_salt("dispute-queue").auto_shrink([false, false]).show(ui, |ui| {
        egui::Grid::new("dispute-rows").striped(true).num_columns(7).show(ui, |ui| {
            for title in [Msg::DisputeTrainee, Msg::FilterScenario, Msg::DisputeRule, Msg::DisputeReason, Msg::DisputeState, Msg::DisputeWaiting] {
                ui.strong(t(lang, title));
            }
            ui.label("");
            ui.end_row();
            for (index, row) in kept.iter().enumerate() {
                ui.label(format!("{} ({})", row.trainee_name, row.trainee_id));
                ui.label(row.scenario.get(lang));
                fixed_cell(ui, &row.explain, finding_width);
                fixed_cell(ui, &row.reason, reason_width);
                ui.label(t(lang, row.state.label()));
                ui.label(row.waited_days.map_or("—".to_string(), |n| Msg::DisputeDays.fill(lang, &[("n", &n)])));
                if let Some(scorecard) = &row.scorecard {
                    let open = row.state == DisputeState::Open;
                    let button = ui.push_id(("handle", index), |ui| ui.button(t(lang, if open { Msg::DisputeHandle } else { Msg::DisputeView }))).inner;
                    super::read_out(&button, &format!("{} · {} · {}", t(lang, if open { Msg::DisputeHandle } else { Msg::DisputeView }), row.trainee_name, row.explain));
                    if button.clicked() {
                        pressed = Some(if open {
                            Command::AnswerDispute { scorecard: scorecard.clone(), dispute: row.dispute.clone() }
                        } else {
                            Command::OpenCohortRecord { path: scorecard.clone() }
                        });
                    }
                } else {
                    ui.weak("—");
                }
                ui.end_row();
            }
        });
    });
    pressed
}

/// A cell of one width: long text is cut with "…" and shown whole on hover.
fn fixed_cell(ui: &mut egui::Ui, text: &str, width: f32) {
    ui.allocate_ui(egui::vec2(width, ui.spacing().interact_size.y), |ui| {
        ui.set_min_width(width);
        ui.add(egui::Label::new(text).truncate()).on_hover_text(text);
    });
}

fn filter_bar(ui: &mut egui::Ui, lang: Lang, filter: &mut QueueFilter, scenarios: &[(String, Text)]) {
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(t(lang, Msg::DisputeState));
        let shown = filter.state.map_or(t(lang, Msg::FilterAll), |s| t(lang, s.label()));
        egui::ComboBox::from_id_salt("dispute-state").selected_text(shown).show_ui(ui, |ui| {
            ui.selectable_value(&mut filter.state, None, t(lang, Msg::FilterAll));
            for state in [DisputeState::Open, DisputeState::Accepted, DisputeState::Rejected] {
                ui.selectable_value(&mut filter.state, Some(state), t(lang, state.label()));
            }
        })
        .response
        .labelled_by(label.id);
        let label = ui.label(t(lang, Msg::FilterScenario));
        let shown = filter.scenario.as_ref().and_then(|id| scenarios.iter().find(|(s, _)| s == id)).map_or(t(lang, Msg::FilterAll).to_string(), |(_, title)| title.get(lang).to_string());
        egui::ComboBox::from_id_salt("dispute-scenario").selected_text(shown).show_ui(ui, |ui| {
            ui.selectable_value(&mut filter.scenario, None, t(lang, Msg::FilterAll));
            for (id, title) in scenarios {
                ui.selectable_value(&mut filter.scenario, Some(id.clone()), title.get(lang));
            }
        })
        .response
        .labelled_by(label.id);
        for (title, field, width) in [(Msg::DisputeTrainee, &mut filter.trainee, 100.0), (Msg::DisputeRuleFilter, &mut filter.rule, 100.0), (Msg::DisputeOlderThan, &mut filter.min_days, 40.0)] {
            let label = ui.label(t(lang, title));
            ui.add(egui::TextEdit::singleline(field).desired_width(width)).labelled_by(label.id);
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(state: DisputeState, days: Option<u64>) -> DisputeRow {
        DisputeRow {
            dispute: PathBuf::from("d.json"),
            scorecard: None,
            trainee_name: "王小明".into(),
            trainee_id: "E1".into(),
            scenario_id: "s1".into(),
            scenario: Text { zh: "场景".into(), en: "Scenario".into() },
            rule: "greet".into(),
            explain: "没有问候".into(),
            reason: "我问候了".into(),
            state,
            waited_days: days,
        }
    }

    #[test]
    fn the_filters_keep_by_state_trainee_scenario_finding_and_age() {
        let open = row(DisputeState::Open, Some(3));
        let filter = QueueFilter::default();
        assert!(filter.keeps(&open));
        assert!(!filter.keeps(&row(DisputeState::Rejected, Some(3))), "a new queue shows the open ones");
        let all = QueueFilter { state: None, ..QueueFilter::default() };
        assert!(all.keeps(&row(DisputeState::Accepted, None)));
        assert!(QueueFilter { trainee: "e1".into(), ..QueueFilter::default() }.keeps(&open), "an employee number, any case");
        assert!(QueueFilter { trainee: "小明".into(), ..QueueFilter::default() }.keeps(&open));
        assert!(!QueueFilter { trainee: "李".into(), ..QueueFilter::default() }.keeps(&open));
        assert!(!QueueFilter { scenario: Some("s2".into()), ..QueueFilter::default() }.keeps(&open));
        assert!(QueueFilter { rule: "问候".into(), ..QueueFilter::default() }.keeps(&open), "the finding's words");
        assert!(QueueFilter { rule: "GREET".into(), ..QueueFilter::default() }.keeps(&open), "the rule id");
        assert!(QueueFilter { min_days: "3".into(), ..QueueFilter::default() }.keeps(&open));
        assert!(!QueueFilter { min_days: "4".into(), ..QueueFilter::default() }.keeps(&open));
        assert!(!QueueFilter { min_days: "1".into(), ..QueueFilter::default() }.keeps(&row(DisputeState::Open, None)), "an untimed one has no age");
    }

    #[test]
    fn days_are_whole_days_since_filing_and_a_future_time_is_zero() {
        let now = humantime::parse_rfc3339("2026-11-10T12:00:00Z").unwrap();
        assert_eq!(days_since("2026-11-08T13:00:00Z", now), Some(1));
        assert_eq!(days_since("2026-11-11T00:00:00Z", now), Some(0));
        assert_eq!(days_since("not a time", now), None);
    }
}
