// A strict host page on another origin than dist/: the README's three embedding snippets, pasted as they are (with
// the placeholder origin replaced by the real one) under deliberately hostile CSS, served by a tiny server of
// this test's own. Shared by the Chromium (Playwright) and Firefox (Puppeteer) tests.
import { createServer } from "node:http";
import { readFileSync } from "node:fs";

export const PLACEHOLDER = "https://explainer.example";

/** The README's snippets, by name (`<!-- snippet: name -->` before each ```html block). */
export function readmeSnippets() {
  const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
  const snippets = {};
  for (const match of readme.matchAll(/<!-- snippet: (\w+) -->\n```(?:html|css)\n([\s\S]*?)```/g)) snippets[match[1]] = match[2];
  for (const name of ["element", "mount", "iframe", "reserve"]) if (!snippets[name]) throw new Error(`README has no ${name} snippet`);
  return snippets;
}

/**
 * A typical article page rather than a hostile one: a 62.5% root, text above and below, and the README's
 * element snippet between, with the README's stylesheet for reserving its space when `reserve` is set. For
 * measuring what the element does to the host's layout as it arrives.
 */
export function articlePage(distOrigin, { reserve }) {
  const snippets = readmeSnippets();
  const paragraph = "<p>The host's own reporting, a paragraph of it, long enough to wrap over a few lines of a column.</p>";
  const css = [
    "html { font-size: 62.5%; } body { font: 1.8rem/1.5 Georgia, serif; max-width: 64rem; margin: 0 auto; padding: 2rem; }",
    reserve ? snippets.reserve : "",
  ].join("\n");
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>An article page</title>
<link rel="icon" href="data:,"><link rel="stylesheet" href="/article.css"></head><body><h1>A story with an explainer in it</h1>
${paragraph.repeat(3)}
${snippets.element.replaceAll(PLACEHOLDER, distOrigin)}
${paragraph.repeat(12)}</body></html>`;
  return { html, files: { "/article.css": css } };
}

/**
 * The policy a strict host page sends: the one the README documents for hosts, `distOrigin` being where the
 * explainer is served. No inline script or style is allowed, and Trusted Types guard every HTML sink.
 */
export function hostPolicy(distOrigin) {
  return [
    "default-src 'self'",
    `script-src 'self' ${distOrigin} 'wasm-unsafe-eval'`,
    `connect-src 'self' ${distOrigin}`,
    `frame-src ${distOrigin}`,
    "style-src 'self'",
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
    "require-trusted-types-for 'script'",
  ].join("; ");
}

/**
 * The host page: every snippet pointed at `distOrigin`, with the demo's hostile stylesheet. A strict host
 * cannot have inline code, so the body of each inline `<script>` in a snippet (the host's own code, as the
 * README says) is served from a file of the host's: `files` maps those paths to their contents.
 */
export function hostPage(distOrigin) {
  const snippets = readmeSnippets();
  const files = { "/hostile.css": readFileSync(new URL("../../www/embed-demo.css", import.meta.url), "utf8") };
  const external = (html) =>
    html.replace(/<script type="module">\n([\s\S]*?)<\/script>/g, (_, code) => {
      const path = `/host-${Object.keys(files).length}.js`;
      files[path] = code;
      return `<script type="module" src="${path}"></script>`;
    });
  const body = ["element", "mount", "iframe"]
    .map((name) => `<h2>${name}</h2>\n<section id="way-${name}">\n${external(snippets[name].replaceAll(PLACEHOLDER, distOrigin))}</section>`)
    .join("\n");
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A host page</title>
<link rel="icon" href="data:,"><link rel="stylesheet" href="/hostile.css"></head><body><h1>A host page on another origin</h1>
<p class="host-paragraph">The host's own text, which the embeds must not restyle.</p>
${body}</body></html>`;
  return { html, files };
}

/**
 * Serves the host page, under the strict host policy, on an ephemeral port of `localhost` (a different origin
 * from dist/'s 127.0.0.1).
 */
export async function serveHost(distBase, page = hostPage) {
  const distOrigin = new URL(distBase).origin;
  const { html, files } = page(distOrigin);
  const types = { css: "text/css", js: "text/javascript" };
  const server = createServer((request, response) => {
    const path = new URL(request.url, "http://host").pathname;
    const headers = { "cache-control": "no-cache", "content-security-policy": hostPolicy(distOrigin) };
    if (path === "/") {
      response.writeHead(200, { ...headers, "content-type": "text/html; charset=utf-8" });
      response.end(html);
    } else if (files[path] !== undefined) {
      response.writeHead(200, { ...headers, "content-type": `${types[path.split(".").pop()]}; charset=utf-8` });
      response.end(files[path]);
    } else {
      response.writeHead(404, headers);
      response.end();
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://localhost:${server.address().port}/`;
  return { url, distOrigin, policy: hostPolicy(distOrigin), close: () => new Promise((resolve) => server.close(resolve)) };
}

/**
 * For `page.evaluate` on the host page, in Playwright and Puppeteer alike: inside each shadow-root embed (the
 * element and mount()'s), the computed font sizes of a claim, a section title and a summary and the height of a
 * section toggle, with the host's root font size set to each of `sizes` in turn ("" is the browser's default),
 * keyed by size. A shadow root does not isolate `rem`, so these show whether the host's root leaks in.
 */
export const MEASURE_UNDER_ROOT_SIZES = async (sizes) => {
  const measure = () =>
    ["summit-explainer", "[data-se-mount]"].map((selector) => {
      const root = document.querySelector(selector).shadowRoot;
      const size = (inner) => getComputedStyle(root.querySelector(inner)).fontSize;
      return {
        embed: selector,
        claim: size(".se-claim-text"),
        title: size(".se-toggle-title"),
        summary: size(".se-section-summary"),
        toggleHeight: Math.round(root.querySelector(".se-toggle").getBoundingClientRect().height),
      };
    });
  const results = {};
  for (const size of sizes) {
    document.documentElement.style.fontSize = size; // CSSOM, which the host's CSP allows.
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    results[size || "default"] = measure();
  }
  document.documentElement.style.fontSize = "";
  return results;
};

/** The host root font sizes the embeds are tried under: a common CMS's 62.5% and a large 40px. */
export const HOST_ROOT_SIZES = ["", "62.5%", "40px"];
