//! HTML (from feeds) to body blocks, with a real HTML parser (html5ever via scraper).
//!
//! Only text and image addresses are carried over: scripts, styles, frames, forms, event handlers and
//! `javascript:` URLs never reach a block, because nothing but text, `src` and `alt` is read.

use crate::domain::article::{anchor_slug, Style};
use crate::domain::load::is_safe_url;
use crate::domain::{Block, Link};
use scraper::{ElementRef, Html, Node};
use std::ops::Range;

/// Elements whose whole content is dropped.
const DROPPED: [&str; 16] = [
    "script", "style", "iframe", "frame", "frameset", "noscript", "template", "object", "embed", "form", "button",
    "input", "select", "textarea", "svg", "math",
];

/// Of those, the page's own machinery rather than content lost: dropped without a word (a `<noscript>` holds a
/// lazy image's fallback, which the image already is; a style, a newsletter's form and its buttons).
const MACHINERY: [&str; 8] = ["noscript", "style", "template", "form", "button", "input", "select", "textarea"];

/// Elements that end the paragraph being collected.
const BLOCK_LEVEL: [&str; 22] = [
    "p", "div", "section", "article", "header", "footer", "aside", "main", "nav", "ul", "ol", "li", "dl", "dt", "dd",
    "table", "tr", "td", "th", "pre", "hr", "br",
];

/// Whether the walk reads `name` as part of a paragraph (not an element that starts a block of its own).
fn is_inline(name: &str) -> bool {
    let block = ["h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "img", "figure", "pre", "hr", "table"];
    !(BLOCK_LEVEL.contains(&name) || block.contains(&name))
}

/// A list's item as read: its text, how deep it is nested, whether its list is numbered, its anchor.
type Item = (String, u8, bool, String);

/// What converting one HTML fragment gave.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Converted {
    pub blocks: Vec<Block>,
    /// Elements dropped for safety (scripts, frames, …) and images with unsafe sources.
    pub dropped: usize,
}

/// Converts an HTML fragment into paragraphs, headings, quotes, lists, code, tables and images.
pub fn html_to_blocks(html: &str) -> Converted {
    let doc = Html::parse_fragment(html);
    element_to_blocks(doc.root_element(), false)
}

/// Elements of a web page around its article, skipped (not counted as dropped) when converting a page's article
/// element: navigation, sidebars, page headers and footers.
const PAGE_CHROME: [&str; 4] = ["nav", "aside", "header", "footer"];

/// Converts an element's content into blocks; `page`: it is part of a whole web page, whose navigation,
/// sidebars, headers and footers (also by ARIA role) are not the article's.
pub fn element_to_blocks(el: ElementRef, page: bool) -> Converted {
    walk_blocks(el, page, false)
}

/// The walk itself; `unlikely`: also leave out what [`is_unlikely`] says is not the article.
fn walk_blocks(el: ElementRef, page: bool, unlikely: bool) -> Converted {
    let mut w = Walker { page, unlikely, ..Walker::default() };
    w.walk(el);
    w.flush();
    link_ids(&mut w.blocks, &w.ids);
    Converted { blocks: w.blocks, dropped: w.dropped }
}

/// The page's links to its own elements by id (`#results`), each to the place of the article the element is: its
/// heading's anchor (the words of it: an id is rarely those) or, an element in a section (a paragraph, a table),
/// the heading of that section — where a reader following it in the viewer lands nearest it. `ids`: each element's
/// id (or old-style `<a name>`) with the block it is in. A link to a list item's id (a footnote's, read as the
/// item's anchor), to an element before the first heading or to no element of the article is left as it is.
fn link_ids(blocks: &mut [Block], ids: &[(String, usize)]) {
    if ids.is_empty() {
        return;
    }
    let headings = crate::domain::article::heading_anchors(blocks);
    let items: Vec<String> = blocks
        .iter()
        .filter_map(|b| if let Block::List(l) = b { Some(l.anchors.iter().cloned()) } else { None })
        .flatten()
        .collect();
    let place = |href: &str| {
        let id = super::fragment(href)?;
        if items.contains(&anchor_slug(&id)) {
            return None;
        }
        let block = ids.iter().find(|(i, _)| *i == id)?.1;
        let (_, anchor) = headings.iter().take_while(|(h, _)| *h <= block).last()?;
        Some(format!("#{anchor}"))
    };
    for links in blocks.iter_mut().filter_map(Block::links_mut) {
        for l in links.iter_mut().filter(|l| l.is_link()) {
            if let Some(href) = place(&l.href) {
                l.href = href;
            }
        }
    }
}

/// Whether `a` is a note's link back to where the text refers to it (`↩`, as Markdown renderers write them:
/// pandoc's `role="doc-backlink"`, GitHub's `data-footnote-backref`, kramdown's `reversefootnote`…): the viewer
/// gives every note the text refers to its own, so the page's is left out.
fn is_back_reference(a: &scraper::node::Element, el: ElementRef) -> bool {
    if !a.attr("href").is_some_and(|h| h.trim_start().starts_with('#')) {
        return false;
    }
    let class = a.attr("class").unwrap_or_default().to_ascii_lowercase();
    let marked = a.attr("role") == Some("doc-backlink")
        || a.attr("data-footnote-backref").is_some()
        || ["backref", "reversefootnote", "footnote-back", "fn-back"].iter().any(|c| class.contains(c));
    let text: String =
        el.text().collect::<String>().chars().filter(|c| !matches!(c, '\u{FE0E}' | '\u{FE0F}')).collect();
    marked || matches!(text.trim(), "↩" | "↑" | "^" | "⤴" | "⮐")
}

