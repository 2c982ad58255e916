// `cargo xtask bench`'s browser half: loads each scenario in headless Chromium, interleaved over ROUNDS
// rounds, each in a fresh context (empty cache), and prints JSON on stdout:
// - every request the scenario makes (from the browser's log, frames included), with its dependency depth
//   (what requested it, through the DevTools initiator), so the critical-path length is the deepest chain;
// - navigation → interactive (the "summit-explainer:interactive" mark, in the top page's timeline even when it
//   is set inside the iframe), first contentful paint, and the synchronous time of a section toggle (the
//   median of five batches of 50 clicks, since the page's clock is coarse);
// - once, the page on a phone: the average height of an open claim and the tallest open section.
// Usage: node bench.mjs <base URL> <rounds>
import { chromium } from "playwright-core";

const [base, roundsArg] = process.argv.slice(2);
const ROUNDS = Number(roundsArg ?? 15);
const SCENARIOS = {
  baseline: "baseline.html",
  page: "index.html",
  element: "element.html",
  iframe: "iframe.html",
};
const MARK = "summit-explainer:interactive";

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-quic"],
});

/** In the page: the window and root holding the explainer (the page, the element's shadow root, the frame). */
function where() {
  const frame = document.querySelector("iframe");
  const win = frame ? frame.contentWindow : window;
  const element = document.querySelector("summit-explainer");
  const root = element ? element.shadowRoot : frame ? frame.contentDocument : document;
  return { win, root };
}

/** `fn(where(), arg)` evaluated in the page, as an expression (no eval in the page: its CSP forbids it). */
const inPage = (fn, arg) => `(${fn})((${where})(), ${JSON.stringify(arg)})`;

/**
 * Evaluates `expression` until it is true (20 s at most). Polled from here rather than with waitForFunction,
 * whose in-page polling evaluates strings, which the pages' strict CSP forbids.
 */
async function poll(page, expression) {
  for (let i = 0; i < 1000; i++) {
    if (await page.evaluate(expression)) return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return false;
}

/** Loads `url` and waits for the explainer's interactive mark; `problems` are the page's errors so far. */
async function openInteractive(page, url, name, problems = []) {
  await page.goto(url);
  if (!(await poll(page, inPage(({ win }, mark) => win.performance?.getEntriesByName(mark).length > 0, MARK)))) {
    throw new Error(`${name} never became interactive\n${problems.join("\n")}`);
  }
}

async function run(name) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  const requests = new Map(); // url → initiator url
  cdp.on("Network.requestWillBeSent", ({ request, initiator, type }) => {
    if (request.url.startsWith("data:")) return;
    const from = initiator.url ?? initiator.stack?.callFrames?.[0]?.url ?? initiator.stack?.parent?.callFrames?.[0]?.url ?? null;
    if (!requests.has(request.url)) requests.set(request.url, { from, type });
  });
  const url = new URL(SCENARIOS[name], base).href;
  const problems = [];
  page.on("console", (message) => message.type() === "error" && problems.push(message.text()));
  page.on("pageerror", (error) => problems.push(error.message));
  await openInteractive(page, url, name, problems);
  const interactive = await page.evaluate(
    inPage(({ win }, mark) => win.performance.timeOrigin + win.performance.getEntriesByName(mark)[0].startTime - performance.timeOrigin, MARK),
  );
  await poll(page, `performance.getEntriesByType("paint").some((e) => e.name === "first-contentful-paint")`);
  const fcp = await page.evaluate(() => performance.getEntriesByType("paint").find((e) => e.name === "first-contentful-paint").startTime);
  const toggle = await page.evaluate(
    inPage(({ win, root }) => {
      // The clock is coarse (0.1 ms without cross-origin isolation): time batches of 100 clicks, after 100
      // untimed ones (the engines compile hot code again, optimized, after its first runs: what is compared is
      // the toggle a reader gets once the page has settled, the baseline's JavaScript included).
      const button = root.querySelector('[data-se-toggle="space"]');
      for (let i = 0; i < 100; i++) button.click();
      const batches = [];
      for (let batch = 0; batch < 9; batch++) {
        const start = win.performance.now();
        for (let i = 0; i < 100; i++) button.click();
        batches.push((win.performance.now() - start) / 100);
      }
      batches.sort((a, b) => a - b);
      return batches[4];
    }, null),
  );
  await context.close();
  // Depth of each request: the document is 1, anything else one more than what requested it.
  const depth = (url, seen = new Set()) => {
    const entry = requests.get(url);
    if (!entry || !entry.from || seen.has(url) || !requests.has(entry.from)) return 1;
    seen.add(url);
    return 1 + depth(entry.from, seen);
  };
  const files = [...requests.keys()].map((url) => ({ url, depth: depth(url) }));
  return { interactive, fcp, toggle, files };
}

const results = Object.fromEntries(Object.keys(SCENARIOS).map((name) => [name, []]));
for (let round = 0; round < ROUNDS; round++) {
  // Interleaved, and in a rotating order, so drift in the machine's speed hits every scenario alike.
  const names = Object.keys(SCENARIOS);
  for (let i = 0; i < names.length; i++) {
    const name = names[(i + round) % names.length];
    results[name].push(await run(name));
  }
}
const phone = await readOnAPhone();
await browser.close();

/**
 * The page on a phone (390×844), every section open and every claim's quotes closed, as a reader scrolls it:
 * the height of each claim in a section (its statement, note, links) and of each section's panel.
 */
async function readOnAPhone() {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true });
  const page = await context.newPage();
  await openInteractive(page, new URL(SCENARIOS.page, base).href, "the page on a phone");
  const measured = await page.evaluate(() => {
    for (const toggle of document.querySelectorAll('[data-se-toggle][aria-expanded="false"]')) toggle.click();
    const claims = [...document.querySelectorAll(".se-section .se-claim")].map((claim) => claim.getBoundingClientRect().height);
    const sections = [...document.querySelectorAll(".se-section")].map((section) => ({
      id: section.querySelector("[data-se-toggle]").dataset.seToggle,
      height: section.getBoundingClientRect().height,
    }));
    return { claims, sections, screen: innerHeight };
  });
  await context.close();
  const tallest = measured.sections.reduce((a, b) => (b.height > a.height ? b : a));
  return {
    claims: measured.claims.length,
    claim: measured.claims.reduce((a, b) => a + b, 0) / measured.claims.length,
    tallest: tallest.id,
    tallest_height: tallest.height,
    screen: measured.screen,
  };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const summary = {};
for (const [name, runs] of Object.entries(results)) {
  summary[name] = {
    rounds: runs.length,
    interactive: median(runs.map((r) => r.interactive)),
    fcp: median(runs.map((r) => r.fcp)),
    toggle: median(runs.map((r) => r.toggle)),
    files: runs[0].files,
  };
}
summary.phone = phone;
console.log(JSON.stringify(summary));
