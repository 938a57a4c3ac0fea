//! Multi-pattern phrase matching on normalised text (`Searcher`): every
//! occurrence of every phrase, with `*` gaps ("提供*订单号"), word boundaries
//! for English, anchors (`^亲`: only where a sentence opens; `嗯$`: only where
//! one closes), and exceptions ("最好的办法" is not the absolute claim "最好的").
//!
//! Phrases are normalised with the same function as replies, so a pattern
//! written in Traditional, full-width or with Chinese numerals still matches.

use super::normalize;
use super::searcher::Searcher;

/// How far a `*` gap may reach, in characters.
pub const MAX_GAP_CHARS: usize = 8;
/// How far a gap of English (ASCII) text may reach, in characters: eight
/// Chinese characters say as much as three or four English words ("best*on
/// the market" in "the best air fryer on the market").
pub const MAX_GAP_ASCII_CHARS: usize = 24;

/// One hit: which group (the caller's id, e.g. a lexicon entry) and where, in normalised text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct PhraseHit {
    pub start: usize,
    pub end: usize,
    pub group: usize,
}

#[derive(Debug, Clone)]
struct Pattern {
    group: usize,
    /// The pieces after the first, between `*` gaps, as indices into the set's
    /// piece table (shared, so patterns with the same next piece search it once).
    rest: Vec<usize>,
    /// `^`: the phrase must open a sentence (an opening vocative, not 亲 mid-sentence).
    opens: bool,
    /// `$`: the phrase must close a sentence (a bare "嗯", not 嗯 inside a longer answer).
    closes: bool,
    /// `*$`: the sentence must close within a gap after the phrase: the
    /// phrase and a few characters are the whole rest of the sentence
    /// ("^(取消|领取)*$" is a short bare order such as 取消订单).
    closes_within: bool,
}

/// A compiled set of phrases. Build once (content load), match many times.
#[derive(Debug, Clone)]
pub struct PhraseSet {
    automaton: Searcher,
    /// For each distinct first piece: the patterns that start with it.
    starts: Vec<Vec<Pattern>>,
    /// Every piece after a gap, once, and an automaton that finds them all in
    /// one pass, so following a gap is a look-up rather than a search.
    pieces: Vec<String>,
    piece_automaton: Option<Searcher>,
    exceptions: Option<(Searcher, Vec<usize>)>,
}

#[derive(Debug, Default)]
pub struct PhraseSetBuilder {
    firsts: Vec<String>,
    /// Where each first piece sits in `firsts`: a course expands to tens of
    /// thousands of phrases, and a linear search made loading quadratic.
    first_ids: std::collections::HashMap<String, usize>,
    pieces: Vec<String>,
    piece_ids: std::collections::HashMap<String, usize>,
    starts: Vec<Vec<Pattern>>,
    exceptions: Vec<(String, usize)>,
}

impl PhraseSetBuilder {
    /// Adds a phrase for `group`. Empty phrases and bare gaps are ignored (`kefu check` reports them).
    pub fn add(&mut self, group: usize, phrase: &str) -> &mut Self {
        for each in expand_alternatives(phrase) {
            self.add_one(group, &each);
        }
        self
    }

    fn intern(&mut self, piece: &str) -> usize {
        if let Some(id) = self.piece_ids.get(piece) {
            return *id;
        }
        self.pieces.push(piece.to_string());
        self.piece_ids.insert(piece.to_string(), self.pieces.len() - 1);
        self.pieces.len() - 1
    }

    fn add_one(&mut self, group: usize, phrase: &str) {
        let phrase = phrase.trim();
        let opens = phrase.starts_with('^');
        let closes_within = phrase.len() > 2 && phrase.ends_with("*$");
        let closes = !closes_within && phrase.len() > 1 && phrase.ends_with('$');
        let phrase = phrase.trim_start_matches('^');
        let phrase = if closes_within { &phrase[..phrase.len() - 2] } else { phrase };
        let phrase = if closes { &phrase[..phrase.len() - 1] } else { phrase };
        let pieces: Vec<String> = phrase
            .split('*')
            .map(|piece| normalize(piece.trim()).text)
            .filter(|piece| !piece.is_empty())
            .collect();
        let Some((first, rest)) = pieces.split_first() else { return };
        let index = match self.first_ids.get(first) {
            Some(index) => *index,
            None => {
                self.firsts.push(first.clone());
                self.first_ids.insert(first.clone(), self.firsts.len() - 1);
                self.starts.push(Vec::new());
                self.firsts.len() - 1
            }
        };
        let rest = rest.iter().map(|piece| self.intern(piece)).collect();
        self.starts[index].push(Pattern { group, rest, opens, closes, closes_within });
    }

