//! `dist/feed.xml`: an Atom feed (RFC 4287) of the set's newest articles, so that readers can follow a set
//! hosted as static files in any feed reader. Written by hand: a feed is a handful of elements, and what matters
//! is that every text is escaped and every character is one XML allows.

use article_viewer::domain::search::linked_pieces;
use article_viewer::domain::{Article, Block, Link, List, LoadedSet, PublishedKind};

/// The most entries a feed holds (the newest).
pub const MAX_ENTRIES: usize = 50;

/// Text as XML character data or attribute value: `& < > " '` escaped, characters XML 1.0 forbids (controls
/// but tab and line breaks, unpaired surrogates cannot occur in a `str`, U+FFFE, U+FFFF) left out.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// An Atom date: the article's date-time with its offset, or a date as its midnight UTC.
fn atom_date(a: &Article) -> Option<String> {
    let p = a.published.as_ref()?;
    Some(match p.kind() {
        PublishedKind::Date(_) => format!("{}T00:00:00Z", p.as_str()),
        PublishedKind::DateTime(_) => p.as_str().to_owned(),
    })
}

/// `text` escaped, with the links `placed` in it (see `Link::ranges`) as `<a href>` and its styled words in
/// `<strong>`, `<em>`, `<code>`, `<del>`.
fn linked(text: &str, links: &[Link], placed: &[(std::ops::Range<usize>, usize)]) -> String {
    let mut out = String::new();
    for (link, parts) in linked_pieces(text, placed, links, &[]) {
        let mut words = String::new();
        for (r, style, _) in parts {
            let names: Vec<&str> = style.names().collect();
            names.iter().for_each(|n| words.push_str(&format!("<{n}>")));
            words.push_str(&escape(&text[r]));
            names.iter().rev().for_each(|n| words.push_str(&format!("</{n}>")));
        }
        match link.and_then(|i| links.get(i)) {
            Some(l) => out.push_str(&format!("<a href=\"{}\">{words}</a>", escape(&l.href))),
            None => out.push_str(&words),
        }
    }
    out
}

