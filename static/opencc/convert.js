// article-viewer: the 繁/简 converter's loader, fetched (like the converter modules next to it) only the first
// time a reader asks for a script. `load(script)` fetches that script's module next to this file (`hant.wasm` /
// `hans.wasm`: the engine of the crate `article-viewer-convert` with the script's OpenCC dictionaries compiled in;
// its C interface is documented in convert/src/abi.rs), builds its engine and returns `{ convert(text, region) }` (the
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
  return {
    // `text`, written in `region` (0 any, 1 Taiwan, 2 Hong Kong: its forms of characters), converted; as it is
    // when it has no character conversion could change (none from U+2E80 on: the engine's `may_convert`), and
    // should the engine fail.
    convert(text, region = 0) {
      if (!/[^\0-\u2E7F]/.test(text)) return text;
      try {
        const bytes = encoder.encode(text);
        const ptr = x.alloc(bytes.length);
        new Uint8Array(x.memory.buffer, ptr, bytes.length).set(bytes);
        return answer(x.convert(ptr, bytes.length, region));
      } catch {
        return text;
      }
    },
  };
}
