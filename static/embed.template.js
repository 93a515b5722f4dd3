// <article-viewer>: the article viewer as a widget for any page. `cargo xtask dist` writes this file as
// dist/embed.js with the hashed names of its build; it has a stable name (short cache) and loads the rest by
// URLs relative to itself, so it works from any host page, origin (with CORS) and sub-path:
//
//   <script type="module" src="https://cdn.example.org/viewer/embed.js"></script>
//   <article-viewer src="https://cdn.example.org/viewer/articles.json"></article-viewer>
//
// Attributes: src (without it: the set shipped next to this file, or a <script type="application/json"> child),
// lang (interface language: en, zh-Hant, zh-Hans, ja, ko, fr, de, es, pt, it, ru, ar), theme (auto, light, dark), script (original, hant, hans),
// page-size, routing (`none`, the default: navigation stays inside the widget and the host page's URL is never
// touched; `hash`: the widget's route is kept in the host's hash as `av-<id>=…`, so reload and back/forward
// work), start (the view it opens on: `/article/<id>`, `/?category=…`, or a link to the standalone viewer). A
// link's address is the host page with its route in the hash as `av-<id>=…` (opened in a new tab, the widget
// opens there), whatever the routing. Each widget renders in its own shadow root with its own state; the host
// page's title, scroll (but for "Continue reading") and keys are never touched; reading progress is kept in
// localStorage. Events: `article-viewer:open` (detail.id), `article-viewer:navigate` (detail.route, as `start`
// takes it), `article-viewer:load` (detail.articles, detail.skipped), `article-viewer:error` (detail.message;
// detail.crashed when the viewer crashed).
const base = new URL('.', import.meta.url).href;
globalThis.__articleViewerEmbed = true;

let viewer;
const loadViewer = () => (viewer ??= import(new URL('__VIEWER_JS__', base).href).then(async (m) => {
  await m.default({ module_or_path: new URL('__VIEWER_WASM__', base).href });
  return m;
}));
let sheet;
const loadSheet = () => (sheet ??= fetch(new URL('__VIEWER_CSS__', base).href)
  .then((r) => r.text())
  .then((text) => { const s = new CSSStyleSheet(); s.replaceSync(text); return s; }));

// An attribute's value as the viewer takes it: one it knows, else none (its default is used) with a warning in the
// console for the host page's developer. `lang` takes any tag of a language the interface speaks (zh-TW is
// 繁體中文, zh-CN 简体中文, en-GB English, fr-CA Français).
const oneOf = (...values) => [(v) => (values.includes(v) ? v : null), values.join(', ').replace(/, (\w+)$/, ' or $1')];
// Each attribute: what the viewer takes of a value, and what it takes, said.
const ATTRIBUTES = {
  lang: [(v) => (/^zh-(hant|tw|hk|mo)\b/i.test(v) ? 'zh-Hant' : /^zh\b/i.test(v) ? 'zh-Hans'
    : /^(en|ja|ko|fr|de|es|pt|it|ru|id|tr|vi|ar|he|fa|hi|bn|pl|th|ur)\b/i.exec(v)?.[1].toLowerCase() ?? null),
    'a tag of en, zh-Hant, zh-Hans, ja, ko, fr, de, es, pt, it, ru or ar (zh-TW, zh-CN, fr-CA, pt-BR… too)'],
  theme: oneOf('auto', 'light', 'dark'),
  script: oneOf('original', 'hant', 'hans'),
  routing: oneOf('none', 'hash'),
  'page-size': [(v) => (/^\s*\d+\s*$/.test(v) && Number(v) >= 1 ? String(Math.min(Number(v), 200)) : null),
    'a whole number from 1 to 200'],
};
function attribute(el, name) {
  const v = el.getAttribute(name);
  if (v === null) return undefined;
  const [take, expected] = ATTRIBUTES[name];
  const taken = take(v);
  if (taken === null) console.warn(`<article-viewer${el.id ? ` id="${el.id}"` : ''}>: ${name}="${v}" is not ${expected}: left out`);
  return taken ?? undefined;
}

class ArticleViewerElement extends HTMLElement {
  static observedAttributes = ['src', 'lang', 'theme', 'script', 'page-size', 'routing', 'start'];
  #handle = null;
  #generation = 0;

  connectedCallback() { this.#mount(); }
  disconnectedCallback() { this.#generation++; this.#handle?.destroy(); this.#handle = null; }
  attributeChangedCallback() { if (this.#handle) this.#mount(); }

  async #mount() {
    const generation = ++this.#generation;
    const shadow = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    let m;
    try {
      const [module, styles] = await Promise.all([loadViewer(), loadSheet()]);
      m = module;
      shadow.adoptedStyleSheets = [styles];
    } catch (e) {
      // This widget says what went wrong; others on the page and the host page carry on.
      const p = document.createElement('p');
      p.setAttribute('role', 'alert');
      p.textContent = `The article viewer could not be loaded: ${e}`;
      shadow.replaceChildren(p);
      return;
    }
    if (generation !== this.#generation || !this.isConnected) return;
    this.#handle?.destroy();
    const root = document.createElement('div');
    shadow.replaceChildren(root);
    const inline = this.querySelector('script[type="application/json"]')?.textContent ?? undefined;
    const src = this.getAttribute('src');
    this.#handle = m.mount_widget(
      this, root, base,
      src ? new URL(src, document.baseURI).href : undefined,
      inline,
      attribute(this, 'lang'),
      attribute(this, 'theme'),
      attribute(this, 'script'),
      Number(attribute(this, 'page-size') ?? 0),
      attribute(this, 'routing'),
      this.getAttribute('start') ?? undefined,
    );
  }
}

if (!customElements.get('article-viewer')) customElements.define('article-viewer', ArticleViewerElement);
