// Deterministic benchmark article sets with mixed scripts, built from the real text in ../shared/corpora/:
// Traditional Chinese (Tang poems, biographies, the seed article), Simplified Chinese (Song ci) and English
// (State of the Union addresses). The same seed gives the same bytes on every run and machine.
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const CORPORA = path.join(ROOT, '..', 'shared', 'corpora');

/** mulberry32: a small, fast, deterministic PRNG. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const textOf = (a) => [a.title, ...(a.body ?? []).map((b) => (typeof b === 'string' ? b : b.text ?? ''))].join('');

function pools() {
  const poetry = JSON.parse(fs.readFileSync(path.join(CORPORA, 'poetry-mixed.json'), 'utf8')).articles;
  const seed = JSON.parse(fs.readFileSync(path.join(ROOT, 'static', 'articles.json'), 'utf8')).articles;
  const sotu = JSON.parse(fs.readFileSync(path.join(CORPORA, 'sotu-even-years.json'), 'utf8')).articles;
  const hant = [...poetry.filter((a) => a.lang === 'zh-Hant'), ...seed].map(textOf).join('');
  const hans = poetry.filter((a) => a.lang === 'zh-Hans').map(textOf).join('');
  const en = sotu.map(textOf).join(' ').split(/\s+/).filter(Boolean);
  return { hant: [...hant], hans: [...hans], en };
}

const CATEGORIES = ['重點新聞', '重点新闻', '行業動態', '行业动态', 'Markets', 'Policy', '國際', '国际', 'Analysis', '評論'];
const SOURCES = ['有色報', '有色报', 'Reuters', 'Xinhua', '中國有色網', 'Bloomberg', '新華社', 'AP'];
const SURNAMES = ['張', '张', '李', '王', '陳', '陈', '劉', '刘', 'Smith', 'Lee'];
const GIVEN = ['燎原', '偉', '伟', '芳', '明', 'Anna', 'John', '靜', '静', 'Wei'];

/**
 * `n` articles of about `chars` characters each (title + body), scripts mixed by record: 2 in 5 Traditional,
 * 2 in 5 Simplified, 1 in 5 English.
 */
export function benchSet(n, chars, seed = 20261128) {
  const p = pools();
  const r = rng(seed);
  const int = (k) => Math.floor(r() * k);
  const cjk = (pool, len) => {
    const s = int(pool.length - len);
    return pool.slice(s, s + len).join('');
  };
  const words = (len) => {
    const out = [];
    let at = int(p.en.length - 400);
    while (out.join(' ').length < len) out.push(p.en[at++ % p.en.length]);
    return out.join(' ');
  };
  const articles = [];
  for (let i = 0; i < n; i++) {
    const kind = i % 5;
    const text = kind < 2 ? (len) => cjk(p.hant, len) : kind < 4 ? (len) => cjk(p.hans, len) : words;
    const title = text(kind < 4 ? 8 + int(14) : 30 + int(40));
    const body = [];
    let total = title.length;
    while (total < chars) {
      const len = Math.min(chars - total, (chars > 400 ? 80 : 40) + int(chars > 400 ? 160 : 80));
      const para = text(Math.max(len, 10));
      body.push(para);
      total += para.length;
    }
    const author = SURNAMES[int(SURNAMES.length)] + (i % 7 ? GIVEN[int(GIVEN.length)] : ' ' + GIVEN[int(GIVEN.length)]);
    const y = 2010 + int(15);
    const m = 1 + int(12);
    const d = 1 + int(28);
    articles.push({
      id: `b${i}`,
      title,
      published: `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
      views: int(200000),
      source: SOURCES[int(SOURCES.length)],
      category: CATEGORIES[int(CATEGORIES.length)],
      authors: [author],
      lang: kind < 2 ? 'zh-Hant' : kind < 4 ? 'zh-Hans' : 'en',
      body,
    });
  }
  return JSON.stringify({ version: 1, title: `Benchmark set (${n} × ~${chars} characters)`, articles });
}

/** The real mixed-script corpus, as shipped. */
export function poetrySet() {
  return fs.readFileSync(path.join(CORPORA, 'poetry-mixed.json'), 'utf8');
}
