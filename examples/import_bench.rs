//! The importer's speed (`cargo xtask bench import` runs it: `cargo run --release --features import --example
//! import_bench`). Two tables, each against a baseline measured in the same run:
//!
//! - each input format against what reading it costs any tool at all, the parser the importer is built on alone
//!   (pulldown-cmark's events for Markdown, scraper's document for a web page, feed-rs's feed for a feed): how much
//!   the importer adds to the parse (its clean-up, links and styles placed, the article found in a page…);
//! - the same input four times as large against itself (a paragraph of many links and styled words, a list of many
//!   items, a long scraped article): linear work takes ~4× the time, quadratic work ~16×.
//!
//! The inputs are this repository's own Markdown (README.md, docs/) and the seed article (data/), and pages,
//! feeds and paragraphs made from their text with a fixed seed: the same inputs every run. Each figure is the
//! median of 7 runs.

use article_viewer::domain::import::{import_file, ImportOptions};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const RUNS: usize = 7;

/// The median time of `RUNS` runs of `f`.
fn median(mut f: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    times.sort();
    times[RUNS / 2]
}

/// A small deterministic generator (xorshift64*), so that the made inputs are the same every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        from[(self.next() % from.len() as u64) as usize]
    }
}

/// Imports `files` (name, bytes) and checks that each gave an article: the importer's work on them.
fn import_all(files: &[(PathBuf, Vec<u8>)]) {
    for (path, bytes) in files {
        let r = import_file(path, bytes, &ImportOptions::default());
        assert!(r.error.is_none() && !r.articles.is_empty(), "{}: {:?}", path.display(), r.error);
    }
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

fn mb(bytes: usize) -> String {
    format!("{:.2} MB", bytes as f64 / 1e6)
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// A web page of `paragraphs` paragraphs of `words`' sentences, some words linked or bold, inside the page's
/// navigation, sidebar and footer (which the importer must find its way past), a list and a table among them.
fn page(rng: &mut Rng, words: &[&str], paragraphs: usize, k: usize) -> String {
    let mut body = String::new();
    for p in 0..paragraphs {
        body.push_str("<p>");
        for w in 0..60 {
            let word = escape(rng.pick(words));
            match rng.next() % 20 {
                0 => body.push_str(&format!("<a href=\"/story/{k}/{p}/{w}\">{word}</a> ")),
                1 => body.push_str(&format!("<b>{word}</b> ")),
                2 => body.push_str(&format!("<em>{word}</em> ")),
                _ => body.push_str(&format!("{word} ")),
            }
        }
        body.push_str("</p>\n");
        if p == paragraphs / 2 {
            body.push_str("<ul><li>first <a href=\"/a\">point</a></li><li>second<ol><li>in it</li></ol></li></ul>\n");
            body.push_str("<table><tr><th>Metal</th><th>Price</th></tr><tr><td>Cu</td><td>9,100</td></tr></table>\n");
        }
    }
    let nav: String = (0..30).map(|i| format!("<li><a href=\"/section/{i}\">Section {i}</a></li>")).collect();
    format!(
        "<!doctype html><html><head><meta charset=\"utf-8\"><title>Story {k} | Site</title>\
         <meta property=\"og:title\" content=\"Story {k}\"><meta property=\"article:published_time\" content=\"2026-11-30T08:00:00Z\">\
         </head><body><header><nav><ul>{nav}</ul></nav></header><main><article><h1>Story {k}</h1>{body}</article>\
         <aside class=\"related\"><ul>{nav}</ul></aside></main><footer><p>© Site</p></footer></body></html>"
    )
}

/// An RSS feed of `items` items, each a few paragraphs of HTML.
fn feed(rng: &mut Rng, words: &[&str], items: usize) -> String {
    let mut xml = String::from(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Feed</title><link>https://example.org/</link>",
    );
    for i in 0..items {
        let html = page(rng, words, 4, i);
        let start = html.find("<article>").unwrap_or(0);
        let end = html.find("</article>").unwrap_or(html.len());
        xml.push_str(&format!(
            "<item><guid>item-{i}</guid><title>Item {i}</title><link>https://example.org/{i}</link>\
             <pubDate>Mon, 30 Nov 2026 08:00:00 GMT</pubDate><description><![CDATA[{}]]></description></item>",
            &html[start..end]
        ));
    }
    xml.push_str("</channel></rss>");
    xml
}

/// One paragraph of `n` runs of words, each with a link and bold words: the most places to find words at.
fn marked_paragraph(words: &[&str], n: usize, markdown: bool) -> String {
    let mut s = String::new();
    for i in 0..n {
        let (a, b) = (words[i % words.len()], words[(i * 7 + 3) % words.len()]);
        match markdown {
            true => s.push_str(&format!("{a} [{b}](https://example.org/{i}) and **{a}** then ")),
            false => s.push_str(&format!("{a} <a href=\"https://example.org/{i}\">{b}</a> and <b>{a}</b> then ")),
        }
    }
    s
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let read = |p: &str| std::fs::read_to_string(root.join(p)).unwrap_or_else(|e| panic!("{p}: {e}"));
    let markdown: Vec<(String, String)> =
        ["README.md", "docs/importing.md", "docs/performance.md", "docs/performance-history.md"]
            .iter()
            .map(|p| (p.to_string(), read(p)))
            .collect();
    let seed = read("data/000_7367aa27400e94e4.txt");
    let text: String = markdown.iter().map(|(_, t)| t.as_str()).collect::<Vec<_>>().join(" ");
    let words: Vec<&str> =
        text.split_whitespace().filter(|w| w.chars().all(|c| c.is_alphanumeric() || ",.;:'-".contains(c))).collect();
    let mut rng = Rng(0x5EED_2026_1130);

    println!("Importer vs the parser it is built on (median of {RUNS} runs; ratio: importer / parser alone)");
    println!("{:<56} {:>9} {:>16} {:>12} {:>7}", "input", "size", "parser alone", "importer", "ratio");
    let row = |what: &str, size: usize, base: Duration, ours: Duration| {
        let ratio = ours.as_secs_f64() / base.as_secs_f64().max(1e-9);
        println!("{what:<56} {:>9} {:>16} {:>12} {ratio:>6.1}×", mb(size), ms(base), ms(ours));
    };
    // Markdown: this repository's documents, each 10 times.
    let md_files: Vec<(PathBuf, Vec<u8>)> = (0..10)
        .flat_map(|i| {
            markdown
                .iter()
                .map(move |(p, t)| (PathBuf::from(format!("{i}-{}", p.replace('/', "-"))), t.clone().into_bytes()))
        })
        .collect();
    let size = md_files.iter().map(|(_, b)| b.len()).sum();
    let options = pulldown_cmark::Options::all();
    let base = median(|| {
        for (_, b) in &md_files {
            let n = pulldown_cmark::Parser::new_ext(std::str::from_utf8(b).unwrap_or_default(), options).count();
            assert!(n > 0);
        }
    });
    row("Markdown: README, docs/*.md ×10 (pulldown-cmark)", size, base, median(|| import_all(&md_files)));
    // Web pages: 100 pages of 30 paragraphs.
    let pages: Vec<(PathBuf, Vec<u8>)> = (0..100)
        .map(|k| (PathBuf::from(format!("story-{k}.html")), page(&mut rng, &words, 30, k).into_bytes()))
        .collect();
    let size = pages.iter().map(|(_, b)| b.len()).sum();
    let base = median(|| {
        for (_, b) in &pages {
            let doc = scraper::Html::parse_document(std::str::from_utf8(b).unwrap_or_default());
            assert!(doc.tree.nodes().count() > 0);
        }
    });
    row("web pages: 100 of 30 paragraphs (scraper)", size, base, median(|| import_all(&pages)));
    // A feed of 300 items.
    let xml = feed(&mut rng, &words, 300).into_bytes();
    // (The parsers alone: feed-rs's feed, then scraper's fragment of each item's HTML.)
    let base = median(|| {
        let feed = feed_rs::parser::parse(&xml[..]).expect("a feed");
        for entry in &feed.entries {
            let html = entry.summary.as_ref().map_or("", |t| t.content.as_str());
            assert!(scraper::Html::parse_fragment(html).tree.nodes().count() > 1);
        }
    });
    let feed_files = vec![(PathBuf::from("feed.xml"), xml.clone())];
    row("RSS feed: 300 items of 4 paragraphs (feed-rs, scraper)", xml.len(), base, median(|| import_all(&feed_files)));

    println!();
    println!("The same input four times as large (median of {RUNS} runs; linear work ~4×, quadratic ~16×)");
    println!("{:<56} {:>9} {:>12} {:>12} {:>7}", "input", "size ×1", "×1", "×4", "ratio");
    let scaling = |what: &str, name: &str, make: &dyn Fn(usize) -> String, n: usize| {
        let small = vec![(PathBuf::from(name), make(n).into_bytes())];
        let large = vec![(PathBuf::from(name), make(n * 4).into_bytes())];
        let (a, b) = (median(|| import_all(&small)), median(|| import_all(&large)));
        let ratio = b.as_secs_f64() / a.as_secs_f64().max(1e-9);
        println!("{what:<56} {:>9} {:>12} {:>12} {ratio:>6.1}×", mb(small[0].1.len()), ms(a), ms(b));
    };
    let md_paragraph = |n: usize| format!("---\ntitle: T\n---\n{}\n", marked_paragraph(&words, n, true));
    scaling("Markdown: one paragraph, 5,000 links and bold words", "p.md", &md_paragraph, 5_000);
    let html_paragraph = |n: usize| {
        format!(
            "<html><head><title>T</title></head><body><article><p>{}</p></article></body></html>",
            marked_paragraph(&words, n, false)
        )
    };
    scaling("web page: one paragraph, 5,000 links and bold words", "p.html", &html_paragraph, 5_000);
    let md_list = |n: usize| {
        let items: String = (0..n)
            .map(|i| {
                format!(
                    "{}. {} [{}](https://example.org/{i})\n",
                    i + 1,
                    words[i % words.len()],
                    words[(i * 3) % words.len()]
                )
            })
            .collect();
        format!("---\ntitle: T\n---\n{items}")
    };
    scaling("Markdown: a numbered list of 5,000 linked items", "l.md", &md_list, 5_000);
    // The seed's body (its lines after the kicker, the title and the meta line) repeated: a long scraped article.
    let after_meta = seed.match_indices('\n').nth(2).map_or(0, |(i, _)| i + 1);
    let (head, body) = seed.split_at(after_meta);
    let scraped = |n: usize| format!("{head}{}", body.repeat(n));
    scaling("scraped text: the seed article's body 20 times", "seed.txt", &scraped, 20);
}
