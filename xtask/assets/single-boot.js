// The single-file build's start-up, appended to the wasm-bindgen glue in one inline module script (so
// `initSync` and `enhancePage` are the glue's own bindings). The wasm is inlined as base64: nothing is fetched,
// so the page works from file:// and offline. If anything fails the page stays readable, as when served.
const WASM_BASE64 = "@WASM_BASE64@";
try {
  const bytes = Uint8Array.from(atob(WASM_BASE64), (c) => c.charCodeAt(0));
  initSync({ module: await WebAssembly.compile(bytes) });
  enhancePage();
  performance.mark("summit-explainer:interactive");
} catch (error) {
  document.querySelector("[data-se-root]")?.setAttribute("data-se-failed", "");
  console.error(error);
}