/// Whether `el` is a page's navigation, sidebar, header or footer.
pub fn is_page_chrome(el: &scraper::node::Element) -> bool {
    PAGE_CHROME.contains(&el.name())
        || matches!(el.attr("role"), Some("navigation" | "complementary" | "banner" | "contentinfo"))
}

/// Parts of a class name or id that mark what is not a page's article (comments, related links, share bars,
/// breadcrumbs, pagination, ads, menus…), and parts that rescue it (`article-header`, `main-extra`): Mozilla
/// Readability's `unlikelyCandidates` and `okMaybeItsACandidate`, matched the same way (anywhere in the class
/// names and id, any case).
const UNLIKELY: [&str; 31] = [
    "-ad-",
    "ai2html",
    "banner",
    "breadcrumbs",
    "combx",
    "comment",
    "community",
    "cover-wrap",
    "disqus",
    "extra",
    "footer",
    "gdpr",
    "header",
    "legends",
    "menu",
    "related",
    "remark",
    "replies",
    "rss",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "social",
    "sponsor",
    "supplemental",
    "ad-break",
    "agegate",
    "pagination",
    "pager",
    "popup",
    "yom-remote",
];
const MAYBE: [&str; 8] = ["and", "article", "body", "column", "content", "main", "mathjax", "shadow"];

/// An element's class names and id, lower-case, as one text to look for words in.
pub(crate) fn class_and_id(e: &scraper::node::Element) -> String {
    format!("{} {}", e.attr("class").unwrap_or(""), e.attr("id").unwrap_or("")).to_lowercase()
}

/// Whether one of the words of `e`'s class or id (split at anything not a letter or digit: `post-tags`,
/// `news-header__date`) is one of `words` (lower case).
pub(crate) fn named(e: &scraper::node::Element, words: &[&str]) -> bool {
    class_and_id(e).split(|c: char| !c.is_ascii_alphanumeric()).any(|w| words.contains(&w))
}

/// Whether `el`'s class or id says it is not the article (see [`UNLIKELY`]). Never `<body>`, `<a>` or a table's
/// part (a table's cells are the table's).
pub fn is_unlikely(el: &scraper::node::Element) -> bool {
    if matches!(el.name(), "body" | "html" | "a" | "tr" | "td" | "th" | "tbody" | "thead") {
        return false;
    }
    let words = class_and_id(el);
    UNLIKELY.iter().any(|u| words.contains(u)) && !MAYBE.iter().any(|m| words.contains(m))
}

/// The length in bytes of `el`'s text when it is at most `max`, read no further than that.
pub(crate) fn short_text(el: ElementRef, max: usize) -> Option<usize> {
    let mut len = 0;
    for t in el.text() {
        len += t.len();
        if len > max {
            return None;
        }
    }
    Some(len)
}

/// Whether `el` is a bar of buttons to share the page (`<div class="sharedaddy">`, `share-buttons`,
/// `social_share`…: its class or id has the word share or sharedaddy) with little text, as Readability takes them
/// out of an article it has found ("Share this: Twitter Facebook" would otherwise be a heading and a list).
fn is_share_bar(el: ElementRef) -> bool {
    named(el.value(), &["share", "sharedaddy"]) && short_text(el, 499).is_some()
}

/// The words of a page's list of tags (`<div class="tags"><a href="/tag/nikel">Никель</a> <a>Металлы</a></div>`,
/// `keyword-zone`, `post-tags`: an element of blocks whose class or id has the word tags, tag, keywords or keyword
/// and whose words are its links' — a label (`Tags:`, `标签：`) and separators aside, at most 12 characters —
/// each link's at most 40 characters, `#` before one taken off); `None` for another element.
pub(crate) fn tag_list(el: ElementRef) -> Option<Vec<String>> {
    if !matches!(el.value().name(), "div" | "ul" | "ol" | "p" | "section" | "span" | "footer" | "aside") {
        return None;
    }
    if !named(el.value(), &["tags", "tag", "keywords", "keyword"]) || short_text(el, 2000).is_none() {
        return None;
    }
    let a = scraper::Selector::parse("a").expect("a valid selector");
    let links: Vec<String> = el.select(&a).map(|l| collapse(&l.text().collect::<String>())).collect();
    // (The words outside the links, white space aside.)
    let visible = |t: &str| t.chars().filter(|c| !c.is_whitespace()).count();
    let outside = el.text().map(visible).sum::<usize>().saturating_sub(links.iter().map(|l| visible(l)).sum());
    let tags: Vec<String> =
        links.iter().map(|l| l.trim_start_matches(['#', '＃']).trim().to_owned()).filter(|l| !l.is_empty()).collect();
    (!tags.is_empty() && outside <= 12 && tags.iter().all(|t| t.chars().count() <= 40)).then_some(tags)
}

