//! Kefu Trainer (客服训练器): a training and quiz simulator for online-shop
//! customer-service agents. The library is the headless core; `app` (feature
//! `gui`) is the only part that knows egui.
//!
//! Modules in dependency order, lowest first: `text` ← `content` ← `i18n` (the
//! message catalogue) ← `grading` ← `engine`, `quiz` ← `scorecard` ← `store` ←
//! `cli`, `app`; `seeded` (the seeded random draws) sits at the bottom beside `text`.

pub mod text;
pub mod seeded;
pub mod content;
pub mod i18n;
pub mod grading;
pub mod engine;
pub mod quiz;
pub mod scorecard;
pub mod store;
pub mod cli;

#[cfg(feature = "gui")]
pub mod app;

/// Fuzz target bodies, shared by `fuzz/` and the stable smoke test.
#[cfg(feature = "fuzzing")]
pub mod fuzzing;
