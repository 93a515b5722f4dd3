//! A news report's own conventions in its text, taken out of it once a format reader has found its parts (a
//! scraped page's text, a web page, a feed's item): the site's furniture between paragraphs (`【打印】【关闭】`,
//! `上一篇：…`, `Advertisement`), the byline repeated as a paragraph (`（来源：上海证券报）`), the headline the report had
//! where it was first published (`原标题：…`, the report's subtitle here), and its editor in brackets at its end
//! (`（责任编辑：王五）`, the Central News Agency's `（編輯：李大同）1141128`), a wire report's credits (`(Reporting by …;
//! Editing by …)`); and a kicker that is only the category.

use super::scraped::{names_or_counts, read_meta, says_only_meta, ScrapedArticle};
use super::Draft;
use crate::domain::Block;
use time::UtcOffset;

/// Tidies `draft` (see the module). `offset`: the time zone of a byline's wall-clock time.
pub(crate) fn tidy(draft: &mut Draft, offset: UtcOffset) {
    drop_furniture(&mut draft.body);
    conventions(draft, offset);
}

/// Takes the site's furniture ([`is_site_furniture`]) out of `blocks`.
pub(crate) fn drop_furniture(blocks: &mut Vec<Block>) {
    blocks.retain(|b| !matches!(b, Block::Paragraph { text, .. } if is_site_furniture(text)));
}

/// The paragraph's text; `None` for another block.
fn paragraph(b: &Block) -> Option<&str> {
    match b {
        Block::Paragraph { text, .. } => Some(text),
        _ => None,
    }
}

/// [`tidy`] but for the furniture (which a web page takes out as it reads its blocks).
pub(crate) fn conventions(draft: &mut Draft, offset: UtcOffset) {
    let text = |b: &Block| paragraph(b).map(str::to_owned);
    // The byline as one of the first three paragraphs or the last two leaves the text when it says nothing the
    // article does not (filling in what the article did not say).
    let last_two = draft.body.len().saturating_sub(2).max(3);
    let candidates = (0..draft.body.len().min(3)).chain(last_two..draft.body.len());
    if let Some(at) =
        candidates.into_iter().find(|i| text(&draft.body[*i]).is_some_and(|t| byline_of(draft, &t, offset)))
    {
        draft.body.remove(at);
    }
    // A line that is only the article's date (`2026年11月30日 12時30分`, `Updated November 30, 2026`), as one of the
    // first three paragraphs: the meta line shows it (and dates the article when nothing else did).
    let first_three = draft.body.len().min(3);
    if let Some((at, date)) = (0..first_three).find_map(|i| Some((i, date_line(paragraph(&draft.body[i])?, offset)?))) {
        let same_day = |p: &String| p.get(..10) == date.get(..10);
        if draft.published.as_ref().is_none_or(same_day) {
            draft.published.get_or_insert(date);
            draft.body.remove(at);
        }
    }
    // A kicker that only names the category (`政治` over the title, `分類: 政治` in the meta line) says it twice.
    if draft.kicker.is_some() && draft.kicker == draft.category {
        draft.kicker = None;
    }
    // The original headline, as the first paragraph: the subtitle (where the report has none).
    if let Some(first) = draft.body.first().and_then(paragraph) {
        if let Some(original) = original_title(first) {
            let subtitle = (original.1 != draft.title).then(|| original.0.to_owned());
            draft.subtitle = draft.subtitle.take().or(subtitle);
            draft.body.remove(0);
        }
    }
    // The site's copyright or reprint notice closing the text: the article's notice, shown apart from it (first: the
    // credits and the editor close the text before it).
    if let Some(at) = notice_start(&draft.body) {
        let lines: Vec<String> = draft.body.drain(at..).filter_map(|b| text(&b)).collect();
        let notice = lines.join("\n");
        draft.notice = Some(match draft.notice.take() {
            Some(before) => format!("{notice}\n{before}"),
            None => notice,
        });
    }
    // A wire report's closing credits, `(Reporting by Eric Onstad; Editing by Jan Harvey)`: its authors (when
    // nothing else named them) and its editor.
    let last = draft.body.iter().rposition(|b| matches!(b, Block::Paragraph { .. }));
    if let Some((reporters, editor)) = last.and_then(|i| paragraph(&draft.body[i])).and_then(wire_credits) {
        if draft.authors.is_empty() {
            draft.authors = reporters;
        }
        if draft.editor.is_none() {
            draft.editor = editor;
        }
        draft.body.remove(last.unwrap_or_default());
    }
    // The editor in brackets closing the last paragraph, or alone as it.
    let last = draft.body.iter().rposition(|b| matches!(b, Block::Paragraph { .. }));
    if let Some(Block::Paragraph { text, .. }) = last.map(|i| &mut draft.body[i]) {
        if let Some((editor, cut)) = closing_editor(text) {
            draft.editor.get_or_insert(editor);
            text.truncate(cut);
            let kept = text.trim_end().len();
            text.truncate(kept);
            if text.is_empty() {
                draft.body.remove(last.unwrap_or_default());
            }
        }
    }
}

