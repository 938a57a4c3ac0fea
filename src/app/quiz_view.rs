//! Quizzes in the app: practice (immediate feedback), the timed exam (deferred
//! feedback, pass mark), review of due questions (spaced repetition), and the
//! typing drill. Answers are marked by the core; results feed the review deck.

use super::i18n::t;
use super::{KefuApp, Screen};
use crate::content::raw::Lang;
use crate::quiz::session::{Feedback, QuizEvent, QuizResult, QuizSession, DEFAULT_PASS_MARK_PCT};
use crate::quiz::{Answer, ItemKind, Mark, QuizItem};
use crate::store::review::Progress;
use eframe::egui;
use std::time::Duration;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuizMode {
    Practice,
    Exam,
    Review,
}

pub struct QuizView {
    pub mode: QuizMode,
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
    recorded: bool,
}

pub const EXAM_QUESTIONS: usize = 20;
pub const EXAM_MINUTES: f64 = 30.0;
pub const PRACTICE_QUESTIONS: usize = 10;

fn unix_now() -> i64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs() as i64).unwrap_or(0)
}

/// Every question the course offers: its banks in `lang` and the generated ones.
pub fn all_items(app: &KefuApp, lang: Lang) -> Vec<QuizItem> {
    let mut draws = crate::seeded::Draws::new(0);
    let mut items: Vec<QuizItem> = app
        .bundle
        .course
        .quiz_banks
        .iter()
        .filter(|b| b.lang == lang)
        .flat_map(|b| b.questions.iter().map(|q| crate::quiz::item(&b.id, q, &mut draws)).collect::<Vec<_>>())
        .collect();
    if lang == Lang::Zh {
        items.extend(crate::quiz::generate::generate(&app.bundle.course));
    }
    items
}

/// Questions due for review now, for the home screen's count.
pub fn due_count(data: &std::path::Path, trainee_id: &str) -> usize {
    Progress::load(data, trainee_id).deck.due(unix_now()).len()
}

impl QuizView {
    pub fn start(app: &KefuApp, mode: QuizMode) -> Option<QuizView> {
        let lang = app.lang();
        let seed = match &app.clock {
            super::Clock::Real(_) => unix_now() as u64,
            super::Clock::Manual(_) => 11,
        };
        let items = match mode {
            QuizMode::Review => {
                let due = Progress::load(&app.data, &super::home::trainee_id(app)).deck.due(unix_now()).into_iter().map(str::to_string).collect::<Vec<_>>();
                all_items(app, lang).into_iter().filter(|q| due.contains(&q.id)).take(EXAM_QUESTIONS).collect::<Vec<_>>()
            }
            _ => {
                let banks: Vec<_> = app.bundle.course.quiz_banks.iter().filter(|b| b.lang == lang).cloned().collect();
                let count = if mode == QuizMode::Exam { EXAM_QUESTIONS } else { PRACTICE_QUESTIONS };
                crate::quiz::draw(&banks, &[], count, seed)
            }
        };
        if items.is_empty() {
            return None;
        }
        let (feedback, limit) = match mode {
            QuizMode::Exam => (Feedback::Deferred, Some(EXAM_MINUTES * 60.0)),
            _ => (Feedback::Immediate, None),
        };
        let session = QuizSession::start(items, feedback, limit, DEFAULT_PASS_MARK_PCT, 0.0);
        let mut view = QuizView { mode, session, current: 0, started_at: app.clock.now(), choice: None, choices: Vec::new(), truth: None, text: String::new(), feedback: None, recorded: false };
        view.reset_inputs();
        Some(view)
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

    /// Puts the finished attempt into the trainee's review deck (once).
    fn record(&mut self, app: &mut KefuApp) {
        let Some(result) = self.session.result() else { return };
        if self.recorded {
            return;
        }
        self.recorded = true;
        let trainee = super::home::trainee_id(app);
        let mut progress = Progress::load(&app.data, &trainee);
        let now = unix_now();
        for (item, mark) in self.session.items.iter().zip(&result.marks) {
            progress.deck.record(&item.id, mark.as_ref().is_some_and(|m| m.right), now);
        }
        if let Err(error) = progress.save(&app.data, &trainee) {
            app.status = Some(format!("review: {error}"));
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
    ui.horizontal(|ui| {
        let title = match view.mode {
            QuizMode::Practice => t(lang, "quiz"),
            QuizMode::Exam => t(lang, "exam"),
            QuizMode::Review => t(lang, "review"),
        };
        ui.heading(title);
        if let Some(left) = view.session.time_left(now).filter(|_| view.session.result().is_none()) {
            ui.label(format!("{}: {:02}:{:02}", t(lang, "time_left"), (left / 60.0) as u64, (left % 60.0) as u64));
            ui.ctx().request_repaint_after(Duration::from_secs(1));
        }
        if ui.button(t(lang, "home")).clicked() {
            next = Some(Screen::Home);
        }
    });
    ui.separator();
    if let Some(result) = view.session.result().cloned() {
        result_ui(ui, lang, &view.session.items, &result);
    } else {
        question_ui(ui, lang, &mut view, now);
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
        ui.colored_label(colour, format!("{text} · {}: {}", t(lang, "right_answer"), mark.expected));
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
            let _ = view.session.finish(now);
        }
    });
}

fn result_ui(ui: &mut egui::Ui, lang: Lang, items: &[QuizItem], result: &QuizResult) {
    let (text, colour) = if result.passed { (t(lang, "passed"), egui::Color32::from_rgb(40, 150, 70)) } else { (t(lang, "failed"), egui::Color32::from_rgb(200, 60, 50)) };
    ui.horizontal(|ui| {
        ui.label(egui::RichText::new(text).color(colour).strong().size(22.0));
        ui.label(egui::RichText::new(format!("{}: {:.1}% ({} {:.0}%)", t(lang, "score"), result.score_pct, t(lang, "pass_mark"), result.pass_mark_pct)).size(18.0));
    });
    egui::ScrollArea::vertical().show(ui, |ui| {
        for (item, mark) in items.iter().zip(&result.marks) {
            let ok = mark.as_ref().is_some_and(|m| m.right);
            ui.label(egui::RichText::new(format!("{} {}", if ok { "✓" } else { "×" }, item.prompt)).strong());
            if let Some(mark) = mark {
                ui.label(format!("   {}: {}", t(lang, "right_answer"), mark.expected));
            }
            ui.weak(format!("   {}", item.explain));
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
        TypingView { phrase: 0, typed: String::new(), started: None, result: None, best: Progress::load(&app.data, &super::home::trainee_id(app)).typing_best_cpm }
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
                let mut progress = Progress::load(&app.data, &trainee);
                progress.typing_best_cpm = score.chars_per_min;
                let _ = progress.save(&app.data, &trainee);
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
