// The single-file build, dist/summit-explainer.html, opened the way a reader opens a mailed file: from
// file://, offline, in headless Chromium (Firefox: firefox.test.mjs). Its own CSP (hashes for the inline
// code) is in force, so any violation is a problem, as is any request beyond the file itself.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, recordProblems, interactive, SINGLE_FILE, CLAIMS_FOR_SEARCH, searchMistakes, SPACE } from "./browser.mjs";

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** The file in an offline context, with every request and problem recorded. */
async function openFile(fragment = "", contextOptions = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, offline: true, ...contextOptions });
  const page = await context.newPage();
  const problems = recordProblems(page);
  const requests = [];
  page.on("request", (request) => requests.push(request.url()));
  await page.goto(SINGLE_FILE + fragment);
  if (contextOptions.javaScriptEnabled !== false) await interactive(page);
  return { page, context, problems, requests };
}

const expanded = (page, id) => page.getAttribute(`[data-se-toggle="${id}"]`, "aria-expanded");

test("from file://, offline, the single file loads nothing else and runs under its own strict policy", async () => {
  const { page, context, problems, requests } = await openFile("#space");
  const outside = requests.filter((url) => !url.startsWith(SINGLE_FILE.split("#")[0]) && !url.startsWith("data:"));
  assert.deepEqual(outside, [], "nothing is fetched");
  const policy = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', "content");
  assert.match(policy, /^default-src 'none'; script-src 'sha256-[A-Za-z0-9+/]+=*' 'wasm-unsafe-eval'; style-src 'sha256-/);
  assert.match(policy, /require-trusted-types-for 'script'/);
  assert.equal(await page.locator("link[rel=stylesheet], script[src]").count(), 0);
  assert.equal(await expanded(page, "space"), "true", "the fragment opened its section");
  assert.equal(await page.locator("h1").count(), 1);
  assert.deepEqual(problems, []);
  await context.close();
});

test("in the single file, sections, citations, back links, quotes and search all work", async () => {
  const { page, context, problems } = await openFile("", { reducedMotion: "reduce" });
  await page.locator('[data-se-toggle="space"]').click();
  assert.equal(await expanded(page, "space"), "true");
  const claim = page.locator(`[id="${SPACE.claim}"]`);
  const cite = claim.locator("a.se-cite").first();
  const quote = (await cite.getAttribute("href")).slice(1);
  await cite.click();
  assert.equal(await page.evaluate(() => document.activeElement.id), quote);
  assert.ok(await page.locator(`[id="${quote}"].se-current`).count(), "the quote is marked");
  await page.locator(`[id="${quote}"] + .se-backrefs a[href="#${SPACE.claim}"]`).click();
  assert.equal(await page.evaluate(() => document.activeElement.id), SPACE.claim);

  await claim.locator("[data-se-quotes]").click();
  assert.ok(await claim.locator(".se-cite-words").first().isVisible(), "its quotes, on demand");

  const search = page.getByRole("searchbox", { name: "Search the claims" });
  await search.pressSequentially("cherry");
  await page.waitForFunction(() => document.querySelector("[data-se-status]").textContent.endsWith("match"));
  const claims = await page.evaluate(CLAIMS_FOR_SEARCH);
  assert.ok(claims.filter((c) => c.shown).length >= 2);
  assert.deepEqual(searchMistakes(claims, "cherry"), [], "shown exactly when a searched field says “cherry”");
  await search.press("Escape");
  assert.deepEqual(problems, []);
  await context.close();
});

test("the single file remembers the theme and the open sections across a reload", async () => {
  const { page, context, problems } = await openFile("", { colorScheme: "light" });
  await page.getByRole("group", { name: "Theme" }).getByLabel("Dark").check();
  await page.getByRole("button", { name: "Show all sections" }).click();
  await page.reload();
  await interactive(page);
  assert.equal(await page.getAttribute("html", "data-se-theme"), "dark");
  const ids = await page.$$eval("[data-se-toggle]", (buttons) => buttons.map((b) => b.dataset.seToggle));
  for (const id of ids) assert.equal(await expanded(page, id), "true", id);
  assert.deepEqual(problems, []);
  await context.close();
});

test("with JavaScript off, the single file shows every section (its inline noscript style is allowed)", async () => {
  const { page, context, problems } = await openFile("", { javaScriptEnabled: false });
  const hidden = await page.$$eval(".se-claims", (lists) => lists.filter((l) => !l.checkVisibility()).length);
  assert.equal(hidden, 0, "every claim list is visible");
  assert.deepEqual(problems, []);
  await context.close();
});
