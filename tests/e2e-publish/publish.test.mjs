// Publishing: an explainer lives on other people's pages for years, while the site behind it is rebuilt. Two
// builds of the site, A (dist/) and B (the same content with one claim changed, built by `cargo xtask test`),
// behind one server that serves whichever build LIVE_DIR points at; the test switches it, as a deploy does,
// while a browser (or a CDN) still holds A's entry script. The embed must then work, or show its notice: it
// never throws into the host page. Also: the cache headers a production host sends, and that two builds never
// give one hashed name two different contents.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync, unlinkSync, symlinkSync, cpSync, rmSync } from "node:fs";
import { join, dirname } from "node:path";
import { launch, recordProblems, BASE_URL } from "../e2e/browser.mjs";
import { serveHost, articlePage } from "../e2e/host.mjs";

const { LIVE_DIR, BUILD_A, BUILD_B, RELEASE } = process.env;
for (const [name, value] of Object.entries({ LIVE_DIR, BUILD_A, BUILD_B, RELEASE })) {
  if (!value) throw new Error(`${name} is not set: run this with \`cargo xtask e2e-publish\``);
}
// The claim B changes (xtask/src/test.rs, CHANGED_CLAIM), as each build says it.
const A_SAYS = "Japan’s first astronaut on the Moon would be the first non-American to set foot there.";
const B_SAYS = "The astronaut would be the first non-American to set foot on the Moon.";
const FALLBACK = "Read the explainer: Biden hosts Kishida, in the article’s own words";
const NOTICE = "The explainer could not load here.";

const manifest = (build) => JSON.parse(readFileSync(join(build, "assets.json"), "utf8"));
const [assetsA, assetsB] = [manifest(BUILD_A), manifest(BUILD_B)];

/** Deploys `build`: the server answers from it from the next request on. */
function deploy(build) {
  unlinkSync(LIVE_DIR);
  symlinkSync(build, LIVE_DIR);
}

/** B uploaded over A without deleting anything (what the README's "Deploy" asks for): both builds' files. */
function merged() {
  const dir = join(dirname(LIVE_DIR), "a-then-b");
  rmSync(dir, { recursive: true, force: true });
  cpSync(BUILD_A, dir, { recursive: true });
  cpSync(BUILD_B, dir, { recursive: true, force: true });
  return dir;
}

let browser;
let host;
let pinnedHost;
before(async () => {
  browser = await launch();
  // The README's element snippet on an article page of another origin, under the host's strict policy;
  // and the same snippet pinned to this release.
  host = await serveHost(BASE_URL, (origin) => articlePage(origin, { reserve: false }));
  pinnedHost = await serveHost(BASE_URL, (origin) => {
    const page = articlePage(origin, { reserve: false });
    const pinned = page.html.replace(`${origin}/embed.js`, `${origin}/v/${RELEASE}/embed.js`);
    assert.notEqual(pinned, page.html, "the snippet loads embed.js");
    return { ...page, html: pinned };
  });
});
after(async () => {
  deploy(BUILD_A);
  await host?.close();
  await pinnedHost?.close();
  await browser?.close();
});

/** What the element ended up showing: the changed claim's words, or its notice and fallback content. */
async function outcome(page) {
  const shown = await page.waitForFunction(
    () => {
      const root = document.querySelector("summit-explainer")?.shadowRoot;
      const notice = root?.querySelector("[role=alert]");
      if (notice) {
        const slot = root.querySelector("slot");
        const fallback = slot ? slot.assignedNodes().map((node) => node.textContent.trim()).filter(Boolean) : [];
        return { notice: notice.textContent, fallback };
      }
      if (!root?.querySelector("[data-se-enhanced]")) return false;
      const claims = [...root.querySelectorAll(".se-claim-text")].map((claim) => claim.textContent);
      return { claim: claims.find((text) => text.includes("first non-American")) };
    },
    null,
    { timeout: 15000 },
  );
  return shown.jsonValue();
}

