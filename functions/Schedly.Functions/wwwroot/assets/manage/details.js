// @ts-check
// The booking as it stands: time in the chosen zone, state, who, and the links that fit the state.
import { byId, el } from "../lib/dom.js";
import { bookingPageUrl, calendarUrl } from "../lib/endpoints.js";
import { formatRange } from "../lib/format.js";
import { showLocation } from "../lib/location.js";
import { showPolicy } from "../lib/policy.js";

/** Each status's badge text and style. */
const STATES = {
  confirmed: { label: "Confirmed", badge: "confirmed" },
  cancelled: { label: "Cancelled", badge: "cancelled" },
  pendingPayment: { label: "Awaiting payment", badge: "pending" },
  pendingApproval: { label: "Awaiting the host's answer", badge: "pending" },
  declined: { label: "Declined", badge: "cancelled" },
  expired: { label: "Expired", badge: "cancelled" },
};

/**
 * What a pending booking waits for, and until when, in the chosen zone.
 * @param {import("./context.js").ManagedBooking} booking
 * @param {string} zone
 */
function pendingNote(booking, zone) {
  if (!booking.expiresAt) return "";
  const until = new Intl.DateTimeFormat(undefined, { dateStyle: "full", timeStyle: "short", timeZone: zone }).format(new Date(booking.expiresAt));
  if (booking.status === "pendingPayment") return `The time is held for you until ${until}. Pay to confirm it; unpaid, it is released.`;
  if (booking.status === "pendingApproval") return `The host answers your request by ${until}; the time is held for you until then.`;
  return "";
}

/** @param {import("./context.js").ManageContext} ctx */
export function renderDetails(ctx) {
  const { booking } = ctx;
  if (!booking) return;
  const cancelled = booking.status === "cancelled" || booking.status === "declined" || booking.status === "expired";
  const pending = booking.status === "pendingPayment" || booking.status === "pendingApproval";
  byId("title").textContent = ctx.eventTitle ?? "Your booking";
  const state = byId("state");
  const shown = STATES[booking.status] ?? STATES.confirmed;
  state.textContent = shown.label;
  state.className = `badge ${shown.badge}`;
  const note = byId("pending-note");
  note.textContent = pending ? pendingNote(booking, ctx.zone) : "";
  note.hidden = !pending;
  const pay = byId("pay-link", HTMLAnchorElement);
  pay.hidden = !(booking.status === "pendingPayment" && booking.paymentUrl);
  pay.href = booking.paymentUrl ?? "#";
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
  byId("reschedule").hidden = cancelled || pending;
  byId("cancel-form").hidden = cancelled;
}
