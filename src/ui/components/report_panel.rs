use crate::domain::RecordIssue;
use crate::ui::app::use_prefs;
use crate::ui::Catalog;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ReportPanelProps {
    /// The loaded set whose report is shown (shared, compared by identity: no copy per render).
    pub catalog: Catalog,
}

/// Says what the loader skipped or dropped, each with why (shown only when there is something to say).
#[function_component(ReportPanel)]
pub fn report_panel(props: &ReportPanelProps) -> Html {
    let s = use_prefs().strings();
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
            { section(&props.catalog.skipped, "report-skipped", s.skipped_summary) }
            { section(&props.catalog.warnings, "report-warnings", s.warnings_summary) }
        </>
    }
}
