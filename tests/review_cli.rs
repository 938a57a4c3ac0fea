//! Reviews and disputes as a supervisor and a trainee make them with `kefu`:
//! scenarios played with `--save`, a dispute opened, a review signed that
//! disagrees, adds a missed finding, overrides a dimension and answers the
//! dispute; then `review list|show`, `verify` (edits of the review, the
//! dispute and the scorecard under them are caught, each with its own
//! message) and `export`. The scorecard's bytes never change.

mod common;
use common::{kefu, stdout};
use std::path::{Path, PathBuf};

fn run(args: &[&str]) -> (String, String, Option<i32>) {
    let output = kefu(args);
    (stdout(&output), String::from_utf8_lossy(&output.stderr).into_owned(), output.status.code())
}

/// e1 passes (example 1) on the 1st and fails (example 2) on the 2nd; 0042 fails on the 3rd.
fn data_folder(dir: &Path) {
    for (example, name, id, when) in [
        ("1", "王小明", "e1", "2026-11-01T09:00:00Z"),
        ("2", "王小明", "e1", "2026-11-02T09:00:00Z"),
        ("2", "李雷", "0042", "2026-11-03T09:00:00Z"),
    ] {
        let output = kefu(&[
            "play", "wrong-colour-thermos", "--example", example, "--trainee", name, "--trainee-id", id, "--when", when, "--save",
            "--data-dir", dir.to_str().unwrap(),
        ]);
        assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    }
}

fn files(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for entry in entries.flatten() {
            if entry.path().is_dir() { found.extend(files(&entry.path())) } else { found.push(entry.path()) }
        }
    }
    found.sort();
    found
}

/// The scorecard of e1 on `day` (1 or 2).
fn scorecard(dir: &Path, day: u32) -> PathBuf {
    files(&dir.join("scorecards")).into_iter().find(|p| p.to_string_lossy().contains(&format!("2026-11-0{day}T"))).unwrap()
}

