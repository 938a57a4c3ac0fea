//! Guards the house rules of ARCHITECTURE.md: the core never mentions egui or
//! eframe, every source file opens with a `//!` line, and modules only use the
//! modules their dependency arrow allows.

use std::path::{Path, PathBuf};

fn source_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(source_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files.sort();
    files
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// The top-level module a file belongs to (`src/content/check/ids.rs` → `content`).
fn module_of(path: &Path) -> String {
    let relative = path.strip_prefix(src()).unwrap();
    let first = relative.components().next().unwrap().as_os_str().to_string_lossy().into_owned();
    first.trim_end_matches(".rs").to_string()
}

/// Which crate modules each module may use, per the dependency arrows
/// `app, cli → store → scorecard → engine, quiz → grading → content → text, seeded`.
fn allowed_uses(module: &str) -> Option<&'static [&'static str]> {
    Some(match module {
        "text" | "seeded" => &[],
        "content" => &["text", "seeded"],
        "grading" => &["content", "text", "seeded"],
        "engine" | "quiz" => &["grading", "content", "text", "seeded"],
        "scorecard" => &["engine", "quiz", "grading", "content", "text", "seeded"],
        "store" => &["scorecard", "engine", "quiz", "grading", "content", "text", "seeded"],
        "cli" | "app" => &["store", "scorecard", "engine", "quiz", "grading", "content", "text", "seeded", "cli"],
        "main" | "lib" => return None,
        _ => return None,
    })
}

const MODULES: [&str; 11] = ["text", "seeded", "content", "grading", "engine", "quiz", "scorecard", "store", "cli", "app", "lib"];

#[test]
fn every_source_file_starts_with_a_module_doc_line() {
    let mut missing = Vec::new();
    for path in source_files(&src()).into_iter().chain(source_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests"))) {
        let text = std::fs::read_to_string(&path).unwrap();
        if !text.starts_with("//!") {
            missing.push(path.display().to_string());
        }
    }
    assert!(missing.is_empty(), "files without a leading //! line: {missing:#?}");
}

#[test]
fn the_core_never_mentions_egui_or_eframe() {
    let mut offenders = Vec::new();
    for path in source_files(&src()) {
        let module = module_of(&path);
        if module == "app" || module == "main" {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        for (number, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            if code.contains("egui") || code.contains("eframe") {
                offenders.push(format!("{}:{}: {}", path.display(), number + 1, line.trim()));
            }
        }
    }
    assert!(offenders.is_empty(), "core code mentions the GUI: {offenders:#?}");
}

#[test]
fn modules_only_use_what_their_arrow_allows() {
    let mut offenders = Vec::new();
    for path in source_files(&src()) {
        let module = module_of(&path);
        let Some(allowed) = allowed_uses(&module) else { continue };
        let text = std::fs::read_to_string(&path).unwrap();
        for (number, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for other in MODULES {
                if other == module || allowed.contains(&other) {
                    continue;
                }
                let needle = format!("crate::{other}");
                let rest_ok = |i: usize| {
                    code[i + needle.len()..].chars().next().is_none_or(|c| !(c.is_alphanumeric() || c == '_'))
                };
                if code.match_indices(&needle).any(|(i, _)| rest_ok(i)) {
                    offenders.push(format!("{}:{}: {module} uses {other}", path.display(), number + 1));
                }
            }
        }
    }
    assert!(offenders.is_empty(), "dependency arrows broken: {offenders:#?}");
}

#[test]
fn the_arrow_checker_would_catch_a_violation() {
    // A guard that cannot fail guards nothing: content must not be allowed to use cli or app.
    let allowed = allowed_uses("content").unwrap();
    assert!(!allowed.contains(&"cli") && !allowed.contains(&"app") && !allowed.contains(&"grading"));
    assert_eq!(module_of(&src().join("content/check/ids.rs")), "content");
}
