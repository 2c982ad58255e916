// The editor's loop, as an editor meets it: `cargo xtask test` serves a copy of a content folder with
// `serve --watch` under the strict CSP (BASE_URL, CONTENT_DIR), and this test edits the copy on disk.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, recordProblems, interactive, BASE_URL } from "../e2e/browser.mjs";
import { contentFile, saveToShown, saveToOverlay } from "./edits.mjs";

const content = contentFile(process.env.CONTENT_DIR);
let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  content.restore();
  await browser?.close();
});

async function open(path = "") {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = recordProblems(page);
  await page.goto(new URL(path, BASE_URL).href);
  return { page, context, problems };
}

const shows = (page, text) => page.waitForFunction((text) => document.body.textContent.includes(text), text);

const overlayText = (page) => page.locator("#summit-dev-overlay").textContent();

test("a statement saved on disk appears in the open page, which reloads itself", async () => {
  const { page, context, problems } = await open();
  await interactive(page);
  assert.ok((await page.textContent("body")).includes(content.statement));
  await saveToShown(page, () => content.editStatement(), content.edited);
  await interactive(page);
  await saveToShown(page, () => content.editStatement(false), content.statement);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a broken quote shows its diagnostic over the last good page, and fixing it removes it", async () => {
  const { page, context, problems } = await open();
  await interactive(page);
  await saveToOverlay(page, () => content.breakQuote());
  const shown = await overlayText(page);
  const file = `${process.env.CONTENT_DIR.replace(/\/$/, "")}/explainer.toml:${content.quoteLine}:`;
  assert.ok(shown.includes(file), `the file and line, ${file}, in:\n${shown}`);
  assert.match(shown, /\n\s*\|\s+\^/, "the caret under the place");
  assert.match(shown, /help: /, "the help line");
  assert.equal(await page.getAttribute("#summit-dev-overlay", "role"), "alert");
  assert.ok((await page.textContent("body")).includes(content.statement), "the last good page is under it");

  // A page opened while the content is broken shows the overlay over the last good build.
  const second = await open();
  await second.page.waitForSelector("#summit-dev-overlay");
  await interactive(second.page);

  await saveToShown(page, () => content.restore(), content.statement);
  assert.equal(await page.locator("#summit-dev-overlay").count(), 0);
  await second.page.waitForFunction(() => !document.getElementById("summit-dev-overlay"));
  assert.deepEqual([...problems, ...second.problems], []);
  await second.context.close();
  await context.close();
});

test("a file saved half-written is an error on the page, not a crash, and the next good save is built", async () => {
  const { page, context, problems } = await open();
  await saveToOverlay(page, () => content.write(""));
  assert.ok((await overlayText(page)).includes("explainer.toml"));
  await saveToShown(page, () => content.editStatement(), content.edited);
  await saveToShown(page, () => content.restore(), content.statement);
  assert.deepEqual(problems, []);
  await context.close();
});

// Last: it leaves no build of the embeds' module running when it ends.
test("the frame, whose module has the content compiled in, says it is behind, then reloads with the save", async () => {
  const { page: frame, context, problems } = await open("frame.html");
  await shows(frame, content.statement);
  const page = await context.newPage();
  await page.goto(BASE_URL);
  await interactive(page);
  await saveToShown(page, () => content.editStatement(), content.edited);
  await frame.waitForSelector("#summit-dev-behind");
  assert.ok((await frame.textContent("body")).includes(content.statement), "until then, the content it was built with");

  // Once the content has been quiet for a few seconds, the whole development site is built again for it
  // (tens of seconds on this machine), and the frame reloads.
  const minutes = { timeout: 5 * 60_000 };
  await frame.waitForEvent("load", minutes);
  await shows(frame, content.edited);
  assert.equal(await frame.locator("#summit-dev-behind").count(), 0);
  assert.ok((await page.textContent("body")).includes(content.edited), "the page is as it was");

  const restored = frame.waitForEvent("load", minutes);
  content.restore();
  await restored;
  await shows(frame, content.statement);
  assert.deepEqual(problems, []);
  await context.close();
});
