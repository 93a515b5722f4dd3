use super::not_found::NotFound;
use crate::domain::article::{back_place, find_anchor, linked_anchors, List};
use crate::domain::format::{format_published, text_dir};
use crate::domain::listing::{heading_at, Facet, ListState};
use crate::domain::reading::ids_tag;
use crate::domain::search::{mark_count, Query};
use crate::domain::{Article, Block, Link as TextLink};
use crate::ui::app::use_prefs;
use crate::ui::components::highlight::{marked, marked_linked};
use crate::ui::components::match_nav::{go_to_mark, match_nav, step};
use crate::ui::components::meta_line::{facet_link, kept_pairs, meta_line};
use crate::ui::effect::use_effect_on;
use crate::ui::mount::use_mount;
use crate::ui::reading;
use crate::ui::route::{article_file, route_path, use_list_state, QueryPairs, Route, RouteLink};
use crate::ui::script::{shown_text, use_converter, use_shown_article, Same};
use crate::ui::scroll::place;
use crate::ui::strings::fill;
use crate::ui::Catalog;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;
use yew_router::prelude::*;

/// How many related articles an article page lists at most.
pub const RELATED: usize = 5;

/// What an article's page links to, where its own page (`cargo xtask dist`) holds it with those articles as a
/// small set (see [`crate::ui::EARLY_ID`]): their places in that set. The app shows the article from it at once,
/// with the same links as its page, while the whole set loads.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Around {
    pub previous: Option<usize>,
    pub next: Option<usize>,
    pub related: Vec<usize>,
    /// Whether the whole set offers 繁/简 (has Chinese text).
    pub convert: bool,
}

impl Around {
    /// As the attributes of the page's data block.
    pub fn attributes(&self) -> String {
        let mut out = String::new();
        for (name, i) in [("previous", self.previous), ("next", self.next)] {
            if let Some(i) = i {
                out.push_str(&format!(" data-{name}=\"{i}\""));
            }
        }
        if !self.related.is_empty() {
            let related: Vec<String> = self.related.iter().map(|i| i.to_string()).collect();
            out.push_str(&format!(" data-related=\"{}\"", related.join(" ")));
        }
        if self.convert {
            out.push_str(" data-convert");
        }
        out
    }

    /// Read back from the data block's attributes (`get`: an attribute's value by name); what does not read
    /// as a place is left out.
    pub fn read(get: impl Fn(&str) -> Option<String>) -> Around {
        let place = |name: &str| get(name).and_then(|v| v.parse().ok());
        let related = get("data-related").unwrap_or_default();
        Around {
            previous: place("data-previous"),
            next: place("data-next"),
            related: related.split(' ').filter_map(|v| v.parse().ok()).collect(),
            convert: get("data-convert").is_some(),
        }
    }

    /// The data block of an article's own page, in the page's HTML (`html`): what its article links to, and the
    /// small set's JSON text.
    pub fn in_page(html: &str) -> Option<(Around, &str)> {
        let open = format!("<script type=\"application/json\" id=\"{}\"", crate::ui::EARLY_ID);
        let (attributes, rest) = html[html.find(&open)? + open.len()..].split_once('>')?;
        let text = &rest[..rest.find("</script>")?];
        // (Its attributes as the prerender writes them: ` name="value"`, or ` name` alone.)
        let value = |name: &str| {
            let at = attributes.find(&format!(" {name}"))? + name.len() + 1;
            let quoted = attributes[at..].strip_prefix("=\"");
            Some(quoted.map_or("", |v| v.split('"').next().unwrap_or_default()).to_owned())
        };
        Some((Around::read(value), text))
    }
}

