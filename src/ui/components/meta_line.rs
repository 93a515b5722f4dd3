use crate::domain::format::{format_count, format_published};
use crate::domain::Article;
use crate::ui::state::Prefs;
use crate::ui::strings::fill;
use yew::prelude::*;

/// Date, views, source, category and authors of an article, in the reader's format; absent parts are left out.
/// (A function, not a component: it has no state, and a card or page that shows it re-renders with it anyway.)
pub fn meta_line(a: &Article, prefs: &Prefs) -> Html {
    let s = prefs.strings();
    let mut items: Vec<Html> = Vec::new();
    if let Some(p) = &a.published {
        items.push(html! { <li class="meta-date"><time datetime={p.as_str().to_owned()}>{ format_published(p, prefs.lang) }</time></li> });
    }
    if let Some(v) = a.views {
        let text = fill(s.views, &[("count", &format_count(v.get(), prefs.lang))]);
        // The exact number stays available (title) when the shown one is rounded (1.2萬).
        items.push(
            html! { <li class="meta-views" title={v.get().to_string()} data-views={v.get().to_string()}>{ text }</li> },
        );
    }
    if let Some(src) = &a.source {
        items.push(html! { <li class="meta-source">{ format!("{}: ", s.source) }<span>{ src }</span></li> });
    }
    if let Some(c) = &a.category {
        items.push(html! { <li class="meta-category">{ format!("{}: ", s.category) }<span>{ c }</span></li> });
    }
    if !a.authors.is_empty() {
        let names = a.authors.join(s.list_separator);
        items.push(html! { <li class="meta-authors">{ fill(s.authors, &[("authors", &names)]) }</li> });
    }
    if items.is_empty() {
        return Html::default();
    }
    html! { <ul class="meta">{ for items }</ul> }
}
