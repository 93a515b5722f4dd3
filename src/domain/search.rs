//! Search: which articles a query matches, how they rank, and where to highlight.
//!
//! **Matching.** A query is split into terms at white space; `"a quoted phrase"` is one term and `-term` (or
//! `-"phrase"`) excludes. Each term is [folded](super::fold) and an article matches when every plain term is a
//! substring of its folded text and no excluded term is. The searched text is the title, kicker, subtitle,
//! summary, authors, source, category, tags and body (paragraphs, headings, quotes, image alt text and
//! captions), each field folded on its own so that no match runs across two fields. There is no word
//! segmentation: a CJK query matches wherever its characters occur in that order, and a Latin word matches
//! wherever it occurs (so also as a prefix while it is being typed). Precision and recall are therefore those of
//! a plain substring scan of the folded text; the index below only skips articles that cannot match.
//!
//! **Index.** All folded text lives in one string. Each article also has a small Bloom filter (5 bits per
//! character of its text, one hash) of the characters and character pairs in it. A term can only occur in an article whose filter
//! has the bits of all the term's character pairs (or of its one character); the rest are confirmed by a
//! substring search (`memchr::memmem`) in that article's text alone.
//!
//! **Ranking** (the "relevance" sort): more of the query's terms found in the title fields (title, kicker,
//! subtitle) first; then newer; then the set's own order.

use super::fold::{fold, fold_each, fold_mapped, FoldSink};
use super::{Article, Block};
use memchr::memmem;
use std::ops::Range;

/// A parsed query: folded terms that must occur, and folded terms that must not.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    pub include: Vec<String>,
    pub exclude: Vec<String>,
}

impl Query {
    /// Parses what a reader typed. Never fails: an unclosed quote runs to the end, a lone `-` is ignored.
    pub fn parse(input: &str) -> Query {
        let mut q = Query::default();
        let mut rest = input;
        loop {
            rest = rest.trim_start();
            if rest.is_empty() {
                break;
            }
            let (negative, after_sign) = match rest.strip_prefix('-') {
                Some(r) if !r.is_empty() && !r.starts_with(char::is_whitespace) => (true, r),
                _ => (false, rest),
            };
            let (raw, next) = if let Some(r) = after_sign.strip_prefix('"') {
                match r.find('"') {
                    Some(end) => (&r[..end], &r[end + 1..]),
                    None => (r, ""),
                }
            } else {
                let end = after_sign.find(char::is_whitespace).unwrap_or(after_sign.len());
                (&after_sign[..end], &after_sign[end..])
            };
            rest = next;
            let term = fold(raw);
            if term.is_empty() || (!negative && raw == "-") {
                continue;
            }
            let list = if negative { &mut q.exclude } else { &mut q.include };
            if !list.contains(&term) {
                list.push(term);
            }
        }
        q
    }

    /// True when the query asks for nothing (no term to include or exclude).
    pub fn is_empty(&self) -> bool {
        self.include.is_empty() && self.exclude.is_empty()
    }
}

/// One matching article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// Index into the article set.
    pub index: usize,
    /// How many of the query's plain terms occur in the title fields.
    pub title_terms: u32,
}

/// The folded text of every article, and a Bloom filter per article.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SearchIndex {
    text: String,
    /// Article `i`'s text is `text[starts[i]..starts[i + 1]]`; its title fields end at `title_ends[i]`.
    starts: Vec<u32>,
    title_ends: Vec<u32>,
    /// Article `i`'s filter is `bloom[bloom_at[i]..bloom_at[i + 1]]` (64-bit words).
    bloom: Vec<u64>,
    bloom_at: Vec<u32>,
}

