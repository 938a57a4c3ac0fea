//! Guards the house rules of ARCHITECTURE.md: the core never mentions egui or
//! eframe, every source file opens with a `//!` line and is named in the code
//! map, only the allowed modules touch the file system, the environment or the
//! clock, and modules only use the modules their dependency arrow allows.
//! Each failure names the file and line.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn src() -> PathBuf {
    root().join("src")
}

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

/// `src/store/attempt.rs` as written in ARCHITECTURE.md, with `/` on every platform.
fn relative(path: &Path) -> String {
    let relative = path.strip_prefix(root()).unwrap();
    relative.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect::<Vec<_>>().join("/")
}

/// The top-level module a file belongs to (`src/content/check/ids.rs` → `content`).
fn module_of(path: &Path) -> String {
    let relative = path.strip_prefix(src()).unwrap();
    let first = relative.components().next().unwrap().as_os_str().to_string_lossy().into_owned();
    first.trim_end_matches(".rs").to_string()
}

/// The module path of a file (`src/store/attempt.rs` → `store::attempt`, `src/store/mod.rs` → `store`).
fn module_path(path: &Path) -> Vec<String> {
    let relative = path.strip_prefix(src()).unwrap().with_extension("");
    let mut parts: Vec<String> = relative.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    parts
}

/// Which crate modules each module may use, per the dependency arrows
/// `app, cli → store → scorecard → engine, quiz → grading → i18n → content → text, seeded`,
/// with the message catalogue `i18n` just below grading (it only knows content;
/// the grader writes its explanations with it).
/// `None`: not checked (`lib` declares the modules, `main` and `bin/` are
/// binaries over the whole library, `fuzzing` drives every layer on purpose).
fn allowed_uses(module: &str) -> Option<&'static [&'static str]> {
    Some(match module {
        "text" | "seeded" => &[],
        "content" => &["text", "seeded"],
        // The message catalogue names the core's enums, so it sits just above content.
        "i18n" => &["content", "text"],
        "grading" => &["i18n", "content", "text", "seeded"],
        "engine" | "quiz" => &["grading", "i18n", "content", "text", "seeded"],
        "scorecard" => &["engine", "quiz", "grading", "i18n", "content", "text", "seeded"],
        "store" => &["scorecard", "engine", "quiz", "grading", "i18n", "content", "text", "seeded"],
        "cli" | "app" => &["store", "scorecard", "engine", "quiz", "grading", "i18n", "content", "text", "seeded", "cli"],
        _ => return None,
    })
}

const MODULES: [&str; 13] = ["text", "seeded", "content", "i18n", "grading", "engine", "quiz", "scorecard", "store", "cli", "app", "fuzzing", "lib"];

/// A line of code without its `//` comment (doc comments go too).
fn code_of(line: &str) -> &str {
    line.split("//").next().unwrap_or("")
}

/// Whether `code` holds `needle` starting at a word boundary (not inside `SourceFile::`).
fn has_word(code: &str, needle: &str) -> bool {
    code.match_indices(needle).any(|(i, _)| !code[..i].chars().next_back().is_some_and(|c| c.is_alphanumeric() || c == '_'))
}

/// The lines of `path` that are not test code, numbered from 1: everything
/// from `#[cfg(test)]` at the start of a line to the `}` closing that item at
/// the start of a line (rustfmt puts it there) is left out. Files that are
/// test modules themselves (`#[cfg(test)] mod tests;`) are left out by
/// `test_only_files`.
fn non_test_lines(path: &Path) -> Vec<(usize, String)> {
    non_test_lines_of(&std::fs::read_to_string(path).unwrap())
}

fn non_test_lines_of(text: &str) -> Vec<(usize, String)> {
    let mut lines = Vec::new();
    let mut in_test = false;
    let mut pending = false;
    for (index, line) in text.lines().enumerate() {
        if in_test {
            in_test = line != "}";
            continue;
        }
        if line.starts_with("#[cfg(test)]") {
            pending = true;
            continue;
        }
        if pending {
            pending = false;
            // `#[cfg(test)] mod tests;` brings in a file; `#[cfg(test)] fn …` or `mod … {` is a block here.
            if line.trim_end().ends_with(';') {
                continue;
            }
            in_test = line.trim_end() != "}" && !line.trim_end().ends_with('}');
            continue;
        }
        lines.push((index + 1, line.to_string()));
    }
    lines
}

