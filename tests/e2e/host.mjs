// A host page on another origin than dist/: the README's three embedding snippets, pasted as they are (with
// the placeholder origin replaced by the real one) under deliberately hostile CSS, served by a tiny server of
// this test's own. Shared by the Chromium (Playwright) and Firefox (Puppeteer) tests.
import { createServer } from "node:http";
import { readFileSync } from "node:fs";

export const PLACEHOLDER = "https://explainer.example";

/** The README's snippets, by name (`<!-- snippet: name -->` before each ```html block). */
export function readmeSnippets() {
  const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
  const snippets = {};
  for (const match of readme.matchAll(/<!-- snippet: (\w+) -->\n```html\n([\s\S]*?)```/g)) snippets[match[1]] = match[2];
  for (const name of ["element", "mount", "iframe"]) if (!snippets[name]) throw new Error(`README has no ${name} snippet`);
  return snippets;
}

/** The host page: every snippet pointed at `distOrigin`, with the demo's hostile stylesheet inlined. */
export function hostPage(distOrigin) {
  const snippets = readmeSnippets();
  const hostile = readFileSync(new URL("../../www/embed-demo.css", import.meta.url), "utf8");
  const body = ["element", "mount", "iframe"]
    .map((name) => `<h2>${name}</h2>\n<section id="way-${name}">\n${snippets[name].replaceAll(PLACEHOLDER, distOrigin)}</section>`)
    .join("\n");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A host page</title>
<style>${hostile}</style></head><body><h1>A host page on another origin</h1>
<p class="host-paragraph">The host's own text, which the embeds must not restyle.</p>
${body}</body></html>`;
}

/** Serves the host page on an ephemeral port of `localhost` (a different origin from dist/'s 127.0.0.1). */
export async function serveHost(distBase) {
  const distOrigin = new URL(distBase).origin;
  const server = createServer((request, response) => {
    response.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-cache" });
    response.end(hostPage(distOrigin));
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://localhost:${server.address().port}/`;
  return { url, distOrigin, close: () => new Promise((resolve) => server.close(resolve)) };
}
