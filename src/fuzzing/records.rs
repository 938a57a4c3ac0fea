//! Fuzz target `records`: bytes → the record readers (scorecard::read,
//! read_record, the CSV Summary reader), then every exporter (json, CSV with and
//! without detail, HTML, xAPI) and verify against the bundled course.

use crate::scorecard::{self, RecordRef, csv, html, verify, xapi};
use std::io;

pub fn run(data: &[u8]) {
    let json = String::from_utf8_lossy(data);
    let _ = csv::Summary::read(&json);
    let _ = scorecard::read(&json);
    let Ok(record) = scorecard::read_record(&json) else { return };
    let records = [RecordRef::from(&record)];
    let _ = csv::write_summary(io::sink(), records);
    let _ = csv::write_detail(io::sink(), records);
    let _ = html::write(io::sink(), records);
    let mut statements = Vec::new();
    xapi::write(&mut statements, records, xapi::DEFAULT_BASE).expect("xAPI writes to memory");
    assert!(serde_json::from_slice::<serde_json::Value>(&statements).is_ok(), "the xAPI export is not JSON");
    // What the reader accepts, the writer must write back readable: the app
    // saves records it read (migration) and verify reads them again.
    let saved = record.to_json();
    if let Err(error) = scorecard::read_record(&saved) {
        panic!("a record read back from its own JSON fails: {error}\n{saved}");
    }
    let _ = verify::verify_record(&record, &super::bundle());
}
