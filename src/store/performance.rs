//! One trainee's records read whole from a `RecordSource`, with the reviews
//! and disputes about them: what the 绩效档案 (`scorecard::performance_file`)
//! is made from, for `kefu report --trainee` and the supervisor's print button
//! alike. A record that cannot be opened is listed, never fatal.

use super::{RecordSource, StoreError};
use crate::scorecard::{DisputeCard, Record, ReviewCard};

/// A trainee's attempts (whole), the reviews and disputes of their
/// scorecards, and the files that could not be opened.
#[derive(Debug, Default)]
pub struct PerformanceRecords {
    pub records: Vec<Record>,
    pub reviews: Vec<ReviewCard>,
    pub disputes: Vec<DisputeCard>,
    pub unreadable: Vec<StoreError>,
}

/// Opens every record of `trainee` (by employee id) the source lists, from
/// `since` (`YYYY-MM-DD`, UTC) on when given, and copies the reviews and
/// disputes naming one of their scorecards.
pub fn performance_records(source: &dyn RecordSource, trainee: &str, since: Option<&str>) -> PerformanceRecords {
    let opener = source.opener();
    let mut read = PerformanceRecords::default();
    let kept = |when: Option<&String>| since.is_none_or(|date| when.is_some_and(|when| when.as_str() >= date));
    for (path, summary) in source.keyed_summaries() {
        if summary.trainee.id != trainee || !kept(summary.when_utc.as_ref()) {
            continue;
        }
        match opener(path) {
            Ok(record) => read.records.push(record),
            Err(error) => read.unreadable.push(error),
        }
    }
    read.reviews = source.reviews().filter(|(_, review)| review.scorecard.trainee.id == trainee).map(|(_, review)| review.clone()).collect();
    read.disputes = source.disputes().filter(|(_, dispute)| dispute.scorecard.trainee.id == trainee).map(|(_, dispute)| dispute.clone()).collect();
    read
}
