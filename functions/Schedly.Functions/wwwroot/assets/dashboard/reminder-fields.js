// @ts-check
// The event-type editor's reminders: each row is how long before the start a reminder goes out, in days, hours or
// minutes, sent as reminderOffsetsMinutes. No rows: no reminders. Each number input carries the server's error path
// ("reminderOffsetsMinutes[1]"), so its field errors land beside the right row.
import { byId, el } from "../lib/dom.js";

/** Units offered, largest first: minutes in one. */
const UNITS = /** @type {const} */ ([["days", 1440], ["hours", 60], ["minutes", 1]]);

const list = () => byId("type-reminders");

/** The largest unit that divides `minutes`, and the count of it. @param {number} minutes */
function inUnits(minutes) {
  const [name, size] = UNITS.find(([, unitMinutes]) => minutes > 0 && minutes % unitMinutes === 0) ?? UNITS[2];
  return { count: minutes / size, unit: name };
}

/** @param {number | null} minutes */
function reminderRow(minutes) {
  const { count, unit } = minutes === null ? { count: "", unit: "hours" } : inUnits(minutes);
  const number = el("input", { type: "number", class: "reminder-count", min: "1", inputmode: "numeric", value: String(count), autocomplete: "off" });
  const select = el("select", { class: "reminder-unit" }, ...UNITS.map(([name]) => el("option", { value: name, text: name, selected: name === unit })));
  const remove = el("button", { type: "button", class: "secondary remove", text: "Remove" });
  const row = el("li", { class: "reminder" }, number, select, el("span", { class: "muted", text: "before" }), remove);
  remove.addEventListener("click", () => {
    row.remove();
    renumber();
    byId("add-reminder").focus();
  });
  return row;
}

function renumber() {
  [...list().querySelectorAll("li.reminder")].forEach((row, i) => {
    const number = /** @type {HTMLInputElement} */ (row.querySelector("input"));
    number.dataset.field = `reminderOffsetsMinutes[${i}]`;
    number.setAttribute("aria-label", `Reminder ${i + 1}: how long before`);
    row.querySelector("select")?.setAttribute("aria-label", `Reminder ${i + 1}: unit`);
    row.querySelector("button")?.setAttribute("aria-label", `Remove reminder ${i + 1}`);
  });
}

/** Shows an event type's reminders (minutes before the start). @param {unknown} offsets */
export function fillReminders(offsets) {
  const minutes = Array.isArray(offsets) ? offsets.filter((m) => typeof m === "number") : [];
  list().replaceChildren(...minutes.map(reminderRow));
  renumber();
}

/** The reminders as typed, in minutes before the start (NaN for an empty or non-numeric count: the server says so). */
export function readReminders() {
  return [...list().querySelectorAll("li.reminder")].map((row) => {
    const text = /** @type {HTMLInputElement} */ (row.querySelector("input")).value.trim();
    const unit = /** @type {HTMLSelectElement} */ (row.querySelector("select")).value;
    const size = UNITS.find(([name]) => name === unit)?.[1] ?? 1;
    return text === "" ? Number.NaN : Number(text) * size;
  });
}

export function setUpReminderFields() {
  byId("add-reminder").addEventListener("click", () => {
    const row = reminderRow(list().children.length === 0 ? 1440 : 60);
    list().append(row);
    renumber();
    row.querySelector("input")?.focus();
  });
}
