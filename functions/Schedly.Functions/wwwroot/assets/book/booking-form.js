// @ts-check
// /book/{host}/{eventType}: the zone, the slot picker and the short form. Only the HTML's own
// `required` is checked here; everything else is the server's to judge, and its validation
// problem is shown on the form: each error beside its field, and all of them listed.
import { ApiError } from "../lib/api.js";
import { byId, inputById, setStatus } from "../lib/dom.js";
import { publicApi } from "../lib/endpoints.js";
import { focusFirstInvalid, showFieldErrors } from "../lib/field-errors.js";
import { formatRange } from "../lib/format.js";
import { t } from "../lib/i18n.js";
import { zoneLabel } from "../lib/zones.js";
import { createSlotPicker } from "../calendar.js";
import { showConfirmation } from "./confirmation.js";
import { withWhom } from "./host-profile.js";
import { setUpProofOfWork } from "./proof-of-work.js";
import { chosenLengthLabel, setUpDurationChoice } from "./duration-choice.js";
import { readAnswers, renderQuestions } from "./questions.js";
import { currentStep, pushDetailsStep, showMonthStep, showPickStep } from "./steps.js";
import { setUpZonePicker } from "./zone-picker.js";
import { setUpHourCycle } from "./hour-cycle.js";
import { emit } from "../lib/embed-events.js";

/** What to say when a required field is empty, by field. */
const MISSING = /** @type {Record<string, string>} */ ({ name: "page.book.missingName", email: "page.book.missingEmail" });

function newIdempotencyKey() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** @param {import("./context.js").BookingContext} ctx */
export async function showBooking(ctx) {
  const { profile, type } = ctx;
  if (!profile || !type) return;
  byId("title").textContent = type.title;
  const subtitle = () => {
    byId("subtitle").textContent = [withWhom(profile), chosenLengthLabel(ctx)].filter(Boolean).join(" · ");
  };
  subtitle();
  setStatus(ctx.status, "");
  byId("booking").hidden = false;

  const form = byId("booking-form", HTMLFormElement);
  // A type whose bookings wait says so on the button: the client is asking, or will pay next.
  const submitLabel = t(type.payment?.required ? "page.book.submitPay" : type.requiresApproval ? "page.book.submitRequest" : "page.book.submit");
  byId("submit", HTMLButtonElement).textContent = submitLabel;
  const solveProofOfWork = await setUpProofOfWork(profile.proofOfWork === true, byId("form-status"));
  renderQuestions(type.questions ?? []);

  /** The chosen time is gone from the screen: the form must not book it. */
  const dropChoice = () => {
    ctx.chosen = null;
    ctx.pendingKey = null;
    form.hidden = true;
    showPickStep();
  };
  /** @param {import("../calendar.js").Slot} slot */
  const showChosen = (slot) => {
    byId("chosen").textContent = `${formatRange(slot.start, slot.end, ctx.zone, ctx.hourCycle)} (${zoneLabel(ctx.zone)})`;
  };

  const step = currentStep();
  const picker = createSlotPicker(byId("picker"), {
    owner: ctx.owner,
    eventType: type.slug,
    timeZone: ctx.zone,
    durationMinutes: ctx.type?.durationMinutes ?? null,
    hourCycle: ctx.hourCycle,
    headingLevel: 2,
    initialMonth: step.slot?.slice(0, 7) ?? step.month,
    initialStart: step.slot,
    onSelect(slot, restored) {
      ctx.chosen = slot;
      ctx.pendingKey = null;
      showChosen(slot);
      showErrors(form, "", []);
      setStatus(ctx.status, "");
      form.hidden = false;
      pushDetailsStep(slot.start);
      emit("timeSelected", { start: slot.start, end: slot.end, durationMinutes: ctx.durationMinutes ?? type.durationMinutes });
      if (!restored) inputById("name").focus();
    },
    onClear: dropChoice,
    onMonth: showMonthStep,
  });
  picker.refresh();
  setUpDurationChoice(ctx, (minutes) => {
    subtitle();
    picker.setDuration(minutes);
  });
  setUpZonePicker(ctx, (zone) => picker.setTimeZone(zone));
  setUpHourCycle(ctx, (cycle) => {
    picker.setHourCycle(cycle);
    if (ctx.chosen) showChosen(ctx.chosen);
  });

  // Back from the form to choosing (or Forward again): the address says which step is on screen.
  window.addEventListener("popstate", () => {
    const { slot, booking } = currentStep();
    if (booking || !byId("confirmation").hidden) {
      location.reload();
      return;
    }
    if (!slot && ctx.chosen) {
      ctx.chosen = null;
      form.hidden = true;
      picker.clearSelection();
    } else if (slot && !ctx.chosen) {
      picker.select(slot);
    }
  });

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const submit = byId("submit", HTMLButtonElement);
    if (!ctx.chosen || submit.disabled) return;
    showErrors(form, "", []);
    const missing = missingFields(form);
    if (missing.length) {
      showErrors(form, t("page.book.checkForm"), missing);
      return;
    }
    ctx.pendingKey ??= newIdempotencyKey();
    submit.disabled = true;
    submit.textContent = t("page.book.submitting");
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
        locale: ctx.locale,
      };
      showConfirmation(ctx, await publicApi.book(ctx.owner, type.slug, body, ctx.pendingKey), true);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      if (error.status !== 0) ctx.pendingKey = null;
      if (error.kind === "slot-unavailable") {
        dropChoice();
        picker.clearSelection();
        setStatus(ctx.status, t("page.slotTaken"), true);
        // On a phone the message sits above the calendar: bring it into view, then reload the month.
        ctx.status.scrollIntoView({ block: "center" });
        await picker.refresh();
      } else if (error.fieldErrors.length) {
        showErrors(form, t("page.book.checkForm"), error.fieldErrors);
      } else {
        setStatus(byId("form-status"), error.status === 0 ? error.message : t("page.error.failed", { message: error.message }), true);
      }
    } finally {
      submit.disabled = false;
      submit.textContent = submitLabel;
    }
  });
}

/**
 * The required fields left empty, as [field, message] pairs.
 * @param {HTMLFormElement} form
 * @returns {Array<[string, string]>}
 */
function missingFields(form) {
  return [...form.querySelectorAll("input[required][data-field], textarea[required][data-field]")]
    .filter((input) => (input instanceof HTMLInputElement || input instanceof HTMLTextAreaElement) && input.validity.valueMissing)
    .map((input) => {
      const field = input.getAttribute("data-field") ?? "";
      return [field, t(MISSING[field] ?? "page.book.missingField")];
    });
}

/**
 * The form's summary line and its field errors (each beside its field and listed; focus on the first).
 * @param {HTMLFormElement} form
 * @param {string} summary
 * @param {Array<[string, string]>} pairs
 */
function showErrors(form, summary, pairs) {
  setStatus(byId("form-status"), summary, pairs.length > 0);
  showFieldErrors(form, byId("form-errors"), pairs, { withFieldNames: false, besideFields: true });
  focusFirstInvalid(form);
}
