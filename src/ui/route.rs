//! Hash routes, so that any static host serves deep links without rewrite rules.

use yew_router::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, Routable)]
pub enum Route {
    #[at("/")]
    List,
    #[at("/article/:id")]
    Article { id: String },
    #[not_found]
    #[at("/not-found")]
    NotFound,
}
