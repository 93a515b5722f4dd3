use super::highlight::{marked, pieces_html};
use super::meta_line::{kept_pairs, meta_line};
use crate::domain::article::match_place;
use crate::domain::format::text_dir;
use crate::domain::search::{excerpt, matched_sections};
use crate::ui::app::use_prefs;
use crate::ui::reading;
use crate::ui::route::{QueryPairs, Route, RouteLink};
use crate::ui::script::{shown_article, use_converter};
use crate::ui::Catalog;
use std::rc::Rc;
use yew::prelude::*;

/// How many characters of the summary or first paragraph a card shows.
pub const EXCERPT_CHARS: usize = 120;

/// How many of a long article's sections with matches a card links to at most.
const SECTIONS: usize = 3;

#[derive(Properties, PartialEq)]
pub struct ArticleCardProps {
    /// Index into the catalog's articles.
    pub index: usize,
    /// Folded query terms to mark.
    #[prop_or_default]
    pub terms: Rc<Vec<String>>,
    /// The list state, carried to the article page (highlights, previous/next in this order, back to this list).
    #[prop_or_default]
    pub list_query: Rc<QueryPairs>,
}

/// Article `index` as the reader asked to see it (繁/简), and its reading time, made once per article and
/// converter (not per render: a search re-renders the cards at every pause in typing).
#[hook]
fn use_shown_article_at(catalog: &Catalog, index: usize) -> Rc<Option<(crate::domain::Article, u32)>> {
    let conv = use_converter();
    use_memo((catalog.clone(), index, conv), |(catalog, index, conv)| {
        let a = catalog.articles.get(*index)?;
        Some((shown_article(conv, a), a.reading_minutes()))
    })
}

/// One article in the list: its picture, kicker, linked title, metadata, excerpt (around the first match when
/// searching).
#[function_component(ArticleCard)]
pub fn article_card(props: &ArticleCardProps) -> Html {
    let catalog = use_context::<Catalog>().expect("ArticleCard is rendered inside the catalog provider");
    let prefs = use_prefs();
    let shown = use_shown_article_at(&catalog, props.index);
    let (Some((a, minutes)), Some(original)) = (shown.as_ref().as_ref(), catalog.articles.get(props.index)) else {
        return Html::default();
    };
    let terms = &props.terms;
    let query = (!props.list_query.is_empty()).then(|| (*props.list_query).clone());
    // When searching, the sections of the article that have matches, each a link to the article opened there
    // (its heading's anchor, of the article as written; the heading's words as shown).
    let anchors = match terms.is_empty() {
        true => Vec::new(),
        false => original.heading_anchors(),
    };
    let sections = matched_sections(a, &anchors, terms, SECTIONS);
    // The article's address opened at a place in it (`at=`), the list kept.
    let at = |place: String| {
        let mut pairs = (*props.list_query).clone();
        pairs.push(("at".to_owned(), place));
        pairs
    };
    let section_link = |heading: &str, anchor: &str| {
        html! {
            <li><RouteLink to={Route::Article { id: a.id.to_string() }} query={Some(at(anchor.to_owned()))}>{ marked(heading, terms) }</RouteLink></li>
        }
    };
    // The passage around a match: when it is in the body, a link to the article opened there, the match current.
    let excerpt = excerpt(a, terms, EXCERPT_CHARS);
    // Its picture, at the end of its first lines: decoration beside the title, which says what it is (no alt
    // text to hear twice); fetched as the card comes near the window, without telling the image's host the page
    // (which also lets the images of sites that refuse other sites' pages load); hidden when it does not load.
    let picture = original.picture().map(|p| {
        let onerror = Callback::from(|e: Event| e.target_unchecked_into::<web_sys::HtmlElement>().set_hidden(true));
        html! {
            <img class="card-image" src={p.src.clone()} alt="" loading="lazy" decoding="async"
                referrerpolicy="no-referrer" {onerror} />
        }
    });
    html! {
        <li class="card" lang={a.lang.clone()} dir={text_dir(a.lang.as_deref(), prefs.lang)}>
            { for picture }
            if let Some(k) = &a.kicker {
                <p class="kicker">{ marked(k, terms) }</p>
            }
            <h2 class="card-title">
                <RouteLink to={Route::Article { id: a.id.to_string() }} {query}>
                    { marked(a.title.as_str(), terms) }
                </RouteLink>
            </h2>
            { meta_line(a, original, *minutes, (reading::progress(original.id.as_str()), reading::is_saved(original.id.as_str())), &prefs, terms, &kept_pairs(&props.list_query)) }
            <p class="excerpt">
                if let Some((block, k)) = excerpt.place {
                    <RouteLink to={Route::Article { id: a.id.to_string() }} query={Some(at(match_place(block, k)))} classes="excerpt-link">
                        { pieces_html(excerpt.pieces) }
                    </RouteLink>
                } else {
                    { pieces_html(excerpt.pieces) }
                }
            </p>
            if !sections.is_empty() {
                <div class="card-sections">
                    <span class="sections-label" lang={prefs.lang.tag()} dir={crate::domain::format::ui_dir_inside(a.lang.as_deref(), prefs.lang)} aria-hidden="true">{ prefs.strings().in_sections }</span>
                    <ul aria-label={prefs.strings().in_sections}>{ for sections.iter().map(|&(h, anchor, _)| section_link(h, anchor)) }</ul>
                </div>
            }
        </li>
    }
}
