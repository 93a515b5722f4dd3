//! Reading an article set: whole-file faults are errors; a bad record is reported and skipped.
//!
//! The loader never panics on input. It reads the envelope (`version`, `title`, and `articles` split into its
//! records as raw JSON) first, then each record on its own, so one broken record costs only itself: every valid
//! record is still returned.

use super::article::is_anchor;
use super::article::{Article, ArticleId, Block, Link, List, Published, Title, Views, SCHEMA_VERSION};
use serde::Deserialize;
use serde_json::value::RawValue;
use std::collections::HashSet;
use std::fmt;

/// The largest article set the viewer reads: 80 MB. A set that size already takes about three times as much
/// memory once read and indexed; larger collections belong in several sets.
pub const MAX_SET_BYTES: u64 = 80_000_000;

/// A fault of the whole file: nothing in it can be shown.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SetError {
    #[error("the article set is empty (0 bytes)")]
    Empty,
    #[error("the article set is {} MB; the viewer reads at most {} MB (split the collection into several sets)", .0 / 1_000_000, MAX_SET_BYTES / 1_000_000)]
    TooLarge(u64),
    #[error("the article set is not UTF-8 text (invalid byte at offset {0})")]
    NotUtf8(usize),
    #[error("the article set is not valid JSON: {0}")]
    Syntax(String),
    #[error("the article set does not fit schema v1: {0}")]
    Shape(String),
    #[error("the article set must be a JSON object with \"version\" and \"articles\", but it is {0}")]
    NotAnObject(&'static str),
    #[error("the article set has no \"version\" field")]
    MissingVersion,
    #[error("the article set has version {0}; this viewer reads version 1")]
    UnsupportedVersion(String),
    #[error("the article set has no \"articles\" list")]
    MissingArticles,
    #[error("\"articles\" must be a list: {0}")]
    ArticlesNotAList(String),
}

/// What happened to one record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordIssue {
    /// 0-based position in `articles`.
    pub index: usize,
    /// The record's id, when it could be read.
    pub id: Option<String>,
    /// The field the issue is about, as a path (`body[2].src`), or empty for the whole record.
    pub field: String,
    /// What is wrong, in words.
    pub reason: String,
}

impl fmt::Display for RecordIssue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "article #{}", self.index + 1)?;
        if let Some(id) = &self.id {
            write!(f, " (id {id:?})")?;
        }
        if !self.field.is_empty() {
            write!(f, ", field {}", self.field)?;
        }
        write!(f, ": {}", self.reason)
    }
}

/// A loaded set: the valid articles, in file order, and the report of what was skipped or dropped.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadedSet {
    pub title: Option<String>,
    pub articles: Vec<Article>,
    /// Records that were not shown, each with why.
    pub skipped: Vec<RecordIssue>,
    /// Records shown with something dropped (an unsafe link, an unknown block type), each with why.
    pub warnings: Vec<RecordIssue>,
}

impl LoadedSet {
    /// Each image's relative address made relative to where the set was read from, `set_url` (as fetched:
    /// relative to the page, or absolute): a set's images are next to it, also when a widget on another site's
    /// page reads it.
    pub fn resolve_images(&mut self, set_url: &str) {
        // (A set in the page's own folder, the standalone page's `articles.json`: nothing to do, and no pass over
        // every block on the way to the first paint.)
        if !set_url.contains('/') {
            return;
        }
        for b in self.articles.iter_mut().flat_map(|a| &mut a.body) {
            if let Block::Image(i) = b {
                if let Some(resolved) = resolve_against(&i.src, set_url) {
                    i.src = resolved;
                }
            }
        }
    }

    pub fn find(&self, id: &str) -> Option<(usize, &Article)> {
        self.articles.iter().enumerate().find(|(_, a)| a.id.as_str() == id)
    }
}

#[derive(Deserialize)]
struct Envelope<'a> {
    #[serde(borrow, default)]
    version: Option<&'a RawValue>,
    #[serde(default)]
    title: Option<String>,
    #[serde(borrow, default)]
    articles: Option<Records<'a>>,
}

