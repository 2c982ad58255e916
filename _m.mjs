import { chromium } from "playwright-core";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium" });
for (const [name, vp, mobile] of [["desk", {width:1280,height:800}, false], ["phone", {width:390,height:844}, true]]) {
const ctx = await browser.newContext({ viewport: vp, isMobile: mobile, hasTouch: mobile });
const page = await ctx.newPage();
await page.goto("http://127.0.0.1:8000/");
await page.waitForTimeout(400);
const r = await page.evaluate(() => Object.fromEntries([".se-header", ".se-overview", ".se-overview .se-claim", ".se-toolbar", "[data-se-toggle]", ".se-section"].map(s => { const e = document.querySelector(s); const b = e?.getBoundingClientRect(); return [s, b && [Math.round(b.top), Math.round(b.bottom), Math.round(b.height)]]; })));
console.log(name, JSON.stringify(r));
await ctx.close();
}
await browser.close();