// Enlarges an article's image (`button` holds it): a modal dialog, inside the viewer (a widget's styles apply),
// named by the image's text, with the image as large as the window allows, its caption, and a button (`close`)
// that closes it — as do Escape and a press anywhere but the caption's words (its links close it as they are
// followed); the focus goes back to the image's button.
// Made of copies of the page's own nodes (text, no markup from the data); removed once closed.
//
// Shares a link: through the device's share sheet where there is one (a phone, most desktops), else by copying
// it; `status` then says it was copied (`copied`), or that it could not be (`failed`, its `{url}` the link: no
// clipboard outside a secure context). Nothing is said when it was shared, or the reader closed the sheet.
#[wasm_bindgen::prelude::wasm_bindgen(inline_js = "export const enlarge = (button, close) => {
  const d = document.createElement('dialog'), figure = document.createElement('figure'), x = document.createElement('button');
  const img = button.querySelector('img').cloneNode(), caption = button.parentNode.querySelector('figcaption');
  img.removeAttribute('loading');
  figure.append(img);
  if (caption) figure.append(caption.cloneNode(true));
  d.className = 'image-view';
  if (img.alt) d.setAttribute('aria-label', img.alt);
  x.type = 'button';
  x.className = 'image-view-close';
  x.textContent = close;
  x.onclick = () => d.close();
  d.onclick = (e) => { if (!e.target.closest('figcaption') || e.target.closest('a')) d.close(); };
  d.onclose = () => d.remove();
  d.append(x, figure);
  button.closest('.app').append(d);
  d.showModal();
};
export const share_link = async (title, url, status, copied, failed) => {
  url = new URL(url, document.baseURI).href;
  status.textContent = '';
  if (navigator.share) {
    try { return await navigator.share({ title, url }); } catch (e) { if (e?.name === 'AbortError') return; }
  }
  try { await navigator.clipboard.writeText(url); status.textContent = copied; }
  catch { status.textContent = failed.replace('{url}', url); }
};")]
extern "C" {
    fn enlarge(button: &web_sys::Element, close: &str);
    fn share_link(title: &str, url: &str, status: &web_sys::Element, copied: &str, failed: &str);
}

#[derive(Properties, PartialEq)]
pub struct ArticlePageProps {
    pub id: AttrValue,
}

/// One article, found by id in the loaded set. When it was opened from a list (the list's state is in the URL),
/// the query's matches are marked, previous/next follow that list's order, and "back" returns to it.
#[function_component(ArticlePage)]
pub fn article_page(props: &ArticlePageProps) -> Html {
    let catalog = use_context::<Catalog>().expect("ArticlePage is rendered inside the catalog provider");
    let prefs = use_prefs();
    let (s, lang) = (prefs.strings(), prefs.lang);
    let state = use_list_state();
    let conv = use_converter();
    let order = {
        let unpaged = ListState { page: None, ..state.clone() };
        // (Opened from the unread or the saved, the article stays in their order once it is read or let go: its
        // neighbours are still the ones the list showed.)
        let (marks, current) = match state.unread || state.saved {
            true => (crate::ui::reading::marks(&catalog.articles), Some(props.id.clone())),
            false => (Rc::default(), None),
        };
        use_memo((catalog.clone(), unpaged, marks, current), |(c, st, marks, current)| {
            let mut marks = (**marks).clone();
            if let Some((i, _)) = current.as_ref().and_then(|id| c.find(id)) {
                if let Some(r) = marks.read.get_mut(i) {
                    *r = false;
                }
                if st.saved {
                    marks.saved.resize(marks.saved.len().max(i + 1), false);
                    marks.saved[i] = true;
                }
            }
            (st.is_filtered() || st.sort.is_some()).then(|| c.collection().listing_marked(st, &marks).results)
        })
    };
    // The article, shared with its view (compared by identity there), not copied at each render; and the
    // articles related to it.
    let found = use_memo((catalog.clone(), props.id.clone()), |(c, id)| {
        c.find(id).map(|(i, a)| (i, Rc::new(a.clone()), c.collection().related(i, RELATED)))
    });
    match &*found {
        Some((index, article, related)) => {
            let index = *index;
            let collection = catalog.title.clone().unwrap_or_else(|| s.default_collection_title.to_owned());
            let collection = shown_text(&conv, &collection);
            let shown_title = |a: &Article| shown_text(&conv, a.title.as_str());
            // Neighbours in the list the reader came from; in the set's order when there is none (or when this
            // article is not in it).
            let position = order.as_ref().as_ref().and_then(|o| o.iter().position(|&i| i == index).map(|p| (o, p)));
            // (Before the whole set has loaded: the ones its own page links to.)
            let (previous, next) = match (catalog.around(), position) {
                (Some(around), _) => (around.previous, around.next),
                (None, Some((o, p))) => (p.checked_sub(1).and_then(|p| o.get(p)).copied(), o.get(p + 1).copied()),
                (None, None) => (index.checked_sub(1), Some(index + 1)),
            };
            let related = catalog.around().map_or(related, |around| &around.related);
            let neighbour = |i: Option<usize>| i.and_then(|i| catalog.articles.get(i));
            let (previous, next) = (neighbour(previous), neighbour(next));
            let pairs = state.to_pairs();
            let query = (!pairs.is_empty()).then_some(pairs);
            // A link to another article in the list's context: its label (previous, next; a related one's date)
            // above its title.
            let link = |a: &Article, label: String, class: &'static str| {
                html! {
                    <RouteLink to={Route::Article { id: a.id.to_string() }} query={query.clone()} classes={classes!("neighbour", class)}>
                        <span class="neighbour-label">{ label }</span>
                        <span class="neighbour-title" lang={a.lang.clone()} dir={text_dir(a.lang.as_deref(), lang)}>{ shown_title(a) }</span>
                    </RouteLink>
                }
            };
            let terms = Rc::new(Query::parse(&state.q).include);
            html! {
                <>
                    <ArticleView article={article.clone()} {collection} {terms} list_query={query.clone()} narrowed={state.is_filtered()} />
                    if previous.is_some() || next.is_some() {
                        <nav class="neighbours" aria-label={s.article_navigation}>
                            if let Some(p) = previous { { link(p, s.previous_article.to_owned(), "neighbour-prev") } }
                            if let Some(n) = next { { link(n, s.next_article.to_owned(), "neighbour-next") } }
                        </nav>
                    }
                    if !related.is_empty() {
                        <nav class="related" aria-label={s.related_articles}>
                            <h2>{ s.related_articles }</h2>
                            <div class="neighbours">
                                { for related.iter().filter_map(|&j| catalog.articles.get(j)).map(|a| {
                                    let date = a.published.as_ref().map(|p| format_published(p, &s.date_words(), lang));
                                    link(a, date.unwrap_or_default(), "related-article")
                                }) }
                            </div>
                        </nav>
                    }
                </>
            }
        }
        None => html! { <NotFound article=true /> },
    }
}

