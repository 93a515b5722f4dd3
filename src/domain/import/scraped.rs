//! The layout of a scraped news page saved as text (like the seed):
//!
//! ```text
//! kicker line                      (optional: present when two lines stand before the meta line)
//! title line
//! 2018年11月30日 11:21 12269次瀏覽 來源: 有色報 分類: 重點新聞 作者: 張燎原      (any part may be missing)
//! body paragraphs …
//! 責任編輯:定律                     (or 责任编辑)
//! the site's reprint notice …
//! ```
//!
//! Works on text that [`super::clean::clean_text`] has already cleaned.

use time::{Date, Month, PrimitiveDateTime, Time, UtcOffset};

/// What the layout gave.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ScrapedArticle {
    pub kicker: Option<String>,
    pub title: String,
    pub published: Option<String>,
    pub views: Option<u64>,
    pub source: Option<String>,
    pub category: Option<String>,
    pub authors: Vec<String>,
    pub editor: Option<String>,
    pub paragraphs: Vec<String>,
    pub notice: Option<String>,
}

const LABELS: [(&str, Field); 10] = [
    ("來源", Field::Source),
    ("来源", Field::Source),
    ("分類", Field::Category),
    ("分类", Field::Category),
    ("作者", Field::Author),
    ("記者", Field::Author),
    ("记者", Field::Author),
    ("欄目", Field::Category),
    ("栏目", Field::Category),
    ("出處", Field::Source),
];

const EDITOR_LABELS: [&str; 4] = ["責任編輯", "责任编辑", "責編", "责编"];

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Field {
    Source,
    Category,
    Author,
}

/// Reads the layout. `offset` is the time zone assumed for the meta line's wall-clock time.
/// Returns `None` when the text has no line that could be a title.
pub fn parse_scraped(text: &str, offset: UtcOffset) -> Option<ScrapedArticle> {
    let lines: Vec<&str> = text.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    let first = *lines.first()?;
    let mut art = ScrapedArticle::default();

    // The meta line is one of the first four lines; what stands before it is [kicker,] title.
    let meta_at = lines.iter().take(4).position(|l| looks_like_meta(l));
    let body_start = match meta_at {
        Some(0) | None => {
            art.title = first.to_owned();
            if meta_at == Some(0) {
                // A meta line first and no title: the next line is the title.
                read_meta(lines[0], offset, &mut art);
                art.title = lines.get(1).map(|s| s.to_string()).unwrap_or_default();
                2
            } else {
                1
            }
        }
        Some(m) => {
            // (The headline the report first had, `原标题：…`, may stand between the title and the meta line: it
            // is then the body's first line, which the news conventions make the subtitle.)
            let original = m >= 2 && super::news::original_title(lines[m - 1]).is_some();
            let t = if original { m - 2 } else { m - 1 };
            art.title = lines[t].to_owned();
            if t >= 1 {
                art.kicker = Some(lines[t - 1].to_owned());
            }
            read_meta(lines[m], offset, &mut art);
            if original {
                art.paragraphs.push(lines[m - 1].to_owned());
            }
            m + 1
        }
    };
    if art.title.is_empty() {
        return None;
    }
    let rest = &lines[body_start.min(lines.len())..];
    let editor_at = rest.iter().position(|l| editor_of(l).is_some());
    let (body, tail) = match editor_at {
        Some(e) => (&rest[..e], &rest[e..]),
        None => (rest, &rest[rest.len()..]),
    };
    art.paragraphs.extend(body.iter().map(|s| s.to_string()));
    if let Some(editor_line) = tail.first() {
        art.editor = editor_of(editor_line);
        let notice = tail[1..].join("\n");
        art.notice = (!notice.is_empty()).then_some(notice);
    }
    Some(art)
}

pub(crate) fn editor_of(line: &str) -> Option<String> {
    // (In brackets too: `（责任编辑：王五）`.)
    let line = super::news::unbracketed(line.trim());
    let rest = match EDITOR_LABELS.iter().find(|l| line.starts_with(**l)) {
        Some(label) => line[label.len()..].trim_start_matches([':', '：', ' ', '\u{3000}']),
        // (`编辑：孙七` with its colon: `编辑部表示…` is a sentence.)
        None => ["编辑", "編輯"].iter().find_map(|l| line.strip_prefix(l)?.trim_start().strip_prefix([':', '：']))?,
    };
    let rest = rest.trim();
    (!rest.is_empty() && rest.chars().count() <= 40).then(|| rest.to_owned())
}

