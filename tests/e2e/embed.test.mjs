// End-to-end tests of embedding, in headless Chromium: the README's three snippets pasted into a page on
// another origin, under hostile CSS, used the way a reader would; the iframe's height messages; axe-core
// inside the element; and the host page left as it was.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, afterMessages, axeViolations, recordProblems, screenshotPath, BASE_URL, SPACE } from "./browser.mjs";
import { serveHost, articlePage, MEASURE_UNDER_ROOT_SIZES, HOST_ROOT_SIZES } from "./host.mjs";

let browser;
let host;
before(async () => {
  browser = await launch();
  host = await serveHost(BASE_URL);
});
after(async () => {
  await browser?.close();
  await host?.close();
});

/** The host page, with every console problem and every height message recorded. */
async function openHost() {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  const page = await context.newPage();
  const problems = recordProblems(page);
  await page.addInitScript(() => {
    globalThis.heightMessages = [];
    addEventListener("message", (event) => globalThis.heightMessages.push({ origin: event.origin, data: event.data }));
  });
  await page.goto(host.url);
  await page.waitForFunction(() => {
    const element = document.querySelector("summit-explainer")?.shadowRoot?.querySelector("[data-se-enhanced]");
    const mounted = document.querySelector("[data-se-mount]")?.shadowRoot?.querySelector("[data-se-enhanced]");
    return element && mounted && globalThis.heightMessages.length >= 2;
  }, null, { timeout: 15000 });
  return { page, context, problems };
}

/** Facts about one embed's shadow root: which sections, which open, and computed styles inside. */
function inspect(page, hostSelector) {
  return page.evaluate((hostSelector) => {
    const shadow = document.querySelector(hostSelector).shadowRoot;
    const root = shadow.querySelector("[data-se-root]");
    const toggles = [...root.querySelectorAll("[data-se-toggle]")];
    const style = (selector) => getComputedStyle(root.querySelector(selector));
    return {
      sections: toggles.map((t) => t.dataset.seToggle),
      open: toggles.filter((t) => t.getAttribute("aria-expanded") === "true").map((t) => t.dataset.seToggle),
      headingTag: root.querySelector(".se-section-heading").tagName,
      rootDisplay: style(".se-sections").display,
      toggleFont: style(".se-toggle").fontFamily,
      toggleBackground: style(".se-toggle").backgroundColor,
      toggleTransform: style(".se-toggle").textTransform,
      closedPanelsHidden: [...root.querySelectorAll(".se-panel[hidden] .se-claim")].every((c) => !c.checkVisibility()),
      hostHeight: document.querySelector(hostSelector).getBoundingClientRect().height,
      parts: [...new Set([...root.querySelectorAll("[part]")].map((e) => e.getAttribute("part")))].sort(),
    };
  }, hostSelector);
}

/** The layout shift an article page suffers as the README's element arrives, with or without its reservation. */
async function articleShift(reserve) {
  const article = await serveHost(BASE_URL, (origin) => articlePage(origin, { reserve }));
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  const page = await context.newPage();
  const problems = recordProblems(page);
  await page.addInitScript(() => {
    globalThis.layoutShift = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (!entry.hadRecentInput) globalThis.layoutShift += entry.value;
    }).observe({ type: "layout-shift", buffered: true });
  });
  await page.goto(article.url);
  await page.waitForFunction(() => document.querySelector("summit-explainer")?.shadowRoot?.querySelector("[data-se-enhanced]"));
  // One of the two fixed waits left: a shift is the absence of stillness, which no event announces, so the
  // page is watched for half a second after the element has arrived.
  await page.waitForTimeout(500);
  const shift = await page.evaluate(() => globalThis.layoutShift);
  await context.close();
  await article.close();
  return { shift, problems };
}

