//! Search: which articles a query matches, how they rank, and where to highlight.
//!
//! **Matching.** A query is split into terms at white space; `"a quoted phrase"` is one term and `-term` (or
//! `-"phrase"`) excludes; the quotes and minus signs other keyboards type work too (“…”, 「…」, 『…』, ＂…＂, „…“,
//! «…», `－`, `−`). Each term is [folded](super::fold) and an article matches when every plain term is a
//! substring of its folded text and no excluded term is. The searched text is the title, kicker, subtitle,
//! summary, authors, source, category, tags and body (paragraphs, headings, quotes, image alt text and
//! captions), each field folded on its own so that no match runs across two fields. There is no word
//! segmentation: a CJK query matches wherever its characters occur in that order, and a Latin word matches
//! wherever it occurs (so also as a prefix while it is being typed). Precision and recall are therefore those of
//! a plain substring scan of the folded text; the index below only skips articles that cannot match.
//!
//! **Words in spaced scripts.** A term that begins with a letter or digit of a script written with spaces
//! (Latin, Greek, Cyrillic, …) *begins a word* where it occurs at the start of a field or after a character that
//! is not a letter or digit of such a script (white space, punctuation, CJK; see `word_char`): `war` begins a
//! word in "the war", "wars" and "戰爭war", not in "toward" or "software". Any other term (CJK, or starting with
//! punctuation) begins a word wherever it occurs. This decides three things, never whether an article matches:
//! an excluded term excludes only where it begins a word (`-war` keeps the speeches that only say "toward"); the
//! ranking counts a term where it begins a word; and an excerpt shows a passage where a term begins a word when
//! there is one.
//!
//! **Index.** All folded text lives in one string. Beside it:
//! - per character outside ASCII, exactly which articles have it (a list of article numbers, or a bitmap once
//!   that is smaller), so a one-character term — the commonest CJK query, and the one with the most hits — is
//!   answered without reading any text but the titles (for the ranking);
//! - the pairs of neighbouring characters, hashed into buckets (4 per character of the average article) and
//!   stored as bit slices, one bit per article and bucket, 64 articles to a word: a signature file turned
//!   sideways, as in BitFunnel. The pairs that the most articles have (up to 1,024, each in at least 1 in 20 of
//!   a sample of 32–128 articles, ~96,000 characters; at most a quarter of the buckets) have a bucket each instead, which holds exactly
//!   the articles with that pair: a two-character term made of one — 何处, 明月, the CJK queries with the most
//!   hits — is answered from it without reading any text but the titles, as a one-character term is from its
//!   row.
//!
//! A query ANDs the rows of its terms' characters and the slices of their pairs (one word per 64 articles), and
//! the articles left are confirmed by a substring search (`memchr::memmem`) in their text alone. An article much
//! longer than the average sets most of its pair bits and is simply searched more often; results never depend on
//! the buckets.
//!
//! **Ranking** (the "relevance" sort): an article whose title is the query first (the query as one phrase,
//! [`Query::whole`], is the whole folded title but for punctuation and spaces at its ends: `李白` puts the poet's
//! life, titled 李白, above the poems 寄李白 and 李白墓); then more of the query's terms beginning a word in the title
//! fields (title, kicker, subtitle); then, of two or more terms, the terms as that phrase in one field ("tariff
//! reform" ranks a speech that says it above one that only has both words); then more of them beginning a word
//! anywhere; then newer; then the set's own order. (For CJK every match begins a word, so it is: more terms in the
//! title first, then the phrase, then newer.) A term of one character outside ASCII is answered from its row without
//! reading text, and counts as beginning a word.

use super::article::Style;
use super::fold::{fold, fold_each, fold_mapped, FoldSink};
use super::{Article, Block, Link};
use memchr::memmem;
use std::ops::Range;

/// A parsed query: folded terms that must occur, and folded terms that must not.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    pub include: Vec<String>,
    pub exclude: Vec<String>,
    /// The plain terms in the order typed, repeats kept, as one phrase: one space apart, none between two characters
    /// of scripts written without spaces (`企业 社区` → 企业社区, `state of the union` as typed). What a title that is
    /// the query folds to ([`Hit::title_is_query`]), and the phrase that ranks an article up ([`Hit::phrase`]).
    pub whole: String,
    /// Whether `whole` joins two or more terms.
    pub joined: bool,
}

/// Appends `term` to the phrase `whole` ([`Query::whole`]).
fn push_term(whole: &mut String, term: &str) {
    if let Some(last) = whole.chars().next_back() {
        if !(unspaced(last) && term.chars().next().is_some_and(unspaced)) {
            whole.push(' ');
        }
    }
    whole.push_str(term);
}

/// Whether `c` (folded) is of a script written without spaces between words (CJK ideographs, kana, Thai, Lao,
/// Tibetan, Myanmar, Khmer; not Hangul, written with spaces): two terms typed apart meet without one in a phrase.
fn unspaced(c: char) -> bool {
    let u = c as u32;
    matches!(u, 0x2E80..=0x30FF | 0x3400..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3FFFF) || unspaced_alphabet(u)
}

