// @ts-check
// The booking as it stands: time in the chosen zone, state, who, and the links that fit the state.
import { byId, el } from "../lib/dom.js";
import { bookingPageUrl, calendarUrl } from "../lib/endpoints.js";
import { formatMoney, formatRange } from "../lib/format.js";
import { t, tp } from "../lib/i18n.js";
import { showLocation } from "../lib/location.js";
import { pendingNote } from "../lib/pending.js";
import { showPolicy } from "../lib/policy.js";

/** Each status's badge text and style. */
const STATES = {
  confirmed: { label: "page.manage.confirmed", badge: "confirmed" },
  cancelled: { label: "page.manage.cancelled", badge: "cancelled" },
  pendingPayment: { label: "page.manage.pendingPayment", badge: "pending" },
  pendingApproval: { label: "page.manage.pendingApproval", badge: "pending" },
  declined: { label: "page.manage.declined", badge: "cancelled" },
  expired: { label: "page.manage.expired", badge: "cancelled" },
};

/** @param {import("./context.js").ManageContext} ctx */
export function renderDetails(ctx) {
  const { booking } = ctx;
  if (!booking) return;
  const cancelled = booking.status === "cancelled" || booking.status === "declined" || booking.status === "expired";
  const pending = booking.status === "pendingPayment" || booking.status === "pendingApproval";
  byId("title").textContent = ctx.eventTitle ?? t("page.manage.heading");
  const state = byId("state");
  const shown = STATES[booking.status] ?? STATES.confirmed;
  state.textContent = t(shown.label);
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
  byId("reschedule").hidden = cancelled || pending;
  byId("cancel-form").hidden = cancelled;
}
