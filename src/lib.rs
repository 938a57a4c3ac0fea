//! Kefu Trainer (客服训练器): a training and quiz simulator for online-shop
//! customer-service agents. The library is the headless core; `app` (feature
//! `gui`) is the only part that knows egui.
//!
//! Modules in dependency order, lowest first: `text` ← `content` ← `grading`
//! ← `engine` ← `store` ← `cli`, `app` (quiz and scorecard come later).

pub mod text;
pub mod content;
pub mod grading;
pub mod engine;
pub mod scorecard;
pub mod store;
pub mod cli;

#[cfg(feature = "gui")]
pub mod app;
