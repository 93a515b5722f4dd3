//! A saved web page (HTML) to one article: the article's text from its `<article>` (or what holds the page's
//! paragraphs), its title, date, authors, summary, tags and address from the page's metadata (Open Graph,
//! `article:*`, `<meta name>`, schema.org JSON-LD and `itemprop`), the page's navigation, sidebars, headers, footers, scripts
//! and forms left out, and the parts whose class or id says they are not the article (comments, related links,
//! share bars…, as Mozilla Readability tells them).

use super::clean::{repair, report_damage, CleanReport};
use super::html::{collapse, collapse_keeping_spaces, is_page_chrome, is_unlikely, page_article_blocks};
use super::Draft;
use crate::domain::article::Published;
use crate::domain::load::is_safe_url;
use crate::domain::Block;
use scraper::{ElementRef, Html, Selector};

/// What reading a page gave: the article, and what to tell the user about it.
#[derive(Debug)]
pub struct Page {
    pub draft: Draft,
    /// Where the article goes on, when the page is one of several ([`next_page`]).
    pub next_page: Option<String>,
    pub warnings: Vec<String>,
    pub pinyin_removed: usize,
    pub entities_decoded: usize,
    /// Damaged spans left in the article's text (after the fixes), each also a warning.
    pub corrupted_spans: usize,
}

fn selector(css: &str) -> Selector {
    Selector::parse(css).expect("a valid selector")
}

/// The `content` of the first `<meta>` whose `property`, `name` or `itemprop` is one of `keys` (in that order of
/// preference), trimmed, when not empty.
fn meta(doc: &Html, keys: &[&str]) -> Option<String> {
    keys.iter().find_map(|k| meta_all(doc, k).into_iter().next())
}

/// Every non-empty `content` of the `<meta>` elements whose `property`, `name` or `itemprop` is `key`.
fn meta_all(doc: &Html, key: &str) -> Vec<String> {
    let sel = selector(&format!("meta[property=\"{key}\" i], meta[name=\"{key}\" i], meta[itemprop=\"{key}\" i]"));
    let values = doc.select(&sel).filter_map(|m| m.value().attr("content"));
    values.map(collapse_keeping_spaces).filter(|s| !s.is_empty()).collect()
}

fn text_of(el: ElementRef) -> String {
    collapse(&el.text().collect::<String>())
}

/// The length of the text in `el`'s own paragraphs (its `<p>` children, and the text of its own when it is a
/// block or a cell: older pages put paragraphs in a table cell, split by `<br>`) outside links, the measure of where a page's article is when it
/// is not marked: a list of links to other articles ("related", "most read") is text too, but not the article's.
fn paragraph_text(el: ElementRef) -> usize {
    let chars = |e: ElementRef| e.text().map(|t| t.trim().chars().count()).sum::<usize>();
    let a = selector("a");
    // Own text counts in what holds paragraphs, not in a heading, a link or a list item.
    let holds = ["div", "td", "section", "article", "main", "font", "span", "center"].contains(&el.value().name());
    el.children()
        .map(|c| match c.value() {
            scraper::Node::Text(t) if holds => t.trim().chars().count(),
            scraper::Node::Element(e) if e.name() == "p" => {
                let p = ElementRef::wrap(c).expect("an element node");
                chars(p).saturating_sub(p.select(&a).map(chars).sum())
            }
            _ => 0,
        })
        .sum()
}

/// Whether `el` is outside the page's navigation, sidebars, headers and footers.
fn outside_chrome(el: &ElementRef) -> bool {
    !el.ancestors().filter_map(ElementRef::wrap).any(|a| is_page_chrome(a.value()))
}

/// The element that holds the article: schema.org's `articleBody`, else the `<article>` with the most text, else
/// `<main>`, else the element whose own paragraphs hold the most text (outside navigation and sidebars, and not
/// one whose class or id says it is not the article: a long comment thread), else `<body>`.
fn container(doc: &Html) -> Option<ElementRef<'_>> {
    if let Some(el) = doc.select(&selector("[itemprop=articleBody]")).next() {
        return Some(el);
    }
    if let Some(el) =
        doc.select(&selector("article")).filter(outside_chrome).max_by_key(|a| a.text().map(str::len).sum::<usize>())
    {
        return Some(el);
    }
    if let Some(el) = doc.select(&selector("main, [role=main]")).next() {
        return Some(el);
    }
    let best = doc
        .select(&selector("body *"))
        .filter(|e| !is_page_chrome(e.value()) && !is_unlikely(e.value()) && outside_chrome(e))
        .map(|e| (paragraph_text(e), e))
        .filter(|(n, _)| *n > 0)
        .max_by_key(|(n, _)| *n)
        .map(|(_, e)| e);
    best.or_else(|| doc.select(&selector("body")).next())
}

