// @ts-check
// A month view of free slots plus the chosen day's times, in a given zone. Used by the booking
// page and by the manage page (to reschedule). Days with free times are enabled buttons that stand
// out; the grid always has six rows and the times list reserves its space, so nothing jumps while
// a month loads.
import { ApiError, isAbort } from "./lib/api.js";
import { addMonths, daysInMonth, isoDate, todayIn, weekdayMondayFirst } from "./lib/dates.js";
import { el, uniqueId } from "./lib/dom.js";
import { publicApi } from "./lib/endpoints.js";
import { formatLocalDate, formatMonth, formatTime, plural, weekdayNames } from "./lib/format.js";

/** @typedef {{ start: string, end: string }} Slot */

/**
 * @param {HTMLElement} root where the picker renders
 * @param {{ host: string, eventType: string, timeZone: string, durationMinutes?: number | null, onSelect: (slot: Slot) => void, autoAdvanceMonths?: number }} options
 */
export function createSlotPicker(root, { host, eventType, timeZone, durationMinutes = null, onSelect, autoAdvanceMonths = 2 }) {
  let zone = timeZone;
  let length = durationMinutes;
  const today = todayIn(zone);
  let year = Number(today.slice(0, 4));
  let month = Number(today.slice(5, 7));
  /** @type {Map<string, Slot[]>} */
  let days = new Map();
  /** @type {string | null} */
  let selectedDate = null;
  /** @type {string | null} */
  let selectedStart = null;
  /** @type {AbortController | null} */
  let controller = null;
  let firstLoad = true;

  const monthLabel = el("h3", { class: "month-label", id: uniqueId("month") });
  const prev = el("button", { type: "button", class: "month-nav", "aria-label": "Previous month" }, "‹");
  const next = el("button", { type: "button", class: "month-nav", "aria-label": "Next month" }, "›");
  const grid = el("div", { class: "month-grid", role: "group", "aria-labelledby": monthLabel.id });
  const status = el("p", { class: "picker-status", role: "status", "aria-live": "polite" });
  const dayHeading = el("h3", { class: "day-heading" });
  const slotList = el("ul", { class: "slot-list", "aria-label": "Available times" });
  const daySection = el("section", { class: "day-slots", "aria-live": "polite" }, dayHeading, slotList);

  root.replaceChildren(
    el("div", { class: "picker" },
      el("div", { class: "month-bar" }, prev, monthLabel, next),
      el("div", { class: "weekdays", "aria-hidden": "true" }, ...weekdayNames().map((n) => el("span", {}, n))),
      grid,
      status,
      daySection));

  prev.addEventListener("click", () => go(-1));
  next.addEventListener("click", () => go(1));

  /** @param {number} delta */
  function go(delta) {
    ({ year, month } = addMonths(year, month, delta));
    selectedDate = null;
    return load();
  }

  /** @param {boolean} loading */
  function renderGrid(loading) {
    const current = todayIn(zone);
    monthLabel.textContent = formatMonth(year, month);
    prev.disabled = isoDate(year, month, 1) <= current.slice(0, 8) + "01" || loading;
    next.disabled = loading;
    grid.setAttribute("aria-busy", String(loading));
    const cells = [];
    const lead = weekdayMondayFirst(year, month, 1);
    const count = daysInMonth(year, month);
    for (let i = 0; i < 42; i++) {
      const day = i - lead + 1;
      if (day < 1 || day > count) {
        cells.push(el("span", { class: "day empty", "aria-hidden": "true" }));
        continue;
      }
      const date = isoDate(year, month, day);
      const slots = days.get(date) ?? [];
      const free = !loading && slots.length > 0;
      const button = el("button", {
        type: "button",
        class: `day${free ? " free" : ""}${date === current ? " today" : ""}`,
        dataset: { date },
        disabled: !free,
        "aria-pressed": String(date === selectedDate),
        "aria-label": `${formatLocalDate(date)}${free ? `, ${plural(slots.length, "free time")}` : ", no free times"}`,
      }, String(day));
      button.addEventListener("click", () => selectDate(date, true));
      cells.push(button);
    }
    grid.replaceChildren(...cells);
  }

  function renderSlots() {
    const slots = selectedDate ? days.get(selectedDate) ?? [] : [];
    dayHeading.textContent = selectedDate ? formatLocalDate(selectedDate) : "";
    slotList.replaceChildren(...slots.map((slot) => {
      const button = el("button", {
        type: "button",
        class: "slot",
        dataset: { start: slot.start },
        "aria-pressed": String(slot.start === selectedStart),
      }, formatTime(slot.start, zone));
      button.addEventListener("click", () => {
        selectedStart = slot.start;
        for (const other of slotList.querySelectorAll("button.slot")) {
          if (!(other instanceof HTMLButtonElement)) continue;
          other.setAttribute("aria-pressed", String(other.dataset.start === selectedStart));
        }
        onSelect({ ...slot });
      });
      return el("li", {}, button);
    }));
  }

  /** @param {string} date @param {boolean} focus */
  function selectDate(date, focus) {
    selectedDate = date;
    for (const button of grid.querySelectorAll("button.day")) {
      if (!(button instanceof HTMLButtonElement)) continue;
      button.setAttribute("aria-pressed", String(button.dataset.date === date));
    }
    renderSlots();
    if (focus) slotList.querySelector("button")?.focus();
  }

  async function load() {
    controller?.abort();
    const mine = new AbortController();
    controller = mine;
    const start = isoDate(year, month, 1);
    const end = isoDate(year, month, daysInMonth(year, month));
    root.classList.add("loading");
    status.textContent = "Loading free times…";
    renderGrid(true);
    try {
      const body = await publicApi.slots(host, eventType, start, end, zone, length, { signal: mine.signal });
      if (controller !== mine) return;
      /** @type {Array<{ date: string, slots: Slot[] }>} */
      const loaded = body.days;
      days = new Map(loaded.filter((d) => d.slots.length > 0).map((d) => [d.date, d.slots]));
    } catch (error) {
      if (isAbort(error) || controller !== mine) return;
      days = new Map();
      root.classList.remove("loading");
      renderGrid(false);
      selectedDate = null;
      renderSlots();
      status.textContent = error instanceof ApiError ? `Could not load free times: ${error.message}` : "Could not load free times.";
      status.classList.add("error");
      return;
    }
    root.classList.remove("loading");
    status.classList.remove("error");
    if (days.size === 0 && firstLoad && autoAdvanceMonths > 0) {
      autoAdvanceMonths--;
      ({ year, month } = addMonths(year, month, 1));
      return load();
    }
    firstLoad = false;
    if (selectedDate && !days.has(selectedDate)) selectedDate = null;
    if (!selectedDate && days.size > 0) selectedDate = [...days.keys()].sort()[0];
    if (selectedStart && !((selectedDate && days.get(selectedDate)) || []).some((s) => s.start === selectedStart)) selectedStart = null;
    renderGrid(false);
    renderSlots();
    status.textContent = days.size === 0
      ? `No free times in ${formatMonth(year, month)}. Try the next month.`
      : `${plural(days.size, "day")} with free times in ${formatMonth(year, month)}.`;
  }

  return {
    element: root,
    /** Reloads the visible month (after a booking or a conflict). */
    refresh: () => load(),
    /** @param {string} newZone */
    setTimeZone(newZone) {
      zone = newZone;
      selectedDate = null;
      return load();
    },
    /** @param {number | null} minutes the length to find room for (null: the default) */
    setDuration(minutes) {
      length = minutes;
      selectedStart = null;
      return load();
    },
    clearSelection() {
      selectedStart = null;
      for (const button of slotList.querySelectorAll("button.slot")) button.setAttribute("aria-pressed", "false");
    },
    get selectedStart() {
      return selectedStart;
    },
  };
}
