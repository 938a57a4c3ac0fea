//! `KefuApp::handle`: the one place where app state changes and where the app
//! reads or writes files. Screens return `Command`s; each is carried out here,
//! and after each the app checks whether an attempt just ended (a shift whose
//! buyers are all done, a quiz handed in) and records it.

use super::saved::run_meta;
use super::{BriefingScreen, Command, ExportFormat, HomeScreen, KefuApp, Notice, QuizView, Screen, ScorecardList, ScorecardView, SupervisorScreen, TrainerScreen, TypingView, Workbench};
use crate::i18n::Msg;
use crate::quiz::session::QuizSession;
use crate::quiz::spec::{QuizMode, QuizSpec, build};
use crate::scorecard::{QuizCard, Record, RecordRef, Scorecard, TypingCard};
use crate::store::attempt::Recorded;
use crate::store::{Attempt, Autosave, InProgress, StoreError, record_attempt};
use crate::store::exam::ExamInProgress;
use crate::store::review::Progress;
use crate::store::Role;
use std::path::PathBuf;

impl KefuApp {
    /// Carries out one command.
    pub fn handle(&mut self, command: Command) {
        match command {
            Command::GoHome => self.go_home(),
            Command::OpenBriefing { scenario } => self.go(Screen::Briefing(BriefingScreen::new(scenario, &self.settings))),
            Command::StartScenarios { scenarios } => self.start_workbench(&scenarios),
            Command::StartRush => {
                let picks = super::home::rush_picks(self.lang(), &self.bundle.course);
                match picks.len() {
                    0 => {}
                    1 => self.handle(Command::OpenBriefing { scenario: picks[0].clone() }),
                    _ => self.go(Screen::Briefing(BriefingScreen::rush(picks, &self.settings))),
                }
            }
            Command::ResumeSession => {
                if let Some(saved) = self.resume.take() {
                    match Workbench::resume(&self.bundle, &saved, self.clock.now()) {
                        Ok(workbench) => self.go(Screen::Workbench(Box::new(workbench))),
                        Err(error) => self.notice = Some(Notice::problem_in(Msg::CannotResume, error.shown())),
                    }
                }
            }
            Command::DiscardSession => {
                self.resume = None;
                if let Err(error) = Autosave::clear(&self.data) {
                    self.notice = Some(Notice::problem(Msg::AutosaveFailed, error));
                }
            }
            Command::OpenScorecards => self.go(Screen::Scorecards(ScorecardList)),
            Command::OpenRecord { path } => self.open_record(crate::store::read_record(&path)),
            Command::StartQuiz { mode } => self.start_quiz(mode),
            Command::OpenTypingDrill => {
                let lang = self.settings.ui_lang;
                let best = match Progress::load(&self.data, &self.trainee_id()) {
                    Ok(progress) => progress.typing_best(lang),
                    Err(problem) => {
                        self.notice = Some(Notice::problem(Msg::ReviewNotRead, problem));
                        0.0
                    }
                };
                let notice = self.notice.take();
                self.go(Screen::Typing(Box::new(TypingView::new(best, lang))));
                self.notice = notice;
            }

            Command::SetRole(role) => {
                self.settings.role = role;
                self.go_home();
                self.save_settings();
            }
            Command::PickCohortFolder => self.pick_cohort_folder(),
            Command::AddCohortFolder(folder) => {
                if self.settings.supervisor_folders.contains(&folder) {
                    self.notice = Some(Notice::plain(Msg::FolderAlreadyOpen));
                } else {
                    self.settings.supervisor_folders.push(folder);
                    // What the notice said (no folder dialogue, already open) is answered now.
                    self.notice = None;
                    self.cohort_folders_changed();
                }
            }
            Command::RemoveCohortFolder(index) => {
                if index < self.settings.supervisor_folders.len() {
                    self.settings.supervisor_folders.remove(index);
                    self.cohort_folders_changed();
                }
            }
            Command::RefreshCohort => {
                if let Screen::Supervisor(screen) = &mut self.screen {
                    screen.refresh();
                }
            }
            Command::CohortLostPoints { scenario } => {
                let bundle = self.bundle.clone();
                if let Screen::Supervisor(screen) = &mut self.screen {
                    screen.ask_lost_points(scenario, bundle);
                }
            }
            Command::PollCohort => {
                let printed = match &mut self.screen {
                    Screen::Supervisor(screen) => {
                        screen.poll();
                        screen.take_performance_file()
                    }
                    _ => None,
                };
                if let Some(printed) = printed {
                    self.write_performance_file(printed);
                }
            }
            Command::PrintPerformanceFile { trainee } => {
                // The day it is made, in UTC as every record's time is.
                let generated: String = humantime::format_rfc3339_seconds(self.clock.wall()).to_string().chars().take(10).collect();
                let lang = self.settings.ui_lang;
                if let Screen::Supervisor(screen) = &mut self.screen {
                    screen.ask_performance_file(super::supervisor::PrintRequest { trainee, lang, generated });
                }
            }
            Command::OpenCohortRecord { path } => self.open_for_review(path, None),
            Command::AnswerDispute { scorecard, dispute } => self.open_for_review(scorecard, Some(dispute)),
            Command::SaveReview { signed_off } => self.save_review(signed_off),
            Command::OpenRoundReview { round, scorecard, reviewer } => self.open_round_review(&round, scorecard, reviewer),
            Command::NewCalibrationRound { name, organiser, reviewers, scorecards } => self.new_calibration_round(&name, &organiser, &reviewers, &scorecards),

            Command::SetLanguage(lang) => {
                self.settings.ui_lang = lang;
                self.save_settings();
            }
            Command::SetDarkTheme(dark) => {
                self.settings.dark_theme = dark;
                self.save_settings();
            }
            Command::SetTrainee { name, id } => {
                if (name.as_str(), id.as_str()) != (self.settings.trainee_name.as_str(), self.settings.trainee_id.as_str()) {
                    self.settings.trainee_name = name;
                    self.settings.trainee_id = id;
                    self.save_settings();
                }
            }
            Command::SetPracticeSource(source) => self.practice_source = source,
            Command::AddQuickPhrase { lang, phrase } => {
                if !phrase.trim().is_empty() {
                    self.settings.quick_phrases_mut(lang).push(phrase);
                    self.save_settings();
                }
            }
            Command::RemoveQuickPhrase { lang, index } => {
                if index < self.settings.quick_phrases(lang).len() {
                    self.settings.quick_phrases_mut(lang).remove(index);
                    self.save_settings();
                }
            }

            Command::SelectBuyer(buyer) => {
                if let Screen::Workbench(wb) = &mut self.screen {
                    wb.select(buyer);
                }
            }
            Command::Typing { buyer } => self.on_workbench(|wb, now, data| wb.typing(buyer, now, data)),
            Command::Send { buyer } => self.on_workbench(|wb, now, data| wb.send(buyer, now, data)),
            Command::Act { buyer, action } => self.on_workbench(|wb, now, data| wb.act(buyer, action, now, data)),
            Command::EndSession => self.on_workbench(|wb, now, _| wb.end_now(now)),
            Command::Tick => {
                if let Screen::Quiz(quiz) = &mut self.screen {
                    let now = quiz.now(&self.clock);
                    quiz.tick(now);
                }
                self.on_workbench(|wb, now, _| {
                    wb.tick(now);
                    Ok(())
                });
            }

            Command::QuizAnswer(answer) => {
                if let Screen::Quiz(quiz) = &mut self.screen {
                    let now = quiz.now(&self.clock);
                    if quiz.answer(answer, now) {
                        self.save_exam();
                    }
                }
            }
            Command::QuizNext => {
                if let Screen::Quiz(quiz) = &mut self.screen {
                    let now = quiz.now(&self.clock);
                    quiz.next(now);
                }
            }
            Command::QuizHandIn | Command::QuizHandInConfirmed => {
                if let Screen::Quiz(quiz) = &mut self.screen {
                    let now = quiz.now(&self.clock);
                    quiz.hand_in(now, command == Command::QuizHandInConfirmed);
                }
            }
            Command::QuizKeepAnswering => {
                if let Screen::Quiz(quiz) = &mut self.screen {
                    quiz.keep_answering();
                }
            }
            Command::QuizBegin => {
                let (now, unix) = (self.clock.now(), self.clock.unix_secs());
                if let Screen::Quiz(quiz) = &mut self.screen
                    && quiz.begin(now)
                {
                    // The exam's clock starts now, and it is kept on disk from here on.
                    if let Some(exam) = &mut quiz.exam {
                        exam.started_unix = unix;
                    }
                    self.save_exam();
                }
            }
            Command::QuizGoTo(index) => {
                if let Screen::Quiz(quiz) = &mut self.screen {
                    quiz.go_to(index);
                }
            }
            Command::QuizToggleFlag => {
                if let Screen::Quiz(quiz) = &mut self.screen {
                    quiz.toggle_flag();
                }
            }

            Command::TypingDone => self.typing_done(),
            Command::TypingNext => {
                if let Screen::Typing(drill) = &mut self.screen {
                    drill.next();
                }
            }

            Command::SelectCard(index) => {
                if let Screen::Scorecard(view) = &mut self.screen {
                    view.select(index);
                }
                self.attach_dispute_form();
            }
            Command::Retry => {
                if let Screen::Scorecard(view) = &self.screen {
                    let scenarios: Vec<String> = view.cards.iter().map(|c| c.scenario.id.clone()).collect();
                    match scenarios.as_slice() {
                        [one] => self.handle(Command::OpenBriefing { scenario: one.clone() }),
                        [] => self.handle(Command::GoHome),
                        // A rush shift is retried as a rush shift with the same buyers.
                        _ => self.start_workbench(&scenarios),
                    }
                }
            }
            Command::Export(format) => self.export(format),
            Command::FileDispute { finding, reason } => self.file_dispute(finding, &reason),
        }
        self.record_if_over();
    }

