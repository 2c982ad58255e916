// Type-checked (never run) by tests/e2e/types.test.mjs with `tsc -p tests/types` (strict, lib es2022+dom, no
// skipLibCheck, then again with lib esnext+dom) against the built dist/pkg/summit_explainer.d.ts: what a
// TypeScript host writes must check, and each misuse marked `@ts-expect-error` must be rejected (tsc fails if
// one of them is accepted), so the types are not `any`. The element and the event maps: element.ts.
import init, { mount, summitData } from "../../dist/pkg/summit_explainer.js";
import type { MountOptions, QuoteOpenDetail, SectionId, SectionToggleDetail, SummitData } from "../../dist/pkg/summit_explainer.js";

await init();
const target: Element = document.body;

const options: MountOptions = { sections: ["space", "economic-friction"], open: "all", theme: "dark", headingLevel: 3 };
const handle = mount(target, options);
mount(target);
mount(target, { open: ["space"], article: false, articleUrl: "https://explainer.example/", deepLinks: true });
handle.openSection("space");
handle.closeSection("alliance");
const open: SectionId[] = handle.openSections();
const stillMounted: boolean = handle.mounted;
handle.unmount();

const data: SummitData = summitData();
const firstQuote: string = data.sections[0].claims[0].quotes[0].text;
const start: number = data.sections[0].claims[0].quotes[0].start;
const speaker: string | null = data.overview[0].speaker;
const sectionId: SectionId = data.sections[0].id;

// The events are in the event maps: `detail` is typed without a cast, on the Element that mount() took.
target.addEventListener("section-toggle", (event) => {
  const detail: SectionToggleDetail = event.detail;
  const isOpen: boolean = detail.open;
  const id: SectionId = detail.id;
  console.log(isOpen, id);
});
target.addEventListener("quote-open", (event) => {
  const { claim, quote, text }: QuoteOpenDetail = event.detail;
  console.log(claim, quote, text);
});
// wasm-bindgen's `[Symbol.dispose]()` (the same as `free()`) checks under lib es2022 too.
const dispose: () => void = handle[Symbol.dispose];
handle.free();

// @ts-expect-error: not a section id
mount(target, { sections: ["spcae"] });
// @ts-expect-error: an unknown option
mount(target, { colour: "red" });
// @ts-expect-error: open takes ids or "all", not one id
mount(target, { open: "space" });
// @ts-expect-error: heading levels are 2 to 6
mount(target, { headingLevel: 7 });
// @ts-expect-error: not a theme
mount(target, { theme: "sepia" });
// @ts-expect-error: open() takes a section id
handle.openSection("moon");
// @ts-expect-error: the data is typed, not any
const wrong: number = data.article;
// @ts-expect-error: a browser host has no Node types (no @types leak in to declare what the DOM lacks)
process.exit();

console.log(open, stillMounted, firstQuote, start, speaker, sectionId, dispose, wrong);
