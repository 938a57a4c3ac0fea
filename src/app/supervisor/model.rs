//! What the dashboard shows, computed once per change (new records, a filter
//! or a sort), never per frame: the cohort table for the filter
//! (`scorecard::cohort::table` over the kept records, the same numbers as
//! `kefu report`), the trainees' display order, the cohort's mean per day,
//! and one trainee's attempts.

use super::filter::{DashFilter, day_number, when_as_days};
use super::loader::Located;
use crate::content::raw::{Lang, Text};
use crate::i18n::Msg;
use crate::scorecard::cohort::{CohortTable, Filter, TraineeRow, table};
use crate::scorecard::csv::RecordKind;
use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};

/// A column of the trainee table, in display order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Name,
    Id,
    Attempts,
    LastActive,
    Best,
    Mean,
    Latest,
    PassRate,
    /// The KPI at this index of `cohort::KPI_IDS`.
    Kpi(usize),
    Exams,
    Typing,
    /// Scenario sessions reviewed or signed off.
    Reviewed,
    /// Disputes no review has answered yet.
    OpenDisputes,
}

impl Column {
    pub const ALL: [Column; 17] = [
        Column::Name,
        Column::Id,
        Column::Attempts,
        Column::LastActive,
        Column::Best,
        Column::Mean,
        Column::Latest,
        Column::PassRate,
        Column::Reviewed,
        Column::OpenDisputes,
        Column::Kpi(0),
        Column::Kpi(1),
        Column::Kpi(2),
        Column::Kpi(3),
        Column::Kpi(4),
        Column::Exams,
        Column::Typing,
    ];

    pub fn title(self) -> Msg {
        match self {
            Column::Name => Msg::Trainee,
            Column::Id => Msg::TraineeId,
            Column::Attempts => Msg::Attempts,
            Column::LastActive => Msg::CohortLastActive,
            Column::Best => Msg::Best,
            Column::Mean => Msg::CohortMean,
            Column::Latest => Msg::CohortLatest,
            Column::PassRate => Msg::CohortPassRate,
            Column::Kpi(0) => Msg::KpiProductAccuracy,
            Column::Kpi(1) => Msg::KpiFirstResponse,
            Column::Kpi(2) => Msg::KpiAverageResponse,
            Column::Kpi(3) => Msg::KpiReplyRatio,
            Column::Kpi(_) => Msg::KpiOrderErrors,
            Column::Exams => Msg::CohortExams,
            Column::Typing => Msg::CohortTypingBest,
            Column::Reviewed => Msg::CohortReviewed,
            Column::OpenDisputes => Msg::CohortOpenDisputes,
        }
    }

    /// The order a first click sorts in: names A→Z, numbers highest first
    /// (a response time or order errors lowest first: the best first either way).
    pub fn first_descending(self) -> bool {
        !matches!(self, Column::Name | Column::Id | Column::Kpi(1) | Column::Kpi(2) | Column::Kpi(4))
    }
}

/// How the trainee table is sorted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sort {
    pub column: Column,
    pub descending: bool,
}

impl Default for Sort {
    /// Who needs help first: the lowest pass rate on top is one click away; by default, by name.
    fn default() -> Sort {
        Sort { column: Column::Name, descending: false }
    }
}

impl Sort {
    /// The sort after a click on `column`'s header: the other way round when it is
    /// the column sorted by already, else that column in its natural order.
    pub fn clicked(self, column: Column) -> Sort {
        if self.column == column { Sort { column, descending: !self.descending } } else { Sort { column, descending: column.first_descending() } }
    }
}

/// Compares two optional numbers, values before blanks whichever the direction.
fn by_value(a: Option<f64>, b: Option<f64>, descending: bool) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) => {
            let order = a.total_cmp(&b);
            if descending { order.reverse() } else { order }
        }
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

fn typing_speed(row: &TraineeRow) -> Option<f64> {
    row.best_typing_cpm.or(row.best_typing_wpm)
}

/// A trainee's review counts over the records the filter keeps.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TraineeMarks {
    pub reviewed: usize,
    pub open_disputes: usize,
}

