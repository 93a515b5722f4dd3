//! The interface's words: one table per language. A table is a `Strings` value, so the compiler checks that
//! every language has every key; `tests` checks that none is left empty.

use crate::domain::format::UiLang;

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
    /// "{count} views".
    pub views: &'static str,
    pub source: &'static str,
    pub category: &'static str,
    /// "By {authors}".
    pub authors: &'static str,
    /// Between two author names.
    pub list_separator: &'static str,
    pub editor: &'static str,
    pub original_link: &'static str,
    pub skipped_summary: &'static str,
    pub warnings_summary: &'static str,
    pub crashed: &'static str,
    pub skip_to_content: &'static str,
    pub language: &'static str,
    pub theme: &'static str,
    pub theme_auto: &'static str,
    pub theme_light: &'static str,
    pub theme_dark: &'static str,
    pub pagination: &'static str,
    pub previous_page: &'static str,
    pub next_page: &'static str,
    /// "Page {page} of {pages}".
    pub page_of: &'static str,
    /// "{count} articles".
    pub article_count: &'static str,
    /// For exactly one article.
    pub article_count_one: &'static str,
    pub previous_article: &'static str,
    pub next_article: &'static str,
    pub article_navigation: &'static str,
    pub settings: &'static str,
    /// "{received} of {total} received".
    pub received_of: &'static str,
    /// "{received} received".
    pub received: &'static str,
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
    views: "{count} views",
    source: "Source",
    category: "Category",
    authors: "By {authors}",
    list_separator: ", ",
    editor: "Editor",
    original_link: "Read the original",
    skipped_summary: "records were skipped because they are invalid",
    warnings_summary: "values were dropped from shown articles",
    crashed: "The viewer stopped because of an internal error. Reload the page to try again.",
    skip_to_content: "Skip to content",
    language: "Language",
    theme: "Theme",
    theme_auto: "System",
    theme_light: "Light",
    theme_dark: "Dark",
    pagination: "Pages",
    previous_page: "← Previous",
    next_page: "Next →",
    page_of: "Page {page} of {pages}",
    article_count: "{count} articles",
    article_count_one: "1 article",
    previous_article: "Previous article",
    next_article: "Next article",
    article_navigation: "More articles",
    settings: "Settings",
    received_of: "{received} of {total} received",
    received: "{received} received",
};

pub const ZH_HANT: Strings = Strings {
    app_name: "文章閱讀器",
    default_collection_title: "文章",
    loading: "正在載入文章…",
    load_failed: "無法載入文章",
    retry: "重試",
    back_to_list: "← 所有文章",
    not_found_title: "找不到文章",
    not_found_text: "這個網址沒有文章。文章可能已被移除，或連結有誤。",
    no_articles: "這個文集還沒有文章。",
    views: "{count}次瀏覽",
    source: "來源",
    category: "分類",
    authors: "作者: {authors}",
    list_separator: "、",
    editor: "責任編輯",
    original_link: "閱讀原文",
    skipped_summary: "筆記錄因格式無效而略過",
    warnings_summary: "個值已從顯示的文章中移除",
    crashed: "閱讀器因內部錯誤而停止。請重新載入頁面。",
    skip_to_content: "跳到內容",
    language: "語言",
    theme: "主題",
    theme_auto: "跟隨系統",
    theme_light: "淺色",
    theme_dark: "深色",
    pagination: "分頁",
    previous_page: "← 上一頁",
    next_page: "下一頁 →",
    page_of: "第 {page} 頁，共 {pages} 頁",
    article_count: "共 {count} 篇文章",
    article_count_one: "共 1 篇文章",
    previous_article: "上一篇",
    next_article: "下一篇",
    article_navigation: "更多文章",
    settings: "設定",
    received_of: "已接收 {received}，共 {total}",
    received: "已接收 {received}",
};

pub const ZH_HANS: Strings = Strings {
    app_name: "文章阅读器",
    default_collection_title: "文章",
    loading: "正在加载文章…",
    load_failed: "无法加载文章",
    retry: "重试",
    back_to_list: "← 所有文章",
    not_found_title: "找不到文章",
    not_found_text: "这个网址没有文章。文章可能已被删除，或链接有误。",
    no_articles: "这个文集还没有文章。",
    views: "{count}次浏览",
    source: "来源",
    category: "分类",
    authors: "作者: {authors}",
    list_separator: "、",
    editor: "责任编辑",
    original_link: "阅读原文",
    skipped_summary: "条记录因格式无效而略过",
    warnings_summary: "个值已从显示的文章中删除",
    crashed: "阅读器因内部错误而停止。请重新加载页面。",
    skip_to_content: "跳到内容",
    language: "语言",
    theme: "主题",
    theme_auto: "跟随系统",
    theme_light: "浅色",
    theme_dark: "深色",
    pagination: "分页",
    previous_page: "← 上一页",
    next_page: "下一页 →",
    page_of: "第 {page} 页，共 {pages} 页",
    article_count: "共 {count} 篇文章",
    article_count_one: "共 1 篇文章",
    previous_article: "上一篇",
    next_article: "下一篇",
    article_navigation: "更多文章",
    settings: "设置",
    received_of: "已接收 {received}，共 {total}",
    received: "已接收 {received}",
};

/// The table for `lang`.
pub fn strings_for(lang: UiLang) -> &'static Strings {
    match lang {
        UiLang::ZhHant => &ZH_HANT,
        UiLang::ZhHans => &ZH_HANS,
        UiLang::En => &EN,
    }
}

/// Fills `{name}` placeholders.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    args.iter().fold(template.to_owned(), |s, (k, v)| s.replace(&format!("{{{k}}}"), v))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(s: &Strings) -> Vec<&'static str> {
        vec![
            s.app_name,
            s.default_collection_title,
            s.loading,
            s.load_failed,
            s.retry,
            s.back_to_list,
            s.not_found_title,
            s.not_found_text,
            s.no_articles,
            s.views,
            s.source,
            s.category,
            s.authors,
            s.list_separator,
            s.editor,
            s.original_link,
            s.skipped_summary,
            s.warnings_summary,
            s.crashed,
            s.skip_to_content,
            s.language,
            s.theme,
            s.theme_auto,
            s.theme_light,
            s.theme_dark,
            s.pagination,
            s.previous_page,
            s.next_page,
            s.page_of,
            s.article_count,
            s.previous_article,
            s.next_article,
            s.article_navigation,
            s.settings,
        ]
    }

    #[test]
    fn every_language_has_every_string_and_the_same_placeholders() {
        let en = all(&EN);
        for lang in UiLang::ALL {
            let table = all(strings_for(lang));
            assert_eq!(table.len(), en.len());
            for (s, e) in table.iter().zip(&en) {
                assert!(!s.trim().is_empty(), "{lang:?} has an empty string");
                for ph in ["{page}", "{pages}", "{count}", "{received}", "{total}", "{authors}"] {
                    assert_eq!(s.contains(ph), e.contains(ph), "{lang:?}: {s:?} vs {e:?}");
                }
            }
        }
        assert_eq!(fill(EN.page_of, &[("page", "2"), ("pages", "9")]), "Page 2 of 9");
    }
}
