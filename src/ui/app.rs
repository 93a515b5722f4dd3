//! The application shell: preferences, loading the article set, then routing between the pages.

use super::components::error_panel::error_panel;
use super::components::filters::FiltersPanel;
use super::components::settings::Settings;
use super::data::{fetch_article_set, KeptCopy, LoadError, Progress, ARTICLES_URL};
use super::mount::{detail, host_hash_route, write_host_hash_route, Mount};
use super::pages::article::{Around, ArticlePage};
use super::pages::{list::ListPage, not_found::NotFound};
use super::route::{Route, RouteLink};
use super::scroll::ScrollManager;
use super::state::Theme;
use super::state::{Prefs, PrefsHandle};
use super::strings::{fill, Strings};
use super::Catalog;
use crate::domain::convert::ScriptChoice;
use crate::domain::format::UiLang;
use crate::domain::format::{format_bytes, format_published};
use crate::domain::{load_article_set, Published};
use crate::ui::effect::use_effect_on;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;
use yew_router::history::History;
use yew_router::history::{AnyHistory, MemoryHistory};
use yew_router::prelude::*;

/// Where the article set stands.
#[derive(Clone, PartialEq)]
pub enum LoadState {
    Loading,
    Failed(LoadError),
    Loaded(Catalog),
}

#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// The article set's URL, relative to the page.
    #[prop_or(AttrValue::Static(ARTICLES_URL))]
    pub src: AttrValue,
    /// The article set as JSON text (a widget's inline data): read instead of fetching `src`.
    #[prop_or_default]
    pub inline: Option<AttrValue>,
    /// Standalone page or widget.
    #[prop_or_default]
    pub mount: Mount,
    /// Interface language, theme and script chosen by the embedding page (widget attributes); they win over
    /// the reader's remembered choices.
    #[prop_or_default]
    pub lang: Option<AttrValue>,
    #[prop_or_default]
    pub theme: Option<AttrValue>,
    #[prop_or_default]
    pub script: Option<AttrValue>,
}