/// Builds a [`SearchIndex`] a slice at a time, so that a viewer can build it between frames.
#[derive(Debug, Clone, PartialEq)]
pub struct IndexBuilder {
    ix: SearchIndex,
    /// Articles added so far.
    done: usize,
    /// Each article's filter size in 64-bit words, counted before any is built so that the filters are one
    /// allocation of the exact size (a growing vector would double, and leave the old copies as holes in the
    /// wasm memory, which never shrinks).
    words: Vec<u32>,
}

impl IndexBuilder {
    /// Starts an index for `articles` (space for all of it is reserved now).
    pub fn new(articles: &[Article]) -> IndexBuilder {
        let mut ix = SearchIndex {
            text: String::with_capacity(articles.iter().map(approx_text_len).sum()),
            starts: Vec::with_capacity(articles.len() + 1),
            title_ends: Vec::with_capacity(articles.len()),
            bloom: Vec::new(),
            bloom_at: Vec::with_capacity(articles.len() + 1),
        };
        ix.bloom_at.push(0);
        IndexBuilder { ix, done: 0, words: Vec::with_capacity(articles.len()) }
    }

    /// Does up to `max` more articles' worth of work on `articles` (the same slice every call): first sizing
    /// every article's filter, then adding them; true when all are in.
    pub fn add(&mut self, articles: &[Article], max: usize) -> bool {
        let mut budget = max;
        while self.words.len() < articles.len() && budget > 0 {
            let a = &articles[self.words.len()];
            self.words.push(filter_words(a) as u32);
            budget -= 1;
        }
        if self.words.len() < articles.len() {
            return false;
        }
        if self.ix.bloom.capacity() == 0 {
            self.ix.bloom.reserve_exact(self.words.iter().map(|&w| w as usize).sum());
        }
        let end = self.done.saturating_add(budget).min(articles.len());
        for (a, &words) in articles[self.done..end].iter().zip(&self.words[self.done..end]) {
            self.ix.add_article(a, words as usize);
        }
        self.done = end;
        self.done == articles.len()
    }

    /// The finished index (call when [`IndexBuilder::add`] has returned true).
    pub fn finish(mut self) -> SearchIndex {
        self.ix.starts.push(self.ix.text.len() as u32);
        self.ix.text.shrink_to_fit();
        self.ix.bloom.shrink_to_fit();
        self.ix
    }
}

/// The field separator inside the folded text: folding turns every `\n` into a space, so no term contains it
/// and no match crosses it.
const SEP: char = '\n';
/// Bloom filter bits per character of an article (one hash function). CJK text has about 1.4 distinct grams
/// per character, so about a quarter of the bits are set; Latin text repeats its grams and sets far fewer.
const BITS_PER_CHAR: usize = 5;

#[inline(always)]
fn gram_hash(a: char, b: Option<char>) -> u32 {
    let b = b.map_or(0x11_0000, |b| b as u64);
    let h = ((a as u64) << 21 | b).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (h >> 32) as u32
}

/// The grams a term needs: its character pairs, or its one character.
fn term_grams(term: &str) -> Vec<u32> {
    let chars: Vec<char> = term.chars().collect();
    match chars.len() {
        0 => Vec::new(),
        1 => vec![gram_hash(chars[0], None)],
        _ => chars.windows(2).map(|w| gram_hash(w[0], Some(w[1]))).collect(),
    }
}

impl SearchIndex {
    pub fn build(articles: &[Article]) -> SearchIndex {
        let mut b = IndexBuilder::new(articles);
        b.add(articles, usize::MAX);
        b.finish()
    }

    /// Adds article `a`, whose filter has `words` 64-bit words ([`filter_words`]).
    fn add_article(&mut self, a: &Article, words: usize) {
        let start = self.text.len();
        self.starts.push(start as u32);
        let at = self.bloom.len();
        self.bloom.resize(at + words, 0);
        for field in title_fields(a) {
            self.push_field(field, at);
        }
        self.title_ends.push(self.text.len() as u32);
        for field in searchable_rest(a) {
            self.push_field(field, at);
        }
        self.bloom_at.push(self.bloom.len() as u32);
    }

