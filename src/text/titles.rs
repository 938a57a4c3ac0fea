//! Short spans set in quotation or title marks ("'Sorry I Missed You' cards",
//! “谢谢惠顾”卡片, 《你好,旧时光》): words there name a product, a card or a
//! phrase; they are not said to the reader. So do greeting words the buyer
//! used inside a name ("Is the Hello Kitty charm back?" → "The Hello Kitty
//! charm is back").

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

/// Whether the words at `start..end` of normalised `reply` begin a name the
/// buyer used: those words and the word right after them (one character in
/// Chinese, a content word in English) stand in the buyer's normalised
/// message ("Is the Good Morning mug dishwasher safe?" → "Good Morning mug
/// is…", 你们那款“亲亲宝贝”辅食碗 → 亲亲宝贝辅食碗…). Words followed by a mark,
/// or Chinese words met only where the buyer's message opens ("你好在吗" →
/// "你好在的"), are a greeting answered in kind.
/// Returns where that name ends in `reply`.
pub fn echoed_name_end(reply: &str, start: usize, end: usize, buyer: &str) -> Option<usize> {
    let after = reply.get(end..)?;
    let name_end = if let Some(rest) = after.strip_prefix(' ') {
        // an English name goes on with a word of its own: "thank you for" is no name
        let word = rest.split(|c: char| !c.is_ascii_alphanumeric()).next().unwrap_or("");
        if word.is_empty() || FUNCTION_WORDS.contains(&word) {
            return None;
        }
        end + 1 + word.len()
    } else {
        // a Chinese one with one more character (哈喽熊, 亲亲宝贝)
        match after.chars().next() {
            Some(c) if !c.is_ascii() && c.is_alphabetic() => end + c.len_utf8(),
            _ => return None,
        }
    };
    let name = &reply[start..name_end];
    // A Chinese greeting the buyer opened with is answered in kind ("你好在吗" → "你好在的");
    // an English one runs on into a word of its own, which only a name does ("Hello Kitty的香薰")
    let english = name.is_ascii();
    buyer.match_indices(name).any(|(at, _)| english || !opens_message(buyer, at)).then_some(name_end)
}

/// Words that go on a greeting or a thanks rather than a name ("thanks for",
/// "hello again", "hi there", "sorry to").
const FUNCTION_WORDS: &[&str] = &[
    "a", "again", "all", "an", "and", "at", "everyone", "everybody", "folks", "for", "from", "guys", "i", "in", "is", "it", "much", "my", "of", "on",
    "our", "so", "team", "that", "the", "there", "this", "to", "very", "we", "with", "you", "your",
];

/// Whether only marks and spaces stand before `at` in its sentence of `text`.
fn opens_message(text: &str, at: usize) -> bool {
    text[..at].chars().rev().take_while(|c| !matches!(c, '.' | '!' | '?' | '。' | '！' | '？')).all(|c| !c.is_alphanumeric())
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
    fn greeting_words_the_buyer_used_inside_a_name_name_it() {
        assert!(echoed_name_end("the hello kitty charm is back", 4, 9, "is the hello kitty charm back yet?").is_some());
        assert!(echoed_name_end("亲亲宝贝碗能耐高温", 0, 6, "你们那款\"亲亲宝贝\"碗耐高温吗").is_some());
        assert!(echoed_name_end("哈喽熊那套还有", 0, 6, "你们家哈喽熊的积木还有吗").is_some());
        assert!(echoed_name_end("hello kitty款卖完了", 0, 5, "hello kitty的香薰还有吗").is_some());
        assert!(echoed_name_end("thank you for the photos", 0, 9, "i wanted to thank you for the refund").is_none());
        // a greeting answered in kind, or followed by a mark, names nothing
        assert!(echoed_name_end("你好在的", 0, 6, "你好在吗").is_none());
        assert!(echoed_name_end("hello, it ships today", 0, 5, "the hello, kitty").is_none());
        assert!(echoed_name_end("hi there! yes", 0, 2, "ok. hi there, is it in stock?").is_none());
        assert!(echoed_name_end("亲,有货的", 0, 3, "这款亲,有货吗").is_none());
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
