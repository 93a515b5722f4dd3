use super::typed_text::use_typed_text;
use crate::domain::format::format_exact;
use crate::domain::listing::{shown_facet_values, Facet, FacetValue, ListState, Listing, Sort};
use crate::ui::app::use_prefs;
use crate::ui::script::{shown_text, use_converter};
use crate::ui::strings::{fill, Strings};
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// Values a facet shows before "Show all".
pub const FACET_PREVIEW: usize = 8;
/// Values a facet shows at most after "Show all" (with a box to narrow them): a set of 100,000 articles may
/// have thousands of authors, and each is a checkbox.
pub const FACET_ALL_MAX: usize = 100;

#[derive(Properties, PartialEq)]
pub struct FiltersProps {
    pub state: ListState,
    /// The list as the state yields it: facet values with their counts, and the sort in force (shared with the
    /// list page's memo, not copied).
    pub listing: Rc<Listing>,
    /// Whether any article has a date (else neither the date range nor the sorts by date are offered).
    pub has_dates: bool,
    /// Whether any article has its views (else "Most viewed" is not offered).
    pub has_views: bool,
    /// Called with the state the reader asked for.
    pub on_change: Callback<ListState>,
}

fn facet_label(f: Facet, s: &Strings) -> &'static str {
    match f {
        Facet::Category => s.category,
        Facet::Source => s.source,
        Facet::Author => s.author_facet,
        Facet::Tag => s.tag_facet,
        Facet::Language => s.language,
    }
}

fn sort_label(sort: Sort, s: &Strings) -> &'static str {
    match sort {
        Sort::Collection => s.sort_collection,
        Sort::Relevance => s.sort_relevance,
        Sort::Newest => s.sort_newest,
        Sort::Oldest => s.sort_oldest,
        Sort::Views => s.sort_views,
    }
}

/// Whether the reader opened (`Some(true)`) or closed the filter panel in this visit; `None`: not touched. Kept by
/// the app, so that it stays as the reader left it when they open an article and come back; not saved.
#[derive(Clone, PartialEq)]
pub struct FiltersPanel(pub UseStateHandle<Option<bool>>);

