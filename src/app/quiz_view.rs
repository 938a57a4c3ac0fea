//! Quizzes in the app: practice (immediate feedback), the timed exam (deferred
//! feedback, pass mark, one at a time, kept on disk while open), and review of
//! due questions (spaced repetition). Answers are marked by the core. The
//! screen's phase is one enum: asking, showing feedback, or over.

use super::{Command, ExportFormat, View};
use crate::content::raw::Lang;
use crate::i18n::{Msg, t};
use crate::quiz::session::{QuizEvent, QuizResult, QuizSession, TimedAnswer};
use crate::quiz::spec::{QuizMode, QuizSpec};
use crate::quiz::{Answer, ItemKind, Mark, QuizItem};
use crate::scorecard::QuizCard;
use crate::store::exam::ExamInProgress;
use eframe::egui;
use std::time::Duration;

pub struct QuizView {
    pub spec: QuizSpec,
    pub session: QuizSession,
    /// Seconds on the app clock when the quiz started (the session counts from 0).
    started_at: f64,
    pub phase: QuizPhase,
    /// An exam's trainee and answers so far, kept in `exam-in-progress.json` until handed in.
    pub exam: Option<ExamInProgress>,
    /// Questions the trainee flagged to come back to (an exam's question list shows them).
    pub flags: Vec<bool>,
}

pub enum QuizPhase {
    /// An exam not yet started: its rules, a Start and a Back button. The clock has not started.
    Rules,
    /// Question `current` is on show, with the trainee's answer being filled in.
    Asking { current: usize, form: AnswerForm, confirm_hand_in: bool },
    /// Practice: question `current` was marked; its feedback is on show.
    Feedback { current: usize, mark: Mark, explain: String },
    /// Handed in or timed out; the attempt's scorecard once it was made.
    /// (Boxed: a card is large, and the phase changes rarely.)
    Over { card: Option<Box<QuizCard>> },
}

/// What the trainee has chosen or typed for the question on show.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AnswerForm {
    choice: Option<usize>,
    choices: Vec<bool>,
    truth: Option<bool>,
    text: String,
}

impl AnswerForm {
    /// The form for a question, filled in with the answer already given (an
    /// exam's answers can be changed until it is handed in).
    fn for_item(item: Option<&QuizItem>, given: Option<&Answer>) -> AnswerForm {
        let mut form = AnswerForm::default();
        match (item.map(|i| &i.kind), given) {
            (Some(ItemKind::Multiple { options, .. }), given) => {
                let picked: &[String] = match given {
                    Some(Answer::Choices(picked)) => picked,
                    _ => &[],
                };
                form.choices = options.iter().map(|o| picked.contains(o)).collect();
            }
            (Some(ItemKind::Single { options, .. }), Some(Answer::Choice(text))) => form.choice = options.iter().position(|o| o == text),
            (Some(ItemKind::TrueFalse { .. }), Some(Answer::Bool(value))) => form.truth = Some(*value),
            (Some(_), Some(Answer::Text(text))) => form.text = text.clone(),
            (Some(_), Some(Answer::Number(value))) => form.text = value.to_string(),
            _ => {}
        }
        form
    }

    /// The answer as given, once there is one to submit.
    fn answer(&self, item: &QuizItem) -> Option<Answer> {
        Some(match &item.kind {
            ItemKind::Single { options, .. } => Answer::Choice(options.get(self.choice?)?.clone()),
            ItemKind::Multiple { options, .. } => Answer::Choices(options.iter().zip(&self.choices).filter(|(_, on)| **on).map(|(o, _)| o.clone()).collect()),
            ItemKind::TrueFalse { .. } => Answer::Bool(self.truth?),
            ItemKind::FillIn { .. } | ItemKind::Numeric { .. } => {
                if self.text.trim().is_empty() {
                    return None;
                }
                Answer::Text(self.text.clone())
            }
        })
    }
}

impl QuizView {
    /// A new attempt: an exam shows its rules first; practice and review start at once.
    pub fn new(spec: QuizSpec, session: QuizSession, started_at: f64, exam: Option<ExamInProgress>) -> QuizView {
        let flags = vec![false; session.items.len()];
        let mut view = QuizView { spec, session, started_at, phase: QuizPhase::Over { card: None }, exam, flags };
        if view.spec.mode == QuizMode::Exam {
            view.phase = QuizPhase::Rules;
        } else {
            view.ask(0);
        }
        view
    }

    /// Whether the exam's rules are on show (it has not started).
    pub fn on_rules(&self) -> bool {
        matches!(self.phase, QuizPhase::Rules)
    }

