// The JavaScript API for host pages: `init`, `mount()`, `summitData()`, from the embeds' module of this
// build. Import this file rather than the glue in pkg/: it is a short-lived entry point, and the module it
// loads is named by its content (the build rewrites the path below), so a browser or a CDN that keeps an old
// copy of one file can never pair it with the new copy of another.
export * from "./pkg/summit_explainer.js";
export { default } from "./pkg/summit_explainer.js";
