//! Fuzz target `content`: bytes → up to four content files beside the bundled
//! shop (catalogue, policy, lexicons, quiz), every check pass, the course built
//! from what passed, then the pinned-examples pass on its scenarios.

use crate::content::load::{ContentSet, load_paths, parse_bytes};
use crate::content::Course;
use crate::engine::{Bundle, examples};
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
    let bundle = Arc::new(Bundle::new(course));
    let outcomes = examples::run_all(&bundle);
    let _ = examples::diagnostics(&outcomes, &set);
}
