//! RSS 2.0, Atom and JSON Feed, parsed by feed-rs: one article per item.

use super::html::{collapse, html_to_blocks, html_to_text};
use super::{make_id, Draft};
use crate::domain::Block;
use chrono::{DateTime, Utc};

/// The link to the page itself (`rel="alternate"`, or no rel) among `links`.
fn alternate(links: &[feed_rs::model::Link]) -> Option<&feed_rs::model::Link> {
    links.iter().find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
}

/// The dates of a feed as it writes them. feed-rs gives each in UTC: kept here with its own offset (an article
/// published at 09:30 in Beijing shows 09:30, not 01:30), and those no reading understood, to report.
#[derive(Default)]
struct Dates {
    /// By the instant: the date as RFC 3339 with the feed's offset (or a day, YYYY-MM-DD, as written).
    read: std::collections::HashMap<i64, String>,
    unread: Vec<String>,
}

/// Reads one date of a feed: RFC 3339 or RFC 2822 with its offset; else as feed-rs leniently reads it (a day's
/// name in another language, an offset without its colon…); else as Chinese sites write it (`2024-05-01
/// 10:00:00`, `2024年5月1日`), in the time zone `offset`. Noted in `dates`.
fn read_date(text: &str, offset: time::UtcOffset, dates: &std::sync::Mutex<Dates>) -> Option<DateTime<Utc>> {
    let text = text.trim();
    let mut dates = dates.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    // (A day of the week that is not the date's — `Thu, 27 Nov 2026`, a Friday — is common in feeds: the date
    // read without it, its offset kept.)
    let without_weekday =
        text.split_once(", ").filter(|(w, _)| w.len() == 3 && w.chars().all(|c| c.is_ascii_alphabetic()));
    let own = DateTime::parse_from_rfc3339(text)
        .or_else(|_| DateTime::parse_from_rfc2822(text))
        .ok()
        .or_else(|| without_weekday.and_then(|(_, date)| DateTime::parse_from_rfc2822(date).ok()));
    if let Some(d) = own {
        dates.read.insert(d.timestamp(), d.to_rfc3339());
        return Some(d.with_timezone(&Utc));
    }
    let escaped = text.replace('&', "&amp;").replace('<', "&lt;");
    let probe = format!("<rss version=\"2.0\"><channel><item><pubDate>{escaped}</pubDate></item></channel></rss>");
    let lenient = feed_rs::parser::parse(probe.as_bytes()).ok().and_then(|f| f.entries.into_iter().next()?.published);
    if lenient.is_some() {
        return lenient;
    }
    // (A day alone, as people write it: `02 Dec 2024`, `Mon, 2 Dec 2024`, `December 2, 2024`.)
    let day = ["%d %b %Y", "%a, %d %b %Y", "%d %B %Y", "%b %d, %Y", "%B %d, %Y"]
        .iter()
        .find_map(|f| chrono::NaiveDate::parse_from_str(text, f).ok())
        .map(|d| d.format("%Y-%m-%d").to_string());
    let written = day.or_else(|| super::scraped::parse_date(text, offset).map(|(d, _)| d));
    let instant = written.as_deref().and_then(|d| {
        DateTime::parse_from_rfc3339(d).ok().or_else(|| DateTime::parse_from_rfc3339(&format!("{d}T00:00:00Z")).ok())
    });
    match (written, instant) {
        (Some(written), Some(instant)) => {
            dates.read.insert(instant.timestamp(), written);
            Some(instant.with_timezone(&Utc))
        }
        _ => {
            dates.unread.push(text.to_owned());
            None
        }
    }
}

/// `xml` with the encoding its declaration names, if any, made UTF-8 (`<?xml version="1.0" encoding="gb2312"?>`
/// → `encoding="UTF-8"`); as it is otherwise.
fn utf8_declared(xml: &[u8]) -> std::borrow::Cow<'_, [u8]> {
    let start = xml.len() - xml.trim_ascii_start().len();
    let decl_end = match xml[start..].starts_with(b"<?xml") {
        true => memchr::memmem::find(&xml[start..], b"?>").map(|e| start + e),
        false => None,
    };
    let Some(end) = decl_end else { return xml.into() };
    let decl = &xml[start..end];
    let Some(at) = memchr::memmem::find(decl, b"encoding") else { return xml.into() };
    let rest = &decl[at + b"encoding".len()..];
    let open = rest.iter().position(|b| matches!(b, b'"' | b'\''));
    let Some(open) = open else { return xml.into() };
    let quote = rest[open];
    let Some(len) = rest[open + 1..].iter().position(|b| *b == quote) else { return xml.into() };
    let (from, to) = (start + at + b"encoding".len() + open + 1, start + at + b"encoding".len() + open + 1 + len);
    if xml[from..to].eq_ignore_ascii_case(b"utf-8") {
        return xml.into();
    }
    [&xml[..from], b"UTF-8", &xml[to..]].concat().into()
}

