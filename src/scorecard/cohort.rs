//! The cohort table a supervisor reads: per trainee (attempts, last active,
//! best/mean/latest score, pass rate, the KPIs' means, exams) and per scenario
//! (attempts, pass rate, mean score), built in one pass over record summaries
//! from any `store::RecordSource`; written as CSV (as the other exports: BOM,
//! neutralised formulas, ids as text) or as a printable, script-free HTML page
//! in the reader's language.
//!
//! Scores, pass rates and KPI means count only scenario sessions with a verdict
//! (`Summary::has_verdict`): one the trainee ended early is counted as an
//! attempt and as ended early, never as a fail or a low score. Practice and
//! review quizzes have no verdict either; exams are counted on their own.

use super::csv::{RecordKind, Summary, TYPING_ACCURACY, id_cell, neutralise};
use super::html::escape;
use crate::content::raw::{Lang, Text};
use crate::i18n::Msg;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::Write;

/// The seed-000 KPIs the table averages, by their record ids, in column order.
pub const KPI_IDS: [&str; 5] = ["product_accuracy", "first_response", "average_response", "reply_ratio", "order_errors"];

/// Which records the table counts. `since` is a date, `YYYY-MM-DD` (UTC):
/// records from that day on; a record with no time is left out then.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filter {
    pub trainee: Option<String>,
    pub since: Option<String>,
}

impl Filter {
    fn keeps(&self, summary: &Summary) -> bool {
        let trainee = self.trainee.as_ref().is_none_or(|id| *id == summary.trainee.id);
        let since = self.since.as_ref().is_none_or(|date| summary.when_utc.as_ref().is_some_and(|when| when.as_str() >= date.as_str()));
        trainee && since
    }
}

/// A running mean.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct Mean {
    sum: f64,
    count: usize,
}

impl Mean {
    fn add(&mut self, value: f64) {
        self.sum += value;
        self.count += 1;
    }

    fn get(self) -> Option<f64> {
        (self.count > 0).then(|| self.sum / self.count as f64)
    }
}

/// One trainee's row.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TraineeRow {
    pub id: String,
    /// The name on the trainee's latest record.
    pub name: String,
    /// Scenario sessions, ended early or not.
    pub attempts: usize,
    pub ended_early: usize,
    /// The latest record's time (UTC, as recorded), of any kind.
    pub last_active: Option<String>,
    pub best: Option<f64>,
    mean: Mean,
    pub latest: Option<f64>,
    latest_when: Option<String>,
    /// Scenario sessions with a verdict, and how many passed.
    pub verdicts: usize,
    pub passed: usize,
    kpis: [Mean; 5],
    pub exams: usize,
    pub exams_passed: usize,
    pub best_exam: Option<f64>,
    /// Practice and review quizzes (no verdict).
    pub practice_quizzes: usize,
    /// Typing-drill phrases, and the best speed of an accurate copy (95 % or
    /// better, as the drill's personal best counts) per drill language:
    /// Chinese characters per minute, English words per minute.
    pub typing_phrases: usize,
    pub best_typing_cpm: Option<f64>,
    pub best_typing_wpm: Option<f64>,
}

impl TraineeRow {
    /// The mean total of the scenario sessions with a verdict.
    pub fn mean(&self) -> Option<f64> {
        self.mean.get()
    }

    /// Passed / with a verdict, in percent.
    pub fn pass_rate(&self) -> Option<f64> {
        rate(self.passed, self.verdicts)
    }

    /// The mean of each KPI in `KPI_IDS` order (over sessions with a verdict that have it).
    pub fn kpis(&self) -> [Option<f64>; 5] {
        self.kpis.map(Mean::get)
    }
}

/// One scenario's row.
#[derive(Debug, Clone, PartialEq)]
pub struct ScenarioRow {
    pub id: String,
    pub title: Text,
    pub attempts: usize,
    pub verdicts: usize,
    pub passed: usize,
    mean: Mean,
}

