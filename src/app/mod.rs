//! The eframe app (feature `gui`): the trainee's workbench over the headless
//! core. Each screen is a struct whose `ui` reads the app's state and returns
//! `Command`s; `KefuApp::handle` is the only place where app state changes and
//! where the app touches files. Only this module knows egui.

mod briefing;
mod clock;
mod command;
mod dispute_form;
mod fonts;
mod handle;
mod handle_review;
mod home;
mod local_time;
mod look;
mod notice;
mod quiz_view;
mod review_form;
mod saved;
mod scorecard_list;
mod scorecard_view;
mod role;
mod startup;
mod supervisor;
mod trainer;
mod typing_view;
mod workbench;

pub use clock::Clock;
pub use command::{Command, ExportFormat};
pub use fonts::install as install_fonts;
pub use home::rush_picks;
pub use quiz_view::QuizView;
pub use scorecard_view::ScorecardView;
pub use startup::{has_display, open_window};
pub use supervisor::{Located, LostPoints, SupervisorScreen};
pub use trainer::TrainerScreen;
pub use typing_view::TypingView;
pub use workbench::Workbench;
pub(crate) use briefing::BriefingScreen;
pub(crate) use home::HomeScreen;
pub(crate) use notice::Notice;
pub(crate) use saved::SavedCache;
pub(crate) use scorecard_list::ScorecardList;

use crate::content::raw::Lang;
use crate::engine::Bundle;
use crate::store::exam::ExamInProgress;
use crate::store::{Autosave, Settings};
use eframe::egui;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

/// The screen on show, owning what only it needs (the forms being filled in).
pub enum Screen {
    Home(HomeScreen),
    Briefing(BriefingScreen),
    Workbench(Box<Workbench>),
    Scorecard(Box<ScorecardView>),
    Scorecards(ScorecardList),
    Quiz(Box<QuizView>),
    Typing(Box<TypingView>),
    /// The supervisor's workspace: data folders and the cohort dashboard.
    Supervisor(Box<SupervisorScreen>),
    /// The trainer's page: what to do with the course's files.
    Trainer(TrainerScreen),
}

/// What every screen may read while it draws: the app's state, borrowed.
pub struct View<'a> {
    pub lang: Lang,
    pub bundle: &'a Arc<Bundle>,
    pub settings: &'a Settings,
    pub clock: &'a Clock,
    pub resume: Option<&'a Autosave>,
    pub exam: Option<&'a ExamInProgress>,
    pub practice_source: Option<&'a str>,
    pub notice: Option<&'a Notice>,
    /// The trainee's saved attempts: read for the screens that list them.
    pub saved: Option<&'a SavedCache>,
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
    pub exam: Option<ExamInProgress>,
    /// A one-line notice for the screen on show (saved, exported, what went
    /// wrong); dropped when the screen changes, so it never speaks of another.
    pub notice: Option<Notice>,
    /// Dropped on every screen change and trainee edit, so it never goes stale.
    saved: Option<SavedCache>,
    /// The supervisor's workspace while a record it opened is on show (or
    /// another role's screen): back on it, nothing is read again.
    parked_supervisor: Option<Box<SupervisorScreen>>,
    fonts_installed: bool,
    look_applied: bool,
}

impl KefuApp {
    pub fn new(content_root: &Path, data: &Path, clock: Clock) -> KefuApp {
        let bundle = crate::engine::examples::load_checked(&[], content_root, true);
        // A state file that cannot be read is renamed aside by the store and
        // reported here; the app goes on with the defaults, overwriting nothing.
        let mut notice = None;
        let settings = Settings::load(data).unwrap_or_else(|problem| {
            notice = Some(Notice::problem(crate::i18n::Msg::SettingsNotRead, problem));
            Settings::default()
        });
        let resume = Autosave::load(data).unwrap_or_else(|problem| {
            notice = Some(Notice::problem(crate::i18n::Msg::CannotResume, problem));
            None
        });
        let exam = ExamInProgress::load(data).unwrap_or_else(|problem| {
            notice = Some(Notice::problem(crate::i18n::Msg::CannotResumeExam, problem));
            None
        });
        let screen = match settings.role {
            crate::store::Role::Trainee => Screen::Home(HomeScreen::new(&settings)),
            crate::store::Role::Supervisor => Screen::Supervisor(Box::new(SupervisorScreen::new(settings.supervisor_folders.clone()))),
            crate::store::Role::Trainer => Screen::Trainer(TrainerScreen),
        };
        KefuApp {
            bundle: Arc::new(bundle),
            content_root: content_root.to_path_buf(),
            data: data.to_path_buf(),
            settings,
            clock,
            screen,
            resume,
            practice_source: None,
            exam,
            notice,
            saved: None,
            parked_supervisor: None,
            fonts_installed: false,
            look_applied: false,
        }
    }

