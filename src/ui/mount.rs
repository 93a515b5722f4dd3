//! Where the viewer runs: the standalone page (it owns the window: URL hash, scroll, document title, keyboard
//! shortcuts), or a widget inside a host page's `<article-viewer>` element (it owns only its shadow root: its own
//! in-memory navigation, nothing of the host page touched). One codebase, one wasm; `embed.js` calls
//! [`mount_widget`].

use super::app::{App, AppProps};
use crate::ui::pages::list::PAGE_SIZE;
use wasm_bindgen::prelude::*;
use yew::prelude::*;

/// How this instance is mounted, for the components that must behave differently in a host page.
#[derive(Clone, Debug, PartialEq)]
pub struct Mount {
    /// The `<article-viewer>` element when embedded: events for the host are dispatched from it.
    pub host: Option<web_sys::Element>,
    /// Base URL of the viewer's own files (the bundled set, the 繁/简 dictionaries), ending in `/`; empty on the
    /// standalone page, whose files are relative to it.
    pub base: AttrValue,
    /// Articles per list page.
    pub page_size: usize,
    /// A widget's key in the host page's URL hash (`av-<element id>`; without an id `av`, `av.2`…: see
    /// `unnamed_key`): a route under it
    /// (`#av-news=%2Farticle%2Fx`) is where the widget opens, and where its links point ([`Mount::link`]), so
    /// that a link opened in a new tab, copied or bookmarked opens the host page with the widget on it.
    pub key: Option<String>,
    /// `routing="hash"`: the widget also keeps its route there as the reader moves, so that it survives reloads
    /// and the host's back/forward step through it (with `routing="none"` it only reads it when it starts).
    pub follow_hash: bool,
    /// The route a widget opens on (its `start` attribute, as [`start_route`] reads it): `/` for the list.
    pub start: String,
}

impl Default for Mount {
    fn default() -> Self {
        Mount {
            host: None,
            base: AttrValue::Static(""),
            page_size: PAGE_SIZE,
            key: None,
            follow_hash: false,
            start: "/".into(),
        }
    }
}

/// A widget's `start` attribute as a route: the viewer's own form (`/article/x`, `/?category=Markets`), or that
/// written without its leading `/`, or after a `#` (`#/article/x`), or a whole link to the standalone viewer
/// (`https://example.org/news/#/article/x`); nothing, or only white space: the list. (Also what a widget reads
/// back from the host's hash, which anyone can edit: never relative, never with a `#` in it, which the widget's
/// history would refuse with an error.)
pub fn start_route(start: &str) -> String {
    let mut s = start.trim();
    if let Some(i) = s.find('#') {
        s = &s[i + 1..];
    }
    if let Some(i) = s.find('#') {
        s = &s[..i];
    }
    if s.starts_with('/') {
        s.to_owned()
    } else {
        format!("/{s}")
    }
}

impl Mount {
    pub fn embedded(&self) -> bool {
        self.host.is_some()
    }

    /// The address of a link to `route` (a path with its query, as the router has it: `/article/x?q=…`): on
    /// the standalone page the route in its hash (`#/article/x`); in a widget the host page with the route
    /// under the widget's key in its hash (the others' entries and the host's own content kept).
    pub fn link(&self, route: &str) -> String {
        // (The page is read only in a widget: the list prerendered natively has no window.)
        match &self.key {
            Some(key) => {
                // (One read of the page's address per link: the list draws many, on every keystroke of a search.)
                let href = web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default();
                let (page, hash) = href.split_once('#').unwrap_or((&href, ""));
                format!("{page}#{}", host_hash_with(hash, key, route))
            }
            None => format!("#{route}"),
        }
    }

    /// The URL of one of the viewer's own files.
    pub fn asset(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// Tells the host page something happened (embedded only): a bubbling, composed CustomEvent.
    pub fn notify(&self, name: &str, detail: &JsValue) {
        if let Some(host) = &self.host {
            notify_from(host, name, detail);
        }
    }
}

/// An event's `detail` for the host page: an object of `fields`.
pub fn detail(fields: &[(&str, JsValue)]) -> JsValue {
    let detail = js_sys::Object::new();
    for (key, value) in fields {
        let _ = js_sys::Reflect::set(&detail, &(*key).into(), value);
    }
    detail.into()
}

/// Dispatches the CustomEvent `name` with `detail` from `target`, bubbling and composed: from inside a widget's
/// shadow root it reaches the host page, its target the widget's element.
pub fn notify_from(target: &web_sys::EventTarget, name: &str, detail: &JsValue) {
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(detail);
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = target.dispatch_event(&event);
    }
}

/// This instance's mount (the standalone page's when none is provided, e.g. in component tests).
#[hook]
pub fn use_mount() -> Mount {
    use_context::<Mount>().unwrap_or_default()
}

