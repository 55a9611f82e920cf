// @ts-check
// /book/{host}: the host's event types, each a link to its booking page.
import { byId, el, setStatus } from "../lib/dom.js";
import { bookingPageUrl } from "../lib/endpoints.js";
import { formatPrice } from "./price.js";

/**
 * @param {import("./context.js").BookingContext} ctx
 * @param {import("./context.js").HostProfile} profile
 * @param {boolean} [clearStatus]
 */
export function showEventTypes(ctx, profile, clearStatus = true) {
  document.title = `Book with ${profile.name} · Schedly`;
  byId("title").textContent = `Book with ${profile.name}`;
  if (clearStatus) setStatus(ctx.status, profile.eventTypes.length ? "" : "There is nothing to book right now.");
  byId("event-type-list").replaceChildren(...profile.eventTypes.map((type) => {
    const link = el("a", { href: bookingPageUrl(profile.slug, type.slug), class: "event-type" },
      el("strong", { text: type.title }),
      el("span", { class: "muted", text: [`${type.durationMinutes} min`, formatPrice(type.price)].filter(Boolean).join(" · ") }));
    if (type.description) link.append(el("span", { class: "description", text: type.description }));
    return el("li", {}, link);
  }));
  byId("event-types").hidden = false;
}
