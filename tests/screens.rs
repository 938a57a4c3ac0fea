//! Screen-level UI tests: one screen drawn alone with `Harness::new_ui_state`,
//! driven by its labels, asserting on the commands it returns. A screen reads
//! state and asks; it never changes the engine, the quiz or the files itself.
#![cfg(feature = "gui")]

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use kefu::app::{Clock, Command, ExportFormat, QuizView, ScorecardView, View, Workbench};
use kefu::content::raw::{Action, Lang};
use kefu::engine::Bundle;
use kefu::store::Settings;
use std::path::Path;
use std::sync::{Arc, Mutex, OnceLock};

fn bundle() -> Arc<Bundle> {
    static BUNDLE: OnceLock<Arc<Bundle>> = OnceLock::new();
    BUNDLE.get_or_init(|| Arc::new(kefu::engine::load_checked(&[], Path::new(env!("CARGO_MANIFEST_DIR")), true))).clone()
}

/// One screen and what it asked for, with the state a `View` borrows.
struct Bench<S> {
    screen: S,
    commands: Vec<Command>,
    bundle: Arc<Bundle>,
    settings: Settings,
    clock: Clock,
    fonts_installed: bool,
}

impl<S> Bench<S> {
    fn new(screen: S, lang: Lang) -> Bench<S> {
        let settings = Settings { ui_lang: lang, ..Settings::default() };
        Bench { screen, commands: Vec::new(), bundle: bundle(), settings, clock: Clock::Manual(Arc::new(Mutex::new(0.0))), fonts_installed: false }
    }
}

/// Draws the screen through `draw(screen, view, ui)` each frame, collecting its commands.
fn harness<S: 'static>(bench: Bench<S>, draw: fn(&mut S, &View, &mut eframe::egui::Ui) -> Vec<Command>) -> Harness<'static, Bench<S>> {
    Harness::builder().with_size((1280.0, 800.0)).build_ui_state(
        move |ui, bench: &mut Bench<S>| {
            if !bench.fonts_installed {
                kefu::app::install_fonts(ui.ctx());
                bench.fonts_installed = true;
            }
            let view = View {
                lang: bench.settings.ui_lang,
                bundle: &bench.bundle,
                settings: &bench.settings,
                clock: &bench.clock,
                resume: None,
                exam: None,
                practice_source: None,
                notice: None,
                saved: None,
            };
            let asked = draw(&mut bench.screen, &view, ui);
            bench.commands.extend(asked);
        },
        bench,
    )
}

#[test]
fn the_workbench_asks_for_typing_sending_and_order_actions_for_its_buyer() {
    let workbench = Workbench::start(&bundle(), &["wrong-colour-thermos".to_string()], 7, 0.0).unwrap();
    let mut harness = harness(Bench::new(workbench, Lang::Zh), Workbench::ui);
    let lines_before = harness.state().screen.shift.sessions()[0].transcript().len();

    harness.get_by_label("输入回复").click();
    harness.run();
    harness.get_by_label("输入回复").type_text("亲,您好");
    harness.run();
    harness.get_by_label("发送").click();
    harness.run();
    harness.get_by_label("补发").click();
    harness.run();

    let commands = &harness.state().commands;
    assert!(commands.contains(&Command::Typing { buyer: 0 }), "{commands:?}");
    assert!(commands.contains(&Command::Send { buyer: 0 }), "{commands:?}");
    let resend = commands.iter().find(|c| matches!(c, Command::Act { .. })).expect("补发 asked for");
    assert!(matches!(resend, Command::Act { buyer: 0, action: Action::Resend { sku } } if !sku.is_empty()), "{resend:?}");
    // Drawing changed nothing in the engine: only handle() does.
    assert_eq!(harness.state().screen.shift.sessions()[0].transcript().len(), lines_before);
    assert_eq!(harness.state().screen.desks[0].draft, "亲,您好", "the draft stays until the send is carried out");
}

#[test]
fn the_workbench_in_english_shows_english_labels_and_no_sku_codes() {
    let workbench = Workbench::start(&bundle(), &["wrong-colour-thermos".to_string()], 7, 0.0).unwrap();
    let mut harness = harness(Bench::new(workbench, Lang::En), Workbench::ui);
    harness.run();
    harness.get_by_label("Resend");
    harness.get_by_label("Reply");
    let sku = harness.state().screen.desks[0].order.resend_sku.clone();
    assert!(harness.query_all_by_label_contains(&sku).next().is_none(), "the SKU code {sku} is shown");
    assert!(harness.query_all_by_label_contains("capacity").next().is_none(), "a half-Chinese product card");
    assert!(harness.query_all_by_label_contains(": zto ").next().is_none(), "the courier shown by its id");
    assert!(harness.query_all_by_label_contains("元").next().is_none(), "prices in 元 in the English UI");
}

/// The quiz screen alone on the questions `spec` draws, in `lang`, at time 0.
fn quiz_harness(spec: kefu::quiz::QuizSpec, lang: Lang) -> Harness<'static, Bench<QuizView>> {
    let items = kefu::quiz::build(&bundle().course, &spec).unwrap();
    let session = kefu::quiz::QuizSession::from_spec(items, &spec, 0.0);
    harness(Bench::new(QuizView::new(spec, session, 0.0, None), lang), QuizView::ui)
}

