// Starts the explainer on the prerendered page. If anything fails, the page stays readable: every section is
// shown open (see `.se[data-se-failed]` in style.css) and the error goes to the console.
import init, { enhancePage } from "./page/explainer.js";

try {
  await init();
  enhancePage();
  performance.mark("summit-explainer:interactive");
} catch (error) {
  document.querySelector("[data-se-root]")?.setAttribute("data-se-failed", "");
  console.error(error);
}
