
/** The id of a section: what `sections` and `open` take, and the first part of a deep link. */
export type SectionId = never; // the content's section ids, written by build.rs

/** Options of `mount()`; the same as the element's attributes and the iframe's query (in kebab-case there). */
export interface MountOptions {
  /** Which sections, in which order; default all, in the article's order. */
  sections?: SectionId[] | null;
  /** Which sections start open; default none. */
  open?: SectionId[] | "all" | null;
  /** The colour scheme; default "auto" (the reader's system setting). */
  theme?: "light" | "dark" | "auto" | null;
  /** The level of the section headings, to fit the host's outline (the title is one above); default 2. */
  headingLevel?: 2 | 3 | 4 | 5 | 6 | null;
  /** Show the overview ("In brief"); default true. */
  overview?: boolean | null;
  /** Show the source article, every quote marked in it; default true. */
  article?: boolean | null;
  /** With `article: false`: an absolute URL of the complete explainer, where quote links point. */
  articleUrl?: string | null;
  /** Read and write `location.hash` (the mount target needs an `id`); default false. */
  deepLinks?: boolean | null;
}

/** `detail` of the `section-toggle` event (bubbles, composed). */
export interface SectionToggleDetail {
  id: SectionId;
  open: boolean;
}

/** `detail` of the `quote-open` event (bubbles, composed). */
export interface QuoteOpenDetail {
  /** The claim the quote was opened from: `section/claim`. */
  claim: string;
  /** The quote: `q-…`. */
  quote: string;
  /** The quote's words, verbatim. */
  text: string;
}

/**
 * The `<summit-explainer>` element (defined by `embed.js`): its attributes are `mount()`'s options in kebab-case,
 * and it sends `section-toggle` and `quote-open` from itself.
 */
export interface SummitExplainerElement extends HTMLElement {
  /** Opens section `id` (one of those shown), as `mount()`'s handle does; `section-toggle` follows. */
  openSection(id: SectionId): void;
  /** Closes section `id` (one of those shown); `section-toggle` follows. */
  closeSection(id: SectionId): void;
  // Each option is also a property, reflected to its attribute: reading gives the attribute's text (or null);
  // a list is written comma-separated, a boolean or number as text, `null` removes the attribute.
  get sections(): string | null;
  set sections(value: SectionId[] | string | null | undefined);
  get open(): string | null;
  set open(value: SectionId[] | "all" | string | null | undefined);
  get theme(): string | null;
  set theme(value: "light" | "dark" | "auto" | null | undefined);
  get headingLevel(): string | null;
  set headingLevel(value: 2 | 3 | 4 | 5 | 6 | "2" | "3" | "4" | "5" | "6" | null | undefined);
  get overview(): string | null;
  set overview(value: boolean | "true" | "false" | "" | null | undefined);
  get article(): string | null;
  set article(value: boolean | "true" | "false" | "" | null | undefined);
  get articleUrl(): string | null;
  set articleUrl(value: string | null | undefined);
  get deepLinks(): string | null;
  set deepLinks(value: boolean | "true" | "false" | "" | null | undefined);
  /** The ids of the sections open now, in display order; empty while the element shows no explainer. */
  readonly openSections: SectionId[];
  /** As `HTMLElement`'s, with `this` the element (the events are in `HTMLElementEventMap`). */
  addEventListener<K extends keyof HTMLElementEventMap>(
    type: K,
    listener: (this: SummitExplainerElement, ev: HTMLElementEventMap[K]) => any,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | AddEventListenerOptions,
  ): void;
  removeEventListener<K extends keyof HTMLElementEventMap>(
    type: K,
    listener: (this: SummitExplainerElement, ev: HTMLElementEventMap[K]) => any,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | EventListenerOptions,
  ): void;
}

/**
 * What `<summit-explainer>` takes as written in a framework's template or JSX: each option as an attribute
 * (kebab-case, text) or as its property (camelCase, typed; React 19 sets a prop as the property when the element
 * has one), and a handler for each event (`onsection-toggle`, React 19's name for a listener of `section-toggle`).
 * `summit-explainer/react` puts it in React's `JSX.IntrinsicElements`.
 */
export interface SummitExplainerAttributes {
  sections?: SectionId[] | string | null;
  open?: SectionId[] | "all" | string | null;
  theme?: "light" | "dark" | "auto" | null;
  "heading-level"?: "2" | "3" | "4" | "5" | "6" | 2 | 3 | 4 | 5 | 6 | null;
  headingLevel?: 2 | 3 | 4 | 5 | 6 | "2" | "3" | "4" | "5" | "6" | null;
  overview?: boolean | "true" | "false" | "" | null;
  article?: boolean | "true" | "false" | "" | null;
  "article-url"?: string | null;
  articleUrl?: string | null;
  "deep-links"?: boolean | "true" | "false" | "" | null;
  deepLinks?: boolean | "true" | "false" | "" | null;
  "onsection-toggle"?: (event: CustomEvent<SectionToggleDetail>) => void;
  "onquote-open"?: (event: CustomEvent<QuoteOpenDetail>) => void;
}

declare global {
  /**
   * `Symbol.dispose`, which wasm-bindgen's `Mounted` class declares (`[Symbol.dispose](): void`, the same as
   * `free()`): declared here as TypeScript's `esnext.disposable` lib declares it, so the declarations check
   * under `lib: ["es2022", "dom"]` and merge with that lib where a host has it.
   */
  interface SymbolConstructor {
    readonly dispose: unique symbol;
  }

  /** The explainer's events, sent from the `mount()` target or the element; they bubble to the document and window. */
  interface HTMLElementEventMap {
    "section-toggle": CustomEvent<SectionToggleDetail>;
    "quote-open": CustomEvent<QuoteOpenDetail>;
  }
  /** `mount()` takes any `Element`. */
  interface ElementEventMap {
    "section-toggle": CustomEvent<SectionToggleDetail>;
    "quote-open": CustomEvent<QuoteOpenDetail>;
  }
  interface DocumentEventMap {
    "section-toggle": CustomEvent<SectionToggleDetail>;
    "quote-open": CustomEvent<QuoteOpenDetail>;
  }
  interface WindowEventMap {
    "section-toggle": CustomEvent<SectionToggleDetail>;
    "quote-open": CustomEvent<QuoteOpenDetail>;
  }

  interface HTMLElementTagNameMap {
    "summit-explainer": SummitExplainerElement;
  }
}

/** Everything the explainer shows, as `summitData()` returns it. */
export interface SummitData {
  title: string;
  source: string;
  /** The article, verbatim. */
  article: string;
  overview: SummitClaim[];
  sections: SummitSection[];
}

export interface SummitSection {
  id: SectionId;
  title: string;
  summary: string;
  claims: SummitClaim[];
}

export interface SummitClaim {
  /** `section/claim` or `overview/claim`. */
  id: string;
  /** What it says, standing alone: its lead, where it follows one, then its statement. */
  text: string;
  /** The lead it follows on the page, if any: the words `text` starts with (then a space), said once above its run. */
  lead: string | null;
  /** Who the article says said it, when the claim is an attribution. */
  speaker: string | null;
  setting: string | null;
  /** The editor's note on the article's wording (a slip the claim repeats or repairs), if any. */
  note: string | null;
  quotes: SummitQuote[];
}

export interface SummitQuote {
  /** `q-…`. */
  id: string;
  /** The article's words, verbatim: `article.slice(start, end)`. */
  text: string;
  /** The article paragraph, numbered as the page shows it. */
  paragraph: number;
  /** Offsets into `article`, in UTF-16 code units (JavaScript string indices). */
  start: number;
  end: number;
}
