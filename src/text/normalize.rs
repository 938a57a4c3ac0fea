//! Reply normalisation for matching: NFKC width folding, lowercase,
//! Traditional → Simplified, CJK punctuation, web links read as one blank,
//! HTML character references, English contractions typed without the
//! apostrophe, and Chinese numerals as digits.
//! Every byte of the normalised text remembers the span of the original it
//! came from, so a match can be highlighted in what the trainee typed.

use super::{contractions, entities, links, numerals, t2s};
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
        '【' => '[',
        '】' => ']',
        '\u{3000}' => ' ',
        _ => c,
    }
}

/// Apostrophes as typed on other keyboards or pasted from word processors:
/// curly, the reversed ones ("Youʻre", "You‟re"), the backtick ("can`t"), the
/// acute accent ("can´t"), the prime ("can′t") and the modifier letters ("canʼt").
fn is_apostrophe(c: char) -> bool {
    matches!(c, '‘' | '’' | '‛' | '‟' | '`' | '´' | '′' | 'ʼ' | 'ʻ' | 'ʹ')
}

/// Characters that show nothing but would split a phrase or a number: zero-width
/// spaces and joiners, direction marks, the BOM, soft hyphens, variation
/// selectors, and combining marks that NFKC could not fold into a letter
/// ("5\u{301}00ml" is still 500ml).
fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{180E}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{206F}' | '\u{FEFF}' | '\u{FE00}'..='\u{FE0F}'
        | '\u{E0000}'..='\u{E007F}' | '\u{E0100}'..='\u{E01EF}'
        | '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}'
        | '\u{FE20}'..='\u{FE2F}')
}

/// Pushes one character NFKC has already folded: lowercase, Simplified, CJK
/// punctuation as ASCII, all remembering `start..end` of the original.
fn push_folded(items: &mut Vec<numerals::Item>, c: char, start: u32, end: u32) {
    // Han characters have no case: skip the case tables for them (most of a reply).
    if super::is_han(c) {
        items.push((t2s::to_simplified(c), start, end));
        return;
    }
    // Lowercasing can bring back what NFKC and the first pass took out (İ
    // lowercases to i and a combining dot), and NFKC can produce an apostrophe
    // variant (ŉ, ｀): fold those here too, so normalising twice changes nothing.
    for lower in c.to_lowercase().filter(|c| !is_invisible(*c)) {
        let lower = if is_apostrophe(lower) { '\'' } else { lower };
        items.push((fold_punctuation(t2s::to_simplified(lower)), start, end));
    }
}

/// Normalises `original` for matching. Total, never panics, any input.
pub fn normalize(original: &str) -> Normalized {
    // By characters, not bytes: a Chinese reply has a third as many, and an
    // allocation past a kilobyte makes the allocator tidy up first.
    let mut items: Vec<numerals::Item> = Vec::with_capacity(original.chars().count() + 4);
    for (at, c) in original.char_indices() {
        let (start, end) = (at as u32, (at + c.len_utf8()) as u32);
        // Apostrophes first: NFKC would split the acute accent into a space and a mark.
        let c = if is_apostrophe(c) { '\'' } else { c };
        // ASCII and the CJK Unified Ideographs (most of any reply) have no
        // compatibility decomposition: NFKC leaves them as they are, so skip
        // building its iterator for them (a third of a reply's grading time).
        if c.is_ascii() || ('\u{4E00}'..='\u{9FFF}').contains(&c) {
            push_folded(&mut items, c, start, end);
            continue;
        }
        for folded in std::iter::once(c).nfkc().filter(|c| !is_invisible(*c)) {
            push_folded(&mut items, folded, start, end);
        }
    }
    links::mask(&mut items);
    entities::decode(&mut items);
    contractions::restore(&mut items);
    let items = numerals::convert(items);
    let bytes = items.iter().map(|item| item.0.len_utf8()).sum();
    let mut text = String::with_capacity(bytes);
    let mut origin = Vec::with_capacity(bytes);
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
    fn invisible_characters_and_stray_marks_do_not_split_words_or_numbers() {
        assert_eq!(normalize("加\u{200B}微\u{200D}信").text, "加微信");
        assert_eq!(normalize("5\u{FEFF}0\u{2060}0ml").text, "500ml");
        assert_eq!(normalize("5\u{0301}00ml").text, "500ml");
        assert_eq!(normalize("cafe\u{0301}").text, "cafe", "matching ignores accents written as marks");
        let original = "保温\u{200B}12小时";
        let normalized = normalize(original);
        let start = normalized.text.find("12").unwrap();
        let (s, e) = normalized.original_span(start, start + 2);
        assert_eq!(&original[s..e], "12");
    }

    #[test]
    fn the_fast_path_skips_only_characters_nfkc_leaves_alone() {
        // normalize() skips NFKC for ASCII and the CJK Unified Ideographs: that is
        // only sound if NFKC maps every one of them to itself.
        for c in (0u32..0x80).chain(0x4E00..=0x9FFF).filter_map(char::from_u32) {
            let folded: String = std::iter::once(c).nfkc().collect();
            assert_eq!(folded, c.to_string(), "U+{:04X}", c as u32);
        }
    }

    /// Every character of Unicode, alone and between a digit and itself: the
    /// random property test once found ｀ by luck; this finds every such class.
    #[test]
    fn normalising_any_character_twice_changes_nothing() {
        let mut wrong = Vec::new();
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            for text in [c.to_string(), format!("1{c}{c}")] {
                let once = normalize(&text).text;
                let twice = normalize(&once).text;
                if once != twice {
                    wrong.push(format!("U+{:04X}: {text:?} → {once:?} → {twice:?}", c as u32));
                }
            }
        }
        assert!(wrong.is_empty(), "{} not idempotent, e.g. {:?}", wrong.len(), &wrong[..wrong.len().min(5)]);
    }

    #[test]
    fn every_apostrophe_is_one_apostrophe() {
        for typed in ["can't", "can’t", "can`t", "can´t", "canʼt", "can‛t", "can‟t", "can′t", "canʻt"] {
            assert_eq!(normalize(typed).text, "can't", "{typed}");
        }
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