test("the element's arrival shifts an article page by at most 0.01 when the host reserves its space", async (t) => {
  const without = await articleShift(false);
  const reserved = await articleShift(true);
  t.diagnostic(`host-page layout shift: ${without.shift.toFixed(3)} without the reservation, ${reserved.shift.toFixed(3)} with it`);
  assert.ok(without.shift > 0.05, `the test page does shift without the reservation (${without.shift})`);
  assert.ok(reserved.shift <= 0.01, `layout shift ${reserved.shift}`);
  assert.deepEqual([...without.problems, ...reserved.problems], []);
});

test("the embeds size themselves, whatever the host's root font size", async () => {
  const { page, context, problems } = await openHost();
  const sizes = await page.evaluate(MEASURE_UNDER_ROOT_SIZES, HOST_ROOT_SIZES);
  assert.equal(sizes.default[0].claim, "16px", "a claim is 16px in an embed");
  for (const size of HOST_ROOT_SIZES.slice(1)) assert.deepEqual(sizes[size], sizes.default, `under html { font-size: ${size} }`);
  assert.ok(sizes.default.every((s) => s.toggleHeight >= 44), "touch targets of at least 44px");
  assert.deepEqual(problems, []);
  await context.close();
});

test("when the wasm cannot be had, the element says so in its own box and keeps its fallback content", async () => {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  const page = await context.newPage();
  const problems = recordProblems(page);
  // As if the server sent no CORS header for the wasm, or a host's CSP blocked it.
  await page.route("**/summit_explainer_bg*.wasm", (route) => route.abort("accessdenied"));
  await page.goto(host.url);
  await page.waitForFunction(() => document.querySelector("summit-explainer").shadowRoot?.querySelector("[role=alert]"));
  const shown = await page.evaluate(() => {
    const element = document.querySelector("summit-explainer");
    const slot = element.shadowRoot.querySelector("slot");
    return {
      notice: element.shadowRoot.querySelector("[role=alert]").textContent,
      fallback: slot.assignedNodes().map((node) => node.textContent.trim()).filter(Boolean),
      visible: element.querySelector("a").checkVisibility(),
    };
  });
  // The README's element snippet carries a link to the complete explainer as its fallback content.
  assert.deepEqual(shown, {
    notice: "The explainer could not load here.",
    fallback: ["Read the explainer: Biden hosts Kishida, in the article’s own words"],
    visible: true,
  });
  assert.ok(problems.some((p) => p.includes("summit-explainer: the explainer could not load")), problems.join("\n"));
  assert.ok(!problems.some((p) => /Cannot read properties|is not defined/.test(p)), problems.join("\n"));
  await context.close();
});

test("an unknown attribute on the element is named in a console warning, not ignored silently", async () => {
  const { page, context, problems } = await openHost();
  await page.evaluate(() => {
    const element = document.createElement("summit-explainer");
    element.setAttribute("section", "space");
    element.setAttribute("headinglevel", "4");
    element.setAttribute("data-host", "mine");
    element.id = "typo";
    document.body.append(element);
  });
  await page.waitForFunction(() => document.getElementById("typo").shadowRoot?.querySelector("[data-se-enhanced]"));
  const options = "sections, open, theme, heading-level, overview, article, article-url, deep-links";
  assert.deepEqual(problems, [
    `console warning: summit-explainer: <summit-explainer> has an unknown attribute "section" (did you mean "sections"?), which is ignored; its options are ${options}`,
    `console warning: summit-explainer: <summit-explainer> has an unknown attribute "headinglevel" (did you mean "heading-level"?), which is ignored; its options are ${options}`,
  ]);
  await context.close();
});

// Every option, written as an attribute and set as a property (typed, as a framework passes a prop), each
// with whether the element renders: the two elements show the same markup. Two are refused with a typed
// error in the element's box: a heading level out of range, and an article URL while the article is shown.
const OPTION_CASES = [
  ["sections", "space,economic-friction", ["space", "economic-friction"], true],
  ["open", "space", ["space"], true],
  ["open", "all", "all", true],
  ["theme", "dark", "dark", true],
  ["heading-level", "3", 3, true],
  ["heading-level", "9", 9, false],
  ["overview", "false", false, true],
  ["article", "false", false, true],
  ["article-url", "https://explainer.example/", "https://explainer.example/", false],
  ["deep-links", "true", true, true],
];

