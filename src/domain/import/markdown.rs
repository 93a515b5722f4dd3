//! Markdown with YAML (`---`) or TOML (`+++`) front matter, parsed by pulldown-cmark.
//!
//! Front matter keys: `id` (or `slug`), `title`, `kicker`, `subtitle`, `date` (or `published`), `views`,
//! `source`, `category` (or the first of `categories`, the others tags), `tags`, `authors` (or `author`), `editor`,
//! `lang`, `summary` (or `description`), `url`, `notice`; a draft (`draft: true`, `published: false`) is not
//! imported. Without a `title`, the first level-1 heading is the title. Raw HTML in the Markdown is dropped, but
//! for inline tags that style words (`<sup>`, `<sub>`, `<kbd>`, `<b>`…: read as the same words in Markdown are)
//! and `<br>` (a line break). Site generators' ways are read too: Jekyll's dates and space-separated categories,
//! a theme's picture (`image`, `cover`…), Hugo's `figure` shortcode; their other template tags are dropped.

use super::html::collapse;
use super::html::{pin, styled_runs};
use super::{make_id, Draft};
use crate::domain::article::Style;
use crate::domain::{Block, Link};
use pulldown_cmark::{BlockQuoteKind, CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use serde_json::Value;
use std::ops::Range;

/// Reads one Markdown file; `stem` is its file name without extension (the default id); `offset`, the time zone
/// of a date written without one (`None`: by the front matter's `lang`, [`super::zone_of`]). Returns the draft and
/// warnings (a date that is none, template tags dropped).
pub fn parse_markdown(text: &str, stem: &str, offset: Option<time::UtcOffset>) -> Result<(Draft, Vec<String>), String> {
    let mut warnings = Vec::new();
    let (front, body) = split_front_matter(text)?;
    let mut d = Draft::default();
    let get = |keys: &[&str]| keys.iter().find_map(|k| front.get(*k)).cloned();
    let text_of = |v: Option<Value>| match v {
        Some(Value::String(s)) => Some(s.trim().to_owned()).filter(|s| !s.is_empty()),
        Some(Value::Number(n)) => Some(n.to_string()),
        _ => None,
    };
    let list_of = |v: Option<Value>| -> Vec<String> {
        match v {
            Some(Value::Array(items)) => items.into_iter().filter_map(|i| text_of(Some(i))).collect(),
            Some(Value::String(s)) => {
                s.split([',', '、']).map(|x| x.trim().to_owned()).filter(|x| !x.is_empty()).collect()
            }
            _ => Vec::new(),
        }
    };
    // (Jekyll's `categories: markets zinc` and `tags: copper zinc`: a string of words is a list of them.)
    let words_of = |v: Option<Value>| match v {
        Some(Value::String(s)) if !s.contains([',', '、']) => s.split_whitespace().map(str::to_owned).collect(),
        v => list_of(v),
    };
    // A draft (Hugo's, Hexo's, Zola's `draft: true`; Jekyll's `published: false`) is not published by the site's
    // own generator either.
    if get(&["draft"]) == Some(Value::Bool(true)) || get(&["published"]) == Some(Value::Bool(false)) {
        return Err("a draft (its front matter says draft: true or published: false): not imported".into());
    }
    let id_source = text_of(get(&["id", "slug"])).unwrap_or_else(|| stem.to_owned());
    d.id = make_id(&id_source, stem);
    d.title = text_of(get(&["title"])).unwrap_or_default();
    d.kicker = text_of(get(&["kicker"]));
    d.subtitle = text_of(get(&["subtitle"]));
    d.lang = text_of(get(&["lang", "language"]));
    let offset = offset.unwrap_or_else(|| super::zone_of(d.lang.as_deref()));
    d.published = text_of(get(&["published", "date"])).and_then(|written| {
        let read = written_date(&written, offset);
        if read.is_none() {
            warnings.push(format!("date {written:?} is not a date: left out"));
        }
        read
    });
    d.views = match get(&["views"]) {
        Some(Value::Number(n)) => n.as_u64(),
        Some(Value::String(s)) => s.trim().parse().ok(),
        _ => None,
    };
    d.source = text_of(get(&["source"]));
    d.category = text_of(get(&["category"]));
    d.tags = words_of(get(&["tags"]));
    // A list of categories (Jekyll's, Hugo's, Hexo's): the first is the category, the others tags, as a feed's.
    // (With a `category` of its own, they are all tags.)
    let mut categories = words_of(get(&["categories"]));
    if d.category.is_none() && !categories.is_empty() {
        d.category = Some(categories.remove(0));
    }
    categories.retain(|c| !d.tags.contains(c) && d.category.as_ref() != Some(c));
    d.tags.extend(categories);
    d.authors = list_of(get(&["authors", "author"]));
    d.editor = text_of(get(&["editor"]));
    d.summary = text_of(get(&["summary", "description"]));
    d.url = text_of(get(&["url", "link"]));
    d.notice = text_of(get(&["notice", "copyright"]));

    // The article's picture, as site generators' themes name it (`image`, `cover`, `featured_image`…, also among
    // Hugo's `params`): it leads an article with no image of its own, as a page's og:image does.
    let params = match front.get("params") {
        Some(Value::Object(p)) => Some(p),
        _ => None,
    };
    let picture_keys = ["image", "cover", "featured_image", "featuredImage", "thumbnail", "banner"];
    let picture = picture_keys.iter().find_map(|k| front.get(*k).or_else(|| params?.get(*k))).and_then(|v| match v {
        Value::String(s) => Some(s.trim().to_owned()),
        Value::Object(m) => {
            ["image", "src", "url"].iter().find_map(|k| m.get(*k)?.as_str()).map(|s| s.trim().to_owned())
        }
        _ => None,
    });
    let (mut blocks, h1, dropped) = markdown_to_blocks(body);
    let templates = site_templates(&mut blocks);
    if templates > 0 {
        warnings.push(format!(
            "{templates} template tag(s) of a site generator dropped ({{{{< … >}}}}, {{% … %}}: the site's, not the \
             article's text; a Hugo figure is kept as its image)"
        ));
    }
    if let Some(src) = picture.filter(|s| !s.is_empty() && crate::domain::load::is_safe_url(s, true)) {
        if !blocks.iter().any(|b| matches!(b, Block::Image(_))) {
            blocks.insert(0, Block::image(src, String::new(), None));
        }
    }
    // A relative link is to a page beside the article's original (its `url`), when it has one; images stay as
    // written (relative: next to the viewer).
    super::resolve_links(&mut blocks, d.url.as_deref().and_then(super::web_base).as_ref());
    d.body = blocks;
    d.dropped = dropped;
    if d.title.is_empty() {
        if let Some(h1) = h1 {
            d.title = h1;
            // The heading became the title: do not show it twice.
            if let Some(pos) = d.body.iter().position(|b| matches!(b, Block::Heading { text, .. } if *text == d.title))
            {
                d.body.remove(pos);
            }
        }
    }
    Ok((d, warnings))
}

/// A date as site generators' front matter writes it, as the schema takes it: RFC 3339 or YYYY-MM-DD as they
/// are; Jekyll's `2026-11-21 10:00:00 +0000` (its offset kept); a date-time without one (`2026-11-21 10:00`, `2026年
/// 11月21日 10:00`) in `offset`.
fn written_date(text: &str, offset: time::UtcOffset) -> Option<String> {
    let text = text.trim();
    if crate::domain::article::Published::parse(text).is_ok() {
        return Some(text.to_owned());
    }
    let with_offset = ["%Y-%m-%d %H:%M:%S %z", "%Y-%m-%d %H:%M %z", "%Y-%m-%d %H:%M:%S%.f %z", "%Y-%m-%dT%H:%M:%S%z"];
    if let Some(d) = with_offset.iter().find_map(|f| chrono::DateTime::parse_from_str(text, f).ok()) {
        return Some(d.to_rfc3339());
    }
    super::scraped::parse_date(text, offset).map(|(d, _)| d)
}

/// Takes out of `blocks` the paragraphs that are a site generator's template tags — Hugo's shortcodes
/// (`{{< youtube id >}}`, `{{% notice %}}`), Liquid's tags (`{% include … %}`, `{{ page.title }}`) —: the site's
/// machinery, not the article's words. A Hugo `figure` is its image (`src`, `alt`, `caption` or `title`).
/// Returns how many were taken out.
fn site_templates(blocks: &mut Vec<Block>) -> usize {
    let mut dropped = 0;
    let mut out = Vec::with_capacity(blocks.len());
    for block in blocks.drain(..) {
        let Block::Paragraph { text, .. } = &block else {
            out.push(block);
            continue;
        };
        let t = text.trim();
        let inner = [("{{<", ">}}"), ("{{%", "%}}"), ("{%", "%}"), ("{{", "}}")]
            .iter()
            .find_map(|(open, close)| t.strip_prefix(open)?.strip_suffix(close))
            .filter(|inner| !inner.contains("}}") && !inner.contains("{{"));
        let Some(inner) = inner else {
            out.push(block);
            continue;
        };
        let inner = inner.trim().trim_start_matches('-').trim_end_matches('-').trim();
        let (name, params) = inner.split_once(char::is_whitespace).unwrap_or((inner, ""));
        let params = shortcode_params(params);
        let param = |k: &str| params.iter().find(|(key, _)| key == k).map(|(_, v)| v.clone());
        match (name, param("src")) {
            ("figure", Some(src)) if crate::domain::load::is_safe_url(&src, true) => {
                let caption = param("caption").or_else(|| param("title")).filter(|c| !c.is_empty());
                out.push(Block::image(src, param("alt").unwrap_or_default(), caption));
            }
            _ => dropped += 1,
        }
    }
    *blocks = out;
    dropped
}

/// A shortcode's named parameters: `src="/a.jpg" caption='A b' width=300`.
fn shortcode_params(text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = text.trim();
    while let Some((key, after)) = rest.split_once('=') {
        let key = key.trim().to_owned();
        let after = after.trim_start();
        let (value, next) = match after.chars().next() {
            Some(q @ ('"' | '\'' | '`')) => match after[1..].find(q) {
                Some(end) => (&after[1..1 + end], &after[end + 2..]),
                None => (&after[1..], ""),
            },
            _ => after.split_once(char::is_whitespace).unwrap_or((after, "")),
        };
        out.push((key, value.to_owned()));
        rest = next.trim_start();
    }
    out
}

/// Splits off the front matter and reads it as a flat map of keys.
fn split_front_matter(text: &str) -> Result<(serde_json::Map<String, Value>, &str), String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    for (fence, is_yaml) in [("---", true), ("+++", false)] {
        let Some(after) = text.strip_prefix(fence).and_then(|r| r.strip_prefix('\n').or(r.strip_prefix("\r\n"))) else {
            continue;
        };
        let close = format!("\n{fence}");
        let end = after.find(&close).ok_or_else(|| format!("front matter opened with {fence} is never closed"))?;
        let matter = &after[..end];
        let body = after[end + close.len()..].trim_start_matches(['\r', '\n']);
        let map = if is_yaml {
            if matter.trim().is_empty() {
                serde_json::Map::new()
            } else {
                match serde_norway::from_str::<Value>(matter).map_err(|e| format!("YAML front matter: {e}"))? {
                    Value::Object(m) => m,
                    Value::Null => serde_json::Map::new(),
                    _ => return Err("YAML front matter must be a map of keys".into()),
                }
            }
        } else {
            let table: toml::Table = toml::from_str(matter).map_err(|e| format!("TOML front matter: {e}"))?;
            table.into_iter().map(|(k, v)| (k, toml_to_json(v))).collect()
        };
        return Ok((map, body));
    }
    Ok((serde_json::Map::new(), text))
}

