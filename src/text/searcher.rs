//! One multi-pattern search, every occurrence of every pattern (overlapping):
//! a double array (daachorse) where it can be built, aho-corasick otherwise.
//!
//! Why two: in a double array each transition is one look-up, where
//! aho-corasick's large automata scan lists of transitions; against the
//! course's tens of thousands of phrases the double array takes about a twentieth
//! fewer instructions a reply and loads faster (docs/grading.md, speed). But it
//! refuses sets it cannot lay out (about 16 million patterns or more), and a
//! trainer's lexicon must never stop the app: such a set still searches, only slower.

use aho_corasick::{AhoCorasick, MatchKind};
use daachorse::{DoubleArrayAhoCorasick, DoubleArrayAhoCorasickBuilder};

/// A compiled set of non-empty patterns, numbered in the order given (a
/// pattern given twice is found under both numbers).
#[derive(Clone)]
pub enum Searcher {
    DoubleArray(DoubleArrayAhoCorasick<u32>),
    AhoCorasick(AhoCorasick),
}

impl Searcher {
    pub fn new(patterns: &[String]) -> Searcher {
        // No prefilter: it puts a 64 KiB table on every automaton (the course
        // builds hundreds of small ones, one per fact set) and saves nothing
        // measurable on replies, which are short.
        match DoubleArrayAhoCorasickBuilder::new().use_prefilter(false).build(patterns) {
            Ok(automaton) => Searcher::DoubleArray(automaton),
            Err(_) => Searcher::aho_corasick(patterns),
        }
    }

    /// The kind a set too large for a double array gets (and the tests' reference).
    fn aho_corasick(patterns: &[String]) -> Searcher {
        Searcher::AhoCorasick(AhoCorasick::builder().match_kind(MatchKind::Standard).build(patterns).expect("plain strings always compile"))
    }

    /// Every occurrence as (pattern, start, end), overlapping ones too (callers
    /// sort what they keep).
    #[inline]
    pub fn find_overlapping<'a>(&'a self, text: &'a str) -> Found<'a> {
        match self {
            Searcher::DoubleArray(automaton) => Found::DoubleArray(automaton.find_overlapping_iter(text)),
            Searcher::AhoCorasick(automaton) => Found::AhoCorasick(automaton.find_overlapping_iter(text)),
        }
    }
}

/// The occurrences `Searcher::find_overlapping` walks: an enum rather than a
/// boxed iterator, so the hot loop over them stays inline.
pub enum Found<'a> {
    DoubleArray(daachorse::bytewise::iter::FindOverlappingSliceIterator<'a, &'a str, u32>),
    AhoCorasick(aho_corasick::FindOverlappingIter<'a, 'a>),
}

impl Iterator for Found<'_> {
    type Item = (usize, usize, usize);

    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        match self {
            Found::DoubleArray(found) => found.next().map(|m| (m.value() as usize, m.start(), m.end())),
            Found::AhoCorasick(found) => found.next().map(|m| (m.pattern().as_usize(), m.start(), m.end())),
        }
    }
}

impl std::fmt::Debug for Searcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Searcher::DoubleArray(_) => "Searcher::DoubleArray",
            Searcher::AhoCorasick(_) => "Searcher::AhoCorasick",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(searcher: &Searcher, text: &str) -> Vec<(usize, usize, usize)> {
        let mut all: Vec<_> = searcher.find_overlapping(text).collect();
        all.sort();
        all
    }

    #[test]
    fn both_kinds_find_the_same_overlapping_occurrences() {
        let patterns: Vec<String> = ["不知道", "知道", "道", "ok", "k"].iter().map(|p| p.to_string()).collect();
        let fast = Searcher::new(&patterns);
        assert!(matches!(fast, Searcher::DoubleArray(_)));
        // What a set too large for a double array gets (some 16 million patterns: too many to build here).
        let slow = Searcher::aho_corasick(&patterns);
        for text in ["我不知道", "ok, 知道了", "道道", "", "okk 不知道不知道"] {
            assert_eq!(found(&fast, text), found(&slow, text), "{text}");
        }
        assert_eq!(found(&fast, "我不知道"), vec![(0, 3, 12), (1, 6, 12), (2, 9, 12)]);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        /// Over random pattern sets and texts from a small alphabet (so patterns
        /// overlap and repeat), the double array finds exactly what aho-corasick finds.
        #[test]
        fn the_double_array_agrees_with_aho_corasick(
            patterns in proptest::collection::vec("[a-c不知道]{1,4}", 1..12),
            text in "[a-c不知道 ]{0,24}",
        ) {
            let fast = Searcher::new(&patterns);
            let slow = Searcher::aho_corasick(&patterns);
            proptest::prop_assert_eq!(found(&fast, &text), found(&slow, &text));
        }
    }
}
