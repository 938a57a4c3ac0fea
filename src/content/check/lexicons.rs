//! Pass `lexicons`: every entry has phrases, no phrase is empty or only a gap,
//! no phrase is listed twice, no phrase is both good and bad, and no phrase's
//! alternatives are cut or misread (too many, nested, unclosed groups).

use crate::text::Quoted;
use super::Context;
use crate::content::diagnostic::Diagnostic;
use crate::content::raw::Polarity;
use crate::content::source::quoted;
use crate::text::fold_width;
use crate::text::matcher::expand_alternatives;
use std::collections::BTreeMap;

/// Whether an exception (folded) is useful to an entry: it holds a whole phrase, or
/// any piece of a phrase with gaps (an exception overlapping a gapped hit cancels it).
/// Linear in the entry's size either way (was phrases × exceptions substring searches):
/// a few short exceptions are searched for each piece directly, which is far cheaper
/// than building an automaton over every phrase (that made this the slowest pass);
/// past a fixed multiple of the entry's size, the pieces go into one automaton.
fn exception_cover(entry: &crate::content::raw::LexiconEntry, exceptions: &[String]) -> impl Fn(&str) -> bool {
    let mut pieces: Vec<String> = Vec::new();
    let mut empty_phrase = false;
    for phrase in entry.zh.iter().chain(&entry.en).flat_map(|p| expand_alternatives(p)) {
        let phrase = fold_width(phrase.trim_start_matches('^').trim_end_matches('$'));
        if phrase.contains('*') {
            pieces.extend(phrase.split('*').map(str::trim).filter(|piece| !piece.is_empty()).map(str::to_string));
        } else if phrase.is_empty() {
            // An empty phrase is "in" everything (reported as bad-pattern on its own).
            empty_phrase = true;
        } else {
            pieces.push(phrase);
        }
    }
    let piece_bytes: usize = pieces.iter().map(String::len).sum();
    let exception_bytes: usize = exceptions.iter().map(String::len).sum();
    // Searching each exception for each piece costs about this much.
    let direct = pieces.len().saturating_mul(exception_bytes).saturating_add(exceptions.len().saturating_mul(piece_bytes));
    let automaton = (direct > DIRECT_FACTOR.saturating_mul(piece_bytes + exception_bytes)).then(|| {
        aho_corasick::AhoCorasick::builder().kind(Some(aho_corasick::AhoCorasickKind::NoncontiguousNFA)).build(&pieces).ok()
    });
    move |exception: &str| {
        empty_phrase
            || match &automaton {
                Some(automaton) => automaton.as_ref().is_some_and(|a| a.is_match(exception)),
                None => pieces.iter().any(|piece| exception.contains(piece.as_str())),
            }
    }
}

/// How many times an entry's size the direct search may cost before the automaton pays off.
const DIRECT_FACTOR: usize = 64;

/// Warnings for a phrase (or an exception) whose alternatives are cut or misread:
/// too many to match, a group in a group, a group never closed or never opened.
fn pattern_warnings(source: &crate::content::source::SourceFile, at: usize, phrase: &str) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for problem in crate::text::matcher::pattern_problems(phrase) {
        use crate::text::matcher::{MAX_EXPANSIONS, PatternProblem};
        let (code, message, help) = match problem {
            PatternProblem::TooManyAlternatives(count) => (
                "too-many-alternatives",
                format!("phrase {} stands for {count} phrases; only the first {MAX_EXPANSIONS} are matched", Quoted(phrase)),
                "split it into several phrases, each with fewer alternatives",
            ),
            PatternProblem::NestedGroup => (
                "nested-group",
                format!("phrase {} has a group inside a group; groups do not nest, so the inner `(` is matched as a character", Quoted(phrase)),
                "write the combinations out as separate alternatives, like \"(您|亲|您好)\"",
            ),
            PatternProblem::UnclosedGroup => (
                "unclosed-group",
                format!("phrase {} opens a group `(` that is never closed, so it is matched as a character", Quoted(phrase)),
                "close the group with `)`",
            ),
            PatternProblem::StrayClose => (
                "unclosed-group",
                format!("phrase {} closes a group `)` that was never opened, so it is matched as a character", Quoted(phrase)),
                "remove the `)` or open the group with `(`",
            ),
        };
        out.push(source.warning(code, at, message).with_help(help));
    }
    out
}