/// The value of `"articles"`: its records, each kept as raw JSON to be read on its own, split in the same pass that
/// reads the envelope (a pass of its own over the 40 MB bench set took a fifth of the load, natively); or, when it
/// is not a list, what it is (`null` is no records: `Option`'s `None`).
enum Records<'a> {
    List(Vec<&'a RawValue>),
    Not(&'static str),
}

impl<'de: 'a, 'a> Deserialize<'de> for Records<'a> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::{IgnoredAny, MapAccess, SeqAccess, Visitor};
        struct V<'a>(std::marker::PhantomData<&'a ()>);
        impl<'de: 'a, 'a> Visitor<'de> for V<'a> {
            type Value = Records<'a>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a list of article records")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Records<'a>, A::Error> {
                let mut records = Vec::new();
                while let Some(r) = seq.next_element::<&'de RawValue>()? {
                    records.push(r);
                }
                Ok(Records::List(records))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Records<'a>, A::Error> {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(Records::Not("an object"))
            }
            fn visit_str<E>(self, _: &str) -> Result<Records<'a>, E> {
                Ok(Records::Not("a string"))
            }
            fn visit_bool<E>(self, _: bool) -> Result<Records<'a>, E> {
                Ok(Records::Not("a boolean"))
            }
            fn visit_i64<E>(self, _: i64) -> Result<Records<'a>, E> {
                Ok(Records::Not("a number"))
            }
            fn visit_u64<E>(self, _: u64) -> Result<Records<'a>, E> {
                Ok(Records::Not("a number"))
            }
            fn visit_f64<E>(self, _: f64) -> Result<Records<'a>, E> {
                Ok(Records::Not("a number"))
            }
        }
        d.deserialize_any(V(std::marker::PhantomData))
    }
}

/// [`SetError::TooLarge`] when `bytes` exceeds [`MAX_SET_BYTES`]: checked before reading (and, by the viewer,
/// before and while downloading).
pub fn check_size(bytes: u64) -> Result<(), SetError> {
    if bytes > MAX_SET_BYTES {
        Err(SetError::TooLarge(bytes))
    } else {
        Ok(())
    }
}

/// Reads an article set from the bytes of a file or HTTP body: they must be UTF-8 (a BOM is allowed).
pub fn load_article_set_bytes(bytes: &[u8]) -> Result<LoadedSet, SetError> {
    check_size(bytes.len() as u64)?;
    // The fast check first; std's, which says where the first bad byte is, only when it fails.
    let text = match simdutf8::basic::from_utf8(bytes) {
        Ok(text) => text,
        Err(_) => std::str::from_utf8(bytes).map_err(|e| SetError::NotUtf8(e.valid_up_to()))?,
    };
    load_article_set(text)
}

/// Reads an article set from JSON text (a leading UTF-8 BOM is allowed).
pub fn load_article_set(text: &str) -> Result<LoadedSet, SetError> {
    check_size(text.len() as u64)?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first = text.trim_start().chars().next();
    match first {
        None => return Err(SetError::Empty),
        Some('{') => {}
        Some('[') => return Err(SetError::NotAnObject("a list")),
        Some('"') => return Err(SetError::NotAnObject("a string")),
        Some('n') if text.trim() == "null" => return Err(SetError::NotAnObject("null")),
        Some('t' | 'f') if matches!(text.trim(), "true" | "false") => return Err(SetError::NotAnObject("a boolean")),
        Some(c) if c == '-' || c.is_ascii_digit() => {
            if serde_json::from_str::<serde_json::Number>(text).is_ok() {
                return Err(SetError::NotAnObject("a number"));
            }
        }
        Some(_) => {}
    }
    reserve_heap(text.len());
    let envelope: Envelope = serde_json::from_str(text).map_err(|e| match e.classify() {
        serde_json::error::Category::Data => SetError::Shape(e.to_string()),
        _ => SetError::Syntax(e.to_string()),
    })?;
    let version = envelope.version.ok_or(SetError::MissingVersion)?;
    if serde_json::from_str::<u64>(version.get()).ok() != Some(SCHEMA_VERSION) {
        return Err(SetError::UnsupportedVersion(version.get().to_owned()));
    }
    let records = match envelope.articles.ok_or(SetError::MissingArticles)? {
        Records::List(records) => records,
        Records::Not(what) => return Err(SetError::ArticlesNotAList(format!("it is {what}"))),
    };

    let mut set = LoadedSet {
        title: envelope.title.filter(|t| !t.trim().is_empty()),
        articles: Vec::with_capacity(records.len()),
        skipped: Vec::new(),
        warnings: Vec::new(),
    };
    let mut seen: HashSet<ArticleId> = HashSet::with_capacity(records.len());
    for (index, raw) in records.into_iter().enumerate() {
        match read_record(index, raw.get()) {
            Err(issue) => set.skipped.push(issue),
            Ok(mut article) => {
                if !seen.insert(article.id.clone()) {
                    set.skipped.push(RecordIssue {
                        index,
                        id: Some(article.id.to_string()),
                        field: "id".into(),
                        reason: "duplicate id: an earlier article has it (the first one is kept)".into(),
                    });
                    continue;
                }
                set.warnings.extend(sanitize(index, &mut article));
                set.articles.push(article);
            }
        }
    }
    Ok(set)
}