/// The trainees' indices in `table` in the order `sort` asks for (ties by id, so the order is stable).
pub fn sort_order(table: &CohortTable, marks: &BTreeMap<String, TraineeMarks>, sort: Sort) -> Vec<usize> {
    let marks_of = |id: &str| marks.get(id).copied().unwrap_or_default();
    let rows = &table.trainees;
    let mut order: Vec<usize> = (0..rows.len()).collect();
    let flip = |order: Ordering| if sort.descending { order.reverse() } else { order };
    order.sort_by(|&a, &b| {
        let (a, b) = (&rows[a], &rows[b]);
        let primary = match sort.column {
            Column::Name => flip(a.name.cmp(&b.name)),
            Column::Id => flip(a.id.cmp(&b.id)),
            Column::Attempts => flip(a.attempts.cmp(&b.attempts)),
            Column::LastActive => match (&a.last_active, &b.last_active) {
                (Some(x), Some(y)) => flip(x.cmp(y)),
                (Some(_), None) => Ordering::Less,
                (None, Some(_)) => Ordering::Greater,
                (None, None) => Ordering::Equal,
            },
            Column::Best => by_value(a.best, b.best, sort.descending),
            Column::Mean => by_value(a.mean(), b.mean(), sort.descending),
            Column::Latest => by_value(a.latest, b.latest, sort.descending),
            Column::PassRate => by_value(a.pass_rate(), b.pass_rate(), sort.descending),
            Column::Kpi(index) => by_value(a.kpis().get(index).copied().flatten(), b.kpis().get(index).copied().flatten(), sort.descending),
            Column::Exams => flip((a.exams_passed, a.exams).cmp(&(b.exams_passed, b.exams))),
            Column::Typing => by_value(typing_speed(a), typing_speed(b), sort.descending),
            Column::Reviewed => flip(marks_of(&a.id).reviewed.cmp(&marks_of(&b.id).reviewed)),
            Column::OpenDisputes => flip(marks_of(&a.id).open_disputes.cmp(&marks_of(&b.id).open_disputes)),
        };
        primary.then_with(|| a.id.cmp(&b.id))
    });
    order
}

/// The choices the filters offer: what the records hold (computed once per load).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Choices {
    /// Scenarios by id, with their titles.
    pub scenarios: Vec<(String, Text)>,
    pub categories: Vec<String>,
    pub langs: Vec<Lang>,
}

pub fn choices(records: &[Located]) -> Choices {
    let mut scenarios = BTreeMap::new();
    let mut categories = BTreeSet::new();
    let mut langs = BTreeSet::new();
    for record in records {
        let activity = &record.summary.activity;
        if record.summary.kind == RecordKind::Scenario && !scenarios.contains_key(&activity.id) {
            scenarios.insert(activity.id.clone(), activity.title.clone());
        }
        if !categories.contains(&activity.category) {
            categories.insert(activity.category.clone());
        }
        langs.insert(activity.lang);
    }
    Choices { scenarios: scenarios.into_iter().collect(), categories: categories.into_iter().collect(), langs: langs.into_iter().collect() }
}

/// The dashboard for one filter and sort.
#[derive(Debug, Clone, Default)]
pub struct Derived {
    pub table: CohortTable,
    /// Indices into `table.trainees`, in display order.
    pub order: Vec<usize>,
    /// Indices into `table.scenarios`: the lowest pass rate first (the hardest, or the unfair).
    pub scenario_order: Vec<usize>,
    /// The cohort's mean score per day (day number, mean), scenario sessions with a verdict.
    pub daily: Vec<[f64; 2]>,
    /// Per trainee id: review counts over the kept records.
    pub marks: BTreeMap<String, TraineeMarks>,
    /// Over the kept scenario sessions with a verdict: the mean share of each
    /// of `csv::SHARE_DIMENSIONS`, and the mean of each KPI in `cohort::KPI_IDS`.
    pub dimension_means: [Option<f64>; 5],
    pub kpi_means: [Option<f64>; 5],
}

/// A running mean.
#[derive(Default, Clone, Copy)]
struct Mean(f64, usize);

impl Mean {
    fn add(&mut self, value: f64) {
        self.0 += value;
        self.1 += 1;
    }
    fn get(self) -> f64 {
        self.0 / self.1.max(1) as f64
    }
}

