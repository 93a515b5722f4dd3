//! Makes a trunk build ready for static hosting: the start-up script moved out of index.html (so that the page
//! runs under a strict Content-Security-Policy), `embed.js` for the `<article-viewer>` widget and a demo host
//! page, the policy itself as a `<meta>` and in a `_headers` file
//! (Netlify / Cloudflare Pages format) with cache headers, and `.br` / `.gz` siblings of every text and wasm
//! asset for hosts that serve precompressed files.

use anyhow::{bail, Context, Result};
use article_viewer::domain::listing::{Facet, ListState};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The policy the viewer runs under (README, SECURITY.md).
pub const CSP: &str = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; \
connect-src 'self'; img-src 'self' https: data:; base-uri 'self'; form-action 'none'";

/// FNV-1a, 64 bit: a content hash for the start-up script's file name (long-cached like trunk's assets).
fn content_hash(bytes: &[u8]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= *b as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// Post-processes the trunk output in `dist`.
pub fn finish(dist: &Path, site: Option<&str>) -> Result<()> {
    let index_path = dist.join("index.html");
    let html = std::fs::read_to_string(&index_path).context("reading dist/index.html")?;
    let html = minify_app_js(dist, &html)?;
    let html = externalize_start_script(dist, &html)?;
    let html = minify_start_and_snippets(dist, &html)?;
    let html = wasm_preload_without_integrity(&html)?;
    let html = add_csp_meta(&html)?;
    let html = minify_stylesheet(dist, &html)?;
    std::fs::write(&index_path, html)?;
    prerender(dist, true, site)?;
    write_embed(dist)?;
    write_service_worker(dist)?;
    write_headers(dist)?;
    precompress(dist)?;
    Ok(())
}

const PRERENDER_START: &str = "<!--av:prerender-->";
/// How the page names its feed (`dist/feed.xml`, [`crate::feed`]) to browsers and feed readers.
const FEED_LINK: &str = "<link rel=\"alternate\" type=\"application/atom+xml\"";
const PRERENDER_END: &str = "<!--/av:prerender-->";

/// The page's own early fetch of the set (index.html); a prerendered page holds it back with the others
/// ([`defer_preloads`]).
#[cfg(test)]
const PRELOAD: &str = "<link rel=\"preload\" href=\"articles.json\" as=\"fetch\" crossorigin=\"anonymous\">";

/// Puts the list's first page, rendered from `dist/articles.json` by the app's own components, into
/// `dist/index.html` (between its `av:prerender` markers, replacing an earlier one), with `boot-<hash>.js`,
/// which decides before the first paint whether it is what the app will show, and with the page's preloads (the
/// app's js and wasm, the set) held back until that paint ([`defer_preloads`], [`PAINT_FIRST`]). A set that does
/// not load leaves the page without a list (the app reports why) and with its preloads as they were. Returns the
/// interface language it was rendered in.
pub fn prerender(dist: &Path, article_pages: bool, site: Option<&str>) -> Result<Option<Prerendered>> {
    use article_viewer::ui::prerender::{language_of, static_links, Pages};
    let index_path = dist.join("index.html");
    let mut html = std::fs::read_to_string(&index_path).context("reading dist/index.html")?;
    // What an earlier run added goes first: the page's address, its boot script, its stylesheet without scripts,
    // its note of the articles' pages, its sitemaps and its list; the preloads come back. The address the folder
    // is served at is as given, else as an earlier run wrote it (the page's own, canonical).
    let written = take_out(&mut html, CANONICAL, ">")?;
    let written = written.and_then(|link| Some(link[CANONICAL.len()..].split('"').next()?.replace("&amp;", "&")));
    let site = site.map(str::to_owned).or(written);
    take_out(&mut html, BOOT_OPEN, "</script>")?;
    take_out(&mut html, NOSCRIPT_STYLE, "</noscript>")?;
    take_out(&mut html, PAGES_META, ">")?;
    // (Lines of ours, taken out with their indent.)
    take_out(&mut html, &format!("  {DESCRIPTION}"), ">")?;
    while take_out(&mut html, &format!("  {OG}"), ">")?.is_some() {}
    for entry in std::fs::read_dir(dist)?.filter_map(|e| e.ok()) {
        if entry.file_name().to_string_lossy().starts_with("sitemap") {
            std::fs::remove_file(entry.path())?;
        }
    }
    if std::fs::read_to_string(dist.join("robots.txt")).is_ok_and(|text| text.starts_with(ROBOTS_MARK)) {
        std::fs::remove_file(dist.join("robots.txt"))?;
    }
    let (Some(start), Some(end)) = (html.find(PRERENDER_START), html.find(PRERENDER_END)) else {
        bail!("dist/index.html has no {PRERENDER_START}{PRERENDER_END} markers");
    };
    html.replace_range(start + PRERENDER_START.len()..end, "");
    if let Some(at) = html.find(LATER_OPEN) {
        let close = at + html[at..].find("</template>").context("unclosed preload template")?;
        let links = html[at + LATER_OPEN.len()..close].to_owned();
        html.replace_range(at..close + "</template>".len(), &links);
    }

    let set = std::fs::read(dist.join("articles.json"))
        .map_err(anyhow::Error::from)
        .and_then(|bytes| article_viewer::domain::load_article_set_bytes(&bytes).map_err(anyhow::Error::from));
    // The feed of the set (and the page's link to it), made again from the set as it is now.
    take_out(&mut html, FEED_LINK, ">")?;
    for name in ["feed.xml", "feed.xml.br", "feed.xml.gz"] {
        let _ = std::fs::remove_file(dist.join(name));
    }
    // (An earlier run's pages go: the set may have lost articles since.)
    for dir in [PAGES_DIR, LIST_PAGES_DIR] {
        match std::fs::remove_dir_all(dist.join(dir)) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                return Err(e).context(format!("removing dist/{dir}/"))
            }
            _ => {}
        }
    }
    let set = match set {
        Ok(set) => set,
        Err(e) => {
            eprintln!("warning: no prerendered list in index.html (and no feed.xml): dist/articles.json: {e:#}");
            std::fs::write(&index_path, html)?;
            return Ok(None);
        }
    };
    std::fs::write(dist.join("feed.xml"), crate::feed::atom(&set, article_pages, site.as_deref()))?;
    let title = crate::feed::escape(set.title.as_deref().unwrap_or("Articles"));
    in_head(&mut html, &format!("{FEED_LINK} title=\"{title}\" href=\"feed.xml\">\n"))?;
    let lang = language_of(&set);
    let pages = Pages::new(set, lang);
    let mut list = pages.list(1);
    if article_pages {
        list = static_links(&list, None);
    }
    let page = format!("<div id=\"{}\">{list}</div>", article_viewer::ui::PRERENDER_ID);
    let at = html.find(PRERENDER_START).context("the marker")? + PRERENDER_START.len();
    html.insert_str(at, &page);
    html = defer_preloads(&html)?;
    // Minified where terser is installed (`cargo xtask dist` installs it; `cargo xtask prerender` may run without).
    let mut boot = without_comments(include_str!("../../static/boot.js"));
    if terser_path().exists() {
        boot = terser(&boot, false, 5)?;
    }
    let name = format!("boot-{}.js", content_hash(boot.as_bytes()));
    std::fs::write(dist.join(&name), &boot)?;
    let at = html
        .find("<link rel=\"stylesheet\"")
        .or_else(|| html.find("</head>"))
        .context("dist/index.html has no </head>")?;
    html.insert_str(at, &format!("{BOOT_OPEN}{name}\" data-lang=\"{}\"></script>\n", lang.tag()));
    let style = minifier::css::minify(include_str!("../../static/noscript.css"))
        .map_err(|e| anyhow::anyhow!("minifying static/noscript.css: {e}"))?
        .to_string();
    let name = format!("noscript-{}.css", content_hash(style.as_bytes()));
    std::fs::write(dist.join(&name), style)?;
    in_head(&mut html, &format!("{NOSCRIPT_STYLE}{name}\"></noscript>\n"))?;
    // (The page's title is the collection's, as the app makes it, for a reader without JavaScript and a crawler.)
    if let (Some(title), Some(open), Some(close)) = (&pages.set().title, html.find("<title>"), html.find("</title>")) {
        html.replace_range(open + "<title>".len()..close, &crate::feed::escape(title));
    }
    // (The page's language and direction are the interface's, as the app makes them: `dir` said when right to
    // left.)
    if let Some(at) = html.find("<html lang=\"") {
        let value = at + "<html lang=\"".len();
        let end = value + html[value..].find('"').context("unclosed <html lang>")?;
        let dir_at = end + 1;
        for old in [" dir=\"ltr\"", " dir=\"rtl\""] {
            if html[dir_at..].starts_with(old) {
                html.replace_range(dir_at..dir_at + old.len(), "");
            }
        }
        if lang.dir() == "rtl" {
            html.insert_str(dir_at, " dir=\"rtl\"");
        }
        html.replace_range(value..end, lang.tag());
    }
    // (The notice to a reader without JavaScript is in the interface's language too.)
    if let Some(at) = html.find(NEEDS_JS).map(|at| at + NEEDS_JS.len()) {
        let end = at + html[at..].find("</p></noscript>").context("unclosed <noscript><p>")?;
        html.replace_range(
            at..end,
            &crate::feed::escape(article_viewer::ui::strings::strings_for(lang).needs_javascript),
        );
    }
    if let Some(site) = &site {
        in_head(&mut html, &format!("{CANONICAL}{}\">\n", crate::feed::escape(site)))?;
    }
    let (articles, lists, facets) = match article_pages {
        true => {
            // (The viewer links to an article's page only when they were written for the set it loaded.)
            let tag = article_viewer::domain::reading::ids_tag(pages.set().articles.iter().map(|a| a.id.as_str()));
            in_head(&mut html, &format!("{PAGES_META}{tag}\">\n"))?;
            let facets = pages.facet_lists();
            let written = write_pages(dist, &html, &pages, &facets, site.as_deref())?;
            if let Some(site) = &site {
                // (And the first page of each category's, source's, author's and tag's list: the rest are linked.)
                let lists: Vec<String> = facets
                    .iter()
                    .filter(|l| l.page.is_none())
                    .filter_map(article_viewer::ui::prerender::list_file_for)
                    .collect();
                write_sitemaps(dist, site, &pages.set().articles, &lists, SITEMAP_MAX)?;
                write_robots(dist, site)?;
            }
            written
        }
        false => (0, 0, 0),
    };
    // (The viewer's page's description, after the other pages were made from it: theirs are their own.)
    let collection = pages.set().title.as_deref().unwrap_or("Articles");
    let (description, picture) = list_summary(&pages.shown(&ListState::default()), site.as_deref());
    let mut described = format!("  {DESCRIPTION} content=\"{}\">\n", crate::feed::escape(&description));
    described.push_str(&list_open_graph(collection, collection, &description, picture.as_deref(), site.as_deref()));
    in_head(&mut html, &described)?;
    std::fs::write(&index_path, html)?;
    Ok(Some(Prerendered { lang: lang.tag(), articles, lists, facets, site }))
}

