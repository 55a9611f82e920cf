// @ts-check
// /book/{host}: the host's event types, each a link to its booking page.
import { byId, el, setStatus } from "../lib/dom.js";
import { bookingPageUrl } from "../lib/endpoints.js";
import { t, tp } from "../lib/i18n.js";
import { formatPrice } from "./price.js";

/**
 * @param {import("./context.js").BookingContext} ctx
 * @param {import("./context.js").HostProfile} profile
 * @param {boolean} [clearStatus]
 */
export function showEventTypes(ctx, profile, clearStatus = true) {
  document.title = t("page.book.hostDocumentTitle", { host: profile.name });
  byId("title").textContent = t("page.book.hostHeading", { host: profile.name });
  if (clearStatus) setStatus(ctx.status, profile.eventTypes.length ? "" : t("page.book.nothingToBook"));
  byId("event-type-list").replaceChildren(...profile.eventTypes.map((type) => {
    const link = el("a", { href: bookingPageUrl(ctx.owner, type.slug), class: "event-type" },
      el("strong", { text: type.title }),
      el("span", { class: "muted", text: [tp("page.minutes", type.durationMinutes), formatPrice(type.price)].filter(Boolean).join(" · ") }));
    if (type.description) link.append(el("span", { class: "description", dir: "auto", text: type.description }));
    return el("li", {}, link);
  }));
  byId("event-types").hidden = false;
}
