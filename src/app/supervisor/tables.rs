//! The cohort's tables: trainees (egui_extras' TableBuilder, which lays out
//! only the rows in view, so 100,000 rows cost what 30 do; a header click
//! sorts) and scenarios (few rows: a plain grid; a title narrows the
//! dashboard to that scenario).

use super::model::{Column, Derived, Sort};
use crate::app::look::read_out_as;
use crate::content::raw::Lang;
use crate::i18n::{Msg, t, typing_unit};
use crate::scorecard::cohort::TraineeRow;
use eframe::egui;
use egui_extras::{Column as Width, TableBuilder};

/// What a click in a table asked for.
pub enum Clicked {
    Sort(Column),
    /// A trainee, by their index in `table.trainees`.
    Trainee(usize),
    /// A scenario's id: show it only.
    Scenario(String),
    /// A scenario's id: where its points are lost.
    Lost(String),
}

const ROW_HEIGHT: f32 = 22.0;
/// Two lines: a long header ("Product accuracy") wraps rather than being cut.
const HEADER_HEIGHT: f32 = 38.0;

/// A number with one decimal and a unit, or a dash.
fn shown(value: Option<f64>, unit: &str) -> String {
    value.map(|v| format!("{v:.1}{unit}")).unwrap_or_else(|| "—".into())
}

fn typing(row: &TraineeRow, lang: Lang) -> String {
    let speeds: Vec<String> = [(row.best_typing_cpm, Lang::Zh), (row.best_typing_wpm, Lang::En)]
        .into_iter()
        .filter_map(|(best, drill)| best.map(|b| format!("{b:.0} {}", t(lang, typing_unit(drill)))))
        .collect();
    if speeds.is_empty() { "—".into() } else { speeds.join(" · ") }
}

/// A cell's text for `column` of `row`.
fn cell(row: &TraineeRow, marks: super::model::TraineeMarks, column: Column, lang: Lang) -> String {
    let kpi = |index: usize, unit: &str| shown(row.kpis().get(index).copied().flatten(), unit);
    match column {
        // The name is a link, drawn by the table itself.
        Column::Name => String::new(),
        Column::Id => row.id.clone(),
        Column::Attempts if row.ended_early > 0 => format!("{} ({} {})", row.attempts, t(lang, Msg::CohortEndedEarly), row.ended_early),
        Column::Attempts => row.attempts.to_string(),
        Column::LastActive => crate::app::local_time::shown(row.last_active.as_deref(), lang),
        Column::Best => shown(row.best, ""),
        Column::Mean => shown(row.mean(), ""),
        Column::Latest => shown(row.latest, ""),
        Column::PassRate => shown(row.pass_rate(), "%"),
        Column::Kpi(index @ (0 | 3)) => kpi(index, "%"),
        Column::Kpi(index @ (1 | 2)) => kpi(index, " s"),
        Column::Kpi(index) => kpi(index, ""),
        Column::Exams if row.exams == 0 => "—".into(),
        Column::Exams => format!("{}/{}", row.exams_passed, row.exams),
        Column::Typing => typing(row, lang),
        Column::Reviewed => marks.reviewed.to_string(),
        Column::OpenDisputes => marks.open_disputes.to_string(),
    }
}

/// Widths that fit every column in a 1280-pixel window (headers wrap onto a
/// second line; the review columns sit beside the pass rate, where a
/// supervisor looks first); narrower windows scroll sideways, and any cell of
/// a row opens it.
fn width(column: Column) -> f32 {
    match column {
        Column::Name => 104.0,
        Column::LastActive => 136.0,
        Column::Typing => 80.0,
        Column::Attempts => 68.0,
        _ => 56.0,
    }
}

/// A header that sorts: its title, an arrow when the table is sorted by it.
fn header(ui: &mut egui::Ui, lang: Lang, column: Column, sort: Sort, clicked: &mut Option<Clicked>) {
    let title = t(lang, column.title());
    let (text, spoken) = match (sort.column == column, sort.descending) {
        (false, _) => (title.to_string(), title.to_string()),
        (true, false) => (format!("{title} ↑"), Msg::SortedUp.fill(lang, &[("column", &title)])),
        (true, true) => (format!("{title} ↓"), Msg::SortedDown.fill(lang, &[("column", &title)])),
    };
    let button = ui.add(egui::Button::new(egui::RichText::new(text).strong()).frame(false).wrap_mode(egui::TextWrapMode::Wrap));
    read_out_as(&button, &spoken);
    if button.clicked() {
        *clicked = Some(Clicked::Sort(column));
    }
}

