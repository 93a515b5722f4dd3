use crate::domain::format::format_exact;
use crate::domain::listing::ListState;
use crate::ui::app::use_prefs;
use crate::ui::components::{
    article_card::ArticleCard,
    filters::Filters,
    pagination::pagination,
    report_panel::report_panel,
    search_box::{self, SearchBox},
};
use crate::ui::effect::use_effect_on;
use crate::ui::mount::use_mount;
use crate::ui::route::{use_list_state, Route, RouteLink};
use crate::ui::script::{shown_text, use_converter};
use crate::ui::scroll::keep_view;
use crate::ui::strings::fill;
use crate::ui::Catalog;
use std::rc::Rc;
use yew::prelude::*;
use yew_router::prelude::*;

/// Cards per page (a widget's `page-size` may say otherwise): enough to scroll, few enough that 10,000 articles never put 10,000 cards in the DOM.
pub const PAGE_SIZE: usize = 20;

/// Moves the focus `step` cards on from the focused card's link (none focused: to the first, or with a
/// negative step the last). Past either end, with `pending`, follows the page link that way (when there is one)
/// and notes whether the new page's first card is to be focused; without, stays. True when it did either.
fn focus_card(results: &NodeRef, step: i64, pending: Option<&Rc<std::cell::RefCell<Option<bool>>>>) -> bool {
    use wasm_bindgen::JsCast;
    let Some(root) = results.cast::<web_sys::Element>() else { return false };
    let Ok(links) = root.query_selector_all(".card-title a") else { return false };
    let link = |i: i64| links.item(i as u32).and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok());
    let n = i64::from(links.length());
    if n == 0 {
        return false;
    }
    let focused = (0..n).find(|&i| link(i).is_some_and(|a| a.matches(":focus").unwrap_or(false)));
    let to = match focused {
        Some(i) => i + step,
        None if step > 0 => 0,
        None => n - 1,
    };
    if let (Some(pending), true) = (pending, to < 0 || to >= n) {
        let turn = if to < 0 { ".page-prev" } else { ".page-next" };
        if let Some(a) =
            root.query_selector(turn).ok().flatten().and_then(|a| a.dyn_into::<web_sys::HtmlElement>().ok())
        {
            *pending.borrow_mut() = Some(to >= n);
            // The card takes the focus (and scrolls into view), not the page's heading as after a link.
            keep_view();
            a.click();
            return true;
        }
    }
    match link(to.clamp(0, n - 1)) {
        Some(a) => a.focus().is_ok(),
        None => false,
    }
}

/// "Did you mean {query}?", the corrected query a link to its list.
fn did_you_mean(next: &ListState, template: &'static str) -> Html {
    let (before, after) = template.split_once("{query}").unwrap_or((template, ""));
    let query = Some(next.to_pairs());
    html! {
        <p class="did-you-mean">
            { before }
            <RouteLink to={Route::List} {query} classes="suggestion">{ next.q.clone() }</RouteLink>
            { after }
        </p>
    }
}