/// Whether `el` is in the page's navigation, sidebars or footer (a `<header>` is not: an article's byline is
/// often in its header).
fn in_site_chrome(el: &ElementRef) -> bool {
    std::iter::once(**el).chain(el.ancestors()).filter_map(ElementRef::wrap).any(|a| {
        matches!(a.value().name(), "nav" | "aside" | "footer")
            || matches!(a.value().attr("role"), Some("navigation" | "complementary" | "contentinfo"))
    })
}

/// The source a news portal names beside the date of a report it carries from elsewhere:
/// `<a class="source">上海证券报</a>` (Sina), `<span id="ne_article_source">` (NetEase), `المصدر : رويترز` — an
/// element, outside navigation, sidebars and footers, whose class or id has the word source and whose text, after
/// the word for source ([`without_source_label`]), is a name (2 to 30 characters, no digit, one line). Before the
/// site's own name: the report is the source's.
fn source_named(doc: &Html) -> Option<String> {
    let named = |e: &ElementRef| super::html::named(e.value(), &["source"]);
    doc.root_element().descendants().filter_map(ElementRef::wrap).filter(named).filter(|e| !in_site_chrome(e)).find_map(
        |e| {
            let text = text_of(e);
            let text = without_source_label(&text);
            let name = (2..=30).contains(&text.chars().count())
                && !text.chars().any(|c| c.is_ascii_digit() || c == '\n')
                && !text.contains("://");
            name.then(|| text.to_owned())
        },
    )
}

/// The date a page shows, unlabelled, in an element named for it (`<span class="date-simple">30/11/2026</span>`,
/// `<div class="news-header__date">`, a `<time>` without `datetime`): the first element, outside navigation,
/// sidebars and footers, that is a `<time>` or whose class or id has the word date, time, pubdate or published
/// ([`DATE_WORDS`]), and whose short text (at most 60 characters) is a date as
/// [`super::scraped::parse_date`] or [`super::scraped::date_in_words`] reads one.
fn date_named(doc: &Html, offset: time::UtcOffset) -> Option<String> {
    let named = |e: &ElementRef| e.value().name() == "time" || super::html::named(e.value(), &DATE_WORDS);
    doc.root_element().descendants().filter_map(ElementRef::wrap).filter(named).filter(|e| !in_site_chrome(e)).find_map(
        |e| {
            let text = text_of(e);
            if text.chars().count() > 60 {
                return None;
            }
            super::scraped::parse_date(&text, offset)
                .map(|(d, _)| d)
                .or_else(|| super::scraped::date_in_words(&text))
                .filter(|d| Published::parse(d).is_ok())
        },
    )
}

/// The words for a date or a time in an element's class or id (`meta__date`, `post-time`, `pubdate`).
const DATE_WORDS: [&str; 8] = ["date", "dates", "time", "pubdate", "pubtime", "published", "publish", "timestamp"];

/// The texts of the elements in `root` that show its byline or its date: short (at most 200 bytes), named so by
/// their class or id (byline, author; date, time…) or a `<time>`, a date's with a digit; longest first.
fn bylines_and_dates(root: ElementRef) -> Vec<String> {
    let mut texts: Vec<String> = root
        .descendants()
        .filter_map(ElementRef::wrap)
        .filter(|e| super::html::short_text(*e, 200).is_some())
        .filter(|e| {
            let dated = e.value().name() == "time" || super::html::named(e.value(), &DATE_WORDS);
            is_byline(e) || (dated && text_of(*e).contains(|c: char| c.is_ascii_digit()))
        })
        .map(text_of)
        .filter(|t| !t.is_empty())
        .collect();
    texts.sort_by_key(|t| std::cmp::Reverse(t.len()));
    texts
}

/// Whether `text` is nothing but some of `shown` and the marks between them.
fn only_these(text: &str, shown: &[String]) -> bool {
    if shown.is_empty() {
        return false;
    }
    let mut rest = text.to_owned();
    for s in shown {
        rest = rest.replace(s.as_str(), " ");
    }
    rest.chars().all(|c| c.is_whitespace() || matches!(c, '|' | '·' | '-' | '–' | '—' | ',' | '/' | '•'))
}

