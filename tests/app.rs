//! The workbench driven the way a trainee uses it, through egui_kittest: find
//! widgets by their labels, click, type, press Enter, and let a hand-set clock
//! run so the buyer answers. No GPU is needed (nothing is rendered to pixels).
#![cfg(feature = "gui")]

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use kefu::app::{Clock, KefuApp, Screen};
use kefu::engine::{EntryKind, Who};
use std::path::Path;
use std::sync::{Arc, Mutex};

struct Setup {
    clock: Arc<Mutex<f64>>,
    _data: tempfile::TempDir,
}

/// The app for a trainee who has given their name (a first day without one is its own test).
fn app_in(data: &Path, clock: &Arc<Mutex<f64>>) -> KefuApp {
    if kefu::store::Settings::load(data).is_ok_and(|s| s.trainee_name.is_empty()) {
        let settings = kefu::store::Settings { trainee_name: "测试员".into(), trainee_id: "t001".into(), ..kefu::store::Settings::default() };
        settings.save(data).unwrap();
    }
    KefuApp::new(Path::new(env!("CARGO_MANIFEST_DIR")), data, Clock::Manual(clock.clone()))
}

fn harness(app: KefuApp) -> Harness<'static, KefuApp> {
    Harness::builder().with_size((1280.0, 800.0)).build_ui_state(|ui, app: &mut KefuApp| app.ui(ui), app)
}

fn setup() -> (Setup, Harness<'static, KefuApp>) {
    let data = tempfile::tempdir().unwrap();
    let clock = Arc::new(Mutex::new(0.0));
    let app = app_in(data.path(), &clock);
    (Setup { clock, _data: data }, harness(app))
}

/// On a first day the app asks who is training before the first attempt, and
/// files it under that name (it used to save silently as "anonymous").
#[test]
fn the_first_attempt_asks_for_the_name_first() {
    let data = tempfile::tempdir().unwrap();
    let clock = Arc::new(Mutex::new(0.0));
    let app = KefuApp::new(Path::new(env!("CARGO_MANIFEST_DIR")), data.path(), Clock::Manual(clock.clone()));
    let mut harness = harness(app);
    start_scenario(&mut harness, "开始 · 发错颜色的保温杯");
    harness.run();
    harness.get_by_label("开始前,请先填写你的姓名");
    assert!(matches!(harness.state().screen, Screen::Home(_)), "nothing starts before the name is given");
    // Cancel keeps the trainee on home, with nothing started.
    harness.get_by_label("取消").click();
    harness.run();
    assert!(harness.query_by_label("开始前,请先填写你的姓名").is_none());
    assert!(matches!(harness.state().screen, Screen::Home(_)));

    start_scenario(&mut harness, "开始 · 发错颜色的保温杯");
    harness.run();
    let fields = harness.get_all_by_label("学员").count();
    assert!(fields >= 2, "the bar's field and the dialog's");
    harness.get_by_label("开始前,请先填写你的姓名");
    // The dialog's name field has focus: typing goes there.
    harness.run();
    harness.get_all_by_label("学员").last().unwrap().type_text("王小明");
    harness.run();
    harness.get_by_label("开始").click();
    harness.run();
    assert!(matches!(harness.state().screen, Screen::Briefing(_)), "the held-back start goes ahead");
    let settings = kefu::store::Settings::load(data.path()).unwrap();
    assert_eq!(settings.trainee_name, "王小明");
}

fn advance(setup: &Setup, harness: &mut Harness<KefuApp>, secs: f64) {
    *setup.clock.lock().unwrap() += secs;
    harness.run();
}

/// Clicks a widget after scrolling it into view, as a trainee would (the side
/// panel and lists are longer than the window at 1280×800).
fn click_visible(harness: &mut Harness<KefuApp>, label: &str) {
    harness.get_by_label(label).scroll_to_me();
    harness.run();
    harness.get_by_label(label).click();
}

/// Clicks a scenario's Start in the course table, scrolling it into view first
/// as a trainee would (the table is longer than the window).
fn start_scenario(harness: &mut Harness<KefuApp>, label: &str) {
    harness.get_by_label(label).scroll_to_me();
    harness.run();
    harness.get_by_label(label).click();
}

fn open_thermos_scenario(harness: &mut Harness<KefuApp>) {
    start_scenario(harness, "开始 · 发错颜色的保温杯");
    harness.run();
    harness.get_by_label("开始").click();
    harness.run();

    assert!(matches!(harness.state().screen, Screen::Workbench(_)));
}

fn transcript(harness: &Harness<KefuApp>) -> Vec<(Who, EntryKind, String)> {
    let Screen::Workbench(wb) = &harness.state().screen else { panic!("not on the workbench") };
    wb.shift.sessions()[0].transcript().iter().map(|e| (e.who, e.kind, e.text.clone())).collect()
}

