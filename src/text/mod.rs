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

/// A Han character (CJK Unified Ideographs and Extension A): Chinese text has
/// no case and no spaces between words.
pub fn is_han(c: char) -> bool {
    ('\u{3400}'..='\u{9fff}').contains(&c)
}

/// Where `needle` occurs in `hay` (byte offsets). A plain scan: grading looks
/// for short words in clauses of a few dozen characters, far too short to pay
/// for a searcher's set-up. A UTF-8 needle only matches at a char boundary.
pub fn occurrences<'a>(hay: &'a str, needle: &'a str) -> impl Iterator<Item = usize> + 'a {
    let (bytes, wanted) = (hay.as_bytes(), needle.as_bytes());
    let first = wanted.first().copied();
    (0..bytes.len()).filter(move |i| first.is_some_and(|f| bytes[*i] == f) && bytes[*i..].starts_with(wanted))
}

/// Whether `needle` occurs in `hay` (see `occurrences`).
pub fn holds(hay: &str, needle: &str) -> bool {
    occurrences(hay, needle).next().is_some()
}
pub use normalize::{Normalized, normalize};
pub use quantity::{Dimension, Quantity, QuantityError};
