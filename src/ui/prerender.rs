//! The list's first page and every article's page as static HTML, rendered natively by the same components
//! (yew's `ssr`), for `cargo xtask dist` to put into `index.html` and `articles/<id>.html`: a page shows the
//! articles before the wasm has loaded (and without JavaScript, and to a search engine's crawler); the app replaces
//! it with its own, identical, markup once its set is loaded.
//! Native only (feature `prerender`); never part of the wasm.

use super::app::Frame;
use super::pages::article::{Around, ArticlePage, RELATED};
use super::pages::list::ListPage;
use super::route::{route_path, Route};
use super::state::{Prefs, PrefsHandle};
use super::Catalog;
use crate::domain::fold::fold;
use crate::domain::format::UiLang;
use crate::domain::listing::ListState;
use crate::domain::LoadedSet;
use yew::prelude::*;
use yew_router::history::{AnyHistory, History, MemoryHistory};
use yew_router::Router;

#[derive(Properties, PartialEq)]
struct Props {
    catalog: Catalog,
    lang: UiLang,
    /// The article whose page is rendered; the list in `list` (its page, its facet value) when none.
    article: Option<AttrValue>,
    list: ListState,
}

#[function_component(Prerendered)]
fn prerendered(props: &Props) -> Html {
    let lang = props.lang;
    let prefs = use_reducer(move || Prefs::new(lang));
    let path = match &props.article {
        Some(id) => route_path(&Route::Article { id: id.to_string() }, None),
        None => "/".to_owned(),
    };
    let history = use_memo((path, props.list.clone()), |(path, list)| {
        let history = MemoryHistory::with_entries([path.clone()]);
        // (An entry's path has no query: a page after the first, a facet's value, are the query's.)
        let pairs = list.to_pairs();
        if !pairs.is_empty() {
            history.replace_with_query(path.as_str(), pairs).expect("a list's query");
        }
        AnyHistory::from(history)
    });
    html! {
        <ContextProvider<PrefsHandle> context={prefs}>
            <Router history={(*history).clone()}>
                <Frame embedded={false} script_toggle={props.catalog.offers_conversion()}>
                    <ContextProvider<Catalog> context={props.catalog.clone()}>
                        if let Some(id) = &props.article {
                            <ArticlePage id={id.clone()} />
                        } else {
                            <ListPage />
                        }
                    </ContextProvider<Catalog>>
                </Frame>
            </Router>
        </ContextProvider<PrefsHandle>>
    }
}

/// The interface language most of the set's articles are written in (their `lang`, where the interface speaks
/// it); English when none says.
pub fn language_of(set: &LoadedSet) -> UiLang {
    let mut counts = [0usize; UiLang::ALL.len()];
    for l in set.articles.iter().filter_map(|a| a.lang.as_deref()).filter_map(UiLang::of_tag) {
        counts[UiLang::ALL.iter().position(|x| *x == l).unwrap_or(0)] += 1;
    }
    // The most articles; on a tie, English, then the earlier in UiLang::ALL.
    let en = UiLang::ALL.iter().position(|x| *x == UiLang::En).unwrap_or(0);
    let best = (0..counts.len()).max_by_key(|&i| (counts[i], i == en, std::cmp::Reverse(i))).unwrap_or(en);
    UiLang::ALL[best]
}

/// The viewer's route of the list's page `page` (1-based), as its links have it (the pagination's).
pub fn list_route(page: usize) -> String {
    route_path(&Route::List, Some(&ListState::default().on_page(page).to_pairs()))
}

/// Where `cargo xtask dist` writes the list's page `page` (from 2: the first is `index.html`'s), relative to the
/// viewer's page.
pub fn list_file(page: usize) -> String {
    format!("pages/{page}.html")
}

