use super::meta_line::MetaLine;
use crate::domain::Article;
use crate::ui::route::Route;
use yew::prelude::*;
use yew_router::prelude::*;

/// How many characters of the summary or first paragraph a card shows.
pub const EXCERPT_CHARS: usize = 120;

#[derive(Properties, PartialEq)]
pub struct ArticleCardProps {
    pub article: Article,
}

/// One article in the list: kicker, linked title, metadata, excerpt.
#[function_component(ArticleCard)]
pub fn article_card(props: &ArticleCardProps) -> Html {
    let a = &props.article;
    let lang = a.lang.clone();
    html! {
        <li class="card" lang={lang}>
            if let Some(k) = &a.kicker {
                <p class="kicker">{ k }</p>
            }
            <h2 class="card-title">
                <Link<Route> to={Route::Article { id: a.id.to_string() }}>{ a.title.as_str() }</Link<Route>>
            </h2>
            <MetaLine article={a.clone()} />
            <p class="excerpt">{ a.excerpt(EXCERPT_CHARS) }</p>
        </li>
    }
}
