//! The importer's core: scraped text, saved web pages, feeds, Markdown and article-set JSON in; validated articles out.
//!
//! Pure (no I/O but what the caller hands in), native only (feature `import`): the command-line front end is
//! `cargo xtask import`. Every article leaves through [`Draft::finish`], which applies the same rules as the
//! viewer's loader, so one set of rules decides what a valid article is.

pub mod clean;
pub mod feed;
pub mod html;
pub mod markdown;
mod news;
pub mod page;
pub mod scraped;

use crate::domain::article::{Article, ArticleId, Block, Link, Published, Title, Views};
use crate::domain::format::tag_is;
use crate::domain::load::{is_language_tag, is_safe_url};
use clean::{clean_text, Fix};
use serde::Deserialize;
use std::path::Path;

/// The first sentence of `text` as a title: up to its end (`。` `！` `？`, or `.` `!` `?` before a space), without
/// a full stop; cut at `max` characters (at a space, in words that have them) with `…` when it is longer.
pub fn first_words(text: &str, max: usize) -> String {
    let text = html::collapse(text);
    let mut end = text.len();
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let next_is_space = chars.peek().is_none_or(|(_, n)| n.is_whitespace());
        if matches!(c, '。' | '！' | '？') || (matches!(c, '.' | '!' | '?') && next_is_space) {
            // (A question or an exclamation keeps its mark; a statement loses its full stop.)
            end = if matches!(c, '。' | '.') { at } else { at + c.len_utf8() };
            break;
        }
    }
    let sentence = text[..end].trim();
    if sentence.chars().count() <= max {
        return sentence.to_owned();
    }
    let cut: String = sentence.chars().take(max).collect();
    // (In words with spaces between them, not in the middle of one.)
    let cut = match cut.rfind(' ') {
        Some(at) if at > cut.len() / 2 => &cut[..at],
        _ => &cut[..],
    };
    format!("{}…", cut.trim_end_matches([',', '，', '、', ';', '；', ':', '：', ' ']))
}

/// The time zone of a time written without one, unless the user gives another: China Standard Time, +08:00
/// (the importer's first sites are Chinese).
pub const DEFAULT_OFFSET: time::UtcOffset = hours(8);

/// The offset of `h` whole hours.
const fn hours(h: i8) -> time::UtcOffset {
    match time::UtcOffset::from_hms(h, 0, 0) {
        Ok(o) => o,
        Err(_) => panic!("an offset within ±25 hours"),
    }
}

/// The time zone a time written without one is in, for a text in `lang` when the user named none: Japan's and
/// Korea's, +09:00, for Japanese and Korean (each country one zone); else [`DEFAULT_OFFSET`].
pub fn zone_of(lang: Option<&str>) -> time::UtcOffset {
    use crate::domain::format::tag_is;
    match lang {
        Some(l) if tag_is(l, "ja") || tag_is(l, "ko") => hours(9),
        _ => DEFAULT_OFFSET,
    }
}

/// Settings that apply to every input.
#[derive(Debug, Clone)]
pub struct ImportOptions {
    /// Repairs applied to scraped text before anything else.
    pub fixes: Vec<Fix>,
    /// The time zone of wall-clock times written without one (default +08:00, China Standard Time: see
    /// [`DEFAULT_OFFSET`]).
    pub offset: time::UtcOffset,
    /// Whether `offset` is only the default, not the user's (no `--tz`): then a web page or a Markdown file in
    /// Japanese or Korean (its `<html lang>`, its front matter's `lang`) takes its country's time, +09:00
    /// ([`zone_of`]).
    pub zone_by_language: bool,
    /// The `lang` to set when the input does not say; `None` detects it from the text ([`detect_language`]).
    pub lang: Option<String>,
    /// Keep half-width punctuation in Chinese text as it is (by default it is made full-width:
    /// [`clean::full_width_punctuation`]).
    pub keep_punctuation: bool,
    /// Where the input was fetched from (an `http(s)` address), when it was: a web page's or a feed's own address,
    /// against which its relative addresses resolve, and a page's link when it names none of its own.
    pub address: Option<String>,
}

impl ImportOptions {
    /// The time zone the user gave, `None` when `offset` is only the default (then a page's or a Markdown file's
    /// language may choose: [`zone_of`]).
    pub fn given_offset(&self) -> Option<time::UtcOffset> {
        (!self.zone_by_language).then_some(self.offset)
    }
}

impl Default for ImportOptions {
    fn default() -> Self {
        Self {
            fixes: Vec::new(),
            offset: DEFAULT_OFFSET,
            zone_by_language: true,
            lang: None,
            keep_punctuation: false,
            address: None,
        }
    }
}

/// An input's format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Scraped,
    Feed,
    Markdown,
    /// A saved web page (HTML).
    Page,
    ArticleSet,
}

impl Format {
    pub fn name(self) -> &'static str {
        match self {
            Format::Scraped => "scraped text",
            Format::Feed => "feed",
            Format::Markdown => "Markdown",
            Format::Page => "web page",
            Format::ArticleSet => "article set",
        }
    }
}

