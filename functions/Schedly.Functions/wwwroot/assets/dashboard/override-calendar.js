// @ts-check
// A small month calendar above the date overrides: a date with an override is marked (aria-pressed); choosing a free
// date adds an override for it (closed, until hours are added), choosing a marked one moves to its row. Past dates
// cannot be chosen. It follows the override rows, which stay the one source of what is saved.
import { addMonths, dateParts, daysInMonth, isoDate, todayIn, weekdayMondayFirst } from "../lib/dates.js";
import { byId, el } from "../lib/dom.js";
import { formatLocalDate, formatMonth, weekdayNames } from "../lib/format.js";
import { configOf } from "./context.js";

/** @typedef {{ year: number, month: number }} Month */

/**
 * @typedef {object} OverrideCalendarHooks
 * @property {() => string[]} dates the dates that have an override now
 * @property {(date: string) => void} choose adds an override for a free date, or shows the one it has
 */

const root = () => byId("override-calendar");

/** The month shown, kept on the calendar's element ("2026-12"), or null before the first move. @returns {Month | null} */
function shownMonth() {
  const value = root().dataset.month;
  if (!value) return null;
  const [year, month] = value.split("-").map(Number);
  return { year, month };
}

/**
 * Draws the month shown (the current month in the host's zone at first).
 * @param {import("./context.js").DashboardContext} ctx @param {OverrideCalendarHooks} hooks
 */
export function renderOverrideCalendar(ctx, hooks) {
  const today = todayIn(configOf(ctx).timeZone);
  const [ty, tm] = dateParts(today);
  const month = shownMonth() ?? { year: ty, month: tm };
  const marked = new Set(hooks.dates());
  const label = formatMonth(month.year, month.month);
  /** @param {number} delta @param {string} text @param {boolean} disabled */
  const nav = (delta, text, disabled) => el("button", {
    type: "button", class: "secondary month-nav", "aria-label": text, text: delta < 0 ? "‹" : "›", disabled,
    onclick: () => {
      const next = addMonths(month.year, month.month, delta);
      root().dataset.month = `${next.year}-${next.month}`;
      renderOverrideCalendar(ctx, hooks);
      /** @type {HTMLElement | null} */ (root().querySelector(delta < 0 ? ".month-nav" : ".month-nav:last-of-type"))?.focus();
    },
  });
  const lead = weekdayMondayFirst(month.year, month.month, 1);
  const days = Array.from({ length: daysInMonth(month.year, month.month) }, (_, i) => {
    const date = isoDate(month.year, month.month, i + 1);
    const has = marked.has(date);
    return el("button", {
      type: "button", class: `day mini-day${has ? " marked" : ""}`, text: String(i + 1), disabled: date < today,
      "aria-pressed": has ? "true" : "false", dataset: { date },
      "aria-label": `${formatLocalDate(date)}${has ? ": has an override" : ""}`,
      onclick: () => {
        hooks.choose(date);
        renderOverrideCalendar(ctx, hooks);
      },
    });
  });
  if (lead > 0) days[0].style.gridColumnStart = String(lead + 1);
  const thisMonth = month.year === ty && month.month === tm;
  root().replaceChildren(
    el("div", { class: "month-bar" },
      nav(-1, "Previous month", thisMonth),
      el("p", { class: "month-label", id: "override-month", text: label, "aria-live": "polite" }),
      nav(1, "Next month", false)),
    el("div", { class: "weekdays", "aria-hidden": "true" }, ...weekdayNames(1).map((name) => el("span", { text: name }))),
    el("div", { class: "month-grid mini-grid", role: "group", "aria-labelledby": "override-month" }, ...days));
}

/** Back to the current month (on sign-in). */
export function resetOverrideCalendar() {
  delete root().dataset.month;
}
