use crate::ui::strings::Strings;
use yew::prelude::*;

/// A readable error (role="alert"): `title`, what failed (`detail`) and a retry button that calls `on_retry`.
pub fn error_panel(s: &Strings, title: &str, detail: String, on_retry: &Callback<()>) -> Html {
    let on_click = on_retry.reform(|_: MouseEvent| ());
    html! {
        <div class="error-panel" role="alert">
            <h1 class="error-title page-title" tabindex="-1">{ title }</h1>
            <p class="error-detail">{ detail }</p>
            <button type="button" class="retry" onclick={on_click}>{ s.retry }</button>
        </div>
    }
}