/// Where `cargo xtask dist` writes the page of the list in `state`, where it writes one: a later page of the whole
/// list ([`list_file`]), or a page of the list of one value of a facet — a category, a source, an author or a tag,
/// as the cards' and articles' links to it have it — (`pages/category-<12 hex digits>.html`, then
/// `…-2.html` and on; the digits those of a hash of the value folded as the facet folds it, so that `News` and
/// `news`, 重點 and 重点, are one page, and any value — a long one, one with a `/` — makes a file name any host
/// serves). `None` for the list's first page (`index.html`'s) and any other list (a search, several values, a
/// date, a sort…): the viewer's.
pub fn list_file_for(state: &ListState) -> Option<String> {
    let page = state.page.unwrap_or(1);
    if state.sort.is_some() || state.script.is_some() {
        return None;
    }
    if (ListState { page: None, ..state.clone() }) == ListState::default() {
        return (page > 1).then(|| list_file(page));
    }
    match state.only_value() {
        Some((facet, value)) => {
            // FNV-1a, 64 bits, of the folded value; 48 of them written.
            let hash =
                fold(value).bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ b as u64).wrapping_mul(0x100_0000_01b3));
            let name = format!("pages/{}-{:012x}", facet.key(), hash >> 16);
            Some(if page > 1 { format!("{name}-{page}.html") } else { format!("{name}.html") })
        }
        None => None,
    }
}

/// An article's page as [`Pages::article`] renders it.
pub struct ArticleHtml {
    /// What the page shows: the article, with the viewer's page around it.
    pub html: String,
    /// Its data block for the app.
    pub data: String,
}

/// Renders a set's pages, in the interface language `lang`: its list's pages, and each article's page.
pub struct Pages {
    catalog: Catalog,
    lang: UiLang,
    runtime: tokio::runtime::Runtime,
}

impl Pages {
    pub fn new(set: LoadedSet, lang: UiLang) -> Self {
        let runtime = tokio::runtime::Builder::new_current_thread().build().expect("a current-thread runtime");
        Pages { catalog: Catalog::of(set), lang, runtime }
    }

    pub fn set(&self) -> &LoadedSet {
        &self.catalog
    }

    pub fn lang(&self) -> UiLang {
        self.lang
    }

    /// The list's page `page` (1-based; no query, the set's order) as HTML.
    pub fn list(&self, page: usize) -> String {
        self.list_for(&ListState::default().on_page(page))
    }

    /// The list in `state` (a page of it; a facet's value) as HTML.
    pub fn list_for(&self, state: &ListState) -> String {
        self.render(self.catalog.clone(), None, state.clone())
    }

    /// The articles the list's page in `state` shows, in order (what its page's head describes).
    pub fn shown(&self, state: &ListState) -> Vec<&crate::domain::Article> {
        let listing = self.catalog.collection().listing(state);
        let page = state.page.unwrap_or(1).max(1) - 1;
        let size = super::pages::list::PAGE_SIZE;
        listing.results.iter().skip(page * size).take(size).map(|&i| &self.catalog.articles[i]).collect()
    }

    /// The lists of one facet value each that get pages of their own ([`list_file_for`]): every category, source,
    /// author and tag of the set, each page of each (as the set's facets count them: a value written in two
    /// ways, or in both scripts, once, as first written).
    pub fn facet_lists(&self) -> Vec<ListState> {
        let listing = self.catalog.collection().listing(&ListState::default());
        let mut out = Vec::new();
        for (facet, values) in listing.facets {
            for v in values {
                let first = ListState::default().toggled(facet, &v.label);
                for page in 1..=v.count.div_ceil(super::pages::list::PAGE_SIZE) {
                    out.push(first.on_page(page));
                }
            }
        }
        out
    }

    /// How many pages the list has.
    pub fn list_pages(&self) -> usize {
        self.catalog.articles.len().div_ceil(super::pages::list::PAGE_SIZE).max(1)
    }

