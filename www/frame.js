// frame.html: the explainer alone, for hosts that can only paste an iframe. Options come from the query
// string (parsed in Rust); the height goes to the parent on load and whenever it changes, in our message
// and in AMP's, so the host can size the iframe with no scrollbar.
const container = document.getElementById("explainer");
const explainerPage = new URL("index.html", import.meta.url).href;
let reported = 0;

function reportHeight() {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (height === reported || window.parent === window) return;
  reported = height;
  // Only a height is sent, nothing private, so any parent may read it.
  window.parent.postMessage({ type: "summit-explainer:resize", height }, "*");
  window.parent.postMessage({ sentinel: "amp", type: "embed-size", height }, "*");
}

/** The notice when the explainer could not load, with the way to the page itself. */
function showFailure() {
  const link = Object.assign(document.createElement("a"), { href: explainerPage, target: "_blank", rel: "noopener" });
  link.textContent = "Open the explainer";
  const notice = document.createElement("p");
  notice.setAttribute("role", "alert");
  notice.append("The explainer could not load here. ", link, ".");
  container.replaceChildren(notice);
}

try {
  // Imported here, not above, so that a module that cannot be had, or is another build's, is caught.
  const glue = await import("./pkg/summit_explainer.js");
  if (typeof glue.mountFrame !== "function") throw new Error("the explainer's module has no mountFrame: it is not this build's");
  await glue.default();
  glue.mountFrame(container, location.search, explainerPage);
  performance.mark("summit-explainer:interactive");
} catch (error) {
  console.error(error);
  // mountFrame shows its own errors; a failure before it would leave the frame empty.
  if (!container.hasChildNodes()) showFailure();
}
new ResizeObserver(reportHeight).observe(document.documentElement);
reportHeight();