/** A context whose requests for `path` (under the site) are answered with `body`, as a cache would. */
async function contextWith(answers) {
  const context = await browser.newContext();
  for (const [path, { body, type }] of Object.entries(answers)) {
    await context.route(new URL(path, BASE_URL).href, (route) =>
      route.fulfill({ status: 200, contentType: type, headers: { "access-control-allow-origin": "*" }, body }),
    );
  }
  const page = await context.newPage();
  return { context, page, problems: recordProblems(page) };
}

const js = (build, path) => ({ body: readFileSync(join(build, path)), type: "text/javascript" });
const pageErrors = (problems) => problems.filter((p) => p.startsWith("page error"));

test("a reader who saw build A keeps it, from the cache, once B has replaced it", async () => {
  deploy(BUILD_A);
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = recordProblems(page);
  await page.goto(host.url);
  assert.deepEqual(await outcome(page), { claim: A_SAYS });
  deploy(BUILD_B); // A's files are gone from the server.
  await page.goto(host.url);
  // embed.js is A's for five minutes, and everything it loads is in the cache for a year, under its own name.
  assert.deepEqual(await outcome(page), { claim: A_SAYS });
  assert.deepEqual(problems, []);
  await context.close();
});

test("A's embed.js kept by a CDN meets build B alone: the element shows its notice and keeps its fallback", async () => {
  deploy(BUILD_B);
  const { context, page, problems } = await contextWith({ "embed.js": js(BUILD_A, "embed.js") });
  await page.goto(host.url);
  assert.deepEqual(await outcome(page), { notice: NOTICE, fallback: [FALLBACK] });
  assert.deepEqual(pageErrors(problems), [], "nothing is thrown into the host page");
  assert.ok(problems.some((p) => p.includes(`HTTP 404: ${new URL(assetsA["pkg/summit_explainer.js"], BASE_URL)}`)), problems.join("\n"));
  assert.ok(problems.some((p) => p.includes("summit-explainer: the explainer could not load")), problems.join("\n"));
  await context.close();
});

test("with A's files kept beside B's, as the deploy guide says, A's embed.js goes on working", async () => {
  deploy(merged());
  const { context, page, problems } = await contextWith({ "embed.js": js(BUILD_A, "embed.js") });
  await page.goto(host.url);
  assert.deepEqual(await outcome(page), { claim: A_SAYS });
  assert.deepEqual(problems, []);
  await context.close();
  deploy(BUILD_B);
});

