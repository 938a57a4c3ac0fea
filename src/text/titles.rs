//! Short spans set in quotation or title marks ("'Sorry I Missed You' cards",
//! “谢谢惠顾”卡片, 《你好,旧时光》): words there name a product, a card or a
//! phrase; they are not said to the reader.

/// The longest span, in characters, that still reads as a name. A longer
/// quotation is a quoted sentence, whose words may well be meant.
pub const MAX_TITLE_CHARS: usize = 32;

/// Byte ranges (inside the marks) of the short quoted spans of normalised
/// `text`: double quotes taken in pairs (CJK quotes are folded to `"`), 《…》,
/// and single quotes that open before a word and close after one, so the
/// apostrophes of "can't" and "customers'" open and close nothing.
pub fn title_spans(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    // Most replies hold no mark at all: one byte scan, no allocation.
    if !text.bytes().any(|b| b == b'"' || b == b'\'') && !text.contains('《') {
        return spans;
    }
    let mut double_open: Option<usize> = None;
    let mut book_open: Option<usize> = None;
    let mut single_open: Option<usize> = None;
    let mut before: Option<char> = None;
    for (at, c) in text.char_indices() {
        let end = at + c.len_utf8();
        let after = text[end..].chars().next();
        let previous = before.replace(c);
        match c {
            '"' => match double_open.take() {
                Some(from) => push_short(&mut spans, text, from, at),
                None => double_open = Some(end),
            },
            '《' => book_open = Some(end),
            '》' => {
                if let Some(from) = book_open.take() {
                    push_short(&mut spans, text, from, at);
                }
            }
            '\'' => {
                let word_before = previous.is_some_and(char::is_alphanumeric);
                let word_after = after.is_some_and(char::is_alphanumeric);
                if !word_before && word_after {
                    single_open = Some(end);
                } else if word_before
                    && !word_after
                    && let Some(from) = single_open.take()
                {
                    push_short(&mut spans, text, from, at);
                }
            }
            _ => {}
        }
    }
    spans
}

fn push_short(spans: &mut Vec<(usize, usize)>, text: &str, from: usize, to: usize) {
    let inside = &text[from..to];
    let length = inside.chars().count();
    if (1..=MAX_TITLE_CHARS).contains(&length) {
        spans.push((from, to));
    }
}

/// Whether `start..end` lies wholly inside one of `spans`.
pub fn inside_any(spans: &[(usize, usize)], start: usize, end: usize) -> bool {
    spans.iter().any(|&(from, to)| from <= start && end <= to)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(text: &str) -> Vec<&str> {
        title_spans(text).into_iter().map(|(a, b)| &text[a..b]).collect()
    }

    #[test]
    fn double_quotes_pair_up() {
        assert_eq!(quoted("页面上写着\"谢谢惠顾\"的卡片,另有\"新年快乐\"款"), ["谢谢惠顾", "新年快乐"]);
    }

    #[test]
    fn single_quotes_open_before_a_word_and_close_after_one() {
        assert_eq!(quoted("our 'sorry i missed you' cards"), ["sorry i missed you"]);
        assert_eq!(quoted("the 'can't stop' mug"), ["can't stop"]);
        assert!(quoted("we can't, and the customers' orders won't wait").is_empty());
    }

    #[test]
    fn title_marks_name_a_book_or_a_song() {
        assert_eq!(quoted("这首《你好》很受欢迎"), ["你好"]);
    }

    #[test]
    fn a_long_quotation_is_a_sentence_not_a_name() {
        let long = format!("\"{}\"", "谢".repeat(MAX_TITLE_CHARS + 1));
        assert!(quoted(&long).is_empty());
        assert!(quoted("an unclosed \"hello there").is_empty());
    }

    #[test]
    fn inside_any_needs_the_whole_range_inside() {
        let spans = [(4, 10)];
        assert!(inside_any(&spans, 4, 10));
        assert!(!inside_any(&spans, 3, 6));
    }
}