/// The id of an item without a guid: a hash of its link (feed-rs's, as it names such items by their link and
/// title), with its `title` only when the feed has other items with the same link.
fn link_id(link: &feed_rs::model::Link, title: Option<&feed_rs::model::Text>) -> String {
    feed_rs::parser::generate_id_from_link_and_title(link, &title.cloned())
}

/// Reads a feed. `stem` names the file, for ids of items without a usable one; `address`, where the feed was
/// fetched from, if it was (its relative links and images resolve against it); `offset`, the time zone of dates
/// written without one. Returns its items and warnings (dates that could not be read, left out).
pub fn parse_feed(
    bytes: &[u8],
    stem: &str,
    address: Option<&str>,
    offset: time::UtcOffset,
) -> Result<(Vec<Draft>, Vec<String>), String> {
    let dates = std::sync::Arc::new(std::sync::Mutex::new(Dates::default()));
    let noted = dates.clone();
    // An item without a guid is named by its link alone (a hash of it: [`link_id`]), so that an edited title keeps
    // the article's id — feed-rs's own names it by link and title —; items that share a link are told apart by
    // their titles below. (An item with neither a link nor a title and id gets no id from feed-rs — not its random
    // one, new at every import, which would add the item again on each --merge —: it is named below by its text.)
    let parser = feed_rs::parser::Builder::new()
        .base_uri(address)
        .id_generator(|links, title, uri| match links.first() {
            Some(link) => link_id(link, None),
            None if uri.is_some() && title.is_some() => feed_rs::parser::generate_id(links, title, uri),
            None => String::new(),
        })
        .timestamp_parser(move |text| read_date(text, offset, &noted))
        .build();
    // (The text is UTF-8 by now, whatever the encoding its XML declaration names — `gb2312`, as Chinese sites'
    // feeds are —, which the parser would otherwise decode it from again.)
    let bytes = &*utf8_declared(bytes);
    let feed = parser.parse(bytes).map_err(|e| format!("not a readable RSS, Atom or JSON feed: {e}"))?;
    let feed_title = feed.title.as_ref().map(plain_text).filter(|t| !t.is_empty());
    let feed_link =
        alternate(&feed.links).and_then(|l| super::web_base(&l.href)).or_else(|| address.and_then(super::web_base));
    // Items without a guid whose links are the same (a feed that links every item to its home page): named by link
    // and title, as feed-rs names them.
    let mut by_link: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for e in &feed.entries {
        if let Some(link) = e.links.first().filter(|l| e.id == link_id(l, None)) {
            *by_link.entry(link.href.as_str()).or_default() += 1;
        }
    }
    let shared: Vec<String> = by_link.into_iter().filter(|&(_, n)| n > 1).map(|(href, _)| href.to_owned()).collect();
    let json_images = json_feed_images(bytes);
    let extras = item_extras(bytes);
    let mut drafts = Vec::with_capacity(feed.entries.len());
    for (i, entry) in feed.entries.into_iter().enumerate() {
        let mut terms: Vec<String> = entry
            .categories
            .iter()
            .map(|c| c.label.clone().unwrap_or_else(|| c.term.clone()).trim().to_owned())
            .filter(|t| !t.is_empty())
            .collect();
        // (An item's Dublin Core subjects, which feed-rs leaves out — RSS 1.0's categories —, after its own.)
        for subject in extras.get(i).map(|x| x.subjects.as_slice()).unwrap_or_default() {
            if !terms.contains(subject) {
                terms.push(subject.clone());
            }
        }
        let category = (!terms.is_empty()).then(|| terms.remove(0));
        let item_text =
            entry.content.as_ref().and_then(|c| c.body.clone()).or(entry.summary.as_ref().map(|s| s.content.clone()));
        let summary =
            entry.summary.as_ref().map(|s| without_footer(html_to_text(&s.content))).filter(|s| !s.is_empty());
        // The content is the body; an item with only a summary has the summary as its body.
        let plain = entry.content.as_ref().is_some_and(|c| c.content_type.to_string().starts_with("text/plain"));
        let (mut converted, summary) = match entry.content.as_ref().and_then(|c| c.body.as_deref()) {
            // (A JSON Feed's content_text: plain text, its paragraphs apart by a blank line.)
            Some(text) if plain => (super::html::Converted { blocks: plain_paragraphs(text), dropped: 0 }, summary),
            Some(html) => (html_to_blocks(html), summary),
            None => (entry.summary.as_ref().map(|s| html_to_blocks(&s.content)).unwrap_or_default(), None),
        };
        if let Some(Block::Paragraph { text, .. }) = converted.blocks.last() {
            if footer_at(text) == Some(0) {
                converted.blocks.pop();
            }
        }
        // The item's link (feed-rs resolves it against xml:base), else the feed's: where a relative image in
        // the item's HTML is (as on the item's own page).
        let url = alternate(&entry.links).or(entry.links.first()).map(|l| l.href.clone());
        let base = url.as_deref().and_then(super::web_base).or_else(|| feed_link.clone());
        super::resolve_addresses(&mut converted.blocks, base.as_ref());
        // An item with no image of its own is led by its picture, as a web page by its og:image: an image
        // enclosure or media:content, else a media:thumbnail (alt: the media's title or description).
        if !converted.blocks.iter().any(|b| matches!(b, Block::Image(_))) {
            let is_image = |c: &&feed_rs::model::MediaContent| match &c.content_type {
                Some(t) => t.to_string().starts_with("image/"),
                None => c.url.as_ref().is_some_and(|u| names_an_image(u.path())),
            };
            let content = entry.media.iter().flat_map(|m| m.content.iter().filter(is_image).map(move |c| (m, c)));
            let picture = content
                .filter_map(|(m, c)| Some((Some(m), c.url.as_ref()?.to_string())))
                .next()
                .or_else(|| entry.media.iter().find_map(|m| Some((Some(m), m.thumbnails.first()?.image.uri.clone()))))
                .or_else(|| Some((None, extras.get(i)?.picture.clone()?)))
                .or_else(|| Some((None, json_images.get(i).cloned().flatten()?)));
            if let Some((media, src)) = picture {
                let src = super::resolve(&src, base.as_ref());
                if crate::domain::load::is_safe_url(&src, false) {
                    let alt = media.and_then(|m| m.title.as_ref().or(m.description.as_ref()));
                    converted.blocks.insert(0, Block::image(src, alt.map(plain_text).unwrap_or_default(), None));
                }
            }
        }
        let id = match entry.links.first() {
            Some(link) if shared.contains(&link.href) && entry.id == link_id(link, None) => {
                link_id(link, entry.title.as_ref())
            }
            _ => entry.id.clone(),
        };
        drafts.push(Draft {
            id: make_id(&id, &format!("{stem}#{}", item_text.as_deref().unwrap_or(&i.to_string()))),
            title: entry.title.as_ref().map(plain_text).unwrap_or_default(),
            published: entry.published.or(entry.updated).map(|t| {
                let dates = dates.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
                dates.read.get(&t.timestamp()).cloned().unwrap_or_else(|| t.to_rfc3339())
            }),
            authors: entry
                .authors
                .iter()
                .filter_map(|p| p.name.as_deref())
                .map(|n| n.trim().to_owned())
                .filter(|n| !n.is_empty())
                .collect(),
            category,
            tags: terms,
            source: feed_title.clone(),
            url,
            lang: entry.language.clone(),
            container_lang: feed.language.clone(),
            summary,
            body: converted.blocks,
            dropped: converted.dropped,
            ..Draft::default()
        });
    }
    let dates = dates.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let warnings = dates.unread.iter().map(|d| format!("date {d:?} is not a date: left out")).collect();
    Ok((drafts, warnings))
}

