use crate::domain::format::UiLang;
use crate::domain::listing::ListState;
use crate::ui::route::{Route, RouteLink};
use crate::ui::strings::{fill, Strings};
use yew::prelude::*;

/// Which page numbers to show: the first, the last, and two either side of the current one; `None` is a gap.
pub fn page_window(page: usize, pages: usize) -> Vec<Option<usize>> {
    let mut out = Vec::new();
    let mut last = 0;
    for p in 1..=pages {
        if p == 1 || p == pages || p.abs_diff(page) <= 2 {
            if p > last + 1 {
                out.push(None);
            }
            out.push(Some(p));
            last = p;
        }
    }
    out
}

/// Previous / numbered / next page links to the pages (1-based) of the list in `state` (query, filters, sort:
/// the links keep them); the page lives in the URL (`#/?page=N`, with the rest of the state).
pub fn pagination(page: usize, pages: usize, state: &ListState, s: &Strings, lang: UiLang) -> Html {
    if pages <= 1 {
        return Html::default();
    }
    let link = |p: usize, label: Html, class: &'static str| {
        let pairs = state.on_page(p).to_pairs();
        let query = (!pairs.is_empty()).then_some(pairs);
        html! { <RouteLink to={Route::List} {query} classes={classes!("page-link", class)}>{ label }</RouteLink> }
    };
    html! {
        <nav class="pagination" aria-label={s.pagination}>
            <p class="page-status">{ fill(s.page_of, &[("page", &lang.number(page)), ("pages", &lang.number(pages))]) }</p>
            <ul>
                if page > 1 { <li>{ link(page - 1, html! { s.previous_page }, "page-prev") }</li> }
                { for page_window(page, pages).into_iter().map(|p| match p {
                    Some(p) if p == page => html! { <li><span class="page-current" aria-current="page">{ lang.number(p) }</span></li> },
                    Some(p) => html! { <li>{ link(p, html! { lang.number(p) }, "page-number") }</li> },
                    None => html! { <li class="page-gap" aria-hidden="true">{ "…" }</li> },
                }) }
                if page < pages { <li>{ link(page + 1, html! { s.next_page }, "page-next") }</li> }
            </ul>
        </nav>
    }
}

#[cfg(test)]
mod tests {
    use super::page_window;

    #[test]
    fn window_shows_ends_and_neighbours() {
        assert_eq!(page_window(1, 1), [Some(1)]);
        assert_eq!(page_window(1, 4), [Some(1), Some(2), Some(3), Some(4)]);
        assert_eq!(
            page_window(10, 500),
            [Some(1), None, Some(8), Some(9), Some(10), Some(11), Some(12), None, Some(500)]
        );
        assert_eq!(page_window(500, 500), [Some(1), None, Some(498), Some(499), Some(500)]);
    }
}
