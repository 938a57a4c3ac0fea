//! Fuzz target bodies (feature `fuzzing`, off by default): plain functions that
//! `fuzz/` (cargo-fuzz, nightly) and `tests/fuzz_smoke.rs` (stable) both call,
//! so the inputs libFuzzer finds and the CI smoke run exercise the same code.
//!
//! A target never returns an error: it feeds the bytes through, ignores the
//! typed errors the code is meant to return, and only a panic, an abort or a
//! hang counts as a finding. This module is a test aid, so unlike the rest of
//! the core its seed helpers read the repository's own files.

pub mod content;
pub mod grading;
pub mod mutate;
pub mod records;
pub mod seeds;
pub mod smoke;

use crate::content::Course;
use crate::engine::Bundle;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

/// One fuzz target: its name (as in `fuzz/fuzz_targets/NAME.rs`) and its body.
#[derive(Clone, Copy)]
pub struct Target {
    pub name: &'static str,
    pub run: fn(&[u8]),
}

/// Every target, in the order the smoke run reports them.
pub const TARGETS: [Target; 3] = [
    Target { name: "content", run: content::run },
    Target { name: "grading", run: grading::run },
    Target { name: "records", run: records::run },
];

/// The repository this library was built from: the bundled course and the seeds live there.
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The bundled course, loaded, checked and compiled once per process: libFuzzer
/// calls a target millions of times and the grader takes a while to build.
pub fn bundle() -> Arc<Bundle> {
    static BUNDLE: OnceLock<Arc<Bundle>> = OnceLock::new();
    BUNDLE.get_or_init(|| Arc::new(Bundle::new(Course::load(&[], Path::new(&repo()))))).clone()
}