/// The word for a source, in the languages news is imported from, as a label before one (`Source: Reuters`,
/// `المصدر : رويترز`, `Источник: ТАСС`, `출처: 연합뉴스`).
const SOURCE_LABELS: [&str; 26] = [
    "source",
    "sources",
    "quelle",
    "fuente",
    "fonte",
    "źródło",
    "zdroj",
    "forrás",
    "sursa",
    "kaynak",
    "nguồn",
    "bron",
    "kilde",
    "källa",
    "lähde",
    "πηγή",
    "источник",
    "джерело",
    "المصدر",
    "מקור",
    "출처",
    "出典",
    "出所",
    "来源",
    "來源",
    "出處",
];

/// `text` without a label naming it a source (`Source: Reuters` → `Reuters`, `来源：新华社`, and `來源 中央社`
/// without a colon).
fn without_source_label(text: &str) -> &str {
    let t = text.trim();
    for label in SOURCE_LABELS {
        let Some(head) = t.get(..label.len()).filter(|h| h.to_lowercase() == label) else { continue };
        let rest = t[head.len()..].trim_start();
        if let Some(value) = rest.strip_prefix([':', '：']) {
            return value.trim();
        }
        if matches!(label, "来源" | "來源") && !rest.is_empty() {
            return rest;
        }
    }
    t
}

/// The page's byline read as a scraped meta line: the innermost element, outside navigation, sidebars and
/// footers, whose text (at most 200 characters) names a source, category or author with a label or counts views.
fn byline(doc: &Html, offset: time::UtcOffset) -> Option<super::scraped::ScrapedArticle> {
    // The element's text, when it is short (read no further than that: every element of the page is asked).
    let line = |e: &ElementRef| {
        let mut text = String::new();
        for t in e.text() {
            text.push_str(t);
            if text.len() > 1600 {
                return None;
            }
        }
        Some(collapse_keeping_spaces(&text)).filter(|t| t.chars().count() <= 200)
    };
    let qualifies = |e: &ElementRef| line(e).is_some_and(|t| super::scraped::names_or_counts(&t)) && !in_site_chrome(e);
    let all = selector("body *");
    let el = doc
        .select(&all)
        .filter(qualifies)
        .find(|e| !e.descendants().skip(1).filter_map(ElementRef::wrap).any(|d| qualifies(&d)))?;
    let mut art = super::scraped::ScrapedArticle::default();
    super::scraped::read_meta(&line(&el)?, offset, &mut art);
    Some(art)
}

/// A date from a page's metadata as the schema takes it: RFC 3339 with offset or YYYY-MM-DD as they are; a
/// date-time without an offset (`2024-03-01 08:30:00`, `2024年3月1日 08:30`) is taken in the time zone `offset`.
fn published(value: &str, offset: time::UtcOffset) -> Option<String> {
    let v = value.trim();
    if Published::parse(v).is_ok() {
        return Some(v.to_owned());
    }
    super::scraped::parse_date(v, offset).map(|(date, _)| date).filter(|d| Published::parse(d).is_ok())
}

/// A `<title>` without the site's name that pages append to it (`銅價上漲_中國有色網`, `Smelters restart | Metal
/// Weekly`): only the page's own `og:site_name`, after one of `|` `-` `–` `—` `_` `·` `:` (spaces around it
/// allowed), is taken off — a guess at what a name looks like could cut a real title.
fn without_site_name(title: &str, site: Option<&str>) -> String {
    let cut = site.filter(|s| !s.is_empty()).and_then(|site| {
        let rest = title.strip_suffix(site)?.trim_end();
        let rest = rest.strip_suffix(['|', '-', '–', '—', '_', '·', ':'])?.trim_end();
        (!rest.is_empty()).then_some(rest)
    });
    cut.unwrap_or(title).to_owned()
}

