// article-viewer: runs before the page is first painted (a classic script, allowed by the page's
// Content-Security-Policy as 'self'; `async blocking="render"`: the page is parsed meanwhile, not painted; where a
// browser does not know `blocking`, this small script still comes before the stylesheet the paint waits for).
// The page may hold the list's first page prerendered by `cargo xtask dist` (#av-prerender), shown until the app
// has loaded its set and takes over. It is shown only when it is what the app will show: the plain list (no
// article, query or filter in the URL), the articles as written, and the interface language the app will pick
// (mirrors UiLang::pick and the remembered choices in src/ui/state.rs).
// An article's own page (articles/<id>.html, `data-article`) holds that article prerendered instead: it becomes
// the viewer's address of the article (`#/article/<id>`, the place in it kept: `#h-x` is `?at=x`; and the script
// asked for: `?script=hans`), where the app takes over from it as from the list.
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
  var script = document.currentScript;
  var prerendered = script && script.getAttribute('data-lang');
  var article = script && script.getAttribute('data-article');
  if (article) {
    var base = document.querySelector('base');
    var query = [];
    if (/^#h-./.test(location.hash)) query.push('at=' + location.hash.slice(3));
    var script = /[?&](script=\w+)/.exec(location.search);
    if (script) query.push(script[1]);
    query = query.length ? '?' + query.join('&') : '';
    // (The base is made absolute first: it is relative to the page's address, which changes.)
    if (base) base.href = base.href;
    try { history.replaceState(history.state, '', (base ? base.href : '../') + '#/article/' + article + query); } catch (e) { }
  }
  // Whether the address shows what is prerendered: the plain list, or this article (at any place in it).
  var plainList = article
    ? function () { var h = location.hash.split('?'); return h[0] === '#/article/' + article && (!h[1] || /^at=[^&]*$/.test(h[1])); }
    : function () { var h = location.hash; return h === '' || h === '#' || h === '#/'; };
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