impl AppProps {
    /// The standalone page reading the set at `src` (relative to the page).
    pub fn standalone(src: impl Into<AttrValue>) -> AppProps {
        AppProps { src: src.into(), inline: None, mount: Mount::default(), lang: None, theme: None, script: None }
    }
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let prefs = {
        let (lang, theme, script) = (props.lang.clone(), props.theme.clone(), props.script.clone());
        use_reducer(move || {
            let mut p = Prefs::load();
            if let Some(l) = lang.as_deref().and_then(UiLang::from_tag) {
                p.ask_lang(l);
                p.starting = p.wanted.is_some();
            }
            if let Some(t) = theme.as_deref().and_then(Theme::from_key) {
                p.theme = t;
            }
            if let Some(c) = script.as_deref().and_then(ScriptChoice::from_key) {
                p.script = c;
            }
            p
        })
    };
    {
        let prefs = prefs.dispatcher();
        use super::state::PrefsAction::{Forgotten, ReadElsewhere};
        super::reading::use_log_changes(Callback::from(move |forgotten| {
            prefs.dispatch(if forgotten { Forgotten } else { ReadElsewhere })
        }));
    }
    let embedded = props.mount.embedded();
    let filters_panel = FiltersPanel(use_state(|| None));
    let first_prefs = use_mut_ref(|| true);
    use_effect_on((prefs.choices(), prefs.starting), move |&(choices, starting)| {
        // Only a reader's own choice is remembered: the defaults (browser languages, system theme) are read
        // afresh on every visit, so they follow the reader's system when it changes. (The choices the viewer
        // starts with are those once the language it starts in has arrived.)
        if starting {
            return;
        }
        if !std::mem::replace(&mut *first_prefs.borrow_mut(), false) {
            Prefs::save(choices);
        }
        // The page's own language and direction follow the interface (articles carry their own `lang`); a
        // widget leaves its host page alone.
        if embedded {
            return;
        }
        if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
            let _ = root.set_attribute("lang", choices.0.tag());
            let _ = root.set_attribute("dir", choices.0.dir());
        }
    });
    // The words of a language asked for that are not compiled in: its catalog, fetched from next to the viewer's
    // files (`i18n/<tag>.json`), kept for the page's life, then shown.
    {
        let dispatcher = prefs.dispatcher();
        let mount = props.mount.clone();
        use_effect_on(prefs.wanted, move |wanted| {
            if let Some(lang) = *wanted {
                let url = mount.asset(&super::strings::catalog_path(lang));
                wasm_bindgen_futures::spawn_local(async move {
                    let answer = fetch_catalog(&url).await.and_then(|json| super::strings::add_catalog(lang, &json));
                    if let Err(why) = &answer {
                        web_sys::console::warn_1(&format!("article-viewer: {url}: {why}").into());
                    }
                    dispatcher.dispatch(super::state::PrefsAction::Catalog(lang, answer));
                });
            }
        });
    }
    let attempt = use_state(|| 0u32);
    let load = use_state(|| LoadState::Loading);
    // An article's own page: its article, shown at once, while the whole set loads. At the viewer's address of an
    // article (a link copied from the address bar), where the articles' own pages were written: its page is
    // fetched for it (tens of KB, against a set of up to tens of MB), and the article shown from it the same way.
    let early = use_state(|| if embedded { None } else { early_article() });
    {
        let early = early.clone();
        use_effect_on(embedded, move |&embedded| {
            if let (false, None, Some(id)) = (embedded, &*early, opened_article()) {
                wasm_bindgen_futures::spawn_local(async move {
                    if let Some(catalog) = article_from_its_page(&id).await {
                        early.set(Some(catalog));
                    }
                });
            }
        });
    }
    let progress = use_state(Progress::default);
    // The set is the copy the service worker kept (the network failed): the reader is told.
    let kept = use_state(|| None::<KeptCopy>);
    {
        let load = load.clone();
        let kept = kept.clone();
        let progress = progress.clone();
        let src = props.src.clone();
        let inline = props.inline.clone();
        use_effect_on((src, inline, *attempt), move |(src, inline, _)| {
            load.set(LoadState::Loading);
            kept.set(None);
            progress.set(Progress::default());
            if let Some(text) = inline {
                load.set(match load_article_set(text) {
                    Ok(set) => LoadState::Loaded(Catalog::of(set)),
                    Err(e) => LoadState::Failed(e.into()),
                });
                return;
            }
            let src = src.to_string();
            let on_progress = Callback::from(move |p| progress.set(p));
            wasm_bindgen_futures::spawn_local(async move {
                load.set(match fetch_article_set(&src, on_progress).await {
                    Ok((mut set, copy)) => {
                        kept.set(copy);
                        // (Its images are next to it.)
                        set.resolve_images(&src);
                        LoadState::Loaded(Catalog::of(set))
                    }
                    Err(e) => LoadState::Failed(e),
                });
            });
        });
    }
    // The prerendered list in the page (`cargo xtask dist`) gives way once the app shows the set, or why not.
    use_effect_on((!matches!(*load, LoadState::Loading) || early.is_some()) && !embedded && !prefs.starting, |ready| {
        if *ready {
            super::take_over();
        }
    });
    // The search index is built after the first page is painted, a slice of about 8 ms at a time, so that the
    // page stays responsive meanwhile, then the words for "did you mean"; a search (a correction) before they
    // are complete finishes them at once.
    // A widget tells its host page how its set loaded (each time it loads: a retry, a changed attribute):
    // `article-viewer:load` (`detail.articles`: how many are shown, `detail.skipped`: how many records were not)
    // or `article-viewer:error` (`detail.message`: why, in English, for the host page's developer).
    let mount = props.mount.clone();
    use_effect_on((*load).clone(), move |l| {
        if let LoadState::Loaded(c) = l {
            let c = c.clone();
            gloo_timers::callback::Timeout::new(50, move || build_index_in_slices(c, 100)).forget();
        }
        if !mount.embedded() {
            return;
        }
        match l {
            LoadState::Loaded(c) => {
                let (shown, skipped) = (c.0.set.articles.len(), c.0.set.skipped.len());
                mount
                    .notify("article-viewer:load", &detail(&[("articles", shown.into()), ("skipped", skipped.into())]));
            }
            LoadState::Failed(e) => mount.notify("article-viewer:error", &detail(&[("message", e.to_string().into())])),
            LoadState::Loading => {}
        }
    });
    let on_retry = {
        let attempt = attempt.clone();
        Callback::from(move |_| attempt.set(*attempt + 1))
    };
    let s = prefs.strings();
    let waiting = match &*load {
        LoadState::Loading => {
            let received = format_bytes(progress.received, prefs.lang);
            let detail = match progress.total {
                Some(total) => {
                    fill(s.received_of, &[("received", &received), ("total", &format_bytes(total, prefs.lang))])
                }
                None => fill(s.received, &[("received", &received)]),
            };
            html! {
                <div class="loading" role="status" aria-live="polite">
                    <p>{ s.loading }</p>
                    if progress.received > 0 {
                        <progress max={progress.total.unwrap_or(0).to_string()} value={progress.received.to_string()}
                            aria-label={s.loading}></progress>
                        <p class="loading-detail">{ detail }</p>
                    }
                </div>
            }
        }
        LoadState::Failed(e) => error_panel(s, s.load_failed, e.text(s, prefs.lang), &on_retry),
        LoadState::Loaded(_) => Html::default(),
    };
    // The pages, once the set has loaded; before, an article's own page shows its article (and the others wait,
    // or say why the set did not load). The same components either way: the article stays as it is shown (where
    // it was scrolled to) when the set arrives.
    let shown = match (&*load, &*early) {
        (LoadState::Loaded(catalog), _) => Some((catalog.clone(), Callback::from(switch))),
        (_, Some(catalog)) => {
            let (id, waiting) = (catalog.articles[0].id.to_string(), waiting.clone());
            let render = Callback::from(move |route| match route {
                Route::Article { id: shown } if shown == id => html! { <ArticlePage id={shown} /> },
                _ => waiting.clone(),
            });
            Some((catalog.clone(), render))
        }
        _ => None,
    };
    let content = match shown {
        Some((catalog, render)) => html! {
            <ContextProvider<Catalog> context={catalog}>
                <Switch<Route> {render} />
                <ScrollManager />
            </ContextProvider<Catalog>>
        },
        None => waiting,
    };
    // The standalone page keeps its route in the URL hash; a widget keeps it in memory (the host's URL is
    // touched only with routing="hash").
    let start = props.mount.start.clone();
    let history = {
        // (A route under the widget's key in the host's hash, whatever its routing: a link of it opened anew.)
        let start = props.mount.key.as_deref().and_then(host_hash_route).unwrap_or_else(|| start.clone());
        use_memo((), move |_| {
            let history = AnyHistory::from(MemoryHistory::new());
            replace_route(&history, &start);
            history
        })
    };
    // A widget tells its host page each view its reader moves to (`article-viewer:navigate`, `detail.route`: the
    // route as its `start` attribute takes it); with routing="hash" the route also follows into the host's hash,
    // and the host's back/forward back into the widget.
    {
        let history = (*history).clone();
        let mount = props.mount.clone();
        use_effect_on(props.mount.key.clone(), move |key| {
            let mut cleanup: Box<dyn FnOnce()> = Box::new(|| ());
            if let (Some(key), Some(window)) = (key.clone(), web_sys::window()) {
                let route_of = |h: &AnyHistory| format!("{}{}", h.location().path(), h.location().query_str());
                // Set while the widget follows the host's back/forward, so that following is not written back.
                let following = std::rc::Rc::new(std::cell::Cell::new(false));
                let follow = mount.follow_hash;
                let listener = history.listen({
                    let (h, key, following) = (history.clone(), key.clone(), following.clone());
                    move || {
                        let route = route_of(&h);
                        if follow && !following.get() {
                            write_host_hash_route(&key, &route)
                        }
                        mount.notify("article-viewer:navigate", &detail(&[("route", route.into())]));
                    }
                });
                let on_pop = follow.then(|| {
                    let h = history.clone();
                    Closure::<dyn Fn()>::new(move || {
                        // (No route in the host's hash: back to where the widget started.)
                        let want = host_hash_route(&key).unwrap_or_else(|| start.clone());
                        if want != route_of(&h) {
                            following.set(true);
                            replace_route(&h, &want);
                            following.set(false);
                        }
                    })
                });
                if let Some(f) = &on_pop {
                    let _ = window.add_event_listener_with_callback("popstate", f.as_ref().unchecked_ref());
                }
                cleanup = Box::new(move || {
                    if let Some(f) = on_pop {
                        let _ = window.remove_event_listener_with_callback("popstate", f.as_ref().unchecked_ref());
                    }
                    drop(listener);
                });
            }
            move || cleanup()
        });
    }
    // 繁/简 is offered once the set is known to have Chinese text.
    let script_toggle = match (&*load, &*early) {
        (LoadState::Loaded(c), _) | (_, Some(c)) => c.offers_conversion(),
        _ => false,
    };
    let saved = match &*load {
        LoadState::Loaded(c) => super::reading::marks(&c.articles).saved.iter().filter(|s| **s).count(),
        _ => 0,
    };
    let note = kept.map(|k| offline_note(s, prefs.lang, k, &on_retry));
    // Until the words of the language the viewer starts in have arrived, nothing (the standalone page's
    // prerendered list stays meanwhile).
    if prefs.starting {
        return html! { <div class="loading" aria-busy="true"></div> };
    }
    let body = html! { <Frame {embedded} {script_toggle} {saved}>{ for note }{ content }</Frame> };
    html! {
        <ContextProvider<PrefsHandle> context={prefs.clone()}>
          <ContextProvider<Mount> context={props.mount.clone()}>
          <ContextProvider<FiltersPanel> context={filters_panel}>
            if embedded {
                <Router history={(*history).clone()}>{ body }</Router>
            } else {
                <HashRouter>{ body }</HashRouter>
            }
          </ContextProvider<FiltersPanel>>
          </ContextProvider<Mount>>
        </ContextProvider<PrefsHandle>>
    }
}

