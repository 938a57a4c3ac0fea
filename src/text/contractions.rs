//! English contractions typed without the apostrophe ("dont", "im", "cant"),
//! as people type in chat, given it back so "i dont know" meets the entry
//! "i don't know". Only spellings that are no other English word are repaired:
//! "its", "ill", "were", "lets", "id" and "hell" are left as typed.

use super::numerals::Item;

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
    let mut inserts: Vec<(usize, u32, u32)> = Vec::new();
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
        // A word glued to an apostrophe, a digit or another letter ("don't", "im2")
        // is something else: only whole words between other characters count.
        let glued = |i: Option<&Item>| i.is_some_and(|item| item.0 == '\'' || item.0.is_alphanumeric());
        if at - start > LONGEST || glued(start.checked_sub(1).and_then(|i| items.get(i))) || glued(items.get(at)) {
            continue;
        }
        // ASCII letters only, so a word compares byte by byte without building a string.
        let word = &items[start..at];
        let same = |spelling: &str| spelling.len() == word.len() && spelling.bytes().zip(word).all(|(b, item)| char::from(b) == item.0);
        if let Some(&(_, split)) = MISSING_APOSTROPHE.iter().find(|(spelling, _)| same(spelling)) {
            let before = items[start + split - 1];
            inserts.push((start + split, before.1, before.2));
        }
    }
    // From the back, so earlier positions stay where they were.
    for &(position, from, to) in inserts.iter().rev() {
        items.insert(position, ('\'', from, to));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::numerals::items_of;

    fn restored(text: &str) -> String {
        let mut items = items_of(text);
        restore(&mut items);
        items.iter().map(|item| item.0).collect()
    }

    #[test]
    fn contractions_typed_without_the_apostrophe_get_it_back() {
        assert_eq!(restored("i dont know"), "i don't know");
        assert_eq!(restored("im not sure, we cant help"), "i'm not sure, we can't help");
        assert_eq!(restored("thats why youre here"), "that's why you're here");
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
