// @ts-check
// The host's "move this booking" form: a date in the host's zone, then one of the free slots of the booking's event
// type (and length) on it, read from the public slot list; the server re-checks the slot as it moves the booking.
// A round-robin team booking moves under the team's event type within this host's own times (it keeps its member).
import { ApiError } from "../lib/api.js";
import { localDateOf } from "../lib/dates.js";
import { byId, el, setStatus } from "../lib/dom.js";
import { hostOwner, publicApi, teamOwner } from "../lib/endpoints.js";
import { formatDateLong, formatTime } from "../lib/format.js";
import { configOf } from "./context.js";
import { wireInlineForm } from "./inline-form.js";

/**
 * @param {import("./context.js").DashboardContext} ctx @param {import("./booking-item.js").HostBooking} booking
 * @param {HTMLButtonElement} opener @param {HTMLElement} itemStatus @param {() => Promise<void>} reload
 * @returns {HTMLFormElement}
 */
export function rescheduleForm(ctx, booking, opener, itemStatus, reload) {
  const zone = configOf(ctx).timeZone;
  const dateId = `move-date-${booking.id}`;
  const slotId = `move-slot-${booking.id}`;
  const date = el("input", { id: dateId, type: "date", required: true, value: localDateOf(new Date(booking.start), zone) });
  const slot = el("select", { id: slotId, required: true });
  const slotStatus = el("p", { class: "status small", role: "status", "aria-live": "polite" });
  const move = el("button", { type: "submit", class: "primary", text: "Move booking" });
  const keep = el("button", { type: "button", class: "secondary", text: "Keep time" });
  const form = el("form", { class: "reschedule-inline", hidden: true, novalidate: true },
    el("div", { class: "grid-fields" },
      el("div", { class: "field" }, el("label", { for: dateId, text: `New date (${zone})` }), date),
      el("div", { class: "field" }, el("label", { for: slotId, text: "Free time" }), slot)),
    slotStatus,
    el("p", { class: "actions" }, move, keep));

  const loadSlots = async () => {
    slot.replaceChildren();
    move.disabled = true;
    if (!date.value) return;
    setStatus(slotStatus, "Loading free times…");
    try {
      // The booking keeps its own length; the type's default length is asked for as the default.
      const length = booking.team ? booking.durationMinutes ?? null
        : booking.durationMinutes && booking.durationMinutes !== configOf(ctx).eventTypes?.[booking.eventType]?.durationMinutes ? booking.durationMinutes : null;
      const owner = booking.team ? { ...teamOwner(booking.team), member: ctx.host } : hostOwner(ctx.host);
      /** @type {{ days?: Array<{ date: string, slots: Array<{ start: string }> }> } | null} */
      const answer = await publicApi.slots(owner, booking.eventType, date.value, date.value, zone, length);
      const starts = (answer?.days ?? []).flatMap((d) => d.slots.map((s) => s.start));
      slot.replaceChildren(...starts.map((start) => el("option", { value: start, text: formatTime(start, zone) })));
      move.disabled = starts.length === 0;
      setStatus(slotStatus, starts.length ? `${starts.length} free times.` : "No free time on this date.");
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setStatus(slotStatus, `Could not load free times: ${error.message}`, true);
    }
  };
  date.addEventListener("change", loadSlots);
  wireInlineForm(opener, form, keep, date, loadSlots);

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (move.disabled || !slot.value) return;
    move.disabled = true;
    setStatus(itemStatus, "Moving…");
    try {
      await ctx.admin.rescheduleBooking(booking.id, slot.value);
      await reload();
      setStatus(byId("bookings-status"), `Moved: ${booking.name}, now ${formatDateLong(slot.value, zone)} ${formatTime(slot.value, zone)}.`);
      byId("bookings-heading").focus();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const messages = error.fieldErrors.map(([, message]) => message);
      setStatus(itemStatus, `Not moved: ${[error.message, ...messages].join(" ")}`, true);
      move.disabled = false;
      await loadSlots();
    }
  });
  return form;
}
