//! The background reader: one thread owns the record source and refreshes it
//! on request, counting as it goes, so a frame never waits for a file. Each
//! refresh that changed something sends a new `Snapshot` (every record's
//! summary with where it is, the unreadable files, an opener); the dashboard
//! polls for it once a frame. It also reads records whole when asked: a
//! scenario's lost points, a trainee's performance file. The thread ends when the `Loader` is dropped.

use super::lost::{LostPoints, tally};
use super::print::{PrintRequest, Printed};
use crate::content::raw::Text;
use crate::engine::Bundle;
use crate::scorecard::Summary;
use crate::store::{FolderSource, Opener, ReadCount, RecordSource, Refresh};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, TryRecvError, channel};

/// One readable record: where it is, its summary (shared with the source)
/// and its review marks.
#[derive(Debug, Clone)]
pub struct Located {
    pub path: PathBuf,
    pub summary: Arc<Summary>,
    pub marks: Marks,
}

/// What the reviews and disputes in the folders say of one scorecard (from
/// the source's review index: derived, never stored in the scorecard).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Marks {
    pub state: crate::scorecard::ReviewState,
    pub open_disputes: usize,
    /// The deciding review's score, shown beside the auto score (never blended into it).
    pub reviewed_total: Option<f64>,
}

/// What one refresh found: every record, the reviews and disputes beside
/// them, every file that could not be read (the store's own words for why),
/// and how to open a record whole.
pub struct Snapshot {
    pub records: Arc<Vec<Located>>,
    /// The reviews and disputes, owned (they are small): the dispute queue and
    /// the review panel index them on the UI thread.
    pub beside: Arc<crate::store::Beside>,
    /// The calibration rounds in the folders, with their progress and reports.
    pub rounds: Vec<super::calibration::RoundView>,
    pub unreadable: Vec<Unreadable>,
    pub refresh: Refresh,
    pub opener: Opener,
}

/// What the thread is asked to do, in order.
enum Request {
    /// Read these folders from now on (what was read of folders still named is kept).
    Folders(Vec<PathBuf>),
    Refresh,
    /// Read these sessions of a scenario whole and tally their lost points.
    Lost { scenario: String, title: Text, paths: Vec<PathBuf>, bundle: Arc<Bundle> },
    /// Read a trainee's records whole and print their performance file.
    Print(PrintRequest),
}

enum Reply {
    /// A refresh that changed what the source holds (or the first one).
    Changed(Snapshot),
    /// A refresh that found nothing new, changed or gone.
    Unchanged(Refresh),
    Lost(LostPoints),
    Printed(Printed),
}

/// What arrived from the thread since the last poll.
#[derive(Default)]
pub struct Arrived {
    /// The newest snapshot, if a refresh changed something.
    pub snapshot: Option<Snapshot>,
    /// The last refresh's counts.
    pub refresh: Option<Refresh>,
    pub lost: Option<LostPoints>,
    pub printed: Option<Printed>,
}

pub struct Loader {
    requests: Sender<Request>,
    replies: Receiver<Reply>,
    count: Arc<ReadCount>,
    /// Refreshes asked for and not yet answered.
    pending: usize,
    /// Whether the reading thread could be started.
    pub started: bool,
}

impl Loader {
    /// Starts the thread over data folders, and its first refresh.
    pub fn folders(folders: Vec<PathBuf>) -> Loader {
        let mut loader = Loader::spawn(FolderSource::new(folders));
        loader.refresh();
        loader
    }

    /// Starts the thread over data folders; nothing is read until `refresh`.
    /// The dashboard reads only `Snapshot`s, never the source: a team database
    /// would be another source served by the same loop.
    pub fn spawn(source: FolderSource) -> Loader {
        let (requests, inbox) = channel::<Request>();
        let (outbox, replies) = channel::<Reply>();
        let count = Arc::new(ReadCount::default());
        let counted = count.clone();
        // If the system refuses a thread, the closure (and so the request
        // channel's receiver) is dropped: every request then fails to send and
        // the dashboard stays empty rather than waiting for ever.
        let started = std::thread::Builder::new().name("kefu-cohort".into()).spawn(move || serve(source, &inbox, &outbox, &counted));
        Loader { requests, replies, count, pending: 0, started: started.is_ok() }
    }

    /// Reads these folders from now on, and refreshes.
    pub fn set_folders(&mut self, folders: Vec<PathBuf>) {
        if self.requests.send(Request::Folders(folders)).is_ok() {
            self.refresh();
        }
    }

    /// Asks for a refresh (only new or changed files are read).
    pub fn refresh(&mut self) {
        if self.requests.send(Request::Refresh).is_ok() {
            self.pending += 1;
        }
    }

