// The `<summit-explainer>` element and the events, as a host's TypeScript sees them once it has the package's
// declarations (here by `import type`): `HTMLElementTagNameMap` and the event maps in `declare global`.
// Type-checked (never run) with usage.ts; misuses are marked `@ts-expect-error`.
import type { SectionId, SummitExplainerElement } from "../../dist/pkg/summit_explainer.js";

// The tag name types the element: querySelector, createElement, getElementsByTagName.
const found: SummitExplainerElement | null = document.querySelector("summit-explainer");
found?.openSection("alliance");
const made = document.createElement("summit-explainer");
made.openSection("space");
made.closeSection("space");
const openNow: SectionId[] = made.openSections;
const asHtml: HTMLElement = made;
const all: HTMLCollectionOf<SummitExplainerElement> = document.getElementsByTagName("summit-explainer");
made.setAttribute("open", "all");
document.body.append(made);

// Events on any HTMLElement (the element, or a container they bubble through), with `detail` typed, no cast.
const target: HTMLElement = document.body;
target.addEventListener("section-toggle", (e) => {
  const open: boolean = e.detail.open;
  const id: SectionId = e.detail.id;
  console.log(open, id);
});
target.addEventListener("quote-open", (e) => {
  const claim: string = e.detail.claim;
  const quote: string = e.detail.quote;
  const text: string = e.detail.text;
  console.log(claim, quote, text);
});
made.addEventListener("section-toggle", function (e) {
  const element: SummitExplainerElement = this;
  console.log(element.openSections, e.detail.open);
});
made.removeEventListener("quote-open", (e) => e.detail.quote);
// They bubble to the document and the window.
document.addEventListener("section-toggle", (e) => e.detail.id);
window.addEventListener("quote-open", (e) => e.detail.text);

// @ts-expect-error: section-toggle's detail has no `section` (it is `id`)
target.addEventListener("section-toggle", (e) => e.detail.section);
// @ts-expect-error: `open` is a boolean
target.addEventListener("section-toggle", (e) => { const n: number = e.detail.open; console.log(n); });
// @ts-expect-error: quote-open's detail is not section-toggle's
target.addEventListener("quote-open", (e) => e.detail.open);
// @ts-expect-error: a misspelt event is a plain Event, with no detail
target.addEventListener("section-toggel", (e) => e.detail);
// @ts-expect-error: openSection() takes a section id
made.openSection("moon");
// @ts-expect-error: closeSection() takes a section id
found?.closeSection("spcae");
// @ts-expect-error: openSections is a property, not a method as on mount()'s handle
made.openSections();
// @ts-expect-error: openSections is read-only
made.openSections = ["space"];
// Each option as a property: typed values in, the attribute's text out.
made.sections = ["space", "missile-defense"];
made.open = "all";
made.headingLevel = 3;
made.overview = false;
made.deepLinks = null;
const attribute: string | null = made.sections;
// @ts-expect-error: sections takes section ids
made.sections = ["moon"];
// @ts-expect-error: heading levels are 2 to 6
made.headingLevel = 7;
// @ts-expect-error: open is an option now, not a method (React sets props as properties)
made.open("space");
// @ts-expect-error: other tags are not the explainer
document.createElement("div").openSection("space");

console.log(openNow, asHtml, all, attribute);