    /// The exam left open: the same questions, the answers given so far, and
    /// the time left on the wall clock (time up meanwhile hands it in).
    pub fn resume(items: Vec<QuizItem>, exam: ExamInProgress, elapsed: f64, now: f64) -> Option<QuizView> {
        let mut session = QuizSession::with_answers(items, &exam.spec, &exam.answers).ok()?;
        session.tick(elapsed);
        let flags = vec![false; session.items.len()];
        let mut view = QuizView { spec: exam.spec.clone(), session, started_at: now - elapsed, phase: QuizPhase::Over { card: None }, exam: Some(exam), flags };
        let first_open = view.session.answers().iter().position(Option::is_none).unwrap_or(0);
        view.ask(first_open);
        Some(view)
    }

    /// A saved attempt, shown as it was recorded.
    pub fn from_card(card: QuizCard, now: f64) -> QuizView {
        let mut session = QuizSession::from_spec(card.items.clone(), &card.quiz, 0.0);
        // A fresh session over the card's questions: finishing it cannot fail.
        session.finish(card.result.duration_secs).ok();
        let flags = vec![false; session.items.len()];
        QuizView { spec: card.quiz.clone(), session, started_at: now, phase: QuizPhase::Over { card: Some(Box::new(card)) }, exam: None, flags }
    }

    /// The question on show, while answering or reading its feedback.
    pub fn current(&self) -> Option<usize> {
        match &self.phase {
            QuizPhase::Asking { current, .. } | QuizPhase::Feedback { current, .. } => Some(*current),
            QuizPhase::Over { .. } | QuizPhase::Rules => None,
        }
    }

    /// The attempt's scorecard, once it is over and recorded.
    pub fn card(&self) -> Option<&QuizCard> {
        match &self.phase {
            QuizPhase::Over { card } => card.as_deref(),
            _ => None,
        }
    }

    /// Seconds into the quiz on the app clock.
    pub fn now(&self, clock: &super::Clock) -> f64 {
        clock.now() - self.started_at
    }

    /// Whether the session is over but not yet recorded (the app records it next).
    pub fn needs_recording(&self) -> bool {
        self.session.result().is_some() && !matches!(self.phase, QuizPhase::Over { .. })
    }

    // What `KefuApp::handle` calls.

    fn ask(&mut self, current: usize) {
        let given = self.session.answers().get(current).cloned().flatten().map(|a| a.answer);
        let form = AnswerForm::for_item(self.session.items.get(current), given.as_ref());
        self.phase = QuizPhase::Asking { current, form, confirm_hand_in: false };
    }

    /// Starts an exam from its rules; `app_now` (the app clock) becomes its second 0.
    pub(super) fn begin(&mut self, app_now: f64) -> bool {
        if !self.on_rules() {
            return false;
        }
        self.started_at = app_now;
        self.ask(0);
        true
    }

    /// Shows question `index` of an exam (to answer or change it).
    pub(super) fn go_to(&mut self, index: usize) {
        if matches!(self.phase, QuizPhase::Asking { .. }) && index < self.session.items.len() {
            self.ask(index);
        }
    }

    pub(super) fn toggle_flag(&mut self) {
        if let QuizPhase::Asking { current, .. } = self.phase
            && let Some(flag) = self.flags.get_mut(current)
        {
            *flag = !*flag;
        }
    }

    /// Marks the answer to the question on show: practice shows feedback, the
    /// others move on. Returns whether an answer was recorded (to keep an exam on disk).
    pub(super) fn answer(&mut self, answer: Answer, now: f64) -> bool {
        let Some(current) = self.current() else { return false };
        let Ok(events) = self.session.answer(current, answer, now) else { return false };
        let feedback = events.into_iter().find_map(|event| match event {
            QuizEvent::Marked { mark, explain, .. } => Some((mark, explain)),
            _ => None,
        });
        match feedback {
            Some((mark, explain)) => self.phase = QuizPhase::Feedback { current, mark, explain },
            None if self.session.result().is_some() => {}
            // An exam: on to the next unanswered question, else stay here.
            None => {
                let answers = self.session.answers();
                let count = answers.len();
                let next = (1..count).map(|step| (current + step) % count).find(|i| answers[*i].is_none()).unwrap_or(current);
                self.ask(next);
            }
        }
        true
    }

    /// From feedback to the next question; past the last one, hands in.
    pub(super) fn next(&mut self, now: f64) {
        let Some(current) = self.current() else { return };
        if current + 1 >= self.session.items.len() {
            self.session.finish(now).ok();
        }
        self.ask(current + 1);
    }