#[derive(Properties)]
pub struct ArticleViewProps {
    /// Compared by identity: a render with the same article does not compare its text.
    pub article: Rc<Article>,
    /// The collection's title, for the document title.
    #[prop_or_default]
    pub collection: AttrValue,
    /// Folded query terms to mark in the text.
    #[prop_or_default]
    pub terms: Rc<Vec<String>>,
    /// The list the article was opened from, for the link back to it.
    #[prop_or_default]
    pub list_query: Option<QueryPairs>,
    /// Whether that list was narrowed (a search, a filter): the link then says it goes back to the results.
    #[prop_or_default]
    pub narrowed: bool,
}

impl PartialEq for ArticleViewProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.article, &other.article)
            && (&self.collection, &self.terms, &self.list_query, self.narrowed)
                == (&other.collection, &other.terms, &other.list_query, other.narrowed)
    }
}

/// Every field of an article: kicker, title, subtitle, lede (the summary, unless it repeats the body's opening),
/// metadata, tags, body blocks in order, editor, notice, link.
#[function_component(ArticleView)]
pub fn article_view(props: &ArticleViewProps) -> Html {
    let shown = use_shown_article(&props.article);
    let a = &*shown;
    let t = &props.terms;
    let prefs = use_prefs();
    let s = prefs.strings();
    // The interface's language, for its words on the page (the article's own is on the page as a whole).
    let ui = prefs.lang.tag();
    // (And its direction, where the article's differs.)
    let ui_dir = crate::domain::format::ui_dir_inside(a.lang.as_deref(), prefs.lang);
    let mount = use_mount();
    let link_mount = mount.clone();
    let root = use_node_ref();
    // How many marks the page shows, and the one stepped to: kept together, so that another article or query
    // starts again before the first match (a state of its own cost ~1 KB of wasm more).
    // (With the reading time, made once rather than at each step through the marks.)
    let marks = use_memo((Same(shown.clone()), t.clone()), |(Same(a), t)| {
        (mark_count(a, t), Cell::new(None), a.reading_minutes())
    });
    let (count, current) = (marks.0, marks.1.get());
    let redraw = use_force_update();
    // Where the reader left this article last time, when that is in its middle: offered to continue from (read
    // once per article, before this visit records anything; gone once taken).
    let resume = use_memo((props.article.id.clone(), prefs.forgotten), |(id, _)| {
        (reading::progress(id.as_str()).filter(|p| p.resumable().is_some()), Cell::new(false))
    });
    reading::use_reading_position(root.clone(), AttrValue::from(props.article.id.to_string()));
    // Sharing: the article's own address (without the list it was opened from; in the script it is shown in).
    // What came of it is written into the line by the script (text only), whose node is made anew for another
    // article (keyed by its id), so that what was said of one is not said of the next.
    let share_status = use_node_ref();
    // Saved to read later, or let go: every viewer on the page (and the site's other tabs) follows.
    let saved = reading::is_saved(props.article.id.as_str());
    let on_save = {
        let id = props.article.id.to_string();
        Callback::from(move |_: MouseEvent| reading::set_saved(&id, !saved))
    };
    // Where `cargo xtask dist` wrote the articles' own pages for this set, the article's page: it shows the
    // article at once, and to a site or an app the link is shared in, its title and description.
    let catalog = use_context::<Catalog>();
    let on_share = {
        let status = share_status.clone();
        let script = props.list_query.iter().flatten().find(|(k, _)| k == "script").map(|p| vec![p.clone()]);
        let href = mount.link(&route_path(&Route::Article { id: a.id.to_string() }, script.as_ref()));
        let own = match &script {
            Some(pair) => format!("{}?script={}", article_file(a.id.as_str()), pair[0].1),
            None => article_file(a.id.as_str()),
        };
        let catalog = catalog.filter(|_| !mount.embedded());
        let (title, copied, failed) = (a.title.to_string(), s.share_copied, s.share_failed);
        Callback::from(move |_: MouseEvent| {
            if let Some(el) = status.cast::<web_sys::Element>() {
                let href = if catalog.as_ref().is_some_and(has_own_pages) { &own } else { &href };
                share_link(&title, href, &el, copied, failed);
            }
        })
    };
    // The article's address pointing at a place in it (`at=` its anchor), the list it was opened from kept: where
    // a contents entry or a link to a footnote goes.
    let at_query = {
        let list = props.list_query.clone().unwrap_or_default();
        move |anchor: &str| {
            let mut pairs = list.clone();
            pairs.push(("at".to_owned(), anchor.to_owned()));
            pairs
        }
    };
    let to = Route::Article { id: a.id.to_string() };
    // One handler for the article: a press on an image's button enlarges it; a link to a place in the article (a
    // contents entry, a footnote's number) goes there in the viewer (Back returns), unless asked to open
    // elsewhere (Ctrl, Shift, Alt or Meta).
    // The place the address points at (`at=`), if any.
    let at_now = use_location().and_then(|l| heading_at(l.query_str()));
    let on_click = {
        let close = s.close;
        let (navigator, to, at_query, root, now) =
            (use_navigator(), to.clone(), at_query.clone(), root.clone(), at_now.clone());
        Callback::from(move |e: MouseEvent| {
            let Some(target) = e.target_dyn_into::<web_sys::Element>() else { return };
            if let Some(button) = target.closest(".image-zoom").ok().flatten() {
                enlarge(&button, close);
            } else if let Some(at) =
                target.closest("a[data-at]").ok().flatten().and_then(|a| a.get_attribute("data-at"))
            {
                if !(e.meta_key() || e.ctrl_key() || e.shift_key() || e.alt_key()) {
                    e.prevent_default();
                    // (Where the address points already — the reader scrolled away from it — there again.)
                    let find = |selector: &str| root.cast::<web_sys::Element>()?.query_selector(selector).ok()?;
                    match (&navigator, now.as_deref() == Some(at.as_str())) {
                        (_, true) => place(&find, &at).into_iter().for_each(crate::ui::scroll::go_to),
                        (Some(nav), false) => drop(nav.push_with_query(&to, &at_query(&at))),
                        (None, false) => {}
                    }
                }
            }
        })
    };
    let on_resume = {
        let (resume, root, redraw) = (resume.clone(), root.clone(), redraw.clone());
        Callback::from(move |e: MouseEvent| {
            if let (Some(p), Some(el)) = (resume.0, root.cast::<web_sys::Element>()) {
                // The offer goes first (the render below removes it): the place is measured in the article
                // without it, as it was recorded.
                if let Some(offer) = e.target_dyn_into::<web_sys::Element>().and_then(|b| b.parent_element()) {
                    let _ = offer.set_attribute("hidden", "");
                }
                reading::scroll_to(&el, p.at);
            }
            resume.1.set(true);
            redraw.force_update();
        })
    };
    let on_step = {
        let (marks, root, redraw) = (marks.clone(), root.clone(), redraw.clone());
        Callback::from(move |forward: bool| {
            let to = step(marks.1.get(), marks.0, forward);
            go_to_mark(&root, to);
            marks.1.set(Some(to));
            redraw.force_update();
        })
    };
    // `n` and `N` (Shift+n) step too, while there are matches; `j` and `k` open the next and the previous article
    // (by their links, below the article); `s` saves it to read later or lets it go (its toggle). On the page
    // anywhere; in a widget only while the focus is inside it (not to take keys from the host page).
    {
        let (on_step, root, host) = (on_step.clone(), root.clone(), mount.host.clone());
        // (Again for another article or query: the marks it steps through are another memo's.)
        use_effect_on(Rc::as_ptr(&marks) as usize, move |_| {
            crate::ui::keys::listen(
                host,
                Box::new(move |e, key| {
                    let Some(el) = root.get() else { return };
                    let link = |class: &str| {
                        let link = el.parent_node().and_then(|p| p.dyn_into::<web_sys::Element>().ok());
                        link.and_then(|p| p.query_selector(class).ok().flatten())
                    };
                    match key {
                        // (A key moves the focus to the match it steps to, as arriving at one does — a button
                        // of the bar keeps it, to be pressed again.)
                        "n" | "N" if count > 0 => {
                            on_step.emit(key == "n");
                            let current =
                                el.dyn_ref::<web_sys::Element>().map(|e| e.query_selector("mark[aria-current]"));
                            crate::ui::scroll::focus_heading(current.and_then(Result::ok).flatten());
                        }
                        "j" | "k" => match link(if key == "j" { ".neighbour-next" } else { ".neighbour-prev" }) {
                            Some(a) => a.unchecked_into::<web_sys::HtmlElement>().click(),
                            None => return,
                        },
                        "s" => match el
                            .dyn_ref::<web_sys::Element>()
                            .and_then(|e| e.query_selector(".save-button").ok().flatten())
                        {
                            Some(b) => b.unchecked_into::<web_sys::HtmlElement>().click(),
                            None => return,
                        },
                        _ => return,
                    }
                    e.prevent_default();
                }),
            )
        });
    }
    {
        let title = a.title.to_string();
        let collection = props.collection.to_string();
        let id = a.id.to_string();
        use_effect_on((title, collection, id), move |(t, c, id)| {
            if mount.embedded() {
                // The host page hears which article its reader opened.
                mount.notify("article-viewer:open", &crate::ui::mount::detail(&[("id", id.as_str().into())]));
            } else {
                super::set_document_title(Some(t), c);
            }
        });
    }
    let keep = kept_pairs(props.list_query.as_deref().unwrap_or_default());
    // Contents, for an article with three headings or more: each entry a link to the article's address with
    // `at=` the heading's anchor (its words, from the article as written; the heading's id is `h-` and it):
    // followed, the page scrolls to the heading and focuses it (see `ScrollManager`); opened in a new tab, shared
    // or reloaded, the article opens there (below); Back returns.
    let anchors = props.article.heading_anchors();
    // The shown article's headings (converted: the same blocks), each with its anchor.
    let headings: Vec<(u8, &str, &str)> = a
        .body
        .iter()
        .filter_map(|b| if let Block::Heading { text, level, .. } = b { Some((*level, text.as_str())) } else { None })
        .zip(&anchors)
        .map(|((level, text), (_, anchor))| (level, text, anchor.as_str()))
        .collect();
    // (An entry is followed as a footnote's number is: see `on_click`.)
    let here = |anchor: &str| link_mount.link(&route_path(&to, Some(&at_query(anchor))));
    let contents = (headings.len() >= 3).then(|| {
        html! {
            <nav class="contents" aria-label={s.contents}>
                <p class="contents-title" lang={ui} aria-hidden="true">{ s.contents }</p>
                <ul>{ for headings.iter().map(|&(level, text, anchor)| html! {
                    <li class={format!("level-{level}")}><a href={here(anchor)} data-at={anchor.to_owned()}>{ text }</a></li>
                }) }</ul>
            </nav>
        }
    });
    // The contents entry of the section being read is marked (`aria-current`), following the reader's scroll:
    // where the contents stay in view beside the article (a wide page), they say where the reader is.
    {
        let (root, shown) = (root.clone(), contents.is_some());
        use_effect_on((Rc::as_ptr(&props.article) as usize, shown), move |&(_, shown)| {
            let mut cleanup: Box<dyn FnOnce()> = Box::new(|| ());
            if let (true, Some(el), Some(window)) = (shown, root.cast::<web_sys::Element>(), web_sys::window()) {
                let last = Rc::new(std::cell::RefCell::new(String::new()));
                let on_scroll = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || {
                    mark_current_section(&el, &mut last.borrow_mut())
                });
                let f = on_scroll.as_ref().unchecked_ref::<js_sys::Function>().clone();
                let _ = f.call0(&wasm_bindgen::JsValue::NULL);
                // (In the capture phase: a host page's box that scrolls a widget tells of its scroll too.)
                let _ = window.add_event_listener_with_callback_and_bool("scroll", &f, true);
                cleanup = Box::new(move || {
                    let _ = window.remove_event_listener_with_callback_and_bool("scroll", &f, true);
                    drop(on_scroll);
                });
            }
            move || cleanup()
        });
    }
    // An address that points at a heading, opened as it is (a new tab, a reload, a shared link): the article
    // opens at that heading. (Following a contents entry is a new page for `ScrollManager`, which does the same.)
    {
        let (root, at, marks, redraw) = (root.clone(), at_now, marks.clone(), redraw.clone());
        // (A heading's, a list item's — a footnote's —, a note's back link's, or a search's match's.)
        let anchor = at.map(|at| find_anchor(&anchors, &at).map_or(at.clone(), str::to_owned));
        // (Once per article: not again for the same article from the whole set, once it has loaded — the reader
        // may have scrolled on from there.)
        use_effect_on(AttrValue::from(props.article.id.to_string()), move |_| {
            let find = |selector: &str| root.cast::<web_sys::Element>()?.query_selector(selector).ok()?;
            if let Some(h) = anchor.and_then(|a| place(&find, &a)) {
                // (Shown from a prerendered page, the article is hidden until the app has taken over from it.)
                crate::ui::take_over();
                // A match (a result's excerpt followed): the current one, outlined, the bar saying which it is, so
                // that n and Shift+N step on from it.
                let all = || root.cast::<web_sys::Element>()?.query_selector_all("mark").ok();
                let index = (h.tag_name() == "MARK").then(all).flatten().and_then(|all| {
                    (0..all.length()).position(|i| all.item(i).is_some_and(|m| m.is_same_node(Some(&h))))
                });
                match index {
                    Some(i) => {
                        crate::ui::reading::jumped();
                        go_to_mark(&root, i);
                        crate::ui::scroll::focus_heading(Some(h));
                        marks.1.set(Some(i));
                        redraw.force_update();
                    }
                    None => crate::ui::scroll::go_to(h),
                }
            }
        });
    }
    // (The anchors are in the body's order: each block takes the next one if it is its own.)
    let mut next_anchor = anchors.iter().peekable();
    let linked = linked_anchors(&a.body);
    let body = Body { terms: t, here: &here, enlarge: s.enlarge_image, linked: &linked, back: s.back_to_text };
    html! {
        <article class="article-page" lang={a.lang.clone()} dir={text_dir(a.lang.as_deref(), prefs.lang)} ref={root} onclick={on_click}>
            <nav class="back" lang={ui} dir={ui_dir}><RouteLink to={Route::List} query={props.list_query.clone()}>{ if props.narrowed { s.back_to_results } else { s.back_to_list } }</RouteLink></nav>
            <header class="article-header">
                if let Some(k) = &a.kicker { <p class="kicker">{ marked(k, t) }</p> }
                <h1 class="page-title article-title" tabindex="-1">{ marked(a.title.as_str(), t) }</h1>
                if let Some(st) = &a.subtitle { <p class="subtitle">{ marked(st, t) }</p> }
                if let Some(l) = a.lede() { <p class="lede">{ marked(l, t) }</p> }
                { meta_line(a, &props.article, marks.2, (None, false), &prefs, t, &keep) }
                if !a.tags.is_empty() {
                    <ul class="tags">{ for a.tags.iter().enumerate().map(|(i, tag)| html! {
                        <li>{ facet_link(Facet::Tag, props.article.tags.get(i).unwrap_or(tag), marked(tag, t), &keep, None) }</li>
                    }) }</ul>
                }
            </header>
            if let (Some(p), false) = (resume.0, resume.1.get()) {
                <p class="resume" lang={ui} dir={ui_dir}><button type="button" onclick={on_resume}>{ fill(s.continue_reading, &[("percent", &prefs.lang.number(p.percent()))]) }</button></p>
            }
            if count > 0 { { match_nav(s, prefs.lang, count, current, &on_step) } }
            { for contents }
            <div class="article-body">{ for a.body.iter().enumerate().map(|(i, b)| {
                let anchor = next_anchor.next_if(|(j, _)| *j == i).map(|(_, a)| a.as_str());
                render_block(b, anchor, &body)
            }) }</div>
            <footer class="article-footer">
                if let Some(e) = &a.editor {
                    <p class="editor" lang={ui} dir={ui_dir}>{ format!("{}{}", s.editor, s.label_separator) }<span lang={a.lang.clone()}>{ e }</span></p>
                }
                <p class="share" lang={ui} dir={ui_dir}>
                    // (A toggle: its words stay, its state is pressed or not, as the script toggle's.)
                    <button type="button" class="save-button" onclick={on_save} aria-pressed={saved.to_string()}>
                        { s.save_for_later }
                    </button>
                    <button type="button" class="share-button" onclick={on_share}>{ s.share }</button>
                    <span class="share-status" role="status" key={a.id.to_string()} ref={share_status}></span>
                </p>
                if let Some(url) = &a.url {
                    <p class="original" lang={ui} dir={ui_dir}><a href={url.clone()} target="_blank" rel="noopener noreferrer">{ s.original_link }</a></p>
                }
                if let Some(n) = &a.notice {
                    <aside class="notice">{ for n.lines().map(|l| html! { <p>{ l }</p> }) }</aside>
                }
            </footer>
        </article>
    }
}