#[test]
fn play_a_scenario_end_to_end_and_see_the_scorecard() {
    let (setup, mut harness) = setup();
    open_thermos_scenario(&mut harness);
    assert_eq!(transcript(&harness)[0].0, Who::Buyer, "the buyer opens");

    // Type a reply and press Enter.
    advance(&setup, &mut harness, 3.0);
    harness.get_by_label("输入回复").click();
    harness.run();
    harness.get_by_label("输入回复").type_text("亲,非常抱歉给您添麻烦了!麻烦您提供一下订单号和照片~");
    harness.run();
    harness.key_press(eframe::egui::Key::Enter);
    harness.run();
    let lines = transcript(&harness);
    assert_eq!(lines.last().unwrap().0, Who::Agent, "{lines:?}");
    assert!(lines.last().unwrap().2.contains("订单号"));

    // The buyer answers after a moment.
    advance(&setup, &mut harness, 4.0);
    let lines = transcript(&harness);
    assert_eq!(lines.last().unwrap().0, Who::Buyer, "{lines:?}");

    // A quick phrase goes into the reply box with one click, then is sent.
    advance(&setup, &mut harness, 3.0);
    let phrase = harness.state().settings.quick_phrases(kefu::content::raw::Lang::Zh)[3].clone();
    let shown: String = phrase.chars().take(22).collect();
    harness.get_by_label(&format!("4. {shown}…")).click();
    harness.run();
    harness.get_by_label("发送").click();
    harness.run();
    assert!(transcript(&harness).iter().any(|(who, _, text)| *who == Who::Agent && *text == phrase));

    // An order action from the order panel reaches the engine.
    click_visible(&mut harness, "补发");
    harness.run();
    // It reads as the trainee clicked it (the product and colour), not as code.
    let action = transcript(&harness).into_iter().find(|(_, kind, _)| *kind == EntryKind::Action).expect("the action is recorded");
    assert!(action.2.starts_with("补发 真空保温杯") && !action.2.contains('{') && !action.2.contains("sku"), "{}", action.2);

    // Let the buyer finish: the scorecard is shown and saved.
    for _ in 0..60 {
        if !matches!(harness.state().screen, Screen::Workbench(_)) {
            break;
        }
        advance(&setup, &mut harness, 5.0);
    }
    let Screen::Scorecard(view) = &harness.state().screen else { panic!("no scorecard screen") };
    assert_eq!(view.cards.len(), 1);
    assert!(view.cards[0].grade.total > 0.0);
    harness.get_by_label("再练一次");
    // The screen says why: the total against the pass mark and the buyer's outcome,
    // and breaks the score down by dimension.
    harness.get_by_label_contains("合格线 70");
    harness.get_by_label_contains("买家结果:");
    harness.get_by_label("各项得分");
    harness.get_by_label("语气");
    // The model answer: the scenario's passing example, played through the engine.
    harness.get_by_label("参考答案(示范对话)").click();
    harness.run();
    harness.get_by_label_contains("这是本场景的示范对话,合格");
    let saved = kefu::store::trainee_scorecards(&harness.state().data, "t001");
    assert_eq!(saved.len(), 1, "the scorecard is saved in the data folder");
    assert!(kefu::store::Autosave::load(&harness.state().data).unwrap().is_none(), "the autosave is cleared");
    // The policy fact left unstated (who pays return shipping) comes back as a review question.
    let deck = kefu::store::Progress::load(&harness.state().data, "t001").unwrap().deck;
    assert!(deck.cards.contains_key("gen-policy-return-shipping-wrongitem"), "{:?}", deck.cards.keys().collect::<Vec<_>>());

    // Back home, the attempt shows in the course list (the saved-scorecards view is re-read on the way).
    harness.get_by_label("首页").click();
    harness.run();
    let attempts = harness.state_mut().saved().progress.get("wrong-colour-thermos").map(|p| p.attempts);
    assert_eq!(attempts, Some(1));
    // Practise next: what cost the most points, with a scenario to start.
    harness.get_by_label("接下来练什么(失分最多的)");
    assert!(!harness.state_mut().saved().practice.is_empty());
}