    /// Whether a refresh is under way or waiting.
    pub fn busy(&self) -> bool {
        self.pending > 0
    }

    /// (done, found) of the refresh under way.
    pub fn progress(&self) -> (usize, usize) {
        self.count.get()
    }

    /// Asks for a scenario's lost points over these sessions (read whole).
    pub fn lost_points(&mut self, scenario: String, title: Text, paths: Vec<PathBuf>, bundle: Arc<Bundle>) {
        // Answered by `poll`'s `lost`; the screen knows it is waiting.
        if self.requests.send(Request::Lost { scenario, title, paths, bundle }).is_err() {
            self.pending = 0;
        }
    }

    /// Asks for a trainee's performance file (answered by `poll`'s `printed`).
    pub fn print(&mut self, request: PrintRequest) -> bool {
        self.requests.send(Request::Print(request)).is_ok()
    }

    /// What arrived since the last poll.
    pub fn poll(&mut self) -> Arrived {
        let mut arrived = Arrived::default();
        loop {
            match self.replies.try_recv() {
                Ok(Reply::Changed(new)) => {
                    arrived.refresh = Some(new.refresh);
                    arrived.snapshot = Some(new);
                    self.pending = self.pending.saturating_sub(1);
                }
                Ok(Reply::Unchanged(refresh)) => {
                    arrived.refresh = Some(refresh);
                    self.pending = self.pending.saturating_sub(1);
                }
                Ok(Reply::Lost(lost)) => arrived.lost = Some(lost),
                Ok(Reply::Printed(printed)) => arrived.printed = Some(printed),
                Err(TryRecvError::Empty) => break,
                Err(TryRecvError::Disconnected) => {
                    self.pending = 0;
                    break;
                }
            }
        }
        arrived
    }
}

/// The thread's loop: one request at a time until the loader is dropped.
fn serve(mut source: FolderSource, inbox: &Receiver<Request>, outbox: &Sender<Reply>, count: &ReadCount) {
    let mut first = true;
    // The rounds as last sent: a refresh that changed only a round (a new one,
    // a reviewer who submitted) is sent too.
    let mut rounds_sent: Option<Vec<(String, usize)>> = None;
    while let Ok(request) = inbox.recv() {
        match request {
            Request::Folders(folders) => {
                source.set_roots(folders);
                // The next refresh reports even when the new folders hold the same records.
                first = true;
            }
            Request::Refresh => {
                let refresh = source.refresh_counted(count);
                let rounds = super::calibration::read(&source);
                let rounds_changed = rounds_sent.as_ref() != Some(&super::calibration::key(&rounds));
                let reply = if first || refresh.read > 0 || refresh.dropped > 0 || rounds_changed {
                    first = false;
                    rounds_sent = Some(super::calibration::key(&rounds));
                    Reply::Changed(snapshot(&source, refresh, rounds))
                } else {
                    Reply::Unchanged(refresh)
                };
                if outbox.send(reply).is_err() {
                    return;
                }
            }
            Request::Lost { scenario, title, paths, bundle } => {
                let lost = tally(scenario, title, &paths, &source.opener(), &bundle);
                if outbox.send(Reply::Lost(lost)).is_err() {
                    return;
                }
            }
            Request::Print(request) => {
                if outbox.send(Reply::Printed(super::print::make(&source, &request))).is_err() {
                    return;
                }
            }
        }
    }
}

/// A file that could not be read: where, and why in words either language has
/// (the parser's own English detail is for `kefu verify`, not the dashboard).
#[derive(Debug, Clone, PartialEq)]
pub struct Unreadable {
    pub path: String,
    pub reason: crate::i18n::Msg,
}

/// Everything the source holds now, owned, for the UI thread.
fn snapshot(source: &dyn RecordSource, refresh: Refresh, rounds: Vec<super::calibration::RoundView>) -> Snapshot {
    let index = source.review_index();
    let records = source
        .located()
        .map(|(path, summary): (&Path, &Arc<Summary>)| {
            let status = index.status_of(summary);
            Located { path: path.to_path_buf(), summary: summary.clone(), marks: Marks { state: status.state, open_disputes: status.open_disputes, reviewed_total: status.reviewed_total } }
        })
        .collect();
    let unreadable = source
        .unreadable()
        .map(|error| Unreadable { path: error.path().map(|path| path.display().to_string()).unwrap_or_default(), reason: error.unreadable_reason() })
        .collect();
    let beside = crate::store::Beside {
        reviews: source.reviews().map(|(path, review)| (path.to_path_buf(), review.clone())).collect(),
        disputes: source.disputes().map(|(path, dispute)| (path.to_path_buf(), dispute.clone())).collect(),
    };
    Snapshot { records: Arc::new(records), beside: Arc::new(beside), rounds, unreadable, refresh, opener: source.opener() }
}
