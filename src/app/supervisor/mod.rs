//! The supervisor's workspace: the data folders read (chosen with the folder
//! dialogue or typed, remembered in the settings), a background `Loader` that
//! reads them incrementally with a progress bar, the files it could not read,
//! and the cohort dashboard: trainees (sortable, filterable, virtualised),
//! scenarios, score over time, and one trainee's records, each opening
//! read-only, and their performance file (绩效档案) printed. The folders are app state (changed by `handle`); the filters,
//! the sort and the tab are this screen's own form, and what they show is
//! computed once per change (`model::derive`), never per frame.

mod calibration;
mod agreement;
mod chart;
mod disputes;
mod filter;
mod loader;
mod lost;
mod model;
mod print;
mod tables;
mod trainee;

pub use loader::Located;
pub use lost::LostPoints;
pub(in crate::app) use print::{PrintRequest, Printed};

use super::{Command, View};
use crate::i18n::{Msg, t};
use crate::store::{Opener, Refresh};
use eframe::egui;
use filter::DashFilter;
use model::{Choices, Derived, Sort, TraineePage};
use std::path::PathBuf;
use std::sync::Arc;

/// Which part of the dashboard is on show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tab {
    Trainees,
    Scenarios,
    Chart,
    /// The trainees' disputes, to answer.
    Disputes,
    Calibration,
    /// The grader graded: per rule, how often reviews agreed with it.
    Agreement,
}

pub struct SupervisorScreen {
    loader: loader::Loader,
    /// Every readable record of the last snapshot.
    records: Arc<Vec<Located>>,
    /// The reviews and disputes of the last snapshot.
    beside: Arc<crate::store::Beside>,
    unreadable: Vec<loader::Unreadable>,
    opener: Option<Opener>,
    last_refresh: Option<Refresh>,
    /// Whether a first snapshot has arrived.
    loaded: bool,
    choices: Choices,
    /// How many distinct trainees the records hold, whatever the filter (counted once per reading).
    trainees: usize,
    filter: DashFilter,
    sort: Sort,
    tab: Tab,
    derived: Derived,
    /// What `derived` was computed for; computed again when this differs.
    derived_for: Option<(filter::Bounds, DashFilter, Sort)>,
    /// The trainee whose page is open, by id, and the page.
    trainee: Option<TraineePage>,
    /// The folder path field.
    typed_folder: String,
    /// Where a scenario's points are lost, once read; and the scenario being read.
    lost: Option<lost::LostPoints>,
    lost_pending: Option<String>,
    /// The dispute queue, built once per reading (on first show), and its filters.
    queue: Option<Vec<disputes::DisputeRow>>,
    queue_filter: disputes::QueueFilter,
    /// The grader's agreement with the reviews, counted once per reading (on first show).
    agreement: Option<agreement::Agreement>,
    /// The trainee whose performance file is being made, and the file once made
    /// (until `handle` takes it to write).
    printing: Option<String>,
    printed: Option<Printed>,
    /// The calibration rounds of the last snapshot.
    rounds: Vec<calibration::RoundView>,
    /// The form for a new round.
    round_form: calibration::RoundForm,
}

impl SupervisorScreen {
    /// The workspace over `folders`, their first reading started.
    pub fn new(folders: Vec<PathBuf>) -> SupervisorScreen {
        SupervisorScreen::with_loader(loader::Loader::folders(folders))
    }

    /// A workspace over records already read, with no folder behind them (the
    /// frame benchmark: a cohort of any size without writing its files).
    pub fn from_records(records: Vec<Located>) -> SupervisorScreen {
        let mut screen = SupervisorScreen::with_loader(loader::Loader::spawn(crate::store::FolderSource::new(Vec::new())));
        screen.take_records(Arc::new(records));
        screen
    }

    fn take_records(&mut self, records: Arc<Vec<Located>>) {
        self.choices = model::choices(&records);
        self.trainees = records.iter().map(|r| r.summary.trainee.id.as_str()).collect::<std::collections::BTreeSet<_>>().len();
        self.records = records;
        self.queue = None;
        self.agreement = None;
        self.loaded = true;
        self.derived_for = None;
        if let Some(page) = &self.trainee {
            self.trainee = Some(model::trainee_page(&self.records, &self.filter, &page.id));
        }
    }

