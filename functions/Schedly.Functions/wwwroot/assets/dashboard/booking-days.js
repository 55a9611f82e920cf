// @ts-check
// Groups bookings by their start's date in the host's zone, in the order the list shows them.
import { localDateOf } from "../lib/dates.js";

/**
 * @template {{ start: string }} T
 * @param {T[]} bookings @param {string} zone @param {boolean} newestFirst
 * @returns {Array<{ date: string, bookings: T[] }>}
 */
export function groupByDay(bookings, zone, newestFirst) {
  const sorted = [...bookings].sort((a, b) => (Date.parse(a.start) - Date.parse(b.start)) * (newestFirst ? -1 : 1));
  /** @type {Map<string, T[]>} */
  const days = new Map();
  for (const booking of sorted) {
    const date = localDateOf(new Date(booking.start), zone);
    const day = days.get(date);
    if (day) day.push(booking);
    else days.set(date, [booking]);
  }
  return [...days].map(([date, list]) => ({ date, bookings: list }));
}
