// @ts-check
// Weekly hours and date overrides, saved together; the server's field errors land on the inputs. A day's hours can be
// copied to every weekday (Monday to Friday) in one click; the copy is saved with the next "Save hours".
import { ApiError } from "../lib/api.js";
import { byId, el, setStatus } from "../lib/dom.js";
import { clearFieldErrors, focusFirstInvalid, showFieldErrors } from "../lib/field-errors.js";
import { plural } from "../lib/format.js";
import { announceConfigChange, configOf } from "./context.js";
import { intervalsEditor, readIntervals } from "./intervals-editor.js";
import { readOverrides, renderOverrides, setUpOverrides } from "./overrides.js";

const DAY_NAMES = { monday: "Monday", tuesday: "Tuesday", wednesday: "Wednesday", thursday: "Thursday", friday: "Friday", saturday: "Saturday", sunday: "Sunday" };

/** The days "Copy to weekdays" fills. */
const WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday"];

/** @param {string} day */
const dayEditor = (day) => /** @type {HTMLElement} */ (byId(`weekly-${day}`).querySelector("[data-intervals]"));

/** Replaces every other weekday's hours with `day`'s (not saved until "Save hours"). @param {string} day */
function copyToWeekdays(day) {
  const intervals = readIntervals(dayEditor(day));
  const targets = WEEKDAYS.filter((d) => d !== day);
  for (const target of targets) {
    dayEditor(target).replaceWith(intervalsEditor(`weekly.${target}`, DAY_NAMES[/** @type {keyof typeof DAY_NAMES} */ (target)], intervals));
  }
  const what = intervals.length ? `${DAY_NAMES[/** @type {keyof typeof DAY_NAMES} */ (day)]}'s hours` : "Closed";
  setStatus(byId("hours-status"), `${what} copied to ${targets.map((d) => DAY_NAMES[/** @type {keyof typeof DAY_NAMES} */ (d)]).join(", ")}. Save hours to keep them.`);
}

/** @param {string} day @param {string} name */
function copyButton(day, name) {
  return el("button", {
    type: "button", class: "secondary copy-day", text: "Copy to weekdays",
    "aria-label": `Copy to weekdays: ${name}'s hours`, onclick: () => copyToWeekdays(day),
  });
}

/** @param {import("./context.js").DashboardContext} ctx */
export function renderHours(ctx) {
  const config = configOf(ctx);
  byId("hours-zone").textContent = config.timeZone;
  const weekly = config.availability?.weekly ?? {};
  byId("weekly").replaceChildren(...Object.entries(DAY_NAMES).map(([day, name]) =>
    el("section", { class: "weekday", id: `weekly-${day}`, "aria-labelledby": `day-${day}`, dataset: { day } },
      el("div", { class: "day-head" }, el("h3", { class: "day-name", id: `day-${day}`, text: name }), copyButton(day, name)),
      intervalsEditor(`weekly.${day}`, name, weekly[day] ?? []))));
  renderOverrides(ctx, config.availability?.overrides ?? []);
  announceConfigChange();
  const blocked = config.availability?.blocked ?? [];
  byId("blocked-note").textContent = blocked.length ? `${plural(blocked.length, "blocked period")} kept as they are.` : "";
  clearFieldErrors(byId("hours-form"), byId("hours-errors"));
}

/** @param {import("./context.js").DashboardContext} ctx */
function collectAvailability(ctx) {
  /** @type {Record<string, import("./context.js").Interval[]>} */
  const weekly = {};
  for (const section of byId("weekly").querySelectorAll("section.weekday")) {
    const editor = section.querySelector("[data-intervals]");
    if (section instanceof HTMLElement && section.dataset.day && editor) weekly[section.dataset.day] = readIntervals(editor);
  }
  // Blocked periods are not edited here: they go back exactly as loaded.
  return { weekly, overrides: readOverrides(), blocked: configOf(ctx).availability?.blocked ?? null };
}

/** @param {import("./context.js").DashboardContext} ctx */
export function setUpHours(ctx) {
  setUpOverrides(ctx);
  const form = byId("hours-form", HTMLFormElement);
  const errors = byId("hours-errors");
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const button = byId("save-hours", HTMLButtonElement);
    if (button.disabled) return;
    button.disabled = true;
    const status = byId("hours-status");
    clearFieldErrors(form, errors);
    setStatus(status, "Saving…");
    try {
      const body = collectAvailability(ctx);
      const saved = await ctx.admin.putAvailability(body);
      configOf(ctx).availability = saved?.weekly ? saved : (saved?.availability ?? body);
      renderHours(ctx);
      setStatus(status, "Hours saved.");
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const count = showFieldErrors(form, errors, error.fieldErrors);
      setStatus(status, count ? "Please correct the hours marked below." : `Not saved: ${error.message}`, true);
      focusFirstInvalid(form);
    } finally {
      button.disabled = false;
    }
  });
}