    fn with_loader(loader: loader::Loader) -> SupervisorScreen {
        SupervisorScreen {
            loader,
            records: Arc::default(),
            beside: Arc::default(),
            unreadable: Vec::new(),
            opener: None,
            last_refresh: None,
            loaded: false,
            choices: Choices::default(),
            trainees: 0,
            filter: DashFilter::default(),
            sort: Sort::default(),
            tab: Tab::Trainees,
            derived: Derived::default(),
            derived_for: None,
            trainee: None,
            typed_folder: String::new(),
            lost: None,
            lost_pending: None,
            queue: None,
            queue_filter: disputes::QueueFilter::default(),
            agreement: None,
            printing: None,
            printed: None,
            rounds: Vec::new(),
            round_form: calibration::RoundForm::default(),
        }
    }

    /// Takes what the reading thread sent since the last frame. Returns whether
    /// anything arrived (the records, or a refresh's counts).
    pub fn poll(&mut self) -> bool {
        let arrived = self.loader.poll();
        if let Some(snapshot) = arrived.snapshot {
            self.unreadable = snapshot.unreadable;
            self.opener = Some(snapshot.opener);
            self.beside = snapshot.beside;
            self.rounds = snapshot.rounds;
            self.take_records(snapshot.records);
        }
        if let Some(lost) = arrived.lost
            && self.lost_pending.as_deref() == Some(lost.scenario.as_str())
        {
            self.lost_pending = None;
            self.lost = Some(lost);
        }
        if let Some(printed) = arrived.printed
            && self.printing.as_deref() == Some(printed.trainee.as_str())
        {
            self.printing = None;
            self.printed = Some(printed);
        }
        if arrived.refresh.is_some() {
            self.last_refresh = arrived.refresh;
        }
        arrived.refresh.is_some()
    }

    /// Asks the reading thread where `scenario`'s points are lost, over its
    /// newest sessions the filters keep.
    pub(in crate::app) fn ask_lost_points(&mut self, scenario: String, bundle: Arc<crate::engine::Bundle>) {
        let bounds = self.filter.bounds();
        let paths = lost::sessions(self.records.iter().filter(|r| self.filter.keeps(&r.summary, &bounds)), &scenario);
        let Some(title) = self.choices.scenarios.iter().find(|(id, _)| *id == scenario).map(|(_, title)| title.clone()) else { return };
        self.lost = None;
        self.lost_pending = Some(scenario.clone());
        self.loader.lost_points(scenario, title, paths, bundle);
    }

    /// Asks the reading thread for a trainee's performance file.
    pub(in crate::app) fn ask_performance_file(&mut self, request: PrintRequest) {
        let trainee = request.trainee.clone();
        if self.loader.print(request) {
            self.printed = None;
            self.printing = Some(trainee);
        }
    }

    /// The performance file made since the last call, for `handle` to write.
    pub(in crate::app) fn take_performance_file(&mut self) -> Option<Printed> {
        self.printed.take()
    }

    /// Whether a performance file is being made.
    pub fn printing(&self) -> bool {
        self.printing.is_some()
    }

    /// Where a scenario's points are lost, once read.
    pub fn lost_points(&self) -> Option<&lost::LostPoints> {
        self.lost.as_ref()
    }

    /// Whether the folders are being read (a first load, or a refresh).
    pub fn loading(&self) -> bool {
        self.loader.busy()
    }

    /// Whether a first reading has come back.
    pub fn loaded(&self) -> bool {
        self.loaded
    }

    /// Every record read, as the dashboard holds them.
    pub fn records(&self) -> &[Located] {
        &self.records
    }

    /// The trainees' ids in the order the table shows them.
    pub fn trainee_order(&self) -> Vec<String> {
        self.derived.order.iter().map(|&i| self.derived.table.trainees[i].id.clone()).collect()
    }

