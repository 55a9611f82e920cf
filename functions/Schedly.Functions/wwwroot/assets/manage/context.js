// @ts-check
// The manage page's one context object: the booking's id and token (from the URL fragment only),
// the booking as last read, the zone it is shown in, and the reschedule picker's state.
import { byId } from "../lib/dom.js";
import { detectTimeZone } from "../lib/zones.js";

/**
 * @typedef {object} ManagedBooking
 * @property {string} id
 * @property {string} host
 * @property {string} eventType
 * @property {"confirmed" | "cancelled" | "pendingPayment" | "pendingApproval" | "declined" | "expired"} status
 * @property {string | null} [expiresAt] while pending: when it lapses unless paid or answered
 * @property {string | null} [paymentUrl] while pendingPayment: the page to pay on
 * @property {string} start
 * @property {string} end
 * @property {string} name
 * @property {string} email
 * @property {string | null} [cancelReason]
 * @property {import("../lib/location.js").BookingLocation | null} [location]
 * @property {number} [durationMinutes]
 * @property {string} [notes]
 * @property {import("../lib/endpoints.js").Price | null} [price]
 * @property {string | null} [cancelDeadline]
 * @property {string | null} [rescheduleDeadline]
 * @property {number | null} [reschedulesLeft]
 * @property {string[]} [hosts] every host the booking is with (one, or every member of a collective team booking)
 * @property {string | null} [team] the team it was booked through; absent for a host's own booking
 * @property {"roundRobin" | "collective" | null} [teamAssignment] how the team booking is staffed
 */

/**
 * @typedef {object} ManageContext
 * @property {string} id
 * @property {string} token the manage token; travels only in the Authorization header
 * @property {string} zone
 * @property {ManagedBooking | null} booking
 * @property {string | null} eventTitle
 * @property {ReturnType<typeof import("../calendar.js").createSlotPicker> | null} picker
 * @property {import("../calendar.js").Slot | null} target the new time picked
 * @property {HTMLElement} status the page's status line
 */

/** @returns {ManageContext} */
export function createManageContext() {
  const params = new URLSearchParams(location.hash.slice(1));
  return {
    id: params.get("id") ?? "",
    token: params.get("token") ?? "",
    zone: detectTimeZone(),
    booking: null,
    eventTitle: null,
    picker: null,
    target: null,
    status: byId("page-status"),
  };
}
