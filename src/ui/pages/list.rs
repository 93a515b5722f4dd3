use crate::ui::components::{article_card::ArticleCard, report_panel::ReportPanel};
use crate::ui::strings::strings;
use crate::ui::Catalog;
use yew::prelude::*;

/// The list of all articles.
#[function_component(ListPage)]
pub fn list_page() -> Html {
    let catalog = use_context::<Catalog>().expect("ListPage is rendered inside the catalog provider");
    let s = strings();
    let title = catalog.title.clone().unwrap_or_else(|| s.default_collection_title.to_owned());
    {
        let title = title.clone();
        use_effect_with(title, |title| super::set_document_title(None, title));
    }
    html! {
        <section class="list-page">
            <h1 class="page-title" tabindex="-1">{ title }</h1>
            <ReportPanel skipped={catalog.skipped.clone()} warnings={catalog.warnings.clone()} />
            if catalog.articles.is_empty() {
                <p class="empty">{ s.no_articles }</p>
            } else {
                <ol class="cards">
                    { for catalog.articles.iter().map(|a| html! { <ArticleCard key={a.id.as_str()} article={a.clone()} /> }) }
                </ol>
            }
        </section>
    }
}