impl ScenarioRow {
    pub fn pass_rate(&self) -> Option<f64> {
        rate(self.passed, self.verdicts)
    }

    pub fn mean(&self) -> Option<f64> {
        self.mean.get()
    }
}

fn rate(part: usize, whole: usize) -> Option<f64> {
    (whole > 0).then(|| 100.0 * part as f64 / whole as f64)
}

/// The whole table: trainees by id, scenarios by id, and how many records it counts.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CohortTable {
    pub trainees: Vec<TraineeRow>,
    pub scenarios: Vec<ScenarioRow>,
    pub records: usize,
}

/// Builds the table in one pass over `summaries` (linear in their number).
pub fn table<'a>(summaries: impl IntoIterator<Item = &'a Summary>, filter: &Filter) -> CohortTable {
    let mut trainees: BTreeMap<String, TraineeRow> = BTreeMap::new();
    let mut scenarios: BTreeMap<String, ScenarioRow> = BTreeMap::new();
    let mut records = 0;
    for summary in summaries.into_iter().filter(|s| filter.keeps(s)) {
        records += 1;
        let row = trainees.entry(summary.trainee.id.clone()).or_insert_with(|| TraineeRow { id: summary.trainee.id.clone(), ..TraineeRow::default() });
        if row.name.is_empty() || summary.when_utc >= row.last_active {
            row.name.clone_from(&summary.trainee.name);
        }
        if summary.when_utc > row.last_active {
            row.last_active.clone_from(&summary.when_utc);
        }
        match summary.kind {
            RecordKind::Quiz if summary.has_verdict() => {
                row.exams += 1;
                row.exams_passed += usize::from(summary.passed);
                row.best_exam = Some(row.best_exam.map_or(summary.total, |best| best.max(summary.total)));
            }
            RecordKind::Quiz => row.practice_quizzes += 1,
            RecordKind::Typing => {
                row.typing_phrases += 1;
                let accurate = summary.kpi(TYPING_ACCURACY).is_some_and(|pct| pct >= crate::quiz::typing::BEST_MIN_ACCURACY * 100.0);
                let best = match summary.activity.lang {
                    Lang::Zh => &mut row.best_typing_cpm,
                    Lang::En => &mut row.best_typing_wpm,
                };
                if accurate {
                    *best = Some(best.map_or(summary.total, |b: f64| b.max(summary.total)));
                }
            }
            RecordKind::Scenario => {
                row.attempts += 1;
                let scenario = scenarios.entry(summary.activity.id.clone()).or_insert_with(|| ScenarioRow {
                    id: summary.activity.id.clone(),
                    title: summary.activity.title.clone(),
                    attempts: 0,
                    verdicts: 0,
                    passed: 0,
                    mean: Mean::default(),
                });
                scenario.attempts += 1;
                if !summary.has_verdict() {
                    row.ended_early += 1;
                    continue;
                }
                scenario.verdicts += 1;
                scenario.passed += usize::from(summary.passed);
                scenario.mean.add(summary.total);
                row.verdicts += 1;
                row.passed += usize::from(summary.passed);
                row.mean.add(summary.total);
                row.best = Some(row.best.map_or(summary.total, |best| best.max(summary.total)));
                if row.latest.is_none() || summary.when_utc >= row.latest_when {
                    row.latest = Some(summary.total);
                    row.latest_when.clone_from(&summary.when_utc);
                }
                for (mean, id) in row.kpis.iter_mut().zip(KPI_IDS) {
                    if let Some(value) = summary.kpi(id) {
                        mean.add(value);
                    }
                }
            }
        }
    }
    CohortTable { trainees: trainees.into_values().collect(), scenarios: scenarios.into_values().collect(), records }
}

const BOM: &[u8] = b"\xef\xbb\xbf";

/// A number rounded to two decimals, or an empty cell.
fn number(value: Option<f64>) -> String {
    value.map(|v| ((v * 100.0).round() / 100.0).to_string()).unwrap_or_default()
}

