// @ts-check
// Cancelling, with an optional reason for the host and a confirmation step (a cancellation cannot be undone).
// The server judges the reason; its problem (detail and field errors) is shown on the form.
import { ApiError } from "../lib/api.js";
import { byId, setStatus } from "../lib/dom.js";
import { publicApi } from "../lib/endpoints.js";
import { clearFieldErrors, showFieldErrors } from "../lib/field-errors.js";
import { t } from "../lib/i18n.js";
import { emit } from "../lib/embed-events.js";
import { renderDetails } from "./details.js";

/** @param {import("./context.js").ManageContext} ctx */
export function setUpCancel(ctx) {
  const form = byId("cancel-form", HTMLFormElement);
  const ask = byId("cancel-button", HTMLButtonElement);
  const confirmBox = byId("cancel-confirm");
  const yes = byId("cancel-yes", HTMLButtonElement);
  const keep = byId("cancel-keep", HTMLButtonElement);
  const status = byId("cancel-status");
  const reason = byId("reason", HTMLTextAreaElement);
  const errors = byId("cancel-errors");

  /** @param {boolean} open */
  const asking = (open) => {
    confirmBox.hidden = !open;
    ask.hidden = open;
    (open ? keep : ask).focus();
  };
  ask.addEventListener("click", () => asking(true));
  keep.addEventListener("click", () => asking(false));
  confirmBox.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    event.preventDefault();
    asking(false);
  });

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (confirmBox.hidden || yes.disabled) return;
    yes.disabled = true;
    clearFieldErrors(form, errors);
    setStatus(status, t("page.manage.cancelling"));
    try {
      ctx.booking = await publicApi.cancel(ctx.id, ctx.token, reason.value.trim());
      setStatus(status, "");
      renderDetails(ctx);
      emit("cancelled", { host: ctx.booking?.host ?? null, eventType: ctx.booking?.eventType ?? null });
      setStatus(ctx.status, t("page.manage.isCancelled"));
      byId("title").focus();
      ctx.status.scrollIntoView({ block: "center" });
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      showFieldErrors(form, errors, error.fieldErrors, { withFieldNames: false });
      setStatus(status, t("page.manage.notCancelled", { message: error.message }), true);
      asking(false);
    } finally {
      yes.disabled = false;
    }
  });
}