/// What a page of a list that shows `articles` says of it: its description, their titles as many as fit in 160
/// characters ([`titles_line`](article_viewer::domain::listing::titles_line)), and its picture, the first of
/// theirs that has one ([`picture_url`]).
fn list_summary(articles: &[&article_viewer::domain::Article], site: Option<&str>) -> (String, Option<String>) {
    let description = article_viewer::domain::listing::titles_line(articles.iter().map(|a| a.title.as_str()), 160);
    (description, articles.iter().find_map(|a| picture_url(a, site)))
}

/// The Open Graph lines of the first page of a list (the viewer's page, a category's…): what a chat or a social
/// site shows of a link to it — its `title`, the collection's name, its description and picture, its address.
fn list_open_graph(
    title: &str,
    collection: &str,
    description: &str,
    picture: Option<&str>,
    url: Option<&str>,
) -> String {
    let mut out = meta("og:type", "website");
    out.push_str(&meta("og:title", title));
    out.push_str(&meta("og:description", description));
    out.push_str(&meta("og:site_name", collection));
    if let Some(picture) = picture {
        out.push_str(&meta("og:image", picture));
    }
    if let Some(url) = url {
        out.push_str(&meta("og:url", url));
    }
    out
}

/// A `<meta property>` line of a page's head (Open Graph's), its content escaped.
fn meta(property: &str, content: &str) -> String {
    format!("  <meta property=\"{property}\" content=\"{}\">\n", crate::feed::escape(content))
}

/// The address of an article's picture ([`article_viewer::domain::Article::picture`]) as a page's head gives
/// it (absolute: Open Graph and schema.org ask for that): as written when it is an http(s) address, else resolved
/// against the viewer's folder (`site`), where its address is known; `None` where it is not.
fn picture_url(article: &article_viewer::domain::Article, site: Option<&str>) -> Option<String> {
    let src = article.picture()?.src.as_str();
    match url::Url::parse(src) {
        Ok(u) => matches!(u.scheme(), "http" | "https").then(|| src.to_owned()),
        Err(_) => Some(url::Url::parse(site?).ok()?.join(src).ok()?.to_string()),
    }
}

/// The `<meta>` of an article's page that describe it: to a search engine (its summary, else the start of its
/// text), and to a site or app a link to it is shared in (Open Graph: its title, description, picture, the
/// collection's title, its date, category and tags; its address where the folder's (`site`) is known, `own`,
/// also as the canonical one: else the page's is taken).
fn described(
    article: &article_viewer::domain::Article,
    collection: &str,
    site: Option<&str>,
    own: Option<&str>,
) -> String {
    use crate::feed::escape;
    let description = escape(&article.excerpt(160));
    let mut out = format!("  {DESCRIPTION} content=\"{description}\">\n");
    if let Some(own) = own {
        out.push_str(&format!("  {CANONICAL}{}\">\n", escape(own)));
        out.push_str(&meta("og:url", own));
    }
    out.push_str(&meta("og:type", "article"));
    out.push_str(&meta("og:title", article.title.as_str()));
    out.push_str(&format!("  <meta property=\"og:description\" content=\"{description}\">\n"));
    out.push_str(&meta("og:site_name", collection));
    let picture = picture_url(article, site);
    if let (Some(url), Some(p)) = (&picture, article.picture()) {
        out.push_str(&meta("og:image", url));
        if !p.alt.is_empty() {
            out.push_str(&meta("og:image:alt", &p.alt));
        }
    }
    if let Some(p) = &article.published {
        out.push_str(&meta("article:published_time", p.as_str()));
    }
    if let Some(c) = &article.category {
        out.push_str(&meta("article:section", c));
    }
    for tag in &article.tags {
        out.push_str(&meta("article:tag", tag));
    }
    out.push_str(&linked_data(article, collection, picture.as_deref(), own));
    out
}

/// The article as schema.org's `NewsArticle` in JSON-LD (what search engines read of a news page): headline,
/// description, date, authors, section, keywords, language, publisher (its source, else the collection), its
/// picture's absolute address (`picture`), and its own address when known. A data block, not a script: the
/// page's Content-Security-Policy does not apply to it; `<` is written `\u003c`, so that its text never closes it.
fn linked_data(
    article: &article_viewer::domain::Article,
    collection: &str,
    picture: Option<&str>,
    own: Option<&str>,
) -> String {
    use serde_json::{json, Map, Value};
    let mut ld = Map::new();
    ld.insert("@context".into(), json!("https://schema.org"));
    ld.insert("@type".into(), json!("NewsArticle"));
    ld.insert("headline".into(), json!(article.title.as_str()));
    ld.insert("description".into(), json!(article.excerpt(160)));
    if let Some(p) = &article.published {
        ld.insert("datePublished".into(), json!(p.as_str()));
    }
    if !article.authors.is_empty() {
        let authors: Vec<Value> = article.authors.iter().map(|a| json!({ "@type": "Person", "name": a })).collect();
        ld.insert("author".into(), Value::Array(authors));
    }
    if let Some(c) = &article.category {
        ld.insert("articleSection".into(), json!(c));
    }
    if !article.tags.is_empty() {
        ld.insert("keywords".into(), json!(article.tags));
    }
    if let Some(l) = &article.lang {
        ld.insert("inLanguage".into(), json!(l));
    }
    let publisher = article.source.as_deref().unwrap_or(collection);
    ld.insert("publisher".into(), json!({ "@type": "Organization", "name": publisher }));
    if let Some(src) = picture {
        ld.insert("image".into(), json!(src));
    }
    if let Some(own) = own {
        ld.insert("url".into(), json!(own));
    }
    let text = Value::Object(ld).to_string().replace('<', "\\u003c");
    format!("  <script type=\"application/ld+json\">{text}</script>\n")
}

/// Takes the first part of `html` that begins with `open` and ends with `close` (and the end of its line) out of
/// it, and returns it.
fn take_out(html: &mut String, open: &str, close: &str) -> Result<Option<String>> {
    let Some(at) = html.find(open) else { return Ok(None) };
    let mut end = at + html[at..].find(close).with_context(|| format!("{open}… has no {close}"))? + close.len();
    end += usize::from(html[end..].starts_with('\n'));
    Ok(Some(html.drain(at..end).collect()))
}

/// Puts `what` at the end of the page's `<head>`.
fn in_head(html: &mut String, what: &str) -> Result<()> {
    let at = html.find("</head>").context("the page has no </head>")?;
    html.insert_str(at, what);
    Ok(())
}

/// What [`prerender`] made: the interface language of its pages, how many article pages it wrote, and the address
/// it wrote them for (their sitemap's).
pub struct Prerendered {
    pub lang: &'static str,
    pub articles: usize,
    /// The list's pages written after the first (`index.html`'s).
    pub lists: usize,
    /// The pages of the lists of one facet value (a category, a source, an author, a tag) written.
    pub facets: usize,
    pub site: Option<String>,
}

/// The page's own address, where the folder's is known (`--site-url`): the viewer's page names it, an article's
/// page its own.
const CANONICAL: &str = "<link rel=\"canonical\" href=\"";

/// A page's description to a search engine (its snippet), and the Open Graph lines that describe it to a site or
/// app a link to it is shared in ([`meta`]).
const DESCRIPTION: &str = "<meta name=\"description\"";
const OG: &str = "<meta property=\"og:";

/// The most addresses one sitemap holds (sitemaps.org); more are in several, named by `sitemap.xml`.
const SITEMAP_MAX: usize = 50_000;

/// The address `dist/` is to be served at, as given to `--site-url`: an absolute http(s) address of a folder
/// (a `/` is added at its end when missing), without a query or a fragment.
pub fn site_url(given: &str) -> Result<String> {
    let url = url::Url::parse(given).with_context(|| format!("--site-url {given:?} is not an absolute address"))?;
    if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none() {
        bail!("--site-url {given:?}: an http or https address of the folder the viewer is served from");
    }
    if url.query().is_some() || url.fragment().is_some() {
        bail!("--site-url {given:?}: the folder's address, without ? or #");
    }
    let mut site = url.to_string();
    if !site.ends_with('/') {
        site.push('/');
    }
    Ok(site)
}

/// `sitemap.xml` for search engines: the viewer's page, each article's page (`site` and the page's path) with the
/// article's date as `lastmod`, and the pages `lists` (files, as the articles' are: the first page of each
/// category's, source's, author's and tag's list); past `max` addresses, `sitemap-1.xml`, `sitemap-2.xml`… of `max` each,
/// which `sitemap.xml` then lists.
fn write_sitemaps(
    dist: &Path,
    site: &str,
    articles: &[article_viewer::domain::Article],
    lists: &[String],
    max: usize,
) -> Result<()> {
    use crate::feed::escape;
    use article_viewer::ui::prerender::article_file;
    let mut entries = vec![format!("  <url><loc>{}</loc></url>\n", escape(site))];
    for a in articles {
        let loc = escape(&format!("{site}{}", article_file(a.id.as_str())));
        entries.push(match &a.published {
            Some(p) => format!("  <url><loc>{loc}</loc><lastmod>{}</lastmod></url>\n", escape(p.as_str())),
            None => format!("  <url><loc>{loc}</loc></url>\n"),
        });
    }
    for file in lists {
        entries.push(format!("  <url><loc>{}</loc></url>\n", escape(&format!("{site}{file}"))));
    }
    const HEAD: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    let urlset = |entries: &[String]| {
        format!("{HEAD}<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n{}</urlset>\n", entries.concat())
    };
    if entries.len() <= max {
        std::fs::write(dist.join("sitemap.xml"), urlset(&entries))?;
        return Ok(());
    }
    let mut index = format!("{HEAD}<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for (k, chunk) in entries.chunks(max).enumerate() {
        let name = format!("sitemap-{}.xml", k + 1);
        std::fs::write(dist.join(&name), urlset(chunk))?;
        index.push_str(&format!("  <sitemap><loc>{}</loc></sitemap>\n", escape(&format!("{site}{name}"))));
    }
    index.push_str("</sitemapindex>\n");
    std::fs::write(dist.join("sitemap.xml"), index)?;
    Ok(())
}

/// The first line of the `robots.txt` that [`write_robots`] writes: one without it is the deployer's own, which
/// is left as it is.
const ROBOTS_MARK: &str =
    "# Written by `cargo xtask prerender` (article-viewer); without this line it is left as it is.";

