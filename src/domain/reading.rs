//! What the reader has read: per article, how far into it they were when they left it and whether they have
//! been to its end — so that the list can say "Read" or "40% read" and a long article can offer to continue where
//! the reader stopped. Kept in the browser (localStorage) as one line of text, the most recently read first, at
//! most [`MAX_ARTICLES`] articles.
//!
//! The text: entries separated by spaces, each `id:at` (`at`: thousandths of the way through the article, 0–1000)
//! with `!` after it once the reader has been to the end (`sotu-1802:400! 000_7367:1000!`). Ids never hold a space
//! or a colon ([`super::ArticleId`]'s characters); an entry that does not read is passed over, so a damaged or
//! foreign value loses only itself.

/// How many articles the log remembers (the least recently read are forgotten first).
pub const MAX_ARTICLES: usize = 500;

/// From here on (thousandths) an article counts as read to its end.
pub const END: u16 = 950;

/// How far a reader is in one article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// Where they were when they left it, in thousandths of the way through (0–1000).
    pub at: u16,
    /// Whether they have been to its end (at [`END`] or past it), at any time.
    pub finished: bool,
}

impl Progress {
    /// The position to offer to continue from: somewhere in the middle (not the start, not the end).
    pub fn resumable(self) -> Option<u16> {
        (50..END).contains(&self.at).then_some(self.at)
    }

    /// Per cent read, for a label ("40% read"): where they left it, rounded down.
    pub fn percent(self) -> u16 {
        self.at / 10
    }
}

/// The articles read, the most recent first.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ReadingLog {
    entries: Vec<(String, Progress)>,
}

impl ReadingLog {
    /// The log from its text; entries that do not read (and repeats of an id) are passed over.
    pub fn parse(text: &str) -> ReadingLog {
        let mut log = ReadingLog::default();
        for entry in text.split_ascii_whitespace() {
            let Some((id, rest)) = entry.split_once(':') else { continue };
            let (at, finished) = match rest.strip_suffix('!') {
                Some(at) => (at, true),
                None => (rest, false),
            };
            let Ok(at) = at.parse::<u16>() else { continue };
            if id.is_empty() || at > 1000 || log.get(id).is_some() || log.entries.len() == MAX_ARTICLES {
                continue;
            }
            log.entries.push((id.to_owned(), Progress { at, finished: finished || at >= END }));
        }
        log
    }

    /// The log as text, for [`ReadingLog::parse`].
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        for (id, p) in &self.entries {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(id);
            out.push(':');
            out.push_str(&p.at.to_string());
            if p.finished {
                out.push('!');
            }
        }
        out
    }

    /// Of `articles`, which the reader has read to their end (empty when none: the list takes a missing one as
    /// not read). One pass over the articles, each id looked up among the finished ones (at most
    /// [`MAX_ARTICLES`]).
    pub fn read_mask(&self, articles: &[super::Article]) -> Vec<bool> {
        let finished: std::collections::HashSet<&str> =
            self.entries.iter().filter(|(_, p)| p.finished).map(|(id, _)| id.as_str()).collect();
        if finished.is_empty() {
            return Vec::new();
        }
        articles.iter().map(|a| finished.contains(a.id.as_str())).collect()
    }

    /// What [`ReadingLog::read_mask`] depends on, in a word: the number of finished articles and their ids'
    /// hashes combined in any order (equal for the same finished articles however recently each was read).
    pub fn finished_key(&self) -> (usize, u64) {
        ids_key(self.entries.iter().filter(|(_, p)| p.finished).map(|(id, _)| id.as_str()))
    }

    pub fn get(&self, id: &str) -> Option<Progress> {
        self.entries.iter().find(|(i, _)| i == id).map(|(_, p)| *p)
    }

    /// The reader is `at` thousandths through article `id` (clamped to 1000): it becomes the most recently read,
    /// finished if it was or if `at` is at its end. An id that the text could not hold (a space, a colon) is not
    /// recorded.
    pub fn record(&mut self, id: &str, at: u16) {
        if id.is_empty() || id.contains(|c: char| c == ':' || c.is_ascii_whitespace()) {
            return;
        }
        let at = at.min(1000);
        let was = self.entries.iter().position(|(i, _)| i == id).map(|k| self.entries.remove(k).1);
        let finished = was.is_some_and(|p| p.finished) || at >= END;
        self.entries.insert(0, (id.to_owned(), Progress { at, finished }));
        self.entries.truncate(MAX_ARTICLES);
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// A set of ids in a word: how many, and their FNV-1a hashes combined in any order (see
/// [`ReadingLog::finished_key`], [`SavedList::key`]).
fn ids_key<'a>(ids: impl Iterator<Item = &'a str>) -> (usize, u64) {
    let hash =
        |id: &str| id.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3));
    ids.fold((0, 0), |(n, x), id| (n + 1, x ^ hash(id)))
}

/// A set's ids in a word, written out (`3-00f1…`: how many, and their hash, see `ids_key`): what `cargo xtask dist`
/// writes into the page beside the articles' own pages (`articles/<id>.html`), which the viewer compares with the
/// set it loaded before it links to one: a set replaced since has pages for other articles, or none.
pub fn ids_tag<'a>(ids: impl Iterator<Item = &'a str>) -> String {
    let (n, hash) = ids_key(ids);
    format!("{n}-{hash:016x}")
}

/// How many articles the reader can keep saved to read later (the earliest saved are let go first).
pub const MAX_SAVED: usize = 1000;

/// The articles the reader saved to read later ("Save"), the most recently saved first. Kept in the browser as
/// one line of text: their ids separated by spaces (an id never holds one); an id that could not be kept so, or
/// a repeat, is passed over.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SavedList {
    ids: Vec<String>,
}