#[test]
fn the_quiz_asks_for_an_answer_and_for_handing_in() {
    let spec = kefu::quiz::QuizSpec::practice(Lang::En, 3);
    let mut harness = quiz_harness(spec, Lang::En);
    harness.run();
    assert_eq!(harness.state().screen.current(), Some(0));
    harness.get_by_label("Hand in").click();
    harness.run();
    assert_eq!(harness.state().commands, vec![Command::QuizHandIn]);
    assert!(harness.state().screen.session.result().is_none(), "drawing never hands in");
}

#[test]
fn the_scorecard_asks_for_retry_and_export() {
    let example = bundle().course.scenario("wrong-colour-thermos").unwrap().examples[0].clone();
    let result = kefu::engine::run_plan(bundle(), "wrong-colour-thermos", example.seed, &example.replies).unwrap();
    let meta = kefu::scorecard::RunMeta { trainee: kefu::scorecard::Trainee { name: "测试".into(), id: "t1".into() }, when_utc: None };
    let card = kefu::scorecard::Scorecard::from_run(&bundle().course, &result, meta).unwrap();
    let view = ScorecardView::new(vec![card], &bundle());
    let mut harness = harness(Bench::new(view, Lang::Zh), ScorecardView::ui);
    harness.run();
    harness.get_by_label("再练一次").click();
    harness.run();
    harness.get_by_label("导出 HTML").click();
    harness.run();
    assert_eq!(harness.state().commands, vec![Command::Retry, Command::Export(ExportFormat::Html)]);
}

/// Alt+1 puts quick phrase 1 where the cursor is, and the digit the key also
/// types does not land in the reply (it used to append both at the end).
#[test]
fn alt_digit_inserts_the_quick_phrase_at_the_cursor_without_the_digit() {
    use eframe::egui::{Event, Key, Modifiers};
    let workbench = Workbench::start(&bundle(), &["wrong-colour-thermos".to_string()], 7, 0.0).unwrap();
    let mut harness = harness(Bench::new(workbench, Lang::Zh), Workbench::ui);
    harness.get_by_label("输入回复").click();
    harness.run();
    harness.get_by_label("输入回复").type_text("请问有什么问题");
    harness.run();
    harness.key_press(Key::Home);
    harness.run();
    harness.key_press_modifiers(Modifiers::ALT, Key::Num1);
    harness.event_modifiers(Event::Text("1".into()), Modifiers::ALT);
    harness.run();
    let phrase = harness.state().settings.quick_phrases(Lang::Zh)[0].clone();
    assert_eq!(harness.state().screen.desks[0].draft, format!("{phrase}请问有什么问题"));
    assert!(harness.state().commands.contains(&Command::Typing { buyer: 0 }));
}

/// A conversation offers the quick phrases of its own language.
#[test]
fn an_english_conversation_offers_english_quick_phrases() {
    let english = bundle().course.scenarios.iter().find(|s| s.lang == Lang::En).map(|s| s.id.clone()).expect("an English scenario");
    let workbench = Workbench::start(&bundle(), &[english], 7, 0.0).unwrap();
    let mut harness = harness(Bench::new(workbench, Lang::En), Workbench::ui);
    harness.run();
    harness.get_by_label_contains("1. Hi there!");
    assert!(harness.query_all_by_label_contains("亲").next().is_none(), "Chinese phrases in an English chat");
}

/// 结束会话 ends every buyer's conversation: the workbench asks first, and
/// only "End now" asks the app to end it.
#[test]
fn ending_a_session_asks_for_confirmation_first() {
    let workbench = Workbench::start(&bundle(), &["wrong-colour-thermos".to_string()], 7, 0.0).unwrap();
    let mut harness = harness(Bench::new(workbench, Lang::En), Workbench::ui);
    harness.get_by_label("End session").click();
    harness.run();
    assert!(harness.state().commands.iter().all(|c| *c != Command::EndSession), "not ended on the first click");
    harness.get_by_label_contains("End it now?");
    harness.get_by_label("Keep serving").click();
    harness.run();
    assert!(harness.query_by_label("End now").is_none(), "the question is gone");
    harness.get_by_label("End session").click();
    harness.run();
    harness.get_by_label("End now").click();
    harness.run();
    assert_eq!(harness.state().commands.iter().filter(|c| **c == Command::EndSession).count(), 1);
}

