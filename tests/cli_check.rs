//! `kefu check` as a user runs it: exit codes, the summary line, JSON output, and
//! a bundled file corrupted five ways, each reported at its line:col while the
//! other files still load.

mod common;

use common::{kefu_in, stdout};

use std::path::{Path, PathBuf};

const MODEL: &str = "scenarios/zh/after-sale/wrong-colour-thermos.ron";




/// A private copy of the bundled course to break.
fn course_copy() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().to_path_buf();
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    common::copy_dir(&repo.join("scenarios"), &root.join("scenarios"));
    common::copy_dir(&repo.join("assets"), &root.join("assets"));
    (dir, root)
}

/// The number N in the summary line `checked N scenarios, ...`.
fn scenarios_counted(out: &str) -> usize {
    let line = out.lines().rev().find(|l| l.starts_with("checked ")).expect("summary line");
    line.split_whitespace().nth(1).unwrap().parse().unwrap()
}

fn line_of(text: &str, needle: &str) -> usize {
    text.lines().position(|l| l.contains(needle)).expect("needle in file") + 1
}

#[test]
fn the_bundled_course_checks_clean() {
    let output = kefu_in(&["check"], None);
    let out = stdout(&output);
    assert_eq!(output.status.code(), Some(0), "{out}");
    let summary = out.lines().last().unwrap();
    assert!(summary.ends_with(": 0 errors, 0 warnings"), "{summary}");
}

/// Breaks the model scenario with `corrupt`, then expects exit 1, a diagnostic in
/// that file at `line` (when given), no panic, and every other scenario counted.
fn expect_reported(corrupt: impl FnOnce(&str) -> Vec<u8>, line: Option<usize>, code: &str) {
    let (_dir, root) = course_copy();
    let before = scenarios_counted(&stdout(&kefu_in(&["check"], Some(&root))));
    let path = root.join(MODEL);
    let original = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, corrupt(&original)).unwrap();

    let output = kefu_in(&["check"], Some(&root));
    let out = stdout(&output);
    let err = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{out}\n{err}");
    assert!(!err.contains("panicked"), "{err}");
    let reported: Vec<&str> = out.lines().filter(|l| l.starts_with(MODEL) && l.contains(code)).collect();
    assert!(!reported.is_empty(), "no {code} diagnostic for {MODEL} in:\n{out}");
    if let Some(line) = line {
        let prefix = format!("{MODEL}:{line}:");
        assert!(reported.iter().any(|l| l.starts_with(&prefix)), "expected {prefix} in {reported:#?}");
    }
    assert!(reported.iter().all(|l| {
        let mut parts = l.splitn(4, ':');
        parts.next();
        parts.next().unwrap().parse::<usize>().is_ok() && parts.next().unwrap().parse::<usize>().is_ok()
    }));
    assert_eq!(scenarios_counted(&out), before, "the other scenarios must still be counted");
}

#[test]
fn a_truncated_file_is_reported_at_its_end() {
    expect_reported(|text| text.as_bytes()[..text.len() / 2].to_vec(), None, "error[ron]");
}

#[test]
fn invalid_utf8_is_reported_at_the_bad_byte() {
    let original = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(MODEL)).unwrap();
    let line = line_of(&original, "difficulty:");
    expect_reported(
        |text| {
            let at = text.find("difficulty:").unwrap();
            let mut bytes = text.as_bytes().to_vec();
            bytes.insert(at, 0xff);
            bytes
        },
        Some(line),
        "error[invalid-utf8]",
    );
}

#[test]
fn a_wrong_type_is_reported_at_the_value() {
    let original = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(MODEL)).unwrap();
    let line = line_of(&original, "difficulty:");
    expect_reported(|text| text.replacen("difficulty: 2", "difficulty: \"hard\"", 1).into_bytes(), Some(line), "error[ron]");
}

