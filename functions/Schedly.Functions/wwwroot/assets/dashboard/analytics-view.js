// @ts-check
// Draws one analytics answer: the totals and three charts (bookings per day, rates, revenue).
import { datesBetween } from "../lib/dates.js";
import { byId, el } from "../lib/dom.js";
import { formatMoney } from "../lib/format.js";
import { dailyBarChart, horizontalBarChart } from "../charts.js";

/**
 * @typedef {object} AnalyticsTotals
 * @property {number} [booked]
 * @property {number} [cancelled]
 * @property {number} [noShows]
 * @property {number} [completed]
 * @property {number | string} [cancellationRate]
 * @property {number | string} [noShowRate]
 * @property {number | null} [medianLeadTimeMinutes]
 * @property {Record<string, string>} [revenue] currency → amount
 */
/** @typedef {{ start: string, end: string, totals?: AnalyticsTotals, days?: Array<{ date: string, booked?: number }> }} AnalyticsAnswer */

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

/** @param {string} key @param {string} label @param {string | number} value */
const totalItem = (key, label, value) =>
  el("div", { class: "total", dataset: { total: key } }, el("dt", { text: label }), el("dd", { text: String(value) }));

/** @param {AnalyticsAnswer | null} data */
export function renderAnalytics(data) {
  const totals = data?.totals ?? {};
  const days = data?.days ?? [];
  const revenue = Object.entries(totals.revenue ?? {});
  byId("analytics-totals").replaceChildren(
    totalItem("booked", "Booked", totals.booked ?? 0),
    totalItem("cancelled", "Cancelled", totals.cancelled ?? 0),
    totalItem("noShows", "No-shows", totals.noShows ?? 0),
    totalItem("completed", "Completed", totals.completed ?? 0),
    totalItem("cancellationRate", "Cancellation rate", percent(totals.cancellationRate)),
    totalItem("noShowRate", "No-show rate", percent(totals.noShowRate)),
    totalItem("leadTime", "Median lead time", formatLeadTime(totals.medianLeadTimeMinutes)),
    totalItem("revenue", "Revenue", revenue.length ? revenue.map(([c, a]) => formatMoney(a, c)).join(", ") : "—"));

  const charts = byId("analytics-charts");
  if (!data || ((totals.booked ?? 0) === 0 && days.length === 0)) {
    charts.replaceChildren(el("p", { class: "muted empty", id: "analytics-empty", text: "No bookings in this date range yet." }));
    return;
  }

  /** @type {Map<string, number>} */
  const perDay = new Map();
  for (const row of days) perDay.set(row.date, (perDay.get(row.date) ?? 0) + (row.booked ?? 0));
  const points = datesBetween(data.start, data.end).map((date) => ({ date, value: perDay.get(date) ?? 0 }));

  charts.replaceChildren(
    dailyBarChart({
      id: "bookings-per-day", title: "Bookings per day", points, unit: "bookings",
      emptyText: "No bookings in this date range.",
    }),
    horizontalBarChart({
      id: "rates", title: "Cancellation and no-show rates", max: 1,
      emptyText: "No bookings in this date range.",
      rows: [
        { key: "cancellation", label: "Cancellation rate", value: Number(totals.cancellationRate) || 0, display: percent(totals.cancellationRate), className: "bar-cancel" },
        { key: "no-show", label: "No-show rate", value: Number(totals.noShowRate) || 0, display: percent(totals.noShowRate), className: "bar-noshow" },
      ],
    }),
    horizontalBarChart({
      id: "revenue", title: "Revenue per currency",
      emptyText: "No revenue in this date range.",
      rows: revenue.map(([currency, amount]) => ({ key: currency, label: currency, value: Number(amount), dataValue: amount, display: formatMoney(amount, currency), className: "bar-revenue" })),
    }));
}
