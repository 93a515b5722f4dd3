use super::not_found::NotFound;
use crate::domain::{Article, Block};
use crate::ui::app::use_prefs;
use crate::ui::components::meta_line::MetaLine;
use crate::ui::route::Route;
use crate::ui::Catalog;
use yew::prelude::*;
use yew_router::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ArticlePageProps {
    pub id: AttrValue,
}

/// One article, found by id in the loaded set.
#[function_component(ArticlePage)]
pub fn article_page(props: &ArticlePageProps) -> Html {
    let catalog = use_context::<Catalog>().expect("ArticlePage is rendered inside the catalog provider");
    let s = use_prefs().strings();
    match catalog.find(&props.id) {
        Some((index, article)) => {
            let collection = catalog.title.clone().unwrap_or_else(|| s.default_collection_title.to_owned());
            let neighbour = |i: Option<usize>| i.and_then(|i| catalog.articles.get(i));
            let previous = neighbour(index.checked_sub(1));
            let next = neighbour(index.checked_add(1));
            let link = |a: &Article, label: &'static str, class: &'static str| {
                html! {
                    <Link<Route> to={Route::Article { id: a.id.to_string() }} classes={classes!("neighbour", class)}>
                        <span class="neighbour-label">{ label }</span>
                        <span class="neighbour-title" lang={a.lang.clone()}>{ a.title.as_str() }</span>
                    </Link<Route>>
                }
            };
            html! {
                <>
                    <ArticleView article={article.clone()} {collection} />
                    if previous.is_some() || next.is_some() {
                        <nav class="neighbours" aria-label={s.article_navigation}>
                            if let Some(p) = previous { { link(p, s.previous_article, "neighbour-prev") } }
                            if let Some(n) = next { { link(n, s.next_article, "neighbour-next") } }
                        </nav>
                    }
                </>
            }
        }
        None => html! { <NotFound /> },
    }
}

#[derive(Properties, PartialEq)]
pub struct ArticleViewProps {
    pub article: Article,
    /// The collection's title, for the document title.
    #[prop_or_default]
    pub collection: AttrValue,
}

/// Every field of an article: kicker, title, subtitle, metadata, body blocks in order, editor, notice, link.
#[function_component(ArticleView)]
pub fn article_view(props: &ArticleViewProps) -> Html {
    let a = &props.article;
    let s = use_prefs().strings();
    {
        let title = a.title.to_string();
        let collection = props.collection.to_string();
        use_effect_with((title, collection), |(t, c)| super::set_document_title(Some(t), c));
    }
    html! {
        <article class="article-page" lang={a.lang.clone()}>
            <nav class="back"><Link<Route> to={Route::List}>{ s.back_to_list }</Link<Route>></nav>
            <header class="article-header">
                if let Some(k) = &a.kicker { <p class="kicker">{ k }</p> }
                <h1 class="page-title article-title" tabindex="-1">{ a.title.as_str() }</h1>
                if let Some(st) = &a.subtitle { <p class="subtitle">{ st }</p> }
                <MetaLine article={a.clone()} />
                if !a.tags.is_empty() {
                    <ul class="tags">{ for a.tags.iter().map(|t| html! { <li>{ t }</li> }) }</ul>
                }
            </header>
            <div class="article-body">{ for a.body.iter().map(render_block) }</div>
            <footer class="article-footer">
                if let Some(e) = &a.editor {
                    <p class="editor">{ format!("{}: ", s.editor) }<span>{ e }</span></p>
                }
                if let Some(url) = &a.url {
                    <p class="original"><a href={url.clone()} target="_blank" rel="noopener noreferrer">{ s.original_link }</a></p>
                }
                if let Some(n) = &a.notice {
                    <aside class="notice">{ for n.lines().map(|l| html! { <p>{ l }</p> }) }</aside>
                }
            </footer>
        </article>
    }
}

fn render_block(block: &Block) -> Html {
    match block {
        Block::Paragraph { text } => html! { <p>{ text }</p> },
        Block::Heading { text } => html! { <h2>{ text }</h2> },
        Block::Quote { text } => html! { <blockquote><p>{ text }</p></blockquote> },
        Block::Image { src, alt, caption } => html! {
            <figure>
                <img src={src.clone()} alt={alt.clone()} loading="lazy" decoding="async" />
                if let Some(c) = caption { <figcaption>{ c }</figcaption> }
            </figure>
        },
        Block::Unknown { .. } => Html::default(),
    }
}