/// Whether the paragraph `text` is the article's byline and says nothing more than the article does: its date,
/// views, source, category and authors the article's (read into it where it had none).
fn byline_of(draft: &mut Draft, text: &str, offset: UtcOffset) -> bool {
    if text.chars().count() > 200 || !names_or_counts(text) {
        return false;
    }
    let mut said = ScrapedArticle::default();
    read_meta(text, offset, &mut said);
    let agrees = |said: &Option<String>, is: &Option<String>| said.is_none() || is.is_none() || said == is;
    let fits = agrees(&said.published, &draft.published)
        && agrees(&said.source, &draft.source)
        && agrees(&said.category, &draft.category)
        && (said.views.is_none() || draft.views.is_none() || said.views == draft.views)
        && (draft.authors.is_empty() || said.authors.iter().all(|a| draft.authors.contains(a)))
        && says_only_meta(text, &said);
    if fits {
        draft.published = draft.published.take().or(said.published);
        draft.source = draft.source.take().or(said.source);
        draft.category = draft.category.take().or(said.category);
        draft.views = draft.views.or(said.views);
        if draft.authors.is_empty() {
            draft.authors = said.authors;
        }
    }
    fits
}

/// The date a short line says and nothing else but the words that introduce one (`2026年11月30日 12時30分`,
/// `发布时间：2026-11-30 09:15`, `Published: Nov. 30, 2026`, `30 ноября 2026, 10:05`); a time without a zone in
/// `offset`.
fn date_line(text: &str, offset: UtcOffset) -> Option<String> {
    const SAYS_DATE: [&str; 16] = [
        "published",
        "updated",
        "posted",
        "date",
        "on",
        "at",
        "发布时间",
        "發佈時間",
        "发布日期",
        "發布時間",
        "时间",
        "時間",
        "日期",
        "更新",
        "公開",
        "입력",
    ];
    if text.chars().count() > 50 {
        return None;
    }
    let date =
        super::scraped::parse_date(text, offset).map(|(d, _)| d).or_else(|| super::scraped::date_in_words(text))?;
    let rest: String = text
        .split(|c: char| c.is_whitespace() || c.is_ascii_digit() || ":：/-.,，|·()（）".contains(c))
        .filter(|w| !w.is_empty())
        .map(|w| w.trim_matches(['年', '月', '日', '時', '时', '分', '秒', '년', '월', '일', '시', '분']))
        .filter(|w| !w.is_empty() && super::scraped::month_named(w).is_none())
        .filter(|w| !SAYS_DATE.iter().any(|s| w.eq_ignore_ascii_case(s)))
        .collect();
    rest.is_empty().then_some(date)
}

/// `原标题：铜价创三个月新高` (or `原標題`, in brackets or not): the line without its brackets, and the headline.
pub(crate) fn original_title(text: &str) -> Option<(&str, &str)> {
    let line = unbracketed(text.trim());
    let rest = ["原标题", "原標題"].iter().find_map(|l| line.strip_prefix(l))?;
    let headline = rest.strip_prefix([':', '：'])?.trim();
    (!headline.is_empty() && headline.chars().count() <= 100).then_some((line, headline))
}

