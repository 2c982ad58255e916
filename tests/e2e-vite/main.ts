// A host app's entry, as the README's "With a bundler" section writes it: the installed package's JavaScript
// API and its element, bundled by Vite and checked by tsc (vite.test.mjs).
import init, { mount, summitData, type Mounted, type MountOptions, type SectionToggleDetail } from "summit-explainer";
import "summit-explainer/element";

await init();
const target = document.getElementById("mounted");
if (!target) throw new Error("the page has no #mounted");
const options: MountOptions = {
  sections: ["defense-integration", "missile-defense"],
  open: ["missile-defense"],
  headingLevel: 3,
};
const handle: Mounted = mount(target, options);

// What the explainer reports, for the test to read: each section-toggle's detail, then what is open.
const toggles: SectionToggleDetail[] = [];
const log = document.getElementById("toggles");
target.addEventListener("section-toggle", (event) => {
  toggles.push((event as CustomEvent<SectionToggleDetail>).detail);
  if (log) log.textContent = JSON.stringify({ toggles, open: handle.openSections() });
});
document.documentElement.dataset.mounted = summitData().sections.length > 0 ? "yes" : "empty";
