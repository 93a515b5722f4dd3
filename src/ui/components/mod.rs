pub mod article_card;
pub mod error_panel;
pub mod meta_line;
pub mod report_panel;