/// A web page's article element to blocks: its navigation, sidebars, headers and footers left out, and what its
/// class or id says is not the article ([`is_unlikely`]: comments, related links…) — unless that leaves no
/// paragraph, as Readability retries (then only the page's chrome is left out).
pub fn page_article_blocks(el: ElementRef) -> Converted {
    let strict = walk_blocks(el, true, true);
    if strict.blocks.iter().any(|b| matches!(b, Block::Paragraph { .. })) {
        return strict;
    }
    element_to_blocks(el, true)
}

/// The plain text of an HTML fragment, white space collapsed (for titles and summaries).
pub fn html_to_text(html: &str) -> String {
    text_of(Html::parse_fragment(html).root_element()).unwrap_or_default()
}

/// A link or styling element being read (see `Walker::open`).
enum Open {
    Link(String),
    Style(Style),
}

#[derive(Default)]
struct Walker {
    blocks: Vec<Block>,
    inline: String,
    /// The links (`<a href>`) of the paragraph being read, each with where its words start in `inline`.
    links: Vec<(Link, usize)>,
    /// Where in `inline` its styled words are (`<strong>`, `<em>`…: see [`styled_runs`]).
    styles: Vec<(Range<usize>, Style)>,
    /// The links and styling elements being read, outermost first, each with where its words start in `inline`:
    /// a paragraph that ends inside one (`<a>one<div>two</div></a>`) takes the part read so far, and the rest
    /// starts the next paragraph's.
    open: Vec<(usize, Open)>,
    dropped: usize,
    page: bool,
    /// Also leave out what [`is_unlikely`] says is not the article.
    unlikely: bool,
    /// Each element's id (or `<a name>`) read, with the block it is in (see [`link_ids`]).
    ids: Vec<(String, usize)>,
}

impl Walker {
    /// Whether `e`, on a page, is not its article: its navigation, sidebars, header or footer, or (when asked)
    /// what its class or id says is not the article.
    fn not_article(&self, e: &scraper::node::Element) -> bool {
        self.page && (is_page_chrome(e) || (self.unlikely && is_unlikely(e)))
    }

    fn flush(&mut self) {
        let text = collapse(&self.inline);
        for (at, open) in &mut self.open {
            let at = std::mem::take(at);
            match open {
                Open::Link(href) => push_link(&mut self.links, &self.inline, at, href),
                Open::Style(s) => self.styles.push((at..self.inline.len(), *s)),
            }
        }
        let mut marks = std::mem::take(&mut self.links);
        marks.extend(styled_runs(&self.inline, &std::mem::take(&mut self.styles)));
        let links = pin(&self.inline, marks);
        if !text.is_empty() {
            self.blocks.push(Block::Paragraph { text, links });
        }
        self.inline.clear();
    }

