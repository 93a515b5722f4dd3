//! Dates and counts as readers of each interface language expect them.

use super::article::{Published, PublishedKind};

/// Whether the language tag `tag` is `primary` or a subtag of it (`zh`, `zh-TW`, `ZH-Hant` for `zh`), in any case.
pub fn tag_is(tag: &str, primary: &str) -> bool {
    let (t, p) = (tag.as_bytes(), primary.as_bytes());
    t.len() >= p.len() && t[..p.len()].eq_ignore_ascii_case(p) && matches!(t.get(p.len()), None | Some(b'-'))
}

/// The direction to lay out text in language `lang` (a BCP 47 tag): `rtl` for a language written right to left
/// (Arabic, Hebrew, Persian, Urdu, Pashto, Sindhi, Uyghur, Yiddish, Dhivehi, Syriac, Sorani, N'Ko) or a tag that
/// names such a script (`az-Arab`, `pa-Arab`), `None` for others (the page's own, left to right — or, in an
/// interface laid out right to left (`within`), `ltr`); without a tag `auto`: the browser takes it from the text's
/// first letter.
pub fn text_dir(lang: Option<&str>, within: UiLang) -> Option<&'static str> {
    const RTL_LANGS: [&str; 14] =
        ["ar", "he", "iw", "fa", "ur", "ps", "sd", "ug", "yi", "dv", "syr", "ckb", "nqo", "arc"];
    const RTL_SCRIPTS: [&str; 7] = ["arab", "hebr", "thaa", "syrc", "nkoo", "adlm", "rohg"];
    let Some(lang) = lang else { return Some("auto") };
    let mut subtags = lang.split(['-', '_']);
    let primary = subtags.next().unwrap_or_default();
    let rtl = match subtags.find(|s| s.len() == 4 && s.bytes().all(|b| b.is_ascii_alphabetic())) {
        Some(script) => RTL_SCRIPTS.iter().any(|r| script.eq_ignore_ascii_case(r)),
        None => RTL_LANGS.iter().any(|r| primary.eq_ignore_ascii_case(r)),
    };
    match (rtl, within.dir()) {
        (true, _) => Some("rtl"),
        (false, "rtl") => Some("ltr"),
        _ => None,
    }
}

/// The direction to give the interface's own words inside an article in language `lang` (its labels, its
/// buttons): the interface's, when it differs from the article's (`rtl` for the labels of an Arabic interface in a
/// Chinese card; `ltr` for an English interface's in an Arabic one); `None` when they agree. (In an article that
/// does not say its language, `rtl` for a right-to-left interface's: the article may run either way.)
pub fn ui_dir_inside(lang: Option<&str>, ui: UiLang) -> Option<&'static str> {
    match text_dir(lang, ui) {
        Some("auto") => (ui.dir() == "rtl").then_some("rtl"),
        Some(d) if d != ui.dir() => Some(ui.dir()),
        None if ui.dir() == "rtl" => Some("rtl"),
        _ => None,
    }
}

/// The language of a language tag as the viewer groups articles by it: Chinese by its script (`zh-Hant` for
/// `zh-TW`, `zh-HK`, `zh-MO` and `zh-Hant*`; `zh-Hans` for `zh-CN`, `zh-SG` and `zh-Hans*`; `zh` when the tag does
/// not say), any other by its primary subtag (`en-GB` is `en`).
pub fn language_key(tag: &str) -> &str {
    let tag = tag.trim();
    if tag_is(tag, "zh") {
        let t = tag.to_ascii_lowercase();
        let has = |subtags: &[&str]| t.split(['-', '_']).skip(1).any(|s| subtags.contains(&s));
        return if has(&["hant", "tw", "hk", "mo"]) {
            "zh-Hant"
        } else if has(&["hans", "cn", "sg", "my"]) {
            "zh-Hans"
        } else {
            "zh"
        };
    }
    tag.split(['-', '_']).next().unwrap_or(tag)
}

