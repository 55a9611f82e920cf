// A month view of free slots plus the chosen day's times, in a given zone. Used by the booking
// page and by the manage page (to reschedule). Days with free times are enabled buttons that stand
// out; the grid always has six rows and the times list reserves its space, so nothing jumps while
// a month loads.
import { api, ApiError } from "./api.js";
import {
  addMonths, daysInMonth, formatLocalDate, formatMonth, formatTime, isoDate, todayIn, weekdayMondayFirst, weekdayNames,
} from "./time.js";

const el = (tag, props = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === "class") node.className = value;
    else if (key === "dataset") Object.assign(node.dataset, value);
    else if (key.startsWith("aria-") || key === "role") node.setAttribute(key, value);
    else node[key] = value;
  }
  node.append(...children);
  return node;
};

/**
 * @param {HTMLElement} root where the picker renders
 * @param {{ host: string, eventType: string, timeZone: string, onSelect: (slot) => void, autoAdvanceMonths?: number }} options
 */
export function createSlotPicker(root, { host, eventType, timeZone, onSelect, autoAdvanceMonths = 2 }) {
  let zone = timeZone;
  const today = todayIn(zone);
  let year = Number(today.slice(0, 4));
  let month = Number(today.slice(5, 7));
  let days = new Map();
  let selectedDate = null;
  let selectedStart = null;
  let controller = null;
  let firstLoad = true;

  const monthLabel = el("h3", { class: "month-label", id: `month-${Math.random().toString(36).slice(2)}` });
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

  function go(delta) {
    ({ year, month } = addMonths(year, month, delta));
    selectedDate = null;
    return load();
  }

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
        "aria-label": `${formatLocalDate(date)}${free ? `, ${slots.length} free time${slots.length === 1 ? "" : "s"}` : ", no free times"}`,
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
          other.setAttribute("aria-pressed", String(other.dataset.start === selectedStart));
        }
        onSelect({ ...slot });
      });
      return el("li", {}, button);
    }));
  }

  function selectDate(date, focus) {
    selectedDate = date;
    for (const button of grid.querySelectorAll("button.day")) {
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
      const body = await api.slots(host, eventType, start, end, zone, { signal: mine.signal });
      if (controller !== mine) return;
      days = new Map(body.days.filter((d) => d.slots.length > 0).map((d) => [d.date, d.slots]));
    } catch (error) {
      if (error?.name === "AbortError" || controller !== mine) return;
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
    if (selectedStart && !(days.get(selectedDate) ?? []).some((s) => s.start === selectedStart)) selectedStart = null;
    renderGrid(false);
    renderSlots();
    status.textContent = days.size === 0
      ? `No free times in ${formatMonth(year, month)}. Try the next month.`
      : `${days.size} day${days.size === 1 ? "" : "s"} with free times in ${formatMonth(year, month)}.`;
  }

  return {
    element: root,
    /** Reloads the visible month (after a booking or a conflict). */
    refresh: () => load(),
    setTimeZone(newZone) {
      zone = newZone;
      selectedDate = null;
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
