// The TypeScript declarations in dist/pkg/summit_explainer.d.ts are precise and usable as they are: the
// tests/types project (usage.ts, element.ts: a host's use of the API, the `<summit-explainer>` element and the
// events, misuses marked `@ts-expect-error`) must pass `tsc -p tests/types` (strict, lib es2022+dom, no
// skipLibCheck, no ambient @types) and the same with lib esnext+dom (tsconfig.esnext.json, plus `using`);
// react.tsx, the element in JSX with `summit-explainer/react`, in a strict React 19 project (tsconfig.react.json);
// explainer.vue, the element in a Vue SFC's template with `summit-explainer/vue`, checked by vue-tsc with strict
// templates (tsconfig.vue.json); explainer.svelte, in Svelte 5 markup with `summit-explainer/svelte`, checked by
// svelte-check (tsconfig.svelte.json).
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../", import.meta.url));
const tsc = `${root}node_modules/.bin/tsc`;
const declarations = `${root}dist/pkg/summit_explainer.d.ts`;

/** Runs `program` (tsc unless named) with `args` from the root; its status and everything it printed. */
function run(args, program = tsc) {
  const result = spawnSync(program, args, { cwd: root, encoding: "utf8" });
  if (result.error) throw result.error;
  return { status: result.status, signal: result.signal, output: `${result.stdout}${result.stderr}` };
}

/** Checks `project`: tsc (or `program`, which takes its options) must exit 0 and report nothing at all. */
function check(project, program = tsc) {
  assert.ok(existsSync(program), `${program} is installed (npm ci)`);
  assert.ok(existsSync(declarations), "dist/pkg/summit_explainer.d.ts is built (cargo xtask dist)");
  const { status, signal, output } = run(["-p", project], program);
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

test("summit-explainer/vue types the element in a Vue SFC's template, checked by vue-tsc with strict templates (explainer.vue)", () => {
  const { vueCompilerOptions } = JSON.parse(
    readFileSync(`${root}tests/types/tsconfig.vue.json`, "utf8").replace(/^\s*\/\/.*$/gm, ""),
  );
  assert.equal(vueCompilerOptions.strictTemplates, true, "strict templates: an unknown prop is an error");
  check("tests/types/tsconfig.vue.json", `${root}node_modules/.bin/vue-tsc`);
});

test("summit-explainer/svelte types the element in Svelte 5 markup: svelte-check finds exactly the misuses marked (explainer.svelte)", () => {
  const svelteCheck = `${root}node_modules/.bin/svelte-check`;
  assert.ok(existsSync(svelteCheck), "svelte-check is installed (npm ci)");
  const args = ["--workspace", "tests/types", "--tsconfig", "./tsconfig.svelte.json", "--output", "machine"];
  const { output } = run(args, svelteCheck);
  const problems = output
    .split("\n")
    .map((line) => /^\d+ (ERROR|WARNING) "([^"]+)" (\d+):\d+ (.*)$/.exec(line))
    .filter(Boolean)
    .map(([, kind, file, line]) => `${kind} ${file}:${line}`);
  const source = readFileSync(`${root}tests/types/explainer.svelte`, "utf8").split("\n");
  const marked = source.flatMap((line, index) => (line.startsWith("<!-- misuse:") ? [`ERROR explainer.svelte:${index + 2}`] : []));
  assert.ok(marked.length >= 3, "the misuses are marked");
  assert.match(output, /COMPLETED \d+ FILES/, output);
  assert.deepEqual(problems, marked, output);
});