    /// The page of the set's article `id` (as opened from the list: no query): its HTML, and the data block the
    /// page holds for the app ([`super::EARLY_ID`]: a small set of the article and of the articles its page links
    /// to — previous and next in the set's order, related; of those only what their links show: id, title,
    /// language, date — with their places in it, [`Around`]), from which the app shows the article before it has
    /// loaded the whole set. The HTML is rendered from that small set as the app reads it, so the two are the same
    /// page. The block is data, not a script (the page's Content-Security-Policy does not apply to it); `<` is
    /// written `\u003c` in it, so that no text closes it. `None`: no such article.
    pub fn article(&self, id: &str) -> Option<ArticleHtml> {
        let (i, article) = self.catalog.find(id)?;
        let c = self.catalog.collection();
        let (previous, next) = (i.checked_sub(1), Some(i + 1).filter(|&n| n < self.catalog.articles.len()));
        let related = c.related(i, RELATED);
        // The articles in the small set: this one first, then each linked one once.
        let mut held = vec![i];
        let mut place = |j: usize| match held.iter().position(|&h| h == j) {
            Some(p) => p,
            None => {
                held.push(j);
                held.len() - 1
            }
        };
        let around = Around {
            previous: previous.map(&mut place),
            next: next.map(&mut place),
            related: related.into_iter().map(&mut place).collect(),
            convert: c.offers_conversion(),
        };
        let mut articles = vec![serde_json::to_value(article).ok()?];
        for a in held[1..].iter().map(|&j| &self.catalog.articles[j]) {
            let mut stub = serde_json::json!({ "id": a.id.as_str(), "title": a.title.as_str() });
            if let Some(lang) = &a.lang {
                stub["lang"] = lang.as_str().into();
            }
            if let Some(p) = &a.published {
                stub["published"] = p.as_str().into();
            }
            articles.push(stub);
        }
        let mut set = serde_json::json!({ "version": 1, "articles": articles });
        if let Some(title) = &self.catalog.title {
            set["title"] = title.as_str().into();
        }
        let text = set.to_string();
        let data = format!(
            "<script type=\"application/json\" id=\"{}\"{}>{}</script>",
            super::EARLY_ID,
            around.attributes(),
            text.replace('<', "\\u003c")
        );
        let small = crate::domain::load_article_set(&text).ok()?;
        let catalog = Catalog::early(small, around);
        Some(ArticleHtml {
            html: self.render(catalog, Some(AttrValue::from(id.to_owned())), ListState::default()),
            data,
        })
    }

    fn render(&self, catalog: Catalog, article: Option<AttrValue>, list: ListState) -> String {
        let props = Props { catalog, lang: self.lang, article, list };
        let renderer = yew::LocalServerRenderer::<Prerendered>::with_props(props).hydratable(false);
        let html = tokio::task::LocalSet::new().block_on(&self.runtime, renderer.render());
        // The app routes in the URL hash (HashRouter); the server renderer's router has no browser history, so
        // its links are paths: make them the hash links the app's own would be.
        each_href(&html, "/", |target, out| {
            out.push_str("#/");
            out.push_str(target);
        })
    }
}

pub use super::route::article_file;

/// The links of a prerendered page (`html`; `own`: its file, an article's or a list's page, none for
/// `index.html`) that work without the app: a link to an article goes to its page ([`article_file`]; a place in
/// it, `at=`, to the element with that id, `h-` and the anchor, as the app's page has; the rest of its query, the
/// list's page it is opened from, kept for the viewer), a link to another page of the list, or to a list of one
/// facet value (a category, a source, an author, a tag) or a page of it, to that page ([`list_file_for`]), and
/// the skip link of a page of its own to its `#content` (the page's base is the viewer's folder). Every other link
/// stays a link into the viewer (`#/…`: the first page of the list is `index.html`'s). The page's links are
/// written relative to the viewer's folder.
pub fn static_links(html: &str, own: Option<&str>) -> String {
    each_href(html, "#", |target, out| {
        let list = target
            .strip_prefix("/?")
            .and_then(|query| list_file_for(&ListState::from_query(&query.replace("&amp;", "&"))));
        match (list, target.strip_prefix("/article/"), own) {
            (Some(file), ..) => out.push_str(&file),
            (_, Some(route), _) => {
                let (id, query) = route.split_once('?').unwrap_or((route, ""));
                out.push_str(&article_file(id));
                // (The list it is opened from, `page=`, as a query the page hands on to the viewer: see boot.js.)
                let pairs = || query.split("&amp;").flat_map(|p| p.split('&')).filter(|p| !p.is_empty());
                let kept: Vec<&str> = pairs().filter(|p| !p.starts_with("at=")).collect();
                if !kept.is_empty() {
                    out.push('?');
                    out.push_str(&kept.join("&amp;"));
                }
                if let Some(at) = pairs().find_map(|p| p.strip_prefix("at=")) {
                    out.push_str("#h-");
                    out.push_str(at);
                }
            }
            (_, None, Some(own)) if target == "content" => {
                out.push_str(own);
                out.push_str("#content");
            }
            _ => {
                out.push('#');
                out.push_str(target);
            }
        }
    })
}