/// Sort, "unread only", facets with counts, and the date range, in a panel that is closed until the reader opens it or a filter
/// is in force (a link that carries one). The list is what a reader came for: the panel's controls are built only
/// while it is open, so the list's first paint does not wait for a select, checkboxes and date fields
/// (`cargo xtask bench paint`).
#[function_component(Filters)]
pub fn filters(props: &FiltersProps) -> Html {
    let prefs = use_prefs();
    let (s, lang) = (prefs.strings(), prefs.lang);
    let conv = use_converter();
    let local = use_state(|| None::<bool>);
    let chosen = use_context::<FiltersPanel>().map_or(local, |p| p.0);
    let expanded = use_state(Vec::<Facet>::new);
    // What the reader typed into each expanded facet's filter box.
    let narrowed = use_state(Vec::<(Facet, String)>::new);
    let state = &props.state;
    let active = Facet::ALL.iter().map(|f| state.selected(*f).len()).sum::<usize>()
        + usize::from(state.from.is_some())
        + usize::from(state.to.is_some())
        + usize::from(state.unread)
        + usize::from(state.saved);
    let open = (*chosen).unwrap_or(active > 0);

    let on_sort = {
        let state = state.clone();
        let on_change = props.on_change.clone();
        Callback::from(move |e: Event| {
            let key = e.target_unchecked_into::<HtmlSelectElement>().value();
            on_change.emit(ListState { sort: Sort::from_key(&key), page: None, ..state.clone() });
        })
    };
    // The sorts that can order this list (relevance: by a query; by date, by views: when articles have them), and
    // the one in force whatever it is (a link may ask for any).
    let offered = |o: Sort| match o {
        Sort::Collection => true,
        Sort::Relevance => !state.q.trim().is_empty(),
        Sort::Newest | Sort::Oldest => props.has_dates,
        Sort::Views => props.has_views,
    };
    let sort_options: Vec<Sort> = Sort::ALL.into_iter().filter(|o| offered(*o) || props.listing.sort == *o).collect();

    let facet = |f: Facet, values: &Vec<FacetValue>| -> Html {
        if values.is_empty() {
            return Html::default();
        }
        let all = expanded.contains(&f);
        // The filter box is there once all values are asked for.
        let filter = match all {
            true => narrowed.iter().find(|(x, _)| *x == f).map_or("", |(_, t)| t.as_str()),
            false => "",
        };
        // Selected values are always visible, even when they rank below the preview or the filter hides them.
        let (visible, hidden) = shown_facet_values(values, filter, if all { FACET_ALL_MAX } else { FACET_PREVIEW });
        let nothing = visible.is_empty();
        let on_filter = {
            let narrowed = narrowed.clone();
            Callback::from(move |text: String| {
                let mut next: Vec<(Facet, String)> = narrowed.iter().filter(|(x, _)| *x != f).cloned().collect();
                next.push((f, text));
                narrowed.set(next);
            })
        };
        let filter_label = fill(s.facet_filter, &[("facet", facet_label(f, s))]);
        let toggle_all = {
            let expanded = expanded.clone();
            Callback::from(move |_| {
                let mut next = (*expanded).clone();
                match next.iter().position(|x| *x == f) {
                    Some(i) => {
                        next.remove(i);
                    }
                    None => next.push(f),
                }
                expanded.set(next);
            })
        };
        html! {
            <fieldset class="facet" data-facet={f.key()}>
                <legend>{ facet_label(f, s) }</legend>
                if all {
                    <FacetFilter label={filter_label} value={filter.to_owned()} on_text={on_filter} />
                }
                <ul>
                    { for visible.into_iter().map(|v| {
                        let next = state.toggled(f, &v.label);
                        let on_change = props.on_change.clone();
                        let onchange = Callback::from(move |_: Event| on_change.emit(next.clone()));
                        html! {
                            <li>
                                <label class="facet-value">
                                    <input type="checkbox" checked={v.selected} {onchange} />
                                    <span class="facet-label" lang={(f == Facet::Language).then(|| v.label.clone())}>
                                        { shown_text(&conv, f.value_label(&v.label)) }
                                    </span>
                                    <span class="facet-count">{ format_exact(v.count as u64, lang) }</span>
                                </label>
                            </li>
                        }
                    }) }
                </ul>
                // A live region for as long as the box is there (one that appears with its text is often not
                // read out): what typing in the box leaves out is announced.
                if all {
                    <p class="facet-note" role="status">{
                        if hidden > 0 {
                            fill(s.facet_hidden, &[("count", &format_exact(hidden as u64, lang))])
                        } else if nothing {
                            s.facet_no_match.to_owned()
                        } else {
                            String::new()
                        }
                    }</p>
                }
                if values.len() > FACET_PREVIEW {
                    <button type="button" class="facet-more" onclick={toggle_all} aria-expanded={all.to_string()}>
                        { if all { s.show_fewer.to_owned() } else { fill(s.show_all, &[("count", &format_exact(values.len() as u64, lang))]) } }
                    </button>
                }
            </fieldset>
        }
    };

    let date_input = |id: &'static str, label: &'static str, value: Option<String>, is_from: bool| {
        let state = state.clone();
        let on_change = props.on_change.clone();
        let onchange = Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlInputElement>().value();
            let v = (!v.is_empty()).then_some(v);
            let mut next = ListState { page: None, ..state.clone() };
            if is_from {
                next.from = v
            } else {
                next.to = v
            }
            on_change.emit(next);
        });
        html! {
            <label class="date-field" for={id}>
                <span>{ label }</span>
                <input {id} type="date" value={value.unwrap_or_default()} {onchange} />
            </label>
        }
    };

    // "Unread only": offered once the reader has read to its end one of the articles the list would show (or
    // when it is on), with how many it leaves.
    // "Saved only": offered once the reader has saved one of the articles the list would show (or when it is on),
    // with how many it leaves.
    let only = |class: &'static str, on: bool, next: ListState, label: &'static str, count: usize, offered: bool| {
        let on_change = props.on_change.clone();
        let onchange = Callback::from(move |_: Event| on_change.emit(next.clone()));
        (on || offered).then(|| {
            html! {
                <label class={classes!("facet-value", class)}>
                    <input type="checkbox" checked={on} {onchange} />
                    <span class="facet-label">{ label }</span>
                    <span class="facet-count">{ format_exact(count as u64, lang) }</span>
                </label>
            }
        })
    };
    let (listing, found) = (&props.listing, props.listing.results.len());
    let unread = only(
        "unread-only",
        state.unread,
        ListState { unread: !state.unread, page: None, ..state.clone() },
        s.unread_only,
        listing.unread,
        listing.unread < found,
    );
    let saved = only(
        "saved-only",
        state.saved,
        ListState { saved: !state.saved, page: None, ..state.clone() },
        s.saved_only,
        listing.saved,
        listing.saved > 0,
    );
    let on_clear = {
        let state = state.clone();
        let on_change = props.on_change.clone();
        Callback::from(move |_| on_change.emit(state.cleared()))
    };
    // Also fired when a render sets `open`: only a change the reader made is recorded.
    let on_toggle = Callback::from(move |e: Event| {
        let now = e.target_unchecked_into::<web_sys::HtmlDetailsElement>().open();
        if now != open {
            chosen.set(Some(now));
        }
    });
    html! {
        <details class="filters" {open} ontoggle={on_toggle}>
            <summary>
                { s.filters }
                if active > 0 { <span class="filters-active">{ fill(s.filters_active, &[("count", &lang.number(active))]) }</span> }
            </summary>
            if open {
            <div class="filter-groups">
                // (One way to order the list is no choice: then there is nothing to pick.)
                if sort_options.len() > 1 {
                <div class="sort-field">
                    <label for="sort-select">{ s.sort_label }</label>
                    <select id="sort-select" onchange={on_sort}>
                        { for sort_options.into_iter().map(|o| html! {
                            <option value={o.key()} selected={o == props.listing.sort}>{ sort_label(o, s) }</option>
                        }) }
                    </select>
                </div>
                }
                { for unread }
                { for saved }
                { for props.listing.facets.iter().map(|(f, values)| facet(*f, values)) }
                if props.has_dates || state.from.is_some() || state.to.is_some() {
                    <fieldset class="facet facet-date">
                        <legend>{ s.date_range }</legend>
                        { date_input("date-from", s.date_from, state.from.clone(), true) }
                        { date_input("date-to", s.date_to, state.to.clone(), false) }
                    </fieldset>
                }
                if state.is_filtered() {
                    <button type="button" class="clear-filters" onclick={on_clear}>{ s.clear_filters }</button>
                }
            </div>
            }
        </details>
    }
}

#[derive(Properties, PartialEq)]
struct FacetFilterProps {
    label: AttrValue,
    value: AttrValue,
    /// The box's text as typed (not while an input method composes: the values stay as they were until the word
    /// is committed).
    on_text: Callback<String>,
}

/// The box that narrows an expanded facet's values.
#[function_component(FacetFilter)]
fn facet_filter(props: &FacetFilterProps) -> Html {
    let field = use_node_ref();
    let oninput = use_typed_text(&field, props.on_text.clone(), Callback::noop());
    html! {
        <input ref={field} type="search" class="facet-filter" aria-label={props.label.clone()}
            placeholder={props.label.clone()} value={props.value.clone()} {oninput} />
    }
}
