//! The interface's words: one table per language. English and Chinese are `Strings` values compiled in, so the
//! compiler checks that they have every key; the other languages' are catalogs (`static/i18n/<tag>.json`), read
//! into a table when the viewer fetches one ([`add_catalog`]) — `tests` checks that every shipped catalog has
//! every key and no other, that none is left empty, and that each keeps English's `{placeholders}`.

use crate::domain::format::UiLang;

#[derive(Clone, Copy)]
pub struct Strings {
    pub app_name: &'static str,
    pub default_collection_title: &'static str,
    pub loading: &'static str,
    pub load_failed: &'static str,
    pub retry: &'static str,
    /// The articles are the copy the service worker kept, the network having failed: "… kept on {date}".
    pub offline_copy: &'static str,
    /// The same, when the copy does not say when it was kept.
    pub offline_copy_undated: &'static str,
    pub back_to_list: &'static str,
    /// The same link, when that list was narrowed (a search, a filter): back to what it found.
    pub back_to_results: &'static str,
    /// The list of an article's headings.
    pub contents: &'static str,
    /// An article id that is not in the set.
    pub not_found_title: &'static str,
    pub not_found_text: &'static str,
    /// An address that is no page of the viewer's.
    pub page_not_found_title: &'static str,
    pub page_not_found_text: &'static str,
    pub no_articles: &'static str,
    /// "{count} views".
    pub views: &'static str,
    pub views_one: &'static str,
    /// "{count} min read" (shown from 2 minutes).
    pub reading_time: &'static str,
    pub source: &'static str,
    pub category: &'static str,
    /// "By {authors}".
    pub authors: &'static str,
    /// Between two author names.
    pub list_separator: &'static str,
    /// Between a label and its value ("Source: …", 來源：…): Chinese sets its colon full-width, without a space.
    pub label_separator: &'static str,
    pub editor: &'static str,
    pub original_link: &'static str,
    pub skipped_summary: &'static str,
    pub skipped_summary_one: &'static str,
    pub warnings_summary: &'static str,
    pub warnings_summary_one: &'static str,
    pub crashed: &'static str,
    /// Without JavaScript (a prerendered page's notice): what the viewer needs it for.
    pub needs_javascript: &'static str,
    pub skip_to_content: &'static str,
    pub language: &'static str,
    pub theme: &'static str,
    pub theme_auto: &'static str,
    pub theme_light: &'static str,
    pub theme_dark: &'static str,
    /// The text size setting and its four sizes.
    pub text_size: &'static str,
    pub text_small: &'static str,
    pub text_standard: &'static str,
    pub text_large: &'static str,
    pub text_larger: &'static str,
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
    /// The heading of the articles related to the one shown.
    pub related_articles: &'static str,
    /// "Continue reading ({percent}%)": back to where the reader left an article.
    pub continue_reading: &'static str,
    pub share: &'static str,
    pub share_copied: &'static str,
    pub share_failed: &'static str,
    pub enlarge_image: &'static str,
    /// A note's back link (↩), to where the text refers to it.
    pub back_to_text: &'static str,
    /// On a result card: before the links to the sections of the article that have matches.
    pub in_sections: &'static str,
    pub unread_only: &'static str,
    /// The article page's button that saves it to read later, and the card's label of one saved; "saved only".
    pub save_for_later: &'static str,
    pub saved: &'static str,
    pub saved_only: &'static str,
    /// The header's link to the saved articles: "Saved ({count})".
    pub saved_link: &'static str,
    /// On a card: the reader has read the article to its end (in this browser).
    pub read_done: &'static str,
    /// On a card: "{percent}% read", where the reader left it.
    pub read_percent: &'static str,
    /// In the Settings menu: forget what the reader has read (the cards' labels, the places to continue from).
    pub forget_reading: &'static str,
    pub forget_saved: &'static str,
    /// The bar that steps through an article's marked matches.
    pub matches: &'static str,
    /// "{count} matches".
    pub match_count: &'static str,
    /// For exactly one match.
    pub match_count_one: &'static str,
    /// "Match {n} of {count}".
    pub match_of: &'static str,
    pub previous_match: &'static str,
    pub next_match: &'static str,
    pub settings: &'static str,
    /// "{received} of {total} received".
    pub received_of: &'static str,
    /// "{received} received".
    pub received: &'static str,
    pub search_label: &'static str,
    pub search_placeholder: &'static str,
    /// (A word joiner, U+2060, keeps `-` with the word it excludes when the line wraps.)
    pub search_hint: &'static str,
    pub filters: &'static str,
    pub filters_active: &'static str,
    pub author_facet: &'static str,
    pub tag_facet: &'static str,
    pub date_range: &'static str,
    pub date_from: &'static str,
    pub date_to: &'static str,
    pub sort_label: &'static str,
    pub sort_collection: &'static str,
    pub sort_relevance: &'static str,
    pub sort_newest: &'static str,
    pub sort_oldest: &'static str,
    pub sort_views: &'static str,
    pub clear_filters: &'static str,
    pub result_count: &'static str,
    /// For exactly one match ("1 article of {total} matches": right for a total of 1 too).
    pub result_count_one: &'static str,
    pub no_results: &'static str,
    /// After "no results", a corrected query (`{query}`, a link).
    pub did_you_mean: &'static str,
    pub show_all: &'static str,
    pub show_fewer: &'static str,
    /// "Filter {facet} values": the box that narrows a facet's values once all are shown.
    pub facet_filter: &'static str,
    /// "{count} more: type to narrow the list".
    pub facet_hidden: &'static str,
    pub facet_no_match: &'static str,
    pub script: &'static str,
    pub script_original: &'static str,
    pub script_loading: &'static str,
    pub script_failed: &'static str,
    /// The interface language chosen could not be loaded (its catalog): "… {language} … ({error})".
    pub language_failed: &'static str,
    /// Why the set could not be loaded, for the reader (the set's own faults stay in English, for its owner).
    pub error_not_found: &'static str,
    pub error_http: &'static str,
    pub error_wrong_type: &'static str,
    pub error_offline: &'static str,
    pub error_network: &'static str,
    pub error_stalled: &'static str,
    pub error_interrupted: &'static str,
    pub search_key_hint: &'static str,
    /// The list of keyboard shortcuts (`?`): its title, what each key does, and its button.
    pub shortcuts_title: &'static str,
    pub key_search: &'static str,
    pub key_escape: &'static str,
    pub key_matches: &'static str,
    pub key_articles: &'static str,
    pub key_save: &'static str,
    pub key_help: &'static str,
    pub close: &'static str,
    /// How dates are written (see `domain::format::DateWords`): the day's pattern (`{y}`, `{month}`, `{d}`), the
    /// months' names (`|` between them), and a day with its time (`{date}`, `{time}`).
    pub date_format: &'static str,
    pub months: &'static str,
    pub date_time: &'static str,
}

