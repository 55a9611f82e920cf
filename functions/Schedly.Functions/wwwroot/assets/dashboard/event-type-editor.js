// @ts-check
// Creating, editing and deactivating an event type. Empty fields are sent as null so the server
// applies its own defaults; every rule (slug shape, minute ranges, price format, payment needing a price) is the
// server's, and its field errors are shown beside the inputs. For the host's convenience only: a new type's slug
// follows its title until the host edits the slug, lengths of time are typed in hours and minutes, and prices the
// way the host's locale writes numbers ("150,00" in German).
import { ApiError } from "../lib/api.js";
import { formatLocalDecimal, parseLocalDecimal } from "../lib/decimal-input.js";
import { byId, inputById, setStatus } from "../lib/dom.js";
import { bookingPageUrl, hostOwner } from "../lib/endpoints.js";
import { slugFromTitle } from "../lib/slug.js";
import { clearFieldErrors, showFieldErrors } from "../lib/field-errors.js";
import { announceConfigChange, configOf } from "./context.js";
import { fillChangeRules, readChangeRules } from "./change-rules-fields.js";
import { fillLengths, readLengths, setUpLengthFields } from "./length-fields.js";
import { fillLocation, readLocation, setUpLocationFields } from "./location-fields.js";
import { fillHoursMinutes, readHoursMinutes } from "./hours-minutes.js";
import { fillQuestions, readQuestions, setUpQuestionFields } from "./question-fields.js";
import { fillReminders, readReminders, setUpReminderFields } from "./reminder-fields.js";
import { renderTypeList } from "./event-type-list.js";

/** Input id → event type field, for the whole-number fields. */
const NUMBER_FIELDS = {
  "type-interval": "slotIntervalMinutes",
  "type-window": "bookingWindowDays",
  "type-limit": "maxBookingsPerDay",
  "type-seats": "seats",
};

/** Fieldset id (hours and minutes) → event type field in minutes. */
const LENGTH_FIELDS = {
  "type-duration": "durationMinutes",
  "type-buffer-before": "bufferBeforeMinutes",
  "type-buffer-after": "bufferAfterMinutes",
  "type-notice": "minimumNoticeMinutes",
};

/** The host's locale, in which prices are typed. @param {import("./context.js").DashboardContext} ctx */
const localeOf = (ctx) => configOf(ctx).locale || "en";

const form = () => byId("type-form", HTMLFormElement);
const errorList = () => byId("type-errors");
const status = () => byId("type-status");

/** @param {import("./context.js").DashboardContext} ctx */
export function showTypes(ctx) {
  renderTypeList(ctx, (slug) => openType(ctx, slug));
  announceConfigChange();
}

/**
 * Opens the editor on an event type, or on a new one when `slug` is "".
 * @param {import("./context.js").DashboardContext} ctx
 * @param {string} slug
 */
function openType(ctx, slug) {
  ctx.editing = slug;
  /** @type {import("./context.js").EventTypeConfig} */
  const type = slug ? configOf(ctx).eventTypes?.[slug] ?? {} : {};
  byId("type-form-heading").textContent = slug ? `Edit ${type.title ?? slug}` : "New event type";
  const slugInput = inputById("type-slug");
  slugInput.value = slug;
  slugInput.readOnly = Boolean(slug);
  // A new type's slug follows the title until the host types in it.
  slugInput.dataset.follow = slug ? "" : "title";
  showLink(ctx);
  inputById("type-title").value = type.title ?? "";
  byId("type-description", HTMLTextAreaElement).value = String(type.description ?? "");
  for (const [id, field] of Object.entries(NUMBER_FIELDS)) inputById(id).value = String(type[field] ?? "");
  for (const [id, field] of Object.entries(LENGTH_FIELDS)) fillHoursMinutes(id, type[field]);
  const locale = localeOf(ctx);
  const price = inputById("type-price");
  price.value = formatLocalDecimal(type.price?.amount, locale);
  price.placeholder = formatLocalDecimal("50.00", locale);
  inputById("type-currency").value = type.price?.currency ?? "";
  inputById("type-active").checked = type.active !== false;
  byId("type-limits-count", HTMLSelectElement).value = type.limitsCount === "attendees" ? "attendees" : "sessions";
  inputById("type-approval").checked = type.requiresApproval === true;
  inputById("type-payment").checked = /** @type {{ required?: boolean } | undefined} */ (type.payment)?.required === true;
  fillReminders(type.reminderOffsetsMinutes);
  fillLocation(/** @type {import("./location-fields.js").EventLocation | null | undefined} */ (type.location));
  fillLengths(/** @type {import("./length-fields.js").DurationOption[] | undefined} */ (type.durationOptions), locale);
  fillChangeRules(/** @type {import("./change-rules-fields.js").ClientPolicy | null | undefined} */ (type.clientPolicy));
  fillQuestions(/** @type {import("./question-fields.js").BookingQuestion[] | undefined} */ (type.questions));
  byId("deactivate-type").hidden = !slug || type.active === false;
  clearFieldErrors(form(), errorList());
  setStatus(status(), "");
  form().hidden = false;
  inputById("type-title").focus();
}

