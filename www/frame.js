// frame.html: the explainer alone, for hosts that can only paste an iframe. Options come from the query
// string (parsed in Rust); the height goes to the parent on load and whenever it changes, in our message
// and in AMP's, so the host can size the iframe with no scrollbar.
import init, { mountFrame } from "./pkg/summit_explainer.js";

const container = document.getElementById("explainer");
let reported = 0;

function reportHeight() {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (height === reported || window.parent === window) return;
  reported = height;
  // Only a height is sent, nothing private, so any parent may read it.
  window.parent.postMessage({ type: "summit-explainer:resize", height }, "*");
  window.parent.postMessage({ sentinel: "amp", type: "embed-size", height }, "*");
}

try {
  await init();
  mountFrame(container, location.search, new URL("index.html", location.href).href);
  performance.mark("summit-explainer:interactive");
} catch (error) {
  console.error(error); // The frame shows the message itself.
}
new ResizeObserver(reportHeight).observe(document.documentElement);
reportHeight();
