//! The eframe app (feature `gui`): the trainee's workbench over the headless
//! core. Screens render state and turn clicks into calls on the engine; all
//! grading, timing rules and saving live in the core. Only this module knows egui.

mod fonts;
mod home;
pub mod i18n;
mod quiz_view;
mod scorecard_view;
mod workbench;

pub use crate::quiz::spec::QuizMode;
pub use quiz_view::{QuizView, TypingView};
pub use scorecard_view::ScorecardView;
pub use workbench::Workbench;

use crate::engine::Bundle;

use crate::store::{Autosave, Settings};
use eframe::egui;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Instant;

/// Where the app's notion of "now" comes from: the real clock, or a hand-set
/// one in tests (so buyer patience can be tested without waiting).
#[derive(Debug, Clone)]
pub enum Clock {
    Real(Instant),
    Manual(Arc<Mutex<f64>>),
}

impl Clock {
    /// Seconds since the clock started.
    pub fn now(&self) -> f64 {
        match self {
            Clock::Real(origin) => origin.elapsed().as_secs_f64(),
            Clock::Manual(now) => *now.lock().unwrap_or_else(|e| e.into_inner()),
        }
    }

    /// The wall-clock time: real, or for a hand-set clock 2026-11-23 09:00 UTC
    /// plus its seconds, so tests can move days ahead (review schedules).
    pub fn wall(&self) -> std::time::SystemTime {
        match self {
            Clock::Real(_) => std::time::SystemTime::now(),
            Clock::Manual(_) => std::time::UNIX_EPOCH + std::time::Duration::from_secs_f64(MANUAL_EPOCH_SECS + self.now().max(0.0)),
        }
    }

    /// Unix seconds of `wall()`, with fractions.
    pub fn unix_secs(&self) -> f64 {
        self.wall().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs_f64()).unwrap_or(0.0)
    }

    /// Unix seconds of `wall()`.
    pub fn unix_now(&self) -> i64 {
        self.wall().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs() as i64).unwrap_or(0)
    }
}

/// Where a hand-set clock's wall time starts: 2026-11-23T09:00:00Z.
pub const MANUAL_EPOCH_SECS: f64 = 1_795_424_400.0;

pub enum Screen {
    Home,
    Briefing { scenario: String },
    Workbench(Box<Workbench>),
    Scorecard(Box<ScorecardView>),
    Scorecards,
    Quiz(Box<QuizView>),
    Typing(Box<TypingView>),
}

/// What the home and "my scorecards" screens show from the data folder, read
/// once per visit rather than on every frame (a trainee may have hundreds of attempts).
#[derive(Debug, Default)]
pub struct SavedCache {
    /// Newest last: each scorecard file with its summary.
    pub summaries: Vec<(PathBuf, crate::scorecard::csv::Summary)>,
    /// Scenario id → (best total, attempts), from `summaries`.
    pub progress: std::collections::BTreeMap<String, (f64, usize)>,
    /// Review questions due now.
    pub due: usize,
    /// What this trainee lost most points on across their scenario attempts.
    pub practice: Vec<crate::scorecard::practice::Suggestion>,
}

pub struct KefuApp {
    pub bundle: Arc<Bundle>,
    pub content_root: PathBuf,
    pub data: PathBuf,
    pub settings: Settings,
    pub clock: Clock,
    pub screen: Screen,
    /// A session left by a crash, offered on the home screen.
    pub resume: Option<Autosave>,
    /// What a practice quiz draws from: `None` for every bank in the UI language.
    pub practice_source: Option<String>,
    /// A started exam not yet handed in: the only exam there can be until it is.
    pub exam: Option<crate::store::exam::ExamInProgress>,
    /// A one-line status (saved, exported, or what went wrong).
    pub status: Option<String>,
    /// Dropped on every screen change and trainee edit, so it never goes stale.
    saved: Option<SavedCache>,
    fonts_installed: bool,
}