/// The list of articles: search box, filters, the matching cards a page at a time. All of its state is in the URL.
#[function_component(ListPage)]
pub fn list_page() -> Html {
    let catalog = use_context::<Catalog>().expect("ListPage is rendered inside the catalog provider");
    let prefs = use_prefs();
    let (s, lang) = (prefs.strings(), prefs.lang);
    let navigator = use_navigator();
    let state = use_list_state();
    let unpaged = ListState { page: None, ..state.clone() };
    // (What the reader has read to its end and saved, for "unread only", "saved only" and their counts: read again
    // at each render, so that coming back from an article just finished leaves it out.)
    let marks = crate::ui::reading::marks(&catalog.articles);
    let listing = use_memo((catalog.clone(), unpaged.clone(), marks.clone()), |(c, st, marks)| {
        c.collection().listing_marked(st, marks)
    });
    // When nothing is found: the query with its misspelt words corrected, if that finds something.
    let suggestion = {
        let none = listing.results.is_empty();
        use_memo((catalog.clone(), unpaged, none, marks), |(c, st, none, marks)| {
            if *none && !st.q.trim().is_empty() {
                c.collection().suggestion(st, marks).map(|q| ListState { q, page: None, ..st.clone() })
            } else {
                None
            }
        })
    };
    // Whether any article has a date (else neither the date range nor the sorts by date are offered), and views
    // (else "Most viewed" is not).
    let has = use_memo(catalog.clone(), |c| {
        (c.articles.iter().any(|a| a.published.is_some()), c.articles.iter().any(|a| a.views.is_some()))
    });
    let (has_dates, has_views) = *has;
    let total = catalog.articles.len();
    let found = listing.results.len();
    let page_size = use_mount().page_size;
    let pages = found.div_ceil(page_size).max(1);
    let page = state.page.unwrap_or(1).clamp(1, pages);
    let conv = use_converter();
    let title = catalog.title.clone().unwrap_or_else(|| s.default_collection_title.to_owned());
    let title = shown_text(&conv, &title);
    let mount = use_mount();
    {
        // A category's (source's, author's, tag's) list is named by it, as its own page is (`cargo xtask dist`).
        let shown = match state.only_value() {
            Some((facet, value)) => format!("{} · {title}", shown_text(&conv, facet.value_label(value))),
            None => title.clone(),
        };
        let embedded = mount.embedded();
        use_effect_on(shown, move |shown| {
            if !embedded {
                super::set_document_title(None, shown)
            }
        });
    }
    // Refinements (typing, ticking a filter) keep scroll and focus; a new search is a new history entry, the
    // keystrokes after it replace it, so Back returns to the list as it was before the search.
    let go = {
        let navigator = navigator.clone();
        let current = state.clone();
        Callback::from(move |(next, replace): (ListState, bool)| {
            let Some(nav) = &navigator else { return };
            keep_view();
            let pairs = next.to_pairs();
            let _ = if replace && current.q.trim() != "" {
                nav.replace_with_query(&Route::List, &pairs)
            } else {
                nav.push_with_query(&Route::List, &pairs)
            };
        })
    };
    // Each search is timed from the query sent to its results rendered; the search box waits for a pause in
    // typing of twice that (`debounce_ms`).
    let debounce = use_memo((), |_| std::cell::Cell::new(search_box::DEBOUNCE_MS));
    let searched_at = use_mut_ref(|| None::<f64>);
    {
        let (debounce, searched_at) = (debounce.clone(), searched_at.clone());
        use_effect_on(state.q.clone(), move |_| {
            // (Not a query that changed otherwise — Back, a filter's link — long after a search that changed
            // nothing.)
            let took = searched_at.borrow_mut().take().map(|t0| js_sys::Date::now() - t0).filter(|&t| t < 2_000.0);
            if let Some(took) = took {
                debounce.set(search_box::debounce_ms(took));
            }
        });
    }
    let on_search = {
        let go = go.clone();
        let state = state.clone();
        let searched_at = searched_at.clone();
        Callback::from(move |q: String| {
            *searched_at.borrow_mut() = Some(js_sys::Date::now());
            go.emit((ListState { q, page: None, ..state.clone() }, true))
        })
    };
    let on_change = {
        let go = go.clone();
        Callback::from(move |next: ListState| go.emit((next, false)))
    };
    let on_clear = {
        let go = go.clone();
        let state = state.clone();
        Callback::from(move |_| go.emit((state.cleared(), false)))
    };
    // `j` and `k` move the focus to the next and the previous card's link (Enter opens it), as they open the next
    // and the previous article on an article's page. In a widget only while the focus is inside it.
    // Past the page's last card, `j` goes on to the next page's first (`k` before the first: the previous page's
    // last), as the page links would: the card to focus once the page has changed is kept here.
    let results = use_node_ref();
    let pending = use_mut_ref(|| None::<bool>);
    {
        let (results, pending) = (results.clone(), pending.clone());
        use_effect_on(page, move |_| {
            if let Some(first) = pending.borrow_mut().take() {
                focus_card(&results, if first { 1 } else { -1 }, None);
            }
        });
    }
    {
        let results = results.clone();
        use_effect_on(mount.host.clone(), move |host| {
            crate::ui::keys::listen(
                host.clone(),
                Box::new(move |e, key| {
                    let step: i64 = match key {
                        "j" => 1,
                        "k" => -1,
                        _ => return,
                    };
                    if focus_card(&results, step, Some(&pending)) {
                        e.prevent_default();
                    }
                }),
            )
        });
    }
    let terms = Rc::new(listing.terms.clone());
    let list_query = Rc::new(state.to_pairs());
    let shown = &listing.results[((page - 1) * page_size).min(found)..(page * page_size).min(found)];
    let count = if state.is_filtered() {
        let template = if found == 1 { s.result_count_one } else { s.result_count };
        fill(template, &[("count", &format_exact(found as u64, lang)), ("total", &format_exact(total as u64, lang))])
    } else if total == 1 {
        s.article_count_one.to_owned()
    } else {
        fill(s.article_count, &[("count", &format_exact(total as u64, lang))])
    };
    html! {
        <section class="list-page">
            <h1 class="page-title" tabindex="-1">{ title }</h1>
            if total > 0 {
                <SearchBox value={AttrValue::from(state.q.clone())} {on_search} {debounce} />
            }
            <div class="list-layout">
                if total > 0 {
                    <Filters state={state.clone()} listing={listing.clone()}
                        {has_dates} {has_views} {on_change} />
                }
                <div class="results" ref={results}>
                    <p class="list-count" role="status">
                        { count }
                        // Said with the count (a screen reader hears it as the list empties), shown below.
                        if let Some(next) = &*suggestion {
                            <span class="visually-hidden">{ format!(" {}", fill(s.did_you_mean, &[("query", &next.q)])) }</span>
                        }
                    </p>
                    { report_panel(&catalog, s, lang) }
                    if total == 0 {
                        <p class="empty">{ s.no_articles }</p>
                    } else if found == 0 {
                        <div class="no-results">
                            <p>{ s.no_results }</p>
                            if let Some(next) = &*suggestion {
                                { did_you_mean(next, s.did_you_mean) }
                            }
                            <button type="button" class="clear-filters" onclick={on_clear}>{ s.clear_filters }</button>
                        </div>
                    } else {
                        <ol class="cards" start={((page - 1) * page_size + 1).to_string()}>
                            { for shown.iter().map(|&i| html! {
                                <ArticleCard key={catalog.articles[i].id.as_str()} index={i} terms={terms.clone()}
                                    list_query={list_query.clone()} />
                            }) }
                        </ol>
                        { pagination(page, pages, &state, s, lang) }
                    }
                </div>
            </div>
        </section>
    }
}
