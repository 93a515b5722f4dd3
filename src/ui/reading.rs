//! The reading log ([`crate::domain::reading`]) in the browser: kept in localStorage (when the browser allows
//! it), read once per visit, the reader's position in an article recorded as they scroll it; and beside it the
//! articles the reader saved to read later ([`SavedList`]).

use crate::domain::listing::Marks;
use crate::domain::reading::{Progress, ReadingLog, SavedList, END};
use crate::ui::effect::use_effect_on;
use crate::ui::state::storage;
use std::cell::RefCell;
use yew::prelude::*;

const KEY: &str = "article-viewer.read";
const SAVED_KEY: &str = "article-viewer.saved";

/// Positions short of this (thousandths) are not recorded: the top of an article is where every visit starts
/// (and where a new page is scrolled to), not a place to continue from.
const FROM: u16 = 50;

thread_local! {
    /// The log, read from storage on first use; `None` until then (and in the server renderer, which has none).
    static LOG: RefCell<Option<ReadingLog>> = const { RefCell::new(None) };
    /// The saved articles, the same way.
    static SAVED: RefCell<Option<SavedList>> = const { RefCell::new(None) };
}

fn with_saved<R>(f: impl FnOnce(&mut SavedList) -> R) -> R {
    with_kept(&SAVED, f)
}

/// Whether the reader saved article `id` to read later (in this browser).
pub fn is_saved(id: &str) -> bool {
    with_saved(|s| s.contains(id))
}

/// Saves article `id` to read later, or lets it go — over the list as stored now (another tab may have saved
/// some since this one read it) — and tells every viewer on the page: their labels and "saved only" follow.
pub fn set_saved(id: &str, saved: bool) {
    let now = stored::<SavedList>();
    with_saved(|list| {
        if let Some(now) = now {
            *list = now;
        }
        list.set(id, saved);
        if let Some(s) = storage() {
            let _ = s.set_item(SAVED_KEY, &list.to_text());
        }
    });
    tell(false);
}

fn with_log<R>(f: impl FnOnce(&mut ReadingLog) -> R) -> R {
    with_kept(&LOG, f)
}

/// What this module keeps in localStorage: under its key, as its text.
trait Kept: Default {
    const KEY: &'static str;
    fn parse(text: &str) -> Self;
}

impl Kept for ReadingLog {
    const KEY: &'static str = KEY;
    fn parse(text: &str) -> Self {
        ReadingLog::parse(text)
    }
}

impl Kept for SavedList {
    const KEY: &'static str = SAVED_KEY;
    fn parse(text: &str) -> Self {
        SavedList::parse(text)
    }
}

/// `f` on the value in `cell`, read from storage on first use (when other tabs' changes start to be followed);
/// natively (the server renderer) an empty one.
fn with_kept<T: Kept, R>(cell: &'static std::thread::LocalKey<RefCell<Option<T>>>, f: impl FnOnce(&mut T) -> R) -> R {
    cell.with(|value| {
        let mut value = value.borrow_mut();
        let value = value.get_or_insert_with(|| {
            if cfg!(target_arch = "wasm32") {
                follow_other_tabs();
                stored().unwrap_or_default()
            } else {
                T::default()
            }
        });
        f(value)
    })
}

/// The value as stored now; `None` where the browser keeps no storage.
fn stored<T: Kept>() -> Option<T> {
    let s = storage()?;
    Some(s.get_item(T::KEY).ok().flatten().map(|t| T::parse(&t)).unwrap_or_default())
}

