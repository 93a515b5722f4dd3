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

/// The script articles are shown in, as a row of three toggle buttons (one click, the choice in view), and a
/// "Settings" menu with the interface language and the theme. The menu's selects exist only while it is open: the
/// list's first paint (prerendered, closed menu) does not pay for building and laying out three selects (~10 ms of
/// it here, `cargo xtask bench paint`).
#[function_component(Settings)]
pub fn settings() -> Html {
    let open = use_state(|| false);
    let summary = use_node_ref();
    let choice = use_script_choice();
    let state = use_list_state();
    let route = use_route::<Route>();
    let navigator = use_navigator();
    let converters = use_context::<ConvertersHandle>();
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
    let pick_script = |c: ScriptChoice| {
        let prefs = prefs.clone();
        let (navigator, route, state) = (navigator.clone(), route.clone(), state.clone());
        Callback::from(move |_: MouseEvent| {
            prefs.dispatch(PrefsAction::SetScript(c));
            // The link says it too, so that it can be shared as it is shown.
            if let (Some(nav), Some(route)) = (&navigator, &route) {
                let next = ListState { script: Some(c), ..state.clone() };
                let _ = nav.replace_with_query(route, &next.to_pairs());
            }
        })
    };
    let status = match (choice.script(), converters) {
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
    let on_toggle = {
        let open = open.clone();
        Callback::from(move |e: Event| open.set(e.target_unchecked_into::<web_sys::HtmlDetailsElement>().open()))
    };
    // Escape closes the open menu and gives the focus back to its summary.
    let on_key = {
        let (open, summary) = (open.clone(), summary.clone());
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" && *open {
                e.prevent_default();
                open.set(false);
                if let Some(el) = summary.cast::<web_sys::HtmlElement>() {
                    let _ = el.focus();
                }
            }
        })
    };
    html! {
        <div class="settings">
            <div class="script-toggle" role="group" aria-label={s.script}>
                <span class="setting-label" aria-hidden="true">{ s.script }</span>
                { for ScriptChoice::ALL.iter().map(|c| html! {
                    <button type="button" data-script={c.key()} lang={c.script().map(|x| x.tag())}
                        aria-pressed={(*c == choice).to_string()} onclick={pick_script(*c)}>{ script_label(*c) }</button>
                }) }
            </div>
            <p class="script-status" role="status">{ status.unwrap_or_default() }</p>
            <details class="settings-menu" open={*open} ontoggle={on_toggle} onkeydown={on_key}>
                <summary ref={summary}>{ s.settings }</summary>
                if *open {
                    <div class="settings-panel">
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
            </details>
        </div>
    }
}
