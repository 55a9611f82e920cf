// @ts-check
// The booking page's one context object: where the visitor is, what they picked, and the page's
// status line. Every part of the page reads and updates this object, nothing else.
import { byId } from "../lib/dom.js";
import { prefers12Hours } from "../lib/format.js";
import { locale } from "../lib/i18n.js";
import { detectTimeZone } from "../lib/zones.js";

/** @typedef {import("../lib/endpoints.js").PublicEventType} EventType */
/** @typedef {import("../lib/endpoints.js").HostProfile} HostProfile */
/** @typedef {import("../calendar.js").Slot} Slot */

/**
 * @typedef {object} BookingContext
 * @property {string} host the host slug from the path
 * @property {string | null} eventType the event type slug from the path, if any
 * @property {string} locale the page's language (sent with the booking, so later emails use it)
 * @property {HostProfile | null} profile
 * @property {EventType | null} type the event type being booked
 * @property {string} zone the zone times are shown in
 * @property {import("../lib/format.js").HourCycle} hourCycle 12 or 24 hours as the visitor chose (undefined: the locale's)
 * @property {Slot | null} chosen the slot picked
 * @property {number | null} durationMinutes the length chosen (null: the event type's default)
 * @property {string | null} pendingKey the idempotency key of the booking being sent (kept for a retry after a network error)
 * @property {HTMLElement} status the page's status line
 */

/** @returns {BookingContext} */
export function createBookingContext() {
  const parts = location.pathname.split("/").filter(Boolean).map(decodeURIComponent);
  return {
    host: parts[1] ?? "",
    eventType: parts[2] ?? null,
    locale,
    profile: null,
    type: null,
    zone: detectTimeZone(),
    hourCycle: prefers12Hours() ? "h12" : "h23",
    chosen: null,
    durationMinutes: null,
    pendingKey: null,
    status: byId("page-status"),
  };
}

/**
 * The host profile the server put in the page (null when it could not: an unknown host), so the page starts without a
 * round trip. `undefined` when the page has no such block.
 * @returns {HostProfile | null | undefined}
 */
export function embeddedProfile() {
  const node = document.getElementById("host-data");
  if (!node?.textContent) return undefined;
  try {
    return JSON.parse(node.textContent);
  } catch {
    return undefined;
  }
}