/// When another tab or window of the site changes the stored log, this one reads it again when next asked (the
/// browser tells the others of a change in localStorage), and its viewers render again: with the labels of what
/// was read there, or without any when it was forgotten there — while this tab is hidden (the reader reads in
/// another), once, when it is shown again, not at every half percent read there. Put in place once, at the first
/// read.
fn follow_other_tabs() {
    use wasm_bindgen::JsCast;
    thread_local! {
        static FOLLOWING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
        /// While hidden: the log and the saved articles as this tab last showed them, since when another tab has
        /// changed them.
        static UNSEEN: RefCell<Option<(ReadingLog, SavedList)>> = const { RefCell::new(None) };
    }
    let Some(window) = web_sys::window().filter(|_| !FOLLOWING.with(|f| f.replace(true))) else { return };
    let hidden = || web_sys::window().and_then(|w| w.document()).is_some_and(|d| d.hidden());
    // The viewers render again if the log or the saved articles are other than they were when they last rendered.
    let show = |(had, had_saved): (ReadingLog, SavedList)| {
        let now = stored::<ReadingLog>().unwrap_or_default();
        if now != had || stored::<SavedList>().unwrap_or_default() != had_saved {
            tell(now.is_empty() && !had.is_empty());
        }
    };
    // (Any key: a change of another one costs one more read of the log, and no more code.)
    let on_change = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || {
        let had = LOG.with(|log| log.borrow_mut().take()).unwrap_or_default();
        let had = (had, SAVED.with(|s| s.borrow_mut().take()).unwrap_or_default());
        match hidden() {
            true => UNSEEN.with(|u| {
                let _ = u.borrow_mut().get_or_insert(had);
            }),
            false => show(UNSEEN.with(|u| u.borrow_mut().take()).unwrap_or(had)),
        }
    });
    let on_shown = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || {
        if let Some(had) = UNSEEN.with(|u| u.borrow_mut().take()).filter(|_| !hidden()) {
            show(had);
        }
    });
    let _ = window.add_event_listener_with_callback("storage", on_change.as_ref().unchecked_ref());
    if let Some(document) = window.document() {
        let _ = document.add_event_listener_with_callback("visibilitychange", on_shown.as_ref().unchecked_ref());
    }
    on_change.forget();
    on_shown.forget();
}