/// Every key of [`Strings`] (a test checks that every field is named).
macro_rules! keys {
    ($($key:ident),* $(,)?) => {
        impl Strings {
            /// The keys, as a catalog names them.
            pub const KEYS: &'static [&'static str] = &[$(stringify!($key)),*];

            /// The texts, in the order of [`Strings::KEYS`].
            #[cfg(test)]
            pub fn texts(&self) -> Vec<&'static str> {
                vec![$(self.$key),*]
            }

            /// The text of the `i`th key of [`Strings::KEYS`]. (Filling a table by key through this rather than
            /// naming each field: the wasm is ~8 KB smaller.)
            fn text_mut(&mut self, i: usize) -> Option<&mut &'static str> {
                let mut i = i;
                $(
                    if i == 0 {
                        return Some(&mut self.$key);
                    }
                    i -= 1;
                )*
                let _ = i;
                None
            }
        }
    };
}

impl Strings {
    /// How this language writes dates, for `domain::format::format_published`.
    pub fn date_words(&self) -> crate::domain::format::DateWords<'static> {
        crate::domain::format::DateWords { date: self.date_format, months: self.months, date_time: self.date_time }
    }

    /// `fallback` with the texts `text` gives by key.
    pub fn from_lookup(fallback: &Strings, text: &dyn Fn(&str) -> Option<&'static str>) -> Strings {
        let mut table = *fallback;
        for (i, key) in Strings::KEYS.iter().enumerate() {
            if let (Some(t), Some(slot)) = (text(key), table.text_mut(i)) {
                *slot = t;
            }
        }
        table
    }
}

keys!(
    app_name,
    default_collection_title,
    loading,
    load_failed,
    retry,
    offline_copy,
    offline_copy_undated,
    back_to_list,
    back_to_results,
    contents,
    not_found_title,
    not_found_text,
    page_not_found_title,
    page_not_found_text,
    no_articles,
    views,
    views_one,
    reading_time,
    source,
    category,
    authors,
    list_separator,
    label_separator,
    editor,
    original_link,
    skipped_summary,
    skipped_summary_one,
    warnings_summary,
    warnings_summary_one,
    crashed,
    needs_javascript,
    skip_to_content,
    language,
    theme,
    theme_auto,
    theme_light,
    theme_dark,
    text_size,
    text_small,
    text_standard,
    text_large,
    text_larger,
    pagination,
    previous_page,
    next_page,
    page_of,
    article_count,
    article_count_one,
    previous_article,
    next_article,
    article_navigation,
    related_articles,
    continue_reading,
    share,
    share_copied,
    share_failed,
    enlarge_image,
    back_to_text,
    in_sections,
    unread_only,
    save_for_later,
    saved,
    saved_only,
    saved_link,
    read_done,
    read_percent,
    forget_reading,
    forget_saved,
    matches,
    match_count,
    match_count_one,
    match_of,
    previous_match,
    next_match,
    settings,
    received_of,
    received,
    search_label,
    search_placeholder,
    search_hint,
    filters,
    filters_active,
    author_facet,
    tag_facet,
    date_range,
    date_from,
    date_to,
    sort_label,
    sort_collection,
    sort_relevance,
    sort_newest,
    sort_oldest,
    sort_views,
    clear_filters,
    result_count,
    result_count_one,
    no_results,
    did_you_mean,
    show_all,
    show_fewer,
    facet_filter,
    facet_hidden,
    facet_no_match,
    script,
    script_original,
    script_loading,
    script_failed,
    language_failed,
    error_not_found,
    error_http,
    error_wrong_type,
    error_offline,
    error_network,
    error_stalled,
    error_interrupted,
    search_key_hint,
    shortcuts_title,
    key_search,
    key_escape,
    key_matches,
    key_articles,
    key_save,
    key_help,
    close,
    date_format,
    months,
    date_time,
);