/// What one input file gave.
#[derive(Debug, Clone, Default)]
pub struct FileResult {
    pub format: Option<Format>,
    pub articles: Vec<Article>,
    /// Items of this file that were not imported, each with why.
    pub skipped: Vec<String>,
    /// Things to check: damage left in the text, dropped content, a guessed encoding.
    pub warnings: Vec<String>,
    /// Per fix (table order), how often it matched in this file.
    pub fixes_applied: Vec<usize>,
    pub pinyin_removed: usize,
    pub entities_decoded: usize,
    /// Half-width punctuation marks in Chinese articles made full-width.
    pub punctuation_converted: usize,
    /// Damaged spans found (after fixes).
    pub corrupted_spans: usize,
    /// Why the whole file was not read, when it was not.
    pub error: Option<String>,
    /// Where a web page's article goes on, when the page is one of several: where its pager's "next" link goes.
    pub next_page: Option<String>,
}

/// An article before validation: what a format reader found.
#[derive(Debug, Clone, Default)]
pub struct Draft {
    pub id: String,
    pub title: String,
    pub kicker: Option<String>,
    pub subtitle: Option<String>,
    pub published: Option<String>,
    pub views: Option<u64>,
    pub source: Option<String>,
    pub category: Option<String>,
    pub tags: Vec<String>,
    pub authors: Vec<String>,
    pub editor: Option<String>,
    pub lang: Option<String>,
    /// The language its container says everything in it is in (a feed's `<language>`, a page's `<html lang>`),
    /// which its own text may contradict: a site's template keeps `lang="en"` over Chinese articles, a feed
    /// mixes languages. Taken unless the text is plainly in another language.
    pub container_lang: Option<String>,
    pub summary: Option<String>,
    pub body: Vec<Block>,
    pub url: Option<String>,
    pub notice: Option<String>,
    /// Pieces dropped while converting (scripts, raw HTML, unsafe images).
    pub dropped: usize,
}

impl Draft {
    /// [`clean::full_width_punctuation`] on every text a reader reads (not names: authors, source, category,
    /// tags, editor); returns how many marks were converted.
    pub fn full_width_punctuation(&mut self) -> usize {
        let mut converted = 0;
        let mut fix = |s: &mut String| {
            let (text, n) = clean::full_width_punctuation(s);
            if n > 0 {
                *s = text;
                converted += n;
            }
        };
        fix(&mut self.title);
        for s in [&mut self.kicker, &mut self.subtitle, &mut self.summary, &mut self.notice].into_iter().flatten() {
            fix(s);
        }
        block_texts_mut(&mut self.body, fix);
        converted
    }

    /// How warnings name the article: its title, else its id.
    fn label(&self) -> String {
        if self.title.is_empty() {
            format!("item {:?}", self.id)
        } else {
            format!("{:?}", self.title)
        }
    }

    /// Validates with the viewer's rules. Hard faults (no title, a bad date) are errors; unsafe values are
    /// dropped with a warning.
    pub fn finish(self, warnings: &mut Vec<String>) -> Result<Article, String> {
        let label = self.label();
        let id = ArticleId::parse(&self.id)?;
        let title = Title::parse(&self.title).map_err(|e| format!("{e} (item {:?})", self.id))?;
        // (A date or a count the set cannot take loses the article nothing else: left out, with a warning.)
        let published = self
            .published
            .as_deref()
            .and_then(|p| Published::parse(p).map_err(|e| warnings.push(format!("{label}: {e}; left out"))).ok());
        let views =
            self.views.and_then(|v| Views::new(v).map_err(|e| warnings.push(format!("{label}: {e}; left out"))).ok());
        let url = match self.url {
            Some(u) if is_safe_url(&u, false) => Some(u),
            Some(u) => {
                warnings.push(format!("{label}: link {u:?} dropped: only http and https links are kept"));
                None
            }
            None => None,
        };
        let lang = match self.lang {
            Some(l) if is_language_tag(&l) => Some(l),
            Some(l) => {
                warnings.push(format!("{label}: lang {l:?} is not a language tag; left out"));
                None
            }
            None => None,
        };
        if self.dropped > 0 {
            warnings.push(format!(
                "{label}: {} unsafe or unsupported piece(s) of markup dropped (scripts, frames, raw HTML, unsafe images)",
                self.dropped
            ));
        }
        let non_empty = |s: Option<String>| s.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty());
        let mut body = self.body;
        heading_levels(&mut body);
        usable_links(&mut body);
        tidy_breaks(&mut body);
        Ok(Article {
            id,
            title,
            kicker: non_empty(self.kicker),
            subtitle: non_empty(self.subtitle),
            published,
            views,
            source: non_empty(self.source),
            category: non_empty(self.category),
            tags: self.tags,
            authors: self.authors,
            editor: non_empty(self.editor),
            lang,
            summary: non_empty(self.summary),
            body,
            url,
            notice: non_empty(self.notice),
        })
    }
}

/// Breaks between sections only between sections: none first or last, none right after another (a break left
/// where the source's content around it was dropped, or two rules in a row).
pub fn tidy_breaks(blocks: &mut Vec<Block>) {
    let mut after_text = false;
    blocks.retain(|b| {
        let keep = !matches!(b, Block::Break) || after_text;
        after_text = !matches!(b, Block::Break);
        keep
    });
    if matches!(blocks.last(), Some(Block::Break)) {
        blocks.pop();
    }
}

