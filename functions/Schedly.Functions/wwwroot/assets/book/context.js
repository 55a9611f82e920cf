// @ts-check
// The booking page's one context object: where the visitor is, what they picked, and the page's
// status line. Every part of the page reads and updates this object, nothing else.
import { byId } from "../lib/dom.js";
import { hostOwner, teamOwner } from "../lib/endpoints.js";
import { prefers12Hours } from "../lib/format.js";
import { locale } from "../lib/i18n.js";
import { detectTimeZone } from "../lib/zones.js";

/** @typedef {import("../lib/endpoints.js").PublicEventType} EventType */
/**
 * What the page shows about whoever is booked: a host's profile, or a team's as the same shape (`members`: the
 * team's members; `assignment` on each event type: one of them, or all of them).
 * @typedef {import("../lib/endpoints.js").HostProfile & { members?: import("../lib/endpoints.js").TeamMember[], eventTypes: Array<EventType & { assignment?: "roundRobin" | "collective" }> }} HostProfile
 */
/** @typedef {import("../calendar.js").Slot} Slot */

/**
 * @typedef {object} BookingContext
 * @property {import("../lib/endpoints.js").Owner} owner the host, or the team, from the path
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
  // /book/{host}[/{eventType}] or /book/team/{team}[/{eventType}]
  const parts = location.pathname.split("/").filter(Boolean).map(decodeURIComponent);
  const team = parts[1] === "team" && parts.length > 2;
  const [slug, eventType] = team ? parts.slice(2) : parts.slice(1);
  return {
    owner: team ? teamOwner(slug) : hostOwner(slug ?? ""),
    eventType: eventType ?? null,
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
 * A team as the booking page shows it: the host profile's shape, the members' names beside.
 * @param {import("../lib/endpoints.js").TeamProfile} team
 * @returns {HostProfile}
 */
export function teamAsProfile(team) {
  return { slug: team.team, name: team.name, eventTypes: team.eventTypes, members: team.members, proofOfWork: team.proofOfWork };
}

/**
 * The host or team profile the server put in the page (null when it could not: an unknown host or team), so the page
 * starts without a round trip. `undefined` when the page has no such block.
 * @returns {HostProfile | null | undefined}
 */
export function embeddedProfile() {
  const node = document.getElementById("host-data");
  if (!node?.textContent) return undefined;
  try {
    const data = JSON.parse(node.textContent);
    return data && typeof data.team === "string" ? teamAsProfile(data) : data;
  } catch {
    return undefined;
  }
}
