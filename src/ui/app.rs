//! The application shell: loads the article set, then routes between the pages.

use super::components::error_panel::ErrorPanel;
use super::data::{fetch_article_set, LoadError, ARTICLES_URL};
use super::pages::{article::ArticlePage, list::ListPage, not_found::NotFound};
use super::route::Route;
use super::strings::strings;
use super::Catalog;
use std::rc::Rc;
use yew::prelude::*;
use yew_router::prelude::*;

/// Where the article set stands.
#[derive(Clone, PartialEq)]
pub enum LoadState {
    Loading,
    Failed(LoadError),
    Loaded(Catalog),
}

#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// The article set's URL, relative to the page.
    #[prop_or(AttrValue::Static(ARTICLES_URL))]
    pub src: AttrValue,
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let attempt = use_state(|| 0u32);
    let load = use_state(|| LoadState::Loading);
    {
        let load = load.clone();
        let src = props.src.clone();
        use_effect_with((src, *attempt), move |(src, _)| {
            load.set(LoadState::Loading);
            let src = src.to_string();
            wasm_bindgen_futures::spawn_local(async move {
                load.set(match fetch_article_set(&src).await {
                    Ok(set) => LoadState::Loaded(Catalog(Rc::new(set))),
                    Err(e) => LoadState::Failed(e),
                });
            });
        });
    }
    let on_retry = {
        let attempt = attempt.clone();
        Callback::from(move |_| attempt.set(*attempt + 1))
    };
    let s = strings();
    let content = match &*load {
        LoadState::Loading => html! {
            <p class="loading" role="status" aria-live="polite">{ s.loading }</p>
        },
        LoadState::Failed(e) => html! {
            <ErrorPanel title={s.load_failed} detail={e.to_string()} {on_retry} />
        },
        LoadState::Loaded(catalog) => html! {
            <ContextProvider<Catalog> context={catalog.clone()}>
                <Switch<Route> render={switch} />
            </ContextProvider<Catalog>>
        },
    };
    html! {
        <HashRouter>
            <div class="app">
                <header class="site-header">
                    <Link<Route> to={Route::List} classes="site-name">{ s.app_name }</Link<Route>>
                </header>
                <main id="content" class="content">{ content }</main>
            </div>
        </HashRouter>
    }
}

fn switch(route: Route) -> Html {
    match route {
        Route::List => html! { <ListPage /> },
        Route::Article { id } => html! { <ArticlePage {id} /> },
        Route::NotFound => html! { <NotFound /> },
    }
}
