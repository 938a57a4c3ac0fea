//! Where a supervisor's records come from, behind one small interface
//! (`RecordSource`): today data folders on disk (`FolderSource`), later a team
//! database; the cohort table does not care which. Reading is incremental: the
//! `Cohort` cache keeps each file's summary under its path with the (length,
//! modified time) it was read at, so a refresh reads only new or changed files
//! and drops deleted ones. A file that cannot be read is listed with its
//! reason, never fatal. Reviews and disputes are read beside the attempts
//! (whole: they are small) and kept apart from the summaries, so the cohort
//! table counts attempts only; `review_index` says per scorecard whether it
//! was reviewed or signed off and how many disputes are open. A refresh can be
//! counted as it goes (`ReadCount`), so the app's dashboard shows a progress
//! bar while another thread reads.

use super::{SCORECARD_LIMIT, StoreError, read_capped};
use crate::scorecard::{DisputeCard, FamilyRecord, Record, ReviewCard, ReviewIndex, Summary};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::SystemTime;

/// How far a refresh has got, shared with the thread that shows it: the
/// records found so far and how many of them are done (read, or kept unchanged).
#[derive(Debug, Default)]
pub struct ReadCount {
    found: AtomicUsize,
    done: AtomicUsize,
}

impl ReadCount {
    /// (done, found) as last counted.
    pub fn get(&self) -> (usize, usize) {
        (self.done.load(Ordering::Relaxed), self.found.load(Ordering::Relaxed))
    }

    fn start(&self, found: usize) {
        self.done.store(0, Ordering::Relaxed);
        self.found.store(found, Ordering::Relaxed);
    }

    fn one_done(&self) {
        self.done.fetch_add(1, Ordering::Relaxed);
    }
}

/// Reads one whole record a source listed, by where it listed it (a file, for
/// folders): what the dashboard opens. Handed out by the source, so a reader
/// never needs to know which kind of source it is.
pub type Opener = Arc<dyn Fn(&Path) -> Result<Record, StoreError> + Send + Sync>;

/// What one refresh did: how many files it read, kept as they were, and dropped.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Refresh {
    /// Files read (new or changed since the last refresh).
    pub read: usize,
    /// Files whose length and modified time had not changed: not read again.
    pub unchanged: usize,
    /// Files gone since the last refresh, dropped from the cohort.
    pub dropped: usize,
}

/// A source of record summaries. `refresh` brings it up to date; `summaries`
/// and `unreadable` then say what it holds, each in a stable order.
pub trait RecordSource {
    /// Reads what is new or changed since the last refresh (everything, the first time).
    fn refresh(&mut self) -> Refresh;
    /// Every readable record's summary, in a stable order (by path for folders).
    fn summaries(&self) -> Box<dyn Iterator<Item = &Summary> + '_>;
    /// Every readable record's summary with its key, the path a UI opens the
    /// record by, in the order of `summaries`.
    fn keyed_summaries(&self) -> Box<dyn Iterator<Item = (&Path, &Summary)> + '_>;
    /// Every readable review with its key, in a stable order.
    fn reviews(&self) -> Box<dyn Iterator<Item = (&Path, &ReviewCard)> + '_>;
    /// Every readable dispute with its key, in a stable order.
    fn disputes(&self) -> Box<dyn Iterator<Item = (&Path, &DisputeCard)> + '_>;
    /// Every record that could not be read, with why (the error names the file).
    fn unreadable(&self) -> Box<dyn Iterator<Item = &StoreError> + '_>;

    /// The reviews and disputes indexed by the scorecard they name: per
    /// scorecard (`ReviewIndex::status_of(summary)`) its review state, reviewed
    /// score and open disputes; every dispute with its derived state.
    fn review_index(&self) -> ReviewIndex<'_, &Path> {
        ReviewIndex::build(self.reviews(), self.disputes())
    }
    /// `refresh`, counted into `count` as it goes (for a progress bar elsewhere).
    fn refresh_counted(&mut self, count: &ReadCount) -> Refresh {
        let refresh = self.refresh();
        count.start(refresh.read + refresh.unchanged);
        count.done.store(refresh.read + refresh.unchanged, Ordering::Relaxed);
        refresh
    }
    /// `summaries`, each with where it is (what `opener` opens), in the same
    /// order; shared, so a snapshot for another thread copies no text.
    fn located(&self) -> Box<dyn Iterator<Item = (&Path, &Arc<Summary>)> + '_>;
    /// Opens a record listed by `located`, whole.
    fn opener(&self) -> Opener;
}

