// The demo's mount() and iframe listener: the README's snippets, with this site's own URLs.
import init, { mount } from "./pkg/summit_explainer.js";

await init();
const target = document.getElementById("summit-defense");
mount(target, { sections: ["defense-integration", "missile-defense"], headingLevel: 3 });
target.addEventListener("section-toggle", (event) => console.log("section-toggle", event.detail));

addEventListener("message", (event) => {
  if (event.origin !== location.origin || event.data?.type !== "summit-explainer:resize") return;
  for (const frame of document.querySelectorAll("iframe")) if (frame.contentWindow === event.source) frame.height = event.data.height;
});
