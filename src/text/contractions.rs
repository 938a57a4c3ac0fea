//! English contractions typed without the apostrophe ("dont", "im", "cant"),
//! as people type in chat, given it back so "i dont know" meets the entry
//! "i don't know". Only spellings that are no other English word are repaired:
//! "its", "ill", "were", "lets", "id" and "hell" are left as typed.

use super::numerals::{Item, spells};

/// The lowercase spelling without the apostrophe and where it goes back (in characters).
const MISSING_APOSTROPHE: [(&str, usize); 31] = [
    ("dont", 3),
    ("cant", 3),
    ("wont", 3),
    ("isnt", 3),
    ("arent", 4),
    ("wasnt", 4),
    ("werent", 5),
    ("doesnt", 5),
    ("didnt", 4),
    ("hasnt", 4),
    ("havent", 5),
    ("hadnt", 4),
    ("couldnt", 6),
    ("shouldnt", 7),
    ("wouldnt", 6),
    ("mustnt", 5),
    ("aint", 3),
    ("im", 1),
    ("ive", 1),
    ("youre", 3),
    ("youve", 3),
    ("youll", 3),
    ("youd", 3),
    ("theyre", 4),
    ("theyve", 4),
    ("weve", 2),
    ("thats", 4),
    ("theres", 5),
    ("whats", 4),
    ("wheres", 5),
    ("shes", 3),
];

/// The longest spelling in the table: a longer word is skipped without a look-up.
const LONGEST: usize = 8;

/// Puts the apostrophe back into every contraction in `items` that was typed
/// without one. The apostrophe takes the span of the letter before it, so a
/// match still highlights what was typed.
pub(super) fn restore(items: &mut Vec<Item>) {
    // Most replies are Chinese or spelled properly: look before building anything.
    if !items.iter().any(|item| item.0.is_ascii_alphabetic()) {
        return;
    }
    // A word glued to an apostrophe, a digit or another letter ("don't", "im2")
    // is something else: only whole words between other characters count.
    let glued = |item: Option<&Item>| item.is_some_and(|item| item.0 == '\'' || item.0.is_alphanumeric());
    // Where an apostrophe goes, found first: most replies need none, and then
    // nothing is copied.
    let mut apostrophes: Vec<usize> = Vec::new();
    let mut at = 0;
    while at < items.len() {
        if !items[at].0.is_ascii_alphabetic() {
            at += 1;
            continue;
        }
        let start = at;
        while at < items.len() && items[at].0.is_ascii_alphabetic() {
            at += 1;
        }
        let word = &items[start..at];
        if word.len() > LONGEST || glued(start.checked_sub(1).and_then(|i| items.get(i))) || glued(items.get(at)) {
            continue;
        }
        if let Some((_, split)) = MISSING_APOSTROPHE.iter().find(|(spelling, _)| spells(word, spelling)) {
            apostrophes.push(start + split);
        }
    }
    if apostrophes.is_empty() {
        return;
    }
    // One pass into a new list: inserting in place would shift the rest for every contraction.
    let mut out: Vec<Item> = Vec::with_capacity(items.len() + apostrophes.len());
    let mut from = 0;
    for position in apostrophes {
        out.extend_from_slice(&items[from..position]);
        let before = items[position - 1];
        out.push(('\'', before.1, before.2));
        from = position;
    }
    out.extend_from_slice(&items[from..]);
    *items = out;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::numerals::{after_pass, items_of};

    fn restored(text: &str) -> String {
        after_pass(text, restore)
    }

    #[test]
    fn contractions_typed_without_the_apostrophe_get_it_back() {
        assert_eq!(restored("i dont know"), "i don't know");
        assert_eq!(restored("im not sure, we cant help"), "i'm not sure, we can't help");
        assert_eq!(restored("thats why youre here"), "that's why you're here");
        assert_eq!(restored("dont,cant wont"), "don't,can't won't", "several in one reply, each in its place");
    }

    #[test]
    fn words_that_are_words_stay_as_typed() {
        for text in ["its fine", "i was ill", "we were there", "lets go", "ids", "important", "cantonese", "don't", "im2"] {
            assert_eq!(restored(text), text);
        }
    }

    #[test]
    fn the_apostrophe_points_at_the_letter_before_it() {
        let mut items = items_of("dont");
        restore(&mut items);
        assert_eq!(items[3], ('\'', 2, 3));
    }

    #[test]
    fn every_spelling_splits_inside_the_word() {
        for (spelling, split) in MISSING_APOSTROPHE {
            assert!(split > 0 && split < spelling.len() && spelling.len() <= LONGEST, "{spelling}");
        }
    }
}
