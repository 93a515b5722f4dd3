// article-viewer: runs before the page is first painted (a classic script, allowed by the page's
// Content-Security-Policy as 'self'; `async blocking="render"`: the page is parsed meanwhile, not painted; where a
// browser does not know `blocking`, this small script still comes before the stylesheet the paint waits for).
// The page may hold the list's first page prerendered by `cargo xtask dist` (#av-prerender), shown until the app
// has loaded its set and takes over. It is shown only when it is what the app will show: the plain list (no
// article, query or filter in the URL), the articles as written, and the interface language the app will pick
// (mirrors UiLang::pick and the remembered choices in src/ui/state.rs).
// An article's own page (articles/<id>.html) or a later page of the list (pages/<n>.html) holds that prerendered
// instead (`data-route`: `/article/<id>`, `/?page=<n>`): it becomes the viewer's address of it (`#/article/<id>`,
// the place in an article kept: `#h-x` is `?at=x`; and the list's page it was opened from, `?page=2`, and the
// script asked for, `?script=hans`), where the app takes over from it as from the list.
(function () {
  var root = document.documentElement;
  var stored = function (key) {
    try { return window.localStorage.getItem('article-viewer.' + key); } catch (e) { return null; }
  };
  var pick = function (tags) {
    for (var i = 0; i < tags.length; i++) {
      var t = String(tags[i]).toLowerCase();
      if (t === 'zh' || t.indexOf('zh-') === 0) return /^zh-(hant|tw|hk|mo)/.test(t) ? 'zh-Hant' : 'zh-Hans';
      var m = /^(en|ja|ko|fr|de|es|pt|it|ru|id|tr|vi|ar|he|fa|hi|bn|pl|th|ur)(-|$)/.exec(t);
      if (m) return m[1];
    }
    return 'en';
  };
  var script = document.currentScript;
  var prerendered = script && script.getAttribute('data-lang');
  var route = script && script.getAttribute('data-route');
  var article = route && route.indexOf('/article/') === 0;
  if (route) {
    var base = document.querySelector('base');
    var query = [];
    if (article && /^#h-./.test(location.hash)) query.push('at=' + location.hash.slice(3));
    // (The list's page it was opened from and the script asked for are the viewer's; other queries are not.)
    var asked = location.search.match(/(?:^\?|&)(?:page=\d+|script=\w+)/g) || [];
    for (var i = 0; i < asked.length; i++) query.push(asked[i].slice(1));
    query = query.length ? (route.indexOf('?') < 0 ? '?' : '&') + query.join('&') : '';
    // (The base is made absolute first: it is relative to the page's address, which changes.)
    if (base) base.href = base.href;
    try { history.replaceState(history.state, '', (base ? base.href : '../') + '#' + route + query); } catch (e) { }
  }
  // Whether the address shows what is prerendered: the plain list, this page of it, or this article (at any
  // place in it, opened from any page of the list).
  var plainList = function () {
    var h = location.hash;
    if (!route) return h === '' || h === '#' || h === '#/';
    // (A page of the list is its route exactly: `/?page=2`, the query its own.)
    if (!article) return h === '#' + route;
    var parts = h.split('?');
    return parts[0] === '#' + route && (!parts[1] || /^((at|page)=[^&]*(&|$))+$/.test(parts[1]));
  };
  var lang = stored('lang') || pick(navigator.languages || [navigator.language || 'en']);
  if (!prerendered || lang !== prerendered || (stored('script') || 'original') !== 'original' || !plainList()) {
    root.classList.add('av-no-prerender');
  }
  // Before the app runs, following a link of the prerendered list shows the app's own loading state.
  window.addEventListener('hashchange', function () {
    if (!plainList()) root.classList.add('av-no-prerender');
  });
  // Before the app runs, a search asked for in the prerendered list (Enter) is the viewer's address of it: the
  // app's loading state, then its results. (What is typed and not yet asked for, the app's search box takes over
  // with the page: src/ui/components/search_box.rs.)
  document.addEventListener('submit', function (e) {
    var form = e.target;
    if (!form.closest || !form.closest('#av-prerender')) return;
    e.preventDefault();
    var field = form.querySelector('input[type=search]');
    if (field && field.value) location.hash = '#/?q=' + encodeURIComponent(field.value);
  });
  // Before the app has taken over, a press on a control of the prerendered page that needs the app (Settings,
  // Filters, 繁/简, Share, Save…: a button, or a summary of nothing yet) is kept, the control marked busy, and
  // given to the app's own control once it has: the app's markup is the page's (a test compares them), so the
  // same place in it is the same control. A second press on it takes it back; following a link drops it.
  var pending = null;
  var watching = null;
  var place = function (el, top) {
    var path = [];
    for (; el && el !== top; el = el.parentElement) path.unshift(Array.prototype.indexOf.call(el.parentElement.children, el));
    return path;
  };
  var drop = function () {
    if (pending) pending.control.removeAttribute('aria-busy');
    pending = null;
  };
  var replay = function (_, observer) {
    if (document.getElementById('av-prerender')) return;
    observer.disconnect();
    if (!pending) return;
    var el = document.getElementById('av-root');
    for (var i = 0; el && i < pending.path.length; i++) el = el.children[pending.path[i]];
    var same = el && el.tagName === pending.control.tagName && el.className === pending.control.className;
    drop();
    if (same) { el.focus(); el.click(); }
  };
  document.addEventListener('click', function (e) {
    var pre = document.getElementById('av-prerender');
    var control = pre && e.target.closest && e.target.closest('summary, button');
    if (!control || !pre.contains(control)) return;
    // (A summary whose details hold what it shows — the report of skipped records — opens without the app.)
    if (control.tagName === 'SUMMARY' && control.parentElement.children.length > 1) return;
    e.preventDefault();
    var again = pending && pending.control === control;
    drop();
    if (again) return;
    pending = { control: control, path: place(control, pre) };
    control.setAttribute('aria-busy', 'true');
    // (Watched from the first press: the app removes the page when it takes over.)
    if (!watching) (watching = new MutationObserver(replay)).observe(pre.parentNode, { childList: true });
  }, true);
  window.addEventListener('hashchange', drop);
  var theme = stored('theme');
  if (theme === 'light' || theme === 'dark') root.setAttribute('data-av-theme', theme);
  var text = stored('text-size');
  if (text === 's' || text === 'l' || text === 'xl') root.setAttribute('data-av-text', text);
})();
