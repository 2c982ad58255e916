// The demo's mount(): the README's snippet, with this site's own URL (frame-resize.js sizes the iframe).
import init, { mount } from "./pkg/summit_explainer.js";

await init();
const target = document.getElementById("summit-defense");
mount(target, { sections: ["defense-integration", "missile-defense"], headingLevel: 3 });
target.addEventListener("section-toggle", (event) => console.log("section-toggle", event.detail));

