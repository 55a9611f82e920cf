// @ts-check
// A month view of free slots plus the chosen day's times, in a given zone. Used by the booking
// page and by the manage page (to reschedule). Days with free times are buttons that stand out;
// the grid always has six rows and the times list reserves its space, so nothing jumps while a
// month loads. The grid is one Tab stop (roving tabindex): arrow keys move by day and week (mirrored
// right to left), Home/End to the week's ends, Page Up/Down by month. Only the newest month request
// counts: an older answer that arrives late is dropped, and while a month loads no old time can be picked.
import { ApiError, isAbort } from "./lib/api.js";
import { addDays, addMonths, daysInMonth, isoDate, todayIn, weekdayMondayFirst } from "./lib/dates.js";
import { el, uniqueId } from "./lib/dom.js";
import { publicApi } from "./lib/endpoints.js";
import { firstDayOfWeek, formatLocalDate, formatMonth, formatTime, weekdayNames } from "./lib/format.js";
import { t, tp } from "./lib/i18n.js";

/** @typedef {{ start: string, end: string, seatsLeft?: number }} Slot seatsLeft: only for a seated event type */

/**
 * @typedef {object} PickerOptions
 * @property {import("./lib/endpoints.js").Owner} owner whose event type: a host's or a team's
 * @property {string} eventType
 * @property {string} timeZone
 * @property {number | null} [durationMinutes]
 * @property {import("./lib/format.js").HourCycle} [hourCycle]
 * @property {(slot: Slot, restored: boolean) => void} onSelect a time was picked (restored: from the address, not a click)
 * @property {() => void} [onClear] the picked time is no longer on screen (another month, zone or length)
 * @property {(month: string) => void} [onMonth] a month ("YYYY-MM") was shown
 * @property {string | null} [initialMonth] "YYYY-MM" to open first
 * @property {string | null} [initialStart] a time to pick once its month has loaded, when it is still free
 * @property {number} [autoAdvanceMonths]
 * @property {2 | 3} [headingLevel] the level of the month and day headings (2 where the page's next level is h2)
 */

/**
 * A seated type's slot says how many seats are left, under its time; other slots say nothing more.
 * @param {Slot} slot
 */
function seatsLeft(slot) {
  return typeof slot.seatsLeft === "number" ? [el("span", { class: "seats-left" }, tp("page.seatsLeft", slot.seatsLeft))] : [];
}