/// One pass over the records for the filter, then the sorts.
pub fn derive(records: &[Located], filter: &DashFilter, sort: Sort) -> Derived {
    let bounds = filter.bounds();
    let mut marks: BTreeMap<String, TraineeMarks> = BTreeMap::new();
    let kept = records
        .iter()
        .filter(|r| filter.keeps(&r.summary, &bounds) && filter.keeps_marks(r.marks))
        .inspect(|r| {
            if r.marks.state != crate::scorecard::ReviewState::None || r.marks.open_disputes > 0 {
                let counts = marks.entry(r.summary.trainee.id.clone()).or_default();
                counts.reviewed += usize::from(r.marks.state != crate::scorecard::ReviewState::None);
                counts.open_disputes += r.marks.open_disputes;
            }
        })
        .map(|r| r.summary.as_ref());
    let mut days: BTreeMap<i64, Mean> = BTreeMap::new();
    let mut dimensions = [Mean::default(); 5];
    let mut kpis = [Mean::default(); 5];
    let table = table(
        kept.inspect(|s| {
            if s.kind != RecordKind::Scenario || !s.has_verdict() {
                return;
            }
            if let Some(day) = s.when_utc.as_deref().and_then(|w| w.get(..10)).and_then(day_number) {
                days.entry(day).or_default().add(s.total);
            }
            for (mean, share) in dimensions.iter_mut().zip(s.shares) {
                if let Some(share) = share {
                    mean.add(f64::from(share));
                }
            }
            for (mean, id) in kpis.iter_mut().zip(crate::scorecard::cohort::KPI_IDS) {
                if let Some(value) = s.kpi(id) {
                    mean.add(value);
                }
            }
        }),
        &Filter::default(),
    );
    let order = sort_order(&table, &marks, sort);
    let mut scenario_order: Vec<usize> = (0..table.scenarios.len()).collect();
    scenario_order.sort_by(|&a, &b| {
        let (a, b) = (&table.scenarios[a], &table.scenarios[b]);
        by_value(a.pass_rate(), b.pass_rate(), false).then_with(|| b.attempts.cmp(&a.attempts)).then_with(|| a.id.cmp(&b.id))
    });
    let daily = days.into_iter().map(|(day, mean)| [day as f64, mean.get()]).collect();
    let some = |mean: Mean| (mean.1 > 0).then(|| mean.get());
    Derived { table, order, scenario_order, daily, marks, dimension_means: dimensions.map(some), kpi_means: kpis.map(some) }
}

/// More points than this on a trainee's chart are drawn as daily means.
const MAX_POINTS: usize = 2000;

/// One trainee's page: their kept records, newest first, and their scores over time.
#[derive(Debug, Clone, Default)]
pub struct TraineePage {
    pub id: String,
    pub name: String,
    /// Indices into the records, newest first.
    pub attempts: Vec<usize>,
    /// (day number with the time of day, score) of each scenario session with a verdict, oldest first.
    pub scores: Vec<[f64; 2]>,
}

