//! The Yew user interface: a thin layer over [`crate::domain`].

pub mod app;
pub mod components;
pub mod data;
pub mod effect;
pub mod keys;
pub mod mount;
pub mod pages;
pub mod panic;
#[cfg(all(feature = "prerender", not(target_arch = "wasm32")))]
pub mod prerender;
pub mod reading;
pub mod route;
pub mod script;
pub mod scroll;
pub mod state;
pub mod strings;

use crate::domain::listing::Collection;

/// The element of `index.html` that holds the list's first page prerendered by `cargo xtask dist`; the app
/// removes it when it takes over.
pub const PRERENDER_ID: &str = "av-prerender";

/// Removes the prerendered page ([`PRERENDER_ID`]), which until then hides the app's own: when the app shows the set
/// (or why not), or sooner, when one of its components has to scroll to or focus a part of itself as it is first
/// shown (its effects run before the app's). Nothing when it is gone.
pub fn take_over() {
    if let Some(page) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(PRERENDER_ID)) {
        page.remove();
    }
}

/// The data block of an article's own page (`cargo xtask dist`: `articles/<id>.html`) that holds the article and
/// the articles its page links to, as a small set: the app shows the article from it at once, while the whole
/// set loads (see [`pages::article::Around`]).
pub const EARLY_ID: &str = "av-early";
use crate::domain::LoadedSet;
use pages::article::Around;
use std::rc::Rc;

/// The loaded article set and its indexes as the pages see it (through a context). Compared by identity, not by
/// content: a new load is a new catalog. Before the whole set has loaded, an article's own page gives the small
/// set it holds, with what the article's page links to ([`Around`]: see [`EARLY_ID`]).
#[derive(Clone, Debug)]
pub struct Catalog(pub Rc<Collection>, pub Option<Rc<Around>>);

impl Catalog {
    /// The catalog of a loaded set.
    pub fn of(set: LoadedSet) -> Catalog {
        Catalog(Rc::new(Collection::new(set)), None)
    }

    /// The catalog of the small set an article's own page holds, and what the article links to in it.
    pub fn early(set: LoadedSet, around: Around) -> Catalog {
        Catalog(Rc::new(Collection::new(set)), Some(Rc::new(around)))
    }

    /// Whether the set offers 繁/简 (has Chinese text): before it has loaded, as the article's page says of it.
    pub fn offers_conversion(&self) -> bool {
        self.around().map_or(self.0.offers_conversion(), |around| around.convert)
    }

    pub fn collection(&self) -> &Collection {
        &self.0
    }

    /// What the article shown before the whole set has loaded links to; `None` once it has.
    pub fn around(&self) -> Option<&Around> {
        self.1.as_deref()
    }
}

impl PartialEq for Catalog {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for Catalog {
    type Target = LoadedSet;
    fn deref(&self) -> &LoadedSet {
        &self.0.set
    }
}
