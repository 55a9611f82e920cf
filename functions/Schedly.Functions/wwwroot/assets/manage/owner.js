// @ts-check
// Whose booking this is: a host's, or a team's. A team booking names its member (round-robin) or every member
// (collective), moves within its own member's times (round-robin) or not at all (collective), and is booked again on
// the team's page.
import { nameList } from "../lib/names.js";
import { hostOwner, publicApi, teamOwner } from "../lib/endpoints.js";

/** @typedef {import("./context.js").ManagedBooking} ManagedBooking */

/** A meeting with every member of a team: cancelled as a whole, never moved. @param {ManagedBooking} booking */
export const isCollective = (booking) => booking.teamAssignment === "collective";

/** Where the client books this again: the team's page for a team booking. @param {ManagedBooking} booking */
export const rebookOwner = (booking) => (booking.team ? teamOwner(booking.team) : hostOwner(booking.host));

/**
 * Whose times the booking may move to: the host's, or under the team's event type only its own member's (a
 * round-robin booking keeps its member).
 * @param {ManagedBooking} booking @returns {import("../lib/endpoints.js").Owner}
 */
export const moveOwner = (booking) => (booking.team ? { ...teamOwner(booking.team), member: booking.host } : hostOwner(booking.host));

/**
 * The event type's title and whom the meeting is with ("Ada Lovelace"; "Ada, Grace, and Linus" for a collective
 * booking, in alphabetical order), from the host's or the team's public page.
 * @param {ManagedBooking} booking @returns {Promise<{ title: string | null, withWhom: string }>}
 */
export async function describeOwner(booking) {
  if (!booking.team) {
    /** @type {import("../lib/endpoints.js").HostProfile} */
    const profile = await publicApi.host(booking.host);
    return { title: profile.eventTypes.find((type) => type.slug === booking.eventType)?.title ?? null, withWhom: profile.name };
  }
  /** @type {import("../lib/endpoints.js").TeamProfile} */
  const team = await publicApi.team(booking.team);
  const names = new Map(team.members.map((member) => [member.host, member.name]));
  const hosts = booking.hosts?.length ? booking.hosts : [booking.host];
  return {
    title: team.eventTypes.find((type) => type.slug === booking.eventType)?.title ?? null,
    withWhom: nameList(hosts.map((host) => names.get(host) ?? host).sort((a, b) => a.localeCompare(b))),
  };
}
