// @ts-check
// One booking in the dashboard's list, compact: time (and the client's, when their zone's clock differs), client,
// event type, length, price, location, status; answers and notes behind a disclosure; a checkbox for bulk cancel;
// Approve/Decline for a request, Reschedule, Cancel, and the no-show toggle once the meeting has started.
import { ApiError } from "../lib/api.js";
import { byId, el, setStatus } from "../lib/dom.js";
import { formatDateLong, formatMoney, formatTime } from "../lib/format.js";
import { showLocation } from "../lib/location.js";
import { configOf } from "./context.js";
import { wireInlineForm } from "./inline-form.js";
import { rescheduleForm } from "./reschedule-form.js";
import { teamFacts, teamTypeTitle } from "./team-assignment.js";

/**
 * @typedef {{ id: string, eventType: string, start: string, end: string, name: string, email: string, timeZone?: string,
 *   status?: string, notes?: string, noShow?: boolean, durationMinutes?: number, price?: { amount: string, currency: string } | null,
 *   location?: import("../lib/location.js").BookingLocation | null, questionAnswers?: Array<{ label: string, value: string }>,
 *   team?: string | null, teamAssignment?: "roundRobin" | "collective" | null, hosts?: string[],
 *   assignment?: import("./team-assignment.js").Assignment | null }} HostBooking
 */

/** @type {Record<string, [string, string]>} status → badge text and class */
const BADGES = {
  confirmed: ["Confirmed", "confirmed"],
  cancelled: ["Cancelled", "cancelled"],
  declined: ["Declined", "cancelled"],
  expired: ["Expired", "cancelled"],
  pendingApproval: ["Awaiting your answer", "pending"],
  pendingPayment: ["Awaiting payment", "pending"],
};

/** True for the statuses that still hold their time (and can be cancelled). @param {HostBooking} booking */
export const holdsTime = (booking) => ["confirmed", "pendingApproval", "pendingPayment"].includes(booking.status ?? "confirmed");

/** "30 min", "1 h 30 min". @param {number} minutes */
function formatLength(minutes) {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return hours ? `${hours} h${rest ? ` ${rest} min` : ""}` : `${rest} min`;
}

/**
 * The time in the host's zone, and the client's zone (with their clock when it differs).
 * @param {HostBooking} booking @param {string} zone
 */
function whenLine(booking, zone) {
  const time = el("time", { dateTime: booking.start, text: `${formatTime(booking.start, zone)} – ${formatTime(booking.end, zone)}` });
  const clientZone = booking.timeZone;
  if (!clientZone || clientZone === zone) return el("p", { class: "booking-when" }, time);
  const theirs = formatTime(booking.start, clientZone);
  const note = theirs === formatTime(booking.start, zone) ? `client in ${clientZone}` : `${theirs} for the client (${clientZone})`;
  return el("p", { class: "booking-when" }, time, " ", el("span", { class: "muted small client-time", text: note }));
}

/**
 * @param {import("./context.js").DashboardContext} ctx
 * @param {HostBooking} booking
 * @param {() => Promise<void>} reload reloads the list (after a change)
 * @param {() => void} selectionChanged called when the row's checkbox changes
 * @param {number} [seatsTaken] for a seated event type: the seats its session holds among the bookings read
 * @returns {HTMLLIElement}
 */
