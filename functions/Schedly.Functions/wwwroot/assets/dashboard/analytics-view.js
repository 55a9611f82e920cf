// @ts-check
// Draws one analytics answer: the totals (revenue split into collected, refunded and expected), when the figures were
// last computed, and two daily charts (bookings; revenue per currency) drawn with uPlot, each with a table alternative.
import { datesBetween } from "../lib/dates.js";
import { byId, el } from "../lib/dom.js";
import { formatMoney } from "../lib/format.js";
import { dailyChart } from "../charts.js";

/** @typedef {Record<string, string>} Amounts currency → decimal string */
/**
 * @typedef {object} AnalyticsTotals
 * @property {number} [booked]
 * @property {number} [cancelled]
 * @property {number} [noShows]
 * @property {number} [completed]
 * @property {number | string} [cancellationRate]
 * @property {number | string} [noShowRate]
 * @property {number | null} [medianLeadTimeMinutes]
 * @property {Amounts} [revenue]
 * @property {Amounts} [revenueCollected]
 * @property {Amounts} [revenueRefunded]
 * @property {Amounts} [revenueExpected]
 */
/** @typedef {{ date: string, booked?: number, cancelled?: number, revenueCollected?: Amounts, revenueRefunded?: Amounts, revenueExpected?: Amounts }} AnalyticsDay */
/** @typedef {{ start: string, end: string, lastUpdated?: string | null, totals?: AnalyticsTotals, days?: AnalyticsDay[] }} AnalyticsAnswer */

/** @param {number | string | undefined} rate */
const percent = (rate) => `${Math.round((Number(rate) || 0) * 1000) / 10}%`;

/** @param {number | null | undefined} minutes */
function formatLeadTime(minutes) {
  if (minutes === null || minutes === undefined) return "—";
  if (minutes < 60) return `${minutes} min`;
  const hours = minutes / 60;
  if (hours < 48) return `${Math.round(hours * 10) / 10} hours`;
  return `${Math.round((hours / 24) * 10) / 10} days`;
}

/** @param {Amounts | undefined} amounts */
const money = (amounts) => {
  const entries = Object.entries(amounts ?? {});
  return entries.length ? entries.map(([c, a]) => formatMoney(a, c)).join(", ") : "—";
};

/** @param {string} key @param {string} label @param {string | number} value */
const totalItem = (key, label, value) =>
  el("div", { class: "total", dataset: { total: key } }, el("dt", { text: label }), el("dd", { text: String(value) }));

/**
 * One value per date of the range, summed over the day's event types.
 * @param {string[]} dates @param {AnalyticsDay[]} days @param {(day: AnalyticsDay) => number} pick
 */
function perDate(dates, days, pick) {
  /** @type {Map<string, number>} */
  const sums = new Map();
  for (const day of days) sums.set(day.date, (sums.get(day.date) ?? 0) + pick(day));
  return dates.map((date) => sums.get(date) ?? 0);
}

/** "Last updated 2 Dec, 09:15", or why there is no time yet. @param {string | null | undefined} lastUpdated */
function lastUpdatedText(lastUpdated) {
  if (!lastUpdated) return "Not computed yet: figures appear within minutes of the first booking.";
  const when = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" }).format(new Date(lastUpdated));
  return `Last updated ${when}.`;
}

/** @param {AnalyticsAnswer | null} data @param {string} today the host's date, marked on the charts */
export function renderAnalytics(data, today) {
  const totals = data?.totals ?? {};
  const days = data?.days ?? [];
  byId("analytics-updated").textContent = lastUpdatedText(data?.lastUpdated);
  byId("analytics-totals").replaceChildren(
    totalItem("booked", "Booked", totals.booked ?? 0),
    totalItem("cancelled", "Cancelled", totals.cancelled ?? 0),
    totalItem("noShows", "No-shows", totals.noShows ?? 0),
    totalItem("completed", "Completed", totals.completed ?? 0),
    totalItem("cancellationRate", "Cancellation rate", percent(totals.cancellationRate)),
    totalItem("noShowRate", "No-show rate", percent(totals.noShowRate)),
    totalItem("leadTime", "Median lead time", formatLeadTime(totals.medianLeadTimeMinutes)),
    totalItem("revenue", "Revenue", money(totals.revenue)),
    totalItem("collected", "Collected", money(totals.revenueCollected)),
    totalItem("refunded", "Refunded", money(totals.revenueRefunded)),
    totalItem("expected", "Expected", money(totals.revenueExpected)));

  const charts = byId("analytics-charts");
  if (!data || ((totals.booked ?? 0) === 0 && days.length === 0)) {
    charts.replaceChildren(el("p", { class: "muted empty", id: "analytics-empty", text: "No bookings in this date range yet." }));
    return;
  }

  const dates = datesBetween(data.start, data.end);
  const marker = today >= data.start && today <= data.end ? today : undefined;
  /** @param {number} v */
  const count = (v) => String(Math.round(v));
  const made = [dailyChart({
    id: "bookings-per-day", title: "Bookings per day (dashed line: today)", dates, marker, counts: true,
    series: [
      { label: "Booked", values: perDate(dates, days, (d) => d.booked ?? 0), color: "booked", bars: true, format: count },
      { label: "Cancelled", values: perDate(dates, days, (d) => d.cancelled ?? 0), color: "cancelled", format: count },
    ],
  })];
  const currencies = [...new Set(days.flatMap((d) => [d.revenueCollected, d.revenueRefunded, d.revenueExpected].flatMap((a) => Object.keys(a ?? {}))))].sort();
  for (const currency of currencies) {
    /** @param {number} v */
    const format = (v) => formatMoney(v, currency);
    /** @param {(day: AnalyticsDay) => Amounts | undefined} amounts */
    const amountOf = (amounts) => perDate(dates, days, (d) => Number(amounts(d)?.[currency] ?? 0));
    made.push(dailyChart({
      id: `revenue-${currency}`, title: `Revenue per day in ${currency}: collected, refunded and expected`, dates, marker,
      series: [
        { label: "Collected", values: amountOf((d) => d.revenueCollected), color: "collected", bars: true, format },
        { label: "Refunded", values: amountOf((d) => d.revenueRefunded), color: "refunded", format },
        { label: "Expected", values: amountOf((d) => d.revenueExpected), color: "expected", format },
      ],
    }));
  }
  charts.replaceChildren(...made.map((c) => c.fig));
  for (const chart of made) chart.draw();
}
