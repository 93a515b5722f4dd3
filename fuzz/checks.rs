//! What the fuzz targets check, one function per target: shared with `tests/fuzz_corpus.rs`, which runs them on
//! the committed corpus (`fuzz/regressions/<target>/`) in every `cargo test` — the inputs the fuzzer found that
//! reach the most code, and any that once failed — so that what fuzzing proved is kept without nightly Rust.
// (Each fuzz target uses one of them.)
#![allow(dead_code)]

use article_viewer::domain::article::Style;
use article_viewer::domain::fold::fold;
use article_viewer::domain::import::clean::{clean_text, Fix};
use article_viewer::domain::import::{import_file, ImportOptions};
use article_viewer::domain::listing::ListState;
use article_viewer::domain::reading::ReadingLog;
use article_viewer::domain::search::{highlight, linked_pieces, match_ranges, Query};
use article_viewer::domain::{load_article_set, ArticleSetFile, Block, Link};
use std::path::Path;

/// The scraped-text importer (decoding, cleaning, layout) and the Markdown, feed and web page readers on
/// arbitrary bytes: they may report an error, never panic; whatever they import loads in the viewer with nothing
/// skipped and nothing changed (one set of rules: every link and styled word it keeps is placed).
pub fn scraped_text(data: &[u8]) {
    let opts =
        ImportOptions { fixes: vec![Fix { find: "?yōu)".into(), replace: "為".into() }], ..ImportOptions::default() };
    for name in ["a.txt", "a.md", "a.rss", "a.html"] {
        let result = import_file(Path::new(name), data, &opts);
        let file = ArticleSetFile { version: 1, title: None, articles: result.articles };
        let reloaded = load_article_set(&file.to_json_pretty()).expect("importer output loads");
        assert!(reloaded.skipped.is_empty(), "{name}: {:?}", reloaded.skipped);
        assert_eq!(reloaded.articles, file.articles, "{name}");
    }
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = clean_text(text, &opts.fixes);
    }
}

/// The viewer's article-set loader on arbitrary text: a clear error or a set, never a panic; every link it keeps
/// is shown (its words found in its text, in order; an http(s) address); a list's levels are as `Block::nest`
/// makes them (none, or one per item that the viewer can nest) and its nested lists' kinds as `Block::fit_sublists`
/// makes them; and what it accepts survives being written out
/// and read again.
pub fn article_set(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(set) = load_article_set(text) {
        for b in set.articles.iter().flat_map(|a| &a.body) {
            if let Block::List(l) = b {
                assert_eq!(Block::nest(l.levels.clone(), l.items.len()), (l.levels.clone(), None), "{b:?}");
                // One kind at most per nested list, and none kept that says nothing.
                let fitted = Block::fit_sublists(l.ordered, &l.levels, l.sublists.clone());
                assert_eq!(fitted, (l.sublists.clone(), None), "{b:?}");
            }
        }
        for a in &set.articles {
            // The places a link can go to: each once, each an anchor; a list's at most one per item.
            let places = article_viewer::domain::article::anchors(&a.body);
            assert!(places.iter().all(|p| article_viewer::domain::article::is_anchor(p)), "{places:?}");
            let mut unique = places.clone();
            unique.sort();
            unique.dedup();
            assert_eq!(unique.len(), places.len(), "{places:?}");
            for b in &a.body {
                if let Block::List(l) = b {
                    assert!(l.anchors.len() <= l.items.len(), "{b:?}");
                }
            }
            for b in a.body.iter().filter(|b| !b.links().is_empty()) {
                assert_eq!(Link::ranges_in(b.linked_texts(), b.links()).len(), b.links().len(), "{b:?}");
                // A link goes to an http(s) address or to a place in the article; styled words have a style.
                let shown = |l: &Link| match l.is_link() {
                    true => {
                        article_viewer::domain::load::is_safe_url(&l.href, false)
                            || l.href.strip_prefix('#').is_some_and(|at| places.iter().any(|p| p == at))
                    }
                    false => !l.style.is_empty(),
                };
                assert!(b.links().iter().all(shown), "{b:?}");
            }
        }
        let file = ArticleSetFile { version: 1, title: set.title.clone(), articles: set.articles.clone() };
        let again = load_article_set(&file.to_json_pretty()).expect("a written set loads");
        assert_eq!(again.articles, set.articles);
    }
}

/// The search query parser, the URL state parser, highlighting and the reading log's stored text on arbitrary
/// input: never a panic; parsed terms are non-empty and already folded; URL state and the reading log
/// round-trip; a highlight covers the text exactly.
pub fn query(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let q = Query::parse(text);
    for t in q.include.iter().chain(&q.exclude) {
        assert!(!t.is_empty());
        assert_eq!(&fold(t), t, "terms are folded");
    }
    let log = ReadingLog::parse(text);
    assert_eq!(ReadingLog::parse(&log.to_text()), log, "the reading log round-trips");
    let state = ListState::from_query(text);
    assert_eq!(ListState::from_query(&state.to_query()), state, "URL state round-trips");
    // Highlight the input's own second half in the input: pieces put back together give the text unchanged.
    let half: String = text.chars().skip(text.chars().count() / 2).collect();
    let terms = Query::parse(&half).include;
    let pieces = highlight(text, &terms);
    assert_eq!(pieces.iter().map(|p| p.text.as_str()).collect::<String>(), text);
    // And with that half as a link, and its first character in bold: links, styles and marks cut the text into
    // pieces that make it whole.
    let first: String = half.chars().take(1).collect();
    let links = [Link::new(half.clone(), "https://example.org/"), Link::styled(first, Style::STRONG)];
    let linked = linked_pieces(text, &Link::ranges(text, &links), &links, &terms);
    assert_eq!(linked.iter().flat_map(|(_, parts)| parts).map(|(r, ..)| &text[r.clone()]).collect::<String>(), text);
    for r in match_ranges(text, &terms) {
        assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end) && r.start < r.end);
    }
}
