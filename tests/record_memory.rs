//! Memory for reading one large record: a scorecard at the 8 MB limit is read
//! straight into its types, not through a JSON tree first (that held several
//! times the file's size). Its own test binary, for its counting allocator.

use std::alloc::{GlobalAlloc, Layout, System};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

/// The system allocator, counting bytes live now and the most live since the last reset.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let live = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
        PEAK.fetch_max(live, Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

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
    LIVE.store(0, Ordering::Relaxed);
    PEAK.store(0, Ordering::Relaxed);
    let record = kefu::scorecard::read_record(&text).expect("the record reads");
    let peak = PEAK.load(Ordering::Relaxed);
    let ratio = peak as f64 / text.len() as f64;
    eprintln!("{} bytes read with a peak of {peak} bytes more ({ratio:.1}× the file)", text.len());
    assert!(ratio < 3.0, "reading held {ratio:.1}× the file's size");
    drop(record);
}
