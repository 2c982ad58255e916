// The npm package in a bundler, end to end: the tarball `cargo xtask pack` writes is installed with npm into a
// scratch Vite project (target/e2e-vite/, made from this folder's index.html, main.ts and tsconfig.json),
// type-checked with tsc, built with `vite build` (both the root node_modules' own, pinned by package-lock.json),
// and the build is served by a small server of this test's own, under the site's strict CSP. In headless
// Chromium, `mount()` and `<summit-explainer sections="space">` render, and the wasm is the bundle's own asset.
// PACKAGE_TARBALL names the tarball (default target/summit-explainer-VERSION.tgz, VERSION from Cargo.toml).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { launch, recordProblems, screenshotPath } from "../e2e/browser.mjs";
import { root, scratchProject, serve, strictPolicy, version, vite } from "./project.mjs";

let project;
let built;
let browser;
let server;
let viteOutput;
before(async () => {
  const scratch = scratchProject("e2e-vite", ".", ["index.html", "main.ts", "tsconfig.json"]);
  project = scratch.project;
  built = join(project, "dist");
  scratch.run("tsc", process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.json"]);
  viteOutput = scratch.run("vite build", process.execPath, [vite, "build", "--logLevel", "info"]);
  server = await serve(built, strictPolicy());
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test("vite build bundles the package without a warning, the wasm emitted as an asset", () => {
  assert.doesNotMatch(viteOutput, /warn|didn't resolve|doesn't exist|\(!\)/i, viteOutput);
  const assets = readdirSync(join(built, "assets"));
  const wasm = assets.filter((name) => name.endsWith(".wasm"));
  assert.equal(wasm.length, 1, `one wasm asset among ${assets}`);
  const installed = readFileSync(join(project, "node_modules/summit-explainer/summit_explainer_bg.wasm"));
  assert.ok(readFileSync(join(built, "assets", wasm[0])).equals(installed), "the asset is the package's wasm");
  const shipped = JSON.parse(readFileSync(join(project, "node_modules/summit-explainer/package.json"), "utf8"));
  assert.equal(shipped.version, version, "the package's version is Cargo.toml's");
});

test("mount() and <summit-explainer> render from the bundle, which serves its own wasm", async () => {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  const page = await context.newPage();
  const problems = recordProblems(page);
  const requests = [];
  page.on("request", (request) => requests.push(request.url()));
  await page.goto(server.url);
  await page.waitForFunction(() => {
    const element = document.querySelector("summit-explainer")?.shadowRoot?.querySelector("[data-se-enhanced]");
    const mounted = document.querySelector("#mounted [data-se-mount]")?.shadowRoot?.querySelector("[data-se-enhanced]");
    return element && mounted && document.documentElement.dataset.mounted;
  }, null, { timeout: 15000 }).catch((error) => {
    throw new Error(`${error.message}: not both explainers rendered; the page reported ${JSON.stringify(problems)}`);
  });

  const facts = await page.evaluate(() => {
    const describe = (shadow) => {
      const toggles = [...shadow.querySelectorAll("[data-se-toggle]")];
      return {
        sections: toggles.map((t) => t.dataset.seToggle),
        open: toggles.filter((t) => t.getAttribute("aria-expanded") === "true").map((t) => t.dataset.seToggle),
        headingTag: shadow.querySelector(".se-section-heading")?.tagName,
        claims: shadow.querySelectorAll(".se-claim").length,
      };
    };
    return {
      mounted: describe(document.querySelector("#mounted [data-se-mount]").shadowRoot),
      element: describe(document.querySelector("summit-explainer").shadowRoot),
      data: document.documentElement.dataset.mounted,
    };
  });
  assert.deepEqual(facts.mounted.sections, ["defense-integration", "missile-defense"]);
  assert.deepEqual(facts.mounted.open, ["missile-defense"]);
  assert.equal(facts.mounted.headingTag, "H3");
  assert.deepEqual(facts.element.sections, ["space"]);
  assert.deepEqual(facts.element.open, []);
  assert.ok(facts.mounted.claims > 0 && facts.element.claims > 0, "both show their claims");
  assert.equal(facts.data, "yes", "summitData() returns the sections");

  // Both are live: a click in the mount target reports its toggle; the element opens from its own method.
  await page.locator("#mounted [data-se-toggle='defense-integration']").click();
  await page.waitForFunction(() => document.getElementById("toggles").textContent !== "");
  const log = JSON.parse(await page.locator("#toggles").textContent());
  assert.deepEqual(log.toggles, [{ id: "defense-integration", open: true }]);
  assert.deepEqual(log.open, ["defense-integration", "missile-defense"]);
  const opened = await page.evaluate(() => {
    const element = document.querySelector("summit-explainer");
    element.openSection("space");
    return element.openSections;
  });
  assert.deepEqual(opened, ["space"]);
  await page.screenshot({ path: screenshotPath("vite-host"), fullPage: true });

  // Everything came from the bundle's server; the wasm once, from the bundle's assets (not dist/ nor a pkg/).
  const origin = new URL(server.url).origin;
  assert.deepEqual(requests.filter((url) => new URL(url).origin !== origin), [], "nothing from elsewhere");
  const wasm = requests.filter((url) => new URL(url).pathname.endsWith(".wasm"));
  assert.equal(wasm.length, 1, `one wasm request: ${wasm}`);
  assert.match(new URL(wasm[0]).pathname, /^\/assets\/[^/]+\.wasm$/);
  assert.ok(server.requested.includes(new URL(wasm[0]).pathname), "the test's server sent it");
  assert.deepEqual(server.requested.filter((path) => /\/(pkg|dist)\//.test(path)), []);
  assert.deepEqual(problems, [], "no console error or warning, no failed request, no CSP violation");
  await context.close();
});
