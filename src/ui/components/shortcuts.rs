//! The list of keyboard shortcuts, shown when the reader presses `?` (as in most web apps that have shortcuts):
//! a small non-modal dialog in a corner of the window, focused when it opens; Escape or its button closes it and
//! gives the focus back to where it was.

use crate::ui::app::use_prefs;
use crate::ui::effect::use_effect_on;
use crate::ui::mount::use_mount;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;

/// The dialog, when open (else nothing), for the page's frame to place. A hook rather than a component of its
/// own, which would cost ~2 KB more of wasm.
#[hook]
pub fn use_shortcuts() -> Html {
    let s = use_prefs().strings();
    let open = use_state(|| false);
    let panel = use_node_ref();
    // Where the focus was when `?` was pressed, to give it back on closing.
    let from = use_mut_ref(|| None::<HtmlElement>);
    let host = use_mount().host;
    {
        let (open, from, panel) = (open.clone(), from.clone(), panel.clone());
        use_effect_on(host, move |host| {
            crate::ui::keys::listen(
                host.clone(),
                Box::new(move |e, key| {
                    if key == "?" {
                        e.prevent_default();
                        // (Pressed again while the list is open, with the focus in it: the focus still goes back
                        // to where it was before.)
                        if panel.get().is_none() {
                            *from.borrow_mut() = e.composed_path().get(0).dyn_into::<HtmlElement>().ok();
                        }
                        open.set(true);
                    }
                }),
            )
        });
    }
    {
        let panel = panel.clone();
        use_effect_on(*open, move |is_open| {
            if let (true, Some(p)) = (*is_open, panel.cast::<HtmlElement>()) {
                let _ = p.focus();
            }
        });
    }
    let close = {
        let open = open.clone();
        Callback::from(move |()| {
            open.set(false);
            if let Some(el) = from.borrow_mut().take() {
                let _ = el.focus();
            }
        })
    };
    if !*open {
        return Html::default();
    }
    let on_key = {
        let close = close.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                e.prevent_default();
                close.emit(());
            }
        })
    };
    let row = |key: &'static str, or: Option<&'static str>, what: &'static str| {
        html! {
            <>
                <dt><kbd>{ key }</kbd>if let Some(k) = or { { " " }<kbd>{ k }</kbd> }</dt>
                <dd>{ what }</dd>
            </>
        }
    };
    html! {
        <section class="shortcuts" role="dialog" aria-labelledby="av-shortcuts-title" tabindex="-1" ref={panel}
            onkeydown={on_key}>
            <h2 id="av-shortcuts-title">{ s.shortcuts_title }</h2>
            <dl>
                { row("/", None, s.key_search) }
                { row("Esc", None, s.key_escape) }
                { row("n", Some("Shift+N"), s.key_matches) }
                { row("j", Some("k"), s.key_articles) }
                { row("s", None, s.key_save) }
                { row("?", None, s.key_help) }
            </dl>
            <button type="button" class="shortcuts-close" onclick={move |_| close.emit(())}>{ s.close }</button>
        </section>
    }
}