pub const EN: Strings = Strings {
    app_name: "Article viewer",
    default_collection_title: "Articles",
    loading: "Loading articles…",
    load_failed: "The articles could not be loaded",
    retry: "Try again",
    offline_copy: "The server cannot be reached: these are the articles as this browser kept them on {date}.",
    offline_copy_undated: "The server cannot be reached: these are the articles as this browser last kept them.",
    back_to_list: "← All articles",
    back_to_results: "← Back to results",
    contents: "Contents",
    not_found_title: "Article not found",
    not_found_text: "There is no article at this address. It may have been removed, or the link may be mistyped.",
    page_not_found_title: "Page not found",
    page_not_found_text: "This address is not a page of this collection. The link may be mistyped.",
    no_articles: "This collection has no articles.",
    views: "{count} views",
    views_one: "1 view",
    reading_time: "{count} min read",
    source: "Source",
    category: "Category",
    authors: "By {authors}",
    list_separator: ", ",
    label_separator: ": ",
    editor: "Editor",
    original_link: "Read the original",
    skipped_summary: "{count} records were skipped because they are invalid",
    skipped_summary_one: "1 record was skipped because it is invalid",
    warnings_summary: "{count} values were dropped from the articles shown",
    warnings_summary_one: "1 value was dropped from the articles shown",
    crashed: "The viewer stopped because of an internal error. Reload the page to try again.",
    needs_javascript:
        "This article viewer needs JavaScript and WebAssembly to search, filter and remember your settings.",
    skip_to_content: "Skip to content",
    language: "Language",
    theme: "Theme",
    theme_auto: "System",
    theme_light: "Light",
    theme_dark: "Dark",
    text_size: "Text size",
    text_small: "Small",
    text_standard: "Standard",
    text_large: "Large",
    text_larger: "Extra large",
    pagination: "Pages",
    previous_page: "← Previous",
    next_page: "Next →",
    page_of: "Page {page} of {pages}",
    article_count: "{count} articles",
    article_count_one: "1 article",
    previous_article: "Previous article",
    next_article: "Next article",
    article_navigation: "More articles",
    related_articles: "Related articles",
    continue_reading: "Continue reading ({percent}%)",
    share: "Share",
    share_copied: "Link copied",
    share_failed: "Could not copy the link: {url}",
    enlarge_image: "Enlarge the image",
    back_to_text: "Back to the text",
    in_sections: "In sections:",
    unread_only: "Unread only",
    save_for_later: "Save for later",
    saved: "Saved",
    saved_only: "Saved only",
    saved_link: "Saved ({count})",
    read_done: "Read",
    read_percent: "{percent}% read",
    forget_reading: "Forget what I have read",
    forget_saved: "Let go of every saved article",
    matches: "Matches in this article",
    match_count: "{count} matches",
    match_count_one: "1 match",
    match_of: "Match {n} of {count}",
    previous_match: "Previous match",
    next_match: "Next match",
    settings: "Settings",
    received_of: "{received} of {total} received",
    received: "{received} received",
    search_label: "Search articles",
    search_placeholder: "Search titles, authors, text…",
    search_hint: "Several words: all must occur. \"Exact phrase\", -\u{2060}exclude.",
    filters: "Filters",
    filters_active: "{count} active",
    author_facet: "Author",
    tag_facet: "Tag",
    date_range: "Date",
    date_from: "From",
    date_to: "To",
    sort_label: "Sort by",
    sort_collection: "Collection order",
    sort_relevance: "Relevance",
    sort_newest: "Newest first",
    sort_oldest: "Oldest first",
    sort_views: "Most viewed",
    clear_filters: "Clear search and filters",
    result_count: "{count} of {total} articles match",
    result_count_one: "1 article of {total} matches",
    no_results: "No articles match.",
    did_you_mean: "Did you mean {query}?",
    show_all: "Show all ({count})",
    show_fewer: "Show fewer",
    facet_filter: "Filter {facet} values",
    facet_hidden: "{count} more: type to narrow the list",
    facet_no_match: "No value matches.",
    script: "Characters",
    script_original: "As written",
    script_loading: "Loading the character tables…",
    script_failed: "The character tables could not be loaded ({error}). Choose the script again to retry.",
    language_failed: "The words for {language} could not be loaded ({error}). Choose it again to retry.",
    error_not_found: "{url} was not found on the server (HTTP 404)",
    error_http: "the server answered HTTP {status} for {url}",
    error_wrong_type:
        "{url} is not an article set: the server sent {type} (is the file missing and a page served instead?)",
    error_offline: "the browser is offline: connect to the network and try again",
    error_network: "the network request for {url} failed: {error}",
    error_stalled: "the server stopped sending {url} ({received} bytes received, nothing for {seconds} s)",
    error_interrupted: "the connection broke while {url} was downloading ({received} bytes received): {error}",
    search_key_hint: "Press / to search, ? for all shortcuts.",
    shortcuts_title: "Keyboard shortcuts",
    key_search: "Search",
    key_escape: "Clear the search; close a menu or this list",
    key_matches: "Next / previous match, in an article opened from a search",
    key_articles: "Next / previous article",
    key_save: "Save the article for later, or let it go",
    key_help: "These shortcuts",
    close: "Close",
    date_format: "{month} {d}, {y}",
    months: "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec",
    date_time: "{date}, {time}",
};

