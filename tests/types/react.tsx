// `<summit-explainer>` in a strict React 19 project, as a host writes it once it has `summit-explainer/react`:
// options as attributes (kebab-case, text) or properties (camelCase, typed), the events' handlers with their
// details typed, a ref to the element. Type-checked (never run) by tests/e2e/types.test.mjs; misuses are
// marked `@ts-expect-error`.
import type {} from "../../dist/pkg/react.js";
import type { SectionToggleDetail, SummitExplainerElement } from "../../dist/pkg/summit_explainer.js";

export function Explainers({ onToggle }: { onToggle: (detail: SectionToggleDetail) => void }) {
  const opened = (element: SummitExplainerElement | null) => element?.openSection("space");
  return (
    <>
      <summit-explainer sections="space, alliance" open="space" heading-level="2" />
      <summit-explainer
        id="summit"
        className="wide"
        ref={opened}
        sections={["space", "alliance"]}
        open="all"
        theme="dark"
        headingLevel={3}
        overview={false}
        article={false}
        articleUrl="https://explainer.example/"
        deepLinks
        onsection-toggle={(event) => onToggle(event.detail)}
        onquote-open={(event) => console.log(event.detail.quote, event.detail.text)}
      />
      {/* @ts-expect-error: not a colour scheme */}
      <summit-explainer theme="purple" />
      {/* @ts-expect-error: section headings are levels 2 to 6 */}
      <summit-explainer heading-level="7" />
      {/* @ts-expect-error: a list of sections names the explainer's own */}
      <summit-explainer sections={["moon"]} />
      {/* @ts-expect-error: a section-toggle's detail has no quote */}
      <summit-explainer onsection-toggle={(event) => console.log(event.detail.quote)} />
    </>
  );
}
