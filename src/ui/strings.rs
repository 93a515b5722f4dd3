//! The interface's words, in one table (English for now; more languages add tables of the same shape).

pub struct Strings {
    pub app_name: &'static str,
    pub default_collection_title: &'static str,
    pub loading: &'static str,
    pub load_failed: &'static str,
    pub retry: &'static str,
    pub back_to_list: &'static str,
    pub not_found_title: &'static str,
    pub not_found_text: &'static str,
    pub no_articles: &'static str,
    pub views: &'static str,
    pub source: &'static str,
    pub category: &'static str,
    pub authors: &'static str,
    pub editor: &'static str,
    pub original_link: &'static str,
    pub skipped_summary: &'static str,
    pub warnings_summary: &'static str,
    pub crashed: &'static str,
}

pub const EN: Strings = Strings {
    app_name: "Article viewer",
    default_collection_title: "Articles",
    loading: "Loading articles…",
    load_failed: "The articles could not be loaded",
    retry: "Try again",
    back_to_list: "← All articles",
    not_found_title: "Article not found",
    not_found_text: "There is no article at this address. It may have been removed, or the link may be mistyped.",
    no_articles: "This collection has no articles.",
    views: "views",
    source: "Source",
    category: "Category",
    authors: "By",
    editor: "Editor",
    original_link: "Read the original",
    skipped_summary: "records were skipped because they are invalid",
    warnings_summary: "values were dropped from shown articles",
    crashed: "The viewer stopped because of an internal error. Reload the page to try again.",
};

/// The strings in use.
pub fn strings() -> &'static Strings {
    &EN
}