    /// The id of the trainee whose page is open.
    pub fn open_trainee(&self) -> Option<&str> {
        self.trainee.as_ref().map(|page| page.id.as_str())
    }

    pub(in crate::app) fn set_folders(&mut self, folders: Vec<PathBuf>) {
        self.loader.set_folders(folders);
    }

    /// Reads the folders again (only new or changed files).
    pub fn refresh(&mut self) {
        self.loader.refresh();
    }

    /// How many disputes in the folders are still open (the queue tab's count).
    fn beside_open_disputes(&self) -> usize {
        self.records.iter().map(|r| r.marks.open_disputes).sum()
    }

    /// The calibration round with this id, as last read.
    pub(in crate::app) fn round(&self, id: &str) -> Option<crate::scorecard::calibration::CalibrationRound> {
        self.rounds.iter().find(|view| view.round.id() == id).map(|view| view.round.clone())
    }

    /// The reviews and disputes read with the records.
    pub(in crate::app) fn beside(&self) -> Arc<crate::store::Beside> {
        self.beside.clone()
    }

    /// How to open a record the dashboard lists (none before the first reading).
    pub(in crate::app) fn opener(&self) -> Option<Opener> {
        self.opener.clone()
    }

    /// Computes the table again if the records, the filter or the sort changed since.
    pub fn update(&mut self) {
        let key = (self.filter.bounds(), DashFilter { from: String::new(), until: String::new(), ..self.filter.clone() }, self.sort);
        if self.derived_for.as_ref() == Some(&key) {
            return;
        }
        let same_rows = self.derived_for.as_ref().is_some_and(|(bounds, filter, _)| (bounds, filter) == (&key.0, &key.1));
        if same_rows {
            // Only the sort changed: the rows stay, in another order.
            self.derived.order = model::sort_order(&self.derived.table, &self.derived.marks, self.sort);
        } else {
            self.derived = model::derive(&self.records, &self.filter, self.sort);
            if let Some(page) = &self.trainee {
                self.trainee = Some(model::trainee_page(&self.records, &self.filter, &page.id));
            }
        }
        self.derived_for = Some(key);
    }

