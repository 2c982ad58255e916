// Hostile input from the URL and from other windows: fragments and query strings built to inject markup,
// break decoding, exhaust memory, pollute prototypes or traverse paths, on the page, on an embed with deep
// links and on the iframe. Nothing may run, nothing may change, and the explainer must go on working.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, afterMessages, recordProblems, interactive, BASE_URL } from "./browser.mjs";

const HOSTILE = [
  '<img src=x onerror="window.__pwned=1">',
  "%3Cimg%20src%3Dx%20onerror%3D%22window.__pwned%3D1%22%3E",
  "%",
  "%E0%A4%A",
  "%ff%fe%00",
  "a".repeat(100_000),
  "__proto__",
  "__proto__/polluted",
  "constructor/prototype",
  "../../../etc/passwd",
  "..%2F..%2Fetc%2Fpasswd",
  "space/../space",
  "javascript:window.__pwned=1",
  "q-",
  "space/",
  "\u0000space",
];

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** A page of the site at `path`, with every problem, dialog and request recorded. */
async function open(path) {
  const context = await browser.newContext({ viewport: { width: 1100, height: 800 } });
  const page = await context.newPage();
  const problems = recordProblems(page);
  page.on("dialog", (dialog) => problems.push(`dialog: ${dialog.message()}`));
  page.on("request", (request) => {
    if (!request.url().startsWith(new URL(BASE_URL).origin) && !request.url().startsWith("data:")) problems.push(`request: ${request.url()}`);
  });
  await page.goto(new URL(path, BASE_URL).href);
  return { page, context, problems };
}

/** Nothing ran and nothing was polluted. */
async function nothingRan(page) {
  return page.evaluate(() => ({
    pwned: window.__pwned ?? null,
    polluted: {}.polluted ?? null,
    prototype: Object.getOwnPropertyNames(Object.prototype).length,
  }));
}

/**
 * Sets the page's fragment and waits until the explainer has handled the hashchange: a listener added now runs
 * after the explainer's, and then a task later, so what the test reads next is what the explainer made of it.
 */
const provokeHashchange = (page, fragment) =>
  page.evaluate(
    (fragment) =>
      new Promise((resolve, reject) => {
        const late = setTimeout(() => reject(new Error(`no hashchange for ${fragment.slice(0, 40)}`)), 5000);
        addEventListener("hashchange", () => setTimeout(() => resolve(clearTimeout(late))), { once: true });
        location.hash = fragment;
      }),
    fragment,
  );

const openSections = (scope) =>
  scope.$$eval("[data-se-toggle]", (buttons) => buttons.filter((b) => b.getAttribute("aria-expanded") === "true").map((b) => b.dataset.seToggle));

test("hostile fragments on load and on hashchange leave the page closed, working, and running nothing", async () => {
  const clean = await open("");
  await interactive(clean.page);
  const baseline = await nothingRan(clean.page);
  await clean.context.close();
  for (const fragment of HOSTILE) {
    const { page, context, problems } = await open(`#${fragment}`);
    await interactive(page);
    assert.deepEqual(await openSections(page), [], `on load: ${fragment.slice(0, 40)}`);
    assert.deepEqual(await nothingRan(page), baseline, fragment.slice(0, 40));
    await context.close();
    assert.deepEqual(problems, [], fragment.slice(0, 40));
  }
  const { page, context, problems } = await open("");
  await interactive(page);
  for (const fragment of HOSTILE) {
    await provokeHashchange(page, fragment);
    assert.deepEqual(await openSections(page), [], `on hashchange: ${fragment.slice(0, 40)}`);
  }
  await page.evaluate(() => (location.hash = "space"));
  await page.waitForFunction(() => document.querySelector('[data-se-toggle="space"]').getAttribute("aria-expanded") === "true");
  assert.deepEqual(await nothingRan(page), baseline);
  assert.deepEqual(problems, []);
  await context.close();
});

test("an embed with deep links ignores hostile fragments under its own prefix", async () => {
  const { page, context, problems } = await open("embed-demo.html");
  const element = page.locator("summit-explainer");
  await page.waitForFunction(() => document.querySelector("summit-explainer")?.shadowRoot?.querySelector("[data-se-enhanced]"));
  const before = await element.evaluate((e) => e.openSections);
  for (const fragment of HOSTILE) {
    await provokeHashchange(page, `summit-${fragment}`);
    assert.deepEqual(await element.evaluate((e) => e.openSections), before, fragment.slice(0, 40));
  }
  await page.evaluate(() => (location.hash = "summit-economic-friction"));
  await page.waitForFunction(() => document.querySelector("summit-explainer").openSections.includes("economic-friction"));
  assert.equal((await nothingRan(page)).pwned, null);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a hostile iframe query shows the message in the frame's own box, and stray messages change nothing", async () => {
  for (const query of ['sections=<img src=x onerror="window.__pwned=1">', "__proto__=1", "open=%", `sections=${"a".repeat(6000)}`]) {
    const { page, context, problems } = await open(`frame.html?${query}`);
    const alert = page.getByRole("alert");
    await alert.waitFor();
    assert.match(await alert.textContent(), /^The explainer could not be shown\./);
    assert.ok((await alert.textContent()).length < 600, "the message is short, however long the input");
    assert.equal(await page.locator("img").count(), 0);
    assert.equal((await nothingRan(page)).pwned, null);
    // The frame's own console error names the problem; nothing else is wrong.
    assert.ok(problems.every((p) => /^console error: (Error: )?summit-explainer: frame.html: /.test(p)), problems.join("\n").slice(0, 2000));
    await context.close();
  }

  const { page, context, problems } = await open("frame.html?sections=space&open=space");
  await interactive(page);
  const height = () => page.evaluate(() => document.documentElement.scrollHeight);
  const before = { open: await openSections(page), height: await height() };
  await page.evaluate(() => {
    for (const data of [{ type: "summit-explainer:resize", height: 1e9 }, "open space", { open: ["all"] }, null]) postMessage(data, "*");
  });
  await afterMessages(page);
  assert.deepEqual({ open: await openSections(page), height: await height() }, before);
  assert.deepEqual(problems, []);
  await context.close();
});