/// The turn rule as a trainee meets it: an order action first, then the
/// explanation typed slowly, is one answer; the buyer waits while the reply box
/// has text, and the cue above it says so; a refund of 0 元 cannot be sent.
#[test]
fn an_action_then_a_slowly_typed_explanation_is_one_answer() {
    let (setup, mut harness) = setup();
    open_thermos_scenario(&mut harness);
    advance(&setup, &mut harness, 3.0);
    harness.get_by_label("输入回复").click();
    harness.run();
    harness.get_by_label("输入回复").type_text("亲,非常抱歉给您添麻烦了!麻烦您提供一下订单号和照片~");
    harness.key_press(eframe::egui::Key::Enter);
    harness.run();
    harness.get_by_label("买家 3 秒后读取你的回复");
    advance(&setup, &mut harness, 4.0);
    assert_eq!(transcript(&harness).last().unwrap().0, Who::Buyer, "the buyer answered the first message");
    let buyer_lines = |h: &Harness<KefuApp>| transcript(h).iter().filter(|(who, _, _)| *who == Who::Buyer).count();
    let before = buyer_lines(&harness);

    // The refund amount is still 0: the button cannot send it.
    harness.get_by_label("退款").click();
    harness.run();
    assert!(transcript(&harness).iter().all(|(_, kind, _)| *kind != EntryKind::Action), "a 0 元 refund never reaches the order");

    // Resend first; the buyer does not answer a bare order action.
    advance(&setup, &mut harness, 2.0);
    click_visible(&mut harness, "补发");
    harness.run();
    advance(&setup, &mut harness, 6.0);
    assert_eq!(buyer_lines(&harness), before, "no answer to a bare action");

    // Then the explanation, typed slowly: the buyer waits while the box has text.
    harness.get_by_label("输入回复").click();
    harness.run();
    harness.get_by_label("输入回复").type_text("核实好了,是我们发错了,非常抱歉!已经为您免费补发白色款,48小时内发出");
    harness.run();
    for _ in 0..4 {
        advance(&setup, &mut harness, 2.0);
    }
    assert_eq!(buyer_lines(&harness), before, "the buyer waits while the trainee types");
    harness.key_press(eframe::egui::Key::Enter);
    harness.run();
    // A second short message: while it is being typed the cue says the buyer waits.
    advance(&setup, &mut harness, 1.0);
    harness.get_by_label("输入回复").type_text("运费我们承担");
    harness.run();
    harness.get_by_label_contains("你正在输入");
    for _ in 0..3 {
        advance(&setup, &mut harness, 2.0);
    }
    harness.key_press(eframe::egui::Key::Enter);
    harness.run();
    advance(&setup, &mut harness, 4.0);
    // The buyer read once the trainee stopped, and here that closes the case.
    let Screen::Scorecard(view) = &harness.state().screen else { panic!("the buyer did not read after the trainee stopped") };
    let card = &view.cards[0];
    let second = &card.replies[1];
    assert!(second.found.contains("offer_resend") && second.acted.contains(&kefu::content::raw::ActionKind::Resend), "{second:?}");
    assert!(!card.replies.iter().flat_map(|r| &r.findings).any(|f| f.rule == "no_reply"));
    // The typing was recorded, so the saved record replays to the same grade.
    assert!(card.transcript.iter().any(|e| e.kind == EntryKind::Typing));
    let verdict = kefu::scorecard::verify(card, &harness.state().bundle);
    assert!(verdict.is_ok(), "{verdict:?}");
}

#[test]
fn after_a_crash_the_next_start_resumes_with_everything_sent() {
    let data = tempfile::tempdir().unwrap();
    let clock = Arc::new(Mutex::new(0.0));
    {
        let mut harness = harness(app_in(data.path(), &clock));
        open_thermos_scenario(&mut harness);
        *clock.lock().unwrap() += 3.0;
        harness.run();
        harness.get_by_label("输入回复").click();
        harness.run();
        harness.get_by_label("输入回复").type_text("亲,非常抱歉,请提供订单号");
        harness.key_press(eframe::egui::Key::Enter);
        harness.run();
        // The app is killed here: dropped without finishing the session.
    }
    let mut harness = harness(app_in(data.path(), &clock));
    assert!(harness.state().resume.is_some(), "the next start offers to resume");
    harness.get_by_label("继续上次未完成的会话").click();
    harness.run();
    let lines = transcript(&harness);
    assert!(lines.iter().any(|(who, _, text)| *who == Who::Agent && text == "亲,非常抱歉,请提供订单号"), "{lines:?}");
}

#[test]
fn rush_mode_serves_three_buyers_and_the_language_switches() {
    let (setup, mut harness) = setup();
    harness.get_by_label("English").click();
    harness.run();
    assert_eq!(harness.state().settings.ui_lang, kefu::content::raw::Lang::En);
    harness.get_by_label("中文").click();
    harness.run();
    harness.get_by_label("高峰模式(3位买家)").click();
    harness.run();
    // A briefing first, telling how a shift works but not what the buyers will ask.
    harness.get_by_label("任务简报:高峰模式");
    for id in kefu::app::rush_picks(kefu::content::raw::Lang::Zh, &harness.state().bundle.course) {
        let title = harness.state().bundle.course.scenario(&id).unwrap().title.zh.clone();
        assert!(harness.query_by_label_contains(&title).is_none(), "the briefing gives away {title}");
    }
    harness.get_by_label("开始").click();
    harness.run();
    let Screen::Workbench(wb) = &harness.state().screen else { panic!("no workbench") };
    assert_eq!(wb.shift.sessions().len(), 3);
    // The conversation list names each buyer, not the scenario they are in.
    for session in wb.shift.sessions() {
        let title = session.scenario().title.zh.clone();
        assert!(harness.query_by_label_contains(&title).is_none(), "the buyer list gives away {title}");
    }
    // Time passes: unanswered buyers nudge, and the ones not selected show unread messages.
    advance(&setup, &mut harness, 40.0);
    let Screen::Workbench(wb) = &harness.state().screen else { panic!("no workbench") };
    assert!(wb.desks[1].unread > 0 && wb.desks[2].unread > 0, "{:?}", wb.desks.iter().map(|d| d.unread).collect::<Vec<_>>());
    let settings = kefu::store::Settings::load(&harness.state().data).unwrap();
    assert_eq!(settings.ui_lang, kefu::content::raw::Lang::Zh, "the language choice is saved");
}