/// The reader is `at` thousandths through article `id`: recorded in the log as stored now — another tab of the
/// site may have recorded its own reading since this one read the log, which a save of this tab's copy would
/// lose — and saved.
fn record(id: &str, at: u16) {
    let now = stored();
    with_log(|log| {
        if let Some(now) = now {
            *log = now;
        }
        log.record(id, at);
    });
    save();
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

/// Forgets everything the reader has read (in this browser), and tells every viewer on the page (several
/// widgets share this module, and the log): each renders again, without the "Read" labels.
pub fn forget() {
    clear(&LOG);
    tell(true);
}

/// Lets go of every saved article (in this browser), and tells every viewer on the page: their "Saved" labels,
/// the header's link and "saved only" go.
pub fn forget_saved() {
    clear(&SAVED);
    tell(false);
}

/// Empties the value in `cell` and takes it out of storage.
fn clear<T: Kept>(cell: &'static std::thread::LocalKey<RefCell<Option<T>>>) {
    with_kept(cell, |v| *v = T::default());
    if let Some(s) = storage() {
        let _ = s.remove_item(T::KEY);
    }
}

/// Whether the reader has saved any article (in this browser).
pub fn any_saved() -> bool {
    with_saved(|s| !s.is_empty())
}

/// Tells every viewer on the page that the log changed: was `forgotten` (here, or in another tab), or another tab
/// recorded some reading.
fn tell(forgotten: bool) {
    // (A copy: a viewer may come or go as it renders again.)
    let told = LISTENERS.with(|f| f.borrow().clone());
    told.iter().for_each(|(_, c)| c.emit(forgotten));
}

thread_local! {
    /// What each viewer on the page does when the log changes, by a number of its own.
    static LISTENERS: std::cell::RefCell<Vec<(usize, Callback<bool>)>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Used once by each viewer: `then` runs whenever the log is forgotten (with `true`), in it or in another viewer
/// on the page or another tab, and when another tab records some reading (with `false`).
#[hook]
pub fn use_log_changes(then: Callback<bool>) {
    let id = use_state(|| {
        thread_local!(static NEXT: std::cell::Cell<usize> = const { std::cell::Cell::new(0) });
        NEXT.with(|n| n.replace(n.get() + 1))
    });
    super::effect::use_effect_on(*id, move |&id| {
        LISTENERS.with(|f| f.borrow_mut().push((id, then)));
        move || LISTENERS.with(|f| f.borrow_mut().retain(|(i, _)| *i != id))
    });
}

/// Of `articles`, which the reader has read to their end and which they saved (in this browser): see
/// [`ReadingLog::read_mask`], [`SavedList::mask`]. Made again only when the finished articles, the saved ones or
/// the set changed: the list asks at every render (each keystroke).
pub fn marks(articles: &[crate::domain::Article]) -> std::rc::Rc<Marks> {
    // (The set by where its articles are, how many, and its first and last ids: a set loaded again may be where
    // the one before was.)
    let ends = articles.first().zip(articles.last()).map(|(a, b)| (a.id.to_string(), b.id.to_string()));
    let key =
        (with_log(|log| log.finished_key()), with_saved(|s| s.key()), articles.as_ptr() as usize, articles.len(), ends);
    MARKS.with(|m| {
        let mut m = m.borrow_mut();
        match &*m {
            Some((k, marks)) if *k == key => marks.clone(),
            _ => {
                let read = with_log(|log| log.read_mask(articles));
                let marks = std::rc::Rc::new(Marks { read, saved: with_saved(|s| s.mask(articles)) });
                *m = Some((key, marks.clone()));
                marks
            }
        }
    })
}

/// What [`marks`] depends on: the finished articles ([`ReadingLog::finished_key`]), the saved ones and the set.
type MarksKey = ((usize, u64), (usize, u64), usize, usize, Option<(String, String)>);

thread_local! {
    /// The last marks [`marks`] made, with what they were made of.
    static MARKS: RefCell<Option<(MarksKey, std::rc::Rc<Marks>)>> = const { RefCell::new(None) };
}

/// How far the reader has read article `id`, if they have opened it (in this browser).
pub fn progress(id: &str) -> Option<Progress> {
    with_log(|log| log.get(id))
}

/// The elements around `el` that clip it — a host page may show a widget in a box of its own that scrolls —
/// innermost first, up through the widget's shadow root to the body (whose overflow is the window's).
fn clippers(el: &web_sys::Element, window: &web_sys::Window) -> Vec<web_sys::Element> {
    use wasm_bindgen::JsCast;
    let parent = |e: &web_sys::Element| {
        e.parent_element().or_else(|| e.get_root_node().dyn_into::<web_sys::ShadowRoot>().ok().map(|r| r.host()))
    };
    let mut out = Vec::new();
    let mut at = parent(el);
    while let Some(e) = at.filter(|e| !matches!(e.tag_name().as_str(), "BODY" | "HTML")) {
        let overflow =
            window.get_computed_style(&e).ok().flatten().and_then(|s| s.get_property_value("overflow-y").ok());
        if overflow.is_some_and(|o| o != "visible") {
            out.push(e.clone());
        }
        at = parent(&e);
    }
    out
}

/// The band of the window (its top and bottom) through which `el` can be seen: the window, cut by `clippers`.
fn view(clippers: &[web_sys::Element], window: &web_sys::Window) -> (f64, f64) {
    let height = window.inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(0.0);
    clippers.iter().fold((0.0, height), |(top, bottom), c| {
        let r = c.get_bounding_client_rect();
        let inner = f64::from(c.client_top());
        (top.max(r.top() + inner), bottom.min(r.top() + inner + f64::from(c.client_height())))
    })
}

/// Where the reader is in `el` (the article), in thousandths: how far its top has scrolled above the top of the
/// band it is seen through ([`view`] of its `clippers`), of all it can; 1000 for an article that fits, once all
/// of it is in view; `None` while it is not laid out (no height) or fits but is not all in view.
fn position(el: &web_sys::Element, clippers: &[web_sys::Element], window: &web_sys::Window) -> Option<u16> {
    let rect = el.get_bounding_client_rect();
    let (top, bottom) = view(clippers, window);
    let room = rect.height() - (bottom - top);
    if rect.height() <= 0.0 || bottom <= top {
        return None;
    }
    if room <= 1.0 {
        // It fits: read once all of it is in view (a widget's may be shown below the fold).
        return (rect.top() >= top - 1.0 && rect.bottom() <= bottom + 1.0).then_some(1000);
    }
    // (Rounded: scrolling by fractions of a pixel leaves the top a fraction short of a whole thousandth.)
    Some((((top - rect.top()) / room).clamp(0.0, 1.0) * 1000.0).round() as u16)
}

/// Scrolls to `at` thousandths of the way through `el` (as [`position`] measures it): the boxes around it that
/// scroll as far as they can, innermost first, and the window the rest.
pub fn scroll_to(el: &web_sys::Element, at: u16) {
    let Some(window) = web_sys::window() else { return };
    let clippers = clippers(el, &window);
    let (top, bottom) = view(&clippers, &window);
    let rect = el.get_bounding_client_rect();
    let mut by = rect.top() - top + (rect.height() - (bottom - top)).max(0.0) * f64::from(at) / 1000.0;
    for c in &clippers {
        let before = c.scroll_top();
        c.set_scroll_top(before + by.round() as i32);
        by -= f64::from(c.scroll_top() - before);
    }
    window.scroll_by_with_x_and_y(0.0, by);
}

/// Scrolls `el`'s top to the top of the view when it is above it (as [`scroll_to`] does); leaves the view where
/// it is otherwise.
pub fn bring_top_into_view(el: &web_sys::Element) {
    let Some(window) = web_sys::window() else { return };
    let (top, _) = view(&clippers(el, &window), &window);
    if el.get_bounding_client_rect().top() < top - 1.0 {
        scroll_to(el, 0);
    }
}

thread_local! {
    /// The articles on screen: one per viewer on the page (a host page may hold several widgets), whose places
    /// scrolling records.
    static SHOWN: RefCell<Vec<Shown>> = const { RefCell::new(Vec::new()) };
    /// Whether the page's scroll listener ([`listen`]) is in place.
    static LISTENING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    /// Set by [`jumped`]: the next scroll is the viewer's own, not the reader's.
    static JUMPED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// The viewer is about to scroll to a place the reader asked for by a link (a heading of the contents, a
/// footnote), or back to where a page was left (Back): that scroll is not where the reader has read to (a footnote
/// is at the article's end; a look at it and Back does not make the article read). Their next scroll from there
/// is — also when the viewer's did not move the page (the place was in view already): the mark is gone by the next
/// frame's callbacks, which a browser runs after the scroll events of that frame.
pub fn jumped() {
    JUMPED.with(|j| j.set(true));
    crate::ui::scroll::next_frame(|| JUMPED.with(|j| j.set(false)));
}

/// Records the reader's place in each article on screen, and saves the log, each time it has moved by half a
/// percent of the article (at most 200 saves for a whole article; none while it stays) or reaches its end — from
/// 5% on: the top is where every visit starts, and where a new page is scrolled to.
fn on_scroll() {
    if JUMPED.with(|j| j.replace(false)) {
        return;
    }
    // (Every scroll of the page comes here, also where no article is shown: nothing is copied or looked up then.)
    SHOWN.with(|shown| {
        let shown = shown.borrow();
        let Some(window) = web_sys::window().filter(|_| !shown.is_empty()) else { return };
        for Shown { id, root, clippers } in shown.iter() {
            let Some(at) = root.cast::<web_sys::Element>().and_then(|el| position(&el, clippers, &window)) else {
                continue;
            };
            let moved = progress(id).is_none_or(|p| p.at.abs_diff(at) >= 5 || (at >= END && !p.finished));
            if at >= FROM && moved {
                record(id, at);
            }
        }
    })
}

/// An article on screen: its id, its element and the elements around it that clip it ([`clippers`]).
struct Shown {
    id: String,
    root: NodeRef,
    clippers: Vec<web_sys::Element>,
}

/// One listener for the page, put in place when the first article is shown: every scroll, of the window or (in
/// the capture phase, as scroll events do not bubble) of an element a host page scrolls a widget in, calls
/// [`on_scroll`].
fn listen() {
    if LISTENING.with(|l| l.replace(true)) {
        return;
    }
    let Some(window) = web_sys::window() else { return };
    let on_scroll = wasm_bindgen::closure::Closure::<dyn Fn()>::new(on_scroll);
    use wasm_bindgen::JsCast;
    let _ = window.add_event_listener_with_callback_and_bool("scroll", on_scroll.as_ref().unchecked_ref(), true);
    on_scroll.forget();
}

/// While article `id` is shown in `root` — on the standalone page or in a widget — its place is recorded as the
/// reader scrolls ([`on_scroll`]), and one that fits in the window is read when shown.
#[hook]
pub fn use_reading_position(root: NodeRef, id: AttrValue) {
    use_effect_on(id, move |id| {
        listen();
        if let (Some(el), Some(window)) = (root.cast::<web_sys::Element>(), web_sys::window()) {
            // (Its boxes are found once, not at every scroll event.)
            let clippers = clippers(&el, &window);
            let fits = position(&el, &clippers, &window) == Some(1000);
            SHOWN.with(|s| s.borrow_mut().push(Shown { id: id.to_string(), root: root.clone(), clippers }));
            // (Where it does not fit, the window may still be where the last page left it: its first scroll, to
            // the top or back to where the reader was, says where they are.)
            if fits && el.get_bounding_client_rect().top() >= 0.0 {
                on_scroll();
            }
        }
        let root = root.clone();
        move || SHOWN.with(|s| s.borrow_mut().retain(|e| e.root != root))
    });
}