/// The mock exam opens on its rules: count, time, pass mark, one attempt,
/// answers changeable, early hand-in; Start asks to begin, Back to go home.
/// Nothing is answered or timed while the rules are on show.
#[test]
fn the_exam_shows_its_rules_before_it_starts() {
    let spec = kefu::quiz::QuizSpec::exam(Lang::Zh, 3);
    let mut harness = quiz_harness(spec, Lang::Zh);
    harness.run();
    assert!(harness.state().screen.on_rules());
    harness.get_by_label("考试须知");
    harness.get_by_label_contains("共 20 题,限时 30 分钟,得分 60% 及以上为合格");
    harness.get_by_label_contains("只有一次机会");
    harness.get_by_label_contains("交卷前可以随时修改答案");
    harness.get_by_label_contains("可以提前交卷");
    assert!(harness.query_by_label("提交答案").is_none() && harness.query_by_label_contains("剩余时间").is_none(), "no question and no clock yet");
    harness.get_by_label("开始考试").click();
    harness.run();
    harness.get_by_label("返回").click();
    harness.run();
    assert_eq!(harness.state().commands, vec![Command::QuizBegin, Command::GoHome]);
}

/// A size question shows the product's size chart under it: the buyer's
/// height and weight alone do not answer it.
#[test]
fn a_size_question_shows_the_size_chart() {
    let spec = kefu::quiz::QuizSpec { ids: vec!["gen-hoodie-fleece-size-l".into()], ..kefu::quiz::QuizSpec::review(Lang::Zh, Vec::new(), 1) };
    let spec = kefu::quiz::QuizSpec { count: 1, ..spec };
    let items = kefu::quiz::build(&bundle().course, &spec).unwrap();
    assert_eq!(items.len(), 1);
    let hoodie = bundle().course.products.values().find(|p| p.id == "hoodie-fleece").unwrap().clone();
    let mut harness = quiz_harness(spec, Lang::En);
    harness.run();
    harness.get_by_label_contains("Size chart");
    harness.get_by_label("Height (cm)");
    for row in &hoodie.size_chart {
        harness.get_by_label(&format!("{}-{}", row.height_cm.0, row.height_cm.1));
        harness.get_by_label(&format!("{}-{}", row.weight_kg.0, row.weight_kg.1));
    }
}

/// The typing drill counts typed characters only: a paste is refused (the
/// text stays as typed) and the drill says so.
#[test]
fn the_typing_drill_refuses_pasted_text() {
    use eframe::egui::Event;
    let mut harness = harness(Bench::new(kefu::app::TypingView::new(0.0, Lang::Zh), Lang::Zh), kefu::app::TypingView::ui);
    harness.get_by_label("你的答案").click();
    harness.run();
    harness.get_by_label("你的答案").type_text("亲,");
    harness.run();
    assert_eq!(harness.state().screen.typed, "亲,");
    assert!(harness.query_by_label("粘贴的文字不计入成绩").is_none());
    let phrase = harness.state().screen.target().to_string();
    harness.event(Event::Paste(phrase.trim_start_matches("亲,").to_string()));
    harness.run();
    assert_eq!(harness.state().screen.typed, "亲,", "the pasted text does not count");
    harness.get_by_label("粘贴的文字不计入成绩");
    // Typing on still counts.
    harness.get_by_label("你的答案").type_text("您");
    harness.run();
    assert_eq!(harness.state().screen.typed, "亲,您");
}

/// The shop's rules are one click away on the workbench, as in the real
/// knowledge base, and in the UI language (prices in ¥ in English).
#[test]
fn the_workbench_shows_the_shop_policy_on_request() {
    let workbench = Workbench::start(&bundle(), &["wrong-colour-thermos".to_string()], 7, 0.0).unwrap();
    let mut harness = harness(Bench::new(workbench, Lang::En), Workbench::ui);
    harness.run();
    harness.get_by_label_contains("Shop policy").scroll_to_me();
    harness.run();
    assert!(harness.query_by_label_contains("The shop pays return postage").is_none(), "closed until asked for");
    harness.get_by_label_contains("Shop policy").click();
    harness.run();
    harness.get_by_label_contains("The shop pays return postage: wrong item sent");
    harness.get_by_label_contains("Compensation: up to ¥20");
    harness.get_by_label_contains("ZTO Express: usually 3 days");
}

/// Choosing a longer SKU widens its dropdown; the 补发 button must stay where
/// the pointer is (it used to sit after the dropdown and slide away).
#[test]
fn choosing_a_sku_does_not_move_the_resend_button() {
    let workbench = Workbench::start(&bundle(), &["wrong-colour-thermos".to_string()], 7, 0.0).unwrap();
    let mut harness = harness(Bench::new(workbench, Lang::En), Workbench::ui);
    harness.run();
    harness.get_by_label("Resend").scroll_to_me();
    harness.run();
    let before = harness.get_by_label("Resend").rect();
    harness.get_by_label("SKU").click();
    harness.run();
    // The popup's entry, drawn last (the dropdown itself may show the same words).
    harness.query_all_by_label("Vacuum thermos 500 ml sakura pink").last().expect("the popup lists it").click();
    harness.run();
    assert_eq!(harness.state().screen.desks[0].order.resend_sku, "thermos-500-pink");
    assert_eq!(harness.get_by_label("Resend").rect(), before, "the button stayed under the pointer");
    harness.get_by_label("Resend").click();
    harness.run();
    assert!(harness.state().commands.iter().any(|c| matches!(c, Command::Act { action: Action::Resend { sku }, .. } if sku == "thermos-500-pink")));
}