/// Whether the page says the articles' own pages were written for `catalog`'s set (see `cargo xtask dist`).
/// (An article shown from its own page, before the whole set has loaded: the page is its own.)
fn has_own_pages(catalog: &Catalog) -> bool {
    if catalog.around().is_some() {
        return true;
    }
    let document = web_sys::window().and_then(|w| w.document());
    let meta = document.and_then(|d| d.query_selector("meta[name='article-viewer:pages']").ok().flatten());
    meta.and_then(|m| m.get_attribute("content"))
        .is_some_and(|tag| tag == ids_tag(catalog.articles.iter().map(|a| a.id.as_str())))
}

/// Marks the contents entry of the section of `article` being read — the last heading that has reached the top
/// of the window (below the bar of matches that may stay there), else none; once the article is scrolled to its
/// end, the last heading in view (a short last section never reaches the top) — as `aria-current="location"`, when it
/// is not the one marked already (`last`, its anchor).
fn mark_current_section(article: &web_sys::Element, last: &mut String) {
    let Ok(headings) = article.query_selector_all(".article-body :is(h2, h3, h4, h5, h6)[id]") else { return };
    let height = web_sys::window().and_then(|w| w.inner_height().ok()).and_then(|h| h.as_f64()).unwrap_or(0.0);
    // (Scrolled to the end: an article that fits in the window has no section more current than another.)
    let rect = article.get_bounding_client_rect();
    let at_end = rect.bottom() <= height && rect.top() < 0.0;
    let mut current = String::new();
    for k in 0..headings.length() {
        let Some(h) = headings.item(k).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) else { continue };
        if h.get_bounding_client_rect().top() > if at_end { height } else { 100.0 } {
            break;
        }
        current = h.id().strip_prefix("h-").unwrap_or_default().to_owned();
    }
    if current == *last {
        return;
    }
    if let Ok(links) = article.query_selector_all(".contents a[data-at]") {
        for k in 0..links.length() {
            let Some(a) = links.item(k).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) else { continue };
            let _ = match a.get_attribute("data-at").is_some_and(|at| at == current) {
                true => a.set_attribute("aria-current", "location"),
                false => a.remove_attribute("aria-current"),
            };
        }
    }
    *last = current;
}