    fn walk(&mut self, el: ElementRef) {
        for child in el.children() {
            match child.value() {
                Node::Text(t) => self.inline.push_str(t),
                Node::Element(e) => {
                    let name = e.name();
                    let child_el = ElementRef::wrap(child).expect("an element node");
                    if DROPPED.contains(&name) {
                        self.dropped += usize::from(!MACHINERY.contains(&name));
                        continue;
                    }
                    if self.not_article(e) || (self.page && (is_share_bar(child_el) || tag_list(child_el).is_some())) {
                        continue;
                    }
                    // (A block's element starts a block of its own, after the paragraph being read if any; another
                    // is in that paragraph, or the one it starts.)
                    // (A heading's, a quote's or code's elements are read with it, not walked: theirs too.)
                    let whole = matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "blockquote" | "pre");
                    let at = self.blocks.len()
                        + usize::from(!is_inline(name) && self.inline.chars().any(|c| !c.is_whitespace()));
                    for d in
                        child_el.descendants().filter_map(ElementRef::wrap).take(if whole { usize::MAX } else { 1 })
                    {
                        let (d, dn) = (d.value(), d.value().name());
                        let id = d.attr("id").or_else(|| d.attr("name").filter(|_| dn == "a"));
                        if let Some(id) = id.map(str::trim).filter(|id| !id.is_empty()) {
                            self.ids.push((id.to_owned(), at));
                        }
                    }
                    match name {
                        // A thematic break: a break between sections.
                        "hr" => {
                            self.flush();
                            self.blocks.push(Block::Break);
                        }
                        // A definition list's term: a paragraph in bold (its definitions, `<dd>`, the paragraphs after it).
                        "dt" => {
                            self.flush();
                            self.styled(child_el, Style::STRONG);
                            self.flush();
                        }
                        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                            self.flush();
                            let level = name.as_bytes()[1] - b'0';
                            self.blocks.extend(text_and_links(child_el).map(|(text, links)| Block::Heading {
                                text,
                                level,
                                links,
                            }));
                        }
                        "blockquote" => {
                            self.flush();
                            self.blocks
                                .extend(text_and_links(child_el).map(|(text, links)| Block::Quote { text, links }));
                        }
                        "img" => {
                            self.flush();
                            self.image(child_el, None);
                        }
                        "ul" | "ol" => {
                            self.flush();
                            let mut links = Vec::new();
                            match self.list_items(child_el, &mut links) {
                                Some(items) if items.is_empty() => {}
                                Some(items) => {
                                    let (mut texts, mut levels, mut kinds) = (Vec::new(), Vec::new(), Vec::new());
                                    let mut anchors = Vec::new();
                                    for (text, level, ordered, anchor) in items {
                                        texts.push(text);
                                        levels.push(level);
                                        kinds.push(ordered);
                                        anchors.push(anchor);
                                    }
                                    let kind = (name == "ol", list_start(child_el));
                                    let mut list = Block::nested_list(kind, texts, levels, &kinds, links);
                                    // (Its items' ids: the places the page's own links to them go, `#fn:1`.)
                                    while anchors.last().is_some_and(String::is_empty) {
                                        anchors.pop();
                                    }
                                    if let Block::List(l) = &mut list {
                                        l.anchors = anchors;
                                    }
                                    self.blocks.push(list)
                                }
                                // Images, tables, quotes… in it: read as paragraphs, as any block.
                                None => {
                                    self.walk(child_el);
                                    self.flush();
                                }
                            }
                        }
                        "table" => {
                            self.flush();
                            match self.data_table(child_el) {
                                Some(table) => self.blocks.push(table),
                                // A table that lays a page out: its cells' text as paragraphs.
                                None => {
                                    self.walk(child_el);
                                    self.flush();
                                }
                            }
                        }
                        "pre" => {
                            self.flush();
                            let mut text = String::new();
                            self.dropped += raw_text(child_el, &mut text);
                            self.blocks.extend(code_block(&text, code_language(child_el).as_deref()));
                        }
                        "figure" => {
                            self.flush();
                            // (Its caption's links and styled words with it.)
                            let caption = child_el
                                .children()
                                .filter_map(ElementRef::wrap)
                                .find(|c| c.value().name() == "figcaption")
                                .and_then(text_and_links);
                            let imgs: Vec<ElementRef> = child_el
                                .descendants()
                                .filter_map(ElementRef::wrap)
                                .filter(|d| d.value().name() == "img")
                                .collect();
                            if imgs.is_empty() {
                                let from = self.blocks.len();
                                self.walk(child_el);
                                self.flush();
                                // A table in a figure (HTML5's way to caption one): the figure's caption is the
                                // table's, its words only (a table's caption has no links), not a paragraph.
                                let tables =
                                    self.blocks[from..].iter().filter(|b| matches!(b, Block::Table(_))).count();
                                if let (1, Some((text, _))) = (tables, &caption) {
                                    let paragraph = self.blocks[from..]
                                        .iter()
                                        .position(|b| matches!(b, Block::Paragraph { text: t, .. } if t == text));
                                    let table = self.blocks[from..].iter_mut().find_map(|b| match b {
                                        Block::Table(t) if t.caption.is_none() => Some(t),
                                        _ => None,
                                    });
                                    if let (Some(k), Some(t)) = (paragraph, table) {
                                        t.caption = Some(text.clone());
                                        self.blocks.remove(from + k);
                                    }
                                }
                            }
                            for img in imgs {
                                self.image(img, caption.clone());
                            }
                        }
                        // A link: its words and its address (resolved against the page's and checked later:
                        // `resolve_addresses`, `Draft::finish`).
                        "a" if e.attr("href").is_some() => {
                            let href = e.attr("href").unwrap_or_default();
                            let at = self.read_in(child_el, Open::Link(href.to_owned()));
                            push_link(&mut self.links, &self.inline, at, href);
                        }
                        _ if BLOCK_LEVEL.contains(&name) => {
                            self.flush();
                            // (A picture and its caption without a <figure>: `<div class="img_wrapper"><img …>
                            // <span class="img_descr">资料图</span></div>`.)
                            match captioned_image(child_el) {
                                Some((img, caption)) => self.image(img, Some(caption)),
                                None => self.walk(child_el),
                            }
                            self.flush();
                        }
                        // Styled words: from where they start, or from the paragraph's start when one ended in them.
                        _ if style_of(name).is_some() => {
                            self.styled(child_el, style_of(name).unwrap_or_default());
                        }
                        _ => self.walk(child_el),
                    }
                }
                _ => {}
            }
        }
    }

    /// Reads `el`, a link or styling element (`open`), and gives where its words start in `inline`: where they
    /// started, or the paragraph's start when one ended inside it (its words before that went with that one).
    fn read_in(&mut self, el: ElementRef, open: Open) -> usize {
        self.open.push((self.inline.len(), open));
        self.walk(el);
        self.open.pop().map_or(0, |(at, _)| at)
    }

    /// Reads `el`'s words in `style` (from where they start, or from the paragraph's start when one ended in them).
    fn styled(&mut self, el: ElementRef, style: Style) {
        let at = self.read_in(el, Open::Style(style));
        self.styles.push((at..self.inline.len(), style));
    }

    /// The items of a list, each with how deep it is nested (0: the list's own), whether its list is numbered
    /// (`<ol>`) and its anchor (its `id` as an anchor: see [`anchor_slug`]; empty without one), its nested lists'
    /// items following the item they are in, one level deeper; `None` when it holds
    /// more than text (images, tables, quotes, code, headings, what is dropped, or on a page what is not the
    /// article), to be read as paragraphs instead. Its links (`<a href>`) go into `links`.
    fn list_items(&self, list: ElementRef, links: &mut Vec<Link>) -> Option<Vec<Item>> {
        let ordered = list.value().name() == "ol";
        let mut items = Vec::new();
        for li in element_children(list)? {
            if li.value().name() != "li" {
                return None;
            }
            let (mut text, mut nested, mut styles, mut own, mut inner) =
                (String::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
            self.item_text(li, &mut text, &mut nested, &mut styles, &mut own, &mut inner)?;
            // (The item's links and styled words before those of the items nested in it, as they are placed in
            // order.)
            own.extend(styled_runs(&text, &styles));
            links.extend(pin(&text, own));
            links.append(&mut inner);
            let text = collapse(&text);
            if !text.is_empty() {
                let anchor = li.value().attr("id").filter(|id| !id.trim().is_empty()).map(anchor_slug);
                items.push((text, 0, ordered, anchor.unwrap_or_default()));
            }
            items.extend(nested.into_iter().map(|(t, l, o, a)| (t, l.saturating_add(1), o, a)));
        }
        Some(items)
    }

    /// A table of data as a table block: at least two rows and two columns, each cell short text (up to
    /// [`MAX_CELL_CHARS`] characters, no images, lists or tables in it); its rows from `<thead>`, `<tbody>`,
    /// `<tfoot>` or the table itself, the first row a header row when it is in `<thead>` or all `<th>`, its
    /// `<caption>`. `None` for any other table (one that lays a page out).
    fn data_table(&self, table: ElementRef) -> Option<Block> {
        let (mut rows, mut caption, mut header, mut links) = (Vec::new(), None, false, Vec::new());
        let mut read_row = |tr: ElementRef, in_head: bool, rows: &mut Vec<Vec<String>>| -> Option<()> {
            let mut cells = Vec::new();
            let mut all_th = true;
            for cell in element_children(tr)? {
                let name = cell.value().name();
                if !matches!(name, "td" | "th") {
                    return None;
                }
                all_th &= name == "th";
                let (mut text, mut nested, mut styles, mut own) = (String::new(), Vec::new(), Vec::new(), Vec::new());
                self.item_text(cell, &mut text, &mut nested, &mut styles, &mut own, &mut links)?;
                own.extend(styled_runs(&text, &styles));
                links.extend(pin(&text, own));
                let text = collapse(&text);
                if !nested.is_empty() || text.chars().count() > MAX_CELL_CHARS {
                    return None;
                }
                cells.push(text);
            }
            if rows.is_empty() && !cells.is_empty() && (in_head || all_th) {
                header = true;
            }
            rows.push(cells);
            Some(())
        };
        for part in element_children(table)? {
            match part.value().name() {
                "caption" => caption = text_of(part),
                "colgroup" | "col" => {}
                "tr" => read_row(part, false, &mut rows)?,
                section @ ("thead" | "tbody" | "tfoot") => {
                    for tr in element_children(part)? {
                        if tr.value().name() != "tr" {
                            return None;
                        }
                        read_row(tr, section == "thead", &mut rows)?;
                    }
                }
                _ => return None,
            }
        }
        let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
        (rows.len() >= 2 && columns >= 2 && Block::table_fits(&rows))
            .then(|| Block::table(rows, header, caption).with_links(links))
    }

    /// An item's text into `text`, its nested lists' items into `nested`, where its styled words are in `text`
    /// into `styles`, its links (with where they start in `text`) into `own` and its nested lists' links and
    /// styled words into `links`; `None` as for [`Self::list_items`].
    fn item_text(
        &self,
        el: ElementRef,
        text: &mut String,
        nested: &mut Vec<Item>,
        styles: &mut Vec<(Range<usize>, Style)>,
        own: &mut Vec<(Link, usize)>,
        links: &mut Vec<Link>,
    ) -> Option<()> {
        for child in el.children() {
            match child.value() {
                Node::Text(t) => text.push_str(t),
                Node::Element(e) => {
                    let child_el = ElementRef::wrap(child).expect("an element node");
                    if self.not_article(e) {
                        return None;
                    }
                    match e.name() {
                        "ul" | "ol" => nested.extend(self.list_items(child_el, links)?),
                        // A task list's box (GitHub's, a CMS's): ticked or not, as the character that shows it.
                        "input" if e.attr("type").is_some_and(|t| t.eq_ignore_ascii_case("checkbox")) => {
                            text.push_str(task_box(e.attr("checked").is_some()));
                        }
                        // (A note's own way back: the viewer gives it one.)
                        "a" if is_back_reference(e, child_el) => {}
                        "p" | "div" | "br" | "span" | "a" | "em" | "strong" | "b" | "i" | "u" | "s" | "code"
                        | "kbd" | "samp" | "var" | "small" | "sub" | "sup" | "mark" | "abbr" | "cite" | "q" | "dfn"
                        | "del" | "ins" | "time" | "data" | "bdi" | "bdo" | "wbr" | "font" | "label" => {
                            let block = matches!(e.name(), "p" | "div" | "br");
                            if block {
                                text.push(' ');
                            }
                            let at = text.len();
                            self.item_text(child_el, text, nested, styles, own, links)?;
                            if let ("a", Some(href)) = (e.name(), e.attr("href")) {
                                push_link(own, text, at, href);
                            }
                            styles.extend(style_of(e.name()).map(|s| (at..text.len(), s)));
                            if block {
                                text.push(' ');
                            }
                        }
                        _ => return None,
                    }
                }
                _ => {}
            }
        }
        Some(())
    }

    fn image(&mut self, img: ElementRef, caption: Option<(String, Vec<Link>)>) {
        let src = image_address(img);
        // A protocol-relative address (`//cdn.example.com/a.jpg`) is taken over https.
        let src = match src.strip_prefix("//") {
            Some(rest) if !rest.starts_with('/') => format!("https://{rest}"),
            _ => src.to_owned(),
        };
        if !is_safe_url(&src, true) {
            self.dropped += 1;
            return;
        }
        let alt = collapse(img.value().attr("alt").unwrap_or(""));
        let (caption, links) = caption.map_or((None, Vec::new()), |(c, l)| (Some(c), l));
        self.blocks.push(Block::image(src, alt, caption).with_links(links));
    }
}

