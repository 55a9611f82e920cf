// @ts-check
// The analytics range form (the past and the next 30 days by default, in the host's zone, so upcoming bookings
// count as soon as they are made). Only the HTML's
// `required` is checked here; the server judges the range and its field errors mark the dates.
import { ApiError } from "../lib/api.js";
import { addDays, todayIn } from "../lib/dates.js";
import { byId, inputById, setStatus } from "../lib/dom.js";
import { clearFieldErrors, showFieldErrors } from "../lib/field-errors.js";
import { renderAnalytics } from "./analytics-view.js";
import { configOf } from "./context.js";

const DEFAULT_DAYS_BACK = 30;
const DEFAULT_DAYS_AHEAD = 30;

/** @param {import("./context.js").DashboardContext} ctx */
export function resetAnalyticsRange(ctx) {
  const zone = configOf(ctx).timeZone;
  const today = todayIn(zone);
  inputById("analytics-from").value = addDays(today, -DEFAULT_DAYS_BACK);
  inputById("analytics-to").value = addDays(today, DEFAULT_DAYS_AHEAD);
  byId("analytics-zone").textContent = zone;
}

/** @param {import("./context.js").DashboardContext} ctx */
export async function loadAnalytics(ctx) {
  const form = byId("analytics-form");
  const errors = byId("analytics-errors");
  const status = byId("analytics-status");
  const from = inputById("analytics-from");
  const to = inputById("analytics-to");
  clearFieldErrors(form, errors);
  const missing = [from, to].find((input) => input.validity.valueMissing);
  if (missing) {
    missing.setAttribute("aria-invalid", "true");
    setStatus(status, "Choose both dates.", true);
    missing.focus();
    return;
  }
  const body = byId("analytics-body");
  body.setAttribute("aria-busy", "true");
  setStatus(status, "Loading analytics…");
  try {
    renderAnalytics(await ctx.admin.analytics(from.value, to.value), todayIn(configOf(ctx).timeZone));
    setStatus(status, "");
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    const count = showFieldErrors(form, errors, error.fieldErrors);
    setStatus(status, count ? "Please correct the dates." : `Could not load analytics: ${error.message}`, true);
  } finally {
    body.setAttribute("aria-busy", "false");
  }
}

/** @param {import("./context.js").DashboardContext} ctx */
export function setUpAnalytics(ctx) {
  byId("analytics-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const button = byId("analytics-show", HTMLButtonElement);
    if (button.disabled) return;
    button.disabled = true;
    try {
      await loadAnalytics(ctx);
    } finally {
      button.disabled = false;
    }
  });
}
