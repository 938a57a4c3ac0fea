//! File and folder names made from ids: one name per id (distinct ids never
//! share a name), one plain path component (never `/`, `.` or `..`), short
//! enough for any file system.

use sha2::{Digest, Sha256};

/// The longest trainee folder name, in bytes (file systems allow 255).
pub const FOLDER_MAX: usize = 120;
/// The longest id part of a record's file name, in bytes (two of them plus a
/// time and a seed stay well under 255).
pub const PART_MAX: usize = 60;

/// `text` as a name: ASCII letters and digits, `-` and Han characters stand
/// for themselves; every other character is written `_<hex code point>_`, so
/// the name can be read back and two ids never meet (`e.1` → `e_2e_1`,
/// `e_1` → `e_5f_1`). Only characters that no file system folds or normalises
/// are kept as they are (no case-folded Unicode letters, no compatibility
/// forms), so the names stay distinct on macOS and Windows too. An empty id
/// is `_empty_` (no id encodes to it: `m`, `p`, `t`, `y` are not hex). A name
/// longer than `max` keeps a prefix and ends in `~` and 128 bits of the id's
/// SHA-256 (`~` never occurs in a short name).
pub fn encode(text: &str, max: usize) -> String {
    if text.is_empty() {
        return "_empty_".into();
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if keeps(c) {
            out.push(c);
        } else {
            out.push_str(&format!("_{:x}_", c as u32));
        }
    }
    if out.len() <= max {
        return out;
    }
    let digest = Sha256::digest(text.as_bytes());
    let hash: String = digest[..16].iter().map(|b| format!("{b:02x}")).collect();
    let mut cut = max.saturating_sub(hash.len() + 1);
    while !out.is_char_boundary(cut) {
        cut -= 1;
    }
    format!("{}~{hash}", &out[..cut])
}

/// Characters kept as they are: ASCII letters, digits and `-`, and the Han
/// ideographs of the main blocks (caseless, and unchanged by NFC and NFD).
fn keeps(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '-' || matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0x20000..=0x2A6DF)
}

/// The name versions before 0.1 gave a trainee folder: letters, digits, `-`
/// and `_` kept, the rest `_` (so `e.1` and `e_1` met). Only for finding old
/// records; never used to save.
pub fn legacy(text: &str) -> String {
    let cleaned: String = text.chars().map(|c| if c.is_alphanumeric() || c == '-' || c == '_' { c } else { '_' }).collect();
    if cleaned.is_empty() { "anonymous".into() } else { cleaned }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::path::{Component, Path};

    /// Every name is one ordinary path component.
    fn one_component(name: &str) -> bool {
        let mut parts = Path::new(name).components();
        matches!(parts.next(), Some(Component::Normal(part)) if part == name) && parts.next().is_none()
    }

    #[test]
    fn punctuation_no_longer_merges_ids() {
        assert_eq!(encode("e1024", FOLDER_MAX), "e1024");
        assert_eq!(encode("张伟", FOLDER_MAX), "张伟");
        assert_ne!(encode("e.1", FOLDER_MAX), encode("e_1", FOLDER_MAX));
        assert_eq!(encode("..", FOLDER_MAX), "_2e__2e_");
        assert_eq!(encode("a/b", FOLDER_MAX), "a_2f_b");
        assert_eq!(encode("", FOLDER_MAX), "_empty_");
        assert_eq!(legacy("e.1"), legacy("e_1"), "the old naming merged them");
    }

    #[test]
    fn long_ids_are_cut_with_a_hash() {
        let long = "客".repeat(500);
        let name = encode(&long, FOLDER_MAX);
        assert!(name.len() <= FOLDER_MAX && name.contains('~'));
        assert_ne!(name, encode(&format!("{long}x"), FOLDER_MAX));
    }

    /// Ids as trainers and attackers type them: punctuation, CJK, separators,
    /// `..`, empty, very long.
    fn id() -> impl Strategy<Value = String> {
        prop_oneof![
            "[a-z0-9._/\\\\-]{0,6}",
            "[a-zA-Z0-9 ._:/\\\\~-]{0,12}",
            "[一-龥ａ-ｚA-Z._ -]{0,8}",
            ".{0,10}",
            "[a-z._]{100,400}",
            Just("..".to_string()),
            Just(String::new()),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(5000))]
        #[test]
        fn distinct_ids_get_distinct_names_inside_the_folder(a in id(), b in id()) {
            for max in [FOLDER_MAX, PART_MAX] {
                let (name_a, name_b) = (encode(&a, max), encode(&b, max));
                prop_assert!(name_a.len() <= max && name_b.len() <= max);
                prop_assert!(one_component(&name_a), "{a:?} → {name_a:?}");
                prop_assert!(!name_a.starts_with('.'), "{name_a:?} is hidden");
                prop_assert!(Path::new("/data").join(&name_a).starts_with("/data"));
                if a != b {
                    prop_assert_ne!(name_a, name_b, "{:?} and {:?}", a, b);
                }
            }
        }
    }
}