fn looks_like_meta(line: &str) -> bool {
    let has_label = has_label(line);
    let has_views = parse_views(line).is_some();
    let has_date = parse_date(line, UtcOffset::UTC).is_some();
    (has_label || has_views || has_date) && line.chars().count() <= 200 && (has_label || has_views || line.len() < 40)
}

/// Whether `line` names a source, category or author with a label (`來源：`) or counts views: a web page's byline
/// (a date alone is not enough there: a list of other articles has dates too).
pub(crate) fn names_or_counts(line: &str) -> bool {
    has_label(line) || parse_views(line).is_some()
}

fn has_label(line: &str) -> bool {
    LABELS.iter().any(|(l, _)| line.contains(&format!("{l}:")) || line.contains(&format!("{l}：")))
}

/// Whether the meta line `line`, read into `said` by [`read_meta`], says nothing more than that: once its labels,
/// values, date and view count are taken out, no letter is left (`2024-05-01 10:00　来源：有色网` says nothing
/// more; `来源：有色网　摄影：李四` does).
pub(crate) fn says_only_meta(line: &str, said: &ScrapedArticle) -> bool {
    let mut rest = line.to_owned();
    let values = said.source.iter().chain(&said.category).chain(&said.authors);
    let words = LABELS.iter().map(|(l, _)| *l).chain(VIEWS_AFTER).chain(VIEWS_BEFORE);
    for word in values.map(String::as_str).chain(words) {
        rest = rest.replace(word, " ");
    }
    // (A date's and a time's words: 2018年11月30日 11時21分.)
    !rest.chars().any(|c| c.is_alphabetic() && !"年月日時时分秒".contains(c))
}

/// Reads a meta line's date, views, source, category and authors into `art`.
pub(crate) fn read_meta(line: &str, offset: UtcOffset, art: &mut ScrapedArticle) {
    let date = parse_date(line, offset);
    let views = parse_views(line);
    // A labelled value ends at the next label, or where the date or the view count starts.
    let stops: Vec<usize> = date.iter().map(|d| d.1).chain(views.iter().map(|v| v.1)).collect();
    art.published = date.map(|d| d.0);
    art.views = views.map(|v| v.0);
    // Find every label with its colon, then each value runs to the next label.
    let mut marks: Vec<(usize, usize, Field)> = Vec::new();
    for (label, field) in LABELS {
        for colon in [':', '：'] {
            let needle = format!("{label}{colon}");
            let mut from = 0;
            while let Some(p) = line[from..].find(&needle) {
                marks.push((from + p, from + p + needle.len(), field));
                from += p + needle.len();
            }
        }
    }
    marks.sort();
    for (i, (_, value_start, field)) in marks.iter().enumerate() {
        let next_label = marks.get(i + 1).map(|m| m.0).unwrap_or(line.len());
        let value_end = stops.iter().copied().filter(|s| *s > *value_start).fold(next_label, usize::min);
        // (Without the brackets a line may stand in: `（來源：有色報）`, `【作者：張三】`.)
        let value = line[*value_start..value_end]
            .trim_matches(|c: char| c.is_whitespace() || "\u{3000}（）()【】[]「」".contains(c));
        if value.is_empty() {
            continue;
        }
        match field {
            Field::Source => art.source = Some(value.to_owned()),
            Field::Category => art.category = Some(value.to_owned()),
            Field::Author => {
                art.authors = value
                    .split(['、', ',', '，', ' ', '\u{3000}', ';', '；'])
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(str::to_owned)
                    .collect()
            }
        }
    }
}

/// The words after a view count (`12269次瀏覽`) and before one (`瀏覽：12269`).
const VIEWS_AFTER: [&str; 6] = ["次瀏覽", "次浏览", "次閱讀", "次阅读", "次點擊", "次点击"];
const VIEWS_BEFORE: [&str; 6] = ["瀏覽", "浏览", "閱讀", "阅读", "點擊", "点击"];