/// An image's address: the one a lazy-loading script would put in its `src` (`data-src`, `data-original`,
/// `data-lazy-src`…: its `src` is then a placeholder, a spinner or a blank `data:` GIF), else its `src`, else the
/// widest of its `srcset` (`a-400.jpg 400w, a-800.jpg 800w` → a-800.jpg; by density, the densest).
fn image_address(img: ElementRef) -> String {
    const LAZY: [&str; 6] = ["data-src", "data-original", "data-lazy-src", "data-actualsrc", "data-echo", "data-url"];
    let attr = |name: &str| img.value().attr(name).map(str::trim).filter(|v| !v.is_empty());
    if let Some(lazy) = LAZY.iter().find_map(|name| attr(name)) {
        return lazy.to_owned();
    }
    // (A lazy loader's set of sizes is the real picture, its src a placeholder: lazysizes' data-srcset.)
    let lazy_set = attr("data-srcset");
    if let (Some(src), None) = (attr("src"), lazy_set) {
        return src.to_owned();
    }
    let Some(set) = lazy_set.or_else(|| attr("srcset")) else { return String::new() };
    // Each candidate: an address, then a width (`800w`) or a density (`2x`), or nothing (1x).
    let size = |descriptor: Option<&str>| {
        let d = descriptor.unwrap_or("1x");
        let n = d[..d.len().saturating_sub(1)].parse::<f64>().unwrap_or(0.0);
        if d.ends_with('w') {
            n
        } else {
            n * 1e-6
        }
    };
    set.split(',')
        .filter_map(|c| {
            let mut parts = c.split_whitespace();
            Some((parts.next()?, size(parts.next())))
        })
        .fold(None::<(&str, f64)>, |best, (url, s)| match best {
            Some((_, b)) if b >= s => best,
            _ => Some((url, s)),
        })
        .map(|(url, _)| url.to_owned())
        .unwrap_or_default()
}