fn s(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// The failed attempt disputed by its trainee, then reviewed: the dispute accepted.
fn reviewed(dir: &Path) -> (PathBuf, PathBuf, PathBuf) {
    data_folder(dir);
    let card = scorecard(dir, 2);
    let (out, err, code) = run(&["dispute", "open", s(&card), "--finding", "1:tone_below_min", "--reason", "我没有失礼", "--when", "2026-11-03T10:00:00Z", "--lang", "en"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("Dispute Open: 1:tone_below_min"), "{out}");
    let dispute = files(&dir.join("disputes")).pop().expect("a dispute saved under disputes/");
    assert!(dispute.starts_with(dir.join("disputes").join("e1")), "{}", dispute.display());
    let (out, err, code) = run(&[
        "review", "sign", s(&card), "--reviewer-name", "张主管", "--reviewer-id", "s01", "--agree", "1:apologise",
        "--disagree", "1:blame_customer#2=counted twice", "--add", "1@2:tone:-3:no greeting=should greet",
        "--override", "speed=60:slow network", "--comment", "keep at it", "--answer-dispute", s(&dispute), "--accept", "the tone was fine",
        "--when", "2026-11-04T10:00:00Z", "--lang", "en",
    ]);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.starts_with("Auto score: 0.0 FAIL → Reviewed score: ") && out.contains("Signed off"), "{out}");
    let review = files(&dir.join("reviews")).pop().expect("a review saved under reviews/");
    assert!(review.starts_with(dir.join("reviews").join("s01")), "{}", review.display());
    assert!(err.contains(&format!("saved {}", review.display())), "{err}");
    (card, dispute, review)
}

#[test]
fn the_auto_scorecard_is_byte_identical_after_a_dispute_and_a_review() {
    let dir = tempfile::tempdir().unwrap();
    data_folder(dir.path());
    let before: Vec<(PathBuf, Vec<u8>)> = files(&dir.path().join("scorecards")).into_iter().map(|p| (p.clone(), std::fs::read(&p).unwrap())).collect();
    let other = tempfile::tempdir().unwrap();
    let (card, _, _) = reviewed(other.path());
    let card_bytes = std::fs::read(&card).unwrap();
    // The same again in the first folder: a dispute, a review, a rejected dispute's review.
    let first = scorecard(dir.path(), 1);
    run(&["dispute", "open", s(&first), "--finding", "1:speed", "--reason", "网卡了"]);
    let dispute = files(&dir.path().join("disputes")).pop().unwrap();
    let (_, err, code) = run(&["review", "sign", s(&first), "--reviewer-name", "张", "--reviewer-id", "s01", "--answer-dispute", s(&dispute), "--reject", "5 秒内回复是硬指标"]);
    assert_eq!(code, Some(0), "{err}");
    let after: Vec<(PathBuf, Vec<u8>)> = files(&dir.path().join("scorecards")).into_iter().map(|p| (p.clone(), std::fs::read(&p).unwrap())).collect();
    assert_eq!(before, after, "no scorecard is touched, and none is added");
    assert_eq!(std::fs::read(&card).unwrap(), card_bytes);
    let (out, _, code) = run(&["verify", s(dir.path())]);
    assert_eq!(code, Some(0), "{out}");
    assert!(out.lines().filter(|l| l.starts_with("OK ")).count() == 5, "{out}");
}

#[test]
fn list_and_show_give_the_auto_and_reviewed_score_side_by_side() {
    let dir = tempfile::tempdir().unwrap();
    let (card, dispute, review) = reviewed(dir.path());
    let data = s(dir.path());
    let (out, err, code) = run(&["review", "list", data, "--lang", "en"]);
    assert_eq!(code, Some(0), "{err}");
    let lines: Vec<&str> = out.lines().collect();
    let signed = lines.iter().find(|l| l.contains(s(&card))).unwrap();
    assert!(signed.starts_with("Signed off  Auto score: 0.0 FAIL → Reviewed score: "), "{out}");
    assert!(out.contains(&format!("Dispute Accepted 1:tone_below_min: 我没有失礼 ({})", dispute.display())), "{out}");
    assert!(out.contains("Answer: the tone was fine"), "{out}");
    assert_eq!(lines.iter().filter(|l| l.starts_with("Not reviewed")).count(), 2, "{out}");
    let (open, _, _) = run(&["review", "list", data, "--state", "open", "--lang", "en"]);
    assert!(!open.contains(s(&card)) && open.lines().count() == 2, "{open}");
    let (signed_only, _, _) = run(&["review", "list", data, "--state", "signed"]);
    assert!(signed_only.starts_with("已签核") && signed_only.contains(s(&card)), "{signed_only}");
    let (one, _, _) = run(&["review", "list", data, "--trainee", "0042", "--lang", "en"]);
    assert!(one.lines().count() == 1 && one.contains("(0042)"), "{one}");

    for shown in [&card, &review] {
        let (out, err, code) = run(&["review", "show", s(shown), "--lang", "en"]);
        assert_eq!(code, Some(0), "{err}");
        assert!(out.contains("Auto score: 0.0 FAIL · Reviewed score: "), "{out}");
        assert!(out.contains("Reviewer: 张主管 (s01) · 2026-11-04T10:00:00Z · Signed off"), "{out}");
        assert!(out.contains("  1:apologise  +0.0/25.0  缺少这一步:道歉"), "the reference to use, the points, the grader's words: {out}");
        assert!(out.contains("[Agree]") && out.contains("[Disagree: counted twice]") && out.contains("[Disagree: the tone was fine]"), "{out}");
        assert!(out.contains("Findings the grader missed: no greeting · Tone · -3.0 · line 2 · should greet"), "{out}");
        assert!(out.contains("Speed: 44% → 60%"), "{out}");
        assert!(!out.contains("Some(") && !out.contains("Agree {"), "no debug text: {out}");
    }
    let (out, _, _) = run(&["review", "show", s(&card)]);
    assert!(out.contains("自动评分: 0.0 不合格") && out.contains("已签核"), "{out}");
}

#[test]
fn verify_catches_an_edited_review_dispute_or_scorecard_each_in_its_own_words() {
    let dir = tempfile::tempdir().unwrap();
    let (card, dispute, review) = reviewed(dir.path());
    let data = s(dir.path());
    let verify = |args: &[&str]| run(&[&["verify"], args].concat());

    let original = std::fs::read_to_string(&review).unwrap();
    std::fs::write(&review, original.replace("keep at it", "excellent")).unwrap();
    let (out, _, code) = verify(&[s(&review)]);
    assert_eq!(code, Some(1));
    assert_eq!(out.trim(), format!("EDITED {}: comment", review.display()));
    std::fs::write(&review, &original).unwrap();

    let original_dispute = std::fs::read_to_string(&dispute).unwrap();
    std::fs::write(&dispute, original_dispute.replace("我没有失礼", "我很礼貌")).unwrap();
    let (out, _, _) = verify(&[s(&dispute)]);
    assert_eq!(out.trim(), format!("EDITED {}: reason", dispute.display()));
    std::fs::write(&dispute, &original_dispute).unwrap();

    // The scorecard under them changed: the scorecard is EDITED, the review and the dispute are not.
    let original_card = std::fs::read_to_string(&card).unwrap();
    std::fs::write(&card, original_card.replacen("\"total\": 0.0", "\"total\": 75.0", 1)).unwrap();
    let (out, _, code) = verify(&[data]);
    assert_eq!(code, Some(1));
    assert!(out.contains(&format!("EDITED {}: grade", card.display())), "{out}");
    assert!(out.contains(&format!("SCORECARD CHANGED {}: the scorecard ", review.display())) && out.contains("review it again"), "{out}");
    assert!(out.contains(&format!("SCORECARD CHANGED {}: ", dispute.display())), "{out}");
    assert!(!out.contains(&format!("EDITED {}", review.display())), "{out}");
    // Gone altogether.
    std::fs::remove_file(&card).unwrap();
    let (out, _, _) = verify(&[s(&review)]);
    assert!(out.starts_with(&format!("SCORECARD MISSING {}", review.display())) && out.contains("verify it together with its scorecard"), "{out}");
    // Given beside it, from anywhere, it is found.
    let elsewhere = tempfile::tempdir().unwrap();
    let copy = elsewhere.path().join("card.json");
    std::fs::write(&copy, &original_card).unwrap();
    let (out, _, code) = verify(&[s(&review), s(&copy)]);
    assert_eq!(code, Some(0), "{out}");
    // The dispute a review answers, gone: its own message.
    std::fs::write(&card, &original_card).unwrap();
    std::fs::remove_file(&dispute).unwrap();
    let (out, _, _) = verify(&[s(&review)]);
    assert!(out.starts_with(&format!("DISPUTE MISSING {}", review.display())), "{out}");
}

#[test]
fn signing_a_scorecard_that_does_not_verify_warns_but_still_saves() {
    let dir = tempfile::tempdir().unwrap();
    data_folder(dir.path());
    let card = scorecard(dir.path(), 1);
    let sign = || run(&["review", "sign", s(&card), "--reviewer-name", "张", "--reviewer-id", "s01", "--comment", "ok"]);
    let (_, err, code) = sign();
    assert_eq!(code, Some(0), "{err}");
    assert!(!err.contains("does not verify"), "{err}");
    let text = std::fs::read_to_string(&card).unwrap();
    let edited = text.replacen("\"name\": \"王小明\"", "\"name\": \"王大明\"", 1);
    assert_ne!(edited, text, "the fixture names its trainee");
    std::fs::write(&card, edited).unwrap();
    let (_, err, code) = sign();
    assert_eq!(code, Some(0), "{err}");
    assert!(err.contains("does not verify") && err.contains("kefu verify"), "{err}");
}

#[test]
fn mistakes_are_told_clearly_and_nothing_is_saved() {
    let dir = tempfile::tempdir().unwrap();
    data_folder(dir.path());
    let card = scorecard(dir.path(), 2);
    let sign = |extra: &[&str]| run(&[&["review", "sign", s(&card), "--reviewer-name", "张", "--reviewer-id", "s01"], extra].concat());
    let cases: [(&[&str], &str); 9] = [
        (&["--agree", "apologise"], "write it ANSWER:RULE, e.g. 2:apologise"),
        (&["--agree", "9:apologise"], "finding 9:apologise: the scorecard has no such finding; `kefu review show` lists them"),
        (&["--disagree", "1:apologise"], "--disagree \"1:apologise\": no reason after `=`"),
        (&["--disagree", "1:apologise= "], "finding 1:apologise: say why you disagree (a reason is required)"),
        (&["--add", "1:loudness:-3:x"], "DIMENSION is accuracy, steps, tone, speed, actions or rules"),
        (&["--override", "rules=50:x"], "override of rules: only accuracy, steps, tone, speed and actions can be overridden"),
        (&["--override", "tone=150:x"], "override of tone: the score must be a percentage from 0 to 100"),
        (&["--accept"], "--accept decides a dispute: name it with --answer-dispute FILE"),
        (&["--answer-dispute", s(&card), "--reject", "no"], "not a dispute; --answer-dispute takes a dispute file"),
    ];
    for (extra, message) in cases {
        let (_, err, code) = sign(extra);
        assert_eq!(code, Some(2), "{extra:?}: {err}");
        assert!(err.starts_with("kefu: ") && err.contains(message), "{extra:?}: {err}");
        assert!(!err.contains("panicked"), "{err}");
    }
    let (_, err, _) = sign(&["--agree", "9:apologise"]);
    assert!(err.starts_with(&format!("kefu: {}: ", card.display())), "names the scorecard: {err}");
    let quiz = tempfile::tempdir().unwrap();
    let (_, err, code) = run(&["dispute", "open", "tests/fixtures/records-v2/mixed-exam.json", "--finding", "1:x", "--reason", "r", "--data-dir", s(quiz.path())]);
    assert_eq!(code, Some(2));
    assert!(err.contains("a quiz record, not a scenario's scorecard"), "{err}");
    assert!(!dir.path().join("reviews").exists() && !dir.path().join("disputes").exists(), "nothing saved");
}

#[test]
fn export_carries_reviews_and_disputes_and_the_new_columns() {
    let dir = tempfile::tempdir().unwrap();
    let (card, _, _) = reviewed(dir.path());
    let (out, err, code) = run(&["export", s(dir.path()), "--format", "csv"]);
    assert_eq!(code, Some(0), "{err}");
    let csv = out.strip_prefix('\u{feff}').expect("a BOM");
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let header = reader.headers().unwrap().clone();
    let rows: Vec<std::collections::HashMap<String, String>> =
        reader.records().map(|r| header.iter().map(str::to_string).zip(r.unwrap().iter().map(str::to_string)).collect()).collect();
    let kinds: Vec<&str> = rows.iter().map(|r| r["kind"].as_str()).collect();
    assert_eq!(kinds.iter().filter(|k| **k == "scenario").count(), 3);
    assert_eq!(kinds.iter().filter(|k| **k == "review").count(), 1);
    assert_eq!(kinds.iter().filter(|k| **k == "dispute").count(), 1);
    let reviewed_row = rows.iter().find(|r| r["kind"] == "scenario" && r["review_state"] == "signed_off").unwrap();
    let review_row = rows.iter().find(|r| r["kind"] == "review").unwrap();
    assert_eq!(reviewed_row["reviewed_total"], review_row["total"]);
    assert_eq!(reviewed_row["scorecard_id"], card.file_stem().unwrap().to_str().unwrap());
    assert_eq!((reviewed_row["pass_mark"].as_str(), reviewed_row["mode"].as_str(), reviewed_row["verified"].as_str()), ("70", "single", "true"));
    assert_eq!((review_row["reviewer_id"].as_str(), review_row["reviewer_name"].as_str()), ("s01", "张主管"));
    assert_eq!(rows.iter().find(|r| r["kind"] == "dispute").unwrap()["review_state"], "accepted");
    assert_eq!(rows.iter().filter(|r| r["review_state"] == "none").count(), 2);
    let numeric = rows.iter().find(|r| r["trainee_id"].contains("0042")).unwrap();
    assert_eq!((numeric["trainee_id"].as_str(), numeric["seed"].as_str()), ("=\"0042\"", "=\"0\""), "ids and seeds as text");

    let (out, err, code) = run(&["export", s(dir.path()), "--format", "xapi"]);
    assert_eq!(code, Some(0));
    let statements: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(statements.as_array().unwrap().len(), 3, "one per attempt");
    assert!(err.contains("2 review or dispute record(s) left out"), "{err}");
    assert!(statements[0]["context"]["extensions"]["https://kefu-trainer.example/xapi/seed"].is_string());

    let (html, _, code) = run(&["export", s(dir.path()), "--format", "html"]);
    assert_eq!(code, Some(0));
    assert!(html.contains("<h1>评分复核</h1>") && html.contains("<h1>申诉</h1>"), "a section each");
    let review_section = html.split("<h1>评分复核</h1>").nth(1).and_then(|rest| rest.split("</section>").next()).unwrap();
    assert!(review_section.contains("指责买家:不指责"), "a judged finding named by the grader's words when its scorecard is exported too: {review_section}");
    assert!(!html.to_lowercase().contains("<script"));
}
