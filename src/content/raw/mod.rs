//! The serde mirror of each content file, exactly as a trainer writes it.
//!
//! Nothing here is trusted: ids may be unknown, graphs may be broken. The check
//! passes in `content::check` turn these into a validated `Course`.

pub mod catalogue;
pub mod common;
pub mod ids;
pub mod lexicon;
pub mod policy;
pub mod quiz;
pub mod scenario;

pub use catalogue::*;
pub use common::*;
pub use ids::FactId;
pub use lexicon::*;
pub use policy::*;
pub use quiz::*;
pub use scenario::*;