pub const TRAINEE_HEADER: [&str; 23] = [
    "trainee_id", "trainee_name", "attempts", "ended_early", "last_active_utc", "best_score", "mean_score", "latest_score",
    "verdicts", "passed", "pass_rate_pct", "product_accuracy_pct", "first_response_secs", "average_response_secs",
    "reply_ratio_pct", "order_errors", "exams", "exams_passed", "best_exam_pct", "practice_quizzes",
    "typing_phrases", "best_typing_zh_chars_per_min", "best_typing_en_wpm",
];

pub const SCENARIO_HEADER: [&str; 8] =
    ["scenario_id", "scenario_title_zh", "scenario_title_en", "attempts", "verdicts", "passed", "pass_rate_pct", "mean_score"];

/// One row per trainee.
pub fn write_trainees_csv(out: impl Write, table: &CohortTable) -> std::io::Result<()> {
    let mut out = out;
    out.write_all(BOM)?;
    let mut writer = ::csv::Writer::from_writer(out);
    writer.write_record(TRAINEE_HEADER)?;
    for row in &table.trainees {
        let mut cells = vec![
            id_cell(&row.id),
            neutralise(&row.name),
            row.attempts.to_string(),
            row.ended_early.to_string(),
            neutralise(row.last_active.as_deref().unwrap_or_default()),
            number(row.best),
            number(row.mean()),
            number(row.latest),
            row.verdicts.to_string(),
            row.passed.to_string(),
            number(row.pass_rate()),
        ];
        cells.extend(row.kpis().map(number));
        cells.extend([row.exams.to_string(), row.exams_passed.to_string(), number(row.best_exam), row.practice_quizzes.to_string()]);
        cells.extend([row.typing_phrases.to_string(), number(row.best_typing_cpm), number(row.best_typing_wpm)]);
        writer.write_record(&cells)?;
    }
    writer.flush()
}

/// One row per scenario.
pub fn write_scenarios_csv(out: impl Write, table: &CohortTable) -> std::io::Result<()> {
    let mut out = out;
    out.write_all(BOM)?;
    let mut writer = ::csv::Writer::from_writer(out);
    writer.write_record(SCENARIO_HEADER)?;
    for row in &table.scenarios {
        writer.write_record([
            id_cell(&row.id),
            neutralise(&row.title.zh),
            neutralise(&row.title.en),
            row.attempts.to_string(),
            row.verdicts.to_string(),
            row.passed.to_string(),
            number(row.pass_rate()),
            number(row.mean()),
        ])?;
    }
    writer.flush()
}

