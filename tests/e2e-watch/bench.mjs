// `cargo xtask bench --edit`: save → reloaded page showing the change, and save → overlay for a broken
// quote, ROUNDS times each, against `serve --watch` at BASE_URL serving the folder CONTENT_DIR. Prints JSON.
import { launch, interactive, BASE_URL } from "../e2e/browser.mjs";
import { contentFile, saveToShown, saveToOverlay } from "./edits.mjs";

const rounds = Number(process.argv[2] ?? 15);
const content = contentFile(process.env.CONTENT_DIR);
const browser = await launch();
const page = await (await browser.newContext()).newPage();
await page.goto(BASE_URL);
await interactive(page);
const status = async () => (await fetch(new URL("__dev/status?since=-1", BASE_URL))).json();
const result = { reload: [], overlay: [], compile: [], render: [] };
try {
  for (let round = 0; round < rounds; round++) {
    const edited = round % 2 === 0;
    result.reload.push(await saveToShown(page, () => content.editStatement(edited), edited ? content.edited : content.statement));
    const { compileMs, renderMs } = await status();
    result.compile.push(compileMs);
    result.render.push(renderMs);
    await interactive(page);
    result.overlay.push(await saveToOverlay(page, () => content.breakQuote()));
    await saveToShown(page, () => content.editStatement(edited), edited ? content.edited : content.statement);
  }
} finally {
  content.restore();
  await browser.close();
}
console.log(JSON.stringify(result));
