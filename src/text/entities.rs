//! HTML character references left in pasted text ("AT&amp;T", "&quot;ok&quot;"):
//! replies copied from a web page or a social-media export carry them, and
//! "at&amp;t" would not meet the entry "at&t". Each becomes the one character
//! it stands for, spanning the whole reference in the original.

use super::numerals::{Item, spells};

/// The references worth reading, lowercase (items are lowercased already).
const ENTITIES: [(&str, char); 6] = [("amp", '&'), ("lt", '<'), ("gt", '>'), ("quot", '"'), ("apos", '\''), ("#39", '\'')];

/// The longest name in the table: the `;` must come within this many characters.
const LONGEST: usize = 4;

/// Replaces every known reference in `items` by its character.
pub(super) fn decode(items: &mut Vec<Item>) {
    if !items.iter().any(|item| item.0 == '&') {
        return;
    }
    let mut out: Vec<Item> = Vec::with_capacity(items.len());
    let mut at = 0;
    while at < items.len() {
        // "&amp;lt;" is left whole: decoding it to "&lt;" would make normalising
        // twice differ from normalising once.
        if items[at].0 == '&'
            && let Some((length, c)) = reference_at(&items[at + 1..])
            && !(c == '&' && reference_at(&items[at + length + 2..]).is_some())
        {
            let last = items[at + length + 1];
            out.push((c, items[at].1, last.2));
            at += length + 2;
            continue;
        }
        out.push(items[at]);
        at += 1;
    }
    *items = out;
}

/// The name's length and character when `rest` starts with a known name and `;`.
fn reference_at(rest: &[Item]) -> Option<(usize, char)> {
    let end = rest.iter().take(LONGEST + 1).position(|item| item.0 == ';')?;
    ENTITIES.iter().find(|(known, _)| spells(&rest[..end], known)).map(|(_, c)| (end, *c))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::numerals::{after_pass, items_of};

    fn decoded(text: &str) -> String {
        after_pass(text, decode)
    }

    #[test]
    fn references_become_their_characters() {
        assert_eq!(decoded("at&amp;t"), "at&t");
        assert_eq!(decoded("&quot;ok&quot; &lt;3 it&#39;s"), "\"ok\" <3 it's");
    }

    #[test]
    fn anything_else_with_an_ampersand_stays() {
        for text in ["r&d", "a & b", "&amp", "&nbsp;", "&;", "&", "x&amp"] {
            assert_eq!(decoded(text), text);
        }
    }

    #[test]
    fn decoding_twice_changes_nothing() {
        for text in ["&amp;amp;", "&amp;lt;", "&amp;&amp;", "at&amp;t"] {
            assert_eq!(decoded(&decoded(text)), decoded(text), "{text}");
        }
    }

    #[test]
    fn the_character_spans_the_whole_reference() {
        let mut list = items_of("a&amp;b");
        decode(&mut list);
        assert_eq!(list[1], ('&', 1, 6));
    }
}