    /// Hands in; with questions unanswered, asks first (handing in is final).
    pub(super) fn hand_in(&mut self, now: f64, confirmed: bool) {
        let unanswered = self.session.answers().iter().filter(|a| a.is_none()).count();
        if unanswered == 0 || confirmed {
            self.session.finish(now).ok();
        } else if let QuizPhase::Asking { confirm_hand_in, .. } = &mut self.phase {
            *confirm_hand_in = true;
        }
    }

    pub(super) fn keep_answering(&mut self) {
        if let QuizPhase::Asking { confirm_hand_in, .. } = &mut self.phase {
            *confirm_hand_in = false;
        }
    }

    pub(super) fn tick(&mut self, now: f64) {
        // The clock starts when the rules are read and Start is clicked.
        if !self.on_rules() {
            self.session.tick(now);
        }
    }

    pub(super) fn set_over(&mut self, card: Option<QuizCard>) {
        self.phase = QuizPhase::Over { card: card.map(Box::new) };
    }

    pub fn ui(&mut self, view: &View, ui: &mut egui::Ui) -> Vec<Command> {
        let lang = view.lang;
        let now = self.now(view.clock);
        let mut commands = Vec::new();
        let over = matches!(self.phase, QuizPhase::Over { .. });
        let rules = self.on_rules();
        ui.horizontal(|ui| {
            ui.heading(t(lang, title(self.spec.mode)));
            if let Some(card) = self.card() {
                ui.weak(format!("{} · {}", card.trainee.name, card.when_utc.as_deref().unwrap_or("")));
            }
            if let Some(left) = self.session.time_left(now).filter(|_| !over && !rules) {
                ui.label(format!("{}: {:02}:{:02}", t(lang, Msg::TimeLeft), (left / 60.0) as u64, (left % 60.0) as u64));
                ui.ctx().request_repaint_after(Duration::from_secs(1));
            }
            // An exam is left only by handing it in (or by time running out).
            let in_exam = self.exam.is_some() && !over && !rules;
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if !in_exam && ui.button(t(lang, Msg::Home)).clicked() {
                    commands.push(Command::GoHome);
                }
                if self.card().is_some() {
                    for format in ExportFormat::ALL {
                        if ui.button(format!("{} {}", t(lang, Msg::Export), format.extension().to_uppercase())).clicked() {
                            commands.push(Command::Export(format));
                        }
                    }
                    if ui.button(t(lang, Msg::MyScorecards)).clicked() {
                        commands.push(Command::OpenScorecards);
                    }
                }
            });
        });
        if let Some(notice) = view.notice {
            notice.show(ui, lang);
        }
        ui.separator();
        let items = &self.session.items;
        let course = &view.bundle.course;
        match &mut self.phase {
            QuizPhase::Rules => {
                ui.heading(t(lang, Msg::ExamRulesTitle));
                let minutes = self.spec.time_limit_secs.map(|secs| (secs / 60.0).round()).unwrap_or(0.0);
                let count = Msg::ExamRuleCount.fill(lang, &[("n", &items.len()), ("minutes", &minutes), ("pass", &self.spec.pass_mark_pct)]);
                for rule in [count.as_str(), t(lang, Msg::ExamRuleOnce), t(lang, Msg::ExamRuleChange), t(lang, Msg::ExamRuleEarly)] {
                    ui.label(format!("• {rule}"));
                }
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    if ui.button(t(lang, Msg::StartExam)).clicked() {
                        commands.push(Command::QuizBegin);
                    }
                    if ui.button(t(lang, Msg::Back)).clicked() {
                        commands.push(Command::GoHome);
                    }
                });
            }
            QuizPhase::Over { card: Some(card) } => result_ui(ui, lang, card.quiz.mode, &card.items, &card.answers, &card.result),
            QuizPhase::Over { card: None } => {
                if let Some(result) = self.session.result() {
                    result_ui(ui, lang, self.spec.mode, items, &self.session.answers(), result);
                }
            }
            QuizPhase::Feedback { current, mark, explain } => {
                if let Some(item) = items.get(*current) {
                    header(ui, lang, *current, items.len(), item);
                    size_chart_ui(ui, lang, course, item);
                    let (text, colour) = if mark.right { (t(lang, Msg::Right), GOOD) } else { (t(lang, Msg::Wrong), BAD) };
                    ui.colored_label(colour, format!("{text} · {}: {}", t(lang, Msg::RightAnswer), shown(item, &mark.expected, lang)));
                    ui.label(explain.as_str());
                    if ui.button(t(lang, Msg::Next)).clicked() {
                        commands.push(Command::QuizNext);
                    }
                }
            }
            QuizPhase::Asking { current, form, confirm_hand_in } => {
                let answers = self.session.answers();
                let unanswered = answers.iter().filter(|a| a.is_none()).count();
                // An exam: every question's number, answered (✓) or flagged; click to go there.
                if self.spec.mode == QuizMode::Exam {
                    ui.horizontal_wrapped(|ui| {
                        ui.label(t(lang, Msg::QuestionList));
                        for index in 0..items.len() {
                            let mut label = (index + 1).to_string();
                            if answers.get(index).is_some_and(Option::is_some) {
                                label.push_str(" ✓");
                            }
                            if self.flags.get(index).copied().unwrap_or(false) {
                                label.push(' ');
                                label.push_str(t(lang, Msg::FlaggedMark));
                            }
                            if ui.selectable_label(index == *current, label).clicked() {
                                commands.push(Command::QuizGoTo(index));
                            }
                        }
                    });
                    ui.add_space(6.0);
                }
                if let Some(item) = items.get(*current) {
                    header(ui, lang, *current, items.len(), item);
                    size_chart_ui(ui, lang, course, item);
                    form_ui(ui, lang, item, form);
                    ui.add_space(8.0);
                    ui.horizontal(|ui| {
                        let ready = form.answer(item);
                        if ui.add_enabled(ready.is_some(), egui::Button::new(t(lang, Msg::Submit))).clicked()
                            && let Some(answer) = ready
                        {
                            commands.push(Command::QuizAnswer(answer));
                        }
                        if self.spec.mode == QuizMode::Exam {
                            let flagged = self.flags.get(*current).copied().unwrap_or(false);
                            if ui.button(t(lang, if flagged { Msg::Unflag } else { Msg::Flag })).clicked() {
                                commands.push(Command::QuizToggleFlag);
                            }
                        }
                        if ui.button(t(lang, Msg::FinishQuiz)).clicked() {
                            commands.push(Command::QuizHandIn);
                        }
                    });
                }
                // Handing in with questions left is final: ask once.
                if *confirm_hand_in {
                    ui.add_space(6.0);
                    ui.colored_label(egui::Color32::from_rgb(200, 120, 40), Msg::ConfirmHandIn.fill(lang, &[("n", &unanswered)]));
                    ui.horizontal(|ui| {
                        if ui.button(t(lang, Msg::HandInNow)).clicked() {
                            commands.push(Command::QuizHandInConfirmed);
                        }
                        if ui.button(t(lang, Msg::KeepAnswering)).clicked() {
                            commands.push(Command::QuizKeepAnswering);
                        }
                    });
                }
            }
        }
        commands
    }
}

