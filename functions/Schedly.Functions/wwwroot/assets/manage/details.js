// @ts-check
// The booking as it stands: time in the chosen zone, state, who, and the links that fit the state.
import { byId, el } from "../lib/dom.js";
import { bookingPageUrl, calendarUrl } from "../lib/endpoints.js";
import { showLengthAndPrice, showState } from "../lib/booking-state.js";
import { formatRange } from "../lib/format.js";
import { t } from "../lib/i18n.js";
import { showLocation } from "../lib/location.js";
import { pendingNote } from "../lib/pending.js";
import { showPolicy } from "../lib/policy.js";
import { isCollective, rebookOwner } from "./owner.js";

/** @param {import("./context.js").ManageContext} ctx */
export function renderDetails(ctx) {
  const { booking } = ctx;
  if (!booking) return;
  const cancelled = booking.status === "cancelled" || booking.status === "declined" || booking.status === "expired";
  const pending = booking.status === "pendingPayment" || booking.status === "pendingApproval";
  byId("title").textContent = ctx.eventTitle ?? t("page.manage.heading");
  showState(byId("state"), booking.status);
  const note = byId("pending-note");
  note.textContent = pending ? pendingNote(booking, ctx.zone) : "";
  note.hidden = !pending;
  const pay = byId("pay-link", HTMLAnchorElement);
  pay.hidden = !(booking.status === "pendingPayment" && booking.paymentUrl);
  pay.href = booking.paymentUrl ?? "#";
  const time = byId("booking-time");
  time.replaceChildren(el("time", { dateTime: booking.start, text: formatRange(booking.start, booking.end, ctx.zone) }));
  time.classList.toggle("struck", cancelled);
  showLengthAndPrice(byId("booking-length"), booking);
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
  const bookAgain = bookingPageUrl(rebookOwner(booking), booking.eventType);
  rebook.href = bookAgain;
  rebook.hidden = !cancelled;
  byId("details").hidden = false;
  byId("reschedule").hidden = cancelled || pending;
  // A meeting with the whole team does not move: say how to change it instead of offering times.
  const collective = isCollective(booking);
  byId("team-move").hidden = !collective;
  byId("team-rebook-link", HTMLAnchorElement).href = bookAgain;
  if (collective) byId("show-picker").hidden = true;
  byId("cancel-form").hidden = cancelled;
}
