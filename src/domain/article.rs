//! The article model: what one record of an article set (schema v1) holds.
//!
//! Field-level rules that decide whether a record is valid at all (id, title, date, views) live in the
//! types themselves ([`ArticleId`], [`Title`], [`Published`], [`Views`]), so that a broken record fails while
//! being read, with the path of the field that broke. Rules that only drop one value and keep the record
//! (a `javascript:` link, an unusable `lang`) live in [`crate::domain::load`].

use serde::{de, Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::ops::Range;

/// The one schema version this viewer reads and the importer writes.
pub const SCHEMA_VERSION: u64 = 1;

/// The largest integer a browser's JavaScript can hold exactly (2^53 − 1): the ceiling for `views`.
pub const MAX_SAFE_INTEGER: u64 = (1 << 53) - 1;

/// A whole article-set file as it is written: the shape the importer emits and the schema describes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[cfg_attr(
    not(target_arch = "wasm32"),
    schemars(
        title = "Article set",
        description = "A collection of articles for article-viewer (schema version 1). Unknown fields are ignored."
    )
)]
pub struct ArticleSetFile {
    /// Schema version: always 1.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(range(min = 1, max = 1)))]
    pub version: u64,
    /// Optional collection title, shown above the list.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The articles, in the order the list shows them by default.
    pub articles: Vec<Article>,
}

impl ArticleSetFile {
    /// The file as the importer writes it: pretty JSON (2-space indent), text kept as UTF-8, newline at the end.
    pub fn to_json_pretty(&self) -> String {
        let mut json = serde_json::to_string_pretty(self).expect("an article set always serializes");
        json.push('\n');
        json
    }
}

/// One article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Article {
    /// Unique and stable: used in URLs (`#/article/<id>`).
    pub id: ArticleId,
    /// The headline.
    pub title: Title,
    /// Optional line above the title (引題).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kicker: Option<String>,
    /// Optional line below the title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subtitle: Option<String>,
    /// Optional publication time: RFC 3339 date-time with offset, or a plain YYYY-MM-DD date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<Published>,
    /// Optional view count, 0 ..= 2^53 − 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub views: Option<Views>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub authors: Vec<String>,
    /// The responsible editor (責任編輯).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub editor: Option<String>,
    /// Optional BCP 47 language tag, e.g. `zh-Hant`, `en`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    /// Optional summary; when absent the viewer uses the start of the first paragraph.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// The body, in reading order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub body: Vec<Block>,
    /// Optional canonical link to the original, http(s) only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(pattern(r"^[hH][tT][tT][pP][sS]?://")))]
    pub url: Option<String>,
    /// Optional copyright or reprint notice, shown apart from the body.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notice: Option<String>,
}

impl Article {
    /// The text a list card shows under the title: the summary, else the start of the first paragraph,
    /// cut at `max_chars` characters (with an ellipsis when cut).
    pub fn excerpt(&self, max_chars: usize) -> String {
        let text = self.summary.as_deref().or_else(|| {
            self.body.iter().find_map(|b| match b {
                Block::Paragraph { text, .. } => Some(text.as_str()),
                _ => None,
            })
        });
        let text = text.unwrap_or("").trim();
        match text.char_indices().nth(max_chars) {
            None => text.to_owned(),
            Some((cut, _)) => format!("{}…", text[..cut].trim_end()),
        }
    }

    /// The article's picture, for its card in the list: its first image (an imported page's own picture,
    /// og:image, leads its body: see the importer).
    pub fn picture(&self) -> Option<&Image> {
        self.body.iter().find_map(|b| match b {
            Block::Image(i) => Some(&**i),
            _ => None,
        })
    }

    /// Each heading's anchor, with its block's index: the heading's words (see [`anchor_slug`]), a second heading
    /// of the same words `-2`, a third `-3`… An address names a heading by it (`at=background`), which stays
    /// true when blocks are added before the heading or its text is shown converted (the anchor is the text as
    /// written). Headings in the body's order.
    pub fn heading_anchors(&self) -> Vec<(usize, String)> {
        heading_anchors(&self.body)
    }

    /// The minutes a reader takes to read the body, rounded up (at least 1): 255 Chinese characters a minute (357
    /// in an article in Japanese, whose kana read faster), 238 words a minute in scripts written with spaces — the
    /// mean rates measured for Chinese and Japanese (Trauzettel-Klosinski et al. 2012, IReST: read aloud, so a
    /// silent reader may be faster) and the mean silent rate for English non-fiction (Brysbaert 2019). Headings,
    /// quotes, lists and code count, image captions do not.
    pub fn reading_minutes(&self) -> u32 {
        use crate::domain::convert::is_han;
        use crate::domain::search::word_char;
        let (mut chars, mut words) = (0u64, 0u64);
        for text in self.body.iter().flat_map(Block::texts) {
            let mut in_word = false;
            for c in text.chars() {
                // Hangul is written with spaces between words; Thai, Lao, Tibetan, Myanmar and Khmer are not, but
                // with no measured rate for their characters a run of them counts as a word.
                let word = word_char(c)
                    || crate::domain::convert::is_hangul(c)
                    || crate::domain::search::unspaced_alphabet(c as u32);
                words += u64::from(word && !in_word);
                in_word = word;
                chars += u64::from(is_han(c) || crate::domain::convert::is_kana(c));
            }
        }
        // ⌈chars / rate + words / 238⌉, in integers.
        let japanese = self.lang.as_deref().is_some_and(|l| crate::domain::format::tag_is(l, "ja"));
        let rate = if japanese { 357 } else { 255 };
        let (num, den) = (chars * 238 + words * rate, rate * 238);
        num.div_ceil(den).max(1) as u32
    }

    /// The summary, for the article page to show under the title — unless it only repeats the opening of the
    /// body, as a feed's summary often does ("The first sentences of the post…", "… [...] The post … appeared first
    /// on …"): compared with the body's texts folded as search folds them (case, width, 繁/简), without white space
    /// (paragraphs may be joined in the summary with or without it), up to a "[…]" and without a trailing ellipsis.
    pub fn lede(&self) -> Option<&str> {
        use crate::domain::fold::fold_into;
        let summary = self.summary.as_deref()?.trim();
        // A feed's cut ends at "[…]", whatever follows ("The post … appeared first on …").
        let mut stem = ["[…]", "[...]"].iter().filter_map(|e| summary.find(e)).min().map_or(summary, |i| &summary[..i]);
        stem = stem.trim_end();
        while let Some(s) = ["…", "..."].iter().find_map(|e| stem.strip_suffix(e)) {
            stem = s.trim_end();
        }
        let mut folded = String::new();
        fold_into(stem, &mut folded);
        folded.retain(|c| c != ' ');
        if folded.is_empty() {
            return None;
        }
        let mut opening = String::new();
        for text in self.body.iter().flat_map(Block::texts) {
            fold_into(text, &mut opening);
            if opening.len() > 2 * folded.len() {
                break;
            }
        }
        opening.retain(|c| c != ' ');
        (!opening.starts_with(&folded)).then_some(summary)
    }
}

/// An article id: 1 to 128 characters from `A-Z a-z 0-9 . _ ~ -`, not `.` or `..`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ArticleId(String);

impl ArticleId {
    pub const MAX_LEN: usize = 128;

    /// Checks `s` against the id rule; the error says what is wrong.
    pub fn parse(s: &str) -> Result<Self, String> {
        if s.is_empty() {
            return Err("id is empty".into());
        }
        if s.len() > Self::MAX_LEN {
            return Err(format!("id is {} characters long; at most {} are allowed", s.len(), Self::MAX_LEN));
        }
        if let Some(c) = s.chars().find(|c| !Self::is_id_char(*c)) {
            return Err(format!("id contains {c:?}; only A-Z a-z 0-9 . _ ~ - are allowed"));
        }
        if s == "." || s == ".." {
            return Err(format!("id {s:?} is a path segment, not a name"));
        }
        Ok(Self(s.to_owned()))
    }