    /// Appends the fold of one field and its separator, and sets the field's grams (each character, each pair
    /// of neighbours) in the filter that starts at `bloom[at]`, in one pass.
    fn push_field(&mut self, field: &str, at: usize) {
        let before = self.text.len();
        let bloom = &mut self.bloom[at..];
        let bits = (bloom.len() * 64) as u64;
        fold_each(field, &mut FieldSink { text: &mut self.text, bloom, bits, prev: None });
        if self.text.len() > before {
            self.text.push(SEP);
        }
    }

    pub fn len(&self) -> usize {
        self.title_ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.title_ends.is_empty()
    }

    /// Bytes held by the index (folded text, offsets and filters), for the memory benchmark.
    pub fn heap_bytes(&self) -> usize {
        self.text.capacity()
            + (self.starts.capacity() + self.title_ends.capacity() + self.bloom_at.capacity()) * 4
            + self.bloom.capacity() * 8
    }

    /// Article `i`'s folded text: its fields, each followed by a line break.
    pub fn folded_text(&self, i: usize) -> &str {
        &self.text[self.starts[i] as usize..self.starts[i + 1] as usize]
    }

    fn may_contain(&self, i: usize, grams: &[u32]) -> bool {
        let words = &self.bloom[self.bloom_at[i] as usize..self.bloom_at[i + 1] as usize];
        let bits = (words.len() * 64) as u64;
        grams.iter().all(|&g| {
            let bit = ((g as u64 * bits) >> 32) as usize;
            words[bit / 64] & (1 << (bit % 64)) != 0
        })
    }

    /// The articles among `candidates` (indices, in any order) that match `query`, in the order given. An empty
    /// query matches every candidate.
    pub fn search(&self, query: &Query, candidates: impl IntoIterator<Item = usize>) -> Vec<Hit> {
        let include: Vec<(memmem::Finder<'_>, Vec<u32>)> =
            query.include.iter().map(|t| (memmem::Finder::new(t.as_bytes()), term_grams(t))).collect();
        let exclude: Vec<(memmem::Finder<'_>, Vec<u32>)> =
            query.exclude.iter().map(|t| (memmem::Finder::new(t.as_bytes()), term_grams(t))).collect();
        let mut hits = Vec::new();
        let all = self.text.as_bytes();
        'articles: for i in candidates {
            // Filters first: the text itself is only touched (a cache miss per article) when they pass.
            if !include.iter().all(|(_, grams)| self.may_contain(i, grams)) {
                continue;
            }
            let (start, end) = (self.starts[i] as usize, self.starts[i + 1] as usize);
            let text = &all[start..end];
            let title_len = self.title_ends[i] as usize - start;
            let mut title_terms = 0;
            for (finder, _) in &include {
                match finder.find(text) {
                    None => continue 'articles,
                    Some(at) if at < title_len => title_terms += 1,
                    Some(_) => {}
                }
            }
            for (finder, grams) in &exclude {
                if self.may_contain(i, grams) && finder.find(text).is_some() {
                    continue 'articles;
                }
            }
            hits.push(Hit { index: i, title_terms });
        }
        hits
    }
}

/// Where one field's folded characters go: appended to the index's text, and their grams set in the field's
/// article's filter.
struct FieldSink<'a> {
    text: &'a mut String,
    bloom: &'a mut [u64],
    bits: u64,
    prev: Option<char>,
}

impl FieldSink<'_> {
    #[inline(always)]
    fn set(&mut self, g: u32) {
        let bit = ((g as u64 * self.bits) >> 32) as usize;
        self.bloom[bit / 64] |= 1 << (bit % 64);
    }
}

impl FoldSink for FieldSink<'_> {
    #[inline(always)]
    fn put(&mut self, c: char) {
        self.text.push(c);
        self.set(gram_hash(c, None));
        if let Some(p) = self.prev {
            self.set(gram_hash(p, Some(c)));
        }
        self.prev = Some(c);
    }
}

