//! Benchmark: CPU time of one frame of the workbench with a 500-message
//! transcript (egui layout and tessellation through egui_kittest; no GPU).
//! Target (issue 6): under 4 ms.

use criterion::{Criterion, criterion_group, criterion_main};
use egui_kittest::Harness;
use kefu::app::{Clock, KefuApp, Screen, Workbench};
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
}

criterion_group!(benches, bench);
criterion_main!(benches);
