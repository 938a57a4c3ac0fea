//! Benchmark: summarise 10,000 scorecard files to CSV, against reading the
//! same files and writing their bytes out unchanged (what `cat` does). The
//! ratio says how much the JSON parse and CSV writing cost on top of IO.

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::io::Write;
use std::path::Path;

const CARDS: usize = 10_000;

fn bench(c: &mut Criterion) {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let template: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(repo.join("tests/fixtures/scorecard-v2.json")).unwrap()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    for i in 0..CARDS {
        let mut card = template.clone();
        card["trainee"]["id"] = format!("e{:05}", i % 400).into();
        card["trainee"]["name"] = format!("学员{}", i % 400).into();
        card["seed"] = (i as u64).into();
        card["grade"]["total"] = (50.0 + (i % 50) as f64).into();
        std::fs::write(dir.path().join(format!("card-{i:05}.json")), serde_json::to_vec_pretty(&card).unwrap()).unwrap();
    }
    let files = kefu::store::scorecard_files(&[dir.path().to_path_buf()]);
    assert_eq!(files.len(), CARDS);

    let mut group = c.benchmark_group("10000 scorecards");
    group.sample_size(10);
    group.bench_function("cat (read and write the bytes)", |b| {
        b.iter(|| {
            let mut out = std::io::sink();
            for file in &files {
                out.write_all(&std::fs::read(file).unwrap()).unwrap();
            }
        })
    });
    group.bench_function("summary CSV (kefu export --format csv)", |b| {
        b.iter(|| {
            let rows = files.iter().map(|f| kefu::store::read_summary(f).unwrap());
            kefu::scorecard::write_csv_summaries(std::io::sink(), black_box(rows)).unwrap();
        })
    });
    group.bench_function("full read of every scorecard", |b| {
        b.iter(|| {
            for f in &files {
                black_box(kefu::store::read_scorecard(f).unwrap());
            }
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
