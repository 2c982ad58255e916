// React 19 in StrictMode, as the README's "In a framework" writes it: the element in JSX with its options as
// attributes and `onsection-toggle` for its event; and mount() in a useEffect with unmount() as its cleanup.
import { StrictMode, useEffect, useRef, useState } from "react";
import { createRoot } from "react-dom/client";
import { flushSync } from "react-dom";
import { mount } from "summit-explainer";

export function react(container) {
  const events = [];
  const controls = {};
  function Mounted() {
    const target = useRef(null);
    useEffect(() => {
      const handle = mount(target.current, { sections: ["missile-defense"] });
      return () => handle.unmount();
    }, []);
    return <div ref={target} className="mounted" />;
  }
  function App() {
    const [shown, setShown] = useState(true);
    const [open, setOpen] = useState("space");
    controls.hide = () => flushSync(() => setShown(false));
    controls.show = () => flushSync(() => setShown(true));
    controls.setOpen = (id) => flushSync(() => setOpen(id));
    return (
      <>
        {shown && (
          <summit-explainer
            sections="space, alliance"
            open={open}
            heading-level="2"
            onsection-toggle={(event) => events.push(event.detail)}
          />
        )}
        <Mounted />
      </>
    );
  }
  flushSync(() =>
    createRoot(container).render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  );
  return { events, hide: () => controls.hide(), show: () => controls.show(), setOpen: (id) => controls.setOpen(id) };
}