/// `robots.txt` beside the sitemap, which it names (for a crawler that finds the site without it), unless the
/// folder has one of its own (then add the `Sitemap:` line to it). Crawlers read it at a host's root only.
fn write_robots(dist: &Path, site: &str) -> Result<()> {
    let path = dist.join("robots.txt");
    if path.exists() {
        eprintln!("note: {} is your own: add `Sitemap: {site}sitemap.xml` to it", path.display());
        return Ok(());
    }
    let text = format!(
        "{ROBOTS_MARK}\n# Crawlers read robots.txt at a host's root only: served from a sub-path, add the Sitemap \
         line to the root's.\nUser-agent: *\nDisallow:\n\nSitemap: {site}sitemap.xml\n"
    );
    std::fs::write(&path, text).with_context(|| format!("writing {}", path.display()))
}

/// A script of ours (`static/boot.js`, the service worker's and the widget's templates) without its lines of
/// comment (what it does is said there, for its readers; a browser needs none of it: a third of their bytes).
fn without_comments(js: &str) -> String {
    js.lines().filter(|l| !l.trim_start().starts_with("//")).map(|l| format!("{l}\n")).collect()
}

/// The folder of the articles' own pages, beside index.html.
const PAGES_DIR: &str = "articles";

/// The folder of the list's pages after the first, beside index.html.
const LIST_PAGES_DIR: &str = "pages";

/// Writes each article's page, `articles/<id>.html` ([`article_viewer::ui::prerender::article_file`]), each
/// page of the list after the first, `pages/<n>.html` ([`article_viewer::ui::prerender::list_file`]), and each
/// page of the lists `facets` (one category, source, author or tag each: `pages/category-<hash>.html`…,
/// [`article_viewer::ui::prerender::list_file_for`]): `index`
/// (the viewer's page, prerendered) with the article or the list's page prerendered in place of its first, an
/// article's title and description in the head, its folder's base one level up (so that the page's files, the set
/// and its links into the viewer are the viewer's own) and the boot script told the route it holds (`data-route`:
/// it shows the page as the viewer's address of it, where the app takes over). Their links to articles and to the
/// list's pages are those pages, so that a reader without JavaScript, or a search engine's crawler, reads every
/// article and pages through the lists. Returns how many articles' pages, later pages of the list and pages of
/// the facets' lists it wrote.
fn write_pages(
    dist: &Path,
    index: &str,
    pages: &article_viewer::ui::prerender::Pages,
    facets: &[ListState],
    site: Option<&str>,
) -> Result<(usize, usize, usize)> {
    use crate::feed::escape;
    use article_viewer::ui::prerender::{article_file, list_file, list_file_for, list_route, static_links, Pages};
    const BASE: &str = "<base href=\"./\">";
    let (Some(start), Some(end)) = (index.find(PRERENDER_START), index.find(PRERENDER_END)) else {
        bail!("dist/index.html has no {PRERENDER_START}{PRERENDER_END} markers");
    };
    let head_end = index.find("</head>").context("dist/index.html has no </head>")?;
    let boot = index.find(BOOT_OPEN).context("the boot script")?;
    let boot_end = boot + index[boot..].find("></script>").context("unclosed boot script")?;
    let title = index.find("<title>").zip(index.find("</title>")).context("dist/index.html has no <title>")?;
    let base = index.find(BASE).context("dist/index.html has no <base href=\"./\">")?;
    if !(base < head_end && title.1 < head_end && boot_end < head_end && head_end < start) {
        bail!("dist/index.html: <base>, <title> and the boot script are not in <head>");
    }
    let collection = pages.set().title.clone().unwrap_or_else(|| "Articles".to_owned());
    // The page's parts in order, with the places where each article's own go.
    let (before_title, between) = (&index[..title.0], &index[title.1 + "</title>".len()..base]);
    let (after_base, after_boot) = (&index[base + BASE.len()..boot_end], &index[boot_end..start]);
    // (The viewer's page names its own address: an article's page names its.)
    let mut after_boot = after_boot.to_owned();
    take_out(&mut after_boot, CANONICAL, ">")?;
    let body = &index[end..];
    // (No "needs JavaScript" notice in the body: the article is there without it.)
    let body_at = after_boot.find("<body").context("dist/index.html has no <body>")?;
    let mut notice = after_boot.split_off(body_at);
    take_out(&mut notice, "<noscript>", "</noscript>")?;
    after_boot.push_str(&notice);
    std::fs::create_dir_all(dist.join(PAGES_DIR))?;
    std::fs::create_dir_all(dist.join(LIST_PAGES_DIR))?;
    let set = pages.set();
    // The list's pages after the first (`index.html`'s), each facet value's list's, then the articles'.
    let lists = pages.list_pages().saturating_sub(1);
    let (listed, all) = (lists + facets.len(), lists + facets.len() + set.articles.len());
    let bar = crate::import::progress_bar(all, "pages");
    // Every `workers`-th page from the `k`-th, rendered by `pages`.
    let workers = cores();
    // A list's page names its own address, where the folder's is known.
    let canonical = |file: &str| {
        site.map_or(String::new(), |site| format!("  {CANONICAL}{}\">\n", escape(&format!("{site}{file}"))))
    };
    // ... and says which articles it lists.
    let list_described = |file: &str, description: &str| {
        format!("{}  {DESCRIPTION} content=\"{}\">\n", canonical(file), escape(description))
    };
    let write = |pages: &Pages, k: usize| -> Result<()> {
        for job in (k..all).step_by(workers) {
            bar.inc(1);
            let (file, route, title, described, page) = if job < lists {
                let n = job + 2;
                let (description, _) = list_summary(&pages.shown(&ListState::default().on_page(n)), site);
                let described = list_described(&list_file(n), &description);
                (list_file(n), list_route(n), escape(&collection), described, pages.list(n))
            } else if job < listed {
                // (Its route: the viewer's address of it, as the links to it write it; `&` escaped, in an attribute.)
                let state = &facets[job - lists];
                let file = list_file_for(state).context("a facet value's page")?;
                let route = escape(&article_viewer::ui::route::route_path(
                    &article_viewer::ui::route::Route::List,
                    Some(&state.to_pairs()),
                ));
                let (facet, value) = state.only_value().context("a facet value")?;
                let value = facet.value_label(value);
                let title = format!("{} · {}", escape(value), escape(&collection));
                // What a chat or a social site shows of a link to it (its first page's).
                let (description, picture) = list_summary(&pages.shown(state), site);
                let mut described = list_described(&file, &description);
                if state.page.is_none() {
                    let url = site.map(|site| format!("{site}{file}"));
                    let og = list_open_graph(value, &collection, &description, picture.as_deref(), url.as_deref());
                    described.push_str(&og);
                    // A category's first page: its feed beside it, which the page names to feed readers.
                    if facet == Facet::Category {
                        let feed = category_feed_file(&file);
                        let atom = crate::feed::category_atom(set, value, (&feed, &file), true, site);
                        std::fs::write(dist.join(&feed), atom).with_context(|| format!("writing {feed}"))?;
                        described.push_str(&format!("  {FEED_LINK} title=\"{title}\" href=\"{feed}\">\n"));
                    }
                }
                (file.clone(), route, title, described, pages.list_for(state))
            } else {
                let article = &set.articles[job - listed];
                let (id, file) = (article.id.as_str(), article_file(article.id.as_str()));
                let own = site.map(|site| format!("{site}{file}"));
                let title = format!("{} · {}", escape(article.title.as_str()), escape(&collection));
                let mut described = described(article, &collection, site, own.as_deref());
                // (With the article for the app, which shows it from the page at once.)
                let page = pages.article(id).with_context(|| format!("the page of article {id}"))?;
                described.push_str(&format!("  {}\n", page.data));
                (file, format!("/article/{id}"), title, described, page.html)
            };
            let page = static_links(&page, Some(&file));
            let html = format!(
                "{before_title}<title>{title}</title>\n{described}{between}<base href=\"../\">{after_base} \
                 data-route=\"{route}\"{after_boot}{PRERENDER_START}<div id=\"{}\">{page}</div>{body}",
                article_viewer::ui::PRERENDER_ID,
            );
            let path = dist.join(&file);
            // (Each page is a new file: one that is there already is another page's, on a file system that
            // ignores case — macOS's, Windows' — where `articles/A.html` is `articles/a.html`.)
            let mut out = match std::fs::OpenOptions::new().write(true).create_new(true).open(&path) {
                // (Two lists' pages, of two values whose names hash alike: 1 in 2^48 for two values.)
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && job < listed => {
                    bail!("{} is another list's page too: two values' file names are one", path.display())
                }
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => bail!(
                    "{} is another page's file too: this file system ignores case, and two articles' ids differ only \
                     in case; write the pages on a file system that does not (Linux), or leave them out \
                     (cargo xtask prerender --no-article-pages)",
                    path.display()
                ),
                opened => opened.with_context(|| format!("writing {}", path.display()))?,
            };
            std::io::Write::write_all(&mut out, html.as_bytes())
                .with_context(|| format!("writing {}", path.display()))?;
        }
        Ok(())
    };
    // (On each core: a renderer holds its set by `Rc`, each thread its own copy.)
    let lang = pages.lang();
    std::thread::scope(|scope| {
        let others: Vec<_> = (1..workers)
            .map(|k| {
                let (set, write) = (set.clone(), &write);
                scope.spawn(move || write(&Pages::new(set, lang), k))
            })
            .collect();
        let first = write(pages, 0);
        others.into_iter().map(|t| t.join().expect("a page writer")).chain([first]).collect::<Result<()>>()
    })?;
    bar.finish_and_clear();
    Ok((set.articles.len(), lists, facets.len()))
}

/// The feed of a category (`pages/category-<hash>.xml`) beside the first page of its list (`file`).
fn category_feed_file(file: &str) -> String {
    format!("{}.xml", file.strip_suffix(".html").unwrap_or(file))
}

/// How the page loads `boot-<hash>.js`: it holds the first paint back (`blocking="render"`) but not the parsing
/// of the page (`async`); as a plain script it also waited for the stylesheet, and the page's body with it
/// (~10 ms of the first paint here). Put before the stylesheet, so that browsers without `blocking` (where it is
/// only async) fetch it first, and it is small: it runs before the stylesheet arrives.
const BOOT_OPEN: &str = "<script async blocking=\"render\" src=\"./";

/// Says that the articles' own pages were written, for the set of that tag
/// ([`article_viewer::domain::reading::ids_tag`]): the viewer's Share then gives an article's page.
const PAGES_META: &str = "<meta name=\"article-viewer:pages\" content=\"";

/// Where index.html tells a reader without JavaScript what the viewer needs it for.
const NEEDS_JS: &str = "<noscript><p>";

/// How a prerendered page loads `noscript-<hash>.css` (`static/noscript.css`): only where scripts do not run, it
/// hides the controls that need the app.
const NOSCRIPT_STYLE: &str = "<noscript><link rel=\"stylesheet\" href=\"./";

