//! Fuzz target `records`: bytes → the record readers (scorecard::read,
//! read_record, the CSV Summary reader), then every exporter (json, CSV with and
//! without detail, HTML, xAPI) and verify against the bundled course.

use crate::scorecard::{self, RecordRef, Summary};
use std::io;

pub fn run(data: &[u8]) {
    let json = String::from_utf8_lossy(data);
    let _ = Summary::read(&json);
    let _ = scorecard::read(&json);
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
    let _ = scorecard::verify_record(&record, &super::bundle());
}
