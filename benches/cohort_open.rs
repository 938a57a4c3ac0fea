//! Benchmark (issue 16): opening a cohort of scorecard files in the
//! supervisor's workspace to a usable table (read on its thread, the table
//! computed), against reading the same files' bytes as `cat` does (target:
//! within 3×); and the second open after one file changed (a refresh reads
//! only that file; target: under 0.5 s). `KEFU_BENCH_COHORT` sets the number
//! of files (100,000 by default: about 1 GB written once to a temp folder).

use criterion::{Criterion, criterion_group, criterion_main};
use kefu::app::SupervisorScreen;
use std::hint::black_box;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Duration;

fn cohort_size() -> usize {
    std::env::var("KEFU_BENCH_COHORT").ok().and_then(|n| n.parse().ok()).unwrap_or(100_000)
}

/// The cohort as a supervisor's shared folder: one folder per trainee (200), one file per session.
fn write_cohort(dir: &Path, cards: usize) -> Vec<PathBuf> {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let template: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(repo.join("tests/fixtures/scorecard-v2.json")).unwrap()).unwrap();
    let mut files = Vec::with_capacity(cards);
    for i in 0..cards {
        let mut card = template.clone();
        let trainee = format!("e{:04}", i % 200);
        card["trainee"]["id"] = trainee.clone().into();
        card["trainee"]["name"] = format!("学员{}", i % 200).into();
        card["seed"] = (i as u64).into();
        card["when_utc"] = format!("2026-{:02}-{:02}T09:{:02}:00Z", 1 + i % 12, 1 + i % 28, i % 60).into();
        card["grade"]["total"] = (40.0 + (i % 60) as f64).into();
        let folder = dir.join("scorecards").join(&trainee);
        std::fs::create_dir_all(&folder).unwrap();
        let file = folder.join(format!("card-{i:06}.json"));
        std::fs::write(&file, serde_json::to_vec_pretty(&card).unwrap()).unwrap();
        files.push(file);
    }
    files
}

/// Opens the workspace on `dir` and waits until the table is there.
fn open(dir: &Path) -> SupervisorScreen {
    let mut screen = SupervisorScreen::new(vec![dir.to_path_buf()]);
    settle(&mut screen);
    screen
}

/// Polls as frames would, until the reading is done; then the table is computed.
fn settle(screen: &mut SupervisorScreen) {
    loop {
        screen.poll();
        if screen.loaded() && !screen.loading() {
            break;
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    screen.update();
}

fn bench(c: &mut Criterion) {
    let cards = cohort_size();
    let dir = tempfile::tempdir().unwrap();
    let files = write_cohort(dir.path(), cards);
    let mut group = c.benchmark_group(format!("cohort of {cards} scorecards"));
    group.sample_size(10);
    group.bench_function("cat (walk, read and write the bytes)", |b| {
        b.iter(|| {
            let mut out = std::io::sink();
            for file in kefu::store::scorecard_files(&[dir.path().to_path_buf()]) {
                out.write_all(&std::fs::read(file).unwrap()).unwrap();
            }
        })
    });
    group.bench_function("open in the supervisor's workspace", |b| {
        b.iter(|| {
            let screen = open(dir.path());
            assert_eq!(black_box(&screen).records().len(), cards);
        })
    });
    let mut screen = open(dir.path());
    let changed = &files[cards / 2];
    let bytes = std::fs::read(changed).unwrap();
    let mut n = 0u64;
    group.bench_function("second open after one file changed (refresh)", |b| {
        b.iter(|| {
            // One trainee's file saved again, one byte longer each time so its stamp changes.
            n += 1;
            let mut changed_bytes = bytes.clone();
            changed_bytes.extend(std::iter::repeat_n(b' ', (n % 2 + 1) as usize));
            std::fs::write(changed, &changed_bytes).unwrap();
            screen.refresh();
            settle(&mut screen);
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