test("each option set as a property gives the page its attribute gives", async () => {
  const { page, context, problems } = await openHost();
  const results = await page.evaluate(async (cases) => {
    const shown = (element) => element.shadowRoot?.querySelector("[data-se-enhanced], [role=alert]");
    const settle = (elements) =>
      new Promise((resolve) => {
        const poll = () => (elements.every(shown) ? resolve() : setTimeout(poll, 10));
        poll();
      });
    // Ids differ by instance (`se<n>-`) or, with deep links, by the element's own id.
    const markup = (element) =>
      element.shadowRoot.innerHTML.replace(/\bse\d+-/g, "se-").replaceAll(`${element.id}-`, "own-");
    const out = [];
    for (const [index, [name, text, value, renders]] of cases.entries()) {
      const byAttribute = document.createElement("summit-explainer");
      byAttribute.setAttribute(name, text);
      byAttribute.id = `by-attribute-${index}`;
      const byProperty = document.createElement("summit-explainer");
      byProperty.id = `by-property-${index}`;
      const property = name.replace(/-(.)/g, (_, c) => c.toUpperCase());
      byProperty[property] = value;
      document.body.append(byAttribute, byProperty);
      await settle([byAttribute, byProperty]);
      out.push({
        name,
        text,
        renders,
        reflected: byProperty.getAttribute(name),
        read: byProperty[property],
        same: markup(byAttribute) === markup(byProperty),
        rendered: Boolean(byProperty.shadowRoot.querySelector("[data-se-enhanced]")),
      });
      byProperty[property] = null;
      out.at(-1).removed = !byProperty.hasAttribute(name);
      byAttribute.remove();
      byProperty.remove();
    }
    return out;
  }, OPTION_CASES);
  for (const result of results) {
    const { name, text } = result;
    assert.equal(result.reflected, text, `${name}: the property reflects to the attribute`);
    assert.equal(result.read, text, `${name}: the property reads the attribute`);
    assert.ok(result.same, `${name}=${text}: the same markup either way`);
    assert.ok(result.removed, `${name}: null removes the attribute`);
    assert.equal(result.rendered, result.renders, `${name}=${text}: rendered, or refused in its box`);
  }
  // Each refusal is reported as the attribute's typed error, once per element, and nothing else is.
  assert.equal(problems.filter((p) => p.includes("heading-level")).length, 2, problems.join("\n"));
  assert.equal(problems.filter((p) => p.includes("article-url")).length, 2, problems.join("\n"));
  assert.equal(problems.length, 4, problems.join("\n"));
  await context.close();
});

test("a framework's props reach the element: open is an option, set before or after the upgrade", async () => {
  const { page, context } = await openHost();
  const facts = await page.evaluate(async () => {
    // Made in a document without a browsing context, the element is not upgraded until it is adopted into
    // this one: its props are own properties then, as when a framework renders before the module loads.
    const early = document.implementation.createHTMLDocument("").createElement("summit-explainer");
    early.sections = ["space", "economic-friction"];
    early.open = "space";
    // As React 19 does for `<summit-explainer open="space">`: `"open" in element` is true, so it sets it.
    const late = document.createElement("summit-explainer");
    const setAsProperty = "open" in late;
    late.open = "economic-friction";
    document.body.append(early, late);
    const ready = (e) => e.shadowRoot?.querySelector("[data-se-enhanced]");
    await new Promise((resolve) => {
      const poll = () => (ready(early) && ready(late) ? resolve() : setTimeout(poll, 10));
      poll();
    });
    const before = { early: early.openSections, late: late.openSections };
    late.open = "space";
    await new Promise((resolve) => {
      const poll = () => (late.openSections.includes("space") ? resolve() : setTimeout(poll, 10));
      poll();
    });
    late.closeSection("space");
    late.openSection("defense-integration");
    return {
      setAsProperty,
      before,
      earlyAttribute: early.getAttribute("open"),
      ownProperty: Object.hasOwn(early, "open"),
      methods: typeof late.openSection + " " + typeof late.closeSection,
      after: late.openSections,
    };
  });
  assert.deepEqual(facts, {
    setAsProperty: true,
    before: { early: ["space"], late: ["economic-friction"] },
    earlyAttribute: "space",
    ownProperty: false,
    methods: "function function",
    after: ["defense-integration"],
  });
  await context.close();
});

