use crate::ui::app::use_prefs;
use crate::ui::effect::use_effect_on;
use crate::ui::route::{Route, RouteLink};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct NotFoundProps {
    /// An article's address whose id is not in the set (else an address that is no page of the viewer's).
    #[prop_or_default]
    pub article: bool,
}

/// Shown for an unknown route or article id.
#[function_component(NotFound)]
pub fn not_found(props: &NotFoundProps) -> Html {
    let s = use_prefs().strings();
    let (title, text) = if props.article {
        (s.not_found_title, s.not_found_text)
    } else {
        (s.page_not_found_title, s.page_not_found_text)
    };
    use_effect_on(title, move |title| super::set_document_title(Some(title), s.app_name));
    html! {
        <section class="not-found">
            <h1 class="page-title" tabindex="-1">{ title }</h1>
            <p>{ text }</p>
            <p><RouteLink to={Route::List}>{ s.back_to_list }</RouteLink></p>
        </section>
    }
}