    pub fn ui(&mut self, view: &View, data: &std::path::Path, ui: &mut egui::Ui) -> Vec<Command> {
        let lang = view.lang;
        let mut commands = Vec::new();
        super::role::bar(ui, view, Msg::SupervisorTitle, &mut commands);
        self.folders_ui(view, data, ui, &mut commands);
        if self.loader.busy() || self.lost_pending.is_some() || self.printing.is_some() {
            // The thread's progress and answers show only if frames keep coming.
            ui.ctx().request_repaint_after(std::time::Duration::from_millis(100));
        }
        if view.settings.supervisor_folders.is_empty() || !self.loaded {
            return commands;
        }
        self.update();
        if let Some(page) = &self.trainee {
            let numbers = self.derived.table.trainees.iter().find(|row| row.id == page.id).map(|row| {
                format!(
                    "{} {} · {} {} · {} {} · {} {}",
                    t(lang, Msg::Attempts),
                    row.attempts,
                    t(lang, Msg::Best),
                    row.best.map_or("—".into(), |b| format!("{b:.1}")),
                    t(lang, Msg::CohortMean),
                    row.mean().map_or("—".into(), |m| format!("{m:.1}")),
                    t(lang, Msg::CohortPassRate),
                    row.pass_rate().map_or("—".into(), |p| format!("{p:.0}%")),
                )
            });
            // The filters still apply to the trainee's records: say so, with a way out.
            if !self.filter.is_default() {
                ui.horizontal(|ui| {
                    ui.colored_label(ui.visuals().warn_fg_color, t(lang, Msg::FiltersApply));
                    if ui.button(t(lang, Msg::ClearFilters)).clicked() {
                        self.filter = DashFilter::default();
                    }
                });
            }
            match trainee::ui(ui, lang, page, &self.records, numbers, self.printing.is_some()) {
                Some(trainee::Asked::Back) => self.trainee = None,
                Some(trainee::Asked::Print) => commands.push(Command::PrintPerformanceFile { trainee: page.id.clone() }),
                Some(trainee::Asked::Open(command)) => commands.push(command),
                None => {}
            }
            return commands;
        }
        ui.horizontal(|ui| {
            // The dispute queue's title carries how many are open.
            let open = self.beside_open_disputes();
            let disputes = if open > 0 { format!("{} ({open})", t(lang, Msg::DisputeQueue)) } else { t(lang, Msg::DisputeQueue).to_string() };
            let tabs = [
                (Tab::Trainees, t(lang, Msg::CohortByTrainee).to_string()),
                (Tab::Scenarios, t(lang, Msg::CohortByScenario).to_string()),
                (Tab::Chart, t(lang, Msg::CohortChart).to_string()),
                (Tab::Disputes, disputes),
                (Tab::Calibration, t(lang, Msg::CalibTab).to_string()),
                (Tab::Agreement, t(lang, Msg::AgreementTab).to_string()),
            ];
            for (tab, title) in tabs {
                if ui.selectable_label(self.tab == tab, title).clicked() {
                    self.tab = tab;
                }
            }
            if !matches!(self.tab, Tab::Disputes | Tab::Calibration | Tab::Agreement) {
                ui.add_space(12.0);
                ui.weak(Msg::CohortMatching.fill(lang, &[("n", &self.derived.table.records)]));
            }
        });
        if self.tab == Tab::Disputes {
            let rows = self.queue.get_or_insert_with(|| disputes::rows(&self.beside, &self.records, view.clock.wall()));
            commands.extend(disputes::ui(ui, lang, rows, &mut self.queue_filter, &self.choices.scenarios));
            return commands;
        }
        if self.tab == Tab::Agreement {
            let counted = self.agreement.get_or_insert_with(|| agreement::count(&self.beside, &self.records));
            agreement::ui(ui, lang, counted, &view.bundle.course);
            return commands;
        }
        if self.tab == Tab::Calibration {
            // The dashboard's filters are about attempts; a round is read whole.
            commands.extend(calibration::ui(ui, lang, &self.rounds, &mut self.round_form, &self.records));
            return commands;
        }
        filter::bar(ui, lang, &mut self.filter, &self.choices);
        self.update();
        if self.derived.table.records == 0 {
            ui.label(t(lang, Msg::CohortNoRecords));
            return commands;
        }
        let clicked = match self.tab {
            Tab::Trainees => tables::trainees(ui, lang, &self.derived, self.sort),
            Tab::Scenarios => {
                let (lost, pending) = (&self.lost, self.lost_pending.is_some());
                tables::scenarios(ui, lang, &self.derived, |ui| {
                    if pending {
                        // No spinner: it would ask for a frame at every frame.
                        ui.weak(t(lang, Msg::LostReading));
                    } else if let Some(lost) = lost {
                        lost::ui(ui, lang, lost);
                    }
                })
            }
            // Drawn above, before the dashboard's filters.
            Tab::Disputes => None,
            Tab::Chart => {
                // The score over time above; each dimension's share and the KPIs against their targets below.
                let below = 230.0;
                chart::scores(ui, lang, "cohort-scores", Msg::ChartCohortMean, &self.derived.daily, chart::Series::Daily, (ui.available_height() - below - 30.0).max(120.0));
                ui.add_space(6.0);
                ui.columns(2, |columns| {
                    chart::dimensions(&mut columns[0], lang, &self.derived.dimension_means, below - 30.0);
                    chart::kpis(&mut columns[1], lang, &self.derived.kpi_means);
                });
                None
            }
            // Drawn above, before the filters.
            Tab::Calibration | Tab::Agreement => None,
        };
        match clicked {
            Some(tables::Clicked::Sort(column)) => self.sort = self.sort.clicked(column),
            Some(tables::Clicked::Trainee(index)) => {
                if let Some(row) = self.derived.table.trainees.get(index) {
                    self.trainee = Some(model::trainee_page(&self.records, &self.filter, &row.id));
                }
            }
            Some(tables::Clicked::Lost(id)) => commands.push(Command::CohortLostPoints { scenario: id }),
            Some(tables::Clicked::Scenario(id)) => {
                self.filter.scenario = Some(id);
                self.tab = Tab::Trainees;
            }
            None => {}
        }
        commands
    }