/// The body's headings as the viewer's levels: the source's highest level (an `<h1>` or `#` that is not the title,
/// or an `<h3>` where the page has no `<h2>`) becomes 2, the level of a section under the article's title, and the
/// others follow it (at most 6).
pub fn heading_levels(blocks: &mut [Block]) {
    let top =
        blocks.iter().filter_map(|b| if let Block::Heading { level, .. } = b { Some(*level) } else { None }).min();
    if let Some(top) = top {
        for b in blocks {
            if let Block::Heading { level, .. } = b {
                *level = (*level - top + 2).min(6);
            }
        }
    }
}

/// The characters of the text of `blocks` (paragraphs, headings, quotes, lists, code): how much of an article there is, to
/// choose between two sources of it (a page's HTML or its JSON-LD; a feed item or its page).
pub fn text_chars(blocks: &[Block]) -> usize {
    blocks.iter().flat_map(Block::texts).map(|t| t.chars().count()).sum()
}

/// Calls `f` on every text of `blocks` a reader reads: paragraphs, headings, quotes, list items, table cells and
/// captions, images' alt texts and captions — not code, which stays as written.
pub fn block_texts_mut(blocks: &mut [Block], mut f: impl FnMut(&mut String)) {
    for b in blocks {
        match b {
            Block::Paragraph { text, .. } | Block::Heading { text, .. } | Block::Quote { text, .. } => f(text),
            Block::List(l) => l.items.iter_mut().for_each(&mut f),
            Block::Table(t) => t.cells.iter_mut().chain(&mut t.caption).for_each(&mut f),
            Block::Image(i) => {
                f(&mut i.alt);
                i.caption.iter_mut().for_each(&mut f);
            }
            Block::Code { .. } | Block::Break | Block::Unknown { .. } => {}
        }
        // The links' words, as the text's (so that they are still found in it).
        b.links_mut().into_iter().flatten().for_each(|l| {
            f(&mut l.text);
            f(&mut l.before);
        });
    }
}

/// `base` as an address to resolve others against: an absolute `http:` or `https:` one, else none.
pub fn web_base(base: &str) -> Option<url::Url> {
    url::Url::parse(base.trim()).ok().filter(|u| matches!(u.scheme(), "http" | "https"))
}

/// `address` resolved against `base` when it is relative (`/images/a.jpg`, `a.jpg`, `//cdn…/a.jpg`): a page's
/// or a feed item's image is where that page is, not where the viewer is. As it is when it is absolute already,
/// when there is no base, or when the result would not be an `http(s)` address.
pub fn resolve(address: &str, base: Option<&url::Url>) -> String {
    match base {
        Some(base) if !is_safe_url(address, false) => base
            .join(address.trim())
            .ok()
            .map(String::from)
            .filter(|u| is_safe_url(u, false))
            .unwrap_or_else(|| address.to_owned()),
        _ => address.to_owned(),
    }
}

/// Every image's and link's address of `blocks` that is relative, resolved against `base` (see [`resolve`]).
pub fn resolve_addresses(blocks: &mut [Block], base: Option<&url::Url>) {
    for b in blocks.iter_mut() {
        if let Block::Image(i) = b {
            i.src = resolve(&i.src, base);
        }
    }
    resolve_links(blocks, base);
}

/// The fragment of a link to a place in the same page (`#fn:1`, `#%E7%94%A2%E9%87%8F` → `產量`), percent-decoded.
pub fn fragment(href: &str) -> Option<String> {
    let f = href.trim().strip_prefix('#').filter(|f| !f.is_empty())?;
    Some(percent_encoding::percent_decode_str(f).decode_utf8_lossy().into_owned())
}

/// A heading's id as GitHub (and the Markdown tools that copy it) makes it, which a Markdown file's own links
/// use (`[see](#whats-next)` for "What's next?"): its words in lower case, every character but letters, digits,
/// marks, `-` and `_` left out, each space a `-`.
pub fn github_slug(heading: &str) -> String {
    heading
        .trim()
        .to_lowercase()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            '-' | '_' => Some(c),
            c if c.is_alphanumeric() || is_mark(c) => Some(c),
            _ => None,
        })
        .collect()
}

/// Whether `c` is a combining mark (an accent written apart, a tone mark: part of a word).
fn is_mark(c: char) -> bool {
    unicode_normalization::char::canonical_combining_class(c) != 0
}