fn toml_to_json(v: toml::Value) -> Value {
    match v {
        toml::Value::String(s) => Value::String(s),
        toml::Value::Integer(i) => Value::from(i),
        toml::Value::Float(f) => Value::from(f),
        toml::Value::Boolean(b) => Value::Bool(b),
        toml::Value::Datetime(d) => Value::String(d.to_string()),
        toml::Value::Array(a) => Value::Array(a.into_iter().map(toml_to_json).collect()),
        toml::Value::Table(t) => Value::Object(t.into_iter().map(|(k, v)| (k, toml_to_json(v))).collect()),
    }
}

/// Body blocks, the first level-1 heading, and how many raw-HTML pieces were dropped.
///
/// Lists become list blocks, their nested lists' items following the item they are in, one level deeper (each
/// nested list numbered or bulleted as written; the outermost one's first number kept); a task list's boxes
/// become ☑ / ☐; fenced and indented code becomes a code block, its spaces and line breaks kept (code inside a
/// list item is part of the item's text); a table becomes a table block, its first row the header (an image in a
/// cell gives the cell its alt text); a footnote's mark becomes its number, raised, and its text an item of the
/// numbered list of notes at the end, after a break; a GitHub alert (`> [!NOTE]`) a quote opened by its word, in bold; a
/// definition list's terms paragraphs in bold, each followed by its definitions.
fn markdown_to_blocks(md: &str) -> (Vec<Block>, Option<String>, usize) {
    let mut blocks = Vec::new();
    let mut first_h1 = None;
    let mut dropped = 0;
    let mut buf = String::new();
    let mut quote_depth = 0usize;
    let mut heading: Option<HeadingLevel> = None;
    let mut image: Option<(String, String)> = None;
    // The list being read and whether each list it is in is numbered (the outermost first: as deep in lists as
    // the text is).
    let mut list: Option<ListDraft> = None;
    let mut kinds: Vec<bool> = Vec::new();
    // The code block being read, as written, and the language its fence names.
    let mut code: Option<String> = None;
    let mut code_language: Option<String> = None;
    // The table being read, row by row.
    let mut table: Option<Vec<Vec<String>>> = None;
    // The links and styled words of the text being read, and the link being read (where its words start in
    // `buf`, where to).
    let mut marks = Marks::default();
    let mut link: Option<(usize, String)> = None;
    // Footnotes: the labels referred to, numbered in the order of their first reference; each definition read
    // (its label, text and links), and where the blocks of the one being read start.
    let mut referred: Vec<String> = Vec::new();
    let mut notes: Vec<(String, String, Vec<Link>)> = Vec::new();
    let mut note: Option<(String, usize)> = None;
    let flush = |buf: &mut String, blocks: &mut Vec<Block>, quote: bool, marks: &mut Marks| {
        marks.end_text(buf);
        let text = collapse(buf);
        buf.clear();
        let links = std::mem::take(&mut marks.links);
        if !text.is_empty() {
            blocks.push(if quote { Block::Quote { text, links } } else { Block::Paragraph { text, links } });
        }
    };
    // The item text read so far, as one of the list's items, in the lists `kinds` says.
    let end_item = |buf: &mut String, list: &mut Option<ListDraft>, kinds: &[bool], marks: &mut Marks| {
        marks.end_text(buf);
        let text = collapse(buf);
        buf.clear();
        if let (false, Some(l)) = (text.is_empty(), list) {
            l.items.push(text);
            l.levels.push(kinds.len().saturating_sub(1).min(255) as u8);
            l.kinds.push(kinds.last().copied().unwrap_or(l.kind.0));
        }
    };
    let end_list = |list: &mut Option<ListDraft>, blocks: &mut Vec<Block>, marks: &mut Marks| {
        let links = std::mem::take(&mut marks.links);
        if let Some(l) = list.take() {
            if !l.items.is_empty() {
                blocks.push(Block::nested_list(l.kind, l.items, l.levels, &l.kinds, links));
            }
        }
    };
    for event in Parser::new_ext(
        md,
        Options::ENABLE_TABLES
            | Options::ENABLE_STRIKETHROUGH
            | Options::ENABLE_TASKLISTS
            | Options::ENABLE_FOOTNOTES
            | Options::ENABLE_GFM
            | Options::ENABLE_DEFINITION_LIST,
    ) {
        match event {
            // (A numbered list's first number is kept for the outermost list only.)
            Event::Start(Tag::List(first)) => {
                if kinds.is_empty() {
                    flush(&mut buf, &mut blocks, quote_depth > 0, &mut marks);
                    let start = first.map_or(1, |n| n.min(u32::MAX.into()) as u32);
                    list = Some(ListDraft { kind: (first.is_some(), start), ..ListDraft::default() });
                } else {
                    end_item(&mut buf, &mut list, &kinds, &mut marks);
                }
                kinds.push(first.is_some());
            }
            Event::End(TagEnd::List(_)) => {
                kinds.pop();
                if kinds.is_empty() {
                    end_list(&mut list, &mut blocks, &mut marks);
                }
            }
            Event::End(TagEnd::Item) => end_item(&mut buf, &mut list, &kinds, &mut marks),
            // A footnote's mark: its number, raised.
            Event::FootnoteReference(label) if image.is_none() => {
                let n = match referred.iter().position(|l| *l == *label) {
                    Some(i) => i + 1,
                    None => {
                        referred.push(label.to_string());
                        referred.len()
                    }
                };
                let at = buf.len();
                buf.push_str(&n.to_string());
                marks.styles.push((at..buf.len(), Style::SUP));
                // (A link to its note: to none, below, when it has none.)
                super::html::push_link(&mut marks.text, &buf, at, &format!("#fn-{n}"));
            }
            // A footnote's text is taken out of the body, to the notes at its end.
            Event::Start(Tag::FootnoteDefinition(label)) => {
                flush(&mut buf, &mut blocks, quote_depth > 0, &mut marks);
                note = Some((label.to_string(), blocks.len()));
            }
            Event::End(TagEnd::FootnoteDefinition) => {
                flush(&mut buf, &mut blocks, quote_depth > 0, &mut marks);
                if let Some((label, from)) = note.take() {
                    let (text, links) = footnote(&mut blocks, from);
                    notes.push((label, text, links));
                }
            }
            // A task list's box, as the character that shows it.
            Event::TaskListMarker(ticked) => buf.push_str(super::html::task_box(ticked)),
            Event::Start(Tag::CodeBlock(kind)) if kinds.is_empty() => {
                flush(&mut buf, &mut blocks, quote_depth > 0, &mut marks);
                code = Some(String::new());
                // A fence's info string starts with the language (```rust,ignore).
                code_language = match kind {
                    CodeBlockKind::Fenced(info) => info.split([' ', ',', '{']).next().map(str::to_owned),
                    CodeBlockKind::Indented => None,
                };
            }
            Event::End(TagEnd::CodeBlock) if kinds.is_empty() => {
                if let Some(text) = code.take() {
                    blocks.extend(super::html::code_block(&text, code_language.take().as_deref()));
                }
            }
            Event::Start(Tag::Heading { level, .. }) => {
                flush(&mut buf, &mut blocks, quote_depth > 0, &mut marks);
                heading = Some(level);
            }
            Event::End(TagEnd::Heading(_)) => {
                marks.end_text(&buf);
                let text = collapse(&buf);
                buf.clear();
                let links = std::mem::take(&mut marks.links);
                if !text.is_empty() {
                    if heading == Some(HeadingLevel::H1) && first_h1.is_none() {
                        first_h1 = Some(text.clone());
                    }
                    blocks.push(Block::Heading { text, level: heading.map_or(2, |l| l as u8), links });
                }
                heading = None;
            }
            Event::Start(Tag::BlockQuote(alert)) if kinds.is_empty() => {
                flush(&mut buf, &mut blocks, quote_depth > 0, &mut marks);
                quote_depth += 1;
                // GitHub's alerts (`> [!NOTE]`): a quote opened by its kind's word, in bold, as GitHub shows it.
                if let Some(alert) = alert {
                    let word = match alert {
                        BlockQuoteKind::Note => "Note",
                        BlockQuoteKind::Tip => "Tip",
                        BlockQuoteKind::Important => "Important",
                        BlockQuoteKind::Warning => "Warning",
                        BlockQuoteKind::Caution => "Caution",
                    };
                    buf.push_str(word);
                    marks.styles.push((0..word.len(), Style::STRONG));
                    buf.push('\n');
                }
            }
            Event::End(TagEnd::BlockQuote(_)) if kinds.is_empty() => {
                flush(&mut buf, &mut blocks, true, &mut marks);
                quote_depth = quote_depth.saturating_sub(1);
            }
            Event::Start(Tag::Table(_)) => {
                flush(&mut buf, &mut blocks, quote_depth > 0, &mut marks);
                table = Some(Vec::new());
            }
            Event::Start(Tag::TableHead | Tag::TableRow) => {
                if let Some(rows) = &mut table {
                    rows.push(Vec::new());
                }
            }
            Event::End(TagEnd::TableCell) => {
                marks.end_text(&buf);
                let cell = collapse(&buf);
                buf.clear();
                if let Some(row) = table.as_mut().and_then(|rows| rows.last_mut()) {
                    row.push(cell);
                }
            }
            Event::End(TagEnd::Table) => {
                match table.take() {
                    Some(rows) if Block::table_fits(&rows) => {
                        blocks.push(Block::table(rows, true, None).with_links(std::mem::take(&mut marks.links)))
                    }
                    // (Not in proportion: its rows as paragraphs, cells separated by `|`.)
                    Some(rows) => {
                        marks.links.clear();
                        blocks
                            .extend(rows.iter().map(|r| r.join(" | ")).filter(|t| !t.is_empty()).map(Block::paragraph))
                    }
                    None => {}
                }
            }
            // A link in a paragraph, a heading, a quote, a list or a table (not in an image's alt text).
            Event::Start(Tag::Link { dest_url, .. }) if image.is_none() => {
                link = Some((buf.len(), dest_url.to_string()));
            }
            Event::End(TagEnd::Link) => {
                if let Some((at, href)) = link.take() {
                    super::html::push_link(&mut marks.text, &buf, at, &href);
                }
            }
            Event::Start(Tag::Image { .. }) if table.is_some() => {}
            Event::End(TagEnd::Image) if table.is_some() => {}
            Event::Start(Tag::Image { dest_url, .. }) => {
                // An image in a list ends the list there; the items after it make a list of their own.
                if !kinds.is_empty() {
                    end_item(&mut buf, &mut list, &kinds, &mut marks);
                    // (Numbered on from the items before it.)
                    let kind = list.as_ref().map_or((false, 1), |l| match l.kind {
                        (true, start) => (true, start.saturating_add(l.numbered_before())),
                        other => other,
                    });
                    end_list(&mut list, &mut blocks, &mut marks);
                    list = Some(ListDraft { kind, ..ListDraft::default() });
                } else {
                    flush(&mut buf, &mut blocks, quote_depth > 0, &mut marks);
                }
                image = Some((dest_url.to_string(), String::new()));
            }
            Event::End(TagEnd::Image) => {
                if let Some((src, alt)) = image.take() {
                    if crate::domain::load::is_safe_url(&src, true) {
                        blocks.push(Block::image(src, collapse(&alt), None));
                    } else {
                        dropped += 1;
                    }
                }
            }
            // Bold, italic, struck through: where they start and end in the text (not in an image's alt text).
            Event::Start(Tag::Strong | Tag::Emphasis | Tag::Strikethrough) if image.is_none() => {
                marks.open.push(buf.len());
            }
            Event::End(end @ (TagEnd::Strong | TagEnd::Emphasis | TagEnd::Strikethrough)) if image.is_none() => {
                let style = match end {
                    TagEnd::Strong => Style::STRONG,
                    TagEnd::Emphasis => Style::EM,
                    _ => Style::DEL,
                };
                if let Some(at) = marks.open.pop() {
                    marks.styles.push((at.min(buf.len())..buf.len(), style));
                }
            }
            Event::Code(t) if image.is_none() && code.is_none() => {
                let at = buf.len();
                buf.push_str(&t);
                marks.styles.push((at..buf.len(), Style::CODE));
            }
            Event::Text(t) | Event::Code(t) => match (&mut image, &mut code) {
                (Some((_, alt)), _) => alt.push_str(&t),
                (None, Some(code)) => code.push_str(&t),
                (None, None) => buf.push_str(&t),
            },
            Event::SoftBreak => buf.push('\n'),
            Event::HardBreak if !kinds.is_empty() => buf.push('\n'),
            Event::HardBreak => flush(&mut buf, &mut blocks, quote_depth > 0, &mut marks),
            // Inline HTML that styles words (`10<sup>6</sup>`, `H<sub>2</sub>O`, `<kbd>Ctrl</kbd>`) is read as
            // the same words in Markdown are; a `<br>` as a hard line break. Other HTML is dropped (below).
            Event::InlineHtml(tag) if image.is_none() => match inline_tag(&tag) {
                // (In a list item, a table's cell or a heading: a line break in it, read as a space.)
                Some(("br", _)) if !kinds.is_empty() || table.is_some() || heading.is_some() => buf.push('\n'),
                Some(("br", _)) => flush(&mut buf, &mut blocks, quote_depth > 0, &mut marks),
                Some((name, false)) => marks.tags.push((name, buf.len())),
                Some((name, true)) => {
                    let open = marks.tags.iter().rposition(|(n, _)| *n == name);
                    if let (Some(k), Some(style)) = (open, super::html::style_of(name)) {
                        let (_, at) = marks.tags.remove(k);
                        marks.styles.push((at.min(buf.len())..buf.len(), style));
                    }
                }
                None => dropped += usize::from(!tag.trim_start().starts_with("<!--")),
            },
            // A paragraph in a list item (a loose list) goes on in the item.
            Event::End(TagEnd::Paragraph | TagEnd::CodeBlock) if !kinds.is_empty() => buf.push(' '),
            Event::End(TagEnd::Paragraph) => flush(&mut buf, &mut blocks, quote_depth > 0, &mut marks),
            // A thematic break (`---`, `***`): a break between sections.
            Event::Rule if kinds.is_empty() => {
                flush(&mut buf, &mut blocks, quote_depth > 0, &mut marks);
                blocks.push(Block::Break);
            }
            // A definition list: each term a paragraph in bold, each definition a paragraph after it.
            Event::Start(Tag::DefinitionListTitle | Tag::DefinitionListDefinition) => {
                flush(&mut buf, &mut blocks, quote_depth > 0, &mut marks)
            }
            Event::End(TagEnd::DefinitionListTitle) => {
                marks.styles.push((0..buf.len(), Style::STRONG));
                flush(&mut buf, &mut blocks, quote_depth > 0, &mut marks);
            }
            Event::End(TagEnd::DefinitionListDefinition) => flush(&mut buf, &mut blocks, quote_depth > 0, &mut marks),
            // (A comment is no content lost: `<!--more-->`, a site generator's summary divider.)
            Event::Html(h) | Event::InlineHtml(h) => dropped += usize::from(!h.trim_start().starts_with("<!--")),
            _ => {}
        }
    }
    end_item(&mut buf, &mut list, &kinds, &mut marks);
    end_list(&mut list, &mut blocks, &mut marks);
    flush(&mut buf, &mut blocks, quote_depth > 0, &mut marks);
    // The notes, numbered as their marks are (those never referred to after them), as a numbered list at the end.
    // Each note referred to is the place its marks link to: its anchor `fn-` and its number.
    notes.sort_by_key(|(label, ..)| referred.iter().position(|l| l == label).unwrap_or(usize::MAX));
    let (mut items, mut links, mut anchors) = (Vec::new(), Vec::new(), Vec::new());
    for (label, text, mut l) in notes.into_iter().filter(|(_, text, _)| !text.is_empty()) {
        items.push(text);
        links.append(&mut l);
        anchors.push(referred.iter().position(|r| *r == label).map_or(String::new(), |n| format!("fn-{}", n + 1)));
    }
    if anchors.iter().all(String::is_empty) {
        anchors.clear();
    }
    // A mark whose note is not there links nowhere (it stays a raised number).
    for links in blocks.iter_mut().filter_map(Block::links_mut) {
        links.retain(|l| !l.href.starts_with("#fn-") || anchors.iter().any(|a| l.href[1..] == *a));
    }
    if !items.is_empty() {
        // (Set apart from the text by a break, as footnotes are on a page.)
        blocks.push(Block::Break);
        let mut list = Block::nested_list((true, 1), items, Vec::new(), &[], links);
        if let Block::List(l) = &mut list {
            l.anchors = anchors;
        }
        blocks.push(list);
    }
    (blocks, first_h1, dropped)
}

