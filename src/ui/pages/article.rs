use super::not_found::NotFound;
use crate::domain::{Article, Block};
use crate::ui::components::meta_line::MetaLine;
use crate::ui::route::Route;
use crate::ui::strings::strings;
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
    match catalog.find(&props.id) {
        Some((_, article)) => {
            let collection = catalog.title.clone().unwrap_or_else(|| strings().default_collection_title.to_owned());
            html! { <ArticleView article={article.clone()} {collection} /> }
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
    let s = strings();
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
                <MetaLine article={a.clone()} with_editor={false} />
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