/// Files brought in only for tests (`#[cfg(test)] mod tests;` → `tests.rs` beside it).
fn test_only_files() -> BTreeSet<PathBuf> {
    let mut found = BTreeSet::new();
    for path in source_files(&src()) {
        let text = std::fs::read_to_string(&path).unwrap();
        let mut previous = "";
        for line in text.lines() {
            if previous.starts_with("#[cfg(test)]")
                && let Some(name) = line.trim().strip_prefix("mod ").and_then(|r| r.strip_suffix(';'))
            {
                let folder = if path.file_name().is_some_and(|n| n == "mod.rs" || n == "lib.rs" || n == "main.rs") {
                    path.parent().unwrap().to_path_buf()
                } else {
                    path.with_extension("")
                };
                found.insert(folder.join(format!("{name}.rs")));
            }
            previous = line;
        }
    }
    found
}

#[test]
fn every_source_file_starts_with_a_module_doc_line() {
    let mut missing = Vec::new();
    for path in source_files(&src()).into_iter().chain(source_files(&root().join("tests"))) {
        let text = std::fs::read_to_string(&path).unwrap();
        if !text.starts_with("//!") {
            missing.push(format!("{}:1: no leading //! line saying what the file owns", relative(&path)));
        }
    }
    assert!(missing.is_empty(), "files without a leading //! line: {missing:#?}");
}

/// Every path the code map in ARCHITECTURE.md names. The map is an indented
/// tree: a name ending in `/` is a folder whose entries are indented under it,
/// a name ending in `.rs` a file; a folder's own line stands for its `mod.rs`.
/// Lines of description (indented deeper, not starting with such a name) are skipped.
fn code_map() -> BTreeSet<String> {
    let doc = std::fs::read_to_string(root().join("ARCHITECTURE.md")).unwrap();
    let section = doc.split("## Code map").nth(1).expect("ARCHITECTURE.md has a `## Code map` section");
    let block = section.split("```").nth(1).expect("the code map is a fenced block");
    let mut named = BTreeSet::new();
    let mut folders: Vec<(usize, String)> = Vec::new();
    for line in block.lines() {
        let Some(name) = line.split_whitespace().next() else { continue };
        if !(name.ends_with(".rs") || name.ends_with('/')) {
            continue;
        }
        let indent = line.len() - line.trim_start().len();
        while folders.last().is_some_and(|(at, _)| *at >= indent) {
            folders.pop();
        }
        let path = format!("{}{name}", folders.iter().map(|(_, f)| f.as_str()).collect::<String>());
        if name.ends_with('/') {
            named.insert(format!("{path}mod.rs"));
            folders.push((indent, name.to_string()));
        } else {
            named.insert(path);
        }
    }
    named
}

#[test]
fn every_source_file_is_named_in_the_code_map() {
    let named = code_map();
    let mut missing = Vec::new();
    for path in source_files(&src()) {
        let name = relative(&path);
        if !named.contains(&name) {
            missing.push(format!("{name}:1: not in the code map of ARCHITECTURE.md; add a line saying what it owns"));
        }
    }
    assert!(missing.is_empty(), "source files the code map does not name: {missing:#?}");
    // And the map names no file that is gone (a folder's `mod.rs` may not exist).
    let stale: Vec<&String> =
        named.iter().filter(|n| n.starts_with("src/") && !n.ends_with("/mod.rs") && !root().join(n).exists()).collect();
    assert!(stale.is_empty(), "ARCHITECTURE.md's code map names files that do not exist: {stale:#?}");
}

#[test]
fn the_code_map_reader_understands_nesting() {
    let named = code_map();
    for path in ["src/main.rs", "src/text/fold.rs", "src/content/raw/common.rs", "src/store/mod.rs", "src/bin/fuzz_smoke.rs"] {
        assert!(named.contains(path), "{path} should be read from the map: {named:#?}");
    }
    assert!(!named.contains("src/export.rs") && !named.iter().any(|n| n.contains("warns")), "description lines are not names");
}

/// What a line of code may reach outside the program.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reach {
    FileSystem,
    Environment,
    Clock,
}

/// The words that mean a reach (compile-time `env!` and `option_env!` are not the environment).
const REACHES: &[(Reach, &str)] = &[
    (Reach::FileSystem, "std::fs"),
    (Reach::FileSystem, "fs::"),
    (Reach::FileSystem, "File::"),
    (Reach::FileSystem, "OpenOptions"),
    (Reach::FileSystem, "read_dir("),
    (Reach::FileSystem, "walkdir::"),
    (Reach::FileSystem, "tempfile::"),
    (Reach::FileSystem, ".exists()"),
    (Reach::FileSystem, ".is_file()"),
    (Reach::FileSystem, ".is_dir()"),
    (Reach::FileSystem, "canonicalize("),
    (Reach::Environment, "std::env"),
    (Reach::Environment, "env::var"),
    (Reach::Environment, "env::args"),
    (Reach::Environment, "env::current_dir"),
    (Reach::Environment, "dirs::"),
    (Reach::Clock, "SystemTime::now"),
    (Reach::Clock, "Instant::now"),
];

