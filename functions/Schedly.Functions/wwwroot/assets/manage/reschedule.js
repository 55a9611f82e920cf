// @ts-check
// Moving the booking: the slot picker (created on demand) and the move button.
import { ApiError } from "../lib/api.js";
import { byId, setStatus } from "../lib/dom.js";
import { publicApi } from "../lib/endpoints.js";
import { formatRange } from "../lib/format.js";
import { createSlotPicker } from "../calendar.js";
import { renderDetails } from "./details.js";

/** @param {import("./context.js").ManageContext} ctx */
export function setUpReschedule(ctx) {
  const status = byId("reschedule-status");
  const move = byId("move");
  const button = byId("move-button", HTMLButtonElement);

  byId("show-picker").addEventListener("click", () => {
    if (!ctx.booking) return;
    const root = byId("picker");
    root.hidden = false;
    byId("show-picker").hidden = true;
    ctx.picker ??= createSlotPicker(root, {
      host: ctx.booking.host,
      eventType: ctx.booking.eventType,
      timeZone: ctx.zone,
      durationMinutes: ctx.booking.durationMinutes ?? null,
      onSelect(slot) {
        ctx.target = slot;
        setStatus(status, "");
        byId("move-to").textContent = `New time: ${formatRange(slot.start, slot.end, ctx.zone)}`;
        move.hidden = false;
        button.focus();
      },
    });
    ctx.picker.refresh();
  });

  button.addEventListener("click", async () => {
    const target = ctx.target;
    if (!target || button.disabled) return;
    button.disabled = true;
    setStatus(status, "Moving your booking…");
    try {
      const booking = await publicApi.reschedule(ctx.id, ctx.token, target.start);
      ctx.booking = booking;
      ctx.target = null;
      move.hidden = true;
      renderDetails(ctx);
      setStatus(status, `Done. Your booking is now ${formatRange(booking.start, booking.end, ctx.zone)}.`);
      ctx.picker?.clearSelection();
      await ctx.picker?.refresh();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      if (error.kind === "slot-unavailable") {
        ctx.target = null;
        move.hidden = true;
        ctx.picker?.clearSelection();
        setStatus(status, "That time was just taken. Please choose another time.", true);
        await ctx.picker?.refresh();
      } else if (error.kind === "booking-cancelled") {
        setStatus(status, "This booking is already cancelled.", true);
        ctx.booking = await publicApi.booking(ctx.id, ctx.token).catch(() => ctx.booking);
        renderDetails(ctx);
      } else {
        setStatus(status, `Sorry, that did not work: ${error.message}`, true);
      }
    } finally {
      button.disabled = false;
    }
  });
}

/**
 * Shows the booking in another zone; a time picked in the old zone is dropped.
 * @param {import("./context.js").ManageContext} ctx
 * @param {string} zone
 */
export function changeZone(ctx, zone) {
  ctx.zone = zone;
  renderDetails(ctx);
  ctx.target = null;
  byId("move").hidden = true;
  ctx.picker?.setTimeZone(zone);
}
