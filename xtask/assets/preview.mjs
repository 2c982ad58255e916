// Makes the build's pictures of the page, each from the single-file build opened from file:// in headless
// Chromium once the wasm has enhanced it, in the light scheme:
// - dist/preview.png, the link-preview image (Open Graph, Twitter card), 1200×630;
// - dist/screenshot.png and dist/screenshot-phone.png, the first screen at 1280×800 and 390×844, which
//   `cargo xtask screenshots` copies into docs/ for the README (and `cargo xtask test` checks are current).
// Usage: node xtask/assets/preview.mjs <dist folder>
import { chromium } from "playwright-core";
import { pathToFileURL } from "node:url";
import { join } from "node:path";

const dist = process.argv[2];
const shots = [
  { file: "preview.png", viewport: { width: 1200, height: 630 } },
  { file: "screenshot.png", viewport: { width: 1280, height: 800 } },
  { file: "screenshot-phone.png", viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
];
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking"],
});
try {
  for (const { file, ...options } of shots) {
    const context = await browser.newContext({ ...options, colorScheme: "light", reducedMotion: "reduce" });
    const page = await context.newPage();
    await page.goto(pathToFileURL(join(dist, "summit-explainer.html")).href);
    await page.waitForFunction(() => performance.getEntriesByName("summit-explainer:interactive").length > 0);
    await page.screenshot({ path: join(dist, file), caret: "hide" });
    await context.close();
  }
} finally {
  await browser.close();
}