#[test]
fn chinese_typed_through_an_ime_goes_into_the_reply_box() {
    use eframe::egui::{Event, ImeEvent, Key};
    let (setup, mut harness) = setup();
    open_thermos_scenario(&mut harness);
    advance(&setup, &mut harness, 2.0);
    harness.get_by_label("输入回复").click();
    harness.run();
    // Pinyin being composed, then committed as characters.
    harness.event(Event::Ime(ImeEvent::Preedit { text: "qin".into(), active_range_chars: None }));
    harness.run();
    harness.event(Event::Ime(ImeEvent::Commit("亲,您好".into())));
    harness.run();
    harness.event(Event::Ime(ImeEvent::Preedit { text: "zai".into(), active_range_chars: None }));
    harness.run();
    // Enter while a composition is open picks the candidate; it must not send.
    harness.key_press(Key::Enter);
    harness.run();
    harness.event(Event::Ime(ImeEvent::Commit("在的".into())));
    harness.run();
    {
        let Screen::Workbench(wb) = &harness.state().screen else { panic!("no workbench") };
        assert_eq!(wb.desks[0].draft, "亲,您好在的", "committed text goes into the box");
        assert!(transcript(&harness).iter().all(|(who, _, _)| *who != Who::Agent), "nothing sent during composition");
    }
    // Shift+Enter adds a line; Enter then sends both lines as one message.
    harness.key_press_modifiers(eframe::egui::Modifiers::SHIFT, Key::Enter);
    harness.run();
    harness.get_by_label("输入回复").type_text("请问有什么可以帮您?");
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    let sent: Vec<String> = transcript(&harness).into_iter().filter(|(who, _, _)| *who == Who::Agent).map(|(_, _, t)| t).collect();
    assert_eq!(sent, ["亲,您好在的\n请问有什么可以帮您?"]);
}

#[test]
fn an_exam_end_to_end_then_the_review_deck_and_the_typing_drill() {
    use kefu::quiz::ItemKind;
    let (setup, mut harness) = setup();
    harness.get_by_label("模拟考试(20题,30分钟)").click();
    harness.run();
    harness.get_by_label("开始考试").click();
    harness.run();
    for _ in 0..20 {
        let (item, time_left) = {
            let Screen::Quiz(view) = &harness.state().screen else { panic!("no quiz screen") };
            (view.session.items[view.current().expect("a question on show")].clone(), view.session.time_left(0.0))
        };
        assert_eq!(time_left, Some(1800.0), "a 30-minute exam");
        match &item.kind {
            ItemKind::Single { options, right } => harness.get_by_label(&options[*right]).click(),
            ItemKind::Multiple { options, right } => {
                for index in right {
                    harness.get_by_label(&options[*index]).click();
                    harness.run();
                }
            }
            ItemKind::TrueFalse { answer } => harness.get_by_label(if *answer { "对" } else { "错" }).click(),
            ItemKind::FillIn { .. } | ItemKind::Numeric { .. } => {
                let typed = match &item.kind {
                    ItemKind::FillIn { answers } => answers[0].clone(),
                    ItemKind::Numeric { answer, .. } => answer.to_string(),
                    _ => unreachable!(),
                };
                harness.get_by_label("你的答案").click();
                harness.run();
                harness.get_by_label("你的答案").type_text(&typed);
            }
        }
        harness.run();
        harness.get_by_label("提交答案").click();
        harness.run();
        advance(&setup, &mut harness, 20.0);
    }
    // Every question answered: nothing unanswered to confirm, handed in at once.
    harness.get_by_label("交卷").click();
    harness.run();
    let Screen::Quiz(view) = &harness.state().screen else { panic!("no quiz screen") };
    let result = view.session.result().unwrap_or_else(|| panic!("the exam is over: at {:?} of {}: {:?}", view.current(), view.session.items.len(), view.current().and_then(|c| view.session.items.get(c)).map(|i| (&i.id, &i.kind))));
    assert_eq!(result.score_pct, 100.0, "{:?}", result.marks);
    assert!(result.passed && !result.timed_out);
    let progress = kefu::store::Progress::load(&harness.state().data, "t001").unwrap();
    assert_eq!(progress.deck.cards.len(), 20, "every question enters the review deck");
    // The attempt is a scorecard like a scenario's, and it verifies.
    let saved = kefu::store::trainee_scorecards(&harness.state().data, "t001");
    assert_eq!(saved.len(), 1);
    let record = kefu::store::read_record(&saved[0]).unwrap();
    let kefu::scorecard::Record::Quiz(card) = &record else { panic!("not a quiz record") };
    assert_eq!(card.result.score_pct, 100.0);
    assert_eq!(card.when_utc.as_deref(), Some("2026-11-23T09:06:40Z"), "the time of handing in (20 s after the last answer), on the app's clock");
    assert_eq!(kefu::scorecard::verify_record(&record, &harness.state().bundle), kefu::scorecard::Verdict::Ok);

    // The typing drill keeps a personal best.
    harness.get_by_label("首页").click();
    harness.run();
    harness.get_by_label("打字练习").click();
    harness.run();
    harness.get_by_label("你的答案").click();
    harness.run();
    harness.get_by_label("你的答案").type_text(kefu::quiz::typing_phrases(kefu::content::raw::Lang::Zh)[0]);
    harness.run();
    advance(&setup, &mut harness, 30.0);
    harness.get_by_label("完成").click();
    harness.run();
    let Screen::Typing(view) = &harness.state().screen else { panic!("no typing screen") };
    let score = view.result.expect("scored");
    assert_eq!(score.accuracy, 1.0);
    assert!(kefu::store::Progress::load(&harness.state().data, "t001").unwrap().typing_best_cpm > 0.0);
    // The phrase is a sealed record: it verifies, and "my scorecards" lists its speed.
    let typing: Vec<_> = kefu::store::trainee_scorecards(&harness.state().data, "t001")
        .into_iter()
        .filter_map(|path| kefu::store::read_record(&path).ok())
        .filter(|record| matches!(record, kefu::scorecard::Record::Typing(_)))
        .collect();
    assert_eq!(typing.len(), 1, "one phrase, one record");
    assert_eq!(kefu::scorecard::verify_record(&typing[0], &harness.state().bundle), kefu::scorecard::Verdict::Ok);
    let kefu::scorecard::Record::Typing(card) = &typing[0] else { unreachable!() };
    assert_eq!(card.speed, score.speed(kefu::content::raw::Lang::Zh));
    // Done twice on the same phrase: still one record.
    harness.get_by_label("完成").click();
    harness.run();
    assert_eq!(kefu::store::trainee_scorecards(&harness.state().data, "t001").len(), 2, "the exam and one typing record, not two");
    harness.get_by_label("首页").click();
    harness.run();
    harness.get_by_label("我的成绩单").click();
    harness.run();
    harness.get_by_label_contains(&format!("{:.0} 字/分", card.speed));
}