/// `text` without one pair of brackets around it all (`（…）`, `(…)`, `【…】`, `[…]`).
pub(crate) fn unbracketed(text: &str) -> &str {
    for (open, close) in [('（', '）'), ('(', ')'), ('【', '】'), ('[', ']')] {
        if let Some(inner) = text.strip_prefix(open).and_then(|t| t.strip_suffix(close)) {
            if !inner.contains([open, close]) {
                return inner.trim();
            }
        }
    }
    text
}

/// The editor a paragraph closes with, in brackets — `（责任编辑：王五）`, `【編輯：李大同】`, the Central News
/// Agency's `（編輯：李大同）1141128` (its date code after) — and where that starts in `text`.
fn closing_editor(text: &str) -> Option<(String, usize)> {
    let t = text.trim_end();
    // (The agency's code: the year of the Republic and the date, 1141128.)
    let digits = t.bytes().rev().take_while(u8::is_ascii_digit).count();
    let t = if digits == 7 { &t[..t.len() - digits] } else { t };
    let close = t.chars().last().filter(|c| matches!(c, '）' | ')' | '】' | ']'))?;
    let open = match close {
        '）' => '（',
        ')' => '(',
        '】' => '【',
        _ => '[',
    };
    let start = t.rfind(open)?;
    // (The brackets' words an editor's line: `编辑：李大同`.)
    super::scraped::editor_of(&t[start..]).map(|name| (name, start))
}

/// A wire report's credits, `(Reporting by Eric Onstad and Pratima Desai; Additional reporting by Ann Smith;
/// Writing by Li Wei; Editing by Jan Harvey and Bill Berkrot)` (with or without its brackets): the reporters —
/// those who reported and wrote it, not the additional reporting — and the editors. `None` unless every part is
/// one of these.
fn wire_credits(text: &str) -> Option<(Vec<String>, Option<String>)> {
    let inner = unbracketed(text.trim().trim_end_matches('.'));
    if !inner.starts_with("Reporting by ") && !inner.starts_with("Writing by ") {
        return None;
    }
    let names = |s: &str| -> Vec<String> {
        s.split([',', '&'])
            .flat_map(|p| p.split(" and "))
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .map(str::to_owned)
            .collect()
    };
    let (mut reporters, mut editors) = (Vec::new(), Vec::new());
    for part in inner.split(';').map(str::trim).filter(|p| !p.is_empty()) {
        if let Some(n) = part.strip_prefix("Reporting by ").or_else(|| part.strip_prefix("Writing by ")) {
            reporters.extend(names(n));
        } else if let Some(n) = part.strip_prefix("Editing by ") {
            editors.extend(names(n));
        } else if !part.starts_with("Additional reporting by ") {
            return None;
        }
    }
    // (Names: a few words each, capitalised.)
    let a_name = |n: &String| {
        let words: Vec<&str> = n.split_whitespace().collect();
        (1..=4).contains(&words.len()) && words.iter().all(|w| w.chars().next().is_some_and(char::is_uppercase))
    };
    if !reporters.iter().chain(&editors).all(a_name) {
        return None;
    }
    reporters.dedup();
    let editor = (!editors.is_empty()).then(|| editors.join(", "));
    Some((reporters, editor))
}

/// Phrases that only a site's copyright or reprint notice says (compared without case), in the languages news
/// is imported from: `© 2026 Reuters`, `All rights reserved`, `版权所有，未经授权不得转载`, `<저작권자(c) 연합뉴스, 무단
/// 전재-재배포 금지>`, `許可なく転載することを禁じます`, `Все права защищены`, `جميع الحقوق محفوظة`…
const NOTICE: [&str; 43] = [
    "all rights reserved",
    "may not be published, broadcast, rewritten or redistributed",
    "may not be reproduced",
    "tous droits réservés",
    "reproduction interdite",
    "alle rechte vorbehalten",
    "todos los derechos reservados",
    "prohibida su reproducción",
    "tutti i diritti riservati",
    "todos os direitos reservados",
    "wszelkie prawa zastrzeżone",
    "все права защищены",
    "перепечатка материалов",
    "جميع الحقوق محفوظة",
    "כל הזכויות שמורות",
    "版权所有",
    "版權所有",
    "版权归",
    "版權歸",
    "版权均属",
    "版權均屬",
    "版权声明",
    "版權聲明",
    "免责声明",
    "免責聲明",
    "未经授权",
    "未經授權",
    "未经许可",
    "未經許可",
    "禁止转载",
    "禁止轉載",
    "不得转载",
    "不得轉載",
    "如需转载",
    "如需轉載",
    "转载请",
    "轉載請",
    "저작권자",
    "무단 전재",
    "무단전재",
    "재배포 금지",
    "無断転載",
    "転載を禁じ",
];