/// Where a prerendered page keeps its preloads (the app's js and wasm, the set) until [`PAINT_FIRST`] puts them
/// in (fetching and compiling them competed with the first paint: ~15 ms of it here; a large set arriving too).
const LATER_OPEN: &str = "<template id=\"av-preloads\">";

/// The page's `<link rel="modulepreload">` and `<link rel="preload">` tags, moved into one inert
/// `<template id="av-preloads">` where the first of them was.
fn defer_preloads(html: &str) -> Result<String> {
    let head_end = html.find("</head>").context("dist/index.html has no </head>")?;
    let (mut kept, mut links, mut first) = (String::new(), String::new(), None);
    let mut rest = &html[..head_end];
    while let Some(at) =
        ["<link rel=\"modulepreload\"", "<link rel=\"preload\""].iter().filter_map(|t| rest.find(t)).min()
    {
        let end = at + rest[at..].find('>').context("unclosed link")? + 1;
        kept.push_str(&rest[..at]);
        first.get_or_insert(kept.len());
        links.push_str(&rest[at..end]);
        rest = &rest[end..];
    }
    kept.push_str(rest);
    if let Some(at) = first {
        kept.insert_str(at, &format!("{LATER_OPEN}{links}</template>"));
    }
    kept.push_str(&html[head_end..]);
    Ok(kept)
}

/// The one file of `dist` whose name matches `pick`.
fn asset(dist: &Path, what: &str, pick: impl Fn(&str) -> bool) -> Result<String> {
    let mut found: Vec<String> = std::fs::read_dir(dist)?
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .filter(|n| pick(n))
        .collect();
    if found.len() != 1 {
        bail!("expected one {what} in {}, found {found:?}", dist.display());
    }
    Ok(found.remove(0))
}

/// `embed.js` (a stable name: hosts link to it) with the hashed names of this build's files, and
/// `embed-demo.html`, a host page with two widgets under hostile CSS.
fn write_embed(dist: &Path) -> Result<()> {
    let js = asset(dist, "viewer js", |n| n.starts_with("article-viewer-") && n.ends_with(".js"))?;
    let wasm = asset(dist, "viewer wasm", |n| n.ends_with("_bg.wasm"))?;
    let css = asset(dist, "stylesheet", |n| n.starts_with("style-") && n.ends_with(".css"))?;
    let template = without_comments(include_str!("../../static/embed.template.js"));
    let embed =
        template.replace("__VIEWER_JS__", &js).replace("__VIEWER_WASM__", &wasm).replace("__VIEWER_CSS__", &css);
    std::fs::write(dist.join("embed.js"), terser(&embed, true, 2020)?)?;
    std::fs::write(dist.join("embed-demo.html"), include_str!("../../static/embed-demo.html"))?;
    Ok(())
}

/// `sw.js`, the standalone page's service worker (`static/sw.template.js`), with the files of this build: the
/// page, its start-up, boot, js, wasm, stylesheet, icon and snippets, and the article set, kept when it installs.
/// Its build id is a hash of the page and those names, so a new build is a new `sw.js` (and a new cache).
fn write_service_worker(dist: &Path) -> Result<()> {
    let mut shell = vec!["./".to_owned(), "articles.json".to_owned()];
    for entry in std::fs::read_dir(dist)? {
        let name = entry?.file_name().to_string_lossy().into_owned();
        let page_asset =
            ["start-", "boot-", "article-viewer-", "style-", "favicon-"].iter().any(|p| name.starts_with(p));
        if page_asset && is_hashed(&name) {
            shell.push(name);
        }
    }
    shell.extend(used_snippets(dist)?);
    shell.sort();
    let page = std::fs::read(dist.join("index.html")).context("reading dist/index.html")?;
    let build = content_hash(&[page, shell.join("\n").into_bytes()].concat());
    let template = without_comments(include_str!("../../static/sw.template.js"));
    let sw = template.replace("__BUILD__", &build).replace("__SHELL__", &serde_json::to_string(&shell)?);
    std::fs::write(dist.join("sw.js"), terser(&sw, false, 2020)?)?;
    Ok(())
}

/// wasm-bindgen's snippets (`snippets/<crate>/<name>.js`, relative to `dist`) that the js next to index.html
/// imports — not those trunk also copies, left in its wasm-bindgen directory by an earlier build with other
/// features.
pub fn used_snippets(dist: &Path) -> Result<Vec<String>> {
    let mut scripts = String::new();
    for entry in std::fs::read_dir(dist)? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "js") {
            scripts += &std::fs::read_to_string(&path)?;
        }
    }
    let mut used = Vec::new();
    let dir = dist.join("snippets");
    if dir.is_dir() {
        for crate_dir in std::fs::read_dir(&dir)? {
            for file in std::fs::read_dir(crate_dir?.path())? {
                let path = file?.path();
                let name = path.strip_prefix(dist)?.to_string_lossy().replace('\\', "/");
                if name.ends_with(".js") && scripts.contains(&name) {
                    used.push(name);
                }
            }
        }
    }
    used.sort();
    Ok(used)
}

/// Put after trunk's start-up code: once the app has started, the service worker (`sw.js`, [`write_service_worker`])
/// that keeps the page working offline is registered (a browser without them, or a failure, changes nothing).
const REGISTER_WORKER: &str =
    "\n// Offline: the service worker next to this page keeps the app and the set it last loaded (dist/sw.js).\n\
if ('serviceWorker' in navigator) navigator.serviceWorker.register('./sw.js').catch(() => {});\n";

/// Put before trunk's start-up code. With a prerendered list in the page, the browser paints it before the app
/// starts (whose start-up would otherwise hold the first frame back: a frame at most, or 50 ms where frames are
/// throttled), and only then starts fetching the app's js and wasm and the article set, whose preloads
/// [`prerender`] held back in a `<template>` (their fetching and compiling competed with that first paint).
/// Without one, the page's own preloads have already started them.
const PAINT_FIRST: &str =
    "// The prerendered list (index.html) is painted before the app's js, wasm and set are fetched.\n\
if (document.getElementById('av-prerender')) {\n\
  await Promise.race([\n\
    new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))),\n\
    new Promise((r) => setTimeout(r, 50)),\n\
  ]);\n\
  const later = document.getElementById('av-preloads');\n\
  if (later) document.head.append(later.content);\n\
}\n";

/// How trunk's start-up script imports the app's js.
const STATIC_IMPORT: &str = "import init, * as bindings from ";

/// Moves trunk's inline `<script type="module">…</script>` into `start-<hash>.js`, after [`PAINT_FIRST`].
fn externalize_start_script(dist: &Path, html: &str) -> Result<String> {
    const OPEN: &str = "<script type=\"module\">";
    let Some(start) = html.find(OPEN) else {
        if html.contains("<script type=\"module\" src=\"./start-") {
            return Ok(html.to_owned()); // already done
        }
        bail!("dist/index.html has no inline start-up script to move (did trunk's output change?)");
    };
    let body_start = start + OPEN.len();
    let end = body_start + html[body_start..].find("</script>").context("unclosed start-up script")?;
    // Its static import would fetch the app's js before this script runs; imported here, after the first paint.
    let trunk = html[body_start..end].trim();
    let import = trunk.find(STATIC_IMPORT).context("the start-up script's import of the app changed (trunk)")?;
    let spec_end = import + trunk[import..].find(';').context("unterminated import")?;
    let spec = trunk[import + STATIC_IMPORT.len()..spec_end].trim();
    let script = format!(
        "{PAINT_FIRST}{}const bindings = await import({spec});\nconst init = bindings.default;{}{REGISTER_WORKER}",
        &trunk[..import],
        &trunk[spec_end + 1..]
    );
    let name = format!("start-{}.js", content_hash(script.as_bytes()));
    std::fs::write(dist.join(&name), format!("{script}\n"))?;
    let tag = format!("<script type=\"module\" src=\"./{name}\"></script>");
    if html[end..].contains(OPEN) {
        bail!("dist/index.html has more than one inline module script");
    }
    Ok(format!("{}{tag}{}", &html[..start], &html[end + "</script>".len()..]))
}

/// The page's stylesheet (trunk's copy of `static/style.css`, whose comments document it) minified by the crate
/// `minifier` — its comments and spaces out, a third of its bytes. The rules are the same: an end-to-end test
/// reads both as the browser does (tests/e2e/build.test.mjs).
fn minify_stylesheet(dist: &Path, html: &str) -> Result<String> {
    const LINK: &str = "<link rel=\"stylesheet\" href=\"./";
    let at = html.find(LINK).context("dist/index.html links no stylesheet (did trunk's output change?)")? + LINK.len();
    let name = &html[at..at + html[at..].find('"').context("unclosed href")?];
    let css = std::fs::read_to_string(dist.join(name)).with_context(|| format!("reading dist/{name}"))?;
    let small = minifier::css::minify(&css).map_err(|e| anyhow::anyhow!("minifying dist/{name}: {e}"))?.to_string();
    replace_hashed(dist, html, name, "style-", ".css", small.as_bytes())
}

/// The app's js (wasm-bindgen's glue, `article-viewer-<hash>.js`) minified by terser (npm, installed by
/// `cargo xtask setup`; the minifier webpack and rollup use): its comments, spaces and long local names out,
/// more than half of its bytes. Every end-to-end test runs it.
fn minify_app_js(dist: &Path, html: &str) -> Result<String> {
    let name = asset(dist, "viewer js", |n| n.starts_with("article-viewer-") && n.ends_with(".js"))?;
    let js = std::fs::read_to_string(dist.join(&name)).with_context(|| format!("reading dist/{name}"))?;
    let small = terser(&js, true, 2020).with_context(|| format!("minifying dist/{name}"))?;
    replace_hashed(dist, html, &name, "article-viewer-", ".js", small.as_bytes())
}

/// Where `cargo xtask setup` installs terser (npm).
fn terser_path() -> PathBuf {
    crate::setup::project_root().join("node_modules/.bin/terser")
}

/// A script of ours minified by terser, as the app's js is ([`minify_app_js`]): its spaces and local names
/// shortened, its code compressed — a fifth to a third of its bytes after brotli. `module`: an ES module (its
/// top-level names its own); else a classic script (a service worker's, the boot script's), whose top-level names
/// stay. `ecma`: the newest syntax terser may write (5 for the boot script, which runs in old browsers too).
pub fn terser(js: &str, module: bool, ecma: u32) -> Result<String> {
    use std::io::Write;
    let terser = terser_path();
    let mut c = Command::new(&terser);
    c.args(["--compress", "--mangle", "--ecma", &ecma.to_string()]);
    if module {
        c.arg("--module");
    }
    let mut child = c
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .with_context(|| format!("running {} (`cargo xtask setup` installs it)", terser.display()))?;
    // (Written from a thread: a script larger than the pipe's buffer would otherwise wait on terser's output.)
    let mut stdin = child.stdin.take().context("terser's input")?;
    let input = js.to_owned();
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let out = child.wait_with_output()?;
    writer.join().map_err(|_| anyhow::anyhow!("writing to terser"))??;
    let small = String::from_utf8(out.stdout)?;
    if !out.status.success() || small.trim().is_empty() != js.trim().is_empty() {
        bail!("terser could not minify a script (see above)");
    }
    Ok(small)
}