    pub fn lang(&self) -> Lang {
        self.settings.ui_lang
    }

    /// The trainee id scorecards are filed under: the id, else the name, else "anonymous".
    pub fn trainee_id(&self) -> String {
        saved::trainee_id(&self.settings)
    }

    /// The trainee's saved scorecards, progress and due reviews (read on first use).
    pub fn saved(&mut self) -> &SavedCache {
        let trainee = self.trainee_id();
        let (data, bundle, now) = (&self.data, &self.bundle, self.clock.unix_now());
        self.saved.get_or_insert_with(|| SavedCache::read(data, bundle, &trainee, now))
    }

    /// The whole window, one frame: the screen's timed logic, then its drawing,
    /// then the commands both returned. Tests call this through egui_kittest.
    pub fn ui(&mut self, ui: &mut egui::Ui) {
        if !self.fonts_installed {
            fonts::install(ui.ctx());
            self.fonts_installed = true;
        }
        // Light by default, as the shops' own workbenches are; dark on request.
        if ui.ctx().theme() != look::theme(self.settings.dark_theme) || !self.look_applied {
            look::apply(ui.ctx(), self.settings.dark_theme);
            self.look_applied = true;
            // This frame's background was painted in the old look.
            ui.ctx().request_repaint();
        }
        // Time first: the engine's clock moves here, never inside drawing.
        for command in self.logic() {
            self.handle(command);
        }
        if matches!(self.screen, Screen::Home(_) | Screen::Scorecards(_)) {
            self.saved();
        }
        let view = View {
            lang: self.settings.ui_lang,
            bundle: &self.bundle,
            settings: &self.settings,
            clock: &self.clock,
            resume: self.resume.as_ref(),
            exam: self.exam.as_ref(),
            practice_source: self.practice_source.as_deref(),
            notice: self.notice.as_ref(),
            saved: self.saved.as_ref(),
        };
        let screen = &mut self.screen;
        let (content_root, data) = (&self.content_root, &self.data);
        let commands = egui::Frame::new()
            .inner_margin(look::SCREEN_MARGIN)
            .show(ui, |ui| match screen {
                Screen::Home(screen) => screen.ui(&view, ui),
                Screen::Briefing(screen) => screen.ui(&view, ui),
                Screen::Workbench(screen) => screen.ui(&view, ui),
                Screen::Scorecard(screen) => screen.ui(&view, ui),
                Screen::Scorecards(screen) => screen.ui(&view, ui),
                Screen::Quiz(screen) => screen.ui(&view, ui),
                Screen::Typing(screen) => screen.ui(&view, ui),
                Screen::Supervisor(screen) => screen.ui(&view, data, ui),
                Screen::Trainer(screen) => screen.ui(&view, content_root, ui),
            })
            .inner;
        let before = std::mem::discriminant(&self.screen);
        for command in commands {
            self.handle(command);
        }
        if std::mem::discriminant(&self.screen) != before {
            // The new screen has not been drawn yet; egui only repaints on input otherwise.
            ui.ctx().request_repaint();
        }
    }

    /// What the screen on show asks for because time passed.
    fn logic(&self) -> Vec<Command> {
        match &self.screen {
            Screen::Workbench(screen) => screen.logic(),
            Screen::Quiz(_) => vec![Command::Tick],
            // What the reading thread sent arrives before the frame is drawn.
            Screen::Supervisor(_) => vec![Command::PollCohort],
            _ => Vec::new(),
        }
    }
}

impl eframe::App for KefuApp {
    /// The window's background follows the look (eframe's default is a dark grey whatever the theme).
    fn clear_color(&self, visuals: &egui::Visuals) -> [f32; 4] {
        visuals.panel_fill.to_normalized_gamma_f32()
    }

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
        viewport: egui::ViewportBuilder::default().with_inner_size([1280.0, 800.0]).with_min_inner_size([1024.0, 600.0]).with_title("客服训练器 Kefu Trainer"),
        // The bundled CJK subset and egui's Latin font cover what the app shows.
        // The system-font fallback (fontique) panics on a machine with no fonts
        // at all (fontconfig NoMatch), and would make text look different per machine.
        system_font_fallback: false,
        ..Default::default()
    };
    eframe::run_native(
        "kefu",
        options,
        Box::new(move |cc| {
            let app = KefuApp::new(&content_root, &data, Clock::Real(Instant::now()));
            // Set before the first frame, so the window never flashes the other look.
            look::apply(&cc.egui_ctx, app.settings.dark_theme);
            Ok(Box::new(app))
        }),
    )
}
