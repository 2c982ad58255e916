// A second explainer is a second content folder: `cargo xtask test` builds the engine's fixture explainer
// (tests/fixtures/explainer) with `cargo xtask dist --content`, serves it, and this smoke test reads it as a
// reader would: the page opens with its own title and sections, a section toggles, a quote link lands on its words.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, openPage } from "../e2e/browser.mjs";

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test("the fixture explainer builds into a working page of its own", async () => {
  const { page, context, problems } = await openPage(browser, "", { reducedMotion: "reduce" });
  assert.match(await page.title(), /^The fixture explainer: /);
  assert.match(await page.locator("h1").innerText(), /^The fixture explainer: /);
  const sections = await page.$$eval("[data-se-toggle]", (buttons) => buttons.map((b) => b.dataset.seToggle));
  assert.deepEqual(sections, ["talks", "rivers"]);

  const toggle = page.locator('[data-se-toggle="rivers"]');
  assert.equal(await toggle.getAttribute("aria-expanded"), "false");
  await toggle.click();
  assert.equal(await toggle.getAttribute("aria-expanded"), "true");

  const cite = page.locator('[id="rivers/bridges"] a.se-cite').first();
  const quote = (await cite.getAttribute("href")).slice(1);
  const words = await page.locator('[id="rivers/bridges"] .se-cite-words').first().textContent();
  await cite.click();
  const mark = await page.evaluate((id) => {
    const mark = document.getElementById(id);
    return { text: mark.textContent, current: mark.classList.contains("se-current"), focused: document.activeElement === mark };
  }, quote);
  assert.deepEqual(mark, { text: "Engineers will build 3 new bridges.", current: true, focused: true });
  assert.equal(words, `“${mark.text}”`);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a lead stands once above its run of claims, and goes while a search hides every claim of the run", async () => {
  const { page, context, problems } = await openPage(browser, "", { reducedMotion: "reduce" });
  await page.locator('[data-se-toggle="talks"]').click();
  const lead = page.locator("#talks--panel .se-lead-group");
  assert.equal(await lead.locator(".se-lead").innerText(), "The leaders met.");
  const led = await lead.locator(".se-claim").evaluateAll((claims) => claims.map((c) => c.id));
  assert.deepEqual(led, ["talks/agree", "talks/ran-late"]);
  assert.ok(await lead.isVisible());

  const search = page.locator("[data-se-search]");
  await search.fill("spring");
  await page.locator('[id="talks/agree"][hidden]').waitFor({ state: "attached" });
  assert.equal(await page.locator('[id="talks/meet-again"]').isVisible(), true, "the claim that matches is shown");
  assert.equal(await lead.isVisible(), false, "no claim of the run matches: the lead goes with them");

  await search.fill("night");
  await page.locator('[id="talks/ran-late"]:not([hidden])').waitFor();
  assert.ok(await lead.isVisible(), "one claim of the run matches: the lead is above it");
  assert.equal(await page.locator('[id="talks/agree"]').isVisible(), false);
  assert.deepEqual(problems, []);
  await context.close();
});
