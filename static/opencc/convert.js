// article-viewer: the 繁/简 converter's loader, fetched (like the converter modules next to it) only the first
// time a reader asks for a script. `load(script)` fetches that script's module next to this file (`hant.wasm` /
// `hans.wasm`: the engine of the crate `article-viewer-convert` with the script's OpenCC dictionaries compiled in;
// its C interface is documented in convert/src/abi.rs), builds its engine and returns `{ convert(text, lang) }` (the
// viewer keeps only the function). A failure says which file.
export async function load(script) {
  const url = new URL(`${script}.wasm`, import.meta.url).href;
  let x;
  const decoder = new TextDecoder();
  const answer = (len) => decoder.decode(new Uint8Array(x.memory.buffer, x.out(), len));
  try {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    // Compiled while it downloads where the host says it is wasm; read whole first where it does not.
    const wasm = /^application\/wasm\b/.test(response.headers.get('content-type') ?? '');
    const { instance } = wasm
      ? await WebAssembly.instantiateStreaming(response, {})
      : await WebAssembly.instantiate(await response.arrayBuffer(), {});
    x = instance.exports;
    const failed = x.build();
    if (failed) throw new Error(answer(failed));
  } catch (e) {
    throw new Error(`${url}: ${e?.name === 'Error' ? e.message : e}`);
  }
  const encoder = new TextEncoder();
  // `text` written into the module's memory, for `convert` or `region` (which take it back).
  const put = (text) => {
    const bytes = encoder.encode(text);
    const ptr = x.alloc(bytes.length);
    new Uint8Array(x.memory.buffer, ptr, bytes.length).set(bytes);
    return [ptr, bytes.length];
  };
  // The region (its forms of characters: 0 any, 1 Taiwan, 2 Hong Kong) of a language tag, as the engine reads it.
  const regions = new Map();
  const region = (tag) => {
    if (!regions.has(tag)) regions.set(tag, tag ? x.region(...put(tag)) : 0);
    return regions.get(tag);
  };
  // To Traditional, the reader's region's forms: that of the browser's first Chinese language (`zh-TW` → Taiwan's
  // 為, 裡); to Simplified, those of the region the text was written in.
  const reader = script === 'hant' ? region(navigator.languages.find((l) => /^zh(-|$)/i.test(l)) ?? '') : 0;
  return {
    // `text`, written in the language tagged `lang` ('' when unknown), converted; as it is when it has no
    // character conversion could change (none from U+2E80 on: the engine's `may_convert`), and should the engine
    // fail.
    convert(text, lang = '') {
      if (!/[^\0-\u2E7F]/.test(text)) return text;
      try {
        return answer(x.convert(...put(text), script === 'hant' ? reader : region(lang)));
      } catch {
        return text;
      }
    },
  };
}
