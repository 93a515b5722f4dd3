//! The bar of an article opened from a search: how many matches its page marks, and buttons that step through
//! them — each scrolled to the middle of the window and outlined (`aria-current`), the position said in a live
//! region. Long articles (a State of the Union address is ~8,000 words) are where a reader needs it. A function,
//! not a component: the article view keeps which match is current (a component of its own cost ~2 KB of wasm).

use crate::domain::format::UiLang;
use crate::ui::strings::{fill, Strings};
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The match after (`forward`) or before `current` among `count`, round the ends; from none, the first or last.
pub fn step(current: Option<usize>, count: usize, forward: bool) -> usize {
    match (current, forward) {
        (None, true) => 0,
        (None, false) => count.saturating_sub(1),
        (Some(i), true) => (i + 1) % count.max(1),
        (Some(i), false) => (i + count.max(1) - 1) % count.max(1),
    }
}

/// Makes mark `to` of `root`'s marks the current one: outlined (and no other: a mark outlined before the article
/// was converted to another script may be a reused element), scrolled to the middle of the window.
pub fn go_to_mark(root: &NodeRef, to: usize) {
    let Some(root) = root.cast::<web_sys::Element>() else { return };
    let element = |n: Option<web_sys::Node>| n.and_then(|m| m.dyn_into::<web_sys::Element>().ok());
    if let Ok(old) = root.query_selector_all("mark[aria-current]") {
        for m in (0..old.length()).filter_map(|i| element(old.item(i))) {
            let _ = m.remove_attribute("aria-current");
        }
    }
    let Ok(marks) = root.query_selector_all("mark") else { return };
    if let Some(m) = element(marks.item(to as u32)) {
        let _ = m.set_attribute("aria-current", "true");
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Center);
        m.scroll_into_view_with_scroll_into_view_options(&options);
    }
}

/// The bar: "N matches" (or "Match i of N" once stepping), and the two buttons, which emit `forward` (their
/// keys, `n` and Shift+N, are the article view's).
pub fn match_nav(s: &Strings, ui: UiLang, count: usize, current: Option<usize>, on_step: &Callback<bool>) -> Html {
    let lang = ui.tag();
    let status = match current {
        Some(i) => fill(s.match_of, &[("n", &ui.number(i + 1)), ("count", &ui.number(count))]),
        None if count == 1 => s.match_count_one.to_owned(),
        None => fill(s.match_count, &[("count", &ui.number(count))]),
    };
    let button = |forward: bool, class: &'static str, label: &'static str, key: &'static str, arrow: &'static str| {
        let on_step = on_step.clone();
        html! {
            <button type="button" {class} aria-label={label} title={format!("{label} ({key})")} aria-keyshortcuts={key}
                onclick={Callback::from(move |_: MouseEvent| on_step.emit(forward))}>{ arrow }</button>
        }
    };
    html! {
        <div class="match-nav" {lang} role="group" aria-label={s.matches}>
            <span class="match-status" role="status">{ status }</span>
            { button(false, "match-prev", s.previous_match, "Shift+N", "↑") }
            { button(true, "match-next", s.next_match, "n", "↓") }
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::step;

    #[test]
    fn steps_go_round_the_ends() {
        assert_eq!(step(None, 3, true), 0);
        assert_eq!(step(None, 3, false), 2);
        assert_eq!(step(Some(2), 3, true), 0);
        assert_eq!(step(Some(0), 3, false), 2);
        assert_eq!(step(Some(1), 3, true), 2);
        assert_eq!(step(Some(0), 1, true), 0);
    }
}