/// Makes room in the heap for about `bytes` of parsed articles at once. In wasm the allocator grows the linear
/// memory 64 KB at a time as the parse allocates, and every grow is slow in the browser's engine: reading the
/// 40 MB bench set took 1.3–2.0 s in node with ~650 small grows, 0.47–0.52 s after one (`cargo xtask bench
/// search` in Chromium: 527 → 351 ms), with the same memory after load and index (99.9 MB): the block is freed at
/// once and the parse allocates from it (the parsed articles take ~1.18× their JSON's bytes).
fn reserve_heap(bytes: usize) {
    if cfg!(target_arch = "wasm32") {
        drop(Vec::<u8>::with_capacity(bytes));
    }
}

fn read_record(index: usize, raw: &str) -> Result<Article, RecordIssue> {
    // serde would read a struct from a JSON list by position; a record must be an object.
    if !raw.starts_with('{') {
        let found = match raw.as_bytes().first() {
            Some(b'[') => "a list",
            Some(b'"') => "a string",
            Some(b'n') => "null",
            Some(b't' | b'f') => "a boolean",
            _ => "a number",
        };
        return Err(RecordIssue {
            index,
            id: None,
            field: String::new(),
            reason: format!("an article must be a JSON object, but this one is {found}"),
        });
    }
    serde_json::from_str::<Article>(raw).map_err(|e| {
        // Only for a record that failed: its fields read once more, raw, to name it and the field at fault.
        let fields = serde_json::from_str::<RawFields>(raw).map(|f| f.0).unwrap_or_default();
        RecordIssue {
            index,
            id: id_of(&fields),
            field: failing_field(&fields).unwrap_or_default(),
            reason: strip_position(&e.to_string()),
        }
    })
}

/// A record's fields in the order written, each kept as raw JSON.
struct RawFields<'a>(Fields<'a>);
type Fields<'a> = Vec<(std::borrow::Cow<'a, str>, &'a RawValue)>;

impl<'de: 'a, 'a> Deserialize<'de> for RawFields<'a> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = RawFields<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut fields = Vec::new();
                while let Some(entry) = map.next_entry()? {
                    fields.push(entry);
                }
                Ok(RawFields(fields))
            }
        }
        d.deserialize_map(V)
    }
}

/// Which field of a record that failed to read is at fault, as a path (`title`, `body[2]`): the first field, in
/// the order written, that does not read on its own as its type says. `None` when each does (a missing field,
/// say: the record as a whole is at fault). Only runs for a record that failed, so the good ones are read once,
/// with no bookkeeping of where the reader is.
fn failing_field(fields: &Fields) -> Option<String> {
    use serde_json::from_str;
    fn reads<'a, T: Deserialize<'a>>(v: &'a RawValue) -> bool {
        from_str::<T>(v.get()).is_ok()
    }
    /// A list: `name` when it is not one, `name[i]` for its first item that does not read as `T`.
    fn list<'a, T: Deserialize<'a>>(name: &str, v: &'a RawValue) -> Option<String> {
        match from_str::<Vec<&RawValue>>(v.get()) {
            Err(_) => Some(name.to_owned()),
            Ok(items) => items.iter().position(|item| !reads::<T>(item)).map(|i| format!("{name}[{i}]")),
        }
    }
    fields.iter().find_map(|(name, v)| {
        let ok = match &**name {
            "id" => reads::<ArticleId>(v),
            "title" => reads::<Title>(v),
            "published" => reads::<Option<Published>>(v),
            "views" => reads::<Option<Views>>(v),
            "tags" | "authors" => return list::<String>(name, v),
            "body" => return list::<Block>(name, v),
            "kicker" | "subtitle" | "source" | "category" | "editor" | "lang" | "summary" | "url" | "notice" => {
                reads::<Option<String>>(v)
            }
            _ => true,
        };
        (!ok).then(|| name.to_string())
    })
}

/// The id of a record that failed to read, when it has a usable one (for the report).
fn id_of(fields: &Fields) -> Option<String> {
    let (_, raw) = fields.iter().find(|(name, _)| name == "id")?;
    let id: String = serde_json::from_str(raw.get()).ok()?;
    match id.chars().count() <= ArticleId::MAX_LEN {
        true => Some(id),
        false => Some(format!("{}…", id.chars().take(32).collect::<String>())),
    }
}

