// @ts-check
// One booking in the dashboard's lists, with Cancel (and, for past ones, the no-show toggle).
import { ApiError } from "../lib/api.js";
import { localDateOf } from "../lib/dates.js";
import { byId, el, setStatus } from "../lib/dom.js";
import { formatDateLong, formatTime } from "../lib/format.js";
import { showLocation } from "../lib/location.js";
import { configOf } from "./context.js";

/** @typedef {{ id: string, eventType: string, start: string, end: string, name: string, email: string, status?: string, notes?: string, noShow?: boolean, location?: import("../lib/location.js").BookingLocation | null, questionAnswers?: Array<{ label: string, value: string }> }} HostBooking */

/**
 * @param {import("./context.js").DashboardContext} ctx
 * @param {HostBooking} booking
 * @param {boolean} past
 * @param {() => Promise<void>} reload reloads both lists (after a cancel)
 * @param {number} [seatsTaken] for a seated event type: the seats its session holds in the list
 * @returns {HTMLLIElement}
 */
export function bookingItem(ctx, booking, past, reload, seatsTaken) {
  const zone = configOf(ctx).timeZone;
  const type = configOf(ctx).eventTypes?.[booking.eventType];
  const time = el("time", { dateTime: booking.start, text: `${formatDateLong(booking.start, zone)}, ${formatTime(booking.start, zone)} – ${formatTime(booking.end, zone)}` });
  const item = el("li", { class: "booking-item", dataset: { id: booking.id, date: localDateOf(new Date(booking.start), zone) } },
    el("p", { class: "booking-when" }, time),
    el("p", { class: "muted small" },
      `${type?.title ?? booking.eventType} · ${booking.name} · `, el("a", { href: `mailto:${booking.email}`, text: booking.email })));
  if (typeof type?.seats === "number" && seatsTaken !== undefined) {
    item.append(el("span", { class: "badge", text: `Session: ${seatsTaken} of ${type.seats} seats taken` }));
  }
  if (booking.location) {
    const where = el("p", { class: "small" });
    showLocation(where, booking.location);
    item.append(where);
  }
  if (booking.questionAnswers?.length) {
    item.append(el("dl", { class: "small answers" }, ...booking.questionAnswers.flatMap((a) => [el("dt", { text: a.label }), el("dd", { class: "notes", text: a.value })])));
  }
  if (booking.notes) item.append(el("p", { class: "small notes", text: booking.notes }));
  const itemStatus = el("p", { class: "status small", role: "status", "aria-live": "polite" });
  const actions = el("p", { class: "actions" });
  item.append(actions);
  if (booking.status === "pendingPayment") item.append(el("span", { class: "badge pending", text: "Awaiting payment" }));
  if (booking.status === "pendingApproval") {
    item.append(el("span", { class: "badge pending", text: "Awaiting your answer" }));
    actions.append(answerButton(ctx, booking, "approve", itemStatus, reload), answerButton(ctx, booking, "decline", itemStatus, reload));
  }
  if (past) actions.append(noShowButton(ctx, booking, item, itemStatus, reload));
  const cancel = el("button", { type: "button", class: "secondary", text: "Cancel", "aria-expanded": "false", "aria-label": `Cancel booking: ${booking.name}` });
  actions.append(cancel);
  item.append(cancelForm(ctx, booking, cancel, itemStatus, reload), itemStatus);
  return item;
}

/**
 * Approves or declines a pending request (single-use: the server refuses a second answer) and reloads the lists.
 * @param {import("./context.js").DashboardContext} ctx @param {HostBooking} booking @param {"approve" | "decline"} answer
 * @param {HTMLElement} itemStatus @param {() => Promise<void>} reload
 */
function answerButton(ctx, booking, answer, itemStatus, reload) {
  const label = answer === "approve" ? "Approve" : "Decline";
  const button = el("button", { type: "button", class: answer === "approve" ? "" : "secondary", text: label, "aria-label": `${label} request: ${booking.name}` });
  button.addEventListener("click", async () => {
    if (button.disabled) return;
    button.disabled = true;
    setStatus(itemStatus, "Saving…");
    try {
      await ctx.admin.answerRequest(booking.id, answer);
      await reload();
      setStatus(byId("bookings-status"), `${answer === "approve" ? "Approved" : "Declined"}: ${booking.name}.`);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setStatus(itemStatus, error.message, true);
      button.disabled = false;
    }
  });
  return button;
}

/**
 * Toggles the no-show mark and redraws the item.
 * @param {import("./context.js").DashboardContext} ctx @param {HostBooking} booking @param {HTMLLIElement} item
 * @param {HTMLElement} itemStatus @param {() => Promise<void>} reload
 */
function noShowButton(ctx, booking, item, itemStatus, reload) {
  const label = booking.noShow ? "Undo no-show" : "Mark no-show";
  const button = el("button", { type: "button", class: "secondary", "aria-pressed": String(Boolean(booking.noShow)), text: label, "aria-label": `${label}: ${booking.name}` });
  if (booking.noShow) item.append(el("span", { class: "badge cancelled", text: "No-show" }));
  button.addEventListener("click", async () => {
    if (button.disabled) return;
    button.disabled = true;
    setStatus(itemStatus, "Saving…");
    try {
      const updated = await ctx.admin.setNoShow(booking.id, !booking.noShow);
      const next = { ...booking, ...(updated ?? {}), noShow: updated?.noShow ?? !booking.noShow };
      const replacement = bookingItem(ctx, next, true, reload);
      item.replaceWith(replacement);
      replacement.querySelector("button")?.focus();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setStatus(itemStatus, error.message, true);
      button.disabled = false;
    }
  });
  return button;
}

/**
 * The inline "cancel with a reason" form, opened by the item's Cancel button.
 * @param {import("./context.js").DashboardContext} ctx @param {HostBooking} booking @param {HTMLButtonElement} cancel
 * @param {HTMLElement} itemStatus @param {() => Promise<void>} reload
 */
function cancelForm(ctx, booking, cancel, itemStatus, reload) {
  const reasonId = `reason-${booking.id}`;
  const reason = el("input", { id: reasonId, type: "text", autocomplete: "off" });
  const confirm = el("button", { type: "submit", class: "danger", text: "Cancel booking" });
  const keep = el("button", { type: "button", class: "secondary", text: "Keep booking" });
  const form = el("form", { class: "cancel-inline", hidden: true, novalidate: true },
    el("div", { class: "field" }, el("label", { for: reasonId, text: "Reason (sent to the client)" }), reason),
    el("p", { class: "actions" }, confirm, keep));

  cancel.addEventListener("click", () => {
    form.hidden = false;
    cancel.setAttribute("aria-expanded", "true");
    reason.focus();
  });
  keep.addEventListener("click", () => {
    form.hidden = true;
    cancel.setAttribute("aria-expanded", "false");
    cancel.focus();
  });
  form.addEventListener("keydown", (event) => {
    if (event.key === "Escape") keep.click();
  });
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (confirm.disabled) return;
    confirm.disabled = true;
    setStatus(itemStatus, "Cancelling…");
    try {
      await ctx.admin.cancelBooking(booking.id, reason.value.trim());
      await reload();
      const zone = configOf(ctx).timeZone;
      setStatus(byId("bookings-status"), `Cancelled: ${booking.name}, ${formatDateLong(booking.start, zone)} ${formatTime(booking.start, zone)}.`);
      byId("bookings-heading").focus();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const messages = error.fieldErrors.map(([, message]) => message);
      setStatus(itemStatus, `Not cancelled: ${[error.message, ...messages].join(" ")}`, true);
      confirm.disabled = false;
    }
  });
  return form;
}
