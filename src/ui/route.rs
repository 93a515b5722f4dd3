//! Hash routes, so that any static host serves deep links without rewrite rules. The list's state (query,
//! filters, sort, page) is the route's query string: see [`crate::domain::listing::ListState`].

use crate::domain::listing::ListState;
use yew::prelude::*;
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

/// URL parameters as the router's links and navigator take them (repeated keys for several values).
pub type QueryPairs = Vec<(String, String)>;

/// The list state in the current URL (the list's own, or the one an article page was opened from).
#[hook]
pub fn use_list_state() -> ListState {
    use_location().map(|l| ListState::from_query(l.query_str())).unwrap_or_default()
}