/// The article's body as HTML (escaped again as the entry's `content`): paragraphs, headings, quotes, lists, code,
/// tables, images.
fn body_html(a: &Article) -> String {
    let mut html = String::new();
    // (Headings and list items have the ids of their anchors: a link of the article to one, `#anchor`, goes there.)
    let heading_ids = a.heading_anchors();
    for (i, b) in a.body.iter().enumerate() {
        match b {
            Block::Paragraph { text, links } => {
                html.push_str(&format!("<p>{}</p>", linked(text, links, &Link::ranges(text, links))))
            }
            Block::Heading { text, level, links } => {
                let id = heading_ids.iter().find(|(j, _)| *j == i).map(|(_, a)| format!(" id=\"{}\"", escape(a)));
                let words = linked(text, links, &Link::ranges(text, links));
                html.push_str(&format!("<h{level}{}>{words}</h{level}>", id.unwrap_or_default()))
            }
            Block::Quote { text, links } => {
                html.push_str(&format!("<blockquote>{}</blockquote>", linked(text, links, &Link::ranges(text, links))))
            }
            Block::List(l) => {
                let List { ordered, start, items, levels, sublists, links, anchors } = &**l;
                // A nested item's list goes inside the item before it (`levels` as `Block::nest` makes them), an
                // `<ol>` or a `<ul>` as its items are numbered or not.
                let kinds = Block::item_kinds(*ordered, levels, sublists, items.len());
                let tag = |ordered: bool| if ordered { "ol" } else { "ul" };
                match *ordered && *start != 1 {
                    true => html.push_str(&format!("<ol start=\"{start}\">")),
                    false => html.push_str(&format!("<{}>", tag(*ordered))),
                }
                let placed = Link::ranges_in(items, links);
                // The lists open around the item being written, the outermost first.
                let mut open = vec![*ordered];
                for (k, item) in items.iter().enumerate() {
                    let level = usize::from(levels.get(k).copied().unwrap_or(0));
                    if k > 0 && level >= open.len() {
                        html.push_str(&format!("<{}>", tag(kinds[k])));
                        open.push(kinds[k]);
                    } else if k > 0 {
                        html.push_str("</li>");
                        while open.len() > level + 1 {
                            html.push_str(&format!("</{}></li>", tag(open.pop().unwrap_or_default())));
                        }
                    }
                    let id = anchors.get(k).filter(|a| !a.is_empty()).map(|a| format!(" id=\"{}\"", escape(a)));
                    let words = linked(item, links, &Link::placed_in(&placed, k));
                    html.push_str(&format!("<li{}>{words}", id.unwrap_or_default()));
                }
                html.push_str("</li>");
                while let Some(o) = open.pop() {
                    html.push_str(&format!("</{}>", tag(o)));
                    if !open.is_empty() {
                        html.push_str("</li>");
                    }
                }
            }
            Block::Code { text, language } => {
                let class = language.as_ref().map(|l| format!(" class=\"language-{}\"", escape(l))).unwrap_or_default();
                html.push_str(&format!("<pre><code{class}>{}</code></pre>", escape(text)))
            }
            Block::Table(t) => {
                html.push_str("<table>");
                if let Some(c) = &t.caption {
                    html.push_str(&format!("<caption>{}</caption>", escape(c)));
                }
                let placed = Link::ranges_in(&t.cells, &t.links);
                for (r, row) in t.rows().enumerate() {
                    let cell = if r == 0 && t.header { "th" } else { "td" };
                    html.push_str("<tr>");
                    for (j, c) in row.iter().enumerate() {
                        let text = linked(c, &t.links, &Link::placed_in(&placed, r * t.columns + j));
                        html.push_str(&format!("<{cell}>{text}</{cell}>"));
                    }
                    html.push_str("</tr>");
                }
                html.push_str("</table>");
            }
            Block::Image(i) => {
                html.push_str(&format!("<figure><img src=\"{}\" alt=\"{}\">", escape(&i.src), escape(&i.alt)));
                if let Some(c) = &i.caption {
                    html.push_str(&format!(
                        "<figcaption>{}</figcaption>",
                        linked(c, &i.links, &Link::ranges(c, &i.links))
                    ));
                }
                html.push_str("</figure>");
            }
            Block::Break => html.push_str("<hr>"),
            Block::Unknown { .. } => {}
        }
    }
    if let Some(notice) = &a.notice {
        html.push_str(&format!("<p><small>{}</small></p>", escape(notice)));
    }
    html
}

/// The feed of `set`: its newest [`MAX_ENTRIES`] articles (those without a date after the dated ones, in the
/// set's order), each linking to its page next to the feed: its own page, `articles/<id>.html`, where `cargo
/// xtask dist` wrote them (`article_pages`), else the viewer's, `#/article/<id>`; with its title, date, authors,
/// category and tags, summary (or the start of its text) and whole text. The feed's `updated` is its newest
/// article's date. Its links are absolute where the folder's address is known (`site`, ending in `/`: what every
/// reader of feeds follows), else relative to the feed's own address (`./`).
pub fn atom(set: &LoadedSet, article_pages: bool, site: Option<&str>) -> String {
    let title = set.title.as_deref().unwrap_or("Articles");
    let feed = Feed { title, id: title, file: "feed.xml", page: "" };
    atom_of(&feed, set.articles.iter().collect(), title, article_pages, site)
}

/// The feed of one category of `set` (`category`, as the set first writes it): its articles — those whose
/// category is it, folded as the facets fold it (重點新聞 and 重点新闻 are one) — as [`atom`] gives the whole
/// set's, at `file` (beside the category's page, `page`: both relative to the viewer's folder), titled
/// "category · collection".
pub fn category_atom(
    set: &LoadedSet,
    category: &str,
    (file, page): (&str, &str),
    article_pages: bool,
    site: Option<&str>,
) -> String {
    use article_viewer::domain::fold::fold;
    let collection = set.title.as_deref().unwrap_or("Articles");
    let (title, folded) = (format!("{category} · {collection}"), fold(category));
    let id = format!("{collection}\ncategory\n{folded}");
    let feed = Feed { title: &title, id: &id, file, page };
    let of = set.articles.iter().filter(|a| a.category.as_deref().is_some_and(|c| fold(c) == folded)).collect();
    atom_of(&feed, of, collection, article_pages, site)
}

