//! Swear words written with asterisks for letters ("f***", "sh*t", "a**hole"):
//! masking hides the letters, not the swearing, and no phrase list can spell
//! every mask (a lexicon `*` is a gap, not a letter).
//!
//! Why a shape and not a list: the published "never say" lists print their
//! examples masked ("Oh s**t!", "OH SH*T!"), and a trainee who types "f**k"
//! has sworn at the buyer. The shape is a Latin word that starts with a letter
//! and has asterisks standing in for letters: one between letters ("sh*t",
//! "f*ck") or two or more at its end ("f***", "s**"). A single trailing
//! asterisk is a footnote or a grade ("price*", "A*"), a word opening on one
//! is emphasis or a placeholder ("*hotel name*"), and a run before a digit is
//! arithmetic ("x**2"): none of those is a mask.

/// Byte spans of the masked words in `text`.
pub fn masked_words(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        let starts_word = bytes[at].is_ascii_alphabetic() && (at == 0 || !is_word_byte(bytes[at - 1]));
        if !starts_word {
            at += 1;
            continue;
        }
        let start = at;
        while at < bytes.len() && is_word_byte(bytes[at]) {
            at += 1;
        }
        // The word may not stop before a digit ("x**2") or run on into one.
        let before_digit = bytes.get(at).is_some_and(u8::is_ascii_digit);
        if !before_digit && is_mask(&text[start..at]) {
            spans.push((start, at));
        }
    }
    spans
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphabetic() || b == b'*'
}

/// Whether a word of letters and asterisks (starting with a letter) masks one.
fn is_mask(word: &str) -> bool {
    let stars = word.bytes().filter(|b| *b == b'*').count();
    let letters = word.len() - stars;
    if stars == 0 || word.len() < 3 || letters > 6 {
        return false;
    }
    let trimmed = word.trim_end_matches('*');
    let trailing = word.len() - trimmed.len();
    let inner = trimmed.contains('*');
    inner || trailing >= 2
}

#[cfg(test)]
mod tests {
    use super::masked_words;

    fn masked(text: &str) -> Vec<&str> {
        masked_words(text).into_iter().map(|(s, e)| &text[s..e]).collect()
    }

    #[test]
    fn asterisks_for_letters_mask_a_word() {
        assert_eq!(masked("Oh s**t!"), ["s**t"]);
        assert_eq!(masked("OH SH*T!"), ["SH*T"]);
        assert_eq!(masked("Then f*** off."), ["f***"]);
        assert_eq!(masked("what a f*cking mess"), ["f*cking"]);
        assert_eq!(masked("you a**hole"), ["a**hole"]);
        assert_eq!(masked("你这个S**"), ["S**"]);
    }

    #[test]
    fn footnotes_grades_emphasis_and_arithmetic_are_not_masks() {
        for text in ["Prices* exclude VAT", "She got an A* in maths", "**Note** the box is heavy", "*hotel name* is across town", "x**2 grows fast", "5* service", "rated 4.5*", "a * b", "**"] {
            assert!(masked(text).is_empty(), "{text}: {:?}", masked(text));
        }
    }
}
