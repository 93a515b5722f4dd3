//! Hash routes, so that any static host serves deep links without rewrite rules. The list's state (query,
//! filters, sort, page) is the route's query string: see [`crate::domain::listing::ListState`].

use crate::domain::listing::ListState;
use percent_encoding::{percent_decode_str, utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use std::collections::HashMap;
use yew::prelude::*;
use yew_router::prelude::*;

/// The app's routes: `/` (the list), `/article/:id`, and `/not-found` (also anything else).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    List,
    Article { id: String },
    NotFound,
}

/// What is escaped in an id in a path: all but ASCII letters, digits and `-_.~` (as yew-router's derive does).
const ID: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'_').remove(b'.').remove(b'~');

/// The path of article `id`'s route (`/article/%E4%BC%81`): in a link, after `#`.
pub fn article_path(id: &str) -> String {
    format!("/article/{}", utf8_percent_encode(id, ID))
}

/// Where `cargo xtask dist` writes article `id`'s own page, relative to the viewer's page (an id is a file name:
/// see `ArticleId`).
pub fn article_file(id: &str) -> String {
    format!("articles/{id}.html")
}

/// Written out rather than derived: `#[derive(Routable)]` recognizes paths with a general route recognizer that
/// was ~12 KB of the viewer's wasm, for three paths. The same paths, encoding and decoding as the derive (a test
/// compares the two on arbitrary paths and ids).
impl Routable for Route {
    fn from_path(path: &str, params: &HashMap<&str, &str>) -> Option<Self> {
        match path {
            "/" => Some(Route::List),
            "/article/:id" => Some(Route::Article { id: decode(params.get("id")?)? }),
            "/not-found" => Some(Route::NotFound),
            _ => None,
        }
    }

    fn to_path(&self) -> String {
        match self {
            Route::List => "/".to_owned(),
            Route::Article { id } => article_path(id),
            Route::NotFound => "/not-found".to_owned(),
        }
    }

    fn routes() -> Vec<&'static str> {
        vec!["/", "/article/:id", "/not-found"]
    }

    fn not_found_route() -> Option<Self> {
        Some(Route::NotFound)
    }

    /// A trailing `/` and the leading one are optional; an id is one non-empty segment, percent-decoded (to
    /// UTF-8: else not found).
    fn recognize(pathname: &str) -> Option<Self> {
        let path = pathname.strip_suffix('/').unwrap_or(pathname);
        let path = path.strip_prefix('/').unwrap_or(path);
        Some(match path {
            "" => Route::List,
            "not-found" => Route::NotFound,
            _ => match path.strip_prefix("article/") {
                Some(id) if !id.is_empty() && !id.contains('/') => {
                    decode(id).map_or(Route::NotFound, |id| Route::Article { id })
                }
                _ => Route::NotFound,
            },
        })
    }
}

fn decode(segment: &str) -> Option<String> {
    percent_decode_str(segment).decode_utf8().ok().map(|s| s.into_owned())
}

/// URL parameters as the router's links and navigator take them (repeated keys for several values).
pub type QueryPairs = Vec<(String, String)>;

/// A route's path with its query, as the router has it (`/article/x?q=nickel`; no `?` without a query).
pub fn route_path(to: &Route, query: Option<&QueryPairs>) -> String {
    let mut path = to.to_path();
    if let Some(q) = query.filter(|q| !q.is_empty()) {
        path.push('?');
        path.push_str(&crate::domain::listing::query_string(q));
    }
    path
}

#[derive(Properties, PartialEq)]
pub struct RouteLinkProps {
    pub to: Route,
    #[prop_or_default]
    pub query: Option<QueryPairs>,
    #[prop_or_default]
    pub classes: Classes,
    /// The language of its words, when not the text's around it (an article's source in a line of labels).
    #[prop_or_default]
    pub lang: Option<AttrValue>,
    #[prop_or_default]
    pub children: Html,
}

