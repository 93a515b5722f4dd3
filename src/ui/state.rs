//! The reader's preferences (interface language, theme, text size, the script articles are shown in): one reducer,
//! remembered in localStorage when the browser allows it.

use super::script::{Converters, Slot};
use super::strings::{has_words, strings_for, Strings};
use crate::domain::convert::{Script, ScriptChoice};
use crate::domain::format::UiLang;
use std::rc::Rc;
use yew::prelude::*;

const LANG_KEY: &str = "article-viewer.lang";
const THEME_KEY: &str = "article-viewer.theme";
const SCRIPT_KEY: &str = "article-viewer.script";
const TEXT_KEY: &str = "article-viewer.text-size";

/// Light, dark, or whatever the system prefers (`prefers-color-scheme`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Theme {
    Auto,
    Light,
    Dark,
}

impl Theme {
    pub const ALL: [Theme; 3] = [Theme::Auto, Theme::Light, Theme::Dark];

    pub fn key(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    pub fn from_key(key: &str) -> Option<Theme> {
        Theme::ALL.into_iter().find(|t| t.key() == key)
    }

    pub fn label(self, s: &Strings) -> &'static str {
        match self {
            Theme::Auto => s.theme_auto,
            Theme::Light => s.theme_light,
            Theme::Dark => s.theme_dark,
        }
    }
}

/// How large the list and the articles are set (the header keeps its size): `.app[data-text]` in style.css scales
/// `.content`, whose widths are in em too, so a line holds as many characters at every size.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TextSize {
    Small,
    #[default]
    Standard,
    Large,
    Larger,
}

impl TextSize {
    pub const ALL: [TextSize; 4] = [TextSize::Small, TextSize::Standard, TextSize::Large, TextSize::Larger];