/** The booking link the slug makes, under the slug field. @param {import("./context.js").DashboardContext} ctx */
function showLink(ctx) {
  const slug = inputById("type-slug").value.trim();
  byId("type-link").textContent = slug ? `Booking link: ${location.origin}${bookingPageUrl(hostOwner(ctx.host), slug)}` : "";
}

/** The event type as the form has it, over the stored one (fields the form does not show are kept). @param {import("./context.js").DashboardContext} ctx */
function collectType(ctx) {
  const original = ctx.editing ? configOf(ctx).eventTypes?.[ctx.editing] ?? {} : {};
  /** @type {import("./context.js").EventTypeConfig} */
  const body = { ...original };
  body.title = inputById("type-title").value.trim();
  body.description = byId("type-description", HTMLTextAreaElement).value.trim();
  for (const [id, field] of Object.entries(NUMBER_FIELDS)) {
    const raw = inputById(id).value.trim();
    body[field] = raw === "" ? null : Number(raw);
  }
  for (const [id, field] of Object.entries(LENGTH_FIELDS)) body[field] = readHoursMinutes(id);
  const locale = localeOf(ctx);
  const amount = parseLocalDecimal(inputById("type-price").value, locale);
  const currency = inputById("type-currency").value.trim().toUpperCase();
  body.price = amount || currency ? { amount, currency } : null;
  body.active = inputById("type-active").checked;
  body.limitsCount = byId("type-limits-count", HTMLSelectElement).value;
  body.requiresApproval = inputById("type-approval").checked;
  body.payment = { required: inputById("type-payment").checked };
  body.reminderOffsetsMinutes = readReminders();
  body.location = readLocation();
  body.questions = readQuestions();
  body.durationOptions = readLengths(locale);
  body.clientPolicy = readChangeRules();
  return body;
}

/**
 * After a change: re-reads the configuration, redraws the list and reopens the editor on the type.
 * @param {import("./context.js").DashboardContext} ctx
 * @param {string} slug
 * @param {string} message
 */
async function reloadAndReopen(ctx, slug, message) {
  ctx.config = await ctx.admin.config();
  showTypes(ctx);
  openType(ctx, slug);
  setStatus(status(), message);
}

/**
 * Saves, re-reads the configuration and reopens the editor on the saved type.
 * @param {import("./context.js").DashboardContext} ctx
 * @param {string} slug
 */
async function save(ctx, slug) {
  setStatus(status(), "Saving…");
  try {
    await ctx.admin.putEventType(slug, collectType(ctx));
    await reloadAndReopen(ctx, slug, "Event type saved.");
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    const count = showFieldErrors(form(), errorList(), error.fieldErrors);
    setStatus(status(), count ? "Please correct the fields marked below." : `Not saved: ${error.message}`, true);
  }
}

/** @param {import("./context.js").DashboardContext} ctx */
export function setUpTypeEditor(ctx) {
  setUpLocationFields();
  setUpLengthFields(() => localeOf(ctx));
  setUpQuestionFields();
  setUpReminderFields();
  const slugInput = inputById("type-slug");
  inputById("type-title").addEventListener("input", () => {
    if (slugInput.dataset.follow !== "title") return;
    slugInput.value = slugFromTitle(inputById("type-title").value);
    showLink(ctx);
  });
  slugInput.addEventListener("input", () => {
    slugInput.dataset.follow = "";
    showLink(ctx);
  });
  byId("new-type").addEventListener("click", () => openType(ctx, ""));

  byId("close-type").addEventListener("click", () => {
    form().hidden = true;
    ctx.editing = null;
    byId("new-type").focus();
  });

  form().addEventListener("submit", async (event) => {
    event.preventDefault();
    const button = byId("save-type", HTMLButtonElement);
    if (button.disabled) return;
    const slug = ctx.editing || slugInput.value.trim();
    clearFieldErrors(form(), errorList());
    if (!slug) {
      showFieldErrors(form(), errorList(), [["eventType", "Required: the slug is part of the booking link."]]);
      setStatus(status(), "Please correct the fields marked below.", true);
      slugInput.focus();
      return;
    }
    if (!ctx.editing && configOf(ctx).eventTypes?.[slug]) {
      slugInput.setAttribute("aria-invalid", "true");
      setStatus(status(), `An event type "${slug}" already exists; edit it instead.`, true);
      return;
    }
    button.disabled = true;
    try {
      await save(ctx, slug);
    } finally {
      button.disabled = false;
    }
  });

  byId("deactivate-type").addEventListener("click", async () => {
    const button = byId("deactivate-type", HTMLButtonElement);
    const slug = ctx.editing;
    if (!slug || button.disabled) return;
    button.disabled = true;
    setStatus(status(), "Deactivating…");
    try {
      await ctx.admin.deactivateEventType(slug);
      await reloadAndReopen(ctx, slug, "Deactivated: it can no longer be booked; existing bookings keep working.");
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setStatus(status(), `Not deactivated: ${error.message}`, true);
    } finally {
      button.disabled = false;
    }
  });
}
