//! Fuzz target `content`: bytes → up to four content files beside the bundled
//! shop (catalogue, policy, lexicons, quiz), every check pass, the course built
//! from what passed, then the pinned-examples pass on its scenarios.

use crate::content::Course;
use crate::content::load::{ContentSet, load_paths, parse_bytes};
use crate::content::raw::{LexiconEntry, LexiconKind};
use crate::engine::{Bundle, examples};
use crate::grading::Grader;
use crate::grading::lexicon::CompiledLexicon;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

/// NUL never appears in a RON file, so it separates the files of one input;
/// more than a few files adds nothing the splice mutations do not already reach.
const MAX_FILES: usize = 4;

/// The bundled `assets/` parsed once; each input gets a clone, so a fuzzed
/// scenario has a shop to refer to without paying ron's parse on every run.
fn base() -> &'static ContentSet {
    static BASE: OnceLock<ContentSet> = OnceLock::new();
    BASE.get_or_init(|| {
        let root = super::repo();
        load_paths(&[root.join("assets")], &root)
    })
}

/// The lexicons of the bundled course and their compiled form, built once.
/// Compiling them (one automaton over every phrase) took most of each run
/// (about 100 runs a minute), yet most inputs leave the lexicons as they are.
fn base_lexicon() -> &'static (BTreeMap<LexiconKind, Vec<LexiconEntry>>, CompiledLexicon) {
    static LEXICON: OnceLock<(BTreeMap<LexiconKind, Vec<LexiconEntry>>, CompiledLexicon)> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let course = Course::from_set(base());
        let compiled = CompiledLexicon::new(&course);
        (course.lexicons, compiled)
    })
}

/// `Bundle::new(course)`, with the bundled lexicon reused when the course's
/// lexicons equal it: the grader is the same, since its lexicon depends on
/// nothing else. An input that changes a lexicon still has it compiled.
fn bundle_of(mut course: Course) -> Bundle {
    let (lexicons, compiled) = base_lexicon();
    if course.lexicons != *lexicons {
        return Bundle::new(course);
    }
    let kept = std::mem::take(&mut course.lexicons);
    let mut grader = Grader::new(&course);
    course.lexicons = kept;
    grader.lexicon = compiled.clone();
    Bundle { course, grader }
}

pub fn run(data: &[u8]) {
    let mut set = base().clone();
    for (index, piece) in data.split(|&byte| byte == 0).take(MAX_FILES).enumerate() {
        // In memory, like `load_sources`: no real path, so the paths pass sees no symlink.
        let path = PathBuf::from(format!("fuzz/input-{index}.ron"));
        let file = parse_bytes(&path, piece, &mut set.diagnostics);
        set.files.push(file);
    }
    let course = Course::from_set(&set);
    // Every diagnostic must render: `kefu check` prints them all.
    for diagnostic in &course.report.diagnostics {
        let _ = diagnostic.to_string();
    }
    let bundle = Arc::new(bundle_of(course));
    let outcomes = examples::run_all(&bundle);
    let _ = examples::diagnostics(&outcomes, &set);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The reused lexicon must grade exactly as a freshly built one, or the
    /// target would test something other than what `kefu check` runs.
    #[test]
    fn the_reused_lexicon_grades_as_a_fresh_one() {
        let course = Course::load(&[], &crate::fuzzing::repo());
        assert!(!course.scenarios.is_empty() && !course.lexicons.is_empty());
        let fresh = Arc::new(Bundle::new(course.clone()));
        let reused = Arc::new(bundle_of(course));
        let summaries = |bundle: &Arc<Bundle>| -> Vec<String> {
            examples::run_all(bundle).iter().map(|o| format!("{} {} {}", o.scenario, o.name, o.summary)).collect()
        };
        assert_eq!(summaries(&fresh), summaries(&reused));
        for text in ["亲,不好意思,给您添麻烦了,我马上给您补发", "Sorry about that, I'll resend it today.", "你自己看说明书"] {
            for lang in [crate::content::raw::Lang::Zh, crate::content::raw::Lang::En] {
                assert_eq!(format!("{:?}", fresh.grader.grade_text(text, lang)), format!("{:?}", reused.grader.grade_text(text, lang)));
            }
        }
    }

    /// An input that adds a lexicon entry gets it compiled, not the bundled lexicon.
    #[test]
    fn a_changed_lexicon_is_compiled() {
        let mut course = Course::from_set(base());
        course.lexicons.entry(LexiconKind::Steps).or_default().truncate(1);
        let bundle = bundle_of(course);
        assert_eq!(bundle.grader.lexicon.entries.len(), bundle.course.lexicons.values().map(Vec::len).sum::<usize>());
    }
}