thread_local! {
    /// The roots of the widgets mounted on this page: where a crash is shown when the viewer runs as widgets.
    static WIDGET_ROOTS: std::cell::RefCell<Vec<web_sys::Element>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Remembers a widget root (a crash is then shown there, not in the host page's body).
pub fn register_widget_root(root: &web_sys::Element) {
    WIDGET_ROOTS.with(|r| r.borrow_mut().push(root.clone()));
}

/// Forgets a widget root (its widget was destroyed).
pub fn unregister_widget_root(root: &web_sys::Element) {
    WIDGET_ROOTS.with(|r| r.borrow_mut().retain(|x| x != root));
}

/// The roots of the widgets mounted now (empty on the standalone page).
pub fn widget_roots() -> Vec<web_sys::Element> {
    WIDGET_ROOTS.with(|r| r.borrow().clone())
}

/// A mounted widget; `destroy` unmounts it (embed.js does when the element leaves the page or an attribute
/// changes).
#[wasm_bindgen]
pub struct WidgetHandle {
    app: Option<yew::AppHandle<App>>,
    root: web_sys::Element,
}

#[wasm_bindgen]
impl WidgetHandle {
    pub fn destroy(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
            unregister_widget_root(&self.root);
        }
    }
}

/// Mounts one widget into `root` (inside the shadow root of `host`). `base`: where embed.js lives; `src`: the
/// article set's absolute URL, or none for the bundled one (or `inline` JSON text from the element); `lang`,
/// `theme`, `script`: the element's attributes; `page_size`: 0 for the default; `routing`: `none` (default) or
/// `hash`; `start`: the route it opens on ([`start_route`]).
#[allow(clippy::too_many_arguments)]
#[wasm_bindgen]
pub fn mount_widget(
    host: web_sys::Element,
    root: web_sys::Element,
    base: String,
    src: Option<String>,
    inline: Option<String>,
    lang: Option<String>,
    theme: Option<String>,
    script: Option<String>,
    page_size: u32,
    routing: Option<String>,
    start: Option<String>,
) -> WidgetHandle {
    super::panic::install_hook();
    let page_size = if page_size == 0 { PAGE_SIZE } else { (page_size as usize).clamp(1, 200) };
    let key = match host.id() {
        id if id.is_empty() => unnamed_key(&host),
        id => format!("av-{id}"),
    };
    let follow_hash = routing.as_deref() == Some("hash");
    let start = start_route(start.as_deref().unwrap_or(""));
    let mount = Mount { host: Some(host), base: base.into(), page_size, key: Some(key), follow_hash, start };
    let props = AppProps {
        src: src.unwrap_or_else(|| mount.asset(super::data::ARTICLES_URL)).into(),
        inline: inline.map(Into::into),
        mount,
        lang: lang.map(Into::into),
        theme: theme.map(Into::into),
        script: script.map(Into::into),
    };
    register_widget_root(&root);
    WidgetHandle { app: Some(yew::Renderer::<App>::with_root_and_props(root.clone(), props).render()), root }
}

/// The hash key of a widget without an id: `av` for the page's first such widget, `av.2`, `av.3`… for the next
/// ones in the page's order (never an id's `av-…`), so that two of them never share one.
fn unnamed_key(host: &web_sys::Element) -> String {
    let node: &web_sys::Node = host.as_ref();
    let selector = format!("{}:not([id])", host.local_name());
    let list = host.owner_document().and_then(|d| d.query_selector_all(&selector).ok());
    let at = list.and_then(|l| (0..l.length()).position(|i| l.item(i).as_ref() == Some(node)));
    match at {
        Some(i) if i > 0 => format!("av.{}", i + 1),
        _ => "av".to_owned(),
    }
}

/// This widget's route in the host page's hash (`#av-a=%2Farticle%2Fx&av-b=%2F`), if it has one — read as
/// [`start_route`] reads a route (the hash is anyone's to edit).
pub fn host_hash_route(key: &str) -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    hash.trim_start_matches('#')
        .split('&')
        .find_map(|pair| {
            let (k, v) = pair.split_once('=')?;
            (k == key).then(|| js_sys::decode_uri_component(v).ok().and_then(|s| s.as_string())).flatten()
        })
        .map(|route| start_route(&route))
}

/// The host page's `hash` (with or without its `#`) with `route` under `key`: other widgets' entries and any
/// other hash content kept, this widget's entry last; without a `#`.
fn host_hash_with(hash: &str, key: &str, route: &str) -> String {
    let mut parts: Vec<&str> = hash
        .trim_start_matches('#')
        .split('&')
        .filter(|p| !p.is_empty() && p.split_once('=').map(|(k, _)| k) != Some(key))
        .collect();
    let entry = format!("{key}={}", String::from(js_sys::encode_uri_component(route)));
    parts.push(&entry);
    parts.join("&")
}

/// Puts this widget's route into the host page's hash as a new history entry (other widgets' entries and any
/// other hash content are kept); nothing happens when it is already there.
pub fn write_host_hash_route(key: &str, route: &str) {
    let Some(window) = web_sys::window() else { return };
    if host_hash_route(key).as_deref().unwrap_or("/") == route {
        return;
    }
    if let Ok(history) = window.history() {
        let _ = history.push_state_with_url(
            &JsValue::NULL,
            "",
            Some(&format!("#{}", host_hash_with(&window.location().hash().unwrap_or_default(), key, route))),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::start_route;

    #[test]
    fn a_start_attribute_is_read_as_a_route_whichever_way_it_is_written() {
        for (attr, route) in [
            ("", "/"),
            ("  ", "/"),
            ("/", "/"),
            ("/article/a-1", "/article/a-1"),
            ("article/a-1", "/article/a-1"),
            ("#/article/a-1", "/article/a-1"),
            (" https://example.org/news/#/article/a-1?q=nickel ", "/article/a-1?q=nickel"),
            ("?category=Markets&sort=views", "/?category=Markets&sort=views"),
            ("/?category=%E9%87%8D%E9%BB%9E", "/?category=%E9%87%8D%E9%BB%9E"),
            ("#/?q=a#b", "/?q=a"),
            ("#", "/"),
        ] {
            assert_eq!(start_route(attr), route, "{attr:?}");
        }
    }
}