pub fn trainee_page(records: &[Located], filter: &DashFilter, id: &str) -> TraineePage {
    let bounds = filter.bounds();
    let mut attempts: Vec<usize> = (0..records.len()).filter(|&i| records[i].summary.trainee.id == id && filter.keeps(&records[i].summary, &bounds)).collect();
    attempts.sort_by(|&a, &b| records[b].summary.when_utc.cmp(&records[a].summary.when_utc).then(b.cmp(&a)));
    let name = attempts.first().map(|&i| records[i].summary.trainee.name.clone()).unwrap_or_default();
    let mut scores: Vec<[f64; 2]> = attempts
        .iter()
        .rev()
        .map(|&i| &records[i].summary)
        .filter(|s| s.kind == RecordKind::Scenario && s.has_verdict())
        .filter_map(|s| s.when_utc.as_deref().and_then(when_as_days).map(|x| [x, s.total]))
        .collect();
    scores.sort_by(|a, b| a[0].total_cmp(&b[0]));
    if scores.len() > MAX_POINTS {
        let mut days: BTreeMap<i64, Mean> = BTreeMap::new();
        for [x, y] in &scores {
            days.entry(x.floor() as i64).or_default().add(*y);
        }
        scores = days.into_iter().map(|(day, mean)| [day as f64 + 0.5, mean.get()]).collect();
    }
    TraineePage { id: id.to_string(), name, attempts, scores }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scorecard::Summary;

    fn record(trainee: &str, scenario: &str, when: &str, total: f64, passed: bool) -> Located {
        let card = crate::scorecard::read(include_str!("../../../tests/fixtures/scorecard-v2.json")).unwrap();
        let mut summary = Summary::from(&card);
        summary.trainee.id = trainee.into();
        summary.trainee.name = format!("name-{trainee}");
        summary.activity.id = scenario.into();
        summary.when_utc = Some(when.into());
        summary.total = total;
        summary.passed = passed;
        summary.abandoned = false;
        Located { path: format!("{trainee}-{when}.json").into(), summary: std::sync::Arc::new(summary), marks: Default::default() }
    }

    fn cohort() -> Vec<Located> {
        vec![
            record("e1", "s1", "2026-11-01T09:00:00Z", 50.0, false),
            record("e1", "s2", "2026-11-02T09:00:00Z", 90.0, true),
            record("e2", "s1", "2026-11-02T10:00:00Z", 70.0, true),
            record("e3", "s2", "2026-11-03T10:00:00Z", 30.0, false),
        ]
    }

    fn ids(derived: &Derived) -> Vec<&str> {
        derived.order.iter().map(|&i| derived.table.trainees[i].id.as_str()).collect()
    }

    #[test]
    fn a_header_click_sorts_and_a_second_click_turns_the_order_round() {
        let records = cohort();
        let by_name = derive(&records, &DashFilter::default(), Sort::default());
        assert_eq!(ids(&by_name), ["e1", "e2", "e3"]);
        let best = Sort::default().clicked(Column::Best);
        assert!(best.descending, "numbers sort highest first");
        assert_eq!(ids(&derive(&records, &DashFilter::default(), best)), ["e1", "e2", "e3"]);
        let pass_rate = best.clicked(Column::PassRate);
        assert_eq!(ids(&derive(&records, &DashFilter::default(), pass_rate)), ["e2", "e1", "e3"]);
        assert_eq!(ids(&derive(&records, &DashFilter::default(), pass_rate.clicked(Column::PassRate))), ["e3", "e1", "e2"]);
    }

    #[test]
    fn dimension_and_kpi_means_count_the_kept_sessions_with_a_verdict() {
        let mut records = cohort();
        // e1's first session: half its accuracy; e3's session ended early (left out).
        std::sync::Arc::make_mut(&mut records[0].summary).shares[0] = Some(0.0);
        std::sync::Arc::make_mut(&mut records[3].summary).abandoned = true;
        std::sync::Arc::make_mut(&mut records[3].summary).shares = [Some(0.0); 5];
        let derived = derive(&records, &DashFilter::default(), Sort::default());
        assert_eq!(derived.dimension_means, [Some(100.0 / 3.0), Some(100.0), Some(100.0), Some(100.0), Some(100.0)]);
        let speed = records[0].summary.kpi("first_response");
        assert_eq!(derived.kpi_means[1], speed, "the fixture's first response, three times");
        let none = derive(&[], &DashFilter::default(), Sort::default());
        assert_eq!((none.dimension_means, none.kpi_means), ([None; 5], [None; 5]));
    }

    #[test]
    fn blanks_sort_last_both_ways() {
        let mut records = cohort();
        std::sync::Arc::make_mut(&mut records[3].summary).abandoned = true; // e3: no verdict, no best
        for descending in [false, true] {
            let derived = derive(&records, &DashFilter::default(), Sort { column: Column::Best, descending });
            assert_eq!(ids(&derived).last(), Some(&"e3"), "descending {descending}");
        }
    }

    #[test]
    fn filters_narrow_the_table_the_daily_means_and_a_trainees_page() {
        let records = cohort();
        let filter = DashFilter { from: "2026-11-02".into(), ..DashFilter::default() };
        let derived = derive(&records, &filter, Sort::default());
        assert_eq!(derived.table.records, 3);
        assert_eq!(derived.daily, vec![[day_number("2026-11-02").unwrap() as f64, 80.0], [day_number("2026-11-03").unwrap() as f64, 30.0]]);
        let failed = DashFilter { verdicts: super::super::filter::Verdicts::Failed, ..DashFilter::default() };
        assert_eq!(ids(&derive(&records, &failed, Sort::default())), ["e1", "e3"]);
        let s1 = DashFilter { scenario: Some("s1".into()), ..DashFilter::default() };
        let derived = derive(&records, &s1, Sort::default());
        assert_eq!((derived.table.records, derived.table.scenarios.len()), (2, 1));

        let page = trainee_page(&records, &DashFilter::default(), "e1");
        assert_eq!((page.name.as_str(), page.attempts.clone()), ("name-e1", vec![1, 0]), "newest first");
        assert_eq!(page.scores.iter().map(|p| p[1]).collect::<Vec<_>>(), [50.0, 90.0], "oldest first");
        assert!(trainee_page(&records, &filter, "e1").attempts == vec![1]);
    }

    #[test]
    fn the_hardest_scenario_comes_first() {
        let records = cohort();
        let derived = derive(&records, &DashFilter::default(), Sort::default());
        let first = &derived.table.scenarios[derived.scenario_order[0]];
        assert_eq!(first.pass_rate(), Some(50.0));
        let choices = choices(&records);
        assert_eq!(choices.scenarios.iter().map(|(id, _)| id.as_str()).collect::<Vec<_>>(), ["s1", "s2"]);
    }
}