/// A language's own name (its autonym: what a reader of it looks for in a list of languages), for a key of
/// [`language_key`]; `None` for one the viewer does not know.
pub fn language_name(key: &str) -> Option<&'static str> {
    const NAMES: [(&str, &str); 46] = [
        ("zh-Hant", "繁體中文"),
        ("zh-Hans", "简体中文"),
        ("zh", "中文"),
        ("en", "English"),
        ("ja", "日本語"),
        ("ko", "한국어"),
        ("fr", "Français"),
        ("de", "Deutsch"),
        ("es", "Español"),
        ("pt", "Português"),
        ("it", "Italiano"),
        ("nl", "Nederlands"),
        ("ru", "Русский"),
        ("uk", "Українська"),
        ("pl", "Polski"),
        ("cs", "Čeština"),
        ("sk", "Slovenčina"),
        ("hu", "Magyar"),
        ("ro", "Română"),
        ("bg", "Български"),
        ("sr", "Српски"),
        ("hr", "Hrvatski"),
        ("el", "Ελληνικά"),
        ("tr", "Türkçe"),
        ("sv", "Svenska"),
        ("da", "Dansk"),
        ("nb", "Norsk bokmål"),
        ("no", "Norsk"),
        ("fi", "Suomi"),
        ("ar", "العربية"),
        ("he", "עברית"),
        ("fa", "فارسی"),
        ("ur", "اردو"),
        ("hi", "हिन्दी"),
        ("bn", "বাংলা"),
        ("ta", "தமிழ்"),
        ("th", "ไทย"),
        ("lo", "ລາວ"),
        ("my", "မြန်မာ"),
        ("km", "ខ្មែរ"),
        ("bo", "བོད་ཡིག"),
        ("mn", "Монгол"),
        ("vi", "Tiếng Việt"),
        ("id", "Bahasa Indonesia"),
        ("ms", "Bahasa Melayu"),
        ("yue", "粵語"),
    ];
    NAMES.iter().find(|(k, _)| k.eq_ignore_ascii_case(key)).map(|(_, name)| *name)
}

/// The interface languages. Chinese and English are compiled into the viewer; the others' words are a catalog
/// each (`static/i18n/<tag>.json`), fetched when a reader first needs it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum UiLang {
    /// 繁體中文
    ZhHant,
    /// 简体中文
    ZhHans,
    En,
    Ja,
    Ko,
    Fr,
    De,
    Es,
    Pt,
    It,
    Ru,
    Id,
    Tr,
    Vi,
    /// Arabic: the interface laid out right to left.
    Ar,
    /// Hebrew: right to left too.
    He,
    /// Persian: right to left, its own digits and the Solar Hijri calendar.
    Fa,
    /// Hindi: Indian grouping of digits (12,34,567).
    Hi,
    /// Bengali: its own digits, Indian grouping.
    Bn,
    Pl,
    /// Thai: years of the Buddhist Era (2018 is 2561).
    Th,
    /// Urdu: right to left.
    Ur,
}

impl UiLang {
    /// In the order the language menu lists them.
    pub const ALL: [UiLang; 22] = [
        UiLang::ZhHant,
        UiLang::ZhHans,
        UiLang::En,
        UiLang::Ja,
        UiLang::Ko,
        UiLang::Fr,
        UiLang::De,
        UiLang::Es,
        UiLang::Pt,
        UiLang::It,
        UiLang::Ru,
        UiLang::Id,
        UiLang::Tr,
        UiLang::Vi,
        UiLang::Ar,
        UiLang::He,
        UiLang::Fa,
        UiLang::Hi,
        UiLang::Bn,
        UiLang::Pl,
        UiLang::Th,
        UiLang::Ur,
    ];

