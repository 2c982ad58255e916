// For host pages that embed frame.html: sizes each such iframe to the height it reports, so it never shows
// an inner scrollbar, and takes off the default border. An external script, so it works under a strict Content Security Policy (no inline
// code). It accepts messages only from its own origin (where frame.html is served), only from an iframe
// on the page, and only a plausible height.
const origin = new URL(import.meta.url).origin;
const framePage = new URL("frame.html", import.meta.url).href;

// The explainer's frames lose the browser's default inset border: the explainer draws its own box. (CSSOM,
// which a strict style-src allows where a style attribute would not be.)
for (const frame of document.querySelectorAll("iframe[src]")) {
  if (frame.src.split(/[?#]/)[0] === framePage) frame.style.border = "0";
}

addEventListener("message", (event) => {
  if (event.origin !== origin || event.data?.type !== "summit-explainer:resize") return;
  const height = event.data.height;
  if (!Number.isFinite(height) || height < 0 || height > 1e5) return;
  for (const frame of document.querySelectorAll("iframe")) {
    if (frame.contentWindow === event.source) frame.height = String(Math.ceil(height));
  }
});