    pub fn is_id_char(c: char) -> bool {
        c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '~' | '-')
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ArticleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Serialize for ArticleId {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for ArticleId {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = std::borrow::Cow::<str>::deserialize(d)?;
        ArticleId::parse(&s).map_err(de::Error::custom)
    }
}

/// A title: text that is not empty or only white space.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Title(String);

impl Title {
    pub fn parse(s: &str) -> Result<Self, String> {
        if s.trim().is_empty() {
            Err("title is empty".into())
        } else {
            Ok(Self(s.to_owned()))
        }
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Title {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Serialize for Title {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Title {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = std::borrow::Cow::<str>::deserialize(d)?;
        Title::parse(&s).map_err(de::Error::custom)
    }
}

/// A view count in 0 ..= 2^53 − 1 (what JavaScript numbers hold exactly).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Views(u64);

impl Views {
    pub fn new(n: u64) -> Result<Self, String> {
        if n > MAX_SAFE_INTEGER {
            Err(format!("views {n} is beyond 2^53 − 1"))
        } else {
            Ok(Self(n))
        }
    }
    pub fn get(self) -> u64 {
        self.0
    }
}

impl<'de> Deserialize<'de> for Views {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl de::Visitor<'_> for V {
            type Value = Views;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a whole number from 0 to 2^53 − 1")
            }
            fn visit_u64<E: de::Error>(self, n: u64) -> Result<Views, E> {
                Views::new(n).map_err(E::custom)
            }
            fn visit_i64<E: de::Error>(self, n: i64) -> Result<Views, E> {
                if n < 0 {
                    Err(E::custom(format!("views {n} is negative")))
                } else {
                    self.visit_u64(n as u64)
                }
            }
            fn visit_f64<E: de::Error>(self, n: f64) -> Result<Views, E> {
                if n.fract() == 0.0 && (0.0..=MAX_SAFE_INTEGER as f64).contains(&n) {
                    Ok(Views(n as u64))
                } else {
                    Err(E::custom(format!("views {n} is not a whole number from 0 to 2^53 − 1")))
                }
            }
        }
        d.deserialize_any(V)
    }
}

/// When an article was published: a calendar date, or a date-time with its UTC offset.
///
/// Keeps the text it was read from, so that writing a set back out changes nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Published {
    raw: String,
    kind: PublishedKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PublishedKind {
    Date(time::Date),
    DateTime(time::OffsetDateTime),
}

impl Published {
    /// Parses an RFC 3339 date-time with offset (`2018-11-30T11:21:00+08:00`) or a plain `YYYY-MM-DD`.
    pub fn parse(s: &str) -> Result<Self, String> {
        let t = s.trim();
        let kind = if t.len() == 10 {
            calendar_date(t)
                .map(PublishedKind::Date)
                .map_err(|e| format!("published {s:?} is not a valid YYYY-MM-DD date ({e})"))?
        } else {
            time::OffsetDateTime::parse(t, &time::format_description::well_known::Rfc3339)
                .map(PublishedKind::DateTime)
                .map_err(|e| {
                    format!("published {s:?} is neither an RFC 3339 date-time with offset nor YYYY-MM-DD ({e})")
                })?
        };
        Ok(Self { raw: t.to_owned(), kind })
    }

    pub fn kind(&self) -> PublishedKind {
        self.kind
    }

    pub fn as_str(&self) -> &str {
        &self.raw
    }

    /// Seconds since 1970-01-01T00:00Z; a plain date counts as its midnight UTC. For sorting.
    pub fn unix_seconds(&self) -> i64 {
        match self.kind {
            PublishedKind::Date(d) => d.midnight().assume_utc().unix_timestamp(),
            PublishedKind::DateTime(dt) => dt.unix_timestamp(),
        }
    }

    /// The date and (when known) the wall-clock time where it was published, e.g. `2018-11-30 11:21`.
    pub fn display_local(&self) -> String {
        match self.kind {
            PublishedKind::Date(d) => {
                format!("{:04}-{:02}-{:02}", d.year(), d.month() as u8, d.day())
            }
            PublishedKind::DateTime(dt) => {
                format!("{:04}-{:02}-{:02} {:02}:{:02}", dt.year(), dt.month() as u8, dt.day(), dt.hour(), dt.minute())
            }
        }
    }
}

/// `YYYY-MM-DD` as a date (checked by `time`; read by hand, which costs the wasm far less than `time`'s parser
/// for format descriptions).
fn calendar_date(t: &str) -> Result<time::Date, String> {
    let b = t.as_bytes();
    let number = |at: std::ops::Range<usize>| {
        b.get(at)?.iter().try_fold(0u16, |n, &c| c.is_ascii_digit().then(|| n * 10 + u16::from(c - b'0')))
    };
    let (Some(year), Some(month), Some(day)) = (number(0..4), number(5..7), number(8..10)) else {
        return Err("not digits where they should be".to_owned());
    };
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return Err("not in the form YYYY-MM-DD".to_owned());
    }
    let month = time::Month::try_from(month as u8).map_err(|e| e.to_string())?;
    time::Date::from_calendar_date(i32::from(year), month, day as u8).map_err(|e| e.to_string())
}

impl Serialize for Published {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.raw)
    }
}

impl<'de> Deserialize<'de> for Published {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = std::borrow::Cow::<str>::deserialize(d)?;
        Published::parse(&s).map_err(de::Error::custom)
    }
}

/// One block of an article body.
///
/// In JSON a bare string is a paragraph; other blocks are objects with a `type`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A paragraph; `links`: words of it that link elsewhere (see [`Link`]).
    Paragraph {
        text: String,
        links: Vec<Link>,
    },
    /// A heading of a section (`level` 2, the default) or of a part of one (3 to 6); the article's title is the
    /// page's one level-1 heading. `links`: words of it that link elsewhere (see [`Link`]).
    Heading {
        text: String,
        level: u8,
        links: Vec<Link>,
    },
    Quote {
        text: String,
        links: Vec<Link>,
    },
    /// Boxed, as a table: a list's seven parts would make every block (most are paragraphs) more than twice the size.
    List(Box<List>),
    /// Preformatted text (program code, a table drawn in text): shown in a monospaced font with its spaces and line
    /// breaks as written, and never converted (not by the importer's clean-up, not by 繁/简); `language`, when
    /// given, names its programming language (`rust`), shown above it.
    Code {
        text: String,
        language: Option<String>,
    },
    /// Boxed, as an image.
    Table(Box<Table>),
    /// Boxed: an image's three texts would make every block (most are paragraphs) three times the size.
    Image(Box<Image>),
    /// A break between sections of the text (a thematic break: Markdown's `---`, HTML's `<hr>`), drawn as a
    /// short rule.
    Break,
    /// A block type this version does not know (forward compatibility): not shown, reported as a warning.
    Unknown {
        kind: String,
    },
}

/// A list of items, numbered (`ordered`, from `start`: 1 unless given) or bulleted; each item is one text;
/// `levels`: how deep each item is nested (0 for the list's own items, one more for the items of a list inside
/// the item before; empty when none is: see [`Block::nest`]); `sublists`: whether each list nested in it is
/// numbered, in the order they begin — one not named is as the list it is in (empty when every one is: see
/// [`Block::item_kinds`]); `links`: words of its items that link elsewhere, in order (see
/// [`Link::ranges_in`]); `anchors`: each item's anchor, the place a link `#anchor` of the article goes to
/// (`fn-1` for a footnote), empty for an item without one (none when no item has one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct List {
    pub ordered: bool,
    pub start: u32,
    pub items: Vec<String>,
    pub levels: Vec<u8>,
    pub sublists: Vec<bool>,
    pub links: Vec<Link>,
    pub anchors: Vec<String>,
}

/// A table: its cells row by row, every row as wide as the widest (shorter rows are filled with empty cells); the
/// first row a header row or not; an optional caption; `links`: words of its cells that link elsewhere, in order
/// through the cells row by row (see [`Link::ranges_in`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub columns: usize,
    pub header: bool,
    pub cells: Vec<String>,
    pub caption: Option<String>,
    pub links: Vec<Link>,
}

impl Table {
    /// The rows, each `columns` cells.
    pub fn rows(&self) -> std::slice::Chunks<'_, String> {
        self.cells.chunks(self.columns.max(1))
    }

    /// The rows as lists of cells (as the JSON has them).
    pub fn to_rows(&self) -> Vec<Vec<String>> {
        self.rows().map(<[String]>::to_vec).collect()
    }

    /// Whether each column holds numbers: one of its cells below the header at least is a number (see
    /// [`is_number`]) and the others are numbers too, or blank, or a dash or "n/a" for none. The viewer aligns such a
    /// column to the right, so that its digits line up.
    pub fn numeric_columns(&self) -> Vec<bool> {
        let columns = self.columns.max(1);
        // Each column's most telling cell so far: 0 none, 1 a number, 2 words.
        let mut seen = vec![0u8; columns];
        for (k, c) in self.cells.iter().enumerate().skip(if self.header { columns } else { 0 }) {
            let c = c.trim();
            let kind = match c {
                "" | "-" | "–" | "—" | "n/a" | "N/A" => 0,
                _ if is_number(c) => 1,
                _ => 2,
            };
            seen[k % columns] = seen[k % columns].max(kind);
        }
        seen.into_iter().map(|s| s == 1).collect()
    }
}

/// Each heading's anchor in `body`, with its block's index: see [`Article::heading_anchors`].
pub fn heading_anchors(body: &[Block]) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut taken = std::collections::HashSet::new();
    for (i, b) in body.iter().enumerate() {
        if let Block::Heading { text, .. } = b {
            let slug = anchor_slug(text);
            let mut anchor = slug.clone();
            let mut n = 1;
            while !taken.insert(anchor.clone()) {
                n += 1;
                anchor = format!("{slug}-{n}");
            }
            out.push((i, anchor));
        }
    }
    out
}

