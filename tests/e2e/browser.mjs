// Shared set-up for the end-to-end tests: Debian's Chromium driven by playwright-core, a page whose console
// errors, page errors and failed or 4xx/5xx requests are collected, and the explainer's own readiness signal.
import { chromium } from "playwright-core";
import { readFileSync, mkdirSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { resolve } from "node:path";
import { createRequire } from "node:module";

export const BASE_URL = process.env.BASE_URL ?? "http://127.0.0.1:8000/";
/** The single-file build, as a reader double-clicking it opens it. */
export const SINGLE_FILE = pathToFileURL(resolve(process.env.DIST_DIR ?? "dist", "summit-explainer.html")).href;
export const SCREENSHOT_DIR = process.env.SCREENSHOT_DIR ?? "target/screenshots";
mkdirSync(SCREENSHOT_DIR, { recursive: true });

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

// As root, without a sandbox; without background networking, since this machine's network is closed.
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

export async function launch() {
  return chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: CHROMIUM_ARGS });
}

/** A new page in its own context, recording every problem a reader's console would show. */
export async function openPage(browser, path = "", contextOptions = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...contextOptions });
  const page = await context.newPage();
  const problems = recordProblems(page);
  await page.goto(new URL(path, BASE_URL).href);
  if (contextOptions.javaScriptEnabled !== false) await interactive(page);
  return { page, context, problems };
}

/**
 * Reports every Content Security Policy violation, in every frame, as a console error (and so as a problem):
 * the site is served under the strict policy, and host pages set one too.
 */
export const REPORT_CSP_VIOLATIONS = () => {
  document.addEventListener(
    "securitypolicyviolation",
    (e) => console.error(`CSP violation: ${e.effectiveDirective} blocked ${e.blockedURI || "inline"} in ${e.sourceFile}:${e.lineNumber} ${e.sample}`),
    true,
  );
};

/** Collects what a reader's console would show: errors, warnings, failed and 4xx/5xx requests, CSP violations. */
export function recordProblems(page) {
  const problems = [];
  page.addInitScript(REPORT_CSP_VIOLATIONS);
  page.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warning") problems.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("requestfailed", (request) => problems.push(`request failed: ${request.url()} ${request.failure()?.errorText}`));
  page.on("response", (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return problems;
}

/**
 * Each claim on the page, for checking a search against the content whatever it says: its id, whether it is
 * shown, and the text the search looks in (statement, attribution, note and quotes), lowercased. For
 * `page.evaluate`, in Playwright and Puppeteer alike.
 */
export const CLAIMS_FOR_SEARCH = () =>
  [...document.querySelectorAll(".se-claim")].map((claim) => ({
    id: claim.id,
    shown: !claim.hidden,
    // What the reader sees of the claim, and the title and summary of its section.
    text: [
      ...claim.querySelectorAll(".se-claim-text, .se-attribution, .se-claim-note-text, .se-cite-words"),
      ...(claim.closest(".se-section")?.querySelectorAll(".se-toggle-title, .se-section-summary") ?? []),
    ]
      .map((element) => element.textContent)
      .join(" ")
      .toLowerCase(),
  }));

/** The ids of the claims that a search for one lowercase `word` shows wrongly (or hides wrongly): none, if it works. */
export const searchMistakes = (claims, word) => claims.filter((c) => c.shown !== c.text.includes(word)).map((c) => c.id);

/**
 * Waits until the page has handled every message posted to it so far, and drawn a frame after: messages
 * from one window arrive in the order they were posted, so when a message posted now arrives, the ones
 * before it have been dispatched to every listener.
 */
export async function afterMessages(page) {
  await page.evaluate(
    () =>
      new Promise((resolve) => {
        const marker = `summit-test-flush-${Math.random()}`;
        addEventListener("message", function flushed(event) {
          if (event.data !== marker) return;
          removeEventListener("message", flushed);
          requestAnimationFrame(() => requestAnimationFrame(() => resolve()));
        });
        postMessage(marker, "*");
      }),
  );
}

/** Waits for the mark the page sets once the wasm has enhanced it. */
export async function interactive(page) {
  await page.waitForFunction(() => performance.getEntriesByName("summit-explainer:interactive").length > 0, null, {
    timeout: 15000,
  });
}

/** Runs axe-core on the page (or only inside `selector`, shadow roots included) and returns its violations. */
export async function axeViolations(page, selector) {
  await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate(
    (selector) => globalThis.axe.run(selector ? { include: [[selector]] } : document, { resultTypes: ["violations"] }),
    selector,
  );
  return results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).slice(0, 5).join(", ")}`);
}

/** The article's paragraphs, from the project's own copy. */
export function articleParagraphs() {
  const text = readFileSync(new URL("../../content/summit/article.txt", import.meta.url), "utf8");
  return text.split(/\n(?:[ \t]*\n)+/).map((p) => p.replace(/\n+$/, "")).filter((p) => p.trim() !== "");
}

export function screenshotPath(name) {
  return `${SCREENSHOT_DIR}/${name}.png`;
}

/**
 * A claim of the `space` section (a public section id) and the quote its first citation links to, read from
 * the built page: the tests name no claim or quote id, which editors may rename at will.
 */
export const SPACE = (() => {
  const html = readFileSync(resolve(process.env.DIST_DIR ?? "dist", "index.html"), "utf8");
  const claim = html.match(/<li class="se-claim[^"]*"[^>]* id="(space\/[^"]+)"/)?.[1];
  if (!claim) throw new Error("dist/index.html has no claim in the space section");
  const item = html.slice(html.indexOf(`id="${claim}"`));
  const quote = item.match(/<a href="#(q-[^"]+)" class="se-cite"/)?.[1];
  if (!quote) throw new Error(`claim ${claim} in dist/index.html has no citation`);
  return { claim, quote };
})();