    /// The BCP 47 tag (for `lang` attributes, storage and the catalog's file name).
    pub fn tag(self) -> &'static str {
        match self {
            UiLang::ZhHant => "zh-Hant",
            UiLang::ZhHans => "zh-Hans",
            UiLang::En => "en",
            UiLang::Ja => "ja",
            UiLang::Ko => "ko",
            UiLang::Fr => "fr",
            UiLang::De => "de",
            UiLang::Es => "es",
            UiLang::Pt => "pt",
            UiLang::It => "it",
            UiLang::Ru => "ru",
            UiLang::Id => "id",
            UiLang::Tr => "tr",
            UiLang::Vi => "vi",
            UiLang::Ar => "ar",
            UiLang::He => "he",
            UiLang::Fa => "fa",
            UiLang::Hi => "hi",
            UiLang::Bn => "bn",
            UiLang::Pl => "pl",
            UiLang::Th => "th",
            UiLang::Ur => "ur",
        }
    }

    /// The language's own name, for the switcher.
    pub fn native_name(self) -> &'static str {
        match self {
            UiLang::ZhHant => "繁體中文",
            UiLang::ZhHans => "简体中文",
            UiLang::En => "English",
            UiLang::Ja => "日本語",
            UiLang::Ko => "한국어",
            UiLang::Fr => "Français",
            UiLang::De => "Deutsch",
            UiLang::Es => "Español",
            UiLang::Pt => "Português",
            UiLang::It => "Italiano",
            UiLang::Ru => "Русский",
            UiLang::Id => "Bahasa Indonesia",
            UiLang::Tr => "Türkçe",
            UiLang::Vi => "Tiếng Việt",
            UiLang::Ar => "العربية",
            UiLang::He => "עברית",
            UiLang::Fa => "فارسی",
            UiLang::Hi => "हिन्दी",
            UiLang::Bn => "বাংলা",
            UiLang::Pl => "Polski",
            UiLang::Th => "ไทย",
            UiLang::Ur => "اردو",
        }
    }

    /// The direction the interface is laid out in: `rtl` for Arabic, Hebrew, Persian and Urdu, `ltr` for the others.
    pub fn dir(self) -> &'static str {
        match self {
            UiLang::Ar | UiLang::He | UiLang::Fa | UiLang::Ur => "rtl",
            _ => "ltr",
        }
    }

    /// Whether the language's words are compiled into the viewer (else a catalog is fetched for them).
    pub fn built_in(self) -> bool {
        matches!(self, UiLang::ZhHant | UiLang::ZhHans | UiLang::En)
    }

    /// The language named by exactly its tag (as [`UiLang::tag`] writes it, in any case).
    pub fn from_tag(tag: &str) -> Option<UiLang> {
        UiLang::ALL.into_iter().find(|l| l.tag().eq_ignore_ascii_case(tag))
    }

    /// The interface language for a language tag, if there is one: `zh-TW`, `zh-HK`, `zh-MO` and `zh-Hant*` read
    /// Traditional, other Chinese tags Simplified; `fr-CA` French, `de-AT` German, `es-419` Spanish, ….
    pub fn of_tag(tag: &str) -> Option<UiLang> {
        let t = tag.to_ascii_lowercase();
        if tag_is(&t, "zh") {
            let traditional = ["zh-hant", "zh-tw", "zh-hk", "zh-mo"].iter().any(|p| t.starts_with(p));
            return Some(if traditional { UiLang::ZhHant } else { UiLang::ZhHans });
        }
        UiLang::ALL.into_iter().find(|l| !matches!(l, UiLang::ZhHant | UiLang::ZhHans) && tag_is(&t, l.tag()))
    }

    /// The first of the browser's preferred languages (`navigator.languages`) that we have; English otherwise.
    pub fn pick(preferred: &[String]) -> UiLang {
        preferred.iter().find_map(|t| UiLang::of_tag(t)).unwrap_or(UiLang::En)
    }

    /// What separates groups of three digits in a number: `12,269`, `12.269`, `12 269` (a narrow no-break space
    /// in French, a no-break space in Russian).
    pub fn group_separator(self) -> char {
        match self {
            UiLang::De | UiLang::Es | UiLang::Pt | UiLang::It | UiLang::Id | UiLang::Tr | UiLang::Vi => '.',
            UiLang::Fr => '\u{202f}',
            UiLang::Ru | UiLang::Pl => '\u{a0}',
            // (Persian's own separator, U+066C, as CLDR has it: ۱۲٬۲۶۹.)
            UiLang::Fa => '\u{66c}',
            _ => ',',
        }
    }

    /// The mark between a number's whole part and its tenths: `1.5`, `1,5`, Persian `۱٫۵` (U+066B).
    pub fn decimal_mark(self) -> char {
        match (self, self.group_separator()) {
            (UiLang::Fa, _) => '\u{66b}',
            (_, ',') => '.',
            _ => ',',
        }
    }

    /// The digit zero of the digits the language writes numbers with (the other nine follow it in Unicode):
    /// Persian's own (۰۱۲۳۴۵۶۷۸۹, as Iran's and Afghanistan's readers write them; CLDR's `arabext`), Bengali's,
    /// ASCII for the others — Arabic too, which many of its readers (the Maghreb's, and on the web) write with these.
    pub fn zero(self) -> char {
        match self {
            UiLang::Fa => '\u{6f0}',
            // Bengali's (০১২৩৪৫৬৭৮৯), as Bangladesh's and West Bengal's readers write them (CLDR's default for
            // `bn`); Hindi's readers mostly write 0–9 (CLDR's default for `hi`).
            UiLang::Bn => '\u{9e6}',
            _ => '0',
        }
    }

    /// The mark between the hours and the minutes: `11:21`, Indonesian `11.21` (as CLDR has it).
    pub fn time_separator(self) -> char {
        match self {
            UiLang::Id => '.',
            _ => ':',
        }
    }

    /// Whether digits are grouped the Indian way: the last three, then by twos (12,34,567: twelve lakh).
    pub fn indian_grouping(self) -> bool {
        matches!(self, UiLang::Hi | UiLang::Bn)
    }

    /// `text` with its ASCII digits written in the language's digits ([`UiLang::zero`]).
    pub fn digits(self, text: &str) -> String {
        let zero = self.zero() as u32;
        if zero == '0' as u32 {
            return text.to_owned();
        }
        // (`to_digit(10)` reads ASCII digits only.)
        text.chars().map(|c| c.to_digit(10).and_then(|d| char::from_u32(zero + d)).unwrap_or(c)).collect()
    }

    /// A number as the language writes it, without grouping (a page, a percentage, minutes).
    pub fn number(self, n: impl std::fmt::Display) -> String {
        self.digits(&n.to_string())
    }

    /// A day as the language's readers count it: (year, month 1–12, day). Persian in the Solar Hijri calendar
    /// ([`solar_hijri`]), Thai in the Buddhist Era (the Gregorian months, the years 543 more), the others in the
    /// Gregorian calendar.
    pub fn calendar(self, date: time::Date) -> (i32, u8, u8) {
        match self {
            UiLang::Fa => solar_hijri(date),
            UiLang::Th => (date.year() + 543, date.month() as u8, date.day()),
            _ => (date.year(), date.month() as u8, date.day()),
        }
    }
}