/// The places in `body` a link can go to (`#anchor`): its headings' anchors ([`heading_anchors`]) and its lists'
/// items' (their `anchors`).
pub fn anchors(body: &[Block]) -> Vec<String> {
    let mut out: Vec<String> = heading_anchors(body).into_iter().map(|(_, a)| a).collect();
    for b in body {
        if let Block::List(l) = b {
            out.extend(l.anchors.iter().filter(|a| !a.is_empty()).cloned());
        }
    }
    out
}

/// The anchors that `body`'s own links go to (`#anchor`), each once, in the order first linked to: the notes that
/// have a back link to where they are referred to (see [`back_place`]).
pub fn linked_anchors(body: &[Block]) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    for l in body.iter().flat_map(Block::links) {
        if let Some(a) = l.href.strip_prefix('#').filter(|a| !out.contains(a)) {
            out.push(a);
        }
    }
    out
}

/// What marks a back link's place: see [`back_place`].
const BACK: &str = "ref-";

/// The place a note's back link goes to, as an address's `at` names it: the first link in the article to the
/// note's `anchor` (`ref-` and the anchor, read back by [`back_target`]).
pub fn back_place(anchor: &str) -> String {
    format!("{BACK}{anchor}")
}

/// What marks a match's place: see [`match_place`].
const MATCH: &str = "match-";

/// The place of a search's match in an article, as an address's `at` names it: match `k` (from 0, in the order
/// the article marks them) of body block `block` (`match-3-0`, read back by [`match_target`]). Where a result
/// card's excerpt links to, so that the passage it shows is where the article opens.
pub fn match_place(block: usize, k: usize) -> String {
    format!("{MATCH}{block}-{k}")
}

/// The block and the match in it that the place `at` names, when it is a match's ([`match_place`]). (A heading
/// "Match 3 0" is its own place: the viewer looks for it first.)
pub fn match_target(at: &str) -> Option<(usize, usize)> {
    let (block, k) = at.strip_prefix(MATCH)?.split_once('-')?;
    let number = |n: &str| n.bytes().all(|b| b.is_ascii_digit()).then(|| n.parse().ok()).flatten();
    Some((number(block)?, number(k)?))
}

/// The anchor whose first link the place `at` is, when it is a back link's ([`back_place`]). (A place of the
/// article named `at` — a heading "Ref 1" — is that place, not this: the viewer looks for it first.)
pub fn back_target(at: &str) -> Option<&str> {
    at.strip_prefix(BACK).filter(|a| is_anchor(a))
}

/// A heading's words as an anchor: its words (letters, digits and `_`, of any script; ASCII letters in lower
/// case) joined by `-`, every other run of characters — spaces, punctuation, CJK punctuation — between them
/// (`Nickel output, 2024` → `nickel-output-2024`; `產量與價格：2024年` → `產量與價格-2024年`); `section` for a
/// heading without any. (Punctuation is told by its blocks, not by Unicode's tables, which would add ~15 KB to
/// the viewer's wasm; other scripts' letters keep their case.)
pub fn anchor_slug(text: &str) -> String {
    let mut out = String::new();
    for word in text.split(|c| !is_anchor_char(c)).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push('-');
        }
        out.extend(word.chars().map(|c| c.to_ascii_lowercase()));
    }
    if out.is_empty() {
        out.push_str("section");
    }
    out
}

/// Whether `c` is part of a word, for [`anchor_slug`]: an ASCII letter, digit or `_`, or any other character but
/// white space and the punctuation and symbol blocks (Latin-1's, general punctuation, supplemental punctuation,
/// CJK symbols and punctuation, the CJK compatibility and small forms, full-width punctuation).
fn is_anchor_char(c: char) -> bool {
    match c {
        '\0'..='\x7f' => c.is_ascii_alphanumeric() || c == '_',
        '\u{80}'..='\u{bf}' | '\u{d7}' | '\u{f7}' | '\u{1680}' | '\u{2000}'..='\u{206f}' | '\u{2e00}'..='\u{2e7f}' => {
            false
        }
        '\u{3000}'..='\u{303f}' | '\u{fe30}'..='\u{fe6f}' | '\u{feff}' => false,
        '\u{ff00}'..='\u{ff0f}' | '\u{ff1a}'..='\u{ff20}' | '\u{ff3b}'..='\u{ff40}' | '\u{ff5b}'..='\u{ff65}' => false,
        _ => true,
    }
}

/// Whether `at` can be an anchor: word characters ([`anchor_slug`]'s) and `-` (so that it is also a CSS
/// identifier's tail).
pub fn is_anchor(at: &str) -> bool {
    !at.is_empty() && at.chars().all(|c| is_anchor_char(c) || c == '-')
}

/// The anchor of the heading an address's `at` names, among an article's `anchors`
/// ([`Article::heading_anchors`]): the one that is `at`, else — an address written before anchors were words —
/// `h-3` names block 3's heading.
pub fn find_anchor<'a>(anchors: &'a [(usize, String)], at: &str) -> Option<&'a str> {
    let named = anchors.iter().find(|(_, a)| a == at);
    let by_block = || {
        let n: usize = at.strip_prefix("h-").filter(|n| n.bytes().all(|b| b.is_ascii_digit()))?.parse().ok()?;
        anchors.iter().find(|(i, _)| *i == n)
    };
    named.or_else(by_block).map(|(_, a)| a.as_str())
}

/// Whether `cell` is a number as tables write them: digits (ASCII or full-width) with the separators between them (`,`
/// `.` `'`, a space), after a sign or a currency sign and before a `%` (`9,100`, `-3.5%`, `$1.2`, `１２３`).
pub fn is_number(cell: &str) -> bool {
    // Read in one pass: before the first digit (0) only signs, currency signs and spaces; then (1) digits and
    // separators, ending in a digit; after (2) only a percent or per-mille sign.
    let (mut part, mut ends_in_digit) = (0, false);
    for c in cell.trim().chars() {
        let digit = c.is_ascii_digit() || ('０'..='９').contains(&c);
        part = match (part, c) {
            (0 | 1, _) if digit => 1,
            (0, '+' | '-' | '−' | '±' | '$' | '€' | '£' | '¥' | '￥' | ' ') => 0,
            (1, ',' | '.' | '\'' | ' ' | '\u{a0}' | '\u{202f}' | '，') => 1,
            (1, '%' | '‰' | '％') if ends_in_digit => 2,
            _ => return false,
        };
        ends_in_digit = digit;
    }
    part == 2 || (part == 1 && ends_in_digit)
}

/// An image block: address, alternative text, optional caption.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Image {
    pub src: String,
    pub alt: String,
    pub caption: Option<String>,
    /// The links and styled words of its caption (see [`Link`]).
    pub links: Vec<Link>,
}

/// A link in a paragraph, a heading, a quote, a list, a table or an image's caption: the words that link (`text`, as they occur in the block's
/// text — within one of a list's items or a table's cells — after the words of the link before it) and where to
/// (`href`, an http or https address). In JSON a pair: `["the report", "https://example.org/report"]`.
///
/// Without an address (`href` empty) it is instead words set in a [`Style`] (bold, italic, code, struck through):
/// the block's `styles` in JSON, `["not", "strong"]`. Links and styled words are placed each among their own kind
/// (a link's words may be styled, styled words may hold a link).
///
/// `before`, usually empty, is the text right before the words, where the same words come earlier (`in` after
/// "thing", a second "the report"): they are placed where that text ends. The importer writes it where it is
/// needed; in JSON a third string, `["in", "code", "side of "]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub text: String,
    pub href: String,
    pub style: Style,
    pub before: String,
}

/// How words are set off from the text around them: any of bold (`strong`), italic (`em`), as code (`code`), struck
/// through (`del`), raised (`sup`: 10⁶, m², a note's number) and lowered (`sub`: CO₂). In JSON their names,
/// space-separated: `"strong em"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub struct Style(pub u8);

impl Style {
    pub const STRONG: Style = Style(1);
    pub const EM: Style = Style(2);
    pub const CODE: Style = Style(4);
    pub const DEL: Style = Style(8);
    pub const SUP: Style = Style(16);
    pub const SUB: Style = Style(32);
    /// Each style, by its name (also its HTML element's).
    pub const NAMES: [(&'static str, Style); 6] = [
        ("strong", Style::STRONG),
        ("em", Style::EM),
        ("code", Style::CODE),
        ("del", Style::DEL),
        ("sup", Style::SUP),
        ("sub", Style::SUB),
    ];

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// Both styles' words set off.
    pub fn with(self, other: Style) -> Style {
        Style(self.0 | other.0)
    }

    pub fn has(self, other: Style) -> bool {
        self.0 & other.0 == other.0 && !other.is_empty()
    }

    /// Its styles' names, in the order of [`Style::NAMES`].
    pub fn names(self) -> impl Iterator<Item = &'static str> {
        Style::NAMES.into_iter().filter(move |(_, s)| self.has(*s)).map(|(n, _)| n)
    }