/// Plain text's paragraphs (apart by a blank line), each one line.
fn plain_paragraphs(text: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut paragraph = String::new();
    for line in text.lines().chain([""]) {
        if line.trim().is_empty() {
            let p = collapse(&paragraph);
            if !p.is_empty() {
                blocks.push(Block::paragraph(p));
            }
            paragraph.clear();
        } else {
            paragraph.push_str(line);
            paragraph.push('\n');
        }
    }
    blocks
}

/// What an item (or Atom entry) says in its XML that feed-rs leaves out.
#[derive(Debug, Default)]
struct ItemExtras {
    /// Its Media RSS picture: a `<media:thumbnail>` alone in the item (BBC's feeds: feed-rs keeps a thumbnail only
    /// beside media content), or a `<media:content>` image whose address is relative (dropped without a base):
    /// the first image content, else the first thumbnail.
    picture: Option<String>,
    /// Its Dublin Core subjects (`<dc:subject>经济</dc:subject>`: RSS 1.0's categories), in order.
    subjects: Vec<String>,
}

/// Each item's [`ItemExtras`], by the item's place in the feed; empty for a feed that is not XML.
fn item_extras(bytes: &[u8]) -> Vec<ItemExtras> {
    use quick_xml::events::Event;
    let Ok(text) = std::str::from_utf8(bytes) else { return Vec::new() };
    let mut reader = quick_xml::Reader::from_str(text);
    let (mut out, mut depth, mut content, mut thumbnail) = (Vec::new(), 0usize, None, None);
    let (mut subjects, mut subject): (Vec<String>, Option<String>) = (Vec::new(), None);
    loop {
        let (element, opens) = match reader.read_event() {
            Ok(Event::Start(e)) => (e, true),
            Ok(Event::Empty(e)) => (e, false),
            // (A subject's text as written, its references `&amp;` kept, decoded at its end; CDATA's as it is.)
            Ok(Event::Text(t)) => {
                if let Some(s) = &mut subject {
                    s.push_str(&t.xml10_content());
                }
                continue;
            }
            Ok(Event::GeneralRef(r)) => {
                if let Some(s) = &mut subject {
                    s.push_str(&format!("&{};", &*r));
                }
                continue;
            }
            Ok(Event::CData(t)) => {
                if let Some(s) = &mut subject {
                    s.push_str(&htmlize::escape_text(t.xml10_content()));
                }
                continue;
            }
            Ok(Event::End(e)) => {
                if e.name().as_ref() == "dc:subject" {
                    let words = subject.take().map(|s| collapse(&htmlize::unescape(s))).filter(|s| !s.is_empty());
                    subjects.extend(words);
                } else if depth > 0 && matches!(e.local_name().as_ref(), "item" | "entry") {
                    depth -= 1;
                    if depth == 0 {
                        let picture = content.take().or(thumbnail.take());
                        out.push(ItemExtras { picture, subjects: std::mem::take(&mut subjects) });
                        thumbnail = None;
                    }
                }
                continue;
            }
            Ok(Event::Eof) | Err(_) => break,
            Ok(_) => continue,
        };
        let name = element.name();
        if matches!(element.local_name().as_ref(), "item" | "entry") && opens {
            depth += 1;
            continue;
        }
        if depth == 0 {
            continue;
        }
        let attr = |key: &str| {
            element
                .try_get_attribute(key)
                .ok()
                .flatten()
                .and_then(|a| a.normalized_value(quick_xml::XmlVersion::Implicit1_0).ok())
                .map(|v| v.trim().to_owned())
        };
        match name.as_ref() {
            "dc:subject" if opens => subject = Some(String::new()),
            "media:thumbnail" if thumbnail.is_none() => thumbnail = attr("url").filter(|u| !u.is_empty()),
            "media:content" if content.is_none() => {
                let url = attr("url").filter(|u| !u.is_empty());
                let image = attr("medium").as_deref() == Some("image")
                    || attr("type").is_some_and(|t| t.starts_with("image/"))
                    || url.as_deref().is_some_and(|u| names_an_image(u.split(['?', '#']).next().unwrap_or(u)));
                if image {
                    content = url;
                }
            }
            _ => {}
        }
    }
    out
}

