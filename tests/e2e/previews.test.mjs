// What search engines and link previews read from the served page: the JSON-LD, the preview tags and
// image, and the document outline.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, openPage, articleParagraphs, BASE_URL } from "./browser.mjs";

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test("the JSON-LD describes the source and quotes it verbatim", async () => {
  const { page, context, problems } = await openPage(browser);
  const blocks = await page.$$eval('script[type="application/ld+json"]', (scripts) => scripts.map((s) => s.textContent));
  assert.equal(blocks.length, 1);
  const graph = JSON.parse(blocks[0])["@graph"];
  const byType = (type) => graph.filter((item) => item["@type"] === type);
  const [explainer] = byType("Article");
  assert.equal(explainer.headline, await page.title());
  const [source] = byType("NewsArticle");
  assert.deepEqual(
    { publisher: source.publisher.name, contributors: source.contributor.map((c) => c.name) },
    { publisher: "CNN", contributors: ["Kevin Liptak", "Samantha Waldenberg"] },
  );
  assert.equal(source.datePublished, undefined, "the date line does not say it is the date of publication");
  const article = articleParagraphs().join("\n");
  assert.deepEqual(byType("Quotation"), [], "the quotations are the explainer's parts, not beside it");
  const quotations = explainer.hasPart;
  assert.ok(quotations.every((part) => part["@type"] === "Quotation"));
  assert.ok(quotations.length >= 40, `${quotations.length} quotations`);
  for (const quotation of quotations) {
    assert.ok(article.includes(quotation.text), `verbatim: ${quotation.text}`);
    assert.equal(quotation.isBasedOn["@id"], source["@id"]);
    // Its id is the quote's place in the page.
    assert.equal(await page.locator(`[id="${quotation["@id"].slice(1)}"]`).textContent(), quotation.text);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test("the preview tags repeat the page's title and description, and the image is 1200×630", async () => {
  const { page, context, problems } = await openPage(browser);
  const meta = await page.$$eval("meta[property], meta[name]", (tags) =>
    Object.fromEntries(tags.map((t) => [t.getAttribute("property") ?? t.getAttribute("name"), t.content])),
  );
  assert.equal(meta["og:title"], await page.title());
  assert.equal(meta["twitter:title"], await page.title());
  assert.equal(meta["og:description"], meta.description);
  assert.equal(meta["twitter:card"], "summary_large_image");
  const image = await fetch(new URL(meta["og:image"], BASE_URL));
  assert.equal(image.headers.get("content-type"), "image/png");
  const png = Buffer.from(await image.arrayBuffer());
  // The IHDR chunk: width and height, big-endian, at bytes 16 and 20.
  assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [1200, 630]);
  assert.deepEqual([meta["og:image:width"], meta["og:image:height"]], ["1200", "630"]);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the headings form a clean outline: one h1, and no level skipped", async () => {
  const { page, context } = await openPage(browser);
  await page.getByRole("button", { name: "Show all sections" }).click();
  const levels = await page.$$eval("h1, h2, h3, h4, h5, h6", (headings) => headings.map((h) => Number(h.tagName[1])));
  assert.equal(levels.filter((level) => level === 1).length, 1);
  assert.equal(levels[0], 1);
  for (let i = 1; i < levels.length; i++) assert.ok(levels[i] <= levels[i - 1] + 1, `h${levels[i - 1]} then h${levels[i]}`);
  await context.close();
});

test("the server sends the build's brotli and gzip files to clients that accept them", async () => {
  const assets = await (await fetch(new URL("assets.json", BASE_URL))).json();
  const hashed = ["style.css", "page/explainer.js", "page/explainer_bg.wasm", "pkg/summit_explainer.js", "pkg/summit_explainer_bg.wasm"].map((name) => assets[name]);
  for (const path of ["index.html", "embed.js", "pkg/summit_explainer.js", "pkg/summit_explainer_bg.wasm", ...hashed]) {
    for (const encoding of ["br", "gzip"]) {
      const response = await fetch(new URL(path, BASE_URL), { headers: { "accept-encoding": encoding } });
      assert.equal(response.headers.get("content-encoding"), encoding, `${path} as ${encoding}`);
      assert.match(response.headers.get("vary") ?? "", /accept-encoding/i);
      await response.arrayBuffer();
    }
  }
  for (const path of ["pkg/summit_explainer_bg.wasm", assets["page/explainer_bg.wasm"]]) {
    const wasm = await fetch(new URL(path, BASE_URL), { headers: { "accept-encoding": "br" } });
    assert.equal(wasm.headers.get("content-type"), "application/wasm", `${path}: the type survives compression`);
  }
});