    /// The style named by `words` (space-separated names), or the first word that names none.
    pub fn parse(words: &str) -> Result<Style, String> {
        let mut style = Style::default();
        for w in words.split_whitespace() {
            match Style::NAMES.iter().find(|(n, _)| *n == w) {
                Some((_, s)) => style = style.with(*s),
                None => return Err(w.to_owned()),
            }
        }
        Ok(style)
    }
}

impl Link {
    pub fn new(text: impl Into<String>, href: impl Into<String>) -> Link {
        Link { text: text.into(), href: href.into(), style: Style::default(), before: String::new() }
    }

    /// Words set in `style` (not a link).
    pub fn styled(text: impl Into<String>, style: Style) -> Link {
        Link { text: text.into(), href: String::new(), style, before: String::new() }
    }

    /// The same, placed after `before` (see [`Link`]).
    pub fn after(self, before: impl Into<String>) -> Link {
        Link { before: before.into(), ..self }
    }

    /// A link (with an address), not styled words.
    pub fn is_link(&self) -> bool {
        !self.href.is_empty()
    }

    /// Where each of `links` is in `text`, in order: its byte range and its index in `links`. Each is looked for
    /// after the one before it; one not found there (an empty one, or words that converting 繁/简 wrote otherwise
    /// in the link than in the block) is left out, the text shown unlinked.
    pub fn ranges(text: &str, links: &[Link]) -> Vec<(Range<usize>, usize)> {
        Link::ranges_in(std::slice::from_ref(&text), links).into_iter().map(|(_, r, i)| (r, i)).collect()
    }

    /// Of links placed by [`Link::ranges_in`], those in text `t`: (byte range, index in the links).
    pub fn placed_in(placed: &[(usize, Range<usize>, usize)], t: usize) -> Vec<(Range<usize>, usize)> {
        placed.iter().filter(|(k, ..)| *k == t).map(|(_, r, i)| (r.clone(), *i)).collect()
    }

    /// Where each of `links` is in `texts` (a list's items, in order), as [`Link::ranges`] places them in one
    /// text: (which text, its byte range there, its index in `links`). A link's words are within one text.
    /// Links and styled words are placed each among their own kind: the result is in text order, by start.
    pub fn ranges_in(texts: &[impl AsRef<str>], links: &[Link]) -> Vec<(usize, Range<usize>, usize)> {
        let linked = Link::place(texts, links, true);
        if links.iter().all(Link::is_link) {
            return linked;
        }
        // The two kinds merged, each in order already (not sorted: no other sort is linked into the app for it).
        let mut styled = Link::place(texts, links, false).into_iter().peekable();
        let mut out = Vec::new();
        for l in linked {
            while let Some(s) = styled.next_if(|s| (s.0, s.1.start) < (l.0, l.1.start)) {
                out.push(s);
            }
            out.push(l);
        }
        out.extend(styled);
        out
    }

    /// [`Link::ranges_in`] for the links (`links_kind`), or for the styled words.
    fn place(texts: &[impl AsRef<str>], links: &[Link], links_kind: bool) -> Vec<(usize, Range<usize>, usize)> {
        let (mut t, mut from) = (0, 0);
        let mut out = Vec::new();
        for (i, l) in links.iter().enumerate() {
            if l.text.is_empty() || l.is_link() != links_kind {
                continue;
            }
            // Where the words come after `before` (white space between them aside); where they come at all when
            // they never do (the text before them converted otherwise, or changed).
            let found = [&l.before[..], ""].into_iter().find_map(|before| {
                (t..texts.len()).find_map(|k| {
                    Link::find_after(texts[k].as_ref(), if k == t { from } else { 0 }, &l.text, before).map(|p| (k, p))
                })
            });
            if let Some((k, p)) = found {
                out.push((k, p..p + l.text.len(), i));
                (t, from) = (k, p + l.text.len());
            }
        }
        out
    }

    /// Where `words` first come in `text` from byte `from` on right after `before` (white space between them
    /// aside; anywhere when `before` is empty): how the viewer places a link or styled words in one text (and the
    /// importer checks where it would).
    pub fn find_after(text: &str, from: usize, words: &str, before: &str) -> Option<usize> {
        let before = before.trim_end();
        let mut hits = text.get(from..)?.match_indices(words).map(|(p, _)| from + p);
        hits.find(|&p| text[..p].trim_end().ends_with(before))
    }

    /// Keeps of `links` those the viewer shows: an http or https address (or a style), and words found in `texts`
    /// (a paragraph's one, a list's items; after the link before), the links first, then the styled words.
    /// `dropped` hears of each other one: its index as given, and whether its address was why.
    pub fn keep_shown(texts: &[String], links: &mut Vec<Link>, mut dropped: impl FnMut(usize, &Link, bool)) {
        let (mut given, mut safe) = (Vec::new(), Vec::new());
        for (j, l) in std::mem::take(links).into_iter().enumerate() {
            let here = l.href.strip_prefix('#').is_some_and(is_anchor);
            if super::load::is_safe_url(&l.href, false) || here || (l.href.is_empty() && !l.style.is_empty()) {
                given.push(j);
                safe.push(l);
            } else {
                dropped(j, &l, true);
            }
        }
        // (Marked one by one: a paragraph may hold thousands.)
        let mut found = vec![false; safe.len()];
        for (_, _, k) in Link::ranges_in(texts, &safe) {
            found[k] = true;
        }
        let mut styled = Vec::new();
        for (k, l) in safe.into_iter().enumerate() {
            match (found[k], l.is_link()) {
                (true, true) => links.push(l),
                (true, false) => styled.push(l),
                (false, _) => dropped(given[k], &l, false),
            }
        }
        // The links, then the styled words (as they are read and written out).
        links.append(&mut styled);
    }
}

/// A link as `[text, address]`; styled words as `[text, style]`; either with the text before it third, if any.
impl Serialize for Link {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let second = match self.is_link() {
            true => self.href.clone(),
            false => self.style.names().collect::<Vec<_>>().join(" "),
        };
        match self.before.is_empty() {
            true => (&self.text, second).serialize(s),
            false => (&self.text, second, &self.before).serialize(s),
        }
    }
}

/// A block's links and styled words as written out: `links` and `styles`.
fn split_links(all: &[Link]) -> (Vec<Link>, Vec<Link>) {
    all.iter().cloned().partition(Link::is_link)
}

impl Block {
    /// A paragraph without links.
    pub fn paragraph(text: impl Into<String>) -> Block {
        Block::Paragraph { text: text.into(), links: Vec::new() }
    }

    /// A heading without links.
    pub fn heading(text: impl Into<String>, level: u8) -> Block {
        Block::Heading { text: text.into(), level, links: Vec::new() }
    }

    /// A quote without links.
    pub fn quote(text: impl Into<String>) -> Block {
        Block::Quote { text: text.into(), links: Vec::new() }
    }

    /// A list without links or nesting, numbered from 1 or bulleted.
    pub fn list(ordered: bool, items: Vec<String>) -> Block {
        let (levels, sublists, links, anchors) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        Block::List(Box::new(List { ordered, start: 1, items, levels, sublists, links, anchors }))
    }

    /// A list whose items are nested by `levels`, made usable as [`Block::nest`] makes them (what the importers
    /// read; a problem is theirs to avoid, not a reader's to hear of); `kinds`: whether each item was in a
    /// numbered list (empty: each as the list is), from which its nested lists' kinds are taken.
    pub fn nested_list(
        kind: (bool, u32),
        items: Vec<String>,
        levels: Vec<u8>,
        kinds: &[bool],
        links: Vec<Link>,
    ) -> Block {
        let levels = Block::nest(levels, items.len()).0;
        let (ordered, start) = kind;
        let sublists = Block::sublists_of(ordered, &levels, kinds);
        Block::List(Box::new(List { ordered, start, items, levels, sublists, links, anchors: Vec::new() }))
    }

