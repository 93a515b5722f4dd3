pub mod article_card;
pub mod error_panel;
pub mod meta_line;
pub mod pagination;
pub mod report_panel;
pub mod settings;