/// `html` with the value of each `href` attribute that starts with `start` written by `write` (given the rest of
/// the value after `start`). Only in a tag: an article's text may say ` href="/…"`; its `<` and `>` are escaped, a
/// tag's are not.
fn each_href(html: &str, start: &str, mut write: impl FnMut(&str, &mut String)) -> String {
    let href = format!(" href=\"{start}");
    let mut out = String::with_capacity(html.len() + html.len() / 16);
    let mut rest = html;
    while let Some(at) = rest.find(&href) {
        let from = at + href.len();
        let Some(len) = rest[from..].find('"') else { break };
        let done = html.len() - rest.len() + at;
        if html[..done].rfind('>') >= html[..done].rfind('<') {
            out.push_str(&rest[..from]);
            rest = &rest[from..];
            continue;
        }
        out.push_str(&rest[..at]);
        out.push_str(" href=\"");
        write(&rest[from..from + len], &mut out);
        out.push('"');
        rest = &rest[from + len + 1..];
    }
    out.push_str(rest);
    out
}

/// The list page (first page, no query, the set's order) of `set` as HTML, in the interface language `lang`.
pub fn list_page_html(set: LoadedSet, lang: UiLang) -> String {
    Pages::new(set, lang).list(1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::listing::Facet;
    use crate::domain::load_article_set;

    /// The text of `../shared/corpora/{name}`, or a failure that says where the file should be (as the
    /// integration tests' tests/corpus/mod.rs, which a unit test cannot include).
    fn corpus(name: &str) -> String {
        let path = format!("{}/../shared/corpora/{name}", env!("CARGO_MANIFEST_DIR"));
        std::fs::read_to_string(&path).unwrap_or_else(|e| {
            panic!("{path}: {e} (the corpora ship in ../shared/corpora/, next to this repository's folder)")
        })
    }

    fn set(langs: &[Option<&str>]) -> LoadedSet {
        let articles: Vec<String> = langs
            .iter()
            .enumerate()
            .map(|(i, l)| match l {
                Some(l) => format!(r#"{{"id":"a{i}","title":"T{i}","lang":"{l}"}}"#),
                None => format!(r#"{{"id":"a{i}","title":"T{i}"}}"#),
            })
            .collect();
        load_article_set(&format!(r#"{{"version":1,"articles":[{}]}}"#, articles.join(","))).unwrap()
    }

    #[test]
    fn the_prerender_speaks_the_articles_language() {
        assert_eq!(language_of(&set(&[])), UiLang::En);
        assert_eq!(language_of(&set(&[None, Some("nl")])), UiLang::En);
        assert_eq!(language_of(&set(&[None, Some("fr-CA")])), UiLang::Fr);
        assert_eq!(language_of(&set(&[Some("ja"), Some("ko"), Some("ko-KR")])), UiLang::Ko);
        assert_eq!(language_of(&set(&[Some("zh-Hant"), None])), UiLang::ZhHant);
        assert_eq!(language_of(&set(&[Some("zh-CN"), Some("zh-TW"), Some("zh-Hans")])), UiLang::ZhHans);
        assert_eq!(language_of(&set(&[Some("zh-TW"), Some("en")])), UiLang::En);
    }

    /// A set in a language whose words the viewer fetches in the browser is prerendered in it (natively its catalog
    /// is compiled in), its dates and counts as that language writes them.
    #[test]
    fn a_french_set_is_prerendered_in_french() {
        let json = r#"{"version": 1, "articles": [{"id": "a", "title": "Le nickel", "lang": "fr",
            "published": "2018-11-30T11:21:00+01:00", "views": 12269, "body": ["Du texte."]}]}"#;
        let set = load_article_set(json).unwrap();
        assert_eq!(language_of(&set), UiLang::Fr);
        let html = list_page_html(set, UiLang::Fr);
        for said in [
            "Lecteur d’articles",
            "Réglages",
            "Rechercher dans les articles",
            "30 nov. 2018, 11:21",
            "12\u{202f}269 vues",
        ] {
            assert!(html.contains(said), "{said} in {html}");
        }
    }

    #[test]
    fn the_first_page_is_rendered_as_the_app_renders_it() {
        let json = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/static/articles.json")).unwrap();
        let html = list_page_html(load_article_set(&json).unwrap(), UiLang::ZhHant);
        assert!(html.starts_with("<div ") && html.contains(" class=\"app\""), "{}", &html[..200.min(html.len())]);
        assert!(html.contains("<a href=\"#/\" class=\"site-name\">文章閱讀器</a>"), "hash links, zh-Hant strings");
        assert!(html.contains("湖南省有色系統共同維穩工作第十五次會議召開"), "the seed's title");
        assert!(html.contains("class=\"card\""), "a card");
        // Chinese labels take a full-width colon, as the imported text's punctuation does; the values link to the
        // list of the articles that have them (in the article's language, the labels in the interface's).
        assert!(html.contains("<ul lang=\"zh-Hant\" class=\"meta\">"), "{html}");
        assert!(
            html.contains("來源：<a lang=\"zh-Hant\" href=\"#/?source=%E6%9C%89%E8%89%B2%E5%A0%B1\" class=\"facet-link\">有色報</a>"),
            "{html}"
        );
        assert!(
            html.contains("作者：<a lang=\"zh-Hant\" href=\"#/?author=%E5%BC%B5%E7%87%8E%E5%8E%9F\" class=\"facet-link\">張燎原</a>"),
            "{html}"
        );
        // Its reading time (a long article's).
        let minutes = load_article_set(&json).unwrap().articles[0].reading_minutes();
        assert!(
            minutes >= 2 && html.contains(&format!("<li class=\"meta-reading\">約 {minutes} 分鐘讀完</li>")),
            "{html}"
        );
        assert!(html.contains("href=\"#/article/000_7367aa27400e94e4\""), "hash links to the article");
        assert!(!html.contains("<!--"), "no hydration markers");
    }

    #[test]
    fn an_article_page_is_rendered_as_the_app_renders_it() {
        let json = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/static/articles.json")).unwrap();
        let pages = Pages::new(load_article_set(&json).unwrap(), UiLang::ZhHant);
        let html = pages.article("000_7367aa27400e94e4").unwrap().html;
        assert!(html.starts_with("<div ") && html.contains(" class=\"app\""), "{}", &html[..200.min(html.len())]);
        assert!(html.contains(
            "<h1 tabindex=\"-1\" class=\"page-title article-title\">湖南省有色系統共同維穩工作第十五次會議召開</h1>"
        ));
        assert!(html.contains("<nav lang=\"zh-Hant\" class=\"back\"><a href=\"#/\">← 所有文章</a></nav>"), "{html}");
        assert!(html.contains("桃冶社區安居房建設項目") && html.contains("class=\"notice\""), "the body, the notice");
        assert!(!html.contains("class=\"card\"") && !html.contains("<!--"), "no list, no hydration markers");
        // The list's page is the list's still.
        assert!(pages.list(1).contains("class=\"card\""));
    }

    #[test]
    fn an_articles_page_from_the_small_set_it_holds_is_the_page_from_the_whole_set() {
        // The real corpora: mixed scripts, tags, authors, categories (related articles), English and Chinese.
        for name in ["poetry-mixed.json", "sotu-even-years.json"] {
            let set = load_article_set(&corpus(name)).unwrap();
            let n = set.articles.len();
            let pages = Pages::new(set, UiLang::En);
            let (mut linked, mut shown) = (0, 0);
            for i in (0..n).step_by(n / 12 + 1).chain([n - 1]) {
                let id = pages.set().articles[i].id.to_string();
                let page = pages.article(&id).unwrap();
                // What the app shows once it has the whole set.
                let whole =
                    pages.render(pages.catalog.clone(), Some(AttrValue::from(id.clone())), ListState::default());
                assert_eq!(page.html, whole, "{name}: article {id}");
                linked += page.html.matches("class=\"neighbour related-article\"").count();
                shown += 1;
            }
            assert!(shown >= 10 && linked > 0, "{name}: {shown} articles, {linked} related links");
        }
    }

    #[test]
    fn an_articles_text_that_looks_like_a_link_stays_as_it_is() {
        let json = r##"{"version":1,"articles":[{"id":"a","title":"T","body":["See <a href=\"/x\"> and  href=\"#/article/a\" here"]}]}"##;
        let pages = Pages::new(load_article_set(json).unwrap(), UiLang::En);
        let html = static_links(&pages.article("a").unwrap().html, Some("articles/a.html"));
        assert!(html.contains("<p>See &lt;a href=\"/x\"&gt; and  href=\"#/article/a\" here</p>"), "{html}");
        assert!(html.contains("<a href=\"#/\">"), "the page's own links are the viewer's: {html}");
    }

    /// One of a count is said in the singular: "1 view", "1 record was skipped because it is invalid"; more in the
    /// plural.
    #[test]
    fn one_view_and_one_skipped_record_are_said_in_the_singular() {
        let json = r#"{"version":1,"articles":[{"id":"a","title":"T","views":1,"body":["One."]},
            {"id":"b","title":"U","views":2,"body":["Two."]},{"id":"c","views":-1}]}"#;
        let html = list_page_html(load_article_set(json).unwrap(), UiLang::En);
        for said in ["1 view<", "2 views<", "<summary>1 record was skipped because it is invalid</summary>"] {
            assert!(html.contains(said), "{said} in {html}");
        }
        let json = r#"{"version":1,"articles":[{"id":"a","title":"T"},{"id":"c","views":-1},{"id":"d","views":-2}]}"#;
        let html = list_page_html(load_article_set(json).unwrap(), UiLang::En);
        assert!(html.contains("<summary>2 records were skipped because they are invalid</summary>"), "{html}");
    }

    /// A search's match in an address is found by its block's place among the body's elements: each block of
    /// the loaded article is one (a block of a kind this viewer does not know is skipped by the loader, not
    /// drawn as nothing in its place).
    #[test]
    fn every_block_of_the_body_is_one_element() {
        let json = r#"{"version":1,"articles":[{"id":"a","title":"T","body":["One.",{"type":"hologram","text":"?"},"Two.",{"type":"break"}]}]}"#;
        let set = load_article_set(json).unwrap();
        assert_eq!(set.articles[0].body.len(), 3);
        let html = Pages::new(set, UiLang::En).article("a").unwrap().html;
        assert!(html.contains("<div class=\"article-body\"><p>One.</p><p>Two.</p><hr></div>"), "{html}");
    }

    /// A result's passage links to its first match as the mark the article's page draws for it: the `k`th of its
    /// block's element, counting a table's caption's marks (above the cells) and a match drawn as two marks
    /// (across a link's edge).
    #[test]
    fn an_excerpts_place_is_the_mark_the_page_draws_for_its_match() {
        use crate::domain::search::{excerpt, Query};
        use crate::domain::{Block, Link};
        let filler = "Nothing to see in this sentence at all. ".repeat(4);
        let paragraph = Block::Paragraph {
            text: format!("Zinc and zinc here. {filler}Later zinc and tin fell."),
            links: vec![Link::new("and zi", "https://e.org/z")],
        };
        let table = Block::table(
            vec![vec!["Metal".into(), "Note".into()], vec!["lead".into(), "zinc and tin rose".into()]],
            true,
            Some("Zinc and tin prices".into()),
        );
        for (block, before, k) in [(paragraph, "Later ", 3), (table, "lead", 2)] {
            let mut set =
                load_article_set(r#"{"version":1,"articles":[{"id":"a","title":"T","body":["x"]}]}"#).unwrap();
            set.articles[0].body = vec![block];
            let terms = Query::parse("zinc tin").include;
            let place = excerpt(&set.articles[0], &terms, 60).place;
            assert_eq!(place, Some((0, k)), "{before:?}");
            let pages = Pages::new(set, UiLang::En);
            let list = ListState { q: "zinc tin".into(), ..ListState::default() };
            let html = pages.render(pages.catalog.clone(), Some(AttrValue::from("a")), list);
            let body = &html[html.find("class=\"article-body\"").expect("the body")..];
            let mark = body.match_indices("<mark").nth(k).map(|(i, _)| i).expect("that many marks");
            // The words before that mark, the tags left out: those before the passage's first match.
            let words = body[..mark].split('<').map(|p| p.split_once('>').map_or(p, |(_, w)| w)).collect::<String>();
            assert!(words.ends_with(before), "{words:?}");
            assert!(body[mark..].starts_with("<mark>zinc</mark>"), "{}", &body[mark..mark + 40]);
        }
    }

    #[test]
    fn a_list_pages_route_is_the_paginations() {
        assert_eq!((list_route(1), list_route(2), list_route(31)), ("/".into(), "/?page=2".into(), "/?page=31".into()));
    }

    #[test]
    fn static_links_lead_to_the_articles_pages() {
        let html = concat!(
            r##"<a href="#content" class="skip-link">Skip</a><a href="#/">All</a>"##,
            r##"<a href="#/article/b">B</a><a href="#/article/a?at=%E7%94%A2%E9%87%8F-2">Output</a>"##,
            r##"<a href="#/article/a?at=fn-1">1</a><a href="#/?category=News" class="facet-link">News</a>"##,
            r##"<a href="#/article/c?page=2">C</a><a href="#/article/a?page=2&amp;at=fn-2">2</a>"##,
            r##"<p>See <a href="#/article/c"> in <code>a href="#/article/c"</code></p>"##,
        );
        let news = list_file_for(&ListState::default().toggled(Facet::Category, "News")).unwrap();
        assert_eq!(
            static_links(html, Some("articles/a.html")),
            [
                r##"<a href="articles/a.html#content" class="skip-link">Skip</a><a href="#/">All</a>"##,
                r##"<a href="articles/b.html">B</a><a href="articles/a.html#h-%E7%94%A2%E9%87%8F-2">Output</a>"##,
                r##"<a href="articles/a.html#h-fn-1">1</a><a href="pages/category-"##,
                &news[15..],
                r##"" class="facet-link">News</a>"##,
                r##"<a href="articles/c.html?page=2">C</a><a href="articles/a.html?page=2#h-fn-2">2</a>"##,
                r##"<p>See <a href="articles/c.html"> in <code>a href="#/article/c"</code></p>"##,
            ]
            .concat()
        );
        // The list's page: its skip link is its own; its pages' links go to their pages, the first to the viewer's
        // (`index.html`), a searched list's to the viewer; a facet value's list's pages to theirs.
        assert_eq!(
            static_links(r##"<a href="#content">S</a><a href="#/article/b">B</a>"##, None),
            r##"<a href="#content">S</a><a href="articles/b.html">B</a>"##
        );
        assert_eq!(
            static_links(
                r##"<a href="#/?page=3">3</a><a href="#/">1</a><a href="#/?page=2&amp;q=x">2</a><a href="#content">S</a>"##,
                Some("pages/2.html")
            ),
            r##"<a href="pages/3.html">3</a><a href="#/">1</a><a href="#/?page=2&amp;q=x">2</a><a href="pages/2.html#content">S</a>"##
        );
        let news3 = list_file_for(&ListState::default().toggled(Facet::Category, "News").on_page(3)).unwrap();
        assert_eq!(
            static_links(r##"<a href="#/?category=News&amp;page=3">3</a><a href="#/?category=News">1</a>"##, None),
            format!(r##"<a href="{news3}">3</a><a href="{news}">1</a>"##)
        );
    }

    #[test]
    fn a_facet_values_list_has_a_file_of_its_own_as_folded() {
        let file = |f: Facet, v: &str, page: usize| list_file_for(&ListState::default().toggled(f, v).on_page(page));
        let news = file(Facet::Category, "News", 1).unwrap();
        assert!(news.starts_with("pages/category-") && news.ends_with(".html") && news.len() == 32, "{news}");
        // One page for a value however it is written (as the facet counts it).
        assert_eq!(file(Facet::Category, "news", 1).unwrap(), news);
        assert_eq!(file(Facet::Category, "重點新聞", 1), file(Facet::Category, "重点新闻", 1));
        assert_ne!(file(Facet::Category, "Sport", 1).unwrap(), news);
        assert_ne!(file(Facet::Tag, "News", 1).unwrap(), news, "another facet");
        assert_eq!(file(Facet::Category, "News", 2).unwrap(), news.replace(".html", "-2.html"));
        // A name any host serves, whatever the value.
        let odd = file(Facet::Author, "../a/b?c#d e", 1).unwrap();
        let digits = odd.strip_prefix("pages/author-").and_then(|d| d.strip_suffix(".html")).unwrap();
        assert!(digits.len() == 12 && digits.chars().all(|c| c.is_ascii_hexdigit()), "{odd}");
        // The whole list's later pages; no page of its first, of a search, of two values, of a sorted list.
        assert_eq!(list_file_for(&ListState::default().on_page(4)).as_deref(), Some("pages/4.html"));
        assert_eq!(list_file_for(&ListState::default()), None);
        let news_list = ListState::default().toggled(Facet::Category, "News");
        for other in [
            ListState { q: "x".into(), ..news_list.clone() },
            news_list.toggled(Facet::Category, "Sport"),
            news_list.toggled(Facet::Source, "S"),
            ListState { sort: Some(crate::domain::listing::Sort::Newest), ..news_list.clone() },
            ListState { unread: true, ..news_list.clone() },
        ] {
            assert_eq!(list_file_for(&other), None, "{other:?}");
        }
    }

    #[test]
    fn a_facet_values_pages_are_its_lists_pages() {
        let set = load_article_set(&corpus("poetry-mixed.json")).unwrap();
        let n = set.articles.len();
        let pages = Pages::new(set, UiLang::En);
        let lists = pages.facet_lists();
        // Every value of every facet, each of its pages once, each page a file of its own.
        let listing = pages.catalog.collection().listing(&ListState::default());
        let want: usize = listing.facets.iter().flat_map(|(_, v)| v).map(|v| v.count.div_ceil(20)).sum();
        assert!(want > 20, "{want} pages");
        assert_eq!(lists.len(), want);
        let files: std::collections::HashSet<String> = lists.iter().map(|l| list_file_for(l).unwrap()).collect();
        assert_eq!(files.len(), want, "one file per page");
        // A value's first page lists its first 20 articles, in the set's order, and links to its second page.
        let (facet, values) = listing.facets.iter().find(|(_, v)| v.first().is_some_and(|v| v.count > 20)).unwrap();
        let value = &values[0];
        let first = ListState::default().toggled(*facet, &value.label);
        let html = static_links(&pages.list_for(&first), list_file_for(&first).as_deref());
        assert_eq!(html.matches("class=\"card\"").count(), 20);
        let second = list_file_for(&first.on_page(2)).unwrap();
        assert!(html.contains(&format!("href=\"{second}\" class=\"page-link page-next\"")), "{second}");
        assert!(value.count < n);
        // Its count in the Filters, as the list's own count is written: digits grouped (1,500).
        assert!(value.count >= 1000, "{value:?}");
        let count = crate::domain::format::format_exact(value.count as u64, UiLang::En);
        assert!(html.contains(&format!("<span class=\"facet-count\">{count}</span>")), "{count}");
        let all = crate::domain::format::format_exact(n as u64, UiLang::En);
        assert!(html.contains(&format!("{count} of {all} articles")), "{count}");
    }
}
