//! The dashboard's filters (date range, scenario, category, conversation
//! language, pass/fail) as the supervisor sets them, what a typed date means
//! (a calendar day, or a problem to show in the UI language), and which
//! records they keep. Dates are compared on the record's UTC day, as
//! `kefu report --since` does.

use crate::content::raw::{Category, Lang};
use crate::i18n::{Msg, t};
use crate::scorecard::Summary;
use crate::scorecard::csv::RecordKind;

/// Which verdicts to keep.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Verdicts {
    #[default]
    All,
    /// Sessions and exams that passed (records with no verdict are left out).
    Passed,
    /// Sessions and exams that failed (records with no verdict are left out).
    Failed,
}

/// Which review states to keep.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Reviews {
    #[default]
    All,
    /// Reviewed or signed off.
    Reviewed,
    /// Not reviewed yet (no review of the scorecard as it is now).
    NotReviewed,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct DashFilter {
    /// As typed: `YYYY-MM-DD`, or empty for no bound.
    pub from: String,
    pub until: String,
    pub scenario: Option<String>,
    /// A category's saved name (`AfterSale`, `Quiz`, `Typing`).
    pub category: Option<String>,
    pub lang: Option<Lang>,
    pub verdicts: Verdicts,
    pub reviewed: Reviews,
}

/// A filter's dates as they apply: each bound a valid day or none (a bad
/// one is shown and left out, so a half-typed date hides nothing).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Bounds {
    pub from: Option<String>,
    pub until: Option<String>,
}

impl DashFilter {
    pub fn bounds(&self) -> Bounds {
        let day = |text: &str| Some(text.trim()).filter(|t| day_number(t).is_some()).map(str::to_string);
        Bounds { from: day(&self.from), until: day(&self.until) }
    }

    /// What is wrong with the typed dates, in `lang`, if anything.
    pub fn problem(&self, lang: Lang) -> Option<String> {
        for (field, text) in [(Msg::FilterFrom, &self.from), (Msg::FilterUntil, &self.until)] {
            let text = text.trim();
            if !text.is_empty() && day_number(text).is_none() {
                return Some(Msg::BadDate.fill(lang, &[("field", &t(lang, field)), ("text", &text)]));
            }
        }
        let bounds = self.bounds();
        match (bounds.from, bounds.until) {
            (Some(from), Some(until)) if from > until => Some(t(lang, Msg::DatesReversed).to_string()),
            _ => None,
        }
    }

    /// Whether a record with these review marks is counted under this filter.
    pub fn keeps_marks(&self, marks: super::loader::Marks) -> bool {
        let reviewed = marks.state != crate::scorecard::ReviewState::None;
        match self.reviewed {
            Reviews::All => true,
            Reviews::Reviewed => reviewed,
            Reviews::NotReviewed => !reviewed,
        }
    }

    /// Whether `summary` is counted under this filter (with `bounds` from `self.bounds()`, computed once).
    pub fn keeps(&self, summary: &Summary, bounds: &Bounds) -> bool {
        if bounds.from.is_some() || bounds.until.is_some() {
            let Some(day) = summary.when_utc.as_deref().and_then(|when| when.get(..10)) else { return false };
            if bounds.from.as_deref().is_some_and(|from| day < from) || bounds.until.as_deref().is_some_and(|until| day > until) {
                return false;
            }
        }
        if self.scenario.as_ref().is_some_and(|id| summary.kind != RecordKind::Scenario || *id != summary.activity.id) {
            return false;
        }
        if self.category.as_ref().is_some_and(|name| *name != summary.activity.category) {
            return false;
        }
        if self.lang.is_some_and(|lang| lang != summary.activity.lang) {
            return false;
        }
        match self.verdicts {
            Verdicts::All => true,
            Verdicts::Passed => summary.has_verdict() && summary.passed,
            Verdicts::Failed => summary.has_verdict() && !summary.passed,
        }
    }

    pub fn is_default(&self) -> bool {
        *self == DashFilter::default()
    }
}

