//! The whole app walked in each UI language, the way a trainee goes through
//! it: home, a briefing, the workbench (a reply, an order action, the buyer's
//! answer, the product card and order panel), the scorecard with its model
//! answer, my scorecards and an opened record, rush mode, a practice quiz with
//! feedback, the exam's rules and a question with its list, the review and the
//! typing drill; then the supervisor's workspace over the records the walk
//! made (trainees, sorted, scenarios, the chart, a trainee's records and an
//! opened scorecard) and the trainer's page. On every screen each text the accessibility tree exposes is
//! read, and text of the other language fails the test unless it is content:
//! what a buyer or the trainee said, a name, a conversation's own goals and
//! order details. Debug-looking text (braces, `Some(`, ids) fails in both.
#![cfg(feature = "gui")]

use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use kefu::app::{Clock, KefuApp, Screen};
use kefu::content::raw::{Lang, Scenario};
use kefu::engine::{EntryKind, TranscriptEntry};
use std::collections::BTreeSet;
use std::path::Path;
use std::sync::{Arc, Mutex};

/// The text for `lang`: the walk reaches widgets by the labels a trainee reads.
fn tr(lang: Lang, zh: &'static str, en: &'static str) -> &'static str {
    if lang == Lang::Zh { zh } else { en }
}

// ---------------------------------------------------------------------------
// The checker.

fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3000}'..='\u{303f}' // CJK punctuation: 、。「」
        | '\u{3400}'..='\u{4dbf}'
        | '\u{4e00}'..='\u{9fff}'
        | '\u{f900}'..='\u{faff}'
        | '\u{ff00}'..='\u{ffef}' // full-width forms: ,:()¥
    )
}

/// Latin words a Chinese UI writes as they are, each with its reason:
/// - "Enter", "Shift": the keys' names, printed on the keyboard (the reply box's hint).
/// - "HTML", "CSV", "JSON": the export formats, named by their file types in both languages.
const ZH_LATIN_WORDS: &[&str] = &["Enter", "Shift", "HTML", "CSV", "JSON"];

/// Whole labels that are in the other language on purpose: the language
/// switch names the language it switches to, in that language.
fn switch_label(lang: Lang) -> &'static str {
    tr(lang, "English", "中文")
}

/// What may be in the other language: content strings (what was said, names,
/// a conversation's goals and order details), removed from a text before it is
/// checked; and ids that must never be shown.
#[derive(Default)]
struct Allowed {
    content: BTreeSet<String>,
    ids: BTreeSet<String>,
    /// The data folder: a notice names the file it saved in it, a path as the file system spells it.
    data: Option<String>,
}

impl Allowed {
    fn add(&mut self, text: &str) {
        let text = text.trim();
        // A single character could hide anything: content is a word or more.
        if text.chars().count() >= 2 {
            self.content.insert(text.to_string());
        }
    }

    /// A line and the shortened forms the screens show of it (the rush
    /// conversation list shows 14 characters, a quick phrase button 22).
    fn add_line(&mut self, text: &str) {
        self.add(text);
        for line in text.lines() {
            self.add(line);
            for shown in [14, 22] {
                self.add(&line.chars().take(shown).collect::<String>());
            }
        }
    }
}

