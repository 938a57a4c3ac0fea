//! Quizzes in the app: practice (immediate feedback), the timed exam (deferred
//! feedback, pass mark), review of due questions (spaced repetition), and the
//! typing drill. Answers are marked by the core; results feed the review deck.

use super::i18n::t;
use super::{KefuApp, Screen};
use crate::content::raw::Lang;
use crate::quiz::session::{QuizEvent, QuizResult, QuizSession, TimedAnswer};
use crate::quiz::spec::{QuizMode, QuizSpec, build};
use crate::quiz::mark::shown;
use crate::quiz::{Answer, ItemKind, Mark, QuizItem};
use crate::scorecard::QuizCard;
use crate::store::exam::ExamInProgress;
use crate::store::review::Progress;
use crate::store::{Attempt, InProgress, record_attempt};
use eframe::egui;
use std::time::Duration;

pub struct QuizView {
    pub spec: QuizSpec,
    pub session: QuizSession,
    pub current: usize,
    /// Seconds on the app clock when the quiz started (the session counts from 0).
    started_at: f64,
    choice: Option<usize>,
    choices: Vec<bool>,
    truth: Option<bool>,
    text: String,
    /// Immediate feedback on the current question.
    feedback: Option<(Mark, String)>,
    /// The attempt's scorecard, once it is over (saved with the others).
    pub card: Option<QuizCard>,
    recorded: bool,
    /// An exam's trainee, fixed when it started (kept in `exam-in-progress.json`).
    exam: Option<ExamInProgress>,
    /// "Hand in" was pressed with questions unanswered: asking to confirm.
    confirm_hand_in: bool,
}

/// Questions due for review at `now` (Unix seconds), for the home screen's count.
pub fn due_count(data: &std::path::Path, trainee_id: &str, now: i64) -> Result<usize, crate::store::StoreError> {
    Ok(Progress::load(data, trainee_id)?.deck.due(now).len())
}

impl QuizView {
    /// Starts an attempt. An exam already in progress is resumed instead: one exam at a time.
    pub fn start(app: &KefuApp, mode: QuizMode) -> Option<QuizView> {
        if mode == QuizMode::Exam
            && let Some(exam) = &app.exam
        {
            return QuizView::resume(app, exam.clone());
        }
        let lang = app.lang();
        let seed = match &app.clock {
            super::Clock::Real(_) => app.clock.unix_now() as u64,
            super::Clock::Manual(_) => 11,
        };
        let spec = match mode {
            QuizMode::Review => {
                let trainee = super::home::trainee_id(app);
                let due: Vec<String> = Progress::load(&app.data, &trainee).unwrap_or_default().deck.due(app.clock.unix_now()).into_iter().map(str::to_string).collect();
                QuizSpec::review(lang, due, seed)
            }
            QuizMode::Exam => QuizSpec::exam(lang, seed),
            QuizMode::Practice => QuizSpec { sources: app.practice_source.iter().cloned().collect(), ..QuizSpec::practice(lang, seed) },
        };
        let items = build(&app.bundle.course, &spec).ok()?;
        if items.is_empty() {
            return None;
        }
        let exam = (mode == QuizMode::Exam).then(|| ExamInProgress {
            trainee: super::home::run_meta(app).trainee,
            spec: spec.clone(),
            started_unix: app.clock.unix_secs(),
            answers: vec![None; items.len()],
        });
        let session = QuizSession::from_spec(items, &spec, 0.0);
        let mut view = QuizView::new(spec, session, app.clock.now(), exam);
        view.reset_inputs();
        Some(view)
    }

    fn new(spec: QuizSpec, session: QuizSession, started_at: f64, exam: Option<ExamInProgress>) -> QuizView {
        QuizView { spec, session, current: 0, started_at, choice: None, choices: Vec::new(), truth: None, text: String::new(), feedback: None, card: None, recorded: false, exam, confirm_hand_in: false }
    }