/// `12269次瀏覽` / `12269次浏览` / `阅读 12269` / `瀏覽:12269` / `點擊：3021` / `瀏覽 3,201` / `1.2万次阅读`: the count
/// and where its text starts.
fn parse_views(line: &str) -> Option<(u64, usize)> {
    for word in VIEWS_AFTER {
        if let Some(p) = line.find(word) {
            // The longest count that ends where the word starts (`12,269`, `1.2万`; `30日,12269` gives 12269).
            let before = &line[..p];
            let start = before
                .char_indices()
                .rev()
                .take_while(|(_, c)| c.is_ascii_digit() || matches!(c, ',' | '.' | '万' | '萬'))
                .last()
                .map_or(p, |(i, _)| i);
            let found = (start..p)
                .filter(|i| before.is_char_boundary(*i))
                .find_map(|i| read_count(&before[i..]).map(|n| (n, i)));
            if found.is_some() {
                return found;
            }
        }
    }
    for word in VIEWS_BEFORE {
        if let Some(p) = line.find(word) {
            let after = line[p + word.len()..].trim_start_matches([':', '：', ' ']);
            let run: String =
                after.chars().take_while(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | '万' | '萬')).collect();
            // (The longest count the run starts with: `3,201，來源` is 3201; `12269.` is 12269.)
            let found = (1..=run.len()).rev().filter(|e| run.is_char_boundary(*e)).find_map(|e| read_count(&run[..e]));
            if let Some(n) = found {
                return Some((n, p));
            }
        }
    }
    None
}

/// A count as a page writes it: `12269`, `3,201` (commas between groups of three), `1.2万` / `3萬` (ten
/// thousands). `None` for anything else (`,201`, `3,20`, `1.2` without 万).
fn read_count(s: &str) -> Option<u64> {
    let (number, unit) = match s.strip_suffix(['万', '萬']) {
        Some(n) => (n, 10_000),
        None => (s, 1),
    };
    if unit > 1 {
        // (Tenths of ten thousand at most: 1.25万 is 12,500.)
        let (whole, fraction) = number.split_once('.').unwrap_or((number, ""));
        if whole.is_empty()
            || !whole.bytes().all(|b| b.is_ascii_digit())
            || !fraction.bytes().all(|b| b.is_ascii_digit())
        {
            return None;
        }
        let fraction = fraction.get(..4).unwrap_or(fraction);
        let scaled = format!("{fraction:0<4}").parse::<u64>().ok()?;
        return whole.parse::<u64>().ok()?.checked_mul(unit)?.checked_add(scaled);
    }
    let mut groups = number.split(',');
    let first = groups.next()?;
    let ok_first = !first.is_empty() && first.bytes().all(|b| b.is_ascii_digit());
    let rest: Vec<&str> = groups.collect();
    let ok_rest = rest.iter().all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()));
    if !ok_first || !ok_rest || (!rest.is_empty() && first.len() > 3) {
        return None;
    }
    number.replace(',', "").parse().ok()
}

