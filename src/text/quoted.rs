//! Quoting a value in a message (`"thermos-500"`, `'\t'`), written out by hand
//! rather than left to `Debug`, whose output Rust does not promise to keep.

use std::fmt::{self, Display, Write};

/// A string in double quotes, escaped as a RON (and Rust) string literal:
/// `\"`, `\\`, `\n`, `\t`, `\u{…}` for invisible characters; a `'` stays as
/// it is. Matches how authors write strings in content files, so the checker
/// also uses it to find a string literal again in the source.
#[derive(Debug, Clone, Copy)]
pub struct Quoted<'a>(pub &'a str);

impl Display for Quoted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_char('"')?;
        for c in self.0.chars() {
            match c {
                '\'' => f.write_char(c)?,
                _ => write!(f, "{}", c.escape_debug())?,
            }
        }
        f.write_char('"')
    }
}

/// A character in single quotes, escaped like `Quoted` (a `"` stays as it is).
#[derive(Debug, Clone, Copy)]
pub struct QuotedChar(pub char);

impl Display for QuotedChar {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_char('\'')?;
        match self.0 {
            '"' => f.write_char('"')?,
            c => write!(f, "{}", c.escape_debug())?,
        }
        f.write_char('\'')
    }
}

/// Each item quoted, joined by `, ` (`"a", "b"`); nothing for no items.
pub fn quoted_list<S: AsRef<str>>(items: impl IntoIterator<Item = S>) -> String {
    let mut out = String::new();
    for (i, item) in items.into_iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        write!(out, "{}", Quoted(item.as_ref())).expect("writing to a String cannot fail");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const TRICKY: [&str; 10] = ["", "thermos-500", "can't", "say \"hi\"", "a\\b", "tab\there\nnew", "保温杯", "e\u{301}", "\u{301}start", "zero\u{200b}width\u{feff}\u{7f}\0"];

    #[test]
    fn quoted_strings_read_as_they_always_did() {
        // Pinned against what `{:?}` printed when messages and saved rule ids
        // (`critical:Did("...")`) were made with it.
        for text in TRICKY {
            assert_eq!(Quoted(text).to_string(), format!("{text:?}"), "{text}");
        }
        assert_eq!(Quoted("can't \"x\"").to_string(), r#""can't \"x\"""#);
    }

    #[test]
    fn quoted_chars_read_as_they_always_did() {
        for c in ['a', ' ', '\'', '"', '\\', '\t', '\n', '\u{301}', '\u{200b}', '保', '\0'] {
            assert_eq!(QuotedChar(c).to_string(), format!("{c:?}"), "{c}");
        }
    }

    #[test]
    fn a_list_is_quoted_items_joined() {
        assert_eq!(quoted_list(["a", "b\"c"]), r#""a", "b\"c""#);
        assert_eq!(quoted_list(Vec::<String>::new()), "");
    }
}