/// Whether the paragraph `text` is (part of) a site's copyright or reprint notice ([`NOTICE`], beginning with
/// `Copyright`, or a short line with `©`: `© 2026 Reuters`).
fn is_notice(text: &str) -> bool {
    let lower = text.to_lowercase();
    let chars = text.chars().count();
    chars <= 400
        && (NOTICE.iter().any(|n| lower.contains(n))
            || unbracketed(lower.trim()).starts_with("copyright")
            || (chars <= 120 && lower.contains('©'))
            || (lower.contains("無断で") && lower.contains("転載")))
}

/// Where the site's notice begins at the end of `body`: its first paragraph that says a notice's words
/// ([`is_notice`]), among the paragraphs that close the text — what follows it notice or short lines (the
/// reporter's address, the time it was filed: `cheolsu@yna.co.kr`, `2026/11/30 09:15 송고`). Never the first
/// paragraph: an article is not all notice.
fn notice_start(body: &[Block]) -> Option<usize> {
    let mut start = None;
    for (i, b) in body.iter().enumerate().rev() {
        let Some(text) = paragraph(b) else { break };
        if i == 0 {
            break;
        }
        if is_notice(text) {
            start = Some(i);
        } else if text.chars().count() > 100 {
            break;
        }
    }
    start
}

/// Words a news site puts between an article's paragraphs or after them, each alone in its paragraph:
/// advertising's placeholders and the calls to share, subscribe or read on (compared without case and
/// a closing mark).
const FURNITURE: [&str; 28] = [
    "advertisement",
    "advertising",
    // (The word for advertisement in French, German, Spanish, Italian, Portuguese, Dutch, Russian, Korean,
    // Japanese and Arabic.)
    "publicité",
    "anzeige",
    "werbung",
    "publicidad",
    "pubblicità",
    "publicidade",
    "advertentie",
    "реклама",
    "광고",
    "広告",
    "إعلان",
    "ad",
    "sponsored content",
    "story continues below advertisement",
    "article continues below advertisement",
    "continue reading below",
    "scroll to continue with content",
    "share this article",
    "share this story",
    "sign up for our newsletter",
    "subscribe to our newsletter",
    "read more",
    "related articles",
    "you may also like",
    "most read",
    "recommended for you",
];

/// What a site writes before a link to another of its articles between an article's paragraphs, in the
/// languages news is imported from (each followed by `:`, `|` or an arrow, and the linked title).
const READ_ALSO: [&str; 20] = [
    "read more",
    "read also",
    "also read",
    "see also",
    "lire aussi",
    "à lire aussi",
    "a lire aussi",
    "lesen sie auch",
    "mehr zum thema",
    "lee también",
    "leer más",
    "leggi anche",
    "leia também",
    "lees ook",
    "читайте также",
    "関連記事",
    "관련기사",
    "관련 기사",
    "اقرأ أيضا",
    "اقرأ أيضاً",
];