/// What a file turned out to be when it was last read.
#[derive(Debug)]
enum Content {
    /// Shared, so a snapshot of 100,000 summaries for another thread copies no text.
    Record(Arc<Summary>),
    Review(Box<ReviewCard>),
    Dispute(Box<DisputeCard>),
    Unreadable(StoreError),
    /// JSON of another kind found while walking (settings, a review deck, an autosave).
    NotARecord,
}

/// One file as last read, with the stamp it had then.
#[derive(Debug)]
struct Entry {
    len: u64,
    modified: Option<SystemTime>,
    content: Content,
}

/// The cache of summaries by path. `update` is given the files found now and
/// reads only those whose (length, modified time) differ from the cached ones.
#[derive(Debug, Default)]
pub struct Cohort {
    entries: BTreeMap<PathBuf, Entry>,
}

impl Cohort {
    /// Brings the cache up to the files `found` (path, length, modified time),
    /// reading new or changed ones with `read`; the others are dropped. Each
    /// file done is counted in `count`. `found` is sorted (as
    /// `FolderSource::files` gives it), so the cache is matched to it in one
    /// merge pass, not a tree search per file (over 100,000 files the searches
    /// cost more than the reading they spared), and the files to read are read
    /// on up to four threads.
    fn update(&mut self, found: Vec<(PathBuf, u64, Option<SystemTime>)>, read: impl Fn(&Path) -> Content + Sync, count: &ReadCount) -> Refresh {
        debug_assert!(found.windows(2).all(|w| w[0].0 < w[1].0), "found files sorted and distinct");
        let mut refresh = Refresh::default();
        count.start(found.len());
        let mut old = std::mem::take(&mut self.entries).into_iter().peekable();
        // Each file found, with its cached entry while that is still good.
        let mut matched: Vec<(PathBuf, u64, Option<SystemTime>, Option<Entry>)> = Vec::with_capacity(found.len());
        for (path, len, modified) in found {
            while old.next_if(|(cached, _)| *cached < path).is_some() {
                refresh.dropped += 1;
            }
            let cached = old.next_if(|(cached, _)| *cached == path).map(|(_, entry)| entry);
            let good = cached.filter(|entry| entry.len == len && entry.modified == modified && modified.is_some());
            if good.is_some() {
                refresh.unchanged += 1;
                count.one_done();
            }
            matched.push((path, len, modified, good));
        }
        refresh.dropped += old.count();
        let to_read: Vec<usize> = (0..matched.len()).filter(|&i| matched[i].3.is_none()).collect();
        refresh.read = to_read.len();
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).clamp(1, 4);
        let chunk = to_read.len().div_ceil(threads).max(1);
        let contents: Vec<Content> = std::thread::scope(|scope| {
            let parts: Vec<_> = to_read
                .chunks(chunk)
                .map(|part| {
                    let (matched, read) = (&matched, &read);
                    scope.spawn(move || {
                        part.iter()
                            .map(|&i| {
                                let content = read(&matched[i].0);
                                count.one_done();
                                content
                            })
                            .collect::<Vec<Content>>()
                    })
                })
                .collect();
            // A reader that panicked is a bug: passed on, never a silently missing record.
            parts.into_iter().flat_map(|part| part.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic))).collect()
        });
        let mut contents = contents.into_iter();
        // In `to_read`'s order, which is `matched`'s.
        self.entries = matched
            .into_iter()
            .map(|(path, len, modified, good)| {
                let entry = good.unwrap_or_else(|| Entry { len, modified, content: contents.next().unwrap_or(Content::NotARecord) });
                (path, entry)
            })
            .collect();
        refresh
    }

    fn summaries(&self) -> impl Iterator<Item = (&Path, &Summary)> {
        self.entries.iter().filter_map(|(path, entry)| match &entry.content {
            Content::Record(summary) => Some((path.as_path(), summary.as_ref())),
            _ => None,
        })
    }

    fn reviews(&self) -> impl Iterator<Item = (&Path, &ReviewCard)> {
        self.entries.iter().filter_map(|(path, entry)| match &entry.content {
            Content::Review(review) => Some((path.as_path(), review.as_ref())),
            _ => None,
        })
    }

    fn disputes(&self) -> impl Iterator<Item = (&Path, &DisputeCard)> {
        self.entries.iter().filter_map(|(path, entry)| match &entry.content {
            Content::Dispute(dispute) => Some((path.as_path(), dispute.as_ref())),
            _ => None,
        })
    }

    fn unreadable(&self) -> impl Iterator<Item = &StoreError> {
        self.entries.values().filter_map(|entry| match &entry.content {
            Content::Unreadable(error) => Some(error),
            _ => None,
        })
    }

    fn located(&self) -> impl Iterator<Item = (&Path, &Arc<Summary>)> {
        self.entries.iter().filter_map(|(path, entry)| match &entry.content {
            Content::Record(summary) => Some((path.as_path(), summary)),
            _ => None,
        })
    }
}

