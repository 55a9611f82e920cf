// @ts-check
// Cancel the checked rows of the bookings list together: the bar counts them, asks once for a reason and a
// confirmation, then cancels each (its own notice to its client) and says how many went.
import { ApiError } from "../lib/api.js";
import { byId, inputById, setStatus } from "../lib/dom.js";
import { plural } from "../lib/format.js";

/** The ids of the checked rows. */
const selectedIds = () => [...document.querySelectorAll("input.select-booking:checked")].map((box) => /** @type {HTMLInputElement} */ (box).value);

/** Shows the bar while rows are checked, with their count. */
export function updateSelection() {
  const count = selectedIds().length;
  byId("bulk-bar").hidden = count === 0;
  byId("bulk-count").textContent = `${plural(count, "booking")} selected`;
  if (count === 0) byId("bulk-confirm").hidden = true;
}

/**
 * @param {import("./context.js").DashboardContext} ctx
 * @param {() => Promise<void>} reload
 */
export function setUpBulkCancel(ctx, reload) {
  const open = byId("bulk-cancel", HTMLButtonElement);
  const confirm = byId("bulk-confirm");
  const go = byId("bulk-go", HTMLButtonElement);
  const status = byId("bulk-status");
  open.addEventListener("click", () => {
    confirm.hidden = false;
    byId("bulk-question").textContent = `Cancel ${plural(selectedIds().length, "booking")}? Each client is told.`;
    inputById("bulk-reason").focus();
  });
  byId("bulk-keep").addEventListener("click", () => {
    confirm.hidden = true;
    open.focus();
  });
  confirm.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (go.disabled) return;
    const ids = selectedIds();
    go.disabled = true;
    setStatus(status, `Cancelling ${plural(ids.length, "booking")}…`);
    let done = 0;
    /** @type {string[]} */
    const failed = [];
    for (const id of ids) {
      try {
        await ctx.admin.cancelBooking(id, inputById("bulk-reason").value.trim());
        done++;
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        failed.push(error.message);
      }
    }
    go.disabled = false;
    inputById("bulk-reason").value = "";
    await reload();
    const summary = `Cancelled ${plural(done, "booking")}.${failed.length ? ` ${failed.length} not cancelled: ${failed[0]}` : ""}`;
    setStatus(byId("bookings-status"), summary, failed.length > 0);
    setStatus(status, "");
    byId("bookings-heading").focus();
  });
}
