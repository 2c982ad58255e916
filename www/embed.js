// <summit-explainer>: the custom element. wasm-bindgen cannot extend HTMLElement, so this shim only defines
// the element and its life cycle; Rust reads the attributes, makes the shadow root, renders, handles events
// and sends `section-toggle` / `quote-open` (see src/browser/embed.rs). Everything is found relative to this file, so
// it works from another origin (which must send `Access-Control-Allow-Origin`).
// The wasm is fetched in parallel with the glue, not after it.
const wasm = fetch(new URL("pkg/summit_explainer_bg.wasm", import.meta.url));
wasm.catch(() => {}); // A failed fetch is reported once, below, by init.

const explainerPage = new URL("index.html", import.meta.url).href;

// If the glue or the wasm cannot be had (no CORS on the server, a blocked request, a CSP without
// 'wasm-unsafe-eval'), or is not the module this script was built with (a cache that kept an old copy of one
// file), the element still says so in its own box, and keeps the host's fallback content.
let api = null;
let failure = "";
let attributes = [];
try {
  const glue = await import("./pkg/summit_explainer.js");
  const missing = ["default", "observedAttributes", "mountElement"].filter((name) => typeof glue[name] !== "function");
  if (missing.length) throw new Error(`its module is not the one this embed.js was built with (no ${missing.join(", ")})`);
  await glue.default({ module_or_path: wasm });
  attributes = glue.observedAttributes();
  api = glue;
} catch (error) {
  failure = String(error?.message ?? error);
  console.error(`summit-explainer: the explainer could not load: ${failure}`);
}

/** What an element shows when the explainer could not load: a short notice, then its own fallback content. */
function showFailure(element) {
  if (element.shadowRoot) return;
  const shadow = element.attachShadow({ mode: "open" });
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(
    ":host{display:block}p{margin:0 0 .75em;padding:.75em 1em;border:1px solid currentColor;border-radius:8px}",
  );
  shadow.adoptedStyleSheets = [sheet];
  const notice = document.createElement("p");
  notice.setAttribute("role", "alert");
  notice.setAttribute("part", "error");
  notice.textContent = "The explainer could not load here.";
  shadow.append(notice, document.createElement("slot"));
}

class SummitExplainer extends HTMLElement {
  static get observedAttributes() {
    return attributes;
  }

  #handle = null;
  #scheduled = false;

  connectedCallback() {
    // A property a framework set before this module upgraded the element is an own property that hides the
    // prototype's: take it, and set it again through the option's setter.
    for (const property of properties) {
      if (Object.hasOwn(this, property)) {
        const value = this[property];
        delete this[property];
        this[property] = value;
      }
    }
    if (api) this.#schedule();
    else showFailure(this);
  }

  disconnectedCallback() {
    this.#unmount();
  }

  attributeChangedCallback() {
    if (api && this.isConnected) this.#schedule();
  }

  // No method shares a name with an option: React 19 sets a prop as a property wherever the element has one of
  // that name, and would replace an `open(id)` method with the `open` option's string.
  /** Opens a section, as `mount()`'s handle does. */
  openSection(id) {
    this.#live().openSection(id);
  }

  /** Closes a section. */
  closeSection(id) {
    this.#live().closeSection(id);
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
        this.#handle = api.mountElement(this, explainerPage);
        performance.mark("summit-explainer:interactive");
      } catch (error) {
        console.error(error);
        // The element shows its own errors in its box; one that failed before making it shows the notice.
        showFailure(this);
      }
    });
  }

  #unmount() {
    this.#handle?.unmount();
    this.#handle = null;
  }

  #live() {
    if (!this.#handle) {
      const why = failure ? ` (it could not load: ${failure})` : "";
      throw new Error(`summit-explainer: the element is not showing an explainer${why}`);
    }
    return this.#handle;
  }
}

// Every option is a property too, camel-cased (`heading-level` → `headingLevel`) and reflected to its
// attribute, so the attribute's parser (and its typed error) serves both: a list is written comma-separated,
// `null` or `undefined` removes the attribute.
const properties = attributes.map((name) => name.replace(/-(.)/g, (_, letter) => letter.toUpperCase()));
attributes.forEach((name, i) =>
  Object.defineProperty(SummitExplainer.prototype, properties[i], {
    get() {
      return this.getAttribute(name);
    },
    set(value) {
      if (value == null) this.removeAttribute(name);
      else this.setAttribute(name, [value].flat().join());
    },
  }),
);

if (!customElements.get("summit-explainer")) customElements.define("summit-explainer", SummitExplainer);
