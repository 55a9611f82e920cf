// @ts-check
// The bookings of the next 30 days, and of the past 7 (to mark no-shows).
import { ApiError } from "../lib/api.js";
import { addDays, todayIn } from "../lib/dates.js";
import { byId, el, setStatus } from "../lib/dom.js";
import { bookingItem } from "./booking-item.js";
import { configOf } from "./context.js";

const UPCOMING_DAYS = 30;
const RECENT_DAYS = 7;
const MAX_PAGES = 20;

/**
 * Every confirmed booking from start to end, page by page (at most MAX_PAGES pages).
 * @param {import("./context.js").DashboardContext} ctx
 * @param {string} start
 * @param {string} end
 * @returns {Promise<import("./booking-item.js").HostBooking[]>}
 */
async function fetchBookings(ctx, start, end) {
  const all = [];
  /** @type {string | null} */
  let token = null;
  for (let page = 0; page < MAX_PAGES; page++) {
    const result = await ctx.admin.bookingsPage(start, end, token);
    all.push(...(result?.bookings ?? []));
    token = result?.continuationToken ?? null;
    if (!token) break;
  }
  return all;
}

/** @param {import("./context.js").DashboardContext} ctx */
export async function loadBookings(ctx) {
  const status = byId("bookings-status");
  setStatus(status, "Loading bookings…");
  const today = todayIn(configOf(ctx).timeZone);
  try {
    const bookings = await fetchBookings(ctx, addDays(today, -RECENT_DAYS), addDays(today, UPCOMING_DAYS));
    const now = Date.now();
    const upcoming = bookings.filter((b) => Date.parse(b.start) >= now);
    const recent = bookings.filter((b) => Date.parse(b.start) < now).reverse();
    renderList(ctx, byId("upcoming-list"), upcoming, false, "No bookings in the next 30 days.");
    renderList(ctx, byId("recent-list"), recent, true, "No bookings in the past 7 days.");
    setStatus(status, "");
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    setStatus(status, `Could not load bookings: ${error.message}`, true);
  }
}

/**
 * @param {import("./context.js").DashboardContext} ctx
 * @param {HTMLElement} list
 * @param {import("./booking-item.js").HostBooking[]} bookings
 * @param {boolean} past
 * @param {string} emptyText
 */
function renderList(ctx, list, bookings, past, emptyText) {
  if (bookings.length === 0) {
    list.replaceChildren(el("li", { class: "muted empty", text: emptyText }));
    return;
  }
  const taken = seatsTaken(bookings);
  list.replaceChildren(...bookings.map((b) => bookingItem(ctx, b, past, () => loadBookings(ctx), taken.get(sessionKey(b)))));
}

/** A seated event type's session: its seats share event type, start and end. @param {import("./booking-item.js").HostBooking} b */
const sessionKey = (b) => `${b.eventType}|${b.start}|${b.end}`;

/**
 * How many seats each session holds in the list (cancelled seats hold none).
 * @param {import("./booking-item.js").HostBooking[]} bookings
 */
function seatsTaken(bookings) {
  const taken = new Map();
  for (const b of bookings) {
    if (b.status === "cancelled") continue;
    taken.set(sessionKey(b), (taken.get(sessionKey(b)) ?? 0) + 1);
  }
  return taken;
}