/// Where each reach is allowed (a folder ending in `/` or a file), and why.
/// The core (text, content checks, grading, engine, quiz, scorecard) takes
/// files' contents, the time and the settings as arguments.
const ALLOWED: &[(Reach, &str, &str)] = &[
    (Reach::FileSystem, "src/store/", "the data folder"),
    (Reach::FileSystem, "src/content/load.rs", "the loader walks and reads the content folders"),
    (Reach::FileSystem, "src/content/mod.rs", "finds the bundled content folder and the real path of each folder given"),
    (Reach::FileSystem, "src/content/check/paths.rs", "the paths pass resolves photo references and symlinks"),
    (Reach::FileSystem, "src/cli/", "reads the files named on the command line (labels, replies via store)"),
    (Reach::FileSystem, "src/main.rs", "the binary"),
    (Reach::FileSystem, "src/bin/", "the fuzz smoke binary"),
    (Reach::FileSystem, "src/fuzzing/", "seeds are built from the repository's files"),
    (Reach::Environment, "src/store/", "KEFU_DATA_DIR and the platform's data folder"),
    (Reach::Environment, "src/content/load.rs", "relative paths in diagnostics"),
    (Reach::Environment, "src/content/mod.rs", "KEFU_CONTENT_DIR"),
    (Reach::Environment, "src/cli/", "clap reads KEFU_CONTENT_DIR"),
    (Reach::Environment, "src/app/", "the desktop's settings (a session bus for dialogs), whether a display is there, and the first-frame benchmark switch"),
    (Reach::Environment, "src/main.rs", "the binary"),
    (Reach::Environment, "src/bin/", "the fuzz smoke binary"),
    (Reach::Environment, "src/fuzzing/", "the fuzz harness"),
    (Reach::Clock, "src/store/", "sweeping old temp files, naming a file set aside"),
    (Reach::Clock, "src/cli/", "--when now, when a --save is fed to the review deck, the day a performance file is made"),
    (Reach::Clock, "src/app/", "the app's Clock (real or hand-set for tests) is the only one the screens read"),
    (Reach::Clock, "src/main.rs", "the binary"),
    (Reach::Clock, "src/bin/", "the fuzz smoke binary"),
    (Reach::Clock, "src/fuzzing/", "the fuzz harness"),
];

fn reach_allowed(reach: Reach, file: &str) -> bool {
    ALLOWED.iter().any(|(r, place, _)| *r == reach && if place.ends_with('/') { file.starts_with(place) } else { file == *place })
}

/// Every line outside tests that reaches out where it may not: `file:line: what`.
fn reach_offenders() -> Vec<String> {
    let tests_only = test_only_files();
    let mut offenders = Vec::new();
    for path in source_files(&src()) {
        if tests_only.contains(&path) {
            continue;
        }
        let file = relative(&path);
        for (number, line) in non_test_lines(&path) {
            let code = code_of(&line);
            for (reach, word) in REACHES {
                if has_word(code, word) && !reach_allowed(*reach, &file) {
                    offenders.push(format!("{file}:{number}: {reach:?} through `{word}` ({}); only {} may", line.trim(), allowed_places(*reach)));
                }
            }
        }
    }
    offenders
}

fn allowed_places(reach: Reach) -> String {
    ALLOWED.iter().filter(|(r, ..)| *r == reach).map(|(_, place, _)| *place).collect::<Vec<_>>().join(", ")
}

#[test]
fn only_the_edges_touch_the_file_system_the_environment_or_the_clock() {
    let offenders = reach_offenders();
    assert!(offenders.is_empty(), "core code reaching outside the program (pass it in as an argument, or move it to store/): {offenders:#?}");
}

#[test]
fn the_reach_checker_would_catch_a_violation() {
    // A guard that cannot fail guards nothing.
    assert!(!reach_allowed(Reach::FileSystem, "src/grading/reply.rs"));
    assert!(!reach_allowed(Reach::FileSystem, "src/app/workbench.rs"), "the app saves through store");
    assert!(!reach_allowed(Reach::Clock, "src/engine/session.rs"));
    assert!(reach_allowed(Reach::FileSystem, "src/store/state.rs"));
    assert!(has_word("let t = std::fs::read(p);", "std::fs") && !has_word("SourceFile::new(p)", "File::"));
    assert!(has_word("fs::read(p)", "fs::") && !has_word("let x = env!(\"CARGO_MANIFEST_DIR\");", "std::env"));
    // Test code is left out, the code after it is not.
    let text = "fn a() {}\n#[cfg(test)]\nmod tests {\n    fn b() { std::fs::read(\"x\"); }\n}\nfn c() {}\n";
    let kept: Vec<usize> = non_test_lines_of(text).into_iter().map(|(n, _)| n).collect();
    assert_eq!(kept, [1, 6]);
}

