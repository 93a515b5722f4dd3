use super::typed_text::use_typed_text;
use crate::ui::app::use_prefs;
use crate::ui::effect::use_effect_on;
use gloo_timers::callback::Timeout;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, KeyboardEvent};
use yew::prelude::*;

/// How long typing must pause before the list follows, until a search has been timed (see [`debounce_ms`]).
pub const DEBOUNCE_MS: u32 = 120;

/// How long typing must pause before the list follows, from what the last search took to show its results
/// (`cost_ms`, from the query sent to the list rendered): twice that, so that a reader typing on never waits on
/// more than a third of the time for the list, between 30 ms (a burst of keys is one search) and
/// [`DEBOUNCE_MS`] (a slow phone with a large set). A set of a few hundred articles on a laptop renders its
/// results in ~5 ms: they follow the keys at once instead of 120 ms later.
pub fn debounce_ms(cost_ms: f64) -> u32 {
    const FLOOR: f64 = 30.0;
    if cost_ms.is_nan() {
        return DEBOUNCE_MS;
    }
    (2.0 * cost_ms).clamp(FLOOR, f64::from(DEBOUNCE_MS)).round() as u32
}

#[derive(Properties, PartialEq)]
pub struct SearchBoxProps {
    /// The query in the URL.
    pub value: AttrValue,
    /// Called with the new query text, after a short pause in typing, at Enter, or at Escape (with "").
    pub on_search: Callback<String>,
    /// The pause in typing to wait for, in ms (the list times its searches: [`debounce_ms`]).
    pub debounce: Rc<Cell<u32>>,
}

/// The search field. `/` anywhere on the page (outside a text field; in a widget, with the focus inside it)
/// focuses it; Escape clears it.
#[function_component(SearchBox)]
pub fn search_box(props: &SearchBoxProps) -> Html {
    let s = use_prefs().strings();
    let input = use_node_ref();
    let draft = use_state(|| props.value.to_string());
    let sent = use_mut_ref(|| props.value.to_string());
    let timer = use_mut_ref(|| None::<Timeout>);
    {
        // The URL changed from elsewhere (back/forward, "clear filters"): show its query.
        let draft = draft.clone();
        let sent = sent.clone();
        use_effect_on(props.value.clone(), move |v| {
            if *sent.borrow() != v.as_str() {
                *sent.borrow_mut() = v.to_string();
                draft.set(v.to_string());
            }
        });
    }
    let mount = crate::ui::mount::use_mount();
    let embedded = mount.embedded();
    {
        let input = input.clone();
        // In a widget, only with the focus inside it: the host page's keys are its own.
        use_effect_on(mount.host.clone(), move |host| {
            crate::ui::keys::listen(
                host.clone(),
                Box::new(move |e, key| {
                    if let ("/", Some(field)) = (key, input.cast::<HtmlInputElement>()) {
                        e.prevent_default();
                        let _ = field.focus();
                        field.select();
                    }
                }),
            )
        });
    }
    let send = {
        let sent = sent.clone();
        let timer = timer.clone();
        let on_search = props.on_search.clone();
        Callback::from(move |text: String| {
            timer.borrow_mut().take();
            if *sent.borrow() != text {
                *sent.borrow_mut() = text.clone();
                on_search.emit(text);
            }
        })
    };
    // The field's text, searched for after a pause in typing.
    let settle = {
        let (draft, timer, send, pause) = (draft.clone(), timer.clone(), send.clone(), props.debounce.clone());
        Callback::from(move |text: String| {
            draft.set(text.clone());
            let send = send.clone();
            *timer.borrow_mut() = Some(Timeout::new(pause.get(), move || send.emit(text)));
        })
    };
    // While an input method composes (pinyin, zhuyin, kana…), the field holds letters that are not the query
    // yet: it shows them, and nothing is searched until the text is committed.
    let composing = {
        let (draft, timer) = (draft.clone(), timer.clone());
        Callback::from(move |text: String| {
            timer.borrow_mut().take();
            draft.set(text);
        })
    };
    let oninput = use_typed_text(&input, settle, composing);
    {
        // What the reader typed into the prerendered list's search box before the app ran (the page's: the app
        // replaces it with its own once it has its set, after this box's first render): searched for now, in this
        // box, which takes the focus and the caret if that one had them.
        let (input, draft, send) = (input.clone(), draft.clone(), send.clone());
        use_effect_on(embedded, move |&embedded| {
            let document = web_sys::window().and_then(|w| w.document()).filter(|_| !embedded);
            let typed = document.as_ref().and_then(|d| {
                let field = d.query_selector(&format!("#{} input[type=search]", crate::ui::PRERENDER_ID)).ok()??;
                field.dyn_into::<HtmlInputElement>().ok()
            });
            let (Some(document), Some(typed), Some(own)) = (document, typed, input.cast::<HtmlInputElement>()) else {
                return;
            };
            let text = typed.value();
            if !text.is_empty() && text != *draft {
                own.set_value(&text);
                draft.set(text.clone());
                send.emit(text);
            }
            if document.active_element().is_some_and(|a| a == **typed) {
                let caret = typed.selection_start().ok().flatten().unwrap_or(0);
                let end = typed.selection_end().ok().flatten().unwrap_or(caret);
                crate::ui::take_over();
                let _ = own.focus();
                let _ = own.set_selection_range(caret, end);
            }
        });
    }
    let onkeydown = {
        let draft = draft.clone();
        let send = send.clone();
        Callback::from(move |e: KeyboardEvent| {
            // Escape during a composition belongs to the input method (it drops what is being composed).
            if e.is_composing() {
                return;
            }
            if e.key() == "Escape" && !draft.is_empty() {
                e.prevent_default();
                draft.set(String::new());
                send.emit(String::new());
            }
        })
    };
    let onsubmit = {
        let draft = draft.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            send.emit((*draft).clone());
        })
    };
    html! {
        <form class="search" role="search" {onsubmit}>
            <label for="search-input" class="search-label">{ s.search_label }</label>
            <input id="search-input" ref={input} type="search" value={(*draft).clone()} {oninput} {onkeydown}
                placeholder={s.search_placeholder} autocomplete="off" spellcheck="false" enterkeyhint="search"
                aria-describedby="search-hint" />
            <p id="search-hint" class="search-hint">
                { s.search_hint }
                // Not said on a touch screen, which has no "/" key (style.css hides it where nothing hovers).
                if !embedded { { " " }<span class="key-hint">{ s.search_key_hint }</span> }
            </p>
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::{debounce_ms, DEBOUNCE_MS};

    #[test]
    fn the_pause_follows_what_a_search_took_within_bounds() {
        assert_eq!(debounce_ms(5.0), 30);
        assert_eq!(debounce_ms(26.0), 52);
        assert_eq!(debounce_ms(45.4), 91);
        assert_eq!(debounce_ms(300.0), DEBOUNCE_MS);
        assert_eq!(debounce_ms(-1.0), 30);
        assert_eq!(debounce_ms(f64::NAN), DEBOUNCE_MS);
        assert_eq!(debounce_ms(f64::INFINITY), DEBOUNCE_MS);
    }
}