impl SavedList {
    pub fn parse(text: &str) -> SavedList {
        let mut list = SavedList::default();
        for id in text.split_ascii_whitespace().filter(|id| !id.contains(':')) {
            if !list.contains(id) && list.ids.len() < MAX_SAVED {
                list.ids.push(id.to_owned());
            }
        }
        list
    }

    pub fn to_text(&self) -> String {
        self.ids.join(" ")
    }

    pub fn contains(&self, id: &str) -> bool {
        self.ids.iter().any(|i| i == id)
    }

    /// Saves article `id` (first in the list, unless it is in it already) or lets it go. An id the text could not
    /// hold (empty, a space, a colon) is not saved.
    pub fn set(&mut self, id: &str, saved: bool) {
        match (saved, self.contains(id)) {
            (true, false) if !id.is_empty() && !id.contains(|c: char| c == ':' || c.is_ascii_whitespace()) => {
                self.ids.insert(0, id.to_owned());
                self.ids.truncate(MAX_SAVED);
            }
            (false, true) => self.ids.retain(|i| i != id),
            _ => {}
        }
    }

    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// What [`SavedList::mask`] depends on, in a word: the saved ids, in any order (as [`ReadingLog::finished_key`]).
    pub fn key(&self) -> (usize, u64) {
        ids_key(self.ids.iter().map(String::as_str))
    }

    /// Of `articles`, which are saved (empty when none is).
    pub fn mask(&self, articles: &[super::Article]) -> Vec<bool> {
        if self.ids.is_empty() {
            return Vec::new();
        }
        let saved: std::collections::HashSet<&str> = self.ids.iter().map(String::as_str).collect();
        articles.iter().map(|a| saved.contains(a.id.as_str())).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sets_ids_tag_is_its_ids_in_any_order() {
        let tag = ids_tag(["a", "b", "c"].into_iter());
        assert_eq!(tag, ids_tag(["c", "a", "b"].into_iter()));
        assert!(tag.starts_with("3-") && tag.len() == 2 + 16, "{tag}");
        assert_ne!(tag, ids_tag(["a", "b"].into_iter()));
        assert_ne!(tag, ids_tag(["a", "b", "d"].into_iter()));
        assert_eq!(ids_tag([].into_iter()), "0-0000000000000000");
    }

    #[test]
    fn the_text_round_trips_and_bad_entries_are_passed_over() {
        let log = ReadingLog::parse("b:400 a:1000! c:0 bad nocolon:x :12 d:1001 b:10 e:960");
        assert_eq!(log.to_text(), "b:400 a:1000! c:0 e:960!");
        assert_eq!(log.get("b"), Some(Progress { at: 400, finished: false }));
        assert_eq!(log.get("e"), Some(Progress { at: 960, finished: true }), "past the end's threshold is finished");
        assert_eq!(ReadingLog::parse(&log.to_text()), log);
        assert!(ReadingLog::parse("").is_empty());
    }

    #[test]
    fn recording_moves_an_article_first_and_remembers_that_it_was_finished() {
        let mut log = ReadingLog::default();
        log.record("a", 300);
        log.record("b", 970);
        log.record("a", 500);
        assert_eq!(log.to_text(), "a:500 b:970!");
        // Scrolling back up after the end: still read, continued from where they left it.
        log.record("b", 200);
        assert_eq!(log.get("b"), Some(Progress { at: 200, finished: true }));
        log.record("c", 5000);
        assert_eq!(log.get("c").unwrap().at, 1000);
        log.record("has space", 10);
        log.record("has:colon", 10);
        log.record("", 10);
        assert_eq!(log.len(), 3);
    }

    #[test]
    fn the_least_recently_read_are_forgotten_first() {
        let mut log = ReadingLog::default();
        for i in 0..MAX_ARTICLES + 10 {
            log.record(&format!("a{i}"), 100);
        }
        assert_eq!(log.len(), MAX_ARTICLES);
        assert!(log.get("a9").is_none() && log.get("a10").is_some());
        assert_eq!(ReadingLog::parse(&log.to_text()), log);
    }

    #[test]
    fn saved_articles_are_kept_most_recent_first_once_each_and_let_go() {
        let mut list = SavedList::parse("b a b bad:id  c");
        assert_eq!(list.to_text(), "b a c");
        list.set("d", true);
        list.set("a", true);
        assert_eq!(list.to_text(), "d b a c", "saving a saved one again moves nothing");
        list.set("b", false);
        list.set("zz", false);
        list.set("has space", true);
        list.set("has:colon", true);
        list.set("", true);
        assert_eq!(list.to_text(), "d a c");
        assert!(list.contains("a") && !list.contains("b"));
        assert_eq!(SavedList::parse(&list.to_text()), list);
        for i in 0..MAX_SAVED + 5 {
            list.set(&format!("x{i}"), true);
        }
        assert_eq!(list.len(), MAX_SAVED);
        assert!(!list.contains("d") && list.contains("x5"), "the earliest saved let go first");
        // Its key: the same ids in any order, not others.
        let key = |text: &str| SavedList::parse(text).key();
        assert_eq!(key("a b c"), key("c a b"));
        assert_ne!(key("a b"), key("a c"));
        assert_eq!(key(""), (0, 0));
    }

    #[test]
    fn only_the_middle_of_an_article_is_offered_to_continue_from() {
        let p = |at| Progress { at, finished: false };
        assert_eq!(p(0).resumable(), None);
        assert_eq!(p(49).resumable(), None);
        assert_eq!(p(50).resumable(), Some(50));
        assert_eq!(p(949).resumable(), Some(949));
        assert_eq!(p(950).resumable(), None);
        assert_eq!(p(437).percent(), 43);
    }
}