/// The headline in a <title> that adds the site's (and its section's) names after it — `铜陵有色产量创新高--中国有色网`,
/// `铜价创新高_新浪财经_新浪网`, `Copper rises | Metals Daily` — where the page does not name its site: the part
/// before the first separator, when the page shows those words alone in an element of its own (its headline,
/// in a <b> or a <font> where there is no <h1>).
fn headline_in_title(title: &str, doc: &Html) -> Option<String> {
    ["--", "——", " - ", " | ", "_", " – ", " — ", "|"].iter().find_map(|sep| {
        let (head, _) = title.split_once(sep)?;
        let head = head.trim();
        let shown = doc
            .root_element()
            .descendants()
            .filter_map(ElementRef::wrap)
            .filter(|e| !matches!(e.value().name(), "title" | "head" | "html"))
            .any(|e| {
                super::html::short_text(e, 4 * head.len()).is_some()
                    && collapse_keeping_spaces(&e.text().collect::<String>()) == head
            });
        (head.chars().count() >= 2 && shown).then(|| head.to_owned())
    })
}

/// The schema.org types of an article, as JSON-LD names them.
const ARTICLE_TYPES: [&str; 9] = [
    "Article",
    "NewsArticle",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BlogPosting",
    "TechArticle",
    "ScholarlyArticle",
    "Report",
];

/// What a page's schema.org JSON-LD (`<script type="application/ld+json">`, as most news sites write it) says
/// of its article: the first object, in any of those scripts, whose `@type` is an article type (also inside an
/// `@graph` or a list). A script that is not JSON is passed over.
#[derive(Debug, Default)]
struct LinkedData {
    headline: Option<String>,
    published: Option<String>,
    authors: Vec<String>,
    section: Option<String>,
    keywords: Vec<String>,
    description: Option<String>,
    url: Option<String>,
    publisher: Option<String>,
    /// The address of its `image` (a URL, an ImageObject's `url` / `contentUrl`, the first of a list).
    image: Option<String>,
    /// Its whole text (`articleBody`), as written there: lines, or HTML.
    body: Option<String>,
}

fn linked_data(doc: &Html) -> LinkedData {
    use serde_json::Value;
    fn is_article(v: &Value) -> bool {
        match v.get("@type") {
            Some(Value::String(t)) => ARTICLE_TYPES.contains(&t.as_str()),
            Some(Value::Array(ts)) => ts.iter().any(|t| t.as_str().is_some_and(|t| ARTICLE_TYPES.contains(&t))),
            _ => false,
        }
    }
    fn find(v: &Value, depth: usize) -> Option<&Value> {
        if depth > 4 {
            return None;
        }
        match v {
            Value::Object(_) if is_article(v) => Some(v),
            Value::Object(o) => o.get("@graph").and_then(|g| find(g, depth + 1)),
            Value::Array(items) => items.iter().find_map(|i| find(i, depth + 1)),
            _ => None,
        }
    }
    // A text, or the `name` (else `@id`) of an object; each of a list.
    fn texts(v: Option<&Value>) -> Vec<String> {
        match v {
            Some(Value::String(s)) => vec![collapse_keeping_spaces(s)],
            Some(Value::Object(o)) => texts(o.get("name").or_else(|| o.get("@id"))),
            Some(Value::Array(items)) => items.iter().flat_map(|i| texts(Some(i))).collect(),
            _ => Vec::new(),
        }
        .into_iter()
        .filter(|t| !t.is_empty())
        .collect()
    }
    fn image_url(v: Option<&Value>) -> Option<String> {
        match v? {
            Value::String(s) => Some(s.trim().to_owned()).filter(|s| !s.is_empty()),
            Value::Object(o) => image_url(o.get("url")).or_else(|| image_url(o.get("contentUrl"))),
            Value::Array(items) => items.iter().find_map(|i| image_url(Some(i))),
            _ => None,
        }
    }
    let sel = selector("script[type=\"application/ld+json\" i]");
    let values = doc.select(&sel).filter_map(|s| serde_json::from_str::<Value>(&s.text().collect::<String>()).ok());
    let Some(a) = values.into_iter().find_map(|v| find(&v, 0).cloned()) else { return LinkedData::default() };
    let first = |key: &str| texts(a.get(key)).into_iter().next();
    let keywords = texts(a.get("keywords")).iter().flat_map(|k| keyword_list(k)).collect();
    LinkedData {
        headline: first("headline").or_else(|| first("name")),
        published: first("datePublished"),
        authors: texts(a.get("author")),
        section: first("articleSection"),
        keywords,
        description: first("description"),
        url: first("url").or_else(|| first("mainEntityOfPage")),
        publisher: a.get("publisher").and_then(|p| texts(Some(p)).into_iter().next()),
        image: image_url(a.get("image")),
        body: a.get("articleBody").and_then(Value::as_str).map(str::to_owned),
    }
}