    /// Adds an exception: a hit of `group` inside an occurrence of `phrase` does not count.
    pub fn except(&mut self, group: usize, phrase: &str) -> &mut Self {
        for each in expand_alternatives(phrase) {
            let each = normalize(each.trim()).text;
            if !each.is_empty() {
                self.exceptions.push((each, group));
            }
        }
        self
    }

    pub fn build(mut self) -> PhraseSet {
        // Patterns sharing a next piece sit together (see `find`); the order of
        // hits does not depend on it, since `find` sorts them.
        for patterns in &mut self.starts {
            patterns.sort_by_key(|pattern| pattern.rest.first().copied());
        }
        let automaton = Searcher::new(&self.firsts);
        let exceptions = (!self.exceptions.is_empty()).then(|| {
            let (phrases, groups): (Vec<String>, Vec<usize>) = self.exceptions.into_iter().unzip();
            (Searcher::new(&phrases), groups)
        });
        let piece_automaton = (!self.pieces.is_empty()).then(|| Searcher::new(&self.pieces));
        PhraseSet { automaton, starts: self.starts, pieces: self.pieces, piece_automaton, exceptions }
    }
}

/// At most this many phrases come from one pattern with alternatives.
pub const MAX_EXPANSIONS: usize = 4096;

/// Expands alternatives: `(提供|发)*(订单号|手机号)` is four phrases, and
/// `(您|亲)?` may also be left out. Groups do not nest; an unclosed `(` is taken
/// literally. Stops at `MAX_EXPANSIONS`.
pub fn expand_alternatives(phrase: &str) -> Vec<String> {
    let mut results = vec![String::new()];
    let mut rest = phrase;
    while !rest.is_empty() {
        let Some(open) = rest.find('(') else {
            results.iter_mut().for_each(|r| r.push_str(rest));
            break;
        };
        let Some(close) = rest[open..].find(')').map(|c| open + c) else {
            results.iter_mut().for_each(|r| r.push_str(rest));
            break;
        };
        let before = &rest[..open];
        let mut options: Vec<&str> = rest[open + 1..close].split('|').collect();
        // `(a|b)?` may also be left out.
        let optional = rest[close + 1..].starts_with('?');
        if optional {
            options.push("");
        }
        let mut next = Vec::with_capacity(results.len() * options.len());
        'outer: for done in &results {
            for option in &options {
                if next.len() >= MAX_EXPANSIONS {
                    break 'outer;
                }
                next.push(format!("{done}{before}{option}"));
            }
        }
        results = next;
        rest = &rest[close + 1 + usize::from(optional)..];
    }
    results
}

/// What an author wrote that `expand_alternatives` does not read as meant:
/// the checker turns each into a warning, so nothing is cut or taken
/// literally in silence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PatternProblem {
    /// The alternatives stand for this many phrases; only `MAX_EXPANSIONS` are matched.
    TooManyAlternatives(u128),
    /// A `(` inside a group: groups do not nest, so it is taken literally.
    NestedGroup,
    /// A `(` with no `)`: taken literally.
    UnclosedGroup,
    /// A `)` with no `(`: taken literally.
    StrayClose,
}

/// The problems of one phrase, in one pass over it (no expansion).
pub fn pattern_problems(phrase: &str) -> Vec<PatternProblem> {
    let mut problems = Vec::new();
    let mut count: u128 = 1;
    let mut rest = phrase;
    while let Some(open) = rest.find(['(', ')']) {
        if rest[open..].starts_with(')') {
            problems.push(PatternProblem::StrayClose);
            rest = &rest[open + 1..];
            continue;
        }
        let Some(close) = rest[open..].find(')').map(|c| open + c) else {
            problems.push(PatternProblem::UnclosedGroup);
            break;
        };
        let inside = &rest[open + 1..close];
        if inside.contains('(') {
            problems.push(PatternProblem::NestedGroup);
        }
        let optional = rest[close + 1..].starts_with('?');
        let options = inside.split('|').count() as u128 + u128::from(optional);
        count = count.saturating_mul(options);
        rest = &rest[close + 1..];
    }
    if count > MAX_EXPANSIONS as u128 {
        problems.insert(0, PatternProblem::TooManyAlternatives(count));
    }
    // A nested group's outer `)` is stray as a consequence: one problem, said once.
    if problems.contains(&PatternProblem::NestedGroup) {
        problems.retain(|p| *p != PatternProblem::StrayClose);
    }
    problems.dedup();
    problems
}

fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
}

/// What may stand between a sentence boundary and an anchored phrase: spaces,
/// commas, quotes, the tilde and similar marks that do not end a sentence.
fn is_filler(c: char) -> bool {
    c.is_whitespace() || matches!(c, ',' | '"' | '\'' | '~' | '-' | '(' | ')' | '[' | ']' | ':' | '@' | '*' | '#' | '¡' | '¿')
}

fn ends_sentence(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | ';' | '\n' | '…')
}

/// Whether the character at byte `at` ends a sentence: a '.' between a digit
/// and a digit or letter is a decimal point or a version number ("2.5.3",
/// "3.x"), not a full stop.
fn ends_sentence_at(text: &str, at: usize) -> bool {
    let Some(c) = text[at..].chars().next() else { return false };
    if c == '.' {
        let before = text[..at].chars().next_back().is_some_and(|c| c.is_ascii_digit());
        let after = text[at + 1..].chars().next().is_some_and(|c| c.is_ascii_alphanumeric());
        if before && after {
            return false;
        }
    }
    ends_sentence(c)
}

/// Whether the whitespace at byte `at` joins two chat messages: Chinese is
/// written without spaces, so a space after a Chinese character is where the
/// chat tool put two messages together ("稍等一下呢 亲爱的,一般3天发货").
fn joins_messages(text: &str, at: usize) -> bool {
    text[at..].chars().next().is_some_and(char::is_whitespace) && text[..at].chars().next_back().is_some_and(super::is_han)
}

/// The byte range of the sentence holding `start..end`, without its closing mark.
pub fn sentence_around(text: &str, start: usize, end: usize) -> (usize, usize) {
    let boundary = |i: usize| ends_sentence_at(text, i) || joins_messages(text, i);
    let from = text[..start].char_indices().rev().find(|(i, _)| boundary(*i)).map(|(i, c)| i + c.len_utf8()).unwrap_or(0);
    let to = text[end..].char_indices().find(|(i, _)| boundary(end + i)).map(|(i, _)| end + i).unwrap_or(text.len());
    (from, to)
}

/// Whether `at` opens a sentence: only filler since the start of the text or
/// since a sentence end. A space after a Chinese character also counts as a
/// boundary, because chat tools join separate messages with one.
pub fn opens_sentence(text: &str, at: usize) -> bool {
    let mut saw_space = false;
    for c in text[..at].chars().rev() {
        if ends_sentence(c) {
            return true;
        }
        if c.is_whitespace() {
            saw_space = true;
            continue;
        }
        if is_filler(c) {
            continue;
        }
        return saw_space && super::is_han(c);
    }
    true
}

/// Whether `at` closes a sentence: only filler until the end of the text or a
/// full stop, so "嗯$" is the bare "嗯。" of "嗯。随便看". An ellipsis trails off
/// rather than ending: the 嗯 of "嗯……这个要再看看" opens a longer thought. An
/// ellipsis with nothing after it ends the message, so "额……" is as bare as "额".
pub fn closes_sentence(text: &str, at: usize) -> bool {
    let mut chars = text[at..].chars().peekable();
    while let Some(c) = chars.next() {
        // NFKC writes "…" as "...": two dots in a row are an ellipsis.
        if c == '…' || (c == '.' && chars.peek() == Some(&'.')) {
            return chars.all(|c| ends_sentence(c) || is_filler(c));
        }
        if ends_sentence(c) {
            return true;
        }
        if !is_filler(c) {
            return false;
        }
    }
    true
}