    /// Shows `screen`; the old screen's notice and the saved-attempts cache go
    /// with it. The supervisor's workspace is kept aside, with what it read.
    pub(super) fn go(&mut self, screen: Screen) {
        if let Screen::Supervisor(workspace) = std::mem::replace(&mut self.screen, screen) {
            self.parked_supervisor = Some(workspace);
        }
        self.notice = None;
        self.saved = None;
    }

    /// The role's own start: home for a trainee, the dashboard (as it was
    /// left) for a supervisor, the trainer's page.
    fn go_home(&mut self) {
        let screen = match self.settings.role {
            Role::Trainee => Screen::Home(HomeScreen::new(&self.settings)),
            Role::Supervisor => {
                let folders = self.settings.supervisor_folders.clone();
                Screen::Supervisor(self.parked_supervisor.take().unwrap_or_else(|| Box::new(SupervisorScreen::new(folders))))
            }
            Role::Trainer => Screen::Trainer(TrainerScreen),
        };
        self.go(screen);
    }

    /// A record opened from "my scorecards" or the dashboard: its scorecard, or a quiz's marked answers.
    pub(super) fn open_record(&mut self, record: Result<Record, StoreError>) {
        match record {
            Ok(Record::Scenario(card)) => {
                self.go(Screen::Scorecard(Box::new(ScorecardView::new(vec![card], &self.bundle))));
                self.attach_dispute_form();
            }
            Ok(Record::Quiz(card)) => self.go(Screen::Quiz(Box::new(QuizView::from_card(card, self.clock.now())))),
            // The lists show a typing record whole (speed, accuracy); it has no screen of its own.
            Ok(Record::Typing(_)) => {}
            Err(problem) => self.notice = Some(Notice::problem(Msg::CannotOpen, problem)),
        }
    }