/// Every link's address of `blocks` that is relative, resolved against `base` (see [`resolve`]).
pub fn resolve_links(blocks: &mut [Block], base: Option<&url::Url>) {
    // (A link to a place in the article itself — a heading's, a footnote's — stays one, its fragment as an anchor
    // (`#fn:1` → `#fn-1`, as an item's id is read: see `anchor_slug`), or the heading GitHub's id of whose words
    // it is (a Markdown file's own links: `#whats-next` → `#what-s-next`; the second of the same words `-1`).)
    let places = crate::domain::article::anchors(blocks);
    // (GitHub's count: the second "x" is `x-1`, unless a heading took that already; then `x-2`…)
    let mut github: Vec<(String, &str)> = Vec::new();
    let mut counts: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let headings = crate::domain::article::heading_anchors(blocks);
    for (i, anchor) in &headings {
        if let Block::Heading { text, .. } = &blocks[*i] {
            let first = github_slug(text);
            let mut slug = first.clone();
            while github.iter().any(|(s, _)| *s == slug) {
                let n = counts.entry(first.clone()).or_default();
                *n += 1;
                slug = format!("{first}-{n}");
            }
            github.push((slug, anchor.as_str()));
        }
    }
    let here = |href: &str| {
        let f = fragment(href)?;
        let at = crate::domain::article::anchor_slug(&f);
        if places.contains(&at) {
            return Some(format!("#{at}"));
        }
        let lower = f.to_lowercase();
        github.iter().find(|(s, _)| *s == f || *s == lower).map(|(_, a)| format!("#{a}"))
    };
    for links in blocks.iter_mut().filter_map(Block::links_mut) {
        links.retain_mut(|l| match (l.is_link(), here(&l.href)) {
            (false, _) => true,
            (true, Some(place)) => {
                l.href = place;
                true
            }
            // A link to a place the article does not have goes to it on the page; without a page to go to, its
            // words are shown unlinked.
            (true, None) => {
                l.href = resolve(&l.href, base);
                !l.href.trim_start().starts_with('#')
            }
        });
    }
}

/// Each paragraph's and quote's links kept where the viewer shows them (`Link::keep_shown`): a link within the
/// page, `mailto:`, or a relative one without a page to resolve it against leaves its words unlinked, as do words
/// the clean-up (which cleans the links' words as the text's) left otherwise in the link than in the text.
fn usable_links(body: &mut [Block]) {
    for (texts, links) in body.iter_mut().filter_map(Block::linked_texts_mut) {
        Link::keep_shown(texts, links, |_, _, _| {});
    }
}

/// A valid id from `wanted`: characters outside `A-Za-z0-9._~-` become `-`; when nothing usable is left, a
/// hash of `fallback`. The same input always gives the same id.
pub fn make_id(wanted: &str, fallback: &str) -> String {
    let mut id = String::with_capacity(wanted.len());
    for c in wanted.trim().chars() {
        if ArticleId::is_id_char(c) {
            id.push(c);
        } else if !id.ends_with('-') {
            id.push('-');
        }
    }
    let id = id.trim_matches('-');
    let id: String = id.chars().take(ArticleId::MAX_LEN).collect();
    if ArticleId::parse(&id).is_ok() && id.chars().any(|c| c.is_ascii_alphanumeric()) {
        id
    } else {
        format!("a-{:016x}", fnv1a(if wanted.trim().is_empty() { fallback } else { wanted }))
    }
}

