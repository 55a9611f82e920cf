// @ts-check
// After a 201: what was booked, when (in the visitor's zone), the .ics link and the manage link.
import { byId, el, setStatus } from "../lib/dom.js";
import { calendarUrl, manageUrl } from "../lib/endpoints.js";
import { formatRange } from "../lib/format.js";
import { showLocation } from "../lib/location.js";
import { showPolicy } from "../lib/policy.js";
import { zoneLabel } from "../lib/zones.js";

/** @typedef {{ id: string, start: string, end: string, email: string, manageToken: string, location?: import("../lib/location.js").BookingLocation | null } & import("../lib/policy.js").PolicyFields} CreatedBooking */

/**
 * @param {import("./context.js").BookingContext} ctx
 * @param {CreatedBooking} booking
 */
export function showConfirmation(ctx, booking) {
  const { profile, type, zone } = ctx;
  if (!profile || !type) return;
  byId("booking").hidden = true;
  setStatus(ctx.status, "");
  byId("title").textContent = type.title;
  byId("confirmed-title").textContent = `${type.title} with ${profile.name}`;
  byId("confirmed-time").replaceChildren(el("time", { dateTime: booking.start, text: formatRange(booking.start, booking.end, zone) }));
  showLocation(byId("confirmed-location"), booking.location);
  showPolicy(byId("confirmed-policy"), booking, zone);
  byId("confirmed-zone").textContent = `Time zone: ${zoneLabel(zone)}`;
  byId("confirmed-email").textContent = `A confirmation goes to ${booking.email}.`;
  const ics = byId("ics-link", HTMLAnchorElement);
  ics.href = calendarUrl(booking.id, booking.manageToken);
  ics.setAttribute("download", "booking.ics");
  byId("manage-link", HTMLAnchorElement).href = manageUrl(booking.id, booking.manageToken);
  byId("confirmation").hidden = false;
  byId("confirmed-heading").focus();
}