/// Whether a paragraph is a news site's own furniture, not the article's: an advertisement's placeholder or a
/// call to share or subscribe (`Advertisement`, `Publicité`, `Share this article`, alone in the paragraph); a link
/// to another article introduced as one ([`READ_ALSO`]: `Lire aussi | …`); a Chinese site's
/// tools (`【字号 大 中 小】【打印】【关闭】`: nothing but short bracketed words), the links to the next and
/// previous articles (`上一篇：…`), or its share line (`分享到：微信 微博`).
pub(crate) fn is_site_furniture(text: &str) -> bool {
    let words = text.trim().trim_end_matches(['.', ':', '…', '→', '›', '»']).trim();
    if words.len() <= 40 && FURNITURE.iter().any(|f| words.to_lowercase() == *f) {
        return true;
    }
    // A link to another article, introduced as one: `Read also: …`, `Lire aussi | …`, `Читайте также: …`.
    let lower = text.trim().to_lowercase();
    if text.chars().count() <= 200
        && READ_ALSO.iter().any(|r| {
            lower
                .strip_prefix(r)
                .is_some_and(|rest| rest.trim_start().starts_with([':', '：', '|', '»', '›', '→', '-']))
        })
    {
        return true;
    }
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    if ["上一篇", "下一篇", "上一條", "下一條", "上一条", "下一条", "分享到"].iter().any(|p| t.starts_with(p))
    {
        return t.chars().count() <= 120;
    }
    // A multi-page article's pager: `上一页 1 2 3 下一页`, `« Previous 1 2 Next »`, `第1页 第2页`.
    if is_pager(text) {
        return true;
    }
    // Only bracketed words, each short: 【打印】【關閉】.
    let mut rest = t.as_str();
    let mut groups = 0;
    while let Some(inner) = rest.strip_prefix('【') {
        let Some(end) = inner.find('】') else { return false };
        if inner[..end].chars().count() > 8 {
            return false;
        }
        rest = &inner[end + '】'.len_utf8()..];
        groups += 1;
    }
    groups > 0 && rest.is_empty()
}

