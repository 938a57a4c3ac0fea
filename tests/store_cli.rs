//! The data folder as a user meets it through `kefu`: ids differing only in
//! punctuation keep both records, an empty KEFU_DATA_DIR is refused, a file in
//! the way of a folder and oversized files are named, old temp files are swept;
//! `play --save` and `quiz --save` feed the trainee's review deck as the app does.

mod common;
use common::{kefu, kefu_env};

const GOOD: &str = "tests/fixtures/thermos-good.replies.ron";

fn stderr(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// `kefu play` of the good replies, saved for `trainee_id` at a fixed time.
fn play_and_save(data: &std::path::Path, trainee_id: &str) -> std::process::Output {
    kefu(&[
        "--data-dir", data.to_str().unwrap(), "play", "wrong-colour-thermos", "--replies", GOOD, "--seed", "5",
        "--trainee-id", trainee_id, "--when", "2026-11-23T09:30:00Z", "--save",
    ])
}

#[test]
fn ids_differing_only_in_punctuation_both_stay_saved_and_verify() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    for id in ["e.1", "e_1", "e/1", ".."] {
        let output = play_and_save(&data, id);
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    }
    // Saving the same run again neither copies nor replaces it.
    assert_eq!(play_and_save(&data, "e.1").status.code(), Some(0));
    for id in ["e.1", "e_1", "e/1", ".."] {
        let saved = kefu::store::trainee_scorecards(&data, id);
        assert_eq!(saved.len(), 1, "{id}: {saved:?}");
        assert!(saved[0].starts_with(data.join("scorecards")));
        assert_eq!(kefu::store::read_scorecard(&saved[0]).unwrap().trainee.id, id);
    }
    let output = kefu(&["verify", data.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{}{}", common::stdout(&output), stderr(&output));
    assert_eq!(common::stdout(&output).lines().filter(|l| l.starts_with("OK ")).count(), 4);
}

#[test]
fn an_empty_kefu_data_dir_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let output = kefu_env(
        &["play", "wrong-colour-thermos", "--replies", GOOD, "--trainee-id", "e1", "--when", "now", "--save"],
        &[("KEFU_DATA_DIR", "")],
    );
    assert_ne!(output.status.code(), Some(0));
    let message = stderr(&output);
    assert!(message.contains("KEFU_DATA_DIR is set but empty") && message.contains("current folder"), "{message}");
    assert!(!std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("scorecards").exists(), "nothing saved in the working folder");
    drop(dir);
}

#[test]
fn a_file_where_the_trainee_folder_goes_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("scorecards").join("e1024");
    std::fs::create_dir_all(blocker.parent().unwrap()).unwrap();
    std::fs::write(&blocker, b"").unwrap();
    let output = play_and_save(dir.path(), "e1024");
    assert_eq!(output.status.code(), Some(1));
    let message = stderr(&output);
    assert!(message.contains(&format!("{} is a file", blocker.display())) && message.contains("move or rename"), "{message}");
}

#[test]
fn oversized_replies_and_scorecards_are_refused_naming_the_file_and_limit() {
    let dir = tempfile::tempdir().unwrap();
    let replies = dir.path().join("huge.replies.ron");
    std::fs::File::create(&replies).unwrap().set_len(kefu::store::REPLIES_LIMIT + 1).unwrap();
    let output = kefu(&["play", "wrong-colour-thermos", "--replies", replies.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output);
    assert!(message.contains("huge.replies.ron") && message.contains("1 MB limit for a replies file"), "{message}");

    let card = dir.path().join("huge.json");
    std::fs::File::create(&card).unwrap().set_len(kefu::store::SCORECARD_LIMIT + 1).unwrap();
    let output = kefu(&["verify", card.to_str().unwrap()]);
    assert_ne!(output.status.code(), Some(0));
    let text = format!("{}{}", common::stdout(&output), stderr(&output));
    assert!(text.contains("huge.json") && text.contains("8 MB limit for a scorecard"), "{text}");
}

#[test]
fn saving_sweeps_old_temp_files_of_interrupted_saves_and_keeps_others() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("scorecards").join("e1024");
    std::fs::create_dir_all(&folder).unwrap();
    let hours_ago = |hours: u64| std::time::SystemTime::now() - std::time::Duration::from_secs(hours * 3600);
    for (name, when) in [(".kefu-Ab3dE9.tmp", hours_ago(2)), (".tmpXy12Zq", hours_ago(30)), (".kefu-Fresh1.tmp", hours_ago(0)), ("notes.tmp", hours_ago(48))] {
        std::fs::File::create(folder.join(name)).unwrap().set_modified(when).unwrap();
    }
    assert_eq!(play_and_save(dir.path(), "e1024").status.code(), Some(0));
    let mut left: Vec<String> = std::fs::read_dir(&folder).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
    left.sort();
    assert_eq!(left, [".kefu-Fresh1.tmp", "2026-11-23T09_30_00Z-e1024-wrong-colour-thermos-5.json", "notes.tmp"]);
}

