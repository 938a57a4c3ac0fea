//! A content file's text, with byte→line:col conversion and a locator for values ron gives no position for.
//!
//! ron reports positions only for syntax and type errors. Semantic checks
//! (unknown node, duplicate id) run on deserialised values, so we find the value
//! again in the text: search a chain of anchors (e.g. the node's key, then the
//! quoted id) in a copy of the text whose comments are blanked out, so an id
//! mentioned in a comment is never pointed at.
//!
//! Every search goes through an index (each string literal's offsets, built in one
//! pass; any other needle's offsets, scanned once and kept), so a file with N
//! problems is located in O(text + N log N), not O(N × text): a branch with
//! 100,000 alternatives must not take minutes to check.

use crate::text::Quoted;
use super::diagnostic::{Diagnostic, Level};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

#[derive(Debug)]
pub struct SourceFile {
    /// The path as shown to the user.
    pub path: PathBuf,
    pub text: String,
    /// `text` with every comment character replaced by a space (same byte offsets).
    /// Built on first use: clean content is never searched, so loading stays close
    /// to bare parsing speed.
    searchable: OnceLock<String>,
    line_starts: OnceLock<Vec<usize>>,
    /// `(byte, characters before it)` every `CHAR_MARK_EVERY` characters, so a column
    /// is counted from a nearby mark, not from the start of a very long line.
    char_marks: OnceLock<Vec<(usize, usize)>>,
    /// Each string literal of `searchable` (quotes included, as written) → its offsets.
    literals: OnceLock<HashMap<String, Arc<Occurrences>>>,
    /// Offsets of other needles, and of map keys, each found once and kept.
    needles: Mutex<HashMap<String, Arc<Occurrences>>>,
    keys: Mutex<HashMap<String, Arc<Occurrences>>>,
}

impl Clone for SourceFile {
    /// The caches are rebuilt on demand: cloning copies only what the file is.
    fn clone(&self) -> SourceFile {
        SourceFile::new(self.path.clone(), self.text.clone())
    }
}

/// How far apart (in characters) the marks of `SourceFile::chars_before` are.
const CHAR_MARK_EVERY: usize = 64;

/// Where a needle occurs, ascending (overlapping occurrences included, as `str::find`
/// from any offset would see them).
#[derive(Debug, Default)]
struct Occurrences {
    at: Vec<usize>,
    /// No two occurrences overlap, so "the next one after this one ends" is simply the next.
    disjoint: bool,
}

impl Occurrences {
    fn new(at: Vec<usize>, len: usize) -> Occurrences {
        let disjoint = at.windows(2).all(|pair| pair[1] >= pair[0] + len);
        Occurrences { at, disjoint }
    }

    /// Index of the first occurrence at or after `from`.
    fn first_from(&self, from: usize) -> usize {
        self.at.partition_point(|&at| at < from)
    }

    /// The `n`-th (0-based) occurrence at or after `from`, each after the previous one
    /// ends; `None` when there are fewer.
    fn nth_from(&self, from: usize, len: usize, n: usize) -> Option<usize> {
        if self.disjoint {
            return self.at.get(self.first_from(from) + n).copied();
        }
        let mut at = from;
        let mut found = None;
        for _ in 0..=n {
            let next = *self.at.get(self.first_from(at))?;
            found = Some(next);
            at = next + len.max(1);
        }
        found
    }
}

impl SourceFile {
    pub fn new(path: impl Into<PathBuf>, text: String) -> SourceFile {
        SourceFile {
            path: path.into(),
            text,
            searchable: OnceLock::new(),
            line_starts: OnceLock::new(),
            char_marks: OnceLock::new(),
            literals: OnceLock::new(),
            needles: Mutex::default(),
            keys: Mutex::default(),
        }
    }

    fn searchable(&self) -> &str {
        self.searchable.get_or_init(|| blank_comments(&self.text))
    }

    /// Every offset of `needle` in the searchable text, from the index.
    fn occurrences(&self, needle: &str) -> Arc<Occurrences> {
        let literals = self.literals.get_or_init(|| literal_index(self.searchable()));
        if let Some(found) = literals.get(needle) {
            return Arc::clone(found);
        }
        // A cache is only ever added to, so a panic elsewhere cannot leave it wrong.
        let mut needles = self.needles.lock().unwrap_or_else(PoisonError::into_inner);
        Arc::clone(
            needles
                .entry(needle.to_string())
                .or_insert_with(|| Arc::new(Occurrences::new(scan(self.searchable(), needle), needle.len()))),
        )
    }

    /// Offsets of `"key"` written as a map key (followed by `:`).
    fn key_occurrences(&self, key: &str) -> Arc<Occurrences> {
        let mut keys = self.keys.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(found) = keys.get(key) {
            return Arc::clone(found);
        }
        let needle = quoted(key);
        let text = self.searchable();
        let at: Vec<usize> = self
            .occurrences(&needle)
            .at
            .iter()
            .copied()
            .filter(|&start| text[start + needle.len()..].trim_start().starts_with(':'))
            .collect();
        let found = Arc::new(Occurrences::new(at, needle.len()));
        keys.insert(key.to_string(), Arc::clone(&found));
        found
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
        let col = self.chars_before(byte) - self.chars_before(line_start) + 1;
        (line_index + 1, col)
    }

    /// How many characters precede `byte` (a char boundary): from the nearest mark,
    /// so N diagnostics on one 100,000-alternative line cost N log N, not N × line.
    fn chars_before(&self, byte: usize) -> usize {
        let marks = self.char_marks.get_or_init(|| {
            let mut marks = vec![(0, 0)];
            marks.extend(
                self.text.char_indices().enumerate().skip(1).step_by(CHAR_MARK_EVERY).map(|(count, (at, _))| (at, count)),
            );
            marks
        });
        let (mark, before) = marks[marks.partition_point(|&(at, _)| at <= byte) - 1];
        before + self.text.get(mark..byte).map_or(0, |rest| rest.chars().count())
    }

