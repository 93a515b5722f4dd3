//! Native timing of load and index build for one article-set file: `cargo run --release --example index_timing -- FILE`.
use article_viewer::domain::listing::{Collection, ListState};
use article_viewer::domain::load_article_set_bytes;
use std::time::Instant;

fn main() {
    let path = std::env::args().nth(1).expect("usage: index_timing FILE [QUERY…]");
    let bytes = std::fs::read(&path).expect("readable file");
    let t = Instant::now();
    let set = load_article_set_bytes(&bytes).expect("a valid set");
    let load = t.elapsed();
    let c = Collection::new(set);
    let t = Instant::now();
    let bytes_held = c.index().heap_bytes();
    let index = t.elapsed();
    println!("{} bytes JSON: load {load:?}, index {index:?} ({bytes_held} bytes held)", bytes.len());
    for q in std::env::args().skip(2) {
        let t = Instant::now();
        let n = c.listing(&ListState { q: q.clone(), ..ListState::default() }).results.len();
        let listing = t.elapsed();
        let t = Instant::now();
        let hits = c.index().search(&article_viewer::domain::search::Query::parse(&q), 0..c.articles().len()).len();
        println!("{q:>12}: {n:>6} results in {listing:?} (search alone: {hits} in {:?})", t.elapsed());
    }
}
