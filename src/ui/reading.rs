//! The reading log ([`crate::domain::reading`]) in the browser: kept in localStorage (when the browser allows
//! it), read once per visit, the reader's position in an article recorded as they scroll it.

use crate::domain::reading::{Progress, ReadingLog, END};
use crate::ui::effect::use_effect_on;
use crate::ui::state::storage;
use std::cell::RefCell;
use yew::prelude::*;

const KEY: &str = "article-viewer.read";

/// Positions short of this (thousandths) are not recorded: the top of an article is where every visit starts
/// (and where a new page is scrolled to), not a place to continue from.
const FROM: u16 = 50;

thread_local! {
    /// The log, read from storage on first use; `None` until then (and in the server renderer, which has none).
    static LOG: RefCell<Option<ReadingLog>> = const { RefCell::new(None) };
}

fn with_log<R>(f: impl FnOnce(&mut ReadingLog) -> R) -> R {
    LOG.with(|log| {
        let mut log = log.borrow_mut();
        let log = log.get_or_insert_with(|| {
            if cfg!(target_arch = "wasm32") {
                storage()
                    .and_then(|s| s.get_item(KEY).ok().flatten())
                    .map(|t| ReadingLog::parse(&t))
                    .unwrap_or_default()
            } else {
                ReadingLog::default()
            }
        });
        f(log)
    })
}

fn save() {
    let text = with_log(|log| log.to_text());
    if let Some(s) = storage() {
        let _ = s.set_item(KEY, &text);
    }
}

/// Whether the reader has read anything (in this browser).
pub fn any() -> bool {
    with_log(|log| !log.is_empty())
}

/// Forgets everything the reader has read (in this browser).
pub fn forget() {
    with_log(|log| *log = ReadingLog::default());
    if let Some(s) = storage() {
        let _ = s.remove_item(KEY);
    }
}

/// How far the reader has read article `id`, if they have opened it (in this browser).
pub fn progress(id: &str) -> Option<Progress> {
    with_log(|log| log.get(id))
}

/// Where the reader is in `el` (the article), in thousandths: how far its top has scrolled above the window's,
/// of all it can; 1000 for an article that fits in the window; `None` while it is not laid out (no height).
fn position(el: &web_sys::Element, window: &web_sys::Window) -> Option<u16> {
    let rect = el.get_bounding_client_rect();
    let view = window.inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(0.0);
    let room = rect.height() - view;
    if rect.height() <= 0.0 {
        return None;
    }
    if room <= 1.0 {
        return Some(1000);
    }
    Some(((-rect.top() / room).clamp(0.0, 1.0) * 1000.0) as u16)
}

/// Scrolls the window to `at` thousandths of the way through `el` (as [`position`] measures it).
pub fn scroll_to(el: &web_sys::Element, at: u16) {
    let Some(window) = web_sys::window() else { return };
    let rect = el.get_bounding_client_rect();
    let view = window.inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(0.0);
    let y = window.scroll_y().unwrap_or(0.0) + rect.top() + (rect.height() - view).max(0.0) * f64::from(at) / 1000.0;
    window.scroll_to_with_x_and_y(0.0, y);
}

thread_local! {
    /// The article on screen (its id and element), whose place scrolling records.
    static SHOWN: RefCell<Option<(String, NodeRef)>> = const { RefCell::new(None) };
}

/// Records the reader's place in the article on screen, and saves the log, each time it has moved by half a
/// percent of the article (at most 200 saves for a whole article; none while it stays) or reaches its end — from
/// 5% on: the top is where every visit starts, and where a new page is scrolled to. Called on every scroll of the
/// window (by the one listener, [`super::scroll`]'s).
pub fn on_scroll() {
    let Some((id, root)) = SHOWN.with(|s| s.borrow().clone()) else { return };
    let (Some(el), Some(window)) = (root.cast::<web_sys::Element>(), web_sys::window()) else { return };
    let Some(at) = position(&el, &window) else { return };
    let moved = progress(&id).is_none_or(|p| p.at.abs_diff(at) >= 5 || (at >= END && !p.finished));
    if at >= FROM && moved {
        with_log(|log| log.record(&id, at));
        save();
    }
}

/// While article `id` is shown in `root`, when `track` (the standalone page: a widget's host page scrolls, for
/// its own reasons): its place is recorded as the reader scrolls ([`on_scroll`]), and one that fits in the window
/// is read when shown.
#[hook]
pub fn use_reading_position(root: NodeRef, id: AttrValue, track: bool) {
    use_effect_on((id, track), move |(id, track)| {
        if !*track {
            return Box::new(|| ()) as Box<dyn FnOnce()>;
        }
        SHOWN.with(|s| *s.borrow_mut() = Some((id.to_string(), root.clone())));
        if let (Some(el), Some(window)) = (root.cast::<web_sys::Element>(), web_sys::window()) {
            // (Where it does not fit, the window may still be where the last page left it: its first scroll,
            // to the top or back to where the reader was, says where they are.)
            if position(&el, &window) == Some(1000) && el.get_bounding_client_rect().top() >= 0.0 {
                on_scroll();
            }
        }
        Box::new(|| SHOWN.with(|s| *s.borrow_mut() = None))
    });
}