pub fn run(context: &Context, out: &mut Vec<Diagnostic>) {
    // folded phrase → (entry id, polarity), to find a phrase that is both good and bad.
    let mut owners: BTreeMap<String, (&str, Polarity)> = BTreeMap::new();
    let known: std::collections::BTreeSet<&str> =
        context.lexicons.iter().flat_map(|(_, _, entries)| entries.iter().map(|e| e.id.as_str())).collect();
    for (source, _, entries) in &context.lexicons {
        for entry in entries.iter() {
            let entry_at = || source.locate(&[&quoted(&entry.id)]);
            if entry.zh.is_empty() && entry.en.is_empty() {
                out.push(source.error(
                    "empty-lexicon-entry",
                    entry_at(),
                    format!("entry {} has no phrases in zh or en, so it can never match", Quoted(&entry.id)),
                ));
            }
            // Duplicates count within one language's list; the same punctuation in zh and en is fine.
            let mut seen = BTreeMap::new();
            let tagged = entry.zh.iter().map(|p| ("zh", p)).chain(entry.en.iter().map(|p| ("en", p)));
            for (lang, phrase) in tagged {
                let at = || source.find_from(entry_at(), &quoted(phrase));
                let folded = fold_width(phrase.trim());
                if folded.is_empty() {
                    out.push(source.error("bad-pattern", at(), format!("entry {} has an empty phrase", Quoted(&entry.id))));
                    continue;
                }
                if folded.starts_with('*') || folded.ends_with('*') {
                    out.push(
                        source
                            .error("bad-pattern", at(), format!("phrase {} starts or ends with a gap `*`", Quoted(phrase)))
                            .with_help("a gap stands between two words, like \"提供*订单号\""),
                    );
                }
                out.extend(pattern_warnings(source, at(), phrase));
                if seen.insert((lang, folded.clone()), ()).is_some() {
                    out.push(source.warning(
                        "duplicate-pattern",
                        at(),
                        format!("phrase {} is listed twice in entry {}", Quoted(phrase), Quoted(&entry.id)),
                    ));
                }
                match owners.get(&folded) {
                    Some((other, polarity)) if *polarity != entry.polarity => out.push(source.error(
                        "conflicting-pattern",
                        at(),
                        format!("phrase {} counts as good in one entry and bad in another ({} and {})", Quoted(phrase), Quoted(other), Quoted(&entry.id)),
                    )),
                    Some(_) => {}
                    None => {
                        owners.insert(folded, (&entry.id, entry.polarity));
                    }
                }
            }
            // No exceptions, nothing to cover: skip building the automaton.
            if !entry.except.is_empty() {
                let folded: Vec<String> = entry.except.iter().map(|e| fold_width(e)).collect();
                let covers = exception_cover(entry, &folded);
                for (exception, folded) in entry.except.iter().zip(&folded) {
                    out.extend(pattern_warnings(source, source.find_from(entry_at(), &quoted(exception)), exception));
                    // The matcher reads an exception as plain wordings: a `*` there is a
                    // literal star, so the exception would silently never match.
                    if folded.contains('*') {
                        out.push(
                            source
                                .error("bad-pattern", source.find_from(entry_at(), &quoted(exception)), format!("exception {} holds a gap `*`", Quoted(exception)))
                                .with_help("an exception is the exact wording around a phrase; list each wording with (a|b) choices instead of a gap"),
                        );
                        continue;
                    }
                    // An exception with choices is each of its wordings (as the matcher
                    // builds it): it is useful when any wording holds a phrase.
                    if !expand_alternatives(folded).iter().any(|wording| covers(wording)) {
                        out.push(source.warning(
                            "useless-exception",
                            source.find_from(entry_at(), &quoted(exception)),
                            format!("exception {} contains none of entry {}'s phrases, so it changes nothing", Quoted(exception), Quoted(&entry.id)),
                        ));
                    }
                }
            }
            for id in &entry.cancelled_by {
                if !known.contains(id.as_str()) {
                    out.push(source.error(
                        "unknown-reference",
                        source.find_from(entry_at(), &quoted(id)),
                        format!("entry {} is cancelled by {}, which no lexicon defines", Quoted(&entry.id), Quoted(id)),
                    ));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;

    #[test]
    fn a_gap_at_the_edge_and_a_good_bad_conflict() {
        let tone = TONE.replace("zh: [\"你自己\"]", "zh: [\"*你自己\", \"抱歉\"]");
        let report = check_replacing("tone.ron", Some(&tone));
        let codes = codes(&report);
        assert!(codes.contains(&"bad-pattern") && codes.contains(&"conflicting-pattern"), "{codes:?}");
    }

    /// An exception's alternatives are expanded like a phrase's: one that stands for
    /// more wordings than are matched, or nests a group, is warned about too.
    #[test]
    fn an_exception_with_too_many_alternatives_or_a_nested_group_is_warned_about() {
        let group = "(甲|乙|丙|丁|戊|己|庚|辛)";
        let huge = format!("你自己{group}{group}{group}{group}{group}");
        let tone = TONE.replace("zh: [\"你自己\"]", &format!("zh: [\"你自己\"], except: [\"{huge}\", \"(你自己(的|了))\"]"));
        let report = check_replacing("tone.ron", Some(&tone));
        let codes = codes(&report);
        assert!(codes.contains(&"too-many-alternatives") && codes.contains(&"nested-group"), "{codes:?}");
        let plain = TONE.replace("zh: [\"你自己\"]", "zh: [\"你自己\"], except: [\"(是|不是)你自己\"]");
        assert!(codes_of(&plain).is_empty(), "a small exception is fine: {:?}", codes_of(&plain));
    }

    /// A gap in an exception would be read as a literal star and never match: an error.
    #[test]
    fn a_gap_in_an_exception_is_an_error() {
        let tone = TONE.replace("zh: [\"你自己\"]", "zh: [\"你自己\"], except: [\"是*你自己\"]");
        assert!(codes_of(&tone).contains(&"bad-pattern"), "{:?}", codes_of(&tone));
    }

    fn codes_of(tone: &str) -> Vec<&'static str> {
        codes(&check_replacing("tone.ron", Some(tone)))
    }

    /// The direct search and the automaton must agree, whichever an entry's size picks.
    #[test]
    fn exceptions_are_covered_alike_by_the_direct_search_and_the_automaton() {
        let entry: crate::content::raw::LexiconEntry = ron::from_str(
            r#"LexiconEntry(id: "absolute", label: (zh: "最", en: "best"), explain: (zh: "", en: ""), zh: ["最*好", "第一"], en: ["No. 1"])"#,
        )
        .unwrap();
        let few: Vec<String> = ["最近", "无关"].map(String::from).to_vec();
        // Thousands of long exceptions make the direct search cost more than DIRECT_FACTOR × the entry.
        let many: Vec<String> = few.iter().cloned().chain((0..3000).map(|i| format!("无关的长句子{i}{}", "啊".repeat(50)))).collect();
        for exceptions in [&few, &many] {
            let covers = super::exception_cover(&entry, exceptions);
            assert!(covers("最近") && covers("好的呢") && covers("no. 1 的") && covers("全网第一"));
            assert!(!covers("无关") && !covers("no 1"));
        }
    }

    #[test]
    fn an_exception_holding_no_phrase_is_reported_and_one_holding_a_phrase_is_not() {
        let with = |except: &str| TONE.replace("en: [\"your fault\"]", &format!("en: [\"your fault\"], except: [{except:?}]"));
        assert!(codes(&check_replacing("tone.ron", Some(&with("无关")))).contains(&"useless-exception"));
        assert!(!codes(&check_replacing("tone.ron", Some(&with("你自己吧")))).contains(&"useless-exception"));
        assert!(!codes(&check_replacing("tone.ron", Some(&with("Not Your Fault")))).contains(&"useless-exception"));
        // Choices: useful when one of its wordings holds a phrase, as the matcher reads it.
        assert!(!codes(&check_replacing("tone.ron", Some(&with("(是|怪)你自己")))).contains(&"useless-exception"));
        assert!(codes(&check_replacing("tone.ron", Some(&with("(无|有)关")))).contains(&"useless-exception"));
    }
}
