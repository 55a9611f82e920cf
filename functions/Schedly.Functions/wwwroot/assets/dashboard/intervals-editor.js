// @ts-check
// An editable list of time intervals (one day's hours), with field paths matching the server's
// error keys ("weekly.tuesday[0].end") so its validation problems land on the right input.
import { el } from "../lib/dom.js";

/** @typedef {import("./context.js").Interval} Interval */

/** "09:00" from "09:00:00". @param {string | undefined} value */
const hhmm = (value) => (value ?? "").slice(0, 5);

/** @param {Element} row @returns {[HTMLInputElement, HTMLInputElement]} */
function rowInputs(row) {
  const [start, end] = row.querySelectorAll("input");
  return [start, end];
}

/** @param {HTMLElement} node */
const focusAddButton = (node) => /** @type {HTMLElement | null} */ (node.querySelector("button.add"))?.focus();

/**
 * @param {string} fieldBase @param {number} index @param {Interval} interval @param {string} label
 */
function intervalRow(fieldBase, index, interval, label) {
  const start = el("input", { type: "time", value: hhmm(interval.start), "aria-label": `${label} from`, dataset: { part: "start", field: `${fieldBase}[${index}].start` } });
  const end = el("input", { type: "time", value: hhmm(interval.end), "aria-label": `${label} until`, dataset: { part: "end", field: `${fieldBase}[${index}].end` } });
  const remove = el("button", { type: "button", class: "secondary remove", "aria-label": `Remove ${label}` },
    el("span", { "aria-hidden": "true", class: "remove-mark", text: "×" }), " Remove");
  const row = el("li", { class: "interval" }, start, el("span", { class: "to", "aria-hidden": "true", text: "–" }), end, remove);
  remove.addEventListener("click", () => {
    const container = /** @type {HTMLElement} */ (row.closest("[data-intervals]"));
    row.remove();
    renumber(container);
    focusAddButton(container);
  });
  return row;
}

/**
 * Rebuilds field paths and labels after adding/removing rows.
 * @param {HTMLElement} container an intervals editor
 */
export function renumber(container) {
  const base = container.dataset.intervals;
  const name = container.dataset.label;
  const rows = [...container.querySelectorAll("li.interval")];
  rows.forEach((row, i) => {
    const label = `${name} hours ${i + 1}`;
    const [start, end] = rowInputs(row);
    start.dataset.field = `${base}[${i}].start`;
    end.dataset.field = `${base}[${i}].end`;
    start.setAttribute("aria-label", `${label} from`);
    end.setAttribute("aria-label", `${label} until`);
    row.querySelector("button.remove")?.setAttribute("aria-label", `Remove ${label}`);
  });
  const empty = /** @type {HTMLElement | null} */ (container.querySelector(".closed-note"));
  if (empty) empty.hidden = rows.length > 0;
}

/** "HH:MM" → minutes since midnight. @param {string} time */
const toMinutes = (time) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** Minutes since midnight (at most 23:59) → "HH:MM". @param {number} minutes */
const toTime = (minutes) => {
  const m = Math.min(minutes, 23 * 60 + 59);
  return `${String(Math.trunc(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
};

/**
 * A new row's times: office hours for the first; after that, from an hour after the last row ends (a break) for as
 * long as the last row lasted ("09:00–12:00" → "13:00–16:00"), never past 23:59.
 * @param {Element | undefined} last
 */
export function nextInterval(last) {
  const [startInput, endInput] = last ? rowInputs(last) : [];
  const start = hhmm(startInput?.value);
  const end = hhmm(endInput?.value);
  if (!end) return { start: "09:00", end: "17:00" };
  const length = start && start < end ? toMinutes(end) - toMinutes(start) : 60;
  const from = toMinutes(end) + 60 < 24 * 60 - 1 ? toMinutes(end) + 60 : toMinutes(end);
  return { start: toTime(from), end: toTime(from + length) };
}

/**
 * @param {string} fieldBase the field path of the list, e.g. "weekly.monday"
 * @param {string} name shown in labels, e.g. "Monday"
 * @param {Interval[] | undefined} intervals
 * @param {{ closedText?: string }} [options]
 */
export function intervalsEditor(fieldBase, name, intervals, { closedText = "Closed" } = {}) {
  const list = el("ul", { class: "intervals" });
  const add = el("button", { type: "button", class: "secondary add", text: "Add hours", "aria-label": `Add hours on ${name}` });
  const container = el("div", { class: "interval-editor", dataset: { intervals: fieldBase, label: name } },
    list, el("p", { class: "closed-note muted small", text: closedText }), add);
  (intervals ?? []).forEach((interval, i) => list.append(intervalRow(fieldBase, i, interval, `${name} hours ${i + 1}`)));
  add.addEventListener("click", () => {
    const rows = list.querySelectorAll("li.interval");
    const row = intervalRow(fieldBase, rows.length, nextInterval(rows[rows.length - 1]), `${name} hours ${rows.length + 1}`);
    list.append(row);
    renumber(container);
    row.querySelector("input")?.focus();
  });
  renumber(container);
  return container;
}

/** @param {Element} container @returns {Interval[]} */
export function readIntervals(container) {
  return [...container.querySelectorAll("li.interval")].map((row) => {
    const [start, end] = rowInputs(row);
    return { start: start.value, end: end.value };
  });
}