/// A link to one of the viewer's routes. A click (without Ctrl, Shift, Alt or Meta) goes there in the viewer;
/// its address ([`Mount::link`](super::mount::Mount::link)) opens the same view when it is opened in a new tab,
/// copied or bookmarked — also in a widget, where yew-router's `Link` gives the route's path itself, which the
/// host's site does not serve.
#[function_component(RouteLink)]
pub fn route_link(props: &RouteLinkProps) -> Html {
    let navigator = use_navigator();
    let query = props.query.clone().filter(|q| !q.is_empty());
    let href = super::mount::use_mount().link(&route_path(&props.to, query.as_ref()));
    let to = props.to.clone();
    let onclick = Callback::from(move |e: MouseEvent| {
        if e.meta_key() || e.ctrl_key() || e.shift_key() || e.alt_key() {
            return;
        }
        e.prevent_default();
        if let Some(nav) = &navigator {
            match &query {
                Some(q) => drop(nav.push_with_query(&to, q)),
                None => nav.push(&to),
            }
        }
    });
    html! { <a class={props.classes.clone()} lang={props.lang.clone()} {href} {onclick}>{ props.children.clone() }</a> }
}

/// The list state in the current URL (the list's own, or the one an article page was opened from).
#[hook]
pub fn use_list_state() -> ListState {
    use_location().map(|l| ListState::from_query(l.query_str())).unwrap_or_default()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The routes as yew-router's derive makes them: what [`Route`]'s written-out impl must equal.
    #[derive(Clone, Debug, PartialEq, Eq, Routable)]
    enum Derived {
        #[at("/")]
        List,
        #[at("/article/:id")]
        Article { id: String },
        #[not_found]
        #[at("/not-found")]
        NotFound,
    }

    fn derived(r: &Route) -> Derived {
        match r {
            Route::List => Derived::List,
            Route::Article { id } => Derived::Article { id: id.clone() },
            Route::NotFound => Derived::NotFound,
        }
    }

    fn same_as_derived(path: &str) {
        assert_eq!(Route::recognize(path).as_ref().map(derived), Derived::recognize(path), "{path:?}");
    }

    #[test]
    fn paths_are_recognized_as_the_derive_does() {
        for path in [
            "",
            "/",
            "//",
            "/article",
            "/article/",
            "article/x",
            "/article/x",
            "/article/x/",
            "/article/x//",
            "/article/x/y",
            "/article/%E4%BC%81%E6%A5%AD",
            "/article/%FF",
            "/article/a%2Fb",
            "/article/a.b",
            "/article/a+b",
            "/not-found",
            "not-found/",
            "/not-found/x",
            "/Article/x",
            "/list",
            "/?q=x",
        ] {
            same_as_derived(path);
        }
        assert_eq!(Route::recognize("/article/%E4%BC%81"), Some(Route::Article { id: "企".into() }));
        assert_eq!(Route::recognize("/article/%FF"), Some(Route::NotFound));
        assert_eq!(Route::recognize("/"), Some(Route::List));
    }

    proptest! {
        #[test]
        fn any_path_is_recognized_as_the_derive_does(path in "/?(article/)?[a-z%/.+\\-_~企0-9A-F]{0,12}") {
            same_as_derived(&path);
        }

        #[test]
        fn an_article_path_is_written_as_the_derive_writes_it_and_read_back(id in "\\PC{1,12}") {
            let route = Route::Article { id };
            prop_assert_eq!(route.to_path(), derived(&route).to_path());
            prop_assert_eq!(Route::recognize(&route.to_path()), Some(route));
        }
    }

    #[test]
    fn a_link_path_carries_the_list_state_as_the_router_writes_and_reads_it() {
        let state = ListState { q: "企業 a&b".into(), page: Some(2), ..ListState::default() };
        let path = route_path(&Route::Article { id: "企 x".into() }, Some(&state.to_pairs()));
        assert_eq!(path, "/article/%E4%BC%81%20x?q=%E4%BC%81%E6%A5%AD+a%26b&page=2");
        let (route, query) = path.split_once('?').unwrap();
        assert_eq!(Route::recognize(route), Some(Route::Article { id: "企 x".into() }));
        assert_eq!(ListState::from_query(query), state);
        // Without a query (or an empty one), no `?`.
        assert_eq!(route_path(&Route::List, Some(&Vec::new())), "/");
        assert_eq!(route_path(&Route::NotFound, None), "/not-found");
    }

    #[test]
    fn fixed_routes_are_written_as_the_derive_writes_them() {
        for r in [Route::List, Route::NotFound] {
            assert_eq!(r.to_path(), derived(&r).to_path());
        }
        assert_eq!(Route::routes(), Derived::routes());
    }
}
