//! Writes the seed corpora for `cargo fuzz` from the repository as it is now:
//! `cargo run --no-default-features --features fuzzing --example fuzz_seeds [DIR]`
//! fills DIR/TARGET/ (default fuzz/corpus/), the folder cargo fuzz reads and grows.

use kefu::fuzzing::{TARGETS, seeds};
use std::path::PathBuf;

fn main() -> std::io::Result<()> {
    let out = std::env::args_os().nth(1).map(PathBuf::from).unwrap_or_else(|| kefu::fuzzing::repo().join("fuzz/corpus"));
    for target in TARGETS {
        let dir = out.join(target.name);
        std::fs::create_dir_all(&dir)?;
        let seeds = seeds::for_target(target.name);
        for (name, bytes) in &seeds {
            std::fs::write(dir.join(format!("seed-{name}")), bytes)?;
        }
        println!("{}: {} seeds in {}", target.name, seeds.len(), dir.display());
    }
    Ok(())
}