/// FNV-1a, 64 bit: a stable, dependency-free hash for ids (not for security).
fn fnv1a(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

/// The fixes table file: `[[fix]]` entries with `find` and `replace`.
#[derive(Deserialize)]
struct FixesFile {
    #[serde(default)]
    fix: Vec<FixEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FixEntry {
    find: String,
    replace: String,
}

/// Reads a fixes table (TOML). An empty `find` is an error: it would match everywhere.
pub fn parse_fixes(toml_text: &str) -> Result<Vec<Fix>, String> {
    let file: FixesFile = toml::from_str(toml_text).map_err(|e| format!("fixes table: {e}"))?;
    file.fix
        .into_iter()
        .enumerate()
        .map(|(i, f)| {
            if f.find.is_empty() {
                Err(format!("fixes table: fix #{} has an empty `find`", i + 1))
            } else {
                Ok(Fix { find: f.find, replace: f.replace })
            }
        })
        .collect()
}

/// The encoding an HTML page declares in its first 1,024 bytes (`<meta charset="gbk">`, `content="text/html;
/// charset=big5"`), by the WHATWG labels `encoding_rs` knows.
fn declared_charset(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = bytes[..bytes.len().min(1024)].to_ascii_lowercase();
    // (An XML declaration's encoding, `<?xml version="1.0" encoding="gb2312"?>`: a feed's.)
    let label: &[u8] = if head.trim_ascii_start().starts_with(b"<?xml") { b"encoding=" } else { b"charset=" };
    let at = memchr::memmem::find(&head, label)? + label.len();
    let value: Vec<u8> = head[at..]
        .iter()
        .copied()
        .skip_while(|b| matches!(b, b'"' | b'\''))
        .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.'))
        .collect();
    encoding_rs::Encoding::for_label(&value)
}

/// Text from the bytes of an HTML page or an XML file (a feed): [`decode`], except that bytes that are not UTF-8
/// are decoded by the encoding the page declares (`<meta charset>`, an XML declaration's `encoding`), when it
/// declares one (GBK, Big5, windows-1252…; a page's declaration is surer than a guess, and covers single-byte code
/// pages too).
pub fn decode_page(bytes: &[u8]) -> Result<(String, Option<String>), String> {
    if bytes.is_empty() || std::str::from_utf8(bytes).is_ok() {
        return decode(bytes);
    }
    match declared_charset(bytes) {
        Some(encoding) if encoding != encoding_rs::UTF_8 && !bytes[..bytes.len().min(8192)].contains(&0) => {
            let (text, _, had_errors) = encoding.decode(bytes);
            if had_errors {
                return Err(format!("the page declares {}, but its bytes are not valid {0}", encoding.name()));
            }
            Ok((text.into_owned(), Some(format!("not UTF-8: decoded as {}, as the file declares", encoding.name()))))
        }
        _ => decode(bytes),
    }
}

/// Whether `path` or the first bytes of a file say it is an HTML page.
fn looks_like_page(path: &Path, bytes: &[u8]) -> bool {
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
    let start = bytes.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(0);
    let head = bytes[start..bytes.len().min(start + 14)].to_ascii_lowercase();
    matches!(ext.as_str(), "html" | "htm" | "xhtml")
        || head.starts_with(b"<!doctype html")
        || head.starts_with(b"<html")
}

/// Text from bytes: UTF-8 (a BOM is fine), else the encoding chardetng guesses (GBK/GB18030, Big5, …),
/// reported as a warning. Binary data and undecodable bytes are errors.
pub fn decode(bytes: &[u8]) -> Result<(String, Option<String>), String> {
    if bytes.is_empty() {
        return Err("the file is empty".into());
    }
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return Err("the file is binary (it contains NUL bytes), not text".into());
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok((s.strip_prefix('\u{feff}').unwrap_or(s).to_owned(), None)),
        Err(utf8_error) => {
            let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
            detector.feed(bytes, true);
            let encoding = detector.guess(None, chardetng::Utf8Detection::Deny);
            // Only multi-byte CJK encodings are taken on a guess: any bytes at all "decode" as a single-byte
            // code page, so such a guess would turn damage into text silently.
            let cjk = [
                encoding_rs::GBK,
                encoding_rs::GB18030,
                encoding_rs::BIG5,
                encoding_rs::SHIFT_JIS,
                encoding_rs::EUC_JP,
                encoding_rs::EUC_KR,
            ];
            if !cjk.contains(&encoding) {
                return Err(format!(
                    "invalid UTF-8 at byte {} (perhaps {}: convert the file to UTF-8 first)",
                    utf8_error.valid_up_to(),
                    encoding.name()
                ));
            }
            let (text, _, had_errors) = encoding.decode(bytes);
            if had_errors {
                return Err(format!(
                    "invalid UTF-8 at byte {}, and not valid {} either",
                    utf8_error.valid_up_to(),
                    encoding.name()
                ));
            }
            Ok((text.into_owned(), Some(format!("not UTF-8: decoded as {}", encoding.name()))))
        }
    }
}

/// The format of an input, from its extension, else from its first bytes.
pub fn detect_format(path: &Path, text: &str) -> Format {
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
    // The first 512 characters (not bytes: a byte cut could fall inside a character).
    let head: String = text.trim_start().chars().take(512).collect();
    match ext.as_str() {
        "md" | "markdown" | "mdown" => Format::Markdown,
        "rss" | "atom" | "xml" => Format::Feed,
        "html" | "htm" | "xhtml" => Format::Page,
        "json" if head.contains("jsonfeed.org") => Format::Feed,
        "json" => Format::ArticleSet,
        _ if head.starts_with("<?xml") || head.starts_with("<rss") || head.starts_with("<feed") => Format::Feed,
        _ if head.starts_with('{') && head.contains("jsonfeed.org") => Format::Feed,
        _ if head.starts_with('{') && head.contains("\"version\"") => Format::ArticleSet,
        _ if head.starts_with("---\n") || head.starts_with("+++\n") => Format::Markdown,
        _ if head.get(..14).is_some_and(|h| h.eq_ignore_ascii_case("<!doctype html")) || head.starts_with("<html") => {
            Format::Page
        }
        _ => Format::Scraped,
    }
}

/// Guesses zh-Hant or zh-Hans for Chinese text from characters that exist in only one of the two scripts;
/// `None` when the text is not Chinese, or not enough of it to tell: fewer than two Han characters, fewer Han
/// characters than words of an alphabet (Latin, Cyrillic, Greek…: an English text that quotes a few Chinese
/// words — this repository's README was taken for Traditional Chinese, and its commas next to them made
/// full-width), or Japanese or Korean (kana or Hangul among them).
pub fn detect_chinese_script(text: &str) -> Option<&'static str> {
    // Pairs of very common characters whose Traditional and Simplified forms differ.
    const TRAD: &str = "們這個國會說時來對發經為與業區統關進過還當麼後問現實說義學開會種動點從兩長東見軍無產機電車門間聽語認員議價體邊應氣題內話頭條區製";
    const SIMP: &str = "们这个国会说时来对发经为与业区统关进过还当么后问现实说义学开会种动点从两长东见军无产机电车门间听语认员议价体边应气题内话头条区制";
    // (A word of an alphabet is ~5 letters; a Chinese word one or two characters.)
    const LETTERS_PER_WORD: usize = 5;
    let (mut t, mut s, mut han, mut letters, mut kana_or_hangul) = (0usize, 0usize, 0usize, 0usize, 0usize);
    for c in text.chars().take(20_000) {
        if clean::is_han(c) {
            han += 1;
            if TRAD.contains(c) {
                t += 1;
            } else if SIMP.contains(c) {
                s += 1;
            }
        } else if matches!(c as u32, 0x3041..=0x30FA | 0x30FC..=0x30FF | 0x1100..=0x11FF | 0x3130..=0x318F | 0xAC00..=0xD7AF)
        {
            // Kana (not the middle dot ・ of Chinese names and titles) and Hangul.
            kana_or_hangul += 1;
        } else if c.is_alphabetic() {
            letters += 1;
        }
    }
    if han < 2 || han * LETTERS_PER_WORD < letters || kana_or_hangul * 10 > han {
        return None;
    }
    if t + s == 0 {
        return Some("zh");
    }
    Some(if t >= s { "zh-Hant" } else { "zh-Hans" })
}