    /// The exam left open: the same questions, the answers given so far, and the
    /// time that is left on the wall clock (time up meanwhile hands it in).
    fn resume(app: &KefuApp, exam: ExamInProgress) -> Option<QuizView> {
        let items = build(&app.bundle.course, &exam.spec).ok().filter(|items| items.len() == exam.answers.len())?;
        let elapsed = (app.clock.unix_secs() - exam.started_unix).max(0.0);
        let mut session = QuizSession::with_answers(items, &exam.spec, &exam.answers).ok()?;
        let _ = session.tick(elapsed);
        let mut view = QuizView::new(exam.spec.clone(), session, app.clock.now() - elapsed, Some(exam));
        view.current = view.session.answers().iter().position(Option::is_none).unwrap_or(0);
        view.reset_inputs();
        Some(view)
    }

    /// Keeps an exam's answers on disk after each one, so closing the app loses nothing.
    pub fn save_exam(&mut self, app: &mut KefuApp) {
        let Some(exam) = &mut self.exam else { return };
        exam.answers = self.session.answers();
        if let Err(error) = exam.save(&app.data) {
            app.status = Some(format!("exam: {error}"));
        }
        app.exam = Some(exam.clone());
    }

    /// A saved attempt, shown as it was recorded.
    pub fn from_card(card: QuizCard, now: f64) -> QuizView {
        let mut session = QuizSession::from_spec(card.items.clone(), &card.quiz, 0.0);
        let _ = session.finish(card.result.duration_secs);
        let mut view = QuizView::new(card.quiz.clone(), session, now, None);
        view.card = Some(card);
        view.recorded = true;
        view
    }

    fn reset_inputs(&mut self) {
        self.choice = None;
        self.truth = None;
        self.text.clear();
        self.feedback = None;
        self.choices = match self.session.items.get(self.current).map(|i| &i.kind) {
            Some(ItemKind::Multiple { options, .. }) => vec![false; options.len()],
            _ => Vec::new(),
        };
    }

    fn answer(&self) -> Option<Answer> {
        let item = self.session.items.get(self.current)?;
        Some(match &item.kind {
            ItemKind::Single { options, .. } => Answer::Choice(options.get(self.choice?)?.clone()),
            ItemKind::Multiple { options, .. } => {
                Answer::Choices(options.iter().zip(&self.choices).filter(|(_, on)| **on).map(|(o, _)| o.clone()).collect())
            }
            ItemKind::TrueFalse { .. } => Answer::Bool(self.truth?),
            ItemKind::FillIn { .. } | ItemKind::Numeric { .. } => {
                if self.text.trim().is_empty() {
                    return None;
                }
                Answer::Text(self.text.clone())
            }
        })
    }

    /// Once the attempt is over: its questions go into the trainee's review
    /// deck, and its scorecard is made and saved with the others.
    fn record(&mut self, app: &mut KefuApp) {
        let Some(result) = self.session.result().cloned() else { return };
        if self.recorded {
            return;
        }
        self.recorded = true;
        let mut meta = super::home::run_meta(app);
        let mut in_progress = InProgress::Nothing;
        if let Some(exam) = self.exam.take() {
            meta.trainee = exam.trainee;
            in_progress = InProgress::Exam;
        }
        match QuizCard::from_attempt(&app.bundle.course, &self.spec, &self.session.items, self.session.answers(), &result, meta) {
            Ok(card) => {
                // Saved, answers into the review deck, the exam in progress cleared.
                match record_attempt(&app.data, Attempt::Quiz(&card), in_progress, app.clock.unix_now()) {
                    Ok(recorded) => {
                        if in_progress == InProgress::Exam {
                            app.exam = None;
                        }
                        let saved = recorded.saved.last().map(|p| p.display().to_string()).unwrap_or_default();
                        let warnings = recorded.warnings.iter().map(|w| format!("; {w}")).collect::<String>();
                        app.status = Some(format!("{}: {saved}{warnings}", t(app.lang(), "saved")));
                    }
                    Err(error) => app.status = Some(format!("{}: {error}", t(app.lang(), "not_saved"))),
                }
                self.card = Some(card);
            }
            Err(error) => app.status = Some(format!("{}: {error}", t(app.lang(), "not_saved"))),
        }
    }
}

