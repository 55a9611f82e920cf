// @ts-check
// The bookings list: one filter at a time (upcoming, past, cancelled, pending), optionally one client's email, grouped
// by day in the host's zone; "Show more" follows the server's continuation token (or, for past bookings, reads the
// 30 days before). Checked rows can be cancelled together.
import { ApiError } from "../lib/api.js";
import { todayIn } from "../lib/dates.js";
import { byId, el, inputById, setStatus } from "../lib/dom.js";
import { clearFieldErrors, showFieldErrors } from "../lib/field-errors.js";
import { formatLocalDate, plural } from "../lib/format.js";
import { bookingItem } from "./booking-item.js";
import { groupByDay } from "./booking-days.js";
import { earlierWindow, firstQuery, isFilter, newestFirst } from "./booking-filters.js";
import { setUpBulkCancel, updateSelection } from "./bulk-cancel.js";
import { configOf } from "./context.js";
import { seatsTaken, sessionKey } from "./seat-sessions.js";
import { readTeamTitles } from "./team-assignment.js";

/** @typedef {import("./booking-item.js").HostBooking} HostBooking */

/**
 * The list as shown: its filter, the last query, the token of the next page, and the bookings read so far.
 * @typedef {{ filter: import("./booking-filters.js").BookingFilter, query: import("./booking-filters.js").BookingQuery | null, token: string | null, bookings: HostBooking[] }} ListState
 */

/** @type {WeakMap<import("./context.js").DashboardContext, ListState>} */
const lists = new WeakMap();

/** @param {import("./context.js").DashboardContext} ctx @returns {ListState} */
function stateOf(ctx) {
  let state = lists.get(ctx);
  if (!state) {
    state = { filter: "upcoming", query: null, token: null, bookings: [] };
    lists.set(ctx, state);
  }
  return state;
}

/** @returns {import("./booking-filters.js").BookingFilter} */
function chosenFilter() {
  const checked = document.querySelector('input[name="booking-filter"]:checked');
  const value = checked instanceof HTMLInputElement ? checked.value : "upcoming";
  return isFilter(value) ? value : "upcoming";
}

/**
 * Reads one more page of the current query (the first when `fresh`) and draws the list.
 * @param {import("./context.js").DashboardContext} ctx @param {boolean} fresh
 */
async function readPage(ctx, fresh) {
  const state = stateOf(ctx);
  const form = byId("bookings-filter");
  const errors = byId("bookings-errors");
  const status = byId("bookings-status");
  const today = todayIn(configOf(ctx).timeZone);
  if (fresh) {
    state.filter = chosenFilter();
    state.query = firstQuery(state.filter, today, inputById("bookings-email").value.trim());
    state.token = null;
    state.bookings = [];
  } else if (!state.token && state.query && newestFirst(state.filter)) {
    state.query = earlierWindow(state.query);
  }
  const query = state.query ?? firstQuery(state.filter, today, "");
  clearFieldErrors(form, errors);
  setStatus(status, "Loading bookings…");
  try {
    const page = await ctx.admin.bookingsPage(query, state.token);
    const now = Date.now();
    const read = /** @type {HostBooking[]} */ (page?.bookings ?? []);
    await readTeamTitles(ctx, read);
    // The past window ends with today: today's later meetings belong to "upcoming".
    state.bookings.push(...(state.filter === "past" ? read.filter((b) => Date.parse(b.start) < now) : read));
    state.token = page?.continuationToken ?? null;
    render(ctx, state);
    setStatus(status, describe(state));
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    const count = showFieldErrors(form, errors, error.fieldErrors);
    setStatus(status, count ? "Please correct the search." : `Could not load bookings: ${error.message}`, true);
  }
}

/** @param {ListState} state */
function describe(state) {
  const label = byId(`filter-${state.filter}`).parentElement?.textContent?.trim() ?? state.filter;
  const who = state.query?.email ? ` for “${state.query.email}”` : "";
  return `${label}: ${plural(state.bookings.length, "booking")}${who}${state.token ? ", more to show" : ""}.`;
}

/** @param {import("./context.js").DashboardContext} ctx @param {ListState} state */
function render(ctx, state) {
  const zone = configOf(ctx).timeZone;
  const days = byId("booking-days");
  const more = byId("bookings-more", HTMLButtonElement);
  const past = newestFirst(state.filter);
  more.hidden = !state.token && !past;
  more.textContent = state.token || !past ? "Show more" : "Show 30 days earlier";
  if (past && !state.token && state.query) more.dataset.before = state.query.start;
  if (state.bookings.length === 0) {
    days.replaceChildren(el("p", { class: "muted empty", id: "bookings-empty", text: "No bookings to show." }));
  } else {
    const reload = () => loadBookings(ctx);
    const selectionChanged = () => updateSelection();
    const taken = seatsTaken(state.bookings);
    days.replaceChildren(...groupByDay(state.bookings, zone, past).map(({ date, bookings }) => {
      const headingId = `day-${date}`;
      return el("section", { class: "booking-day", dataset: { date }, "aria-labelledby": headingId },
        el("h3", { id: headingId, class: "day-heading", text: formatLocalDate(date) }),
        el("ul", { class: "booking-list", "aria-labelledby": headingId }, ...bookings.map((b) => bookingItem(ctx, b, reload, selectionChanged, taken.get(sessionKey(b))))));
    }));
  }
  updateSelection();
}

/** Reads the list again from its first page, with the filter and search as they are. @param {import("./context.js").DashboardContext} ctx */
export async function loadBookings(ctx) {
  await readPage(ctx, true);
}

/** @param {import("./context.js").DashboardContext} ctx */
export function setUpBookings(ctx) {
  const form = byId("bookings-filter");
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    loadBookings(ctx);
  });
  for (const radio of form.querySelectorAll('input[name="booking-filter"]')) radio.addEventListener("change", () => loadBookings(ctx));
  const more = byId("bookings-more", HTMLButtonElement);
  more.addEventListener("click", async () => {
    if (more.disabled) return;
    more.disabled = true;
    try {
      await readPage(ctx, false);
    } finally {
      more.disabled = false;
    }
  });
  setUpBulkCancel(ctx, () => loadBookings(ctx));
}
