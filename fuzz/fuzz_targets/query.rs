//! The search query parser, the URL state parser, highlighting and the reading log's stored text on arbitrary
//! input: never a panic; parsed terms are non-empty and already folded; URL state and the reading log round-trip;
//! a highlight covers the text exactly.
#![no_main]

use article_viewer::domain::fold::fold;
use article_viewer::domain::listing::ListState;
use article_viewer::domain::reading::ReadingLog;
use article_viewer::domain::search::{highlight, match_ranges, Query};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
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
    for r in match_ranges(text, &terms) {
        assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end) && r.start < r.end);
    }
});
