//! Width and case folding (NFKC + lowercase) so that `３０４` and `304`, `ＭＬ` and `ml` compare equal.

use unicode_normalization::UnicodeNormalization;

/// Folds full-width forms to half-width (NFKC) and lowercases ASCII.
/// Used for ids and patterns where trainers may type either width.
pub fn fold_width(text: &str) -> String {
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
}
