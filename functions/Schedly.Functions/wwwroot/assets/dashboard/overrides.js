// @ts-check
// Date overrides: one date's own hours, or closed all day; picked on a small calendar (override-calendar.js) or added
// as tomorrow and edited.
import { byId, el, uniqueId } from "../lib/dom.js";
import { addDays, todayIn } from "../lib/dates.js";
import { configOf } from "./context.js";
import { renderOverrideCalendar, resetOverrideCalendar } from "./override-calendar.js";
import { intervalsEditor, readIntervals, renumber } from "./intervals-editor.js";

/** @param {Element} row @param {string} selector */
const part = (row, selector) => /** @type {HTMLInputElement} */ (row.querySelector(selector));
/** @param {Element} row */
const editorOf = (row) => /** @type {HTMLElement} */ (row.querySelector("[data-intervals]"));

/** @param {import("./context.js").Override} override @param {number} index */
function overrideRow(override, index) {
  const closed = (override.intervals ?? []).length === 0;
  const dateId = uniqueId("override-date");
  const date = el("input", { type: "date", id: dateId, value: override.date ?? "", class: "override-date", dataset: { field: `overrides[${index}].date` } });
  const closedId = `${dateId}-closed`;
  const closedBox = el("input", { type: "checkbox", id: closedId, class: "override-closed", checked: closed });
  const editor = intervalsEditor(`overrides[${index}].intervals`, override.date || "this date", closed ? [] : override.intervals, { closedText: "No hours: closed all day." });
  editor.hidden = closed;
  const remove = el("button", { type: "button", class: "secondary remove-override", text: "Remove date" });
  const row = el("li", { class: "override" },
    el("div", { class: "override-head" },
      el("div", { class: "field" }, el("label", { for: dateId, text: "Date" }), date),
      el("div", { class: "field check" }, closedBox, el("label", { for: closedId, text: "Closed" })),
      remove),
    editor);
  closedBox.addEventListener("change", () => {
    editor.hidden = closedBox.checked;
    if (!closedBox.checked && editor.querySelectorAll("li.interval").length === 0) /** @type {HTMLElement} */ (editor.querySelector("button.add")).click();
  });
  date.addEventListener("change", () => {
    editor.dataset.label = date.value || "this date";
    renumber(editor);
    editor.querySelector("button.add")?.setAttribute("aria-label", `Add hours on ${editor.dataset.label}`);
  });
  remove.addEventListener("click", () => {
    row.remove();
    renumberOverrides();
    byId("add-override").focus();
  });
  return row;
}

function renumberOverrides() {
  [...byId("overrides").querySelectorAll("li.override")].forEach((row, i) => {
    part(row, ".override-date").dataset.field = `overrides[${i}].date`;
    const editor = editorOf(row);
    editor.dataset.intervals = `overrides[${i}].intervals`;
    renumber(editor);
    row.querySelector(".remove-override")?.setAttribute("aria-label", `Remove date override ${i + 1}`);
  });
}

/** @param {import("./context.js").DashboardContext} ctx @param {import("./context.js").Override[]} overrides */
export function renderOverrides(ctx, overrides) {
  byId("overrides").replaceChildren(...overrides.map((o, i) => overrideRow(o, i)));
  renumberOverrides();
  resetOverrideCalendar();
  drawCalendar(ctx);
}

/** @param {import("./context.js").DashboardContext} ctx */
function drawCalendar(ctx) {
  renderOverrideCalendar(ctx, {
    dates: () => readOverrides().map((o) => o.date),
    choose: (date) => {
      const existing = [...byId("overrides").querySelectorAll("li.override")].find((row) => part(row, ".override-date").value === date);
      if (existing) part(existing, ".override-date").focus();
      else addOverride(date).scrollIntoView({ block: "nearest" });
    },
  });
}

/** Adds a row for `date`, closed all day; returns it. @param {string} date */
function addOverride(date) {
  const list = byId("overrides");
  const row = overrideRow({ date, intervals: [] }, list.children.length);
  list.append(row);
  renumberOverrides();
  return row;
}

/** @returns {import("./context.js").Override[]} */
export function readOverrides() {
  return [...byId("overrides").querySelectorAll("li.override")].map((row) => ({
    date: part(row, ".override-date").value,
    intervals: part(row, ".override-closed").checked ? [] : readIntervals(editorOf(row)),
  }));
}

/** @param {import("./context.js").DashboardContext} ctx */
export function setUpOverrides(ctx) {
  byId("add-override").addEventListener("click", () => {
    const row = addOverride(addDays(todayIn(configOf(ctx).timeZone), 1));
    drawCalendar(ctx);
    part(row, ".override-date").focus();
  });
  // The calendar follows the rows: a date typed or a row removed changes its marks.
  const follow = () => { if (ctx.config) drawCalendar(ctx); };
  byId("overrides").addEventListener("change", follow);
  byId("overrides").addEventListener("click", (event) => {
    if (event.target instanceof HTMLElement && event.target.closest(".remove-override")) follow();
  });
}
