// The element in framework apps, end to end: a scratch project (target/e2e-frameworks/, made from
// ./frameworks/) with the package tarball installed, and React 19 (StrictMode), Vue 3, Svelte 5 and Lit from
// the root's node_modules (pinned by package-lock.json), built with `vite build` and served under the site's
// strict CSP. Each app renders <summit-explainer sections="space, alliance" open=… heading-level="2"> as its
// framework's users write it, with a handler for section-toggle, behind a condition the test flips.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { launch, recordProblems, screenshotPath } from "../e2e/browser.mjs";
import { scratchProject, serve, strictPolicy, vite } from "./project.mjs";

const FRAMEWORKS = ["react", "vue", "svelte", "lit"];
const FILES = ["index.html", "main.js", "react.jsx", "vue.js", "Explainer.vue", "App.svelte", "svelte.js", "lit.js", "vite.config.js"];

let browser;
let server;
let page;
let problems;
before(async () => {
  const scratch = scratchProject("e2e-frameworks", "frameworks", FILES);
  const output = scratch.run("vite build", process.execPath, [vite, "build", "--logLevel", "info"]);
  assert.doesNotMatch(output, /warn|didn't resolve|doesn't exist|\(!\)/i, output);
  server = await serve(join(scratch.project, "dist"), strictPolicy());
  browser = await launch();
  page = await (await browser.newContext({ viewport: { width: 1100, height: 900 } })).newPage();
  problems = recordProblems(page);
  await page.goto(server.url);
  await page.waitForFunction(() => document.documentElement.dataset.apps === "ready", null, { timeout: 15000 }).catch((error) => {
    throw new Error(`${error.message}: the apps did not start; the page reported ${JSON.stringify(problems)}`);
  });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** What `framework`'s element shows, once it has rendered. */
async function shown(framework) {
  await page.waitForFunction(
    (framework) => document.querySelector(`#${framework} summit-explainer`)?.shadowRoot?.querySelector("[data-se-enhanced]"),
    framework,
  );
  return page.evaluate((framework) => {
    const elements = document.querySelectorAll(`#${framework} summit-explainer`);
    const shadow = elements[0].shadowRoot;
    const toggles = [...shadow.querySelectorAll("[data-se-toggle]")];
    return {
      elements: elements.length,
      roots: shadow.querySelectorAll("[data-se-root]").length,
      sections: toggles.map((t) => t.dataset.seToggle),
      open: toggles.filter((t) => t.getAttribute("aria-expanded") === "true").map((t) => t.dataset.seToggle),
      openSections: elements[0].openSections,
      methods: typeof elements[0].openSection,
      heading: shadow.querySelector(".se-section-heading")?.tagName,
    };
  }, framework);
}

const call = (framework, method, ...args) =>
  page.evaluate(({ framework, method, args }) => globalThis.frameworks[framework][method](...args), { framework, method, args });

test("in React 19, Vue 3, Svelte 5 and Lit, the element opens what its open says, follows a changed prop, and tells the app's handler", async () => {
  for (const framework of FRAMEWORKS) {
    const first = await shown(framework);
    assert.deepEqual(first, { elements: 1, roots: 1, sections: ["space", "alliance"], open: ["space"], openSections: ["space"], methods: "function", heading: "H2" }, framework);
    await call(framework, "setOpen", "alliance");
    await page.waitForFunction((framework) => document.querySelector(`#${framework} summit-explainer`).openSections.join() === "alliance", framework);
    assert.deepEqual((await shown(framework)).open, ["alliance"], `${framework}: the changed prop`);
    await page.locator(`#${framework} summit-explainer`).locator('[data-se-toggle="space"]').click();
    await page.waitForFunction((framework) => globalThis.frameworks[framework].events.length > 0, framework);
    assert.deepEqual(await page.evaluate((framework) => globalThis.frameworks[framework].events, framework), [{ id: "space", open: true }], framework);
  }
  await page.screenshot({ path: screenshotPath("framework-apps"), fullPage: true });
  assert.deepEqual(problems, [], "no console error or warning, no failed request, no CSP violation");
});

test("removed and added again 50 times by each app's condition, the element renders once each time and leaves nothing behind", async () => {
  // The four elements and the explainer React's StrictMode mounts twice and unmounts once in its effect.
  const live = () => page.evaluate(() => globalThis.liveInstances());
  assert.equal(await live(), FRAMEWORKS.length + 1);
  assert.equal(await page.locator("#react .mounted [data-se-mount]").count(), 1, "mount() under StrictMode left one explainer");
  for (const framework of FRAMEWORKS) {
    for (let cycle = 0; cycle < 50; cycle++) {
      await call(framework, "hide");
      await call(framework, "show");
    }
    const after = await shown(framework);
    assert.equal(after.elements, 1, framework);
    assert.equal(after.roots, 1, `${framework}: one explainer in the element`);
    assert.deepEqual(after.openSections, ["alliance"], `${framework}: added again, it opens what the app's prop says now`);
    assert.equal(await live(), FRAMEWORKS.length + 1, `${framework}: nothing left behind`);
  }
  await call("vue", "hide");
  assert.equal(await live(), FRAMEWORKS.length, "a removed element unmounts");
  assert.deepEqual(problems, [], "no console error or warning, no failed request, no CSP violation");
});
