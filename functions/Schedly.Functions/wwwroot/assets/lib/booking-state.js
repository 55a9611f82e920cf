// @ts-check
// A booking's state as the pages name it (badge text and style), and its length and price as one line. Shared by the
// client's manage page and the host's approval page.
import { formatMoney } from "./format.js";
import { t, tp } from "./i18n.js";

/** Each status's badge text and style. */
export const BOOKING_STATES = {
  confirmed: { label: "page.manage.confirmed", badge: "confirmed" },
  cancelled: { label: "page.manage.cancelled", badge: "cancelled" },
  pendingPayment: { label: "page.manage.pendingPayment", badge: "pending" },
  pendingApproval: { label: "page.manage.pendingApproval", badge: "pending" },
  declined: { label: "page.manage.declined", badge: "cancelled" },
  expired: { label: "page.manage.expired", badge: "cancelled" },
};

/**
 * Shows `status` on the badge element.
 * @param {HTMLElement} badge @param {string} status
 */
export function showState(badge, status) {
  const shown = BOOKING_STATES[/** @type {keyof typeof BOOKING_STATES} */ (status)] ?? BOOKING_STATES.confirmed;
  badge.textContent = t(shown.label);
  badge.className = `badge ${shown.badge}`;
}

/**
 * "Length: 30 min · Price: €50.00" into `node`, hidden when there is neither.
 * @param {HTMLElement} node
 * @param {{ durationMinutes?: number, price?: import("./endpoints.js").Price | null }} booking
 */
export function showLengthAndPrice(node, booking) {
  const facts = [
    booking.durationMinutes ? t("page.manage.length", { length: tp("page.minutes", booking.durationMinutes) }) : "",
    booking.price ? t("page.manage.price", { price: formatMoney(booking.price.amount, booking.price.currency) }) : "",
  ].filter(Boolean);
  node.textContent = facts.join(" · ");
  node.hidden = facts.length === 0;
}