/// A numbered list's first number (`<ol start="3">`; 1 when not given or not a number, 0 for one below 0).
fn list_start(list: ElementRef) -> u32 {
    list.value()
        .attr("start")
        .and_then(|s| s.trim().parse::<i64>().ok())
        .map_or(1, |n| n.clamp(0, u32::MAX.into()) as u32)
}

/// A task list item's box as text, ticked or not, with the space after it.
pub fn task_box(ticked: bool) -> &'static str {
    if ticked {
        "☑ "
    } else {
        "☐ "
    }
}

/// The element children of `el` (a list's, a table's or a row's), `None` when text other than white space stands
/// between them; comments are passed over.
fn element_children(el: ElementRef) -> Option<Vec<ElementRef>> {
    let mut out = Vec::new();
    for child in el.children() {
        match child.value() {
            Node::Text(t) if !t.trim().is_empty() => return None,
            Node::Element(_) => out.extend(ElementRef::wrap(child)),
            _ => {}
        }
    }
    Some(out)
}

/// The longest text of a cell of a table of data: a longer one is a page's layout table's.
const MAX_CELL_CHARS: usize = 400;

/// A link (`<a href>`, a Markdown link) with its words (`raw` from `at` on, collapsed), when it has any, and
/// where they start (`at`).
pub(super) fn push_link(links: &mut Vec<(Link, usize)>, raw: &str, at: usize, href: &str) {
    let text = collapse(raw.get(at..).unwrap_or_default());
    if !text.is_empty() {
        links.push((Link::new(text, href.trim()), at));
    }
}

/// The links and styled words of one text, `marks`, each with where its words start in `raw` (the text as read,
/// before [`collapse`]), each given the text before it (see [`Link`]'s `before`) where the viewer would place it
/// elsewhere (the same words earlier: `in` inside "thing" before `` `in` ``); the shortest that places it where
/// it was, up to 24 characters, none when no such text does.
pub(super) fn pin(raw: &str, marks: Vec<(Link, usize)>) -> Vec<Link> {
    if marks.is_empty() {
        return Vec::new();
    }
    // Where a mark's words start in the collapsed text: where the first character of them that is kept (not
    // white space) is (the characters kept, as (where in `raw`, where in `text`), in order).
    let mut kept = Vec::new();
    let text = collapse_with(raw, false, &mut |from, to| kept.push((from, to)));
    let start_in_text = |at: usize| kept.get(kept.partition_point(|&(from, _)| from < at)).map(|&(_, to)| to);
    // Where the viewer places words after `from`, as `Link::ranges_in` does (in one text).
    let place = |words: &str, before: &str, from: usize| {
        [before, ""].into_iter().find_map(|b| Link::find_after(&text, from, words, b))
    };
    let mut out: Vec<Link> = Vec::with_capacity(marks.len());
    for kind in [true, false] {
        let mut from = 0;
        for (mut link, at) in marks.iter().filter(|(l, _)| l.is_link() == kind).cloned() {
            let want = start_in_text(at);
            if want.is_some() && place(&link.text, "", from) != want {
                let head = want.and_then(|w| text.get(..w)).unwrap_or_default().trim_end();
                let starts = head.char_indices().rev().take(24).map(|(i, _)| i);
                if let Some(b) = starts.map(|i| &head[i..]).find(|b| place(&link.text, b, from) == want) {
                    link.before = b.to_owned();
                }
            }
            if let Some(p) = place(&link.text, &link.before, from) {
                from = p + link.text.len();
            }
            out.push(link);
        }
    }
    out
}