#[derive(Properties, PartialEq)]
pub struct FrameProps {
    pub embedded: bool,
    /// Whether the header offers 繁/简 (the set has Chinese text).
    pub script_toggle: bool,
    /// How many of the set's articles the reader saved to read later: the header links to them when any.
    #[prop_or_default]
    pub saved: usize,
    pub children: Html,
}

/// The page around the routes: skip link, header with the site name and settings, and the main region. Shared
/// by the app and the prerendered list (`cargo xtask dist`), so that the two are the same markup.
#[function_component(Frame)]
pub fn frame(props: &FrameProps) -> Html {
    super::script::use_script_loader(props.script_toggle);
    let prefs = use_prefs();
    let s = prefs.strings();
    let shortcuts = super::components::shortcuts::use_shortcuts();
    // A skip link must not touch the hash (it holds the route): it moves focus itself.
    let on_skip = Callback::from(|e: MouseEvent| {
        e.prevent_default();
        let main = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id("content"))
            .and_then(|m| m.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(main) = main {
            let _ = main.focus();
            main.scroll_into_view();
        }
    });
    html! {
        <div class="app" data-theme={prefs.theme.key()} data-text={prefs.text.key()} lang={prefs.lang.tag()} dir={prefs.lang.dir()}>
            if !props.embedded {
                <a class="skip-link" href="#content" onclick={on_skip}>{ s.skip_to_content }</a>
            }
            <header class="site-header">
                <RouteLink to={Route::List} classes="site-name">{ s.app_name }</RouteLink>
                if props.saved > 0 {
                    <RouteLink to={Route::List} query={Some(vec![("saved".to_owned(), "1".to_owned())])} classes="saved-link">
                        { fill(s.saved_link, &[("count", &prefs.lang.number(props.saved))]) }
                    </RouteLink>
                }
                <Settings script_toggle={props.script_toggle} />
            </header>
            <main id="content" class="content" tabindex="-1">{ props.children.clone() }</main>
            { shortcuts }
        </div>
    }
}