/// The blocks of a JSON-LD `articleBody`: its HTML converted as a feed's is, or its lines as paragraphs.
fn linked_body_blocks(body: &str) -> Vec<Block> {
    if body.contains("</") {
        return super::html::html_to_blocks(body).blocks;
    }
    body.lines().map(collapse_keeping_spaces).filter(|t| !t.is_empty()).map(Block::paragraph).collect()
}

/// Whether `el`'s class or id names it a byline or an author (`byline`, `post-author`, `author-name`).
fn is_byline(el: &ElementRef) -> bool {
    let e = el.value();
    let words = super::html::class_and_id(e);
    words.contains("byline") || words.contains("author")
}

/// The words a byline begins with, in the languages news is imported from: "By Ann Smith", "Par Jean Dupont",
/// "Von Hans Müller", "Por Juan Pérez", "Di Mario Rossi", "Door Jan de Vries", "Av Anna Berg", "Автор: Иван
/// Петров".
const BY: [&str; 14] = [
    "By ",
    "BY ",
    "Written by ",
    "Words by ",
    "Par ",
    "Von ",
    "Por ",
    "Di ",
    "Door ",
    "Av ",
    "Af ",
    "Autor: ",
    "Автор: ",
    "Авторы: ",
];

/// `text` after the word a byline begins with ([`BY`], in either case), if it begins with one.
fn after_by(text: &str) -> Option<&str> {
    BY.iter().find_map(|p| {
        let head = text.get(..p.len())?;
        (head == *p || (head.eq_ignore_ascii_case(p) && head.starts_with(|c: char| c.is_lowercase())))
            .then(|| &text[p.len()..])
    })
}

/// The names in a byline's words: after "By" (or its word in another language, [`BY`]), split at commas, "and"
/// and "&" (and the words for and: et, und, y, e, en, och, og, и); a part is a name when it has one to four words,
/// no digit (a date) and no `@`, and each word starts with a capital letter or is not Latin — but for a particle
/// between its first and last (de, van, dos…). Nothing when the text is long (a biography, not a byline).
fn names_in_byline(text: &str) -> Vec<String> {
    if text.chars().count() > 120 {
        return Vec::new();
    }
    let mut rest = after_by(text).unwrap_or(text).to_owned();
    for and in [" and ", " & ", " et ", " und ", " y ", " e ", " en ", " och ", " og ", " и "] {
        rest = rest.replace(and, ",");
    }
    // (A name's particles are lower case: Jan de Vries, Ludwig van Beethoven, Pedro dos Santos.)
    const PARTICLES: [&str; 14] =
        ["de", "van", "von", "der", "den", "da", "di", "du", "del", "dos", "das", "ten", "ter", "la"];
    let is_name = |part: &str| {
        let words: Vec<&str> = part.split_whitespace().collect();
        let capital = |w: &&str| w.chars().next().is_some_and(|c| c.is_uppercase() || !c.is_ascii());
        let inner = words.get(1..words.len().saturating_sub(1)).unwrap_or_default();
        (1..=4).contains(&words.len())
            && !part.chars().any(|c| c.is_ascii_digit() || c == '@')
            && words.first().is_some_and(capital)
            && words.last().is_some_and(capital)
            && inner.iter().all(|w| capital(w) || PARTICLES.contains(w))
    };
    rest.split([',', '|', '·', '—']).map(str::trim).filter(|p| is_name(p)).map(str::to_owned).collect()
}

/// The address of a multi-page article's next page: where its pager (`上一页 1 2 3 下一页`, `« Previous 1 2 Next
/// »`: an element outside navigation and footers with nothing else in it) links with its "next" word, resolved
/// against `address` (where the page was fetched from), else the page's <base href> or canonical address (as
/// written where it names none). `None` on the last page.
fn next_page(doc: &Html, address: Option<&str>) -> Option<String> {
    let own = doc.select(&selector("link[rel=canonical]")).find_map(|l| l.value().attr("href").map(str::to_owned));
    let base_href = doc.select(&selector("base[href]")).find_map(|b| b.value().attr("href").map(str::to_owned));
    let base = [address.map(str::to_owned), base_href, own].into_iter().flatten().find_map(|u| super::web_base(&u));
    let next_word = |t: &str| {
        let t = t.trim().trim_end_matches(['›', '»', '>', '→', ' ']).trim().to_lowercase();
        ["下一页", "下一頁", "下页", "下頁", "next", "next page"].contains(&t.as_str())
    };
    let pager = doc
        .root_element()
        .descendants()
        .filter_map(ElementRef::wrap)
        .filter(|e| super::html::short_text(*e, 400).is_some())
        .find(|e| !in_site_chrome(e) && super::news::is_pager(&text_of(*e)))?;
    let href = pager
        .select(&selector("a[href]"))
        .find(|a| next_word(&text_of(*a)))
        .and_then(|a| a.value().attr("href"))
        .map(str::trim)
        .filter(|h| !h.is_empty() && !h.starts_with('#') && !h.to_ascii_lowercase().starts_with("javascript:"))?;
    let Some(base) = base else { return Some(href.to_owned()) };
    let next = super::resolve(href, Some(&base));
    (is_safe_url(&next, false) && next != base.as_str()).then_some(next)
}

