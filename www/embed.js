// <summit-explainer>: the custom element. wasm-bindgen cannot extend HTMLElement, so this shim only defines
// the element and its life cycle; Rust reads the attributes, makes the shadow root, renders, handles events
// and sends `section-toggle` / `quote-open` (see src/browser/embed.rs). Everything is found relative to this file, so
// it works from another origin (which must send `Access-Control-Allow-Origin`).
// The wasm is fetched in parallel with the glue, not after it.
const wasm = fetch(new URL("pkg/summit_explainer_bg.wasm", import.meta.url));
const { default: init, mountElement, observedAttributes } = await import("./pkg/summit_explainer.js");

const explainerPage = new URL("index.html", import.meta.url).href;

await init({ module_or_path: wasm });
const attributes = observedAttributes();

class SummitExplainer extends HTMLElement {
  static get observedAttributes() {
    return attributes;
  }

  #handle = null;
  #scheduled = false;

  connectedCallback() {
    this.#schedule();
  }

  disconnectedCallback() {
    this.#unmount();
  }

  attributeChangedCallback() {
    if (this.isConnected) this.#schedule();
  }

  /** Opens a section, as `mount()`'s handle does. */
  open(id) {
    this.#live().open(id);
  }

  /** Closes a section. */
  close(id) {
    this.#live().close(id);
  }

  /** The ids of the open sections. */
  get openSections() {
    return this.#handle ? this.#handle.openSections() : [];
  }

  // Several attribute changes in one task re-render once.
  #schedule() {
    if (this.#scheduled) return;
    this.#scheduled = true;
    queueMicrotask(() => {
      this.#scheduled = false;
      this.#unmount();
      if (!this.isConnected) return;
      try {
        // Rust makes the shadow root (with the stylesheet compiled into the wasm) and renders into it.
        this.#handle = mountElement(this, explainerPage);
        performance.mark("summit-explainer:interactive");
      } catch (error) {
        console.error(error); // The element shows the message in its own box.
      }
    });
  }

  #unmount() {
    this.#handle?.unmount();
    this.#handle = null;
  }

  #live() {
    if (!this.#handle) throw new Error("summit-explainer: the element is not showing an explainer");
    return this.#handle;
  }
}

if (!customElements.get("summit-explainer")) customElements.define("summit-explainer", SummitExplainer);
