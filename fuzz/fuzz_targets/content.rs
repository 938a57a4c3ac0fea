//! cargo-fuzz target `content`: bytes → content files beside the bundled shop, every check pass, the pinned examples.
//! The body is `kefu::fuzzing::content::run`, the same one tests/fuzz_smoke.rs runs on stable.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| kefu::fuzzing::content::run(data));