/// What a feed says of itself: its title, what its id is made from (never to change), its file and the page it
/// is the feed of (relative to the viewer's folder: `""` the viewer's page).
struct Feed<'a> {
    title: &'a str,
    id: &'a str,
    file: &'a str,
    page: &'a str,
}

/// The feed `feed` of `articles` (the newest [`MAX_ENTRIES`]: see [`atom`]), `collection` the name of the set
/// (the feed's author, where an entry names none).
fn atom_of(feed: &Feed, mut order: Vec<&Article>, collection: &str, article_pages: bool, site: Option<&str>) -> String {
    // (Relative links resolve against the feed's own address: a category's is a folder down.)
    let folder = match site {
        Some(site) => site,
        None if feed.file.contains('/') => "../",
        None => "./",
    };
    // Stable: articles with equal (or no) dates keep the set's order.
    order.sort_by_key(|a| std::cmp::Reverse(a.published.as_ref().map(|p| p.unix_seconds())));
    order.truncate(MAX_ENTRIES);
    let newest = order.iter().find_map(|a| atom_date(a)).unwrap_or_else(|| "1970-01-01T00:00:00Z".to_owned());
    // A feed's and an entry's id must be IRIs that never change: the set's title (a category's feed: and the
    // category), and each article's id.
    let urn = |s: &str| format!("urn:article-viewer:{}", s.bytes().map(|b| format!("{b:02x}")).collect::<String>());
    let mut out =
        String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n");
    out.push_str(&format!("  <title>{}</title>\n", escape(feed.title)));
    out.push_str(&format!("  <id>{}</id>\n", urn(feed.id)));
    out.push_str(&format!("  <updated>{newest}</updated>\n"));
    // (Without the folder's address, its own name: a relative address resolves against the feed's.)
    let own = match site {
        Some(site) => escape(&format!("{site}{}", feed.file)),
        None => escape(feed.file.rsplit('/').next().unwrap_or(feed.file)),
    };
    out.push_str(&format!("  <link rel=\"self\" type=\"application/atom+xml\" href=\"{own}\"/>\n"));
    let page = escape(&format!("{folder}{}", feed.page));
    out.push_str(&format!("  <link rel=\"alternate\" type=\"text/html\" href=\"{page}\"/>\n"));
    // Atom asks for an author of the feed when an entry names none: the set itself.
    out.push_str(&format!("  <author><name>{}</name></author>\n", escape(collection)));
    out.push_str("  <generator>article-viewer</generator>\n");
    for a in order {
        let lang = a.lang.as_deref().map(|l| format!(" xml:lang=\"{}\"", escape(l))).unwrap_or_default();
        out.push_str(&format!("  <entry{lang}>\n"));
        out.push_str(&format!("    <title>{}</title>\n", escape(a.title.as_str())));
        let href = match article_pages {
            true => format!("{folder}{}", article_viewer::ui::prerender::article_file(a.id.as_str())),
            false => format!("{folder}#{}", article_viewer::ui::route::article_path(a.id.as_str())),
        };
        out.push_str(&format!("    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n", escape(&href)));
        if let Some(url) = &a.url {
            out.push_str(&format!("    <link rel=\"via\" href=\"{}\"/>\n", escape(url)));
        }
        out.push_str(&format!("    <id>{}</id>\n", urn(a.id.as_str())));
        let date = atom_date(a);
        if let Some(d) = &date {
            out.push_str(&format!("    <published>{d}</published>\n"));
        }
        out.push_str(&format!("    <updated>{}</updated>\n", date.as_deref().unwrap_or(&newest)));
        for name in &a.authors {
            out.push_str(&format!("    <author><name>{}</name></author>\n", escape(name)));
        }
        for term in a.category.iter().chain(&a.tags) {
            out.push_str(&format!("    <category term=\"{}\"/>\n", escape(term)));
        }
        let summary = a.excerpt(300);
        if !summary.is_empty() {
            out.push_str(&format!("    <summary>{}</summary>\n", escape(&summary)));
        }
        out.push_str(&format!("    <content type=\"html\">{}</content>\n", escape(&body_html(a))));
        out.push_str("  </entry>\n");
    }
    out.push_str("</feed>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use article_viewer::domain::article::Style;
    use article_viewer::domain::import::{import_file, Format, ImportOptions};
    use article_viewer::domain::load_article_set;

    fn set(articles: &[serde_json::Value]) -> LoadedSet {
        let json = serde_json::json!({ "version": 1, "title": "Metals & \"more\"", "articles": articles });
        let set = load_article_set(&json.to_string()).unwrap();
        assert!(set.skipped.is_empty(), "{:?}", set.skipped);
        set
    }

    /// The feed read back by the importer (feed-rs: it fails on XML that is not well-formed).
    fn read_back(feed: &str) -> Vec<Article> {
        let dir = std::env::temp_dir().join(format!("av-feed-{}-{}", std::process::id(), feed.len()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("feed.xml");
        std::fs::write(&path, feed).unwrap();
        let r = import_file(&path, feed.as_bytes(), &ImportOptions::default());
        let _ = std::fs::remove_dir_all(dir);
        assert_eq!(r.error, None, "{feed}");
        assert_eq!(r.format, Some(Format::Feed));
        r.articles
    }

    #[test]
    fn the_newest_articles_read_back_as_they_are_with_their_text_escaped() {
        let feed = atom(
            &set(&[
                serde_json::json!({ "id": "old", "title": "Old news", "published": "2017-06-15", "body": ["Before."] }),
                serde_json::json!({ "id": "seed_1.x", "title": "銅價 <script>alert(1)</script> & co", "lang": "zh-Hant",
                "published": "2018-11-30T11:21:00+08:00", "authors": ["張燎原", "Li Wei"], "category": "重點新聞",
                "tags": ["銅"], "url": "https://example.org/a?x=1&y=2",
                "body": ["11月27日\u{1}，省有色金屬管理局。", { "type": "heading", "text": "Power <costs>", "links": [["<costs>", "https://e.org/costs"]] },
                         { "type": "quote", "text": "\"We'll watch.\"", "links": [["watch", "https://e.org/w"]] },
                         { "type": "list", "ordered": true, "start": 4, "items": ["a <b>", "c", "d", "e", "f"], "levels": [0, 1, 2, 0, 1],
                           "sublists": ["unordered", "ordered"], "links": [["c", "https://e.org/c"]], "anchors": ["", "fn-1"] },
                         { "type": "code", "text": "x  <  y\n  & z", "language": "rust" },
                         { "type": "table", "header": true, "caption": "Prices <USD>",
                           "rows": [["Metal", "Price"], ["Cu", "9,100"]], "links": [["Cu", "https://e.org/cu"]] },
                         { "type": "paragraph", "text": "End: see <the report> & the rest.",
                           "links": [["<the report>", "https://example.org/r?a=1&b=\"2\""]],
                           "styles": [["End", "strong"], ["report> &", "em"], ["rest", "code del"]] },
                         { "type": "image", "src": "https://e.org/a.png", "alt": "A <chart>", "caption": "Photo: Xinhua, 2024",
                           "links": [["Xinhua", "https://e.org/x"]], "styles": [["2024", "em"]] },
                         { "type": "break" }, "After the break."] }),
                serde_json::json!({ "id": "undated", "title": "No date", "body": ["Text."] }),
            ]),
            false,
            None,
        );
        assert!(!feed.contains("<script>") && !feed.contains('\u{1}'), "{feed}");
        assert!(feed.contains("<updated>2018-11-30T11:21:00+08:00</updated>\n  <link rel=\"self\""), "newest: {feed}");
        assert!(feed.contains("href=\"./#/article/seed_1.x\""), "a link to the viewer's page: {feed}");
        assert!(
            atom(&set(&[serde_json::json!({ "id": "seed_1.x", "title": "T" })]), true, None)
                .contains("<link rel=\"alternate\" type=\"text/html\" href=\"./articles/seed_1.x.html\"/>"),
            "or to its own page"
        );
        // Where the folder's address is known, absolute addresses.
        let known = atom(&set(&[serde_json::json!({ "id": "a.b", "title": "T" })]), true, Some("https://e.org/n/"));
        for link in [
            "<link rel=\"self\" type=\"application/atom+xml\" href=\"https://e.org/n/feed.xml\"/>",
            "<link rel=\"alternate\" type=\"text/html\" href=\"https://e.org/n/\"/>",
            "<link rel=\"alternate\" type=\"text/html\" href=\"https://e.org/n/articles/a.b.html\"/>",
        ] {
            assert!(known.contains(link), "{link}: {known}");
        }
        assert!(!known.contains("href=\"./") && !known.contains("href=\"feed.xml"), "{known}");
        // The places a link of the article can go to (`#anchor`): a heading, an anchored item.
        assert!(feed.contains("&lt;h2 id=&quot;power-costs&quot;&gt;"), "{feed}");
        assert!(feed.contains("&lt;li id=&quot;fn-1&quot;&gt;&lt;a href=&quot;https://e.org/c&quot;&gt;c"), "{feed}");
        let back = read_back(&feed);
        let titles: Vec<&str> = back.iter().map(|a| a.title.as_str()).collect();
        assert_eq!(
            titles,
            ["銅價 <script>alert(1)</script> & co", "Old news", "No date"],
            "newest first, undated last"
        );
        let a = &back[0];
        // The same instant (feed readers, and the importer, give it in UTC).
        let seconds = |a: &Article| a.published.as_ref().unwrap().unix_seconds();
        assert_eq!(seconds(a), 1543548060);
        assert_eq!(a.authors, ["張燎原", "Li Wei"]);
        assert_eq!((a.category.as_deref(), a.tags.as_slice()), (Some("重點新聞"), &["銅".to_owned()][..]));
        let texts: Vec<&str> = a.body.iter().flat_map(Block::texts).map(String::as_str).collect();
        assert_eq!(texts[..3], ["11月27日，省有色金屬管理局。", "Power <costs>", "\"We'll watch.\""]);
        let link = Link::new("<costs>", "https://e.org/costs");
        assert_eq!(a.body[1], Block::Heading { text: "Power <costs>".into(), level: 2, links: vec![link] });
        let link = Link::new("watch", "https://e.org/w");
        assert_eq!(a.body[2], Block::Quote { text: "\"We'll watch.\"".into(), links: vec![link] });
        // Lists, code and tables keep their shape; code its spaces and line breaks.
        let links = vec![Link::new("c", "https://e.org/c")];
        // (A nested list inside the item before it: the levels come back; a numbered list's first number and
        // the kinds of the lists nested in it too: `<ol start="4">`, a `<ul>` holding an `<ol>`, an `<ol>`; and
        // its items' anchors, as their ids.)
        let items = ["a <b>", "c", "d", "e", "f"].map(String::from).to_vec();
        let (levels, sublists) = (vec![0, 1, 2, 0, 1], vec![false, true, true]);
        assert_eq!(
            a.body[3],
            Block::List(Box::new(List {
                ordered: true,
                start: 4,
                items,
                levels,
                sublists,
                links,
                anchors: vec![String::new(), "fn-1".into()]
            }))
        );
        assert_eq!(a.body[4], Block::Code { text: "x  <  y\n  & z".into(), language: Some("rust".into()) });
        let rows = vec![vec!["Metal".into(), "Price".into()], vec!["Cu".into(), "9,100".into()]];
        let mut table = Block::table(rows, true, Some("Prices <USD>".into()));
        *table.links_mut().unwrap() = vec![Link::new("Cu", "https://e.org/cu")];
        assert_eq!(a.body[5], table);
        // A paragraph's links too, their words and addresses escaped; and its styled words, also across a link's
        // edge (`<a>&lt;the <em>report&gt;</em></a><em> &amp;</em>`).
        let links = vec![
            Link::new("<the report>", "https://example.org/r?a=1&b=\"2\""),
            Link::styled("End", Style::STRONG),
            Link::styled("report> &", Style::EM),
            Link::styled("rest", Style::CODE.with(Style::DEL)),
        ];
        assert_eq!(a.body[6], Block::Paragraph { text: "End: see <the report> & the rest.".into(), links });
        assert!(feed.contains("&lt;code&gt;&lt;del&gt;rest&lt;/del&gt;&lt;/code&gt;"), "{feed}");
        // An image's caption, its link and styled words with it.
        let image = Block::image("https://e.org/a.png", "A <chart>", Some("Photo: Xinhua, 2024".into()))
            .with_links(vec![Link::new("Xinhua", "https://e.org/x"), Link::styled("2024", Style::EM)]);
        assert_eq!(a.body[7], image);
        // A break between sections (`<hr>`).
        assert_eq!(a.body[8..], [Block::Break, Block::paragraph("After the break.")]);
        assert_eq!(seconds(&back[1]), 1497484800, "a date: its midnight UTC");
    }

    #[test]
    fn a_categorys_feed_holds_its_articles_in_either_script_and_links_from_its_folder() {
        let s = set(&[
            serde_json::json!({ "id": "a", "title": "One", "category": "重點新聞", "published": "2020-01-01" }),
            serde_json::json!({ "id": "b", "title": "Two", "category": "Markets", "published": "2020-01-02" }),
            serde_json::json!({ "id": "c", "title": "Three", "category": "重点新闻", "published": "2020-01-03" }),
            serde_json::json!({ "id": "d", "title": "Four" }),
        ]);
        let files = ("pages/category-0123456789ab.xml", "pages/category-0123456789ab.html");
        let feed = category_atom(&s, "重點新聞", files, true, None);
        let ids: Vec<String> = read_back(&feed).iter().map(|a| a.title.as_str().to_owned()).collect();
        assert_eq!(ids, ["Three", "One"], "the category's, newest first: {feed}");
        assert!(feed.contains("<title>重點新聞 · Metals &amp; &quot;more&quot;</title>"), "{feed}");
        // Its links are relative to its own address, a folder below the viewer's.
        assert!(feed.contains("<link rel=\"self\" type=\"application/atom+xml\" href=\"category-0123456789ab.xml\"/>"));
        assert!(
            feed.contains("<link rel=\"alternate\" type=\"text/html\" href=\"../pages/category-0123456789ab.html\"/>")
        );
        assert!(feed.contains("href=\"../articles/c.html\""), "{feed}");
        // Where the folder's address is known, absolute; its id is not the whole set's, nor another category's.
        let known = category_atom(&s, "重點新聞", files, true, Some("https://e.org/n/"));
        assert!(
            known.contains("href=\"https://e.org/n/pages/category-0123456789ab.xml\"")
                && known.contains("href=\"https://e.org/n/articles/a.html\"")
        );
        let id = |feed: &str| feed[feed.find("<id>").unwrap()..feed.find("</id>").unwrap()].to_owned();
        let markets = category_atom(&s, "Markets", files, true, None);
        assert_eq!(read_back(&markets).len(), 1);
        assert!(id(&feed) != id(&atom(&s, true, None)) && id(&feed) != id(&markets), "{feed}");
        assert_eq!(id(&feed), id(&category_atom(&s, "重点新闻", files, true, None)), "one category, either script");
    }

    #[test]
    fn a_feed_holds_the_newest_fifty() {
        let articles: Vec<serde_json::Value> = (0..80)
            .map(|i| {
                serde_json::json!({ "id": format!("a{i}"), "title": format!("Day {i}"),
                "published": format!("2020-01-{:02}", 1 + i % 28), "body": ["x"] })
            })
            .collect();
        let feed = atom(&set(&articles), false, None);
        assert_eq!(feed.matches("<entry>").count(), MAX_ENTRIES);
        let back = read_back(&feed);
        assert!(back.iter().all(|a| a.published.as_ref().unwrap().as_str() >= "2020-01-10"), "only the newest");
        // An empty set is still a valid feed.
        assert!(read_back(&atom(&set(&[]), false, None)).is_empty());
    }
}
