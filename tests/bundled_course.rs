//! The bundled course keeps its promises: enough scenarios in each language,
//! every situation category covered, enough products and quiz questions, a good
//! and a poor pinned example per scenario, and not a single diagnostic.

use kefu::content::raw::{Category, Expect, Lang};
use kefu::content::{Course, FileKind, load_course_paths};
use std::collections::BTreeSet;
use std::path::Path;

fn course() -> Course {
    Course::load(&[], Path::new(env!("CARGO_MANIFEST_DIR")))
}

#[test]
fn the_bundled_course_has_no_diagnostics_at_all() {
    let course = course();
    let shown: Vec<String> = course.report.diagnostics.iter().map(ToString::to_string).collect();
    assert!(shown.is_empty(), "{shown:#?}");
}

#[test]
fn enough_scenarios_in_each_language() {
    let course = course();
    let zh = course.scenarios.iter().filter(|s| s.lang == Lang::Zh).count();
    let en = course.scenarios.iter().filter(|s| s.lang == Lang::En).count();
    assert!(zh >= 20, "{zh} Chinese scenarios");
    assert!(en >= 6, "{en} English scenarios");
    // Every scenario file made it into the course: none was dropped for errors.
    let files = load_course_paths(&[], Path::new(env!("CARGO_MANIFEST_DIR"))).count_kind(FileKind::Scenario);
    assert_eq!(files, course.scenarios.len());
}

#[test]
fn every_category_is_covered() {
    let course = course();
    let covered: BTreeSet<Category> = course.scenarios.iter().map(|s| s.category).collect();
    for category in Category::ALL {
        assert!(covered.contains(&category), "no scenario for {category:?}");
    }
}

#[test]
fn enough_products_and_questions() {
    let course = course();
    assert!(course.products.len() >= 10, "{} products", course.products.len());
    let questions: usize = course.quiz_banks.iter().map(|b| b.questions.len()).sum();
    assert!(questions >= 120, "{questions} questions");
}

#[test]
fn every_scenario_pins_a_good_and_a_poor_answer() {
    for scenario in course().scenarios {
        let has = |expect| scenario.examples.iter().any(|e| e.expect == expect);
        assert!(has(Expect::Pass) && has(Expect::Fail), "{} lacks a Pass or a Fail example", scenario.id);
    }
}

#[test]
fn scenario_ids_match_their_file_names() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let set = load_course_paths(&[], root);
    for file in &set.files {
        if let Some(kefu::content::FileContent::Scenario(scenario)) = &file.content {
            let stem = file.source.path().file_stem().unwrap().to_string_lossy();
            assert_eq!(scenario.id, stem, "{}", file.source.path().display());
        }
    }
}