/// One or more data folders (or folders of records, or record files) on disk.
/// A data folder's `scorecards/`, `reviews/` and `disputes/` are walked, so
/// its settings and review decks are never read; any other folder is walked
/// whole, passing over JSON that is not a record.
#[derive(Debug)]
pub struct FolderSource {
    roots: Vec<PathBuf>,
    cohort: Cohort,
}

impl FolderSource {
    pub fn new(roots: Vec<PathBuf>) -> FolderSource {
        FolderSource { roots, cohort: Cohort::default() }
    }

    /// Reads these folders from now on; the next refresh keeps what it read of
    /// the folders still named and drops the rest.
    pub fn set_roots(&mut self, roots: Vec<PathBuf>) {
        self.roots = roots;
    }

    /// The folders read.
    pub fn roots(&self) -> &[PathBuf] {
        &self.roots
    }

    /// The record files under the roots now, each once, with their stamps.
    fn files(&self) -> Vec<(PathBuf, u64, Option<SystemTime>)> {
        let walked: Vec<PathBuf> = self
            .roots
            .iter()
            .flat_map(|root| {
                if root.join("scorecards").is_dir() {
                    super::reviews::RECORD_FOLDERS.iter().map(|kind| root.join(kind)).filter(|folder| folder.is_dir()).collect()
                } else {
                    vec![root.clone()]
                }
            })
            .collect();
        let mut files: Vec<(PathBuf, bool)> = super::record_files(&walked);
        files.sort();
        files.dedup_by(|a, b| a.0 == b.0);
        files
            .into_iter()
            .map(|(path, _)| {
                // A file that vanished between the walk and here is read (and reported) as any other.
                let (len, modified) = match std::fs::metadata(&path) {
                    Ok(meta) => (meta.len(), meta.modified().ok()),
                    Err(_) => (0, None),
                };
                (path, len, modified)
            })
            .collect()
    }
}

/// Reads one file: an attempt's summary (the fast path first: most files are
/// scorecards), a review or dispute whole, a file meant as a record that
/// cannot be read (with why), or other JSON found beside the records.
fn read_summary(path: &Path) -> Content {
    let text = match read_capped(path, SCORECARD_LIMIT, "a scorecard") {
        Ok(text) => text,
        Err(error) => return Content::Unreadable(error),
    };
    if let Ok(summary) = Summary::read(&text) {
        return Content::Record(Arc::new(summary));
    }
    match crate::scorecard::read_family(&text) {
        Ok(FamilyRecord::Review(review)) => Content::Review(Box::new(review)),
        Ok(FamilyRecord::Dispute(dispute)) => Content::Dispute(Box::new(dispute)),
        // An attempt `Summary::read` refused but the full reader took: its summary.
        Ok(FamilyRecord::Attempt(record)) => Content::Record(Arc::new(Summary::from(&record))),
        Err(_) if !super::text_looks_like_record(path, &text) => Content::NotARecord,
        Err(source) => Content::Unreadable(StoreError::BadRecord { source, path: path.to_path_buf() }),
    }
}

impl RecordSource for FolderSource {
    fn refresh(&mut self) -> Refresh {
        self.refresh_counted(&ReadCount::default())
    }

    fn refresh_counted(&mut self, count: &ReadCount) -> Refresh {
        let found = self.files();
        self.cohort.update(found, read_summary, count)
    }

