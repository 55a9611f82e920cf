// @ts-check
// The host's own calendars: feeds whose busy times remove slots. Add one by its secret iCalendar
// address, rename, refresh or remove it, and see its status, last sync, busy count and error. The
// address is never shown again (the server returns only its scheme and host). Refreshes run in the
// background, so after a change the list is read again until the server has tried the feed; opening
// a rename stops that, so the list is never redrawn under the host's typing.
import { ApiError } from "../lib/api.js";
import { byId, el, inputById, setStatus } from "../lib/dom.js";
import { clearFieldErrors, focusFirstInvalid, showFieldErrors } from "../lib/field-errors.js";
import { plural } from "../lib/format.js";

/**
 * @typedef {object} CalendarFeed a feed as GET /api/admin/hosts/{host}/calendars lists it
 * @property {string} id
 * @property {string} name
 * @property {string} url the masked address (scheme and host)
 * @property {"never" | "ok" | "failing" | "stale"} status
 * @property {string | null} [lastSyncedAt]
 * @property {string | null} [lastAttemptAt]
 * @property {number} busyCount
 * @property {string | null} [error]
 * @property {string[]} [warnings]
 */

const POLL_MS = 1500;
const POLL_LIMIT = 30;

/** @type {Record<CalendarFeed["status"], string>} */
const STATUS_TEXT = { never: "Waiting for the first sync", ok: "Synced", failing: "Failing", stale: "Stale: busy times not used" };

/** @param {import("./context.js").DashboardContext} ctx */
export function setUpCalendars(ctx) {
  byId("calendar-form").addEventListener("submit", (event) => {
    event.preventDefault();
    void addCalendar(ctx);
  });
}

/**
 * Reads and shows the feeds; while `pending` names feeds the server has not tried since, reads again shortly.
 * @param {import("./context.js").DashboardContext} ctx
 * @param {Map<string, string | null>} [pending] feed id → its lastAttemptAt before the change
 * @param {number} [round]
 */
export async function loadCalendars(ctx, pending = new Map(), round = 0) {
  window.clearTimeout(ctx.calendarPoll);
  const status = byId("calendar-status");
  try {
    const result = await ctx.admin.calendars();
    /** @type {CalendarFeed[]} */
    const feeds = result?.calendars ?? [];
    if (round > 0 && byId("calendar-list").querySelector("form.calendar-rename")) return; // a rename is open: leave it be
    render(ctx, feeds);
    const waiting = feeds.some((f) => pending.has(f.id) && (f.lastAttemptAt ?? null) === pending.get(f.id));
    if (waiting && round < POLL_LIMIT && ctx.key) {
      ctx.calendarPoll = window.setTimeout(() => void loadCalendars(ctx, pending, round + 1), POLL_MS);
    }
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    setStatus(status, `Could not load calendars: ${error.message}`, true);
  }
}

/** @param {import("./context.js").DashboardContext} ctx */
async function addCalendar(ctx) {
  const form = byId("calendar-form", HTMLFormElement);
  const errors = byId("calendar-errors");
  const status = byId("calendar-status");
  const name = inputById("calendar-name");
  const url = inputById("calendar-url");
  clearFieldErrors(form, errors);
  const id = idFor(name.value, [...byId("calendar-list").querySelectorAll("li[data-id]")].map((li) => /** @type {HTMLElement} */ (li).dataset.id ?? ""));
  setStatus(status, "Adding…");
  try {
    await ctx.admin.putCalendar(id, { name: name.value, url: url.value });
    form.reset();
    setStatus(status, "Calendar added. Its busy times appear after the first sync.");
    await loadCalendars(ctx, new Map([[id, null]]));
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    setStatus(status, error.message, true);
    showFieldErrors(form, errors, error.fieldErrors);
    focusFirstInvalid(form);
  }
}

/**
 * A new feed id from its name: lowercase letters, digits and single hyphens, unique among `taken`.
 * @param {string} name
 * @param {string[]} taken
 */
function idFor(name, taken) {
  const base = name.toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 50) || "calendar";
  let id = base;
  for (let n = 2; taken.includes(id); n++) id = `${base}-${n}`;
  return id;
}