/// The trainee table: the name pinned on the left (it stays in view when a
/// narrow window scrolls the other columns sideways), every other column
/// beside it, sorted as `sort` says, only the visible rows laid out. The two
/// halves are two tables whose vertical offsets are kept in step: whichever
/// the user scrolled this frame leads, the other follows on the next.
pub fn trainees(ui: &mut egui::Ui, lang: Lang, derived: &Derived, sort: Sort) -> Option<Clicked> {
    let mut clicked = None;
    let height = ui.available_height();
    let shared_id = egui::Id::unique("trainee-table-offset");
    let shared: f32 = ui.data(|data| data.get_temp(shared_id)).unwrap_or(0.0);
    let pinned = [Column::Name];
    let rest: Vec<Column> = Column::ALL.into_iter().filter(|column| *column != Column::Name).collect();
    let (mut left, mut right) = (shared, shared);
    ui.horizontal_top(|ui| {
        ui.spacing_mut().item_spacing.x = 0.0;
        ui.vertical(|ui| {
            ui.set_width(width(Column::Name) + 8.0);
            left = half(ui, "trainee-table-name", &pinned, derived, sort, lang, height, shared, false, &mut clicked);
        });
        egui::ScrollArea::horizontal().id_salt("trainee-table-wide").auto_shrink([false, false]).show(ui, |ui| {
            // The scroll area lays out as its parent does (left to right here):
            // the table's header and body must stack.
            ui.vertical(|ui| {
                right = half(ui, "trainee-table", &rest, derived, sort, lang, height, shared, true, &mut clicked);
            });
        });
    });
    let next = if (left - shared).abs() > 0.5 { left } else { right };
    if (next - shared).abs() > 0.5 {
        ui.data_mut(|data| data.insert_temp(shared_id, next));
        ui.ctx().request_repaint();
    }
    clicked
}

/// One half of the trainee table: `columns`, scrolled to `offset`; returns
/// the offset after this frame's scrolling.
#[allow(clippy::too_many_arguments)]
fn half(
    ui: &mut egui::Ui,
    id: &str,
    columns: &[Column],
    derived: &Derived,
    sort: Sort,
    lang: Lang,
    height: f32,
    offset: f32,
    scroll_bar: bool,
    clicked: &mut Option<Clicked>,
) -> f32 {
    let rows = &derived.table.trainees;
    let mut table = TableBuilder::new(ui)
        .id_salt(id)
        .striped(true)
        .resizable(true)
        .sense(egui::Sense::click())
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .min_scrolled_height(0.0)
        .max_scroll_height(height - HEADER_HEIGHT - 12.0)
        .vertical_scroll_offset(offset)
        .animate_scrolling(false);
    if !scroll_bar {
        table = table.scroll_bar_visibility(egui::scroll_area::ScrollBarVisibility::AlwaysHidden);
    }
    for column in columns {
        table = table.column(Width::initial(width(*column)).at_least(40.0).clip(true));
    }
    let output = table
        .header(HEADER_HEIGHT, |mut row| {
            for column in columns {
                row.col(|ui| header(ui, lang, *column, sort, clicked));
            }
        })
        .body(|body| {
            body.rows(ROW_HEIGHT, derived.order.len(), |mut row| {
                let index = derived.order[row.index()];
                let trainee = &rows[index];
                for column in columns {
                    row.col(|ui| {
                        if *column == Column::Name {
                            let name = if trainee.name.trim().is_empty() { trainee.id.as_str() } else { trainee.name.as_str() };
                            let link = ui.link(name);
                            read_out_as(&link, &Msg::OpenTrainee.fill(lang, &[("name", &name), ("id", &trainee.id)]));
                            if link.clicked() {
                                *clicked = Some(Clicked::Trainee(index));
                            }
                        } else {
                            ui.label(cell(trainee, derived.marks.get(&trainee.id).copied().unwrap_or_default(), *column, lang));
                        }
                    });
                }
                if row.response().clicked() {
                    *clicked = Some(Clicked::Trainee(index));
                }
            });
        });
    output.state.clamped_offset().y
}

/// The scenario table, the lowest pass rate first, then `below` (where a scenario's points are lost).
pub fn scenarios(ui: &mut egui::Ui, lang: Lang, derived: &Derived, below: impl FnOnce(&mut egui::Ui)) -> Option<Clicked> {
    let mut clicked = None;
    egui::ScrollArea::vertical().id_salt("scenario-table").auto_shrink([false, false]).show(ui, |ui| {
        egui::Grid::new("scenarios").striped(true).num_columns(6).spacing(egui::vec2(18.0, 6.0)).show(ui, |ui| {
            for title in [Msg::FilterScenario, Msg::Attempts, Msg::CohortEndedEarly, Msg::CohortPassRate, Msg::CohortMean] {
                ui.strong(t(lang, title));
            }
            ui.end_row();
            for &index in &derived.scenario_order {
                let row = &derived.table.scenarios[index];
                let title = row.title.get(lang);
                let link = ui.link(title);
                read_out_as(&link, &Msg::ShowScenarioOnly.fill(lang, &[("title", &title)]));
                if link.clicked() {
                    clicked = Some(Clicked::Scenario(row.id.clone()));
                }
                ui.label(row.attempts.to_string());
                ui.label((row.attempts - row.verdicts).to_string());
                ui.label(shown(row.pass_rate(), "%"));
                ui.label(shown(row.mean(), ""));
                let lost = ui.add_enabled(row.verdicts > 0, egui::Button::new(t(lang, Msg::LostButton)));
                read_out_as(&lost, &Msg::LostButtonReadOut.fill(lang, &[("title", &title)]));
                if lost.clicked() {
                    clicked = Some(Clicked::Lost(row.id.clone()));
                }
                ui.end_row();
            }
        });
        ui.add_space(6.0);
        ui.weak(t(lang, Msg::ScenarioNote));
        ui.add_space(6.0);
        below(ui);
    });
    clicked
}
