//! Text primitives shared by every layer: width folding and typed quantities.
//! Knows nothing about content files, grading or the UI.

pub mod fold;
pub mod quantity;

pub use fold::fold_width;
pub use quantity::{Dimension, Quantity, QuantityError};
