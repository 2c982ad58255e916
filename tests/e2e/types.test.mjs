// The TypeScript declarations in dist/pkg/summit_explainer.d.ts are precise: tests/types/usage.ts, a host's
// use of the API with misuses marked `@ts-expect-error`, must pass `tsc --strict`.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../", import.meta.url));

test("the generated TypeScript types accept real use and reject misuse", () => {
  const args = ["--noEmit", "--strict", "--target", "es2022", "--module", "es2022", "--moduleResolution", "bundler"];
  args.push("--lib", "es2022,dom", "tests/types/usage.ts");
  let output = "";
  try {
    execFileSync(`${root}node_modules/.bin/tsc`, args, { cwd: root, encoding: "utf8" });
  } catch (error) {
    output = `${error.stdout}${error.stderr}`;
  }
  assert.equal(output, "", "tsc reports nothing");
});
