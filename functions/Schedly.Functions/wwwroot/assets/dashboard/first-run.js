// @ts-check
// "Get started": the first-run checklist (weekly hours, a first event type, sharing the link) with the booking-page
// address and the embed snippet of each active event type, copy buttons and a preview link. It follows every change
// the other sections draw (CONFIG_CHANGED), so a step is ticked the moment it is saved.
import { byId, el, setStatus } from "../lib/dom.js";
import { CONFIG_CHANGED } from "./context.js";
import { bookingPageAddress, embedSnippet } from "./share-links.js";

/**
 * A checklist step: ticked or not, with where to do it.
 * @param {string} text @param {boolean} done @param {string} href
 */
const step = (text, done, href) =>
  el("li", { class: done ? "step done" : "step", dataset: { done: String(done) } },
    el("span", { class: "step-mark", "aria-hidden": "true", text: done ? "✓" : "○" }),
    el("a", { href, text }),
    el("span", { class: "visually-hidden", text: done ? " (done)" : " (to do)" }));

/**
 * A read-only field with a copy button; the status line says when it is copied.
 * @param {string} label @param {string} value @param {string} id
 */
function copyField(label, value, id) {
  const input = el("input", { id, type: "text", readOnly: true, value, class: "copy-value", spellcheck: "false" });
  const button = el("button", { type: "button", class: "secondary", text: "Copy", "aria-label": `Copy ${label.toLowerCase()}` });
  button.addEventListener("click", async () => {
    const status = byId("first-run-status");
    try {
      await navigator.clipboard.writeText(value);
      setStatus(status, `${label} copied.`);
    } catch {
      input.select();
      setStatus(status, "Copying is blocked here: the text is selected, copy it with your keyboard.", true);
    }
  });
  return el("div", { class: "field copy-field" }, el("label", { for: id, text: label }), el("div", { class: "copy-row" }, input, button));
}

/** @param {import("./context.js").DashboardContext} ctx */
function render(ctx) {
  const config = ctx.config;
  if (!config) return;
  const hasHours = Object.values(config.availability?.weekly ?? {}).some((day) => day.length > 0);
  const active = Object.entries(config.eventTypes ?? {}).filter(([, type]) => type.active !== false);
  byId("first-run-steps").replaceChildren(
    step("Set your weekly hours", hasHours, "#hours-heading"),
    step("Create your first event type", active.length > 0, "#types-heading"),
    step("Share your booking link", active.length > 0 && hasHours, "#share-heading"));
  byId("first-run-heading").textContent = hasHours && active.length > 0 ? "Your booking links" : "Get started";
  byId("share").replaceChildren(...(active.length === 0
    ? [el("p", { class: "muted small", text: "Your links appear here once an event type is active." })]
    : active.map(([slug, type]) => el("section", { class: "share-item", "aria-label": type.title ?? slug },
      el("h4", { text: type.title ?? slug }),
      copyField("Booking page link", bookingPageAddress(ctx.host, slug), `share-link-${slug}`),
      copyField("Embed code", embedSnippet(location.origin, ctx.host, slug), `share-embed-${slug}`),
      el("p", {}, el("a", { href: bookingPageAddress(ctx.host, slug), target: "_blank", rel: "noopener", text: `Preview ${type.title ?? slug}` }))))));
}

/** @param {import("./context.js").DashboardContext} ctx */
export function setUpFirstRun(ctx) {
  document.addEventListener(CONFIG_CHANGED, () => render(ctx));
}