const GOOD: egui::Color32 = egui::Color32::from_rgb(40, 150, 70);
const BAD: egui::Color32 = egui::Color32::from_rgb(200, 60, 50);

fn title(mode: QuizMode) -> Msg {
    match mode {
        QuizMode::Practice => Msg::Quiz,
        QuizMode::Exam => Msg::Exam,
        QuizMode::Review => Msg::Review,
    }
}

fn header(ui: &mut egui::Ui, lang: Lang, current: usize, total: usize, item: &QuizItem) {
    ui.label(format!("{} {}/{}", t(lang, Msg::Question), current + 1, total));
    ui.add_space(4.0);
    ui.label(egui::RichText::new(&item.prompt).size(17.0));
    ui.add_space(8.0);
}

/// A size question's data: the product's size chart from the catalogue,
/// under the question (the buyer's height and weight alone cannot answer it).
fn size_chart_ui(ui: &mut egui::Ui, lang: Lang, course: &crate::content::Course, item: &QuizItem) {
    let Some(product) = crate::quiz::generate::size_question_product(course, &item.id) else { return };
    ui.label(egui::RichText::new(format!("{} · {}", t(lang, Msg::SizeChart), product.name.get(lang))).strong());
    egui::Grid::new(("size-chart", &item.id)).striped(true).show(ui, |ui| {
        ui.label(t(lang, Msg::SizeColumn));
        ui.label(t(lang, Msg::HeightCm));
        ui.label(t(lang, Msg::WeightKg));
        ui.end_row();
        for row in &product.size_chart {
            ui.label(&row.size);
            ui.label(format!("{}-{}", row.height_cm.0, row.height_cm.1));
            ui.label(format!("{}-{}", row.weight_kg.0, row.weight_kg.1));
            ui.end_row();
        }
    });
    ui.add_space(8.0);
}

