//! Text fields acted on as they are typed into (the search box, a facet's filter box), with input methods in
//! mind: what an IME is still composing is not the text yet.

use crate::ui::effect::use_effect_on;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// For a text field that is acted on as it is typed into: `on_text` gets the field's text at each input, except
/// while an input method composes (pinyin, zhuyin, kana…: the field then holds letters that are not the text yet,
/// and `on_composing` gets them), and once more when the composition is committed. Returns the field's
/// `oninput`. (yew has no `oncompositionend`: that listener is the field's own, added once, and calls the latest
/// `on_text`.)
#[hook]
pub fn use_typed_text(
    field: &NodeRef,
    on_text: Callback<String>,
    on_composing: Callback<String>,
) -> Callback<InputEvent> {
    let latest = use_mut_ref(|| on_text.clone());
    *latest.borrow_mut() = on_text.clone();
    {
        let field = field.clone();
        use_effect_on((), move |_| {
            let field = field.cast::<HtmlInputElement>();
            let on_end = Closure::<dyn Fn(web_sys::Event)>::new(move |e: web_sys::Event| {
                latest.borrow().emit(e.target_unchecked_into::<HtmlInputElement>().value());
            });
            if let Some(f) = &field {
                let _ = f.add_event_listener_with_callback("compositionend", on_end.as_ref().unchecked_ref());
            }
            move || {
                if let Some(f) = field {
                    let _ = f.remove_event_listener_with_callback("compositionend", on_end.as_ref().unchecked_ref());
                }
            }
        });
    }
    Callback::from(move |e: InputEvent| {
        let text = e.target_unchecked_into::<HtmlInputElement>().value();
        match e.is_composing() {
            true => on_composing.emit(text),
            false => on_text.emit(text),
        }
    })
}
