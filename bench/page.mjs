// The page both benchmarks load: the viewer's wasm from DIST with its core driven from JavaScript (the
// `bench-api` feature), the viewer itself not mounted (`window.__avBench`), plus any classic `scripts`.
import fs from 'node:fs';
import { DIST } from '../tests/e2e/support.mjs';

export function benchPage(scripts = []) {
  const js = fs.readdirSync(DIST).find((f) => /^article-viewer-.*\.js$/.test(f));
  const wasm = fs.readdirSync(DIST).find((f) => f.endsWith('_bg.wasm'));
  if (!js || !wasm) throw new Error(`no viewer build in ${DIST}`);
  return `<!doctype html><html lang="en"><meta charset="utf-8"><title>bench</title>
<script>window.__avBench = true;</script>
${scripts.map((s) => `<script src="${s}"></script>`).join('')}
<script type="module">
import init, * as av from './${js}';
await init({ module_or_path: './${wasm}' });
window.av = av;
window.avReady = true;
</script>`;
}