/// Why `text` is wrong in a `lang` UI, or `None` if it is fine.
fn violation(lang: Lang, text: &str, allowed: &Allowed) -> Option<String> {
    if text == switch_label(lang) {
        return None;
    }
    // Longest first, so a line is removed whole before a shorter piece of it.
    let mut content: Vec<&String> = allowed.content.iter().collect();
    content.sort_by_key(|c| std::cmp::Reverse(c.len()));
    let mut rest = text.to_string();
    if let Some(data) = &allowed.data
        && let Some(at) = rest.find(data.as_str())
    {
        let end = rest[at..].find(char::is_whitespace).map_or(rest.len(), |n| at + n);
        rest.replace_range(at..end, " \u{1} ");
    }
    for piece in content {
        if rest.contains(piece.as_str()) {
            rest = rest.replace(piece.as_str(), " \u{1} ");
        }
    }
    for debug in ["{", "}", "Some(", "None", "::"] {
        if rest.contains(debug) {
            return Some(format!("debug-looking text {debug:?}"));
        }
    }
    let chars: Vec<char> = rest.chars().collect();
    if chars.windows(3).any(|w| w[0].is_ascii_alphanumeric() && w[1] == '_' && w[2].is_ascii_alphanumeric()) {
        return Some("a snake_case identifier".into());
    }
    let words: Vec<&str> = rest.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '.')).collect();
    if let Some(id) = words.iter().map(|w| w.trim_end_matches('.')).find(|w| allowed.ids.contains(*w)) {
        return Some(format!("the id {id:?}"));
    }
    match lang {
        Lang::En => rest.chars().find(|c| is_cjk(*c)).map(|c| format!("Chinese {c:?} in the English UI")),
        Lang::Zh => {
            let latin = rest.split(|c: char| !c.is_ascii_alphabetic()).find(|w| w.len() >= 3 && !ZH_LATIN_WORDS.contains(w));
            if let Some(word) = latin {
                return Some(format!("the English word {word:?} in the Chinese UI"));
            }
            // Units of measure (ml, kg, cm) read the same in Chinese; hours are 小时, not "48 h".
            let hours = chars.iter().enumerate().any(|(at, c)| {
                *c == 'h' && chars[..at].iter().rev().find(|c| **c != ' ').is_some_and(char::is_ascii_digit) && !chars.get(at + 1).is_some_and(char::is_ascii_alphabetic)
            });
            hours.then(|| "hours written \"h\" in the Chinese UI".to_string())
        }
    }
}

/// Every violation in `texts`, as "text: why".
fn violations(lang: Lang, texts: &[String], allowed: &Allowed) -> Vec<String> {
    texts.iter().filter_map(|text| violation(lang, text, allowed).map(|why| format!("{text:?}: {why}"))).collect()
}

// ---------------------------------------------------------------------------
// Reading the screen.

/// Every label and value the accessibility tree exposes, once each.
fn texts(harness: &Harness<KefuApp>) -> Vec<String> {
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    for node in harness.root().children_recursive() {
        let node = node.accesskit_node();
        // egui names a resizable panel's drag handle "Resize panel" itself, in
        // English and with no way to name it otherwise; nothing shows that text.
        if node.role() == eframe::egui::accesskit::Role::Splitter && node.label().as_deref() == Some("Resize panel") {
            continue;
        }
        for text in [node.label(), node.value()].into_iter().flatten() {
            if !text.trim().is_empty() && seen.insert(text.clone()) {
                out.push(text);
            }
        }
    }
    out
}

/// A scenario's own words, in its conversation's language: what its buyer
/// says and is called, its goals, the order's address and tracking lines.
fn scenario_content(allowed: &mut Allowed, scenario: &Scenario) {
    for goal in &scenario.goals {
        allowed.add(goal);
    }
    for text in scenario.buyer.names.iter().chain(&scenario.buyer.nudges) {
        allowed.add_line(text);
    }
    if let Some(order) = &scenario.order {
        allowed.add(&order.address.region);
        allowed.add(&order.address.detail);
        allowed.add(&format!("{} {}", order.address.region, order.address.detail));
        allowed.add(&order.address.phone);
        for event in order.shipment.iter().flat_map(|s| &s.events) {
            allowed.add(&event.text);
        }
    }
}

/// What was said in a conversation: the buyer's lines and nudges, the
/// trainee's messages. Order actions and notes are the app's words, not content.
fn said(allowed: &mut Allowed, transcript: &[TranscriptEntry]) {
    for entry in transcript.iter().filter(|e| matches!(e.kind, EntryKind::Message | EntryKind::Nudge)) {
        allowed.add_line(&entry.text);
    }
}

