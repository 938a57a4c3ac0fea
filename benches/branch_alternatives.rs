//! Benchmark: check one scenario whose branch condition is `Any([...])` of N and of
//! 4N alternatives (issue 13: 20,000 took 0.8 s and 100,000 took 40 s, quadratic).
//! Linear checking shows as about 4× the time for 4× the alternatives. A second
//! group names N and 4N unknown steps, so every one is located in the source.

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use kefu::content::{check, load_sources};
use std::hint::black_box;
use std::path::Path;

/// N under `cargo bench` (4N = 100,000, the issue's slow case); the benchmark also runs 4N.
const N: usize = 25_000;
/// N under `cargo test --benches` (one unoptimised run of each, to prove the bench
/// still works): small, so the test suite stays quick.
const N_TEST: usize = 500;

/// `cargo bench` passes `--bench` to the harness; `cargo test --benches` does not.
fn n() -> usize {
    if std::env::args().any(|arg| arg == "--bench") { N } else { N_TEST }
}

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The bundled catalogue, policy and lexicons the scenario refers to.
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

/// The model scenario with its first branch's condition replaced by `Any` of `alternatives`.
fn scenario(alternatives: &[String]) -> String {
    let model = std::fs::read_to_string(repo().join("scenarios/zh/after-sale/wrong-colour-thermos.ron")).unwrap();
    let branch = r#"(when: Did("blame_customer"), goto: "angry-escalate"),"#;
    assert!(model.contains(branch), "the model scenario changed; update this benchmark");
    model.replace(branch, &format!("(when: Any([{}]), goto: \"angry-escalate\"),", alternatives.join(", ")))
}

/// `n` alternatives that can all hold and contradict none of each other.
fn live(n: usize) -> Vec<String> {
    let kinds = [r#"Did("blame_customer")"#, r#"Already("offer_refund")"#, r#"Not(Did("apologise"))"#, "WrongFact"];
    (0..n).map(|i| kinds[i % kinds.len()].to_string()).collect()
}

/// `n` distinct steps no lexicon defines: each is an error located at its text.
fn unknown(n: usize) -> Vec<String> {
    (0..n).map(|i| format!("Did(\"no-such-step-{i}\")")).collect()
}

fn files(scenario: String) -> Vec<(String, String)> {
    let mut all = assets();
    all.push(("scenarios/generated.ron".into(), scenario));
    all
}

fn bench(c: &mut Criterion) {
    for (group_name, make, errors) in [
        ("Any of N live alternatives", live as fn(usize) -> Vec<String>, false),
        ("Any of N unknown steps", unknown, true),
    ] {
        let mut group = c.benchmark_group(group_name);
        group.sample_size(10);
        for n in [n(), 4 * n()] {
            let all = files(scenario(&make(n)));
            let borrowed: Vec<(&str, &str)> = all.iter().map(|(p, t)| (p.as_str(), t.as_str())).collect();
            // Sanity: the checker does the full work and finds what it should.
            let report = check(&load_sources(&borrowed));
            assert_eq!(report.scenarios, 1);
            if errors {
                assert_eq!(report.errors(), n, "{:#?}", &report.diagnostics[..report.diagnostics.len().min(5)]);
            } else {
                assert_eq!(report.errors(), 0, "{:#?}", &report.diagnostics[..report.diagnostics.len().min(5)]);
            }
            group.bench_with_input(BenchmarkId::new("load + check", n), &borrowed, |b, borrowed| {
                b.iter(|| black_box(check(&load_sources(borrowed))))
            });
        }
        group.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