test("the element from the README works on another origin, untouched by the host's CSS", async () => {
  const { page, context, problems } = await openHost();
  const facts = await inspect(page, "summit-explainer");
  assert.deepEqual(facts.sections, ["space", "economic-friction"]);
  assert.deepEqual(facts.open, ["space"]);
  assert.equal(facts.headingTag, "H3");
  assert.equal(facts.rootDisplay, "block", "the host's `.se { display: none !important }` does not reach in");
  assert.doesNotMatch(facts.toggleFont, /Comic Sans/, "the host's `* { font-family … !important }` does not reach in");
  assert.equal(facts.toggleTransform, "none", "nor its text-transform");
  assert.ok(facts.closedPanelsHidden, "the host's `[hidden] { display: block !important }` does not open panels");
  assert.ok(facts.hostHeight > 300, `the element has its height (${facts.hostHeight}px)`);
  for (const part of ["header", "section", "toggle", "panel", "claim", "cite", "article", "quote"]) {
    assert.ok(facts.parts.includes(part), `a host can style ::part(${part}) (parts: ${facts.parts})`);
  }

  // The reader uses it: the header toggles, a citation marks its quote; the host hears both.
  await page.evaluate(() => {
    globalThis.hostEvents = [];
    for (const type of ["section-toggle", "quote-open"])
      document.addEventListener(type, (e) => globalThis.hostEvents.push({ type, target: e.target.tagName, detail: e.detail }));
  });
  const element = page.locator("summit-explainer");
  await element.locator('[data-se-toggle="economic-friction"]').click();
  await element.locator(`[id$="${SPACE.claim}"] .se-cite`).first().click();
  const marked = await page.evaluate(() => {
    const shadow = document.querySelector("summit-explainer").shadowRoot;
    return { current: shadow.querySelector("mark.se-current")?.id, focused: shadow.activeElement?.id, hash: location.hash };
  });
  assert.ok(marked.current?.endsWith(SPACE.quote), marked.current);
  assert.equal(marked.focused, marked.current);
  const events = await page.evaluate(() => globalThis.hostEvents);
  assert.deepEqual(events[0], { type: "section-toggle", target: "SUMMIT-EXPLAINER", detail: { id: "economic-friction", open: true } });
  assert.equal(events[1].type, "quote-open");
  assert.equal(events[1].detail.claim, SPACE.claim);
  assert.equal(marked.hash, "", "without deep-links the host's URL is left alone");

  // The host's own text keeps the host's style, and nothing of ours leaked out.
  const hostFont = await page.$eval(".host-paragraph", (p) => getComputedStyle(p).fontFamily);
  assert.match(hostFont, /Comic Sans/);
  assert.equal(await page.evaluate(() => document.adoptedStyleSheets.length), 0);

  // Changing attributes re-renders (once for several in one task); removing the element drops it cleanly.
  await page.evaluate(() => {
    const element = document.querySelector("summit-explainer");
    element.removeAttribute("open");
    element.setAttribute("sections", "alliance");
  });
  await page.waitForFunction(() => document.querySelector("summit-explainer").shadowRoot.querySelectorAll("[data-se-toggle]").length === 1);
  await page.evaluate(() => document.querySelector("summit-explainer").setAttribute("theme", "dark"));
  await page.waitForFunction(() => document.querySelector("summit-explainer").shadowRoot.querySelector('[data-se-theme="dark"]'));
  await page.locator("summit-explainer").screenshot({ path: screenshotPath("embed-element-dark") });
  await page.evaluate(() => document.querySelector("summit-explainer").setAttribute("open", "spcae"));
  const error = await page.waitForFunction(() => document.querySelector("summit-explainer").shadowRoot.querySelector("[role=alert]")?.textContent);
  assert.match(await error.jsonValue(), /unknown section "spcae" in open; expected one of/);
  problems.splice(problems.findIndex((p) => p.includes("spcae")), 1); // That error was asked for.
  await page.evaluate(() => document.querySelector("summit-explainer").removeAttribute("open"));
  await page.waitForFunction(() => document.querySelector("summit-explainer").shadowRoot.querySelector("[data-se-enhanced]"));
  // The module the element and api.js load (the same hashed URL, so the same wasm instance) counts the live
  // explainers.
  const live = (url) => page.evaluate(async (url) => (await import(url)).liveInstances(), url);
  const glue = `${host.distOrigin}/api.js`;
  assert.equal(await live(glue), 2, "the element and the mount() instance");
  await page.evaluate(() => document.querySelector("summit-explainer").remove());
  assert.equal(await live(glue), 1, "removing the element unmounted it");
  await page.screenshot({ path: screenshotPath("embed-host-page"), fullPage: true });
  assert.deepEqual(problems, []);
  await context.close();
});