#[test]
fn an_unknown_node_id_is_reported_where_it_is_named() {
    let original = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(MODEL)).unwrap();
    let line = line_of(&original, "otherwise: \"order-and-photo\"");
    expect_reported(
        |text| text.replacen("otherwise: \"order-and-photo\"", "otherwise: \"order-and-fotos\"", 1).into_bytes(),
        Some(line),
        "error[unknown-node]",
    );
}

#[test]
fn a_duplicate_node_id_is_reported_at_the_second_one() {
    expect_reported(
        |text| {
            text.replacen(
                "\"resolved\": End(",
                "\"relieved\": End(outcome: Resolved),\n        \"resolved\": End(",
                1,
            )
            .into_bytes()
        },
        None,
        "error[duplicate-id]",
    );
}

#[test]
fn a_duplicate_scenario_id_across_files_is_reported() {
    let (_dir, root) = course_copy();
    std::fs::copy(root.join(MODEL), root.join("scenarios/zh/after-sale/zz-copy.ron")).unwrap();
    let output = kefu_in(&["check"], Some(&root));
    let out = stdout(&output);
    assert_eq!(output.status.code(), Some(1));
    let line = line_of(&std::fs::read_to_string(root.join(MODEL)).unwrap(), "id: \"wrong-colour-thermos\"");
    assert!(
        out.lines().any(|l| l.starts_with(&format!("scenarios/zh/after-sale/zz-copy.ron:{line}:")) && l.contains("duplicate-id")),
        "{out}"
    );
}

#[test]
fn json_output_parses_and_carries_the_summary() {
    let output = kefu_in(&["check", "--format", "json"], None);
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("valid JSON");
    assert_eq!(json["summary"]["errors"], 0);
    assert!(json["summary"]["scenarios"].as_u64().unwrap() >= 1);
    assert!(json["diagnostics"].is_array());
}

#[test]
fn one_file_is_checked_against_the_bundled_shop() {
    let output = kefu_in(&["check", MODEL], None);
    let out = stdout(&output);
    assert_eq!(output.status.code(), Some(0), "{out}");
    assert!(out.contains("checked 1 scenarios"), "{out}");
}

#[test]
fn several_paths_share_one_content_folder() {
    let output = kefu_in(&["check", "assets", "scenarios/zh/after-sale/wrong-colour-thermos.ron"], None);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
}

#[test]
fn bad_usage_exits_2() {
    assert_eq!(kefu_in(&["check", "--format", "xml"], None).status.code(), Some(2));
    assert_eq!(kefu_in(&["no-such-command"], None).status.code(), Some(2));
}

#[test]
fn a_missing_path_is_an_error_not_a_panic() {
    let output = kefu_in(&["check", "no/such/folder"], None);
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout(&output).contains("no/such/folder:0:0: error[io]"));
}

/// Issue 13: a link to `/` once made `kefu check` read the whole disk. Links that
/// leave the content folder are reported by name and never read; a loop ends.
#[cfg(unix)]
#[test]
fn symbolic_links_out_of_the_folder_and_loops_are_reported_not_followed() {
    use std::os::unix::fs::symlink;
    let (_dir, root) = course_copy();
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("secret.ron"), "Catalogue(products: [Product(id: \"top-secret\")])").unwrap();
    symlink("/", root.join("scenarios/disk")).unwrap();
    symlink(outside.path().join("secret.ron"), root.join("scenarios/secret.ron")).unwrap();
    symlink(root.join("scenarios"), root.join("scenarios/zh/loop")).unwrap();

    let output = kefu_in(&["check"], Some(&root));
    let out = stdout(&output);
    assert_eq!(output.status.code(), Some(1), "{out}");
    for link in ["scenarios/disk", "scenarios/secret.ron"] {
        assert!(out.lines().any(|l| l.contains(link) && l.contains("path-escape")), "{link} in:\n{out}");
    }
    assert!(out.lines().any(|l| l.contains("scenarios/zh/loop") && l.contains("link-loop")), "{out}");
    assert!(!out.contains("top-secret"), "{out}");
}
