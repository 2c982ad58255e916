// Vue 3: a single-file component (Explainer.vue) mounted with createApp, its template compiled at build time
// (a strict CSP refuses Vue's run-time compiler).
import { createApp, nextTick } from "vue";
import Explainer from "./Explainer.vue";

export function vue(container) {
  const events = [];
  const app = createApp(Explainer, { onToggle: (detail) => events.push(detail) }).mount(container);
  const set = async (change) => {
    change();
    await nextTick();
  };
  return {
    events,
    hide: () => set(() => app.hide()),
    show: () => set(() => app.show()),
    setOpen: (id) => set(() => app.setOpen(id)),
  };
}