pub fn quiz_ui(app: &mut KefuApp, ui: &mut egui::Ui) -> Option<Screen> {
    let Screen::Quiz(mut view) = std::mem::replace(&mut app.screen, Screen::Home) else { return None };
    let lang = app.lang();
    let now = app.clock.now() - view.started_at;
    let _ = view.session.tick(now);
    if view.session.result().is_some() {
        view.record(app);
    }
    let mut next = None;
    let mut export = None;
    ui.horizontal(|ui| {
        let title = match view.spec.mode {
            QuizMode::Practice => t(lang, "quiz"),
            QuizMode::Exam => t(lang, "exam"),
            QuizMode::Review => t(lang, "review"),
        };
        ui.heading(title);
        if let Some(card) = &view.card {
            ui.weak(format!("{} · {}", card.trainee.name, card.when_utc.as_deref().unwrap_or("")));
        }
        if let Some(left) = view.session.time_left(now).filter(|_| view.session.result().is_none()) {
            ui.label(format!("{}: {:02}:{:02}", t(lang, "time_left"), (left / 60.0) as u64, (left % 60.0) as u64));
            ui.ctx().request_repaint_after(Duration::from_secs(1));
        }
        // An exam is left only by handing it in (or by time running out).
        let in_exam = view.exam.is_some() && view.session.result().is_none();
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if !in_exam && ui.button(t(lang, "home")).clicked() {
                next = Some(Screen::Home);
            }
            if view.card.is_some() {
                for format in ["html", "csv", "json"] {
                    if ui.button(format!("{} {}", t(lang, "export"), format.to_uppercase())).clicked() {
                        export = Some(format);
                    }
                }
                if ui.button(t(lang, "my_scorecards")).clicked() {
                    next = Some(Screen::Scorecards);
                }
            }
        });
    });
    if let Some(status) = &app.status {
        ui.weak(status);
    }
    ui.separator();
    if let Some(card) = &view.card {
        result_ui(ui, lang, &card.items, &card.answers, &card.result);
    } else if let Some(result) = view.session.result().cloned() {
        result_ui(ui, lang, &view.session.items, &view.session.answers(), &result);
    } else {
        let answered = view.session.answers().iter().filter(|a| a.is_some()).count();
        question_ui(ui, lang, &mut view, now);
        if view.session.answers().iter().filter(|a| a.is_some()).count() != answered {
            view.save_exam(app);
        }
    }
    if let (Some(format), Some(card)) = (export, &view.card) {
        let message = super::scorecard_view::export_record(app, card.into(), format);
        if !message.is_empty() {
            app.status = Some(message);
        }
    }
    if next.is_none() {
        app.screen = Screen::Quiz(view);
    }
    next
}