/// Says that the articles are the copy the service worker kept, and when it was kept (in the reader's time),
/// with a button to try the network again.
fn offline_note(s: &Strings, lang: UiLang, kept: KeptCopy, on_retry: &Callback<()>) -> Html {
    let when = kept.0.and_then(|ms| {
        let d = js_sys::Date::new(&ms.into());
        let (y, m, day, h, min) = (d.get_full_year(), d.get_month() + 1, d.get_date(), d.get_hours(), d.get_minutes());
        Published::parse(&format!("{y:04}-{m:02}-{day:02}T{h:02}:{min:02}:00Z")).ok()
    });
    let text = match when {
        // The date is not broken across lines (no-break spaces), which narrow screens otherwise do mid-date.
        Some(p) => {
            fill(s.offline_copy, &[("date", &format_published(&p, &s.date_words(), lang).replace(' ', "\u{a0}"))])
        }
        None => s.offline_copy_undated.to_owned(),
    };
    html! {
        <p class="offline-note" role="status">
            <span>{ text }</span>
            <button type="button" class="retry" onclick={on_retry.reform(|_: MouseEvent| ())}>{ s.retry }</button>
        </p>
    }
}

/// Adds `per_slice` articles to the index (then, once it is built, to the words "did you mean" corrects
/// against), yields to the browser and goes on with a slice sized to take about 8 ms.
fn build_index_in_slices(c: Catalog, per_slice: usize) {
    let started = js_sys::Date::now();
    if c.collection().prepare_step(per_slice) {
        return;
    }
    let took = (js_sys::Date::now() - started).max(0.5);
    let next = (per_slice as f64 * 8.0 / took).clamp(10.0, 5000.0) as usize;
    gloo_timers::callback::Timeout::new(0, move || build_index_in_slices(c, next)).forget();
}

