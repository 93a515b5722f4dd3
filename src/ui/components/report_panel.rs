use crate::domain::RecordIssue;
use crate::ui::strings::Strings;
use crate::ui::Catalog;
use yew::prelude::*;

/// Says what the loader skipped or dropped from `catalog`, each with why (shown only when there is something to
/// say).
pub fn report_panel(catalog: &Catalog, s: &Strings) -> Html {
    let section = |issues: &[RecordIssue], class: &'static str, summary: &str| -> Html {
        if issues.is_empty() {
            return Html::default();
        }
        html! {
            <details class={classes!("report", class)}>
                <summary>{ format!("{} {}", issues.len(), summary) }</summary>
                <ul lang="en">{ for issues.iter().map(|i| html! { <li>{ i.to_string() }</li> }) }</ul>
            </details>
        }
    };
    html! {
        <>
            { section(&catalog.skipped, "report-skipped", s.skipped_summary) }
            { section(&catalog.warnings, "report-warnings", s.warnings_summary) }
        </>
    }
}
