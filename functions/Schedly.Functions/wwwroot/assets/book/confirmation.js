// @ts-check
// After a 201 (or a refresh of its address): what was booked, when (in the visitor's zone), add-to-calendar links
// (Google, Outlook and the .ics) and the manage link.
import { byId, el, setStatus } from "../lib/dom.js";
import { calendarUrl, manageUrl } from "../lib/endpoints.js";
import { formatRange } from "../lib/format.js";
import { t } from "../lib/i18n.js";
import { showLocation } from "../lib/location.js";
import { showPolicy } from "../lib/policy.js";
import { zoneLabel } from "../lib/zones.js";
import { googleCalendarUrl, outlookCalendarUrl } from "./calendar-links.js";
import { bookedWith } from "./host-profile.js";
import { showConfirmedStep } from "./steps.js";
import { embedParams, emit } from "../lib/embed-events.js";
import { rememberPaymentReturn } from "../lib/payment-return.js";
import { pendingNote } from "../lib/pending.js";

/** @typedef {{ id: string, start: string, end: string, email: string, hosts?: string[], manageToken: string, status?: string, paymentUrl?: string | null, expiresAt?: string | null, location?: import("../lib/location.js").BookingLocation | null } & import("../lib/policy.js").PolicyFields} CreatedBooking */

/**
 * A booking that waits (payment or the host's answer): says so, offers the pay link, and holds back the
 * add-to-calendar links until it is confirmed.
 * @param {CreatedBooking} booking
 * @param {string} zone
 * @param {string} manageHref
 */
function showPending(booking, zone, manageHref) {
  const waitsForPayment = booking.status === "pendingPayment";
  const pending = waitsForPayment || booking.status === "pendingApproval";
  if (pending) byId("confirmed-heading").textContent = t(waitsForPayment ? "page.book.payToConfirm" : "page.book.requestSent");
  const note = byId("confirmed-pending");
  note.textContent = pendingNote(booking, zone);
  note.hidden = note.textContent === "";
  const pay = byId("pay-link", HTMLAnchorElement);
  byId("pay-row").hidden = !(waitsForPayment && booking.paymentUrl);
  pay.href = booking.paymentUrl ?? "#";
  if (waitsForPayment) rememberPaymentReturn(manageHref);
  byId("calendar-label").hidden = pending;
  byId("calendar-links").hidden = pending;
}

/**
 * @param {import("./context.js").BookingContext} ctx
 * @param {CreatedBooking & { durationMinutes?: number }} booking
 * @param {boolean} [justBooked] false when the address showed it again (a refresh): no `booked` event then
 */
export function showConfirmation(ctx, booking, justBooked = false) {
  const { profile, type, zone } = ctx;
  if (!profile || !type) return;
  showConfirmedStep(booking.id, booking.manageToken);
  byId("booking").hidden = true;
  setStatus(ctx.status, "");
  byId("title").textContent = type.title;
  const summary = t("page.book.titleWithHost", { title: type.title, host: bookedWith(profile, booking.hosts) });
  byId("confirmed-title").textContent = summary;
  byId("confirmed-time").replaceChildren(el("time", { dateTime: booking.start, text: formatRange(booking.start, booking.end, zone, ctx.hourCycle) }));
  showLocation(byId("confirmed-location"), booking.location);
  showPolicy(byId("confirmed-policy"), booking, zone);
  byId("confirmed-zone").textContent = t("page.book.zoneShown", { zone: zoneLabel(zone) });
  byId("confirmed-email").textContent = t("page.book.confirmationTo", { email: booking.email });
  const entry = { title: summary, start: booking.start, end: booking.end, location: booking.location?.url ?? booking.location?.display ?? "" };
  byId("google-link", HTMLAnchorElement).href = googleCalendarUrl(entry);
  byId("outlook-link", HTMLAnchorElement).href = outlookCalendarUrl(entry);
  const ics = byId("ics-link", HTMLAnchorElement);
  ics.href = calendarUrl(booking.id, booking.manageToken);
  ics.setAttribute("download", "booking.ics");
  const manageHref = manageUrl(booking.id, booking.manageToken, ctx.locale, embedParams(profile.slug));
  byId("manage-link", HTMLAnchorElement).href = manageHref;
  byId("confirmed-heading").textContent = t("page.book.confirmed");
  showPending(booking, zone, new URL(manageHref, location.href).href);
  byId("confirmation").hidden = false;
  byId("confirmed-heading").focus();
  if (justBooked) {
    emit("booked", { host: profile.slug, eventType: type.slug, start: booking.start, end: booking.end, durationMinutes: booking.durationMinutes ?? ctx.durationMinutes ?? type.durationMinutes });
  }
}
