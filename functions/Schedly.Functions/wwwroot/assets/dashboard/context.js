// @ts-check
// The dashboard's one context object: which host, the signed-in key, the host's configuration as
// last read, the event type open in the editor, and the admin API bound to that key.
import { byId } from "../lib/dom.js";
import { adminApi } from "../lib/endpoints.js";

/** @typedef {{ start: string, end: string }} Interval */
/** @typedef {{ date: string, intervals: Interval[] }} Override */
/** @typedef {{ weekly?: Record<string, Interval[]>, overrides?: Override[], blocked?: unknown[] | null }} Availability */
/** @typedef {{ title?: string, durationMinutes?: number, active?: boolean, price?: { amount: string, currency: string } | null, [field: string]: unknown }} EventTypeConfig */
/** @typedef {{ name: string, email: string, timeZone: string, locale?: string, bio?: string, imageUrl?: string | null, photoUrl?: string | null, retentionDays?: number, embedOrigins?: string[], availability?: Availability, eventTypes?: Record<string, EventTypeConfig> }} HostConfig */

/**
 * @typedef {object} DashboardContext
 * @property {string} host the host slug from the path
 * @property {string} key the host API key while signed in with it, else ""
 * @property {boolean} session true while signed in by the session cookie (an emailed link)
 * @property {HostConfig | null} config
 * @property {string | null} editing slug of the event type in the editor, "" for a new one, null when closed
 * @property {import("../lib/endpoints.js").AdminApi} admin
 * @property {HTMLElement} status the page's status line
 * @property {number} calendarPoll the timer that reads the calendars again while a refresh runs (0: none)
 */

/** @returns {DashboardContext} */
export function createDashboardContext() {
  const host = decodeURIComponent(location.pathname.split("/").filter(Boolean)[1] ?? "");
  /** @type {DashboardContext} */
  const ctx = {
    host,
    key: "",
    session: false,
    config: null,
    editing: null,
    admin: adminApi(host, () => ctx.key),
    status: byId("page-status"),
    calendarPoll: 0,
  };
  return ctx;
}

/**
 * The configuration, which every section but sign-in needs: present once signed in.
 * @param {DashboardContext} ctx
 * @returns {HostConfig}
 */
export function configOf(ctx) {
  if (!ctx.config) throw new Error("Not signed in.");
  return ctx.config;
}

/** The event a section sends after it has drawn a new configuration (the first-run checklist follows it). */
export const CONFIG_CHANGED = "schedly:config-changed";

/** Tells the other sections that ctx.config changed. */
export function announceConfigChange() {
  document.dispatchEvent(new Event(CONFIG_CHANGED));
}
