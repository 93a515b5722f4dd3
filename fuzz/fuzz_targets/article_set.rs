//! The viewer's article-set loader on arbitrary text: a clear error or a set, never a panic; and what it
//! accepts survives being written out and read again.
#![no_main]

use article_viewer::domain::{load_article_set, ArticleSetFile};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(set) = load_article_set(text) {
        let file = ArticleSetFile { version: 1, title: set.title.clone(), articles: set.articles.clone() };
        let again = load_article_set(&file.to_json_pretty()).expect("a written set loads");
        assert_eq!(again.articles, set.articles);
    }
});