/// The list of the items from `from` on that are at `level` (see [`Block::nest`]: `levels` as it makes them, empty
/// when all are at the top), each `<li>` holding the items nested under it as a list; and where they end (the next
/// item, at a level above, or `count`). `kinds`: whether each item is in a numbered list ([`Block::item_kinds`]):
/// a list is `<ol>` or `<ul>` as its first item is; `start`: its first number, when not 1; `anchors`: the items'
/// anchors (an item with one has the id `h-` and it, and takes the focus when a link goes there).
fn nested_list(
    (kinds, levels, anchors): (&[bool], &[u8], &[String]),
    level: u8,
    from: usize,
    start: Option<String>,
    item: &dyn Fn(usize) -> Html,
) -> (Html, usize) {
    let level_of = |k: usize| levels.get(k).copied().unwrap_or(0);
    let (mut lis, mut k) = (Vec::new(), from);
    while k < kinds.len() && level_of(k) == level {
        let own = item(k);
        let id = anchors.get(k).filter(|a| !a.is_empty()).map(|a| format!("h-{a}"));
        let tabindex = id.as_ref().map(|_| "-1");
        k += 1;
        let mut inner = None;
        if k < kinds.len() && level_of(k) > level {
            let (list, end) = nested_list((kinds, levels, anchors), level + 1, k, None, item);
            (inner, k) = (Some(list), end);
        }
        lis.push(html! { <li {id} {tabindex}>{ own }{ for inner }</li> });
    }
    let tag = if kinds.get(from).copied().unwrap_or_default() { "ol" } else { "ul" };
    (html! { <@{tag} {start}>{ for lis }</@> }, k)
}