impl Query {
    /// Parses what a reader typed. Never fails: an unclosed quote runs to the end, a lone `-` is ignored.
    pub fn parse(input: &str) -> Query {
        let mut q = Query::default();
        for (negative, raw) in terms(input) {
            let raw = &input[raw];
            let term = fold(raw);
            let lone_sign = raw.chars().next().is_some_and(|c| MINUS.contains(&c) && raw.len() == c.len_utf8());
            if term.is_empty() || (!negative && lone_sign) {
                continue;
            }
            if !negative {
                q.joined |= !q.whole.is_empty();
                push_term(&mut q.whole, &term);
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

/// What may open a quoted phrase, and what may close it: the ASCII quote, and the quotes that Chinese, Japanese,
/// German and French keyboards type (a Chinese input method gives “…” for the `"` key; ＂ is its full-width form).
const QUOTES: &[(char, &str)] = &[
    ('"', "\""),
    ('＂', "＂\""),
    ('“', "”“\""),
    ('”', "”\""),
    ('„', "“”\""),
    ('「', "」"),
    ('『', "』"),
    ('«', "»"),
    ('»', "«"),
];

/// What may mark a term as excluded: the hyphen-minus, its full-width form and the minus sign.
const MINUS: &[char] = &['-', '－', '−'];

/// The terms of what a reader typed, as typed: whether each excludes (`-term`), and where its text is in `input`
/// (without the sign and the quotes).
pub(crate) fn terms(input: &str) -> Vec<(bool, Range<usize>)> {
    let mut out = Vec::new();
    let mut at = 0;
    loop {
        let rest = &input[at..];
        let trimmed = rest.trim_start();
        at += rest.len() - trimmed.len();
        if trimmed.is_empty() {
            return out;
        }
        let sign = trimmed.chars().next().filter(|c| MINUS.contains(c)).map_or(0, char::len_utf8);
        let negative = sign > 0 && trimmed[sign..].chars().next().is_some_and(|c| !c.is_whitespace());
        let start = at + if negative { sign } else { 0 };
        let after = &input[start..];
        let quote = after.chars().next().and_then(|c| QUOTES.iter().find(|(open, _)| *open == c));
        let (raw, next) = match quote {
            Some(&(open, closers)) => {
                let inner = start + open.len_utf8();
                match input[inner..].char_indices().find(|&(_, c)| closers.contains(c)) {
                    Some((end, close)) => (inner..inner + end, inner + end + close.len_utf8()),
                    None => (inner..input.len(), input.len()),
                }
            }
            None => {
                let end = start + after.find(char::is_whitespace).unwrap_or(after.len());
                (start..end, end)
            }
        };
        out.push((negative, raw));
        at = next;
    }
}

/// One matching article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// Index into the article set.
    pub index: usize,
    /// How many of the query's plain terms begin a word in the title fields.
    pub title_terms: u16,
    /// How many of them begin a word anywhere (see the module's documentation).
    pub word_terms: u16,
    /// Whether the title is the query: its terms, folded and in their order, are the whole title (as folded; an
    /// end's punctuation and spaces aside), as the title 李白 is for `李白` and "The State of the Union" for
    /// `state of the union`.
    pub title_is_query: bool,
    /// Whether the query's terms (two or more) occur as one phrase, in the order typed ([`Query::whole`]), in one
    /// field: "tariff reform" for `tariff reform`, 企業社區 for `企业 社区`.
    pub phrase: bool,
}

/// `s` (folded) without the punctuation and spaces at its ends: ASCII's, Latin-1's (¡ « » ¿), the general
/// punctuation block's (“ ” ‘ ’ — …), CJK's (。 、 「 」 『 』 【 】 〈 〉) and its vertical forms'. (Folding has
/// already turned full-width punctuation into ASCII. Not `char::is_alphanumeric`: its Unicode tables would be
/// linked into the viewer for this alone, ~2 KB of the first load.)
fn core(mut s: &str) -> &str {
    // (By hand: `trim_matches` linked ~0.5 KB more into the viewer.)
    while let Some(c) = s.chars().next().filter(|&c| trimmed(c)) {
        s = &s[c.len_utf8()..];
    }
    while let Some(c) = s.chars().next_back().filter(|&c| trimmed(c)) {
        s = &s[..s.len() - c.len_utf8()];
    }
    s
}

fn trimmed(c: char) -> bool {
    c.is_ascii_punctuation()
        || c.is_whitespace()
        || matches!(c, '\u{A1}'..='\u{BF}' | '\u{2000}'..='\u{206F}' | '\u{FE10}'..='\u{FE4F}')
        // CJK's symbols and punctuation, not its letters and digits (々 〆 〇, the Suzhou numerals, the kana repeat
        // marks).
        || matches!(c, '\u{3000}'..='\u{3004}' | '\u{3008}'..='\u{3020}' | '\u{3030}' | '\u{3036}'..='\u{3037}' | '\u{303D}'..='\u{303F}')
}

/// The folded text of every article, its characters as exact rows and its character pairs as bit slices (see
/// the module's documentation).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SearchIndex {
    text: String,
    /// Article `i`'s text is `text[starts[i]..starts[i + 1]]`; its title fields end at `title_ends[i]`.
    starts: Vec<u32>,
    title_ends: Vec<u32>,
    /// Pair bucket `r` of articles `64k..64k + 64` is the word `slices[k * rows + r]`: bit `j` is set when
    /// article `64k + j` has a character pair in that bucket. One block of `rows` words per 64 articles, so a
    /// build appends and a query reads one word per block per pair. The last `frequent.len` buckets of a block
    /// are the frequent pairs', one each; the others are hashed.
    slices: Vec<u64>,
    rows: usize,
    frequent: FrequentPairs,
    /// Exactly which articles have each character, in any field and in the title fields.
    chars: CharRows,
    title_chars: CharRows,
    /// Each article's title ([`core`] of its folded title field) as a hash, with the article's number: `hash << 32 |
    /// i`, sorted. The articles whose title may be a query are found from it, without reading any hit's text.
    titles: Vec<u64>,
}

/// Per (folded) character outside ASCII, the articles that have it: a sorted list of article numbers while that
/// is smaller than a bitmap of all the articles, then the bitmap. (ASCII characters are in nearly every article
/// with Latin text: a row would filter nothing and cost the most to build.)
#[derive(Debug, Clone, Default, PartialEq)]
struct CharRows {
    /// 1 + the row of each character (0: no article has it), in pages of 256 characters made when one of them
    /// is first seen (CJK text uses about a hundred pages).
    pages: Vec<Option<Box<[u32; 256]>>>,
    rows: Vec<Row>,
    /// While building: per row, the articles of the current 64 that have the character (bit `j`: article
    /// `64k + j`), and the rows with any. The rows themselves are written once per 64 articles, not once per
    /// article and character (which is where the time would go: a row is somewhere else in memory each time).
    block: Vec<u64>,
    touched: Vec<u32>,
    /// Words in a bitmap row: one bit per article.
    words: usize,
}

#[derive(Debug, Clone, PartialEq)]
enum Row {
    List(Vec<u32>),
    Bits(Vec<u64>),
}

/// The articles of `list` as a bitmap of `words` words (bit `j % 64` of word `j / 64`: article `j`).
fn bitmap(list: &[u32], words: usize) -> Vec<u64> {
    let mut bits = vec![0u64; words];
    for &j in list {
        bits[j as usize / 64] |= 1 << (j % 64);
    }
    bits
}

impl CharRows {
    fn new(articles: usize) -> CharRows {
        let words = articles.div_ceil(64);
        CharRows { pages: vec![None; 0x1100], rows: Vec::new(), block: Vec::new(), touched: Vec::new(), words }
    }

    /// Whether `c` has rows (is not ASCII).
    fn covers(c: char) -> bool {
        !c.is_ascii()
    }

    fn row(&self, c: char) -> Option<&Row> {
        let r = self.pages[c as usize >> 8].as_ref()?[c as usize & 0xFF].checked_sub(1)?;
        Some(&self.rows[r as usize])
    }

    /// Notes that article `i` (one of the current 64) has `c`.
    #[inline(always)]
    fn add(&mut self, c: char, i: u32) {
        // (Slices, not the vectors: the release build optimises for size and calls a vector's indexing as a
        // function. Natively the index of 10,000 articles took 13% less time — 300 → 258 ms; in the wasm, whose
        // engine inlines small functions itself, ~4%.)
        let pages: &[Option<Box<[u32; 256]>>] = &self.pages;
        let r = match &pages[c as usize >> 8] {
            Some(page) if page[c as usize & 0xFF] != 0 => page[c as usize & 0xFF] as usize - 1,
            _ => self.new_row(c),
        };
        let block: &mut [u64] = &mut self.block;
        let word = &mut block[r];
        if *word == 0 {
            self.touched.push(r as u32);
        }
        *word |= 1 << (i % 64);
    }

    /// The row of `c`, new (not inlined: once per character of the set).
    #[inline(never)]
    fn new_row(&mut self, c: char) -> usize {
        let page = self.pages[c as usize >> 8].get_or_insert_with(|| Box::new([0; 256]));
        page[c as usize & 0xFF] = self.rows.len() as u32 + 1;
        self.rows.push(Row::List(Vec::new()));
        self.block.push(0);
        self.rows.len() - 1
    }

    /// Writes the current 64 articles (`64k..`) into the rows.
    fn flush(&mut self, k: usize) {
        for r in self.touched.drain(..) {
            let word = std::mem::take(&mut self.block[r as usize]);
            match &mut self.rows[r as usize] {
                Row::List(list) => {
                    let mut w = word;
                    while w != 0 {
                        list.push((k * 64) as u32 + w.trailing_zeros());
                        w &= w - 1;
                    }
                    // A list longer than the bitmap in bytes becomes the bitmap.
                    if list.len() > self.words * 2 {
                        self.rows[r as usize] = Row::Bits(bitmap(list, self.words));
                    }
                }
                Row::Bits(bits) => bits[k] = word,
            }
        }
    }

    /// The articles that have the first character of `term` (not ASCII), as a bitmap.
    fn bits(&self, term: &str) -> Vec<u64> {
        let mut bits = vec![!0u64; self.words];
        if let Some(c) = term.chars().next() {
            self.and(c, &mut bits);
        }
        bits
    }

    /// Keeps in `may` only the articles that have `c` (not ASCII).
    fn and(&self, c: char, may: &mut [u64]) {
        match self.row(c) {
            None => may.fill(0),
            Some(Row::Bits(bits)) => may.iter_mut().zip(bits).for_each(|(m, b)| *m &= b),
            Some(Row::List(list)) => {
                let only = bitmap(list, may.len());
                may.iter_mut().zip(only).for_each(|(m, b)| *m &= b);
            }
        }
    }

    fn shrink(&mut self) {
        self.block = Vec::new();
        self.touched = Vec::new();
        for row in &mut self.rows {
            if let Row::List(list) = row {
                list.shrink_to_fit();
            }
        }
    }

    fn heap_bytes(&self) -> usize {
        let rows: usize = self
            .rows
            .iter()
            .map(|r| match r {
                Row::List(l) => l.capacity() * 4,
                Row::Bits(b) => b.capacity() * 8,
            })
            .sum();
        let pages = self.pages.iter().flatten().count() * 1024 + self.pages.capacity() * 8;
        pages + self.rows.capacity() * size_of::<Row>() + rows
    }
}

/// The pairs of neighbouring characters that the most articles have, each with a bucket of its own: exactly the
/// articles that have that pair, so that a two-character term made of one (何处, 明月: the CJK queries with the most
/// hits) is answered from its bucket without reading the articles' text, and the hashed buckets are left to the
/// rarer pairs. Chosen before the first article is added, from a sample of the set.
#[derive(Debug, Clone, PartialEq)]
struct FrequentPairs {
    /// A table the pairs' hashes index (a power of two long, at most a quarter full, one place per pair: a
    /// lookup is one read and no branch, at every character of the build): `(pair_key + 1) << ROW_BITS | row`,
    /// the pair and its bucket among the frequent ones, or 0. (A pair whose place another more frequent one
    /// took is hashed as the others are.)
    places: Box<[u64; PLACES]>,
    len: usize,
}

impl Default for FrequentPairs {
    fn default() -> Self {
        FrequentPairs { places: Box::new([0; PLACES]), len: 0 }
    }
}

/// The places of [`FrequentPairs`]: four per pair.
const PLACES: usize = MAX_FREQUENT * 4;
const PLACE_SHIFT: u32 = 32 - PLACES.trailing_zeros();

/// Calls `f(k, pair)` for each pair of neighbouring characters (folded, in one field) of each of `sample` articles
/// spread evenly over `articles`, `k` the sampled article's number.
fn sample_pairs(articles: &[Article], sample: usize, mut f: impl FnMut(usize, u64)) {
    let n = articles.len();
    for k in 0..sample {
        let a = &articles[k * n / sample];
        for field in title_fields(a).chain(searchable_rest(a)) {
            let mut prev: Option<char> = None;
            fold_each(field, &mut |c: char| {
                if let Some(p) = prev {
                    f(k, pair_key(p, c));
                }
                prev = Some(c);
            });
        }
    }
}

/// Articles sampled, spread evenly over the set, to choose the frequent pairs from: about this many characters'
/// worth (in the browser, choosing took 12 ms for 128 articles of 1,500 characters, a third of indexing 1,000)…
const SAMPLE_CHARS: u64 = 96_000;
/// …and this many articles at least and at most (fewer in a smaller set).
const SAMPLE: (u64, u64) = (32, 128);
/// A pair is frequent when at least this share of the sample has it (and at least two articles do)…
const FREQUENT_SHARE: usize = 20;
/// …and at most this many of them, and a quarter of the buckets, have buckets of their own.
const MAX_FREQUENT: usize = 1 << ROW_BITS;
const ROW_BITS: u32 = 10;

impl FrequentPairs {
    /// The `max` pairs of `articles` (of `chars` characters in all) that most of a sample of them have (each in at
    /// least 1 in [`FREQUENT_SHARE`] of the sample), the most frequent first, in a fixed order.
    fn choose(articles: &[Article], chars: u64, max: usize) -> FrequentPairs {
        if max == 0 {
            return FrequentPairs::default();
        }
        let n = articles.len();
        let per_article = chars / n.max(1) as u64;
        let sample = (SAMPLE_CHARS / per_article.max(1)).clamp(SAMPLE.0, SAMPLE.1).min(n as u64) as usize;
        let least = (sample / FREQUENT_SHARE).max(2);
        // Per place of a table the pairs' hashes index: a pair, about how many sampled articles had it, and the
        // last of them. Another pair that comes to the place takes one off that count, and takes the place when
        // it is down to 0 (Misra and Gries' heavy hitters, per place): a frequent pair holds its place, and its
        // count is at most a little short, while counting every pair of the sample (tens of thousands) in a map
        // took 2.6 MB and more time than the rest of choosing. (A frequent pair that loses its place, or too
        // much of its count, is hashed as the rare ones are: slower to search, never wrong.)
        const SKETCH: usize = 1 << 15;
        let (mut first, mut count, mut last) = (vec![0u64; SKETCH], vec![0u16; SKETCH], vec![u16::MAX; SKETCH]);
        sample_pairs(articles, sample, |k, key| {
            let p = bucket(key_hash(key), SKETCH);
            if first[p] == key + 1 {
                if last[p] != k as u16 {
                    (last[p], count[p]) = (k as u16, count[p] + 1);
                }
            } else if count[p] == 0 {
                (first[p], last[p], count[p]) = (key + 1, k as u16, 1);
            } else {
                count[p] -= 1;
            }
        });
        // The most frequent first, then by pair: one sort of 64-bit integers (the count's complement above the
        // pair's 42 bits), as the list's orders are (one sort's code in the wasm).
        let mut pairs: Vec<u64> = (0..SKETCH)
            .filter(|&p| count[p] as usize >= least)
            .map(|p| ((u16::MAX - count[p]) as u64) << 42 | (first[p] - 1))
            .collect();
        pairs.sort_unstable();
        pairs.truncate(max.min(MAX_FREQUENT));
        let mut f = FrequentPairs::default();
        for key in pairs.into_iter().map(|k| k & ((1 << 42) - 1)) {
            let place = &mut f.places[key_hash(key) as usize >> PLACE_SHIFT];
            if *place == 0 {
                *place = (key + 1) << ROW_BITS | f.len as u64;
                f.len += 1;
            }
        }
        f
    }

    /// The bucket of pair `key` (hash `h`) among `rows`, the last [`FrequentPairs::len`] of which are the
    /// frequent pairs' own; and whether it is one of those (then it has exactly the articles with that pair).
    #[inline(always)]
    fn row(&self, rows: usize, key: u64, h: u32) -> (usize, bool) {
        let hashed = rows - self.len;
        let place = self.places[h as usize >> PLACE_SHIFT];
        let own = place >> ROW_BITS == key + 1;
        (if own { hashed + (place as usize & (MAX_FREQUENT - 1)) } else { bucket(h, hashed) }, own)
    }

    fn heap_bytes(&self) -> usize {
        PLACES * 8
    }
}

/// Builds a [`SearchIndex`] a slice at a time, so that a viewer can build it between frames.
#[derive(Debug, Clone, PartialEq)]
pub struct IndexBuilder {
    ix: SearchIndex,
    /// Articles added so far.
    done: usize,
    /// Articles whose characters are counted so far, and the count (the number of pair buckets follows from
    /// it, and is needed before the first article is added).
    counted: usize,
    chars: u64,
    /// The block of 64 articles being added: one word per pair bucket.
    block: Vec<u64>,
    /// At most how many frequent pairs get buckets of their own.
    max_frequent: usize,
}

impl IndexBuilder {
    /// Starts an index for `articles` (space for their text is reserved now).
    pub fn new(articles: &[Article]) -> IndexBuilder {
        let ix = SearchIndex {
            text: String::with_capacity(articles.iter().map(approx_text_len).sum()),
            starts: Vec::with_capacity(articles.len() + 1),
            title_ends: Vec::with_capacity(articles.len()),
            slices: Vec::new(),
            rows: 0,
            frequent: FrequentPairs::default(),
            chars: CharRows::new(articles.len()),
            title_chars: CharRows::new(articles.len()),
            titles: Vec::with_capacity(articles.len()),
        };
        IndexBuilder { ix, done: 0, counted: 0, chars: 0, block: Vec::new(), max_frequent: MAX_FREQUENT }
    }

    /// The same index with at most `max` frequent pairs in buckets of their own (0: every pair hashed). Which
    /// pairs have one changes how fast a query is, never what it finds or how it ranks (a test builds both).
    pub fn with_frequent_pairs(mut self, max: usize) -> IndexBuilder {
        self.max_frequent = max;
        self
    }

    /// Does up to `max` more articles' worth of work on `articles` (the same slice every call): first counting
    /// every article's characters, then adding them; true when all are in.
    pub fn add(&mut self, articles: &[Article], max: usize) -> bool {
        let mut budget = max;
        while self.counted < articles.len() && budget > 0 {
            self.chars += text_chars(&articles[self.counted]) as u64;
            self.counted += 1;
            budget -= 1;
        }
        if self.counted < articles.len() {
            return false;
        }
        if self.ix.rows == 0 {
            self.ix.rows = rows_for(self.chars, articles.len());
            // (A sample's worth of work more in this slice.)
            self.ix.frequent = FrequentPairs::choose(articles, self.chars, self.max_frequent.min(self.ix.rows / 4));
            self.ix.slices.reserve_exact(articles.len().div_ceil(64) * self.ix.rows);
            self.block = vec![0; self.ix.rows];
        }
        let end = self.done.saturating_add(budget).min(articles.len());
        for (i, a) in articles.iter().enumerate().take(end).skip(self.done) {
            self.ix.add_article(a, &mut self.block, i as u32);
            if i % 64 == 63 {
                self.ix.slices.extend_from_slice(&self.block);
                self.block.fill(0);
                self.ix.chars.flush(i / 64);
                self.ix.title_chars.flush(i / 64);
            }
        }
        self.done = end;
        self.done == articles.len()
    }

    /// The finished index (call when [`IndexBuilder::add`] has returned true).
    pub fn finish(mut self) -> SearchIndex {
        if !self.done.is_multiple_of(64) {
            self.ix.slices.extend_from_slice(&self.block);
            self.ix.chars.flush(self.done / 64);
            self.ix.title_chars.flush(self.done / 64);
        }
        self.ix.starts.push(self.ix.text.len() as u32);
        self.ix.titles.sort_unstable();
        self.ix.text.shrink_to_fit();
        self.ix.chars.shrink();
        self.ix.title_chars.shrink();
        self.ix
    }
}

/// The field separator inside the folded text: folding turns every `\n` into a space, so no term contains it
/// and no match crosses it.
const SEP: char = '\n';
/// Pair buckets per character of the average article. CJK text has about one distinct pair per character, so
/// about a quarter of an average article's bits are set; Latin text repeats its pairs and sets far fewer.
const ROWS_PER_CHAR: u64 = 4;

/// The number of pair buckets for `articles` articles of `chars` characters in all.
fn rows_for(chars: u64, articles: usize) -> usize {
    (chars * ROWS_PER_CHAR / articles.max(1) as u64).clamp(64, 1 << 20) as usize
}

/// A pair of characters as one number (a character is below 2^21).
#[inline(always)]
fn pair_key(a: char, b: char) -> u64 {
    (a as u64) << 21 | b as u64
}

#[inline(always)]
fn key_hash(key: u64) -> u32 {
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 32) as u32
}

/// A title's hash (FNV-1a, folded to 32 bits), for [`SearchIndex::titled`].
fn title_hash(title: &str) -> u32 {
    let h = title.bytes().fold(0xCBF2_9CE4_8422_2325u64, |h, b| (h ^ b as u64).wrapping_mul(0x0100_0000_01B3));
    (h ^ h >> 32) as u32
}

/// The bucket of pair hash `g` among `rows`.
#[inline(always)]
fn bucket(g: u32, rows: usize) -> usize {
    ((g as u64 * rows as u64) >> 32) as usize
}

impl SearchIndex {
    pub fn build(articles: &[Article]) -> SearchIndex {
        let mut b = IndexBuilder::new(articles);
        b.add(articles, usize::MAX);
        b.finish()
    }

