//! The 绩效档案 (performance file) of one trainee, made on the reading thread
//! (their records are read whole: a frame never waits for them) and handed to
//! `KefuApp::handle`, which alone writes it to a file.

use crate::content::raw::Lang;
use crate::scorecard::performance_file::{self, Inputs};
use crate::scorecard::performance_page;
use crate::store::RecordSource;

/// What the app asked for: whose file, in which language, made on which day.
#[derive(Debug, Clone, PartialEq)]
pub struct PrintRequest {
    pub trainee: String,
    pub lang: Lang,
    /// `YYYY-MM-DD`, from the app's clock.
    pub generated: String,
}

/// A page made, or why not, for the trainee named.
#[derive(Debug)]
pub struct Printed {
    pub trainee: String,
    /// The page's bytes, or the error that stopped it.
    pub page: Result<Vec<u8>, String>,
    /// A file name for it: the trainee's id (made safe) and the day.
    pub file_name: String,
}

/// Reads the trainee's records whole from `source` and prints the page; the
/// files that could not be read are listed in it.
pub fn make(source: &dyn RecordSource, request: &PrintRequest) -> Printed {
    let read = crate::store::performance_records(source, &request.trainee, None);
    let mut unreadable: Vec<String> = source.unreadable().chain(&read.unreadable).map(|e| e.path().map(|p| p.display().to_string()).unwrap_or_default()).collect();
    unreadable.dedup();
    let inputs = Inputs { trainee_id: &request.trainee, records: &read.records, reviews: &read.reviews, disputes: &read.disputes, since: None };
    let mut bytes = Vec::new();
    let page = performance_page::write(&mut bytes, &performance_file::build(inputs), &request.generated, &unreadable, request.lang).map(|()| bytes).map_err(|e| e.to_string());
    let id = crate::scorecard::names::encode(&request.trainee, crate::scorecard::names::PART_MAX);
    Printed { trainee: request.trainee.clone(), page, file_name: format!("performance-file-{id}-{}.html", request.generated) }
}
