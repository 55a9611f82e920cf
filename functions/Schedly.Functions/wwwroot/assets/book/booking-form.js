// @ts-check
// /book/{host}/{eventType}: the zone, the slot picker and the short form. Only the HTML's own
// `required` is checked here; everything else is the server's to judge, and its validation
// problem is shown on the form.
import { ApiError } from "../lib/api.js";
import { byId, inputById, setStatus } from "../lib/dom.js";
import { publicApi } from "../lib/endpoints.js";
import { focusFirstInvalid, showFieldErrors } from "../lib/field-errors.js";
import { formatRange } from "../lib/format.js";
import { fillZoneSelect, zoneLabel } from "../lib/zones.js";
import { createSlotPicker } from "../calendar.js";
import { showConfirmation } from "./confirmation.js";
import { setUpProofOfWork } from "./proof-of-work.js";
import { chosenLengthLabel, setUpDurationChoice } from "./duration-choice.js";
import { readAnswers, renderQuestions } from "./questions.js";

/** What to say when a required field is empty, by field. */
const MISSING = { name: "Please enter your name.", email: "Please enter a valid email address." };

function newIdempotencyKey() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** @param {import("./context.js").BookingContext} ctx */
export async function showBooking(ctx) {
  const { profile, type } = ctx;
  if (!profile || !type) return;
  document.title = `${type.title} with ${profile.name} · Schedly`;
  byId("title").textContent = type.title;
  const subtitle = () => {
    byId("subtitle").textContent = [`with ${profile.name}`, chosenLengthLabel(ctx)].filter(Boolean).join(" · ");
  };
  subtitle();
  setStatus(ctx.status, "");
  byId("booking").hidden = false;

  const zoneSelect = byId("zone", HTMLSelectElement);
  fillZoneSelect(zoneSelect, ctx.zone);
  const form = byId("booking-form", HTMLFormElement);
  const solveProofOfWork = await setUpProofOfWork(profile.proofOfWork === true, byId("form-status"));
  renderQuestions(type.questions ?? []);

  const picker = createSlotPicker(byId("picker"), {
    host: profile.slug,
    eventType: type.slug,
    timeZone: ctx.zone,
    durationMinutes: ctx.type?.durationMinutes ?? null,
    onSelect(slot) {
      ctx.chosen = slot;
      ctx.pendingKey = null;
      byId("chosen").textContent = `${formatRange(slot.start, slot.end, ctx.zone)} (${zoneLabel(ctx.zone)})`;
      showErrors(form, "", []);
      setStatus(ctx.status, "");
      form.hidden = false;
      inputById("name").focus();
    },
  });
  picker.refresh();
  setUpDurationChoice(ctx, (minutes) => {
    ctx.chosen = null;
    ctx.pendingKey = null;
    form.hidden = true;
    subtitle();
    picker.setDuration(minutes);
  });

  zoneSelect.addEventListener("change", () => {
    ctx.zone = zoneSelect.value;
    ctx.chosen = null;
    form.hidden = true;
    picker.setTimeZone(ctx.zone);
  });

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const submit = byId("submit", HTMLButtonElement);
    if (!ctx.chosen || submit.disabled) return;
    showErrors(form, "", []);
    const missing = missingFields(form);
    if (missing.length) {
      showErrors(form, "Please check the form.", missing);
      return;
    }
    ctx.pendingKey ??= newIdempotencyKey();
    submit.disabled = true;
    submit.textContent = "Booking…";
    try {
      const body = {
        start: ctx.chosen.start,
        name: inputById("name").value.trim(),
        email: inputById("email").value.trim(),
        timeZone: ctx.zone,
        notes: byId("notes", HTMLTextAreaElement).value.trim(),
        altcha: await solveProofOfWork(),
        durationMinutes: ctx.durationMinutes ?? type.durationMinutes,
        answers: readAnswers(type.questions ?? []),
      };
      showConfirmation(ctx, await publicApi.book(profile.slug, type.slug, body, ctx.pendingKey));
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      if (error.status !== 0) ctx.pendingKey = null;
      if (error.kind === "slot-unavailable") {
        ctx.chosen = null;
        form.hidden = true;
        picker.clearSelection();
        setStatus(ctx.status, "That time was just taken. Please choose another time.", true);
        await picker.refresh();
      } else if (error.fieldErrors.length) {
        showErrors(form, "Please check the form.", error.fieldErrors);
      } else {
        setStatus(byId("form-status"), error.status === 0 ? error.message : `Sorry, that did not work: ${error.message}`, true);
      }
    } finally {
      submit.disabled = false;
      submit.textContent = "Confirm booking";
    }
  });
}

/**
 * The required fields left empty, as [field, message] pairs.
 * @param {HTMLFormElement} form
 * @returns {Array<[string, string]>}
 */
function missingFields(form) {
  return [...form.querySelectorAll("input[required][data-field]")]
    .filter((input) => input instanceof HTMLInputElement && input.validity.valueMissing)
    .map((input) => {
      const field = input.getAttribute("data-field") ?? "";
      return [field, MISSING[/** @type {keyof typeof MISSING} */ (field)] ?? "Please fill this in."];
    });
}

/**
 * The form's summary line and its field errors (listed by message, fields marked; focus on the first).
 * @param {HTMLFormElement} form
 * @param {string} summary
 * @param {Array<[string, string]>} pairs
 */
function showErrors(form, summary, pairs) {
  setStatus(byId("form-status"), summary, pairs.length > 0);
  showFieldErrors(form, byId("form-errors"), pairs, { withFieldNames: false, besideFields: false });
  focusFirstInvalid(form);
}