/// The style an inline element sets its words in: bold, italic, code, struck through, raised or lowered.
pub(super) fn style_of(name: &str) -> Option<Style> {
    match name {
        "strong" | "b" => Some(Style::STRONG),
        "em" | "i" => Some(Style::EM),
        "code" | "kbd" | "samp" | "tt" => Some(Style::CODE),
        "del" | "s" | "strike" => Some(Style::DEL),
        "sup" => Some(Style::SUP),
        "sub" => Some(Style::SUB),
        _ => None,
    }
}

/// The styled words of a text as read (`raw`, before [`collapse`]), from where its styling elements were in it
/// (`ranges`: byte ranges, nested or overlapping as the markup nested them): cut where any starts or ends, each
/// piece in the styles of all the elements it was in, pieces in one style together, their words collapsed; in
/// order, without the unstyled ones.
pub(super) fn styled_runs(raw: &str, ranges: &[(Range<usize>, Style)]) -> Vec<(Link, usize)> {
    // Swept from start to end: each style's elements open at a point (as a count, for nested ones of one style).
    let mut edges: Vec<(usize, bool, Style)> =
        ranges.iter().flat_map(|(r, s)| [(r.start, true, *s), (r.end, false, *s)]).collect();
    edges.sort_unstable_by_key(|e| e.0);
    let mut open = [0u32; Style::NAMES.len()];
    let mut runs: Vec<(Range<usize>, Style)> = Vec::new();
    let mut k = 0;
    while k < edges.len() {
        let at = edges[k].0;
        while let Some(&(_, starts, style)) = edges.get(k).filter(|e| e.0 == at) {
            for (n, _) in Style::NAMES.iter().enumerate().filter(|(_, (_, s))| style.has(*s)) {
                open[n] = if starts { open[n] + 1 } else { open[n].saturating_sub(1) };
            }
            k += 1;
        }
        let Some(&(next, ..)) = edges.get(k) else { break };
        let style =
            Style::NAMES.iter().zip(open).filter(|(_, n)| *n > 0).fold(Style::default(), |a, ((_, s), _)| a.with(*s));
        match runs.last_mut() {
            Some((last, s)) if *s == style && last.end == at => last.end = next,
            _ => runs.push((at..next, style)),
        }
    }
    runs.into_iter()
        .filter(|(_, s)| !s.is_empty())
        .filter_map(|(r, s)| {
            let words = collapse(raw.get(r.clone())?);
            (!words.is_empty()).then(|| (Link::styled(words, s), r.start))
        })
        .collect()
}

/// The collapsed text of an element, when it has any.
fn text_of(el: ElementRef) -> Option<String> {
    text_and_links(el).map(|(text, _)| text)
}

/// An element that holds one image and its caption and nothing else, as many a site writes a figure without
/// `<figure>`: the caption an element whose class or id says so (caption, desc, descr, credit, legend), of 200
/// characters at most. The image and the caption (with its links).
fn captioned_image(el: ElementRef) -> Option<(ElementRef, (String, Vec<Link>))> {
    // (A caption's words at most: a container of the text is passed over without reading all of it.)
    short_text(el, 800)?;
    let mut imgs = el.descendants().filter_map(ElementRef::wrap).filter(|d| d.value().name() == "img");
    let img = imgs.next()?;
    if imgs.next().is_some() {
        return None;
    }
    let says_caption = |d: &ElementRef| {
        let words = class_and_id(d.value());
        ["caption", "desc", "credit", "legend"].iter().any(|w| words.contains(w))
    };
    let holder = el.descendants().skip(1).filter_map(ElementRef::wrap).find(says_caption)?;
    let caption = text_and_links(holder).filter(|(t, _)| t.chars().count() <= 200)?;
    // (Nothing else: the wrapper's words are the caption's.)
    (text_of(el).as_deref() == Some(caption.0.as_str())).then_some((img, caption))
}

/// The collapsed text of an element, when it has any, and its links (`<a href>`: their words and addresses).
fn text_and_links(el: ElementRef) -> Option<(String, Vec<Link>)> {
    let (mut t, mut marks, mut styles) = (String::new(), Vec::new(), Vec::new());
    collect_text(el, &mut t, &mut marks, &mut styles);
    marks.extend(styled_runs(&t, &styles));
    let links = pin(&t, marks);
    Some(collapse(&t)).filter(|t| !t.is_empty()).map(|t| (t, links))
}

