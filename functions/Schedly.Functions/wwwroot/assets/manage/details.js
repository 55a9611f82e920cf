// @ts-check
// The booking as it stands: time in the chosen zone, state, who, and the links that fit the state.
import { byId, el } from "../lib/dom.js";
import { bookingPageUrl, calendarUrl } from "../lib/endpoints.js";
import { formatMoney, formatRange } from "../lib/format.js";
import { t, tp } from "../lib/i18n.js";
import { showLocation } from "../lib/location.js";
import { showPolicy } from "../lib/policy.js";

/** @param {import("./context.js").ManageContext} ctx */
export function renderDetails(ctx) {
  const { booking } = ctx;
  if (!booking) return;
  const cancelled = booking.status === "cancelled";
  byId("title").textContent = ctx.eventTitle ?? t("page.manage.heading");
  const state = byId("state");
  state.textContent = cancelled ? t("page.manage.cancelled") : t("page.manage.confirmed");
  state.className = `badge ${cancelled ? "cancelled" : "confirmed"}`;
  const time = byId("booking-time");
  time.replaceChildren(el("time", { dateTime: booking.start, text: formatRange(booking.start, booking.end, ctx.zone) }));
  time.classList.toggle("struck", cancelled);
  const length = byId("booking-length");
  const facts = [
    booking.durationMinutes ? t("page.manage.length", { length: tp("page.minutes", booking.durationMinutes) }) : "",
    booking.price ? t("page.manage.price", { price: formatMoney(booking.price.amount, booking.price.currency) }) : "",
  ].filter(Boolean);
  length.textContent = facts.join(" · ");
  length.hidden = facts.length === 0;
  const notes = byId("booking-notes");
  notes.textContent = booking.notes ? t("page.manage.notes", { notes: booking.notes }) : "";
  notes.hidden = !booking.notes;
  showLocation(byId("booking-location"), cancelled ? null : booking.location);
  showPolicy(byId("booking-policy"), cancelled ? {} : booking, ctx.zone);
  byId("booking-who").textContent = `${booking.name} · ${booking.email}`;
  const reason = byId("cancel-reason");
  reason.hidden = !(cancelled && booking.cancelReason);
  reason.textContent = booking.cancelReason ? t("page.manage.reasonShown", { reason: booking.cancelReason }) : "";
  const ics = byId("ics-link", HTMLAnchorElement);
  ics.href = calendarUrl(booking.id, ctx.token);
  ics.hidden = cancelled;
  const rebook = byId("rebook-link", HTMLAnchorElement);
  rebook.href = bookingPageUrl(booking.host, booking.eventType);
  rebook.hidden = !cancelled;
  byId("details").hidden = false;
  byId("reschedule").hidden = cancelled;
  byId("cancel-form").hidden = cancelled;
}
