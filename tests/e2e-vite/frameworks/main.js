// Four apps on one page, each rendering <summit-explainer> as its framework's users write it (options as
// written, an event handler, the element removed and added again by a condition), each exposing the same
// controls for frameworks.test.mjs: `hide()`, `show()`, `setOpen(id)` and the section-toggle details its
// handler received.
import init, { liveInstances } from "summit-explainer";
import "summit-explainer/element";
import { react } from "./react.jsx";
import { vue } from "./vue.js";
import { svelte } from "./svelte.js";
import { lit } from "./lit.js";

await init();
globalThis.liveInstances = liveInstances;
globalThis.frameworks = {
  react: react(document.getElementById("react")),
  vue: vue(document.getElementById("vue")),
  svelte: svelte(document.getElementById("svelte")),
  lit: lit(document.getElementById("lit")),
};
document.documentElement.dataset.apps = "ready";