fn form_ui(ui: &mut egui::Ui, lang: Lang, item: &QuizItem, form: &mut AnswerForm) {
    match &item.kind {
        ItemKind::Single { options, .. } => {
            for (index, option) in options.iter().enumerate() {
                ui.radio_value(&mut form.choice, Some(index), option);
            }
        }
        ItemKind::Multiple { options, .. } => {
            for (on, option) in form.choices.iter_mut().zip(options) {
                ui.checkbox(on, option);
            }
        }
        ItemKind::TrueFalse { .. } => {
            ui.radio_value(&mut form.truth, Some(true), t(lang, Msg::True));
            ui.radio_value(&mut form.truth, Some(false), t(lang, Msg::False));
        }
        ItemKind::FillIn { .. } | ItemKind::Numeric { .. } => {
            let label = ui.label(t(lang, Msg::Answer));
            let unit = if let ItemKind::Numeric { unit, .. } = &item.kind { unit.clone() } else { String::new() };
            ui.horizontal(|ui| {
                ui.add(egui::TextEdit::singleline(&mut form.text).desired_width(220.0)).labelled_by(label.id);
                ui.label(unit_shown(&unit, lang));
            });
        }
    }
}

fn result_ui(ui: &mut egui::Ui, lang: Lang, mode: QuizMode, items: &[QuizItem], answers: &[Option<TimedAnswer>], result: &QuizResult) {
    let right = result.marks.iter().flatten().filter(|m| m.right).count();
    ui.horizontal(|ui| {
        // Practice and review have no verdict: "练习 · 得分 70%", no pass mark.
        if let Some(score) = mode.score_without_verdict(result.score_pct, lang) {
            ui.label(egui::RichText::new(score).strong().size(22.0));
        } else {
            let (text, colour) = if result.passed { (t(lang, Msg::Passed), GOOD) } else { (t(lang, Msg::Failed), BAD) };
            ui.label(egui::RichText::new(text).color(colour).strong().size(22.0));
            ui.label(egui::RichText::new(format!("{}: {:.1}% ({} {:.0}%)", t(lang, Msg::Score), result.score_pct, t(lang, Msg::PassMark), result.pass_mark_pct)).size(18.0));
        }
        ui.label(format!("{right}/{} · {:.0}s", items.len(), result.duration_secs));
        if result.timed_out {
            ui.colored_label(BAD, t(lang, Msg::TimeUp));
        }
    });
    egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
        for (index, item) in items.iter().enumerate() {
            let mark = result.marks.get(index).and_then(Option::as_ref);
            let ok = mark.is_some_and(|m| m.right);
            let colour = if ok { GOOD } else { BAD };
            ui.horizontal_wrapped(|ui| {
                ui.colored_label(colour, if ok { "✓" } else { "×" });
                ui.label(egui::RichText::new(format!("{}. {}", index + 1, item.prompt)).strong());
            });
            let given = answers.get(index).and_then(Option::as_ref).map(|a| shown(item, &crate::quiz::mark::answer_text(&a.answer), lang));
            match &given {
                Some(given) => ui.label(format!("   {}: {given}", t(lang, Msg::YourAnswer))),
                None => ui.colored_label(colour, format!("   {}", t(lang, Msg::Unanswered))),
            };
            if !ok {
                let right = mark.map(|m| m.expected.clone()).unwrap_or_else(|| crate::quiz::mark::expected(item));
                ui.colored_label(colour, format!("   {}: {}", t(lang, Msg::RightAnswer), shown(item, &right, lang)));
            }
            ui.weak(format!("   {}", item.explain));
            ui.add_space(4.0);
        }
    });
}

/// Money in a question's unit "元" as the UI language names it: the word
/// next to the answer box ("元", "yuan").
fn unit_shown(unit: &str, lang: Lang) -> &str {
    if unit == "元" { t(lang, Msg::YuanWord) } else { unit }
}

/// An answer or expected value as shown in `lang` (true/false as 对/错 or
/// True/False), a sum of money written as the UI writes money ("60 元", "¥60").
fn shown(item: &QuizItem, text: &str, lang: Lang) -> String {
    let text = crate::quiz::mark::shown(item, text, lang);
    let ItemKind::Numeric { unit, .. } = &item.kind else { return text };
    let number = text.strip_suffix(unit.as_str()).unwrap_or(&text).trim();
    match number.parse::<f64>() {
        Ok(amount) if unit == "元" => Msg::Yuan.fill(lang, &[("n", &crate::content::raw::trim_number(amount))]),
        _ => text,
    }
}
