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
use crate::domain::LoadedSet;
use std::rc::Rc;

/// The loaded article set and its indexes as the pages see it (through a context). Compared by identity, not by
/// content: a new load is a new catalog.
#[derive(Clone, Debug)]
pub struct Catalog(pub Rc<Collection>);

impl Catalog {
    pub fn collection(&self) -> &Collection {
        &self.0
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