/// The months' names, January first, in the languages whose dates [`date_in_words`] reads: English, French,
/// German, Spanish, Italian, Portuguese, Dutch, and Russian (as a date writes it, `30 ноября`, and as a name).
#[rustfmt::skip]
const MONTH_NAMES: [[&str; 12]; 9] = [
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"],
    ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
    ["januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "dezember"],
    ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"],
    ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre"],
    ["janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro", "novembro", "dezembro"],
    ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"],
    ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"],
    ["январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь"],
];

/// The month (0 for January) a word names: a month's name in one of [`MONTH_NAMES`]' languages, or the start of
/// one (three letters or more, a closing `.` aside: `Dec.`, `Sept`, `févr.`) that names no other month.
pub(crate) fn month_named(word: &str) -> Option<usize> {
    let w = word.trim_end_matches('.').to_lowercase();
    if w.chars().count() < 3 {
        return None;
    }
    let names = || MONTH_NAMES.iter().flat_map(|l| l.iter().enumerate());
    if let Some((m, _)) = names().find(|(_, n)| **n == w) {
        return Some(m);
    }
    let mut months = names().filter(|(_, n)| n.starts_with(w.as_str())).map(|(m, _)| m);
    let first = months.next()?;
    months.all(|m| m == first).then_some(first)
}

/// A date as text writes it in words — `December 1, 2026`, `Dec. 1, 2026`, `1 December 2026`, `Sept 3rd, 2026`,
/// `30 novembre 2026`, `30. November 2026`, `30 de noviembre de 2026`, `30 ноября 2026` — as YYYY-MM-DD: the first
/// month's name with a day of that month beside it and a year after. `None` without a year ("June 3").
pub(crate) fn date_in_words(text: &str) -> Option<String> {
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '·' | '|' | '—'))
        .filter(|w| !w.is_empty() && !matches!(*w, "de" | "del" | "of"))
        .collect();
    let day_of = |w: &str| {
        let w = w.strip_suffix('.').unwrap_or(w);
        let d = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        ["", "st", "nd", "rd", "th", "er"].contains(&&w[d.len()..]).then(|| d.parse::<u8>().ok()).flatten()
    };
    let year_of = |w: &str| w.parse::<i32>().ok().filter(|y| w.len() == 4 && (1900..=2200).contains(y));
    for (i, w) in words.iter().enumerate() {
        let Some(m) = month_named(w) else { continue };
        // `December 1, 2026` or `1 December 2026`.
        let before = i.checked_sub(1).and_then(|j| day_of(words[j]));
        let (day, year) = match (words.get(i + 1).and_then(|w| day_of(w)), before) {
            (Some(d), _) => (d, words.get(i + 2)),
            (None, Some(d)) => (d, words.get(i + 1)),
            _ => continue,
        };
        let Some(year) = year.and_then(|w| year_of(w)) else { continue };
        let month = time::Month::try_from(m as u8 + 1).ok()?;
        if time::Date::from_calendar_date(year, month, day).is_ok() {
            return Some(format!("{year:04}-{:02}-{day:02}", m + 1));
        }
    }
    None
}

/// `2018年11月30日 11:21`, `2018-11-30 11:21[:05]`, `2018년 11월 30일`, a date written day or month first where
/// that cannot be mistaken (`30/11/2026`, `30.11.2026 10:05`: a day above 12 first; `11/30/2026`: after the
/// month), or a bare date, as RFC 3339 (or YYYY-MM-DD), and where its text starts. (`05/11/2026` is either: no
/// date.)
pub(crate) fn parse_date(line: &str, offset: UtcOffset) -> Option<(String, usize)> {
    let nums: Vec<(usize, u32, usize)> = numbers(line);
    for w in 0..nums.len() {
        let (Some(&(start, a, _)), Some(&(_, b, _)), Some(&(_, c, c_end))) =
            (nums.get(w), nums.get(w + 1), nums.get(w + 2))
        else {
            continue;
        };
        let between = &line[start..c_end];
        // Year first (2018年11月30日, 2018-11-30, 2018/11/30, 2018.11.30, 2018년 11월 30일), else last after a day
        // and a month that only one order allows, written with / . or - between.
        let (y, m, d) =
            if (1900..=2200).contains(&a) && (between.contains(['年', '-', '/', '.']) || between.contains('년')) {
                (a, b, c)
            } else if (1900..=2200).contains(&c)
                && line[start..c_end].len() <= 10
                && between.chars().filter(|ch| !ch.is_ascii_digit()).all(|ch| matches!(ch, '/' | '.' | '-'))
            {
                match (a > 12, b > 12) {
                    (true, false) => (c, b, a),
                    (false, true) => (c, a, b),
                    _ => continue,
                }
            } else {
                continue;
            };
        let Some(month) = u8::try_from(m).ok().and_then(|m| Month::try_from(m).ok()) else { continue };
        let Some(day) = u8::try_from(d).ok() else { continue };
        let Ok(date) = Date::from_calendar_date(y as i32, month, day) else { continue };
        // A time right after the date: hh:mm[:ss].
        if let (Some(&(h_start, h, _)), Some(&(_, mi, mi_end))) = (nums.get(w + 3), nums.get(w + 4)) {
            let gap = &line[c_end..h_start];
            let colon = &line[nums[w + 3].2..nums[w + 4].0];
            // (hh:mm, or the hour and the minutes as Chinese, Japanese and Korean write them: 12時30分, 12点30分,
            // 12시 30분.)
            let hour_mark = matches!(colon.trim(), "時" | "时" | "点" | "點" | "시");
            if gap.chars().all(|c| c.is_whitespace() || matches!(c, '日' | '일' | 'T' | ','))
                && (colon == ":" || colon == "：" || hour_mark)
            {
                let sec = nums
                    .get(w + 5)
                    .filter(|(s_start, _, _)| matches!(&line[mi_end..*s_start], ":" | "："))
                    .map(|n| n.1)
                    .unwrap_or(0);
                if let Ok(t) = Time::from_hms(h as u8, mi as u8, sec as u8) {
                    let dt = PrimitiveDateTime::new(date, t).assume_offset(offset);
                    return dt.format(&time::format_description::well_known::Rfc3339).ok().map(|s| (s, start));
                }
            }
        }
        return Some((format!("{:04}-{:02}-{:02}", date.year(), date.month() as u8, date.day()), start));
    }
    None
}

