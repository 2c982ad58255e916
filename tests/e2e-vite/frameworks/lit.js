// Lit's render() of a template: `open` as an attribute binding, `.sections` as a property binding (an array,
// as the element's typed property takes it), `@section-toggle` for the event.
import { html, render } from "lit";
import { nothing } from "lit";

export function lit(container) {
  const events = [];
  const state = { shown: true, open: "space" };
  const draw = () =>
    render(
      state.shown
        ? html`<summit-explainer
            .sections=${["space", "alliance"]}
            open=${state.open}
            heading-level="2"
            @section-toggle=${(event) => events.push(event.detail)}
          ></summit-explainer>`
        : nothing,
      container,
    );
  draw();
  const set = (change) => {
    change();
    draw();
  };
  return {
    events,
    hide: () => set(() => (state.shown = false)),
    show: () => set(() => (state.shown = true)),
    setOpen: (id) => set(() => (state.open = id)),
  };
}