/// Whether `text` is nothing but a pager's words and page numbers: a number at least, and a word that says
/// previous or next page (or pages by their numbers alone: `第1页 第2页`).
pub(crate) fn is_pager(text: &str) -> bool {
    const TURN: [&str; 9] = ["上一页", "下一页", "上一頁", "下一頁", "上页", "下页", "prev", "previous", "next"];
    const ALSO: [&str; 13] =
        ["首页", "首頁", "尾页", "尾頁", "末页", "末頁", "first", "last", "page", "«", "»", "‹", "›"];
    let tokens: Vec<String> = text
        .split(|c: char| c.is_whitespace() || matches!(c, '|' | '[' | ']' | '【' | '】' | '…' | '.'))
        .filter(|t| !t.is_empty())
        .map(str::to_lowercase)
        .collect();
    let number = |t: &str| t.chars().all(|c| c.is_ascii_digit());
    // (第2页: a page by its number.)
    let nth = |t: &str| {
        t.strip_prefix('第')
            .and_then(|r| r.strip_suffix('页').or_else(|| r.strip_suffix('頁')))
            .is_some_and(|n| !n.is_empty() && number(n))
    };
    let turns = tokens.iter().any(|t| TURN.contains(&t.as_str()));
    let numbered = tokens.iter().any(|t| number(t) || nth(t));
    let only_pages = tokens.len() >= 2 && tokens.iter().all(|t| nth(t));
    let all_pager =
        tokens.iter().all(|t| number(t) || nth(t) || TURN.contains(&t.as_str()) || ALSO.contains(&t.as_str()));
    tokens.len() <= 30 && numbered && (turns || only_pages) && all_pager
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(paragraphs: &[&str]) -> Draft {
        Draft {
            title: "铜价创三个月新高".into(),
            source: Some("有色网".into()),
            body: paragraphs.iter().map(|p| Block::paragraph(p.to_string())).collect(),
            ..Draft::default()
        }
    }

    fn texts(d: &Draft) -> Vec<String> {
        d.body.iter().flat_map(Block::texts).cloned().collect()
    }

    #[test]
    fn the_original_headline_is_the_subtitle() {
        let mut d = draft(&["原标题：铜价创三个月新高，供应扰动成焦点", "伦敦期铜收涨。"]);
        tidy(&mut d, UtcOffset::UTC);
        assert_eq!(d.subtitle.as_deref(), Some("原标题：铜价创三个月新高，供应扰动成焦点"));
        assert_eq!(texts(&d), ["伦敦期铜收涨。"]);
        // In brackets; Traditional; the same as the title (then said once); a subtitle of its own kept.
        let mut d = draft(&["（原標題：銅價走高）", "x"]);
        tidy(&mut d, UtcOffset::UTC);
        assert_eq!((d.subtitle.as_deref(), texts(&d)), (Some("原標題：銅價走高"), vec!["x".to_owned()]));
        let mut d = draft(&["原标题：铜价创三个月新高", "x"]);
        tidy(&mut d, UtcOffset::UTC);
        assert_eq!((d.subtitle.as_deref(), texts(&d)), (None, vec!["x".to_owned()]));
        let mut d = Draft { subtitle: Some("副题".into()), ..draft(&["原标题：别的", "x"]) };
        tidy(&mut d, UtcOffset::UTC);
        assert_eq!(d.subtitle.as_deref(), Some("副题"));
        // Not the first paragraph, or words after the headline's label that are not one: left as written.
        let mut d = draft(&["x", "（原标题：沪锌回落 库存增加）"]);
        tidy(&mut d, UtcOffset::UTC);
        assert_eq!((d.subtitle, d.body.len()), (None, 2));
        let mut d = draft(&["原标题党的说法不可信。", "x"]);
        tidy(&mut d, UtcOffset::UTC);
        assert_eq!((d.subtitle, d.body.len()), (None, 2));
    }

    #[test]
    fn the_editor_in_brackets_at_the_end() {
        let mut d = draft(&["赖清德指出。", "他说，政府会提供支持。（編輯：李大同）1141128"]);
        tidy(&mut d, UtcOffset::UTC);
        assert_eq!(d.editor.as_deref(), Some("李大同"));
        assert_eq!(texts(&d), ["赖清德指出。", "他说，政府会提供支持。"]);
        let mut d = draft(&["正文。", "（责任编辑：王五）"]);
        tidy(&mut d, UtcOffset::UTC);
        assert_eq!((d.editor.as_deref(), texts(&d)), (Some("王五"), vec!["正文。".to_owned()]));
        // An editor already named stays; brackets that are not an editor's stay in the text.
        let mut d = Draft { editor: Some("定律".into()), ..draft(&["正文。【编辑：王五】"]) };
        tidy(&mut d, UtcOffset::UTC);
        assert_eq!((d.editor.as_deref(), texts(&d)), (Some("定律"), vec!["正文。".to_owned()]));
        let mut d = draft(&["他去了北京（编辑部所在地）。", "（图为现场）"]);
        tidy(&mut d, UtcOffset::UTC);
        assert_eq!((d.editor, d.body.len()), (None, 2));
    }

    #[test]
    fn a_byline_paragraph_leaves_and_fills_in() {
        // The source it repeats; a source the article did not have.
        let mut d = draft(&["正文。", "（来源：有色网）"]);
        tidy(&mut d, UtcOffset::UTC);
        assert_eq!(texts(&d), ["正文。"]);
        let mut d = Draft { source: None, ..draft(&["正文。", "更多。", "（来源：上海证券报）"]) };
        tidy(&mut d, UtcOffset::UTC);
        assert_eq!((d.source.as_deref(), texts(&d).len()), (Some("上海证券报"), 2));
        // Another source than the article's, or more than a byline: kept.
        let mut d = draft(&["正文。", "（来源：新华社）"]);
        tidy(&mut d, UtcOffset::UTC);
        assert_eq!((d.source.as_deref(), d.body.len()), (Some("有色网"), 2));
        let mut d = draft(&["正文。", "来源：有色网　摄影：李四"]);
        tidy(&mut d, UtcOffset::UTC);
        assert_eq!(d.body.len(), 2);
    }

    #[test]
    fn a_kicker_that_is_the_category_is_said_once() {
        let mut d = Draft { kicker: Some("政治".into()), category: Some("政治".into()), ..draft(&["x"]) };
        tidy(&mut d, UtcOffset::UTC);
        assert_eq!((d.kicker, d.category.as_deref()), (None, Some("政治")));
        let mut d =
            Draft { kicker: Some("全面推動".into()), category: Some("重點新聞".into()), ..draft(&["x"]) };
        tidy(&mut d, UtcOffset::UTC);
        assert_eq!(d.kicker.as_deref(), Some("全面推動"));
    }

    #[test]
    fn a_wire_reports_credits_name_its_reporters_and_editor() {
        let mut d = Draft {
            title: "Copper rises".into(),
            ..draft(&["Copper rose.", "(Reporting by Eric Onstad and Pratima Desai; Additional reporting by Ann Smith; Editing by Jan Harvey)"])
        };
        tidy(&mut d, UtcOffset::UTC);
        assert_eq!(d.authors, ["Eric Onstad", "Pratima Desai"]);
        assert_eq!((d.editor.as_deref(), texts(&d)), (Some("Jan Harvey"), vec!["Copper rose.".to_owned()]));
        // Authors already named stay; two editors; writing by.
        let mut d = Draft {
            authors: vec!["Metals Desk".into()],
            ..draft(&["x", "Writing by Li Wei; Editing by Jan Harvey and Bill Berkrot."])
        };
        tidy(&mut d, UtcOffset::UTC);
        assert_eq!(
            (d.authors.clone(), d.editor.as_deref()),
            (vec!["Metals Desk".to_owned()], Some("Jan Harvey, Bill Berkrot"))
        );
        // A sentence that starts so is the text.
        let mut d = draft(&["x", "Reporting by the agency showed that output rose; prices followed."]);
        tidy(&mut d, UtcOffset::UTC);
        assert_eq!((d.authors.len(), d.body.len()), (0, 2));
    }

    #[test]
    fn a_pager_is_furniture() {
        for pager in [
            "上一页 1 2 3 下一页",
            "首页 上一頁 1 2 下一頁 尾頁",
            "« Previous 1 2 3 … 9 Next »",
            "第1页 第2页 第3页",
            "Page 1 2 Next ›",
        ] {
            assert!(is_site_furniture(pager), "{pager}");
        }
        for text in ["下一页将介绍锌价。", "1 2 3", "Next year prices rose 3 times.", "第1页"] {
            assert!(!is_site_furniture(text), "{text}");
        }
    }

    #[test]
    fn furniture_leaves() {
        let mut d = draft(&["【字号 大 中 小】【打印】【关闭】", "正文。", "Advertisement", "上一篇：锌价回落"]);
        tidy(&mut d, UtcOffset::UTC);
        assert_eq!(texts(&d), ["正文。"]);
        // Other languages' advertisements and links to other articles; the same words in a sentence stay.
        let mut d = draft(&[
            "Le prix du nickel a augmenté.",
            "Publicité",
            "Lire aussi | Le cuivre recule à Londres",
            "Lesen Sie auch: Kupferpreis fällt",
            "Читайте также: Медь дешевеет",
            "ANZEIGE",
            "관련기사 → 구리 가격 하락",
            "Lire aussi les analyses de nos correspondants, qui suivent le marché depuis dix ans.",
            "Read more about nickel on our markets page.",
        ]);
        tidy(&mut d, UtcOffset::UTC);
        assert_eq!(
            texts(&d),
            [
                "Le prix du nickel a augmenté.",
                "Lire aussi les analyses de nos correspondants, qui suivent le marché depuis dix ans.",
                "Read more about nickel on our markets page."
            ]
        );
    }

    #[test]
    fn a_line_that_is_only_the_articles_date_leaves_the_text() {
        let utc = UtcOffset::UTC;
        for (line, want) in [
            ("2026年11月30日 12時30分", "2026-11-30T12:30:00Z"),
            ("发布时间：2026-11-30 09:15", "2026-11-30T09:15:00Z"),
            ("Published: Nov. 30, 2026", "2026-11-30"),
            ("Updated November 30, 2026 at 10:05", "2026-11-30"),
            ("30 ноября 2026, 10:05", "2026-11-30"),
            ("2026.11.30", "2026-11-30"),
        ] {
            assert_eq!(date_line(line, utc).as_deref(), Some(want), "{line}");
        }
        for line in ["On November 30, 2026 the board met.", "2026年11月30日，省有色金属管理局召开会议", "Nickel, 2026"]
        {
            assert_eq!(date_line(line, utc), None, "{line}");
        }
        // The line leaves the text, dating the article where nothing else did; one of another day stays.
        let mut d = draft(&["2026年11月30日 12時30分", "正文。"]);
        tidy(&mut d, utc);
        assert_eq!((texts(&d), d.published.as_deref()), (vec!["正文。".to_owned()], Some("2026-11-30T12:30:00Z")));
        let mut d = draft(&["2026年11月29日", "正文。"]);
        d.published = Some("2026-11-30T12:30:00+09:00".into());
        tidy(&mut d, utc);
        assert_eq!(texts(&d).len(), 2);
    }

    #[test]
    fn the_sites_notice_closing_the_text_is_the_articles_notice() {
        // Korean: the notice, the reporter's address and the time it was filed, after it.
        let mut d = draft(&[
            "올해 니켈 수입량이 늘었다.",
            "전문가들은 이런 추세가 이어질 것으로 내다봤다.",
            "<저작권자(c) 연합뉴스, 무단 전재-재배포, AI 학습 및 활용 금지>",
            "cheolsu@yna.co.kr",
            "2026/11/30 09:15 송고",
        ]);
        tidy(&mut d, UtcOffset::UTC);
        assert_eq!(texts(&d), ["올해 니켈 수입량이 늘었다.", "전문가들은 이런 추세가 이어질 것으로 내다봤다."]);
        assert_eq!(
            d.notice.as_deref(),
            Some("<저작권자(c) 연합뉴스, 무단 전재-재배포, AI 학습 및 활용 금지>\ncheolsu@yna.co.kr\n2026/11/30 09:15 송고")
        );
        // Chinese, English, Japanese, Russian, Arabic; two lines of it.
        for (notice, also) in [
            ("本网版权所有，未经授权不得转载。", None),
            (
                "Copyright 2026 The Associated Press. All rights reserved.",
                Some("This material may not be published, broadcast, rewritten or redistributed."),
            ),
            ("© 2026 Reuters", None),
            ("許可なく転載することを禁じます。無断転載を禁止します。", None),
            ("© ТАСС, 1999–2026. Все права защищены.", None),
            ("جميع الحقوق محفوظة © 2026 شبكة الجزيرة الإعلامية", None),
        ] {
            let mut lines = vec!["正文。", notice];
            lines.extend(also);
            let mut d = draft(&lines);
            tidy(&mut d, UtcOffset::UTC);
            assert_eq!(texts(&d), ["正文。"], "{notice}");
            assert_eq!(d.notice.as_deref(), Some(lines[1..].join("\n").as_str()));
        }
        // The article's own words about copyright stay: not a notice's phrase, nor one followed by long text.
        let own = [
            "The court ruled on the copyright claim on Monday.",
            "The exhibition closes on Sunday after a run that the museum says drew a record number of visitors from abroad.",
            "版权纠纷案今日开庭。",
            "A photo credited \u{a9} Reuters opened the exhibition, which ran for three weeks and drew more visitors than any show the museum had held before it.",
        ];
        let mut d = draft(&own);
        tidy(&mut d, UtcOffset::UTC);
        assert_eq!(texts(&d), own);
        assert_eq!(d.notice, None);
        // The notice taken first, the credits and the bracketed editor before it are read as such.
        let mut d = draft(&["Nickel rose.", "(Reporting by Eric Onstad; Editing by Jan Harvey)", "© 2026 Reuters"]);
        tidy(&mut d, UtcOffset::UTC);
        assert_eq!((texts(&d), d.authors.clone()), (vec!["Nickel rose.".to_owned()], vec!["Eric Onstad".to_owned()]));
        assert_eq!((d.editor.as_deref(), d.notice.as_deref()), (Some("Jan Harvey"), Some("© 2026 Reuters")));
        let mut d = draft(&["铜价上涨。", "铜价走高。（责任编辑：王五）", "本网版权所有，未经授权不得转载。"]);
        tidy(&mut d, UtcOffset::UTC);
        assert_eq!(
            (texts(&d), d.editor.as_deref()),
            (vec!["铜价上涨。".to_owned(), "铜价走高。".to_owned()], Some("王五"))
        );
        // Nor is an article that is all notice-like words emptied.
        let mut d = draft(&["© 2026 Reuters"]);
        tidy(&mut d, UtcOffset::UTC);
        assert_eq!(texts(&d), ["© 2026 Reuters"]);
    }
}