/// The content of the screen on show, added to what the walk has met so far.
fn note_content(allowed: &mut Allowed, app: &KefuApp) {
    allowed.add(&app.settings.trainee_name);
    allowed.add(&app.settings.trainee_id);
    let course = &app.bundle.course;
    match &app.screen {
        Screen::Briefing(briefing) => {
            for scenario in briefing.scenarios.iter().filter_map(|id| course.scenario(id)) {
                scenario_content(allowed, scenario);
            }
        }
        Screen::Workbench(wb) => {
            for session in wb.shift.sessions() {
                allowed.add(&session.draw().buyer_name);
                scenario_content(allowed, session.scenario());
                said(allowed, session.transcript());
                for phrase in app.settings.quick_phrases(session.scenario().lang) {
                    allowed.add_line(phrase);
                }
            }
        }
        Screen::Scorecard(view) => {
            for card in &view.cards {
                allowed.add(&card.draw.buyer_name);
                said(allowed, &card.transcript);
                let Some(scenario) = course.scenario(&card.scenario.id) else { continue };
                scenario_content(allowed, scenario);
                // The model answer: the scenario's passing example, played through.
                for example in scenario.examples.iter().filter(|e| e.expect == kefu::content::raw::Expect::Pass) {
                    if let Ok(model) = kefu::engine::run_plan(app.bundle.clone(), &scenario.id, example.seed, &example.replies) {
                        said(allowed, &model.transcript);
                    }
                }
            }
        }
        // Questions as their bank's author wrote them, in the UI's language (an
        // English explanation may give the Chinese term, a Chinese one "CPC").
        // Generated questions are the app's words, and a bank of the other
        // language is not the UI's: neither is content here.
        Screen::Quiz(view) => {
            let lang = app.settings.ui_lang;
            let authored = |bank: &str| course.quiz_banks.iter().any(|b| b.id == bank && b.lang == lang);
            for item in view.session.items.iter().filter(|item| authored(&item.bank)) {
                allowed.add_line(&item.prompt);
                allowed.add_line(&item.explain);
                match &item.kind {
                    kefu::quiz::ItemKind::Single { options, .. } | kefu::quiz::ItemKind::Multiple { options, .. } => options.iter().for_each(|o| allowed.add(o)),
                    kefu::quiz::ItemKind::FillIn { answers } => answers.iter().for_each(|a| allowed.add(a)),
                    _ => {}
                }
            }
        }
        // What a trainer types or opens, spelled as it is: the course folder,
        // the command, the content folders, the guide and the file format.
        Screen::Trainer(_) => {
            allowed.add(&app.content_root.display().to_string());
            for name in ["kefu check", "scenarios/", "assets/", "docs/authoring.md", "RON"] {
                allowed.add(name);
            }
        }
        _ => {}
    }
}

/// Ids that are never shown: scenario, product, SKU and quiz bank ids.
fn course_ids(app: &KefuApp) -> BTreeSet<String> {
    let course = &app.bundle.course;
    let mut ids: BTreeSet<String> = course.scenarios.iter().map(|s| s.id.clone()).collect();
    for product in course.products.values() {
        ids.insert(product.id.clone());
        ids.extend(product.variants.iter().map(|v| v.sku.clone()));
    }
    ids.extend(course.quiz_banks.iter().map(|b| b.id.clone()));
    // An id that is also an everyday word (none today) would be a name, not code.
    ids.retain(|id| id.contains('-') || id.contains('_'));
    ids
}

// ---------------------------------------------------------------------------
// The walk.

struct Walk {
    lang: Lang,
    harness: Harness<'static, KefuApp>,
    clock: Arc<Mutex<f64>>,
    allowed: Allowed,
    /// Per screen checked: its name and how many texts it showed.
    screens: Vec<(&'static str, usize)>,
    found: Vec<String>,
    _data: tempfile::TempDir,
}

impl Walk {
    fn new(lang: Lang) -> Walk {
        let data = tempfile::tempdir().unwrap();
        // A name of the other language: names are content, whatever the UI language.
        let name = tr(lang, "Lily Chen", "王小明");
        let settings = kefu::store::Settings { trainee_name: name.into(), trainee_id: "t001".into(), ui_lang: lang, ..kefu::store::Settings::default() };
        settings.save(data.path()).unwrap();
        let clock = Arc::new(Mutex::new(0.0));
        let app = KefuApp::new(Path::new(env!("CARGO_MANIFEST_DIR")), data.path(), Clock::Manual(clock.clone()));
        let mut harness = Harness::builder().with_size((1280.0, 800.0)).build_ui_state(|ui, app: &mut KefuApp| app.ui(ui), app);
        harness.run();
        let allowed = Allowed { content: BTreeSet::new(), ids: course_ids(harness.state()), data: Some(data.path().display().to_string()) };
        Walk { lang, harness, clock, allowed, screens: Vec::new(), found: Vec::new(), _data: data }
    }