/// Runs of ASCII digits in `line`: (start, value, end).
fn numbers(line: &str) -> Vec<(usize, u32, usize)> {
    let mut out = Vec::new();
    let b = line.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_digit() {
            let s = i;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            if let Ok(v) = line[s..i].parse::<u32>() {
                out.push((s, v, i));
            }
        } else {
            i += 1;
        }
    }
    out
}

/// Where the Central News Agency's reporters file from, as its datelines write it after their names
/// (`（中央社記者王小明台北28日電）`): Taiwan's cities and counties and the agency's bureaus abroad.
const AGENCY_PLACES: [&str; 40] = [
    "台北",
    "臺北",
    "新北",
    "桃園",
    "台中",
    "臺中",
    "台南",
    "臺南",
    "高雄",
    "基隆",
    "新竹",
    "苗栗",
    "彰化",
    "南投",
    "雲林",
    "嘉義",
    "屏東",
    "宜蘭",
    "花蓮",
    "台東",
    "臺東",
    "澎湖",
    "金門",
    "馬祖",
    "連江",
    "東京",
    "首爾",
    "北京",
    "上海",
    "香港",
    "新加坡",
    "曼谷",
    "雅加達",
    "馬尼拉",
    "紐約",
    "華盛頓",
    "洛杉磯",
    "倫敦",
    "巴黎",
    "柏林",
];

/// The reporters of a Central News Agency dateline, `（中央社記者王小明、李大同台北28日電）` (the place before the
/// date: one of [`AGENCY_PLACES`]); `None` where the text does not start with one.
fn agency_reporters(head: &str) -> Option<Vec<String>> {
    let at = ["中央社記者", "中央社记者"].iter().find_map(|m| head.find(m).map(|i| i + m.len()))?;
    let run: String = head[at..].chars().take_while(|c| !c.is_ascii_digit() && !"（）()".contains(*c)).collect();
    let names = AGENCY_PLACES.iter().find_map(|p| run.strip_suffix(p))?;
    let names: Vec<String> = names.split(['、', '，', ',', ' ']).filter(|n| !n.is_empty()).map(str::to_owned).collect();
    let a_name = |n: &String| (2..=4).contains(&n.chars().count()) && n.chars().all(super::clean::is_han);
    (!names.is_empty() && names.iter().all(a_name)).then_some(names)
}

