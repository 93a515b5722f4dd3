use crate::ui::app::use_prefs;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ErrorPanelProps {
    pub title: AttrValue,
    pub detail: AttrValue,
    pub on_retry: Callback<()>,
}

/// A readable error (role="alert") with what failed and a retry button.
#[function_component(ErrorPanel)]
pub fn error_panel(props: &ErrorPanelProps) -> Html {
    let s = use_prefs().strings();
    let on_click = props.on_retry.reform(|_: MouseEvent| ());
    html! {
        <div class="error-panel" role="alert">
            <h1 class="error-title page-title" tabindex="-1">{ props.title.clone() }</h1>
            <p class="error-detail">{ props.detail.clone() }</p>
            <button type="button" class="retry" onclick={on_click}>{ s.retry }</button>
        </div>
    }
}
