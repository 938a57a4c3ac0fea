//! Tests of the data folder as a whole: names, saves that never lose a record,
//! records saved under the old naming, the data folder setting.

use super::*;
use proptest::prelude::*;
use std::ffi::OsStr;

/// A saved scorecard from the fixtures, for `trainee_id`.
fn card(trainee_id: &str) -> Scorecard {
    let mut card = scorecard::read(include_str!("../../tests/fixtures/scorecard-v2.json")).unwrap();
    card.trainee.id = trainee_id.to_string();
    card
}

#[test]
fn the_data_folder_can_be_named() {
    assert_eq!(data_dir_from(Some(Path::new("/tmp/x")), Some(OsStr::new("/tmp/y"))).unwrap(), PathBuf::from("/tmp/x"));
    assert_eq!(data_dir_from(None, Some(OsStr::new("/tmp/y"))).unwrap(), PathBuf::from("/tmp/y"));
}

#[test]
fn an_empty_data_folder_is_refused_not_taken_as_the_current_folder() {
    let message = data_dir_from(None, Some(OsStr::new(""))).unwrap_err().to_string();
    assert!(message.contains("KEFU_DATA_DIR is set but empty") && message.contains("current folder") && message.contains("unset it"), "{message}");
    let message = data_dir_from(Some(Path::new("")), None).unwrap_err().to_string();
    assert!(message.starts_with("--data-dir is set but empty"), "{message}");
}

#[test]
fn ids_differing_only_in_punctuation_keep_both_records() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (card("e.1"), card("e_1"));
    let path_a = save_record(dir.path(), &a).unwrap();
    let path_b = save_record(dir.path(), &b).unwrap();
    assert_ne!(path_a, path_b);
    assert_eq!(read_scorecard(&path_a).unwrap().trainee.id, "e.1");
    assert_eq!(read_scorecard(&path_b).unwrap().trainee.id, "e_1");
    assert_eq!(trainee_scorecards(dir.path(), "e.1"), [path_a]);
    assert_eq!(trainee_scorecards(dir.path(), "e_1"), [path_b]);
}

#[test]
fn a_save_never_replaces_a_different_record_and_a_repeated_save_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let first = card("e1024");
    let mut second = first.clone();
    second.trainee.name = "someone else, same id and time".into();
    let path = save_record(dir.path(), &first).unwrap();
    assert_eq!(save_record(dir.path(), &first).unwrap(), path, "the same record again is found, not copied");
    let other = save_record(dir.path(), &second).unwrap();
    assert_eq!(other.file_name().unwrap().to_str().unwrap(), path.file_name().unwrap().to_str().unwrap().replace(".json", "-2.json"));
    assert_eq!(read_scorecard(&path).unwrap(), first);
    assert_eq!(read_scorecard(&other).unwrap(), second);
    assert_eq!(trainee_scorecards(dir.path(), "e1024").len(), 2);
}

#[test]
fn records_saved_under_the_old_naming_are_still_found_and_not_mixed_up() {
    let dir = tempfile::tempdir().unwrap();
    // Versions before this one saved both `e.1` and `e_1` in `scorecards/e_1/`.
    let old_folder = dir.path().join("scorecards").join("e_1");
    std::fs::create_dir_all(&old_folder).unwrap();
    std::fs::write(old_folder.join("old-dot.json"), card("e.1").to_json()).unwrap();
    std::fs::write(old_folder.join("old-underscore.json"), card("e_1").to_json()).unwrap();
    let new = save_record(dir.path(), &card("e.1")).unwrap();
    let mut found = trainee_scorecards(dir.path(), "e.1");
    found.sort();
    let mut expected = vec![old_folder.join("old-dot.json"), new];
    expected.sort();
    assert_eq!(found, expected);
    assert_eq!(trainee_scorecards(dir.path(), "e_1"), [old_folder.join("old-underscore.json")]);
}

#[test]
fn a_file_where_the_trainee_folder_goes_is_named_in_the_error() {
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("scorecards").join("e1024");
    std::fs::create_dir_all(blocker.parent().unwrap()).unwrap();
    std::fs::write(&blocker, b"").unwrap();
    let message = save_record(dir.path(), &card("e1024")).unwrap_err().to_string();
    assert!(message.contains(&blocker.display().to_string()) && message.contains("is a file"), "{message}");
}

#[test]
fn an_oversized_scorecard_is_refused_before_reading() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.json");
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(SCORECARD_LIMIT + 1).unwrap();
    let message = read_record(&path).unwrap_err().to_string();
    assert!(message.contains("huge.json") && message.contains("8 MB"), "{message}");
    assert!(looks_like_record(&path), "reported, not passed over");
}

#[test]
fn opening_the_data_folder_sweeps_old_temp_files() {
    let dir = tempfile::tempdir().unwrap();
    let temp = dir.path().join(".kefu-abc123.tmp");
    let file = std::fs::File::create(&temp).unwrap();
    file.set_modified(std::time::SystemTime::now() - std::time::Duration::from_secs(3 * 3600)).unwrap();
    drop(file);
    assert_eq!(open(Some(dir.path())).unwrap(), dir.path());
    assert!(!temp.exists());
}

/// Trainee ids as typed: punctuation, CJK, separators, `..`, empty, very long.
fn id() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z0-9._/-]{0,5}",
        "[一-龥a-zA-Z ._:/\\\\-]{0,8}",
        ".{0,8}",
        "[a-z._]{100,300}",
        Just("..".to_string()),
        Just(String::new()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]
    /// Two records of distinct trainees, same scenario, seed and time: both
    /// survive, inside the data folder, each found by its own trainee.
    #[test]
    fn saving_two_records_never_loses_one(a in id(), b in id()) {
        prop_assume!(a != b);
        let dir = tempfile::tempdir().unwrap();
        let path_a = save_record(dir.path(), &card(&a)).unwrap();
        let path_b = save_record(dir.path(), &card(&b)).unwrap();
        prop_assert_ne!(&path_a, &path_b);
        for path in [&path_a, &path_b] {
            prop_assert!(path.starts_with(dir.path().join("scorecards")));
            prop_assert_eq!(path.components().count(), dir.path().components().count() + 3);
        }
        prop_assert_eq!(read_scorecard(&path_a).unwrap().trainee.id, a.clone());
        prop_assert_eq!(read_scorecard(&path_b).unwrap().trainee.id, b.clone());
        prop_assert_eq!(trainee_scorecards(dir.path(), &a), vec![path_a]);
        prop_assert_eq!(trainee_scorecards(dir.path(), &b), vec![path_b]);
    }
}