/// The reporters a Chinese report's dateline names, near the start of its first paragraph: `新华社北京6月3日电
/// （记者王小明、李华）`, `本报讯（记者 张三 通讯员 李四）` (the reporters, not the correspondent),
/// `（記者王小明）`, and as Taiwan's papers write it, `〔記者王小明／台北報導〕` or a first line `記者王小明、李大同／台北報導`
/// (the names before the `／`). None unless every name is two to four Chinese characters (or a name with `·`).
pub fn reporters_in_dateline(text: &str) -> Vec<String> {
    let head: String = text.chars().take(60).collect();
    if let Some(names) = agency_reporters(&head) {
        return names;
    }
    let opens = ["（记者", "(记者", "（記者", "(記者", "〔記者", "〔记者", "[記者", "[记者"];
    let at = opens.iter().find_map(|m| head.find(m).map(|i| i + m.len()));
    // (Or at the start, unbracketed, with its place and 報導 after a slash: `記者王小明／台北報導`; not `記者會上…`.)
    let at = at.or_else(|| {
        let rest = ["記者", "记者"].iter().find_map(|m| head.strip_prefix(m))?;
        let (_, after) = rest.split_once(['／', '/'])?;
        let place = after.split(|c: char| c.is_whitespace() || "，。".contains(c)).next()?;
        (place.ends_with("報導") || place.ends_with("报道")).then_some(head.len() - rest.len())
    });
    let Some(at) = at else { return Vec::new() };
    let Some(end) = head[at..].find(['）', ')', '〕', ']', '／', '/']) else { return Vec::new() };
    let mut names = Vec::new();
    for word in head[at..at + end].split(['、', '，', ',', ' ', '\u{3000}']).filter(|w| !w.is_empty()) {
        // (Those after are not its reporters: 通讯员 a correspondent, 实习生 an intern, 摄影 a photographer.)
        if ["通讯员", "通訊員", "实习生", "實習生", "摄影", "攝影", "见习记者", "見習記者"]
            .iter()
            .any(|w2| word.starts_with(w2))
        {
            break;
        }
        let han = word.chars().filter(|c| super::clean::is_han(*c)).count();
        let a_name = if word.contains('·') { han >= 2 } else { (2..=4).contains(&han) };
        if !a_name || word.chars().any(|c| !super::clean::is_han(c) && c != '·') {
            return Vec::new();
        }
        names.push(word.to_owned());
    }
    names
}

/// The reporters a Korean wire report's dateline names at the start of its first paragraph: `(서울=연합뉴스) 김철수
/// 기자 = …`, `[세종=뉴시스] 김철수 이영희 기자 = …`, `(워싱턴=연합뉴스) 김동현 특파원 = …`. None unless every name is
/// two to four Hangul syllables.
pub fn korean_reporters_in_dateline(text: &str) -> Vec<String> {
    let t = text.trim_start();
    let Some((open, close)) = [('(', ')'), ('[', ']')].into_iter().find(|(o, _)| t.starts_with(*o)) else {
        return Vec::new();
    };
    let Some(end) = t.find(close) else { return Vec::new() };
    // (The place and the agency: 서울=연합뉴스.)
    if !t[open.len_utf8()..end].contains('=') {
        return Vec::new();
    }
    let after = &t[end + close.len_utf8()..];
    let Some(eq) = after.find('=').filter(|&i| i <= 60) else { return Vec::new() };
    let byline = after[..eq].trim();
    let Some(names) = ["기자", "특파원"].iter().find_map(|w| byline.strip_suffix(w)) else { return Vec::new() };
    let names: Vec<String> = names.split_whitespace().map(str::to_owned).collect();
    let all_names =
        names.iter().all(|n| n.chars().all(crate::domain::convert::is_hangul) && (2..=4).contains(&n.chars().count()));
    if names.is_empty() || !all_names {
        return Vec::new();
    }
    names
}