/// An English phrase must start and end on a word boundary ("hi" not in "this").
/// Word characters are ASCII, so bytes tell: the first and last bytes of a
/// character outside ASCII are never ASCII (UTF-8), and this runs for every
/// found piece, where decoding characters cost a tenth of the search.
fn on_boundaries(text: &str, start: usize, end: usize) -> bool {
    let bytes = text.as_bytes();
    let is_word = |at: usize| bytes.get(at).is_some_and(u8::is_ascii_alphanumeric);
    let starts_word = start < end && is_word(start);
    let ends_word = start < end && is_word(end - 1);
    let before_ok = !starts_word || start == 0 || !is_word(start - 1);
    let after_ok = !ends_word || !is_word(end);
    before_ok && after_ok
}

impl PhraseSet {
    pub fn builder() -> PhraseSetBuilder {
        PhraseSetBuilder::default()
    }

    /// Every hit in `text` (already normalised), sorted by position then group.
    pub fn find(&self, text: &str) -> Vec<PhraseHit> {
        let mut hits = Vec::with_capacity(32);
        // Hits of patterns with gaps: an exception that merely overlaps one cancels it,
        // since its pieces can sit anywhere in the window ("还有什么" against "请问*什么").
        let mut gapped: Vec<(usize, usize, usize)> = Vec::new();
        // Where each gap piece occurs, found in one pass the first time a gapped pattern needs it.
        let mut piece_places: Option<PiecePlaces> = None;
        for (first, start, found_end) in self.automaton.find_overlapping(text) {
            let Some(first_end) = word_end(text, start, found_end) else {
                continue;
            };
            // Worked out once per found first piece, not once per pattern: a common
            // first piece (您, 发) starts hundreds of patterns, sorted by their
            // next piece so the first gap is followed once for all that share it.
            let mut opens: Option<bool> = None;
            let mut first_gap: Option<(usize, Option<usize>)> = None;
            for pattern in &self.starts[first] {
                if pattern.opens && !*opens.get_or_insert_with(|| opens_sentence(text, start)) {
                    continue;
                }
                let end = match pattern.rest.split_first() {
                    None => Some(first_end),
                    Some((next, more)) => {
                        let places = piece_places.get_or_insert_with(|| self.piece_places(text));
                        let after_next = match first_gap {
                            Some((piece, end)) if piece == *next => end,
                            _ => {
                                let end = follow_gap(text, first_end, &self.pieces[*next], places.of(*next));
                                first_gap = Some((*next, end));
                                end
                            }
                        };
                        after_next.and_then(|at| more.iter().try_fold(at, |at, piece| follow_gap(text, at, &self.pieces[*piece], places.of(*piece))))
                    }
                };
                let end = match end {
                    Some(end) if pattern.closes_within => close_within_gap(text, end),
                    end => end,
                };
                if let Some(end) = end
                    && (!pattern.closes || closes_sentence(text, end))
                {
                    if !pattern.rest.is_empty() {
                        gapped.push((pattern.group, start, end));
                    }
                    hits.push(PhraseHit { group: pattern.group, start, end });
                }
            }
        }
        if let Some((automaton, groups)) = &self.exceptions {
            let covers: Vec<(usize, usize, usize)> = automaton.find_overlapping(text).map(|(phrase, start, end)| (groups[phrase], start, end)).collect();
            hits.retain(|hit| {
                let is_gapped = gapped.contains(&(hit.group, hit.start, hit.end));
                !covers.iter().any(|(g, s, e)| {
                    *g == hit.group && ((*s <= hit.start && hit.end <= *e) || (is_gapped && *s < hit.end && hit.start < *e))
                })
            });
        }
        hits.sort();
        hits.dedup();
        hits
    }

    /// For each gap piece, the byte offsets where it starts in `text`, ascending.
    fn piece_places(&self, text: &str) -> PiecePlaces {
        let mut found: Vec<(usize, usize)> = match &self.piece_automaton {
            Some(automaton) => automaton.find_overlapping(text).map(|(piece, start, _)| (piece, start)).collect(),
            None => Vec::new(),
        };
        found.sort_unstable();
        let mut present = [0u64; PRESENT_WORDS];
        for (piece, _) in &found {
            present[(piece / 64) % PRESENT_WORDS] |= 1 << (piece % 64);
        }
        PiecePlaces { present, pieces: found.iter().map(|(piece, _)| *piece).collect(), starts: found.into_iter().map(|(_, start)| start).collect() }
    }
}

