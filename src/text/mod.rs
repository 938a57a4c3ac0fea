//! Text primitives shared by every layer: normalisation (width, case, Traditional,
//! numerals) with spans back to the original, typed quantities, phrase matching.
//! Knows nothing about content files, grading or the UI.

pub(crate) mod contractions;
pub(crate) mod entities;
pub(crate) mod fold;
pub(crate) mod links;
pub(crate) mod masked;
pub(crate) mod matcher;
pub(crate) mod mention;
pub(crate) mod normalize;
pub(crate) mod numerals;
pub(crate) mod quantity;
pub(crate) mod quoted;
pub(crate) mod searcher;
pub(crate) mod t2s;
pub(crate) mod titles;

pub use fold::fold_width;
pub use mention::{Mention, quantities};
pub use quoted::{Quoted, QuotedChar, quoted_list};

/// A Han character (CJK Unified Ideographs and Extension A): Chinese text has
/// no case and no spaces between words.
pub fn is_han(c: char) -> bool {
    ('\u{3400}'..='\u{9fff}').contains(&c)
}

/// Where `needle` occurs in `hay` (byte offsets), overlapping places too: the
/// negation check asks where each negator starts, not only whether one does
/// (for that, `holds`). A UTF-8 needle only matches at a char boundary.
pub fn occurrences<'a>(hay: &'a str, needle: &'a str) -> impl Iterator<Item = usize> + 'a {
    let (bytes, wanted) = (hay.as_bytes(), needle.as_bytes());
    let first = wanted.first().copied();
    (0..bytes.len()).filter(move |i| first.is_some_and(|f| bytes[*i] == f) && bytes[*i..].starts_with(wanted))
}

/// Whether `needle` occurs in `hay`. The standard library's search (SIMD on
/// x86-64) beats `occurrences` here: the question and invitation checks try
/// some forty words on every question sentence. A valid UTF-8 needle can only
/// match a valid UTF-8 haystack at a char boundary, as `occurrences` requires.
pub fn holds(hay: &str, needle: &str) -> bool {
    !needle.is_empty() && hay.contains(needle)
}
/// Whether `text[from..to]` stays inside one clause: no sentence end, comma or
/// line break in it, and no space after a Chinese character. A '.' before a
/// digit is a decimal point (1.5升), not a stop.
pub fn one_clause(text: &str, from: usize, to: usize) -> bool {
    let from = text.floor_char_boundary(from.min(text.len()));
    let to = text.floor_char_boundary(to.min(text.len()));
    let between: Vec<char> = text[from.min(to)..to.max(from)].chars().collect();
    !between.iter().enumerate().any(|(i, c)| match c {
        '。' | '!' | '！' | '?' | '？' | '\n' | ',' | '，' | '、' | ';' | '；' => true,
        '.' => !between.get(i + 1).is_some_and(char::is_ascii_digit),
        // In chat a space after a Chinese character ends the message part ("当天发 快递3天到").
        c if c.is_whitespace() => i > 0 && is_han(between[i - 1]),
        _ => false,
    })
}

pub use normalize::{Normalized, normalize};
pub use quantity::{Dimension, Quantity, QuantityError};
