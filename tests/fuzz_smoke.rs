//! The fuzz targets on stable Rust, for CI: each target over its seed corpus,
//! then thousands of deterministic mutations of it (no coverage feedback; that
//! is what `cargo fuzz` on nightly adds). A panic or a slow input fails the
//! test and is saved under target/fuzz-smoke/ so it can be replayed with
//! `cargo fuzz run TARGET FILE`. Needs `--features fuzzing` (see .ci/run).
//!
//! Budget per target: KEFU_FUZZ_SMOKE_RUNS mutations (default 3000) or
//! KEFU_FUZZ_SMOKE_SECS seconds (default 12), whichever comes first, so a
//! slow debug build still finishes in CI's time; raise both to soak locally.

use kefu::fuzzing::mutate::Mutator;
use kefu::fuzzing::{TARGETS, Target, seeds};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// One input taking longer than this is a finding (a hang or a quadratic
/// blow-up), not a slow machine: the slowest seed takes well under a second.
const SLOW: Duration = Duration::from_secs(10);

fn budget(name: &str, default: u64) -> u64 {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

/// Where a failing input is written: beside the build, never in the repository.
fn save(target: &str, label: &str, input: &[u8]) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("fuzz-smoke").join(target);
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(label);
    std::fs::write(&path, input).unwrap();
    path
}

/// Runs one input; a panic or a slow run is returned as the finding it is.
fn run_one(target: Target, input: &[u8]) -> Result<Duration, String> {
    let started = Instant::now();
    let outcome = catch_unwind(AssertUnwindSafe(|| (target.run)(input)));
    let took = started.elapsed();
    match outcome {
        Err(panic) => Err(panic
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_else(|| "a panic without a message".into())),
        Ok(()) if took > SLOW => Err(format!("took {took:?} (limit {SLOW:?})")),
        Ok(()) => Ok(took),
    }
}

fn smoke(name: &str) {
    let target = TARGETS.into_iter().find(|t| t.name == name).unwrap();
    let corpus: Vec<Vec<u8>> = seeds::for_target(name).into_iter().map(|(_, bytes)| bytes).collect();
    assert!(corpus.len() >= 5, "{name}: only {} seeds", corpus.len());
    let mut failures = Vec::new();
    let mut record = |label: String, input: &[u8], why: String| {
        let path = save(name, &label, input);
        failures.push(format!("{label}: {why}\n    input saved to {}", path.display()));
    };
    for (index, seed) in corpus.iter().enumerate() {
        if let Err(why) = run_one(target, seed) {
            record(format!("seed-{index}"), seed, why);
        }
    }
    let (runs, secs) = (budget("KEFU_FUZZ_SMOKE_RUNS", 3000), budget("KEFU_FUZZ_SMOKE_SECS", 12));
    let mut mutator = Mutator::new(0x6b65_6675); // "kefu": fixed, so CI failures reproduce
    let started = Instant::now();
    let mut done = 0;
    let mut slowest = Duration::ZERO;
    while done < runs && started.elapsed() < Duration::from_secs(secs) {
        let pick = mutator.below(corpus.len());
        let input = mutator.mutate(&corpus[pick], &corpus);
        match run_one(target, &input) {
            Ok(took) => slowest = slowest.max(took),
            Err(why) => record(format!("mutation-{done}"), &input, why),
        }
        done += 1;
    }
    eprintln!(
        "fuzz smoke {name}: {} seeds, {done} mutations in {:.1?} (slowest {slowest:.1?}), {} failures",
        corpus.len(),
        started.elapsed(),
        failures.len()
    );
    assert!(failures.is_empty(), "{name}: {} failing inputs:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn content_survives_its_seeds_and_mutations() {
    smoke("content");
}

#[test]
fn grading_survives_its_seeds_and_mutations() {
    smoke("grading");
}

#[test]
fn records_survive_their_seeds_and_mutations() {
    smoke("records");
}
