// article-viewer: runs before the page is first painted (a classic script, allowed by the page's
// Content-Security-Policy as 'self'; `async blocking="render"`: the page is parsed meanwhile, not painted; where a
// browser does not know `blocking`, this small script still comes before the stylesheet the paint waits for).
// The page may hold the list's first page prerendered by `cargo xtask dist` (#av-prerender), shown until the app
// has loaded its set and takes over. It is shown only when it is what the app will show: the plain list (no
// article, query or filter in the URL), the articles as written, and the interface language the app will pick
// (mirrors UiLang::pick and the remembered choices in src/ui/state.rs).
(function () {
  var root = document.documentElement;
  var stored = function (key) {
    try { return window.localStorage.getItem('article-viewer.' + key); } catch (e) { return null; }
  };
  var pick = function (tags) {
    for (var i = 0; i < tags.length; i++) {
      var t = String(tags[i]).toLowerCase();
      if (t === 'zh' || t.indexOf('zh-') === 0) return /^zh-(hant|tw|hk|mo)/.test(t) ? 'zh-Hant' : 'zh-Hans';
      if (t === 'en' || t.indexOf('en-') === 0) return 'en';
    }
    return 'en';
  };
  var plainList = function () { var h = location.hash; return h === '' || h === '#' || h === '#/'; };
  var script = document.currentScript;
  var prerendered = script && script.getAttribute('data-lang');
  var lang = stored('lang') || pick(navigator.languages || [navigator.language || 'en']);
  if (!prerendered || lang !== prerendered || (stored('script') || 'original') !== 'original' || !plainList()) {
    root.classList.add('av-no-prerender');
  }
  // Before the app runs, following a link of the prerendered list shows the app's own loading state.
  window.addEventListener('hashchange', function () {
    if (!plainList()) root.classList.add('av-no-prerender');
  });
  var theme = stored('theme');
  if (theme === 'light' || theme === 'dark') root.setAttribute('data-av-theme', theme);
  var text = stored('text-size');
  if (text === 's' || text === 'l' || text === 'xl') root.setAttribute('data-av-text', text);
})();
