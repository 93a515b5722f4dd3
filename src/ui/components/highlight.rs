use crate::domain::article::Style;
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

/// `text` with the links and styled words `placed` in it (their byte ranges and indices in `links`: see
/// [`Link::ranges`]) and the `terms` marked: each link one `<a>` (opening in a new tab, as the link to the original
/// does; a link to a place in the article, `#anchor`, to the article's address `here` makes for it, its anchor in
/// `data-at` for the article to follow in the viewer), each match one `<mark>` inside it, styled words in
/// `<strong>`, `<em>`, `<code>`, `<del>` inside that.
pub fn marked_linked(
    text: &str,
    links: &[Link],
    placed: &[(Range<usize>, usize)],
    terms: &[String],
    here: &dyn Fn(&str) -> String,
) -> Html {
    if placed.is_empty() {
        return marked(text, terms);
    }
    linked_pieces(text, placed, links, terms)
        .into_iter()
        .map(|(link, parts)| {
            // Marked pieces side by side in one `<mark>`.
            let mut inner = Vec::new();
            for run in parts.chunk_by(|a, b| a.2 == b.2) {
                let words: Html = run.iter().map(|(r, style, _)| styled(text[r.clone()].to_owned(), *style)).collect();
                inner.push(if run[0].2 {
                    html! { <mark>{ words }</mark> }
                } else {
                    words
                });
            }
            match link.and_then(|i| links.get(i)) {
                Some(l) => match l.href.strip_prefix('#') {
                    Some(at) => html! { <a href={here(at)} data-at={at.to_owned()}>{ for inner }</a> },
                    None => {
                        html! { <a href={l.href.clone()} target="_blank" rel="noopener noreferrer">{ for inner }</a> }
                    }
                },
                None => inner.into_iter().collect(),
            }
        })
        .collect()
}

/// `text` in the elements of `style` (none: a text node).
fn styled(text: String, style: Style) -> Html {
    let mut out = html! { { text } };
    for (name, s) in Style::NAMES.into_iter().rev() {
        if style.has(s) {
            out = html! { <@{name}>{ out }</@> };
        }
    }
    out
}
