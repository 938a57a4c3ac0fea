//! The supervisor's workspace driven by its labels through egui_kittest: the
//! role switch, a folder of records made by the real engine (`kefu play
//! --save`) opened and read in the background, the trainee table sorted and
//! filtered, a trainee's records, a scorecard opened read-only, the folders
//! remembered across a restart; a calibration round made with the CLI; and
//! the trainer's page.
#![cfg(feature = "gui")]

mod common;
use common::kefu;
use eframe::egui::accesskit::Role as A11y;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use kefu::app::{Clock, KefuApp, Screen, SupervisorScreen};
use kefu::store::{Role, Settings};
use std::path::Path;
use std::sync::{Arc, Mutex};

/// Five sessions by three trainees on four days, played by the engine and saved
/// as a trainee's `--save` saves them, and one file that is not a record.
fn records(dir: &Path) {
    for (scenario, example, name, id, when) in [
        ("wrong-colour-thermos", "1", "王小明", "e1", "2026-11-01T09:00:00Z"),
        ("wrong-colour-thermos", "2", "王小明", "e1", "2026-11-02T09:00:00Z"),
        ("wrong-colour-thermos", "2", "李雷", "0042", "2026-11-03T09:00:00Z"),
        ("wrong-colour-kettle", "1", "Lily Chen", "e3", "2026-11-04T09:00:00Z"),
        ("wrong-colour-kettle", "1", "Lily Chen", "e3", "2026-11-05T09:00:00Z"),
    ] {
        let output = kefu(&[
            "play", scenario, "--example", example, "--trainee", name, "--trainee-id", id, "--when", when, "--save", "--data-dir",
            dir.to_str().unwrap(),
        ]);
        assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    }
    std::fs::write(dir.join("scorecards").join("broken.json"), "{\"schema_version\": 2, \"trainee\": ").unwrap();
}

fn app(data: &Path) -> Harness<'static, KefuApp> {
    if Settings::load(data).is_ok_and(|s| s.trainee_name.is_empty()) {
        Settings { trainee_name: "测试员".into(), trainee_id: "t001".into(), ..Settings::default() }.save(data).unwrap();
    }
    let app = KefuApp::new(Path::new(env!("CARGO_MANIFEST_DIR")), data, Clock::Manual(Arc::new(Mutex::new(0.0))));
    // The folders are read on a thread: when it finishes in the middle of a run (a
    // loaded machine, tests in parallel), the screen takes a few more frames to
    // settle than kittest's default four (seen: six).
    Harness::builder().with_size((1280.0, 800.0)).with_max_steps(16).build_ui_state(|ui, app: &mut KefuApp| app.ui(ui), app)
}

fn workspace<'a>(harness: &'a Harness<'_, KefuApp>) -> &'a SupervisorScreen {
    match &harness.state().screen {
        Screen::Supervisor(screen) => screen,
        _ => panic!("not on the supervisor's workspace"),
    }
}