/// A category's saved name in the UI language (a scenario category, quizzes, typing).
pub fn category_label(name: &str, lang: Lang) -> String {
    if let Some(category) = Category::ALL.into_iter().find(|c| c.name() == name) {
        return category.label().get(lang).to_string();
    }
    t(lang, match name {
        "Quiz" => Msg::ReportQuiz,
        "Typing" => Msg::Typing,
        _ => Msg::CategoryOther,
    })
    .to_string()
}

/// The day number (days since 1970-01-01) of a `YYYY-MM-DD` calendar date, or
/// `None` when the text is not one (2026-02-30 is not).
pub fn day_number(text: &str) -> Option<i64> {
    let bytes = text.as_bytes();
    let shaped = bytes.len() == 10 && bytes.iter().enumerate().all(|(i, b)| if i == 4 || i == 7 { *b == b'-' } else { b.is_ascii_digit() });
    if !shaped {
        return None;
    }
    let year: i64 = text[..4].parse().ok()?;
    let month: u32 = text[5..7].parse().ok()?;
    let day: u32 = text[8..10].parse().ok()?;
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days_in_month = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    if day == 0 || day > days_in_month {
        return None;
    }
    // Howard Hinnant's days_from_civil.
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// The `YYYY-MM-DD` date of a day number (the inverse of `day_number`).
pub fn date_of(day: i64) -> String {
    let z = day + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

/// A record's time as a day number with the time of day as a fraction (for charts).
pub fn when_as_days(when: &str) -> Option<f64> {
    let day = day_number(when.get(..10)?)?;
    let secs = |range: std::ops::Range<usize>| when.get(range).and_then(|n| n.parse::<f64>().ok()).unwrap_or(0.0);
    Some(day as f64 + (secs(11..13) * 3600.0 + secs(14..16) * 60.0 + secs(17..19)) / 86_400.0)
}

/// The filter bar: dates typed, the rest chosen from what the records hold.
/// Changes `filter` in place (the screen's own form); a bad date is said below.
pub fn bar(ui: &mut eframe::egui::Ui, lang: Lang, filter: &mut DashFilter, choices: &super::model::Choices) {
    use eframe::egui;
    ui.horizontal_wrapped(|ui| {
        for (label, text) in [(Msg::FilterFrom, &mut filter.from), (Msg::FilterUntil, &mut filter.until)] {
            let label = ui.label(t(lang, label));
            ui.add(egui::TextEdit::singleline(text).hint_text(t(lang, Msg::DateHint)).desired_width(110.0)).labelled_by(label.id);
        }
        let all = t(lang, Msg::FilterAll);
        let scenario_title = |id: &String| choices.scenarios.iter().find(|(s, _)| s == id).map(|(_, title)| title.get(lang).to_string());
        let label = ui.label(t(lang, Msg::FilterScenario));
        let selected = filter.scenario.as_ref().and_then(scenario_title).unwrap_or_else(|| all.to_string());
        egui::ComboBox::from_id_salt("filter-scenario")
            .selected_text(selected)
            .width(180.0)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut filter.scenario, None, all);
                for (id, title) in &choices.scenarios {
                    ui.selectable_value(&mut filter.scenario, Some(id.clone()), title.get(lang));
                }
            })
            .response
            .labelled_by(label.id);
        let label = ui.label(t(lang, Msg::FilterCategory));
        let selected = filter.category.as_deref().map(|name| category_label(name, lang)).unwrap_or_else(|| all.to_string());
        egui::ComboBox::from_id_salt("filter-category")
            .selected_text(selected)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut filter.category, None, all);
                for name in &choices.categories {
                    ui.selectable_value(&mut filter.category, Some(name.clone()), category_label(name, lang));
                }
            })
            .response
            .labelled_by(label.id);
        let lang_label = |chat: Lang| t(lang, if chat == Lang::Zh { Msg::ChineseConversations } else { Msg::EnglishConversations });
        let label = ui.label(t(lang, Msg::FilterLanguage));
        egui::ComboBox::from_id_salt("filter-lang")
            .selected_text(filter.lang.map_or(all, lang_label))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut filter.lang, None, all);
                for chat in [Lang::Zh, Lang::En] {
                    ui.selectable_value(&mut filter.lang, Some(chat), lang_label(chat));
                }
            })
            .response
            .labelled_by(label.id);
        let verdict_label = |verdicts: Verdicts| match verdicts {
            Verdicts::All => all,
            Verdicts::Passed => t(lang, Msg::OnlyPassed),
            Verdicts::Failed => t(lang, Msg::OnlyFailed),
        };
        let label = ui.label(t(lang, Msg::FilterVerdict));
        egui::ComboBox::from_id_salt("filter-verdict")
            .selected_text(verdict_label(filter.verdicts))
            .show_ui(ui, |ui| {
                for verdicts in [Verdicts::All, Verdicts::Passed, Verdicts::Failed] {
                    ui.selectable_value(&mut filter.verdicts, verdicts, verdict_label(verdicts));
                }
            })
            .response
            .labelled_by(label.id);
        let reviewed_label = |reviewed: Reviews| match reviewed {
            Reviews::All => all,
            Reviews::Reviewed => t(lang, Msg::OnlyReviewed),
            Reviews::NotReviewed => t(lang, Msg::OnlyNotReviewed),
        };
        let label = ui.label(t(lang, Msg::FilterReviewed));
        egui::ComboBox::from_id_salt("filter-reviewed")
            .selected_text(reviewed_label(filter.reviewed))
            .show_ui(ui, |ui| {
                for reviewed in [Reviews::All, Reviews::Reviewed, Reviews::NotReviewed] {
                    ui.selectable_value(&mut filter.reviewed, reviewed, reviewed_label(reviewed));
                }
            })
            .response
            .labelled_by(label.id);
        if !filter.is_default() && ui.button(t(lang, Msg::ClearFilters)).clicked() {
            *filter = DashFilter::default();
        }
    });
    if let Some(problem) = filter.problem(lang) {
        ui.colored_label(ui.visuals().warn_fg_color, problem);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_calendar_days_and_round_trip() {
        assert_eq!(day_number("1970-01-01"), Some(0));
        assert_eq!(day_number("2026-11-01").map(date_of).as_deref(), Some("2026-11-01"));
        assert_eq!(day_number("2024-02-29").map(date_of).as_deref(), Some("2024-02-29"));
        for bad in ["2026-02-29", "2026-13-01", "2026-11-31", "2026-1-01", "26-11-01", "yesterday", "2026/11/01", ""] {
            assert_eq!(day_number(bad), None, "{bad}");
        }
        assert_eq!(when_as_days("1970-01-02T12:00:00Z"), Some(1.5));
    }

    #[test]
    fn a_bad_date_is_named_in_the_ui_language_and_left_out() {
        let filter = DashFilter { from: "2026-11-31".into(), until: "2026-12-05".into(), ..DashFilter::default() };
        assert_eq!(filter.bounds(), Bounds { from: None, until: Some("2026-12-05".into()) });
        let problem = filter.problem(Lang::En).unwrap();
        assert!(problem.starts_with("From: “2026-11-31” is not a date"), "{problem}");
        assert!(filter.problem(Lang::Zh).unwrap().starts_with("起始日期"));
        let reversed = DashFilter { from: "2026-12-06".into(), until: "2026-12-05".into(), ..DashFilter::default() };
        assert_eq!(reversed.problem(Lang::En).as_deref(), Some(Msg::DatesReversed.get(Lang::En)));
        assert_eq!(DashFilter::default().problem(Lang::En), None);
    }

    #[test]
    fn categories_are_named_never_spelled_as_saved() {
        assert_eq!(category_label("AfterSale", Lang::Zh), "售后服务");
        assert_eq!(category_label("Typing", Lang::En), "Typing drill");
        assert_eq!(category_label("Quiz", Lang::En), "Quiz");
        assert_eq!(category_label("SomethingNew", Lang::En), "Other");
    }
}
