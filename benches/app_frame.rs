//! Benchmark: CPU time of one frame of the workbench with a 500-message
//! transcript (egui layout and tessellation through egui_kittest; no GPU),
//! target (issue 6) under 4 ms; and of one frame of the supervisor's
//! dashboard over 100,000 trainees (one record each, so the table has
//! 100,000 rows), target (issue 16) under 8 ms.

use criterion::{Criterion, criterion_group, criterion_main};
use egui_kittest::Harness;
use kefu::app::{Clock, KefuApp, Located, Screen, SupervisorScreen, Workbench};
use std::path::Path;
use std::sync::{Arc, Mutex};

fn bench(c: &mut Criterion) {
    let data = tempfile::tempdir().unwrap();
    let clock = Arc::new(Mutex::new(0.0));
    let mut app = KefuApp::new(Path::new(env!("CARGO_MANIFEST_DIR")), data.path(), Clock::Manual(clock.clone()));
    let mut workbench = Workbench::start(&app.bundle, &["wrong-colour-thermos".to_string()], 7, 0.0).unwrap();
    // Messages half a second apart stay in one turn, so the chat grows to 500 lines.
    for i in 0..499 {
        let at = 1.0 + i as f64 * 0.5;
        workbench.shift.reply(0, &format!("亲,第{i}条消息:非常抱歉给您添麻烦了,麻烦您提供一下订单号和照片~"), at).unwrap();
    }
    *clock.lock().unwrap() = 250.0;
    let lines = workbench.shift.sessions()[0].transcript().len();
    assert!(lines >= 500, "{lines} lines");
    app.screen = Screen::Workbench(Box::new(workbench));
    let mut harness = Harness::builder().with_size((1280.0, 800.0)).build_ui_state(|ui, app: &mut KefuApp| app.ui(ui), app);
    harness.run_steps(3);
    c.bench_function("workbench frame, 500-message transcript", |b| b.iter(|| harness.step()));
    dashboard(c);
}

/// 100,000 trainees' records, made in memory from the fixture scorecard.
fn cohort(rows: usize) -> Vec<Located> {
    let card = kefu::scorecard::read(include_str!("../tests/fixtures/scorecard-v2.json")).unwrap();
    let template = kefu::scorecard::Summary::from(&card);
    (0..rows)
        .map(|i| {
            let mut summary = template.clone();
            summary.trainee.id = format!("e{i:06}");
            summary.trainee.name = format!("学员{i}");
            summary.when_utc = Some(format!("2026-{:02}-{:02}T09:00:00Z", 1 + i % 12, 1 + i % 28));
            summary.total = (i % 100) as f64;
            summary.passed = i % 100 >= 60;
            Located { path: format!("/cohort/e{i:06}.json").into(), summary: Arc::new(summary), marks: Default::default() }
        })
        .collect()
}

fn dashboard(c: &mut Criterion) {
    let data = tempfile::tempdir().unwrap();
    let clock = Arc::new(Mutex::new(0.0));
    let mut app = KefuApp::new(Path::new(env!("CARGO_MANIFEST_DIR")), data.path(), Clock::Manual(clock));
    app.settings.role = kefu::store::Role::Supervisor;
    app.settings.supervisor_folders = vec!["/cohort".into()];
    app.screen = Screen::Supervisor(Box::new(SupervisorScreen::from_records(cohort(100_000))));
    let mut harness = Harness::builder().with_size((1280.0, 800.0)).build_ui_state(|ui, app: &mut KefuApp| app.ui(ui), app);
    // The first frames compute the table (once) and size the columns.
    harness.run_steps(3);
    let Screen::Supervisor(screen) = &harness.state().screen else { panic!("not on the dashboard") };
    assert_eq!(screen.trainee_order().len(), 100_000);
    c.bench_function("dashboard frame, 100,000 trainees", |b| b.iter(|| harness.step()));
}

criterion_group!(benches, bench);
criterion_main!(benches);
