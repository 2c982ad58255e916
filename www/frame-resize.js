// For host pages that embed frame.html: sizes each such iframe to the height it reports, so it never shows
// an inner scrollbar. An external script, so it works under a strict Content Security Policy (no inline
// code). It accepts messages only from its own origin (where frame.html is served), only from an iframe
// on the page, and only a plausible height.
const origin = new URL(import.meta.url).origin;

addEventListener("message", (event) => {
  if (event.origin !== origin || event.data?.type !== "summit-explainer:resize") return;
  const height = event.data.height;
  if (!Number.isFinite(height) || height < 0 || height > 1e5) return;
  for (const frame of document.querySelectorAll("iframe")) {
    if (frame.contentWindow === event.source) frame.height = String(Math.ceil(height));
  }
});
