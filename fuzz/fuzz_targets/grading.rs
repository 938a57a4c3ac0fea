//! cargo-fuzz target `grading`: bytes → a reply graded by the bundled course's Grader and fed to the engine.
//! The body is `kefu::fuzzing::grading::run`, the same one tests/fuzz_smoke.rs runs on stable.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| kefu::fuzzing::grading::run(data));