/// Runs frames until the reading thread has delivered and is idle (as a
/// supervisor watches the progress bar), or fails after 30 s.
fn wait_for_records(harness: &mut Harness<KefuApp>) {
    for _ in 0..1500 {
        harness.run();
        if workspace(harness).loaded() && !workspace(harness).loading() {
            harness.run();
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    panic!("the folders were not read within 30 s");
}

fn click(harness: &mut Harness<KefuApp>, label: &str) {
    harness.get_by_label(label).scroll_to_me();
    harness.run();
    harness.get_by_label(label).click();
    harness.run();
}

fn choose(harness: &mut Harness<KefuApp>, combo: &str, option: &str) {
    harness.get_by_role_and_label(A11y::ComboBox, combo).click();
    harness.run();
    harness.get_by_label(option).click();
    harness.run();
}

fn order(harness: &Harness<KefuApp>) -> Vec<String> {
    workspace(harness).trainee_order()
}

#[test]
fn a_supervisor_opens_a_folder_sorts_filters_and_reads_a_trainees_scorecard() {
    let data = tempfile::tempdir().unwrap();
    let team = tempfile::tempdir().unwrap();
    records(team.path());
    let mut harness = app(data.path());

    // The role switch: the workspace opens, and the role is remembered.
    click(&mut harness, "角色:主管");
    workspace(&harness);
    assert_eq!(Settings::load(data.path()).unwrap().role, Role::Supervisor);
    harness.get_by_label_contains("还没有打开数据文件夹");

    // No folder dialogue here (no desktop session bus): the path is typed.
    let folder = team.path().display().to_string();
    harness.get_by_label("文件夹路径").click();
    harness.run();
    harness.get_by_label("文件夹路径").type_text(&folder);
    harness.run();
    click(&mut harness, "添加");
    wait_for_records(&mut harness);
    assert_eq!(Settings::load(data.path()).unwrap().supervisor_folders, [team.path().to_path_buf()]);
    assert_eq!(workspace(&harness).records().len(), 5);
    harness.get_by_label("5 条记录,3 名学员");
    harness.get_by_label("无法读取的文件(1 个)");
    // Opened, it names the file and says why in the UI language, not the parser's English.
    click(&mut harness, "无法读取的文件(1 个)");
    harness.get_by_label("不是有效的成绩单:文件损坏、被截断或格式不对");
    assert!(harness.query_by_label_contains("EOF while parsing").is_none());
    click(&mut harness, "无法读取的文件(1 个)");
    assert_eq!(order(&harness), ["e3", "0042", "e1"], "by name first: Lily Chen, 李雷, 王小明");
    // The cells beside the pinned names are drawn too: the employee number sits in the half that scrolls sideways.
    harness.get_by_label("0042");

    // Sorting: a header click sorts (pass rate highest first), a second turns it round.
    click(&mut harness, "合格率");
    assert_eq!(order(&harness), ["e3", "e1", "0042"]);
    click(&mut harness, "合格率(降序)");
    assert_eq!(order(&harness), ["0042", "e1", "e3"]);
    harness.get_by_label("合格率(升序)");

    // Filters: failed sessions only, then a date range, with a bad date said plainly.
    choose(&mut harness, "结论", "只看不合格");
    assert_eq!(order(&harness), ["0042", "e1"]);
    harness.get_by_label("符合筛选的记录:2 条");
    choose(&mut harness, "结论", "全部");
    harness.get_by_label("起始日期").click();
    harness.run();
    harness.get_by_label("起始日期").type_text("2026-11-31");
    harness.run();
    harness.get_by_label_contains("“2026-11-31”不是日期");
    assert_eq!(order(&harness).len(), 3, "a bad date hides nothing");
    harness.get_by_label("截止日期").click();
    harness.run();
    harness.get_by_label("截止日期").type_text("2026-11-02");
    harness.run();
    assert_eq!(order(&harness), ["e1"], "until 2 November: only 王小明 had practised");
    click(&mut harness, "清除筛选");
    assert_eq!(order(&harness).len(), 3);

    // The per-scenario table, and the chart.
    click(&mut harness, "按场景");
    assert_eq!(harness.query_all_by_label_contains("只看这个场景:").count(), 2, "two scenarios played");
    // Where the thermos scenario's points are lost: its sessions read whole, in the background.
    click(&mut harness, "失分最多 · 发错颜色的保温杯");
    for _ in 0..1500 {
        harness.run();
        if workspace(&harness).lost_points().is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    harness.run();
    let lost = workspace(&harness).lost_points().expect("the lost points read");
    assert_eq!(lost.sessions, 3, "three thermos sessions with a verdict");
    assert!(!lost.rules.is_empty() && lost.rules.iter().all(|r| r.times > 0 && r.points > 0.0), "{lost:?}");
    harness.get_by_label("失分最多的规则:发错颜色的保温杯(最近 3 次有结论的练习)");
    click(&mut harness, "只看这个场景:发错颜色的保温杯");
    assert_eq!(order(&harness), ["0042", "e1"], "a scenario's title narrows the trainees to it");
    click(&mut harness, "清除筛选");
    click(&mut harness, "成绩走势");
    harness.get_by_label("全体学员每天的平均分");
    click(&mut harness, "按学员");

    // A trainee's records, newest first; one opens read-only.
    click(&mut harness, "查看 王小明(工号 e1)");
    assert_eq!(workspace(&harness).open_trainee(), Some("e1"));
    harness.get_by_label("王小明 的全部记录");
    harness.get_by_label("每次场景练习的得分");
    let opens: Vec<String> = harness.query_all_by_label_contains("打开 · ").map(|n| n.accesskit_node().label().unwrap_or_default()).collect();
    assert_eq!(opens.len(), 2, "{opens:?}");
    let newest = opens[0].clone();
    click(&mut harness, &newest);
    let Screen::Scorecard(view) = &harness.state().screen else { panic!("no scorecard") };
    assert_eq!((view.cards[0].trainee.id.as_str(), view.cards[0].when_utc.as_deref()), ("e1", Some("2026-11-02T09:00:00Z")));
    assert!(harness.query_by_label("再练一次").is_none(), "a supervisor does not retry a trainee's session");
    harness.get_by_label("各项得分");

    // Back: the workspace as it was left, nothing read again.
    click(&mut harness, "返回");
    assert_eq!(workspace(&harness).open_trainee(), Some("e1"));
    click(&mut harness, "← 返回全部学员");
    assert_eq!(workspace(&harness).open_trainee(), None);

    // Closing and reopening the app: the supervisor's workspace and folder are remembered.
    drop(harness);
    let mut harness = app(data.path());
    wait_for_records(&mut harness);
    assert_eq!(workspace(&harness).records().len(), 5);

    // A folder removed is forgotten; back to a trainee, home is the trainee's.
    click(&mut harness, &format!("移除 · {folder}"));
    assert!(Settings::load(data.path()).unwrap().supervisor_folders.is_empty());
    click(&mut harness, "角色:学员");
    assert!(matches!(harness.state().screen, Screen::Home(_)));
    assert_eq!(Settings::load(data.path()).unwrap().role, Role::Trainee);
}

/// A refresh reads only what changed; a new record appears.
#[test]
fn refresh_reads_a_new_record_and_keeps_the_rest() {
    let data = tempfile::tempdir().unwrap();
    let team = tempfile::tempdir().unwrap();
    records(team.path());
    Settings { role: Role::Supervisor, supervisor_folders: vec![team.path().to_path_buf()], ui_lang: kefu::content::raw::Lang::En, trainee_name: "Lily".into(), ..Settings::default() }
        .save(data.path())
        .unwrap();
    let mut harness = app(data.path());
    wait_for_records(&mut harness);
    harness.get_by_label("5 records, 3 trainees");
    let output = kefu(&[
        "play", "wrong-colour-thermos", "--example", "1", "--trainee", "新人", "--trainee-id", "e9", "--when", "2026-11-06T09:00:00Z", "--save",
        "--data-dir", team.path().to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(0));
    click(&mut harness, "Refresh");
    wait_for_records(&mut harness);
    harness.get_by_label("6 records, 4 trainees");
    harness.get_by_label("The last refresh read 1 new or changed files; 6 unchanged, 0 gone");
}

#[test]
fn the_trainer_page_says_what_a_trainer_does_with_the_files() {
    let data = tempfile::tempdir().unwrap();
    Settings { ui_lang: kefu::content::raw::Lang::En, trainee_name: "Lily".into(), ..Settings::default() }.save(data.path()).unwrap();
    let mut harness = app(data.path());
    click(&mut harness, "Role: Trainer");
    assert!(matches!(harness.state().screen, Screen::Trainer(_)));
    harness.get_by_label("Trainer: writing the course");
    harness.get_by_label(&Path::new(env!("CARGO_MANIFEST_DIR")).display().to_string());
    harness.get_by_label_contains("Run kefu check");
    harness.get_by_label("The course has no content problems.");
    click(&mut harness, "Role: Trainee");
    assert!(matches!(harness.state().screen, Screen::Home(_)));
}

/// Reviews and disputes made with the CLI show on the dashboard: a trainee's
/// open disputes and reviewed sessions are columns that sort, and the review
/// filter keeps reviewed (or not yet reviewed) sessions only.
#[test]
fn reviews_and_open_disputes_show_sort_and_filter() {
    let data = tempfile::tempdir().unwrap();
    let team = tempfile::tempdir().unwrap();
    records(team.path());
    let cards: Vec<std::path::PathBuf> = std::fs::read_dir(team.path().join("scorecards").join("e1")).unwrap().map(|e| e.unwrap().path()).collect();
    let failed = cards.iter().find(|p| p.to_string_lossy().contains("2026-11-02")).unwrap();
    let passed = cards.iter().find(|p| p.to_string_lossy().contains("2026-11-01")).unwrap();
    let cli = |args: &[&str]| {
        let output = kefu(args);
        assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    };
    cli(&["dispute", "open", failed.to_str().unwrap(), "--finding", "1:tone_below_min", "--reason", "我没有失礼"]);
    cli(&["review", "sign", passed.to_str().unwrap(), "--reviewer-name", "张主管", "--reviewer-id", "s01", "--comment", "很好"]);

    let mut harness = app(data.path());
    click(&mut harness, "角色:主管");
    harness.get_by_label("文件夹路径").click();
    harness.run();
    harness.get_by_label("文件夹路径").type_text(&team.path().display().to_string());
    harness.run();
    click(&mut harness, "添加");
    wait_for_records(&mut harness);
    // The review and the dispute are not attempts: still 5 records.
    harness.get_by_label("5 条记录,3 名学员");

    click(&mut harness, "待处理申诉");
    assert_eq!(order(&harness)[0], "e1", "the trainee with an open dispute first");
    click(&mut harness, "已复核");
    assert_eq!(order(&harness)[0], "e1", "the trainee with a reviewed session first");

    choose(&mut harness, "复核", "已复核");
    harness.get_by_label("符合筛选的记录:1 条");
    choose(&mut harness, "复核", "未复核");
    harness.get_by_label("符合筛选的记录:4 条");
}

/// Opens the `n`th record a list offers (newest first): two sessions of one scenario read alike.
fn open_nth(harness: &mut Harness<KefuApp>, n: usize) {
    harness.query_all_by_label_contains("打开 · ").nth(n).expect("a record to open").click();
    harness.run();
}

/// The whole round trip in the app: a trainee disputes a finding on their own
/// scorecard; the supervisor reviews another session with a disagreement and
/// signs off, then answers the dispute from the queue (rejected, with an
/// answer); the trainee reads the answer on their scorecard. Every review is
/// a record `kefu verify` accepts, and the scorecards are byte-identical.
#[test]
fn a_review_with_a_disagreement_a_dispute_answered_and_the_trainee_reads_the_answer() {
    let team = tempfile::tempdir().unwrap();
    records(team.path());
    // One folder serves the trainee e1 and the supervisor (a shared team folder).
    Settings { trainee_name: "王小明".into(), trainee_id: "e1".into(), ..Settings::default() }.save(team.path()).unwrap();
    let cards: Vec<std::path::PathBuf> = std::fs::read_dir(team.path().join("scorecards").join("e1")).unwrap().map(|e| e.unwrap().path()).collect();
    let before: Vec<Vec<u8>> = cards.iter().map(|p| std::fs::read(p).unwrap()).collect();
    let mut harness = app(team.path());

    // The trainee disputes a lost point of the failed session.
    click(&mut harness, "我的成绩单");
    open_nth(&mut harness, 0);
    click(&mut harness, "对某条评分有异议?");
    harness.get_all_by_label("申诉").next().unwrap().click();
    harness.run();
    harness.get_by_label("申诉理由").click();
    harness.run();
    harness.get_by_label("申诉理由").type_text("我已经道过歉了");
    harness.run();
    click(&mut harness, "提交申诉");
    harness.get_by_label("我的申诉");
    harness.get_by_label("待处理");
    assert_eq!(std::fs::read_dir(team.path().join("disputes").join("e1")).unwrap().count(), 1);

    // The supervisor opens the team folder and reviews the other session of e1.
    click(&mut harness, "首页");
    click(&mut harness, "角色:主管");
    harness.get_by_label("文件夹路径").click();
    harness.run();
    harness.get_by_label("文件夹路径").type_text(&team.path().display().to_string());
    harness.run();
    click(&mut harness, "添加");
    wait_for_records(&mut harness);
    click(&mut harness, "查看 王小明(工号 e1)");
    open_nth(&mut harness, 1);
    harness.get_by_label("复核这份评分卡");
    assert!(harness.query_by_label("签核").is_some_and(|n| n.accesskit_node().is_disabled()), "no reviewer named yet");
    for (field, text) in [("复核人姓名", "张主管"), ("复核人工号", "s01")] {
        harness.get_by_label(field).click();
        harness.run();
        harness.get_by_label(field).type_text(text);
        harness.run();
    }
    let disagree: Vec<String> = harness.query_all_by_label_contains("不同意 · ").map(|n| n.accesskit_node().label().unwrap_or_default()).collect();
    assert!(!disagree.is_empty(), "every finding can be judged");
    click(&mut harness, &disagree[0]);
    harness.get_by_label("每条\"不同意\"都需要写明理由");
    harness.get_by_label("理由").click();
    harness.run();
    harness.get_by_label("理由").type_text("评分漏掉了道歉");
    harness.run();
    click(&mut harness, "签核");
    assert!(harness.query_all_by_label_contains("复核已保存").count() >= 1);
    // What was saved is shown; a second click cannot save a blank review.
    assert!(harness.query_by_label("签核").is_none());
    harness.get_by_label("再写一份复核");
    let reviews: Vec<std::path::PathBuf> = std::fs::read_dir(team.path().join("reviews").join("s01")).unwrap().map(|e| e.unwrap().path()).collect();
    assert_eq!(reviews.len(), 1);
    let saved = std::fs::read_to_string(&reviews[0]).unwrap();
    assert!(saved.contains("\"disagree\"") && saved.contains("评分漏掉了道歉") && saved.contains("\"signed_off\": true"), "{saved}");

    // The trainee's page shows the review beside the auto score.
    click(&mut harness, "返回");
    wait_for_records(&mut harness);
    assert!(harness.query_all_by_label_contains("已签核").count() >= 1, "the reviewed session is marked signed off");

    // The dispute from the queue: rejected with an answer.
    click(&mut harness, "← 返回全部学员");
    click(&mut harness, "申诉 (1)");
    let handle: Vec<String> = harness.query_all_by_label_contains("处理 · 王小明").map(|n| n.accesskit_node().label().unwrap_or_default()).collect();
    assert_eq!(handle.len(), 1, "{handle:?}");
    click(&mut harness, &handle[0]);
    harness.get_by_label("王小明 的申诉");
    harness.get_by_label("请选择受理或驳回这条申诉");
    click(&mut harness, "驳回(评分成立)");
    harness.get_by_label("答复").click();
    harness.run();
    harness.get_by_label("答复").type_text("道歉要在第一次回复里说");
    harness.run();
    click(&mut harness, "签核");
    harness.get_by_label("再写一份复核");
    click(&mut harness, "返回");
    wait_for_records(&mut harness);
    harness.get_by_label("没有符合条件的申诉");
    // The grader graded: the reviewer overturned the rule the trainee disputed and
    // the answer upheld, so it stands at one overturned in two judged.
    click(&mut harness, "评分器一致性");
    harness.get_by_label_contains("评分器一致性:2 份复核,1 条规则");
    let rates: Vec<String> = harness.query_all_by_label_contains("%").filter_map(|n| n.accesskit_node().value()).collect();
    assert_eq!(rates, ["50.0%"]);

    // Every review verifies; the scorecards were never touched.
    for review in std::fs::read_dir(team.path().join("reviews").join("s01")).unwrap() {
        let path = review.unwrap().path();
        let output = kefu(&["verify", path.to_str().unwrap()]);
        assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stdout));
    }
    let after: Vec<Vec<u8>> = cards.iter().map(|p| std::fs::read(p).unwrap()).collect();
    assert_eq!(before, after, "the auto score is byte-identical after the reviews");

    // The trainee reads the answer on their scorecard.
    click(&mut harness, "角色:学员");
    click(&mut harness, "我的成绩单");
    open_nth(&mut harness, 0);
    harness.get_by_label("已驳回");
    harness.get_by_label("张主管 的答复: 道歉要在第一次回复里说");
}

/// The chart tab's dimension shares and KPI targets; a trainee's page prints
/// their performance file (绩效档案): made on the reading thread, written
/// where exports go, the path said in the notice.
#[test]
fn a_trainees_performance_file_is_printed_from_their_page() {
    let data = tempfile::tempdir().unwrap();
    let team = tempfile::tempdir().unwrap();
    records(team.path());
    let failed = std::fs::read_dir(team.path().join("scorecards").join("e1")).unwrap().map(|e| e.unwrap().path()).find(|p| p.to_string_lossy().contains("2026-11-02")).unwrap();
    let output = kefu(&["review", "sign", failed.to_str().unwrap(), "--reviewer-name", "张主管", "--reviewer-id", "s01", "--comment", "语气要再练"]);
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    Settings { role: Role::Supervisor, supervisor_folders: vec![team.path().to_path_buf()], trainee_name: "主管".into(), ..Settings::default() }.save(data.path()).unwrap();
    let mut harness = app(data.path());
    wait_for_records(&mut harness);
    // The chart tab: each dimension's mean share, and the KPIs' means against their targets.
    click(&mut harness, "成绩走势");
    harness.get_by_label("各维度平均得分率(有结论的练习)");
    harness.get_by_label("指标均值与目标");
    harness.get_by_label("产品熟悉度");
    assert!(harness.query_all_by_label_contains("达标").count() >= 1, "each KPI's mean is held to its target");
    click(&mut harness, "按学员");
    click(&mut harness, "查看 王小明(工号 e1)");
    click(&mut harness, "打印绩效档案");
    for _ in 0..1500 {
        harness.run();
        if !workspace(&harness).printing() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    harness.run();
    let exports = data.path().join("exports");
    let written: Vec<std::path::PathBuf> = std::fs::read_dir(&exports).expect("an exports folder").map(|e| e.unwrap().path()).collect();
    assert_eq!(written.len(), 1, "{written:?}");
    let page = std::fs::read_to_string(&written[0]).unwrap();
    assert!(page.contains("绩效档案") && page.contains("王小明") && page.contains("<svg") && page.contains("语气要再练"), "{page}");
    assert!(!page.contains("李雷") && !page.contains("<script"));
    harness.get_by_label_contains(&format!("已导出到: {}", written[0].display()));
}

/// A calibration round made with the CLI: the 校准 tab shows its progress and,
/// once both reviewers have submitted (a refresh picks up the second), its report.
#[test]
fn a_calibration_round_shows_its_report_once_everyone_submitted() {
    let data = tempfile::tempdir().unwrap();
    let team = tempfile::tempdir().unwrap();
    records(team.path());
    let mut cards: Vec<std::path::PathBuf> = std::fs::read_dir(team.path().join("scorecards").join("e1")).unwrap().map(|e| e.unwrap().path()).collect();
    cards.sort();
    let cli = |args: &[&str]| {
        let output = kefu(args);
        assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
        String::from_utf8_lossy(&output.stdout).trim().to_string()
    };
    let (first, second) = (cards[0].to_str().unwrap(), cards[1].to_str().unwrap());
    let round = cli(&[
        "calibrate", "new", "--name", "12 月校准", "--organiser", "王经理:m01", "--reviewer", "张主管:s01", "--reviewer", "李主管:s02",
        "--when", "2026-12-01T09:00:00Z", first, second,
    ]);
    let sign = |card: &str, name: &str, id: &str, extra: &[&str]| {
        let mut args = vec!["review", "sign", card, "--reviewer-name", name, "--reviewer-id", id, "--round", round.as_str(), "--when", "2026-12-02T10:00:00Z"];
        args.extend_from_slice(extra);
        cli(&args);
    };
    for card in [first, second] {
        sign(card, "张主管", "s01", &["--disagree", "1:apologise=其实道歉了"]);
    }

    let mut harness = app(data.path());
    click(&mut harness, "角色:主管");
    harness.get_by_label("文件夹路径").click();
    harness.run();
    harness.get_by_label("文件夹路径").type_text(&team.path().display().to_string());
    harness.run();
    click(&mut harness, "添加");
    wait_for_records(&mut harness);
    harness.get_by_label("5 条记录,3 名学员");
    click(&mut harness, "校准");
    harness.get_by_label("校准报告:12 月校准");
    harness.get_by_label("1/2 位复核人已提交");
    harness.get_by_label("所有复核人提交后才显示报告");
    // Blind: no report column (the grader's and each reviewer's ratings) until everyone submitted;
    // the round's grid only says who has submitted and offers the others 盲评.
    assert!(harness.query_by_label("评分器").is_none(), "blind: no reviewer's ratings before everyone submitted");
    assert_eq!(harness.query_all_by_label("已提交 ✓").count(), 2, "张主管 submitted both");
    assert_eq!(harness.query_all_by_label_contains("盲评 · 李主管 · ").count(), 2, "李主管 still to review both");

    for card in [first, second] {
        sign(card, "李主管", "s02", &["--agree", "1:apologise"]);
    }
    click(&mut harness, "刷新");
    wait_for_records(&mut harness);
    harness.get_by_label("2/2 位复核人已提交");
    harness.get_by_label("评分器");
    harness.get_by_label("张主管 (s01)");
    harness.get_by_label("李主管 (s02)");
    harness.get_by_label_contains("Krippendorff α 系数: 0.");
    assert!(harness.query_all_by_label("33.3%").count() >= 2, "the items where the reviewers differ");
    assert!(harness.query_by_label("所有复核人提交后才显示报告").is_none());
}

/// A round set up in the app: a name, the organiser, two reviewers and two
/// scorecards picked in the 校准 tab's form; it is saved in the folder and listed.
#[test]
fn a_supervisor_sets_up_a_calibration_round_in_the_app() {
    let data = tempfile::tempdir().unwrap();
    let team = tempfile::tempdir().unwrap();
    records(team.path());
    let mut harness = app(data.path());
    click(&mut harness, "角色:主管");
    harness.get_by_label("文件夹路径").click();
    harness.run();
    harness.get_by_label("文件夹路径").type_text(&team.path().display().to_string());
    harness.run();
    click(&mut harness, "添加");
    wait_for_records(&mut harness);
    click(&mut harness, "校准");
    harness.get_by_label("这些文件夹里没有校准轮次(用 kefu calibrate new 建立)");
    click(&mut harness, "新建校准轮次");
    for (field, text) in [("轮次名称", "新人校准"), ("组织人(姓名:工号)", "王经理:m01"), ("复核人(每行一位,姓名:工号)", "张主管:s01\n李主管:s02")] {
        harness.get_by_label(field).click();
        harness.run();
        harness.get_by_label(field).type_text(text);
        harness.run();
    }
    // Nothing picked yet: said in the UI's words, nothing saved.
    click(&mut harness, "建立轮次");
    harness.get_by_label("请至少选择一张评分卡");
    assert!(!team.path().join("calibration").exists());
    let picks: Vec<String> = harness.query_all_by_label_contains("王小明 (e1) · ").map(|n| n.accesskit_node().label().unwrap_or_default()).collect();
    assert_eq!(picks.len(), 2, "{picks:?}");
    for pick in &picks {
        click(&mut harness, pick);
    }
    click(&mut harness, "建立轮次");
    harness.get_by_label_contains("已建立校准轮次");
    wait_for_records(&mut harness);
    harness.get_by_label("校准报告:新人校准");
    harness.get_by_label("0/2 位复核人已提交");
    let saved = std::fs::read_dir(team.path().join("calibration")).unwrap().count();
    assert_eq!(saved, 1);
}

/// A two-reviewer calibration round reviewed in the app: each reviewer opens
/// the round's scorecards from the 校准 tab and reviews them blind (the second
/// sees none of the first's judgements), and the report opens once both have
/// submitted.
#[test]
fn two_reviewers_review_a_round_blind_in_the_app_and_the_report_opens() {
    let data = tempfile::tempdir().unwrap();
    let team = tempfile::tempdir().unwrap();
    records(team.path());
    let mut cards: Vec<std::path::PathBuf> = std::fs::read_dir(team.path().join("scorecards").join("e1")).unwrap().map(|e| e.unwrap().path()).collect();
    cards.sort();
    let output = kefu(&[
        "calibrate", "new", "--name", "新人校准", "--organiser", "王经理:m01", "--reviewer", "张主管:s01", "--reviewer", "李主管:s02",
        cards[0].to_str().unwrap(), cards[1].to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    Settings { role: Role::Supervisor, supervisor_folders: vec![team.path().to_path_buf()], trainee_name: "主管".into(), ..Settings::default() }.save(data.path()).unwrap();
    let mut harness = app(data.path());
    wait_for_records(&mut harness);
    click(&mut harness, "校准");
    harness.get_by_label("0/2 位复核人已提交");

    for (reviewer, stance) in [("张主管", "不同意 · "), ("李主管", "同意 · ")] {
        for _ in 0..2 {
            let buttons: Vec<String> = harness.query_all_by_label_contains(&format!("盲评 · {reviewer} · ")).map(|n| n.accesskit_node().label().unwrap_or_default()).collect();
            assert!(!buttons.is_empty(), "{reviewer} has scorecards left to review");
            click(&mut harness, &buttons[0]);
            harness.get_by_label_contains("校准轮次:新人校准");
            assert!(harness.query_by_label_contains("已有的复核").is_none(), "blind: {reviewer} sees no other round review");
            let judge: Vec<String> = harness.query_all_by_label_contains(stance).map(|n| n.accesskit_node().label().unwrap_or_default()).collect();
            click(&mut harness, &judge[0]);
            if stance.starts_with("不同意") {
                harness.get_by_label("理由").click();
                harness.run();
                harness.get_by_label("理由").type_text("评分器判错了");
                harness.run();
            }
            click(&mut harness, "签核");
            harness.get_by_label("再写一份复核");
            click(&mut harness, "返回");
            wait_for_records(&mut harness);
        }
        assert!(harness.query_by_label_contains(&format!("盲评 · {reviewer} · ")).is_none(), "{reviewer} is done");
    }
    harness.get_by_label("2/2 位复核人已提交");
    harness.get_by_label("张主管 (s01)");
    harness.get_by_label_contains("Krippendorff α 系数: ");
    let saved: Vec<String> = std::fs::read_dir(team.path().join("reviews").join("s02")).unwrap().map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap()).collect();
    assert_eq!(saved.len(), 2);
    assert!(saved.iter().all(|review| review.contains("\"round\"")), "sealed in the round");
    // The app's settings did not take a round's reviewer as "me".
    assert_eq!(Settings::load(data.path()).unwrap().reviewer_id, "");
}