    /// The items at which a list nested in the list begins (one level deeper than the item before), in order.
    pub fn list_starts(levels: &[u8]) -> impl Iterator<Item = usize> + '_ {
        (1..levels.len()).filter(|&k| levels[k] > levels[k - 1])
    }

    /// Whether each of a list's `count` items is in a numbered list: the top list's `ordered`, a nested list's
    /// from `sublists` (one per nested list, in the order they begin), else as the list it is in.
    pub fn item_kinds(ordered: bool, levels: &[u8], sublists: &[bool], count: usize) -> Vec<bool> {
        let mut at_level = [ordered; Block::MAX_LEVEL as usize + 1];
        let mut named = sublists.iter();
        let level = |k: usize| usize::from(levels.get(k).copied().unwrap_or(0).min(Block::MAX_LEVEL));
        (0..count)
            .map(|k| {
                let l = level(k);
                if k > 0 && l > level(k - 1) {
                    at_level[l] = named.next().copied().unwrap_or(at_level[l - 1]);
                }
                at_level[l]
            })
            .collect()
    }

    /// A list's `sublists` as `kinds` (whether each item is in a numbered list) make them for its `levels`: the
    /// kind of each nested list's first item (as [`Block::fit_sublists`] keeps them).
    pub fn sublists_of(ordered: bool, levels: &[u8], kinds: &[bool]) -> Vec<bool> {
        let sublists = Block::list_starts(levels).map(|k| kinds.get(k).copied().unwrap_or(ordered)).collect();
        Block::fit_sublists(ordered, levels, sublists).0
    }

    /// A list's `sublists` made usable for its (usable) `levels`: at most one per nested list (and what was wrong:
    /// more than that), none when every nested list is as the list it is in anyway.
    pub fn fit_sublists(ordered: bool, levels: &[u8], mut sublists: Vec<bool>) -> (Vec<bool>, Option<String>) {
        let nested = Block::list_starts(levels).count();
        let mut problem = None;
        if sublists.len() > nested {
            problem = Some(format!("{} kinds for {nested} nested lists; the rest ignored", sublists.len()));
            sublists.truncate(nested);
        }
        let n = levels.len();
        if Block::item_kinds(ordered, levels, &sublists, n) == Block::item_kinds(ordered, levels, &[], n) {
            sublists.clear();
        }
        (sublists, problem)
    }

    /// A list's `levels` made usable for `items` items, and what was wrong with them: none when every item is
    /// at the top (also when `levels` is empty); else one per item, the first 0, each at most one deeper than
    /// the one before and at most [`Block::MAX_LEVEL`] (a level out of these bounds is brought into them; a
    /// count that is not the items' leaves the list flat).
    pub fn nest(levels: Vec<u8>, items: usize) -> (Vec<u8>, Option<String>) {
        if levels.is_empty() {
            return (levels, None);
        }
        if levels.len() != items {
            return (Vec::new(), Some(format!("{} levels for {items} items; shown unnested", levels.len())));
        }
        let mut out = Vec::with_capacity(items);
        let mut problem = None;
        for (i, &l) in levels.iter().enumerate() {
            let most = out.last().map_or(0, |&p: &u8| p + 1).min(Block::MAX_LEVEL);
            if l > most && problem.is_none() {
                problem = Some(format!("levels[{i}] is {l}, deeper than {most}; shown at {most}"));
            }
            out.push(l.min(most));
        }
        if out.iter().all(|&l| l == 0) {
            out.clear();
        }
        (out, problem)
    }

    /// How deep a list may nest (levels 0 to this).
    pub const MAX_LEVEL: u8 = 7;

    /// The links of a paragraph, a heading, a quote, a list, a table or an image's caption; none for other blocks.
    pub fn links(&self) -> &[Link] {
        match self {
            Block::Paragraph { links, .. } | Block::Heading { links, .. } | Block::Quote { links, .. } => links,
            Block::List(l) => &l.links,
            Block::Table(t) => &t.links,
            Block::Image(i) => &i.links,
            _ => &[],
        }
    }

    /// The texts the block's links are placed in: [`Block::texts`], or an image's caption.
    pub fn linked_texts(&self) -> &[String] {
        match self {
            Block::Image(i) => i.caption.as_slice(),
            _ => self.texts(),
        }
    }

    /// The texts of a paragraph, a heading, a quote, a list, a table or an image's caption (as
    /// [`Block::linked_texts`]) and its links, to change them (see [`Link::keep_shown`]); none for other blocks.
    pub fn linked_texts_mut(&mut self) -> Option<(&[String], &mut Vec<Link>)> {
        match self {
            Block::Paragraph { text, links } | Block::Heading { text, links, .. } | Block::Quote { text, links } => {
                Some((std::slice::from_ref(text), links))
            }
            Block::List(l) => {
                let l = &mut **l;
                Some((&l.items, &mut l.links))
            }
            Block::Table(t) => Some((&t.cells, &mut t.links)),
            Block::Image(i) => {
                let i = &mut **i;
                Some((i.caption.as_slice(), &mut i.links))
            }
            _ => None,
        }
    }

    /// The links of a paragraph, a heading, a quote, a list, a table or an image's caption, to change them; none for
    /// other blocks.
    pub fn links_mut(&mut self) -> Option<&mut Vec<Link>> {
        self.linked_texts_mut().map(|(_, links)| links)
    }

    /// The block with `links` (a paragraph, a heading, a quote, a list, a table or an image; other blocks have none:
    /// as they are).
    pub fn with_links(mut self, links: Vec<Link>) -> Block {
        if let Some(l) = self.links_mut() {
            *l = links;
        }
        self
    }

    /// The texts of the block a reader reads, in order: a paragraph's, heading's, quote's or code block's text, a
    /// list's items, a table's cells (not a table's or an image's caption, nor an image's alt text).
    pub fn texts(&self) -> &[String] {
        match self {
            Block::Paragraph { text, .. }
            | Block::Heading { text, .. }
            | Block::Quote { text, .. }
            | Block::Code { text, .. } => std::slice::from_ref(text),
            Block::List(l) => &l.items,
            Block::Table(t) => &t.cells,
            Block::Image(_) | Block::Break | Block::Unknown { .. } => &[],
        }
    }

    /// Whether `rows` make a table without filling it out of all proportion: filled to the widest, it holds at
    /// most ten times the cells given, plus 1,000 (one row of 100,000 cells and 100,000 rows of one would be 10^10).
    pub fn table_fits(rows: &[Vec<String>]) -> bool {
        let given: usize = rows.iter().map(Vec::len).sum();
        let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
        columns.saturating_mul(rows.len()) <= given.saturating_mul(10).saturating_add(1_000)
    }

    /// A table block of `rows` (filled to the widest; see [`Block::table_fits`]), its blank rows (but a header
    /// row) left out — as the viewer reads one and as the importers make one.
    pub fn table(rows: Vec<Vec<String>>, header: bool, caption: Option<String>) -> Block {
        let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
        let mut cells = Vec::with_capacity(columns * rows.len());
        for (r, mut row) in rows.into_iter().enumerate() {
            if (r == 0 && header) || row.iter().any(|c| !c.trim().is_empty()) {
                row.resize(columns, String::new());
                cells.append(&mut row);
            }
        }
        Block::Table(Box::new(Table { columns, header, cells, caption, links: Vec::new() }))
    }

    /// An image block.
    pub fn image(src: impl Into<String>, alt: impl Into<String>, caption: Option<String>) -> Block {
        Block::Image(Box::new(Image { src: src.into(), alt: alt.into(), caption, links: Vec::new() }))
    }
}

/// A block other than a bare paragraph, as written out (read by hand: see `Block`'s `Deserialize`).
#[derive(Serialize)]
#[serde(tag = "type", rename_all = "lowercase")]
enum TypedBlock {
    /// (Only with links: a paragraph without is a bare string.)
    Paragraph {
        text: String,
        #[serde(skip_serializing_if = "Vec::is_empty")]
        links: Vec<Link>,
        #[serde(skip_serializing_if = "Vec::is_empty")]
        styles: Vec<Link>,
    },
    Heading {
        text: String,
        #[serde(skip_serializing_if = "is_two")]
        level: u8,
        #[serde(skip_serializing_if = "Vec::is_empty")]
        links: Vec<Link>,
        #[serde(skip_serializing_if = "Vec::is_empty")]
        styles: Vec<Link>,
    },
    Quote {
        text: String,
        #[serde(skip_serializing_if = "Vec::is_empty")]
        links: Vec<Link>,
        #[serde(skip_serializing_if = "Vec::is_empty")]
        styles: Vec<Link>,
    },
    List {
        #[serde(skip_serializing_if = "std::ops::Not::not")]
        ordered: bool,
        #[serde(skip_serializing_if = "is_one")]
        start: u32,
        items: Vec<String>,
        #[serde(skip_serializing_if = "Vec::is_empty")]
        levels: Vec<u8>,
        #[serde(skip_serializing_if = "Vec::is_empty")]
        sublists: Vec<ListKind>,
        #[serde(skip_serializing_if = "Vec::is_empty")]
        links: Vec<Link>,
        #[serde(skip_serializing_if = "Vec::is_empty")]
        styles: Vec<Link>,
        #[serde(skip_serializing_if = "Vec::is_empty")]
        anchors: Vec<String>,
    },
    Code {
        text: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        language: Option<String>,
    },
    Table {
        #[serde(skip_serializing_if = "std::ops::Not::not")]
        header: bool,
        rows: Vec<Vec<String>>,
        #[serde(skip_serializing_if = "Option::is_none")]
        caption: Option<String>,
        #[serde(skip_serializing_if = "Vec::is_empty")]
        links: Vec<Link>,
        #[serde(skip_serializing_if = "Vec::is_empty")]
        styles: Vec<Link>,
    },
    Image {
        src: String,
        #[serde(default)]
        alt: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        caption: Option<String>,
        #[serde(skip_serializing_if = "Vec::is_empty")]
        links: Vec<Link>,
        #[serde(skip_serializing_if = "Vec::is_empty")]
        styles: Vec<Link>,
    },
}