    fn located(&self) -> Box<dyn Iterator<Item = (&Path, &Arc<Summary>)> + '_> {
        Box::new(self.cohort.located())
    }

    fn opener(&self) -> Opener {
        Arc::new(|path: &Path| super::read_record(path))
    }

    fn summaries(&self) -> Box<dyn Iterator<Item = &Summary> + '_> {
        Box::new(self.cohort.summaries().map(|(_, summary)| summary))
    }

    fn keyed_summaries(&self) -> Box<dyn Iterator<Item = (&Path, &Summary)> + '_> {
        Box::new(self.cohort.summaries())
    }

    fn reviews(&self) -> Box<dyn Iterator<Item = (&Path, &ReviewCard)> + '_> {
        Box::new(self.cohort.reviews())
    }

    fn disputes(&self) -> Box<dyn Iterator<Item = (&Path, &DisputeCard)> + '_> {
        Box::new(self.cohort.disputes())
    }

    fn unreadable(&self) -> Box<dyn Iterator<Item = &StoreError> + '_> {
        Box::new(self.cohort.unreadable())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scorecard;

    fn card(trainee: &str, total: f64) -> String {
        let mut card = scorecard::read(include_str!("../../tests/fixtures/scorecard-v2.json")).unwrap();
        card.trainee.id = trainee.to_string();
        card.grade.total = total;
        card.to_json()
    }

    /// The files under `dir` now, as `FolderSource::files` finds them.
    fn found(dir: &Path) -> Vec<(PathBuf, u64, Option<SystemTime>)> {
        FolderSource::new(vec![dir.to_path_buf()]).files()
    }

    fn totals(source: &FolderSource) -> Vec<f64> {
        source.summaries().map(|s| s.total).collect()
    }

    #[test]
    fn a_refresh_reads_what_was_added_or_changed_and_drops_what_was_deleted() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("scorecards").join("e1");
        std::fs::create_dir_all(&folder).unwrap();
        std::fs::write(folder.join("a.json"), card("e1", 50.0)).unwrap();
        std::fs::write(folder.join("b.json"), card("e1", 60.0)).unwrap();
        let mut source = FolderSource::new(vec![dir.path().to_path_buf()]);
        assert_eq!(source.refresh(), Refresh { read: 2, unchanged: 0, dropped: 0 });
        assert_eq!(totals(&source), [50.0, 60.0]);

        std::fs::write(folder.join("c.json"), card("e1", 70.0)).unwrap();
        assert_eq!(source.refresh(), Refresh { read: 1, unchanged: 2, dropped: 0 }, "only the new file is read");
        assert_eq!(totals(&source), [50.0, 60.0, 70.0]);

        std::fs::write(folder.join("a.json"), card("e1", 55.5)).unwrap();
        assert_eq!(source.refresh(), Refresh { read: 1, unchanged: 2, dropped: 0 }, "only the changed file is read");
        assert_eq!(totals(&source), [55.5, 60.0, 70.0]);

        std::fs::remove_file(folder.join("b.json")).unwrap();
        assert_eq!(source.refresh(), Refresh { read: 0, unchanged: 2, dropped: 1 });
        assert_eq!(totals(&source), [55.5, 70.0]);
        let located: Vec<&Path> = source.located().map(|(path, _)| path).collect();
        assert!(located[0].ends_with("a.json") && located[1].ends_with("c.json"), "{located:?}");
        let opened = (source.opener())(located[1]).unwrap();
        assert_eq!(crate::scorecard::RecordRef::from(&opened).trainee().id, "e1");

        // Another folder instead: its records read, the old folder's dropped.
        let other = tempfile::tempdir().unwrap();
        std::fs::write(other.path().join("d.json"), card("e2", 90.0)).unwrap();
        source.set_roots(vec![other.path().to_path_buf()]);
        let count = ReadCount::default();
        assert_eq!(source.refresh_counted(&count), Refresh { read: 1, unchanged: 0, dropped: 2 });
        assert_eq!((totals(&source), count.get()), (vec![90.0], (1, 1)));
    }

    #[test]
    fn a_second_refresh_with_nothing_changed_reads_nothing() {
        let dir = tempfile::tempdir().unwrap();
        for n in 0..5 {
            std::fs::write(dir.path().join(format!("{n}.json")), card("e1", n as f64)).unwrap();
        }
        let reads = AtomicUsize::new(0);
        let counting = |path: &Path| {
            reads.fetch_add(1, Ordering::Relaxed);
            read_summary(path)
        };
        let mut cohort = Cohort::default();
        let count = ReadCount::default();
        cohort.update(found(dir.path()), counting, &count);
        assert_eq!(reads.load(Ordering::Relaxed), 5);
        assert_eq!(count.get(), (5, 5));
        let again = cohort.update(found(dir.path()), counting, &count);
        assert_eq!(reads.load(Ordering::Relaxed), 5, "nothing read the second time");
        assert_eq!(again, Refresh { read: 0, unchanged: 5, dropped: 0 });
        assert_eq!(cohort.summaries().count(), 5);
    }

    #[test]
    fn a_corrupt_file_is_listed_with_its_reason_and_the_others_are_read() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("scorecards").join("e1");
        std::fs::create_dir_all(&folder).unwrap();
        std::fs::write(folder.join("good.json"), card("e1", 80.0)).unwrap();
        std::fs::write(folder.join("broken.json"), "{\"schema_version\": 2, \"trainee\": ").unwrap();
        std::fs::write(folder.join("big.json"), vec![b' '; SCORECARD_LIMIT as usize + 1]).unwrap();
        let mut source = FolderSource::new(vec![dir.path().to_path_buf()]);
        source.refresh();
        assert_eq!(totals(&source), [80.0]);
        let problems: Vec<&StoreError> = source.unreadable().collect();
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(matches!(problems[0], StoreError::TooLarge { .. }), "{:?}", problems[0]);
        assert!(matches!(problems[1], StoreError::BadRecord { .. }), "{:?}", problems[1]);
        assert!(problems[1].path().is_some_and(|p| p.ends_with("broken.json")));

        std::fs::write(folder.join("broken.json"), card("e1", 40.0)).unwrap();
        source.refresh();
        assert_eq!(source.unreadable().count(), 1, "mended, it is read again");
        assert_eq!(totals(&source), [40.0, 80.0]);
    }

    #[test]
    fn state_files_beside_the_records_are_passed_over_and_folders_are_read_once() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("records");
        std::fs::create_dir_all(&folder).unwrap();
        std::fs::write(folder.join("card.json"), card("e2", 90.0)).unwrap();
        std::fs::write(folder.join("settings.json"), r#"{"lang": "zh"}"#).unwrap();
        std::fs::write(folder.join("deck.json"), r#"{"cards": {}}"#).unwrap();
        let mut source = FolderSource::new(vec![folder.clone(), folder.join("card.json"), dir.path().to_path_buf()]);
        assert_eq!(source.refresh().read, 3, "each file once, however often it is named");
        assert_eq!(totals(&source), [90.0]);
        assert_eq!(source.unreadable().count(), 0);
    }

    /// Reviews and disputes in a data folder are read beside the scorecards,
    /// kept apart from the summaries (the cohort table counts attempts), and
    /// indexed per scorecard; each summary comes with the path it was read from.
    #[test]
    fn reviews_and_disputes_are_read_beside_the_scorecards_and_indexed() {
        use crate::scorecard::{DisputeCard, FindingRef, ReviewState};
        let dir = tempfile::tempdir().unwrap();
        let card = scorecard::read(include_str!("../../tests/fixtures/scorecard-v2.json")).unwrap();
        let saved = crate::store::save_record(dir.path(), &card).unwrap();
        let review = ReviewCard::new(&card, crate::scorecard::review_card::tests::draft()).unwrap();
        let dispute = DisputeCard::new(&card, FindingRef::parse("2:speed").unwrap(), "网络卡了", None).unwrap();
        let review_path = crate::store::save_record(dir.path(), &review).unwrap();
        let dispute_path = crate::store::save_record(dir.path(), &dispute).unwrap();
        assert!(review_path.starts_with(dir.path().join("reviews").join("s01")), "{}", review_path.display());
        assert!(dispute_path.starts_with(dir.path().join("disputes").join("e1024")), "{}", dispute_path.display());
        let mut source = FolderSource::new(vec![dir.path().to_path_buf()]);
        assert_eq!(source.refresh().read, 3);
        assert_eq!(source.summaries().count(), 1, "a review is not an attempt");
        assert_eq!(source.keyed_summaries().map(|(path, _)| path.to_path_buf()).collect::<Vec<_>>(), [saved]);
        assert_eq!(source.reviews().map(|(path, _)| path.to_path_buf()).collect::<Vec<_>>(), [review_path]);
        assert_eq!(source.disputes().count(), 1);
        assert_eq!(source.unreadable().count(), 0);
        let index = source.review_index();
        let summary = source.summaries().next().unwrap();
        let status = index.status_of(summary);
        assert_eq!((status.state, status.open_disputes, status.reviewed_total), (ReviewState::SignedOff, 1, Some(review.score.reviewed)));
        let table = crate::scorecard::cohort::table(source.summaries(), &crate::scorecard::cohort::Filter::default());
        assert_eq!(table.records, 1);
    }
}