    /// Adds article `i`, `a`: its characters to their rows, its pairs to the buckets of `block`.
    fn add_article(&mut self, a: &Article, block: &mut [u64], i: u32) {
        let start = self.text.len();
        self.starts.push(start as u32);
        for (k, field) in title_fields(a).enumerate() {
            self.push_field(field, block, i, true);
            if k == 0 {
                let title = self.text[start..].strip_suffix(SEP).unwrap_or(&self.text[start..]);
                self.titles.push((title_hash(core(title)) as u64) << 32 | i as u64);
            }
        }
        self.title_ends.push(self.text.len() as u32);
        for field in searchable_rest(a) {
            self.push_field(field, block, i, false);
        }
    }

    /// Appends the fold of one field and its separator, and notes the field's characters and pairs of
    /// neighbours, in one pass.
    fn push_field(&mut self, field: &str, block: &mut [u64], i: u32, title: bool) {
        let before = self.text.len();
        let title_chars = title.then_some(&mut self.title_chars);
        let frequent = &self.frequent;
        let sink = &mut FieldSink {
            text: &mut self.text,
            frequent,
            chars: &mut self.chars,
            title_chars,
            block,
            i,
            prev: None,
        };
        fold_each(field, sink);
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

    /// Bytes held by the index (folded text, offsets, character rows and pair slices), for the memory benchmark.
    pub fn heap_bytes(&self) -> usize {
        self.text.capacity()
            + (self.starts.capacity() + self.title_ends.capacity()) * 4
            + (self.slices.capacity() + self.titles.capacity()) * 8
            + self.frequent.heap_bytes()
            + self.chars.heap_bytes()
            + self.title_chars.heap_bytes()
    }

    /// The articles whose title is `whole` (a query's, [`Query::whole`], without the punctuation and spaces at its
    /// ends), in order (the keys of one hash are in the articles' order): those with its hash in `titles`, each
    /// confirmed by its title's text.
    fn titled(&self, whole: &str) -> Vec<usize> {
        let hash = title_hash(whole) as u64;
        let from = self.titles.partition_point(|&k| k >> 32 < hash);
        (self.titles[from..].iter())
            .take_while(|&&k| k >> 32 == hash)
            .map(|&k| k as u32 as usize)
            .filter(|&i| {
                let text = self.folded_text(i);
                core(text.split(SEP).next().unwrap_or_default()) == whole
            })
            .collect()
    }

    /// Article `i`'s folded text: its fields, each followed by a line break.
    pub fn folded_text(&self, i: usize) -> &str {
        &self.text[self.starts[i] as usize..self.starts[i + 1] as usize]
    }

    /// The bucket of the pair `a`, `b`: its own, for a frequent pair (then exact), else its hash's among the
    /// others.
    fn pair_row(&self, a: char, b: char) -> (usize, bool) {
        let key = pair_key(a, b);
        self.frequent.row(self.rows, key, key_hash(key))
    }

    /// The buckets of the pairs of neighbouring characters in `term`, and whether they are all exact.
    fn term_rows(&self, term: &str) -> (Vec<usize>, bool) {
        let (mut rows, mut exact, mut prev) = (Vec::new(), true, None);
        for c in term.chars() {
            if let Some(p) = prev.replace(c) {
                let (row, own) = self.pair_row(p, c);
                rows.push(row);
                exact &= own;
            }
        }
        (rows, exact)
    }

    /// Keeps in `may` (bit `j` of word `k`: article `64k + j`) the articles that have all of `pairs` (buckets).
    fn may_have_pairs(&self, pairs: &[usize], may: &mut [u64]) {
        for (word, block) in may.iter_mut().zip(self.slices.chunks_exact(self.rows)) {
            *word = pairs.iter().fold(*word, |w, &r| w & block[r]);
        }
    }

    fn may_have(&self, i: usize, pairs: &[usize]) -> bool {
        let block = &self.slices[i / 64 * self.rows..];
        pairs.iter().all(|&r| block[r] >> (i % 64) & 1 != 0)
    }

    /// The articles among `candidates` (indices, in any order) that match `query`, in the order given. An empty
    /// query matches every candidate.
    pub fn search(&self, query: &Query, candidates: impl IntoIterator<Item = usize>) -> Vec<Hit> {
        // A term of one character that has a row is known exactly from it, and whether it is in the title fields
        // (for the ranking) from the title rows: its text is not searched at all. A term of two characters that
        // are a frequent pair is known exactly from the pair's bucket: only the title fields are searched (for
        // the ranking; as it is not `spaced`, any match begins a word).
        let one = |t: &str| {
            let mut chars = t.chars();
            matches!((chars.next(), chars.next()), (Some(c), None) if CharRows::covers(c))
        };
        let two = |t: &str| t.chars().nth(1).is_some() && t.chars().nth(2).is_none() && !spaced(t);
        // Each plain term's pair buckets, and whether they are all exact.
        let rows: Vec<(Vec<usize>, bool)> = query.include.iter().map(|t| self.term_rows(t)).collect();
        let include: Vec<(memmem::Finder<'_>, Exact, bool)> = query
            .include
            .iter()
            .zip(&rows)
            .map(|(t, (_, exact_rows))| {
                let exact = if one(t) {
                    Exact::Char(self.title_chars.bits(t))
                } else if two(t) && *exact_rows {
                    Exact::Pair
                } else {
                    Exact::No
                };
                (memmem::Finder::new(t.as_bytes()), exact, spaced(t))
            })
            .collect();
        // The articles whose title is the query (a few at most; found without reading any hit's text).
        let whole = core(&query.whole);
        let titled = if whole.is_empty() { Vec::new() } else { self.titled(whole) };
        // The query as a phrase (of two or more terms): its pairs' buckets first, then a search of the text.
        let phrase =
            query.joined.then(|| (memmem::Finder::new(query.whole.as_bytes()), self.term_rows(&query.whole).0));
        let exclude: Vec<(memmem::Finder<'_>, Vec<usize>, bool)> =
            query.exclude.iter().map(|t| (memmem::Finder::new(t.as_bytes()), self.term_rows(t).0, spaced(t))).collect();
        // The articles that have every character of every term and whose slices have all its pairs: only their
        // text is searched.
        let mut may = vec![!0u64; self.len().div_ceil(64)];
        if !query.include.is_empty() && !may.is_empty() {
            // Each character once (a query has a few: no sort needed, and none is linked in for this).
            let mut chars: Vec<char> = Vec::new();
            for c in query.include.iter().flat_map(|t| t.chars()).filter(|&c| CharRows::covers(c)) {
                if !chars.contains(&c) {
                    chars.push(c);
                }
            }
            for c in chars {
                self.chars.and(c, &mut may);
            }
            let pairs: Vec<usize> = rows.into_iter().flat_map(|(r, _)| r).collect();
            self.may_have_pairs(&pairs, &mut may);
        }
        let mut hits = Vec::new();
        // Bytes, not `str`: slicing a `str` checks both ends are character boundaries, a read of the text at two
        // random places for every candidate — most of the time of a one-character term (answered from its row,
        // its text never read).
        let all = self.text.as_bytes();
        'articles: for i in candidates {
            if may[i / 64] >> (i % 64) & 1 == 0 {
                continue;
            }
            let (start, end) = (self.starts[i] as usize, self.starts[i + 1] as usize);
            let text = &all[start..end];
            let title_len = self.title_ends[i] as usize - start;
            let (mut title_terms, mut word_terms) = (0, 0);
            for (finder, exact, spaced) in &include {
                match exact {
                    Exact::Char(in_title) => {
                        title_terms += (in_title[i / 64] >> (i % 64) & 1) as u16;
                        word_terms += 1;
                        continue;
                    }
                    Exact::Pair => {
                        title_terms += finder.find(&text[..title_len]).is_some() as u16;
                        word_terms += 1;
                        continue;
                    }
                    Exact::No => {}
                }
                // The first match, then on to the first that begins a word (the first, unless it is a word of a
                // spaced script that occurs inside other words first).
                let mut matches = finder.find_iter(text);
                let Some(first) = matches.next() else { continue 'articles };
                let word = std::iter::once(first).chain(matches).find(|&at| begins_word(text, at, *spaced));
                if let Some(at) = word {
                    word_terms += 1;
                    title_terms += (at < title_len) as u16;
                }
            }
            for (finder, pairs, spaced) in &exclude {
                if self.may_have(i, pairs) && finder.find_iter(text).any(|at| begins_word(text, at, *spaced)) {
                    continue 'articles;
                }
            }
            let title_is_query = !titled.is_empty() && titled.binary_search(&i).is_ok();
            let phrase =
                phrase.as_ref().is_some_and(|(finder, pairs)| self.may_have(i, pairs) && finder.find(text).is_some());
            hits.push(Hit { index: i, title_terms, word_terms, title_is_query, phrase });
        }
        hits
    }
}

/// How a term of a query is known to be in an article that the index lets through: from its character's row
/// (with the articles that have it in their title fields), from its pair's own bucket, or only by searching the
/// article's text.
enum Exact {
    Char(Vec<u64>),
    Pair,
    No,
}

/// Where one field's folded characters go: appended to the index's text, noted in their rows as article `i`'s,
/// and their pairs set in the block of the article's 64.
struct FieldSink<'a> {
    text: &'a mut String,
    frequent: &'a FrequentPairs,
    chars: &'a mut CharRows,
    /// The title rows, while a title field is added.
    title_chars: Option<&'a mut CharRows>,
    block: &'a mut [u64],
    i: u32,
    prev: Option<char>,
}

impl FoldSink for FieldSink<'_> {
    #[inline(always)]
    fn put(&mut self, c: char) {
        self.text.push(c);
        if CharRows::covers(c) {
            self.chars.add(c, self.i);
            if let Some(t) = &mut self.title_chars {
                t.add(c, self.i);
            }
        }
        if let Some(p) = self.prev {
            let key = pair_key(p, c);
            let (r, _) = self.frequent.row(self.block.len(), key, key_hash(key));
            self.block[r] |= 1 << (self.i % 64);
        }
        self.prev = Some(c);
    }
}

/// The characters of article `a`'s searched fields as written (folding keeps nearly all one for one).
fn text_chars(a: &Article) -> usize {
    title_fields(a).chain(searchable_rest(a)).map(|f| f.chars().count() + 1).sum()
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
        let image = match b {
            Block::Image(i) => [Some(i.alt.as_str()), i.caption.as_deref()],
            Block::Table(t) => [t.caption.as_deref(), None],
            _ => [None, None],
        };
        b.texts().iter().map(String::as_str).chain(image.into_iter().flatten())
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
    // As (start, end) in one number, so that sorting them is the one sort of 64-bit integers that the list
    // uses too (a text is under 4 GB).
    let mut ranges: Vec<u64> = Vec::new();
    for t in terms {
        for at in memmem::find_iter(m.folded.as_bytes(), t.as_bytes()) {
            let (a, b) = m.original_range(at, at + t.len());
            ranges.push((a as u64) << 32 | b as u64);
        }
    }
    ranges.sort_unstable();
    let mut merged: Vec<Range<usize>> = Vec::new();
    for r in ranges.into_iter().map(|k| (k >> 32) as usize..k as u32 as usize) {
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

/// A piece of a text as a page shows it: its byte range, its style, whether it is in a match.
pub type ShownPiece = (Range<usize>, Style, bool);

/// `text` cut as a page shows it: the words of each link `placed` in it (its byte range and index in `links`, as
/// [`Link::ranges`] places them) and the text between, each cut again where a match of `terms` starts or ends
/// and where styled words `placed` start or end — (the link's index, [(byte range, style, marked)]), pieces of one
/// style and marking together. A match across a link's edge is two marks (which [`mark_count`] counts so); across
/// a style's edge, one mark holding both.
pub fn linked_pieces(
    text: &str,
    placed: &[(Range<usize>, usize)],
    links: &[Link],
    terms: &[String],
) -> Vec<(Option<usize>, Vec<ShownPiece>)> {
    let marks = match_ranges(text, terms);
    // The links' stretches and the text between them; the styled words' ranges and styles.
    let (mut stretches, mut styled, mut at) = (Vec::new(), Vec::new(), 0);
    for (r, i) in placed.iter().cloned() {
        let Some(l) = links.get(i) else { continue };
        if !l.is_link() {
            styled.push((r, l.style));
            continue;
        }
        if r.start > at {
            stretches.push((None, at..r.start));
        }
        at = r.end;
        stretches.push((Some(i), r));
    }
    if at < text.len() || stretches.is_empty() {
        stretches.push((None, at..text.len()));
    }
    let mut out = Vec::new();
    // (The matches and the styled words are each in order, apart: those over a stretch follow those over the one
    // before, so that each is looked at for the stretches it is over only.)
    let (mut mi, mut si) = (0, 0);
    for (link, r) in stretches {
        while marks.get(mi).is_some_and(|m| m.end <= r.start) {
            mi += 1;
        }
        while styled.get(si).is_some_and(|s| s.0.end <= r.start) {
            si += 1;
        }
        let marks = &marks[mi..mi + marks[mi..].iter().take_while(|m| m.start < r.end).count()];
        let styled = &styled[si..si + styled[si..].iter().take_while(|s| s.0.start < r.end).count()];
        // Where a match or styled words start or end inside it, as 64-bit numbers: sorted by the one sort of them
        // linked into the app, as in `match_ranges`.
        let mut cuts = vec![r.start as u64, r.end as u64];
        for m in marks.iter().chain(styled.iter().map(|(s, _)| s)) {
            for c in [m.start, m.end] {
                if r.start < c && c < r.end {
                    cuts.push(c as u64);
                }
            }
        }
        cuts.sort_unstable();
        cuts.dedup();
        let mut parts: Vec<ShownPiece> = Vec::new();
        for w in cuts.windows(2) {
            let (a, b) = (w[0] as usize, w[1] as usize);
            let mut style = Style::default();
            for (s, st) in styled {
                if s.start <= a && b <= s.end {
                    style = *st;
                }
            }
            let marked = marks.iter().any(|m| m.start <= a && b <= m.end);
            match parts.last_mut() {
                Some((last, s, m)) if *s == style && *m == marked => last.end = b,
                _ => parts.push((a..b, style, marked)),
            }
        }
        if parts.is_empty() {
            parts.push((r, Style::default(), false));
        }
        out.push((link, parts));
    }
    out
}

/// How many marks [`linked_pieces`] draws in `parts`: runs of marked pieces.
pub fn marks_in(parts: &[ShownPiece]) -> usize {
    mark_starts(parts).count()
}

/// The first piece of each mark [`linked_pieces`] draws in `parts` (a run of marked pieces is one mark).
fn mark_starts(parts: &[ShownPiece]) -> impl Iterator<Item = &ShownPiece> {
    parts.iter().enumerate().filter(|(k, p)| p.2 && (*k == 0 || !parts[k - 1].2)).map(|(_, p)| p)
}

/// How many marks an article's page shows for `terms`: those of its header — kicker, title, subtitle, lede
/// (`Article::lede`), the meta line's source, category and authors, the tags — and those each body block's element
/// draws ([`marks_before`] its end: a table's caption and cells, an image's caption, a match across a link's edge
/// two marks).
pub fn mark_count(a: &Article, terms: &[String]) -> usize {
    if terms.is_empty() {
        return 0;
    }
    let head = [a.kicker.as_deref(), Some(a.title.as_str()), a.subtitle.as_deref(), a.lede(), a.source.as_deref()];
    let meta = a.category.as_deref().into_iter().chain(a.authors.iter().chain(&a.tags).map(String::as_str));
    let header: usize = head.into_iter().flatten().chain(meta).map(|t| match_ranges(t, terms).len()).sum();
    header + a.body.iter().map(|b| marks_before(b, usize::MAX, 0, terms)).sum::<usize>()
}

/// Whether `c` is of the scripts written without spaces between words (CJK: from U+2E80 on, the line the 繁/简
/// engine's `may_convert` draws too).
fn spaceless(c: char) -> bool {
    c as u32 >= 0x2E80
}

/// Whether `c` (folded) is part of a word of a script written with spaces between words: an ASCII letter or
/// digit, or a character of the alphabets between Latin-1 and CJK (U+00C0–U+1FFF but × and ÷, U+2C00–U+2DFF:
/// Latin, Greek, Cyrillic, Armenian, Hebrew, Arabic, Indic, …). Told by block rather than by Unicode's letter and
/// digit tables, which would add ~3 KB to the app; so the few punctuation marks inside those blocks (Arabic ،,
/// Devanagari ।) count as part of a word. Folding has already turned full-width and compatibility forms into
/// these, and U+2000–U+2BFF is punctuation and symbols. Not the scripts in that range written without spaces
/// between words — Thai, Lao, Tibetan, Myanmar, Khmer —: a match in them may begin a word anywhere, as in CJK.
pub(crate) fn word_char(c: char) -> bool {
    let u = c as u32;
    c.is_ascii_alphanumeric()
        || ((0xC0..0x2000).contains(&u) && u != 0xD7 && u != 0xF7 && !unspaced_alphabet(u))
        || (0x2C00..0x2E00).contains(&u)
}

/// Whether code point `u` is of Thai, Lao, Tibetan, Myanmar or Khmer: alphabets written without spaces between
/// words.
pub(crate) fn unspaced_alphabet(u: u32) -> bool {
    matches!(u, 0x0E00..=0x0FFF | 0x1000..=0x109F | 0x1780..=0x17FF)
}

/// Whether (folded) `term` begins with a letter or digit of a spaced script: only such a term can occur inside a
/// word rather than at its start.
fn spaced(term: &str) -> bool {
    term.chars().next().is_some_and(word_char)
}

/// Whether a match at byte `at` of `text` (folded UTF-8, one article's or one field's; `at` starts a character)
/// begins a word: always for a term that is not `spaced`, else when nothing or no letter or digit of a spaced
/// script comes before it.
fn begins_word(text: &[u8], at: usize, spaced: bool) -> bool {
    if !spaced {
        return true;
    }
    // The character before: back over its continuation bytes (10xxxxxx) to its first byte.
    let Some(first) = text[..at].iter().rposition(|&b| b & 0xC0 != 0x80) else { return true };
    let before = std::str::from_utf8(&text[first..at]).ok().and_then(|c| c.chars().next());
    !before.is_some_and(word_char)
}

/// A match to start an excerpt at (a range of the text as written), and how many different terms begin a word in
/// the window that it starts.
type Anchor = (u32, Range<usize>);

/// Where in `text` (as written) an excerpt for `terms` is best anchored: the first match of any term, and the
/// match beginning a word that starts the window of `span` characters (from it on) in which the most different
/// terms begin a word, with that number — the first such window (one fold of the text for both).
fn best_matches(text: &str, terms: &[String], span: usize) -> (Option<Range<usize>>, Option<Anchor>) {
    let m = fold_mapped(text);
    let folded = m.folded.as_bytes();
    // Matches that begin a word as (where << 8 | which term) in one number, so that sorting them is the sort of
    // 64-bit integers the list and `match_ranges` use too (not another copy of the sort in the app).
    let (mut any, mut words) = (None::<(usize, usize)>, Vec::<u64>::new());
    for (k, t) in terms.iter().enumerate().take(64) {
        let mut at = memmem::find_iter(folded, t.as_bytes()).peekable();
        let Some(&first) = at.peek() else { continue };
        any = Some(any.map_or((first, first + t.len()), |r| r.min((first, first + t.len()))));
        let spaced = spaced(t);
        words.extend(at.filter(|&at| begins_word(folded, at, spaced)).map(|at| (at as u64) << 8 | k as u64));
    }
    words.sort_unstable();
    let at = |w: u64| (w >> 8) as usize;
    let term = |w: u64| (w & 0xFF) as usize;
    // Each match's position in characters, counted along the folded text once.
    let (mut chars, mut last) = (0, 0);
    let place: Vec<usize> = words
        .iter()
        .map(|&w| {
            chars += m.folded[last..at(w)].chars().count();
            last = at(w);
            chars
        })
        .collect();
    let mut best: Option<(u32, usize)> = None;
    for (k, &from) in place.iter().enumerate() {
        let seen = (k..words.len()).take_while(|&j| place[j] < from + span).fold(0u64, |b, j| b | 1 << term(words[j]));
        if best.is_none_or(|(n, _)| seen.count_ones() > n) {
            best = Some((seen.count_ones(), k));
            // Every term (one, for a one-term query: its first word match): no window can have more.
            if seen.count_ones() as usize >= terms.len().min(64) {
                break;
            }
        }
    }
    let range = |(a, b): (usize, usize)| {
        let (a, b) = m.original_range(a, b);
        a..b
    };
    let anchor = |k: usize| (at(words[k]), at(words[k]) + terms[term(words[k])].len());
    (any.map(range), best.map(|(n, k)| (n, range(anchor(k)))))
}

/// Where a passage that leads up to `text[at..]` starts: at most `before` characters earlier, and not in the
/// middle of something — just after the last end of a sentence in that stretch (。！？； or `. ! ? ;` before a
/// space or CJK), else after the last clause mark (，、： or `, :` before a space or CJK), else at the start of
/// a word when the stretch begins inside one (in text with spaces between words); never on white space.
fn passage_start(text: &str, at: usize, before: usize) -> usize {
    let lead = &text[..at];
    let count = lead.chars().count();
    if count <= before {
        return 0;
    }
    let from = lead.char_indices().nth(count - before).map_or(0, |(i, _)| i);
    let stretch: Vec<(usize, char)> = lead[from..].char_indices().map(|(i, c)| (from + i, c)).collect();
    // `. ! ? ; , :` end something when a space or CJK follows (not in 3.5, U.S. or 3,000).
    let spaced = |k: usize| text[stretch[k].0..].chars().nth(1).is_none_or(|c| c.is_whitespace() || spaceless(c));
    let after_last = |wide: &[char], narrow: &[char]| {
        (0..stretch.len())
            .rev()
            .find(|&k| wide.contains(&stretch[k].1) || (narrow.contains(&stretch[k].1) && spaced(k)))
            .map(|k| stretch[k].0 + stretch[k].1.len_utf8())
    };
    // Inside a word (or a number like 3.5): the stretch begins right after something that is not a space, with
    // something that is neither a space nor CJK (which has no spaces between words).
    let inside_word = lead[..from].chars().next_back().is_some_and(|c| !c.is_whitespace())
        && lead[from..].chars().next().is_some_and(|c| !c.is_whitespace() && !spaceless(c));
    let start = after_last(&['。', '！', '？', '；'], &['.', '!', '?', ';'])
        .or_else(|| after_last(&['，', '、', '：'], &[',', ':']))
        .or_else(|| {
            let space = stretch.iter().find(|(_, c)| c.is_whitespace());
            space.filter(|_| inside_word).map(|&(i, c)| i + c.len_utf8())
        })
        .unwrap_or(from);
    at - text[start..at].trim_start().len()
}

/// The excerpt a result card shows: the passage of the summary or body in which the most different terms begin a
/// word (the first such: for one term, its first match that begins a word), else around the first match — about
/// `max_chars` characters, starting a little before the match where a sentence, clause or word starts, with `…`
/// where cut — highlighted; or, when no term occurs there, the article's usual excerpt.
pub fn excerpt(article: &Article, terms: &[String], max_chars: usize) -> Excerpt {
    const BEFORE: usize = 20;
    let summary = article.summary.as_deref().map(|s| (None, s));
    let body =
        article.body.iter().enumerate().flat_map(|(b, block)| block.texts().iter().map(move |t| (Some(b), t.as_str())));
    // Each text folded once; no further than the first passage that has every term.
    let every = terms.iter().enumerate().filter(|&(k, t)| k < 64 && !terms[..k].contains(t)).count() as u32;
    let (mut found, mut fallback) = (None::<(u32, (Option<usize>, &str), Range<usize>)>, None);
    for (block, text) in summary.into_iter().chain(body) {
        let (any, word) = best_matches(text, terms, max_chars.saturating_sub(BEFORE));
        if fallback.is_none() {
            fallback = any.map(|r| ((block, text), r));
        }
        if let Some((n, r)) = word.filter(|(n, _)| found.as_ref().is_none_or(|(m, _, _)| n > m)) {
            found = Some((n, (block, text), r));
        }
        if found.as_ref().is_some_and(|(n, _, _)| *n >= every) {
            break;
        }
    }
    if let Some(((block, text), first)) = found.map(|(_, t, r)| (t, r)).or(fallback) {
        let start = passage_start(text, first.start, BEFORE);
        let end = text[start..].char_indices().nth(max_chars).map_or(text.len(), |(i, _)| start + i).max(first.end);
        let mut pieces = highlight(&text[start..end], terms);
        if start > 0 {
            pieces.insert(0, Piece { text: "…".into(), marked: false });
        }
        if end < text.len() {
            pieces.push(Piece { text: "…".into(), marked: false });
        }
        // Which of its block's marks the passage's first match is (see `marks_before`).
        let place = block.map(|b| {
            let texts = article.body[b].texts();
            let t = texts.iter().position(|t| std::ptr::eq(t.as_str(), text)).unwrap_or(0);
            (b, marks_before(&article.body[b], t, first.start, terms))
        });
        return Excerpt { pieces, place };
    }
    Excerpt { pieces: highlight(&article.excerpt(max_chars), terms), place: None }
}

/// How many marks an article's page draws for `terms` in body block `block`'s element before byte `at` of its
/// text `t` (of [`Block::linked_texts`]: [`Block::texts`], or an image's caption), in the page's order: a table's
/// caption's (shown above its cells), those of the block's texts before `t`, and those of `t` that start before
/// `at` — a match across a link's edge counted as the two marks it is drawn as ([`linked_pieces`]). So that the
/// place of a match ([`Excerpt::place`]) is the mark the page draws for it; past the last text (`t` =
/// `usize::MAX`), all the block's marks ([`mark_count`]).
pub fn marks_before(block: &Block, t: usize, at: usize, terms: &[String]) -> usize {
    let caption = match block {
        Block::Table(table) => table.caption.as_deref().map_or(0, |c| match_ranges(c, terms).len()),
        _ => 0,
    };
    let (texts, links) = (block.linked_texts(), block.links());
    let placed = Link::ranges_in(texts, links);
    let mut n = caption;
    for (k, text) in texts.iter().enumerate().take(t.saturating_add(1)) {
        for (_, parts) in linked_pieces(text, &Link::placed_in(&placed, k), links, terms) {
            n += mark_starts(&parts).filter(|p| k < t || p.0.start < at).count();
        }
    }
    n
}

/// A result card's excerpt ([`excerpt`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Excerpt {
    /// The passage, its matches marked.
    pub pieces: Vec<Piece>,
    /// Where its first match is in the article, when it is in the body: the block, and which of the marks the
    /// page draws in the block's element it is (from 0: [`marks_before`]) — the article's place
    /// [`match_place`](super::article::match_place).
    pub place: Option<(usize, usize)>,
}

/// The sections of `article` in which `terms` occur, in its order, at most `max`: each its heading's text, its
/// anchor (of `anchors`, the article's [`Article::heading_anchors`] — of the article as written, when `article`
/// is it converted) and how many matches it holds, its heading's words and its blocks' up to the next heading.
/// What a result card links to, so that a long article's matching part is one click away (as Pagefind's sub
/// results are).
pub fn matched_sections<'a>(
    article: &'a Article,
    anchors: &'a [(usize, String)],
    terms: &[String],
    max: usize,
) -> Vec<(&'a str, &'a str, usize)> {
    let mut out = Vec::new();
    if terms.is_empty() {
        return out;
    }
    for (k, (i, anchor)) in anchors.iter().enumerate() {
        let end = anchors.get(k + 1).map_or(article.body.len(), |(j, _)| *j);
        let Some(Block::Heading { text, .. }) = article.body.get(*i) else { continue };
        let blocks = article.body.get(*i..end).unwrap_or_default();
        let count: usize = blocks.iter().flat_map(Block::texts).map(|t| match_ranges(t, terms).len()).sum();
        if count > 0 {
            out.push((text.as_str(), anchor.as_str(), count));
            if out.len() == max {
                break;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_titles_core_is_without_the_punctuation_at_its_ends() {
        for (title, want) in [
            ("「李白」", "李白"),
            ("the state of the union.", "the state of the union"),
            ("“war and peace”…", "war and peace"),
            ("¿que pasa?", "que pasa"),
            ("【重要】通知。", "重要】通知"),
            ("〈桃花源記〉", "桃花源記"),
            ("時々", "時々"),
            ("〇〇七", "〇〇七"),
            ("c++", "c"),
            ("  ", ""),
        ] {
            assert_eq!(core(title), want, "{title}");
        }
    }

    #[test]
    fn word_characters_are_letters_and_digits_of_spaced_scripts() {
        for c in ['a', 'Z', '7', 'é', 'ß', 'ø', 'σ', 'ж', 'א', 'ب', 'क', 'ⰰ'] {
            assert!(word_char(c), "{c}");
        }
        for c in [' ', '-', '\'', '’', '—', '¿', '×', '÷', '€', '→', '企', '。', '，', 'あ', 'ก', 'ລ', 'က', 'ក', 'ཀ']
        {
            assert!(!word_char(c), "{c}");
        }
        // Thai is written without spaces between words: a match inside a run of it begins a word, as in CJK.
        assert!(begins_word("ราคานิกเกิล".as_bytes(), "ราคา".len(), true));
        assert!(begins_word(b"toward war", 7, true) && !begins_word(b"toward war", 3, true));
        assert!(begins_word("企業war".as_bytes(), 6, true) && begins_word(b"toward", 3, false));
        assert!(!begins_word("café".as_bytes(), 3, true) && !begins_word("жук".as_bytes(), 2, true));
        assert!(begins_word(b"war", 0, true) && begins_word("—war".as_bytes(), 3, true));
    }

    #[test]
    fn a_passage_starts_where_a_sentence_clause_or_word_does() {
        fn start<'a>(text: &'a str, at: &str) -> &'a str {
            let at = text.find(at).unwrap();
            &text[passage_start(text, at, 20)..at]
        }
        // The seed's first match of 企業 in its body: not from the 、 in 市、區 on.
        let seed = "19個相關縣(市、區)政法委、維穩辦和13家有色關閉破產企業社區管理機構主要負責人";
        assert_eq!(start(seed, "企業"), "維穩辦和13家有色關閉破產");
        // A sentence end in the stretch wins over a clause mark after it.
        assert_eq!(start("一二三四五甲乙丙丁戊己庚辛。壬癸，子丑寅卯辰巳午未企業", "企業"), "壬癸，子丑寅卯辰巳午未");
        // Close enough to the start: from the start, whatever is there.
        assert_eq!(start("、一二三企業", "企業"), "、一二三");
        // No mark: as many characters as asked for (CJK has no words to keep whole).
        assert_eq!(start(&format!("{}企業", "甲".repeat(30)), "企業"), "甲".repeat(20));
        // Latin: after a sentence end (not the dot of a number or of U.S.), else at a word's start.
        assert_eq!(start("They met in the U.S. capital on 3.5 million words of copper", "copper"), "million words of ");
        assert_eq!(start("The committee said. Then copper prices rose", "copper"), "Then ");
        assert_eq!(start("a longwordthatkeepsgoing and more copper", "copper"), "and more ");
        // Chinese text scraped with ASCII punctuation.
        assert_eq!(start("一二三四五六七八九十甲乙丙丁戊,己庚辛壬癸,子丑企業", "企業"), "子丑");
        assert_eq!(
            start("一二三四五六七八九十甲乙丙丁戊己庚辛壬癸 3,000噸企業", "企業"),
            "八九十甲乙丙丁戊己庚辛壬癸 3,000噸"
        );
        // A mark right before the match: the passage starts at the match.
        assert_eq!(start("甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉，企業", "企業"), "");
    }

    fn q(include: &[&str], exclude: &[&str]) -> Query {
        Query {
            include: include.iter().map(|s| s.to_string()).collect(),
            exclude: exclude.iter().map(|s| s.to_string()).collect(),
            whole: include.iter().fold(String::new(), |mut w, t| {
                push_term(&mut w, t);
                w
            }),
            joined: include.len() > 1,
        }
    }

    #[test]
    fn a_query_as_one_phrase() {
        for (input, whole) in [
            ("企業 社區", "企业社区"),
            ("state of the union", "state of the union"),
            ("\"中國 鋁業\" 價格 -舊", "中国 铝业价格"),
            ("李白 Li", "李白 li"),
            ("한국 경제", "한국 경제"),
            ("ニッケル 価格", "ニッケル価格"),
            ("ราคา ทองแดง", "ราคาทองแดง"),
            ("c++ rules", "c++ rules"),
            ("war war", "war war"),
        ] {
            let q = Query::parse(input);
            assert_eq!((q.whole.as_str(), q.joined), (whole, true), "{input}");
        }
        let one = Query::parse("nickel -copper");
        assert_eq!((one.whole.as_str(), one.joined), ("nickel", false));
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
            ("dup DUP", Query { whole: "dup dup".into(), joined: true, ..q(&["dup"], &[]) }),
            ("\"\" -\"\"", q(&[], &[])),
            ("ＡＢＣ", q(&["abc"], &[])),
            // The quotes and minus signs that Chinese (and other) keyboards type.
            ("“中國 鋁業” 價格", q(&["中国 铝业", "价格"], &[])),
            ("「中國 鋁業」 -『舊 聞』", q(&["中国 铝业"], &["旧 闻"])),
            ("＂full width＂ －spam", q(&["full width"], &["spam"])),
            ("−minus „Guten Tag“ « le monde »", q(&["guten tag", "le monde"], &["minus"])),
            ("“unclosed 中文", q(&["unclosed 中文"], &[])),
            ("「mismatched\" x」", q(&["mismatched\" x"], &[])),
            ("－ alone", q(&["alone"], &[])),
            ("a“b”", q(&["a“b”"], &[])),
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
    fn a_frequent_pair_has_a_bucket_of_its_own_that_answers_its_term() {
        // 企業 in 30 of 40 articles (as 企業 or 企业): frequent; 業社 in one of them: hashed.
        let arts: Vec<Article> = (0..40)
            .map(|i| {
                let (title, body) = match i % 4 {
                    0 => ("企業新聞", "社區"),
                    1 => ("新聞", "有色企业的消息"),
                    2 => ("其他", "企業"),
                    _ => ("别的", "没有"),
                };
                let title = if i == 1 { "企業社區" } else { title };
                let json = format!(r#"{{"id":"a{i}","title":"{title}","body":["{body}"]}}"#);
                serde_json::from_str(&json).unwrap()
            })
            .collect();
        let ix = SearchIndex::build(&arts);
        assert!(ix.frequent.len > 0);
        assert!(ix.term_rows("企业").1, "a frequent pair: exact");
        assert!(!ix.term_rows("業社").1 && !ix.term_rows("业社").1, "a rare pair: hashed");
        let hits = ix.search(&Query::parse("企業"), 0..arts.len());
        assert_eq!(hits.len(), 30);
        // Ranked by the title fields without reading the rest: in the title of 1 and every fourth article.
        let in_title: Vec<usize> = hits.iter().filter(|h| h.title_terms == 1).map(|h| h.index).collect();
        assert_eq!(in_title, (0..40).filter(|i| i % 4 == 0 || *i == 1).collect::<Vec<_>>());
        assert!(hits.iter().all(|h| h.word_terms == 1));
        let mut plain = IndexBuilder::new(&arts).with_frequent_pairs(0);
        plain.add(&arts, usize::MAX);
        let plain = plain.finish();
        assert_eq!(plain.frequent.len, 0);
        for q in ["企業", "业社", "企業 -社區", "聞 企业", "業的"] {
            let q = Query::parse(q);
            assert_eq!(ix.search(&q, 0..arts.len()), plain.search(&q, 0..arts.len()), "{q:?}");
        }
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
        let text = b.ix.text.capacity();
        assert!(!b.add(&arts, 2), "counting the characters is work too");
        assert!(b.add(&arts, 2));
        assert_eq!(b.ix.text.capacity(), text, "the folded text fit in what was reserved");
        let ix = b.finish();
        assert_eq!(ix.slices.capacity(), ix.slices.len(), "the slices are one allocation of the exact size");
        assert_eq!(ix.slices.len(), ix.rows, "one block for up to 64 articles");
        assert_eq!(ix, SearchIndex::build(&arts));
    }
}