/// A block of the body. (A heading's id, `h-` and its `anchor`, is the contents' target.)
/// What every block of an article is shown with: the search's terms to mark, the address of a place in the article
/// (by its anchor), the words of an image's button.
struct Body<'a> {
    terms: &'a [String],
    here: &'a dyn Fn(&str) -> String,
    enlarge: &'static str,
    /// The anchors the article's own links go to (a note among them has a back link: ↩), and its back link's words.
    linked: &'a [&'a str],
    back: &'static str,
}

fn render_block(block: &Block, anchor: Option<&str>, body: &Body) -> Html {
    let (terms, here) = (body.terms, body.here);
    match block {
        Block::Paragraph { text, links } => {
            html! { <p>{ marked_linked(text, links, &TextLink::ranges(text, links), terms, here) }</p> }
        }
        Block::Heading { text, level, links } => html! {
            <@{format!("h{level}")} id={anchor.map(|a| format!("h-{a}"))} tabindex="-1">
                { marked_linked(text, links, &TextLink::ranges(text, links), terms, here) }
            </@>
        },
        Block::Quote { text, links } => {
            html! { <blockquote><p>{ marked_linked(text, links, &TextLink::ranges(text, links), terms, here) }</p></blockquote> }
        }
        Block::List(l) => {
            let List { ordered, start, items, levels, sublists, links, anchors } = &**l;
            let placed = TextLink::ranges_in(items, links);
            let item = |k: usize| {
                let text = marked_linked(&items[k], links, &TextLink::placed_in(&placed, k), terms, here);
                // A note referred to in the text: a link back to the first place that does (as `at`, followed as
                // the reference was: see `on_click`). (↩ as text, not as an emoji.)
                match anchors.get(k).filter(|a| body.linked.contains(&a.as_str())) {
                    Some(a) => {
                        let to = back_place(a);
                        html! { <>{ text }{ " " }<a class="back-link" href={here(&to)} data-at={to} aria-label={body.back}>{ "↩\u{FE0E}" }</a></> }
                    }
                    None => text,
                }
            };
            let kinds = Block::item_kinds(*ordered, levels, sublists, items.len());
            let start = (*ordered && *start != 1).then(|| start.to_string());
            nested_list((&kinds, levels, anchors), 0, 0, start, &item).0
        }
        // Focusable, so that a reader without a mouse can scroll a long line into view.
        // (Its language, if named, is shown above it by the stylesheet; no browser translates it.)
        Block::Code { text, language } => html! {
            <pre tabindex="0" translate="no" data-language={language.clone()}><code>{ marked(text, terms) }</code></pre>
        },
        // Scrolled sideways inside its box when wider than the page (focusable, as code).
        Block::Table(t) => {
            let placed = TextLink::ranges_in(&t.cells, &t.links);
            // (A column of numbers aligned to the right, its header with it.)
            let numbers = t.numeric_columns();
            let cell = |k: usize, c: &String, head: bool| {
                let text = marked_linked(c, &t.links, &TextLink::placed_in(&placed, k), terms, here);
                let class = numbers.get(k % t.columns.max(1)).copied().unwrap_or_default().then_some("num");
                match head {
                    true => html! { <th scope="col" {class}>{ text }</th> },
                    false => html! { <td {class}>{ text }</td> },
                }
            };
            html! {
                <div class="table-box" tabindex="0">
                    <table>
                        if let Some(c) = &t.caption { <caption>{ marked(c, terms) }</caption> }
                        { for t.rows().enumerate().map(|(r, row)| html! {
                            <tr>{ for row.iter().enumerate().map(|(j, c)| cell(r * t.columns + j, c, r == 0 && t.header)) }</tr>
                        }) }
                    </table>
                </div>
            }
        }
        Block::Image(i) => html! {
            <figure>
                <button type="button" class="image-zoom" title={body.enlarge}>
                    <img src={i.src.clone()} alt={i.alt.clone()} loading="lazy" decoding="async" referrerpolicy="no-referrer" />
                </button>
                if let Some(c) = &i.caption {
                    <figcaption>{ marked_linked(c, &i.links, &TextLink::ranges(c, &i.links), terms, here) }</figcaption>
                }
            </figure>
        },
        Block::Break => html! { <hr /> },
        // (None in a loaded set: the loader skips them, so that every block is one element — see `place`.)
        Block::Unknown { .. } => Html::default(),
    }
}
