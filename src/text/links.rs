//! Web addresses in a reply ("https://support.example.com/store-cant-find-app",
//! "www.example.com/refund-policy?id=5") are read as one blank: the words,
//! digits and question marks inside a link are not the agent's words, yet
//! "cant", "refund" or "?id=" would be heard as a refusal, an offer or a
//! question, and "/13765/" as a quantity. The blank is the object replacement
//! character, not a space: a reply that opens with a link does not open with
//! the word after it (a 亲 there is no greeting). It spans the whole link in
//! the original, so nothing the trainee typed loses its place.

use super::numerals::{Item, spells};

/// How a link starts (items are lowercased already).
const STARTS: [&str; 3] = ["https://", "http://", "www."];

/// Characters a link is made of (RFC 3986's unreserved and reserved sets, and %).
fn in_link(c: char) -> bool {
    c.is_ascii_alphanumeric() || "-._~:/?#[]@!$&'()*+,;=%".contains(c)
}

/// Characters that end a sentence or clause more often than a link: a link
/// written before them ("see https://x.com/help.") gives them back.
fn trails(c: char) -> bool {
    ".,;:!?)'\"]".contains(c)
}

/// What a link reads as: U+FFFC, the placeholder for an embedded object.
pub(crate) const LINK: char = '\u{FFFC}';

/// Replaces every link in `items` by one `LINK` spanning it.
pub(super) fn mask(items: &mut Vec<Item>) {
    // Most replies hold no link: find the first before copying anything.
    let Some(first) = (0..items.len()).find(|&at| link_at(items, at).is_some()) else {
        return;
    };
    let mut out: Vec<Item> = Vec::with_capacity(items.len());
    out.extend_from_slice(&items[..first]);
    let mut at = first;
    while at < items.len() {
        if let Some(end) = link_at(items, at) {
            out.push((LINK, items[at].1, items[end - 1].2));
            at = end;
            continue;
        }
        out.push(items[at]);
        at += 1;
    }
    *items = out;
}

/// Where the link starting at `at` ends (exclusive), if one starts there: a
/// known start after no ASCII letter or digit (Chinese may run straight into
/// it: 点这里http://…), then link characters, less
/// any closing punctuation.
fn link_at(items: &[Item], at: usize) -> Option<usize> {
    // Every start begins with h or w: one comparison rules out nearly every position.
    if !matches!(items[at].0, 'h' | 'w') || (at > 0 && items[at - 1].0.is_ascii_alphanumeric()) {
        return None;
    }
    let start = STARTS.iter().find(|start| items.len() - at > start.len() && spells(&items[at..at + start.len()], start))?;
    let mut end = at + start.len();
    while end < items.len() && in_link(items[end].0) {
        end += 1;
    }
    while end > at + start.len() && trails(items[end - 1].0) {
        end -= 1;
    }
    // "www." alone, or a scheme with nothing after it, is no link.
    (end > at + start.len()).then_some(end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::numerals::{after_pass, items_of};

    /// The masked text, with the link placeholder shown as `#`.
    fn masked(text: &str) -> String {
        after_pass(text, mask).replace(LINK, "#")
    }

    #[test]
    fn a_link_becomes_one_blank() {
        assert_eq!(masked("see https://help.example.com/store-cant-find-app for more"), "see # for more");
        assert_eq!(masked("点这里http://t.cn/zq3x9查看"), "点这里#查看");
        assert_eq!(masked("www.example.com/refund?id=5 ok"), "# ok");
    }

    #[test]
    fn closing_punctuation_after_a_link_stays() {
        assert_eq!(masked("read https://example.com/help. thanks"), "read #. thanks");
        assert_eq!(masked("(see https://example.com/a)"), "(see #)");
    }

    #[test]
    fn words_that_only_look_like_a_start_stay() {
        for text in ["http:// alone", "www. is not a link", "awww.nice", "shttp://x", "no link here", "网址"] {
            assert_eq!(masked(text), text);
        }
    }

    #[test]
    fn the_blank_spans_the_whole_link() {
        let mut list = items_of("a http://x.cn/b c");
        mask(&mut list);
        assert_eq!(list[2], (LINK, 2, 15));
    }

    #[test]
    fn masking_twice_changes_nothing() {
        for text in ["https://a.b/c?d=e", "x www.y.z/w. v", "http://"] {
            let once = after_pass(text, mask);
            assert_eq!(after_pass(&once, mask), once, "{text}");
        }
    }
}