pub const ZH_HANT: Strings = Strings {
    app_name: "文章閱讀器",
    default_collection_title: "文章",
    loading: "正在載入文章…",
    load_failed: "無法載入文章",
    retry: "重試",
    offline_copy: "無法連線到伺服器：以下是本瀏覽器於 {date} 留存的文章。",
    offline_copy_undated: "無法連線到伺服器：以下是本瀏覽器上次留存的文章。",
    back_to_list: "← 所有文章",
    back_to_results: "← 返回結果",
    contents: "目錄",
    not_found_title: "找不到文章",
    not_found_text: "這個網址沒有文章。文章可能已被移除，或連結有誤。",
    page_not_found_title: "找不到頁面",
    page_not_found_text: "這個網址不是本文集的頁面。連結可能有誤。",
    no_articles: "這個文集還沒有文章。",
    views: "{count}次瀏覽",
    views_one: "1次瀏覽",
    reading_time: "約 {count} 分鐘讀完",
    source: "來源",
    category: "分類",
    authors: "作者：{authors}",
    list_separator: "、",
    label_separator: "：",
    editor: "責任編輯",
    original_link: "閱讀原文",
    skipped_summary: "{count} 筆記錄因格式無效而略過",
    skipped_summary_one: "1 筆記錄因格式無效而略過",
    warnings_summary: "{count} 個值已從顯示的文章中移除",
    warnings_summary_one: "1 個值已從顯示的文章中移除",
    crashed: "閱讀器因內部錯誤而停止。請重新載入頁面。",
    needs_javascript: "本文章閱讀器需要 JavaScript 與 WebAssembly 才能搜尋、篩選及記住您的設定。",
    skip_to_content: "跳到內容",
    language: "語言",
    theme: "主題",
    theme_auto: "跟隨系統",
    theme_light: "淺色",
    theme_dark: "深色",
    text_size: "字號",
    text_small: "小",
    text_standard: "標準",
    text_large: "大",
    text_larger: "特大",
    pagination: "分頁",
    previous_page: "← 上一頁",
    next_page: "下一頁 →",
    page_of: "第 {page} 頁，共 {pages} 頁",
    article_count: "共 {count} 篇文章",
    article_count_one: "共 1 篇文章",
    previous_article: "上一篇",
    next_article: "下一篇",
    article_navigation: "更多文章",
    related_articles: "相關文章",
    continue_reading: "繼續閱讀（{percent}%）",
    share: "分享",
    share_copied: "已複製連結",
    share_failed: "無法複製連結：{url}",
    enlarge_image: "放大圖片",
    back_to_text: "回到正文",
    in_sections: "見於章節：",
    unread_only: "只看未讀",
    save_for_later: "收藏",
    saved: "已收藏",
    saved_only: "只看收藏",
    saved_link: "收藏（{count}）",
    read_done: "已讀",
    read_percent: "已讀 {percent}%",
    forget_reading: "清除閱讀記錄",
    forget_saved: "清除全部收藏",
    matches: "本文中的符合處",
    match_count: "{count} 處符合",
    match_count_one: "1 處符合",
    match_of: "第 {n} 處，共 {count} 處",
    previous_match: "上一處",
    next_match: "下一處",
    settings: "設定",
    received_of: "已接收 {received}，共 {total}",
    received: "已接收 {received}",
    search_label: "搜尋文章",
    search_placeholder: "搜尋標題、作者、內文…",
    search_hint: "多個詞：全部都要出現。「完整詞組」，-\u{2060}排除。",
    filters: "篩選",
    filters_active: "已選 {count} 項",
    author_facet: "作者",
    tag_facet: "標籤",
    date_range: "日期",
    date_from: "起始",
    date_to: "結束",
    sort_label: "排序",
    sort_collection: "文集順序",
    sort_relevance: "相關度",
    sort_newest: "最新優先",
    sort_oldest: "最舊優先",
    sort_views: "最多瀏覽",
    clear_filters: "清除搜尋與篩選",
    result_count: "{total} 篇中有 {count} 篇符合",
    result_count_one: "{total} 篇中有 1 篇符合",
    no_results: "沒有符合的文章。",
    did_you_mean: "您是不是要找：{query}？",
    show_all: "顯示全部（{count}）",
    show_fewer: "顯示較少",
    facet_filter: "篩選{facet}",
    facet_hidden: "另有 {count} 項：輸入文字以縮小範圍",
    facet_no_match: "沒有相符的項目。",
    script: "字形",
    script_original: "原文",
    script_loading: "正在載入字形對照表…",
    script_failed: "無法載入字形對照表（{error}）。再選一次即可重試。",
    language_failed: "無法載入{language}介面文字（{error}）。再選一次即可重試。",
    error_not_found: "伺服器上找不到 {url}（HTTP 404）",
    error_http: "伺服器對 {url} 回應了 HTTP {status}",
    error_wrong_type: "{url} 不是文章集：伺服器傳來的是 {type}（檔案是否不存在，而伺服器改傳了網頁？）",
    error_offline: "瀏覽器目前離線：請連上網路後重試",
    error_network: "{url} 的網路請求失敗：{error}",
    error_stalled: "伺服器停止傳送 {url}（已收到 {received} 位元組，{seconds} 秒沒有新資料）",
    error_interrupted: "下載 {url} 時連線中斷（已收到 {received} 位元組）：{error}",
    search_key_hint: "按 / 開始搜尋，按 ? 查看所有快捷鍵。",
    shortcuts_title: "鍵盤快捷鍵",
    key_search: "搜尋",
    key_escape: "清除搜尋；關閉選單或本清單",
    key_matches: "下一個／上一個相符處（從搜尋結果開啟的文章）",
    key_articles: "下一篇／上一篇文章",
    key_save: "收藏文章，或取消收藏",
    key_help: "這些快捷鍵",
    close: "關閉",
    date_format: "{y}年{month}月{d}日",
    months: "1|2|3|4|5|6|7|8|9|10|11|12",
    date_time: "{date} {time}",
};