impl Serialize for Block {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (links, styles) = split_links(self.links());
        let typed = match self {
            Block::Paragraph { text, .. } if links.is_empty() && styles.is_empty() => return s.serialize_str(text),
            Block::Paragraph { text, .. } => TypedBlock::Paragraph { text: text.clone(), links, styles },
            Block::Heading { text, level, .. } => {
                TypedBlock::Heading { text: text.clone(), level: *level, links, styles }
            }
            Block::Quote { text, .. } => TypedBlock::Quote { text: text.clone(), links, styles },
            Block::List(l) => TypedBlock::List {
                ordered: l.ordered,
                start: l.start,
                items: l.items.clone(),
                levels: l.levels.clone(),
                sublists: l.sublists.iter().map(|&o| ListKind(o)).collect(),
                links,
                styles,
                anchors: l.anchors.clone(),
            },
            Block::Code { text, language } => TypedBlock::Code { text: text.clone(), language: language.clone() },
            Block::Table(t) => {
                TypedBlock::Table { header: t.header, rows: t.to_rows(), caption: t.caption.clone(), links, styles }
            }
            Block::Image(i) => {
                TypedBlock::Image { src: i.src.clone(), alt: i.alt.clone(), caption: i.caption.clone(), links, styles }
            }
            Block::Break | Block::Unknown { .. } => {
                use serde::ser::SerializeMap;
                let mut m = s.serialize_map(Some(1))?;
                m.serialize_entry("type", if let Block::Unknown { kind } = self { kind.as_str() } else { "break" })?;
                return m.end();
            }
        };
        typed.serialize(s)
    }
}

impl<'de> Deserialize<'de> for Block {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> de::Visitor<'de> for V {
            type Value = Block;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string (a paragraph) or an object with a \"type\"")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Block, E> {
                Ok(Block::paragraph(s))
            }
            fn visit_string<E: de::Error>(self, s: String) -> Result<Block, E> {
                Ok(Block::paragraph(s))
            }
            fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<Block, A::Error> {
                // Read in one pass, each field's value kept loosely (a string, or what else it was), so that an
                // unknown `type` can be told from a broken known one whatever order the fields come in.
                let mut f = LooseBlock::default();
                while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
                    let slot = match &*key {
                        "type" => &mut f.kind,
                        "text" => &mut f.text,
                        "src" => &mut f.src,
                        "alt" => &mut f.alt,
                        "caption" => &mut f.caption,
                        "ordered" => &mut f.ordered,
                        "items" => &mut f.items,
                        "header" => &mut f.header,
                        "rows" => &mut f.rows,
                        "level" => &mut f.level,
                        "language" => &mut f.language,
                        "links" => &mut f.links,
                        "styles" => &mut f.styles,
                        "levels" => &mut f.levels,
                        "start" => &mut f.start,
                        "sublists" => &mut f.sublists,
                        "anchors" => &mut f.anchors,
                        _ => {
                            map.next_value::<de::IgnoredAny>()?;
                            continue;
                        }
                    };
                    *slot = Some(map.next_value::<Loose>()?);
                }
                f.block().map_err(de::Error::custom)
            }
        }
        d.deserialize_any(V)
    }
}

/// A block's fields as read, before its type is known.
#[derive(Default)]
struct LooseBlock {
    kind: Option<Loose>,
    text: Option<Loose>,
    src: Option<Loose>,
    alt: Option<Loose>,
    caption: Option<Loose>,
    ordered: Option<Loose>,
    items: Option<Loose>,
    header: Option<Loose>,
    rows: Option<Loose>,
    level: Option<Loose>,
    language: Option<Loose>,
    links: Option<Loose>,
    styles: Option<Loose>,
    levels: Option<Loose>,
    start: Option<Loose>,
    sublists: Option<Loose>,
    anchors: Option<Loose>,
}

fn is_two(level: &u8) -> bool {
    *level == 2
}

fn is_one(start: &u32) -> bool {
    *start == 1
}

/// A nested list's kind as written: `"ordered"` (numbered) or `"unordered"` (bulleted).
struct ListKind(bool);

impl ListKind {
    const NAMES: [&'static str; 2] = ["unordered", "ordered"];
}

impl Serialize for ListKind {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(ListKind::NAMES[usize::from(self.0)])
    }
}

/// A list's first number: a whole number from 0 (1 when not given, or `null`).
#[inline(never)]
fn start(v: Option<Loose>) -> Result<u32, String> {
    match v {
        None | Some(Loose::Other("null")) => Ok(1),
        Some(Loose::Num(n)) if n.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&n) => Ok(n as u32),
        Some(Loose::Num(n)) => Err(format!("start: {n} is not a whole number from 0")),
        Some(other) => Err(invalid("start", "", other.kind(), "a whole number from 0")),
    }
}

/// Whether each nested list is numbered: `"ordered"` or `"unordered"`, in the order they begin (none when not
/// given, or `null`).
#[inline(never)]
fn sublists(v: Option<Loose>) -> Result<Vec<bool>, String> {
    const WANT: &str = "\"ordered\" or \"unordered\"";
    let names = match v {
        None | Some(Loose::Other("null")) => return Ok(Vec::new()),
        v => strings(v, "sublists")?,
    };
    let mut kinds = Vec::with_capacity(names.len());
    for (i, name) in names.iter().enumerate() {
        match ListKind::NAMES.iter().position(|n| n == name) {
            Some(k) => kinds.push(k == 1),
            None => return Err(format!("sublists[{i}]: \"{name}\" is not {WANT}")),
        }
    }
    Ok(kinds)
}

/// A heading's level: 2 to 6, 2 when not given (or `null`); 1 is read as 2 (the article's title is the page's
/// level-1 heading).
fn level(v: Option<Loose>) -> Result<u8, String> {
    match v {
        None | Some(Loose::Other("null")) => Ok(2),
        Some(Loose::Num(n)) if n.fract() == 0.0 && (1.0..=6.0).contains(&n) => Ok((n as u8).max(2)),
        Some(Loose::Num(n)) => Err(format!("level {n} is not a whole number from 1 to 6")),
        Some(other) => Err(invalid("level", "", other.kind(), "a whole number from 1 to 6")),
    }
}

impl LooseBlock {
    /// The block its fields make, or why they make none. (Not generic over the deserializer: one copy.)
    fn block(self) -> Result<Block, String> {
        let kind = match self.kind {
            Some(Loose::Str(k)) => k,
            Some(other) => return Err(format!("block type must be a string, found {}", other.kind())),
            None => return Err(missing("type")),
        };
        let required = |v: Option<Loose>, name: &str| string(v, name)?.ok_or_else(|| missing(name));
        Ok(match kind.as_str() {
            "paragraph" => {
                Block::Paragraph { text: required(self.text, "text")?, links: links(self.links, self.styles)? }
            }
            "heading" => Block::Heading {
                text: required(self.text, "text")?,
                level: level(self.level)?,
                links: links(self.links, self.styles)?,
            },
            "quote" => Block::Quote { text: required(self.text, "text")?, links: links(self.links, self.styles)? },
            "code" => {
                Block::Code { text: required(self.text, "text")?, language: optional(self.language, "language")? }
            }
            "list" => Block::List(Box::new(List {
                ordered: flag(self.ordered, "ordered")?,
                start: start(self.start)?,
                items: strings(self.items, "items")?,
                levels: levels(self.levels)?,
                sublists: sublists(self.sublists)?,
                links: links(self.links, self.styles)?,
                anchors: match self.anchors {
                    None | Some(Loose::Other("null")) => Vec::new(),
                    v => strings(v, "anchors")?,
                },
            })),
            "table" => {
                let rows = match self.rows {
                    None => return Err(missing("rows")),
                    Some(Loose::List(Ok(Listed::Rows(rows)))) => rows,
                    Some(Loose::List(Ok(other))) if other.is_empty() => Vec::new(),
                    Some(Loose::List(Ok(other))) => {
                        return Err(invalid("rows", "[0]", other.first_kind(), "a list of strings"))
                    }
                    Some(Loose::List(Err((at, found)))) => {
                        let want = if at.matches('[').count() == 1 { "a list of strings" } else { "a string" };
                        return Err(invalid("rows", &at, found, want));
                    }
                    Some(other) => return Err(invalid("rows", "", other.kind(), "a list of lists of strings")),
                };
                if !Block::table_fits(&rows) {
                    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
                    return Err(format!(
                        "rows: {} rows, the widest of {columns} cells, and only {} cells: rows this uneven would fill the table out of all proportion",
                        rows.len(),
                        rows.iter().map(Vec::len).sum::<usize>()
                    ));
                }
                Block::table(rows, flag(self.header, "header")?, optional(self.caption, "caption")?)
                    .with_links(links(self.links, self.styles)?)
            }
            "image" => Block::image(
                required(self.src, "src")?,
                string(self.alt, "alt")?.unwrap_or_default(),
                optional(self.caption, "caption")?,
            )
            .with_links(links(self.links, self.styles)?),
            "break" => Block::Break,
            _ => Block::Unknown { kind },
        })
    }
}