/// Answers the current question through the widgets: rightly, or with a wrong option / value.
fn answer_current(harness: &mut Harness<KefuApp>, right: bool) -> String {
    use kefu::quiz::ItemKind;
    let item = {
        let Screen::Quiz(view) = &harness.state().screen else { panic!("no quiz screen") };
        view.session.items[view.current().expect("a question on show")].clone()
    };
    match &item.kind {
        ItemKind::Single { options, right: r } => harness.get_by_label(&options[if right { *r } else { (*r + 1) % options.len() }]).click(),
        ItemKind::Multiple { options, right: r } => {
            let picks: Vec<usize> = if right { r.clone() } else { (0..options.len()).collect() };
            for index in picks {
                harness.get_by_label(&options[index]).click();
                harness.run();
            }
        }
        ItemKind::TrueFalse { answer } => harness.get_by_label(if *answer == right { "对" } else { "错" }).click(),
        ItemKind::FillIn { answers } => {
            harness.get_by_label("你的答案").click();
            harness.run();
            harness.get_by_label("你的答案").type_text(if right { &answers[0] } else { "不知道" });
        }
        ItemKind::Numeric { answer, .. } => {
            harness.get_by_label("你的答案").click();
            harness.run();
            harness.get_by_label("你的答案").type_text(&(if right { *answer } else { answer + 1000.0 }).to_string());
        }
    }
    harness.run();
    harness.get_by_label("提交答案").click();
    harness.run();
    item.id
}