/// Whether `text` says plainly enough what language it is in to contradict a tag its container gives: 60 letters
/// (a dozen words), or 20 Chinese characters (a sentence or two).
fn enough_to_tell(text: &str) -> bool {
    let (mut letters, mut han) = (0, 0);
    for c in text.chars() {
        if clean::is_han(c) {
            han += 1;
        } else if c.is_alphabetic() {
            letters += 1;
        }
    }
    letters + han >= 60 || han >= 20
}

/// A language tag's first subtag, lower-cased: `zh` of `zh-Hant-TW`.
fn primary_subtag(tag: &str) -> String {
    tag.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase()
}

/// A language tag in the case BCP 47 writes it: `zh-cn` → `zh-CN`, `ZH-HANT-tw` → `zh-Hant-TW`, `en-us` →
/// `en-US` (the language lower-cased, a script capitalised, a region upper-cased; the rest lower-cased).
pub fn canonical_case(tag: &str) -> String {
    let mut out = String::with_capacity(tag.len());
    // (After a singleton — `-u-`, `-x-` — the subtags are an extension's, lower-cased.)
    let mut extension = false;
    for (i, part) in tag.split('-').enumerate() {
        if i > 0 {
            out.push('-');
        }
        extension |= i > 0 && part.len() == 1;
        let alpha = part.chars().all(|c| c.is_ascii_alphabetic());
        if extension {
            out.push_str(&part.to_ascii_lowercase());
        } else if i > 0 && alpha && part.len() == 4 {
            out.push_str(&part[..1].to_ascii_uppercase());
            out.push_str(&part[1..].to_ascii_lowercase());
        } else if i > 0 && ((alpha && part.len() == 2) || (part.len() == 3 && part.chars().all(|c| c.is_ascii_digit())))
        {
            out.push_str(&part.to_ascii_uppercase());
        } else {
            out.push_str(&part.to_ascii_lowercase());
        }
    }
    out
}

/// The language of a text that names none, as a BCP 47 tag: Chinese by [`detect_chinese_script`] (its script
/// too), any other language by its letters' trigrams (the crate `whatlang`: 69 languages, e.g. `en`, `fr`, `ru`,
/// `ar`, `ja`), written with its two-letter ISO 639-1 code where there is one (`isolang`). `None` when the text is
/// too short or too mixed to tell reliably (a title alone, a list of names): the page's language then applies.
pub fn detect_language(text: &str) -> Option<String> {
    if let Some(zh) = detect_chinese_script(text) {
        return Some(zh.to_owned());
    }
    // (Trigrams of the first ~10,000 characters say it as well as the whole text.)
    let end = text.char_indices().nth(10_000).map_or(text.len(), |(i, _)| i);
    let info = whatlang::detect(&text[..end]).filter(whatlang::Info::is_reliable)?;
    if info.lang() == whatlang::Lang::Cmn {
        // What `detect_chinese_script` turned down (a few Chinese words in another language's text).
        return None;
    }
    let code = info.lang().code();
    let two_letters = isolang::Language::from_639_3(code).and_then(|l| l.to_639_1());
    Some(two_letters.unwrap_or(code).to_owned())
}

/// A warning for the images of `draft` (from a web page or a feed) whose address is still relative once the
/// input's own address (a page's canonical link, og:url or `<base href>`, a feed's link, where it was fetched
/// from) resolved what it could: the viewer would ask its own host for them, which seldom has them.
fn relative_images_warning(draft: &Draft, warnings: &mut Vec<String>) {
    let relative: Vec<&str> = draft
        .body
        .iter()
        .filter_map(|b| if let Block::Image(i) = b { Some(i.src.as_str()) } else { None })
        .filter(|src| is_safe_url(src, true) && !is_safe_url(src, false))
        .collect();
    if let Some(first) = relative.first() {
        let label = draft.label();
        let what = match relative.len() {
            1 => format!("image {first:?} has a relative address"),
            n => format!("{n} images ({first:?}…) have relative addresses"),
        };
        warnings.push(format!(
            "{label}: {what} and the input names no address of its own to resolve them against: the viewer will ask \
             its own host for them — import the page by its http(s) address, or give the file a <base href> (or \
             put the images where the viewer is served)"
        ));
    }
}

/// The warning for a page whose pager links to a next page that was not read with it.
fn first_of_pages(next: &str) -> String {
    format!(
        "the article goes on on other pages (its pager links to {next}): only this one was imported — import it by \
         its address to have every page"
    )
}