test("mount() from the README renders, toggles and unmounts on another origin", async () => {
  const { page, context, problems } = await openHost();
  const facts = await inspect(page, "[data-se-mount]");
  assert.deepEqual(facts.sections, ["defense-integration", "missile-defense"]);
  assert.deepEqual(facts.open, []);
  assert.equal(facts.headingTag, "H3");
  assert.equal(facts.rootDisplay, "block");
  const logged = page.waitForEvent("console", (message) => message.type() === "log");
  await page.locator('#summit-defense [data-se-toggle="missile-defense"]').click();
  assert.deepEqual((await inspect(page, "[data-se-mount]")).open, ["missile-defense"]);
  // The snippet's own listener logged the event's detail: `{ id, open }`.
  const detail = await (await logged).args()[0].jsonValue();
  assert.deepEqual(detail, { id: "missile-defense", open: true });
  assert.deepEqual(problems, []);
  await context.close();
});

test("the iframe from the README reports its height, and frame-resize.js sizes it, under the host's strict CSP", async () => {
  const { page, context, problems } = await openHost();
  const messages = await page.evaluate(() => globalThis.heightMessages);
  const ours = messages.filter((m) => m.data?.type === "summit-explainer:resize");
  const amp = messages.filter((m) => m.data?.sentinel === "amp" && m.data?.type === "embed-size");
  assert.ok(ours.length >= 1 && amp.length >= 1, JSON.stringify(messages));
  assert.equal(ours[0].origin, host.distOrigin, "the frame's messages come from dist/'s origin");
  const frameHeight = () => page.$eval("iframe", (f) => f.getBoundingClientRect().height);
  // The frame reports again as its layout settles (here the hostile border comes off and its width changes).
  // Chromium defers a cross-origin frame's rendering, and so its ResizeObserver, while the frame is off
  // screen, so bring it into view, as a reader does; then read the last report once no new one has come
  // for 300 ms and the iframe carries it.
  await page.locator("iframe").scrollIntoViewIfNeeded();
  const settled = () =>
    page.evaluate(
      () =>
        new Promise((resolve) => {
          const reports = () => globalThis.heightMessages.filter((m) => m.data?.type === "summit-explainer:resize");
          let seen = -1;
          const check = () => {
            const now = reports();
            if (now.length === seen && document.querySelector("iframe").height == now.at(-1).data.height) {
              resolve(now.at(-1).data.height);
            } else {
              seen = now.length;
              setTimeout(check, 300);
            }
          };
          check();
        }),
    );
  const reported = await settled();
  const before = await frameHeight();
  assert.ok(Math.abs(before - reported) <= 1, `sized to the message (${before} vs ${reported})`);
  const inner = await page.frameLocator("iframe").locator("html").evaluate((html) => html.scrollHeight);
  assert.ok(Math.abs(inner - reported) <= 2, `the height is the frame's content height (${inner} vs ${reported})`);
  const frame = await page.$eval("iframe", (f) => ({ border: getComputedStyle(f).borderTopStyle, title: f.title }));
  assert.equal(frame.border, "none", "frame-resize.js takes off the default inset border");
  assert.ok(frame.title.length > 10, "the snippet gives the frame a title");

  // Closing its open section shrinks the content: a new message, a smaller iframe.
  await page.frameLocator("iframe").locator('[data-se-toggle="people-to-people"]').click();
  await page.waitForFunction((h) => Number(document.querySelector("iframe").height) < h - 100, before);
  const closed = await frameHeight();
  assert.ok(closed < before - 100);

  // A message from anywhere else (here the host's own origin, as any script or frame could send) is ignored.
  await page.evaluate(() => postMessage({ type: "summit-explainer:resize", height: 5 }, "*"));
  await afterMessages(page);
  assert.equal(await frameHeight(), closed, "a forged height from another origin changes nothing");
  assert.deepEqual(problems, []);
  await context.close();
});

