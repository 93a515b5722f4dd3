//! Native heap accounting of load and index build: `cargo run --release --example memory -- FILE`. Prints the bytes
//! live and the most live at once after each stage (the JSON's bytes, the parsed set, the collection, the index,
//! the words), against the JSON's size: what the wasm build's linear memory (which never shrinks) must hold at least.
use article_viewer::domain::listing::Collection;
use article_viewer::domain::load_article_set_bytes;
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

struct Counting;
static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        let live = LIVE.fetch_add(l.size(), Relaxed) + l.size();
        PEAK.fetch_max(live, Relaxed);
        unsafe { System.alloc(l) }
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        LIVE.fetch_sub(l.size(), Relaxed);
        unsafe { System.dealloc(p, l) }
    }
    unsafe fn realloc(&self, p: *mut u8, l: Layout, new: usize) -> *mut u8 {
        // Counted as the copy a move would be: both blocks live at once.
        let live = LIVE.fetch_add(new, Relaxed) + new;
        PEAK.fetch_max(live, Relaxed);
        LIVE.fetch_sub(l.size(), Relaxed);
        unsafe { System.realloc(p, l, new) }
    }
}

#[global_allocator]
static A: Counting = Counting;

fn main() {
    let path = std::env::args().nth(1).expect("usage: memory FILE");
    let json = std::fs::read(&path).expect("readable file").len() as f64;
    let report = |stage: &str| {
        let (live, peak) = (LIVE.load(Relaxed) as f64, PEAK.load(Relaxed) as f64);
        println!(
            "{stage:<28} live {:>7.1} MB = {:.2}×   peak {:>7.1} MB = {:.2}×",
            live / 1e6,
            live / json,
            peak / 1e6,
            peak / json
        );
    };
    LIVE.store(0, Relaxed);
    PEAK.store(0, Relaxed);
    let bytes = std::fs::read(&path).expect("readable file");
    report("the JSON's bytes");
    let set = load_article_set_bytes(&bytes).expect("a valid set");
    report("+ the parsed set");
    drop(bytes);
    report("- the JSON's bytes");
    let c = Collection::new(set);
    report("the collection (facets…)");
    let held = c.index().heap_bytes();
    report("+ the index");
    println!("  (the index holds {:.1} MB)", held as f64 / 1e6);
    let words = c.vocabulary().len();
    report("+ the words");
    println!("  ({words} words)");
}
