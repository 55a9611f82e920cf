// @ts-check
// The booking's change deadlines as the server computed them, in the zone the page shows times in.
import { formatDateLong, formatTime } from "./format.js";
import { t, tp } from "./i18n.js";

/** @typedef {{ cancelDeadline?: string | null, rescheduleDeadline?: string | null, reschedulesLeft?: number | null }} PolicyFields */

/**
 * Fills `node` with "Free cancellation until …" (hidden when the booking has no deadlines).
 * @param {HTMLElement} node
 * @param {PolicyFields} booking
 * @param {string} zone
 */
export function showPolicy(node, booking, zone) {
  /** @param {string} at */
  const when = (at) => `${formatDateLong(at, zone)}, ${formatTime(at, zone)}`;
  const parts = [];
  if (booking.cancelDeadline) parts.push(t("page.policy.cancelUntil", { when: when(booking.cancelDeadline) }));
  if (booking.rescheduleDeadline) parts.push(t("page.policy.rescheduleUntil", { when: when(booking.rescheduleDeadline) }));
  if (booking.reschedulesLeft !== null && booking.reschedulesLeft !== undefined) {
    parts.push(booking.reschedulesLeft === 0 ? t("page.policy.noReschedule") : tp("page.policy.reschedulesLeft", booking.reschedulesLeft));
  }
  node.textContent = parts.join(" ");
  node.hidden = parts.length === 0;
}
