// @ts-check
// Dates, times and money for people, through Intl. The words are the page's language; the conventions (12 or 24 hours,
// the first day of the week, date order) are the visitor's own variant of it when the browser has one (a British
// visitor of an English page gets 24 hours and Monday first, an American one 12 hours and Sunday), else the language's.
import { locale } from "./i18n.js";

/** @typedef {"h12" | "h23" | undefined} HourCycle undefined: the locale's own */

/** The browser's variant of the page's language (en-GB for an English page), or the page's language. */
export const formatLocale = (() => {
  const language = (/** @type {string} */ tag) => tag.split("-")[0].toLowerCase();
  const own = (navigator.languages ?? [navigator.language]).find((tag) => tag && language(tag) === language(locale));
  try {
    return own ? Intl.getCanonicalLocales(own)[0] : locale;
  } catch {
    return locale;
  }
})();

/** Whether the visitor's locale shows 12-hour times by default (read once). */
const TWELVE_HOURS = ["h12", "h11"].includes(new Intl.DateTimeFormat(formatLocale, { hour: "numeric" }).resolvedOptions().hourCycle ?? "");

/** Whether the visitor's locale shows 12-hour times by default. */
export const prefers12Hours = () => TWELVE_HOURS;

/** "14:00" or "2:00 PM" in the zone. @param {string} iso @param {string} zone @param {HourCycle} [hourCycle] */
export function formatTime(iso, zone, hourCycle) {
  const cycle = hourCycle ?? (TWELVE_HOURS ? "h12" : "h23");
  return new Intl.DateTimeFormat(formatLocale, { timeZone: zone, hour: cycle === "h12" ? "numeric" : "2-digit", minute: "2-digit", hourCycle: cycle })
    .format(new Date(iso));
}

/** "Monday 1 December 2026" in the zone. @param {string} iso @param {string} zone */
export function formatDateLong(iso, zone) {
  return new Intl.DateTimeFormat(formatLocale, { timeZone: zone, weekday: "long", year: "numeric", month: "long", day: "numeric" })
    .format(new Date(iso));
}

/** "Monday 1 December 2026, 14:00 – 14:30" in the zone. @param {string} startIso @param {string} endIso @param {string} zone @param {HourCycle} [hourCycle] */
export function formatRange(startIso, endIso, zone, hourCycle) {
  return `${formatDateLong(startIso, zone)}, ${formatTime(startIso, zone, hourCycle)} – ${formatTime(endIso, zone, hourCycle)}`;
}

/** A local date ("YYYY-MM-DD") for people, e.g. "Friday 28 November". @param {string} date */
export function formatLocalDate(date) {
  const [y, m, d] = date.split("-").map(Number);
  return new Intl.DateTimeFormat(formatLocale, { timeZone: "UTC", weekday: "long", month: "long", day: "numeric" })
    .format(new Date(Date.UTC(y, m - 1, d)));
}

/** "December 2026". @param {number} year @param {number} month 1–12 */
export function formatMonth(year, month) {
  return new Intl.DateTimeFormat(formatLocale, { timeZone: "UTC", month: "long", year: "numeric" })
    .format(new Date(Date.UTC(year, month - 1, 1)));
}

/** The first day of the week in the visitor's locale: 1 = Monday … 7 = Sunday (ISO), Monday when Intl cannot say. */
export function firstDayOfWeek() {
  try {
    const info = /** @type {{ getWeekInfo?: () => { firstDay: number }, weekInfo?: { firstDay: number } }} */ (
      /** @type {unknown} */ (new Intl.Locale(formatLocale)));
    return info.getWeekInfo?.().firstDay ?? info.weekInfo?.firstDay ?? 1;
  } catch {
    return 1;
  }
}

/** Short weekday names starting on `firstDay` (1 = Monday … 7 = Sunday). @param {number} [firstDay] */
export function weekdayNames(firstDay = 1) {
  const format = new Intl.DateTimeFormat(formatLocale, { timeZone: "UTC", weekday: "short" });
  // 2024-01-01 was a Monday.
  return Array.from({ length: 7 }, (_, i) => format.format(new Date(Date.UTC(2024, 0, firstDay + i))));
}

/** "€50.00", or "50.00 XYZ" when Intl does not know the currency. @param {string | number} amount @param {string} currency */
export function formatMoney(amount, currency) {
  try {
    return new Intl.NumberFormat(formatLocale, { style: "currency", currency }).format(Number(amount));
  } catch {
    return `${amount} ${currency}`;
  }
}

/** "3 days" / "1 day" (English-only pages such as the dashboard). @param {number} count @param {string} noun singular */
export const plural = (count, noun) => `${count} ${noun}${count === 1 ? "" : "s"}`;