/// The trainee's review deck as saved: question id → (reviews, lapses).
fn deck(data: &std::path::Path, trainee_id: &str) -> std::collections::BTreeMap<String, (u32, u32)> {
    let progress = kefu::store::Progress::load(data, trainee_id).unwrap();
    progress.deck.cards.iter().map(|(id, card)| (id.clone(), (card.reviews, card.lapses))).collect()
}

#[test]
fn play_save_puts_the_facts_stated_wrongly_into_the_review_deck() {
    let dir = tempfile::tempdir().unwrap();
    let replies = dir.path().join("wrong.replies.ron");
    std::fs::write(&replies, r#"[(after_secs: 3, say: "亲,这款保温杯容量是300ml哦,316不锈钢的")]"#).unwrap();
    let data = dir.path().join("data");
    let output = kefu(&[
        "--data-dir", data.to_str().unwrap(), "play", "thermos-specs", "--replies", replies.to_str().unwrap(),
        "--trainee-id", "e1024", "--when", "2026-11-23T09:30:00Z", "--save",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stderr(&output).contains("in the review deck"), "{}", stderr(&output));
    let deck = deck(&data, "e1024");
    assert!(deck.contains_key("gen-thermos-500-capacity") && deck.contains_key("gen-thermos-500-material"), "{deck:?}");
    // Without --save nothing is recorded anywhere.
    let other = dir.path().join("other");
    let output = kefu(&["--data-dir", other.to_str().unwrap(), "play", "thermos-specs", "--replies", replies.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(!other.exists());
}

#[test]
fn quiz_save_puts_the_answered_questions_into_the_review_deck_and_leaves_the_apps_exam_alone() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    // The app's exam in progress is the app's: a scripted quiz must not clear it.
    std::fs::create_dir_all(&data).unwrap();
    std::fs::write(data.join("exam-in-progress.json"), "kept").unwrap();
    let answers = dir.path().join("answers.ron");
    std::fs::write(&answers, r#"{"kpi-response-time": Choice("低于5秒")}"#).unwrap();
    let output = kefu(&[
        "--data-dir", data.to_str().unwrap(), "quiz", "kpi", "--mode", "practice", "--count", "100", "--answers",
        answers.to_str().unwrap(), "--trainee-id", "e1024", "--when", "2026-11-23T09:30:00Z", "--save",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let deck = deck(&data, "e1024");
    assert_eq!(deck.get("kpi-response-time"), Some(&(1, 0)), "answered right: {deck:?}");
    // The questions left unanswered were never seen: they stay out of the deck.
    assert_eq!(deck.len(), 1, "only the answered question: {deck:?}");
    assert_eq!(std::fs::read_to_string(data.join("exam-in-progress.json")).unwrap(), "kept");
}

#[test]
fn a_corrupt_review_deck_is_kept_aside_and_named_by_play_save() {
    let dir = tempfile::tempdir().unwrap();
    let replies = dir.path().join("wrong.replies.ron");
    std::fs::write(&replies, r#"[(after_secs: 3, say: "亲,这款保温杯容量是300ml哦")]"#).unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir_all(data.join("review")).unwrap();
    std::fs::write(data.join("review").join("e1024.json"), "{ half a deck").unwrap();
    let output = kefu(&[
        "--data-dir", data.to_str().unwrap(), "play", "thermos-specs", "--replies", replies.to_str().unwrap(), "--trainee-id", "e1024", "--save",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let message = stderr(&output);
    assert!(message.contains("warning:") && message.contains("e1024.json") && message.contains("kept as"), "{message}");
    let kept: Vec<_> = std::fs::read_dir(data.join("review")).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).filter(|n| n.contains(".corrupt-")).collect();
    assert_eq!(kept.len(), 1, "{kept:?}");
    assert_eq!(std::fs::read_to_string(data.join("review").join(&kept[0])).unwrap(), "{ half a deck");
    assert!(deck(&data, "e1024").contains_key("gen-thermos-500-capacity"));
}