    /// The supervisor's folders changed: remembered, and read (what was read of the folders kept is kept).
    fn cohort_folders_changed(&mut self) {
        let folders = self.settings.supervisor_folders.clone();
        match &mut self.screen {
            Screen::Supervisor(screen) => screen.set_folders(folders),
            _ => {
                if let Some(screen) = &mut self.parked_supervisor {
                    screen.set_folders(folders);
                }
            }
        }
        self.save_settings();
    }

    /// A calibration round from the supervisor's form: the people read as
    /// `name:id`, the scorecards read whole, the round sealed and saved in the
    /// first scorecard's data folder; then the folders are read again, so the
    /// tab lists it. What is wrong is said in the UI's words.
    fn new_calibration_round(&mut self, name: &str, organiser: &str, reviewers: &[String], scorecards: &[PathBuf]) {
        use crate::scorecard::calibration::{CalibrationRound, RoundError, person};
        let Some(organiser) = person(organiser) else {
            self.notice = Some(Notice::plain(RoundError::NoOrganiser.label()));
            return;
        };
        let Some(reviewers) = reviewers.iter().filter(|line| !line.trim().is_empty()).map(|line| person(line)).collect::<Option<Vec<_>>>() else {
            self.notice = Some(Notice::plain(RoundError::TooFewReviewers.label()));
            return;
        };
        let cards = match scorecards.iter().map(|path| crate::store::read_scorecard(path)).collect::<Result<Vec<_>, _>>() {
            Ok(cards) => cards,
            Err(problem) => {
                self.notice = Some(Notice::problem(Msg::CalibCannotCreate, problem));
                return;
            }
        };
        let when = Some(humantime::format_rfc3339_seconds(self.clock.wall()).to_string());
        let round = match CalibrationRound::new(name, organiser, when, &cards.iter().collect::<Vec<_>>(), reviewers) {
            Ok(round) => round,
            Err(error) => {
                self.notice = Some(Notice::plain(error.label()));
                return;
            }
        };
        let Some(data) = scorecards.first().and_then(|path| crate::store::data_folder_of(path)) else {
            self.notice = Some(Notice::plain(Msg::CalibCannotCreate));
            return;
        };
        match crate::store::calibration::save_round(&data, &round) {
            Ok(path) => {
                self.notice = Some(Notice::done(Msg::CalibCreated, path.display()));
                if let Screen::Supervisor(screen) = &mut self.screen {
                    screen.refresh();
                }
            }
            Err(problem) => self.notice = Some(Notice::problem(Msg::CalibCannotCreate, problem)),
        }
    }