/// serde_json appends "at line 1 column 57" relative to the record; the field path says more.
fn strip_position(msg: &str) -> String {
    match msg.rfind(" at line ") {
        Some(i) if msg[i..].contains(" column ") => msg[..i].to_owned(),
        _ => msg.to_owned(),
    }
}

/// Whether a link target is safe to render: `http:`/`https:` absolute URLs, or relative references.
/// Anything with another scheme (`javascript:`, `data:`, `vbscript:`, …) or with control characters is not.
pub fn is_safe_url(url: &str, allow_relative: bool) -> bool {
    let u = url.trim();
    if u.is_empty() || u.chars().any(|c| c.is_control() || c.is_whitespace()) {
        return false;
    }
    let lower = u.to_ascii_lowercase();
    if let Some(rest) = lower.strip_prefix("https://").or_else(|| lower.strip_prefix("http://")) {
        let host = rest.split(['/', '?', '#']).next().unwrap_or("");
        return !host.is_empty();
    }
    if !allow_relative || u.starts_with("//") || u.starts_with('\\') {
        return false;
    }
    // A relative reference has no scheme: no ':' before the first '/', '?' or '#'.
    let head = u.split(['/', '?', '#']).next().unwrap_or("");
    !head.contains(':')
}

/// Whether a `lang` value is shaped like a BCP 47 tag (letters, digits and hyphens; starts with a letter).
pub fn is_language_tag(tag: &str) -> bool {
    !tag.is_empty()
        && tag.len() <= 35
        && tag.split('-').all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
        && tag.starts_with(|c: char| c.is_ascii_alphabetic())
}

/// Drops values that must not be rendered and reports each; the record itself stays.
fn sanitize(index: usize, a: &mut Article) -> Vec<RecordIssue> {
    let mut out = Vec::new();
    let id = Some(a.id.to_string());
    let mut warn = |field: String, reason: String| out.push(RecordIssue { index, id: id.clone(), field, reason });
    if let Some(url) = &a.url {
        if !is_safe_url(url, false) {
            warn("url".into(), format!("link {} dropped: only http and https links are shown", shorten(url)));
            a.url = None;
        }
    }
    if let Some(lang) = &a.lang {
        if !is_language_tag(lang) {
            warn("lang".into(), format!("{} is not a language tag; ignored", shorten(lang)));
            a.lang = None;
        }
    }
    let mut kept = Vec::with_capacity(a.body.len());
    // The headings' anchors and the list items' so far (to keep each once; only for an article whose lists name
    // any: not work for every article of a set).
    let named = a.body.iter().any(|b| matches!(b, Block::List(l) if !l.anchors.is_empty()));
    let mut seen: Vec<String> = match named {
        true => a.heading_anchors().into_iter().map(|(_, anchor)| anchor).collect(),
        false => Vec::new(),
    };
    for (i, mut block) in std::mem::take(&mut a.body).into_iter().enumerate() {
        // Blank list items are left out (and blank table rows, but a header row, by `Block::table`).
        if let Block::List(l) = &mut block {
            let List { ordered, items, levels, sublists, anchors, .. } = &mut **l;
            // Anchors: one per item at most, each one a link can name, each once in the article.
            if !anchors.is_empty() {
                let mut dropped = anchors.len().saturating_sub(items.len());
                anchors.truncate(items.len());
                for anchor in anchors.iter_mut().filter(|a| !a.is_empty()) {
                    if is_anchor(anchor) && !seen.contains(anchor) {
                        seen.push(anchor.clone());
                    } else {
                        anchor.clear();
                        dropped += 1;
                    }
                }
                if dropped > 0 {
                    let why = "not letters, digits, _ and -, the name of another place, or one more than the items";
                    warn(format!("body[{i}].anchors"), format!("{dropped} dropped: {why}"));
                }
            }
            // (A blank item's level and anchor go with it; the items nested under it then hang on the one before.)
            if !levels.is_empty() && levels.len() == items.len() {
                let mut keep = items.iter().map(|item| !item.trim().is_empty());
                levels.retain(|_| keep.next().unwrap_or(false));
            }
            if !anchors.is_empty() {
                let mut keep = items.iter().map(|item| !item.trim().is_empty());
                anchors.retain(|_| keep.next().unwrap_or(false));
                if anchors.iter().all(String::is_empty) {
                    anchors.clear();
                }
            }
            items.retain(|item| !item.trim().is_empty());
            let (nested, problem) = Block::nest(std::mem::take(levels), items.len());
            *levels = nested;
            if let Some(problem) = problem {
                warn(format!("body[{i}].levels"), problem);
            }
            let (fitted, problem) = Block::fit_sublists(*ordered, levels, std::mem::take(sublists));
            *sublists = fitted;
            if let Some(problem) = problem {
                warn(format!("body[{i}].sublists"), problem);
            }
        }
        // A link is kept where the viewer can show it (see `Link::keep_shown`); otherwise its words are shown
        // unlinked.
        // (As read, its links come first, then its styled words: `styles`.)
        if let Some((texts, links)) = block.linked_texts_mut() {
            // (Read from `links`, an entry has no style, even one without an address; from `styles`, one has.)
            let given = links.iter().filter(|l| l.style.is_empty()).count();
            Link::keep_shown(texts, links, |j, l, a| match l.style.is_empty() {
                true => warn(format!("body[{i}].links[{j}]"), link_issue(l, a)),
                false => warn(format!("body[{i}].styles[{}]", j - given), link_issue(l, a)),
            });
        }
        match &block {
            Block::List(l) if l.items.is_empty() => {
                warn(format!("body[{i}].items"), "list has no items; skipped".into());
            }
            Block::Table(t) if t.cells.iter().all(|c| c.trim().is_empty()) => {
                warn(format!("body[{i}].rows"), "table has no text in its cells; skipped".into());
            }
            Block::Unknown { kind } => {
                warn(
                    format!("body[{i}]"),
                    format!("block type {} is not known to this viewer; skipped", shorten(kind)),
                );
            }
            Block::Image(img) if !is_safe_url(&img.src, true) => {
                warn(
                    format!("body[{i}].src"),
                    format!("image {} dropped: only relative, http and https images are shown", shorten(&img.src)),
                );
            }
            _ => kept.push(block),
        }
    }
    a.body = kept;
    // A link to a place in the article that is not there: its words shown unlinked.
    if a.body.iter().flat_map(Block::links).any(|l| l.href.starts_with('#')) {
        let places = super::article::anchors(&a.body);
        for (i, b) in a.body.iter_mut().enumerate() {
            if let Some(links) = b.links_mut() {
                for (j, l) in links.iter_mut().enumerate() {
                    if l.href.strip_prefix('#').is_some_and(|at| !places.iter().any(|p| p == at)) {
                        let field = if l.style.is_empty() { "links" } else { "styles" };
                        warn(
                            format!("body[{i}].{field}[{j}]"),
                            format!("link {} dropped: no such place in the article", shorten(&l.href)),
                        );
                        l.href.clear();
                    }
                }
                links.retain(|l| l.is_link() || !l.style.is_empty());
            }
        }
    }
    out
}