const STYLE: &str = r#"
@page { size: A4 landscape; margin: 12mm; }
body { font-family: "Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", "Helvetica Neue", Arial, sans-serif;
       font-size: 9pt; color: #1d1d1f; margin: 0 auto; line-height: 1.35; }
h1 { font-size: 15pt; margin: 0 0 2mm; } h2 { font-size: 11.5pt; margin: 5mm 0 2mm; border-bottom: 1px solid #ccc; }
.meta { color: #555; font-size: 8.5pt; }
table { border-collapse: collapse; width: 100%; } th, td { border: 1px solid #d0d0d0; padding: 0.8mm 1.5mm; text-align: left; vertical-align: top; }
th { background: #f2f2f2; } .num { text-align: right; white-space: nowrap; }
tr { page-break-inside: avoid; } thead { display: table-header-group; }
"#;

/// A number with one decimal and a unit, or a dash.
fn shown(value: Option<f64>, unit: &str) -> String {
    value.map(|v| format!("{}{unit}", (v * 10.0).round() / 10.0)).unwrap_or_else(|| "—".into())
}

fn header_row(html: &mut String, lang: Lang, columns: &[Msg]) -> std::fmt::Result {
    html.push_str("<thead><tr>");
    for column in columns {
        write!(html, "<th>{}</th>", escape(column.get(lang)))?;
    }
    html.push_str("</tr></thead>\n");
    Ok(())
}

fn cells(html: &mut String, texts: &[String], numeric_from: usize) -> std::fmt::Result {
    html.push_str("<tr>");
    for (index, text) in texts.iter().enumerate() {
        let class = if index >= numeric_from { " class=\"num\"" } else { "" };
        write!(html, "<td{class}>{}</td>", escape(text))?;
    }
    html.push_str("</tr>\n");
    Ok(())
}

/// The printable page: both tables, every word from `Msg` in `lang`, no script.
/// `unreadable` lists the files that could not be read (their paths).
/// The best typing speeds, each with its unit in the page's language ("—" when none).
fn typing_best(row: &TraineeRow, lang: Lang) -> String {
    let speeds: Vec<String> = [(row.best_typing_cpm, Lang::Zh), (row.best_typing_wpm, Lang::En)]
        .into_iter()
        .filter_map(|(best, drill)| best.map(|b| format!("{b:.0} {}", crate::i18n::typing_unit(drill).get(lang))))
        .collect();
    if speeds.is_empty() { "—".to_string() } else { speeds.join(" · ") }
}

pub fn write_html(mut out: impl Write, table: &CohortTable, filter: &Filter, unreadable: &[String], lang: Lang) -> std::io::Result<()> {
    let mut html = String::new();
    page(&mut html, table, filter, unreadable, lang).map_err(std::io::Error::other)?;
    out.write_all(html.as_bytes())
}

fn page(html: &mut String, table: &CohortTable, filter: &Filter, unreadable: &[String], lang: Lang) -> std::fmt::Result {
    writeln!(
        html,
        "<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\">\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\
         <title>{title}</title><style>{STYLE}</style></head><body>\n<h1>{title}</h1>",
        if lang == Lang::Zh { "zh-CN" } else { "en" },
        title = escape(Msg::CohortTitle.get(lang)),
    )?;
    let mut meta = vec![Msg::CohortRecords.fill(lang, &[("n", &table.records)])];
    if let Some(id) = &filter.trainee {
        meta.push(Msg::CohortOneTrainee.fill(lang, &[("id", id)]));
    }
    if let Some(date) = &filter.since {
        meta.push(Msg::CohortSince.fill(lang, &[("date", date)]));
    }
    writeln!(html, "<p class=\"meta\">{}</p>", escape(&meta.join(" · ")))?;
    if table.records == 0 {
        writeln!(html, "<p>{}</p>", escape(Msg::CohortNoRecords.get(lang)))?;
    }

    writeln!(html, "<h2>{}</h2>\n<table>", escape(Msg::CohortByTrainee.get(lang)))?;
    header_row(
        html,
        lang,
        &[
            Msg::Trainee, Msg::TraineeId, Msg::CohortLastActive, Msg::Attempts, Msg::CohortEndedEarly, Msg::Best, Msg::CohortMean,
            Msg::CohortLatest, Msg::CohortPassRate, Msg::KpiProductAccuracy, Msg::KpiFirstResponse, Msg::KpiAverageResponse,
            Msg::KpiReplyRatio, Msg::KpiOrderErrors, Msg::CohortExams, Msg::CohortBestExam, Msg::CohortPracticeQuizzes,
            Msg::CohortTypingBest,
        ],
    )?;
    for row in &table.trainees {
        let [accuracy, first, average, ratio, errors] = row.kpis();
        let mut texts = vec![row.name.clone(), row.id.clone(), row.last_active.clone().unwrap_or_else(|| "—".into())];
        texts.extend([
            row.attempts.to_string(),
            row.ended_early.to_string(),
            shown(row.best, ""),
            shown(row.mean(), ""),
            shown(row.latest, ""),
            shown(row.pass_rate(), "%"),
            shown(accuracy, "%"),
            shown(first, ""),
            shown(average, ""),
            shown(ratio, "%"),
            shown(errors, ""),
            format!("{}/{}", row.exams_passed, row.exams),
            shown(row.best_exam, "%"),
            row.practice_quizzes.to_string(),
            typing_best(row, lang),
        ]);
        cells(html, &texts, 3)?;
    }
    writeln!(html, "</table>\n<p class=\"meta\">{}</p>", escape(Msg::CohortNote.get(lang)))?;

    writeln!(html, "<h2>{}</h2>\n<table>", escape(Msg::CohortByScenario.get(lang)))?;
    header_row(html, lang, &[Msg::ReportScenario, Msg::Attempts, Msg::CohortPassRate, Msg::CohortMean])?;
    for row in &table.scenarios {
        let texts = [row.title.get(lang).to_string(), row.attempts.to_string(), shown(row.pass_rate(), "%"), shown(row.mean(), "")];
        cells(html, &texts, 1)?;
    }
    html.push_str("</table>\n");

    if !unreadable.is_empty() {
        writeln!(html, "<h2>{}</h2>\n<ul class=\"meta\">", escape(&Msg::CohortUnreadable.fill(lang, &[("n", &unreadable.len())])))?;
        for path in unreadable {
            writeln!(html, "<li>{}</li>", escape(path))?;
        }
        html.push_str("</ul>\n");
    }
    html.push_str("</body></html>\n");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scorecard::csv::SummaryKpi;

    fn summary(trainee: &str, scenario: &str, when: &str, total: f64, passed: bool) -> Summary {
        let card = crate::scorecard::read(include_str!("../../tests/fixtures/scorecard-v2.json")).unwrap();
        let mut summary = Summary::from(&card);
        summary.trainee.id = trainee.into();
        summary.trainee.name = format!("name-{trainee}");
        summary.activity.id = scenario.into();
        summary.when_utc = Some(when.into());
        summary.total = total;
        summary.passed = passed;
        summary.abandoned = false;
        summary.kpis = vec![SummaryKpi { id: "first_response".into(), value: Some(total / 10.0) }];
        summary
    }

    fn cohort() -> Vec<Summary> {
        let mut ended = summary("e1", "s1", "2026-11-03T10:00:00Z", 10.0, false);
        ended.abandoned = true;
        vec![
            summary("e1", "s1", "2026-11-01T10:00:00Z", 50.0, false),
            summary("e1", "s2", "2026-11-02T10:00:00Z", 90.0, true),
            ended,
            summary("e2", "s1", "2026-11-05T10:00:00Z", 70.0, true),
        ]
    }

    #[test]
    fn trainees_and_scenarios_are_counted_and_an_ended_session_has_no_verdict() {
        let cohort = cohort();
        let table = table(&cohort, &Filter::default());
        assert_eq!(table.records, 4);
        let e1 = &table.trainees[0];
        assert_eq!((e1.id.as_str(), e1.attempts, e1.ended_early, e1.verdicts, e1.passed), ("e1", 3, 1, 2, 1));
        assert_eq!((e1.best, e1.mean(), e1.latest, e1.pass_rate()), (Some(90.0), Some(70.0), Some(90.0), Some(50.0)));
        assert_eq!(e1.last_active.as_deref(), Some("2026-11-03T10:00:00Z"), "an ended session is still activity");
        assert_eq!(e1.kpis()[1], Some(7.0), "the mean of 5 and 9; the ended session's KPIs left out");
        assert_eq!(e1.kpis()[0], None);
        let s1 = &table.scenarios[0];
        assert_eq!((s1.attempts, s1.verdicts, s1.passed, s1.mean()), (3, 2, 1, Some(60.0)));
    }

    #[test]
    fn exams_count_apart_from_practice_quizzes() {
        let mut exam = summary("e1", "quiz-exam", "2026-11-04T10:00:00Z", 85.0, true);
        exam.kind = RecordKind::Quiz;
        exam.quiz_mode = Some(crate::quiz::spec::QuizMode::Exam);
        let mut practice = exam.clone();
        practice.quiz_mode = Some(crate::quiz::spec::QuizMode::Practice);
        let table = table(&[exam, practice], &Filter::default());
        let e1 = &table.trainees[0];
        assert_eq!((e1.exams, e1.exams_passed, e1.best_exam, e1.practice_quizzes, e1.attempts), (1, 1, Some(85.0), 1, 0));
        assert!(table.scenarios.is_empty());
    }

    #[test]
    fn the_filter_keeps_one_trainee_and_records_since_a_date() {
        let cohort = cohort();
        let filter = Filter { trainee: Some("e1".into()), since: Some("2026-11-02".into()) };
        let table = table(&cohort, &filter);
        assert_eq!(table.records, 2);
        assert_eq!(table.trainees.len(), 1);
        assert_eq!(table.trainees[0].latest, Some(90.0));
    }

    #[test]
    fn csv_keeps_ids_as_text_and_neutralises_formulas() {
        let mut cohort = cohort();
        cohort[0].trainee.id = "0012".into();
        cohort[0].trainee.name = "=HYPERLINK(1)".into();
        let table = table(&cohort, &Filter::default());
        let mut bytes = Vec::new();
        write_trainees_csv(&mut bytes, &table).unwrap();
        let text = String::from_utf8(bytes).unwrap();
        assert!(text.starts_with('\u{feff}'));
        assert!(text.contains("\"=\"\"0012\"\"\",'=HYPERLINK(1)"), "{text}");
    }

    #[test]
    fn the_page_has_no_script_and_is_in_the_readers_language() {
        let cohort = cohort();
        let table = table(&cohort, &Filter::default());
        for (lang, word) in [(Lang::Zh, "合格率"), (Lang::En, "Pass rate")] {
            let mut bytes = Vec::new();
            let filter = Filter { trainee: Some("e1".into()), since: None };
            write_html(&mut bytes, &table, &filter, &["<bad>.json".into()], lang).unwrap();
            let html = String::from_utf8(bytes).unwrap();
            assert!(html.contains(word) && html.contains("size: A4"), "{html}");
            assert!(html.contains(&Msg::CohortOneTrainee.fill(lang, &[("id", &"e1")])), "{html}");
            assert!(!html.contains("<script") && html.contains("&lt;bad&gt;.json"));
        }
    }

    #[test]
    fn typing_phrases_count_and_only_accurate_copies_set_the_best() {
        let typed = |lang: Lang, typed: &str, secs: f64| {
            let meta = crate::scorecard::RunMeta { trainee: crate::scorecard::Trainee { name: "n".into(), id: "e1".into() }, when_utc: Some("2026-11-04T10:00:00Z".into()) };
            let phrase = crate::quiz::typing::phrases(lang)[0];
            Summary::from(&crate::scorecard::TypingCard::from_attempt(lang, phrase, typed, secs, meta))
        };
        let zh = crate::quiz::typing::phrases(Lang::Zh)[0];
        let en = crate::quiz::typing::phrases(Lang::En)[0];
        let mut all = cohort();
        // Accurate in 30 s and 60 s; a fast scramble does not count as a best.
        all.extend([typed(Lang::Zh, zh, 30.0), typed(Lang::Zh, zh, 60.0), typed(Lang::Zh, "亲", 1.0), typed(Lang::En, en, 12.0)]);
        let table = table(&all, &Filter::default());
        let e1 = table.trainees.iter().find(|row| row.id == "e1").unwrap();
        assert_eq!(e1.typing_phrases, 4);
        let zh_chars = zh.chars().count() as f64;
        assert_eq!(e1.best_typing_cpm, Some((zh_chars * 2.0 * 10.0).round() / 10.0));
        assert_eq!(e1.best_typing_wpm, Some(((en.chars().count() as f64 * 5.0) / 5.0 * 10.0).round() / 10.0));
        // Typing never counts as a scenario attempt.
        assert_eq!(e1.attempts, 3);
    }
}
