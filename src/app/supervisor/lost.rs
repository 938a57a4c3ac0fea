//! Where a scenario's points are lost: the rules that cost its sessions the
//! most (`scorecard::suggest_practice`, the tally "practise next" uses), how
//! often, and an example of what a trainee wrote there. Summaries carry no
//! findings, so the newest sessions are read whole, on the reading thread,
//! when the supervisor asks.

use super::loader::Located;
use crate::content::raw::{Lang, Text};
use crate::engine::Bundle;
use crate::i18n::{Msg, t};
use crate::scorecard::csv::RecordKind;
use crate::scorecard::{Record, Scorecard};
use crate::store::Opener;
use eframe::egui;
use std::path::PathBuf;

/// At most this many sessions (the newest) are read whole for one scenario.
pub const MAX_SESSIONS: usize = 1000;

/// The rules listed per scenario.
const RULES: usize = 6;

/// One rule that cost points.
#[derive(Debug, Clone, PartialEq)]
pub struct LostRule {
    pub label: Text,
    pub points: f64,
    pub times: usize,
    /// What a trainee wrote where it was lost (a graded span), if it has one.
    pub example: Option<String>,
}

/// A scenario's costliest rules, over the sessions read.
#[derive(Debug, Clone, PartialEq)]
pub struct LostPoints {
    pub scenario: String,
    pub title: Text,
    pub sessions: usize,
    pub rules: Vec<LostRule>,
}

/// The newest sessions with a verdict of `scenario` among `kept` records (what the filters keep).
pub fn sessions<'a>(kept: impl Iterator<Item = &'a Located>, scenario: &str) -> Vec<PathBuf> {
    let mut found: Vec<&Located> = kept.filter(|r| r.summary.kind == RecordKind::Scenario && r.summary.activity.id == scenario && r.summary.has_verdict()).collect();
    found.sort_by(|a, b| b.summary.when_utc.cmp(&a.summary.when_utc));
    found.into_iter().take(MAX_SESSIONS).map(|r| r.path.clone()).collect()
}

/// Reads the sessions whole and tallies their lost points (on the reading thread).
pub fn tally(scenario: String, title: Text, paths: &[PathBuf], opener: &Opener, bundle: &Bundle) -> LostPoints {
    let cards: Vec<Scorecard> = paths
        .iter()
        .filter_map(|path| match opener(path) {
            Ok(Record::Scenario(card)) => Some(card),
            // A file gone or broken since it was listed is left out; the next refresh lists it.
            _ => None,
        })
        .collect();
    let rules = crate::scorecard::suggest_practice(&cards, &bundle.course, &bundle.grader, RULES)
        .into_iter()
        .map(|suggestion| {
            let example = cards.iter().find_map(|card| {
                card.replies.iter().flat_map(|r| &r.findings).filter(|f| f.rule == suggestion.rule && f.lost() > 0.0).find_map(|f| {
                    let span = f.span?;
                    card.transcript.get(span.message)?.text.get(span.start..span.end).map(str::to_string)
                })
            });
            LostRule { label: suggestion.label, points: suggestion.lost, times: suggestion.times, example }
        })
        .collect();
    LostPoints { scenario, title, sessions: cards.len(), rules }
}

/// The list under the scenario table.
pub fn ui(ui: &mut egui::Ui, lang: Lang, lost: &LostPoints) {
    ui.strong(Msg::LostTitle.fill(lang, &[("title", &lost.title.get(lang)), ("n", &lost.sessions)]));
    if lost.rules.is_empty() {
        ui.label(t(lang, Msg::LostNone));
    }
    for rule in &lost.rules {
        let line = Msg::PracticeSummary.fill(lang, &[("label", &rule.label.get(lang)), ("lost", &format!("{:.0}", rule.points)), ("times", &rule.times)]);
        match &rule.example {
            Some(example) => ui.label(format!("{line} · {}", Msg::LostExample.fill(lang, &[("text", example)]))),
            None => ui.label(line),
        };
    }
}