test("the iframe shows a bad query's message in its own box", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(new URL("frame.html?sections=space&open=moon", BASE_URL).href);
  const alert = page.locator("[role=alert]");
  await alert.waitFor();
  assert.match(await alert.textContent(), /frame\.html: unknown section "moon" in open; expected one of .*"all"/);
  await context.close();
});

test("the iframe follows its own fragment", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(new URL(`frame.html?sections=space,alliance#${SPACE.claim}`, BASE_URL).href);
  await page.waitForFunction(() => document.querySelector(".se-claim.se-current"));
  assert.equal(await page.$eval(".se-claim.se-current", (c) => c.id), SPACE.claim);
  await context.close();
});

test("an element with deep-links follows and writes its own fragments only", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(new URL("embed-demo.html#summit-economic-friction", BASE_URL).href);
  await page.waitForFunction(() => document.querySelector("summit-explainer")?.shadowRoot?.querySelector("[data-se-enhanced]"));
  const open = () => page.evaluate(() => document.querySelector("summit-explainer").openSections);
  assert.deepEqual(await open(), ["space", "economic-friction"], "the fragment opened its section");
  await page.locator("summit-explainer").locator(`[id$="${SPACE.claim}"] .se-cite`).first().click();
  assert.equal(await page.evaluate(() => location.hash), `#summit-${SPACE.quote}`);
  await page.goBack();
  await page.waitForFunction(() => location.hash === "#summit-economic-friction");
  await context.close();
});

test("axe-core finds no violations inside the element, in light and dark", async () => {
  for (const scheme of ["light", "dark"]) {
    const context = await browser.newContext({ colorScheme: scheme });
    const page = await context.newPage();
    await page.goto(new URL("embed-demo.html", BASE_URL).href);
    await page.waitForFunction(() => document.querySelector("summit-explainer")?.shadowRoot?.querySelector("[data-se-enhanced]"));
    await page.evaluate(() => document.querySelector("summit-explainer").setAttribute("open", "all"));
    await page.waitForFunction(() =>
      [...document.querySelector("summit-explainer").shadowRoot.querySelectorAll("[data-se-toggle]")].every(
        (toggle) => toggle.getAttribute("aria-expanded") === "true",
      ),
    );
    // Only the element: the demo page's hostile styles are meant to be ugly.
    const violations = await axeViolations(page, "summit-explainer");
    assert.deepEqual(violations, [], scheme);
    await page.locator("summit-explainer").screenshot({ path: screenshotPath(`embed-element-${scheme}`) });
    await context.close();
  }
});