fn missing(name: &str) -> String {
    format!("missing field `{name}`")
}

fn invalid(name: &str, at: &str, found: &str, want: &str) -> String {
    format!("{name}{at}: invalid type: {found}, expected {want}")
}

/// A field that must be a string when present.
fn string(v: Option<Loose>, name: &str) -> Result<Option<String>, String> {
    match v {
        None => Ok(None),
        Some(Loose::Str(s)) => Ok(Some(s)),
        Some(other) => Err(invalid(name, "", other.kind(), "a string")),
    }
}

/// An optional string that may also be `null`.
fn optional(v: Option<Loose>, name: &str) -> Result<Option<String>, String> {
    match v {
        Some(Loose::Other("null")) => Ok(None),
        v => string(v, name),
    }
}

/// An optional true or false (`null`: false).
fn flag(v: Option<Loose>, name: &str) -> Result<bool, String> {
    match v {
        None | Some(Loose::Other("null")) => Ok(false),
        Some(Loose::Bool(b)) => Ok(b),
        Some(other) => Err(invalid(name, "", other.kind(), "true or false")),
    }
}

/// A paragraph's, a heading's, a quote's, a list's or a table's links (a list of `[text, address]` pairs) and then
/// its styled words (`styles`: a list of `[text, style]` pairs, the style's names space-separated); none when not
/// given (or `null`).
fn links(v: Option<Loose>, styles: Option<Loose>) -> Result<Vec<Link>, String> {
    let mut out = Vec::new();
    for (k, (field, given)) in [("links", v), ("styles", styles)].into_iter().enumerate() {
        for (i, [text, second, before]) in pairs(given, field, PAIRS[k])?.into_iter().enumerate() {
            let link = match (k, Style::parse(&second)) {
                (0, _) => Link::new(text, second),
                (_, Ok(s)) if !s.is_empty() => Link::styled(text, s),
                (_, Ok(_)) => return Err(format!("styles[{i}][1]: no style named, expected {STYLES}")),
                (_, Err(w)) => return Err(format!("styles[{i}][1]: {w:?} is not a style, expected {STYLES}")),
            };
            out.push(link.after(before));
        }
    }
    Ok(out)
}

/// What a link's and a styled word's pairs are, for an error message: (one, a list of them).
const PAIRS: [(&str, &str); 2] = [
    ("a pair [text, address] (and the text before it)", "a list of pairs [text, address]"),
    ("a pair [text, style] (and the text before it)", "a list of pairs [text, style]"),
];
const STYLES: &str = "strong, em, code, del, sup or sub";

/// A list of `[text, second]` pairs of strings, each with an optional third (the text before: empty when not
/// given); `want`: what one is and a list of them are called; none when not given (or `null`).
fn pairs(v: Option<Loose>, name: &str, want: (&str, &str)) -> Result<Vec<[String; 3]>, String> {
    let (pair, list) = want;
    let rows = match v {
        None | Some(Loose::Other("null")) => return Ok(Vec::new()),
        Some(Loose::List(Ok(Listed::Rows(rows)))) => rows,
        Some(Loose::List(Ok(other))) if other.is_empty() => return Ok(Vec::new()),
        Some(Loose::List(Ok(other))) => return Err(invalid(name, "[0]", other.first_kind(), pair)),
        Some(Loose::List(Err((at, found)))) => {
            return Err(invalid(name, &at, found, if at.matches('[').count() == 1 { pair } else { "a string" }))
        }
        Some(other) => return Err(invalid(name, "", other.kind(), list)),
    };
    let mut out = Vec::with_capacity(rows.len());
    for (i, mut row) in rows.into_iter().enumerate() {
        if row.len() == 2 {
            row.push(String::new());
        }
        out.push(
            <[String; 3]>::try_from(row)
                .map_err(|row| format!("{name}[{i}]: {} strings, expected {pair}", row.len()))?,
        );
    }
    Ok(out)
}

/// A list's levels: whole numbers from 0 to 255 (whether they fit its items is [`Block::nest`]'s to say);
/// none when not given (or `null`).
fn levels(v: Option<Loose>) -> Result<Vec<u8>, String> {
    const WANT: &str = "a whole number from 0 to 255";
    let nums = match v {
        None | Some(Loose::Other("null")) => return Ok(Vec::new()),
        Some(Loose::List(Ok(Listed::Nums(nums)))) => nums,
        Some(Loose::List(Ok(other))) if other.is_empty() => return Ok(Vec::new()),
        Some(Loose::List(Ok(other))) => return Err(invalid("levels", "[0]", other.first_kind(), WANT)),
        Some(Loose::List(Err((at, found)))) => return Err(invalid("levels", &at, found, WANT)),
        Some(other) => return Err(invalid("levels", "", other.kind(), "a list of whole numbers")),
    };
    nums.iter()
        .enumerate()
        .map(|(i, &n)| {
            if n.fract() == 0.0 && (0.0..=255.0).contains(&n) {
                Ok(n as u8)
            } else {
                Err(format!("levels[{i}]: {n} is not {WANT}"))
            }
        })
        .collect()
}

/// A required list of strings.
fn strings(v: Option<Loose>, name: &str) -> Result<Vec<String>, String> {
    match v {
        None => Err(missing(name)),
        Some(Loose::List(Ok(Listed::Strs(v)))) => Ok(v),
        Some(Loose::List(Ok(other))) => Err(invalid(name, "[0]", other.first_kind(), "a string")),
        Some(Loose::List(Err((at, found)))) => Err(invalid(name, &at, found, "a string")),
        Some(other) => Err(invalid(name, "", other.kind(), "a list of strings")),
    }
}

