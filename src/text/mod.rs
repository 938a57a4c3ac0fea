//! Text primitives shared by every layer: normalisation (width, case, Traditional,
//! numerals) with spans back to the original, typed quantities, phrase matching.
//! Knows nothing about content files, grading or the UI.

pub mod fold;
pub mod matcher;
pub mod mention;
pub mod normalize;
pub mod numerals;
pub mod quantity;
pub mod t2s;

pub use fold::fold_width;
pub use normalize::{Normalized, normalize};
pub use quantity::{Dimension, Quantity, QuantityError};