pub const ZH_HANS: Strings = Strings {
    app_name: "文章阅读器",
    default_collection_title: "文章",
    loading: "正在加载文章…",
    load_failed: "无法加载文章",
    retry: "重试",
    offline_copy: "无法连接到服务器：以下是本浏览器于 {date} 留存的文章。",
    offline_copy_undated: "无法连接到服务器：以下是本浏览器上次留存的文章。",
    back_to_list: "← 所有文章",
    back_to_results: "← 返回结果",
    contents: "目录",
    not_found_title: "找不到文章",
    not_found_text: "这个网址没有文章。文章可能已被删除，或链接有误。",
    page_not_found_title: "找不到页面",
    page_not_found_text: "这个网址不是本文集的页面。链接可能有误。",
    no_articles: "这个文集还没有文章。",
    views: "{count}次浏览",
    views_one: "1次浏览",
    reading_time: "约 {count} 分钟读完",
    source: "来源",
    category: "分类",
    authors: "作者：{authors}",
    list_separator: "、",
    label_separator: "：",
    editor: "责任编辑",
    original_link: "阅读原文",
    skipped_summary: "{count} 条记录因格式无效而略过",
    skipped_summary_one: "1 条记录因格式无效而略过",
    warnings_summary: "{count} 个值已从显示的文章中删除",
    warnings_summary_one: "1 个值已从显示的文章中删除",
    crashed: "阅读器因内部错误而停止。请重新加载页面。",
    needs_javascript: "本文章阅读器需要 JavaScript 和 WebAssembly 才能搜索、筛选并记住您的设置。",
    skip_to_content: "跳到内容",
    language: "语言",
    theme: "主题",
    theme_auto: "跟随系统",
    theme_light: "浅色",
    theme_dark: "深色",
    text_size: "字号",
    text_small: "小",
    text_standard: "标准",
    text_large: "大",
    text_larger: "特大",
    pagination: "分页",
    previous_page: "← 上一页",
    next_page: "下一页 →",
    page_of: "第 {page} 页，共 {pages} 页",
    article_count: "共 {count} 篇文章",
    article_count_one: "共 1 篇文章",
    previous_article: "上一篇",
    next_article: "下一篇",
    article_navigation: "更多文章",
    related_articles: "相关文章",
    continue_reading: "继续阅读（{percent}%）",
    share: "分享",
    share_copied: "已复制链接",
    share_failed: "无法复制链接：{url}",
    enlarge_image: "放大图片",
    back_to_text: "回到正文",
    in_sections: "见于章节：",
    unread_only: "只看未读",
    save_for_later: "收藏",
    saved: "已收藏",
    saved_only: "只看收藏",
    saved_link: "收藏（{count}）",
    read_done: "已读",
    read_percent: "已读 {percent}%",
    forget_reading: "清除阅读记录",
    forget_saved: "清除全部收藏",
    matches: "本文中的匹配处",
    match_count: "{count} 处匹配",
    match_count_one: "1 处匹配",
    match_of: "第 {n} 处，共 {count} 处",
    previous_match: "上一处",
    next_match: "下一处",
    settings: "设置",
    received_of: "已接收 {received}，共 {total}",
    received: "已接收 {received}",
    search_label: "搜索文章",
    search_placeholder: "搜索标题、作者、正文…",
    search_hint: "多个词：全部都要出现。“完整词组”，-\u{2060}排除。",
    filters: "筛选",
    filters_active: "已选 {count} 项",
    author_facet: "作者",
    tag_facet: "标签",
    date_range: "日期",
    date_from: "起始",
    date_to: "结束",
    sort_label: "排序",
    sort_collection: "文集顺序",
    sort_relevance: "相关度",
    sort_newest: "最新优先",
    sort_oldest: "最旧优先",
    sort_views: "最多浏览",
    clear_filters: "清除搜索与筛选",
    result_count: "{total} 篇中有 {count} 篇符合",
    result_count_one: "{total} 篇中有 1 篇符合",
    no_results: "没有符合的文章。",
    did_you_mean: "您是不是要找：{query}？",
    show_all: "显示全部（{count}）",
    show_fewer: "显示较少",
    facet_filter: "筛选{facet}",
    facet_hidden: "另有 {count} 项：输入文字以缩小范围",
    facet_no_match: "没有相符的项目。",
    script: "字形",
    script_original: "原文",
    script_loading: "正在加载字形对照表…",
    script_failed: "无法加载字形对照表（{error}）。再选一次即可重试。",
    language_failed: "无法加载{language}界面文字（{error}）。再选一次即可重试。",
    error_not_found: "服务器上找不到 {url}（HTTP 404）",
    error_http: "服务器对 {url} 返回了 HTTP {status}",
    error_wrong_type: "{url} 不是文章集：服务器发来的是 {type}（文件是否不存在，而服务器改发了网页？）",
    error_offline: "浏览器当前处于离线状态：请连接网络后重试",
    error_network: "{url} 的网络请求失败：{error}",
    error_stalled: "服务器停止发送 {url}（已收到 {received} 字节，{seconds} 秒没有新数据）",
    error_interrupted: "下载 {url} 时连接中断（已收到 {received} 字节）：{error}",
    search_key_hint: "按 / 开始搜索，按 ? 查看所有快捷键。",
    shortcuts_title: "键盘快捷键",
    key_search: "搜索",
    key_escape: "清除搜索；关闭菜单或本清单",
    key_matches: "下一个／上一个匹配处（从搜索结果打开的文章）",
    key_articles: "下一篇／上一篇文章",
    key_save: "收藏文章，或取消收藏",
    key_help: "这些快捷键",
    close: "关闭",
    date_format: "{y}年{month}月{d}日",
    months: "1|2|3|4|5|6|7|8|9|10|11|12",
    date_time: "{date} {time}",
};