    /// The folder dialogue (XDG desktop portal), where there is a desktop
    /// session bus to reach it; otherwise the path is typed.
    fn pick_cohort_folder(&mut self) {
        if std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_none() {
            self.notice = Some(Notice::plain(Msg::NoFolderDialog));
            return;
        }
        let picked: Option<PathBuf> = rfd::FileDialog::new().pick_folder();
        if let Some(folder) = picked {
            self.handle(Command::AddCohortFolder(folder));
        }
    }

    pub(super) fn save_settings(&mut self) {
        self.saved = None;
        if let Err(error) = self.settings.save(&self.data) {
            self.notice = Some(Notice::problem(Msg::SettingsNotSaved, error));
        }
    }

    /// A phrase of the typing drill is done: scored, recorded, and kept as the
    /// personal best when it is one.
    fn typing_done(&mut self) {
        let now = self.clock.now();
        let Screen::Typing(drill) = &mut self.screen else { return };
        let Some(scored) = drill.score(now) else { return };
        let lang = drill.lang;
        // Every phrase is a record, so a supervisor sees typing speed over time.
        let card = TypingCard::from_attempt(lang, drill.target(), drill.typed(), scored.secs, run_meta(&self.settings, &self.clock));
        self.notice = Some(recorded_notice(record_attempt(&self.data, Attempt::Typing(&card), InProgress::Nothing, self.clock.unix_now())));
        if let Some(best) = scored.new_best {
            let trainee = self.trainee_id();
            let saved = Progress::load(&self.data, &trainee).and_then(|mut progress| {
                progress.set_typing_best(lang, best);
                progress.save(&self.data, &trainee)
            });
            if let Err(error) = saved {
                self.notice = Some(Notice::problem(Msg::ReviewNotSaved, error));
            }
        }
        // The saved-attempts cache (my scorecards) now misses this record.
        self.saved = None;
    }

    fn start_workbench(&mut self, scenarios: &[String]) {
        match Workbench::start(&self.bundle, scenarios, self.clock.seed(7), self.clock.now()) {
            Ok(workbench) => self.go(Screen::Workbench(Box::new(workbench))),
            Err(error) => self.notice = Some(Notice::problem_in(Msg::CannotStart, error.shown())),
        }
    }

    /// Runs `change` on the workbench at its "now"; a problem becomes the notice.
    fn on_workbench(&mut self, change: impl FnOnce(&mut Workbench, f64, &std::path::Path) -> Result<(), Notice>) {
        let Screen::Workbench(wb) = &mut self.screen else { return };
        let now = wb.now(&self.clock);
        if let Err(notice) = change(wb, now, &self.data) {
            self.notice = Some(notice);
        }
    }

