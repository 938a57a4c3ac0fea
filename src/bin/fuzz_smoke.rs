//! `fuzz_smoke`: the fuzz targets on stable Rust, for CI (.ci/run) and for a
//! quick local soak. Each target runs over its seeds, then deterministic
//! mutations until its budget is spent; targets run side by side on threads.
//!
//! cargo run --profile fuzz-smoke --no-default-features --features fuzzing --bin fuzz_smoke -- [SECS] [MUTATIONS] [TARGET...]
//!
//! Defaults: every seed, then 15 s or 4000 mutations per target, every target. Exits 1 if any
//! input panicked or took too long; those inputs are saved under
//! target/fuzz-smoke/TARGET/ for `cargo fuzz run TARGET FILE` or a debugger.

use kefu::fuzzing::smoke::{self, Budget};
use kefu::fuzzing::{TARGETS, repo};
use std::time::Duration;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let secs: u64 = args.first().and_then(|a| a.parse().ok()).unwrap_or(15);
    let mutations: u64 = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(4000);
    let chosen: Vec<&String> = args.iter().skip(2).collect();
    let budget = Budget { mutations, time: Duration::from_secs(secs) };
    let save_to = repo().join("target/fuzz-smoke");
    // A target's panics are caught and reported by the run; keep stderr to one line each.
    std::panic::set_hook(Box::new(|info| eprintln!("  panic: {info}")));
    let runs: Vec<_> = TARGETS
        .into_iter()
        .filter(|t| chosen.is_empty() || chosen.iter().any(|c| c.as_str() == t.name))
        .map(|target| {
            let save_to = save_to.clone();
            // A fixed seed per target ("kefu" + index): CI's inputs are the same every run.
            std::thread::spawn(move || (target.name, smoke::run(target, budget, 0x6b65_6675, &save_to)))
        })
        .collect();
    let (mut passed, mut failed) = (0, 0);
    for run in runs {
        let (name, outcome) = run.join().expect("the smoke run itself does not panic");
        println!(
            "fuzz smoke {name}: {} seeds + {} mutations in {:.1} s (slowest mutation {:.1} s): {}",
            outcome.seeds,
            outcome.mutations,
            outcome.took.as_secs_f64(),
            outcome.slowest.as_secs_f64(),
            if outcome.failures.is_empty() { "ok".to_string() } else { format!("{} FAILING INPUTS", outcome.failures.len()) }
        );
        for failure in &outcome.failures {
            println!("  {failure}");
        }
        if outcome.failures.is_empty() { passed += 1 } else { failed += 1 }
    }
    println!("fuzz smoke: {passed} passed, {failed} failed");
    std::process::exit(if failed == 0 { 0 } else { 1 });
}
