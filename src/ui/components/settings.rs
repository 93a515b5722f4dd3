use crate::domain::convert::{Script, ScriptChoice};
use crate::domain::format::UiLang;
use crate::domain::listing::ListState;
use crate::ui::route::{use_list_state, Route};
use crate::ui::script::{use_script_choice, ConvertersHandle, Slot};
use crate::ui::state::{PrefsAction, PrefsHandle, Theme};
use crate::ui::strings::fill;
use wasm_bindgen::JsCast;
use yew::prelude::*;
use yew_router::prelude::*;

fn select_value(e: &Event) -> Option<String> {
    e.target().and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok()).map(|s| s.value())
}

/// Interface language, theme and the script articles are shown in, each a labelled select.
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
    let choice = use_script_choice();
    let state = use_list_state();
    let route = use_route::<Route>();
    let navigator = use_navigator();
    let on_script = {
        let prefs = prefs.clone();
        Callback::from(move |e: Event| {
            let Some(c) = select_value(&e).as_deref().and_then(ScriptChoice::from_key) else { return };
            prefs.dispatch(PrefsAction::SetScript(c));
            // The link says it too, so that it can be shared as it is shown.
            if let (Some(nav), Some(route)) = (&navigator, &route) {
                let next = ListState { script: Some(c), ..state.clone() };
                let _ = nav.replace_with_query(route, &next.to_pairs());
            }
        })
    };
    let status = match (choice.script(), use_context::<ConvertersHandle>()) {
        (Some(sc), Some(c)) => match c.slot(sc) {
            Slot::Loading => Some(s.script_loading.to_owned()),
            Slot::Failed(e) => Some(fill(s.script_failed, &[("error", e)])),
            _ => None,
        },
        _ => None,
    };
    let script_label = |c: ScriptChoice| match c {
        ScriptChoice::Original => s.script_original,
        ScriptChoice::Convert(Script::Hant) => "繁體",
        ScriptChoice::Convert(Script::Hans) => "简体",
    };
    html! {
        <div class="settings" role="group" aria-label={s.settings}>
            <label class="setting">
                <span>{ s.script }</span>
                <select class="script-select" onchange={on_script}>
                    { for ScriptChoice::ALL.iter().map(|c| html! {
                        <option value={c.key()} lang={c.script().map(|x| x.tag())} selected={*c == choice}>{ script_label(*c) }</option>
                    }) }
                </select>
            </label>
            <p class="script-status" role="status">{ status.unwrap_or_default() }</p>
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