/// The table for `lang`: compiled in, or its catalog once loaded ([`add_catalog`]); English until then.
pub fn strings_for(lang: UiLang) -> &'static Strings {
    match lang {
        UiLang::ZhHant => &ZH_HANT,
        UiLang::ZhHans => &ZH_HANS,
        UiLang::En => &EN,
        other => catalog(other).unwrap_or(&EN),
    }
}

thread_local! {
    /// The catalogs loaded, each kept for the page's life (a few KB each; every viewer on the page shares them).
    static CATALOGS: std::cell::RefCell<Vec<(UiLang, &'static Strings)>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Whether `lang`'s words are at hand: compiled in, or its catalog loaded.
pub fn has_words(lang: UiLang) -> bool {
    lang.built_in() || catalog(lang).is_some()
}

/// `lang`'s catalog, if loaded. (Natively — the prerendered pages, the tests — the catalogs are compiled in and
/// read on first use.)
fn catalog(lang: UiLang) -> Option<&'static Strings> {
    let loaded = CATALOGS.with_borrow(|c| c.iter().find(|(l, _)| *l == lang).map(|(_, s)| *s));
    #[cfg(not(target_arch = "wasm32"))]
    if loaded.is_none() {
        if let Some(json) = bundled::catalog_json(lang) {
            add_catalog(lang, json).expect("the catalogs in static/i18n are valid");
            return catalog(lang);
        }
    }
    loaded
}

/// Reads a catalog (`static/i18n/<tag>.json`: an object of a text for each key of [`Strings`]; a key it lacks
/// is shown in English, a key it has that the viewer does not know is ignored) and keeps it for `lang`.
pub fn add_catalog(lang: UiLang, json: &str) -> Result<(), String> {
    let Texts(texts) = serde_json::from_str(json).map_err(|e| format!("not a catalog: {e}"))?;
    let text = |key: &str| texts.iter().find(|(k, _)| k == key).map(|(_, t)| &*Box::leak(t.clone().into_boxed_str()));
    let table = Strings::from_lookup(&EN, &text);
    let table: &'static Strings = Box::leak(Box::new(table));
    // (The newest first: a catalog read again for a language replaces the one before.)
    CATALOGS.with_borrow_mut(|c| c.insert(0, (lang, table)));
    Ok(())
}

/// A catalog's texts by key, in its order (a list rather than a map: a hash map's code in the wasm for a
/// hundred lookups once).
struct Texts(Vec<(String, String)>);

impl<'de> serde::Deserialize<'de> for Texts {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Texts, D::Error> {
        struct Entries;
        impl<'de> serde::de::Visitor<'de> for Entries {
            type Value = Texts;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an object of texts by key")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Texts, A::Error> {
                let mut texts = Vec::new();
                while let Some(entry) = map.next_entry()? {
                    texts.push(entry);
                }
                Ok(Texts(texts))
            }
        }
        d.deserialize_map(Entries)
    }
}

/// Where a catalog is, relative to the viewer's files.
pub fn catalog_path(lang: UiLang) -> String {
    format!("i18n/{}.json", lang.tag())
}

#[cfg(not(target_arch = "wasm32"))]
mod bundled {
    use crate::domain::format::UiLang;

    /// The catalog of `lang` as shipped (`static/i18n`), for native builds.
    pub fn catalog_json(lang: UiLang) -> Option<&'static str> {
        Some(match lang {
            UiLang::Ja => include_str!("../../static/i18n/ja.json"),
            UiLang::Ko => include_str!("../../static/i18n/ko.json"),
            UiLang::Fr => include_str!("../../static/i18n/fr.json"),
            UiLang::De => include_str!("../../static/i18n/de.json"),
            UiLang::Es => include_str!("../../static/i18n/es.json"),
            UiLang::Pt => include_str!("../../static/i18n/pt.json"),
            UiLang::It => include_str!("../../static/i18n/it.json"),
            UiLang::Ru => include_str!("../../static/i18n/ru.json"),
            UiLang::Id => include_str!("../../static/i18n/id.json"),
            UiLang::Tr => include_str!("../../static/i18n/tr.json"),
            UiLang::Vi => include_str!("../../static/i18n/vi.json"),
            UiLang::Ar => include_str!("../../static/i18n/ar.json"),
            UiLang::He => include_str!("../../static/i18n/he.json"),
            UiLang::Fa => include_str!("../../static/i18n/fa.json"),
            UiLang::Hi => include_str!("../../static/i18n/hi.json"),
            UiLang::Bn => include_str!("../../static/i18n/bn.json"),
            UiLang::Pl => include_str!("../../static/i18n/pl.json"),
            UiLang::Th => include_str!("../../static/i18n/th.json"),
            UiLang::Ur => include_str!("../../static/i18n/ur.json"),
            UiLang::ZhHant | UiLang::ZhHans | UiLang::En => return None,
        })
    }
}

