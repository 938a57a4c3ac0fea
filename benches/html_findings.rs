//! Benchmark: the HTML export of one scorecard whose agent message carries N
//! and then 4N findings (disjoint one-character spans, the worst a forged or
//! machine-made record can do). Linear layout shows as about 4× the time;
//! the old per-piece scan took 2.3 s at 100,000 findings and 23.5 s at 300,000.

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use kefu::grading::Span;
use kefu::scorecard::{Scorecard, write_html};
use std::hint::black_box;
use std::path::Path;

const N: usize = 25_000;

/// The schema-2 fixture with `findings` findings on its first agent message.
fn card_with(findings: usize) -> Scorecard {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/scorecard-v2.json");
    let mut card = kefu::scorecard::read(&std::fs::read_to_string(path).unwrap()).unwrap();
    let message = card.transcript.iter().position(|e| e.who == kefu::engine::Who::Agent).unwrap();
    card.transcript[message].text = "亲a".repeat(findings);
    let template = card.replies[0].findings[0].clone();
    card.replies[0].findings = (0..findings)
        .map(|i| {
            let mut finding = template.clone();
            // "亲" is 3 bytes, "a" 1: each span is one "亲".
            finding.span = Some(Span { message, start: 4 * i, end: 4 * i + 3 });
            finding
        })
        .collect();
    card
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("html export, findings on one message");
    group.sample_size(10);
    for findings in [N, 4 * N] {
        let card = card_with(findings);
        group.bench_with_input(BenchmarkId::from_parameter(findings), &card, |b, card| {
            b.iter(|| write_html(std::io::sink(), [black_box(card)]).unwrap())
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