#[test]
/// Only answered questions move in the review deck: an early hand-in leaves
/// the unseen ones out (they say nothing about what the trainee knows).
fn practice_explains_each_answer_then_missed_questions_come_back_for_review_a_day_later() {
    let (setup, mut harness) = setup();
    harness.get_by_label("练习测验").click();
    harness.run();
    let Screen::Quiz(view) = &harness.state().screen else { panic!("no quiz screen") };
    assert_eq!((view.session.items.len(), view.session.time_left(0.0)), (10, None), "ten questions, no time limit");

    // A wrong answer: at once, the right answer and the explanation.
    let missed = answer_current(&mut harness, false);
    let explain = {
        let Screen::Quiz(view) = &harness.state().screen else { panic!() };
        view.session.items[0].explain.clone()
    };
    assert!(harness.query_by_label_contains("答错了 · 正确答案").is_some(), "immediate feedback says wrong");
    assert!(harness.query_by_label_contains(&explain).is_some(), "and explains why");
    harness.get_by_label("下一题").click();
    harness.run();
    answer_current(&mut harness, true);
    assert!(harness.query_by_label_contains("答对了").is_some());
    harness.get_by_label("下一题").click();
    harness.run();
    // Hand in the rest unanswered: asked to confirm first.
    harness.get_by_label("交卷").click();
    harness.run();
    assert!(harness.query_by_label_contains("还有 8 题未作答").is_some());
    harness.get_by_label("继续作答").click();
    harness.run();
    assert!(harness.query_by_label_contains("还有 8 题未作答").is_none(), "not handed in");
    harness.get_by_label("交卷").click();
    harness.run();
    harness.get_by_label("确定交卷").click();
    harness.run();
    let Screen::Quiz(view) = &harness.state().screen else { panic!() };
    let card = view.card().cloned().expect("the attempt became a scorecard");
    assert_eq!(card.result.score_pct, 10.0, "one of ten");
    harness.get_by_label("练习 · 得分 10%");
    assert!(harness.query_by_label("不合格").is_none() && harness.query_by_label_contains("合格线").is_none(), "practice has no verdict");
    assert_eq!(harness.query_all_by_label_contains("未作答").count(), 8, "unanswered questions are marked so");

    // Nothing is due today; a day later the missed question is. The eight left
    // unanswered were never seen, so they say nothing and stay out of the deck.
    let deck = kefu::store::Progress::load(&harness.state().data, "t001").unwrap().deck;
    assert_eq!(deck.cards.len(), 2, "only the two answered questions entered the deck: {:?}", deck.cards.keys().collect::<Vec<_>>());
    harness.get_by_label("首页").click();
    harness.run();
    assert!(harness.query_by_label("复习到期的题目 (0)").is_some());
    advance(&setup, &mut harness, 24.0 * 3600.0 + 1.0);
    harness.get_by_label("我的成绩单").click();
    harness.run();
    harness.get_by_label("返回").click();
    harness.run();
    assert!(harness.query_by_label("复习到期的题目 (1)").is_some(), "the one missed question is due");
    harness.get_by_label("复习到期的题目 (1)").click();
    harness.run();
    let Screen::Quiz(view) = &harness.state().screen else { panic!("no review screen") };
    assert_eq!(view.spec.mode, kefu::quiz::QuizMode::Review);
    assert_eq!(view.session.items.len(), 1);
    assert_eq!(view.session.items[0].id, missed, "the missed question is back");
    let right_one = answer_current(&mut harness, true);
    // Answered right: up to box 2 (due in two days).
    let deck = kefu::store::Progress::load(&harness.state().data, "t001").unwrap().deck;
    assert_eq!(deck.cards[&right_one].leitner_box, 2);
    harness.get_by_label("首页").click();
    harness.run();
    assert!(harness.query_by_label("复习到期的题目 (0)").is_some(), "the review attempt counts: nothing is due now");
}

#[test]
fn a_saved_quiz_opens_from_my_scorecards_in_english() {
    let (_setup, mut harness) = setup();
    harness.get_by_label("English").click();
    harness.run();
    harness.get_by_label("Practice quiz").click();
    harness.run();
    harness.get_by_label("Hand in").click();
    harness.run();
    harness.get_by_label("Hand in now").click();
    harness.run();
    harness.get_by_label("My scorecards").click();
    harness.run();
    let row = harness.query_by_label_contains("Open · Practice quiz");
    assert!(row.is_some(), "the attempt is listed with the scenario scorecards");
    // Practice has no verdict: its score, and no PASS or FAIL.
    assert!(harness.query_by_label("Practice quiz").is_some() && harness.query_by_label("Practice · score 0%").is_some());
    assert!(harness.query_by_label("FAIL").is_none() && harness.query_by_label("PASS").is_none(), "practice shown as pass/fail in the list");
    harness.get_by_label_contains("Open · Practice quiz").click();
    harness.run();
    let Screen::Quiz(view) = &harness.state().screen else { panic!("the quiz card did not open") };
    assert!(view.card().is_some());
    assert_eq!(harness.query_all_by_label_contains("Not answered").count(), 10);
    harness.get_by_label("Practice · score 0%");
    assert!(harness.query_by_label("FAIL").is_none(), "practice shown as failed");
    harness.get_by_label("Export HTML").click();
    harness.run();
    harness.get_by_label("Export CSV").click();
    harness.run();
    let exports = harness.state().data.join("exports");
    let mut files: Vec<_> = std::fs::read_dir(&exports).unwrap().flatten().map(|e| e.path()).collect();
    files.sort();
    assert_eq!(files.len(), 2);
    let (csv, html) = (std::fs::read_to_string(&files[0]).unwrap(), std::fs::read_to_string(&files[1]).unwrap());
    assert!(html.contains("Practice quiz"), "{html:.400}");
    assert!(html.contains("Practice · score 0%") && !html.contains("FAIL") && !html.contains("Pass mark:"), "{html}");
    let mut reader = csv::Reader::from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let headers = reader.headers().unwrap().clone();
    let row = reader.records().next().unwrap().unwrap();
    assert_eq!(&row[headers.iter().position(|h| h == "passed").unwrap()], "", "practice has no verdict in the CSV");
}

