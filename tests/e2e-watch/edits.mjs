// The edits an editor makes, on any content folder: the test and `cargo xtask bench --edit` make them to a
// copy of one, while `cargo xtask serve --watch` serves it. Read from the file, so no claim is named here.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** The content folder `dir`'s explainer file, and the edits made to it. */
export function contentFile(dir) {
  const file = join(dir, "explainer.toml");
  const original = readFileSync(file, "utf8");
  // The first statement without escapes, and the first words a claim quotes (inline or a line each).
  const statement = original.match(/^statement = "([^"\\]+)"$/m);
  const quote = original.match(/^quotes = \[\s*(?:\{ exact = )?"([^"\\]{12,})"/m);
  if (!statement || !quote) throw new Error(`${file} has no plain statement or quote to edit`);
  const lineOf = (index) => original.slice(0, index).split("\n").length;
  return {
    file,
    original,
    /** The statement as the page shows it now. */
    statement: statement[1],
    /** The statement with one word more: its last word said twice (content the checks accept). */
    edited: statement[1].replace(/([^\s.!?]+)([.!?]?)$/, "$1 $1$2"),
    /** The line of the quote the broken edit breaks. */
    quoteLine: lineOf(original.indexOf(`"${quote[1]}"`, quote.index)),
    write(text) {
      writeFileSync(file, text);
    },
    /** Writes the file with the statement edited (or, with `false`, as it was). */
    editStatement(edited = true) {
      const to = edited ? this.edited : this.statement;
      this.write(original.replace(`statement = "${this.statement}"`, `statement = "${to}"`));
    },
    /** Writes the file with one letter gone from a quote, which is then not in the article verbatim. */
    breakQuote() {
      const words = quote[1];
      const broken = words.slice(0, 6) + words.slice(7);
      this.write(original.slice(0, quote.index) + original.slice(quote.index).replace(`"${words}"`, `"${broken}"`));
    },
    restore() {
      this.write(original);
    },
  };
}

/** Milliseconds from `save()` to the open `page` reloaded and showing `text`. */
export async function saveToShown(page, save, text) {
  const started = performance.now();
  const loaded = page.waitForEvent("load");
  save();
  await loaded;
  await page.waitForFunction((text) => document.body.textContent.includes(text), text);
  return performance.now() - started;
}

/** Milliseconds from `save()` to the development overlay shown over `page`. */
export async function saveToOverlay(page, save) {
  const started = performance.now();
  save();
  await page.waitForSelector("#summit-dev-overlay");
  return performance.now() - started;
}