fn collect_text(
    el: ElementRef,
    out: &mut String,
    links: &mut Vec<(Link, usize)>,
    styles: &mut Vec<(Range<usize>, Style)>,
) {
    for child in el.children() {
        match child.value() {
            Node::Text(t) => out.push_str(t),
            Node::Element(e) if DROPPED.contains(&e.name()) => {}
            Node::Element(e) => {
                let block = BLOCK_LEVEL.contains(&e.name());
                if block {
                    out.push(' ');
                }
                let at = out.len();
                collect_text(ElementRef::wrap(child).expect("an element node"), out, links, styles);
                if let ("a", Some(href)) = (e.name(), e.attr("href")) {
                    push_link(links, out, at, href);
                }
                styles.extend(style_of(e.name()).map(|s| (at..out.len(), s)));
                if block {
                    out.push(' ');
                }
            }
            _ => {}
        }
    }
}

/// A code block of `text` as written, without the blank lines before and the white space after it (an HTML
/// parser drops the line break right after `<pre>`, Markdown the fence's); none when it is only white space.
/// `language`: what the source says it is written in (a Markdown fence's info string, a `language-…` class), kept
/// when it looks like a language's name (`rust`, `c++`, `objective-c`, `c#`: up to 32 letters, digits, `+#._-`).
pub fn code_block(text: &str, language: Option<&str>) -> Option<Block> {
    let text = text.trim_end().trim_start_matches(['\n', '\r']);
    let language = language
        .map(str::trim)
        .filter(|l| {
            (1..=32).contains(&l.len()) && l.bytes().all(|b| b.is_ascii_alphanumeric() || b"+#._-".contains(&b))
        })
        .map(str::to_owned);
    (!text.trim().is_empty()).then(|| Block::Code { text: text.to_owned(), language })
}

/// The language a `<pre>` or the `<code>` in it names by a `language-…` or `lang-…` class.
fn code_language(pre: ElementRef) -> Option<String> {
    let code = pre.children().filter_map(ElementRef::wrap).find(|c| c.value().name() == "code");
    [Some(pre), code].into_iter().flatten().find_map(|el| {
        el.value()
            .classes()
            .find_map(|c| c.strip_prefix("language-").or_else(|| c.strip_prefix("lang-")).map(str::to_owned))
    })
}

/// The text of `el` as written (a `<pre>`'s: spaces and line breaks kept, a `<br>` a line break), without
/// what is dropped for safety; returns how many elements were dropped.
fn raw_text(el: ElementRef, out: &mut String) -> usize {
    let mut dropped = 0;
    for child in el.children() {
        match child.value() {
            Node::Text(t) => out.push_str(t),
            Node::Element(e) if DROPPED.contains(&e.name()) => dropped += usize::from(!MACHINERY.contains(&e.name())),
            Node::Element(e) if e.name() == "br" => out.push('\n'),
            Node::Element(_) => dropped += raw_text(ElementRef::wrap(child).expect("an element node"), out),
            _ => {}
        }
    }
    dropped
}

/// Collapses runs of white space to one space and trims; a run between two CJK characters is dropped (Chinese
/// and Japanese put no spaces between words: a line break in the source, or a space that markup left around a
/// link, `記者 <a>張燎原</a> 報道`, is not one).
pub fn collapse(s: &str) -> String {
    collapse_with(s, false, &mut |_, _| {})
}

/// As [`collapse`], but a run of spaces between two CJK characters within a line is kept as one space: in a
/// title (`鎳價回升 冶煉廠復產`) or a metadata value it is a pause the editor put there.
pub fn collapse_keeping_spaces(s: &str) -> String {
    collapse_with(s, true, &mut |_, _| {})
}

/// (`kept` hears of each character kept: where it is in `s`, and in what is returned.)
fn collapse_with(s: &str, keep_inline: bool, kept: &mut dyn FnMut(usize, usize)) -> String {
    let mut out = String::with_capacity(s.len());
    let (mut pending_space, mut line_break) = (false, false);
    for (at, c) in s.char_indices() {
        if c.is_whitespace() {
            line_break |= matches!(c, '\n' | '\r');
            pending_space = !out.is_empty();
            continue;
        }
        // `企業,\n市場`: a half-width comma after CJK text counts as CJK here (scraped Chinese uses it) — across a
        // line break only: a space after it is the writer's (`头发, 联系` in an English sentence; in Chinese text
        // the comma is made full-width later, and the space around it goes then).
        let joins = is_cjk(c)
            && out.chars().next_back().is_some_and(|p| {
                is_cjk(p)
                    || (line_break && p.is_ascii_punctuation() && {
                        let mut back = out.chars().rev();
                        back.next();
                        back.next().is_some_and(is_cjk)
                    })
            });
        if pending_space && !(joins && (line_break || !keep_inline)) {
            out.push(' ');
        }
        (pending_space, line_break) = (false, false);
        kept(at, out.len());
        out.push(c);
    }
    out
}

fn is_cjk(c: char) -> bool {
    super::clean::is_han(c) || matches!(c as u32, 0x3000..=0x303F | 0xFF00..=0xFFEF | 0x3040..=0x30FF)
}