#[test]
fn one_exam_at_a_time_closing_the_app_keeps_the_questions_and_the_clock_running() {
    let data = tempfile::tempdir().unwrap();
    let clock = Arc::new(Mutex::new(0.0));
    let mut harness = self::harness(app_in(data.path(), &clock));
    harness.get_by_label("模拟考试(20题,30分钟)").click();
    harness.run();
    harness.get_by_label("开始考试").click();
    harness.run();
    assert!(harness.query_by_label("首页").is_none(), "an exam is left only by handing it in");
    let asked: Vec<String> = {
        let Screen::Quiz(view) = &harness.state().screen else { panic!("no exam") };
        view.session.items.iter().map(|q| q.id.clone()).collect()
    };
    *clock.lock().unwrap() += 30.0;
    harness.run();
    answer_current(&mut harness, true);
    *clock.lock().unwrap() += 30.0;
    harness.run();
    answer_current(&mut harness, false);
    drop(harness);

    // Ten minutes later, the app starts again: the same exam, two answers kept, 19 minutes left.
    *clock.lock().unwrap() += 600.0;
    let mut harness = self::harness(app_in(data.path(), &clock));
    assert!(harness.query_by_label("模拟考试(20题,30分钟)").is_none(), "no second exam while one is open");
    harness.get_by_label_contains("继续未交卷的考试").click();
    harness.run();
    {
        let Screen::Quiz(view) = &harness.state().screen else { panic!("the exam did not resume") };
        let ids: Vec<String> = view.session.items.iter().map(|q| q.id.clone()).collect();
        assert_eq!(ids, asked, "the same questions in the same order");
        assert_eq!(view.session.answers().iter().filter(|a| a.is_some()).count(), 2);
        assert_eq!(view.current(), Some(2), "on the first unanswered question");
    }
    assert!(harness.query_by_label_contains("剩余时间: 19:").is_some(), "the clock kept running while the app was closed");

    // Time runs out: handed in, saved as a scorecard, and a new exam can start.
    *clock.lock().unwrap() += 19.0 * 60.0 + 1.0;
    harness.run();
    let Screen::Quiz(view) = &harness.state().screen else { panic!() };
    let card = view.card().cloned().expect("handed in when time was up");
    assert!(card.result.timed_out && card.result.duration_secs == 1800.0);
    assert_eq!(card.result.marks.iter().flatten().filter(|m| m.right).count(), 1);
    assert!(harness.query_by_label("时间到,已自动交卷").is_some());
    assert!(!data.path().join("exam-in-progress.json").exists());
    assert_eq!(kefu::scorecard::verify_record(&kefu::scorecard::Record::Quiz(card), &harness.state().bundle), kefu::scorecard::Verdict::Ok);
    harness.get_by_label("首页").click();
    harness.run();
    assert!(harness.query_by_label("模拟考试(20题,30分钟)").is_some());
}

#[test]
fn practice_can_be_limited_to_one_bank_or_to_the_generated_questions() {
    let (_setup, mut harness) = setup();
    use eframe::egui::accesskit::Role;
    harness.get_by_role_and_label(Role::ComboBox, "题库:").click();
    harness.run();
    click_visible(&mut harness, "商品与店铺政策(按商品库自动出题)");
    harness.run();
    harness.get_by_label("练习测验").click();
    harness.run();
    let Screen::Quiz(view) = &harness.state().screen else { panic!("no quiz screen") };
    assert_eq!(view.spec.sources, ["generated"]);
    assert!(view.session.items.iter().all(|q| q.bank == "generated" && q.id.starts_with("gen-")), "only questions made from the catalogue and policy");
    harness.get_by_label("首页").click();
    harness.run();
    harness.get_by_role_and_label(Role::ComboBox, "题库:").click();
    harness.run();
    harness.get_by_label("客服考核指标").click();
    harness.run();
    harness.get_by_label("练习测验").click();
    harness.run();
    let Screen::Quiz(view) = &harness.state().screen else { panic!("no quiz screen") };
    assert!(view.session.items.iter().all(|q| q.bank == "kpi"));
}

/// Rush mode: each buyer has their own order form, so 补发 for a later buyer
/// sends that buyer's ordered item (it used to send the first buyer's SKU).
#[test]
fn in_rush_mode_each_buyer_keeps_their_own_order_form() {
    use kefu::content::raw::{Action, Scenario};
    use kefu::store::AutosaveInput;
    let ordered_sku = |scenario: &Scenario| scenario.order.as_ref().and_then(|o| o.items.first()).map(|i| i.sku.clone());
    let (_setup, mut harness) = setup();
    harness.get_by_label("高峰模式(3位买家)").click();
    harness.run();
    harness.get_by_label("开始").click();
    harness.run();
    let (buyer, sku, title) = {
        let Screen::Workbench(wb) = &harness.state().screen else { panic!("no workbench") };
        let first = ordered_sku(wb.shift.sessions()[0].scenario());
        wb.shift
            .sessions()
            .iter()
            .enumerate()
            .skip(1)
            .find_map(|(index, session)| {
                let sku = ordered_sku(session.scenario()).filter(|sku| Some(sku) != first.as_ref())?;
                // The conversation list names the buyer (the scenario's title stays hidden in rush mode).
                Some((index, sku, session.draw().buyer_name.clone()))
            })
            .expect("a later buyer whose order differs from the first buyer's")
    };
    harness.get_by_label_contains(&title).click();
    harness.run();
    click_visible(&mut harness, "补发");
    harness.run();
    let Screen::Workbench(wb) = &harness.state().screen else { panic!("no workbench") };
    assert_eq!(wb.selected, buyer);
    let last = wb.autosave.inputs.last().expect("the resend was recorded");
    assert_eq!((last.0, &last.2), (buyer, &AutosaveInput::Act(Action::Resend { sku: sku.clone() })), "补发 went to buyer {buyer} with their own SKU {sku}");
    assert!(wb.shift.sessions()[buyer].transcript().iter().any(|e| e.kind == EntryKind::Action));
    assert!(wb.shift.sessions()[0].transcript().iter().all(|e| e.kind != EntryKind::Action), "nothing reached the first buyer");
}

