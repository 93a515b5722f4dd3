use crate::ui::app::use_prefs;
use crate::ui::effect::use_effect_on;
use crate::ui::route::{Route, RouteLink};
use yew::prelude::*;

/// Shown for an unknown route or article id.
#[function_component(NotFound)]
pub fn not_found() -> Html {
    let s = use_prefs().strings();
    use_effect_on(s.not_found_title, move |title| super::set_document_title(Some(title), s.app_name));
    html! {
        <section class="not-found">
            <h1 class="page-title" tabindex="-1">{ s.not_found_title }</h1>
            <p>{ s.not_found_text }</p>
            <p><RouteLink to={Route::List}>{ s.back_to_list }</RouteLink></p>
        </section>
    }
}
