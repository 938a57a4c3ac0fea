//! cargo-fuzz target `records`: bytes → the record readers, every exporter and verify.
//! The body is `kefu::fuzzing::records::run`, the same one tests/fuzz_smoke.rs runs on stable.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| kefu::fuzzing::records::run(data));
