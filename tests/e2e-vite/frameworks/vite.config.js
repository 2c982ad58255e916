// React's JSX with the automatic runtime (Vite's own transform); Svelte's components and Vue's single-file
// components compiled by their own compilers in a few lines each, with the settings a host gives them (Vue's
// `isCustomElement`, which @vitejs/plugin-vue takes as `template.compilerOptions`). The build is production,
// as hosts ship it.
import { compile } from "svelte/compiler";
import { compileScript, parse } from "vue/compiler-sfc";

const isCustomElement = (tag) => tag === "summit-explainer";

export default {
  oxc: { jsx: { runtime: "automatic" } },
  define: { __VUE_OPTIONS_API__: "false", __VUE_PROD_DEVTOOLS__: "false", __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: "false" },
  plugins: [
    {
      name: "svelte",
      transform(code, id) {
        if (!id.endsWith(".svelte")) return null;
        const { js } = compile(code, { filename: id, generate: "client" });
        return { code: js.code, map: js.map };
      },
    },
    {
      name: "vue",
      transform(code, id) {
        if (!id.endsWith(".vue")) return null;
        const { descriptor, errors } = parse(code, { filename: id });
        if (errors.length) throw errors[0];
        const script = compileScript(descriptor, { id, inlineTemplate: true, templateOptions: { compilerOptions: { isCustomElement } } });
        return { code: script.content, map: null };
      },
    },
  ],
};
