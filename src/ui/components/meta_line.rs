use crate::domain::Article;
use crate::ui::strings::strings;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct MetaLineProps {
    pub article: Article,
    /// Also show the editor (on the article page).
    #[prop_or(false)]
    pub with_editor: bool,
}

/// Date, views, source, category and authors of an article; absent parts are left out.
#[function_component(MetaLine)]
pub fn meta_line(props: &MetaLineProps) -> Html {
    let a = &props.article;
    let s = strings();
    let mut items: Vec<Html> = Vec::new();
    if let Some(p) = &a.published {
        items.push(
            html! { <li class="meta-date"><time datetime={p.as_str().to_owned()}>{ p.display_local() }</time></li> },
        );
    }
    if let Some(v) = a.views {
        items.push(html! { <li class="meta-views">{ format!("{} {}", v.get(), s.views) }</li> });
    }
    if let Some(src) = &a.source {
        items.push(html! { <li class="meta-source">{ format!("{}: ", s.source) }<span>{ src }</span></li> });
    }
    if let Some(c) = &a.category {
        items.push(html! { <li class="meta-category">{ format!("{}: ", s.category) }<span>{ c }</span></li> });
    }
    if !a.authors.is_empty() {
        items.push(
            html! { <li class="meta-authors">{ format!("{} ", s.authors) }<span>{ a.authors.join(", ") }</span></li> },
        );
    }
    if props.with_editor {
        if let Some(e) = &a.editor {
            items.push(html! { <li class="meta-editor">{ format!("{}: ", s.editor) }<span>{ e }</span></li> });
        }
    }
    if items.is_empty() {
        return Html::default();
    }
    html! { <ul class="meta">{ for items }</ul> }
}
