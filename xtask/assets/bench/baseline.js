// The benchmark's baseline: the same prerendered page, with a few lines of vanilla JavaScript for the toggles
// instead of the wasm. Every timing of the explainer is reported as a ratio to this page's, in the same run.
const root = document.querySelector("[data-se-root]");
root.addEventListener("click", (event) => {
  const button = event.target.closest("[data-se-toggle]");
  if (!button) return;
  const panel = document.getElementById(button.getAttribute("aria-controls"));
  const open = button.getAttribute("aria-expanded") !== "true";
  button.setAttribute("aria-expanded", String(open));
  if (open) panel.removeAttribute("hidden");
  else panel.setAttribute("hidden", "until-found");
});
root.setAttribute("data-se-enhanced", "");
performance.mark("summit-explainer:interactive");
