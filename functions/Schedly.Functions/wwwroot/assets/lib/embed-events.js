// @ts-check
// When /embed.js frames a page on a site the host allows, the server names that site in
// <html data-embed-origin="…">. The page then tells it what happens, in versioned messages with no personal data
// (times, slugs, lengths; never names, emails, ids or tokens), sent to that exact origin only, and its height so the
// frame fits its content. A page not framed, or framed by another origin, sends nothing.

const origin = document.documentElement.dataset.embedOrigin ?? "";

/** True when the page is framed by the site the server allowed (checked against the real parent when the browser says). */
export const embedded = (() => {
  if (!origin || window.parent === window) return false;
  const ancestors = location.ancestorOrigins;
  return !ancestors || ancestors.length === 0 || ancestors[0] === origin;
})();

/**
 * @param {"loaded" | "timeSelected" | "booked" | "rescheduled" | "cancelled" | "resize" | "close"} type
 * @param {Record<string, string | number | null>} [data]
 */
export function emit(type, data = {}) {
  if (!embedded) return;
  window.parent.postMessage({ source: "schedly", version: 1, type, data }, origin);
}

/**
 * Reports the page's height whenever it changes, marks the page as embedded (a tighter layout), and passes an Escape
 * nobody on the page used up to the embedding site (a popup closes on it).
 */
export function followHeight() {
  if (!embedded) return;
  document.documentElement.classList.add("embedded");
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && !event.defaultPrevented) emit("close");
  });
  const report = () => emit("resize", { height: document.documentElement.scrollHeight });
  new ResizeObserver(report).observe(document.body);
  report();
}

/**
 * Query parameters that keep a page framed: the manage page is framed only when it knows the host (whose allow-list
 * applies) and the embedding origin. Empty when not embedded. @param {string} host
 * @returns {Record<string, string>}
 */
export const embedParams = (host) => (embedded ? { host, embedOrigin: origin } : {});