    /// An attempt that just ended is graded, saved and fed to the review deck.
    fn record_if_over(&mut self) {
        match &self.screen {
            Screen::Workbench(wb) if wb.shift.is_over() => self.record_shift(),
            Screen::Quiz(quiz) if quiz.needs_recording() => self.record_quiz(),
            _ => {}
        }
    }

    /// Grades every buyer's scorecard and records the attempt (saved, facts
    /// stated wrongly or left out fed to the review deck, the autosave
    /// cleared), then shows the scorecards.
    fn record_shift(&mut self) {
        let Screen::Workbench(wb) = &self.screen else { return };
        let meta = run_meta(&self.settings, &self.clock);
        let cards: Vec<Scorecard> = wb.shift.sessions().iter().filter_map(|s| s.result()).filter_map(|result| Scorecard::from_run(&self.bundle.course, &result, meta.clone())).collect();
        let recorded = record_attempt(&self.data, Attempt::Session(&cards), InProgress::Autosave, self.clock.unix_now());
        let view = ScorecardView::new(cards, &self.bundle);
        self.go(Screen::Scorecard(Box::new(view)));
        self.attach_dispute_form();
        self.notice = Some(recorded_notice(recorded));
    }

    fn start_quiz(&mut self, mode: QuizMode) {
        let lang = self.lang();
        // One exam at a time: a started one is resumed, with the time it has left.
        if mode == QuizMode::Exam
            && let Some(exam) = self.exam.clone()
        {
            let elapsed = (self.clock.unix_secs() - exam.started_unix).max(0.0);
            let resumed = build(&self.bundle.course, &exam.spec)
                .ok()
                .filter(|items| items.len() == exam.answers.len())
                .and_then(|items| QuizView::resume(items, exam, elapsed, self.clock.now()));
            match resumed {
                Some(view) => self.go(Screen::Quiz(Box::new(view))),
                None => self.notice = Some(Notice::plain(Msg::CannotResumeExam)),
            }
            // An exam whose time ran out meanwhile is recorded by handle's record_if_over.
            return;
        }
        let seed = self.clock.seed(11);
        let spec = match mode {
            QuizMode::Review => {
                let due: Vec<String> = match Progress::load(&self.data, &self.trainee_id()) {
                    Ok(progress) => progress.deck.due(self.clock.unix_now()).into_iter().map(str::to_string).collect(),
                    Err(problem) => {
                        self.notice = Some(Notice::problem(Msg::ReviewNotRead, problem));
                        return;
                    }
                };
                QuizSpec::review(lang, due, seed)
            }
            QuizMode::Exam => QuizSpec::exam(lang, seed),
            QuizMode::Practice => QuizSpec { sources: self.practice_source.iter().cloned().collect(), ..QuizSpec::practice(lang, seed) },
        };
        let items = match build(&self.bundle.course, &spec) {
            Ok(items) if !items.is_empty() => items,
            _ => {
                self.notice = Some(Notice::plain(Msg::NoQuestions));
                return;
            }
        };
        let exam = (mode == QuizMode::Exam).then(|| ExamInProgress {
            trainee: run_meta(&self.settings, &self.clock).trainee,
            spec: spec.clone(),
            started_unix: self.clock.unix_secs(),
            answers: vec![None; items.len()],
        });
        let session = QuizSession::from_spec(items, &spec, 0.0);
        let view = QuizView::new(spec, session, self.clock.now(), exam);
        // An exam shows its rules first; it is saved (and its clock runs) from Start.
        let on_rules = view.on_rules();
        self.go(Screen::Quiz(Box::new(view)));
        if !on_rules {
            self.save_exam();
        }
    }

    /// Keeps an exam's answers on disk after each one, so closing the app loses nothing.
    fn save_exam(&mut self) {
        let Screen::Quiz(quiz) = &mut self.screen else { return };
        let answers = quiz.session.answers();
        let Some(exam) = &mut quiz.exam else { return };
        exam.answers = answers;
        if let Err(error) = exam.save(&self.data) {
            self.notice = Some(Notice::problem(Msg::ExamNotSaved, error));
        }
        self.exam = Some(exam.clone());
    }

