// The development server's script (`cargo xtask serve --watch`), never in `dist/`: reloads the page when
// what it shows has been built again, and while the content cannot be built, shows its diagnostics over the
// last good page. It asks /__dev/status, which answers when the build changes (a long poll). The page
// follows each good build of the content (`follows=page`); the frame and the embed demo follow the builds
// of the embeds' module (`follows=embeds`), which come after, and meanwhile say that they are behind.
//
// Works under the site's strict Content Security Policy: no inline code or style (the overlay is styled
// through the CSSOM) and no string reaches an HTML sink (textContent only).

const params = new URL(import.meta.url).searchParams;
const built = Number(params.get("build"));
const follows = params.get("follows") === "embeds" ? "embeds" : "page";
const OVERLAY = "summit-dev-overlay";
const BEHIND = "summit-dev-behind";

/** On the embeds' pages: a line saying their module is being built for the last save, or none. */
function behind(shown) {
  let line = document.getElementById(BEHIND);
  if (!shown) {
    line?.remove();
    return;
  }
  if (line) return;
  line = document.createElement("p");
  line.id = BEHIND;
  line.setAttribute("role", "status");
  line.textContent = "Showing the content before your last save: the embeds' module is being built for it, and this page reloads when it is done.";
  Object.assign(line.style, {
    position: "fixed",
    insetInline: "1rem",
    bottom: "1rem",
    zIndex: "2147483646",
    margin: "0",
    padding: "0.5rem 0.75rem",
    background: "#1d1d1f",
    color: "#f5f5f7",
    borderRadius: "6px",
    font: "14px/1.4 system-ui, sans-serif",
  });
  document.body.append(line);
}

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
    if (status.error === null && status[follows] > built) {
      location.reload();
      return;
    }
    overlay(status.error);
    behind(follows === "embeds" && status.error === null && status.embedsBehind);
    since = status.version;
  }
}

follow();