/// Whether an address's path ends as an image's file does (`.jpg`, `.png`, `.webp`…).
fn names_an_image(path: &str) -> bool {
    let path = path.to_ascii_lowercase();
    [".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".svg"].iter().any(|e| path.ends_with(e))
}

/// A JSON Feed's items' pictures (`image`, else `banner_image`), in the order of its items: feed-rs does not read
/// them. Empty for any other feed.
fn json_feed_images(bytes: &[u8]) -> Vec<Option<String>> {
    #[derive(serde::Deserialize)]
    struct Feed {
        #[serde(default)]
        items: Vec<Item>,
    }
    #[derive(serde::Deserialize)]
    struct Item {
        image: Option<String>,
        banner_image: Option<String>,
    }
    let json = bytes.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{');
    let feed: Option<Feed> = json.then(|| serde_json::from_slice(bytes).ok()).flatten();
    feed.map(|f| f.items.into_iter().map(|i| i.image.or(i.banner_image)).collect()).unwrap_or_default()
}

/// A feed text construct as plain text: HTML ones (Atom `type="html"`) lose their markup; plain ones are
/// taken as they are (`<script>` in a plain title is just words).
fn plain_text(t: &feed_rs::model::Text) -> String {
    let essence = t.content_type.to_string();
    if essence.starts_with("text/html") || essence.contains("xhtml") {
        html_to_text(&t.content)
    } else {
        collapse(&t.content)
    }
}

/// Where the line that WordPress sites (Yoast SEO and others) append to every post in their feeds starts in `text`
/// — "The post <title> appeared first on <site>." — when `text` ends with it: the site's words, not the article's.
fn footer_at(text: &str) -> Option<usize> {
    let text = text.trim_end();
    let at = text.rfind("The post ")?;
    let line = &text[at..];
    (line.contains(" appeared first on ") && line.ends_with('.') && !line[..line.len() - 1].contains(". "))
        .then_some(at)
}

/// `summary` without that line.
fn without_footer(summary: String) -> String {
    match footer_at(&summary) {
        Some(at) => summary[..at].trim_end().to_owned(),
        None => summary,
    }
}