/// The size of article `a`'s filter in 64-bit words: every character and character pair of its fields, sized
/// by the characters as written (folding keeps nearly all one for one; distinct grams are fewer).
fn filter_words(a: &Article) -> usize {
    let chars: usize = title_fields(a).chain(searchable_rest(a)).map(|f| f.chars().count() + 1).sum();
    (chars * BITS_PER_CHAR).div_ceil(64).max(1)
}

/// Bytes to reserve for article `a`'s folded text: its fields as written, and room for the separators.
fn approx_text_len(a: &Article) -> usize {
    title_fields(a).chain(searchable_rest(a)).map(|f| f.len() + 1).sum::<usize>() + 8
}

/// The title fields, searched first (a match in them counts for relevance).
fn title_fields(a: &Article) -> impl Iterator<Item = &str> {
    [Some(a.title.as_str()), a.kicker.as_deref(), a.subtitle.as_deref()].into_iter().flatten()
}

/// The fields searched after the title fields, in order.
fn searchable_rest(a: &Article) -> impl Iterator<Item = &str> {
    let singles = [a.summary.as_deref(), a.source.as_deref(), a.category.as_deref()].into_iter().flatten();
    let lists = a.authors.iter().chain(a.tags.iter()).map(String::as_str);
    let body = a.body.iter().flat_map(|b| {
        let (x, y): (Option<&str>, Option<&str>) = match b {
            Block::Paragraph { text } | Block::Heading { text } | Block::Quote { text } => (Some(text), None),
            Block::Image { alt, caption, .. } => (Some(alt.as_str()), caption.as_deref()),
            Block::Unknown { .. } => (None, None),
        };
        [x, y].into_iter().flatten()
    });
    singles.chain(lists).chain(body)
}

/// A piece of displayed text: `marked` pieces are query matches (shown in `<mark>`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    pub text: String,
    pub marked: bool,
}