/// Fills `{name}` placeholders.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    args.iter().fold(template.to_owned(), |s, (k, v)| s.replace(&format!("{{{k}}}"), v))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The `{name}`s of a template, sorted.
    fn placeholders(s: &str) -> Vec<&str> {
        let mut names: Vec<&str> = s.split('{').skip(1).filter_map(|p| p.split_once('}').map(|(n, _)| n)).collect();
        names.sort_unstable();
        names
    }

    /// Every field is named once in `keys!` (each is a `&'static str`: as many keys as the table has room for).
    #[test]
    fn every_field_has_its_key() {
        assert_eq!(std::mem::size_of::<Strings>(), std::mem::size_of_val(Strings::KEYS));
        let unique: std::collections::BTreeSet<&str> = Strings::KEYS.iter().copied().collect();
        assert_eq!(unique.len(), Strings::KEYS.len());
        // The `i`th key is the `i`th text.
        let mut table = EN;
        *table.text_mut(Strings::KEYS.iter().position(|k| *k == "close").unwrap()).unwrap() = "x";
        assert_eq!((table.close, table.app_name), ("x", EN.app_name));
        assert!(table.text_mut(Strings::KEYS.len()).is_none());
    }

    #[test]
    fn every_language_has_every_string_and_the_same_placeholders() {
        let en = EN.texts();
        assert_eq!(en.len(), Strings::KEYS.len());
        for lang in UiLang::ALL {
            let table = strings_for(lang).texts();
            assert_eq!(table.len(), en.len());
            for ((s, e), key) in table.iter().zip(&en).zip(Strings::KEYS) {
                assert!(!s.trim().is_empty(), "{lang:?} has an empty {key}");
                assert_eq!(placeholders(s), placeholders(e), "{lang:?} {key}: {s:?} vs {e:?}");
            }
        }
        assert_eq!(placeholders("{count} of {total} articles match"), ["count", "total"]);
        assert_eq!(fill(EN.page_of, &[("page", "2"), ("pages", "9")]), "Page 2 of 9");
    }

    /// A catalog shipped names every key and no other, and is a translation: hardly a text is left in English
    /// (a few words are the same in both, such as "Source" and "Articles" in French).
    #[test]
    fn every_catalog_is_complete_and_translated() {
        for lang in UiLang::ALL.into_iter().filter(|l| !l.built_in()) {
            let json = bundled::catalog_json(lang).unwrap();
            let texts: std::collections::BTreeMap<String, String> = serde_json::from_str(json).unwrap();
            let keys: Vec<&str> = texts.keys().map(String::as_str).collect();
            let mut want = Strings::KEYS.to_vec();
            want.sort_unstable();
            assert_eq!(keys, want, "{lang:?}: the catalog's keys");
            let same: Vec<&str> =
                Strings::KEYS.iter().copied().filter(|k| texts[*k] == EN.texts()[key_index(k)]).collect();
            assert!(same.len() * 10 <= Strings::KEYS.len(), "{lang:?}: left as in English: {same:?}");
            // The table read from it is the catalog's.
            assert_eq!(strings_for(lang).settings, texts["settings"], "{lang:?}");
        }
    }

    #[test]
    fn dates_as_each_language_writes_them() {
        use crate::domain::format::format_published;
        use crate::domain::Published;
        let dt = Published::parse("2018-11-30T11:21:00+08:00").unwrap();
        let d = Published::parse("2020-02-09").unwrap();
        let date = |p: &Published, lang: UiLang| format_published(p, &strings_for(lang).date_words(), lang);
        assert_eq!(date(&dt, UiLang::ZhHant), "2018年11月30日 11:21");
        assert_eq!(date(&dt, UiLang::En), "Nov 30, 2018, 11:21");
        assert_eq!(date(&d, UiLang::ZhHans), "2020年2月9日");
        assert_eq!(date(&d, UiLang::En), "Feb 9, 2020");
        assert_eq!(date(&dt, UiLang::Ja), "2018年11月30日 11:21");
        assert_eq!(date(&dt, UiLang::Ko), "2018년 11월 30일 11:21");
        assert_eq!(date(&d, UiLang::Ko), "2020년 2월 9일");
        assert_eq!(date(&dt, UiLang::Fr), "30 nov. 2018, 11:21");
        assert_eq!(date(&d, UiLang::Fr), "9 févr. 2020");
        assert_eq!(date(&dt, UiLang::De), "30. Nov. 2018, 11:21");
        assert_eq!(date(&d, UiLang::Es), "9 feb 2020");
        assert_eq!(date(&dt, UiLang::Pt), "30 de nov. de 2018, 11:21");
        assert_eq!(date(&d, UiLang::It), "9 feb 2020");
        assert_eq!(date(&dt, UiLang::Ru), "30 нояб. 2018 г., 11:21");
        assert_eq!(date(&dt, UiLang::Ar), "30 نوفمبر 2018، 11:21");
        assert_eq!(date(&dt, UiLang::He), "30 בנוב׳ 2018, 11:21");
        assert_eq!(date(&dt, UiLang::Tr), "30 Kas 2018 11:21");
        assert_eq!(date(&d, UiLang::Id), "9 Feb 2020");
        assert_eq!(date(&dt, UiLang::Vi), "11:21 30 thg 11, 2018");
        assert_eq!(date(&dt, UiLang::Id), "30 Nov 2018, 11.21");
        assert_eq!(date(&d, UiLang::He), "9 בפבר׳ 2020");
        assert_eq!(date(&dt, UiLang::Fa), "۹ آذر ۱۳۹۷، ۱۱:۲۱");
        assert_eq!(date(&d, UiLang::Fa), "۲۰ بهمن ۱۳۹۸");
        // Hindi and Bengali as ICU writes them (`hi-IN`, `bn-BD`, the time in 24 hours as every language here).
        assert_eq!(date(&dt, UiLang::Hi), "30 नव॰ 2018, 11:21");
        assert_eq!(date(&d, UiLang::Hi), "9 फ़र॰ 2020");
        assert_eq!(date(&dt, UiLang::Bn), "৩০ নভে, ২০১৮, ১১:২১");
        assert_eq!(date(&d, UiLang::Bn), "৯ ফেব, ২০২০");
        // Polish, Thai (the Buddhist Era's year) and Urdu as ICU writes them (`pl-PL`, `th-TH`, `ur-PK`).
        assert_eq!(date(&dt, UiLang::Pl), "30 lis 2018, 11:21");
        assert_eq!(date(&dt, UiLang::Th), "30 พ.ย. 2561 11:21");
        assert_eq!(date(&d, UiLang::Th), "9 ก.พ. 2563");
        assert_eq!(date(&dt, UiLang::Ur), "30 نومبر، 2018، 11:21");
        // Every language names twelve months, each once.
        for lang in UiLang::ALL {
            let months: Vec<&str> = strings_for(lang).months.split('|').collect();
            let unique: std::collections::BTreeSet<&&str> = months.iter().collect();
            assert_eq!((months.len(), unique.len()), (12, 12), "{lang:?}: {months:?}");
            assert!(months.iter().all(|m| !m.trim().is_empty() && m.trim() == *m), "{lang:?}: {months:?}");
        }
    }

    /// The scripts that pick the interface's language before the app runs (the boot script, for the prerendered
    /// list; the widget's, for its `lang` attribute) know every language the app has.
    #[test]
    fn the_boot_and_widget_scripts_know_every_interface_language() {
        let want: Vec<&str> =
            UiLang::ALL.iter().filter(|l| !matches!(l, UiLang::ZhHant | UiLang::ZhHans)).map(|l| l.tag()).collect();
        for (name, js) in [
            ("static/boot.js", include_str!("../../static/boot.js")),
            ("static/embed.template.js", include_str!("../../static/embed.template.js")),
        ] {
            let list = js.split("/^(").nth(1).and_then(|r| r.split(')').next()).unwrap_or_default();
            assert_eq!(list.split('|').collect::<Vec<_>>(), want, "{name}'s languages");
        }
    }

    fn key_index(key: &str) -> usize {
        Strings::KEYS.iter().position(|k| *k == key).unwrap()
    }

    #[test]
    fn a_catalog_missing_keys_shows_them_in_english_and_a_broken_one_is_refused() {
        // (Each test's thread has catalogs of its own.)
        add_catalog(UiLang::De, r#"{"settings": "Einstellungen", "unknown_key": "x"}"#).unwrap();
        assert_eq!(strings_for(UiLang::De).settings, "Einstellungen");
        assert_eq!(strings_for(UiLang::De).close, EN.close);
        assert!(add_catalog(UiLang::De, "<!doctype html>").unwrap_err().starts_with("not a catalog"));
        assert!(add_catalog(UiLang::De, r#"["a list"]"#).is_err());
        assert!(has_words(UiLang::De) && has_words(UiLang::En));
        assert_eq!(catalog_path(UiLang::Fr), "i18n/fr.json");
    }

    /// The hint teaches the syntax in each language's own quotes: typed as shown, its example phrase is one term
    /// (without its quotes) and its example of exclusion excludes.
    #[test]
    fn the_search_hint_shows_a_phrase_and_an_exclusion_that_work() {
        use crate::domain::search::terms;
        let is_quote = |c: char| "\"＂“”„「」『』«»".contains(c);
        for lang in UiLang::ALL {
            let hint = strings_for(lang).search_hint;
            let at = hint.find(is_quote).unwrap_or_else(|| panic!("{lang:?}: no phrase in {hint:?}"));
            let (negative, phrase) = terms(&hint[at..])[0].clone();
            let phrase = &hint[at..][phrase];
            assert!(!negative && !phrase.is_empty() && !phrase.contains(is_quote), "{lang:?}: {phrase:?}");
            let at = hint.find('-').unwrap_or_else(|| panic!("{lang:?}: no exclusion in {hint:?}"));
            assert!(terms(&hint[at..])[0].0, "{lang:?}: {:?} does not exclude", &hint[at..]);
        }
    }
}