    pub fn key(self) -> &'static str {
        match self {
            TextSize::Small => "s",
            TextSize::Standard => "m",
            TextSize::Large => "l",
            TextSize::Larger => "xl",
        }
    }

    pub fn from_key(key: &str) -> Option<TextSize> {
        TextSize::ALL.into_iter().find(|t| t.key() == key)
    }

    pub fn label(self, s: &Strings) -> &'static str {
        match self {
            TextSize::Small => s.text_small,
            TextSize::Standard => s.text_standard,
            TextSize::Large => s.text_large,
            TextSize::Larger => s.text_larger,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Prefs {
    /// The interface language shown.
    pub lang: UiLang,
    /// A language asked for whose words (its catalog) are being fetched: [`Prefs::lang`] stays as it is until
    /// they arrive, so the interface never shows a mix of two languages.
    pub wanted: Option<UiLang>,
    /// The language asked for when the viewer started is still being fetched: the viewer shows nothing yet
    /// (rather than its English, then the language asked for).
    pub starting: bool,
    /// The last language asked for that could not be loaded, and why.
    pub lang_failed: Option<(UiLang, String)>,
    pub theme: Theme,
    pub text: TextSize,
    /// The script articles are shown in when a link does not say (繁/简 conversion).
    pub script: ScriptChoice,
    /// The 繁/简 converters fetched so far (not a choice: never saved). Here rather than in a context of their
    /// own, because everything that shows converted text reads the preferences anyway.
    pub converters: Converters,
    /// Counts the times the reader has had their reading log forgotten (not saved): the cards' labels are read
    /// again when it changes.
    pub forgotten: u32,
    /// Counts the times another tab recorded some reading (not saved): the cards' labels are read again when it
    /// changes (unlike [`Prefs::forgotten`], an article's offer to continue stays as it was when it was opened).
    pub read_elsewhere: u32,
}

impl Prefs {
    /// The defaults, in `lang`.
    pub fn new(lang: UiLang) -> Prefs {
        Prefs {
            lang,
            wanted: None,
            starting: false,
            lang_failed: None,
            theme: Theme::Auto,
            text: TextSize::default(),
            script: ScriptChoice::default(),
            converters: Converters::default(),
            forgotten: 0,
            read_elsewhere: 0,
        }
    }

    pub fn strings(&self) -> &'static Strings {
        strings_for(self.lang)
    }

    /// Shows the interface in `lang` now if its words are at hand, else once they are fetched (see
    /// [`Prefs::wanted`]).
    pub fn ask_lang(&mut self, lang: UiLang) {
        self.lang_failed = None;
        if has_words(lang) {
            self.lang = lang;
            self.wanted = None;
        } else {
            self.wanted = Some(lang);
        }
    }

    /// The saved choices, else the browser's languages and the system theme.
    pub fn load() -> Prefs {
        let saved = |key: &str| storage().and_then(|s| s.get_item(key).ok().flatten());
        let lang = saved(LANG_KEY).as_deref().and_then(UiLang::from_tag).unwrap_or_else(|| {
            let languages: Vec<String> = web_sys::window()
                .map(|w| w.navigator().languages().iter().filter_map(|v| v.as_string()).collect())
                .unwrap_or_default();
            UiLang::pick(&languages)
        });
        let theme = saved(THEME_KEY).as_deref().and_then(Theme::from_key).unwrap_or(Theme::Auto);
        let script = saved(SCRIPT_KEY).as_deref().and_then(ScriptChoice::from_key).unwrap_or_default();
        let text = saved(TEXT_KEY).as_deref().and_then(TextSize::from_key).unwrap_or_default();
        let mut prefs = Prefs { theme, text, script, ..Prefs::new(UiLang::En) };
        prefs.ask_lang(lang);
        prefs.starting = prefs.wanted.is_some();
        prefs
    }

    /// The reader's choices (what [`Prefs::save`] remembers).
    pub fn choices(&self) -> (UiLang, Theme, TextSize, ScriptChoice) {
        (self.lang, self.theme, self.text, self.script)
    }

    /// Remembers the choices; does nothing where storage is unavailable (private modes, sandboxed frames).
    pub fn save((lang, theme, text, script): (UiLang, Theme, TextSize, ScriptChoice)) {
        if let Some(s) = storage() {
            let _ = s.set_item(LANG_KEY, lang.tag());
            let _ = s.set_item(THEME_KEY, theme.key());
            let _ = s.set_item(TEXT_KEY, text.key());
            let _ = s.set_item(SCRIPT_KEY, script.key());
        }
    }
}

/// localStorage, when the browser lets us have it (reading it can throw).
pub(crate) fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

pub enum PrefsAction {
    SetLang(UiLang),
    /// A language's words were fetched (and kept: [`super::strings::add_catalog`]), or why not.
    Catalog(UiLang, Result<(), String>),
    SetTheme(Theme),
    SetText(TextSize),
    SetScript(ScriptChoice),
    /// A 繁/简 converter is being fetched, is ready or failed.
    SetConverter(Script, Slot),
    /// The reading log was forgotten ([`super::reading::forget`]).
    Forgotten,
    /// Another tab recorded some reading.
    ReadElsewhere,
}

impl Reducible for Prefs {
    type Action = PrefsAction;

    fn reduce(self: Rc<Self>, action: PrefsAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            PrefsAction::SetLang(l) => next.ask_lang(l),
            PrefsAction::Catalog(l, answer) => {
                // (An answer for a language asked for before the last is not shown: its words stay kept.)
                if next.wanted == Some(l) {
                    next.wanted = None;
                    next.starting = false;
                    match answer {
                        Ok(()) => next.lang = l,
                        Err(why) => next.lang_failed = Some((l, why)),
                    }
                }
            }
            PrefsAction::SetTheme(t) => next.theme = t,
            PrefsAction::SetText(t) => next.text = t,
            PrefsAction::SetScript(c) => {
                next.script = c;
                // Asking again for a script whose converter did not load tries again.
                if let Some(slot) = c.script().map(|s| next.converters.slot_mut(s)) {
                    if matches!(slot, Slot::Failed(_)) {
                        *slot = Slot::Idle;
                    }
                }
            }
            PrefsAction::SetConverter(s, slot) => *next.converters.slot_mut(s) = slot,
            PrefsAction::Forgotten => next.forgotten += 1,
            PrefsAction::ReadElsewhere => next.read_elsewhere += 1,
        }
        Rc::new(next)
    }
}

