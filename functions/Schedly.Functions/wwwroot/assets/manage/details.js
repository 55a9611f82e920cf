// @ts-check
// The booking as it stands: time in the chosen zone, state, who, and the links that fit the state.
import { byId, el } from "../lib/dom.js";
import { bookingPageUrl, calendarUrl } from "../lib/endpoints.js";
import { formatRange } from "../lib/format.js";
import { showLocation } from "../lib/location.js";
import { showPolicy } from "../lib/policy.js";

/** @param {import("./context.js").ManageContext} ctx */
export function renderDetails(ctx) {
  const { booking } = ctx;
  if (!booking) return;
  const cancelled = booking.status === "cancelled";
  byId("title").textContent = ctx.eventTitle ?? "Your booking";
  const state = byId("state");
  state.textContent = cancelled ? "Cancelled" : "Confirmed";
  state.className = `badge ${cancelled ? "cancelled" : "confirmed"}`;
  const time = byId("booking-time");
  time.replaceChildren(el("time", { dateTime: booking.start, text: formatRange(booking.start, booking.end, ctx.zone) }));
  time.classList.toggle("struck", cancelled);
  showLocation(byId("booking-location"), cancelled ? null : booking.location);
  showPolicy(byId("booking-policy"), cancelled ? {} : booking, ctx.zone);
  byId("booking-who").textContent = `${booking.name} · ${booking.email}`;
  const reason = byId("cancel-reason");
  reason.hidden = !(cancelled && booking.cancelReason);
  reason.textContent = booking.cancelReason ? `Reason: ${booking.cancelReason}` : "";
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