    fn tr(&self, zh: &'static str, en: &'static str) -> &'static str {
        tr(self.lang, zh, en)
    }

    fn run(&mut self) {
        self.harness.run();
    }

    fn advance(&mut self, secs: f64) {
        *self.clock.lock().unwrap() += secs;
        self.harness.run();
    }

    /// Clicks a widget by its label, scrolled into view first.
    fn click(&mut self, label: &str) {
        self.harness.get_by_label(label).scroll_to_me();
        self.harness.run();
        self.harness.get_by_label(label).click();
        self.harness.run();
    }

    fn click_containing(&mut self, label: &str) {
        self.harness.get_by_label_contains(label).scroll_to_me();
        self.harness.run();
        self.harness.get_by_label_contains(label).click();
        self.harness.run();
    }

    fn type_into(&mut self, label: &str, text: &str) {
        self.harness.get_by_label(label).click();
        self.harness.run();
        self.harness.get_by_label(label).type_text(text);
        self.harness.run();
    }

    /// Checks the screen on show: it is the one meant (`unique` is a label only
    /// it has), it shows a fair number of texts, and none is in the other language.
    fn check(&mut self, screen: &'static str, unique: &str, at_least: usize) {
        assert!(self.harness.query_all_by_label_contains(unique).next().is_some(), "{:?} walk: {screen} not reached (no label {unique:?})", self.lang);
        note_content(&mut self.allowed, self.harness.state());
        let texts = texts(&self.harness);
        assert!(texts.len() >= at_least, "{:?} walk: {screen} shows only {} texts: {texts:?}", self.lang, texts.len());
        for found in violations(self.lang, &texts, &self.allowed) {
            self.found.push(format!("{screen}: {found}"));
        }
        self.screens.push((screen, texts.len()));
    }

    fn quiz(&self) -> &kefu::app::QuizView {
        let Screen::Quiz(view) = &self.harness.state().screen else { panic!("{:?} walk: not on a quiz screen", self.lang) };
        view
    }

    /// Answers the question on show through its widgets, rightly or not.
    fn answer(&mut self, right: bool) {
        use kefu::quiz::ItemKind;
        let item = {
            let view = self.quiz();
            view.session.items[view.current().expect("a question on show")].clone()
        };
        let your_answer = self.tr("你的答案", "Your answer");
        match &item.kind {
            ItemKind::Single { options, right: r } => self.click(&options[if right { *r } else { (*r + 1) % options.len() }]),
            ItemKind::Multiple { options, right: r } => {
                let picks: Vec<usize> = if right { r.clone() } else { (0..options.len()).collect() };
                for index in picks {
                    self.click(&options[index]);
                }
            }
            ItemKind::TrueFalse { answer } => self.click(if *answer == right { self.tr("对", "True") } else { self.tr("错", "False") }),
            ItemKind::FillIn { answers } => self.type_into(your_answer, if right { &answers[0] } else { "x" }),
            ItemKind::Numeric { answer, .. } => self.type_into(your_answer, &(if right { *answer } else { answer + 1000.0 }).to_string()),
        }
        self.click(self.tr("提交答案", "Submit"));
    }

    fn scenario_title(&self, id: &str) -> String {
        self.harness.state().bundle.course.scenario(id).unwrap().title.get(self.lang).to_string()
    }

