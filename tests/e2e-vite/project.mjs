// What the bundler tests share: a scratch project under target/ made from a folder of this directory, the
// package tarball installed into it from disk, commands run in it, and a small server of the build under the
// site's strict CSP. (vite.test.mjs and frameworks.test.mjs.)
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { createServer } from "node:http";
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { extname, join, normalize, sep } from "node:path";
import { fileURLToPath } from "node:url";

export const root = fileURLToPath(new URL("../../", import.meta.url));
export const version = /^\[package\][^[]*?^version = "([^"]+)"/m.exec(readFileSync(join(root, "Cargo.toml"), "utf8"))?.[1];
/** PACKAGE_TARBALL names the tarball (default target/summit-explainer-VERSION.tgz, VERSION from Cargo.toml). */
export const tarball = process.env.PACKAGE_TARBALL ?? join(root, "target", `summit-explainer-${version}.tgz`);
/** The root node_modules' own Vite, as `npm ci` installed it from package-lock.json. */
export const vite = join(root, "node_modules/vite/bin/vite.js");

/** The site's own policy (xtask/src/serve.rs's STRICT_CSP): a bundled host can be as strict as the site. */
export function strictPolicy() {
  const serve = readFileSync(join(root, "xtask/src/serve.rs"), "utf8");
  const literal = /STRICT_CSP: &str =\s*"((?:[^"\\]|\\[\s\S])*)"/.exec(serve)?.[1];
  if (!literal) throw new Error("xtask/src/serve.rs has no STRICT_CSP string");
  return literal.replace(/\\\n\s*/g, "");
}

/**
 * A scratch project at target/NAME made from `files` of this directory's folder `from` (copied as they are),
 * with the tarball installed from disk: the package has no dependencies, so nothing comes from the registry
 * (--offline makes sure of it). Anything else the project imports (React, Vue…) resolves from the root's
 * node_modules, pinned by package-lock.json. Returns its path and `run(name, command, args)`, which fails with
 * everything the command printed, or returns that.
 */
export function scratchProject(name, from, files) {
  assert.ok(version, "Cargo.toml's [package] has a version");
  assert.ok(existsSync(tarball), `${tarball} exists (\`cargo xtask pack\` writes it)`);
  const project = join(root, "target", name);
  rmSync(project, { recursive: true, force: true });
  mkdirSync(project, { recursive: true });
  for (const file of files) cpSync(join(root, "tests/e2e-vite", from, file), join(project, file), { recursive: true });
  const manifest = { name: `summit-explainer-${name}`, private: true, type: "module", dependencies: { "summit-explainer": `file:${tarball}` } };
  writeFileSync(join(project, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  const run = (label, command, args) => {
    const started = Date.now();
    const result = spawnSync(command, args, { cwd: project, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
    if (result.error) throw result.error;
    const output = `${result.stdout}${result.stderr}`;
    assert.equal(result.status, 0, `${command} ${args.join(" ")} failed:\n${output}`);
    console.log(`${label}: ${Date.now() - started} ms`);
    return output;
  };
  run("npm install", "npm", ["install", "--offline", "--no-audit", "--no-fund", "--no-package-lock", "--ignore-scripts"]);
  return { project, run };
}

const TYPES = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".wasm": "application/wasm" };

/** Serves `folder` on an ephemeral port of 127.0.0.1 under `policy`, recording every path asked for. */
export function serve(folder, policy) {
  const requested = [];
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url, "http://host").pathname);
    requested.push(path);
    const file = normalize(join(folder, path.endsWith("/") ? `${path}index.html` : path));
    if (!file.startsWith(folder + sep) || !existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    const type = TYPES[extname(file)] ?? "application/octet-stream";
    response.writeHead(200, { "content-type": type, "content-security-policy": policy, "cache-control": "no-cache" });
    response.end(readFileSync(file));
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const url = `http://127.0.0.1:${server.address().port}/`;
      resolve({ url, requested, close: () => new Promise((done) => server.close(done)) });
    });
  });
}
