//! Memory for reading and verifying one large record: a scorecard at the 8 MB
//! limit is read straight into its types, and sealed and re-graded field by
//! field, never through a JSON tree of the whole record (that held several
//! times the file's size). Its own test binary, for its counting allocator.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::path::Path;

/// The system allocator, counting on each thread the bytes it has live now and
/// the most live since its last reset. Per thread, because the test harness
/// runs tests side by side: a shared count mixed their allocations together.
struct Counting;

thread_local! {
    static LIVE: Cell<usize> = const { Cell::new(0) };
    static PEAK: Cell<usize> = const { Cell::new(0) };
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // `try_with`: a thread being torn down has no counters left; it is not measured.
        let _ = LIVE.try_with(|live| {
            live.set(live.get() + layout.size());
            let _ = PEAK.try_with(|peak| peak.set(peak.get().max(live.get())));
        });
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // Saturating: a block allocated before the reset may be freed after it.
        let _ = LIVE.try_with(|live| live.set(live.get().saturating_sub(layout.size())));
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Starts a measurement on this thread.
fn reset() {
    LIVE.with(|live| live.set(0));
    PEAK.with(|peak| peak.set(0));
}

/// The most bytes this thread has held at once since `reset`.
fn peak() -> usize {
    PEAK.with(Cell::get)
}

/// The fixture with its transcript and replies repeated until the file is just under 8 MB:
/// the many small objects a long (or forged) session has, the worst case for a JSON tree.
fn large_record() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/scorecard-v2.json");
    let mut card: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let transcript = card["transcript"].as_array().unwrap().clone();
    let replies = card["replies"].as_array().unwrap().clone();
    let limit = kefu::store::SCORECARD_LIMIT as usize;
    let size = |card: &serde_json::Value| serde_json::to_string_pretty(card).unwrap().len();
    let add = |card: &mut serde_json::Value, copies: usize| {
        for _ in 0..copies {
            card["transcript"].as_array_mut().unwrap().extend(transcript.iter().cloned());
            card["replies"].as_array_mut().unwrap().extend(replies.iter().cloned());
        }
    };
    let before = size(&card);
    add(&mut card, 1);
    let step = size(&card) - before;
    let copies = (limit - 100_000 - size(&card)) / step;
    add(&mut card, copies);
    let text = serde_json::to_string_pretty(&card).unwrap();
    assert!(text.len() > limit * 3 / 4 && text.len() <= limit, "{} bytes", text.len());
    text
}

#[test]
fn reading_a_record_at_the_size_limit_holds_at_most_three_times_its_size() {
    let text = large_record();
    reset();
    let record = kefu::scorecard::read_record(&text).expect("the record reads");
    let peak = peak();
    let ratio = peak as f64 / text.len() as f64;
    eprintln!("{} bytes read with a peak of {peak} bytes more ({ratio:.1}× the file)", text.len());
    assert!(ratio < 3.0, "reading held {ratio:.1}× the file's size");
    drop(record);
}

/// `verify` on a record at the size limit: the seals and the re-grade go field
/// by field and entry by entry, never through one JSON tree of the whole
/// record (that held about 7× an 8 MB record beyond the record itself).
#[test]
fn verifying_a_record_at_the_size_limit_holds_at_most_three_times_its_size() {
    use kefu::content::Course;
    use kefu::engine::Bundle;
    use std::sync::Arc;
    let bundle = Arc::new(Bundle::new(Course::load(&[], Path::new(env!("CARGO_MANIFEST_DIR")))));
    let text = large_record();
    let record = kefu::scorecard::read_record(&text).expect("the record reads");
    reset();
    let verdict = kefu::scorecard::verify_record(&record, &bundle);
    let peak = peak();
    let ratio = peak as f64 / text.len() as f64;
    eprintln!("{} bytes verified with a peak of {peak} bytes more ({ratio:.1}× the file)", text.len());
    // The forged record (its transcript repeated) must not verify, or the test proves nothing about the re-grade.
    assert_ne!(verdict, kefu::scorecard::Verdict::Ok);
    assert!(ratio < 3.0, "verify held {ratio:.1}× the file's size");
}
