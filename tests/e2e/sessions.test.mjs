// A long session in the built site (release wasm, strict CSP), in headless Chromium: 600 mount/unmount
// cycles through the public API and 1000 toggles on the page. It reports the wasm linear memory, which must
// stop growing, and the live instance and listener counts, which must come back. (The same checks run on the
// debug build in Chromium and Firefox in tests/sessions.rs.)
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, openPage } from "./browser.mjs";

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test("600 mount/unmount cycles leave nothing behind, and the wasm memory stops growing", async (t) => {
  const { page, context, problems } = await openPage(browser);
  const figures = await page.evaluate(async () => {
    const glue = await import("./pkg/summit_explainer.js");
    const wasm = await glue.default(); // The embeds' module, beside the page's own.
    const memory = () => wasm.memory.buffer.byteLength;
    const target = document.createElement("div");
    document.body.append(target);
    const start = { memory: memory(), instances: glue.liveInstances(), listeners: glue.liveListeners() };
    const at = {};
    for (let cycle = 1; cycle <= 600; cycle++) {
      const handle = glue.mount(target, { open: "all" });
      handle.closeSection("space");
      handle.unmount();
      // The handle's few bytes in the wasm go when the garbage collector finalizes it, which it cannot
      // do inside this synchronous loop (a dropped handle grew the memory by about 65 bytes a cycle, until
      // collected): freed here, so what is measured is what unmount() leaves.
      handle.free();
      if (cycle === 1 || cycle === 300 || cycle === 600) at[cycle] = memory();
    }
    return { start, at, nodes: target.childNodes.length, instances: glue.liveInstances(), listeners: glue.liveListeners() };
  });
  t.diagnostic(`wasm memory: ${figures.start.memory} bytes at the start, ${figures.at[1]} after 1 cycle, ${figures.at[300]} after 300, ${figures.at[600]} after 600`);
  assert.equal(figures.nodes, 0);
  assert.equal(figures.instances, figures.start.instances);
  assert.equal(figures.listeners, figures.start.listeners, "every listener is removed on unmount");
  // The allocator may take a page more while its free lists settle (it did by cycle 300, then no more up
  // to 1200): a leak would grow it on every cycle.
  assert.equal(figures.at[600], figures.at[300], "the memory stopped growing");
  assert.deepEqual(problems, []);
  await context.close();
});

test("1000 toggles on the page leave every header and panel in agreement", async () => {
  const { page, context, problems } = await openPage(browser);
  const result = await page.evaluate(() => {
    const toggles = [...document.querySelectorAll("[data-se-toggle]")];
    const expected = toggles.map(() => false);
    let seed = 7;
    for (let step = 0; step < 1000; step++) {
      seed = (seed * 1664525 + 1013904223) >>> 0;
      const i = (seed >>> 8) % toggles.length;
      toggles[i].click();
      expected[i] = !expected[i];
    }
    const actual = toggles.map((t) => {
      const panel = document.getElementById(t.getAttribute("aria-controls"));
      const expanded = t.getAttribute("aria-expanded") === "true";
      return expanded === !panel.hasAttribute("hidden") ? expanded : "inconsistent";
    });
    return { expected, actual };
  });
  assert.deepEqual(result.actual, result.expected);
  assert.deepEqual(problems, []);
  await context.close();
});