/// The mock exam: its rules first (Start starts the clock), then a question
/// list to jump back with, a flag, answers that change until handed in, and
/// a hand-in that asks first while questions are unanswered.
#[test]
fn the_exam_starts_from_its_rules_and_its_question_list_jumps_back_and_flags() {
    let (setup, mut harness) = setup();
    harness.get_by_label("模拟考试(20题,30分钟)").click();
    harness.run();
    harness.get_by_label("考试须知");
    assert!(harness.state().exam.is_none(), "not started, not kept on disk");
    advance(&setup, &mut harness, 600.0);
    harness.get_by_label("开始考试").click();
    harness.run();
    let Screen::Quiz(view) = &harness.state().screen else { panic!("no quiz screen") };
    assert_eq!(view.current(), Some(0));
    assert_eq!(view.session.time_left(view.now(&harness.state().clock)), Some(1800.0), "the clock starts at Start, not at the rules");
    assert!(harness.state().exam.is_some(), "kept on disk from Start");

    // Question 1 answered (wrongly): on to question 2, and 1 is ticked in the list.
    answer_current(&mut harness, false);
    let Screen::Quiz(view) = &harness.state().screen else { panic!() };
    assert_eq!(view.current(), Some(1));
    // Flag question 2.
    harness.get_by_label("标记").click();
    harness.run();
    harness.get_by_label("2 已标记");
    harness.get_by_label("取消标记");
    // Back to question 1 through the list; its answer can be changed.
    harness.get_by_label("1 ✓").click();
    harness.run();
    let Screen::Quiz(view) = &harness.state().screen else { panic!() };
    assert_eq!(view.current(), Some(0), "jumped back to question 1");
    answer_current(&mut harness, true);
    let Screen::Quiz(view) = &harness.state().screen else { panic!() };
    assert!(view.session.result().is_none());
    let answers = view.session.answers();
    assert!(answers[0].is_some() && answers[1..].iter().all(Option::is_none));

    // Hand in with 19 unanswered: asked first; keep answering keeps the exam.
    harness.get_by_label("交卷").click();
    harness.run();
    harness.get_by_label_contains("还有 19 题未作答");
    harness.get_by_label("继续作答").click();
    harness.run();
    let Screen::Quiz(view) = &harness.state().screen else { panic!() };
    assert!(view.session.result().is_none(), "not handed in");
    harness.get_by_label("交卷").click();
    harness.run();
    harness.get_by_label("确定交卷").click();
    harness.run();
    let Screen::Quiz(view) = &harness.state().screen else { panic!() };
    let card = view.card().expect("recorded");
    assert_eq!(card.result.score_pct, 5.0, "the changed answer counts: 1 of 20");
    assert_eq!(kefu::scorecard::verify_record(&kefu::scorecard::Record::Quiz(card.clone()), &harness.state().bundle), kefu::scorecard::Verdict::Ok);
}

/// 结束会话 after one reply: the attempt is recorded as ended early, not as
/// a 0/100 fail. The scorecard says so and why, the reply sent is graded, the
/// saved record has no verdict, and home counts the attempt without a best.
#[test]
fn a_session_ended_early_is_recorded_as_ended_not_failed() {
    let (setup, mut harness) = setup();
    open_thermos_scenario(&mut harness);
    advance(&setup, &mut harness, 3.0);
    harness.get_by_label("输入回复").click();
    harness.run();
    harness.get_by_label("输入回复").type_text("亲,非常抱歉给您添麻烦了!麻烦您提供一下订单号和照片~");
    harness.run();
    harness.key_press(eframe::egui::Key::Enter);
    harness.run();
    advance(&setup, &mut harness, 1.0);
    harness.get_by_label("结束会话").click();
    harness.run();
    harness.get_by_label("确定结束").click();
    harness.run();

    let Screen::Scorecard(view) = &harness.state().screen else { panic!("no scorecard screen") };
    let grade = &view.cards[0].grade;
    assert!(grade.abandoned && !grade.passed, "{grade:?}");
    assert_eq!(view.cards[0].replies.len(), 1, "the reply sent before the end is graded");
    assert!(view.cards[0].transcript.iter().any(|e| e.kind == EntryKind::Abandoned), "the end is in the transcript");
    harness.get_by_label("已中止");
    harness.get_by_label_contains("你提前结束了这次练习");
    assert!(harness.query_by_label("不合格").is_none(), "not called a fail");
    assert!(harness.query_by_label_contains("买家结果").is_none(), "no buyer outcome for a session nobody finished");

    let data = harness.state().data.clone();
    let saved = kefu::store::trainee_scorecards(&data, "t001");
    assert_eq!(saved.len(), 1, "the attempt is recorded");
    harness.get_by_label("首页").click();
    harness.run();
    let progress = harness.state_mut().saved().progress.get("wrong-colour-thermos").copied().expect("the attempt counts");
    assert_eq!((progress.attempts, progress.best, progress.passed()), (1, 0.0, false));
}
