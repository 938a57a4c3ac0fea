//! A content file's text, with byte→line:col conversion and a locator for values ron gives no position for.
//!
//! ron reports positions only for syntax and type errors. Semantic checks
//! (unknown node, duplicate id) run on deserialised values, so we find the value
//! again in the text: search a chain of anchors (e.g. the node's key, then the
//! quoted id) in a copy of the text whose comments are blanked out, so an id
//! mentioned in a comment is never pointed at.

use super::diagnostic::{Diagnostic, Level};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

#[derive(Debug, Clone)]
pub struct SourceFile {
    /// The path as shown to the user.
    pub path: PathBuf,
    pub text: String,
    /// `text` with every comment character replaced by a space (same byte offsets).
    /// Built on first use: clean content is never searched, so loading stays close
    /// to bare parsing speed.
    searchable: OnceLock<String>,
    line_starts: OnceLock<Vec<usize>>,
}

impl SourceFile {
    pub fn new(path: impl Into<PathBuf>, text: String) -> SourceFile {
        SourceFile { path: path.into(), text, searchable: OnceLock::new(), line_starts: OnceLock::new() }
    }

    fn searchable(&self) -> &str {
        self.searchable.get_or_init(|| blank_comments(&self.text))
    }

    fn line_starts(&self) -> &[usize] {
        self.line_starts
            .get_or_init(|| std::iter::once(0).chain(self.text.match_indices('\n').map(|(i, _)| i + 1)).collect())
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// 1-based line and character column of a byte offset.
    pub fn line_col(&self, byte: usize) -> (usize, usize) {
        let byte = byte.min(self.text.len());
        let line_starts = self.line_starts();
        let line_index = line_starts.partition_point(|&start| start <= byte) - 1;
        let line_start = line_starts[line_index];
        let col = self.text[line_start..byte].chars().count() + 1;
        (line_index + 1, col)
    }

    /// Finds `anchors` one after another, each after the previous, and returns the
    /// byte offset of the last. Returns the furthest anchor found when a later one
    /// is missing, so a diagnostic still points near the problem.
    pub fn locate(&self, anchors: &[&str]) -> usize {
        let mut at = 0;
        let mut found = 0;
        for anchor in anchors {
            match self.searchable()[at..].find(anchor) {
                Some(offset) => {
                    found = at + offset;
                    at = found + anchor.len();
                }
                None => break,
            }
        }
        found
    }

    /// Byte offset of the `n`-th (0-based) occurrence of `needle` after the anchors.
    pub fn locate_nth(&self, anchors: &[&str], needle: &str, n: usize) -> usize {
        let base = if anchors.is_empty() { 0 } else { self.locate(anchors) };
        let mut at = base;
        let mut found = base;
        for _ in 0..=n {
            match self.searchable()[at..].find(needle) {
                Some(offset) => {
                    found = at + offset;
                    at = found + needle.len();
                }
                None => break,
            }
        }
        found
    }

    /// Byte offset of the `n`-th (0-based) map key `"key":` at or after `from`
    /// (an occurrence of the same string that is not followed by `:` is a value, not a key).
    pub fn find_key(&self, from: usize, key: &str, n: usize) -> Option<usize> {
        let needle = quoted(key);
        let mut at = from.min(self.searchable().len());
        let mut seen = 0;
        while let Some(offset) = self.searchable()[at..].find(&needle) {
            let start = at + offset;
            at = start + needle.len();
            if self.searchable()[at..].trim_start().starts_with(':') {
                if seen == n {
                    return Some(start);
                }
                seen += 1;
            }
        }
        None
    }

    /// Byte offset of the first `needle` at or after `from`, or `from` when absent.
    pub fn find_from(&self, from: usize, needle: &str) -> usize {
        let from = from.min(self.searchable().len());
        self.searchable()[from..].find(needle).map(|i| from + i).unwrap_or(from)
    }

    /// A diagnostic at a byte offset of this file.
    pub fn diagnostic(&self, level: Level, code: &'static str, byte: usize, message: impl Into<String>) -> Diagnostic {
        let (line, col) = self.line_col(byte);
        Diagnostic { level, code, message: message.into(), path: self.path.clone(), line, col, help: None }
    }

    pub fn error(&self, code: &'static str, byte: usize, message: impl Into<String>) -> Diagnostic {
        self.diagnostic(Level::Error, code, byte, message)
    }

    pub fn warning(&self, code: &'static str, byte: usize, message: impl Into<String>) -> Diagnostic {
        self.diagnostic(Level::Warning, code, byte, message)
    }
}

/// `"id"` as it appears in RON source, for use as an anchor.
pub fn quoted(text: &str) -> String {
    format!("{text:?}")
}

/// Replaces `// line` and `/* block */` comments (nesting, as RON allows) by spaces,
/// leaving strings and byte offsets untouched.
fn blank_comments(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = bytes.to_vec();
    let mut i = 0;
    let mut in_string = false;
    while i < bytes.len() {
        let b = bytes[i];
        if in_string {
            if b == b'\\' {
                i += 2;
                continue;
            }
            if b == b'"' {
                in_string = false;
            }
            i += 1;
        } else if b == b'"' {
            in_string = true;
            i += 1;
        } else if b == b'/' && bytes.get(i + 1) == Some(&b'/') {
            while i < bytes.len() && bytes[i] != b'\n' {
                out[i] = b' ';
                i += 1;
            }
        } else if b == b'/' && bytes.get(i + 1) == Some(&b'*') {
            let mut depth = 0;
            while i < bytes.len() {
                if bytes[i] == b'/' && bytes.get(i + 1) == Some(&b'*') {
                    depth += 1;
                    out[i] = b' ';
                    out[i + 1] = b' ';
                    i += 2;
                } else if bytes[i] == b'*' && bytes.get(i + 1) == Some(&b'/') {
                    depth -= 1;
                    out[i] = b' ';
                    out[i + 1] = b' ';
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    if bytes[i] != b'\n' {
                        out[i] = b' ';
                    }
                    i += 1;
                }
            }
        } else {
            i += 1;
        }
    }
    // Only ASCII bytes of whole comments were replaced, but a comment may contain
    // multi-byte characters whose bytes became spaces one by one: still valid UTF-8.
    String::from_utf8(out).unwrap_or_else(|_| text.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters_not_bytes() {
        let file = SourceFile::new("a.ron", "(\n  名字: \"x\",\n)".into());
        let byte = file.text.find('"').unwrap();
        assert_eq!(file.line_col(byte), (2, 7));
    }

    #[test]
    fn locate_skips_comments_and_follows_anchors() {
        let text = "// \"b\" is mentioned here\n{ \"a\": X(goto: \"b\"), \"c\": Y(goto: \"b\") }";
        let file = SourceFile::new("a.ron", text.into());
        let at = file.locate(&["\"c\"", "\"b\""]);
        assert_eq!(file.line_col(at), (2, 35));
        let first = file.locate(&["\"b\""]);
        assert_eq!(file.line_col(first).0, 2);
    }

    #[test]
    fn comment_markers_inside_strings_are_kept() {
        let file = SourceFile::new("a.ron", "(url: \"http://x\", id: \"k\")".into());
        assert_eq!(file.locate(&["\"k\""]), 22);
    }

    #[test]
    fn find_key_skips_values_with_the_same_text() {
        let file = SourceFile::new("a.ron", "{ \"a\": X(then: \"b\"), \"b\" : Y }".into());
        assert_eq!(file.find_key(0, "b", 0), Some(21));
        assert_eq!(file.find_key(0, "b", 1), None);
    }

    #[test]
    fn nth_occurrence() {
        let file = SourceFile::new("a.ron", "[\"x\", \"x\", \"x\"]".into());
        assert_eq!(file.locate_nth(&[], "\"x\"", 2), 11);
    }
}
