//! Benchmark: load and check 1,000 generated scenarios (with the bundled shop
//! assets), against bare `ron` parsing of the same texts into the same types.
//! Target (issue 3): under 1 s, and at most 2× bare parsing.

use criterion::{Criterion, criterion_group, criterion_main};
use kefu::content::{check, load_paths, load_sources, raw};
use std::hint::black_box;
use std::path::Path;

const SCENARIOS: usize = 1000;

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// 1,000 scenarios made from the model scenario, each with its own id and buyer.
fn generated() -> Vec<(String, String)> {
    let model = std::fs::read_to_string(repo().join("scenarios/zh/after-sale/wrong-colour-thermos.ron")).unwrap();
    (0..SCENARIOS)
        .map(|i| {
            let text = model
                .replace("id: \"wrong-colour-thermos\"", &format!("id: \"generated-{i:04}\""))
                .replace("\"小王\"", &format!("\"买家{i}\""));
            (format!("scenarios/generated-{i:04}.ron"), text)
        })
        .collect()
}

/// The bundled catalogue, policy and lexicons the scenarios refer to.
fn assets() -> Vec<(String, String)> {
    let mut files = Vec::new();
    for folder in ["catalogue", "policy", "lexicons"] {
        for entry in std::fs::read_dir(repo().join("assets").join(folder)).unwrap() {
            let path = entry.unwrap().path();
            files.push((path.display().to_string(), std::fs::read_to_string(&path).unwrap()));
        }
    }
    files
}

fn bench(c: &mut Criterion) {
    let scenarios = generated();
    let mut all = assets();
    all.extend(scenarios.iter().cloned());
    let borrowed: Vec<(&str, &str)> = all.iter().map(|(p, t)| (p.as_str(), t.as_str())).collect();

    // Sanity: what is measured really checks clean, so the checker does the full work.
    let report = check(&load_sources(&borrowed));
    assert_eq!(report.errors(), 0, "{:#?}", &report.diagnostics[..report.diagnostics.len().min(5)]);
    assert_eq!(report.scenarios, SCENARIOS);

    let mut group = c.benchmark_group("1000 scenarios");
    group.sample_size(10);
    group.bench_function("bare ron parse", |b| {
        let options = kefu::content::ron_options();
        b.iter(|| {
            for (_, text) in &scenarios {
                black_box(options.from_str::<raw::Scenario>(text).unwrap());
            }
        })
    });
    group.bench_function("load + check (memory)", |b| {
        b.iter(|| black_box(check(&load_sources(&borrowed))))
    });

    let dir = tempfile::tempdir().unwrap();
    for (path, text) in &all {
        let target = dir.path().join(Path::new(path).strip_prefix(repo()).unwrap_or(Path::new(path)));
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        std::fs::write(target, text).unwrap();
    }
    let root = dir.path().to_path_buf();
    group.bench_function("load + check (disk)", |b| {
        b.iter(|| black_box(check(&load_paths(&[root.join("scenarios"), root.join("assets")], &root))))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