/// An inline HTML tag that styles words or breaks a line, as (its name in lower case, whether it closes one):
/// `<sup>` → `("sup", false)`, `</B>` → `("b", true)`, `<br/>` → `("br", false)`; `None` for any other HTML.
fn inline_tag(html: &str) -> Option<(&'static str, bool)> {
    let inner = html.trim().strip_prefix('<')?.strip_suffix('>')?;
    let (closing, inner) = match inner.strip_prefix('/') {
        Some(rest) => (true, rest),
        None => (false, inner),
    };
    let name = inner.trim_end_matches('/').split_ascii_whitespace().next().unwrap_or_default();
    const TAGS: [&str; 14] =
        ["br", "sup", "sub", "b", "strong", "i", "em", "code", "kbd", "samp", "tt", "del", "s", "strike"];
    let name = TAGS.into_iter().find(|t| t.eq_ignore_ascii_case(name))?;
    (name != "br" || !closing).then_some((name, closing))
}

/// The text of a footnote read into `blocks` from `from` on, as one text with its links: its paragraphs' (and
/// quotes', headings', lists' items') texts joined, taken out of `blocks`; what else it holds (code, an image, a
/// table) stays there.
fn footnote(blocks: &mut Vec<Block>, from: usize) -> (String, Vec<Link>) {
    let (mut text, mut links) = (String::new(), Vec::new());
    let mut rest = Vec::new();
    for block in blocks.drain(from.min(blocks.len())..) {
        match block {
            Block::Paragraph { text: t, links: mut l }
            | Block::Quote { text: t, links: mut l }
            | Block::Heading { text: t, links: mut l, .. } => {
                push_joined(&mut text, &t);
                links.append(&mut l);
            }
            Block::List(mut l) => {
                l.items.iter().for_each(|t| push_joined(&mut text, t));
                links.append(&mut l.links);
            }
            other => rest.push(other),
        }
    }
    blocks.append(&mut rest);
    (text, links)
}

