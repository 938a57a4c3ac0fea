//! Width and case folding (NFKC + lowercase) so that `３０４` and `304`, `ＭＬ` and `ml` compare equal.

use unicode_normalization::UnicodeNormalization;

/// Folds full-width forms to half-width (NFKC) and lowercases ASCII.
/// Used for ids and patterns where trainers may type either width.
pub fn fold_width(text: &str) -> String {
    // ASCII is its own NFKC form: skip the normaliser, the costly part of
    // `kefu check` on lexicons with thousands of English phrases.
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    text.nfkc().flat_map(char::to_lowercase).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_width_digits_and_letters_fold() {
        assert_eq!(fold_width("３０４不锈钢 ５００ＭＬ"), "304不锈钢 500ml");
    }

    #[test]
    fn chinese_text_is_kept() {
        assert_eq!(fold_width("保温杯"), "保温杯");
    }

    /// The ASCII shortcut gives what the normaliser gives.
    #[test]
    fn ascii_folds_as_the_normaliser_does() {
        let all: String = (0u8..128).map(char::from).collect();
        assert_eq!(fold_width(&all), all.nfkc().flat_map(char::to_lowercase).collect::<String>());
        assert_eq!(fold_width("Order No. 1"), "order no. 1");
    }
}