/// A Gregorian date in the Solar Hijri calendar, Iran's and Afghanistan's: (year, month 1–12, day). The year begins
/// at the March equinox (Nowruz); its leap years are the astronomical calendar's, found by the breaks between its
/// 33-year cycles (Borkowski's algorithm, as the library `jalaali-js` has it: exact for 1178–1633 AP, 1799–2254 AD).
pub fn solar_hijri(date: time::Date) -> (i32, u8, u8) {
    const BREAKS: [i32; 20] =
        [-61, 9, 38, 199, 426, 686, 756, 818, 1111, 1181, 1210, 1635, 2060, 2097, 2192, 2262, 2324, 2394, 2456, 3178];
    // The day in March of year `jy`'s Farvardin 1st, and how many years have passed since the last leap year (0–4).
    let year_start = |jy: i32| -> (u8, i32) {
        let gy = jy + 621;
        let (mut leap_j, mut jp, mut jump) = (-14, BREAKS[0], 0);
        for &jm in &BREAKS[1..] {
            jump = jm - jp;
            if jy < jm {
                break;
            }
            leap_j += jump / 33 * 8 + jump % 33 / 4;
            jp = jm;
        }
        let mut n = jy - jp;
        leap_j += n / 33 * 8 + (n % 33 + 3) / 4;
        if jump % 33 == 4 && jump - n == 4 {
            leap_j += 1;
        }
        let leap_g = gy / 4 - (gy / 100 + 1) * 3 / 4 - 150;
        let march = 20 + leap_j - leap_g;
        if jump - n < 6 {
            n = n - jump + (jump + 4) / 33 * 33;
        }
        let leap = match ((n + 1) % 33 - 1) % 4 {
            -1 => 4,
            l => l,
        };
        (march as u8, leap)
    };
    let mut jy = date.year() - 621;
    let (march, leap) = year_start(jy);
    let first = time::Date::from_calendar_date(date.year(), time::Month::March, march).unwrap_or(date);
    let mut k = date.to_julian_day() - first.to_julian_day();
    if k >= 0 {
        if k <= 185 {
            return (jy, (1 + k / 31) as u8, (k % 31 + 1) as u8);
        }
        k -= 186;
    } else {
        // The end of the year before (Dey to Esfand; Esfand has 30 days in a leap year).
        jy -= 1;
        k += 179 + i32::from(leap == 1);
    }
    (jy, (7 + k / 30) as u8, (k % 30 + 1) as u8)
}

/// How a language writes a date, in its interface words (`ui::strings`: `date_format`, `months`, `date_time`):
/// the day's pattern with `{y}`, `{month}` and `{d}`; the twelve months' names, `|` between them (numbers where
/// the pattern says 月 or 월); and the pattern that joins a day and its time, `{date}` and `{time}`.
#[derive(Debug, Clone, Copy)]
pub struct DateWords<'a> {
    pub date: &'a str,
    pub months: &'a str,
    pub date_time: &'a str,
}

/// The publication date (and time, when known, `11:21`) at the place it was published, as `words` write it:
/// `2018年11月30日 11:21` in Chinese, `Nov 30, 2018, 11:21` in English, `30 nov. 2018, 11:21` in French,
/// `30 נוב׳ 2018, 11:21` in Hebrew, `۹ آذر ۱۳۹۷، ۱۱:۲۱` in Persian (in `lang`'s calendar, [`solar_hijri`], and
/// digits)… (each language's words are in its catalog).
pub fn format_published(p: &Published, words: &DateWords, lang: UiLang) -> String {
    let (date, time) = match p.kind() {
        PublishedKind::Date(d) => (d, None),
        PublishedKind::DateTime(dt) => (dt.date(), Some((dt.hour(), dt.minute()))),
    };
    let (y, m, d) = lang.calendar(date);
    let month = words.months.split('|').nth(m as usize - 1).unwrap_or_default();
    let day = words.date.replace("{y}", &lang.number(y)).replace("{month}", month).replace("{d}", &lang.number(d));
    match time {
        None => day,
        Some((h, mi)) => {
            let time = lang.digits(&format!("{h:02}{}{mi:02}", lang.time_separator()));
            words.date_time.replace("{time}", &time).replace("{date}", &day)
        }
    }
}

