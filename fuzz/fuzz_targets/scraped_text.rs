//! The scraped-text importer (decoding, cleaning, layout) and the Markdown, feed and web page readers on arbitrary
//! bytes: they may report an error, never panic.
#![no_main]

use article_viewer::domain::import::clean::{clean_text, Fix};
use article_viewer::domain::import::{import_file, ImportOptions};
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let opts = ImportOptions {
        fixes: vec![Fix { find: "?yōu)".into(), replace: "為".into() }],
        ..ImportOptions::default()
    };
    for name in ["a.txt", "a.md", "a.rss", "a.html"] {
        let result = import_file(Path::new(name), data, &opts);
        // Whatever was imported must load in the viewer with nothing skipped: one set of rules.
        let file = article_viewer::domain::ArticleSetFile { version: 1, title: None, articles: result.articles };
        let reloaded = article_viewer::domain::load_article_set(&file.to_json_pretty()).expect("importer output loads");
        assert!(reloaded.skipped.is_empty(), "{:?}", reloaded.skipped);
    }
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = clean_text(text, &opts.fixes);
    }
});
