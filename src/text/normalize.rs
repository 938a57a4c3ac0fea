//! Reply normalisation for matching: NFKC width folding, lowercase,
//! Traditional → Simplified, CJK punctuation, and Chinese numerals as digits.
//! Every byte of the normalised text remembers the span of the original it
//! came from, so a match can be highlighted in what the trainee typed.

use super::{numerals, t2s};
use unicode_normalization::UnicodeNormalization;

/// Normalised text plus, for each of its bytes, the original byte range.
#[derive(Debug, Clone, PartialEq)]
pub struct Normalized {
    pub text: String,
    origin: Vec<(u32, u32)>,
}

impl Normalized {
    /// The byte range of the original text that produced `start..end` of the normalised text.
    pub fn original_span(&self, start: usize, end: usize) -> (usize, usize) {
        if self.origin.is_empty() || start >= end {
            let at = self.origin.get(start).map(|o| o.0 as usize).unwrap_or(0);
            return (at, at);
        }
        let first = self.origin[start.min(self.origin.len() - 1)];
        let last = self.origin[(end - 1).min(self.origin.len() - 1)];
        (first.0 as usize, last.1.max(first.0) as usize)
    }
}

/// CJK punctuation that NFKC leaves alone, folded to ASCII so patterns need one spelling.
fn fold_punctuation(c: char) -> char {
    match c {
        '。' => '.',
        '、' => ',',
        '“' | '”' | '「' | '」' => '"',
        '‘' | '’' => '\'',
        '【' => '[',
        '】' => ']',
        '\u{3000}' => ' ',
        _ => c,
    }
}

/// Normalises `original` for matching. Total, never panics, any input.
pub fn normalize(original: &str) -> Normalized {
    let mut items: Vec<numerals::Item> = Vec::with_capacity(original.len());
    for (at, c) in original.char_indices() {
        let (start, end) = (at as u32, (at + c.len_utf8()) as u32);
        for folded in std::iter::once(c).nfkc() {
            for lower in folded.to_lowercase() {
                items.push((fold_punctuation(t2s::to_simplified(lower)), start, end));
            }
        }
    }
    let items = numerals::convert(&items);
    let mut text = String::with_capacity(items.len() * 2);
    let mut origin = Vec::with_capacity(items.len() * 2);
    for (c, start, end) in items {
        text.push(c);
        origin.extend(std::iter::repeat_n((start, end), c.len_utf8()));
    }
    Normalized { text, origin }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn width_case_traditional_numerals_together() {
        assert_eq!(normalize("親,５００ＭＬ的保溫杯").text, "亲,500ml的保温杯");
        assert_eq!(normalize("五百毫升").text, "500毫升");
        assert_eq!(normalize("兩天內發貨。").text, "2天内发货.");
    }

    #[test]
    fn spans_map_back_to_the_original() {
        let original = "容量是五百毫升哦";
        let normalized = normalize(original);
        let start = normalized.text.find("500").unwrap();
        let (s, e) = normalized.original_span(start, start + "500毫升".len());
        assert_eq!(&original[s..e], "五百毫升");
    }

    #[test]
    fn full_width_span_maps_to_full_width_text() {
        let original = "ＳＵＳ３０４";
        let normalized = normalize(original);
        let start = normalized.text.find("304").unwrap();
        let (s, e) = normalized.original_span(start, start + 3);
        assert_eq!(&original[s..e], "３０４");
    }
}