/// A count as a reader says it: `12,269` in English (`12.269`, `12 269` in German, Spanish and French); in
/// Chinese, Japanese and Korean `12,269` below 10,000 is written out, above it `1.2萬` / `1.2万` / `1.2万` / `1.2만`
/// (and 億 / 亿 / 億 / 억 from 10^8), one decimal, trailing `.0` dropped.
pub fn format_count(n: u64, lang: UiLang) -> String {
    let (wan, yi) = match lang {
        UiLang::ZhHant => ("萬", "億"),
        UiLang::ZhHans => ("万", "亿"),
        UiLang::Ja => ("万", "億"),
        UiLang::Ko => ("만", "억"),
        _ => return format_exact(n, lang),
    };
    let scaled = |unit: u64, word: &str| {
        // One decimal, rounded down so 19,999 never reads as 2萬.
        let tenths = n / (unit / 10);
        if tenths.is_multiple_of(10) {
            format!("{}{word}", tenths / 10)
        } else {
            format!("{}.{}{word}", tenths / 10, tenths % 10)
        }
    };
    if n >= 100_000_000 {
        scaled(100_000_000, yi)
    } else if n >= 10_000 {
        scaled(10_000, wan)
    } else {
        format_exact(n, lang)
    }
}

/// A count exactly, its digits grouped by threes as `lang` groups them: `10,000` (for how many articles a list
/// has: an exact count reads the same in Chinese), `10.000` in German.
pub fn format_exact(n: u64, lang: UiLang) -> String {
    let digits = lang.number(n);
    let len = digits.chars().count();
    let mut out = String::with_capacity(digits.len() + len / 3 * 3);
    for (i, c) in digits.chars().enumerate() {
        // (Digits left after this one: a group starts every three, or, Indian, at three and then every two.)
        let left = len - i;
        let starts =
            if lang.indian_grouping() && left > 3 { (left - 3).is_multiple_of(2) } else { left.is_multiple_of(3) };
        if i > 0 && starts {
            out.push(lang.group_separator());
        }
        out.push(c);
    }
    out
}

