// @ts-check
// The host dashboard: /dashboard/{host}, and /dashboard to sign in by email. Signed in by an emailed link, the
// browser holds an HttpOnly session cookie the page never sees; signed in with the API key, the key is kept in
// sessionStorage only (never localStorage, never in a URL) and travels as `Authorization: Bearer`. The profile and
// photo, weekly hours and date overrides, event types, the bookings (upcoming, past, cancelled or pending, by client
// email, grouped by day, paged), and analytics (the past and the next 30 days by default) drawn with uPlot, and the
// host's own calendars. Each section is a module under
// dashboard/; they share one context object.
import { byId, inputById, setStatus } from "./lib/dom.js";
import { loadAnalytics, resetAnalyticsRange, setUpAnalytics } from "./dashboard/analytics.js";
import { loadBookings, setUpBookings } from "./dashboard/bookings.js";
import { loadCalendars, setUpCalendars } from "./dashboard/calendars.js";
import { configOf, createDashboardContext } from "./dashboard/context.js";
import { setUpFirstRun } from "./dashboard/first-run.js";
import { setUpTypeEditor, showTypes } from "./dashboard/event-type-editor.js";
import { renderHours, setUpHours } from "./dashboard/hours-form.js";
import { renderProfile, setUpProfile } from "./dashboard/profile-form.js";
import { redeemLink, resumeSession, setUpSignIn, showSignIn, signIn } from "./dashboard/sign-in.js";
import { readKey } from "./dashboard/stored-key.js";

/** Lists and areas emptied on sign-out. */
const SIGNED_IN_CONTENT = ["profile-errors", "profile-zones", "type-reminders", "override-calendar", "first-run-steps", "share", "weekly", "overrides", "type-list", "booking-days", "hours-errors", "type-errors", "analytics-totals", "analytics-charts", "analytics-errors", "calendar-list", "calendar-errors"];

const ctx = createDashboardContext();

/** @type {import("./dashboard/sign-in.js").SignInHooks} */
const hooks = {
  async onSignedIn() {
    renderProfile(ctx);
    renderHours(ctx);
    showTypes(ctx);
    resetAnalyticsRange(ctx);
    byId("bookings-zone").textContent = configOf(ctx).timeZone;
    await Promise.all([loadBookings(ctx), loadAnalytics(ctx), loadCalendars(ctx)]);
  },
  onSignedOut() {
    window.clearTimeout(ctx.calendarPoll);
    for (const id of SIGNED_IN_CONTENT) byId(id).replaceChildren();
    byId("type-form").hidden = true;
  },
};

/** The token of an emailed sign-in link in the page's fragment (#signin=…), or null. */
const linkToken = () => new URLSearchParams(location.hash.slice(1)).get("signin");

async function main() {
  setUpSignIn(ctx, hooks);
  // A link opened in a tab already showing the dashboard changes only the fragment.
  window.addEventListener("hashchange", () => {
    const token = linkToken();
    if (token) redeemLink(ctx, token);
  });
  const token = linkToken();
  if (token) {
    await redeemLink(ctx, token);
    return;
  }
  if (!ctx.host) {
    showSignIn(ctx);
    inputById("signin-email").focus();
    return;
  }
  setUpFirstRun(ctx);
  setUpProfile(ctx);
  setUpHours(ctx);
  setUpTypeEditor(ctx);
  setUpBookings(ctx);
  setUpAnalytics(ctx);
  setUpCalendars(ctx);
  const stored = readKey(ctx.host);
  if (stored) {
    setStatus(ctx.status, "Loading…");
    const ok = await signIn(ctx, hooks, stored, { fromStorage: true });
    setStatus(ctx.status, "");
    if (ok) return;
  }
  if (await resumeSession(ctx, hooks)) return;
  showSignIn(ctx);
  inputById("signin-email").focus();
}

main().catch((error) => setStatus(ctx.status, `Something went wrong: ${error.message}`, true));
