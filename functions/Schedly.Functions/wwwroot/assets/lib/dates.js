// @ts-check
// Local dates as "YYYY-MM-DD" strings: plain calendar arithmetic, no zone involved, except where a
// zone turns an instant into its local date.

/** @param {number} n */
const pad = (n) => String(n).padStart(2, "0");

/** @param {number} year @param {number} month 1–12 @param {number} day */
export const isoDate = (year, month, day) => `${year}-${pad(month)}-${pad(day)}`;

/** @param {string} date "YYYY-MM-DD" @returns {[number, number, number]} */
export function dateParts(date) {
  const [y, m, d] = date.split("-").map(Number);
  return [y, m, d];
}

/**
 * The local date of an instant in a zone.
 * @param {Date} instant
 * @param {string} zone
 */
export function localDateOf(instant, zone) {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" })
    .formatToParts(instant);
  /** @param {Intl.DateTimeFormatPartTypes} type */
  const get = (type) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}`;
}

/** Today's date in a zone. @param {string} zone */
export const todayIn = (zone) => localDateOf(new Date(), zone);

/** A date plus (or minus) whole days. @param {string} date @param {number} days */
export function addDays(date, days) {
  const [y, m, d] = dateParts(date);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Every date from start to end inclusive. @param {string} start @param {string} end */
export function datesBetween(start, end) {
  const dates = [];
  for (let d = start; d <= end; d = addDays(d, 1)) dates.push(d);
  return dates;
}

/** @param {number} year @param {number} month 1–12 */
export const daysInMonth = (year, month) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** Day of week of a date, Monday = 0 … Sunday = 6. @param {number} year @param {number} month @param {number} day */
export const weekdayMondayFirst = (year, month, day) => (new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7;

/** @param {number} year @param {number} month 1–12 @param {number} delta */
export function addMonths(year, month, delta) {
  const index = year * 12 + (month - 1) + delta;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}
