//! The least an app on the viewer's stack can be that does the viewer's first job: fetch `articles.json`, read it
//! with serde_json, show the list of titles as links and, at `#/article/<id>`, the article's title and paragraphs
//! — with Yew and yew-router, as the viewer. No search, filters, languages, styles or settings. `cargo xtask bench
//! size` builds it as it builds the viewer (release profile, wasm-bindgen, `wasm-opt -Oz`, terser) and prints the
//! viewer's first load beside it: the floor under the first-load goal.

use serde::Deserialize;
use yew::prelude::*;
use yew_router::prelude::*;

#[derive(Clone, Routable, PartialEq)]
enum Route {
    #[at("/")]
    List,
    #[at("/article/:id")]
    Article { id: String },
}

#[derive(Clone, PartialEq, Deserialize)]
struct Article {
    id: String,
    title: String,
    #[serde(default)]
    body: Vec<String>,
}

#[derive(Clone, PartialEq, Deserialize)]
struct Set {
    articles: Vec<Article>,
}

async fn load() -> Result<Set, String> {
    let response = gloo_net::http::Request::get("articles.json").send().await.map_err(|e| e.to_string())?;
    let text = response.text().await.map_err(|e| e.to_string())?;
    serde_json::from_str(&text).map_err(|e| e.to_string())
}

// (The viewer's clippy.toml points its code at its own effect hook; the floor uses Yew's as it comes.)
#[allow(clippy::disallowed_methods)]
#[function_component(App)]
fn app() -> Html {
    let set = use_state(|| None::<Result<Set, String>>);
    {
        let set = set.clone();
        use_effect_with((), move |_| wasm_bindgen_futures::spawn_local(async move { set.set(Some(load().await)) }));
    }
    let render = move |route: Route| match (&*set, route) {
        (Some(Ok(s)), Route::List) => html! {
            <ul>{ for s.articles.iter().map(|a| html! {
                <li><Link<Route> to={Route::Article { id: a.id.clone() }}>{ &a.title }</Link<Route>></li>
            }) }</ul>
        },
        (Some(Ok(s)), Route::Article { id }) => match s.articles.iter().find(|a| a.id == id) {
            Some(a) => {
                html! { <article><h1>{ &a.title }</h1>{ for a.body.iter().map(|p| html! { <p>{ p }</p> }) }</article> }
            }
            None => html! { <p>{ "Not found" }</p> },
        },
        (Some(Err(e)), _) => html! { <p>{ e.clone() }</p> },
        (None, _) => html! { <p>{ "Loading…" }</p> },
    };
    html! { <HashRouter><Switch<Route> {render} /></HashRouter> }
}

fn main() {
    yew::Renderer::<App>::new().render();
}
