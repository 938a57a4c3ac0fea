//! `kefu verify` and `kefu export` pointed at a whole data folder, as a
//! supervisor uses them: files that are not records are skipped with a note,
//! an edited record is warned about on export, and `--verified-only` refuses.

mod common;
use common::{kefu, stdout};
use std::path::Path;

/// A data folder as the app leaves it: two saved scorecards (what they missed
/// in the trainees' review decks), settings, another review deck, an autosave.
fn data_folder(dir: &Path) {
    for (example, trainee) in [("1", "王小明"), ("2", "李雷")] {
        let output = kefu(&[
            "play", "wrong-colour-thermos", "--example", example, "--trainee", trainee, "--when", "2026-11-23T09:30:00Z",
            "--save", "--data-dir", dir.to_str().unwrap(),
        ]);
        assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    }
    std::fs::write(dir.join("settings.json"), r#"{"lang": "zh", "trainee": {"name": "王小明", "id": "e1"}}"#).unwrap();
    std::fs::create_dir_all(dir.join("review")).unwrap();
    std::fs::write(dir.join("review").join("e1.json"), r#"{"cards": {}}"#).unwrap();
    std::fs::write(dir.join("autosave.json"), r#"{"scenario": "x", "inputs": []}"#).unwrap();
}

fn saved_cards(dir: &Path) -> Vec<std::path::PathBuf> {
    walk(&dir.join("scorecards"))
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        if entry.path().is_dir() {
            files.extend(walk(&entry.path()));
        } else {
            files.push(entry.path());
        }
    }
    files.sort();
    files
}

#[test]
fn verify_on_the_data_folder_skips_what_is_not_a_record() {
    let dir = tempfile::tempdir().unwrap();
    data_folder(dir.path());
    let output = kefu(&["verify", dir.path().to_str().unwrap()]);
    let out = stdout(&output);
    assert_eq!(output.status.code(), Some(0), "{out}");
    assert_eq!(out.lines().filter(|l| l.starts_with("OK ")).count(), 2, "{out}");
    // Settings, the autosave, and the review decks (one written here, others fed by `play --save`).
    let others = walk(dir.path()).len() - saved_cards(dir.path()).len();
    assert!(others >= 3, "{others}");
    assert_eq!(out.lines().filter(|l| l.starts_with("SKIPPED ")).count(), others, "{out}");
}

#[test]
fn a_broken_record_in_the_folder_is_still_an_error() {
    let dir = tempfile::tempdir().unwrap();
    data_folder(dir.path());
    let card = &saved_cards(dir.path())[0];
    std::fs::write(card.with_file_name("cut-short.json"), "{\"schema_version\": 2, \"transcript\": [").unwrap();
    let output = kefu(&["verify", dir.path().to_str().unwrap()]);
    let out = stdout(&output);
    assert_eq!(output.status.code(), Some(1), "{out}");
    assert!(out.lines().any(|l| l.starts_with("ERROR ") && l.contains("cut-short.json")), "{out}");
}

#[test]
fn export_warns_about_an_edited_record_and_verified_only_refuses_it() {
    let dir = tempfile::tempdir().unwrap();
    data_folder(dir.path());
    let card = &saved_cards(dir.path())[0];
    let mut json: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(card).unwrap()).unwrap();
    json["grade"]["total"] = 99.0.into();
    std::fs::write(card, serde_json::to_string_pretty(&json).unwrap()).unwrap();

    let out_file = dir.path().join("cohort.csv");
    let output = kefu(&["export", dir.path().to_str().unwrap(), "--format", "csv", "--out", out_file.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{err}");
    assert!(err.contains("warning: EDITED") && err.contains("1 of them not verified"), "{err}");
    assert!(out_file.exists());

    let refused = dir.path().join("refused.csv");
    let output = kefu(&["export", dir.path().to_str().unwrap(), "--format", "csv", "--verified-only", "--out", refused.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{err}");
    assert!(err.contains("nothing exported"), "{err}");
    assert!(!refused.exists(), "nothing is written when refused");
}
