use crate::domain::format::{format_count, format_published};
use crate::domain::Article;
use crate::ui::components::highlight::marked;
use crate::ui::state::Prefs;
use crate::ui::strings::fill;
use yew::prelude::*;

/// Date, views, reading time, source, category and authors of an article, in the reader's format; absent parts are left out.
/// The search's `terms` are marked in the source, the category and each author's name (the fields searched).
/// (A function, not a component: it has no state, and a card or page that shows it re-renders with it anyway.)
pub fn meta_line(a: &Article, prefs: &Prefs, terms: &[String]) -> Html {
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
    // How long it takes to read, for articles that take a while (a minute is every short one's).
    let minutes = a.reading_minutes();
    if minutes >= 2 {
        items
            .push(html! { <li class="meta-reading">{ fill(s.reading_time, &[("count", &minutes.to_string())]) }</li> });
    }
    if let Some(src) = &a.source {
        items.push(
            html! { <li class="meta-source">{ format!("{}{}", s.source, s.label_separator) }<span>{ marked(src, terms) }</span></li> },
        );
    }
    if let Some(c) = &a.category {
        items.push(
            html! { <li class="meta-category">{ format!("{}{}", s.category, s.label_separator) }<span>{ marked(c, terms) }</span></li> },
        );
    }
    if !a.authors.is_empty() {
        // "By {authors}": the words around the names as they are, each name marked on its own.
        let (before, after) = s.authors.split_once("{authors}").unwrap_or((s.authors, ""));
        let names = a.authors.iter().enumerate().map(|(i, name)| {
            html! { <>if i > 0 { { s.list_separator } }{ marked(name, terms) }</> }
        });
        items.push(html! { <li class="meta-authors">{ before }{ for names }{ after }</li> });
    }
    if items.is_empty() {
        return Html::default();
    }
    html! { <ul class="meta">{ for items }</ul> }
}