fn push_joined(text: &mut String, part: &str) {
    if !text.is_empty() {
        text.push(' ');
    }
    text.push_str(part);
}

/// A list being read: the outermost list's kind (numbered, from what) and its items, how deep each is nested and
/// whether each is in a numbered list.
#[derive(Default)]
struct ListDraft {
    kind: (bool, u32),
    items: Vec<String>,
    levels: Vec<u8>,
    kinds: Vec<bool>,
}

impl ListDraft {
    /// How many items of the outermost list it has.
    fn numbered_before(&self) -> u32 {
        self.levels.iter().filter(|&&l| l == 0).count() as u32
    }
}

/// The links and styled words of the text being read (a paragraph, a heading, an item, a cell).
#[derive(Default)]
struct Marks {
    /// The links and styled words of each text ended (a list's items, a table's cells).
    links: Vec<Link>,
    /// The links of the text being read, with where their words start in it.
    text: Vec<(Link, usize)>,
    /// Where in the text its styled words are (see [`styled_runs`]).
    styles: Vec<(Range<usize>, Style)>,
    /// Where each style being read started.
    open: Vec<usize>,
    /// The inline HTML styling elements open (`<sup>`…), each with where its words start.
    tags: Vec<(&'static str, usize)>,
}

impl Marks {
    /// The text `buf` ends: its styled words into `links`. (A style still open goes on from the next text's start.)
    fn end_text(&mut self, buf: &str) {
        let mut marks = std::mem::take(&mut self.text);
        marks.extend(styled_runs(buf, &std::mem::take(&mut self.styles)));
        self.links.extend(pin(buf, marks));
        self.open.iter_mut().for_each(|at| *at = 0);
        self.tags.iter_mut().for_each(|(_, at)| *at = 0);
    }
}
