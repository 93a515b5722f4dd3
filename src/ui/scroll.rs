//! Scroll and focus on navigation, as readers expect of pages:
//! - a new page (a link followed) starts at the top, with focus on its heading (unless the reader is typing in a
//!   field of it already: the search box they went to as it appeared);
//! - back and forward return to where the reader was on that page.
//!
//! In a widget, whose page is a part of the host's, a new page starts at the widget's top: the host page (and
//! any box of it that scrolls the widget) is scrolled back to it when that top is above the view — a card far
//! down the list would otherwise open its article somewhere in the middle — with focus on the page's heading.
//!
//! Each history entry is told apart by the router's history state (an id per pushed entry) plus its URL, so
//! "was this entry shown before?" decides between a new page and a return — no reliance on the order in
//! which `popstate` listeners run.

use crate::domain::listing::heading_at;
use crate::ui::effect::use_effect_on;
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;
use yew_router::prelude::*;

thread_local! {
    /// Last known scroll position of each history entry shown in this tab.
    static POSITIONS: RefCell<HashMap<String, f64>> = RefCell::new(HashMap::new());
    /// Entries already shown: showing one again is a return (back/forward).
    static SEEN: RefCell<HashSet<String>> = RefCell::new(HashSet::new());
    /// The entry on screen. Scroll events arrive a frame late, possibly after the history has moved on.
    static SHOWN: RefCell<Option<String>> = const { RefCell::new(None) };
    /// Set by in-page controls (search box, filters) whose URL change must not scroll or move focus.
    static KEEP_VIEW: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    /// A new page shown before the set has loaded (from an article's own page: it waits) has no heading to focus
    /// yet: it is focused when the set is there.
    static FOCUS_LATER: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Call before a navigation that refines the page in place (typing a query, ticking a filter): the next route
/// change keeps the scroll position and the focus where they are.
pub fn keep_view() {
    KEEP_VIEW.with(|k| k.set(true));
}

/// The current history entry: the router's state id (when it pushed the entry) and the URL.
fn entry_key() -> Option<String> {
    let window = web_sys::window()?;
    let location = window.location();
    let url = format!("{}{}", location.pathname().ok()?, location.hash().ok()?);
    let id = window
        .history()
        .ok()
        .and_then(|h| h.state().ok())
        .filter(|s| s.is_object())
        .and_then(|s| js_sys::Reflect::get(&s, &"id".into()).ok())
        .and_then(|id| id.as_f64());
    Some(match id {
        Some(id) => format!("{id}|{url}"),
        None => url,
    })
}

/// Stores the scroll position under the entry on screen, if it is still the current one.
fn remember_shown() {
    let shown = SHOWN.with(|s| s.borrow().clone());
    if shown.is_some() && shown == entry_key() {
        if let (Some(key), Some(y)) = (shown, web_sys::window().and_then(|w| w.scroll_y().ok())) {
            POSITIONS.with(|p| p.borrow_mut().insert(key, y));
        }
    }
}

/// Mounted once inside the router: watches scrolling and route changes.
#[function_component(ScrollManager)]
pub fn scroll_manager() -> Html {
    let location = use_location();
    let first = use_mut_ref(|| true);
    let host = crate::ui::mount::use_mount().host;
    let embedded = host.is_some();
    let loaded = use_context::<crate::ui::Catalog>().is_some_and(|c| c.around().is_none());
    use_effect_on(loaded, |&loaded| {
        if loaded && FOCUS_LATER.with(|f| f.replace(false)) {
            focus_heading(web_sys::window().and_then(|w| w.document()?.query_selector(".page-title").ok()?));
        }
    });
    use_effect_on(embedded, |embedded| {
        let window = web_sys::window().expect("a window");
        let on_scroll = Closure::<dyn Fn()>::new(remember_shown);
        // Before a link is followed (capture phase: before the router's handler pushes the new entry).
        let on_click = Closure::<dyn Fn()>::new(remember_shown);
        if !embedded {
            if let Ok(history) = window.history() {
                let _ = history.set_scroll_restoration(web_sys::ScrollRestoration::Manual);
            }
            let _ = window.add_event_listener_with_callback("scroll", on_scroll.as_ref().unchecked_ref());
            let _ = window.add_event_listener_with_callback_and_bool("click", on_click.as_ref().unchecked_ref(), true);
        }
        move || {
            let _ = window.remove_event_listener_with_callback("scroll", on_scroll.as_ref().unchecked_ref());
            let _ =
                window.remove_event_listener_with_callback_and_bool("click", on_click.as_ref().unchecked_ref(), true);
        }
    });
    let route = location.map(|l| format!("{}?{}", l.path(), l.query_str()));
    use_effect_on(route, move |route| {
        let initial = std::mem::replace(&mut *first.borrow_mut(), false);
        // (Not taken by the first route: a control may ask for it as the page is first shown, for its own change.)
        let keep = !initial && KEEP_VIEW.with(|k| k.replace(false));
        // The standalone page: the history entry now shown, and where the reader left it if this is a return to
        // it (a widget's history is its own, and it keeps no positions: a new page starts at its top).
        let (y, returning) = if host.is_none() {
            let key = entry_key();
            let returning = key.as_ref().is_some_and(|k| !SEEN.with(|s| s.borrow_mut().insert(k.clone())));
            SHOWN.with(|s| *s.borrow_mut() = key.clone());
            match (&key, returning) {
                (Some(k), true) => (POSITIONS.with(|p| p.borrow().get(k).copied()).unwrap_or(0.0), true),
                _ => (0.0, false),
            }
        } else {
            (0.0, false)
        };
        if initial || keep {
            return;
        }
        // A new page whose address points at a heading (a contents entry followed) starts there, not at the top.
        let at =
            route.as_deref().and_then(|r| r.split_once('?')).and_then(|(_, q)| heading_at(q)).filter(|_| !returning);
        // On the next frame: by then every component of the new page has rendered, so the document is tall
        // enough to scroll to `y`.
        next_frame(move || {
            let Some(window) = web_sys::window() else { return };
            let find = |selector: &str| match &host {
                Some(host) => host.shadow_root().and_then(|r| r.query_selector(selector).ok().flatten()),
                None => window.document().and_then(|d| d.query_selector(selector).ok().flatten()),
            };
            if let Some(heading) = at.and_then(|a| place(&find, &a)) {
                return go_to(heading);
            }
            match &host {
                Some(host) => crate::ui::reading::bring_top_into_view(host),
                // (Not where the reader has read to: they had been there.)
                None => {
                    crate::ui::reading::jumped();
                    window.scroll_to_with_x_and_y(0.0, y)
                }
            }
            let heading = find(".page-title");
            FOCUS_LATER.with(|f| f.set(heading.is_none() && !loaded));
            focus_heading(heading);
        });
    });
    Html::default()
}

/// Runs `f` before the next frame is painted (once the components of this render have all rendered).
pub fn next_frame(f: impl FnOnce() + 'static) {
    if let Some(window) = web_sys::window() {
        let _ = window.request_animation_frame(Closure::once_into_js(f).unchecked_ref());
    }
}

/// The element of a place in an article that an address names (`at`), found by `find` (a selector's first
/// match): the heading or list item with that anchor (its id `h-` and it), else — a note's back link
/// ([`back_place`](crate::domain::article::back_place)) — the first link to the note, else — a search's match
/// ([`match_place`](crate::domain::article::match_place)) — that mark of its block (the block's last if it has
/// fewer; the block if it has none).
pub fn place(find: &dyn Fn(&str) -> Option<web_sys::Element>, at: &str) -> Option<web_sys::Element> {
    let first_link = || find(&format!("a[data-at=\"{}\"]", crate::domain::article::back_target(at)?));
    let a_match = || {
        let (block, k) = crate::domain::article::match_target(at)?;
        // (Each block of the body is one element of it.)
        let block = find(&format!(".article-body > :nth-child({})", block.checked_add(1)?))?;
        let marks = block.query_selector_all("mark").ok()?;
        match marks.length() {
            0 => Some(block),
            n => marks.item(u32::try_from(k).unwrap_or(u32::MAX).min(n - 1))?.dyn_into().ok(),
        }
    };
    find(&format!("#h-{at}")).or_else(first_link).or_else(a_match)
}

/// Scrolls to `heading` (a section's or a footnote's, which an address points at) and focuses it. (Not where the
/// reader has read to: see [`crate::ui::reading::jumped`].) A heading or note goes to the top of the view; a
/// link in the text (where a note is referred to) or a search's match to its middle, so that the reader sees the
/// sentence around it.
pub fn go_to(heading: web_sys::Element) {
    crate::ui::reading::jumped();
    if matches!(heading.tag_name().as_str(), "A" | "MARK") {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Center);
        heading.scroll_into_view_with_scroll_into_view_options(&options);
    } else {
        heading.scroll_into_view();
    }
    focus_heading(Some(heading));
}

/// Moves focus to the page's heading (without scrolling), so screen readers announce the new page — unless the
/// reader is typing in a field of it already (the search box they went to as the page appeared, before this ran:
/// the focus stays with what they type). A search's match (a `mark`, which takes no focus of its own) is made
/// focusable by script (`tabindex="-1"`) first: a screen reader then reads on from the match the reader came for,
/// and Tab goes on from there.
pub fn focus_heading(heading: Option<web_sys::Element>) {
    let Some(h) = heading.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) else { return };
    if h.tag_name() == "MARK" {
        let _ = h.set_attribute("tabindex", "-1");
    }
    // (The page's document, or a widget's shadow root.)
    let active = js_sys::Reflect::get(&h.get_root_node(), &"activeElement".into()).ok();
    let active = active.and_then(|a| a.dyn_into::<web_sys::Element>().ok());
    let typing = active.is_some_and(|a| match a.tag_name().as_str() {
        "TEXTAREA" => true,
        "INPUT" => !matches!(a.get_attribute("type").as_deref(), Some("checkbox" | "radio" | "button" | "submit")),
        _ => false,
    });
    if !typing {
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = h.focus_with_options(&options);
    }
}