    /// Finds `anchors` one after another, each after the previous, and returns the
    /// byte offset of the last. Returns the furthest anchor found when a later one
    /// is missing, so a diagnostic still points near the problem.
    pub fn locate(&self, anchors: &[&str]) -> usize {
        let mut at = 0;
        let mut found = 0;
        for anchor in anchors {
            match self.occurrences(anchor).nth_from(at, anchor.len(), 0) {
                Some(offset) => {
                    found = offset;
                    at = found + anchor.len();
                }
                None => break,
            }
        }
        found
    }

    /// Byte offset of the `n`-th (0-based) occurrence of `needle` after the anchors
    /// (the last one found when there are fewer).
    pub fn locate_nth(&self, anchors: &[&str], needle: &str, n: usize) -> usize {
        let base = if anchors.is_empty() { 0 } else { self.locate(anchors) };
        let occurrences = self.occurrences(needle);
        match occurrences.nth_from(base, needle.len(), n) {
            Some(found) => found,
            None => {
                // Fewer than n + 1: the last of the chain, as a scan that ran out would give.
                let first = occurrences.first_from(base);
                if first >= occurrences.at.len() {
                    base
                } else if occurrences.disjoint {
                    occurrences.at[occurrences.at.len() - 1]
                } else {
                    (0..n).rev().find_map(|k| occurrences.nth_from(base, needle.len(), k)).unwrap_or(base)
                }
            }
        }
    }

    /// Byte offset of the `n`-th (0-based) map key `"key":` at or after `from`
    /// (an occurrence of the same string that is not followed by `:` is a value, not a key).
    pub fn find_key(&self, from: usize, key: &str, n: usize) -> Option<usize> {
        let from = from.min(self.searchable().len());
        let keys = self.key_occurrences(key);
        keys.at.get(keys.first_from(from) + n).copied()
    }

    /// Byte offset of the first `needle` at or after `from`, or `from` when absent.
    pub fn find_from(&self, from: usize, needle: &str) -> usize {
        let from = from.min(self.searchable().len());
        let occurrences = self.occurrences(needle);
        occurrences.at.get(occurrences.first_from(from)).copied().unwrap_or(from)
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
    Quoted(text).to_string()
}

/// Every start offset of `needle` in `text`, overlapping ones included.
fn scan(text: &str, needle: &str) -> Vec<usize> {
    let mut found = Vec::new();
    if needle.is_empty() {
        return found;
    }
    let mut at = 0;
    while let Some(offset) = text[at..].find(needle) {
        let start = at + offset;
        found.push(start);
        // Step one character, not one byte, to stay on a char boundary.
        at = start + text[start..].chars().next().map_or(1, char::len_utf8);
    }
    found
}

/// Each string literal (quotes included) → its start offsets, in one pass over
/// text whose comments are blanked; escapes are skipped as `blank_comments` does.
fn literal_index(text: &str) -> HashMap<String, Arc<Occurrences>> {
    let bytes = text.as_bytes();
    let mut offsets: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'"' {
            i += 1;
            continue;
        }
        let start = i;
        i += 1;
        while i < bytes.len() && bytes[i] != b'"' {
            i += if bytes[i] == b'\\' { 2 } else { 1 };
        }
        if i >= bytes.len() {
            break; // an unterminated string: nothing after it is a literal
        }
        i += 1;
        offsets.entry(&text[start..i]).or_default().push(start);
    }
    offsets
        .into_iter()
        .map(|(literal, at)| (literal.to_string(), Arc::new(Occurrences::new(at, literal.len()))))
        .collect()
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
    fn columns_far_along_a_long_line_count_characters() {
        let text = format!("x\n{}\"id\"", "保温杯,".repeat(500));
        let file = SourceFile::new("a.ron", text.clone());
        let byte = text.find("\"id\"").unwrap();
        assert_eq!(file.line_col(byte), (2, 2001));
        assert_eq!(file.line_col(text.len()), (2, 2005));
        assert_eq!(file.line_col(2 + "保温杯,".len() * 100), (2, 401));
    }

    #[test]
    fn overlapping_needles_chain_like_a_scan() {
        let file = SourceFile::new("a.ron", "aaaa".into());
        assert_eq!(file.locate(&["aa", "aa"]), 2);
        assert_eq!(file.locate_nth(&[], "aa", 1), 2);
        assert_eq!(file.locate_nth(&[], "aa", 5), 2);
        assert_eq!(file.find_from(1, "aa"), 1);
    }

    #[test]
    fn an_id_is_found_after_any_anchor_and_missing_ones_stay_put() {
        let file = SourceFile::new("a.ron", "(a: \"x\", b: \"x\", c: [\"x\"]) // \"y\"".into());
        assert_eq!(file.locate(&["b:", "\"x\""]), 12);
        assert_eq!(file.locate_nth(&["b:"], "\"x\"", 1), 21);
        assert_eq!(file.locate_nth(&["b:"], "\"x\"", 9), 21);
        assert_eq!(file.find_from(5, "\"y\""), 5);
        assert_eq!(file.locate(&["\"y\""]), 0);
    }

    #[test]
    fn nth_occurrence() {
        let file = SourceFile::new("a.ron", "[\"x\", \"x\", \"x\"]".into());
        assert_eq!(file.locate_nth(&[], "\"x\"", 2), 11);
    }
}
