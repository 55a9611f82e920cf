// @ts-check
// Cancelling, with an optional reason for the host. The server judges the reason; its problem
// (detail and field errors) is shown on the form.
import { ApiError } from "../lib/api.js";
import { byId, setStatus } from "../lib/dom.js";
import { publicApi } from "../lib/endpoints.js";
import { clearFieldErrors, showFieldErrors } from "../lib/field-errors.js";
import { renderDetails } from "./details.js";

/** @param {import("./context.js").ManageContext} ctx */
export function setUpCancel(ctx) {
  const form = byId("cancel-form", HTMLFormElement);
  const button = byId("cancel-button", HTMLButtonElement);
  const status = byId("cancel-status");
  const reason = byId("reason", HTMLTextAreaElement);
  const errors = byId("cancel-errors");

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (button.disabled) return;
    button.disabled = true;
    clearFieldErrors(form, errors);
    setStatus(status, "Cancelling…");
    try {
      ctx.booking = await publicApi.cancel(ctx.id, ctx.token, reason.value.trim());
      setStatus(status, "");
      renderDetails(ctx);
      setStatus(ctx.status, "Your booking is cancelled.");
      byId("title").focus();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      showFieldErrors(form, errors, error.fieldErrors, { withFieldNames: false });
      setStatus(status, `Sorry, the booking was not cancelled: ${error.message}`, true);
    } finally {
      button.disabled = false;
    }
  });
}