    /// The folders read, adding and removing them, refresh, progress, and the files that could not be read.
    fn folders_ui(&mut self, view: &View, data: &std::path::Path, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        let lang = view.lang;
        let folders = &view.settings.supervisor_folders;
        ui.horizontal_wrapped(|ui| {
            ui.strong(t(lang, Msg::DataFolders));
            for (index, folder) in folders.iter().enumerate() {
                let shown = folder.display().to_string();
                ui.monospace(&shown);
                let remove = ui.small_button(t(lang, Msg::RemoveFolder));
                read_out(&remove, &format!("{} · {shown}", t(lang, Msg::RemoveFolder)));
                if remove.clicked() {
                    commands.push(Command::RemoveCohortFolder(index));
                }
            }
        });
        if folders.is_empty() {
            ui.label(t(lang, Msg::NoFoldersYet));
        }
        ui.horizontal_wrapped(|ui| {
            if ui.button(t(lang, Msg::PickFolder)).clicked() {
                commands.push(Command::PickCohortFolder);
            }
            let label = ui.label(t(lang, Msg::FolderPath));
            let field = ui.add(egui::TextEdit::singleline(&mut self.typed_folder).hint_text(t(lang, Msg::FolderPathHint)).desired_width(260.0)).labelled_by(label.id);
            let typed = self.typed_folder.trim();
            let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if (ui.add_enabled(!typed.is_empty(), egui::Button::new(t(lang, Msg::AddFolder))).clicked() || entered) && !typed.is_empty() {
                commands.push(Command::AddCohortFolder(PathBuf::from(typed)));
                self.typed_folder.clear();
            }
            if !folders.iter().any(|f| f == data) && ui.button(t(lang, Msg::AddOwnDataFolder)).clicked() {
                commands.push(Command::AddCohortFolder(data.to_path_buf()));
            }
            if !folders.is_empty() && ui.add_enabled(!self.loader.busy(), egui::Button::new(t(lang, Msg::RefreshCohort))).clicked() {
                commands.push(Command::RefreshCohort);
            }
        });
        if folders.is_empty() {
            return;
        }
        if !self.loader.started {
            ui.colored_label(ui.visuals().warn_fg_color, t(lang, Msg::CohortNoThread));
        }
        if self.loader.busy() {
            let (done, found) = self.loader.progress();
            let share = if found == 0 { 0.0 } else { done as f32 / found as f32 };
            ui.add(egui::ProgressBar::new(share).desired_width(ui.available_width().min(480.0)).text(Msg::CohortReading.fill(lang, &[("done", &done), ("found", &found)])));
        } else if self.loaded {
            ui.horizontal_wrapped(|ui| {
                ui.label(Msg::CohortLoaded.fill(lang, &[("records", &self.records.len()), ("trainees", &self.trainees)]));
                if let Some(refresh) = self.last_refresh {
                    ui.weak(Msg::CohortLastRefresh.fill(lang, &[("read", &refresh.read), ("unchanged", &refresh.unchanged), ("dropped", &refresh.dropped)]));
                }
            });
        }
        if !self.unreadable.is_empty() {
            egui::CollapsingHeader::new(Msg::CohortUnreadable.fill(lang, &[("n", &self.unreadable.len())])).id_salt("unreadable").show(ui, |ui| {
                egui::ScrollArea::vertical().max_height(120.0).show(ui, |ui| {
                    for file in &self.unreadable {
                        ui.horizontal_wrapped(|ui| {
                            ui.monospace(&file.path);
                            ui.label(file.reason.get(lang));
                        });
                    }
                });
            });
        }
        ui.separator();
    }

}

fn read_out(response: &egui::Response, spoken: &str) {
    super::look::read_out_as(response, spoken);
}