/** @param {HTMLElement} root where the picker renders @param {PickerOptions} options */
export function createSlotPicker(root, options) {
  const { owner, eventType, onSelect, onClear = () => {}, onMonth = () => {} } = options;
  const state = {
    zone: options.timeZone,
    length: options.durationMinutes ?? null,
    hourCycle: options.hourCycle,
    autoAdvance: options.autoAdvanceMonths ?? 2,
    year: 0,
    month: 0,
    /** @type {Map<string, Slot[]>} */
    days: new Map(),
    /** @type {string | null} */
    selectedDate: null,
    /** @type {string | null} */
    selectedStart: null,
    /** @type {string | null} the day that holds the grid's one Tab stop */
    focusDate: null,
    /** @type {AbortController | null} */
    controller: null,
    sequence: 0,
    firstLoad: true,
    /** @type {string | null} */
    pendingStart: options.initialStart ?? null,
  };
  const firstDay = firstDayOfWeek();
  const today = todayIn(state.zone);
  const opening = /^\d{4}-\d{2}$/.test(options.initialMonth ?? "") && /** @type {string} */ (options.initialMonth) >= today.slice(0, 7)
    ? /** @type {string} */ (options.initialMonth)
    : today.slice(0, 7);
  state.year = Number(opening.slice(0, 4));
  state.month = Number(opening.slice(5, 7));
  if (opening !== today.slice(0, 7)) state.firstLoad = false;

  const heading = options.headingLevel === 2 ? "h2" : "h3";
  const monthLabel = el(heading, { class: "month-label", id: uniqueId("month") });
  const prev = el("button", { type: "button", class: "month-nav", "aria-label": t("page.calendar.previousMonth") }, "‹");
  const next = el("button", { type: "button", class: "month-nav", "aria-label": t("page.calendar.nextMonth") }, "›");
  const grid = el("div", { class: "month-grid", role: "group", "aria-labelledby": monthLabel.id });
  const status = el("p", { class: "picker-status", role: "status", "aria-live": "polite" });
  const dayHeading = el(heading, { class: "day-heading" });
  const slotList = el("ul", { class: "slot-list", "aria-label": t("page.calendar.times") });
  const daySection = el("section", { class: "day-slots", "aria-live": "polite" }, dayHeading, slotList);

  root.replaceChildren(
    el("div", { class: "picker" },
      el("div", { class: "picker-month" },
        el("div", { class: "month-bar" }, prev, monthLabel, next),
        el("div", { class: "weekdays", "aria-hidden": "true" }, ...weekdayNames(firstDay).map((n) => el("span", {}, n))),
        grid,
        status),
      daySection));

  prev.addEventListener("click", () => go(-1));
  next.addEventListener("click", () => go(1));
  grid.addEventListener("keydown", onGridKey);

  /** @param {number} delta @param {string | null} [focus] a date to put the Tab stop on after loading */
  function go(delta, focus = null) {
    ({ year: state.year, month: state.month } = addMonths(state.year, state.month, delta));
    state.selectedDate = null;
    state.focusDate = focus;
    forgetChoice();
    return load(focus !== null);
  }

  /** The picked time leaves the screen: forget it and tell the page (its form must not book it). */
  function forgetChoice() {
    if (state.selectedStart === null) return;
    state.selectedStart = null;
    onClear();
  }

  /** @param {KeyboardEvent} event */
  function onGridKey(event) {
    const target = event.target;
    if (!(target instanceof HTMLButtonElement) || !target.dataset.date) return;
    const rtl = getComputedStyle(grid).direction === "rtl";
    const column = (weekdayMondayFirst(...dateNumbers(target.dataset.date)) - (firstDay - 1) + 7) % 7;
    const moves = /** @type {Record<string, number>} */ ({
      ArrowRight: rtl ? -1 : 1, ArrowLeft: rtl ? 1 : -1, ArrowDown: 7, ArrowUp: -7, Home: -column, End: 6 - column,
    });
    if (event.key in moves) {
      event.preventDefault();
      moveFocus(addDays(target.dataset.date, moves[event.key]));
    } else if (event.key === "PageDown" || event.key === "PageUp") {
      event.preventDefault();
      const [y, m, d] = dateNumbers(target.dataset.date);
      const to = addMonths(y, m, event.key === "PageDown" ? 1 : -1);
      const date = isoDate(to.year, to.month, Math.min(d, daysInMonth(to.year, to.month)));
      if (date.slice(0, 7) >= todayIn(state.zone).slice(0, 7)) go(event.key === "PageDown" ? 1 : -1, date);
    }
  }

  /** @param {string} date */
  function moveFocus(date) {
    const shown = isoDate(state.year, state.month, 1).slice(0, 7);
    if (date.slice(0, 7) !== shown) {
      if (date.slice(0, 7) < todayIn(state.zone).slice(0, 7)) return;
      go(date.slice(0, 7) > shown ? 1 : -1, date);
      return;
    }
    state.focusDate = date;
    for (const button of dayButtons()) button.tabIndex = button.dataset.date === date ? 0 : -1;
    dayButtons().find((b) => b.dataset.date === date)?.focus();
  }

  /** @param {string} date @returns {[number, number, number]} */
  const dateNumbers = (date) => [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];

  const dayButtons = () => /** @type {HTMLButtonElement[]} */ ([...grid.querySelectorAll("button.day")]);

  /** @param {boolean} loading */
  function renderGrid(loading) {
    const { year, month, days } = state;
    const current = todayIn(state.zone);
    monthLabel.textContent = formatMonth(year, month);
    prev.disabled = isoDate(year, month, 1) <= current.slice(0, 8) + "01" || loading;
    next.disabled = loading;
    grid.setAttribute("aria-busy", String(loading));
    const count = daysInMonth(year, month);
    const tabStop = [state.focusDate, state.selectedDate, [...days.keys()].sort()[0], isoDate(year, month, 1)]
      .find((d) => d && d.slice(0, 7) === isoDate(year, month, 1).slice(0, 7) && Number(d.slice(8)) <= count);
    const lead = (weekdayMondayFirst(year, month, 1) - (firstDay - 1) + 7) % 7;
    const cells = [];
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
        tabIndex: date === tabStop ? 0 : -1,
        "aria-disabled": free ? undefined : "true",
        "aria-pressed": String(date === state.selectedDate),
        "aria-label": free
          ? tp("page.calendar.dayFree", slots.length, { date: formatLocalDate(date) })
          : t("page.calendar.dayNone", { date: formatLocalDate(date) }),
      }, String(day));
      button.addEventListener("click", () => {
        if (free) selectDate(date, true);
      });
      cells.push(button);
    }
    grid.replaceChildren(...cells);
  }

  /** @param {boolean} loading */
  function renderSlots(loading) {
    const slots = state.selectedDate && !loading ? state.days.get(state.selectedDate) ?? [] : [];
    dayHeading.textContent = state.selectedDate && !loading ? formatLocalDate(state.selectedDate) : "";
    slotList.replaceChildren(...slots.map((slot) => {
      const button = el("button", {
        type: "button",
        class: "slot",
        dataset: { start: slot.start },
        "aria-pressed": String(slot.start === state.selectedStart),
      }, formatTime(slot.start, state.zone, state.hourCycle), ...seatsLeft(slot));
      button.addEventListener("click", () => {
        state.selectedStart = slot.start;
        for (const other of slotList.querySelectorAll("button.slot")) {
          if (!(other instanceof HTMLButtonElement)) continue;
          other.setAttribute("aria-pressed", String(other.dataset.start === state.selectedStart));
        }
        onSelect({ ...slot }, false);
      });
      return el("li", {}, button);
    }));
  }

  /** @param {string} date @param {boolean} focus */
  function selectDate(date, focus) {
    state.selectedDate = date;
    state.focusDate = date;
    for (const button of dayButtons()) {
      button.setAttribute("aria-pressed", String(button.dataset.date === date));
      button.tabIndex = button.dataset.date === date ? 0 : -1;
    }
    renderSlots(false);
    if (focus) slotList.querySelector("button")?.focus();
  }

  /** Picks the time starting at `start` when the month on screen offers it. @param {string} start */
  function pick(start) {
    for (const [date, slots] of state.days) {
      const slot = slots.find((s) => s.start === start);
      if (!slot) continue;
      selectDate(date, false);
      state.selectedStart = start;
      for (const button of slotList.querySelectorAll("button.slot")) {
        if (button instanceof HTMLButtonElement) button.setAttribute("aria-pressed", String(button.dataset.start === start));
      }
      onSelect({ ...slot }, true);
      return;
    }
  }

  /** @param {boolean} [keepFocus] put focus back on the grid's Tab stop once loaded */
  async function load(keepFocus = false) {
    state.controller?.abort();
    const mine = new AbortController();
    state.controller = mine;
    const sequence = ++state.sequence;
    const { year, month } = state;
    const start = isoDate(year, month, 1);
    const end = isoDate(year, month, daysInMonth(year, month));
    root.classList.add("loading");
    status.textContent = t("page.calendar.loading");
    status.classList.remove("error");
    renderGrid(true);
    renderSlots(true);
    /** @type {Map<string, Slot[]>} */
    let loaded;
    try {
      const body = await publicApi.slots(owner, eventType, start, end, state.zone, state.length, { signal: mine.signal });
      /** @type {Array<{ date: string, slots: Slot[] }>} */
      const list = body.days;
      loaded = new Map(list.filter((d) => d.slots.length > 0).map((d) => [d.date, d.slots]));
    } catch (error) {
      if (isAbort(error) || sequence !== state.sequence) return;
      state.days = new Map();
      root.classList.remove("loading");
      state.selectedDate = null;
      renderGrid(false);
      renderSlots(false);
      status.textContent = t("page.calendar.loadFailed", { message: error instanceof ApiError ? error.message : String(error) });
      status.classList.add("error");
      return;
    }
    // A newer request (another month, zone or length) owns the picker now: this answer is stale.
    if (sequence !== state.sequence) return;
    state.days = loaded;
    root.classList.remove("loading");
    if (loaded.size === 0 && state.firstLoad && state.autoAdvance > 0) {
      state.autoAdvance--;
      ({ year: state.year, month: state.month } = addMonths(year, month, 1));
      return load(keepFocus);
    }
    state.firstLoad = false;
    if (state.selectedDate && !loaded.has(state.selectedDate)) state.selectedDate = null;
    if (!state.selectedDate && loaded.size > 0) state.selectedDate = [...loaded.keys()].sort()[0];
    if (state.selectedStart && !(loaded.get(state.selectedDate ?? "") ?? []).some((s) => s.start === state.selectedStart)) forgetChoice();
    renderGrid(false);
    renderSlots(false);
    onMonth(isoDate(state.year, state.month, 1).slice(0, 7));
    if (state.pendingStart) {
      const wanted = state.pendingStart;
      state.pendingStart = null;
      pick(wanted);
    }
    if (keepFocus) dayButtons().find((button) => button.tabIndex === 0)?.focus();
    status.textContent = loaded.size === 0
      ? t("page.calendar.noneInMonth", { month: formatMonth(state.year, state.month) })
      : tp("page.calendar.daysInMonth", loaded.size, { month: formatMonth(state.year, state.month) });
  }

  return {
    element: root,
    /** Reloads the visible month (after a booking or a conflict). */
    refresh: () => load(),
    /** @param {string} newZone */
    setTimeZone(newZone) {
      state.zone = newZone;
      state.selectedDate = null;
      forgetChoice();
      return load();
    },
    /** @param {number | null} minutes the length to find room for (null: the default) */
    setDuration(minutes) {
      state.length = minutes;
      forgetChoice();
      return load();
    },
    /** @param {import("./lib/format.js").HourCycle} cycle */
    setHourCycle(cycle) {
      state.hourCycle = cycle;
      renderSlots(false);
    },
    /** Picks a time again (Forward to the form). @param {string} start */
    select: (start) => pick(start),
    clearSelection() {
      state.selectedStart = null;
      for (const button of slotList.querySelectorAll("button.slot")) button.setAttribute("aria-pressed", "false");
    },
    get selectedStart() {
      return state.selectedStart;
    },
  };
}