/// Size of the sketch of pieces present in a text, in 64-bit words.
const PRESENT_WORDS: usize = 16;

/// Where the gap pieces occur in one text, sorted by piece then start: only
/// the pieces that occur take room (a course has thousands of pieces, and a
/// list per piece cost more to set up than the search itself).
struct PiecePlaces {
    /// A 1,024-bit sketch of the pieces that occur (piece modulo 1,024): most
    /// pieces a pattern asks for are absent from a reply, and the sketch says
    /// so without the two binary searches (a tenth of a reply's grading time).
    present: [u64; PRESENT_WORDS],
    pieces: Vec<usize>,
    starts: Vec<usize>,
}

impl PiecePlaces {
    /// Where `piece` starts, ascending.
    #[inline(always)]
    fn of(&self, piece: usize) -> &[usize] {
        if self.present[(piece / 64) % PRESENT_WORDS] & (1 << (piece % 64)) == 0 {
            return &[];
        }
        let from = self.pieces.partition_point(|p| *p < piece);
        let to = self.pieces.partition_point(|p| *p <= piece);
        &self.starts[from..to]
    }
}

/// Where a found piece really ends: `end` when it sits on word boundaries; the
/// end of the word when its last English word is only a prefix of the text's
/// word with the same stem ("resend" in "resending", "refund" in "refunded",
/// Snowball English); `None` otherwise ("hi" in "this", "hope" in "hopeless").
fn word_end(text: &str, start: usize, end: usize) -> Option<usize> {
    if on_boundaries(text, start, end) {
        return Some(end);
    }
    let starts_word = text[start..end].chars().next().is_some_and(is_word_char);
    if starts_word && text[..start].chars().next_back().is_some_and(is_word_char) {
        return None;
    }
    let word_start = text[..end].char_indices().rev().find(|(_, c)| !is_word_char(*c)).map(|(i, c)| i + c.len_utf8()).unwrap_or(0).max(start);
    let partial = &text[word_start..end];
    // Short words have too many look-alikes ("hi" → "his"); digits are no English.
    if partial.len() < 4 || !partial.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let full_end = text[end..].find(|c: char| !is_word_char(c)).map(|i| end + i).unwrap_or(text.len());
    let full = &text[word_start..full_end];
    (full.chars().all(|c| c.is_ascii_alphabetic()) && stem(partial) == stem(full)).then_some(full_end)
}

fn stem(word: &str) -> String {
    static STEMMER: std::sync::LazyLock<rust_stemmers::Stemmer> =
        std::sync::LazyLock::new(|| rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English));
    STEMMER.stem(word).into_owned()
}

/// Where the sentence after byte `at` closes, if it does within
/// `MAX_GAP_CHARS` characters (a `*$` phrase's hit runs to there).
fn close_within_gap(text: &str, at: usize) -> Option<usize> {
    // The first place where only filler is left before a full stop is at or
    // before the sentence's end, so the search never runs into the next one.
    text[at..].char_indices().map(|(i, _)| at + i).chain(std::iter::once(text.len())).take(MAX_GAP_CHARS + 1).find(|&place| closes_sentence(text, place))
}

/// Finds `piece` (which starts at `places`, ascending) within `MAX_GAP_CHARS`
/// characters after `at` (`MAX_GAP_ASCII_CHARS` when the gap is English
/// text), in the same sentence, and returns where it ends.
#[inline(always)]
fn follow_gap(text: &str, at: usize, piece: &str, places: &[usize]) -> Option<usize> {
    // Most pieces a pattern asks for are absent from a reply: say so before
    // anything else (this runs hundreds of times a reply).
    if places.is_empty() {
        return None;
    }
    follow_present_gap(text, at, piece, places)
}