/** @param {import("./context.js").DashboardContext} ctx @param {CalendarFeed[]} feeds */
function render(ctx, feeds) {
  const list = byId("calendar-list");
  if (feeds.length === 0) {
    list.replaceChildren(el("li", { class: "muted empty", text: "No calendars yet." }));
    return;
  }
  list.replaceChildren(...feeds.map((feed) => item(ctx, feed)));
}

/** @param {import("./context.js").DashboardContext} ctx @param {CalendarFeed} feed */
function item(ctx, feed) {
  const synced = feed.lastSyncedAt
    ? el("time", { datetime: feed.lastSyncedAt, text: new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" }).format(new Date(feed.lastSyncedAt)) })
    : null;
  const title = el("strong", { class: "calendar-name", text: feed.name });
  const li = el("li", { class: "calendar-item", dataset: { id: feed.id, status: feed.status } },
    title, " ", el("span", { class: "muted small", text: feed.url }),
    el("p", { class: "calendar-state" },
      el("span", { class: `calendar-status ${feed.status}`, text: STATUS_TEXT[feed.status] }),
      ` · ${plural(feed.busyCount, "busy time")}`,
      synced ? " · last synced " : null, synced),
    feed.error ? el("p", { class: "error small calendar-error", text: feed.error }) : null,
    ...(feed.warnings ?? []).map((w) => el("p", { class: "muted small", text: w })));
  const actions = el("p", { class: "actions" },
    el("button", { type: "button", class: "secondary", "aria-label": `Rename calendar: ${feed.name}`, text: "Rename", onclick: () => startRename(ctx, li, feed) }),
    " ",
    el("button", { type: "button", class: "secondary", "aria-label": `Refresh calendar: ${feed.name}`, text: "Refresh", onclick: () => void refresh(ctx, feed) }),
    " ",
    el("button", { type: "button", class: "danger", "aria-label": `Remove calendar: ${feed.name}`, text: "Remove", onclick: () => void remove(ctx, feed) }));
  li.append(actions);
  return li;
}

/** @param {import("./context.js").DashboardContext} ctx @param {HTMLElement} li @param {CalendarFeed} feed */
function startRename(ctx, li, feed) {
  window.clearTimeout(ctx.calendarPoll);
  const input = el("input", { type: "text", value: feed.name, "aria-label": `New name for ${feed.name}`, maxlength: "100", "data-field": "name" });
  const form = el("form", { class: "calendar-rename", novalidate: true },
    input, " ",
    el("button", { type: "submit", class: "primary", text: "Save name" }), " ",
    el("button", { type: "button", class: "secondary", text: "Keep name", onclick: () => void loadCalendars(ctx) }));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    void rename(ctx, feed, input.value, form);
  });
  li.querySelector(".calendar-name")?.replaceWith(form);
  input.focus();
}

/**
 * @param {import("./context.js").DashboardContext} ctx @param {CalendarFeed} feed @param {string} name @param {HTMLElement} form
 */
async function rename(ctx, feed, name, form) {
  const status = byId("calendar-status");
  try {
    await ctx.admin.putCalendar(feed.id, { name });
    setStatus(status, "Calendar renamed.");
    await loadCalendars(ctx, new Map([[feed.id, feed.lastAttemptAt ?? null]]));
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    setStatus(status, error.message, true);
    showFieldErrors(form, byId("calendar-errors"), error.fieldErrors);
  }
}

/** @param {import("./context.js").DashboardContext} ctx @param {CalendarFeed} feed */
async function refresh(ctx, feed) {
  const status = byId("calendar-status");
  setStatus(status, `Refreshing ${feed.name}…`);
  try {
    await ctx.admin.refreshCalendar(feed.id);
    setStatus(status, `${feed.name}: refresh requested.`);
    await loadCalendars(ctx, new Map([[feed.id, feed.lastAttemptAt ?? null]]));
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    setStatus(status, error.message, true);
  }
}

/** @param {import("./context.js").DashboardContext} ctx @param {CalendarFeed} feed */
async function remove(ctx, feed) {
  const status = byId("calendar-status");
  try {
    await ctx.admin.deleteCalendar(feed.id);
    setStatus(status, `${feed.name} removed; its busy times no longer block slots.`);
    await loadCalendars(ctx);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    setStatus(status, error.message, true);
  }
}