/// The reporters a Japanese newspaper's dateline names at the start of its first paragraph: `【ワシントン=山田太郎】`,
/// `【北京=田中一郎、佐藤花子】` (the place, then the names). None for an agency's (`【ワシントン=共同】`,
/// `【ニューヨーク=ロイター】`) or unless every name is two to six kanji or kana.
pub fn japanese_reporters_in_dateline(text: &str) -> Vec<String> {
    const AGENCIES: [&str; 10] =
        ["共同", "時事", "ロイター", "ブルームバーグ", "AP", "AFP時事", "AFP", "新華社", "聯合", "連合"];
    let Some(inner) = text.trim_start().strip_prefix('【').and_then(|t| t.split_once('】')).map(|(i, _)| i) else {
        return Vec::new();
    };
    let Some((_, names)) = inner.split_once(['=', '＝']) else { return Vec::new() };
    let names: Vec<String> = names.split(['、', '，', ',']).map(|n| n.trim().to_owned()).collect();
    let japanese = |c: char| super::clean::is_han(c) || crate::domain::convert::is_kana(c);
    let a_name = |n: &String| {
        n.chars().all(japanese) && (2..=6).contains(&n.chars().count()) && !AGENCIES.iter().any(|a| n.starts_with(a))
    };
    if names.is_empty() || !names.iter().all(a_name) {
        return Vec::new();
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_japanese_dateline_names_its_reporters() {
        let names = |t: &str| japanese_reporters_in_dateline(t);
        assert_eq!(names("【ワシントン=山田太郎】米国の"), ["山田太郎"]);
        assert_eq!(names("【北京＝田中一郎、佐藤花子】中国の"), ["田中一郎", "佐藤花子"]);
        // An agency's, not a reporter; no dateline; not names.
        for text in [
            "【ワシントン=共同】米国の",
            "【ニューヨーク=ロイター】",
            "ロンドン金属取引所で",
            "【北京=John Smith】",
            "【速報】",
        ] {
            assert!(names(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn the_korean_wire_dateline_names_its_reporters() {
        let names = |t: &str| korean_reporters_in_dateline(t);
        assert_eq!(names("(서울=연합뉴스) 김철수 기자 = 올해 한국의 니켈 수입량이 늘었다."), ["김철수"]);
        assert_eq!(names("[세종=뉴시스] 김철수 이영희 기자 = 정부는"), ["김철수", "이영희"]);
        assert_eq!(names("(워싱턴=연합뉴스) 김동현 특파원 = 미국"), ["김동현"]);
        // Not a dateline; not names.
        for text in [
            "(서울) 김철수 기자 = 올해",
            "김철수 기자 = 올해",
            "(서울=연합뉴스) 올해 니켈 수입이 늘었다 = 전망",
            "(서울=연합뉴스) John Kim 기자 = x",
        ] {
            assert!(names(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn view_counts_as_pages_write_them() {
        let views = |line: &str| parse_views(line).map(|v| v.0);
        assert_eq!(views("2018年11月30日 11:21 12269次瀏覽 來源: 有色報"), Some(12269));
        assert_eq!(views("2026/11/28 14:05 瀏覽 3,201 來源: 中央社"), Some(3201));
        assert_eq!(views("瀏覽：3,201，來源：中央社"), Some(3201));
        assert_eq!(views("12,269次浏览"), Some(12269));
        assert_eq!(views("1,234,567次阅读"), Some(1_234_567));
        assert_eq!(views("阅读 1.2万"), Some(12_000));
        assert_eq!(views("1.25万次阅读"), Some(12_500));
        assert_eq!(views("3萬次點擊"), Some(30_000));
        // Not thousands: a date's comma, a group of two, a decimal without 万.
        assert_eq!(views("11月30日,12269次瀏覽"), Some(12269));
        assert_eq!(views("阅读 3,20"), Some(3));
        assert_eq!(views("阅读 12269."), Some(12269));
        assert_eq!(views("点击 万"), None);
        assert_eq!(views("来源：有色网"), None);
    }

    #[test]
    fn a_count_where_its_text_starts() {
        let line = "2026/11/28 14:05 瀏覽 3,201 來源: 中央社";
        let mut art = ScrapedArticle::default();
        read_meta(line, UtcOffset::UTC, &mut art);
        assert_eq!((art.views, art.source.as_deref()), (Some(3201), Some("中央社")));
        let line = "1.2万次阅读 来源：有色网";
        let mut art = ScrapedArticle::default();
        read_meta(line, UtcOffset::UTC, &mut art);
        assert_eq!((art.views, art.source.as_deref()), (Some(12_000), Some("有色网")));
    }

    #[test]
    fn dates_as_pages_write_them() {
        let date = |t: &str| parse_date(t, UtcOffset::from_hms(9, 0, 0).unwrap()).map(|(d, _)| d);
        let some = |d: &str| Some(d.to_owned());
        assert_eq!(date("2018年11月30日 11:21"), some("2018-11-30T11:21:00+09:00"));
        assert_eq!(date("发布时间：2018-11-30"), some("2018-11-30"));
        assert_eq!(date("2026년 11월 30일 09:15"), some("2026-11-30T09:15:00+09:00"));
        assert_eq!(date("2026年11月30日 12時30分"), some("2026-11-30T12:30:00+09:00"));
        assert_eq!(date("2026年11月30日12点30分"), some("2026-11-30T12:30:00+09:00"));
        assert_eq!(date("2026년 11월 30일 오전 9시 15분"), some("2026-11-30"));
        assert_eq!(date("2026년 11월 30일 09시 15분"), some("2026-11-30T09:15:00+09:00"));
        assert_eq!(date("2026.11.30."), some("2026-11-30"));
        // Day or month first, where only one order is a date.
        assert_eq!(date("30/11/2026"), some("2026-11-30"));
        assert_eq!(date("30.11.2026, 10:05"), some("2026-11-30T10:05:00+09:00"));
        assert_eq!(date("Updated 11/30/2026"), some("2026-11-30"));
        // Either order, or neither: no date.
        assert_eq!(date("05/11/2026"), None);
        assert_eq!(date("31/31/2026"), None);
        assert_eq!(date("30/11/26"), None);
        assert_eq!(date("a score of 15-3 in 2026"), None);
    }

    #[test]
    fn dates_in_words_in_the_languages_of_news() {
        let some = |d: &str| Some(d.to_owned());
        for (text, want) in [
            ("By Ann Smith, December 1, 2026", "2026-12-01"),
            ("Sept 3rd, 2025", "2025-09-03"),
            ("Publié le 30 novembre 2026 à 10h05", "2026-11-30"),
            ("1er décembre 2026", "2026-12-01"),
            ("30. November 2026, 10:05 Uhr", "2026-11-30"),
            ("30 de noviembre de 2026", "2026-11-30"),
            ("30 de novembro de 2026", "2026-11-30"),
            ("30 novembre 2026", "2026-11-30"),
            ("30 november 2026", "2026-11-30"),
            ("30 ноября 2026, 10:05", "2026-11-30"),
            ("févr. 3, 2026", "2026-02-03"),
            ("3 mei 2026", "2026-05-03"),
        ] {
            assert_eq!(date_in_words(text), some(want), "{text}");
        }
        // No year, no day, or a start of a word that names two months (jui: juin, juillet).
        for text in ["June 3", "November 2026", "3 jui 2026", "Marc 32 2026"] {
            assert_eq!(date_in_words(text), None, "{text}");
        }
    }

    #[test]
    fn taiwans_papers_datelines_name_their_reporters() {
        let names = |t: &str| reporters_in_dateline(t);
        assert_eq!(names("〔記者王小明／台北報導〕立法院今天三讀通過"), ["王小明"]);
        assert_eq!(names("記者王小明、李大同／台北報導"), ["王小明", "李大同"]);
        assert_eq!(names("记者王小明/北京报道 今天"), ["王小明"]);
        // A press conference (記者會) is no dateline; nor a slash without 報導.
        for text in ["記者會上，部長表示將檢討", "記者會／台北", "記者王小明／攝影"] {
            assert!(names(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn the_agency_dateline_names_its_reporters() {
        let names = |t: &str| reporters_in_dateline(t);
        assert_eq!(names("（中央社記者王小明台北28日電）總統今天表示"), ["王小明"]);
        assert_eq!(names("（中央社記者王小明、李大同華盛頓27日專電）美國"), ["王小明", "李大同"]);
        assert_eq!(names("（中央社记者王小明台北28日电）"), ["王小明"]);
        // No reporter; a place not known (the name and the place cannot be told apart).
        assert!(names("（中央社台北28日電）總統今天表示").is_empty());
        assert!(names("（中央社記者王小明開羅28日電）").is_empty());
    }

    #[test]
    fn an_editors_line() {
        assert_eq!(editor_of("責任編輯:定律").as_deref(), Some("定律"));
        assert_eq!(editor_of("（责编：李四、王五）").as_deref(), Some("李四、王五"));
        assert_eq!(editor_of("编辑：孙七").as_deref(), Some("孙七"));
        assert_eq!(editor_of("編輯: 孫七").as_deref(), Some("孫七"));
        // A sentence that starts with the word is not an editor's line.
        assert_eq!(editor_of("编辑部表示，将继续关注。"), None);
        assert_eq!(editor_of("编辑 孙七"), None);
    }
}