/// The article an article's own page holds for the app ([`super::EARLY_ID`]: its data block, a small set of it
/// and of the articles it links to) and where those are, when the page is one and its block reads.
fn early_article() -> Option<Catalog> {
    let block = web_sys::window()?.document()?.get_element_by_id(super::EARLY_ID)?;
    let set = load_article_set(&block.text_content()?).ok().filter(|set| !set.articles.is_empty())?;
    Some(Catalog::early(set, Around::read(|name| block.get_attribute(name))))
}

/// The article the standalone page's address opens (`#/article/<id>`), where the page says the articles' own
/// pages were written (`cargo xtask dist`).
fn opened_article() -> Option<String> {
    let window = web_sys::window()?;
    window.document()?.query_selector("meta[name='article-viewer:pages']").ok()??;
    let hash = window.location().hash().ok()?;
    match Route::recognize(hash.strip_prefix('#')?.split('?').next()?)? {
        Route::Article { id } => Some(id),
        _ => None,
    }
}

/// The text of a catalog of the interface's words, or why it could not be had.
async fn fetch_catalog(url: &str) -> Result<String, String> {
    let response = gloo_net::http::Request::get(url).send().await.map_err(|e| e.to_string())?;
    if !response.ok() {
        return Err(format!("HTTP {} {}", response.status(), response.status_text()));
    }
    response.text().await.map_err(|e| e.to_string())
}

/// The article `id` as its own page holds it for the app (see [`early_article`]), fetched: when the page is there
/// and holds that article.
async fn article_from_its_page(id: &str) -> Option<Catalog> {
    let response = gloo_net::http::Request::get(&super::route::article_file(id)).send().await.ok()?;
    let html = response.text().await.ok().filter(|_| response.ok())?;
    let (around, text) = Around::in_page(&html)?;
    let set = load_article_set(text).ok().filter(|set| set.articles.first().is_some_and(|a| a.id.as_str() == id))?;
    Some(Catalog::early(set, around))
}

fn switch(route: Route) -> Html {
    match route {
        Route::List => html! { <ListPage /> },
        Route::Article { id } => html! { <ArticlePage {id} /> },
        Route::NotFound => html! { <NotFound /> },
    }
}

/// The preferences from context, or the defaults when a component is rendered on its own (tests).
#[hook]
pub fn use_prefs() -> Prefs {
    use_context::<PrefsHandle>().map(|h| (*h).clone()).unwrap_or_else(|| Prefs::new(UiLang::En))
}

/// Points a widget's history at `route` (`/path` or `/path?query`, as [`start_route`] makes them): its path and
/// query given apart, as gloo's memory history asks (a path with a `?` in it is refused with an error).
fn replace_route(history: &AnyHistory, route: &str) {
    match route.split_once('?') {
        Some((path, query)) => {
            let _ = history.replace_with_query(path, yew_router::query::Raw(query));
        }
        None => history.replace(route),
    }
}
