use crate::domain::search::{highlight, Piece};
use yew::prelude::*;

/// Pieces of text, the matched ones in `<mark>`: text nodes only.
pub fn pieces_html(pieces: Vec<Piece>) -> Html {
    pieces
        .into_iter()
        .map(|p| {
            if p.marked {
                html! { <mark>{ p.text }</mark> }
            } else {
                html! { { p.text } }
            }
        })
        .collect()
}

/// `text` with every occurrence of the (folded) `terms` marked.
pub fn marked(text: &str, terms: &[String]) -> Html {
    if terms.is_empty() {
        return html! { { text.to_owned() } };
    }
    pieces_html(highlight(text, terms))
}