/// Why a link is not shown: its address (`address`), or its words not found; or styled words not found.
fn link_issue(link: &Link, address: bool) -> String {
    if address {
        format!("link {} dropped: only http and https links are shown", shorten(&link.href))
    } else if link.is_link() {
        format!("{} is not in the text (after the link before it); shown unlinked", shorten(&link.text))
    } else {
        format!("{} is not in the text (after the styled words before it); shown unstyled", shorten(&link.text))
    }
}

fn shorten(s: &str) -> String {
    if s.chars().count() > 60 {
        format!("{:?}…", s.chars().take(60).collect::<String>())
    } else {
        format!("{s:?}")
    }
}

/// `address`, relative to a file at `base` (a URL, absolute or relative to the page), as an address relative to
/// the page — `None` when it is the same: an absolute address (see [`is_safe_url`]), or a base in the page's
/// own folder. (`img/a.png` with base `https://cdn.example.org/news/articles.json` is
/// `https://cdn.example.org/news/img/a.png`; `/a.png` there is `https://cdn.example.org/a.png`.)
pub fn resolve_against(address: &str, base: &str) -> Option<String> {
    // (Only a relative address: an absolute one, or one the loader would not have kept, is where it says.)
    if !is_safe_url(address, true) || is_safe_url(address, false) {
        return None;
    }
    let base = base.split(['?', '#']).next().unwrap_or_default();
    // The base's origin (`https://host:port`), when it is an absolute address.
    let origin = is_safe_url(base, false)
        .then(|| base.find("://").map(|i| base[i + 3..].find('/').map_or(base, |j| &base[..i + 3 + j])))
        .flatten();
    match address.strip_prefix('/') {
        Some(_) => origin.map(|o| format!("{o}{address}")),
        None => match (&base[..base.rfind('/').map_or(0, |i| i + 1)], origin) {
            ("", _) => None,
            // (An origin without a path: its root.)
            (folder, Some(o)) if folder.len() <= o.len() => Some(format!("{o}/{address}")),
            (folder, _) => Some(format!("{folder}{address}")),
        },
    }
}