/// Every top-level module that `path` names with `crate::` or enough `super::`
/// to reach the crate root, as (line, module): `crate::engine`, `crate::{engine, quiz}`,
/// `super::scorecard` in `src/store/mod.rs`.
fn uses_of(path: &Path) -> Vec<(usize, String)> {
    uses_in(&non_test_lines(path), module_path(path).len())
}

/// `uses_of` over numbered lines of a file `depth` modules below the crate root.
fn uses_in(lines: &[(usize, String)], depth: usize) -> Vec<(usize, String)> {
    let prefixes: Vec<String> = std::iter::once("crate::".to_string()).chain((depth > 0).then(|| "super::".repeat(depth))).collect();
    let mut found = Vec::new();
    for (index, (number, line)) in lines.iter().enumerate() {
        let code = code_of(line);
        for prefix in &prefixes {
            for (at, _) in code.match_indices(prefix.as_str()) {
                if code[..at].chars().next_back().is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
                    continue;
                }
                let rest = &code[at + prefix.len()..];
                if let Some(group) = rest.strip_prefix('{') {
                    // `use crate::{a, b::c, d::{e}}` may run over several lines.
                    let mut text = group.to_string();
                    for (_, more) in lines.iter().skip(index + 1).take(20) {
                        if brace_depth(&text) <= 0 {
                            break;
                        }
                        text.push_str(code_of(more));
                    }
                    found.extend(group_heads(&text).into_iter().map(|m| (*number, m)));
                } else {
                    let name: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
                    found.push((*number, name));
                }
            }
        }
    }
    found
}

/// Open braces minus closed ones, counting the `{` already stripped.
fn brace_depth(text: &str) -> i32 {
    1 + text.matches('{').count() as i32 - text.matches('}').count() as i32
}

/// The first name of each item at the top level of a `{a, b::c, d::{e}}` group (its `{` stripped).
fn group_heads(text: &str) -> Vec<String> {
    let mut heads = Vec::new();
    let mut depth = 1;
    let mut at_start = true;
    let mut word = String::new();
    for c in text.chars() {
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    break;
                }
            }
            ',' if depth == 1 => {
                if !word.is_empty() {
                    heads.push(std::mem::take(&mut word));
                }
                at_start = true;
            }
            c if depth == 1 && at_start && (c.is_alphanumeric() || c == '_') => word.push(c),
            _ if depth == 1 && at_start && !word.is_empty() => {
                heads.push(std::mem::take(&mut word));
                at_start = false;
            }
            _ => {}
        }
    }
    if !word.is_empty() {
        heads.push(word);
    }
    heads
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
            let code = code_of(line);
            if code.contains("egui") || code.contains("eframe") {
                offenders.push(format!("{}:{}: {}", relative(&path), number + 1, line.trim()));
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
        for (number, other) in uses_of(&path) {
            if other != module && MODULES.contains(&other.as_str()) && !allowed.contains(&other.as_str()) {
                offenders.push(format!("{}:{number}: {module} uses {other}; {module} may use only {}", relative(&path), allowed.join(", ")));
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
    assert_eq!(group_heads("engine::{Bundle, Session}, quiz, scorecard::Record};"), ["engine", "quiz", "scorecard"]);
    let text = "use crate::{\n    text::fold,\n    store::Settings,\n};\nuse super::super::app;\nfn a() { crate::app::run(); }\n";
    let uses = uses_in(&non_test_lines_of(text), 2);
    let expected: Vec<(usize, String)> = vec![(1, "text".into()), (1, "store".into()), (5, "app".into()), (6, "app".into())];
    assert_eq!(uses, expected);
    assert_eq!(module_path(&src().join("store/mod.rs")), ["store"]);
    assert_eq!(module_path(&src().join("store/attempt.rs")), ["store", "attempt"]);
}

#[test]
fn quiz_session_and_spec_do_not_import_each_other() {
    // An attempt is built from a spec; the spec knows nothing of attempts.
    let spec = std::fs::read_to_string(src().join("quiz/spec.rs")).unwrap();
    let offenders: Vec<String> = spec
        .lines()
        .enumerate()
        .filter(|(_, line)| code_of(line).contains("session::") || code_of(line).contains("QuizSession"))
        .map(|(n, line)| format!("src/quiz/spec.rs:{}: {}", n + 1, line.trim()))
        .collect();
    assert!(offenders.is_empty(), "spec.rs must not use the quiz session (session.rs uses spec.rs): {offenders:#?}");
}