fn question_ui(ui: &mut egui::Ui, lang: Lang, view: &mut QuizView, now: f64) {
    let total = view.session.items.len();
    let Some(item) = view.session.items.get(view.current).cloned() else { return };
    ui.label(format!("{} {}/{}", t(lang, "question"), view.current + 1, total));
    ui.add_space(4.0);
    ui.label(egui::RichText::new(&item.prompt).size(17.0));
    ui.add_space(8.0);
    let answered = view.feedback.is_some();
    ui.add_enabled_ui(!answered, |ui| match &item.kind {
        ItemKind::Single { options, .. } => {
            for (index, option) in options.iter().enumerate() {
                ui.radio_value(&mut view.choice, Some(index), option);
            }
        }
        ItemKind::Multiple { options, .. } => {
            for (index, option) in options.iter().enumerate() {
                ui.checkbox(&mut view.choices[index], option);
            }
        }
        ItemKind::TrueFalse { .. } => {
            ui.radio_value(&mut view.truth, Some(true), t(lang, "true"));
            ui.radio_value(&mut view.truth, Some(false), t(lang, "false"));
        }
        ItemKind::FillIn { .. } | ItemKind::Numeric { .. } => {
            let label = ui.label(t(lang, "answer"));
            let unit = if let ItemKind::Numeric { unit, .. } = &item.kind { unit.clone() } else { String::new() };
            ui.horizontal(|ui| {
                ui.add(egui::TextEdit::singleline(&mut view.text).desired_width(220.0)).labelled_by(label.id);
                ui.label(unit);
            });
        }
    });
    ui.add_space(8.0);
    if let Some((mark, explain)) = &view.feedback {
        let (text, colour) = if mark.right { (t(lang, "right"), egui::Color32::from_rgb(40, 150, 70)) } else { (t(lang, "wrong"), egui::Color32::from_rgb(200, 60, 50)) };
        ui.colored_label(colour, format!("{text} · {}: {}", t(lang, "right_answer"), shown(&item, &mark.expected, lang)));
        ui.label(explain);
        if ui.button(t(lang, "next")).clicked() {
            view.current += 1;
            view.reset_inputs();
            if view.current >= total {
                let _ = view.session.finish(now);
            }
        }
        return;
    }
    ui.horizontal(|ui| {
        let ready = view.answer();
        if ui.add_enabled(ready.is_some(), egui::Button::new(t(lang, "submit"))).clicked()
            && let Some(answer) = ready
        {
            if let Ok(events) = view.session.answer(view.current, answer, now) {
                for event in events {
                    if let QuizEvent::Marked { mark, explain, .. } = event {
                        view.feedback = Some((mark, explain));
                    }
                }
            }
            if view.feedback.is_none() {
                view.current += 1;
                view.reset_inputs();
            }
        }
        if ui.button(t(lang, "finish_quiz")).clicked() {
            let unanswered = view.session.answers().iter().filter(|a| a.is_none()).count();
            if unanswered == 0 {
                let _ = view.session.finish(now);
            } else {
                view.confirm_hand_in = true;
            }
        }
    });
    // Handing in with questions left is final: ask once.
    if view.confirm_hand_in {
        let unanswered = view.session.answers().iter().filter(|a| a.is_none()).count();
        ui.add_space(6.0);
        ui.colored_label(egui::Color32::from_rgb(200, 120, 40), t(lang, "confirm_hand_in").replace("{n}", &unanswered.to_string()));
        ui.horizontal(|ui| {
            if ui.button(t(lang, "hand_in_now")).clicked() {
                let _ = view.session.finish(now);
                view.confirm_hand_in = false;
            }
            if ui.button(t(lang, "keep_answering")).clicked() {
                view.confirm_hand_in = false;
            }
        });
    }
}

fn result_ui(ui: &mut egui::Ui, lang: Lang, items: &[QuizItem], answers: &[Option<TimedAnswer>], result: &QuizResult) {
    let (text, colour) = if result.passed { (t(lang, "passed"), egui::Color32::from_rgb(40, 150, 70)) } else { (t(lang, "failed"), egui::Color32::from_rgb(200, 60, 50)) };
    let right = result.marks.iter().flatten().filter(|m| m.right).count();
    ui.horizontal(|ui| {
        ui.label(egui::RichText::new(text).color(colour).strong().size(22.0));
        ui.label(egui::RichText::new(format!("{}: {:.1}% ({} {:.0}%)", t(lang, "score"), result.score_pct, t(lang, "pass_mark"), result.pass_mark_pct)).size(18.0));
        ui.label(format!("{right}/{} · {:.0}s", items.len(), result.duration_secs));
        if result.timed_out {
            ui.colored_label(egui::Color32::from_rgb(200, 60, 50), t(lang, "time_up"));
        }
    });
    egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
        for (index, item) in items.iter().enumerate() {
            let mark = result.marks.get(index).and_then(Option::as_ref);
            let ok = mark.is_some_and(|m| m.right);
            let colour = if ok { egui::Color32::from_rgb(40, 150, 70) } else { egui::Color32::from_rgb(200, 60, 50) };
            ui.horizontal_wrapped(|ui| {
                ui.colored_label(colour, if ok { "✓" } else { "×" });
                ui.label(egui::RichText::new(format!("{}. {}", index + 1, item.prompt)).strong());
            });
            let given = answers.get(index).and_then(Option::as_ref).map(|a| shown(item, &crate::quiz::mark::answer_text(&a.answer), lang));
            match &given {
                Some(given) => ui.label(format!("   {}: {given}", t(lang, "your_answer"))),
                None => ui.colored_label(colour, format!("   {}", t(lang, "unanswered"))),
            };
            if !ok {
                let right = mark.map(|m| m.expected.clone()).unwrap_or_else(|| crate::quiz::mark::expected(item));
                ui.colored_label(colour, format!("   {}: {}", t(lang, "right_answer"), shown(item, &right, lang)));
            }
            ui.weak(format!("   {}", item.explain));
            ui.add_space(4.0);
        }
    });
}

