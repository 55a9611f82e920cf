// @ts-check
// Dates, times and money for people, through Intl in the visitor's locale.

/** "14:00" in the zone. @param {string} iso @param {string} zone */
export function formatTime(iso, zone) {
  return new Intl.DateTimeFormat(undefined, { timeZone: zone, hour: "2-digit", minute: "2-digit" }).format(new Date(iso));
}

/** "Monday 1 December 2026" in the zone. @param {string} iso @param {string} zone */
export function formatDateLong(iso, zone) {
  return new Intl.DateTimeFormat(undefined, { timeZone: zone, weekday: "long", year: "numeric", month: "long", day: "numeric" })
    .format(new Date(iso));
}

/** "Monday 1 December 2026, 14:00 – 14:30" in the zone. @param {string} startIso @param {string} endIso @param {string} zone */
export function formatRange(startIso, endIso, zone) {
  return `${formatDateLong(startIso, zone)}, ${formatTime(startIso, zone)} – ${formatTime(endIso, zone)}`;
}

/** A local date ("YYYY-MM-DD") for people, e.g. "Friday 28 November". @param {string} date */
export function formatLocalDate(date) {
  const [y, m, d] = date.split("-").map(Number);
  return new Intl.DateTimeFormat(undefined, { timeZone: "UTC", weekday: "long", month: "long", day: "numeric" })
    .format(new Date(Date.UTC(y, m - 1, d)));
}

/** "December 2026". @param {number} year @param {number} month 1–12 */
export function formatMonth(year, month) {
  return new Intl.DateTimeFormat(undefined, { timeZone: "UTC", month: "long", year: "numeric" })
    .format(new Date(Date.UTC(year, month - 1, 1)));
}

/** Short weekday names, Monday first. */
export function weekdayNames() {
  const format = new Intl.DateTimeFormat(undefined, { timeZone: "UTC", weekday: "short" });
  // 2024-01-01 was a Monday.
  return Array.from({ length: 7 }, (_, i) => format.format(new Date(Date.UTC(2024, 0, 1 + i))));
}

/** "€50.00", or "50.00 XYZ" when Intl does not know the currency. @param {string | number} amount @param {string} currency */
export function formatMoney(amount, currency) {
  try {
    return new Intl.NumberFormat(undefined, { style: "currency", currency }).format(Number(amount));
  } catch {
    return `${amount} ${currency}`;
  }
}

/** "3 days" / "1 day". @param {number} count @param {string} noun singular */
export const plural = (count, noun) => `${count} ${noun}${count === 1 ? "" : "s"}`;
