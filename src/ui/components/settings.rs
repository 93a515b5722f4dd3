use crate::domain::convert::{Script, ScriptChoice};
use crate::domain::format::UiLang;
use crate::domain::listing::ListState;
use crate::ui::effect::use_effect_on;
use crate::ui::reading;
use crate::ui::route::{use_list_state, Route};
use crate::ui::script::{use_script_choice, Slot};
use crate::ui::state::{PrefsAction, PrefsHandle, TextSize, Theme};
use crate::ui::strings::fill;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;
use yew_router::prelude::*;

fn select_value(e: &Event) -> Option<String> {
    e.target().and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok()).map(|s| s.value())
}

/// One setting of the menu: its label and a select of `options` (value, language, whether chosen, text), whose
/// change dispatches what `pick` makes of the chosen value.
fn setting(
    prefs: &PrefsHandle,
    label: &'static str,
    class: &'static str,
    pick: fn(&str) -> Option<PrefsAction>,
    options: &[(&'static str, Option<&'static str>, bool, &'static str)],
) -> Html {
    let prefs = prefs.clone();
    let onchange = Callback::from(move |e: Event| {
        if let Some(action) = select_value(&e).as_deref().and_then(pick) {
            prefs.dispatch(action);
        }
    });
    html! {
        <label class="setting">
            <span>{ label }</span>
            <select {class} {onchange}>
                { for options.iter().map(|&(value, lang, selected, text)| html! {
                    <option {value} {lang} {selected}>{ text }</option>
                }) }
            </select>
        </label>
    }
}

#[derive(Properties, PartialEq)]
pub struct SettingsProps {
    /// Whether to offer 繁/简 (only for a set with Chinese text).
    pub script_toggle: bool,
}

/// The script articles are shown in, as a row of three toggle buttons (one click, the choice in view; only for a
/// set with Chinese text), and a "Settings" menu with the interface language, the theme and the text size. The
/// menu's selects exist only while it is open: form controls are most of what the list's first paint costs beyond
/// its cards (docs/performance.md, "First list paint"). Escape or a press outside closes it.
#[function_component(Settings)]
pub fn settings(props: &SettingsProps) -> Html {
    let open = use_state(|| false);
    let summary = use_node_ref();
    let menu = use_node_ref();
    let choice = use_script_choice();
    let state = use_list_state();
    let route = use_route::<Route>();
    let navigator = use_navigator();
    let Some(prefs) = use_context::<PrefsHandle>() else { return Html::default() };
    let s = prefs.strings();
    // The handler of one of the three buttons. (Made only where the toggle is shown: a build without the feature
    // `convert` has none of it.)
    let on_script = |c: ScriptChoice| {
        let prefs = prefs.clone();
        let (navigator, route, state) = (navigator.clone(), route.clone(), state.clone());
        Callback::from(move |_: MouseEvent| {
            // (Asking again for a script whose converter did not load tries again: see the reducer.)
            prefs.dispatch(PrefsAction::SetScript(c));
            // The link says it too, so that it can be shared as it is shown.
            if let (Some(nav), Some(route)) = (&navigator, &route) {
                let next = ListState { script: Some(c), ..state.clone() };
                let _ = nav.replace_with_query(route, &next.to_pairs());
            }
        })
    };
    let status = match (&prefs.lang_failed, choice.script().map(|sc| prefs.converters.slot(sc))) {
        (Some((lang, e)), _) => Some(fill(s.language_failed, &[("language", lang.native_name()), ("error", e)])),
        (None, Some(Slot::Loading)) => Some(s.script_loading.to_owned()),
        (None, Some(Slot::Failed(e))) => Some(fill(s.script_failed, &[("error", e)])),
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
    // While open, a press anywhere outside the menu closes it (as menus do). The event's composed path is read, so
    // that inside a widget's shadow root a press in the menu is seen as in it.
    {
        let (open, menu) = (open.clone(), menu.clone());
        use_effect_on(*open, move |is_open| {
            let mut cleanup: Box<dyn FnOnce()> = Box::new(|| ());
            if let (true, Some(window)) = (*is_open, web_sys::window()) {
                let on_press = Closure::<dyn Fn(web_sys::Event)>::new(move |e: web_sys::Event| {
                    let Some(el) = menu.get() else { return };
                    if !e.composed_path().includes(&el, 0) {
                        open.set(false);
                    }
                });
                let _ = window.add_event_listener_with_callback("pointerdown", on_press.as_ref().unchecked_ref());
                cleanup = Box::new(move || {
                    let _ =
                        window.remove_event_listener_with_callback("pointerdown", on_press.as_ref().unchecked_ref());
                });
            }
            move || cleanup()
        });
    }
    // Forgetting what the reader has read: the cards' labels go (they read the log again as the preferences change).
    let on_forget = {
        // (Every viewer on the page hears of it, this one too: see `reading::use_log_changes`.)
        Callback::from(|_: MouseEvent| reading::forget())
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
            if cfg!(feature = "convert") && props.script_toggle {
                <div class="script-toggle" role="group" aria-label={s.script}>
                    <span class="setting-label" aria-hidden="true">{ s.script }</span>
                    { for ScriptChoice::ALL.iter().map(|c| html! {
                        <button type="button" data-script={c.key()} lang={c.script().map(|x| x.tag())} onclick={on_script(*c)}
                            aria-pressed={if *c == choice { "true" } else { "false" }}>{ script_label(*c) }</button>
                    }) }
                </div>
            }
            <p class="script-status" role="status">{ status.unwrap_or_default() }</p>
            <details class="settings-menu" ref={menu} open={*open} ontoggle={on_toggle} onkeydown={on_key}>
                <summary ref={summary}>{ s.settings }</summary>
                if *open {
                    <div class="settings-panel">
                        { setting(&prefs, s.language, "lang-select", |v| UiLang::from_tag(v).map(PrefsAction::SetLang),
                            &UiLang::ALL.map(|l| (l.tag(), Some(l.tag()), l == prefs.wanted.unwrap_or(prefs.lang), l.native_name()))) }
                        { setting(&prefs, s.theme, "theme-select", |v| Theme::from_key(v).map(PrefsAction::SetTheme),
                            &Theme::ALL.map(|t| (t.key(), None, t == prefs.theme, t.label(s)))) }
                        { setting(&prefs, s.text_size, "text-select", |v| TextSize::from_key(v).map(PrefsAction::SetText),
                            &TextSize::ALL.map(|t| (t.key(), None, t == prefs.text, t.label(s)))) }
                        if reading::any() {
                            <button type="button" class="forget-reading" onclick={on_forget}>{ s.forget_reading }</button>
                        }
                        if reading::any_saved() {
                            <button type="button" class="forget-saved" onclick={|_: MouseEvent| reading::forget_saved()}>{ s.forget_saved }</button>
                        }
                    </div>
                }
            </details>
        </div>
    }
}