/// The typing drill.
pub struct TypingView {
    pub phrase: usize,
    pub typed: String,
    started: Option<f64>,
    pub result: Option<crate::quiz::typing::TypingScore>,
    best: f64,
}

impl TypingView {
    pub fn new(app: &KefuApp) -> TypingView {
        TypingView { phrase: 0, typed: String::new(), started: None, result: None, best: Progress::load(&app.data, &super::home::trainee_id(app)).unwrap_or_default().typing_best_cpm }
    }
}

pub fn typing_ui(app: &mut KefuApp, ui: &mut egui::Ui) -> Option<Screen> {
    let Screen::Typing(mut view) = std::mem::replace(&mut app.screen, Screen::Home) else { return None };
    let lang = app.lang();
    let now = app.clock.now();
    let phrases = crate::quiz::typing::PHRASES;
    let mut next = None;
    ui.horizontal(|ui| {
        ui.heading(t(lang, "typing"));
        ui.label(format!("{}: {:.0}", t(lang, "personal_best"), view.best));
        if ui.button(t(lang, "home")).clicked() {
            next = Some(Screen::Home);
        }
    });
    ui.separator();
    let target = phrases[view.phrase % phrases.len()];
    ui.label(t(lang, "phrase_to_copy"));
    ui.label(egui::RichText::new(target).size(18.0));
    let label = ui.label(t(lang, "answer"));
    let before = view.typed.clone();
    ui.add(egui::TextEdit::multiline(&mut view.typed).desired_rows(2).desired_width(600.0)).labelled_by(label.id);
    // The clock starts at the first committed character (IME pinyin is not committed text).
    if view.started.is_none() && before.is_empty() && !view.typed.is_empty() {
        view.started = Some(now);
    }
    ui.horizontal(|ui| {
        if ui.button(t(lang, "done")).clicked() && !view.typed.is_empty() {
            let secs = view.started.map(|s| now - s).unwrap_or(0.0).max(0.5);
            let score = crate::quiz::typing::score(target, &view.typed, secs);
            if score.accuracy >= 0.95 && score.chars_per_min > view.best {
                view.best = score.chars_per_min;
                let trainee = super::home::trainee_id(app);
                // A deck that cannot be read was set aside by `load`: say so, start afresh.
                let mut progress = Progress::load(&app.data, &trainee).unwrap_or_else(|problem| {
                    app.status = Some(problem.to_string());
                    Progress::default()
                });
                progress.typing_best_cpm = score.chars_per_min;
                if let Err(error) = progress.save(&app.data, &trainee) {
                    app.status = Some(error.to_string());
                }
            }
            view.result = Some(score);
        }
        if ui.button(t(lang, "next")).clicked() {
            view.phrase += 1;
            view.typed.clear();
            view.started = None;
            view.result = None;
        }
    });
    if let Some(score) = view.result {
        ui.label(format!("{}: {:.0} / min · {}: {:.0}%", t(lang, "speed"), score.chars_per_min, t(lang, "accuracy"), score.accuracy * 100.0));
    }
    if next.is_none() {
        app.screen = Screen::Typing(view);
    }
    next
}
