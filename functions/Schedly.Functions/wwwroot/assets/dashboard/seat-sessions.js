// @ts-check
// A seated event type's sessions in the bookings list: seats that share event type, start and end are one session.

/** @param {import("./booking-item.js").HostBooking} b */
export const sessionKey = (b) => `${b.eventType}|${b.start}|${b.end}`;

/** Statuses whose seat is given back. */
const RELEASED = new Set(["cancelled", "declined", "expired"]);

/**
 * How many seats each session holds among the bookings read so far (a cancelled, declined or expired seat holds none).
 * @param {import("./booking-item.js").HostBooking[]} bookings
 * @returns {Map<string, number>}
 */
export function seatsTaken(bookings) {
  const taken = new Map();
  for (const b of bookings) {
    if (RELEASED.has(b.status ?? "confirmed")) continue;
    taken.set(sessionKey(b), (taken.get(sessionKey(b)) ?? 0) + 1);
  }
  return taken;
}