/// The byte ranges of `text` (as written) where any of `terms` (folded) occur after folding, merged and sorted.
pub fn match_ranges(text: &str, terms: &[String]) -> Vec<Range<usize>> {
    if terms.is_empty() || text.is_empty() {
        return Vec::new();
    }
    let m = fold_mapped(text);
    let mut ranges: Vec<Range<usize>> = Vec::new();
    for t in terms {
        for at in memmem::find_iter(m.folded.as_bytes(), t.as_bytes()) {
            let (a, b) = m.original_range(at, at + t.len());
            ranges.push(a..b);
        }
    }
    ranges.sort_by_key(|r| (r.start, r.end));
    let mut merged: Vec<Range<usize>> = Vec::new();
    for r in ranges {
        match merged.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    merged
}

/// `text` cut into plain and marked pieces for the query's terms.
pub fn highlight(text: &str, terms: &[String]) -> Vec<Piece> {
    let mut pieces = Vec::new();
    let mut at = 0;
    for r in match_ranges(text, terms) {
        if r.start > at {
            pieces.push(Piece { text: text[at..r.start].to_owned(), marked: false });
        }
        pieces.push(Piece { text: text[r.clone()].to_owned(), marked: true });
        at = r.end;
    }
    if at < text.len() || pieces.is_empty() {
        pieces.push(Piece { text: text[at..].to_owned(), marked: false });
    }
    pieces
}

/// The excerpt a result card shows: the passage around the first match in the summary or body (about
/// `max_chars` characters, starting a little before the match, with `…` where cut), highlighted; or, when no
/// term occurs there, the article's usual excerpt.
pub fn excerpt(article: &Article, terms: &[String], max_chars: usize) -> Vec<Piece> {
    const BEFORE: usize = 20;
    let texts = article.summary.as_deref().into_iter().chain(article.body.iter().filter_map(|b| match b {
        Block::Paragraph { text } | Block::Quote { text } | Block::Heading { text } => Some(text.as_str()),
        _ => None,
    }));
    for text in texts {
        let Some(first) = match_ranges(text, terms).first().cloned() else { continue };
        let chars_before = text[..first.start].chars().count();
        let start = if chars_before <= BEFORE {
            0
        } else {
            text[..first.start].char_indices().nth(chars_before - BEFORE).map_or(0, |(i, _)| i)
        };
        let end = text[start..].char_indices().nth(max_chars).map_or(text.len(), |(i, _)| start + i).max(first.end);
        let mut pieces = highlight(&text[start..end], terms);
        if start > 0 {
            pieces.insert(0, Piece { text: "…".into(), marked: false });
        }
        if end < text.len() {
            pieces.push(Piece { text: "…".into(), marked: false });
        }
        return pieces;
    }
    highlight(&article.excerpt(max_chars), terms)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(include: &[&str], exclude: &[&str]) -> Query {
        Query {
            include: include.iter().map(|s| s.to_string()).collect(),
            exclude: exclude.iter().map(|s| s.to_string()).collect(),
        }
    }

    #[test]
    fn query_rows() {
        let rows: &[(&str, Query)] = &[
            ("", q(&[], &[])),
            ("   ", q(&[], &[])),
            ("企業", q(&["企业"], &[])),
            ("企業 社區", q(&["企业", "社区"], &[])),
            ("\"Hello  World\" again", q(&["hello world", "again"], &[])),
            ("-spam ham", q(&["ham"], &["spam"])),
            ("-\"bad news\" good", q(&["good"], &["bad news"])),
            ("\"unclosed phrase", q(&["unclosed phrase"], &[])),
            ("- alone", q(&["alone"], &[])),
            ("a-b", q(&["a-b"], &[])),
            ("dup DUP", q(&["dup"], &[])),
            ("\"\" -\"\"", q(&[], &[])),
            ("ＡＢＣ", q(&["abc"], &[])),
        ];
        for (input, want) in rows {
            assert_eq!(&Query::parse(input), want, "parse({input:?})");
        }
    }

    #[test]
    fn highlight_marks_original_characters() {
        let terms = vec![fold("企业")];
        let pieces = highlight("湖南企業社區企業", &terms);
        let shown: Vec<(&str, bool)> = pieces.iter().map(|p| (p.text.as_str(), p.marked)).collect();
        assert_eq!(shown, [("湖南", false), ("企業", true), ("社區", false), ("企業", true)]);
        assert_eq!(highlight("nothing", &terms), [Piece { text: "nothing".into(), marked: false }]);
    }

    #[test]
    fn the_index_is_built_in_the_room_reserved_for_it() {
        let json = r#"{"version":1,"articles":[
            {"id":"a","title":"Café ÉTÉ","kicker":"A long kicker, with ﬁ and ＡＢＣ","subtitle":"企業社區 subtitle",
             "summary":"Summary","authors":["Zoë"],"tags":["x","y"],"source":"S","category":"C",
             "body":["Paragraph one.",{"type":"heading","text":"Heading"},{"type":"quote","text":"Quote"}]},
            {"id":"b","title":"B","body":["繁體中文的段落，有一些文字。"]}]}"#;
        let arts = crate::domain::load_article_set(json).unwrap().articles;
        let mut b = IndexBuilder::new(&arts);
        let (text, blooms) = (b.ix.text.capacity(), b.ix.bloom.capacity());
        assert!(!b.add(&arts, 2), "sizing the filters is work too");
        assert!(b.add(&arts, 2));
        assert_eq!(b.ix.text.capacity(), text, "the folded text fit in what was reserved");
        assert_eq!(blooms, 0);
        assert_eq!(b.ix.bloom.capacity(), b.ix.bloom.len(), "the filters are one allocation of the exact size");
        assert_eq!(b.finish(), SearchIndex::build(&arts));
    }
}
