
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
  /** Show the "At a glance" overview; default true. */
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
  text: string;
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
