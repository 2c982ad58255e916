// Makes dist/preview.png, the link-preview image (Open Graph, Twitter card): the single-file build opened
// from file:// in headless Chromium at 1200×630, once the wasm has enhanced it, in the light scheme.
// Usage: node xtask/assets/preview.mjs <dist folder>
import { chromium } from "playwright-core";
import { pathToFileURL } from "node:url";
import { join } from "node:path";

const dist = process.argv[2];
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking"],
});
try {
  const page = await browser.newPage({ viewport: { width: 1200, height: 630 }, colorScheme: "light" });
  await page.goto(pathToFileURL(join(dist, "summit-explainer.html")).href);
  await page.waitForFunction(() => performance.getEntriesByName("summit-explainer:interactive").length > 0);
  await page.screenshot({ path: join(dist, "preview.png") });
} finally {
  await browser.close();
}