/// A multi-page article read page by page (`pages`: each page's address and what [`import_file`] made of it, in
/// order, the first the article's; each next page the one before names, `next_page`): the first page's article
/// with the text of every page after it (their repeated picture left out), their warnings each said with its page.
pub fn join_pages(pages: Vec<(String, FileResult)>) -> FileResult {
    // (A page's link to a page read with it, one after it or the first — a last page's "next" that loops back —,
    // is no page left out.)
    let followed: Vec<String> = pages.iter().map(|(a, _)| first_of_pages(a)).collect();
    let mut pages = pages.into_iter().enumerate();
    let Some((_, (_, mut result))) = pages.next() else { return FileResult::default() };
    result.warnings.retain(|w| !followed.contains(w));
    for (n, (address, more)) in pages {
        let said = |w: &String| format!("page {} ({address}): {w}", n + 1);
        if let Some(e) = &more.error {
            result.warnings.push(said(&format!("not read ({e}); the article is without it")));
            continue;
        }
        result.warnings.extend(more.warnings.iter().filter(|w| !followed.contains(w)).map(said));
        result.punctuation_converted += more.punctuation_converted;
        result.pinyin_removed += more.pinyin_removed;
        result.entities_decoded += more.entities_decoded;
        result.corrupted_spans += more.corrupted_spans;
        for (total, k) in result.fixes_applied.iter_mut().zip(&more.fixes_applied) {
            *total += k;
        }
        result.next_page = more.next_page;
        if let (Some(article), Some(next)) = (result.articles.first_mut(), more.articles.into_iter().next()) {
            // (Each page of a site repeats its picture, og:image: the first page's leads, once.)
            let repeated = |b: &Block| matches!(b, Block::Image(_)) && article.body.contains(b);
            let body: Vec<Block> = next.body.into_iter().skip_while(repeated).collect();
            article.body.extend(body);
        }
    }
    result
}