test("a new visit gets build B, from embed.js and from the release's pinned embed.js", async () => {
  deploy(BUILD_B);
  for (const { url } of [host, pinnedHost]) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems = recordProblems(page);
    await page.goto(url);
    assert.deepEqual(await outcome(page), { claim: B_SAYS }, url);
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test("an entry script that meets a module of another kind shows its notice, never a half-made box", async () => {
  deploy(BUILD_B);
  const glue = assetsB["pkg/summit_explainer.js"];
  const wasm = assetsB["pkg/summit_explainer_bg.wasm"];
  const pageWasm = { body: readFileSync(join(BUILD_B, assetsB["page/explainer_bg.wasm"])), type: "application/wasm" };
  const cases = {
    // A whole module without the element's functions (the page's glue and wasm, which load and start).
    "a module without mountElement": { [glue]: js(BUILD_B, assetsB["page/explainer.js"]), [wasm]: pageWasm },
    // The right glue with a wasm whose imports it does not provide.
    "a wasm of another module": { [wasm]: pageWasm },
  };
  for (const [name, answers] of Object.entries(cases)) {
    const { context, page, problems } = await contextWith(answers);
    await page.goto(host.url);
    assert.deepEqual(await outcome(page), { notice: NOTICE, fallback: [FALLBACK] }, name);
    assert.deepEqual(pageErrors(problems), [], `${name}: nothing is thrown into the host page`);
    await context.close();
  }
  // The iframe's page, likewise: a notice with the way to the complete explainer.
  const { context, page, problems } = await contextWith({ [glue]: js(BUILD_B, assetsB["page/explainer.js"]) });
  await page.goto(new URL("frame.html", BASE_URL).href);
  const notice = await page.waitForSelector("#explainer [role=alert]");
  assert.equal(await notice.textContent(), "The explainer could not load here. Open the explainer.");
  assert.equal(await notice.$eval("a", (a) => a.href), new URL("index.html", BASE_URL).href);
  assert.deepEqual(pageErrors(problems), []);
  await context.close();
});

test("two builds never give one hashed name two contents, and what did not change keeps its name", () => {
  const files = (build) => new Set(readdirSync(join(build, "assets")));
  const [inA, inB] = [files(BUILD_A), files(BUILD_B)];
  const shared = [...inA].filter((name) => inB.has(name));
  for (const name of shared) {
    assert.ok(readFileSync(join(BUILD_A, "assets", name)).equals(readFileSync(join(BUILD_B, "assets", name))), name);
  }
  // The claim is in the embeds' wasm, so it, its glue and what imports the glue change. The page's module
  // reads the claims from the page and holds none: a corrected claim costs a returning reader the page alone.
  const same = ["style.css", "noscript.css", "explainer.css", "page/explainer_bg.wasm", "page/explainer.js", "main.js"];
  for (const name of same) assert.equal(assetsA[name], assetsB[name], name);
  for (const name of ["pkg/summit_explainer_bg.wasm", "pkg/summit_explainer.js", "frame.js"]) {
    assert.notEqual(assetsA[name], assetsB[name], name);
  }
  assert.ok(shared.length > 0 && shared.length < inA.size, `${shared.length} of ${inA.size} files shared`);
});

test("the server sends each file the headers a production host would", async () => {
  deploy(BUILD_B);
  const year = "public, max-age=31536000, immutable";
  const minutes = "public, max-age=300, must-revalidate";
  const expected = {
    [assetsB["pkg/summit_explainer_bg.wasm"]]: [year, "application/wasm"],
    [assetsB["page/explainer.js"]]: [year, "text/javascript"],
    [assetsB["style.css"]]: [year, "text/css"],
    "embed.js": [minutes, "text/javascript"],
    "api.js": [minutes, "text/javascript"],
    "frame-resize.js": [minutes, "text/javascript"],
    [`v/${RELEASE}/embed.js`]: [minutes, "text/javascript"],
    [`v/${RELEASE}/frame.html`]: ["no-cache", "text/html"],
    "": ["no-cache", "text/html"],
    "index.html": ["no-cache", "text/html"],
    "frame.html": ["no-cache", "text/html"],
    "pkg/summit_explainer.js": ["no-cache", "text/javascript"],
    "pkg/summit_explainer_bg.wasm": ["no-cache", "application/wasm"],
    "assets.json": ["no-cache", "application/json"],
  };
  for (const [path, [cache, type]] of Object.entries(expected)) {
    const response = await fetch(new URL(path, BASE_URL), { headers: { "accept-encoding": "br" } });
    assert.equal(response.status, 200, path);
    assert.equal(response.headers.get("cache-control"), cache, path);
    assert.ok(response.headers.get("content-type").startsWith(type), `${path}: ${response.headers.get("content-type")}`);
    assert.equal(response.headers.get("access-control-allow-origin"), "*", path);
    assert.equal(response.headers.get("x-content-type-options"), "nosniff", path);
    await response.arrayBuffer();
  }
  // An entry point past its max-age is revalidated, and answered 304 when unchanged.
  const first = await fetch(new URL("embed.js", BASE_URL));
  await first.arrayBuffer();
  const modified = first.headers.get("last-modified");
  assert.ok(modified, "entry points carry Last-Modified");
  const again = await fetch(new URL("embed.js", BASE_URL), { headers: { "if-modified-since": modified } });
  assert.equal(again.status, 304);
  // A file that is not there is never cached for long: it may be uploaded next.
  const missing = await fetch(new URL("assets/gone.00000000.js", BASE_URL));
  assert.equal(missing.status, 404);
  assert.equal(missing.headers.get("cache-control"), "no-cache");
});
