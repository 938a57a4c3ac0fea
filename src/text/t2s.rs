//! Traditional → Simplified Chinese, one character for one character, so every
//! position in normalised text still maps to the trainee's original text.
//!
//! The table is derived once from `hanconv` (MIT, OpenCC's dictionaries) by
//! converting each CJK character on its own and keeping the 1:1 results.
//! Phrase-level conversions (which may change length) are deliberately not
//! used: for matching phrases, the character table is enough.

use std::collections::HashMap;
use std::sync::OnceLock;

/// The CJK blocks the table covers: Extension A and the Unified Ideographs
/// (one run, 0x3400..=0x9FFF), then the Compatibility Ideographs.
const RUNS: [(u32, u32); 2] = [(0x3400, 0x9FFF), (0xF900, 0xFAFF)];

/// Characters folded beyond OpenCC's table, so phrases written the Simplified
/// way match. 妳 is Taiwan's written feminine "you"; OpenCC keeps it, but
/// Simplified writing has only 你, and every phrase about the buyer is written
/// with 你. Taiwan writes the aspect particle 着 as 著 (忙著呢, 等著吧); OpenCC
/// keeps 著, a Simplified character too (显著). Phrases are folded the same
/// way, so 著名 still matches 著名, and 忙著 matches a phrase written 忙着.
const FOLDS: [(char, char); 2] = [('妳', '你'), ('著', '着')];

/// One slot per character of `RUNS` (its Simplified form, or itself): a lookup
/// is an index, which matters since every Han character of every reply goes
/// through it (a hash map cost a tenth of normalising a reply).
fn table() -> &'static [char] {
    static TABLE: OnceLock<Box<[char]>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut map = HashMap::new();
        let mut buffer = String::with_capacity(4);
        for code in RUNS.iter().flat_map(|(from, to)| *from..=*to) {
            let Some(c) = char::from_u32(code) else { continue };
            buffer.clear();
            buffer.push(c);
            let converted = hanconv::t2s(&buffer);
            let mut chars = converted.chars();
            if let (Some(simplified), None) = (chars.next(), chars.next())
                && simplified != c
            {
                map.insert(c, simplified);
            }
        }
        map.extend(FOLDS);
        // OpenCC converts some characters to another Traditional form (薴 → 苧,
        // which is itself 苎): follow each chain to its end, so converting
        // converted text changes nothing (normalisation must be idempotent).
        let follow = |c: char| {
            let mut end = map[&c];
            for _ in 0..4 {
                match map.get(&end) {
                    Some(&next) if next != end && next != c => end = next,
                    _ => break,
                }
            }
            end
        };
        RUNS.iter()
            .flat_map(|(from, to)| *from..=*to)
            .map(|code| {
                let c = char::from_u32(code).expect("the CJK runs hold no surrogates");
                if map.contains_key(&c) { follow(c) } else { c }
            })
            .collect()
    })
}

/// The Simplified form of one character (itself if it has none).
pub fn to_simplified(c: char) -> char {
    let code = c as u32;
    if code < RUNS[0].0 {
        return c;
    }
    let mut offset = 0;
    for (from, to) in RUNS {
        if (from..=to).contains(&code) {
            return table()[(offset + code - from) as usize];
        }
        offset += to - from + 1;
    }
    c
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
        let text: String = "機器忙著呢".chars().map(to_simplified).collect();
        assert_eq!(text, "机器忙着呢");
    }

    #[test]
    fn simplifying_twice_changes_nothing() {
        for code in (0x3400u32..=0x4DBF).chain(0x4E00..=0x9FFF).chain(0xF900..=0xFAFF) {
            let Some(c) = char::from_u32(code) else { continue };
            let once = to_simplified(c);
            assert_eq!(to_simplified(once), once, "{c} simplifies to {once}, which simplifies again");
        }
    }

    #[test]
    fn simplified_and_ascii_are_unchanged() {
        let text = "亲,您好 500ml";
        assert_eq!(text.chars().map(to_simplified).collect::<String>(), text);
    }
}
