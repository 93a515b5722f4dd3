//! The page's keyboard shortcuts (`/` to search, `n` / `N` through an article's matches, `j` / `k` to the next or
//! previous article, `?` to list them): keys pressed anywhere but in a text field, with no Ctrl, Meta or Alt.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, KeyboardEvent};

/// What a shortcut does with a key (its event, to `prevent_default` when it takes it).
pub type Shortcut = dyn Fn(&KeyboardEvent, &str);

/// Calls `f` with each key the page may take as a shortcut until the returned function is called. A key typed
/// into a field (input, textarea, select, editable text) is not one; the field is told by the event's composed
/// path, so one inside a widget's shadow root counts too. `within`: a widget's `<article-viewer>` element, whose
/// shortcuts are only the keys pressed with the focus inside it (the others are the host page's). (Boxed: one copy
/// of this code for every shortcut.)
pub fn listen(within: Option<web_sys::Element>, f: Box<Shortcut>) -> Box<dyn FnOnce()> {
    let on_key = Closure::<dyn Fn(KeyboardEvent)>::new(move |e: KeyboardEvent| {
        if e.ctrl_key() || e.meta_key() || e.alt_key() || e.default_prevented() || e.is_composing() {
            return;
        }
        let path = e.composed_path();
        let typing = path
            .get(0)
            .dyn_into::<HtmlElement>()
            .is_ok_and(|t| matches!(t.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT") || t.is_content_editable());
        if !typing && within.as_ref().is_none_or(|w| path.includes(w, 0)) {
            f(&e, &e.key());
        }
    });
    let document = web_sys::window().and_then(|w| w.document());
    if let Some(d) = &document {
        let _ = d.add_event_listener_with_callback("keydown", on_key.as_ref().unchecked_ref());
    }
    Box::new(move || {
        if let Some(d) = document {
            let _ = d.remove_event_listener_with_callback("keydown", on_key.as_ref().unchecked_ref());
        }
    })
}