export function bookingItem(ctx, booking, reload, selectionChanged, seatsTaken) {
  const zone = configOf(ctx).timeZone;
  const type = configOf(ctx).eventTypes?.[booking.eventType];
  const status = booking.status ?? "confirmed";
  const [badgeText, badgeClass] = BADGES[status] ?? [status, "pending"];
  const started = Date.parse(booking.start) <= Date.now();
  const facts = [teamTypeTitle(ctx, booking) ?? type?.title ?? booking.eventType];
  if (booking.durationMinutes) facts.push(formatLength(booking.durationMinutes));
  if (booking.price) facts.push(formatMoney(booking.price.amount, booking.price.currency));
  const item = el("li", { class: "booking-item", dataset: { id: booking.id, status } });
  const summary = el("div", { class: "booking-summary" },
    whenLine(booking, zone),
    el("p", { class: "booking-who" }, el("strong", { text: booking.name }), " · ", el("a", { href: `mailto:${booking.email}`, text: booking.email })),
    el("p", { class: "small" }, el("span", { class: "muted booking-facts", text: facts.join(" · ") }), " ",
      el("span", { class: `badge ${badgeClass}`, text: badgeText }),
      ...(booking.noShow ? [" ", el("span", { class: "badge cancelled", text: "No-show" })] : [])));
  if (typeof type?.seats === "number" && seatsTaken !== undefined) {
    summary.append(el("p", { class: "small" }, el("span", { class: "badge seat-session", text: `Session: ${seatsTaken} of ${type.seats} seats taken` })));
  }
  summary.append(...teamFacts(booking, ctx.host, zone));
  if (booking.location) {
    const where = el("p", { class: "small booking-where" });
    showLocation(where, booking.location);
    summary.append(where);
  }
  if (holdsTime(booking) && !started) {
    const selectId = `select-${booking.id}`;
    const box = el("input", { id: selectId, type: "checkbox", class: "select-booking", value: booking.id });
    box.addEventListener("change", selectionChanged);
    item.append(el("div", { class: "booking-select" }, box,
      el("label", { for: selectId, class: "visually-hidden", text: `Select ${booking.name}, ${formatDateLong(booking.start, zone)} ${formatTime(booking.start, zone)}` })));
  }
  item.append(summary);
  if (booking.questionAnswers?.length || booking.notes) {
    item.append(el("details", { class: "small answers-details" },
      el("summary", { text: "Answers and notes" }),
      el("dl", { class: "answers" }, ...(booking.questionAnswers ?? []).flatMap((a) => [el("dt", { text: a.label }), el("dd", { class: "notes", text: a.value })]),
        ...(booking.notes ? [el("dt", { text: "Notes" }), el("dd", { class: "notes", text: booking.notes })] : []))));
  }
  const itemStatus = el("p", { class: "status small", role: "status", "aria-live": "polite" });
  const actions = el("p", { class: "actions booking-actions" });
  item.append(actions);
  if (status === "pendingApproval") {
    actions.append(answerButton(ctx, booking, "approve", itemStatus, reload), answerButton(ctx, booking, "decline", itemStatus, reload));
  }
  // A meeting with the whole team (collective) is not moved; it is cancelled for every member at once.
  if (status === "confirmed" && !started && booking.teamAssignment !== "collective") {
    const move = el("button", { type: "button", class: "secondary", text: "Reschedule", "aria-expanded": "false", "aria-label": `Reschedule: ${booking.name}` });
    actions.append(move);
    item.append(rescheduleForm(ctx, booking, move, itemStatus, reload));
  }
  if (status === "confirmed" && started) actions.append(noShowButton(ctx, booking, itemStatus, reload));
  if (holdsTime(booking)) {
    const cancel = el("button", { type: "button", class: "secondary", text: "Cancel", "aria-expanded": "false", "aria-label": `Cancel booking: ${booking.name}` });
    actions.append(cancel);
    item.append(cancelForm(ctx, booking, cancel, itemStatus, reload));
  }
  item.append(itemStatus);
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
 * Toggles the no-show mark and reloads the list.
 * @param {import("./context.js").DashboardContext} ctx @param {HostBooking} booking
 * @param {HTMLElement} itemStatus @param {() => Promise<void>} reload
 */
function noShowButton(ctx, booking, itemStatus, reload) {
  const label = booking.noShow ? "Undo no-show" : "Mark no-show";
  const button = el("button", { type: "button", class: "secondary", "aria-pressed": String(Boolean(booking.noShow)), text: label, "aria-label": `${label}: ${booking.name}` });
  button.addEventListener("click", async () => {
    if (button.disabled) return;
    button.disabled = true;
    setStatus(itemStatus, "Saving…");
    try {
      await ctx.admin.setNoShow(booking.id, !booking.noShow);
      await reload();
      setStatus(byId("bookings-status"), `${booking.noShow ? "No-show undone" : "Marked as no-show"}: ${booking.name}.`);
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

  wireInlineForm(cancel, form, keep, reason);
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
