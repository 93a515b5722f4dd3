use crate::ui::app::use_prefs;
use crate::ui::components::{article_card::ArticleCard, pagination::Pagination, report_panel::ReportPanel};
use crate::ui::route::ListQuery;
use crate::ui::strings::fill;
use crate::ui::Catalog;
use yew::prelude::*;
use yew_router::prelude::*;

/// Cards per page: enough to scroll, few enough that 10,000 articles never put 10,000 cards in the DOM.
pub const PAGE_SIZE: usize = 20;

/// The list of articles, a page at a time (the page is in the URL).
#[function_component(ListPage)]
pub fn list_page() -> Html {
    let catalog = use_context::<Catalog>().expect("ListPage is rendered inside the catalog provider");
    let s = use_prefs().strings();
    let query = use_location().and_then(|l| l.query::<ListQuery>().ok()).unwrap_or_default();
    let total = catalog.articles.len();
    let pages = total.div_ceil(PAGE_SIZE).max(1);
    let page = query.page(pages);
    let title = catalog.title.clone().unwrap_or_else(|| s.default_collection_title.to_owned());
    {
        let title = title.clone();
        use_effect_with(title, |title| super::set_document_title(None, title));
    }
    let shown = &catalog.articles[((page - 1) * PAGE_SIZE).min(total)..(page * PAGE_SIZE).min(total)];
    html! {
        <section class="list-page">
            <h1 class="page-title" tabindex="-1">{ title }</h1>
            <p class="list-count">
                { if total == 1 { s.article_count_one.to_owned() } else { fill(s.article_count, &[("count", &total.to_string())]) } }
            </p>
            <ReportPanel skipped={catalog.skipped.clone()} warnings={catalog.warnings.clone()} />
            if catalog.articles.is_empty() {
                <p class="empty">{ s.no_articles }</p>
            } else {
                <ol class="cards" start={((page - 1) * PAGE_SIZE + 1).to_string()}>
                    { for shown.iter().map(|a| html! { <ArticleCard key={a.id.as_str()} article={a.clone()} /> }) }
                </ol>
                <Pagination {page} {pages} />
            }
        </section>
    }
}
