// Svelte 5's mount() of a component (App.svelte), compiled by vite.config.js's plugin.
import { flushSync, mount } from "svelte";
import App from "./App.svelte";

export function svelte(container) {
  const events = [];
  const app = mount(App, { target: container, props: { onToggle: (detail) => events.push(detail) } });
  return {
    events,
    hide: () => flushSync(() => app.hide()),
    show: () => flushSync(() => app.show()),
    setOpen: (id) => flushSync(() => app.setOpen(id)),
  };
}
