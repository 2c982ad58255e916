// The development server's script (`cargo xtask serve --watch`), never in `dist/`: reloads the page when
// the content has been built again, and while the content cannot be built, shows its diagnostics over the
// last good page. It asks /__dev/status, which answers when the build changes (a long poll).
//
// Works under the site's strict Content Security Policy: no inline code or style (the overlay is styled
// through the CSSOM) and no string reaches an HTML sink (textContent only).

const built = Number(new URL(import.meta.url).searchParams.get("build"));
const OVERLAY = "summit-dev-overlay";

function overlay(diagnostics) {
  let box = document.getElementById(OVERLAY);
  if (diagnostics === null) {
    box?.remove();
    return;
  }
  if (!box) {
    box = document.createElement("section");
    box.id = OVERLAY;
    box.setAttribute("role", "alert");
    box.setAttribute("aria-label", "The content has errors");
    Object.assign(box.style, {
      position: "fixed",
      inset: "1rem",
      zIndex: "2147483647",
      overflow: "auto",
      padding: "1rem 1.25rem",
      background: "#1d1d1f",
      color: "#f5f5f7",
      border: "4px solid #d4351c",
      borderRadius: "8px",
      boxShadow: "0 8px 32px rgb(0 0 0 / 0.5)",
      font: "14px/1.45 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace",
    });
    const heading = document.createElement("h2");
    heading.textContent = "The content has errors: this is the last good build. Fix and save, and the page reloads.";
    Object.assign(heading.style, { margin: "0 0 0.75rem", font: "bold 16px/1.3 system-ui, sans-serif", color: "#ffb3a7" });
    const text = document.createElement("pre");
    Object.assign(text.style, { margin: "0", whiteSpace: "pre-wrap", font: "inherit" });
    box.append(heading, text);
    document.body.append(box);
  }
  box.querySelector("pre").textContent = diagnostics;
}

async function follow() {
  let since = built;
  for (;;) {
    let status;
    try {
      const response = await fetch(`/__dev/status?since=${since}`, { cache: "no-store" });
      status = await response.json();
    } catch {
      // The server is restarting or gone: try again in a moment.
      await new Promise((resolve) => setTimeout(resolve, 1000));
      continue;
    }
    if (status.error === null && status.version !== built) {
      location.reload();
      return;
    }
    overlay(status.error);
    since = status.version;
  }
}

follow();
