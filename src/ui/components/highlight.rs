use crate::domain::search::{highlight, linked_pieces, Piece};
use crate::domain::Link;
use std::ops::Range;
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

/// `text` with the links `placed` in it (their byte ranges and indices in `links`: see [`Link::ranges`]) and the
/// `terms` marked: each link one `<a>` (opening in a new tab, as the link to the original does), the matches
/// marked inside it.
pub fn marked_linked(text: &str, links: &[Link], placed: &[(Range<usize>, usize)], terms: &[String]) -> Html {
    if placed.is_empty() {
        return marked(text, terms);
    }
    linked_pieces(text, placed, terms)
        .into_iter()
        .map(|(link, parts)| {
            let inner =
                pieces_html(parts.into_iter().map(|(r, marked)| Piece { text: text[r].to_owned(), marked }).collect());
            match link.and_then(|i| links.get(i)) {
                Some(l) => html! { <a href={l.href.clone()} target="_blank" rel="noopener noreferrer">{ inner }</a> },
                None => inner,
            }
        })
        .collect()
}