/// The start-up script ([`externalize_start_script`]) minified under its new hash, and wasm-bindgen's snippets
/// that the app imports minified in place (their names are not hashed: they are served `no-cache`).
fn minify_start_and_snippets(dist: &Path, html: &str) -> Result<String> {
    let name = asset(dist, "start-up script", |n| n.starts_with("start-") && n.ends_with(".js"))?;
    let start = std::fs::read_to_string(dist.join(&name))?;
    let mut html = replace_hashed(dist, html, &name, "start-", ".js", terser(&start, true, 2020)?.as_bytes())?;
    for snippet in used_snippets(dist)? {
        let path = dist.join(&snippet);
        let js = std::fs::read_to_string(&path)?;
        let small = terser(&js, true, 2020).with_context(|| format!("minifying dist/{snippet}"))?;
        std::fs::write(&path, &small)?;
        // (The page preloads them with their integrity.)
        html = with_integrity(&html, &snippet, small.as_bytes())?;
    }
    Ok(html)
}

/// Puts `bytes` in place of the hashed file `dist/{old}`: under `{prefix}<hash of the bytes>{ext}`, the old one
/// gone, `html`'s links and imports of it renamed and their integrity (SRI) that of the new bytes.
fn replace_hashed(dist: &Path, html: &str, old: &str, prefix: &str, ext: &str, bytes: &[u8]) -> Result<String> {
    let name = format!("{prefix}{}{ext}", content_hash(bytes));
    if name != old {
        std::fs::write(dist.join(&name), bytes)?;
        std::fs::remove_file(dist.join(old))?;
    }
    with_integrity(&html.replace(&format!("./{old}"), &format!("./{name}")), &name, bytes)
}

/// `html` with the integrity (SRI) of the links to `dist/{name}` that of `bytes`, its content.
fn with_integrity(html: &str, name: &str, bytes: &[u8]) -> Result<String> {
    use base64::Engine;
    use sha2::Digest;
    let mut html = html.to_owned();
    let integrity = format!("sha384-{}", base64::prelude::BASE64_STANDARD.encode(sha2::Sha384::digest(bytes)));
    for attribute in integrity_attributes(&html, &format!("href=\"./{name}\""), |_| true)? {
        html.replace_range(attribute, &format!(" integrity=\"{integrity}\""));
    }
    Ok(html)
}

/// Where the `integrity="…"` attributes are (from the space before them to their closing quote) in the tags of
/// `html` that hold `needle` and that `pick` keeps (given the tag's text), the last first: each can be replaced
/// in turn without moving the others.
fn integrity_attributes(html: &str, needle: &str, pick: impl Fn(&str) -> bool) -> Result<Vec<Range<usize>>> {
    const ATTRIBUTE: &str = " integrity=\"";
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(at) = html[from..].find(needle).map(|i| from + i) {
        let start = html[..=at].rfind('<').context("a tag")?;
        let end = at + html[at..].find('>').context("unclosed tag")?;
        if let Some(i) = html[start..end].find(ATTRIBUTE).filter(|_| pick(&html[start..end])) {
            let value = start + i + ATTRIBUTE.len();
            let close = value + html[value..end].find('"').context("unclosed integrity")?;
            found.push(start + i..close + 1);
        }
        from = end;
    }
    found.reverse();
    Ok(found)
}

/// `html` with trunk's preload of the wasm without its `integrity`: a preload whose destination is `fetch` gets no
/// integrity check in Chromium, which says so in the console on every visit (crbug.com/981419), and the glue's
/// own fetch of the wasm, which the preload is for, asks for none — a browser that kept the two apart would fetch
/// the wasm twice. (The js and the stylesheet keep theirs: their loads are checked.)
fn wasm_preload_without_integrity(html: &str) -> Result<String> {
    let mut html = html.to_owned();
    let wasm = |tag: &str| tag.contains("type=\"application/wasm\"");
    for attribute in integrity_attributes(&html, "<link rel=\"preload\"", wasm)? {
        html.replace_range(attribute, "");
    }
    Ok(html)
}

fn add_csp_meta(html: &str) -> Result<String> {
    if html.contains("Content-Security-Policy") {
        return Ok(html.to_owned());
    }
    let at = html.find("<meta charset=\"utf-8\">").context("dist/index.html has no <meta charset>")?
        + "<meta charset=\"utf-8\">".len();
    Ok(format!("{}\n  <meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">{}", &html[..at], &html[at..]))
}

/// Security headers for every file; hashed files are cached for a year, the page, the article set and the files
/// without a content hash are revalidated on every visit (so a replaced `articles.json` is seen at once).
fn write_headers(dist: &Path) -> Result<()> {
    let mut out = String::from(
        "# Netlify / Cloudflare Pages headers for article-viewer's dist/ (written by `cargo xtask dist`).\n/*\n",
    );
    out.push_str(&format!("  Content-Security-Policy: {CSP}\n"));
    out.push_str("  X-Content-Type-Options: nosniff\n  Referrer-Policy: no-referrer\n");
    // Hosts join the values of a header that several rules set: each file gets its Cache-Control once.
    for path in
        ["/", "/index.html", "/articles.json", "/article-set.schema.json", "/embed.js", "/embed-demo.html", "/sw.js"]
    {
        out.push_str(&format!("{path}\n  Cache-Control: no-cache\n"));
    }
    out.push_str("/feed.xml\n  Cache-Control: no-cache\n  Content-Type: application/atom+xml; charset=utf-8\n");
    // The 繁/简 converter modules are not content-hashed, and the viewer calls into them: revalidated every time
    // (a 304 when unchanged), so that a new deploy never pairs a new viewer with a cached old module.
    out.push_str("/opencc/*\n  Cache-Control: no-cache\n");
    // Nor are the catalogs of the interface's words (i18n/<tag>.json), fetched by name.
    out.push_str("/i18n/*\n  Cache-Control: no-cache\n");
    // Nor are the articles' pages, made again with the set.
    for dir in [PAGES_DIR, LIST_PAGES_DIR] {
        out.push_str(&format!("/{dir}/*\n  Cache-Control: no-cache\n"));
    }
    // Nor are wasm-bindgen's snippets (js the app's js imports; their folder is named after the crate).
    out.push_str("/snippets/*\n  Cache-Control: no-cache\n");
    let mut hashed: Vec<String> = std::fs::read_dir(dist)?
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .filter(|n| is_hashed(n))
        .collect();
    hashed.sort();
    for name in hashed {
        out.push_str(&format!("/{name}\n  Cache-Control: public, max-age=31536000, immutable\n"));
    }
    std::fs::write(dist.join("_headers"), out)?;
    Ok(())
}

/// `name-0123456789abcdef.ext` or `name-0123456789abcdef_bg.wasm`: a content-hashed file name. Trunk writes its
/// 64-bit hash in hex without leading zeros (one build in sixteen has 15 digits), so 8 to 16 digits count (fewer
/// than 8 would take a 64-bit hash below 2³²: never, in practice); `static/sw.template.js` says the same.
fn is_hashed(name: &str) -> bool {
    let stem = name.split('.').next().unwrap_or("").trim_end_matches("_bg");
    stem.rsplit_once('-').is_some_and(|(_, h)| (8..=16).contains(&h.len()) && h.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// After the set in `dir` was replaced: its compressed copies (`articles.json.br`, `.gz`: a build's), where the
/// folder has them, made anew from it (`compress`), else removed — a host that serves them would serve the old set.
/// Whether it had them.
pub fn recompress_set(dir: &Path, compress: bool) -> Result<bool> {
    let set = dir.join("articles.json");
    let had = ["br", "gz"].iter().any(|x| dir.join(format!("articles.json.{x}")).exists());
    if had {
        // (Both go first: one that is no smaller than the set is not written again.)
        for x in ["br", "gz"] {
            let _ = std::fs::remove_file(dir.join(format!("articles.json.{x}")));
        }
        if compress {
            precompress_file(&set).with_context(|| format!("compressing {}", set.display()))?;
        }
    }
    Ok(had)
}

/// `.br` (quality 11) and `.gz` (level 9) next to every compressible asset, when smaller.
pub fn precompress(dir: &Path) -> Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            precompress(&path)?;
        } else {
            precompress_file(&path)?;
        }
    }
    Ok(())
}

/// [`precompress`] of what `prerender` wrote for the set beside the page (the articles' and the list's pages,
/// the sitemaps and `robots.txt`), on every core: ~20,000 files for 10,000 articles.
pub fn precompress_pages(dir: &Path) -> Result<()> {
    let mut files = Vec::new();
    for sub in [PAGES_DIR, LIST_PAGES_DIR] {
        if let Ok(entries) = std::fs::read_dir(dir.join(sub)) {
            files.extend(entries.filter_map(|e| e.ok()).map(|e| e.path()));
        }
    }
    for entry in std::fs::read_dir(dir)?.filter_map(|e| e.ok()) {
        let name = entry.file_name().to_string_lossy().into_owned();
        if (name.starts_with("sitemap") && name.ends_with(".xml")) || name == "robots.txt" {
            files.push(entry.path());
        }
    }
    let workers = cores();
    std::thread::scope(|scope| {
        let each: Vec<_> = (0..workers)
            .map(|k| {
                let files = &files;
                scope.spawn(move || files.iter().skip(k).step_by(workers).try_for_each(|f| precompress_file_at(f, 9)))
            })
            .collect();
        each.into_iter().try_for_each(|t| t.join().expect("a compressor"))
    })
}

/// How many threads write or compress the pages: one per core, up to 8.
fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get()).clamp(1, 8)
}

/// `.br` and `.gz` siblings of one file (replacing older ones), when it is compressible and they are smaller.
pub fn precompress_file(path: &Path) -> Result<()> {
    precompress_file_at(path, 0)
}