/// A block field's value as read before the block's type is known: a string, a boolean, a list of strings or of
/// lists of strings (or where, as `[i]` or `[i][j]`, and what its first other value is), or the kind of value it
/// was.
enum Loose {
    Str(String),
    Bool(bool),
    Num(f64),
    List(Result<Listed, (String, &'static str)>),
    Other(&'static str),
}

/// A list of strings (an empty list is one), of lists of strings, or of numbers.
enum Listed {
    Strs(Vec<String>),
    Rows(Vec<Vec<String>>),
    Nums(Vec<f64>),
}

impl Listed {
    fn is_empty(&self) -> bool {
        matches!(self, Listed::Strs(v) if v.is_empty())
    }

    /// What its first value is, for an error message.
    fn first_kind(&self) -> &'static str {
        match self {
            Listed::Strs(_) => "a string",
            Listed::Rows(_) => "a list",
            Listed::Nums(_) => "a number",
        }
    }
}

impl Loose {
    /// What kind of value it was, for an error message.
    fn kind(&self) -> &'static str {
        match self {
            Loose::Str(_) => "a string",
            Loose::Bool(_) => "a boolean",
            Loose::Num(_) => "a number",
            Loose::List(_) => "a list",
            Loose::Other(kind) => kind,
        }
    }
}

impl<'de> Deserialize<'de> for Loose {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> de::Visitor<'de> for V {
            type Value = Loose;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("any value")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Loose, E> {
                Ok(Loose::Str(s.to_owned()))
            }
            fn visit_string<E: de::Error>(self, s: String) -> Result<Loose, E> {
                Ok(Loose::Str(s))
            }
            fn visit_bool<E: de::Error>(self, b: bool) -> Result<Loose, E> {
                Ok(Loose::Bool(b))
            }
            fn visit_i64<E: de::Error>(self, n: i64) -> Result<Loose, E> {
                Ok(Loose::Num(n as f64))
            }
            fn visit_u64<E: de::Error>(self, n: u64) -> Result<Loose, E> {
                Ok(Loose::Num(n as f64))
            }
            fn visit_f64<E: de::Error>(self, n: f64) -> Result<Loose, E> {
                Ok(Loose::Num(n))
            }
            fn visit_unit<E: de::Error>(self) -> Result<Loose, E> {
                Ok(Loose::Other("null"))
            }
            fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Loose, A::Error> {
                let mut items = Ok(Listed::Strs(Vec::new()));
                let mut i = 0;
                while let Some(item) = seq.next_element::<Loose>()? {
                    items = match (items, item) {
                        (Ok(Listed::Strs(mut v)), Loose::Str(s)) => {
                            v.push(s);
                            Ok(Listed::Strs(v))
                        }
                        (Ok(Listed::Strs(v)), Loose::List(Ok(Listed::Strs(row)))) if i == 0 && v.is_empty() => {
                            Ok(Listed::Rows(vec![row]))
                        }
                        (Ok(Listed::Rows(mut rows)), Loose::List(Ok(Listed::Strs(row)))) => {
                            rows.push(row);
                            Ok(Listed::Rows(rows))
                        }
                        (Ok(Listed::Strs(v)), Loose::Num(n)) if i == 0 && v.is_empty() => Ok(Listed::Nums(vec![n])),
                        (Ok(Listed::Nums(mut v)), Loose::Num(n)) => {
                            v.push(n);
                            Ok(Listed::Nums(v))
                        }
                        (Ok(_), Loose::List(Err((at, found)))) => Err((format!("[{i}]{at}"), found)),
                        (Ok(_), other) => Err((format!("[{i}]"), other.kind())),
                        (err, _) => err,
                    };
                    i += 1;
                }
                Ok(Loose::List(items))
            }
            fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<Loose, A::Error> {
                while map.next_entry::<de::IgnoredAny, de::IgnoredAny>()?.is_some() {}
                Ok(Loose::Other("an object"))
            }
        }
        d.deserialize_any(V)
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod schema {
    //! JSON Schema for the types whose rules are written by hand above.
    use super::*;
    use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
    use std::borrow::Cow;

    impl JsonSchema for ArticleId {
        fn schema_name() -> Cow<'static, str> {
            "ArticleId".into()
        }
        fn json_schema(_: &mut SchemaGenerator) -> Schema {
            json_schema!({
                "description": "Unique, stable id used in URLs: 1 to 128 of A-Z a-z 0-9 . _ ~ -, not \".\" or \"..\".",
                "type": "string",
                "pattern": "^[A-Za-z0-9._~-]{1,128}$",
                "not": { "enum": [".", ".."] }
            })
        }
    }

    impl JsonSchema for Title {
        fn schema_name() -> Cow<'static, str> {
            "Title".into()
        }
        fn json_schema(_: &mut SchemaGenerator) -> Schema {
            json_schema!({
                "description": "The headline: not empty, not only white space.",
                "type": "string",
                "pattern": "\\S"
            })
        }
    }

    impl JsonSchema for Views {
        fn schema_name() -> Cow<'static, str> {
            "Views".into()
        }
        fn json_schema(_: &mut SchemaGenerator) -> Schema {
            json_schema!({
                "type": "integer",
                "minimum": 0,
                "maximum": MAX_SAFE_INTEGER
            })
        }
    }

    impl JsonSchema for Published {
        fn schema_name() -> Cow<'static, str> {
            "Published".into()
        }
        fn json_schema(_: &mut SchemaGenerator) -> Schema {
            json_schema!({
                "description": "RFC 3339 date-time with offset (2018-11-30T11:21:00+08:00) or a plain date (2018-11-30).",
                "type": "string",
                "anyOf": [ { "format": "date-time" }, { "format": "date" } ]
            })
        }
    }

    /// A text block's `links` and `styles` (lists of pairs of strings, each with an optional third), said of
    /// `whose` words, placed in order `through` them, each `within` one of them.
    fn marks_schema(whose: &str, through: &str, within: &str) -> serde_json::Value {
        let pairs = serde_json::json!({ "type": "array", "items": { "type": "string" }, "minItems": 2, "maxItems": 3 });
        serde_json::json!({
            "links": { "type": "array", "items": pairs,
                       "description": format!("[text, address] pairs: words {whose} that link (in order{through}, each after the one before{within}) and an http or https address; a third string, when given, is the text right before the words (where the same words come earlier: they are placed where it ends)") },
            "styles": { "type": "array", "items": pairs,
                        "description": format!("[text, style] pairs: words {whose} set off (in order{through}, each after the one before among the styles{within}, placed apart from the links); the style is one or more of strong (bold), em (italic), code, del (struck through), sup (raised: 10⁶, m²), sub (lowered: CO₂), space-separated; a third string as for links") }
        })
    }

    impl JsonSchema for Block {
        fn schema_name() -> Cow<'static, str> {
            "Block".into()
        }
        fn json_schema(_: &mut SchemaGenerator) -> Schema {
            // (Each text block's `links` and `styles`, said of its own words.)
            let marks = (
                marks_schema("of the text", "", ""),
                marks_schema("of the heading", "", ""),
                marks_schema("of the items", "", ", within one item"),
                marks_schema("of the cells", " through the cells row by row", ", within one cell"),
                marks_schema("of the caption", "", ""),
            );
            json_schema!({
                "description": "A bare string is a paragraph; other blocks are objects with a type. Blocks of an unknown type are skipped with a warning.",
                "anyOf": [
                    { "type": "string" },
                    { "type": "object", "required": ["type", "text"],
                      "properties": { "type": { "enum": ["paragraph", "quote"] }, "text": { "type": "string" },
                                      "links": marks.0["links"], "styles": marks.0["styles"] } },
                    { "type": "object", "required": ["type", "text"],
                      "properties": { "type": { "const": "heading" }, "text": { "type": "string" },
                                      "level": { "type": "integer", "minimum": 1, "maximum": 6,
                                                 "description": "2 (the default) for a section, 3 to 6 for parts of one; 1 is read as 2 (the title is the page's level-1 heading)" },
                                      "links": marks.1["links"], "styles": marks.1["styles"] } },
                    { "type": "object", "required": ["type", "items"],
                      "properties": { "type": { "const": "list" },
                                      "ordered": { "type": "boolean", "description": "numbered (true) or bulleted (false, the default)" },
                                      "items": { "type": "array", "items": { "type": "string" } },
                                      "levels": { "type": "array", "items": { "type": "integer", "minimum": 0, "maximum": 255 },
                                                  "description": "how deep each item is nested, one per item: 0 for the list's own, one more for the items of a list inside the item before (the first 0, each at most one deeper than the one before, at most 7; others are brought into these bounds with a warning); without it, none is" },
                                      "start": { "type": "integer", "minimum": 0, "maximum": u32::MAX,
                                                 "description": "the number of a numbered list's first item (default 1)" },
                                      "sublists": { "type": "array", "items": { "enum": ["ordered", "unordered"] },
                                                    "description": "whether each list nested in this one is numbered (\"ordered\") or bulleted (\"unordered\"), in the order they begin (at an item one level deeper than the one before); a nested list not named is as the list it is in (more than there are nested lists: the rest ignored with a warning)" },
                                      "anchors": { "type": "array", "items": { "type": "string" },
                                                   "description": "each item's anchor, one per item: the place a link whose address is \"#\" and the anchor goes to (\"fn-1\" for a footnote), \"\" for an item without one; letters, digits, _ and -, unique in the article (others are dropped with a warning)" },
                                      "links": marks.2["links"], "styles": marks.2["styles"] } },
                    { "type": "object", "required": ["type", "rows"],
                      "properties": { "type": { "const": "table" },
                                      "rows": { "type": "array", "items": { "type": "array", "items": { "type": "string" } },
                                                "description": "the cells row by row; shorter rows are filled with empty cells" },
                                      "header": { "type": "boolean", "description": "the first row is a header row (default false)" },
                                      "caption": { "type": "string" },
                                      "links": marks.3["links"], "styles": marks.3["styles"] } },
                    { "type": "object", "required": ["type", "text"],
                      "properties": { "type": { "const": "code" },
                                      "text": { "type": "string", "description": "preformatted: spaces and line breaks kept, never converted" },
                                      "language": { "type": "string", "description": "its programming language (rust, python…), shown above it" } } },
                    { "type": "object", "required": ["type", "src"],
                      "properties": { "type": { "const": "image" },
                                      "src": { "type": "string", "description": "relative, http or https URL" },
                                      "alt": { "type": "string" }, "caption": { "type": "string" },
                                      "links": marks.4["links"], "styles": marks.4["styles"] } },
                    { "type": "object", "required": ["type"], "description": "a break between sections of the text, drawn as a short rule",
                      "properties": { "type": { "const": "break" } } },
                    { "type": "object", "required": ["type"],
                      "properties": { "type": { "type": "string", "not": { "enum": ["paragraph", "heading", "quote", "list", "code", "table", "image", "break"] } } } }
                ]
            })
        }
    }
}
