// Minifies, in place, each script `cargo xtask dist` ships (the two wasm-bindgen glues and the scripts of
// www/): comments, whitespace and local names are for readers of the sources in this repository, not for
// every visitor to download. oxc's minifier, through rolldown (pinned in package.json).
// - Every shipped script is an ES module, so its top-level names are its own and are shortened too; what it
//   exports keeps its name, and no property is renamed (the glue's imports are looked up by name).
// - The output is ES2022, what the pages already need (private fields, top-level await): nothing newer is
//   introduced.
// - A parse error fails the build, naming the file.
// Usage: node xtask/assets/minify.mjs <script.js>...
import { minifySync } from "rolldown/utils";
import { readFileSync, writeFileSync } from "node:fs";

for (const file of process.argv.slice(2)) {
  const source = readFileSync(file, "utf8");
  const result = minifySync(file, source, {
    module: true,
    compress: { target: "es2022" },
    mangle: { toplevel: true },
  });
  if (result.errors.length) {
    const messages = result.errors.map((error) => error.message ?? String(error)).join("\n  ");
    console.error(`xtask: minify: ${file} does not parse:\n  ${messages}`);
    process.exit(1);
  }
  writeFileSync(file, result.code);
}
