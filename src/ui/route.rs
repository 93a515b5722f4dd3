//! Hash routes, so that any static host serves deep links without rewrite rules.

use serde::{Deserialize, Serialize};
use yew_router::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, Routable)]
pub enum Route {
    #[at("/")]
    List,
    #[at("/article/:id")]
    Article { id: String },
    #[not_found]
    #[at("/not-found")]
    NotFound,
}

/// The list's state in the URL: `#/?page=2`. Page 1 is written as no query at all.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListQuery {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<usize>,
}

impl ListQuery {
    /// The 1-based page, clamped to 1 ..= `pages`.
    pub fn page(&self, pages: usize) -> usize {
        self.page.unwrap_or(1).clamp(1, pages.max(1))
    }

    pub fn for_page(page: usize) -> Self {
        Self { page: (page > 1).then_some(page) }
    }
}
