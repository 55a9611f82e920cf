// @ts-check
// Moving the booking: the slot picker (created on demand) and the move button.
import { ApiError } from "../lib/api.js";
import { byId, setStatus } from "../lib/dom.js";
import { publicApi } from "../lib/endpoints.js";
import { formatRange } from "../lib/format.js";
import { t } from "../lib/i18n.js";
import { emit } from "../lib/embed-events.js";
import { createSlotPicker } from "../calendar.js";
import { renderDetails } from "./details.js";
import { moveOwner } from "./owner.js";

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
      owner: moveOwner(ctx.booking),
      eventType: ctx.booking.eventType,
      timeZone: ctx.zone,
      durationMinutes: ctx.booking.durationMinutes ?? null,
      onSelect(slot) {
        ctx.target = slot;
        setStatus(status, "");
        byId("move-to").textContent = t("page.manage.newTime", { when: formatRange(slot.start, slot.end, ctx.zone) });
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
    setStatus(status, t("page.manage.moving"));
    try {
      const booking = await publicApi.reschedule(ctx.id, ctx.token, target.start);
      ctx.booking = booking;
      ctx.target = null;
      move.hidden = true;
      renderDetails(ctx);
      emit("rescheduled", { host: booking.host, eventType: booking.eventType, start: booking.start, end: booking.end });
      setStatus(status, t("page.manage.moved", { when: formatRange(booking.start, booking.end, ctx.zone) }));
      // On a phone the result would sit below the calendar: bring it into view.
      status.scrollIntoView({ block: "center" });
      ctx.picker?.clearSelection();
      await ctx.picker?.refresh();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      if (error.kind === "slot-unavailable") {
        ctx.target = null;
        move.hidden = true;
        ctx.picker?.clearSelection();
        setStatus(status, t("page.slotTaken"), true);
        status.scrollIntoView({ block: "center" });
        await ctx.picker?.refresh();
      } else if (error.kind === "collective-not-movable") {
        ctx.target = null;
        move.hidden = true;
        byId("picker").hidden = true;
        byId("team-move").hidden = false;
        setStatus(status, t("page.manage.teamMoveNote"), true);
      } else if (error.kind === "booking-cancelled") {
        setStatus(status, t("page.manage.alreadyCancelled"), true);
        ctx.booking = await publicApi.booking(ctx.id, ctx.token).catch(() => ctx.booking);
        renderDetails(ctx);
      } else {
        setStatus(status, t("page.error.failed", { message: error.message }), true);
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