/// A list of keywords as pages write it: split at commas, semicolons and `、`, half- or full-width.
fn keyword_list(text: &str) -> Vec<String> {
    text.split([',', '，', '、', ';', '；']).map(str::trim).filter(|t| !t.is_empty()).map(str::to_owned).collect()
}

/// Keeps the first of equal values.
fn unique(values: &mut Vec<String>) {
    let mut seen = std::collections::HashSet::new();
    values.retain(|v| seen.insert(v.clone()));
}

/// Reads a saved web page. `stem` (the file's name) is the article's id; `offset`, the time zone of a date
/// given without one (`None`: by the page's language, [`super::zone_of`]); `address`, where the page was fetched
/// from, if it was. An error when the page has no title or no article text.
pub fn parse_page(
    html: &str,
    stem: &str,
    offset: Option<time::UtcOffset>,
    address: Option<&str>,
) -> Result<Page, String> {
    let doc = Html::parse_document(html);
    let lang = doc.root_element().value().attr("lang").map(str::trim).filter(|l| !l.is_empty()).map(str::to_owned);
    let offset = offset.unwrap_or_else(|| super::zone_of(lang.as_deref()));
    let mut warnings = Vec::new();
    let body_el = container(&doc).ok_or("the page has no body")?;
    let title_of = |el: ElementRef| collapse_keeping_spaces(&el.text().collect::<String>());
    let first_h1 = |root: ElementRef| root.select(&selector("h1")).map(title_of).find(|t| !t.is_empty());
    let ld = linked_data(&doc);
    let title = meta(&doc, &["og:title", "twitter:title", "headline"])
        .or(ld.headline)
        .or_else(|| first_h1(body_el))
        .or_else(|| first_h1(doc.root_element()))
        .or_else(|| {
            let site = meta(&doc, &["og:site_name"]);
            doc.select(&selector("title"))
                .map(|t| {
                    let whole = title_of(t);
                    let cut = without_site_name(&whole, site.as_deref());
                    if cut == whole {
                        headline_in_title(&whole, &doc).unwrap_or(cut)
                    } else {
                        cut
                    }
                })
                .find(|t| !t.is_empty())
        })
        .ok_or("the page has no title (no og:title, <h1> or <title>)")?;

    let mut converted = page_article_blocks(body_el);
    // A page whose HTML holds little of its text (a script fills it in; a teaser) while its JSON-LD holds the whole
    // of it (more than twice as much): the article's blocks from there.
    // (Its length as written bounds its text: a page whose HTML has the text does not convert it.)
    let html_chars = super::text_chars(&converted.blocks);
    if let Some(body) = ld.body.as_deref().filter(|b| b.chars().count() > 2 * html_chars) {
        let linked = linked_body_blocks(body);
        if super::text_chars(&linked) > 2 * html_chars {
            converted.blocks = linked;
        }
    }
    let mut repaired = CleanReport::default();
    let mut blocks: Vec<Block> = converted.blocks;
    super::block_texts_mut(&mut blocks, &mut |text: &mut String| repair(text, &mut repaired));
    let mut title = title;
    repair(&mut title, &mut repaired);
    // (A reference decoded may be a space: `&amp;nbsp;`.)
    let title = collapse_keeping_spaces(&title);
    // "責任編輯：定律" anywhere in the article (often its footer) is its editor, not its text.
    let editor = body_el
        .select(&selector("p, div, span, footer"))
        .find_map(|e| super::scraped::editor_of(&text_of(e)))
        // (Or a line of the article's own, `<br>（责任编辑：张三）` in a table's cell.)
        .or_else(|| {
            blocks.iter().find_map(|b| match b {
                Block::Paragraph { text, .. } => super::scraped::editor_of(text),
                _ => None,
            })
        });
    blocks.retain(|b| !matches!(b, Block::Paragraph { text, .. } if super::scraped::editor_of(text).is_some()));
    // Nor is the site's furniture: its tools (【字号 大 中 小】【打印】), the next and previous articles (上一篇：…).
    super::news::drop_furniture(&mut blocks);
    // Nor is a byline or a date the article shows in elements of their own (`<span class="meta__date">Publié le 30
    // novembre 2026</span> <span class="author__name">Par Jean Dupont</span>`, read above as a paragraph): the
    // meta line shows them.
    let shown = bylines_and_dates(body_el);
    blocks.retain(|b| !matches!(b, Block::Paragraph { text, .. } if only_these(text, &shown)));
    // The title, where the article repeats it as its first heading, is not part of the body.
    if matches!(blocks.first(), Some(Block::Heading { text, .. }) if *text == title) {
        blocks.remove(0);
    }
    let corrupted_spans = report_damage(&blocks, &|i| format!("block {i}"), &mut warnings);
    if !blocks.iter().any(|b| matches!(b, Block::Paragraph { .. })) {
        return Err("no article text found in the page (no paragraphs in its <article>, <main> or <body>)".into());
    }

    let date_keys = ["article:published_time", "datePublished", "pubdate", "publishdate", "date", "dc.date"];
    // Else the first <time datetime> of the article, else of the page outside its navigation and sidebars.
    let time_sel = selector("time[datetime]");
    let datetime = |t: ElementRef| t.value().attr("datetime").map(str::to_owned);
    let date = meta(&doc, &date_keys)
        .or(ld.published)
        .or_else(|| body_el.select(&time_sel).find_map(datetime))
        .or_else(|| doc.select(&time_sel).filter(outside_chrome).find_map(datetime));
    let published = match date {
        Some(d) => match published(&d, offset) {
            Some(p) => Some(p),
            None => {
                warnings.push(format!("the page's date {d:?} is not a date; left out"));
                None
            }
        },
        None => None,
    };
    // A byline as scraped text has it (`2018-12-03 09:40　來源：有色報　點擊：3021`): its labelled source wins over
    // the site's name, its date, category and authors fill what the metadata does not give, its view count is
    // the only one a page has.
    let byline = byline(&doc, offset).unwrap_or_default();
    let mut published = published.or(byline.published).or_else(|| date_named(&doc, offset));
    let mut authors: Vec<String> = meta_all(&doc, "author");
    authors.extend(meta_all(&doc, "article:author"));
    // An author given as a profile's address is not a name.
    let is_name = |a: &String| !a.starts_with("http://") && !a.starts_with("https://");
    authors.retain(is_name);
    if authors.is_empty() {
        authors = ld.authors.into_iter().filter(is_name).collect();
    }
    if authors.is_empty() {
        // A byline's link or schema.org author, in the article, else in the page outside navigation and sidebars.
        let sel = selector("[rel=author], [itemprop=author] [itemprop=name], [itemprop=author]");
        let named = |e: ElementRef| Some(text_of(e)).filter(|t| !t.is_empty() && t.chars().count() <= 80);
        authors.extend(
            body_el.select(&sel).find_map(named).or_else(|| doc.select(&sel).filter(outside_chrome).find_map(named)),
        );
    }
    if authors.is_empty() {
        authors = byline.authors;
    }
    if authors.is_empty() {
        // A byline in words ("By Ann Smith and Li Wei, June 3"), in an element classed or named after one.
        let in_article = body_el.descendants().filter_map(ElementRef::wrap).filter(is_byline);
        let in_page = doc.root_element().descendants().filter_map(ElementRef::wrap).filter(is_byline);
        let found = in_article
            .chain(in_page.filter(outside_chrome))
            .map(|e| text_of(e))
            .map(|text| (names_in_byline(&text), text))
            .find(|(names, _)| !names.is_empty());
        if let Some((names, text)) = found {
            authors = names;
            // (Its date too, where the page gave none: "By Ann Smith, December 1, 2026".)
            published = published.or_else(|| super::scraped::date_in_words(&text));
        }
    }
    // A byline as the article's first or second paragraph ("By Ann Smith and Li Wei, June 3"): its names, each of
    // two words or more ("By Monday, prices rose" is not one), are the authors when nothing else named them, and
    // the paragraph leaves the text — also when it only repeats the authors the page named (the meta line shows
    // them, and the date).
    let names = |b: &Block| match b {
        Block::Paragraph { text, .. } if text.chars().count() <= 80 && after_by(text).is_some() => {
            Some(names_in_byline(text)).filter(|n| !n.is_empty() && n.iter().all(|n| n.contains(' ')))
        }
        _ => None,
    };
    if let Some((at, names)) = blocks.iter().take(2).enumerate().find_map(|(i, b)| Some((i, names(b)?))) {
        if let Block::Paragraph { text, .. } = &blocks[at] {
            published = published.or_else(|| super::scraped::date_in_words(text));
        }
        if authors.is_empty() {
            blocks.remove(at);
            authors = names;
        } else if names.iter().all(|n| authors.contains(n)) {
            blocks.remove(at);
        }
    }
    unique(&mut authors);
    let mut tags = meta_all(&doc, "article:tag");
    if tags.is_empty() {
        tags = meta(&doc, &["keywords", "news_keywords"]).map(|k| keyword_list(&k)).unwrap_or_default();
    }
    if tags.is_empty() {
        tags = ld.keywords;
    }
    if tags.is_empty() {
        // The page's list of tags, in the article, else outside navigation and sidebars.
        let in_article = body_el.descendants().filter_map(ElementRef::wrap);
        let in_page = doc.root_element().descendants().filter_map(ElementRef::wrap).filter(|e| !in_site_chrome(e));
        tags = in_article.chain(in_page).find_map(super::html::tag_list).unwrap_or_default();
    }
    unique(&mut tags);
    // Where the page is: its canonical address, og:url or the JSON-LD's url (the first absolute one), else where it
    // was fetched from; a relative address in it (an image's, a relative canonical link's) is resolved against its
    // <base href>, else that.
    let canonical =
        doc.select(&selector("link[rel=canonical]")).find_map(|l| l.value().attr("href").map(str::to_owned));
    let og_url = meta(&doc, &["og:url"]);
    let fetched = address.map(str::to_owned);
    let page_url = [&canonical, &og_url, &ld.url, &fetched].into_iter().flatten().find_map(|u| super::web_base(u));
    let base_href = doc.select(&selector("base[href]")).find_map(|b| b.value().attr("href"));
    let base = match base_href {
        Some(href) => super::web_base(&super::resolve(href, page_url.as_ref())).or(page_url),
        None => page_url,
    };
    let url = canonical
        .or(og_url)
        .or(ld.url)
        .or(fetched)
        .map(|u| super::resolve(&u, base.as_ref()))
        .filter(|u| is_safe_url(u, false));
    super::resolve_addresses(&mut blocks, base.as_ref());
    // The page's picture (og:image, twitter:image, the JSON-LD's image) leads an article that has no image of its
    // own.
    if !blocks.iter().any(|b| matches!(b, Block::Image(_))) {
        let src = meta(&doc, &["og:image", "og:image:url", "og:image:secure_url", "twitter:image"])
            .or(ld.image)
            .map(|src| super::resolve(&src, base.as_ref()))
            .filter(|src| is_safe_url(src, false));
        if let Some(src) = src {
            let alt = meta(&doc, &["og:image:alt", "twitter:image:alt"]).unwrap_or_default();
            blocks.insert(0, Block::image(src, alt, None));
        }
    }
    let mut summary = meta(&doc, &["description", "og:description", "twitter:description"]).or(ld.description);
    if let Some(s) = &mut summary {
        repair(s, &mut repaired);
    }
    let source =
        byline.source.or_else(|| source_named(&doc)).or_else(|| meta(&doc, &["og:site_name"])).or(ld.publisher);
    let category = meta(&doc, &["article:section"]).or(ld.section).or(byline.category);
    let mut draft = Draft {
        id: super::make_id(stem, stem),
        title,
        published,
        source,
        category,
        views: byline.views,
        editor,
        tags,
        authors,
        container_lang: lang,
        summary,
        body: blocks,
        url,
        dropped: converted.dropped,
        ..Draft::default()
    };
    super::news::conventions(&mut draft, offset);
    let CleanReport { pinyin_removed, entities_decoded, .. } = repaired;
    let next_page = next_page(&doc, address);
    Ok(Page { draft, next_page, warnings, pinyin_removed, entities_decoded, corrupted_spans })
}