    /// Once a quiz is over: its scorecard is made and recorded (saved, its
    /// answered questions fed to the review deck, an exam in progress cleared).
    fn record_quiz(&mut self) {
        let Screen::Quiz(quiz) = &mut self.screen else { return };
        let Some(result) = quiz.session.result().cloned() else { return };
        let mut meta = run_meta(&self.settings, &self.clock);
        let exam = quiz.exam.take();
        if let Some(exam) = &exam {
            meta.trainee = exam.trainee.clone();
        }
        match QuizCard::from_attempt(&self.bundle.course, &quiz.spec, &quiz.session.items, quiz.session.answers(), &result, meta) {
            Ok(card) => {
                let in_progress = if exam.is_some() { InProgress::Exam } else { InProgress::Nothing };
                let recorded = record_attempt(&self.data, Attempt::Quiz(&card), in_progress, self.clock.unix_now());
                if exam.is_some() && recorded.is_ok() {
                    self.exam = None;
                }
                self.notice = Some(recorded_notice(recorded));
                quiz.set_over(Some(card));
            }
            Err(error) => {
                self.notice = Some(Notice::problem(Msg::NotSaved, error));
                quiz.set_over(None);
            }
        }
    }

    /// Exports the record on show through the native save dialogue, or, where
    /// there is none (no desktop session bus, e.g. under Xvfb), into
    /// `<data>/exports/`, and says where it went.
    fn export(&mut self, format: ExportFormat) {
        let record: RecordRef = match &self.screen {
            Screen::Scorecard(view) => match view.card() {
                Some(card) => card.into(),
                None => return,
            },
            Screen::Quiz(quiz) => match quiz.card() {
                Some(card) => card.into(),
                None => return,
            },
            _ => return,
        };
        let mut bytes = Vec::new();
        let written = match format {
            ExportFormat::Html => crate::scorecard::html::write(&mut bytes, [record]),
            ExportFormat::Csv => crate::scorecard::csv::write_summary(&mut bytes, [record]),
            ExportFormat::Json => {
                bytes.extend(record.to_json().as_bytes());
                Ok(())
            }
        };
        if let Err(error) = written {
            self.notice = Some(Notice::problem(Msg::ExportFailed, error));
            return;
        }
        let extension = format.extension();
        let file_name = record.file_name().replace(".json", &format!(".{extension}"));
        let Some(path) = self.export_path(&file_name, extension) else { return };
        self.notice = Some(match crate::store::write_atomic(&path, &bytes) {
            Ok(()) => Notice::done(Msg::Exported, path.display()),
            Err(error) => Notice::problem(Msg::ExportFailed, error),
        });
    }
}

impl KefuApp {
    /// Where an export goes: the native save dialogue's choice (`None` when
    /// cancelled), or, with no desktop session bus for it, `exports/` in the data folder.
    fn export_path(&self, file_name: &str, extension: &str) -> Option<std::path::PathBuf> {
        if std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some() {
            rfd::FileDialog::new().set_file_name(file_name).add_filter(extension, &[extension]).save_file()
        } else {
            Some(self.data.join("exports").join(file_name))
        }
    }

    /// Writes a performance file the reading thread made, as an export is written.
    fn write_performance_file(&mut self, printed: super::supervisor::Printed) {
        let bytes = match printed.page {
            Ok(bytes) => bytes,
            Err(error) => {
                self.notice = Some(Notice::problem(Msg::ExportFailed, error));
                return;
            }
        };
        let Some(path) = self.export_path(&printed.file_name, "html") else { return };
        self.notice = Some(match crate::store::write_atomic(&path, &bytes) {
            Ok(()) => Notice::done(Msg::Exported, path.display()),
            Err(error) => Notice::problem(Msg::ExportFailed, error),
        });
    }
}

/// What recording an attempt says: where it was saved (one file, or the
/// trainee's folder for a rush shift), a deck that had to be set aside, or why
/// nothing was saved.
fn recorded_notice(recorded: Result<Recorded, StoreError>) -> Notice {
    match recorded {
        Ok(recorded) => {
            if let Some(warning) = recorded.warnings.first() {
                return Notice::problem(Msg::ReviewNotRead, warning);
            }
            match recorded.saved.as_slice() {
                [one] => Notice::done(Msg::Saved, one.display()),
                [first, ..] => Notice::done(Msg::Saved, first.parent().unwrap_or(first).display()),
                [] => Notice::plain(Msg::NothingSaved),
            }
        }
        Err(error) => Notice::problem(Msg::NotSaved, error),
    }
}
