// Vue 3 with a render function (no template compiler, which a strict CSP refuses): `h("summit-explainer", …)`
// with its options as props, which Vue sets as properties where the element has them, and `onSectionToggle`,
// Vue's name for a listener of `section-toggle`.
import { createApp, h, nextTick, ref } from "vue";

export function vue(container) {
  const events = [];
  const shown = ref(true);
  const open = ref("space");
  createApp({
    render: () =>
      shown.value
        ? h("summit-explainer", {
            sections: "space, alliance",
            open: open.value,
            "heading-level": "2",
            "onSection-toggle": (event) => events.push(event.detail),
          })
        : null,
  }).mount(container);
  const set = async (change) => {
    change();
    await nextTick();
  };
  return {
    events,
    hide: () => set(() => (shown.value = false)),
    show: () => set(() => (shown.value = true)),
    setOpen: (id) => set(() => (open.value = id)),
  };
}
