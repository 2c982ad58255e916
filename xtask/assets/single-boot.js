// The single-file build's start-up, appended to the wasm-bindgen glue in one inline module script (so
// `initSync` and `enhancePage` are the glue's own bindings). The wasm is inlined gzipped, as base64 (base64
// hides the module's repeats from the page's own compression; gzip finds them first): nothing is fetched, so
// the page works from file:// and offline. If anything fails the page stays readable, as when served.
const WASM_GZIP_BASE64 = "@WASM_BASE64@";
try {
  const gzipped = new Blob([Uint8Array.from(atob(WASM_GZIP_BASE64), (c) => c.charCodeAt(0))]);
  const bytes = await new Response(gzipped.stream().pipeThrough(new DecompressionStream("gzip"))).arrayBuffer();
  initSync({ module: await WebAssembly.compile(bytes) });
  enhancePage();
  performance.mark("summit-explainer:interactive");
} catch (error) {
  document.querySelector("[data-se-root]")?.setAttribute("data-se-failed", "");
  console.error(error);
}
