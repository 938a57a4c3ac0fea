//! Traditional → Simplified Chinese, one character for one character, so every
//! position in normalised text still maps to the trainee's original text.
//!
//! The table is derived once from `hanconv` (MIT, OpenCC's dictionaries) by
//! converting each CJK character on its own and keeping the 1:1 results.
//! Phrase-level conversions (which may change length) are deliberately not
//! used: for matching phrases, the character table is enough.

use std::collections::HashMap;
use std::sync::OnceLock;

fn table() -> &'static HashMap<char, char> {
    static TABLE: OnceLock<HashMap<char, char>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = HashMap::new();
        let mut buffer = String::with_capacity(4);
        for code in (0x3400u32..=0x4DBF).chain(0x4E00..=0x9FFF).chain(0xF900..=0xFAFF) {
            let Some(c) = char::from_u32(code) else { continue };
            buffer.clear();
            buffer.push(c);
            let converted = hanconv::t2s(&buffer);
            let mut chars = converted.chars();
            if let (Some(simplified), None) = (chars.next(), chars.next())
                && simplified != c
            {
                table.insert(c, simplified);
            }
        }
        table
    })
}

/// The Simplified form of one character (itself if it has none).
pub fn to_simplified(c: char) -> char {
    if (c as u32) < 0x3400 {
        return c;
    }
    // 妳 is Taiwan's written feminine "you"; OpenCC keeps it, but Simplified
    // writing has only 你, and every phrase about the buyer is written with 你.
    if c == '妳' {
        return '你';
    }
    table().get(&c).copied().unwrap_or(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_traditional_characters_simplify() {
        let text: String = "訂單號碼,請稍等,退貨運費,謝謝您的耐心".chars().map(to_simplified).collect();
        assert_eq!(text, "订单号码,请稍等,退货运费,谢谢您的耐心");
        let text: String = "妳看過商品頁面了嗎".chars().map(to_simplified).collect();
        assert_eq!(text, "你看过商品页面了吗");
    }

    #[test]
    fn simplified_and_ascii_are_unchanged() {
        let text = "亲,您好 500ml";
        assert_eq!(text.chars().map(to_simplified).collect::<String>(), text);
    }
}
