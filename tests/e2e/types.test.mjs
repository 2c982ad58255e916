// The TypeScript declarations in dist/pkg/summit_explainer.d.ts are precise and usable as they are: the
// tests/types project (usage.ts, element.ts: a host's use of the API, the `<summit-explainer>` element and the
// events, misuses marked `@ts-expect-error`) must pass `tsc -p tests/types` (strict, lib es2022+dom, no
// skipLibCheck, no ambient @types) and the same with lib esnext+dom (tsconfig.esnext.json, plus `using`);
// react.tsx, the element in JSX with `summit-explainer/react`, in a strict React 19 project (tsconfig.react.json).
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../", import.meta.url));
const tsc = `${root}node_modules/.bin/tsc`;
const declarations = `${root}dist/pkg/summit_explainer.d.ts`;

/** Runs tsc with `args` from the root; its status and everything it printed. */
function run(args) {
  const result = spawnSync(tsc, args, { cwd: root, encoding: "utf8" });
  if (result.error) throw result.error;
  return { status: result.status, signal: result.signal, output: `${result.stdout}${result.stderr}` };
}

/** Checks `project`: tsc must exit 0 and report nothing at all. */
function check(project) {
  assert.ok(existsSync(tsc), "node_modules/.bin/tsc is installed (npm ci)");
  assert.ok(existsSync(declarations), "dist/pkg/summit_explainer.d.ts is built (cargo xtask dist)");
  const { status, signal, output } = run(["-p", project]);
  assert.equal(output, "", `tsc -p ${project} reports nothing`);
  assert.equal(signal, null, `tsc -p ${project} was not killed`);
  assert.equal(status, 0, `tsc -p ${project} succeeds`);
}

/** The options `project` resolves to, as tsc sees them. */
function options(project) {
  const { status, output } = run(["-p", project, "--showConfig"]);
  assert.equal(status, 0, output);
  return JSON.parse(output);
}

test("the types project keeps a strict browser host's settings", () => {
  for (const [project, lib] of [
    ["tests/types", ["es2022", "dom"]],
    ["tests/types/tsconfig.esnext.json", ["esnext", "dom"]],
  ]) {
    const { compilerOptions, files } = options(project);
    assert.equal(compilerOptions.strict, true, `${project}: strict`);
    assert.deepEqual(compilerOptions.lib, lib, `${project}: lib`);
    assert.notEqual(compilerOptions.skipLibCheck, true, `${project}: the declarations are checked too`);
    // node_modules/@types/node declares Symbol.dispose (esnext.disposable), which a browser host lacks.
    assert.deepEqual(compilerOptions.types, [], `${project}: no ambient @types`);
    assert.equal(compilerOptions.noEmit, true, `${project}: noEmit`);
    for (const file of ["./usage.ts", "./element.ts"]) assert.ok(files.includes(file), `${project} checks ${file}`);
  }
});

test("the generated TypeScript types accept real use and reject misuse (lib es2022, dom)", () => {
  check("tests/types");
});

test("the generated TypeScript types merge with lib esnext's Symbol.dispose (lib esnext, dom)", () => {
  check("tests/types/tsconfig.esnext.json");
});

test("summit-explainer/react types the element in a strict React 19 project's JSX (react.tsx)", () => {
  const { compilerOptions } = options("tests/types/tsconfig.react.json");
  assert.equal(compilerOptions.strict, true, "strict");
  assert.equal(compilerOptions.jsx, "react-jsx", "React 19's JSX transform");
  check("tests/types/tsconfig.react.json");
});