    /// Runs frames until the supervisor's workspace has read its folders (the
    /// reading runs on its own thread, as a supervisor watches the progress bar).
    fn wait_for_records(&mut self) {
        for _ in 0..1500 {
            self.run();
            if let Screen::Supervisor(screen) = &self.harness.state().screen
                && screen.loaded()
                && !screen.loading()
            {
                self.run();
                return;
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        panic!("{:?} walk: the supervisor's folders were not read within 30 s", self.lang);
    }

    fn on_workbench(&self) -> bool {
        matches!(self.harness.state().screen, Screen::Workbench(_))
    }
}

/// The conversation walked in each UI language: one in that language, the
/// wrong colour shipped (the same case in both).
fn scenario_for(lang: Lang) -> (&'static str, &'static str) {
    match lang {
        Lang::Zh => ("wrong-colour-thermos", "亲,非常抱歉给您添麻烦了!麻烦您提供一下订单号和照片~"),
        Lang::En => ("wrong-colour-kettle", "Hi, I'm so sorry about that! Could you send me your order number and a photo of what arrived?"),
    }
}

fn walk(lang: Lang) -> Walk {
    let mut walk = Walk::new(lang);
    let (scenario, first_reply) = scenario_for(lang);
    let title = walk.scenario_title(scenario);

    // Home: the bar, start here, activities, the course table.
    walk.check("home", walk.tr("从这里开始", "Start here"), 40);

    // A briefing.
    walk.click(&format!("{} · {title}", walk.tr("开始", "Start")));
    walk.check("briefing", walk.tr("怎样算一次回复", "How an answer works"), 8);

    // The workbench: a reply, the buyer's answer, an order action.
    walk.click(walk.tr("开始", "Start"));
    assert!(walk.on_workbench(), "{lang:?} walk: the workbench did not open");
    walk.advance(3.0);
    walk.type_into(walk.tr("输入回复", "Reply"), first_reply);
    walk.harness.key_press(eframe::egui::Key::Enter);
    walk.run();
    walk.advance(4.0);
    walk.click(walk.tr("补发", "Resend"));
    walk.advance(1.0);
    walk.check("workbench", walk.tr("常用语", "Quick phrases"), 40);
    walk.check("workbench: product card", walk.tr("卖点", "Selling points"), 40);
    walk.check("workbench: order panel", walk.tr("订单号", "Order no."), 40);

    // Let the buyer finish: the scorecard, then its model answer.
    for _ in 0..60 {
        if !walk.on_workbench() {
            break;
        }
        walk.advance(5.0);
    }
    walk.check("scorecard", walk.tr("各项得分", "Score by dimension"), 20);
    walk.click(walk.tr("参考答案(示范对话)", "Model answer (a worked conversation)"));
    walk.check("scorecard: model answer", walk.tr("这是本场景的示范对话", "A worked conversation for this scenario"), 25);

    // My scorecards, and the record opened from it.
    walk.click(walk.tr("首页", "Home"));
    walk.click(walk.tr("我的成绩单", "My scorecards"));
    walk.check("my scorecards", &format!("{} · {title}", walk.tr("打开", "Open")), 5);
    walk.click(&format!("{} · {title}", walk.tr("打开", "Open")));
    walk.check("opened record", walk.tr("各项得分", "Score by dimension"), 20);
    walk.click(walk.tr("首页", "Home"));

    // Rush mode: its briefing, the workbench with three buyers, nudges after a while.
    walk.click(walk.tr("高峰模式(3位买家)", "Rush mode (3 buyers)"));
    walk.check("rush briefing", walk.tr("任务简报:高峰模式", "Briefing: rush mode"), 8);
    walk.click(walk.tr("开始", "Start"));
    walk.advance(40.0);
    walk.check("rush workbench", walk.tr("会话", "Conversations"), 40);
    walk.click(walk.tr("结束会话", "End session"));
    walk.click(walk.tr("确定结束", "End now"));
    walk.check("rush scorecard", walk.tr("已中止", "ENDED EARLY"), 20);
    walk.click(walk.tr("首页", "Home"));

    // A practice quiz: a wrong answer shows the right one and why; then handed in.
    walk.click(walk.tr("练习测验", "Practice quiz"));
    walk.answer(false);
    walk.check("practice quiz: feedback", walk.tr("正确答案", "Right answer"), 6);
    walk.click(walk.tr("下一题", "Next"));
    walk.click(walk.tr("交卷", "Hand in"));
    walk.click(walk.tr("确定交卷", "Hand in now"));
    walk.check("practice quiz: result", walk.tr("未作答", "Not answered"), 20);
    walk.click(walk.tr("首页", "Home"));

    // The mock exam: its rules, then a question with the question list.
    walk.click(walk.tr("模拟考试(20题,30分钟)", "Mock exam (20 questions, 30 min)"));
    walk.check("exam rules", walk.tr("考试须知", "Exam rules"), 6);
    walk.click(walk.tr("开始考试", "Start the exam"));
    walk.answer(true);
    walk.check("exam question", walk.tr("题目列表", "Questions"), 25);
    walk.click(walk.tr("交卷", "Hand in"));
    walk.click(walk.tr("确定交卷", "Hand in now"));
    walk.check("exam result", walk.tr("合格线", "pass mark"), 20);
    walk.click(walk.tr("首页", "Home"));

    // A day later the missed practice question is due: the review.
    walk.advance(24.0 * 3600.0 + 1.0);
    walk.click(walk.tr("我的成绩单", "My scorecards"));
    walk.click(walk.tr("返回", "Back"));
    walk.click_containing(walk.tr("复习到期的题目 (", "Review due questions ("));
    walk.check("review", walk.tr("提交答案", "Submit"), 5);
    walk.answer(false);
    walk.check("review: feedback", walk.tr("正确答案", "Right answer"), 6);
    walk.click(walk.tr("首页", "Home"));

    // The typing drill, with a score.
    walk.click(walk.tr("打字练习", "Typing drill"));
    let phrase = match &walk.harness.state().screen {
        Screen::Typing(view) => view.target().chars().take(6).collect::<String>(),
        _ => panic!("{lang:?} walk: no typing drill"),
    };
    walk.type_into(walk.tr("你的答案", "Your answer"), &phrase);
    walk.advance(5.0);
    walk.click(walk.tr("完成", "Done"));
    walk.check("typing drill", walk.tr("准确率", "Accuracy"), 6);
    walk.click(walk.tr("首页", "Home"));

    // The supervisor's workspace over this app's own data folder (the records this walk made).
    walk.click(walk.tr("角色:主管", "Role: Supervisor"));
    walk.check("supervisor: no folder", walk.tr("还没有打开数据文件夹", "No data folder is open yet"), 8);
    walk.click(walk.tr("添加本机的数据文件夹", "Add this computer's data folder"));
    walk.wait_for_records();
    walk.check("supervisor: trainees", walk.tr("符合筛选的记录", "Records matching the filters"), 30);
    walk.click(walk.tr("合格率", "Pass rate"));
    walk.check("supervisor: trainees sorted", walk.tr("合格率(降序)", "Pass rate (descending)"), 30);
    walk.click(walk.tr("按场景", "By scenario"));
    walk.check("supervisor: scenarios", walk.tr("只看这个场景", "Show this scenario only"), 10);
    walk.click(&format!("{} · {title}", walk.tr("失分最多", "Where points are lost")));
    for _ in 0..1500 {
        walk.run();
        if matches!(&walk.harness.state().screen, Screen::Supervisor(screen) if screen.lost_points().is_some()) {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    walk.run();
    walk.check("supervisor: where points are lost", walk.tr("失分最多的规则", "Where points are lost:"), 12);
    walk.click(walk.tr("成绩走势", "Scores over time"));
    walk.check("supervisor: scores over time", walk.tr("全体学员每天的平均分", "The cohort's mean score per day"), 10);
    walk.click(walk.tr("按学员", "By trainee"));
    let name = walk.harness.state().settings.trainee_name.clone();
    walk.click(&format!("{} {name}{}", walk.tr("查看", "Open"), walk.tr("(工号 t001)", " (employee no. t001)")));
    walk.check("supervisor: a trainee's records", walk.tr("的全部记录", "Every record of"), 20);
    // The newest attempt at the walked scenario (rush mode may have served it too).
    let open = format!("{} · {title}", walk.tr("打开", "Open"));
    walk.harness.query_all_by_label_contains(&open).next().unwrap_or_else(|| panic!("{lang:?} walk: no {open:?}")).click();
    walk.run();
    walk.check("supervisor: an opened scorecard", walk.tr("各项得分", "Score by dimension"), 20);
    walk.click(walk.tr("返回", "Back"));

    // The trainer's page, then back to the trainee's home.
    walk.click(walk.tr("角色:培训师", "Role: Trainer"));
    walk.check("trainer", walk.tr("培训师:编写课程内容", "Trainer: writing the course"), 8);
    walk.click(walk.tr("角色:学员", "Role: Trainee"));
    walk
}

fn assert_clean(walk: Walk) {
    let lang = walk.lang;
    assert!(walk.screens.len() >= 20, "{lang:?} walk: only {} screens checked", walk.screens.len());
    assert!(walk.found.is_empty(), "{lang:?} walk: text in the other language on {} screens:\n{}", walk.screens.len(), walk.found.join("\n"));
}

#[test]
fn the_chinese_ui_has_no_english_words_or_debug_text() {
    assert_clean(walk(Lang::Zh));
}

#[test]
fn the_english_ui_has_no_chinese_or_debug_text() {
    assert_clean(walk(Lang::En));
}

/// The checker itself flags what it is for, so the walk cannot pass by
/// checking nothing, and lets content through only where it is content.
#[test]
fn the_checker_flags_the_other_language_and_debug_text() {
    let mut allowed = Allowed::default();
    allowed.ids.insert("thermos-500-white".into());
    allowed.add_line("我买的是白色的,怎么发了黑色?");
    allowed.add("王小明");
    let en = |text: &str| violation(Lang::En, text, &allowed);
    let zh = |text: &str| violation(Lang::Zh, text, &allowed);
    assert!(en("Refund 89 元").is_some());
    assert!(en("Dispatch: 48 小时").is_some());
    assert!(en("Refunded ¥89, coupons ¥5、¥10").is_some(), "Chinese punctuation");
    assert!(en("Refund ¥89").is_none());
    assert!(en("王小明").is_none() && en("Trainee: 王小明").is_none(), "a name is content");
    assert!(en("12s Buyer: 我买的是白色的,怎么发了黑色?").is_none(), "what the buyer said is content");
    assert!(en("12s Buyer: 我买的是白色的,怎么发了黑色?退款 89 元").is_some(), "content does not cover what follows it");
    assert!(en("中文").is_none(), "the language switch");
    assert!(zh("Order").is_some());
    assert!(zh("发货时间: 48 h").is_some(), "hours are 小时 in Chinese");
    assert!(zh("发货时间: 48 小时").is_none());
    assert!(zh("重量: 1.2 kg, 尺寸: 7 cm").is_none(), "units of measure");
    assert!(zh("发货时间: 2 days").is_some());
    assert!(zh("English").is_none(), "the language switch");
    assert!(zh("Enter 发送,Shift+Enter 换行").is_none(), "key names");
    assert!(zh("导出 HTML").is_none());
    assert!(zh("补发 thermos-500-white").is_some(), "a SKU id");
    assert!(en("Resend thermos-500-white").is_some(), "a SKU id");
    assert!(en("Missing step: ask_order_info").is_some(), "a rule id");
    assert!(en("Some(Resend)").is_some() && en("{label}").is_some());
    assert!(zh("容量: 500 ml").is_none());
    let allowed = Allowed { data: Some("/tmp/data".into()), ..Allowed::default() };
    assert!(violation(Lang::Zh, "成绩单已保存: /tmp/data/scorecards/t001/2026-11-23T09_02_08Z-t001.json", &allowed).is_none(), "a saved file's path");
    assert!(violation(Lang::Zh, "成绩单已保存: /tmp/data/a.json Order", &allowed).is_some(), "the path only");
}
