//! Hostile sizes in a record: a forged file with every seal broken gets one
//! short `kefu verify` line ("and N more"), and a message with tens of
//! thousands of findings exports to HTML in linear time (it was quadratic:
//! 5.3 s for 25,000 findings in a release build).

mod common;

use kefu::grading::Span;
use kefu::scorecard;
use std::path::Path;
use std::time::{Duration, Instant};

fn fixture() -> serde_json::Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/scorecard-v2.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn a_forged_record_with_every_seal_broken_gets_one_short_line() {
    let mut card = fixture();
    // 50,000 seals for fields that do not exist, and a field whose name is a megabyte.
    let digests = card["digests"].as_object_mut().unwrap();
    for i in 0..50_000 {
        digests.insert(format!("forged[{i}]"), "0".repeat(16).into());
    }
    card["grade"]["亲".repeat(300_000)] = 1.into();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("forged.json");
    std::fs::write(&file, card.to_string()).unwrap();
    let output = common::kefu(&["verify", file.to_str().unwrap()]);
    let out = common::stdout(&output);
    assert_eq!(output.status.code(), Some(1), "{out}");
    assert!(out.starts_with("EDITED ") && out.contains(" more"), "{out}");
    assert!(out.len() < 4_000, "{} bytes: {}", out.len(), &out[..out.floor_char_boundary(400)]);
    // Export warns with the same capped line.
    let output = common::kefu(&["export", "--format", "csv", file.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(err.contains("EDITED") && err.len() < 4_000, "{} bytes", err.len());
}

#[test]
fn capped_names_at_most_max_named_and_says_how_many_more() {
    let names: Vec<String> = (0..1000).map(|i| format!("f{i}")).collect();
    let capped = scorecard::capped_names(names);
    assert_eq!(capped.len(), scorecard::MAX_NAMED + 1);
    assert_eq!(capped.last().unwrap(), &format!("and {} more", 1000 - scorecard::MAX_NAMED));
    assert_eq!(scorecard::capped_names(vec!["a".into()]), vec!["a".to_string()]);
    let long = scorecard::clip_name(&"亲".repeat(1000));
    assert_eq!(long.chars().count(), scorecard::MAX_NAME_CHARS + 1);
}

#[test]
fn many_findings_on_one_message_export_in_linear_time() {
    let mut card = scorecard::read(&fixture().to_string()).unwrap();
    let message = card.transcript.iter().position(|e| e.who == kefu::engine::Who::Agent).unwrap();
    let findings = 60_000;
    card.transcript[message].text = "亲a".repeat(findings);
    let template = card.replies[0].findings[0].clone();
    card.replies[0].findings = (0..findings)
        .map(|i| {
            let mut finding = template.clone();
            finding.span = Some(Span { message, start: 4 * i, end: 4 * i + 3 });
            finding
        })
        .collect();
    let started = Instant::now();
    let mut html = Vec::new();
    scorecard::write_html(&mut html, [&card]).unwrap();
    // Generous for a debug build on a busy machine; the quadratic layout took minutes here.
    assert!(started.elapsed() < Duration::from_secs(30), "{:?}", started.elapsed());
    let html = String::from_utf8(html).unwrap();
    assert!(html.matches("<mark ").count() >= findings);
    assert!(html.contains(&format!("<sup>{findings}</sup>")));
}