/// Imports one file's bytes. `path` gives the format (by extension) and the default id (its stem).
pub fn import_file(path: &Path, bytes: &[u8], opts: &ImportOptions) -> FileResult {
    let mut result = FileResult { fixes_applied: vec![0; opts.fixes.len()], ..FileResult::default() };
    let xml = bytes.trim_ascii_start().starts_with(b"<?xml");
    let decoded = if xml || looks_like_page(path, bytes) { decode_page(bytes) } else { decode(bytes) };
    let (text, note) = match decoded {
        Ok(t) => t,
        Err(e) => {
            result.error = Some(e);
            return result;
        }
    };
    if let Some(note) = note {
        result.warnings.push(note);
    }
    if text.trim().is_empty() {
        result.error = Some("the file has no text".into());
        return result;
    }
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("article");
    let format = detect_format(path, &text);
    result.format = Some(format);
    let drafts: Vec<Draft> = match format {
        Format::ArticleSet => match crate::domain::load_article_set(&text) {
            Ok(set) => {
                result.skipped.extend(set.skipped.iter().map(|i| i.to_string()));
                result.warnings.extend(set.warnings.iter().map(|i| i.to_string()));
                result.articles = set.articles;
                return result;
            }
            Err(e) => {
                result.error = Some(e.to_string());
                return result;
            }
        },
        Format::Feed => {
            // (Cleaned as a web page is: the fixes on the file as written, then each item's texts repaired.)
            let (fixed, fixes_applied) = clean::apply_fixes(&text, &opts.fixes);
            result.fixes_applied = fixes_applied;
            match feed::parse_feed(fixed.as_bytes(), stem, opts.address.as_deref(), opts.offset) {
                Ok((mut drafts, warnings)) => {
                    result.warnings.extend(warnings);
                    let mut repaired = clean::CleanReport::default();
                    for d in &mut drafts {
                        let mut repair = |text: &mut String| clean::repair(text, &mut repaired);
                        repair(&mut d.title);
                        // (A reference decoded may be a space: `&amp;nbsp;`.)
                        d.title = html::collapse_keeping_spaces(&d.title);
                        d.summary.iter_mut().for_each(&mut repair);
                        block_texts_mut(&mut d.body, &mut repair);
                        let item = d.label();
                        let what = |i| format!("item {item}, block {i}");
                        result.corrupted_spans += clean::report_damage(&d.body, &what, &mut result.warnings);
                    }
                    result.pinyin_removed = repaired.pinyin_removed;
                    result.entities_decoded = repaired.entities_decoded;
                    drafts
                }
                Err(e) => {
                    result.error = Some(e);
                    return result;
                }
            }
        }
        Format::Markdown => match markdown::parse_markdown(&text, stem, opts.given_offset()) {
            Ok((d, warnings)) => {
                result.warnings.extend(warnings);
                vec![d]
            }
            Err(e) => {
                result.error = Some(e);
                return result;
            }
        },
        Format::Page => {
            let (fixed, fixes_applied) = clean::apply_fixes(&text, &opts.fixes);
            result.fixes_applied = fixes_applied;
            match page::parse_page(&fixed, stem, opts.given_offset(), opts.address.as_deref()) {
                Ok(p) => {
                    result.pinyin_removed = p.pinyin_removed;
                    result.entities_decoded = p.entities_decoded;
                    result.corrupted_spans = p.corrupted_spans;
                    result.warnings.extend(p.warnings);
                    if let Some(next) = &p.next_page {
                        result.warnings.push(first_of_pages(next));
                    }
                    result.next_page = p.next_page;
                    vec![p.draft]
                }
                Err(e) => {
                    result.error = Some(e);
                    return result;
                }
            }
        }
        Format::Scraped => {
            let (cleaned, report) = clean_text(&text, &opts.fixes);
            result.fixes_applied = report.fixes_applied;
            result.pinyin_removed = report.pinyin_removed;
            result.entities_decoded = report.entities_decoded;
            result.corrupted_spans = report.corruption.len();
            for c in &report.corruption {
                result.warnings.push(format!(
                    "line {}: damaged text ({}): {:?} — repair it with a --fixes entry",
                    c.line, c.sign, c.context
                ));
            }
            match scraped::parse_scraped(&cleaned, opts.offset) {
                Some(s) => vec![Draft {
                    id: make_id(stem, stem),
                    title: s.title,
                    kicker: s.kicker,
                    published: s.published,
                    views: s.views,
                    source: s.source,
                    category: s.category,
                    authors: s.authors,
                    editor: s.editor,
                    body: s.paragraphs.into_iter().map(Block::paragraph).collect(),
                    notice: s.notice,
                    ..Draft::default()
                }],
                None => {
                    result.error = Some("no title line found".into());
                    return result;
                }
            }
        }
    };
    let mut ids = std::collections::HashSet::new();
    for mut draft in drafts {
        // (A web page's are tidied as it is read.)
        if matches!(format, Format::Scraped | Format::Feed) {
            news::tidy(&mut draft, opts.offset);
        }
        if draft.lang.is_none() {
            // (Not code: a program's comments do not make an article Chinese, nor its keywords English.)
            let sample = || {
                let prose = draft.body.iter().filter(|b| !matches!(b, Block::Code { .. }));
                std::iter::once(draft.title.as_str())
                    .chain(prose.flat_map(Block::texts).map(String::as_str))
                    .collect::<Vec<_>>()
                    .join("\n")
            };
            draft.lang = match draft.container_lang.clone() {
                // The container's, unless the text is plainly in another language: a reliable guess from enough
                // text (a few Chinese words in an English page do not make it Chinese).
                Some(declared) => {
                    let sample = sample();
                    match detect_language(&sample) {
                        Some(written)
                            if primary_subtag(&written) != primary_subtag(&declared) && enough_to_tell(&sample) =>
                        {
                            let container = if format == Format::Feed { "feed" } else { "page" };
                            let label = draft.label();
                            result.warnings.push(format!(
                                "{label}: its {container} says it is in {declared:?}, its text is in {written:?}: \
                                 taken as {written:?}"
                            ));
                            Some(written)
                        }
                        _ => Some(declared),
                    }
                }
                None => opts.lang.clone().or_else(|| detect_language(&sample())),
            };
        }
        draft.lang = draft.lang.map(|l| canonical_case(&l));
        if !opts.keep_punctuation && draft.lang.as_deref().is_some_and(|l| tag_is(l, "zh")) {
            result.punctuation_converted += draft.full_width_punctuation();
        }
        // (A Markdown file's relative images are meant to be served beside the viewer: not warned about.)
        if matches!(format, Format::Page | Format::Feed) {
            relative_images_warning(&draft, &mut result.warnings);
        }
        // A Chinese report's dateline names its reporters (`新华社北京6月3日电（记者王小明、李华）`): its authors when
        // nothing else named them.
        // (And a Korean wire report's, `(서울=연합뉴스) 김철수 기자 = …`, a Japanese newspaper's, `【北京=田中一郎】`.)
        let dateline: Option<fn(&str) -> Vec<String>> = match draft.lang.as_deref() {
            Some(l) if tag_is(l, "zh") => Some(scraped::reporters_in_dateline),
            Some(l) if tag_is(l, "ko") => Some(scraped::korean_reporters_in_dateline),
            Some(l) if tag_is(l, "ja") => Some(scraped::japanese_reporters_in_dateline),
            _ => None,
        };
        let first = draft.body.iter().position(|b| matches!(b, Block::Paragraph { .. }));
        let first_text = first.and_then(|i| draft.body[i].texts().first().cloned());
        if let (Some(reporters), Some(text)) = (dateline, &first_text) {
            let names = reporters(text);
            if draft.authors.is_empty() {
                draft.authors = names.clone();
            }
            // A first line that is only the dateline (`記者王小明／台北報導`) leaves the text, once its reporters are
            // the authors.
            let only = ["報導", "报道"].iter().any(|e| text.trim_end().ends_with(e)) && text.chars().count() <= 40;
            if only && !names.is_empty() && names.iter().all(|n| draft.authors.contains(n)) {
                draft.body.remove(first.unwrap_or_default());
            }
        }
        // An item without a title (RSS needs only a description: a microblog's posts; a Markdown note without a
        // heading) is titled by its first words, with a warning, rather than lost.
        if draft.title.is_empty() {
            let text = draft.summary.iter().chain(draft.body.iter().flat_map(Block::texts)).next();
            if let Some(words) = text.map(|t| first_words(t, 60)).filter(|w| !w.is_empty()) {
                result.warnings.push(format!("item {:?} has no title: titled by its first words, {words:?}", draft.id));
                draft.title = words;
            }
        }
        let id = draft.id.clone();
        match draft.finish(&mut result.warnings) {
            // (A feed may carry an item twice; two ids may also become one as ids are made.)
            Ok(a) if !ids.insert(a.id.to_string()) => result
                .skipped
                .push(format!("item {:?}: an earlier item of this file has its id (the first is kept)", a.id.as_str())),
            Ok(a) => result.articles.push(a),
            Err(e) => result.skipped.push(format!("item {id:?}: {e}")),
        }
    }
    result
}