/// [`precompress_file`], brotli at `quality` (0: as [`crate::sizes::encode`] chooses). The pages take 9: their
/// `.br` ~5% larger than at 11 (5,450 against 5,206 B for an article's page of 18 KB), in 2/3 of the time here
/// (8 against 12 ms: Rust's brotli costs about that from quality 5 up).
fn precompress_file_at(path: &Path, quality: u32) -> Result<()> {
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    if !matches!(ext, "html" | "js" | "css" | "wasm" | "json" | "svg" | "txt" | "xml") {
        return Ok(());
    }
    let bytes = std::fs::read(path)?;
    let (gz, br) = match quality {
        0 => crate::sizes::encode(&bytes)?,
        q => crate::sizes::encode_at(&bytes, q)?,
    };
    for (suffix, data) in [("gz", gz), ("br", br)] {
        let mut name = path.file_name().context("a file name")?.to_os_string();
        name.push(format!(".{suffix}"));
        let sibling = path.with_file_name(name);
        if data.len() < bytes.len() {
            std::fs::write(sibling, data)?;
        } else if sibling.exists() {
            std::fs::remove_file(sibling)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashed_names() {
        assert!(is_hashed("article-viewer-c310889568a86054_bg.wasm"));
        assert!(is_hashed("article-viewer-c310889568a86054.js"));
        assert!(is_hashed("style-84d6e2be756a0f96.css"));
        assert!(is_hashed("start-0011223344556677.js"));
        // Trunk's hashes have no leading zeros.
        assert!(is_hashed("article-viewer-ea267aa45019036_bg.wasm"));
        assert!(is_hashed("article-viewer-ea267aa45019036.js"));
        assert!(!is_hashed("article-viewer-ea267aa45019036a7.js"));
        assert!(!is_hashed("embed-demo.css"));
        assert!(!is_hashed("articles.json"));
        assert!(!is_hashed("index.html"));
        assert!(!is_hashed("article-set.schema.json"));
    }

    #[test]
    fn the_wasm_preload_loses_its_integrity_and_the_others_keep_theirs() {
        let html = "<link rel=\"modulepreload\" href=\"./a.js\" integrity=\"sha384-A\">\
                    <link rel=\"preload\" href=\"./a_bg.wasm\" crossorigin=\"anonymous\" integrity=\"sha384-B\" as=\"fetch\" type=\"application/wasm\">\
                    <link rel=\"stylesheet\" href=\"./s.css\" integrity=\"sha384-C\">";
        let want = html.replace(" integrity=\"sha384-B\"", "");
        assert_eq!(wasm_preload_without_integrity(html).unwrap(), want);
        assert_eq!(wasm_preload_without_integrity(&want).unwrap(), want);
    }

    #[test]
    fn the_service_worker_keeps_every_hashed_file_of_the_page_and_nothing_of_the_widget_or_the_converters() {
        let dir = std::env::temp_dir().join(format!("av-sw-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("snippets/article-viewer-0011/")).unwrap();
        // One of trunk's hashes with a leading zero dropped (15 digits), as one build in sixteen has.
        let names = ["article-viewer-ea267aa45019036.js", "article-viewer-ea267aa45019036_bg.wasm"];
        let other = ["style-84d6e2be756a0f96.css", "start-0011223344556677.js", "embed.js", "index.html"];
        for name in names.iter().chain(&other) {
            std::fs::write(dir.join(name), "import './snippets/article-viewer-0011/inline0.js';").unwrap();
        }
        std::fs::write(dir.join("snippets/article-viewer-0011/inline0.js"), "").unwrap();
        write_service_worker(&dir).unwrap();
        // (Minified: the list of the shell's files is the only place names are in.)
        let sw = std::fs::read_to_string(dir.join("sw.js")).unwrap();
        for name in names.iter().chain(&other[..2]).chain(&["snippets/article-viewer-0011/inline0.js", "articles.json"])
        {
            assert!(sw.contains(&format!("\"{name}\"")), "{name} not in {sw}");
        }
        assert!(!sw.contains("embed.js") && !sw.contains("opencc"), "{sw}");
        assert!(!sw.contains("// ") && !sw.contains("\n  "), "comments and indentation are left out: {sw}");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn start_script_moves_out_and_the_policy_goes_in() {
        let dir = std::env::temp_dir().join(format!("av-publish-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let html = "<html><head><meta charset=\"utf-8\">\n<script type=\"module\">\nimport init, * as bindings from './a.js';\nawait init();\n</script></head></html>";
        let out = add_csp_meta(&externalize_start_script(&dir, html).unwrap()).unwrap();
        assert!(!out.contains("import init"), "{out}");
        assert!(out.contains("<script type=\"module\" src=\"./start-"), "{out}");
        assert!(out.contains(CSP));
        let file = std::fs::read_dir(&dir).unwrap().next().unwrap().unwrap().path();
        assert_eq!(
            std::fs::read_to_string(&file).unwrap(),
            format!(
                "{PAINT_FIRST}const bindings = await import('./a.js');\nconst init = bindings.default;\nawait init();{REGISTER_WORKER}\n"
            )
        );
        std::fs::remove_dir_all(&dir).unwrap();
        assert!(externalize_start_script(&dir, "<html></html>").is_err());
    }

    const APP_PRELOADS: &str = "<link rel=\"modulepreload\" href=\"./a.js\"><link rel=\"preload\" href=\"./a_bg.wasm\" as=\"fetch\" type=\"application/wasm\">";

    #[test]
    fn prerender_puts_the_list_in_once_and_takes_it_out_for_a_set_that_does_not_load() {
        let dir = std::env::temp_dir().join(format!("av-prerender-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let page = format!(
            "<html><head><meta charset=\"utf-8\">{PRELOAD}{APP_PRELOADS}</head><body>{PRERENDER_START}{PRERENDER_END}</body></html>"
        );
        std::fs::write(dir.join("index.html"), &page).unwrap();
        let set = r#"{"version":1,"title":"Set","articles":[{"id":"a","title":"First <b>","lang":"zh-CN"}]}"#;
        std::fs::write(dir.join("articles.json"), set).unwrap();
        let read = || std::fs::read_to_string(dir.join("index.html")).unwrap();

        assert_eq!(prerender(&dir, false, None).unwrap().map(|p| p.lang), Some("zh-Hans"));
        let once = read();
        assert!(once.contains("<div id=\"av-prerender\"><div "), "{once}");
        assert!(once.contains("First &lt;b&gt;"), "text is escaped: {once}");
        assert!(
            once.contains(&format!("{LATER_OPEN}{PRELOAD}{APP_PRELOADS}</template>")),
            "the set, js and wasm wait for the first paint: {once}"
        );
        assert_eq!(once.matches(&format!("{BOOT_OPEN}boot-")).count(), 1);
        assert!(once.contains("data-lang=\"zh-Hans\""));
        // The boot script less its comments, minified where terser is installed (what it does, the end-to-end
        // tests see).
        let name = &once[once.find(&format!("{BOOT_OPEN}boot-")).unwrap() + BOOT_OPEN.len()..];
        let boot = std::fs::read_to_string(dir.join(&name[..name.find('"').unwrap()])).unwrap();
        let source = without_comments(include_str!("../../static/boot.js"));
        assert!(!boot.lines().any(|l| l.trim_start().starts_with("//")) && boot.contains("av-no-prerender"), "{boot}");
        if terser_path().exists() {
            assert!(boot.len() < source.len() * 3 / 4 && !boot.contains("\n  "), "{boot}");
        } else {
            assert_eq!(boot, source);
        }
        // The set's feed, and the page's link to it.
        assert!(std::fs::read_to_string(dir.join("feed.xml")).unwrap().contains("<title>First &lt;b&gt;</title>"));
        assert_eq!(once.matches(&format!("{FEED_LINK} title=\"Set\" href=\"feed.xml\">")).count(), 1, "{once}");
        // Running again (`cargo xtask prerender`) gives the same page, not a second list.
        prerender(&dir, false, None).unwrap();
        assert_eq!(read(), once);

        // A set that does not load: no list, no boot script, the preload back.
        std::fs::write(dir.join("articles.json"), "{").unwrap();
        assert!(prerender(&dir, true, None).unwrap().is_none());
        let without = read();
        assert!(!without.contains("av-prerender\"") && !without.contains("boot-"), "{without}");
        assert!(without.contains(&format!("{PRELOAD}{APP_PRELOADS}")) && !without.contains(LATER_OPEN), "{without}");
        assert!(without.contains(&format!("{PRERENDER_START}{PRERENDER_END}")));
        assert!(!without.contains(FEED_LINK) && !dir.join("feed.xml").exists(), "no feed of a set that does not load");

        std::fs::write(dir.join("index.html"), "<html><head></head><body></body></html>").unwrap();
        assert!(prerender(&dir, false, None).is_err(), "a page without the markers is an error");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_replaced_sets_compressed_copies_are_made_anew_where_the_folder_has_them() {
        let dir = std::env::temp_dir().join(format!("av-recompress-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let set = format!(r#"{{"version":1,"articles":[{}]}}"#, vec![r#"{"id":"a","title":"New"}"#; 50].join(","));
        std::fs::write(dir.join("articles.json"), &set).unwrap();
        assert!(!recompress_set(&dir, true).unwrap() && !dir.join("articles.json.br").exists(), "none where none were");
        std::fs::write(dir.join("articles.json.br"), b"the old set").unwrap();
        assert!(
            recompress_set(&dir, false).unwrap() && !dir.join("articles.json.br").exists(),
            "not compressing: gone"
        );
        std::fs::write(dir.join("articles.json.br"), b"the old set").unwrap();
        std::fs::write(dir.join("articles.json.gz"), b"the old set").unwrap();
        assert!(recompress_set(&dir, true).unwrap());
        let mut br = Vec::new();
        brotli::BrotliDecompress(&mut std::fs::File::open(dir.join("articles.json.br")).unwrap(), &mut br).unwrap();
        let mut gz = String::new();
        let file = std::fs::File::open(dir.join("articles.json.gz")).unwrap();
        std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(file), &mut gz).unwrap();
        assert_eq!((String::from_utf8(br).unwrap(), gz), (set.clone(), set));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn the_site_url_is_a_folders_http_address() {
        assert_eq!(site_url("https://example.org/news").unwrap(), "https://example.org/news/");
        assert_eq!(site_url("http://example.org").unwrap(), "http://example.org/");
        assert_eq!(site_url("https://例子.中国/新聞/").unwrap(), "https://xn--fsqu00a.xn--fiqs8s/%E6%96%B0%E8%81%9E/");
        for bad in ["example.org/news", "/news/", "ftp://example.org/", "https://example.org/?a=1", "https://e.org/#x"]
        {
            assert!(site_url(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn an_articles_page_names_its_picture_by_an_absolute_address() {
        let set = article_viewer::domain::load_article_set(
            r#"{"version":1,"articles":[
              {"id":"r","title":"T","body":["x",{"type":"image","src":"img/chart.png","alt":"A \"chart\""}]},
              {"id":"h","title":"T","body":[{"type":"image","src":"https://e.org/p.jpg"}]},
              {"id":"n","title":"T","body":["No picture."]}]}"#,
        )
        .unwrap();
        let [r, h, n] = &set.articles[..] else { panic!("three articles") };
        let site = Some("https://example.org/news/");
        // A relative address is the viewer's folder's, where that is known; an absolute one as it is.
        assert_eq!(picture_url(r, site).as_deref(), Some("https://example.org/news/img/chart.png"));
        assert_eq!((picture_url(r, None), picture_url(n, site)), (None, None));
        assert_eq!(picture_url(h, None).as_deref(), Some("https://e.org/p.jpg"));
        let page = described(r, "Set", site, Some("https://example.org/news/articles/r.html"));
        assert!(
            page.contains("<meta property=\"og:image\" content=\"https://example.org/news/img/chart.png\">"),
            "{page}"
        );
        assert!(page.contains("<meta property=\"og:image:alt\" content=\"A &quot;chart&quot;\">"), "{page}");
        assert!(page.contains("\"image\":\"https://example.org/news/img/chart.png\""), "the JSON-LD's too: {page}");
        let page = described(h, "Set", None, None);
        assert!(
            page.contains("og:image\" content=\"https://e.org/p.jpg\"") && !page.contains("og:image:alt"),
            "{page}"
        );
        assert!(!described(r, "Set", None, None).contains("image"), "no address to give");
        // A list's page: the first picture among the articles it shows that has an address to give.
        assert_eq!(list_summary(&[n, r, h], None), ("T · T · T".to_owned(), Some("https://e.org/p.jpg".to_owned())));
        let (description, picture) = list_summary(&[n, r, h], site);
        assert_eq!(picture.as_deref(), Some("https://example.org/news/img/chart.png"));
        let og = list_open_graph("News", "Set", &description, picture.as_deref(), None);
        assert!(og.contains("<meta property=\"og:image\" content=\"https://example.org/news/img/chart.png\">"), "{og}");
        assert_eq!(list_summary(&[n], site).1, None);
    }

    #[test]
    fn prerender_writes_each_articles_page_linked_to_the_others() {
        use article_viewer::domain::listing::{Facet, ListState};
        use article_viewer::ui::prerender::list_file_for;
        let dir = std::env::temp_dir().join(format!("av-pages-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let page = format!(
            "<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>Article viewer</title>\n<base href=\"./\">\n\
             <link rel=\"stylesheet\" href=\"./style.css\">{APP_PRELOADS}</head>\n<body>\n\
             <noscript><p>Needs JavaScript.</p></noscript>\n{PRERENDER_START}{PRERENDER_END}\n</body></html>"
        );
        std::fs::write(dir.join("index.html"), &page).unwrap();
        let heading = |t: &str| format!(r#"{{"type":"heading","text":"{t}"}}"#);
        let body =
            [heading("One"), r#"{"type":"paragraph","text":"Text 1."}"#.to_owned(), heading("Two"), heading("Three")];
        let set = |n: usize| {
            let articles: Vec<String> = (0..n)
                .map(|i| {
                    format!(
                        r#"{{"id":"a{i}","lang":"zh-CN","published":"2024-05-{:02}","authors":["Ann Lee"],"category":"News","title":"Title {i} & <more>","summary":"Summary {i} \"quoted\"","tags":[{}],"body":[{}]}}"#,
                        i % 28 + 1,
                        if i < 2 { r#""first two""# } else { "" },
                        body.join(",")
                    )
                })
                .collect();
            format!(r#"{{"version":1,"title":"Set","articles":[{}]}}"#, articles.join(","))
        };
        std::fs::write(dir.join("articles.json"), set(3)).unwrap();
        let read = |name: &str| std::fs::read_to_string(dir.join(name)).unwrap();

        let made = prerender(&dir, true, None).unwrap().unwrap();
        assert_eq!((made.lang, made.articles), ("zh-Hans", 3));
        let index = read("index.html");
        assert!(index.contains("<h2 class=\"card-title\"><a href=\"articles/a1.html\""), "{index}");
        assert!(index.contains("<title>Set</title>"), "the collection's title: {index}");
        let tag = article_viewer::domain::reading::ids_tag(["a0", "a1", "a2"].into_iter());
        assert_eq!(index.matches(&format!("{PAGES_META}{tag}\">\n")).count(), 1, "{index}");
        let a1 = read("articles/a1.html");
        // The page: its title and description, its base the viewer's folder, the boot script told its article.
        assert!(a1.contains("<title>Title 1 &amp; &lt;more&gt; · Set</title>"), "{a1}");
        assert!(a1.contains("<meta name=\"description\" content=\"Summary 1 &quot;quoted&quot;\">"), "{a1}");
        // The importer reads the page back as the article it shows (its JSON-LD, the page's meta).
        let back = article_viewer::domain::import::page::parse_page(&a1, "a1", Some(time::UtcOffset::UTC), None)
            .unwrap()
            .draft;
        assert_eq!(back.title, "Title 1 & <more>");
        assert_eq!(back.published.as_deref(), Some("2024-05-02"));
        assert_eq!(back.tags, ["first two"]);
        assert_eq!((back.authors, back.category), (vec!["Ann Lee".to_owned()], Some("News".to_owned())));
        assert_eq!(back.summary.as_deref(), Some("Summary 1 \"quoted\""));
        assert!(a1.contains("\"headline\":\"Title 1 & \\u003cmore>\""), "no `<` in the data block: {a1}");
        for meta in [
            "property=\"og:title\" content=\"Title 1 &amp; &lt;more&gt;\"",
            "property=\"og:description\" content=\"Summary 1 &quot;quoted&quot;\"",
            "property=\"og:site_name\" content=\"Set\"",
            "property=\"og:type\" content=\"article\"",
            "property=\"article:published_time\" content=\"2024-05-0",
            "property=\"article:tag\" content=\"first two\"",
        ] {
            assert!(a1.contains(meta), "{meta}: {a1}");
        }
        assert!(a1.contains("<base href=\"../\">") && !a1.contains("<base href=\"./\">"), "{a1}");
        assert!(a1.contains("data-lang=\"zh-Hans\" data-route=\"/article/a1\"></script>"), "{a1}");
        assert!(a1.contains("<link rel=\"stylesheet\" href=\"./style.css\">"), "{a1}");
        assert!(a1.contains(LATER_OPEN), "the app's files wait for the first paint as on the list: {a1}");
        assert!(!a1.contains("<noscript><p>"), "the article is there without JavaScript: {a1}");
        // Without JavaScript the controls that need the app are hidden, on both pages; their language is the
        // interface's.
        for page in [&index, &a1] {
            assert_eq!(page.matches(&format!("{NOSCRIPT_STYLE}noscript-")).count(), 1, "{page}");
            assert!(page.starts_with("<html lang=\"zh-Hans\">"), "{page}");
        }
        // The article, in the place of the list, with links to the other articles' pages and to places in its own.
        assert!(a1.contains("<div id=\"av-prerender\"><div "), "{a1}");
        assert!(
            a1.contains("<h1 tabindex=\"-1\" class=\"page-title article-title\">Title 1 &amp; &lt;more&gt;</h1>"),
            "{a1}"
        );
        assert!(!a1.contains("class=\"card\""), "no list: {a1}");
        assert!(a1.contains("href=\"articles/a0.html\" class=\"neighbour neighbour-prev\""), "{a1}");
        assert!(a1.contains("href=\"articles/a2.html\" class=\"neighbour neighbour-next\""), "{a1}");
        assert!(a1.contains("<a href=\"articles/a1.html#h-two\" data-at=\"two\">Two</a>"), "a contents entry: {a1}");
        assert!(a1.contains("<h2 id=\"h-two\""), "{a1}");
        assert!(a1.contains("href=\"articles/a1.html#content\" class=\"skip-link\""), "{a1}");
        assert!(a1.contains("<a href=\"#/\">"), "back to the list: the viewer's: {a1}");
        assert_eq!(a1.matches(PRERENDER_START).count() + a1.matches(PRERENDER_END).count(), 2);
        assert!(a1.ends_with(&page[page.find(PRERENDER_END).unwrap()..]), "{a1}");

        assert!(a1.contains("href=\"articles/a0.html\" class=\"neighbour related-article\""), "related: {a1}");
        // For the app, which shows it before it has loaded the set: the article as the set has it, and the articles
        // it links to (each once: a0 is the previous one and a related one), where they are.
        let (around, text) = article_viewer::ui::pages::article::Around::in_page(&a1).expect("the data block");
        assert!(!text.contains('<'), "{text}");
        let early = article_viewer::domain::load_article_set(text).unwrap();
        let whole = article_viewer::domain::load_article_set(&set(3)).unwrap();
        assert_eq!(early.title.as_deref(), Some("Set"));
        assert_eq!(early.articles[0], whole.articles[1]);
        let ids: Vec<&str> = early.articles.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["a1", "a0", "a2"]);
        assert_eq!(
            (early.articles[2].title.as_str(), early.articles[2].published.as_ref().unwrap().as_str()),
            ("Title 2 & <more>", "2024-05-03")
        );
        assert!(early.articles[1].body.is_empty() && early.articles[1].lang.as_deref() == Some("zh-CN"));
        let wanted = article_viewer::ui::pages::article::Around {
            previous: Some(1),
            next: Some(2),
            related: vec![1],
            convert: true,
        };
        assert_eq!(around, wanted);

        // Again with one article fewer: its page goes; the others are made again the same (one boot script, one
        // stylesheet without scripts).
        std::fs::write(dir.join("articles.json"), set(2)).unwrap();
        assert_eq!(prerender(&dir, true, None).unwrap().unwrap().articles, 2);
        assert!(!dir.join("articles/a2.html").exists());
        assert_eq!(read("articles/a0.html").matches("href=\"articles/a1.html\"").count(), 1, "next");
        let again = read("articles/a1.html");
        assert!(again.contains("<a href=\"articles/a1.html#h-two\" data-at=\"two\">Two</a>"));
        assert_eq!(again.matches(BOOT_OPEN).count() + again.matches(NOSCRIPT_STYLE).count(), 2, "{again}");
        let tag = article_viewer::domain::reading::ids_tag(["a0", "a1"].into_iter());
        assert_eq!(read("index.html").matches(PAGES_META).count(), 1);
        assert!(read("index.html").contains(&format!("{PAGES_META}{tag}\">")));

        // Where the folder's address is known: each page names its own, and a sitemap lists them, kept when the
        // set is replaced and the pages made again without saying it again.
        let site = site_url("https://example.org/n").unwrap();
        assert_eq!(
            prerender(&dir, true, Some(&site)).unwrap().unwrap().site.as_deref(),
            Some("https://example.org/n/")
        );
        for _ in 0..2 {
            let (index, a1) = (read("index.html"), read("articles/a1.html"));
            assert_eq!(index.matches(CANONICAL).count(), 1, "{index}");
            assert!(index.contains("<link rel=\"canonical\" href=\"https://example.org/n/\">"), "{index}");
            assert_eq!(a1.matches(CANONICAL).count(), 1, "{a1}");
            assert!(a1.contains("<link rel=\"canonical\" href=\"https://example.org/n/articles/a1.html\">"), "{a1}");
            assert!(a1.contains("<meta property=\"og:url\" content=\"https://example.org/n/articles/a1.html\">"));
            let news = list_file_for(&ListState::default().toggled(Facet::Category, "News")).unwrap();
            assert!(read(&news).contains(&format!("<link rel=\"canonical\" href=\"https://example.org/n/{news}\">")));
            assert_eq!(
                read("sitemap.xml"),
                format!(
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
                 <urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n  \
                 <url><loc>https://example.org/n/</loc></url>\n  \
                 <url><loc>https://example.org/n/articles/a0.html</loc><lastmod>2024-05-01</lastmod></url>\n  \
                 <url><loc>https://example.org/n/articles/a1.html</loc><lastmod>2024-05-02</lastmod></url>\n{}\
                 </urlset>\n",
                    // The lists of the set's category, author and tag.
                    [(Facet::Category, "News"), (Facet::Author, "Ann Lee"), (Facet::Tag, "first two")]
                        .map(|(f, v)| format!(
                            "  <url><loc>https://example.org/n/{}</loc></url>\n",
                            list_file_for(&ListState::default().toggled(f, v)).unwrap()
                        ))
                        .concat()
                )
            );
            assert!(read("robots.txt")
                .ends_with("\nUser-agent: *\nDisallow:\n\nSitemap: https://example.org/n/sitemap.xml\n"));
            assert!(read("feed.xml").contains("href=\"https://example.org/n/articles/a1.html\""));
            assert_eq!(prerender(&dir, true, None).unwrap().unwrap().site.as_deref(), Some("https://example.org/n/"));
        }
        // Their compressed copies, as a host that serves such files needs them.
        precompress_pages(&dir).unwrap();
        for page in ["articles/a1.html", "sitemap.xml"] {
            let mut br = Vec::new();
            brotli::BrotliDecompress(&mut std::fs::File::open(dir.join(format!("{page}.br"))).unwrap(), &mut br)
                .unwrap();
            assert_eq!(String::from_utf8(br).unwrap(), read(page), "{page}");
            assert!(dir.join(format!("{page}.gz")).exists(), "{page}");
        }
        // The deployer's own robots.txt is theirs.
        std::fs::write(dir.join("robots.txt"), "User-agent: *\nDisallow: /private/\n").unwrap();
        prerender(&dir, true, None).unwrap();
        assert_eq!(read("robots.txt"), "User-agent: *\nDisallow: /private/\n");
        std::fs::remove_file(dir.join("robots.txt")).unwrap();
        prerender(&dir, true, None).unwrap();
        // A set in Arabic: its pages are laid out right to left, as the app's interface in Arabic is; prerendered
        // again (twice) and then for another set, the direction is said once, or not at all.
        let arabic = r#"{"version":1,"articles":[{"id":"ar1","lang":"ar","title":"أسعار النيكل","body":["ارتفاع."]}]}"#;
        std::fs::write(dir.join("articles.json"), arabic).unwrap();
        prerender(&dir, true, None).unwrap();
        prerender(&dir, true, None).unwrap();
        for page in ["index.html", "articles/ar1.html"] {
            assert_eq!(read(page).matches("<html lang=\"ar\" dir=\"rtl\">").count(), 1, "{page}: {}", read(page));
        }
        // Its notice to a reader without JavaScript, in Arabic (the article's own page has none: it is there).
        let needs =
            article_viewer::ui::strings::strings_for(article_viewer::domain::format::UiLang::Ar).needs_javascript;
        assert!(
            needs.starts_with("يحتاج") && read("index.html").contains(&format!("<noscript><p>{needs}</p></noscript>"))
        );
        std::fs::write(dir.join("articles.json"), set(3)).unwrap();
        prerender(&dir, true, None).unwrap();
        assert!(read("index.html").contains("<html lang=\"zh-Hans\"><head>"), "{}", read("index.html"));
        // More addresses than a sitemap holds: several, and an index of them.
        let two = article_viewer::domain::load_article_set(&set(2)).unwrap().articles;
        write_sitemaps(&dir, &site, &two, &[], 2).unwrap();
        assert_eq!(
            read("sitemap.xml"),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
             <sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n  \
             <sitemap><loc>https://example.org/n/sitemap-1.xml</loc></sitemap>\n  \
             <sitemap><loc>https://example.org/n/sitemap-2.xml</loc></sitemap>\n\
             </sitemapindex>\n"
        );
        assert!(read("sitemap-2.xml").contains("<url><loc>https://example.org/n/articles/a1.html</loc>"));
        // A run that writes no pages leaves no sitemap of them (and none of an earlier run's parts).
        prerender(&dir, false, None).unwrap();
        assert!(!dir.join("sitemap.xml").exists() && !dir.join("sitemap-1.xml").exists());
        assert!(!dir.join("robots.txt").exists());
        assert!(read("index.html").contains("<link rel=\"canonical\" href=\"https://example.org/n/\">"));

        // A list of more than one page: its later pages, each at the viewer's address of it, linked to one another
        // and to the first (`index.html`'s, the viewer's own).
        std::fs::write(dir.join("articles.json"), set(45)).unwrap();
        let made = prerender(&dir, true, None).unwrap().unwrap();
        assert_eq!((made.articles, made.lists), (45, 2));
        assert!(read("index.html").contains("href=\"pages/2.html\" class=\"page-link page-next\""));
        let p2 = read("pages/2.html");
        assert!(p2.contains("data-route=\"/?page=2\"></script>") && p2.contains("<title>Set</title>"), "{p2}");
        assert!(
            p2.contains("<ol start=\"21\" class=\"cards\">") && p2.contains("href=\"articles/a20.html?page=2\""),
            "{p2}"
        );
        assert!(p2.contains("href=\"#/\" class=\"page-link page-prev\""), "{p2}");
        assert!(p2.contains("href=\"pages/3.html\" class=\"page-link page-next\""), "{p2}");
        assert!(p2.contains("href=\"pages/2.html#content\" class=\"skip-link\""), "{p2}");
        assert!(!p2.contains("og:title") && !dir.join("pages/4.html").exists() && !dir.join("pages/1.html").exists());
        // Each page of the list says which articles it lists (as many titles as fit in 160 characters: 8 of 16),
        // and names its own address (the folder's, as an earlier run was given it).
        let titles = |from: usize| {
            let titles: Vec<String> = (from..from + 8).map(|i| format!("Title {i} &amp; &lt;more&gt;")).collect();
            format!("<meta name=\"description\" content=\"{}…\">\n", titles.join(" · "))
        };
        assert_eq!(p2.matches(DESCRIPTION).count(), 1, "{p2}");
        assert!(p2.contains(&titles(20)), "{p2}");
        assert!(p2.contains("<link rel=\"canonical\" href=\"https://example.org/n/pages/2.html\">"), "{p2}");
        let index = read("index.html");
        assert!(index.contains(&titles(0)), "{index}");
        assert!(
            index.contains(&titles(0).replace("name=\"description\"", "property=\"og:description\""))
                && index.contains("<meta property=\"og:title\" content=\"Set\">\n")
                && index.contains("<meta property=\"og:url\" content=\"https://example.org/n/\">\n"),
            "{index}"
        );
        assert_eq!((index.matches(DESCRIPTION).count(), index.matches("og:description").count()), (1, 1));
        // Each category's, author's and tag's list, each of its pages: News and Ann Lee three each, the tag one.
        assert_eq!(made.facets, 7);
        let news = ListState::default().toggled(Facet::Category, "News");
        let (first, second) = (list_file_for(&news).unwrap(), list_file_for(&news.on_page(2)).unwrap());
        assert!(read("index.html").contains(&format!("href=\"{first}\"")), "the cards' category links");
        let page = read(&first);
        assert!(
            page.contains("<title>News · Set</title>") && page.contains("data-route=\"/?category=News\"></script>")
        );
        assert!(
            page.contains("<meta property=\"og:title\" content=\"News\">\n")
                && page.contains("<meta property=\"og:site_name\" content=\"Set\">\n")
                && page.contains(&titles(0))
                && page.contains(&titles(0).replace("name=\"description\"", "property=\"og:description\"")),
            "{page}"
        );
        assert!(page.contains(&format!("href=\"{second}\" class=\"page-link page-next\"")), "{page}");
        // The category's feed beside its page, named in the page's head (before the whole set's), with its 45.
        let feed = first.replace(".html", ".xml");
        let link = format!("{FEED_LINK} title=\"News · Set\" href=\"{feed}\">");
        assert!(page.contains(&link) && page.find(&link) < page.find(&format!("{FEED_LINK} title=\"Set\"")), "{page}");
        let atom = read(&feed);
        assert!(atom.contains("<title>News · Set</title>") && atom.matches("<entry").count() == 45, "{atom}");
        assert!(atom.contains(&format!("href=\"https://example.org/n/{feed}\"")), "{atom}");
        let page = read(&second);
        assert!(
            page.contains("data-route=\"/?category=News&amp;page=2\"></script>")
                && !page.contains("og:")
                && page.contains(&titles(20)),
            "{page}"
        );
        assert!(page.contains("<ol start=\"21\" class=\"cards\">") && page.contains(&format!("href=\"{first}\"")));
        let tag = list_file_for(&ListState::default().toggled(Facet::Tag, "first two")).unwrap();
        assert_eq!(read(&tag).matches("class=\"card\"").count(), 2);
        // (Feeds of categories only: a tag's list has none.)
        assert!(!dir.join(tag.replace(".html", ".xml")).exists() && !read(&tag).contains("News · Set\" href"));
        assert!(read("articles/a0.html").contains(&format!("href=\"{tag}\"")), "an article's tag links to its list");

        // Two articles whose pages are one file (ids that differ only in case, on a file system that ignores case;
        // here, the same id twice): an error that says so, not one article's page showing the other.
        let mut twice = article_viewer::domain::load_article_set(&set(1)).unwrap();
        twice.articles.push(twice.articles[0].clone());
        let index = read("index.html");
        std::fs::remove_dir_all(dir.join("articles")).unwrap();
        std::fs::remove_dir_all(dir.join("pages")).unwrap();
        let twice = article_viewer::ui::prerender::Pages::new(twice, article_viewer::domain::format::UiLang::En);
        let err = write_pages(&dir, &index, &twice, &twice.facet_lists(), None);
        let err = format!("{:#}", err.unwrap_err());
        assert!(err.contains("a0.html is another page's file too: this file system ignores case"), "{err}");

        // Without the articles' pages: none, and the list links into the viewer.
        prerender(&dir, false, None).unwrap();
        assert!(
            !dir.join("articles").exists() && !dir.join("pages").exists() && !read("index.html").contains(PAGES_META)
        );
        assert!(read("index.html").contains("<h2 class=\"card-title\"><a href=\"#/article/a1\""));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
