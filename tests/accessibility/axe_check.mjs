// axe-core on HTML pages in headless Chromium, at each width asked for, and the reflow check.
//
//   node axe_check.mjs [--chromium PATH] [--width N]... [--best-practice] [--tag TAG]... PAGE.html...
//
// Prints one JSON object: for each page and width, axe's violations (WCAG 2.0, 2.1 and 2.2, A and AA),
// the document's width against the viewport's, what sticks out past the viewport, and tables drawn over
// one another. Exits 0 when it could run, whatever it found (the test reads the JSON); 2 when it could not.
//
// The page's Content-Security-Policy forbids scripts, as it should: axe is injected through the
// automation API into a context that bypasses the policy, which no reader's browser does.

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];
// Chromium as Debian ships it, started with nothing that reaches the network or a profile of its own.
const ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

function parse(argv) {
  const options = { chromium: "/usr/bin/chromium", widths: [], pages: [], tags: [...TAGS] };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--chromium") options.chromium = argv[++i];
    else if (argv[i] === "--best-practice") options.tags.push("best-practice");
    else if (argv[i] === "--tag") options.tags.push(argv[++i]);
    else if (argv[i] === "--width") options.widths.push(Number(argv[++i]));
    else options.pages.push(argv[i]);
  }
  if (!options.widths.length) options.widths = [1280, 320];
  if (!options.pages.length || options.widths.some((w) => !(w > 0))) {
    console.error("usage: node axe_check.mjs [--chromium PATH] [--width N]... [--best-practice] [--tag TAG]... PAGE.html...");
    process.exit(2);
  }
  return options;
}

// Runs in the page: the document's width, the elements that stick out past the viewport (the
// outermost of each, not what is inside a box that scrolls), and tables that overlap on the screen.
function layout() {
  const viewport = document.documentElement.clientWidth;
  const name = (el) =>
    el.tagName.toLowerCase() + (el.id ? `#${el.id}` : "") + (el.className ? `.${String(el.className).trim().split(/\s+/).join(".")}` : "");
  const scrolls = (el) => {
    for (let up = el.parentElement; up; up = up.parentElement) {
      const overflow = getComputedStyle(up).overflowX;
      if (overflow === "auto" || overflow === "scroll" || overflow === "hidden") return true;
    }
    return false;
  };
  const wide = [];
  const inside = (el) => wide.some((outer) => outer.contains(el));
  for (const el of document.body.querySelectorAll("*")) {
    const box = el.getBoundingClientRect();
    if (box.width && box.right > viewport + 1 && !scrolls(el) && !inside(el)) wide.push(el);
  }
  // Tables a reader can see: not those folded away in a closed <details>.
  const tables = [...document.querySelectorAll("table")].filter(
    (t) => !t.parentElement.closest("table") && t.checkVisibility({ contentVisibilityAuto: true }),
  );
  const overlaps = [];
  const boxes = tables.map((t) => t.getBoundingClientRect());
  for (let a = 0; a < tables.length; a++) {
    for (let b = a + 1; b < tables.length; b++) {
      const p = boxes[a], q = boxes[b];
      if (p.width && q.width && p.left < q.right - 1 && q.left < p.right - 1 && p.top < q.bottom - 1 && q.top < p.bottom - 1) {
        overlaps.push([name(tables[a]), name(tables[b])]);
      }
    }
  }
  return {
    viewport,
    documentWidth: document.documentElement.scrollWidth,
    wide: wide.slice(0, 20).map((el) => ({ element: name(el), right: Math.round(el.getBoundingClientRect().right) })),
    overlaps: overlaps.slice(0, 20),
  };
}

async function check(browser, file, width, tags) {
  const context = await browser.newContext({ bypassCSP: true, viewport: { width, height: 900 }, javaScriptEnabled: true });
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(600_000);
    // Anything the page would fetch besides itself and its data: URIs is refused, and reported.
    const fetched = [];
    const url = pathToFileURL(resolve(file)).href;
    await page.route("**/*", (route) => {
      const asked = route.request().url();
      if (asked === url || asked.startsWith("data:")) return route.continue();
      fetched.push(asked);
      return route.abort();
    });
    await page.goto(url, { waitUntil: "load" });
    await page.addScriptTag({ content: AXE_SOURCE });
    const results = await page.evaluate(
      (tags) => window.axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations", "incomplete"] }),
      tags,
    );
    return {
      page: file,
      width,
      axe: results.testEngine.version,
      tags,
      // What axe could not decide by itself (text over a picture, say): for a person to look at.
      incomplete: results.incomplete.map((v) => ({
        id: v.id,
        count: v.nodes.length,
        nodes: v.nodes.slice(0, 3).map((n) => ({ target: n.target, summary: n.failureSummary })),
      })),
      violations: results.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        count: v.nodes.length,
        nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target, html: n.html.slice(0, 300), summary: n.failureSummary })),
      })),
      ...(await page.evaluate(layout)),
      fetched,
    };
  } finally {
    await context.close();
  }
}

const options = parse(process.argv.slice(2));
let browser;
try {
  browser = await chromium.launch({
    executablePath: options.chromium,
    headless: true,
    args: ARGS, // Playwright starts it with a fresh profile of its own, removed on close
  });
  const results = [];
  for (const file of options.pages) {
    for (const width of options.widths) results.push(await check(browser, file, width, options.tags));
  }
  process.stdout.write(JSON.stringify({ results }, null, 1) + "\n");
} catch (error) {
  console.error(`axe_check: ${error.stack || error}`);
  process.exitCode = 2;
} finally {
  if (browser) await browser.close();
}