fn follow_present_gap(text: &str, at: usize, piece: &str, places: &[usize]) -> Option<usize> {
    let first = places.partition_point(|p| *p < at);
    let found = *places.get(first)?;
    let window_end = text[at..].char_indices().nth(MAX_GAP_CHARS).map(|(i, _)| at + i).unwrap_or(text.len());
    let english_gap = found - at <= MAX_GAP_ASCII_CHARS && text[at..found].is_ascii();
    if found > window_end && !english_gap {
        return None;
    }
    // A gap stays within one sentence: "还有.您需要" is two thoughts, not "还有*需要".
    if text[at..found].char_indices().any(|(i, _)| ends_sentence_at(text, at + i)) {
        return None;
    }
    word_end(text, found, found + piece.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set() -> PhraseSet {
        let mut builder = PhraseSet::builder();
        builder.add(0, "提供*订单号").add(1, "sorry").add(2, "hi").add(3, "最好的").except(3, "最好的办法").add(4, "您").add(5, "您好");
        builder.build()
    }

    fn groups(text: &str) -> Vec<usize> {
        set().find(&normalize(text).text).into_iter().map(|h| h.group).collect()
    }

    #[test]
    fn a_gap_before_the_close_takes_a_short_rest_of_the_sentence() {
        let mut builder = PhraseSet::builder();
        builder.add(0, "^(取消|领取)*$");
        let set = builder.build();
        let hits = |text: &str| set.find(&normalize(text).text).into_iter().map(|h| (h.start, h.end)).collect::<Vec<_>>();
        assert_eq!(hits("取消订单"), vec![(0, "取消订单".len())]);
        assert_eq!(hits("取消订单。好的"), vec![(0, "取消订单".len())]);
        assert!(hits("取消订单后我们会尽快给您退款的").is_empty(), "a longer sentence is no bare order");
        assert!(hits("我帮您取消订单").is_empty(), "only where the sentence opens");
        assert_eq!(hits("领取"), vec![(0, "领取".len())], "an empty gap closes at once");
    }

    #[test]
    fn a_phrase_ending_inside_an_english_word_after_chinese_does_not_panic() {
        // The word before the cut starts after a multi-byte character ("添加qq:..." against "加q").
        let mut builder = PhraseSet::builder();
        builder.add(0, "加q").add(1, "加wechat");
        let set = builder.build();
        let text = normalize("建议您添加qq:800010000咨询").text;
        assert!(set.find(&text).is_empty());
        assert_eq!(set.find(&normalize("加wechat聊").text).len(), 1);
    }

    #[test]
    fn gaps_boundaries_and_overlaps() {
        assert_eq!(groups("麻烦您提供一下您这边的订单号"), [4, 0, 4]);
        assert_eq!(groups("提供一下收件人姓名手机号和订单号"), Vec::<usize>::new());
        assert_eq!(groups("So SORRY, this is it"), [1]);
        assert_eq!(groups("hi there"), [2]);
        assert_eq!(groups("您好"), [4, 5]);
    }

    #[test]
    fn a_gap_of_english_text_reaches_a_few_words() {
        let mut builder = PhraseSet::builder();
        builder.add(0, "best*on the market").add(1, "提供*订单号");
        let set = builder.build();
        let groups = |text: &str| set.find(&normalize(text).text).into_iter().map(|h| h.group).collect::<Vec<_>>();
        assert_eq!(groups("the best air fryer on the market"), [0], "three words between");
        assert_eq!(groups("the best thing about it is that nothing on the market comes close"), Vec::<usize>::new(), "too far");
        assert_eq!(groups("提供一下收件人的姓名和订单号"), Vec::<usize>::new(), "Chinese gaps stay eight characters");
    }

    #[test]
    fn english_word_forms_match_by_stem() {
        let mut builder = PhraseSet::builder();
        builder.add(0, "resend").add(1, "refund").add(2, "hope").add(3, "hi").add(4, "apologise");
        let set = builder.build();
        let groups = |text: &str| set.find(&normalize(text).text).into_iter().map(|h| h.group).collect::<Vec<_>>();
        assert_eq!(groups("I'm resending it today"), [0]);
        assert_eq!(groups("we refunded you"), [1]);
        assert_eq!(groups("we have apologised"), [4]);
        assert_eq!(groups("hopeless"), Vec::<usize>::new(), "another word that starts the same");
        assert_eq!(groups("his order"), Vec::<usize>::new(), "short words never stretch");
        let hits = set.find("i'm resending it");
        assert_eq!(&"i'm resending it"[hits[0].start..hits[0].end], "resending", "the span covers the whole word");
    }

    #[test]
    fn alternatives_expand_to_every_combination() {
        assert_eq!(expand_alternatives("(提供|发)*(订单号|手机号)"), ["提供*订单号", "提供*手机号", "发*订单号", "发*手机号"]);
        assert_eq!(expand_alternatives("no group"), ["no group"]);
        assert_eq!(expand_alternatives("a(b"), ["a(b"]);
        assert_eq!(expand_alternatives("(x|)y"), ["xy", "y"]);
        assert_eq!(expand_alternatives("请问(您|亲)?吗"), ["请问您吗", "请问亲吗", "请问吗"]);
        let many = "(a|b|c|d|e|f|g|h)".repeat(5);
        assert_eq!(expand_alternatives(&many).len(), MAX_EXPANSIONS);
        assert_eq!(pattern_problems(&many), [PatternProblem::TooManyAlternatives(32768)]);
    }

    #[test]
    fn what_expansion_would_misread_is_named() {
        assert!(pattern_problems("(提供|发)*(订单号|手机号)").is_empty());
        assert!(pattern_problems("请问(您|亲)?吗").is_empty());
        assert_eq!(pattern_problems("(a|(b|c))"), [PatternProblem::NestedGroup]);
        assert_eq!(pattern_problems("(a|b"), [PatternProblem::UnclosedGroup]);
        assert_eq!(pattern_problems("a)b"), [PatternProblem::StrayClose]);
        // Exactly at the limit is fine: 8 × 8 × 8 × 8 = 4096.
        assert!(pattern_problems(&"(a|b|c|d|e|f|g|h)".repeat(4)).is_empty());
    }

    #[test]
    fn a_gap_never_crosses_a_sentence_end() {
        let mut builder = PhraseSet::builder();
        builder.add(0, "还有*需要");
        let set = builder.build();
        assert!(set.find("售后这边还有.您需要的话").is_empty());
        assert_eq!(set.find("还有什么需要").len(), 1);
        assert_eq!(sentence_around("版本是2.5.3么?好的", 0, 3), (0, "版本是2.5.3么".len()));
        assert_eq!(sentence_around("是3.x的还是2.x的?好的", 0, 3), (0, "是3.x的还是2.x的".len()));
    }

    #[test]
    fn anchors_open_and_close_sentences() {
        let mut builder = PhraseSet::builder();
        builder.add(0, "^亲").add(1, "^嗯$").add(2, "^hi");
        let set = builder.build();
        let groups = |text: &str| set.find(&normalize(text).text).into_iter().map(|h| h.group).collect::<Vec<_>>();
        assert_eq!(groups("亲,这款有货"), [0]);
        assert_eq!(groups("好的。亲,这款有货"), [0]);
        assert_eq!(groups("好的 亲这款有货"), [0], "a space after Chinese joins two messages");
        assert_eq!(groups("这款有货的亲"), Vec::<usize>::new(), "a closing tag is not an opening");
        assert_eq!(groups("嗯。"), [1]);
        assert_eq!(groups("嗯……确实不科学"), Vec::<usize>::new(), "an ellipsis trails on: not a bare grunt");
        assert_eq!(groups("嗯……"), [1], "an ellipsis that ends the message leaves the grunt bare");
        assert_eq!(groups("嗯... "), [1]);
        assert_eq!(groups("嗯。随便看"), [1]);
        assert_eq!(groups("嗯嗯好的"), Vec::<usize>::new());
        assert_eq!(groups("我嗯了一下"), Vec::<usize>::new());
        assert_eq!(groups("Hi Sam, thanks"), [2]);
        assert_eq!(groups("Thanks. Hi again"), [2]);
        assert_eq!(groups("say hi to her"), Vec::<usize>::new());
    }

    #[test]
    fn exceptions_and_normalised_patterns() {
        let mut builder = PhraseSet::builder();
        builder.add(0, "请问*什么").except(0, "还有什么");
        let gapped = builder.build();
        assert!(gapped.find("请问还有什么可以帮您").is_empty(), "an exception overlapping a gapped hit cancels it");
        assert_eq!(gapped.find("请问是什么颜色").len(), 1);
        assert_eq!(groups("这是最好的办法"), Vec::<usize>::new());
        assert_eq!(groups("这是最好的杯子"), [3]);
        assert_eq!(groups("請提供訂單號"), [0]);
    }
}
