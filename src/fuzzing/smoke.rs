//! The stable smoke run of the fuzz targets (for CI, where no nightly and no
//! cargo-fuzz exist): a target over its seed corpus, then deterministic
//! mutations of it. No coverage feedback; that is what `cargo fuzz` adds.
//! A panic or a slow input is a failure, saved so it can be replayed.

use super::Target;
use super::mutate::Mutator;
use super::seeds;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// One input taking longer than this is a finding (a hang or a quadratic
/// blow-up), not a slow machine: the slowest seed takes well under a second.
pub const SLOW: Duration = Duration::from_secs(5);

/// How many mutations to try: whichever of the two limits comes first (seeds always run).
#[derive(Debug, Clone, Copy)]
pub struct Budget {
    pub mutations: u64,
    pub time: Duration,
}

/// What one target's run did.
#[derive(Debug, Default)]
pub struct Outcome {
    pub seeds: usize,
    pub mutations: u64,
    pub took: Duration,
    pub slowest: Duration,
    /// One line per failing input: what happened and where the input was saved.
    pub failures: Vec<String>,
}

/// Runs one input: a panic or a slow run comes back as the finding it is.
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
        Ok(()) if took > SLOW => Err(format!("took {took:.1?} (limit {SLOW:?})")),
        Ok(()) => Ok(took),
    }
}

/// Runs `target` over its seeds and `budget` mutations of them (mutator seeded
/// with `seed`, so a failure in CI happens again anywhere). Failing inputs are
/// written to `save_to/TARGET/` (created when needed).
pub fn run(target: Target, budget: Budget, seed: u64, save_to: &Path) -> Outcome {
    let corpus: Vec<Vec<u8>> = seeds::for_target(target.name).into_iter().map(|(_, bytes)| bytes).collect();
    let mut outcome = Outcome { seeds: corpus.len(), ..Outcome::default() };
    let mut fail = |label: String, input: &[u8], why: String| {
        let dir = save_to.join(target.name);
        let path: PathBuf = dir.join(&label);
        let saved = std::fs::create_dir_all(&dir).and_then(|()| std::fs::write(&path, input));
        let place = match saved {
            Ok(()) => path.display().to_string(),
            Err(error) => format!("not saved: {error}"),
        };
        outcome.failures.push(format!("{}/{label}: {why}\n    input: {place}", target.name));
    };
    let started = Instant::now();
    for (index, input) in corpus.iter().enumerate() {
        if let Err(why) = run_one(target, input) {
            fail(format!("seed-{index}"), input, why);
        }
    }
    // The time budget is for mutations: every seed runs whatever the machine's speed.
    let mutating = Instant::now();
    let mut mutator = Mutator::new(seed);
    let mut slowest = Duration::ZERO;
    let mut done = 0;
    while !corpus.is_empty() && done < budget.mutations && mutating.elapsed() < budget.time {
        let pick = mutator.below(corpus.len());
        let input = mutator.mutate(&corpus[pick], &corpus);
        match run_one(target, &input) {
            Ok(took) => slowest = slowest.max(took),
            Err(why) => fail(format!("mutation-{done}"), &input, why),
        }
        done += 1;
    }
    outcome.mutations = done;
    outcome.took = started.elapsed();
    outcome.slowest = slowest;
    outcome
}
