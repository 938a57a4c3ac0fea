//! Fuzz target `records`: bytes → the record readers (scorecard::read,
//! read_record, read_family, the CSV Summary reader), then every exporter (json,
//! CSV with and without detail, HTML, xAPI, the trainee's performance file in
//! both languages) and verify against the bundled course; a review or dispute
//! is verified against the fixture scorecard (its rules and reviewed score run
//! on whatever it claims), and printed in the performance file beside it.

use crate::content::raw::Lang;
use crate::scorecard::performance_file::{Inputs, build};
use crate::scorecard::{self, DisputeCard, FamilyRecord, Record, RecordRef, ReviewCard, Scorecard, Summary, performance_page};
use std::io;
use std::sync::OnceLock;

/// The scorecard the review and dispute seeds are about.
fn reviewed() -> &'static Scorecard {
    static CARD: OnceLock<Scorecard> = OnceLock::new();
    CARD.get_or_init(|| {
        let text = std::fs::read_to_string(super::repo().join("tests/fixtures/scorecard-v2.json")).unwrap_or_default();
        scorecard::read(&text).expect("the fixture scorecard reads")
    })
}

/// The performance file of the records' trainee, in both languages.
fn performance_file(trainee: &str, records: &[Record], reviews: &[ReviewCard], disputes: &[DisputeCard]) {
    let file = build(Inputs { trainee_id: trainee, records, reviews, disputes, since: None });
    for lang in [Lang::Zh, Lang::En] {
        let _ = performance_page::write(io::sink(), &file, "2026-12-02", &[], lang);
    }
}

/// A review or dispute through every exporter, back through its reader, and verified.
fn about(record: &FamilyRecord) {
    let records = [RecordRef::from(record)];
    let _ = scorecard::write_csv_summary(io::sink(), records);
    let _ = scorecard::write_csv_detail(io::sink(), records);
    let _ = scorecard::write_html(io::sink(), [RecordRef::from(reviewed()), records[0]]);
    let _ = scorecard::write_xapi(io::sink(), records, scorecard::XAPI_DEFAULT_BASE);
    let saved = record.to_json();
    if let Err(error) = scorecard::read_family(&saved) {
        panic!("a record read back from its own JSON fails: {error}\n{saved}");
    }
    let card = [Record::Scenario(reviewed().clone())];
    let trainee = reviewed().trainee.id.as_str();
    match record {
        FamilyRecord::Review(review) => {
            let _ = scorecard::verify_review(review, &[reviewed()], &[]);
            performance_file(trainee, &card, std::slice::from_ref(review), &[]);
        }
        FamilyRecord::Dispute(dispute) => {
            let _ = scorecard::verify_dispute(dispute, &[reviewed()]);
            performance_file(trainee, &card, &[], std::slice::from_ref(dispute));
        }
        FamilyRecord::Attempt(_) => {}
    }
}

pub fn run(data: &[u8]) {
    let json = String::from_utf8_lossy(data);
    let _ = Summary::read(&json);
    let _ = scorecard::read(&json);
    if let Ok(family @ (FamilyRecord::Review(_) | FamilyRecord::Dispute(_))) = scorecard::read_family(&json) {
        return about(&family);
    }
    let Ok(record) = scorecard::read_record(&json) else { return };
    let records = [RecordRef::from(&record)];
    let _ = scorecard::write_csv_summary(io::sink(), records);
    let _ = scorecard::write_csv_detail(io::sink(), records);
    let _ = scorecard::write_html(io::sink(), records);
    let mut statements = Vec::new();
    scorecard::write_xapi(&mut statements, records, scorecard::XAPI_DEFAULT_BASE).expect("xAPI writes to memory");
    assert!(serde_json::from_slice::<serde_json::Value>(&statements).is_ok(), "the xAPI export is not JSON");
    // What the reader accepts, the writer must write back readable: the app
    // saves records it read (migration) and verify reads them again.
    let saved = record.to_json();
    if let Err(error) = scorecard::read_record(&saved) {
        panic!("a record read back from its own JSON fails: {error}\n{saved}");
    }
    let trainee = RecordRef::from(&record).trainee().id.clone();
    performance_file(&trainee, std::slice::from_ref(&record), &[], &[]);
    let _ = scorecard::verify_record(&record, &super::bundle());
}
