use crate::domain::format::UiLang;
use crate::domain::RecordIssue;
use crate::ui::strings::{fill, Strings};
use crate::ui::Catalog;
use yew::prelude::*;

/// Says what the loader skipped or dropped from `catalog`, each with why (shown only when there is something to
/// say).
pub fn report_panel(catalog: &Catalog, s: &Strings, lang: UiLang) -> Html {
    let section = |issues: &[RecordIssue], class: &'static str, many: &str, one: &str| -> Html {
        let summary = match issues.len() {
            0 => return Html::default(),
            1 => one.to_owned(),
            n => fill(many, &[("count", &lang.number(n))]),
        };
        html! {
            <details class={classes!("report", class)}>
                <summary>{ summary }</summary>
                <ul lang="en">{ for issues.iter().map(|i| html! { <li>{ i.to_string() }</li> }) }</ul>
            </details>
        }
    };
    html! {
        <>
            { section(&catalog.skipped, "report-skipped", s.skipped_summary, s.skipped_summary_one) }
            { section(&catalog.warnings, "report-warnings", s.warnings_summary, s.warnings_summary_one) }
        </>
    }
}
