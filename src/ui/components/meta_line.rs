use crate::domain::format::{format_count, format_published};
use crate::domain::listing::Facet;
use crate::domain::reading::Progress;
use crate::domain::Article;
use crate::ui::components::highlight::marked;
use crate::ui::route::{QueryPairs, Route, RouteLink};
use crate::ui::state::Prefs;
use crate::ui::strings::fill;
use yew::prelude::*;

/// A facet value as a link to the list filtered by it (`#/?category=重點新聞`): `value` as stored (what the filter
/// matches), shown as `shown` (converted 繁/简, the search's terms marked), in language `lang` when given. `keep`:
/// what the link carries over from the list it is on (the script the articles are shown in).
pub fn facet_link(facet: Facet, value: &str, shown: Html, keep: &[(String, String)], lang: Option<&str>) -> Html {
    let mut pairs: QueryPairs = keep.to_vec();
    pairs.push((facet.key().to_owned(), value.to_owned()));
    let query = Some(pairs);
    let lang = lang.map(|l| AttrValue::from(l.to_owned()));
    html! { <RouteLink to={Route::List} {query} {lang} classes="facet-link">{ shown }</RouteLink> }
}

/// The pairs of a list's query that a facet link keeps: the script (`script=hans`).
pub fn kept_pairs(list_query: &[(String, String)]) -> QueryPairs {
    list_query.iter().filter(|(k, _)| k == "script").cloned().collect()
}

/// Date, views, reading time (`minutes`: [`Article::reading_minutes`], shown from 2), how far the reader has read
/// it (`read`: on the list's cards), source, category and
/// authors of an article (`a`, as shown: converted 繁/简), in the reader's format; absent parts are left out. The search's `terms` are marked in the source, the category and
/// each author's name (the fields searched), and each of them links to the list of the articles that have it
/// (by its value in `original`, the article as stored; `keep`: see [`facet_link`]).
/// (A function, not a component: it has no state, and a card or page that shows it re-renders with it anyway.)
pub fn meta_line(
    a: &Article,
    original: &Article,
    minutes: u32,
    (read, saved): (Option<Progress>, bool),
    prefs: &Prefs,
    terms: &[String],
    keep: &[(String, String)],
) -> Html {
    let s = prefs.strings();
    let mut items: Vec<Html> = Vec::new();
    if let Some(p) = &a.published {
        items.push(html! { <li class="meta-date"><time datetime={p.as_str().to_owned()}>{ format_published(p, &s.date_words(), prefs.lang) }</time></li> });
    }
    if let Some(v) = a.views {
        let text = match v.get() {
            1 => s.views_one.to_owned(),
            n => fill(s.views, &[("count", &format_count(n, prefs.lang))]),
        };
        // The exact number stays available (title) when the shown one is rounded (1.2萬).
        items.push(
            html! { <li class="meta-views" title={v.get().to_string()} data-views={v.get().to_string()}>{ text }</li> },
        );
    }
    // How long it takes to read, for articles that take a while (a minute is every short one's).
    if minutes >= 2 {
        items.push(
            html! { <li class="meta-reading">{ fill(s.reading_time, &[("count", &prefs.lang.number(minutes))]) }</li> },
        );
    }
    // How far the reader has read it, in this browser: to the end, or where they left it (from 5%).
    let read = match read {
        Some(p) if p.finished => Some(s.read_done.to_owned()),
        Some(p) => p.resumable().map(|_| fill(s.read_percent, &[("percent", &prefs.lang.number(p.percent()))])),
        None => None,
    };
    if let Some(text) = read {
        items.push(html! { <li class="meta-read">{ text }</li> });
    }
    if saved {
        items.push(html! { <li class="meta-saved">{ s.saved }</li> });
    }
    let link = |facet: Facet, shown: &str, stored: Option<&String>| {
        facet_link(facet, stored.map_or(shown, String::as_str), marked(shown, terms), keep, a.lang.as_deref())
    };
    if let Some(src) = &a.source {
        let label = format!("{}{}", s.source, s.label_separator);
        items.push(
            html! { <li class="meta-source">{ label }{ link(Facet::Source, src, original.source.as_ref()) }</li> },
        );
    }
    if let Some(c) = &a.category {
        let label = format!("{}{}", s.category, s.label_separator);
        items.push(
            html! { <li class="meta-category">{ label }{ link(Facet::Category, c, original.category.as_ref()) }</li> },
        );
    }
    if !a.authors.is_empty() {
        // "By {authors}": the words around the names as they are, each name marked on its own.
        let (before, after) = s.authors.split_once("{authors}").unwrap_or((s.authors, ""));
        let names = a.authors.iter().enumerate().map(|(i, name)| {
            html! { <>if i > 0 { { s.list_separator } }{ link(Facet::Author, name, original.authors.get(i)) }</> }
        });
        items.push(html! { <li class="meta-authors">{ before }{ for names }{ after }</li> });
    }
    if items.is_empty() {
        return Html::default();
    }
    // In the interface's language (its labels, dates and counts), each value in the article's.
    let dir = crate::domain::format::ui_dir_inside(original.lang.as_deref(), prefs.lang);
    html! { <ul class="meta" lang={prefs.lang.tag()} {dir}>{ for items }</ul> }
}
