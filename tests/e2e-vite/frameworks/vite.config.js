// React's JSX with the automatic runtime (Vite's own transform), and Svelte's components compiled by its own
// compiler in a three-line plugin: no framework plugin needed. The build is production, as hosts ship it.
import { compile } from "svelte/compiler";

export default {
  oxc: { jsx: { runtime: "automatic" } },
  plugins: [
    {
      name: "svelte",
      transform(code, id) {
        if (!id.endsWith(".svelte")) return null;
        const { js } = compile(code, { filename: id, generate: "client" });
        return { code: js.code, map: js.map };
      },
    },
  ],
};
