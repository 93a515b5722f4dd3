use crate::domain::format::UiLang;
use crate::ui::state::{PrefsAction, PrefsHandle, Theme};
use wasm_bindgen::JsCast;
use yew::prelude::*;

fn select_value(e: &Event) -> Option<String> {
    e.target().and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok()).map(|s| s.value())
}

/// Interface language and theme, each a labelled select.
#[function_component(Settings)]
pub fn settings() -> Html {
    let Some(prefs) = use_context::<PrefsHandle>() else { return Html::default() };
    let s = prefs.strings();
    let on_lang = {
        let prefs = prefs.clone();
        Callback::from(move |e: Event| {
            if let Some(l) = select_value(&e).as_deref().and_then(UiLang::from_tag) {
                prefs.dispatch(PrefsAction::SetLang(l));
            }
        })
    };
    let on_theme = {
        let prefs = prefs.clone();
        Callback::from(move |e: Event| {
            if let Some(t) = select_value(&e).as_deref().and_then(Theme::from_key) {
                prefs.dispatch(PrefsAction::SetTheme(t));
            }
        })
    };
    html! {
        <div class="settings" role="group" aria-label={s.settings}>
            <label class="setting">
                <span>{ s.language }</span>
                <select class="lang-select" onchange={on_lang}>
                    { for UiLang::ALL.iter().map(|l| html! {
                        <option value={l.tag()} lang={l.tag()} selected={*l == prefs.lang}>{ l.native_name() }</option>
                    }) }
                </select>
            </label>
            <label class="setting">
                <span>{ s.theme }</span>
                <select class="theme-select" onchange={on_theme}>
                    { for Theme::ALL.iter().map(|t| html! {
                        <option value={t.key()} selected={*t == prefs.theme}>{ t.label(s) }</option>
                    }) }
                </select>
            </label>
        </div>
    }
}
