//! The reading log (src/domain/reading.rs): a property test against a plain model of what it remembers.

use article_viewer::domain::reading::{ReadingLog, END, MAX_ARTICLES};
use proptest::prelude::*;
use std::collections::HashMap;

proptest! {
    #[test]
    fn the_log_remembers_each_articles_last_place_and_whether_it_was_finished(
        records in prop::collection::vec(("[a-z0-9._~-]{1,6}", 0..1200u16), 0..200),
    ) {
        let mut log = ReadingLog::default();
        // The model: per id, the last place (clamped) and whether any place was at the end; and the order of last use.
        let mut model: HashMap<String, (u16, bool)> = HashMap::new();
        let mut order: Vec<String> = Vec::new();
        for (id, at) in &records {
            log.record(id, *at);
            let at = (*at).min(1000);
            let finished = model.get(id).is_some_and(|m| m.1) || at >= END;
            model.insert(id.clone(), (at, finished));
            order.retain(|i| i != id);
            order.insert(0, id.clone());
        }
        prop_assert_eq!(log.len(), order.len().min(MAX_ARTICLES));
        for id in order.iter().take(MAX_ARTICLES) {
            let p = log.get(id).unwrap();
            prop_assert_eq!((p.at, p.finished), model[id]);
        }
        // Most recent first in its text, and the text reads back to the same log.
        let text = log.to_text();
        let ids: Vec<&str> = text.split(' ').filter(|e| !e.is_empty()).map(|e| e.split(':').next().unwrap()).collect();
        prop_assert_eq!(ids, order.iter().take(MAX_ARTICLES).map(String::as_str).collect::<Vec<_>>());
        prop_assert_eq!(ReadingLog::parse(&text), log);
    }

    #[test]
    fn any_text_reads_without_panicking_and_writes_back_what_it_kept(text in "\\PC{0,200}") {
        let log = ReadingLog::parse(&text);
        prop_assert_eq!(ReadingLog::parse(&log.to_text()), log);
    }
}
