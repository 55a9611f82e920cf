// @ts-check
// What each filter of the bookings list asks the server for (host-local dates, statuses) and how it pages: upcoming,
// cancelled and pending page forward with the server's continuation token; past reads 30-day windows backwards.
import { addDays } from "../lib/dates.js";

/** @typedef {"upcoming" | "past" | "cancelled" | "pending"} BookingFilter */
/** @typedef {{ start: string, end: string, status: string, email: string, pageSize: number }} BookingQuery */

export const PAGE_SIZE = 20;
/** The server's longest range is 366 days (both ends inclusive). */
const YEAR = 365;
const PAST_WINDOW_DAYS = 30;
const PAST_PAGE_SIZE = 200;

export const FILTERS = /** @type {const} */ (["upcoming", "past", "cancelled", "pending"]);

/** @type {Record<BookingFilter, string>} */
export const FILTER_LABELS = { upcoming: "Upcoming", past: "Past", cancelled: "Cancelled", pending: "Pending" };

/** @type {Record<BookingFilter, string>} */
const STATUSES = {
  upcoming: "confirmed,pendingApproval,pendingPayment",
  past: "",
  cancelled: "cancelled,declined,expired",
  pending: "pendingApproval,pendingPayment",
};

/** @param {string} value @returns {value is BookingFilter} */
export const isFilter = (value) => /** @type {readonly string[]} */ (FILTERS).includes(value);

/** True when the filter lists the newest day first (and pages backwards in time). @param {BookingFilter} filter */
export const newestFirst = (filter) => filter === "past";

/**
 * The first query of a filter, as of the host-local date `today`.
 * @param {BookingFilter} filter @param {string} today @param {string} email
 * @returns {BookingQuery}
 */
export function firstQuery(filter, today, email) {
  const status = STATUSES[filter];
  switch (filter) {
    case "past":
      return { start: addDays(today, -(PAST_WINDOW_DAYS - 1)), end: today, status, email, pageSize: PAST_PAGE_SIZE };
    case "cancelled":
      return { start: addDays(today, -PAST_WINDOW_DAYS), end: addDays(today, YEAR - PAST_WINDOW_DAYS), status, email, pageSize: PAGE_SIZE };
    default:
      return { start: today, end: addDays(today, YEAR), status, email, pageSize: PAGE_SIZE };
  }
}

/**
 * The next window of the past filter: the 30 days before `query`.
 * @param {BookingQuery} query @returns {BookingQuery}
 */
export const earlierWindow = (query) => ({ ...query, start: addDays(query.start, -PAST_WINDOW_DAYS), end: addDays(query.start, -1) });