/// A byte count for people: `512 B`, `1.5 KB`, `45.3 MB` (powers of 1,000, one decimal rounded half up; the
/// unit chosen after rounding, so 999,960 bytes are `1.0 MB`, not `1000.0 KB`), the decimal mark `lang`'s
/// (`1,5 MB` in French, German and Spanish).
pub fn format_bytes(n: u64, lang: UiLang) -> String {
    if n < 1_000 {
        return format!("{} B", lang.number(n));
    }
    let in_tenths = |unit: u64| n.saturating_add(unit / 20) / (unit / 10);
    let (tenths, name) = match (in_tenths(1_000), in_tenths(1_000_000)) {
        (kb, _) if kb < 10_000 => (kb, "KB"),
        (_, mb) if mb < 10_000 => (mb, "MB"),
        _ => (in_tenths(1_000_000_000), "GB"),
    };
    lang.digits(&format!("{}{}{} {name}", tenths / 10, lang.decimal_mark(), tenths % 10))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_tags() {
        for yes in ["zh", "zh-TW", "ZH-Hant-HK", "Zh"] {
            assert!(tag_is(yes, "zh"), "{yes}");
        }
        for no in ["", "z", "zhx", "zh_TW", "en", "yue-zh"] {
            assert!(!tag_is(no, "zh"), "{no}");
        }
    }

    #[test]
    fn languages_written_right_to_left_are_laid_out_so_and_untagged_text_by_its_first_letter() {
        for rtl in [
            "ar",
            "ar-EG",
            "AR",
            "he",
            "he-IL",
            "iw",
            "fa-IR",
            "ur",
            "ps",
            "yi",
            "ckb",
            "az-Arab",
            "pa-Arab-PK",
            "uz_Arab",
        ] {
            assert_eq!(text_dir(Some(rtl), UiLang::En), Some("rtl"), "{rtl}");
            assert_eq!(text_dir(Some(rtl), UiLang::Ar), Some("rtl"), "{rtl}");
        }
        // A script named says it, whatever the language (Azerbaijani in Latin letters, Arabic transliterated).
        for ltr in ["en", "zh-Hant", "az", "az-Latn", "ar-Latn", "arn", "hew", "", "de-CH"] {
            assert_eq!(text_dir(Some(ltr), UiLang::ZhHant), None, "{ltr}");
            // Inside an interface laid out right to left, said: it would otherwise be laid out as the page is.
            assert_eq!(text_dir(Some(ltr), UiLang::Ar), Some("ltr"), "{ltr}");
        }
        assert_eq!(text_dir(None, UiLang::En), Some("auto"));
        assert_eq!(text_dir(None, UiLang::Ar), Some("auto"));
        // The interface's words inside an article: in the interface's direction where the article's differs.
        assert_eq!(ui_dir_inside(Some("zh-Hant"), UiLang::Ar), Some("rtl"));
        assert_eq!(ui_dir_inside(Some("ar"), UiLang::En), Some("ltr"));
        assert_eq!(ui_dir_inside(Some("ar"), UiLang::Ar), None);
        assert_eq!(ui_dir_inside(Some("en"), UiLang::En), None);
        assert_eq!(ui_dir_inside(None, UiLang::Ar), Some("rtl"));
        assert_eq!(ui_dir_inside(None, UiLang::En), None);
    }

    #[test]
    fn articles_are_grouped_by_language_and_each_named_in_itself() {
        for (tag, key) in [
            ("en", "en"),
            ("en-GB", "en"),
            ("EN_us", "EN"),
            ("zh-TW", "zh-Hant"),
            ("zh-Hant-HK", "zh-Hant"),
            ("zh-hant", "zh-Hant"),
            ("zh-CN", "zh-Hans"),
            ("zh-Hans", "zh-Hans"),
            ("zh", "zh"),
            ("yue-HK", "yue"),
            (" fr-CA ", "fr"),
            ("x", "x"),
        ] {
            assert_eq!(language_key(tag), key, "{tag}");
        }
        assert_eq!(language_name("zh-Hant"), Some("繁體中文"));
        assert_eq!(language_name("EN"), Some("English"));
        assert_eq!(language_name(language_key("ar-EG")), Some("العربية"));
        assert_eq!(language_name("tlh"), None);
        // Every interface language is named as its menu names it.
        for l in UiLang::ALL {
            assert_eq!(language_name(language_key(l.tag())), Some(l.native_name()), "{l:?}");
        }
    }

    #[test]
    fn counts() {
        let rows = [
            (0, UiLang::En, "0"),
            (999, UiLang::En, "999"),
            (12_269, UiLang::En, "12,269"),
            (1_234_567, UiLang::En, "1,234,567"),
            (9_999, UiLang::ZhHant, "9,999"),
            (10_000, UiLang::ZhHant, "1萬"),
            (12_269, UiLang::ZhHant, "1.2萬"),
            (12_269, UiLang::ZhHans, "1.2万"),
            (19_999, UiLang::ZhHans, "1.9万"),
            (123_456_789, UiLang::ZhHans, "1.2亿"),
            (12_269, UiLang::Ja, "1.2万"),
            (123_456_789, UiLang::Ja, "1.2億"),
            (12_269, UiLang::Ko, "1.2만"),
            (200_000_000, UiLang::Ko, "2억"),
            (9_999, UiLang::Ko, "9,999"),
            (12_269, UiLang::De, "12.269"),
            (12_269, UiLang::Es, "12.269"),
            (1_234_567, UiLang::Fr, "1\u{202f}234\u{202f}567"),
            (12_269, UiLang::Ru, "12\u{a0}269"),
            (12_269, UiLang::Pt, "12.269"),
            (12_269, UiLang::It, "12.269"),
            // Indian grouping: the last three digits, then twos (lakh, crore); Bengali in its own digits.
            (12_269, UiLang::Hi, "12,269"),
            (100_000, UiLang::Hi, "1,00,000"),
            (1_234_567, UiLang::Hi, "12,34,567"),
            (123_456_789, UiLang::Hi, "12,34,56,789"),
            (999, UiLang::Hi, "999"),
            (1_234_567, UiLang::Bn, "১২,৩৪,৫৬৭"),
            (12_269, UiLang::Fa, "۱۲٬۲۶۹"),
            (12_269, UiLang::Pl, "12\u{a0}269"),
            (12_269, UiLang::Th, "12,269"),
            (12_269, UiLang::Ur, "12,269"),
        ];
        for (n, lang, expected) in rows {
            assert_eq!(format_count(n, lang), expected, "{n} {lang:?}");
        }
    }

    #[test]
    fn exact_counts() {
        assert_eq!(format_exact(0, UiLang::En), "0");
        assert_eq!(format_exact(999, UiLang::De), "999");
        assert_eq!(format_exact(1_000, UiLang::En), "1,000");
        assert_eq!(format_exact(10_000, UiLang::ZhHant), "10,000");
        assert_eq!(format_exact(1_234_567, UiLang::En), "1,234,567");
        assert_eq!(format_exact(1_234_567, UiLang::De), "1.234.567");
        assert_eq!(format_exact(10_000, UiLang::Fr), "10\u{202f}000");
    }

    #[test]
    fn bytes() {
        assert_eq!(format_bytes(512, UiLang::En), "512 B");
        assert_eq!(format_bytes(1_500, UiLang::En), "1.5 KB");
        assert_eq!(format_bytes(45_300_000, UiLang::En), "45.3 MB");
        assert_eq!(format_bytes(999, UiLang::En), "999 B");
        assert_eq!(format_bytes(1_000, UiLang::En), "1.0 KB");
        assert_eq!(format_bytes(1_049, UiLang::En), "1.0 KB");
        assert_eq!(format_bytes(1_050, UiLang::En), "1.1 KB");
        assert_eq!(format_bytes(999_949, UiLang::En), "999.9 KB");
        assert_eq!(format_bytes(999_950, UiLang::En), "1.0 MB");
        assert_eq!(format_bytes(40_812_345, UiLang::En), "40.8 MB");
        assert_eq!(format_bytes(2_500_000_000, UiLang::En), "2.5 GB");
        assert_eq!(format_bytes(12_345_000_000_000, UiLang::En), "12345.0 GB");
        assert_eq!(format_bytes(u64::MAX, UiLang::En), "18446744073.7 GB");
        assert_eq!(format_bytes(u64::MAX - 10, UiLang::En), "18446744073.7 GB");
        assert_eq!(format_bytes(1_500, UiLang::De), "1,5 KB");
        assert_eq!(format_bytes(45_300_000, UiLang::Fr), "45,3 MB");
        assert_eq!(format_bytes(512, UiLang::Es), "512 B");
        assert_eq!(format_bytes(1_500, UiLang::Ja), "1.5 KB");
    }

    #[test]
    fn dates_as_a_languages_words_write_them() {
        let dt = Published::parse("2018-11-30T11:21:00+08:00").unwrap();
        let d = Published::parse("2020-02-09").unwrap();
        let en = DateWords {
            date: "{month} {d}, {y}",
            months: "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec",
            date_time: "{date}, {time}",
        };
        assert_eq!(format_published(&dt, &en, UiLang::En), "Nov 30, 2018, 11:21");
        assert_eq!(format_published(&d, &en, UiLang::En), "Feb 9, 2020");
        let zh =
            DateWords {
                date: "{y}年{month}月{d}日", months: "1|2|3|4|5|6|7|8|9|10|11|12", date_time: "{date} {time}"
            };
        assert_eq!(format_published(&dt, &zh, UiLang::ZhHans), "2018年11月30日 11:21");
        // The time at the place of publication, not the reader's; a midnight with its zeros.
        let midnight = Published::parse("2026-01-05T00:05:00-05:00").unwrap();
        assert_eq!(format_published(&midnight, &zh, UiLang::ZhHans), "2026年1月5日 00:05");
        // Words missing a month (a broken catalog) leave it out rather than fail.
        assert_eq!(format_published(&d, &DateWords { months: "", ..en }, UiLang::En), " 9, 2020");
        assert_eq!(
            (UiLang::Ar.dir(), UiLang::He.dir(), UiLang::Fa.dir(), UiLang::En.dir(), UiLang::ZhHant.dir()),
            ("rtl", "rtl", "rtl", "ltr", "ltr")
        );
        // Persian: the Solar Hijri calendar and Persian digits, as ICU writes `fa-IR` (Chromium's Intl, checked
        // against it in tests/e2e/reading.test.mjs).
        let fa = DateWords {
            date: "{d} {month} {y}",
            months: "فروردین|اردیبهشت|خرداد|تیر|مرداد|شهریور|مهر|آبان|آذر|دی|بهمن|اسفند",
            date_time: "{date}، {time}",
        };
        assert_eq!(format_published(&dt, &fa, UiLang::Fa), "۹ آذر ۱۳۹۷، ۱۱:۲۱");
        assert_eq!(format_published(&d, &fa, UiLang::Fa), "۲۰ بهمن ۱۳۹۸");
    }

    fn day(y: i32, m: u8, d: u8) -> time::Date {
        time::Date::from_calendar_date(y, time::Month::try_from(m).unwrap(), d).unwrap()
    }

    /// Every day from 1979 to 2060 in the Solar Hijri calendar: the year begins on the day of March that ICU's
    /// Persian calendar has for it (`Intl.DateTimeFormat('en-u-ca-persian')` in Node, listed here), and from one day
    /// to the next the date steps by one, the first six months of 31 days, the next five of 30, Esfand of 29 or, in
    /// a leap year, 30. (Compared with ICU day by day from 1900 to 2100 when it was written: no difference.)
    #[test]
    fn solar_hijri_dates() {
        const NOWRUZ: [u8; 82] = [
            21, 21, 21, 21, 21, 21, 21, 21, 21, 21, 21, 21, 21, 21, 21, 21, 21, 20, 21, 21, 21, 20, 21, 21, 21, 20, 21,
            21, 21, 20, 21, 21, 21, 20, 21, 21, 21, 20, 21, 21, 21, 20, 21, 21, 21, 20, 21, 21, 21, 20, 20, 21, 21, 20,
            20, 21, 21, 20, 20, 21, 21, 20, 20, 21, 21, 20, 20, 21, 21, 20, 20, 21, 21, 20, 20, 21, 21, 20, 20, 21, 21,
            20,
        ];
        for (i, &march) in NOWRUZ.iter().enumerate() {
            let gy = 1979 + i as i32;
            assert_eq!(solar_hijri(day(gy, 3, march)), (gy - 621, 1, 1), "Nowruz {gy}");
            let eve = solar_hijri(day(gy, 3, march - 1));
            assert_eq!((eve.0, eve.1), (gy - 622, 12), "the day before Nowruz {gy}");
        }
        let (mut date, mut prev) = (day(1979, 3, 21), solar_hijri(day(1979, 3, 21)));
        while date < day(2060, 12, 31) {
            date = date.next_day().unwrap();
            let next = solar_hijri(date);
            let stepped = if next.2 > 1 {
                (prev.0, prev.1, prev.2 + 1)
            } else {
                let last_days = match prev.1 {
                    1..=6 => 31..=31,
                    7..=11 => 30..=30,
                    _ => 29..=30,
                };
                assert!(last_days.contains(&prev.2), "{date}: {prev:?} → {next:?}");
                if prev.1 == 12 {
                    (prev.0 + 1, 1, 1)
                } else {
                    (prev.0, prev.1 + 1, 1)
                }
            };
            assert_eq!(next, stepped, "{date}");
            prev = next;
        }
        // Known days: 1403 was a leap year (Esfand 30 = 20 March 2025), 1402 not.
        assert_eq!(solar_hijri(day(2025, 3, 20)), (1403, 12, 30));
        assert_eq!(solar_hijri(day(2024, 3, 19)), (1402, 12, 29));
        assert_eq!(solar_hijri(day(2018, 11, 30)), (1397, 9, 9));
        assert_eq!(solar_hijri(day(2026, 12, 3)), (1405, 9, 12));
    }

    #[test]
    fn persian_numbers() {
        assert_eq!(format_exact(12_269, UiLang::Fa), "۱۲٬۲۶۹");
        assert_eq!(format_count(1_234_567, UiLang::Fa), "۱٬۲۳۴٬۵۶۷");
        assert_eq!(format_exact(999, UiLang::Fa), "۹۹۹");
        assert_eq!(format_bytes(1_500, UiLang::Fa), "۱٫۵ KB");
        assert_eq!(format_bytes(512, UiLang::Fa), "۵۱۲ B");
        assert_eq!(format_bytes(1_500, UiLang::Bn), "১.৫ KB");
        assert_eq!(format_bytes(1_500, UiLang::Hi), "1.5 KB");
        assert_eq!(UiLang::Fa.number(2026), "۲۰۲۶");
        assert_eq!(UiLang::Fa.digits("11:21 B2"), "۱۱:۲۱ B۲");
        // The others keep ASCII digits.
        assert_eq!(UiLang::Ar.number(2026), "2026");
        assert_eq!(UiLang::En.digits("11:21"), "11:21");
    }

    #[test]
    fn language_choice() {
        let pick = |tags: &[&str]| UiLang::pick(&tags.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(pick(&["zh-TW", "en"]), UiLang::ZhHant);
        assert_eq!(pick(&["zh-Hant-HK"]), UiLang::ZhHant);
        assert_eq!(pick(&["zh-CN"]), UiLang::ZhHans);
        assert_eq!(pick(&["zh"]), UiLang::ZhHans);
        assert_eq!(pick(&["fr-FR", "en-GB"]), UiLang::Fr);
        assert_eq!(pick(&["nl-NL", "zh-HK"]), UiLang::ZhHant);
        assert_eq!(pick(&["nl", "sv-SE"]), UiLang::En);
        assert_eq!(pick(&["pt-BR"]), UiLang::Pt);
        assert_eq!(pick(&["ja-JP"]), UiLang::Ja);
        assert_eq!(pick(&["ko-KR", "en"]), UiLang::Ko);
        assert_eq!(pick(&["de-AT"]), UiLang::De);
        assert_eq!(pick(&["es-419"]), UiLang::Es);
        assert_eq!(pick(&["he-IL", "en"]), UiLang::He);
        assert_eq!(pick(&["tr-TR"]), UiLang::Tr);
        assert_eq!(pick(&["id-ID"]), UiLang::Id);
        assert_eq!(pick(&["vi-VN"]), UiLang::Vi);
        assert_eq!(pick(&["fa-IR", "en"]), UiLang::Fa);
        assert_eq!(pick(&["fa-AF"]), UiLang::Fa);
        assert_eq!(pick(&["hi-IN", "en-IN"]), UiLang::Hi);
        assert_eq!(pick(&["bn-BD"]), UiLang::Bn);
        assert_eq!(pick(&["pl-PL"]), UiLang::Pl);
        assert_eq!(pick(&["th-TH"]), UiLang::Th);
        assert_eq!(pick(&["ur-PK"]), UiLang::Ur);
        // A tag that only starts like one of ours is not it.
        assert_eq!(pick(&["fro", "des", "kok"]), UiLang::En);
        for l in UiLang::ALL {
            assert_eq!(UiLang::from_tag(l.tag()), Some(l));
            assert_eq!(UiLang::of_tag(l.tag()), Some(l));
        }
        assert_eq!(pick(&[]), UiLang::En);
        assert_eq!(UiLang::from_tag("ZH-HANS"), Some(UiLang::ZhHans));
    }
}
