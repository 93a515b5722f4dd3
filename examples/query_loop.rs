//! Profiling aid: runs the bench's query list many times over one set (`cargo run --release --example
//! query_loop -- FILE ROUNDS`), printing per query the time of the whole listing (search, facet counts, sort,
//! page) and of the search alone.
use article_viewer::domain::listing::{Collection, ListState};
use article_viewer::domain::load_article_set_bytes;
use article_viewer::domain::search::Query;
use std::time::Instant;

const QUERIES: &[&str] = &[
    "月",
    "山",
    "業",
    "风",
    "人",
    "明月",
    "春風",
    "故人",
    "天下",
    "何处",
    "企业",
    "不知何處",
    "一年一度",
    "有色金属",
    "共同維穩",
    "nation",
    "congress",
    "freedom",
    "econ",
    "americ",
    "明月 故人",
    "congress tax",
    "春风 花",
    "天下 -人",
    "\"the people\"",
];

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: query_loop FILE [ROUNDS]");
    let rounds: usize = args.next().map_or(20, |r| r.parse().expect("a number"));
    let set = load_article_set_bytes(&std::fs::read(&path).expect("readable")).expect("a valid set");
    let c = Collection::new(set);
    c.index();
    let ms = |t: Instant| t.elapsed().as_secs_f64() * 1000.0 / rounds as f64;
    let mut times: Vec<(f64, f64, usize, &str)> = Vec::new();
    for q in QUERIES {
        let t = Instant::now();
        for _ in 0..rounds {
            std::hint::black_box(c.listing(&ListState { q: (*q).to_owned(), ..ListState::default() }));
        }
        let listing = ms(t);
        let (query, n) = (Query::parse(q), c.index().len());
        let t = Instant::now();
        for _ in 0..rounds {
            std::hint::black_box(c.index().search(&query, 0..n));
        }
        times.push((listing, ms(t), c.index().search(&query, 0..n).len(), q));
    }
    println!("listing   search    hits");
    for (listing, search, hits, q) in &times {
        println!("{listing:5.2} ms {search:5.2} ms {hits:6}  {q}");
    }
    let mut v: Vec<f64> = times.iter().map(|t| t.0).collect();
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    println!("listing: median {:.2} ms, max {:.2} ms", v[v.len() / 2], v[v.len() - 1]);
}