/// What pages get from context: the preferences and the way to change them.
pub type PrefsHandle = UseReducerHandle<Prefs>;

#[cfg(test)]
mod tests {
    use super::*;

    fn prefs() -> Rc<Prefs> {
        Rc::new(Prefs::new(UiLang::En))
    }

    #[test]
    fn text_sizes_are_saved_by_key() {
        for t in TextSize::ALL {
            assert_eq!(TextSize::from_key(t.key()), Some(t));
        }
        assert_eq!(TextSize::from_key("huge"), None);
        assert_eq!(prefs().reduce(PrefsAction::SetText(TextSize::Large)).text, TextSize::Large);
    }

    #[test]
    fn asking_again_for_a_script_whose_converter_failed_tries_again() {
        let failed = prefs().reduce(PrefsAction::SetConverter(Script::Hans, Slot::Failed("HTTP 404".into())));
        let again = failed.reduce(PrefsAction::SetScript(ScriptChoice::Convert(Script::Hans)));
        assert_eq!(again.script, ScriptChoice::Convert(Script::Hans));
        assert_eq!(again.converters.hans, Slot::Idle);
        // The other script's converter, and one that is loading, are left as they are.
        let loading = prefs().reduce(PrefsAction::SetConverter(Script::Hant, Slot::Loading));
        let both = loading.reduce(PrefsAction::SetConverter(Script::Hans, Slot::Failed("x".into())));
        let hant = both.clone().reduce(PrefsAction::SetScript(ScriptChoice::Convert(Script::Hant)));
        assert_eq!((&hant.converters.hant, &hant.converters.hans), (&Slot::Loading, &Slot::Failed("x".into())));
        let original = both.clone().reduce(PrefsAction::SetScript(ScriptChoice::Original));
        assert_eq!(original.converters, both.converters);
    }

    #[test]
    fn a_language_whose_words_are_fetched_is_shown_once_they_arrive_and_only_the_last_asked_for() {
        let asked = prefs().reduce(PrefsAction::SetLang(UiLang::Ja));
        // (Natively every catalog is at hand: the wait is what the browser sees, played here by hand.)
        let mut waiting = (*asked).clone();
        waiting.wanted = Some(UiLang::Ja);
        waiting.lang = UiLang::En;
        let waiting = Rc::new(waiting);
        let other = waiting.clone().reduce(PrefsAction::Catalog(UiLang::Fr, Ok(())));
        assert_eq!((other.lang, other.wanted), (UiLang::En, Some(UiLang::Ja)), "not the language asked for");
        let shown = waiting.clone().reduce(PrefsAction::Catalog(UiLang::Ja, Ok(())));
        assert_eq!((shown.lang, shown.wanted, shown.starting), (UiLang::Ja, None, false));
        let failed = waiting.reduce(PrefsAction::Catalog(UiLang::Ja, Err("HTTP 404".into())));
        assert_eq!((failed.lang, failed.wanted), (UiLang::En, None));
        assert_eq!(failed.lang_failed, Some((UiLang::Ja, "HTTP 404".into())));
        // Asking again forgets the failure; a language at hand is shown at once.
        let again = failed.reduce(PrefsAction::SetLang(UiLang::ZhHant));
        assert_eq!((again.lang, again.wanted, again.lang_failed.clone()), (UiLang::ZhHant, None, None));
        assert_eq!(asked.lang, UiLang::Ja, "natively the catalogs are compiled in");
    }
}
