// The README's three embedding snippets on a host page of another origin, in headless Firefox (Debian's
// firefox-esr driven by puppeteer-core over WebDriver BiDi; Playwright cannot drive it).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import puppeteer from "puppeteer-core";
import { BASE_URL } from "./browser.mjs";
import { serveHost } from "./host.mjs";

let browser;
let host;
before(async () => {
  host = await serveHost(BASE_URL);
  browser = await puppeteer.launch({
    browser: "firefox",
    executablePath: process.env.FIREFOX ?? "/usr/bin/firefox-esr",
    headless: true,
    // The machine has no network: keep Firefox from phoning home.
    extraPrefsFirefox: { "network.captive-portal-service.enabled": false, "app.update.enabled": false },
  });
});
after(async () => {
  await browser?.close();
  await host?.close();
});

test("in Firefox, the element, mount() and the iframe from the README all work on another origin", async () => {
  const page = await browser.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
  await page.evaluateOnNewDocument(() => {
    globalThis.heightMessages = [];
    addEventListener("message", (event) => globalThis.heightMessages.push(event.data));
  });
  await page.goto(host.url);
  await page.waitForFunction(
    () =>
      document.querySelector("summit-explainer")?.shadowRoot?.querySelector("[data-se-enhanced]") &&
      document.querySelector("[data-se-mount]")?.shadowRoot?.querySelector("[data-se-enhanced]") &&
      globalThis.heightMessages.some((m) => m?.type === "summit-explainer:resize"),
    { timeout: 20000 },
  );
  const facts = await page.evaluate(() => {
    const shadowOf = (selector) => document.querySelector(selector).shadowRoot;
    const ids = (shadow) => [...shadow.querySelectorAll("[data-se-toggle]")].map((t) => t.dataset.seToggle);
    const element = shadowOf("summit-explainer");
    return {
      element: ids(element),
      open: [...element.querySelectorAll('[aria-expanded="true"]')].map((t) => t.dataset.seToggle),
      mounted: ids(shadowOf("[data-se-mount]")),
      display: getComputedStyle(element.querySelector(".se-sections")).display,
      font: getComputedStyle(element.querySelector(".se-toggle")).fontFamily,
      frameHeight: Number(document.querySelector("iframe").height),
    };
  });
  assert.deepEqual(facts.element, ["space", "economic-friction"]);
  assert.deepEqual(facts.open, ["space"]);
  assert.deepEqual(facts.mounted, ["defense-integration", "missile-defense"]);
  assert.equal(facts.display, "block");
  assert.doesNotMatch(facts.font, /Comic Sans/);
  assert.ok(facts.frameHeight > 600, `the iframe was sized by its message (${facts.frameHeight})`);

  // A click inside the shadow root toggles, and the host hears it from the element.
  const detail = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const element = document.querySelector("summit-explainer");
        element.addEventListener("section-toggle", (event) => resolve(event.detail), { once: true });
        element.shadowRoot.querySelector('[data-se-toggle="economic-friction"]').click();
      }),
  );
  assert.deepEqual(detail, { id: "economic-friction", open: true });
  assert.deepEqual(errors, []);
  await page.close();
});