impl KefuApp {
    pub fn new(content_root: &Path, data: &Path, clock: Clock) -> KefuApp {
        let bundle = crate::engine::examples::load_checked(&[], content_root, true);
        // A file that cannot be read was set aside by `load` (nothing lost): say so, go on without it.
        let mut problems = Vec::new();
        let settings = Settings::load(data).unwrap_or_else(|problem| {
            problems.push(problem.to_string());
            Settings::default()
        });
        let resume = Autosave::load(data).unwrap_or_else(|problem| {
            problems.push(problem.to_string());
            None
        });
        let exam = crate::store::exam::ExamInProgress::load(data).unwrap_or_else(|problem| {
            problems.push(problem.to_string());
            None
        });
        let status = (!problems.is_empty()).then(|| problems.join("\n"));
        KefuApp {
            bundle: Arc::new(bundle),
            content_root: content_root.to_path_buf(),
            data: data.to_path_buf(),
            settings,
            clock,
            screen: Screen::Home,
            resume,
            practice_source: None,
            exam,
            status,
            saved: None,
            fonts_installed: false,
        }
    }

    pub fn lang(&self) -> crate::content::raw::Lang {
        self.settings.ui_lang
    }

    /// The trainee's saved scorecards, progress and due reviews (read on first use).
    pub fn saved(&mut self) -> &SavedCache {
        let trainee = home::trainee_id(self);
        let data = self.data.clone();
        self.saved.get_or_insert_with(|| {
            // Each file is read once, whole: its summary for the lists, its findings for "practise next".
            let mut summaries = Vec::new();
            let mut cards = Vec::new();
            for (path, record) in crate::store::trainee_records(&data, &trainee) {
                summaries.push((path, crate::scorecard::csv::Summary::from(&record)));
                if let crate::scorecard::Record::Scenario(card) = record {
                    cards.push(card);
                }
            }
            let mut progress = std::collections::BTreeMap::new();
            for (_, summary) in summaries.iter().filter(|(_, s)| s.kind == crate::scorecard::csv::RecordKind::Scenario) {
                let entry = progress.entry(summary.activity.id.clone()).or_insert((0.0_f64, 0));
                entry.0 = entry.0.max(summary.total);
                entry.1 += 1;
            }
            let due = quiz_view::due_count(&data, &trainee, self.clock.unix_now()).unwrap_or_else(|problem| {
                self.status = Some(problem.to_string());
                0
            });
            let practice = crate::scorecard::practice::suggest(&cards, &self.bundle.course, &self.bundle.grader, 3);
            SavedCache { summaries, progress, due, practice }
        })
    }

    pub fn save_settings(&mut self) {
        self.saved = None;
        if let Err(error) = self.settings.save(&self.data) {
            self.status = Some(format!("settings: {error}"));
        }
    }

    /// The whole window, one frame. Tests call this through egui_kittest.
    pub fn ui(&mut self, ui: &mut egui::Ui) {
        if !self.fonts_installed {
            fonts::install(ui.ctx());
            self.fonts_installed = true;
        }
        let next = match &mut self.screen {
            Screen::Home => home::home_ui(self, ui),
            Screen::Briefing { scenario } => {
                let scenario = scenario.clone();
                home::briefing_ui(self, ui, &scenario)
            }
            Screen::Workbench(_) => workbench::workbench_ui(self, ui),
            Screen::Scorecard(_) => scorecard_view::scorecard_ui(self, ui),
            Screen::Scorecards => scorecard_view::list_ui(self, ui),
            Screen::Quiz(_) => quiz_view::quiz_ui(self, ui),
            Screen::Typing(_) => quiz_view::typing_ui(self, ui),
        };
        if let Some(next) = next {
            self.screen = next;
            self.saved = None;
            // The new screen has not been drawn yet; egui only repaints on input otherwise.
            ui.ctx().request_repaint();
        }
    }
}

impl eframe::App for KefuApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        KefuApp::ui(self, ui);
        // For the time-to-first-frame benchmark (README): close once the first frame is drawn.
        if std::env::var_os("KEFU_EXIT_AFTER_FIRST_FRAME").is_some() {
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }
}

/// Opens the window on the course in `content_root`, saving into `data`.
pub fn run(content_root: PathBuf, data: PathBuf) -> eframe::Result {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default().with_inner_size([1280.0, 800.0]).with_min_inner_size([900.0, 600.0]).with_title("客服训练器 Kefu Trainer"),
        // The bundled CJK subset and egui's Latin font cover what the app shows.
        // The system-font fallback (fontique) panics on a machine with no fonts
        // at all (fontconfig NoMatch), and would make text look different per machine.
        system_font_fallback: false,
        ..Default::default()
    };
    eframe::run_native(
        "kefu",
        options,
        Box::new(move |_cc| Ok(Box::new(KefuApp::new(&content_root, &data, Clock::Real(Instant::now()))))),
    )
}
